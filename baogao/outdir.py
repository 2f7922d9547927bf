"""The out folder of `baogao build` and `baogao publish`: where baogao may write, one build at a
time, and the switch that puts a complete site in place at once.

A build never writes into the out folder SITE. It builds into a sibling folder
`.SITE.baogao-tmp-PID` (same file system), runs the fidelity check there, writes the stamp last,
and only then swaps it with SITE in one atomic rename (Linux `renameat2(RENAME_EXCHANGE)`).
So SITE is always a complete, checked site, the previous one or the new one: a failed or killed
build leaves it as it was, and a server reading SITE during a rebuild never finds a file
missing. Where the file system cannot exchange (NFS, some FUSE), two renames do it (SITE →
`.SITE.baogao-old-PID`, new → SITE), and a build killed between them is undone at the next
start.

SITE stays a plain folder (it can be copied to a laptop or served by any server), not a
symbolic link: nginx's `alias` and `python -m http.server` resolve the path per request, so
both serve the new site from the moment of the switch.

What baogao deletes: the previous site (the files its manifest lists, `baogao.manifest`) and
its own temporary folders beside SITE. `check_out_folder` refuses, before anything is written,
an out folder whose replacement could delete anything else.

The converted pages folder (`--pages`) is written by conversion, which also deletes there the
pages of reports gone (reports/*.md, text/*.txt …): `check_pages_folder` refuses one that is,
contains or is inside the reports folder (the converted texts would be read as reports, and the
reports' own files deleted as stale pages), the project, a home, /, and a non-empty folder that
no conversion wrote. One run converts into a pages folder at a time (`pages_lock`, a lock file in
it): two builds of the same reports into two out folders share it.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import logging
import os
import pwd
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from baogao.convert import STATE_FILE as PAGES_STAMP
from baogao.manifest import MANIFEST, read_manifest, site_files
from baogao.pagereuse import PAGE_KEYS
from baogao.site import BUILD_STAMP, RENDER_INPUTS


PAGES_LOCK = ".baogao-lock"  # in the pages folder: held by the run converting into it (pages_lock)


class Refused(Exception):
    """baogao will not write there; the message says why in one line (exit status 2)."""


def check_out_folder(out: Path, *, reports: Path, pages: Path, project: Path, force: bool) -> None:
    """Run before a build writes anything: refuse an out folder whose replacement could delete
    what baogao did not write. `force` allows replacing a folder that is not a baogao site, or
    a site that holds other files too; the reports, the project, its docs/ and overrides/, homes
    and / never are."""
    target = out.resolve()
    _refuse_root_and_homes(target, f"--out '{out}'", "give the site a folder of its own, e.g. --out site")
    _refuse_overlap(out, project, f"the project folder '{project}' (where mkdocs.yml is)", inside_ok=True)
    for folder in _render_inputs(project):
        _refuse_overlap(out, folder, f"the project's folder '{folder}', which every build reads")
    check_project_links(project)
    _refuse_overlap(out, reports, f"the reports folder '{reports}'")
    _refuse_overlap(out, pages, f"the converted pages folder '{pages}'")
    if target.exists() and not target.is_dir():
        raise Refused(f"--out '{out}' is a file, not a folder")
    if force or not target.is_dir():
        return
    foreign = foreign_files(target)
    if foreign is None:
        raise Refused(
            f"--out '{out}' is not empty and is not a site built by baogao (it has no {BUILD_STAMP}): "
            "a build replaces the whole folder; choose a new or empty folder, or pass --force to replace it"
        )
    if foreign:
        shown = ", ".join(f"'{out / rel}'" for rel in foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise Refused(
            f"--out '{out}' holds files baogao did not write ({shown}): a build replaces the whole folder; "
            "move them elsewhere, or pass --force to replace the folder with everything in it"
        )


def check_pages_folder(pages: Path, *, reports: Path, project: Path) -> None:
    """Run before conversion writes anything: refuse a pages folder where conversion could
    overwrite or delete what baogao did not write (see the module). A folder of converted pages
    carries the conversion's state file (`PAGES_STAMP`), written before any page."""
    target = pages.resolve()
    where = f"--pages '{pages}'"
    _refuse_root_and_homes(target, where, "give the converted pages a folder of their own")
    for folder, what, inside_ok in ((project, f"the project folder '{project}' (where mkdocs.yml is)", True),
                                    *((inputs, f"the project's folder '{inputs}', which every build reads", False)
                                      for inputs in _render_inputs(project)),
                                    (reports, f"the reports folder '{reports}'", False)):
        relation = _overlap(target, folder.resolve(), inside_ok)
        if relation:
            raise Refused(f"{where} {relation} {what}: conversion writes and deletes pages there; "
                          "give the converted pages a folder of their own")
    if target.exists() and not target.is_dir():
        raise Refused(f"{where} is a file, not a folder")
    if target.is_dir() and not (target / PAGES_STAMP).is_file() and {entry.name for entry in target.iterdir()} - {PAGES_LOCK}:
        raise Refused(f"{where} is not empty and holds no converted pages (it has no {PAGES_STAMP}): "
                      "conversion writes and deletes pages there; choose a new or empty folder")


def check_dist_folder(dist: Path, *, reports: Path, pages: Path, out: Path, project: Path) -> None:
    """`baogao publish` writes only its tarball and checksum into --dist: refuse a dist folder
    inside the reports, the converted pages, the site or the project's docs/ and overrides/, where
    they would become content (the next site would ship the tarball before it)."""
    inputs = [(folder, f"the project's folder '{folder}', which every build renders") for folder in _render_inputs(project)]
    for folder, name in [(reports, f"the reports folder '{reports}'"), (pages, f"the converted pages folder '{pages}'"),
                         (out, f"the site folder '{out}'"), *inputs]:
        if dist.resolve().is_relative_to(folder.resolve()):
            raise Refused(f"--dist '{dist}' is inside {name}: publish to a folder outside it, e.g. --dist dist")


def foreign_files(site: Path) -> list[str] | None:
    """Paths (relative, sorted) of files and links in `site` that baogao did not write; None if
    `site` is not empty and is not a baogao site at all. A site of an older baogao (a stamp but
    no manifest) was cleaned by MkDocs, which keeps dot-entries: those are the user's."""
    listed = read_manifest(site)
    own = {BUILD_STAMP, MANIFEST, PAGE_KEYS}
    if listed is None:
        entries = sorted(path.name for path in site.iterdir())
        if BUILD_STAMP not in entries:
            return None if entries else []
        return [name for name in entries if name.startswith(".") and name not in own]
    return [rel for rel in site_files(site) if rel not in listed and rel not in own]


@contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Held for a whole build of `out`: a lock file beside it (`.SITE.baogao-lock`, fcntl.flock,
    released by the kernel when the process ends, however it ends). A second build of the same
    folder is refused, naming the holder. Taking the lock first clears what a killed build of
    `out` left behind (`_recover`)."""
    target = out.resolve()
    with _folder_lock(_beside(target, "lock"), f"another baogao build is writing '{out}'"):
        try:
            _recover(target)
        except OSError as err:  # (a read-only folder in the site before: its files cannot be unlinked)
            raise Refused(f"cannot clean up '{err.filename}', left by an earlier build of '{out}' ({err.strerror}): "
                          "delete it by hand (check its permissions), then build again") from None
        yield


@contextmanager
def pages_lock(pages: Path) -> Iterator[None]:
    """Held while a run converts into `pages` and reads it (the indexes, MkDocs): a lock file in
    it (`PAGES_LOCK`), held as `build_lock`'s. A second run is refused, naming the holder."""
    target = pages.resolve()
    target.mkdir(parents=True, exist_ok=True)
    with _folder_lock(target / PAGES_LOCK, f"another baogao run is converting into '{pages}'"):
        yield


@contextmanager
def _folder_lock(path: Path, busy: str) -> Iterator[None]:
    """An exclusive flock on the lock file `path`; Refused (`busy`, then the holder's pid and
    start time) when another process holds it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(lock, 200, 0).decode("utf-8", "replace").strip() or "holder unknown"
            raise Refused(f"{busy} ({holder}): wait for it to end, or stop it") from None
        os.ftruncate(lock, 0)
        os.pwrite(lock, f"pid {os.getpid()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        yield
    finally:
        os.close(lock)


@contextmanager
def staged_site(out: Path) -> Iterator[Path]:
    """A path beside `out` to build the new site into (MkDocs creates it). Whatever is at that
    path when the block ends is deleted: the unfinished site after a failure, or the previous
    site after `switch_in`. Use inside `build_lock`."""
    staging = _beside(out.resolve(), "tmp")
    try:
        yield staging
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # what a kill leaves, `_recover` deletes
        if os.path.lexists(staging):  # (a read-only folder in the site before, an immutable file)
            logging.getLogger("baogao").warning(
                "warning: could not delete all of '%s' (the site before this build, or an unfinished one): check the "
                "permissions of what is left in it and delete it by hand; the next build cannot start until it is gone",
                staging)


def switch_in(staging: Path, out: Path) -> None:
    """Put the complete, checked site at `staging` in place of `out` in one step; the previous
    site ends up at `staging` (deleted by `staged_site`)."""
    target = out.resolve()
    if not os.path.lexists(target):
        staging.rename(target)
        return
    shutil.copymode(target, staging)  # keep the permissions a server was given
    try:
        _exchange(staging, target)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
            raise
        aside = _beside(target, "old")
        target.rename(aside)  # a kill from here to the next rename is undone by _recover
        staging.rename(target)
        aside.rename(staging)


def _refuse_overlap(out: Path, folder: Path, what: str, inside_ok: bool = False) -> None:
    relation = _overlap(out.resolve(), folder.resolve(), inside_ok)
    if not relation:
        return
    raise Refused(f"--out '{out}' {relation} {what}: a build replaces the whole out folder; "
                  "give the site a folder of its own")


def _render_inputs(project: Path) -> list[Path]:
    """The project's folders MkDocs renders every page with (docs/, overrides/): a site or pages
    folder in their place would replace, or become, the hand-written pages and templates."""
    return [project / name for name in RENDER_INPUTS if (project / name).is_dir()]


def check_project_links(project: Path) -> None:
    """Refused when a symlink in the project's docs/ or overrides/ leads out of both the project and that folder (the
    folder itself may be a link, to pages kept elsewhere): MkDocs copies what it points at into the site
    (docs/passwd.txt → /etc/passwd was published). Hidden entries are not looked at: MkDocs leaves them out."""
    for folder in _render_inputs(project):
        allowed = (project.resolve(), folder.resolve())
        for root, dirs, files in os.walk(folder):
            dirs[:] = [name for name in dirs if not name.startswith(".")]
            for name in dirs + files:
                path = Path(root, name)
                if name.startswith(".") or not path.is_symlink():
                    continue
                target = Path(os.path.realpath(path))
                if not any(target.is_relative_to(inside) for inside in allowed):
                    raise Refused(f"'{path}' is a symlink to {target}, outside the project: every build would copy "
                                  "it into the site; copy what it points at into the project instead")


def _overlap(target: Path, other: Path, inside_ok: bool) -> str:
    """How the real path `target` overlaps the real path `other` ("" when it does not)."""
    if target == other:
        return "is"
    if other.is_relative_to(target):
        return "contains"
    if target.is_relative_to(other) and not inside_ok:
        return "is inside"
    return ""


def _refuse_root_and_homes(target: Path, where: str, advice: str) -> None:
    """Refused when the real path `target` (given as `where`) is / or is or contains a home directory."""
    if target == Path(target.anchor):
        raise Refused(f"{where} is the root folder: {advice}")
    for home in _home_directories():
        if target == home or home.is_relative_to(target):
            relation = "is" if target == home else "contains"
            raise Refused(f"{where} {relation} the home directory '{home}': {advice}")


def _home_directories() -> set[Path]:
    homes = {Path.home(), *(Path(user.pw_dir) for user in pwd.getpwall())}
    return {home.resolve() for home in homes if home.is_dir() and home != Path(home.anchor)}


def _beside(target: Path, kind: str) -> Path:
    """baogao's own files next to the site: lock, temporary (tmp) and previous (old) sites."""
    suffix = "lock" if kind == "lock" else f"{kind}-{os.getpid()}"
    return target.with_name(f".{target.name}.baogao-{suffix}")


def _recover(target: Path) -> None:
    """Undo a killed build of `target`: the previous site, if it was moved aside and the new one
    never took its place, goes back; temporary sites are deleted."""
    own = re.compile(rf"\.{re.escape(target.name)}\.baogao-(old|tmp)-[0-9]+")
    leftovers = {path: match.group(1) for path in target.parent.iterdir() if (match := own.fullmatch(path.name))}
    for path, kind in sorted(leftovers.items(), key=lambda item: item[1] != "old"):
        if kind == "old" and not os.path.lexists(target):
            path.rename(target)
        else:
            shutil.rmtree(path)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap two paths atomically (Linux renameat2 with RENAME_EXCHANGE, glibc 2.28+)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) != 0:
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), str(b))
