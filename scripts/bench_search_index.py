"""Time the search index alone (issue 16): a cold build, then one report changed, one added,
one deleted, each as wall and CPU seconds (this process and its workers) with the load average
beside them, and the files and bytes of `search-index/`.

    python scripts/bench_search_index.py PAGES WORKDIR [--steps cold,changed,moved,added,deleted] [--workers N]

PAGES is a converted pages folder (its catalog.json and text/ are read, never written);
WORKDIR gets a copy of its texts and the index (WORKDIR/search-index). `changed` appends a
paragraph to the middle report of the result order (its character count in the catalog grows,
as conversion would write it); `moved` gives the middle report the newest year and puts it first in the result
order (a sidecar's year, the documents between renumbered); `added` puts a copy of the last report, under a new id, first in
the result order (every other document is renumbered); `deleted` removes it again. Run the
steps in this order: each edits the archive the step before left. `--workers 1` builds in this
process, and then the CPU of writing the postings (`_Level.write`) is shown apart from the rest
(the per-report work: normalisation, n-grams, the text store).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import time
from pathlib import Path
from typing import Any

from baogao.catalog import CATALOG_FILE, report_url
from baogao.search import index

ADDED_ID = "bench0added0"
PARAGRAPH = "\n新增一段，用于测量检索索引的增量构建。\n"


postings = [0.0]  # CPU seconds in _Level.write (this process only: with --workers 1)


def timed_postings(write: Any) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        used = cpu()
        try:
            return write(*args, **kwargs)
        finally:
            postings[0] += cpu() - used
    return wrapper


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def edit(step: str, catalog: list[dict[str, Any]], text: Path) -> list[dict[str, Any]]:
    """The catalog after `step`'s edit of the archive in `text`."""
    if step == "changed":
        doc = len(catalog) // 2
        path = text / f"{catalog[doc]['id']}.txt"
        path.write_text(path.read_text(encoding="utf-8") + PARAGRAPH, encoding="utf-8")
        return [dict(e, chars=e["chars"] + len(PARAGRAPH.strip())) if i == doc else e for i, e in enumerate(catalog)]
    if step == "moved":  # a sidecar gives the middle report the newest year: it moves to the front of the result order
        moved = catalog[len(catalog) // 2]
        return [dict(moved, year=max(e["year"] or 0 for e in catalog)), *(e for e in catalog if e is not moved)]
    if step == "added":
        source = catalog[-1]
        shutil.copy(text / f"{source['id']}.txt", text / f"{ADDED_ID}.txt")
        title = f"{source['title']}（新增）"
        return [dict(source, id=ADDED_ID, url=report_url(ADDED_ID), title=title, display_title=title), *catalog]
    if step == "deleted":
        (text / f"{ADDED_ID}.txt").unlink()
        return [e for e in catalog if e["id"] != ADDED_ID]
    return catalog


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--steps", default="cold,changed,added,deleted")
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    args = parser.parse_args()
    index._Level.write = timed_postings(index._Level.write)  # type: ignore[method-assign]
    text, state = args.workdir / "text", args.workdir / "catalog.json"
    for step in args.steps.split(","):
        if step == "cold":
            shutil.rmtree(args.workdir, ignore_errors=True)
            args.workdir.mkdir(parents=True)
            shutil.copytree(args.pages / "text", text)
            catalog = json.loads((args.pages / CATALOG_FILE).read_text(encoding="utf-8"))
        else:
            catalog = edit(step, json.loads(state.read_text(encoding="utf-8")), text)
        state.write_text(json.dumps(catalog, ensure_ascii=False), encoding="utf-8")
        load, wall, used = os.getloadavg()[0], time.perf_counter(), cpu()
        postings[0] = 0.0
        index.build_index(catalog, text, args.workdir, args.workers)
        split = f" (postings {postings[0]:.1f} s, the rest {cpu() - used - postings[0]:.1f} s)" if args.workers == 1 else ""
        root = args.workdir / index.INDEX_DIR
        sizes = [p.stat().st_size for p in root.rglob("*") if p.is_file()]
        print(f"{step}: {len(catalog)} reports, {time.perf_counter() - wall:.1f} s wall / {cpu() - used:.1f} s CPU{split} "
              f"(load {load:.1f} → {os.getloadavg()[0]:.1f}); search-index/: {len(sizes)} files, "
              f"{sum(sizes) / 1e6:.1f} MB", flush=True)


if __name__ == "__main__":
    main()
