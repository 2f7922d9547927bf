"""The .ofd reader (baogao/readers/ofd.py) and the bounded ZIP/XML reading it shares with the
.docx reader (baogao/readers/_container.py): text in reading order from the page XML, DocInfo
as properties, and hostile containers (zip bombs, XXE, encryption, truncation) refused."""

from __future__ import annotations

import io
import zipfile

import pytest
import yaml

from baogao import readers
from baogao.convert import convert_report
from baogao.readers import ReadError, _container
from baogao.readers.ofd import _deltas
from tests.office_fixtures import make_docx, measure, p

NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def ofd(pages: list[str], info: str = "", extra: dict[str, bytes | str] | None = None, ofd_xml: str | None = None) -> bytes:
    """An OFD whose pages hold `pages` (the inside of each page's ofd:Layer)."""
    parts: dict[str, bytes | str] = {
        "OFD.xml": ofd_xml or (f'<ofd:OFD {NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>{info}</ofd:DocInfo>'
                               "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"),
        "Doc_0/Document.xml": f'<ofd:Document {NS}><ofd:Pages>' + "".join(
            f'<ofd:Page ID="{i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages))) + "</ofd:Pages></ofd:Document>",
    }
    for i, layer in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{i}/Content.xml"] = (f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">{layer}'
                                                     "</ofd:Layer></ofd:Content></ofd:Page>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in {**parts, **(extra or {})}.items():
            package.writestr(name, data)
    return buffer.getvalue()


def text_object(x: float, y: float, text: str, size: float = 4.0, delta: str | None = None) -> str:
    delta = delta if delta is not None else f"g {len(text) - 1} {size}"
    return (f'<ofd:TextObject ID="1" Boundary="{x} {y} 160 {size}" Font="1" Size="{size}">'
            f'<ofd:TextCode X="0" Y="{size * 0.85}" DeltaX="{delta}">{text}</ofd:TextCode></ofd:TextObject>')


@pytest.mark.corpus
def test_real_texts_laid_out_by_libreoffice_come_back_from_ofd(office_files):
    figures = measure(office_files["ofd"], "ofd")
    assert figures["worst"][0] >= 0.995, figures["worst"]
    assert sum(same for _, same, _ in figures["results"]) >= 0.9 * len(figures["results"])


def test_reading_order_is_the_pages_not_the_order_objects_are_written_in():
    body = "全年开展督查十二次，办理来信来访三百余件，编发政务信息一百二十期。"  # the widest line: the right margin
    page = (text_object(20, 60, body) + text_object(20, 40, "一、主要工作")
            + text_object(20, 20, "县政府办公室2023年工作总结") + text_object(36, 80, "改进。", delta="4 4")
            + text_object(28, 80, "持续", delta="4"))  # a first line, indented
    document = readers.read(ofd([page]), "总结.ofd")
    assert document.text.split("\n") == ["县政府办公室2023年工作总结", "一、主要工作", body, "持续改进。"]
    assert document.reader == "ofd"


@pytest.mark.parametrize(("area", "expected"), [
    # the page's width bounds the right margin: a page of short lines has no full line to join with the next
    ('<ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>',
     ["罗田县统计局防汛值班人员名单", "张三", "李四"]),
    ("", ["罗田县统计局防汛值班人员名单张三", "李四"]),  # (no width known: the widest line is taken for a full one)
])
def test_a_page_of_short_lines_has_no_full_line_when_its_width_is_known(area, expected):
    page = text_object(20, 20, "罗田县统计局防汛值班人员名单") + text_object(20, 30, "张三") + text_object(20, 40, "李四")
    raw = ofd([page])
    if area:
        raw = ofd([page], extra={"Doc_0/Document.xml": f'<ofd:Document {NS}>{area}<ofd:Pages><ofd:Page ID="0" '
                                                       'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>'})
    assert readers.read(raw, "通知.ofd").text.split("\n") == expected


def test_doc_info_is_the_documents_properties_and_the_year_of_last_resort():
    info = "<ofd:Title>作风建设情况汇报</ofd:Title><ofd:Author>县政府办</ofd:Author><ofd:CreationDate>2020-06-01</ofd:CreationDate>"
    raw = ofd([text_object(20, 20, "关于作风建设的情况汇报") + text_object(20, 30, "今年以来，我办持续改进作风。")], info)
    assert {k: v for k, v in readers.read(raw, "a.ofd").properties.items() if k in ("title", "author", "created")} == {
        "title": "作风建设情况汇报", "author": "县政府办", "created": "2020-06-01"}
    front = yaml.safe_load(convert_report(raw, "汇报.ofd", {}).page.split("---\n")[1])
    assert (front["year"], front["year_source"], front["reader"], front["original"]) == (2020, "properties", "ofd",
                                                                                       f"originals/{front['id']}.ofd")


def test_delta_x_with_its_g_shorthand():
    assert _deltas("g 3 4.5 2 g 2 1") == [4.5, 4.5, 4.5, 2.0, 1.0, 1.0]
    assert _deltas("g 999999999 1")[:2] == [1.0, 1.0] and len(_deltas("g 999999999 1")) == 100_000


def test_an_ofd_without_text_is_a_scan_and_the_message_says_no_ocr():
    with pytest.raises(ReadError, match=r"has no text \(1 page\(s\) of images.*no OCR"):
        readers.read(ofd(['<ofd:ImageObject ID="1" Boundary="0 0 210 297" ResourceID="5"/>']), "扫描.ofd")


def test_the_suffix_tells_a_docx_from_an_ofd_and_each_reader_names_the_other():
    raw = ofd([text_object(20, 20, "正文")])
    with pytest.raises(ReadError, match="is an OFD document under another name: rename it to .ofd"):
        readers.read(raw, "公文.docx")
    with pytest.raises(ReadError, match=r"is a Word document \(\.docx\), not an OFD document"):
        readers.read(make_docx(p("正文")), "公文.ofd")


@pytest.mark.parametrize("name, suffix", [("ofd", "公文.ofd"), ("docx", "公文.docx")])
def test_an_external_entity_is_never_resolved(name, suffix, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    doctype = f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    if name == "ofd":
        raw = ofd([text_object(20, 20, "&xxe;")], extra={"Doc_0/Pages/Page_0/Content.xml": doctype + (
            f'<ofd:Page {NS}><ofd:Content><ofd:Layer ID="1">{text_object(20, 20, "&xxe;")}</ofd:Layer></ofd:Content></ofd:Page>')})
    else:
        raw = make_docx("", extra={"word/document.xml": doctype + (
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            f'{p("&xxe;")}</w:body></w:document>')})
    with pytest.raises(ReadError, match="with a DTD or entities.*refused"):
        readers.read(raw, suffix)


def test_a_billion_laughs_is_refused_before_any_entity_grows():
    laughs = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]>"
    raw = make_docx("", extra={"word/document.xml": laughs + (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f'{p("&j;")}</w:body></w:document>')})
    with pytest.raises(ReadError, match="with a DTD or entities"):
        readers.read(raw, "笑.docx")


@pytest.mark.parametrize("suffix", ["公文.ofd", "报告.docx"])
def test_a_part_that_inflates_beyond_the_limit_is_a_zip_bomb(suffix, monkeypatch):
    monkeypatch.setattr(_container, "MAX_PART_BYTES", 2 * 2**20)
    padding = "<!-- " + " " * (8 * 2**20) + " -->"  # 8 MB of spaces: a few KB deflated
    if suffix.endswith(".ofd"):
        raw = ofd([text_object(20, 20, "正文") + padding])
        part = "Doc_0/Pages/Page_0/Content.xml"
    else:
        raw = make_docx(p("正文") + padding)
        part = "word/document.xml"
    assert len(raw) < 100_000
    with pytest.raises(ReadError, match=f"its part {part} expands beyond 2 MiB \\(a zip bomb\\?\\)"):
        readers.read(raw, suffix)


def _encrypted(raw: bytes) -> bytes:
    """The same ZIP with every member flagged as encrypted (traditional PKWARE encryption)."""
    data = bytearray(raw)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            data[start + offset] |= 0x01
            start += 4
    return bytes(data)


@pytest.mark.parametrize("suffix", ["公文.ofd", "报告.docx"])
def test_encrypted_and_truncated_containers_get_clear_messages(suffix):
    raw = ofd([text_object(20, 20, "正文")]) if suffix.endswith(".ofd") else make_docx(p("正文"))
    with pytest.raises(ReadError, match=r"is password-protected \(.* is encrypted\)"):
        readers.read(_encrypted(raw), suffix)
    with pytest.raises(ReadError, match="is a damaged or truncated .*not a readable ZIP file"):
        readers.read(raw[: len(raw) // 2], suffix)


def test_huge_page_counts_are_refused():
    pages = "".join(f'<ofd:Page ID="{i}" BaseLoc="Pages/Page_0/Content.xml"/>' for i in range(5001))
    raw = ofd([text_object(20, 20, "正文")], extra={"Doc_0/Document.xml": f"<ofd:Document {NS}><ofd:Pages>{pages}</ofd:Pages></ofd:Document>"})
    with pytest.raises(ReadError, match="has 5,001 pages"):
        readers.read(raw, "书.ofd")
