"""The fingerprints of every report, cached by report so that a change fingerprints only it.

Runs in `build_similar_index` (`baogao build`/`serve`, after conversion). A report's
fingerprints (`baogao.similar.fingerprint`), their text offsets, lines and sections, its
skeleton length and its anchors are a function of its converted text and of the heading and
article lines of its page: the digest of those (and of this code) is the report's *key*. The
digest of a report's text and page is remembered by their inodes and times (`KEYS_FILE`,
baogao.filememo), so a build reads only the texts and pages conversion wrote since the last.

The cache, `.similar-prints/` in the pages folder (`_Pack`): one data file of *records*, a
record a key, and `index.json`, which names the data file and gives per key its record's place,
N (its fingerprints) and CRC-32, the skeleton length, the anchors (skeleton position and name) and
their lines' starts (in normalised characters, `baogao.search.normalize`, as the search index
counts: the 查重 page reads a section's text from its text store by those). A record is
little-endian int32: three rows of N (each fingerprint's key, `index.shard_keys` of its hash;
its skeleton position; its section), then per fingerprint the text start and end of its k-gram
and its line, position order. A build fingerprints only the reports whose key has no record
(all of them in a fresh pages folder, one when one changed), appends their records, and writes
the index anew, naming the current reports' keys only; when the records no report uses would
outweigh the used ones, it writes a new data file of the used records alone, in catalog order.
So an edit writes one record and reads the others from one file (at 10 000 reports, reading
10 000 files of one report each took a second of the 查重 stage before its reuse pages).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import html
import json
import os
import re
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from baogao.filememo import FileMemo
from baogao.search.normalize import normalize_with_offsets
from baogao.similar import fingerprint
from baogao.similar.fingerprint import skeleton
from baogao.workers import ordered_map, worker_pool

CACHE_DIR = ".similar-prints"
INDEX_FILE = "index.json"  # in CACHE_DIR: see `_Pack`
PACK_FORMAT = 2  # 2: each record's CRC-32, the data file's end
RECORD_VALUES = 6  # int32 values a fingerprint takes in a record: key, position, section; start, end, line
# An index entry: its record's offset (int32 values into the data file), its fingerprints, the
# record's CRC-32, the skeleton length, the anchors ([skeleton position, name] pairs), their starts.
_OFFSET, _COUNT, _CRC, _LENGTH, _ANCHORS, _STARTS = range(6)
# What `_Pack` deletes in CACHE_DIR: its data files, its index's temporary files, and the files of the
# cache before format 1 (KEY.bin, one a report, and their temporary files); nothing else
_OWN_FILES = re.compile(r"data-[0-9a-f]{16}\.bin|\.index\.json\.\d+\.tmp|\.?[0-9a-f]{64}\.bin(?:\.\d+\.tmp)?")
KEYS_FILE = ".similar-keys.json"  # the content digests of the texts and pages read (baogao.filememo)
CHUNK = 32  # reports per worker task (fingerprinting one takes a few ms, see baogao.workers)
_SPAN_BYTES = 12  # a fingerprint's start, end and line in a record (`Spans`)
# Fingerprints the index and reuse work on at once in key order (`Fingerprints.key_slices`): their
# arrays over fingerprints take ~35 bytes each; over all 110 million of 100 000 reports, 4 GB.
KEY_SLICE = 4_000_000
# A heading or an article of a converted page: its text (escaped Markdown) and anchor.
_ANCHORED = re.compile(r"^(?:#{1,6} (?P<heading>.*) \{: #(?P<h>[^ ]+) \}|\{: #(?P<a>[^ ]+) \.baogao-article \})$")
# The page lines the anchors are read from: heading and article lines, and each line before an
# article line (its text); one line each, so the list determines what `_anchors` finds.
_ANCHOR_LINES = re.compile(r"^(?:#{1,6} .* \{: #[^ ]+ \}|\{: #[^ ]+ \.baogao-article \}|.*(?=\n\{: #[^ ]+ \.baogao-article \}$))$",
                           re.M)


class Report:
    """One report's fingerprints as made (six int32 rows, position order: hash, skeleton
    position, text start and end of its k-gram, its line, its section) and what the index and
    reuse need of it."""

    def __init__(self, rows: np.ndarray, length: int, anchors: list[tuple[int, str]], starts: list[int]):
        self.rows, self.length, self.anchors, self.starts = rows, length, anchors, starts

    def record(self) -> bytes:
        """The report's record in the cache's data file (see the module)."""
        from baogao.similar.index import shard_keys  # index imports this module

        rows = self.rows
        core = np.stack([shard_keys(rows[0].view(np.uint32)).view(np.int32), rows[1], rows[5]])
        return core.astype("<i4").tobytes() + np.ascontiguousarray(rows[2:5].T, "<i4").tobytes()


class Fingerprints:
    """Every fingerprint of the archive in report (catalog order) then position order: its key
    (`index.shard_keys` of its hash: one to one), report, skeleton position and section (anchors
    at or before it), in memory; the text offsets its k-gram spans [start, end) and the line it
    starts in on disk (`spans`, read from the cache's records a run of reports at a time, so that the
    archive's fingerprints hold 20 bytes each in memory — key, position, section, report and `by_key`,
    4 bytes each —, not 32: 2.2 GB at 100 000 reports, not 3.5); per report its skeleton
    length, anchors and their lines' normalised starts (see the module). `by_key` orders them by
    key, report, position: the order of the index's shards, and the hash groups reuse counts.
    A context manager: leaving it closes the cache's data file, which `spans` reads."""

    def __init__(self, core: np.ndarray, spans: Spans, entries: list[list[Any]], report_keys: list[str]):
        """`core`: per fingerprint (catalog order) its key, position and section (int32 rows);
        `entries`: each report's entry of the cache's index (`_Pack`)."""
        self.report_keys = report_keys  # the reports' cache keys (see the module): reuse tells a changed report by it
        self.keys = core[0].view(np.uint32)
        self.positions, self.sections = core[1], core[2]
        self.spans = spans
        self.docs = np.repeat(np.arange(len(entries), dtype=np.int32), [entry[_COUNT] for entry in entries])
        self.lengths = [entry[_LENGTH] for entry in entries]
        self.anchors: list[list[Any]] = [entry[_ANCHORS] for entry in entries]  # (skeleton position, name) pairs
        self.anchor_starts = [entry[_STARTS] for entry in entries]
        self.by_key = stable_order(self.keys)  # stable: report, position within a key

    def __enter__(self) -> Fingerprints:
        return self

    def __exit__(self, *exc: object) -> None:
        self.spans.close()

    def hashes(self, which: np.ndarray) -> np.ndarray:
        """The hashes of the fingerprints `which` (indices), from their keys."""
        from baogao.similar.index import shard_hashes  # index imports this module

        return shard_hashes(self.keys[which])

    def key_slices(self) -> list[tuple[int, int]]:
        """[lo, hi) ranges of `by_key` that cover it, about KEY_SLICE fingerprints each, cut only
        between keys (a key's fingerprints all in one range): the index and reuse work on one
        range at a time, so their arrays over fingerprints are bounded by it, not the archive."""
        keys, order, total = self.keys, self.by_key, len(self.by_key)
        cuts = [0]
        while cuts[-1] < total:
            lo, hi = cuts[-1] + KEY_SLICE, total  # the cut: the first fingerprint at or after lo of another key
            if lo < total:
                key = keys[order[lo - 1]]
                while lo < hi:
                    mid = (lo + hi) // 2
                    lo, hi = (mid + 1, hi) if keys[order[mid]] == key else (lo, mid)
            cuts.append(hi)
        return list(zip(cuts[:-1], cuts[1:]))


class Spans:
    """The start, end and line of every fingerprint (catalog order), read a range at a time from the
    second part of the reports' records in the cache's data file (`Report.record`), open as `fd`:
    never all at once (12 bytes a fingerprint, 1.3 GB at 100 000 reports) and never copied (a copy in
    a temporary file cost every build that size in writes). `entries`: the reports' entries of the
    cache's index, catalog order; their records were checked against their CRC-32 as the fingerprints
    were loaded, and the pages folder's lock keeps the file as it is for the build. A context manager:
    leaving it closes `fd`."""

    def __init__(self, fd: int | None, entries: list[list[Any]]):
        self.fd = fd
        self.counts = np.array([entry[_COUNT] for entry in entries], np.int64)
        self.ends = np.cumsum(self.counts)  # where each report's fingerprints end
        self.offsets = [4 * (entry[_OFFSET] + 3 * entry[_COUNT]) for entry in entries]  # its spans' first byte

    def __enter__(self) -> Spans:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def read(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(starts, ends, lines) of fingerprints lo … hi − 1."""
        parts = []
        reports = range(int(np.searchsorted(self.ends, lo, "right")), int(np.searchsorted(self.ends, hi - 1, "right")) + 1)
        for d in reports if lo < hi else ():
            start = int(self.ends[d] - self.counts[d])
            first, last = max(lo, start), min(hi, int(self.ends[d]))
            if first < last:
                size = (last - first) * _SPAN_BYTES
                data = os.pread(self.fd, size, self.offsets[d] + (first - start) * _SPAN_BYTES) if self.fd is not None else b""
                if len(data) != size:
                    raise OSError(f"the 查重 cache's data file: the spans of fingerprints {first}–{last} cut short")
                parts.append(data)
        rows = np.frombuffer(b"".join(parts), "<i4").reshape(-1, 3).T.astype(np.int32)
        return rows[0], rows[1], rows[2]

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def stable_order(keys: np.ndarray) -> np.ndarray:
    """np.argsort(keys, kind="stable") of uint32 keys, four times faster at 10 000 reports: the
    values (key, position) are unique, so sorting them (not their indices) gives the same order."""
    packed = (keys.astype(np.uint64) << np.uint64(32)) | np.arange(len(keys), dtype=np.uint64)
    packed.sort()
    packed &= np.uint64(0xFFFFFFFF)
    # 32 bits while they hold the positions: half the bytes (110 million positions at 100 000 reports)
    return packed.astype(np.int32 if len(keys) < 2**31 else np.int64)


def report_keys(pages_dir: Path, catalog: list[dict[str, Any]]) -> list[str]:
    """Each report's key (see the module), catalog order. A report's text and page are read for
    it only when they are not the files the last build read (`KEYS_FILE`, baogao.filememo):
    after one report changed, one."""
    code = code_digest()
    contents = FileMemo(pages_dir / KEYS_FILE)
    keys = []
    for entry in catalog:
        text_path, page_path = _paths(pages_dir, entry)
        read = [path for path in (text_path, page_path) if path.is_file()]
        keys.append(_key(code, contents.get(read, lambda: content_digest(text_path.read_bytes(), page_body(page_path)))))
    contents.save()
    return keys


def _paths(pages_dir: Path, entry: dict[str, Any]) -> tuple[Path, Path]:
    return pages_dir / "text" / f"{entry['id']}.txt", pages_dir / "reports" / f"{entry['id']}.md"


def load_fingerprints(pages_dir: Path, catalog: list[dict[str, Any]], workers: int | None = None,
                      keys: list[str] | None = None) -> Fingerprints:
    """The fingerprints of the reports of `catalog` (converted in `pages_dir`; `keys`: their
    `report_keys`, computed when not given), from the cache where their key has a record,
    computed (and cached) where not; the cache's index then names only these reports' keys.

    The fingerprints are read into one array (at 100 000 reports about 110 million: one array,
    not a copy of 100 000 small ones the heap keeps after joining them). A record whose CRC-32 is
    not its entry's is fingerprinted again."""
    keys = report_keys(pages_dir, catalog) if keys is None else keys
    pack = _Pack(pages_dir / CACHE_DIR)
    damaged: set[str] = set()
    for _ in range(2):  # once more for the records found damaged, made again
        pack.update(keys, lambda i: _paths(pages_dir, catalog[i]), workers)
        read = pack.read(keys)
        if isinstance(read, Fingerprints):
            return read
        damaged = read
        pack.forget(damaged)
    report = catalog[keys.index(min(damaged))]["id"]
    raise OSError(f"查重: the fingerprints of {report} read back from {pack.folder} are not those written (a failing disk?)")


class _Pack:
    """The cache of every report's fingerprints (see the module): `folder/index.json` (the data
    file's name, its end when the index was written, and per key its entry: see _OFFSET …) and
    the data file of records. A build appends records, syncs them to disk, and then writes the
    index through a temporary file and a rename, so a crash leaves an index that names whole
    records; records no entry names are dead bytes, until a new data file drops them. A data file
    shorter than its index says (cut since) is not appended to: a new one is written."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.data: str | None = None  # the data file's name
        self.size = 0  # its int32 values
        self.cut = False  # shorter than the index says
        self.entries: dict[str, list[Any]] = {}
        try:
            collecting = gc.isenabled()
            gc.disable()  # millions of small lists at 100 000 reports: the collector would walk them again and again
            try:
                index = json.loads((folder / INDEX_FILE).read_text(encoding="utf-8"))
            finally:
                if collecting:
                    gc.enable()
            data, end, reports = index["data"], index["end"], index["reports"]
            if (index["format"] != PACK_FORMAT or not isinstance(data, str) or not re.fullmatch(r"data-[0-9a-f]{16}\.bin", data)
                    or not _whole(end) or not isinstance(reports, dict)):
                return
            size = (folder / data).stat().st_size // 4
            # a record past the data file's end (cut short since), or an entry not as written, is made again
            entries = {key: entry for key, entry in reports.items() if _sound(entry, size)}
        except (OSError, ValueError, KeyError, TypeError):
            return  # no cache yet, or a damaged index: every report is fingerprinted
        self.data, self.size, self.cut, self.entries = data, size, size < end, entries

    def forget(self, keys: set[str]) -> None:
        """Drop the entries of `keys` (their reports are fingerprinted again)."""
        for key in keys:
            self.entries.pop(key, None)

    def update(self, keys: list[str], job: Callable[[int], tuple[Path, Path]], workers: int | None) -> None:
        """Give every key of `keys` (of the reports whose text and page `job(i)` gives) an entry,
        fingerprinting those that have none, and keep no other entry; then write the index and
        remove the folder's files `_OWN_FILES` names but the index and the data file (a data file
        replaced, a temporary one of a crash, the cache of an older format)."""
        first: dict[str, int] = {}
        for i, key in enumerate(keys):
            first.setdefault(key, i)
        missing = [key for key in first if key not in self.entries]
        live = sum(RECORD_VALUES * self.entries[key][_COUNT] for key in first if key in self.entries)
        entries: dict[str, list[Any]] = {}
        # a new data file: none yet, one cut short, or the dead would outweigh the used
        fresh = self.data is None or self.cut or self.size - live > live
        # a new one's name: from what it holds and the one it replaces (two builds of one archive write the same
        # files; never the name of the one replaced), written from its start (over what a crash may have left)
        made_of = hashlib.sha256(json.dumps([self.data, list(first)]).encode()).hexdigest()[:16]
        name = f"data-{made_of}.bin" if fresh else str(self.data)
        self.folder.mkdir(exist_ok=True)
        with worker_pool(len(missing), CHUNK, workers) as pool, open(self.folder / name, "wb" if fresh else "ab") as out:
            made = iter(ordered_map(pool, report_fingerprints, [job(first[key]) for key in missing], CHUNK))
            out.write(b"\0" * (-out.tell() % 4))  # a write cut short leaves whole values before the next record

            def put(key: str, record: bytes | memoryview, entry: list[Any]) -> None:
                entries[key] = [out.tell() // 4, *entry]
                out.write(record)

            with self._opened() if fresh else contextlib.nullcontext(None) as old:
                for key in first if fresh else missing:
                    if key in self.entries and old is not None:
                        # copied with the CRC-32 it was written with, not one of what it holds now: a record damaged
                        # since is still told by `read` (and made again), not made to pass for sound
                        offset, *entry = self.entries[key]
                        put(key, _record(old, offset, entry[0]), entry)
                    else:
                        report = next(made)
                        record = report.record()
                        put(key, record, [report.rows.shape[1], zlib.crc32(record), report.length, report.anchors, report.starts])
            out.flush()
            os.fsync(out.fileno())  # the records on disk before an index that names them
            size = out.tell() // 4
        if not fresh:
            entries = {**{key: self.entries[key] for key in first if key in self.entries}, **entries}
        changed = fresh or missing or len(entries) != len(self.entries)
        self.data, self.size, self.cut, self.entries = name, size, False, entries
        if changed:
            index = {"format": PACK_FORMAT, "data": name, "end": size, "reports": entries}
            write_atomic(self.folder / INDEX_FILE, json.dumps(index, ensure_ascii=False).encode("utf-8"))
        for path in self.folder.iterdir():
            if path.name not in (INDEX_FILE, name) and _OWN_FILES.fullmatch(path.name) and path.is_file():
                path.unlink()

    @contextlib.contextmanager
    def _opened(self) -> Iterator[int | None]:
        """The data file's descriptor, records read from it a record at a time (`_record`): a mapping of the
        whole file would hold every page read in this process's memory until unmapped (2.7 GB at 100 000
        reports, counted as its own); None when there is none."""
        if not self.data:
            yield None
            return
        fd = os.open(self.folder / self.data, os.O_RDONLY)
        try:
            yield fd
        finally:
            os.close(fd)

    def read(self, keys: list[str]) -> Fingerprints | set[str]:
        """The fingerprints of the reports of `keys` (each has an entry: `update`), catalog order;
        or the keys whose record is not as written (its CRC-32), which are to be made again."""
        entries = [self.entries[key] for key in keys]
        core = np.empty((3, sum(entry[_COUNT] for entry in entries)), np.int32)
        damaged: set[str] = set()
        fd = os.open(self.folder / self.data, os.O_RDONLY) if self.data else None
        spans = Spans(fd, entries)  # (closes the file however this ends, unless the fingerprints hold it)
        try:
            filled = 0
            for key, (offset, count, crc, *_) in zip(keys, entries):
                data = _record(fd, offset, count) if fd is not None else b""
                if len(data) != 4 * RECORD_VALUES * count or zlib.crc32(data) != crc:
                    damaged.add(key)
                    continue
                core[:, filled: filled + count] = np.frombuffer(data, "<i4", 3 * count).reshape(3, count)
                filled += count
            if damaged:
                spans.close()
                return damaged
            return Fingerprints(core, spans, entries, keys)
        except BaseException:
            spans.close()
            raise


def _record(fd: int, offset: int, count: int) -> bytes:
    """The record of `count` fingerprints at `offset` (int32 values) of the data file open as `fd`."""
    return os.pread(fd, 4 * RECORD_VALUES * count, 4 * offset)


def _whole(value: Any) -> bool:
    """An int of JSON, zero or more (not a bool, which is an int to Python)."""
    return type(value) is int and value >= 0


def _sound(entry: Any, size: int) -> bool:
    """Whether an index entry is as `_Pack.update` writes it, its record within `size` values."""
    return (isinstance(entry, list) and len(entry) == 6 and all(_whole(entry[i]) for i in (_OFFSET, _COUNT, _CRC, _LENGTH))
            and entry[_OFFSET] + RECORD_VALUES * entry[_COUNT] <= size
            and isinstance(entry[_ANCHORS], list) and isinstance(entry[_STARTS], list)
            and len(entry[_ANCHORS]) == len(entry[_STARTS])
            and all(isinstance(a, list) and len(a) == 2 and _whole(a[0]) and isinstance(a[1], str) for a in entry[_ANCHORS])
            and all(_whole(start) for start in entry[_STARTS]))


def report_key(code: str, text: bytes, page_body: str) -> str:
    """The digest of what a report's fingerprints are made of (see the module)."""
    return _key(code, content_digest(text, page_body))


def content_digest(text: bytes, page_body: str) -> str:
    """The digest of a report's text and of the heading and article lines of its page."""
    digest = hashlib.sha256(text)
    digest.update(b"\0" + "\n".join(_ANCHOR_LINES.findall(page_body)).encode("utf-8"))
    return digest.hexdigest()


def _key(code: str, content: str) -> str:
    return hashlib.sha256(f"{code}\0{content}".encode()).hexdigest()


def report_fingerprints(job: tuple[Path, Path]) -> Report:
    """One report's fingerprints (hashes, positions, text offsets and line of their k-grams,
    sections), skeleton length and anchors."""
    text_path, page_path = job
    text = text_path.read_text(encoding="utf-8")
    sk = skeleton(text)
    hashes, positions = fingerprint.fingerprints(sk.codes)
    starts, ends = sk.origin[positions], sk.origin[positions + fingerprint.K - 1] + 1
    breaks = np.flatnonzero(np.frombuffer(text.encode("utf-32-le"), "<u4") == 0x0A)
    lines = np.searchsorted(breaks, starts)  # the line (paragraph) each k-gram starts in
    found = _anchors(text, sk.origin, page_body(page_path))
    anchors = [(at, name) for at, name, _ in found]
    sections = np.searchsorted(np.array([at for at, _ in anchors], np.int64), positions, "right")
    rows = np.stack([hashes.view(np.int32), *(a.astype(np.int32) for a in (positions, starts, ends, lines, sections))])
    _, norm_origin = normalize_with_offsets(text)  # a text offset's normalised position: the characters before it
    lines_at = np.searchsorted(norm_origin, np.array([offset for _, _, offset in found], np.int64))
    return Report(rows, len(sk.codes), anchors, lines_at.tolist())


def page_body(page_path: Path) -> str:
    """A converted page without its front matter ('' when there is no page)."""
    if not page_path.is_file():
        return ""
    return page_path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]


def _anchors(text: str, origin: np.ndarray, body_text: str) -> list[tuple[int, str, int]]:
    """(skeleton position, anchor, text offset of its line) of each heading and article of the
    page, found in the text's lines in page order."""
    if not body_text:
        return []
    lines, starts, offset = text.split("\n"), [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    found: list[tuple[int, str, int]] = []
    body = body_text.split("\n")
    at = 1  # line 0 of the text is the title
    for number, page_line in enumerate(body):
        m = _ANCHORED.match(page_line)
        if not m:
            continue
        wanted = html.unescape(m["heading"] if m["heading"] is not None else body[number - 1]).strip()
        anchor = m["h"] or m["a"]
        for i in range(at, len(lines)):
            if lines[i].strip() == wanted:
                found.append((int(np.searchsorted(origin, starts[i])), anchor, starts[i]))
                at = i + 1
                break
    return found


def code_digest() -> str:
    """The code fingerprints are made by: a change to it fingerprints every report again."""
    digest = hashlib.sha256()
    for module in (fingerprint.__file__, __file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file and rename: a crash leaves no half file under the name."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
