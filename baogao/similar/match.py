"""Check a draft against the archive: which of its passages also stand in which reports.

Runs in `baogao similar FILE` over a built site's `similar-index/`; the 查重 page runs the same
steps in the browser (overrides/assets/javascripts/baogao-similar.js; the tests compare both).
A draft is fingerprinted as the reports were (`baogao.similar.fingerprint`), and each of its
fingerprints is looked up in the index. Per report, the draft fingerprints it holds are grouped
into passages (`passages`): one passage while they are at most GAP skeleton characters apart,
whatever their order in the report (reordered clauses stay one passage). A passage holding two
fingerprints or more is widened to the clause ends within SNAP characters (copied text starts
and ends at clause ends; the fingerprints inside it start up to a window in). Its similarity is
the share of the draft's own fingerprints inside it that the report holds (1.0: identical
wording; about 0.5 with one character in ten changed).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from baogao.search.index import unpacked
from baogao.search.query import decode_varints, read_script
from baogao.similar import fingerprint
from baogao.similar.fingerprint import GAP, K, SNAP, Skeleton, skeleton
from baogao.similar.index import FORMAT, INDEX_DIR


class SimilarIndexError(Exception):
    """The site has no usable fingerprint index: no site, no index, or a missing or damaged file."""


def _damaged(name: str, what: str) -> SimilarIndexError:
    return SimilarIndexError(f"查重索引不完整：{INDEX_DIR}/{name} 缺失或损坏，请重新构建 "
                             f"(similarity index incomplete: {INDEX_DIR}/{name} is {what}; rebuild the site with `baogao build`)")


@dataclass(frozen=True)
class Passage:
    """A draft passage [a, b) (skeleton positions) that report `doc` holds at [ra, rb)."""
    doc: int
    a: int
    b: int
    ra: int
    rb: int
    similarity: float


class SimilarIndex:
    """The fingerprint index of a built site, read as the browser reads it (files checked)."""

    def __init__(self, site_dir: Path):
        self.root = site_dir / INDEX_DIR
        if not site_dir.is_dir():
            raise SimilarIndexError(f"no site at '{site_dir}': build one with `baogao build` (or pass --site)")
        if not (self.root / "manifest.js").is_file():
            raise SimilarIndexError(f"'{site_dir}' has no {INDEX_DIR}/manifest.js: rebuild the site with `baogao build`")
        try:
            self.manifest = read_script(self.root / "manifest.js")
        except (OSError, ValueError) as err:
            raise _damaged("manifest.js", "unreadable") from err
        if not isinstance(self.manifest, dict) or self.manifest.get("format") != FORMAT:
            raise SimilarIndexError(f"'{self.root / 'manifest.js'}' is a similarity index of another format: "
                                    "rebuild the site with baogao build")
        self.checks = {g: np.frombuffer(unpacked(v), "<u4").reshape(-1, 2) for g, v in self.manifest["checks"].items()}
        if len(self.checks["f"]) != 1 << self.manifest["bits"]:
            raise _damaged("manifest.js", "inconsistent")
        self._shards: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self._blocks: dict[int, list] = {}
        self.titles: dict[str, str] = {}  # report id → display title, of the rows read

    def _payload(self, group: str, number: int) -> bytes | None:
        name = f"{group}/{number}.js"
        length, crc = (int(x) for x in self.checks[group][number])
        if not length:
            return None
        try:
            data = unpacked(read_script(self.root / name))
        except (OSError, ValueError, TypeError, zlib.error) as err:
            raise _damaged(name, "missing or unreadable") from err
        if len(data) != length or zlib.crc32(data) != crc:
            raise _damaged(name, "altered")
        return data

    def _shard(self, s: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(hashes, first entry, entry count) and the entries (report values, position values)."""
        if s not in self._shards:
            data = self._payload("f", s)
            values = np.array(decode_varints(data) if data else [0], np.int64)
            t = int(values[0])
            heads = values[1: 1 + t]
            hashes = (s << (32 - self.manifest["bits"])) + np.cumsum(heads >> 1)
            several = (heads & 1).astype(bool)
            counts = np.ones(t, np.int64)
            counts[several] = values[1 + t: 1 + t + several.sum()]
            entries = values[1 + t + several.sum():].reshape(-1, 2)
            self._shards[s] = (hashes, np.concatenate(([0], np.cumsum(counts))), entries)
        return self._shards[s]

    def postings(self, h: int) -> tuple[np.ndarray, np.ndarray]:
        """(reports, positions) holding fingerprint hash `h`."""
        hashes, offsets, entries = self._shard(h >> (32 - self.manifest["bits"]))
        i = int(np.searchsorted(hashes, h))
        if i == len(hashes) or hashes[i] != h:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        doc_values, pos_values = entries[offsets[i]: offsets[i + 1]].T
        docs = np.cumsum(doc_values)
        new = np.ones(len(docs), bool)
        new[1:] = doc_values[1:] != 0
        sums = np.cumsum(pos_values)
        first = np.maximum.accumulate(np.where(new, np.arange(len(docs)), 0))
        return docs, sums - sums[first] + pos_values[first]

    def row(self, doc: int) -> list:
        """[id, url, title, [position, anchor, …]] of report `doc`."""
        block = doc // self.manifest["block"]
        if block not in self._blocks:
            data = self._payload("docs", block)
            self._blocks[block] = json.loads(data or b"[]")
        row = self._blocks[block][doc % self.manifest["block"]]
        self.titles[row[0]] = row[2]
        return row


def passages(sk: Skeleton, positions: np.ndarray, seeds: dict[int, list[tuple[int, int]]]) -> list[Passage]:
    """The passages of a text (skeleton `sk`, fingerprint positions `positions`) that each report
    holds, from the seeds (text position, report position) of its fingerprints per report."""
    found = []
    length = len(sk.codes)
    for doc in sorted(seeds):
        groups: list[list[tuple[int, int]]] = []
        end = -1
        for d, r in sorted(seeds[doc]):
            if groups and d <= end + GAP:
                groups[-1].append((d, r))
            else:
                groups.append([(d, r)])
            end = max(end, d + K) if len(groups[-1]) > 1 else d + K
        for group in groups:
            a, b = group[0][0], max(d for d, _ in group) + K
            held = len({d for d, _ in group})
            own = int(np.searchsorted(positions, b - K, "right") - np.searchsorted(positions, a))
            if held >= 2:
                a, b = _snap(sk.breaks, length, a, b)
            reports = sorted(r for _, r in group)
            middle, reach = reports[len(reports) // 2], b - a + GAP
            near = [r for r in reports if abs(r - middle) <= reach]
            found.append(Passage(doc, a, b, near[0], near[-1] + K, int(held / max(own, held) * 1000 + 0.5) / 1000))
    return found


def _snap(breaks: np.ndarray, length: int, a: int, b: int) -> tuple[int, int]:
    """[a, b) widened to the clause ends at most SNAP characters away (else as it is)."""
    left = a
    while left > 0 and not breaks[left] and a - left < SNAP:
        left -= 1
    right = b
    while right < length and not breaks[right] and right - b < SNAP:
        right += 1
    return (left if breaks[left] or left == 0 else a), (right if right == length or breaks[right] else b)


def check_draft(text: str, index: SimilarIndex) -> dict[str, Any]:
    """The issue's JSON: {"chars", "covered", "matches": [{start, end, report_id, url, similarity}]},
    offsets in code points of `text`, one match per (draft passage, report)."""
    sk = skeleton(text)
    hashes, positions = fingerprint.fingerprints(sk.codes)
    seeds: dict[int, list[tuple[int, int]]] = {}
    for h, d in zip(hashes.tolist(), positions.tolist()):
        docs, rpos = index.postings(h)
        for doc, r in zip(docs.tolist(), rpos.tolist()):
            seeds.setdefault(doc, []).append((d, r))
    matches = []
    for p in passages(sk, positions, seeds):
        start, end = int(sk.origin[p.a]), int(sk.origin[p.b - 1]) + 1
        row = index.row(p.doc)
        flat = row[3]
        anchor = ""
        for i in range(0, len(flat), 2):
            if flat[i] <= p.ra:
                anchor = flat[i + 1]
        matches.append({"start": start, "end": end, "report_id": row[0],
                        "url": row[1] + (f"#{anchor}" if anchor else ""), "similarity": p.similarity})
    matches.sort(key=lambda m: (m["start"], m["end"], m["report_id"]))
    solid = _solid(text)
    return {"chars": int(solid.sum()), "covered": _covered(solid, matches), "matches": matches}


def _solid(text: str) -> np.ndarray:
    """Which characters count: all but white space."""
    return np.array([not ch.isspace() for ch in text], bool)


def _covered(solid: np.ndarray, matches: list[dict[str, Any]]) -> int:
    """Non-space characters inside any of `matches`."""
    inside = np.zeros(len(solid) + 1, np.int64)
    for m in matches:
        inside[m["start"]] += 1
        inside[m["end"]] -= 1
    return int((solid & (np.cumsum(inside)[: len(solid)] > 0)).sum())


def shares(text: str, answer: dict[str, Any]) -> list[tuple[str, int]]:
    """(report id, non-space characters of the draft its matches cover), most first."""
    solid, by_report = _solid(text), {}  # type: ignore[var-annotated]
    for m in answer["matches"]:
        by_report.setdefault(m["report_id"], []).append(m)
    return sorted(((rid, _covered(solid, ms)) for rid, ms in by_report.items()), key=lambda x: (-x[1], x[0]))


def report_lines(text: str, answer: dict[str, Any], titles: dict[str, str]) -> list[str]:
    """`baogao similar` without --json: the share covered, per report, then every match."""
    chars, covered = answer["chars"], answer["covered"]
    lines = [f"草稿 {chars} 字，其中 {covered} 字（{covered / max(1, chars):.0%}）见于归档"]
    for rid, n in shares(text, answer):
        lines.append(f"  {n / max(1, chars):5.0%}  {n:6d} 字  {titles.get(rid, rid)}  reports/{rid}.html")
    for m in answer["matches"]:
        passage = " ".join(text[m["start"]:m["end"]].split())
        passage = passage if len(passage) <= 40 else passage[:40] + "…"
        lines.append(f"\n[{m['start']}–{m['end']}] 相似度 {m['similarity']:.2f}  {titles.get(m['report_id'], m['report_id'])}  {m['url']}")
        lines.append(f"  「{passage}」")
    return lines
