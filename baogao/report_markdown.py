"""A python-markdown extension: report pages skip the inline syntax their text cannot contain.

Enabled in mkdocs.yml (`markdown_extensions: - baogao.report_markdown`). MkDocs parses every
page with the same extensions; the baogao plugin marks a report page by putting `MARKER` on its
first line (`on_page_markdown`, through `mark_report`). For such a page the preprocessor drops
the marker and keeps no inline pattern but character references (`entity`) and hard line breaks:
`render.py` writes each character that inline syntax is made of (`\\ ` * _ { } [ ] < > …) as a
character reference, so links, emphasis, code spans, raw HTML or autolinks can never match, and
searching ~15 patterns through every paragraph was a tenth of MkDocs' time at 10 000 reports;
nor raw HTML blocks (the `<` is a reference too), which python-markdown looks for with
`html.parser` over the whole page.
The output is the same, byte for byte (tests/test_render.py compares both on every sample and
hostile page). Pages without the marker (hand-written docs, theme and browse pages) keep all
of Markdown. The extension also registers `baogao.listing_html`'s two steps: the listing and
theme pages' report lists, written as HTML, made into elements without Markdown's parsing.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from markdown.util import Registry

from baogao.listing_html import ListingBlocks, ListingElements

MARKER = "<!-- baogao: report text -->"
# Inline patterns that escaped report text still needs.
REPORT_INLINE_PATTERNS = frozenset({"entity", "linebreak"})


def mark_report(markdown: str) -> str:
    """The Markdown of a report page, marked for the extension."""
    return f"{MARKER}\n{markdown}"


class _ReportText(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        if not lines or lines[0] != MARKER:
            return lines
        patterns = self.md.inlinePatterns
        kept = sorted((name for name in REPORT_INLINE_PATTERNS if name in patterns), key=patterns.get_index_for_name)
        report_patterns: Registry = Registry()
        for rank, name in enumerate(kept):  # in their order in the full registry
            report_patterns.register(patterns[name], name, len(kept) - rank)
        # The inline tree processor took its own reference to the registry when it was made.
        self.md.inlinePatterns = self.md.treeprocessors["inline"].inlinePatterns = report_patterns
        # Nor is there raw HTML: every "<" is a reference. The raw-HTML preprocessor would run
        # html.parser over the whole page (a tenth of MkDocs' time) to give the lines back as they
        # are; this page's own instance (its Markdown's) is told to give them back at once.
        html_block = self.md.preprocessors["html_block"]
        html_block.run = _as_they_are  # type: ignore[method-assign]
        return lines[1:]


def _as_they_are(lines: list[str]) -> list[str]:
    return lines


class ReportTextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # First of all preprocessors (normalize_whitespace is 30, html_block 20): it must see
        # the marker line as the plugin wrote it. MkDocs makes one Markdown instance per page,
        # so the patterns a report page drops are never missing from another page.
        md.preprocessors.register(_ReportText(md), "baogao_report_text", 40)
        # After normalize_whitespace (30), before html_block (20) would take the HTML as raw;
        # the elements go in after the inline patterns (20), before prettify (10), attr_list
        # (8), toc (5) and MkDocs' link and anchor steps (0–5).
        elements: dict = {}
        md.preprocessors.register(ListingBlocks(md, elements), "baogao_listing_blocks", 25)
        md.treeprocessors.register(ListingElements(md, elements), "baogao_listing_elements", 15)


def makeExtension(**kwargs) -> ReportTextExtension:  # noqa: N802 (python-markdown's name)
    return ReportTextExtension(**kwargs)
