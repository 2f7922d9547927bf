"""Time each stage of one incremental `baogao build` in-process (issue 16): conversion (and, within it, the
archive-wide pages: `catalog.write_site_pages`), the search index, the wait for the 查重 version, MkDocs
(pages, links, `.baogao-files`; within it, the waits for the 查重 reuse pages and for the indexes' files) and the
fidelity check, each as wall
and CPU seconds (the process and its workers), with the load average beside them. Up to
`cli.SIDE_BY_SIDE_MAX_REPORTS` reports both indexes are built in forked processes beside each other and beside
MkDocs: the search index's line is then its own process's time (its CPU: that process and its workers), which
overlaps the stages after it, and the 查重 index's own time is the `baogao index: similarity index` line.

Runs on a work folder made by a cold build: WORKDIR/reports (the archive), WORKDIR/project
(mkdocs.yml, themes.yml, docs/, overrides/), WORKDIR/pages and WORKDIR/site. First makes one
edit, then builds:

    python scripts/bench_stages.py WORKDIR changed|sidecar|themes|added|deleted|none|cold \
        [--no-search-index] [--profile FILE] [--similar-steps]

`changed` appends a paragraph to the archive's middle report (the 5 001st of 10 000), `sidecar` gives it a year,
`themes` toggles the top-level threshold of themes.yml between 4 and 5, `added` copies the last report of
`--extra FOLDER` into WORKDIR/reports/added/ (where its year puts it in the result order), `added-newest` does the
same with a sidecar giving it this year (what an office adds: the newest report, first in the order), and `deleted`
removes either again; `cold` deletes WORKDIR/pages and
WORKDIR/site (a cold build, notes/incremental-builds.md, "Cold build"). `--no-search-index` leaves the search
index as it was (its own stage is measured apart); `--profile` writes a cProfile of the build;
`--memory` prints the peak of the process tree's memory (this process, the 查重 index's and the
workers: the sum of their PSS, a page the forked processes share counted once), read every 0.5 s;
`--similar-steps` prints, from the 查重 process, the wall time of its steps (the reports' keys, loading
their fingerprints, the reuse pages, the index files).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import re
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import baogao.catalog as catalog
import baogao.cli as cli
import baogao.similar.index as similar_index
import baogao.similar.prints as similar_prints
import baogao.similar.reuse as similar_reuse
import baogao.site as site
from baogao.search.backend import BACKEND

phases: dict[str, tuple[float, float]] = {}


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measured(function: Callable[..., Any], record: Callable[[float, float], None]) -> Callable[..., Any]:
    """`function`, its wall and CPU seconds given to `record` each time it returns or raises."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, used = time.perf_counter(), cpu()
        try:
            return function(*args, **kwargs)
        finally:
            record(time.perf_counter() - wall, cpu() - used)
    return wrapper


def timed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def add(wall: float, used: float) -> None:
        before = phases.get(name, (0.0, 0.0))
        phases[name] = (before[0] + wall, before[1] + used)
    return measured(function, add)


def printed(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, its wall time printed each time it returns: it runs in the 查重 index's forked process."""
    return measured(function, lambda wall, used: print(f"  查重 process, {name}: {wall:.2f} s wall", flush=True))


def reported(path: Path, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function`, its wall and CPU seconds written to `path`: it runs in a forked process."""
    return measured(function, lambda wall, used: path.write_text(f"{wall} {used}"))


class TreeMemory(threading.Thread):
    """The peak of the summed PSS (/proc/PID/smaps_rollup) of this process and its descendants."""

    def __init__(self, interval: float = 0.5):
        super().__init__(daemon=True)
        self.interval, self.peak, self.done = interval, 0, threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.peak = max(self.peak, sum(_pss(pid) for pid in _tree(os.getpid())))

    def stop(self) -> int:
        """The peak in bytes."""
        self.done.set()
        self.join()
        return self.peak


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()  # after the command's name, which may hold spaces
        except OSError:
            continue  # ended meanwhile
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _pss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def edit(work: Path, what: str, extra: Path | None) -> None:
    reports, project = work / "reports", work / "project"
    archive = sorted(reports.rglob("*.txt"))
    victim = archive[len(archive) // 2]
    if what == "changed":
        victim.write_bytes(victim.read_bytes() + f"\n新增一段，用于测量增量构建{time.time()}。\n".encode())
    elif what == "sidecar":
        victim.with_suffix(".meta.yml").write_text(f"year: {2001 + int(time.time()) % 20}\n", encoding="utf-8")
    elif what == "themes":
        themes = project / "themes.yml"
        text = themes.read_text(encoding="utf-8")
        # the top-level threshold (a line of its own), not a theme's (    threshold: 4.5)
        swapped = re.sub(r"^threshold: ([45])$", lambda m: "threshold: " + {"4": "5", "5": "4"}[m.group(1)], text,
                         count=1, flags=re.MULTILINE)
        themes.write_text(swapped, encoding="utf-8")
    elif what in ("added", "added-newest") and extra is not None:
        (reports / "added").mkdir(exist_ok=True)
        (reports / "added" / extra.name).write_bytes(extra.read_bytes())
        if what == "added-newest":
            (reports / "added" / extra.name).with_suffix(".meta.yml").write_text(
                f"year: {time.localtime().tm_year}\n", encoding="utf-8")
    elif what == "deleted":
        for path in (reports / "added").glob("*"):
            path.unlink()
    elif what == "cold":
        for folder in (work / "pages", work / "site"):
            shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("workdir", type=Path)
    parser.add_argument("edit", choices=["changed", "sidecar", "themes", "added", "added-newest", "deleted", "none", "cold"])
    parser.add_argument("--no-search-index", action="store_true")
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--extra", type=Path, help="`added`, `added-newest`: a folder of reports (its last one is added)")
    parser.add_argument("--memory", action="store_true", help="print the process tree's peak memory (PSS)")
    parser.add_argument("--similar-steps", action="store_true", help="print the wall time of the 查重 process's steps")
    args = parser.parse_args()
    if args.edit.startswith("added") and not args.extra:
        parser.error("`added` and `added-newest` need --extra FOLDER")
    site.run_mkdocs = timed("MkDocs", site.run_mkdocs)  # type: ignore[method-assign]
    if args.similar_steps:  # (build_similar_index takes them from their modules as it runs)
        for module, name in ((similar_prints, "report_keys"), (similar_prints, "load_fingerprints"),
                             (similar_reuse, "write_reuse"), (similar_index, "write_index")):
            setattr(module, name, printed(name, getattr(module, name)))
    cli._check = timed("check", cli._check)
    cli._convert = timed("convert", cli._convert)
    catalog.write_site_pages = timed("of it, the archive-wide pages", catalog.write_site_pages)
    searched = Path(tempfile.gettempdir()) / f"bench-stages-search-{os.getpid()}"  # its time, from its process
    if args.no_search_index:
        BACKEND.build = lambda pages_dir, workers=None: BACKEND.version(pages_dir)  # type: ignore[method-assign]
    else:
        BACKEND.build = reported(searched, BACKEND.build)  # type: ignore[method-assign]
    # the parent waiting for the indexes' forked processes: the 查重 version, then (in MkDocs) its reuse pages and both
    # indexes' files
    receive = cli._Beside.receive
    waits = {"version": timed("waiting for the 查重 version", receive),
             "reuse": timed("of MkDocs, waiting for the 查重 reuse pages", receive),
             "written": timed("of MkDocs, waiting for the indexes' files", receive)}
    cli._Beside.receive = lambda self, expected: waits[expected](self, expected)  # type: ignore[method-assign]
    edit(args.workdir, args.edit, sorted(args.extra.glob("*.txt"))[-1] if args.extra else None)
    work = args.workdir
    argv = ["build", "--reports", str(work / "reports"), "--pages", str(work / "pages"), "--out", str(work / "site"),
            "--config", str(work / "project" / "mkdocs.yml"), "--quiet"]
    memory = TreeMemory() if args.memory else None
    if memory:
        memory.start()
    load, wall, used = os.getloadavg()[0], time.perf_counter(), cpu()
    profile = cProfile.Profile() if args.profile else None
    status = profile.runcall(cli.main, argv) if profile else cli.main(argv)
    if memory:
        print(f"peak memory of the process tree (PSS): {memory.stop() / 2**30:.2f} GB")
    if profile and args.profile:
        profile.dump_stats(str(args.profile))
    print(f"{args.edit}: status {status}, {time.perf_counter() - wall:.1f} s wall / {cpu() - used:.1f} s CPU; "
          f"load average {load:.1f} → {os.getloadavg()[0]:.1f}")
    if searched.is_file():
        seconds, cpu_seconds = (float(value) for value in searched.read_text().split())
        phases["search index"] = (seconds, cpu_seconds)
        searched.unlink()
    for name, (seconds, cpu_seconds) in phases.items():
        print(f"  {name}: {seconds:.1f} s wall / {cpu_seconds:.1f} s CPU")


if __name__ == "__main__":
    main()
