"""Page layout → report lines, for the readers of page-description formats (.pdf, .ofd).

Used by `baogao.readers.pdf` and `baogao.readers.ofd` once they have every character of a page
with its box (y grows downward). Three steps, the same for both formats:

- `lines_of`: characters grouped into the lines they share (boxes overlapping vertically by half),
  lines top to bottom, characters left to right: reading order from geometry, not from the order
  in which a writer drew them (a word processor may draw the quotation marks of a line, set in a
  fallback font, after the rest of it); spaces kept only where Latin words or numbers meet, and
  where the characters stand more than one and a half characters apart (table cells, 版记's
  印发机关 and date: one space);
- running headers and footers dropped: a line at the top or bottom of a page that recurs (digits
  aside) at the same height on at least half of the pages (two at least), and page numbers there
  ("3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 10 页", "3/10");
- the lines a paragraph was wrapped into joined back: a line that reaches the right margin (the
  one the pages' text reaches, not a short last page's widest line) from the left margin or a
  first line's indent (not a signature or date set right) continues on the next one, unless the next one starts a numbered heading (parse's rule,
  `starts_block`) or the line ends a sentence and the next one is indented as a first line or set apart by a
  paragraph's spacing (more than a paragraph's line pitch below it: a file without indents).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from baogao.parse import starts_block

_SAME_HEIGHT = 3.0  # points: lines this close in height on two pages stand at the same place
_EDGE_LINES = 2  # lines at the top and bottom of a page that may be a running header or footer
_MIN_SHARE = 0.5  # a running line recurs on at least half of the pages (and on two at least)
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－·•]*(?:第\s*)?[\d０-９]{1,4}\s*(?:页)?(?:\s*[/／]\s*[\d０-９]{1,4}|\s*共\s*[\d０-９]{1,4}\s*页)?[\s\-—–－·•]*$"
    r"|^[\s\-—–－]*(?:page\s*)?\d{1,4}(?:\s*of\s*\d{1,4})?[\s\-—–－]*$",
    re.IGNORECASE,
)
_FULL_GAP, _SHORT_GAP = 1.2, 3.5  # in characters: how far from the right margin a wrapped line may stop
_WIDE_GAP = 1.5  # in characters: a gap this wide between two characters of a line is white space the reader sees
_INDENT = 2.5  # in characters: a line starting further right than a first line's indent (两字) is set right or centred
_SAME_SIZE = 0.15  # lines whose heights differ by more are set in different sizes
_SENTENCE_CLOSERS = tuple("。！？!?；;：:…”’」』）)】]》")
_PARAGRAPH_SPACING = 1.4  # a line this many times a paragraph's line pitch below the one above starts a paragraph


Glyph = tuple[float, float, float, float, str]  # left, right, top, bottom (y downward), character


@dataclass
class Line:
    text: str
    left: float
    right: float
    top: float = 0.0
    height: float = 0.0  # of the line's boxes: a heading set in a larger size stands out


def lines_of(glyphs: list[Glyph]) -> list[Line]:
    """A page's characters → its lines in reading order (see the module)."""
    rows: list[list] = []  # [top, bottom, [(left, right, char)]], most recent last
    for left, right, top, bottom, char in glyphs:
        if char.isspace():  # spaces have no ink: they follow the character before them
            if rows:
                row = rows[-1]
                row[2].append((row[2][-1][1], row[2][-1][1], " "))
            continue
        for row in reversed(rows[-4:]):
            overlap = min(bottom, row[1]) - max(top, row[0])
            if overlap >= 0.5 * min(bottom - top, row[1] - row[0]):
                row[0], row[1] = min(row[0], top), max(row[1], bottom)
                row[2].append((left, right, char))
                break
        else:
            rows.append([top, bottom, [(left, right, char)]])
    lines = []
    for top, bottom, chars in sorted(rows, key=lambda row: row[0]):
        chars.sort(key=lambda c: c[0])
        ink = [c for c in chars if not c[2].isspace()]
        size = statistics.median([c[1] - c[0] for c in ink if c[1] > c[0]] or [bottom - top])
        text, end = [], None
        for left, right, char in chars:
            if not char.isspace():
                if end is not None and left - end > _WIDE_GAP * size:
                    text.append("\t")  # a gap wider than a character or two: table cells, 印发机关 and date, kept apart
                end = right if end is None else max(end, right)
            text.append(char)
        lines.append(Line(_spaced("".join(text)), ink[0][0], max(c[1] for c in ink), top, bottom - top))
    return lines


_SPACE_IN_CJK = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def _spaced(line: str) -> str:
    """Spaces only where Latin words or numbers meet: pdfium adds one wherever glyphs leave a
    gap, which in Chinese text is around every quotation mark and bracket set in another font;
    a tab (a gap the reader sees, marked by `lines_of`) becomes one space."""
    return re.sub(" *\t[\t ]*", " ", re.sub(" {2,}", " ", _SPACE_IN_CJK.sub("", line))).strip()


def page_text(pages: list[list[Line]], widths: list[float] | None = None) -> tuple[str, int]:
    """The report's text from its pages' lines (and the pages' widths, when known), and how many running lines
    were dropped."""
    kept, removed = _without_running_lines(pages)
    return _joined(kept, widths), removed


def _shape(line: Line) -> str:
    """A line with its digits and white space blurred (a running header with its page number),
    and where it stands on the page: a running line stands at the same height on every page."""
    return re.sub(r"[\d０-９]+", "#", "".join(line.text.split())) + f"@{round(line.top / _SAME_HEIGHT)}"


def _without_running_lines(pages: list[list[Line]]) -> tuple[list[list[Line]], int]:
    edges: Counter[str] = Counter()
    for lines in pages:
        edge = {_shape(line) for line in lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]}
        edges.update(edge)
    recurring = {shape for shape, n in edges.items() if n >= max(2, _MIN_SHARE * len(pages))}
    kept, removed = [], 0
    for lines in pages:
        edge_indexes = set(range(min(_EDGE_LINES, len(lines)))) | set(range(max(0, len(lines) - _EDGE_LINES), len(lines)))
        page = []
        for index, line in enumerate(lines):
            if index in edge_indexes and (_shape(line) in recurring or _PAGE_NUMBER.match(line.text)):
                removed += 1
            else:
                page.append(line)
        kept.append(page)
    return kept, removed


def _continues(before: str, previous: Line, line: Line, text: str, indented: bool) -> bool:
    """Whether `line` goes on with the full line `previous` (whose paragraph so far is `before`):
    it is set in the same size, and the previous line stops mid-sentence, or it ends a sentence
    and this one does not start an indented paragraph. A line that starts with a number goes on
    only with a body paragraph stopped mid-sentence (the wrap fell before "一、" by chance)."""
    if abs(previous.height - line.height) > _SAME_SIZE * max(previous.height, line.height):
        return False
    if starts_block(text):  # a numbered line after a wrapped one: a word that wraps, or a heading after a heading
        return not before.endswith(_SENTENCE_CLOSERS) and not starts_block(before)
    return not before.endswith(_SENTENCE_CLOSERS) or not indented


def _full(line: Line, margin_right: float, char: float, margin_left: float) -> bool:
    """Whether a line is full: at the margin, or a few characters short of it when it ends mid-sentence
    (line-breaking rules move a character that may not end a line, such as “, and the one before it, to the next line);
    and it starts at the left margin or a first line's indent: a line set right (a signature, its date) or centred
    reaches the margin without being wrapped."""
    if line.left > margin_left + _INDENT * char:
        return False
    gap = margin_right - line.right
    return gap <= _FULL_GAP * char or (gap <= _SHORT_GAP * char and not line.text.strip().endswith(_SENTENCE_CLOSERS))


def _joined(pages: list[list[Line]], widths: list[float] | None = None) -> str:
    """The report's lines: each page's wrapped lines joined back into paragraphs, across pages too."""
    out: list[str] = []
    previous: Line | None = None
    previous_full = False
    # the right margin the pages' text reaches: a short page (a last page with the signature and 版记) reaches less far,
    # and its widest line is no full one
    common_right = statistics.median([max(line.right for line in lines) for lines in pages if lines] or [0.0])
    for number, lines in enumerate(pages):
        if not lines:
            continue
        sizes = [(line.right - line.left) / max(1, len(line.text.strip())) for line in lines if line.right > line.left]
        char = statistics.median(sizes) if sizes else 10.0
        margin_left = min(line.left for line in lines)
        margin_right = max(common_right, max(line.right for line in lines))
        if widths and margin_left < widths[number] / 3:  # margins alike left and right (公文 28/26 mm, Word's 31.8 mm):
            # a page of short lines has none full
            margin_right = max(margin_right, widths[number] - margin_left - char)
        # the line pitch inside a paragraph: the smaller steps between a full line and the next, both at the left margin
        # (a paragraph's wrapped lines; not a table's rows or cells, set closer perhaps)
        steps = [below.top - above.top for above, below in zip(lines, lines[1:])
                 if below.top > above.top and _full(above, margin_right, char, margin_left) and max(above.left, below.left) <= margin_left + char]
        pitch = statistics.quantiles(steps, n=4)[0] if len(steps) > 1 else 0.0
        for k, line in enumerate(lines):
            text = line.text.strip()
            # a first line: indented, or set apart from the line above by a paragraph's spacing (a file without indents)
            indented = line.left > margin_left + char or (
                k > 0 and pitch > 0 and line.top - lines[k - 1].top > _PARAGRAPH_SPACING * pitch)
            if previous is not None and previous_full and _continues(out[-1], previous, line, text, indented):
                glue = " " if out[-1][-1:].isascii() and out[-1][-1:].isalnum() and text[:1].isascii() and text[:1].isalnum() else ""
                out[-1] += glue + text
            else:
                out.append(text)
            previous = line
            previous_full = _full(line, margin_right, char, margin_left)
    return "\n".join(out)


