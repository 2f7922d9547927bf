"""The long lists of the listing and theme pages: written as HTML, made into elements directly.

`baogao.catalog` writes a page's report lists (by year, level, type, region, office; a theme's
reports and their sections) as HTML in the page's Markdown, between `START` and `END`, with
`element` (text and attributes escaped by `html.escape`, links to the `.md` pages as Markdown
links are). python-markdown would parse each line's inline syntax and each `<span>` twice with
`html.parser` (its raw-HTML block and MkDocs' anchor scan): at 2 000 reports these ~110 pages
took three quarters of MkDocs' Markdown time. `baogao.report_markdown` (the extension in
mkdocs.yml) registers the two steps below, which run for every page MkDocs converts:

- `ListingBlocks` (a preprocessor, after python-markdown normalised white space, before it
  looks for raw HTML): each block's HTML is read into `xml.etree` elements by `parse` — the
  grammar `element` writes, nothing more — and leaves a placeholder paragraph;
- `ListingElements` (a treeprocessor, after the inline patterns, before the `toc`, `attr_list`
  and MkDocs' link steps): the elements replace their placeholder, so MkDocs resolves their
  `.md` links, the TOC names their headings, and the serializer writes them as any element.

The text is data: `parse` never interprets it as Markdown or HTML (the inline patterns have
run by then). Without the extension (any other Markdown tool) the block is plain HTML.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable

from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

START = "<!-- baogao: listing -->"
END = "<!-- /baogao: listing -->"

# What `element` writes: <tag a="v" …>, </tag>, escaped text (no "<" in it, no '"' in a value).
_TOKEN = re.compile(r'<([a-z][a-z0-9]*)((?: [a-z-]+="[^"<]*")*)>|</([a-z][a-z0-9]*)>|([^<]+)')
_ATTRIBUTE = re.compile(r' ([a-z-]+)="([^"<]*)"')


# html.escape's five references, and two more: python-markdown expands tabs and reads a
# carriage return as a new line before any step sees the page.
_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "\t": "&#9;", "\r": "&#13;"})


def element(tag: str, *content: str, text: str = "", **attributes: str) -> str:
    """`<tag …>`: the HTML of `content` (made by `element`) after `text` (escaped here)."""
    attrs = "".join([f' {name.replace("_", "-")}="{value.translate(_ESCAPE)}"' for name, value in attributes.items()]) if attributes else ""
    return f"<{tag}{attrs}>{text.translate(_ESCAPE)}{''.join(content)}</{tag}>"


def block(lines: Iterable[str]) -> list[str]:
    """Markdown lines holding the HTML `lines` (each made by `element`) as one listing block."""
    return ["", START, *lines, END, ""]


def _tree_text(escaped: str) -> str:
    """Text as python-markdown's tree holds it: an "&" written "&amp;" (its serializer leaves
    what looks like an entity as it is: "&amp;" in a title must not show as "&")."""
    return html.unescape(escaped).replace("&", "&amp;") if "&" in escaped else escaped


def parse(markup: str) -> list[etree.Element]:
    """The elements of `markup` (HTML made by `element`, one or more lines), their text and
    attributes as python-markdown's tree holds them (`_tree_text`). Raises ValueError on
    anything else."""
    root = etree.Element("div")
    stack = [root]
    position = 0
    for match in _TOKEN.finditer(markup):
        if match.start() != position:
            break
        position = match.end()
        start, attributes, end, text = match.groups()
        if start:
            stack.append(etree.SubElement(stack[-1], start, {k: _tree_text(v) for k, v in _ATTRIBUTE.findall(attributes)}))
        elif end:
            if len(stack) == 1 or stack[-1].tag != end:
                raise ValueError(f"listing block: </{end}> closes no <{end}>")
            stack.pop()
        elif stack[-1] is root:
            if text.strip():
                raise ValueError(f"listing block: text outside an element: {text[:40]!r}")
        else:
            parent, text = stack[-1], _tree_text(text)
            if len(parent):
                parent[-1].tail = (parent[-1].tail or "") + text
            else:
                parent.text = (parent.text or "") + text
    if position != len(markup) or len(stack) != 1:
        raise ValueError(f"listing block: not baogao's HTML at {markup[position:position + 40]!r}")
    for child in root:
        child.tail = None
    return list(root)


class ListingBlocks(Preprocessor):
    """Each listing block's HTML, read into elements; a placeholder paragraph in its place."""

    def __init__(self, md, elements: dict[str, list[etree.Element]]) -> None:
        super().__init__(md)
        self.elements = elements  # placeholder → elements, for ListingElements

    def run(self, lines: list[str]) -> list[str]:
        self.elements.clear()
        if START not in lines:
            return lines
        out: list[str] = []
        position = 0
        while START in lines[position:]:
            start = lines.index(START, position)
            end = lines.index(END, start)
            # An empty stash entry: python-markdown reserves the placeholder, and writes nothing
            # for it; its paragraph is replaced by the elements before the HTML is written.
            placeholder = self.md.htmlStash.store("")
            self.elements[placeholder] = parse("\n".join(lines[start + 1:end]))
            out += [*lines[position:start], "", placeholder, ""]
            position = end + 1
        return out + lines[position:]


class ListingElements(Treeprocessor):
    """The placeholder paragraphs (top level) replaced by their elements."""

    def __init__(self, md, elements: dict[str, list[etree.Element]]) -> None:
        super().__init__(md)
        self.elements = elements

    def run(self, root: etree.Element) -> None:
        if not self.elements:
            return
        children: list[etree.Element] = []
        for child in root:
            found = self.elements.get(child.text or "") if child.tag == "p" and not len(child) else None
            children += found if found is not None else [child]
        root[:] = children
