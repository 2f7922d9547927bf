"""`baogao build` / `publish` never delete what baogao did not write, never leave a half-built
site, and never publish or serve what is not the archive (baogao/outdir.py, baogao/manifest.py,
deploy/nginx.conf).

Builds run on a tiny archive (three short reports written by the test) so that the loops stay
fast; the ones run as separate processes (killed, concurrent, on a full disk) are marked slow.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import http.client
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import threading
import time
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import SimpleNamespace

import pytest

from baogao import outdir
from baogao.cli import main as baogao
from baogao.manifest import MANIFEST, read_manifest
from baogao.publish import publish
from baogao.site import BUILD_STAMP
from tests.test_nginx import SECURITY_HEADERS, fetch, running_nginx

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "mkdocs.yml"
BASE_URL = "http://oa.example/archive/"

REPORT = """{office}2023年工作总结

一、主要工作
今年以来，{office}坚持马上就办、真抓实干，全年办理文件{count}件，信息报送及时准确。
{marker}
二、存在问题
督查督办还不够有力，作风建设仍需加强。

三、明年打算
落实一岗双责，提高服务水平。
"""
OFFICES = ("县政府办公室", "市档案馆", "乡人民政府")


def write_archive(reports: Path, marker: str) -> None:
    """Three short reports; `marker` (a sentence) goes into the first, so each version of the
    archive has a site of its own."""
    reports.mkdir(parents=True, exist_ok=True)
    for number, office in enumerate(OFFICES):
        text = REPORT.format(office=office, count=100 + number, marker=marker if number == 0 else "")
        (reports / f"{office}2023年工作总结.txt").write_text(text, encoding="utf-8")


def build_args(work: Path, out: Path | None = None, command: str = "build", config: Path = CONFIG) -> list[str]:
    args = [command, "--reports", str(work / "reports"), "--pages", str(work / "pages"),
            "--out", str(out or work / "site"), "--config", str(config), "--quiet", "--jobs", "1"]
    return args + ["--base-url", BASE_URL, "--dist", str(work / "dist")] if command == "publish" else args


def command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "baogao.cli", *args]


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under `folder` (dot-files included)."""
    found = {}
    for parent, _, files in os.walk(folder):
        for name in files:
            path = Path(parent, name)
            found[path.relative_to(folder).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def assert_complete(site: Path) -> None:
    """The site has its stamp and every file its manifest lists, with the listed contents."""
    listed = read_manifest(site)
    assert listed is not None and (site / BUILD_STAMP).is_file(), f"{site} has no manifest or no stamp"
    files = snapshot(site)
    assert {rel: files.get(rel) for rel in listed} == listed, f"{site} lacks files of its manifest"
    assert {"index.html", "search-index/manifest.js"} <= set(listed)


def shows(site: Path, marker: str) -> bool:
    return any(marker in page.read_text(encoding="utf-8") for page in (site / "reports").glob("*.html"))


def leftovers(work: Path) -> list[str]:
    return sorted(p.name for p in work.iterdir() if re.fullmatch(r"\.site\.baogao-(tmp|old)-\d+", p.name)) + \
        sorted(p.name for p in (work / "pages").glob(".search-index.*"))


@pytest.fixture
def work(tmp_path) -> Path:
    write_archive(tmp_path / "reports", "第一版。")
    return tmp_path


def refused(caplog, args: list[str], *expected: str) -> None:
    """The build exits 2 with one error line holding every `expected` fragment."""
    caplog.clear()
    assert baogao(args) == 2
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert len(errors) == 1 and "\n" not in errors[0], errors
    assert all(fragment in errors[0] for fragment in expected), errors[0]


def project_copy(work: Path) -> Path:
    """A copy of the project (mkdocs.yml, themes.yml, docs/, overrides/) in `work`: its mkdocs.yml."""
    project = work / "projects" / "archive"
    project.mkdir(parents=True)
    for name in ("mkdocs.yml", "themes.yml", "docs", "overrides"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    return project / "mkdocs.yml"


# ---- the out folder guard: nothing is written, the files survive --------------------------

def test_out_equal_to_parent_of_or_inside_the_reports_is_refused(work, caplog):
    reports = work / "reports"
    (work / "说明.docx").write_bytes(b"PK\x03\x04 a user's document")
    before = snapshot(work)
    refused(caplog, build_args(work, reports), "is the reports folder")
    refused(caplog, build_args(work, work), "contains the reports folder")
    refused(caplog, build_args(work, reports / "site"), "is inside the reports folder")
    assert snapshot(work) == before and not (work / "pages").exists()


def test_home_project_and_root_are_refused(work, caplog, monkeypatch):
    home = work / "homes" / "user"
    (home / "文档").mkdir(parents=True)
    (home / "文档" / "笔记.txt").write_text("用户的文件", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    refused(caplog, [*build_args(work, home), "--force"], "is the home directory")
    refused(caplog, build_args(work, work / "homes"), "contains the home directory")

    project = work / "projects" / "archive"  # a project of its own: a failing guard must not cost this repository
    project.mkdir(parents=True)
    for name in ("mkdocs.yml", "themes.yml"):
        shutil.copy(ROOT / name, project / name)
    config = project / "mkdocs.yml"
    refused(caplog, [*build_args(work, project, config=config), "--force"], "is the project folder", "mkdocs.yml")
    refused(caplog, build_args(work, work / "projects", config=config), "contains the project folder")
    refused(caplog, [*build_args(work, work / "pages"), "--force"], "is the converted pages folder")
    with pytest.raises(outdir.Refused, match="root folder"):
        outdir.check_out_folder(Path("/"), reports=work / "reports", pages=work / "pages", project=project, force=True)
    assert (home / "文档" / "笔记.txt").read_text(encoding="utf-8") == "用户的文件"
    assert sorted(p.name for p in project.iterdir()) == ["mkdocs.yml", "themes.yml"]


def test_the_projects_docs_and_overrides_are_refused_even_forced(work, caplog):
    """`--out docs --force` (GitHub Pages' habit) replaced the hand-written pages every build reads."""
    config = project_copy(work)
    project = config.parent
    before = snapshot(project)
    for out, expected in ((project / "docs", "is the project's folder"), (project / "overrides", "is the project's folder"),
                          (project / "docs" / "site", "is inside the project's folder")):
        refused(caplog, [*build_args(work, out, config=config), "--force"], expected, "which every build reads")
        refused(caplog, ["convert", "--reports", str(work / "reports"), "--pages", str(out), "--config", str(config),
                         "--quiet"], f"--pages '{out}'")
    assert snapshot(project) == before


def test_foreign_folder_is_refused_unless_forced(work, caplog):
    out = work / "我的文件夹"
    (out / "照片").mkdir(parents=True)
    (out / "工作笔记.txt").write_text("不要删", encoding="utf-8")
    (out / "照片" / "1.jpg").write_bytes(b"\xff\xd8")
    before = snapshot(out)
    refused(caplog, build_args(work, out), "is not empty and is not a site built by baogao", "--force")
    assert snapshot(out) == before
    (work / "a-file").write_text("x")
    refused(caplog, [*build_args(work, work / "a-file"), "--force"], "is a file")

    assert baogao([*build_args(work, out), "--force"]) == 0
    assert not (out / "工作笔记.txt").exists() and not (out / "照片").exists()
    assert_complete(out)


def test_files_put_into_a_site_are_kept_unless_forced(work, caplog):
    site = work / "site"
    assert baogao(build_args(work)) == 0
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[core]")
    (site / "读我.md").write_text("用户的说明", encoding="utf-8")
    refused(caplog, build_args(work), "holds files baogao did not write", ".git/config", "读我.md")
    assert (site / ".git" / "config").is_file() and (site / "读我.md").is_file()
    # forced, an up-to-date site is replaced too (it was left as it was, the next build refused again)
    assert baogao([*build_args(work), "--force"]) == 0
    assert not (site / ".git").exists() and not (site / "读我.md").exists()
    assert_complete(site)
    assert baogao(build_args(work)) == 0


def test_up_to_date_only_for_a_complete_site_and_leftovers_are_cleaned(work, caplog, monkeypatch):
    import baogao.search.index as index

    site = work / "site"
    assert baogao(build_args(work)) == 0
    (site / "index.html").unlink()  # as if damaged after the build
    (work / ".site.baogao-tmp-999999").mkdir()  # what a build killed in MkDocs leaves
    (work / ".site.baogao-tmp-999999" / "index.html").write_text("half")
    write_archive(work / "reports", "第二版。")
    def interrupted(*args):
        raise KeyboardInterrupt

    # a build interrupted while it writes the search index: in its own process beside MkDocs
    # (`cli._indexes`), which ends, and the build with it, the site before left as it was
    with monkeypatch.context() as patch:
        patch.setattr(index, "_write_docs_and_facets", interrupted)
        assert baogao(build_args(work)) == 1
        assert "ended before it finished" in caplog.text
    write_archive(work / "reports", "第一版。")  # the change undone: the inputs of the site's stamp again
    caplog.clear()
    assert baogao(build_args(work)) == 0
    assert "up to date" not in caplog.text
    assert_complete(site)
    assert leftovers(work) == []


def test_a_site_moved_aside_by_a_killed_switch_comes_back(tmp_path):
    """Two-rename switch (file systems without RENAME_EXCHANGE), killed between the renames."""
    site = tmp_path / "site"
    aside = tmp_path / ".site.baogao-old-4242"
    aside.mkdir()
    (aside / BUILD_STAMP).write_text("x")
    with outdir.build_lock(site):
        assert (site / BUILD_STAMP).is_file() and not aside.exists()


def test_switch_by_two_renames_where_exchange_is_unsupported(work, monkeypatch):
    assert baogao(build_args(work)) == 0

    def unsupported(a, b):
        raise OSError(errno.EINVAL, "RENAME_EXCHANGE not supported")

    monkeypatch.setattr(outdir, "_exchange", unsupported)
    write_archive(work / "reports", "第二版。")
    assert baogao(build_args(work)) == 0
    assert shows(work / "site", "第二版。") and leftovers(work) == []
    assert_complete(work / "site")


def test_check_failure_leaves_the_previous_site(work, caplog, monkeypatch):
    import baogao.check as check

    assert baogao(build_args(work)) == 0
    before = snapshot(work / "site")
    write_archive(work / "reports", "第二版。")
    monkeypatch.setattr(check, "visible_text", lambda html: "")
    assert baogao(build_args(work)) == 2
    assert "is unchanged" in caplog.text
    assert snapshot(work / "site") == before and leftovers(work) == []


def test_lock_names_the_holder(work, caplog):
    with outdir.build_lock(work / "site"):
        refused(caplog, build_args(work), "another baogao build is writing", f"pid {os.getpid()}, started ")
    assert not (work / "pages").exists()


# ---- the converted pages folder: conversion writes and deletes there ----------------------

def test_a_pages_folder_in_the_reports_or_not_of_converted_pages_is_refused(work, caplog):
    """Conversion deletes the pages of reports gone (reports/*.md, text/*.txt …): a reports
    folder given as --pages lost its text/ reports and reports/ notes, a foreign folder its files."""
    reports = work / "reports"
    (reports / "text").mkdir()
    (reports / "text" / "旧报告.txt").write_text("县政府办公室2022年工作总结\n一、主要工作\n今年以来工作顺利。\n", encoding="utf-8")
    (reports / "reports").mkdir()
    (reports / "reports" / "笔记.md").write_text("用户的笔记", encoding="utf-8")
    mine = work / "我的文件夹"
    (mine / "reports").mkdir(parents=True)
    (mine / "reports" / "说明.md").write_text("不要删", encoding="utf-8")
    before = snapshot(work)
    for pages, expected in ((reports, "is the reports folder"), (reports / "build", "is inside the reports folder"),
                            (work, "contains the reports folder"), (mine, "is not empty and holds no converted pages")):
        for args in (["convert", "--reports", str(reports), "--pages", str(pages), "--quiet", "--jobs", "1"],
                     ["build", "--reports", str(reports), "--pages", str(pages), "--out", str(work / "site"),
                      "--quiet", "--jobs", "1"]):
            refused(caplog, args, f"--pages '{pages}' {expected}")
    assert snapshot(work) == before and not (work / "site").exists()


def test_a_killed_first_conversion_leaves_a_pages_folder_the_next_run_takes(work, monkeypatch):
    """The state file that marks a pages folder is written before any page."""
    import baogao.convert as convert

    write = convert.write_atomic

    def killed_after_a_page(path, data):
        write(path, data)
        if path.parent.name == "reports":
            raise KeyboardInterrupt

    monkeypatch.setattr(convert, "write_atomic", killed_after_a_page)
    assert baogao(["convert", "--reports", str(work / "reports"), "--pages", str(work / "pages"), "--quiet"]) == 130
    monkeypatch.undo()
    assert list((work / "pages" / "reports").glob("*.md"))
    assert baogao(build_args(work)) == 0
    assert_complete(work / "site")


def test_one_run_at_a_time_converts_into_a_pages_folder(work, caplog):
    """Two builds of the same reports into two out folders share the pages folder: the second is
    refused, naming the first (they once switched in a site whose search index missed files)."""
    with outdir.pages_lock(work / "pages"):
        refused(caplog, build_args(work, work / "other-site"), f"another baogao run is converting into '{work / 'pages'}'",
                f"pid {os.getpid()}, started ")
        refused(caplog, ["convert", "--reports", str(work / "reports"), "--pages", str(work / "pages"), "--quiet"],
                "another baogao run is converting into")
    assert not (work / "other-site").exists() and [p.name for p in (work / "pages").iterdir()] == [outdir.PAGES_LOCK]
    assert baogao(build_args(work, work / "other-site")) == 0


# ---- publish: exactly the files the build wrote -------------------------------------------

def test_publish_packs_only_the_manifest(work, caplog):
    site, dist = work / "site", work / "dist"
    assert baogao(build_args(work, command="publish")) == 0
    listed = read_manifest(site)
    (site / ".git").mkdir()
    (site / ".git" / "config").write_text("[remote] url = https://user:token@example")
    (site / ".env").write_text("SECRET=1")
    (site / "passwd").symlink_to("/etc/passwd")
    shutil.rmtree(dist)

    with pytest.raises(ValueError, match=r"passwd' is a symbolic link"):
        publish(site, dist, BASE_URL)
    refused(caplog, build_args(work, command="publish"), "holds files baogao did not write")
    assert not list(dist.glob("*.tar.gz"))

    (site / "passwd").unlink()
    archive, _ = publish(site, dist, BASE_URL)
    with tarfile.open(archive) as tar:
        packed = {m.name[len("site/"):] for m in tar.getmembers() if m.isfile()}
    assert set(listed) <= packed and packed - set(listed) <= {f"{rel}.gz" for rel in listed}
    assert not any(part.startswith(".") for name in packed for part in name.split("/"))
    (site / "passwd").symlink_to("/etc/passwd")  # forced, the site is replaced, up to date or not: what it held is gone
    assert baogao([*build_args(work, command="publish"), "--force"]) == 0
    assert not os.path.lexists(site / "passwd") and not (site / ".env").exists() and not (site / ".git").exists()

    (site / "catalog.json").write_text("[]")
    with pytest.raises(ValueError, match="catalog.json' changed after the site was built: delete '"):
        publish(site, dist, BASE_URL)
    # what the message says mends it (publishing again kept the site as up to date and said "rebuild it" for ever)
    refused_status = baogao(build_args(work, command="publish"))
    assert refused_status != 0
    shutil.rmtree(site)
    assert baogao(build_args(work, command="publish")) == 0


def test_publish_dist_inside_the_reports_the_site_or_the_projects_pages_is_refused(work, caplog):
    """In docs/ or overrides/, the tarball became a file of the next site, which shipped it (from an adversarial review)."""
    refused(caplog, [*build_args(work, command="publish")[:-2], "--dist", str(work / "reports" / "dist")],
            "--dist", "is inside the reports folder")
    refused(caplog, [*build_args(work, command="publish")[:-2], "--dist", str(work / "site" / "dist")],
            "is inside the site folder")
    config = project_copy(work)
    for folder in ("docs", "overrides"):
        refused(caplog, [*build_args(work, command="publish", config=config)[:-2], "--dist", str(config.parent / folder)],
                "--dist", f"is inside the project's folder '{config.parent / folder}'")
    assert not (work / "site").exists()


def test_a_symlink_out_of_the_project_is_refused(work, caplog):
    """MkDocs copies what a link in docs/ points at into the site: docs/passwd.txt → /etc/passwd was published."""
    config = project_copy(work)
    secret = work / "secret.txt"
    secret.write_text("不应发布的内容", encoding="utf-8")
    (config.parent / "docs" / "passwd.txt").symlink_to(secret)
    refused(caplog, build_args(work, config=config), "docs/passwd.txt' is a symlink to", "outside the project")
    assert not (work / "site").exists()
    (config.parent / "docs" / "passwd.txt").unlink()
    (config.parent / "docs" / "inside.md").symlink_to(config.parent / "docs" / "help.md")  # inside: followed as before
    assert baogao(build_args(work, config=config)) == 0
    # docs/ itself a link to pages kept elsewhere, with links among them: its own, allowed
    shared = work / "shared-docs"
    (config.parent / "docs").rename(shared)
    (config.parent / "docs").symlink_to(shared)
    (shared / "inside.md").unlink()
    (shared / "inside.md").symlink_to(shared / "help.md")
    assert baogao(build_args(work, config=config)) == 0


def test_what_an_earlier_build_left_that_cannot_be_deleted_is_one_line(work, caplog, monkeypatch):
    """A read-only folder in the site before: its copy stayed beside the new site with no word, and every later
    build ended in a traceback from the clean-up (from an adversarial review)."""
    assert baogao(build_args(work)) == 0
    left = work / ".site.baogao-tmp-4242"
    (left / "reports").mkdir(parents=True)
    (left / "reports" / "a.html").write_text("x", encoding="utf-8")

    def read_only(path, *args, **kwargs):  # (root deletes read-only folders: refuse as they would for a user)
        raise PermissionError(13, "Permission denied", str(Path(path) / "reports" / "a.html"))

    # (outdir's own shutil only: the rest of the build deletes as usual)
    monkeypatch.setattr(outdir, "shutil", SimpleNamespace(rmtree=read_only, copymode=shutil.copymode))
    refused(caplog, build_args(work), "cannot clean up", "a.html', left by an earlier build", "Permission denied",
            "delete it by hand")
    monkeypatch.undo()
    caplog.clear()
    write_archive(work / "reports", "第二版。")
    kept = SimpleNamespace(rmtree=lambda path, ignore_errors=False: None, copymode=shutil.copymode)
    monkeypatch.setattr(outdir, "shutil", kept)  # the site before stays where it was moved
    assert baogao(build_args(work)) == 0
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert any("could not delete all of" in w and "delete it by hand" in w for w in warnings), warnings


def test_a_full_disk_is_one_line_naming_the_file(work, caplog, monkeypatch):
    """No space left (or a file where a folder should be): one line and status 1, not a traceback."""
    import baogao.convert as convert

    def full(path, data):
        raise OSError(28, "No space left on device", str(path))

    assert baogao(build_args(work)) == 0
    before = snapshot(work / "site")
    write_archive(work / "reports", "第二版。")
    monkeypatch.setattr(convert, "write_atomic", full)
    caplog.clear()
    assert baogao(build_args(work)) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and errors[0].startswith("error: No space left on device: '") and "holds a complete site" in errors[0]
    assert snapshot(work / "site") == before
    caplog.clear()  # no site yet: nothing said of one
    assert baogao(build_args(work, work / "new-site")) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "holds a complete site" not in errors[0]


# ---- failures, kills and concurrency in separate processes --------------------------------

@pytest.mark.slow
def test_full_disk_leaves_the_previous_site_byte_identical(work):
    disk = work / "disk"
    disk.mkdir()
    assert baogao(build_args(work, disk / "site")) == 0
    used = sum(p.stat().st_blocks * 512 for p in (disk / "site").rglob("*") if p.is_file())
    shutil.rmtree(disk / "site")
    write_archive(work / "reports", "第二版。")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={used * 3 // 2 // 1024}k", "tmpfs", str(disk)],
                             capture_output=True).returncode == 0
    try:
        if mounted:  # room for one site, not two: the new one runs out of space
            assert subprocess.run(command(build_args(work, disk / "site"))).returncode == 0
            limit = None
        else:  # no tmpfs (not root): a file-size limit makes the largest file fail instead
            assert baogao(build_args(work, disk / "site")) == 0
            limit = 64 * 1024
        before = snapshot(disk / "site")
        write_archive(work / "reports", "第三版。")

        def limited():
            import resource

            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        failed = subprocess.run(command(build_args(work, disk / "site")), capture_output=True, text=True,
                                preexec_fn=limited if limit else None)
        assert failed.returncode == 1, failed.stderr
        assert "Traceback" not in failed.stderr
        assert re.search(r"error: the site was not built, .*site is unchanged: \[Errno (28|27)\]", failed.stderr), failed.stderr
        assert snapshot(disk / "site") == before
        assert [p.name for p in disk.iterdir() if p.name.startswith(".site.baogao-t")] == []
        if mounted:
            subprocess.run(["mount", "-o", f"remount,size={used * 3 // 1024}k", str(disk)], check=True)
            assert subprocess.run(command(build_args(work, disk / "site"))).returncode == 0
            assert shows(disk / "site", "第三版。")
    finally:
        if mounted:
            subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.slow
def test_killed_builds_leave_the_old_or_the_new_site(work):
    """Kill the build's process group at random moments: the site is always a complete one,
    the previous or the new, and the next build succeeds."""
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    started = time.monotonic()
    assert subprocess.run(command(build_args(work)), capture_output=True).returncode == 0
    full = time.monotonic() - started
    site, current = work / "site", "第一版。"
    before = snapshot(site)
    outcomes = {"old": 0, "new": 0}
    for run in range(20):
        marker = f"第{run + 2}版。"
        write_archive(work / "reports", marker)
        process = subprocess.Popen(command(build_args(work)), start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        delay = rng.uniform(0.2, full * 1.05)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=delay)
        if process.returncode is None:
            os.killpg(process.pid, signal.SIGKILL)
        _, stderr = process.communicate()
        killed = process.returncode == -signal.SIGKILL
        context = f"run {run}, seed {seed}, delay {delay:.2f} s, exit {process.returncode}: {stderr.decode()[-500:]}"
        assert killed or process.returncode == 0, context
        if snapshot(site) == before:
            assert killed, context
            outcomes["old"] += 1
            continue
        assert_complete(site)
        assert shows(site, marker) and not shows(site, current), context
        current, before = marker, snapshot(site)
        outcomes["new"] += 1
    final = subprocess.run(command(build_args(work)), capture_output=True, text=True)
    assert final.returncode == 0, final.stderr
    assert_complete(site)
    assert shows(site, "第21版。") and leftovers(work) == []
    assert outcomes["old"] > 0, outcomes  # some kills did land during a build


def started_build(work: Path) -> subprocess.Popen[str]:
    """`baogao build --jobs 2` in a session of its own, once it holds the out folder's lock (not while Python starts)."""
    lock = work / ".site.baogao-lock"
    process = subprocess.Popen(command([*build_args(work)[:-1], "2"]), start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not (lock.is_file() and f"pid {process.pid}" in lock.read_text()) and process.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    return process


@pytest.mark.slow
def test_ctrl_c_says_one_line_and_leaves_a_complete_site(work):
    """Ctrl-C (SIGINT to the terminal's process group, the forked index processes and the workers
    too) at moments through a build: one line says so, no traceback (there were dozens, one per
    process), and the site is a complete one."""
    assert baogao(build_args(work)) == 0
    interrupted = 0
    for run, delay in enumerate((0.0, 0.3, 0.6, 1.0, 1.5, 2.0, 3.0)):
        write_archive(work / "reports", f"第{run + 2}版。")
        process = started_build(work)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=delay)
        if process.returncode is None:
            os.killpg(process.pid, signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
        context = f"delay {delay} s, exit {process.returncode}: {stderr[-2000:]}"
        assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, context
        if "error: interrupted;" in stderr:
            # (its exit status is then 130, or, seen once under load and not yet explained, the signal's: what the user
            # sees, one line and a complete site, is the same)
            assert process.returncode in (130, -signal.SIGINT), context
            assert stderr.count("error: interrupted;") == 1 and "holds a complete site" in stderr, context
            interrupted += 1
        else:  # it had finished (a SIGINT as Python exits ends it by the signal, silently)
            assert process.returncode in (0, -signal.SIGINT) and "baogao build: site in" in stderr, context
        assert_complete(work / "site")
    assert interrupted, "no interrupt landed during a build"
    assert baogao(build_args(work)) == 0 and leftovers(work) == []


def running_in_session(session: int) -> list[int]:
    """The processes of session `session` that have not ended (a zombie has)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, _, _, sid = stat.read_text().rsplit(")", 1)[1].split()[:4]
        except (OSError, ValueError):
            continue  # ended meanwhile
        if int(sid) == session and state not in ("Z", "X"):
            found.append(int(stat.parent.name))
    return found


@pytest.mark.slow
def test_sigterm_says_one_line_ends_every_process_of_the_build_and_leaves_a_complete_site(work):
    """SIGTERM (a service stopped, `timeout`) reaches the command alone, not its workers or forked indexes, as
    Ctrl-C does: at moments through a build, one line says so, every process the build started ends (they used
    to wait for work for ever, holding the lock, so that the next build was refused), and the site is a complete one.
    Every run changes enough reports that conversion and the indexes start worker pools (`baogao.workers.pool_size`:
    two chunks, 8 reports for conversion, 32 for the search index)."""
    def write_many(marker: str) -> None:
        write_archive(work / "reports", marker)
        for number in range(70):
            text = REPORT.format(office=f"第{number}督查组", count=number, marker=f"第{number}组的报告。{marker}")
            (work / "reports" / f"第{number}督查组2023年工作总结.txt").write_text(text, encoding="utf-8")

    write_many("第一版。")
    assert baogao(build_args(work)) == 0
    stopped = 0
    for run, delay in enumerate((0.0, 0.5, 1.0, 2.0, 3.0, 4.0)):
        write_many(f"第{run + 2}版。")
        process = started_build(work)
        try:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=delay)
            if process.returncode is None:
                process.terminate()  # SIGTERM to the command alone
            _, stderr = process.communicate(timeout=120)
            context = f"delay {delay} s, exit {process.returncode}: {stderr[-2000:]}"
            assert "Traceback" not in stderr and "Exception ignored" not in stderr, context
            if "error: stopped (SIGTERM);" in stderr:
                assert process.returncode == 128 + signal.SIGTERM, context
                assert stderr.count("error: stopped") == 1 and "holds a complete site" in stderr, context
                stopped += 1
            else:  # it had finished (a SIGTERM as Python exits ends it by the signal, silently)
                assert process.returncode in (0, -signal.SIGTERM) and "baogao build: site in" in stderr, context
            deadline = time.monotonic() + 10  # (a worker told to end may take a moment)
            while running_in_session(process.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert not running_in_session(process.pid), f"{context}: processes of the build still run"
        finally:  # a failing run leaves nothing behind
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        assert_complete(work / "site")
    assert stopped, "no SIGTERM landed during a build"
    assert baogao(build_args(work)) == 0 and leftovers(work) == []


@pytest.mark.slow
def test_concurrent_builds_one_is_refused_naming_the_holder(work):
    lock = work / ".site.baogao-lock"
    first = subprocess.Popen(command(build_args(work)), stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while not (lock.is_file() and f"pid {first.pid}" in lock.read_text()) and first.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    second = subprocess.run(command(build_args(work)), capture_output=True, text=True)
    _, first_err = first.communicate()
    assert first.returncode == 0, first_err
    if second.returncode == 2:
        assert f"another baogao build is writing '{work / 'site'}' (pid {first.pid}, started " in second.stderr
    else:  # the first had finished already: the second found the site up to date
        assert second.returncode == 0 and "up to date" in second.stderr, second.stderr
    assert_complete(work / "site")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.mark.slow
def test_a_server_of_the_out_folder_never_fails_during_a_rebuild(work):
    site = work / "site"
    assert baogao(build_args(work)) == 0
    paths = ["/", "/index.html", "/search.html", "/catalog.json", "/years/", "/search-index/manifest.js",
             *(f"/{rel}" for rel in read_manifest(site) if rel.startswith(("reports/", "assets/")))]
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))  # opened per request
    threading.Thread(target=server.serve_forever, daemon=True).start()
    failures: list[str] = []
    served = 0
    done = threading.Event()

    def client():
        nonlocal served
        while not done.is_set():
            for path in paths:
                connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=10)
                try:
                    connection.request("GET", path)
                    response = connection.getresponse()
                    response.read()
                    if response.status != 200:
                        failures.append(f"{response.status} {path}")
                    served += 1
                finally:
                    connection.close()

    clients = [threading.Thread(target=client) for _ in range(4)]
    try:
        for thread in clients:
            thread.start()
        write_archive(work / "reports", "第二版。")
        rebuild = subprocess.run(command(build_args(work)), capture_output=True, text=True)
    finally:
        done.set()
        for thread in clients:
            thread.join()
        server.shutdown()
        server.server_close()
    assert rebuild.returncode == 0, rebuild.stderr
    assert shows(site, "第二版。"), "the rebuild did not switch the site in"
    assert served > 100 and failures == [], (served, failures[:10])


# ---- nginx: nothing but the site ----------------------------------------------------------

def test_nginx_answers_404_for_what_is_not_the_site(published, tmp_path):
    root = tmp_path / "site"
    shutil.copytree(published.root, root)  # the published sample, to plant files in
    site_files = sorted(path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file())
    planted = {".git/config": "[core]", ".env": "SECRET=1", BUILD_STAMP: "x", MANIFEST: "x",
               "reports/某报告.meta.yml": "title: x", "某报告.meta.yml": "title: x", "build/pages/catalog.json": "[]",
               "reports/某报告.txt": "原文", "reports/某报告.md": "# x", "deploy.sh": "#!/bin/sh"}
    for rel, text in planted.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    with running_nginx(root, tmp_path / "nginx") as port:
        wrong = [f"{status} /archive/{rel}" for rel in site_files
                 if (status := fetch(port, f"/archive/{rel}")[0]) != 200]
        assert wrong == [], wrong
        for path in [*(f"/archive/{rel}" for rel in planted), "/archive/%2egit/config", "/.git/config", "/.env"]:
            status, headers, body = fetch(port, path)
            assert status == 404 and b"[core]" not in body and b"SECRET" not in body, (path, status)
            if path.startswith("/archive/"):  # the site's 404 page, with the usual headers
                assert all(headers.get(k) == v for k, v in SECURITY_HEADERS.items()), (path, headers)
