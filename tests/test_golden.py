"""The sample reports' pages match their reviewed golden files (regenerate: `make golden`)."""

from __future__ import annotations

import pytest

from baogao.sources import find_sources
from tests.golden import REPORTS, golden_path, render_sample

SOURCES = find_sources(REPORTS)


def test_every_sample_has_a_golden_file():
    assert SOURCES, "reports/ holds the sample archive"
    missing = [s.name for s in SOURCES if not golden_path(s).is_file()]
    assert not missing, f"no golden page for {missing}: run `make golden` and review the diff"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_page_matches_golden(source):
    expected = golden_path(source).read_text(encoding="utf-8")
    assert render_sample(source) == expected, f"{source.name} changed: run `make golden` and review `git diff tests/golden`"
