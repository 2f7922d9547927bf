"""The .docx reader (baogao/readers/docx.py): Word's numbering, heading styles, tables,
footnotes, tracked changes and core properties; fidelity on every seed and corpus text made
into a .docx with real numbering definitions (python-docx)."""

from __future__ import annotations

import pytest
import yaml

from baogao import readers
from baogao.clean import clean
from baogao.convert import convert_report
from baogao.parse import parse
from baogao.readers._numbering import chinese_counting, format_number
from tests.conftest import real_texts
from tests.office_fixtures import char_fidelity, make_docx, p, report_docx, source_text

def headings(text: str, name: str, styled: dict | None = None) -> list[tuple[int, str]]:
    return [(b.level, b.text) for b in parse(clean(text).lines, name, styled).blocks if b.kind == "heading"]


@pytest.mark.corpus
def test_every_real_text_as_a_word_document_keeps_its_text_and_outline():
    """Issue 15: extracted text = source ≥ 99.5 % of characters, in order; headings as in the .txt."""
    results = []
    for path in real_texts():
        source = source_text(path)
        document = readers.read(report_docx(source), "报告.docx")
        results.append((char_fidelity(source, document.text), path.name))
        assert headings(document.text, path.name, dict(document.headings)) == headings(source, path.name), path.name
    worst = min(results)
    print(f"\ndocx fidelity over {len(results)} texts: worst {worst[0]:.4%} ({worst[1]})")
    assert worst[0] >= 0.995, worst


@pytest.mark.parametrize("n, expected", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"),
                                         (100, "一百"), (105, "一百零五"), (110, "一百一十"), (1001, "一千零一")])
def test_chinese_counting_is_words_number_format(n, expected):
    assert chinese_counting(n) == expected


@pytest.mark.parametrize("fmt, n, expected", [
    ("decimal", 3, "3"), ("decimalEnclosedCircle", 3, "③"), ("decimalEnclosedCircleChinese", 12, "⑫"),
    ("decimalEnclosedParen", 2, "⑵"), ("decimalEnclosedFullstop", 2, "⒉"), ("ideographTraditional", 3, "丙"),
    ("ideographZodiac", 2, "丑"), ("chineseLegalSimplified", 12, "壹拾贰"), ("decimalFullWidth", 12, "１２"),
    ("lowerLetter", 28, "bb"), ("upperRoman", 14, "XIV"), ("none", 4, ""), ("decimalZero", 4, "04"),
    ("someFutureFormat", 5, "5"), ("decimalEnclosedCircle", 21, "21"),
])
def test_number_formats(fmt, n, expected):
    assert format_number(n, fmt) == expected


MULTILEVEL = (
    '<w:abstractNum w:abstractNumId="1">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%4"/><w:isLgl/></w:lvl>'
    '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>'
)


def numbered(text: str, ilvl: int, num_id: int = 5) -> str:
    return p(text, f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>')


def test_multilevel_numbering_counts_and_restarts_as_word_does():
    body = (p("关于作风建设的情况汇报") + numbered("基本情况", 0) + numbered("强化督办", 1) + numbered("建立台账", 2)
            + numbered("明确责任", 2) + numbered("改进文风", 1) + numbered("存在问题", 0) + numbered("思想认识", 1)
            + numbered("合法编号", 3) + p("正文没有编号。"))
    text = readers.read(make_docx(body, numbering=MULTILEVEL), "a.docx").text
    assert text.split("\n") == ["关于作风建设的情况汇报", "一、基本情况", "（一）强化督办", "1. 建立台账", "2. 明确责任",
                                "（二）改进文风", "二、存在问题", "（一）思想认识", "2.1.1 合法编号", "正文没有编号。"]


def test_numbering_defined_by_a_paragraph_style_and_heading_styles_feed_the_outline():
    styles = (
        '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="MyH2"><w:name w:val="标题 2"/><w:basedOn w:val="Base"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="my base"/></w:style>'
    )
    body = (p("县政府办公室2023年工作总结") + p("工作回顾", '<w:pStyle w:val="1"/>') + p("抓好督查落实", '<w:pStyle w:val="MyH2"/>')
            + p("全年督查12次。") + p("下步打算", '<w:pStyle w:val="1"/>') + p("持续改进作风。"))
    document = readers.read(make_docx(body, numbering=MULTILEVEL, styles=styles), "a.docx")
    assert document.text.split("\n")[1:] == ["一、工作回顾", "抓好督查落实", "全年督查12次。", "二、下步打算", "持续改进作风。"]
    assert dict(document.headings) == {"一、工作回顾": 1, "抓好督查落实": 2, "二、下步打算": 1}
    # the unnumbered styled heading is a heading, nested below the numbered 一、 (its style's level)
    assert headings(document.text, "a.docx", dict(document.headings)) == [(2, "一、工作回顾"), (3, "抓好督查落实"), (2, "二、下步打算")]
    # the same text without styles: 抓好督查落实 is a paragraph
    assert headings(document.text, "a.docx") == [(2, "一、工作回顾"), (2, "二、下步打算")]


def test_tracked_changes_are_accepted():
    body = (
        '<w:p><w:r><w:t>全年开展督查</w:t></w:r><w:del w:id="1" w:author="甲"><w:r><w:delText>10</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="甲"><w:r><w:t>12</w:t></w:r></w:ins><w:r><w:t>次。</w:t></w:r></w:p>'
        # a paragraph whose mark was deleted joins the next one
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="甲"/></w:rPr></w:pPr><w:r><w:t>督办事项</w:t></w:r></w:p>'
        '<w:p><w:r><w:t>全部办结。</w:t></w:r></w:p>'
        '<w:p><w:moveFrom w:id="4" w:author="甲"><w:r><w:t>移走的句子。</w:t></w:r></w:moveFrom></w:p>'
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>域结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )
    assert readers.read(make_docx(body), "a.docx").text.split("\n") == ["全年开展督查12次。", "督办事项全部办结。", "", "域结果"]


def test_tables_become_rows_and_footnotes_follow_the_body():
    cell = lambda text: f"<w:tc>{p(text)}</w:tc>"  # noqa: E731
    body = (p("一、基本情况") + f"<w:tbl><w:tr>{cell('项目')}{cell('数量')}</w:tr><w:tr>{cell('督查')}{cell('12次')}</w:tr></w:tbl>"
            + '<w:p><w:r><w:t>依据有关规定</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t>执行。</w:t></w:r></w:p>')
    footnotes = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="7">{p("见《督查工作办法》第三条。")}</w:footnote>')
    assert readers.read(make_docx(body, footnotes=footnotes), "a.docx").text.split("\n") == [
        "一、基本情况", "项目\t数量", "督查\t12次", "依据有关规定[1]执行。", "[1] 见《督查工作办法》第三条。"]


def test_core_properties_are_the_documents_properties_and_the_year_of_last_resort():
    core = ("<dc:title>作风建设情况汇报</dc:title><dc:creator>县政府办</dc:creator>"
            '<dcterms:created xsi:type="dcterms:W3CDTF" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">2021-03-04T08:00:00Z</dcterms:created>')
    raw = make_docx(p("关于作风建设的情况汇报") + p("今年以来，我办持续改进作风。"), core=core)
    assert dict(readers.read(raw, "a.docx").properties) == {"title": "作风建设情况汇报", "author": "县政府办",
                                                             "created": "2021-03-04T08:00:00Z"}
    front = yaml.safe_load(convert_report(raw, "汇报.docx", {}).page.split("---\n")[1])
    assert (front["year"], front["year_source"], front["reader"], front["encoding"]) == (2021, "properties", "docx", None)
    assert front["original"] == f"originals/{front['id']}.docx"
    # a year in the text wins over the file's date
    dated = make_docx(p("关于作风建设的情况汇报") + p("2023年，我办持续改进作风。") + p("2023年12月1日"), core=core)
    assert yaml.safe_load(convert_report(dated, "汇报.docx", {}).page.split("---\n")[1])["year_source"] == "text"
    # …and a file dated before the events its text tells as past was copied or made from an older one (a
    # template's date): it gives no year, the events bound it
    later = make_docx(p("关于作风建设的情况汇报") + p("党的二十大以来，我办持续改进作风。"), core=core)
    front = yaml.safe_load(convert_report(later, "汇报.docx", {}).page.split("---\n")[1])
    assert (front["year"], front["year_min"]) == (None, 2022)
    # …but not figures given ahead as of the year's end (预计截至2023年12月底): the file's year stands
    ahead = make_docx(p("县教育局工作总结") + p("预计截至2021年12月底，全县完成投资5亿元。"), core=core)
    assert yaml.safe_load(convert_report(ahead, "总结.docx", {}).page.split("---\n")[1])["year"] == 2021


def test_a_docx_saved_as_txt_is_read_as_a_docx():
    raw = report_docx("关于作风建设的情况汇报\n一、基本情况\n全年督查12次。")
    assert readers.read(raw, "汇报.txt").reader == "docx"
    assert readers.read(raw, "汇报.txt").text == "关于作风建设的情况汇报\n一、基本情况\n全年督查12次。"


def test_text_boxes_are_read_once():
    box = ('<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
           f'<mc:Choice Requires="wps"><w:drawing><w:txbxContent>{p("文本框里的字")}</w:txbxContent></w:drawing></mc:Choice>'
           f'<mc:Fallback><w:pict><w:txbxContent>{p("文本框里的字")}</w:txbxContent></w:pict></mc:Fallback>'
           '</mc:AlternateContent></w:r><w:r><w:t>正文</w:t></w:r></w:p>')
    assert readers.read(make_docx(box), "a.docx").text.split("\n") == ["正文", "文本框里的字"]


def test_an_unnumbered_styled_heading_nests_where_its_style_level_is_numbered():
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/></w:style>')
    body = (p("一、工作回顾", '<w:pStyle w:val="H1"/>') + p("（一）督查", '<w:pStyle w:val="H2"/>') + p("全年督查。")
            + p("信息报送", '<w:pStyle w:val="H2"/>') + p("全年报送。"))
    document = readers.read(make_docx(body, styles=styles), "a.docx")
    assert headings(document.text, "a.docx", dict(document.headings)) == [(2, "一、工作回顾"), (3, "（一）督查"), (3, "信息报送")]


def test_hidden_text_is_not_shown_and_nothing_else_is_lost():
    """N18: Word does not show hidden text (w:vanish), by a run's own property, its character style or its paragraph's
    style; a hidden paragraph mark joins the paragraph to the next one; w:specVanish (a style separator) hides no text."""
    styles = ('<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="说明"/><w:rPr><w:vanish/></w:rPr></w:style>'
              '<w:style w:type="character" w:styleId="Secret"><w:name w:val="密"/><w:basedOn w:val="Base"/></w:style>'
              '<w:style w:type="character" w:styleId="Base"><w:name w:val="base"/><w:rPr><w:vanish/></w:rPr></w:style>')

    def para(*runs: str, mark: str = "", style: str = "") -> str:
        ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + (f"<w:rPr>{mark}</w:rPr>" if mark else "")
        return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>"

    def run(text: str, rpr: str = "") -> str:
        return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'

    body = (p("罗田县财政局2023年工作总结")
            + para(run("　　2023年，我局扎实推进各项工作。"), run("（此处内容待删除，请勿公开）", "<w:vanish/>"))
            + para(run("全年收入10亿元"), run("，其中某某问题线索", '<w:rStyle w:val="Secret"/>'), run("。"))
            # in a hidden style, a run shown again (w:val="0"); the paragraph's mark is hidden: it joins the next one
            + para(run("起草说明："), run("见附件", '<w:vanish w:val="0"/>'), style="Note")
            + p("一、主要工作")
            + para(run("作者备注", "<w:vanish/>"), mark="<w:vanish/>")  # a wholly hidden paragraph: no empty line
            # a style separator: the run-in heading and its text stay apart, neither hidden
            + para(run("（一）抓收入"), mark="<w:vanish/><w:specVanish/>")
            + para(run("全年督查12次。", "<w:specVanish/>")))
    assert readers.read(make_docx(body, styles=styles), "a.docx").text.split("\n") == [
        "罗田县财政局2023年工作总结", "　　2023年，我局扎实推进各项工作。", "全年收入10亿元。", "见附件一、主要工作",
        "（一）抓收入", "全年督查12次。"]


def test_a_floating_text_box_comes_before_the_paragraph_it_is_anchored_in():
    """N7: a title in a floating text box anchored in the first body paragraph is read before that paragraph's text,
    not after it (where a body sentence would become the title); a box in the text's flow still follows its paragraph."""
    ns = ('xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"')

    def box(text: str, drawing: str, vml_style: str) -> str:  # Word's form: DrawingML, and VML as the fallback
        return (f'<w:r><mc:AlternateContent {ns}><mc:Choice Requires="wps"><w:drawing><wp:{drawing}><w:txbxContent>'
                f'{p(text)}</w:txbxContent></wp:{drawing}></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                f'<v:shape style="{vml_style}"><v:textbox><w:txbxContent>{p(text)}</w:txbxContent></v:textbox></v:shape>'
                '</w:pict></mc:Fallback></mc:AlternateContent></w:r>')

    def vml(text: str) -> str:  # an older file's floating box: VML only
        return (f'<w:r><w:pict {ns}><v:shape style="position: absolute;margin-top:-60pt;width:400pt;z-index:1">'
                f'<v:textbox><w:txbxContent>{p(text)}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>')

    floating, inline = box("罗田县财政局2023年工作总结", "anchor", "position:absolute;z-index:1"), box("图1", "inline", "width:80pt")
    body = (f"<w:p>{floating}<w:r><w:t>　　2023年，我局扎实推进各项工作。</w:t></w:r></w:p>" + p("一、主要工作")
            + f"<w:p>{inline}<w:r><w:t>全年收入见图。</w:t></w:r></w:p>"
            # a paragraph whose mark was deleted: the box anchored in it does not split its text from the next one's
            + f'<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="甲"/></w:rPr></w:pPr><w:r><w:t>二、存在</w:t></w:r>{vml("罗田县财政局")}</w:p>'
            + p("问题"))
    document = readers.read(make_docx(body), "a.docx")
    assert document.text.split("\n") == ["罗田县财政局2023年工作总结", "　　2023年，我局扎实推进各项工作。", "一、主要工作",
                                         "全年收入见图。", "图1", "罗田县财政局", "二、存在问题"]
    assert convert_report(make_docx(body), "a.docx", {}).meta["title"] == "罗田县财政局2023年工作总结"


def test_symbol_font_check_boxes_and_signs_are_the_characters_they_show():
    """N17: a form's check boxes drawn in Wingdings fonts (w:sym, or text typed in the font) keep the chosen option;
    Symbol's signs are text; a symbol with no Unicode look-alike is dropped, as before, and a hostile code is harmless."""
    def sym(font: str, code: str) -> str:
        return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'

    def run(text: str, font: str = "", hint: str = "") -> str:
        fonts = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="宋体"{hint}/></w:rPr>' if font else ""
        return f'<w:r>{fonts}<w:t xml:space="preserve">{text}</w:t></w:r>'

    body = (f'<w:p>{run("考核等次：")}{sym("Wingdings 2", "F052")}{run("优秀 ")}{sym("Wingdings 2", "F0A3")}{run("合格 ")}'
            f'{sym("Wingdings 2", "00A3")}{run("基本合格")}</w:p>'
            f'<w:p>{sym("Wingdings", "F0FE")}{run("是 ")}{sym("Wingdings", "F0A8")}{run("否 ")}{sym("Wingdings", "F0FC")}'
            f'{sym("Wingdings 3", "F075")}{sym("Webdings", "F061")}{sym("wingdings  2", "f054")}</w:p>'
            f'<w:p>{run("面积")}{sym("Symbol", "F0B3")}{run("5")}{sym("Symbol", "F0B4")}{run("3米，合格")}{sym("Symbol", "F0D6")}'
            f'{sym("宋体", "2605")}</w:p>'
            # no look-alike (Wingdings' aeroplane, a private-use code of another font), hostile codes: nothing
            f'<w:p>{run("无")}{sym("Wingdings", "F051")}{sym("MT Extra", "F020")}{sym("宋体", "D800")}{sym("宋体", "FFFFFFFF")}'
            f'{sym("宋体", "0007")}{run("字")}</w:p>'
            # typed in the font: "R" and "£" in Wingdings 2; the Chinese text of the run is in its East Asian font
            f'<w:p>{run("R", "Wingdings 2")}{run("同意 ")}{run("£不同意", "Wingdings 2")}{run("Q!", "Wingdings 2")}</w:p>'
            # under an East Asian hint a Latin-1 character is in the East Asian font
            "<w:p>" + run("£", "Wingdings 2", hint=' w:hint="eastAsia"') + run("R", "Wingdings 2", hint=' w:hint="eastAsia"')
            + "</w:p>")
    assert readers.read(make_docx(body), "a.docx").text.split("\n") == [
        "考核等次：☑优秀 □合格 □基本合格", "☑是 ☐否 ✓▶✔☒", "面积≥5×3米，合格√★", "无字", "☑同意 □不同意☒!", "£☑"]


def test_a_last_paragraph_whose_mark_was_deleted_keeps_its_text():
    """With no next paragraph to join (the end of a table cell, of the body), its text is a line of its own."""
    deleted = '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="甲"/></w:rPr></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
    body = (p("一、基本情况") + f"<w:tbl><w:tr><w:tc>{p('督查')}</w:tc><w:tc>{deleted.format('12次')}</w:tc></w:tr></w:tbl>"
            + deleted.format("全部办结。"))
    assert readers.read(make_docx(body), "a.docx").text.split("\n") == ["一、基本情况", "督查\t12次", "全部办结。"]
