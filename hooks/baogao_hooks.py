"""MkDocs hooks: thin glue that hands each MkDocs event to the baogao package."""

from __future__ import annotations

from pathlib import Path

from material.plugins.tags.structure.tag import Tag
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from baogao import site
from baogao.themes import MAX_CHIPS

_neighbours: dict = {}


@event_priority(100)  # before Material's tags plugin reads its settings
def on_config(config):
    """Before the build: allowed tags = the taxonomy's themes; the search index version."""
    tags = config.plugins.get("material/tags")
    if tags is not None:
        tags.config.tags_allowed = {Tag(name) for name in site.theme_names(config.config_file_path)}
    pages_dir = site.configured_pages_dir(config.config_file_path)
    config.extra["baogao_index"] = site.index_version(pages_dir)
    config.extra["baogao_max_chips"] = MAX_CHIPS
    _neighbours.clear()
    _neighbours.update(site.report_neighbours(pages_dir))
    return config


def on_files(files, config):
    """After MkDocs collected docs/: add the converted pages, index pages and catalog.json."""
    pages_dir = site.configured_pages_dir(config.config_file_path)
    for rel in site.generated_files(pages_dir):
        files.append(File(rel, str(pages_dir), config.site_dir, config.use_directory_urls))
    return files


def on_page_markdown(markdown, page, config, files):
    """After the front matter is read: report titles are data, never HTML; report pages are
    marked for the report_markdown extension (they need no inline syntax)."""
    site.escape_report_title(page.meta)
    return site.mark_report_markdown(markdown, page.meta)


def on_page_context(context, page, config, nav):
    """Before a page is rendered: a report's previous/next report of the same office or year."""
    context["baogao_neighbours"] = _neighbours.get(page.meta.get("id")) if site.is_report_page(page.meta) else None
    return context


def on_post_page(output, page, config):
    """After a page is rendered: squeeze the white space between tags."""
    return site.compact_html(output)


def on_post_build(config):
    """After the site is written: add the search index; make the sitemap date-free."""
    site.publish_index(site.configured_pages_dir(config.config_file_path), Path(config.site_dir))
    site.make_reproducible(Path(config.site_dir))


def on_serve(server, config, builder):
    """`baogao serve`: rebuild when the converted pages change."""
    server.watch(str(site.configured_pages_dir(config.config_file_path)))
    return server
