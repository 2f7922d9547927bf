"""Experiment (issue 12): does a classifier trained on the theme labels beat, or complement, the
theme rules of themes.yml on text nobody tuned them on?

    .venv/bin/python -m tests.theme_model cv [word] [unweighted]   # grouped cross-validation, every variant
    .venv/bin/python -m tests.theme_model final [word] [unweighted]  # train on all allowed data, score held-out fold 1
    .venv/bin/python -m tests.theme_model export   # (make model) train the site's model file, baogao/models/themes.npz

Training data: every labelled section of theme_labels.tsv (adjudicated after the second read)
and the passages of the held-out texts in fold 0 (`fold_of(source) == 0`). Fold 1 of the
held-out texts is the final test: never trained on, its errors never read.

Units: a labelled section's own text and heading (`tests.labels.own_text`, as the rules see
it); a held-out passage's text from its key to the next key. Predictions are made, as a built
site would make them, on the parser's sections of a report (`split_sections`), and scored as
`tests.labels` scores the rules: labelled sections by key, held-out passages by coverage.

Model: per theme, character 1–3-gram TF-IDF (sublinear tf, min_df 2) and a logistic regression
with balanced class weights (scikit-learn). Thresholds are chosen inside each training split
from its own inner grouped out-of-fold probabilities (never from the test split):
  model      p ≥ the threshold that maximises F1
  rules|model  rules OR p ≥ the lowest threshold with inner precision ≥ 0.95, on ≥ MIN_JUDGED additions (adds recall)
  rules&!model rules AND NOT p < the veto threshold that maximises the inner F1 of the
             combination (removes rule hits the model finds very unlikely)
Cross-validation: GroupKFold by report (5 folds), never the same report in train and test.

Results (2026-11-30, rules of commit 5eeea36, scikit-learn 1.9.1; `cv`, char features, balanced).
Sections P / R (reports P / R), out-of-fold by report (GroupKFold, 5 folds):

                      labelled set (rules tuned on it)       held-out texts, fold 0
  作风建设  rules        0.94 / 0.86 (1.00 / 0.96)  44/3/7     1.00 / 0.76 (1.00 / 0.91)  28/0/9
            model        0.56 / 0.78 (0.96 / 1.00)  40/31/11   0.93 / 0.76 (0.92 / 1.00)  28/2/9
            rules|model  0.94 / 0.88 (1.00 / 1.00)  45/3/6     1.00 / 0.76 (1.00 / 0.91)  28/0/9
            rules&!model 0.94 / 0.86 (1.00 / 0.96)  44/3/7     1.00 / 0.76 (1.00 / 0.91)  28/0/9
  信息报送  rules        1.00 / 0.93 (1.00 / 1.00)  14/0/1     0.81 / 0.45 (0.88 / 0.70)  13/3/16
            model        0.56 / 0.93 (0.67 / 1.00)  14/11/1    0.20 / 0.41 (0.36 / 0.80)  12/48/17
            rules|model  0.93 / 0.93 (1.00 / 1.00)  14/1/1     0.72 / 0.45 (0.78 / 0.70)  13/5/16
            rules&!model 1.00 / 0.93 (1.00 / 1.00)  14/0/1     0.81 / 0.45 (0.88 / 0.70)  13/3/16
  督查      rules        0.93 / 0.93 (1.00 / 0.90)  13/1/1     0.85 / 0.85 (0.78 / 0.88)  11/2/2
            model        0.44 / 0.57 (0.86 / 0.60)  8/10/6     0.18 / 0.77 (0.44 / 1.00)  10/45/3
            rules|model  0.93 / 0.93 (1.00 / 0.90)  13/1/1     0.69 / 0.85 (0.64 / 0.88)  11/5/2
            rules&!model 0.93 / 0.93 (1.00 / 0.90)  13/1/1     0.85 / 0.85 (0.78 / 0.88)  11/2/2
  (TP/FP/FN of sections.) The other themes, section precision, labelled set / held-out fold 0,
  rules → model: 办文办会 1.00→0.40 / –; 调查研究 1.00→0.67 / –; 党风廉政 0.87→0.70 / 0.50→0.67;
  12345热线 1.00→0.12 / 1.00→0.22; 安全应急 1.00→0.60 / 0.90→0.42; 后勤保障 1.00→0.15 / 1.00→0.00;
  数字政府 0.92→0.89 (recall 0.42→0.81) / 0.71→0.25; 政务公开 1.00→0.50 / 0.65→0.36;
  保密工作 1.00→0.14 / 1.00→0.60; 值班值守 1.00→– (no hit) / 1.00→–; 信访 0.90→0.55 / 1.00→1.00.

Other features, same folds (`cv word`: jieba words and word pairs; `cv unweighted`: no class
weights), held-out fold 0, sections P / R of 信息报送 and 督查:
  word:       model 0.24/0.34, 0.29/0.69; rules|model 0.81/0.45, 0.69/0.85; 作风建设 rules|model
              1.00/0.78 (one passage more than the rules); veto: no change.
  unweighted: model 0.39/0.31, 0.25/0.23; rules|model 0.72/0.45, 0.73/0.85; veto: no change.

Reading: the model alone is far below the rules everywhere (it learns the theme's words, and a
passing mention has them too); at a threshold that keeps 0.95 precision inside the training split
it adds almost nothing on texts it was not trained on (one 作风建设 passage) and costs 2–3 false
督查/信息报送 passages; as a veto its threshold, chosen inside the training split, is 0 or 0.05 —
it never finds a rule hit unlikely enough to remove. The rules' 信息报送 misses on the held-out
texts are events reported up (事故, 突发事件, 舆情) in words the labelled set hardly has; 47
labelled reports and 40 fold-0 texts are too few for a model to learn that reading.

Final test, held-out fold 1 (`final`: trained on everything allowed, thresholds from a grouped
3-fold inner split — 作风建设 0.40 / or 0.825 / veto none, 信息报送 0.225 / 0.45 / 0.05, 督查
0.25 / 0.65 / none; scored once, char features, the variant chosen before it was run):

  作风建设  rules        0.85 / 0.97 (0.93 / 0.93)  34/6/1
            model        0.68 / 0.86 (0.67 / 1.00)  30/14/5
            rules|model  0.85 / 0.97 (0.93 / 0.93)  34/6/1
            rules&!model 0.85 / 0.97 (0.93 / 0.93)  34/6/1
  信息报送  rules        1.00 / 0.63 (1.00 / 0.75)  12/0/7
            model        0.33 / 0.95 (0.61 / 0.92)  18/37/1
            rules|model  0.80 / 0.84 (1.00 / 0.83)  16/4/3
            rules&!model 1.00 / 0.63 (1.00 / 0.75)  12/0/7
  督查      rules        0.80 / 0.61 (0.84 / 0.76)  36/9/23
            model        0.74 / 0.58 (0.86 / 0.90)  34/12/25
            rules|model  0.80 / 0.61 (0.84 / 0.76)  36/9/23
            rules&!model 0.80 / 0.61 (0.84 / 0.76)  36/9/23

(The rules' row equals `python -m tests.labels held-out 1`: the scoring is the same.) Verdict: no
combination beats the rules on fold 1 for the user's three without losing precision. rules|model
is the only change: 信息报送 recall 0.63 → 0.84 for precision 1.00 → 0.80 (4 passages more right,
4 wrong), below the 0.9 target, and nothing for 作风建设 or 督查; the veto changes nothing. So the
classifier is not integrated; the rules stay the classifier of the site. Fold 1 is now spent for
the model: a threshold picked from these figures would be tuned on the test.

Again with thirteen held-out batches (2026-12-01, rules of commit 2283ade; `cv`, char features,
balanced; training: the labelled set and fold 0 of batches 1–13, 3× the held-out texts of the first
run). Sections P / R (reports P / R), out-of-fold by report, TP/FP/FN:

                      labelled set                             held-out texts, fold 0
  作风建设  rules        0.94 / 0.86 (1.00 / 0.96)  44/3/7     0.98 / 0.78 (1.00 / 0.91)  54/1/15
            rules|model  0.92 / 0.86 (1.00 / 0.96)  44/4/7     0.97 / 0.81 (1.00 / 0.91)  56/2/13
  信息报送  rules        1.00 / 0.93 (1.00 / 1.00)  14/0/1     0.93 / 0.60 (0.92 / 0.80)  52/4/35
            rules|model  0.93 / 0.93 (1.00 / 1.00)  14/1/1     0.91 / 0.74 (0.90 / 0.87)  64/6/23
  督查      rules        0.93 / 0.93 (1.00 / 0.90)  13/1/1     0.77 / 0.85 (0.90 / 0.83)  46/14/8
            rules|model  0.93 / 0.93 (1.00 / 0.90)  13/1/1     0.77 / 0.85 (0.90 / 0.83)  46/14/8
            rules&!model 0.91 / 0.71 (1.00 / 0.70)  10/1/4     0.76 / 0.83 (0.89 / 0.81)  45/14/9

The model alone is still below the rules everywhere, and the veto still removes no false 督查
(its OR threshold, ≥ 0.90, adds nothing either). What changed with the data is OR for 信息报送:
+12 passages right for +2 wrong on the held-out texts (recall 0.60 → 0.74, precision 0.93 →
0.91), +1 wrong on the labelled set; and for some other themes on the labelled set (数字政府 recall
0.42 → 0.55 at 0.93 precision, +32 sections for +1 wrong; 办文办会 0.64 → 0.82; 党风廉政 0.68 →
0.75), though not on the held-out texts (数字政府 0.78 → 0.68 precision, 办文办会 1.00 → 0.79). Not
integrated yet: the model reads every section (char n-grams in Python: minutes at 10 000
reports), a section it adds has no words to show as evidence on its theme page, and OR for
信息报送 alone would be the variant to test on the clean fold (fold 1 of batches 10–13).

Then `rules|near` (same day, rules of 5462be7 — the demands rule since: 督查's rules 11 false
passages on fold 0, not 14): the model may add a theme only to a section whose text holds some of
the theme's words (`has_words`: the rules' near misses, which the model reads alone — cheap — and
whose words a theme page can show), at the lowest threshold with inner precision ≥ 0.95 among
those sections (`near`, chosen inside each training split):

                      labelled set                             held-out texts, fold 0
  作风建设  rules|near   0.92 / 0.86 (1.00 / 0.96)  44/4/7     0.96 / 0.80 (1.00 / 0.91)  55/2/14
  信息报送  rules        1.00 / 0.93 (1.00 / 1.00)  14/0/1     0.93 / 0.60 (0.92 / 0.80)  52/4/35
            rules|near   0.93 / 0.93 (1.00 / 1.00)  14/1/1     0.93 / 0.71 (0.90 / 0.87)  62/5/25
  督查      rules|near   = rules (its threshold ≥ 0.90 adds nothing)

For 信息报送 that keeps the rules' precision on the held-out texts (+10 passages right for +1
wrong; +1 wrong on the labelled set): the variant to integrate for 信息报送 alone — a model file
trained by a command of this script on the labelled set and fold 0 (TF-IDF vocabulary, idf,
weights, the `near` threshold; read with numpy at build time), the section's words shown as its
evidence with the model named, its digest in the conversion key — and then to measure once on the
clean fold (fold 1 of batches 10–13), never on fold 0, which it is trained on.

Integrated (2026-12-01): a theme whose entry in themes.yml says `model: true` (信息报送 only) runs
`themes.classify`'s step 4 — a section no match holds whose own text has some of the theme's
words gets the theme when the model's probability reaches the `near` threshold chosen inside the
training data — with the model of baogao/models/themes.npz (`export`: the labelled set and fold 0
of every held-out batch; numpy reads it, checked equal to scikit-learn's probabilities on every
training unit). `cv`'s `site` row runs that very classify with each split's models; on the
commit that integrated it (rules of 0475db5), out-of-fold by report, TP/FP/FN:

                      labelled set                             held-out texts, fold 0
  信息报送  rules        1.00 / 0.93 (1.00 / 1.00)  14/0/1     0.93 / 0.60 (0.92 / 0.80)  52/4/35
            site         0.93 / 0.93 (1.00 / 1.00)  14/1/1     0.92 / 0.69 (0.90 / 0.87)  60/5/27

Then measured on texts it was never trained on (sections P / R, TP/FP/FN of 信息报送; `python -m
tests.labels held-out 1` restricted to a batch range; the rules alone = `model` taken out of
themes.yml):
  - the clean fold, fold 1 of batches 10–13 (140 passages), once, with the model trained before
    batch 14 existed (threshold 0.5): rules 0.60 / 0.69 (18/12/8) → site 0.62 / 0.96 (25/15/1);
  - batch 14 (fresh/348–373, 69 passages, labelled blind after that model was trained; its first
    measurement, both folds): rules 1.00 / 0.54 (7/0/6) → site 1.00 / 0.69 (9/0/4);
  - fold 1 of batches 1–9 (read before; the rules were tuned on it, so their misses there are
    the hard ones), the shipped model (retrained with batch 14's fold 0, threshold 0.475): rules
    0.88 / 0.82 (50/7/11) → site 0.74 / 0.92 (56/20/5). The sections it adds wrongly are the
    theme's look-alikes in its own words: a 镇's 政务公开 信息发布 rules, a 乡人大's 宣传信息 and
    信息员, 工会 statistical 报表 逐级上报, 突发事件 信息公开 — about 1.8 % of the passages there,
    1.6 % on the clean fold; what it adds rightly depends on what the rules miss (the clean fold's
    rules, tuned on none of it, miss most).
  - batch 15 (fresh/400–415, labelled blind after that model was trained), fold 1 (30 passages):
    rules 1.00 / 0.60 (9/0/6) → site 0.83 / 0.67 (10/2/5) with that model, 0.91 / 0.67 (10/1/5)
    with the model retrained on batch 15's fold 0 (threshold 0.575), which is shipped now.
Over fold 1 of every batch (888 passages): +15 passages right, +16 wrong (rules 0.79 / 0.74 →
site 0.71 / 0.90). Inside the training data the `near` threshold looks safer than it is: its
precision ≥ 0.95 counts the rules' own hits among the near misses (65 right, 3 wrong at 0.475, out
of fold); of the sections it adds there, 6 are right and 3 wrong — the ratio the held-out texts
show too. So on texts nobody tuned on, the model lifts 信息报送's recall by a quarter at the rules'
precision; where the rules were tuned it mostly costs precision. Raising the threshold to 0.8
(fold 1 of batches 1–9: +3 right, +3 wrong instead of +6, +13) is the lever if the pages show too
many look-alikes; it was not chosen, as it would be tuned on those texts rather than inside the
training data.

Since 2026-12-03 `near` is chosen, still inside the training data, on what it adds alone: the lowest
threshold at which the near misses the rules left out are ≥ 0.95 right (out of fold). Retrained with
batch 17's fold 0, the old reading chose 0.525 (3 right, 3 wrong of those), this one 0.675 (2, 0).
`cv` then (rules of the branch i12-xxbs3, held-out fold 0, out of fold by report): rules 0.95 / 0.67
(63/3/31) → site 0.96 / 0.68 (64/3/30) — in 4 of the 5 outer splits the model adds nothing.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

import yaml

from baogao import theme_model
from baogao.theme_model import ThemeModel, normalise
from baogao.themes import THEMES_FILE, Taxonomy, classify, split_sections, taxonomy_from_data, words_in
from tests.labels import (
    HELD_OUT_FILE,
    THEME_LABEL_FILES,
    USER_THEMES,
    Counts,
    LabelledSection,
    _count,
    _covers,
    _non_space_offsets,
    fold_of,
    own_text,
    parsed_report,
    read_labels,
    section_key,
)

OUTER_FOLDS, INNER_FOLDS = 5, 3
HIGH_PRECISION = 0.95
# what a precision is judged on: a threshold whose out-of-fold additions number fewer says nothing of it (on
# 2026-12-06 the near threshold fell to 0.825 on one right addition, and added 3 right and 3 wrong on fold 1)
MIN_JUDGED = 10
THEMES_DATA = yaml.safe_load((Path(__file__).resolve().parents[1] / THEMES_FILE).read_text(encoding="utf-8"))
# The themes whose entry says `model: true`: the ones `export` trains a model for.
MODELLED = [entry["name"] for entry in THEMES_DATA["themes"] if entry.get("model")]
# The rules alone (no theme asks for the model): what the model is trained beside and compared with.
TAXONOMY = taxonomy_from_data({**THEMES_DATA, "themes": [{k: v for k, v in entry.items() if k != "model"}
                                                          for entry in THEMES_DATA["themes"]]}, THEMES_FILE)
# The rules with the model hook on for MODELLED: what a built site runs (`site` variant).
SITE_TAXONOMY = replace(TAXONOMY, themes=tuple(replace(theme, model=theme.name in MODELLED) for theme in TAXONOMY.themes))
NAMES = TAXONOMY.names()
VARIANTS = ("rules", "model", "rules|model", "rules|near", "rules&!model")
THEMES = {theme.name: theme for theme in TAXONOMY.themes}


@dataclass
class Unit:
    """A labelled training/scoring unit: a section (labelled set) or a passage (held-out)."""

    source: str
    text: str
    truth: frozenset[str]
    rules: frozenset[str]


@dataclass
class Case:
    """One report: its parser sections (text, rule themes) and how its labels are scored."""

    source: str
    held: bool  # held-out text: passages scored by coverage; else labelled sections by key
    section_texts: dict[int, str]
    section_rules: dict[int, set[str]]
    section_spans: dict[int, list[tuple[int, int]]]  # held: flat offsets of the section's spans
    keyed: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # labelled: section, truth
    passages: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)  # held: start, end, truth
    units: list[Unit] = field(default_factory=list)


def rule_predictions(report, taxonomy: Taxonomy = TAXONOMY, models=None) -> dict[int, set[str]]:
    """Per section: the themes classify gives it (its own match, or a part of one)."""
    predicted: dict[int, set[str]] = {}
    for match in classify(report, taxonomy, models):
        own = (match.section,) if match.own else ()
        for index in (*own, *(part.section for part in match.parts)):
            predicted.setdefault(index, set()).add(match.theme)
    return predicted


def build_case(source: str, rows: list[LabelledSection], held: bool) -> Case:
    report = parsed_report(source)
    sections = split_sections(report)
    texts = {s.index: own_text(report, s) for s in sections if s.kind != "report"}
    rules = rule_predictions(report)
    case = Case(source, held, {i: t for i, t in texts.items() if t.strip()}, rules, {})
    if not held:
        index_of: dict[str, int] = {}
        for section in sections[1:]:
            index_of.setdefault(section_key(report, section), section.index)
        for row in rows:
            if row.key in index_of:
                i = index_of[row.key]
                case.keyed.append((i, row.themes))
                case.units.append(Unit(source, normalise(texts[i]), row.themes, frozenset(rules.get(i, ()))))
        return case
    offsets, flat = _non_space_offsets(report)
    for section in sections[1:]:
        case.section_spans[section.index] = [(offsets[b][s], offsets[b][e])
                                             for b, s, e in ((section.head,) if section.head else ()) + section.body]
    starts, at = [], 0
    for row in rows:
        found = flat.find(row.key, at)
        if found < 0:
            found = flat.find(row.key)
        if found >= 0:
            starts.append((found, row))
            at = found + 1
    starts.sort(key=lambda item: item[0])
    for k, (start, row) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(flat)
        if end > start:
            case.passages.append((start, end, row.themes))
            got = passage_themes(case, rules, start, end)
            case.units.append(Unit(source, normalise(flat[start:end]), row.themes, frozenset(got)))
    return case


def passage_themes(case: Case, predicted: dict[int, set[str]], start: int, end: int) -> set[str]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for index, themes in predicted.items():
        for theme in themes:
            spans.setdefault(theme, []).extend(case.section_spans.get(index, ()))
    return {theme for theme, theirs in spans.items() if _covers(theirs, start, end)}


def _cache() -> Path:
    """Where the parsed and rule-classified cases are kept between runs: keyed by the labels,
    the taxonomy and the code that cuts and classifies, so a stale cache is never read."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted([root / THEMES_FILE, *(root / "tests" / "data").glob("theme_labels*.tsv"), *(root / "baogao").rglob("*.py")]):
        digest.update(path.read_bytes())
    return Path(tempfile.gettempdir()) / f"baogao-theme-model-{digest.hexdigest()[:16]}.pickle"


def load_cases() -> list[Case]:
    """Every labelled report, parsed and classified by the rules (cached between runs)."""
    cache = _cache()
    try:
        return pickle.loads(cache.read_bytes())
    except (OSError, pickle.UnpicklingError, AttributeError, EOFError):
        pass  # none yet, or written by other code: made again
    cases = []
    for name, held in ((THEME_LABEL_FILES, False), (HELD_OUT_FILE, True)):
        by_source: dict[str, list[LabelledSection]] = {}
        for row in read_labels(name):
            by_source.setdefault(row.source, []).append(row)
        cases.extend(build_case(source, rows, held) for source, rows in sorted(by_source.items()))
    cache.write_bytes(pickle.dumps(cases))
    return cases


# ------------------------------------------------------------------------------------ model


FEATURES = "char"  # "char": character 1–3-grams; "word": jieba words and word pairs (argv)
BALANCED = True  # class_weight="balanced" (argv "unweighted" turns it off)


def _words(text: str) -> list[str]:
    import jieba

    words = [w for w in jieba.lcut(text) if w.strip()]
    return words + [a + "_" + b for a, b in zip(words, words[1:])]


def vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    if FEATURES == "word":
        return TfidfVectorizer(analyzer=_words, sublinear_tf=True, min_df=2, dtype=np.float64)
    return TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=2, dtype=np.float64)


def classifier(c: float = 4.0):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, class_weight="balanced" if BALANCED else None, solver="liblinear", max_iter=1000,
                              random_state=0)


def fit(units: list[Unit], themes=NAMES):
    vec = vectorizer()
    x = vec.fit_transform([u.text for u in units])
    models = {}
    for theme in themes:
        y = np.array([theme in u.truth for u in units])
        models[theme] = classifier().fit(x, y) if 0 < y.sum() < len(y) else None
    return vec, models


def probabilities(vec, models, texts: list[str]) -> dict[str, np.ndarray]:
    x = vec.transform(texts)
    return {t: (m.predict_proba(x)[:, 1] if m is not None else np.zeros(len(texts))) for t, m in models.items()}


def grouped_oof(units: list[Unit], folds: int, themes=NAMES) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities of `units`, grouped by report."""
    from sklearn.model_selection import GroupKFold

    groups = [u.source for u in units]
    out = {t: np.zeros(len(units)) for t in themes}
    for train, test in GroupKFold(n_splits=folds).split(units, groups=groups):
        vec, models = fit([units[i] for i in train], themes)
        probs = probabilities(vec, models, [units[i].text for i in test])
        for t in themes:
            out[t][test] = probs[t]
    return out


def has_words(theme: str, text: str) -> bool:
    """Whether a (normalised) text holds one of the theme's words or patterns of weight > 0: the
    rules' near misses are the sections that do and still did not reach the threshold."""
    return bool(words_in(THEMES[theme], text)[1])


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def thresholds(units: list[Unit], oof: dict[str, np.ndarray]) -> dict[str, dict[str, float]]:
    """Per theme of `oof`: the model's F1 threshold, the OR (high precision) one, the near-miss
    one, the veto one."""
    grid = np.round(np.arange(0.05, 1.0, 0.025), 3)
    chosen = {}
    for t in oof:
        y = np.array([t in u.truth for u in units])
        r = np.array([t in u.rules for u in units])
        w = np.array([has_words(t, u.text) for u in units])
        p = oof[t]

        def counts(pred):
            return int((pred & y).sum()), int((pred & ~y).sum()), int((~pred & y).sum())

        def precise(pred) -> bool:
            tp, fp, _ = counts(pred)
            return tp + fp >= MIN_JUDGED and tp / (tp + fp) >= HIGH_PRECISION

        best_f1 = max(grid, key=lambda g: (_f1(*counts(p >= g)), g))
        high = next((g for g in grid if precise(p >= g)), 1.01)  # 1.01: never adds
        # judged on what it adds, the rules' near misses (the theme's words, not the rules' hit): the rules' own
        # hits, right already, would hide its wrong additions (3 right and 3 wrong of them at 0.525)
        near = next((g for g in grid if precise((p >= g) & w & ~r)), 1.01)
        veto = max(grid, key=lambda g: (_f1(*counts(r & (p >= g))), -g))
        if _f1(*counts(r & (p >= veto))) <= _f1(*counts(r)):
            veto = 0.0  # the veto does not help inside the training split: none
        chosen[t] = {"model": float(best_f1), "or": float(high), "near": float(near), "veto": float(veto)}
    return chosen


def combine(variant: str, rules: set[str], probs: dict[str, float], th: dict[str, dict[str, float]], themes=NAMES,
            text: str = "") -> set[str]:
    if variant == "rules":
        return set(rules)
    if variant == "model":
        return {t for t in themes if probs[t] >= th[t]["model"]}
    if variant == "rules|model":
        return set(rules) | {t for t in themes if probs[t] >= th[t]["or"]}
    if variant == "rules|near":
        return set(rules) | {t for t in themes if probs[t] >= th[t]["near"] and has_words(t, text)}
    return {t for t in rules if t not in themes or probs[t] >= th[t]["veto"]}


# ------------------------------------------------------------------------------------ scoring


@dataclass
class Score:
    sections: dict[str, Counts] = field(default_factory=lambda: {n: Counts() for n in NAMES})
    reports: dict[str, Counts] = field(default_factory=lambda: {n: Counts() for n in NAMES})


def score_case(case: Case, predicted: dict[int, set[str]], score: Score) -> None:
    if case.held:
        truth_report: set[str] = set()
        for start, end, truth in case.passages:
            got = passage_themes(case, predicted, start, end)
            truth_report |= truth
            for n in NAMES:
                _count(score.sections[n], n in got, n in truth)
    else:
        truth_report = set().union(*(truth for _, truth in case.keyed)) if case.keyed else set()
        for index, truth in case.keyed:
            got = predicted.get(index, set())
            for n in NAMES:
                _count(score.sections[n], n in got, n in truth)
    got_report = set().union(*predicted.values()) if predicted else set()
    for n in NAMES:
        _count(score.reports[n], n in got_report, n in truth_report)


def section_probabilities(case: Case, vec, models) -> dict[int, dict[str, float]]:
    indices = list(case.section_texts)
    probs = probabilities(vec, models, [normalise(case.section_texts[i]) for i in indices]) if indices else {}
    return {i: {t: float(probs[t][k]) for t in NAMES} for k, i in enumerate(indices)}


def predict_case(case: Case, probs: dict[int, dict[str, float]], th, variant: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for i, p in probs.items():
        got = combine(variant, case.section_rules.get(i, set()), p, th, text=normalise(case.section_texts[i]))
        if got:
            out[i] = got
    for i, themes in case.section_rules.items():  # sections without own text (section 0, a bare heading)
        if i not in case.section_texts and variant in ("rules", "rules|model", "rules|near", "rules&!model"):
            out.setdefault(i, set()).update(themes)
    return out


def format_table(title: str, scores: dict[str, Score]) -> str:
    lines = [title, f"{'theme':<8} {'variant':<13} {'sec P':>6} {'sec R':>6} {'rep P':>6} {'rep R':>6}  (sections TP/FP/FN)"]
    for n in NAMES:
        for variant, s in scores.items():
            sec, rep = s.sections[n], s.reports[n]
            if n not in USER_THEMES and not (sec.tp + sec.fp + sec.fn):
                continue
            lines.append(f"{n:<8} {variant:<13} {sec.precision:6.2f} {sec.recall:6.2f} {rep.precision:6.2f} {rep.recall:6.2f}"
                         f"  ({sec.tp}/{sec.fp}/{sec.fn})")
    return "\n".join(lines)


def train_with_thresholds(units: list[Unit], themes=NAMES):
    th = thresholds(units, grouped_oof(units, INNER_FOLDS, themes))
    vec, models = fit(units, themes)
    return vec, models, th


def theme_models(vec, models, th) -> dict[str, ThemeModel]:
    """The trained models of MODELLED as a site reads them (baogao.theme_model), each adding its
    theme to near misses from its `near` threshold."""
    columns = {term: int(column) for term, column in vec.vocabulary_.items()}
    return {t: ThemeModel(t, columns, np.asarray(vec.idf_, dtype=np.float64), np.asarray(models[t].coef_[0], dtype=np.float64),
                          float(models[t].intercept_[0]), th[t]["near"]) for t in MODELLED}


def training_units(cases: list[Case]) -> list[Unit]:
    """What the model is trained on: the labelled set and fold 0 of the held-out texts."""
    return [u for c in cases if not c.held or fold_of(c.source) == 0 for u in c.units]


def training_digest(units: list[Unit]) -> str:
    """The digest of what a model file is made from — the units, their labels, whether they hold
    the words of each modelled theme (which sets the `near` threshold) and the settings — kept in
    the file, so that a test can tell a model trained on labels that have changed since."""
    digest = hashlib.sha256(repr((FEATURES, BALANCED, INNER_FOLDS, HIGH_PRECISION, MIN_JUDGED, MODELLED)).encode())
    for u in units:
        digest.update(repr((u.source, u.text, sorted(u.truth), [has_words(t, u.text) for t in MODELLED])).encode())
    return digest.hexdigest()


def export(cases: list[Case]) -> None:
    """Train the models of MODELLED on everything allowed and write MODEL_FILE; checks first that
    the site's numpy reading gives scikit-learn's probabilities on every training unit."""
    units = training_units(cases)
    vec, models, th = train_with_thresholds(units, MODELLED)
    found = theme_models(vec, models, th)
    texts = [u.text for u in units]
    expected = probabilities(vec, models, texts)
    for t, model in found.items():
        worst = max(abs(model.probability(text) - p) for text, p in zip(texts, expected[t]))
        assert worst < 1e-9, f"{t}: the numpy reading differs from scikit-learn by {worst}"
        print(f"{t}: {len(model.columns)} terms, near threshold {model.threshold}, "
              f"{sum(u.text != '' and t in u.truth for u in units)} positive of {len(units)} units")
    theme_model.save(theme_model.MODEL_FILE, list(found.values()), training_digest(units))
    print(f"written {theme_model.MODEL_FILE}")


def cross_validate(cases: list[Case]) -> None:
    from sklearn.model_selection import GroupKFold

    allowed = [c for c in cases if not c.held or fold_of(c.source) == 0]
    labelled = {v: Score() for v in (*VARIANTS, "site")}
    held = {v: Score() for v in (*VARIANTS, "site")}
    chosen = []
    for train, test in GroupKFold(n_splits=OUTER_FOLDS).split(allowed, groups=[c.source for c in allowed]):
        units = [u for i in train for u in allowed[i].units]
        vec, models, th = train_with_thresholds(units)
        chosen.append(th)
        site_models = theme_models(vec, models, th)
        for i in test:
            case = allowed[i]
            probs = section_probabilities(case, vec, models)
            for v in VARIANTS:
                score_case(case, predict_case(case, probs, th, v), (held if case.held else labelled)[v])
            # `site`: classify as a built site runs it, with this split's models for MODELLED
            site = rule_predictions(parsed_report(case.source), SITE_TAXONOMY, site_models)
            score_case(case, site, (held if case.held else labelled)["site"])
    print(format_table("labelled set (theme_labels.tsv), out-of-fold by report:", labelled))
    print(format_table("\nheld-out texts, fold 0 only, out-of-fold by report:", held))
    print("\nthresholds chosen per outer fold (model / or / near / veto):")
    for t in USER_THEMES:
        print(t, [f"{th[t]['model']:.2f}/{th[t]['or']:.2f}/{th[t]['near']:.2f}/{th[t]['veto']:.2f}" for th in chosen])


def final(cases: list[Case]) -> None:
    """Train on everything allowed, score held-out fold 1 (at most twice, ever)."""
    allowed = [c for c in cases if not c.held or fold_of(c.source) == 0]
    vec, models, th = train_with_thresholds([u for c in allowed for u in c.units])
    held = {v: Score() for v in VARIANTS}
    for case in cases:
        if case.held and fold_of(case.source) == 1:
            probs = section_probabilities(case, vec, models)
            for v in VARIANTS:
                score_case(case, predict_case(case, probs, th, v), held[v])
    print(format_table("held-out texts, fold 1 (final test):", held))
    print({t: th[t] for t in USER_THEMES})


def main(argv: list[str]) -> None:
    global FEATURES, BALANCED
    if len(argv) == 2 and argv[1] == "export":
        export(load_cases())
    elif len(argv) >= 2 and argv[1] in ("cv", "final"):
        FEATURES = "word" if "word" in argv else "char"
        BALANCED = "unweighted" not in argv
        all_cases = load_cases()
        (cross_validate if argv[1] == "cv" else final)(all_cases)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    # run as tests.theme_model, not __main__: the cached cases then unpickle from the tests too
    from tests import theme_model

    theme_model.main(sys.argv)
