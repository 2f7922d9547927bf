"""The real-report corpus (../shared/corpus): converts, builds and keeps every character."""

from __future__ import annotations

import pytest

from baogao.check import check_site
from baogao.convert import report_id
from baogao.sources import find_sources


def test_whole_corpus_builds_and_check_is_clean(corpus, corpus_site):
    pages, site = corpus_site
    checked, losses = check_site(site, pages)
    assert checked == len(find_sources(corpus)) >= 45
    assert losses == []


# derived_encodings/ copy → the original it was re-encoded from (see the corpus MANIFEST).
DERIVED = {
    "derived_encodings/松桃县调研报告__GB18030_CRLF.txt": "lucyciaa+knowledge/关于松桃县快递行业从业人员社会保险及权益保障的调研报告.txt",
    "derived_encodings/赤峰市调研报告__UTF16LE-BOM_CRLF.txt": "lucyciaa+knowledge/赤峰市企业欠缴职工社会保险费问题的调研报告.txt",
    "derived_encodings/阿坝州政务数据办法__UTF8-BOM_CRLF.txt":
        "mengke25+policy_text_frenq/阿坝州人民政府办公室关于印发《阿坝州政务数...(FBM-CLI.12.4792728).txt",
    "derived_encodings/1960_国务院政府工作报告__GBK_LF.txt": "aldohemsn+chinese-political-corpora/derived_jsonl/1960_国务院政府工作报告.txt",
}


@pytest.mark.parametrize("derived, original", DERIVED.items(), ids=lambda p: p.split("/")[-1][:12])
def test_encoding_copies_give_the_text_of_their_original(corpus_site, derived, original):
    pages, _ = corpus_site
    text = lambda rel: (pages / "text" / f"{report_id(rel)}.txt").read_text(encoding="utf-8")  # noqa: E731
    assert text(derived) == text(original)
    assert len(text(original)) > 1000


def test_a_year_known_only_as_a_lower_bound_is_said_so_everywhere(corpus_site, capsys):
    """Reports without a stated year but with dated events: search rows carry year_min, the CLI
    and the page's print footer say 2012年以后, never 年份不详 and never the year."""
    import json

    from selectolax.lexbor import LexborHTMLParser

    from baogao.cli import main as baogao

    pages, site = corpus_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    bounded = [e for e in catalog if not e["year"] and e["year_min"]]
    assert len(bounded) >= 3, "the corpus has reports dated only by events"
    for entry in bounded:
        footer = LexborHTMLParser((site / entry["url"]).read_text(encoding="utf-8")).css_first(".baogao-print-footer")
        assert f"{entry['year_min']}年以后" in footer.text()
    entry = bounded[0]
    text = "".join((pages / "text" / f"{entry['id']}.txt").read_text(encoding="utf-8").split())
    phrase = text[100:110]
    assert baogao(["search", phrase, "--site", str(site), "--json", "--limit", "0"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)["results"]}
    assert rows[entry["id"]]["year_min"] == entry["year_min"] and rows[entry["id"]]["year"] is None
    assert baogao(["search", phrase, "--site", str(site), "--limit", "0"]) == 0
    assert f"({entry['year_min']}年以后 · " in capsys.readouterr().out


def test_a_dated_report_shows_its_date_and_encoding_copies_are_listed_apart(corpus_site):
    """The panel shows a report's 成文日期 as written in Chinese; the corpus holds one report
    twice (an encoding copy), and lists never show the two under one title."""
    import json
    from collections import Counter

    from selectolax.lexbor import LexborHTMLParser

    _, site = corpus_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    dated = [e for e in catalog if e["date"]]
    assert len(dated) >= 10
    for entry in dated[:3]:
        year, month, day = (int(part) for part in entry["date"].split("-"))
        panel = LexborHTMLParser((site / entry["url"]).read_text(encoding="utf-8")).css_first(".baogao-meta [data-field=date] dd")
        assert panel.text() == f"{year}年{month}月{day}日"
    assert max(Counter(e["display_title"] for e in catalog).values()) == 1
