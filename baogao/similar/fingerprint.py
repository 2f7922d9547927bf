"""What "near" means: winnowed character k-gram fingerprints of a text's skeleton (MOSS).

Runs wherever a text is fingerprinted: for every report when the index is built
(`baogao.similar.index`) and for a draft when it is checked (`baogao.similar.match`, and the
browser's twin, which reads every constant below from the index manifest, `SETTINGS`).

- The skeleton of a text is its letters and digits, each character NFKC-folded and lower-cased
  (full-width forms, traditional variants of digits …); punctuation, symbols and white space are
  dropped, so changed punctuation never breaks a match. Each skeleton character remembers the
  offset (code point) of its source character, and whether a clause ends before it (a dropped
  punctuation mark or a line break there).
- Every K consecutive skeleton characters (a k-gram) get a 32-bit FNV-1a hash; of every WINDOW
  consecutive hashes the smallest (the rightmost of equals) is a fingerprint (robust winnowing):
  about 2 / (WINDOW + 1) of the positions. Two texts that share K + WINDOW − 1 = 12 skeleton
  characters in a row always share a fingerprint of them.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

K = 7  # characters per k-gram (a chance match of 7 characters is rare)
WINDOW = 6  # k-grams per winnowing window: exact reuse of K + WINDOW - 1 = 12 characters is always found
GAP = 24  # fingerprints of one report at most this many skeleton characters apart are one passage
SNAP = 12  # a passage of 2+ fingerprints is widened to the clause ends within this many characters
# A passage is reuse, counted in a draft's `covered`, when the report holds at least this many of
# its fingerprints: one shared fingerprint may be a coincidence of K characters (it is still
# shown: exact reuse of 12 characters may share only one), while exact reuse of
# K + 2·WINDOW − 1 = 18 characters always shares two (two windows side by side).
REUSE_PRINTS = 2
SETTINGS = {"k": K, "window": WINDOW, "gap": GAP, "snap": SNAP, "reuse": REUSE_PRINTS}
_SPACES = " \t\u3000"  # dropped without ending a clause (every other dropped character ends one)
_FNV_OFFSET, _FNV_PRIME = 2166136261, 16777619


@dataclass(frozen=True)
class Skeleton:
    codes: np.ndarray  # code points of the kept characters (uint32)
    origin: np.ndarray  # offset of each one's source character in the text (int64)
    breaks: np.ndarray  # True where a clause ends before the character (bool)


@lru_cache(maxsize=None)
def fold(ch: str) -> str:
    """A character's skeleton characters: NFKC, lower case, letters and digits only."""
    return "".join(c for c in unicodedata.normalize("NFKC", ch).lower() if unicodedata.category(c)[0] in "LN")


def skeleton(text: str) -> Skeleton:
    """Array work: each distinct character is folded once (`fold`), then every character takes
    its fold's code points from one table (a report has a few thousand distinct characters and
    hundreds of thousands of characters)."""
    chars = np.frombuffer(text.encode("utf-32-le"), "<u4")
    distinct, which = np.unique(chars, return_inverse=True)
    folds = [fold(chr(c)) for c in distinct.tolist()]
    widths = np.array([len(f) for f in folds], np.int64)
    table = np.array([ord(c) for f in folds for c in f], np.uint32)
    firsts = np.cumsum(widths) - widths
    spaces = np.isin(distinct, np.array([ord(c) for c in _SPACES], np.uint32))
    width = widths[which]
    origin = np.repeat(np.arange(len(chars), dtype=np.int64), width)
    offset = np.cumsum(width) - width  # each character's first code in the skeleton
    codes = table[np.repeat(firsts[which] - offset, width) + np.arange(len(origin))]
    # a clause ends before a kept character when a dropped character other than a space stands
    # between it and the kept one before it (the text's start counts as such)
    kept = np.flatnonzero(width)
    ends = np.cumsum((width == 0) & ~spaces[which])[kept]
    breaks = np.zeros(len(origin), bool)
    breaks[offset[kept]] = ends > np.concatenate(([-1], ends[:-1]))
    return Skeleton(codes, origin, breaks)


def kgram_hashes(codes: np.ndarray) -> np.ndarray:
    """FNV-1a (32 bit) of each k-gram's code points, in text order."""
    n = len(codes) - K + 1
    if n <= 0:
        return np.zeros(0, np.uint64)
    h = np.full(n, _FNV_OFFSET, np.uint64)
    wide = codes.astype(np.uint64)
    for i in range(K):
        h = ((h ^ wide[i: i + n]) * np.uint64(_FNV_PRIME)) & np.uint64(0xFFFFFFFF)
    return h


def winnow(hashes: np.ndarray) -> np.ndarray:
    """Positions of the fingerprints: in each window of WINDOW hashes the rightmost smallest
    (a text shorter than one window: its one smallest), each position once, ascending."""
    if not len(hashes):
        return np.zeros(0, np.int64)
    width = min(WINDOW, len(hashes))
    windows = np.lib.stride_tricks.sliding_window_view(hashes, width)
    rightmost = width - 1 - np.argmin(windows[:, ::-1], axis=1)
    return np.unique(np.arange(len(windows)) + rightmost)


def fingerprints(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(hashes, positions) of a skeleton's fingerprints."""
    hashes = kgram_hashes(codes)
    positions = winnow(hashes)
    return hashes[positions].astype(np.uint32), positions
