"""The page-text contract: which part of a built report page is the report's text.

Runs after MkDocs, wherever a built report page is read for its text: the fidelity check
(`baogao check`) and the KWIC lines of `baogao search`. The browser engine cuts its KWIC lines
and highlights occurrences with the same two selectors, which it reads from the search-index
manifest (`CONTRACT`, written by baogao/search/index.py), so no template class name is
repeated in Python or JS.

The contract, kept by the templates (overrides/partials/content.html, report-meta.html,
tags.html):

- `TEXT`: the one element that holds the report's text (its title and body) is marked
  `data-baogao-text`; a page without it shows no report text;
- `EXCLUDE`: inside it, what is not report text is marked `data-baogao-exclude` (the metadata
  panel, the links to neighbouring reports; the theme chips are marked too, wherever they are
  placed). The one exception is the permalink mark (¶) that the toc extension appends to every
  heading (`class="headerlink"`): Markdown writes it, no template can mark it, so it is named
  here, and only here.
- `CITE`: the text element also carries, in this attribute, the report's citation source as
  JSON (`baogao.cite`): what a passage copied from the page, or from a KWIC line cut from it,
  cites. The browser reads the attribute's name from the manifest too.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

TEXT = "[data-baogao-text]"
EXCLUDE = "[data-baogao-exclude], .headerlink"
CITE = "data-baogao-cite"
CONTRACT = {"text": TEXT, "exclude": EXCLUDE, "cite": CITE}


def visible_text(html: str) -> str:
    """The report text a reader sees on a built page: the text element without what it marks
    as not text; "" when the page has no text element."""
    root = LexborHTMLParser(html).css_first(TEXT)
    if root is None:
        return ""
    excluded = root.css(EXCLUDE)
    marked = {node.mem_id for node in excluded}
    for node in excluded:
        if not _inside(node, marked, root):  # an inner one goes with its outer one
            node.decompose()
    return root.text(separator="")


def _inside(node: LexborNode, marked: set[int], root: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        if parent.mem_id in marked:
            return True
        parent = parent.parent
    return False
