"""CPU seconds of four parts of a cold build (issue 16, notes/incremental-builds.md, "Cold build"), each in this one
process over a built pages folder: the themes of every report (`themes.classify` on what
conversion kept of it, all that a `themes.yml` edit redoes but rendering), the keywords of every
report text, the front matter of every report page written again, and MkDocs' Markdown step
(`Page.render`) on the listing and theme pages and on as many report pages.

    python scripts/bench_cold_parts.py WORKDIR      # WORKDIR/pages, WORKDIR/project/mkdocs.yml

Run it with another checkout first on PYTHONPATH to measure that code on its own pages folder.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta as mkdocs_meta

import baogao
from baogao.convert import PREPARED_FOLDER, Prepared
from baogao.keywords import keywords
from baogao.model import ParsedReport
from baogao.render import render_page
from baogao.themes import classify, load_taxonomy


def cpu(work: Callable[[], object]) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workdir", type=Path)
    pages = parser.parse_args().workdir / "pages"
    print(f"{baogao.__file__}; load average {os.getloadavg()[0]:.1f}")

    parsed = [Prepared.from_json(path.read_text(encoding="utf-8")).parsed
              for path in sorted((pages / PREPARED_FOLDER).glob("*.json"))]
    taxonomy = load_taxonomy(pages.parent / "project" / "themes.yml")
    classify(parsed[0], taxonomy)  # the table of traditional characters is built once per process
    print(f"themes of {len(parsed)} reports: {cpu(lambda: [classify(report, taxonomy) for report in parsed]):.1f} s CPU")

    texts = [path.read_text(encoding="utf-8") for path in sorted((pages / "text").glob("*.txt"))]
    keywords(texts[0])  # the tokenizer and the IDF table are built once per process
    print(f"keywords, {len(texts)} texts: {cpu(lambda: [keywords(text) for text in texts]):.1f} s CPU")

    metas = [mkdocs_meta.get_data(path.read_text(encoding="utf-8"))[1] for path in sorted((pages / "reports").glob("*.md"))]
    empty = ParsedReport("t", False, True, ())
    print(f"front matter, {len(metas)} pages: {cpu(lambda: [render_page(meta, empty) for meta in metas]):.1f} s CPU")

    config = load_config(str(pages.parent / "project" / "mkdocs.yml"))
    config.plugins["baogao"].config.pages_dir = str(pages)
    config = config.plugins.on_config(config)
    files = Files([File(str(path.relative_to(pages)), str(pages), config.site_dir, config.use_directory_urls)
                   for path in pages.rglob("*.md")])
    nav_pages = {"tifa.md", "reuse.md", "index.md"}
    listing = [file for file in files if not file.src_uri.startswith("reports/") and file.src_uri not in nav_pages]
    reports = [file for file in files if file.src_uri.startswith("reports/")][:len(listing)]

    def render(chosen: list[File]) -> None:
        for file in chosen:
            page = Page(None, file, config)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            page.render(config, files)

    print(f"Markdown of the {len(listing)} listing and theme pages: {cpu(lambda: render(listing)):.1f} s CPU")
    print(f"Markdown of {len(reports)} report pages: {cpu(lambda: render(reports)):.1f} s CPU")


if __name__ == "__main__":
    main()
