"""The .pdf reader (stage 1): a PDF's text layer → report lines, through pdfium (`pypdfium2`).

Runs for every file that starts with `%PDF-`. pdfium gives each page's characters with their
boxes; `_layout` makes them lines in reading order, drops running headers, footers and page
numbers (how many: the property `running_lines`) and joins wrapped lines. A page whose text runs
up or down (a landscape table printed onto a portrait page, pdfium's character angle) is read in
the frame of its lines. This reader

- refuses a PDF without a text layer (a scan): baogao does no OCR, the message says so;
- refuses a password-protected PDF and one pdfium cannot open (damaged, truncated).

The work runs in a child process with bounded memory and time (`_sandbox`), since a PDF's
streams are compressed and pdfium inflates them as it reads.
"""

from __future__ import annotations

import math
from collections import Counter

from baogao.readers._layout import Glyph, Line, lines_of, page_text
from baogao.readers._sandbox import sandboxed
from baogao.readers.base import Document, Reader, ReadError

MAX_PAGES = 5000  # a report of 5 000 pages is a book: refused rather than read for minutes
_TAIL_BYTES = 2048  # %%EOF is the end of a PDF, give or take what some writers add after it
_PDFIUM_BREAKS = "\r\n\x02\ufffe"  # pdfium's own line breaks and soft hyphens


def _page_glyphs(textpage, width: float, height: float) -> tuple[list[Glyph], float]:
    """A page's characters with their boxes, y downward; on a page whose text runs up or down (a
    landscape table printed onto a portrait page), in the frame of its lines; and the page's width along its lines."""
    import pypdfium2.raw as pdfium_c

    boxes: list[tuple[float, float, float, float, str] | None] = []  # left, bottom, right, top (y up); None: a space
    turns: Counter[int] = Counter()
    for index, char in enumerate(textpage.get_text_range()):
        if char in _PDFIUM_BREAKS:
            continue
        if char.isspace():
            boxes.append(None)
            continue
        try:
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
        except Exception:  # an index pdfium cannot place: right after the character before it
            last = next((box for box in reversed(boxes) if box is not None), None)
            if last is None:
                continue
            left = right = last[2]
            bottom, top = last[1], last[3]
        # pdfium's angle is clockwise, in radians: the quarter turn the character's baseline is set at
        angle = pdfium_c.FPDFText_GetCharAngle(textpage.raw, index)
        if angle >= 0:
            turns[round(angle / (math.pi / 2)) % 4] += 1
        boxes.append((left, bottom, right, top, char))
    turn = turns.most_common(1)[0][0] if turns else 0
    glyphs = [(0.0, 0.0, 0.0, 0.0, " ") if box is None else _turned(box, turn, width, height) for box in boxes]
    return glyphs, height if turn % 2 else width


def _turned(box: tuple[float, float, float, float, str], turn: int, width: float, height: float) -> Glyph:
    """A character's box in the frame of text set `turn` quarter turns clockwise (y up, pdfium's): x along its
    lines, y down across them, both from the page's corner where its lines start."""
    left, bottom, right, top, char = box
    cos, sin = ((1, 0), (0, -1), (-1, 0), (0, 1))[turn]  # of the baseline's angle counter-clockwise
    shift_along = (width if cos < 0 else 0) + (height if sin < 0 else 0)
    shift_across = (width if sin < 0 else 0) + (height if cos > 0 else 0)
    along = [x * cos + y * sin + shift_along for x in (left, right) for y in (bottom, top)]
    across = [x * sin - y * cos + shift_across for x in (left, right) for y in (bottom, top)]
    return (min(along), max(along), min(across), max(across), char)


def _extract(raw: bytes) -> tuple[list[list[Line]], list[float], int, int]:
    """Every page's lines, their widths, the number of pages and of those that hold images but no text (in the sandbox)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

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
        found, widths, scanned = [], [], 0
        for number in range(pages):
            page = pdf[number]
            textpage = page.get_textpage()
            glyphs, width = _page_glyphs(textpage, page.get_width(), page.get_height())
            found.append(lines_of(glyphs))
            widths.append(width)
            # (a scanned page among pages of text: its words are in an image, which no one reads — the build says so)
            scanned += not found[-1] and any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2))
            textpage.close()
            page.close()
        return found, widths, pages, scanned
    finally:
        pdf.close()


def read(raw: bytes) -> Document:
    if b"%%EOF" not in raw[-_TAIL_BYTES:]:
        raise ReadError(f"is a truncated PDF: it stops at byte {len(raw):,} without the %%EOF mark a PDF ends "
                        "with (an interrupted copy or download?); copy it again")
    pages, widths, count, scanned = sandboxed(_extract, raw, what="PDF")
    if not any(pages):
        raise ReadError(
            f"has no text layer ({count} page(s) of images: a scanned PDF?); baogao does not read text from "
            "images (no OCR): use the original document, or a PDF with text"
        )
    text, running = page_text(pages, widths)
    return Document(text, {"pages": str(count), "running_lines": str(running), **({"image_pages": str(scanned)} if scanned else {})})



READER = Reader("pdf", (".pdf",), read, magic=(b"%PDF-",))
