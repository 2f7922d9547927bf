"""Build the fingerprint index of the archive (`similar-index/`) and its reuse pages.

Runs in `baogao build`/`serve` after the search index, before MkDocs (the reuse pages it
writes are pages of the site); `publish` copies the index into the built site. Every file is a
script that calls `baogaoSimilar.load(name, payload)`, so the 查重 page works from file://;
payloads are raw deflate, 7 bits a character, as the search index's (`baogao.search.codec`):

- `manifest.js` — format, version, number of reports, shard bits, docs block size, the
  matching constants of `baogao.similar.fingerprint` (`SETTINGS`: one source for both
  engines), and `end`, the text that ends joined pieces (below).
  Every other file's payload is a piece of a deflate stream (`baogao.search.codec.piece`: the
  browser joins the files a draft needs and inflates them at once) of its data framed as the
  search index's files are (`codec.frame`: length and CRC-32, keyed by "version/NAME"), so a
  missing, truncated, altered or stale file (of another build) is an error, never a partial
  answer, with no table of checks to load first; every shard file and docs block exists;
- `f/S.js` — the fingerprints whose key has top bits S (a fingerprint's key is its hash times
  MIX mod 2^32, one to one: a fingerprint is the smallest hash of its window, so hashes crowd
  at the low end and would fill the first shards; keys spread evenly); the shard count is
  chosen by what a draft costs to check (`_shard_bits`): varints `[T, E, R]`, then the low R bits of the T hash gaps
  (the first from the shard's first hash) packed (big-endian bits, padded to a byte; R about
  log2 of the mean gap, as a Rice code takes), then varints, each field a run of its own
  (deflate models each): `[T high parts of the gaps, T entry counts, T "more" counts,
  E report deltas (from the hash's previous entry; the first from 0), E sections]`.
  An entry is (report, section): the section is the number of the report's anchors at or before
  the fingerprint (0: before the first), all a match needs to link to the heading above its
  passage. A hash held by more than HOLDERS reports keeps the entries of the first HOLDERS
  (catalog order) and counts the others in "more", which the 查重 page shows (a stock phrase
  names a few reports, not thousands, in a draft's answer and its download; the first HOLDERS
  are the same for all of a passage's fingerprints, so its passages hold together);
- `docs/B.js` — reports B·block …: `[id, url, display title, [anchor, …]]`, the anchors of the
  report's headings and articles in page order (section s links to anchor s − 1).
"""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from baogao.search.codec import PIECES_END, encode_varints, frame, json_bytes, piece, write_script
from baogao.similar import fingerprint

if TYPE_CHECKING:
    from baogao.similar.prints import Fingerprints

ENGINE = "baogaoSimilar"  # the 查重 engine's global (baogao-similar.js), which every index file calls
INDEX_DIR = "similar-index"
FORMAT = 3
DOCS_PER_BLOCK = 50
# A draft loads the shard of each of its fingerprints: with N shards, a draft of DRAFT_PRINTS
# fingerprints (a 5 000-character draft has ~1 400) loads N·(1 − e^(−DRAFT_PRINTS/N)) files
# holding that share of the index. A file costs what FILE_BYTES of payload cost (a request and
# a script to run: a few ms each in Chromium, measured; the files are inflated together); the shard count is the
# power of two of least cost whose expected load is at most DRAFT_BYTES (`_shard_bits`): a
# small index is loaded whole from one file, a large one from ~1 000 small ones.
FILE_BYTES, DRAFT_PRINTS, DRAFT_BYTES = 16_000, 1_500, 1_500_000
HOLDERS = 4  # reports listed for one fingerprint (see the module): at 10 000 reports 16 made the
# shards a draft loads 1.4 MB and the report rows of its answer 0.8 MB; 4 make them 1.4 and 0.3 MB
MIX = 0x9E3779B1  # odd: key = hash · MIX mod 2^32 is one to one (see the module)
_BYTES_PER_HASH, _BYTES_PER_ENTRY = 3.0, 1.5  # packed, measured: size the shard count


def build_similar_index(pages_dir: Path, workers: int | None = None) -> str:
    """Write pages_dir/similar-index for the converted reports (catalog.json, text/, reports/)
    and the reuse pages; returns the index version. Skips the work when nothing changed."""
    # imported here, not above: `baogao similar` imports this module's names and starts faster without them
    from baogao.catalog import CATALOG_FILE
    from baogao.similar.prints import load_fingerprints
    from baogao.similar.reuse import write_reuse

    catalog = json.loads((pages_dir / CATALOG_FILE).read_text(encoding="utf-8"))
    version = _version(catalog)
    target, tmp = pages_dir / INDEX_DIR, pages_dir / f".{INDEX_DIR}.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    if (target / "VERSION").is_file() and (target / "VERSION").read_text() == version:
        return version
    tmp.mkdir(parents=True)
    prints = load_fingerprints(pages_dir, catalog, workers)
    write_index(tmp, catalog, prints, version)
    write_reuse(pages_dir, catalog, prints)
    shutil.rmtree(target, ignore_errors=True)
    tmp.rename(target)
    return version


def write_index(root: Path, catalog: list[dict[str, Any]], prints: Fingerprints, version: str) -> None:
    """The index files of `prints` (the fingerprints of the reports of `catalog`) in `root`."""
    bits = _write_shards(root, prints, version)
    for block in range(0, len(catalog), DOCS_PER_BLOCK):
        rows = [[e["id"], e["url"], e["display_title"], [name for _, name in prints.anchors[d]]]
                for d, e in enumerate(catalog[block: block + DOCS_PER_BLOCK], start=block)]
        _write(root, f"docs/{block // DOCS_PER_BLOCK}", json_bytes(rows), version)
    manifest = {
        "format": FORMAT, "version": version, "docs": len(catalog), "bits": bits, "block": DOCS_PER_BLOCK,
        "holders": HOLDERS, "mix": MIX, "end": PIECES_END, **fingerprint.SETTINGS,
    }
    write_script(root / "manifest.js", "manifest", manifest, ENGINE)
    (root / "VERSION").write_text(version)


def index_version(pages_dir: Path) -> str:
    path = pages_dir / INDEX_DIR / "VERSION"
    return path.read_text().strip() if path.is_file() else ""


def publish_similar_index(pages_dir: Path, site_dir: Path) -> None:
    """Put the index into the built site."""
    from baogao.search.index import link_index_files  # build-time only (see build_similar_index)

    link_index_files(pages_dir / INDEX_DIR, site_dir / INDEX_DIR)


def _write(root: Path, name: str, data: bytes, version: str) -> None:
    """root/NAME.js: `data` framed under "version/NAME" (codec.frame, as the search index's
    files), as a piece (see the module)."""
    write_script(root / f"{name}.js", name, piece(frame(data, f"{version}/{name}")), ENGINE)


def _write_shards(root: Path, prints: Fingerprints, version: str) -> int:
    """Write f/S.js for every shard; returns the shard bits."""
    # in (key, report, position) order the sections of a (key, report) ascend: one entry per
    # (key, report, section), in (key, report) order
    order = prints.by_key
    hashes, docs, sections = prints.keys[order], prints.docs[order], prints.sections[order]
    keep = np.ones(len(hashes), bool)
    keep[1:] = (hashes[1:] != hashes[:-1]) | (docs[1:] != docs[:-1]) | (sections[1:] != sections[:-1])
    hashes, docs, sections = hashes[keep], docs[keep], sections[keep]
    new_hash = np.ones(len(hashes), bool)
    new_hash[1:] = hashes[1:] != hashes[:-1]
    new_doc = new_hash.copy()
    new_doc[1:] |= docs[1:] != docs[:-1]
    group = np.cumsum(new_hash) - 1
    rank = np.cumsum(new_doc) - 1  # the report's rank among its hash's reports
    rank -= rank[np.flatnonzero(new_hash)][group]
    listed = rank < HOLDERS
    firsts = np.flatnonzero(new_hash)
    unique = hashes[firsts].astype(np.int64)
    holders = np.bincount(group[new_doc], minlength=len(unique))
    more = np.maximum(0, holders - HOLDERS)
    hashes, docs, sections, group = hashes[listed], docs[listed], sections[listed], group[listed]
    counts = np.bincount(group, minlength=len(unique))
    bits = _shard_bits(len(unique) * _BYTES_PER_HASH + len(hashes) * _BYTES_PER_ENTRY)
    doc_deltas = docs - np.concatenate(([0], docs[:-1]))
    entry_firsts = np.cumsum(counts) - counts
    doc_deltas[entry_firsts] = docs[entry_firsts]
    bounds = np.searchsorted(unique >> (32 - bits), np.arange((1 << bits) + 1))
    entry_bounds = np.append(entry_firsts, len(hashes))[bounds]
    for s, (lo, hi, first, last) in enumerate(zip(bounds[:-1].tolist(), bounds[1:].tolist(),
                                                  entry_bounds[:-1].tolist(), entry_bounds[1:].tolist())):
        gaps = np.diff(unique[lo:hi], prepend=s << (32 - bits))
        low = max(0, int(np.log2(max(1.0, float(gaps.mean()) * 0.69)))) if hi > lo else 0  # Rice's parameter
        head, _ = encode_varints(np.array([hi - lo, last - first, low]))
        lows = (gaps[:, None] >> np.arange(low - 1, -1, -1)) & 1
        rest, _ = encode_varints(np.concatenate((gaps >> low, counts[lo:hi], more[lo:hi], doc_deltas[first:last],
                                                 sections[first:last])))
        data = head.tobytes() + np.packbits(lows.astype(np.uint8).ravel()).tobytes() + rest.tobytes()
        _write(root, f"f/{s}", data, version)
    return bits


def shard_keys(hashes: np.ndarray) -> np.ndarray:
    """The keys the index stores fingerprints under (see the module)."""
    return (hashes.astype(np.uint64) * np.uint64(MIX) & np.uint64(0xFFFFFFFF)).astype(np.int64)


def _shard_bits(estimate: float) -> int:
    """log2 of the shard count for an index of about `estimate` bytes (see FILE_BYTES)."""
    def cost(bits: int) -> tuple[bool, float]:
        share = 1 - math.exp(-DRAFT_PRINTS / (1 << bits))  # of the shards, and of the bytes, a draft loads
        return estimate * share > DRAFT_BYTES, (1 << bits) * share * FILE_BYTES + estimate * share

    return min(range(25), key=cost)


def _version(catalog: list[dict[str, Any]]) -> str:
    """Changes whenever the index files could (browsers cache them under ?v=version)."""
    digest = hashlib.sha256(f"similar {FORMAT} {MIX} {FILE_BYTES} {DRAFT_PRINTS} {DRAFT_BYTES} {HOLDERS} {DOCS_PER_BLOCK}".encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    digest.update(json.dumps(catalog, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]
