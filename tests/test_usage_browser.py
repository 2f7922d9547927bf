"""The search page's writer's tools in Chromium: use by year (the SVG chart and the bar lists),
the concordance and the collocates, each against the CLI (baogao trend / kwic / collocates) on
the same built site, over http and from file://, on a desktop and a phone viewport."""

from __future__ import annotations

import json
import re
import shutil
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from baogao.analysis.collocates import collocates
from baogao.analysis.concordance import concordance, sort_lines
from baogao.cli import main as baogao
from baogao.search import textstore
from baogao.search.backend import BACKEND
from baogao.search.normalize import parse_query
from baogao.search.query import SearchIndex
from tests.test_browser import browser, serve_folder  # noqa: F401  (fixture)
from tests.test_nginx import SUB_PATH, running_nginx

pytestmark = pytest.mark.browser
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# phrases of 1, 2, 3+ characters, an AND query, an excluded part, traditional characters (黨 → 党)
SAMPLE_QUERIES = ["作风", "信息报送", "马上就办", "督查 作风", "办公室 -督查", "辦公室", "工作", "**", "的"]


def cli_json(args: list[str], capsys) -> dict:
    capsys.readouterr()
    assert baogao(args) == 0
    return json.loads(capsys.readouterr().out)


def search_page(browser, base: str, raw: str, viewport: str = "desktop", params: str = ""):  # noqa: F811
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone", has_touch=viewport == "phone")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}search.html?q={quote(raw)}{params}", wait_until="load")
    page.locator('.baogao-results[data-state="done"]').wait_for(state="attached")
    page.errors = errors
    return page


def chart_years(page) -> dict:
    page.locator(".baogao-chart").wait_for()
    return page.evaluate("""() => Object.fromEntries(Array.from(document.querySelectorAll('a.baogao-chart__bar'), a =>
        [a.dataset.year, {reports: +a.dataset.reports, occurrences: +a.dataset.occurrences, per100: +a.dataset.per100}]))""")


def expected_years(site, raw: str, capsys) -> dict:
    trend = cli_json(["trend", raw, "--site", str(site), "--json"], capsys)
    per_year = BACKEND.reports_per_year(site)
    return {year: {**row, "per100": round(1000 * row["reports"] / per_year[year]) / 10} for year, row in trend["years"].items()}


@pytest.fixture(scope="module")
def served(sample_site):
    _, site = sample_site
    with serve_folder(site) as base:
        yield base, site


def test_the_year_chart_shows_the_clis_figures(served, browser, corpus_site, capsys):  # noqa: F811
    """Per year: reports, occurrences (baogao trend --json) and per 100 reports of that year."""
    base, site = served
    for raw in ["作风", "信息报送", "督查 作风", "辦公室", "**"]:
        page = search_page(browser, base, raw)
        assert chart_years(page) == expected_years(site, raw, capsys), raw
        assert not page.errors
        page.context.close()
    _, corpus = corpus_site  # decades of reports: many bars, and per 100 differs from the counts
    with serve_folder(corpus) as corpus_base:
        spread = 0
        for raw in ["政府工作报告", "经济建设", "人民公社", "經濟建設", "改革开放 -国务院"]:
            page = search_page(browser, corpus_base, raw)
            shown, want = chart_years(page), expected_years(corpus, raw, capsys)
            assert shown == want, raw
            spread = max(spread, len(want))
            page.context.close()
        assert spread >= 5


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_bar_filters_its_year_and_clearing_drops_it(corpus_site, browser, viewport):  # noqa: F811
    pages, site = corpus_site
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    with serve_folder(site) as base:
        page = search_page(browser, base, "经济建设", viewport)
        bars = page.locator("a.baogao-chart__bar")
        assert bars.count() >= 2
        bar = bars.nth(1)
        year, reports = bar.get_attribute("data-year"), int(bar.get_attribute("data-reports"))
        assert bar.bounding_box()["width"] > 0
        bar.click()
        page.wait_for_url(f"**year={year}**")
        page.locator('.baogao-results[data-state="done"]').wait_for(state="attached")
        assert parse_qs(urlsplit(page.url).query)["year"] == [year]
        assert page.locator(".baogao-result").count() == min(reports, 10)  # the first page of results
        assert int(page.locator(".baogao-results").get_attribute("data-total")) == reports
        shown_ids = page.locator(".baogao-result").evaluate_all("els => els.map(e => e.dataset.reportId)")
        years = {e["id"]: str(e["year"]) for e in catalog}
        assert {years[i] for i in shown_ids} == {year}
        assert page.locator(f'a.baogao-chart__bar--on[data-year="{year}"]').count() == 1  # the chart marks it
        assert page.locator(f'.baogao-facets a.baogao-facet--on[data-value="{year}"]').count() == 1  # so do the filters
        page.locator(".baogao-clear").click()
        page.wait_for_url(lambda url: "year=" not in url)
        page.locator('.baogao-results[data-state="done"]').wait_for(state="attached")
        assert page.locator("a.baogao-chart__bar--on").count() == 0
        # per 100 reports: the toggle redraws the bars from the same figures
        heights = page.locator("a.baogao-chart__bar .baogao-chart__value").evaluate_all("els => els.map(e => +e.getAttribute('height'))")
        page.locator("input[name=usage][value=per100]").check()
        per100 = page.locator("a.baogao-chart__bar .baogao-chart__value").evaluate_all("els => els.map(e => +e.getAttribute('height'))")
        assert len(per100) == len(heights) and per100 != heights
        # the same by level, region, type …: bars that are filters
        if viewport == "phone":
            page.locator(".baogao-usage__toggle").click()
        row = page.locator("a.baogao-bars__row[data-usage-facet=level]").first
        value = row.get_attribute("data-usage-value")
        row.click()
        page.wait_for_url("**level=**")
        page.locator('.baogao-results[data-state="done"]').wait_for(state="attached")
        levels = {e["id"]: e["level"] for e in catalog}
        shown_ids = page.locator(".baogao-result").evaluate_all("els => els.map(e => e.dataset.reportId)")
        assert shown_ids and {levels[i] for i in shown_ids} == {value}
        assert not page.errors
        page.context.close()


def test_the_bar_lists_count_reports_per_value(served, browser, sample_site):  # noqa: F811
    base, site = served
    pages, _ = sample_site
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    index = SearchIndex(site)
    hits = {index.meta(h.doc)["id"] for h in index.search(parse_query("作风"))}
    page = search_page(browser, base, "作风")
    page.locator(".baogao-bars").first.wait_for()
    rows = page.locator("a.baogao-bars__row[data-usage-facet=doc_type]").evaluate_all(
        "els => els.map(e => [e.dataset.usageValue, e.querySelector('.baogao-bars__num').textContent])")
    want = {}
    for e in catalog:
        if e["id"] in hits and e["doc_type"]:
            want[e["doc_type"]] = want.get(e["doc_type"], 0) + 1
    assert {v: int(n.split()[0]) for v, n in rows} == want
    page.context.close()


BROWSER_LINES = """async ([q, width]) => {
  const S = window.baogaoSearch, cursor = await S.concordance(S.parseQuery(q), width);
  const lines = await cursor.more(1e9), found = await S.collocates(lines, q);
  return {done: cursor.done(), collocates: found,
          lines: lines.map(l => [l.left, l.match, l.right, l.before, l.after, l.meta.title, l.meta.year, l.n])};
}"""


def cli_lines(site, raw: str, width: int) -> list:
    return [[line.left, line.match, line.right, line.before, line.after, line.title, line.year,
             int(parse_qs(urlsplit(line.url).query)["n"][0])] for line in concordance(SearchIndex(site), raw, width)]


def test_the_engines_concordance_and_collocates_equal_the_clis(served, browser, corpus_site):  # noqa: F811
    base, site = served
    page = search_page(browser, base, "作风")
    found_any = False
    for raw in SAMPLE_QUERIES:
        for width in (5, 20):
            got = page.evaluate(BROWSER_LINES, [raw, width])
            assert got["done"] and got["lines"] == cli_lines(site, raw, width), (raw, width)
        before, after = collocates(concordance(SearchIndex(site), raw), raw)
        assert got["collocates"] == {"before": [vars(c) for c in before], "after": [vars(c) for c in after]}, raw
        found_any = found_any or bool(before)
    assert found_any  # the comparison is not between empty lists
    page.context.close()
    _, corpus = corpus_site  # reports of many chunks: lines cut from only the chunks they need
    with serve_folder(corpus) as corpus_base:
        page = search_page(browser, corpus_base, "经济建设")
        total = 0
        for raw in ["经济建设", "社会主义", "經濟建設", "政府 改革", "人民"]:
            got = page.evaluate(BROWSER_LINES, [raw, 30])
            want = cli_lines(corpus, raw, 30)
            assert want and got["lines"] == want, raw
            total += len(want)
        assert total > 500
        page.context.close()


def test_without_ranges_a_concordance_line_costs_its_reports_script_not_a_page(corpus_site, browser):  # noqa: F811
    """Where a server sends whole files, a phrase's lines load the text-store scripts of the reports
    that hold it, each once, and no report page (over http with ranges: the chunks alone, below)."""
    _, site = corpus_site
    with serve_folder(site) as base:
        page = search_page(browser, base, "经济建设")
        loaded: list[str] = []
        page.on("request", lambda r: loaded.append(r.url))
        lines = page.evaluate(BROWSER_LINES, ["社会主义现代化", 20])["lines"]
        # http.server answers a range request with the whole file: the engine reads report scripts
        scripts = [found.group(1) for u in loaded if (found := re.search(r"/search-index/text/[0-9a-f]{2}/([0-9a-f]+)\.js", u))]
        pages = [u for u in loaded if "/reports/" in u]
        index = SearchIndex(site)
        holders = {index.store_table()[hit.doc][2] for hit in index.search(parse_query("社会主义现代化"))}
        assert lines and not pages and len(scripts) == len(set(scripts)) and set(scripts) == holders
        page.context.close()
        # a page that has loaded nothing yet: a line's source comes with its chunk, no metadata block
        page = browser.new_page()
        page.goto(f"{base}search.html", wait_until="networkidle")
        loaded.clear()
        page.on("request", lambda r: loaded.append(r.url))
        lines = page.evaluate(BROWSER_LINES, ["社会主义现代化", 20])["lines"]
        assert lines and all(line[5] for line in lines)  # each with its report's title
        assert [u for u in loaded if "/search-index/text/" in u] and not [u for u in loaded if "/search-index/docs/" in u]
        page.close()


def test_over_nginx_the_concordance_reads_its_chunks_as_byte_ranges(corpus_site, browser, tmp_path):  # noqa: F811
    """A server that answers range requests (nginx on deploy/nginx.conf): the chunks come as byte
    ranges of the segments (text/NAME.bin), many a request, never as their scripts, and the lines
    are the CLI's (which reads the segments too). serve_folder's http.server answers a range
    request with the whole file: there the engine reads the scripts (the tests above)."""
    _, site = corpus_site
    with running_nginx(site, tmp_path / "nginx") as port:
        page = search_page(browser, f"http://127.0.0.1:{port}{SUB_PATH}", "经济建设")
        loaded: list[str] = []
        page.on("request", lambda r: loaded.append(r.url))
        total = 0
        for raw in ["社会主义", "经济建设", "經濟建設", "政府 改革", "人民"]:
            loaded.clear()
            got = page.evaluate(BROWSER_LINES, [raw, 30])
            want = cli_lines(site, raw, 30)
            assert want and got["lines"] == want, raw
            assert not [u for u in loaded if re.search(r"/search-index/text/[0-9a-f]{2}/", u)], raw  # no chunk script
            if raw == "社会主义":  # nothing loaded yet: lines in many reports, chunks in a few requests
                segments = [u for u in loaded if re.search(r"/search-index/text/[0-9a-f]+\.bin\?v=", u)]
                assert 0 < len(segments) <= 3 < len({line[5] for line in want}), (len(segments), len(want))
            total += len(want)
        assert total > 500
        page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_the_concordance_panel(served, browser, viewport):  # noqa: F811
    base, site = served
    page = search_page(browser, base, "作风", viewport)
    panel = page.locator(".baogao-concordance")
    panel.locator("summary").click()
    lines = panel.locator(".baogao-kwl")
    page.locator('.baogao-concordance__lines[data-state="done"]').wait_for()
    want = concordance(SearchIndex(site), "作风", 20)
    assert lines.count() == len(want) and f"共 {len(want)} 处" in panel.locator(".baogao-concordance__status").inner_text()
    # aligned on the hit: every match starts at the same x, the left context ends where it starts
    boxes = panel.locator(".baogao-kwl__match").evaluate_all("els => els.map(e => e.getBoundingClientRect().left)")
    assert max(boxes) - min(boxes) < 1
    left = panel.locator(".baogao-kwl__left").first.bounding_box()
    match = panel.locator(".baogao-kwl__match").first.bounding_box()
    assert abs(left["x"] + left["width"] - match["x"]) < 4
    assert page.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS[viewport]["width"]  # nothing sticks out
    # sorted by left context, read from the hit outwards (as baogao kwic --sort left)
    panel.locator("select[name=kwic-sort]").select_option("left")
    shown = lines.evaluate_all("els => els.map(e => e.querySelector('.baogao-kwl__left').textContent)")
    assert shown == [line.left for line in sort_lines(want, "left")]
    panel.locator("select[name=kwic-sort]").select_option("org")
    orgs = [line.org for line in sort_lines(want, "org")]
    shown_src = lines.evaluate_all("els => els.map(e => e.querySelector('.baogao-kwl__src').textContent)")
    assert [bool(org) and org in src for org, src in zip(orgs, shown_src)] == [bool(org) for org in orgs]
    # search within the lines
    panel.locator("input[name=kwic-filter]").fill("建设")
    kept = [line for line in want if "建设" in line.left + line.match + line.right or "建设" in line.title or "建设" in (line.org or "")]
    assert 0 < lines.count() == len(kept) < len(want)
    panel.locator("input[name=kwic-filter]").fill("")
    # a wider context: longer lines, as the CLI cuts them
    panel.locator("select[name=kwic-width]").select_option("50")
    page.wait_for_function("document.querySelector('.baogao-kwl__right').textContent.length > 20")
    page.locator('.baogao-concordance__lines[data-state="done"]').wait_for()
    panel.locator("select[name=kwic-sort]").select_option("")
    rights = lines.evaluate_all("els => els.map(e => e.querySelector('.baogao-kwl__right').textContent)")
    assert rights == [line.right for line in concordance(SearchIndex(site), "作风", 50)]
    # a line opens its report at that occurrence
    href = lines.nth(3).locator("a").get_attribute("href")
    assert href.endswith(want[3].url.split("/")[-1]) or parse_qs(urlsplit(href).query)["n"] == [want[3].url.rsplit("=", 1)[1]]
    assert not page.errors
    page.context.close()


def test_the_collocates_panel_links_the_longer_phrases(served, browser, capsys):  # noqa: F811
    base, site = served
    for raw in ["作风", "信息报送", "督查"]:
        page = search_page(browser, base, raw, "phone")
        page.locator(".baogao-collocates summary").click()
        page.locator('.baogao-collocates__lists[data-state="done"]').wait_for()
        found = cli_json(["collocates", raw, "--site", str(site), "--json"], capsys)
        for side in ("before", "after"):
            shown = page.locator(f"ol[data-side={side}] a").evaluate_all("""els => els.map(a => ({
                word: a.dataset.word, count: +a.dataset.count, phrase: a.textContent, q: new URL(a.href).searchParams.get('q')}))""")
            assert [{k: c[k] for k in ("word", "count", "phrase")} for c in shown] == found[side], (raw, side)
            assert all(c["q"] == c["phrase"] for c in shown)
        assert f"据全部 {found['occurrences']} 处" in page.locator(".baogao-collocates__status").inner_text()
        page.context.close()


def test_from_disk_the_concordance_works(sample_site, browser, tmp_path):  # noqa: F811
    """file://: the text store loads as scripts, like the index."""
    _, site = sample_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    page = search_page(browser, copy.as_uri() + "/", "作风")
    page.locator(".baogao-concordance summary").click()
    page.locator('.baogao-concordance__lines[data-state="done"]').wait_for()
    assert page.locator(".baogao-kwl").count() == len(concordance(SearchIndex(site), "作风", 20))
    assert chart_years(page)
    page.context.close()


def test_a_damaged_chunk_is_an_error_not_a_shorter_list(sample_site, browser, tmp_path, capsys, caplog):  # noqa: F811
    _, site = sample_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    chunks = copy / "search-index" / f"{textstore.report_name(SearchIndex(copy).store_table()[0][2])}.js"
    script = chunks.read_text(encoding="utf-8")
    middle = len(script) // 2  # a character of the packed payload: another 7-bit group
    chunks.write_text(script[:middle] + ("B" if script[middle] == "A" else "A") + script[middle + 1:], encoding="utf-8")
    with serve_folder(copy) as base:
        page = search_page(browser, base, "的")
        page.locator(".baogao-concordance summary").click()
        page.locator('.baogao-concordance__lines[data-state="error"]').wait_for(state="attached")
        assert "检索索引不完整" in page.locator(".baogao-concordance__status").inner_text()
        page.context.close()
    # the CLI, and a browser whose server answers range requests, read the segment
    name = SearchIndex(copy).store_file(0)
    segment = copy / "search-index" / name
    data = bytearray(segment.read_bytes())
    # inside the deflate data of the first result's first chunk: not in the bits that pad a piece
    # to its sync flush, which carry nothing (the segment's middle byte may be one)
    first, places = SearchIndex(copy).chunk_places()
    begin, end = (int(v) for v in places[first[0]])
    data[(begin + end) // 2] ^= 0x10
    segment.write_bytes(bytes(data))
    assert baogao(["kwic", "的", "--site", str(copy)]) == 2
    assert name in caplog.text
    with running_nginx(copy, tmp_path / "nginx") as port:
        page = search_page(browser, f"http://127.0.0.1:{port}{SUB_PATH}", "的")
        page.locator(".baogao-concordance summary").click()
        page.locator('.baogao-concordance__lines[data-state="error"]').wait_for(state="attached")
        assert "检索索引不完整" in page.locator(".baogao-concordance__status").inner_text()
        page.context.close()
