"""MkDocs' pages rendered on all cores: the generated pages of a build, in worker processes.

Runs inside `baogao build`'s MkDocs run, which would otherwise render its ~10 000 pages at
10 000 reports one after the other on one core. The plugin calls `plan` as it adds the
generated pages to MkDocs' files (after `baogao.pagereuse` took what it could): the pages the
nav does not name (report, listing and theme pages) go among MkDocs' files as stand-ins, which
MkDocs neither reads nor renders, as a taken page does. Once MkDocs has read its own pages and
made its Jinja environment (`on_env`), `start` forks the workers; each renders its share with
MkDocs' own two steps (`_populate_page`, `_build_page`: the Markdown read and converted, the
plugins' page events, the theme's template, the file written), on the objects it inherited
(configuration, files, nav, environment), so each page gets the bytes MkDocs' loop writes (a
test compares a build with one worker to one with many, every file). The parent meanwhile
renders the pages of docs/ and of the nav; `finish` (`on_post_build`) waits for the workers and
logs the warnings they met through MkDocs' loggers, so that strict mode counts them.

Pages the nav names stay MkDocs': their title may come from their own text, and every page's
nav shows it. A generated page's HTML depends on no other page's rendering (only on their
files and URLs; the incremental builds rely on the same: baogao.pagereuse).

Pages are dealt out largest first, in chunks of about `CHUNK_BYTES` of Markdown (a theme page
of megabytes alone, report pages by the dozen), so that neither worker waits for the other at
the end; whether to start workers at all is baogao.workers' rule (two chunks or more).
"""

from __future__ import annotations

import gc
import logging
from concurrent.futures import Future
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from baogao.workers import pool_size, worker_pool

CHUNK_BYTES = 200_000  # Markdown a worker task: ~15 report pages, ~0.2 s (see baogao.workers)


@dataclass
class _Inherited:
    """What a worker renders with: the parent's objects at `start`, inherited by the fork (the
    pool's shared value, baogao.workers)."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Any  # jinja2.Environment


class PageRender:
    """One build's pages rendered apart: which, in which chunks, and the workers doing it."""

    def __init__(self, jobs: int):
        self.jobs = jobs  # worker processes allowed (1: MkDocs renders every page itself)
        self.chunks: list[list[str]] = []  # src_uris, largest pages first
        self._pool = ExitStack()
        self._pending: list[Future] = []

    def plan(self, pages: list[tuple[str, Path]]) -> set[str]:
        """Of `pages` ((src_uri, Markdown file) of the generated pages MkDocs would render and
        the nav does not name), those to render apart: all of them when they fill two chunks
        or more and more than one worker is allowed, else none."""
        sized = sorted(((path.stat().st_size, uri) for uri, path in pages), reverse=True)
        chunks: list[list[str]] = []
        filled = CHUNK_BYTES
        for size, uri in sized:
            if filled >= CHUNK_BYTES:
                chunks.append([])
                filled = 0
            chunks[-1].append(uri)
            filled += size
        if not pool_size(len(chunks), 1, self.jobs):
            return set()
        self.chunks = chunks
        return {uri for chunk in chunks for uri in chunk}

    def start(self, config: MkDocsConfig, files: Files, nav: Navigation, env: Any) -> None:
        """After MkDocs read its own pages (`on_env`): fork the workers and hand them the chunks."""
        if not self.chunks:
            return
        # The parent's objects out of the collector's reach while the workers run: a collection
        # in a worker would otherwise walk (and so copy, page by page) the whole inherited heap.
        gc.freeze()
        self._pool.callback(gc.unfreeze)
        pool = self._pool.enter_context(worker_pool(len(self.chunks), 1, self.jobs,
                                                    shared=_Inherited(config, files, nav, env)))
        assert pool is not None  # `plan` kept the chunks only for a pool
        self._pending = [pool.submit_shared(_render, chunk) for chunk in self.chunks]

    def finish(self) -> None:
        """Wait for the workers (`on_post_build`); their warnings are logged here, in order.
        Raises what a worker raised (the build then fails, as MkDocs' own loop would)."""
        try:
            for future in self._pending:
                for name, level, message in future.result():
                    logging.getLogger(name).log(level, message)
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Stop the workers (a build that failed); nothing is left running."""
        for future in self._pending:
            future.cancel()
        self._pending = []
        self._pool.close()


class _Collected(logging.Handler):
    """A worker's MkDocs warnings, handed to the parent instead of printed by the worker."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _render(chunk: list[str], inherited: _Inherited) -> list[tuple[str, int, str]]:
    """Worker: render the pages `chunk` names, as MkDocs' build loop does; returns the warnings."""
    config, files, nav, env = inherited.config, inherited.files, inherited.nav, inherited.env
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    logger = logging.getLogger("mkdocs")
    collected = _Collected()
    saved = logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [collected], False
    try:
        for uri in chunk:
            file = files.get_file_from_path(uri)
            assert file is not None and file.page is not None  # the plugin made its stand-in's page
            page = file.page
            _populate_page(page, config, files)
            _build_page(page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
            # written: a worker need not hold every page it rendered (its text, table of contents and
            # front matter: at 100 000 reports the two workers' peak went from 4.25 to 3.98 GB, the rest
            # being the parent's objects they touch); its anchors stay, for the links of later pages
            page.markdown = page.content = None
            page.toc, page.meta = [], {}  # type: ignore[assignment]
    finally:
        logger.handlers, logger.propagate = saved
    return collected.records
