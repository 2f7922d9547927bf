"""Shared by the hostile-input tests: a page rendered the way the site renders it, and its text.

`render_page_body` runs a converted page through MkDocs' front-matter reader and Python-Markdown
with the extensions (and their options) that mkdocs.yml configures, so a test sees the HTML the
site would show without building the whole site.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
from mkdocs.utils import meta as mkdocs_meta
from selectolax.lexbor import LexborHTMLParser

from baogao.site import mark_report_markdown

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_NAMES = tuple(sorted(p.name for p in (ROOT / "reports").glob("*.txt")))

# A small, ordinary report: a title, a heading, a paragraph.
GOOD_TEXT = "县政府办公室2023年工作总结\n一、主要工作\n今年以来，我办认真履行职责，圆满完成各项任务。\n"
GOOD = GOOD_TEXT.encode("utf-8")

_WHITE_SPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without any white space (the fidelity check's comparison, see baogao/check.py)."""
    return _WHITE_SPACE.sub("", text)


@lru_cache(maxsize=1)
def _markdown_settings() -> tuple[list, dict]:
    """The Markdown extensions of the site, as MkDocs resolves them (built-ins included)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return list(config["markdown_extensions"]), dict(config["mdx_configs"])


def docx_bytes() -> bytes:
    """A minimal Word document (a ZIP with word/document.xml), as saved by mistake with .txt: read
    as the .docx it is."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as docx:
        docx.writestr("[Content_Types].xml", "<Types/>")
        docx.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>县政府工作报告</w:t></w:r></w:p>'
                       '<w:p><w:r><w:t>一、全年工作回顾</w:t></w:r></w:p></w:body></w:document>')
    return buffer.getvalue()


def render_page_body(page: str, *, marked: bool = True) -> tuple[dict[str, Any], str]:
    """(front matter as MkDocs reads it, body HTML as the site renders it) of a converted page;
    `marked`: as the baogao plugin passes it (a report page marked for baogao.report_markdown)."""
    body, meta = mkdocs_meta.get_data(page)
    if marked:
        body = mark_report_markdown(body, meta)
    extensions, configs = _markdown_settings()
    html = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(body)
    return meta, html


def visible_text(html: str) -> str:
    """What a reader sees of a page body: its text, without the permalink marks."""
    tree = LexborHTMLParser(f"<div id='body'>{html}</div>")
    root = tree.css_first("#body")
    for node in root.css(".headerlink, script, style"):
        node.decompose()
    return root.text(separator="")


def shown_text(page: str) -> tuple[dict[str, Any], str]:
    """(front matter, visible body text) of a converted page."""
    meta, html = render_page_body(page)
    return meta, visible_text(html)


def snapshot(pages: Path, ids: set[str]) -> dict[str, bytes]:
    """Bytes of the report pages and kept texts of the reports `ids` (relative path → bytes)."""
    found = {}
    for folder, suffix in (("reports", ".md"), ("text", ".txt")):
        for report in sorted(ids):
            path = pages / folder / f"{report}{suffix}"
            found[f"{folder}/{path.name}"] = path.read_bytes() if path.is_file() else b"<missing>"
    return found
