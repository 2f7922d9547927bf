"""MkDocs hooks: thin glue that hands each MkDocs event to the baogao package."""

from __future__ import annotations

from pathlib import Path

from mkdocs.structure.files import File

from baogao import site


def on_config(config):
    """Before the build: tell the templates which search index version to load."""
    config.extra["baogao_index"] = site.index_version(site.configured_pages_dir(config.config_file_path))
    return config


def on_files(files, config):
    """After MkDocs collected docs/: add the converted pages, index pages and catalog.json."""
    pages_dir = site.configured_pages_dir(config.config_file_path)
    for rel in site.generated_files(pages_dir):
        files.append(File(rel, str(pages_dir), config.site_dir, config.use_directory_urls))
    return files


def on_page_markdown(markdown, page, config, files):
    """After the front matter is read: report titles are data, never HTML."""
    site.escape_report_title(page.meta)
    return markdown


def on_post_build(config):
    """After the site is written: add the search index."""
    site.publish_index(site.configured_pages_dir(config.config_file_path), Path(config.site_dir))


def on_serve(server, config, builder):
    """`baogao serve`: rebuild when the converted pages change."""
    server.watch(str(site.configured_pages_dir(config.config_file_path)))
    return server
