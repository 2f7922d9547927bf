"""Safety of the inputs and of the search index (issue 11).

Inputs: an unreadable folder or file keeps its last page and is an error; symlinks follow one
rule (followed inside the reports folder, refused outside; loops and dangling links named); a
huge binary file is rejected from its head and remembered, not read again; 252–255-byte names
convert; stray NULs are dropped, counted and warned about.

Index: a missing, truncated or corrupted index file, a missing site or a site without an index
is a one-line error with exit status 2 in `baogao search`, never a traceback or a wrong answer.
(The browser's side is in tests/test_search_browser.py.)
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from baogao import sources
from baogao.cli import main as baogao
from baogao.convert import STATE_FILE, convert_archive, report_id
from baogao.readers.txt import binary_head
from baogao.search.index import INDEX_DIR, shard_name, shard_of
from tests.conftest import REPORTS, ROOT, build_site
from tests.hostile_inputs import GOOD, SAMPLE_NAMES, shown_text, snapshot, squeeze

NOBODY = 65534
SAMPLE_IDS = {report_id(name) for name in SAMPLE_NAMES}


def convert(reports: Path, pages: Path):
    return convert_archive(reports, pages, jobs=1, progress=False)


def page_ids(pages: Path) -> set[str]:
    return {p.stem for p in (pages / "reports").glob("*.md")}


# --- unreadable folders and files: run as an unprivileged user (root reads anything) ---------------

@pytest.fixture
def nobody_workdir():
    """A folder the unprivileged user owns (pytest's tmp_path is private to root)."""
    if os.geteuid() == 0 and not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: chmod 000 cannot make a file unreadable")
    work = Path(tempfile.mkdtemp(prefix="baogao-nobody-"))
    work.chmod(0o755)
    yield work
    shutil.rmtree(work, ignore_errors=True)


def unprivileged_convert(reports: Path, pages: Path) -> subprocess.CompletedProcess:
    """`baogao convert` as the unprivileged user (as root: via setpriv, on files it owns)."""
    command = [sys.executable, "-m", "baogao.cli", "convert", "--reports", str(reports), "--pages", str(pages),
               "--jobs", "1", "--quiet"]
    if os.geteuid() == 0:
        for path in [reports.parent, *reports.parent.rglob("*")]:
            os.chown(path, NOBODY, NOBODY, follow_symlinks=False)
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_an_unreadable_folder_is_an_error_and_its_pages_stay(nobody_workdir):
    reports, pages = nobody_workdir / "reports", nobody_workdir / "pages"
    shutil.copytree(REPORTS, reports)
    (reports / "机密").mkdir()
    (reports / "机密" / "内部报告.txt").write_bytes(GOOD)
    assert unprivileged_convert(reports, pages).returncode == 0
    before = snapshot(pages, SAMPLE_IDS | {report_id("机密/内部报告.txt")})
    state = json.loads((pages / STATE_FILE).read_text(encoding="utf-8"))

    (reports / "机密").chmod(0)
    try:
        done = unprivileged_convert(reports, pages)
    finally:
        (reports / "机密").chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert "error: 机密/: cannot read this folder (Permission denied)" in done.stderr
    assert "0 removed, 1 kept from the last run" in done.stderr and "Traceback" not in done.stderr
    assert snapshot(pages, SAMPLE_IDS | {report_id("机密/内部报告.txt")}) == before
    assert json.loads((pages / STATE_FILE).read_text(encoding="utf-8"))["机密/内部报告.txt"] == state["机密/内部报告.txt"]
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    assert "机密/内部报告.txt" in {entry["source"] for entry in catalog}


def test_an_unreadable_file_is_an_error_and_its_page_stays(nobody_workdir):
    reports, pages = nobody_workdir / "reports", nobody_workdir / "pages"
    shutil.copytree(REPORTS, reports)
    locked = reports / SAMPLE_NAMES[0]
    assert unprivileged_convert(reports, pages).returncode == 0
    before = snapshot(pages, SAMPLE_IDS)

    locked.chmod(0)
    done = unprivileged_convert(reports, pages)
    assert done.returncode == 1, done.stderr
    assert f"error: {SAMPLE_NAMES[0]}: cannot be read (Permission denied); its last page is kept" in done.stderr
    assert "Traceback" not in done.stderr and "1 kept from the last run" in done.stderr
    assert snapshot(pages, SAMPLE_IDS) == before


def test_a_file_that_fails_to_read_is_named_and_the_rest_converts(reports_copy, tmp_path, monkeypatch):
    pages = tmp_path / "pages"
    convert(reports_copy, pages)
    real_read = sources.read_report

    def failing_read(path: Path, rel_path: str) -> bytes:
        if path.name == SAMPLE_NAMES[1]:
            raise OSError(5, "Input/output error", str(path))
        return real_read(path, rel_path)

    monkeypatch.setattr("baogao.convert.read_report", failing_read)
    # touched, so that this run reads it (a file as the last run read it is not read again, and
    # keeps its page: baogao.filememo)
    os.utime(reports_copy / SAMPLE_NAMES[1])
    (reports_copy / "新报告.txt").write_bytes(GOOD)
    summary = convert(reports_copy, pages)
    assert summary.failed == [f"{SAMPLE_NAMES[1]}: cannot be read (Input/output error); its last page is kept"]
    assert (summary.converted, summary.kept) == (1, 1)
    assert page_ids(pages) == SAMPLE_IDS | {report_id("新报告.txt")}


# --- symlinks ---------------------------------------------------------------------------------------

def test_a_report_symlinked_to_etc_passwd_is_refused(reports_copy, tmp_path, caplog):
    (reports_copy / "passwd.txt").symlink_to("/etc/passwd")
    (reports_copy / "下级").mkdir()
    (reports_copy / "下级" / "账户.txt").symlink_to("../../../../../../../etc/passwd")
    pages = tmp_path / "pages"
    summary = convert(reports_copy, pages)
    assert sorted(summary.failed) == [
        "passwd.txt: is a symlink to /etc/passwd, outside the reports folder; refused (copy it into the folder to convert it)",
        "下级/账户.txt: is a symlink to /etc/passwd, outside the reports folder; refused (copy it into the folder to convert it)",
    ]
    assert page_ids(pages) == SAMPLE_IDS
    assert not any("root:x:0:0" in p.read_text(encoding="utf-8") for p in pages.rglob("*") if p.is_file())
    caplog.set_level(logging.INFO, logger="baogao")
    assert baogao(["convert", "--reports", str(reports_copy), "--pages", str(pages), "--quiet"]) == 1


def test_symlink_loops_and_dangling_links_are_named(reports_copy, tmp_path):
    (reports_copy / "甲.txt").symlink_to("乙.txt")
    (reports_copy / "乙.txt").symlink_to("甲.txt")
    (reports_copy / "自己.txt").symlink_to("自己.txt")
    (reports_copy / "子目录").mkdir()
    (reports_copy / "子目录" / "上级").symlink_to("..")
    (reports_copy / "已删除.txt").symlink_to("不存在的报告.txt")
    summary = convert(reports_copy, tmp_path / "pages")
    assert sorted(summary.failed) == [
        "乙.txt: is a symlink loop (it leads back to itself); not followed",
        "子目录/上级: is a symlink to a folder that contains it (a loop); not followed",
        "已删除.txt: is a dangling symlink (its target 不存在的报告.txt does not exist); its last pages are "
        "kept until the link is fixed or removed",
        "甲.txt: is a symlink loop (it leads back to itself); not followed",
        "自己.txt: is a symlink loop (it leads back to itself); not followed",
    ]
    assert summary.converted == 5 and page_ids(tmp_path / "pages") == SAMPLE_IDS


def test_a_link_whose_target_disappears_keeps_its_page(reports_copy, tmp_path):
    (reports_copy / "存档").mkdir()
    (reports_copy / "存档" / "报告.txt").write_bytes(GOOD)
    (reports_copy / "快捷方式.txt").symlink_to("存档/报告.txt")
    pages = tmp_path / "pages"
    assert convert(reports_copy, pages).converted == 7
    (reports_copy / "存档" / "报告.txt").unlink()
    summary = convert(reports_copy, pages)
    assert summary.failed == ["快捷方式.txt: is a dangling symlink (its target 存档/报告.txt does not exist); "
                              "its last pages are kept until the link is fixed or removed"]
    assert (summary.kept, summary.removed) == (1, 1)  # the link's page stays; the deleted file's goes
    assert page_ids(pages) == SAMPLE_IDS | {report_id("快捷方式.txt")}


def test_folder_symlinks_are_followed_inside_and_refused_outside(reports_copy, tmp_path):
    (reports_copy / "2023").mkdir()
    (reports_copy / "2023" / "年度报告.txt").write_bytes(GOOD)
    (reports_copy / "最新").symlink_to("2023")
    (reports_copy / "本年.txt").symlink_to("2023/年度报告.txt")
    outside = tmp_path / "别处"
    outside.mkdir()
    (outside / "外部报告.txt").write_text("外部的报告\n不应出现在归档里。\n", encoding="utf-8")
    (reports_copy / "外部").symlink_to(outside)
    (reports_copy / "说明.md").symlink_to(outside / "外部报告.txt")  # not a report: ignored, as any .md
    pages = tmp_path / "pages"
    summary = convert(reports_copy, pages)
    assert summary.failed == [f"外部: is a symlink to {os.path.realpath(outside)}, outside the reports folder; refused "
                              "(copy it into the folder to convert it)"]
    inside = {"2023/年度报告.txt", "最新/年度报告.txt", "本年.txt"}  # a followed link is like a copy
    assert page_ids(pages) == SAMPLE_IDS | {report_id(name) for name in inside}
    assert not any("外部的报告" in p.read_text(encoding="utf-8") for p in (pages / "text").glob("*.txt"))


# --- a huge binary file ---------------------------------------------------------------------------

class _CountedFile:
    """A file opened by baogao.sources, with the bytes read from it counted."""

    def __init__(self, file, opened: dict[str, int], name: str):
        self.file, self.opened, self.name = file, opened, name

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.opened[self.name] += len(data)
        return data

    def fileno(self) -> int:
        return self.file.fileno()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.file.close()


@pytest.fixture
def counted_opens(monkeypatch) -> dict[str, int]:
    """File name → bytes read, for every file that baogao.sources opens (the reports)."""
    opened: dict[str, int] = {}

    def counting_open(path, mode="r", *args, **kwargs):
        name = Path(path).name
        opened.setdefault(name, 0)
        return _CountedFile(open(path, mode, *args, **kwargs), opened, name)

    monkeypatch.setattr(sources, "open", counting_open, raising=False)
    return opened


def test_a_3_gb_binary_is_rejected_from_its_head_and_not_opened_again(reports_copy, tmp_path, counted_opens, caplog):
    big = reports_copy / "录像.txt"
    with big.open("wb") as file:
        file.truncate(3 * 1024**3)  # sparse: no disk used, all NUL bytes
    pages = tmp_path / "pages"
    message = "录像.txt: contains NUL bytes: a binary file or a damaged text file"
    summary = convert(reports_copy, pages)
    assert summary.failed == [message] and summary.converted == 5
    assert counted_opens.pop("录像.txt") <= sources.HEAD_BYTES  # only its head was read
    state = json.loads((pages / STATE_FILE).read_text(encoding="utf-8"))
    assert state["录像.txt"]["rejected"][:2] == [big.stat().st_size, big.stat().st_mtime_ns]

    caplog.set_level(logging.INFO, logger="baogao")
    assert baogao(["convert", "--reports", str(reports_copy), "--pages", str(pages), "--quiet", "--jobs", "1"]) == 1
    assert "录像.txt" not in counted_opens  # remembered by size and mtime: not even opened
    assert f"error: {message}" in caplog.text  # still reported, every run

    os.utime(big, ns=(big.stat().st_atime_ns, big.stat().st_mtime_ns + 1))  # changed: looked at again
    assert convert(reports_copy, pages).failed == [message]
    assert "录像.txt" in counted_opens


def test_a_text_beyond_the_size_limit_is_rejected_unread(reports_copy, tmp_path, counted_opens):
    huge = reports_copy / "合订本.txt"
    with huge.open("wb") as file:
        file.write(GOOD * 1000)  # a text head …
        file.truncate(sources.MAX_REPORT_BYTES + 1)  # … of a file one byte over the limit
    summary = convert(reports_copy, tmp_path / "pages")
    assert summary.failed == [f"合订本.txt: is larger than a report can be ({sources.MAX_REPORT_BYTES + 1:,} bytes, "
                              "the limit is 64 MiB): not a report, or many reports in one file; split it"]
    assert counted_opens["合订本.txt"] <= sources.HEAD_BYTES


@pytest.mark.parametrize("head, binary", [
    (bytes(sources.HEAD_BYTES), True),  # a sparse or zero-filled file
    (b"%PDF-1.7\n" + bytes(100), True),
    (GOOD * 500, False),
    (("县政府工作报告\n" * 2000).encode("utf-16-le"), False),  # UTF-16 without a BOM: whole-file check decides
    # … also when 一 (U+4E00) puts many NULs on the other side: a real report, in both byte orders
    ((REPORTS / SAMPLE_NAMES[3]).read_text(encoding="utf-8").encode("utf-16-le"), False),
    ((REPORTS / SAMPLE_NAMES[0]).read_text(encoding="utf-8").encode("utf-16-be") * 4, False),
    # … and when the head ends inside a surrogate pair (🙂 across byte 65 536)
    ((("县政府2023年\n" * 4000)[: sources.HEAD_BYTES // 2 - 1] + "🙂\n").encode("utf-16-le"), False),
    (GOOD[:40] + b"\x00" + GOOD[40:] * 100, False),  # a stray NUL
])
def test_binary_head(head, binary):
    assert bool(binary_head(head[: sources.HEAD_BYTES])) == binary


# --- long names -----------------------------------------------------------------------------------

LONG_NAMES = [f"{'县' * 82}{'a' * (n - 246 - 4)}.txt" for n in (252, 253, 254, 255)]


def test_252_to_255_byte_names_build(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in LONG_NAMES:
        assert len(name.encode("utf-8")) in (252, 253, 254, 255)
        (reports / name).write_bytes(GOOD)
    (reports / "普通报告.txt").write_bytes(GOOD)
    pages, site = build_site(reports, tmp_path)  # asserts no failure
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert sorted(entry["source"] for entry in catalog) == sorted([*LONG_NAMES, "普通报告.txt"])


# --- stray NUL bytes ------------------------------------------------------------------------------

# Three NULs in about 1 000 bytes of text.
STRAY_NULS = "县政府办公室2023年工作总结\n" + "".join(
    f"{i}. 今年以来，我办认真履行职责，圆满完成第{i}项任务。\n" for i in range(1, 11)).replace("认真", "认\x00真", 3)


def test_stray_nuls_are_dropped_counted_and_warned(tmp_path, caplog):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "有空字节.txt").write_text(STRAY_NULS, encoding="utf-8")
    (reports / "有空字节GBK.txt").write_bytes(STRAY_NULS.encode("gbk"))
    (reports / "二进制.txt").write_bytes(GOOD + bytes(200) + GOOD)  # NULs are 40 % of it
    (reports / "损坏.txt").write_bytes(GOOD + b"\x00\x80\xff\xfe" + GOOD * 4)  # a NUL, and bytes that do not decode
    caplog.set_level(logging.INFO, logger="baogao")
    summary = convert(reports, tmp_path / "pages")
    assert sorted(summary.failed) == [
        "二进制.txt: contains NUL bytes: a binary file or a damaged text file",
        "损坏.txt: contains NUL bytes: a binary file or a damaged text file",
    ]
    assert summary.warnings == [f"{name}: 3 stray NUL byte(s) dropped (a damaged copy?); compare the page with the file"
                                for name in ("有空字节.txt", "有空字节GBK.txt")]
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        f"warning: {w}" for w in summary.warnings]
    for name in ("有空字节.txt", "有空字节GBK.txt"):
        page = (tmp_path / "pages" / "reports" / f"{report_id(name)}.md").read_text(encoding="utf-8")
        kept = (tmp_path / "pages" / "text" / f"{report_id(name)}.txt").read_text(encoding="utf-8")
        meta, shown = shown_text(page)
        assert meta["removed"]["nul_bytes"] == 3
        assert "\x00" not in kept and "\x00" not in page
        assert squeeze(kept) == squeeze(STRAY_NULS.replace("\x00", ""))  # nothing else went
        assert squeeze(kept.split("\n", 1)[1]) in squeeze(shown)  # the fidelity check's comparison


def test_stray_nuls_pass_the_sites_fidelity_check(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "有空字节.txt").write_text(STRAY_NULS, encoding="utf-8")
    pages, site = build_site(reports, tmp_path)
    assert baogao(["check", str(site), "--pages", str(pages)]) == 0


# --- a damaged search index -----------------------------------------------------------------------

def read_manifest(site: Path) -> dict:
    text = (site / INDEX_DIR / "manifest.js").read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1: text.rindex(");")], strict=False)


def index_file(site: Path, term: str) -> Path:
    """The index file that holds `term` (1–3 characters)."""
    segment = read_manifest(site)["segments"][0]  # the sample archive is one segment of the postings
    shards = segment[2 + len(term)]
    return site / INDEX_DIR / f"{shard_name(segment[2], len(term), shard_of(term, shards))}.js"


def double_the_shard_count(site: Path) -> None:
    """A manifest that is valid JSON but wrong: queries would look for terms in the wrong shards."""
    manifest = read_manifest(site)
    manifest["segments"][0][5] *= 2
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    (site / INDEX_DIR / "manifest.js").write_text(f'baogaoSearch.load("manifest",{text});\n', encoding="utf-8")


def another_build(site: Path) -> None:
    """The manifest of another build, of other texts, beside these files (a half-copied update):
    every file's check is keyed by the version (the shards' by their segment's postings' version,
    which names their folder), so none of them passes as this build's."""
    manifest = read_manifest(site)
    manifest["version"] = "0" * len(manifest["version"])
    for segment in manifest["segments"]:
        segment[2] = "0" * len(segment[2])
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    (site / INDEX_DIR / "manifest.js").write_text(f'baogaoSearch.load("manifest",{text});\n', encoding="utf-8")


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def corrupt(path: Path) -> None:
    """Change one character of the packed payload: still a valid script that calls load()."""
    text = path.read_text(encoding="utf-8")
    at = len(text) // 2
    path.write_text(text[:at] + ("A" if text[at] != "A" else "B") + text[at + 1:], encoding="utf-8")


DAMAGES = {"deleted": Path.unlink, "truncated": truncate, "corrupted": corrupt}


@pytest.fixture
def site_copy(sample_site, tmp_path) -> Path:
    _, site = sample_site
    return Path(shutil.copytree(site, tmp_path / "site"))  # copies: the sample's files stay whole


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("term, query", [("马上就", "马上就办"), ("docs", "马上就办"), ("作", "作")])
def test_a_damaged_index_file_is_an_error_not_an_answer(site_copy, capsys, caplog, damage, term, query):
    assert baogao(["search", query, "--site", str(site_copy), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] > 0
    target = site_copy / INDEX_DIR / "docs" / "0.js" if term == "docs" else index_file(site_copy, term)
    DAMAGES[damage](target)
    name = target.relative_to(site_copy).as_posix()
    caplog.set_level(logging.INFO, logger="baogao")
    assert baogao(["search", query, "--site", str(site_copy)]) == 2
    assert capsys.readouterr().out == ""  # no "0 篇报告", no partial list
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and errors[0].startswith(f"error: 检索索引不完整：{name} 缺失或损坏，请重新构建 (search index incomplete: {name} is ")


def test_queries_that_need_no_damaged_file_still_answer(site_copy, capsys):
    index_file(site_copy, "马上就").unlink()
    assert baogao(["search", "办", "--site", str(site_copy)]) == 0  # g1: its files are whole
    assert "篇报告含「办」" in capsys.readouterr().out


@pytest.mark.parametrize("break_site, message", [
    (lambda site: shutil.rmtree(site), "site folder '{site}' does not exist"),
    (lambda site: shutil.rmtree(site / INDEX_DIR), "no search index in '{site}' (no search-index/manifest.js)"),
    (lambda site: (site / INDEX_DIR / "manifest.js").write_text("baogaoSearch.load(\"manifest\",{\"form"),
     "检索索引不完整：search-index/manifest.js 缺失或损坏"),
    (lambda site: double_the_shard_count(site), "检索索引不完整：search-index/manifest.js 缺失或损坏"),
    (another_build, "检索索引不完整：search-index/p/0000000000000000/g3/"),
])
def test_a_missing_site_or_index_is_one_line(site_copy, caplog, capsys, break_site, message):
    break_site(site_copy)
    caplog.set_level(logging.INFO, logger="baogao")
    assert baogao(["search", "马上就办", "--site", str(site_copy)]) == 2
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and message.format(site=site_copy) in errors[0] and "\n" not in errors[0]
    assert capsys.readouterr().out == ""
