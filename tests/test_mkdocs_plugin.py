"""The MkDocs plugin `baogao`: found by entry point, typed config, the pages folder passed through
MkDocs' config (never the environment), a missing pages folder as MkDocs' PluginError."""

from __future__ import annotations

import importlib.metadata
import json
import os

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from baogao.mkdocs_plugin import BaogaoPlugin
from baogao.site import plugins_with_pages, run_mkdocs
from tests.conftest import ROOT

CONFIG = ROOT / "mkdocs.yml"


def test_the_plugin_is_registered_by_entry_point():
    (entry,) = [e for e in importlib.metadata.entry_points(group="mkdocs.plugins") if e.name == "baogao"]
    assert entry.load() is BaogaoPlugin


def test_run_mkdocs_sets_pages_dir_in_the_plugin_list(tmp_path):
    plugins = plugins_with_pages(CONFIG, tmp_path / "pages")
    assert plugins == {"baogao": {"pages_dir": str(tmp_path / "pages")}}
    for _ in range(2):  # `serve` loads the configuration again, with the same overrides, for every rebuild
        config = load_config(config_file=str(CONFIG), plugins=plugins)
        assert config.plugins["baogao"].config.pages_dir == str(tmp_path / "pages")


@pytest.mark.parametrize("listed, expected", [
    ("plugins:\n  - tags\n  - baogao:\n      other: 1\n", {"tags": {}, "baogao": {"other": 1, "pages_dir": "P"}}),
    ("plugins:\n  baogao:\n  tags: {a: 1}\n", {"baogao": {"pages_dir": "P"}, "tags": {"a": 1}}),  # MkDocs' mapping form
    ("plugins:\n  - tags\n", {"baogao": {"pages_dir": "P"}, "tags": {}}),  # a config without it gets it, first
    ("site_name: x\n", {"baogao": {"pages_dir": "P"}}),
])
def test_plugins_with_pages_keeps_the_other_plugins_and_their_order(tmp_path, listed, expected):
    config = tmp_path / "mkdocs.yml"
    config.write_text(listed, encoding="utf-8")
    plugins = plugins_with_pages(config, tmp_path / "P")
    assert list(plugins) == list(expected)
    assert json.loads(json.dumps(plugins).replace(str(tmp_path / "P"), "P")) == expected


def test_a_plugin_listed_twice_is_refused(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("plugins:\n  - tags\n  - tags:\n      a: 1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="mkdocs.yml: a plugin is listed twice"):
        plugins_with_pages(config, tmp_path / "P")


def test_pages_dir_is_typed_and_a_wrong_type_names_the_option(caplog):
    with pytest.raises(Abort, match="configuration error"):
        load_config(config_file=str(CONFIG), plugins={"baogao": {"pages_dir": 3}})
    assert "Plugin 'baogao' option 'pages_dir': Expected type: <class 'str'> but received: <class 'int'>" in caplog.text


def test_pages_dir_defaults_to_build_pages_beside_mkdocs_yml():
    config = load_config(config_file=str(CONFIG), plugins=["baogao"])
    assert config.plugins["baogao"].config.pages_dir == str(ROOT / "build" / "pages")


def test_a_missing_pages_folder_is_a_plugin_error(tmp_path, caplog):
    config = load_config(config_file=str(CONFIG), plugins=plugins_with_pages(CONFIG, tmp_path / "missing"))
    with pytest.raises(PluginError, match="no converted pages in .*missing.*run `baogao build`"):
        config.plugins.on_config(config)
    with pytest.raises(Abort):  # what MkDocs makes of a PluginError: its message, logged, and an exit
        run_mkdocs(CONFIG, tmp_path / "missing", tmp_path / "site")
    assert "no converted pages in" in caplog.text and not (tmp_path / "site").exists()


def test_on_config_reads_the_neighbours(sample_site):
    pages, _ = sample_site
    config = load_config(config_file=str(CONFIG), plugins=plugins_with_pages(CONFIG, pages))
    config = config.plugins.on_config(config)
    plugin = config.plugins["baogao"]
    assert plugin.neighbours


def test_the_pages_folder_never_travels_in_the_environment(sample_site):
    """The sample site was built from a pages folder outside the project (conftest.build_site):
    MkDocs found it through the plugin's config, and no variable names it."""
    pages, site = sample_site
    assert (site / "reports").is_dir() and len(list((site / "reports").glob("*.html"))) == len(list((pages / "reports").glob("*.md")))
    assert not [name for name, value in os.environ.items() if str(pages) in value]
    retired = "BAOGAO" + "_PAGES"  # the variable that carried it before (spelled apart: this file is searched too)
    sources = [path for folder in ("baogao", "tests", "scripts", "docs", "overrides") for path in (ROOT / folder).rglob("*")
               if path.is_file() and path.suffix in {".py", ".md", ".html", ".js", ".yml"}]
    sources += [ROOT / name for name in ("mkdocs.yml", "pyproject.toml", "Makefile", "README.md")]
    assert [path for path in sources if retired in path.read_text(encoding="utf-8", errors="replace")] == []
