"""Generate a realistic archive of N reports for benchmarks, deterministically from a seed.

Reports are assembled from the headings and paragraphs of real texts (the sample reports, plus
../shared/corpus when given) under invented titles of real places and offices, with varied
years, levels, document types, encodings and line ends.

    python scripts/generate_archive.py --count 1000 --out /tmp/gen1000 [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import csv
import importlib.metadata
import random
import re
from pathlib import Path

from baogao import readers
from baogao.clean import clean
from baogao.sources import find_sources
from baogao.parse import parse

OFFICES = ("人民政府办公室", "行政审批服务局办公室", "发展和改革委员会", "财政局", "政务服务中心", "党委办公室", "总工会")
DOC_TYPES = ("工作总结", "情况汇报", "调研报告", "工作总结", "工作总结")
NUMERALS = "一二三四五六七八九十"
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])")


def text_pools(sources: list[Path]) -> tuple[list[str], list[str]]:
    """(heading texts without numbering, paragraphs) from real reports."""
    headings, paragraphs = [], []
    for source in sources:
        try:
            lines = clean(readers.read(source).text).lines
        except readers.ReadError:
            continue
        for block in parse(lines, source.name).blocks:
            if block.kind == "heading":
                headings.append(_NUMBERING.sub("", block.text))
            elif len(block.text) > 40:
                paragraphs.append(block.text)
    return headings, paragraphs


def places() -> list[tuple[str, str]]:
    """(name, kind) of real counties and cities from the administrative-division data of cpca."""
    path = importlib.metadata.distribution("cpca").locate_file("cpca/resources/adcodes.csv")
    out = []
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name, code = row["name"], row["adcode"]
            if code[4:6] != "00" and name.endswith(("县", "区", "市")):
                out.append((name, "县"))
            elif code[2:4] != "00" and code[4:6] == "00" and name.endswith("市"):
                out.append((name, "市"))
    return sorted(out)


def generate(count: int, out: Path, seed: int, sources: list[Path]) -> int:
    headings, paragraphs = text_pools(sources)
    all_places = places()
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        place, _ = rng.choice(all_places)
        year = rng.randint(2012, 2026)
        doc_type = rng.choice(DOC_TYPES)
        lines = [f"{place}{rng.choice(OFFICES)}{year}年{doc_type}"]
        lines += rng.sample(paragraphs, 1)
        # About 14 KB a report on average, as in the archives measured for the issues.
        for s in range(rng.randint(3, 7)):
            lines.append(f"{NUMERALS[s]}、{rng.choice(headings)}")
            lines += rng.sample(paragraphs, rng.randint(2, 6))
        text = "\n".join(lines) + "\n"
        encoding, newline = ("gb18030", "\r\n") if i % 10 == 9 else ("utf-8", "\n")
        data = text.replace("\n", newline).encode(encoding, errors="strict")
        (out / f"{i:05d}_{place}_{year}.txt").write_bytes(data)
        total += len(data)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, help="also take text from this folder (e.g. ../shared/corpus)")
    args = parser.parse_args()
    root = Path(__file__).resolve().parents[1]
    sources = find_sources(root / "reports") + (find_sources(args.corpus) if args.corpus else [])
    size = generate(args.count, args.out, args.seed, sources)
    print(f"generated {args.count} reports, {size / 1e6:.1f} MB, in {args.out}")


if __name__ == "__main__":
    main()
