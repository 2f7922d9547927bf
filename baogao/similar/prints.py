"""The fingerprints of every report, cached per report so that a change fingerprints only it.

Runs in `build_similar_index` (`baogao build`/`serve`, after conversion). A report's
fingerprints (`baogao.similar.fingerprint`), their text offsets, lines and sections, its
skeleton length and its anchors are a function of its converted text and of the heading and
article lines of its page: the digest of those (and of this code) is the report's *key*, and
`.similar-prints/KEY.bin` in the pages folder holds what was found for it. A build fingerprints
only the reports whose key has no file (all of them in a fresh pages folder, one when one
changed), reads the others' files, and removes the files no report of the archive uses, so
the folder holds exactly the current reports' fingerprints whatever the history. A file is
written under a temporary name and renamed: a crash leaves no half file under a key. The
digest of a report's text and page is remembered by their inodes and times (`KEYS_FILE`,
baogao.filememo), so a build reads only the texts and pages conversion wrote since the last.

A file is one line of JSON (`{"count": N, "length": skeleton length, "anchors": [[position,
anchor], …], "starts": [start, …]}`: per anchor its skeleton position and name, and where its
line starts in the text as the search index counts, in normalised characters,
`baogao.search.normalize`: the 查重 page reads a section's text from the search index's text
store by those) and then six little-endian int32 rows of the report's N fingerprints, position order: hash
(uint32 bits), skeleton position, text start and end of its k-gram, its line, its section.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from baogao.filememo import FileMemo
from baogao.search.normalize import normalize_with_offsets
from baogao.similar import fingerprint
from baogao.similar.fingerprint import skeleton
from baogao.workers import ordered_map, worker_pool

CACHE_DIR = ".similar-prints"
KEYS_FILE = ".similar-keys.json"  # the content digests of the texts and pages read (baogao.filememo)
CHUNK = 32  # reports per worker task (fingerprinting one takes a few ms, see baogao.workers)
ROWS = 6  # hash, position, start, end, line, section
_SPAN_BYTES = 12  # a fingerprint's start, end and line in `Spans`' file
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
    """One report's fingerprints (position order) and what the index and reuse need of it."""

    def __init__(self, rows: np.ndarray, length: int, anchors: list[tuple[int, str]], starts: list[int]):
        self.rows, self.length, self.anchors, self.starts = rows, length, anchors, starts

    def to_bytes(self) -> bytes:
        head = json.dumps({"count": self.rows.shape[1], "length": self.length, "anchors": self.anchors,
                           "starts": self.starts}, ensure_ascii=False)
        return head.encode("utf-8") + b"\n" + self.rows.astype("<i4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Report:
        head, _, body = data.partition(b"\n")
        meta = json.loads(head)
        if len(body) != ROWS * 4 * meta["count"]:
            raise ValueError("truncated")  # fingerprinted again
        rows = np.frombuffer(body, "<i4").reshape(ROWS, -1)
        if len(meta["starts"]) != len(meta["anchors"]):
            raise ValueError("inconsistent")  # fingerprinted again
        return cls(rows, meta["length"], [(at, name) for at, name in meta["anchors"]], meta["starts"])


class Fingerprints:
    """Every fingerprint of the archive in report (catalog order) then position order: its key
    (`index.shard_keys` of its hash: one to one), report, skeleton position and section (anchors
    at or before it), in memory; the text offsets its k-gram spans [start, end) and the line it
    starts in on disk (`spans`: read a run of reports at a time, so that the archive's fingerprints
    hold 20 bytes each in memory — key, position, section, report and `by_key`, 4 bytes each —, not 36:
    2.2 GB at 100 000 reports; the spans take 12 bytes each on disk, 1.3 GB there, while a build runs); per report its skeleton
    length, anchors and their lines' normalised starts (see the module). `by_key` orders them by
    key, report, position: the order of the index's shards, and the hash groups reuse counts.
    A context manager: leaving it closes the file of spans."""

    def __init__(self, core: np.ndarray, spans: Spans, reports: list[Report], counts: list[int], report_keys: list[str]):
        """`core`: per fingerprint (catalog order) its key, position and section (int32 rows);
        `reports`: each one's length, anchors and starts (their own rows are not read); `counts`:
        each one's number of fingerprints."""
        self.report_keys = report_keys  # the reports' cache keys (see the module): reuse tells a changed report by it
        self.keys = core[0].view(np.uint32)
        self.positions, self.sections = core[1], core[2]
        self.spans = spans
        self.docs = np.repeat(np.arange(len(reports), dtype=np.int32), counts)
        self.lengths = [r.length for r in reports]
        self.anchors = [r.anchors for r in reports]
        self.anchor_starts = [r.starts for r in reports]
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
    """The start, end and line of every fingerprint (catalog order), in an unnamed temporary file
    of the pages folder (gone when closed, or when the process ends however it ends): written
    report by report as the fingerprints are loaded, read a range at a time. A context manager."""

    def __init__(self, folder: Path):
        self.file = tempfile.TemporaryFile(dir=folder)

    def __enter__(self) -> Spans:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def append(self, rows: np.ndarray) -> None:
        """Add the spans of one report's fingerprints (its start, end and line rows)."""
        self.file.write(np.ascontiguousarray(rows.T, "<i4").tobytes())

    def read(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(starts, ends, lines) of fingerprints lo … hi − 1."""
        self.file.flush()
        data = os.pread(self.file.fileno(), (hi - lo) * _SPAN_BYTES, lo * _SPAN_BYTES)
        if len(data) != (hi - lo) * _SPAN_BYTES:
            raise OSError(f"the 查重 spans file (a temporary file in the pages folder): fingerprints {lo}–{hi} cut short")
        rows = np.frombuffer(data, "<i4").reshape(-1, 3).T.astype(np.int32)
        return rows[0], rows[1], rows[2]

    def close(self) -> None:
        self.file.close()


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
    `report_keys`, computed when not given), from the cache where their key has a file,
    computed (and cached) where not; the cache then holds only these reports' files.

    The reports missing from the cache are fingerprinted first; then every report's rows are read
    from its file into one array sized by the files (at 100 000 reports about 110 million
    fingerprints: one array, not a copy of 100 000 small ones the heap keeps after joining them)."""
    cache = pages_dir / CACHE_DIR
    cache.mkdir(exist_ok=True)
    keys = report_keys(pages_dir, catalog) if keys is None else keys
    paths = [cache / f"{key}.bin" for key in keys]
    missing = [(i, _paths(pages_dir, entry)) for i, entry in enumerate(catalog) if not paths[i].is_file()]
    with worker_pool(len(missing), CHUNK, workers) as pool:
        for (i, _), report in zip(missing, ordered_map(pool, report_fingerprints, [job for _, job in missing], CHUNK)):
            write_atomic(paths[i], report.to_bytes())
    wanted = {path.name for path in paths}
    for path in cache.iterdir():
        if path.name not in wanted:
            path.unlink()
    # every file holds its head and then its rows: their sizes bound the fingerprints (the
    # array's unused end is never touched, so never in memory)
    from baogao.similar.index import shard_keys  # index imports this module

    core = np.empty((3, sum(map(_size, paths)) // (ROWS * 4)), np.int32)
    spans = Spans(pages_dir)
    reports, counts, filled, no_rows = [], [], 0, np.empty((ROWS, 0), np.int32)
    try:
        for i, path in enumerate(paths):
            try:
                report = Report.from_bytes(path.read_bytes())
            except (OSError, ValueError, KeyError):  # damaged since: fingerprinted again
                report = report_fingerprints(_paths(pages_dir, catalog[i]))
                write_atomic(path, report.to_bytes())
            count = report.rows.shape[1]
            if filled + count > core.shape[1]:  # a damaged file, fingerprinted again, holds more than its size said
                core = np.concatenate((core, np.empty((3, count), np.int32)), axis=1)
            core[0, filled: filled + count] = shard_keys(report.rows[0].view(np.uint32)).view(np.int32)
            core[1:, filled: filled + count] = report.rows[[1, 5]]
            spans.append(report.rows[2:5])
            report.rows = no_rows  # frees the bytes read
            filled += count
            reports.append(report)
            counts.append(count)
        return Fingerprints(core[:, :filled], spans, reports, counts, keys)
    except BaseException:
        spans.close()
        raise


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since: fingerprinted again below
        return 0


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
