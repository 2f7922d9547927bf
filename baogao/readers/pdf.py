"""The .pdf reader (stage 1): a PDF's text layer → report lines, through pdfium (`pypdfium2`).

Runs for every file that starts with `%PDF-`. pdfium gives each page's characters with their
boxes; `_layout` makes them lines in reading order, drops running headers, footers and page
numbers (how many: the property `running_lines`) and joins wrapped lines. This reader

- refuses a PDF without a text layer (a scan): baogao does no OCR, the message says so;
- refuses a password-protected PDF and one pdfium cannot open (damaged, truncated).

The work runs in a child process with bounded memory and time (`_sandbox`), since a PDF's
streams are compressed and pdfium inflates them as it reads.
"""

from __future__ import annotations

from baogao.readers._layout import Glyph, Line, lines_of, page_text
from baogao.readers._sandbox import sandboxed
from baogao.readers.base import Document, Reader, ReadError

MAX_PAGES = 5000  # a report of 5 000 pages is a book: refused rather than read for minutes
_TAIL_BYTES = 2048  # %%EOF is the end of a PDF, give or take what some writers add after it
_PDFIUM_BREAKS = "\r\n\x02\ufffe"  # pdfium's own line breaks and soft hyphens


def _page_glyphs(textpage, height: float) -> list[Glyph]:
    """A page's characters with their boxes, y downward."""
    glyphs: list[Glyph] = []
    for index, char in enumerate(textpage.get_text_range()):
        if char in _PDFIUM_BREAKS:
            continue
        if char.isspace():
            glyphs.append((0.0, 0.0, 0.0, 0.0, " "))
            continue
        try:
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
        except Exception:  # an index pdfium cannot place: right after the character before it
            if not glyphs:
                continue
            left = right = glyphs[-1][1]
            top, bottom = height - glyphs[-1][2], height - glyphs[-1][3]
        glyphs.append((left, right, height - top, height - bottom, char))
    return glyphs


def _extract(raw: bytes) -> tuple[list[list[Line]], int]:
    """Every page's lines, and the number of pages (in the sandbox)."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(raw)
    except pdfium.PdfiumError as err:
        if "password" in str(err).lower():
            raise ReadError("is a password-protected PDF; save a copy without a password") from None
        raise ReadError(f"is a damaged or truncated PDF that cannot be opened ({err})") from None
    try:
        pages = len(pdf)
        if pages > MAX_PAGES:
            raise ReadError(f"has {pages:,} pages, more than a report can have ({MAX_PAGES:,}); split it")
        found = []
        for number in range(pages):
            page = pdf[number]
            textpage = page.get_textpage()
            found.append(lines_of(_page_glyphs(textpage, page.get_height())))
            textpage.close()
            page.close()
        return found, pages
    finally:
        pdf.close()


def read(raw: bytes) -> Document:
    if b"%%EOF" not in raw[-_TAIL_BYTES:]:
        raise ReadError(f"is a truncated PDF: it stops at byte {len(raw):,} without the %%EOF mark a PDF ends "
                        "with (an interrupted copy or download?); copy it again")
    pages, count = sandboxed(_extract, raw, what="PDF")
    if not any(pages):
        raise ReadError(
            f"has no text layer ({count} page(s) of images: a scanned PDF?); baogao does not read text from "
            "images (no OCR): use the original document, or a PDF with text"
        )
    text, running = page_text(pages)
    return Document(text, {"pages": str(count), "running_lines": str(running)})



READER = Reader("pdf", (".pdf",), read, magic=(b"%PDF-",))
