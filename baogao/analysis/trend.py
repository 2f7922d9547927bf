"""Use by year: in how many reports, and how often, a query's wording stands, year by year.

Runs in `baogao trend` on a built site, from its search index alone (the browser engine's
`trend` reads the same files the same way): the reports come from the search, each report's
year from the index's year filter, and occurrences are non-overlapping matches of each included
phrase in the normalised text, as str.count counts them.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from baogao.search.normalize import parse_query
from baogao.search.query import SearchIndex

YEAR_FACET = "year"


def trend(index: SearchIndex, raw_query: str) -> dict[str, Any]:
    """{"query", "years": {"2019": {"reports", "occurrences"}, …} (ascending), "unknown_year"}."""
    query = parse_query(raw_query)
    docs = [hit.doc for hit in index.search(query)]
    occurrences: Counter[int] = Counter()
    for phrase in query.include:
        occurrences.update(index.occurrences(phrase, docs))
    years = index.facet(YEAR_FACET)
    by_year: dict[int, dict[str, int]] = {}
    unknown = {"reports": 0, "occurrences": 0}
    for doc in docs:
        row = unknown if years[doc] is None else by_year.setdefault(years[doc], {"reports": 0, "occurrences": 0})
        row["reports"] += 1
        row["occurrences"] += occurrences[doc]
    return {"query": raw_query, "years": {str(year): by_year[year] for year in sorted(by_year)}, "unknown_year": unknown}


def reports_per_year(index: SearchIndex) -> dict[str, int]:
    """How many reports of the archive each year has: the base of "per 100 reports"."""
    counts = Counter(year for year in index.facet(YEAR_FACET) if year is not None)
    return {str(year): counts[year] for year in sorted(counts)}
