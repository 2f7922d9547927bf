"""Build the static search index from the kept texts of all reports.

Runs in `baogao build`/`serve` after conversion, before MkDocs. Layout under `search-index/`
(every file is a script that calls `baogaoSearch.load(name, payload)`, so the index also loads
from file:// where fetch() is blocked); postings are packed (raw deflate + base64, see `packed`):

- `manifest.js`  — document count, shard counts, facet value tables;
- `g1/S.js`, `g2/S.js` — character and character-pair postings: per document, its number of
  occurrences (exact for 1- and 2-character queries);
- `g3/S.js`      — character-triple postings with every position: a longer phrase is found by
  chaining triples at their offsets, so a match is exact by construction;
- `docs/K.js`    — title, URL, year, office … of documents K·B … (K+1)·B−1 (shown results only);
- `facets.js`    — one small code per document and facet, for filter counts and year sorting.

The index holds no copy of the texts: the KWIC lines of the results shown are cut from their
report pages (fetched by the browser, read from disk by the CLI), which already hold every
character. A copy cost 0.8x the raw text at 10 000 reports.

A term's shard is FNV-1a (32 bit) of its code points modulo the level's shard count.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import shutil
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from baogao.search.normalize import normalize

INDEX_DIR = "search-index"
FORMAT = 5
DOCS_PER_BLOCK = 20  # metadata of shown results only: small blocks, few wasted bytes
TARGET_SHARD_BYTES = 24_000
BATCH_ENTRIES = 1_000_000  # entries sorted at once when writing a level: bounds memory
FACETS = ("year", "level", "doc_type", "region", "themes")
_FNV_OFFSET, _FNV_PRIME = 2166136261, 16777619
_CODE_BITS = 21  # a Unicode code point fits in 21 bits; three fit in a uint64


def build_index(catalog: list[dict[str, Any]], text_dir: Path, out_dir: Path, workers: int | None = None) -> str:
    """Write the index for `catalog` (in result order) into out_dir/search; returns its version.

    Skips all work when the texts and catalog are those of the index already there.
    """
    version = _version(catalog)
    target = out_dir / INDEX_DIR
    if (target / "VERSION").is_file() and (target / "VERSION").read_text() == version:
        return version
    tmp = out_dir / f".{INDEX_DIR}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)

    levels = {n: _Level(n) for n in (1, 2, 3)}
    jobs = [text_dir / f"{entry['id']}.txt" for entry in catalog]
    for grams in _map(_index_document, jobs, workers):
        for n, (keys, values) in grams.items():
            levels[n].add(keys, values)

    shards = {n: levels.pop(n).write(tmp) for n in (1, 2, 3)}
    facet_values = _write_docs_and_facets(tmp, catalog)
    manifest = {
        "format": FORMAT, "version": version, "docs": len(catalog), "shards": shards,
        "block": DOCS_PER_BLOCK, "facets": facet_values,
    }
    _write_script(tmp / "manifest.js", "manifest", manifest)
    (tmp / "VERSION").write_text(version)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return version


def _index_document(text_path: Path) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """One report's n-gram entries: (keys, counts) for n < 3, (keys, positions) for n = 3."""
    norm = normalize(text_path.read_text(encoding="utf-8"))
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    grams = {}
    for n in (1, 2):
        keys, counts = np.unique(_keys(codes, n), return_counts=True)
        grams[n] = (keys, counts.astype(np.uint32))
    keys3 = _keys(codes, 3)
    grams[3] = (keys3, np.arange(len(keys3), dtype=np.uint32))
    return grams


def _map(function, jobs: list, workers: int | None):
    """Ordered map over worker processes (the per-report work is CPU-bound)."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) < 64:
        yield from map(function, jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(function, jobs, chunksize=32)


def build_index_for_pages(pages_dir: Path) -> str:
    """Index the reports of a converted pages folder (its catalog.json and text/)."""
    catalog = json.loads((pages_dir / "catalog.json").read_text(encoding="utf-8"))
    return build_index(catalog, pages_dir / "text", pages_dir)


def shard_of(term: str, shards: int) -> int:
    h = _FNV_OFFSET
    for ch in term:
        h = ((h ^ ord(ch)) * _FNV_PRIME) & 0xFFFFFFFF
    return h % shards


def _version(catalog: list[dict[str, Any]]) -> str:
    """Changes whenever the index files could: browsers cache them for good under ?v=version."""
    digest = hashlib.sha256(f"format {FORMAT} {TARGET_SHARD_BYTES} {DOCS_PER_BLOCK}".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):  # the builder and normalisation
        digest.update(module.read_bytes())
    digest.update(json.dumps(catalog, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


def _keys(codes: np.ndarray, n: int) -> np.ndarray:
    if len(codes) < n:
        return np.zeros(0, np.uint64)
    key = codes[: len(codes) - n + 1].copy()
    for i in range(1, n):
        key = (key << np.uint64(_CODE_BITS)) | codes[i: len(codes) - n + 1 + i]
    return key


def _key_codes(keys: np.ndarray, n: int) -> np.ndarray:
    """(len(keys), n) code points of each key."""
    mask = np.uint64((1 << _CODE_BITS) - 1)
    return np.stack([(keys >> np.uint64(_CODE_BITS * (n - 1 - i))) & mask for i in range(n)], axis=1)


def _fnv(codes: np.ndarray) -> np.ndarray:
    h = np.full(len(codes), _FNV_OFFSET, np.uint64)
    for i in range(codes.shape[1]):
        h = ((h ^ codes[:, i]) * np.uint64(_FNV_PRIME)) & np.uint64(0xFFFFFFFF)
    return h


def _varints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LEB128 bytes of all values, and each value's byte length."""
    values = values.astype(np.uint64)
    length = np.ones(len(values), np.int64)
    for bits in (7, 14, 21, 28, 35):
        length += values >= np.uint64(1 << bits)
    start = np.concatenate(([0], np.cumsum(length)[:-1]))
    out = np.zeros(int(length.sum()), np.uint8)
    for group in range(int(length.max(initial=0))):
        has = length > group
        byte = (values[has] >> np.uint64(7 * group)) & np.uint64(0x7F)
        more = (length[has] > group + 1).astype(np.uint64) << np.uint64(7)
        out[start[has] + group] = (byte | more).astype(np.uint8)
    return out, length


class _Level:
    """The (term, document, value) entries of one n-gram level, kept compact until written.

    Values are occurrence counts (n < 3) or positions (n = 3). Entries are held per document; writing
    goes shard range by shard range so that memory stays bounded at any archive size.
    """

    def __init__(self, n: int):
        self.n = n
        self.keys: list[np.ndarray] = []
        self.values: list[np.ndarray] = []

    def add(self, keys: np.ndarray, values: np.ndarray) -> None:
        """Entries of the next document (documents are numbered in the order they are added)."""
        self.keys.append(keys)
        self.values.append(values)

    def write(self, root: Path) -> int:
        """Write all shards of this level; returns the shard count."""
        total = sum(len(k) for k in self.keys)
        estimate = total * (4 if self.n == 3 else 2)  # packed bytes per entry, measured
        shards = 1 << max(0, math.ceil(math.log2(max(1, estimate / TARGET_SHARD_BYTES))))
        shard_ids = [(_fnv(_key_codes(k, self.n)) % np.uint64(shards)).astype(np.uint32) for k in self.keys]
        batches = min(shards, 1 + total // BATCH_ENTRIES)
        for batch in range(batches):
            lo, hi = batch * shards // batches, (batch + 1) * shards // batches
            picks = [np.flatnonzero((s >= lo) & (s < hi)) for s in shard_ids]
            _write_shards(
                root, self.n, shards,
                keys=np.concatenate([k[p] for k, p in zip(self.keys, picks)] or [np.zeros(0, np.uint64)]),
                docs=np.concatenate([np.full(len(p), d, np.int64) for d, p in enumerate(picks)] or [np.zeros(0, np.int64)]),
                vals=np.concatenate([v[p] for v, p in zip(self.values, picks)]).astype(np.int64),
                shard=np.concatenate([s[p] for s, p in zip(shard_ids, picks)] or [np.zeros(0, np.uint32)]).astype(np.int64),
            )
        self.keys, self.values = [], []
        return shards


def _write_shards(root: Path, n: int, shards: int, keys, docs, vals, shard) -> None:
    """Sort entries by shard and term, encode each term's postings, and write the shards."""
    if not len(keys):
        return
    positional = n == 3
    order = np.lexsort((keys, shard))  # stable: docs, then positions, stay ascending
    keys, docs, vals, shard = keys[order], docs[order], vals[order], shard[order]
    del order

    count = len(keys)
    new_term = np.ones(count, bool)
    new_term[1:] = keys[1:] != keys[:-1]
    if positional:
        new_group = new_term.copy()
        new_group[1:] |= docs[1:] != docs[:-1]
    else:
        new_group = np.ones(count, bool)
    term_no = np.cumsum(new_term) - 1
    group_no = np.cumsum(new_group) - 1

    # Value stream per term: [documents, (doc delta, positions count, positions…)…] for n = 3,
    # [documents, (doc delta, count)…] for n < 3. An entry's value sits after the values and
    # headers before it (one per term, `header` per group).
    header = 2 if positional else 1
    slot = np.arange(count) + header * (group_no + 1) + (term_no + 1)
    total = count + header * (group_no[-1] + 1) + (term_no[-1] + 1)
    stream = np.zeros(int(total), np.int64)

    group_first = np.flatnonzero(new_group)
    term_first = np.flatnonzero(new_term)
    prev_doc = np.concatenate(([0], docs[:-1]))
    stream[slot[group_first] - header] = np.where(new_term, docs, docs - prev_doc)[group_first]
    if positional:
        prev_val = np.concatenate(([0], vals[:-1]))
        stream[slot] = np.where(new_group, vals, vals - prev_val)
        stream[slot[group_first] - 1] = np.diff(np.append(group_first, count))
    else:
        stream[slot] = vals
    groups_per_term = np.diff(np.append(group_no[term_first], group_no[-1] + 1))
    stream[slot[term_first] - (header + 1)] = groups_per_term

    data, length = _varints(stream)
    byte_start = np.concatenate(([0], np.cumsum(length)))
    term_byte_start = byte_start[slot[term_first] - (header + 1)]
    term_byte_end = np.append(term_byte_start[1:], len(data))
    term_shard = shard[term_first]
    term_codes = _key_codes(keys[term_first], n).astype("<u4")

    shard_bounds = np.searchsorted(term_shard, np.arange(shards + 1))
    for s in range(shards):
        lo, hi = shard_bounds[s], shard_bounds[s + 1]
        if lo == hi:
            continue
        terms = term_codes[lo:hi].tobytes().decode("utf-32-le").encode("utf-8")
        sizes, _ = _varints(term_byte_end[lo:hi] - term_byte_start[lo:hi])
        header, _ = _varints(np.array([len(terms), len(sizes)]))
        blob = header.tobytes() + terms + sizes.tobytes() + data[term_byte_start[lo]: term_byte_end[hi - 1]].tobytes()
        _write_script(root / f"g{n}" / f"{s}.js", f"g{n}/{s}", packed(blob))


def _write_docs_and_facets(root: Path, catalog: list[dict[str, Any]]) -> dict[str, list]:
    for block in range(0, len(catalog), DOCS_PER_BLOCK):
        rows = [
            [e["id"], e["url"], e["title"], e["year"], e["org"], e["level"], e["region"], e["doc_type"]]
            for e in catalog[block: block + DOCS_PER_BLOCK]
        ]
        _write_script(root / "docs" / f"{block // DOCS_PER_BLOCK}.js", f"docs/{block // DOCS_PER_BLOCK}", rows)

    values: dict[str, list] = {}
    columns: dict[str, list] = {}
    for facet in FACETS:
        raw = [e.get(facet) for e in catalog]
        flat = sorted({v for r in raw for v in (r if isinstance(r, list) else [r]) if v not in (None, "")},
                      key=lambda v: (-v if isinstance(v, int) else 0, str(v)))
        code = {v: i + 1 for i, v in enumerate(flat)}  # 0: unknown
        values[facet] = flat
        columns[facet] = [[code[v] for v in r] if isinstance(r, list) else code.get(r, 0) for r in raw]
    # One small code per document and facet: packed, it is a few bytes per document.
    _write_script(root / "facets.js", "facets", packed(json.dumps(columns, separators=(",", ":")).encode()))
    return values


def packed(data: bytes) -> str:
    """Raw-deflate then base64: the index is a third smaller on disk (browsers inflate it with
    DecompressionStream("deflate-raw"), which also works from file://)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.b64encode(compressor.compress(data) + compressor.flush()).decode("ascii")


def unpacked(text: str) -> bytes:
    return zlib.decompress(base64.b64decode(text), -15)


def _write_script(path: Path, name: str, payload: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    # "</script" cannot occur in JSON produced from our data once "<" is escaped.
    body = body.replace("<", "\\u003c")
    path.write_text(f"baogaoSearch.load({json.dumps(name)},{body});\n", encoding="utf-8")
