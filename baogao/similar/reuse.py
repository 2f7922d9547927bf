"""Reuse across the archive: the passages reports share, for report pages and the reuse page.

Runs in `build_similar_index` (after the fingerprints of every report are known, before MkDocs reads
the pages: the plugin's `on_files` waits for them).
From the fingerprint index alone (no text is compared again):

- a report's shared passages: runs of its fingerprints that other reports hold too (at most
  GAP skeleton characters apart, in one paragraph, two fingerprints or more); the reports holding one are those
  (of the last EXPAND_MAX holding each: the oldest) that hold at least half of its SAMPLE rarest fingerprints (identical or near), with a link to
  the heading above the passage in each; written to `reuse.json` (report id → passages: text
  shown, its [start, end) in the kept text, number of reports, links), which
  the report page's "亦见于" block shows (overrides/partials/reuse.html);
- the most reused passages: the fingerprints held by the most reports, each grown into the run
  of its report's fingerprints held about as widely (the stock phrases everyone copies);
- the report pairs that overlap most: the skeleton characters of one report's shared passages
  that the other holds, as a share of the shorter one;
  both on the page `reuse/index.md`.

A build computes again only the passages of the reports an edit may touch (`_affected`). A
report's passages are a function of its own fingerprints and text and, for each hash it holds,
of how many reports hold it (counted up to WIDE) and, for the hashes it samples, of the hash's *view*: its last
EXPAND_MAX + 1 fingerprints (catalog order, newest first: the oldest holders), each with its position and its report's identity
(id, URL, title, anchors: what a link is made of); and of the order of the reports holding its
passages (links are listed in it). So after an edit the reports computed again are the changed
ones, those holding a hash now held by more or fewer reports, those that sampled a hash whose
view changed (a 64-bit digest per hash), and, when a report moved in the catalog order, those
whose passages it held. The others' lines of `reuse.json` (one report a line) and their rows of
the pairs table are taken from the previous build, whose state is kept in STATE_FILE. The
result is the bytes a cold build writes (tests/test_similar.py); a missing or damaged state,
other code or an edited `reuse.json` compute every report again.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from baogao.render import escape_markdown
from baogao.similar.fingerprint import GAP, K

from baogao.similar.prints import write_atomic

if TYPE_CHECKING:
    from baogao.similar.prints import Fingerprints

REUSE_FILE = "reuse.json"
REUSE_PAGE = "reuse/index.md"
STATE_FILE = ".similar-reuse.npz"  # what the last build computed from (see the module), in the pages folder
SAMPLE = 4  # rarest fingerprints of a passage that decide which reports hold it
# A sampled fingerprint is expanded into its last EXPAND_MAX holders (catalog order, as the
# index lists them, newest first: the oldest reports, where the wording came from; a report an
# office adds comes first and leaves them as they were): a passage held more widely links to
# those and says it is held more widely (WIDE). Expanding every holder (up to 200) made ~120 million rows and 6 GB
# at 10 000 generated reports, where every paragraph stands in ~100 reports.
EXPAND_MAX = 12
# Reports holding a hash are counted up to WIDE: a passage held more widely samples, links and shows
# ("等 12 篇以上") the same whatever the number, so a report added to (or deleted from) a widely held
# passage leaves the other holders' pages as they were. Counted exactly, at 10 000 generated reports,
# one report added computed 9 448 reports' passages again.
WIDE = EXPAND_MAX + 1
PRINTS_AT_ONCE = 2_000_000  # fingerprints whose reports' passages are computed together (`_passages`)
PER_REPORT = 10  # shared passages listed on a report page (the longest)
# Reports linked per passage (the rest are counted: 等 N 篇). Each link is ~140 bytes (a title and
# a heading anchor in UTF-8), and at 10 000 generated reports, every paragraph in ~100 of them,
# the 亦见于 blocks were 0.45 × the raw text with 3 links: 2 keep 查重's disk within 0.5 ×.
LINKS = 2
STOCK = 30  # most reused passages on the reuse page
PAIRS = 30  # report pairs on the reuse page
PAIR_MIN = 100  # skeleton characters two reports must share to be listed as a pair
PAIR_ROWS_AT_ONCE = 4_000_000  # rows of the pairs table ranked together (`_top_pairs`)
SNIPPET = 60  # characters of a passage shown


def write_reuse(pages_dir: Path, catalog: list[dict[str, Any]], prints: Fingerprints) -> None:
    """Write reuse.json and reuse/index.md into `pages_dir`, computing again the passages of the
    reports a change may touch (see the module)."""
    texts = _Texts(pages_dir)
    counts = _df(prints)
    now = _State(_code_digest(), "", [e["id"] for e in catalog], _identities(catalog, prints, own=True),
                 *_views(prints, counts, _identities(catalog, prints, own=False)))
    previous = _State.load(pages_dir, now.code)
    affected, remap = _affected(previous, now, prints)
    lines, now.pairs, now.sampled = _passages(catalog, prints, counts, affected, texts)
    stock = _stock(prints, counts)
    del counts  # a group number a fingerprint (0.44 GB at 100 000 reports) and the shared hashes' counts: not held on
    if previous is not None and remap is not None:  # the other reports' lines and rows as they were
        lines.update((rid, previous.lines[rid]) for rid in (catalog[d]["id"] for d in np.flatnonzero(~affected).tolist())
                     if rid in previous.lines)
        now.pairs = _carry(now.pairs, previous.pairs, remap, affected, 2)
        now.sampled = _carry(now.sampled, previous.sampled, remap, affected, 1)
    now.sha256 = _write_lines(pages_dir / REUSE_FILE, lines)
    page = pages_dir / REUSE_PAGE
    page.parent.mkdir(parents=True, exist_ok=True)
    pairs = _top_pairs(prints, *now.pairs)
    write_atomic(page, _page(catalog, texts, pairs, stock, len(lines)).encode("utf-8"))
    now.save(pages_dir)


def _write_lines(path: Path, lines: dict[str, bytes]) -> str:
    """Write reuse.json ("{", one report a line by id, "}") a line at a time, through a temporary
    file (at 100 000 reports it is ~0.5 GB, never joined in memory); returns its SHA-256."""
    digest = hashlib.sha256()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as out:
        def put(data: bytes) -> None:
            out.write(data)
            digest.update(data)

        put(b"{\n")
        for i, rid in enumerate(sorted(lines)):
            put((",\n" if i else "").encode() + f"{json.dumps(rid, ensure_ascii=False)}: ".encode("utf-8") + lines[rid])
        put(b"\n}\n")
    os.replace(tmp, path)
    return digest.hexdigest()


def reuse_lines(pages_dir: Path) -> dict[str, bytes]:
    """report id → its shared passages as reuse.json holds them (the JSON text of its line in
    UTF-8, a function of the passages: `json.dumps(..., sort_keys=True)`), {} before the first
    index build. Only the report's own line is parsed (`json.loads`, by whoever needs the
    passages): at 100 000 reports the file is ~0.5 GB, and a build renders few report pages."""
    path = pages_dir / REUSE_FILE
    return _lines(path.read_bytes()) if path.is_file() else {}


def _lines(raw: bytes) -> dict[str, bytes]:
    """The lines of reuse.json as written by `write_reuse` ("{", one report a line, "}"): report
    id → its passages' JSON in UTF-8 (bytes: half the memory of str for Chinese text)."""
    lines = {}
    decoder = json.JSONDecoder()
    for line in raw.split(b"\n")[1:-2]:  # "{", a report a line, "}", ""
        if line:  # none when no report has shared passages
            at = line.find(b'": ')
            if at > 0 and line.find(b"\\", 0, at) < 0:  # an id JSON needs no escape in: the first '": ' ends it
                lines[line[1:at].decode("utf-8")] = line[at + 3: len(line) - line.endswith(b",")]
                continue
            text = line.decode("utf-8")
            rid, end = decoder.raw_decode(text)
            lines[rid] = line[len(text[:end].encode("utf-8")) + 2:].removesuffix(b",")
    return lines


@dataclass
class _State:
    """What a build's reuse was computed from and what it gave (see the module): the reports
    (catalog order) and their identities (`_identities`); the hashes held twice or more
    (ascending keys), each with the number of reports holding it and the digest of its last
    fingerprints (`_views`); per report, rows (report first) of the pairs table (report, other
    report, skeleton characters the first's passages share with the second: `_pair_totals`) and
    of the keys its passages sampled; reuse.json's digest and, when loaded, its lines by report id."""
    code: str
    sha256: str
    ids: list[str]
    identity: np.ndarray
    view_keys: np.ndarray
    view_df: np.ndarray
    views: np.ndarray
    pairs: tuple[np.ndarray, ...] = ()
    sampled: tuple[np.ndarray, ...] = ()
    lines: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def load(cls, pages_dir: Path, code: str) -> _State | None:
        """The last build's state; None when missing, damaged, of other code, or when reuse.json
        is not the file it wrote."""
        try:
            with np.load(pages_dir / STATE_FILE, allow_pickle=False) as data:
                arrays = {name: data[name] for name in data.files}
            head = json.loads(str(arrays["head"]))
            raw = (pages_dir / REUSE_FILE).read_bytes()
            if head["code"] != code or hashlib.sha256(raw).hexdigest() != head["sha256"]:
                return None
            return cls(code, head["sha256"], arrays["ids"].tolist(), arrays["identity"], arrays["view_keys"],
                       arrays["view_df"], arrays["views"], (arrays["pair_doc"], arrays["pair_other"], arrays["pair_total"]),
                       (arrays["sampled_doc"], arrays["sampled_key"]), _lines(raw))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, pages_dir: Path) -> None:
        tmp = pages_dir / f".{STATE_FILE}.{os.getpid()}.tmp"
        with open(tmp, "wb") as out:
            np.savez(out, head=np.array(json.dumps({"code": self.code, "sha256": self.sha256})),
                     ids=np.array(self.ids, dtype=str), identity=self.identity, view_keys=self.view_keys,
                     view_df=self.view_df, views=self.views, pair_doc=self.pairs[0], pair_other=self.pairs[1],
                     pair_total=self.pairs[2], sampled_doc=self.sampled[0], sampled_key=self.sampled[1])
        os.replace(tmp, pages_dir / STATE_FILE)


def _code_digest() -> str:
    """The code reuse is computed by: a change to it computes every report's passages again."""
    digest = hashlib.sha256(f"reuse {K} {GAP} {SAMPLE} {EXPAND_MAX} {PER_REPORT} {LINKS} {SNIPPET}".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()


_M1, _M2, _M3 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB), np.uint64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser on uint64 arrays (wrapping): equal inputs, equal outputs; two
    unequal ones collide with a chance of 2^-64."""
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    return x ^ (x >> np.uint64(31))


def _passages(catalog: list[dict[str, Any]], prints: Fingerprints, counts: _Counts, affected: np.ndarray,
              texts: _Texts) -> tuple[dict[str, bytes], tuple[np.ndarray, ...], tuple[np.ndarray, ...]]:
    """The `affected` reports' reuse.json lines (report id → its passages' JSON), pairs table rows
    (`_pair_totals`) and sampled keys, computed for runs of reports holding about PRINTS_AT_ONCE
    fingerprints at a time: the expansion into holders takes ~120 bytes a fingerprint, 1.3 GB at
    10 000 reports at once. Every result is a function of its own report's passages, and the
    runs go in catalog order: the arrays are those of one run over all."""
    lines: dict[str, bytes] = {}
    pairs, sampled = [], []
    anchors = _Anchors(prints)
    ends = np.cumsum(np.bincount(prints.docs, minlength=len(catalog)))  # where each report's fingerprints end
    first = 0
    while first < len(catalog):
        begin = int(ends[first - 1]) if first else 0
        end = max(first + 1, int(np.searchsorted(ends, begin + PRINTS_AT_ONCE, "right")))  # whole reports, one at least
        if affected[first:end].any():
            shared = _shared_passages(prints, counts, affected, (begin, int(ends[end - 1])))
            lines.update((rid, json.dumps(passages, ensure_ascii=False, sort_keys=True).encode("utf-8"))
                         for rid, passages in _per_report(catalog, anchors, shared, texts).items())
            pairs.append(_pair_totals(prints, shared))
            sampled.append(shared.sampled)
        first = end
    return lines, _joined(pairs, (np.int32, np.int32, np.int32)), _joined(sampled, (np.int32, np.uint32))


def _joined(parts: Sequence[tuple[np.ndarray, ...]], dtypes: tuple[type, ...]) -> tuple[np.ndarray, ...]:
    """The columns of `parts` (tuples of arrays) joined; empty ones of `dtypes` when there are none."""
    return tuple(np.concatenate([part[i] for part in parts]) if parts else np.zeros(0, dtype) for i, dtype in enumerate(dtypes))


def _identities(catalog: list[dict[str, Any]], prints: Fingerprints, own: bool) -> np.ndarray:
    """Per report (catalog order), 64 bits of the digest of what a link to it is made of (its id,
    URL, title and anchors) and, with `own`, of its fingerprint cache key (its fingerprints,
    anchors and text: what its own passages are made of)."""
    def digest(d: int, entry: dict[str, Any]) -> int:
        made_of = [entry["id"], entry["url"], entry["display_title"], prints.report_keys[d] if own else prints.anchors[d]]
        return int.from_bytes(hashlib.sha256(json.dumps(made_of, ensure_ascii=False).encode()).digest()[:8], "little")

    return np.array([digest(d, entry) for d, entry in enumerate(catalog)], np.uint64)


def _views(prints: Fingerprints, counts: _Counts, identity: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(keys ascending, number of reports holding each up to WIDE, digests) of the hashes held by two
    reports or more: the digest of the last EXPAND_MAX + 1 fingerprints of a hash (by key:
    catalog order, position), each as its report's `identity`, its position and its rank."""
    order = prints.by_key
    firsts, sizes = counts.group_first, counts.group_size
    taken = np.minimum(sizes, EXPAND_MAX + 1)  # what _shared_passages expands a sampled fingerprint into
    starts = np.cumsum(taken) - taken
    rank = np.arange(int(taken.sum())) - np.repeat(starts, taken)
    entries = order[np.repeat(firsts + sizes - taken, taken) + rank]
    items = _mix(identity[prints.docs[entries]] ^ _mix((prints.positions[entries].astype(np.uint64) << np.uint64(8))
                                                        | rank.astype(np.uint64)))
    folded = np.bitwise_xor.reduceat(items, starts) if len(items) else np.zeros(0, np.uint64)
    return prints.keys[order[firsts]], np.minimum(counts.group_df, WIDE).astype(np.int32), _mix(folded ^ _M3)


def _affected(previous: _State | None, now: _State, prints: Fingerprints) -> tuple[np.ndarray, np.ndarray | None]:
    """(per report: whether its passages are computed again; the previous build's report
    numbers → this build's, -1 for one gone, or None when all are computed again). A report's
    passages are computed again when it changed, when the number of reports holding one of its
    hashes changed (counted up to WIDE), or when the last fingerprints of a hash it sampled did (see the module)."""
    everything = np.ones(len(now.ids), bool), None
    if previous is None or len(set(now.ids)) < len(now.ids):  # ids name reports: one id, one report
        return everything
    numbers = {rid: d for d, rid in enumerate(now.ids)}
    remap = np.array([numbers.get(rid, -1) for rid in previous.ids], np.int64)
    was = np.full(len(now.ids), -1, np.int64)
    was[remap[remap >= 0]] = np.flatnonzero(remap >= 0)
    affected = (was < 0) | (now.identity != previous.identity[np.maximum(was, 0)])
    # a report moved in the catalog order (another year): links to the reports holding a
    # passage are ordered by it, so those whose passages it held (their pairs name it)
    moved = _moved(was)
    affected[moved] = True
    docs = remap[previous.pairs[0][np.isin(previous.pairs[1], was[moved])]]
    affected[docs[docs >= 0]] = True
    if len(previous.view_keys):
        at = np.minimum(np.searchsorted(previous.view_keys, now.view_keys), len(previous.view_keys) - 1)
        counted = (previous.view_keys[at] == now.view_keys) & (previous.view_df[at] == now.view_df)
        same = counted & (previous.views[at] == now.views)
    else:
        at, counted = np.zeros(len(now.view_keys), np.int64), np.zeros(len(now.view_keys), bool)
        same = counted
    kept = np.zeros(len(previous.view_keys), bool)
    kept[at[counted]] = True
    # hashes held by more or fewer reports (or by two or more only now, or only before): every holder
    recount = np.union1d(now.view_keys[~counted], previous.view_keys[~kept])
    affected[np.unique(prints.docs[_among(prints.keys, recount)])] = True
    # hashes whose last fingerprints changed: the reports that sampled them (their samples
    # are as they were unless they were affected above)
    docs = remap[previous.sampled[0][_among(previous.sampled[1], now.view_keys[counted & ~same])]]
    affected[docs[docs >= 0]] = True
    gone = np.flatnonzero(remap < 0)  # never named by an unaffected report's rows; to be safe
    docs = remap[previous.pairs[0][np.isin(previous.pairs[1], gone)]]
    affected[docs[docs >= 0]] = True
    return affected, remap


def _moved(was: np.ndarray) -> np.ndarray:
    """The reports (this build's numbers) that are not in a longest run of the previous build's
    reports kept in their order (`was`: each report's previous number, -1 for a new one)."""
    common = np.flatnonzero(was >= 0)
    tails: list[int] = []  # patience sorting: the smallest last number of an increasing run of each length
    ends: list[int] = []  # the run's last report (an index into common)
    before = [-1] * len(common)
    for i, number in enumerate(was[common].tolist()):
        j = bisect.bisect_left(tails, number)
        before[i] = ends[j - 1] if j else -1
        tails[j:j + 1], ends[j:j + 1] = [number], [i]
    kept = np.zeros(len(common), bool)
    i = ends[-1] if ends else -1
    while i >= 0:
        kept[i], i = True, before[i]
    return common[~kept]


def _among(values: np.ndarray, members: np.ndarray) -> np.ndarray:
    """Which of `values` are in `members` (ascending)."""
    if not len(members):
        return np.zeros(len(values), bool)
    at = np.minimum(np.searchsorted(members, values), len(members) - 1)
    return members[at] == values


def _carry(computed: tuple[np.ndarray, ...], previous: tuple[np.ndarray, ...], remap: np.ndarray, affected: np.ndarray,
           numbered: int) -> tuple[np.ndarray, ...]:
    """The rows `computed` for the affected reports and the other reports' `previous` rows
    (their first `numbered` columns report numbers, made this build's by `remap`)."""
    doc = remap[previous[0]]
    keep = doc >= 0
    keep[keep] = ~affected[doc[keep]]
    old = [remap[column[keep]] if i < numbered else column[keep] for i, column in enumerate(previous)]
    return tuple(np.concatenate((new, o.astype(new.dtype))) for new, o in zip(computed, old))


class _Texts:
    """The reports' texts, the last one read kept: passages come a report at a time (all of
    them kept, 100 000 texts would hold 2.5 GB)."""

    def __init__(self, pages_dir: Path):
        self.folder, self.last = pages_dir / "text", ("", "")

    def get(self, report_id: str) -> str:
        if self.last[0] != report_id:
            self.last = report_id, (self.folder / f"{report_id}.txt").read_text(encoding="utf-8")
        return self.last[1]


def _snippet(text: str, start: int, end: int) -> str:
    """The passage [start, end) of `text` as shown, white space runs as one space: SNIPPET characters at most,
    and a "…" where it is cut — past SNIPPET, or inside a run of words at either end (…宁主义、毛泽东思想; not next to a
    mark or a space): a fingerprint starts where its window's hash is smallest, not where the wording does."""
    shown = " ".join(text[start:end].split())
    cut_open = start > 0 and text[start - 1].isalnum()
    cut_close = len(shown) > SNIPPET or (end < len(text) and text[end].isalnum())
    return ("…" if cut_open else "") + shown[:SNIPPET] + ("…" if cut_close else "")


@dataclass(frozen=True)
class _Shared:
    """The shared passages of every report, in report then position order (arrays by passage:
    report, skeleton span [a, b), text span [start, end), the number of reports holding its
    rarest sampled fingerprint), and the reports holding each (arrays by holding: passage,
    report, its position there), by passage, the reports holding most of its sampled
    fingerprints first, then the oldest (catalog order reversed)."""
    doc: np.ndarray
    a: np.ndarray
    b: np.ndarray
    start: np.ndarray
    end: np.ndarray
    rarest: np.ndarray
    holding: np.ndarray
    other: np.ndarray
    other_pos: np.ndarray
    sampled: tuple[np.ndarray, np.ndarray]  # (report, key) of each passage's sampled fingerprints


def _groups(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first index, size) of each run of equal values."""
    new = np.ones(len(values), bool)
    new[1:] = values[1:] != values[:-1]
    firsts = np.flatnonzero(new)
    return firsts, np.diff(np.append(firsts, len(values)))


class _Counts(NamedTuple):
    """The hashes held by two reports or more (a passage is made of those; of a hash held by one
    report nothing but that is needed): per fingerprint (report order), its hash's number among
    them in key order, −1 for a hash of one report (`group`); per such hash (key order), its
    first fingerprint (`heads`: report, position order), how many reports hold it (`group_df`),
    where its fingerprints start in `prints.by_key` order (`group_first`) and how many there are
    (`group_size`). `group` is 4 bytes a fingerprint (0.46 GB at 100 000 reports); the others
    are only as long as the shared hashes are many (most of a real report's are its own)."""
    group: np.ndarray
    heads: np.ndarray
    group_df: np.ndarray
    group_first: np.ndarray
    group_size: np.ndarray

    def df(self, which: np.ndarray | slice | int) -> np.ndarray:
        """How many reports hold the hash of each fingerprint `which` (report order)."""
        group = np.asarray(self.group[which])
        df = np.ones(group.shape, np.int32)
        shared = group >= 0
        df[shared] = self.group_df[group[shared]]
        return df


def _df(prints: Fingerprints) -> _Counts:
    """The counts of the hashes held by two reports or more, made one `key_slices` range at a time."""
    order = prints.by_key
    index = np.int32 if len(order) < 2**31 else np.int64
    group_of = np.full(len(order), -1, index)
    per_slice = []
    groups = 0
    for lo, hi in prints.key_slices():
        slice_order = order[lo:hi]
        keys, docs = prints.keys[slice_order], prints.docs[slice_order]
        first, size = _groups(keys)
        new_pair = np.ones(len(keys), bool)
        new_pair[1:] = (keys[1:] != keys[:-1]) | (docs[1:] != docs[:-1])
        # (runs, not gathers over the fingerprints: a hash's reports are its new (key, report) pairs, its group's
        # fingerprints one run of `size`)
        df = np.add.reduceat(new_pair, first, dtype=np.int64) if len(first) else np.zeros(0, np.int64)
        shared = df >= 2
        number = np.arange(groups, groups + int(shared.sum()), dtype=index)  # the shared hashes' numbers
        group_of[slice_order[np.repeat(shared, size)]] = np.repeat(number, size[shared])
        per_slice.append((df[shared].astype(np.int32), (first[shared] + lo).astype(index), size[shared].astype(np.int32)))
        groups += len(number)
    group_df, group_first, group_size = (np.concatenate([part[i] for part in per_slice]) if per_slice
                                         else np.zeros(0, dtype) for i, dtype in enumerate((np.int32, index, np.int32)))
    return _Counts(group_of, order[group_first], group_df, group_first, group_size)


def _shared_passages(prints: Fingerprints, counts: _Counts, reports: np.ndarray, span: tuple[int, int]) -> _Shared:
    """The shared passages of the `reports` (a mask, catalog order) whose fingerprints stand in
    `span` (a range of them, whole reports) and the reports holding each (see the module); array
    work over the fingerprints in report order (`counts`: `_df`), no Python loop per passage or holder."""
    lo, hi = span
    entries = lo + np.flatnonzero((counts.df(slice(lo, hi)) >= 2) & reports[prints.docs[lo:hi]])  # report, position order
    starts, ends, lines = (column[entries - lo] for column in prints.spans.read(lo, hi))
    docs, pos = prints.docs[entries], prints.positions[entries]
    new = np.ones(len(entries), bool)
    new[1:] = (docs[1:] != docs[:-1]) | (pos[1:] - pos[:-1] > GAP) | (lines[1:] != lines[:-1])
    heads = np.flatnonzero(new)
    sizes = np.diff(np.append(heads, len(entries)))
    kept = np.flatnonzero(sizes >= 2)
    heads, sizes = heads[kept], sizes[kept]
    lasts = heads + sizes - 1
    rid = np.repeat(np.arange(len(heads)), sizes)
    members = np.repeat(heads, sizes) + (np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes))
    e = entries[members]  # the kept passages' fingerprints, passage then position order
    # the SAMPLE rarest of each passage, counted up to WIDE (ties: the first in the passage); a
    # stable sort by (passage, rarity) keeps position order among equals
    rarity = np.minimum(counts.df(e), WIDE)
    by_rarity = np.argsort(rid.astype(np.int64) * (WIDE + 1) + rarity, kind="stable")
    rank = np.arange(len(e)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    sampled = np.sort(by_rarity[rank < SAMPLE])  # back in passage, position order
    rarest = rarity[by_rarity[np.cumsum(sizes) - sizes]] if len(e) else np.zeros(0, np.int64)
    # expand each sampled fingerprint into the last EXPAND_MAX holders of its hash (+ 1: the
    # report itself may be among them), in report, position order: the oldest, where the wording
    # came from (the catalog is newest first), and which a report an office adds leaves as they were
    s_entry = e[sampled]
    s_group = counts.group[s_entry]
    sizes_of = counts.group_size[s_group]
    reps = np.minimum(sizes_of, EXPAND_MAX + 1)
    starts_at = np.cumsum(reps) - reps
    at = np.repeat(counts.group_first[s_group] + sizes_of - reps - starts_at, reps) + np.arange(int(reps.sum()))
    which = prints.by_key[at]
    sample_of = np.repeat(np.arange(len(sampled)), reps)
    passage_of = rid[sampled][sample_of]
    other, other_pos = prints.docs[which], prints.positions[which]
    # a report once per sampled fingerprint (at its first position in the view), never the passage's own
    once = np.ones(len(at), bool)
    once[1:] = (sample_of[1:] != sample_of[:-1]) | (other[1:] != other[:-1])
    once &= other != prints.docs[s_entry][sample_of]
    passage_of, other, other_pos = passage_of[once], other[once], other_pos[once]
    # per (passage, report): the sampled fingerprints it holds, its position at the first of them
    n_docs = len(prints.lengths)
    by_pair = np.argsort(passage_of.astype(np.int64) * n_docs + other, kind="stable")
    passage_of, other, other_pos = passage_of[by_pair], other[by_pair], other_pos[by_pair]
    pair_firsts, held = _groups(passage_of.astype(np.int64) * n_docs + other)
    passage_of, other, other_pos = passage_of[pair_firsts], other[pair_firsts], other_pos[pair_firsts]
    # a report holds a passage when it holds at least half of its sampled fingerprints
    keep = 2 * held >= np.minimum(sizes, SAMPLE)[passage_of]
    passage_of, other, other_pos, held = passage_of[keep], other[keep], other_pos[keep], held[keep]
    best = np.lexsort((-other.astype(np.int64), -held, passage_of))  # most sampled fingerprints held, then oldest
    return _Shared(doc=docs[heads], a=pos[heads], b=pos[lasts] + K, start=starts[heads],
                   end=ends[lasts], rarest=rarest, holding=passage_of[best], other=other[best],
                   other_pos=other_pos[best], sampled=(prints.docs[s_entry], prints.keys[s_entry]))


def _per_report(catalog: list[dict[str, Any]], anchors: _Anchors, shared: _Shared, texts: _Texts) -> dict[str, list]:
    """report id → its PER_REPORT longest passages held elsewhere (position order), each with
    its text, text span, number of reports (EXPAND_MAX and `wide` when more) and links to the first
    LINKS holding it (those holding most of its sampled fingerprints, the oldest first)."""
    holders = np.bincount(shared.holding, minlength=len(shared.doc))
    listed = np.flatnonzero((holders > 0) | (shared.rarest > EXPAND_MAX))
    longest = listed[np.lexsort((shared.a[listed], -(shared.b - shared.a)[listed], shared.doc[listed]))]
    firsts, sizes = _groups(shared.doc[longest])
    rank = np.arange(len(longest)) - np.repeat(firsts, sizes)
    chosen = np.sort(longest[rank < PER_REPORT])  # report, position order
    link_firsts = np.cumsum(holders) - holders
    link_rank = np.arange(len(shared.holding)) - link_firsts[shared.holding]
    linked = np.flatnonzero(link_rank < LINKS)
    urls = anchors.urls(catalog, shared.other[linked], shared.other_pos[linked])
    links: dict[int, list[dict[str, str]]] = {}
    for r, o, url in zip(shared.holding[linked].tolist(), shared.other[linked].tolist(), urls):
        links.setdefault(r, []).append({"url": url, "title": catalog[o]["display_title"]})
    per_report: dict[str, list] = {}
    for r in chosen.tolist():
        rid = catalog[int(shared.doc[r])]["id"]
        start, end, rarest = int(shared.start[r]), int(shared.end[r]), int(shared.rarest[r])
        wide = rarest == WIDE  # held by EXPAND_MAX other reports or more
        count = EXPAND_MAX if wide else int(holders[r])
        per_report.setdefault(rid, []).append({"text": _snippet(texts.get(rid), start, end), "start": start, "end": end,
                                               "count": count, "wide": wide, "links": links.get(r, [])})
    return per_report


class _Anchors:
    """Every report's anchors (headings, articles) by skeleton position, made once a build."""

    def __init__(self, prints: Fingerprints):
        self.names = [name for anchors in prints.anchors for _, name in anchors]
        self.owner = np.repeat(np.arange(len(prints.anchors), dtype=np.int64), [len(anchors) for anchors in prints.anchors])
        at = np.fromiter((a for anchors in prints.anchors for a, _ in anchors), np.int64, len(self.names))
        self.place = (self.owner << 32) + at

    def urls(self, catalog: list[dict[str, Any]], docs: np.ndarray, pos: np.ndarray) -> list[str]:
        """The URL of each (report, skeleton position): the report's page at the last anchor at
        or before the position."""
        found = np.searchsorted(self.place, (docs.astype(np.int64) << 32) + pos, "right") - 1
        own = (found >= 0) & (self.owner[found] == docs) if len(self.names) else np.zeros(len(docs), bool)
        return [catalog[d]["url"] + (f"#{self.names[i]}" if mine else "")
                for d, i, mine in zip(docs.tolist(), found.tolist(), own.tolist())]


def _pair_totals(prints: Fingerprints, shared: _Shared) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(report, other report, skeleton characters) per ordered pair: the characters of the
    report's shared passages (`shared`) that the other holds, PAIR_MIN or more (a pair is listed
    by the larger of its two directions, so a smaller one never counts: at 10 000 generated
    reports 40 % of the rows, which the state need not keep)."""
    if not len(shared.holding):
        return np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(0, np.int32)
    n_docs = len(prints.lengths)
    doc = shared.doc[shared.holding].astype(np.int64)
    key = doc * n_docs + shared.other
    order = np.argsort(key, kind="stable")
    firsts, _ = _groups(key[order])
    totals = np.add.reduceat((shared.b - shared.a)[shared.holding][order], firsts)
    big = totals >= PAIR_MIN
    return (doc[order][firsts][big].astype(np.int32), shared.other[order][firsts][big].astype(np.int32),
            totals[big].astype(np.int32))


def _top_pairs(prints: Fingerprints, d: np.ndarray, o: np.ndarray, totals: np.ndarray) -> list[tuple[int, int, int, float]]:
    """(report, report, shared skeleton characters, share of the shorter) of the pairs that
    overlap most, from the ordered pairs' totals (`_pair_totals`, in any order). Found among the
    pairs of a range of reports (by the pair's first report, which both its directions share) at
    a time, each range's best kept: the sort over all of them held ~40 bytes a row, 1.4 GB for the
    ~35 million rows of 100 000 generated reports."""
    if not len(d):
        return []
    first = np.minimum(d, o)
    ends = np.cumsum(np.bincount(first, minlength=len(prints.lengths)))  # rows of the pairs whose first report is ≤ r
    best: list[tuple[int, int, int, float]] = []
    start = 0
    while start < len(prints.lengths):
        before = int(ends[start - 1]) if start else 0
        end = max(start + 1, int(np.searchsorted(ends, before + PAIR_ROWS_AT_ONCE, "right")))  # whole reports, one at least
        rows = np.flatnonzero((first >= start) & (first < end))
        best = _ranked_pairs(prints, d[rows], o[rows], totals[rows], best)
        start = end
    return best


def _ranked_pairs(prints: Fingerprints, d: np.ndarray, o: np.ndarray, totals: np.ndarray,
                  found: list[tuple[int, int, int, float]]) -> list[tuple[int, int, int, float]]:
    """The PAIRS best of the pairs `found` and of the ordered pairs' rows (d, o, totals), in order."""
    n_docs = len(prints.lengths)
    lengths = np.array(prints.lengths, np.int64)
    if len(d) > 2 * PAIRS:
        # Only rows whose own share reaches the 2 × PAIRS-th best row's are ranked (sorting every row took 0.5 s at
        # 10 000 reports). A pair's share is that of its larger row (same shorter report), so those rows hold at
        # least PAIRS pairs at that share or more, and any pair that can rank among them has its larger row here.
        share = np.minimum(1.0, totals.astype(np.int64) / np.maximum(1, np.minimum(lengths[d], lengths[o])))
        candidates = share >= np.partition(share, len(share) - 2 * PAIRS)[len(share) - 2 * PAIRS]
        d, o, totals = d[candidates], o[candidates], totals[candidates]
    # per unordered pair, the larger of its two directions (each PAIR_MIN or more)
    both = np.minimum(d, o).astype(np.int64) * n_docs + np.maximum(d, o)
    order = np.argsort(both)  # any order within a pair: its maximum is taken
    firsts, _ = _groups(both[order])
    best = np.maximum.reduceat(totals[order].astype(np.int64), firsts) if len(firsts) else np.zeros(0, np.int64)
    lo, hi = both[order][firsts] // n_docs, both[order][firsts] % n_docs
    share = np.minimum(1.0, best / np.maximum(1, np.minimum(lengths[lo], lengths[hi])))
    lo, hi, best = (np.concatenate((column, np.array([row[i] for row in found], np.int64))) for i, column in enumerate((lo, hi, best)))
    share = np.concatenate((share, np.array([row[3] for row in found], np.float64)))
    top = np.lexsort((hi, lo, -best, -share))[:PAIRS]
    return list(zip(lo[top].tolist(), hi[top].tolist(), best[top].tolist(), share[top].tolist()))


def _stock(prints: Fingerprints, counts: _Counts) -> list[tuple[int, int, int, int]]:
    """(reports holding it, report, text start, text end) of the most reused passages: from
    the hashes held most widely (ties: the smaller hash), each the first occurrence of its hash
    (report, position order) grown into the run of its report's fingerprints held by at least
    0.8 as many reports, K or fewer characters apart; a hash in a run found before is skipped."""
    wide = counts.group_df >= 3  # heads[g] is shared hash g's first fingerprint
    heads, held = counts.heads[wide], counts.group_df[wide]
    heads = heads[np.lexsort((prints.hashes(heads), -held))]
    df = counts.df
    used: set[int] = set()
    found: list[tuple[int, int, int, int]] = []
    docs, positions = prints.docs, prints.positions
    for e in heads.tolist():
        if len(found) >= STOCK:
            break
        if int(prints.keys[e]) in used:
            continue
        level = 0.8 * df(e)
        lo = hi = e
        while lo > 0 and docs[lo - 1] == docs[e] and df(lo - 1) >= level and positions[lo] - positions[lo - 1] <= K:
            lo -= 1
        while hi + 1 < len(docs) and docs[hi + 1] == docs[e] and df(hi + 1) >= level \
                and positions[hi + 1] - positions[hi] <= K:
            hi += 1
        used.update(prints.keys[lo: hi + 1].tolist())  # keys: one to one with the hashes
        found.append((int(df(e)), int(docs[e]), int(prints.spans.read(lo, lo + 1)[0][0]), int(prints.spans.read(hi, hi + 1)[1][0])))
    return found


def _page(catalog: list[dict[str, Any]], texts: _Texts, pairs: list[tuple[int, int, int, float]],
          stock: list[tuple[int, int, int, int]], shared_reports: int) -> str:
    def link(doc: int, url: str | None = None) -> str:
        target = (url or catalog[doc]["url"]).replace(".html", ".md", 1)
        return f"[{escape_markdown(catalog[doc]['display_title'])}](../{target})"

    lines = ["---", "title: 文本复用", "---", "", "# 文本复用", "",
             f"归档 {len(catalog)} 篇报告中，{shared_reports} 篇有段落也见于其他报告（相同或相近，"
             "判定方法见“查重”页）。", "", "## 最常复用的段落", ""]
    if stock:
        lines += ["| 篇数 | 段落 | 例如 |", "| ---: | --- | --- |"]
        for n, doc, start, end in stock:
            lines.append(f"| {n} | {escape_markdown(_snippet(texts.get(catalog[doc]['id']), start, end))} | {link(doc)} |")
    else:
        lines.append("没有见于三篇以上报告的段落。")
    lines += ["", "## 重合最多的报告", ""]
    if pairs:
        lines += ["| 重合 | 报告 | 报告 | 相同或相近的字数 |", "| ---: | --- | --- | ---: |"]
        for d, o, n, share in pairs:
            lines.append(f"| {share:.0%} | {link(d)} | {link(o)} | {n} |")
    else:
        lines.append(f"没有两篇报告共有 {PAIR_MIN} 字以上的段落。")
    return "\n".join(lines) + "\n"
