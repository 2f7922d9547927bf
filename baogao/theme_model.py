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
import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from baogao.search.variants import to_simplified

MODEL_FILE = Path(__file__).parent / "models" / "themes.npz"
NGRAMS = (1, 3)  # character n-gram lengths the model reads
_BITS = 21  # bits of a Unicode code point
_WHITE = re.compile(r"\s\s+")


def normalise(text: str) -> str:
    """What the model reads: simplified characters, no white space (as the rules match)."""
    return "".join(to_simplified(text).split())


def _codes(text: str) -> np.ndarray:
    """The text as scikit-learn's char analyzer reads it (lower case, runs of white space made
    one space), one code point per character."""
    return np.frombuffer(_WHITE.sub(" ", text.lower()).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)


def _gram_keys(codes: np.ndarray, n: int) -> np.ndarray:
    """Every n-gram of the code points as one integer (a code point takes 21 bits: 3 fit in 63)."""
    keys = codes[: len(codes) - n + 1].copy()
    for k in range(1, n):
        keys = (keys << _BITS) | codes[k: len(codes) - n + 1 + k]
    return keys


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
    # per n-gram length: the terms' integer keys (sorted) and their columns, so that all of a
    # text's n-grams are looked up at once in numpy, not gram by gram
    _lookup: dict[int, tuple[np.ndarray, np.ndarray]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # vectorised: the model has ~150 000 terms, and it is loaded by every build that classifies a report
        terms = list(self.columns)
        columns = np.fromiter(self.columns.values(), np.int64, len(terms))
        lengths = np.fromiter(map(len, terms), np.int64, len(terms))
        codes = np.frombuffer("".join(terms).encode("utf-32-le"), np.uint32).astype(np.int64)
        starts = np.cumsum(lengths) - lengths
        lookup = {}
        for n in np.unique(lengths[lengths > 0]).tolist():
            which = np.flatnonzero(lengths == n)
            keys = np.zeros(len(which), np.int64)
            for k in range(n):
                keys = (keys << _BITS) | codes[starts[which] + k]
            order = np.argsort(keys, kind="stable")
            lookup[n] = (keys[order], columns[which][order])
        object.__setattr__(self, "_lookup", lookup)

    def probability(self, text: str) -> float:
        """P(the theme) of a normalised text."""
        codes = _codes(text)
        found = []
        low, high = NGRAMS
        for n in range(low, min(high, len(codes)) + 1):
            if n in self._lookup:
                keys, columns = self._lookup[n]
                grams = _gram_keys(codes, n)
                at = np.minimum(np.searchsorted(keys, grams), len(keys) - 1)
                found.append(columns[at[keys[at] == grams]])
        if not found or not sum(len(f) for f in found):
            return 1.0 / (1.0 + math.exp(-self.intercept))
        present, counts = np.unique(np.concatenate(found), return_counts=True)
        weights = (1.0 + np.log(counts)) * self.idf[present]
        decision = float(weights @ self.coef[present]) / float(np.linalg.norm(weights)) + self.intercept
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
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:
        models = {}
        for k, theme in enumerate(data["themes"].tolist()):
            terms = data[f"terms{k}"].tobytes().decode("utf-8").split("\n")
            intercept, threshold = data[f"scalars{k}"].tolist()
            models[theme] = ThemeModel(theme, {t: n for n, t in enumerate(terms)}, data[f"idf{k}"], data[f"coef{k}"],
                                       intercept, threshold)
        training = str(data["training"])
    return Models(models, hashlib.sha256(raw).hexdigest(), training)
