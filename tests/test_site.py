"""The built sample site, parsed: catalog, report pages, year pages, small nav, fidelity check."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from selectolax.lexbor import LexborHTMLParser

from baogao.check import check_site

REQUIRED = {"id", "url", "title", "year", "org", "level", "region", "doc_type", "themes", "chars", "source", "sha256"}


def html(site: Path, url: str) -> LexborHTMLParser:
    path = site / (url or "index.html")
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog(sample_site):
    _, site = sample_site
    return json.loads((site / "catalog.json").read_text(encoding="utf-8"))


def test_catalog_lists_every_report_with_the_required_fields(catalog):
    assert len(catalog) == 5
    for entry in catalog:
        assert REQUIRED <= entry.keys()
        assert re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])
    assert len({entry["id"] for entry in catalog}) == 5


def test_report_page_shows_title_metadata_and_outline(sample_site, catalog):
    _, site = sample_site
    for entry in catalog:
        page = html(site, entry["url"])
        article = page.css_first("article.md-content__inner")
        assert article.css_first("h1").text(strip=True) == entry["title"]
        panel = {dt.text(strip=True): dt.next.text(strip=True) for dt in article.css(".baogao-meta dt")}
        assert panel["文种"] == entry["doc_type"]
        assert panel["源文件"] == entry["source"]
        if entry["year"]:
            assert panel["年份"] == str(entry["year"])
        elif entry["year_min"]:  # only a lower bound is known: said as such, never as the year
            assert panel["年份"].startswith(f"{entry['year_min']}年以后")
        else:
            assert panel["年份"] == "不详"
        toc = [a.text(strip=True) for a in page.css("nav.md-nav--secondary a.md-nav__link")]
        headings = [h.text(strip=True).rstrip("¶") for h in article.css("h2, h3")]
        assert headings, f"{entry['source']} has an outline"
        assert toc[: len(headings)] == headings or set(headings) <= set(toc)
        # Readable anchors, not #_1
        assert all(not h.attributes["id"].startswith("_") for h in article.css("h2, h3"))


def test_nav_never_lists_reports(sample_site, catalog):
    _, site = sample_site
    page = html(site, catalog[0]["url"])
    nav_links = [a.attributes.get("href", "") for a in page.css("nav.md-nav--primary a")]
    assert len(nav_links) <= 12  # the archive's own pages (ten today), never one per report
    assert not [href for href in nav_links if "reports/" in href]


def test_year_pages_list_reports_newest_first_and_links_resolve(sample_site, catalog):
    _, site = sample_site
    years_page = html(site, "years/index.html")
    year_links = [a.attributes["href"] for a in years_page.css("article a") if not a.attributes.get("href", "").startswith("#")]
    labels = [a.text(strip=True) for a in years_page.css("article li a")]
    numbers = [int(label.split()[0]) for label in labels if label[:4].isdigit()]
    assert numbers == sorted(numbers, reverse=True)
    listed = set()
    for href in year_links:
        year_url = urljoin("years/index.html", href)
        for a in html(site, year_url).css("article li a"):
            target = urljoin(year_url, a.attributes["href"])
            assert (site / target).is_file(), target
            listed.add(target)
    assert listed == {entry["url"] for entry in catalog}


def test_home_page_counts_the_archive(sample_site, catalog):
    _, site = sample_site
    text = html(site, "").css_first("article").text()
    assert f"共收录 {len(catalog)} 篇报告" in re.sub(r"\s+", " ", text).replace("** ", "")


def test_pages_reference_nothing_outside_the_site(sample_site):
    _, site = sample_site
    external = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(?:https?:)?//""", re.I)
    offenders = [p.relative_to(site) for p in site.rglob("*.html") if external.search(p.read_text(encoding="utf-8"))]
    assert not offenders
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "fonts.gstatic" not in css


def test_check_passes_on_the_sample_and_catches_a_lost_paragraph(sample_site, catalog, tmp_path):
    pages, site = sample_site
    checked, losses = check_site(site, pages)
    assert (checked, losses) == (5, [])

    broken = tmp_path / "site"
    shutil.copytree(site, broken)
    victim = broken / catalog[0]["url"]
    tree = LexborHTMLParser(victim.read_text(encoding="utf-8"))
    paragraphs = tree.css("[data-baogao-text] > p")
    paragraphs[len(paragraphs) // 2].decompose()
    victim.write_text(tree.html, encoding="utf-8")
    _, losses = check_site(broken, pages)
    assert [loss.source for loss in losses] == [catalog[0]["source"]]
    assert "differs" in losses[0].detail


def test_check_with_another_archives_pages_folder_says_which_folder_to_give(sample_site, tmp_path, caplog):
    """`baogao check SITE` reads the converted texts from --pages (default build/pages): given a site of another
    archive, or no site, it said "all N reports show their full text" for a stale file and ended in a traceback
    (FileNotFoundError); now one line says what is wrong and the status is 2 (a traceback would fail the test)."""
    from baogao.cli import main as baogao

    pages, site = sample_site
    assert baogao(["check", str(site), "--pages", str(pages)]) == 0
    other_pages = tmp_path / "pages-of-another-archive"
    shutil.copytree(pages, other_pages)
    victim = json.loads((site / "catalog.json").read_text(encoding="utf-8"))[2]
    (other_pages / "text" / f"{victim['id']}.txt").unlink()
    caplog.clear()
    assert baogao(["check", str(site), "--pages", str(other_pages)]) == 2
    assert f"does not hold the converted text of this site's report {victim['source']}" in caplog.text
    assert "--pages" in caplog.text
    caplog.clear()
    assert baogao(["check", str(tmp_path), "--pages", str(pages)]) == 2
    assert "is not a site baogao built" in caplog.text
    (tmp_path / "catalog.json").write_text("{not json", encoding="utf-8")  # damaged, or another program's
    caplog.clear()
    assert baogao(["check", str(tmp_path), "--pages", str(pages)]) == 2
    assert "catalog.json cannot be read" in caplog.text
    caplog.clear()
    assert baogao(["check", str(site), "--pages", str(tmp_path / "no such folder")]) == 2
    assert "is not a folder" in caplog.text


def test_a_report_tab_and_header_show_its_display_title(sample_site):
    pages, site = sample_site
    for entry in json.loads((site / "catalog.json").read_text(encoding="utf-8")):
        tree = LexborHTMLParser((site / entry["url"]).read_text(encoding="utf-8"))
        assert tree.css_first("title").text().startswith(entry["display_title"] + " - ")
        assert tree.css_first("[data-md-component=header-topic]").text(strip=True) == entry["display_title"]
        assert tree.css_first("[data-baogao-text] h1").text(strip=True) == entry["title"]  # the text's own
