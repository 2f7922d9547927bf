"""Themes: which sections of a report are about which theme of office work (作风建设, 督查 …).

The taxonomy lives in one hand-edited file, `themes.yml` at the repository root; its comments
document the format. `load_taxonomy` reads and validates it once per build. `classify` runs
after parse, once per report, and tags *sections*, not whole reports, so that a theme page can
link to the passage that is about the theme:

1. `split_sections` cuts the report into a tree of sections: section 0 is the whole report;
   below it the text before the first heading (导语), each heading with its own text up to its
   first sub-heading, each 第X条 article, and in a report without headings runs of paragraphs of
   about `WINDOW_CHARS` characters; below those, each run of text that a lead-in opens
   (一是…。二是…。第一，…), inside a paragraph or at its start. The 版头 over the text (文号, a
   bulletin's masthead) and the 版记 under it (抄送：…) are in no section: they say what the
   paper is and who gets it, not what it is about.
2. Each theme's words are counted in a section's heading (or lead sentence) and in its own text
   (not its sub-sections'). score = heading_factor × heading weight + text weight ÷
   max(1, characters ÷ `TEXT_UNIT`): the text counts as density, so neither a long section nor
   a passing mention gets the theme. A section gets the theme when the score reaches the
   theme's threshold; `OFF_HEADING_FACTOR` × the threshold when its heading names something
   else. A long section also gets it when one passage is about it (`_passage_about`: a short
   paragraph reaching the threshold, or one sentence reaching `SENTENCE_FACTOR` × it; an item
   of a list counts 2/n, one clause of a sentence about another theme nothing).
3. Links without duplicates: a section stands for its whole part, absorbing the matches of its
   sub-sections (listed in `SectionMatch.parts`), when its heading alone names the theme, or
   when more than half of its sub-sections (at least two) get the theme, or when it gets the
   theme itself and at least half of its sub-sections do. Otherwise every section that gets the
   theme is its own link, so a theme found in a （一） points to the （一）, and its parent 一、
   is listed only when its own heading and text qualify. The whole report (section 0) is listed
   when most of its top-level sections are about the theme.
4. For a theme whose entry says `model: true`, a section that no match holds and whose own text
   has some of the theme's words (a near miss of the rules) gets the theme when the trained
   model (baogao.theme_model) reads it as about the theme; its words are the evidence shown,
   with the model's probability (`SectionMatch.model`). It adds back nothing the theme's
   `unless` or `others` words rule out, nor what the rules read as a passing mention (one
   shortcoming of a list of them, a demand's slogan, one item of a list: （二）迟报…信息的；).
5. A report's themes (`report_themes`, its chips) are ordered by how much of its text each
   covers (`SectionMatch.chars`).

Pure functions, no jieba: each theme is one precompiled alternation of its keywords (plus its
few patterns), scanned once over the text of the report; every span (a heading, a section's text,
a sentence) is counted from the matches kept (`_Occurrences`), with what scanning it alone finds.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import math
import operator
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, TypeGuard

import re2

from baogao import theme_model, yamlfile
from baogao.gongwen import HEADER_MAX_LINES, header_length
from baogao.model import Block, ParsedReport
from baogao.parse import NO_DECIMAL
from baogao.schema import hidden_character
from baogao.search.variants import to_simplified

DEFAULT_THRESHOLD = 4.0
DEFAULT_HEADING_FACTOR = 3.0
# Text evidence counts as density per this many characters; below one unit the plain sum
# counts, so a short section is not inflated.
TEXT_UNIT = 500
# A section whose heading (or lead sentence) names none of a theme's words needs this many
# times the threshold from its text: its heading says it is about something else.
OFF_HEADING_FACTOR = 1.5
# A report without headings is cut into runs of paragraphs of at least this many characters.
WINDOW_CHARS = 1500
# A lead sentence (一是优化学习机制。) counts as a heading when it is at most this long; of a
# longer one, its first clause when that is (四是加强作风纪律，严格执行…。), else none.
LEAD_MAX_CHARS = 24
# A word of at least this weight is a strong sign of its theme (themes.yml: 督办, 政务信息 …; not 信息员).
STRONG_WEIGHT = 2.0
# One sentence whose evidence reaches this many times the threshold makes its section about the
# theme, however long the section.
SENTENCE_FACTOR = 0.75
# A lead item whose first characters past its number hold a strong word of the theme has the theme for subject.
SUBJECT_CHARS = 6
# A sentence with at least this many enumeration commas (、), or this many quoted phrases
# (对“创文”“主题教育”“政务督查”…等任务), is a list: an item is one of n, so its evidence counts 2/n.
LIST_MARKS = 3
# A part under a heading about the theme is one of its parts when it names the theme by at least this much evidence
# (a weak word, 真抓实干, does not name it).
_NAMING_SCORE = 1.5
# Between two characters of a word: a stray space (PDF layouts) or a quotation mark (纠治“四风”).
_GAP_CHARS = " \u3000“”\"‘’「」"
_GAP = f"[{_GAP_CHARS}]?"
_WITHOUT_GAPS = str.maketrans("", "", _GAP_CHARS)
# Matches of one word that count in one section (see _Occurrences.count).
SATURATION = 3
LABEL_CHARS = 30
EXCERPT_CHARS = 80
REPORT_LABEL = "（全文）"
PREAMBLE_LABEL = "（导语）"

_TOP_FIELDS = ("threshold", "heading_factor", "themes")
_THEME_FIELDS = ("name", "description", "keywords", "patterns", "unless", "others", "own", "threshold", "model")

Span = tuple[int, int, int]  # (block index, start, end) in characters of the block's text


THEMES_FILE = "themes.yml"  # the taxonomy, beside mkdocs.yml
# A report page shows at most this many theme chips, strongest first; every theme still lists
# the report on its own page.
MAX_CHIPS = 6
_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False  # the message goes into TaxonomyError, not to stderr
# RE2's default budget (8 MB) is too small for the patterns together (`Taxonomy.pattern_set`): its
# DFA cache fills and is reset again and again, so each block's search took ~130 µs; with 64 MB
# ~28 µs, and a report's classification 8.8 → 5.3 ms (a themes.yml edit at 10 000 reports, README
# "Incremental builds"). It is a bound, not an allocation: they use ~17 MB of it.
_RE2_OPTIONS.max_mem = 64 << 20


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
    # All keywords as one alternation without groups: Python's regex engine then skips to the
    # first characters of the words, 100× faster than with one group per word.
    keyword_regex: re.Pattern[str] | None = field(compare=False, repr=False)
    weights: dict[str, float] = field(compare=False, repr=False)
    # RE2 (linear time): a pattern in themes.yml can never hang a build, whatever it is.
    pattern_regexes: tuple[tuple[Any, float], ...] = field(compare=False, repr=False)
    # Words that, in a section's own heading or text, say it is about something else: a 暗访 of
    # 在岗在位 by a 督查室 is 作风建设, not 督查.
    unless_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    # Words naming another body's work of the same kind (人大代表's 督办 of 建议, 审计整改): they rule
    # the theme out of a section that names none of its `own` words (督查室, 政务督查), which
    # does that work too.
    others_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    own_regex: re.Pattern[str] | None = field(default=None, compare=False, repr=False)
    # Patterns of weight 0 (RE2): where one matches in a block, its group (or the whole match)
    # is no evidence — 迎接省督查组检查 is the checked side preparing, not a 督查.
    mask_regexes: tuple[Any, ...] = field(default=(), compare=False, repr=False)
    # The trained model may add the theme to a section holding its words that the rules left
    # short (baogao.theme_model): `model: true` in themes.yml.
    model: bool = False
    # The number of its first pattern among the taxonomy's (`Taxonomy.pattern_set`), the others following.
    first_pattern: int = field(default=0, compare=False, repr=False)


@dataclass(frozen=True)
class Taxonomy:
    themes: tuple[Theme, ...]
    heading_factor: float
    source: str  # the file it was read from, for messages
    # SHA-256 of the file and of the trained model it uses: when it changes, every report is
    # classified again
    digest: str
    # Every theme's patterns as one RE2 set (None when they cannot be compiled together): one scan of
    # a block says which of them match in it, and only those are scanned there (a pattern scanned
    # in every block where any matched cost a report's classification ~0.3 ms a pattern).
    pattern_set: Any = field(default=None, compare=False, repr=False)

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

    kind: "report" (section 0, the whole report), "preamble" (text before the first heading),
    "heading" (a heading block and its own text), "article" (a 第X条 block and the paragraphs
    after it), "window" (paragraphs of a report without headings) or "lead" (text opened by
    一是/第一，… up to the next lead-in or the end of its paragraph).
    `block` is where the section starts: the heading block of a heading section (its TOC
    anchor), otherwise a paragraph or article block (articles have `Block.anchor`).
    `heading_block` is the section's own heading or the nearest one above it (None before the
    first heading). `head` is the span that counts as heading (heading block or lead sentence);
    `body` the spans of its own text, without its sub-sections.
    """

    index: int
    kind: str
    label: str  # heading text, lead sentence, 第X条, （导语）, （全文）, or the first words
    level: int
    parent: int | None
    block: int
    heading_block: int | None
    head: Span | None
    body: tuple[Span, ...]
    excerpt: str


@dataclass(frozen=True)
class Part:
    """A sub-section that got the theme on its own, absorbed into an enclosing match."""

    section: int
    label: str
    block: int


@dataclass(frozen=True)
class SectionMatch:
    """A section that is about a theme, with the evidence that says so.

    Link to `block` (for a heading section its heading, whose TOC anchor the page has; for a
    lead, article or window section a paragraph or article block) and show `label`.
    `heading`/`heading_block`: the section's own heading, or for other kinds the nearest
    heading above it (None in the 导语, the whole report, or a report without headings).
    `score` is the best score among the section and its `parts`; `evidence` sums them.
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
    parts: tuple[Part, ...] = ()
    own: bool = True  # the section itself is about the theme, not only the parts it stands for
    # A section that is about the theme in one paragraph only (a long part whose one paragraph is
    # about it, a window — paragraphs of a text without headings, cut by length, not by topic):
    # the match is that paragraph (`block`), its excerpt and evidence are its own, and a window's
    # label too (a heading section keeps its heading as label).
    passage: bool = False
    model: float | None = None  # added by the trained model: its probability (step 4 above)
    chars: int = 0  # characters of the report's text the match is about (chips are ordered by their sum)


# ------------------------------------------------------------------------------------ taxonomy


def load_taxonomy(path: str | Path) -> Taxonomy:
    """Read and validate a themes file; raises TaxonomyError naming the file and the field.

    Runs once per build, before any report is classified.
    """
    where = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise TaxonomyError(f"Error reading '{where}': {err.strerror or err}") from None
    try:
        data = yamlfile.load(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise TaxonomyError(f"Error reading '{where}': expected UTF-8 text") from None
    except yamlfile.YamlError as err:
        raise TaxonomyError(f"Error reading '{where}': {err}") from None
    return taxonomy_from_data(data, where, digest=hashlib.sha256(raw).hexdigest())


def taxonomy_from_data(data: Any, where: str, digest: str = "") -> Taxonomy:
    """Validate the parsed content of a themes file; `where` names the file in messages."""

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
            raise fail(
                f"theme {theme.name!r} is defined twice (themes no. {first_at[theme.name]} and {position})"
            )
        first_at[theme.name] = position
        themes.append(theme)
    modelled = [theme.name for theme in themes if theme.model]
    if modelled:
        models = _models(fail)
        for name in modelled:
            if name not in models.by_theme:
                raise fail(f"theme {name!r} field 'model': the trained model ({theme_model.MODEL_FILE.name}) has none for "
                           f"this theme (it has: {', '.join(models.by_theme)})")
        digest = hashlib.sha256(f"{digest}\0{models.digest}".encode()).hexdigest()
    patterns = [regex.pattern for theme in themes for regex, _ in theme.pattern_regexes]
    firsts = itertools.accumulate((len(theme.pattern_regexes) for theme in themes), initial=0)
    numbered = tuple(replace(theme, first_pattern=first) for theme, first in zip(themes, firsts))
    return Taxonomy(numbered, heading_factor, where, digest, _pattern_set(patterns))


def _models(fail: Callable[[str], TaxonomyError]) -> theme_model.Models:
    try:
        return theme_model.load()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as err:
        raise fail(f"a theme asks for the trained model, which cannot be read from {theme_model.MODEL_FILE} ({err})") from None


def _pattern_set(patterns: list[str]) -> Any:
    if not patterns:
        return None
    found = re2.Set.SearchSet(_RE2_OPTIONS)
    try:
        for pattern in patterns:
            found.Add(pattern)
        found.Compile()
    except re2.error:
        return None  # together, they are beyond RE2's memory budget: each is then scanned in every block
    return found


def _theme(entry: Any, position: int, default_threshold: float, fail: Callable[[str], TaxonomyError]) -> Theme:
    if not isinstance(entry, dict):
        raise fail(f"theme no. {position} expected a mapping (name, description, keywords…), got {_kind(entry)}")
    name = entry.get("name")
    if not _one_line(name):
        raise fail(f"theme no. {position} field 'name' expected one line of text, got {name!r}")
    if hidden := hidden_character(name):  # (the name is a page's file name, a chip, a filter)
        raise fail(f"theme no. {position} field 'name' expected text without invisible or invalid characters, got U+{ord(hidden):04X}")
    who = f"theme {name!r}"
    for key in entry:
        if key not in _THEME_FIELDS:
            raise fail(f"{who} has unknown field {key!r} (fields: {', '.join(_THEME_FIELDS)})")
    description = entry.get("description")
    if not _one_line(description):
        raise fail(f"{who} field 'description' expected one line of text, got {description!r}")
    if hidden := hidden_character(description):
        raise fail(f"{who} field 'description' expected text without invisible or invalid characters, got U+{ord(hidden):04X}")
    threshold = _number(entry.get("threshold", default_threshold), positive=True)
    if threshold is None:
        raise fail(f"{who} field 'threshold' expected a number > 0, got {entry['threshold']!r}")

    keywords = _rules(entry.get("keywords"), "keywords", who, fail)
    for text, _ in keywords:
        if any(ch.isspace() or ch in _GAP_CHARS for ch in text):  # a match is looked up by its word without them
            raise fail(f"{who} field 'keywords.{text}' has a space or a quotation mark: write the word without it "
                       "(a keyword already matches across a stray space or quotation mark in the text)")
    patterns = _rules(entry.get("patterns"), "patterns", who, fail)
    compiled: list[tuple[Any, float]] = []
    masks: list[Any] = []
    for text, weight in patterns:
        try:
            regex = re2.compile(text, _RE2_OPTIONS)
        except re2.error as err:
            message = err.args[0].decode() if err.args and isinstance(err.args[0], bytes) else str(err)
            raise fail(f"{who} field 'patterns.{text}' is not a valid RE2 regular expression ({message}); "
                       "patterns use RE2 syntax: no look-around, no back-references") from None
        if regex.groups > 1:
            raise fail(f"{who} field 'patterns.{text}' has {regex.groups} capturing groups: at most one "
                       "(the words shown as evidence); write (?:…) for the others")
        if regex.fullmatch(""):
            raise fail(f"{who} field 'patterns.{text}' matches empty text")
        if weight > 0:
            compiled.append((regex, weight))
        else:
            masks.append(regex)
    if not any(weight > 0 for _, weight in keywords + patterns):
        raise fail(f"{who} needs at least one keyword or pattern with a weight above 0")
    model = entry.get("model", False)
    if not isinstance(model, bool):
        raise fail(f"{who} field 'model' expected true or false, got {model!r}")
    unless, others, own = (_words(entry, name, who, fail) for name in ("unless", "others", "own"))
    if others and not own:
        raise fail(f"{who} field 'others' needs the field 'own' (the words that keep the theme beside them)")

    # Longest keyword first: at one place in the text the longest word wins (督查督办 over 督查).
    keywords.sort(key=lambda kw: -len(kw[0]))
    rules = tuple(Rule(t, w) for t, w in keywords) + tuple(Rule(t, w, True) for t, w in patterns)
    # A space may stand between a keyword's characters: text laid out from a PDF (密切联系职工 群众).
    keyword_regex = re.compile("|".join(_GAP.join(map(re.escape, t)) for t, _ in keywords)) if keywords else None
    return Theme(name, description, rules, threshold, keyword_regex, dict(keywords), tuple(compiled),
                 _words_regex(unless), _words_regex(others), _words_regex(own), tuple(masks), model)


def _words(entry: dict, name: str, who: str, fail: Callable[[str], TaxonomyError]) -> list[str]:
    words = entry.get(name) or []
    if not isinstance(words, list) or not all(_one_line(word) and word == word.strip() for word in words):
        raise fail(f"{who} field {name!r} expected a list of words (one line each), got {entry[name]!r}")
    return words


def _words_regex(words: list[str]) -> re.Pattern[str] | None:
    return re.compile("|".join(_GAP.join(map(re.escape, w)) for w in words)) if words else None


def _rules(value: Any, field_name: str, who: str, fail: Callable[[str], TaxonomyError]) -> list[tuple[str, float]]:
    if value is None:
        return []
    if not isinstance(value, dict):
        raise fail(f"{who} field '{field_name}' expected a mapping of word: weight, got {_kind(value)}")
    out = []
    for text, weight in value.items():
        if not isinstance(text, str):
            # YAML reads 12345 as a number (and 0123 as octal): the user must quote it.
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


def _one_line(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", type(None): "nothing"}.get(type(value), repr(value))


# ------------------------------------------------------------------------------------ sections

_CN = "一二三四五六七八九十"
# A lead-in opens a run of text at the start of a paragraph or after a sentence or clause end
# (一是…, 一要… as a leader's demands are listed, 一抓… as a town lists its measures).
# Numbered paragraphs and items count too (1.山西省…, （2）…, ③…), not a number's decimals (1.5亿).
_LEAD_IN = re.compile(
    rf"(?:^|(?<=[。；;！？!?：:]))[ \u3000]*(?:[{_CN}]{{1,3}}[是要抓]|第[{_CN}]{{1,3}}[，,、]|其[{_CN}][，,、]"
    rf"|\d{{1,2}}[.．、](?![.．])(?:{NO_DECIMAL})|[（(](?:\d{{1,2}}|[{_CN}]{{1,3}})\s?[）)]|[①-⑳])"
)
# A numbered paragraph that the parser kept as an item of a list (一、放假期间，各单位要…。 — a 通知's or a 制度's
# items, each a sentence) opens a passage too; not inside an article: those are the 项 of its 条.
_ITEM_IN = re.compile(rf"[ \u3000]*[{_CN}]{{1,3}}、")
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
    head: Span | None = None
    body: list[Span] = field(default_factory=list)
    end_block: int = 0  # the section with its sub-sections ends before this block
    end_char: int | None = None  # a lead ends here in its block


# The 版记 under a document (抄送：…, …印发, 主题词：…) and its publicity marking ((信息公开选项：主动公开)) say who
# gets the paper, not what it is about: in no section (抄送：…市政府督查室 is no 督查).
_RECORD_LINE = re.compile(r"^[（(]?(?:抄\s*送|抄\s*报|主\s*题\s*词|信息公开(?:选项|属性|方式|类别))\s*[：:]"
                          # (not a line that says where to send a reply: 报：县政府督查室（联系人：…，电话：…）)
                          r"|^(?:报|送|发|分\s*送)\s*[：:](?![^。！？!?]*(?:联系人|电话|邮箱|传真))[^。！？!?]{1,80}$"
                          r"|^.{0,40}?\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发[）)]?$")


def split_sections(report: ParsedReport) -> list[Section]:
    """The report's sections in reading order, section 0 the whole report (see module doc).

    Runs inside `classify`; a page builder may call it to map section numbers to blocks.
    """
    blocks = report.blocks
    root = _Draft("report", REPORT_LABEL, 0, 0, end_block=len(blocks))
    drafts: list[_Draft] = [root]
    has_headings = any(b.kind == "heading" and not b.outline_only for b in blocks)
    stack: list[_Draft] = []  # open heading sections, outermost first
    container: _Draft | None = None  # the section that receives the next paragraph
    # the 版头 (a bulletin's masthead 工作简报 / 第3期, 份号, 文号, a 信息公开 table) says what the text
    # is, not what it is about: no section holds it
    header = header_length(tuple(block.text for block in blocks[:HEADER_MAX_LINES]))

    for i, block in enumerate(blocks):
        if (i < header or _RECORD_LINE.match(block.text)) and block.kind == "paragraph":
            continue
        if block.kind == "heading":  # (an outline-only one closes the parts it stands beside: 附件1 after 三、)
            while stack and stack[-1].level >= block.level:
                stack.pop().end_block = i
        if block.kind == "heading" and not block.outline_only:
            parent = stack[-1] if stack else root
            container = _Draft("heading", block.text, block.level, i, parent=parent, heading_block=i,
                               head=(i, 0, len(block.text)))
            stack.append(container)
            drafts.append(container)
            continue
        if block.kind == "article":
            parent = stack[-1] if stack else root
            container = _Draft("article", block.anchor or _label(block.text), parent.level + 1, i,
                               parent=parent, heading_block=parent.heading_block)
            drafts.append(container)
        elif container is None or (container.kind == "window" and _chars(container) >= WINDOW_CHARS):
            if has_headings:
                container = _Draft("preamble", PREAMBLE_LABEL, 1, i, parent=root)
            else:
                container = _Draft("window", _label(block.text), 1, i, parent=root)
            drafts.append(container)
        container.body.append((i, 0, len(block.text)))
        container.end_block = i + 1
    for open_section in stack:
        open_section.end_block = len(blocks)

    drafts.extend(lead for draft in list(drafts) for lead in _leads(draft, blocks))
    drafts.sort(key=lambda d: (d.block, d.char, d.level))  # reading order, parents first
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


def _leads(draft: _Draft, blocks: tuple[Block, ...]) -> list[_Draft]:
    """Cut the runs that 一是/二是… open out of a section's own text, as its sub-sections.

    Two or more lead-ins make a list; a single 一是 stays in the text. A run ends at the next
    lead-in or at the end of its paragraph: what follows the list belongs to the parent again.
    """
    cuts_of = {span: _lead_starts(blocks[span[0]].text, span, draft.kind != "article") for span in draft.body}
    if sum(map(len, cuts_of.values())) < 2:
        return []
    leads: list[_Draft] = []
    rest: list[Span] = []
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
            opener = _LEAD_IN.match(text, start) or _ITEM_IN.match(text, start)  # (第二，… is not named by 第二)
            clause_end = _CLAUSE_END.search(text, opener.end() if opener else start, head_end)
            if head_end - start > LEAD_MAX_CHARS and clause_end and clause_end.end() - start <= LEAD_MAX_CHARS:
                head_end = clause_end.end()  # 四是加强作风纪律，严格执行考勤制度，…。: the item's topic is its first clause
            lead = _Draft("lead", "", draft.level + 1, b, char=start, parent=draft,
                          heading_block=draft.heading_block, end_block=b + 1, end_char=stop)
            if head_end - start <= LEAD_MAX_CHARS:
                lead.head = (b, start, head_end)
                lead.label = text[start:head_end].rstrip("，,")
                if head_end < stop:
                    lead.body.append((b, head_end, stop))
            else:
                lead.label = _label(text[start:stop])
                lead.body.append((b, start, stop))
            leads.append(lead)
    draft.body = rest
    return leads


_CLAUSE_END = re.compile(r"[，,]")


def _lead_starts(text: str, span: Span, items: bool = True) -> list[int]:
    """Where the lead-ins in a span of a block start (after any indentation); with `items`, also a
    numbered paragraph's 一、 at the block's start."""
    _, start, end = span
    item = _ITEM_IN.match(text) if items and start == 0 else None
    return ([item.end() - len(item.group().lstrip(" \u3000"))] if item else []) + [
        m.end() - len(m.group().lstrip(" \u3000")) for m in _LEAD_IN.finditer(text, start, end)]


def _chars(draft: _Draft) -> int:
    return sum(end - start for _, start, end in draft.body)


def _label(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS] + "…"


def _excerpt(draft: _Draft, blocks: tuple[Block, ...]) -> str:
    """The first characters of the section's text after what its label shows (heading, lead
    sentence, 第X条, first words), sub-sections included: a snippet never repeats its label."""
    if draft.kind == "lead":
        start = draft.head[2] if draft.head else draft.char
        text = blocks[draft.block].text[start : draft.end_char]
    else:
        first = draft.block + 1 if draft.kind == "heading" else draft.block
        if first == 0:
            # a 版头 or a 信息公开 table (文件名称 | … 索引号 | …) says what the text is, not what it says
            header = header_length(tuple(block.text for block in blocks[:HEADER_MAX_LINES]))
            first = header if header < draft.end_block else 0
        parts: list[str] = []
        length = 0
        for b in range(first, draft.end_block):
            parts.append(blocks[b].text)
            length += len(blocks[b].text)
            if length >= EXCERPT_CHARS:
                break
        text = " ".join(parts)
        if draft.kind == "article" and blocks[draft.block].anchor:
            text = text.removeprefix(draft.label)
        elif draft.kind == "window" and draft.label.endswith("…"):
            text = text[len(draft.label) - 1 :]
    return _snippet(text)


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT_CHARS else text[:EXCERPT_CHARS] + "…"


# ------------------------------------------------------------------------------------ classify


@dataclass
class _Hit:
    score: float
    counts: Counter  # (word, where) → matches
    parts: tuple[int, ...]  # sections inside that got the theme on their own
    # (block, character) of the one sentence that made a long section about the theme: the
    # link goes to its paragraph, and the snippet starts there
    focus: tuple[int, int] | None = None
    model: float | None = None  # the trained model's probability, for a section it added
    covers: range | None = None  # a section standing for its sub-sections: all of them (_absorb)
    # its evidence was read as a passing mention (one shortcoming of a list, a demand's slogan):
    # the model does not add the theme back (_near_misses)
    passing: bool = False


def classify(report: ParsedReport, taxonomy: Taxonomy, models: Mapping[str, theme_model.ThemeModel] | None = None) -> list[SectionMatch]:
    """The sections of `report` that are about a theme: reading order, then taxonomy order.

    Runs after parse, once per report; no jieba, only the taxonomy's precompiled regexes and, for
    a theme with `model: true`, the trained model (`models`: by theme, MODEL_FILE's by default;
    the cross-validation of tests/theme_model.py passes the models of each fold).
    """
    sections = split_sections(report)
    # Rules are written in simplified characters; a traditional text (the 1954 report) is
    # matched folded, one character for one, so every position still points into its page.
    texts = [to_simplified(block.text) for block in report.blocks]
    children: list[list[int]] = [[] for _ in sections]
    subtree_end = [s.index + 1 for s in sections]  # a section's sub-sections follow it directly
    for s in reversed(sections):
        if s.parent is not None:
            children[s.parent].append(s.index)
            subtree_end[s.parent] = max(subtree_end[s.parent], subtree_end[s.index])
    for kids in children:
        kids.reverse()  # reading order: the first of a section's items is the one its text before introduces

    text = _text(taxonomy, texts)
    # A title kept out of the blocks (清源镇加强党建信息工作) is the heading of a text that has
    # no headings of its own (a 通报, a news item); where it has some, they say each part's topic.
    title = to_simplified(report.title)
    occurrences = [_Occurrences(theme, text, title) for theme in taxonomy.themes]
    heading_themes = _heading_themes(taxonomy, occurrences, sections)
    title_themes = _title_themes(taxonomy, title) if report.title_in_text else set()
    no_headings = report.title_in_text and not any(s.kind == "heading" for s in sections)
    if no_headings:
        heading_themes[0] = title_themes
    found: list[tuple[int, int, _Hit]] = []
    for theme_no, theme in enumerate(taxonomy.themes):
        found_in = occurrences[theme_no]
        others = tuple(o for o in occurrences if o is not found_in)
        if not found_in.present():  # most themes are absent from most reports
            continue
        if _title_rules_out(theme, title, texts):
            continue
        owned = theme_no in title_themes and _opening_names_own(theme, title, sections, texts)
        shared_title = theme_no in title_themes and _names_other_work(taxonomy, title, theme_no, title_themes)
        # 反映社情民意信息须知 一、… 二、…: the items of a text without headings whose title names the theme's work alone
        # are its rules, as a titled rule's articles are
        title_rules = no_headings and theme_no in title_themes and not shared_title
        listed: dict[int, _Hit] = {}
        mentioned: dict[int, _Hit] = {}  # lead items and parts with evidence short of qualifying
        passing: set[int] = set()  # sections whose evidence is a passing mention (_Hit.passing)
        lists: dict[int, tuple[int, int, int]] = {}  # what _shortcoming_share read of each list
        under_named = _under_named_heading(theme_no, sections, heading_themes)
        for section in reversed(sections):  # sub-sections before their parent
            i = section.index
            # 县纪委…明察暗访…工作纪律，一是…二是…督查组…: the items of a passage the theme's
            # `unless` words rule out are ruled out with it
            parent = sections[section.parent] if section.kind == "lead" and section.parent else None
            context = _Context(under_named[i], bool(heading_themes[i] - {theme_no}),
                               parent is not None and _vetoed(found_in, parent, texts), others,
                               _shortcoming_share(found_in, section, sections, children, texts, lists),
                               owned and theme_no in heading_themes[i], title_rules and section.kind == "lead")
            hit, qualifies, named = _own_evidence(found_in, section, texts, taxonomy.heading_factor, context)
            if hit is not None and hit.passing:
                passing.add(i)
            kids = children[i]
            if qualifies:
                assert hit is not None  # a section without evidence does not qualify
                listed[i] = hit
                # 对3起…典型问题进行通报。具体如下：1.… 2.…: the items a sentence about the
                # theme introduces are its parts, whatever words they use.
                items = _introduced_items(occurrences, theme_no, section, sections, kids, texts, taxonomy.heading_factor)
                # 一、信息报送重点内容 1.… 2.…, or in the text 督查重点内容包括四个方面：一是…。二是…。: what the
                # heading, or the run-in clause that introduces the items, names the theme's matter
                intro = section.head if named else _run_in_intro(section, sections, kids, texts)
                if intro is not None:
                    items += _enumerated_items(occurrences, theme_no, intro, [sections[k] for k in kids], texts,
                                               taxonomy.heading_factor, named and _answers(section, texts))
                if section.kind in ("window", "heading"):
                    # 为进一步加强作风建设，…以“四个严明”举措重申工作纪律。 一是… 二是…: a news item's opening
                    # about the theme that its items end, as what it does; a part's too (三、…督查工作要重点把握三点。一要…)
                    items += _opened_items(occurrences, theme_no, section, hit, sections, kids, texts, taxonomy.heading_factor)
                for k in items:
                    listed.setdefault(k, _Hit(0.0, Counter(), (k,), None))
            elif hit is not None and (section.kind == "lead" or section.kind == "heading" and not hit.passing):
                mentioned[i] = hit
            if section.kind == "report":
                # 县政府督查室…开展了专项督查，现通报如下。 一、总体情况 二、…: a preamble about the
                # theme that announces what follows makes its parts the theme's, whatever words they use
                opening = [k for k in kids if sections[k].kind == "preamble" and k in listed]
                held = {k for hit in listed.values() for k in hit.parts}
                if opening and _announces(sections[opening[0]], texts):
                    for k in kids:
                        # (a heading with no text of its own, 一、工作开展基本情况 over the work checked, is what its parts are;
                        # one over the problems found, 二、存在问题 over （一）部分项目推进缓慢, what the check found)
                        # (and a heading over items most of which name the theme, 一、强化主体责任，坚决推进整改 over 一是…巡察
                        # 整改工作…: those items too, the 通报's own matter)
                        leads = [j for j in children[k] if sections[j].kind == "lead"]
                        naming = [j for j in leads if j in mentioned or j in listed]
                        if (any(end > start for _, start, end in sections[k].body) or held & set(range(k, subtree_end[k]))
                                or _names_findings(sections[k], texts) or 2 * len(naming) > len(leads) > 0):
                            listed.setdefault(k, _Hit(0.0, Counter(), (k,), None))
                            # (such a heading stands for its parts: those that name the theme, short of a passage alone,
                            # are the 通报's matter — 二、存在问题 over （一）值班人员不在岗…)
                            if not any(end > start for _, start, end in sections[k].body):
                                listed.update({j: mentioned[j] for j in range(k + 1, subtree_end[k])
                                               if j in mentioned and j not in listed})
                        if 2 * len(naming) > len(leads):
                            listed.update({j: mentioned[j] for j in naming if j not in listed})
                elif theme_no in title_themes:
                    # 关于对造林绿化开展督查的通知 …现将有关事项通知如下： 一、时间安排 …: a notice arranging the work
                    # its title names; each of its parts is that work's (one standing for its items too, 四、工作要求)
                    for k in _arranged(found_in, others, theme_no, sections, kids, subtree_end, heading_themes, texts,
                                       shared_title):
                        if k in listed:
                            listed[k].parts = tuple(sorted({*listed[k].parts, k}))
                        elif k not in held:
                            listed[k] = _Hit(0.0, Counter(), (k,), None)
            taken = sum(1 for k in kids if k in listed)
            # 一是…信息工作是上情下达…、二是…、三是…: when most items of a list are about the
            # theme, an item that names it too is one of them, though it says less; so is each of a
            # run that a sentence about the theme opens and whose every lead names it, one of them about
            # it (要将信息调研工作作为…来推进。一要…建立信息调研工作队伍，要明确专人…二要…): the run says
            # how, not a slogan over other matter (他强调，一要强化督查问责，各项目要倒排工期…)
            leads = [k for k in kids if sections[k].kind == "lead"]
            if (taken >= 2 and 2 * taken >= len(leads)) or (taken and _run_on_the_theme(found_in, section, sections, leads, listed,
                                                                                        mentioned, texts)):
                taken += _take_mentioned(leads, listed, mentioned)
            # 一、强化领导 … 四、强化培训。对信息员进行…培训: a numbered part that names the theme too, among parts mostly
            # about it, is one of them, as a lead is
            headings = [k for k in kids if sections[k].kind == "heading"]
            named_headings = sum(1 for k in headings if k in listed)
            if named_headings >= 2 and 2 * named_headings > len(headings):
                taken += _take_mentioned(headings, listed, mentioned)
            if qualifies and named:
                # 三、注重结果运用，强化督查严肃性 over （一）…对《督查专报》…: a part that names the theme too, under a heading
                # naming it, is one of its parts, though too little alone — by more than a weak word (真抓实干)
                taken += _take_mentioned(kids, listed, {k: hit for k, hit in mentioned.items() if hit.score >= _NAMING_SCORE})
            most = taken >= 2 and 2 * taken > len(kids)
            if (qualifies and named) or most or (qualifies and taken and 2 * taken >= len(kids)):
                # 某镇多措并举推动政务信息提质增效。一是…二是…: the opening of items mostly about the
                # theme that names it too, though too little for a passage of its own, is about it
                listed[i] = _absorb(i, hit, qualifies or (most and hit is not None), listed, range(i + 1, subtree_end[i]))
        if theme.model:
            model = (models if models is not None else theme_model.load().by_theme)[theme.name]
            listed.update(_near_misses(found_in, model, sections, texts, listed, passing))
        found.extend((i, theme_no, hit) for i, hit in listed.items())

    shown = [block.text for block in report.blocks]  # excerpts and headings as the page has them
    return [_match(sections[i], taxonomy.themes[theme_no], hit, sections, shown)
            for i, theme_no, hit in sorted(found, key=lambda f: (f[0], f[1]))]


def _take_mentioned(candidates: list[int], listed: dict[int, _Hit], mentioned: dict[int, _Hit]) -> int:
    """Lists the candidates whose evidence fell short of qualifying (`mentioned`) as the theme's; how many."""
    taken = [k for k in candidates if k not in listed and k in mentioned]
    listed.update((k, mentioned[k]) for k in taken)
    return len(taken)


def _near_misses(found_in: _Occurrences, model: theme_model.ThemeModel, sections: list[Section], texts: list[str],
                 listed: dict[int, _Hit], passing: set[int]) -> dict[int, _Hit]:
    """Step 4: the sections no match of the theme holds whose own text has some of its words
    and that the model reads as about it (probability ≥ its threshold), but those whose words the
    rules read as a passing mention (`passing`)."""
    held = set(listed).union(*(hit.parts for hit in listed.values()), passing)
    added = {}
    for section in sections:
        if section.kind == "report" or section.index in held or _vetoed(found_in, section, texts):
            continue  # (what the theme's unless or others words rule out, the model does not add back)
        spans = _spans(section)
        score, words = found_in.count(spans)
        if not words:
            continue
        probability = model.probability(theme_model.normalise("\n".join(texts[b][start:end] for b, start, end in spans)))
        if probability >= model.threshold:
            added[section.index] = _Hit(score, Counter({(w, "text"): n for w, n in words.items()}), (section.index,),
                                        model=round(probability, 2))
    return added


def words_in(theme: Theme, text: str) -> tuple[float, dict[str, int]]:
    """(Σ weight × matches, matches per word) of the theme's words in a text, as a section's are
    counted (`_Occurrences.count`): what makes a text a near miss of the rules (the training of
    tests/theme_model.py reads it)."""
    every = frozenset(range(theme.first_pattern, theme.first_pattern + len(theme.pattern_regexes)))  # each scanned
    return _Occurrences(theme, _Text([text], text, [0], [every], every)).count(((0, 0, len(text)),))


def report_themes(matches: Iterable[SectionMatch], taxonomy: Taxonomy) -> list[str]:
    """A report's themes: the union of its section matches, strongest first: the most of the
    report's text about the theme (a 工作总结 of many themes shows those it says most about, not
    those one short item names in its heading), then the best section score, then the order of
    themes.yml."""
    best: dict[str, tuple[int, float]] = {}
    for match in matches:
        chars, score = best.get(match.theme, (0, 0.0))
        best[match.theme] = (chars + match.chars, max(score, match.score))
    order = {name: n for n, name in enumerate(taxonomy.names())}
    return sorted(best, key=lambda name: (-best[name][0], -best[name][1], order[name]))


def _absorb(i: int, hit: _Hit | None, qualifies: bool, listed: dict[int, _Hit], inside: range) -> _Hit:
    """Section i standing for its part: its own evidence plus that of the matches inside it.

    Removes the absorbed matches from `listed`; the sections that got the theme on their own
    become the parts of the merged match.
    """
    merged = _Hit(hit.score if hit else 0.0, Counter(hit.counts) if hit else Counter(), (), hit.focus if hit else None,
                  covers=range(i, inside.stop))
    parts = [i] if qualifies else []
    for k in inside:
        sub = listed.pop(k, None)
        if sub:
            merged.score = max(merged.score, sub.score)
            merged.counts.update(sub.counts)
            parts.extend(sub.parts)
    merged.parts = tuple(sorted(parts))
    return merged


def _match(section: Section, theme: Theme, hit: _Hit, sections: list[Section], texts: list[str]) -> SectionMatch:
    evidence = sorted(
        (Evidence(word, count, where) for (word, where), count in hit.counts.items()),
        key=lambda e: (e.where == "text", -e.count, e.word),
    )
    parts = tuple(Part(k, sections[k].label, sections[k].block) for k in hit.parts if k != section.index)
    block, excerpt, label = section.block, section.excerpt, section.label
    focus = None if parts else hit.focus
    if focus is not None:
        block, char = focus
        if section.kind == "window":  # a window's label is its first words: here its paragraph's
            label = _label(texts[block])
        if block == section.block or section.kind == "window":  # the snippet never repeats what the label shows
            char = max(char, len(label) - 1 if label.endswith("…") else len(label))
        excerpt = _snippet(texts[block][char:])
    return SectionMatch(
        theme=theme.name,
        section=section.index,
        kind=section.kind,
        label=label,
        block=block,
        heading=texts[section.heading_block] if section.heading_block is not None else None,
        heading_block=section.heading_block,
        excerpt=excerpt,
        score=round(hit.score, 2),
        evidence=tuple(evidence),
        parts=parts,
        own=section.index in hit.parts,
        passage=focus is not None,
        model=hit.model,
        chars=_covered_chars(section, hit, sections, texts),
    )


def _covered_chars(section: Section, hit: _Hit, sections: list[Section], texts: list[str]) -> int:
    """How much of the report the match is about, in characters: the whole report for （全文）,
    the whole section when it stands for its sub-sections, the paragraph of a match made by one
    passage, else its own heading or lead sentence and text (when it is about the theme itself)
    and its parts'."""
    if section.kind == "report":
        covered: Iterable[int] = range(len(sections))
    elif hit.covers is not None:
        covered = hit.covers
    elif hit.focus:
        return len(texts[hit.focus[0]])
    else:
        covered = hit.parts
    total = 0
    for k in covered:  # its heading or lead sentence too: a lead item may be all there is of it
        head = sections[k].head
        total += (head[2] - head[1] if head else 0) + sum(end - start for _, start, end in sections[k].body)
    return total


def _heading_themes(taxonomy: Taxonomy, occurrences: list[_Occurrences], sections: list[Section]) -> list[set[int]]:
    """Per section: the themes (by number) that its own heading or lead sentence names."""
    factor = taxonomy.heading_factor
    return [
        {n for n, found_in in enumerate(occurrences) if factor * found_in.count((s.head,))[0] >= found_in.theme.threshold}
        if s.head else set()
        for s in sections
    ]


# A quoted list of three or more short slogans in a title: “下基层、进万家、转作风”活动, one of whose items names a
# theme (not “防汛抗旱、安全生产”, “整治形式主义、官僚主义”: two items that are the title's matter)
_SLOGAN_LIST = re.compile(r"“(?:[^“”、]{2,6}、){2,}[^“”、]{2,6}”")


def _title_themes(taxonomy: Taxonomy, title: str) -> set[int]:
    """The themes (by number) that a report's title names, as a heading would; not by one item of
    a quoted list of slogans (a campaign's name: its parts are the campaign's, about the theme only
    where their own words are)."""
    title = _SLOGAN_LIST.sub("“”", title)
    span, text = ((0, 0, len(title)),), _text(taxonomy, [title])
    return {n for n, theme in enumerate(taxonomy.themes)
            if taxonomy.heading_factor * _Occurrences(theme, text).count(span)[0] >= theme.threshold}


def _names_other_work(taxonomy: Taxonomy, title: str, theme_no: int, title_themes: set[int]) -> bool:
    """Whether the title names work besides the theme's: another theme it names by a word that is not inside one of
    the theme's own (紧急信息 in 紧急信息报送管理办法 is 值班值守's word too, but there it is the 信息报送's matter; 值班 in
    值班和信息报送 is other work), or by a pattern only."""
    def weighted(theme: Theme) -> list[tuple[int, int]]:
        regex = theme.keyword_regex
        return [m.span() for m in regex.finditer(title) if theme.weights[_word(m)]] if regex else []

    own = weighted(taxonomy.themes[theme_no])
    for other in title_themes - {theme_no}:
        words = weighted(taxonomy.themes[other])
        if not words or any(not any(s <= start and end <= e for s, e in own) for start, end in words):
            return True
    return False


def _introduced_items(occurrences: list[_Occurrences], theme_no: int, section: Section, sections: list[Section], kids: list[int],
                      texts: list[str], factor: float) -> list[int]:
    """The lead items (一是…, 1.…) that the section introduces as about the theme: the paragraph
    right before the first of them ends with a colon (具体如下：) and is itself about the theme
    (…主要目标是： before a list of goals introduces them, whatever the section is about) — unless it
    announces a notice's arrangements (现将调整后的督查激励措施通知如下：): a notice's parts are the work its title
    names (`_arranged`), not what its preamble mentions (一、对…成效显著的县，优先支持…: an incentive, not a 督查) — or
    its last clause asks for something in none of the theme's words (…督查了在建项目，…并对进度滞后的
    项目发出了整改要求：) or announces what was done about the problems found (问题整改情况：, the checked side's answers),
    or says that someone said what follows (…督查秸秆禁烧工作。督查组强调：, 督查组要求：): the
    demands that follow are judged one by one (信息报送要求： still introduces the theme's own). When the clause that
    announces them names another theme's matter too (为切实抓好今年的防汛工作，…，现将汛期值班安排及防汛责任人落实情况
    通知如下：), an item without the theme's words whose own words name that other theme as a heading would is that
    theme's (一、…实行24小时值班。); a clause that names none (…典型问题进行通报。具体如下：) makes every item the theme's."""
    found_in = occurrences[theme_no]
    items = [k for k in kids if sections[k].kind == "lead"]
    if len(items) < 2:
        return []
    before = _text_before(section, sections[items[0]])
    if before is None:
        return []
    b, start, end = before
    intro = texts[b][start:end].rstrip()
    if not intro.endswith(("：", ":")):
        return []
    clause = _last_clause(texts[b], start, start + len(intro))
    if (_ARRANGES.search(intro) or _SAYS.search(texts[b], *clause)
            or ((_DEMANDS.search(texts[b], *clause) or _ANSWERS.search(texts[b], *clause))
                and not found_in.count(((b, *clause),))[0])):
        return []
    if found_in.count((before,))[0] < found_in.theme.threshold:
        return []
    alone = [n for n, other in enumerate(occurrences) if not other.count(((b, *clause),))[0]]
    return [k for k in items if found_in.count(_spans(sections[k]))[0]
            or not _names_another(occurrences, theme_no, _spans(sections[k]), factor, alone)]


def _spans(section: Section) -> tuple[Span, ...]:
    """A section's heading (or lead sentence) and its own text."""
    return ((section.head,) if section.head else ()) + section.body


def _names_another(occurrences: list[_Occurrences], theme_no: int, spans: tuple[Span, ...], factor: float,
                   ruled_out: Iterable[int] = ()) -> bool:
    """Whether some spans name a theme other than `theme_no` (and those `ruled_out`) as a heading would."""
    return any(n != theme_no and n not in ruled_out and factor * other.count(spans)[0] >= other.theme.threshold
               for n, other in enumerate(occurrences))


def _run_on_the_theme(found_in: _Occurrences, section: Section, sections: list[Section], leads: list[int],
                      listed: dict[int, _Hit], mentioned: dict[int, _Hit], texts: list[str]) -> bool:
    """Whether every lead of a run (two or more) names the theme in its lead sentence (or qualifies),
    and the section's last sentence before the run (or before its first item, run on after a comma)
    has the theme's words too."""
    if len(leads) < 2 or not all(k in listed or (k in mentioned and (head := sections[k].head) is not None
                                                 and found_in.count((head,))[0] > 0) for k in leads):
        return False
    before = _text_before(section, sections[leads[0]])
    if before is None:
        return False
    b, start, end = before
    run_on = _run_on_item(texts[b], start, end)  # (他强调，一要…；二要…: the run starts there)
    sentences = [m for m in _SENTENCE.finditer(texts[b], start, run_on.start() - 1 if run_on else end) if m.group().strip()]
    return bool(sentences) and found_in.count(((b, *sentences[-1].span()),))[0] > 0


def _text_before(section: Section, first: Section, ending: bool = False) -> Span | None:
    """The span of the section's own text right before its first item; `ending`: only when the
    items end its own text (nothing of it follows them)."""
    at = (first.block, _first_char(first))
    before = [span for span in section.body if (span[0], span[2]) <= at]
    return before[-1] if before and not (ending and len(before) < len(section.body)) else None


def _opened_items(occurrences: list[_Occurrences], theme_no: int, section: Section, hit: _Hit, sections: list[Section],
                  kids: list[int], texts: list[str], factor: float) -> list[int]:
    """The lead items (一是…, 二是…) that end a window about the theme (not by a passage elsewhere in it), or a part
    about it, whose text announces them: a count of them in its last sentence (in a part, one that names the theme:
    督查工作要重点把握三点。), a sentence about the theme (为进一步
    加强作风建设，…以“四个严明”举措重申工作纪律。 over four items), or a first item run on after a clause with
    the theme's words (县纪委要求检查组要…开展明察暗访工作，一是…；二是…). They are what the opening does, whatever
    words they use, when one of them has the theme's words too; not the demands of a meeting or a visit
    (会议要求，一要…), whose clause names none.
    Not an item the theme's `unless` or `others` words rule out, nor one whose own words name another
    theme as a heading would — unless that theme's words are ruled out in the opening too (a 作风
    check's 督导检查组 is not 督查)."""
    found_in = occurrences[theme_no]
    items = [k for k in kids if sections[k].kind == "lead"]
    if len(items) < 2:
        return []
    before = _text_before(section, sections[items[0]], ending=True)
    if before is None or (hit.focus is not None and hit.focus[0] != before[0]):
        return []
    b, start, end = before
    text = texts[b]
    run_on = _run_on_item(text, start, end)
    if run_on:
        announced = found_in.count(((b, *_last_clause(text, start, run_on.start() - 1)),))[0] > 0  # (before its comma)
    else:
        sentences = [m for m in _SENTENCE.finditer(text, start, end) if m.group().strip()]
        last = sentences[-1] if sentences else None
        counts = {_CN.index(m.group(1)) + 1 for m in _ITEM_COUNT.finditer(last.group())} if last else set()
        # (not …会议部署了今年“五大任务”。 after sentences on 作风: the sentence that counts them is about the theme)
        evidence = _sentence_evidence(found_in, texts, b, last) if last is not None and len(items) in counts else 0.0
        # (in a part about the theme, a sentence that counts them need only name it: 督查工作要重点把握三点。)
        announced = evidence >= SENTENCE_FACTOR * found_in.theme.threshold if section.kind == "window" else evidence > 0
    if not announced:
        return []
    ruled_out = {n for n, other in enumerate(occurrences) if n != theme_no and _vetoed(other, section, texts)}
    opened, named = [], False
    for k in items:
        item = sections[k]
        spans = _spans(item)
        if _vetoed(found_in, item, texts) or _names_another(occurrences, theme_no, spans, factor, ruled_out):
            continue
        opened.append(k)
        named = named or found_in.count(spans)[0] > 0
    # one of them at least has the theme's words: measures of other work under a call for it (为加强作风建设，…推出
    # “四项举措”。 一是推行帮办代办… ) are labelled by what they govern
    return opened if named else []


# the first item of a run left in a paragraph's text because a comma precedes it (…开展明察暗访工作，一是…)
_RUN_ON_ITEM = re.compile(r"(?<=[，,])[ \u3000]*一[是要抓]")
_FULL_STOPS = "。！？!?"


def _run_on_item(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first item of the run that ends a span, left in its text because a comma precedes it: in the span's
    last sentence (its item may end with ；), not in an earlier one (会议指出，一是要提高认识。为加强作风建设…以“三项举措”…。)."""
    stop = start + len(text[start:end].rstrip(" \u3000")) - 1  # (not the mark that ends the first item: 一是…。二是…)
    return _RUN_ON_ITEM.search(text, _after_last(text, start, stop, _FULL_STOPS), end)


# a count of the items that follow (以“四个严明”举措, 采取三项措施, 从五个方面)
_ITEM_COUNT = re.compile(rf"([{_CN[:9]}])(?:个|项|条|大|方面|点)")


def _run_in_intro(section: Section, sections: list[Section], kids: list[int], texts: list[str]) -> Span | None:
    """The clause of the section's own text that introduces its lead items: the last sentence before
    the first of them, when it is short (`LEAD_MAX_CHARS`) and ends with a colon (…专项督查。督查重点内容包括
    四个方面：一是…). It says what the items are, as a heading over them would; not a clause that introduces
    demands (在督查检查过程中强调：一是要严格落实主体责任…): each is about what it asks of the checked."""
    items = [k for k in kids if sections[k].kind == "lead"]
    if len(items) < 2:
        return None
    before = _text_before(section, sections[items[0]])
    if before is None:
        return None
    b, start, end = before
    text = texts[b]
    while end > start and text[end - 1] in " \u3000":
        end -= 1
    if end == start or text[end - 1] not in "：:":
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end - 1)]
    begin = ends[-1] if ends else start
    return (b, begin, end) if end - begin <= LEAD_MAX_CHARS and not _SAYS.search(text, begin, end) else None


def _enumerated_items(occurrences: list[_Occurrences], theme_no: int, head: Span, kids: list[Section], texts: list[str],
                      factor: float, answers: bool = False) -> list[int]:
    """The items under a heading (`head`: the heading, or the run-in clause that introduces them) that
    names the theme with a strong word (一、信息报送重点内容; 督查重点内容包括四个方面：) that are one
    sentence each (1.…的贯彻落实情况。 2.…): an enumeration of the heading's matter, whatever words
    they use. Not under a heading that names a role or a weak sign of it (二、灾害信息员的主要职责: of a
    信息员's duties only some are reporting); not an item with a run-in heading of its own
    (一是压实主体责任。严格落实…), which names its own topic, nor one whose words name another theme as a
    heading would (2、宣传防灾减灾知识。) — of an item that has the theme's words too, only its lead sentence or
    first clause counts as a heading, the rest as text (1.…每周报送一篇工作信息，于周四前通过OA系统报综合处。: the
    means, not the topic). `answers`: the heading names a problem found and its text only announces what was done
    about it (3.违反中央八项规定精神问题仍然存在 整改情况：一是…四是…, `_answers`): each item, however long, is a measure
    against that problem (四是编印《接待制度汇编》，…严格落实无公函不接待规定…)."""
    found_in = occurrences[theme_no]
    weights = found_in.theme.weights
    if max((weights.get(w, 0.0) for w in found_in.count((head,))[1]), default=0.0) < STRONG_WEIGHT:
        return []
    items = []
    for item in kids:
        if item.kind != "lead" or _vetoed(found_in, item, texts):
            continue
        spans = _spans(item)
        text = "".join(texts[b][start:end] for b, start, end in spans).rstrip()
        if found_in.count(spans)[0]:
            other = (_names_another(occurrences, theme_no, (item.head,) if item.head else (), factor)
                     or _names_another(occurrences, theme_no, spans, 1.0))
        else:
            other = _names_another(occurrences, theme_no, spans, factor)
        if (_SENTENCE_END.search(text, 0, len(text) - 1) and not answers) or other:
            continue
        items.append(item.index)
    return items


# A heading's own text that only announces the measures taken against the problem it names (整改情况：, 整改措施：):
# a 整改 report's finding (1.…问题 整改情况：一是…二是…)
_ANSWERS = re.compile(r"(?:整改|落实|具体)?(?:整改情况|整改措施|整改举措|整改落实情况)[：:]")


def _answers(section: Section, texts: list[str]) -> bool:
    """Whether the section's own text is only `_ANSWERS` (its items follow)."""
    own = "".join(texts[b][start:end] for b, start, end in section.body).strip()
    return bool(own) and _ANSWERS.fullmatch(own) is not None


_SENTENCE_MARKS = "。！？!?；;"  # what ends a sentence (or a clause of a list that stands as one)
_SENTENCE_END = re.compile(f"[{_SENTENCE_MARKS}]")
_DEMANDS = re.compile(r"要求[：:]$")
# a clause that introduces what someone said (督查组强调：, 会议指出：, 督查组要求：): each item is about what it
# says; not 要求 as a noun (信息报送要求：, 具体要求：), the items' matter
_SAYS = re.compile(r"(?:强调|指出|(?:组|会议|会上|领导|书记|[县市区镇乡]长|主任|他|她|并|同时|还)要求)[：:]$")
_CLAUSE_MARKS = "，,；;。！？"


def _last_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the last clause of text[start:end], after its last comma or sentence mark."""
    return _after_last(text, start, end, _CLAUSE_MARKS), end


def _after_last(text: str, start: int, end: int, marks: str) -> int:
    """Where text[start:end] goes on after the last of `marks` in it (`start` without one). (Looked for from the
    end: a regex search for the rest, [^，…]*$, rescans each clause from each of its characters, which took
    minutes over a paragraph of one long clause.)"""
    return max([start, *(text.rfind(mark, start, end) + 1 for mark in marks)])


# A 通报 announces its findings (现通报如下。, …典型问题进行通报。具体如下：, 现将有关情况予以通报。, a 整改 published:
# 现将巡察整改情况予以公布。); a 汇报 or 总结 that announces its parts
# (现将…汇报如下：) goes on to topics of their own; a check that reports what it found (现将督查情况报告如下：) is a 通报.
_ANNOUNCES = re.compile(r"(?:(?:通报|公布)(?:。具体(?:情况)?)?如下|予以(?:通报|公布)"
                        # (not the checked side's: 现将迎接督查有关情况汇报如下, 配合督查)
                        r"|现将[^。；，,迎接配合]{0,16}?(?:督查|督导|暗访|抽查)(?:的?(?:有关|基本|具体)?情况)?(?:报告|汇报)如下)[。：:]?$")


def _announces(section: Section, texts: list[str]) -> bool:
    """Whether the section's text ends by announcing the findings that follow (现通报如下。)."""
    if not section.body:
        return False
    block, start, end = section.body[-1]
    return bool(_ANNOUNCES.search(texts[block][start:end].rstrip()))


_FINDINGS = re.compile(r"问题|不足|差距|短板|薄弱")


def _names_findings(section: Section, texts: list[str]) -> bool:
    """Whether the section's heading names problems (二、存在问题, 发现的不足): a 通报's list of what was found."""
    return section.head is not None and bool(_FINDINGS.search(texts[section.head[0]], section.head[1], section.head[2]))


# A notice announces the arrangements of the work its title names (现将有关事项通知如下：, 现将方案安排如下：; a plan's
# 现制定如下实施方案。, 制定本实施方案。):
# its parts (时间安排, 人员组成, 督查内容, 工作要求) are that work's, whatever words they use; a demand on the units it
# is sent to (各乡镇要…) in none of the work's words is the work checked; in a notice whose title names other work too,
# so is a part whose heading sets a task (四、做好群众生活保障), which a notice of the theme's work alone sets it
# (关于加强政务信息报送工作的通知: 四、加强审核把关). Rules whose preamble gives their purpose (为切实做好紧急信息报送工作，
# …制定本办法。) are that work's rules, each part of them, when their title names no other work; when it names other work
# too (值班和突发事件信息报告制度), each part that names the theme's work (第七条 信息报告应当包括…), not the other work's
# (第三条 …建立24小时值班制度) nor one naming neither (第二条 本制度适用于…).
# A part that only closes the text (六、附则 本规则自印发之日起施行。, 由县政府办公室负责解释, 联系人：…) arranges nothing;
# nor does the heading of the closing chapter (第六章　附则: its articles are read each on their own)
_CLOSING_PART = re.compile(r"负责解释|(?:印发|发布|公布)之日起(?:施行|执行|实施)|起(?:施行|执行|实施)。?$|^(?:联系人|附件)|附[ \u3000]*则$")
_ARRANGES = re.compile(r"(?:(?:通知|安排|方案|事项)如下|(?:制定|如下)(?:实施|工作)?方案|制定本(?:实施|工作)方案)[。：:]?$")
_RULES_PURPOSE = re.compile(r"制定本(?:办法|制度|规定|细则|规则|方案)。?$")
_ADDRESSEES_DEMAND = re.compile(r"各(?:乡镇|镇|乡|街道|村|社区|部门|单位|有关|相关|级|县直|区直|市直|承办)[^。；，,]{0,16}?(?:要|应|须|务必)")
_TASK_HEADING = re.compile(rf"[ \u3000]*(?:[{_CN}\d]+[、.．]|[（(][{_CN}\d]+[）)])?[ \u3000]*(?:进一步|切实|认真|全力|扎实|全面)?"
                           r"(?:做好|抓好|加强|强化|落实|确保|提高|提升|推进|深化|完善|健全|加大|狠抓|压实|夯实|保障|统筹|优化|营造)")


def _arranged(found_in: _Occurrences, others: tuple[_Occurrences, ...], theme_no: int, sections: list[Section], kids: list[int],
              subtree_end: list[int], heading_themes: list[set[int]], texts: list[str], shared: bool) -> list[int]:
    """The sections of a notice whose title names the theme (关于对造林绿化开展督查的通知) and whose preamble names
    it and announces the arrangements that follow (…进行督查。现将有关事项通知如下：), or, for rules of the theme's work
    alone, their purpose (…制定本办法。, in a preamble or in their first part: 一、总则 （一）为规范…制定本规定。): the
    preamble (or that part's section) and every part after it, at any depth, but
    - a part the theme's `others` words rule out, or whose own heading names another theme (五、信息报送) while it holds
      none of the theme's words under no heading that names it, with its sub-sections;
    - a part holding none of the theme's words that only closes the text (附则: 自印发之日起施行, 负责解释; 联系人);
    - a part holding none of the theme's words under no heading that names it that demands of the addressees (二、
      加强秸秆禁烧宣传 各乡镇要…: the work checked), whose heading sets a task when the title names other work too
      (`shared`: 四、做好群众生活保障 in a notice of 春节期间值班值守和信息报送) or that holds another theme's words
      (二、工作要求 督查组要… in a notice of a 安全生产 督查 is not 安全应急's).
    None when a part holds one of the theme's `unless` words (二、督查内容 在岗在位、迟到早退…: a 作风 check), or one of its
    `others` words while the report holds none of its `own` (a 交通局's 春运安全督查 of firms' 隐患排查: that sector's work)."""
    opening = next((k for k in kids if sections[k].kind == "preamble"), None)
    if opening is None and kids:
        # rules with no preamble that give their purpose in their first part (一、总则 （一）为规范…，制定本规定。; 第一条
        # 为了…，制定本办法。): the section of that part that says so opens them as a preamble would
        opening = next((k for k in range(kids[0], subtree_end[kids[0]]) if (spans := _spans(sections[k]))
                        and _RULES_PURPOSE.search(texts[spans[-1][0]][spans[-1][1]:spans[-1][2]].rstrip())), None)
    if opening is None:
        return []
    preamble = sections[opening]
    spans = _spans(preamble)
    block, start, end = spans[-1] if spans else (0, 0, 0)
    ending = texts[block][start:end].rstrip()
    if (not (_ARRANGES.search(ending) or _RULES_PURPOSE.search(ending)) or not found_in.count(spans)[0]
            or _vetoed(found_in, preamble, texts)):
        return []
    # rules of two works (值班和突发事件信息报告制度): their parts that name the theme's work, each on its own words
    naming_only = shared and not _ARRANGES.search(ending)
    notice = range(opening, subtree_end[0])
    if any(_vetoed(found_in, sections[k], texts, owned=True) for k in notice):
        return []  # (owned: the `unless` words only)
    if not _names_own(found_in.theme, texts) and any(_vetoed(found_in, sections[k], texts) for k in notice):
        return []
    arranged, k = [], opening
    while k < subtree_end[0]:
        section = sections[k]
        spans = _spans(section)
        under_named = any(theme_no in heading_themes[p] for p in _ancestors(sections, k))
        score = found_in.count(spans)[0]
        own = score > 0
        # (a chapter's heading that names the theme, 第三章 信息报告, carries its articles; the title names two works)
        # (a part's score alone, out of such a chapter, is a generic duty often enough — 第五条 承办单位…及时报告办理结果 in a
        # 督查督办和信息报送工作制度: it needs one of the theme's `own` words too, 第七条 信息报告应当包括…)
        own_regex = found_in.theme.own_regex
        if naming_only and not (any(theme_no in heading_themes[p] for p in _ancestors(sections, k) if sections[p].kind != "report")
                                or (score >= _NAMING_SCORE and own_regex is not None
                                    and any(own_regex.search(texts[b], s, e) for b, s, e in spans))):
            k += 1
            continue
        if _vetoed(found_in, section, texts) or (
                heading_themes[k] - {theme_no} and theme_no not in heading_themes[k] and not (under_named or own)):
            k = subtree_end[k]  # (its sub-sections follow it directly)
            continue
        if not own and _CLOSING_PART.search("".join(texts[b][s:e] for b, s, e in spans).strip()):
            k += 1
            continue
        if under_named or own or not (any(_ADDRESSEES_DEMAND.search(texts[b], s, e) for b, s, e in spans)
                                      or (shared and section.head and _TASK_HEADING.match(texts[section.head[0]], section.head[1]))
                                      or any(other.count(spans)[0] for other in others)):
            arranged.append(k)
        k += 1
    return arranged


def _ancestors(sections: list[Section], k: int) -> Iterable[int]:
    parent = sections[k].parent
    while parent is not None:
        yield parent
        parent = sections[parent].parent


def _first_char(section: Section) -> int:
    """Where in its first block a section starts (a lead may start inside a paragraph)."""
    span = section.head or (section.body[0] if section.body else None)
    return span[1] if span else 0


def _under_named_heading(theme_no: int, sections: list[Section], heading_themes: list[set[int]]) -> list[bool]:
    """Per section: whether a heading above it names the theme (二、强化督查督办 above
    一是强化"电话催"): its sub-sections are read in that context."""
    under = [False] * len(sections)
    for s in sections:  # parents come before their sub-sections
        if s.parent is not None:
            under[s.index] = under[s.parent] or theme_no in heading_themes[s.parent]
    return under


@dataclass(frozen=True)
class _Context:
    under_named: bool  # a heading above names the theme
    names_other: bool  # the section's own heading names another theme
    parent_vetoed: bool = False  # a lead-in item of a passage the theme's `unless` words rule out
    others: tuple[_Occurrences, ...] = ()  # the other themes' words, which say what a sentence is about
    share: float = 1.0  # what the evidence counts: 2/n for one shortcoming of a list of n (_shortcoming_share)
    # the section's heading names the theme, and the report's title names it too and its title or preamble one of its
    # `own` words (…专项督查情况的通报: 区督查室牵头… over （一）现场督查发现的问题): its text's `others` words are what
    # the check found, not another body's work
    owned: bool = False
    title_rule: bool = False  # a lead item of a text without headings whose title names the theme's work alone


# What a shortcoming says (调查研究不够, 保密意识有待加强, 推进较慢): a 自查报告's or 述职报告's list of them
# (存在的不足：一是学习不够深入；二是调查研究不够；…) names each matter in passing.
_SHORTCOMING = re.compile(r"不够|不足|不深|不强|不高|不严|不实|不细|不力|不到位|不全面|不规范|不及时|不完善|不健全|不畅"
                          r"|有待|欠缺|薄弱|滞后|较慢|偏少|较少|较弱|流于形式|淡薄|松懈|缺乏|单一")


def _shortcoming_share(found_in: _Occurrences, section: Section, sections: list[Section], children: list[list[int]],
                       texts: list[str], lists: dict[int, tuple[int, int, int]]) -> float:
    """2/n when the section is one item of a list of n ≥ 3 (一是…二是…) that mostly states
    shortcomings, its own lead one of them (二是调查研究不够。), and fewer than half of the items
    hold the theme's words: one shortcoming among others is a passing mention, as one item of a
    list of n is. A list about the theme (the findings of a check of 信息报送, each item about it)
    counts whole; 1 otherwise. `lists`: per parent, (items, those stating a shortcoming, those
    holding the theme's words), filled as they are read: a list is read once, not once per item
    (a paragraph of thousands of items took minutes)."""
    if section.kind != "lead" or section.parent is None:
        return 1.0

    def states_shortcoming(item: Section) -> bool:
        return _states_shortcoming(item, texts)

    def evidence(item: Section) -> float:
        return found_in.count(_spans(item))[0]

    if not states_shortcoming(section) or _subject_is_the_theme(found_in, section, texts):
        return 1.0
    if section.parent not in lists:
        items = [sections[k] for k in children[section.parent] if sections[k].kind == "lead"]
        lists[section.parent] = (len(items), sum(map(states_shortcoming, items)), sum(1 for item in items if evidence(item)))
    count, shortcomings, holding = lists[section.parent]
    if count < 3 or 2 * shortcomings < count:
        return 1.0
    own = _first_sentence(section, texts)
    block = (section.head or section.body[0])[0]
    if own is None or evidence(section) > found_in.count(((block, *own.span()),))[0]:
        return 1.0  # the item says more of the matter than that it falls short (a paragraph on 社保类信访)
    return 1.0 if 2 * holding >= count else 2 / count


def _first_sentence(item: Section, texts: list[str]) -> re.Match[str] | None:
    """A lead's first sentence, past its first clause (二是…不够规范，…有待加强。)."""
    block, start, _ = item.head or item.body[0]
    end = max(e for b, _, e in _spans(item) if b == block)
    return _SENTENCE.match(texts[block], start, end)


def _states_shortcoming(item: Section, texts: list[str]) -> bool:
    sentence = _first_sentence(item, texts)
    return bool(sentence and _SHORTCOMING.search(sentence.group()))


# how a work is done, as a shortcoming names it (质量不高, 手段单一, 深度不够)
_WORKS_ASPECT = re.compile(r"(?:工作)?的?(?:质量|深度|时效|手段|方式|方法|机制|水平|力度|效果|实效|针对性|精准度)")


def _subject_is_the_theme(found_in: _Occurrences, item: Section, texts: list[str]) -> bool:
    """Whether a lead item opens, past its number, with one of the theme's strong words and then an aspect of how that
    work is done (二是督查工作的深度还不够, 一是信息报送质量不高, 督查督办工作手段单一): its shortcoming is in the theme's
    work itself, the item's whole matter; not a bare want of it (二是调查研究不够, 三是工作作风不够扎实, 数字政府建设推进较慢:
    one matter named in passing)."""
    block, start, end = item.head or item.body[0]
    text = texts[block]
    opener = _LEAD_IN.match(text, start)
    at = opener.end() if opener else start
    weights = found_in.theme.weights
    _, words = found_in.count(((block, at, min(end, at + SUBJECT_CHARS)),))
    return any(weights.get(word, 0.0) >= STRONG_WEIGHT and text.startswith(word, at)
               and _WORKS_ASPECT.match(text, at + len(word)) for word in words)


def _own_evidence(
    found_in: _Occurrences, section: Section, texts: list[str], factor: float, context: _Context = _Context(False, False)
) -> tuple[_Hit | None, bool, bool]:
    """The theme's evidence in a section's own heading and text: (hit, qualifies, named).

    `named`: the heading (or lead sentence) alone reaches the threshold, so it names the theme.
    Under a heading that names the theme, a heading of its own that does not name it asks no
    more of the text; a heading that names another theme (二是强化干部作风) rules out the
    one-sentence rule: a sentence in passing (文字快起草，公文快处理) is not the section's topic.
    """
    theme = found_in.theme
    head_sum, head_counts = found_in.count((section.head,) if section.head else ())
    text_sum, text_counts = found_in.count(section.body)
    if (not head_sum and not text_sum) or context.parent_vetoed or _vetoed(found_in, section, texts, context.owned):
        return None, False, False
    if not text_sum and found_in.hides(section.body):
        # 二、督查督办件办理 over 认真办理县委、县政府督查室交办的督办件…: a text that names the theme only where
        # a mask hides it says what the heading's words are (the checked side's), whatever they weigh
        return None, False, False
    slogan = bool(head_sum) and not text_sum and _demand_slogan(section, texts)
    # (a shortcoming in the theme's own work, 三是督查工作手段比较单一；, keeps its lead's weight)
    list_item = _is_list_item(section, texts) and not (_states_shortcoming(section, texts)
                                                       and _subject_is_the_theme(found_in, section, texts))
    if list_item or context.share < 1 or slogan or _says_when(section, texts):
        factor = 1.0  # （二）迟报或者漏报事故的； is one item of a list, not a heading over text
    if text_sum and not head_sum and _only_in_lists(found_in, texts, section.body):
        # every mention is one item of a list of other matters (…信访局、发改局等10余个单位; 精准扶贫、项目建设、
        # 信访维稳等各项重点工作): each counts as such an item does, 2/n
        text_sum = min(text_sum, sum(_sentence_evidence(found_in, texts, block, m) for block, start, end in section.body
                                     for m in _SENTENCE.finditer(texts[block], start, end)))
    head_sum, text_sum = head_sum * context.share, text_sum * context.share
    chars = sum(end - start for _, start, end in section.body)
    score = factor * head_sum + text_sum / max(1.0, chars / TEXT_UNIT)
    where = "heading" if section.kind == "heading" else "lead"
    counts: Counter = Counter({(w, where): n for w, n in head_counts.items()})
    counts.update({(w, "text"): n for w, n in text_counts.items()})
    # A heading states the topic: when it names something else, the text must say more.
    # Weak words alone (交办 0.5 in 信访事项交办范围) do not put a heading on the theme.
    off_heading = bool(section.head) and head_sum < 1 and not context.under_named
    threshold = theme.threshold * (OFF_HEADING_FACTOR if off_heading else 1.0)
    if context.under_named:
        # Under 第二章 事故报告 an article is read as part of the chapter's topic: the evidence
        # of one sentence is enough (第十条 …立即报告…逐级上报).
        threshold = theme.threshold * SENTENCE_FACTOR
        if section.kind == "article" or context.title_rule:
            # the articles under a title or chapter that names the theme (信息公开保密审查制度: 第三条 上网发布信息的
            # 保密审批由…) are its rules: evidence of a strong word's weight is enough
            threshold = min(threshold, STRONG_WEIGHT)
    # One sentence about the theme qualifies a section whose heading names no other theme
    # (关于1998年政府工作的建议 is about everything; 强化干部作风 is about 作风建设).
    sentence_threshold = SENTENCE_FACTOR * theme.threshold
    focus = None
    if (score < threshold and not (off_heading and context.names_other) and context.share == 1
            and text_sum * factor >= sentence_threshold):
        focus = _passage_about(found_in, texts, section.body, factor, context.others)
    qualifies = score >= threshold or focus is not None
    if qualifies and section.kind == "window" and len(section.body) > 1:
        # a window is cut by length, not by topic: when one paragraph holds the passage about the
        # theme, or all of its evidence but traces (a word under 1: 层层抓落实 beside 严格督查…), that paragraph is the
        # match (SectionMatch.passage)
        if focus is None:
            holding = [span for span in section.body if found_in.count((span,))[0] >= 1]
            focus = (holding[0][0], holding[0][1]) if len(holding) == 1 else None
        if focus is not None:
            paragraph = next(span for span in section.body if span[0] == focus[0])
            counts = Counter({(w, "text"): n for w, n in found_in.count((paragraph,))[1].items()})
    # one item of a list that falls short (一项 of 有下列行为之一的：) is a passing mention, for the model too
    hit = _Hit(score, counts, (section.index,), focus, passing=slogan or list_item or context.share < 1)
    return hit, qualifies, factor * head_sum >= theme.threshold


# A demand of a run of them (一要…，二要…) and the characters of its own text from which that text,
# holding none of the theme's words, is the demand's matter
_DEMAND_LEAD = re.compile(rf"[ \u3000]*[{_CN}]{{1,3}}要")
DEMAND_MATTER_CHARS = 12


# A lead whose first clause only says since when (三是巡察整改以来，区办领导先后协调50余次…): no topic, its words are text
_SINCE = re.compile(r"以来[，,]?$")


def _says_when(section: Section, texts: list[str]) -> bool:
    return section.kind == "lead" and section.head is not None and bool(
        _SINCE.search(texts[section.head[0]], section.head[1], section.head[2]))


def _demand_slogan(section: Section, texts: list[str]) -> bool:
    """Whether the section is a demand whose lead is a slogan over other matter: a lead of a run of
    demands (二要强化督查问责，各项目责任单位要倒排工期、挂图作战，…) followed by at least
    `DEMAND_MATTER_CHARS` characters of its own, which the caller found to hold none of the theme's
    words. Its lead then counts as text, not as a heading: the demand is about what it asks."""
    if section.kind != "lead" or not section.head:
        return False
    block, at, _ = section.head
    return bool(_DEMAND_LEAD.match(texts[block], at)) and sum(end - start for _, start, end in section.body) >= DEMAND_MATTER_CHARS


def _vetoed(found_in: _Occurrences, section: Section, texts: list[str], owned: bool = False) -> bool:
    """Whether the section's own heading or text holds a word of the theme's `unless` list, or
    one of its `others` words and none of its `own` (nor is `owned`: _Context.owned). A word of any of the lists inside a mask does
    not count: the mask says what the phrase is (遵守工作纪律 asked of the checked side is not a
    check of 工作纪律; 提交县政府督查室跟踪督办 hands a case up, the 督查室 does not do the work; 施工单位 holds no 工单)."""
    theme = found_in.theme
    spans = _spans(section)

    def holds(regex: re.Pattern[str] | None, unmasked: bool = False) -> bool:
        return regex is not None and any(not (unmasked and _overlaps(found_in.masked(b), m.start(), m.end()))
                                         for b, s, e in spans for m in regex.finditer(texts[b], s, e))

    return (holds(theme.unless_regex, unmasked=True) and not _about_beyond_unless(found_in, section, texts)) or (
        holds(theme.others_regex, unmasked=True) and not owned and not holds(theme.own_regex, unmasked=True))


# What a 督查 proper checks, named in the clause of its 督 word: that a government's work is done — its tasks,
# projects, decisions and leaders' 批示 (围绕重点工作开展专项督查, 持续开展“八大工程”督查; a check of discipline looks at
# its staff)
_WORK = r"(?:重点工作|重点任务|重点项目|项目建设|工程|决策部署|议定事项|交办事项|批示|民生实事|目标任务)"
_CHECKED_WORK = re.compile(rf"{_WORK}[^，,。；;！？]{{0,16}}?(?:督查|督办|督导|督察)|(?:督查|督办|督导|督察)[^，,。；;！？]{{0,16}}?{_WORK}")


def _about_beyond_unless(found_in: _Occurrences, section: Section, texts: list[str]) -> bool:
    """Whether the sentences of the section's text that hold none of the theme's `unless` words are a check of a
    government's work by themselves, as a section whose heading names something else must be (`OFF_HEADING_FACTOR`):
    about the theme in two sentences or more, or in one that reaches the threshold alone (对重点项目建立督办台账，实行
    周调度、月通报、逐项销号), naming the work checked (`_CHECKED_WORK`). A 督查室's account
    whose first sentence is a check of 上班纪律 (作风建设) goes on to its other checks (…“八大工程”督查，形成督查通报9期；
    …督查专报39期，获区领导批示77件次), which are 督查; a 作风 check's sentences on how it was made and what came of it
    (督查室下发督查通报2期，督促整改。…督查结果纳入年度考核) are not."""
    unless = found_in.theme.unless_regex
    assert unless is not None
    kept: list[Span] = []
    for block, start, end in section.body:
        masked = found_in.masked(block)
        for m in _SENTENCE.finditer(texts[block], start, end):
            if not any(not _overlaps(masked, u.start(), u.end()) for u in unless.finditer(texts[block], m.start(), m.end())):
                kept.append((block, m.start(), m.end()))
    holding = sum(1 for span in kept if found_in.count((span,))[0])
    chars = sum(end - start for _, start, end in kept)
    score = found_in.count(kept)[0] / max(1.0, chars / TEXT_UNIT)
    alone = any(found_in.count((span,))[0] >= found_in.theme.threshold for span in kept)  # one sentence that checks work
    return ((holding >= 2 or alone) and score >= found_in.theme.threshold * OFF_HEADING_FACTOR
            and any(_CHECKED_WORK.search(texts[b], start, end) for b, start, end in kept))


def _opening_names_own(theme: Theme, title: str, sections: list[Section], texts: list[str]) -> bool:
    """Whether the report's title or its preamble names one of the theme's `own` words."""
    if theme.own_regex is None:
        return False
    spans = [span for s in sections if s.kind == "preamble" for span in s.body]
    return bool(theme.own_regex.search(title)) or any(theme.own_regex.search(texts[b], start, end) for b, start, end in spans)


def _title_rules_out(theme: Theme, title: str, texts: list[str]) -> bool:
    """Whether the title says the whole report is about what rules the theme out: one of its
    `unless` words (关于对县直单位工作纪律情况进行暗访督查的通报: a 作风 check, in each of its
    parts), or one of its `others` words when no `own` word stands anywhere in it (县人大常委会…
    工作总结: the 人大's 督办; but a 督查室 named in the text keeps its 督查 of 人大代表建议办理)."""
    own_in_title = bool(theme.own_regex and theme.own_regex.search(title))
    if theme.unless_regex and _holds_unmasked(theme, theme.unless_regex, title) and not own_in_title:  # (县政府督查室关于…督查工作和纠治四风…)
        return True
    return bool(theme.others_regex and theme.others_regex.search(title)) and not _names_own(theme, [title, *texts])


def _names_own(theme: Theme, texts: list[str]) -> bool:
    """Whether one of the theme's `own` words stands anywhere in `texts` (a report's title and blocks)."""
    return theme.own_regex is not None and any(theme.own_regex.search(text) for text in texts)


def _holds_unmasked(theme: Theme, regex: Any, text: str) -> bool:
    """Whether `regex` matches `text` (a title) outside the theme's masks, as a word of a section's text
    is read (关于开展重点项目督查和严明工作纪律的通知: 严明工作纪律, asked of the checked side, is not a check of discipline)."""
    hidden = [(m[2], m[3]) for mask in theme.mask_regexes for m in _pattern_matches(mask, text, 0, None)]
    return any(not any(start < m.end() and m.start() < end for start, end in hidden) for m in regex.finditer(text))


def _is_list_item(section: Section, texts: list[str]) -> bool:
    """A numbered lead with no text after it that ends like an item of a list (；，): the
    items of 有下列行为之一的： are parts of a sentence, not headings."""
    if section.kind != "lead" or not section.head or any(end > start for _, start, end in section.body):
        return False
    block, start, end = section.head
    return texts[block][start:end].rstrip().endswith(("；", ";", "，", ","))


_SENTENCE = re.compile(f"[^{_SENTENCE_MARKS}]+[{_SENTENCE_MARKS}]?")
_QUOTED = re.compile(r"“[^“”]{1,30}”")


def _passage_about(found_in: _Occurrences, texts: list[str], spans: Iterable[Span], factor: float,
                   others: tuple[_Occurrences, ...] = ()) -> tuple[int, int] | None:
    """(block, character) of the first passage of the spans that is about the theme on its own,
    so that a long section is not diluted below it:

    - a paragraph of at most `TEXT_UNIT` characters whose evidence, from two words or more,
      reaches the threshold (as it would if it were a section of its own: 1954's paragraph
      against 形式主义的领导 and 官僚主义 in a section on the state's organs);
    - a sentence whose evidence reaches `SENTENCE_FACTOR` × the threshold. A short sentence that
      opens a paragraph (政府作风持续改进。) is the paragraph's run-in heading: its evidence counts
      `factor` times, as a heading's does; not one that lists matters, the theme's one of them
      (机要保密、档案管理、值班值守等工作扎实推进。)."""
    spans = list(spans)
    theme = found_in.theme
    sentence_threshold = SENTENCE_FACTOR * theme.threshold
    for k, (block, start, end) in enumerate(spans):
        if not found_in.may_match(block, start, end):
            continue  # none of its sentences has evidence
        text = texts[block]
        sentences = list(_SENTENCE.finditer(text, start, end))
        runs = list(_RUN.finditer(text, start, end))
        run_starts = [r.start() for r in runs]
        one_of_many: dict[int, bool] = {}  # by run: its sentences share the verdict (a hostile run has thousands)
        if end - start <= TEXT_UNIT and len(found_in.count(((block, start, end),))[1]) >= 2:
            if sum(_sentence_evidence(found_in, texts, block, m) for m in sentences) >= theme.threshold:
                return block, start
        for m in sentences:
            # A run-in heading: a short sentence that opens a paragraph with more text after it
            # in the paragraph, or on a line of its own before the next paragraph (1997's
            # 深入开展反腐败斗争，加强勤政廉政建设。). Not the first item of a list the paragraph is
            # (调查研究不够，深入基层不多；保密…；…): it ends as an item does. Nor a list of matters, the
            # theme's one of them (机要保密、档案管理、值班值守等工作扎实推进。): it heads them all.
            if (m.start() == 0 and len(m.group()) <= LEAD_MAX_CHARS and not m.group().endswith(("；", ";"))
                    and (m.end() < len(text) or k + 1 < len(spans)) and not _one_of_matters(found_in, block, m)):
                total = factor * found_in.count(((block, m.start(), m.end()),))[0]
            else:
                total = _sentence_evidence(found_in, texts, block, m)
                if total >= sentence_threshold:
                    # the clauses of the demands a sentence runs on to, ；by ；(深化政务公开，推进政务信息报送…；持续整治…)
                    run = bisect.bisect_right(run_starts, m.start()) - 1
                    if run not in one_of_many:
                        one_of_many[run] = _one_clause_of_many(found_in, others, block, runs[run])
                    if one_of_many[run]:
                        continue  # one demand of many, about another theme
            if total >= sentence_threshold:
                return block, m.start()
    return None


_LIST_PART = re.compile(r"[^、，,：:]+")
# A short sentence with at least this many enumeration commas names three matters or more
# (分管文秘、信息、机要保密和档案工作。).
MATTERS_MARKS = 2


def _one_of_matters(found_in: _Occurrences, block: int, sentence: re.Match[str]) -> bool:
    """Whether a short sentence lists matters (`MATTERS_MARKS` enumeration commas or more), the
    theme's words in half of its parts at most: it names them all, not the theme's."""
    if sentence.group().count("、") < MATTERS_MARKS:
        return False
    parts, holding = _list_parts(found_in, sentence.string, block, sentence.span())
    return 2 * len(holding) <= parts


def _list_parts(found_in: _Occurrences, text: str, block: int, span: tuple[int, int]) -> tuple[int, list[re.Match[str]]]:
    """How many parts a sentence that lists things has (between its 、, commas and colons), and those that hold
    the theme's words."""
    parts = list(_LIST_PART.finditer(text, *span))
    return len(parts), [part for part in parts if found_in.count(((block, *part.span()),), 1)[0]]


def _only_in_lists(found_in: _Occurrences, texts: list[str], spans: Iterable[Span]) -> bool:
    """Whether every sentence of the spans that holds the theme's words is a list (`LIST_MARKS`
    enumeration commas or more) holding them in one of its parts only, and not in the part that opens
    the list: that part carries the sentence's own lead-in (督查组先后督查了金融商务区、罗家…)."""
    found = False
    for block, start, end in spans:
        if not found_in.may_match(block, start, end):
            continue
        text = texts[block]
        for sentence in _SENTENCE.finditer(text, start, end):
            if not found_in.count(((block, *sentence.span()),), 1)[0]:
                continue
            if _list_marks(sentence.group()) < LIST_MARKS:
                return False
            _, holding = _list_parts(found_in, text, block, sentence.span())
            opens_list = len(holding) == 1 and text[holding[0].end():holding[0].end() + 1] == "、" and (
                text[holding[0].start() - 1:holding[0].start()] != "、")
            if len(holding) != 1 or opens_list:
                return False
            found = True
    return found


_CLAUSE = re.compile(r"[^，,：:；;]+[，,：:；;]?")
_RUN = re.compile(r"[^。！？!?]+[。！？!?]?")  # a sentence with the demands it runs on to, ；by ；
# A sentence of at least this many clauses is a run of demands or acts, each of its own matter.
CLAUSE_MIN = 3


def _one_clause_of_many(found_in: _Occurrences, others: tuple[_Occurrences, ...], block: int, sentence: re.Match[str]) -> bool:
    """Whether the theme's evidence in a sentence of `CLAUSE_MIN` clauses or more stands in a third
    of them at most, not the first, and another theme's words say as much in it (…矛盾纠纷排查化解，
    加强信息报送，确保小事不出村: the 信访 item's demands, one of them in passing; a speech's closing run
    of seven demands, two of them on 作风). Not the first clause: that is the sentence's subject
    (加强信息报送，确保…), not one demand among others."""
    start, end = sentence.span()
    clauses = [c.span() for c in _CLAUSE.finditer(sentence.string, start, end)]
    holding = [n for n, (a, b) in enumerate(clauses) if found_in.count(((block, a, b),))[0]]
    if len(clauses) < CLAUSE_MIN or not holding or 3 * len(holding) > len(clauses) or holding[0] == 0:
        return False
    own = found_in.count(((block, start, end),), 1)[0]
    return any(other.count(((block, start, end),), 1)[0] >= own for other in others)


def _sentence_evidence(found_in: _Occurrences, texts: list[str], block: int, sentence: re.Match[str]) -> float:
    """A sentence's evidence, lists discounted: one item of a list of n counts 2/n (a passing
    mention), whether the items are quoted (对“创文”…“政务督查”…等重点信息报送任务: 信息报送 in
    the sentence's own words counts whole) or separated by 、 (a year's self-building in one
    sentence of fourteen items). A 、 inside one of the theme's own words (迟报、漏报、瞒报; 被镇、县、市采用)
    separates no matters."""
    start, end = sentence.span()
    quoted = [m.span() for m in _QUOTED.finditer(texts[block], start, end)]
    if len(quoted) >= LIST_MARKS:
        bounds = [start, *(x for span in quoted for x in span), end]
        own = [(block, bounds[n], bounds[n + 1]) for n in range(0, len(bounds), 2)]
        items = found_in.count(((block, a, b) for a, b in quoted), 1)[0]
        total = found_in.count(own, 1)[0] + items * 2 / len(quoted)
    else:
        total = found_in.count(((block, start, end),), 1)[0]
    marks = _list_marks(sentence.group())
    if marks >= LIST_MARKS:
        unworded = sentence.group()  # the sentence without the theme's words, whose 、 separate matters
        for word in sorted(found_in.count(((block, start, end),), 1)[1], key=len, reverse=True):
            unworded = unworded.replace(word, "")
        marks = _list_marks(unworded)
    return total * 2 / (marks + 1) if marks >= LIST_MARKS else total


# A list's last item joined by 和/及/与 before the 等 that closes it (防火防盗、机要保密、信访维稳和清洁卫生等工作)
_LAST_JOINED = re.compile(r"、[^、，,。；;：:]{1,10}?(?:和|及|与)[^、，,。；;：:]{1,10}?等")


def _list_marks(sentence: str) -> int:
    """The enumeration marks of a sentence: its 、, and the 和 that joins the last item of a list closed by 等."""
    return sentence.count("、") + (1 if _LAST_JOINED.search(sentence) else 0)


@dataclass(frozen=True)
class _Text:
    """A report's block texts (folded), joined by newlines into `whole`, and which of the
    taxonomy's patterns (their numbers, `Taxonomy.pattern_set`) match in each block and in the
    whole: most blocks hold none, and a pattern is scanned only where it matches."""

    blocks: list[str]
    whole: str
    offsets: list[int]  # where each block starts in `whole`
    pattern_blocks: list[frozenset[int]]
    pattern_in_whole: frozenset[int]


def _text(taxonomy: Taxonomy, blocks: list[str]) -> _Text:
    whole = "\n".join(blocks)
    offsets = list(itertools.accumulate((len(block) + 1 for block in blocks[:-1]), initial=0))
    pattern_set = taxonomy.pattern_set
    if pattern_set is None:  # each pattern may match anywhere
        every = frozenset(range(sum(len(theme.pattern_regexes) for theme in taxonomy.themes)))
        return _Text(blocks, whole, offsets, [every] * len(blocks), every)
    return _Text(blocks, whole, offsets, [frozenset(pattern_set.Match(block) or ()) for block in blocks],
                 frozenset(pattern_set.Match(whole) or ()))


# A match of a theme's rule: (start, end) of the whole match, (start, end) of its evidence (the
# pattern's group, the whole keyword), and the word it counts as.
_Found = tuple[int, int, int, int, str]
_END = operator.itemgetter(1)


class _Occurrences:
    """Where one theme's keywords and patterns match in one report: its keywords are found by
    one scan of the whole text, its patterns by one scan of each block the first time a span
    of it is counted; `count` answers for any spans (a heading, a section's text, each of its
    sentences) from those matches.

    Scanning a span alone (`finditer(text, start, end)`, what a count of it means) finds the
    matches of the whole that lie inside it, unless one crosses the span's start or end: from
    inside a match, or cut at the end, the scan can find others (督查督办 cut to 督查, 会风 inside
    社会风气). Such a span is scanned alone. No keyword spans the newline between two blocks, so
    the whole text's keyword matches are each block's. RE2 reads `^`, `$` and `\\b` against the
    whole block even in a span, so the same holds for patterns in a block; as a pattern may
    match empty text right where a longer match starts, a pattern match starting at the span's
    end counts as crossing it, and in a block where a pattern matched empty text every span is
    scanned alone.
    """

    def __init__(self, theme: Theme, text: _Text, title: str = "") -> None:
        self.theme = theme
        self._text = text
        self._weights = _weights_under(theme, title)
        regex = theme.keyword_regex
        self._keywords = _keyword_matches(regex, text.whole, 0, len(text.whole)) if regex else []
        # per pattern, per block counted: its matches, or None when one is empty
        self._patterns: list[dict[int, list[_Found] | None]] = [{} for _ in theme.pattern_regexes]
        self._masks: dict[int, list[tuple[int, int]]] = {}  # per block counted: what its masks hide

    def present(self) -> bool:
        """Whether a word of the theme with a weight, or a pattern, occurs in the report."""
        weights = self._weights
        if any(weights[found[4]] for found in self._keywords):
            return True
        whole = self._text.whole
        return any(self.theme.pattern_regexes[n][0].search(whole) for n in self._matching(self._text.pattern_in_whole))

    def count(self, spans: Iterable[Span], saturation: int = SATURATION) -> tuple[float, dict[str, int]]:
        """(Σ weight × matches, matches per word) of the theme in some spans of text; a word counts
        at most `saturation` times: a text that repeats one word (交办 ×32) is not thereby about it."""
        counts: dict[str, int] = {}
        weight_of: dict[str, float] = {}
        weights = self._weights
        for block, start, end in spans:
            offset = self._text.offsets[block]
            keywords = self._keywords_in(offset + start, offset + end)
            # what the masks hide, read only where something may be hidden (most spans hold no word)
            hidden = self.masked(block) if keywords else None
            for found in keywords:
                word = found[4]
                # weight 0 only masks a longer phrase; a mask hides what it covers
                if weights[word] and not _overlaps(hidden or [], found[2] - offset, found[3] - offset):
                    weight_of[word] = weights[word]
                    counts[word] = counts.get(word, 0) + 1
            matching = self._matching(self._text.pattern_blocks[block])
            if not matching:
                continue
            taken = [(found[0] - offset, found[1] - offset) for found in keywords]
            for n in matching:
                weight = self.theme.pattern_regexes[n][1]
                for _, _, group_start, group_end, word in self._patterns_in(n, block, start, end):
                    # Keywords first: a pattern does not count where a keyword matched.
                    if hidden is None:
                        hidden = self.masked(block)
                    if not _overlaps(taken, group_start, group_end) and not _overlaps(hidden, group_start, group_end):
                        weight_of[word] = weight
                        counts[word] = counts.get(word, 0) + 1
        return sum(weight_of[word] * min(n, saturation) for word, n in counts.items()), counts

    def hides(self, spans: Iterable[Span]) -> bool:
        """Whether a mask hides a word of the theme (of a weight above 0) in some spans of text."""
        weights = self._weights
        for block, start, end in spans:
            offset = self._text.offsets[block]
            keywords = [found for found in self._keywords_in(offset + start, offset + end) if weights[found[4]]]
            if keywords and any(_overlaps(self.masked(block), found[2] - offset, found[3] - offset) for found in keywords):
                return True
        return False

    def masked(self, block: int) -> list[tuple[int, int]]:
        """The spans of a block (sorted, not overlapping) that the theme's masks hide; the whole
        block is scanned, so a span's words are hidden by what surrounds them (向县委督查室…报告)."""
        if not self.theme.mask_regexes:
            return []
        if block not in self._masks:
            text = self._text.blocks[block]
            hidden = sorted((m[2], m[3]) for regex in self.theme.mask_regexes
                            for m in _pattern_matches(regex, text, 0, None) if m[2] < m[3])
            merged: list[tuple[int, int]] = []
            for start, end in hidden:
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                else:
                    merged.append((start, end))
            self._masks[block] = merged
        return self._masks[block]

    def may_match(self, block: int, start: int, end: int) -> bool:
        """False when no rule can match in any part of the span: no keyword match of the whole
        text touches it (a scan from anywhere in it would find one of those first), and no
        pattern may match in its block."""
        if self._matching(self._text.pattern_blocks[block]):
            return True
        offset = self._text.offsets[block]
        after = bisect.bisect_right(self._keywords, offset + start, key=_END)  # the first ending after start
        return after < len(self._keywords) and self._keywords[after][0] < offset + end

    def _matching(self, numbers: frozenset[int]) -> list[int]:
        """The theme's patterns (their places in its list) among the taxonomy's pattern `numbers`."""
        first = self.theme.first_pattern
        return [n for n in range(len(self.theme.pattern_regexes)) if first + n in numbers]

    def _keywords_in(self, start: int, end: int) -> list[_Found]:
        """The keyword matches in [start, end) of the whole text."""
        inside = _inside(self._keywords, start, end, end)
        if inside is None:
            assert self.theme.keyword_regex is not None  # there are keyword matches
            return _keyword_matches(self.theme.keyword_regex, self._text.whole, start, end)
        return inside

    def _patterns_in(self, n: int, block: int, start: int, end: int) -> list[_Found]:
        """Pattern n's matches in [start, end) of a block."""
        regex = self.theme.pattern_regexes[n][0]
        in_block = self._patterns[n]
        text = self._text.blocks[block]
        if block not in in_block:
            found = _pattern_matches(regex, text, 0, None)
            in_block[block] = None if any(match[0] == match[1] for match in found) else found
        matches = in_block[block]
        inside = _inside(matches, start, end, end + 1) if matches is not None else None
        return inside if inside is not None else _pattern_matches(regex, text, start, end)


def _weights_under(theme: Theme, title: str) -> dict[str, float]:
    """The theme's keyword weights in a report whose title names a phrase the theme masks (weight 0): each
    word inside that phrase counts 0 in the whole report, whose bare 督察组 is the title's (省环保督察组对我区开展环境保护督察:
    its 督察组 is the 环保督察's, not a government's own check)."""
    regex = theme.keyword_regex
    masked = {_word(m) for m in regex.finditer(title)} if regex and title else set()
    masked = {word for word in masked if not theme.weights[word]}
    if not masked:
        return theme.weights
    return {word: 0.0 if any(word in phrase for phrase in masked) else weight for word, weight in theme.weights.items()}


def _inside(matches: list[_Found], start: int, end: int, crossing_end: int) -> list[_Found] | None:
    """The matches (in order, not overlapping) that lie in [start, end), or None when the span is
    to be scanned alone: a match crosses `start`, or starts before `crossing_end` and ends after
    `end`."""
    if not matches:
        return matches
    first = bisect.bisect_right(matches, start, key=_END)  # the first match ending after start
    if first < len(matches) and matches[first][0] < start:
        return None
    last = bisect.bisect_right(matches, end, lo=first, key=_END)  # the first ending after end
    if last < len(matches) and matches[last][0] < crossing_end:
        return None
    return matches[first:last]


def _keyword_matches(regex: re.Pattern[str], text: str, start: int, end: int) -> list[_Found]:
    return [(m.start(), m.end(), m.start(), m.end(), _word(m)) for m in regex.finditer(text, start, end)]


def _pattern_matches(regex: Any, text: str, start: int, end: int | None) -> list[_Found]:
    # A group marks the words that are the evidence ((?:^|[^0-9])(12345)(?:[^0-9]|$)).
    group = 1 if regex.groups else 0
    return [(m.start(), m.end(), m.start(group), m.end(group), m.group(group))
            for m in regex.finditer(text, start, end)]


def _word(match: re.Match[str]) -> str:
    """The keyword a match of the keyword regex stands for (without the spaces and quotes it allows)."""
    return match.group().translate(_WITHOUT_GAPS)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of `spans` (sorted, not overlapping each other)."""
    k = bisect.bisect_right(spans, (start, math.inf))
    return (k > 0 and spans[k - 1][1] > start) or (k < len(spans) and spans[k][0] < end)
