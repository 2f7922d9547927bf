"""Collocates: the words that stand most often right before and right after a query's wording.

Runs in `baogao collocates` over the concordance (and in the browser engine's `collocates`
over the same lines): each report's text is cut into words when the site is built (jieba, as
the keywords are, over the whole text: baogao.search.textstore), and the word that ends where an
occurrence starts is counted, likewise the word that starts where it ends (a hit that starts or
ends inside a word counts that word's part). A neighbour that is punctuation, white space or a function word of the
FUNCTION_WORDS (的, 和 …) is no collocate: that occurrence then counts on that side for nothing. Each collocate comes with the longer phrase
to search (一岗双责 + 落实 → 落实一岗双责).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from baogao.analysis.concordance import Line

_WORD = re.compile(r"[\w]", re.UNICODE)  # a word has a letter, digit or Chinese character
# Words that only join others: next to any wording they say nothing about how it is used.
FUNCTION_WORDS = frozenset("的 地 得 了 着 过 和 与 及 并 或 而 在 把 被 对 向 从 以 为 于 是 等 之 其 也 都 就 又 这 那 该 此".split())
TOP = 10  # collocates listed on each side
# What the browser engine's `collocates` reads from the index manifest (the same rules).
SETTINGS = {"function_words": sorted(FUNCTION_WORDS), "top": TOP}


@dataclass(frozen=True)
class Collocate:
    word: str
    count: int
    phrase: str  # the word joined to the query's wording, to search


def collocates(lines: list[Line], phrase: str, top: int = TOP) -> tuple[list[Collocate], list[Collocate]]:
    """(words right before, words right after) the occurrences, most frequent first; `phrase`
    is the wording the longer phrases to search are built with."""
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for line in lines:
        if _is_collocate(line.before):
            before[line.before] += 1
        if _is_collocate(line.after):
            after[line.after] += 1
    return ([Collocate(w, n, w + phrase) for w, n in _ranked(before, top)],
            [Collocate(w, n, phrase + w) for w, n in _ranked(after, top)])


def _is_collocate(word: str) -> bool:
    return bool(word.strip()) and bool(_WORD.search(word)) and word not in FUNCTION_WORDS


def _ranked(counts: Counter[str], top: int) -> list[tuple[str, int]]:
    """Most frequent first; equal counts in the order of the words (stable across runs)."""
    return sorted(counts.items(), key=lambda wc: (-wc[1], wc[0]))[:top]
