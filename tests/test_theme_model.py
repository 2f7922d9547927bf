"""The classifier experiment's decisions (tests/theme_model.py): how thresholds are chosen inside
a training split and how the model is combined with the rules. The experiment itself runs as
`python -m tests.theme_model cv|final` (minutes); these checks run on made-up probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from tests.theme_model import NAMES, Unit, combine, thresholds

THEME = "督查"


def _units(rows: list[tuple[float, bool, bool]]) -> tuple[list[Unit], dict[str, np.ndarray]]:
    """(probability, labelled the theme, the rules give it) per unit."""
    units = [Unit("s", "", frozenset({THEME} if true else ()), frozenset({THEME} if rule else ())) for _, true, rule in rows]
    oof = {name: np.zeros(len(rows)) for name in NAMES}
    oof[THEME] = np.array([p for p, _, _ in rows])
    return units, oof


# 10 sure positives the rules find, 2 negatives at 0.5 the rules take, 1 negative at 0.3,
# 2 positives at 0.2 the rules miss, 5 negatives at 0.1.
ROWS = [(0.9, True, True)] * 10 + [(0.5, False, True)] * 2 + [(0.3, False, False)] + [(0.2, True, False)] * 2 + [(0.1, False, False)] * 5


def test_or_threshold_is_the_lowest_with_high_precision_and_veto_removes_the_rules_false_hits():
    units, oof = _units(ROWS)
    chosen = thresholds(units, oof)[THEME]
    # above 0.5 only the sure positives remain (precision 1.0); at 0.5 the two negatives come in
    assert chosen["or"] == pytest.approx(0.525)
    # vetoing below 0.525 removes the rules' two false hits and keeps their ten right ones
    assert chosen["veto"] == pytest.approx(0.525)
    assert 0.5 < chosen["model"] <= 0.9


def test_a_veto_that_does_not_help_inside_the_split_is_none():
    units, oof = _units([(p, true, true) if true else (p, true, False) for p, true, _ in ROWS])
    assert thresholds(units, oof)[THEME]["veto"] == 0.0


def test_a_theme_never_precise_enough_is_never_added():
    units, oof = _units([(0.9, True, True), (0.9, False, False), (0.1, False, False)])
    assert thresholds(units, oof)[THEME]["or"] > 1.0


def test_combinations():
    th = {name: {"model": 0.5, "or": 0.8, "veto": 0.2} for name in NAMES}
    probs = {name: 0.0 for name in NAMES} | {"督查": 0.9, "信息报送": 0.6, "作风建设": 0.1}
    rules = {"作风建设", "信访"}
    assert combine("rules", rules, probs, th) == rules
    assert combine("model", rules, probs, th) == {"督查", "信息报送"}
    assert combine("rules|model", rules, probs, th) == {"作风建设", "信访", "督查"}
    # the veto applies to the themes the model is trained for: 信访's 0.0 is below 0.2 too
    assert combine("rules&!model", rules, probs, th) == set()
    assert combine("rules&!model", rules, probs, th, themes=("作风建设",)) == {"信访"}


def test_the_near_variant_adds_only_where_the_text_has_the_themes_words():
    th = {name: {"model": 0.5, "or": 0.8, "near": 0.5, "veto": 0.2} for name in NAMES}
    probs = {name: 0.0 for name in NAMES} | {"督查": 0.6, "信息报送": 0.6}
    assert combine("rules|near", set(), probs, th, text="县政府督查室对重点工作开展督查。") == {"督查"}
    assert combine("rules|near", {"信访"}, probs, th, text="加快项目建设进度。") == {"信访"}
