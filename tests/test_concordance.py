"""Concordance and collocates (baogao kwic, baogao collocates) on the built sample archive."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlsplit

import numpy as np
import pytest

from baogao.analysis.collocates import collocates
from baogao.analysis.concordance import Line, adjoining_words, concordance, sort_lines
from baogao.cli import main as baogao
from baogao.search.normalize import normalize, parse_query
from baogao.search.kwic import page_text
from baogao.search.query import SearchIndex
from tests.test_search import kept_texts


@pytest.mark.parametrize("raw", ["作风", "信息报送", "马上就办", "督查 作风", "经济建设"])
def test_every_occurrence_is_one_line(sample_site, raw):
    pages, site = sample_site
    index, texts = SearchIndex(site), kept_texts(pages)
    query = parse_query(raw)
    lines = concordance(index, raw, width=10)
    matching = [t for t in texts.values() if all(p in t for p in query.include)]
    # one line per start of each included phrase (overlapping ones too), as the KWIC of a result
    assert len(lines) == sum(sum(t.startswith(p, i) for i in range(len(t))) for t in matching for p in query.include)
    assert all(normalize(line.match) in query.include for line in lines)
    assert all(len(line.left) <= 10 and len(line.right) <= 10 for line in lines)


def test_lines_link_to_their_occurrence(sample_site):
    _, site = sample_site
    lines = concordance(SearchIndex(site), "作风", width=5)
    by_report: dict[str, list[int]] = {}
    for line in lines:
        url = urlsplit(line.url)
        params = parse_qs(url.query)
        assert params["hl"] == ["作风"] and (site / url.path).is_file()
        by_report.setdefault(url.path, []).append(int(params["n"][0]))
    assert all(ns == list(range(len(ns))) for ns in by_report.values())  # n = its place in the report


def test_sorts():
    lines = [Line("乙甲", "x", "丙", "t", 2020, None, "u"), Line("甲乙", "x", "甲", "t", None, None, "u"),
             Line("丁 甲", "x", "乙", "t", 2019, None, "u")]
    # by the character next to the hit first (乙 < 甲 in code points), then the next one out
    assert [line.left for line in sort_lines(lines, "left")] == ["甲乙", "丁 甲", "乙甲"]
    assert [line.right for line in sort_lines(lines, "right")] == ["丙", "乙", "甲"]
    assert [line.year for line in sort_lines(lines, "year")] == [2019, 2020, None]  # unknown years last
    lines = [Line("", "x", "", "t", None, org, "u") for org in ("乙局", None, "甲局")]
    assert [line.org for line in sort_lines(lines, "org")] == ["乙局", "甲局", None]  # code point order
    with pytest.raises(ValueError):
        sort_lines(lines, "title")


def test_collocates_count_the_words_right_next_to_the_wording():
    def line(before, after):
        return Line("", "作风", "", "t", None, None, "u", before, after)

    lines = [line("干部", "建设"), line("干部", "建设"), line("工作", "，"),  # punctuation after: no word
             line("的", "和"), line("\n", "")]  # function words, a line break, the text's end: no collocate
    before, after = collocates(lines, "作风")
    assert [(c.word, c.count, c.phrase) for c in before] == [("干部", 2, "干部作风"), ("工作", 1, "工作作风")]
    assert [(c.word, c.count, c.phrase) for c in after] == [("建设", 2, "作风建设")]


def test_adjoining_words_follow_the_texts_word_starts():
    text = "加强干部作风建设。"
    starts = np.array([c == "1" for c in "101010101"])  # 加强|干部|作风|建设|。
    assert adjoining_words(text, starts, 4, 6) == ("干部", "建设")
    assert adjoining_words(text, starts, 5, 7) == ("作", "设")  # a hit inside words: their parts
    assert adjoining_words(text, starts, 0, 2) == ("", "干部")
    assert adjoining_words(text, starts, 6, 9) == ("作风", "")


def test_store_text_is_the_page_text(sample_site, corpus_site):
    """The page-text contract of the text store: normalised, a report's store text is its page's."""
    for pages, site in (sample_site, corpus_site):
        index = SearchIndex(site)
        catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
        for doc, entry in enumerate(catalog):
            text, starts = index.store_text(doc)
            assert normalize(text) == normalize(page_text(site / entry["url"])), entry["id"]
            assert len(starts) == len(text) and (not text or starts[0])
            kept = normalize((pages / "text" / f"{entry['id']}.txt").read_text(encoding="utf-8"))
            assert normalize(text)[index.store_table()[doc][1]:] == kept


def test_cli_collocates_are_found_by_search(sample_site, capsys):
    _, site = sample_site
    capsys.readouterr()
    assert baogao(["collocates", "作风", "--site", str(site), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["before"] and found["after"] and found["occurrences"] > 0
    index = SearchIndex(site)
    for c in found["before"] + found["after"]:  # each counted occurrence is an occurrence of the longer phrase
        assert sum(hit.count for hit in index.search(parse_query(c["phrase"]))) >= c["count"], c


def test_cli_kwic_text_and_csv(sample_site, capsys):
    _, site = sample_site
    capsys.readouterr()
    assert baogao(["kwic", "作风", "--site", str(site), "--sort", "year", "--width", "8"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert text[0].startswith("「作风」共") and all("【作风】" in line for line in text[1:])
    assert baogao(["kwic", "作风", "--site", str(site), "--csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert rows[0] == ["左文", "检索词", "右文", "标题", "年份", "单位", "链接"]
    assert len(rows) - 1 == int(text[0].split("共 ")[1].split(" ")[0])
