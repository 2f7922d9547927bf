"""Keywords: the few words that set one report apart, by jieba's TF-IDF.

`keywords(report_text, k)` runs once per report, after parse, on its kept text
(`ParsedReport.text()`). Words are cut by a private jieba tokenizer that knows the government
terms of `data/gov_userdict.txt` (一岗双责, 马上就办 stay whole), ranked by jieba's TF-IDF with
its bundled IDF table, and office boilerplate (`data/stopwords.txt`: 工作, 加强, 推进 …) never
counts. The result is deterministic: equal scores are ordered by first occurrence in the text.

jieba keeps global state (its default tokenizer `jieba.dt`, a logger that prints to stderr at
DEBUG level). This module leaves it alone: nothing happens at import; on the first call it
builds its own `jieba.Tokenizer` and `TFIDF` extractor, once per process (`functools.lru_cache`),
and jieba's messages while loading its dictionary are held back by raising the "jieba" logger's
level for the duration of that call only, then restoring it. Building takes a few seconds
and, as jieba does, caches the main dictionary in the temp directory (jieba.cache).
"""

from __future__ import annotations

import logging
import re
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

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
    extractor = _extractor()
    stop = extractor.stop_words
    # jieba's TFIDF.extract_tags, but cutting without the HMM: ~35 % faster (this runs on every
    # report), and words the dictionaries do not know are not keywords anyway.
    freq: dict[str, int] = {}
    for word in extractor.tokenizer.cut(report_text, HMM=False):
        if _is_keyword(word, stop):
            freq[word] = freq.get(word, 0) + 1
    total = sum(freq.values())
    first_seen: dict[str, int] = {}
    ranked = []
    for word, count in freq.items():
        first_seen[word] = report_text.find(word)
        ranked.append((word, count * extractor.idf_freq.get(word, extractor.median_idf) / total))
    # Stable ties: the same text always gives the same list, whatever the order jieba returns.
    ranked.sort(key=lambda ws: (-ws[1], first_seen[ws[0]], ws[0]))
    return [word for word, _ in ranked[:k]]


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


def _is_keyword(word: str, stop: set[str]) -> bool:
    return len(word) >= 2 and word not in stop and bool(_HAN.search(word)) and not _MARKS.search(word)


@lru_cache(maxsize=1)
def _extractor() -> Any:
    """jieba's TF-IDF extractor on a private tokenizer with the user dictionary; built once.

    Runs on the first call of `keywords` in a process, never at import.
    """
    import jieba  # imported here: jieba's import sets up its logger and default tokenizer
    import jieba.analyse
    import jieba.posseg

    with _quiet("jieba"):
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        for word, freq, tag in read_user_dict():
            tokenizer.add_word(word, freq, tag)
        extractor = jieba.analyse.TFIDF(idf_path=None)  # None: jieba's bundled IDF table
    extractor.tokenizer = tokenizer
    extractor.postokenizer = jieba.posseg.POSTokenizer(tokenizer)
    extractor.stop_words = set(extractor.stop_words) | read_stopwords()
    return extractor


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Hold back a logger's messages below WARNING for the duration of the block."""
    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(max(level, logging.WARNING))
    try:
        yield
    finally:
        logger.setLevel(level)
