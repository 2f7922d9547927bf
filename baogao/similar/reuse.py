"""Reuse across the archive: the passages reports share, for report pages and the reuse page.

Runs in `build_similar_index` (after the fingerprints of every report are known, before MkDocs).
From the fingerprint index alone (no text is compared again):

- a report's shared passages: runs of its fingerprints that other reports hold too (at most
  GAP skeleton characters apart, in one paragraph, two fingerprints or more); the reports holding one are those
  (of the first EXPAND_MAX holding each) that hold at least half of its SAMPLE rarest fingerprints (identical or near), with a link to
  the heading above the passage in each; written to `reuse.json` (report id → passages: text
  shown, its [start, end) in the kept text, number of reports, links), which
  the report page's "亦见于" block shows (overrides/partials/reuse.html);
- the most reused passages: the fingerprints held by the most reports, each grown into the run
  of its report's fingerprints held about as widely (the stock phrases everyone copies);
- the report pairs that overlap most: the skeleton characters of one report's shared passages
  that the other holds, as a share of the shorter one;
  both on the page `reuse/index.md`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from baogao.render import escape_markdown
from baogao.similar.fingerprint import GAP, K

if TYPE_CHECKING:
    from baogao.similar.index import Fingerprints

REUSE_FILE = "reuse.json"
REUSE_PAGE = "reuse/index.md"
SAMPLE = 4  # rarest fingerprints of a passage that decide which reports hold it
# A sampled fingerprint is expanded into its first EXPAND_MAX holders (catalog order, as the
# index lists them): a passage held more widely links to those and counts the reports holding
# its rarest fingerprint. Expanding every holder (up to 200) made ~120 million rows and 6 GB
# at 10 000 generated reports, where every paragraph stands in ~100 reports.
EXPAND_MAX = 12
PER_REPORT = 10  # shared passages listed on a report page (the longest)
LINKS = 3  # reports linked per passage
STOCK = 30  # most reused passages on the reuse page
PAIRS = 30  # report pairs on the reuse page
PAIR_MIN = 100  # skeleton characters two reports must share to be listed as a pair
SNIPPET = 60  # characters of a passage shown


def write_reuse(pages_dir: Path, catalog: list[dict[str, Any]], prints: Fingerprints) -> None:
    """Write reuse.json and reuse/index.md into `pages_dir` (both rewritten on every index build)."""
    texts = _Texts(pages_dir)
    regions, holders = _shared_passages(prints)
    per_report: dict[str, list] = {}
    for doc, rows in regions.items():
        text = texts.get(catalog[doc]["id"])
        held = [r for r in rows if holders.get(r["id"]) or r["rarest"] > EXPAND_MAX]
        chosen = sorted(held, key=lambda r: (-(r["b"] - r["a"]), r["a"]))[:PER_REPORT]
        entries = []
        for r in sorted(chosen, key=lambda r: r["a"]):
            others = holders.get(r["id"], [])
            links = [{"url": _anchored(catalog, prints, o, pos), "title": catalog[o]["display_title"]}
                     for o, _, pos in others[:LINKS]]
            count = len(others) if r["rarest"] <= EXPAND_MAX else r["rarest"] - 1
            entries.append({"text": _snippet(text[r["start"]:r["end"]]), "start": r["start"], "end": r["end"],
                            "count": count, "links": links})
        if entries:
            per_report[catalog[doc]["id"]] = entries
    (pages_dir / REUSE_FILE).write_text(json.dumps(per_report, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    page = pages_dir / REUSE_PAGE
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(_page(catalog, prints, texts, regions, holders, len(per_report)), encoding="utf-8")


def load_reuse(pages_dir: Path) -> dict[str, list]:
    """report id → its shared passages (what reuse.html shows), {} before the first index build."""
    path = pages_dir / REUSE_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


class _Texts:
    def __init__(self, pages_dir: Path):
        self.folder, self.kept = pages_dir / "text", {}  # type: ignore[var-annotated]

    def get(self, report_id: str) -> str:
        if report_id not in self.kept:
            self.kept[report_id] = (self.folder / f"{report_id}.txt").read_text(encoding="utf-8")
        return self.kept[report_id]


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[:SNIPPET] + "…"


def _anchored(catalog: list[dict[str, Any]], prints: Fingerprints, doc: int, pos: int) -> str:
    anchor = ""
    for at, name in prints.anchors[doc]:
        if at <= pos:
            anchor = name
    return catalog[doc]["url"] + (f"#{anchor}" if anchor else "")


def _df(prints: Fingerprints) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per entry: how many reports hold its hash; and per entry the first and end entry of its hash."""
    h, d = prints.hashes, prints.docs
    n = len(h)
    new_hash = np.ones(n, bool)
    new_hash[1:] = h[1:] != h[:-1]
    new_pair = new_hash.copy()
    new_pair[1:] |= d[1:] != d[:-1]
    group = np.cumsum(new_hash) - 1
    df = np.bincount(group[new_pair], minlength=int(group[-1]) + 1 if n else 0)
    firsts = np.flatnonzero(new_hash)
    ends = np.append(firsts[1:], n)
    return df[group], firsts[group], ends[group]


def _shared_passages(prints: Fingerprints) -> tuple[dict[int, list[dict]], dict[int, list[tuple[int, int, int]]]]:
    """(report → its shared passages, passage id → [(other report, sampled prints it holds,
    its position)], best first)."""
    if not len(prints.hashes):
        return {}, {}
    df, first, end = _df(prints)
    order = np.lexsort((prints.positions, prints.docs))
    order = order[df[order] >= 2]
    docs, pos, lines = prints.docs[order], prints.positions[order], prints.lines[order]
    new = np.ones(len(order), bool)
    new[1:] = (docs[1:] != docs[:-1]) | (pos[1:] - pos[:-1] > GAP) | (lines[1:] != lines[:-1])
    rid = np.cumsum(new) - 1
    sizes = np.bincount(rid)
    regions: dict[int, list[dict]] = defaultdict(list)
    heads = np.flatnonzero(new)
    lasts = np.append(heads[1:], len(order)) - 1
    keep = sizes >= 2
    # the SAMPLE rarest prints of each kept passage
    rank_order = np.lexsort((pos, df[order], rid))  # by passage, rarest first
    within = np.empty(len(order), np.int64)
    within[rank_order] = np.arange(len(order)) - np.repeat(heads, sizes)
    sampled = rank_order[(within[rank_order] < SAMPLE) & keep[rid[rank_order]]]
    rarest = np.full(len(sizes), np.iinfo(np.int64).max)
    np.minimum.at(rarest, rid[sampled], df[order][sampled])
    for r in np.flatnonzero(keep).tolist():
        i, j = order[heads[r]], order[lasts[r]]
        regions[int(docs[heads[r]])].append({"id": r, "a": int(pos[heads[r]]), "b": int(pos[lasts[r]]) + K,
                                             "start": int(prints.starts[i]), "end": int(prints.ends[j]),
                                             "rarest": int(rarest[r])})
    # expand the sampled prints into (passage, other report): their first EXPAND_MAX holders
    small = sampled
    entry = order[small]
    lo, hi = first[entry], end[entry]
    reps = np.minimum(hi - lo, EXPAND_MAX + 1)  # + 1: the report itself may be among them
    region_of = np.repeat(rid[small], reps)
    sample_of = np.repeat(small, reps)
    at = np.repeat(lo - np.cumsum(np.append(0, reps[:-1])), reps) + np.arange(int(reps.sum()))
    other, other_pos = prints.docs[at], prints.positions[at]
    own = docs[small][np.repeat(np.arange(len(small)), reps)]
    mask = other != own
    region_of, sample_of, other, other_pos = region_of[mask], sample_of[mask], other[mask], other_pos[mask]
    # one (passage, sampled print, report) once; then count the sampled prints per (passage, report)
    key = np.lexsort((other_pos, other, sample_of, region_of))
    region_of, sample_of, other, other_pos = region_of[key], sample_of[key], other[key], other_pos[key]
    first_of = np.ones(len(key), bool)
    first_of[1:] = (region_of[1:] != region_of[:-1]) | (sample_of[1:] != sample_of[:-1]) | (other[1:] != other[:-1])
    region_of, other, other_pos = region_of[first_of], other[first_of], other_pos[first_of]
    key = np.lexsort((other, region_of))
    region_of, other, other_pos = region_of[key], other[key], other_pos[key]
    pair_new = np.ones(len(key), bool)
    pair_new[1:] = (region_of[1:] != region_of[:-1]) | (other[1:] != other[:-1])
    starts = np.flatnonzero(pair_new)
    held = np.diff(np.append(starts, len(key)))
    sampled_count = np.minimum(sizes, SAMPLE)
    holders: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for s, n in zip(starts.tolist(), held.tolist()):
        r = int(region_of[s])
        if 2 * n >= sampled_count[r]:
            holders[r].append((int(other[s]), n, int(other_pos[s])))
    for r, rows in holders.items():
        rows.sort(key=lambda row: (-row[1], row[0]))
    return regions, holders


def _pairs(prints: Fingerprints, regions: dict[int, list[dict]], holders: dict[int, list]) -> list[tuple[int, int, int, float]]:
    """(report, report, shared skeleton characters, share of the shorter) of the pairs that overlap most."""
    shared: dict[tuple[int, int], int] = defaultdict(int)
    for doc, rows in regions.items():
        for r in rows:
            for other, _, _ in holders.get(r["id"], []):
                shared[(doc, other)] += r["b"] - r["a"]
    best: dict[tuple[int, int], int] = {}
    for (d, o), n in shared.items():
        key = (min(d, o), max(d, o))
        best[key] = max(best.get(key, 0), n)
    out = []
    for (d, o), n in best.items():
        if n >= PAIR_MIN:
            out.append((d, o, n, min(1.0, n / max(1, min(prints.lengths[d], prints.lengths[o])))))
    return sorted(out, key=lambda p: (-p[3], -p[2], p[0], p[1]))[:PAIRS]


def _stock(prints: Fingerprints) -> list[tuple[int, int, int, int]]:
    """(reports holding it, report, text start, text end) of the most reused passages."""
    if not len(prints.hashes):
        return []
    df, _, _ = _df(prints)
    order = np.lexsort((prints.positions, prints.docs))
    where = np.empty(len(order), np.int64)
    where[order] = np.arange(len(order))
    used: set[int] = set()
    found: list[tuple[int, int, int, int]] = []
    for e in np.argsort(-df, kind="stable").tolist():
        if df[e] < 3 or len(found) >= STOCK:
            break
        if int(prints.hashes[e]) in used:
            continue
        level = 0.8 * df[e]
        lo = hi = int(where[e])
        doc = prints.docs[e]
        while lo > 0 and prints.docs[order[lo - 1]] == doc and df[order[lo - 1]] >= level \
                and prints.positions[order[lo]] - prints.positions[order[lo - 1]] <= K:
            lo -= 1
        while hi + 1 < len(order) and prints.docs[order[hi + 1]] == doc and df[order[hi + 1]] >= level \
                and prints.positions[order[hi + 1]] - prints.positions[order[hi]] <= K:
            hi += 1
        used.update(int(prints.hashes[order[i]]) for i in range(lo, hi + 1))
        found.append((int(df[e]), int(doc), int(prints.starts[order[lo]]), int(prints.ends[order[hi]])))
    return found


def _page(catalog: list[dict[str, Any]], prints: Fingerprints, texts: _Texts,
          regions: dict[int, list[dict]], holders: dict[int, list], shared_reports: int) -> str:
    def link(doc: int, url: str | None = None) -> str:
        target = (url or catalog[doc]["url"]).replace(".html", ".md", 1)
        return f"[{escape_markdown(catalog[doc]['display_title'])}](../{target})"

    lines = ["---", "title: 文本复用", "---", "", "# 文本复用", "",
             f"归档 {len(catalog)} 篇报告中，{shared_reports} 篇有段落也见于其他报告（相同或相近，"
             "判定方法见“查重”页）。", "", "## 最常复用的段落", ""]
    stock = _stock(prints)
    if stock:
        lines += ["| 篇数 | 段落 | 例如 |", "| ---: | --- | --- |"]
        for n, doc, start, end in stock:
            text = texts.get(catalog[doc]["id"])[start:end]
            lines.append(f"| {n} | {escape_markdown(_snippet(text))} | {link(doc)} |")
    else:
        lines.append("没有见于三篇以上报告的段落。")
    lines += ["", "## 重合最多的报告", ""]
    pairs = _pairs(prints, regions, holders)
    if pairs:
        lines += ["| 重合 | 报告 | 报告 | 相同或相近的字数 |", "| ---: | --- | --- | ---: |"]
        for d, o, n, share in pairs:
            lines.append(f"| {share:.0%} | {link(d)} | {link(o)} | {n} |")
    else:
        lines.append(f"没有两篇报告共有 {PAIR_MIN} 字以上的段落。")
    return "\n".join(lines) + "\n"
