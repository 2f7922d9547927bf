"""One field table (baogao/schema.py FIELDS): the catalog, the search rows and filters and the
metadata panel follow its flags, and a field added there with its rule in enrich reaches all of
them (secret_level, 密级, was added so: schema.py and enrich.py only)."""

from __future__ import annotations

import json
import shutil

import yaml
from selectolax.lexbor import LexborHTMLParser

from baogao import catalog, schema
from baogao.cli import main as baogao
from baogao.search import index
from baogao.site import panel_fields
from tests.conftest import REPORTS, build_site


def test_the_lists_are_derived_from_the_flags():
    flagged = [field.name for field in schema.FIELDS if field.catalog]
    assert catalog.CATALOG_FIELDS == ("id", "url", *flagged[1:]) and flagged[0] == "id"
    assert index.ROW_FIELDS == ("id", "url", "title", *(f.name for f in schema.FIELDS if f.result))
    assert index.FACETS == tuple(f.name for f in schema.FIELDS if f.facet)
    assert [f["name"] for f in panel_fields()] == [f.name for f in schema.FIELDS if f.panel]


def test_what_search_shows_is_in_the_catalog_and_labelled():
    """The index is built from catalog.json: a result or filter field outside it would be null."""
    for field in schema.FIELDS:
        if field.result or field.facet:
            assert field.catalog, field.name
        if field.facet or field.panel:
            assert field.label, field.name
    params = [field.facet for field in schema.FIELDS if field.facet]
    assert len(set(params)) == len(params) and "q" not in params and "sort" not in params


MARKED = "县档案局2024年工作总结\n密级：内部\n一、主要工作\n今年以来，县档案局扎实推进档案数字化。\n"


def test_a_field_of_the_table_reaches_front_matter_catalog_results_filters_and_panel(tmp_path, capsys):
    reports = tmp_path / "reports"
    shutil.copytree(REPORTS, reports)
    (reports / "marked.txt").write_text(MARKED, encoding="utf-8")
    pages, site = build_site(reports, tmp_path)

    entries = json.loads((pages / catalog.CATALOG_FILE).read_text(encoding="utf-8"))
    marked = next(e for e in entries if e["source"] == "marked.txt")
    assert marked["secret_level"] == "内部"
    assert all(e["secret_level"] is None for e in entries if e is not marked)
    page = (pages / "reports" / f"{marked['id']}.md").read_text(encoding="utf-8")
    assert yaml.safe_load(page.split("---")[1])["secret_level"] == "内部"

    assert baogao(["search", "档案数字化", "--site", str(site), "--json"]) == 0
    (result,) = json.loads(capsys.readouterr().out)["results"]
    assert result["id"] == marked["id"] and result["secret_level"] == "内部"
    assert result["title"] == marked["display_title"] and result["year"] == 2024

    text = (site / index.INDEX_DIR / "manifest.js").read_text(encoding="utf-8")
    manifest = json.loads(text[text.index(",") + 1: text.rindex(");")], strict=False)
    assert manifest["labels"]["secret_level"] == "密级"
    assert {"name": "secret_level", "label": "密级", "param": "secret", "values": ["内部"]} in manifest["facets"]

    def panel(entry):
        tree = LexborHTMLParser((site / entry["url"]).read_text(encoding="utf-8"))
        return {div.attributes["data-field"]: (div.css_first("dt").text(), div.css_first("dd").text())
                for div in tree.css(".baogao-meta div[data-field]")}

    assert panel(marked)["secret_level"] == ("密级", "内部")
    other = panel(next(e for e in entries if e is not marked and e["redactions"] and not e["year"]))
    assert "secret_level" not in other  # shown when known
    assert other["org"][0] == "发文单位" and other["source"][1].endswith(".txt")
    assert other["year"][1].endswith("年以后（原文未写年份，据文中事件推断）") or other["year"][1] == "不详"
    assert other["redactions"][1].endswith(" 处")


def test_the_fields_about_the_file_fold_under_file_info(sample_site):
    """The schema's `file_info` flag, not a list in the template, puts a field in the folded part:
    a field added with the flag (the original file's download link) lands there."""
    assert [f["name"] for f in panel_fields() if f["file_info"]] == [f.name for f in schema.FIELDS if f.panel and f.file_info]
    assert {"source", "encoding"} <= {f.name for f in schema.FIELDS if f.file_info}
    _, site = sample_site
    for entry in json.loads((site / "catalog.json").read_text(encoding="utf-8")):
        tree = LexborHTMLParser((site / entry["url"]).read_text(encoding="utf-8"))
        (folded,) = tree.css(".baogao-meta details")
        assert folded.css_first("summary").text() == schema.FILE_INFO
        inside = {div.attributes["data-field"] for div in folded.css("div[data-field]")}
        outside = {div.attributes["data-field"] for div in tree.css(".baogao-meta > dl > div[data-field]")}
        assert inside == {f.name for f in schema.FIELDS if f.file_info and (f.panel == "always" or entry[f.name])}
        assert not inside & outside and "year" in outside
