"""The published archive opened from disk (file://) with no network, and the requests of every
page kind, from disk and through real nginx under /archive/: none may leave the site's origin.

Pages opened from disk run in an offline browser context in which every request that is not a
file:// URL is recorded and aborted.
"""

from __future__ import annotations

import pytest

from tests.test_nginx import (
    QUERY,
    SUB_PATH,
    Watch,
    browser,  # noqa: F401  (fixture)
    nginx,  # noqa: F401  (fixture)
    nginx_missing,
    wait_for_results,
)

pytestmark = pytest.mark.browser


def offline_watch(browser):
    """An offline context: file:// loads, anything else is recorded (Watch.requests) and aborted."""
    watch = Watch(browser, offline=True)
    watch.context.route(lambda url: not url.startswith("file:"), lambda route: route.abort("internetdisconnected"))
    return watch


def page_kinds(published) -> list[tuple[str, str]]:
    report = published.catalog[0]
    year = str(report["year"]) if report["year"] else "unknown"
    return [
        ("home", "index.html"),
        ("years index", "years/index.html"),
        ("year page", f"years/{year}.html"),
        ("report page", report["url"]),
        ("search page with a query", f"search.html?q={QUERY}"),
        ("help page", "help.html"),
    ]


def test_navigation_from_disk_offline(published, browser):  # noqa: F811
    """Home → year page → report page by clicking links, from file:// with no network."""
    report = published.catalog[0]
    year = f"{report['year']} 年" if report["year"] else "年份不详"
    watch = offline_watch(browser)
    page = watch.new_page()
    page.goto(published.root.joinpath("index.html").as_uri(), wait_until="load")
    assert page.locator("article h1").inner_text().rstrip("¶ ") == "报告归档"

    page.locator("article li a", has_text=year).first.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(f"/years/{report['year'] or 'unknown'}.html")
    page.locator("article li a", has_text=report["title"]).first.click()
    page.wait_for_load_state("load")
    assert page.url == published.root.joinpath(report["url"]).as_uri()
    assert page.locator("article h1").inner_text() == report["title"]
    assert page.locator(".baogao-meta").is_visible()
    assert page.locator("nav.md-nav--secondary a.md-nav__link").count() > 0

    page.locator("header a.md-logo").click()  # back home through the header
    page.wait_for_load_state("load")
    assert page.url == published.root.joinpath("index.html").as_uri()
    watch.close()
    assert watch.outside("file:") == [], "requests that are not file://"
    assert watch.unexpected_errors() == [], "console / JS errors"


def test_search_from_disk_offline(published, browser):  # noqa: F811
    """search.html?q=… from file:// shows results; the header box suggests; a result highlights."""
    watch = offline_watch(browser)
    page = watch.new_page()
    page.goto(published.root.joinpath("search.html").as_uri() + f"?q={QUERY}", wait_until="load")
    assert wait_for_results(page) > 0
    assert page.locator(".baogao-results li.baogao-result[data-report-id]").count() > 0
    # Pages cannot be fetched from file://: no KWIC lines, and the summary says so.
    assert "不显示摘录" in page.locator(".baogao-summary").inner_text()
    assert page.locator(".baogao-result__kwic li").count() == 0

    header_box = page.locator("form.baogao-header-search input")
    header_box.fill("")
    header_box.type(QUERY, delay=20)
    page.locator(".baogao-suggest").wait_for(state="visible", timeout=10_000)
    assert page.locator(".baogao-suggest a.baogao-suggest__item[data-report-id]").count() > 0
    page.locator(".baogao-suggest a.baogao-suggest__item").first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(published.root.joinpath("reports").as_uri() + "/")
    page.locator("mark.baogao-hl--current").first.wait_for(state="visible", timeout=10_000)
    watch.close()
    assert watch.outside("file:") == [], "requests that are not file://"
    assert watch.unexpected_errors() == [], "console / JS errors"


def count_requests(browser, pages: list[tuple[str, str]], origin: str, offline: bool) -> list[tuple]:  # noqa: F811
    """(kind, requests, to the origin, elsewhere, URLs elsewhere) per page kind, each page loaded
    with the browser cache disabled (the counts of a first visit)."""
    watch = offline_watch(browser) if offline else Watch(browser)
    page = watch.new_page()
    page.context.new_cdp_session(page).send("Network.setCacheDisabled", {"cacheDisabled": True})
    rows = []
    for kind, url in pages:
        start = len(watch.requests)
        page.goto(url, wait_until="networkidle")
        if "search.html?q=" in url:
            wait_for_results(page)
            page.wait_for_load_state("networkidle")
        requests = watch.requests[start:]
        outside = [u for u in watch.outside(origin) if u in requests]
        rows.append((kind, len(requests), len(requests) - len(outside), len(outside), outside))
    watch.close()
    return rows


def table(mode: str, rows: list[tuple]) -> str:
    lines = [f"{mode}: page kind | requests | same origin | elsewhere"]
    lines += [f"  {kind} | {total} | {same} | {other}" + (f" {urls}" if urls else "") for kind, total, same, other, urls in rows]
    return "\n".join(lines)


def test_every_page_kind_stays_on_disk(published, browser):  # noqa: F811
    pages = [(kind, published.root.joinpath(rel.split("?")[0]).as_uri() + (rel[rel.index("?"):] if "?" in rel else ""))
             for kind, rel in page_kinds(published)]
    rows = count_requests(browser, pages, "file:", offline=True)
    assert all(other == 0 and same > 0 for _, _, same, other, _ in rows), table("file://", rows)


@pytest.mark.skipif(bool(nginx_missing()), reason=nginx_missing() or "")
def test_every_page_kind_stays_on_the_origin_through_nginx(published, nginx, browser):  # noqa: F811
    base, _ = nginx
    origin = base[: -len(SUB_PATH)]
    pages = [(kind, base + rel) for kind, rel in page_kinds(published)]
    pages.append(("404 page", base + "no-such-page.html"))
    rows = count_requests(browser, pages, origin, offline=False)
    assert all(other == 0 and same > 0 for _, _, same, other, _ in rows), table(f"http via nginx {SUB_PATH}", rows)
