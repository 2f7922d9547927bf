"""提法库 (baogao.analysis.formulations): what counts as a formulation, and the page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from baogao.analysis.formulations import MIN_REPORTS, extract, page
from baogao.listing_html import END, START, parse


def test_extract_quoted_phrases_and_four_character_series():
    text = ("坚持“马上就办”，做到马上就办、真抓实干、善作善成。"
            "又称“三服务”。引用《关于进一步加强作风建设的意见》。“这是一个完整的句子。”"
            "一岗双责、失职追责，也要落实。“ab”不算。“马上就办”再次出现。")
    assert extract(text) == ["“马上就办”", "“三服务”", "马上就办、真抓实干、善作善成", "一岗双责、失职追责"]


def test_a_series_is_taken_whole_and_only_of_four_character_phrases():
    assert extract("要求强化马上就办、真抓实干。") == ["马上就办、真抓实干"]  # the four characters before 、
    assert extract("做到严管理、强服务、优环境。") == []  # three-character items
    assert extract("加强党的建设、推进作风建设。") == []  # 推进作风|建设: the last item runs on
    assert extract("落实一岗双责、失职追责等制度") == ["一岗双责、失职追责"]
    assert extract("（马上就办、真抓实干）") == ["马上就办、真抓实干"]


def entry(rid, year, *found):
    return {"meta": {"id": rid, "year": year}, "formulations": list(found)}


class _Table(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.links, self.cell = [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.cell = ""
        elif tag == "a":
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag == "td":
            self.rows[-1].append(self.cell)
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_page_lists_what_at_least_three_reports_use_most_widely_first():
    entries = [entry("a", 2019, "“三服务”", "“<b>作风</b>”"), entry("b", 2021, "“三服务”", "“<b>作风</b>”"),
               entry("c", None, "“三服务”", "“<b>作风</b>”", "只两篇、不算提法"), entry("d", 2023, "“三服务”", "只两篇、不算提法"),
               entry("e", 2020, "“<b>作风</b>”")]
    table = _Table()
    table.feed(page(entries))
    rows = [r for r in table.rows if r]
    assert [r[:4] for r in rows] == [["“<b>作风</b>”", "4", "2019", "2021"], ["“三服务”", "4", "2019", "2023"]]
    assert "<b>" not in page(entries).replace("&lt;b&gt;", "")  # report text is shown, never markup
    queries = [parse_qs(urlsplit(link).query)["q"][0] for link in table.links]
    assert queries == ["“<b>作风</b>”", "“三服务”"]  # each links to its own search


def test_the_table_is_one_listing_block_that_markdown_does_not_parse():
    """Thousands of rows at 10 000 reports: read into elements directly (baogao.listing_html), with
    a bar per archive year in each chart, never as raw HTML for Markdown's html.parser."""
    entries = [entry(rid, year, "“三服务”") for rid, year in (("a", 2019), ("b", 2021), ("c", 2021), ("d", 2023), ("e", 2020))]
    entries.append(entry("f", 2022))  # a year of the archive without the formulation: no bar
    lines = page(entries).split("\n")
    start, end = lines.index(START), lines.index(END)
    assert not any("<" in line for line in lines[:start] + lines[end + 1:])
    (table,) = parse("\n".join(lines[start + 1:end]))
    assert table.tag == "table" and len(table.findall("./tbody/tr")) == 1
    (path,) = table.findall(".//svg/path")  # the years' bars: 2021 twice as high, 2022 (no report) none
    assert re.findall(r"M(\d+) 16v-(\d+)", path.get("d")) == [("0", "8"), ("5", "8"), ("10", "16"), ("20", "8")]


def test_the_corpus_page_counts_match_the_texts(corpus_site):
    pages, site = corpus_site
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    texts = {e["id"]: "".join((pages / "text" / f"{e['id']}.txt").read_text(encoding="utf-8").split()) for e in catalog}
    table = _Table()
    table.feed((site / "tifa.html").read_text(encoding="utf-8"))
    rows = [r for r in table.rows if r]
    assert rows and all(int(r[1]) >= MIN_REPORTS for r in rows)
    for formulation, count, *_ in rows:
        if formulation.startswith("“"):  # a quoted phrase is found exactly where its quotes are
            assert int(count) == sum(formulation in t for t in texts.values()), formulation
    counts = [int(r[1]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    assert all(re.fullmatch(r"\d{4}|—", r[2]) for r in rows)
