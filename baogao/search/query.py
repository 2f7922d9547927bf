"""Answer queries from a built site's search index: the engine behind `baogao search`.

Reads the same files as the browser engine (baogao-search.js) and applies the same rules:
every part of the query is an exact phrase after normalisation; 1- and 2-character parts are
answered from per-document counts, longer ones by chaining character triples at their offsets.
KWIC lines are cut from the text of the report pages, as the browser does (baogao.search.kwic).
Every index file is checked as it is loaded (its own length and CRC-32, keyed by the index
version — a segment's postings' own version for its shards — and its name: `baogao.search.codec.frame`): a missing, damaged or stale one raises
SearchIndexError (never a partial answer).
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO, Iterable, cast

import numpy as np

from baogao.search import textstore
from baogao.search.codec import decode_varints, read_script, unframe, unpacked
from baogao.search.index import FORMAT, INDEX_DIR, shard_name, shard_of
from baogao.search.kwic import page_kwic
from baogao.search.normalize import Query, normalize, parse_query


class SearchIndexError(Exception):
    """The site has no usable search index: no site, no index, or a missing or damaged file."""


def _damaged(name: str, what: str) -> SearchIndexError:
    return SearchIndexError(f"检索索引不完整：{INDEX_DIR}/{name} 缺失或损坏，请重新构建 "
                            f"(search index incomplete: {INDEX_DIR}/{name} is {what}; rebuild the site with `baogao build`)")


@dataclass
class Hit:
    doc: int
    count: int
    meta: dict[str, Any] = field(default_factory=dict)
    kwic: list[tuple[str, str, str]] = field(default_factory=list)  # (left, match, right)


def _header(blob: bytes, count: int) -> tuple[list[int], int]:
    """The first `count` varints of a blob, and the offset after them."""
    values: list[int] = []
    value, shift, offset = 0, 0, 0
    while len(values) < count:
        byte = blob[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            values.append(value)
            value, shift = 0, 0
    return values, offset


class SearchIndex:
    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.root = site_dir / INDEX_DIR
        if not site_dir.is_dir():
            raise SearchIndexError(f"site folder '{site_dir}' does not exist: build it with `baogao build`, or give --site")
        if not (self.root / "manifest.js").is_file():
            raise SearchIndexError(f"no search index in '{site_dir}' (no {INDEX_DIR}/manifest.js): "
                                   "build the site with `baogao build` first")
        try:
            self.manifest = read_script(self.root / "manifest.js")
            if self.manifest["format"] != FORMAT:  # rows, filters or files of another layout: never guess
                raise SearchIndexError(f"'{self.root / 'manifest.js'}' is a search index of format "
                                       f"{self.manifest['format']!r}, this baogao reads format {FORMAT}: "
                                       "rebuild the site with `baogao build`")
            self.fields = [str(name) for name in self.manifest["fields"]]
            self.version = str(self.manifest["version"])
            # per segment of the postings: (first document, postings' version, shard count of each level)
            self.segments: list[tuple[int, str, tuple[int, int, int]]] = []
            end = 0
            for first, docs, postings, *shards in self.manifest["segments"]:
                if first != end or docs < 1 or len(shards) != 3 or not all(int(count) > 0 for count in shards):
                    raise ValueError("segments that do not cover the documents in turn")
                self.segments.append((int(first), str(postings), (int(shards[0]), int(shards[1]), int(shards[2]))))
                end = first + docs
            if end != self.manifest["docs"]:
                raise ValueError("segments that do not cover the documents")
            # the text store's segments (baogao.search.textstore): first document of each, its file
            firsts: list[int] = []
            self.store_files: list[str] = []
            end = 0
            for first, docs, name in self.manifest["store"]:
                if first != end or docs < 1 or not re.fullmatch(rf"{textstore.DIR}/[0-9a-f]+\.bin", name):
                    raise ValueError("store segments that do not cover the documents in turn")
                firsts.append(int(first))
                self.store_files.append(name)
                end = first + docs
            if end != self.manifest["docs"]:
                raise ValueError("store segments that do not cover the documents")
            self.store_firsts = np.array(firsts, np.int64)
        except (OSError, ValueError, KeyError, TypeError):
            raise _damaged("manifest.js", "damaged") from None
        self._shard = lru_cache(maxsize=1024)(self._load_shard)
        self._block = lru_cache(maxsize=64)(self._load_block)
        self._facets: dict[str, list] | None = None
        self._store_table: list[tuple[int, int, str]] | None = None
        self._places: tuple[np.ndarray, np.ndarray] | None = None

    def _payload(self, name: str, version: str | None = None) -> bytes:
        """The body of index file NAME.js, checked (see `baogao.search.codec.frame`) under the
        index version, or `version` (the postings' own)."""
        try:
            body = unframe(unpacked(read_script(self.root / f"{name}.js")), f"{version or self.version}/{name}")
        except FileNotFoundError:
            raise _damaged(f"{name}.js", "missing") from None
        except (OSError, ValueError, IndexError, zlib.error):
            body = None
        if body is None:
            raise _damaged(f"{name}.js", "damaged (not a complete file of this index: its length or checksum differs)")
        return body

    def _load_shard(self, postings: str, n: int, s: int, expected: int) -> dict[str, bytes]:
        name = shard_name(postings, n, s)
        blob = self._payload(name, postings)
        (shards, terms_len, sizes_len), head = _header(blob, 3)
        if shards != expected:  # the manifest sends terms to the wrong shards
            raise _damaged("manifest.js", f"damaged (p/{postings}/g{n} has {shards} shards, not {expected})")
        terms = blob[head: head + terms_len].decode("utf-8")
        sizes = decode_varints(blob[head + terms_len: head + terms_len + sizes_len])
        data = blob[head + terms_len + sizes_len:]
        table, offset = {}, 0
        for i, size in enumerate(sizes):
            table[terms[i * n: (i + 1) * n]] = data[offset: offset + size]
            offset += size
        return table

    def postings(self, term: str) -> dict[int, int | list[int]]:
        """{doc: count} for 1–2 characters, {doc: [positions…]} for 3: each segment's, its
        documents numbered from its first."""
        n = len(term)
        out: dict[int, int | list[int]] = {}
        for first, postings, shards in self.segments:
            raw = self._shard(postings, n, shard_of(term, shards[n - 1]), shards[n - 1]).get(term)
            if raw is not None:
                _decode_postings(raw, n, first, out)
        return out

    def phrase(self, phrase: str) -> dict[int, int]:
        """{doc: occurrences} of one normalised phrase, exact (overlapping ones each count)."""
        if len(phrase) < 3:
            return cast(dict[int, int], self.postings(phrase))  # counts below 3 characters
        return {doc: len(found) for doc, found in self.positions(phrase).items()}

    def positions(self, phrase: str) -> dict[int, list[int]]:
        """{doc: ascending start positions} of a normalised phrase of three or more characters,
        found by chaining its triples at their offsets."""
        offsets = sorted(set(range(0, len(phrase) - 2, 3)) | {len(phrase) - 3})
        lists = [cast(dict[int, list[int]], self.postings(phrase[o: o + 3])) for o in offsets]  # positions
        docs = set(lists[0]).intersection(*lists[1:])
        out: dict[int, list[int]] = {}
        for doc in docs:
            others = [(o, set(lst[doc])) for o, lst in zip(offsets[1:], lists[1:])]
            found = [p for p in lists[0][doc] if all(p + o in s for o, s in others)]
            if found:
                out[doc] = found
        return out

    def occurrences(self, phrase: str, docs: Iterable[int]) -> dict[int, int]:
        """{doc: non-overlapping occurrences} of a normalised phrase in each of `docs`, as
        str.count counts them in the normalised text."""
        wanted = set(docs)
        if len(phrase) >= 3:
            return {doc: _non_overlapping(found, len(phrase))
                    for doc, found in self.positions(phrase).items() if doc in wanted}
        if not _overlaps_itself(phrase):  # 1–2 characters: the counts are the answer
            return {doc: count for doc, count in self.phrase(phrase).items() if doc in wanted}
        # 哈哈, **: two of its matches can share a character; count in the kept text (the store's, after its prefix)
        return {doc: normalize(self.store_text(doc)[0])[self.store_table()[doc][1]:].count(phrase) for doc in wanted}

    def facet(self, name: str) -> list[Any]:
        """Per document, its value of facet `name` (a list for a list field; None when unknown)."""
        if self._facets is None:
            self._facets = json.loads(self._payload("facets"))
        values = next(f["values"] for f in self.manifest["facets"] if f["name"] == name)
        return [[values[c - 1] for c in code] if isinstance(code, list) else values[code - 1] if code else None
                for code in self._facets[name]]

    def search(self, query: Query) -> list[Hit]:
        """Documents containing every included phrase and none of the excluded, best first."""
        if query.empty:
            return []
        totals: dict[int, int] | None = None
        for phrase in query.include:
            found = self.phrase(phrase)
            totals = found if totals is None else {d: totals[d] + c for d, c in found.items() if d in totals}
        assert totals is not None  # a query that is not empty includes a phrase
        for phrase in query.exclude:
            found = self.phrase(phrase)
            totals = {d: c for d, c in totals.items() if d not in found}
        return [Hit(doc, count) for doc, count in sorted(totals.items(), key=lambda dc: (-dc[1], dc[0]))]

    def store_table(self) -> list[tuple[int, int, str]]:
        """Per report, (chunks, prefix, key) of its text in the text store (baogao.search.textstore)."""
        if self._store_table is None:
            try:
                table = [(int(chunks), int(prefix), str(key)) for chunks, prefix, key in
                         json.loads(self._payload(textstore.TABLE))]
            except (ValueError, TypeError):
                table = []
            if len(table) != self.manifest["docs"]:
                raise _damaged(f"{textstore.TABLE}.js", "damaged (not one row per report)")
            self._store_table = table
        return self._store_table

    def chunk_places(self) -> tuple[np.ndarray, np.ndarray]:
        """Per report, the number of its first chunk (chunks numbered in archive order), and per
        chunk, its byte offset in its segment and (the next entry) where it ends."""
        if self._places is None:
            counts = np.array([0, *(chunks for chunks, _, _ in self.store_table())], np.int64)
            first = np.cumsum(counts)
            spans = np.array(decode_varints(self._payload(textstore.SPANS)), np.int64)
            if len(spans) != first[-1]:
                raise _damaged(f"{textstore.SPANS}.js", "damaged (not one length per chunk)")
            ends = np.cumsum(spans)
            docs = len(counts) - 1
            # offsets count from the start of the chunk's segment: less the bytes of the segments before it
            segment_first = first[self.store_firsts[self._store_segments(np.arange(docs))]]
            base = np.concatenate(([0], ends))[segment_first[np.repeat(np.arange(docs), counts[1:])]]
            self._places = (first, np.stack([ends - spans - base, ends - base], axis=1))
        return self._places

    def _store_segments(self, docs: np.ndarray) -> np.ndarray:
        """The number of the text store's segment that holds each of `docs`."""
        return np.searchsorted(self.store_firsts, docs, side="right") - 1

    def store_file(self, doc: int) -> str:
        """The text store's segment file (under search-index/) that holds report `doc`'s chunks."""
        return self.store_files[int(self._store_segments(np.array([doc]))[0])]

    def _chunk_payload(self, doc: int, c: int, segment: BinaryIO) -> bytes:
        """Chunk c of report doc, read from its segment (`segment`, open) and checked."""
        first, places = self.chunk_places()
        begin, end = (int(v) for v in places[first[doc] + c])
        segment.seek(begin)
        name = textstore.chunk_name(self.store_table()[doc][2], c)
        try:
            body = unframe(zlib.decompressobj(-15).decompress(segment.read(end - begin)), name)
        except zlib.error:
            body = None
        if body is None:
            raise _damaged(self.store_file(doc), f"damaged (chunk {name} is not a complete chunk of this index)")
        return body

    def store_text(self, doc: int) -> tuple[str, np.ndarray]:
        """(store text, whether a word starts at each of its code points) of report `doc`, read
        from its segment (the browser reads the same bytes by ranges, or the report's script)."""
        parts, starts = [], []
        try:
            segment = open(self.root / self.store_file(doc), "rb")
        except OSError:
            raise _damaged(self.store_file(doc), "missing") from None
        with segment:
            payloads = [self._chunk_payload(doc, c, segment) for c in range(self.store_table()[doc][0])]
        for payload in payloads:
            (row_length,), at = _header(payload, 1)
            (length,), skip = _header(payload[at + row_length:], 1)  # after the report's row (the CLI reads docs/)
            at += row_length + skip
            parts.append(payload[at: at + length].decode("utf-8"))
            bits = np.unpackbits(np.frombuffer(payload[at + length:], np.uint8)).astype(bool)
            starts.append(bits[: len(parts[-1])])
        return "".join(parts), np.concatenate(starts) if starts else np.zeros(0, bool)

    def _load_block(self, block: int) -> list[list[Any]]:
        return json.loads(self._payload(f"docs/{block}"))

    def meta(self, doc: int) -> dict[str, Any]:
        row = self._block(doc // self.manifest["block"])[doc % self.manifest["block"]]
        return dict(zip(self.fields, row))  # by the manifest's field names: rows carry the schema's result fields


def _decode_postings(raw: bytes, n: int, first: int, out: dict[int, int | list[int]]) -> None:
    """Add one term's postings in a segment (`raw`, see index._write_shards) to `out`, its
    documents numbered from the segment's `first`."""
    values, i, doc = decode_varints(raw), 1, 0
    for g in range(values[0]):
        doc = values[i] if g == 0 else doc + values[i]
        i += 1
        if n < 3:
            out[first + doc] = values[i]
            i += 1
        else:
            count, pos, positions = values[i], 0, []
            i += 1
            for k in range(count):
                pos = values[i + k] if k == 0 else pos + values[i + k]
                positions.append(pos)
            out[first + doc] = positions
            i += count


def _non_overlapping(starts: list[int], length: int) -> int:
    """How many of the ascending match starts str.count takes: each after the last one ends."""
    count, free = 0, 0
    for start in starts:
        if start >= free:
            count, free = count + 1, start + length
    return count


def _overlaps_itself(phrase: str) -> bool:
    """Whether two matches of the phrase can share characters (a proper prefix that is also a suffix)."""
    return any(phrase[:k] == phrase[-k:] for k in range(1, len(phrase)))


def search_site(site_dir: Path, raw_query: str, limit: int | None = None) -> tuple[int, list[Hit]]:
    """(total, hits with metadata and KWIC lines) for a query string."""
    index = SearchIndex(site_dir)
    query = parse_query(raw_query)
    hits = index.search(query)
    for hit in hits[:limit]:
        hit.meta = index.meta(hit.doc)
        hit.kwic = page_kwic(site_dir / hit.meta["url"], query)
    return len(hits), hits[:limit]
