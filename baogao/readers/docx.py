"""The .docx reader (Word 2007+, WPS's .docx; stage 1): WordprocessingML → text lines + properties.

Runs for every file whose first bytes are a ZIP's and whose suffix is not another ZIP format's
(see the registry). The text is what Word shows, in document order:

- paragraphs, one line each; a line break inside one (Shift+Enter) starts a new line;
- Word's automatic numbers ("一、", "（一）", "1.", "①"), which are not in the text runs but in the
  numbering definitions (`word/numbering.xml`), counted as Word counts them and written in front
  of their paragraph, so that parse finds the outline as in a typed .txt;
- tracked changes accepted: insertions kept, deletions (and moved-away text) dropped, a
  paragraph whose mark was deleted joined with the next;
- tables row by row, the cells of a row on one line separated by a tab; text boxes once (Word
  stores a fallback copy of each), a box in the text's flow (inline) after the paragraph that
  holds it, a floating one (DrawingML `wp:anchor`, VML `position:absolute`) before the paragraph
  it is anchored in: such a box is laid out apart, often above the text (a title, a 版头), and
  a body sentence read before it would become the title;
- characters of the symbol fonts (Wingdings, Wingdings 2/3, Webdings, Symbol), as `w:sym` or
  as text set in the font, written as the Unicode characters they show (Wingdings 2's "R" is ☑,
  Symbol's D6 is √; see `_symbols`), so a form's chosen option is kept; a w:sym with no Unicode
  look-alike is dropped;
- footnotes and endnotes: the reference mark stays where it is ("[1]"), the notes follow the
  body as lines "[1] …";
- hidden text (`w:vanish`: a run's own property, else its character style's toggling its
  paragraph style's) is not kept, as Word does not show it (often an author's note or withheld
  text); a paragraph whose mark is hidden joins the next, as Word shows it. `w:specVanish` (a
  style separator's mark) hides nothing: the run-in heading stays a line of its own. Not read
  for this: table styles and the document defaults;
- not kept: page headers and footers (a running header is not the report's text), comments,
  field codes (their results are kept), deleted text, hidden text.

Headings: paragraphs in a heading style (标题 1/2/3, Heading 1…, or any style or paragraph
with an outline level) are listed in `Document.headings`, so parse treats them as headings even
when they carry no number. Properties: the core properties (title, author, created, modified)
and the heading count; `baogao.enrich` may take the year from `created`.

Hand-written over the XML rather than through python-docx or docx2python: neither renders
numbering as Word does (python-docx not at all; docx2python knows no Chinese number format and
ignores `w:lvlText`), and the parts are read through `_container` (bounded, no DTD).

The XML is parsed once per part; the document part is walked once. A hostile file (zip bomb,
DTD/entities, encryption, truncation) gets a ReadError from `_container`.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from baogao.readers._container import Zipped
from baogao.readers._numbering import format_number
from baogao.readers._symbols import is_symbol_font, symbol
from baogao.readers.base import Document, Reader, ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WP_ANCHOR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"
_VML_FLOATING = re.compile(r"position\s*:\s*absolute")
_OFFICE_DOCUMENT = "/officeDocument"
# Elements whose text Word does not show as the document's (deleted, moved away, field codes,
# properties), skipped with everything in them.
_SKIP = {W + name for name in ("del", "moveFrom", "delText", "instrText", "delInstrText", "pPr", "rPr",
                               "tblPr", "trPr", "tcPr", "sectPr", "commentReference", "annotationRef")}
_CORE_PROPERTIES = {
    "{http://purl.org/dc/elements/1.1/}title": "title",
    "{http://purl.org/dc/elements/1.1/}creator": "author",
    "{http://purl.org/dc/terms/}created": "created",
    "{http://purl.org/dc/terms/}modified": "modified",
}
_HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_MAX_HEADING_LEVEL = 6
# Word writes a tab (or a space) between a number and its text; after "一、" or "（一）" the
# number already ends in punctuation and a .txt would have nothing there.
_CJK_CLOSER = tuple("、，．。）】」』》：:")
_MAX_STYLE_DEPTH = 20  # basedOn chains; a loop in a hostile file stops here


def _val(element: Element | None, name: str = "val") -> str | None:
    return None if element is None else element.get(W + name)


def _on(element: Element | None) -> bool | None:
    """An on/off property (w:vanish, w:b …): None when absent; present without w:val is on."""
    return None if element is None else _val(element) not in ("0", "false", "off")


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False
    restart: int | None = None  # the level whose use restarts this one (None: any higher level)


@dataclass
class _Numbering:
    """numbering.xml: each w:num's levels, and the counters Word keeps while it renders."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    counter_of: dict[str, str] = field(default_factory=dict)  # numId → counter key (shared by an abstractNum)
    style_levels: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str:
        """The number of the next paragraph of list `num_id` at level `ilvl`, as Word writes it."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        key = self.counter_of[num_id]
        counts = self.counters.setdefault(key, {})
        level = levels[ilvl]
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper, other in levels.items():
            if deeper > ilvl and (other.restart is None or other.restart > ilvl) and other.restart != 0:
                counts.pop(deeper, None)

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            shown = levels.get(at)
            if shown is None:
                return ""
            value = counts.get(at, shown.start)
            return format_number(value, "decimal" if level.legal else shown.fmt)

        text = re.sub(r"%([1-9])", number, level.text)
        if not text:
            return ""
        if level.suffix in ("tab", "space") and not text.endswith(_CJK_CLOSER):
            return text + " "
        return text


def _read_numbering(root: Element | None, style_num: dict[str, tuple[str, int | None]]) -> _Numbering:
    numbering = _Numbering()
    if root is None:
        return numbering
    abstracts: dict[str, dict[int, _Level]] = {}
    links: dict[str, str] = {}  # abstractNumId → the style whose numbering it uses (numStyleLink)
    pstyle_level: dict[str, tuple[str, int]] = {}  # styleId named in a w:lvl → (abstractNumId, ilvl)
    for abstract in root.iter(W + "abstractNum"):
        abstract_id = _val(abstract, "abstractNumId") or ""
        abstracts[abstract_id] = levels = {}
        link = _val(abstract.find(W + "numStyleLink"))
        if link:
            links[abstract_id] = link
        for lvl in abstract.findall(W + "lvl"):
            ilvl, level = _level(lvl)
            levels[ilvl] = level
            style = _val(lvl.find(W + "pStyle"))
            if style:
                pstyle_level[style] = (abstract_id, ilvl)
    for num in root.iter(W + "num"):
        num_id = _val(num, "numId") or ""
        abstract_id = _val(num.find(W + "abstractNumId")) or ""
        if abstract_id in links:  # a list style: its numbering is the style's w:num
            target = style_num.get(links[abstract_id])
            linked = root.find(f"{W}num[@{W}numId='{target[0]}']") if target else None
            if linked is not None:
                abstract_id = _val(linked.find(W + "abstractNumId")) or abstract_id
        levels = {ilvl: _Level(**vars(level)) for ilvl, level in abstracts.get(abstract_id, {}).items()}
        own_counter = False
        for override in num.findall(W + "lvlOverride"):
            ilvl = _int(_val(override, "ilvl"), 0)
            start = _val(override.find(W + "startOverride"))
            lvl_override = override.find(W + "lvl")
            if lvl_override is not None:
                levels[ilvl] = _level(lvl_override)[1]
                own_counter = True
            if start is not None and ilvl in levels:
                levels[ilvl].start = _int(start, 1)
                own_counter = True
        numbering.levels[num_id] = levels
        numbering.counter_of[num_id] = f"num {num_id}" if own_counter else f"abstract {abstract_id}"
    for style, (num_id, style_ilvl) in style_num.items():
        if style_ilvl is None:
            counter = numbering.counter_of.get(num_id, "").removeprefix("abstract ")
            style_ilvl = pstyle_level[style][1] if pstyle_level.get(style, ("", 0))[0] == counter else 0
        numbering.style_levels[style] = (num_id, style_ilvl)
    return numbering


def _level(lvl: Element) -> tuple[int, _Level]:
    restart = _val(lvl.find(W + "lvlRestart"))
    level = _Level(
        fmt=_val(lvl.find(W + "numFmt")) or "decimal",
        text=_val(lvl.find(W + "lvlText")) or "",
        start=_int(_val(lvl.find(W + "start")), 1),
        suffix=_val(lvl.find(W + "suff")) or "tab",
        legal=lvl.find(W + "isLgl") is not None,
        restart=int(restart) - 1 if restart and restart.isdigit() else None,
    )
    if level.fmt == "bullet":
        level.text = "•" if not level.text or any(0xE000 <= ord(c) <= 0xF8FF for c in level.text) else level.text
    return _int(_val(lvl, "ilvl"), 0), level


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class _Styles:
    outline: dict[str, int] = field(default_factory=dict)  # styleId → heading level (1 = outermost)
    num: dict[str, tuple[str, int | None]] = field(default_factory=dict)  # styleId → (numId, ilvl or None)
    hidden: set[str] = field(default_factory=set)  # styles whose run properties hide text (w:vanish)
    default_paragraph: str = ""  # the style of a paragraph that names none


def _read_styles(root: Element | None) -> _Styles:
    styles = _Styles()
    if root is None:
        return styles
    based: dict[str, str] = {}
    own_outline: dict[str, int] = {}
    own_num: dict[str, tuple[str, int | None]] = {}
    own_hidden: dict[str, bool] = {}
    for style in root.iter(W + "style"):
        style_id = _val(style, "styleId") or ""
        if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
            styles.default_paragraph = style_id
        vanish = _on(style.find(f"{W}rPr/{W}vanish"))
        if vanish is not None:
            own_hidden[style_id] = vanish
        based_on = _val(style.find(W + "basedOn"))
        if based_on:
            based[style_id] = based_on
        name = _HEADING_NAME.match(_val(style.find(W + "name")) or "")
        ppr = style.find(W + "pPr")
        outline = _val(ppr.find(W + "outlineLvl")) if ppr is not None else None
        if outline is not None and outline.isdigit() and int(outline) < _MAX_HEADING_LEVEL:
            own_outline[style_id] = int(outline) + 1
        elif name:
            own_outline[style_id] = int(name.group(1))
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        if num_pr is not None:
            num_id = _val(num_pr.find(W + "numId"))
            ilvl = _val(num_pr.find(W + "ilvl"))
            if num_id:
                own_num[style_id] = (num_id, int(ilvl) if ilvl and ilvl.isdigit() else None)
    for style_id in {*own_outline, *own_num, *own_hidden, *based}:
        chain: list[str] = []
        current = style_id
        while current and len(chain) < _MAX_STYLE_DEPTH:
            chain.append(current)
            current = based.get(current, "")
        level = next((own_outline[s] for s in chain if s in own_outline), None)
        if level:
            styles.outline[style_id] = level
        num = next((own_num[s] for s in chain if s in own_num), None)
        if num:
            styles.num[style_id] = num
        if next((own_hidden[s] for s in chain if s in own_hidden), False):
            styles.hidden.add(style_id)
    return styles


class _Walker:
    """One walk over the document part: lines, heading levels, note references."""

    def __init__(self, styles: _Styles, numbering: _Numbering) -> None:
        self.styles, self.numbering = styles, numbering
        self.lines: list[str] = []
        self.headings: dict[str, int] = {}
        self.notes: list[tuple[str, str]] = []  # (kind, id) in order of reference
        self._joined = ""  # a paragraph whose mark was deleted or hidden: its text waits for the next one
        self._style_hidden = False  # the current paragraph's style hides its runs (w:vanish)

    def blocks(self, parent: Element) -> None:
        for child in parent:
            if child.tag == W + "p":
                self.paragraph(child)
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag == _MC + "AlternateContent":
                self.blocks(_chosen(child))
            elif child.tag not in _SKIP:
                self.blocks(child)  # w:sdt, w:sdtContent, w:customXml, w:ins around paragraphs …

    def paragraph(self, p: Element) -> None:
        ppr = p.find(W + "pPr")
        style = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        self._style_hidden = (style or self.styles.default_paragraph) in self.styles.hidden
        mark = ppr.find(W + "rPr") if ppr is not None else None
        # a hidden mark joins the paragraph to the next one, as a deleted mark does; but a style
        # separator's mark (w:specVanish) keeps its run-in heading a line of its own, for the outline
        mark_hidden = (mark is None or mark.find(W + "specVanish") is None) and self._hidden(mark)
        label = self._numbering_label(ppr)  # counted even when its paragraph is hidden
        boxes: list[tuple[Element, bool]] = []
        text = ("" if mark_hidden else label) + self.runs(p, boxes)
        # a floating box is laid out apart from the text, often above it (a title, a 版头): before it
        self._boxes([box for box, floating in boxes if floating])
        mark_deleted = mark is not None and mark.find(W + "del") is not None
        text, self._joined = self._joined + text, ""
        if mark_deleted or mark_hidden:
            self._joined = text
        else:
            level = self._outline_level(ppr)
            parts = text.split("\n")
            for part in parts:
                self.lines.append(part)
            if level and text.strip() and len(parts) == 1:
                self.headings.setdefault(text.strip(), level)
        self._boxes([box for box, floating in boxes if not floating])  # an inline box: after it

    def _boxes(self, boxes: list[Element]) -> None:
        """Text boxes, each paragraph of them a line; the text of a paragraph waiting to join the next
        one keeps waiting."""
        waiting, self._joined = self._joined, ""
        for box in boxes:
            self.walk(box)
        self._joined = waiting

    def walk(self, parent: Element) -> None:
        """`blocks`, then the text of a last paragraph whose mark was deleted or hidden: it has no
        next paragraph here to join (the end of a cell, a note, a text box, the body)."""
        self.blocks(parent)
        if self._joined:
            self.lines.append(self._joined)
            self._joined = ""

    def table(self, tbl: Element) -> None:
        for row in _children(tbl, W + "tr"):
            cells = []
            for cell in _children(row, W + "tc"):
                inner = _Walker(self.styles, self.numbering)
                inner.notes = self.notes
                inner.walk(cell)
                cells.append(" ".join(line for line in inner.lines if line.strip()))
            self.lines.append("\t".join(cells))

    def runs(self, parent: Element, boxes: list[tuple[Element, bool]], floating: bool = False) -> str:
        """The text Word shows for the runs under `parent`; text boxes found go into `boxes`, with
        whether they float (in a DrawingML wp:anchor or an absolutely positioned VML shape)."""
        out: list[str] = []
        for child in parent:
            tag = child.tag
            if tag in _SKIP or tag == W + "r" and self._hidden(child.find(W + "rPr")):
                continue  # hidden text (w:vanish): Word shows nothing of the run
            if tag == W + "t":
                out.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                if _val(child, "type") not in ("page", "column"):
                    out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "sym":
                out.append(_sym(_val(child, "font") or "", _int_hex(_val(child, "char"))))
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                self.notes.append((kind, _val(child, "id") or ""))
                out.append(_note_mark(kind, sum(k == kind for k, _ in self.notes)))
            elif tag == W + "txbxContent":
                boxes.append((child, floating))
            elif tag == _MC + "AlternateContent":
                out.append(self.runs(_chosen(child), boxes, floating))
            elif tag == W + "p":  # a paragraph inside a run's drawing, without a text box around it
                boxes.append((child, floating))
            else:
                floats = floating or tag == _WP_ANCHOR or bool(_VML_FLOATING.search(child.get("style", "")))
                text = self.runs(child, boxes, floats)  # w:r, w:ins, w:hyperlink, w:smartTag, w:fldSimple, drawings …
                out.append(_typed(child.find(f"{W}rPr/{W}rFonts"), text) if tag == W + "r" else text)
        return "".join(out)

    def _hidden(self, rpr: Element | None) -> bool:
        """Whether Word hides a run (or a paragraph mark) with these run properties: its own w:vanish
        decides; else its character style's, which toggles its paragraph style's (OOXML 17.7.3)."""
        own = _on(rpr.find(W + "vanish")) if rpr is not None else None
        if own is not None:
            return own
        char_style = _val(rpr.find(W + "rStyle")) if rpr is not None else None
        return self._style_hidden != (char_style in self.styles.hidden)

    def _numbering_label(self, ppr: Element | None) -> str:
        style = _val(ppr.find(W + "pStyle")) if ppr is not None else None
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = self.numbering.style_levels.get(style or "", ("", 0))
        if num_pr is not None:
            own_id, own_level = _val(num_pr.find(W + "numId")), _val(num_pr.find(W + "ilvl"))
            num_id = own_id if own_id is not None else num_id
            ilvl = _int(own_level, ilvl if own_id is None else 0)
        if not num_id or num_id == "0":
            return ""
        return self.numbering.label(num_id, ilvl)

    def _outline_level(self, ppr: Element | None) -> int:
        if ppr is None:
            return 0
        own = _val(ppr.find(W + "outlineLvl"))
        if own is not None and own.isdigit():
            return int(own) + 1 if int(own) < _MAX_HEADING_LEVEL else 0
        return self.styles.outline.get(_val(ppr.find(W + "pStyle")) or "", 0)


def _chosen(alternate: Element) -> Element:
    """mc:AlternateContent holds one content in several forms: the first choice only."""
    for child in alternate:
        return child
    return alternate


def _children(parent: Element, tag: str) -> list[Element]:
    """The `tag` elements of `parent`, also those wrapped in w:sdt/w:customXml/w:ins, not those
    of a table nested further down (that table's own walk reads them)."""
    found = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag not in _SKIP and child.tag not in (W + "tbl", W + "tc", W + "tr", W + "p"):
            found.extend(_children(child, tag))
    return found


def _int_hex(value: str | None) -> int | None:
    try:
        return int(value, 16) if value else None
    except ValueError:
        return None


def _sym(font: str, code: int | None) -> str:
    """A w:sym: a symbol font's character as the Unicode one it shows. One the table does not keep,
    or a private-use code of another font, is dropped: a placeholder could not tell ☑ from □,
    and would reach titles and search."""
    if code is None:
        return ""
    shown = symbol(font, code)
    if shown is not None:
        return shown
    return chr(code) if 0x20 <= code <= 0x10FFFF and not 0xD800 <= code <= 0xF8FF else ""


def _typed(fonts: Element | None, text: str) -> str:
    """A run's text as it shows when the run is set in a symbol font (Wingdings 2's "R" is ☑), by
    the run's own fonts: w:ascii for ASCII, w:hAnsi (w:eastAsia under an East Asian hint) for
    Latin-1 and F000–F0FF. A character the table does not keep stays as typed: unlike a w:sym, it
    was typed as text, and the font may be a slip."""
    if fonts is None:
        return text
    low = fonts.get(W + "ascii") or ""
    high = fonts.get(W + ("eastAsia" if fonts.get(W + "hint") == "eastAsia" else "hAnsi")) or ""
    if not is_symbol_font(low) and not is_symbol_font(high):
        return text
    return "".join(symbol(low if ord(char) < 0x80 else high, ord(char)) or char for char in text)


def _note_mark(kind: str, number: int) -> str:
    return f"[{number}]" if kind == "footnote" else f"[尾注{number}]"


def _relations(zipped: Zipped, part: str) -> dict[str, str]:
    """Relationship type (its last path segment) → target part, of `part` ("" for the package)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if not zipped.has(rels):
        return {}
    found: dict[str, str] = {}
    for rel in zipped.xml(rels).iter(_REL):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found.setdefault("/" + rel.get("Type", "").rsplit("/", 1)[-1], path)
    return found


def read(raw: bytes) -> Document:
    zipped = Zipped(raw, "Word document (.docx)")
    main = _relations(zipped, "").get(_OFFICE_DOCUMENT, "word/document.xml")
    if not zipped.has(main):
        if zipped.has("OFD.xml"):
            raise ReadError("is an OFD document under another name: rename it to .ofd")
        raise ReadError(f"is a ZIP archive, not a Word document: it has no {main}")
    parts = _relations(zipped, main)

    def optional(kind: str) -> Element | None:
        return zipped.xml(parts[kind]) if kind in parts and zipped.has(parts[kind]) else None

    styles = _read_styles(optional("/styles"))
    walker = _Walker(styles, _read_numbering(optional("/numbering"), styles.num))
    body = zipped.xml(main).find(W + "body")
    if body is None:
        raise ReadError(f"is damaged: its {main} has no body")
    walker.walk(body)
    _add_notes(walker, {kind: optional(f"/{kind}s") for kind in ("footnote", "endnote")})
    text = "\n".join(walker.lines).strip("\n")
    if not text.strip():
        raise ReadError("has no text (a Word document with only pictures? baogao does not read images)")
    properties = _core_properties(zipped)
    return Document(text, properties, headings=walker.headings)


def _add_notes(walker: _Walker, roots: dict[str, Element | None]) -> None:
    """The footnotes and endnotes referenced in the body, after it, in reference order."""
    by_id: dict[tuple[str, str], Element] = {}
    for kind, root in roots.items():
        for note in root.iter(W + kind) if root is not None else ():
            by_id[(kind, _val(note, "id") or "")] = note
    numbers: dict[str, int] = {}
    for kind, note_id in list(walker.notes):
        numbers[kind] = numbers.get(kind, 0) + 1
        found = by_id.get((kind, note_id))
        if found is None:
            continue
        inner = _Walker(walker.styles, walker.numbering)
        inner.notes = walker.notes
        inner.walk(found)
        text = " ".join(line.strip() for line in inner.lines if line.strip())
        walker.lines.append(f"{_note_mark(kind, numbers[kind])} {text}")


def _core_properties(zipped: Zipped) -> dict[str, str]:
    core = _relations(zipped, "").get("/core-properties", "docProps/core.xml")
    if not zipped.has(core):
        return {}
    found = {}
    for element in zipped.xml(core):
        name = _CORE_PROPERTIES.get(element.tag)
        if name and element.text and element.text.strip():
            found[name] = " ".join(element.text.split())
    return found


READER = Reader("docx", (".docx",), read, magic=(b"PK\x03\x04",))
