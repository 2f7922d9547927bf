"""The search backend seam (baogao/search/backend.py): the CLI and the MkDocs glue reach the index
through `BACKEND` only, the UI through the engine's hits and filters only, and both engines
refuse an index of another format, naming the file."""

from __future__ import annotations

import json
import logging
import re
import shutil
from pathlib import Path

from baogao.catalog import CATALOG_FILE
from baogao.cli import main as baogao
from baogao.search import backend, index
from tests.conftest import ROOT
from tests.test_safety_input import site_copy  # noqa: F401  (fixture)

JS = ROOT / "overrides" / "assets" / "javascripts"


def set_manifest(site: Path, **values) -> None:
    path = site / index.INDEX_DIR / "manifest.js"
    text = path.read_text(encoding="utf-8")
    manifest = json.loads(text[text.index(",") + 1: text.rindex(");")], strict=False)
    manifest.update(values)
    path.write_text(f'baogaoSearch.load("manifest",{json.dumps(manifest, ensure_ascii=False)});\n', encoding="utf-8")


def test_the_static_index_is_a_backend():
    assert isinstance(backend.BACKEND, backend.StaticIndex)
    for method in ("build", "version", "publish", "search"):
        assert callable(getattr(backend.BACKEND, method))


def test_only_the_backend_knows_the_index():
    for module in ("cli.py", "site.py", "mkdocs_plugin.py"):
        code = (ROOT / "baogao" / module).read_text(encoding="utf-8")
        assert "search.index" not in code and "search_site" not in code and "INDEX_DIR" not in code, module
    for name in ("baogao-ui.js", "baogao-report.js"):
        ui = (JS / name).read_text(encoding="utf-8")
        assert "manifest" not in ui and "FACET_" not in ui, name  # filters, labels, page contract: from the engine


def test_the_browser_engine_reads_the_format_the_builder_writes():
    found = re.search(r"var FORMAT = (\d+);", (JS / "baogao-search.js").read_text(encoding="utf-8"))
    assert found and int(found.group(1)) == index.FORMAT


def test_the_cli_refuses_another_format_naming_the_file(site_copy, caplog, capsys):  # noqa: F811
    set_manifest(site_copy, format=index.FORMAT - 1)
    caplog.set_level(logging.INFO, logger="baogao")
    assert baogao(["search", "办公室", "--site", str(site_copy)]) == 2
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    manifest = site_copy / index.INDEX_DIR / "manifest.js"
    assert errors == [f"error: '{manifest}' is a search index of format {index.FORMAT - 1}, this baogao reads "
                      f"format {index.FORMAT}: rebuild the site with `baogao build`"]
    assert capsys.readouterr().out == ""


def reordered_site(sample_site, tmp_path: Path, monkeypatch) -> Path:
    """A copy of the sample site whose index rows hold their fields in reverse order."""
    pages, site = sample_site
    copy = Path(shutil.copytree(site, tmp_path / "reordered"))
    monkeypatch.setattr(index, "ROW_FIELDS", tuple(reversed(index.ROW_FIELDS)))
    entries = json.loads((pages / CATALOG_FILE).read_text(encoding="utf-8"))
    index.build_index(entries, pages / "text", tmp_path / "index", workers=1)
    shutil.rmtree(copy / index.INDEX_DIR)
    shutil.copytree(tmp_path / "index" / index.INDEX_DIR, copy / index.INDEX_DIR)
    return copy


def test_the_cli_reads_rows_by_the_manifests_field_names(sample_site, tmp_path, monkeypatch, capsys):
    _, site = sample_site
    assert baogao(["search", "办公室", "--site", str(site), "--json", "--limit", "0"]) == 0
    before = json.loads(capsys.readouterr().out)["results"]
    reordered = reordered_site(sample_site, tmp_path, monkeypatch)
    assert baogao(["search", "办公室", "--site", str(reordered), "--json", "--limit", "0"]) == 0
    assert json.loads(capsys.readouterr().out)["results"] == before
