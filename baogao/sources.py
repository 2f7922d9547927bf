"""The reports folder: which files are reports, and reading one without trusting it.

`scan` runs at the start of every conversion (`baogao.convert.convert_archive`), before any
report is converted; `read_report` wherever a report is read (the batch and its workers).

Which files are reports: every file whose suffix (any case) a reader claims (`baogao.readers`:
.txt, .docx, .doc, .wps, .pdf, .ofd) in the folder and its sub-folders. What the
walk finds that it cannot use is a `Problem` naming the file or folder, never skipped silently:

- a folder or file that cannot be read (permission denied …): the batch keeps its last pages;
- symlinks, one rule for files and folders: a link whose target is inside the reports folder is
  followed (its reports appear under the link's path, as a copy's would); a report or folder
  link whose target leaves the folder is refused (a report symlinked to /etc/passwd is never
  converted); a dangling link, a loop of links, and a folder link to a folder that contains it
  are problems. A dangling link's last pages are kept (its target may be a disk that is not
  mounted); refused links and loops have none;
- a report that is not a regular file (a pipe would block the build) is a problem.

A file no reader claims (a .csv export, an .xlsx, a saved web page) is not a problem but is listed
(`Scan.unread`), so that the command can say which files it did not read; the system's and the
office programs' own files are not (hidden files, Word's and WPS's `~$` lock and `~WRL` temporary files, Thumbs.db, desktop.ini).

Reading a report (`read_report`) looks at its first 64 KiB before the rest: its reader may refuse
it there (a video or a disk image saved as .txt, gigabytes of it, is rejected without reading
further), and no report is read beyond MAX_REPORT_BYTES.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from baogao import readers

MAX_REPORT_BYTES = 64 * 1024 * 1024  # over 20 million Chinese characters: no report is that long
HEAD_BYTES = 64 * 1024


class NotAReport(ValueError):
    """A file that is rejected unread (binary from its first bytes, or too large); the message
    follows the file's name."""


@dataclass(frozen=True)
class Source:
    path: Path  # where to read it: its real path, inside the reports folder
    rel_path: str  # its path in the reports folder (POSIX, as the link is named): the report's identity


@dataclass(frozen=True)
class Problem:
    rel_path: str  # the file or folder, inside the reports folder ("" for the folder itself)
    message: str  # starts with the file or folder's name
    keep: bool  # the pages of rel_path and of everything under it stay as they were


@dataclass
class Scan:
    root: Path  # the reports folder's real path
    sources: list[Source] = field(default_factory=list)  # sorted by rel_path
    problems: list[Problem] = field(default_factory=list)
    unread: list[str] = field(default_factory=list)  # rel_paths of the files no reader claims, sorted


def scan(reports_dir: Path) -> Scan:
    """Every report under `reports_dir`, and every problem met on the way (see the module)."""
    root = Path(os.path.realpath(reports_dir))
    found = Scan(root)
    _walk(root, root, "", (root,), found, shown_root=str(reports_dir))
    found.sources.sort(key=lambda source: source.rel_path)
    found.unread.sort()
    return found


def find_sources(reports_dir: Path) -> list[Path]:
    """The reports of a folder that must have no problems (the sample, tests, scripts):
    their real paths in a stable order; raises ValueError naming the first problem."""
    found = scan(reports_dir)
    if found.problems:
        raise ValueError(found.problems[0].message)
    return [source.path for source in found.sources]


def _walk(root: Path, folder: Path, prefix: str, parents: tuple[Path, ...], found: Scan, shown_root: str = "") -> None:
    """Add the reports and problems under `folder` (a real path), named `prefix` in the archive."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as err:
        name = f"{prefix}/" if prefix else shown_root
        found.problems.append(Problem(prefix, f"{name}: cannot read this folder ({_reason(err)}); "
                                              "its reports keep their last pages", keep=True))
        return
    for entry in entries:
        rel_path = f"{prefix}/{entry.name}" if prefix else entry.name
        is_report = _is_report(entry.name)
        try:
            if entry.is_symlink():
                target = _link_target(root, Path(entry.path), rel_path)
                if target is None:
                    continue  # a link to a file that is not a report, outside or not
                if isinstance(target, Problem):
                    found.problems.append(target)
                    continue
                path, mode = target, os.stat(target).st_mode
            else:
                path, mode = Path(entry.path), entry.stat(follow_symlinks=False).st_mode
        except OSError as err:
            found.problems.append(Problem(rel_path, f"{rel_path}: cannot be read ({_reason(err)}); "
                                                    "its last page is kept", keep=True))
            continue
        if stat.S_ISDIR(mode):
            if path in parents:
                found.problems.append(Problem(rel_path, f"{rel_path}: is a symlink to a folder that contains it "
                                                        "(a loop); not followed", keep=False))
            else:
                _walk(root, path, rel_path, (*parents, path), found)
        elif is_report and stat.S_ISREG(mode):
            found.sources.append(Source(path, rel_path))
        elif is_report:
            found.problems.append(Problem(rel_path, f"{rel_path}: is not a regular file (a pipe, socket or "
                                                    "device); not read", keep=False))
        elif stat.S_ISREG(mode) and not _system_file(entry.name):
            found.unread.append(rel_path)


def _is_report(name: str) -> bool:
    return Path(name).suffix.lower() in readers.suffixes()


_SYSTEM_FILES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})  # Windows' own in any folder it showed; a Mac folder's icon


def _system_file(name: str) -> bool:
    """A file the system or an office program keeps beside the reports: hidden (.DS_Store), what Word and WPS keep
    while a document is open (~$NAME.docx, ~WRL0001.tmp), Windows' thumbnails and settings, a Mac folder's icon."""
    return name.startswith((".", "~")) or name.lower() in _SYSTEM_FILES


def _link_target(root: Path, link: Path, rel_path: str) -> Path | Problem | None:
    """The real path of a symlink inside `root`; a Problem when it is dangling, a loop, or a
    report or folder outside `root`; None for a non-report file outside (ignored like any)."""
    try:
        target = Path(os.path.realpath(link, strict=True))
    except OSError as err:
        if err.errno == errno.ELOOP:
            return Problem(rel_path, f"{rel_path}: is a symlink loop (it leads back to itself); not followed",
                           keep=False)
        if err.errno == errno.ENOENT:
            return Problem(rel_path, f"{rel_path}: is a dangling symlink (its target {os.readlink(link)} does not "
                                     "exist); its last pages are kept until the link is fixed or removed", keep=True)
        raise
    if target == root or target.is_relative_to(root):
        return target
    if not _is_report(link.name) and not target.is_dir():
        return None
    return Problem(rel_path, f"{rel_path}: is a symlink to {target}, outside the reports folder; refused "
                             "(copy it into the folder to convert it)", keep=False)


def resolve_inside(root: Path, path: Path) -> Path | None:
    """The real path of `path` (a sidecar beside a report) when it exists inside the real folder
    `root`; None when it does not exist; ValueError naming the target when it leaves the folder."""
    if not os.path.lexists(path):  # most reports have no sidecar: one lstat, not realpath's walk
        return None
    try:
        target = Path(os.path.realpath(path, strict=True))
    except OSError as err:
        if err.errno in (errno.ENOENT, errno.ENAMETOOLONG, errno.ENOTDIR):
            return None  # ENAMETOOLONG: a 255-byte report name gives a longer sidecar name, which cannot exist
        raise
    if not target.is_relative_to(root):
        raise ValueError(f"is a symlink to {target}, outside the reports folder; refused")
    return target


def read_report(path: Path, rel_path: str) -> bytes:
    """The bytes of the report `rel_path` (real path `path`): its head first, rejected there when
    its reader refuses it (clearly not text, for a .txt); at most MAX_REPORT_BYTES. Raises
    NotAReport, or OSError when the file cannot be read."""
    with open(path, "rb", opener=_without_waiting) as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise NotAReport("is not a regular file (a pipe, socket or device); not read")
        head = file.read(HEAD_BYTES)
        reason = readers.refuse_head(rel_path, head)
        if reason:
            raise NotAReport(reason)
        size = os.fstat(file.fileno()).st_size
        if size > MAX_REPORT_BYTES:
            raise NotAReport(_too_large(size))
        rest = file.read(MAX_REPORT_BYTES + 1 - len(head))
    if len(head) + len(rest) > MAX_REPORT_BYTES:  # it grew while being read
        raise NotAReport(_too_large(len(head) + len(rest)))
    return head + rest


def _without_waiting(path: str, flags: int) -> int:
    """Open for `open(…, opener=)` without blocking: a pipe given as a draft, or put in a report's place after the
    scan, would block the read for ever (a regular file reads as before)."""
    return os.open(path, flags | os.O_NONBLOCK)


def _too_large(size: int) -> str:
    return (f"is larger than a report can be ({size:,} bytes, the limit is {MAX_REPORT_BYTES // 2**20} MiB): "
            "not a report, or many reports in one file; split it")


def _reason(err: OSError) -> str:
    return err.strerror or type(err).__name__
