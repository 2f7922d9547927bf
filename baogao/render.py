"""Stage 5, render: front matter + a Markdown body in which every character is literal.

Runs last in the conversion. Report text is data: each character that Markdown, HTML, the
attribute-list extension or a Jinja-like template could read as syntax is written as a
numeric character reference, so the page shows exactly the text of the source.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

import yaml
from pymdownx.slugs import slugify


from baogao.model import Block, ParsedReport

# Inline syntax anywhere on a line: emphasis, code, links/images, HTML and entities,
# attribute lists and {{ }} / {% %}, tables, strike/caret/mark, maths, backslash escapes.
_ALWAYS = set("\\`*_{}[]<>#|~^=&$")
_AS_REFERENCES = str.maketrans({ch: f"&#{ord(ch)};" for ch in _ALWAYS})
# Syntax only at the start of a line: lists (- + 1. 1)), quotes, admonitions, definitions.
_LINE_START = set("-+!:%")
_ORDERED_MARKER = re.compile(r"^(\d+)([.)])")
_slugify = slugify(case="lower")  # the TOC's slugify (mkdocs.yml): readable Chinese anchors
# Inside an attribute list, _ or * would start emphasis: anchors keep letters, digits, CJK, "-".
_ANCHOR_UNSAFE = re.compile(r"[^0-9a-z\u3400-\u4dbf\u4e00-\u9fff]+")


def escape_markdown(text: str) -> str:
    """Return Markdown that renders as exactly `text` (one line, no leading white space)."""
    out = text.translate(_AS_REFERENCES)
    marker = _ORDERED_MARKER.match(out)
    if marker:
        out = f"{marker.group(1)}&#{ord(marker.group(2))};{out[marker.end():]}"
    elif out[:1] in _LINE_START:
        out = f"&#{ord(out[0])};{out[1:]}"
    return out


def block_anchors(report: ParsedReport, targets: Collection[int] = frozenset()) -> dict[int, str]:
    """Anchor (HTML id) of each block that gets one: every heading (a readable slug of its
    text, as in the TOC), every 第X条 article, and the paragraphs in `targets` (theme links)."""
    anchors: dict[int, str] = {}
    used: set[str] = set()
    tried: dict[str, int] = {}  # base → the last number tried: those below it were taken, and stay so
    for index, block in enumerate(report.blocks):
        if block.kind == "heading":
            base = _ANCHOR_UNSAFE.sub("-", _slugify(block.text, "-")).strip("-") or f"h{index}"
        elif block.kind == "article":
            base = block.anchor
        elif index in targets:
            base = f"p{index}"
        else:
            continue
        n = tried.get(base, 1)
        anchor = f"{base}-{n}" if n > 1 else base
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        tried[base] = n
        used.add(anchor)
        anchors[index] = anchor
    return anchors


def render_block(block: Block, anchor: str = "") -> str:
    text = escape_markdown(block.text)
    # Anchors are ours, not report text: attribute lists (the report's own "{" is escaped).
    if block.kind == "heading":
        return f"{'#' * block.level} {text}" + (f" {{: #{anchor} }}" if anchor else "")
    if block.kind == "article":
        return f"{text}\n{{: #{anchor or block.anchor} .baogao-article }}"
    return f"{text}\n{{: #{anchor} }}" if anchor else text


class _FrontMatterDumper(yaml.SafeDumper):
    """YAML reads U+0085/U+2028/U+2029 in plain or single-quoted text as line breaks: quote them."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if any(ch in value for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FrontMatterDumper.add_representer(str, _represent_str)

# libyaml's emitter (yaml.CSafeDumper) writes the front matter ~4x faster than PyYAML's own, and
# the same bytes while every character of it is one both call printable (U+0020–U+007E,
# U+00A0–U+FFFD but U+FEFF; U+2028/U+2029 are quoted by the representer above) and every key a
# short ASCII word. Beyond that they differ: libyaml escapes characters beyond U+FFFF, and
# measures a key's length (at most 128 for `key: value`) in bytes where PyYAML counts
# characters. A page with anything else is written by PyYAML's emitter, as every page was
# before; tests/test_render.py compares both on hostile values.
_FAST_DUMPER = getattr(yaml, "CSafeDumper", None)
_NOT_SAME_IN_LIBYAML = re.compile("[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]")
_SHORT_KEY = re.compile(r"[0-9A-Za-z_]{1,64}")


def _same_in_libyaml(value: Any) -> bool:
    """Whether libyaml writes `value` (the front matter's types only) as PyYAML does."""
    if value is None or isinstance(value, (bool, int)):
        return True
    if isinstance(value, str):
        return not _NOT_SAME_IN_LIBYAML.search(value)
    if isinstance(value, list):
        return all(_same_in_libyaml(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(key, str) and _SHORT_KEY.fullmatch(key) and _same_in_libyaml(item)
                   for key, item in value.items())
    return False


def front_matter(meta: dict[str, Any]) -> str:
    """The YAML of a page's front matter: block style, keys in `meta`'s order, never folded."""
    dumper = _FAST_DUMPER if _FAST_DUMPER is not None and _same_in_libyaml(meta) else _FrontMatterDumper
    return yaml.dump(meta, Dumper=dumper, allow_unicode=True, sort_keys=False, width=10**9)


def render_page(meta: dict[str, Any], report: ParsedReport, anchors: dict[int, str] | None = None) -> str:
    """The whole Markdown page: YAML front matter, then one block per paragraph/heading."""
    front = front_matter(meta)
    anchors = block_anchors(report) if anchors is None else anchors
    body = "\n\n".join(render_block(block, anchors.get(i, "")) for i, block in enumerate(report.blocks))
    return f"---\n{front}---\n\n{body}\n"
