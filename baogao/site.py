"""The MkDocs side: where converted pages live, and how MkDocs is run over them.

Hand-written pages stay in `docs/`; converted pages go to a pages folder outside it (one per
reports folder, so building another archive never overwrites the sample's pages). The MkDocs
plugin `baogao` (`baogao.mkdocs_plugin`, glue only) adds that folder's files to the build and
calls the functions here during it; `run_mkdocs` tells it which folder through MkDocs' config.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from collections.abc import Callable, Mapping, MutableMapping
from pathlib import Path
from typing import Any

from markupsafe import Markup

from baogao.analysis import formulations
from baogao.catalog import CATALOG_FILE, GENERATED_FOLDERS, NEIGHBOURS_FILE, ORIGINALS_FOLDER, theme_page
from baogao.manifest import manifest_complete, write_manifest
from baogao.report_markdown import mark_report
from baogao.schema import PANEL_FIELDS
from baogao.similar.reuse import REUSE_PAGE
from baogao.themes import MAX_CHIPS, THEMES_FILE
from baogao.workers import worker_count

DEFAULT_PAGES = Path("build") / "pages"
PLUGIN = "baogao"  # the plugin's entry point (pyproject.toml), as mkdocs.yml lists it


def pages_dir_for(reports_dir: Path, project_dir: Path) -> Path:
    """The pages folder of a reports folder: build/pages for the sample, build/pages-HASH otherwise."""
    reports = reports_dir.resolve()
    if reports == (project_dir / "reports").resolve():
        return project_dir / DEFAULT_PAGES
    digest = hashlib.sha1(str(reports).encode("utf-8")).hexdigest()[:8]
    return project_dir / "build" / f"pages-{digest}"


def generated_files(pages_dir: Path) -> list[str]:
    """Site files (relative, POSIX) in the pages folder: pages, catalog.json and the originals
    offered for download.

    text/ holds build inputs and the search index is published after the build (baogao.search.backend).
    Read with `os.scandir`, names as strings: ~10 000 report pages (a `Path` and a `stat` each cost
    a build ~0.4 s).
    """
    found = [CATALOG_FILE, "index.md", formulations.PAGE, REUSE_PAGE]
    found = [name for name in found if os.path.isfile(pages_dir / name)]
    for folder in GENERATED_FOLDERS:
        entries = _entries(pages_dir / folder)
        found.extend(f"{folder}/{name}" for name, entry in entries if name.endswith(".md") and entry.is_file())
        # a long list's year pages (VALUE/YEAR.md: catalog.by_year_pages)
        for name, entry in entries:
            if entry.is_dir() and f"{folder}/{name}" not in GENERATED_FOLDERS:
                found.extend(f"{folder}/{name}/{page}" for page, inner in _entries(pages_dir / folder / name)
                             if page.endswith(".md") and inner.is_file())
    found.extend(f"{ORIGINALS_FOLDER}/{name}" for name, entry in _entries(pages_dir / ORIGINALS_FOLDER)
                 if not name.startswith(".") and entry.is_file())
    return found


def _entries(folder: Path) -> list[tuple[str, os.DirEntry[str]]]:
    """The entries of `folder` by name, sorted; none when it is missing."""
    try:
        with os.scandir(folder) as entries:
            return sorted((entry.name, entry) for entry in entries)
    except FileNotFoundError:
        return []


def panel_fields() -> list[dict[str, Any]]:
    """The fields of a report page's metadata panel, in schema order (the schema's `panel` flag),
    each with the part it shows in (`file_info`: the folded 文件信息): what
    overrides/partials/report-meta.html iterates."""
    return [{"name": field.name, "label": field.label, "show": field.panel, "file_info": field.file_info}
            for field in PANEL_FIELDS]


def report_neighbours(pages_dir: Path) -> dict:
    """Previous/next report of each report (catalog.py writes them at conversion)."""
    path = pages_dir / NEIGHBOURS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def escape_report_title(meta: MutableMapping[str, Any]) -> None:
    """Material prints page.meta.title unescaped (<title>, header): make a report title inert."""
    if isinstance(meta.get("title"), str):
        meta["title"] = Markup.escape(meta["title"])


def is_report_page(meta: Mapping[str, Any]) -> bool:
    """A converted report's page: its front matter has the source's sha256 (templates test the same)."""
    return bool(meta.get("sha256"))


def theme_chips(meta: Mapping[str, Any], url_of: Callable[[str], str | None]) -> list[dict[str, str | None]]:
    """A report page's theme chips (overrides/partials/tags.html): its strongest themes, the
    first MAX_CHIPS of `themes` (strongest first, baogao.themes), each with the URL of its theme
    page, which lists every report of the theme (`url_of`: a pages-relative Markdown path's
    site URL, None when the site has no such page)."""
    if not is_report_page(meta):
        return []
    return [{"name": name, "url": url_of(theme_page(name))} for name in meta.get("themes", [])[:MAX_CHIPS]]


def mark_report_markdown(markdown: str, meta: Mapping[str, Any]) -> str:
    """A report page is marked so that `baogao.report_markdown` parses it without inline
    syntax; other pages stay as they are."""
    return mark_report(markdown) if is_report_page(meta) else markdown


def run_mkdocs(
    config_file: Path,
    pages_dir: Path,
    site_dir: Path | None = None,
    *,
    site_url: str | None = None,
    previous: Path | None = None,
    jobs: int | None = None,
    reuse_written: Callable[[], None] | None = None,
    indexes_written: Callable[[], None] | None = None,
    serve: bool = False,
    dev_addr: str | None = None,
) -> set[str]:
    """Build (or serve) the site with the plugin pointed at `pages_dir`; returns the report
    pages (site-relative paths) taken unchanged from `previous`, the site this one replaces
    (baogao.pagereuse).

    `site_url` (e.g. http://oa.example/archive/) only sets canonical links: every link in the
    site is relative, so the same build works under any sub-path and from disk. A built site
    gets the list of its files (`baogao.manifest`), which is all `baogao publish` packs. A
    build renders its generated pages in `jobs` worker processes (default: one per core;
    baogao.pagerender); `serve` renders them itself. `reuse_written` returns once the 查重 reuse
    pages are written, `indexes_written` once the index files all are (`baogao build` writes
    both while MkDocs starts and renders): the plugin calls the first before it reads the reuse
    pages and the generated pages (MkDocs' files), the second before it links the indexes into the site.
    """
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner
    if serve:
        from mkdocs.commands.serve import serve as mkdocs_serve

        # serve loads the configuration again, with these overrides, for every rebuild
        mkdocs_serve(config_file=str(config_file), dev_addr=dev_addr, livereload=True,
                     plugins=plugins_with_pages(config_file, pages_dir, previous))
        return set()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    overrides: dict[str, Any] = {"plugins": plugins_with_pages(config_file, pages_dir, previous, worker_count(jobs))}
    if site_dir:
        overrides["site_dir"] = str(site_dir.resolve())
    if site_url:
        overrides["site_url"] = site_url
    config = load_config(config_file=str(config_file), **overrides)
    if reuse_written is not None:
        config.plugins[PLUGIN].reuse_written = reuse_written  # type: ignore[attr-defined]  # BaogaoPlugin
    if indexes_written is not None:
        config.plugins[PLUGIN].indexes_written = indexes_written  # type: ignore[attr-defined]  # BaogaoPlugin
    try:
        build(config)
    except BaseException as stopped:
        # MkDocs tells plugins of an Exception only (on_build_error): after a Ctrl-C or SIGTERM the page
        # workers' pool would stay open, its threads failing at exit ("Exception ignored … Bad file descriptor")
        if not isinstance(stopped, Exception):
            config.plugins[PLUGIN].page_render.abandon()  # type: ignore[attr-defined]  # BaogaoPlugin
        raise
    page_reuse = getattr(config.plugins[PLUGIN], "page_reuse")
    write_manifest(Path(config.site_dir), page_reuse.digests)
    page_reuse.digests.save()
    return page_reuse.reused


def plugins_with_pages(config_file: Path, pages_dir: Path, previous: Path | None = None,
                       jobs: int | None = None) -> dict[str, dict[str, Any]]:
    """The `plugins` of `config_file` with the baogao plugin's `pages_dir` set to `pages_dir`,
    its `previous_site` to `previous` and its `jobs` to `jobs` (the plugin comes first when the file lacks it). MkDocs' load_config takes overrides of
    top-level keys only, so `run_mkdocs` overrides the whole list with this one: as a mapping
    of name → options, the form MkDocs reads without consuming it (it empties the entries of
    a list), since `serve` loads the configuration again for every rebuild."""
    from mkdocs.utils.yaml import yaml_load

    with config_file.open(encoding="utf-8") as file:
        listed = yaml_load(file).get("plugins") or []
    entries = list(listed.items()) if isinstance(listed, dict) else [
        (item, None) if isinstance(item, str) else next(iter(item.items())) for item in listed]
    plugins = {name: dict(options or {}) for name, options in entries}
    if len(plugins) < len(entries):
        raise ValueError(f"{config_file}: a plugin is listed twice; baogao runs MkDocs with one entry per plugin")
    if PLUGIN not in plugins:
        plugins = {PLUGIN: {}, **plugins}
    plugins[PLUGIN]["pages_dir"] = str(pages_dir.resolve())
    if previous is not None:
        plugins[PLUGIN]["previous_site"] = str(previous.resolve())
    if jobs is not None:
        plugins[PLUGIN]["jobs"] = jobs
    return plugins


BUILD_STAMP = ".baogao-build"
# What MkDocs renders every page with; themes.yml is read by conversion only (a page's themes
# are in its front matter), so a page's HTML does not depend on it (baogao.pagereuse).
RENDER_INPUTS = ("mkdocs.yml", "docs", "overrides")
_SITE_INPUTS = (*RENDER_INPUTS, THEMES_FILE)


def site_fingerprint(config_file: Path, pages_dir: Path, index_versions: str) -> str:
    """A digest of everything a build reads: converted pages, indexes (`index_versions`: the
    search index's and the 查重 index's, whose files may still be being written), templates,
    docs, code.

    `baogao build` skips MkDocs when the site was last built from the same inputs, so an
    unchanged archive of any size rebuilds in seconds.
    """
    digest = hashlib.sha256(f"{project_digest(config_file)}\0".encode())
    digest.update(f"index {index_versions}\0".encode())
    state = pages_dir / ".baogao-state.json"
    if state.is_file():
        digest.update(state.read_bytes())
    return digest.hexdigest()


def project_digest(config_file: Path, inputs: tuple[str, ...] = _SITE_INPUTS) -> str:
    """A digest of what a build reads besides the converted pages: the project's `inputs`
    (mkdocs.yml, themes.yml, docs/ and overrides/), and the baogao code wherever it is installed
    (names relative to their folder: the same project anywhere, the same digest)."""
    digest = hashlib.sha256()
    project = Path(config_file).resolve().parent
    package = Path(__file__).resolve().parent
    for root, path in [*((project, project / name) for name in inputs), (package.parent, package)]:
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for file in files:
            if file.is_file():
                digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


def site_is_current(site_dir: Path, fingerprint: str) -> bool:
    """Built from these inputs, checked (the stamp is written after the check) and complete."""
    stamp = site_dir / BUILD_STAMP
    return stamp.is_file() and stamp.read_text() == fingerprint and manifest_complete(site_dir)


def mark_site_built(site_dir: Path, fingerprint: str) -> None:
    """The stamp, written last: into the new site after its check, before it is switched in."""
    (site_dir / BUILD_STAMP).write_text(fingerprint)


def make_reproducible(site_dir: Path) -> None:
    """MkDocs stamps the build date into sitemap.xml(.gz): drop it, so that the same input gives
    the same bytes on any day."""
    sitemap = site_dir / "sitemap.xml"
    if not sitemap.is_file():
        return
    text = re.sub(r"\s*<lastmod>[^<]*</lastmod>", "", sitemap.read_text(encoding="utf-8"))
    sitemap.write_text(text, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))


_BLANK_BETWEEN_TAGS = re.compile(r">[ \t\r\n]*\n[ \t\r\n]*<")


def compact_html(html: str) -> str:
    """Material's templates leave blank lines and indentation between tags, a quarter of a
    report page's chrome: squeeze each such run to one line break (which renders the same).
    Pages with preformatted text, where white space is content, are left as they are."""
    if "<pre" in html or "<textarea" in html:
        return html
    return _BLANK_BETWEEN_TAGS.sub(">\n<", html)
