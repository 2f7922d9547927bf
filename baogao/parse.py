"""Stage 3, parse: cleaned lines → title + heading/article/paragraph blocks.

Runs after clean. Every kept line reaches a block whole, split into a heading and the
paragraph that follows it on the same line, or (in a text broken inside its sentences) joined
with the lines of its sentence; the only line ever dropped is a title repeated on the next
line, counted in `removed["repeated_title"]`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from difflib import SequenceMatcher

from baogao.gongwen import edition_editor, header_length, info_fields, is_addressee_line, is_header_line, masthead, unspaced
from baogao.model import Block, ParsedReport
from baogao.places import find_places
from baogao.schema import NAMELESS_TYPES
from baogao.titles import (INSTITUTIONS, MEETING_NUMBER, NEWS_DATELINE, PERSON_NAME, SPEAKER, infer_title, opens_with_subject,
                            title_from_filename)

_CN_NUM = "一二三四五六七八九十百零〇两兩"  # 兩: traditional texts (1954)
_NUMBER_MARK = "、.．﹒"  # what follows a heading's number: 一、 1. 1． 1﹒ (a small full stop, as some typesetting has it)
# After an item's number and its mark: no digit (1.5亿元 is a figure), but the day it tells of (1.8月8日凌晨，…: a 值班
# 周报's item 1, dated 8月8日)
NO_DECIMAL = r"(?:(?!\d)|(?=\d{1,2}月\d{1,2}日))"
# Heading styles, outermost first. The order of this tuple is the nesting order.
_HEADING_STYLES = (
    ("part", re.compile(rf"^第[{_CN_NUM}\d]+部分")),  # 第一部分 2023年工作回顾: a summary's or a report's halves
    ("chapter", re.compile(rf"^第[{_CN_NUM}\d]+章")),
    ("section", re.compile(rf"^第[{_CN_NUM}\d]+[节節]")),
    # parts numbered in Roman or in the formal numerals of accounts (Ⅰ、 壹、), over the 一、 they may hold
    ("roman", re.compile(rf"^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ]+[{_NUMBER_MARK}]")),
    ("formal", re.compile(rf"^[壹贰貳叁參肆伍陆陸柒捌玖拾]+[{_NUMBER_MARK}]")),
    ("cn", re.compile(rf"^[{_CN_NUM}]+(?:[{_NUMBER_MARK}]|\u3000+(?=\S))")),  # (一　主要工作: a wide space for the 、)
    # a space may stand inside the brackets, as typed or as a PDF lays it out: (三 ), （ 2）
    ("paren_cn", re.compile(rf"^[（(]\s?[{_CN_NUM}]+\s?[）)]")),
    # a plan's or a technical report's decimal numbering (1.1 指导思想, 2.1.1 数据中台), set apart from its name by a space
    # (and no space after it: 10.16  第 八 期 …完成情况.docx is a file's name, dated)
    ("decimal2", re.compile(r"^\d{1,2}[.．]\d{1,2}(?![.．\d])[ \u3000]+(?=[\u4e00-\u9fff]\S*$)")),
    ("decimal3", re.compile(r"^\d{1,2}[.．]\d{1,2}[.．]\d{1,2}(?![.．\d])[ \u3000]+(?=[\u4e00-\u9fff]\S*$)")),
    ("arabic", re.compile(rf"^\d{{1,2}}[{_NUMBER_MARK}]{NO_DECIMAL}")),
    ("paren_arabic", re.compile(r"^[（(]\s?\d{1,2}\s?[）)]")),
    ("circled", re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]")),
)
_STYLE_RANK = {name: rank for rank, (name, _) in enumerate(_HEADING_STYLES)}
_STYLE_PATTERN = dict(_HEADING_STYLES)
# A line the file itself marks as a heading (a .docx's 标题 1/2/3, `Document.headings`) and that
# has no number gets the style "styled" + its level; see _styled_ranks for where it nests.
_STYLED = "styled"
_ARTICLE = re.compile(rf"^(第[{_CN_NUM}\d]+[条條])")
# A chapter (part, section) whose name and first article share a line, as a web page lays them out
# (with or without the spaces between, which a PDF's text may lose: 第七章安全保障第三十八条…)
_CHAPTER_THEN_ARTICLE = re.compile(rf"^(第[{_CN_NUM}\d]+(?:部分|章|[节節])\s*[^\s。；;，,]{{1,20}}?)\s*(?=第[{_CN_NUM}\d]+[条條])")

# A heading that is a whole line: short, and not a finished sentence.
_HEADING_MAX_LEN = 40
# A heading followed by its text on the same line (（一）强化督办协调。督办完成……): the lead
# sentence becomes the heading when it is this short. The lower numberings (1., （1）) do it only
# with a lead as short as a name (1.参保情况。): their longer first sentences are list items'.
# Shorter or longer limits, measured on the outline labelled set (tests/outline_labels.py),
# found fewer of the expected headings or more that are none.
_LEAD_MAX_LEN = 30
_SPLITTING_STYLES = {"part", "chapter", "section", "roman", "formal", "cn", "paren_cn"}
_RUN_IN_STYLES = {"arabic", "paren_arabic"}
_RUN_IN_LEAD_MAX_LEN = 20
# …but a lead that asks the reader (1.请于5月1日前报送。; not 申请, 报请, 请示, 请销假: names), sets a rule (须 but 须知,
# 不得, 严禁, 务必) or fills a field (联系人：王五。) is an item of a notice's list of requirements, whatever follows it
_NOT_A_NAME = re.compile(r"(?<![申邀聘提报呈])请(?![示假销求])|须(?!知)|不得|严禁|务必|[：:]")
_SENTENCE_END = re.compile(r"[。！？!?]")
# …and the end of a lead sentence: not a 。 inside a quotation (牢记“…没有休止符。”的嘱托，… goes on)
_LEAD_END = re.compile(r"[。！？!?](?![”’」』])")
# A numbered heading written as one full sentence on its own line; longer, it is a paragraph.
_RUN_IN_MAX_LEN = 60
_NOT_A_HEADING_END = ("。", "；", ";", "，", ",", "：", ":")
# …and as short as a heading's name when its siblings make it one (（二）整治违法建筑。), not a rule's sentence
_SIBLING_MAX_LEN = 24
_ATTACHMENT_LIST = re.compile(r"^附\s*件\s*[：:]\s*(?=[1１一][.．、])")  # 附件：1.… (the list of a document's attachments)
# A rule's closing articles (本办法自印发之日起执行。, 本办法由…负责解释。, 未尽事宜…, …以本办法为准。) and a 纪要's
# decisions (一、会议同意…。, （三）经研究，会议同意…。) are sentences, whatever their siblings are.
_NO_SIBLING = re.compile(r"自\S{0,12}?(?:施行|执行|实施|生效)|负责解释|未尽事宜|为准。?$"
                         r"|^\S{0,6}?(?:[^，,。]{1,24}[，,])?会议(?:听取|同意|研究|决定|要求|强调|指出|认为|原则|讨论|审议)")
_COLON_HEADING_MAX_LEN = 16

_TITLE_MAX_LEN = 120  # 公文 titles that name the document they issue run long
_TITLE_MAX_LEN_WITH_COMMA = 40  # a long line with a comma is a sentence
DOC_TYPE_WORDS = re.compile(
    r"(报告|总结|汇报|通知|办法|意见|决议|决定|讲话|方案|规定|规划|纲要|细则|条例|通报|请示|函|公告|制度|答复|批复"
    r"|计划|打算|思路|安排|要点|提纲|材料|纪要)$"  # 2023年工作总结暨2024年工作计划, 2024年工作要点, 汇报提纲, 对照检查材料
)
_PAPER_WORDS = ("提纲", "材料")  # (a news headline may end on them too: …为党员发放学习材料)
# A line that is only a year or a part of one, above the title of a year's report (a cover's
# 2023年度 / 县政府办公室工作总结; a bare 2024 only as 19xx or 20xx).
_YEAR_LINE = re.compile(
    r"^(?:(?:19|20)\d\d(?:\s?年度?(?:上半年|下半年|第?[一二三四1-4]季度)?)?"
    r"|[〇○零一二三四五六七八九]{4}\s?年度?(?:上半年|下半年|第?[一二三四]季度)?)$"
)
_DATE_LINE = re.compile(r"^[（(]?[\d０-９一二三四五六七八九十〇零]{2,4}年.*[日月][）)]?$")
# 国办函〔2006〕82号, 上海市人民政府令第5号; not 第4626号提案的答复 (a title naming the motion)
_DOC_NUMBER = re.compile(r"〔\d{4}〕|\[\d{4}\]|第\d+号$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BRACKETED_TAIL = re.compile(r"[（(][^（()）]*[）)]$")  # …工作总结（草稿）
_JOINING_ENDS = tuple("暨和及与的、同并")
_JOINING_STARTS = tuple("暨和及与并")
_MOTTO = re.compile(r"[\u4e00-\u9fff]{2,8}(?:\s+[\u4e00-\u9fff]{2,8})+")  # 攻坚克难 砥砺前行 over a report's title
# (关于 anywhere, a year, or a level's body: 县政府办公室召开…, 市场监管局2023年… under 工作动态)
_OPENS_TITLE = re.compile(r".{0,30}?关于|(?:19|20)\d\d|[〇○零一二三四五六七八九]{4}|[省市县区乡镇](?!级)")

_DASHES = ("——", "――", "--")
# A title line that ends with a body's name (××县人民政府办公室) may go on with 关于… below.
# (and a party committee's departments and offices: 中共舒城县委组织部, 县委政研室, 县纪委)
_BODY = (r"(?:政府|办公[室厅]|委员会|管委会|局|厅|总工会|妇联|党委|党组|党工委|[省市县区乡镇]委|办事处"
         r"|(?<=委)(?:组织|宣传|统战|政法|社会工作)部|(?<=委)(?:政研|督查|研究)室|(?<=[省市县区])(?:纪委|政法委|编办))")
_ISSUER = rf"(?:{_BODY}|中心|{INSTITUTIONS})"
_ISSUER_END = re.compile(rf"{_ISSUER}$")
# (a news headline may end on the school, hospital or centre it tells of: 爱心企业走进红安县第一中学)
_BODY_END = re.compile(rf"{_BODY}$")
# A person's paper under its title, by its writer's office and name (中共秦安县委办公室　张建军): a byline
PERSONAL_BYLINE = re.compile(rf"^\S{{2,30}}?{_ISSUER}[ \u3000]+{PERSON_NAME}$")
# …and a title that opens with the issuer and 对 (国务院办公厅对全国政协十届四次会议 / 第4626号提案的答复).
_ISSUER_TO = re.compile(rf"^\S{{2,30}}?{_ISSUER}对")
_TITLE_MAX_LINES = 3
_HEADLINE_LINE_MAX_LEN = 24  # each line of a two-line news headline
_HEADLINE_MIN_HAN = 5
# The period line under a periodic report's title: a span of days in brackets, (2016年3月4日—3月10日) (not a
# speech's date line, (2023年1月10日在市人民代表大会上), one day and an occasion).
_PERIOD_LINE = re.compile(
    r"^[（(]\d{4}\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?\s?(?:[—–\-~～―]+|至|到)\s?(?:\d{4}\s?年)?\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?[）)]$"
    # …or the year or part of it that a summary covers: 工作总结 / （2023年）, （2023年度）, （2023年1—6月）
    r"|^[（(](?:\d{4}|[〇○零一二三四五六七八九]{4})\s?年度?"
    r"(?:上半年|下半年|第?[一二三四1-4]季度|\s?\d{1,2}\s?月?\s?(?:[—–\-~～―]+|至|到)\s?\d{1,2}\s?月份?)?[）)]$"
    # …or the year its text was revised or issued: 应急预案 / （2022年修订）, 办法 / （2023年5月修订）
    r"|^[（(]\d{4}\s?年(?:\s?\d{1,2}\s?月)?(?:\s?\d{1,2}\s?日)?\s?(?:修订|修正|印发|发布|试行)[）)]$"
)
# A web headline that exclaims (最新通报!德州这些乡镇、村成绩突出!): ends in ! and has no other sentence mark
# nor comma, and is longer than a salutation (同志们!, 大家好!); or exclaims its first phrase, the rest a
# headline's (24小时在线!岳阳市今起进入汛期,防汛和水利部门随时待命: no sentence mark, no punctuation at its end),
# that phrase no salutation a speech opens with (同志们!今天我们召开…, 各位代表!现在…); or asks and exclaims its
# answer (值班值守情况如何?督察!).
_EXCLAIMED_HEADLINE = re.compile(r"^(?=(?:[^\u4e00-\u9fff]*[\u4e00-\u9fff]){8})"
                                 r"(?:[^。？?，,]+[！!]|[^。？?，,！!]+[？?][^。？?，,！!]+[！!]|(?!各位|尊敬的|亲爱的)(?![^！!]*(?:们|大家好)[！!])"
                                 r"[^。？?，,！!]+[！!][^。？?！!；;：:]*[^。？?！!；;：:，,、\s])$")
# A news item's byline on a line of its own (N海都记者 李伟强, 本报记者 张三 通讯员 李四): who wrote it.
# A photo's caption in a news item ((图为检查核实现场)): not its opening.
# (So is a line crediting who provided the photo: 党组书记讲党课(行署办公室 提供).)
_CAPTION = re.compile(r"^[（(]?图[为：:]|[（(][^（()）\n]{1,20}?\s?提供[）)]$")
# (Set apart by a space: 通讯员培训班 is a title.)
_BYLINE = re.compile(r"^\S{0,8}?(?:记者|通讯员)\s+[\u4e00-\u9fff]{2,4}(?:[\s、，,]+(?:(?:记者|通讯员)\s+)?[\u4e00-\u9fff]{2,4})*$")
# A bulletin's table of contents under its masthead (本期要目, 本期导读): no title.
_CONTENTS = re.compile(r"^[【\[［]?(?:本期(?:要目|导读|目录|内容)|目\s*录|要\s*目)[】\]］]?$")


def parse(lines: tuple[str, ...], source_name: str, headings: Mapping[str, int] | None = None) -> ParsedReport:
    """Split cleaned lines into title and blocks; `source_name` is the report's file name,
    `headings` the lines its file styles as headings (text → level, 1 outermost).

    A 公文's 版头 (份号, 密级, 发文字号 … see gongwen), or a speaker line over a speech's
    title, is never the title: the title is the line after it, and those lines become the first
    blocks, right under the title (`lines_above_title`).
    """
    removed: Counter[str] = Counter()
    header = lines_above_title(lines)
    title, title_lines = _title_from_text(lines[header:])
    # a 信息公开 page's table names the document (文件名称 | …, 标题：…): its title, the line kept whole; a line
    # under it that is not that title is the text's first (标题：X / 今年以来，我办坚持……)
    field_title = info_fields(lines[:header]).get("title", "")
    if field_title and "".join(title.split()) != "".join(field_title.split()):
        title, title_lines = "", 0
    if title and header + title_lines < len(lines) and _PERIOD_LINE.match(lines[header + title_lines]):
        # 12345政府服务热线一周情况通报 / (2016年3月4日—3月10日): the period a periodic report covers is its title's
        title, title_lines = title + lines[header + title_lines], title_lines + 1
    after = list(lines[header + title_lines:])
    if title and after and after[0] == title:
        after.pop(0)
        removed["repeated_title"] += 1
    subtitle = _subtitle(after[0]) if title and after else ""
    if title.endswith("纪要") and after and MEETING_NUMBER.match(after[0].strip()):
        subtitle = after[0].strip()  # 县人民政府常务会议纪要 / 第12次: which of the meetings (the line stays text)
    body = list(lines[:header]) + after if title else list(lines)

    credited = "" if title or field_title else _credited_title(lines)
    bulletin = masthead(lines[:header])
    items = _item_headlines(after) if bulletin and title_lines else []
    if bulletin and not title_lines and len(run_in := _run_in_headlines(after)) >= _RUN_IN_ITEMS_MIN:
        # an issue whose items' headlines run in (县政府办召开…培训会。3月15日，…): each headline a line of its own
        after = [piece for k, line in enumerate(after) for piece in ((line[:run_in[k]], line[run_in[k]:]) if k in run_in else (line,))]
        items = [after[k + n] for n, k in enumerate(sorted(run_in))]
    if bulletin and items:  # an issue of several items is its bulletin's, each item's headline a heading (the first's too)
        body = list(lines[: header + title_lines]) + after
        headings = {**(headings or {}), **{line: 1 for line in [*lines[header: header + title_lines], *items]}}
        title, title_lines, field_title, subtitle = bulletin[0], 0, bulletin[0], ""
    if not title:
        # (an issue with no headline of its own is its bulletin's, which enrich names it by; not its file's: 政务信息第5期.txt)
        title = field_title or credited or ("" if bulletin else title_from_filename(source_name))
    joined = _join_wrapped_headings(_join_broken_lines(_split_run_on_items(body)))
    return ParsedReport(
        title=title,
        title_inferred=False,
        title_in_text=bool(title) and title_lines > 0,
        title_in_fields=bool(field_title or credited) and not title_lines,
        blocks=tuple(_blocks(joined, headings or _unnumbered_headings(joined),
                             _outer_lines(joined, title) | _unnumbered_parts(joined, headings or {}))),
        removed=dict(removed),
        subtitle=subtitle,
        masthead=bulletin[0] if bulletin else "",
        issue=bulletin[1] if bulletin else "",
    )


# A repost's credit names the document it copies (（原标题：…）, 文章来源于许昌市住建局,原文链接: 关于…的公告), at its
# top or its end
_CREDITED_TITLE = re.compile(r"(?:^|[，,；;。\s（(【\[])(?:原标题|原文标题|原文链接)\s*[:：]\s*(?P<title>\S.*?)[）)】\]]?$")
_ADDRESS = re.compile(r"https?:|www\.|\.(?:s?html?|jsp|aspx?|php)\b", re.IGNORECASE)
_CREDIT_LINES = 3


def _credited_title(lines: tuple[str, ...]) -> str:
    """The title a repost's credit line gives the text it copies ("" when none does, or it gives an address)."""
    for line in (*lines[:_CREDIT_LINES], *lines[-_CREDIT_LINES:]):
        m = _CREDITED_TITLE.search(line.strip())
        if m and not _ADDRESS.search(m.group("title")) and _is_title_like(m.group("title")):
            return m.group("title")
    return ""


# A paragraph of numbered items run on (1. 提高信息质量。…。2. 深化政务公开。…。3. …): its first item's number, and how
# the items after it are numbered — the next number and the same mark, after a sentence's end, no digit after it
_FIRST_ITEM = re.compile(rf"\s*(?:(?P<number>\d{{1,2}})(?P<mark>[.．、]){NO_DECIMAL}|(?P<open>[（(])(?P<bracketed>\d{{1,2}})(?P<close>[）)]))")


def _split_run_on_items(lines: list[str]) -> list[str]:
    """The lines, a paragraph of numbered items run on cut into a line per item, as they were before its
    paragraph marks were lost (a PDF's text, a pasted list): two items or more, numbered on from the first."""
    split = []
    for line in lines:
        first = _FIRST_ITEM.match(line)
        if not first:
            split.append(line)
            continue
        number = int(first.group("number") or first.group("bracketed"))
        cuts, at = [], first.end()
        while True:
            number += 1
            mark = (f"{number}{first.group('mark')}" if first.group("number")
                    else f"{first.group('open')}{number}{first.group('close')}")
            found = re.compile(rf"(?<=[。；;！？!?])\s*{re.escape(mark)}{NO_DECIMAL}").search(line, at)
            if not found:
                break
            cuts.append(found.start())
            at = found.end()
        split.extend(line[a:b] for a, b in zip([0, *cuts], [*cuts, len(line)]))
    return split


# A bulletin's item whose headline is its first sentence, a dateline or a purpose after it (县委督查室对春季植树
# 造林工作开展专项督查。3月18日至20日，…; 县委办开展“作风建设月”活动。为进一步锤炼过硬作风，…): a sentence of a
# headline's length, no clause in it
_HEADLINE_SENTENCE = r"\s*[^\s。！？!?；;，,：:][^。！？!?；;，,：:]{5,38}。"
_RUN_IN_HEADLINE = re.compile(
    _HEADLINE_SENTENCE
    + r"(?=(?:(?:19|20)\d\d年)?\d{1,2}月(?:\d{1,2}[日号]|上旬|中旬|下旬|初|底|份|以来)|近日|日前|连日来|近期|今年以来|入[春夏秋冬]以来"
    r"|为(?:进一步|全面|切实|深入|扎实|有效)?[\u4e00-\u9fff])"
)
_RUN_IN_ITEMS_MIN = 2
# …and, in an issue two of whose items open so, another item's headline whatever its text opens with (县政府办举办
# 网络安全知识讲座。县政府办邀请省网络安全专家…): a sentence of a headline's length, text after it
_RUN_IN_SHAPE = re.compile(_HEADLINE_SENTENCE + r"(?=\S{20,})")


def _run_in_headlines(after: list[str]) -> dict[int, int]:
    """Line → where its run-in headline ends, for a bulletin's items that open so (`_RUN_IN_HEADLINE`, and
    `_RUN_IN_SHAPE` once `_RUN_IN_ITEMS_MIN` items do)."""
    found = {k: m.end() for k, line in enumerate(after) if (m := _RUN_IN_HEADLINE.match(line))}
    if len(found) < _RUN_IN_ITEMS_MIN:
        return found
    return {k: m.end() for k, line in enumerate(after) if (m := _RUN_IN_SHAPE.match(line))} | found


def _item_headlines(after: list[str]) -> list[str]:
    """The headlines of a bulletin's further items under its first (县领导深入一线督导防汛工作 / 7月2日，… / 各乡镇全力
    做好强降雨防范应对 / 7月1日以来，…): title-like lines, each between the end of a paragraph and a paragraph."""
    return [line for k, line in enumerate(after)
            if 0 < k < len(after) - 1 and _is_title_like(line.strip()) and not _SENTENCE_END.search(line)
            and after[k - 1].rstrip().endswith(_PARAGRAPH_ENDS) and _SENTENCE_END.search(after[k + 1])
            and len(after[k + 1].strip()) > len(line.strip()) and not starts_block(line.strip())]


def _unnumbered_headings(body: list[str]) -> dict[str, int]:
    """The headings of a text that numbers none (a Word file's bold subheads, a WeChat post's, saved as
    text): three or more `_unnumbered_lines` (教育发展基础持续夯实 / 全年争取…。). A text with numbered headings
    (一、, （一）, 第一章) keeps only those (and its `_unnumbered_parts`)."""
    if any(_heading_style(line) in _SPLITTING_STYLES for line in body):
        return {}
    found = _unnumbered_lines(body)
    return {body[k]: 1 for k in found} if len(found) >= _UNNUMBERED_MIN_COUNT else {}


def _unnumbered_parts(body: list[str], styled: Mapping[str, int]) -> set[int]:
    """The `_unnumbered_lines` of a text with numbered headings that head its parts above them (“十四五”时期工作回顾
    … 2026年重点工作 over （一）…（八）): two or more, the first before any numbered heading. Not the lines
    the file styles as headings, which nest as their style says (a text has one outline in every format)."""
    numbered = next((k for k, line in enumerate(body) if _heading_style(line) in _SPLITTING_STYLES), None)
    if numbered is None:
        return set()
    found = [k for k in _unnumbered_lines(body) if body[k] not in styled]
    if len(found) < _UNNUMBERED_PARTS_MIN or found[0] > numbered:
        return set()
    # each part's numbered headings count from the first again (2026年重点工作 over （一）…): a line over numbers that go
    # on (马上就办 真抓实干 over 一、二、, then 凝心聚力 再创佳绩 over 三、, slogans between the parts) or over none (下步工作打算
    # after the numbered parts) heads no part
    for k, after in zip(found, [*found[1:], len(body)]):
        heads = [(line, style) for line in body[k + 1 : after] if (style := _heading_style(line)) in _SPLITTING_STYLES]
        if (heads and not _numbered_first(*heads[0])) or (not heads and after == len(body)):
            return set()
    return set(found)


def _unnumbered_lines(body: list[str]) -> list[int]:
    """Lines that read as unnumbered headings: short, with no sentence's punctuation, each between the end of
    a paragraph and a paragraph that says more; a date, a number or a body's name alone is none."""
    found = []
    for k, line in enumerate(body):
        text = line.strip()
        after = body[k + 1].strip() if k + 1 < len(body) else ""
        before = body[k - 1].strip() if k else ""
        if (_UNNUMBERED_MIN_LEN <= len(text) <= _UNNUMBERED_MAX_LEN and not _UNNUMBERED_NOT.search(_A_YEAR.sub("", text))
                and (not before or before.endswith(_PARAGRAPH_ENDS)) and len(after) >= 2 * len(text)
                and _SENTENCE_END.search(after) and not _CAPTION.search(text) and not _ISSUER_END.search(text)
                and not starts_block(text)):
            found.append(k)
    return found


_UNNUMBERED_MIN_LEN, _UNNUMBERED_MAX_LEN, _UNNUMBERED_MIN_COUNT, _UNNUMBERED_PARTS_MIN = 4, 24, 3, 2


def _outer_lines(body: list[str], title: str) -> set[int]:
    """The lines (by index: the same text may stand elsewhere as no heading) that head a part of
    the text above all its numbered headings, in the outline only (`Block.outline_only`): the
    title line of the document a notice issues (关于印发《X》的通知 … X, then X's 一、…), and the
    parts after the text — 附件 (附件2：), 名词解释, 注释, 附录, 结束语 alone on their line, once a
    sentence was written (readers outline them so: tests/data/outline_labels.tsv)."""
    issuing = [title] if _ISSUING.search(title) else []
    issuing += [line for line in body[:_ISSUING_LINES] if _ISSUING_TEXT.search(line)]  # 现将《X》印发给你们
    issued = {_name_key(name) for text in issuing for name in _ISSUED_NAME.findall(text)}
    outer, written = set(), False  # (附件1 over a title marks the file as an attachment: no part of its text)
    for i, line in enumerate(body):
        if _name_key(line) in issued or (written and _END_PART.match(line.strip())):
            outer.add(i)
        written = written or bool(_SENTENCE_END.search(line))
    # (附件： / 包头市数字政府建设考评指标 / [signature, date] / 附件 / 包头市数字政府建设考评指标 …: the notice's list of
    # its attachment, then the attachment: the list holds a name only, and is no part)
    attached = [i for i in sorted(outer) if _ATTACHMENT_LINE.match(body[i].strip()) and i + 1 < len(body)]
    named_later = {_name_key(body[i + 1]): i for i in attached}  # (an attachment's name → its last attachment line)
    return {i for i in outer if not (i in attached and not _SENTENCE_END.search(body[i + 1])
                                     and named_later.get(_name_key(body[i + 1]), i) > i)}


def _name_key(name: str) -> str:
    """A document's name as compared: no white space, inner quotation marks alike (〈RCEP〉 and 《RCEP》)."""
    return "".join(name.split()).translate(_INNER_MARKS)


_ISSUING = re.compile(r"(?:印发|转发|颁布|发布)《")
_ISSUING_TEXT = re.compile(r"《[^《》]{4,80}》\S{0,12}?(?:印发|转发)给")
_ISSUING_LINES = 12
_ISSUED_NAME = re.compile(r"《([^《》]{4,80})》")
_INNER_MARKS = str.maketrans("〈〉", "《》")
_ATTACHMENT = r"附\s*件\s*[\d１-９一二三四五六七八九十]{0,2}\s*[：:]?"  # 附件, 附件2：
_GLOSSARY_NAME = r"(?:名词解释|注\s*释)"
_END_PART = re.compile(rf"^(?:{_ATTACHMENT}\s*{_GLOSSARY_NAME}?|{_GLOSSARY_NAME}|附\s*录|结束语)$")  # (附件2 名词解释 on one line)
_ATTACHMENT_LINE = re.compile(rf"^{_ATTACHMENT}$")
_OUTER = "outer"  # the style of _outer_lines' headings
_ATTACHED = "attached"  # …and of a named part right under an attachment's line (附件2 / 名词解释)
# (not a subtitle, a slogan in quotes, a photo's caption: 颁奖仪式现场, 与会人员认真听讲, 图为…)
_UNNUMBERED_NOT = re.compile(r"[，。；：,;:！？!?、]|\d|[〇○零一二三四五六七八九十]{2,}年|月.{0,3}日|^(?:图[为：:]?|表[：:]|附件)"
                             r"|^(?:——|--|―)|^[“\"「『].*[”\"」』]$|(?:现场|合影|留影|一角|剪影|掠影|领奖|颁奖|听讲|发言|讲话|致辞|座谈)$")
_PARAGRAPH_ENDS = ("。", "！", "？", "!", "?", "”", "）", ")")
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d年")  # (存在的问题和2024年工作打算, 2026年重点工作: a year in a subhead is no figure)


def lines_above_title(lines: tuple[str, ...]) -> int:
    """How many opening lines stand above the title and are shown under it: the 版头
    (gongwen.header_length), a speech's speaker line over its title (县长 刘某某 / 在…上的讲话), a
    cover's label (汇 报 材 料) and the presenter and month under it (光山县水利局 / 二〇二三年十二月),
    and a line in Latin letters over a Chinese title (Work Summary 2023, LUOTIANXIAN RENMIN ZHENGFU); a rule or a page
    number above or below the 版头 (————, ******, - 1 -: a text copied from a page or a mail) says nothing."""
    header = _decoration(lines)
    header += header_length(lines[header:])
    header += _decoration(lines[header:])
    while header + 1 < len(lines) and _dates_the_text(lines[header]) and _is_title_like(lines[header + 1]):
        header += 1
    if header + 1 < len(lines) and _is_title_like(lines[header + 1]) and (
        _is_speaker_line(lines[header].strip()) or _LATIN_LINE.match(lines[header].strip())
        or (COVER_LABEL.match("".join(lines[header].split())) and _titled_below(lines[header + 1:]))
        # a bare year over a title it does not join (2024 / 全县经济运行分析: no document type to date)
        or (_BARE_YEAR_LINE.match(lines[header].strip())
            and not DOC_TYPE_WORDS.search(_BRACKETED_TAIL.sub("", lines[header + 1])))
    ):
        header += 1
    if _cover_block(lines[header:]):
        header += 2
    if header + 1 < len(lines) and _COLUMN_LINE.match(lines[header].strip()) and _is_title_like(lines[header + 1]):
        header += 1  # (工作动态 / 县农业农村局开展…: the column a page was filed under, over its headline)
    return header + _one_item_contents(lines[header:])


# the name of a website's column (栏目) that a page copied from it opens with
_COLUMN_LINE = re.compile(r"^[【\[]?(?:工作|新闻|政务|部门|乡镇|基层|县区|区县|图片)?(?:动态|要闻|新闻)[】\]]?$|^(?:时政要闻|通知公告)$")


# A line of rules or ornaments (————, ******, ====, ※※※, ·) or a page number (1, - 1 -, —2—, 1/5, 第 1 页 共 5 页)
_DECORATION_LINE = re.compile(r"^[\W_]*(?:(?:\d{1,3}(?:\s*/\s*\d{1,3})?|第\s*\d{1,3}\s*页(?:[\W_]*共\s*\d{1,3}\s*页)?)[\W_]*)?$")


def _decoration(lines: tuple[str, ...]) -> int:
    """How many opening lines are rules, ornaments or a page number (`_DECORATION_LINE`), blank ones among them."""
    return sum(1 for _ in itertools.takewhile(lambda line: _DECORATION_LINE.match(line.strip()), lines))


def _one_item_contents(lines: tuple[str, ...]) -> int:
    """How many lines a bulletin's contents take when they list one item, whose headline follows them
    (【本期要目】 / 关于全县秸秆禁烧工作的督查通报 / 关于全县秸秆禁烧工作的督查通报 / …): the headline is the
    issue's title. An issue of several items keeps its masthead as its title; 0 when no contents."""
    if not lines or not _CONTENTS.match(lines[0].strip()):
        return 0
    items = list(itertools.takewhile(lambda line: line.strip().startswith(_BULLETS), lines[1:]))
    if len(items) == 1 and len(lines) > 2 and _is_title_like(lines[2]):
        return 2
    if not items and len(lines) > 2 and lines[1].strip() == lines[2].strip():
        return 2  # (the one item's line, then its headline again)
    return 0


_BULLETS = tuple("●•·◆◇■□★☆▲△▶►")


def _cover_block(lines: tuple[str, ...]) -> bool:
    """A cover page (under its label, if any): who presents the paper and the month, over the report's own title."""
    return (len(lines) > 2 and bool(_ISSUER_END.search(lines[0].strip())) and bool(_MONTH_LINE.match(lines[1].strip()))
            and _is_title_like(lines[2]))


def _titled_below(lines: tuple[str, ...]) -> bool:
    """Whether the report's own title follows a cover's label (after the cover's presenter and month, if
    any): a title that names its kind of document (关于…的情况汇报, 2023年工作总结), or one over a ——subtitle;
    not a salutation (同志们) or the presenter alone, under which the label is the best title there is."""
    if _cover_block(lines):
        lines = lines[2:]
    title, taken = _title_from_text(lines)
    return bool(title) and (bool(DOC_TYPE_WORDS.search(_BRACKETED_TAIL.sub("", title)))
                            or (taken < len(lines) and lines[taken].startswith(_DASHES)))


def _is_speaker_line(line: str) -> bool:
    """县长 刘某某: a post and a name (not 县审计局局长 述职报告, a title)."""
    return bool(SPEAKER.match(line)) and not DOC_TYPE_WORDS.search(line) and not line.endswith("发言")


def _dates_the_text(line: str) -> bool:
    """A line above the title that tells when the text was written, issued or posted: the day alone
    (2023年12月20日, 二〇二三年十二月二十日, （2023年12月20日）, 2023-12-20 10:35, 2023年12月20日 星期三), the
    版记's 印发 line or an edition line (县农业农村局办公室 2023年12月20日印发), a web page's source or time
    line (来源：永修县人民政府网 2023-12-20). Never the title: it stays in the text, where enrich reads its date."""
    text = line.strip()
    return bool(_DAY_LINE.match(text) or _PRINTED_LINE.match(text) or edition_editor(text)
                or (_WEB_PAGE_LINE.match(text) and _A_DAY.search(text)))


# a month or a day in words (2023年12月, 二〇二三年十二月二十日)
_DATE_WORDS = (r"(?:(?:19|20)\d\d|[〇○零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
               r"(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?")
_A_DAY = re.compile(rf"{_DATE_WORDS}|(?:19|20)\d\d\s*[-./／]\s*\d{{1,2}}\s*[-./／]\s*\d{{1,2}}")
_DAY_LINE = re.compile(rf"^[（(]?(?:{_A_DAY.pattern})(?:\s*(?:星期|周)[一二三四五六日天]|\s*\d{{1,2}}\s*[:：时]\s*\d{{2}}分?)*[）)]?$")
_PRINTED_LINE = re.compile(rf"^\S{{2,30}}?[ \u3000]+(?:{_A_DAY.pattern})\s*印发$")
_WEB_PAGE_LINE = re.compile(r"^(?:来源|稿源|信息来源|发布时间|发布日期|时间|日期)\s*[:：]")
_BARE_YEAR_LINE = re.compile(r"^(?:19|20)\d\d$")
_MONTH_LINE = re.compile(rf"^{_DATE_WORDS}$")  # 二〇二三年十二月, a cover's month
# A cover's label for the kind of paper (汇 报 材 料, 交流材料, 汇报提纲) over the report's own title
COVER_LABEL = re.compile(r"^(?:汇报|交流|经验|典型|发言|书面|参阅|学习|会议|座谈|述职)(?:材料|提纲)$|^(?:讲话|发言)稿$")


_LATIN_LINE = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9\s.,:;'&()\-/]+$")


def with_inferred_title(report: ParsedReport, org: str | None, doc_type: str | None) -> ParsedReport:
    """Give a report without any title one built from its metadata and opening (after enrich)."""
    if report.title:
        return report
    # from the first paragraph of text (a heading such as 一、总体情况 names a part, not the
    # report): not a 版头 or 信息公开 line, not the addressees (各乡镇人民政府：), not a byline or a photo's caption
    texts = (block for block in report.blocks if not _not_the_opening(block.text))
    first = next(texts, None)
    opening = first.text if first and first.kind == "paragraph" else next(
        (b.text for b in texts if b.kind == "paragraph"), first.text if first else "")
    # (a masthead that names the kind more closely is the kind: 罗田县人民政府 / 常务会议纪要 / 第15期, not …纪要)
    kind = report.masthead if doc_type and doc_type not in NAMELESS_TYPES and report.masthead.endswith(doc_type) else doc_type
    return replace(report, title=infer_title(org, kind, opening), title_inferred=True, title_in_text=False)


def _not_the_opening(text: str) -> bool:
    """A 版头 or 信息公开 line, the addressees, a byline, a photo's caption, a date line or a rule: no title is read there."""
    line = text.strip()
    return (is_header_line(line) or is_addressee_line(line) or bool(_BYLINE.match(line) or _CAPTION.search(line))
            or bool(_BARE_YEAR_LINE.match(line) or _DECORATION_LINE.match(line)) or _dates_the_text(line))


_SESSION_LINE = re.compile(r"^在\S{0,30}?(?:人民代表大会|人大)\S{0,20}?会议上$")  # ——在七里坪镇第十九届人民代表大会第三次会议上


def _subtitle(line: str) -> str:
    """——第八次全国职工队伍状况调查总报告 under a title: its subtitle; a date line
    (——2026年1月26日在…会议上) is not one, nor the session's line without its day."""
    if not line.startswith(_DASHES):
        return ""
    text = line.lstrip("—―-").strip()
    if not text or len(text) > _TITLE_MAX_LEN or _SENTENCE_END.search(text) or re.match(r"[\d０-９〇○零一二三四五六七八九]{2,4}年", text):
        return ""
    return "" if _SESSION_LINE.match(text) else text


def _title_from_text(lines: tuple[str, ...]) -> tuple[str, int]:
    """(title, number of lines it took) from the opening lines; ("", 0) when none is a title."""
    if len(lines) > 1 and _YEAR_LINE.match(lines[0]) and not _YEAR_LINE.match(lines[1]):  # (one year line, not a run)
        # 2023年度 / 乡人民政府工作总结: the year above a report's title is part of it (a bare 2024
        # set apart by a space, as it stands on its own line)
        rest, taken = _title_from_text(lines[1:])
        if taken and DOC_TYPE_WORDS.search(_BRACKETED_TAIL.sub("", rest)):
            return lines[0] + (" " if lines[0].isdigit() else "") + rest, taken + 1
    if not lines or not _is_title_like(lines[0]):
        return "", 0
    first = lines[0]
    second = lines[1] if len(lines) > 1 else ""
    # 政府工作报 / 告: a doc-type word broken over the line end.
    if (
        0 < len(second) <= 6
        and not _SENTENCE_END.search(second)
        and not DOC_TYPE_WORDS.search(first)
        and DOC_TYPE_WORDS.search(first + second)
    ):
        return first + second, 2
    joined = _title_over_lines(lines)
    if joined[1] > 1:
        return joined
    if _headline_over_two_lines(lines):  # (a kicker over the main line that opens with its subject, set apart by a space:
        return first + (" " if _kicker(first, second) else "") + second, 2  # 聚焦民生实事 县住建局加快推进…)
    if _title_broken_at_phrase(lines):  # (a motto's two phrases over the title stay apart from it)
        return first + (" " if re.search(r"\s", first) else "") + second, 2
    if second and _is_title_like(second) and second not in first:
        # Two title lines above a dash subtitle (——在……上的报告). A second line that the first
        # contains (2026年宁夏回族自治区政府工作报告 / 政府工作报告) is the document's own title
        # under a web page's headline: it stays in the text.
        if len(lines) > 2 and lines[2].startswith(_DASHES):
            return f"{first} {second}", 2
    return first, 1


def _title_over_lines(lines: tuple[str, ...]) -> tuple[str, int]:
    """A 公文 title set over two or three lines: the issuer's name, then 关于…的报告 (or
    2023年工作总结); or a line ending in 关于 and its continuation. Joined without a space,
    as it reads; only when the last line ends in a document type."""
    first = lines[0]
    if DOC_TYPE_WORDS.search(first):
        return first, 1
    issuer = bool(_ISSUER_END.search(first) or _ISSUER_TO.match(first))
    parts = [first]
    # (a line set out letter by letter is read, and joined, as it is meant: 罗田县水利局 / 工 作 总 结)
    candidates = [unspaced(line) for line in lines[1:_TITLE_MAX_LINES]]
    for k, line in enumerate(candidates):
        # (and 县政府办公室 / 2023年度 / 工作总结: a year line between the issuer and the rest)
        # (the issuers' lines may be two: 中共某某镇委员会 / 某某镇人民政府 / 2023年工作总结)
        goes_on = line.startswith("关于") or "关于" in "".join(parts) or (issuer and all(_ISSUER_END.search(p) for p in parts)) or (
            issuer and len(parts) == 2 and bool(_YEAR_LINE.match(parts[1]))) or (
            line.startswith(_JOINING_STARTS) and bool(DOC_TYPE_WORDS.search(parts[-1])))  # …2023年工作总结 / 和2024年工作计划
        if not goes_on or not _is_title_like(line):
            break
        # (two issuers' lines, 中共某某县委办公室 / 某某县人民政府办公室 / 关于…: set apart, as on one line)
        parts.append(("\u3000" if _ISSUER_END.search(parts[-1]) and _ISSUER_END.search(line) else "") + line)
        title = "".join(parts)
        # …记录制度 / 重大执法决定法制审核制度的指导意见: a line that ends in a document word
        # (制度) may still be continued by one that ends in another.
        following = candidates[k + 1] if k + 1 < len(candidates) else ""
        if DOC_TYPE_WORDS.search(line) and not (_is_title_like(following) and DOC_TYPE_WORDS.search(following)):
            return (title, len(parts)) if len(title) <= _TITLE_MAX_LEN else (first, 1)
    return first, 1


def _title_broken_at_phrase(lines: tuple[str, ...]) -> bool:
    """A report's title centred over two lines, broken between phrases (夷陵区2023年工作总结暨 /
    2024年工作计划, …巩固拓展脱贫攻坚成果 / 同乡村振兴有效衔接工作总结): the first line names no
    document type, the second ends in one, and no third title line follows (a title is set
    apart from its text)."""
    if len(lines) < 2:
        return False
    first, second = lines[0], lines[1]
    after = lines[2] if len(lines) > 2 else ""
    return (
        not DOC_TYPE_WORDS.search(_BRACKETED_TAIL.sub("", first))
        and not first.endswith(("！", "!", "？", "?", "。"))  # a web headline over the document's own title is whole
        and _is_title_like(second)
        and not second.startswith(_DASHES)
        and bool(DOC_TYPE_WORDS.search(_BRACKETED_TAIL.sub("", second)))
        and len(first) + len(second) <= _TITLE_MAX_LEN
        and not (after and _is_title_like(after) and not PERSONAL_BYLINE.match(after) and not edition_editor(after))
        # a second line that opens as a title of its own (2023年…, 关于…, a place) under a column's
        # name (学习园地) is not a continuation, unless the first line ends on a joining word (…暨),
        # is a motto of phrases set apart by spaces, or opens as a title itself (钟山区12345政务服务便民热线 /
        # 2024年6月份工单办理情况通报)
        and (first.endswith(_JOINING_ENDS) or bool(_MOTTO.fullmatch(first)) or not _opens_title(second)
             or _opens_title(first))
    )


def _opens_title(line: str) -> bool:
    """Whether a line opens as a title does: 关于…, a year, a place (2023年工作总结, 红安县…)."""
    places = find_places(line[:12])
    return bool(_OPENS_TITLE.match(line)) or (bool(places) and places[0].start == 0)


def _kicker(first: str, second: str) -> bool:
    """Whether a headline's first line is a kicker (引题) over a main line with a subject of its own (聚焦民生实事 /
    县住建局加快推进老旧小区改造), not the first half of one headline (民生实事项目 / 早建成早投用早惠民) nor its subject
    (区人大崧厦街道工委 / 专项督查助推城市文明)."""
    return opens_with_subject(second) and not find_places(first) and not _BODY_END.search(first) and not opens_with_subject(first)


def _headline_over_two_lines(lines: tuple[str, ...]) -> bool:
    """A news headline in two short lines, a kicker over the main line (省政府办公厅通知要求 /
    完善突发事件信息报告体系, then the item's first sentence): neither line names a document type
    (a report's title line is whole), neither is an issuer or author alone (an issuer's line goes
    on only into a document's name; 市总工会课题组 under a title signs it), and a sentence follows them."""
    if len(lines) < 3:
        return False
    first, second, after = lines[0], lines[1], lines[2]
    return (
        all(len(line) <= _HEADLINE_LINE_MAX_LEN and not re.search("[:：]", line) for line in (first, second))
        and _is_title_like(second)
        and not _CAPTION.search(second)
        and not PERSONAL_BYLINE.match(second)  # (基层减负要减到实处 / 县委办公室  张某: a paper's title and its writer)
        and second not in first
        # (nor a headline restated under itself: 霍邱开展全县电子政务外网专项督查工作 / 县政府办牵头开展全县电子政务外网
        # 专项督查工作, a sub-headline that stays in the text)
        and not _restates(first, second)
        and not any(DOC_TYPE_WORDS.search(line) and not line.endswith(_PAPER_WORDS) for line in (first, second))
        # nor its author; but a body's name over a deed is a headline when a news item's dateline follows
        # (襄城县审计局 / 实地督导 审计整改情况 / 本报讯(通讯员 纪浩朋)…)
        and (not any(_BODY_END.search(line) or line.endswith("组") for line in (first, second))
             or bool(NEWS_DATELINE.match(after)))
        and len(_HAN.findall(second)) >= _HEADLINE_MIN_HAN  # (nor a name: 张三)
        and bool(_SENTENCE_END.search(after))
    )


def _restates(first: str, second: str) -> bool:
    """Whether two lines share a run of characters as long as half the shorter one: one says the other again."""
    match = SequenceMatcher(None, first, second, autojunk=False).find_longest_match(0, len(first), 0, len(second))
    return 2 * match.size >= min(len(first), len(second))


def _is_title_like(line: str) -> bool:
    return (
        2 <= len(line) <= _TITLE_MAX_LEN
        and not (len(line) > _TITLE_MAX_LEN_WITH_COMMA and re.search("[，,]", line))
        and not _SENTENCE_END.search(line if not _EXCLAIMED_HEADLINE.match(line) else "")
        and not line.endswith(_NOT_A_HEADING_END)
        and not line.startswith(_DASHES + ("（", "("))
        and _heading_style(line) is None
        and not _ARTICLE.match(line)
        and not _DATE_LINE.match(line)
        and not _DOC_NUMBER.search(line)
        and not _BYLINE.match(line)
        and not _is_speaker_line(line)
        and not _CONTENTS.match(line)
        and not NEWS_DATELINE.match(line)  # 楚天都市报讯 【暗访短片】 under a headline opens the item
        and not edition_editor(line)  # 区应急管理局    2024年5月20日: who issued it and when
        and bool(_HAN.search(line))
    )


def _heading_style(line: str) -> str | None:
    for name, pattern in _HEADING_STYLES:
        if pattern.match(line):
            return name
    return None


def _blocks(body: list[str], headings: Mapping[str, int], outer: set[int]) -> list[Block]:
    """Classify lines, then give headings levels by the nesting order of the styles used;
    `outer` are lines that head parts above every numbered heading (`_outer_lines`)."""
    lines: list[list[tuple[str, str, str]]] = []  # per line: its (kind, text, style) parts
    bare, decimal = _bare_numbers(body), _decimal_parts(body)
    for i, line in enumerate(body):
        styled = headings.get(line)
        if i in bare:
            lines.append([("heading", line, _BARE)])
        elif i in decimal:
            lines.append([("heading", line, _DECIMAL_PART)])
        elif i in outer:
            # (附件2 / 名词解释: a named part right under an attachment's line is its title, a level under it)
            attached = i - 1 in outer and bool(_ATTACHMENT_LINE.match(body[i - 1].strip())) and not _ATTACHMENT_LINE.match(line.strip())
            lines.append([("heading", line, _ATTACHED if attached else _OUTER)])
        elif styled and _heading_style(line) is None and not _ARTICLE.match(line):
            lines.append([("heading", line, f"{_STYLED}{styled}")])
        else:
            lines.append(_classify(line, body[i + 1] if i + 1 < len(body) else ""))
    _sentence_siblings(body, lines)
    _lists_read_alike(body, lines, _items_not_headings(body, lines, headings))
    # (points and leads before the sub-heads: 四是持续优化提升营商环境。 is a point, as 一是… above it; 这是…的五年。 a lead, as
    # the longer ones of its kind)
    _ordinal_leads(body, lines)
    _parallel_leads(body, lines)
    _sentence_subheads(body, lines)
    _glossary_terms(body, lines, outer)
    raw = [part for parts in lines for part in parts]

    rank: dict[str, float] = {**_STYLE_RANK, **_styled_ranks(raw, headings), _OUTER: -1000, _ATTACHED: -999,
                              _BARE: _STYLE_RANK["cn"], _DECIMAL_PART: _STYLE_RANK["decimal2"] - 0.5, _SUBHEAD: math.inf, _LEAD: math.inf,
                              **{_TERM + style: value for style, value in _STYLE_RANK.items()}}

    def levels(parts: list[tuple[str, str, str]]) -> dict[str, int]:
        depths = sorted({rank[style] for kind, _, style in parts if kind == "heading"})  # every heading style is ranked
        return {style: min(2 + depths.index(rank[style]), 6) for kind, _, style in parts if kind == "heading"}

    # the parts before the first outer line are not inside it: their levels are the text's own
    # (一、… 二、… then 名词解释 or 附件 is their sibling; the 一、 of an attachment is under its 附件)
    first_outer = next((k for k, (_, _, style) in enumerate(raw) if style == _OUTER), len(raw))
    level_before, level_after = levels(raw[:first_outer]), levels(raw[first_outer:])

    blocks: list[Block] = []
    anchors: Counter[str] = Counter()
    above = 1  # the level of the last heading that is no sub-head: a sub-head nests just under it
    part = 1  # …and of the last that is no lead either: a lead nests just under it, the sub-heads after it under the lead
    enclosing: list[tuple[float, int]] = []  # (rank, level) of the numbered headings the current one is inside
    for k, (kind, text, style) in enumerate(raw):
        if kind == "heading":
            if style == _SUBHEAD:
                level = min(above + 1, 6)
            elif style == _LEAD:
                level = above = min(part + 1, 6)
            else:
                # by its style's rank, but never more than one level under the heading it is inside (22.加强组织领导。
                # right under 三、保障措施, where the other parts have （一）: a level deeper than 三、, not two)
                level = (level_before if k < first_outer else level_after)[style]
                while enclosing and enclosing[-1][0] >= rank[style]:
                    enclosing.pop()
                level = above = part = min(level, enclosing[-1][1] + 1) if enclosing else level
                enclosing.append((rank[style], level))
            outline_only = style in (_OUTER, _ATTACHED, _BARE, _SUBHEAD, _LEAD) or style.startswith(_TERM)
            blocks.append(Block("heading", text, level=level, outline_only=outline_only))
        elif kind == "article":
            article = _ARTICLE.match(text)
            assert article is not None  # _classify makes only such lines articles
            number = article.group(1)
            anchors[number] += 1
            anchor = number if anchors[number] == 1 else f"{number}-{anchors[number]}"
            blocks.append(Block("article", text, anchor=anchor))
        else:
            blocks.append(Block("paragraph", text))
    return blocks


def _bare_numbers(body: list[str]) -> set[int]:
    """Lines that are a number alone over the text of a part (1960's 一 / 一九五六年到…, 二 / 下面我首先说…): the
    parts' headings, numbered as 一、 is, when the first is 一 and another follows. In the outline only: a number
    names no topic, and its part is cut into windows as a text without headings is."""
    found = [i for i, line in enumerate(body)
             if _BARE_NUMBER.match(line.strip()) and i + 1 < len(body) and _SENTENCE_END.search(body[i + 1])]
    return set(found) if len(found) > 1 and body[found[0]].strip() == "一" else set()


def _decimal_parts(body: list[str]) -> set[int]:
    """Lines that head the parts of a decimal numbering (1 总体要求 over 1.1 指导思想 … 3 保障措施): a number, a space and
    a short name, numbered 1, 2, 3 … in turn, when lines numbered under one of them (1.1 …) follow. Without them, 1 总体要求
    may be a table's row or a list's."""
    subparts = {m.group(1) for line in body if (m := _DECIMAL_SUB.match(line.strip()))}
    found, expected = set(), 1
    for i, line in enumerate(body):
        m = _DECIMAL_PART_LINE.match(line.strip())
        if m and int(m.group(1)) == expected:
            found.add(i)
            expected += 1
    return found if subparts & {str(n) for n in range(1, expected)} else set()


_DECIMAL_PART_LINE = re.compile(r"^(\d{1,2})[ \u3000]+[\u4e00-\u9fff][^。；，,;\s]{0,24}$")
_DECIMAL_SUB = re.compile(r"^(\d{1,2})[.．]\d{1,2}(?![.．\d])[ \u3000]+[\u4e00-\u9fff]")
_DECIMAL_PART = "decimal"  # the style of _decimal_parts' headings (ranked over 1.1)

_BARE_NUMBER = re.compile(r"^[一二三四五六七八九十]{1,3}$")
_BARE = "bare"  # the style of _bare_numbers' headings (ranked as 一、)


def _sentence_siblings(body: list[str], lines: list[list[tuple[str, str, str]]]) -> None:
    """A numbered sentence alone on its line (（二）整治违法建筑。) is a heading when a line of its
    numbering under the same heading is one (（一）深化垃圾分类。 over its text, or on a line of its
    own): the items of one outline are read alike, whether or not each has text of its own. Only
    the numberings that cut a run-in heading (一、, （一）, 第X章 …), never 1. or （1）."""
    parents: list[tuple[int, int]] = []  # (rank, line) of the open headings, outermost first
    siblings: dict[tuple[int, str], list[int]] = {}
    for i, parts in enumerate(lines):
        style = _heading_style(body[i]) if parts[0][0] != "article" else None
        if style is None:
            continue
        rank = _STYLE_RANK[style]
        while parents and parents[-1][0] >= rank:
            parents.pop()
        siblings.setdefault((parents[-1][1] if parents else -1, style), []).append(i)
        if parts[0][0] == "heading":
            parents.append((rank, i))
    for (_, style), members in siblings.items():
        if style not in _SPLITTING_STYLES or not any(lines[i][0][0] == "heading" for i in members):
            continue
        # (（四）推动标志性改革举措加快落地，更好发挥经济体制改革牵引作用。扎实推进… among （一）… （三）… that lead
        # their text so: when two of the items are such run-in headings, a longer lead is one too — its item is their
        # sibling, not the text of the heading before it)
        run_in = sum(len(lines[i]) == 2 and lines[i][0][0] == "heading" for i in members) >= 2
        for i in members:
            line = body[i]
            end = _LEAD_END.search(line)
            if (lines[i][0][0] == "paragraph" and not end and len(line) <= _RUN_IN_MAX_LEN and not line.endswith(_NOT_A_HEADING_END)
                    and i + 1 < len(body) and not starts_block(body[i + 1]) and _SENTENCE_END.search(body[i + 1])
                    and len(body[i + 1]) > len(line)):
                # (（三）增强对快递行业从业人员职业技能和职业素养的培训，帮助他们树立…规划 over its text: a name longer
                # than a heading line's, among named siblings; not a line of a text wrapped at a fixed width, which goes
                # on in a line no longer than it)
                lines[i] = [("heading", line, style)]
            if lines[i][0][0] != "paragraph" or not end or _NO_SIBLING.search(line, 0, end.end()):
                continue
            if end.end() == len(line) <= _SIBLING_MAX_LEN:
                lines[i] = [("heading", line, style)]
            elif (run_in and end.end() <= _RUN_IN_MAX_LEN and end.end() < len(line)
                  and not _NOT_A_NAME.search(line, 0, end.end())):  # (a requirement's lead: as _lead_split reads it)
                lines[i] = _run_in(line, end.end(), style)


def _lists_read_alike(body: list[str], lines: list[list[tuple[str, str, str]]], items_made: set[int]) -> None:
    """The items of a list of a lower numbering (1., （1）) are read alike: when one of them stays a
    paragraph (its lead is a sentence longer than a name: 2.各单位要…), the run-in headings the others
    made are paragraphs again, so that no item holds its siblings as its text — styled or not: Word's
    outline numbering styles every 1. alike, and a text has one outline in every format (the .docx
    of a .txt outlines as the .txt does: tests/test_reader_docx.py). An item `_items_not_headings`
    reads as an item (a 项 of an article, an attachment listed) is never promoted: its siblings are items too.
    In a list none of whose items reads as a heading, the items that lead a longer text are run-in headings when most do."""
    members: dict[tuple[str, int], list[int]] = {}  # (style, list) → its items' lines
    opened: dict[str, int] = {}  # style → the line of the heading above that its current list is under
    above = -1
    for i, line in enumerate(body):
        style = _heading_style(line) if lines[i][0][0] != "article" else None
        if style is None:
            if lines[i][0][0] == "heading":
                above = i  # an unnumbered heading starts new lists under it
            continue
        if style not in _RUN_IN_STYLES:
            above = i
            continue
        if _numbered_first(line, style) or opened.get(style, -2) < above:
            opened[style] = i
        members.setdefault((style, opened[style]), []).append(i)
    for items in members.values():
        kinds = {lines[i][0][0] for i in items}
        if kinds == {"paragraph"} and len(items) > 1 and not items_made.intersection(items):
            # most items lead a text more than twice as long with one sentence (1.吉林省白城市有关部门摊派报刊订阅任务，
            # 加重基层负担。近年来，…): the cases of a 通报, the findings of a 调研报告, each headed by its lead (an item
            # that leads none, 4.还有部分职工…。, stays a paragraph)
            leads = {i: _longer_lead(body[i], _LEAD_TEXT_TIMES) for i in items}
            if 2 * sum(bool(parts) for parts in leads.values()) > len(items):
                for i, parts in leads.items():
                    lines[i] = parts or _short_sibling(body[i]) or lines[i]
            continue
        if kinds != {"heading", "paragraph"}:
            continue
        # a sibling whose lead is a longer sentence is a heading like them (3.发挥工会的作用，提高职工的维权意识。…),
        # any run-in lead when most of them are headings, as _sentence_siblings reads them; items that are no
        # sentence's lead, a list item's whole text, make them all a list again unless most of them are headings
        most_lead = 2 * sum(lines[i][0][0] == "heading" for i in items) > len(items)
        promoted = {i: [] if i in items_made else (_lead_split(body[i], body[i + 1] if i + 1 < len(body) else "")
                                                   or (_longer_lead(body[i], 0) if most_lead else []))
                    for i in items if lines[i][0][0] == "paragraph"}
        if 2 * (len(items) - list(promoted.values()).count([])) > len(items):  # (most: the others stay paragraphs)
            for i, parts in promoted.items():
                lines[i] = parts or _short_sibling(body[i]) or lines[i]
        else:
            for i in items:
                lines[i] = [("paragraph", body[i], "")]


def _short_sibling(line: str) -> list[tuple[str, str, str]]:
    """A numbered line that is one sentence as short as a heading's name (3.部分项目安全生产管理存在漏洞。), read as
    its siblings are when they are headings, as `_sentence_siblings` reads （二）整治违法建筑。; [] if not, or if it
    counts (3.全年共发放宣传资料5000余份。: a fact, no topic's name)."""
    end = _LEAD_END.search(line)
    style = _heading_style(line) or ""
    numbering = _STYLE_PATTERN[style].match(line) if style else None
    if (not end or end.end() != len(line) or len(line) > _SIBLING_MAX_LEN or _NOT_A_NAME.search(line) or _NO_SIBLING.search(line)
            or _A_COUNT.search(line, numbering.end() if numbering else 0)):
        return []
    return [("heading", line, style)]


_A_COUNT = re.compile(r"\d+(?:\.\d+)?\s*(?:[%％余多万亿]|[个件条份人次家项元户名篇期场天批起所座亩吨])")  # (not 5G, 2024年)


def _lead_split(line: str, next_line: str) -> list[tuple[str, str, str]]:
    """A numbered line as a heading and its text, when it opens with a sentence no longer than a
    splitting numbering's lead, or is one sentence (of a run-in heading's length) over its text; [] if not."""
    style = _heading_style(line) or ""
    end = _LEAD_END.search(line)
    if not end or _NOT_A_NAME.search(line, 0, end.end()):
        return []
    if end.end() <= _LEAD_MAX_LEN and end.end() < len(line):
        return _run_in(line, end.end(), style)
    if end.end() == len(line) <= _RUN_IN_MAX_LEN and _over_its_text(style, next_line):
        return [("heading", line, style)]
    return []


def _longer_lead(line: str, text_times: float) -> list[tuple[str, str, str]]:
    """A numbered line as its lead sentence, of a run-in heading's length and no requirement's, and the text
    it heads on the line, more than `text_times` as long; [] if not."""
    end = _LEAD_END.search(line)
    if (not end or end.end() > _RUN_IN_MAX_LEN or _NOT_A_NAME.search(line, 0, end.end())
            or len(line) - end.end() <= text_times * end.end()):
        return []
    return _run_in(line, end.end(), _heading_style(line) or "")



def _run_in(line: str, end: int, style: str) -> list[tuple[str, str, str]]:
    """A numbered line cut after its lead sentence (ending at `end`): the heading, then its text."""
    return [("heading", line[:end], style), ("paragraph", line[end:].lstrip(), "")]


def _over_its_text(style: str, next_line: str) -> bool:
    """Whether the line after a numbered sentence is its text or its items (1.参保情况。 / （1）…), not
    its sibling, a higher part (二、) or an article: the sentence heads what follows."""
    under = _heading_style(next_line)
    return bool(next_line) and not _ARTICLE.match(next_line) and (under is None or _STYLE_RANK[under] > _STYLE_RANK[style])


def _sentence_subheads(body: list[str], lines: list[list[tuple[str, str, str]]]) -> None:
    """Short sentences on a line of their own, each over a longer paragraph, that head the
    paragraphs of a numbered part (a 政府工作报告's 经济运行持续向好。 / 精准落实…。 under （一）, bold
    sub-heads saved as text): outline headings (`Block.outline_only`) under the deepest numbering
    the text uses, when it has SUBHEADS_MIN of them (one such line is a paragraph: 现将有关情况报告如下。)."""
    found = [
        i for i, parts in enumerate(lines)
        if parts == [("paragraph", body[i], "")] and _SUBHEAD_LINE.match(body[i].strip())
        and not _NOT_A_SUBHEAD.search(body[i])
        and i + 1 < len(body) and _heading_style(body[i + 1]) is None and not _ARTICLE.match(body[i + 1])
        # text (a clause of it, where a PDF's line broke it), not a signature's line (特此报告。 / 某某县人民政府办公室 2024年3月1日)
        and _TEXT_MARK.search(body[i + 1])
        and len(body[i + 1]) >= _SUBHEAD_TEXT_TIMES * len(body[i].strip())
        and (i == 0 or body[i - 1].rstrip().endswith(_PARAGRAPH_ENDS) or lines[i - 1][-1][0] == "heading")
    ]
    if len(found) >= _SUBHEADS_MIN:
        for i in found:
            lines[i] = [("heading", body[i], _SUBHEAD)]


def _parallel_leads(body: list[str], lines: list[list[tuple[str, str, str]]]) -> None:
    """Lead sentences on a line of their own that open alike, each over a longer paragraph (a 政府工作报告's
    聚焦对外开放，高标准建设海南自由贸易港。 / 聚焦高质量发展，…。, 五年来，我们坚定不移…。: bold leads saved as text):
    outline headings (`Block.outline_only`) just under the part they stand in, the sub-heads after each under
    it, when PARALLEL_LEADS_MIN of them open with the same words (a sentence without a comma: open and end with the
    same words, 这是经济实力持续提升的五年。 / 这是…的五年。); a sub-head glued to a lead's end
    (…实现综合实力新跨越。经济实力显著提升。) is one of its own."""
    found: dict[str, list[int]] = {}
    for i, parts in enumerate(lines):
        end = _LEAD_END.search(body[i])
        alike = end is not None and _PARALLEL_LEAD.match(body[i], 0, end.end())
        # (or one sentence without a comma that opens and ends as the others: 这是经济实力持续提升的五年。 / 这是…的五年。)
        echo = end is not None and not alike and end.end() == len(body[i]) and not _PARALLEL_COMMA.search(body[i])
        if (parts == [("paragraph", body[i], "")] and end and end.end() <= _RUN_IN_MAX_LEN and end.group() == "。"
                and (alike or echo) and not _SAID.match(body[i])
                and (end.end() == len(body[i]) or _SUBHEAD_LINE.match(body[i][end.end():]))
                and not _NOT_A_NAME.search(body[i], 0, end.end()) and not _NOT_A_SUBHEAD.search(body[i])
                and i + 1 < len(body) and not starts_block(body[i + 1]) and _TEXT_MARK.search(body[i + 1])
                and len(body[i + 1]) >= _LEAD_TEXT_TIMES * end.end()
                # (after a paragraph, or the sentence that announces them: 必须做到“八个聚焦”：)
                and (i == 0 or body[i - 1].rstrip().endswith(_PARAGRAPH_ENDS + ("：", ":")) or lines[i - 1][-1][0] == "heading")):
            key = body[i][:_PARALLEL_OPENING] + ("" if alike else "…" + body[i][len(body[i]) - _PARALLEL_ENDING :])
            found.setdefault(key, []).append(i)
    for members in found.values():
        if len(members) >= _PARALLEL_LEADS_MIN:
            for i in members:
                end = _LEAD_END.search(body[i])
                assert end is not None  # (found above)
                glued = body[i][end.end():]
                lines[i] = [("heading", body[i][:end.end()], _LEAD)] + ([("heading", glued, _SUBHEAD)] if glued else [])


def _ordinal_leads(body: list[str], lines: list[list[tuple[str, str, str]]]) -> None:
    """Lines that open with an ordinal (第一，进一步稳定和加强农业 / 第二，…, 第一，坚持解放思想、实事求是的思想路线。, 一是联合港澳
    承办十五运会和残特奥会。) and are a heading's name or one sentence, each over its text: headings of a 政府工作报告's points,
    in the outline only and nested as `_parallel_leads`' are, when ORDINAL_LEADS_MIN of them do so (a 第一， that opens a
    paragraph's text is its lead clause: 第一，要加强…。要…) — for 一是…, every point of the series (`_whole_series`)."""
    found = []
    for i, parts in enumerate(lines):
        text = body[i].strip()
        end = _LEAD_END.search(text)
        named = not end and len(text) <= _HEADING_MAX_LEN and not text.endswith(_NOT_A_HEADING_END)
        sentence = end is not None and end.end() == len(text) <= _RUN_IN_MAX_LEN and not _NOT_A_NAME.search(text)
        if (parts == [("paragraph", body[i], "")] and _ORDINAL.match(text) and (named or sentence)
                and i + 1 < len(body) and not starts_block(body[i + 1]) and _TEXT_MARK.search(body[i + 1])
                and not _ORDINAL.match(body[i + 1].strip())  # (一是…。 / 二是…。: a list of one-line items, none over a text)
                and not (text[:1] in _CN_NUM and _under_a_sentence(body, lines, i))
                # (a name over a longer text: a line of a text wrapped at a fixed width goes on in one no longer than it)
                and (len(body[i + 1]) > len(text) if named else len(body[i + 1]) >= _LEAD_TEXT_TIMES * len(text))
                and (i == 0 or body[i - 1].rstrip().endswith(_PARAGRAPH_ENDS + ("：", ":")) or lines[i - 1][-1][0] == "heading")):
            found.append(i)
    ordinals = [i for i in found if body[i].strip().startswith("第")]
    found = ordinals + _whole_series([i for i in found if i not in ordinals], body)
    if len(found) >= _ORDINAL_LEADS_MIN:
        for i in found:
            lines[i] = [("heading", body[i], _LEAD)]


def _whole_series(found: list[int], body: list[str]) -> list[int]:
    """The lines of `found` (一是… points) in series from 一是 on, each the next number (一是, 二是, 三是): the points of a
    part are headings only when every one of them is (三是 over its text after 一是 and 二是 run into theirs is a list's
    item, 三是国有企业…，历史包袱…沉重，…)."""
    kept: list[int] = []
    series: list[int] = []
    for i in found + [-1]:
        number = _CN_NUM.find(body[i].strip()[:1]) + 1 if i >= 0 else 0  # (一 is 1 … 十 is 10)
        if number != len(series) + 1 or number == 1:
            kept += series if len(series) >= _ORDINAL_LEADS_MIN else []
            series = [i] if number == 1 else []
        else:
            series.append(i)
    return kept


# (a bare 第一， over its sentence is none; 一是 on a line of its own over its text is a 政府工作报告's point too:
# 一是联合港澳承办十五运会和残特奥会。 / 认真落实…)
_ORDINAL = re.compile(rf"^(?:第[{_CN_NUM}]+[，,、]|[{_CN_NUM}]{{1,3}}是)\s*[^\s，,。；;：:]{{4}}")
_ORDINAL_LEADS_MIN = 2


def _under_a_sentence(body: list[str], lines: list[list[tuple[str, str, str]]], i: int) -> bool:
    """Whether a line of a 一是 series stands, in its part, below a short sentence of its own line (深化以国有企业改革为中心
    的各项改革。 / 近几年，… / 一是…: a bold sub-head saved as text, whose points these are — nested under it, were it read
    as one); the series then stays text, its depth unknown."""
    for j in range(i - 1, -1, -1):
        if lines[j][-1][0] == "heading":
            return False
        line = body[j].strip()
        end = _LEAD_END.search(line)
        if end and end.end() == len(line) <= _LEAD_MAX_LEN and not _ORDINAL.match(line):
            return True
    return False


_LEAD = "lead"  # the style of _parallel_leads' and _ordinal_leads' headings
_PARALLEL_OPENING, _PARALLEL_ENDING, _PARALLEL_LEADS_MIN = 2, 4, 3
_PARALLEL_COMMA = re.compile(r"[，,；;：:]")
# a lead heads a text at least this many times as long (1.5 made headings of 包头's indicator items, whose leads are
# longer and their texts a task and its deadline)
_LEAD_TEXT_TIMES = 2
# an opening phrase set off by a comma, then what it says (聚焦对外开放，…, 这一年，我们…, 五年来，我们…)
_PARALLEL_LEAD = re.compile(r"^[^，,。！？!?]{2,16}[，,]")
# …not a meeting's or a speaker's words (会议指出，…, 会议强调，…: a news report's paragraphs, however alike they open)
_SAID = re.compile(r"^[^，,。！？!?]{0,14}(?:指出|强调|要求|认为|表示|提出|希望|介绍|说|称)[，,]")


def _glossary_terms(body: list[str], lines: list[list[tuple[str, str, str]]], outer: set[int]) -> None:
    """The numbered terms of a 名词解释 or 注释 part (`_outer_lines`), 1.“两重”：是指…: each term is a
    heading over its definition (on its line or the next), as a glossary is looked up (a colon lead is a field elsewhere:
    联系人：王五, see _NOT_A_NAME). In the outline only, as their part's line is: a term opens no theme section,
    and a text whose other headings are outline-only is still cut into windows (themes.split_sections)."""
    inside = False
    for i, line in enumerate(body):
        if i in outer:
            inside = bool(_GLOSSARY.match(line.strip()))
            continue
        term = _GLOSSARY_TERM.match(line) if inside and lines[i] == [("paragraph", line, "")] else None
        if term:
            style = _heading_style(line)
            assert style is not None  # the term pattern starts with a numbering of _HEADING_STYLES
            definition = line[term.end():].lstrip()  # (or on the lines after the term's)
            lines[i] = [("heading", line[: term.end()], _TERM + style)] + ([("paragraph", definition, "")] if definition else [])


_GLOSSARY = re.compile(rf"^(?:{_ATTACHMENT}\s*)?{_GLOSSARY_NAME}$")
# 1.“两重”： 12.金融“五篇大文章”： （3）医保影像云： — a term as short as a name, then a colon
_GLOSSARY_TERM = re.compile(rf"^(?:\d{{1,2}}[{_NUMBER_MARK}](?!\d)|[（(]\d{{1,2}}[）)])\s*[^\s。；;：:！？!?，,]{{1,20}}?[：:]")

_SUBHEAD = "subhead"  # the style of _sentence_subheads' headings
_TERM = "term:"  # before the numbering style of _glossary_terms' headings (ranked as that style)
# a name-like sentence: no comma, figure or quotation, not an address (各位代表！); a term quoted in it is part of
# the name (“两山”转化成色更足。)
_SUBHEAD_LINE = re.compile(r"^(?!各位)(?:[^\s，,；;：:、。！？!?“”\d]|“[^\s，,；;：:、。！？!?“”\d]{1,8}”(?!。)){4,14}。$")
_SUBHEADS_MIN, _SUBHEAD_TEXT_TIMES = 3, 3
_TEXT_MARK = re.compile(r"[。！？!?，,、；;：:]")
# a document's formulas: a lead into its text (现将有关情况报告如下。), its closing (特此通知。), a request
# (请认真贯彻落实。; a sub-head may set a duty: 必须坚持稳中求进。)
_NOT_A_SUBHEAD = re.compile(r"如下|以下|特此|^\s*请")


def _items_not_headings(body: list[str], lines: list[list[tuple[str, str, str]]], styled: Mapping[str, int]) -> set[int]:
    """Numbered lines that read as headings on their own but are items of a list or of an
    article, made paragraphs again (whole, as written; never a line the file styles as a heading):

    - a numbered sentence inside an article (after 第X条, before the next heading): the 项 of a
      regulation are parts of its 条, never headings (（四）其他应当报告的事项。);
    - a sentence heading (its lead, or the whole line, a finished sentence) right after a
      paragraph of the same numbering: the last item of a list of sentences (a list's items
      ending ；… then 。; 一、元旦：…。 二、春节：…。);
    - a sentence heading of a numbering that does not start again at 一/1 in each chapter or
      section: numbered articles running through the chapters (国务院工作规则's 一、… 五十六、;
      not the （一）…（二十三） headings of a 意见, which run on across its 一、 parts).

    Returns the lines it reads as items, the numbered lines of an article too (none is promoted
    to a heading by _lists_read_alike)."""
    kinds = [parts[0][0] if len(parts) == 1 else "heading" for parts in lines]
    styles = [_heading_style(line) if kind != "article" else None for line, kind in zip(body, kinds)]

    def sentence_heading(i: int) -> bool:
        return kinds[i] == "heading" and bool(_SENTENCE_END.search(lines[i][0][1])) and body[i] not in styled

    items: set[int] = set()
    in_article = False
    continuing: set[str] = set()  # numberings that go on across a chapter or section
    started: dict[str, bool] = {}  # numbering → seen since the last chapter or section?
    seen: set[str] = set()
    for i, (kind, style) in enumerate(zip(kinds, styles)):
        if lines[i][-1][0] == "article":  # (第一章 总则 第一条 …: a chapter's line may end in its first article)
            in_article = True
        elif kind == "heading" and (style is None or _STYLE_RANK[style] < _STYLE_RANK["cn"]):
            in_article = False
        if style is None:
            continue
        if _STYLE_RANK[style] < _STYLE_RANK["cn"]:
            started.clear()  # a chapter or section: its articles' numbering may start again
            continue
        if not started.get(style) and style in seen and not _numbered_first(body[i], style):
            continuing.add(style)
        started[style] = True
        seen.add(style)
        if in_article:
            items.add(i)
        if sentence_heading(i) and (in_article or (i > 0 and styles[i - 1] == style and kinds[i - 1] == "paragraph")):
            lines[i] = [("paragraph", body[i], "")]
            kinds[i] = "paragraph"  # (the last of a list of sentences is one if its siblings are: not returned)
    for i, style in enumerate(styles):
        if style in continuing and sentence_heading(i):
            lines[i] = [("paragraph", body[i], "")]
            items.add(i)
    listing = None  # 附件：1.设备采购论证报告 / 2.院党委会会议纪要: the list of attachments goes on, in its numbering
    for i, line in enumerate(body):
        listed = _ATTACHMENT_LIST.match(line)
        if listed:  # (its first item's name may open with a year, 1.2024年度…, which reads as no numbering)
            listing = _heading_style(line[listed.end():]) or ("cn" if line[listed.end()] == "一" else "arabic")
        elif listing and styles[i] == listing and body[i] not in styled:
            lines[i] = [("paragraph", line, "")]
            items.add(i)
        else:
            listing = None
    return items


_FIRST_NUMBERS = ("一", "1", "①")


def _numbered_first(line: str, style: str) -> bool:
    """Whether a numbered line is the first of its list: 一、, （一）, 1., ①."""
    match = _STYLE_PATTERN[style].match(line)
    return match is not None and re.sub(rf"[（(）){_NUMBER_MARK}\s]", "", match.group()) in _FIRST_NUMBERS


def _styled_ranks(raw: list[tuple[str, str, str]], headings: Mapping[str, int]) -> dict[str, float]:
    """Where unnumbered styled headings nest: at the numbered style that the same style level
    carries in this file (标题 2 is （一） here: an unnumbered 标题 2 nests as （一） does), just
    inside the deepest numbered style of a higher level, or else outside all numbered styles."""
    numbered_at: dict[int, str] = {}  # style level → the numbering style of its numbered headings
    for kind, text, style in raw:
        if kind == "heading" and style in _STYLE_RANK and text in headings:  # (not an outline-only heading's)
            numbered_at.setdefault(headings[text], style)
    ranks: dict[str, float] = {}
    for kind, _, style in raw:
        if kind != "heading" or not style.startswith(_STYLED):
            continue
        level = int(style.removeprefix(_STYLED))
        if level in numbered_at:
            ranks[style] = _STYLE_RANK[numbered_at[level]]
        else:
            outer = [lv for lv in numbered_at if lv < level]
            ranks[style] = _STYLE_RANK[numbered_at[max(outer)]] + level / 10 if outer else level - 100
    return ranks


def _classify(line: str, next_line: str) -> list[tuple[str, str, str]]:
    if _ARTICLE.match(line):
        return [("article", line, "")]
    style = _heading_style(line)
    opening = _CHAPTER_THEN_ARTICLE.match(line)
    if opening:  # 第一章　总则　　第一条 为规范…: the chapter's heading, then its first article
        return [("heading", opening.group(1), style or ""), ("article", line[opening.end():], "")]
    if style is None:
        return [("paragraph", line, "")]
    if len(line) <= _HEADING_MAX_LEN and not _SENTENCE_END.search(line[:-1]) and (
        not line.endswith(_NOT_A_HEADING_END)
        # 一、主要做法： over its text (an 汇报's parts): a short part's name, not a sentence leading into a list
        or (line.endswith(("：", ":")) and style in _SPLITTING_STYLES and len(line) <= _COLON_HEADING_MAX_LEN
            and not re.search(r"[，,；;]|下列|如下|以下|之一", line))  # (一、有下列情形之一的： leads into a list)
    ):
        return [("heading", line, style)]
    end = _LEAD_END.search(line)
    if style in _RUN_IN_STYLES and end and end.end() <= _RUN_IN_LEAD_MAX_LEN and not _NOT_A_NAME.search(line, 0, end.end()):
        # 1.参保情况。从调查… or （2）特殊工种。 over its text: a short lead names what follows (a
        # list's items follow each other directly, or are longer: see _items_not_headings)
        if end.end() < len(line):
            return _run_in(line, end.end(), style)
        if _over_its_text(style, next_line):
            return [("heading", line, style)]
    if style in _SPLITTING_STYLES:
        if end and end.end() <= _LEAD_MAX_LEN and end.end() < len(line):
            return _run_in(line, end.end(), style)
        if end and end.end() == len(line) <= _RUN_IN_MAX_LEN and next_line and _heading_style(next_line) != style:
            # （八）推动城市高质量发展，建设现代化人民城市。 on a line of its own, its text on
            # the next lines: a heading written as one sentence. Items of a list of such
            # sentences follow each other directly and stay paragraphs.
            return [("heading", line, style)]
    return [("paragraph", line, "")]


# Punctuation that closes a sentence, a clause or a line of a list; a line ending otherwise
# stops mid-sentence.
_LINE_CLOSERS = tuple("。！？!?；;：:…”’」』）)】]》")
_CONTINUATION_START = tuple("，,。、；;：:！？!?）)」』”’》")
# A text broken inside its sentences (at a fixed width, or around links of the web page it was
# copied from) has several lines that start with the punctuation ending a clause.
_BROKEN_TEXT_MIN = 2


def _join_broken_lines(body: list[str]) -> list[str]:
    """Join the lines of a text that is broken inside its sentences (1954's web copy:
    在聽了劉少奇同志 / 關於憲法草案的報告 / 並進行了…). Only such a text is touched: a line that stops
    mid-sentence is joined with the next one unless either is a heading, article or list line.
    """
    if sum(line.startswith(_CONTINUATION_START) for line in body) < _BROKEN_TEXT_MIN:
        return body
    joined: list[str] = []
    for line in body:
        previous = joined[-1] if joined else ""
        if (
            previous
            and not previous.endswith(_LINE_CLOSERS)
            and not starts_block(line)
            and not starts_block(previous)
            # (a line opening on a clause's punctuation goes on with the one above, whatever that reads as)
            and (line.startswith(_CONTINUATION_START) or not _whole_on_its_line(previous))
        ):
            joined[-1] = previous + line
        else:
            joined.append(line)
    return joined


def _whole_on_its_line(line: str) -> bool:
    """A line a broken text never joins with the next: a part's or a point's name, or a part's number alone
    (结束语 / 各位代表！…, 第一，进一步稳定和加强农业 / 农业事关全局…, 一 / 一九五六年到…)."""
    text = line.strip()
    return bool(_END_PART.match(text) or _BARE_NUMBER.match(text)
                or (_ORDINAL.match(text) and len(text) <= _UNNUMBERED_MAX_LEN))


def _join_wrapped_headings(body: list[str]) -> list[str]:
    """Join a numbered heading wrapped over two lines at a comma (（二）以“钉钉子”精神抓好督查督办， /
    推动重点工作落地见效, then its text): the line ends on 、 or ， and the next is short, neither
    numbered nor a sentence, and text follows it; or wrapped inside its number (（ / 三）改革开放持续深化、互促共进。)."""
    joined: list[str] = []
    k = 0
    while k < len(body):
        line = body[k]
        rest = body[k + 1] if k + 1 < len(body) else ""
        if line.strip() in ("（", "(") and _heading_style(line.strip() + rest) == "paren_cn":
            joined.append(line.strip() + rest)
            k += 2
        elif (
            line.endswith(_WRAPPED_AT)
            and _heading_style(line) in _SPLITTING_STYLES
            and len(line) <= _HEADING_MAX_LEN
            and not _SENTENCE_END.search(line)
            and _WRAPPED_REST_MIN_LEN <= len(rest) <= _WRAPPED_REST_MAX_LEN
            and not starts_block(rest)
            and not _SENTENCE_END.search(rest)
            and not rest.endswith(_NOT_A_HEADING_END)
            and k + 2 < len(body)
        ):
            joined.append(line + rest)
            k += 2
        else:
            joined.append(line)
            k += 1
    return joined


_WRAPPED_AT = ("，", ",", "、")
_WRAPPED_REST_MIN_LEN, _WRAPPED_REST_MAX_LEN = 6, 24  # (一、参会单位， / 县委办: a list, not a heading's end)


def starts_block(line: str) -> bool:
    """A line that starts a heading or an article by its numbering (also asked by the .pdf
    reader: a wrapped line is never joined with one)."""
    return _heading_style(line) is not None or bool(_ARTICLE.match(line))
