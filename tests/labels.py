"""The labelled sets (tests/data/*.tsv): where their reports are, and how a labelled section is
found again in a parsed report.

A labelled section is keyed by its report (`seeds/NAME.txt` or `corpus/FOLDER/NAME.txt`, under
../shared) and by the first `KEY_CHARS` non-space characters of its text from where the section
starts (its heading, lead sentence or first paragraph), so a label survives changes of the
section tree that keep the section's start. `（全文）` keys the report as a whole.

    python -m tests.labels sections corpus/…/2026_广东省_政府工作报告.txt   # print the sections to label
    python -m tests.labels score [0|1] [errors]     # theme precision/recall (fold 0, 1 or both)
    python -m tests.labels agreement                # the blind second read against theme_labels.tsv
    python -m tests.labels agreement held-out       # the held-out passages read twice, and the rules against each read
    python -m tests.labels held-out [0|1] [LO-HI] [errors]  # the held-out texts (tests/data/fresh; LO-HI: files LO_… to HI_…)
    python -m tests.labels held-out [0|1] sure      # the user themes' passages split by whether their note says "unsure"
    python -m tests.labels probe [p|q|r|s|t|u|v|w|x|y] [errors]  # the probes: office texts written and labelled blind to the rules
    python -m tests.labels sample [SEED]            # 10 held-out passages per user theme the rules tag, with their label
    python -m tests.labels outputs > FILE           # what every real text gets, to diff before/after a change
"""

from __future__ import annotations

import hashlib
import random
import re
from collections import Counter
import sys
from dataclasses import dataclass
from pathlib import Path

from baogao.clean import clean
from baogao.readers.txt import decode
from baogao.model import ParsedReport
from baogao.parse import parse
from baogao.themes import REPORT_LABEL, Section, split_sections

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path(__file__).resolve().parent / "data"
KEY_CHARS = 16
USER_THEMES = ("作风建设", "信息报送", "督查")  # the themes the user named: the targets are theirs
FRESH_DIR = "fresh"  # tests/data/fresh: the held-out texts (see tests/data/README.md)
PROBE_DIR = "probe"  # tests/data/probe: office texts written and labelled blind to the rules (README there)
NO_SHARED = "../shared not found: the labelled reports exist only in the development workspace"


def shared_path(source: str) -> Path:
    """Where a labelled report is: ../shared, or tests/data for the held-out texts and the probes."""
    return DATA / source if source.startswith((f"{FRESH_DIR}/", f"{PROBE_DIR}/")) else SHARED / source


def file_name(source: str) -> str:
    """The name a labelled report is converted under: a held-out text that was a file in its
    repository gets that file's name back (its title may be only there, as in an office's
    folder); one taken from a database row or a web page keeps its name here."""
    if not source.startswith(f"{FRESH_DIR}/"):
        return source
    for line in (DATA / FRESH_DIR / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split("\t")
        origin = fields[2].split(" [")[0]
        if f"{FRESH_DIR}/{fields[0]}" == source and origin.endswith((".txt", ".md")):
            return f"{FRESH_DIR}/{Path(origin).stem}.txt"
    return source


def parsed_report(source: str) -> ParsedReport:
    path = shared_path(source)
    return parse(clean(decode(path.read_bytes()).text).lines, path.name)


def section_start_text(report: ParsedReport, section: Section) -> str:
    """The section's text from its start (heading, lead sentence or first paragraph) on."""
    blocks = report.blocks
    if section.kind == "report":
        return REPORT_LABEL
    start = section.head[1] if section.head else (section.body[0][1] if section.body else 0)
    return "".join(block.text for block in blocks[section.block:section.block + 3])[start:]


def section_key(report: ParsedReport, section: Section) -> str:
    text = section_start_text(report, section)
    return "".join(text.split())[:KEY_CHARS]


@dataclass(frozen=True)
class LabelledSection:
    source: str
    key: str
    themes: frozenset[str]
    note: str


def read_labels(name: str) -> list[LabelledSection]:
    """Rows of tests/data/NAME: source, key, themes (comma-separated, '-' for none), note."""
    rows = []
    for number, line in enumerate((DATA / name).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            raise ValueError(f"{name} line {number}: expected source, key, themes[, note]")
        themes = frozenset() if fields[2].strip() in ("", "-") else frozenset(t.strip() for t in fields[2].split(","))
        rows.append(LabelledSection(fields[0], fields[1], themes, fields[3] if len(fields) > 3 else ""))
    return rows


def own_text(report: ParsedReport, section: Section) -> str:
    """The section's heading (or lead sentence) and its own text, without its sub-sections."""
    spans = ((section.head,) if section.head else ()) + section.body
    return "\n".join(report.blocks[b].text[start:end] for b, start, end in spans)


def _print_sections(source: str) -> None:
    report = parsed_report(source)
    for section in split_sections(report):
        if section.kind == "report":
            continue
        print(f"=== {source}\t{section_key(report, section)}\t{section.kind} level {section.level}")
        print(own_text(report, section)[:2000])




# ------------------------------------------------------------------------------ theme scoring

THEME_LABEL_FILES = "theme_labels.tsv"


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass
class ThemeScore:
    """Per theme, section and report counts; the misses to read; keys not found."""

    sections: dict[str, Counts]
    reports: dict[str, Counts]
    errors: list[str]
    unmatched: list[str]
    labelled: int


def fold_of(source: str) -> int:
    """Two folds by report: rules are tuned reading the errors of fold 0 only; fold 1 is held out."""
    return int(hashlib.sha1(source.encode("utf-8")).hexdigest(), 16) % 2


def score_themes(labels: list[LabelledSection], taxonomy, folds: tuple[int, ...] = (0, 1)) -> ThemeScore:
    """Classify every labelled report and compare with the labels, section by section (a
    section is predicted a theme when a theme link points to it or lists it as a part) and
    report by report (the report's themes against the union of its sections' labels)."""
    from baogao.themes import classify, report_themes

    names = taxonomy.names()
    score = ThemeScore({n: Counts() for n in names}, {n: Counts() for n in names}, [], [], 0)
    for source, rows in _by_source(labels, folds):
        report = parsed_report(source)
        sections = split_sections(report)
        matches = classify(report, taxonomy)
        predicted: dict[int, set[str]] = {}
        for match in matches:
            own = (match.section,) if match.own else ()  # a section that only gathers its parts is not itself about the theme
            for index in (*own, *(part.section for part in match.parts)):
                predicted.setdefault(index, set()).add(match.theme)
        index_of: dict[str, int] = {}
        for section in sections[1:]:
            index_of.setdefault(section_key(report, section), section.index)
        truth_report: set[str] = set()
        for row in rows:
            truth_report |= row.themes
            if row.key not in index_of:
                score.unmatched.append(f"{source}\t{row.key}")
                continue
            score.labelled += 1
            got = predicted.get(index_of[row.key], set())
            for name in names:
                _count(score.sections[name], name in got, name in row.themes)
            for name in sorted(got ^ row.themes):
                kind = "FP" if name in got else "FN"
                score.errors.append(f"{kind} {name}\t{source}\t{row.key}\t{row.note}")
        got_report = set(report_themes(matches, taxonomy))
        for name in names:
            _count(score.reports[name], name in got_report, name in truth_report)
    return score


def chip_coverage(labels: list[LabelledSection], taxonomy) -> list[tuple[str, float]]:
    """For each labelled report with more themes than a page shows chips: the share of its text
    labelled with a theme (each section's own text, once per theme it is labelled) that the
    chips' themes hold — what the reader is told the report is most about."""
    from baogao.themes import MAX_CHIPS, classify, report_themes

    names = set(taxonomy.names())
    shares = []
    for source, rows in _by_source(labels, (0, 1)):
        report = parsed_report(source)
        themes = report_themes(classify(report, taxonomy), taxonomy)
        if len(themes) <= MAX_CHIPS:
            continue
        index_of: dict[str, Section] = {}
        for section in split_sections(report)[1:]:
            index_of.setdefault(section_key(report, section), section)
        labelled: Counter = Counter()
        for row in rows:
            if row.key in index_of:
                chars = len(own_text(report, index_of[row.key]))
                labelled.update({theme: chars for theme in row.themes & names})
        if labelled:
            shares.append((source, sum(labelled[t] for t in themes[:MAX_CHIPS]) / sum(labelled.values())))
    return shares


def _by_source(labels: list[LabelledSection], folds: tuple[int, ...]) -> list[tuple[str, list[LabelledSection]]]:
    """The labels of the reports in `folds`, grouped by report, in report order."""
    by_source: dict[str, list[LabelledSection]] = {}
    for label in labels:
        if fold_of(label.source) in folds:
            by_source.setdefault(label.source, []).append(label)
    return sorted(by_source.items())


def _count(counts: Counts, predicted: bool, true: bool) -> None:
    if predicted and true:
        counts.tp += 1
    elif predicted:
        counts.fp += 1
    elif true:
        counts.fn += 1


def format_score(score: ThemeScore) -> str:
    lines = [f"{score.labelled} labelled sections scored, {len(score.unmatched)} not found",
             f"{'theme':<10} {'sec P':>6} {'sec R':>6} {'n':>4}   {'rep P':>6} {'rep R':>6} {'n':>3}"]
    for name, sec in score.sections.items():
        rep = score.reports[name]
        lines.append(f"{name:<10} {sec.precision:6.2f} {sec.recall:6.2f} {sec.tp + sec.fn:4d}   "
                     f"{rep.precision:6.2f} {rep.recall:6.2f} {rep.tp + rep.fn:3d}"
                     f"   (sections: {sec.tp} TP {sec.fp} FP {sec.fn} FN)")
    return "\n".join(lines)


def _print_score(folds: tuple[int, ...], show_errors: bool, rows: list[LabelledSection] | None = None) -> None:
    from baogao.themes import THEMES_FILE, load_taxonomy

    taxonomy = load_taxonomy(Path(__file__).resolve().parents[1] / THEMES_FILE)
    score = score_themes(read_labels(THEME_LABEL_FILES) if rows is None else rows, taxonomy, folds)
    print(format_score(score))
    if show_errors:
        print("\n".join(score.errors))
        print("\n".join(f"not found: {key}" for key in score.unmatched))


# ------------------------------------------------------------------------- held-out texts

HELD_OUT_FILE = "theme_labels_held_out.tsv"
PROBE_FILE = "theme_labels_probe.tsv"  # sections of the probes' texts (tests/data/probe)


def score_passages(labels: list[LabelledSection], taxonomy, folds: tuple[int, ...] = (0, 1)) -> ThemeScore:
    """Theme precision/recall on texts whose reader cut the sections their own way (the held-out
    set), passage by passage (`tagged_passages`). Reports: the report's themes against the union."""
    from baogao.themes import report_themes

    names = taxonomy.names()
    score = ThemeScore({n: Counts() for n in names}, {n: Counts() for n in names}, [], [], 0)
    for source, rows, found, matches in tagged_passages(labels, taxonomy, folds, score.unmatched):
        for row, got in found:
            score.labelled += 1
            for name in names:
                _count(score.sections[name], name in got, name in row.themes)
            for name in sorted(got ^ row.themes):
                score.errors.append(f"{'FP' if name in got else 'FN'} {name}\t{source}\t{row.key}\t{row.note}")
        truth = set().union(*(row.themes for row in rows))
        got_report = set(report_themes(matches, taxonomy))
        for name in names:
            _count(score.reports[name], name in got_report, name in truth)
    return score


def tagged_passages(labels: list[LabelledSection], taxonomy, folds: tuple[int, ...], unmatched: list[str]):
    """Per labelled text: (source, its rows, [(row, the themes the rules give its passage)], the matches). Each
    labelled passage runs from its key to the next one's, in the text with spaces removed; it is given a theme
    when the sections that get it (their own text) cover half of the passage, or half of such a section lies in
    the passage — so the score does not depend on where the parser cuts. A key not found goes to `unmatched`."""
    from baogao.themes import classify

    for source, rows in _by_source(labels, folds):
        report = parsed_report(source)
        offsets, flat = _non_space_offsets(report)
        starts: list[tuple[int, LabelledSection]] = []
        at = 0
        for row in rows:
            found = flat.find(row.key, at)
            if found < 0:
                found = flat.find(row.key)
            if found < 0:
                unmatched.append(f"{source}\t{row.key}")
                continue
            starts.append((found, row))
            at = found + 1
        starts.sort(key=lambda item: item[0])
        sections = split_sections(report)
        matches = classify(report, taxonomy)
        spans: dict[str, list[tuple[int, int]]] = {}
        for match in matches:
            own = (match.section,) if match.own else ()
            for index in (*own, *(part.section for part in match.parts)):
                section = sections[index]
                for block, start, end in ((section.head,) if section.head else ()) + section.body:
                    if not match.passage or block == match.block:  # a passage match: its paragraph
                        spans.setdefault(match.theme, []).append((offsets[block][start], offsets[block][end]))
        passages = []
        for k, (start, row) in enumerate(starts):
            end = starts[k + 1][0] if k + 1 < len(starts) else len(flat)
            if end > start:
                passages.append((row, {theme for theme, theirs in spans.items() if _covers(theirs, start, end)}))
        yield source, rows, passages, matches


def _print_by_certainty(rows: list[LabelledSection], taxonomy, folds: tuple[int, ...]) -> None:
    """The user themes' held-out passages split by whether their readers' note says "unsure" (anywhere in it: a
    crude split, the note may be unsure of another theme), precision and recall of each part."""
    counts = {(theme, unsure): Counts() for theme in USER_THEMES for unsure in (False, True)}
    for _, _, passages, _ in tagged_passages(rows, taxonomy, folds, []):
        for row, got in passages:
            for theme in USER_THEMES:
                _count(counts[theme, "unsure" in row.note], theme in got, theme in row.themes)
    for (theme, unsure), c in counts.items():
        print(f"{theme:<6} {'unsure' if unsure else 'sure':<6} P {_ratio(c.tp, c.tp + c.fp):.2f} R {_ratio(c.tp, c.tp + c.fn):.2f}"
              f"  ({c.tp} TP {c.fp} FP {c.fn} FN)")


def _print_sample(taxonomy, seed: int, size: int = 10) -> None:
    """`size` held-out passages drawn at random (`seed`) from those the rules give each user theme, each with its
    readers' label: RIGHT when they gave it the theme too (what a reader of a theme page meets)."""
    tagged: dict[str, list[tuple[str, LabelledSection]]] = {theme: [] for theme in USER_THEMES}
    for source, _, passages, _ in tagged_passages(read_labels(HELD_OUT_FILE), taxonomy, (0, 1), []):
        for row, got in passages:
            for theme in USER_THEMES:
                if theme in got:
                    tagged[theme].append((source, row))
    chance = random.Random(seed)
    for theme, found in tagged.items():
        picked = chance.sample(found, min(size, len(found)))
        print(f"{theme}: {sum(theme in row.themes for _, row in picked)} of {len(picked)} right ({len(found)} passages tagged)")
        for source, row in picked:
            print(f"  {'RIGHT' if theme in row.themes else 'WRONG'}\t{source}\t{row.key}\t{row.note}")


def _non_space_offsets(report: ParsedReport) -> tuple[list[list[int]], str]:
    """Per block, each character offset (and the end) as an offset into the report's text with
    white space removed; and that text — with the title first when the text gives it, so that a
    passage a reader keyed at the title (the title and the preamble under it) is found."""
    flat = [ch for ch in report.title if not ch.isspace()] if report.title_in_text else []
    offsets, n = [], len(flat)
    for block in report.blocks:
        row = []
        for ch in block.text:
            row.append(n)
            if not ch.isspace():
                flat.append(ch)
                n += 1
        row.append(n)
        offsets.append(row)
    return offsets, "".join(flat)


def _covers(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    inside = sum(max(0, min(e, end) - max(s, start)) for s, e in spans)
    whole_inside = any(e > s and 2 * (min(e, end) - max(s, start)) >= e - s for s, e in spans)
    return 2 * inside >= end - start or whole_inside


# ---------------------------------------------------------------------------- agreement

SECOND_READ_FILE = "theme_labels_second_read.tsv"
SECOND_READ_HELD_OUT_FILE = "theme_labels_second_read_held_out.tsv"  # held-out passages read again, blind
SECOND_READ_THEMES = USER_THEMES  # the blind second read covered the user's three


def agreement(first: list[LabelledSection], second: list[LabelledSection]) -> dict[str, tuple[int, int, int, int, float]]:
    """Per theme of the second read, over the sections both files label: (both yes, first only,
    second only, both no, Cohen's kappa)."""
    firsts = {(row.source, row.key): row.themes for row in first}
    result = {}
    for theme in SECOND_READ_THEMES:
        cells = Counter((theme in firsts[(row.source, row.key)], theme in row.themes)
                        for row in second if (row.source, row.key) in firsts)
        yy, yn, ny, nn = cells[True, True], cells[True, False], cells[False, True], cells[False, False]
        n = yy + yn + ny + nn
        observed = (yy + nn) / n
        expected = ((yy + yn) * (yy + ny) + (ny + nn) * (yn + nn)) / (n * n)
        result[theme] = (yy, yn, ny, nn, (observed - expected) / (1 - expected) if expected < 1 else 1.0)
    return result


def _print_agreement(first: list[LabelledSection], second: list[LabelledSection]) -> None:
    print("theme       both  first-only  second-only  neither  kappa   second scored against first: P / R")
    for theme, (yy, yn, ny, nn, kappa) in agreement(first, second).items():
        print(f"{theme:<8} {yy:>6} {yn:>11} {ny:>12} {nn:>8}  {kappa:.2f}   {_ratio(yy, yy + ny):.2f} / {_ratio(yy, yy + yn):.2f}")


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def _print_held_out_agreement(taxonomy) -> None:
    """The held-out passages that a second reader labelled blind: how far two readers agree, and
    the rules scored against each reader on the same passages (the ceiling and where the rules
    stand under it)."""
    second = read_labels(SECOND_READ_HELD_OUT_FILE)
    read = {(row.source, row.key) for row in second}
    first = [row for row in read_labels(HELD_OUT_FILE) if (row.source, row.key) in read]
    print(f"{len(second)} passages of {len({row.source for row in second})} texts read twice")
    _print_agreement(first, second)
    for name, rows in (("first", first), ("second", second)):
        score = score_passages(rows, taxonomy)
        print(f"the rules against the {name} reader: " + " | ".join(
            f"{t} {score.sections[t].precision:.2f} / {score.sections[t].recall:.2f}" for t in SECOND_READ_THEMES))


def _print_outputs() -> None:
    """One line per real text (seeds, corpus, tests/data/fresh), whatever is labelled of it: its
    title, display title, year, year_min, office, level, region, type, number of headings, and its
    sections' themes. Two runs (e.g. in a git worktree of the code before) diffed show every text
    a change of the rules touched, labelled or not."""
    from baogao.enrich import enrich
    from baogao.parse import with_inferred_title
    from baogao.themes import THEMES_FILE, classify, load_taxonomy, report_themes
    from baogao.titles import display_title

    taxonomy = load_taxonomy(Path(__file__).resolve().parents[1] / THEMES_FILE)
    paths = sorted([*SHARED.joinpath("seeds").glob("*.txt"), *SHARED.joinpath("corpus").rglob("*.txt"),
                    *(DATA / FRESH_DIR).glob("*.txt")])
    for path in paths:
        report = parse(clean(decode(path.read_bytes()).text).lines, path.name)
        meta = enrich(report, path.name)
        titled = with_inferred_title(report, meta["org"], meta["doc_type"])
        shown = display_title(titled.title, titled.subtitle, meta["year"], meta["org"], meta["region"])
        matches = classify(report, taxonomy)
        fields = [titled.title, shown, *(str(meta[k]) for k in ("year", "year_min", "org", "level", "region", "doc_type")),
                  str(sum(block.kind == "heading" for block in report.blocks)), ",".join(report_themes(matches, taxonomy)),
                  " ; ".join(sorted(f"{m.theme}:{m.label}" for m in matches))]
        print("\t".join([path.relative_to(SHARED if SHARED in path.parents else DATA).as_posix(), *fields]))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "sections":
        _print_sections(sys.argv[2])
    elif len(sys.argv) >= 2 and sys.argv[1] == "score":
        chosen = tuple(int(f) for f in sys.argv[2:] if f.isdigit()) or (0, 1)
        _print_score(chosen, "errors" in sys.argv)
    elif len(sys.argv) >= 2 and sys.argv[1] == "probe":
        # probe/p…, probe/q…, …: the probes, or PROBE_FILE's rows of one of them (its letter: p, q, r, s, t, u, v, w, x or y)
        prefix = f"{PROBE_DIR}/" + next((f for f in sys.argv[2:] if len(f) == 1 and f.isalpha()), "")
        _print_score((0, 1), "errors" in sys.argv, [row for row in read_labels(PROBE_FILE) if row.source.startswith(prefix)])
    elif len(sys.argv) >= 2 and sys.argv[1] == "held-out":
        from baogao.themes import THEMES_FILE, load_taxonomy

        chosen = tuple(int(f) for f in sys.argv[2:] if f.isdigit()) or (0, 1)
        # a batch by its file numbers (750-799): fresh/750_… to fresh/799_…
        lo, hi = next((tuple(map(int, f.split("-"))) for f in sys.argv[2:] if re.fullmatch(r"\d+-\d+", f)), (0, sys.maxsize))
        rows = [row for row in read_labels(HELD_OUT_FILE) if lo <= int(Path(row.source).name.split("_")[0]) <= hi]
        taxonomy = load_taxonomy(Path(__file__).resolve().parents[1] / THEMES_FILE)
        if "sure" in sys.argv:
            _print_by_certainty(rows, taxonomy, chosen)
            sys.exit()
        held_out = score_passages(rows, taxonomy, chosen)
        print(format_score(held_out))
        if "errors" in sys.argv:
            print("\n".join(held_out.errors))
    elif len(sys.argv) in (2, 3) and sys.argv[1] == "sample":
        from baogao.themes import THEMES_FILE, load_taxonomy

        _print_sample(load_taxonomy(Path(__file__).resolve().parents[1] / THEMES_FILE), int(sys.argv[2]) if len(sys.argv) == 3 else 0)
    elif sys.argv[1:] == ["outputs"]:
        _print_outputs()
    elif len(sys.argv) == 2 and sys.argv[1] == "agreement":
        _print_agreement(read_labels(THEME_LABEL_FILES), read_labels(SECOND_READ_FILE))
    elif sys.argv[1:] == ["agreement", "held-out"]:
        from baogao.themes import THEMES_FILE, load_taxonomy

        _print_held_out_agreement(load_taxonomy(Path(__file__).resolve().parents[1] / THEMES_FILE))
    else:
        sys.exit(__doc__)
