"""Tests of baogao.catalog's archive-wide rules: the order of reports, their neighbours and the
titles that tell them apart (lists, catalog.json, the citation on a report's own page)."""

from __future__ import annotations

import json
import shutil

from baogao.catalog import CATALOG_FILE, NEIGHBOURS_FILE, distinct_titles, neighbours, newest_first
from baogao.cite import cite_source
from baogao.convert import convert_archive

NOTICE = "2025年公开通报3起整治形式主义为基层减负典型问题"


def meta(report_id: str, title: str = "工作总结", **fields) -> dict:
    return {"id": report_id, "display_title": title, "year": None, "year_min": None, "date": None,
            "org": None, "region": None, "source": f"{report_id}.txt", **fields}


def titles(metas: list[dict]) -> dict[str, str]:
    return {m["id"]: m["display_title"] for m in metas}


def test_one_title_shared_by_reports_gets_their_dates_else_their_file_names():
    dated = [meta("a", NOTICE, year=2025, date="2025-02-09"), meta("b", NOTICE, year=2025, date="2025-04-27"),
             meta("c", "2024年工作总结", year=2024)]
    assert titles(distinct_titles(dated)) == {
        "a": f"{NOTICE}（2月9日）", "b": f"{NOTICE}（4月27日）", "c": "2024年工作总结"}  # its year is in the title
    undated = [meta("x", "工作总结", source="办公室/二〇二三年总结.docx"), meta("y", "工作总结", date="2023-12-30")]
    assert titles(distinct_titles(undated)) == {"x": "工作总结（二〇二三年总结）", "y": "工作总结（y）"}
    same_stem = [meta("p", source="甲乡/总结.txt"), meta("q", source="乙乡/总结.txt")]
    assert titles(distinct_titles(same_stem)) == {"p": "工作总结（甲乡/总结.txt）", "q": "工作总结（乙乡/总结.txt）"}
    no_year_in_title = [meta("m", "工作总结", date="2023-01-05"), meta("n", "工作总结", date="2024-01-08")]
    assert titles(distinct_titles(no_year_in_title)) == {"m": "工作总结（2023年1月5日）", "n": "工作总结（2024年1月8日）"}
    assert distinct_titles(dated)[2] is dated[2]  # a title of its own is left as it is


def test_a_years_reports_are_ordered_by_date_newest_first():
    metas = [meta("old", year=2025, date="2025-02-09"), meta("undated", year=2025), meta("new", year=2025, date="2025-10-30"),
             meta("last_year", year=2024, date="2024-12-31")]
    assert [m["id"] for m in newest_first(metas)] == ["new", "old", "undated", "last_year"]


def test_neighbours_are_the_same_full_office_or_year_and_carry_a_title_told_apart():
    metas = [meta("a1", year=2023, org="安阳市总工会"), meta("a2", year=2024, org="安阳市总工会"),
             meta("z", year=2024, org="自贡市总工会"), meta("bare1", year=2022, org="市总工会"),
             meta("bare2", year=2022, org="市总工会"), meta("unknown", org="市总工会")]
    found = neighbours(metas)
    assert found["a1"]["by"] == "org" and found["a1"]["next"]["url"] == "reports/a2.html"
    assert found["z"]["prev"] is None and found["z"]["next"] is None  # 自贡 is another office
    linked = {link["url"] for link in (found["bare1"]["prev"], found["bare1"]["next"]) if link}
    assert found["bare1"]["by"] == "year" and linked == {"reports/bare2.html"}  # which 市总工会? the year links
    assert "unknown" not in found  # neither a full office nor a year
    assert found["a1"]["next"]["year"] == "2024"  # shown beside a title that does not say it
    dated = neighbours([meta("x", "2024年工作总结", year=2024, org="安阳市总工会"), meta("y", "2025年工作总结", year=2025, org="安阳市总工会")])
    assert dated["x"]["next"] == {"url": "reports/y.html", "title": "2025年工作总结", "year": ""}
    shown = distinct_titles([meta("u", NOTICE), meta("v", NOTICE)])
    found = neighbours(shown, {"u": NOTICE, "v": NOTICE})
    assert found["u"]["title"] == f"{NOTICE}（u）" and found["u"]["prev"] is None
    assert json.loads(cite_source(meta("u", NOTICE), found["u"]["title"]))["title"] == f"{NOTICE}（u）"
    assert json.loads(cite_source(meta("u", NOTICE)))["title"] == NOTICE


def test_an_archive_lists_and_cites_reports_of_one_title_apart(tmp_path):
    """Three notices of one title and year, each with its dateline: catalog.json lists them
    under their dates, and each page's citation uses the title it is listed under."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, day in (("a", "2月9日"), ("b", "4月27日"), ("c", "7月14日")):
        (reports / f"{name}.txt").write_text(
            f"{NOTICE}\n新华社北京{day}电 日前，有关部门对3起典型问题进行通报。具体如下：\n1．某县搞层层陪同。\n",
            encoding="utf-8")
    pages = tmp_path / "pages"
    assert not convert_archive(reports, pages, jobs=1, progress=False).failed
    catalog = json.loads((pages / CATALOG_FILE).read_text(encoding="utf-8"))
    assert [(e["display_title"], e["date"]) for e in catalog] == [
        (f"{NOTICE}（7月14日）", "2025-07-14"), (f"{NOTICE}（4月27日）", "2025-04-27"), (f"{NOTICE}（2月9日）", "2025-02-09")]
    place = json.loads((pages / NEIGHBOURS_FILE).read_text(encoding="utf-8"))
    assert {place[e["id"]]["title"] for e in catalog} == {e["display_title"] for e in catalog}
    year_page = (pages / "years" / "2025.md").read_text(encoding="utf-8")
    assert all(e["display_title"] in year_page for e in catalog)


def test_archive_pages_are_written_only_when_their_bytes_change_and_the_tifa_page_only_when_its_inputs_do(
        tmp_path, monkeypatch):
    """After one report changed, the archive-wide files whose bytes stay the same are not
    written again (same inode and time: the page reuse and file memories see them untouched);
    the 提法库 page is computed again only when a report's formulations or year changed, or the
    page on disk is not the one written; every file still equals a cold conversion's."""
    from baogao import catalog
    from baogao.analysis import formulations

    reports = tmp_path / "reports"
    reports.mkdir()
    series = "马上就办、真抓实干、久久为功"
    for name, org, year in (("a", "县政府办公室", 2021), ("b", "市档案馆", 2022), ("c", "县政府办公室", 2023), ("d", "市档案馆", 2023)):
        (reports / f"{name}.txt").write_text(
            f"{org}{year}年工作总结\n一、主要工作\n全年坚持{series}，推动“放管服”改革。\n二、下一步打算\n继续努力。\n",
            encoding="utf-8")
    pages = tmp_path / "pages"
    computed = []
    page = formulations.page
    monkeypatch.setattr(formulations, "page", lambda entries: computed.append(1) or page(entries))
    convert_archive(reports, pages, jobs=1, progress=False)
    assert len(computed) == 1 and series in (pages / formulations.PAGE).read_text(encoding="utf-8")

    def files() -> dict[str, tuple[int, int]]:
        found = [*pages.glob("*.md"), *pages.glob("*.json"), *(p for f in ("years", "browse", "themes") for p in (pages / f).rglob("*.md"))]
        return {p.relative_to(pages).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in found}

    before = files()
    with (reports / "b.txt").open("a", encoding="utf-8") as f:
        f.write("补充一段。\n")  # its character count changes: catalog.json and the home page, not the lists
    convert_archive(reports, pages, jobs=1, progress=False)
    after = files()
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert {"catalog.json", "index.md"} <= rewritten and "years/2022.md" not in rewritten and "tifa.md" not in rewritten
    assert len(computed) == 1  # no formulation changed: the page was not computed again
    cold = tmp_path / "cold"
    convert_archive(reports, cold, jobs=1, progress=False)
    assert len(computed) == 2
    for name in after:
        if name != catalog.MEMO_FILE:
            assert (pages / name).read_bytes() == (cold / name).read_bytes(), name
    for name in ("c", "d"):  # “放管服” is left in two reports: under MIN_REPORTS
        (reports / f"{name}.txt").write_text(f"{name}单位2023年工作总结\n全年坚持{series}。\n", encoding="utf-8")
    convert_archive(reports, pages, jobs=1, progress=False)
    assert len(computed) == 3 and "放管服" not in (pages / formulations.PAGE).read_text(encoding="utf-8")
    (pages / formulations.PAGE).write_text("edited\n", encoding="utf-8")  # not the page it wrote: computed again
    (reports / "a.txt").touch()
    convert_archive(reports, pages, jobs=1, progress=False)
    assert len(computed) == 4 and series in (pages / formulations.PAGE).read_text(encoding="utf-8")


def test_archive_pages_are_not_made_again_while_their_inputs_and_files_are_as_made(tmp_path, monkeypatch):
    """A build whose reports, taxonomy and code are those the archive-wide pages were made from,
    and whose pages hold what was made, does not make them again (at 100 000 reports 55 s of a
    no-change rebuild); a report changed, a page edited, deleted or added, or the memory gone,
    and they are made again — the bytes a cold build makes."""
    from baogao import catalog

    reports = tmp_path / "reports"
    reports.mkdir()
    for name, org, year in (("a", "县政府办公室", 2021), ("b", "市档案馆", 2022), ("c", "县政府办公室", 2023)):
        (reports / f"{name}.txt").write_text(f"{org}{year}年工作总结\n一、主要工作\n全年开展督查，改进作风。\n", encoding="utf-8")
    pages = tmp_path / "pages"
    made = []
    home = catalog._home_page
    monkeypatch.setattr(catalog, "_home_page", lambda *args: made.append(1) or home(*args))

    def build() -> int:
        before = len(made)
        convert_archive(reports, pages, jobs=1, progress=False)
        cold = tmp_path / f"cold{len(made)}"
        convert_archive(reports, cold, jobs=1, progress=False)
        for path in cold.rglob("*"):
            name = path.relative_to(cold).as_posix()
            if path.is_file() and not name.startswith((".", "prepared/")):
                assert (pages / name).read_bytes() == path.read_bytes(), name
        return len(made) - before - 1  # the cold build's own

    assert build() == 1  # first build
    assert build() == 0  # nothing changed: not made
    (pages / "years" / "2022.md").write_text("edited\n", encoding="utf-8")
    assert build() == 1
    (pages / "index.md").unlink()
    assert build() == 1
    (pages / "years" / "1990.md").write_text("stray\n", encoding="utf-8")
    assert build() == 1 and not (pages / "years" / "1990.md").exists()
    (pages / catalog.PAGES_MEMO_FILE).unlink()
    assert build() == 1
    with (reports / "b.txt").open("a", encoding="utf-8") as f:
        f.write("补充一段。\n")
    assert build() == 1
    assert build() == 0


def _listed(markdown: str) -> list[str]:
    """The report links of a page's listing blocks."""
    from baogao.listing_html import END, START, parse

    return [a.get("href") for chunk in markdown.split(START)[1:] for element in parse(chunk.split(END)[0].strip("\n"))
            for a in element.iter("a") if "/reports/" in a.get("href", "")]


def _archive(count: int, years: tuple[int | None, ...]) -> list[dict]:
    return [meta(f"r{i:05d}", f"报告{i}", year=years[i % len(years)], level="县", doc_type="工作总结", themes=["督查"],
                 chars=10, region="湖南省", org=f"第{i % 7}办公室")
            for i in range(count)]


def test_a_list_longer_than_year_pages_from_is_paged_by_year_each_report_listed_once():
    """A level of 9 000 reports is not one 3 MB page: its page lists the newest year and links a page per other
    year (年份不详 last); every report is listed once, its link resolving from the page it is on."""
    from posixpath import normpath

    from baogao.catalog import FACETS, YEAR_PAGES_FROM, YEARS, _theme_pages

    level = next(facet for facet in FACETS if facet.field == "level")
    metas = _archive(YEAR_PAGES_FROM + 200, (2024, 2023, 2021, None))
    pages = level.pages(metas)
    assert sorted(pages) == ["县.md", "县/2021.md", "县/2023.md", "县/unknown.md"]  # 2024, the newest, on 县.md itself
    links = [normpath(f"browse/level/{name.rpartition('/')[0]}/{href}") for name, page in pages.items() for href in _listed(page)]
    assert sorted(links) == sorted(f"reports/{m['id']}.md" for m in metas)  # each once, resolved from its page
    assert all(_listed(pages[f"县/{year}.md"]) and "（新到旧）。[县：全部年份](../县.md)" in pages[f"县/{year}.md"]
               for year in ("2021", "2023", "unknown"))
    head = pages["县.md"].split("\n## ")[0]
    assert "[2023 年](县/2023.md) 300" in head and "[年份不详](县/unknown.md) 300" in head and "(#y2024) 300" in head
    assert f"共 {len(metas)} 篇，按年份分页" in head
    # one report fewer than the limit: one page; the years' own pages are never paged
    assert list(level.pages(metas[:YEAR_PAGES_FROM])) == ["县.md"]
    assert len(YEARS.pages(_archive(YEAR_PAGES_FROM + 1, (2024,)))) == 1
    # a theme's page the same way, its sections' links too
    by_id = {m["id"]: {"sections": [{"theme": "督查", "label": "一、督查", "anchor": "a", "excerpt": "…", "evidence": [], "parts": []}]}
             for m in metas}
    themed = _theme_pages("督查", "说明", metas, by_id).texts()
    assert sorted(themed) == ["督查.md", "督查/2021.md", "督查/2023.md", "督查/unknown.md"]
    assert "../../reports/r00001.md#a" in themed["督查/2023.md"] and "说明" in themed["督查.md"]


def test_year_pages_no_longer_made_are_removed_with_their_folder(tmp_path):
    """When a list shrinks back under the limit, its year pages and their folder go (pages baogao wrote)."""
    from baogao.catalog import YEAR_PAGES_FROM, write_site_pages

    def write(path, text):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    metas = _archive(YEAR_PAGES_FROM + 10, (2024, 2023))
    write_site_pages([{"meta": m} for m in metas], tmp_path, write)
    assert (tmp_path / "browse" / "level" / "县" / "2023.md").is_file()
    write_site_pages([{"meta": m} for m in metas[:20]], tmp_path, write)
    assert not (tmp_path / "browse" / "level" / "县").exists()
    assert (tmp_path / "browse" / "level" / "县.md").is_file()


def test_the_site_takes_year_pages_once_each(tmp_path):
    """MkDocs is given a list's year pages (browse/level/县/2023.md) beside its other pages, each once."""
    from baogao.site import generated_files

    for name in ("browse/index.md", "browse/level/index.md", "browse/level/县.md", "browse/level/县/2023.md",
                 "themes/督查.md", "themes/督查/2023.md", "reports/r1.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    files = generated_files(tmp_path)
    assert len(files) == len(set(files))
    assert {"browse/level/县/2023.md", "themes/督查/2023.md", "browse/level/县.md", "reports/r1.md"} <= set(files)


def _entry(i: int, org: str, region: str, year: int) -> dict:
    """A conversion-state entry of report i: its meta, its conversion key, a 督查 section."""
    report = meta(f"r{i:03d}", f"{org}{year}年工作总结", year=year, org=org, region=region, level="县", doc_type="工作总结",
                  themes=["督查"], chars=100 + i)
    section = {"theme": "督查", "label": "一、督查", "anchor": "a", "excerpt": f"督查{i}", "evidence": [["督查", 3, "text"]], "parts": []}
    return {"meta": report, "key": f"key{i}", "sections": [section], "formulations": [], "full_office": True}


class _Rendered:
    """The listing and theme pages `write_site_pages` renders (`Pages.text`), by path in the pages folder."""

    def __init__(self, monkeypatch):
        from baogao.catalog import Pages

        self.paths: set[str] = set()
        text = Pages.text
        monkeypatch.setattr(Pages, "text", lambda pages, name: self.paths.add(f"{pages.folder}/{name}") or text(pages, name))

    def __call__(self, entries: list[dict], pages, taxonomy) -> set[str]:
        from baogao.catalog import write_site_pages
        from baogao.convert import write_atomic

        self.paths.clear()
        write_site_pages(entries, pages, write_atomic, taxonomy)
        return set(self.paths)


def _pages(folder) -> dict[str, tuple[bytes, int, int]]:
    """The archive-wide pages: bytes, inode and time."""
    return {p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*.md"))}


def test_an_edit_renders_only_the_listing_and_theme_pages_whose_reports_changed(tmp_path, monkeypatch):
    """A report's office changed renders the pages that list it (its office shows on each line): the old and the new
    office's region pages of offices, its year, level, type and region pages and its theme page — no other; a report
    changed (its conversion key) only the theme page that lists its sections; a page edited on disk is rendered
    again. Every page is the bytes a full render (a fresh folder) writes, and a page not rendered keeps its file."""
    from baogao.themes import load_taxonomy
    from tests.conftest import ROOT

    taxonomy = load_taxonomy(ROOT / "themes.yml")
    offices = [("安阳市总工会", "河南省"), ("郑州市档案馆", "河南省"), ("长沙市档案馆", "湖南省"), ("岳阳县政府办公室", "湖南省")]
    entries = [_entry(i, *offices[i % 4], 2021 + i % 3) for i in range(24)]
    render = _Rendered(monkeypatch)
    pages, cold = tmp_path / "pages", tmp_path / "cold"
    everything = render(entries, pages, taxonomy)
    assert {"browse/org/河南省.md", "browse/org/湖南省.md", "years/2021.md", "themes/督查.md"} <= everything

    def edit(changed: list[dict]) -> set[str]:
        before = _pages(pages)
        rendered = render(changed, pages, taxonomy)
        shutil.rmtree(cold, ignore_errors=True)
        assert render(changed, cold, taxonomy) == everything  # a fresh folder: every page
        after = _pages(pages)
        assert {name: page[0] for name, page in after.items()} == {name: page[0] for name, page in _pages(cold).items()}
        untouched = {name for name in after if name not in rendered and not name.endswith("index.md")}
        assert all(after[name] == before[name] for name in untouched)  # not written again: the same inode and time
        return rendered

    moved = [dict(e) for e in entries]
    moved[5] = {**entries[5], "meta": {**entries[5]["meta"], "org": "长沙市档案馆", "region": "湖南省"}, "key": "key5-sidecar"}
    assert entries[5]["meta"]["region"] == "河南省" and entries[5]["meta"]["year"] == 2023
    assert edit(moved) == {"browse/org/河南省.md", "browse/org/湖南省.md", "browse/region/河南省.md", "browse/region/湖南省.md",
                           "years/2023.md", "browse/level/县.md", "browse/type/工作总结.md", "themes/督查.md"}
    reworded = [*moved[:7], {**moved[7], "key": "key7-edited", "meta": {**moved[7]["meta"], "chars": 999}}, *moved[8:]]
    assert edit(reworded) == {"themes/督查.md"}  # its sections may have changed; its line on the other pages has not
    assert edit(reworded) == set()
    (pages / "years" / "2022.md").write_text("edited\n", encoding="utf-8")
    assert edit(reworded) == {"years/2022.md"}


def test_a_group_gone_removes_its_pages_and_a_long_list_renders_only_the_year_pages_that_changed(tmp_path, monkeypatch):
    """The last report of a region deleted: its region's pages go, as a full render has none. In a list paged by
    year (YEAR_PAGES_FROM), a report added renders its year's page and the list's first page (the counts), not the
    other years' pages."""
    from baogao import catalog

    monkeypatch.setattr(catalog, "YEAR_PAGES_FROM", 10)
    entries = [_entry(i, "县政府办公室", "河南省", 2019 + i % 4) for i in range(30)] + [_entry(30, "市档案馆", "湖南省", 2020)]
    render = _Rendered(monkeypatch)
    pages, cold = tmp_path / "pages", tmp_path / "cold"
    render(entries, pages, None)
    assert {"browse/level/县/2019.md", "browse/region/湖南省.md", "browse/org/湖南省.md"} <= set(_pages(pages))
    rendered = render(entries[:30], pages, None)
    assert rendered == {"years/2020.md", "browse/level/县.md", "browse/level/县/2020.md", "browse/type/工作总结.md",
                        "browse/type/工作总结/2020.md"}  # the lists it left; its region's and office's pages: gone
    render(entries[:30], cold, None)
    assert {name: page[0] for name, page in _pages(pages).items()} == {name: page[0] for name, page in _pages(cold).items()}
    assert not (pages / "browse" / "region" / "湖南省.md").exists() and not (pages / "browse" / "org" / "湖南省.md").exists()
    added = _entry(31, "县政府办公室", "河南省", 2021)
    rendered = render([*entries[:30], added], pages, None)
    paged = ("level/县", "type/工作总结", "region/河南省")  # (a region's page of offices is never paged)
    assert rendered == {"years/2021.md", "browse/org/河南省.md", *(f"browse/{f}{page}" for f in paged for page in (".md", "/2021.md"))}


def test_values_that_read_alike_as_file_names_get_pages_of_their_own():
    """湖南省（长沙） and 湖南省(长沙) (a sidecar's region, full- and half-width brackets) both read 湖南省-长沙 as a file
    name: each gets a page of its own listing its reports, from the index and from the offices' pages; a value named
    index does not replace the facet's index page; ABC and abc stay apart on a disk that folds case."""
    from posixpath import normpath

    from baogao.catalog import FACETS, page_slug

    values = ["湖南省（长沙）", "湖南省(长沙)", "index", "Index", "ABC", "abc", "湖南省"]
    metas = [meta(f"r{i}", f"报告{i}", year=2024, region=value, org="县政府办公室", level="县", doc_type="工作总结", themes=[],
                  chars=10) for i, value in enumerate(values)]
    region, org = (next(facet for facet in FACETS if facet.field == field) for field in ("region", "org"))
    pages = region.pages(metas)
    assert len(pages) == len(values) and "index.md" not in pages
    assert len({name.casefold() for name in pages}) == len(pages)  # (no two that a disk folding case would merge)
    for i, value in enumerate(values):
        assert _listed(pages[f"{page_slug(value)}.md"]) == [f"../../reports/r{i}.md"]
        assert f"]({page_slug(value)}.md)" in region.index_page(region.groups(metas))
    assert page_slug("湖南省") == "湖南省" and page_slug("2024") == "2024"  # the values a file name keeps stay readable
    # a sidecar's 200-character region: the page's temporary name (.NAME.md.PID.tmp) stays within 255 bytes
    assert len(f".{page_slug('湖南省长沙市' * 33)}.md.4194304.tmp".encode()) <= 255
    assert page_slug("湖南省长沙市" * 33) != page_slug("湖南省长沙市" * 34)
    office_pages = org.pages(metas)
    assert sorted(normpath(f"browse/org/{href}") for page in office_pages.values() for href in _listed(page)) == sorted(
        f"reports/r{i}.md" for i in range(len(values)))
    assert len(office_pages) == len(values)
