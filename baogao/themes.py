"""Themes: which sections of a report are about which theme of office work (作风建设, 督查 …).

The taxonomy lives in one hand-edited file, `themes.yml` at the repository root (its comments
document the format). `load_taxonomy` reads and validates it once per build; `classify` runs
after parse, on each report's blocks, and tags *sections*, not whole reports, so that a theme
page can link to the passage that is about the theme:

- `split_sections` cuts a report into sections: each heading with its own text up to its first
  sub-heading; the text before the first heading (导语); each 第X条 article; each run of text
  that a lead-in opens (一是…。 二是…。 第一，…), inside a paragraph or at its start; and, in a
  report without headings, runs of paragraphs of about `WINDOW_CHARS` characters.
- Every theme's words are counted in each section's heading (or lead sentence) and in its own
  text; the score weighs heading matches by the taxonomy's `heading_factor` and counts the text
  as density per `TEXT_UNIT` characters, so that neither a long section nor a passing mention
  gets the theme. A section gets the theme when the score reaches the theme's threshold.
- A section whose heading names a theme and that gets it stands for its whole part: its
  sub-sections are not listed again for that theme (one link to 三、转作风、树形象…, not one per
  paragraph under it). A parent whose heading does not name the theme is listed only if its own
  text qualifies, so links point to the sub-section that is about the theme.

Pure functions; no jieba: matching is one precompiled regex per theme (an alternation of its
words, longest first), fast enough for archives of many thousands of reports.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

import yaml

from baogao.model import ParsedReport

DEFAULT_THRESHOLD = 4.0
DEFAULT_HEADING_FACTOR = 3.0
# Text evidence counts as density per this many characters (a short section is not inflated:
# below one unit the raw sum counts).
TEXT_UNIT = 500
# A report without headings is cut into runs of paragraphs of at least this many characters.
WINDOW_CHARS = 1500
# A lead sentence (一是优化学习机制。) counts as a heading when it is at most this long.
LEAD_MAX_CHARS = 24
LABEL_CHARS = 30
EXCERPT_CHARS = 80
# A section whose heading or lead sentence names none of a theme's words needs this many times
# the theme's threshold from its text: the heading says the section is about something else.
OFF_HEADING_FACTOR = 1.5
PREAMBLE_LABEL = "（导语）"

_TOP_FIELDS = ("threshold", "heading_factor", "themes")
_THEME_FIELDS = ("name", "description", "keywords", "patterns", "threshold")


class TaxonomyError(ValueError):
    """themes.yml cannot be used; the message names the file and the field."""


@dataclass(frozen=True)
class Rule:
    """One piece of evidence for a theme: a literal keyword or a regular expression."""

    text: str
    weight: float
    is_pattern: bool = False


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    rules: tuple[Rule, ...]  # keywords, longest first, then patterns in file order
    threshold: float
    # All keywords as one alternation without groups: Python's regex engine then skips ahead
    # to the first characters of the words, 100× faster than with a group per word.
    keyword_regex: re.Pattern[str] | None = field(compare=False, repr=False)
    weights: dict[str, float] = field(compare=False, repr=False)
    pattern_regexes: tuple[tuple[re.Pattern[str], float], ...] = field(compare=False, repr=False)


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    heading_factor: float
    source: str  # the file it was read from, for messages
    digest: str  # SHA-256 of the file: reclassify every report when it changes

    def names(self) -> list[str]:
        return [theme.name for theme in self.themes]


@dataclass(frozen=True)
class Evidence:
    """`word` matched `count` times in the section's "heading", "lead" sentence or "text"."""

    word: str
    count: int
    where: str


@dataclass(frozen=True)
class Section:
    """A passage of a report that a theme link can point to.

    kind: "heading" (a heading block and its own text), "preamble" (text before the first
    heading), "article" (a 第X条 block and the paragraphs after it), "lead" (text opened by
    一是/第一，… up to the next lead-in or the end of its paragraph) or "window" (paragraphs of a
    report without headings). `block` is the block the section starts at: the heading block for
    a heading section (its TOC anchor), otherwise a paragraph or article block. `heading_block`
    is the section's own heading or the nearest heading above it (None before any heading).
    `head` is the span that counts as the heading (heading block or lead sentence), `body` the
    spans of its own text, not of its sub-sections; spans are (block, start, end) in characters.
    """

    index: int
    kind: str
    label: str
    level: int
    parent: int | None
    block: int
    heading_block: int | None
    head: tuple[int, int, int] | None
    body: tuple[tuple[int, int, int], ...]
    excerpt: str


@dataclass(frozen=True)
class SectionMatch:
    """A section that is about a theme, with the evidence that says so.

    `heading` is the text of `heading_block` (the section's own heading, or for a lead, article
    or window section the nearest heading above it; None in the 导语 or a report without
    headings). `label` is what to show as the link text; `block` the block to link to.
    """

    theme: str
    section: int
    kind: str
    label: str
    block: int
    heading: str | None
    heading_block: int | None
    excerpt: str
    score: float
    evidence: tuple[Evidence, ...]


# ------------------------------------------------------------------------------------ taxonomy


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, (str, int, float, bool)) and key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"{key!r} is written twice in one mapping", key_node.start_mark
            )
        seen.add(key) if isinstance(key, (str, int, float, bool)) else None
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read and validate themes.yml; raises TaxonomyError naming the file and the field.

    Runs once per build, before any report is classified.
    """
    where = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise TaxonomyError(f"Error reading '{where}': {err.strerror or err}") from None
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=_UniqueKeyLoader)
    except UnicodeDecodeError:
        raise TaxonomyError(f"Error reading '{where}': expected UTF-8 text") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(err, "problem", None) or str(err)
        raise TaxonomyError(f"Error reading '{where}': not valid YAML{at}: {problem}") from None
    return taxonomy_from_data(data, where, digest=hashlib.sha256(raw).hexdigest())


def taxonomy_from_data(data: Any, where: str, digest: str = "") -> Taxonomy:
    """Validate the parsed content of a themes file (`where` names it in messages)."""

    def fail(message: str) -> TaxonomyError:
        return TaxonomyError(f"Error reading '{where}': {message}")

    if not isinstance(data, dict):
        raise fail(f"expected a mapping with a 'themes' list, got {_kind(data)}")
    for key in data:
        if key not in _TOP_FIELDS:
            raise fail(f"unknown field {key!r} (fields: {', '.join(_TOP_FIELDS)})")
    threshold = _number(data.get("threshold", DEFAULT_THRESHOLD), positive=True)
    if threshold is None:
        raise fail(f"field 'threshold' expected a number > 0, got {data['threshold']!r}")
    heading_factor = _number(data.get("heading_factor", DEFAULT_HEADING_FACTOR))
    if heading_factor is None:
        raise fail(f"field 'heading_factor' expected a number ≥ 0, got {data['heading_factor']!r}")
    entries = data.get("themes")
    if not isinstance(entries, list) or not entries:
        raise fail(f"field 'themes' expected a non-empty list of themes, got {entries!r}")

    themes: list[Theme] = []
    first_at: dict[str, int] = {}
    for position, entry in enumerate(entries, 1):
        theme = _theme(entry, position, threshold, fail)
        if theme.name in first_at:
            raise fail(f"theme {theme.name!r} is defined twice (themes no. {first_at[theme.name]} and {position})")
        first_at[theme.name] = position
        themes.append(theme)
    return Taxonomy(tuple(themes), heading_factor, where, digest)


def _theme(entry: Any, position: int, default_threshold: float, fail) -> Theme:
    if not isinstance(entry, dict):
        raise fail(f"theme no. {position} expected a mapping (name, description, keywords…), got {_kind(entry)}")
    name = entry.get("name")
    if not _one_line(name):
        raise fail(f"theme no. {position} field 'name' expected one line of text, got {name!r}")
    who = f"theme {name!r}"
    for key in entry:
        if key not in _THEME_FIELDS:
            raise fail(f"{who} has unknown field {key!r} (fields: {', '.join(_THEME_FIELDS)})")
    description = entry.get("description")
    if not _one_line(description):
        raise fail(f"{who} field 'description' expected one line of text, got {description!r}")
    threshold = _number(entry.get("threshold", default_threshold), positive=True)
    if threshold is None:
        raise fail(f"{who} field 'threshold' expected a number > 0, got {entry['threshold']!r}")

    keywords = _rules(entry.get("keywords", {}), "keywords", who, fail)
    patterns = _rules(entry.get("patterns", {}), "patterns", who, fail)
    for text, _ in patterns:
        try:
            compiled = re.compile(text)
        except re.error as err:
            raise fail(f"{who} field 'patterns.{text}' is not a valid regular expression: {err}") from None
        if compiled.groups:
            raise fail(f"{who} field 'patterns.{text}' has a capturing group: write (?:…) instead of (…)")
        if compiled.fullmatch(""):
            raise fail(f"{who} field 'patterns.{text}' matches empty text")
    if not any(weight > 0 for _, weight in keywords + patterns):
        raise fail(f"{who} needs at least one keyword or pattern with a weight above 0")

    # Longest keyword first: at one place in the text the longest word wins (督查督办 over 督查).
    keywords.sort(key=lambda kw: -len(kw[0]))
    rules = tuple(Rule(t, w) for t, w in keywords) + tuple(Rule(t, w, True) for t, w in patterns)
    keyword_regex = re.compile("|".join(re.escape(t) for t, _ in keywords)) if keywords else None
    pattern_regexes = tuple((re.compile(t), w) for t, w in patterns if w > 0)
    return Theme(name, description, rules, threshold, keyword_regex, dict(keywords), pattern_regexes)


def _rules(value: Any, field_name: str, who: str, fail) -> list[tuple[str, float]]:
    if value is None:
        return []
    if not isinstance(value, dict):
        raise fail(f"{who} field '{field_name}' expected a mapping of word: weight, got {_kind(value)}")
    out = []
    for text, weight in value.items():
        if not isinstance(text, str):
            raise fail(f"{who} field '{field_name}' has the key {text!r}: write it in quotes ('{text}': weight)")
        if not _one_line(text) or text != text.strip():
            raise fail(f"{who} field '{field_name}' has an empty or padded key {text!r}")
        number = _number(weight)
        if number is None:
            raise fail(f"{who} field '{field_name}.{text}' expected a number ≥ 0 (the weight), got {weight!r}")
        out.append((text, number))
    return out


def _number(value: Any, positive: bool = False) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    if value < 0 or (positive and value == 0):
        return None
    return float(value)


def _one_line(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}.get(type(value), repr(value))


# ------------------------------------------------------------------------------------ sections

_CN = "一二三四五六七八九十"
# A lead-in opens a run of text: at the start of a paragraph or after a sentence or clause end.
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[。；;！？!?：:]))[ \u3000]*(?:[{_CN}]{{1,3}}是|第[{_CN}]{{1,3}}[，,、]|其[{_CN}][，,、])"
)
_LEAD_END = re.compile(r"[。；;！？!?：:]")


@dataclass
class _Draft:
    kind: str
    label: str
    level: int
    block: int
    char: int = 0  # where in `block` the section starts (a lead inside a paragraph)
    parent: "_Draft | None" = None
    heading_block: int | None = None
    head: tuple[int, int, int] | None = None
    body: list[tuple[int, int, int]] = field(default_factory=list)
    end_block: int = 0  # the section with its sub-sections ends before this block


def split_sections(report: ParsedReport) -> list[Section]:
    """The report's sections in reading order (see the module docstring).

    Runs inside `classify`; the page builder may call it to map section numbers to blocks.
    """
    blocks = report.blocks
    drafts: list[_Draft] = []
    has_headings = any(b.kind == "heading" for b in blocks)
    stack: list[_Draft] = []  # open heading sections, outermost first
    container: _Draft | None = None  # the section that receives the next paragraph

    for i, block in enumerate(blocks):
        if block.kind == "heading":
            while stack and stack[-1].level >= block.level:
                stack.pop().end_block = i
            container = _Draft("heading", block.text, block.level, i, parent=stack[-1] if stack else None,
                               heading_block=i, head=(i, 0, len(block.text)))
            stack.append(container)
            drafts.append(container)
            continue
        if block.kind == "article":
            parent = stack[-1] if stack else None
            container = _Draft("article", block.anchor or block.text[:LABEL_CHARS], (parent.level + 1) if parent else 1,
                               i, parent=parent, heading_block=parent.heading_block if parent else None)
            drafts.append(container)
        elif container is None or (container.kind == "window" and _chars(blocks, container) >= WINDOW_CHARS):
            if has_headings:
                container = _Draft("preamble", PREAMBLE_LABEL, 1, i)
            else:
                container = _Draft("window", _label(block.text), 1, i)
            drafts.append(container)
        container.body.append((i, 0, len(block.text)))
        container.end_block = i + 1
    for open_section in stack:
        open_section.end_block = len(blocks)

    drafts.extend(lead for draft in list(drafts) for lead in _leads(draft, blocks))
    drafts.sort(key=lambda d: (d.block, d.char, d.level))
    number = {id(d): n for n, d in enumerate(drafts)}
    return [
        Section(
            index=n,
            kind=d.kind,
            label=d.label,
            level=d.level,
            parent=number[id(d.parent)] if d.parent else None,
            block=d.block,
            heading_block=d.heading_block,
            head=d.head,
            body=tuple(d.body),
            excerpt=_excerpt(d, blocks),
        )
        for n, d in enumerate(drafts)
    ]


def _leads(draft: _Draft, blocks) -> list[_Draft]:
    """Cut the runs opened by 一是/二是… out of a section's own text into sub-sections.

    Two or more lead-ins make a list; a single 一是 is left in the text. A run ends at the next
    lead-in or at the end of its paragraph: what follows a list belongs to the parent again.
    """
    if draft.kind == "lead":
        return []
    cuts_of = {span: _lead_starts(blocks[span[0]].text, span) for span in draft.body}
    if sum(map(len, cuts_of.values())) < 2:
        return []
    leads: list[_Draft] = []
    rest: list[tuple[int, int, int]] = []
    for span in draft.body:
        b, _, end = span
        text = blocks[b].text
        cuts = cuts_of[span]
        if not cuts:
            rest.append(span)
            continue
        if cuts[0] > 0:
            rest.append((b, 0, cuts[0]))
        for k, start in enumerate(cuts):
            stop = cuts[k + 1] if k + 1 < len(cuts) else end
            while stop > start and text[stop - 1] in " \u3000":
                stop -= 1
            sentence_end = _LEAD_END.search(text, start, stop)
            head_end = sentence_end.end() if sentence_end else stop
            lead = _Draft("lead", "", draft.level + 1, b, char=start, parent=draft,
                          heading_block=draft.heading_block, end_block=b + 1)
            if head_end - start <= LEAD_MAX_CHARS:
                lead.head = (b, start, head_end)
                lead.label = text[start:head_end]
                if head_end < stop:
                    lead.body.append((b, head_end, stop))
            else:
                lead.label = _label(text[start:stop])
                lead.body.append((b, start, stop))
            leads.append(lead)
    draft.body = rest
    return leads


def _lead_starts(text: str, span: tuple[int, int, int]) -> list[int]:
    """Where the lead-ins in a span of a block start (after any indentation)."""
    _, start, end = span
    return [m.end() - len(m.group().lstrip(" \u3000")) for m in _LEAD_IN.finditer(text, start, end)]


def _chars(blocks, draft: _Draft) -> int:
    return sum(end - start for _, start, end in draft.body)


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS] + "…"


def _excerpt(draft: _Draft, blocks) -> str:
    """The first characters of the section's text (after its heading, sub-sections included)."""
    if draft.kind == "lead":
        text = blocks[draft.block].text[draft.char : draft.body[-1][2] if draft.body else None]
    else:
        first = draft.block + 1 if draft.kind == "heading" else draft.block
        parts: list[str] = []
        for b in range(first, draft.end_block):
            parts.append(blocks[b].text)
            if sum(map(len, parts)) >= EXCERPT_CHARS:
                break
        text = " ".join(parts)
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + "…"


# ------------------------------------------------------------------------------------ classify


@dataclass
class _Hit:
    score: float
    counts: Counter  # (word, where) → matches


def classify(report: ParsedReport, taxonomy: Taxonomy) -> list[SectionMatch]:
    """The sections of `report` that are about a theme, in reading order, then taxonomy order.

    Runs after parse, once per report; no jieba, only the taxonomy's precompiled regexes.
    """
    sections = split_sections(report)
    texts = [block.text for block in report.blocks]
    children: list[list[int]] = [[] for _ in sections]
    subtree_end = [s.index + 1 for s in sections]  # a subtree is a run of sections in reading order
    for s in reversed(sections):
        if s.parent is not None:
            children[s.parent].append(s.index)
            subtree_end[s.parent] = max(subtree_end[s.parent], subtree_end[s.index])
    for kids in children:
        kids.reverse()

    whole = "\n".join(texts)
    found: list[tuple[int, int, _Hit]] = []
    for theme_no, theme in enumerate(taxonomy.themes):
        if not _present(theme, whole):  # most themes are absent from most reports: one scan
            continue
        own = [_evidence(theme, section, texts, taxonomy.heading_factor) for section in sections]
        listed: dict[int, _Hit] = {}
        for section in reversed(sections):  # sub-sections before their parent
            i = section.index
            hit, qualifies, named = own[i]
            if qualifies:
                listed[i] = hit
            kids = children[i]
            taken = sum(1 for k in kids if k in listed)
            # One link to the whole part instead of one per sub-section, evidence merged: when
            # the heading names the theme, or most sub-sections are about it (at least two, or
            # one when the section itself is).
            if (qualifies and named) or (taken and 2 * taken >= len(kids) and (taken >= 2 or qualifies)):
                merged = _Hit(hit.score if hit else 0.0, Counter(hit.counts) if hit else Counter())
                for k in range(i + 1, subtree_end[i]):
                    sub = listed.pop(k, None)
                    if sub:
                        merged.score = max(merged.score, sub.score)
                        merged.counts.update(sub.counts)
                listed[i] = merged
        found.extend((i, theme_no, hit) for i, hit in listed.items())

    matches = []
    for i, theme_no, hit in sorted(found, key=lambda f: (f[0], f[1])):
        section = sections[i]
        evidence = sorted(
            (Evidence(word, count, where) for (word, where), count in hit.counts.items()),
            key=lambda e: (e.where == "text", -e.count, e.word),
        )
        matches.append(
            SectionMatch(
                theme=taxonomy.themes[theme_no].name,
                section=i,
                kind=section.kind,
                label=section.label,
                block=section.block,
                heading=texts[section.heading_block] if section.heading_block is not None else None,
                heading_block=section.heading_block,
                excerpt=section.excerpt,
                score=round(hit.score, 2),
                evidence=tuple(evidence),
            )
        )
    return matches


def report_themes(matches: Iterable[SectionMatch], taxonomy: Taxonomy) -> list[str]:
    """A report's themes: the union of its section matches, in the order of themes.yml."""
    names = {match.theme for match in matches}
    return [name for name in taxonomy.names() if name in names]


def _evidence(theme: Theme, section: Section, texts: list[str], factor: float) -> tuple[_Hit | None, bool, bool]:
    """The theme's evidence in a section's own heading and text: (hit, qualifies, named).

    `named`: the heading (or lead sentence) alone reaches the threshold, so it names the theme.
    """
    head_sum, head_counts = _count(theme, texts, (section.head,) if section.head else ())
    text_sum, text_counts = _count(theme, texts, section.body)
    if not head_sum and not text_sum:
        return None, False, False
    chars = sum(end - start for _, start, end in section.body)
    score = factor * head_sum + text_sum / max(1.0, chars / TEXT_UNIT)
    where = "heading" if section.kind == "heading" else "lead"
    counts = Counter({(w, where): n for w, n in head_counts.items()})
    counts.update({(w, "text"): n for w, n in text_counts.items()})
    # A heading states the topic: when it names something else, the text must say more.
    threshold = theme.threshold * (OFF_HEADING_FACTOR if section.head and not head_sum else 1.0)
    return _Hit(score, counts), score >= threshold, factor * head_sum >= theme.threshold


def _present(theme: Theme, text: str) -> bool:
    if theme.keyword_regex and any(theme.weights[m.group()] for m in theme.keyword_regex.finditer(text)):
        return True
    return any(regex.search(text) for regex, _ in theme.pattern_regexes)


def _count(theme: Theme, texts: list[str], spans) -> tuple[float, Counter[str]]:
    """(Σ weight × matches, matches per word) of one theme in some spans of text."""
    total = 0.0
    counts: Counter[str] = Counter()
    weights = theme.weights
    for block, start, end in spans:
        text = texts[block]
        taken: list[tuple[int, int]] = []
        if theme.keyword_regex:
            for m in theme.keyword_regex.finditer(text, start, end):
                word = m.group()
                taken.append(m.span())
                if weights[word]:  # weight 0 only masks a longer phrase
                    total += weights[word]
                    counts[word] += 1
        for regex, weight in theme.pattern_regexes:
            for m in regex.finditer(text, start, end):
                # Keywords first: a pattern does not count where a keyword matched.
                if m.end() > m.start() and not _overlaps(taken, m.start(), m.end()):
                    total += weight
                    counts[m.group()] += 1
    return total, counts


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, not overlapping each other)."""
    k = bisect.bisect_right(spans, (start, math.inf))
    return (k > 0 and spans[k - 1][1] > start) or (k < len(spans) and spans[k][0] < end)
