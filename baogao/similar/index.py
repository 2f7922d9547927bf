"""Build the fingerprint index of the archive (`similar-index/`) and its reuse pages.

Runs in `baogao build`/`serve` after the search index, before MkDocs (the reuse pages it
writes are pages of the site); `publish` copies the index into the built site. Every file is a
script that calls `baogaoSimilar.load(name, payload)`, so the 查重 page works from file://;
payloads are packed as the search index's are (raw deflate, 7 bits a character:
`baogao.search.index.packed`):

- `manifest.js` — format, version, number of reports, shard bits, docs block size, the
  matching constants of `baogao.similar.fingerprint` (`SETTINGS`: one source for both
  engines), and the length and CRC-32 of every other file's payload (`checks`, as the search
  index's: a missing or altered file is an error, never a partial answer);
- `f/S.js` — the fingerprints whose hash has top bits S: varints `[T, T × (hash delta · 2 + 1 if
  the hash has more than one entry), the entry counts of those, then per entry (report,
  position)]`; within a hash, a report is a delta from the one before (the first absolute), a
  position a delta from the one before in the same report (most hashes have one entry: no count);
- `docs/B.js` — reports B·block …: `[id, url, display title, [skeleton position, anchor, …]]`,
  the anchors being those of the report's headings and articles (a match links to the last one
  at or before its passage).
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import shutil
from pathlib import Path
from typing import Any

import numpy as np

from baogao.catalog import CATALOG_FILE
from baogao.search.index import encode_varints, json_bytes, link_index_files, packed, write_packed, write_script
from baogao.similar import fingerprint
from baogao.similar.fingerprint import skeleton
from baogao.workers import ordered_map, worker_pool

ENGINE = "baogaoSimilar"  # the 查重 engine's global (baogao-similar.js), which every index file calls
INDEX_DIR = "similar-index"
FORMAT = 1
DOCS_PER_BLOCK = 50
TARGET_SHARD_BYTES = 4_000  # a draft touches one shard per fingerprint: small shards, little transfer
CHUNK = 32  # reports per worker task (fingerprinting one takes a few ms, see baogao.workers)
_BYTES_PER_ENTRY = 5  # packed, measured: sizes the shard count
# A heading or an article of a converted page: its text (escaped Markdown) and anchor.
_ANCHORED = re.compile(r"^(?:#{1,6} (?P<heading>.*) \{: #(?P<h>[^ ]+) \}|\{: #(?P<a>[^ ]+) \.baogao-article \})$")


class Fingerprints:
    """Every fingerprint of the archive: hash, report (catalog order), skeleton position, the
    text offsets its k-gram spans [start, end) and the line it starts in, sorted by hash,
    report, position; and per report its skeleton length and anchors."""

    def __init__(self, found: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, int,
                                        list[tuple[int, str]]]]):
        def joined(i: int, dtype: str) -> np.ndarray:
            return np.concatenate([f[i] for f in found] or [np.zeros(0, dtype)]).astype(dtype)

        hashes, positions, starts, ends = joined(0, "uint32"), joined(1, "int64"), joined(2, "int64"), joined(3, "int64")
        lines = joined(4, "int64")
        docs = np.concatenate([np.full(len(f[0]), d, np.int64) for d, f in enumerate(found)] or [np.zeros(0, np.int64)])
        order = np.lexsort((positions, docs, hashes))
        self.hashes, self.docs, self.positions = hashes[order], docs[order], positions[order]
        self.starts, self.ends, self.lines = starts[order], ends[order], lines[order]
        self.lengths = [f[5] for f in found]
        self.anchors = [f[6] for f in found]


def build_similar_index(pages_dir: Path, workers: int | None = None) -> str:
    """Write pages_dir/similar-index for the converted reports (catalog.json, text/, reports/)
    and the reuse pages; returns the index version. Skips the work when nothing changed."""
    from baogao.similar.reuse import write_reuse  # reuse reads this module's Fingerprints

    catalog = json.loads((pages_dir / CATALOG_FILE).read_text(encoding="utf-8"))
    version = _version(catalog)
    target, tmp = pages_dir / INDEX_DIR, pages_dir / f".{INDEX_DIR}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    if (target / "VERSION").is_file() and (target / "VERSION").read_text() == version:
        return version
    tmp.mkdir(parents=True)
    jobs = [(pages_dir / "text" / f"{e['id']}.txt", pages_dir / "reports" / f"{e['id']}.md") for e in catalog]
    with worker_pool(len(jobs), CHUNK, workers) as pool:
        found = list(ordered_map(pool, _report_fingerprints, jobs, CHUNK))
    prints = Fingerprints(found)
    bits, shard_checks = _write_shards(tmp, prints)
    docs_checks = []
    for block in range(0, len(catalog), DOCS_PER_BLOCK):
        rows = [[e["id"], e["url"], e["display_title"], [x for pair in prints.anchors[d] for x in pair]]
                for d, e in enumerate(catalog[block: block + DOCS_PER_BLOCK], start=block)]
        docs_checks.append(write_packed(tmp, f"docs/{block // DOCS_PER_BLOCK}", json_bytes(rows), ENGINE))
    manifest = {
        "format": FORMAT, "version": version, "docs": len(catalog), "bits": bits, "block": DOCS_PER_BLOCK,
        **fingerprint.SETTINGS,
        "checks": {group: packed(np.array(sums, "<u4").tobytes())
                   for group, sums in (("f", shard_checks), ("docs", docs_checks))},
    }
    write_script(tmp / "manifest.js", "manifest", manifest, ENGINE)
    (tmp / "VERSION").write_text(version)
    write_reuse(pages_dir, catalog, prints)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return version


def index_version(pages_dir: Path) -> str:
    path = pages_dir / INDEX_DIR / "VERSION"
    return path.read_text().strip() if path.is_file() else ""


def publish_similar_index(pages_dir: Path, site_dir: Path) -> None:
    """Put the index into the built site."""
    link_index_files(pages_dir / INDEX_DIR, site_dir / INDEX_DIR)


def _report_fingerprints(job: tuple[Path, Path]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray,
                                                          int, list[tuple[int, str]]]:
    """One report's fingerprints (hashes, positions, text offsets and line of their k-grams),
    skeleton length and anchors."""
    text_path, page_path = job
    text = text_path.read_text(encoding="utf-8")
    sk = skeleton(text)
    hashes, positions = fingerprint.fingerprints(sk.codes)
    starts, ends = sk.origin[positions], sk.origin[positions + fingerprint.K - 1] + 1
    breaks = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), "<u4") == 0x0A)
    lines = np.searchsorted(breaks, starts)  # the line (paragraph) each k-gram starts in
    return hashes, positions, starts, ends, lines, len(sk.codes), _anchors(text, sk.origin, page_path)


def _anchors(text: str, origin: np.ndarray, page_path: Path) -> list[tuple[int, str]]:
    """(skeleton position, anchor) of each heading and article of the page, found in the text's
    lines in page order."""
    if not page_path.is_file():
        return []
    lines, starts, offset = text.split("\n"), [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    found: list[tuple[int, str]] = []
    body = page_path.read_text(encoding="utf-8").split("\n---\n", 1)[-1].split("\n")
    at = 1  # line 0 of the text is the title
    for number, page_line in enumerate(body):
        m = _ANCHORED.match(page_line)
        if not m:
            continue
        wanted = html.unescape(m["heading"] if m["heading"] is not None else body[number - 1]).strip()
        anchor = m["h"] or m["a"]
        for i in range(at, len(lines)):
            if lines[i].strip() == wanted:
                found.append((int(np.searchsorted(origin, starts[i])), anchor))
                at = i + 1
                break
    return found


def _write_shards(root: Path, prints: Fingerprints) -> tuple[int, list[tuple[int, int]]]:
    """Write f/S.js for every shard with fingerprints; returns the shard bits and checks."""
    total = len(prints.hashes)
    bits = max(0, min(24, math.ceil(math.log2(max(1, total * _BYTES_PER_ENTRY / TARGET_SHARD_BYTES)))))
    checks = [(0, 0)] * (1 << bits)
    if not total:
        return bits, checks
    hashes, docs, positions = prints.hashes.astype(np.int64), prints.docs, prints.positions
    new_hash = np.ones(total, bool)
    new_hash[1:] = hashes[1:] != hashes[:-1]
    new_doc = new_hash.copy()
    new_doc[1:] |= docs[1:] != docs[:-1]
    doc_values = np.where(new_hash, docs, docs - np.concatenate(([0], docs[:-1])))
    pos_values = np.where(new_doc, positions, positions - np.concatenate(([0], positions[:-1])))
    firsts = np.flatnonzero(new_hash)
    counts = np.diff(np.append(firsts, total))
    unique = hashes[firsts]
    shard = unique >> (32 - bits)
    present, start = np.unique(shard, return_index=True)
    ends = [*start[1:].tolist(), len(unique)]
    for s, lo, hi in zip(present.tolist(), start.tolist(), ends):
        terms = unique[lo:hi]
        deltas = np.diff(terms, prepend=s << (32 - bits))
        first, last = int(firsts[lo]), int(firsts[hi - 1] + counts[hi - 1])
        pairs = np.stack([doc_values[first:last], pos_values[first:last]], axis=1).ravel()
        several = counts[lo:hi] > 1
        stream = np.concatenate(([hi - lo], deltas * 2 + several, counts[lo:hi][several], pairs))
        data, _ = encode_varints(stream)
        checks[s] = write_packed(root, f"f/{s}", data.tobytes(), ENGINE)
    return bits, checks


def _version(catalog: list[dict[str, Any]]) -> str:
    """Changes whenever the index files could (browsers cache them under ?v=version)."""
    digest = hashlib.sha256(f"similar {FORMAT} {TARGET_SHARD_BYTES} {DOCS_PER_BLOCK}".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    digest.update(json.dumps(catalog, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]
