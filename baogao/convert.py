"""The conversion batch: every raw report → a Markdown page, its kept text and its metadata.

`convert_report` chains the five pure stages for one file; `convert_archive` runs it over a
folder: only sources whose bytes (or sidecar) changed are converted, and all of them when the
conversion code (`STAGE_CODE`), a library it calls or the taxonomy changed; on all cores, pages are
written atomically, pages of deleted sources are removed, and one bad file never stops the
batch. A source that cannot be read (baogao.sources) keeps its last page; a file rejected
unread (binary, too large) is remembered by size and modification time, and not opened again
until it changes.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import shutil
import stat
import sys
from contextlib import closing
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from collections.abc import Mapping
from typing import Any, Generator

from baogao import catalog, yamlfile
from baogao.analysis import formulations
from baogao.clean import clean
from baogao.enrich import enrich, is_full_office, post_of
from baogao.filememo import FileMemo
from baogao.parse import parse, with_inferred_title
from baogao.readers import ReadError, read, suffixes
from baogao.keywords import keywords
from baogao.model import Block, ParsedReport
from baogao.render import block_anchors, render_page
from baogao.themes import SectionMatch, Taxonomy, classify, report_themes
from baogao.schema import SchemaError, validate, validate_sidecar
from baogao.search.variants import is_traditional, to_simplified
from baogao.sources import NotAReport, Scan, read_report, resolve_inside, scan
from baogao.titles import display_title
from baogao.workers import ordered_map, worker_pool

# What a report's page is made by: the stages, the modules they call, their data. The digest of
# these files (and of the versions of STAGE_LIBRARIES) is part of every report's conversion key,
# so that any change to them converts every report again. tests/test_convert.py checks that
# the stages import nothing of baogao beyond this list.
STAGE_CODE = ("readers", "filememo.py", "clean.py", "parse.py", "gongwen.py", "enrich.py", "titles.py", "places.py", "themes.py", "keywords.py",
              "theme_model.py", "analysis/formulations.py", "listing_html.py", "search/variants.py", "render.py", "schema.py",
              "model.py", "sources.py", "workers.py", "yamlfile.py", "convert.py", "data")
STAGE_LIBRARIES = ("charset-normalizer", "cpca", "defusedxml", "google-re2", "jieba", "olefile", "opencc", "pypdfium2",
                   "rjieba", "pymdown-extensions", "pyyaml")
PACKAGE = Path(__file__).parent
STATE_FILE = ".baogao-state.json"
PREPARED_FOLDER = "prepared"  # ID.json: each report's Prepared (what a themes.yml edit re-classifies)
SIDECAR_SUFFIX = ".meta.yml"
SIDECAR_MAX_BYTES = 64 * 1024  # a sidecar corrects a few fields, each one short line
SOURCES_FILE = ".baogao-sources.json"  # the SHA-256 of the reports read, by inode and time (baogao.filememo)

log = logging.getLogger("baogao")


class ReportError(ValueError):
    """A report that cannot become a page; the message names the file."""


@dataclass(frozen=True)
class Converted:
    page: str  # Markdown with front matter
    text: str  # the kept text, one line per title/block
    meta: dict[str, Any]
    sections: list[dict[str, Any]] = field(default_factory=list)  # theme matches, for theme pages
    formulations: list[str] = field(default_factory=list)  # for the 提法库 page
    # whether its office is named whole (enrich.is_full_office): what links it to that office's reports
    # (catalog.neighbours), told here, in the worker, so that the archive-wide pages need not load the place names
    full_office: bool = False
    prepared: str | None = None  # Prepared.to_json, when the report was read (not re-classified)


@dataclass
class Summary:
    converted: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: int = 0  # pages kept from the last run: their source cannot be read now
    reclassified: int = 0  # of the converted: classified and rendered again, not read (themes.yml edited)
    failed: list[str] = field(default_factory=list)  # one message per problem, naming the file
    skipped: list[str] = field(default_factory=list)  # files that are not reports (macOS ._ files, Office ~$ locks)
    unread: list[str] = field(default_factory=list)  # files of a format no reader takes (sidecars aside)
    orphans: list[str] = field(default_factory=list)  # sidecars beside no report (renamed or deleted): no correction made
    warnings: list[str] = field(default_factory=list)  # converted, but look: naming the file

    def line(self) -> str:
        kept = f", {self.kept} kept from the last run (unreadable now)" if self.kept else ""
        skipped = f", {len(self.skipped)} skipped (macOS metadata ._ files, Office ~$ lock files)" if self.skipped else ""
        warned = f", {len(self.warnings)} with warnings" if self.warnings else ""
        unread = f", {len(self.unread)} other files not read" if self.unread else ""
        reclassified = f" ({self.reclassified} of them re-classified, not read)" if self.reclassified else ""
        return (
            f"{self.converted} converted{reclassified}, {self.unchanged} unchanged, "
            f"{len(self.failed)} failed, {self.removed} removed{kept}{skipped}{warned}{unread}"
        )


def report_id(rel_path: str) -> str:
    """Stable page id from the source's path inside the archive (ASCII, URL-safe)."""
    return hashlib.sha1(rel_path.encode("utf-8")).hexdigest()[:12]


def convert_report(raw: bytes, rel_path: str, sidecar: dict[str, Any], taxonomy: Taxonomy | None = None) -> Converted:
    """read → clean → parse → enrich (+ themes, keywords) → render for one report; `rel_path`'s
    suffix or `raw`'s first bytes choose the reader (baogao.readers).

    Raises ReportError. Without a taxonomy no themes are assigned (unit tests, goldens).
    """
    return classified(prepare_report(raw, rel_path, sidecar), taxonomy)


@dataclass(frozen=True)
class Prepared:
    """A report read, cleaned, parsed and enriched: all its conversion needs but the taxonomy.
    Kept in the pages folder (PREPARED_FOLDER, JSON), so that an edit of themes.yml classifies
    and renders the reports again without reading them (`classified`)."""

    parsed: ParsedReport
    meta: dict[str, Any]  # the front matter but its themes, before the sidecar's corrections
    sidecar: dict[str, Any]

    def to_json(self) -> str:
        return json.dumps({"parsed": asdict(self.parsed), "meta": self.meta, "sidecar": self.sidecar},
                          ensure_ascii=False, separators=(",", ":"))

    @staticmethod
    def from_json(text: str) -> Prepared:
        data = json.loads(text)
        parsed = data["parsed"]
        blocks = tuple(Block(**block) for block in parsed.pop("blocks"))
        return Prepared(ParsedReport(blocks=blocks, **parsed), data["meta"], data["sidecar"])


def _image_pages(properties: Mapping[str, str]) -> dict[str, int]:
    pages = int(properties.get("image_pages", "0"))
    return {"image_pages": pages} if pages else {}


def prepare_report(raw: bytes, rel_path: str, sidecar: dict[str, Any]) -> Prepared:
    """read → clean → parse → enrich (keywords too) for one report: what `classified` needs.
    Raises ReportError."""
    name = Path(rel_path).name
    try:
        document = read(raw, rel_path)
    except ReadError as err:
        raise ReportError(f"{rel_path}: {err}") from None
    cleaned = clean(document.text)
    if not cleaned.lines:
        raise ReportError(f"{rel_path}: has no text (only white space or page clutter)")
    parsed = parse(cleaned.lines, name, document.headings)
    # (the day a web page says it was posted, and its source, are what the page says of itself, though clean drops its labels)
    page = {key: value for key, value in (("posted", cleaned.posted), ("source", cleaned.source)) if value}
    facts = enrich(parsed, name, {**document.properties, **page})
    parsed = with_inferred_title(parsed, facts.get("org"), facts.get("doc_type"))
    title_source = parsed.title_source
    if "title" in sidecar:
        title_source = "sidecar"
        if parsed.title_in_text:
            # The corrected title replaces the heading, not the text: the old title line stays
            # as the first paragraph, so every character of the report is still on its page.
            parsed = replace(parsed, title_in_text=False, blocks=(Block("paragraph", parsed.title), *parsed.blocks))
        parsed = replace(parsed, title=sidecar["title"], title_inferred=False)
    meta: dict[str, Any] = {
        "id": report_id(rel_path),
        "title": parsed.title,
        "title_source": title_source,
        "title_inferred": parsed.title_inferred,
        **facts,
        "themes": [],  # `classified` fills them in
        "keywords": keywords(parsed.text()),
        # (and the pages a PDF holds as images only, whose words are not read: counted as what the page lacks)
        "removed": dict(sorted({**cleaned.removed, **parsed.removed, **_image_pages(document.properties)}.items())),
        "source": rel_path,
        "reader": document.reader,
        "encoding": document.properties.get("encoding"),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "original": None if document.reader == "txt" else original_path(rel_path),
    }
    return Prepared(parsed, meta, sidecar)


def classified(prepared: Prepared, taxonomy: Taxonomy | None) -> Converted:
    """themes → render for one prepared report: its sections classified by `taxonomy` (none
    without one), the sidecar's corrections applied, its page rendered. Raises ReportError."""
    parsed, rel_path, sidecar = prepared.parsed, prepared.meta["source"], prepared.sidecar
    matches = classify(parsed, taxonomy) if taxonomy else []
    anchors = block_anchors(parsed, {m.block for m in matches} | {p.block for m in matches for p in m.parts})
    meta = {**prepared.meta, "themes": report_themes(matches, taxonomy) if taxonomy else []}
    # Hand corrections win over extracted values.
    meta.update(sidecar)
    if "year" in sidecar:
        meta["year_source"] = "sidecar" if sidecar["year"] is not None else None
        meta["year_min"] = None
    # an issue of a bulletin whose text and file name give no title (本期要目 / 1.… 2.…) is the issue itself (a series of
    # minutes, with its issuer: 罗田县人民政府 / 常务会议纪要 / 第15期, its inferred title 罗田县人民政府常务会议纪要)
    issuer_named = (parsed.masthead.endswith("纪要") and parsed.title.endswith(parsed.masthead) and parsed.title != parsed.masthead
                    and is_full_office(meta["org"] or ""))
    shown = "" if parsed.masthead and parsed.title_inferred and not issuer_named else parsed.title
    # (the whole text tells whether it is in traditional characters, as enrich reads it: only read for a title that may be)
    heading = shown + parsed.subtitle
    traditional = to_simplified(heading) != heading and is_traditional(parsed.text())
    meta["display_title"] = display_title(shown, parsed.subtitle, meta["year"], meta["org"], meta["region"],
                                          (parsed.masthead, parsed.issue), post_of(parsed), traditional)
    try:
        meta = validate(meta, rel_path)
    except SchemaError as err:
        raise ReportError(str(err)) from None
    sections = [_section_link(m, anchors) for m in matches]
    text = parsed.text()
    return Converted(page=render_page(meta, parsed, anchors), text=text, meta=meta, sections=sections,
                     formulations=formulations.extract(text), full_office=bool(meta["org"]) and is_full_office(meta["org"]))


def original_path(rel_path: str) -> str:
    """Where the site keeps the original of report `rel_path`: originals/ID.SUFFIX (an ASCII
    name: the page's link gives the download its real name)."""
    return f"{catalog.ORIGINALS_FOLDER}/{report_id(rel_path)}{Path(rel_path).suffix.lower()}"


def _section_link(match: SectionMatch, anchors: dict[int, str]) -> dict[str, Any]:
    """What a theme page shows for one matching section (kept in the conversion state)."""
    return {
        "theme": match.theme,
        "label": match.label,
        "anchor": anchors.get(match.block, ""),
        "excerpt": match.excerpt,
        "evidence": [[e.word, e.count, e.where] for e in match.evidence],
        "parts": [{"label": p.label, "anchor": anchors.get(p.block, "")} for p in match.parts],
        **({"model": match.model} if match.model is not None else {}),
    }


def _convert_job(job: tuple[Path, str, dict[str, Any], Path | None], taxonomy: Taxonomy | None) -> Converted | str:
    """Worker entry: returns the result or the error message (exceptions cross processes badly).
    With a prepared file the report is only classified and rendered again (a themes.yml edit).
    `taxonomy`: the batch's, given to each worker once (baogao.workers)."""
    path, rel_path, sidecar, prepared_file = job
    try:
        if prepared_file is not None:
            try:
                prepared = Prepared.from_json(prepared_file.read_text(encoding="utf-8"))
            except (OSError, ValueError, KeyError, TypeError):
                pass  # gone or damaged: the report is read again
            else:
                return classified(prepared, taxonomy)
        prepared = prepare_report(read_report(path, rel_path), rel_path, sidecar)
        return replace(classified(prepared, taxonomy), prepared=prepared.to_json())
    except ReportError as err:
        return str(err)
    except NotAReport as err:
        return f"{rel_path}: {err}"
    except OSError as err:  # it changed since the batch read it
        return f"{rel_path}: cannot be read ({err.strerror or type(err).__name__})"
    except Exception as err:  # a bug must not stop the batch; say which file hit it
        return f"{rel_path}: internal error {type(err).__name__}: {err}"


_APPLE_DOUBLE_MAGIC = b"\x00\x05\x16\x07"


def is_apple_double(path: Path) -> bool:
    """A `._NAME.txt` file that macOS leaves beside NAME.txt on foreign disks and in zips: the
    Finder's metadata (AppleDouble format), not a report."""
    if not path.name.startswith("._"):
        return False
    with path.open("rb") as file:
        return file.read(4) == _APPLE_DOUBLE_MAGIC


OFFICE_LOCK_BYTES = 4096  # Word's owner file is 162 bytes: the user's name, twice, and padding


def is_office_lock(path: Path, size: int) -> bool:
    """A `~$NAME.docx` file that Word (and WPS) keeps beside a document while it is open: who has it open,
    not a report. A build while a report is open in Word would otherwise fail on it as a damaged document."""
    return path.name.startswith("~$") and size <= OFFICE_LOCK_BYTES


def _sidecar_name(rel_path: str) -> str:
    return rel_path[: -len(Path(rel_path).suffix)] + SIDECAR_SUFFIX


def _is_sidecar(rel_path: str) -> bool:
    return rel_path.lower().endswith(SIDECAR_SUFFIX)  # (X.META.YML is the sidecar of X.txt on a disk that folds case)


def _orphan_sidecars(found: Scan) -> list[str]:
    """The sidecars of the reports folder that no report's sidecar lookup finds (its report renamed or deleted): the
    same file, not the same name, so that a disk folding case (x.meta.yml found for X.TXT) decides as the lookup does;
    a report the scan could not take (a pipe, a link out of the folder) still has its sidecar."""
    candidates = [rel_path for rel_path in found.unread if _is_sidecar(rel_path)]
    if not candidates:
        return []
    used = set()
    for rel_path in [source.rel_path for source in found.sources] + [problem.rel_path for problem in found.problems]:
        try:
            status = os.stat(found.root / _sidecar_name(rel_path))
        except (OSError, ValueError):  # (none: most reports)
            continue
        used.add((status.st_dev, status.st_ino))
    orphans = []
    for rel_path in candidates:
        try:
            status = os.stat(found.root / rel_path)
        except OSError:
            continue
        if (status.st_dev, status.st_ino) not in used:
            orphans.append(rel_path)
    return orphans


def shown_name(rel_path: str) -> str:
    """A file's name as a message shows it: a name that is not UTF-8 (a GBK name from a Windows zip reaches Python as
    surrogates) decoded as GB18030, which it most likely is."""
    try:
        rel_path.encode("utf-8")
        return rel_path
    except UnicodeEncodeError:
        return os.fsencode(rel_path).decode("gb18030", errors="replace")


def _read_sidecar(root: Path, rel_path: str, taxonomy: Taxonomy | None) -> tuple[dict[str, Any], bytes, str | None]:
    """(values, raw bytes, error) of NAME.meta.yml beside NAME.txt in the (real) reports folder
    `root`; raises OSError when it exists but cannot be read."""
    where = _sidecar_name(rel_path)
    try:
        path = resolve_inside(root, root / where)
    except ValueError as err:
        return {}, b"", f"{where}: {err}; the sidecar is ignored"
    if path is None:
        return {}, b"", None
    if not path.is_file():
        return {}, b"", f"{where}: is not a file; the sidecar is ignored"
    with path.open("rb") as file:
        raw = file.read(SIDECAR_MAX_BYTES + 1)
    if len(raw) > SIDECAR_MAX_BYTES:  # (a few short lines: 30 MB of them took 4 s and 270 MB, in the main process)
        return {}, raw, f"{where}: is larger than a sidecar can be (at most {SIDECAR_MAX_BYTES // 1024} KiB); the sidecar is ignored"
    try:
        values = validate_sidecar(yamlfile.load(raw.decode("utf-8")), where)
        unknown = [t for t in values.get("themes", []) if taxonomy is None or t not in taxonomy.names()]
        if unknown:
            raise SchemaError(f"Error reading metadata 'themes' of '{where}': {', '.join(unknown)} "
                              f"not in the taxonomy (themes.yml)")
        return values, raw, None
    except UnicodeDecodeError:
        return {}, raw, f"{where}: expected UTF-8 text; the sidecar is ignored"
    except yamlfile.YamlError as err:
        return {}, raw, f"{where}: {err}; the sidecar is ignored"
    except SchemaError as err:
        return {}, raw, f"{err}; the sidecar is ignored"


def stage_digest() -> str:
    """The digest of the conversion code: the files of STAGE_CODE (folders: every file in them)
    and the versions of STAGE_LIBRARIES. Computed once per batch, by `convert_archive`."""
    digest = hashlib.sha256()
    for name in STAGE_CODE:
        path = PACKAGE / name
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(file.relative_to(PACKAGE).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    for library in STAGE_LIBRARIES:
        digest.update(f"{library} {importlib.metadata.version(library)}\0".encode())
    return digest.hexdigest()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write via a temporary file and rename, so a reader never sees half a file. A file that
    holds these bytes already is left as it is, its inode and time too: after a themes.yml edit
    most pages render the same, and the later stages' memories of them (baogao.filememo) hold."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8")
    if _holds(path, raw):
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(raw)
    os.replace(tmp, path)


def _holds(path: Path, raw: bytes) -> bool:
    """Whether `path` is a regular file (not a link) of exactly these bytes; read only when its size is theirs."""
    try:
        status = os.lstat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size != len(raw):
            return False
        with path.open("rb") as file:
            return file.read() == raw
    except OSError:
        return False


def convert_archive(
    reports_dir: Path,
    pages_dir: Path,
    *,
    taxonomy: Taxonomy | None = None,
    jobs: int | None = None,
    progress: bool = True,
) -> Summary:
    """Convert a folder of reports into `pages_dir` (reports/, text/, catalog.json, index pages).

    With a taxonomy, sections are classified and theme pages written; after an edit of the
    taxonomy every report is classified and rendered again from what was kept of it
    (PREPARED_FOLDER), not read again.
    """
    summary = Summary()
    state_path = pages_dir / STATE_FILE
    state = _load_state(state_path)
    if not state_path.is_file():  # first: the folder is marked as converted pages before any page (baogao.outdir)
        write_atomic(state_path, "{}")
    _remove_temporary_files(pages_dir)
    # rel_path → {"key", "meta", "sections"} of a converted report, or {"rejected", "message"}
    # of a file rejected unread (see _rejection)
    new_state: dict[str, dict[str, Any]] = {}
    jobs_todo: list[tuple[Path, str, dict[str, Any], Path | None]] = []
    keys: dict[str, tuple[str, str]] = {}  # rel_path → (key of its Prepared, key of its page)
    code = stage_digest()
    taxonomy_digest = taxonomy.digest if taxonomy else ""
    read = FileMemo(pages_dir / SOURCES_FILE)

    found = scan(reports_dir)
    summary.unread = [rel_path for rel_path in found.unread if not _is_sidecar(rel_path)]
    summary.orphans = _orphan_sidecars(found)
    for problem in found.problems:
        summary.failed.append(problem.message)
        if problem.keep:
            summary.kept += _keep_pages(problem.rel_path, state, new_state, pages_dir)
    for source in found.sources:
        rel_path = source.rel_path
        try:
            rel_path.encode("utf-8")
        except UnicodeEncodeError:  # bytes that are not UTF-8 reach Python as surrogates
            summary.failed.append(f"{shown_name(rel_path)}: the file name is not UTF-8 (a GBK name from a Windows zip?); "
                                  "rename the file and convert again")
            continue
        old = state.get(rel_path, {})
        where = rel_path  # what is being read: the report, then its sidecar
        try:
            status = source.path.stat()
            if old.get("rejected") == _rejection(status, code):  # the same file as last time: not opened
                summary.failed.append(old["message"])
                new_state[rel_path] = old
                continue
            if is_apple_double(source.path) or is_office_lock(source.path, status.st_size):
                summary.skipped.append(rel_path)
                continue
            # the reports are read for their digest only when they are not the files last read
            raw_sha256 = read.get([source.path], lambda: hashlib.sha256(read_report(source.path, rel_path)).hexdigest())
            where = _sidecar_name(rel_path)
            sidecar, sidecar_raw, sidecar_error = _read_sidecar(found.root, rel_path, taxonomy)
        except NotAReport as err:
            new_state[rel_path] = {"rejected": _rejection(status, code), "message": f"{rel_path}: {err}"}
            summary.failed.append(new_state[rel_path]["message"])
            continue
        except OSError as err:
            summary.failed.append(_unreadable(where, err))
            summary.kept += _keep_pages(rel_path, state, new_state, pages_dir)
            continue
        if sidecar_error:
            summary.failed.append(sidecar_error)
        digest = hashlib.sha256(f"{code}\0{raw_sha256}\0".encode())
        digest.update(sidecar_raw)
        prepared_key = digest.hexdigest()
        keys[rel_path] = prepared_key, hashlib.sha256(f"{prepared_key}:{taxonomy_digest}".encode()).hexdigest()
        if old.get("key") == keys[rel_path][1] and _has_page(pages_dir, old):
            new_state[rel_path] = old
            summary.unchanged += 1
        else:
            prepared_file = pages_dir / PREPARED_FOLDER / f"{report_id(rel_path)}.json"
            classify_only = (old.get("prepared") == prepared_key and _has_page(pages_dir, old)
                             and (pages_dir / "text" / f"{report_id(rel_path)}.txt").is_file())
            jobs_todo.append((source.path, rel_path, sidecar, prepared_file if classify_only else None))

    # closed here, not when the garbage collector drops it: a SIGTERM (Stopped) while its workers end would
    # be raised in a finaliser, where Python prints it and goes on, and the build would not stop
    with closing(_run(jobs_todo, taxonomy, jobs, progress)) as results:
        for (path, rel_path, *_), result in zip(jobs_todo, results):
            if isinstance(result, str):
                summary.failed.append(result)
                continue
            if result.meta["original"]:
                error = _copy_original(path, rel_path, result.meta, pages_dir)
                if error:
                    summary.failed.append(error)
                    continue
            page_id = result.meta["id"]
            if result.prepared is not None:  # read again (a re-classified report's text is as it was)
                write_atomic(pages_dir / PREPARED_FOLDER / f"{page_id}.json", result.prepared)
                write_atomic(pages_dir / "text" / f"{page_id}.txt", result.text)
            write_atomic(pages_dir / "reports" / f"{page_id}.md", result.page)
            new_state[rel_path] = {"key": keys[rel_path][1], "prepared": keys[rel_path][0], "meta": result.meta,
                                   "sections": result.sections, "formulations": result.formulations,
                                   "full_office": result.full_office}
            summary.converted += 1
            summary.reclassified += result.prepared is None

    reports = {rel_path: entry for rel_path, entry in sorted(new_state.items()) if "meta" in entry}
    summary.removed = _remove_stale_pages(pages_dir, {entry["meta"]["id"] for entry in reports.values()},
                                          {entry["meta"]["original"] for entry in reports.values()})
    for rel_path, entry in reports.items():
        if entry["meta"]["removed"].get("nul_bytes"):
            summary.warnings.append(f"{rel_path}: {entry['meta']['removed']['nul_bytes']} stray NUL byte(s) dropped "
                                    "(a damaged copy?); compare the page with the file")
        if entry["meta"]["removed"].get("image_pages"):
            summary.warnings.append(f"{rel_path}: {entry['meta']['removed']['image_pages']} page(s) hold only images (scanned?): "
                                    "their words are not on the report's page, baogao does not read images (no OCR)")
    for warning in summary.warnings:
        log.warning("warning: %s", warning)
    if summary.unread:
        log.warning("warning: %s", _unread_line(summary.unread))
    if summary.orphans:
        log.warning("warning: %d sidecar(s) beside no report, so they correct nothing: %s; a sidecar is named as its "
                    "report, NAME.meta.yml beside NAME.txt (.docx, .pdf …)", len(summary.orphans), _some(summary.orphans))
    catalog.write_site_pages(list(reports.values()), pages_dir, write_atomic, taxonomy)
    read.save()
    # compact: with an indent, json writes through its pure-Python encoder (1.9 s, not 0.6, at 10 000 reports)
    write_atomic(state_path, json.dumps(new_state, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    return summary


UNREAD_SHOWN = 5  # files named in a line that says which files were not read or used


def _unread_line(unread: list[str]) -> str:
    """One line for the files of the reports folder no reader takes: a report in a format baogao does not
    read must not vanish unsaid (a .csv export, a saved web page), nor fill the log when there are many."""
    formats = " ".join(sorted(suffixes()))
    return (f"{len(unread)} file(s) in the reports folder are not in a format baogao reads ({formats}), so they are not "
            f"in the archive: {_some(unread)}; save a report as one of these formats, or move other files out of the folder")


def _some(names: list[str]) -> str:
    """The first UNREAD_SHOWN of `names`, and how many more."""
    return ", ".join(map(shown_name, names[:UNREAD_SHOWN])) + (f" and {len(names) - UNREAD_SHOWN} more" if len(names) > UNREAD_SHOWN else "")


_CHUNK = 8  # reports per worker task: converting one takes about 25 ms (see baogao.workers)


def _run(jobs_todo: list, taxonomy: Taxonomy | None, jobs: int | None, progress: bool) -> Generator[Converted | str, None, None]:
    from tqdm import tqdm

    bar = dict(total=len(jobs_todo), unit="篇", desc="convert", disable=not progress or None, file=sys.stderr)
    with worker_pool(len(jobs_todo), _CHUNK, jobs, shared=taxonomy) as pool:
        yield from tqdm(ordered_map(pool, _convert_job, jobs_todo, _CHUNK, shared=taxonomy), **bar)


def _unreadable(where: str, err: OSError) -> str:
    return f"{where}: cannot be read ({err.strerror or type(err).__name__}); its last page is kept"


def _rejection(status: os.stat_result, code: str) -> list:
    """What a file rejected unread is remembered by: its size and modification time, and the
    code that rejected it (`stage_digest`: sources.py holds the rules)."""
    return [status.st_size, status.st_mtime_ns, code]


def _has_page(pages_dir: Path, entry: dict[str, Any]) -> bool:
    return "meta" in entry and (pages_dir / "reports" / f"{entry['meta']['id']}.md").is_file()


def _keep_pages(prefix: str, state: dict[str, dict[str, Any]], new_state: dict[str, dict[str, Any]],
                pages_dir: Path) -> int:
    """Carry over the converted reports at `prefix` (a file, or a folder: all under it; "": all)
    as they were, when it cannot be read now; returns how many."""
    kept = 0
    for rel_path, entry in state.items():
        if (not prefix or rel_path == prefix or rel_path.startswith(prefix + "/")) and _has_page(pages_dir, entry):
            new_state[rel_path] = entry
            kept += 1
    return kept


def _remove_temporary_files(pages_dir: Path) -> None:
    """Leftovers of an interrupted run (write_atomic's temporary files; older versions also
    named the index being built `.search-index.tmp`, a folder)."""
    for pattern in (".*.tmp", "*/.*.tmp"):
        for leftover in pages_dir.glob(pattern):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover)
            else:
                leftover.unlink(missing_ok=True)


def _load_state(path: Path) -> dict[str, dict[str, Any]]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no or damaged state: everything is converted again


def _remove_stale_pages(pages_dir: Path, live_ids: set[str], live_originals: set[str | None]) -> int:
    """Delete pages, texts and originals whose source is gone or now fails."""
    removed = 0
    for folder, suffix in (("reports", ".md"), ("text", ".txt"), (PREPARED_FOLDER, ".json")):
        for name in sorted(_names(pages_dir / folder)):  # names, not Paths: 30 000 of them at 10 000 reports
            if name.endswith(suffix) and name[: -len(suffix)] not in live_ids:
                (pages_dir / folder / name).unlink()
                removed += folder == "reports"
    for name in sorted(_names(pages_dir / catalog.ORIGINALS_FOLDER)):
        path = pages_dir / catalog.ORIGINALS_FOLDER / name
        if f"{catalog.ORIGINALS_FOLDER}/{name}" not in live_originals and path.is_file():
            path.unlink()
    return removed


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except FileNotFoundError:
        return []


def _copy_original(path: Path, rel_path: str, meta: dict[str, Any], pages_dir: Path) -> str | None:
    """Copy the source into the pages folder for its download link; the error message when it
    changed since it was converted (the copy must be the file the page was made from)."""
    try:
        raw = read_report(path, rel_path)
    except (OSError, NotAReport) as err:
        return f"{rel_path}: cannot be copied for download ({err})"
    if hashlib.sha256(raw).hexdigest() != meta["sha256"]:
        return f"{rel_path}: changed while it was converted; convert again"
    write_atomic(pages_dir / meta["original"], raw)
    return None
