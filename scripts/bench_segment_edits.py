"""How many of the search index's postings segments an edit rewrites (issue 16): random edits of a built
archive's catalog (a report moved in the result order, as a sidecar's year moves it; one deleted; one added
at the front, as an office adds this year's) run through `baogao.search.index._segment_cuts`, counting the
segments whose reports are not those of a segment before, and their reports.

    python scripts/bench_segment_edits.py PAGES/catalog.json [--edits 200] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from typing import Any

from baogao.search.index import _segment_cuts


def segments(catalog: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    return [tuple(entry["id"] for entry in catalog[first:end]) for first, end, _ in _segment_cuts(catalog)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("catalog", type=Path)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    catalog = json.loads(args.catalog.read_text(encoding="utf-8"))
    before = set(segments(catalog))
    print(f"{len(catalog)} reports, segments of {[len(s) for s in segments(catalog)]} reports")
    rng = random.Random(args.seed)
    for kind in ("moved", "deleted", "added at the front"):
        rewritten = []
        for _ in range(args.edits):
            edited = list(catalog)
            if kind == "moved":
                edited.insert(rng.randrange(len(edited)), edited.pop(rng.randrange(len(edited))))
            elif kind == "deleted":
                edited.pop(rng.randrange(len(edited)))
            else:
                edited.insert(0, dict(catalog[0], id=f"added-{rng.random()}"))
            new = [s for s in segments(edited) if s not in before]
            rewritten.append((len(new), sum(map(len, new))))
        count, reports = zip(*rewritten)
        print(f"one report {kind}: segments rewritten mean {sum(count) / len(count):.2f}, most {max(count)}; "
              f"their reports mean {sum(reports) / len(reports):.0f}, most {max(reports)}")


if __name__ == "__main__":
    main()
