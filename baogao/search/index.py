"""Build the static search index from the kept texts of all reports.

Runs in `baogao build`/`serve` after conversion (in `baogao build` in a forked process beside MkDocs, which
links the index into the site last: `baogao.cli._indexes`). Layout under `search-index/`
(every file is a script that calls `baogaoSearch.load(name, payload)`, so the index also loads
from file:// where fetch() is blocked); postings are packed (raw deflate, 7 bits a character, see `packed`):

- `manifest.js`  — the index version, document count, the postings' segments (below), the names and labels of
  the row fields (`fields`, `labels`) and the filters (`facets`: name, label, URL parameter,
  value table), and what the browser engine must read as the Python one does: the page-text contract (`page`, baogao.pagetext) and the KWIC width and
  number of lines (`kwic`, baogao.search.kwic);
- `p/P/g1/S.js`, `p/P/g2/S.js` — character and character-pair postings of the segment whose
  postings' version is P: per document, its number of occurrences (exact for 1- and
  2-character queries);
- `p/P/g3/S.js`  — character-triple postings with every position: a longer phrase is found by
  chaining triples at their offsets, so a match is exact by construction (every shard has a
  file, an empty table when no term hashes to it);
- `docs/K.js`    — the rows of documents K·B … (K+1)·B−1 (shown results only): id, URL, the title
  lists show, then the schema's fields flagged `result`; both engines read a row by the field
  names of the manifest, never by position (the text store's chunks carry their report's row
  too, for the concordance);
- `text/`        — the text store (baogao.search.textstore: its own layout and checks; its
  segments `text/NAME.bin`, listed in the manifest's `store`, are the only files that are not scripts);
- `facets.js`    — one small code per document and facet (the schema's fields flagged `facet`),
  for filter counts and year sorting.

Every file but the manifest checks itself (`baogao.search.codec.frame`): its payload starts with
its body's length and CRC-32, the CRC keyed by the index version and the file's name, and a
shard's body starts with its level's shard count. Both engines verify each file as they load it
and stop with an error when one is missing, damaged, of another build or another shard count: a
deleted shard would otherwise answer "0 results", a wrong answer. (The manifest once listed
every file's check: 140 KB at 10 000 reports, loaded by every query.)

The KWIC lines of the results shown are cut from their report pages (fetched by the browser,
read from disk by the CLI). The concordance reads the text store (`text/`, baogao.search.textstore),
written here by the worker that indexes each report: 0.79x the raw text at 10 000 reports. Its
report scripts are named by their report's store key (`_store_keys`), so a build after an edit
links those of every unchanged report from the index before, and its segments, cut as the
postings' are (`content_cuts`) and named by their reports' keys, too: the edited report's
segment is written, its other reports' pieces copied from the index before (each checked; what
is missing or damaged is made again).

The postings are in segments: runs of consecutive documents in result order, about SEGMENTS of
them and smaller ones at the front, where the newest reports stand, cut where a report's id's
digest says (`_segment_cuts`: from the reports present only, so an incremental build gives the
cold build's files). Each is
written on its own as soon as its last report is read, level by level in batches of whole shards
that the workers sort, encode and write while the builder reads on (`_Batches`: the build holds
about one segment's postings, not the archive's), its documents numbered from its first, its
levels sharded by its own size, into `p/P/` where P, its postings' version, is the digest of its texts in order and of the code
that indexes them; its files are framed under P. The manifest lists each segment's first
document, documents, P and shard counts; a query reads its terms' shard in every segment. So an
edit of one report (its text, or its place in the order) gives new postings to its segment (two
where it adds or removes a cut) and the build links every other segment's files from the index
before, each checked (a segment with a damaged file is written again), and cuts no n-gram of
their reports (README "Incremental builds").

A term's shard is the top bits of the FNV-1a hash (32 bit) of its code points: log2(shards) of
them, the level's shard count being a power of two. (Top bits, so that entries sorted by hash
bucket once, per report, in the workers, are grouped by shard for any shard count.)
"""

from __future__ import annotations

import collections
import contextlib
import hashlib
import json
import math
import os
import shutil
import zlib
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from pathlib import Path
from typing import Any, cast

import numpy as np

from baogao import keywords, pagetext, schema
from baogao.catalog import CATALOG_FILE
from baogao.filememo import FileMemo
from baogao.search import kwic, textstore, variants
from baogao.search.codec import (SYNC_FLUSH_END, encode_varints, frame, json_bytes, packed_piece, raw_piece,
                                 read_script, unframe, unpacked, varint_bytes, write_packed, write_script)
from baogao.search.normalize import normalize
from baogao.workers import WorkerPool, ordered_map, worker_pool

INDEX_DIR = "search-index"
TEXT_DIGESTS = ".search-texts.json"  # in the pages folder: each kept text's SHA-256, remembered (baogao.filememo)
SHARD_CHECKS_MEMO = ".search-shards.json"  # in the pages folder: the postings' files found whole, remembered
STORE_CHECKS_MEMO = ".search-store.json"  # in the pages folder: the text store's segments found whole, remembered
# In the index being built: the folders moved from the index before (the kept segments' postings, `_kept_postings`;
# the text store's script folders, `_kept_script_folders`), each listed by its path in the index before it is moved,
# so that a build failing or killed after puts them back (`_put_back`).
MOVED = ".moved"
# 18: one text-store script a report (text/KK/KEY.js), not one a chunk; 17: the text store's segments
# cut by content and named by their reports (text/NAME.bin); 16: the postings in segments of documents
# (p/VERSION/gN/S); 15: postings framed under their own version (kept across metadata edits); 14: the
# text store's chunks named by their report's key
FORMAT = 18
STORE_KEY_CHARS = 16  # hex digits of a report's store key: 64 bits, no collision among millions of reports
DOCS_PER_BLOCK = 20  # metadata of shown results only: small blocks, few wasted bytes
# A query reads its terms' shard in every segment of the postings: few segments (an edit writes
# one segment's postings: about 1/SEGMENTS of them), and small shards (a 4-character query's two
# triples read 2 × segments × 10 KB; one segment of 24 KB shards made 12 500 files at 10 000 reports).
# 8 (see _segment_cuts): 7–10 segments at any size, so that a 4-character query reads 2 × 10 shards
# at most (and 2 × 3 smaller ones of the front's, below), and an edit writes the postings of ~1 300 reports at 10 000.
SEGMENTS = 8
# The first segment, where a new report lands (newest first), is cut again into runs of 1/2, 1/4
# and 1/8 of a segment (_front_split): adding this year's report writes the postings of ~150
# reports at 10 000, not ~1 250, for three segments more that a query reads; runs are not cut to a
# mean below FRONT_MIN reports (a segment costs a query a shard read). (A cut run's last part may be
# as short as 1/8 of its mean, as `content_cuts` leaves it: 16–45 reports at 10 000.)
FRONT_TIERS, FRONT_MIN = 3, 100
TARGET_SHARD_BYTES = 10_000
BATCH_ENTRIES = 1_000_000  # entries sorted at once when writing a level: bounds memory
PENDING_BATCHES = 4  # batches handed to the workers and not yet written
SHARD_CHECKS = 64  # shard files of the index before checked per worker task
CHUNK = 32  # reports per worker task: indexing one takes about 8 ms (see baogao.workers)
# What a result row holds: what every hit has (its title is the display title, what lists show),
# then the fields the schema flags `result`.
ROW_FIELDS = ("id", "url", "title", *(field.name for field in schema.RESULT_FIELDS))
FACETS = tuple(field.name for field in schema.FACET_FIELDS)
_FNV_OFFSET, _FNV_PRIME = 2166136261, 16777619
_CODE_BITS = 21  # a Unicode code point fits in 21 bits; three fit in a uint64
_BUCKET_BITS = 8  # per report, entries are sorted by the top 8 bits of their term's hash
# How the browser reads report pages for KWIC lines and highlights, and how it folds characters:
# the rules the Python side follows, handed to baogao-search.js in the manifest (no selector,
# width or character table is repeated in JS).


def _reading() -> dict[str, Any]:
    """Built when an index is (the character table takes OpenCC a moment: not at import)."""
    from baogao.analysis import collocates, concordance  # they read the index: not at import

    return {"page": pagetext.CONTRACT, "kwic": kwic.SETTINGS, "variants": variants.pairs(), "text": textstore.SETTINGS,
            "concordance": concordance.SETTINGS, "collocates": collocates.SETTINGS}


def build_index(catalog: list[dict[str, Any]], text_dir: Path, out_dir: Path, workers: int | None = None) -> str:
    """Write the index for `catalog` (in result order) into out_dir/search; returns its version.

    Skips all work when the texts and catalog are those of the index already there. A report
    whose store key (`_store_keys`) the index there has keeps its text-store chunks: its script
    is linked from it and its pieces copied from its segments, not made again; and a segment
    of the postings whose texts, in order, are one of the index there (its postings' version)
    keeps its shards. A script folder (text/XX) that holds the scripts of this archive's reports
    and nothing else is moved into the new index whole.
    """
    version = _version(catalog)
    target = out_dir / INDEX_DIR
    # Not named *.tmp: the converter deletes its own leftover .*.tmp files, and this is a folder.
    tmp = out_dir / f".{INDEX_DIR}.partial"
    _put_back(tmp, target)  # a killed run's moves: else the index before, which a build may return as it is, lacks them
    shutil.rmtree(tmp, ignore_errors=True)  # what a killed run left
    if (target / "VERSION").is_file() and (target / "VERSION").read_text() == version:
        return version
    tmp.mkdir(parents=True)

    keys, texts = _store_keys(catalog, text_dir, out_dir / TEXT_DIGESTS)
    segments = [(first, end, _postings_version(texts[first:end], shard_bytes), shard_bytes)
                for first, end, shard_bytes in _segment_cuts(catalog)]
    store_cuts = [(first, end, textstore.segment_name(keys[first:end]))
                  for first, end in content_cuts([entry["id"] for entry in catalog], textstore.SEGMENT)]
    before = _previous_store(out_dir)
    shard_checks, store_checks = FileMemo(out_dir / SHARD_CHECKS_MEMO), FileMemo(out_dir / STORE_CHECKS_MEMO)
    try:
        # One pool for all phases, started while this process is still small: forked workers
        # would otherwise each count the whole index in memory as their own.
        with worker_pool(len(catalog), CHUNK, workers) as pool:
            shards = _kept_postings(target, tmp, {postings for _, _, postings, _ in segments}, pool, shard_checks)
            linked = _kept_store_segments(target, store_cuts, keys, before, pool, store_checks)
            moved = _kept_script_folders(target, tmp, keys, before)
            levels: dict[str, dict[int, _Level]] = {}
            written: set[str] = set()  # the postings' versions whose files this build writes
            writes = np.zeros(len(catalog), bool)  # the documents whose segment's postings are written
            for first, end, postings, shard_bytes in segments:
                if postings not in shards and postings not in levels:  # two segments of the same texts share their files
                    levels[postings] = {n: _Level(n, shard_bytes) for n in (1, 2, 3)}
                    written.add(postings)
                    writes[first:end] = True
            in_linked = np.zeros(len(catalog), bool)  # the reports of the store segments linked whole
            for first, end, name in store_cuts:
                in_linked[first:end] = name in linked
            jobs = [(text_dir / f"{entry['id']}.txt", entry["title"], _row(entry), tmp, key, before.get(key), bool(grams),
                     bool(whole), key[:textstore.KEY_DIR] in moved)
                    for entry, key, grams, whole in zip(catalog, keys, writes, in_linked)]
            stored, spans = [], []
            store = _Segments(tmp, target, store_cuts, linked)
            owner = [postings for first, end, postings, _ in segments for _ in range(first, end)]
            last: dict[str, int] = {}  # the last document of each segment whose postings are written
            for first, end, postings, _ in segments:
                last.setdefault(postings, end - 1)
            with _Batches(pool) as batches:
                for doc, (grams, chunks_prefix, lengths, pieces) in enumerate(_indexed(pool, jobs)):
                    for n, entries in grams.items():
                        levels[owner[doc]][n].add(*entries)  # numbered from the segment's first document
                    stored.append([*chunks_prefix, keys[doc]])
                    store.write(doc, pieces)
                    spans.extend(lengths)
                    if owner[doc] in levels and last[owner[doc]] == doc:
                        # written as soon as read whole: memory holds one segment's postings, not the archive's
                        level = levels.pop(owner[doc])
                        shards[owner[doc]] = [level.pop(n).write(tmp, owner[doc], batches) for n in (1, 2, 3)]
            store.close()
        facet_values = _write_docs_and_facets(tmp, catalog, version)
        write_file(tmp, version, textstore.TABLE, json_bytes(stored))
        write_file(tmp, version, textstore.SPANS, encode_varints(np.array(spans, np.uint64))[0].tobytes())
        manifest = {
            "format": FORMAT, "version": version, "docs": len(catalog),
            "segments": [[first, end - first, postings, *shards[postings]] for first, end, postings, _ in segments],
            "store": [[first, end - first, name] for first, end, name in store_cuts],
            "block": DOCS_PER_BLOCK, "fields": ROW_FIELDS, "labels": _labels(),
            "facets": [{"name": field.name, "label": field.label, "param": field.facet, "values": facet_values[field.name]}
                       for field in schema.FACET_FIELDS],
            **_reading(),
        }
        write_script(tmp / "manifest.js", "manifest", manifest)
        (tmp / "VERSION").write_text(version)
        # Its VERSION first: an index before half deleted is never returned as it is, nor given folders back.
        (target / "VERSION").unlink(missing_ok=True)
        shutil.rmtree(target, ignore_errors=True)
        (tmp / MOVED).unlink(missing_ok=True)
        tmp.rename(target)
    except BaseException:  # a failed build leaves the index before as it was: its folders go back
        _put_back(tmp, target)
        raise
    _remember_written(shard_checks, target, [shard_name(postings, n, s) for postings in written
                                             for n in (1, 2, 3) for s in range(shards[postings][n - 1])], ".js")
    _remember_written(store_checks, target, [name for _, _, name in store_cuts if name not in linked], "")
    return version


def _remember_written(memo: FileMemo, root: Path, names: list[str], suffix: str) -> None:
    """Remember the files this build wrote (root/NAME+suffix) as found whole, as the checks of a build
    after remember the files they read: the next build does not read them again while each is the
    same file (a build after a cold one read ~60 000 shards at 10 000 reports). A file written within
    filememo.RACY_SECONDS is not remembered (`FileMemo.remember_as_is`): the next build checks it."""
    for name in names:
        memo.remember_as_is([f"{root}/{name}{suffix}"], name)  # strings: tens of thousands of files
    memo.save()


def _put_back(tmp: Path, target: Path) -> None:
    """Move the folders that a build of `tmp` moved from the index before (`target`, as tmp/MOVED
    lists them) back into it, unless its deletion has begun."""
    try:
        moved = (tmp / MOVED).read_text().split()
    except OSError:
        return  # nothing moved
    if not (target / "VERSION").is_file():
        return
    for folder in moved:
        with contextlib.suppress(OSError):  # listed, then the build stopped before the move
            os.replace(tmp / folder, target / folder)


def _store_keys(catalog: list[dict[str, Any]], text_dir: Path, memo_path: Path) -> tuple[list[str], list[str]]:
    """Each report's store key: the digest of everything its text-store chunks are made from
    (the code and settings of the index and of jieba's cut, its row, its title, its kept text,
    whose SHA-256 is remembered by the file's inode, size and time: `baogao.filememo`); and each
    kept text's SHA-256."""
    code = hashlib.sha256(f"format {FORMAT} {json.dumps(textstore.SETTINGS)} {_code_digest()}".encode())
    for module in (Path(keywords.__file__), keywords.USER_DICT):
        code.update(module.read_bytes())
    memo = FileMemo(memo_path)
    keys, texts = [], []
    for entry in catalog:
        path = text_dir / f"{entry['id']}.txt"
        text = memo.get([path], lambda: hashlib.sha256(path.read_bytes()).hexdigest())
        digest = code.copy()
        digest.update(json_bytes([entry["title"], _row(entry), text]))
        keys.append(digest.hexdigest()[:STORE_KEY_CHARS])
        texts.append(text)
    memo.save()
    return keys, texts


def _segment_cuts(catalog: list[dict[str, Any]]) -> list[tuple[int, int, int]]:
    """The postings' segments, (first, end, shard bytes): `content_cuts` of the reports at a mean
    `size`, the reports / SEGMENTS rounded to a step of a ladder of quarter powers of two (1024,
    1218, 1448, 1722, 2048 …): 0.8–1.3 SEGMENTS of them, and all of them change only where the
    number of reports crosses a step of the ladder, every ~19 %. (With half of size before a cut,
    a segment of 2.4 times the mean came up at 10 000 reports, and an edit there wrote 2 500
    reports' postings; with powers of two for size, 5 to 12 segments, and a query reads a shard
    in each.) The first of them is cut again (`_front_split`): the result order is newest first,
    so a report an office adds lands there, and its edit writes the postings of ~1/8 of a
    segment. A smaller segment has smaller shards, TARGET_SHARD_BYTES × √(its share of size): a
    query reads a shard in each segment (with shards as large, the three more segments cost a
    4-character query ~70 KB more; as small in proportion, ~10 KB, but 35 % more files)."""
    size = round(2 ** (round(4 * math.log2(len(catalog) / SEGMENTS)) / 4)) if len(catalog) >= SEGMENTS else 1
    ids = [entry["id"] for entry in catalog]
    cuts = content_cuts(ids, size)
    runs = _front_split(ids, *cuts[0], size, FRONT_TIERS) + [(first, end, size) for first, end in cuts[1:]] if cuts else []
    return [(first, end, round(TARGET_SHARD_BYTES * math.sqrt(mean / size))) for first, end, mean in runs]


def content_cuts(ids: list[Any], size: int) -> list[tuple[int, int]]:
    """Runs of consecutive documents in result order, (first, end), of `size` documents on average
    (the postings' segments, the text store's segments).

    A run ends after a report whose id's digest is 0 modulo size / 8 once it holds 7/8 of size
    reports, or when it holds 1.5 times size; what is left at the end is a run of its own, or
    joins the last one when shorter than size / 8: runs of 0.9–1.5 times size. Cut by the reports
    present alone, never by the builds before (an incremental build must give the cold build's
    files), and by ids, which an edit of a text keeps: adding, changing or deleting one report
    changes the documents of one run, or two where it moves a cut (a report that may end a run
    stands right at the 7/8, a run ended at 1.5 times size, or the end joins or leaves the last
    run), and the others keep their documents.
    """
    least, every, most = max(1, size * 7 // 8), max(1, size // 8), size + size // 2
    cuts, first = [], 0
    for doc, report_id in enumerate(ids):
        digest = int.from_bytes(hashlib.sha256(str(report_id).encode("utf-8")).digest()[:8], "big")
        if doc + 1 - first >= most or (doc + 1 - first >= least and digest % every == 0):
            cuts.append((first, doc + 1))
            first = doc + 1
    if first < len(ids):
        cuts.append((first, len(ids)) if not cuts or len(ids) - first >= every else (cuts.pop()[0], len(ids)))
    return cuts


def _front_split(ids: list[Any], first: int, end: int, size: int, tiers: int) -> list[tuple[int, int, int]]:
    """The run [first, end) of mean `size`, its front cut again `tiers` times: in runs of size / 2
    (`content_cuts` of its reports alone), the first of those in runs of size / 4, … while that mean
    is FRONT_MIN reports or more (size 1 250: ~156, ~156, ~312, ~625); each with its mean size.
    Cut within the run only, so that the runs after it are `content_cuts`' as they were, and an
    edit changes one or two runs of each tier."""
    if tiers == 0 or size // 2 < FRONT_MIN:
        return [(first, end, size)]
    runs = [(first + a, first + b, size // 2) for a, b in content_cuts(ids[first:end], size // 2)]
    return _front_split(ids, *runs[0][:2], size // 2, tiers - 1) + runs[1:]


def _postings_version(texts: list[str], shard_bytes: int) -> str:
    """What a segment's postings are made from, and the name of its folder (`p/VERSION/`): its
    kept texts (their SHA-256) in result order, which numbers its documents from 0, the size of
    its shards and the code that normalises and indexes them (this package)."""
    digest = hashlib.sha256(f"postings {FORMAT} {shard_bytes} {_code_digest()}".encode())
    digest.update(json_bytes(texts))
    return digest.hexdigest()[:16]


def _kept_postings(previous: Path, root: Path, versions: set[str], pool: ProcessPoolExecutor | None,
                   memo: FileMemo) -> dict[str, list[int]]:
    """The segments among `versions` whose postings the index before (`previous`) holds, each
    of its shards whole, put into `root`: their levels' shard counts by version (a segment
    with a damaged or missing shard is not kept, and nothing of it is left in `root`). A shard is
    read and checked unless it is the file (inode, size, time) a build before checked or wrote, as
    `memo` remembers. A segment's folder holding its shards and nothing else is moved
    (one rename, not ~5 000 links and as many deletions; root/MOVED lists it, for `_put_back`
    should the build fail or be killed); another's shards are linked."""
    try:
        manifest = read_script(previous / "manifest.js")
        if manifest.get("format") != FORMAT:
            return {}
        there = {str(row[2]): [int(count) for count in row[3:]] for row in manifest["segments"]}
        if not all(len(counts) == 3 for counts in there.values()):
            return {}
    except (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError):
        return {}
    names = {version: [shard_name(version, n, s) for n in (1, 2, 3) for s in range(there[version][n - 1])]
             for version in sorted(versions & set(there))}
    # A file checked or written by a build before, and the same file still (`baogao.filememo`), is not read again.
    states, damaged = {}, set()
    unread: dict[str, list[str]] = {}
    for version, part in names.items():
        for name in part:
            try:
                states[name] = memo.state([f"{previous}/{name}.js"])  # strings: ~50 000 shards at 10 000 reports
            except OSError:
                damaged.add(version)  # missing
                continue
            if memo.recall(states[name]) != name:
                unread.setdefault(version, []).append(name)
    jobs = [(previous, version, part[k: k + SHARD_CHECKS]) for version, part in unread.items()
            for k in range(0, len(part), SHARD_CHECKS)]
    checks = list(pool.map(_shards_whole, jobs) if pool is not None else map(_shards_whole, jobs))
    for (_, version, part), whole in zip(jobs, checks):
        if not whole:
            damaged.add(version)
            continue
        for name in part:  # its name holds its segment's version, under which it was checked
            memo.remember(states[name], [f"{previous}/{name}.js"], name)
    memo.save()
    kept = {}
    for version, part in names.items():
        if version in damaged:
            continue
        if _only_shards(f"{previous}/p/{version}", {f"{previous}/{name}.js" for name in part}):
            try:
                (root / "p").mkdir(exist_ok=True)
                _move(previous, root, f"p/{version}")
                kept[version] = there[version]
                continue
            except OSError:
                pass  # not movable (a read-only index before: a rename writes its folder): linked
        linked: list[str] = []
        try:
            for name in part:
                _link(f"{previous}/{name}.js", f"{root}/{name}.js")  # never written into: read-only here
                linked.append(f"{root}/{name}.js")
        except OSError:
            for path in linked:
                os.unlink(path)
            continue
        kept[version] = there[version]
    return kept


def _move(previous: Path, root: Path, folder: str) -> None:
    """Move `folder` of the index before into the index being built, listed in root/MOVED first."""
    with open(root / MOVED, "a", encoding="utf-8") as moved:
        moved.write(f"{folder}\n")
    os.replace(previous / folder, root / folder)


def _kept_script_folders(previous: Path, root: Path, keys: list[str], before: dict[str, _Kept]) -> set[str]:
    """The text store's script folders (text/XX, by the first characters of a report's key) of the index
    before that hold exactly the scripts of this archive's reports of that prefix, each report one
    the index before has, moved into `root` whole: a rename each, not ~40 links (at 10 000 reports,
    ~10 000 in all) and as many deletions. Their prefixes; the other folders' scripts are linked or
    written report by report (`_index_document`)."""
    wanted: dict[str, set[str] | None] = {}
    for key in keys:
        prefix, kept = key[:textstore.KEY_DIR], before.get(key)
        names = wanted.setdefault(prefix, set())
        if kept is None:  # a report new to the store: its script is written into the folder
            wanted[prefix] = None
        elif names is not None:
            names.add(f"{key}.js")
    moved = set()
    for prefix, names in wanted.items():
        folder = f"{textstore.DIR}/{prefix}"
        if names is None or _file_names(previous / folder) != names:
            continue
        try:
            (root / textstore.DIR).mkdir(parents=True, exist_ok=True)
            _move(previous, root, folder)
        except OSError:
            continue  # not movable (a read-only index before): linked
        moved.add(prefix)
    return moved


def _file_names(folder: Path) -> set[str] | None:
    """The names of the files in `folder`; None when it holds anything else (a folder, a symbolic link) or cannot be read."""
    try:
        with os.scandir(folder) as entries:
            found = [(entry.name, entry.is_file(follow_symlinks=False)) for entry in entries]
    except OSError:
        return None
    return {name for name, regular in found} if all(regular for _, regular in found) else None


def _only_shards(folder: str, shards: set[str]) -> bool:
    """Whether `folder` holds these shard files and their level folders and nothing else (no
    empty folder, no symbolic link): what is moved into the new index is what a cold build writes."""
    found = set()
    folders = [folder]
    try:
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_symlink():
                        return False
                    found.add(entry.path)
                    if entry.is_dir():
                        folders.append(entry.path)
    except OSError:
        return False
    return found == shards | {os.path.dirname(shard) for shard in shards}


def shard_name(postings: str, n: int, s: int) -> str:
    """Shard s of level n of the segment whose postings' version is `postings`."""
    return f"p/{postings}/g{n}/{s}"


def _shards_whole(job: tuple[Path, str, list[str]]) -> bool:
    """Whether each of these shard files of the index before unpacks and checks under its
    segment's `postings` version."""
    previous, postings, names = job
    try:
        return all(unframe(unpacked(read_script(previous / f"{name}.js")), f"{postings}/{name}") is not None
                   for name in names)
    except (OSError, ValueError, IndexError, zlib.error):
        return False


def _kept_store_segments(previous: Path, cuts: list[tuple[int, int, str]], keys: list[str], before: dict[str, _Kept],
                         pool: ProcessPoolExecutor | None, memo: FileMemo) -> set[str]:
    """The text store's segments among `cuts` (first, end, name) that the index before
    (`previous`) holds whole — the same reports in turn, `keys` theirs, there in that file of it
    (`before`) —, to be linked from it, not written. Each is read and its every piece checked,
    unless it is the file (inode, size, time) a build before checked or wrote (`memo`), as the
    postings' shards are."""
    kept, unread = set(), []
    for first, end, name in cuts:
        path = previous / name
        if not all(key in before and before[key][0] == path for key in keys[first:end]):
            continue
        try:
            state = memo.state([path])
        except OSError:
            continue
        if memo.recall(state) == name:
            kept.add(name)
        else:
            unread.append((name, state, (path, [(key, before[key][1]) for key in keys[first:end]])))
    jobs = [job for _, _, job in unread]
    checks = list(pool.map(_segment_whole, jobs) if pool is not None else map(_segment_whole, jobs))
    for (name, state, (path, _)), whole in zip(unread, checks):
        if whole:
            kept.add(name)
            memo.remember(state, [path], name)
    memo.save()
    return kept


def _segment_whole(job: tuple[Path, list[tuple[str, list[tuple[int, int]]]]]) -> bool:
    """Whether a text-store segment of the index before is its chunk pieces and nothing else: its
    spans tile the file from its first byte to its last, and every piece is whole (`_piece_whole`).
    job = (the segment file, per report in turn its key and pieces' byte spans)."""
    path, reports = job
    spans = [span for _, report_spans in reports for span in report_spans]
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            return (all(begin == end for (_, begin), (end, _) in zip(spans, spans[1:])) and spans[0][0] == 0
                    and spans[-1][1] == size
                    and all(_piece_whole(file, key, c, begin, end) for key, report_spans in reports
                            for c, (begin, end) in enumerate(report_spans)))
    except OSError:
        return False


def _piece_whole(file: Any, key: str, c: int, begin: int, end: int) -> bytes | None:
    """Chunk c of report `key`, read from its segment (`file`, open) at [begin, end) and checked:
    all its bytes, ending as a sync flush does, a stream the browser can join to the next piece's
    (no final block inside: inflated alone, it does not end), its frame under the chunk's name.
    None when it is not that chunk whole."""
    file.seek(begin)
    piece = file.read(end - begin)
    if len(piece) != end - begin or not piece.endswith(SYNC_FLUSH_END):
        return None
    inflate = zlib.decompressobj(-15)
    try:
        body = inflate.decompress(piece)
    except zlib.error:
        return None
    return piece if not inflate.eof and unframe(body, textstore.chunk_name(key, c)) is not None else None


_Kept = tuple[Path, list[tuple[int, int]], int]  # a report's chunks in the index before: segment file, byte spans, prefix


def _previous_store(out_dir: Path) -> dict[str, _Kept]:
    """The text store of the index in `out_dir`, by report key: where each report's chunk pieces
    stand in its segments, as the CLI engine reads them; empty when there is none of this format,
    or it cannot be read (then every report's chunks are made again)."""
    from baogao.search.query import SearchIndex, SearchIndexError  # it reads what this module writes

    try:
        index = SearchIndex(out_dir)
        first, places = index.chunk_places()
        table = index.store_table()
    except (SearchIndexError, OSError):
        return {}
    return {key: (index.root / index.store_file(doc), [(int(a), int(b)) for a, b in places[first[doc]: first[doc] + chunks]], prefix)
            for doc, (chunks, prefix, key) in enumerate(table)}


def write_file(root: Path, version: str, name: str, body: bytes) -> None:
    """Index file root/NAME.js: `body` framed under the index version and its name, packed."""
    write_packed(root, name, frame(body, f"{version}/{name}"))


_Entries = dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]]
_Job = tuple[Path, str, list[Any], Path, str, "_Kept | None", bool, bool, bool]
_Indexed = tuple[_Entries, tuple[int, int], list[int], "list[bytes] | None"]


def _indexed(pool: WorkerPool | None, jobs: list[_Job]) -> Iterator[_Indexed]:
    """`_index_document` of each job, in order: in this process for a report that only takes what
    the index before holds (its postings kept, its store segment linked, its script folder moved:
    nothing read, linked or written), in the pool for the others. At 10 000 reports an edit
    leaves nearly all of them so, and their trips to a worker and back cost more than their work."""
    elsewhere = ordered_map(pool, _index_document, [job for job in jobs if not _only_kept(job)], CHUNK)
    for job in jobs:
        yield _index_document(job) if _only_kept(job) else next(elsewhere)


def _only_kept(job: _Job) -> bool:
    """Whether `_index_document` only reads the job's fields: no n-grams, a linked segment, a moved folder."""
    _, _, _, _, _, before, grams, linked, in_place = job
    return before is not None and linked and in_place and not grams


def _index_document(job: _Job) -> _Indexed:
    """One report's n-gram entries (`_grams`; none when the postings are kept: `grams` false);
    and its script in the text store, linked from the index before when it has it
    (`before`), else written: (chunks, prefix), the chunks' byte lengths in their segment, and
    their pieces for it — None when the segment is linked whole from the index before (`linked`:
    then its pieces are not read). Its script is in `root` already when its folder was moved
    whole (`in_place`)."""
    text_path, title, row, root, key, before, grams, linked, in_place = job
    # a linked segment holds its pieces (checked whole): their lengths are its spans'
    in_segment = [end - begin for begin, end in before[1]] if linked and before is not None else None
    kept = None if before is None or linked else _kept_pieces(key, before)
    if before is not None and (linked or kept is not None) and (in_place or _link_script(root, key, before)):
        # normalisation is character by character: the kept text's part of the store text's
        entries = _grams(normalize(text_path.read_text(encoding="utf-8"))) if grams else {}
        if in_segment is not None:
            return entries, (len(before[1]), before[2]), in_segment, None
        assert kept is not None
        return entries, (len(before[1]), before[2]), [len(piece) for piece in kept], kept
    text, prefix, norm, origin = textstore.normalized_store_text(title, text_path.read_text(encoding="utf-8"))
    chunks_prefix, pieces = _write_store(root, key, row, text, prefix, (norm, origin))
    entries = _grams(norm[prefix:]) if grams else {}
    if in_segment is not None:  # its script made again; its pieces stand in the linked segment
        return entries, chunks_prefix, in_segment, None
    return entries, chunks_prefix, [len(piece) for piece in pieces], pieces


def _grams(norm: str) -> _Entries:
    """The n-gram entries of a normalised kept text: (keys, counts) for n < 3, (keys, positions)
    for n = 3, each sorted by hash bucket (stable: a term's positions stay ascending), and where
    each bucket starts."""
    codes = np.frombuffer(norm.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    grams = {}
    for n in (1, 2, 3):
        if n < 3:
            keys, values = np.unique(_keys(codes, n), return_counts=True)
        else:
            keys = _keys(codes, 3)
            values = np.arange(len(keys))
        # in their smallest type: numpy sorts 8-bit values stably by radix (64-bit ones by timsort, half of _grams' CPU)
        bucket = (_hashes(keys, n) >> np.uint64(32 - _BUCKET_BITS)).astype(np.min_scalar_type((1 << _BUCKET_BITS) - 1))
        order = np.argsort(bucket, kind="stable")
        starts = np.searchsorted(bucket[order], np.arange((1 << _BUCKET_BITS) + 1))
        grams[n] = (keys[order], values[order].astype(np.uint32), starts.astype(np.uint32))
    return grams


def _kept_pieces(key: str, kept: _Kept) -> list[bytes] | None:
    """Report `key`'s chunk pieces in the index before (`kept`), each checked; None when any of
    them is missing or damaged (then the caller makes them again)."""
    segment, spans, _ = kept
    try:
        with open(segment, "rb") as file:
            pieces = [_piece_whole(file, key, c, begin, end) for c, (begin, end) in enumerate(spans)]
    except OSError:
        return None
    return None if None in pieces else cast(list[bytes], pieces)


def _link_script(root: Path, key: str, kept: _Kept) -> bool:
    """Link report `key`'s script from the index before (`kept`) into `root`; False when it cannot
    be (then the caller makes it again)."""
    name = f"{textstore.report_name(key)}.js"
    before = kept[0].parent.parent  # search-index/text/NAME.bin
    try:
        _link(f"{before}/{name}", f"{root}/{name}")  # its bytes are a function of its name
    except OSError:
        return False
    return True


def _write_store(root: Path, key: str, row: list[Any], text: str, prefix: int,
                 normalized: tuple[str, np.ndarray]) -> tuple[tuple[int, int], list[bytes]]:
    """Write the script (baogao.search.textstore) of report `key`'s store `text`
    (`normalized`: as `normalize_with_offsets` gives it); returns (chunks, prefix) and each
    chunk's piece for its segment (`text/NAME.bin`), written in archive order by the caller."""
    head = json_bytes(row)
    head = varint_bytes([len(head)]) + head
    starts = textstore.word_starts(text)
    spans = textstore.chunks(text, normalized)
    pieces = []
    for c, (begin, end) in enumerate(spans):
        body = text[begin:end].encode("utf-8")
        payload = head + varint_bytes([len(body)]) + body + np.packbits(starts[begin:end]).tobytes()
        pieces.append(raw_piece(frame(payload, textstore.chunk_name(key, c))))
    name = textstore.report_name(key)
    path = root / f"{name}.js"
    # in a folder moved whole its file is the index before's, which the site before links: written anew, not into
    path.unlink(missing_ok=True)
    write_script(path, name, packed_piece(b"".join(pieces)))  # the pieces joined: one deflate stream of the frames
    return (len(spans), prefix), pieces


class _Segments:
    """The text store's segments (`text/NAME.bin`, baogao.search.textstore), report by report in
    archive order: one the index before (`previous`) holds whole (`linked`) is linked from it,
    the others written."""

    def __init__(self, root: Path, previous: Path, cuts: list[tuple[int, int, str]], linked: set[str]):
        self.root, self.previous, self.cuts, self.linked = root, previous, cuts, linked
        self.at = -1  # the segment of the last report
        self.file: Any = None

    def write(self, doc: int, pieces: list[bytes] | None) -> None:
        """Report `doc`'s chunk pieces (None: its segment is linked)."""
        while self.at < 0 or doc >= self.cuts[self.at][1]:
            self.close()
            self.at += 1
            name = self.cuts[self.at][2]
            (self.root / textstore.DIR).mkdir(parents=True, exist_ok=True)
            if name in self.linked:
                _link(f"{self.previous}/{name}", f"{self.root}/{name}")  # read-only here, as the postings
            else:
                self.file = open(self.root / name, "wb")
        if self.file is not None:
            for data in pieces or ():
                self.file.write(data)

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def link_index_files(source: Path, target: Path) -> None:
    """Put the index files (*.js, *.bin) of folder `source` into `target`, replacing what it held:
    hard links when possible (an index can be large), copies across file systems. Runs after
    MkDocs, for each index a site carries (search, 查重)."""
    if not source.is_dir():
        return
    shutil.rmtree(target, ignore_errors=True)
    for folder, _, names in os.walk(source):
        into = os.path.join(target, os.path.relpath(folder, source))
        for name in names:
            if name.endswith((".js", ".bin")):
                try:
                    _link(os.path.join(folder, name), os.path.join(into, name))
                except OSError:
                    shutil.copy2(os.path.join(folder, name), os.path.join(into, name))


def _link(source: str, target: str) -> None:
    """Hard-link `source` as `target`, making target's folder when it is missing (tried first:
    tens of thousands of files share a few hundred folders). Paths as strings: at 10 000 reports
    an index build links ~200 000 files, and pathlib's objects cost more than the links."""
    try:
        os.link(source, target)
    except FileNotFoundError:
        if not os.path.exists(source):
            raise
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.link(source, target)


def build_index_for_pages(pages_dir: Path, workers: int | None = None) -> str:
    """Index the reports of a converted pages folder (its catalog.json and text/), with `workers`
    processes (default: one per core)."""
    catalog = json.loads((pages_dir / CATALOG_FILE).read_text(encoding="utf-8"))
    return build_index(catalog, pages_dir / "text", pages_dir, workers)


def index_version_for_pages(pages_dir: Path) -> str:
    """The version `build_index_for_pages` gives the index of a converted pages folder, computed
    from its catalog.json alone; "" when it has none."""
    try:
        catalog = json.loads((pages_dir / CATALOG_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ""
    return _version(catalog)


def shard_of(term: str, shards: int) -> int:
    h = _FNV_OFFSET
    for ch in term:
        h = ((h ^ ord(ch)) * _FNV_PRIME) & 0xFFFFFFFF
    return h >> (33 - shards.bit_length())  # the top log2(shards) bits


def _version(catalog: list[dict[str, Any]]) -> str:
    """Changes whenever the index files could: browsers cache them for good under ?v=version."""
    # the schema's flags too: what rows hold, filters and their URL parameters, labels
    layout = json.dumps([_reading(), ROW_FIELDS, [(f.name, f.facet) for f in schema.FACET_FIELDS], _labels()],
                        ensure_ascii=False)
    digest = hashlib.sha256(f"format {FORMAT} {TARGET_SHARD_BYTES} {DOCS_PER_BLOCK} {layout} {_code_digest()}".encode())
    digest.update(json.dumps(catalog, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:16]


@cache
def _code_digest() -> str:
    """The digest of this package's modules (the builder, normalisation, the engine): the index
    version, the postings' version and the store keys all change with it. Read once a process."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()


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


class _Level:
    """The (term, document, value) entries of one n-gram level, kept compact until written.

    Values are occurrence counts (n < 3) or positions (n = 3). Entries are held per document,
    sorted by hash bucket (see `_index_document`); writing goes shard range by shard range
    (batches of whole buckets), so that memory stays bounded, and the batches are encoded and
    written by the worker processes (`_Batches`).
    """

    def __init__(self, n: int, shard_bytes: int):
        self.n, self.shard_bytes = n, shard_bytes
        self.keys: list[np.ndarray] = []
        self.values: list[np.ndarray] = []
        self.bucket_starts: list[np.ndarray] = []

    def add(self, keys: np.ndarray, values: np.ndarray, bucket_starts: np.ndarray) -> None:
        """Entries of the next document (documents are numbered in the order they are added)."""
        self.keys.append(keys)
        self.values.append(values)
        self.bucket_starts.append(bucket_starts)

    def write(self, root: Path, version: str, batches: _Batches) -> int:
        """Hand all shards of this level to `batches` to be written (one file each, an empty table
        for a shard without terms), framed under `version` (the postings'); returns their number."""
        total = sum(len(k) for k in self.keys)
        estimate = total * (4 if self.n == 3 else 2)  # packed bytes per entry, measured
        shard_bits = max(0, math.ceil(math.log2(max(1, estimate / self.shard_bytes))))
        # 2^batch_bits batches of whole shards: a shard's top bits start with its batch's.
        batch_bits = min(_BUCKET_BITS, shard_bits, math.ceil(math.log2(1 + total // BATCH_ENTRIES)))
        step, per_batch = 1 << (_BUCKET_BITS - batch_bits), 1 << (shard_bits - batch_bits)
        for batch, first_bucket in enumerate(range(0, 1 << _BUCKET_BITS, step)):
            spans = [(b[first_bucket], b[first_bucket + step]) for b in self.bucket_starts]
            batches.write(
                root, version, self.n, 1 << shard_bits, range(batch * per_batch, (batch + 1) * per_batch),
                np.concatenate([k[lo:hi] for k, (lo, hi) in zip(self.keys, spans)]),
                np.repeat(np.arange(len(spans)), [hi - lo for lo, hi in spans]),
                np.concatenate([v[lo:hi] for v, (lo, hi) in zip(self.values, spans)]).astype(np.int64),
            )
        self.keys, self.values, self.bucket_starts = [], [], []
        return 1 << shard_bits


class _Batches:
    """The batches of shards being written: by the workers when there is a pool (PENDING_BATCHES
    of them at most waiting in memory, the builder going on meanwhile with the next level, segment
    and reports: a level's last batch, or a level of one batch, does not leave a worker idle), in
    this process when there is none. Its context waits for all of them, and raises their error."""

    def __init__(self, pool: ProcessPoolExecutor | None):
        self.pool = pool
        self.pending: collections.deque[Future[None]] = collections.deque()

    def write(self, *args: Any) -> None:
        """`_write_shards(*args)`."""
        if self.pool is None:
            _write_shards(*args)
            return
        self.pending.append(self.pool.submit(_write_shards, *args))
        while len(self.pending) > PENDING_BATCHES:
            self.pending.popleft().result()

    def __enter__(self) -> _Batches:
        return self

    def __exit__(self, *error: object) -> None:
        while self.pending:
            future = self.pending.popleft()
            if error[0] is None:
                future.result()
            else:
                future.cancel()


def _hashes(keys: np.ndarray, n: int) -> np.ndarray:
    return _fnv(_key_codes(keys, n))


def _shard_ids(keys: np.ndarray, n: int, shards: int) -> np.ndarray:
    """The top log2(shards) bits of each term's hash (see `shard_of`)."""
    return (_hashes(keys, n) >> np.uint64(33 - shards.bit_length())).astype(np.int64)


def _entry_order(keys: np.ndarray, n: int, shard: np.ndarray, shards: int) -> np.ndarray:
    """The order of a batch's entries by shard, then term, each term's entries in the order they
    came (by document, then position: a stable sort). When the shard and the term's code points
    fit in 64 bits together (code points below 2^16, as CJK's are, take 16 bits each), one
    quicksort of those numbers, then each term's run of entries put back in the order they came
    (one sort of numbers, rank and entry): half the CPU of np.lexsort's two stable sorts, which
    orders the batches whose terms do not fit."""
    fields = [(keys >> np.uint64(_CODE_BITS * (n - 1 - i))) & np.uint64((1 << _CODE_BITS) - 1) for i in range(n)]
    code_bits = max(int(np.bitwise_or.reduce(field, initial=0)).bit_length() for field in fields)
    index_bits = (len(keys) - 1).bit_length()
    if n * code_bits + (shards - 1).bit_length() > 64 or 2 * index_bits > 64:
        # stable: docs, then positions, stay ascending; the shards in their smallest type (radix-sorted up to 16 bits)
        return np.lexsort((keys, shard.astype(np.min_scalar_type(shards - 1))))
    term = shard.astype(np.uint64)
    for field in fields:  # the code points in fixed widths: ordered as the terms are
        term = (term << np.uint64(code_bits)) | field
    order = np.argsort(term)
    ordered = term[order]
    run = np.zeros(len(order), np.uint64)  # each entry's term's rank in the batch
    np.cumsum(ordered[1:] != ordered[:-1], out=run[1:])
    ties = (run << np.uint64(index_bits)) | order.astype(np.uint64)
    ties.sort()
    return (ties & np.uint64((1 << index_bits) - 1)).astype(np.int64)


def _write_shards(root: Path, version: str, n: int, shards: int, batch: range, keys, docs, vals) -> None:
    """Write the shards `batch` of a level of `shards` from the batch's entries: a shard no term
    hashes to as an empty table, not a missing file (which is damage)."""
    bodies = _shard_bodies(n, shards, keys, docs, vals) if len(keys) else {}
    for s in batch:
        body = bodies.get(s) or _shard_blob(shards, b"", np.zeros(0, np.uint8), b"")
        write_file(root, version, shard_name(version, n, s), body)


def _shard_bodies(n: int, shards: int, keys, docs, vals) -> dict[int, bytes]:
    """Sort entries by shard and term and encode each term's postings: the bodies of the shards
    they fall in, by shard."""
    shard = _shard_ids(keys, n, shards)
    positional = n == 3
    order = _entry_order(keys, n, shard, shards)
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

    data, length = encode_varints(stream)
    byte_start = np.concatenate(([0], np.cumsum(length)))
    term_byte_start = byte_start[slot[term_first] - (header + 1)]
    term_byte_end = np.append(term_byte_start[1:], len(data))
    term_shard = shard[term_first]
    term_codes = _key_codes(keys[term_first], n).astype("<u4")
    sizes, size_length = encode_varints(term_byte_end - term_byte_start)  # all shards' at once: one call, not one each
    size_start = np.concatenate(([0], np.cumsum(size_length))).tolist()

    present, first = np.unique(term_shard, return_index=True)
    bodies = {}
    for s, lo, hi in zip(present.tolist(), first.tolist(), [*first[1:].tolist(), len(term_shard)]):
        terms = term_codes[lo:hi].tobytes().decode("utf-32-le").encode("utf-8")
        postings = data[term_byte_start[lo]: term_byte_end[hi - 1]].tobytes()
        bodies[s] = _shard_blob(shards, terms, sizes[size_start[lo]:size_start[hi]], postings)
    return bodies


def _shard_blob(shards: int, terms: bytes, sizes: np.ndarray, postings: bytes) -> bytes:
    """A shard's body: [its level's shard count, terms length, sizes length] varints, the UTF-8
    terms, their postings' sizes (varints), the postings. The count lets a reader tell a
    manifest whose shard count is wrong (it would look for terms in the wrong shards)."""
    return varint_bytes([shards, len(terms), len(sizes)]) + terms + sizes.tobytes() + postings


def _write_docs_and_facets(root: Path, catalog: list[dict[str, Any]], version: str) -> dict[str, list]:
    """Write the metadata blocks and the facet codes; returns the facet values."""
    for block in range(0, len(catalog), DOCS_PER_BLOCK):
        rows = [_row(e) for e in catalog[block: block + DOCS_PER_BLOCK]]
        write_file(root, version, f"docs/{block // DOCS_PER_BLOCK}", json_bytes(rows))

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
    write_file(root, version, "facets", json_bytes(columns))
    return values


def _row(entry: dict[str, Any]) -> list[Any]:
    """A report's result row (`docs/` blocks and the text store's chunks): ROW_FIELDS' values."""
    return [entry["display_title"] if name == "title" else entry.get(name) for name in ROW_FIELDS]


def _labels() -> dict[str, str]:
    """The label of every row field and filter, for readers of the rows (the UI, `baogao search`)."""
    names = {*ROW_FIELDS, *FACETS}
    return {field.name: field.label for field in schema.FIELDS if field.name in names and field.label}
