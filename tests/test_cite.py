"""The citation source a report page carries (baogao/cite.py, pagetext.CITE): the display title,
the office and the year as the site shows them, unknown ones empty; on every built report page."""

from __future__ import annotations

import json

from selectolax.lexbor import LexborHTMLParser

from baogao import pagetext
from baogao.cite import cite_source


def test_the_source_holds_title_office_and_year_text():
    meta = {"display_title": "某局2023年工作总结", "org": "某局", "year": 2023, "year_min": None}
    assert json.loads(cite_source(meta)) == {"title": "某局2023年工作总结", "org": "某局", "year": "2023"}
    meta.update(org=None, year=None, year_min=2022)
    assert json.loads(cite_source(meta)) == {"title": "某局2023年工作总结", "org": "", "year": "2022年以后"}
    meta.update(year_min=None)
    assert json.loads(cite_source(meta)) == {"title": "某局2023年工作总结", "org": "", "year": ""}


def test_every_report_page_carries_its_source_on_its_text_element(sample_site):
    _, site = sample_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    for entry in catalog:
        root = LexborHTMLParser((site / entry["url"]).read_text(encoding="utf-8")).css_first(pagetext.TEXT)
        assert root is not None
        assert json.loads(root.attributes[pagetext.CITE]) == json.loads(cite_source(entry))
    assert LexborHTMLParser((site / "index.html").read_text(encoding="utf-8")).css_first(f"[{pagetext.CITE}]") is None
