"""baogao.pagerender: pages rendered by worker processes are the bytes MkDocs' own loop writes;
their warnings reach the parent's log; a worker's failure fails the build, and an interrupt leaves no worker."""

from __future__ import annotations

import multiprocessing
import shutil

import pytest

import baogao.pagerender as pagerender
from baogao.site import run_mkdocs
from tests.conftest import ROOT
from tests.test_incremental import snapshot

CONFIG = ROOT / "mkdocs.yml"


@pytest.fixture
def pages(sample_site, tmp_path):
    """A writable copy of the sample's converted pages (indexes included)."""
    copy = tmp_path / "pages"
    shutil.copytree(sample_site[0], copy)
    return copy


@pytest.fixture
def rendered_apart(monkeypatch):
    """Every chunk one page, so that the small sample fills a pool; records the pages the
    workers were given."""
    monkeypatch.setattr(pagerender, "CHUNK_BYTES", 1)
    given: list[str] = []
    start = pagerender.PageRender.start

    def recording(self, *args):
        given.extend(uri for chunk in self.chunks for uri in chunk)
        return start(self, *args)

    monkeypatch.setattr(pagerender.PageRender, "start", recording)
    return given


def test_workers_write_the_bytes_mkdocs_writes(pages, tmp_path, rendered_apart):
    run_mkdocs(CONFIG, pages, tmp_path / "workers", jobs=2)
    assert any(uri.startswith("reports/") for uri in rendered_apart)
    assert any(uri.startswith("themes/") for uri in rendered_apart)
    assert "index.md" not in rendered_apart and "tifa.md" not in rendered_apart  # named in the nav: MkDocs'
    rendered_apart.clear()
    run_mkdocs(CONFIG, pages, tmp_path / "serial", jobs=1)
    assert not rendered_apart
    workers, serial = snapshot(tmp_path / "workers"), snapshot(tmp_path / "serial")
    assert len(workers) > 50
    assert workers == serial


def test_a_workers_warning_is_logged_by_the_parent(pages, tmp_path, rendered_apart, caplog):
    (pages / "years" / "broken.md").write_text("# 断链\n\n[别处](nowhere.md)\n", encoding="utf-8")
    run_mkdocs(CONFIG, pages, tmp_path / "site", jobs=2)
    assert "years/broken.md" in rendered_apart
    assert "Doc file 'years/broken.md' contains a link 'nowhere.md'" in caplog.text


def test_a_workers_failure_fails_the_build(pages, tmp_path, rendered_apart, monkeypatch):
    def broken(page, *args, **kwargs):
        raise RuntimeError(f"cannot render {page.file.src_uri}")

    monkeypatch.setattr(pagerender, "_populate_page", broken)  # inherited by the forked workers
    with pytest.raises(RuntimeError, match="cannot render"):
        run_mkdocs(CONFIG, pages, tmp_path / "site", jobs=2)


def test_an_interrupt_while_workers_render_leaves_none_running(pages, tmp_path, rendered_apart, monkeypatch):
    """Ctrl-C or SIGTERM (baogao.workers.Stopped) in the parent while the workers render: MkDocs calls
    no plugin for a KeyboardInterrupt, so baogao closes the pool itself."""
    start = pagerender.PageRender.start

    def interrupted(self, *args):
        start(self, *args)
        assert multiprocessing.active_children()  # the workers are rendering
        raise KeyboardInterrupt

    monkeypatch.setattr(pagerender.PageRender, "start", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run_mkdocs(CONFIG, pages, tmp_path / "site", jobs=2)
    assert not multiprocessing.active_children()
