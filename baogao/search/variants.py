"""Traditional characters fold to simplified ones in search: 黨 finds what 党 finds.

OpenCC's t2s conversion, applied one character at a time, so that a folded text has exactly as
many characters as its source and every position still points at the character the reader sees
(a phrase-level conversion could change lengths). The table is built from the pinned OpenCC
library the first time a character is folded (index build, CLI query); the index builder hands
it to the browser engine in the manifest, so both fold with the same table.
"""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# The blocks of CJK ideographs a report uses (URO and extension A); compatibility ideographs
# reach them through NFKC first.
_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF))


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """{traditional character: simplified character} for every character t2s changes alone."""
    converter = opencc.OpenCC("t2s")
    found = {}
    for first, last in _BLOCKS:
        for code in range(first, last + 1):
            ch = chr(code)
            simplified = converter.convert(ch)
            if len(simplified) == 1 and simplified != ch:
                found[ch] = simplified
    # A target that is itself folded (a chain) folds all the way: folding twice changes nothing.
    return {ch: found.get(target, target) for ch, target in found.items()}


@lru_cache(maxsize=1)
def _translation() -> dict[int, str]:
    return str.maketrans(table())


@lru_cache(maxsize=1)
def _traditional() -> re.Pattern[str]:
    return re.compile(f"[{''.join(map(re.escape, sorted(table())))}]")


def to_simplified(text: str) -> str:
    """`text` with each traditional character folded, one for one: positions stay valid."""
    # Most texts hold no traditional character: finding none is 15× faster than translating.
    return text.translate(_translation()) if _traditional().search(text) else text


def is_traditional(text: str) -> bool:
    """Whether `text` is written in traditional characters (a tenth of its ideographs fold), not a
    simplified text that uses one of them as a name of its own (乾县, 乾安县: 乾 folds to 干)."""
    folded = len(_traditional().findall(text))
    return folded >= _TRADITIONAL_MIN and folded >= _TRADITIONAL_SHARE * len(_IDEOGRAPH.findall(text))


_TRADITIONAL_MIN = 3
_TRADITIONAL_SHARE = 0.1
_IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")


def pairs() -> str:
    """The table as one string of character pairs (黨党國国…), as the manifest carries it."""
    return "".join(source + target for source, target in sorted(table().items()))
