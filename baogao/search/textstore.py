"""The text store: every report's text in small chunks, for concordance lines and collocates.

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

- `text/table.js` — per report (archive order): [its number of chunks, `prefix`, its `key`]
  (JSON); the key is the digest of what its chunks are made from (the index code, the report's
  row, title and text: `baogao.search.index`), so that a report's chunks keep their names and
  bytes from build to build while it is unchanged (a build links them from the index before,
  an edit writes only the edited report's), whatever was added or removed before it;
- chunk C of a report (named `text/KK/KEY-C`, KEY the report's key, KK its first two characters):
  the store text from normalised
  position C·`chunk` on (a chunk starts at a character that starts its normalised form, so it
  may start a little later), with a bitmap of where jieba's words start (the text is cut
  whole, as `baogao.keywords.cut` cuts; collocates read these boundaries), and the report's
  result row (the `docs/` row: display title, URL, office, year …), so that a concordance line
  costs its chunk, not also the metadata block of its report (a rare phrase's lines stand in as
  many reports as lines: that halves its files, for ~100 bytes a chunk);
- `text/KK/KEY.js` — the report's chunks in turn, one script a report: their pieces (below)
  joined and ended, each framed under its chunk's name. One file a report, not one a chunk: the
  scripts are only the fallback below, and a file costs every build that links, hashes or
  deletes the site (~48 000 chunk scripts at 10 000 reports made half of the site's files).
- `text/NAME.bin` — the same chunks again, of a run of consecutive reports (about `SEGMENT`; the
  manifest's `store` lists each run as [first report, reports, NAME]), for reading by byte ranges
  over http (`Range: bytes=a-b,c-d,…`: one request brings the chunks of many reports, where a
  script each costs a request): each chunk's framed payload deflated alone and sync-flushed
  (`baogao.search.codec.raw_piece`), so that the pieces a request brings, joined and ended
  (`PIECE_END_BYTES`), inflate as one stream; `text/spans.js` holds each chunk's byte length,
  from which both engines compute where it stands. The runs are cut where a report's id says
  (`baogao.search.index.content_cuts`, as the postings' segments are) and NAME is the digest of
  their reports' keys in turn (`segment_name`): a segment's bytes are a function of its name, so
  a build after an edit links every segment the edit left as it was from the index before and
  writes one (two where the edit moves a cut). The report scripts stay for `file://`
  (no fetch there) and for servers that answer a range request with the whole file (Python's
  `http.server`): the browser reads a report's script when a range request does not come back
  as 206. The CLI reads the segments.

Each file is `baogaoSearch.load(name, packed)` (baogao.search.index `packed`), its payload
checking itself as every index file's does (`baogao.search.codec.frame`: length and CRC-32,
keyed by the index version and the file's name; a chunk's by its name alone, `chunk_name`, which
holds its report's key, in a report script and in a segment alike): a missing, truncated,
altered or stale file or range is an error, never a shorter line.
A chunk's body: the row's length (varint), the row (UTF-8 JSON, as in `docs/`), the UTF-8
text's length (varint), the text, the word-start bitmap (one bit per code point, first bit high).
"""

from __future__ import annotations

import hashlib

import numpy as np

from baogao.keywords import cut
from baogao.search.codec import PIECE_END_BYTES
from baogao.search.normalize import normalize, normalize_with_offsets

DIR = "text"
CHUNK = 1024  # normalised characters a chunk: ~2 KB packed (see README "Use by year, concordance, collocates on the search page")
KEY_DIR = 2  # report scripts are grouped by the first characters of their report's key (256 folders)
# The segments: a browser pays ~10 ms per request whatever its size, so over http the chunks a
# concordance needs are read as byte ranges of a few large files, many ranges a request.
SEGMENT = 500  # reports a segment on average (~4 MB at 13 KB a report): a query asks each at most a few times
MAX_RANGES = 100  # ranges a request: Apache (MaxRanges 200) sends the whole file for more
GAP = 1024  # ranges of one segment fewer bytes apart than this are asked for as one
# `end`: the bytes that end joined pieces (codec.PIECE_END_BYTES), for the browser
SETTINGS = {"dir": DIR, "chunk": CHUNK, "key_dir": KEY_DIR, "ranges": MAX_RANGES, "gap": GAP,
            "end": list(PIECE_END_BYTES)}
TABLE = f"{DIR}/table"  # per report, in archive order: [chunks, prefix, key]
SPANS = f"{DIR}/spans"  # per chunk, in archive order, its byte length in its segment


def store_text(title: str, kept: str, norm_kept: str | None = None) -> tuple[str, int]:
    """(store text, prefix): the kept text, after the title when it does not begin with it
    (`norm_kept`: the normalised kept text, when the caller has it)."""
    norm_title = normalize(title)
    if not norm_title or (normalize(kept) if norm_kept is None else norm_kept).startswith(norm_title):
        return kept, 0
    return f"{title}\n{kept}", len(norm_title)


def normalized_store_text(title: str, kept: str) -> tuple[str, int, str, np.ndarray]:
    """(store text, prefix, normalised store text, the source index of each of its characters),
    the kept text normalised once (the search index's grams are the normalised text from
    `prefix` on: white space, so the line break after a title, folds to nothing)."""
    norm, origin = normalize_with_offsets(kept)
    text, prefix = store_text(title, kept, norm)
    if prefix:
        norm, origin = normalize_with_offsets(text)
    return text, prefix, norm, origin


def word_starts(text: str) -> np.ndarray:
    """Bool per code point of `text`: whether one of jieba's words starts there."""
    lengths = np.fromiter(map(len, cut(text)), np.int64)
    starts = np.zeros(len(text), bool)
    starts[np.cumsum(lengths) - lengths] = True  # where each word starts: the words tile the text
    return starts


def chunks(text: str, normalized: tuple[str, np.ndarray] | None = None) -> list[tuple[int, int]]:
    """(begin, end) of each chunk of `text`: code point spans that tile it. Chunk c starts at
    normalised position c·CHUNK, or a little later where one character's form spans it
    (`normalized`: `normalize_with_offsets(text)`, when the caller has it)."""
    norm, origin = normalize_with_offsets(text) if normalized is None else normalized
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


def chunk_name(key: str, c: int) -> str:
    """Chunk c of the report whose store key is `key` (`text/table.js`): the key of its frame."""
    return f"{DIR}/{key[:KEY_DIR]}/{key}-{c}"


def report_name(key: str) -> str:
    """The script (under search-index/, without `.js`) of the chunks of the report whose store key is `key`."""
    return f"{DIR}/{key[:KEY_DIR]}/{key}"


def segment_name(keys: list[str]) -> str:
    """The segment file (under search-index/) of the reports whose store keys are `keys`, in turn:
    its bytes are their chunks' pieces, each a function of its report's key."""
    return f"{DIR}/{hashlib.sha256(','.join(keys).encode()).hexdigest()[:16]}.bin"
