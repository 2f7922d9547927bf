"""The .pdf reader (baogao/readers/pdf.py): reading order, running headers and page numbers
dropped, wrapped lines joined; every real text printed to PDF by LibreOffice (Noto CJK) comes
back ≥ 99.5 % with its outline; scans, encryption, truncation, bombs and page floods are refused
with a clear message."""

from __future__ import annotations

import os
import signal
import threading
import time
import zlib

import pytest

from baogao import readers
from baogao.readers import ReadError, _sandbox
from baogao.readers._layout import Glyph, Line, _joined, lines_of, page_text
from tests.office_fixtures import convert_with_soffice, measure, report_docx, soffice


def minimal_pdf(content: bytes | tuple[bytes, ...], *, pages: int = 1, flate: bool = False, resources: bytes = b"") -> bytes:
    """A PDF written object by object: `pages` pages drawing `content` (no text operators: a scan), or each page its
    own of a tuple of contents, with the page `resources` given."""
    contents = content if isinstance(content, tuple) else (content,) * pages
    pages = len(contents)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               f"<< /Type /Pages /Kids [{' '.join(f'{3 + 2 * i} 0 R' for i in range(pages))}] /Count {pages} >>".encode()]
    for i, content in enumerate(contents):
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * i} 0 R ".encode()
                       + resources + b" >>")
        objects.append(b"<< /Length %d%s >>\nstream\n" % (len(content), b" /Filter /FlateDecode" if flate else b"")
                       + content + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.corpus
def test_every_real_text_printed_to_pdf_keeps_its_text_and_outline(office_files):
    print(f"\n{office_files['seconds']}")
    figures = measure(office_files["pdf"], "pdf")
    assert figures["worst"][0] >= 0.995, figures["worst"]
    assert all(same for _, same, _ in figures["results"]), [name for _, same, name in figures["results"] if not same]


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """One report printed by LibreOffice with a running header and page numbers, over several pages."""
    if not soffice():
        pytest.skip("LibreOffice (soffice) not found: apt-get install libreoffice-writer-nogui")
    work = tmp_path_factory.mktemp("pdf")
    sentences = ["今年以来，县政府办公室坚持以习近平新时代中国特色社会主义思想为指导", "认真落实“马上就办、真抓实干”的要求",
                 "全年共开展专项督查十二次", "办理群众来信来访三百余件", "编发《政务信息》一百二十期", "文风会风持续改进"]

    def paragraph(k: int, n: int) -> str:
        return "，".join(sentences[(k + j) % len(sentences)] for j in range(n)) + "。"

    lines = ["县政府办公室2023年工作总结", "一、主要工作", paragraph(0, 20), "（一）强化督查督办", paragraph(1, 40), "（二）改进文风会风",
             paragraph(2, 60), "二、存在问题", paragraph(3, 50), "三、下步打算", paragraph(4, 30)]
    (work / "总结.docx").write_bytes(report_docx("\n".join(lines), running="县政府办公室"))
    [pdf] = convert_with_soffice([work / "总结.docx"], "pdf", work, work / "profile")
    return lines, pdf.read_bytes()


def test_running_headers_and_page_numbers_go_and_wrapped_paragraphs_are_joined(printed):
    lines, raw = printed
    document = readers.read(raw, "总结.pdf")
    assert int(document.properties["pages"]) >= 3
    assert document.text.split("\n") == lines  # each paragraph one line again; no 县政府办公室 header, no — 2 —
    assert int(document.properties["running_lines"]) == 2 * int(document.properties["pages"])


@pytest.mark.parametrize(("spacing", "expected"), [
    (24.7, ["第一段写满了这一行。", "第一段的第二句也写到右边距为止。", "聚焦生态文明，厚植绿色发展底色。", "第二段写到右边距为止。"]),
    (14.7, ["第一段写满了这一行。", "第一段的第二句也写到右边距为止。聚焦生态文明，厚植绿色发展底色。", "第二段写到右边距为止。"]),
], ids=["a-paragraphs-spacing-starts-one", "a-line-at-the-line-pitch-goes-on"])
def test_a_file_without_indents_starts_a_paragraph_where_the_spacing_is_a_paragraphs(spacing, expected):
    # (no first-line indent: a full line that ends a sentence goes on unless the next is set apart by a paragraph's spacing)
    def line(text: str, top: float, right: float = 519.0) -> Line:
        return Line(text, 90.0, right, top, 10.5)

    page = [line("第一段写满了这一行。", 100.0, 300.0), line("第一段的第二句也写到", 124.7), line("右边距为止。", 139.4),
            line("聚焦生态文明，厚植绿色发展底色。", 139.4 + spacing, 266.0), line("第二段", 164.1 + spacing),
            line("写到", 178.8 + spacing), line("右边距", 193.5 + spacing), line("为止。", 208.2 + spacing, 150.0)]
    assert _joined([page]).split("\n") == expected


def _table_line(text: str, top: float, left: float = 90.0, right: float = 519.0) -> Line:
    return Line(text, left, right, top, 10.5)


# a table's rows on the page, set closer than the text: short cells, or a last column that wraps at the margin
_SHORT_ROWS = [_table_line(f"城关镇 {n}6 {n}0", 100.0 + 14 * n, right=200.0) for n in range(8)]
_WRAPPED_CELLS = [cell for n in range(4) for cell in (
    _table_line("城关镇", 100.0 + 42 * n, right=150.0), _table_line("值班人员脱岗，值班记录填写", 100.0 + 42 * n, left=300.0),
    _table_line("不规范，交接班不到位。", 114.0 + 42 * n, left=300.0), _table_line("已于3月整改", 128.0 + 42 * n, left=300.0, right=420.0))]


@pytest.mark.parametrize("rows", [_SHORT_ROWS, _WRAPPED_CELLS], ids=["short-cells", "cells-wrapping-at-the-margin"])
def test_a_tables_tighter_rows_on_the_page_are_no_paragraphs_line_pitch(rows):
    # (a 通报's table set closer than its text: the text's line pitch, between its lines at the margin, is no paragraph's
    # spacing)
    body = [_table_line("第一段写满了这一行并且以句号结束。", 300.0), _table_line("第一段的第二句接着写到右边距为止", 328.0),
            _table_line("然后结束。", 356.0, right=200.0)]
    assert _joined([rows + body]).split("\n")[-1] == "第一段写满了这一行并且以句号结束。第一段的第二句接着写到右边距为止然后结束。"


def _body_page(top: float = 100.0) -> list[Line]:
    """A page of one paragraph: full lines, the last one short."""
    return [_table_line("全县重点项目要倒排工期，挂图作战，确保按期完成年度投资任务", top + 28 * n) for n in range(20)] + [
        _table_line("压实责任。", top + 560, right=150.0)]


def test_a_signature_and_its_date_set_right_are_lines_of_their_own():
    # (a 公文's 发文机关署名 and 成文日期 are set right, so reach the right margin without being wrapped lines)
    page = _body_page()[-3:] + [_table_line("××县人民政府办公室", 700.0, left=330.0), _table_line("2024年3月5日", 728.0, left=390.0),
                                _table_line("（此件公开发布）", 756.0, left=111.0, right=270.0)]
    assert _joined([page]).split("\n")[-3:] == ["××县人民政府办公室", "2024年3月5日", "（此件公开发布）"]


def test_the_widest_line_of_a_short_last_page_is_not_a_full_one():
    # (the last page holds the 附件 list: its widest line stops far from the right margin the other pages' text reaches)
    last = [_table_line("附件：1.××县2024年重点项目清单", 100.0, right=300.0), _table_line("2.××县2024年重点项目责任分工表", 128.0, right=290.0)]
    assert _joined([_body_page(), _body_page(), last]).split("\n")[-2:] == [line.text for line in last]


def _glyphs(text: str, left: float, size: float = 12.0) -> list[Glyph]:
    return [(left + size * k, left + size * (k + 1), 493.1, 504.2, char) for k, char in enumerate(text)]


def test_white_space_wider_than_a_character_between_table_cells_is_kept():
    # (the header row of a table printed by LibreOffice: each cell's characters, the gap between cells 7 characters wide;
    # a quotation mark set in another font leaves a narrow gap, which is no white space)
    row = _glyphs("序号", 79.5) + _glyphs("单位", 190.0) + _glyphs("隐患内容", 300.6) + _glyphs("“整改”时限", 411.1)
    row[-3] = (row[-3][0] + 3.0, row[-3][1] + 3.0, *row[-3][2:])
    [line] = lines_of(row)
    assert line.text == "序号 单位 隐患内容 “整改”时限"


@pytest.mark.parametrize("turn", [b"0 1 -1 0", b"0 -1 1 0"], ids=["upwards", "downwards"])
def test_a_page_whose_lines_run_up_or_down_is_read_along_its_lines(turn):
    # (a landscape table printed onto a portrait page: its text set a quarter turn; the next line is further down
    # in the text's own frame)
    x, y, step = (100, 90, 20) if turn.startswith(b"0 1") else (400, 750, -20)
    content = b"BT /F1 12 Tf " + b" ".join(b"%s %d %d Tm (%s) Tj" % (turn, x + step * k, y, text) for k, text in
                                        enumerate([b"Table 3 Towns", b"Chengguan 98", b"Hekou 95"])) + b" ET"
    raw = minimal_pdf(content, resources=b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>")
    assert readers.read(raw, "附表.pdf").text.split("\n") == ["Table 3 Towns", "Chengguan 98", "Hekou 95"]


def test_a_page_of_short_lines_has_no_full_line():
    # (a one-page 名单: its widest line is far from the right margin of a 595-point page)
    page = [_table_line("附表：各乡镇完成情况", 100.0, right=195.0), _table_line("城关镇完成率百分之九十八", 128.0, right=216.0),
            _table_line("河口乡完成率百分之九十五", 156.0, right=216.0)]
    assert page_text([page], [595.0])[0].split("\n") == [line.text for line in page]


def test_a_pdf_is_chosen_by_its_content(printed):
    _, raw = printed
    assert readers.read(raw, "总结.txt").reader == "pdf"


def test_a_pdf_without_text_is_refused_as_a_scan():
    with pytest.raises(ReadError, match=r"has no text layer \(2 page\(s\) of images: a scanned PDF\?\).*no OCR"):
        readers.read(minimal_pdf(b"0 0 100 100 re f", pages=2), "扫描件.pdf")


_FONT = b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
_IMAGE = b"q 100 0 0 100 100 600 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q"


def test_a_scanned_page_among_pages_of_text_is_counted_and_the_build_says_so(tmp_path):
    """Its words are in an image no one reads: the report is converted, and its page lacks them — the build says so."""
    from baogao.convert import convert_archive

    text, more = (b"BT /F1 12 Tf 72 720 Td (Annual report of the office) Tj ET", b"BT /F1 12 Tf 72 700 Td (Work done) Tj ET")
    raw = minimal_pdf((text, _IMAGE, more + b" " + _IMAGE), resources=_FONT)  # (an image beside text is no scan)
    document = readers.read(raw, "report.pdf")
    assert "Annual report of the office" in document.text and document.properties["image_pages"] == "1"
    assert "image_pages" not in readers.read(minimal_pdf((text, more), resources=_FONT), "report.pdf").properties
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "report.pdf").write_bytes(raw)
    summary = convert_archive(tmp_path / "reports", tmp_path / "pages", jobs=1, progress=False)
    assert any("report.pdf: 1 page(s) hold only images" in warning for warning in summary.warnings), summary.warnings


def test_a_truncated_pdf_is_named_as_such(printed):
    _, raw = printed
    with pytest.raises(ReadError, match="is a truncated PDF"):
        readers.read(raw[: len(raw) // 2], "总结.pdf")


def test_a_damaged_pdf_gets_a_clear_message():
    with pytest.raises(ReadError, match="damaged or truncated PDF"):
        readers.read(b"%PDF-1.7\n" + bytes(300) + b"\n%%EOF\n", "坏.pdf")


def test_a_password_protected_pdf_is_refused(tmp_path):
    if not soffice():
        pytest.skip("LibreOffice (soffice) not found")
    (tmp_path / "密.docx").write_bytes(report_docx("关于作风建设的情况汇报\n正文。"))
    export = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
              '"DocumentOpenPassword":{"type":"string","value":"123456"}}')
    [pdf] = convert_with_soffice([tmp_path / "密.docx"], export, tmp_path / "out", tmp_path / "profile")
    raw = (tmp_path / "out" / "密.pdf").read_bytes()
    with pytest.raises(ReadError, match="is a password-protected PDF"):
        readers.read(raw, "密.pdf")


def test_too_many_pages_are_refused():
    with pytest.raises(ReadError, match=r"has 5,001 pages, more than a report can have"):
        readers.read(minimal_pdf(b"", pages=5001), "书.pdf")


def test_a_stream_that_inflates_beyond_the_memory_limit_stops_the_reader_not_the_batch(monkeypatch):
    monkeypatch.setattr(_sandbox, "MEMORY_BYTES", 256 * 2**20)
    compressor = zlib.compressobj(1)
    bomb = b"".join(compressor.compress(b" " * 2**24) for _ in range(32)) + compressor.flush()  # 512 MB of spaces
    with pytest.raises(ReadError, match="limit of 256 MiB of memory|needs more than 256 MiB"):
        readers.read(minimal_pdf(bomb, flate=True), "炸弹.pdf")


def test_a_reader_that_hangs_is_stopped(monkeypatch):
    monkeypatch.setattr(_sandbox, "SECONDS", 1)
    with pytest.raises(ReadError, match="took longer than 1 s to read as a test file"):
        _sandbox.sandboxed(lambda raw: __import__("time").sleep(30), b"", what="test file")


def test_a_ctrl_c_during_a_sandboxed_read_is_a_keyboardinterrupt_and_stops_the_reader():
    """(It was an UnboundLocalError, which the batch reported as the file's internal error and went on.)"""
    interrupt = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    interrupt.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        _sandbox.sandboxed(lambda raw: time.sleep(30), b"", what="test file")
    assert time.monotonic() - started < 10


def _read_forever(raw: bytes) -> None:
    with open(raw.decode(), "w") as out:  # the reader's pid, then nothing for 30 s
        out.write(str(os.getpid()))
    time.sleep(30)


def _reading_worker(pid_file: str) -> None:
    _sandbox.sandboxed(_read_forever, pid_file.encode(), what="test file")


def test_a_reader_ends_with_the_worker_that_reads():
    """A worker ended by SIGTERM (the command stopped: baogao.workers) takes its reader with it: the reader used to
    read on without a time limit (the clock was the worker's), holding the build's locks."""
    import multiprocessing
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        pid_file = os.path.join(folder, "reader.pid")
        worker = multiprocessing.get_context("fork").Process(target=_reading_worker, args=(pid_file,))
        worker.start()
        deadline = time.monotonic() + 10
        while not (os.path.exists(pid_file) and open(pid_file).read()) and time.monotonic() < deadline:
            time.sleep(0.02)
        reader = int(open(pid_file).read())
        worker.terminate()
        worker.join(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                state = open(f"/proc/{reader}/stat").read().rsplit(")", 1)[1].split()[0]
            except FileNotFoundError:
                break
            if state in ("Z", "X"):
                break
            time.sleep(0.05)
        else:
            os.kill(reader, signal.SIGKILL)
            pytest.fail("the reader outlived the worker that read")
