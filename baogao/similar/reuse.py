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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from baogao.render import escape_markdown
from baogao.similar.fingerprint import GAP, K

if TYPE_CHECKING:
    from baogao.similar.prints import Fingerprints

REUSE_FILE = "reuse.json"
REUSE_PAGE = "reuse/index.md"
SAMPLE = 4  # rarest fingerprints of a passage that decide which reports hold it
# A sampled fingerprint is expanded into its first EXPAND_MAX holders (catalog order, as the
# index lists them): a passage held more widely links to those and counts the reports holding
# its rarest fingerprint. Expanding every holder (up to 200) made ~120 million rows and 6 GB
# at 10 000 generated reports, where every paragraph stands in ~100 reports.
EXPAND_MAX = 12
PER_REPORT = 10  # shared passages listed on a report page (the longest)
# Reports linked per passage (the rest are counted: 等 N 篇). Each link is ~140 bytes (a title and
# a heading anchor in UTF-8), and at 10 000 generated reports, every paragraph in ~100 of them,
# the 亦见于 blocks were 0.45 × the raw text with 3 links: 2 keep 查重's disk within 0.5 ×.
LINKS = 2
STOCK = 30  # most reused passages on the reuse page
PAIRS = 30  # report pairs on the reuse page
PAIR_MIN = 100  # skeleton characters two reports must share to be listed as a pair
SNIPPET = 60  # characters of a passage shown


def write_reuse(pages_dir: Path, catalog: list[dict[str, Any]], prints: Fingerprints) -> None:
    """Write reuse.json and reuse/index.md into `pages_dir` (both rewritten on every index build)."""
    texts = _Texts(pages_dir)
    df = _df(prints)
    shared = _shared_passages(prints, df)
    per_report = _per_report(catalog, prints, shared, texts)
    (pages_dir / REUSE_FILE).write_text(json.dumps(per_report, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    page = pages_dir / REUSE_PAGE
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(_page(catalog, prints, texts, shared, _stock(prints, df), len(per_report)), encoding="utf-8")


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


@dataclass(frozen=True)
class _Shared:
    """The shared passages of every report, in report then position order (arrays by passage:
    report, skeleton span [a, b), text span [start, end), the number of reports holding its
    rarest sampled fingerprint), and the reports holding each (arrays by holding: passage,
    report, its position there), by passage, the reports holding most of its sampled
    fingerprints first, then catalog order."""
    doc: np.ndarray
    a: np.ndarray
    b: np.ndarray
    start: np.ndarray
    end: np.ndarray
    rarest: np.ndarray
    holding: np.ndarray
    other: np.ndarray
    other_pos: np.ndarray


def _groups(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(first index, size) of each run of equal values."""
    new = np.ones(len(values), bool)
    new[1:] = values[1:] != values[:-1]
    firsts = np.flatnonzero(new)
    return firsts, np.diff(np.append(firsts, len(values)))


class _Counts(NamedTuple):
    """Per fingerprint (report order): how many reports hold its hash (`df`), where its hash's
    entries start in `prints.by_key` order (`first`) and how many there are (`size`); and each
    hash's first fingerprint (`heads`: report, position order)."""
    df: np.ndarray
    first: np.ndarray
    size: np.ndarray
    heads: np.ndarray


def _df(prints: Fingerprints) -> _Counts:
    order = prints.by_key
    keys, docs = prints.keys[order], prints.docs[order]
    firsts, sizes = _groups(keys)
    new_pair = np.ones(len(keys), bool)
    new_pair[1:] = (keys[1:] != keys[:-1]) | (docs[1:] != docs[:-1])
    group = np.repeat(np.arange(len(firsts)), sizes)
    df = np.bincount(group[new_pair], minlength=len(firsts))
    n = len(keys)
    out_df, out_first, out_size = np.empty(n, np.int64), np.empty(n, np.int64), np.empty(n, np.int64)
    out_df[order], out_first[order], out_size[order] = df[group], firsts[group], sizes[group]
    return _Counts(out_df, out_first, out_size, order[firsts])


def _shared_passages(prints: Fingerprints, counts: _Counts) -> _Shared:
    """Every report's shared passages and the reports holding each (see the module); array
    work over the fingerprints in report order (`counts`: `_df`), no Python loop per passage
    or holder."""
    df, first, size, _ = counts
    entries = np.flatnonzero(df >= 2)  # report, position order
    docs, pos, lines = prints.docs[entries], prints.positions[entries], prints.lines[entries]
    new = np.ones(len(entries), bool)
    new[1:] = (docs[1:] != docs[:-1]) | (pos[1:] - pos[:-1] > GAP) | (lines[1:] != lines[:-1])
    heads = np.flatnonzero(new)
    sizes = np.diff(np.append(heads, len(entries)))
    kept = np.flatnonzero(sizes >= 2)
    heads, sizes = heads[kept], sizes[kept]
    lasts = heads + sizes - 1
    rid = np.repeat(np.arange(len(heads)), sizes)
    members = np.repeat(heads, sizes) + (np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes))
    e = entries[members]  # the kept passages' fingerprints, passage then position order
    # the SAMPLE rarest of each passage (ties: the first in the passage); a stable sort by
    # (passage, df) keeps position order among equals
    by_rarity = np.argsort(rid * (int(df.max(initial=0)) + 1) + df[e], kind="stable")
    rank = np.arange(len(e)) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    sampled = np.sort(by_rarity[rank < SAMPLE])  # back in passage, position order
    rarest = df[e[by_rarity[np.cumsum(sizes) - sizes]]] if len(e) else np.zeros(0, np.int64)
    # expand each sampled fingerprint into the first EXPAND_MAX holders of its hash (+ 1: the
    # report itself may be among them), in report, position order
    s_entry = e[sampled]
    reps = np.minimum(size[s_entry], EXPAND_MAX + 1)
    starts_at = np.cumsum(reps) - reps
    at = np.repeat(first[s_entry] - starts_at, reps) + np.arange(int(reps.sum()))
    which = prints.by_key[at]
    sample_of = np.repeat(np.arange(len(sampled)), reps)
    passage_of = rid[sampled][sample_of]
    other, other_pos = prints.docs[which], prints.positions[which]
    # a report once per sampled fingerprint (at its first position), never the passage's own
    once = np.ones(len(at), bool)
    once[1:] = (sample_of[1:] != sample_of[:-1]) | (other[1:] != other[:-1])
    once &= other != prints.docs[s_entry][sample_of]
    passage_of, other, other_pos = passage_of[once], other[once], other_pos[once]
    # per (passage, report): the sampled fingerprints it holds, its position at the first of them
    n_docs = len(prints.lengths)
    by_pair = np.argsort(passage_of.astype(np.int64) * n_docs + other, kind="stable")
    passage_of, other, other_pos = passage_of[by_pair], other[by_pair], other_pos[by_pair]
    pair_firsts, held = _groups(passage_of.astype(np.int64) * n_docs + other)
    passage_of, other, other_pos = passage_of[pair_firsts], other[pair_firsts], other_pos[pair_firsts]
    # a report holds a passage when it holds at least half of its sampled fingerprints
    keep = 2 * held >= np.minimum(sizes, SAMPLE)[passage_of]
    passage_of, other, other_pos, held = passage_of[keep], other[keep], other_pos[keep], held[keep]
    best = np.lexsort((other, -held, passage_of))
    return _Shared(doc=docs[heads], a=pos[heads], b=pos[lasts] + K, start=prints.starts[entries[heads]],
                   end=prints.ends[entries[lasts]], rarest=rarest, holding=passage_of[best], other=other[best],
                   other_pos=other_pos[best])


def _per_report(catalog: list[dict[str, Any]], prints: Fingerprints, shared: _Shared, texts: _Texts) -> dict[str, list]:
    """report id → its PER_REPORT longest passages held elsewhere (position order), each with
    its text, text span, number of reports and links to the first LINKS holding it."""
    holders = np.bincount(shared.holding, minlength=len(shared.doc))
    listed = np.flatnonzero((holders > 0) | (shared.rarest > EXPAND_MAX))
    longest = listed[np.lexsort((shared.a[listed], -(shared.b - shared.a)[listed], shared.doc[listed]))]
    firsts, sizes = _groups(shared.doc[longest])
    rank = np.arange(len(longest)) - np.repeat(firsts, sizes)
    chosen = np.sort(longest[rank < PER_REPORT])  # report, position order
    link_firsts = np.cumsum(holders) - holders
    link_rank = np.arange(len(shared.holding)) - link_firsts[shared.holding]
    linked = np.flatnonzero(link_rank < LINKS)
    urls = _anchored(catalog, prints, shared.other[linked], shared.other_pos[linked])
    links: dict[int, list[dict[str, str]]] = {}
    for r, o, url in zip(shared.holding[linked].tolist(), shared.other[linked].tolist(), urls):
        links.setdefault(r, []).append({"url": url, "title": catalog[o]["display_title"]})
    per_report: dict[str, list] = {}
    for r in chosen.tolist():
        rid = catalog[int(shared.doc[r])]["id"]
        start, end, rarest = int(shared.start[r]), int(shared.end[r]), int(shared.rarest[r])
        count = int(holders[r]) if rarest <= EXPAND_MAX else rarest - 1
        per_report.setdefault(rid, []).append({"text": _snippet(texts.get(rid)[start:end]), "start": start, "end": end,
                                               "count": count, "links": links.get(r, [])})
    return per_report


def _anchored(catalog: list[dict[str, Any]], prints: Fingerprints, docs: np.ndarray, pos: np.ndarray) -> list[str]:
    """The URL of each (report, skeleton position): the report's page at the last anchor at or
    before the position."""
    names = [name for anchors in prints.anchors for _, name in anchors]
    owner = np.repeat(np.arange(len(prints.anchors), dtype=np.int64), [len(anchors) for anchors in prints.anchors])
    at = np.fromiter((a for anchors in prints.anchors for a, _ in anchors), np.int64, len(names))
    found = np.searchsorted((owner << 32) + at, (docs.astype(np.int64) << 32) + pos, "right") - 1
    own = (found >= 0) & (owner[found] == docs) if len(names) else np.zeros(len(docs), bool)
    return [catalog[d]["url"] + (f"#{names[i]}" if mine else "")
            for d, i, mine in zip(docs.tolist(), found.tolist(), own.tolist())]


def _pairs(prints: Fingerprints, shared: _Shared) -> list[tuple[int, int, int, float]]:
    """(report, report, shared skeleton characters, share of the shorter) of the pairs that overlap most."""
    n_docs = len(prints.lengths)
    if not len(shared.holding):
        return []
    doc = shared.doc[shared.holding].astype(np.int64)
    # the skeleton characters of a report's passages that the other holds, per ordered pair
    key = doc * n_docs + shared.other
    order = np.argsort(key, kind="stable")
    firsts, _ = _groups(key[order])
    totals = np.add.reduceat((shared.b - shared.a)[shared.holding][order], firsts)
    d, o = doc[order][firsts], shared.other[order][firsts].astype(np.int64)
    # per unordered pair, the larger of its two directions
    both = np.minimum(d, o) * n_docs + np.maximum(d, o)
    order = np.argsort(both, kind="stable")
    firsts, _ = _groups(both[order])
    best = np.maximum.reduceat(totals[order], firsts)
    lo, hi = both[order][firsts] // n_docs, both[order][firsts] % n_docs
    big = best >= PAIR_MIN
    lo, hi, best = lo[big], hi[big], best[big]
    lengths = np.array(prints.lengths, np.int64)
    share = np.minimum(1.0, best / np.maximum(1, np.minimum(lengths[lo], lengths[hi])))
    top = np.lexsort((hi, lo, -best, -share))[:PAIRS]
    return list(zip(lo[top].tolist(), hi[top].tolist(), best[top].tolist(), share[top].tolist()))


def _stock(prints: Fingerprints, counts: _Counts) -> list[tuple[int, int, int, int]]:
    """(reports holding it, report, text start, text end) of the most reused passages: from
    the hashes held most widely (ties: the smaller hash), each the first occurrence of its hash
    (report, position order) grown into the run of its report's fingerprints held by at least
    0.8 as many reports, K or fewer characters apart; a hash in a run found before is skipped."""
    df, heads = counts.df, counts.heads
    heads = heads[df[heads] >= 3]
    heads = heads[np.lexsort((prints.hashes[heads], -df[heads]))]
    used: set[int] = set()
    found: list[tuple[int, int, int, int]] = []
    docs, positions = prints.docs, prints.positions
    for e in heads.tolist():
        if len(found) >= STOCK:
            break
        if int(prints.hashes[e]) in used:
            continue
        level = 0.8 * df[e]
        lo = hi = e
        while lo > 0 and docs[lo - 1] == docs[e] and df[lo - 1] >= level and positions[lo] - positions[lo - 1] <= K:
            lo -= 1
        while hi + 1 < len(docs) and docs[hi + 1] == docs[e] and df[hi + 1] >= level \
                and positions[hi + 1] - positions[hi] <= K:
            hi += 1
        used.update(int(h) for h in prints.hashes[lo: hi + 1])
        found.append((int(df[e]), int(docs[e]), int(prints.starts[lo]), int(prints.ends[hi])))
    return found


def _page(catalog: list[dict[str, Any]], prints: Fingerprints, texts: _Texts, shared: _Shared,
          stock: list[tuple[int, int, int, int]], shared_reports: int) -> str:
    def link(doc: int, url: str | None = None) -> str:
        target = (url or catalog[doc]["url"]).replace(".html", ".md", 1)
        return f"[{escape_markdown(catalog[doc]['display_title'])}](../{target})"

    lines = ["---", "title: 文本复用", "---", "", "# 文本复用", "",
             f"归档 {len(catalog)} 篇报告中，{shared_reports} 篇有段落也见于其他报告（相同或相近，"
             "判定方法见“查重”页）。", "", "## 最常复用的段落", ""]
    if stock:
        lines += ["| 篇数 | 段落 | 例如 |", "| ---: | --- | --- |"]
        for n, doc, start, end in stock:
            text = texts.get(catalog[doc]["id"])[start:end]
            lines.append(f"| {n} | {escape_markdown(_snippet(text))} | {link(doc)} |")
    else:
        lines.append("没有见于三篇以上报告的段落。")
    lines += ["", "## 重合最多的报告", ""]
    pairs = _pairs(prints, shared)
    if pairs:
        lines += ["| 重合 | 报告 | 报告 | 相同或相近的字数 |", "| ---: | --- | --- | ---: |"]
        for d, o, n, share in pairs:
            lines.append(f"| {share:.0%} | {link(d)} | {link(o)} | {n} |")
    else:
        lines.append(f"没有两篇报告共有 {PAIR_MIN} 字以上的段落。")
    return "\n".join(lines) + "\n"
