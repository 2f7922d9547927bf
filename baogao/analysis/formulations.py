"""提法库: the formulations that recur across the archive, with how widely and when they are used.

A formulation is a quoted phrase (“马上就办”, “三服务”) or a parallel series of four-character
phrases (马上就办、真抓实干). Runs twice: `extract` in the conversion of each report (its
formulations go into the conversion state beside its metadata, so an unchanged report is not
read again), and `page` when the archive-wide pages are written, over every report's
formulations: those found in at least MIN_REPORTS reports, most widely used first, each with its
first and last year, a small bar chart of reports per year, and a link to its search. The table is
a listing block (`baogao.listing_html`): thousands of rows that Markdown need not parse (parsed as
raw HTML, its 3 000 rows at 10 000 reports took python-markdown 1.1 s CPU, as a block 0.3 s).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import quote

from baogao.listing_html import block, element

PAGE = "tifa.md"
TITLE = "提法库"
MIN_REPORTS = 3
_HAN = "\u4e00-\u9fff"
# “…”: two to twenty characters, not a sentence (no sentence mark inside), not a book title.
_QUOTED = re.compile(r"“([^“”\n。！？；]{2,20})”")
# 马上就办、真抓实干: two or more four-character phrases joined by 、. The first is the four
# characters before the first 、 (做到马上就办、… reads from 马); the last must end the series:
# punctuation after it, or 等/的 (失职追责等制度), never more of a word (推进作风|建设).
_SERIES = re.compile(rf"[{_HAN}]{{4}}(?:、[{_HAN}]{{4}})+(?=[^{_HAN}]|[等的]|$)")
_BAR_WIDTH, _BAR_GAP, _CHART_HEIGHT = 4, 1, 16


def extract(text: str) -> list[str]:
    """The formulations of one report's text, each once, in the order they first occur; white
    space inside one (a line break of the text) is left out, as search leaves it out."""
    found = [f"“{m.group(1)}”" for m in _QUOTED.finditer(text) if re.search(f"[{_HAN}]", m.group(1))]
    found += [m.group() for m in _SERIES.finditer(text)]
    return list(dict.fromkeys("".join(f.split()) for f in found))


def page(entries: list[dict[str, Any]]) -> str:
    """The 提法库 page (Markdown with an HTML table) over conversion-state entries
    ({"meta": front matter, "formulations": [...]})."""
    reports: dict[str, set[str]] = defaultdict(set)
    years: dict[str, Counter[int]] = defaultdict(Counter)
    archive_years = sorted({e["meta"]["year"] for e in entries if e["meta"].get("year")})
    for entry in entries:
        for formulation in entry.get("formulations", ()):
            reports[formulation].add(entry["meta"]["id"])
            if entry["meta"].get("year"):
                years[formulation][entry["meta"]["year"]] += 1
    common = sorted((k for k in reports if len(reports[k]) >= MIN_REPORTS),
                    key=lambda k: (-len(reports[k]), min(years[k], default=10**4), k))
    lines = ["---", f"title: {TITLE}", "---", "", f"# {TITLE}", "",  # a constant title: no escaping
             f"在 {MIN_REPORTS} 篇以上报告中出现的提法：引号中的说法（“马上就办”）和四字并列句（马上就办、真抓实干）。"
             "按使用篇数排列；点击提法即检索它。", ""]
    if not common:
        return "\n".join(lines + [f"归档中还没有在 {MIN_REPORTS} 篇以上报告中出现的提法。", ""])
    head = element("thead", element("tr", *(element("th", text=name) for name in ("提法", "篇数", "首见", "末见", "逐年篇数"))))
    rows = [_row(k, len(reports[k]), years[k], archive_years) for k in common]
    lines += block([f'<table class="baogao-tifa">{head}<tbody>', *rows, "</tbody></table>"])
    return "\n".join(lines)


def _row(formulation: str, count: int, years: Counter[int], archive_years: list[int]) -> str:
    first = str(min(years)) if years else "—"
    last = str(max(years)) if years else "—"
    link = element("a", text=formulation, href=f"search.md?q={quote(formulation)}")  # (MkDocs makes it search.html)
    return element("tr", element("td", link), element("td", text=str(count)), element("td", text=first),
                   element("td", text=last), element("td", _chart(years, archive_years)))


def _chart(years: Counter[int], archive_years: list[int]) -> str:
    """Reports per year of the archive as a small inline SVG (no script, no request)."""
    if not years or not archive_years:
        return ""
    top = max(years.values())
    label = "，".join(f"{y}年 {years[y]} 篇" for y in sorted(years))
    # the bars of the years with reports, as one path (a rect each made a page of 3 000 formulations 3.5 MB)
    bars = "".join(f"M{i * (_BAR_WIDTH + _BAR_GAP)} {_CHART_HEIGHT}v-{max(1, round(_CHART_HEIGHT * years[year] / top))}h{_BAR_WIDTH}V{_CHART_HEIGHT}z"
                   for i, year in enumerate(archive_years) if years[year])
    width = len(archive_years) * (_BAR_WIDTH + _BAR_GAP)
    # (no viewBox, which a listing block cannot spell: the drawing is its own size, as viewBox would make it)
    return element("svg", element("path", d=bars), **{"class": "baogao-spark", "role": "img", "aria-label": label,
                                                      "width": str(width), "height": str(_CHART_HEIGHT)})
