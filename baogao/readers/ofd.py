"""The .ofd reader (GB/T 33190, the format of 电子公文; stage 1): its page XML → report lines.

Runs for files named .ofd that are ZIP files (.docx shares the signature; the suffix decides,
and a .docx reader given an OFD names it). An OFD is a ZIP of XML parts: `OFD.xml` names the
document (`DocRoot`) and its metadata (`DocInfo`: title, author, creation date), the document
lists its pages, and each page's `Content.xml` places text objects (`TextObject` with a
`Boundary`, a font `Size`, an optional `CTM`, and `TextCode`s whose characters are spaced by
`DeltaX`/`DeltaY`, "g 3 4.2" meaning three gaps of 4.2 mm). Each character gets its box, and
`_layout` makes the page's lines in reading order, drops running headers and page numbers and
joins wrapped lines, as for a PDF. Page templates (`Tpls/`: letterheads, running headers),
annotations and signatures are not the report's text and are not read.

The XML is read directly (no OFD library on PyPI is small and kept up: easyofd renders pages
through PyMuPDF and reportlab), through `_container`: bounded parts, no DTD or entities.
"""

from __future__ import annotations

import posixpath
import re
from xml.etree.ElementTree import Element

from baogao.readers._container import Zipped
from baogao.readers._layout import Glyph, lines_of, page_text
from baogao.readers.base import Document, Reader, ReadError

MAX_PAGES = 5000
_DOC_INFO = {"Title": "title", "Author": "author", "CreationDate": "created", "ModDate": "modified"}
_ASCENT, _DESCENT = 0.85, 0.15  # of the font size, above and below the baseline
_NUMBER = re.compile(r"-?\d+(?:\.\d*)?|-?\.\d+")


def _local(element: Element) -> str:
    """The tag without its namespace (writers differ in the namespace they declare)."""
    return element.tag.rsplit("}", 1)[-1]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if _local(child) == name]


def _child(element: Element, name: str) -> Element | None:
    return next(iter(_children(element, name)), None)


def _numbers(value: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(value or "")]


def _deltas(value: str | None) -> list[float]:
    """DeltaX/DeltaY: numbers, where "g N d" stands for N times d."""
    tokens = (value or "").split()
    out: list[float] = []
    i = 0
    while i < len(tokens):
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = int(float(tokens[i + 1])) if _NUMBER.fullmatch(tokens[i + 1]) else 0
            step = float(tokens[i + 2]) if _NUMBER.fullmatch(tokens[i + 2]) else 0.0
            out.extend([step] * min(count, 100_000))
            i += 3
        else:
            if _NUMBER.fullmatch(tokens[i]):
                out.append(float(tokens[i]))
            i += 1
    return out


def _text_glyphs(obj: Element) -> list[Glyph]:
    """The characters of one TextObject with their boxes on the page (mm, y downward)."""
    box = _numbers(obj.get("Boundary"))
    origin_x, origin_y = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
    ctm = _numbers(obj.get("CTM"))
    a, b, c, d, e, f = ctm if len(ctm) == 6 else (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    size = (_numbers(obj.get("Size")) or [3.5])[0] * (abs(d) or 1.0)
    glyphs: list[Glyph] = []
    x, y = 0.0, 0.0
    for code in _children(obj, "TextCode"):
        x = float(code.get("X", x)) if _NUMBER.fullmatch(code.get("X", "")) else x
        y = float(code.get("Y", y)) if _NUMBER.fullmatch(code.get("Y", "")) else y
        dx, dy = _deltas(code.get("DeltaX")), _deltas(code.get("DeltaY"))
        for index, char in enumerate(code.text or ""):
            page_x = origin_x + a * x + c * y + e
            page_y = origin_y + b * x + d * y + f
            width = (dx[index] if index < len(dx) else size) * (abs(a) or 1.0)
            glyphs.append((page_x, page_x + min(width, size), page_y - size * _ASCENT, page_y + size * _DESCENT, char))
            x += dx[index] if index < len(dx) else (0.0 if dy else size)
            y += dy[index] if index < len(dy) else 0.0
    return glyphs


def _page_glyphs(content: Element) -> list[Glyph]:
    """Every text object of a page, in its layers and page blocks."""
    glyphs: list[Glyph] = []
    for element in content.iter():
        if _local(element) == "TextObject":
            glyphs.extend(_text_glyphs(element))
    return glyphs


def _width(element: Element | None) -> float:
    """The width of the page area an element sets (the document's CommonData/PageArea, a page's own Area): its
    PhysicalBox's third number, in the millimetres the text is placed in; 0.0 when it sets none."""
    if element is None:
        return 0.0
    area = next((a for a in (_child(element, "PageArea"), _child(element, "Area")) if a is not None), None)
    box = _child(area, "PhysicalBox") if area is not None else None
    numbers = _numbers(box.text) if box is not None else []
    return numbers[2] if len(numbers) == 4 else 0.0


def _resolve(folder: str, location: str) -> str:
    """A BaseLoc or DocRoot: absolute inside the package ("/Doc_0/…") or relative to `folder`."""
    location = location.strip().replace("\\", "/")
    return posixpath.normpath(location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location))


def read(raw: bytes) -> Document:
    zipped = Zipped(raw, "OFD document")
    if not zipped.has("OFD.xml"):
        kind = "a Word document (.docx)" if zipped.has("word/document.xml") else "a ZIP archive"
        raise ReadError(f"is {kind}, not an OFD document: it has no OFD.xml")
    root = zipped.xml("OFD.xml")
    body = _child(root, "DocBody")
    doc_root = _child(body, "DocRoot") if body is not None else None
    if doc_root is None or not (doc_root.text or "").strip():
        raise ReadError("is a damaged OFD document: its OFD.xml names no document (DocRoot)")
    properties = {}
    info = _child(body, "DocInfo") if body is not None else None
    for name, key in _DOC_INFO.items():
        found = _child(info, name) if info is not None else None
        value = " ".join((found.text or "").split()) if found is not None else ""
        if value:
            properties[key] = value
    document_path = _resolve("", doc_root.text or "")
    document = zipped.xml(document_path)
    pages_element = _child(document, "Pages")
    page_elements = _children(pages_element, "Page") if pages_element is not None else []
    if len(page_elements) > MAX_PAGES:
        raise ReadError(f"has {len(page_elements):,} pages, more than a report can have ({MAX_PAGES:,}); split it")
    folder = posixpath.dirname(document_path)
    default_width = _width(_child(document, "CommonData"))
    pages, widths = [], []
    for page in page_elements:
        location = page.get("BaseLoc")
        if not location:
            raise ReadError(f"is a damaged OFD document: page {page.get('ID', '?')} has no BaseLoc")
        content = zipped.xml(_resolve(folder, location))
        pages.append(lines_of(_page_glyphs(content)))
        widths.append(_width(content) or default_width)
    if not any(pages):
        raise ReadError(f"has no text ({len(pages)} page(s) of images: a scanned document?); baogao does not "
                        "read text from images (no OCR)")
    # (a page's width bounds the right margin a full line reaches: a page of short lines has none; all known, or none)
    text, running = page_text(pages, widths if all(widths) else None)
    return Document(text, {**properties, "pages": str(len(pages)), "running_lines": str(running)})


READER = Reader("ofd", (".ofd",), read, magic=(b"PK\x03\x04",))
