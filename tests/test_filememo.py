"""What a build remembers of files (baogao.filememo): taken from memory only for the same
files, unchanged; an incremental build hashes the files it wrote, not those it linked."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from baogao import filememo
from baogao.cli import main as baogao
from baogao.filememo import FileMemo
from baogao.manifest import read_manifest


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def aged(path: Path, data: bytes) -> Path:
    """Write `data` and set the file's time a minute back (older than RACY_SECONDS)."""
    path.write_bytes(data)
    old = path.stat().st_mtime_ns - 60_000_000_000
    os.utime(path, ns=(old, old))
    return path


class Counted:
    """A FileMemo of `memory` whose computations are counted."""

    def __init__(self, memory: Path):
        self.memo, self.computed = FileMemo(memory), 0

    def sha(self, path: Path) -> str:
        def compute() -> str:
            self.computed += 1
            return sha(path)
        return self.memo.get([path], compute)


def test_remembered_only_for_the_same_files_unchanged(tmp_path):
    memory = tmp_path / "memory.json"
    kept, edited, replaced = (aged(tmp_path / name, f"{name} 第一版".encode()) for name in ("kept", "edited", "replaced"))
    first = Counted(memory)
    assert [first.sha(p) for p in (kept, edited, replaced)] == [sha(p) for p in (kept, edited, replaced)]
    assert first.computed == 3
    first.memo.save()

    with edited.open("r+b") as handle:  # in place: the same inode, the same size, a new time
        handle.write("改".encode())
    replaced.unlink()
    aged(replaced, "replaced 第二版".encode())  # another file under the same name
    second = Counted(memory)
    assert [second.sha(p) for p in (kept, edited, replaced)] == [sha(p) for p in (kept, edited, replaced)]
    assert second.computed == 2  # only `kept` was remembered
    # a value of two files is remembered under both (`edited` was just written: not yet)
    other = aged(tmp_path / "other", b"other")
    pair = FileMemo(memory)
    assert pair.get([kept, other], lambda: "kept+other") == "kept+other"
    assert pair.get([kept, edited], lambda: "kept+edited") == "kept+edited"
    pair.save()
    assert FileMemo(memory).get([kept, other], lambda: "again") == "kept+other"
    assert FileMemo(memory).get([kept, edited], lambda: "again") == "again"
    assert FileMemo(memory).get([kept, replaced], lambda: "again") == "again"


def test_a_file_written_just_now_is_not_remembered(tmp_path):
    memory = tmp_path / "memory.json"
    fresh = tmp_path / "fresh"
    fresh.write_bytes(b"written in this clock tick")
    first = Counted(memory)
    first.sha(fresh)
    first.memo.save()
    second = Counted(memory)
    assert second.sha(fresh) == sha(fresh) and second.computed == 1


def test_a_damaged_memory_means_computing(tmp_path):
    memory = tmp_path / "memory.json"
    path = aged(tmp_path / "file", b"text")
    for damaged in ("[1, 2", "[1, 2]"):
        memory.write_text(damaged, encoding="utf-8")
        assert Counted(memory).sha(path) == sha(path)


def test_an_incremental_build_hashes_what_it_wrote_and_lists_every_file_right(tmp_path, monkeypatch):
    """After one report changed, the file list is right for every file (as `sha256sum -c`
    would find it), and the pages linked unchanged from the previous site were not read again
    (neither to decide that they may be taken nor to list them)."""
    from tests.test_safety_build import build_args, write_archive

    monkeypatch.setattr(filememo, "RACY_SECONDS", 0)  # the small site is written within a second
    read: list[str] = []
    file_digest = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda handle, name: read.append(handle.name) or file_digest(handle, name))
    write_archive(tmp_path / "reports", "第一版。")
    assert baogao(build_args(tmp_path)) == 0
    site = tmp_path / "site"
    first = {Path(name).name for name in read}
    read.clear()
    write_archive(tmp_path / "reports", "第二版。")
    assert baogao(build_args(tmp_path)) == 0
    listed = read_manifest(site)
    assert listed and all(sha(site / rel) == digest for rel, digest in listed.items())
    reports = {rel.removeprefix("reports/") for rel in listed if rel.startswith("reports/")}
    assert len(reports) == 3 and reports <= first
    again = reports & {Path(name).name for name in read}
    assert len(again) == 1, f"the unchanged report pages were read again: {again}"


def test_a_file_whose_mode_changed_is_read_again(tmp_path):
    """A report made unreadable (chmod) keeps its time: it is read again, so that the error is
    reported (tests/test_safety_input.py), not its digest remembered."""
    memory = tmp_path / "memory.json"
    path = aged(tmp_path / "report", b"text")
    first = Counted(memory)
    first.sha(path)
    first.memo.save()
    path.chmod(0o400)
    second = Counted(memory)
    assert second.sha(path) == sha(path) and second.computed == 1


def test_a_value_from_a_status_the_caller_made_is_the_same_memory(tmp_path):
    """`get_by_status` (the manifest's walk: one lstat a file) keys a value as `get` does: a value
    remembered by one is recalled by the other, and a file written again is computed again."""
    memory = tmp_path / "memo.json"
    path = aged(tmp_path / "a.txt", b"one")
    counted = Counted(memory)
    assert counted.sha(path) == sha(path) and counted.computed == 1
    counted.memo.save()
    again = FileMemo(memory)
    calls: list[int] = []
    got = again.get_by_status(path, os.lstat(path), lambda: calls.append(1) or "recomputed")
    assert got == sha(path) and not calls
    aged(path, b"two")
    assert again.get_by_status(path, os.lstat(path), lambda: "recomputed") == "recomputed"


def test_a_file_remembered_as_it_is_is_taken_until_it_changes_but_not_when_just_written(tmp_path):
    """`remember_as_is` (what a build wrote, whole): the value is recalled for the same file unchanged, not
    for a file written within RACY_SECONDS, a changed one or a missing one."""
    settled, fresh = aged(tmp_path / "settled.js", b"a"), tmp_path / "fresh.js"
    fresh.write_bytes(b"b")
    memo = FileMemo(tmp_path / "memory.json")
    for path in (settled, fresh, tmp_path / "missing.js"):
        memo.remember_as_is([path], path.name)
    memo.save()
    again = FileMemo(tmp_path / "memory.json")
    assert again.recall(again.state([settled])) == "settled.js"
    assert again.recall(again.state([fresh])) is None
    aged(settled, b"changed")
    assert again.recall(again.state([settled])) is None
