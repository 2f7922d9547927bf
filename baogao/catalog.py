"""The archive-wide pages: catalog.json, the home page, the pages by year, by level, type,
region and office, the theme pages, and each report's neighbours.

Runs at the end of each conversion batch, over the metadata of every report (converted now
or unchanged), so these pages always describe the whole archive. A file whose bytes would not
change is not written (so the page reuse and the file memories of the next stages see it
untouched); a listing or theme page is not even rendered while what it is made of (`Pages.made_of`:
its lines, and the fields of each report it lists) is what the page on disk was made of
(PAGES_MEMO_FILE), so an edit renders the pages of the groups whose members changed; and the 提法库
page is not computed again while its inputs (each report's id, year and formulations, and the code
that lays it out) are those it was written from (MEMO_FILE).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, NamedTuple

from baogao.analysis import formulations
from baogao.enrich import is_full_office
from baogao.filememo import FileMemo
from baogao.listing_html import block, element
from baogao.manifest import sha256_of
from baogao.render import escape_markdown
from baogao import schema
from baogao.schema import LEVELS
from baogao.themes import Taxonomy
from baogao.titles import file_stem

CATALOG_FILE = "catalog.json"
NEIGHBOURS_FILE = "neighbours.json"
MEMO_FILE = ".catalog-memo.json"  # the 提法库 page's input digest and the digest of the page written from it
# The inputs the archive-wide pages were last made from and the digest of every file made
# (`write_site_pages`): while both hold, a build does not make them again (at 100 000 reports 55 s).
PAGES_MEMO_FILE = ".site-pages-memo.json"
PAGES_DIGESTS_FILE = ".site-pages-digests.json"  # their files' digests, by inode, size and time (baogao.filememo)
# The fields flagged `catalog` in the schema, and each report's page URL after its id.
CATALOG_FIELDS = ("id", "url", *(name for name in schema.CATALOG_FIELDS if name != "id"))
NEWEST_ON_HOME = 10
# A list of more reports than this (a level's, a type's, a theme's at 10 000 reports: 9 000 of them, 3 MB of HTML) is
# paged by year: slow to open on an office PC as one page, and written and rendered again whole whenever a report is
# added. Its page lists the newest year and links a page for each other year (`by_year_pages`).
YEAR_PAGES_FROM = 1000
UNKNOWN = "unknown"
_UNSAFE_IN_FILE_NAME = re.compile(r"[^\w\u4e00-\u9fff-]+")
# names a value cannot take as they are: a facet's own index page, and the devices Windows reserves (a site on a USB disk)
_RESERVED_FILE_NAMES = frozenset({"index", "con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in "0123456789¹²³")})
SLUG_BYTES = 160  # a page's name in UTF-8 bytes at most, digest aside: its temporary name (.NAME.md.PID.tmp) within 255


def report_url(report_id: str) -> str:
    """Site-relative URL of a report page (use_directory_urls is off: works from file:// too)."""
    return f"reports/{report_id}.html"


def newest_first(metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports with a year (or a lower bound, year_min) first, newest first; within a year the
    dated ones newest first; then by display title and id for a stable order."""
    return sorted(metas, key=_newest_key)


def _newest_key(m: dict[str, Any]) -> tuple[Any, ...]:
    year, date = _sort_year(m), m.get("date")
    # ISO dates (YYYY-MM-DD) order as strings do: the later one first, by its negated ordinal
    return (year is None, -(year or 0), not date, -_ordinal(date) if date else 0, m["display_title"], m["id"])


@lru_cache(maxsize=1 << 14)
def _ordinal(date: str) -> int:
    return datetime.date.fromisoformat(date).toordinal()


def distinct_titles(metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The metas with display titles that tell reports apart across the archive: reports that
    would be listed under one title (the same notice issued three times a year) get their date
    after it when the dates differ, else their source file's name (2025年…典型问题（4月27日）).
    Runs when the archive-wide pages are written; a report's own page cites it under this title."""
    by_title: dict[str, list[dict[str, Any]]] = {}
    for meta in metas:
        by_title.setdefault(meta["display_title"], []).append(meta)
    shown: dict[str, str] = {}
    for title, group in by_title.items():
        if len(group) < 2:
            continue
        dates = [m.get("date") or "" for m in group]
        stems = [file_stem(m["source"]) for m in group]
        if all(dates) and len(set(dates)) == len(dates):
            tells = [_date_text(date, title) for date in dates]
        else:  # the same stem in two folders: the path under reports/
            tells = stems if len(set(stems)) == len(stems) else [m["source"] for m in group]
        for meta, tell in zip(group, tells):
            shown[meta["id"]] = f"{title}（{tell}）"
    return [{**meta, "display_title": shown[meta["id"]]} if meta["id"] in shown else meta for meta in metas]


def _date_text(date: str, title: str) -> str:
    """4月27日, or 2025年4月27日 when the title does not already say 2025年."""
    day = datetime.date.fromisoformat(date)
    return f"{day.month}月{day.day}日" if f"{day.year}年" in title else f"{day.year}年{day.month}月{day.day}日"


def _sort_year(meta: dict[str, Any]) -> int | None:
    return meta["year"] or meta.get("year_min")


def year_text(meta: dict[str, Any]) -> str:
    """2023, 2012年以后 (only a lower bound is known), or "" (unknown)."""
    if meta["year"]:
        return str(meta["year"])
    return f"{meta['year_min']}年以后" if meta.get("year_min") else ""


def page_slug(value: str) -> str:
    """A file name for a facet value or theme: readable, safe on any file system, and the value's alone. A value
    the name cannot keep as it is — punctuation (湖南省（长沙） and 湖南省(长沙) both read 湖南省-长沙), a name cut at
    SLUG_BYTES, capitals (a Windows or macOS disk folds ABC and abc into one file), index or a Windows device
    name — has a digest of itself added: two values never share a page, nor replace a facet's index page, and a
    value's page does not depend on which other values the archive holds."""
    slug = _UNSAFE_IN_FILE_NAME.sub("-", value).strip("-").encode("utf-8")[:SLUG_BYTES].decode("utf-8", "ignore")
    if slug == value and slug == slug.lower() and slug not in _RESERVED_FILE_NAMES:
        return slug
    return f"{slug or 'x'}-{hashlib.sha256(value.encode('utf-8')).hexdigest()[:8]}"


def theme_page(theme: str) -> str:
    """A theme's page (pages-relative Markdown): it lists every report of the theme, and a
    report page's theme chips link to it."""
    return f"themes/{page_slug(theme)}.md"


class Listed(NamedTuple):
    """A list of reports in a page's lines: its reports (newest first) and the link prefix to the site root."""

    metas: list[dict[str, Any]]
    prefix: str


@dataclass(frozen=True)
class Pages:
    """Pages that list reports, in `folder`: each page's Markdown lines (by path in the folder), a list of reports
    standing in them as a `Listed` for the lines `listed` writes of it. What `listed` writes of a report is a function
    of `item(meta)` (and the prefix), so a page is a function of its `made_of`: `_write_site_pages` renders only the
    pages whose `made_of` changed."""

    folder: str
    plans: dict[str, list[str | Listed]]
    listed: Callable[[list[dict[str, Any]], str], list[str]]
    item: Callable[[dict[str, Any]], tuple[Any, ...]]

    def text(self, path: str) -> str:
        return "\n".join(line for part in self.plans[path]
                         for line in ([part] if isinstance(part, str) else self.listed(part.metas, part.prefix)))

    def texts(self) -> dict[str, str]:
        return {path: self.text(path) for path in self.plans}

    def made_of(self, path: str, code: str) -> str:
        """The digest of what page `path` is made of: `code` (the package's), its lines and its lists' items."""
        parts = [part if isinstance(part, str) else [part.prefix, *map(self.item, part.metas)] for part in self.plans[path]]
        return hashlib.sha256(json.dumps([code, parts], ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True)
class Facet:
    """One way to browse: a field, its label, and where its pages go (one page per value)."""

    field: str
    label: str
    folder: str
    order: str = "count"  # "count" (most reports first), "value" or "newest" (years)

    def value(self, meta: dict[str, Any]) -> str:
        value = meta.get(self.field)
        return str(value) if value not in (None, "") else UNKNOWN

    def value_label(self, value: str) -> str:
        if value == UNKNOWN:
            return f"{self.label}不详"
        return f"{value} 年" if self.field == "year" else value

    def groups(self, metas: list[dict[str, Any]]) -> list[tuple[str, list[Any]]]:
        """[(value, its reports newest first)…] in facet order (a GroupedFacet's: by page, below)."""
        return self.grouped(newest_first(metas))

    def grouped(self, newest: list[dict[str, Any]]) -> list[tuple[str, list[Any]]]:
        """`groups` of reports already newest first (write_site_pages sorts the archive once)."""
        return self._by_value(newest)

    def _by_value(self, newest: list[dict[str, Any]]) -> list[tuple[str, list[Any]]]:
        grouped: dict[str, list[dict[str, Any]]] = {}
        key: Callable[[tuple[str, list[dict[str, Any]]]], tuple[Any, ...]]
        for meta in newest:
            grouped.setdefault(self.value(meta), []).append(meta)
        if self.order == "newest":
            key = lambda item: (item[0] == UNKNOWN, -int(item[0]) if item[0] != UNKNOWN else 0)  # noqa: E731
        elif self.order == "value":
            key = lambda item: (item[0] == UNKNOWN, LEVEL_ORDER.get(item[0], 99), item[0])  # noqa: E731
        else:
            key = lambda item: (item[0] == UNKNOWN, -len(item[1]), item[0])  # noqa: E731
        return sorted(grouped.items(), key=key)

    def links(self, metas: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
        """(label, link relative to the facet folder, reports) of every value, in facet order."""
        return self.links_of(self.groups(metas))

    def links_of(self, groups: list[tuple[str, list[dict[str, Any]]]]) -> list[tuple[str, str, int]]:
        return [(self.value_label(v), f"{page_slug(v)}.md", len(r)) for v, r in groups]

    def index_page(self, groups: list[tuple[str, list[dict[str, Any]]]]) -> str:
        """The facet's index page, from its `grouped` reports."""
        lines = _front(f"按{self.label}浏览") + [f"# 按{self.label}浏览", ""]
        lines += [f"- [{escape_markdown(label)}]({link})（{n} 篇）" for label, link, n in self.links_of(groups)]
        return "\n".join(lines) + "\n"

    def pages(self, metas: list[dict[str, Any]]) -> dict[str, str]:
        """{file name in the folder: Markdown} of the value pages."""
        return self.pages_of(self.groups(metas)).texts()

    def pages_of(self, groups: list[tuple[str, list[dict[str, Any]]]]) -> Pages:
        """The value pages (and their year pages: `by_year_pages`), by path in the folder."""
        prefix = "../" * (self.folder.count("/") + 1)
        split = self.field != YEARS.field  # (the years' own pages are one year each)
        plans = {}
        for value, reports in groups:
            plans.update(by_year_pages(page_slug(value), self.value_label(value), [], reports, prefix, split))
        return Pages(self.folder, plans, _report_list, _fields)


@dataclass(frozen=True)
class GroupedFacet(Facet):
    """A facet with many small values (offices): one page per value of `by` (region), with a
    section per value. One page per office would be thousands of pages of one or two reports
    each — at 10 000 generated reports, 6 459 pages and a quarter of the MkDocs build."""

    by: Facet = Facet("region", "地区", "")

    def grouped(self, newest: list[dict[str, Any]]) -> list[tuple[str, list[Any]]]:
        """[(page value, [(value, reports)…])…] of reports newest first: pages in `by` order,
        values by count (the pairs `sections` numbers)."""
        return [(page, self._by_value(members)) for page, members in self.by.grouped(newest)]

    def sections(self, metas: list[dict[str, Any]]) -> list[tuple[str, list[tuple[str, str, list[dict[str, Any]]]]]]:
        """[(page value, [(value, anchor, reports)…])…]: pages in `by` order, values by count."""
        return self._sections(self.groups(metas))

    def _sections(self, groups: list[Any]) -> list[tuple[str, list[tuple[str, str, list[dict[str, Any]]]]]]:
        return [(page, [(v, f"v{i}", r) for i, (v, r) in enumerate(values, 1)]) for page, values in groups]

    def links_of(self, groups: list[Any]) -> list[tuple[str, str, int]]:
        found = [(self.value_label(v), f"{page_slug(page)}.md#{anchor}", len(r))
                 for page, values in self._sections(groups) for v, anchor, r in values]
        return sorted(found, key=lambda item: -item[2])  # stable: most reports first, then page order

    def index_page(self, groups: list[Any]) -> str:
        lines = _front(f"按{self.label}浏览") + [f"# 按{self.label}浏览", "", f"按{self.by.label}分组，每组一页。", ""]
        for page, values in self._sections(groups):
            lines += [f"## [{escape_markdown(self.by.value_label(page))}]({page_slug(page)}.md)", ""]
            lines += ["，".join(f"[{escape_markdown(self.value_label(v))}]({page_slug(page)}.md#{anchor}) {len(r)}"
                               for v, anchor, r in values), ""]
        return "\n".join(lines) + "\n"

    def pages_of(self, groups: list[Any]) -> Pages:
        prefix = "../" * (self.folder.count("/") + 1)
        plans = {}
        for page, values in self._sections(groups):
            title = f"{self.by.value_label(page)} · {self.label}"
            lines: list[str | Listed] = [*_front(title), f"# {escape_markdown(title)}", "",
                                         f"{len(values)} 个{self.label}，共 {sum(len(r) for _, _, r in values)} 篇（各单位内新到旧）。", ""]
            for value, anchor, reports in values:
                lines += [f"## {escape_markdown(self.value_label(value))}（{len(reports)} 篇） {{#{anchor}}}", Listed(reports, prefix)]
            plans[f"{page_slug(page)}.md"] = lines
        return Pages(self.folder, plans, _report_list, _fields)


LEVEL_ORDER = {level: i for i, level in enumerate(LEVELS)}  # the level pages list 中央 first, 乡 last
YEARS = Facet("year", "年份", "years", order="newest")
FACETS = (
    YEARS,
    Facet("level", "层级", "browse/level", order="value"),
    Facet("doc_type", "文种", "browse/type"),
    Facet("region", "地区", "browse/region"),
    GroupedFacet("org", "发文单位", "browse/org"),
)


# Every folder of generated pages (the baogao MkDocs plugin adds their *.md files to the build).
GENERATED_FOLDERS = ("reports", "browse", "themes", *(facet.folder for facet in FACETS))
# The original files of reports not read from .txt (ID.docx, ID.pdf …), copied into the site
# as they are, for the download link of their page (the front matter's `original`).
ORIGINALS_FOLDER = "originals"


def catalog_entries(newest: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """catalog.json's entries, of reports newest first."""
    entries = []
    for meta in newest:
        entry = {"url": report_url(meta["id"]), **meta}
        entries.append({key: entry.get(key) for key in CATALOG_FIELDS})
    return entries


def write_site_pages(
    entries: list[dict[str, Any]], pages_dir: Path, write: Callable[[Any, str], None], taxonomy: Taxonomy | None = None
) -> None:
    """Write every archive-wide page into `pages_dir` (through `write`, only the files whose
    bytes change; a listing or theme page rendered only when what it is made of changed); remove
    generated pages now empty.

    `entries` are conversion-state entries: {"meta": front matter, "sections": theme matches,
    "formulations": its 提法 (baogao.analysis.formulations), "full_office": whether its office is
    named whole (`neighbours`)}.
    """
    try:
        _write_site_pages(entries, pages_dir, write, taxonomy)
    finally:
        _list_item.cache_clear()  # one run's list items, not kept beyond it


def _write_site_pages(
    entries: list[dict[str, Any]], pages_dir: Path, write: Callable[[Any, str], None], taxonomy: Taxonomy | None
) -> None:
    inputs = _inputs(entries, taxonomy)
    digests = FileMemo(pages_dir / PAGES_DIGESTS_FILE)
    memo = _memo(pages_dir)
    if inputs and memo.get("inputs") == inputs and _as_written(pages_dir, memo, digests):
        digests.save()
        return
    made: dict[str, str] = {}  # site-relative path → SHA-256 of what it holds now
    write_memo, write = write, _recorded(_when_changed(write), pages_dir, made)
    # listing and theme page path → what it is made of (`Pages.made_of`); without every report's conversion key (an
    # older state) a theme page's sections cannot be told: every page rendered
    made_of: dict[str, str] = {}
    was_made_of: dict[str, str] = memo.get("made_of", {}) if inputs else {}
    was_files: dict[str, str] = memo.get("files", {})
    metas = distinct_titles([entry["meta"] for entry in entries])
    own_titles = {entry["meta"]["id"]: entry["meta"]["display_title"] for entry in entries}
    entries = [{**entry, "meta": meta} for entry, meta in zip(entries, metas)]
    written = {CATALOG_FILE, NEIGHBOURS_FILE, "index.md"}

    def write_pages(pages: Pages) -> None:
        """Write `pages`, rendering only those whose `made_of` is not that of the page on disk."""
        for name in pages.plans:
            path = f"{pages.folder}/{name}"
            written.add(path)
            if inputs:
                made_of[path] = pages.made_of(name, _code_digest())
                if made_of[path] == was_made_of.get(path) and _holds(pages_dir / path, was_files.get(path), digests):
                    made[path] = was_files[path]  # the page on disk, as made from the same
                    continue
            write(pages_dir / path, pages.text(name))

    # a report a line: readable and diffable, written by json's C encoder (an indent takes its
    # pure-Python one, ~5 times the time)
    newest = newest_first(metas)  # the archive sorted once; every list below keeps this order
    catalog_lines = (json.dumps(entry, ensure_ascii=False) for entry in catalog_entries(newest))
    write(pages_dir / CATALOG_FILE, "[\n" + ",\n".join(catalog_lines) + "\n]\n")
    # (an entry of an older state has no "full_office": then every office is told again)
    offices = {e["meta"]["id"] for e in entries if e["full_office"]} if all("full_office" in e for e in entries) else None
    write(pages_dir / NEIGHBOURS_FILE, json.dumps(neighbours(metas, own_titles, offices), ensure_ascii=False, sort_keys=True) + "\n")
    theme_counts = _theme_counts(entries, taxonomy)
    grouped = {facet.folder: facet.grouped(newest) for facet in FACETS}  # each facet's groups, made once
    write(pages_dir / "index.md", _home_page(metas, theme_counts, newest, grouped[YEARS.folder]))

    for facet in FACETS:
        written.add(f"{facet.folder}/index.md")
        write(pages_dir / facet.folder / "index.md", facet.index_page(grouped[facet.folder]))
        write_pages(facet.pages_of(grouped[facet.folder]))
    written.add("browse/index.md")
    write(pages_dir / "browse" / "index.md", _browse_index(grouped))
    _write_formulations(entries, pages_dir, write)

    if taxonomy:
        written.add("themes/index.md")
        write(pages_dir / "themes" / "index.md", _themes_index(taxonomy, theme_counts))
        by_id = {entry["meta"]["id"]: entry for entry in entries}
        tagged: dict[str, list[dict[str, Any]]] = {theme.name: [] for theme in taxonomy.themes}
        for meta in newest:  # each theme's reports, newest first, in one pass
            for name in dict.fromkeys(meta["themes"]):
                tagged.get(name, []).append(meta)
        for theme in taxonomy.themes:
            write_pages(_theme_pages(theme.name, theme.description, tagged[theme.name], by_id))

    for folder in ("years", "browse", "themes"):
        for stale in sorted((pages_dir / folder).rglob("*.md")):
            if stale.relative_to(pages_dir).as_posix() not in written:
                stale.unlink()
                if not any(stale.parent.iterdir()):  # a value's year pages, all gone (a folder always holds its index)
                    stale.parent.rmdir()
    digests.save()
    if inputs:
        tifa = pages_dir / formulations.PAGE  # not written when its own memory held: as it stands
        if formulations.PAGE not in made and tifa.is_file():
            made[formulations.PAGE] = hashlib.sha256(tifa.read_bytes()).hexdigest()
        write_memo(pages_dir / PAGES_MEMO_FILE, json.dumps({"inputs": inputs, "files": made, "made_of": made_of}, sort_keys=True))


@lru_cache(maxsize=1)
def _code_digest() -> str:
    """The digest of the package's code (any change: every archive-wide page made again once)."""
    digest = hashlib.sha256()
    for module in sorted(Path(__file__).parent.rglob("*.py")):
        digest.update(module.read_bytes())
    return digest.hexdigest()


def _inputs(entries: list[dict[str, Any]], taxonomy: Taxonomy | None) -> str | None:
    """The digest of what the archive-wide pages are made of: each report's source and
    conversion key (its code, bytes, sidecar and taxonomy: what its entry was made from), the
    taxonomy and the package's code; None when an entry has no key (kept from an older state)."""
    if any("key" not in entry for entry in entries):
        return None
    digest = hashlib.sha256(((taxonomy.digest if taxonomy else "") + _code_digest()).encode())
    digest.update(json.dumps([[entry["meta"]["source"], entry["key"]] for entry in entries], ensure_ascii=False).encode())
    return digest.hexdigest()


def _memo(pages_dir: Path) -> dict[str, Any]:
    """What the last build made (PAGES_MEMO_FILE: "inputs", "files" and "made_of", `_write_site_pages`); {} when
    missing or damaged."""
    try:
        memo = json.loads((pages_dir / PAGES_MEMO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    valid = isinstance(memo, dict) and all(isinstance(memo.get(key, {}), dict) for key in ("files", "made_of"))
    return memo if valid else {}


def _as_written(pages_dir: Path, memo: dict[str, Any], digests: FileMemo) -> bool:
    """Whether every file the last build made (`memo`) holds what it made and no other page stands
    in their folders (a missing, edited or added file: made again)."""
    files: dict[str, str] = memo.get("files", {})
    present = {path.relative_to(pages_dir).as_posix() for folder in ("years", "browse", "themes")
               for path in (pages_dir / folder).rglob("*.md")}
    return present <= files.keys() and all(_holds(pages_dir / name, sha, digests) for name, sha in files.items())


def _holds(path: Path, sha256: str | None, digests: FileMemo) -> bool:
    """Whether file `path` holds the bytes of digest `sha256` (read only when not the file hashed before: `digests`)."""
    try:
        return sha256_of(path, digests) == sha256
    except OSError:
        return False


def _recorded(write: Callable[[Path, str], None], pages_dir: Path, made: dict[str, str]) -> Callable[[Path, str], None]:
    """`write`, noting the digest of each page's text in `made` (by path in `pages_dir`; not a
    memory such as MEMO_FILE, written through it too)."""
    def write_recorded(path: Path, text: str) -> None:
        write(path, text)
        if not path.name.startswith("."):
            made[path.relative_to(pages_dir).as_posix()] = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return write_recorded



def _when_changed(write: Callable[[Any, str], None]) -> Callable[[Path, str], None]:
    """`write`, called only when the file is missing or holds other bytes."""
    def write_changed(path: Path, text: str) -> None:
        data = text.encode("utf-8")
        try:
            if path.stat().st_size == len(data) and path.read_bytes() == data:
                return
        except OSError:
            pass  # missing or unreadable: written
        write(path, text)
    return write_changed


def _write_formulations(entries: list[dict[str, Any]], pages_dir: Path, write: Callable[[Path, str], None]) -> None:
    """The 提法库 page, computed only when its inputs are not those the page on disk was written
    from (MEMO_FILE: a missing, damaged or edited page is computed again)."""
    inputs = hashlib.sha256(Path(formulations.__file__).read_bytes())
    inputs.update(json.dumps([[e["meta"]["id"], e["meta"].get("year"), e.get("formulations", [])] for e in entries],
                             ensure_ascii=False).encode("utf-8"))
    path, memo_path = pages_dir / formulations.PAGE, pages_dir / MEMO_FILE
    try:
        memo = json.loads(memo_path.read_text(encoding="utf-8"))
        if memo[formulations.PAGE] == [inputs.hexdigest(), hashlib.sha256(path.read_bytes()).hexdigest()]:
            return
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no memory, or not of this page: computed
    page = formulations.page(entries)
    write(path, page)
    memo = {formulations.PAGE: [inputs.hexdigest(), hashlib.sha256(page.encode("utf-8")).hexdigest()]}
    write(memo_path, json.dumps(memo))


def neighbours(metas: list[dict[str, Any]], own_titles: dict[str, str] | None = None,
               full_offices: set[str] | None = None) -> dict[str, dict[str, Any]]:
    """What the archive adds to a report's page: the previous/next report of the same office
    (full name and region), else of the same year, in archive order — a bare office name
    (县政府办公室: which county?) links nothing, and neither does an unknown year — and, for a
    report listed under another title than its page's own (`own_titles`, before
    distinct_titles), that title ("title": its page cites it). `full_offices`: the ids of the
    reports whose office is named whole, as conversion found (None: `enrich.is_full_office` tells)."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for meta in reversed(newest_first(metas)):  # oldest first: "next" is the later report
        org = meta.get("org")
        if org and (meta["id"] in full_offices if full_offices is not None else _is_full_office(org)):
            key: tuple[str, ...] = ("org", meta["org"], meta.get("region") or "")
        elif meta["year"]:
            key = ("year", str(meta["year"]))
        else:
            continue
        groups.setdefault(key, []).append(meta)
    out: dict[str, dict[str, Any]] = {}
    for (kind, *_), members in groups.items():
        for i, meta in enumerate(members):
            link = lambda m: {"url": report_url(m["id"]), "title": m["display_title"], "year": _year_beside(m)}  # noqa: E731
            out[meta["id"]] = {
                "by": kind,
                "prev": link(members[i - 1]) if i > 0 else None,
                "next": link(members[i + 1]) if i + 1 < len(members) else None,
            }
    for meta in metas:
        if own_titles and own_titles.get(meta["id"], meta["display_title"]) != meta["display_title"]:
            out.setdefault(meta["id"], {"by": None, "prev": None, "next": None})["title"] = meta["display_title"]
    return out


def _year_beside(meta: dict[str, Any]) -> str:
    """The year a link shows beside its title: none when the title already says it."""
    year = year_text(meta)
    return "" if meta["year"] and f"{meta['year']}年" in meta["display_title"] else year


def _theme_counts(entries: list[dict[str, Any]], taxonomy: Taxonomy | None) -> list[tuple[str, int, int]]:
    """(theme, reports, sections) in taxonomy order."""
    if not taxonomy:
        return []
    reports: Counter[str] = Counter()
    sections: Counter[str] = Counter()
    for entry in entries:
        for theme in entry["meta"]["themes"]:
            reports[theme] += 1
        for section in entry.get("sections", []):
            sections[section["theme"]] += 1
    return [(name, reports[name], sections[name]) for name in taxonomy.names()]


@lru_cache(maxsize=1 << 16)  # a report's title, office, region … are written on 5 to 8 pages
def _data(text: str) -> str:
    """Report data (a title, an office, a passage) in a listing block, escaped and marked
    translate="no": the reports' own wording, never the interface's (the interface is Chinese
    throughout; tests/test_a11y_browser.py checks it and skips what is so marked)."""
    return element("span", text=text, translate="no")


def _details(meta: dict[str, Any]) -> str:
    return _joined_details(year_text(meta), meta["org"] or "", meta["level"] or "", meta["region"] or "", meta["doc_type"])


@lru_cache(maxsize=1 << 16)  # reports share their year, office, level …
def _joined_details(*parts: str) -> str:
    return " · ".join(_data(p) for p in parts if p)


@lru_cache(maxsize=1 << 16)  # the same office on many reports (neighbours asks per report)
def _is_full_office(org: str) -> bool:
    return is_full_office(org)


def _report_list(metas: list[dict[str, Any]], prefix: str) -> list[str]:
    """A list of reports (title linked to its page, then its year, office … in small type), as
    a listing block (baogao.listing_html): pages of thousands of lines that Markdown need not parse."""
    return block(["<ul>", *(_list_item(_fields(m), prefix) for m in metas), "</ul>"])


def _fields(m: dict[str, Any]) -> tuple[Any, ...]:
    """What a report's line in a list is made of (a theme page's too, beside its sections)."""
    return m["id"], m["display_title"], m["year"], m.get("year_min"), m["org"], m["level"], m["region"], m["doc_type"]


# A report is listed on 5 to 8 pages (its year, level, type, region, office …) under two prefixes:
# its item is made once (cleared when write_site_pages ends, so as not to outlive it).
@lru_cache(maxsize=1 << 18)
def _list_item(fields: tuple[Any, ...], prefix: str) -> str:
    report_id, title, year, year_min, org, level, region, doc_type = fields
    meta = {"year": year, "year_min": year_min, "org": org, "level": level, "region": region, "doc_type": doc_type}
    return element("li", element("a", _data(title), href=f"{prefix}reports/{report_id}.md"), " ", element("small", _details(meta)))


def _front(title: str, *hide: str) -> list[str]:
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if hide:
        lines += ["hide:"] + [f"  - {h}" for h in hide]
    return lines + ["---", ""]


def _home_page(metas: list[dict[str, Any]], theme_counts: list[tuple[str, int, int]], newest: list[dict[str, Any]],
               years: list[tuple[str, list[dict[str, Any]]]]) -> str:
    """The home page: `newest` the metas newest first, `years` YEARS' groups of them."""
    total_chars = sum(meta["chars"] for meta in metas)
    types = Counter(meta["doc_type"] for meta in metas)
    lines = _front("报告归档", "navigation", "toc") + [
        "# 报告归档", "",
        f"本归档共收录 **{len(metas)}** 篇报告，合计 **{total_chars:,}** 字。", "",
        '<form class="baogao-home-search" action="search.html" method="get" role="search">'
        '<input type="search" name="q" placeholder="查找原文词句，例如：马上就办 真抓实干" aria-label="查找原文词句">'
        '<button type="submit">检索</button></form>', "",
    ]
    if types:
        lines += ["按文种：" + "，".join(f"[{t}](browse/type/{page_slug(t)}.md) {n} 篇" for t, n in
                                      sorted(types.items(), key=lambda x: (-x[1], x[0]))) + "。", ""]
    lines += ["## 最新报告"] + _report_list(newest[:NEWEST_ON_HOME], "")
    if theme_counts:
        lines += ["", "## 主题", ""]
        lines += [f"- [{escape_markdown(name)}](themes/{page_slug(name)}.md)（{r} 篇，{s} 处）" for name, r, s in theme_counts if r]
    lines += ["", "## 按年份浏览", ""]
    lines += [f"- [{YEARS.value_label(year)}](years/{page_slug(year)}.md)（{len(reports)} 篇）" for year, reports in years]
    lines += ["", "更多：[按层级、文种、地区、发文单位浏览](browse/index.md)"]
    return "\n".join(lines) + "\n"


def _browse_index(grouped: dict[str, list[Any]]) -> str:
    """The browse index, from each facet's groups (by folder)."""
    lines = _front("分类浏览") + ["# 分类浏览", ""]
    for facet in FACETS:
        folder = facet.folder.removeprefix("browse/")
        links = facet.links_of(grouped[facet.folder])
        top = "，".join(f"[{escape_markdown(label)}]({folder}/{link}) {n}" for label, link, n in links[:8])
        prefix = "../" if facet.folder == "years" else ""
        lines += [f"## [{facet.label}]({prefix}{folder}/index.md)", "",
                  f"{len(links)} 类。" + (f"{top}{'……' if len(links) > 8 else ''}" if facet.folder != "years" else ""), ""]
    return "\n".join(lines) + "\n"


def _themes_index(taxonomy: Taxonomy, counts: list[tuple[str, int, int]]) -> str:
    lines = _front("按主题浏览") + [
        "# 按主题浏览", "",
        "每个主题列出谈到它的报告段落（逐节按各主题的关键词判断"
        + ("；关键词分数不足、但含主题词语的段落，由训练模型判定补充，依据中注明" if any(t.model for t in taxonomy.themes) else "")
        + "），点击直达该段。", "",
        "| 主题 | 报告 | 段落 | 说明 |", "| --- | ---: | ---: | --- |",
    ]
    descriptions = {theme.name: theme.description for theme in taxonomy.themes}
    for name, reports, sections in counts:
        lines.append(f"| [{escape_markdown(name)}]({page_slug(name)}.md) | {reports} | {sections} | {escape_markdown(descriptions[name])} |")
    return "\n".join(lines) + "\n"


def _evidence(section: dict[str, Any]) -> str:
    where = {"heading": "标题", "lead": "首句", "text": "正文"}
    words = "，".join(f"{word}×{count}（{where.get(place, place)}）" for word, count, place in section["evidence"][:6])
    # a section the trained model added (baogao.theme_model): its words fell short of the rules
    return words + (f"；训练模型判定相关（概率 {section['model']:.2f}）" if "model" in section else "")


def _theme_pages(name: str, description: str, tagged: list[dict[str, Any]], by_id: dict[str, dict[str, Any]]) -> Pages:
    """One theme's page (and its year pages: `by_year_pages`), by path in themes/: report by report (`tagged`: its
    reports' metas, newest first), the sections about it (its entry in `by_id`), linked to their anchors. A report's
    sections are a function of its entry's conversion key (`item`)."""
    def listed(metas: list[dict[str, Any]], prefix: str) -> list[str]:
        return _theme_list(name, metas, by_id, prefix)
    return Pages("themes", by_year_pages(page_slug(name), name, [escape_markdown(description), ""], tagged, "../"), listed,
                 lambda meta: (*_fields(meta), by_id[meta["id"]]["key"]))


def _theme_list(name: str, tagged: list[dict[str, Any]], by_id: dict[str, dict[str, Any]], prefix: str) -> list[str]:
    """The reports of a theme page and their sections, as one listing block (baogao.listing_html)."""
    html = []
    for meta in tagged:
        page = f"{prefix}reports/{meta['id']}.md"
        html += [element("h2", element("a", _data(meta["display_title"]), href=page)),
                 element("p", element("small", _details(meta))), "<ul>"]
        sections = [s for s in by_id[meta["id"]].get("sections", []) if s["theme"] == name]
        for section in sections:
            parts = [element("li", element("a", _data(part["label"]), href=f"{page}#{part['anchor']}" if part["anchor"] else page))
                     for part in section["parts"]]
            html.append(element(
                "li", element("strong", element("a", _data(section["label"]),
                                                href=f"{page}#{section['anchor']}" if section["anchor"] else page)),
                " ", _data(section["excerpt"]), "… ", element("small", text=f"依据：{_evidence(section)}"),
                *(["<ul>", *parts, "</ul>"] if parts else [])))
        if not sections:
            html.append(element("li", text="（主题由人工更正添加，未定位到具体段落）"))
        html.append("</ul>")
    return block(html)


def by_year_pages(slug: str, title: str, intro: list[str], newest: list[dict[str, Any]], prefix: str,
                  split: bool = True) -> dict[str, list[str | Listed]]:
    """{path: lines (`Pages`)} of a page listing `newest` (reports newest first, linked with the `prefix` to the site
    root) under `title` and the `intro` lines: `slug`.md alone, or, above YEAR_PAGES_FROM reports (and `split`),
    `slug`.md with the newest year's reports and links to `slug`/YEAR.md, one page for each other year (年份不详 last,
    unknown.md)."""
    head: list[str | Listed] = [*_front(title), f"# {escape_markdown(title)}", "", *intro]
    if not split or len(newest) <= YEAR_PAGES_FROM:
        return {f"{slug}.md": head + [f"共 {len(newest)} 篇（新到旧）。", Listed(newest, prefix), ""]}
    (first, first_reports), *years = YEARS.grouped(newest)
    anchor = f"y{page_slug(first)}"
    index = [f"[{YEARS.value_label(first)}](#{anchor}) {len(first_reports)}"]
    index += [f"[{YEARS.value_label(year)}]({slug}/{page_slug(year)}.md) {len(reports)}" for year, reports in years]
    pages = {f"{slug}.md": head + [f"共 {len(newest)} 篇，按年份分页：" + " · ".join(index), "",
                                   f"## {escape_markdown(YEARS.value_label(first))}（{len(first_reports)} 篇） {{#{anchor}}}",
                                   Listed(first_reports, prefix), ""]}
    for year, reports in years:
        year_title = f"{title} · {YEARS.value_label(year)}"
        pages[f"{slug}/{page_slug(year)}.md"] = [
            *_front(year_title), f"# {escape_markdown(year_title)}", "",
            f"共 {len(reports)} 篇（新到旧）。[{escape_markdown(title)}：全部年份](../{slug}.md)", Listed(reports, "../" + prefix), ""]
    return pages
