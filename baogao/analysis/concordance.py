"""Concordance: every occurrence of a query's wording across the archive, one KWIC line each.

Runs in `baogao kwic` and `baogao collocates`: the reports come from the search index, the
lines from their text in the text store (baogao.search.textstore: the text the page shows, as
the search sees it), in archive order; the browser engine's `concordance` cuts the same lines
from the same files (a test compares them). `sort_lines` orders them by the context left of
the hit (read from the hit outwards, as concordancers sort), right of it, year or office.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

import numpy as np

from baogao.search.normalize import normalize_with_offsets, parse_query

if TYPE_CHECKING:  # the index is passed in: importing it would slow every `baogao` command's start
    from baogao.search.query import SearchIndex

SORTS = ("left", "right", "year", "org")
DEFAULT_WIDTH = 20
WIDTHS = (10, 20, 30, 50)  # the search page's choices of context width
# What the search page's concordance reads from the index manifest.
SETTINGS = {"sorts": SORTS, "width": DEFAULT_WIDTH, "widths": WIDTHS}


@dataclass(frozen=True)
class Line:
    left: str
    match: str
    right: str
    title: str  # the display title, what lists show
    year: int | None
    org: str | None
    url: str  # the report page, opened at this occurrence (marked, as from a search result)
    before: str = ""  # the text from the word boundary before the hit to the hit (jieba's words, whole text)
    after: str = ""  # … from the hit to the word boundary after it


def concordance(index: SearchIndex, raw_query: str, width: int = DEFAULT_WIDTH) -> list[Line]:
    """All KWIC lines of `raw_query` in the reports that match it, ±`width` characters."""
    query = parse_query(raw_query)
    lines = []
    for doc in sorted(hit.doc for hit in index.search(query)):
        meta = index.meta(doc)
        text, starts = index.store_text(doc)
        for n, (begin, end) in enumerate(occurrences(text, query.include)):
            lines.append(Line(
                text[max(0, begin - width): begin].replace("\n", " "), text[begin:end].replace("\n", " "),
                text[end: end + width].replace("\n", " "), meta["title"], meta.get("year"), meta.get("org"),
                f"{meta['url']}?hl={quote(raw_query)}&n={n}", *adjoining_words(text, starts, begin, end)))
    return lines


def occurrences(text: str, phrases: tuple[str, ...]) -> list[tuple[int, int]]:
    """[begin, end) code point spans of every occurrence of the normalised phrases in `text`
    (overlapping ones too), in text order: the spans a report page marks, in its order."""
    norm, origin = normalize_with_offsets(text)
    spans = []
    for phrase in phrases:
        start = norm.find(phrase)
        while start >= 0:
            spans.append((int(origin[start]), int(origin[start + len(phrase) - 1]) + 1))
            start = norm.find(phrase, start + 1)
    return sorted(spans)


def adjoining_words(text: str, starts: np.ndarray, begin: int, end: int) -> tuple[str, str]:
    """The text between the word start before `begin` and it, and between `end` and the word
    start after it (a hit inside a word leaves that word's part)."""
    before = np.flatnonzero(starts[:begin])
    after = np.flatnonzero(starts[end + 1:])
    return (text[before[-1] if len(before) else 0: begin],
            text[end: end + 1 + after[0] if len(after) else len(text)])


def sort_lines(lines: list[Line], by: str) -> list[Line]:
    """Lines by `by` (one of SORTS); ties keep archive order."""
    if by == "left":  # white space (a line break of the text) is no context
        return sorted(lines, key=lambda line: "".join(line.left.split())[::-1])
    if by == "right":
        return sorted(lines, key=lambda line: "".join(line.right.split()))
    if by == "year":
        return sorted(lines, key=lambda line: (line.year is None, line.year or 0))
    if by == "org":
        return sorted(lines, key=lambda line: (line.org is None, line.org or ""))
    raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {by!r}")
