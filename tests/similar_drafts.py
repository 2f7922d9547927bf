"""Drafts assembled from archive passages, and how well a 查重 answer finds them.

Used by tests/test_similar.py and scripts/bench.py. A draft mixes passages of archive reports —
copied exactly, with 5–10 % of their characters changed, or with their clauses reordered —
with paragraphs of texts that are not in the archive. Scoring (the issue's definitions):

- recall: of the copied passages' non-space characters, the share inside a match whose report
  holds the passage (its original wording, skeleton-equal, as a fingerprint sees it);
- precision: of the matched non-space characters, the share that are copied and attributed to
  a report that holds their passage (`strict`), or else lie in a run of 12 skeleton characters
  or more that the match's report holds (`reused`: archive text all the same, such as a stock
  phrase in the "new" paragraphs).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from baogao.similar.fingerprint import skeleton

_CLAUSE = re.compile(r"(?<=[，；。])")
_FILLER = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你能而子那得于着下自之年过发后作里"


@dataclass
class Draft:
    text: str = ""
    copied: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, original passage)
    kinds: list[str] = field(default_factory=list)


def paragraphs(text: str, least: int = 60, most: int = 400) -> list[str]:
    return [line.strip() for line in text.split("\n") if least <= len(line.strip()) <= most]


def edited(passage: str, rate: float, rng: random.Random) -> str:
    chars = list(passage)
    spots = [i for i, ch in enumerate(chars) if "\u4e00" <= ch <= "\u9fff"]
    for i in rng.sample(spots, max(1, round(len(chars) * rate))):
        chars[i] = rng.choice(_FILLER)
    return "".join(chars)


def reordered(passage: str, rng: random.Random) -> str:
    clauses = [c for c in _CLAUSE.split(passage) if c]
    if len(clauses) < 2:
        return passage
    rotated = clauses[1:] + clauses[:1]
    return "".join(rotated)


def assemble(archive: list[str], outside: list[str], seed: int, passages: int = 12) -> Draft:
    """A draft of `passages` archive paragraphs (exact / edited 5–10 % / reordered, in turn)
    between paragraphs of the `outside` texts."""
    rng = random.Random(seed)
    pool = [p for text in archive for p in paragraphs(text)]
    novel = [p for text in outside for p in paragraphs(text)]
    draft = Draft()
    for i in range(passages):
        draft.text += rng.choice(novel) + "\n"
        original = rng.choice(pool)
        kind = ("exact", "edited", "reordered")[i % 3]
        version = {"exact": original, "edited": edited(original, rng.uniform(0.05, 0.10), rng),
                   "reordered": reordered(original, rng)}[kind]
        draft.copied.append((len(draft.text), len(draft.text) + len(version), original))
        draft.kinds.append(kind)
        draft.text += version + "\n"
    draft.text += rng.choice(novel) + "\n"
    return draft


def _skeleton_text(text: str) -> str:
    return "".join(map(chr, skeleton(text).codes.tolist()))


def score(draft: Draft, answer: dict, report_texts: dict[str, str]) -> dict[str, float]:
    """Recall and precision (strict, reused) of an answer of `baogao similar --json`."""
    skeletons = {rid: _skeleton_text(text) for rid, text in report_texts.items()}
    solid = [not ch.isspace() for ch in draft.text]
    right = [False] * len(draft.text)  # inside a match whose report holds the copied passage
    matched = [False] * len(draft.text)
    reused = [False] * len(draft.text)
    held: dict[tuple[int, str], bool] = {}
    for m in answer["matches"]:
        report = skeletons[m["report_id"]]
        for i in range(m["start"], m["end"]):
            matched[i] = True
        for n, (start, end, original) in enumerate(draft.copied):
            if m["start"] < end and start < m["end"]:
                key = (n, m["report_id"])
                if key not in held:
                    held[key] = _skeleton_text(original) in report
                if held[key]:
                    for i in range(max(start, m["start"]), min(end, m["end"])):
                        right[i] = True
        sk = skeleton(draft.text[m["start"]:m["end"]])
        text = "".join(map(chr, sk.codes.tolist()))
        for j in range(len(text) - 11):
            if text[j: j + 12] in report:
                for i in range(int(sk.origin[j]), int(sk.origin[j + 11]) + 1):
                    reused[m["start"] + i] = True
    copied = [False] * len(draft.text)
    for start, end, _ in draft.copied:
        for i in range(start, end):
            copied[i] = True
    total_copied = sum(c and s for c, s in zip(copied, solid))
    total_matched = sum(m and s for m, s in zip(matched, solid))
    found = sum(c and r and s for c, r, s in zip(copied, right, solid))
    strict = sum(m and c and r and s for m, c, r, s in zip(matched, copied, right, solid))
    loose = sum(m and s and ((c and r) or u) for m, c, r, u, s in zip(matched, copied, right, reused, solid))
    return {"recall": found / max(1, total_copied), "precision": strict / max(1, total_matched),
            "precision_reused": loose / max(1, total_matched), "copied": total_copied, "matched": total_matched}
