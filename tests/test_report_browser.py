"""Copy with citation and next / previous occurrence (baogao-report.js) in Chromium, on a desktop
(1280×900) and a phone (390×844): a KWIC line's 复制 on the search page, a passage selected on a
report page (floating button and the key c), both read back from the clipboard (the Clipboard
API with a granted permission over http, and the hidden-textarea fallback an http intranet
server needs, over http and from disk); the bar 第 n / N 处 with ↑ ↓ and j / k.

The expected citations are written here from the catalog and the built page's HTML (the
anchor of a passage: the last id at or before its start in the page text), never read from
the page's script."""

from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from baogao.catalog import year_text
from baogao.pagetext import visible_text
from baogao.search.kwic import kwic_lines
from baogao.search.normalize import parse_query
from tests.conftest import REPORTS, build_site, built_once
from tests.test_a11y_browser import AXE, ENGLISH, axe_violations, open_page
from tests.test_browser import browser, serve_folder  # noqa: F401  (fixture)
from tests.test_ui_browser import done, new_page, ui_ready

pytestmark = pytest.mark.browser
QUERY = "作风"  # in every sample report, and never overlapping itself
# The Clipboard API hidden (as on an http intranet server, not a secure context): the page must
# copy through its fallback. The real one is kept to read the clipboard back.
NO_CLIPBOARD_API = """window.__clip = navigator.clipboard;
Object.defineProperty(Navigator.prototype, "clipboard", { get() { return undefined; } });"""
# What each copy event (execCommand("copy"), the fallback) copied: the focused textarea's value.
COPY_EVENTS = """window.__copies = [];
document.addEventListener("copy", () => { const a = document.activeElement; window.__copies.push(a && a.value !== undefined ? a.value : null); });"""


# A report that names no office and no year (nor a bound of one): its citation leaves both out.
# The sample reports all name an office or a year, so the archive of these tests adds it.
NEITHER = """关于改进公文写作的几点体会

公文是机关工作的重要载体。写好公文，既要懂政策，也要懂文字，下面谈几点体会。

一、把握文种

文种不同，写法不同。请示要一文一事，报告不得夹带请示事项，通知要把要求讲清楚。

二、理清结构

开头交代缘由，主体分层展开，结尾提出要求。层次序数依次使用“一、”“（一）”“1.”“（1）”。

三、锤炼语言

文风连着作风。语言要准确、简明、庄重，少用形容词，多用事实和数据说话，避免空话套话。
"""


def _build_archive(folder: Path) -> None:
    reports = folder / "reports"
    shutil.copytree(REPORTS, reports)
    (reports / "gongwen-xiezuo-tihui.txt").write_text(NEITHER, encoding="utf-8")
    build_site(reports, folder)


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """The built site of the sample reports and NEITHER."""
    return built_once(tmp_path_factory, "cite-archive", _build_archive) / "site"


@pytest.fixture(scope="module")
def served(archive):
    catalog = json.loads((archive / "catalog.json").read_text(encoding="utf-8"))
    with serve_folder(archive) as base:
        yield base, archive, catalog


class _PageText(HTMLParser):
    """The report text of a built page and, in it, where each element with an id starts, read
    from the HTML independently of the browser: the element marked data-baogao-text without
    what it marks data-baogao-exclude and the ¶ permalinks (class headerlink)."""

    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "source"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside the text element: its depth
        self.skip = 0  # inside an excluded element: its depth
        self.text = ""
        self.anchors: list[tuple[int, str]] = []
        self.paragraphs: list[int] = []  # where each paragraph directly in the text element starts
        self.ends: dict[str, int] = {}  # where each element with an id ends
        self.open: list[str] = []  # the ids of the open elements ("" for none)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if not self.depth:
            self.depth = 1 if "data-baogao-text" in a else 0
            return
        if tag in self.VOID:
            return
        self.depth += 1
        self.open.append(a.get("id") or "")
        if self.skip:
            self.skip += 1
        elif "data-baogao-exclude" in a or "headerlink" in (a.get("class") or "").split():
            self.skip = 1
        else:
            if a.get("id"):
                self.anchors.append((len(self.text), a["id"]))
            if tag == "p" and self.depth == 2:
                self.paragraphs.append(len(self.text))

    def handle_endtag(self, tag):
        if not self.depth or tag in self.VOID:
            return
        self.depth -= 1
        if self.depth:
            name = self.open.pop()
            if name and not self.skip:
                self.ends[name] = len(self.text)
        if self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text += data


def page_text(site, entry) -> _PageText:
    html = (site / entry["url"]).read_text(encoding="utf-8")
    parsed = _PageText()
    parsed.feed(html)
    assert parsed.text == visible_text(html)  # the same text the fidelity check reads
    return parsed


def anchor_at(parsed: _PageText, offset: int) -> str:
    found = [name for at, name in parsed.anchors if at <= offset]
    return found[-1] if found else ""


def citation(passage: str, entry: dict, url: str, anchor: str) -> str:
    """The issue's format, written out: the office or year left out when unknown."""
    about = "，".join(v for v in (entry["org"] or "", year_text(entry)) if v)
    return f"{passage}\n——《{entry['display_title']}》" + (f"（{about}）" if about else "") + f"，{url}" + (f"#{anchor}" if anchor else "")


def kinds(catalog) -> dict[str, dict]:
    """A report with office and year, one whose year is only a lower bound, one with neither."""
    found = {
        "both": next((e for e in catalog if e["org"] and e["year"]), None),
        "lower bound": next((e for e in catalog if e["org"] and not e["year"] and e.get("year_min")), None),
        "neither": next((e for e in catalog if not e["org"] and not e["year"] and not e.get("year_min")), None),
    }
    assert all(found.values()), found  # the archive of these tests has all three
    return found


def test_the_citation_leaves_an_unknown_office_or_year_out_cleanly(served, browser):  # noqa: F811
    base, _, _ = served
    page = new_page(browser)
    page.goto(f"{base}index.html")
    ui_ready(page)
    cite = "([org, year]) => baogaoReport.cite('原文', {title: '某报告', org: org, year: year}, 'http://h/r.html', 'a')"
    assert page.evaluate(cite, ["某局", "2023"]) == "原文\n——《某报告》（某局，2023），http://h/r.html#a"
    assert page.evaluate(cite, ["某局", ""]) == "原文\n——《某报告》（某局），http://h/r.html#a"
    assert page.evaluate(cite, ["", "2022年以后"]) == "原文\n——《某报告》（2022年以后），http://h/r.html#a"
    assert page.evaluate(cite, ["", ""]) == "原文\n——《某报告》，http://h/r.html#a"
    page.context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_every_kwic_line_copies_itself_with_its_source(served, browser, viewport):  # noqa: F811
    base, site, catalog = served
    page = new_page(browser, viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page.add_init_script(COPY_EVENTS)
    page.goto(f"{base}search.html?q={QUERY}")
    done(page)
    by_id = {e["id"]: e for e in catalog}
    results = page.locator(".baogao-result")
    assert results.count() == len(catalog)
    checked = 0
    for r in range(results.count()):
        entry = by_id[results.nth(r).get_attribute("data-report-id")]
        parsed = page_text(site, entry)
        starts = sorted(begin for begin, _ in _spans(parsed.text))
        lines = results.nth(r).locator(".baogao-result__kwic li")
        assert lines.count() == min(3, len(starts)) > 0
        for i in range(lines.count()):
            button = lines.nth(i).locator("button.baogao-copy")
            assert button.get_attribute("aria-label") == "复制此行（含出处）"
            button.click()
            page.locator(".baogao-toast[data-shown]").wait_for()
            shown = lines.nth(i).locator(".baogao-kwic").text_content()
            expected = citation(shown, entry, base + entry["url"], anchor_at(parsed, starts[i]))
            assert page.evaluate("navigator.clipboard.readText()") == expected
            checked += 1
    assert page.locator(".baogao-toast").inner_text() == "已复制（含出处）"
    assert page.evaluate("window.__copies") == []  # through the Clipboard API, not the fallback
    assert checked >= len(catalog)
    page.context.close()


def _spans(text: str) -> list[tuple[int, int]]:
    """Every occurrence of QUERY in `text` as the engines find them (normalised text)."""
    from baogao.search.normalize import normalize_with_offsets

    norm, origin = normalize_with_offsets(text)
    phrase = parse_query(QUERY).include[0]
    out, at = [], norm.find(phrase)
    while at >= 0:
        out.append((origin[at], origin[at + len(phrase) - 1] + 1))
        at = norm.find(phrase, at + 1)
    return out


def test_without_the_clipboard_api_a_kwic_line_is_copied_through_the_fallback(served, browser):  # noqa: F811
    base, site, catalog = served
    page = new_page(browser)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page.add_init_script(NO_CLIPBOARD_API)
    page.add_init_script(COPY_EVENTS)
    page.goto(f"{base}search.html?q={QUERY}")
    done(page)
    first = page.locator(".baogao-result").first
    entry = next(e for e in catalog if e["id"] == first.get_attribute("data-report-id"))
    first.locator("button.baogao-copy").first.click()
    page.locator(".baogao-toast[data-shown]").wait_for()
    parsed = page_text(site, entry)
    expected = citation(first.locator(".baogao-kwic").first.text_content(), entry, base + entry["url"],
                        anchor_at(parsed, min(b for b, _ in _spans(parsed.text))))
    assert page.evaluate("window.__copies") == [expected]
    assert page.evaluate("window.__clip.readText()") == expected  # it reached the clipboard
    assert page.locator("textarea").count() == 0  # the buffer is gone
    assert page.locator(".baogao-toast").inner_text() == "已复制（含出处）"
    page.context.close()


def select(page, first: int, start: int, last: int, end: int) -> None:
    """Select from character `start` of the text element's `first` paragraph to character `end`
    of its `last` one (the paragraphs directly in it, as _PageText counts them)."""
    page.evaluate("""([first, start, last, end]) => {
      const ps = Array.from(document.querySelectorAll("[data-baogao-text] > p"));
      const text = (p) => document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
      const range = document.createRange();
      range.setStart(text(ps[first]), start); range.setEnd(text(ps[last]), end);
      getSelection().removeAllRanges(); getSelection().addRange(range);
    }""", [first, start, last, end])


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_a_selected_passage_is_copied_with_its_source(served, browser, viewport):  # noqa: F811
    base, site, catalog = served
    page = new_page(browser, viewport)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    for kind, entry in kinds(catalog).items():
        parsed = page_text(site, entry)
        paragraphs = parsed.paragraphs
        assert len(paragraphs) >= 3, kind
        # Across paragraphs (and the headings and ¶ between them), then inside one after an anchor.
        last = next(i for i in range(len(paragraphs) - 1, 0, -1) if anchor_at(parsed, paragraphs[i]))
        for first, start, to, end, by in ((0, 2, 2, 5, "click"), (last, 1, last, 9, "c"), (1, 0, 1, 4, "Tab")):
            page.goto(base + entry["url"])
            ui_ready(page)
            select(page, first, start, to, end)
            button = page.locator(".baogao-copy--float")
            button.wait_for()
            box = button.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
            if by == "click":
                button.click()
            elif by == "c":
                page.keyboard.press("c")
            else:  # Tab reaches the button first, Enter presses it
                page.keyboard.press("Tab")
                assert page.evaluate("document.activeElement.classList.contains('baogao-copy--float')")
                page.keyboard.press("Enter")
            page.locator(".baogao-toast[data-shown]").wait_for()
            a, b = paragraphs[first] + start, paragraphs[to] + end
            passage = parsed.text[a:b].strip()
            expected = citation(passage, entry, base + entry["url"], anchor_at(parsed, a))
            assert page.evaluate("navigator.clipboard.readText()") == expected, (kind, first)
            assert "¶" not in passage and page.evaluate("getSelection().toString()")  # the selection stays
        # A whole heading, ¶ permalink included: it cites its own anchor (at the passage's start).
        page.goto(base + entry["url"])
        ui_ready(page)
        heading = page.evaluate("""() => { const h = document.querySelector("[data-baogao-text] :is(h2, h3, h4)[id]");
          const r = document.createRange(); r.selectNodeContents(h); getSelection().removeAllRanges(); getSelection().addRange(r);
          return h.id; }""")
        page.locator(".baogao-copy--float").click()
        page.locator(".baogao-toast[data-shown]").wait_for()
        at = dict((name, offset) for offset, name in parsed.anchors)[heading]
        title = parsed.text[at:parsed.ends[heading]]
        assert page.evaluate("navigator.clipboard.readText()") == citation(title.strip(), entry, base + entry["url"], heading)
    page.context.close()


def test_a_selection_from_disk_is_copied_through_the_fallback(archive, browser):  # noqa: F811
    site = archive
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    entry = kinds(catalog)["both"]
    page = new_page(browser)
    page.add_init_script(NO_CLIPBOARD_API)
    page.add_init_script(COPY_EVENTS)
    page.goto((site / entry["url"]).as_uri() + "?hl=区块链技术#top")
    ui_ready(page)
    parsed = page_text(site, entry)
    select(page, 1, 0, 1, 12)
    page.locator(".baogao-copy--float").wait_for()
    page.keyboard.press("c")
    page.locator(".baogao-toast[data-shown]").wait_for()
    a = parsed.paragraphs[1]
    # the page's own file:// address, without the query and the fragment
    expected = citation(parsed.text[a:a + 12].strip(), entry, (site / entry["url"]).as_uri(), anchor_at(parsed, a))
    assert page.evaluate("window.__copies") == [expected]
    page.context.close()


def test_no_copy_button_without_a_selection_or_outside_the_text(served, browser):  # noqa: F811
    base, _, catalog = served
    page = new_page(browser)
    page.goto(base + catalog[0]["url"])
    ui_ready(page)
    page.evaluate("""() => { const r = document.createRange(); r.selectNodeContents(document.querySelector(".md-footer"));
      getSelection().removeAllRanges(); getSelection().addRange(r); }""")
    page.wait_for_timeout(400)
    assert page.locator(".baogao-copy--float:visible").count() == 0
    page.keyboard.press("c")  # nothing to copy: no confirmation
    assert page.locator(".baogao-toast").count() == 0
    page.context.close()


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_next_and_previous_move_through_every_occurrence_and_wrap(served, browser, viewport):  # noqa: F811
    base, site, catalog = served
    entry = max(catalog, key=lambda e: len(_spans(page_text(site, e).text)))
    parsed = page_text(site, entry)
    total = len(kwic_lines(parsed.text, parse_query(QUERY), limit=None))  # QUERY never overlaps itself
    assert total >= 3
    page = new_page(browser, viewport)
    page.goto(f"{base}{entry['url']}?hl={QUERY}&n=1")
    count = page.locator(".baogao-steps__count")
    count.wait_for()
    assert count.inner_text() == f"第 2 / {total} 处"
    assert count.get_attribute("aria-live") == "polite"
    assert page.locator(".baogao-steps button").evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))") == ["上一处", "下一处"]
    header = page.locator(".md-header").bounding_box()

    def current() -> tuple[float, float]:
        """The current mark's place in the page; it must be on screen, below the fixed header and
        above the bar."""
        marks = page.locator("mark.baogao-hl--current")
        assert marks.count() >= 1 and "".join(marks.all_inner_texts()) == QUERY
        box, bar = marks.first.bounding_box(), page.locator(".baogao-steps").bounding_box()
        assert box and bar and box["y"] >= header["y"] + header["height"] and box["y"] + box["height"] <= bar["y"]
        return tuple(page.evaluate("""() => { const r = document.querySelector("mark.baogao-hl--current").getBoundingClientRect();
          return [r.top + scrollY, r.left]; }"""))

    seen = [current()]
    for step in range(total):  # j: all the way round, back to where it started
        page.keyboard.press("j")
        assert count.inner_text() == f"第 {(1 + step + 1) % total + 1} / {total} 处"
        seen.append(current())
    assert seen[0] == seen[-1] and len(set(seen)) == total
    order = seen[total - 1:] + seen[1:total - 1]  # from the first occurrence on
    assert order == sorted(order)
    page.keyboard.press("k")
    page.keyboard.press("k")
    assert count.inner_text() == f"第 {total} / {total} 处"  # k wraps back from the first to the last
    page.locator(".baogao-steps__next").click()
    assert count.inner_text() == f"第 1 / {total} 处"
    page.locator(".baogao-steps__prev").click()
    assert count.inner_text() == f"第 {total} / {total} 处"
    page.focus(".baogao-header-search input")
    page.keyboard.press("j")  # typing in a box is typing
    assert count.inner_text() == f"第 {total} / {total} 处"
    bar = page.locator(".baogao-steps").bounding_box()
    assert bar and bar["x"] >= 0 and bar["x"] + bar["width"] <= page.viewport_size["width"]
    page.emulate_media(media="print")
    assert page.locator(".baogao-steps").is_hidden()
    page.context.close()


def test_no_bar_without_a_search(served, browser):  # noqa: F811
    base, _, catalog = served
    page = new_page(browser)
    page.goto(base + catalog[0]["url"])
    ui_ready(page)
    assert page.locator(".baogao-steps").count() == 0
    page.goto(base + catalog[0]["url"] + "?hl=区块链技术")  # found nowhere: nothing to step through
    ui_ready(page)
    page.wait_for_timeout(300)
    assert page.locator(".baogao-steps").count() == 0
    page.context.close()


@pytest.mark.parametrize("viewport,scheme", [("desktop", "light"), ("phone", "light"), ("desktop", "dark"), ("phone", "dark")])
def test_the_bar_the_copy_button_and_the_confirmation_pass_axe(served, browser, viewport, scheme):  # noqa: F811
    """With the bar, the floating button and the confirmation all on screen; no English in them.
    BAOGAO_SCREENS=folder saves the screen."""
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: npm ci --prefix tests/vendor")
    base, _, catalog = served
    entry = kinds(catalog)["both"]
    page = open_page(browser, base, f"{entry['url']}?hl={QUERY}&n=1", viewport, scheme)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base.rstrip("/"))
    page.locator(".baogao-steps").wait_for()
    page.evaluate("""() => { const m = document.querySelector("mark.baogao-hl--current").parentElement;
      const r = document.createRange(); r.selectNodeContents(m); getSelection().removeAllRanges(); getSelection().addRange(r); }""")
    page.locator(".baogao-copy--float").click()
    page.locator(".baogao-toast[data-shown]").wait_for()
    page.wait_for_timeout(300)  # the confirmation's fade-in
    assert page.evaluate(ENGLISH) == []
    screens = os.environ.get("BAOGAO_SCREENS")
    if screens:
        Path(screens).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{screens}/report-copy-{viewport}-{scheme}.png")
    assert axe_violations(page) == []
    page.context.close()
