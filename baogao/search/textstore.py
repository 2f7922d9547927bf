"""The text store: every report's text in small chunk files, for concordance lines and collocates.

Written by `baogao build` with the search index (`baogao.search.index`, in the same worker that
indexes a report), read by `baogao kwic` / `baogao collocates` and by the browser engine's
`concordance` (baogao-search.js). A KWIC line then costs the chunk that holds its occurrence
(about 2 KB transferred), not the report page (about 22 KB), and the chunks are scripts, so the
concordance also works from file://.

What is stored (the page-text contract, checked by tests against `baogao.pagetext`): a report's
*store text* is the text its page shows, as far as the search sees it — the normalised store
text equals the normalised page text. The page shows the title (`title`) above the kept text;
when the kept text does not begin with it (a title made up from the file name or the office),
the store text is that title, a line break, then the kept text. So the search index's positions
(in the normalised kept text) are store positions minus `prefix`, the normalised title's length.

Layout under search-index/ (`SETTINGS`, in the index manifest, is the one source of both
engines' reading):

- `text/table.js` — per report (archive order): its number of chunks and `prefix`;
- `text/B/D-C.js` — chunk C of report D (B = D // `per_dir`): the store text from normalised
  position C·`chunk` on (a chunk starts at a character that starts its normalised form, so it
  may start a little later), with a bitmap of where jieba's words start (the text is cut
  whole, as `baogao.keywords.cut` cuts; collocates read these boundaries), and the report's
  result row (the `docs/` row: display title, URL, office, year …), so that a concordance line
  costs its chunk, not also the metadata block of its report (a rare phrase's lines stand in as
  many reports as lines: that halves its files, for ~100 bytes a chunk).

Each file is `baogaoSearch.load(name, packed)` (baogao.search.index `packed`), its payload
checking itself as every index file's does (`baogao.search.codec.frame`: length and CRC-32,
keyed by the index version and the file's name): a missing, truncated, altered or stale file is
an error, never a shorter line. A chunk's body: the row's length (varint), the row (UTF-8
JSON, as in `docs/`), the UTF-8 text's length (varint), the text, the word-start bitmap (one
bit per code point, first bit high).
"""

from __future__ import annotations

import numpy as np

from baogao.keywords import cut
from baogao.search.normalize import normalize, normalize_with_offsets

DIR = "text"
CHUNK = 1024  # normalised characters a chunk: ~2 KB packed (see README "Concordance")
PER_DIR = 100  # chunk files are grouped by report, this many reports a folder
SETTINGS = {"dir": DIR, "chunk": CHUNK, "per_dir": PER_DIR}


def store_text(title: str, kept: str, norm_kept: str | None = None) -> tuple[str, int]:
    """(store text, prefix): the kept text, after the title when it does not begin with it
    (`norm_kept`: the normalised kept text, when the caller has it)."""
    norm_title = normalize(title)
    if not norm_title or (normalize(kept) if norm_kept is None else norm_kept).startswith(norm_title):
        return kept, 0
    return f"{title}\n{kept}", len(norm_title)


def word_starts(text: str) -> np.ndarray:
    """Bool per code point of `text`: whether one of jieba's words starts there."""
    starts = np.zeros(len(text), bool)
    at = 0
    for word in cut(text):
        starts[at] = True
        at += len(word)
    return starts


def chunks(text: str) -> list[tuple[int, int]]:
    """(begin, end) of each chunk of `text`: code point spans that tile it. Chunk c starts at
    normalised position c·CHUNK, or a little later where one character's form spans it."""
    norm, origin = normalize_with_offsets(text)
    out: list[tuple[int, int]] = []
    begin, nstart = 0, 0
    for target in range(CHUNK, len(norm), CHUNK):
        if target <= nstart:  # the character before spread its form past this target
            continue
        i = target
        while i < len(norm) and origin[i] == origin[i - 1]:  # never split one character's form
            i += 1
        if i >= len(norm):
            break
        out.append((begin, int(origin[i])))
        nstart, begin = i, int(origin[i])
    out.append((begin, len(text)))
    return out


def chunk_name(doc: int, c: int) -> str:
    return f"{DIR}/{doc // PER_DIR}/{doc}-{c}"

