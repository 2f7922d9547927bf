"""Theme pages and browsing pages of the built site, parsed: every link resolves to an existing
page and anchor; the taxonomy file drives the pages; tag chips point at the theme pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from baogao.catalog import page_slug
from baogao.listing_html import END, START, parse as parse_listing
from tests.conftest import ROOT, build_site


def parse(path: Path) -> LexborHTMLParser:
    return LexborHTMLParser(path.read_text(encoding="utf-8"))


def broken_links(site: Path, folder: str) -> list[str]:
    """Links in the articles of site/folder/*.html whose page or #anchor does not exist."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in sorted((site / folder).glob("*.html")):
        for a in parse(page).css("article.md-content__inner a[href]"):
            href = a.attributes["href"]
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            target = urlsplit(urljoin(f"{folder}/{page.name}", href))
            path = site / unquote(target.path).lstrip("/")  # the 404 page links from the site root
            if not path.is_file():
                broken.append(f"{page.name}: {href}")
                continue
            if target.fragment:
                if path not in ids:
                    ids[path] = {node.attributes.get("id") for node in parse(path).css("[id]")}
                if unquote(target.fragment) not in ids[path]:
                    broken.append(f"{page.name}: {href}")
    return broken


def test_theme_pages_link_only_to_existing_anchors(sample_site):
    _, site = sample_site
    theme_pages = list((site / "themes").glob("*.html"))
    assert len(theme_pages) > 3
    assert broken_links(site, "themes") == []
    section_links = [a for p in theme_pages for a in parse(p).css("article li a[href*='#']")]
    assert section_links, "theme pages point into reports"


def test_corpus_theme_pages_link_only_to_existing_anchors(corpus_site):
    _, site = corpus_site
    assert broken_links(site, "themes") == []


def test_browse_pages_list_every_report_once_per_facet(sample_site):
    _, site = sample_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    for facet in ("level", "type", "region", "org"):
        listed = []
        for page in (site / "browse" / facet).glob("*.html"):
            if page.name != "index.html":
                listed += [urljoin(f"browse/{facet}/{page.name}", a.attributes["href"])
                           for a in parse(page).css("article li a")]
        assert sorted(listed) == sorted(e["url"] for e in catalog), facet
        assert broken_links(site, f"browse/{facet}") == []


def test_seed_003_is_tagged_with_its_themes_and_the_chip_links_to_the_theme_page(sample_site):
    """Seed 003 is a 作风革命效能革命 整改 report: 作风建设 must be among its themes, and its
    tag chip must lead to themes/作风建设.html (the only listing of that tag)."""
    _, site = sample_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    entry = next(e for e in catalog if e["source"].startswith("003_"))
    assert "作风建设" in entry["themes"]
    page = parse(site / entry["url"])
    chips = {a.text(strip=True): a.attributes["href"] for a in page.css(".md-tags a")}
    assert unquote(urlsplit(chips["作风建设"]).path).endswith(f"themes/{page_slug('作风建设')}.html")
    theme_page = parse(site / "themes" / f"{page_slug('作风建设')}.html")
    assert entry["title"] in theme_page.css_first("article").text()


def test_home_page_counts_themes_and_offers_search(sample_site):
    _, site = sample_site
    home = parse(site / "index.html")
    assert home.css_first("form.baogao-home-search input[name=q]") is not None
    theme_links = [a.attributes["href"] for a in home.css("article a[href^='themes/']")]
    assert theme_links and broken_links(site, ".") == []


def test_an_edited_taxonomy_changes_the_pages(tmp_path):
    """A project copy whose themes.yml gains a theme: after a rebuild it has a page and tags."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    taxonomy = (ROOT / "themes.yml").read_text(encoding="utf-8")
    (project / "themes.yml").write_text(
        taxonomy + "\n  - name: 测试新主题\n    description: 只为测试而加\n    keywords: {今年以来: 9}\n",
        encoding="utf-8")
    pages, site = build_site(ROOT / "reports", tmp_path / "out", project / "mkdocs.yml")
    page = site / "themes" / f"{page_slug('测试新主题')}.html"
    assert page.is_file()
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    assert any("测试新主题" in e["themes"] for e in catalog)
    assert not (ROOT / "build" / "pages" / "themes" / f"{page_slug('测试新主题')}.md").exists()


def test_offices_get_one_page_per_region_with_a_section_per_office():
    """Thousands of offices of one or two reports each must not become thousands of pages."""
    from baogao.catalog import FACETS, GroupedFacet

    (offices,) = [f for f in FACETS if f.field == "org"]
    assert isinstance(offices, GroupedFacet)
    regions = ["山东省", "湖南省", None]
    metas = [
        {"id": f"r{i:03d}", "title": f"报告{i}", "display_title": f"报告{i}", "year": 2000 + i % 20, "org": f"第{i % 37}办公室" if i % 11 else None,
         "level": "县", "region": regions[i % 3], "doc_type": "工作总结"}
        for i in range(300)
    ]
    pages = offices.pages(metas)
    assert sorted(pages) == sorted(f"{page_slug(r or 'unknown')}.md" for r in regions)
    listed = [a.get("href") for markdown in pages.values() for chunk in markdown.split(START)[1:]
              for element in parse_listing(chunk.split(END)[0].strip("\n")) for a in element.iter("a")]
    assert sorted(listed) == sorted(f"../../reports/{m['id']}.md" for m in metas)
    links = offices.links(metas)
    assert sum(n for _, _, n in links) == len(metas)
    for label, link, n in links:
        page, anchor = link.split("#")
        section = pages[page].split(f"{{#{anchor}}}")[0].rsplit("\n## ", 1)[1]
        assert section.startswith(label) and f"（{n} 篇）" in section


def test_a_section_the_model_added_says_so_beside_its_words():
    """A theme page's evidence line: the words counted, and for a section the trained model
    added (baogao.theme_model) its probability — a reader can tell a rule's hit from the model's."""
    from baogao.catalog import _theme_pages

    meta = {"id": "r1", "display_title": "县政府办公室工作总结", "themes": ["信息报送"], "year": 2023, "org": "县政府办公室",
            "region": "", "level": "县", "doc_type": "工作总结"}
    ruled = {"theme": "信息报送", "label": "一、信息报送", "anchor": "a", "excerpt": "全年报送信息",
             "evidence": [["信息报送", 2, "heading"]], "parts": []}
    added = {**ruled, "label": "二、综合", "anchor": "b", "evidence": [["报送", 1, "text"]], "model": 0.87}
    page = LexborHTMLParser(_theme_pages("信息报送", "d", [meta], {"r1": {"sections": [ruled, added]}}).texts()["信息报送.md"])
    lines = [li.css_first("small").text() for li in page.css("li") if li.css_first("small")]
    assert lines == ["依据：信息报送×2（标题）", "依据：报送×1（正文）；训练模型判定相关（概率 0.87）"]
