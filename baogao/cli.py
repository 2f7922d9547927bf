"""The `baogao` command: convert, build, serve, check."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

from baogao import check as fidelity
from baogao.convert import convert_archive
from baogao.site import pages_dir_for, run_mkdocs

log = logging.getLogger("baogao")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="baogao", description="把原始报告文本生成为可检索的静态归档网站")
    commands = parser.add_subparsers(dest="command", required=True)

    def archive_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("--reports", type=Path, default=Path("reports"), help="raw reports folder (default: reports/)")
        p.add_argument("--pages", type=Path, help="where converted Markdown goes (default: build/pages[-HASH])")
        p.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs config (default: mkdocs.yml)")
        p.add_argument("--jobs", type=int, help="worker processes (default: all cores)")
        p.add_argument("--quiet", action="store_true", help="no progress bar")

    archive_args(commands.add_parser("convert", help="convert raw .txt reports into Markdown pages"))
    build = commands.add_parser("build", help="convert, build the site with MkDocs, check fidelity")
    archive_args(build)
    build.add_argument("--out", type=Path, default=Path("site"), help="site folder (default: site/)")
    serve = commands.add_parser("serve", help="convert, then serve the site with live reload")
    archive_args(serve)
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    check = commands.add_parser("check", help="verify that every report's text is on its page")
    check.add_argument("site", type=Path, nargs="?", default=Path("site"))
    check.add_argument("--pages", type=Path, help="converted pages folder (default: build/pages)")

    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if args.command == "check":
        pages = args.pages or Path("build") / "pages"
        return _check(args.site, pages)

    if not args.reports.is_dir():
        parser.error(f"reports folder '{args.reports}' does not exist")
    pages = args.pages or pages_dir_for(args.reports, args.config.resolve().parent)
    started = time.perf_counter()
    summary = convert_archive(args.reports, pages, jobs=args.jobs, progress=not args.quiet)
    for problem in summary.failed:
        log.error("error: %s", problem)
    log.info("baogao convert: %s (%s → %s) in %.1f s", summary.line(), args.reports, pages, time.perf_counter() - started)
    status = 1 if summary.failed else 0
    if args.command == "convert":
        return status
    if args.command == "serve":
        run_mkdocs(args.config, pages, serve=True, dev_addr=args.dev_addr)
        return status
    started = time.perf_counter()
    run_mkdocs(args.config, pages, args.out)
    log.info("baogao build: site in %s (%.1f s)", args.out, time.perf_counter() - started)
    return _check(args.out, pages) or status


def _check(site: Path, pages: Path) -> int:
    checked, losses = fidelity.check_site(site, pages)
    for loss in losses:
        log.error("TEXT LOST: %s", loss)
    if losses:
        log.error("baogao check: %d of %d reports lose text", len(losses), checked)
        return 2
    log.info("baogao check: all %d reports show their full text", checked)
    return 0


if __name__ == "__main__":
    sys.exit(main())
