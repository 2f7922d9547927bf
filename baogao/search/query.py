"""Answer queries from a built site's search index: the engine behind `baogao search`.

Reads the same files as the browser engine (baogao-search.js) and applies the same rules:
every part of the query is an exact phrase after normalisation; 1- and 2-character parts are
answered from per-document counts, longer ones by chaining character triples at their offsets.
KWIC lines are cut from the text of the report pages, as the browser does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from baogao.check import visible_text
from baogao.search.index import INDEX_DIR, shard_of, unpacked
from baogao.search.normalize import Query, normalize_with_offsets, parse_query

KWIC_CONTEXT = 30
KWIC_LINES = 3


@dataclass
class Hit:
    doc: int
    count: int
    meta: dict[str, Any] = field(default_factory=dict)
    kwic: list[tuple[str, str, str]] = field(default_factory=list)  # (left, match, right)


def _read_script(path: Path) -> Any:
    """Payload of a `baogaoSearch.load(name, payload);` file."""
    text = path.read_text(encoding="utf-8")
    start = text.index(",", text.index("(")) + 1
    return json.loads(text[start: text.rindex(");")], strict=False)  # packed strings hold raw control characters


def _varints(data: bytes) -> list[int]:
    """Decode LEB128 varints (vectorised: postings of common characters are long)."""
    raw = np.frombuffer(data, np.uint8).astype(np.uint64)
    ends = np.flatnonzero(raw < 128)
    if not len(ends):
        return []
    starts = np.concatenate(([0], ends[:-1] + 1))
    shift = np.arange(len(raw), dtype=np.uint64) - np.repeat(starts, ends - starts + 1).astype(np.uint64)
    return np.add.reduceat((raw & np.uint64(127)) << (np.uint64(7) * shift), starts).tolist()


def _header(blob: bytes, count: int) -> tuple[list[int], int]:
    """The first `count` varints of a blob, and the offset after them."""
    values, value, shift, offset = [], 0, 0, 0
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
        if not (self.root / "manifest.js").is_file():
            raise FileNotFoundError(f"no search index in '{site_dir}': build the site with `baogao build` first")
        self.manifest = _read_script(self.root / "manifest.js")
        self._shard = lru_cache(maxsize=256)(self._load_shard)
        self._block = lru_cache(maxsize=64)(self._load_block)

    def _load_shard(self, n: int, s: int) -> dict[str, bytes]:
        path = self.root / f"g{n}" / f"{s}.js"
        if not path.is_file():
            return {}
        blob = unpacked(_read_script(path))
        (terms_len, sizes_len), head = _header(blob, 2)
        terms = blob[head: head + terms_len].decode("utf-8")
        sizes = _varints(blob[head + terms_len: head + terms_len + sizes_len])
        data = blob[head + terms_len + sizes_len:]
        table, offset = {}, 0
        for i, size in enumerate(sizes):
            table[terms[i * n: (i + 1) * n]] = data[offset: offset + size]
            offset += size
        return table

    def postings(self, term: str) -> dict[int, int | list[int]]:
        """{doc: count} for 1–2 characters, {doc: [positions…]} for 3."""
        n = len(term)
        raw = self._shard(n, shard_of(term, self.manifest["shards"][str(n)])).get(term)
        if raw is None:
            return {}
        values, out, i, doc = _varints(raw), {}, 1, 0
        for g in range(values[0]):
            doc = values[i] if g == 0 else doc + values[i]
            i += 1
            if n < 3:
                out[doc] = values[i]
                i += 1
            else:
                count, pos, positions = values[i], 0, []
                i += 1
                for k in range(count):
                    pos = values[i + k] if k == 0 else pos + values[i + k]
                    positions.append(pos)
                out[doc] = positions
                i += count
        return out

    def phrase(self, phrase: str) -> dict[int, int]:
        """{doc: occurrences} of one normalised phrase, exact."""
        if len(phrase) < 3:
            return self.postings(phrase)
        offsets = sorted(set(range(0, len(phrase) - 2, 3)) | {len(phrase) - 3})
        lists = [self.postings(phrase[o: o + 3]) for o in offsets]
        docs = set(lists[0]).intersection(*lists[1:])
        out = {}
        for doc in docs:
            others = [(o, set(lst[doc])) for o, lst in zip(offsets[1:], lists[1:])]
            count = sum(all(p + o in s for o, s in others) for p in lists[0][doc])
            if count:
                out[doc] = count
        return out

    def search(self, query: Query) -> list[Hit]:
        """Documents containing every included phrase and none of the excluded, best first."""
        if query.empty:
            return []
        totals: dict[int, int] | None = None
        for phrase in query.include:
            found = self.phrase(phrase)
            totals = found if totals is None else {d: totals[d] + c for d, c in found.items() if d in totals}
        for phrase in query.exclude:
            found = self.phrase(phrase)
            totals = {d: c for d, c in totals.items() if d not in found}
        return [Hit(doc, count) for doc, count in sorted(totals.items(), key=lambda dc: (-dc[1], dc[0]))]

    def _load_block(self, block: int) -> list[list[Any]]:
        return _read_script(self.root / "docs" / f"{block}.js")

    def meta(self, doc: int) -> dict[str, Any]:
        row = self._block(doc // self.manifest["block"])[doc % self.manifest["block"]]
        return dict(zip(("id", "url", "title", "year", "org", "level", "region", "doc_type"), row))

    def kwic(self, url: str, query: Query, limit: int = KWIC_LINES) -> list[tuple[str, str, str]]:
        """Up to `limit` lines of ±30 characters around the occurrences in the report page at
        `url` (the index keeps no copy of the texts), in text order."""
        page = self.site_dir / url
        text = visible_text(page.read_text(encoding="utf-8")) if page.is_file() else ""
        norm, origin = normalize_with_offsets(text)
        spans = []
        for phrase in query.include:
            start = norm.find(phrase)
            while start >= 0:
                spans.append((origin[start], origin[start + len(phrase) - 1] + 1))
                start = norm.find(phrase, start + 1)
        lines = []
        for begin, end in sorted(spans)[:limit]:
            left = text[max(0, begin - KWIC_CONTEXT): begin].replace("\n", " ")
            right = text[end: end + KWIC_CONTEXT].replace("\n", " ")
            lines.append((left, text[begin:end].replace("\n", " "), right))
        return lines


def search_site(site_dir: Path, raw_query: str, limit: int | None = None) -> tuple[int, list[Hit]]:
    """(total, hits with metadata and KWIC lines) for a query string."""
    index = SearchIndex(site_dir)
    query = parse_query(raw_query)
    hits = index.search(query)
    for hit in hits[:limit]:
        hit.meta = index.meta(hit.doc)
        hit.kwic = index.kwic(hit.meta["url"], query)
    return len(hits), hits[:limit]
