"""Real nginx (Debian's) serving the published sample archive under /archive/ with deploy/nginx.conf.

The archive is built for http://archive.example.internal/archive/, packed by `baogao.publish`,
extracted like a deployment would, and served by `/usr/sbin/nginx` running deploy/nginx.conf as
written (only `listen 80;` and /srv/baogao/site/ are replaced). Headless Chromium then browses
it; raw HTTP requests check headers, MIME types, caching and gzip.

The helpers here (publishing, running nginx, watching a browser context) are shared with
tests/test_offline.py.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

from baogao.publish import content_security_policy, publish
from baogao.search.codec import read_script
from baogao.search.index import shard_name
from baogao.site import run_mkdocs
from tests.test_browser import browser  # noqa: F401  (fixture: the session's chromium)

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MIME_TYPES = Path("/etc/nginx/mime.types")
DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"
CONF_SITE, CONF_LISTEN = "/srv/baogao/site/", "listen 80;"
SUB_PATH = "/archive/"
BASE_URL = "http://archive.example.internal/archive/"
QUERY = "马上就办"
IMMUTABLE = "public, max-age=31536000, immutable"
SECURITY_HEADERS = {"x-content-type-options": "nosniff", "referrer-policy": "same-origin",
                    "x-frame-options": "SAMEORIGIN"}

# Reports every CSP violation of every page of the context to Python (see Watch).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  window.__baogaoCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "?"} in ${e.sourceFile}:${e.lineNumber}`);
}, true);
"""


# ---- helpers shared with test_offline.py ---------------------------------------------------

@dataclass
class Published:
    built: Path      # the MkDocs build (site_url = BASE_URL)
    archive: Path    # baogao-site-….tar.gz
    root: Path       # the archive extracted: the folder nginx serves, opened from disk as well
    index_version: str
    catalog: list


def publish_sample(pages: Path, workdir: Path) -> Published:
    """Build the sample pages for BASE_URL, publish, extract the archive like a deployment."""
    built = workdir / "built"
    run_mkdocs(ROOT / "mkdocs.yml", pages, built, site_url=BASE_URL)
    archive, _ = publish(built, workdir / "dist", BASE_URL)
    with tarfile.open(archive) as tar:
        tar.extractall(workdir / "srv", **({"filter": "data"} if hasattr(tarfile, "data_filter") else {}))
    root = workdir / "srv" / "site"
    version = re.search(r'"version":"([0-9a-f]+)"', (root / "search-index" / "manifest.js").read_text(encoding="utf-8")).group(1)
    catalog = json.loads((root / "catalog.json").read_text(encoding="utf-8"))
    return Published(built, archive, root, version, catalog)


def deploy_csp() -> str:
    """The Content-Security-Policy value deploy/nginx.conf sends."""
    found = re.findall(r'add_header\s+Content-Security-Policy\s+"([^"]+)"', DEPLOY_CONF.read_text(encoding="utf-8"))
    assert len(found) == 1, f"expected one Content-Security-Policy add_header in {DEPLOY_CONF}, found {len(found)}"
    return found[0]


def nginx_missing() -> str | None:
    if not os.access(NGINX, os.X_OK):
        return "nginx is not installed (apt-get install nginx; Debian puts it in /usr/sbin)"
    if not MIME_TYPES.is_file():
        return f"{MIME_TYPES} not found (Debian's nginx-common package provides it)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_nginx(site_root: Path, workdir: Path):
    """Run real nginx on deploy/nginx.conf (127.0.0.1, a free port) serving site_root; yields
    the port. Everything nginx writes (pid, logs, temp files) stays in workdir."""
    reason = nginx_missing()
    if reason:
        pytest.skip(reason)
    workdir.mkdir(parents=True, exist_ok=True)
    for sub in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (workdir / "temp" / sub).mkdir(parents=True, exist_ok=True)
    port = _free_port()
    conf = DEPLOY_CONF.read_text(encoding="utf-8")
    server, listens = re.subn(rf"^(\s*){CONF_LISTEN}", rf"\g<1>listen 127.0.0.1:{port};", conf, flags=re.M)
    server, aliases = re.subn(rf"^(\s*alias\s+){CONF_SITE};", rf"\g<1>{site_root.resolve()}/;", server, flags=re.M)
    assert (listens, aliases) == (1, 1), f"{DEPLOY_CONF}: expected one '{CONF_LISTEN}' and one 'alias {CONF_SITE};'"
    (workdir / "baogao.conf").write_text(server, encoding="utf-8")
    user = "user root root;\n" if os.geteuid() == 0 else ""  # workers must read the tmp folders
    main = f"""{user}worker_processes 1;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    sendfile on;
    access_log {workdir}/access.log;
    client_body_temp_path {workdir}/temp/client_body;
    proxy_temp_path {workdir}/temp/proxy;
    fastcgi_temp_path {workdir}/temp/fastcgi;
    uwsgi_temp_path {workdir}/temp/uwsgi;
    scgi_temp_path {workdir}/temp/scgi;
    include {workdir}/baogao.conf;
}}
"""
    (workdir / "nginx.conf").write_text(main, encoding="utf-8")
    command = [NGINX, "-p", f"{workdir}/", "-e", f"{workdir}/error.log", "-c", f"{workdir}/nginx.conf"]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    assert checked.returncode == 0, f"nginx -t rejects deploy/nginx.conf:\n{checked.stderr}"
    with open(workdir / "stderr.log", "wb") as stderr:
        process = subprocess.Popen([*command, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                log = (workdir / "error.log").read_text(errors="replace") if (workdir / "error.log").exists() else ""
                pytest.fail(f"nginx exited with {process.returncode}:\n{log}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
            if time.monotonic() > deadline:
                pytest.fail("nginx did not start listening within 15 s")
            time.sleep(0.05)
        yield port
    finally:
        process.terminate()  # SIGTERM: fast shutdown of the master and its worker
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Watch:
    """A browser context that records every request, CSP violation, console error and JS error."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(**options)
        self.requests: list[str] = []
        self.csp: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.expose_binding("__baogaoCspViolation", lambda source, text: self.csp.append(text))
        self.context.add_init_script(CSP_LISTENER)

    def new_page(self):
        page = self.context.new_page()
        page.on("console", lambda message: message.type == "error" and self.errors.append(
            f"{message.text} (at {message.location.get('url', '?')})"))
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        return page

    def outside(self, origin: str) -> list[str]:
        """Requests not to `origin` ('scheme://host:port', or 'file:' for pages opened from disk)."""
        if origin == "file:":
            return [url for url in self.requests if urlsplit(url).scheme != "file"]
        return [url for url in self.requests if f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" != origin]

    def unexpected_errors(self, *allowed: str) -> list[str]:
        """Console/JS errors, less those matching an `allowed` pattern."""
        return [e for e in self.errors if not any(re.search(p, e) for p in allowed)]

    def close(self):
        self.context.close()


def wait_for_results(page) -> int:
    """On search.html?q=…: wait until the results are shown; returns data-total."""
    results = page.locator('.baogao-results[data-state="done"]')
    results.wait_for(state="attached", timeout=15_000)
    return int(results.get_attribute("data-total"))


# ---- fixtures ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def nginx(published, tmp_path_factory):
    """(base URL of the archive, port) with nginx running; stopped after the module."""
    with running_nginx(published.root, tmp_path_factory.mktemp("nginx")) as port:
        yield f"http://127.0.0.1:{port}{SUB_PATH}", port


def fetch(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", quote(path, safe="/?=&%:"), headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


# ---- tests ---------------------------------------------------------------------------------

def test_deploy_conf_csp_is_the_policy_of_the_built_site(published):
    """The CSP in deploy/nginx.conf allows exactly the inline scripts the site has (by hash)."""
    expected = content_security_policy(published.root)
    assert deploy_csp() == expected, (
        "deploy/nginx.conf's Content-Security-Policy does not match the site's inline scripts "
        "(Material or the templates changed?). Replace it with:\n" + expected
    )


def test_headers_mime_types_and_caching(published, nginx):
    _, port = nginx
    root, v = published.root, published.index_version
    sv = read_script(root / "similar-index" / "manifest.js")["version"]  # the 查重 index's
    bundle = next((root / "assets" / "javascripts").glob("bundle.*.min.js")).name
    css = next((root / "assets" / "stylesheets").glob("main.*.min.css")).name
    report = published.catalog[0]["url"]
    manifest = read_script(root / "search-index" / "manifest.js")
    shard, text_segment = shard_name(manifest["segments"][0][2], 3, 0), manifest["store"][0][2]
    csp = deploy_csp()
    # path, status, content type, Cache-Control
    expected = [
        ("/archive/", 200, "text/html; charset=utf-8", "no-cache"),
        ("/archive/index.html", 200, "text/html; charset=utf-8", "no-cache"),
        (f"/archive/{report}", 200, "text/html; charset=utf-8", "no-cache"),
        ("/archive/years/index.html", 200, "text/html; charset=utf-8", "no-cache"),
        (f"/archive/search.html?q={QUERY}", 200, "text/html; charset=utf-8", "no-cache"),
        (f"/archive/assets/javascripts/{bundle}", 200, "application/javascript; charset=utf-8", IMMUTABLE),
        (f"/archive/assets/stylesheets/{css}", 200, "text/css; charset=utf-8", IMMUTABLE),
        ("/archive/assets/javascripts/baogao-search.js", 200, "application/javascript; charset=utf-8", "no-cache"),
        ("/archive/assets/javascripts/baogao-ui.js", 200, "application/javascript; charset=utf-8", "no-cache"),
        ("/archive/assets/stylesheets/baogao.css", 200, "text/css; charset=utf-8", "no-cache"),
        (f"/archive/search-index/manifest.js?v={v}", 200, "application/javascript; charset=utf-8", IMMUTABLE),
        (f"/archive/search-index/{shard}.js?v={v}", 200, "application/javascript; charset=utf-8", IMMUTABLE),
        (f"/archive/search-index/docs/0.js?v={v}", 200, "application/javascript; charset=utf-8", IMMUTABLE),
        (f"/archive/search-index/{text_segment}?v={v}", 200, "application/octet-stream", IMMUTABLE),
        (f"/archive/similar-index/rows.bin?v={sv}", 200, "application/octet-stream", IMMUTABLE),
        (f"/archive/similar-index/e/0.js?v={sv}", 200, "application/javascript; charset=utf-8", IMMUTABLE),
        ("/archive/search-index/manifest.js", 200, "application/javascript; charset=utf-8", "no-cache"),
        ("/archive/catalog.json", 200, "application/json; charset=utf-8", "no-cache"),
        ("/archive/sitemap.xml", 200, "text/xml; charset=utf-8", "no-cache"),
        ("/archive/assets/images/favicon.png", 200, "image/png", "no-cache"),
        ("/archive/no-such-page.html", 404, "text/html; charset=utf-8", "no-cache"),
    ]
    problems = []
    for path, status, ctype, cache in expected:
        got_status, headers, _ = fetch(port, path)
        wanted = {"status": status, "content-type": ctype, "cache-control": cache,
                  "content-security-policy": csp, **SECURITY_HEADERS}
        got = {"status": got_status, **{k: headers.get(k) for k in wanted if k != "status"}}
        diff = {k: (got[k], wanted[k]) for k in wanted if got[k] != wanted[k]}
        if diff:
            problems.append(f"{path}: {diff}")
        if "server" in headers and re.search(r"\d", headers["server"]):
            problems.append(f"{path}: Server header shows the version: {headers['server']}")
    assert not problems, "\n".join(problems)

    status, headers, _ = fetch(port, "/archive")
    assert (status, headers.get("location")) == (301, "/archive/")
    status, _, body = fetch(port, "/archive/no-such-page.html")
    assert status == 404 and b"/archive/assets/stylesheets/" in body  # Material's 404, built for /archive/


def test_revalidation_gives_304_for_unchanged_pages(published, nginx):
    _, port = nginx
    _, headers, _ = fetch(port, "/archive/index.html")
    assert headers.get("etag") and headers.get("last-modified")
    status, _, _ = fetch(port, "/archive/index.html", {"If-None-Match": headers["etag"]})
    assert status == 304
    status, _, _ = fetch(port, "/archive/index.html", {"If-Modified-Since": headers["last-modified"]})
    assert status == 304


def test_the_text_stores_segments_are_served_by_byte_ranges(published, nginx):
    """The concordance reads the text store's segments (search-index/text/NAME.bin) by multi-range
    requests: answered 206 with the ranges asked for, never gzipped (nginx ignores Range for a
    response it compresses, and would send the whole file)."""
    _, port = nginx
    name = read_script(published.root / "search-index" / "manifest.js")["store"][0][2]
    segment = published.root / "search-index" / name
    data = segment.read_bytes()
    status, headers, body = fetch(port, f"/archive/search-index/{name}?v={published.index_version}",
                                  {"Accept-Encoding": "gzip", "Range": "bytes=0-9,40-59"})
    assert status == 206 and "content-encoding" not in headers, (status, headers)
    assert headers["content-type"].startswith("multipart/byteranges") and len(body) < len(data)
    assert f"Content-Range: bytes 0-9/{len(data)}".encode() in body and data[:10] in body and data[40:60] in body
    assert not segment.with_name(f"{segment.name}.gz").exists()


def test_gzip_static_serves_the_precompressed_search_index(published, nginx):
    _, port = nginx
    root, v = published.root, published.index_version
    shards = sorted((root / "search-index").rglob("*.js.gz"), key=lambda path: path.stat().st_size)
    assert shards, "publish wrote no .gz copies into search-index/"
    shard = shards[-1]
    rel = shard.relative_to(root).as_posix()[: -len(".gz")]
    status, headers, body = fetch(port, f"/archive/{rel}?v={v}", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("content-encoding") == "gzip", (rel, headers)
    assert "accept-encoding" in headers.get("vary", "").lower()
    assert headers.get("cache-control") == IMMUTABLE
    # gzip_static sends the file publish wrote (with its length), not an on-the-fly compression
    assert body == shard.read_bytes() and headers.get("content-length") == str(shard.stat().st_size)
    assert gzip.decompress(body) == (root / rel).read_bytes()
    status, headers, body = fetch(port, f"/archive/{rel}?v={v}")
    assert status == 200 and "content-encoding" not in headers and body == (root / rel).read_bytes()
    # HTML pages too (their .gz copies)
    status, headers, body = fetch(port, "/archive/index.html", {"Accept-Encoding": "gzip"})
    assert headers.get("content-encoding") == "gzip" and gzip.decompress(body) == (root / "index.html").read_bytes()


@pytest.mark.browser
def test_site_works_through_nginx_under_the_sub_path(published, nginx, browser):
    """Home, a year page, a report, the search page, the header box, result → highlighted report."""
    base, _ = nginx
    origin = base[: -len(SUB_PATH)]
    report = published.catalog[0]
    year = str(report["year"]) if report["year"] else "unknown"
    watch = Watch(browser)
    page = watch.new_page()

    page.goto(base, wait_until="networkidle")
    assert page.locator("article h1").inner_text().rstrip("¶ ") == "报告归档"
    assert page.locator("article li a").count() >= len(published.catalog)

    page.goto(f"{base}years/{year}.html", wait_until="networkidle")
    page.locator("article li a", has_text=report["title"]).first.click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{base}{report['url']}"
    assert page.locator("article h1").inner_text() == report["title"]
    assert page.locator(".baogao-meta").is_visible()

    page.goto(f"{base}search.html?q={QUERY}", wait_until="networkidle")
    assert wait_for_results(page) > 0
    items = page.locator(".baogao-results li.baogao-result[data-report-id]")
    assert items.count() > 0
    first_id = items.first.get_attribute("data-report-id")

    header_box = page.locator("form.baogao-header-search input")
    header_box.fill("")
    header_box.type(QUERY, delay=20)
    page.locator(".baogao-suggest").wait_for(state="visible", timeout=10_000)
    assert page.locator(".baogao-suggest a.baogao-suggest__item[data-report-id]").count() > 0
    header_box.press("Escape")

    items.first.locator("a.baogao-result__title").click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == f"{SUB_PATH}reports/{first_id}.html"
    current = page.locator("mark.baogao-hl--current").first
    current.wait_for(state="visible", timeout=10_000)
    assert QUERY in "".join(page.locator("mark.baogao-hl--current").all_inner_texts())

    page.goto(f"{base}no-such-page.html", wait_until="networkidle")  # Material's 404 page
    assert page.locator("article h1").count() == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")

    watch.close()
    assert watch.outside(origin) == [], "requests left the origin"
    assert watch.csp == [], "CSP violations under deploy/nginx.conf"
    assert watch.unexpected_errors(r"status of 404 .*no-such-page\.html") == [], "console / JS errors"


@pytest.mark.browser
def test_search_requests_only_files_that_exist(published, nginx, browser):
    base, _ = nginx
    watch = Watch(browser)
    failed: list[str] = []
    watch.context.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    page = watch.new_page()
    page.goto(f"{base}search.html?q={QUERY}", wait_until="networkidle")
    wait_for_results(page)
    page.wait_for_load_state("networkidle")
    watch.close()
    assert failed == [] and watch.errors == [], failed + watch.errors


@pytest.mark.browser
def test_site_works_under_script_src_self_without_hashes(published, nginx, browser):
    base, _ = nginx
    strict = re.sub(r" 'sha256-[^']+'", "", deploy_csp())
    watch = Watch(browser)

    def strict_csp(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": strict}
        route.fulfill(response=response, headers=headers)

    watch.context.route(re.compile(r".*\.html(\?.*)?$|.*/archive/$"), strict_csp)
    page = watch.new_page()
    for path in ("index.html", published.catalog[0]["url"], f"search.html?q={QUERY}"):
        page.goto(base + path, wait_until="networkidle")
    watch.close()
    assert watch.csp == [] and watch.errors == [], watch.csp + watch.errors
