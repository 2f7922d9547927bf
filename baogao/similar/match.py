"""Check a draft against the archive: which of its passages also stand in which reports.

Runs in `baogao similar FILE` over a built site's `similar-index/`; the 查重 page runs the same
steps in the browser (overrides/assets/javascripts/baogao-similar.js; the tests compare both).
A draft is fingerprinted as the reports were (`baogao.similar.fingerprint`), and each of its
fingerprints is looked up in the index (a seed: draft position, report, section). Per report,
the seeds are grouped into passages (`passages`): one passage while they are at most GAP
skeleton characters apart in the draft, whatever their order in the report (reordered clauses
stay one passage). A passage holding two fingerprints or more is widened to the clause ends
within SNAP characters (copied text starts and ends at clause ends; the fingerprints inside it
start up to a window in). Its similarity is the share of the draft's own fingerprints inside it
that the report holds (1.0: identical wording; about 0.5 with one character in ten changed); it
links to the anchor of its seeds' median section. All of it is array work (numpy), so a draft
that stands in thousands of reports costs no Python loop per seed.
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from baogao.search.codec import read_script, unframe, unpieced, varint_array
from baogao.similar import fingerprint
from baogao.similar.fingerprint import GAP, K, REUSE_PRINTS, SNAP, Skeleton, skeleton
from baogao.similar.index import ARCHIVE, FORMAT, HASH, INDEX_DIR, shard_keys


class SimilarIndexError(Exception):
    """The site has no usable fingerprint index: no site, no index, or a missing or damaged file."""


def _damaged(name: str, what: str) -> SimilarIndexError:
    return SimilarIndexError(f"查重索引不完整：{INDEX_DIR}/{name} 缺失或损坏，请重新构建 "
                             f"(similarity index incomplete: {INDEX_DIR}/{name} is {what}; rebuild the site with `baogao build`)")


@dataclass(frozen=True)
class Passages:
    """Draft passages [a, b) (skeleton positions) that report `doc` holds, linked to `section`."""
    doc: np.ndarray
    a: np.ndarray
    b: np.ndarray
    section: np.ndarray
    similarity: np.ndarray
    held: np.ndarray  # the draft's fingerprints in the passage that the report holds


@dataclass(frozen=True)
class _Part:
    keys: np.ndarray  # each key's low bits (archive order: the keys files hold the others), or whole (by hash)
    offsets: np.ndarray  # entries of key i: offsets[i]:offsets[i + 1]
    docs: np.ndarray
    sections: np.ndarray


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
        if self.manifest.get("layout") not in (ARCHIVE, HASH):
            raise _damaged("manifest.js", "of no known layout")
        self._keys: list[np.ndarray] | None = None
        self._parts: dict[int, _Part] = {}
        self._blocks: dict[int, list] = {}
        self.titles: dict[str, str] = {}  # report id → display title, of the rows read

    def _payload(self, name: str) -> bytes:
        """The payload of NAME.js, checked (see baogao.similar.index)."""
        try:
            framed = unpieced(read_script(self.root / f"{name}.js"))
        except (OSError, ValueError, TypeError, zlib.error) as err:
            raise _damaged(f"{name}.js", "missing or unreadable") from err
        data = unframe(framed, f"{self.manifest['version']}/{name}")
        if data is None:
            raise _damaged(f"{name}.js", "altered or of another build")
        return data

    def keys(self) -> list[np.ndarray]:
        """Every part's keys, ascending (the first level: baogao.similar.index)."""
        if self._keys is None:
            parts, per_file, keys = self.manifest["parts"], self.manifest["key_parts"], []
            for j in range(-(-parts // per_file)):
                name, data = f"k/{j}", self._payload(f"k/{j}")
                try:
                    g, *_ = _head(data, 1)
                    head = _head(data, 1 + 2 * g)
                except ValueError as err:
                    raise _damaged(f"{name}.js", "inconsistent") from err
                counts, lows, at = head[1: 1 + g], head[1 + g: 1 + 2 * g], head[-1]
                wanted = min(per_file, parts - j * per_file)
                starts = at + np.cumsum([0, *((t * r + 7) // 8 for t, r in zip(counts, lows))])
                highs = varint_array(data[int(starts[-1]):])
                if g != wanted or len(highs) != sum(counts):
                    raise _damaged(f"{name}.js", "inconsistent")
                for i, (t, low) in enumerate(zip(counts, lows)):
                    bits = np.unpackbits(np.frombuffer(data[int(starts[i]): int(starts[i + 1])], np.uint8))[: t * low]
                    high = highs[sum(counts[:i]): sum(counts[: i + 1])]
                    weights = 1 << np.arange(low - 1, -1, -1, dtype=np.int64)
                    keys.append(np.cumsum((high << low) + bits.reshape(t, low).astype(np.int64) @ weights))
            self._keys = keys
        return self._keys

    def _part(self, p: int, keys: int | None) -> _Part:
        """The entries of part p, which has `keys` keys (None: by hash, where only the part
        knows; the layout: baogao.similar.index)."""
        if p not in self._parts:
            data = self._payload(f"e/{p}")
            values = varint_array(data)
            t, e, base = (values[:3].tolist() + [-1, -1, -1])[:3]
            if (keys is not None and t != keys) or len(values) != 3 + 3 * t + 2 * e:
                raise _damaged(f"e/{p}.js", "inconsistent")
            lows, counts, pairs = values[3: 3 + t], values[3 + t: 3 + 2 * t], values[3 + 3 * t:].reshape(e, 2)
            if (counts < 1).any() or counts.sum() != e:  # every key has an entry
                raise _damaged(f"e/{p}.js", "inconsistent")
            offsets = np.concatenate(([0], np.cumsum(counts)))
            deltas = pairs[:, 0].copy()
            deltas[offsets[:-1]] += base
            sums = np.cumsum(deltas)
            docs = sums - np.repeat(sums[offsets[:-1]] - deltas[offsets[:-1]], counts) if e else sums
            self._parts[p] = _Part(lows if keys is not None else np.cumsum(lows), offsets, docs, pairs[:, 1])
        return self._parts[p]

    def seeds(self, hashes: np.ndarray, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(draft position, report, section) of every entry of every fingerprint."""
        keys = shard_keys(hashes)
        found: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
        if self.manifest["layout"] == HASH:  # a key's part is its top bits
            part_of = keys >> (32 - (self.manifest["parts"].bit_length() - 1))
            for p in np.unique(part_of).tolist():
                part, mine = self._part(p, None), np.flatnonzero(part_of == p)
                if not len(part.keys):
                    continue
                at = np.minimum(np.searchsorted(part.keys, keys[mine]), len(part.keys) - 1)
                hit = part.keys[at] == keys[mine]
                found.append(_entries(part, at[hit], positions[mine[hit]]))
        else:
            low_bits = self.manifest["low_bits"]
            high, low = keys >> low_bits, keys & ((1 << low_bits) - 1)
            for p, table in enumerate(self.keys()):
                first, last = np.searchsorted(table, high), np.searchsorted(table, high, "right")
                n = last - first  # the part's keys with these high bits: mostly none, at times two
                if not n.any():
                    continue
                at = np.repeat(first - np.cumsum(n) + n, n) + np.arange(int(n.sum()))
                mine = np.repeat(np.arange(len(keys)), n)
                part = self._part(p, len(table))
                hit = part.keys[at] == low[mine]
                found.append(_entries(part, at[hit], positions[mine[hit]]))
        if not found:
            return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
        return tuple(np.concatenate(x) for x in zip(*found))  # type: ignore[return-value]

    def row(self, doc: int) -> list:
        """[id, url, title, [anchor, …]] of report `doc`."""
        block = doc // self.manifest["block"]
        if block not in self._blocks:
            self._blocks[block] = json.loads(self._payload(f"docs/{block}"))
        row = self._blocks[block][doc % self.manifest["block"]]
        self.titles[row[0]] = row[2]
        return row


def _entries(part: _Part, at: np.ndarray, positions: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(draft position, report, section) of every entry of `part`'s keys `at`, found at draft `positions`."""
    lo, hi = part.offsets[at], part.offsets[at + 1]
    m = hi - lo
    entries = np.repeat(lo - np.cumsum(m) + m, m) + np.arange(int(m.sum()))
    return np.repeat(positions, m), part.docs[entries], part.sections[entries]


def _head(data: bytes, count: int) -> tuple[int, ...]:
    """The first `count` varints of `data`, and the offset after them."""
    values: list[int] = []
    value, shift, at = 0, 0, 0
    while len(values) < count:
        if at >= len(data):
            raise ValueError("truncated")
        value |= (data[at] & 127) << shift
        shift += 7
        if data[at] < 128:
            values.append(value)
            value, shift = 0, 0
        at += 1
    return (*values, at)


def passages(sk: Skeleton, positions: np.ndarray, seeds: tuple[np.ndarray, np.ndarray, np.ndarray]) -> Passages:
    """The passages of a text (skeleton `sk`, fingerprint positions `positions`, ascending) that
    each report holds, from the seeds (text position, report, section) of its fingerprints."""
    d, doc, section = seeds
    order = np.lexsort((section, d, doc))
    d, doc, section = d[order], doc[order], section[order]
    n = len(d)
    new = np.ones(n, bool)
    new[1:] = (doc[1:] != doc[:-1]) | (d[1:] - d[:-1] > K + GAP)
    heads = np.flatnonzero(new)
    lasts = np.append(heads[1:], n)[: len(heads)] - 1  # (no seeds: no groups)
    distinct = np.ones(n, bool)
    distinct[1:] = new[1:] | (d[1:] != d[:-1])
    group = np.cumsum(new) - 1
    held = np.bincount(group[distinct], minlength=len(heads))
    a, b = d[heads], d[lasts] + K
    own = np.searchsorted(positions, b - K, "right") - np.searchsorted(positions, a)
    similarity = np.floor(held / np.maximum(own, held) * 1000 + 0.5) / 1000
    # widened to the clause ends within SNAP (a text's start and end count as clause ends)
    length = len(sk.codes)
    marks = np.append(sk.breaks, True)
    marks[0] = True
    index = np.arange(length + 1)
    before = np.maximum.accumulate(np.where(marks, index, 0))
    after = np.minimum.accumulate(np.where(marks, index, length)[::-1])[::-1]
    wide = held >= 2
    left, right = before[a], after[np.minimum(b, length)]
    a = np.where(wide & (a - left <= SNAP), left, a)
    b = np.where(wide & (right - b <= SNAP), right, b)
    by_section = np.lexsort((section, group))  # each group's sections ascending: the median
    median = section[by_section[heads + (lasts - heads + 1) // 2]]
    return Passages(doc[heads], a, b, median, similarity, held)


def check_draft(text: str, index: SimilarIndex) -> dict[str, Any]:
    """The issue's JSON: {"chars", "covered", "matches": [{start, end, report_id, url, similarity}]},
    offsets in code points of `text`, one match per (draft passage, report)."""
    return analyse(text, index)[0]


def analyse(text: str, index: SimilarIndex) -> tuple[dict[str, Any], list[bool]]:
    """`check_draft`'s answer, and for each match whether it is reuse (REUSE_PRINTS fingerprints
    or more: counted in `covered`) rather than a lone shared piece (shown, not counted)."""
    sk = skeleton(text)
    hashes, positions = fingerprint.fingerprints(sk.codes)
    found = passages(sk, positions, index.seeds(hashes, positions))
    starts, ends = sk.origin[found.a], sk.origin[found.b - 1] + 1
    matches = []
    for doc, section, start, end, similarity, held in zip(found.doc.tolist(), found.section.tolist(), starts.tolist(),
                                                           ends.tolist(), found.similarity.tolist(), found.held.tolist()):
        row = index.row(doc)
        anchor = row[3][section - 1] if 0 < section <= len(row[3]) else ""
        matches.append(({"start": start, "end": end, "report_id": row[0],
                         "url": row[1] + (f"#{anchor}" if anchor else ""), "similarity": similarity}, held >= REUSE_PRINTS))
    matches.sort(key=lambda m: (m[0]["start"], m[0]["end"], m[0]["report_id"]))
    counted = [m for m, reuse in matches if reuse]
    solid = _solid(text)
    return ({"chars": int(solid.sum()), "covered": _covered(solid, counted), "matches": [m for m, _ in matches]},
            [reuse for _, reuse in matches])


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


def shares(text: str, answer: dict[str, Any], reuse: list[bool]) -> list[tuple[str, int]]:
    """(report id, non-space characters of the draft its reuse matches cover), most first."""
    solid, by_report = _solid(text), {}  # type: ignore[var-annotated]
    for m, counted in zip(answer["matches"], reuse):
        if counted:
            by_report.setdefault(m["report_id"], []).append(m)
    return sorted(((rid, _covered(solid, ms)) for rid, ms in by_report.items()), key=lambda x: (-x[1], x[0]))


def report_lines(text: str, answer: dict[str, Any], reuse: list[bool], titles: dict[str, str]) -> list[str]:
    """`baogao similar` without --json: the share covered, per report, then every match (a lone
    shared piece marked as not counted)."""
    chars, covered = answer["chars"], answer["covered"]
    lines = [f"草稿 {chars} 字，其中 {covered} 字（{covered / max(1, chars):.0%}）见于归档"]
    for rid, n in shares(text, answer, reuse):
        lines.append(f"  {n / max(1, chars):5.0%}  {n:6d} 字  {titles.get(rid, rid)}  reports/{rid}.html")
    for m, counted in zip(answer["matches"], reuse):
        passage = " ".join(text[m["start"]:m["end"]].split())
        passage = passage if len(passage) <= 40 else passage[:40] + "…"
        lines.append(f"\n[{m['start']}–{m['end']}] 相似度 {m['similarity']:.2f}{'' if counted else '（短片段，不计入）'}  "
                     f"{titles.get(m['report_id'], m['report_id'])}  {m['url']}")
        lines.append(f"  「{passage}」")
    return lines
