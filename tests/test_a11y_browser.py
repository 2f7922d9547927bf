"""Every page kind on a desktop (1280×900) and a phone (390×844): no English a reader sees or
hears, and no serious or critical axe-core violation (colour contrast included), in the light
and the dark palette.

axe-core is a test-only npm package (tests/vendor/package.json, pinned by its lock file;
`npm ci --prefix tests/vendor`, which .ci/run does), injected into the page by the test and
never part of the site. With BAOGAO_SCREENS=folder set, each page kind is also saved as a
screenshot there (the issue notes' screenshots; needs a CJK font, e.g. fonts-wqy-microhei).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.test_browser import browser, serve_folder  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def page_kinds(site: Path) -> dict[str, str]:
    """One page of each kind the site has, by name: its address relative to the site."""
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    report = catalog[0]
    theme = max((p for p in (site / "themes").glob("*.html") if p.name != "index.html"), key=lambda p: p.stat().st_size)
    browse = next(p for p in sorted((site / "browse").rglob("*.html")) if p.name != "index.html")
    return {
        "home": "index.html",
        "search": "search.html?q=工作",
        "search-none": "search.html?q=工作 区块链",
        "report": report["url"] + "?hl=工作&n=1",
        "years": "years/index.html",
        "year": f"years/{report['year'] or 'unknown'}.html",
        "themes": "themes/index.html",
        "theme": theme.relative_to(site).as_posix(),
        "browse": "browse/index.html",
        "browse-page": browse.relative_to(site).as_posix(),
        "help": "help.html",
        "admin": "admin.html",
        "404": "404.html",
    }


# Text a reader sees or hears that is not the interface's: report text and data the UI marks
# translate="no", and code (file names and query syntax on the help pages).
ENGLISH = r"""() => {
  const word = /[A-Za-z]{2,}/, found = [];
  const skip = "script, style, code, kbd, pre, [data-baogao-text], [translate=no]";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.parentElement.closest(skip) && word.test(node.data)) found.push("text: " + node.data.trim());
  }
  for (const el of document.querySelectorAll("*")) {
    if (el.closest("[translate=no]")) continue;
    for (const name of ["title", "aria-label", "aria-description", "placeholder", "alt", "data-md-tooltip"]) {
      const value = el.getAttribute(name);
      if (value && word.test(value)) found.push(name + ": " + value);
    }
    if (el.matches("input[type=submit], input[type=button]") && word.test(el.value)) found.push("value: " + el.value);
  }
  if (word.test(document.title)) found.push("title: " + document.title);
  return found;
}"""


@pytest.fixture(scope="module")
def served(sample_site):
    _, site = sample_site
    with serve_folder(site) as base:
        yield base, site


_WORK_MS = 90_000


def open_page(browser, base: str, path: str, viewport: str, scheme: str = "light"):  # noqa: F811
    context = browser.new_context(viewport=VIEWPORTS[viewport], is_mobile=viewport == "phone",
                                  has_touch=viewport == "phone", color_scheme=scheme)
    page = context.new_page()
    page.goto(base + path, wait_until="networkidle")
    if path.startswith("search.html"):
        page.locator('.baogao-results[data-state="done"]').wait_for(state="attached")
        if page.locator(".baogao-concordance:not([hidden])").count():  # the writer's tools, opened
            page.locator(".baogao-concordance summary").click()
            page.locator(".baogao-collocates summary").click()
            # (the collocates are counted in the page: on two cores busy with the rest of the suite, beyond the 30 s default)
            page.locator('.baogao-concordance__lines[data-state="done"]').wait_for(state="attached", timeout=_WORK_MS)
            page.locator('.baogao-collocates__lists[data-state="done"]').wait_for(state="attached", timeout=_WORK_MS)
            page.locator(".baogao-chart").wait_for()
            if page.locator(".baogao-usage__toggle[aria-expanded=false]").count():
                page.locator(".baogao-usage__toggle").click()
    return page


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_no_english_in_what_a_reader_sees_or_hears(served, browser, viewport):  # noqa: F811
    base, site = served
    english = {}
    for kind, path in page_kinds(site).items():
        page = open_page(browser, base, path, viewport)
        if kind == "report":
            page.locator(".baogao-meta summary").click()  # the folded 文件信息 too
        found = page.evaluate(ENGLISH)
        if found:
            english[kind] = found
        screens = os.environ.get("BAOGAO_SCREENS")
        if screens:
            Path(screens).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{screens}/{kind}-{viewport}.png")
        page.context.close()
    assert english == {}


def test_the_english_crawl_finds_english(served, browser):  # noqa: F811
    """The crawl above can fail: Material's own footer and permalink title are found."""
    base, _ = served
    page = open_page(browser, base, "index.html", "desktop")
    page.evaluate("""() => {
      document.querySelector("footer").append("Made with Material for MkDocs");
      document.querySelector("h1").setAttribute("title", "Permanent link");
    }""")
    found = page.evaluate(ENGLISH)
    page.context.close()
    assert "text: Made with Material for MkDocs" in found and "title: Permanent link" in found


def axe_violations(page) -> list[str]:
    # A transition under way (Material's back-to-top button fading in after a click scrolled the
    # page) is measured half transparent: axe judges the page once everything has settled.
    page.evaluate("""() => Promise.all(document.getAnimations()
      .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map(a => a.finished))""")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("viewport,scheme", [("desktop", "light"), ("phone", "light"), ("desktop", "dark")])
def test_axe_finds_no_serious_violation_on_any_page_kind(served, browser, viewport, scheme):  # noqa: F811
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: npm ci --prefix tests/vendor")
    base, site = served
    violations = {}
    for kind, path in page_kinds(site).items():
        page = open_page(browser, base, path, viewport, scheme)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == ("slate" if scheme == "dark" else "default")
        if kind == "report":
            page.locator(".baogao-meta summary").click()
        found = axe_violations(page)
        if found:
            violations[kind] = found
        page.context.close()
    assert violations == {}


def test_axe_reports_a_contrast_violation(served, browser):  # noqa: F811
    """The axe run above can fail: grey-on-grey text is a serious colour-contrast violation."""
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: npm ci --prefix tests/vendor")
    base, _ = served
    page = open_page(browser, base, "index.html", "desktop")
    page.evaluate("() => { document.querySelector('article p').style.color = '#ccc'; }")
    found = axe_violations(page)
    page.context.close()
    assert any(v.startswith("color-contrast (serious)") for v in found)
