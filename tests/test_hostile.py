"""Bad input, hostile input, and nothing lost (issue 6).

One table of bad-input classes. Each row writes one small file (or a pair) beside a copy of the
five sample reports and says what must happen:

- FAILED: the file gets no page, `convert_archive` reports one message that starts with the
  file's path and says why, and `baogao convert` logs it and exits 1 — on every run, not only
  the first;
- CONVERTED: the file gets a page, and every hostile string of it is shown literally (the page
  rendered the way the site renders it, see tests/hostile_inputs.py); exit 0;
- SIDECAR_IGNORED: the report gets its page from the extracted values, the sidecar's problem is
  reported naming the sidecar; exit 1;
- REMOVED: the source is deleted after a conversion; its page goes, exit 0.

In every case the five sample reports' pages (pages/reports/*.md, pages/text/*.txt) are byte for
byte those of a conversion without the bad file.

Then: YAML-special titles, a 20 MB line, a conversion killed half-way, and reproducible builds.
"""

from __future__ import annotations

import codecs
import datetime as dt
import html
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest
import yaml

from baogao.check import check_site
from baogao.cli import main as baogao
from baogao.convert import PREPARED_FOLDER, SOURCES_FILE, STATE_FILE, convert_archive, convert_report, prepare_report, report_id
from baogao.manifest import DIGESTS
from baogao.model import Block, ParsedReport
from baogao.outdir import PAGES_LOCK
from baogao.places import find_places
from baogao.render import block_anchors
from baogao.schema import validate_sidecar
from baogao.similar.prints import KEYS_FILE
from baogao.themes import load_taxonomy
from tests.conftest import REPORTS, ROOT, build_site
from tests.hostile_inputs import GOOD, GOOD_TEXT, SAMPLE_NAMES, docx_bytes, shown_text, snapshot, squeeze

TAXONOMY = load_taxonomy(ROOT / "themes.yml")  # what `baogao convert` classifies with

FAILED, CONVERTED, SIDECAR_IGNORED, REMOVED = "failed", "converted", "sidecar ignored", "removed"
EXIT_STATUS = {FAILED: 1, CONVERTED: 0, SIDECAR_IGNORED: 1, REMOVED: 0}
SAMPLE_IDS = {report_id(name) for name in SAMPLE_NAMES}


# --- the files ----------------------------------------------------------------------------------

def write(name: str, data: bytes | str) -> Callable[[Path], str]:
    """A maker: writes `name` (UTF-8 when given text) into the reports folder."""

    def make(reports: Path) -> str:
        path = reports / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return name

    return make


def with_sidecar(name: str, sidecar: bytes | str) -> Callable[[Path], str]:
    """A good report NAME.txt plus the sidecar NAME.meta.yml."""

    def make(reports: Path) -> str:
        write(f"{name}.txt", GOOD)(reports)
        write(f"{name}.meta.yml", sidecar)(reports)
        return f"{name}.txt"

    return make


LONG_UTF8 = ("今年以来，我办认真履行职责，圆满完成各项任务。" * 60 + "\n") * 3  # 3,480 characters
DAMAGED_AT = len("县政府办公室工作总结\n".encode("utf-8")) + 30  # a character boundary (10 × 3 bytes)
DAMAGED_UTF8 = "县政府办公室工作总结\n".encode() + LONG_UTF8.encode()[:30] + b"\xff" + LONG_UTF8.encode()[30:]

# Half UTF-8, half GBK. With an odd number of 3-byte characters before a line end, the UTF-8
# half is not valid GB18030 either; with even runs, every UTF-8 byte pair is a valid GB18030 pair.
MIXED_ODD = "县政府办公室2023年工作总结\n".encode("utf-8") + "一、主要工作\n今年以来我办认真履行职责。\n".encode("gbk")
MIXED_EVEN = "县政府办公室工作总结\n主要工作情况如下\n".encode("utf-8") + "一、主要工作\n今年以来我办认真履行职责圆满完成各项任务\n".encode("gbk")


def first_invalid_utf8(raw: bytes) -> int:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        return err.start
    raise AssertionError("valid UTF-8")


# A YAML alias bomb: 300 bytes that load as 9**7 = 4.8 million strings in nested lists.
ALIAS_BOMB = "themes: [&a0 [x,x,x,x,x,x,x,x,x]" + "".join(
    f", &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 7)) + "]\n"

HTML_LINES = (
    '<script>alert("x")</script>',
    '正文<img src=x onerror="alert(2)">结束。',
    '<a href="javascript:alert(3)">点我</a>',
    "<!-- 注释 -->正文",
    "&lt;已转义&gt; &amp; &#60; &#x3C;",
    "<style>body{display:none}</style>",
    "<svg onload=alert(4)>",
    '<iframe src="javascript:alert(5)"></iframe>',
)
MARKDOWN_LINES = (
    "[链接](javascript:alert(1)) ![图片](http://example.com/x.png)",
    "# 一级标题",
    "## 二级标题 ##",
    "| 表头 | 表头 |",
    "|---|---|",
    "- 列表项",
    "1. 有序列表",
    "> 引用",
    "```python",
    "***",
    "[TOC]",
    "<http://example.com>",
    "**粗体** _斜体_ ~~删除~~ `代码` $公式$ ==标记== ^^上^^",
    '{: #id .cls onclick="alert(6)" }',
    "[^1]: 脚注",
    "*[HTML]: 缩写",
    "!!! note \"提示\"",
    "\\*反斜杠\\*",
    "    缩进代码",
    "===",
)
TEMPLATE_LINES = ("{{ config.site_name }}", "{% raw %}", "{% endraw %}", "{# 注释 #}", "{{ 7*7 }}", "${7*7}", "<%= 7*7 %>")
FRONT_MATTER_LIKE = "---\ntitle: 被注入的标题\nlayout: evil\nhide: [navigation]\n---\n正文第一段。\n"


def report(*lines: str, title: str = "县政府办公室关于网络安全工作的报告") -> str:
    return "\n".join((title, *lines)) + "\n"


def meta_is(key: str, value) -> Callable[[dict, str], None]:
    def check(meta: dict, shown: str) -> None:
        assert meta[key] == value

    return check


def no_injected_front_matter(meta: dict, shown: str) -> None:
    assert meta["title"] != "被注入的标题" and "layout" not in meta and "hide" not in meta


def no_template_evaluated(meta: dict, shown: str) -> None:
    assert "49" not in shown and "报告归档" not in shown


def two_copies(reports: Path) -> str:
    write("副本一.txt", GOOD)(reports)
    return write("副本二.txt", GOOD)(reports)


def both_copies_have_pages(reports: Path, pages: Path) -> None:
    one = (pages / "reports" / f"{report_id('副本一.txt')}.md").read_text(encoding="utf-8")
    two = (pages / "reports" / f"{report_id('副本二.txt')}.md").read_text(encoding="utf-8")
    assert one.split("\n---\n", 1)[1] == two.split("\n---\n", 1)[1]  # same body, two pages
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    assert {"副本一.txt", "副本二.txt"} <= {entry["source"] for entry in catalog}


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[Path], str]  # writes the file(s); returns the report's path inside the folder
    outcome: str
    # FAILED / SIDECAR_IGNORED: parts of the message; CONVERTED: strings the page must show literally
    must_include: tuple[str, ...]
    check: Callable[[dict, str], None] | None = None  # more about a converted page (meta, shown text)
    check_folder: Callable[[Path, Path], None] | None = None  # more about (reports, pages)
    extra_pages: int = 0  # pages besides the subject's and the samples'
    marks: tuple = field(default=())


CASES = [
    # -- not a text file
    Case("empty", write("空报告.txt", b""), FAILED, ("空报告.txt: is empty (0 bytes)",)),
    Case("white space only", write("空白.txt", " \t\r\n\u3000\u3000\n\n  \n".encode()), FAILED,
         ("空白.txt: has no text (only white space or page clutter)",)),
    Case("page clutter only", write("网页杂项.txt", "来源：新华网\n打印本页\n关闭窗口\n##paidbegin##\n"), FAILED,
         ("网页杂项.txt: has no text (only white space or page clutter)",)),
    # a PDF, a ZIP, an OLE2 file named .txt go to the reader of their content (baogao.readers)
    Case("PDF bytes", write("扫描件.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), FAILED,
         ("扫描件.txt: is a truncated PDF",)),
    Case("ZIP bytes", write("压缩包.txt", b"PK\x03\x04" + bytes(64)), FAILED,
         ("压缩包.txt: is a damaged or truncated Word document (.docx)",)),
    # a .docx saved as .txt: read by its content
    Case("DOCX bytes", write("工作总结.docx.txt", docx_bytes()), CONVERTED, ("一、全年工作回顾",)),
    Case("old Word bytes", write("旧版文档.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)), FAILED,
         ("旧版文档.txt: is a damaged or truncated Word/WPS document",)),
    Case("NUL bytes", write("含空字节.txt", GOOD[:30] + b"\x00" + GOOD[30:]), FAILED,
         ("含空字节.txt: contains NUL bytes: a binary file or a damaged text file",)),
    Case("control characters", write("控制字符.txt", GOOD + b"\x1b[31m\x07"), FAILED,
         ("控制字符.txt: contains control character U+001B: not a plain-text file",)),
    # -- damaged or mixed encodings
    Case("invalid UTF-8 in a UTF-8 file", write("损坏的UTF-8.txt", DAMAGED_UTF8), FAILED,
         (f"损坏的UTF-8.txt: is not valid UTF-8 (first invalid byte at offset {DAMAGED_AT}); re-save it as UTF-8",)),
    Case("UTF-16 BOM, odd length", write("坏的UTF-16.txt", codecs.BOM_UTF16_LE + "县政府".encode("utf-16-le") + b"\x41"), FAILED,
         ("坏的UTF-16.txt: starts with a UTF-16LE-BOM byte-order mark but is not valid utf-16-le",)),
    Case("half UTF-8, half GBK", write("混合编码.txt", MIXED_ODD), FAILED,
         (f"混合编码.txt: is neither valid UTF-8 (first invalid byte at offset {first_invalid_utf8(MIXED_ODD)}) nor GB18030",)),
    Case("half UTF-8, half GBK, even UTF-8 runs", write("混合编码二.txt", MIXED_EVEN), FAILED, ("混合编码二.txt:",)),
    Case("GBK report (legacy encoding is fine)", write("旧编码报告.txt", GOOD_TEXT.encode("gbk")), CONVERTED,
         ("今年以来，我办认真履行职责，圆满完成各项任务。",),
         check=meta_is("encoding", "GB18030")),
    Case("CR line ends", write("旧苹果换行.txt", GOOD_TEXT.replace("\n", "\r").encode()), CONVERTED,
         ("一、主要工作", "今年以来，我办认真履行职责，圆满完成各项任务。")),
    # -- text that looks like syntax: shown, never interpreted
    Case("front-matter-like first lines", write("伪造前言的报告.txt", FRONT_MATTER_LIKE), CONVERTED,
         ("title: 被注入的标题", "layout: evil", "hide: [navigation]", "---", "正文第一段。"),
         check=no_injected_front_matter),
    Case("HTML, <script>, onerror, javascript:", write("脚本.txt", report(*HTML_LINES)), CONVERTED, HTML_LINES),
    Case("Markdown links, images, tables, # headings", write("标记语法.txt", report(*MARKDOWN_LINES)), CONVERTED,
         tuple(line.strip() for line in MARKDOWN_LINES)),
    Case("{{ }} and {% %}", write("模板语法.txt", report(*TEMPLATE_LINES)), CONVERTED, TEMPLATE_LINES,
         check=no_template_evaluated),
    Case("YAML-special title", write("特殊标题.txt", report("正文。", title="县政府工作报告: & * | > ' \" # % @ ` [ ] { }")),
         CONVERTED, ("县政府工作报告: & * | > ' \" # % @ ` [ ] { }", "正文。"),
         check=meta_is("title", "县政府工作报告: & * | > ' \" # % @ ` [ ] { }")),
    Case("redaction marks only", write("脱敏.txt", "**\n*\nxx\n×\nXX年XX月XX日\n***县**镇\n"), CONVERTED,
         ("**", "xx", "×", "XX年XX月XX日", "***县**镇")),
    # (line separators end lines, as str.splitlines says: baogao.clean)
    Case("Unicode line separators and bidi controls",
         write("特殊字符.txt", report("第一段\u2028第二段\x85第三段\u2029第四段。", "县政府\u202e告报作工\u202c办公室。")),
         CONVERTED, ("第一段\n第二段\n第三段\n第四段。", "县政府\u202e告报作工\u202c办公室。")),
    # -- file names
    Case("name with spaces", write("带 空格 的 报告 2023.txt", GOOD), CONVERTED, ("今年以来",),
         check=meta_is("source", "带 空格 的 报告 2023.txt")),
    Case("Unicode name", write("☆报告①（终稿）🙂.txt", GOOD), CONVERTED, ("今年以来",),
         check=meta_is("source", "☆报告①（终稿）🙂.txt")),
    Case("'..' in the name", write("报告..最终版.txt", GOOD), CONVERTED, ("今年以来",)),
    Case("name that is only dots", write("..txt", GOOD), CONVERTED, ("今年以来",)),
    Case("leading dot", write(".隐藏的报告.txt", GOOD), CONVERTED, ("今年以来",)),
    Case("200+ ASCII characters", write("a" * 240 + ".txt", GOOD), CONVERTED, ("今年以来",)),
    Case("80 Chinese characters (240 bytes)", write("县" * 80 + ".txt", "本文无标题。\n"),
         CONVERTED, ("本文无标题。",), check=meta_is("title", "县" * 80)),
    Case("HTML in the name", write("<img src=x onerror=alert(1)>.txt", GOOD), CONVERTED, ("今年以来",),
         check=meta_is("source", "<img src=x onerror=alert(1)>.txt")),
    Case("HTML in a folder name", write("<script>/报告.txt", GOOD), CONVERTED, ("今年以来",),
         check=meta_is("source", "<script>/报告.txt")),
    Case("line break in the name", write("第一行\n第二行.txt", GOOD), FAILED,
         ("Error reading metadata 'source' of '第一行\n第二行.txt': expected one line of text",)),
    Case("upper-case .TXT", write("县政府工作报告.TXT", GOOD), CONVERTED, ("今年以来",)),
    # -- duplicates and deletions
    Case("two files with the same text", two_copies,
         CONVERTED, ("今年以来",), check_folder=both_copies_have_pages, extra_pages=1),
    Case("source deleted after conversion", write("将被删除.txt", GOOD), REMOVED, ("1 removed",)),
    # -- sidecars
    Case("sidecar with a wrong type", with_sidecar("错年份", "year: 二〇二x\n"), SIDECAR_IGNORED,
         ("Error reading metadata 'year' of '错年份.meta.yml': expected a year (1949–2100), got '二〇二x'",
          "the sidecar is ignored")),
    Case("sidecar with a quoted year", with_sidecar("引号年份", 'year: "2023"\n'), SIDECAR_IGNORED,
         ("Error reading metadata 'year' of '引号年份.meta.yml': expected a year (1949–2100) written as a number, "
          "without quotes, got '2023'",)),
    Case("sidecar that is not YAML", with_sidecar("坏侧车", "title: [unclosed\n  : : :\n"), SIDECAR_IGNORED,
         ("坏侧车.meta.yml: not valid YAML (line 2, column 3): expected ',' or ']', but got ':'; the sidecar is ignored",)),
    Case("sidecar with a Python tag", with_sidecar("标签侧车", 'title: !!python/object/apply:os.system ["touch PWNED"]\n'),
         SIDECAR_IGNORED, ("标签侧车.meta.yml: not valid YAML (line 1, column 8): could not determine a constructor for the tag",)),
    Case("sidecar that is a list", with_sidecar("列表侧车", "- year: 2020\n"), SIDECAR_IGNORED,
         ("Error reading '列表侧车.meta.yml': expected a mapping of field: value, got list",)),
    Case("sidecar not UTF-8", with_sidecar("编码侧车", "title: 县政府工作报告\n".encode("gbk")), SIDECAR_IGNORED,
         ("编码侧车.meta.yml: expected UTF-8 text; the sidecar is ignored",)),
    Case("sidecar with an unknown field", with_sidecar("多余字段", "layout: evil\n"), SIDECAR_IGNORED,
         ("Error reading metadata 'layout' of '多余字段.meta.yml': not a correctable field",)),
    Case("sidecar with a two-line title", with_sidecar("两行标题", "title: |\n  第一行\n  第二行\n"), SIDECAR_IGNORED,
         ("Error reading metadata 'title' of '两行标题.meta.yml': expected one line of text",)),
    Case("sidecar alias bomb", with_sidecar("别名炸弹", ALIAS_BOMB), SIDECAR_IGNORED,
         ("Error reading metadata 'themes' of '别名炸弹.meta.yml': expected a list of names",)),
    # a huge value would grow every list that shows it; a control character would reach <title>
    Case("sidecar with a 300-character title", with_sidecar("超长标题", "title: " + "长" * 300 + "\n"),
         SIDECAR_IGNORED, ("Error reading metadata 'title' of '超长标题.meta.yml': expected at most 200 characters, "
                           "got 300",)),
    Case("sidecar of 10 MB", with_sidecar("超大侧车", "title: " + "长" * 3_500_000 + "\n"), SIDECAR_IGNORED,
         ("超大侧车.meta.yml: is larger than a sidecar can be (at most 64 KiB); the sidecar is ignored",)),
    # what PyYAML raises as other exceptions, and values no file can hold: each ended the build in a traceback
    Case("sidecar nested 2 000 deep", with_sidecar("深层侧车", "title: " + "[" * 2000 + "]" * 2000 + "\n"), SIDECAR_IGNORED,
         ("深层侧车.meta.yml: not valid YAML: nested too deeply; the sidecar is ignored",)),
    Case("sidecar with a 5 000-digit year", with_sidecar("长数侧车", "year: " + "9" * 5000 + "\n"), SIDECAR_IGNORED,
         ("长数侧车.meta.yml: not valid YAML: a number too long to read; the sidecar is ignored",)),
    Case("sidecar with an impossible date", with_sidecar("日期侧车", "year: 2023-02-30\n"), SIDECAR_IGNORED,
         ("日期侧车.meta.yml: not valid YAML: a value that cannot be read (day is out of range for month); "
          "the sidecar is ignored",)),
    Case("sidecar with a lone surrogate", with_sidecar("代理侧车", 'title: "县政府\\uD800工作报告"\n'), SIDECAR_IGNORED,
         ("Error reading metadata 'title' of '代理侧车.meta.yml': expected text without invisible or invalid characters, "
          "got U+D800",)),
    Case("sidecar with a right-to-left override", with_sidecar("反向侧车", "title: 县政府\u202e告报作工\n"), SIDECAR_IGNORED,
         ("Error reading metadata 'title' of '反向侧车.meta.yml': expected text without invisible or invalid characters, "
          "got U+202E",)),
    Case("sidecar with a field written twice", with_sidecar("重复侧车", "year: 2020\nyear: 2021\n"), SIDECAR_IGNORED,
         ("重复侧车.meta.yml: a key (line 2, column 1): 'year' is written twice in one mapping; the sidecar is ignored",)),
    Case("sidecar with a NUL in its title", with_sidecar("控制字符标题", 'title: "县政府\\0工作报告"\n'), SIDECAR_IGNORED,
         ("Error reading metadata 'title' of '控制字符标题.meta.yml': expected text without control characters",)),
    Case("sidecar with a control character in an office", with_sidecar("控制字符单位", 'org: "县政府\\x1b办公室"\n'),
         SIDECAR_IGNORED, ("Error reading metadata 'org' of '控制字符单位.meta.yml': expected text without control "
                           "characters",)),
]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> dict[str, bytes]:
    """The sample reports' pages from a conversion of the samples alone (by the CLI, with the
    taxonomy, as the test's final conversion is)."""
    pages = tmp_path_factory.mktemp("baseline") / "pages"
    assert cli_convert(REPORTS, pages) == 0
    return snapshot(pages, SAMPLE_IDS)


def cli_convert(reports: Path, pages: Path) -> int:
    return baogao(["convert", "--reports", str(reports), "--pages", str(pages), "--jobs", "1", "--quiet"])


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=c.marks) for c in CASES])
def test_bad_input_class(case: Case, reports_copy: Path, tmp_path: Path, caplog, baseline):
    caplog.set_level(logging.INFO, logger="baogao")
    subject = case.make(reports_copy)
    pages = tmp_path / "pages"
    summary = convert_archive(reports_copy, pages, jobs=1, progress=False)

    if case.outcome == FAILED:
        assert summary.converted == 5 and len(summary.failed) == 1, summary.failed
        message = summary.failed[0]
        assert message.startswith(subject) or f"'{subject}'" in message, message
        assert "internal error" not in message, message
        for part in case.must_include:
            assert part in message, message
        assert {p.stem for p in (pages / "reports").glob("*.md")} == SAMPLE_IDS
    else:
        page = pages / "reports" / f"{report_id(subject)}.md"
    if case.outcome == SIDECAR_IGNORED:
        assert summary.converted == 6 and len(summary.failed) == 1, summary.failed
        assert len(summary.failed[0]) < 2000, f"a {len(summary.failed[0]):,}-character message"
        for part in case.must_include:
            assert part in summary.failed[0], summary.failed[0]
        assert yaml.safe_load(page.read_text(encoding="utf-8").split("---\n")[1])["title_source"] != "sidecar"
    if case.outcome in (CONVERTED, REMOVED):
        assert summary.failed == [] and summary.converted == 6 + case.extra_pages
        assert page.is_file()

    if case.outcome == CONVERTED:
        meta, shown = shown_text(page.read_text(encoding="utf-8"))
        kept = (pages / "text" / f"{report_id(subject)}.txt").read_text(encoding="utf-8")
        body = kept.split("\n", 1)[1] if meta["title_source"] == "text" else kept
        assert squeeze(body) in squeeze(shown), "the page loses text"
        for literal in case.must_include:
            assert literal in shown or literal == meta["title"], f"{literal!r} not shown on the page"
        if case.check:
            case.check(meta, shown)
        if case.check_folder:
            case.check_folder(reports_copy, pages)

    if case.outcome == REMOVED:
        (reports_copy / subject).unlink()

    # The command says the same, and again on a second run: failures are never forgotten.
    caplog.clear()
    assert cli_convert(reports_copy, pages) == EXIT_STATUS[case.outcome]
    if case.outcome in (FAILED, SIDECAR_IGNORED):
        errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
        assert errors == [f"error: {summary.failed[0]}"]
    if case.outcome == REMOVED:
        assert "1 removed" in caplog.text and not page.exists()
        assert not (pages / "text" / f"{report_id(subject)}.txt").exists()

    # Nothing else moved: the sample reports' pages are byte for byte those of a clean run.
    assert snapshot(pages, SAMPLE_IDS) == baseline


# `._NAME.txt` AppleDouble files (from a Mac's zip or USB disk); `~$NAME.docx`, the 162-byte file Word keeps beside a
# document while it is open (a build then failed on it: "damaged Word document")
_APPLE_DOUBLE = b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        " + bytes(4000)
_WORD_OWNER = (bytes([5]) + "Admin".encode() + bytes(48) + bytes([5, 0]) + "Admin".encode("utf-16-le") + bytes(96))[:162]


@pytest.mark.parametrize(("junk", "content", "real", "text"), [
    ("._000_县政府办公室工作总结.txt", _APPLE_DOUBLE, "._真的报告.txt", GOOD_TEXT),
    ("~$县政府办公室工作总结.docx", _WORD_OWNER, "~$真的报告.txt", GOOD_TEXT * 300),  # (larger than a lock file)
])
def test_files_the_system_leaves_are_skipped_and_counted(reports_copy, tmp_path, caplog, junk, content, real, text):
    """Not reports: skipped, said, and not a failure; a real text whose name starts the same way is still a report."""
    caplog.set_level(logging.INFO, logger="baogao")
    (reports_copy / junk).write_bytes(content)
    (reports_copy / real).write_text(text, encoding="utf-8")
    pages = tmp_path / "pages"
    summary = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert summary.skipped == [junk]
    assert summary.failed == [] and summary.converted == 6
    assert (pages / "reports" / f"{report_id(real)}.md").is_file()
    assert cli_convert(reports_copy, pages) == 0
    assert "1 skipped (macOS metadata ._ files, Office ~$ lock files)" in caplog.text


def test_files_of_other_formats_are_named_not_skipped_silently(reports_copy, tmp_path, caplog):
    """A file no reader takes (a database export, a saved web page, a spreadsheet) is not in the archive and
    the command says so, naming it; sidecars, hidden files and the office programs' lock files are not named."""
    caplog.set_level(logging.INFO, logger="baogao")
    others = ["2026_贵州省_政府工作报告.csv", "sub/县政府工作总结.html", "统计表.xlsx"]
    for name in others:
        (reports_copy / name).parent.mkdir(exist_ok=True)
        (reports_copy / name).write_text(GOOD_TEXT, encoding="utf-8")
    first = sorted(p.name for p in reports_copy.glob("*.txt"))[0]
    (reports_copy / first.replace(".txt", ".meta.yml")).write_text("year: 2023\n", encoding="utf-8")
    for name in (".DS_Store", "~$统计表.xlsx", "~WRL0001.tmp", "Thumbs.db", "sub/desktop.ini", "Icon\r"):
        (reports_copy / name).write_bytes(b"\x00junk")
    pages = tmp_path / "pages"
    summary = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert summary.unread == sorted(others)
    assert summary.failed == [] and summary.converted == 5
    caplog.clear()
    assert cli_convert(reports_copy, pages) == 0  # not a failure: the reports were all converted
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and all(name in warnings[0] for name in others), warnings
    assert "3 other files not read" in caplog.text


def test_a_sidecar_beside_no_report_is_named(reports_copy, tmp_path, caplog):
    """A report renamed, its sidecar not: the correction no longer applies, and the command says which sidecar."""
    caplog.set_level(logging.INFO, logger="baogao")
    (reports_copy / "旧名.meta.yml").write_text("year: 2023\n", encoding="utf-8")
    first = sorted(reports_copy.glob("*.txt"))[0]
    first.with_name(first.stem + ".meta.yml").write_text("year: 2023\n", encoding="utf-8")  # its report is there
    os.mkfifo(reports_copy / "管道.txt")  # a report the scan refuses keeps its sidecar: not "beside no report"
    (reports_copy / "管道.meta.yml").write_text("year: 2023\n", encoding="utf-8")
    summary = convert_archive(reports_copy, tmp_path / "pages", jobs=1, progress=False)
    assert summary.orphans == ["旧名.meta.yml"] and summary.unread == []
    assert summary.failed == ["管道.txt: is not a regular file (a pipe, socket or device); not read"]
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "1 sidecar(s) beside no report, so they correct nothing: 旧名.meta.yml" in warnings[0]


def test_the_catalogue_is_complete():
    assert len(CASES) >= 20
    assert len({case.name for case in CASES}) == len(CASES)


# --- YAML-special titles: the front matter reads back as the very same title ----------------------

YAML_SPECIAL_TITLES = [
    ": 县政府工作报告", "# 县政府工作报告", "& 县政府工作报告", "&anchor 县政府工作报告", "* 县政府工作报告",
    "*alias 县政府工作报告", "| 县政府工作报告", "> 县政府工作报告", "'县政府工作报告'", '"县政府工作报告"',
    "县政府工作报告: 附件", "县政府工作报告 #注释", "%YAML 县政府工作报告", "@县政府工作报告", "`县政府工作报告`",
    "- 县政府工作报告", "[县政府工作报告]", "{县政府工作报告}", "~ 县政府工作报告",
    "县政府工作报告 ...", "县政府工作报告 ---", "县政府工作报告---", "null 县政府工作报告", "2023 县政府工作报告",
    "县政府工作报告 \\n 附件", "县政府\ufffe工作报告", "县政府\x80\x9f工作报告",
]
# (in a text these end its lines, as str.splitlines says: baogao.clean; a sidecar's title may hold them)
LINE_BREAKING_TITLES = ["县政府工作报告\u2028附件", "县政府\x85工作报告", "县政府\u2029工作报告", "县政府\x0b工作报告\x0c附件"]


@pytest.mark.parametrize("title", YAML_SPECIAL_TITLES)
def test_yaml_special_title_reads_back_unchanged(title):
    converted = convert_report(f"{title}\n正文。\n".encode("utf-8"), "x.txt", {})
    assert converted.meta["title"] == title and converted.meta["title_source"] == "text"
    meta, shown = shown_text(converted.page)  # MkDocs' own front-matter reader (libyaml)
    assert meta["title"] == title
    assert yaml.safe_load(converted.page.split("\n---\n", 1)[0].removeprefix("---\n")) == converted.meta
    assert shown == "正文。"


@pytest.mark.parametrize("title", LINE_BREAKING_TITLES)
def test_a_sidecar_title_with_line_separators_reads_back_unchanged(title):
    converted = convert_report(GOOD, "x.txt", {"title": title})
    meta, _ = shown_text(converted.page)
    assert converted.meta["title"] == meta["title"] == title
    assert yaml.safe_load(converted.page.split("\n---\n", 1)[0].removeprefix("---\n")) == converted.meta


@pytest.mark.parametrize("title", ["!ENV HOME", "!relative $config_dir", "!!python/name:os.system", "县政府工作报告!", "*a", "&a"])
def test_yaml_tags_in_a_sidecar_title_are_text(title):
    """MkDocs' loader knows !ENV and !relative: a title that starts with one must stay text."""
    converted = convert_report(GOOD, "x.txt", {"title": title})
    meta, _ = shown_text(converted.page)
    assert meta["title"] == title


def test_a_sidecar_title_keeps_the_reports_own_title_line_on_the_page(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "报告.txt").write_bytes(GOOD)
    (reports / "报告.meta.yml").write_text("title: 手工更正的标题\n", encoding="utf-8")  # as the README shows
    pages, site = build_site(reports, tmp_path)
    assert check_site(site, pages) == (1, [])


# --- a 20 MB line ---------------------------------------------------------------------------------

def test_a_20_mb_single_line_converts(tmp_path):
    line = "今年以来，<我办>认真履行职责&圆满完成[各项]任务。" * 400_000  # 24 characters, 70 bytes each time
    raw = line.encode("utf-8")[: 20 * 1024 * 1024]
    raw = raw[: len(raw.decode("utf-8", errors="ignore").encode("utf-8"))]  # end on a whole character
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "一行.txt").write_bytes(raw)
    summary = convert_archive(reports, tmp_path / "pages", jobs=1, progress=False)
    assert (summary.converted, summary.failed) == (1, [])
    text = raw.decode("utf-8")
    kept = (tmp_path / "pages" / "text" / f"{report_id('一行.txt')}.txt").read_text(encoding="utf-8")
    assert kept == text
    page = (tmp_path / "pages" / "reports" / f"{report_id('一行.txt')}.md").read_text(encoding="utf-8")
    body = page.split("\n---\n\n", 1)[1]
    assert body.count("\n") == 1 and html.unescape(body.rstrip("\n")) == text


# --- a paragraph of thousands of sentences ------------------------------------------------------------

@pytest.mark.parametrize("paragraph", [
    "的。" * 50_000 + "县政府督查室对全县重点项目开展专项督查，督查督办件全部办结。",  # the theme's sentence last
    "接待来访群众，化解信访矛盾，落实任务，开展督查督办；" * 4_000 + "。",  # one run of demands, ；by ；
], ids=["sentences", "run of demands"])
def test_a_paragraph_of_thousands_of_sentences_is_classified(paragraph):
    """Each sentence is read once, in its run of demands (as many of them as the paragraph has): a
    lookup of its run among all the paragraph's took minutes here."""
    text = f"关于2023年工作的报告\n一、其他工作\n{paragraph}\n二、其他\n接访群众。\n县政府办公室\n2024年1月5日\n"
    converted = convert_report(text.encode(), "x.txt", {}, TAXONOMY)
    assert "信访" in converted.meta["themes"]


@pytest.mark.parametrize("text", [
    # a news item's opening whose first item runs on after a comma (_opened_items)
    "关于加强作风建设的通报\n" + "加强作风建设改进工作作风" * 8_000 + "。县纪委要求检查组开展明察暗访工作，一是严肃纪律；"
    "二是改进作风；三是加强作风建设；\n县纪委\n",
    # a section's paragraph whose last clause introduces the items (_introduced_items)
    "2023年工作总结\n一、作风建设\n" + "加强作风建设改进工作作风" * 8_000 + "。县纪委要求：\n一是严肃纪律；二是改进作风；"
    "三是加强作风建设；\n二、其他\n接访群众。\n",
], ids=["run-on item", "introduced items"])
def test_a_clause_of_100_000_characters_before_a_list_is_read_once(text):
    """The last clause before a list is found from its end: a search for it from each character of a
    long clause before took a minute and more here."""
    started = time.perf_counter()
    converted = convert_report(text.encode(), "x.txt", {}, TAXONOMY)
    assert "作风建设" in converted.meta["themes"]
    assert time.perf_counter() - started < 10  # 0.2 s; 40,000 characters took 11 s


@pytest.mark.parametrize("heading, item, theme", [
    ("一、作风建设", "一是严格执行考勤制度，严禁上班时间玩手机；二是改进工作作风，提高办事效率；", "作风建设"),
    # one shortcoming of many names the theme in passing
    ("一、存在的不足", "一是学习不够深入；二是调查研究不够；三是作风建设有待加强；", None),
], ids=["demands", "shortcomings"])
def test_a_list_of_thousands_of_items_is_read_once(heading, item, theme):
    """Each item of a list is read with its list (_shortcoming_share): the list was gathered and read
    again for each of its items, 13 minutes for 100,000 characters of shortcomings (4 s of demands)."""
    text = f"2023年工作总结\n{heading}\n{item * (100_000 // len(item))}\n二、其他\n接访群众。\n"
    started = time.perf_counter()
    converted = convert_report(text.encode(), "x.txt", {}, TAXONOMY)
    assert (theme in converted.meta["themes"]) if theme else "作风建设" not in converted.meta["themes"]
    assert time.perf_counter() - started < 10  # 1 s


# --- many one-character counties in a long text -------------------------------------------------------

def test_many_one_character_counties_among_the_tables_names_are_found_in_linear_time():
    """A one-character county (深入代县) is checked against the one table name it might overlap, not against all of
    them, and the verb before a name 红安县 might be part of (落实霍邱县委) is looked for just before it, not in all the
    text before: each took 5 to 20 s for 200,000 characters here, growing as their square."""
    text = "深入代县开展督导，红安县" * 25_000  # 300,000 characters
    start = time.monotonic()
    found = find_places(text)
    assert time.monotonic() - start < 10
    assert [p.name for p in found[:2]] == ["代县", "红安县"] and len(found) == 50_000


# --- a notice of thousands of parts under the same headings -------------------------------------------

def test_thousands_of_headings_of_the_same_text_get_their_anchors_in_linear_time():
    """一、时间安排 …（一）工作要求 in each of 10,000 parts: each repeated heading's anchor (一时间安排-9999) is
    the next free number after its previous copy's, not looked for from 2 again: 30 s here before."""
    parts = [Block("heading", text, level=2) for _ in range(10_000) for text in ("一、时间安排", "（一）工作要求")]
    blocks = (Block("heading", "一时间安排-3", level=2), *parts)  # a heading whose own anchor is one of the copies'
    report = ParsedReport(title="关于开展专项督查的通知", title_inferred=False, title_in_text=True, blocks=blocks)
    start = time.monotonic()
    anchors = block_anchors(report)
    assert time.monotonic() - start < 5  # 0.05 s
    assert [anchors[i] for i in (0, 1, 3, 5, 7)] == ["一时间安排-3", "一时间安排", "一时间安排-2", "一时间安排-4", "一时间安排-5"]
    assert len(set(anchors.values())) == len(blocks)


# --- a conversion killed half-way -------------------------------------------------------------------

def make_archive(folder: Path, count: int) -> list[str]:
    """`count` small reports (the opening lines of the samples, each made distinct)."""
    samples = ["\n".join(p.read_text(encoding="utf-8").split("\n")[:8])[:1500] for p in sorted(REPORTS.glob("*.txt"))]
    folder.mkdir(parents=True)
    names = [f"报告{i:03d}.txt" for i in range(count)]
    for i, name in enumerate(names):
        (folder / name).write_text(f"{samples[i % 5]}\n第{i}号补充说明。\n", encoding="utf-8")
    return names


def convert_command(reports: Path, pages: Path) -> list[str]:
    return [sys.executable, "-m", "baogao.cli", "convert", "--reports", str(reports), "--pages", str(pages), "--jobs", "1"]


def test_a_killed_conversion_leaves_whole_pages_and_a_rerun_completes(tmp_path):
    reports, pages = tmp_path / "reports", tmp_path / "pages"
    names = make_archive(reports, 300)
    process = subprocess.Popen(convert_command(reports, pages), cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if (pages / "reports").is_dir() and len(list((pages / "reports").glob("*.md"))) >= 30:
            break
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "the conversion ended before it could be killed"

    # Every page and kept text on disk is whole: exactly what converting its source gives.
    written = sorted((pages / "reports").glob("*.md"))
    assert 30 <= len(written) < len(names)
    expected = {}
    for name in names:
        converted = convert_report((reports / name).read_bytes(), name, {}, TAXONOMY)
        expected[f"reports/{converted.meta['id']}.md"] = converted.page
        expected[f"text/{converted.meta['id']}.txt"] = converted.text
        # what a themes.yml edit re-classifies from (baogao.convert.Prepared)
        expected[f"{PREPARED_FOLDER}/{converted.meta['id']}.json"] = prepare_report((reports / name).read_bytes(), name, {}).to_json()
    leftovers = []
    for path in sorted(pages.rglob("*")):
        rel = path.relative_to(pages).as_posix()
        if path.is_file() and rel in expected:
            assert path.read_text(encoding="utf-8") == expected[rel], f"{rel} is not whole"
        elif path.is_file():
            leftovers.append(path.name)
    # What a killed writer may leave besides: its temporary file (.NAME.PID.tmp), never a partial page;
    # and the run's lock and state file (written first: it marks the folder as converted pages)
    assert json.loads((pages / STATE_FILE).read_text(encoding="utf-8")) == {}
    leftovers = [name for name in leftovers if name not in (PAGES_LOCK, STATE_FILE)]
    assert all(name.startswith(".") and name.endswith(f".{process.pid}.tmp") for name in leftovers), leftovers

    rerun = subprocess.run(convert_command(reports, pages), cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert "300 converted" in rerun.stderr or f"{300 - len(written)} converted" in rerun.stderr
    assert {p.stem for p in (pages / "reports").glob("*.md")} == {report_id(name) for name in names}
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    assert len(catalog) == 300


def test_a_file_name_that_is_not_utf8_is_converted_or_named(reports_copy, tmp_path):
    name = os.fsdecode("县政府报告".encode("gbk") + b".txt")
    (reports_copy / name).write_bytes(GOOD)
    summary = convert_archive(reports_copy, tmp_path / "pages", jobs=1, progress=False)
    assert summary.converted == 6 or (
        len(summary.failed) == 1 and "internal error" not in summary.failed[0] and ".txt" in summary.failed[0]
    ), summary.failed
    if summary.converted == 6:  # then its page, the catalog and the state file are valid UTF-8
        for path in (tmp_path / "pages").rglob("*"):
            if path.is_file():
                path.read_bytes().decode("utf-8")


def test_a_rerun_removes_the_temporary_files_of_a_killed_run(reports_copy, tmp_path):
    pages = tmp_path / "pages"
    convert_archive(reports_copy, pages, jobs=1, progress=False)
    page = next((pages / "reports").glob("*.md"))
    left = [page.with_name(f".{page.name}.99999.tmp"), pages / "text" / f".{page.stem}.txt.99999.tmp"]
    for path in left:  # exactly what write_atomic leaves when killed between write_text and os.replace
        path.write_text(page.read_text(encoding="utf-8")[:100], encoding="utf-8")
    (reports_copy / "新报告.txt").write_bytes(GOOD)
    convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert [p.name for p in left if p.exists()] == []


# --- reproducible builds ------------------------------------------------------------------------------

def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def differing(one: dict[str, bytes], two: dict[str, bytes]) -> list[str]:
    return sorted(name for name in one.keys() | two.keys() if one.get(name) != two.get(name))


def test_two_builds_of_the_same_input_are_byte_identical(sample_site, tmp_path):
    _, one = sample_site  # built the same way (conftest.build_site), in another folder
    _, two = build_site(REPORTS, tmp_path / "two")
    files = files_of(one)
    assert len(files) > 50 and differing(files, files_of(two)) == []


@pytest.fixture(scope="module")
def two_cli_builds(tmp_path_factory) -> list[tuple[dict[str, bytes], dict[str, bytes]]]:
    """`baogao build` twice, in two processes (other hash seeds), from two copies in other folders."""
    work = tmp_path_factory.mktemp("cli-builds")
    builds = []
    for n in (1, 2):
        reports = work / f"copy{n}" / "reports"
        shutil.copytree(REPORTS, reports)
        site, pages = work / f"site{n}", work / f"pages{n}"
        command = [sys.executable, "-m", "baogao.cli", "build", "--reports", str(reports), "--pages", str(pages),
                   "--out", str(site), "--jobs", "1", "--quiet"]
        env = {**os.environ, "PYTHONHASHSEED": str(n), "NO_MKDOCS_2_WARNING": "1"}
        env.pop("SOURCE_DATE_EPOCH", None)
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
        builds.append((files_of(site), files_of(pages)))
    return builds


def test_cli_builds_in_two_processes_and_folders_differ_at_most_in_the_build_stamp(two_cli_builds):
    (site_one, pages_one), (site_two, pages_two) = two_cli_builds
    assert len(site_one) > 50
    assert differing(site_one, site_two) in ([], [".baogao-build"])
    # the pages folders' memories of files read (baogao.filememo) are keyed by the files' inodes:
    # the other folder's reports are other files
    # (and the lock names the run that held it)
    memories = {SOURCES_FILE, DIGESTS, KEYS_FILE, PAGES_LOCK}
    assert set(differing(pages_one, pages_two)) <= memories


def test_cli_builds_in_two_folders_have_the_same_build_stamp(two_cli_builds):
    (site_one, _), (site_two, _) = two_cli_builds
    assert differing(site_one, site_two) == []


class _Tomorrow(dt.datetime):
    """The clock one day on: what a build started just after midnight sees."""

    @classmethod
    def now(cls, tz=None):
        return dt.datetime.now(tz) + dt.timedelta(days=1)


def test_builds_on_two_days_are_byte_identical(tmp_path, monkeypatch):
    import mkdocs.utils

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    _, today = build_site(REPORTS, tmp_path / "today")
    monkeypatch.setattr(mkdocs.utils, "datetime", _Tomorrow)
    _, tomorrow = build_site(REPORTS, tmp_path / "tomorrow")
    assert differing(files_of(today), files_of(tomorrow)) == []


def test_sidecar_text_in_the_scripts_of_minority_regions_is_accepted():
    """Mongolian's vowel separator (U+180E), the joiners and the marks of Uyghur writing are characters of the text,
    not hidden tricks: a sidecar holding them corrects its report (only overrides, invisible spaces, surrogates and
    noncharacters are refused)."""
    values = {"title": "ᠬᠠᠷ\u180eᠠ 2023年工作总结", "org": "ئۇيغۇر\u200c\u200f ئاپتونوم رايونى ئىشخانىسى"}
    assert validate_sidecar(values, "维文.meta.yml") == values
