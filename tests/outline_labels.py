"""The outline labelled set (tests/data/outline_labels.tsv): the headings a reader expects in a
report page's side outline, read blind (see tests/data/README.md), against the headings the
parser finds (`Block.kind == "heading"`, what the TOC shows).

An entry is keyed by the first OUTLINE_KEY_CHARS non-space characters of its heading; the
labelled and the found outline of a report are aligned in order (difflib's longest matching
runs, so a heading found twice or out of place is not counted twice). Depth is relative on both
sides: 1 for the report's top level of headings (the parser's levels 2…6 ranked), so a report
whose top headings are （一） is read alike by both. An entry the reader marked `unsure` (a bold
lead sentence on a line of its own, a list of short measures) is optional: found, it is right;
missed, it is no miss.

    python -m tests.outline_labels [labelled|0|1] [errors]   # seeds + corpus, or a fold of the held-out texts
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from tests.labels import DATA, FRESH_DIR, fold_of, parsed_report

OUTLINE_LABEL_FILE = "outline_labels.tsv"
OUTLINE_KEY_CHARS = 12
# The groups scored apart: the seeds and the corpus (the parser was written reading them) and the
# held-out texts by fold (fold 1: nobody reads its errors, as for the themes).
LABELLED, HELD_OUT_0, HELD_OUT_1 = "labelled", "0", "1"


@dataclass(frozen=True)
class Entry:
    depth: int
    heading: str
    optional: bool = False

    @property
    def key(self) -> str:
        return "".join(self.heading.split())[:OUTLINE_KEY_CHARS]


@dataclass
class OutlineScore:
    reports: int = 0
    found: int = 0  # headings the parser gives
    labelled: int = 0  # headings the reader expects (not the optional ones)
    matched: int = 0  # found headings the reader labelled (optional ones too)
    recalled: int = 0  # expected headings found
    same_depth: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.recalled / self.labelled if self.labelled else 1.0

    @property
    def depth_agreement(self) -> float:
        return self.same_depth / self.matched if self.matched else 1.0

    def line(self) -> str:
        return (f"{self.reports} reports, {self.labelled} headings labelled, {self.found} found: precision "
                f"{self.precision:.3f}, recall {self.recall:.3f}, depth agreement {self.depth_agreement:.3f} "
                f"({self.matched} matched, {self.same_depth} at the labelled depth; {self.recalled} expected found)")


def read_outline_labels(name: str = OUTLINE_LABEL_FILE) -> dict[str, list[Entry]]:
    """Per report, its labelled outline in order (a report labelled with order 0 has none)."""
    rows: dict[str, list[tuple[int, Entry]]] = {}
    with (DATA / name).open(encoding="utf-8") as file:
        for number, row in enumerate(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            try:
                order, depth = int(row["order"]), int(row["depth"])
            except (TypeError, ValueError):
                raise ValueError(f"{name} line {number}: order and depth must be numbers") from None
            entries = rows.setdefault(row["source"], [])
            if order:
                if depth < 1 or not row["heading"].strip():
                    raise ValueError(f"{name} line {number}: an entry needs a depth ≥ 1 and a heading")
                entries.append((order, Entry(depth, row["heading"], (row["note"] or "").startswith("unsure"))))
    return {source: [entry for _, entry in sorted(entries, key=lambda e: e[0])] for source, entries in rows.items()}


def found_outline(source: str) -> list[Entry]:
    """The headings the parser finds in the report, with their relative depth."""
    blocks = [block for block in parsed_report(source).blocks if block.kind == "heading"]
    levels = sorted({block.level for block in blocks})
    return [Entry(levels.index(block.level) + 1, block.text) for block in blocks]


def group_of(source: str) -> str:
    return str(fold_of(source)) if source.startswith(f"{FRESH_DIR}/") else LABELLED


def score_outline(labels: dict[str, list[Entry]], found: dict[str, list[Entry]]) -> OutlineScore:
    """Compare each report's labelled outline with the one found (both in order)."""
    score = OutlineScore()
    for source, expected in sorted(labels.items()):
        got = found[source]
        score.reports += 1
        score.found += len(got)
        score.labelled += sum(not e.optional for e in expected)
        matcher = SequenceMatcher(None, [e.key for e in got], [e.key for e in expected], autojunk=False)
        paired_got, paired_expected = set(), set()
        for block in matcher.get_matching_blocks():
            for k in range(block.size):
                mine, theirs = got[block.a + k], expected[block.b + k]
                paired_got.add(block.a + k)
                paired_expected.add(block.b + k)
                score.matched += 1
                score.recalled += not theirs.optional
                if mine.depth == theirs.depth:
                    score.same_depth += 1
                else:
                    score.errors.append(f"DEPTH {mine.depth}≠{theirs.depth}\t{source}\t{theirs.heading}")
        score.errors += [f"FP\t{source}\t{e.heading}" for i, e in enumerate(got) if i not in paired_got]
        score.errors += [f"FN\t{source}\t{e.heading}" for i, e in enumerate(expected)
                         if i not in paired_expected and not e.optional]
    return score


def score_group(group: str, name: str = OUTLINE_LABEL_FILE) -> OutlineScore:
    labels = {source: entries for source, entries in read_outline_labels(name).items() if group_of(source) == group}
    return score_outline(labels, {source: found_outline(source) for source in labels})


if __name__ == "__main__":
    groups = [g for g in sys.argv[1:] if g in (LABELLED, HELD_OUT_0, HELD_OUT_1)] or [LABELLED, HELD_OUT_0]
    for chosen in groups:
        result = score_group(chosen)
        print(f"{chosen}: {result.line()}")
        if "errors" in sys.argv:
            print("\n".join(result.errors))
