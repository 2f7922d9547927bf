"""`baogao check`: prove that every report's text reached its page, character for character.

Runs after `mkdocs build`. For each catalog entry it takes the visible text of the page's
article (minus the metadata panel and permalink marks) and requires the report's kept text to
appear in it, in order and complete, white space aside.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser

_WHITE_SPACE = re.compile(r"\s+")
_NOT_SHOWN = (".baogao-meta", ".baogao-neighbours", ".md-tags", ".headerlink", ".md-source-file", "script", "style")
CONTEXT = 20


@dataclass(frozen=True)
class Loss:
    report_id: str
    source: str
    detail: str

    def __str__(self) -> str:
        return f"{self.source}: {self.detail} (page reports/{self.report_id}.html)"


def visible_text(html: str) -> str:
    """The text a reader sees in the page's article, without the metadata panel, theme chips and links to other reports."""
    tree = HTMLParser(html)
    article = tree.css_first("article.md-content__inner")
    if article is None:
        return ""
    for selector in _NOT_SHOWN:
        for node in article.css(selector):
            node.decompose()
    return article.text(separator="")


def squeeze(text: str) -> str:
    return _WHITE_SPACE.sub("", text)


def check_site(site_dir: Path, pages_dir: Path) -> tuple[int, list[Loss]]:
    """(number of reports checked, losses found)."""
    catalog = json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))
    losses = []
    for entry in catalog:
        page = site_dir / entry["url"]
        text_file = pages_dir / "text" / f"{entry['id']}.txt"
        if not page.is_file():
            losses.append(Loss(entry["id"], entry["source"], "page missing"))
            continue
        expected = squeeze(text_file.read_text(encoding="utf-8"))
        shown = squeeze(visible_text(page.read_text(encoding="utf-8")))
        if expected not in shown:
            losses.append(Loss(entry["id"], entry["source"], _first_difference(expected, shown)))
    return len(catalog), losses


def _first_difference(expected: str, shown: str) -> str:
    """Where the page first departs from the text (searched from the start of the body)."""
    start = shown.find(expected[:CONTEXT]) if expected else -1
    if start < 0:
        return f"text not found on the page; it starts {expected[:CONTEXT]!r}"
    for i, (want, got) in enumerate(zip(expected, shown[start:])):
        if want != got:
            return f"differs at character {i}: text {expected[i:i + CONTEXT]!r}, page {shown[start + i:start + i + CONTEXT]!r}"
    return f"page ends early at character {len(shown) - start} of {len(expected)}"
