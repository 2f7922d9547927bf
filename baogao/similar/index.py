"""Build the fingerprint index of the archive (`similar-index/`) and its reuse pages.

Runs in `baogao build`/`serve` after the search index, before MkDocs (the reuse pages it
writes are pages of the site); `publish` copies the index into the built site. Every file is a
script that calls `baogaoSimilar.load(name, payload)`, so the 查重 page works from file://;
payloads are raw deflate, 7 bits a character, as the search index's (`baogao.search.codec`):

- `manifest.js` — format, version, number of reports, `layout` ("archive" or "hash", below) and its
  fields (`parts`; in archive order `key_parts`, `low_bits`, `key_bits`, `block_widths`), docs block size, the
  matching constants of `baogao.similar.fingerprint` (`SETTINGS`: one source for both
  engines), and `end` / `end_bytes`, the text / bytes that end joined pieces (below).
  Every other file's payload is a piece of a deflate stream (`baogao.search.codec.piece`: the
  browser joins the files a draft needs and inflates them at once) of its data framed as the
  search index's files are (`codec.frame`: length and CRC-32, keyed by "version/NAME"), so a
  missing, truncated, altered or stale file (of another build) is an error, never a partial
  answer, with no table of checks to load first; every keys, entries and docs file exists;
- the fingerprints in *parts*. A hash is stored under its key (hash times MIX mod 2^32, one to
  one: a fingerprint is the smallest hash of its window, so hashes crowd at the low end; keys
  spread evenly). Two layouts, chosen by size (KEYS_BYTES), named by the manifest's `layout`:
  - **archive order** ("archive", while its keys level is at most KEYS_BYTES): parts of
    PART_KEYS distinct hashes each, a part holding a run of the hashes in archive order (by the
    report that holds each first, catalog order, then its position there): a draft copied from
    a few reports finds its fingerprints in a few parts. Two levels:
    - `k/J.js` — the keys of parts J·KEY_PARTS …, loaded whole by every draft (about 2.7 bytes
      a distinct fingerprint), each key without its LOW_BITS low bits (two keys of a part may
      then be equal): varints `[G, T₁ … T_G, R₁ … R_G]` (G parts, part i's T keys and Rice
      parameter R, about log2 of the mean gap), then per part the low R bits of its T key gaps
      (ascending keys, the first from 0) packed (big-endian bits, padded to a byte), then
      varints: the high parts of all the gaps, part after part;
    - `e/P.js` — part P's entries, loaded only when a draft's fingerprint may be among its
      keys: varints `[T, E, base]`, then `[the T keys' low bits, T entry counts, T "more"
      counts]` (a draft's key whose high bits are a part's is that key only if these agree),
      then per entry in key order the pair (report delta, section): the first report of a key
      from `base` (the part's lowest report: a part spans a few reports, so these are small),
      the others from the entry before. Pairs rather than two runs: the keys of one passage
      share their reports and sections, so deflate finds a key's pairs repeated;
    - `keys.bin` and `keys.js` (when the keys files pass BLOCKS_FROM) — the first level again,
      by hash, for a server of byte ranges (over http a draft reads these instead of every
      keys file; the manifest's `key_bits` says they exist): block B (of 2^`key_bits`)
      holds the keys whose top `key_bits` bits are B, about BLOCK_KEYS of them: a varint count,
      then per key (ascending) its other bits, its part and its rank among the part's keys, in
      fixed widths (`block_widths`), packed big-endian; each block a raw piece (framed under
      "version/keys/B", `codec.raw_piece`) so that the blocks a request brings inflate as one
      stream; `keys.js` holds each block's byte length. A draft reads the blocks of its keys
      (~1 100 at 10 000 reports, adjacent ones as one range), then the entries of their parts,
      whose low bits must agree with the key. From file:// (no fetch) and from a server that
      answers a range request with the whole file, the keys files are read as before.
  - **by hash** ("hash", a larger keys level): no keys level; part P of `parts` (a power of
    two: the count of least cost by format 3's model, `_shard_bits`) holds the keys whose top
    log2(parts) bits are P, so a draft computes the part of each of its keys and loads only
    those parts' `e/P.js`, laid out as above but with each key whole in the place of its low
    bits: the gap from the part's key before it (ascending), the first from 0.
  An entry is (report, section): the section is the number of the report's anchors at or before
  the fingerprint (0: before the first), all a match needs to link to the heading above its
  passage. A hash held by more than HOLDERS reports keeps the entries of the first HOLDERS
  (catalog order) and counts the others in "more", which the 查重 page shows (a stock phrase
  names a few reports, not thousands, in a draft's answer and its download; the first HOLDERS
  are the same for all of a passage's fingerprints, so its passages hold together);
- `docs/B.js` — reports B·block … (and `rows.bin`, each report's row a raw piece framed under
  "version/rows/D", read by byte ranges over http; `rows.js` their byte lengths):
  `[id, url, display title, [anchor, …], [start, …]]`, the
  anchors of the report's headings and articles in page order (section s links to anchor
  s − 1) and where each one's line starts in the report's text, in the search index's
  normalised characters (`baogao.similar.prints`): section s is the text from start s − 1 (0
  for s = 0) to start s. The 查重 page shows the archive passage beside the draft's by reading
  only its sections' chunks from the search index's text store (`baogao.search.textstore`: a
  report is numbered in catalog order in both indexes), not the report page.
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from baogao.search.codec import (
    PIECE_END_BYTES,
    PIECES_END,
    encode_varints,
    frame,
    json_bytes,
    piece,
    raw_piece,
    write_script,
)
from baogao.similar import fingerprint

if TYPE_CHECKING:
    from baogao.similar.prints import Fingerprints

ENGINE = "baogaoSimilar"  # the 查重 engine's global (baogao-similar.js), which every index file calls
INDEX_DIR = "similar-index"
FORMAT = 6  # 5: the layout chosen by size, named in the manifest; 6: rows' text starts, keys.bin, rows.bin
ARCHIVE, HASH = "archive", "hash"  # the manifest's `layout` (baogao-similar.js reads "hash")
DOCS_PER_BLOCK = 50
# Over a server of byte ranges the rows are read one by one from ROWS_FILE (a draft's answer
# names ~200 reports: their rows, not the blocks that hold them, ~5 times the bytes); the
# blocks stay for file:// and servers that send whole files.
ROWS_FILE = "rows.bin"
# A draft looks up every one of its fingerprints (~1 300 in 5 000 characters): it loads every
# key (the first level), then the entries of the parts holding its fingerprints, which archive
# order keeps few (a copied passage's fingerprints stand together). Per file a browser pays a
# request and a script to run (a few ms each in Chromium, measured), so the keys come in files
# of KEY_PARTS parts (32 768 keys). PART_KEYS trades the keys' size (each part's keys are a set of
# their own: a bit more a key each time parts halve) against the entries a draft loads with its
# parts. Measured at 10 000 generated reports (scripts/bench.py's draft, whole keys) with 1 024,
# 2 048, 4 096 and 8 192 keys a part: 2.28, 2.32, 2.44, 2.60 MB in 120, 109, 95, 84 files.
PART_KEYS, KEY_PARTS = 2048, 16
# The keys files hold a key's high 32 − LOW_BITS bits; its low bits stand in its part's entries.
# What every draft loads is then LOW_BITS bits a key smaller (~0.29 MB at 10 000 reports), for a
# chance match of the high bits in a part (a draft key meets one about once in
# 2^(32 − LOW_BITS) / PART_KEYS parts: ~2 parts more a draft) that the entries' low bits refuse.
LOW_BITS = 4
LOW_MASK = (1 << LOW_BITS) - 1
# The keys level grows with the archive's distinct fingerprints (~2.7 bytes each; real reports
# share few passages: the 46 corpus reports have ~130 000), and every draft loads it whole.
# Past KEYS_BYTES of keys files (their payloads) the index is written by hash instead, as
# format 3 was: a draft then loads about one file per fingerprint, bounded by DRAFT_BYTES (below)
# whatever the archive; KEYS_BYTES is that bound, so the archive-order layout is kept only while
# its keys alone cost a draft no more than the hash layout's whole load may.
# Hash layout: a draft loads the part of each of its fingerprints: with N parts, a draft of
# DRAFT_PRINTS fingerprints (a 5 000-character draft has ~1 400) loads N·(1 − e^(−DRAFT_PRINTS/N))
# files holding that share of the index. The part count is the smallest power of two whose
# expected load is at most DRAFT_BYTES (`_shard_bits`): more parts spare a draft bytes but not
# files (it loads about one a fingerprint already) and cost the site a file each. (Format 3 took
# the count of least cost, a file counted as 16 KB of payload: past ~100 MB of index that is
# always the most parts, 2^24 — 16 million files of a few bytes for 100 000 generated reports.)
DRAFT_PRINTS, DRAFT_BYTES = 1_500, 1_500_000
KEYS_BYTES = DRAFT_BYTES
# packed, measured (format 3; by hash the corpus's one part is 576 KB, 607 KB estimated): size the part count
_BYTES_PER_HASH, _BYTES_PER_ENTRY = 3.0, 1.5
# Archive order over a server of byte ranges: the keys level again, by hash (keys.bin), so that a
# draft reads the blocks holding its fingerprints, not every key: block B holds the keys whose
# top `key_bits` bits are B, about BLOCK_KEYS of them, each as its other bits, its part and its
# rank there in fixed widths (~4.75 bytes, ~5.8 with each block's check, at 10 000 reports, where
# the keys files cost every key ~2.7 bytes). A draft of ~1 300 fingerprints reads ~1 100 blocks,
# 100 a request; fewer keys a block cost fewer bytes but more ranges (~100 bytes of multipart
# headers each) and a longer table of blocks: 64, 32, 16, 8 keys cost such a draft 454, ~300,
# 251, ~220 KB at 10 000 reports (README "查重").
BLOCK_KEYS = 16
KEY_BLOCKS_FILE = "keys.bin"
# keys.bin costs ~5.8 bytes a key on disk (the keys files ~2.7), and a draft reads ~0.27 MB of it
# whatever the archive: written only when the keys files pass BLOCKS_FROM (a draft then reads a
# quarter of their bytes or less). The 46 corpus reports' keys files are 0.35 MB: a draft read
# 0.21 MB of blocks instead, for 0.75 MB more on disk (0.45 → 0.91 × their raw text).
BLOCKS_FROM = 1_000_000
HOLDERS = 4  # reports listed for one fingerprint (see the module): at 10 000 reports 16 made the
# shards a draft loads 1.4 MB and the report rows of its answer 0.8 MB; 4 make them 1.4 and 0.3 MB
MIX = 0x9E3779B1  # odd: key = hash · MIX mod 2^32 is one to one (see the module)
_MIX_INVERSE = pow(MIX, -1, 2**32)


def build_similar_index(pages_dir: Path, workers: int | None = None, keys_bytes: int = KEYS_BYTES,
                        draft_bytes: int = DRAFT_BYTES, reuse_written: Callable[[str], None] | None = None,
                        versioned: Callable[[str], None] | None = None) -> str:
    """Write pages_dir/similar-index for the converted reports (catalog.json, text/, reports/)
    and the reuse pages; returns the index version. Skips the work when nothing changed.
    `keys_bytes`, `draft_bytes`: the layout's bounds (KEYS_BYTES, DRAFT_BYTES; tests pass small ones).
    `versioned` is called with the version as soon as it is known (the reports' keys read, before any
    fingerprint), `reuse_written` with it once the reuse pages are written, before the index files (a
    third of the work): `baogao build` starts MkDocs at the first and lets it read the reuse pages at the
    second, rendering the site while the index files are written."""
    # imported here, not above: `baogao similar` imports this module's names and starts faster without them
    from baogao.catalog import CATALOG_FILE
    from baogao.similar.prints import load_fingerprints, report_keys
    from baogao.similar.reuse import write_reuse

    catalog = json.loads((pages_dir / CATALOG_FILE).read_text(encoding="utf-8"))
    keys = report_keys(pages_dir, catalog)
    version = _version(catalog, keys, keys_bytes, draft_bytes)
    if versioned is not None:
        versioned(version)
    target, tmp = pages_dir / INDEX_DIR, pages_dir / f".{INDEX_DIR}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    if (target / "VERSION").is_file() and (target / "VERSION").read_text() == version:
        if reuse_written is not None:
            reuse_written(version)
        return version
    tmp.mkdir(parents=True)
    with load_fingerprints(pages_dir, catalog, workers, keys) as prints:
        # the reuse pages become this version's before the index files do: the index before must no
        # longer pass for current (the early return above), or a build after a failure here, of the
        # archive as it was, would keep the reuse pages of the version that failed
        (target / "VERSION").unlink(missing_ok=True)
        write_reuse(pages_dir, catalog, prints)
        if reuse_written is not None:
            reuse_written(version)
        write_index(tmp, catalog, prints, version, keys_bytes, draft_bytes)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return version


def write_index(root: Path, catalog: list[dict[str, Any]], prints: Fingerprints, version: str,
                keys_bytes: int = KEYS_BYTES, draft_bytes: int = DRAFT_BYTES) -> None:
    """The index files of `prints` (the fingerprints of the reports of `catalog`) in `root`, in
    the layout `keys_bytes` and `draft_bytes` choose (see KEYS_BYTES)."""
    layout = _write_parts(root, prints, version, keys_bytes, draft_bytes)
    row_pieces = []
    for block in range(0, len(catalog), DOCS_PER_BLOCK):
        rows = [[e["id"], e["url"], e["display_title"], [name for _, name in prints.anchors[d]], prints.anchor_starts[d]]
                for d, e in enumerate(catalog[block: block + DOCS_PER_BLOCK], start=block)]
        _write(root, f"docs/{block // DOCS_PER_BLOCK}", json_bytes(rows), version)
        row_pieces += [raw_piece(frame(json_bytes(row), f"{version}/rows/{d}")) for d, row in enumerate(rows, start=block)]
    _write_ranged(root, ROWS_FILE, "rows", row_pieces, version)
    manifest = {
        "format": FORMAT, "version": version, "docs": len(catalog), **layout, "block": DOCS_PER_BLOCK,
        "holders": HOLDERS, "mix": MIX, "end": PIECES_END, "end_bytes": list(PIECE_END_BYTES), **fingerprint.SETTINGS,
    }
    write_script(root / "manifest.js", "manifest", manifest, ENGINE)
    (root / "VERSION").write_text(version)


def publish_similar_index(pages_dir: Path, site_dir: Path) -> None:
    """Put the index into the built site."""
    from baogao.search.index import link_index_files  # build-time only (see build_similar_index)

    link_index_files(pages_dir / INDEX_DIR, site_dir / INDEX_DIR)


def _packed(name: str, data: bytes, version: str) -> str:
    """The payload of NAME.js: `data` framed under "version/NAME" (codec.frame, as the search
    index's files), as a piece (see the module)."""
    return piece(frame(data, f"{version}/{name}"))


def _write(root: Path, name: str, data: bytes, version: str) -> None:
    write_script(root / f"{name}.js", name, _packed(name, data, version), ENGINE)


def _write_parts(root: Path, prints: Fingerprints, version: str, keys_bytes: int, draft_bytes: int) -> dict[str, Any]:
    """Write the parts of the layout the bounds choose (see KEYS_BYTES): k/J.js and e/P.js in
    archive order, or e/P.js by hash; returns the manifest's fields of the layout."""
    unique, first_positions, more, docs, sections, counts = _entries(prints)
    # each hash's part in archive order: its rank by (first report, position there), PART_KEYS a part
    part = np.empty(len(unique), np.int64)
    part[np.lexsort((first_positions, docs[np.cumsum(counts) - counts]))] = np.arange(len(unique)) // PART_KEYS
    parts = int(part.max(initial=-1)) + 1
    by_part = np.argsort(part, kind="stable")  # each part's hashes in key order
    bounds = np.searchsorted(part[by_part], np.arange(parts + 1))
    keys = unique[by_part] >> LOW_BITS
    key_files: list[str] = []
    size = 0
    for j in range(0, parts, KEY_PARTS):
        key_files.append(_packed(f"k/{j // KEY_PARTS}", _keys_body([keys[lo:hi] for lo, hi in zip(
            bounds[j: j + KEY_PARTS], bounds[j + 1: j + KEY_PARTS + 1])]), version))
        size += len(key_files[-1].encode())
        if size > keys_bytes:  # by hash: the other keys files need not be made
            break
    if size <= keys_bytes:
        for j, keys_file in enumerate(key_files):
            write_script(root / f"k/{j}.js", f"k/{j}", keys_file, ENGINE)
        fields = {"layout": ARCHIVE, "parts": parts, "key_parts": KEY_PARTS, "low_bits": LOW_BITS}
        if size > BLOCKS_FROM:
            fields.update(_write_key_blocks(root, unique, part, by_part, bounds, version))
        key_field = unique[by_part] & LOW_MASK
    else:  # by hash: a key's part is its top bits, its entries hold it whole (gaps: ascending, the first from 0)
        bits = _shard_bits(len(unique) * _BYTES_PER_HASH + len(docs) * _BYTES_PER_ENTRY, draft_bytes)
        parts, part = 1 << bits, unique >> (32 - bits)
        by_part = np.arange(len(unique))  # key order is part order
        bounds = np.searchsorted(part, np.arange(parts + 1))
        key_field, heads = np.diff(unique, prepend=0), bounds[:-1][bounds[:-1] < len(unique)]
        key_field[heads] = unique[heads]
        fields = {"layout": HASH, "parts": parts}
    entries = np.argsort(np.repeat(part, counts), kind="stable")
    counts, more = counts[by_part], more[by_part]
    docs, sections = docs[entries], sections[entries]
    entry_bounds = np.append(np.cumsum(counts) - counts, len(docs))[bounds]
    for p, (lo, hi, first, last) in enumerate(zip(bounds[:-1].tolist(), bounds[1:].tolist(),
                                                  entry_bounds[:-1].tolist(), entry_bounds[1:].tolist())):
        c, d = counts[lo:hi], docs[first:last]
        base = int(d.min(initial=0))
        deltas = d - np.concatenate(([0], d[:-1]))
        starts = np.cumsum(c) - c
        deltas[starts] = d[starts] - base
        body = encode_varints(np.concatenate(([hi - lo, last - first, base], key_field[lo:hi], c, more[lo:hi],
                                              np.stack((deltas, sections[first:last]), 1).ravel())))[0]
        _write(root, f"e/{p}", body.tobytes(), version)
    return fields


def _entries(prints: Fingerprints) -> tuple[np.ndarray, ...]:
    """(per hash, key order: its key, the position of its first fingerprint, the reports holding
    it beyond HOLDERS, its number of entries; per entry, (key, report) order: its report and
    section) — an entry per (key, report, section) of the first HOLDERS reports holding the key.
    Made one `key_slices` range at a time (a key's entries depend on its fingerprints only)."""
    columns = [(np.zeros(0, np.int64), np.zeros(0, np.int32), np.zeros(0, np.int64), np.zeros(0, np.int64),
                np.zeros(0, np.int32), np.zeros(0, np.int32))]  # their types when there are no fingerprints
    for lo, hi in prints.key_slices():
        # in (key, report, position) order the sections of a (key, report) ascend: one entry per
        # (key, report, section), in (key, report) order
        order = prints.by_key[lo:hi]
        hashes, docs, sections = prints.keys[order], prints.docs[order], prints.sections[order]
        keep = np.ones(len(hashes), bool)
        keep[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1]) | (sections[1:] != sections[:-1])
        kept = np.flatnonzero(keep)
        hashes, docs, sections = hashes[kept], docs[kept], sections[kept]
        new_hash = np.ones(len(hashes), bool)
        new_hash[1:] = hashes[1:] != hashes[:-1]
        firsts = np.flatnonzero(new_hash)
        new_doc = new_hash.copy()
        new_doc[1:] |= docs[1:] != docs[:-1]
        group = np.cumsum(new_hash, dtype=np.int32) - 1
        rank = np.cumsum(new_doc, dtype=np.int32) - 1  # the report's rank among its hash's reports
        rank -= rank[firsts][group]
        holders = np.bincount(group[new_doc], minlength=len(firsts))
        listed = rank < HOLDERS
        columns.append((hashes[firsts].astype(np.int64), prints.positions[order[kept[firsts]]],
                        np.maximum(0, holders - HOLDERS), np.bincount(group[listed], minlength=len(firsts)),
                        docs[listed], sections[listed]))
    unique, first_positions, more, counts, docs, sections = (np.concatenate(column) for column in zip(*columns))
    return unique, first_positions, more, docs, sections, counts


def _write_key_blocks(root: Path, unique: np.ndarray, part: np.ndarray, by_part: np.ndarray, bounds: np.ndarray,
                      version: str) -> dict[str, Any]:
    """keys.bin and keys.js, the keys level by hash for servers of byte ranges (see the module):
    `unique` the keys ascending, `part` each one's part, `by_part` them in part then key order,
    `bounds` where each part starts there. Returns the manifest's fields."""
    bits = max(0, round(math.log2(max(1, len(unique)) / BLOCK_KEYS)))
    rank = np.empty(len(unique), np.int64)
    rank[by_part] = np.arange(len(unique)) - np.repeat(bounds[:-1], np.diff(bounds))
    widths = [32 - bits, _width(part.max(initial=0)), _width(rank.max(initial=0))]  # below the block's bits, part, rank
    fields = np.stack([unique & ((1 << widths[0]) - 1), part, rank], 1)
    shifts = np.concatenate([np.arange(w - 1, -1, -1) for w in widths])
    columns = np.repeat(np.arange(3), widths)
    block_bounds = np.searchsorted(unique >> widths[0], np.arange((1 << bits) + 1))
    counts = np.diff(block_bounds)
    heads, head_lengths = encode_varints(counts)
    # the blocks of one key count packed at once (a row of bits each, padded to whole bytes):
    # a loop over the ~40 counts, not over the ~32 000 blocks of 10 000 reports (3.5 s → 0.6 s)
    packed = [b""] * len(counts)
    for count in np.unique(counts).tolist():
        blocks = np.flatnonzero(counts == count)
        keys = block_bounds[blocks][:, None] + np.arange(count)
        rows = np.packbits(((fields[keys][:, :, columns] >> shifts) & 1).astype(np.uint8).reshape(len(blocks), -1), axis=1)
        for b, row in zip(blocks.tolist(), rows):
            packed[b] = row.tobytes()
    pieces = [raw_piece(frame(heads[start: start + length].tobytes() + data, f"{version}/keys/{b}"))
              for b, (start, length, data) in enumerate(zip((np.cumsum(head_lengths) - head_lengths).tolist(),
                                                            head_lengths.tolist(), packed))]
    _write_ranged(root, KEY_BLOCKS_FILE, "keys", pieces, version)
    return {"key_bits": bits, "block_widths": widths}


def _write_ranged(root: Path, file: str, table: str, pieces: list[bytes], version: str) -> None:
    """FILE, the raw pieces in turn (read by byte ranges over http), and TABLE.js, their byte lengths."""
    (root / file).write_bytes(b"".join(pieces))
    _write(root, table, encode_varints(np.array([len(x) for x in pieces], np.int64))[0].tobytes(), version)


def _width(largest: int) -> int:
    """Bits that hold the numbers 0 … largest."""
    return max(1, int(largest).bit_length())


def _keys_body(key_parts: list[np.ndarray]) -> bytes:
    """The body of a keys file (see the module) for the keys of its parts (each ascending)."""
    lows, highs, params = [], [], []
    for keys in key_parts:
        gaps = np.diff(keys, prepend=0)
        low = max(0, int(np.log2(max(1.0, float(gaps.mean()) * 0.69)))) if len(keys) else 0  # Rice's parameter
        params.append(low)
        bits = (gaps[:, None] >> np.arange(low - 1, -1, -1)) & 1
        lows.append(np.packbits(bits.astype(np.uint8).ravel()).tobytes())
        highs.append(gaps >> low)
    head, _ = encode_varints(np.array([len(key_parts), *(len(k) for k in key_parts), *params]))
    rest, _ = encode_varints(np.concatenate(highs) if highs else np.zeros(0, np.int64))
    return head.tobytes() + b"".join(lows) + rest.tobytes()


def shard_keys(hashes: np.ndarray) -> np.ndarray:
    """The keys the index stores fingerprints under (see the module), uint32: the product wraps
    mod 2^32 (one pass over 110 million hashes at 100 000 reports, not four through 64 bits)."""
    return hashes.astype(np.uint32) * np.uint32(MIX)


def shard_hashes(keys: np.ndarray) -> np.ndarray:
    """The hashes of shard keys (the inverse of `shard_keys`: MIX is odd, so invertible mod 2^32)."""
    return keys.astype(np.uint32) * np.uint32(_MIX_INVERSE)


def _shard_bits(estimate: float, draft_bytes: int) -> int:
    """log2 of the part count of the hash layout for an index of about `estimate` bytes: the
    fewest parts whose draft loads at most `draft_bytes` (see DRAFT_BYTES), 2^24 at most."""
    def load(bits: int) -> float:
        return estimate * (1 - math.exp(-DRAFT_PRINTS / (1 << bits)))  # the share of the parts a draft loads

    return next((bits for bits in range(25) if load(bits) <= draft_bytes), 24)


def _version(catalog: list[dict[str, Any]], keys: list[str], keys_bytes: int, draft_bytes: int) -> str:
    """Changes whenever the index files or the reuse pages could (browsers cache them under
    ?v=version): the code and settings, and per report, in catalog order, all they read of it —
    its id, URL and display title, and its fingerprints' key (`prints.report_keys`: its text and
    its page's headings and articles). Not its other metadata: a `themes.yml` edit keeps them."""
    digest = hashlib.sha256(f"similar {FORMAT} {MIX} {PART_KEYS} {KEY_PARTS} {LOW_BITS} {BLOCK_KEYS} {BLOCKS_FROM} {keys_bytes} "
                            f"{DRAFT_PRINTS} {draft_bytes} {HOLDERS} {DOCS_PER_BLOCK}".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    read = [[entry["id"], entry["url"], entry["display_title"], key] for entry, key in zip(catalog, keys)]
    digest.update(json.dumps(read, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()[:16]
