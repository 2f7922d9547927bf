"""KWIC lines: the context of each occurrence, cut from the text a report page shows.

Runs when results are shown (`baogao search`; the browser engine does the same). The index
keeps no copy of the texts, so the lines are cut from the report page (`baogao.pagetext`).
Width and number of lines are set here only: the index manifest carries them to the browser
(`SETTINGS`, written by baogao/search/index.py), which reads them from there.
"""

from __future__ import annotations

from pathlib import Path

from baogao.pagetext import visible_text
from baogao.search.normalize import Query, normalize_with_offsets

CONTEXT = 30  # characters on each side of an occurrence
LINES = 3  # lines per result
SETTINGS = {"context": CONTEXT, "lines": LINES}


def page_text(page: Path) -> str:
    """The report text the page at `page` shows ("" when it is missing)."""
    return visible_text(page.read_text(encoding="utf-8")) if page.is_file() else ""


def page_kwic(page: Path, query: Query, limit: int = LINES) -> list[tuple[str, str, str]]:
    """KWIC lines of the report page at `page` ([] when it is missing)."""
    return kwic_lines(page_text(page), query, limit)


def kwic_lines(text: str, query: Query, limit: int | None = LINES, context: int = CONTEXT) -> list[tuple[str, str, str]]:
    """Up to `limit` lines (left, match, right) of ±`context` characters around the occurrences of
    the included phrases in `text`, in text order (one line per occurrence, overlapping or not)."""
    norm, origin = normalize_with_offsets(text)
    spans = []
    for phrase in query.include:
        start = norm.find(phrase)
        while start >= 0:
            spans.append((origin[start], origin[start + len(phrase) - 1] + 1))
            start = norm.find(phrase, start + 1)
    lines = []
    for begin, end in sorted(spans)[:limit]:
        left = text[max(0, begin - context): begin].replace("\n", " ")
        right = text[end: end + context].replace("\n", " ")
        lines.append((left, text[begin:end].replace("\n", " "), right))
    return lines
