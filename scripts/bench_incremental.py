"""Benchmark incremental builds (issue 16): a cold build, then the edits an archive keeper makes.

For each size, `--runs` times: a cold build of a generated archive (scripts/generate_archive.py, seed 1), then, one
after the other on that site: a rebuild with no change, one report added, one changed, one deleted, 100 added, one
added with a sidecar giving it this year (what an office adds: first in the result order, where the postings'
segments are smallest), a sidecar edit (one report's year), and a themes.yml edit (the threshold). Each line gives
the wall time of `baogao build`, its CPU time (the build and its worker processes), its peak memory, its phases as
the build logs them (convert, search index, 查重 index, MkDocs + check) and what creating a file costs in the work
folder just before the build (`file_creation_ms`, in a folder of its own: an estimate of what the build's own files
cost). An edit's build creates thousands of files (a search segment's) and frees as many; on a file system that
makes a new file look past the inodes freed in the last minutes (ext4 without a journal, as on the benchmark
machine) creating one costs ~0.8 ms for about five minutes after a build, ~0.03 ms after. `--settle SECONDS` waits
that long before each build after the cold one, as an office's builds are apart, not one after the other. Works on
copies (the archive and the project files: mkdocs.yml, themes.yml, docs/, overrides/), never on the repository.

    python scripts/bench_incremental.py --sizes 1000,10000 [--runs 2] [--workdir /tmp/baogao-incremental] [--settle 330]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from bench import BIN, ENV, fmt  # noqa: E402  (scripts/ is not a package)

EXTRA = 101  # reports generated beyond the archive: one to add, then 100
# Files created to measure what creating one costs: kept until the run ends, as freeing them would slow the next
# build's own; small scripts, as most of an edit's new files are (the postings' shards).
PROBE_FILES = 300
PROJECT_FILES = ("mkdocs.yml", "themes.yml", "docs", "overrides")
PHASES = {
    "convert": r"baogao convert:.* in ([\d.]+) s",
    "search index": r"baogao index: search index \S+ for .* \(([\d.]+) s\)",
    "查重 index": r"baogao index: similarity index \S+ \(([\d.]+) s\)",
    "MkDocs + check": r"baogao build: site in .* \(([\d.]+) s\)",
}


def generated(count: int, work: Path) -> list[Path]:
    """count + EXTRA generated reports (one folder, sorted); the archive is the first `count`."""
    target = work / f"gen{count + EXTRA}"
    if not target.is_dir():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "generate_archive.py"), "--count", str(count + EXTRA),
                        "--out", str(target), "--corpus", str(ROOT.parent / "shared" / "corpus")],
                       check=True, env=ENV, stdout=subprocess.DEVNULL)
    return sorted(target.rglob("*.txt"))


def timed(cmd: list[str]) -> tuple[float, float, float, str]:
    """(wall s, CPU s of the build and its workers, peak RSS MB, output) of a command, via GNU
    time. On a shared machine the CPU time is the steadier figure."""
    stats = Path(tempfile.gettempdir()) / f"baogao-bench-incremental-time-{os.getpid()}.txt"  # benches may run side by side
    started = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", str(stats), *cmd], env=ENV,
                         capture_output=True, text=True)
    wall = time.perf_counter() - started
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{cmd} failed:\n{out.stdout}\n{out.stderr}")
    user, system, rss = stats.read_text().split()[-3:]
    return wall, float(user) + float(system), int(rss) / 1024, out.stdout + out.stderr


def file_creation_ms(folder: Path) -> float:
    """Milliseconds to create (and write) a small file in a new subfolder of `folder`, the mean of PROBE_FILES."""
    probe = Path(tempfile.mkdtemp(prefix="probe-", dir=folder))
    started = time.perf_counter()
    for number in range(PROBE_FILES):
        (probe / f"{number}.js").write_bytes(b"0" * 100)
    return (time.perf_counter() - started) * 1000 / PROBE_FILES


def phases(log: str) -> str:
    found = [(name, re.search(pattern, log)) for name, pattern in PHASES.items()]
    return ", ".join(f"{name} {float(m.group(1)):.1f}" for name, m in found if m) or "—"


def run(count: int, work: Path, number: int, settle: float) -> list[tuple[str, float, float, float, str]]:
    """One cold build and the edits after it, each but the first `settle` seconds after the build before:
    (what, wall s, CPU s, peak RSS MB, phases)."""
    sources = generated(count, work)
    archive, extra = sources[:count], sources[count:]
    reports, project = work / "reports", work / "project"
    probes = work / "probes"
    for folder in (reports, project, work / "pages", work / "site", probes):
        shutil.rmtree(folder, ignore_errors=True)
    reports.mkdir(parents=True)
    project.mkdir(parents=True)
    probes.mkdir()
    for path in archive:
        shutil.copy(path, reports / path.name)
    for name in PROJECT_FILES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, project / name)
    cmd = [str(BIN / "baogao"), "build", "--reports", str(reports), "--pages", str(work / "pages"),
           "--out", str(work / "site"), "--config", str(project / "mkdocs.yml"), "--quiet"]
    results = []

    def build(what: str) -> None:
        if results:
            time.sleep(settle)
        before = file_creation_ms(probes)
        wall, cpu, rss, log = timed(cmd)
        results.append((what, wall, cpu, rss, phases(log)))
        print(f"  run {number}: {what}: {wall:.1f} s wall, {cpu:.1f} s CPU, {rss:.0f} MB ({phases(log)}; "
              f"creating a file {before:.2f} ms before the build)", flush=True)

    def add(path: Path) -> Path:
        target = reports / "added" / path.name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
        return target

    build("cold build")
    build("no change")
    added = add(extra[0])
    build("one added")
    victim = sorted(reports.rglob("*.txt"))[len(archive) // 2]
    raw = victim.read_bytes()
    encoding = "utf-8" if _decodes(raw) else "gb18030"
    victim.write_bytes(raw + "\n新增一段，用于测量增量构建。\n".encode(encoding))
    build("one changed")
    added.unlink()
    build("one deleted")
    for path in extra[1:]:
        add(path)
    build(f"{len(extra) - 1} added")
    newest = add(extra[0])  # what an office adds: this year's report, first in the result order
    newest.with_suffix(".meta.yml").write_text(f"year: {time.localtime().tm_year}\n", encoding="utf-8")
    build("one added, this year's")
    victim.with_suffix(".meta.yml").write_text("year: 2001\n", encoding="utf-8")
    build("sidecar edit (year)")
    themes = project / "themes.yml"
    themes.write_text(themes.read_text(encoding="utf-8").replace("threshold: 4", "threshold: 5", 1), encoding="utf-8")
    build("themes.yml edit (threshold)")
    shutil.rmtree(probes)
    return results


def _decodes(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/baogao-incremental"))
    parser.add_argument("--settle", type=float, default=0.0, metavar="SECONDS",
                        help="wait this long before each build after the cold one (see the module)")
    args = parser.parse_args()
    for size in (int(s) for s in args.sizes.split(",")):
        work = args.workdir / str(size)
        work.mkdir(parents=True, exist_ok=True)
        print(f"\n## incremental builds, {size:,} reports\n", flush=True)
        runs = [run(size, work, number + 1, args.settle) for number in range(args.runs)]
        lines = ["| build | " + " | ".join(f"run {n + 1}: wall / CPU (s)" for n in range(len(runs))) + " | peak RSS (MB) |",
                 "|---|" + "---:|" * (len(runs) + 1)]
        for row in zip(*runs):
            lines.append(f"| {row[0][0]} | " + " | ".join(f"{fmt(r[1])} / {fmt(r[2])}" for r in row)
                         + f" | {fmt(max(r[3] for r in row))} |")
        print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
