"""The reader's interface in Chromium, on a desktop (1280×900) and a phone (390×844): the search
page (sort, filters, 清除筛选, zero results, result fields, CSV export over http and from disk),
the keyboard, the home page, the report page (panel, 文件信息, 打印 and paper), light / dark and
A− / A+, the footer and the help pages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from baogao.catalog import NEWEST_ON_HOME, newest_first
from tests.conftest import ROOT
from tests.test_a11y_browser import VIEWPORTS
from tests.test_browser import browser, serve_folder  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser
QUERY = "工作"  # in every sample report


@pytest.fixture(scope="module")
def served(sample_site):
    pages, site = sample_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    with serve_folder(site) as base:
        yield base, site, pages, catalog


def new_page(browser, viewport: str = "desktop", **options):  # noqa: F811
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone",
                                  has_touch=viewport == "phone", accept_downloads=True, **options)
    return context.new_page()


def done(page):
    page.locator('.baogao-results[data-state="done"]').wait_for(state="attached")


def ui_ready(page):
    """baogao-ui.js has run (it shows A− / A+ in the same run that adds its key handlers)."""
    page.locator(".baogao-fontsize").wait_for()


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def result_field(page, field: str) -> list[str]:
    return page.locator(".baogao-result").evaluate_all(
        f"els => els.map(e => (e.querySelector('[data-field={field}]') || {{}}).textContent || '')")


# ---- search page ----

def test_changing_the_sort_applies_at_once_and_keeps_the_filters(served, browser):  # noqa: F811
    base, _, _, catalog = served
    page = new_page(browser)
    page.goto(f"{base}search.html?q={QUERY}&level=县")
    done(page)
    filtered = page.locator(".baogao-result").count()
    assert 0 < filtered < len(catalog)
    page.select_option("select[name=sort]", "year")  # no 检索 pressed
    page.wait_for_url("**sort=year**")
    done(page)
    assert params(page)["level"] == ["县"] and params(page)["q"] == [QUERY]
    assert page.locator(".baogao-result").count() == filtered
    years = [int(y) if y.isdigit() else 0 for y in result_field(page, "year")]
    assert years == sorted(years, reverse=True) and years[0] > 0  # newest first, unknown last
    page.fill("#baogao-search input[name=q]", "办公室")  # a new query keeps them too
    page.press("#baogao-search input[name=q]", "Enter")
    page.wait_for_url("**%E5%8A%9E%E5%85%AC%E5%AE%A4**")
    assert params(page)["level"] == ["县"] and params(page)["sort"] == ["year"]
    page.context.close()


def test_clear_filters_drops_every_filter_and_keeps_query_and_sort(served, browser):  # noqa: F811
    base, _, _, catalog = served
    page = new_page(browser)
    page.goto(f"{base}search.html")
    assert page.locator(".baogao-clear").count() == 0  # nothing chosen, nothing to clear
    page.goto(f"{base}search.html?q={QUERY}&level=县&sort=year")
    done(page)
    page.locator(".baogao-facet a[data-facet=region]").first.click()
    done(page)
    assert "region" in params(page)
    page.locator(".baogao-clear").click()
    page.wait_for_url(lambda url: "level" not in url and "region" not in url)
    done(page)
    assert params(page) == {"q": [QUERY], "sort": ["year"]}
    assert page.locator(".baogao-result").count() == len(catalog)
    assert page.locator(".baogao-clear").count() == 0
    page.context.close()


def unique_phrase(text: str, others: list[str]) -> str:
    """A 6-character phrase of `text` that none of `others` contains."""
    for start in range(0, len(text) - 6):
        phrase = text[start:start + 6]
        if phrase.strip() == phrase and "\n" not in phrase and "-" not in phrase and '"' not in phrase \
                and not any(phrase in other for other in others):
            return phrase
    raise AssertionError("no unique phrase")


def test_zero_results_name_the_missing_part_and_offer_each_part(served, browser):  # noqa: F811
    base, _, pages, catalog = served
    page = new_page(browser, "phone")
    page.goto(f"{base}search.html?q={QUERY} 区块链技术")
    done(page)
    note = page.locator(".baogao-parts")
    assert "没有出现" in note.inner_text() and "「区块链技术」" in note.inner_text()
    assert page.locator(".baogao-facets-toggle").is_hidden()  # no filters to offer
    offered = note.locator("a")
    assert offered.all_inner_texts() == [f"只查「{QUERY}」"]  # a part that finds nothing is not offered
    offered.click()
    done(page)
    assert params(page)["q"] == [QUERY] and page.locator(".baogao-result").count() == len(catalog)

    # Two parts that each occur, never in the same report: both offered, with their counts.
    texts = [(pages / "text" / f"{e['id']}.txt").read_text(encoding="utf-8") for e in catalog]
    first, second = unique_phrase(texts[0], texts[1:]), unique_phrase(texts[1], texts[:1] + texts[2:])
    page.goto(f"{base}search.html?q={first} {second}")
    done(page)
    assert "没有一篇同时含有全部 2 个部分" in note.inner_text()
    assert note.locator("a").all_inner_texts() == [f"只查「{first}」", f"只查「{second}」"]
    assert "（1 篇）" in note.inner_text()
    page.context.close()


def test_zero_results_offer_the_wording_without_its_punctuation(served, browser):  # noqa: F811
    """马上就办，真抓实干 where the archive has 马上就办、真抓实干: the pieces between the marks are offered as one search."""
    import re

    base, _, pages, catalog = served
    texts = [(pages / "text" / f"{e['id']}.txt").read_text(encoding="utf-8") for e in catalog]
    found = next(m for text in texts for m in re.finditer(r"([\u4e00-\u9fff]{3,6})、([\u4e00-\u9fff]{3,6})", text))
    typed = f"{found[1]}，{found[2]}"
    assert not any(typed in text for text in texts)
    holding = sum(found[1] in text and found[2] in text for text in texts)
    page = new_page(browser)
    page.goto(f"{base}search.html?q={typed}")
    done(page)
    offer = page.locator(".baogao-unpunctuated")
    offer.wait_for()
    assert f"（{holding} 篇同时含有）" in offer.inner_text()
    offer.locator("a").click()
    done(page)
    assert params(page)["q"] == [f"{found[1]} {found[2]}"] and page.locator(".baogao-result").count() == holding
    # a phrase whose pieces are single characters (8.1%) is not cut
    page.goto(f"{base}search.html?q=9.7%")
    done(page)
    page.locator('.baogao-parts[data-state="done"]').wait_for()
    assert page.locator(".baogao-unpunctuated").count() == 0
    page.context.close()


def test_each_result_shows_region_and_level(served, browser):  # noqa: F811
    base, _, _, catalog = served
    page = new_page(browser)
    page.goto(f"{base}search.html?q={QUERY}")
    done(page)
    by_id = {e["id"]: e for e in catalog}
    ids = page.locator(".baogao-result").evaluate_all("els => els.map(e => e.dataset.reportId)")
    for field in ("level", "region", "org", "doc_type"):
        shown = result_field(page, field)
        assert shown == [by_id[i][field] or "" for i in ids], field
    assert page.locator(".baogao-result [data-field=region]").first.get_attribute("title") == "地区"
    page.context.close()


def export(page) -> list[dict[str, str]]:
    with page.expect_download() as download:
        page.locator(".baogao-export").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_has_region_and_level_and_links_open_at_the_occurrence(served, browser):  # noqa: F811
    base, _, _, catalog = served
    page = new_page(browser)
    page.goto(f"{base}search.html?q={QUERY}")
    done(page)
    assert page.locator(".baogao-export-note").is_hidden()  # over http every line is there
    rows = export(page)
    assert {"标题", "年份", "发文单位", "层级", "地区", "文种", "左文", "命中", "右文", "链接"} <= rows[0].keys()
    assert {r["标题"] for r in rows} == {e["display_title"] for e in catalog}
    assert all(r["命中"] == QUERY for r in rows)
    by_title = {e["display_title"]: e for e in catalog}
    assert all(r["层级"] == (by_title[r["标题"]]["level"] or "") and r["地区"] == (by_title[r["标题"]]["region"] or "") for r in rows)
    row = [r for r in rows if r["标题"] == rows[0]["标题"]][2]  # the third occurrence in a report
    assert parse_qs(urlsplit(row["链接"]).query) == {"hl": [QUERY], "n": ["2"]}
    page.goto(row["链接"])
    current = page.locator("mark.baogao-hl--current")
    current.first.wait_for()
    shown = page.evaluate("""() => { const m = document.querySelector('mark.baogao-hl--current');
      const r = document.createRange(); r.setStart(document.querySelector('[data-baogao-text]'), 0); r.setEndBefore(m);
      return r.toString().replace(/\\s|¶/g, ''); }""")
    assert shown.endswith(row["左文"].replace(" ", "")[-10:])  # the mark is the line's occurrence
    page.context.close()


def test_csv_from_disk_warns_and_still_lists_every_report(sample_site, browser):  # noqa: F811
    _, site = sample_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    page = new_page(browser)
    page.goto(site.joinpath("search.html").as_uri() + f"?q={QUERY}")
    done(page)
    note = page.locator(".baogao-export-note")
    assert note.is_visible() and "没有上下文" in note.inner_text()
    rows = export(page)
    assert len(rows) == len(catalog)  # one line a report, never a bare header
    assert all(r["链接"].startswith("file:") for r in rows)
    assert all(parse_qs(urlsplit(r["链接"]).query)["hl"] == [QUERY] and not r["命中"] for r in rows)
    page.context.close()


def test_phone_shows_results_first_and_folds_the_filters(served, browser):  # noqa: F811
    base, _, _, _ = served
    page = new_page(browser, "phone")
    page.goto(f"{base}search.html?q={QUERY}&level=县")
    done(page)
    first = page.locator(".baogao-result__title").first.bounding_box()
    assert first and first["y"] + first["height"] < VIEWPORTS["phone"]["height"]  # on the first screen
    facets, toggle = page.locator(".baogao-facets"), page.locator(".baogao-facets-toggle")
    assert facets.is_hidden() and toggle.inner_text() == "筛选（已选 1 项）"
    toggle.click()
    assert facets.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    assert page.locator(".baogao-facet a[data-facet=level]").first.is_visible()
    page.context.close()

    page = new_page(browser)  # the desktop shows them beside the results, with no toggle
    page.goto(f"{base}search.html?q={QUERY}")
    done(page)
    assert page.locator(".baogao-facets").is_visible() and page.locator(".baogao-facets-toggle").is_hidden()
    page.context.close()


def test_phone_wide_tables_scroll_inside_their_box(served, browser):  # noqa: F811
    base, _, _, _ = served
    page = new_page(browser, "phone")
    page.goto(f"{base}themes/index.html", wait_until="networkidle")
    width = page.evaluate("document.scrollingElement.scrollWidth")
    box = page.locator("article table").first.evaluate_handle("t => t.closest('.md-typeset__scrollwrap')")
    scroll = box.evaluate("b => [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX]")
    box.evaluate("b => { b.scrollLeft = 1000; }")
    assert width <= VIEWPORTS["phone"]["width"]  # the page itself does not scroll sideways
    assert scroll[0] > scroll[1] and scroll[2] == "auto" and box.evaluate("b => b.scrollLeft") > 0
    narrowest = page.locator("article table td").evaluate_all("tds => Math.min(...tds.map(td => td.getBoundingClientRect().width))")
    assert narrowest >= 40  # no column squeezed to a character a line
    page.context.close()


# ---- keyboard ----

@pytest.mark.parametrize("key", ["/", "s"])
def test_slash_and_s_focus_the_search_box(served, browser, key):  # noqa: F811
    base, _, _, catalog = served
    page = new_page(browser)
    page.goto(f"{base}{catalog[0]['url']}", wait_until="networkidle")
    ui_ready(page)
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.matches('form.baogao-header-search input')")
    assert page.locator("form.baogao-header-search input").input_value() == ""  # the key is not typed
    page.goto(f"{base}search.html?q={QUERY}")
    done(page)
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.matches('#baogao-search input[name=q]')")
    page.keyboard.press(key)  # typed into the box now
    assert page.locator("#baogao-search input[name=q]").input_value() == key
    page.context.close()


def test_arrow_keys_move_through_the_header_results_enter_opens_escape_closes(served, browser):  # noqa: F811
    base, _, _, _ = served
    page = new_page(browser)
    page.goto(base, wait_until="networkidle")
    ui_ready(page)
    box = page.locator("form.baogao-header-search input")
    box.fill(QUERY)
    items = page.locator(".baogao-suggest a")
    items.first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('baogao-suggest__item')")
    first = page.evaluate("document.activeElement.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") != first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.href") == first
    page.keyboard.press("Escape")  # from an item: closes, back in the box
    assert page.locator(".baogao-suggest").is_hidden()
    assert page.evaluate("document.activeElement.matches('form.baogao-header-search input')")
    box.fill("办公室")
    items.first.wait_for()
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)
    page.locator("mark.baogao-hl--current").first.wait_for()
    page.context.close()


def test_skip_link_and_a_visible_focus_ring(served, browser):  # noqa: F811
    base, _, _, _ = served
    page = new_page(browser)
    page.goto(f"{base}search.html?q={QUERY}")
    done(page)
    skip = page.locator(".baogao-skip")
    assert skip.inner_text() == "跳到检索结果" and skip.bounding_box()["x"] < 0  # off screen …
    page.focus("#baogao-search button[type=submit]")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('baogao-skip')")
    assert skip.bounding_box()["x"] >= 0  # … until the keyboard reaches it
    ring = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    assert ring[0] != "none" and ring[1] > 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "baogao-results"
    page.context.close()


# ---- home, report page, paper ----

def test_home_links_to_the_ways_in_on_the_desktop_and_lists_display_titles(served, browser):  # noqa: F811
    base, _, _, catalog = served
    page = new_page(browser)
    page.goto(base, wait_until="networkidle")
    tabs = page.locator(".md-tabs a")
    shown = {t.strip() for t in tabs.all_inner_texts() if tabs.first.is_visible()}
    assert {"全文检索", "按主题", "按年份", "使用说明"} <= shown
    newest = page.locator("article h2:has-text('最新报告') + ul > li > a").all_inner_texts()
    assert newest == [e["display_title"] for e in newest_first(catalog)[:NEWEST_ON_HOME]]
    page.context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_report_panel_lines_up_and_folds_file_information(served, browser, viewport):  # noqa: F811
    base, _, _, catalog = served
    entry = catalog[0]
    page = new_page(browser, viewport)
    page.goto(f"{base}{entry['url']}", wait_until="networkidle")
    lefts = page.locator(".baogao-meta > dl > div[data-field] > dd").evaluate_all(
        "dds => dds.map(d => Math.round(d.getBoundingClientRect().left))")
    columns = page.locator(".baogao-meta > dl > div[data-field]").evaluate_all(
        "divs => divs.map(d => Math.round(d.getBoundingClientRect().left))")
    by_column: dict[int, set[int]] = {}
    for column, left in zip(columns, lefts):
        by_column.setdefault(column, set()).add(left)
    assert len(lefts) >= 5 and all(len(values) == 1 for values in by_column.values())  # values line up
    folded = page.locator(".baogao-meta details")
    assert folded.locator("summary").inner_text() == "文件信息"
    assert folded.locator("[data-field=source] dd").is_hidden() and folded.locator("[data-field=encoding] dd").is_hidden()
    assert page.locator(".baogao-meta > dl [data-field=source]").count() == 0
    folded.locator("summary").click()
    assert folded.locator("[data-field=source] dd").inner_text() == entry["source"]
    assert folded.locator("[data-field=encoding] dd").inner_text() == entry["encoding"]
    page.context.close()


def test_print_button_and_paper(served, browser):  # noqa: F811
    base, _, _, catalog = served
    entry = next(e for e in catalog if e["year"] and e["org"])
    page = new_page(browser)
    page.goto(f"{base}{entry['url']}", wait_until="networkidle")
    page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    button = page.locator("button.baogao-print")
    assert button.inner_text().strip() == "打印"
    button.click()
    assert page.evaluate("window.__printed") == 1
    footer = page.locator(".baogao-print-footer")
    assert footer.is_hidden()  # on screen: not shown
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-tags", ".baogao-header-search",
                   "button.baogao-print", ".md-footer", ".baogao-neighbours"):
        assert all(not node.is_visible() for node in page.locator(hidden).all()), hidden
    assert page.locator("article h1").is_visible() and page.locator("[data-baogao-text] p").first.is_visible()
    text = footer.inner_text()
    copyright_line = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["copyright"]
    for part in (entry["display_title"], entry["org"], str(entry["year"]), f"{base}{entry['url']}", copyright_line, "打印日期："):
        assert part in text, part
    assert page.evaluate("new Date().getFullYear()") and str(page.evaluate("new Date().getFullYear()")) + "年" in text
    page.context.close()


# ---- reading comfort, footer, help ----

def test_palette_follows_the_system_and_the_choice_is_remembered(served, browser):  # noqa: F811
    base, _, _, catalog = served
    page = new_page(browser, color_scheme="dark")
    page.goto(f"{base}{catalog[0]['url']}", wait_until="networkidle")
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "slate"  # following the system
    toggle = page.locator("form[data-md-component=palette] label:visible")
    assert toggle.get_attribute("title").startswith("外观：")
    toggle.click()  # system → light
    assert page.evaluate(scheme) == "default"
    page.reload(wait_until="networkidle")
    assert page.evaluate(scheme) == "default"  # remembered
    page.locator("form[data-md-component=palette] label:visible").click()  # light → dark
    assert page.evaluate(scheme) == "slate"
    page.context.close()


def test_font_size_buttons_scale_the_text_and_are_remembered(served, browser):  # noqa: F811
    base, _, _, catalog = served
    page = new_page(browser)
    page.goto(f"{base}{catalog[0]['url']}", wait_until="networkidle")
    size = "parseFloat(getComputedStyle(document.querySelector('[data-baogao-text] p')).fontSize)"
    start = page.evaluate(size)
    bigger = page.locator(".baogao-fontsize button[title=增大字号]")
    bigger.click()
    bigger.click()
    assert page.evaluate(size) > start * 1.2
    page.goto(f"{base}search.html?q={QUERY}")
    done(page)
    page.go_back(wait_until="networkidle")
    assert page.evaluate(size) > start * 1.2  # remembered across pages
    smaller = page.locator(".baogao-fontsize button[title=减小字号]")
    for _ in range(6):
        if smaller.is_enabled():
            smaller.click()
    assert page.evaluate(size) < start and smaller.is_disabled()  # down to the smallest step
    page.context.close()


def test_footer_shows_the_archive_line_from_mkdocs_yml(served, browser):  # noqa: F811
    base, _, _, _ = served
    line = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["copyright"]
    page = new_page(browser)
    for path in ("index.html", "help.html", "404.html"):
        page.goto(f"{base}{path}", wait_until="networkidle")
        assert page.locator(".md-copyright").inner_text().strip() == line
    assert page.locator("article h1").inner_text() == "找不到此页面（404）"
    page.context.close()


def test_help_is_split_for_readers_and_the_keeper(served, browser):  # noqa: F811
    base, _, _, _ = served
    page = new_page(browser)
    page.goto(f"{base}help.html", wait_until="networkidle")
    reader = page.locator("article").inner_text()
    page.goto(f"{base}admin.html", wait_until="networkidle")
    keeper = page.locator("article").inner_text()
    page.context.close()
    for topic in ("筛选", "引用", "打印", "导出"):
        assert topic in reader, topic
    for internal in ("themes.yml", ".meta.yml", "baogao", "make ", "mkdocs", "索引文件", "JavaScript"):
        assert internal not in reader, internal
    for topic in ("themes.yml", ".meta.yml", "make site", "copyright", "deploy/README.md"):
        assert topic in keeper, topic


# ---- theme pages ----

def test_a_theme_link_lands_on_its_passage_marked_below_the_header_with_its_heading(served, browser):  # noqa: F811
    """Each link of a theme page to a passage (a paragraph, heading or 第X条 of a report) opens the
    report with that passage marked, on screen below the fixed header; a paragraph's heading
    (the element before it, when that is a heading) is on screen too."""
    base, site, _, _ = served
    page = new_page(browser)
    links = []
    for theme_page in sorted((site / "themes").glob("*.html")):
        page.goto(f"{base}themes/{theme_page.name}")
        links += page.locator("article a[href*='reports/'][href*='#']").evaluate_all("els => els.map(e => e.href)")
    assert len(links) >= 10
    seen_paragraph = False
    for href in links[::max(1, len(links) // 12)]:
        page.goto(href)
        page.wait_for_timeout(150)
        state = page.evaluate("""() => {
            const target = document.querySelector(':target');
            if (!target) return null;
            const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
            const prev = target.previousElementSibling;
            return {tag: target.tagName, top: target.getBoundingClientRect().top, header,
                    height: innerHeight, mark: getComputedStyle(target).backgroundColor,
                    prevHeading: !!prev && /^H[2-6]$/.test(prev.tagName),
                    prevTop: prev ? prev.getBoundingClientRect().top : null};
        }""")
        assert state is not None, f"{href}: no element has the link's id"
        assert state["mark"] not in ("rgba(0, 0, 0, 0)", "transparent"), f"{href}: the passage is not marked"
        assert state["header"] <= state["top"] < state["height"], f"{href}: {state}"
        if state["tag"] == "P" and state["prevHeading"]:
            seen_paragraph = True
            assert state["prevTop"] >= state["header"] - 2, f"{href}: its heading is under the header: {state}"
    assert seen_paragraph  # the sample has a paragraph passage under its heading
    page.context.close()
