"""The browser engine's loads and reading rules: KWIC settings come from the manifest, a failed
or timed-out index file is reported and loaded again on retry, overlapping highlights merge."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from baogao.pagetext import visible_text
from baogao.search import kwic
from baogao.search.index import INDEX_DIR
from baogao.search.normalize import parse_query
from baogao.search.query import search_site
from tests.test_browser import browser, serve_folder  # noqa: F401  (fixture)
from tests.test_safety_input import index_file, read_manifest

pytestmark = pytest.mark.browser
LOAD_TIMEOUT_MS = 20_000  # baogao-search.js LOAD_TIMEOUT
QUERY = "马上就办"


def write_manifest(site: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
    (site / INDEX_DIR / "manifest.js").write_text(f'baogaoSearch.load("manifest",{text});\n', encoding="utf-8")


def shard_pattern(site: Path) -> re.Pattern:
    """Requests for the index file that holds the first triple of QUERY."""
    return re.compile(re.escape(index_file(site, QUERY[:3]).relative_to(site).as_posix()) + r"(\?|$)")


def shown_kwic(page) -> dict[str, list[str]]:
    page.locator('.baogao-results[data-state="done"]').wait_for()
    return page.locator(".baogao-result").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.dataset.reportId,"
        " Array.from(e.querySelectorAll('.baogao-kwic')).map(k => k.textContent)]))")


def test_kwic_width_and_lines_follow_the_manifest(browser, sample_site, tmp_path):  # noqa: F811
    _, built = sample_site
    site = Path(shutil.copytree(built, tmp_path / "site"))
    manifest = read_manifest(site)
    manifest["kwic"] = {"context": 5, "lines": 1}
    write_manifest(site, manifest)
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q={QUERY}")
        shown = shown_kwic(page)
        page.close()
    _, hits = search_site(site, QUERY)
    expected = {}
    for hit in hits:
        text = visible_text((site / hit.meta["url"]).read_text(encoding="utf-8"))
        lines = kwic.kwic_lines(text, parse_query(QUERY), limit=1, context=5)
        expected[hit.meta["id"]] = [f"…{left}{match}{right}…" for left, match, right in lines]
    assert shown == expected and all(len(lines) == 1 for lines in shown.values())


def test_a_failed_index_load_is_reported_and_retried(browser, sample_site):  # noqa: F811
    _, site = sample_site
    total, _ = search_site(site, QUERY)
    failures = []

    def fail_once(route):
        if not failures:
            failures.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    with serve_folder(site) as base:
        page = browser.new_page()
        page.route(shard_pattern(site), fail_once)
        page.goto(f"{base}search.html?q={QUERY}")
        page.locator('.baogao-results[data-state="error"]').wait_for(state="attached")
        assert page.locator(".baogao-summary .baogao-index-error").inner_text() == "检索索引不完整，请联系管理员"
        page.locator(".baogao-summary .baogao-retry").click()  # the failed file is not kept: loaded again
        page.locator('.baogao-results[data-state="done"]').wait_for()
        assert page.locator(".baogao-result").count() == total > 0
        page.close()
    assert len(failures) == 1


def test_an_index_load_that_never_answers_times_out_and_is_retried(browser, sample_site):  # noqa: F811
    _, site = sample_site
    total, _ = search_site(site, QUERY)
    held = []
    with serve_folder(site) as base:
        page = browser.new_page()
        page.clock.install()
        page.route(shard_pattern(site), lambda route: route.continue_() if held else held.append(route))
        page.goto(f"{base}search.html?q={QUERY}", wait_until="domcontentloaded")  # a held index script holds "load"
        page.wait_for_function("() => document.querySelector('.baogao-results').dataset.state === 'loading'")
        page.wait_for_timeout(500)  # real time: the request is made, and held
        assert held, "the shard was requested"
        page.clock.run_for(LOAD_TIMEOUT_MS + 1000)
        page.locator('.baogao-results[data-state="error"]').wait_for(state="attached")
        assert page.locator(".baogao-summary .baogao-index-error").inner_text() == "检索索引加载超时，请重试"
        held[0].continue_()  # the network answers again
        page.locator(".baogao-summary .baogao-retry").click()
        page.locator('.baogao-results[data-state="done"]').wait_for()
        assert page.locator(".baogao-result").count() == total > 0
        page.close()


def test_overlapping_highlights_are_merged_and_the_text_stays_whole(browser, sample_site):  # noqa: F811
    """办公 and 公室 overlap in every 办公室: one mark, not two tangled ones."""
    _, site = sample_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    url = next(e["url"] for e in catalog if "办公室" in visible_text((site / e["url"]).read_text(encoding="utf-8")))
    text_of = "() => document.querySelector('[data-baogao-text]').textContent"
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}{url}")
        plain = page.evaluate(text_of)
        page.goto(f"{base}{url}?hl=办公 公室&n=1")
        page.locator("mark.baogao-hl--current").first.wait_for()
        marks = page.locator("mark.baogao-hl").all_inner_texts()
        current = "".join(page.locator("mark.baogao-hl--current").all_inner_texts())
        nested = page.locator("mark.baogao-hl mark").count()
        after = page.evaluate(text_of)
        page.close()
    assert nested == 0 and after == plain
    assert "办公室" in marks and set(marks) <= {"办公室", "办公", "公室"}
    assert current == "办公室"  # occurrence 1 (公室) lies in the first merged mark


def test_every_kwic_line_in_the_order_the_cli_cuts_them(browser, sample_site):  # noqa: F811
    """Occurrences that start together (作风建设 and its 作风) are ordered by where they end, as
    query.py's sorted() orders them, over all lines of every report (as the CSV export takes them)."""
    _, site = sample_site
    raw = "作风建设 作风"
    _, hits = search_site(site, raw)
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html", wait_until="networkidle")
        shown = page.evaluate("""async (raw) => {
          const S = window.baogaoSearch, q = S.parseQuery(raw), out = {};
          for (const hit of (await S.search(q)).hits) {
            out[(await S.meta(hit.doc)).id] = (await S.kwic(hit.doc, q, Infinity)).map(l => [l.left, l.match, l.right]);
          }
          return out;
        }""", raw)
        page.close()
    expected = {hit.meta["id"]: [list(line) for line in kwic.kwic_lines(
        visible_text((site / hit.meta["url"]).read_text(encoding="utf-8")), parse_query(raw), 10_000)] for hit in hits}
    assert shown == expected and any(line[1] == "作风建设" for lines in shown.values() for line in lines)


@pytest.mark.parametrize("store", [None, "gap", "short"])
def test_a_manifest_whose_store_does_not_cover_the_reports_is_damage(browser, sample_site, tmp_path, store):  # noqa: F811
    """The text store's segments (`store`: [first report, reports, file]) must cover the reports
    in turn, as the Python reader checks: missing, with a gap or short, the manifest is damaged
    (the search says the index is incomplete) — never a report read at another's offsets."""
    _, built = sample_site
    site = Path(shutil.copytree(built, tmp_path / "site"))
    manifest = read_manifest(site)
    first, docs, name = manifest["store"][0]
    manifest["store"] = (None if store is None else [[first, docs, name], [first + docs + 1, 1, name]] if store == "gap"
                         else [[first, docs - 1, name]])
    write_manifest(site, manifest)
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q={QUERY}")
        page.locator('.baogao-results[data-state="error"]').wait_for(state="attached")
        assert page.locator(".baogao-summary .baogao-index-error").inner_text() == "检索索引不完整，请联系管理员"
        page.close()
