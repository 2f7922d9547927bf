"""Concordance: every occurrence of a query's wording across the archive, one KWIC line each.

Runs in `baogao kwic`: the reports come from the search index, the lines from the text their
pages show (`baogao.pagetext`, as every KWIC line is cut), in archive order; `sort_lines` orders
them by the context left of the hit (read from the hit outwards, as concordancers sort), right
of it, or by year.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

from baogao.search.kwic import kwic_lines, page_text
from baogao.search.normalize import parse_query

if TYPE_CHECKING:  # the index is passed in: importing it would slow every `baogao` command's start
    from baogao.search.query import SearchIndex

SORTS = ("left", "right", "year")
DEFAULT_WIDTH = 20


@dataclass(frozen=True)
class Line:
    left: str
    match: str
    right: str
    title: str  # the display title, what lists show
    year: int | None
    org: str | None
    url: str  # the report page, opened at this occurrence (marked, as from a search result)


def concordance(index: SearchIndex, raw_query: str, width: int = DEFAULT_WIDTH) -> list[Line]:
    """All KWIC lines of `raw_query` in the reports that match it, ±`width` characters."""
    query = parse_query(raw_query)
    hits = sorted(hit.doc for hit in index.search(query))
    lines = []
    for doc in hits:
        meta = index.meta(doc)
        text = page_text(index.site_dir / meta["url"])
        for n, (left, match, right) in enumerate(kwic_lines(text, query, limit=None, context=width)):
            lines.append(Line(left, match, right, meta["title"], meta.get("year"), meta.get("org"),
                              f"{meta['url']}?hl={quote(raw_query)}&n={n}"))
    return lines


def sort_lines(lines: list[Line], by: str) -> list[Line]:
    """Lines by `by` (one of SORTS); ties keep archive order."""
    if by == "left":  # white space (a line break of the text) is no context
        return sorted(lines, key=lambda line: "".join(line.left.split())[::-1])
    if by == "right":
        return sorted(lines, key=lambda line: "".join(line.right.split()))
    if by == "year":
        return sorted(lines, key=lambda line: (line.year is None, line.year or 0))
    raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {by!r}")
