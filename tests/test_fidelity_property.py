"""Nothing lost, as a property: for any report text, every kept character reaches the page.

Generated reports mix Chinese, ASCII and full-width punctuation, Markdown/HTML/template syntax,
redaction marks (** * xx ×), full-width spaces, numbering (一、 （一） 1. 第一条 第一章 ①) and every
kind of line break. Each is converted (decode → clean → parse → enrich → render), its page body
is rendered the way the site renders it (Python-Markdown with the extensions of mkdocs.yml, see
tests/hostile_inputs.py) and its visible text compared with the kept text, white space aside.

What clean removes by design (baogao/clean.py), and so what the strict property's texts avoid:
- paywall markers `##word##` (counted as `markers`);
- zero-width characters U+200B/C/D, U+2060, U+FEFF and the soft hyphen U+00AD (`zero_width`);
- legal-database header lines `【法宝引证码】…` and `原文链接：…` (`header_lines`);
- web-page chrome: short lines such as 来源：… / 打印本页 / 【字号：大 中 小】 / 分享到… /
  2026-01-31 07:00:44, and toolbar words (大 中 小 × 首页 > …) next to them (`clutter_lines`);
- indentation and blank lines (white space, which the comparison ignores anyway).
The generator below never produces zero-width characters or 【法宝引证码】, and the strict
property discards (assume) the rare text that still forms a marker or a clutter line, so any
other difference between the source text and the kept text is a loss.
"""

from __future__ import annotations

import codecs
import string

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from baogao.clean import clean
from baogao.convert import ReportError, convert_report
from baogao.parse import lines_above_title
from baogao.readers.txt import decode
from tests.hostile_inputs import render_page_body, shown_text, squeeze

SETTINGS = settings(max_examples=300, deadline=None, database=None)

HAN = "今年以来我办认真履行职责圆满完成各项任务县市省乡镇政府办公室工作总结报告情况汇报调研发展改革服务群众督查落实大中小"
CN_PUNCT = "。，、；：？！“”‘’（）《》【】—…·％＃＊＿［］｛｝＜＞"
SPECIALS = (
    "<script>alert(1)</script>", "</p>", "<img src=x onerror=alert(1)>", "<div>", "<!--", "-->", "&amp;", "&#60;",
    "&lt;", "&nbsp;", "&#x27;", "&", ";", "**", "*", "_", "__", "[链接](javascript:alert(1))", "![图](x.png)", "[TOC]",
    "{{ config.site_name }}", "{%", "%}", "{#", "#}", "{: #id .c onclick=x }", "{:", "}", "#", "##", "|", "| a | b |",
    "|---|", ">", "-", "+", "1.", "1)", "`", "```", "~~~", "~~", "==", "^", "$", "\\", "\\*", "---", "===", "***",
    "[^1]:", "*[HTML]:", "!!! note", ":", "!", "%", "<http://x.cn>", "javascript:", "  ", "    ",
)
# Syntax that takes two ends (code, emphasis, links…) and backslash escapes.
PAIRED = (
    "`代码`", "``代 码``", "_强调_", " _em_ ", "__加粗__", " *斜* ", "**粗**", "~~删~~", "==标==", "^^上^^", "$x$",
    "\\(", "\\.", "\\-", "\\!", "\\\\", "\\`", "[文字](http://a.cn)", "<b>粗</b>", "&copy;", "&#169;", "<br>",
    "{{ 7*7 }}", "{% raw %}", "<span style='color:red'>红</span>", " {: .cls }", "{: #x }",
)
# Syntax that counts only at the start of a line: lists, quotes, headings, fences, rules, tables…
LINE_STARTS = (
    "- ", "+ ", "* ", "> ", "# ", "## ", "1. ", "2) ", "1986. ", ": ", "!!! note ", "% ", "---", "***", "===", "```",
    "~~~", "| ", "[^1]: ", "*[A]: ", "{: .x }", "<div>", "<!-- ", "[x]: http://a.cn ", "- [ ] ", "-", "+", "!", ":",
    "%", "=",
)
REDACTIONS = ("**", "*", "***", "xx", "XX", "xxx", "×", "××", "〇〇")
NUMBERING = ("", "", "", "一、", "二、", "十一、", "一.", "（一）", "(二)", "（十）", "1.", "2、", "12．", "3. ",
             "（1）", "(3)", "①", "⑫", "第一条", "第十二条", "第一章 ", "第二节", "一、（一）1.")
SPACES = (" ", "\u3000", "\u3000\u3000", "\t", "\xa0", "  ")
LINE_ENDS = ("\n", "\r\n", "\r")

token = st.one_of(
    st.text(alphabet=HAN, min_size=1, max_size=10),
    st.sampled_from(CN_PUNCT),
    st.sampled_from(SPECIALS),
    st.sampled_from(PAIRED),
    st.sampled_from(REDACTIONS),
    st.sampled_from(SPACES),
    st.text(alphabet=string.digits + "０１２３", min_size=1, max_size=4),
    st.text(alphabet=string.ascii_letters + string.punctuation, min_size=1, max_size=4),
)
line = st.builds(
    lambda indent, number, tokens: indent + number + "".join(tokens),
    st.sampled_from(("", "", "  ", "\u3000\u3000", "\t", "    ")),
    st.one_of(st.sampled_from(NUMBERING), st.sampled_from(LINE_STARTS)),
    st.lists(token, min_size=1, max_size=12),
)
report_lines = st.lists(st.one_of(line, line, line, st.just(""), st.sampled_from(SPACES)), min_size=1, max_size=14)


@st.composite
def report_texts(draw) -> str:
    lines = draw(report_lines)
    if draw(st.booleans()) and lines:  # a repeated title, as copied reports often have
        lines.insert(1, lines[0])
    ending = draw(st.sampled_from(LINE_ENDS))
    return ending.join(lines) + draw(st.sampled_from(("", ending)))


def encoded(text: str, bom: bool) -> bytes:
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


def convert_or_skip(raw: bytes):
    try:
        return convert_report(raw, "x.txt", {})
    except ReportError as err:
        # 0 bytes, or only white space and page clutter: rightly no page (tests/test_hostile.py)
        assume("is empty" not in str(err) and "has no text" not in str(err))
        raise


def body_text(converted) -> str:
    """The kept text without the title line: the page shows the title in its <h1>, not in the body."""
    if converted.meta["title_source"] != "text":
        return converted.text
    title, _, body = converted.text.partition("\n")
    assert title == converted.meta["title"]
    return body


@SETTINGS
@given(report_texts(), st.booleans())
@example("一、<script>alert(1)</script>\n[TOC]\n{{ x }}\n", False)
@example("县政府办公室工作总结\n县政府办公室工作总结\n1. 第一项\n**某某**同志\n", True)
def test_every_kept_character_is_shown_on_the_page(text, bom):
    converted = convert_or_skip(encoded(text, bom))
    meta, shown = shown_text(converted.page)
    assert meta["title"] == converted.meta["title"]  # the front matter reads back (MkDocs' reader)
    assert squeeze(shown) == squeeze(body_text(converted))


@SETTINGS
@given(report_texts())
@example("000\n中中")  # a copy number above the title (found by hypothesis)
@example("。\n。\n中中“\n中中“")  # rules above a title repeated under it (found by hypothesis)
def test_parse_keeps_every_cleaned_line(text):
    """The kept text is the cleaned text, except a title repeated on the next line, and a 公文's
    版头 lines (000123: a copy number …), which follow the title they stood above (baogao.parse)."""
    converted = convert_or_skip(text.encode("utf-8"))
    cleaned = clean(decode(text.encode("utf-8")).text)
    assert converted.meta["removed"] == dict(sorted({**cleaned.removed, **converted.meta["removed"]}.items()))
    assert squeeze("".join(cleaned.lines)) == _in_source_order(converted, cleaned.lines)


def _in_source_order(converted, lines) -> str:
    """The kept text, squeezed, with a title repeated on the next line counted again, and a
    公文's 版头 lines (000123: a copy number …) and a speaker line put back above the title (baogao.parse puts them
    under it: lines_above_title)."""
    kept = squeeze(converted.text)
    # (the repeated title stood right under the title, below the lines above it)
    repeated = squeeze(converted.meta["title"]) if converted.meta["removed"].get("repeated_title") else ""
    header = lines_above_title(tuple(lines))
    if header and converted.meta["title_source"] == "text":
        title, head = squeeze(converted.meta["title"]), squeeze("".join(lines[:header]))
        assert kept.startswith(title)
        return head + title + repeated + kept[len(title) + len(head):]
    return repeated + kept


@SETTINGS
@given(report_texts())
@example("000\n中中")  # a copy number above the title (found by hypothesis)
def test_without_markers_or_clutter_the_kept_text_is_the_source_text(text):
    """Strict: clean removes only what it counts; for text without markers or clutter, nothing."""
    converted = convert_or_skip(text.encode("utf-8"))
    cleaned = clean(decode(text.encode("utf-8")).text)
    assume(not cleaned.removed)  # a ##marker## or a clutter line formed by chance (rare)
    assert squeeze(text) == _in_source_order(converted, cleaned.lines)


# Any character a text file may hold (no C0 controls but TAB/LF/VT/FF/CR, no surrogates).
any_char = st.characters(blacklist_categories=("Cs",), blacklist_characters="".join(
    chr(c) for c in [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))


@SETTINGS
@given(st.lists(st.one_of(st.text(any_char, min_size=1, max_size=20), st.sampled_from(SPECIALS), st.sampled_from(LINE_ENDS)),
                min_size=1, max_size=20).map("".join))
def test_any_unicode_text_is_shown_whole(text):
    converted = convert_or_skip(text.encode("utf-8"))
    meta, shown = shown_text(converted.page)
    assert meta["title"] == converted.meta["title"]
    assert squeeze(shown) == squeeze(body_text(converted))


@SETTINGS
@given(st.lists(st.one_of(st.text(any_char, min_size=1, max_size=20), st.sampled_from(SPECIALS + PAIRED + LINE_STARTS),
                          st.sampled_from(LINE_ENDS)), min_size=1, max_size=24).map("".join))
@example("一、`代码` **粗** [链接](http://a.cn) <b>x</b> &copy; \\* 行末两空格  \n下一行\n")
def test_report_pages_render_the_same_without_inline_syntax(text):
    """baogao.report_markdown drops the inline patterns from report pages: the HTML must be the
    very HTML full Markdown makes of the same escaped text."""
    converted = convert_or_skip(text.encode("utf-8"))
    _, fast = render_page_body(converted.page, marked=True)
    _, full = render_page_body(converted.page, marked=False)
    assert fast == full
