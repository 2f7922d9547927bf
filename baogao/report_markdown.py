"""A python-markdown extension: report pages skip the inline syntax their text cannot contain.

Enabled in mkdocs.yml (`markdown_extensions: - baogao.report_markdown`). MkDocs parses every
page with the same extensions; the hook marks a report page by putting `MARKER` on its first
line (`on_page_markdown`, through `mark_report`). For such a page the preprocessor drops the
marker and every inline pattern but character references (`entity`) and hard line breaks:
`render.py` writes each character that inline syntax is made of (`\\ ` * _ { } [ ] < > …) as a
character reference, so links, emphasis, code spans, raw HTML or autolinks can never match, and
searching ~15 patterns through every paragraph was a tenth of MkDocs' time at 10 000 reports.
The output is the same, byte for byte (tests/test_render.py compares both on every sample and
hostile page). Pages without the marker (hand-written docs, theme and browse pages) keep all
of Markdown.
"""

from __future__ import annotations

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

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
        for name in [item.name for item in self.md.inlinePatterns._priority]:  # Registry lists no names
            if name not in REPORT_INLINE_PATTERNS:
                self.md.inlinePatterns.deregister(name)
        return lines[1:]


class ReportTextExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # First of all preprocessors (normalize_whitespace is 30, html_block 20): it must see
        # the marker line as the hook wrote it. MkDocs makes one Markdown instance per page,
        # so removing patterns here never reaches another page.
        md.preprocessors.register(_ReportText(md), "baogao_report_text", 40)


def makeExtension(**kwargs) -> ReportTextExtension:  # noqa: N802 (python-markdown's name)
    return ReportTextExtension(**kwargs)
