"""Search normalisation and query syntax, shared by the index builder and the query engines.

The browser engine (baogao-search.js) implements the same rules; tests compare the two.
- Each character is NFKC-folded and lower-cased on its own (８．１％ → 8.1%, Ａ → a), and a
  traditional character folds to its simplified one (黨 → 党, baogao.search.variants);
- white space is dropped, so a phrase broken across a line still matches;
- positions count normalised characters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import numpy as np
from dataclasses import dataclass

from baogao.search import variants

# Python's str.isspace() set, spelled out so that the JavaScript engine can use the same one.
WHITE_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0"
    "\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_WHITE = frozenset(WHITE_SPACE)


@lru_cache(maxsize=1 << 16)  # pure; an archive uses a few thousand distinct characters
def fold_char(ch: str) -> str:
    """The normalised form of one character ("" for white space)."""
    folded = unicodedata.normalize("NFKC", ch).lower()
    simplified = variants.table()
    return "".join(simplified.get(c, c) for c in folded if c not in _WHITE)


def normalize(text: str) -> str:
    return "".join(map(fold_char, text))


def normalize_with_offsets(text: str) -> tuple[str, np.ndarray]:
    """(normalised text, for each normalised character the index of its source character)."""
    parts = list(map(fold_char, text))
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
    return "".join(parts), np.repeat(np.arange(len(text), dtype=np.int64), lengths)


@dataclass(frozen=True)
class Query:
    """Parts that must all occur (AND) and parts that must not; each an exact, normalised phrase."""

    include: tuple[str, ...]
    exclude: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not self.include


# parts are cut at WHITE_SPACE, not at \S's idea of it, which differs between Python and JavaScript (\x85, \ufeff)
_TOKEN = re.compile(rf'(-?)"([^"]*)"?|([^{re.escape(WHITE_SPACE)}]+)')


def parse_query(raw: str) -> Query:
    """`作风建设 -督查 "work report"`: space-separated parts AND'ed, `-` excludes, quotes group. A query whose
    every part would be excluded reads its unquoted parts as written, minus sign and all: `-2.3%` is a fall of
    2.3 % to find, not nothing to find in every report."""
    parts: list[tuple[str, str, str]] = []  # (negate, phrase, the part as written when unquoted)
    for match in _TOKEN.finditer(raw):
        negate, quoted, bare = match.groups()
        if bare is not None:
            negate, phrase = ("-", bare[1:]) if bare.startswith("-") and len(bare) > 1 else ("", bare)
        else:
            phrase = quoted
        if normalize(phrase):
            parts.append((negate, normalize(phrase), normalize(bare or "")))
    if not any(not negate for negate, _, _ in parts):
        parts = [("", written, written) if written else (negate, phrase, written) for negate, phrase, written in parts]
    include = [phrase for negate, phrase, _ in parts if not negate]
    exclude = [phrase for negate, phrase, _ in parts if negate]
    return Query(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)))
