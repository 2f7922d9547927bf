"""The reader registry (baogao.readers): which files are reports, which reader reads one, and
how a new format plugs in — here a test-only `.csv` reader, registered for one test, whose
reports become pages like any .txt."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from baogao import readers
from baogao.convert import STATE_FILE, ReportError, convert_archive, convert_report
from baogao.readers import Document, Reader, ReadError
from baogao.sources import NotAReport, find_sources, read_report
from tests.hostile_inputs import GOOD, GOOD_TEXT, docx_bytes

PNG_MESSAGE = "is a PNG image, not a text file; save it as plain text (.txt) first"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def read_csv(raw: bytes) -> Document:
    """A fake format: one report line per row, its cells joined by a full-width space."""
    try:
        rows = raw.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise ReadError("is not UTF-8 CSV") from None
    return Document("\n".join("\u3000".join(row.split(",")) for row in rows), {"encoding": "UTF-8"})


CSV = Reader("csv", (".csv",), read_csv)
CSV_REPORT = "关于作风建设的情况汇报\n一、基本情况,全年共开展督查12次\n二、下一步打算,持续推进作风建设\n".encode()


@pytest.fixture
def with_csv(monkeypatch):
    monkeypatch.setattr(readers, "READERS", (*readers.READERS, CSV))


def test_the_txt_reader_reads_text_and_says_which_reader_and_encoding(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_bytes(GOOD_TEXT.encode("gb18030"))
    document = readers.read(path)
    assert (document.text, document.reader, dict(document.properties)) == (GOOD_TEXT, "txt", {"encoding": "GB18030"})
    assert readers.read(GOOD, "下级/报告.TXT").reader == "txt"  # bytes and a name; any case


def test_reports_are_the_files_whose_suffix_a_reader_claims(tmp_path, with_csv):
    for name in ("a.txt", "b.CSV", "c.md", "d.docx", "e.xlsx"):
        (tmp_path / name).write_bytes(GOOD)
    assert {".txt", ".csv", ".docx"} <= readers.suffixes() and not {".md", ".xlsx"} & readers.suffixes()
    assert [path.name for path in find_sources(tmp_path)] == ["a.txt", "b.CSV", "d.docx"]


def test_a_txt_that_is_really_an_image_is_rejected_from_its_head_naming_the_file(tmp_path):
    path = tmp_path / "工作总结.txt"
    path.write_bytes(PNG)
    assert readers.refuse_head("工作总结.txt", PNG) == PNG_MESSAGE
    with pytest.raises(NotAReport, match=re.escape(PNG_MESSAGE)):
        read_report(path, "工作总结.txt")
    with pytest.raises(ReportError, match=re.escape(f"工作总结.txt: {PNG_MESSAGE}")):
        convert_report(PNG, "工作总结.txt", {})


def test_content_wins_over_the_suffix(monkeypatch):
    """A reader whose magic matches reads the file whatever it is called; among readers of the
    same magic, the one of the file's suffix, else the first listed."""
    zipped = Reader("zip", (".zip",), lambda raw: Document("压缩包里的报告", {"encoding": "UTF-8"}), magic=(b"PK\x03\x04",))
    monkeypatch.setattr(readers, "READERS", (zipped, *readers.READERS))
    assert readers.refuse_head("工作总结.txt", docx_bytes()) is None
    assert readers.read(docx_bytes(), "工作总结.txt") == Document("压缩包里的报告", {"encoding": "UTF-8"}, "zip")
    assert readers.reader_for("工作总结.docx", docx_bytes()).name == "docx"
    assert readers.reader_for("工作总结.zip", docx_bytes()).name == "zip"


@pytest.mark.parametrize("name", ["工作总结.docx", "工作总结.PDF", "工作总结.ofd", "工作总结.doc", "工作总结.wps"])
def test_a_text_file_named_as_a_binary_format_is_named_plain_text(name, monkeypatch):
    """Each reader called it damaged or truncated ("open it and save it again")."""
    from baogao.readers import doc

    monkeypatch.setattr(doc, "converter", lambda: pytest.fail("LibreOffice must not be started"))
    with pytest.raises(ReadError) as refused:
        readers.read(GOOD, name)
    suffix = name[name.rindex("."):].lower()
    assert str(refused.value) == f"is plain text (UTF-8), not a {suffix} document: if it is a report, rename it to .txt"
    with pytest.raises(ReadError, match="damaged or truncated"):  # a damaged file of the format is still one
        readers.read(docx_bytes()[:200], "工作总结.docx")


@pytest.mark.parametrize(("text", "kind"), [
    ("<!DOCTYPE html>\n<html><head><title>县政府工作报告</title></head><body><p>今年以来…</p></body></html>", "a web page (HTML)"),
    ("\ufeff  <html xmlns:o='urn:schemas-microsoft-com:office:office'><body>今年以来</body></html>", "a web page (HTML)"),
    ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart\"\r\n\r\n今年以来", "a web archive (MHT)"),
    ("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}} \\f0 \\'bd\\'f1\\'c4\\'ea}", "an RTF document"),
    ("<!-- saved from url=(0041)http://www.gov.cn/zhengce/content/ -->\n<HTML><HEAD><TITLE>通知</TITLE>", "a web page (HTML)"),
    ("<head><meta charset=utf-8><title>县政府工作报告</title></head>今年以来…", "a web page (HTML)"),
    ("From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.gov.cn/\r\nSubject: 通知\r\nMIME-Version: 1.0\r\n",
     "a web archive (MHT)"),
])
def test_markup_saved_as_a_word_file_is_named_for_what_it_is(text, kind, monkeypatch):
    """A page saved from a government site as .doc was told "rename it to .txt", which would show its tags on the page."""
    from baogao.readers import doc

    monkeypatch.setattr(doc, "converter", lambda: pytest.fail("LibreOffice must not be started"))
    for raw in (text.encode("utf-8"), "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")):  # (IE saves UTF-16 too)
        with pytest.raises(ReadError) as refused:
            readers.read(raw, "工作总结.doc")
        assert str(refused.value) == f"is {kind}, not a .doc document: open it in Word or WPS and save it as .docx (or download it again)"


def test_a_file_no_reader_claims_is_named_as_such():
    with pytest.raises(ReadError, match=r"^is not a report format baogao reads \(\.doc, \.docx, \.ofd, \.pdf, \.txt, \.wps\)$"):
        readers.read(b"# title", "说明.md")


def test_a_registered_reader_flows_through_convert_report_to_a_page(with_csv):
    converted = convert_report(CSV_REPORT, "汇报/情况汇报.csv", {})
    assert converted.text.splitlines() == ["关于作风建设的情况汇报", "一、基本情况\u3000全年共开展督查12次",
                                           "二、下一步打算\u3000持续推进作风建设"]
    front = yaml.safe_load(converted.page.split("---\n")[1])
    assert (front["source"], front["encoding"], front["title"]) == ("汇报/情况汇报.csv", "UTF-8", "关于作风建设的情况汇报")
    assert "## 一、基本情况" in converted.page


def test_a_registered_reader_flows_through_the_batch_with_its_sidecar(tmp_path, with_csv):
    reports, pages = tmp_path / "reports", tmp_path / "pages"
    reports.mkdir()
    (reports / "情况汇报.csv").write_bytes(CSV_REPORT)
    (reports / "情况汇报.meta.yml").write_text("year: 2023\n", encoding="utf-8")
    (reports / "坏.csv").write_bytes(b"\xff\xfe\xfa")
    summary = convert_archive(reports, pages, jobs=1, progress=False)
    assert (summary.converted, summary.failed) == (1, ["坏.csv: is not UTF-8 CSV"])
    meta = json.loads((pages / STATE_FILE).read_text(encoding="utf-8"))["情况汇报.csv"]["meta"]
    assert (meta["year"], meta["year_source"]) == (2023, "sidecar")
    assert (pages / "reports" / f"{meta['id']}.md").is_file()


def test_every_reader_is_registered_once_with_lower_case_suffixes():
    names = [reader.name for reader in readers.READERS]
    assert len(names) == len(set(names))
    claimed = [suffix for reader in readers.READERS for suffix in reader.suffixes]
    assert len(claimed) == len(set(claimed)) and all(s.startswith(".") and s == s.lower() for s in claimed)


def test_every_reader_module_is_registered_under_its_name():
    # _name.py modules are helpers shared by readers (_container: bounded ZIP parts, inert XML)
    modules = {path.stem for path in Path(readers.__file__).parent.glob("[!_]*.py")} - {"base"}
    assert modules == {reader.name for reader in readers.READERS}
