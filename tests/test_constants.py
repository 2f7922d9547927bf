"""Constants defined once (issue 17, point 6): levels, year bounds, where readers take them."""

from __future__ import annotations

import pytest

from baogao import catalog, enrich
from baogao.model import Block, ParsedReport
from baogao.schema import LEVELS, MAX_YEAR, MIN_YEAR, SchemaError, check_value


def test_level_pages_list_the_schemas_levels_in_its_order():
    metas = [{"id": str(i), "display_title": "x", "year": None, "level": level} for i, level in enumerate(reversed(LEVELS))]
    level_facet = next(facet for facet in catalog.FACETS if facet.field == "level")
    assert [value for value, _ in level_facet.groups(metas)] == list(LEVELS)


def test_a_sidecar_may_say_any_year_of_the_schema_a_text_only_one_up_to_its_bound():
    """The schema bounds what a person may write; a year read from a text is taken only up to
    enrich.LATEST_TEXT_YEAR (later ones are targets, 到2035年)."""
    assert MIN_YEAR <= enrich.LATEST_TEXT_YEAR < MAX_YEAR
    check_value("year", enrich.LATEST_TEXT_YEAR + 1, "x.meta.yml")
    with pytest.raises(SchemaError, match=f"{MIN_YEAR}–{MAX_YEAR}"):
        check_value("year", MAX_YEAR + 1, "x.meta.yml")

    def year_of(title: str) -> int | None:
        report = ParsedReport(title, False, True, (Block("paragraph", "正文。"),))
        return enrich.enrich(report, "000_0123456789abcdef.txt")["year"]

    assert year_of(f"{enrich.LATEST_TEXT_YEAR}年工作总结") == enrich.LATEST_TEXT_YEAR
    assert year_of(f"{enrich.LATEST_TEXT_YEAR + 1}年工作总结") is None
    assert year_of(f"{MIN_YEAR}年工作总结") == MIN_YEAR


def test_no_module_of_baogao_binds_a_top_level_name_twice():
    """One source of truth per constant: a second `_NAME = …` at module level silently replaces the first for every
    reader of it (a clause pattern named as another's once changed how offices were placed)."""
    import ast
    from collections import Counter
    from pathlib import Path

    root = Path(enrich.__file__).parent
    twice = []
    for path in sorted(root.rglob("*.py")):
        names = Counter(target.id for node in ast.parse(path.read_text(encoding="utf-8")).body
                        if isinstance(node, (ast.Assign, ast.AnnAssign))
                        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
                        if isinstance(target, ast.Name))
        twice += [f"{path.relative_to(root)}: {name}" for name, n in names.items() if n > 1]
    assert not twice, twice
