"""Unit tests for baogao.render: every character of the report is literal on the page.

Markdown is rendered with python-markdown and the extensions of mkdocs.yml (attr_list, toc
with pymdownx's slugify and permalinks), then the HTML is read back with selectolax: the
visible text must equal the input and no element may come from the text. Front matter must
read back (yaml.safe_load and MkDocs' own reader) to the same dict.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import markdown
import pytest
import yaml
from mkdocs.utils import meta as mkdocs_meta
from pymdownx.slugs import slugify
from selectolax.lexbor import LexborHTMLParser

from baogao.clean import clean
from baogao.readers.txt import decode
from baogao.model import Block, ParsedReport
from baogao.parse import parse
from baogao.render import _FrontMatterDumper, _same_in_libyaml, block_anchors, escape_markdown, front_matter, render_block, render_page

SEED_REPORTS = sorted((Path(__file__).resolve().parent.parent / "reports").glob("*.txt"))
ALLOWED_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "a"}


def to_html(md_text: str) -> str:
    """Markdown → HTML the way mkdocs.yml configures it."""
    md = markdown.Markdown(
        extensions=["attr_list", "toc"],
        extension_configs={"toc": {"slugify": slugify(case="lower"), "permalink": True}},
    )
    return md.convert(md_text)


def elements(html: str) -> list:
    """Top-level rendered elements with the permalink anchors (¶) removed."""
    tree = LexborHTMLParser(f"<html><body>{html}</body></html>")
    for node in tree.body.traverse():
        if node.tag not in ("-text", "body") and node.tag not in ALLOWED_TAGS:
            pytest.fail(f"unexpected <{node.tag}> in {html!r}")
    for link in tree.css("a"):
        assert "headerlink" in (link.attributes.get("class") or ""), f"a link from the text: {html!r}"
        assert (link.attributes.get("href") or "").startswith("#")
        assert link.parent.tag in {"h2", "h3", "h4", "h5", "h6"}
        link.decompose()
    return [node for node in tree.body.iter(include_text=False)]


def visible_text(html: str) -> str:
    nodes = elements(html)
    assert len(nodes) == 1, f"one block must give one element: {html!r}"
    return nodes[0].text(deep=True)


# --------------------------------------------------------------------------------------------
# escape_markdown over hostile strings: (input text)
# --------------------------------------------------------------------------------------------
HOSTILE = [
    pytest.param("**x**", id="strong"),
    pytest.param("*", id="lone-star"),
    pytest.param("_x_ 和 __y__", id="underscore-emphasis"),
    pytest.param("<script>alert(1)</script>", id="script"),
    pytest.param("<img src=x onerror=alert(1)>", id="img-onerror"),
    pytest.param("<div markdown=1>x</div>", id="raw-html-block"),
    pytest.param("{{ x }}", id="jinja-var"),
    pytest.param("{% if %}", id="jinja-tag"),
    pytest.param("{: #id }", id="attr-list-alone"),
    pytest.param("正文 {: .cls #x onclick=alert(1) }", id="attr-list-after-text"),
    pytest.param("[a](javascript:alert(1))", id="js-link"),
    pytest.param("[a][1] [1]: http://x", id="ref-link"),
    pytest.param("![i](x)", id="image"),
    pytest.param("<http://example.com>", id="autolink"),
    pytest.param("<a@b.cn>", id="email-autolink"),
    pytest.param("# h", id="atx-heading"),
    pytest.param("###### h6 ######", id="atx-h6-closed"),
    pytest.param("1. x", id="ordered-list"),
    pytest.param("1) x", id="ordered-list-paren"),
    pytest.param("2023. 全年工作", id="year-dot"),
    pytest.param("1.5亿元", id="decimal"),
    pytest.param("- x", id="dash-list"),
    pytest.param("+ x", id="plus-list"),
    pytest.param("* x", id="star-list"),
    pytest.param("> q", id="blockquote"),
    pytest.param("| a | b |", id="table-row"),
    pytest.param("&nbsp;", id="entity-nbsp"),
    pytest.param("&#35; &amp; &lt;", id="entities"),
    pytest.param("&", id="lone-ampersand"),
    pytest.param("a\\b\\\\c\\", id="backslashes"),
    pytest.param("\\*不是强调\\*", id="backslash-escapes"),
    pytest.param("`code`", id="backtick-code"),
    pytest.param("``x ` y``", id="double-backtick"),
    pytest.param("```", id="fence-backticks"),
    pytest.param("~~~", id="fence-tildes"),
    pytest.param("---", id="hr-dashes"),
    pytest.param("- - -", id="hr-spaced"),
    pytest.param("***", id="hr-stars"),
    pytest.param("___", id="hr-underscores"),
    pytest.param("===", id="setext-equals"),
    pytest.param("~~s~~", id="strikethrough"),
    pytest.param("==mark== ^sup^ ~sub~", id="mark-caret-tilde"),
    pytest.param("$x$ 和 $$y$$", id="math"),
    pytest.param(":smile:", id="emoji"),
    pytest.param("!!! note", id="admonition"),
    pytest.param("<!-- comment -->", id="html-comment"),
    pytest.param("<!--", id="html-comment-open"),
    pytest.param("[TOC]", id="toc-marker"),
    pytest.param("*[HTML]: Hyper Text", id="abbreviation"),
    pytest.param("[^1]: 脚注", id="footnote"),
    pytest.param("%x", id="percent-start"),
    pytest.param(": 定义", id="definition"),
    pytest.param("http://www.gov.cn/zhengce/", id="bare-url"),
    pytest.param("“十四五”规划——《条例》·（一）【注】", id="chinese-punctuation"),
    pytest.param("（一）强化督办协调，做好信息报送。", id="report-heading"),
    pytest.param("a  b", id="inner-double-space"),
]
_HOSTILE_TEXTS = [p.values[0] for p in HOSTILE]


@pytest.mark.parametrize("text", HOSTILE)
def test_paragraph_shows_text_literally(text: str) -> None:
    html = to_html(render_block(Block("paragraph", text)))
    assert visible_text(html) == text
    assert elements(html)[0].tag == "p"


@pytest.mark.parametrize("level", [2, 3, 4, 5, 6])
@pytest.mark.parametrize("text", HOSTILE)
def test_heading_shows_text_literally(text: str, level: int) -> None:
    html = to_html(render_block(Block("heading", text, level=level)))
    (node,) = elements(html)
    assert node.tag == f"h{level}"
    assert node.text(deep=True) == text


@pytest.mark.parametrize("text", HOSTILE)
def test_article_shows_text_literally(text: str) -> None:
    html = to_html(render_block(Block("article", f"第一条 {text}", anchor="第一条")))
    (node,) = elements(html)
    assert node.tag == "p" and node.attributes.get("id") == "第一条"
    assert node.text(deep=True) == f"第一条 {text}"


def test_all_hostile_blocks_in_one_page() -> None:
    """Blocks must not combine across the blank lines between them (lists, tables, setext)."""
    report = ParsedReport("t", False, True, tuple(Block("paragraph", t) for t in _HOSTILE_TEXTS))
    page = render_page({"title": "t"}, report)
    body, _ = mkdocs_meta.get_data(page)
    nodes = elements(to_html(body))
    assert [n.text(deep=True) for n in nodes] == _HOSTILE_TEXTS
    assert {n.tag for n in nodes} == {"p"}


ESCAPES = [
    # ordinary report text is left readable in the Markdown source
    pytest.param("政府工作报告", "政府工作报告", id="chinese-untouched"),
    pytest.param("（一）强化督办协调，做好信息报送。", "（一）强化督办协调，做好信息报送。", id="report-heading-untouched"),
    pytest.param("全市生产总值增长5.2%。", "全市生产总值增长5.2%。", id="numbers-untouched"),
    pytest.param("落实“十四五”规划（2021-2025年）", "落实“十四五”规划（2021-2025年）", id="inner-dash-untouched"),
    pytest.param("", "", id="empty"),
    # syntax becomes numeric character references
    pytest.param("**x**", "&#42;&#42;x&#42;&#42;", id="stars"),
    pytest.param("<b>", "&#60;b&#62;", id="angle-brackets"),
    pytest.param("a&b", "a&#38;b", id="ampersand"),
    pytest.param("1. x", "1&#46; x", id="ordered-marker"),
    pytest.param("10) x", "10&#41; x", id="ordered-marker-paren"),
    pytest.param("- x", "&#45; x", id="dash-at-start"),
    pytest.param("a - b", "a - b", id="dash-inside-kept"),
    pytest.param("+ x", "&#43; x", id="plus-at-start"),
    pytest.param("！感叹", "！感叹", id="fullwidth-bang-untouched"),
    pytest.param("{{x}}", "&#123;&#123;x&#125;&#125;", id="braces"),
]


@pytest.mark.parametrize(("text", "expected"), ESCAPES)
def test_escape_markdown_exact(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


# --------------------------------------------------------------------------------------------
# Headings and articles: ids
# --------------------------------------------------------------------------------------------
HEADING_IDS = [
    pytest.param("（一）强化督办协调", 3, "一强化督办协调", id="paren-yi-h3"),
    pytest.param("一、目标任务完成情况", 2, "一目标任务完成情况", id="yi-h2"),
    pytest.param("第一章 总则", 2, "第一章-总则", id="chapter-space-becomes-dash"),
    pytest.param("1.基本情况", 4, "1基本情况", id="arabic-h4"),
    pytest.param("（一）强化督办协调，做好信息报送。", 3, "一强化督办协调做好信息报送", id="lead-sentence"),
    pytest.param("二、“学”字当头，GDP增长5%", 2, "二学字当头gdp增长5", id="mixed-lowercased"),
]


@pytest.mark.parametrize(("text", "level", "expected_id"), HEADING_IDS)
def test_heading_has_readable_chinese_id(text: str, level: int, expected_id: str) -> None:
    md_text = render_block(Block("heading", text, level=level))
    assert md_text == f"{'#' * level} {escape_markdown(text)}"
    html = to_html(md_text)
    (node,) = elements(html)
    assert node.tag == f"h{level}"
    assert node.attributes["id"] == expected_id
    assert not re.fullmatch(r"_\d+", node.attributes["id"])
    assert f'href="#{expected_id}"' in html  # the ¶ permalink points at it


def test_two_equal_headings_get_distinct_ids() -> None:
    body = "\n\n".join(render_block(Block("heading", "（一）加强学习", level=3)) for _ in range(2))
    ids = [n.attributes["id"] for n in elements(to_html(body))]
    assert ids[0] == "一加强学习" and len(set(ids)) == 2


ARTICLE_IDS = [
    pytest.param("第一条", "第一条 为了规范管理，制定本办法。", id="first"),
    pytest.param("第一条-2", "第一条 重复的条款。", id="duplicate-suffix"),
    pytest.param("第一百零一条", "第一百零一条 本办法自发布之日起施行。", id="long-number"),
    pytest.param("第3条", "第3条 其他。", id="arabic"),
    pytest.param("第五条", "第五条 {: #evil } <b>x</b> **y**", id="hostile-text"),
]


@pytest.mark.parametrize(("anchor", "text"), ARTICLE_IDS)
def test_article_anchor_attribute_list(anchor: str, text: str) -> None:
    md_text = render_block(Block("article", text, anchor=anchor))
    assert md_text.splitlines()[-1] == f"{{: #{anchor} .baogao-article }}"
    (node,) = elements(to_html(md_text))
    assert node.tag == "p"
    assert node.attributes.get("id") == anchor
    assert node.attributes.get("class") == "baogao-article"
    assert node.text(deep=True) == text


def test_paragraph_markdown_is_just_the_escaped_text() -> None:
    assert render_block(Block("paragraph", "正文。")) == "正文。"


# --------------------------------------------------------------------------------------------
# render_page: front matter round trip and body
# --------------------------------------------------------------------------------------------
REPORT = ParsedReport(
    title="政府工作报告",
    title_inferred=False,
    title_in_text=True,
    blocks=(
        Block("heading", "一、工作回顾", level=2),
        Block("paragraph", "全市生产总值增长5.2%。"),
        Block("article", "第一条 为了规范管理。", anchor="第一条"),
    ),
)

TITLES = [
    pytest.param("2023年政府工作报告", id="plain"),
    pytest.param(": # & * ! | > ' \"", id="yaml-indicators"),
    pytest.param("政府工作报告：2023", id="fullwidth-colon"),
    pytest.param("a: b", id="colon-space"),
    pytest.param("x #comment", id="hash-comment"),
    pytest.param("&anchor *alias", id="anchor-alias"),
    pytest.param("!tag x", id="tag"),
    pytest.param("|", id="literal-block"),
    pytest.param(">", id="folded-block"),
    pytest.param("- item", id="sequence-entry"),
    pytest.param("? key", id="mapping-key"),
    pytest.param("[a, b]", id="flow-sequence"),
    pytest.param("{a: b}", id="flow-mapping"),
    pytest.param("@x `y`", id="reserved-indicators"),
    pytest.param("%YAML 1.2", id="directive"),
    pytest.param("---", id="document-start"),
    pytest.param("...", id="document-end"),
    pytest.param("a\n---\nb", id="embedded-document-start"),
    pytest.param("a\n...\nb", id="embedded-document-end"),
    pytest.param("  leading spaces", id="leading-spaces"),
    pytest.param("trailing spaces  ", id="trailing-spaces"),
    pytest.param("\u3000全角空格开头", id="leading-fullwidth-space"),
    pytest.param("tab\there", id="tab"),
    pytest.param("yes", id="yes"),
    pytest.param("no", id="no"),
    pytest.param("on", id="on"),
    pytest.param("Off", id="off"),
    pytest.param("null", id="null"),
    pytest.param("~", id="tilde-null"),
    pytest.param("", id="empty"),
    pytest.param("2023", id="number-string"),
    pytest.param("0x1F", id="hex-string"),
    pytest.param("1e3", id="float-string"),
    pytest.param(".inf", id="inf-string"),
    pytest.param("2023-01-10", id="date-string"),
    pytest.param("'单引号'", id="single-quotes"),
    pytest.param('"双引号"', id="double-quotes"),
    pytest.param("\\n 不是换行", id="backslash-n"),
    pytest.param("x\u2028y", id="line-separator"),
    pytest.param(
        "x\x85y", id="next-line-char",
    ),
]


def _front_matter(page: str) -> str:
    assert page.startswith("---\n")
    end = page.index("\n---\n", 3)
    return page[4 : end + 1]


@pytest.mark.parametrize("title", TITLES)
def test_front_matter_round_trip(title: str) -> None:
    meta = {
        "id": "0123456789ab",
        "title": title,
        "year": 2023,
        "year_text": "2023",
        "date": datetime.date(2023, 1, 10),
        "title_inferred": False,
        "org": None,
        "tags": [title, "no", "2023"],
        "removed": {"markers": 2, title or "k": 1},
    }
    page = render_page(meta, REPORT)
    assert yaml.safe_load(_front_matter(page)) == meta
    body, read_by_mkdocs = mkdocs_meta.get_data(page)
    assert read_by_mkdocs == meta
    anchors = block_anchors(REPORT)
    assert body.strip() == "\n\n".join(render_block(b, anchors.get(i, "")) for i, b in enumerate(REPORT.blocks))


def test_front_matter_keeps_key_order() -> None:
    meta = {"title": "t", "id": "x", "year": 2023, "source": "a.txt"}
    assert list(yaml.safe_load(_front_matter(render_page(meta, REPORT)))) == ["title", "id", "year", "source"]


def test_front_matter_is_readable_unicode() -> None:
    page = render_page({"title": "政府工作报告", "org": "市人民政府办公室" * 20}, REPORT)
    front = _front_matter(page)
    assert "title: 政府工作报告\n" in front  # not \u escapes
    assert front.count("\n") == 2  # long values are not folded over lines


def test_page_layout() -> None:
    page = render_page({"title": "政府工作报告"}, REPORT)
    assert page == (
        "---\ntitle: 政府工作报告\n---\n\n"
        "## 一、工作回顾 {: #一工作回顾 }\n\n"
        "全市生产总值增长5.2%。\n\n"
        "第一条 为了规范管理。\n{: #第一条 .baogao-article }\n"
    )


def test_anchors_for_headings_articles_and_linked_paragraphs() -> None:
    report = ParsedReport("t", False, True, (
        Block("heading", "（一）强化督办协调", level=2), Block("paragraph", "正文一。"),
        Block("heading", "（一）强化督办协调", level=2), Block("paragraph", "正文二。"),
        Block("article", "第一条 为了规范。", anchor="第一条"),
    ))
    assert block_anchors(report, {3}) == {0: "一强化督办协调", 2: "一强化督办协调-2", 3: "p3", 4: "第一条"}
    page = render_page({"title": "t"}, report, block_anchors(report, {3}))
    assert "正文二。\n{: #p3 }" in page and "正文一。\n\n" in page


# The front matter is written by libyaml when it gives PyYAML's own bytes (render.front_matter):
# hostile values of every kind, each as a value, a list item and among other fields.
HOSTILE = [param.values[0] for param in TITLES] + [
    "𠀀字", "😀 表情", "\u202e反向\u202c", "\u200f\u200e", "\x00", "\x1b[31m", "\x7f", "\ufeffBOM", "a\rb", "\u3000全角", "\xa0nbsp",
    "x" * 200, "中" * 200, "12:30", "1.5", "+1", "-1", "0o17", "0b101", "1_000", "=", "<<", "#", "a #b", "a# b", "a:b", "a :b",
    "-", "- ", "-x", ",", "a, b", "?", "?x", "'", '"', "`", "@", "%", "*", "&", "!", "|x", ">x", "True", "FALSE", "Null", "NULL",
    "y", "n", "Yes", "ON", " ", "  ", "\t", "a\tb ", "a  b", "\\", "\ue000私用", "\ufffd", "\uffff", "\ud7ff", "中文：冒号 # 井号",
]


@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: repr(v)[:40])
def test_front_matter_bytes_are_pyyamls_own(value: str) -> None:
    meta = {"id": "0123456789ab", "title": value, "year": 2023, "title_inferred": False, "org": None,
            "themes": [value, "no", value], "keywords": [], "removed": {}, "counts": {"nul_bytes": 2}, "chars": 3705}
    pure = yaml.dump(meta, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=10**9)
    assert front_matter(meta) == pure
    assert yaml.safe_load(front_matter(meta)) == meta


def test_front_matter_written_by_libyaml_only_where_it_is_the_same() -> None:
    assert _same_in_libyaml({"title": "2023年政府工作报告：a #b", "themes": ["no"], "removed": {"nul_bytes": 1}, "year": None})
    for odd in ("𠀀", "\u2028", "\x85", "\ufeff", "\t", "\n", "\x00"):
        assert not _same_in_libyaml({"title": f"a{odd}b"}), repr(odd)
    assert not _same_in_libyaml({"removed": {"中文键": 1}}) and not _same_in_libyaml({"removed": {"k" * 200: 1}})
    assert not _same_in_libyaml({"date": datetime.date(2023, 1, 10)}) and not _same_in_libyaml({"x": 1.5})


def test_front_matter_same_bytes_for_every_character() -> None:
    """Every 31st character of the BMP (every ASCII one), alone, between letters, after a space
    and leading a key's value: libyaml's bytes where it is used are PyYAML's."""
    chars = sorted(set(map(chr, range(0x20, 0x7F))) | set(map(chr, range(0xA0, 0x10000, 31))) - set(map(chr, range(0xD800, 0xE000))))
    for ch in chars:
        meta = {"a": ch, "b": f"x{ch}y", "c": f"x {ch} y", "d": f"{ch}: x", "e": [f"{ch}{ch}", f"- {ch}"], "f": f"{ch} "}
        pure = yaml.dump(meta, Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=10**9)
        assert front_matter(meta) == pure, repr(ch)


def test_page_without_blocks() -> None:
    page = render_page({"title": "t"}, ParsedReport("t", False, True, ()))
    body, meta = mkdocs_meta.get_data(page)
    assert meta == {"title": "t"} and body.strip() == ""


def test_render_page_is_deterministic() -> None:
    meta = {"title": "政府工作报告", "tags": ["b", "a"], "removed": {"z": 1, "a": 2}}
    first = render_page(meta, REPORT)
    second = render_page(dict(meta), REPORT)
    assert first == second
    assert render_page(meta, REPORT) == first


def test_render_page_does_not_modify_meta() -> None:
    meta = {"title": "t", "tags": ["a"]}
    render_page(meta, REPORT)
    assert meta == {"title": "t", "tags": ["a"]}


# --------------------------------------------------------------------------------------------
# The seed reports, end to end: every block shows exactly its text
# --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", SEED_REPORTS, ids=lambda p: p.name)
def test_seed_report_pages_show_every_block(path: Path) -> None:
    report = parse(clean(decode(path.read_bytes()).text).lines, path.name)
    page = render_page({"title": report.title, "source": path.name}, report)
    body, meta = mkdocs_meta.get_data(page)
    assert meta == {"title": report.title, "source": path.name}
    nodes = elements(to_html(body))
    assert [n.text(deep=True) for n in nodes] == [b.text for b in report.blocks]
    expected_tags = [f"h{b.level}" if b.kind == "heading" else "p" for b in report.blocks]
    assert [n.tag for n in nodes] == expected_tags
    heading_ids = [n.attributes["id"] for n in nodes if n.tag.startswith("h")]
    assert all(not re.fullmatch(r"_\d+", i) for i in heading_ids)


def test_heading_anchor_never_holds_markdown_syntax() -> None:
    """Found by the fidelity property test: an anchor "一-_em_" turned into emphasis."""
    report = ParsedReport("t", False, True, (Block("heading", "一、 _em_ *x*", level=2),))
    anchor = block_anchors(report)[0]
    assert anchor == "一-em-x"
    html = markdown.Markdown(extensions=["attr_list", "toc"]).convert(render_page({"title": "t"}, report).split("---\n", 2)[2])
    assert f'id="{anchor}"' in html and "{:" not in html


def test_marked_report_markdown_has_no_inline_syntax_and_other_pages_keep_it():
    import markdown

    from baogao.report_markdown import MARKER, mark_report

    def html(text: str) -> str:
        return markdown.Markdown(extensions=["attr_list", "toc", "baogao.report_markdown"]).convert(text)

    source = "`代码` **粗** [链接](http://a.cn) &#42;"
    assert html(source) == '<p><code>代码</code> <strong>粗</strong> <a href="http://a.cn">链接</a> &#42;</p>'
    assert html(mark_report(source)) == "<p>`代码` **粗** [链接](http://a.cn) &#42;</p>"  # only entities
    assert MARKER not in html(mark_report("# 标题\n\n正文"))
