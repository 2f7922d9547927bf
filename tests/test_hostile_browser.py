"""Report text is data, in a real browser: hostile reports never run, always show.

A site is built from the five samples plus reports full of markup — `<script>`, `onerror`,
`javascript:` links, `{{ }}`, a title line that closes <title>, an office name and an inferred
title carrying HTML, a file name that is HTML, sidecar values that are HTML — and served on
127.0.0.1. Every page that shows report data (report pages, home, years, the search page and
its suggestions, a highlighted report) must fire no dialog, set no `window.__pwned`, log no
marker, grow no element or handler the site does not have itself, and show the strings literally.
"""

from __future__ import annotations

import json
import shutil
from urllib.parse import quote

import pytest

from baogao.convert import report_id
from tests.conftest import REPORTS, build_site
from tests.test_browser import browser, serve_folder  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

TITLE_SCRIPT = "<script>alert(1)</script>县政府办公室关于网络安全工作的报告"
TITLE_BREAKOUT = "</title><script>window.__pwned=7;console.log('__pwned')</script>县政府办公室工作总结"
ORG_LINE = "<script>window.__pwned=13</script>县人民政府办公室关于2023年工作情况的报告"
FILE_NAME = "<img src=x onerror=window.__pwned=6>县政府办公室关于某某工作的情况汇报.txt"
SIDECAR_TITLE = "<svg onload=window.__pwned=15>侧车标题"
SIDECAR_ORG = "<img src=x onerror=window.__pwned=8>办公室"
SIDECAR_REGION = "</dd><script>window.__pwned=9</script>"

BODY_LINES = (
    "一、<script>window.__pwned=1</script>主要工作",  # a heading (≤ 40 characters): in the outline too
    "正文<script>window.__pwned=17;console.log('__pwned')</script>。",
    '正文<img src=x onerror="window.__pwned=2;alert(2)">结束。',
    "[link](javascript:window.__pwned=3) 和 ![图](javascript:window.__pwned=4)",
    '<a href="javascript:window.__pwned=10">点我</a>',
    "{{ config.site_name }} {% raw %} {% endraw %} {{ 7*7 }}",
    '{: #evil onclick="window.__pwned=5" }',
    "<svg onload=window.__pwned=11>",
    '<iframe src="javascript:window.__pwned=12"></iframe>',
    "<style>body{display:none}</style>",
    "[TOC]",
    "（一）<b onclick=window.__pwned=16>做法</b>",
    "&lt;script&gt; &amp; &#60;",
)
REPORTS_OF = {  # file → (text, sidecar)
    "脚本注入.txt": ("\n".join((TITLE_SCRIPT, *BODY_LINES)) + "\n", None),
    "标题闭合.txt": (f"{TITLE_BREAKOUT}\n正文一段，含<script>标记。\n", None),
    "单位注入.txt": (f"{ORG_LINE}\n今年以来，我办做了大量工作。\n", f'org: "{SIDECAR_ORG}"\nregion: "{SIDECAR_REGION}"\n'),
    FILE_NAME: ("今年以来我办做了很多工作，<b>成绩</b>显著。\n", None),
    "推断标题.txt": ("我代表<img src=x onerror=window.__pwned=14>人民政府，向大会报告工作，请予审议。\n", f'title: "{SIDECAR_TITLE}"\n'),
}

FIND_INJECTED = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) if (a.name.startsWith('on')) found.push(el.tagName + '[' + a.name + ']');
    const href = el.getAttribute('href') || el.getAttribute('src') || '';
    if (/^\\s*javascript:/i.test(href)) found.push(el.tagName + ' ' + href);
  }
  for (const sel of ['iframe', 'svg[onload]', 'article img', 'article style', 'article script', 'article b'])
    for (const el of document.querySelectorAll(sel)) found.push(sel);
  return found;
}"""
SCRIPTS = (
    """() => Array.from(document.scripts).map(s => s.src ? 'src:' + new URL(s.src).pathname.replace(/.*\\/assets\\//, 'assets/')"""
    """ : 'inline:' + s.textContent.length)"""
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("hostile-site")
    reports = work / "reports"
    shutil.copytree(REPORTS, reports)
    for name, (text, sidecar) in REPORTS_OF.items():
        (reports / name).write_text(text, encoding="utf-8")
        if sidecar:
            (reports / name.replace(".txt", ".meta.yml")).write_text(sidecar, encoding="utf-8")
    pages, site = build_site(reports, work)
    catalog = {entry["source"]: entry for entry in json.loads((site / "catalog.json").read_text(encoding="utf-8"))}
    with serve_folder(site) as base:
        yield base, catalog


@pytest.fixture(scope="module")
def own_scripts(hostile_site, browser):  # noqa: F811
    """The script elements of a sample report page: the site's own."""
    base, catalog = hostile_site
    page = browser.new_page()
    page.goto(base + catalog[sorted(p.name for p in REPORTS.glob("*.txt"))[0]]["url"], wait_until="load")
    scripts = page.evaluate(SCRIPTS)
    page.close()
    assert scripts and all(s.startswith(("src:assets/", "inline:")) for s in scripts), scripts
    return scripts


class Watched:
    """A browser page that records dialogs and console messages."""

    def __init__(self, browser):  # noqa: F811
        self.page = browser.new_page()
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("console", lambda message: self.console.append(message.text))

    def open(self, url: str) -> None:
        # "load" comes after every <img> error and inline script; a moment more for timers.
        self.page.goto(url, wait_until="load")
        self.page.wait_for_timeout(100)

    def assert_inert(self) -> None:
        assert self.dialogs == []
        assert self.page.evaluate("typeof window.__pwned") == "undefined"
        assert not [m for m in self.console if "pwned" in m]
        assert self.page.evaluate(FIND_INJECTED) == []

    def article_text(self) -> str:
        return self.page.locator("article.md-content__inner").inner_text()


@pytest.fixture
def watched(browser):  # noqa: F811
    page = Watched(browser)
    yield page
    page.page.close()


def test_the_hostile_reports_are_built(hostile_site):
    _, catalog = hostile_site
    assert set(REPORTS_OF) <= set(catalog)
    assert catalog["脚本注入.txt"]["title"] == TITLE_SCRIPT
    assert catalog["标题闭合.txt"]["title"] == TITLE_BREAKOUT
    assert catalog["单位注入.txt"]["org"] == SIDECAR_ORG and catalog["单位注入.txt"]["region"] == SIDECAR_REGION
    assert catalog["推断标题.txt"]["title"] == SIDECAR_TITLE


@pytest.mark.parametrize("source", list(REPORTS_OF))
def test_report_page_runs_nothing_and_shows_everything(hostile_site, watched, own_scripts, source):
    base, catalog = hostile_site
    entry = catalog[source]
    watched.open(base + entry["url"])
    watched.assert_inert()
    assert watched.page.evaluate(SCRIPTS) == own_scripts  # no script element beyond the site's own
    page = watched.page
    assert page.locator("article h1").inner_text() == entry["title"]
    assert page.title().startswith(entry["title"])
    assert page.locator(".md-header__topic").nth(1).inner_text().strip() == entry["title"]
    shown = watched.article_text()
    text, _ = REPORTS_OF[source]
    lines = text.splitlines()[1:] if entry["title"] == text.splitlines()[0] else text.splitlines()
    for line in lines:
        assert line in shown, f"{line!r} is not shown literally"
    assert source not in page.locator(".baogao-meta").inner_text()  # folded under 文件信息 …
    page.locator(".baogao-meta summary").click()
    panel = page.locator(".baogao-meta").inner_text()
    assert source in panel  # … and shown, literally, when opened
    if entry["org"]:
        assert entry["org"] in panel


def test_outline_shows_headings_literally(hostile_site, watched):
    base, catalog = hostile_site
    watched.open(base + catalog["脚本注入.txt"]["url"])
    links = watched.page.locator(".md-sidebar--secondary nav.md-nav--secondary a.md-nav__link")
    toc = [text.strip() for text in links.all_text_contents()]
    assert BODY_LINES[0] in toc and "（一）<b onclick=window.__pwned=16>做法</b>" in toc
    watched.assert_inert()


@pytest.mark.parametrize("path", ["index.html", "years/index.html", "years/2023.html", "years/unknown.html"])
def test_lists_of_reports_show_titles_literally(hostile_site, watched, path):
    base, catalog = hostile_site
    watched.open(base + path)
    watched.assert_inert()
    if path.startswith("years/") and path != "years/index.html":
        shown = watched.article_text()
        year = path.removeprefix("years/").removesuffix(".html")
        for entry in catalog.values():
            if str(entry["year"] or "unknown") == year:
                assert entry["title"] in shown


def test_search_for_script_shows_kwic_lines_as_text(hostile_site, watched):
    base, catalog = hostile_site
    watched.open(base + "search.html")
    found = watched.page.evaluate(
        """async () => { const S = window.baogaoSearch, res = await S.search(S.parseQuery("<script>"));
                         const ids = []; for (const h of res.hits) ids.push((await S.meta(h.doc)).id);
                         return {total: res.total, ids}; }""")
    expected = {report_id(name) for name in ("脚本注入.txt", "标题闭合.txt", "单位注入.txt")}
    assert set(found["ids"]) == expected and found["total"] == len(expected)

    watched.open(base + "search.html?q=" + quote("<script>"))
    results = watched.page.locator(".baogao-results")
    results.and_(watched.page.locator('[data-state="done"]')).wait_for(timeout=15_000)
    assert watched.page.locator(".baogao-result").count() == len(expected)
    marks = watched.page.locator(".baogao-result mark").all_inner_texts()
    assert marks and set(marks) == {"<script>"}
    titles = watched.page.locator(".baogao-result__title").all_inner_texts()
    assert TITLE_SCRIPT in titles and TITLE_BREAKOUT in titles
    kwic = watched.page.locator(".baogao-kwic").all_inner_texts()
    assert any("一、<script>window.__pwned=1</script>主要工作" in line for line in kwic), kwic
    watched.assert_inert()


def test_a_hostile_query_is_shown_not_run(hostile_site, watched):
    base, _ = hostile_site
    query = '<img src=x onerror="window.__pwned=20;alert(20)">'
    watched.open(base + "search.html?q=" + quote(query))
    watched.page.locator('.baogao-results[data-state="done"]').wait_for(state="attached", timeout=15_000)
    assert query in watched.page.locator(".baogao-summary").inner_text()
    assert watched.page.locator("#baogao-search input[name=q]").input_value() == query
    watched.assert_inert()


def test_header_suggestions_show_report_data_as_text(hostile_site, watched):
    base, _ = hostile_site
    watched.open(base + "index.html")
    watched.page.locator("form.baogao-header-search input").fill("<script>")
    suggestions = watched.page.locator(".baogao-suggest")
    suggestions.locator(".baogao-suggest__item").first.wait_for(timeout=15_000)
    titles = suggestions.locator(".baogao-suggest__title").all_inner_texts()
    assert TITLE_SCRIPT in titles
    watched.assert_inert()


def test_highlighting_a_hostile_phrase_marks_text_only(hostile_site, watched):
    base, catalog = hostile_site
    watched.open(base + catalog["脚本注入.txt"]["url"] + "?hl=" + quote("<script>") + "&n=1")
    marks = watched.page.locator("mark.baogao-hl").all_inner_texts()
    assert marks and set(marks) == {"<script>"}
    watched.assert_inert()


def test_copy_with_citation_keeps_hostile_titles_and_offices_as_text(hostile_site, watched):
    """The citation source rides in an attribute as JSON (a title with quotes and </title>, an
    office with <img onerror>): copied literally, never run."""
    from tests.test_report_browser import citation

    base, catalog = hostile_site
    watched.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    for source in ("标题闭合.txt", "单位注入.txt"):
        entry = catalog[source]
        watched.open(base + entry["url"])
        text = watched.page.evaluate("""() => { const p = document.querySelector("[data-baogao-text] > p");
          const r = document.createRange(); r.selectNodeContents(p); getSelection().removeAllRanges(); getSelection().addRange(r);
          return p.textContent.trim(); }""")
        watched.page.locator(".baogao-copy--float").wait_for()
        watched.page.keyboard.press("c")
        watched.page.locator(".baogao-toast[data-shown]").wait_for()
        copied = watched.page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith(citation(text, entry, base + entry["url"], ""))  # an anchor may follow
        watched.assert_inert()
