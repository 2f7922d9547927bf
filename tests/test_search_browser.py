"""The browser engine answers exactly what the CLI engine and plain substring search answer.

For every query: the set of reports from baogaoSearch.search() in Chromium equals the set from
`baogao search` (SearchIndex) and the ground truth; the search page shows that set with
data-report-id on every result and data-state="done", data-total="N" when complete.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from baogao.cli import main as baogao
from baogao.search.query import SearchIndex
from tests.search_queries import CORPUS_QUERIES, SAMPLE_QUERIES
from tests.test_browser import browser, serve_folder  # noqa: F401  (fixture)
from tests.test_search import engine_ids, expected, kept_texts, sampled_queries

pytestmark = pytest.mark.browser

RUN_ALL = """async (queries) => {
  const S = window.baogaoSearch, out = {};
  for (const q of queries) {
    const res = await S.search(S.parseQuery(q));
    const ids = [];
    for (const hit of res.hits) ids.push((await S.meta(hit.doc)).id);
    out[q] = {total: res.total, ids};
  }
  return out;
}"""


def browser_answers(browser, base: str, queries: list[str]) -> dict:  # noqa: F811
    page = browser.new_page()
    page.goto(f"{base}search.html", wait_until="networkidle")
    answers = page.evaluate(RUN_ALL, queries)
    page.close()
    return answers


def assert_browser_equals_cli_and_truth(browser, built, queries):  # noqa: F811
    pages, site = built
    index, texts = SearchIndex(site), kept_texts(pages)
    with serve_folder(site) as base:
        answers = browser_answers(browser, base, queries)
    mismatches = []
    for q in queries:
        in_browser, in_cli, truth = set(answers[q]["ids"]), engine_ids(index, q), expected(texts, q)
        if not (in_browser == in_cli == truth and answers[q]["total"] == len(truth)):
            mismatches.append((q, len(in_browser), len(in_cli), len(truth)))
    assert not mismatches


def test_sample_browser_equals_cli_and_truth(browser, sample_site):  # noqa: F811
    pages, _ = sample_site
    assert_browser_equals_cli_and_truth(browser, sample_site, SAMPLE_QUERIES + sampled_queries(pages, 20, seed=3))


def test_corpus_browser_equals_cli_and_truth(browser, corpus_site):  # noqa: F811
    pages, _ = corpus_site
    queries = SAMPLE_QUERIES + CORPUS_QUERIES + sampled_queries(pages, 6, seed=5)
    assert_browser_equals_cli_and_truth(browser, corpus_site, queries)


@pytest.mark.parametrize("query", ["马上就办、真抓实干", "作风 督查", "信息报送 -督查", "的"])
def test_search_page_lists_what_the_cli_lists(browser, sample_site, capsys, query):  # noqa: F811
    _, site = sample_site
    assert baogao(["search", query, "--site", str(site), "--json", "--limit", "0"]) == 0
    cli = json.loads(capsys.readouterr().out)
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q={query}")
        results = page.locator(".baogao-results")
        results.and_(page.locator('[data-state="done"]')).wait_for()
        while page.locator(".baogao-more").is_visible():
            page.locator(".baogao-more").click()
            results.and_(page.locator('[data-state="done"]')).wait_for()
        shown = page.locator(".baogao-result").evaluate_all("els => els.map(e => e.dataset.reportId)")
        total = results.get_attribute("data-total")
        first_kwic = page.locator(".baogao-result mark").first.inner_text() if shown else ""
        kwic = page.locator(".baogao-result").evaluate_all(
            "els => Object.fromEntries(els.map(e => [e.dataset.reportId,"
            " Array.from(e.querySelectorAll('.baogao-kwic')).map(k => k.textContent)]))")
        page.close()
    assert sorted(shown) == sorted(r["id"] for r in cli["results"])
    assert int(total) == cli["total"] == len(shown)
    if shown:
        assert first_kwic  # the match is highlighted in a KWIC line
    # KWIC lines are cut from the report pages: the browser's are the CLI's, line for line.
    assert kwic == {r["id"]: [f"…{left}{match}{right}…" for left, match, right in r["kwic"]] for r in cli["results"]}


def test_result_click_opens_the_report_at_the_highlighted_occurrence(browser, sample_site):  # noqa: F811
    _, site = sample_site
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q=马上就办")
        page.locator('.baogao-results[data-state="done"]').wait_for()
        page.locator(".baogao-result__kwic a").nth(0).click()
        page.wait_for_load_state("networkidle")
        current = page.locator("mark.baogao-hl--current")
        current.first.wait_for()
        assert "".join(current.all_inner_texts()) == "马上就办"
        assert current.first.is_visible()
        page.close()


def test_header_box_shows_title_year_and_highlighted_snippet(browser, sample_site):  # noqa: F811
    _, site = sample_site
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(base)
        page.fill("form.baogao-header-search input", "一岗双责")
        item = page.locator(".baogao-suggest__item").first
        item.wait_for()
        assert item.locator(".baogao-suggest__title").inner_text()
        assert item.locator("mark").inner_text() == "一岗双责"
        assert item.get_attribute("data-report-id")
        page.close()


def test_filters_show_counts_and_narrow_the_results(browser, sample_site):  # noqa: F811
    pages, site = sample_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    texts = kept_texts(pages)
    matching = [e for e in catalog if "办公室" in texts[e["id"]]]
    level = matching[0]["level"]
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q=办公室")
        page.locator('.baogao-results[data-state="done"]').wait_for()
        counts = {a.get_attribute("data-value"): a.locator("span").inner_text()
                  for a in page.locator('.baogao-facet a[data-facet="level"]').all()}
        assert counts[level] == f"({sum(e['level'] == level for e in matching)})"
        page.goto(f"{base}search.html?q=办公室&level={level}")
        page.locator('.baogao-results[data-state="done"]').wait_for()
        shown = page.locator(".baogao-result").evaluate_all("els => els.map(e => e.dataset.reportId)")
        page.close()
    assert sorted(shown) == sorted(e["id"] for e in matching if e["level"] == level)


def test_a_damaged_index_shows_a_message_not_zero_results(browser, sample_site, tmp_path):  # noqa: F811
    """A deleted, truncated or corrupted shard (the one 马上就办 needs): the engine rejects the
    query as `indexDamaged`, and the page and the header box say so instead of "0 results"."""
    from tests.test_safety_input import DAMAGES, index_file

    _, site = sample_site
    for damage, make in DAMAGES.items():
        copy = Path(shutil.copytree(site, tmp_path / damage))
        make(index_file(copy, "马上就"))
        with serve_folder(copy) as base:
            page = browser.new_page()
            page.goto(f"{base}search.html?q=马上就办")
            page.locator('.baogao-results[data-state="error"]').wait_for(state="attached")  # empty: no height
            assert page.locator(".baogao-summary .baogao-index-error").inner_text() == "检索索引不完整，请联系管理员", damage
            assert page.locator(".baogao-result").count() == 0
            rejected = page.evaluate("""async () => {
              const S = window.baogaoSearch;
              try { await S.search(S.parseQuery("马上就办")); return "answered"; } catch (err) { return err.indexDamaged; }
            }""")
            assert rejected is True, damage
            assert page.evaluate("""async () => {  // a query that needs no damaged file still answers
              const S = window.baogaoSearch;
              return (await S.search(S.parseQuery("办"))).total;
            }""") > 0
            page.fill("form.baogao-header-search input", "马上就办")
            assert page.locator(".baogao-suggest .baogao-index-error").inner_text() == "检索索引不完整，请联系管理员"
            page.close()
