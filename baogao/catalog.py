"""The archive-wide pages: catalog.json, the home page and the pages by year.

Runs at the end of each conversion batch, over the metadata of every report (converted now
or unchanged), so these pages always describe the whole archive.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any, Callable

from baogao.render import escape_markdown

CATALOG_FILE = "catalog.json"
CATALOG_FIELDS = (
    "id", "url", "title", "year", "org", "level", "region", "doc_type", "themes",
    "chars", "redactions", "source", "encoding", "sha256",
)
NEWEST_ON_HOME = 10
UNKNOWN_YEAR = "unknown"


def report_url(report_id: str) -> str:
    """Site-relative URL of a report page (use_directory_urls is off: works from file:// too)."""
    return f"reports/{report_id}.html"


def newest_first(metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports with a year first, newest year first; then by title and id for a stable order."""
    return sorted(metas, key=lambda m: (m["year"] is None, -(m["year"] or 0), m["title"], m["id"]))


def catalog_entries(metas: list[dict[str, Any]]) -> list[dict[str, Any]]:
    entries = []
    for meta in newest_first(metas):
        entry = {"url": report_url(meta["id"]), **meta}
        entries.append({key: entry[key] for key in CATALOG_FIELDS})
    return entries


def write_site_pages(metas: list[dict[str, Any]], pages_dir, write: Callable[[Any, str], None]) -> None:
    """Write catalog.json, index.md and years/*.md into `pages_dir`; remove year pages now empty."""
    write(pages_dir / CATALOG_FILE, json.dumps(catalog_entries(metas), ensure_ascii=False, indent=1) + "\n")
    by_year: dict[str, list[dict[str, Any]]] = {}
    for meta in newest_first(metas):
        by_year.setdefault(str(meta["year"]) if meta["year"] else UNKNOWN_YEAR, []).append(meta)

    write(pages_dir / "index.md", _home_page(metas, by_year))
    write(pages_dir / "years" / "index.md", _years_page(by_year))
    for year, reports in by_year.items():
        write(pages_dir / "years" / f"{year}.md", _year_page(year, reports))
    for stale in (pages_dir / "years").glob("*.md"):
        if stale.stem not in by_year and stale.stem != "index":
            stale.unlink()


def _year_label(year: str) -> str:
    return "年份不详" if year == UNKNOWN_YEAR else f"{year} 年"


def _report_line(meta: dict[str, Any], link_prefix: str) -> str:
    details = [str(meta["year"]) if meta["year"] else "", meta["org"] or "", meta["level"] or "",
               meta["region"] or "", meta["doc_type"]]
    detail = " · ".join(escape_markdown(d) for d in details if d)
    return f"- [{escape_markdown(meta['title'])}]({link_prefix}reports/{meta['id']}.md) <small>{detail}</small>"


def _home_page(metas: list[dict[str, Any]], by_year: dict[str, list]) -> str:
    total_chars = sum(meta["chars"] for meta in metas)
    types = Counter(meta["doc_type"] for meta in metas)
    lines = [
        "---", "title: 报告归档", "hide:", "  - navigation", "---", "", "# 报告归档", "",
        f"本归档共收录 **{len(metas)}** 篇报告，合计 **{total_chars:,}** 字。", "",
        "按文种：" + "，".join(f"{t} {n} 篇" for t, n in sorted(types.items(), key=lambda x: (-x[1], x[0]))) + "。" if types else "",
        "", "## 最新报告", "",
    ]
    lines += [_report_line(meta, "") for meta in newest_first(metas)[:NEWEST_ON_HOME]]
    lines += ["", "## 按年份浏览", ""]
    lines += [f"- [{_year_label(year)}](years/{year}.md)（{len(reports)} 篇）" for year, reports in by_year.items()]
    return "\n".join(lines) + "\n"


def _years_page(by_year: dict[str, list]) -> str:
    lines = ["---", "title: 按年份浏览", "---", "", "# 按年份浏览", ""]
    lines += [f"- [{_year_label(year)}]({year}.md)（{len(reports)} 篇）" for year, reports in by_year.items()]
    return "\n".join(lines) + "\n"


def _year_page(year: str, reports: list[dict[str, Any]]) -> str:
    label = _year_label(year)
    lines = ["---", f"title: {label}", "---", "", f"# {label}", "", f"共 {len(reports)} 篇。", ""]
    lines += [_report_line(meta, "../") for meta in reports]
    return "\n".join(lines) + "\n"
