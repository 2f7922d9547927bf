"""Use by year (baogao trend, baogao.analysis.trend) against plain substring counting.

The truth: a report counts when its normalised kept text holds every included phrase and no
excluded one; its occurrences are str.count of each included phrase (non-overlapping).
"""

from __future__ import annotations

import json

import pytest

from baogao.cli import main as baogao
from baogao.search.normalize import parse_query
from tests.search_queries import CORPUS_QUERIES, SAMPLE_QUERIES
from tests.test_browser import browser, serve_folder  # noqa: F401  (fixture)
from tests.test_search import kept_texts, sampled_queries

# self-overlapping phrases (str.count differs from counting every start) and repeated characters
OVERLAPPING = ["**", "xx", "哈哈", "、、", "－－", "——", "……", "。。"]


def truth(pages, raw: str, texts: dict[str, str]) -> dict:
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    query = parse_query(raw)
    years: dict[str, dict[str, int]] = {}
    unknown = {"reports": 0, "occurrences": 0}
    for entry in catalog:
        text = texts[entry["id"]]
        if not query.include or not all(p in text for p in query.include) or any(p in text for p in query.exclude):
            continue
        row = unknown if entry["year"] is None else years.setdefault(str(entry["year"]), {"reports": 0, "occurrences": 0})
        row["reports"] += 1
        row["occurrences"] += sum(text.count(p) for p in query.include)
    return {"query": raw, "years": dict(sorted(years.items())), "unknown_year": unknown}


def cli_trend(site, raw: str, capsys) -> dict:
    capsys.readouterr()
    assert baogao(["trend", "--site", str(site), "--json", "--", raw]) == 0  # (-- : a query may start with -, -2.3%)
    return json.loads(capsys.readouterr().out)


def test_trend_equals_substring_counting_on_the_corpus(corpus_site, capsys):
    pages, site = corpus_site
    queries = CORPUS_QUERIES + SAMPLE_QUERIES + OVERLAPPING + sampled_queries(pages, per_report=3, seed=13)
    texts = kept_texts(pages)
    wrong = [q for q in queries if cli_trend(site, q, capsys) != truth(pages, q, texts)]
    assert not wrong, wrong[:10]
    # the corpus spans decades: the answer is spread over years, and the JSON has exactly its keys
    spread = cli_trend(site, "政府工作报告", capsys)
    assert len(spread["years"]) >= 5 and set(spread) == {"query", "years", "unknown_year"}
    assert list(spread["years"]) == sorted(spread["years"])


def test_occurrences_are_non_overlapping(sample_site, capsys):
    pages, site = sample_site
    texts = kept_texts(pages)
    for raw in OVERLAPPING + ["作风", "作风 督查", "信息报送 -督查"]:
        assert cli_trend(site, raw, capsys) == truth(pages, raw, texts), raw
    # the sample reports have runs of * (redactions) where str.count and every start disagree
    assert any(t.count("**") != sum(t.startswith("**", i) for i in range(len(t))) for t in texts.values())


def test_trend_table_and_a_missing_site(sample_site, tmp_path, capsys, caplog):
    _, site = sample_site
    capsys.readouterr()
    assert baogao(["trend", "作风", "--site", str(site)]) == 0
    table = capsys.readouterr().out
    assert "每百篇" in table and "年份不详" in table
    assert baogao(["trend", "作风", "--site", str(tmp_path / "none")]) == 2
    assert "does not exist" in caplog.text


BROWSER_TREND = """async (queries) => {
  const S = window.baogaoSearch, out = {};
  for (const q of queries) {
    const t = await S.trend(S.parseQuery(q));
    out[q] = {years: t.years, unknown_year: t.unknownYear, exact: t.exact, perYear: t.perYear};
  }
  return out;
}"""


@pytest.mark.browser
def test_browser_trend_equals_the_cli(browser, corpus_site, capsys):  # noqa: F811
    pages, site = corpus_site
    queries = CORPUS_QUERIES[:20] + OVERLAPPING + ["作风 督查", "数字政府 -国务院", "经济建设"]
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    with serve_folder(site) as base:
        page = browser.new_page()
        page.goto(f"{base}search.html", wait_until="networkidle")
        answers = page.evaluate(BROWSER_TREND, queries)
        page.close()
    for q in queries:
        cli = cli_trend(site, q, capsys)
        assert answers[q]["exact"] and {k: answers[q][k] for k in ("years", "unknown_year")} == {
            k: cli[k] for k in ("years", "unknown_year")}, q
    per_year = answers[queries[0]]["perYear"]
    assert sum(per_year.values()) == sum(e["year"] is not None for e in catalog)
