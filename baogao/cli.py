"""The `baogao` command: convert, build, serve, check."""

from __future__ import annotations

import argparse
import csv
import json
import logging
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from baogao import readers, sources
from baogao.workers import Stopped, stopped_by_sigterm
from baogao.analysis.collocates import TOP
from baogao.analysis.concordance import DEFAULT_WIDTH, SORTS

# Each command imports the stages it runs (below, in its function): `baogao similar` or
# `baogao search` starts without loading the converter, MkDocs and the index writers.
if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from baogao.search.backend import SearchBackend
    from baogao.themes import Taxonomy

log = logging.getLogger("baogao")
FORCE_HELP = "replace a non-empty out folder that is not a baogao site, or holds other files (all are deleted)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="baogao", description="把原始报告文本生成为可检索的静态归档网站")
    commands = parser.add_subparsers(dest="command", required=True)

    def archive_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--reports", type=Path, default=Path("reports"), help="raw reports folder (default: reports/)")
        p.add_argument("--pages", type=Path, help="where converted Markdown goes (default: build/pages[-HASH])")
        p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
        p.add_argument("--jobs", type=int, help="worker processes (default: all cores)")
        p.add_argument("--quiet", action="store_true", help="no progress bar")

    archive_args(commands.add_parser("convert", help="convert the reports (.txt .docx .doc .wps .pdf .ofd) into Markdown pages"))
    build = commands.add_parser("build", help="convert, build the site with MkDocs, check fidelity")
    archive_args(build)
    build.add_argument("--out", type=Path, default=Path("site"), help="site folder (default: site/)")
    build.add_argument("--force", action="store_true", help=FORCE_HELP)
    publish_cmd = commands.add_parser("publish", help="build for a base URL, then pack a deployable tarball + checksum")
    archive_args(publish_cmd)
    publish_cmd.add_argument("--base-url", required=True, help="where it will be served, e.g. http://oa.example/archive/")
    publish_cmd.add_argument("--out", type=Path, default=Path("site"), help="site folder (default: site/)")
    publish_cmd.add_argument("--dist", type=Path, default=Path("dist"), help="where the tarball goes (default: dist/)")
    publish_cmd.add_argument("--force", action="store_true", help=FORCE_HELP)
    serve = commands.add_parser("serve", help="convert, then serve the site with live reload")
    archive_args(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    search = commands.add_parser("search", help="find reports containing a phrase; prints KWIC lines")
    search.add_argument("query", help='phrase; space-separated parts must all occur, -part excludes, "a b" quotes')
    search.add_argument("--site", type=Path, default=Path("site"), help="built site (default: site/)")
    search.add_argument("--json", action="store_true", help="print JSON instead of text")
    search.add_argument("--limit", type=int, default=20, help="reports to show (default: 20; 0: all)")
    trend_cmd = commands.add_parser("trend", help="how many reports use a phrase, and how often, year by year")
    trend_cmd.add_argument("query", help="phrase, as for `baogao search`")
    trend_cmd.add_argument("--site", type=Path, default=Path("site"), help="built site (default: site/)")
    trend_cmd.add_argument("--json", action="store_true", help="print JSON instead of a table")
    kwic_cmd = commands.add_parser("kwic", help="every occurrence of a phrase as a KWIC line (a concordance)")
    kwic_cmd.add_argument("query", help="phrase, as for `baogao search`")
    kwic_cmd.add_argument("--site", type=Path, default=Path("site"), help="built site (default: site/)")
    kwic_cmd.add_argument("--sort", choices=SORTS, help="order by left context, right context, year or office (default: archive order)")
    kwic_cmd.add_argument("--width", type=int, default=DEFAULT_WIDTH, help=f"context characters each side (default: {DEFAULT_WIDTH})")
    kwic_cmd.add_argument("--csv", action="store_true", help="print CSV (UTF-8 with BOM, for spreadsheets)")
    colloc = commands.add_parser("collocates", help="the words most often right before and right after a phrase")
    colloc.add_argument("query", help="phrase, as for `baogao search`")
    colloc.add_argument("--site", type=Path, default=Path("site"), help="built site (default: site/)")
    colloc.add_argument("--top", type=int, default=TOP, help=f"words on each side (default: {TOP})")
    colloc.add_argument("--json", action="store_true", help="print JSON instead of text")
    similar = commands.add_parser("similar", help="查重: which passages of a draft also stand in the archive")
    similar.add_argument("file", type=Path, help="the draft (a report file: .txt, .docx, .doc, .wps, .pdf, .ofd)")
    similar.add_argument("--site", type=Path, default=Path("site"), help="built site (default: site/)")
    similar.add_argument("--json", action="store_true", help='print {"chars", "covered", "matches": [...]}')
    check = commands.add_parser("check", help="verify that every report's text is on its page")
    check.add_argument("site", type=Path, nargs="?", default=Path("site"))
    check.add_argument("--pages", type=Path, help="converted pages folder (default: build/pages)")

    args = parser.parse_args(argv)
    logging.basicConfig(format="%(message)s")
    log.setLevel(logging.INFO)
    try:
        with stopped_by_sigterm():
            return _command(parser, args)
    except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM: one line, not a traceback per process (baogao.workers)
        stopped = isinstance(stop, Stopped)
        log.error("error: %s%s", "stopped (SIGTERM)" if stopped else "interrupted",
                  INTERRUPTED.get(args.command, "").format(args=args))
        return 128 + (signal.SIGTERM if stopped else signal.SIGINT)
    except OSError as err:  # a full disk, a folder that cannot be written, a file in a folder's place: one line
        if args.command not in INTERRUPTED:
            raise
        where = "".join(f" '{name}'" for name in (err.filename, err.filename2) if name)
        left = INTERRUPTED[args.command] if args.command == "convert" or args.out.is_dir() else ""
        log.error("error: %s%s%s", err.strerror or err, f":{where}" if where else "", left.format(args=args))
        return 1


# What an interrupted or stopped command leaves (after "error: interrupted" or "error: stopped (SIGTERM)").
INTERRUPTED = {
    "build": "; {args.out} holds a complete site, the one before this build unless it had finished",
    "publish": "; {args.out} holds a complete site, the one before this build unless it had finished; "
               "run publish again for the tarball",
    "convert": "; the reports converted so far are kept, run it again to convert the rest",
}


def _command(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.command == "search":
        return _search(args.site, args.query, args.limit or None, args.json)
    if args.command == "trend":
        return _trend(args.site, args.query, args.json)
    if args.command in ("kwic", "collocates"):
        if args.command == "kwic" and args.width < 1:
            parser.error("--width must be at least 1")
        return _concordance(args)
    if args.command == "similar":
        return _similar(args.file, args.site, args.json)
    if args.command == "check":
        from baogao.check import pages_mismatch
        from baogao.site import DEFAULT_PAGES

        pages = args.pages or DEFAULT_PAGES
        mismatch = pages_mismatch(args.site, pages)
        if mismatch:
            log.error("error: %s", mismatch)
            return 2
        return _check(args.site, pages)

    from baogao.outdir import (Refused, build_lock, check_dist_folder, check_out_folder, check_pages_folder, check_project_links,
                               pages_lock)
    from baogao.publish import validate_base_url
    from baogao.site import pages_dir_for, run_mkdocs
    from baogao.themes import THEMES_FILE, TaxonomyError, load_taxonomy

    if not args.reports.is_dir():
        parser.error(f"reports folder '{args.reports}' does not exist")
    site_url = None
    if args.command == "publish":
        try:
            site_url = validate_base_url(args.base_url)
        except ValueError as err:
            parser.error(str(err))
    project = args.config.resolve().parent
    pages = args.pages or pages_dir_for(args.reports, project)
    try:
        taxonomy = load_taxonomy(project / THEMES_FILE)
    except TaxonomyError as err:
        log.error("error: %s", err)
        return 1
    try:
        check_pages_folder(pages, reports=args.reports, project=project)
        if args.command == "convert":
            with pages_lock(pages):
                return _convert(args, pages, taxonomy)
        if args.command == "serve":
            check_project_links(project)  # (served on 0.0.0.0, a link out of docs/ would be served too)
            with pages_lock(pages):
                status = _convert(args, pages, taxonomy)
                try:
                    with _indexes(pages, args.jobs):
                        pass  # the block's end waits for the indexes' files: both are whole before serve builds
                except (OSError, IndexFailed) as err:  # one line, as `build` says it
                    log.error("error: the site was not served: %s", err)
                    return 1
            # (MkDocs' own "Serving on …" line is below the log level baogao shows)
            log.info("baogao serve: MkDocs builds the site, then serves it on http://%s/ with live reload (Ctrl-C stops it)",
                     args.dev_addr)
            run_mkdocs(args.config, pages, serve=True, dev_addr=args.dev_addr)
            return status
        check_out_folder(args.out, reports=args.reports, pages=pages, project=project, force=args.force)
        if args.command == "publish":
            check_dist_folder(args.dist, reports=args.reports, pages=pages, out=args.out, project=project)
        with build_lock(args.out), pages_lock(pages):
            return _build(args, pages, taxonomy, site_url)
    except Refused as err:
        log.error("error: %s", err)
        return 2


def _convert(args: argparse.Namespace, pages: Path, taxonomy: Taxonomy) -> int:
    """Convert the reports into `pages`; exit status 1 if any failed."""
    from baogao.convert import convert_archive

    started = time.perf_counter()
    summary = convert_archive(args.reports, pages, taxonomy=taxonomy, jobs=args.jobs, progress=not args.quiet)
    for problem in summary.failed:
        log.error("error: %s", problem)
    log.info("baogao convert: %s (%s → %s) in %.1f s", summary.line(), args.reports, pages, time.perf_counter() - started)
    return 1 if summary.failed else 0


# The two indexes read the converted pages, never each other, and MkDocs needs neither until it
# links them into the site, but for the 查重 reuse pages (its 亦见于 passages): for an archive up to
# this size each is built in a forked process, both beside each other and beside MkDocs, which
# starts once the 查重 index's version is known, reads the reuse pages once they are written and
# links the indexes last; above it, one after the other before MkDocs, so that their peaks of memory
# do not add up (the 查重 stage alone needs 7.9 GB at 100 000 reports, README "Beyond one machine").
SIDE_BY_SIDE_MAX_REPORTS = 30_000


class IndexFailed(Exception):
    """An index built in a forked process failed with an error other than an OSError (its text
    says which index and what error)."""


class _Indexes:
    """The indexes of the converted pages, being built: `versions()` (search, 查重: what the site's
    fingerprint holds) returns once both are known, `reuse_written()` once the 查重 reuse pages are
    written (all MkDocs reads of them), `wait()` once the files of both indexes are."""

    def __init__(self, versions: Callable[[], str], reuse: Callable[[], None] = lambda: None,
                 files: Callable[[], None] = lambda: None):
        self._versions, self._reuse, self._files = versions, reuse, files
        self._known, self._reuse_written = "", False

    def versions(self) -> str:
        if not self._known:
            self._known = self._versions()
        return self._known

    def reuse_written(self) -> None:
        self.versions()  # the 查重 process says its version first, then that its reuse pages are written
        if not self._reuse_written:
            self._reuse()
            self._reuse_written = True

    def wait(self) -> None:
        self.reuse_written()
        self._files()


@contextmanager
def _indexes(pages: Path, jobs: int | None) -> Iterator[_Indexes]:
    """Build the search index and the 查重 index of the converted `pages` (after conversion, while
    MkDocs renders, which links both into the site last), each with up to `jobs` worker processes.
    The block runs while they are built (see `_Indexes`); the files of both are written when it ends."""
    from baogao.catalog import CATALOG_FILE
    from baogao.search.backend import BACKEND

    reports = len(json.loads((pages / CATALOG_FILE).read_text(encoding="utf-8")))
    if reports > SIDE_BY_SIDE_MAX_REPORTS:
        _search_index(pages, BACKEND, jobs)
        versions = f"{BACKEND.version(pages)} {_similar_index(pages, jobs)}"
        yield _Indexes(lambda: versions)
        return
    # forked now, while this process is small, before MkDocs and the indexes' workers
    similar = _Beside("查重 index", _similar_index_beside, pages, jobs)
    try:
        search = _Beside("search index", _search_index_beside, pages, jobs)
    except BaseException:
        similar.stop()
        similar.close()
        raise
    try:
        def reuse() -> None:
            similar.receive("reuse")

        def written() -> None:
            search.wait()
            similar.wait()

        # the search index's version is computed here, while the index is built under it
        indexes = _Indexes(lambda: f"{BACKEND.version(pages)} {similar.receive('version')}", reuse, written)
        yield indexes
        indexes.wait()
    except BaseException:
        # the build failed (MkDocs, the check, one index): what the other makes is not waited for
        # (at 30 000 reports the 查重 index takes minutes); a Ctrl-C has ended both already
        search.stop()
        similar.stop()
        raise
    finally:
        search.close()
        similar.close()


class _Beside:
    """An index (`what`) built in a forked process (`target(pages, jobs, messages)`), which sends what it
    has done through a pipe: the 查重 index its version once it is known, word once its reuse pages
    are written, then once its files are; the search index once its files are. Its error, if any,
    is raised by whichever of `receive` and `wait` reads it."""

    def __init__(self, what: str, target: Callable[[Path, int | None, Connection], None], pages: Path,
                 jobs: int | None):
        from multiprocessing import get_context

        from baogao.workers import forking

        self.what = what
        context = get_context("fork")
        self._messages, sender = context.Pipe(duplex=False)
        self._process = context.Process(target=target, args=(pages, jobs, sender))
        with forking():  # the process ends quietly on Ctrl-C, from its first step (`_reporting`)
            self._process.start()
        sender.close()  # the process's end alone: the pipe closes (EOFError) when the process ends
        self._files_written = False

    def stop(self) -> None:
        """End the process and its workers now, whatever it is doing (`_reporting`): what it leaves
        half written, the next build makes again, as after a Ctrl-C."""
        self._process.terminate()

    def receive(self, expected: str) -> str:
        """The value of the process's next message, of kind `expected`."""
        # the pipe alone never says it was killed: its own workers hold the pipe's end too, and outlive it
        ended = OSError(f"the {self.what}'s process ended before it finished (out of memory?)")  # killed (the OOM killer …)
        while not self._messages.poll(1):
            if not self._process.is_alive() and not self._messages.poll():
                raise ended
        try:
            kind, value = self._messages.recv()
        except EOFError:
            raise ended from None
        if kind == "OSError":
            raise OSError(*value)
        if kind != expected:
            raise IndexFailed(value if kind == "error" else f"{self.what}: {kind!r} came before {expected!r}")
        return value

    def wait(self) -> None:
        if not self._files_written:
            self.receive("written")
            self._files_written = True

    def close(self) -> None:
        """Wait for the process to end (nothing of the build runs on after it), reading what it still
        sends: a message larger than the pipe holds (64 KiB) would block it, and this wait, for ever."""
        try:
            while self._process.is_alive():
                if self._messages.poll(0.1):
                    self._messages.recv()
        except EOFError:
            pass
        self._process.join()
        self._messages.close()


def _search_index(pages: Path, backend: SearchBackend, jobs: int | None) -> None:
    started = time.perf_counter()
    version = backend.build(pages, jobs)
    log.info("baogao index: search index %s for %s (%.1f s)", version, pages, time.perf_counter() - started)


def _search_index_beside(pages: Path, jobs: int | None, messages: Connection) -> None:
    """`_search_index` in a forked process: sends ("written", "") when its files are."""
    from baogao.search.backend import BACKEND

    _reporting("search index", messages, lambda: _search_index(pages, BACKEND, jobs))


def _similar_index_beside(pages: Path, jobs: int | None, messages: Connection) -> None:
    """`_similar_index` in a forked process: sends ("version", its version) once it is known,
    ("reuse", "") when the reuse pages are written and ("written", "") when the files are."""
    _reporting("查重 index", messages,
               lambda: _similar_index(pages, jobs, versioned=lambda version: messages.send(("version", version)),
                                      reuse_written=lambda _: messages.send(("reuse", ""))))


def _reporting(index: str, messages: Connection, build: Callable[[], object]) -> None:
    """Run `build` in an index's forked process, then send ("written", ""); an error instead, as
    one the parent can rebuild from plain values (an OSError stays one, for the one-line message;
    anything else says what it was)."""
    from baogao.workers import ended_by_ctrl_c

    ended_by_ctrl_c(with_workers=True)
    try:
        build()
        messages.send(("written", ""))
    except OSError as err:
        messages.send(("OSError", (err.errno, f"{index}: {err}")))
    except Exception as err:
        messages.send(("error", f"{index}: {err!r}"))


def _similar_index(pages: Path, jobs: int | None, versioned: Callable[[str], None] | None = None,
                   reuse_written: Callable[[str], None] | None = None) -> str:
    from baogao.similar.index import build_similar_index

    started = time.perf_counter()
    version = build_similar_index(pages, jobs, reuse_written=reuse_written, versioned=versioned)
    log.info("baogao index: similarity index %s (%.1f s)", version, time.perf_counter() - started)
    return version


def _build(args: argparse.Namespace, pages: Path, taxonomy: Taxonomy, site_url: str | None) -> int:
    """Convert, index, then build, check and switch in a new site unless the one in --out is
    current; `publish` then packs it. Runs holding the out folder's lock."""
    from baogao.publish import publish

    status = _convert(args, pages, taxonomy)
    try:
        with _indexes(pages, args.jobs) as indexes:
            built = _site(args, pages, site_url, indexes)
    except (OSError, IndexFailed) as err:  # a full disk, a folder it may not write …: the site before stays, one line
        log.error("error: the site was not built, %s is unchanged: %s", args.out, err)
        return 1
    if built:
        return built
    if args.command == "publish":
        assert site_url is not None  # main() validated --base-url, which publish requires
        try:
            archive, checksum = publish(args.out, args.dist, site_url)
        except ValueError as err:  # the site is not what its build wrote
            log.error("error: %s", err)
            return 2
        except OSError as err:
            log.error("error: publishing failed: %s", err)
            return 1
        log.info("baogao publish: %s and %s", archive, checksum)
    return status


def _site(args: argparse.Namespace, pages: Path, site_url: str | None, indexes: _Indexes) -> int:
    """Build, check and switch in a new site from the converted `pages` unless the one in --out is
    current (the indexes' files are linked in last, once `indexes` has them); the check's status
    when it fails (the new site discarded)."""
    from baogao.outdir import foreign_files, staged_site, switch_in
    from baogao.site import mark_site_built, run_mkdocs, site_fingerprint, site_is_current

    fingerprint = site_fingerprint(args.config, pages, indexes.versions()) + (site_url or "")
    # (--force replaces a site that holds files baogao did not write, up to date or not: it did nothing when it was)
    if site_is_current(args.out, fingerprint) and not (args.force and foreign_files(args.out)):
        log.info("baogao build: %s is up to date (nothing changed since the last build)", args.out)
        return 0
    started = time.perf_counter()
    with staged_site(args.out) as staging:
        reused = run_mkdocs(args.config, pages, staging, site_url=site_url, previous=args.out, jobs=args.jobs,
                            reuse_written=indexes.reuse_written, indexes_written=indexes.wait)
        checked = _check(staging, pages, reused)
        if checked:
            log.error("baogao build: the new site is discarded; %s is unchanged", args.out)
            return checked
        mark_site_built(staging, fingerprint)
        switch_in(staging, args.out)
    log.info("baogao build: site in %s (%.1f s)", args.out, time.perf_counter() - started)
    return 0


def _search(site: Path, query: str, limit: int | None, as_json: bool) -> int:
    from baogao.catalog import year_text
    from baogao.search.backend import BACKEND
    from baogao.search.query import SearchIndexError

    try:
        total, hits = BACKEND.search(site, query, limit)
    except SearchIndexError as err:  # no site, no index, or a damaged one: never a partial answer
        log.error("error: %s", err)
        return 2
    if as_json:
        rows = [{**hit.meta, "count": hit.count, "kwic": [list(line) for line in hit.kwic]} for hit in hits]
        print(json.dumps({"query": query, "total": total, "results": rows}, ensure_ascii=False, indent=1))
        return 0
    print(f"{total} 篇报告含「{query}」")
    for hit in hits:
        meta = hit.meta
        print(f"\n{meta['title']}  ({year_text(meta) or '年份不详'} · {meta['org'] or '单位不详'} · {hit.count} 处)  {meta['url']}")
        for left, match, right in hit.kwic:
            print(f"  …{left}【{match}】{right}…")
    return 0


def _trend(site: Path, query: str, as_json: bool) -> int:
    from baogao.search.backend import BACKEND
    from baogao.search.query import SearchIndexError

    try:
        found = BACKEND.trend(site, query)
        totals = BACKEND.reports_per_year(site)
    except SearchIndexError as err:
        log.error("error: %s", err)
        return 2
    if as_json:
        print(json.dumps(found, ensure_ascii=False))
        return 0
    print(f"「{query}」逐年使用情况（每百篇：该年每 100 篇报告中含此提法的篇数）")
    print("年份      篇数    处数    每百篇")
    for year, row in found["years"].items():
        print(f"{year:<8}{row['reports']:>6}{row['occurrences']:>8}{100 * row['reports'] / totals[year]:>10.1f}")
    unknown = found["unknown_year"]
    if unknown["reports"]:
        print(f"{'年份不详':<6}{unknown['reports']:>6}{unknown['occurrences']:>8}")
    return 0


def _concordance(args: argparse.Namespace) -> int:
    from baogao.analysis.collocates import collocates
    from baogao.analysis.concordance import sort_lines
    from baogao.search.backend import BACKEND
    from baogao.search.query import SearchIndexError

    try:
        lines = BACKEND.concordance(args.site, args.query, getattr(args, "width", DEFAULT_WIDTH))
    except SearchIndexError as err:
        log.error("error: %s", err)
        return 2
    if args.command == "collocates":
        before, after = collocates(lines, args.query, args.top)
        if args.json:
            print(json.dumps({"query": args.query, "occurrences": len(lines),
                              "before": [vars(c) for c in before], "after": [vars(c) for c in after]}, ensure_ascii=False))
            return 0
        print(f"「{args.query}」{len(lines)} 处：前面最常见的词 / 后面最常见的词")
        for side, found in (("前", before), ("后", after)):
            print(f"\n{side}：" + "  ".join(f"{c.word}（{c.count}）→ {c.phrase}" for c in found))
        return 0
    lines = sort_lines(lines, args.sort) if args.sort else lines
    if args.csv:
        out = csv.writer(sys.stdout)
        sys.stdout.write("\ufeff")
        out.writerow(["左文", "检索词", "右文", "标题", "年份", "单位", "链接"])
        for line in lines:
            out.writerow([line.left, line.match, line.right, line.title, line.year or "", line.org or "", line.url])
        return 0
    print(f"「{args.query}」共 {len(lines)} 处")
    for line in lines:
        print(f"{line.left:\u3000>{args.width}}【{line.match}】{line.right:\u3000<{args.width}}  "
              f"《{line.title}》{line.year or ''}")
    return 0


def _similar(file: Path, site: Path, as_json: bool) -> int:
    from baogao.similar.match import SimilarIndex, SimilarIndexError, analyse, report_lines

    try:  # read as a report is: the same refusals (binary, over MAX_REPORT_BYTES) before reading it all
        text = readers.read(sources.read_report(file, file.name), file.name).text
    except (OSError, readers.ReadError, sources.NotAReport) as err:
        log.error("error: %s: %s", file, err.strerror if isinstance(err, OSError) else err)
        return 2
    try:
        index = SimilarIndex(site)
        answer, reuse = analyse(text, index)
    except SimilarIndexError as err:
        log.error("error: %s", err)
        return 2
    if as_json:
        print(json.dumps(answer, ensure_ascii=False, indent=1))
        return 0
    for line in report_lines(text, answer, reuse, index.titles):
        print(line)
    return 0


def _check(site: Path, pages: Path, reused: set[str] | None = None) -> int:
    """The fidelity check of the report pages written; `reused` pages (taken unchanged from the
    previous site, checked when they were written) are not read again."""
    from baogao import check as fidelity
    from baogao.catalog import report_url

    checked, losses = fidelity.check_site(site, pages, skip=reused)
    for loss in losses:
        log.error("TEXT LOST: %s", loss)
    if losses:
        log.error("baogao check: %d of %d reports lose text", len(losses), checked)
        return 2
    reports = Path(report_url("")).parent.as_posix()  # the report pages' folder
    taken = sum(1 for page in reused or () if Path(page).parent.as_posix() == reports)
    kept = f" ({taken} more unchanged from the previous site)" if taken else ""
    log.info("baogao check: all %d reports show their full text%s", checked, kept)
    return 0


if __name__ == "__main__":
    sys.exit(main())
