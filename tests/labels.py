"""The labelled sets (tests/data/*.tsv): where their reports are, and how a labelled section is
found again in a parsed report.

A labelled section is keyed by its report (`seeds/NAME.txt` or `corpus/FOLDER/NAME.txt`, under
../shared) and by the first `KEY_CHARS` non-space characters of its text from where the section
starts (its heading, lead sentence or first paragraph), so a label survives changes of the
section tree that keep the section's start. `（全文）` keys the report as a whole.

    python -m tests.labels sections corpus/…/2026_广东省_政府工作报告.txt   # print the sections to label
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from baogao.clean import clean
from baogao.decode import decode
from baogao.model import ParsedReport
from baogao.parse import parse
from baogao.themes import REPORT_LABEL, Section, split_sections

SHARED = Path(__file__).resolve().parents[2] / "shared"
DATA = Path(__file__).resolve().parent / "data"
KEY_CHARS = 16
NO_SHARED = "../shared not found: the labelled reports exist only in the development workspace"


def shared_path(source: str) -> Path:
    return SHARED / source


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


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "sections":
        sys.exit(__doc__)
    _print_sections(sys.argv[2])
