"""The index files a query reads, and their bytes (issue 16: a 4-character query ≤ 300 KB).

Answers phrases with the CLI engine (`baogao.search.query`, which reads the files the browser
engine reads) on a built site and counts each index file once as it is loaded: the manifest,
the postings' shards (of every segment), and the metadata blocks of the first `--shown` results
(what a result page shows). Bytes are the files' sizes on disk (uncompressed scripts; nginx
sends them gzipped). The phrases are `--count` 4-character runs of CJK characters taken from
the store texts of reports picked by `--seed`, and the commonest among them:

    python scripts/bench_query_bytes.py SITE [--count 20] [--seed 1] [--shown 20]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
from collections import Counter
from pathlib import Path

from baogao.search import query
from baogao.search.normalize import normalize, parse_query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shown", type=int, default=20)
    args = parser.parse_args()
    index = query.SearchIndex(args.site)
    chance = random.Random(args.seed)
    phrases = []
    while len(phrases) < args.count:
        text = normalize(index.store_text(chance.randrange(index.manifest["docs"]))[0])
        runs = [m.start() for m in re.finditer(r"(?=[\u4e00-\u9fff]{4})", text)]
        if runs:
            at = chance.choice(runs)
            phrases.append(text[at: at + 4])
    rows = []
    for phrase in phrases:
        index = query.SearchIndex(args.site)  # nothing cached from the phrase before
        loaded: Counter[str] = Counter()
        payload = index._payload

        def counted(name: str, version: str | None = None, payload=payload, loaded=loaded) -> bytes:
            loaded[name] += (index.root / f"{name}.js").stat().st_size
            return payload(name, version)

        index._payload = counted  # type: ignore[method-assign]
        hits = index.search(parse_query(phrase))
        for hit in hits[: args.shown]:
            index.meta(hit.doc)
        manifest = (index.root / "manifest.js").stat().st_size
        shards = [size for name, size in loaded.items() if re.search(r"(^|/)g[123]/", name)]  # any format's
        postings, files = sum(shards), len(shards)
        rows.append((phrase, len(hits), files, postings, manifest + sum(loaded.values())))
    rows.sort(key=lambda row: row[1])
    for phrase, hits, files, postings, total in rows:
        print(f"{phrase}  {hits:5d} hits  postings {files:3d} files {postings / 1000:7.1f} KB  "
              f"with the manifest and rows {total / 1000:7.1f} KB")
    totals = [row[4] for row in rows]
    print(f"{len(rows)} phrases: median {statistics.median(totals) / 1000:.1f} KB, max {max(totals) / 1000:.1f} KB "
          f"(the commonest, {rows[-1][0]}: {rows[-1][4] / 1000:.1f} KB)")


if __name__ == "__main__":
    main()
