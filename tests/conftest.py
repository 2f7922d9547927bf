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


SEEDS = ROOT.parent / "shared" / "seeds"
NO_TEXTS = "../shared/seeds and ../shared/corpus not found: they exist only in the development workspace"


def real_texts() -> list[Path]:
    """The user's seeds and the corpus: the texts every format's fidelity is measured on."""
    found = sorted(SEEDS.glob("*.txt")) + sorted(CORPUS.rglob("*.txt"))
    if not found:
        pytest.skip(NO_TEXTS)
    return found


@pytest.fixture(scope="session")
def office_files(tmp_path_factory) -> dict[str, list[tuple[Path, Path]]]:
    """The seeds and every fifth corpus text as .docx (python-docx, Word numbering, a running
    header and page numbers), as .pdf and .doc made from that .docx by LibreOffice, and as .ofd
    made from the .pdf's layout: format → [(source .txt, file)]. A sample, since LibreOffice
    takes seconds a file; scripts/formats_bench.py measures every text. The time each
    conversion took is in office_files["seconds"]."""
    import time

    from tests.office_fixtures import convert_with_soffice, pdf_to_ofd, report_docx, soffice, source_text

    texts = real_texts()
    sources = [path for path in texts if path.parent == SEEDS] + [path for path in texts if path.parent != SEEDS][::5]
    if not soffice():
        pytest.skip("LibreOffice (soffice) not found: apt-get install libreoffice-writer-nogui (.ci/run does)")
    work = tmp_path_factory.mktemp("office")
    docx = []
    for number, source in enumerate(sources):
        path = work / f"{number:03d}.docx"
        path.write_bytes(report_docx(source_text(source), running="某某单位文件"))
        docx.append(path)
    files: dict = {"docx": list(zip(sources, docx)), "seconds": {}}
    for target in ("pdf", "doc"):
        started = time.monotonic()
        converted = convert_with_soffice(docx, target, work / target, work / "profile")
        files["seconds"][f"docx→{target} (LibreOffice, {len(docx)} files)"] = time.monotonic() - started
        files[target] = list(zip(sources, converted))
    ofd = []
    for source, pdf in files["pdf"]:
        ofd.append((source, pdf.with_suffix(".ofd")))
        ofd[-1][1].write_bytes(pdf_to_ofd(pdf.read_bytes()))
    files["ofd"] = ofd
    return files


@pytest.fixture
def reports_copy(tmp_path) -> Path:
    """A writable copy of the sample reports."""
    target = tmp_path / "reports"
    shutil.copytree(REPORTS, target)
    return target


@pytest.fixture(autouse=True, scope="session")
def _quiet_material():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
