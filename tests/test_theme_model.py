"""The classifier experiment's decisions (tests/theme_model.py): how thresholds are chosen inside
a training split and how the model is combined with the rules; and the trained model the site
reads (baogao.theme_model): scikit-learn's probabilities, read with numpy, from a file trained
on today's labels. The experiment itself runs as `python -m tests.theme_model cv|final|export`
(minutes); the threshold checks run on made-up probabilities."""

from __future__ import annotations

import numpy as np
import pytest

from baogao import theme_model
from tests.labels import NO_SHARED, SHARED
from tests.theme_model import MIN_JUDGED, MODELLED, NAMES, Unit, combine, load_cases, thresholds, training_digest, training_units

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


def _near(rows: list[tuple[float, bool, bool]]) -> float:
    text = "县政府督查室开展督查。"
    units = [Unit("s", text, frozenset({THEME} if true else ()), frozenset({THEME} if rule else ())) for _, true, rule in rows]
    oof = {name: np.zeros(len(rows)) for name in NAMES}
    oof[THEME] = np.array([p for p, _, _ in rows])
    return thresholds(units, oof)[THEME]["near"]


def test_the_near_threshold_is_judged_on_what_the_model_adds():
    # 40 sections the rules get right, and near misses (the theme's words, not the rules' hit): ten right ones at
    # 0.6, a wrong one at 0.55. Counting the rules' own hits, any threshold is 0.98 precise; of what the model adds,
    # only those from above 0.55 are.
    rows = [(0.9, True, True)] * 40 + [(0.6, True, False)] * MIN_JUDGED + [(0.55, False, False)]
    assert _near(rows) == pytest.approx(0.575)


def test_a_near_threshold_judged_on_too_few_additions_adds_nothing():
    # one right near miss at 0.6 is no evidence of a precision: the model adds nothing
    rows = [(0.9, True, True)] * 40 + [(0.6, True, False)] * (MIN_JUDGED - 1) + [(0.55, False, False)]
    assert _near(rows) > 1.0


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


# ------------------------------------------------------------------------- the site's reading

TEXTS = [
    "县政府办公室全年报送政务信息120条，被市政府采用30条。",
    "加强信息报送工作，做到及时、准确、全面。",
    "推进政务信息化建设，建设数字政府平台。",
    "ABC Ｆｕｌｌ　ｗｉｄｔｈ  and   spaces\n\n 报送",  # lower case, white space runs, as the analyzer reads them
    "",
    "某",
    "县政府督查室对重点工作开展专项督查，督查情况及时报送。",
]


def test_the_numpy_reading_gives_scikit_learns_probabilities(tmp_path):
    """ThemeModel.probability (char 1–3-grams, sublinear tf, smooth idf, l2, logistic) equals
    scikit-learn's pipeline on texts it was and was not trained on; save and load keep it."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    train = TEXTS[:3] + ["按时报送信息专报和快报", "开展作风建设专项整治", "报送突发事件信息，严禁迟报漏报", "做好安全生产工作"]
    y = [1, 1, 0, 1, 0, 1, 0]
    vec = TfidfVectorizer(analyzer="char", ngram_range=theme_model.NGRAMS, sublinear_tf=True, min_df=1)
    fitted = LogisticRegression(C=4.0, solver="liblinear").fit(vec.fit_transform(train), y)
    model = theme_model.ThemeModel("信息报送", {t: int(c) for t, c in vec.vocabulary_.items()}, vec.idf_,
                                   fitted.coef_[0], float(fitted.intercept_[0]), 0.5)
    unseen = TEXTS + ["完全不同的文字", "报"]
    expected = fitted.predict_proba(vec.transform(unseen))[:, 1]
    assert [model.probability(t) for t in unseen] == pytest.approx(list(expected), abs=1e-12)
    path = tmp_path / "m.npz"
    theme_model.save(path, [model], "trained-on")
    loaded = theme_model.load(path)
    assert loaded.training == "trained-on" and list(loaded.by_theme) == ["信息报送"]
    assert [loaded.by_theme["信息报送"].probability(t) for t in unseen] == pytest.approx(list(expected), abs=1e-12)
    assert loaded.by_theme["信息报送"].threshold == 0.5


def test_the_shipped_model_was_trained_on_todays_labels():
    """The model file says what it was trained from; after a change of the labels, of the texts or
    of a modelled theme's words, retrain: `python -m tests.theme_model export`."""
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    shipped = theme_model.load()
    assert sorted(shipped.by_theme) == sorted(MODELLED)
    assert shipped.training == training_digest(training_units(load_cases())), (
        "baogao/models/themes.npz was trained on other labels: run make model (python -m tests.theme_model export)")
