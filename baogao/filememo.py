"""Values computed from files (a SHA-256, a cache key), remembered by the files' inode, size,
modification time and mode, so that a build does not read again what it read before, unchanged.

Used by `baogao build` at 10 000 reports, where an incremental build links most of its ~80 000
site files unchanged from the previous site or the pages folder (reused pages, index files) and
converts few reports: hashing every file again for `.baogao-files` (`baogao.manifest`,
`baogao.pagereuse`) and reading every text and page again for the 查重 cache keys
(`baogao.similar.prints`) were most of such a build.

A value is taken from memory only when every file it was computed from is the same file
(device and inode) with the same size, modification time (ns) and mode as then, as git's index
does: writing to a file changes its modification time, and a file written anew (an editor's
save, a rebuilt index, `write_atomic`) is another inode. A value whose files were modified
within RACY_SECONDS of its computing is never remembered (a write in the same clock tick
would leave a file's time as it was). Where a wrong digest would ship a wrong file, nothing
relies on this: `baogao publish` checks every file against its digest again.

A memory is a JSON file in the pages folder (beside what conversion keeps), never in the site,
which must be the same bytes whether built cold or incrementally. It holds the values used
by the last build; a missing or damaged one means everything is computed again.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

RACY_SECONDS = 2


class FileMemo:
    """Values from files, kept in the JSON file `path` (None: nothing is kept) between builds."""

    def __init__(self, path: Path | None):
        self.path = path
        self._old: dict[str, str] = {}
        self._new: dict[str, str] = {}
        if path is not None:
            try:
                self._old = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                pass  # no memory yet, or a damaged one: compute
            if not isinstance(self._old, dict):
                self._old = {}

    def get(self, files: Sequence[Path | str], compute: Callable[[], str]) -> str:
        """What `compute` (which reads `files`) returns, from memory when the files are as they
        were when it was computed; OSError when a file is missing."""
        return self._get(self.state(files), files, compute)

    def get_by_status(self, path: Path | str, status: os.stat_result, compute: Callable[[], str]) -> str:
        """`get` for one file whose `os.lstat` the caller has made already (a walk that checks
        it is no symbolic link: one system call a file, not two)."""
        return self._get(_key(status), [path], compute)

    def _get(self, state: str, files: Sequence[Path | str], compute: Callable[[], str]) -> str:
        value = self.recall(state)
        if value is None:
            value = compute()
            self.remember(state, files, value)
        return value

    def state(self, files: Sequence[Path | str]) -> str:
        """What a value from `files` is remembered under: each file's identity, size, time and
        mode now; OSError when a file is missing."""
        return "|".join(_key(os.stat(path, follow_symlinks=False)) for path in files)

    def recall(self, state: str) -> str | None:
        """The value remembered for files in `state` (see `state`), kept for the next build too."""
        value = self._new.get(state) or self._old.get(state)
        if value is not None:
            self._new[state] = value
        return value

    def remember(self, state: str, files: Sequence[Path | str], value: str) -> None:
        """Remember `value`, computed from `files` read in `state`, unless they changed since, or
        were modified too recently to tell a later write by its time."""
        try:
            now = self.state(files)
        except OSError:
            return
        if now == state and _settled(state):
            self._new[state] = value

    def remember_as_is(self, files: Sequence[Path | str], value: str) -> None:
        """Remember `value` for `files` as they are now (what this build wrote them to hold), unless
        modified too recently to tell a later write by its time, or missing."""
        try:
            state = self.state(files)
        except OSError:
            return
        if _settled(state):
            self._new[state] = value

    def save(self) -> None:
        """Keep the values this build used (the others are of files gone or changed)."""
        if self.path is None:
            return
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self._new, sort_keys=True, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, self.path)


def _settled(state: str) -> bool:
    """Whether every file of `state` was last modified RACY_SECONDS ago or more."""
    recent = time.time_ns() - RACY_SECONDS * 1_000_000_000
    return all(int(part.split(":")[3]) <= recent for part in state.split("|"))


def _key(status: os.stat_result) -> str:
    return ":".join(map(str, _same(status)))


def _same(status: os.stat_result) -> tuple[int, ...]:
    """What must be as it was: the file (device, inode), its size and time, and its mode (a
    report made unreadable is read again, and its error reported)."""
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_mode
