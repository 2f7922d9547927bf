"""What the site says about each report, scored against tests/data/metadata_labels.tsv (built
by reading the reports; see tests/data/README.md).

Fails below 95 % of fields right on the seeds and the corpus (the reports the rules were written
reading), below 90 % on the held-out texts (labelled blind, mostly the users' own genre: local
offices' 通报 and news items; the note of each round gives their figure against the same 95 %), or
on any wrong year anywhere: a year the report does not state is shown as unknown (or as a lower
bound, year_min), never guessed. The display title of an untitled text labelled with its pinyin
file name is not scored (see `_untitled`).

    .venv/bin/python -m pytest tests/test_labelled_metadata.py -s     # prints the score and every miss
"""

from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import pytest

from baogao.convert import convert_report
from baogao.schema import NEWS_ITEM
from baogao.titles import title_from_filename
from tests.labels import DATA, NO_SHARED, SHARED, file_name, shared_path

FIELDS = ("display_title", "org", "year", "year_min", "level", "region", "doc_type")
MIN_RIGHT = 0.95
MIN_RIGHT_HELD_OUT = 0.90  # (92.8 % on 2026-12-03; 91.9 % with batch 25, 91.7 % with batch 27, 91.6 % with batches 28 and 29 (91.2 %
# with the code of session 37's start), 91.4 % with batch 30 (its first measurement 79.9 %), 90.9 % with batch 31 (its first
# measurement 66.9 %: news items without a headline or a place), each measured before anyone read it; 90.8 % in session 40,
# when a 文号 in 【】 (湘林办办【2015】4号, cited) gave `fresh/326_` a year_min its label leaves empty, its year labelled 2015)


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as file:
        return list(csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE))


def _raw(source: str) -> tuple[bytes, str]:
    """The report's bytes and the name it is converted under (a CSV row → its full_text)."""
    path = shared_path(source)
    if path.suffix == ".csv":
        csv.field_size_limit(1 << 30)
        row = next(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        return row["full_text"].encode("utf-8"), Path(source).with_suffix(".txt").as_posix()
    return path.read_bytes(), file_name(source)


@functools.cache
def _meta(source: str) -> dict:
    raw, name = _raw(source)
    return convert_report(raw, name, {}).meta


def _right(expected: str, got: object) -> bool:
    answers = {a.strip() for a in expected.split(" | ")} if expected.strip() else {""}
    return ("" if got is None else str(got)) in answers


LABEL_FILES = {  # file: (what it holds, the share of fields that must be right)
    "metadata_labels.tsv": ("seeds and corpus (../shared)", MIN_RIGHT),
    "metadata_labels_held_out.tsv": ("held-out texts (tests/data/fresh)", MIN_RIGHT_HELD_OUT),
}


def _untitled(row: dict[str, str]) -> bool:
    """Whether the label titles the report by a file name that reads as no title (the pinyin slug
    given to a text that has none): the site titles such a text from its opening instead
    (baogao.titles.infer_title), so its display title cannot be scored against the label."""
    stem = Path(row["source"]).stem
    names = {stem, stem.split("_", 1)[-1]}
    labels = {a.strip() for a in row["display_title"].split(" | ")}
    return labels <= names and not title_from_filename(file_name(row["source"]))


def score(rows: list[dict[str, str]]) -> tuple[int, list[str], list[str]]:
    """(fields scored, misses, wrong years) of the pipeline's metadata against labelled rows;
    the display title of a text labelled untitled is not scored (see `_untitled`)."""
    misses, wrong_years, scored = [], [], 0
    for row in rows:
        meta = _meta(row["source"])
        for field in FIELDS:
            if field == "display_title" and _untitled(row):
                continue
            scored += 1
            if not _right(row[field], meta[field]):
                misses.append(f"{row['source']}: {field} = {meta[field]!r}, labelled {row[field]!r}")
        if meta["year"] is not None and not _right(row["year"], meta["year"]):
            wrong_years.append(f"{row['source']}: year {meta['year']}, labelled {row['year'] or 'unknown'}")
    return scored, misses, wrong_years


def test_metadata_matches_the_labels():
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    all_wrong, below, reports = [], [], 0
    for name, (what, least) in LABEL_FILES.items():
        rows = _rows(name)
        scored, misses, wrong_years = score(rows)
        right = 1 - len(misses) / scored
        print(f"\nmetadata, {what}: {scored - len(misses)}/{scored} fields right "
              f"({right:.1%}) on {len(rows)} reports; {len(wrong_years)} wrong years")
        print("\n".join(misses))
        reports += len(rows)
        all_wrong += wrong_years
        if right < least:
            below.append(f"{what}: {right:.1%} of fields right, below {least:.0%}")
    assert reports >= 60
    assert not all_wrong, all_wrong
    assert not below, below


NEWS_ITEM_LEAST = 0.9  # precision and recall of 工作动态 on the held-out texts it was not tuned on (session 41: 0.984 / 0.933)
NEWS_ITEM_TUNED_ON = 399  # the rule was written reading the held-out texts fresh/001_ to fresh/399_ (tests/data/README.md)


def test_news_items_are_typed_as_such():
    """工作动态 (a news item of a unit's work), scored on the held-out rows read for it: precision over the texts typed so
    (right where the label allows it), recall over those the label types so alone; printed for the texts the rule was
    tuned on and for the others, and required on the others."""
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    scores = {}
    for part, chosen in (("tuned on", lambda n: n <= NEWS_ITEM_TUNED_ON), ("not tuned on", lambda n: n > NEWS_ITEM_TUNED_ON)):
        typed = right = labelled = found = 0
        for row in _rows("metadata_labels_held_out.tsv"):
            if not chosen(int(Path(row["source"]).name.split("_")[0])):
                continue
            kinds = {a.strip() for a in row["doc_type"].split(" | ")}
            got = _meta(row["source"])["doc_type"] == NEWS_ITEM
            typed += got
            right += got and NEWS_ITEM in kinds
            labelled += kinds == {NEWS_ITEM}
            found += got and kinds == {NEWS_ITEM}
        scores[part] = (right / typed if typed else 0.0, found / labelled)
        print(f"\n{NEWS_ITEM}, held-out texts {part}: P {scores[part][0]:.3f} ({right}/{typed}), R {scores[part][1]:.3f} "
              f"({found}/{labelled})")
    assert min(scores["not tuned on"]) >= NEWS_ITEM_LEAST, scores

