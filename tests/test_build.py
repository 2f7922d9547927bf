"""`baogao build`: convert + index + MkDocs + fidelity check, and skipping work that is done."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from baogao import cli
from baogao.cli import main as baogao
from baogao.similar.index import build_similar_index  # the function itself: tests replace it in its module


def test_build_then_rebuild_skips_mkdocs_until_a_report_changes(reports_copy, tmp_path, caplog):
    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"),
            "--out", str(tmp_path / "site"), "--quiet", "--jobs", "1"]
    assert baogao(args) == 0
    assert "all 5 reports show their full text" in caplog.text
    assert (tmp_path / "site" / "search-index" / "manifest.js").is_file()

    caplog.clear()
    assert baogao(args) == 0
    assert "up to date" in caplog.text and "0 converted, 5 unchanged" in caplog.text

    caplog.clear()
    report = sorted(reports_copy.glob("*.txt"))[0]
    report.write_text(report.read_text(encoding="utf-8") + "\n新增的一段话。\n", encoding="utf-8")
    assert baogao(args) == 0
    assert "up to date" not in caplog.text and "1 converted" in caplog.text
    # the changed report's page is rendered and checked; the others are taken from the last site
    assert "all 1 reports show their full text (4 more unchanged from the previous site)" in caplog.text


def test_build_fails_loudly_when_a_page_loses_text(reports_copy, tmp_path, caplog, monkeypatch):
    import baogao.check as check

    monkeypatch.setattr(check, "visible_text", lambda html: "")  # as if every page were empty
    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"),
            "--out", str(tmp_path / "site"), "--quiet", "--jobs", "1"]
    assert baogao(args) == 2
    assert "TEXT LOST" in caplog.text and "5 of 5 reports lose text" in caplog.text


def test_publish_builds_for_the_base_url_and_packs(reports_copy, tmp_path, caplog):
    args = ["publish", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--out",
            str(tmp_path / "site"), "--dist", str(tmp_path / "dist"), "--base-url", "http://oa.example/archive/",
            "--quiet", "--jobs", "1"]
    assert baogao(args) == 0
    archives = sorted((tmp_path / "dist").glob("*.tar.gz"))
    assert len(archives) == 1 and archives[0].with_name(archives[0].name + ".sha256").is_file()
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'rel="canonical" href="http://oa.example/archive/index.html"' in home  # built for the base URL


def test_the_indexes_side_by_side_make_the_files_made_one_after_the_other(reports_copy, tmp_path, monkeypatch, caplog):
    """Up to SIDE_BY_SIDE_MAX_REPORTS reports the 查重 index is built in a forked process beside
    the search index: the same files as one after the other; its failure fails the build, with a
    message, and the site before stays."""
    def build(name: str) -> list[str]:
        return ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / name / "pages"),
                "--out", str(tmp_path / name / "site"), "--quiet", "--jobs", "1"]

    assert baogao(build("side")) == 0
    monkeypatch.setattr(cli, "SIDE_BY_SIDE_MAX_REPORTS", 0)
    assert baogao(build("after")) == 0
    made = {}
    for name in ("side", "after"):
        pages = tmp_path / name / "pages"
        made[name] = {p.relative_to(pages).as_posix(): p.read_bytes() for folder in ("search-index", "similar-index")
                      for p in sorted((pages / folder).rglob("*")) if p.is_file()}
        made[name]["reuse.json"] = (pages / "reuse.json").read_bytes()
    assert len(made["side"]) > 10 and made["side"] == made["after"]

    import baogao.similar.index as similar_index

    def full_disk(pages, workers=None, reuse_written=None, versioned=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "SIDE_BY_SIDE_MAX_REPORTS", 10_000)
    monkeypatch.setattr(similar_index, "build_similar_index", full_disk)  # inherited by the forked process
    site = tmp_path / "side" / "site"
    before = {p: p.read_bytes() for p in site.rglob("*.html")}
    report = sorted(reports_copy.glob("*.txt"))[0]
    report.write_text(report.read_text(encoding="utf-8") + "\n新增的一段话。\n", encoding="utf-8")
    caplog.clear()
    assert baogao(build("side")) == 1
    assert "the site was not built" in caplog.text and "No space left on device" in caplog.text
    assert before == {p: p.read_bytes() for p in site.rglob("*.html")}


class _Unpicklable(OSError):
    def __init__(self) -> None:
        super().__init__(28, "No space left on device")
        self.lock = threading.Lock()  # an error that does not pickle


def _killed(pages, workers=None, reuse_written=None, versioned=None):
    os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would


def _unpicklable(pages, workers=None, reuse_written=None, versioned=None):
    raise _Unpicklable()


def _fails_after_its_version(pages, workers=None, reuse_written=None, versioned=None):
    """The 查重 index failing once its version is sent, while MkDocs starts (it waits for the reuse pages)."""
    def then_fail(version):
        versioned(version)
        raise OSError(28, "No space left on device")

    return build_similar_index(pages, workers, reuse_written=reuse_written, versioned=then_fail)


@pytest.mark.parametrize(("failure", "said"), [(_unpicklable, "No space left on device"), (_killed, "ended before it finished"),
                                               (_fails_after_its_version, "No space left on device")])
def test_the_查重_index_failing_beside_the_search_index_fails_the_build_with_one_line(reports_copy, tmp_path, monkeypatch,
                                                                                  caplog, failure, said):
    import baogao.similar.index as similar_index

    monkeypatch.setattr(similar_index, "build_similar_index", failure)  # inherited by the forked process
    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--out", str(tmp_path / "site"),
            "--quiet", "--jobs", "1"]
    assert baogao(args) == 1
    assert "the site was not built" in caplog.text and said in caplog.text
    assert not (tmp_path / "site").exists()


def _slow_files(pages, workers=None, reuse_written=None, versioned=None):
    """The 查重 index whose files come two seconds after its reuse pages, while MkDocs renders."""
    def then_wait(version):
        reuse_written(version)
        time.sleep(2)

    return build_similar_index(pages, workers, reuse_written=then_wait, versioned=versioned)


def _files_fail(pages, workers=None, reuse_written=None, versioned=None):
    """The 查重 index's files failing after its reuse pages are written, while MkDocs renders."""
    def then_fail(version):
        reuse_written(version)
        raise OSError(28, "No space left on device")

    return build_similar_index(pages, workers, reuse_written=then_fail, versioned=versioned)


def test_the_查重_index_files_written_while_mkdocs_renders_are_the_ones_the_site_links(reports_copy, tmp_path, monkeypatch,
                                                                                    caplog):
    """MkDocs renders while the 查重 index's files are written (`cli._indexes`): the site links
    the new files, never the previous build's still in the pages folder; their failure then fails
    the build with one line, the site before left as it was."""
    import baogao.similar.index as similar_index

    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--out", str(tmp_path / "site"),
            "--quiet", "--jobs", "1"]
    assert baogao(args) == 0
    index = tmp_path / "site" / "similar-index"
    first = (index / "manifest.js").read_bytes()
    report = sorted(reports_copy.glob("*.txt"))[0]
    report.write_text(report.read_text(encoding="utf-8") + "\n新增的一段话，查重索引随之改变。\n", encoding="utf-8")
    monkeypatch.setattr(similar_index, "build_similar_index", _slow_files)  # inherited by the forked process
    assert baogao(args) == 0
    linked = {p.relative_to(index).as_posix(): p.read_bytes() for p in index.rglob("*") if p.is_file()}
    written = tmp_path / "pages" / "similar-index"
    assert (index / "manifest.js").read_bytes() != first
    assert linked == {p.relative_to(written).as_posix(): p.read_bytes() for p in written.rglob("*.js")} | {
        p.relative_to(written).as_posix(): p.read_bytes() for p in written.rglob("*.bin")}

    monkeypatch.setattr(similar_index, "build_similar_index", _files_fail)
    _an_edit_fails_leaving_the_site(args, tmp_path, report, caplog, "No space left on device")


def test_mkdocs_starts_once_the_查重_version_is_known_and_reads_the_reuse_pages_once_written(reports_copy, tmp_path,
                                                                                          monkeypatch):
    """The 查重 process says its version before it computes the reuse pages: the site's fingerprint
    is made and MkDocs starts meanwhile, and reads the reuse pages (MkDocs' files) only once they
    are written; the site is the one a build that waited for them makes."""
    import baogao.mkdocs_plugin as plugin
    import baogao.similar.index as similar_index

    marks = tmp_path / "marks"
    marks.mkdir()

    def slow_reuse(pages, workers=None, reuse_written=None, versioned=None):
        def said(version):
            versioned(version)
            time.sleep(2)  # the reuse pages come two seconds after the version

        def written(version):
            (marks / "reuse").write_text(str(time.time()))
            reuse_written(version)

        return build_similar_index(pages, workers, reuse_written=written, versioned=said)

    on_config, on_files = plugin.BaogaoPlugin.on_config, plugin.BaogaoPlugin.on_files

    def configured(self, config):
        (marks / "mkdocs").write_text(str(time.time()))
        return on_config(self, config)

    def files_read(self, files, *, config):
        added = on_files(self, files, config=config)
        (marks / "files").write_text(str(time.time()))
        return added

    def build(name: str) -> list[str]:
        return ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / name / "pages"),
                "--out", str(tmp_path / name / "site"), "--quiet", "--jobs", "1"]

    assert baogao(build("waited")) == 0
    monkeypatch.setattr(similar_index, "build_similar_index", slow_reuse)  # inherited by the forked process
    monkeypatch.setattr(plugin.BaogaoPlugin, "on_config", configured)
    monkeypatch.setattr(plugin.BaogaoPlugin, "on_files", files_read)
    assert baogao(build("early")) == 0
    at = {mark.name: float(mark.read_text()) for mark in marks.iterdir()}
    assert at["mkdocs"] < at["reuse"] < at["files"]
    sites = {name: {p.relative_to(tmp_path / name / "site").as_posix(): p.read_bytes()
                    for p in sorted((tmp_path / name / "site").rglob("*")) if p.is_file()} for name in ("waited", "early")}
    assert len(sites["early"]) > 20 and sites["early"] == sites["waited"]


def _an_edit_fails_leaving_the_site(args: list[str], tmp_path: Path, report: Path, caplog, message: str) -> None:
    """A report edited, the build fails: status 1, one line holding `message`, the site before as it was, no
    unfinished site left."""
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    report.write_text(report.read_text(encoding="utf-8") + "\n又一段话。\n", encoding="utf-8")
    caplog.clear()
    assert baogao(args) == 1
    assert "the site was not built" in caplog.text and message in caplog.text
    assert before == {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert [p.name for p in tmp_path.glob(".site.*")] == [".site.baogao-lock"]  # no unfinished site left


def test_the_search_index_written_while_mkdocs_renders_is_the_one_the_site_links(reports_copy, tmp_path, monkeypatch,
                                                                                 caplog):
    """MkDocs renders while the search index is built (`cli._indexes`): the site links the new
    index, never the previous build's still in the pages folder, and its fingerprint holds the
    new index's version; the index failing then fails the build with one line, the site before
    left as it was."""
    from baogao.search.backend import BACKEND

    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--out", str(tmp_path / "site"),
            "--quiet", "--jobs", "1"]
    assert baogao(args) == 0
    index = tmp_path / "site" / "search-index"
    first = (index / "VERSION").read_text() if (index / "VERSION").exists() else (index / "manifest.js").read_bytes()
    report = sorted(reports_copy.glob("*.txt"))[0]
    report.write_text(report.read_text(encoding="utf-8") + "\n新增的一段话，检索索引随之改变。\n", encoding="utf-8")
    build = BACKEND.build

    def slow(pages, workers=None):
        time.sleep(2)  # MkDocs has rendered by now
        return build(pages, workers)

    monkeypatch.setattr(BACKEND, "build", slow)  # inherited by the forked process
    assert baogao(args) == 0
    written = tmp_path / "pages" / "search-index"
    assert (index / "manifest.js").read_bytes() != first
    assert {p.relative_to(index).as_posix(): p.read_bytes() for p in index.rglob("*") if p.is_file()} == {
        p.relative_to(written).as_posix(): p.read_bytes() for p in written.rglob("*") if p.suffix in (".js", ".bin")}
    assert baogao(args) == 0 and "is up to date" in caplog.text  # the fingerprint was the version built

    def full_disk(pages, workers=None):
        time.sleep(1)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BACKEND, "build", full_disk)
    _an_edit_fails_leaving_the_site(args, tmp_path, report, caplog, "search index: [Errno 28] No space left on device")


def test_jobs_bounds_the_indexes_workers_too(reports_copy, tmp_path, monkeypatch):
    """`--jobs N` is the worker processes of every stage: the search index's and the 查重 index's,
    each in its forked process (which tells what it was given through a file)."""
    import baogao.search.index as search_index
    import baogao.similar.index as similar_index

    build_index, build_similar = search_index.build_index, similar_index.build_similar_index

    def search(catalog, text_dir, out_dir, workers=None):
        (tmp_path / "search-workers").write_text(str(workers))
        return build_index(catalog, text_dir, out_dir, workers)

    def similar(pages, workers=None, reuse_written=None, versioned=None):
        (tmp_path / "similar-workers").write_text(str(workers))
        return build_similar(pages, workers, reuse_written=reuse_written, versioned=versioned)

    monkeypatch.setattr(search_index, "build_index", search)
    monkeypatch.setattr(similar_index, "build_similar_index", similar)
    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--out", str(tmp_path / "site"),
            "--quiet", "--jobs", "1"]
    assert baogao(args) == 0
    assert (tmp_path / "search-workers").read_text() == "1" and (tmp_path / "similar-workers").read_text() == "1"


def test_a_查重_index_failing_after_its_reuse_pages_is_built_again_for_the_archive_as_it_was(reports_copy, tmp_path,
                                                                                     monkeypatch):
    """The reuse pages are written before the index files: when these fail, the index before must
    not pass for current, or the archive put back as it was keeps the failed build's reuse pages
    (a site built from them shows passages no report holds any more)."""
    import baogao.similar.index as similar_index

    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--out", str(tmp_path / "site"),
            "--quiet", "--jobs", "1"]
    assert baogao(args) == 0
    reuse = (tmp_path / "pages" / "reuse.json").read_bytes()
    first, second = sorted(reports_copy.glob("*.txt"))[:2]
    was = first.read_bytes()
    copied = second.read_text(encoding="utf-8").splitlines()[3]  # a long paragraph: a passage the two now share
    first.write_text(was.decode() + "\n" + copied + "\n", encoding="utf-8")
    monkeypatch.setattr(similar_index, "build_similar_index", _files_fail)
    assert baogao(args) == 1
    assert (tmp_path / "pages" / "reuse.json").read_bytes() != reuse

    monkeypatch.undo()
    first.write_bytes(was)
    assert baogao(args) == 0
    assert (tmp_path / "pages" / "reuse.json").read_bytes() == reuse


def _long_error(pages, workers=None, reuse_written=None, versioned=None):
    raise ValueError("查重" * 50_000)  # more than a pipe holds


def test_the_search_index_failing_while_the_查重_process_sends_a_long_error_ends_the_build(reports_copy, tmp_path,
                                                                                    monkeypatch, caplog):
    """The parent leaving the block early (one index failing) reads what the other index's process
    still sends while it waits for it: a message larger than the pipe holds never blocks both. The
    build ends with one line, whichever error it read first."""
    import baogao.similar.index as similar_index
    from baogao.search.backend import BACKEND

    def full_disk(pages, workers=None):
        time.sleep(0.5)  # the 查重 process has sent its error by now
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(similar_index, "build_similar_index", _long_error)
    monkeypatch.setattr(BACKEND, "build", full_disk)
    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--out", str(tmp_path / "site"),
            "--quiet", "--jobs", "1"]
    assert baogao(args) == 1
    assert "the site was not built" in caplog.text
    assert "No space left on device" in caplog.text or "查重 index: ValueError('查重查重" in caplog.text


# A stand-in search index that works this long in a worker of its own: far longer than the build takes to fail.
WORKING = 30


def _running(pid: int) -> bool:
    """Whether process `pid` exists and has not ended (a zombie has ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return False


def _worker_at_work(folder: str) -> None:
    Path(folder, "worker.pid").write_text(str(os.getpid()))
    time.sleep(WORKING)
    Path(folder, "worker finished").touch()


def _once_the_worker_works(folder: Path) -> None:
    """Wait (at most WORKING s) until the stand-in index's worker has started."""
    deadline = time.monotonic() + WORKING
    while not (folder / "worker.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("failing", ["查重 index", "MkDocs"])
def test_a_failing_build_ends_the_indexes_and_their_workers_at_once(reports_copy, tmp_path, monkeypatch, caplog,
                                                                    failing):
    """The build failing while an index is still at work (the other index failed, or MkDocs did)
    ends that index's process and its workers, rather than waiting for them (at 30 000 reports the
    查重 index takes minutes) or leaving its workers waiting for work for ever."""
    import baogao.similar.index as similar_index
    import baogao.site as site
    from baogao.search.backend import BACKEND
    from baogao.workers import WorkerPool

    def search_at_work(pages, workers=None):
        (tmp_path / "index.pid").write_text(str(os.getpid()))
        with WorkerPool(1) as pool:
            pool.submit(_worker_at_work, str(tmp_path)).result()
        (tmp_path / "index finished").touch()

    def similar_fails(pages, workers=None, reuse_written=None, versioned=None):
        _once_the_worker_works(tmp_path)
        raise OSError(28, "No space left on device")

    def mkdocs_fails(*args, **kwargs):
        _once_the_worker_works(tmp_path)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(BACKEND, "build", search_at_work)  # inherited by the forked process
    if failing == "MkDocs":
        monkeypatch.setattr(site, "run_mkdocs", mkdocs_fails)
    else:
        monkeypatch.setattr(similar_index, "build_similar_index", similar_fails)
    args = ["build", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--out", str(tmp_path / "site"),
            "--quiet", "--jobs", "1"]
    try:
        assert baogao(args) == 1
        assert "the site was not built" in caplog.text and "No space left on device" in caplog.text
        pids = [int((tmp_path / name).read_text()) for name in ("index.pid", "worker.pid")]
        deadline = time.monotonic() + 5  # (the worker is killed, not waited for: its end may take a moment)
        while any(map(_running, pids)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(map(_running, pids)), "the index's process or its worker still runs"
        assert not (tmp_path / "index finished").exists() and not (tmp_path / "worker finished").exists()
    finally:
        for name in ("index.pid", "worker.pid"):  # a failing test leaves no sleeper behind
            if (tmp_path / name).exists() and _running(pid := int((tmp_path / name).read_text())):
                os.kill(pid, signal.SIGKILL)


def test_serve_says_where_it_serves(reports_copy, tmp_path, monkeypatch, caplog):
    """`baogao serve` names its address: MkDocs' own "Serving on …" line is below the level baogao logs, so a
    keeper saw the conversion's lines and then nothing."""
    import baogao.site as site

    served: list[str] = []
    monkeypatch.setattr(site, "run_mkdocs", lambda *_args, dev_addr=None, **_kwargs: served.append(dev_addr))
    args = ["serve", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--quiet", "--jobs", "1",
            "--dev-addr", "127.0.0.1:8765"]
    assert baogao(args) == 0
    assert served == ["127.0.0.1:8765"]
    assert "http://127.0.0.1:8765/" in caplog.text


def test_serve_says_in_one_line_that_an_index_failed(reports_copy, tmp_path, monkeypatch, caplog):
    """`baogao serve` builds both indexes before it serves: one failing is one line and status 1 (it was a traceback)."""
    import baogao.similar.index as similar_index

    monkeypatch.setattr(similar_index, "build_similar_index", _unpicklable)  # inherited by the forked process
    args = ["serve", "--reports", str(reports_copy), "--pages", str(tmp_path / "pages"), "--quiet", "--jobs", "1"]
    assert baogao(args) == 1
    assert "error: the site was not served:" in caplog.text and "查重 index: [Errno 28] No space left on device" in caplog.text
