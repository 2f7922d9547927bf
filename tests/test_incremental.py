"""An incremental build gives exactly the site a cold build gives (issue 16).

A property test over random sequences of edits to a small archive (the user's seeds and a few
short corpus texts): add a report, change one, delete one, write or remove a sidecar, edit
themes.yml. After each edit `baogao build` runs twice on the same inputs — once incrementally
(the out folder and the converted pages of the previous step) and once cold (a fresh pages
folder, a fresh out folder) — and the two sites must be equal byte for byte, every file,
dot-files (the stamp, the file list) included. Nothing is excluded from the comparison: what
would differ between two builds (a date, a random id) must be a function of the inputs.

The sequences are drawn from seeded random generators (`SEEDS`; `BAOGAO_INCREMENTAL_SEED=N`
runs another one), so a failure names the seed and the steps that led to it.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
from pathlib import Path

import pytest
import yaml

from baogao.cli import main as baogao
from baogao.pagereuse import PAGE_KEYS
from tests.conftest import CORPUS, ROOT, SEEDS as SEED_TEXTS

STEPS = 4  # edits per sequence; each edit costs two builds
SEEDS = [int(os.environ["BAOGAO_INCREMENTAL_SEED"])] if os.environ.get("BAOGAO_INCREMENTAL_SEED") else [1, 2]
START_REPORTS = 8
MAX_BYTES = 12_000  # short texts keep each build at a few seconds
PROJECT_FILES = ("mkdocs.yml", "themes.yml", "docs", "overrides")
# Few years and offices, so that most reports have neighbours (previous/next of the same office
# or year) and an edit moves the neighbours of reports it does not touch.
YEARS = (2021, 2022, 2023)
SIDECAR_VALUES = {
    "year": lambda rng: rng.choice(YEARS),
    "org": lambda rng: rng.choice(["县政府办公室", "市档案馆"]),
    "title": lambda rng: rng.choice(["关于政务信息报送工作的情况汇报", "年度工作总结（修订）"]),
    "doc_type": lambda rng: rng.choice(["工作总结", "情况汇报", "调研报告"]),
    "level": lambda rng: rng.choice(["省", "市", "县"]),
}


def texts() -> list[Path]:
    """UTF-8 texts short enough for a quick build: the seeds, then corpus texts."""
    found = sorted(SEED_TEXTS.glob("*.txt")) + sorted(CORPUS.rglob("*.txt"))
    if not found:
        pytest.skip("../shared/seeds and ../shared/corpus not found: they exist only in the development workspace")
    short = []
    for path in found:
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if len(raw) <= MAX_BYTES:
            short.append(path)
    return short


def snapshot(site: Path) -> dict[str, str]:
    """Relative path → SHA-256 of every file under `site`, dot-files included."""
    found = {}
    for parent, _, files in os.walk(site):
        for name in files:
            path = Path(parent, name)
            found[path.relative_to(site).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def differences(incremental: Path, cold: Path) -> list[str]:
    a, b = snapshot(incremental), snapshot(cold)
    return sorted(rel for rel in a.keys() | b.keys() if a.get(rel) != b.get(rel))


class Archive:
    """The reports folder and the project (themes.yml) one sequence edits."""

    def __init__(self, work: Path, rng: random.Random):
        self.rng = rng
        self.reports = work / "reports"
        self.project = work / "project"
        self.reports.mkdir(parents=True)
        for name in PROJECT_FILES:
            source, target = ROOT / name, self.project / name
            if source.is_dir():
                shutil.copytree(source, target)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(source, target)
        self.pool = texts()
        rng.shuffle(self.pool)
        for _ in range(min(START_REPORTS, len(self.pool))):
            self.add()

    def present(self) -> list[Path]:
        return sorted(self.reports.glob("*.txt"))

    def add(self) -> str:
        source = self.pool.pop()
        target = self.reports / f"{len(self.pool):03d}_{source.name}"
        shutil.copy(source, target)
        if self.rng.random() < 0.7:
            year = self.rng.choice(YEARS)
            target.with_suffix(".meta.yml").write_text(f"year: {year}\n", encoding="utf-8")
            return f"add {target.name} (year {year})"
        return f"add {target.name}"

    def change(self) -> str:
        target = self.rng.choice(self.present())
        lines = target.read_text(encoding="utf-8").splitlines()
        other = self.rng.choice(self.present()).read_text(encoding="utf-8").splitlines()
        at = self.rng.randrange(1, len(lines) + 1)
        how = self.rng.choice(["insert", "replace", "drop"])
        if how == "insert" or len(lines) < 3:
            lines.insert(at, self.rng.choice([line for line in other if line.strip()] or ["新增一段。"]))
        elif how == "replace":
            lines[at - 1] = lines[at - 1][::-1]
        else:
            del lines[at - 1]
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return f"change {target.name} ({how} line {at})"

    def delete(self) -> str:
        target = self.rng.choice(self.present())
        target.unlink()
        target.with_suffix(".meta.yml").unlink(missing_ok=True)
        return f"delete {target.name}"

    def sidecar(self) -> str:
        target = self.rng.choice(self.present()).with_suffix(".meta.yml")
        if target.exists() and self.rng.random() < 0.3:
            target.unlink()
            return f"sidecar {target.name} removed"
        field = self.rng.choice(sorted(SIDECAR_VALUES))
        values = yaml.safe_load(target.read_text(encoding="utf-8")) if target.exists() else {}
        values[field] = SIDECAR_VALUES[field](self.rng)
        target.write_text(yaml.safe_dump(values, allow_unicode=True), encoding="utf-8")
        return f"sidecar {target.name} {field}={values[field]}"

    def themes(self) -> str:
        path = self.project / "themes.yml"
        taxonomy = yaml.safe_load(path.read_text(encoding="utf-8"))
        how = self.rng.choice(["threshold", "drop", "keyword"])
        if how == "threshold":
            taxonomy["threshold"] = self.rng.choice([3, 4, 5, 6])
            what = f"threshold {taxonomy['threshold']}"
        elif how == "drop" and len(taxonomy["themes"]) > 2:
            what = f"drop {taxonomy['themes'].pop(self.rng.randrange(len(taxonomy['themes'])))['name']}"
        else:
            theme = self.rng.choice(taxonomy["themes"])
            word = self.rng.choice(["工作", "会议", "督办", "报送", "服务", "学习"])
            theme.setdefault("keywords", {})[word] = self.rng.choice([1, 2, 3])
            what = f"{theme['name']} keyword {word}"
        path.write_text(yaml.safe_dump(taxonomy, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return f"themes.yml {what}"

    def edit(self) -> str:
        kinds = ["change", "sidecar", "themes"]
        if self.pool:
            kinds.append("add")
        if len(self.present()) > 2:
            kinds.append("delete")
        return getattr(self, self.rng.choice(kinds))()

    def build(self, pages: Path, out: Path) -> None:
        args = ["build", "--reports", str(self.reports), "--pages", str(pages), "--out", str(out),
                "--config", str(self.project / "mkdocs.yml"), "--quiet", "--jobs", "1"]
        assert baogao(args) == 0, f"baogao {' '.join(args)} failed"


@pytest.mark.parametrize("seed", SEEDS)
def test_incremental_build_equals_cold_build(tmp_path, seed):
    rng = random.Random(seed)
    archive = Archive(tmp_path, rng)
    pages, site = tmp_path / "pages", tmp_path / "site"
    archive.build(pages, site)
    steps: list[str] = []
    for number in range(STEPS):
        steps.append(archive.edit())
        archive.build(pages, site)
        cold = tmp_path / f"cold{number}"
        archive.build(cold / "pages", cold / "site")
        differ = differences(site, cold / "site")
        assert not differ, (f"seed {seed}, after {'; '.join(steps)}: the incremental site differs from the cold "
                            f"build in {len(differ)} files: {', '.join(differ[:20])}")
        shutil.rmtree(cold)


def test_a_page_edited_after_its_build_is_rendered_again(tmp_path):
    """A report page is taken from the previous site only as its build wrote it (its digest in
    the site's file list): one edited since is rendered again, and the fidelity check reads it."""
    from tests.test_safety_build import build_args, write_archive

    write_archive(tmp_path / "reports", "第一版。")
    assert baogao(build_args(tmp_path)) == 0
    page = next(path for path in sorted((tmp_path / "site" / "reports").glob("*.html"))
                if "第一版" not in path.read_text(encoding="utf-8"))  # a report the next edit leaves alone
    original = page.read_bytes()
    edited = original.replace("督查督办".encode(), "已被改动".encode())
    assert edited != original
    page.write_bytes(edited)
    write_archive(tmp_path / "reports", "第二版。")  # another report changes: an incremental build
    assert baogao(build_args(tmp_path)) == 0
    assert page.read_bytes() == original


def test_the_generated_pages_in_the_nav_are_taken_when_their_markdown_is_unchanged(tmp_path):
    """One report's wording changes; the 提法库, home and index pages it does not change are the
    previous site's files (their nav titles as mkdocs.yml gives them: the property test compares
    every page with a cold build's), and the one it changes is rendered."""
    from tests.test_safety_build import build_args, write_archive

    write_archive(tmp_path / "reports", "第一版。")
    assert baogao(build_args(tmp_path)) == 0
    site = tmp_path / "site"
    nav_pages = ["tifa.html", "themes/index.html", "years/index.html", "browse/index.html", "reuse/index.html"]
    inodes = {name: (site / name).stat().st_ino for name in nav_pages}
    write_archive(tmp_path / "reports", "第二版。")
    assert baogao(build_args(tmp_path)) == 0
    assert {name: (site / name).stat().st_ino for name in nav_pages} == inodes
    # a page rendered again names the taken ones in its tabs as mkdocs.yml does
    tabs = re.findall(r'class="md-tabs__link">\s*([^<]*?)\s*</a>', (site / "help.html").read_text(encoding="utf-8"))
    assert {"按主题", "按年份", "分类浏览"} <= set(tabs), tabs


def test_an_added_report_renders_its_neighbours_again(tmp_path):
    """Three reports of one year are neighbours (previous/next); a fourth of that year, added
    between them, changes two pages besides its own, which must not be taken unchanged. (It
    shares no passage with them, so their 亦见于 stays: only the neighbours change.)"""
    from tests.test_safety_build import build_args, write_archive

    write_archive(tmp_path / "reports", "第一版。")
    assert baogao(build_args(tmp_path)) == 0
    added = tmp_path / "reports" / "政务服务中心情况.txt"
    added.write_text("政务服务中心年度情况\n\n窗口受理事项逾万件，群众满意率持续提高。\n", encoding="utf-8")
    added.with_suffix(".meta.yml").write_text("year: 2023\n", encoding="utf-8")
    assert baogao(build_args(tmp_path)) == 0
    kept = json.loads((tmp_path / "site" / PAGE_KEYS).read_text(encoding="utf-8"))
    assert len([page for page in kept if page.startswith("reports/")]) == 4
    cold = tmp_path / "cold"
    (cold / "reports").mkdir(parents=True)
    for path in (tmp_path / "reports").iterdir():
        shutil.copy(path, cold / "reports" / path.name)
    assert baogao(build_args(cold)) == 0
    differ = differences(tmp_path / "site", cold / "site")
    assert not differ, f"the incremental site differs from the cold build in {differ}"


def test_a_themes_edit_reclassifies_without_reading_and_renders_only_what_changed(tmp_path, monkeypatch):
    """A theme added to themes.yml whose keyword only one report holds: every report is
    classified again from what conversion kept of it (none is read and parsed again), that
    report's page is rendered again with the new theme's chip, and the other report pages are
    the previous site's files (hard links: the same inodes); their Markdown in the pages folder,
    rendered the same, is not written again (the same inodes). The site equals a cold build's."""
    from baogao import convert
    from tests.test_safety_build import build_args, write_archive

    project = tmp_path / "project"
    project.mkdir()
    for name in PROJECT_FILES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    config = project / "mkdocs.yml"
    write_archive(tmp_path / "reports", "第一版。")
    assert baogao(build_args(tmp_path, config=config)) == 0
    pages = {path.name: path.stat().st_ino for path in (tmp_path / "site" / "reports").glob("*.html")}
    assert len(pages) == 3
    markdown = {path.stem: path.stat().st_ino for path in (tmp_path / "pages" / "reports").glob("*.md")}
    taxonomy = project / "themes.yml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8")
                        + "\n  - name: 档案测试\n    description: 只为测试而加\n    keywords: {档案馆: 9}\n", encoding="utf-8")

    def not_again(*args):
        raise AssertionError("a report was read and parsed again after a themes.yml edit")

    with monkeypatch.context() as patch:
        patch.setattr(convert, "prepare_report", not_again)
        assert baogao(build_args(tmp_path, config=config)) == 0
    catalog = {e["url"].removeprefix("reports/"): e for e in
               json.loads((tmp_path / "site" / "catalog.json").read_text(encoding="utf-8"))}
    tagged = [name for name, entry in catalog.items() if "档案测试" in entry["themes"]]
    assert len(tagged) == 1 and "市档案馆" in catalog[tagged[0]]["source"]
    for name, inode in pages.items():
        page = tmp_path / "site" / "reports" / name
        assert (page.stat().st_ino == inode) == (name not in tagged), name
        assert ("档案测试" in page.read_text(encoding="utf-8")) == (name in tagged), name
    tagged_ids = {catalog[name]["id"] for name in tagged}
    for page_id, inode in markdown.items():
        rewritten = (tmp_path / "pages" / "reports" / f"{page_id}.md").stat().st_ino != inode
        assert rewritten == (page_id in tagged_ids), page_id
    cold = tmp_path / "cold"
    shutil.copytree(tmp_path / "reports", cold / "reports")
    assert baogao(build_args(cold, config=config)) == 0
    differ = differences(tmp_path / "site", cold / "site")
    assert not differ, f"the incremental site differs from the cold build in {differ}"


def test_the_sitemap_lists_the_taken_pages(tmp_path):
    """With a base URL the sitemap lists every page; after an edit of one report the other
    report pages are taken from the previous site (MkDocs never reads them), and the sitemap
    still lists them, as a cold build's does."""
    from tests.test_safety_build import BASE_URL, build_args, write_archive

    write_archive(tmp_path / "reports", "第一版。")
    assert baogao(build_args(tmp_path, command="publish")) == 0
    site = tmp_path / "site"
    inodes = {path.name: path.stat().st_ino for path in (site / "reports").glob("*.html")}
    write_archive(tmp_path / "reports", "第二版。")
    assert baogao(build_args(tmp_path, command="publish")) == 0
    taken = [name for name, inode in inodes.items() if (site / "reports" / name).stat().st_ino == inode]
    assert len(taken) == 2
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for page in json.loads((site / "catalog.json").read_text(encoding="utf-8")):
        assert f"<loc>{BASE_URL}{page['url']}</loc>" in sitemap
    cold = tmp_path / "cold"
    shutil.copytree(tmp_path / "reports", cold / "reports")
    assert baogao(build_args(cold, command="publish")) == 0
    assert (cold / "site" / "sitemap.xml").read_text(encoding="utf-8") == sitemap
