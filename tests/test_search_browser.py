"""The browser engine answers exactly what the CLI engine and plain substring search answer.

For every query: the set of reports from baogaoSearch.search() in Chromium equals the set from
`baogao search` (SearchIndex) and the ground truth; the search page shows that set with
data-report-id on every result and data-state="done", data-total="N" when complete.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

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


def test_the_browser_reads_rows_by_the_manifests_field_names(browser, sample_site, tmp_path, monkeypatch):  # noqa: F811
    """Rows whose fields are stored in another order still give each result its own title,
    year and office: the engine reads them by the names the manifest lists."""
    from tests.test_search_backend import reordered_site

    pages, _ = sample_site
    entries = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    site = reordered_site(sample_site, tmp_path, monkeypatch)
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q=办公室")
        page.locator('.baogao-results[data-state="done"]').wait_for()
        shown = page.locator(".baogao-result").evaluate_all(
            "els => els.map(e => [e.dataset.reportId, e.querySelector('.baogao-result__title').textContent])")
        metas = page.evaluate("""async () => {
          const S = window.baogaoSearch, out = [];
          for (const hit of (await S.search(S.parseQuery("办公室"))).hits) out.push(await S.meta(hit.doc));
          return out;
        }""")
        page.close()
    by_id = {e["id"]: e for e in entries}
    assert shown and all(title == by_id[rid]["display_title"] for rid, title in shown)
    for meta in metas:
        entry = entries[meta["doc"]]
        assert meta["id"] == entry["id"] and meta["url"] == entry["url"] and meta["title"] == entry["display_title"]
        assert all(meta[name] == entry[name] for name in ("year", "org", "level", "region", "doc_type", "secret_level"))


def test_an_index_of_another_format_is_refused(browser, sample_site, tmp_path):  # noqa: F811
    from baogao.search.index import FORMAT
    from tests.test_search_backend import set_manifest

    _, site = sample_site
    copy = Path(shutil.copytree(site, tmp_path / "site"))
    set_manifest(copy, format=FORMAT - 1)
    with serve_folder(copy) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q=办公室")
        page.locator('.baogao-results[data-state="error"]').wait_for(state="attached")
        assert page.locator(".baogao-summary .baogao-index-error").inner_text() == "检索索引不完整，请联系管理员"
        assert page.locator(".baogao-result").count() == 0
        page.fill("form.baogao-header-search input", "办公室")
        assert page.locator(".baogao-suggest .baogao-index-error").inner_text() == "检索索引不完整，请联系管理员"
        page.close()


def test_sorting_by_year_and_the_filters_come_from_the_engine(browser, sample_site):  # noqa: F811
    """sort=year: newest first, unknown years last, then archive order; one filter per field
    the schema flags `facet`, under its label, in schema order."""
    from baogao import schema

    pages, site = sample_site
    entries = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    texts = kept_texts(pages)
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q=办&sort=year")
        page.locator('.baogao-results[data-state="done"]').wait_for()
        shown = page.locator(".baogao-result").evaluate_all("els => els.map(e => e.dataset.reportId)")
        headings = page.locator(".baogao-facet h2").all_inner_texts()
        page.close()
    matching = [(i, e) for i, e in enumerate(entries) if "办" in texts[e["id"]]]
    assert shown == [e["id"] for i, e in sorted(matching, key=lambda ie: (-(ie[1]["year"] or 0), ie[0]))]
    labels = [f.label for f in schema.FIELDS if f.facet]
    assert headings and headings == [label for label in labels if label in headings]


def test_the_export_has_a_column_per_labelled_result_field(browser, sample_site):  # noqa: F811
    import csv
    import io

    from baogao import schema

    pages, site = sample_site
    by_id = {e["id"]: e for e in json.loads((pages / "catalog.json").read_text(encoding="utf-8"))}
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html?q=一岗双责")
        page.locator('.baogao-results[data-state="done"]').wait_for()
        with page.expect_download() as download:
            page.click(".baogao-export")
        rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8-sig"))))
        page.close()
    fields = [f for f in schema.FIELDS if f.result and f.label]  # unlabelled ones (year_min) are folded into others
    assert rows[0] == ["标题", *(f.label for f in fields), "出现次数", "左文", "命中", "右文", "链接"]
    assert len(rows) > 1 and all(row[len(fields) + 3] == "一岗双责" for row in rows[1:])
    for row in rows[1:]:
        link = urlsplit(row[-1])  # the report, opened at this line's occurrence
        entry = by_id[link.path.rsplit("/", 1)[1].removesuffix(".html")]
        assert parse_qs(link.query)["hl"] == ["一岗双责"]
        assert row[0] == entry["display_title"]
        assert row[1:len(fields) + 1] == ["" if entry[f.name] is None else str(entry[f.name]) for f in fields]


def test_simplified_query_marks_the_traditional_text_of_the_1954_report(browser, corpus_site):  # noqa: F811
    """经济建设 finds 經濟建設 (baogao.search.variants): the report page marks the text as written."""
    pages, site = corpus_site
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    report = next(e for e in catalog if "1954" in e["source"] and "derived_jsonl" in e["source"])
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}{report['url']}?hl=經濟建設")
        page.locator("mark.baogao-hl--current").first.wait_for()
        marked = page.locator("mark.baogao-hl").all_inner_texts()
        page.goto(f"{base}{report['url']}?hl=经济建设")
        page.locator("mark.baogao-hl--current").first.wait_for()
        assert page.locator("mark.baogao-hl").all_inner_texts() == marked
        assert marked and all(text == "經濟建設" for text in marked)
        page.close()
