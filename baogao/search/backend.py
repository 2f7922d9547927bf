"""The search backend seam: the four things baogao asks of a full-text search engine.

`build` runs in `baogao build`/`serve` after conversion, beside MkDocs (in a process of its own);
`version`, which a site's fingerprint holds, before MkDocs; `publish` after MkDocs has built the
site; `search` in `baogao search`; `trend` and `reports_per_year` in `baogao trend`;
`concordance` in `baogao kwic` and `baogao collocates`. The CLI and the MkDocs plugin call
these methods of `BACKEND` only, and the search page reads hits and filters from the engine's
script, never index files: another engine (a server one, README "Beyond one machine") is
another class with these methods and a script with the same calls.

The static index is the one backend today: `baogao.search.index` builds it, `baogao.search.query`
and `baogao-search.js` answer from it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from baogao.analysis import trend
from baogao.analysis.concordance import Line, concordance
from baogao.search.index import INDEX_DIR, build_index_for_pages, index_version_for_pages, link_index_files
from baogao.search.query import Hit, SearchIndex, search_site


class SearchBackend(Protocol):
    def build(self, pages_dir: Path, workers: int | None = None) -> str:
        """Index the converted reports of `pages_dir` (catalog.json, text/) with up to `workers`
        processes (default: one per core); returns the version."""
        ...

    def version(self, pages_dir: Path) -> str:
        """The version `build` gives the index of `pages_dir`'s converted reports, known without
        building it (`baogao build` builds the index while MkDocs renders); "" when there are none."""
        ...

    def publish(self, pages_dir: Path, site_dir: Path) -> None:
        """Put what the site's search needs into the built site."""
        ...

    def search(self, site_dir: Path, query: str, limit: int | None) -> tuple[int, list[Hit]]:
        """(total, the first `limit` hits with metadata and KWIC lines) of a query on a built
        site; raises SearchIndexError, naming the file, when the index is missing or damaged."""
        ...

    def trend(self, site_dir: Path, query: str) -> dict[str, Any]:
        """Reports and non-overlapping occurrences of a query per year (baogao.analysis.trend)."""
        ...

    def reports_per_year(self, site_dir: Path) -> dict[str, int]:
        """How many reports of the archive each known year has."""
        ...

    def concordance(self, site_dir: Path, query: str, width: int) -> list[Line]:
        """Every occurrence of a query as a KWIC line of ±`width` characters, in archive order."""
        ...


class StaticIndex:
    """The static index in search-index/: files a browser loads as scripts, also from disk."""

    def build(self, pages_dir: Path, workers: int | None = None) -> str:
        return build_index_for_pages(pages_dir, workers)

    def version(self, pages_dir: Path) -> str:
        return index_version_for_pages(pages_dir)

    def publish(self, pages_dir: Path, site_dir: Path) -> None:
        link_index_files(pages_dir / INDEX_DIR, site_dir / INDEX_DIR)

    def search(self, site_dir: Path, query: str, limit: int | None) -> tuple[int, list[Hit]]:
        return search_site(site_dir, query, limit)

    def trend(self, site_dir: Path, query: str) -> dict[str, Any]:
        return trend.trend(SearchIndex(site_dir), query)

    def reports_per_year(self, site_dir: Path) -> dict[str, int]:
        return trend.reports_per_year(SearchIndex(site_dir))

    def concordance(self, site_dir: Path, query: str, width: int) -> list[Line]:
        return concordance(SearchIndex(site_dir), query, width)


BACKEND: SearchBackend = StaticIndex()
