"""Shared fixtures: paths, the sample and corpus sites and the office files built once per test
run (shared by the xdist workers), the real-report corpus, one browser per session."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
from collections.abc import Callable
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


def built_once(tmp_path_factory, name: str, build: Callable[[Path], object]) -> Path:
    """The folder `name` that `build(folder)` fills, made once per test run. Under pytest-xdist
    (`make test` runs two workers) the first worker to ask builds it under a lock in the run's
    shared temporary folder and the others wait for it and read it: the builds are the costly
    part of the suite. A build that fails leaves no "done" mark, so the next worker tries again
    (and fails with its own message). Users of the folder must only read it."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent  # pytest-N, the parent of every worker's popen-gwK
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            build(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> tuple[Path, Path]:
    """(pages, site) of the shipped sample archive, built once."""
    work = built_once(tmp_path_factory, "sample", lambda folder: build_site(REPORTS, folder))
    return work / "pages", work / "site"


@pytest.fixture(scope="session")
def corpus_site(corpus, tmp_path_factory) -> tuple[Path, Path]:
    """(pages, site) of the whole real-report corpus, built once."""
    work = built_once(tmp_path_factory, "corpus", lambda folder: build_site(corpus, folder))
    return work / "pages", work / "site"


@pytest.fixture(scope="session")
def published(sample_site, tmp_path_factory):
    """The sample archive built for test_nginx.BASE_URL, published and unpacked as a deployment
    (test_nginx.Published), once per session: test_nginx and test_offline serve and open it."""
    from tests.test_nginx import publish_sample

    pages, _ = sample_site
    return publish_sample(pages, tmp_path_factory.mktemp("publish"))


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
    from tests.office_fixtures import soffice

    texts = real_texts()
    sources = [path for path in texts if path.parent == SEEDS] + [path for path in texts if path.parent != SEEDS][::5]
    if not soffice():
        pytest.skip("LibreOffice (soffice) not found: apt-get install libreoffice-writer-nogui (.ci/run does)")
    work = built_once(tmp_path_factory, "office", lambda folder: _make_office_files(sources, folder))
    listed = json.loads((work / OFFICE_LIST).read_text(encoding="utf-8"))
    files: dict = {fmt: [(Path(source), work / name) for source, name in pairs] for fmt, pairs in listed["files"].items()}
    files["seconds"] = listed["seconds"]
    return files


OFFICE_LIST = "files.json"  # office_files' list of (source, file) per format, beside the files


def _make_office_files(sources: list[Path], work: Path) -> None:
    """office_files' conversions into `work`, listed in work/OFFICE_LIST."""
    import time

    from tests.office_fixtures import convert_with_soffice, pdf_to_ofd, report_docx, source_text

    docx = []
    for number, source in enumerate(sources):
        path = work / f"{number:03d}.docx"
        path.write_bytes(report_docx(source_text(source), running="某某单位文件"))
        docx.append(path)
    files = {"docx": list(zip(sources, docx))}
    seconds = {}
    for target in ("pdf", "doc"):
        started = time.monotonic()
        converted = convert_with_soffice(docx, target, work / target, work / "profile")
        seconds[f"docx→{target} (LibreOffice, {len(docx)} files)"] = time.monotonic() - started
        files[target] = list(zip(sources, converted))
    ofd = []
    for source, pdf in files["pdf"]:
        ofd.append((source, pdf.with_suffix(".ofd")))
        ofd[-1][1].write_bytes(pdf_to_ofd(pdf.read_bytes()))
    files["ofd"] = ofd
    listed = {fmt: [(str(source), path.relative_to(work).as_posix()) for source, path in pairs] for fmt, pairs in files.items()}
    (work / OFFICE_LIST).write_text(json.dumps({"files": listed, "seconds": seconds}, ensure_ascii=False), encoding="utf-8")


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class SessionBrowser:
    """Debian's chromium under Playwright, launched once per session (per xdist worker): a launch
    costs seconds, and a test's pages and contexts of their own keep the tests apart. If the
    browser dies, the next module gets a new one."""

    def __init__(self, playwright):
        self.playwright = playwright
        self.browser = None

    def get(self):
        if self.browser is None or not self.browser.is_connected():
            self.browser = self.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        return self.browser


@pytest.fixture(scope="session")
def session_browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = SessionBrowser(playwright)
        yield launched
        if launched.browser is not None:
            launched.browser.close()


@pytest.fixture
def reports_copy(tmp_path) -> Path:
    """A writable copy of the sample reports."""
    target = tmp_path / "reports"
    shutil.copytree(REPORTS, target)
    return target


@pytest.fixture(autouse=True, scope="session")
def _quiet_material():
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(autouse=True)
def _ctrl_c_as_from_a_terminal():
    """Every test starts with Python's own Ctrl-C handler, as a command run from a terminal has it: in a full
    `make test` a test worker was found with SIGINT ignored (cause not found; a library's helper process is one
    suspect), which the processes a test starts inherit, so the Ctrl-C tests' interrupts never landed."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


def pytest_collection_modifyitems(items):
    """The modules that read office_files, but the first, go last: under xdist the first one's
    worker makes the files (LibreOffice, a minute or more) while the other worker runs other
    modules, instead of waiting for them on the lock (`make test` hands out whole modules in
    this order)."""
    users = list(dict.fromkeys(item.module for item in items if "office_files" in getattr(item, "fixturenames", ())))
    late = set(users[1:])
    items.sort(key=lambda item: item.module in late)  # stable: the order within each part stays
