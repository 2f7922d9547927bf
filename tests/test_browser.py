"""Headless Chromium (Debian's) over the built sample site: pages render, no outside requests."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class serve_folder:
    """Serve a folder on 127.0.0.1 (a free port) for the duration of a `with` block."""

    def __init__(self, folder):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.server.server_port}/"

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def served_site(sample_site):
    _, site = sample_site
    with serve_folder(site) as base:
        yield base, site


@pytest.fixture(scope="module")
def browser(session_browser):
    """The session's chromium (conftest.SessionBrowser) for a module's tests; the contexts and
    pages they leave open are closed after the module, as a browser of its own would be."""
    launched = session_browser.get()
    yield launched
    for context in launched.contexts:
        context.close()


def test_home_year_and_report_pages_render_with_no_outside_requests(served_site, browser):
    base, site = served_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    report = catalog[0]
    year = str(report["year"]) if report["year"] else "unknown"
    origin = urlsplit(base).netloc
    outside: list[str] = []
    page = browser.new_page()
    page.on("request", lambda request: urlsplit(request.url).netloc != origin and outside.append(request.url))

    page.goto(base, wait_until="networkidle")
    assert page.locator("article h1").inner_text().rstrip("¶") == "报告归档"
    assert page.locator("article li a").count() >= len(catalog)

    page.goto(f"{base}years/{year}.html", wait_until="networkidle")
    page.locator("article li a", has_text=report["title"]).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{base}{report['url']}"
    assert page.locator("article h1").inner_text() == report["title"]
    assert page.locator(".baogao-meta").is_visible()
    assert page.locator("nav.md-nav--secondary a.md-nav__link").count() > 0

    assert outside == []
    page.close()
