"""The trained theme model: it may add a theme to a section that holds some of the theme's
words but whose rule score stayed short of the threshold (issue 12; the rules' near misses).

Runs inside `themes.classify`, after the rules, for each theme whose entry in themes.yml says
`model: true`. Only numpy is needed here: the model is a character 1–3-gram TF-IDF (sublinear
tf, smooth idf, l2 norm: scikit-learn's `TfidfVectorizer(analyzer="char")`) and a logistic
regression, trained by `python -m tests.theme_model export` on the labelled sets and written to
MODEL_FILE with the probability threshold chosen inside the training data (README "Themes").
Its digest is part of the taxonomy's, so a new model classifies every report again.
"""

from __future__ import annotations

import functools
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from baogao.search.variants import to_simplified

MODEL_FILE = Path(__file__).parent / "models" / "themes.npz"
NGRAMS = (1, 3)  # character n-gram lengths the model reads
_WHITE = re.compile(r"\s\s+")


def normalise(text: str) -> str:
    """What the model reads: simplified characters, no white space (as the rules match)."""
    return "".join(to_simplified(text).split())


def char_ngrams(text: str) -> Counter[str]:
    """The text's character n-grams, counted as scikit-learn's char analyzer counts them
    (lower case, runs of white space made one space, every n of NGRAMS at every position)."""
    text = _WHITE.sub(" ", text.lower())
    grams: Counter[str] = Counter()
    low, high = NGRAMS
    for n in range(low, min(high, len(text)) + 1):
        grams.update(text[i:i + n] for i in range(len(text) - n + 1))
    return grams


@dataclass(frozen=True)
class ThemeModel:
    """One theme's model: term → column, the terms' idf and weights, and the probability from
    which it adds the theme to a near miss."""

    theme: str
    columns: dict[str, int] = field(repr=False)
    idf: np.ndarray = field(repr=False)
    coef: np.ndarray = field(repr=False)
    intercept: float
    threshold: float

    def probability(self, text: str) -> float:
        """P(the theme) of a normalised text."""
        found = [(self.columns[gram], count) for gram, count in char_ngrams(text).items() if gram in self.columns]
        if not found:
            return 1.0 / (1.0 + math.exp(-self.intercept))
        columns = np.fromiter((c for c, _ in found), dtype=np.int64, count=len(found))
        tf = 1.0 + np.log(np.fromiter((n for _, n in found), dtype=np.float64, count=len(found)))
        weights = tf * self.idf[columns]
        decision = float(weights @ self.coef[columns]) / float(np.linalg.norm(weights)) + self.intercept
        return 1.0 / (1.0 + math.exp(-decision))


@dataclass(frozen=True)
class Models:
    """The models of MODEL_FILE by theme, and the file's digest (part of the taxonomy's)."""

    by_theme: dict[str, ThemeModel]
    digest: str
    training: str  # the digest of the data and settings it was trained from (tests/theme_model.py)


def save(path: Path, models: list[ThemeModel], training: str) -> None:
    """Write models (the training command calls this). Terms are stored as one text, a term a
    line (a normalised text has no line breaks), weights as float64: the file is the model."""
    arrays: dict[str, np.ndarray] = {"themes": np.array([m.theme for m in models]), "training": np.array(training)}
    for k, model in enumerate(models):
        terms = sorted(model.columns, key=model.columns.__getitem__)
        arrays[f"terms{k}"] = np.frombuffer("\n".join(terms).encode("utf-8"), dtype=np.uint8)
        arrays[f"idf{k}"] = np.asarray(model.idf, dtype=np.float64)
        arrays[f"coef{k}"] = np.asarray(model.coef, dtype=np.float64)
        arrays[f"scalars{k}"] = np.array([model.intercept, model.threshold], dtype=np.float64)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        np.savez_compressed(out, allow_pickle=False, **arrays)


@functools.cache
def load(path: Path = MODEL_FILE) -> Models:
    """The models of a file, read once a process (by the first classification that needs one)."""
    raw = path.read_bytes()
    with np.load(path, allow_pickle=False) as data:
        models = {}
        for k, theme in enumerate(data["themes"].tolist()):
            terms = data[f"terms{k}"].tobytes().decode("utf-8").split("\n")
            intercept, threshold = data[f"scalars{k}"].tolist()
            models[theme] = ThemeModel(theme, {t: n for n, t in enumerate(terms)}, data[f"idf{k}"], data[f"coef{k}"],
                                       intercept, threshold)
        training = str(data["training"])
    return Models(models, hashlib.sha256(raw).hexdigest(), training)
