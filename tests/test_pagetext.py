"""The page-text contract (baogao/pagetext.py): marked elements are not report text, the
templates mark them, and every reader of report pages uses the one definition."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from baogao import pagetext
from baogao.check import check_site
from baogao.search import kwic
from baogao.search.index import INDEX_DIR
from tests.conftest import REPORTS, ROOT, build_site

PAGE = """<html><body>
<nav data-baogao-exclude>作风建设</nav>
<article class="md-content__inner">
  <div data-baogao-text>
    <h1>标题</h1>
    <dl data-baogao-exclude><dt>年份</dt><dd>2023<span data-baogao-exclude>嵌套</span></dd></dl>
    <p>第一段。</p>
    <h2 id="x">一、小标题<a class="headerlink" href="#x">¶</a></h2>
    <p>第二段。</p>
    <nav data-baogao-exclude>同一单位：下一篇</nav>
  </div>
  <aside>页面其他内容</aside>
</article></body></html>"""


def test_the_text_element_without_its_marked_parts_is_the_text():
    assert pagetext.visible_text(PAGE).split() == ["标题", "第一段。", "一、小标题", "第二段。"]


def test_a_page_without_the_text_element_shows_no_report_text():
    assert pagetext.visible_text(PAGE.replace("data-baogao-text", "data-other")) == ""


def test_report_pages_mark_the_text_and_what_is_not_text(sample_site):
    _, site = sample_site
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    for entry in catalog:
        tree = LexborHTMLParser((site / entry["url"]).read_text(encoding="utf-8"))
        (text,) = tree.css(pagetext.TEXT)
        assert text.css_first("h1").text() == entry["title"]
        for not_text in (".baogao-meta", ".md-tags", ".baogao-neighbours"):
            for node in tree.css(not_text):
                assert "data-baogao-exclude" in node.attributes, (entry["url"], not_text)
        shown = pagetext.visible_text(tree.html)
        assert entry["source"] not in shown and "¶" not in shown  # the panel and permalinks are out
    home = (site / "index.html").read_text(encoding="utf-8")
    assert pagetext.visible_text(home) == ""  # only report pages hold report text


def test_templates_without_the_marks_fail_the_check(tmp_path):
    """The check reads what the templates mark: a metadata panel left unmarked is read as
    text between the title and the body (reports whose text starts with their title)."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "themes.yml"):
        shutil.copy(ROOT / name, project / name)
    for name in ("docs", "overrides", "hooks"):  # all that mkdocs.yml names beside it
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, project / name, ignore=shutil.ignore_patterns("__pycache__"))
    meta = project / "overrides" / "partials" / "report-meta.html"
    meta.write_text(meta.read_text(encoding="utf-8").replace(' data-baogao-exclude data-report-id', ' data-report-id', 1),
                    encoding="utf-8")
    pages, site = build_site(REPORTS, tmp_path / "build", project / "mkdocs.yml")
    checked, losses = check_site(site, pages)
    catalog = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    titled = {e["source"] for e in catalog if (pages / "text" / f"{e['id']}.txt").read_text(encoding="utf-8").startswith(e["title"])}
    assert checked == 5 and titled and {loss.source for loss in losses} == titled


def test_the_manifest_hands_the_contract_and_kwic_settings_to_the_browser(sample_site):
    _, site = sample_site
    text = (site / INDEX_DIR / "manifest.js").read_text(encoding="utf-8")
    manifest = json.loads(text[text.index(",") + 1: text.rindex(");")], strict=False)
    assert manifest["page"] == {"text": pagetext.TEXT, "exclude": pagetext.EXCLUDE, "cite": pagetext.CITE}
    assert manifest["kwic"] == {"context": kwic.CONTEXT, "lines": kwic.LINES}
    scripts = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "overrides" / "assets" / "javascripts").glob("baogao-*.js"))
    for repeated in ("md-content__inner", "headerlink", "baogao-meta", "data-baogao"):
        assert repeated not in scripts  # read from the manifest, never written in JS


def test_search_does_not_import_the_fidelity_check():
    code = "import sys, baogao.search.query; print('baogao.check' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=Path(ROOT))
    assert out.stdout.strip() == "False"
