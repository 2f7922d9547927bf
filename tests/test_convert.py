"""The conversion batch: incremental, sidecars, failures that stay local, deterministic output."""

from __future__ import annotations

import ast
import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from baogao.cli import main as baogao
from baogao.convert import convert_archive, convert_report, report_id


def front_matter(page_path):
    text = page_path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


def page_of(pages, rel_path):
    return pages / "reports" / f"{report_id(rel_path)}.md"


def test_second_run_converts_nothing_and_a_change_converts_one(reports_copy, tmp_path):
    pages = tmp_path / "pages"
    first = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert (first.converted, first.unchanged, first.failed) == (5, 0, [])
    again = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert (again.converted, again.unchanged) == (0, 5)

    changed = sorted(reports_copy.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    third = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert (third.converted, third.unchanged) == (1, 4)
    assert "新增一段。" in page_of(pages, changed.name).read_text(encoding="utf-8")


def test_a_stop_while_the_workers_end_stops_the_conversion(reports_copy, tmp_path, monkeypatch):
    """A SIGTERM (`workers.Stopped`) that comes as the worker pool closes ends the conversion: the pool is
    closed in the batch's own frame, not by the garbage collector, where Python printed the exception as
    "Exception ignored" and the build went on to exit 0 (seen once in CI)."""
    from contextlib import contextmanager

    from baogao import convert
    from baogao.workers import Stopped

    @contextmanager
    def pool_stopped_as_it_closes(*_args, **_kwargs):
        try:
            yield None  # the jobs run in this process
        finally:  # (as the pool's shutdown waits for its workers, whatever ends the block)
            raise Stopped

    monkeypatch.setattr(convert, "worker_pool", pool_stopped_as_it_closes)
    with pytest.raises(Stopped):
        convert_archive(reports_copy, tmp_path / "pages", jobs=1, progress=False)


def test_unchanged_reports_are_not_read_again(reports_copy, tmp_path, monkeypatch):
    """A report is read for its digest only when it is not the file the last run read (the same
    inode, size and time, baogao.filememo): after one changed, only that one is read."""
    from baogao import convert

    def age(path: Path) -> None:
        back = path.stat().st_mtime_ns - 60_000_000_000  # older than filememo.RACY_SECONDS
        os.utime(path, ns=(back, back))

    for path in reports_copy.glob("*.txt"):
        age(path)
    pages = tmp_path / "pages"
    assert convert_archive(reports_copy, pages, jobs=1, progress=False).converted == 5
    read: list[str] = []
    read_report = convert.read_report
    monkeypatch.setattr(convert, "read_report", lambda path, rel_path: read.append(rel_path) or read_report(path, rel_path))
    assert convert_archive(reports_copy, pages, jobs=1, progress=False).unchanged == 5
    assert read == []
    changed = sorted(reports_copy.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n新增一段。\n", encoding="utf-8")
    age(changed)
    third = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert (third.converted, third.unchanged) == (1, 4)
    assert set(read) == {changed.name}  # read for its digest, then converted
    assert "新增一段。" in page_of(pages, changed.name).read_text(encoding="utf-8")


def test_deleted_source_loses_its_page_and_catalog_entry(reports_copy, tmp_path):
    pages = tmp_path / "pages"
    convert_archive(reports_copy, pages, jobs=1, progress=False)
    gone = sorted(reports_copy.glob("*.txt"))[1]
    assert page_of(pages, gone.name).is_file()
    gone.unlink()
    summary = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert summary.removed == 1
    assert not page_of(pages, gone.name).exists()
    assert not (pages / "text" / f"{report_id(gone.name)}.txt").exists()
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    assert gone.name not in {entry["source"] for entry in catalog}
    assert len(catalog) == 4


def test_bad_file_is_named_and_the_batch_goes_on(reports_copy, tmp_path, caplog):
    (reports_copy / "空文件.txt").write_bytes(b"")
    (reports_copy / "伪装.txt").write_bytes(b"PK\x03\x04" + bytes(200))
    pages = tmp_path / "pages"
    summary = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert summary.converted == 5
    assert sorted(m.split(":")[0] for m in summary.failed) == ["伪装.txt", "空文件.txt"]
    assert any("ZIP" in m for m in summary.failed)

    status = baogao(["convert", "--reports", str(reports_copy), "--pages", str(pages), "--quiet"])
    assert status == 1
    assert "空文件.txt" in caplog.text


def test_clean_batch_exits_zero(reports_copy, tmp_path):
    assert baogao(["convert", "--reports", str(reports_copy), "--pages", str(tmp_path / "p"), "--quiet"]) == 0


def test_sidecar_wins_and_survives_reconversion(reports_copy, tmp_path):
    source = sorted(reports_copy.glob("*.txt"))[0]
    sidecar = source.with_name(source.stem + ".meta.yml")
    sidecar.write_text("year: 2019\ntitle: 手工更正的标题\norg: 县政府办公室\n", encoding="utf-8")
    pages = tmp_path / "pages"
    convert_archive(reports_copy, pages, jobs=1, progress=False)
    meta = front_matter(page_of(pages, source.name))
    assert (meta["year"], meta["year_source"], meta["title"], meta["title_source"], meta["org"]) == (
        2019, "sidecar", "手工更正的标题", "sidecar", "县政府办公室")
    # A change to the sidecar alone triggers reconversion; the sidecar itself is never rewritten.
    sidecar.write_text("year: 2020\n", encoding="utf-8")
    summary = convert_archive(reports_copy, pages, jobs=1, progress=False)
    assert summary.converted == 1
    assert front_matter(page_of(pages, source.name))["year"] == 2020
    assert sidecar.read_text(encoding="utf-8") == "year: 2020\n"


def test_sidecar_with_wrong_type_names_file_and_field(reports_copy, tmp_path):
    source = sorted(reports_copy.glob("*.txt"))[0]
    source.with_name(source.stem + ".meta.yml").write_text("year: 二〇二x\n", encoding="utf-8")
    summary = convert_archive(reports_copy, tmp_path / "pages", jobs=1, progress=False)
    assert len(summary.failed) == 1
    message = summary.failed[0]
    assert f"'{source.stem}.meta.yml'" in message and "'year'" in message and "二〇二x" in message
    # The report itself still gets its page, with the extracted values.
    assert summary.converted == 5


def test_output_is_deterministic_and_leaves_no_temporary_files(reports_copy, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    convert_archive(reports_copy, one, jobs=1, progress=False)
    convert_archive(reports_copy, two, jobs=2, progress=False)
    files_one = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    files_two = sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert files_one == files_two
    for rel in files_one:
        assert (one / rel).read_bytes() == (two / rel).read_bytes(), rel
    assert not [p for p in one.rglob("*.tmp")]


def test_pages_keep_redactions_and_drop_markers(tmp_path, reports_copy):
    pages = tmp_path / "pages"
    convert_archive(reports_copy, pages, jobs=1, progress=False)
    texts = "".join(p.read_text(encoding="utf-8") for p in (pages / "text").glob("*.txt"))
    assert "《**现代农业发展情况》" in texts
    assert "##paid" not in texts
    pages_md = "".join(p.read_text(encoding="utf-8") for p in (pages / "reports").glob("*.md"))
    assert "##paid" not in pages_md
    assert "《&#42;&#42;现代农业发展情况》" in pages_md


def test_a_change_to_the_stage_code_changes_the_conversion_key(tmp_path, monkeypatch):
    """Stage modules and their data are hashed (a copy of the package stands for an edited one);
    a module the pages do not depend on is not."""
    from baogao import convert

    package = tmp_path / "baogao"
    shutil.copytree(convert.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(convert, "PACKAGE", package)
    original = convert.stage_digest()
    assert original == convert.stage_digest()
    for name in ("parse.py", "convert.py", "data/stopwords.txt"):
        path = package / name
        before = path.read_bytes()
        path.write_bytes(before + b"\n# changed\n")
        assert convert.stage_digest() != original, name
        path.write_bytes(before)
    (package / "catalog.py").write_bytes((package / "catalog.py").read_bytes() + b"\n# changed\n")
    assert convert.stage_digest() == original


def test_every_report_is_converted_again_when_the_stage_code_changes(reports_copy, tmp_path, monkeypatch):
    from baogao import convert

    pages = tmp_path / "pages"
    assert convert_archive(reports_copy, pages, jobs=1, progress=False).converted == 5
    assert convert_archive(reports_copy, pages, jobs=1, progress=False).unchanged == 5
    monkeypatch.setattr(convert, "stage_digest", lambda: "an edited stage")
    assert convert_archive(reports_copy, pages, jobs=1, progress=False).converted == 5


def test_stage_code_lists_every_module_the_stages_import():
    """A module a stage imports (directly or through another) decides pages too: it must be
    hashed. convert.py's own imports (catalog pages, worker pools) are rewritten every batch or
    change no page."""
    from baogao.convert import PACKAGE, STAGE_CODE

    def imported(module: str) -> set[str]:
        tree = ast.parse(source(module).read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module == "baogao":  # from baogao import places
                names |= {f"baogao.{alias.name}" for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names |= {alias.name for alias in node.names}
        return {name.removeprefix("baogao.") for name in names if name.startswith("baogao.")}

    def source(module: str) -> Path:
        path = PACKAGE / module.replace(".", "/")
        return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")

    packages = {name for name in STAGE_CODE if (PACKAGE / name / "__init__.py").is_file()}  # hashed whole
    stages = {name.removesuffix(".py").replace("/", ".") for name in STAGE_CODE if name.endswith(".py")} - {"convert"}
    stages |= {".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
               for package in packages for path in (PACKAGE / package).rglob("*.py")}
    reached, todo = set(), list(stages)
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo.extend(imported(module))
    assert reached - stages == set()


def test_write_atomic_leaves_a_file_of_the_same_bytes_as_it_is(tmp_path):
    """The same bytes: not written (inode and time kept, so baogao.filememo's memories of it
    hold); other bytes of the same size, or a link holding the bytes: written anew."""
    from baogao.convert import write_atomic

    page = tmp_path / "page.md"
    write_atomic(page, "正文一")
    before = page.stat()
    write_atomic(page, "正文一".encode("utf-8"))
    assert (page.stat().st_ino, page.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    write_atomic(page, "正文二")
    assert page.read_text(encoding="utf-8") == "正文二" and page.stat().st_ino != before.st_ino
    link = tmp_path / "link.md"
    link.symlink_to(page)
    write_atomic(link, "正文二")
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "正文二"


def test_a_bulletins_issue_of_several_items_is_shown_as_the_issue():
    text = "\n".join(["乡村振兴工作简报", "第5期", "铜鼓县永宁镇党政办公室编                2023年6月30日", "本期要目",
                      "1.永宁镇召开乡村振兴工作推进会", "2.华联村旅游带动群众增收", "永宁镇召开乡村振兴工作推进会",
                      "6月28日，永宁镇召开乡村振兴工作推进会。"])
    meta = convert_report(text.encode(), "新建文本文档.txt", {}).meta
    assert (meta["display_title"], meta["year"], meta["org"]) == ("《乡村振兴工作简报》2023年第5期", 2023, "铜鼓县永宁镇党政办公室")


@pytest.mark.parametrize(("issuer", "display"), [
    (["罗田县人民政府"], "罗田县人民政府常务会议纪要（2023年第15期）"),  # named with its issuer, whose place it names
    ([], "常务会议纪要（2023年第15期）"),  # …not with a level word's (县政府常务会议纪要 tells no county's apart)
])
def test_a_series_of_minutes_under_its_issuer_is_titled_with_it(issuer, display):
    text = "\n".join([*issuer, "常务会议纪要", "第15期", "2023年6月10日，县长王某某主持召开县政府第十五次常务会议，研究了以下事项。现纪要如下：",
                      "一、关于城区道路改造问题", "会议同意城区道路改造方案。"])
    meta = convert_report(text.encode(), "新建文本文档.txt", {}).meta
    assert meta["display_title"] == display
    # the page's own title is the series' with its issuer, not its kind's (罗田县人民政府纪要: words not in the text)
    assert meta["title"].endswith("常务会议纪要")


def test_line_separators_end_lines_and_never_reach_the_page():
    """U+2028/U+2029 (web editors) and U+000B (Word's manual line break) end a line, as str.splitlines says:
    the title is the first line, not the whole text, and HTML gets no control character."""
    text = ("罗田县统计局2023年工作总结\u2028\u2028\u3000\u30002023年，我局扎实推进各项工作。\u2028\u3000\u3000一、主要工作"
            "\u2029\u3000\u3000二、存在问题\u2028三、下步打算\x0b其他")
    converted = convert_report(text.encode(), "a.txt", {})
    assert converted.meta["title"] == "罗田县统计局2023年工作总结"
    assert converted.text.split("\n")[-2:] == ["三、下步打算", "其他"]
    assert not set("\x0b\x0c\u2028\u2029") & set(converted.page)


def test_a_reposts_credit_line_names_its_title_and_stays_on_the_page():
    raw = "为深入贯彻中央部署，现面向全市广大干部群众征集问题线索。\n一、征集范围\n原文链接：关于持续征集问题线索的公告\n".encode()
    converted = convert_report(raw, "000_90a8bdb48d7b146b.txt", {})
    assert converted.meta["title"] == "关于持续征集问题线索的公告"
    assert "原文链接：关于持续征集问题线索的公告" in converted.text


def test_a_pages_source_label_places_a_body_its_text_names_by_its_level_word():
    """来源：宣恩县人社局 is dropped as the page's label, and names the 县人社局 of the text with its place."""
    raw = ("县人社局开展根治欠薪专项行动\n来源：宣恩县人社局　　发布时间：2023-12-06 10:32　　浏览次数：236\n"
           "12月5日，县人社局对在建工程项目开展集中检查。\n").encode()
    converted = convert_report(raw, "20231206.txt", {})
    assert (converted.meta["org"], converted.meta["region"]) == ("宣恩县人社局", "湖北省")
    assert "宣恩县人社局" not in converted.text  # (the label is the page's, not the report's)
