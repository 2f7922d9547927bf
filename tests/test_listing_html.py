"""baogao.listing_html: the listing blocks' HTML read back exactly, and rendered by
python-markdown with the extensions of mkdocs.yml as text, never as syntax."""

from __future__ import annotations

import markdown
import pytest
from pymdownx.slugs import slugify
from selectolax.lexbor import LexborHTMLParser

from baogao.listing_html import block, element, parse

HOSTILE = [
    "普通标题", "<script>alert(1)</script>", "a & b &amp; &#42; &lt;", '"引号" \'单引号\'', "**粗体** _em_ `code`",
    "[链接](http://x.example) ![图](y.png)", "{: #evil .x }", "标题 {#id}", "<!-- 注释 -->", "- 列表", "# 井号",
    "1. 序号", "> 引用", "\\反斜杠\\", "{{ jinja }} {% x %}", "\t制表\t", "回车\r符", "𠀀字 😀", "\u202e反向", "x\x01y", "|表|格|",
    "\u00a0 \u3000", "---", "~~删~~ ^^上^^ ==标==", "$x$", "<span translate=\"yes\">假</span>",
]


@pytest.mark.parametrize("text", HOSTILE, ids=repr)
def test_text_and_attributes_read_back_exactly(text: str) -> None:
    (li,) = parse(element("li", element("a", element("span", text=text, translate="no"), href=f"../r/{text}.md"),
                          " · ", element("small", text=text)))
    a, small = list(li)
    as_tree = text.replace("&", "&amp;")  # python-markdown's serializer writes the tree's "&amp;" as it is
    assert a.get("href") == f"../r/{as_tree}.md" and a[0].text == as_tree and a[0].get("translate") == "no"
    assert a.tail == " · " and small.text == as_tree


@pytest.mark.parametrize("bad", ["<ul><li>x</ul>", "<ul>", "</ul>", "text", "<ul onclick=x></ul>", "<ul>a<b</ul>"])
def test_anything_but_its_own_html_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse(bad)


def to_html(md_text: str) -> str:
    """Markdown → HTML with the extensions of mkdocs.yml (ours among them)."""
    md = markdown.Markdown(extensions=["attr_list", "baogao.report_markdown", "toc"],
                           extension_configs={"toc": {"slugify": slugify(case="lower"), "permalink": True}})
    return md.convert(md_text)


def test_a_page_with_listing_blocks_renders_them_as_elements_and_the_rest_as_markdown() -> None:
    items = [element("li", element("a", element("span", text=t, translate="no"), href=f"reports/{i}.md"), " ",
                     element("small", text=t)) for i, t in enumerate(HOSTILE)]
    page = "\n".join(["# 标题 *强调*", "", "前言。", *block(["<ul>", *items, "</ul>"]), "## 第二节", "",
                      *block([element("h2", element("a", element("span", text="报告 <一> & 二", translate="no"), href="r.md"))]),
                      "结尾 **粗**。"])
    html = to_html(page)
    tree = LexborHTMLParser(f"<body>{html}</body>")
    assert [node.tag for node in tree.body.iter()] == ["h1", "p", "ul", "h2", "h2", "p"]
    assert tree.css_first("h1 em") is not None and tree.css_first("p strong").text() == "粗"  # Markdown still applies
    links = tree.css("ul > li > a")
    shown = [text.replace("\r", "\n") for text in HOSTILE]  # an HTML parser reads a CR as a new line
    assert [a.text() for a in links] == shown
    assert [a.attributes["href"] for a in links] == [f"reports/{i}.md" for i in range(len(HOSTILE))]
    assert [s.text() for s in tree.css("ul > li > small")] == shown
    assert all([n.tag for n in a.iter(include_text=False)] == ["span"] for a in links), "no element from the text"
    assert tree.css("script") == [] and "evil" not in {n.attributes.get("id") for n in tree.css("[id]")}
    heading = tree.css("h2")[1]
    assert heading.attributes["id"] == slugify(case="lower")("报告 <一> & 二", "-")  # the TOC's anchor, as from Markdown
    assert heading.css_first("a.headerlink") is not None
    assert heading.css_first("span[translate=no]").text() == "报告 <一> & 二"
    assert "<!--" not in html and "wzxhzdk" not in html


def test_pages_without_a_block_are_untouched() -> None:
    page = "# 标题\n\n- [链接](a.md) <small>小</small> &#42; &amp;\n\n<ul>\n<li>原样</li>\n</ul>\n"
    md = markdown.Markdown(extensions=["attr_list", "toc"],
                           extension_configs={"toc": {"slugify": slugify(case="lower"), "permalink": True}})
    assert to_html(page) == md.convert(page)
