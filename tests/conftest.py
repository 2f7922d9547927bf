"""Shared fixtures: paths, the sample site built once per session, the real-report corpus."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from baogao.convert import convert_archive
from baogao.search.index import build_index_for_pages
from baogao.similar.index import build_similar_index
from baogao.site import run_mkdocs
from baogao.themes import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"
CORPUS = ROOT.parent / "shared" / "corpus"
NO_CORPUS = "../shared/corpus not found: the real-report corpus exists only in the development workspace"


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    return CORPUS


def build_site(reports: Path, workdir: Path, config: Path = ROOT / "mkdocs.yml") -> tuple[Path, Path]:
    """Convert (with the themes.yml beside `config`), index and build `reports` into
    workdir/pages and workdir/site, as `baogao build` does; returns both."""
    pages, site = workdir / "pages", workdir / "site"
    taxonomy = load_taxonomy(config.parent / "themes.yml")
    summary = convert_archive(reports, pages, taxonomy=taxonomy, jobs=1, progress=False)
    assert not summary.failed, summary.failed
    build_index_for_pages(pages)
    build_similar_index(pages)
    run_mkdocs(config, pages, site)
    return pages, site


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> tuple[Path, Path]:
    """(pages, site) of the shipped sample archive, built once."""
    return build_site(REPORTS, tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def corpus_site(corpus, tmp_path_factory) -> tuple[Path, Path]:
    """(pages, site) of the whole real-report corpus, built once."""
    return build_site(corpus, tmp_path_factory.mktemp("corpus"))


@pytest.fixture
def reports_copy(tmp_path) -> Path:
    """A writable copy of the sample reports."""
    target = tmp_path / "reports"
    shutil.copytree(REPORTS, target)
    return target


@pytest.fixture(autouse=True, scope="session")
def _quiet_material():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
