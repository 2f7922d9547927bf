"""Keywords: the few words that set one report apart, by TF-IDF over jieba's word cut.

`keywords(report_text, k)` runs once per report, after parse, on its kept text
(`ParsedReport.text()`). Words are cut by jieba's algorithm and dictionary as implemented in
Rust by jieba-rs (`rjieba`: the same segmentation as `jieba.cut(HMM=False)`, tested on the seed
and corpus reports, ~20x faster — this runs on every report and was most of the conversion
time at 10 000 reports), with the government terms of `data/gov_userdict.txt` added
(一岗双责, 马上就办 stay whole). Words are ranked by jieba's bundled IDF table
(`jieba/analyse/idf.txt`, read as a file), and office boilerplate (`data/stopwords.txt`:
工作, 加强, 推进 …) never counts. The result is deterministic: equal scores are ordered by first
occurrence in the text (as a word).

Nothing happens at import: the tokenizer and the IDF table are built on the first call, once per
process (`functools.lru_cache`); jieba itself is never imported, so its global state (default
tokenizer, a logger printing to stderr) is never touched.
"""

from __future__ import annotations

import heapq
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")
USER_DICT = DATA / "gov_userdict.txt"
STOPWORDS = DATA / "stopwords.txt"

_HAN = re.compile(r"[\u4e00-\u9fff]")
# Tokens that are redaction marks or carry them (xx县, **, ××) are not words of the report.
_MARKS = re.compile(r"[*＊×]|[xXｘＸ]{2}")
_DICT_LINE = re.compile(r"^(\S+)(?:\s+(\d+))?(?:\s+([a-z]+))?$")


def keywords(report_text: str, k: int = 8) -> list[str]:
    """The `k` best TF-IDF keywords of a report, best first; each occurs in the text."""
    if k <= 0 or not report_text.strip():
        return []
    model = _model()
    # As jieba's TFIDF.extract_tags, but cut without the HMM: words the dictionaries do not know
    # are not keywords anyway. Counter keeps the words in the order of their first occurrence.
    words = Counter(model.tokenizer.cut(report_text, hmm=False))
    weights = model.weights
    for word in [word for word in words if word not in weights]:
        weights[word] = model.weight(word)
    freq = [(word, count, idf) for word, count in words.items() if (idf := weights[word]) is not None]
    total = sum(count for _, count, _ in freq)
    # Stable ties: equal scores in the order the words first occur. nsmallest is sorted()[:k].
    ranked = heapq.nsmallest(k, [(-(count * idf / total), order, word) for order, (word, count, idf) in enumerate(freq)])
    return [word for _, _, word in ranked]


def cut(text: str) -> list[str]:
    """The words of `text` as the keywords are cut (jieba's dictionary and the user dictionary)."""
    return list(_model().tokenizer.cut(text, hmm=False))


def read_user_dict(path: Path = USER_DICT) -> list[tuple[str, int | None, str | None]]:
    """(word, frequency, part of speech) entries of a jieba user dictionary with # comments."""
    entries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = _DICT_LINE.match(line)
        if not m:
            raise ValueError(f"{path.name}:{number}: expected 'WORD [FREQ] [TAG]', got {line!r}")
        word, freq, tag = m.groups()
        entries.append((word, int(freq) if freq else None, tag))
    return entries


def read_stopwords(path: Path = STOPWORDS) -> frozenset[str]:
    """The stop words, one a line, # comments and blank lines skipped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _is_keyword(word: str, stop: frozenset[str]) -> bool:
    return len(word) >= 2 and word not in stop and bool(_HAN.search(word)) and not _MARKS.search(word)


@dataclass(frozen=True)
class _Model:
    tokenizer: Any  # rjieba.Jieba with the user dictionary
    idf: dict[str, float]
    median_idf: float
    stop_words: frozenset[str]
    # word → its IDF if it may be a keyword, else None; filled as words are met: a report's words
    # are mostly those of the reports before it, and judging each anew was most of the time
    weights: dict[str, float | None] = field(default_factory=dict)

    def weight(self, word: str) -> float | None:
        return self.idf.get(word, self.median_idf) if _is_keyword(word, self.stop_words) else None


def read_idf(path: Path) -> tuple[dict[str, float], float]:
    """jieba's IDF table ('word idf' lines) and its median, as jieba.analyse.TFIDF computes it.

    Read as one run of white-space-separated pairs (no word of the table holds white space:
    tests/test_keywords.py checks it against jieba's line by line reading): a third of the time,
    paid by every build that converts a report."""
    tokens = path.read_text(encoding="utf-8").split()
    idf = dict(zip(tokens[0::2], map(float, tokens[1::2])))
    return idf, sorted(idf.values())[len(idf) // 2]


def jieba_idf_path() -> Path:
    """jieba's bundled IDF table, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise RuntimeError("jieba is not installed: its IDF table ranks the keywords (pip install jieba)")
    return Path(spec.origin).parent / "analyse" / "idf.txt"


@lru_cache(maxsize=1)
def _model() -> _Model:
    """The tokenizer with the user dictionary, the IDF table and the stop words; built once.

    Runs on the first call of `keywords` in a process, never at import.
    """
    import rjieba  # its import builds a default tokenizer: only when keywords are wanted

    tokenizer = rjieba.Jieba()
    for word, freq, tag in read_user_dict():
        tokenizer.add_word(word, freq, tag)
    idf, median = read_idf(jieba_idf_path())
    return _Model(tokenizer, idf, median, read_stopwords())
