"""Stage 3, parse: cleaned lines → title + heading/article/paragraph blocks.

Runs after clean. Every kept line reaches a block whole or split into a heading and the
paragraph that follows it on the same line; the only line ever dropped is a title repeated on
the next line, counted in `removed["repeated_title"]`.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath

from baogao.model import Block, ParsedReport

_CN_NUM = "一二三四五六七八九十百零〇两"
# Heading styles, outermost first. The order of this tuple is the nesting order.
_HEADING_STYLES = (
    ("chapter", re.compile(rf"^第[{_CN_NUM}\d]+章")),
    ("section", re.compile(rf"^第[{_CN_NUM}\d]+节")),
    ("cn", re.compile(rf"^[{_CN_NUM}]+[、.．]")),
    ("paren_cn", re.compile(rf"^[（(][{_CN_NUM}]+[）)]")),
    ("arabic", re.compile(r"^\d{1,2}[、.．](?!\d)")),
    ("paren_arabic", re.compile(r"^[（(]\d{1,2}[）)]")),
    ("circled", re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]")),
)
_STYLE_RANK = {name: rank for rank, (name, _) in enumerate(_HEADING_STYLES)}
_ARTICLE = re.compile(rf"^(第[{_CN_NUM}\d]+条)")

# A heading that is a whole line: short, and not a finished sentence.
_HEADING_MAX_LEN = 40
# A heading followed by its text on the same line (（一）强化督办协调。督办完成……): the lead
# sentence becomes the heading when it is this short. Only the two outer numbering styles do
# this; lower ones are usually list items.
_LEAD_MAX_LEN = 30
_SPLITTING_STYLES = {"chapter", "section", "cn", "paren_cn"}
_SENTENCE_END = re.compile(r"[。！？!?]")
_NOT_A_HEADING_END = ("。", "；", ";", "，", ",", "：", ":")

_TITLE_MAX_LEN = 120  # 公文 titles that name the document they issue run long
_TITLE_MAX_LEN_WITH_COMMA = 40  # a long line with a comma is a sentence
_DOC_TYPE_WORDS = re.compile(
    r"(报告|总结|汇报|通知|办法|意见|决议|决定|讲话|方案|规定|规划|纲要|细则|条例|通报|请示|函|公告|制度)$"
)
_DATE_LINE = re.compile(r"^[（(]?[\d０-９一二三四五六七八九十〇零]{2,4}年.*[日月][）)]?$")
_DOC_NUMBER = re.compile(r"〔\d{4}〕|\[\d{4}\]|第\d+号")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def parse(lines: tuple[str, ...], source_name: str) -> ParsedReport:
    """Split cleaned lines into title and blocks; `source_name` is the report's file name."""
    removed: Counter[str] = Counter()
    title, title_lines = _title_from_text(lines)
    body = list(lines[title_lines:])
    if title and body and body[0] == title:
        body.pop(0)
        removed["repeated_title"] += 1

    if title:
        title_source = "text"
    else:
        title = title_from_filename(source_name)
        title_source = "filename" if title else "inferred"

    return ParsedReport(
        title=title,
        title_inferred=False,
        title_in_text=title_source == "text",
        blocks=tuple(_blocks(body)),
        removed=dict(removed),
    )


def infer_title(report: ParsedReport, org: str | None, doc_type: str | None) -> ParsedReport:
    """Give a report without any title one built from its metadata or its opening words.

    Runs after enrich, because the office and the document type make the best stand-in
    title (县政府办公室工作总结); without them the opening clause is used.
    """
    if report.title:
        return report
    if org and doc_type and doc_type != "其他":
        title = f"{org}{doc_type}"
    else:
        opening = report.blocks[0].text if report.blocks else ""
        title = re.split(r"[，。；：,;:！？]", opening, maxsplit=1)[0][:_LEAD_MAX_LEN] or "无标题"
    return ParsedReport(title, True, False, report.blocks, report.removed)


def title_from_filename(source_name: str) -> str:
    """The file name as a title when it reads like one (中文, not a hash or a number)."""
    stem = PurePath(source_name).stem
    stem = re.sub(r"\s*[(（]FBM-[^)）]*[)）]$", "", stem)  # legal-database id suffix
    stem = re.sub(r"^\d+[_\-\s]+", "", stem)  # 001_ / 2026_ ordering prefixes
    stem = stem.replace("_", " ").strip()
    if len(_HAN.findall(stem)) < 4 or len(_HAN.findall(stem)) < len(stem) / 2:
        return ""
    return stem


def _title_from_text(lines: tuple[str, ...]) -> tuple[str, int]:
    """(title, number of lines it took) from the opening lines; ("", 0) when none is a title."""
    if not lines or not _is_title_like(lines[0]):
        return "", 0
    first = lines[0]
    second = lines[1] if len(lines) > 1 else ""
    # 政府工作报 / 告: a doc-type word broken over the line end.
    if (
        0 < len(second) <= 6
        and not _SENTENCE_END.search(second)
        and not _DOC_TYPE_WORDS.search(first)
        and _DOC_TYPE_WORDS.search(first + second)
    ):
        return first + second, 2
    if second and _is_title_like(second) and second != first:
        # Two title lines above a dash subtitle (——在……上的报告).
        if len(lines) > 2 and lines[2].startswith(("——", "――", "--")):
            return f"{first} {second}", 2
    return first, 1


def _is_title_like(line: str) -> bool:
    return (
        2 <= len(line) <= _TITLE_MAX_LEN
        and not (len(line) > _TITLE_MAX_LEN_WITH_COMMA and re.search("[，,]", line))
        and not _SENTENCE_END.search(line)
        and not line.endswith(_NOT_A_HEADING_END)
        and not line.startswith(("——", "――", "--", "（", "("))
        and _heading_style(line) is None
        and not _ARTICLE.match(line)
        and not _DATE_LINE.match(line)
        and not _DOC_NUMBER.search(line)
        and bool(_HAN.search(line))
    )


def _heading_style(line: str) -> str | None:
    for name, pattern in _HEADING_STYLES:
        if pattern.match(line):
            return name
    return None


def _blocks(body: list[str]) -> list[Block]:
    """Classify lines, then give headings levels by the nesting order of the styles used."""
    raw: list[tuple[str, str, str]] = []  # (kind, text, style)
    for line in body:
        raw.extend(_classify(line))

    used = sorted({style for kind, _, style in raw if kind == "heading"}, key=_STYLE_RANK.get)
    level_of = {style: min(2 + i, 6) for i, style in enumerate(used)}

    blocks: list[Block] = []
    anchors: Counter[str] = Counter()
    for kind, text, style in raw:
        if kind == "heading":
            blocks.append(Block("heading", text, level=level_of[style]))
        elif kind == "article":
            number = _ARTICLE.match(text).group(1)
            anchors[number] += 1
            anchor = number if anchors[number] == 1 else f"{number}-{anchors[number]}"
            blocks.append(Block("article", text, anchor=anchor))
        else:
            blocks.append(Block("paragraph", text))
    return blocks


def _classify(line: str) -> list[tuple[str, str, str]]:
    if _ARTICLE.match(line):
        return [("article", line, "")]
    style = _heading_style(line)
    if style is None:
        return [("paragraph", line, "")]
    if len(line) <= _HEADING_MAX_LEN and not _SENTENCE_END.search(line[:-1]) and not line.endswith(_NOT_A_HEADING_END):
        return [("heading", line, style)]
    if style in _SPLITTING_STYLES:
        end = _SENTENCE_END.search(line)
        if end and end.end() <= _LEAD_MAX_LEN and end.end() < len(line):
            return [("heading", line[: end.end()], style), ("paragraph", line[end.end():].lstrip(), "")]
    return [("paragraph", line, "")]
