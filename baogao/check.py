"""`baogao check`: prove that every report's text reached its page, character for character.

Runs after `mkdocs build`. For each catalog entry it takes the report text the page shows
(`baogao.pagetext`: the marked text element, minus the metadata panel and permalink marks) and
requires the report's kept text to appear in it, in order and complete, white space aside.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from baogao.catalog import CATALOG_FILE
from baogao.pagetext import visible_text
from baogao.workers import ordered_map, worker_pool

_WHITE_SPACE = re.compile(r"\s+")
CONTEXT = 20
CHUNK = 64  # pages per worker task: parsing one takes about 3 ms (see baogao.workers)


@dataclass(frozen=True)
class Loss:
    report_id: str
    source: str
    detail: str

    def __str__(self) -> str:
        return f"{self.source}: {self.detail} (page reports/{self.report_id}.html)"


def squeeze(text: str) -> str:
    return _WHITE_SPACE.sub("", text)


def check_site(site_dir: Path, pages_dir: Path, workers: int | None = None,
               skip: Collection[str] | None = None) -> tuple[int, list[Loss]]:
    """(number of reports checked, losses found); pages are parsed on all cores. `skip`: page
    URLs not to read (taken unchanged from a checked site, baogao.pagereuse)."""
    catalog = json.loads((site_dir / CATALOG_FILE).read_text(encoding="utf-8"))
    jobs = [(site_dir, pages_dir, entry) for entry in catalog if not skip or entry["url"] not in skip]
    with worker_pool(len(jobs), CHUNK, workers) as pool:
        found = list(ordered_map(pool, _check_report, jobs, CHUNK))
    return len(jobs), [loss for loss in found if loss is not None]


def pages_mismatch(site_dir: Path, pages_dir: Path) -> str:
    """Why `baogao check SITE --pages PAGES` cannot compare them ("" when it can): SITE is no site baogao built,
    or PAGES does not hold the converted text of one of its reports (another archive's pages folder, or a report
    converted again or removed since the site was built)."""
    for folder in (site_dir, pages_dir):
        if not folder.is_dir():
            return f"'{folder}' is not a folder"
    try:
        ids = [(entry["id"], entry["source"]) for entry in json.loads((site_dir / CATALOG_FILE).read_text(encoding="utf-8"))]
    except (OSError, ValueError, KeyError, TypeError) as err:  # missing, damaged, or another program's
        return f"'{site_dir}' is not a site baogao built: its {CATALOG_FILE} cannot be read ({type(err).__name__}: {err})"
    for report_id, source in ids:
        if not (pages_dir / "text" / f"{report_id}.txt").is_file():
            return (f"'{pages_dir}' does not hold the converted text of this site's report {source}: give the pages folder "
                    "the site was built from with --pages (a build names it on its line 'baogao convert: … (REPORTS → "
                    "PAGES)'); if it is that folder, the report was converted again or removed since: build the site again")
    return ""


def _check_report(job: tuple[Path, Path, dict]) -> Loss | None:
    site_dir, pages_dir, entry = job
    page = site_dir / entry["url"]
    if not page.is_file():
        return Loss(entry["id"], entry["source"], "page missing")
    expected = squeeze((pages_dir / "text" / f"{entry['id']}.txt").read_text(encoding="utf-8"))
    shown = squeeze(visible_text(page.read_text(encoding="utf-8")))
    if expected not in shown:
        return Loss(entry["id"], entry["source"], _first_difference(expected, shown))
    return None


def _first_difference(expected: str, shown: str) -> str:
    """Where the page first departs from the text (searched from the start of the body)."""
    start = shown.find(expected[:CONTEXT]) if expected else -1
    if start < 0:
        return f"text not found on the page; it starts {expected[:CONTEXT]!r}"
    for i, (want, got) in enumerate(zip(expected, shown[start:])):
        if want != got:
            return f"differs at character {i}: text {expected[i:i + CONTEXT]!r}, page {shown[start + i:start + i + CONTEXT]!r}"
    return f"page ends early at character {len(shown) - start} of {len(expected)}"
