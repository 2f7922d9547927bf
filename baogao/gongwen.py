"""The 版头 of a 公文 (GB/T 9704-2012): the short lines an official document prints above its title.

份号 (000123, No.0000123), 密级 (秘密★1年, 密级：内部), 紧急程度 (特急, 加急), a handling mark (内部资料 注意保存),
发文机关标志 (××县人民政府办公室文件; an office's kind of paper, 县政府督查室 / 督 查 通 报) and the rule under it,
发文字号 (×政办发〔2024〕12号, with 签发人 beside it), and an attachment marker (附件1) standing
above the attachment's own title; a bulletin's masthead (督查通报 / 第6期 / 县政府督查室 2023年5月6日)
stands where a 版头 does. Used by parse (the title is the first line after them; the
lines themselves stay in the text) and by enrich (the 密级 marking).

A copy of a 政府信息公开 page starts instead with the table the page prints above the document
(索引号, 文件名称, 发布机构, 文号, 成文日期 …), as lines of key and value cells: those lines are
read the same way (`info_fields`: the title, office, number and date they give).
"""

from __future__ import annotations

import re

from baogao.schema import SECRET_LEVELS

# Where a 版头 can be: its lines come first; more than this many is not a 版头.
HEADER_MAX_LINES = 8
_LINE_MAX_CHARS = 40

_LEVELS = "|".join(SECRET_LEVELS)
# 秘密 inside a sentence (保守国家秘密) is not a marking: the marking stands at the line start.
MARKING = re.compile(rf"^\s*(?:密级\s*[：:]\s*({_LEVELS})|({_LEVELS})\s*★)")
MARKING_MAX_CHARS = 20

# 份号 (GB/T 9704: six digits; shorter ones are seen), never a year alone on its line (2024 above a title)
_COPY_NUMBER = re.compile(r"^(?:(?:No|NO|№)\.?\s*)?(?!(?:19|20)\d\d$|(?:１９|２０)[０-９]{2}$)[0-9０-９]{3,8}$")  # No.0000123 too
# A handling mark over an internal document's title: 内部资料 注意保存, 内部参阅, 仅供领导参阅.
_HANDLING = re.compile(r"^(?:内部资料|内部参阅|内部刊物|仅供领导参阅|注意保存|请勿外传)(?:[\s，,、]*(?:注意保存|妥善保管|请勿外传|内部资料))*$")
_URGENCY = re.compile(r"^(?:紧急程度\s*[：:]\s*)?(?:特急|加急|特提|平急|急件)$")
# A line set out letter by letter over the page's width (罗 田 县 财 政 局 文 件, 工 作 总 结), read as it is meant (`unspaced`)
LETTER_SPACED = re.compile(r"^[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff])+$")


def unspaced(line: str) -> str:
    """`line` without the spaces between its letters when it is set out letter by letter; any other as it is."""
    return "".join(line.split()) if LETTER_SPACED.match(line.strip()) else line


# 发文机关标志: a body's name + 文件 (县人民政府办公室文件, 中共××县委文件).
# (No field's line: 密级：内部 ends as a body's name does.)
_ISSUER_MARK = re.compile(r"^[^\s：:]{2,30}?(?:政府|办公[室厅]|委员会|委|局|厅|部|院|会|组)\s*文件$")
# A joint 版头 stacks the issuers' names beside one 文件: 发展改革委办公厅 文件 / 税务总局办公厅.
_JOINT_ISSUER = re.compile(r"^[^\s：:]{2,30}?(?:政府|办公[室厅]|委员会|委|局|厅|部|院|会|组|督查室)$")
# An office that prints a kind of paper names it where 文件 stands, over the 文号: 县政府督查室 / 督 查 通 报 /
# 霍督查〔2023〕5号; or 文件 stands alone under the stacked names (中共修水县委办公室 / 修水县人民政府办公室 / 文件).
_KIND_MARK = re.compile(r"^(?:督\s*查\s*)?(?:通\s*报|简\s*报|专\s*报|快\s*报)$|^文\s*件$")
# The 版头's separator line (GB/T 9704: a red rule), copied as a run of rule characters.
_RULE = re.compile(r"^[━─—―_＿=＝﹍﹎﹏－\-]{2,}[★☆]?[━─—―_＿=＝﹍﹎﹏－\-]{2,}$")  # (a party committee's has a star)
# (its number may be written with 第: 罗财发〔2023〕第12号)
_DOC_NUMBER = re.compile(r"^\S{0,20}[〔\[［【(（]\s*[0-9０-９]{4}\s*[〕\]］】)）]\s*第?\s*[0-9０-９]+\s*号(?:\s*签发人\s*[：:].*)?$")
_SIGNER = re.compile(r"^签发人\s*[：:]")
_ATTACHMENT = re.compile(r"^附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?$")
# The masthead (报头) of a bulletin — 督查通报, 信息专报, 政务信息快报 — is its name over an issue line
# (第6期, 2023年第12期（总第45期）, 〔2024〕第8期), and under it who edits it and when (县政府督查室编 2023年5月6日).
_ISSUE_TEXT = (r"[（(]?(?:[0-9０-９]{4}\s*年\s*|[〔\[［]\s*[0-9０-９]{4}\s*[〕\]］]\s*)?"
               r"(?:总\s*)?第\s*[0-9０-９一二三四五六七八九十百〇零]+\s*期[）)]?(?:\s*[（(]总第\s*[0-9０-９]+\s*期[）)])?")
_ISSUE = re.compile(rf"^{_ISSUE_TEXT}$")
# …or, as a gazette prints it at the head of each page, its name and issue on one line (黑河市人民政府公报    2016年第2期)
# (a bulletin's short name: 督查通报, not a report's title with its number, 全县森林防火工作情况通报　第3期)
_MASTHEAD_LINE = re.compile(rf"^(?P<name>\S{{2,12}}?(?:公报|简报|专报|快报|通讯|动态)|\S{{0,4}}通报)[ \u3000]+(?P<issue>{_ISSUE_TEXT})$")
_MASTHEAD_MAX_CHARS = 20
# (the editors of a joint bulletin stand side by side: 中共××县委督查室　××县人民政府督查室　2023年5月12日)
_EDITION = re.compile(r"^(?P<editors>[^\s，。；：]{2,30}?(?:\s+[^\s，。；：\d]{2,30}?)*)"
                      r"\s+(?:[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9０-９一二三四五六七八九十]{1,3}\s*月"
                      r"\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日$")
# …or the editor that says it edits, and the day without its year, which the issue line gives (县人民政府办公室编　6月15日)
_EDITS = "(?:编印|编发|主办|编)"  # how an edition line says its body edits the bulletin
_EDITION_IN_YEAR = re.compile(rf"^(?P<editors>[^\s，。；：\d]{{2,30}}?{_EDITS})"
                              r"\s+[0-9０-９一二三四五六七八九十]{1,3}\s*月\s*[0-9０-９一二三四五六七八九十]{1,3}\s*日$")
# …or its editor alone, without the day (县政府办公室编, …主办): a body's name before 编, not a title's 汇编
_EDITED_BY = re.compile(rf"^(?P<editor>[^\s，。；：\d]{{2,30}}?(?:办公[室厅]|办|局|委|室|中心|组|部|会)){_EDITS}$")

# The fields of a 信息公开 table that say something about the report, by what they give.
INFO_FIELDS = {
    "文件名称": "title", "标题": "title", "名称": "title",
    "发布机构": "org", "发文机关": "org", "发文单位": "org", "公开责任部门": "org", "发布单位": "org",
    "文号": "number", "发文字号": "number", "发布文号": "number",
    "成文日期": "date", "发文日期": "date",
}
# …and every key such a table has (a line of them is a table line, read or not).
_INFO_KEYS = (*INFO_FIELDS, "索引号", "主题分类", "体裁分类", "组配分类", "公开目录", "公开形式", "公开方式",
              "公开范围", "公开日期", "发布日期", "生成日期", "有效性", "效力状况", "内容概述", "主题词", "信息来源",
              "信息索引号", "信息分类",  # (other platforms' names of 索引号 and 主题分类)
              # …and those an OA system exports above the text (密级：无 / 紧急程度：特急 / 附件：… / 正文：)
              "密级", "紧急程度", "附件", "正文")
_LONGEST_FIRST = sorted(_INFO_KEYS, key=len, reverse=True)
_INFO_KEY = "|".join(_LONGEST_FIRST)
# A key set out letter by letter to align the table's colons (索 引 号：…, 文　　号：…), where a cell starts,
# before its colon or the next cell: read as the key (its spaces are no cell break).
_LETTER_SPACED_KEY = re.compile(r"(?:^|(?<=[\s|｜]))(" + "|".join("[ \u3000]+".join(key) for key in _LONGEST_FIRST)
                                + r")(?=\s*[:：|｜\t])")
# A cell is a key alone (文号, 成文日期：) or a key and its value (发布机构：县政府办公室).
_INFO_CELL = re.compile(rf"^({_INFO_KEY})(?:\s*[:：]\s*(.*)|\s*)$")
# Cells are set apart by | (a table copied as text), tabs, or runs of spaces.
_CELL_BREAK = re.compile(r"\s*[|｜\t]\s*|\s{2,}|\u3000+")
# …or, as some sites publish the table as text, by one space: a key where a word starts, before
# its value or its colon (公开责任部门 紫阳县政府办公室 公开形式: 主动公开).
_SPACED_KEY = re.compile(rf"(?:^|(?<=\s))({_INFO_KEY})(?=\s*[:：]|\s)")


# A 主送 line is short, ends in a colon and lists names (各镇人民政府,县政府各工作部门、直属事业单位:).
ADDRESSEES_MAX_CHARS = 60
# A sentence that ends in a colon is no 主送: the formula that introduces the text (现将有关事项通知如下：), a
# purpose clause (为提高…，陵城区统计局采取了三项举措：), or 了 or 是, which no body's name holds.
_SENTENCE_BEFORE_COLON = re.compile(r"如下|(?:^|[，,；;])\s*为[^，,；;：:]*[，,]|[了是]")


def is_addressee_line(line: str) -> bool:
    """Whether `line` is a 主送 line: whom the document goes to, neither its writer nor its title."""
    text = line.strip()
    return (text.endswith(("：", ":")) and len(text) <= ADDRESSEES_MAX_CHARS
            and not _SENTENCE_BEFORE_COLON.search(text))


def is_header_line(line: str) -> bool:
    """True for a line of the 版头: a copy number, a marking, an urgency, the issuer's mark,
    the document number (with its signer), or an attachment marker; or a line of a 信息公开
    table."""
    text = unspaced(line.strip())
    if _info_cells(text) or _MASTHEAD_LINE.match(text):  # (a masthead's name and issue may stand far apart)
        return True
    if not text or len(text) > _LINE_MAX_CHARS:
        return False
    if MARKING.match(text):
        return len(text) <= MARKING_MAX_CHARS
    return any(p.match(text) for p in (_COPY_NUMBER, _URGENCY, _HANDLING, _ISSUER_MARK, _DOC_NUMBER, _SIGNER, _ATTACHMENT, _ISSUE))


def _kind_mark(lines: tuple[str, ...], k: int) -> bool:
    """The kind of paper an office prints, where 文件 stands, under its name and over the 文号."""
    return (k > 0 and k + 1 < len(lines) and bool(_KIND_MARK.match(lines[k].strip()))
            and bool(_DOC_NUMBER.match(lines[k + 1].strip())) and bool(_JOINT_ISSUER.match(lines[k - 1].strip())))


def header_length(lines: tuple[str, ...]) -> int:
    """How many of the opening lines form the 版头 (0 when the text does not start with one).
    The issuers' names of a joint 版头 are part of it, above or below the line with 文件; a
    bulletin's name above its issue line, and the editor and date line below it, too."""
    count, end = 0, min(len(lines), HEADER_MAX_LINES)
    while count < end and (is_header_line(lines[count]) or _joint_issuer(lines, count) or _masthead(lines, count)
                           or _kind_mark(lines, count) or (count > 0 and bool(_RULE.match(lines[count].strip())))):
        count += 1
        if count == end and count < len(lines) and _info_cells(lines[count - 1].strip()):
            end = min(len(lines), end + 1)  # (a table of fields, as an OA system exports it, may run longer)
    return count


def _masthead(lines: tuple[str, ...], k: int) -> bool:
    """A bulletin's name with its issue line below it (督查评比专报 / 第 6 期), or the line of its
    editor and date right under the issue line (天水市创城办 2022年3月4日)."""
    text = lines[k].strip()
    if k + 1 < len(lines) and _ISSUE.match(lines[k + 1].strip()):
        return 2 <= len(text) <= _MASTHEAD_MAX_CHARS and not re.search(r"[，。；：！？,;:!?]", text)
    return k > 0 and bool(_ISSUE.match(lines[k - 1].strip())) and bool(edition_editor(text) or _EDITED_BY.match(text))


def info_fields(lines: tuple[str, ...] | list[str]) -> dict[str, str]:
    """What the 信息公开 table among the 版头 lines gives (field → value, INFO_FIELDS' fields:
    title, org, number, date); the first value of a field wins. The table may stand under the first
    line: the title, which parse puts above the 版头 it stood under (关于…的通知 / 发文机关 | … | 成文日期 | …)."""
    table = tuple(lines)
    if table and not header_length(table):
        table = table[1:]
    found: dict[str, str] = {}
    for line in table[: header_length(table)]:
        for key, value in _info_cells(line.strip()).items():
            if key in INFO_FIELDS and value:
                found.setdefault(INFO_FIELDS[key], value)
    return found


def _info_cells(text: str) -> dict[str, str]:
    """The key → value cells of a 信息公开 table line ({} when the line does not start with a
    key): 文件名称 | 2022年…的通报 | ||, 索引号: | 0025/2017-0055 | 发布文号: | 镇政办发〔2017〕214号 |."""
    text = _LETTER_SPACED_KEY.sub(lambda m: "".join(m.group(1).split()), text)
    cells = [cell for cell in _CELL_BREAK.split(text) if cell]
    if cells and not _INFO_CELL.match(cells[0]):
        cells = _spaced_cells(text)
    if not cells:
        return {}
    found: dict[str, str] = {}
    k = 0
    while k < len(cells):
        m = _INFO_CELL.match(cells[k])
        if not m:
            k += 1
            continue
        if m.group(2) is not None and m.group(2).strip():
            found[m.group(1)] = m.group(2).strip()
            k += 1
        else:
            value = cells[k + 1] if k + 1 < len(cells) and not _INFO_CELL.match(cells[k + 1]) else ""
            found[m.group(1)] = value
            k += 2 if value else 1
    return found


def _spaced_cells(text: str) -> list[str]:
    """The cells of a table line set apart by single spaces, each as `key：value`; [] unless the
    line opens with a key and is plainly a table line: two keys, or one key of three characters
    or more (文件名称 …, 内容概述 …; a line opening 标题 or 文号 alone may be prose)."""
    keys = list(_SPACED_KEY.finditer(text))
    if not keys or keys[0].start() != 0 or (len(keys) == 1 and len(keys[0].group(1)) < 3):
        return []
    ends = [m.start() for m in keys[1:]] + [len(text)]
    cells = []
    for m, end in zip(keys, ends):
        value = text[m.end() : end].strip().lstrip(":：").strip()
        cells.append(f"{m.group(1)}：{value}" if value else m.group(1))
    return cells


def header_issuers(lines: tuple[str, ...]) -> list[str]:
    """The bodies a 版头 names as its issuers (…文件 and the names stacked beside it), in order."""
    names = []
    for line in lines[: header_length(lines)]:
        text = unspaced(line.strip())
        if _ISSUER_MARK.match(text):
            names.append(re.sub(r"\s*文件$", "", text))
        elif _JOINT_ISSUER.match(text):
            names.append(text)
    return names


def masthead_editor(lines: tuple[str, ...]) -> str | None:
    """Who edits a bulletin, from its masthead's edition line (信息工作通报 / 第5期 / 红安县人民政府办公室
    2023年6月12日; 中共红安县委办公室编 …): the body that publishes every item of it."""
    header = lines[: header_length(lines)]
    for k, line in enumerate(header):
        if k and _ISSUE.match(header[k - 1].strip()):
            edited = _EDITED_BY.match(line.strip())
            editor = edition_editor(line) or (edited.group("editor") if edited else None)
            if editor:
                return editor
    return None


def edition_editor(line: str) -> str | None:
    """The editor an edition line names (县人民政府办公室编    2023年6月15日 → 县人民政府办公室), else None;
    editors side by side are joined by 、, as a joint 版头's issuers are."""
    edition = _EDITION.match(line.strip()) or _EDITION_IN_YEAR.match(line.strip())
    return "、".join(re.sub(rf"{_EDITS}$", "", name) for name in edition.group("editors").split()) if edition else None


def masthead(lines: tuple[str, ...]) -> tuple[str, str] | None:
    """A bulletin's name and issue from its masthead (政 务 信 息 / 第12期 → 政务信息, 第12期;
    督查通报 / （2023年第6期） → 督查通报, 2023年第6期): what tells its issues apart."""
    header = lines[: header_length(lines)]
    for line in header:
        one = _MASTHEAD_LINE.match(line.strip())
        if one:
            return one.group("name"), re.sub(r"\s+", "", one.group("issue"))
    for k, line in enumerate(header[:-1]):
        name, issue = line.strip(), header[k + 1].strip()
        if _ISSUE.match(issue) and _masthead(header, k):
            issue = re.sub(r"^[〔\[［](\d{4})[〕\]］]", r"\1年", re.sub(r"\s+", "", issue))  # 〔2024〕第8期: 2024年第8期
            bracketed = re.fullmatch(r"[（(]([^（()）]*)[）)]", issue)
            return re.sub(r"\s+", "", name).strip("《》"), bracketed.group(1) if bracketed else issue
    return None


def _joint_issuer(lines: tuple[str, ...], k: int) -> bool:
    """A line that is only a body's name, in a run of such lines that an issuer's mark (…文件)
    ends or begins, or that opens the text over its 文号."""
    if not _JOINT_ISSUER.match(lines[k].strip()):
        return False
    run = range(k, min(len(lines), k + HEADER_MAX_LINES))
    below = next((j for j in run if not _JOINT_ISSUER.match(lines[j].strip())), None)
    above = next((j for j in range(k, -1, -1) if not _JOINT_ISSUER.match(lines[j].strip())), None)
    if above is None and below is not None and (_DOC_NUMBER.match(lines[below].strip()) or _kind_mark(lines, below)
                                                 or _masthead(lines, below)):
        # the issuers' names opening the text over its 文号, without 文件 (湄潭县人民政府 / 湄府复〔2023〕45号), over
        # the kind of paper they print (县政府督查室 / 督 查 通 报 / 县督查〔2023〕5号), or over their bulletin's
        # masthead (中共平江县委办公室 / 督 查 通 报 / 第5期)
        return True
    return any(j is not None and _ISSUER_MARK.match(lines[j].strip()) for j in (below, above))
