"""The MkDocs plugin `baogao`: thin glue that hands each MkDocs event to `baogao.site`.

Registered by entry point (pyproject.toml, `mkdocs.plugins`) and listed in mkdocs.yml. Its one
option, `pages_dir`, is the converted pages folder (relative to mkdocs.yml; default build/pages);
`baogao build` and `baogao serve` set it to the folder they convert into (`site.run_mkdocs`).
What a build needs from one event to the next (the reports' neighbours, the files) lives on the
plugin instance, read again at every build's `on_config`. MkDocs 2.0 has no plugins: this module is
what would be replaced, and it holds no logic of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from baogao import site
from baogao.cite import cite_source
from baogao.filememo import FileMemo
from baogao.manifest import DIGESTS
from baogao.schema import FILE_INFO
from baogao.search.backend import BACKEND
from baogao.pagereuse import PageReuse, shared_key
from baogao.pagerender import PageRender
from baogao.similar.index import publish_similar_index
from baogao.similar.reuse import reuse_lines


class StandInPage(File):
    """A page MkDocs neither reads nor renders: taken from the previous site (baogao.pagereuse;
    `PageReuse.finish` links the previous file in) or rendered by the workers
    (baogao.pagerender). It stays among MkDocs' files, so that links to it resolve and the
    sitemap lists it (it has a Page, never read by MkDocs), but is not a documentation page,
    nor copied."""

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass


def _nav_entries(nav: Any) -> Iterator[tuple[str, str | None]]:
    """(path, title) of every page mkdocs.yml's nav names (`- 提法库: tifa.md`, `- tifa.md`)."""
    if isinstance(nav, str):
        yield nav, None
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_entries(item)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            if isinstance(value, str):
                yield value, title
            else:
                yield from _nav_entries(value)


class BaogaoPluginConfig(Config):
    pages_dir = config_options.Dir(default=str(site.DEFAULT_PAGES))
    previous_site = config_options.Type(str, default="")  # the site being replaced (baogao.pagereuse)
    jobs = config_options.Type(int, default=1)  # worker processes rendering pages (baogao.pagerender)


class BaogaoPlugin(BasePlugin[BaogaoPluginConfig]):
    def __init__(self) -> None:
        self.neighbours: dict = {}  # report id → its previous/next report (catalog.py)
        self.reuse: dict[str, bytes] = {}  # report id → its passages other reports hold, as JSON (reuse_lines)
        self.page_reuse = PageReuse(None, "", FileMemo(None))  # which pages the previous site gives
        self.page_render = PageRender(1)  # which pages the workers render
        self.files = Files([])  # MkDocs' files, the taken and the workers' pages' stand-ins among them
        self._nav = Navigation([], [])
        # return once the 查重 reuse pages, and the index files, are written (`site.run_mkdocs`); they are when serve builds
        self.reuse_written: Callable[[], None] = lambda: None
        self.indexes_written: Callable[[], None] = lambda: None

    @property
    def pages_dir(self) -> Path:
        return Path(self.config.pages_dir)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Before the build: the pages folder must exist; the fields of the metadata panel; the
        neighbours; what every page is made with (baogao.pagereuse)."""
        if not self.pages_dir.is_dir():
            raise PluginError(f"no converted pages in '{self.pages_dir}': run `baogao build` (or `make site`), "
                              "which converts the reports before MkDocs runs")
        config.extra["baogao_panel"] = site.panel_fields()
        config.extra["baogao_file_info"] = FILE_INFO
        self.neighbours = site.report_neighbours(self.pages_dir)
        previous = Path(self.config.previous_site) if self.config.previous_site else None
        rendered_with = site.project_digest(Path(config.config_file_path), site.RENDER_INPUTS)
        self.page_reuse = PageReuse(previous, shared_key(rendered_with, config.site_url), FileMemo(self.pages_dir / DIGESTS))
        self.page_render = PageRender(self.config.jobs)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """After MkDocs collected docs/: add the converted pages, index pages and catalog.json
        (once the 查重 reuse pages are written, which a report page's key holds); a page the
        previous site holds unchanged, or one the workers render, goes in as a stand-in, never read by MkDocs."""
        self.reuse_written()
        self.reuse = reuse_lines(self.pages_dir)
        nav_titles = dict(_nav_entries(config.nav or []))
        added, apart = [], []
        # once, not per file: MkDocs' config access costs ~0.1 ms, and there are ~10 000 files
        pages_dir, site_dir, directory_urls = self.pages_dir, config.site_dir, config.use_directory_urls
        pages = str(pages_dir)
        for rel in site.generated_files(pages_dir):
            file = File(rel, pages, site_dir, directory_urls)
            dest = file.dest_uri
            if self.page_reuse.reusable(dest):
                if self.page_reuse.keep(dest, pages_dir / rel, self.neighbours, self.reuse):
                    file = StandInPage(rel, pages, site_dir, directory_urls, dest_uri=dest)
                elif rel not in nav_titles:
                    apart.append((rel, pages_dir / rel))
            added.append(file)
        rendered_apart = self.page_render.plan(apart)
        for file in added:
            if file.src_uri in rendered_apart:
                file = StandInPage(file.src_uri, pages, site_dir, directory_urls, dest_uri=file.dest_uri)
            if isinstance(file, StandInPage):
                # MkDocs' nav takes a file's page as it is: a taken page in the nav (提法库) keeps
                # the title mkdocs.yml gives it, which every page's tabs show
                Page(nav_titles.get(file.src_uri), file, config)
            files.append(file)
        self.files = files
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """After the front matter is read: report titles are data, never HTML; report pages are
        marked for the report_markdown extension (they need no inline syntax)."""
        site.escape_report_title(page.meta)
        return site.mark_report_markdown(markdown, page.meta)

    def on_page_context(self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        """Before a page is rendered: a report's previous/next report of the same office or year,
        its passages that other reports hold, the source a passage copied from it cites, and its
        theme chips."""
        neighbours = self.neighbours.get(page.meta.get("id")) if site.is_report_page(page.meta) else None
        context["baogao_neighbours"] = neighbours  # type: ignore[typeddict-unknown-key]  # read by our templates
        rid = page.meta.get("id")
        line = self.reuse.get(rid) if isinstance(rid, str) and site.is_report_page(page.meta) else None
        reuse = json.loads(line) if line else None  # parsed for the pages rendered only (reuse_lines)
        context["baogao_reuse"] = reuse  # type: ignore[typeddict-unknown-key]  # overrides/partials/reuse.html
        source = cite_source(page.meta, (neighbours or {}).get("title")) if site.is_report_page(page.meta) else None
        context["baogao_cite"] = source  # type: ignore[typeddict-unknown-key]  # overrides/partials/content.html
        chips = site.theme_chips(page.meta, self._url_of)
        context["baogao_chips"] = chips  # type: ignore[typeddict-unknown-key]  # overrides/partials/tags.html
        return context

    def on_template_context(self, context: TemplateContext, /, *, template_name: str,
                            config: MkDocsConfig) -> TemplateContext:
        """The sitemap lists every page, the taken ones too (in MkDocs' order, as a full build)."""
        if template_name == "sitemap.xml":
            context["pages"] = [file for file in self.files if file.page is not None and file.inclusion.is_included()]
        return context

    def _url_of(self, path: str) -> str | None:
        file = self.files.get_file_from_path(path)
        return file.url if file is not None else None

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """After a page is rendered: squeeze the white space between tags."""
        return site.compact_html(output)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav  # what the workers render the pages' nav with (on_env is not given it)
        return nav

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
        """MkDocs has read its own pages: the workers start rendering theirs."""
        self.page_render.start(config, files, self._nav, env)
        return env

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """After MkDocs wrote its pages: the reused pages; the search and similarity indexes once
        their files are written (while the workers may still render); the workers' pages; make
        the sitemap date-free."""
        self.page_reuse.finish(Path(config.site_dir))
        self.indexes_written()
        BACKEND.publish(self.pages_dir, Path(config.site_dir))
        publish_similar_index(self.pages_dir, Path(config.site_dir))
        self.page_render.finish()
        site.make_reproducible(Path(config.site_dir))

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build leaves no worker running."""
        self.page_render.abandon()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder) -> LiveReloadServer:
        """`baogao serve`: rebuild when the converted pages change."""
        server.watch(str(self.pages_dir))
        return server
