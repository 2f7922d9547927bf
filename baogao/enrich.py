"""Stage 4, enrich: metadata read from a parsed report.

`enrich(report, source_name)` returns the year, issuing office, administrative level, province,
document type, size and number of redaction marks of one report. Every value comes from the
report's own words (title, file name, opening, body) by the rules below; a value that cannot be
read with some confidence is None rather than a guess. Pure functions: the only state is the
place table of `baogao.places`, loaded once on first use.

Where each value is looked for, in order:
- year: title → file name → the text's date line (or a web copy's source line at the end) or a
  phrase naming its own year (2023年工作总结; a meeting that sums up one year and plans the next
  is of the next) → the year whose projects' progress the opening checks → the year a 政府工作报告's part on the
  work ahead names (二、2024年工作安排; 一、2023年工作回顾 → 2024) → a bulletin's issue numbered in a year
  (2023年第4期) → a news item's (a dateline, or a first paragraph telling of 近日 / 3月7日) the day its web page says it was
  posted (发布时间：…, which clean drops; never a report's, which a page may carry years after it was written) → the year
  the file says it was created (a .docx's core properties; `year_source`);
  without one, `year_min` from the dated events the text names (党的十八大以来 → 2012; 2019年6月，
  市人社局… → 2019; 截至2018年12月底 → 2019; 自2012年以来…连续10年 → 2021): a lower bound,
  never the year;
- org: title prefix (包头市人民政府办公室关于…; not a speech's 在…会议上) → formal openings (在XX
  第N届人民代表大会…上 / 我代表XX人民政府 / XX人民政府令) → the signature at the end (a body's
  name next to the date line) → the subject of an opening clause (2023年，县行政审批服务局
  办公室在…; a town's 党委 with its government is the town; none when the opening tells of a
  visit to the writer's place, …一行莅临我县) → 我办/我局/我会 resolved to the body of that kind the
  text names most → the place a title opens with (红安县2023年工作总结), or a motto's subtitle names the paper
  as its own (——潜山市黄铺镇乡村振兴典型材料); a personal report's (述职报告) post's office before all; a body named by its level word
  (县人民政府) completed with the one place the text names it with as its own anywhere (its signature, a clause's
  subject), else with the one place of its level a clause opens with (2023年，永修县坚持…) or its work is for (为怀远县…
  奠定基础), or that a text written as the county's or district's own (我县, 我区) names anywhere, else with the place its
  document's number names (鄂州政办发〔2015〕17号), else with the source its web page's labels name when that is the body
  with its place (来源：宣恩县人社局); a town's body with the county the text writes the town after (信丰县嘉定镇) or names
  as its superior (在光山县委、县政府的坚强领导下, a 主送 岷县人民政府：); a government and its offices by their formal name
  (旺苍县政府办公室 → 旺苍县人民政府办公室);
- level: org (its place, or the level word of a place the table lacks: 富民乡人民政府) → title
  (a township's 富民乡2022年…) → file name → an opening clause whose subject is a bare 乡/县/市 (or its leaders: 副县长王某带队…) →
  全县/全市… counts (a 市 body whose units are townships, never counties, is a county-level city's: 县);
- region: only below 中央; title → org → file name → place names in the opening → a county news
  outlet in a dateline (蕲春广播电视台记者…) → provincial service platforms (浙政钉, 湘易办) anywhere
  in the text → a zone named after its city by the city's stem (达州经开区);
- doc_type: the type word that ends the title (of 工作总结和…工作计划, the summary) → file name →
  phrases of the opening;
- secret_level: the 密级 marking in the 版头 (baogao.gongwen: 密级：内部, 秘密★1年), else None.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping

from baogao.gongwen import (
    ADDRESSEES_MAX_CHARS, HEADER_MAX_LINES, MARKING, MARKING_MAX_CHARS, edition_editor, header_issuers, info_fields,
    is_addressee_line, is_header_line, masthead_editor, unspaced,
)
from baogao.model import ParsedReport
from baogao.parse import COVER_LABEL, DOC_TYPE_WORDS, PERSONAL_BYLINE
from baogao.titles import (FILE_SUFFIX, HEADS_OF_GOVERNMENT, INSTITUTIONS, LEVEL_IN_WORD, NEWS_DATELINE, PLACEHOLDER, PURPOSE_LEAD, SHORT_OFFICE,
                           PERSON_NAME, POST_BYLINE, SCENE, SPEAKER, THIS_IS, WHEN, ascii_digits, file_stem, is_personal_report,
                           opens_with_subject, personal_post, typed_zeros)
from baogao.places import (
    LEVEL_CITY,
    LEVEL_COUNTY,
    LEVEL_PROVINCE,
    PARTY_PREFIXES,
    Place,
    city_paper_province,
    county_stem_province,
    find_outlets,
    find_places,
    find_platforms,
    leading_places_end,
)
from baogao.schema import MIN_YEAR, NEWS_ITEM
from baogao.search.variants import is_traditional, to_simplified


# How much of the body counts as the opening, where the office, the subject and the place of a
# report are named (the first paragraphs; a formal header of a 公文 or a 政府工作报告 fits).
_OPENING_CHARS = 2000
# A year written in a report is taken as its date only up to LATEST_TEXT_YEAR. The schema
# accepts any year from MIN_YEAR to MAX_YEAR (what a sidecar may say), but in a text a year
# beyond 2030 is a target (到2035年基本实现…), not the date of writing: this bound stays below
# the schema's, and moves up when the archive's reports reach it.
LATEST_TEXT_YEAR = 2030
# Office files without a real date carry the epoch of their format or of DOS (1601, 1980).
_NO_DATE_YEAR = 1980

_HAN = r"\u4e00-\u9fff"
NATIONAL = "全国"  # the region of central bodies
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0}


def enrich(report: ParsedReport, source_name: str, properties: Mapping[str, str] | None = None) -> dict:
    """Metadata of one report; `source_name` is its file name (a hash-like name is fine),
    `properties` what the file says of itself (baogao.readers: "created" …; "posted": the day a web
    page's own label says it was posted, and "source", what it names as its source, which baogao.clean keeps
    when it drops the labels)."""
    title, text, opening, fold = _read(report)
    stem = fold(_file_stem(source_name))

    subtitle = fold(report.subtitle)
    # (a headline is the text's own title line, not a file's name: 工会信访督查考核.txt names a topic)
    headline = title if report.title_in_text or report.title_in_fields else ""
    doc_type = _doc_type(title, stem, opening, subtitle, fold(report.masthead), headline)
    # a year's summary (not a month's or a quarter's: 1月份工作总结 is of the month it is signed after)
    summary = doc_type == "工作总结" and not _PART_OF_YEAR.search(title)
    met = _meeting_day(text) if doc_type == "纪要" else None
    props = properties or {}
    year, year_source, year_min = _year(title, stem, text, props.get("created", ""), summary, met, props.get("posted", ""),
                                        fold(report.issue), doc_type == "通知")
    org = _org(title, subtitle, stem, opening, text, props.get("source", ""))
    case = _CASE_STUDIED.search(subtitle)
    if case and org and org in case.group(1):
        org = level = None  # ——以岳西县为例: the place a study takes as its case is what it studies; who wrote it, it does not say
    else:
        level = _level(org, title, stem, opening, text)
    region = NATIONAL if level == "中央" else _region(title, org, stem, opening, text)
    if level == "市" and region and region.endswith("市") and not (org and _starts_with_place(org)):
        level = "省"  # (a municipality's 市委, 市政府, 全市 are of a province's rank: 上海 … 本市召开市委保密委全体会议)
    whole = report.text()  # (a notice's 字数 counts the document it issues, a summary's the plan saved after it)
    return {
        "year": year,
        "year_source": year_source,
        "year_min": year_min,
        "date": _date(text, year) or (_iso_date(int(met.group(1)), _cn_or_int(met.group(2)), _cn_or_int(met.group(3))) if met else None),
        "org": org,
        "level": level,
        "region": region,
        "doc_type": doc_type,
        "secret_level": _secret_level(text),
        "chars": len("".join(whole.split())),
        "redactions": _count_redactions(whole),
    }


_CASE_STUDIED = re.compile(r"以([^，。；：\s]{2,30}?)为例")


def _read(report: ParsedReport) -> tuple[str, str, str, Callable[[str], str]]:
    """(title, text, opening, fold) of a report as the rules read it."""
    # The rules are written in simplified characters; a text in traditional ones (紅安縣…工作總結) is read
    # folded, one character for one (its office is named in simplified characters, as search folds it).
    text = report.text()
    # (and a year's typed zeros as 〇: 二O二三年, one for one too)
    fold: Callable[[str], str] = (lambda s: typed_zeros(to_simplified(s))) if is_traditional(text) else typed_zeros
    title = fold("" if report.title_inferred else report.title.strip())
    blocks = [block.text for block in report.blocks]
    # a cover's label over the title (汇 报 材 料) is shown under it: the opening begins after it
    label = 1 if blocks and report.title_in_text and COVER_LABEL.match("".join(blocks[0].split())) else 0
    return title, _first_document(fold(text)), fold("\n".join(blocks[label:]))[:_OPENING_CHARS], fold


def post_of(report: ParsedReport) -> str:
    """The post a personal report is about (baogao.titles.personal_post), for its display title."""
    if report.title_inferred or not is_personal_report(to_simplified(report.title)):
        return ""  # (read no further: most reports are none)
    title, _, opening, _ = _read(report)
    return personal_post(title, opening)


# ---------------------------------------------------------------------------------------- year

_CN_YEAR = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s?年)")  # 二〇二三年, 一九五八年
# The (?<!\d\d) after the first digit says "no digit before this one"; placed there rather than
# first, it lets the engine skip ahead to digits (a leading look-behind makes it try every
# position, several times slower on a long report).
_SPACED_YEAR = re.compile(r"(\d)(?<!\d\d) (\d) (\d) (\d)(?!\d)")  # 1 9 9 3 年 (web copies)
# A span of years is a period (a plan's, a school year's), not the report's year: 2021—2023年, 2019年至2021年,
# 2022-2023学年度, （2021-2025）.
_YEAR_RANGE = re.compile(r"\d{4}\s?年?\s?(?:[-—–―~～－]+|至|到)\s?\d{4}\s?年|(?:19|20)\d\d\s?(?:[-—–―~～－]+|至|到)\s?(?:19|20)\d\d(?!\d)")
# 2023年, 2023 年; not 1990年代. A number needs 年 after it: 2023份 is a count.
_YEAR = re.compile(r"(\d(?<!\d\d)\d{3})\s?年(?!代)")
_BARE_YEAR = re.compile(r"(?<![0-9A-Za-z〔\[第])(\d{4})(?![0-9A-Za-z])")  # 2026_xx省_… file names
# …and a day written in eight figures, as offices name their files (20231220办公室总结(定稿)): its year
_FIGURES_DAY = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![0-9])")
# A short line with a full date among the first or last lines is the report's date line (or a
# line that opens with it: （2018年1月2日）, ——2026年1月26日在广东省…会议上).
_DATE_LINE_LINES = 6
_DATE_LINE_MAX_CHARS = 30
# (its year in any bracket a 文号 is typed with, its number with or without 第: 罗财发（2023）12号, 〔2023〕第12号)
_DOC_NUMBER_YEAR = re.compile(r"[〔\[［【(（](\d{4})[〕\]］】)）]\s?第?\s?\d+\s?号")
# A year that names the report's own period and kind: 2023年工作总结, 2019年度社会保险主题调研,
# 2022年上半年工作汇报. Not a plan period (2021—2023年 is blanked by _normalize_digits), nor the year a span of work
# began (现将2022年以来我县…工作汇报如下: up to the text's own year).
_OWN_YEAR = re.compile(
    r"(\d(?<!\d\d)\d{3})\s?年(?!度?(?:以来|至今|起))度?(?:上半年|下半年|全年)?[^，。；：\n\d年]{0,12}?"
    r"(?:工作总结|工作报告|工作汇报|总结报告|述职报告|调研报告|主题调研|专题调研|调查报告)"
    # (not a meeting named so, 2023年度工作总结会, …工作总结表彰大会, 述职报告会: held after the year it sums up)
    r"(?![^，。；：\n\d年]{0,6}?会)"
    # 2019年，市总工会通过…座谈…，形成了相关调研报告: the year the study was made, same sentence
    r"|(\d(?<!\d\d)\d{3})\s?年[，,][^。\n]{0,120}?(?:形成|撰写|完成)了?(?:相关|此|本)?(?:调研|调查)报告"
    # 我就我镇2023年上半年安全生产工作开展情况汇报如下: the formula names the period whose work it reports (not a
    # year's findings set right, assessed or audited later, nor its budget: 现将2022年度预算执行情况报告如下)
    r"|(\d(?<!\d\d)\d{3})\s?年(?!度?(?:以来|至今|起))度?(?:上半年|下半年|全年|第?[一二三四]季度)?"
    r"(?:(?!整改|反馈|考核|考评|巡察|审计|预算|决算|执行)[^，。；：\n\d年]){0,16}?(?:工作|履职|述职述廉|述职|述廉)(?:开展|推进|完成|落实)?情况"
    r"(?:总结|报告|汇报)如下"
)
# 2025年度…工作总结暨2026年工作推进会, 2014年度总结表彰暨2015年工作动员大会: a meeting that sums
# up one year and launches the next is held in the next, so a text about it is of that year.
_SUMMED_UP_AND_LAUNCHED = re.compile(
    r"(\d(?<!\d\d)\d{3})\s?年度?[^，。；：\n\d年]{0,16}?总结[^，。；：\n\d年]{0,8}?暨\s?(\d{4})\s?年"
    # not a document that sums up and plans (2023年度工作总结暨2024年工作计划 is 2023's summary)
    r"(?![^，。；：\n\d年会]{0,12}?(?:计划|打算|思路|安排|要点)(?![^，。；：\n]{0,6}?会))"
)
# 会议总结了2011年全县统计工作,对2012年统计工作进行了安排部署; 召开…会议,总结回顾2024年度…,安排部署2025年…:
# a meeting that sums up one year and plans the next is held in the next — unless the text dates it in
# November or December (a year-end meeting plans the coming year).
_MEETING_SUMS_UP = re.compile(
    r"会[^。；\n]{0,40}?总结(?:回顾)?了?\s?(\d{4})\s?年度?[^。；\n]{0,60}?"
    r"(?:(?:安排部署|部署|安排|谋划)了?\s?(\d{4})\s?年|对\s?(\d{4})\s?年[^。；\n]{0,20}?(?:安排部署|部署|安排))"
)
_YEAR_END_MONTH = re.compile(r"(?<!\d)1[12]\s?月|十[一二]月")
# The progress of a year's projects is checked in that year (对2022年民生实事项目推进情况进行了督查, 为掌握2019年
# 全县各项目建设开复工情况, 开展2024年省、市、县政府民生实事项目现场督查, 对2017年县委交办事项落实情况进行了专项督查):
# the opening of a text on such a check names its own year. (Not a 年度 one's: 对2013年度教育工作督导评估 is made after it.)
_PROGRESS_OF_YEAR = re.compile(
    r"(\d(?<!\d\d)\d{3})\s?年度?[^，。；：\n\d年]{0,20}?(?:进展|推进|开复工)情况"
    r"|(\d(?<!\d\d)\d{3})\s?年(?!度)[^，。；：\n\d年]{0,24}?(?:项目|事项)[^，。；：\n\d年]{0,12}?(?:督查|督导|督办)"
    # (…or pushed on by a check, 对2020年度市级考核指标…进行督查推进; not how far they were met, 完成情况, after the year)
    r"|对\s?(\d(?<!\d\d)\d{3})\s?年度?(?:(?!完成情况|落实情况|总结|结果)[^。；：\n\d年]){0,40}?(?:督查|督导|督促)推进"
)
_OPENING_SENTENCE_CHARS = 200
# 泾源县应急管理局…召开2024年灾害信息员业务提升培训会, 召开2022年第一季度审计整改推进会: the opening tells of a
# meeting named by its year, held in it. (Not a 年度 one, nor one that sums a year up or commends it: 召开2022年度
# 总结表彰大会 is held after the year.)
_HELD_MEETING = re.compile(
    r"(?:召开|举办|举行)(?:了)?\s?(\d(?<!\d\d)\d{3})\s?年(?!度)(?:(?!总结|表彰)[^，。；：\n\d年]){0,20}?"
    r"(?:会议|大会|推进会|座谈会|培训会|培训班|调度会|部署会|动员会|联席会)"
    # (…or told as held: 5月27日,我市2018年事业单位公开招聘工作人员笔试顺利举行)
    r"|(?<!\d)(\d{4})\s?年(?!度)(?:(?!总结|表彰)[^，。；：\n\d年]){0,24}?(?:会议|大会|会|培训班|笔试|考试)"
    r"(?:在[^，。；\n]{2,20}?)?(?:顺利|隆重)?(?:召开|举行|举办|开班|开考)(?!时间|日期|地点|前)"  # (not 笔试举行时间另行通知)
)
# 2019年7月16日上午，…督导组…; 2018年9月19日，…进驻杉桥镇…。当天下午…: a news item opens with the day and hour
# of what it reports, and is of that year (a text that only starts from a dated past event, 2011年12月13日，全国总工会
# 办公厅下发了…，目的是…, names no hour and no 当天; nor is a group's visit on a day, 2022年11月8日，市委巡察组一行
# 进驻我局…, news by itself: a 整改 report or a profile opens with the visit it tells of). So does one that opens with
# the days of a month its event lasted (2017年11月1日至10日，广东省派出…7个督查组…): a document comes out on one day.
_NEWS_DAY = re.compile(
    r"^\s*(\d(?<!\d\d)\d{3})\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日"
    r"(?:上午|下午|晚上|早上|中午|凌晨|晚|[^。\n]{0,120}。\s*当天|\s?[至到—－-]\s?\d{1,2}\s?日)"
)
# 新年伊始,辽宁召开专题会议部署2024年全省森防信息宣传工作: at a year's start, the work of the year it launches is
# that year's (not 年初, which may be a plan's, nor a year's summary: 总结2023年…, nor the year before's business its
# start sees to: 部署2023年度民主生活会, 安排2023年度综合考核)
_NEW_YEAR_LAUNCHED = re.compile(r"^\s*(?:新年伊始|新春伊始|开年伊始)[，,][^。；\n]{0,60}?(?:部署|启动|安排|谋划)\s?(\d(?<!\d\d)\d{3})\s?年"
                                r"(?!度?[^，。；\n]{0,20}?(?:总结|考核|考评|述职|评议|评比|表彰|先进|生活会|决算))")
# (the deed's day or part of a month, after the purpose it served: 为加强…，2011年2月底，澧县县委办组织开展了…; not a
# deadline, 2024年3月底前, 3月底以前, 3月5日之前)
_DAY_OPENS = re.compile(r"^\s*(?:为[^。；\n]{2,60}?[，,]\s*)?(\d(?<!\d\d)\d{3})\s?年\s?(\d{1,2})\s?月\s?(?:(\d{1,2})\s?日|[上中下]旬|底|初|末)"
                        r"(?!\s?[之以]?前)")
# …nor the day a rule or a standard takes effect, which its news comes before (2024年1月1日零时起，《…条例》将正式施行; 2025年1月1日
# 开始，缴费标准调整; not a campaign's start, 2023年3月1日起，县纪委监委开展…专项督查)
_TAKES_EFFECT = re.compile(r"[^。；]{0,40}?(?:将[^。；]{0,30}?|(?:零时)?(?:起|开始)[^。；]{0,30}?)(?:施行|实施|执行|生效|调整)")
# …nor a background date that a later day without a year follows on its anniversary or past the year's turn (2008年5月12日，
# 汶川发生特大地震。5月12日，汶川县举行纪念活动; 2021年12月15日，省财政厅印发…。1月5日，县财政局召开部署会): that later day is the
# deed's, its year untold (not a deadline, 5月20日前, nor a span, 3月1日至8日, nor a later day of the same year)
_LATER_DAY = re.compile(r"[。；，,]\s*(?:今年|在)?\s*(\d{1,2})\s?月\s?(\d{1,2})\s?日(?!\s?(?:[之以]?前|[至到—－-]))")
# 2020年7月28日,…县政府信息中心对…进行了全面排查。现将自查整改情况通报如下: a document opening with the day of
# what it reports, and in the same paragraph with its formula (现将…如下), was written then.
# (Not the day another's document came out: 2019年10月8日,国务院办公厅印发《…》。现将有关事项通知如下 may be later;
# 根据…印发的《…》 only cites it.)
_DATED_FORMULA = re.compile(
    r"^\s*(\d(?<!\d\d)\d{3})\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日(?:(?!(?:印发|下发|出台|颁布|公布|发布)(?!的))[^\n]){0,300}?现将[^。\n]{0,40}?如下"
)
# A web copy's source line at the end dates it: (来源:清远日报 刘海军2011年2月25日).
# (or in figures: （来源：县政府办公室　2023-03-11）)
_SOURCE_DATE = re.compile(r"[（(](?:来源|稿源|信息来源|供稿)[:：][^（()）\n]{0,40}?"
                          r"(?=(?:\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|\d{4}-\d{1,2}-\d{1,2})[)）]\s*$)")
_SOURCE_DAY_IN_FIGURES = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
# A title's year after 表彰 is the year commended (关于表彰2017年度…先进单位的决定): the decision is
# of a later year, which its own number or date line gives.
_COMMENDED_YEAR = re.compile(r"(?:表彰|表扬|奖励|命名)\s?(\d{4})\s?年")
# …as is a year before it in a 通报 (关于对2023年度…先进单位予以通报表扬的通报; not a summary's, 2023年度奖励基金工作总结)
_COMMENDED_BEFORE = re.compile(r"(\d{4})\s?年度?[^，。；：\n\d]{0,30}?(?:表彰|表扬|奖励)")
# …and a year whose findings are set right (关于2022年度预算执行审计发现问题整改情况的报告, 2022年度民主生活会整改…):
# the inspection, audit or meeting is of that year, the 整改 told or planned later, as the date line says.
_RECTIFIED_YEAR = re.compile(r"(\d{4})\s?年度?[^，。；：\n]{0,30}?整改")
# A title's first year inside the name of the document it forwards or issues (转发《…2022年度…》, 转发市…关于2022年…
# 的通知的通知, 印发《2023年度…办法》): that document's; the text's own date line may be later. (Not a summary's title set
# in book marks, 《2023年工作总结》, signed in 2024.)
_IN_A_NAMED_DOCUMENT = re.compile(r"^[^\d]*?(?:《|(?:转发|印发)[^\d《]*?关于)[^》\d]*?\d{4}\s?年")
# …and a year whose assessment's results are used or told (关于2022年度考核结果运用情况的报告): they are known after it
_ASSESSED_YEAR = re.compile(r"(\d{4})\s?年度[^，。；：\n]{0,20}?(?:考核|考评|绩效评价)(?:结果|等次)")
# …and a period whose work a 通报 tells (关于2023年第四季度政务信息报送情况的通报, 2024年1月10日): told after it.
_REPORTED_PERIOD = re.compile(r"(\d{4})\s?年度?[^，。；：\n\d]{0,30}?情况的?通报$")
# 2019年以来; 自2015年3月起，县纪委…: the text was written in that year or later. (Not 自2026年1月1日起施行, a
# rule's day in force, nor 从2019年起，各部门于每年2月底前…, a plan: a clause after 起 and a month are required.)
_SINCE_YEAR = re.compile(
    r"(\d(?<!\d\d)\d{3})\s?年度?(?:\d{1,2}\s?月份?)?(?:\d{1,2}\s?日)?以来"
    # …or since an event of the year (2023年主题教育开展以来; not a plan's or a target's year: 2035年远景目标纲要》实施以来,
    # 到2025年…规划实施以来)
    r"|(?<![到至])(\d(?<!\d\d)\d{3})\s?年(?![^，。；：、\n]{0,12}?(?:目标|规划|纲要|计划))[^，。；：、\n\d年月日《》“”]{1,12}?(?:开展|实施|启动|发生|召开)以来"
    r"|自\s?(\d(?<!\d\d)\d{3})\s?年\s?\d{1,2}\s?月份?(?:\d{1,2}\s?日)?起[，,]"
)
# 表彰了2011年度…先进单位, 被评为2020年度…先进单位, 2017年度同级审计发现的问题: a year's work is commended or audited
# after the year, so the text is of a later one. (Not a plan, 2023年度审计项目计划, nor an aim or a call, 争创2023年度先进单位,
# 推荐2023年度优秀信息员.)
_YEAR_DONE = re.compile(r"(\d(?<!\d\d)\d{3})\s?年度[^，。；：\n\d年]{0,24}?(?:先进|优秀|审计(?![^，。；\n]{0,6}(?:计划|要点|安排)))")
# 在全市2023年度政务信息工作考核中，我县位列第二: a year's assessment, told as done, is made after the year
_ASSESSED_IN = re.compile(r"在[^，。；：\n\d]{0,6}?(\d(?<!\d\d)\d{3})\s?年度[^，。；：\n\d年]{0,20}?考[核评](?:工作)?中")
_AIMED_AT = re.compile(r"争|创|评选|评比|推荐|推选|申报|开展")  # 评选/推荐2023年度先进…: still to come
# 根据2021年省委办公厅《关于…》要求, 按照省委2021年印发的《…》: a document the text applies came out in that year
# (not one to come out: 将于2025年出台《…》, nor a year inside its name: 根据《2025年…规划》)
_CITED_DATED = re.compile(r"(?:根据|按照|依据|对照|落实|贯彻)[^，。；：\n\d《》]{0,10}?(\d(?<!\d\d)\d{3})\s?年"
                          r"(?:\d{1,2}\s?月(?:\d{1,2}\s?日)?)?[^，。；：\n\d《》将拟]{0,12}?《"
                          # (…or any told as issued then: 2012年出台的《党政机关公文格式》; not 将于2025年出台的《…》)
                          r"|(?<![将拟于到至\d])(\d{4})\s?年(?:\d{1,2}\s?月(?:\d{1,2}\s?日)?)?(?:印发|下发|出台|颁布|发布|修订)的《")
# A document the text cites is not the text: 根据2019年…工作报告, 《2019年…调研报告》.
_CITED = re.compile(r"根据|按照|依据|对照|落实|贯彻|学习|《")
# 截至2019年10月: the text's figures are as of that date, so it was written then or later. The
# month is required: a plan's 截至2025年 may be a target.
_AS_OF = re.compile(r"截[至止](?:到)?\s?(\d(?<!\d\d)\d{3})\s?年\s?(?:(\d{1,2})\s?月(底|末|31日)?|(底|末))")
# 2019年6月，市人社局…: a dated event opening a clause is past — unless the clause plans it
# (2024年3月，将召开…); a deadline (2024年6月底前) has no comma after the date.
# (after a purpose clause too: 为深入了解…情况，2022年9月，县委办公室组成调研组…)
_DATED_EVENT = re.compile(
    r"(?:^|[。；！？\n])\s*(?:为[^，,。；\n]{2,40}[，,]\s*)?(\d(?<!\d\d)\d{3})\s?年\s?\d{1,2}\s?月(?:\s?\d{1,2}\s?日)?[，,]([^。；\n]{0,8})"
)
_PLANNED = re.compile(r"将|拟|计划|力争|预计|要")
# …or a body's deed on a day it names, told as done (于2023年3月15日至5月12日对…开展了巡察, 已于2022年底完成): not
# a deadline (于2025年6月底前完成, 力争于2025年完成, 要于…前完成)
_DONE_ON = re.compile(r"(?P<how>已于|(?<![将拟定请应须需要])于)\s?(\d(?<!\d\d)\d{3})\s?年(?P<rest>[^。；，,\n]{0,40}?)(?P<done>了|完成)")
_AIMED = re.compile(r"力争|确保|计划|预计|务必|要求|争取|努力|将|拟|要")
# 2023年共办理…交办事项122件, 2009年，达县政协…共收集社情民意165条: a year's total, a count told as done, is counted in it
# or after (not a plan's: 2025年计划共完成…)
# (…nor an aim or a deadline: 力争2025年共…, 到2025年底前共完成…, 2025年目标共…, 2025年各乡镇应共…, 2025年，全县共需…)
# (先后, 累计 count as 共 does: 2021年春节期间，先后2次对…开展公车督查)
_YEAR_TOTAL = re.compile(r"(\d(?<!\d\d)\d{3})\s?年(?:度|全年)?[，,]?(?P<rest>[^。；\n]{0,40}?)(?:共(?:计)?|先后|累计)(?P<what>[^。；，,\n\d]{0,20}?)"
                         r"\d+\s?(?:件|条|次|篇|期|人|个|项|起|场|批|家|户|份)")
_TOTAL_AIMED = re.compile(r"^\s?(?:底|\d{1,2}\s?月底?)前|目标|[应须需]$")
_TOTAL_OWED = re.compile(r"[将需应须要拟]")
# (right before the year: not a title's 工作计划 above; a year reached by 到 is a deadline, 到2026年，累计建成…, 截止到 it no)
_TOTAL_AIMED_AT = re.compile(rf"(?:(?:{_AIMED.pattern})(?:于|在|到)?|(?<!截止)到) ?\Z")
# 对2021年—2023年间…交办事项整改情况进行“回头看”: a span of years told as past reaches its last (a plan's span, 2021—2025年,
# names no 间)
# (部署2023年至2025年间…任务; 对2021年—2025年间的目标进行部署; 十四五期间（2021年至2025年间），…规划建设)
_PLAN_WORDS = r"力争|确保|计划|预计|争取|将|拟|要|部署|安排|谋划|规划|目标"
_SPAN_PLANNED = re.compile(rf"(?:{_PLAN_WORDS}|十[一二三四五]五)[^，。；,;\n]*$")
_SPAN_PLANNED_AFTER = re.compile(rf"[^。；;\n]{{0,12}}?(?:{_PLAN_WORDS})")
_PAST_SPAN = re.compile(r"(?<!\d)\d{4}\s?年?\s?(?:[-—–―~～－]+|至|到)\s?(\d{4})\s?年(?:间|以来)")
# 自2012年以来…连续10年: the tenth year of a run that began in 2012 has been reached (2021).
_RUN_OF_YEARS = re.compile(r"(\d(?<!\d\d)\d{3})\s?年以来[^。；\n]{0,30}?连续\s?(\d{1,2}|[一二三四五六七八九十]{1,3})\s?年")


def _normalize_digits(s: str) -> str:
    s = ascii_digits(s)
    s = _CN_YEAR.sub(lambda m: "".join(str(_CN_DIGITS[c]) for c in m.group()), s)
    s = _SPACED_YEAR.sub(r"\1\2\3\4", s)
    return _YEAR_RANGE.sub(lambda m: " " * len(m.group()), s)


def _news_posted(text: str, posted: str, title: str) -> int | None:
    """The year of the day a web page was posted (`posted`, ISO 8601: 发布时间：2023-05-16), when the page is a news
    item: its first paragraph tells of what happened in the days before, under a news dateline or with a day
    without a year (近日，…; 3月7日上午，…; 本报讯（记者 王某）3月15日，…). Not any other text a page carries: a report
    is often posted long after it was written (a 2019 summary republished in 2023), and its own words date it.
    Not either when the day told (or the day in the sentence 近日 opens: 日前，…于12月28日召开…) is of a later month
    than the posting's (12月28日, posted on 2024-01-03: the year before),
    nor when no month is told and the page was posted in January's first half (近日, posted on 2024-01-05: perhaps
    the December before)."""
    day = re.match(r"((?:19|20)\d\d)-(\d\d)-(\d\d)$", posted)
    head, _ = _ends(text)
    # (its first paragraph: a long line, or a short one that ends a sentence, 5月15日上午，红安县召开防汛工作会议。; not a date line)
    lead = next((line for line in head if (len(line) > _DATE_LINE_MAX_CHARS or line.rstrip().endswith(("。", "！", "？")))
                 and line.strip() != title and not _date_line(line)), "")
    news = NEWS_DATELINE.match(lead)
    told = _RECENT_DAY.match(lead, news.end() if news else 0)
    month = _DAY_WITHOUT_YEAR.search(news.group()) if news else None
    month = month or (told if told and told.group(1) else None)
    if told and not month:  # (日前，县政府办公室于12月28日召开…: the day 日前 stands for, in its sentence)
        month = _DAY_WITHOUT_YEAR.search(_sentence(lead, told.end()))
    if not day or not (news or told) or (month and int(month.group(1)) > int(day.group(2))):
        return None
    if not month and day.group(2) == "01" and int(day.group(3)) <= _RECENT_DAYS:
        return None
    return int(day.group(1)) if _plausible(int(day.group(1))) else None


_RECENT_DAYS = 15  # how far back 近日, 日前 may reach: a page posted within them of a new year may tell of the old one
_DAY_WITHOUT_YEAR = re.compile(r"(?<![\d年])(\d{1,2})\s?月\s?\d{1,2}\s?[日号]")
# (after the dateline, which takes who wrote it too: (通讯员 张某)近日，…)
_RECENT_DAY = re.compile(r"\s*(?:近日|日前|连日来|" + _DAY_WITHOUT_YEAR.pattern + ")")


def _created_year(created: str) -> int | None:
    """2023-03-01T08:00:00Z → 2023, when plausible (a file dated 1601 or 1980 has no real date)."""
    m = re.match(r"(\d{4})-\d{2}-\d{2}", created)
    return int(m.group(1)) if m and _plausible(int(m.group(1))) and int(m.group(1)) > _NO_DATE_YEAR else None


def _launched_year(title: str) -> int | None:
    """全县2024年信息工作总结暨2025年工作部署会议召开: a meeting that sums up one year and
    launches the next is held in the next, as in a text (_own_year_phrases)."""
    title = _normalize_digits(title)
    m = _SUMMED_UP_AND_LAUNCHED.search(title)
    if not m or not _MEETING_AFTER.match(title, m.end()):  # (…工作总结暨2024年工作设想 is a summary: its own year)
        return None
    return int(m.group(2)) if int(m.group(2)) == int(m.group(1)) + 1 and _plausible(int(m.group(2))) else None


_MEETING_AFTER = re.compile(r"[^，。；：\n]{0,14}?(?:会|大会)")
# 召开2022年度高质量发展考核总结表彰大会: a meeting held to sum up or commend a year, after it
# (not one that commends within the year, on a day of it: 2023年度教师节表彰大会)
# (a title that names the meeting itself too: 在2023年度…总结表彰大会上的讲话, 2023年度工作总结会议纪要; and a year's
# 民主生活会, held at its end or early in the next)
_MEETING_ON_A_YEAR = re.compile(r"(?:召开|举行|举办|^在?)[^，。；：\n\d]{0,8}?(\d{4})\s?年度"
                                r"(?![^，。；：\n]{0,30}?(?:教师|护士|记者|妇女|三八|五四|青年|建军|国庆|重阳)节)"
                                r"(?:[^，。；：\n]{0,30}?(?:总结|考核|先进|评比|表彰)[^，。；：\n]{0,12}?会|[^，。；：\n]{0,20}?(?:民主|组织)生活会)")


# 市委督查室通报2022年度督查工作, 关于通报2022年度目标考核结果的通知: a whole year's work is told of when it is done,
# at its end or in the next year, which the title does not say. (Not a part of the year that ends before it does,
# 通报2023年度第一季度督查工作, 2023年度上半年: told within that year.)
_REPORTED_ON_A_YEAR = re.compile(r"通报了?\s?(\d{4})\s?年度(?!\s?(?:第[一二三1-3]季度|[一二三1-3]季度|上半年|前三季度))")


def _filed_year(stem: str) -> int | None:
    m = _FIGURES_DAY.search(stem)
    return int(m.group(1)) if m and _plausible(int(m.group(1))) else None


def _leading_bare_year(title: str) -> int | None:
    """2024 县政府办公室工作总结: the year a cover sets on its own line above the title (parse)."""
    m = _TITLE_BARE_YEAR.match(title)
    return int(m.group(1)) if m and _plausible(int(m.group(1))) else None


_TITLE_BARE_YEAR = re.compile(r"^((?:19|20)\d\d) (?=\S)")


def _plausible(year: int) -> bool:
    return MIN_YEAR <= year <= LATEST_TEXT_YEAR


def _first_year(s: str, bare: bool) -> int | None:
    """The first plausible year written in a title or file name (2023年; bare 2026 if `bare`)."""
    s = _normalize_digits(s)
    for pattern in (_YEAR, _BARE_YEAR) if bare else (_YEAR,):
        for m in pattern.finditer(s):
            if _plausible(int(m.group(1))) and not _TARGET_YEAR.search(s, 0, m.start()) and not _SPAN_FROM.match(s, m.end()):
                return int(m.group(1))
    return None


# 关于2020年以来脱贫攻坚成果巩固情况的报告: nor is the year a span of work starts from (it bounds the year: _SINCE_YEAR)
_SPAN_FROM = re.compile(r"度?(?:以来|至今)")
# 关于到2025年基本建成数字政府的实施意见, 关于确保(完成)2025年目标任务的通知, 争创2025年度…先进县, 迎接2025年省级督查: a
# year a title aims at, or an event it prepares for, is no year of the document (截至2023年底 is as of it)
_TARGET_YEAR = re.compile(r"(?:(?<!截)(?<!截至|截止)(?:到|至)|(?:确保|力争|争取)(?:完成|实现)?|实现|争创|迎接)\s?$")


# A 政府工作报告 without a date line is of the year its part on the work ahead names (二、2024年工作安排), the
# year after the one it looks back on (一、2023年工作回顾); not a term's (今后五年的目标任务) nor a summary's 打算.
_PLANNED_PART = re.compile(r"^\s*[一二三四五六七八九十]{1,2}、\s*(\d{4})\s?年(?:政府)?(?:的)?(?:主要|重点)?"
                           r"(?:工作(?:安排|任务|建议|部署|重点)|目标任务|重点工作|主要任务)\s*$", re.MULTILINE)
_REVIEWED_PART = re.compile(r"^\s*[一二三四五六七八九十]{1,2}、\s*(\d{4})\s?年(?:政府)?工作回顾\s*$", re.MULTILINE)


def _planned_year(text: str) -> int | None:
    years = {int(m.group(1)) for m in _PLANNED_PART.finditer(text)} | {int(m.group(1)) + 1 for m in _REVIEWED_PART.finditer(text)}
    return years.pop() if len(years) == 1 and _plausible(min(years)) else None


def _text_year(text: str, summary: bool = False, title: str = "") -> int | None:
    """The report's own year when its text states it: its document number at the top
    (〔2021〕82号), a date line at the top or at the end (（2018年1月2日）, ——2026年1月26日在…
    会议上, a signature's date), else a phrase that ties a
    year to the report itself (2023年工作总结, 开展2019年度社会保险主题调研). Years merely
    mentioned in the text are not the report's year: they are reviews, targets or history.
    """
    dated = _dated_year(text)
    if dated and summary and (_sums_up_the_year_before(text, dated) or _LAST_YEARS_SUMMARY.search(title)):
        return dated - 1
    if dated:
        return dated
    s = _normalize_digits(text)
    own = Counter(year for year, cited in _own_year_phrases(s) if not cited and _plausible(year))
    if own:
        return max(own, key=lambda y: (own[y], y))
    head, _ = _ends(text)
    # the first paragraph (not a long title above it)
    lead = next((line for line in head if len(line) > _DATE_LINE_MAX_CHARS and line.strip() != title), "")
    m = _PROGRESS_OF_YEAR.search(lead[:_OPENING_SENTENCE_CHARS])
    checked = int(m.group(1) or m.group(2) or m.group(3)) if m else 0
    if m and _plausible(checked) and not _CITED.search(lead, max(0, m.start() - 4), m.start()):
        return checked
    m = _HELD_MEETING.search(lead[:_OPENING_SENTENCE_CHARS])
    held = int(m.group(1) or m.group(2)) if m else 0
    if m and _plausible(held) and not _PLANNED.search(lead, max(0, m.start() - 4), m.start()):
        return held
    m = _NEW_YEAR_LAUNCHED.match(lead)
    if m and _plausible(int(m.group(1))):
        return int(m.group(1))
    opens = _DAY_OPENS.match(lead) if _headline(title) else None
    m = _NEWS_DAY.match(lead) or _DATED_FORMULA.match(lead) or (opens if opens and _the_deeds_day(lead, opens) else None)
    return int(m.group(1)) if m and _plausible(int(m.group(1))) else (_year_at_hand(s, lead) or _year_of_told_day(s))


def _the_deeds_day(lead: str, opens: re.Match[str]) -> bool:
    """Whether the full date a headline's lead opens with (`_DAY_OPENS`) is its deed's day: not a rule's or a standard's
    taking effect, nor background that a later day of a later year follows (see _TAKES_EFFECT, _LATER_DAY)."""
    if _TAKES_EFFECT.match(lead, opens.end()):
        return False
    month, day = int(opens.group(2)), int(opens.group(3) or 0)
    return not any((int(later.group(1)), int(later.group(2))) <= (month, day) if day else int(later.group(1)) < month
                   for later in _LATER_DAY.finditer(lead, opens.end()))


# 4月11日…处长强调：…是2022年的重点工作; 3月14日…锚定2023年重点工作目标; 近日…为完成2018年各项目标任务提供纪律保障: a news
# item on a day it gives no year names the year whose work is at hand, its own — not a year-end meeting's aims for the
# next (12月28日…) nor a January one's, when the year just ended is reviewed and its targets assessed (1月8日…部署对完成
# 2023年目标任务情况的督查考核), nor a year's work told as done (通报了2022年重点工作完成情况) or one whose 之年 is
# looked back on (2023年是…开局之年，一年来…; a new year's meeting may look back before its year's tasks), nor
# one of two years named, nor in a text that speaks of next year (谋划明年…, 2025年是…收官之年); the year's own work
# (its 各项 or 十项 tasks), not a campaign's or a plan's targets, which name a year ahead (确保2020年脱贫攻坚目标任务如期
# 完成 from 2016 on, 2025年规划目标任务): a year to be reached (确保 or 实现 it, its bare 目标任务 anchored to or to be
# completed) is at most a bound, whichever year the text is of; only the year's work at hand (聚焦2025年重点工作) or its
# whole (完成2018年各项目标任务) is
_YEAR_AT_HAND = re.compile(r"(?:(?:是|锚定|紧扣|围绕|聚焦)\s?(\d(?<!\d\d)\d{3})\s?年度?的?(?:各项|全年|[一二三四五六七八九十]{1,3}[项大])?"
                           r"(?:重点工作|重点任务|攻坚行动)"
                           r"|(?:是|锚定|紧扣|围绕|聚焦|完成)\s?(\d(?<!\d\d)\d{3})\s?年度?的?(?:各项|全年|[一二三四五六七八九十]{1,3}[项大])"
                           r"(?:重点工作|目标任务|工作目标|重点任务|攻坚行动))"
                           r"|(?<!\d)(\d{4})\s?年是[^，。；：\n\d年]{0,30}?之年")  # 2013年是贯彻落实党的十八大精神的开局之年
_YEARS_WORK_DONE = re.compile(r"(\d{4})\s?年度?[^，。；：\n\d年]{0,12}?(?:完成情况|总结|回顾|成效)")
_YEAR_LOOKED_BACK = re.compile(r"一年来|过去的?一年|回首")
_NEXT_YEAR = re.compile(r"明年|来年")  # (谋划明年…: the year at hand is the one after the text's)
_YEAR_TURN_MONTH = re.compile(r"(?<![\d十])(?:1[12]?|十[一二]|[一元])\s?月")  # November to January
_UNDATED_DAY = re.compile(r"近日|日前|近期|(?<![\d年])\d{1,2}\s?月\s?\d{1,2}\s?日")


# 本轮巡察集中进驻时间为2022年3月1日至4月4日… / 3月1日，4个巡察组相继…召开进驻动员会: a clause that opens with a day it
# gives no year, a day the text dates in full elsewhere, tells of that year (when no later one is named)
_DAY_IN_FULL = re.compile(r"(\d(?<!\d\d)\d{3})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
_DAY_TOLD = re.compile(r"(?:^|(?<=[\n。；！？，,]))\s*(\d{1,2})\s?月\s?(\d{1,2})\s?日")
# …not a day kept every year, whose full date is the one it remembers (5月12日…防灾减灾日宣传活动 … 2008年5月12日汶川特大地震,
# 国家宪法日 … 1982年12月4日公布施行)
_YEARLY_DAY = re.compile(r"纪念|周年|每年|[^\W\d]日(?:宣传|主题|活动)")


def _year_of_told_day(text: str) -> int | None:
    if _YEARLY_DAY.search(text):
        return None
    told = {(int(m.group(1)), int(m.group(2))) for m in _DAY_TOLD.finditer(text)}
    years = {int(m.group(1)) for m in _DAY_IN_FULL.finditer(text) if (int(m.group(2)), int(m.group(3))) in told}
    year = years.pop() if len(years) == 1 else 0
    return year if _plausible(year) and not any(int(y) > year for y in _YEAR.findall(text)) else None


def _year_at_hand(text: str, lead: str) -> int | None:
    opening = lead[:_OPENING_SENTENCE_CHARS]
    if not _UNDATED_DAY.search(opening) or _YEAR_TURN_MONTH.search(opening) or _NEXT_YEAR.search(text):
        return None
    found = [m for m in _YEAR_AT_HAND.finditer(text) if not _CITED.search(text, max(0, m.start() - 4), m.start())]
    if any(m.group(3) for m in found) and _YEAR_LOOKED_BACK.search(text):  # (2023年是…之年，一年来…: one looked back on)
        return None
    at_hand = {int(m.group(1) or m.group(2) or m.group(3)) for m in found}
    year = at_hand.pop() if len(at_hand) == 1 else 0
    if not _plausible(year) or any(int(y) > year for y in _YEAR.findall(text)):
        return None
    return None if any(int(m.group(1)) == year for m in _YEARS_WORK_DONE.finditer(text)) else year


def _headline(title: str) -> bool:
    """A news headline that tells of a deed (州级督查组到中和镇开展…督查检查, 县委召开…会议): no document's title
    (…的报告, 县档案馆简介); its first paragraph, opening with a day, is the deed's news, of that day's year."""
    return bool(title) and not DOC_TYPE_WORDS.search(_strip_tail(title)) and bool(_EVENT_VERB.search(title))


# 成文日期: a full date alone on a line at the top or the end, as _text_year reads it; the month
# and day may be written in Chinese (二〇二三年三月十五日).
_FULL_DATE = re.compile(r"(\d(?<!\d\d)\d{3})\s?年\s?([\d一二三四五六七八九十]{1,3})\s?月\s?([\d一二三四五六七八九十]{1,3})\s?日")
# A news item's dateline gives the day, its year is the report's: 新华社北京2月9日电.
_DATELINE = re.compile(r"^[^\n，。：]{0,16}?(\d{1,2})\s?月\s?(\d{1,2})\s?日电")
# The day a law takes effect is not the day it was made: 本条例自2021年2月1日起施行.
_IN_FORCE = re.compile(r"施行|实施|执行|生效|截[至止]")
# A regulation's adoption line: 2007年9月14日 北京市…常务委员会第三十八次会议通过.
_MADE_ON = re.compile(r"(?:通过|批准|发布|公布|印发)\s*$")


def _date(text: str, year: int | None) -> str | None:
    """The report's date (ISO 8601) when its text gives one: a 信息公开 table's 成文日期, a date
    line at the top or the end (its 成文日期, the day it was delivered, a regulation's adoption
    line, a bulletin's edition line; not the day it takes effect), or under a signature anywhere
    (before the 附件); then the 版记's …印发 day; else a news dateline in the year `year`."""
    head, tail = _ends(text)
    written = _field_date(head)
    if written:
        found = _iso_date(int(written.group(1)), _cn_or_int(written.group(2)), _cn_or_int(written.group(3)))
        if found:
            return found
    printed = None  # the 版记's …印发 day: the 成文日期 when no line under a signature gives it (it comes before)
    for line in _dating_lines(head, tail):
        m = _date_line(line)
        if m and _PRINTED.match(line):
            printed = printed or _iso_date(int(m.group(1)), _cn_or_int(m.group(2)), _cn_or_int(m.group(3)))
        elif m:
            found = _iso_date(int(m.group(1)), _cn_or_int(m.group(2)), _cn_or_int(m.group(3)))
            if found:
                return found
    figures = _signed_in_figures(tail)
    if figures:
        found = _iso_date(int(figures.group(1)), int(figures.group(2)), int(figures.group(3)))
        if found:
            return found
    # a signature before the 附件 (国务院办公厅 / 2018年11月19日, then the attached list)
    lines = text.split("\n")
    for above, line in zip(lines, lines[1:]):
        if len(line) > _DATE_LINE_MAX_CHARS or "年" not in line:
            continue
        line = _normalize_digits(line)
        m = _FULL_DATE.search(line)
        if m and _SIGNATURE_DATE.match(line.strip()) and _signer(above):
            found = _iso_date(int(m.group(1)), _cn_or_int(m.group(2)), _cn_or_int(m.group(3)))
            if found:
                return found
    if printed:
        return printed
    if year is not None:
        for line in head:
            m = _DATELINE.match(line.strip())
            if m:
                return _iso_date(year, int(m.group(1)), int(m.group(2)))
    return None


def _meeting_day(text: str) -> re.Match[str] | None:
    """The day of the meeting a 纪要 records, from its opening sentence (2023年5月10日，县长李明主持召开县长
    办公会议…): the minutes' date when no date line gives one."""
    head, _ = _ends(text)
    return next(filter(None, map(_MEETING_OPENS.match, head)), None)


# (its place and hour may come between: 2023年5月10日上午，在县政府三楼会议室，…)
_MEETING_OPENS = re.compile(r"\s*" + _FULL_DATE.pattern + r"[^。；\n]{0,40}?(?:主持召开|召开|主持)")


def _field_date(head: list[str]) -> re.Match[str] | None:
    """The 成文日期 of a 信息公开 table at the top (2022年09月14日, 2022-09-14)."""
    written = re.sub(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$", r"\1年\2月\3日", info_fields(head).get("date", ""))
    return _FULL_DATE.search(written)


_MINUTES_TIME = re.compile(r"^\s*时\s*间\s*[:：]")
_SENTENCE_DONE = re.compile(r"[。；！？]\s*$")  # 请于2024年3月5日前报送材料。: a sentence with a day in it, no date line
_TIME_OF_DAY = re.compile(r"\s*[（(]?(?:星期|周)[一二三四五六日天][）)]?|\s*(?:上午|下午|晚上|\d{1,2}\s?[:：时]\s?\d{2})")
_LISTED_BEFORE = re.compile(r"[，,；;。！？]|^\s*(?:\d{1,2}\s?[.、．]|[（(]\d{1,2}[）)])(?!\d)")
_RANGE_ON = re.compile(r"\s*(?:[—–\-~～―]+|至|到)\s*(?:\d{4}年)?\d{1,2}月")


def _date_line(line: str) -> re.Match[str] | None:
    """The full date of a date line (its digits normalised): a short line with a date, one that
    opens with a bracket or dash (（2018年1月2日）, ——2026年1月26日在…会议上), a regulation's
    adoption line, a bulletin's edition line; never the day it takes effect (自2021年2月1日起施行)
    nor a meeting's day and hour (2024年3月22日（星期五）上午8:30)."""
    source = _SOURCE_DATE.search(line)
    if source:
        return _FULL_DATE.search(line, source.end()) or _SOURCE_DAY_IN_FIGURES.match(line, source.end())
    if _PRINTED.match(line) or _edition(line):  # the 版记's …2023年5月6日印发
        return _FULL_DATE.search(line)
    m = _FULL_DATE.search(line)
    if m and _RANGE_ON.match(line, m.end()):
        return None  # 统计时间：2013年7月1日——2014年6月30日: the period a text covers, not its date
    if m and _TIME_OF_DAY.match(line, m.end()) and not _MINUTES_TIME.match(line):
        return None  # 2024年3月22日（星期五）上午8:30: when a meeting is held (a 纪要's 时间：… is its date)
    if m and _LISTED_BEFORE.search(line[: m.start()]):
        return None  # 1.张某反映征地补偿问题，2019年3月5日: an entry of a list, the day of what it tells
    if m and not _IN_FORCE.search(line) and not _SENTENCE_DONE.search(line) and (
        len(line) <= _DATE_LINE_MAX_CHARS
        or line.lstrip().startswith(("（", "(", "——", "――"))
        or (not line[: m.start()].strip() and _MADE_ON.search(line))
    ):
        return m
    return None


def _dating_lines(head: list[str], tail: list[str]) -> list[str]:
    """The first and last lines, but the date lines among the last that are entries of a list: a chronicle's
    (2021年3月5日 / 新馆开工建设 / 2022年8月12日 / 新馆投入使用) or a table's cells, when days of two dates stand there —
    all but the last, if it is under its signer (not a 版记's 印发 line or a source's, which are read as they are)."""
    days = {k: m.group(1, 2, 3) for k, m in ((k, _date_line(line)) for k, line in enumerate(tail))
            if m and not _PRINTED.match(tail[k]) and not _edition(tail[k]) and not _SOURCE_DATE.search(tail[k])}
    if len(set(days.values())) < 2:
        return head + tail
    last = max(days)
    entries = set(days) - ({last} if last and _signer(tail[last - 1]) else set())
    return head + [line for k, line in enumerate(tail) if k not in entries]


def _edition(line: str) -> bool:
    """A bulletin's edition line: who edits it and the day of the issue (县人民政府办公室编
    2023年6月15日), a body's name, not a field's (报名截止 2023年6月15日)."""
    editor = edition_editor(line)
    return editor is not None and (_reads_as_body(editor) or bool(_WRITER_END.search(editor)))


def _iso_date(year: int, month: int, day: int) -> str | None:
    try:
        return datetime.date(year, month, day).isoformat() if _plausible(year) else None
    except ValueError:  # 2月30日
        return None


def _first_document(text: str) -> str:
    """The text up to a second document saved in the same file, which starts with a title of its own right
    under the first one's signature (…城关街道办事处 / 2023年12月28日 / 城关街道2024年工作计划 / …): the report is
    the first one, its title's; its date and signature are the first one's."""
    lines = text.split("\n")
    title = "".join(lines[0].split())
    # (not a cover's presenter and month over the title repeated on the next page)
    for k in range(_SECOND_DOCUMENT_FROM, len(lines) - 1):
        if ("".join(lines[k].split()) != title
                and DOC_TYPE_WORDS.search(lines[k].strip()) and len(lines[k].strip()) <= _SECOND_TITLE_MAX_CHARS
                and (_SIGNATURE_DATE.match(_normalize_digits(lines[k - 1].strip())) or _MONTH_LINE.match(_normalize_digits(lines[k - 1].strip())))
                and _signer(lines[k - 2])):
            return "\n".join(lines[:k])
    return text


# A second document's title names its kind (城关街道2024年工作计划: DOC_TYPE_WORDS), not a 附件's label or its table.
_SECOND_TITLE_MAX_CHARS = 60
_SECOND_DOCUMENT_FROM = 6  # a cover's lines come first


def _ends(text: str) -> tuple[list[str], list[str]]:
    """The first and the last `_DATE_LINE_LINES` lines, digits normalised: where a report's
    document number and date lines stand (only they are normalised: a report may be long); the last
    are those over its attachments when they follow its date (`_signed_part`)."""
    lines = text.split("\n")
    return ([_normalize_digits(line) for line in lines[:_DATE_LINE_LINES]],
            [_normalize_digits(line) for line in _signed_part(text).split("\n")[-_DATE_LINE_LINES:]])


@functools.lru_cache(maxsize=4)
def _signed_part(text: str) -> str:
    """The text up to the attachments that follow its signature's date (…罗田县统计局 / 2024年12月5日 / 附件 /
    统计年报工作联系表 / a table …: its end, where the signature and the date stand, is over them), else all of it.
    An attachment list over the signature (附件：1.… / 罗田县统计局 / 2024年12月5日) is not after its date."""
    for m in _ATTACHMENT_LINE.finditer(text):
        above = text[max(0, m.start() - _ABOVE_CHARS): m.start()].rstrip().rsplit("\n", _DATE_ABOVE_ATTACHMENT)[-_DATE_ABOVE_ATTACHMENT:]
        if any(_date_line(_normalize_digits(line.strip())) for line in above):
            return text[: m.start()].rstrip()
    return text


_DATE_ABOVE_ATTACHMENT = 2  # (the date line, or the seal's note or a 联系人 line under it)
_ABOVE_CHARS = 200  # (what of the text over an attachment line is read for them: not all of it, again for each)


def _sums_up_the_year_before(text: str, dated: int) -> bool:
    """A year's summary signed or presented early in the next (2023年，我局… / 县商务局 / 2024年1月10日): its
    opening names the year before the date's, or the year just past (一年来，…), or its formula names
    that year (现将2023年度工作情况总结如下), and its last date line is of January or February."""
    head, tail = _ends(text)
    # (the date line at the end, else a cover's or a byline's under the title: 县教育局局长  陈某 / （2024年1月）)
    months = [m for m in (_date_line(line) or _MONTH_LINE.match(_normalize_digits(line.strip())) for line in [*reversed(tail), *head])
              if m and int(m.group(1)) == dated]
    if not months or _cn_or_int(months[0].group(2)) > _EARLY_MONTHS:
        return False
    before = dated - 1
    return any(re.match(rf"\s*(?:{before}\s?年(?:度|以来|来)?|{_YEAR_PAST})[，,]", line)
               or re.search(rf"现将[^。；，\n]{{0,6}}?{before}\s?{_SUMMED_UP}", line) for line in head)


_EARLY_MONTHS = 2  # a year's summary is written by the end of February
# 县交通局去年工作总结及今年工作打算: a title that names the year before its date line's as the one summed up
# (not 去年以来, 去年冬季以来: a time up to the date line's)
_LAST_YEARS_SUMMARY = re.compile(r"(?:去年|上年)度?(?![^，。；：\n\d年]{0,12}?(?:以来|至今))[^，。；：\n\d年]{0,12}?总结")
# 现将2023年度工作情况总结如下, 现将我局2023年工作开展情况汇报如下: the formula names the year whose work it sums up
# (not 现将落实2023年度…巡察反馈意见整改情况总结如下, nor 2023年度考核以来…)
_SUMMED_UP = r"年度?(?:全年|个人|各项)?(?:工作|履职)(?:开展|完成)?(?:情况)?(?:总结|报告|汇报)如下"
_YEAR_PAST = r"一年来|过去的?一年(?:里|来|中)?|回顾一年"  # 一年来，…: the year its summary is signed after
_PART_OF_YEAR = re.compile(r"[\d一二三四五六七八九十]{1,2}\s?月|季度|半年")


def _dated_year(text: str) -> int | None:
    """The year of the document number at the top (皖政办秘〔2021〕82号: the year it was issued),
    else of a date line at the top or the end (a 信息公开 table's 成文日期 first)."""
    head, tail = _ends(text)
    written = _field_date(head)
    if written and _plausible(int(written.group(1))):
        return int(written.group(1))
    for line in head:
        number = _DOC_NUMBER_YEAR.search(line)
        if number and len(line) <= _DATE_LINE_MAX_CHARS and _plausible(int(number.group(1))):
            return int(number.group(1))
    for line in _dating_lines(head, tail):
        m = _date_line(line)
        if m and _plausible(int(m.group(1))):
            return int(m.group(1))
    figures = _signed_in_figures(tail)
    if figures and _plausible(int(figures.group(1))):
        return int(figures.group(1))
    return _cover_year(head, tail)


def _cover_year(head: list[str], tail: list[str]) -> int | None:
    """The year of a month line under who presents or signs the text: a cover's (汇报材料 / 醴陵市教育局 /
    2023年10月) among the first lines, a signature's as the last two (…。 / 寿光市农业农村局 / 二〇二三年十二月),
    a draft's 2023年X月X日 too; not a month a chronicle or a table opens or ends with, nor one under the last
    paragraph that no one signs (…。 / 2023年12月 under a January report: a chronicle's or a table's)."""
    first = [line.strip() for line in head if line.strip()][:_COVER_LINES]
    for k, (above, line) in enumerate(zip(first, first[1:])):
        month = _MONTH_LINE.match(_normalize_digits(line)) or _OPEN_DATE.match(_normalize_digits(line))
        # (or a study's team under its title: 繁峙县人民政府办公室调研组 / （2018年11月）; a writer's byline:
        # 县政府办公室副主任  刘芳 / （2023年12月）; or the title itself, the month bracketed or a byline under it:
        # 述职述廉报告 / （2023年12月）, not a chronicle's first month: 红安县2023年大事记 / 2022年12月 / 县委召开…)
        under_title = not k and (line.startswith(("（", "(")) or (len(first) > 2 and _byline(first[2])))
        if month and (under_title or _signer(above) or _RESEARCH_TEAM.match(above) or _byline(above)) \
                and _plausible(int(month.group(1))):
            return int(month.group(1))
    # a signature at the end (a contact line may follow), under text or another signing body — not a table's
    # last row, whose cells are short words (道路施工 / 县住建局 / 2025年6月)
    last = [line.strip() for line in tail if line.strip()]
    while last and _CONTACT_LINE.match(last[-1]):
        last.pop()
    if len(last) >= 2:
        month = _MONTH_LINE.match(_normalize_digits(last[-1])) or _OPEN_DATE.match(_normalize_digits(last[-1]))
        table = len(last) >= 4 and _cell(last[-3]) and _cell(last[-4])
        # (or a person's name under text, not under a table's cells: a 述职报告's or a 个人工作总结's writer signs it: 张三 /
        # 2023年12月)
        person = _PERSON_LINE.fullmatch(last[-2]) and len(last) >= 3 and not _cell(last[-3])
        if month and (_signer(last[-2]) or person) and not table and _plausible(int(month.group(1))):
            return int(month.group(1))
        # …or the body and its month on one line (红安县统计局　2023年12月), under text, not a table's last cells
        signed = _SIGNATURE.match(last[-1])
        if signed and signed.group("date") and _signer(signed.group("org")):
            month = _MONTH_LINE.match(_normalize_digits(signed.group("date").strip()))
            table = len(last) >= 3 and _cell(last[-2]) and _cell(last[-3])
            if month and not table and _plausible(int(month.group(1))):
                return int(month.group(1))
    return None


_PERSON_LINE = re.compile(PERSON_NAME)


def _byline(line: str) -> bool:
    """A writer's byline: a post and a name (县政府办公室副主任  刘芳), or an office and a name."""
    return bool(POST_BYLINE.match(line) or PERSONAL_BYLINE.match(line))


# A model text's or draft's date with its month and day left open (2023年X月X日): the year it is written in.
_OPEN_DATE = re.compile(rf"^[（(]?(\d{{4}})\s*年\s*[{PLACEHOLDER}]{{1,2}}\s*月(?:\s*[{PLACEHOLDER}]{{0,2}}\s*日)?[）)]?$")


_CONTACT_LINE = re.compile(r"^[（(]?(?:联系人|联系电话|电话)[:：]")
_CELL_MAX_CHARS = 8
_NOT_A_CELL = re.compile(r"^(?:[一二三四五六七八九十]+[、是要]|[（(][一二三四五六七八九十]+[）)]|特此)")


def _cell(line: str) -> bool:
    """Whether a line reads as a cell of a table flattened to lines (2, 道路施工, 县住建局): a few words,
    no punctuation, not a heading, a closing formula (特此报告) or a body's name."""
    return (len(line) <= _CELL_MAX_CHARS and not _SENTENCE_MARK.search(line) and not _NOT_A_CELL.match(line)
            and not _signer(line))


_COVER_LINES = 4


def _signed_in_figures(tail: list[str]) -> re.Match[str] | None:
    """A date in figures under a signature (舒城县林业局办公室 / 2023.6.30): a draft's date. Only
    there: figures like these elsewhere are a table's cells or a version (截止日期 / 2023.12.31)."""
    for above, line in zip(tail, tail[1:]):
        m = _NUMERIC_DATE_LINE.match(line)
        if m and _signer(above):
            return m
    # …or beside it on its line (舒城县林业局办公室　2023.6.30), the last line
    signed = _SIGNATURE.match(tail[-1].strip()) if tail else None
    if signed and signed.group("date") and _signer(signed.group("org")):
        return _NUMERIC_DATE_LINE.match(signed.group("date"))
    return None


def _own_year_phrases(s: str) -> Iterator[tuple[int, bool]]:
    """(year, cited) of each phrase tying a year to a report (2023年工作总结); cited when the text
    names another document so (根据2019年宁夏政府工作报告): a lower bound, not its own year."""
    launched = []
    for m in _SUMMED_UP_AND_LAUNCHED.finditer(s):
        if int(m.group(2)) == int(m.group(1)) + 1:
            launched.append((m.start(), m.end()))
            yield int(m.group(2)), bool(_CITED.search(s, max(0, m.start() - 4), m.start()))
    for m in _MEETING_SUMS_UP.finditer(s):
        summed, planned = int(m.group(1)), int(m.group(2) or m.group(3))
        if planned == summed + 1 and not _YEAR_END_MONTH.search(s, max(0, m.start() - _OPENING_SENTENCE_CHARS), m.start()):
            launched.append((m.start(), m.end()))
            yield planned, bool(_CITED.search(s, max(0, m.start() - 4), m.start()))
    for m in _OWN_YEAR.finditer(s):
        if any(start <= m.start() < end for start, end in launched):
            continue
        cited = bool(_CITED.search(s, max(0, m.start() - 4), m.start()))
        yield from ((int(y), cited) for y in m.groups() if y)


_CN_NUMERAL = "一二三四五六七八九十"


def _cn_int(s: str) -> int:
    """一..九十九 → int (十九 → 19, 二十 → 20, 二十一 → 21)."""
    if "十" not in s:
        return _CN_DIGITS.get(s, 0)
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)


# Dated events a report may name, each giving the earliest year the report can have been
# written. Party congresses: 十二大 1982, then every five years (二十大 2022). Plenums of the
# 14th–20th Central Committees: 一中 in the congress year, 二中 and 三中 the year after, then
# one a year (十九届六中全会 2021), except 二十届三中全会, held in 2024; 历次全会 ("all the
# plenums so far") means at least the 二中. National People's Congress: the 6th from 1983, then
# every five years (十四届 2023), one session (第N次会议) a year. 中国工会 congresses: 十六大
# 2013, 十七大 2018, 十八大 2023. And a few campaigns that began in a known year.
_PARTY_CONGRESS = re.compile(rf"(?:党的|中共|中国共产党)第?([{_CN_NUMERAL}]{{2,3}})(?:大|次全国代表大会)")
_PLENUM = re.compile(rf"([{_CN_NUMERAL}]{{2,3}})届((?:(?:[一二三四五六七]中|历次)[、和及与]?)+)全会")
_NPC = re.compile(
    rf"([{_CN_NUMERAL}]{{1,3}})届全国人(?:民代表大会第|大)([{_CN_NUMERAL}]{{1,2}})次会议"
)  # 第十四届全国人民代表大会第一次会议, 十四届全国人大一次会议
_UNION_CONGRESS = re.compile(r"中国工会第?(十[六七八])(?:大|次全国代表大会)")
_UNION_YEARS = {16: 2013, 17: 2018, 18: 2023}
_CAMPAIGNS = (
    (re.compile(r"新冠(?:肺炎|病毒|疫情)|新型冠状病毒"), 2020),
    # the formulas of 2020 for it (疫情防控 alone is older: 非洲猪瘟, H1N1)
    (re.compile(r"统筹推进[^。；]{0,8}疫情防控和经济社会发展|常态化(?:开展)?疫情防控|疫情防控常态化|外防输入、内防反弹"), 2020),
    (re.compile(r"纪委监委|[省市县区州旗]监委|监察委员会|监察工委"), 2017),  # the 监察委员会 of the 2017 pilots, everywhere from 2018
    (re.compile("党史学习教育"), 2021),
    (re.compile("八项规定"), 2012),  # 中央八项规定, December 2012
    (re.compile("群众路线教育实践活动"), 2013),
    (re.compile("三严三实"), 2015),
    (re.compile("两学一做"), 2016),
    (re.compile("全面从严治党"), 2014),  # December 2014
    (re.compile("精准扶贫"), 2013),
    (re.compile("脱贫攻坚"), 2013),  # the campaign of 精准扶贫 (the 八七扶贫攻坚计划 of 1994 is 扶贫攻坚)
    (re.compile("巩固拓展脱贫攻坚成果"), 2020),  # the formula of the fifth plenum, October 2020
    (re.compile("扫黑除恶"), 2018),  # the 专项斗争 of January 2018
    (re.compile("五水共治"), 2013),  # Zhejiang's campaign of December 2013
    (re.compile("供给侧结构性改革"), 2015),  # first said in November 2015
    (re.compile(r"第二次(?:全国)?地名普查"), 2014),  # 2014–2018
    (re.compile("放管服"), 2015),
    # the strategy of October 2017 and its five parts (乡村产业振兴, 乡村人才振兴 …); the phrase did not circulate before
    (re.compile(r"乡村(?:产业|人才|文化|生态|组织)?振兴"), 2017),
    (re.compile("习近平新时代中国特色社会主义思想"), 2017),
    (re.compile("习近平总书记"), 2012),  # 总书记 from November 2012
    (re.compile(r"中央(?:生态)?环(?:境)?保(?:护)?督察"), 2015),  # its first round, 2015–2017
    (re.compile(r"第二轮中央(?:生态)?环(?:境)?保(?:护)?督察"), 2019),
    (re.compile(r"中央(?:生态)?环(?:境)?保(?:护)?督察(?:组)?[“\"]?回头看"), 2018),  # its 回头看, May–October 2018
    # the 中央环境保护督察 was renamed with the 生态环境部 in 2018 (its 回头看 was the first under the name)
    (re.compile(r"中央(?:第[一二三四五六七八九十]+)?生态环境保护督察"), 2018),
    (re.compile("改革开放以来"), 1978),
    (re.compile(r"(?:建党|中国共产党成立)(?:100|一百)周年"), 2021),
    (re.compile(r"(?:新中国成立|中华人民共和国成立|建国|国庆)(?:70|七十)周年"), 2019),
    (re.compile("四风"), 2013),  # 形式主义、官僚主义、享乐主义和奢靡之风, so named in 2013
    (re.compile("整治形式主义为基层减负|基层减负年"), 2019),  # the 专项工作机制 of March 2019
    (re.compile("两个确立"), 2021),  # the sixth plenum, November 2021
    (re.compile("安全生产专项整治三年行动"), 2020),  # April 2020 – 2022
    (re.compile("碳达峰"), 2020),  # the 双碳 goals of September 2020
    (re.compile("学习强国"), 2019),  # the platform of January 2019
    (re.compile(r"不忘初心、?牢记使命[”\"]?主题教育"), 2019),
    (re.compile("新时代文明实践"), 2018),  # its centres, from July 2018
    (re.compile("两个维护"), 2018),
    (re.compile(r"四个(?:意识|自信)"), 2016),
    # the fire brigades of the 2018 reform (公安消防 became 消防救援 in October 2018)
    (re.compile(r"消防救援(?:总队|支队|大队|站)"), 2018),
    (re.compile("乡村振兴局"), 2021),  # 国家乡村振兴局, February 2021, then the local ones
    # bodies made by the 2018 reform of the State Council's departments (March 2018, then the provinces' and counties'):
    # 应急管理 had only 应急办 offices before, 卫生健康委 was 卫计委, 退役军人事务 had none
    (re.compile(r"应急管理(?:部|厅|局)|卫生健康委|卫健委|退役军人事务(?:部|厅|局)"), 2018),
    # a regulation cited by name, of the year it was promulgated (国务院令第492号, April 2007; revised in April 2019)
    (re.compile(r"《(?:中华人民共和国)?(?:政府)?信息公开条例》"), 2007),
    (re.compile(r"(?:新修订|修订后)的?《(?:中华人民共和国)?政府信息公开条例》"), 2019),
)
# “十四五”以来: since the first year of a five-year plan (十一五 2006 … 十四五 2021; not its drafting, 编制“十四五”规划)
_PLAN_PERIOD_SINCE = re.compile(r"十([一二三四五])五[”’\"']?(?:时期|期间)?以来")
_PLENUM_OFFSET = {1: 0, 2: 1, 3: 1, 4: 2, 5: 3, 6: 4, 7: 5}
# An event still ahead when the text was written: 迎接党的二十大, 2022年召开党的二十大时.
_FORTHCOMING = re.compile(r"迎|召开(?:党的|中共)?$")


def _cn_or_int(s: str) -> int:
    return int(s) if s.isdigit() else _cn_int(s)


def _congress_year(n: int) -> int | None:
    return 1982 + 5 * (n - 12) if 12 <= n <= 20 else None


def _plenum_year(n: int, k: int) -> int | None:
    if not 14 <= n <= 20 or k not in _PLENUM_OFFSET or (n == 20 and k > 4):
        return None  # outside the table, or not yet held when it was written
    return 2024 if (n, k) == (20, 3) else 1982 + 5 * (n - 12) + _PLENUM_OFFSET[k]


def _event_year(text: str, projected: bool = True) -> int | None:
    """The latest of the events named and of the dates its figures are given as of
    (截至2019年10月): the earliest year the report can have been written. `projected`: figures as
    of a year's end (截至2018年12月底) were compiled after it, in the next year (a summary may give
    them ahead, as 预计截至…: not for testing a file's own date)."""
    years = [
        _congress_year(_cn_int(m.group(1)))
        for m in _PARTY_CONGRESS.finditer(text)
        if not _FORTHCOMING.search(text, max(0, m.start() - 4), m.start())
    ]
    for m in _PLENUM.finditer(text) if "全会" in text else ():
        if _FORTHCOMING.search(text, max(0, m.start() - 6), m.start()):
            continue
        n = _cn_int(m.group(1))
        plenums = [_CN_DIGITS[c] for c in re.findall("([一二三四五六七])中", m.group(2))]
        years += [_plenum_year(n, k) for k in plenums + ([2] if "历次" in m.group(2) else [])]
    for m in _NPC.finditer(text) if "全国人" in text else ():
        term, session = _cn_int(m.group(1)), _cn_int(m.group(2))
        if term >= 6:
            years.append(1983 + 5 * (term - 6) + session - 1)
    years += [_UNION_YEARS.get(_cn_int(m.group(1))) for m in _UNION_CONGRESS.finditer(text)]
    years += [2006 + 5 * (_cn_int(m.group(1)) - 1) for m in _PLAN_PERIOD_SINCE.finditer(text)]
    years += [year for pattern, year in _CAMPAIGNS if pattern.search(text)]
    digits = _normalize_digits(text)
    # Figures as of the end of a year were compiled after it: 截至2018年12月底 → 2019.
    years += [int(m.group(1)) + (1 if projected and (m.group(4) or (m.group(2) == "12" and m.group(3))) else 0)
              for m in _AS_OF.finditer(digits) if m.group(2) or m.group(4)]
    years += [int(m.group(1)) for m in _DATED_EVENT.finditer(digits) if not _PLANNED.search(m.group(2))]
    years += [int(m.group(2)) for m in _DONE_ON.finditer(digits)
              if (m.group("done") == "了" or m.group("how") == "已于") and "前" not in m.group("rest")
              and not _AIMED.search(digits, max(0, m.start() - 6), m.start())]
    years += [int(m.group(1)) + _cn_or_int(m.group(2)) - 1 for m in _RUN_OF_YEARS.finditer(digits)]
    years += [int(m.group(1)) for m in _PAST_SPAN.finditer(ascii_digits(text))
              if not _SPAN_PLANNED.search(text, max(0, m.start() - 12), m.start()) and not _SPAN_PLANNED_AFTER.match(text, m.end())]
    years += [int(m.group(1)) for m in _YEAR_TOTAL.finditer(digits)
              if not _AIMED.search(m.group("rest")) and not _TOTAL_AIMED.search(m.group("rest"))
              and not _TOTAL_OWED.match(m.group("what")) and not _TOTAL_AIMED_AT.search(digits, max(0, m.start() - 6), m.start())]
    years += [int(next(y for y in m.groups() if y)) for m in _SINCE_YEAR.finditer(digits)]
    years += [int(m.group(1)) + 1 for m in _YEAR_DONE.finditer(digits)
              if not _AIMED_AT.search(digits, max(0, m.start() - 6), m.start())]
    years += [int(m.group(1)) + 1 for m in _ASSESSED_IN.finditer(digits)]
    # a document the text cites (根据2019年宁夏政府工作报告; 国发明电〔2014〕1号; 根据2021年省委办公厅《…》要求) came before it
    years += [year for year, cited in _own_year_phrases(digits) if cited]
    years += [int(m.group(1) or m.group(2)) for m in _CITED_DATED.finditer(digits)]
    years += [int(m.group(1)) for m in _DOC_NUMBER_YEAR.finditer(digits)]
    plausible = [y for y in years if y and _plausible(y)]
    return max(plausible) if plausible else None


def _year(title: str, stem: str, text: str, created: str, summary: bool = False,
          met: re.Match[str] | None = None, posted: str = "", issue: str = "",
          notice: bool = False) -> tuple[int | None, str | None, int | None]:
    """(year, where it was read, year_min): the year only from explicit evidence; else the
    earliest year the report can have been written, from the events it names as past. The
    title's year first, unless the document's own number or date line is of an earlier year:
    then the title names the period it plans (关于2019年部分节假日安排的通知, 〔2018〕15号).

    The file's creation date (`created`, ISO 8601) comes last, and only when it is not before the
    events the text tells as past: a report is often written in a copy of last year's file, whose
    date the copy keeps, or in a template (python-docx's says 2013). A `summary` (工作总结) signed early in the
    next year is of the year its opening names (_sums_up_the_year_before). Minutes without a date line are
    of the meeting they record (`met`: `_meeting_day`); a news item, of the day its web page was `posted` (_news_posted);
    a bulletin's `issue` numbered within a year (2023年第4期), of that year, when no date line says otherwise."""
    digits = _normalize_digits(title)
    summed_up = _MEETING_ON_A_YEAR.search(digits) or _REPORTED_ON_A_YEAR.search(digits)
    # (我县召开2022年度…总结表彰大会: held after the year it sums up or commends, on a day the item does not date;
    # 市委督查室通报2022年度督查工作 too)
    titled = None if summed_up else (_launched_year(title) or _first_year(title, bare=False) or _leading_bare_year(title))
    named = titled or _first_year(stem, bare=True)  # (a file name's year is the title's when it has none: 2024年元旦春节通知.txt)
    dated = _dated_year(text) if named else None
    if named and dated and dated < named:
        # 关于2019年部分节假日安排的通知, 国办发明电〔2018〕15号, 2018年12月4日: a title's later year
        # is the period the document plans, its own number or date line says when it was written
        return dated, "text", None
    # (关于表彰2017年度…的决定, 珠政办函〔2018〕26号; not a summary of a year's 整改, which is that year's)
    commended = _COMMENDED_YEAR.search(digits) or (None if summary else (
        _COMMENDED_BEFORE.search(digits) or _RECTIFIED_YEAR.search(digits) or _ASSESSED_YEAR.search(digits)
        or _REPORTED_PERIOD.search(digits.strip()))) if titled else None
    if commended and dated and dated > int(commended.group(1)) == titled:
        return dated, "text", None
    # (关于转发《市人民政府办公室关于做好2022年度…考核的通知》的通知, 2023年1月10日: the year is the forwarded one's; a
    # `notice` on a past year's business, 关于报送2023年度工作总结的通知 dated 2024年1月5日, is of its date too)
    if titled and dated and dated > titled and not summary and (notice or _IN_A_NAMED_DOCUMENT.search(digits)):
        return dated, "text", None
    for source, year in (
        ("title", lambda: titled),
        ("filename", lambda: _first_year(stem, bare=True)),
        ("text", lambda: _text_year(text, summary, _normalize_digits(title.strip()))),
        ("text", lambda: int(met.group(1)) if met and _plausible(int(met.group(1))) else None),
        ("text", lambda: _planned_year(text) if "政府工作报告" in title else None),
        ("text", lambda: _first_year(issue, bare=False)),
        ("text", lambda: _news_posted(text, posted, _normalize_digits(title.strip()))),
        # the day a file was saved (20240105县商务局工作总结): after the text's own date, which it may follow
        ("filename", lambda: _filed_year(stem)),
    ):
        found = year()
        if found is not None:
            return found, source, None
    after = int(summed_up.group(1)) if summed_up and _plausible(int(summed_up.group(1))) else None
    bound = max(filter(None, (_event_year(text), after)), default=None)
    made = _created_year(created)
    if made is not None:
        # (a file made before the events its text tells as past is a copy of an older one, or a template's)
        told = max(filter(None, (_event_year(text, projected=False), after)), default=None)
        if told is None or made >= told:
            return made, "properties", None
    return None, None, bound


# ----------------------------------------------------------------------------------------- org

# Words that end the name of an issuing body. Bare 委 (县委) and 办 are left out: as a title
# prefix they cut words (管理办法), and 县委 in an opening is usually the leadership thanked.
_ORG_SUFFIX = (
    # (not a kind of government that names a policy: 法治政府, 数字政府 建设)
    r"(?:人民政府办公[室厅]|政府办公[室厅]|办公[室厅]|人民政府|政府办(?![法理])|(?<!法治|数字|廉洁|智慧|诚信|阳光|透明|责任)(?<!服务型)政府"
    r"|[省市县区]委办(?![法理公])"  # not 省委办公厅, whose name goes on
    # (县委巡察工作领导小组, not 基层党组织; a 中心学校 is a school, not a 中心)
    r"|管理委员会|委员会|管委会|党工委|党委|党组(?!织)|街道办事处|办事处|管理处|中心组|中心(?!学校|小学|卫生院|医院|幼儿园)|领导小组|指挥部"
    # the offices that check and inspect (县政府督查室, 县委督查办, 县作风办, 党政办) and the
    # bodies that do it (县纪委, 纪委监委, 乡人大主席团)
    r"|督查室|督查办|督察室|督察办|作风办|党政办|纪委监委|纪委|监委|纪工委|监察工委|人大主席团"  # 纪工委: a zone's 纪委
    r"|(?:街道|[镇乡])(?:政协)?工委"  # 区人大崧厦街道工委, 三井街道政协工委: the congress's (or conference's) committee for a street or town
    # …and their groups there (湘东镇政协联络组, 区人大莫愁湖街道代表组): the members of a town, not the town's conference
    r"|(?:街道|[镇乡])(?:政协|人大)?(?:联络组|代表组)"
    r"|教育督导团|教育督导室"  # 安阳市人民政府教育督导团: a government's body that inspects its schools
    r"|信息公开办(?![法理公事])"  # 雅安市政府信息公开办 (办 after 政…, which the 县X办 rule below leaves out)
    # the congress and the consultative conference (县人大常委会, 乡人大, 县政协), and the party
    # committee's departments (县委组织部, 区委统战部)
    r"|人大常委会|人大常务委员会|人大(?!主席(?!团)|代表)|政协"  # not 人大主席 or 人大代表, persons
    r"|委(?:组织|宣传|统战|政法|社会工作|网信|农工|农村工作)部|委政法委(?:员会)?"
    # the mass organisations (县残疾人联合会, 县科协, 县红十字会, 县工商联), the supply co-operatives, and the stations of
    # the police, justice and fire service in towns (七里坪镇司法所, 城关派出所, 县消防救援大队)
    r"|联合会|协会|红十字会|(?<=[省市县区州旗])(?:科协|工商联|文联|侨联|残联|妇联)|供销合作社(?:联合社)?|供销社"
    r"|消防救援(?:大队|支队)|司法所|派出所|市场监督管理所"
    # (and a town's line offices, as the town reforms since 2019 named them: 三里畈镇财政所, 林业站, 综合执法队)
    r"|财政所|自然资源所|国土(?:资源)?所|规划所|供电所|税务所|(?:林业|水利|水务|农技|农经|畜牧兽医|文化)站|综合(?:行政)?执法(?:大|中)?队"
    # (县审计局局长, 县教育局副局长: the 局, not its head; 县公安局长: the 局)
    r"|总工会|工会|局(?!长)|(?<![局副])局(?=长)|厅(?!长)|(?<![厅副])厅(?=长)|国务院|中共中央|党中央"
    # a station of a county or above, or of its bureau (辽宁省森防站, 区建设局建管三站); not a town's or a village's, which
    # the town sets up (双庙乡社情民意信息站), nor a website or a stop (县政府网站, 汽车站)
    r"|(?<=[省市县区局])(?:(?![乡镇村])[\u4e00-\u9fff]){0,8}?(?<![网车油铁交])站(?!长)"
    # a commission's office (市安委办, 市卫生健康委办), before the commission (tried in this order at one place)
    r"|(?<=[县市区州省])(?!委)[\u4e00-\u9fff]{1,5}委办(?![法理公事好实结件学班案]|成(?!立))"
    r"|(?<=[县市区州省])(?!委)[\u4e00-\u9fff]{1,5}委(?![员会])"  # 市国资委, 县发改委, 区住房城乡建委 (not 县委常委)
    r"|(?<=国家)(?:(?![和与及、])[\u4e00-\u9fff]){1,6}?委(?![员会])"  # 国家发展改革委, 国家民委: the State Council's commissions
    # 县清洁办, 县扶贫办, 市老区办; not a verb (督办, 承办, 举办 …) nor 办法, 办理, 办公, 办事
    r"|(?<=[县市区州省])(?![委政])[\u4e00-\u9fff]{1,4}(?<![督承协主交代催包举创开兴合帮领经首转查批快缓速难好要必在待申两])办"
    r"(?![法理公事好实结件学班案]|成(?!立))"  # 办成 is a deed, 县安委办成立… a body
    r")"
)
# A public institution (titles.INSTITUTIONS) is a writer in a title or a signature, never read from a
# clause of the text (松桃县现有7家快递公司 is what a survey counts).
_RESEARCHERS = r"(?:政研室|政策研究室|研究室|研究中心|党校|行政学院|研究院|社科院)"  # who write a study
_WRITER_SUFFIX = rf"(?:{_ORG_SUFFIX}|{INSTITUTIONS}|{_RESEARCHERS})"
_WRITER_END = re.compile(rf"{_WRITER_SUFFIX}$")
# 县委办 / 县政府办 are how offices call each other: the name is 县委办公室 / 县政府办公室.
_SHORT_OFFICE = re.compile(SHORT_OFFICE + "$")  # not 区安委办 (the 安委会's office)
_OFFICE_SUFFIX = re.compile(r"(?:办公[室厅]|局|委员会|总工会|厅)$")
_CENTRAL = re.compile(
    # (and the central bank and the state grid, whose county branches sign county reports: 中国人民银行罗田县支行, 国网罗田县供电公司)
    r"^(?:第[一二三四五六七八九十]+届)?(?:全国|中华全国|中共中央|党中央|中央|国务院|国家|中国人民银行|国网)"
)
_REDACTED_PREFIX = re.compile(r"^(?:[xXｘＸ]{2,}|[*＊]+|×+|某+)")
_STREET_OFFICE = re.compile(r"街道(?:办事处|党工委|工委)?$")
_PARTY_OF_PLACE = re.compile(rf"^(?:{'|'.join(PARTY_PREFIXES)})(?!中央)")  # the party's or the league's committee of a place
_LEVEL_CHARS = "省市县区乡镇州旗盟"
_LEADING_YEAR = re.compile(r"^\s*(?:(?:\d{4}|[〇○零一二三四五六七八九]{4})\s?年(?:度)?(?:上半年|下半年)?|(?:19|20)\d\d )")
_TITLE_VERB = re.compile(r"关于|印发|转发")
_YEAR_IN_NAME = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s?年")
# (not across 获/被/向/受: 区政府办获省政府办公厅表彰 is the 区政府办's news; nor across 在, which names
# where the subject acts: 民建恩施州委在全州政协…会议上作典型发言 is no body 民建恩施州委在全州政协)
_TITLE_ORG = re.compile(rf"^[^\s，。；：、《》“”\"（）(),;:获被向受到赴对在]{{0,20}}{_WRITER_SUFFIX}")  # not 某某副主任到省委办公厅
# A democratic party's committee of a place (民建恩施州委, 九三学社成都市委): a body the suffixes miss, as
# 委 alone is left out of them.
_PARTY_COMMITTEE = re.compile(rf"^(?:民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)[{_HAN}]{{1,8}}?[省市县区州]委(?![员会])")
_TITLE_ISSUES = re.compile(r"(?:公开)?(?:通报|发布|公布)")
# (县委组织部 is a body, 组织部分代表 a deed; 我县新建一所…学校, 专家走进…卫生院: a headline's deed before its place)
# (县委巡察组进驻县教育局…: a group sent into a unit, no body's name)
_EVENT_VERB = re.compile(r"召开|举行|举办|开展|启动|部署|组织(?!部(?!分))|会同|专题|新建(?!区)|建成|走进|开工|落成|揭牌|进驻")
# A group (督查组, 暗访组, …一行) and the place it goes to or checks, 组在县审计局, 组来到…: a clause, never a body's name
_GROUP_GOES = re.compile(r"(?:组|一行)(?:在|到|来到|赴|深入|莅临|对)")
_TWO_BODIES = re.compile(rf"(?:{_ORG_SUFFIX}|组)[和与及同][{_HAN}]|[省市县区]委、?[省市县区]?(?:人民)?政府$")  # …, 区委区政府
_GOV_REPORT_TITLE = re.compile(r"^(\S+?)\s*(?:人民)?政府工作报告")
_NPC_SESSION_ORG = re.compile(r"^\S*人民代表大会(?:常务委员会)?(?:第\S{1,3}次会议)?$")

# The signature at the end of a report: the body's name alone on a line, with the date on it
# or on a line next to it.
_SIGNATURE_LINES = 6
# (a draft's 2023.6.30, 2023/12/26; a model text's or draft's 2015年9月xx日, 2015年9月  日, 20xx年x月x日: a
# signature without a day)
_SIGNED_ON = (rf"(?:(?:\d{{4}}|\d\d[{PLACEHOLDER}]{{2}}|[〇○零一二三四五六七八九]{{4}})\s*年"
              rf"\s*(?:[\d一二三四五六七八九十]{{1,3}}|[{PLACEHOLDER}]{{1,2}})\s*月"
              rf"(?:\s*(?:[\d一二三四五六七八九十]{{1,3}}|[{PLACEHOLDER}]{{1,2}})?\s*日)?"
              r"|\d{4}\s*[./／-]\s*\d{1,2}\s*[./／-]\s*\d{1,2})")
# The team that wrote a study, on a line of its own under its title: 巴东县委政研室课题组, 邛崃市委政研室 课题组.
_RESEARCH_TEAM = re.compile(rf"^(?P<org>[{_HAN}]{{1,30}}?(?:{_ORG_SUFFIX}|{_RESEARCHERS}))\s*(?:联合)?(?:课题组|调研组|调查组)$")
# …and one that does the study, named as the subject in the opening paragraph (为此，宁夏工会理论研究课题组围绕…开展调研)
_TEAM_AT_WORK = re.compile(rf"(?:^|(?<=[，。；,;]))\s*(?:为此[，,]\s*)?(?P<org>[{_HAN}]{{2,24}}?(?:课题组|调研组|调查组))(?:一行)?"
                           r"(?=围绕|对|就|深入|赴|于|通过|采取|组织|先后|在)")
_RESEARCH_BODY = re.compile(rf"^[{_HAN}]{{2,30}}?{_RESEARCHERS}$")  # a study's byline: 中共巴东县委政策研究室
# A cover's month line (2023年10月, 二〇二三年十月): the year it was presented.
# (a model text's or draft's day left open: 2015年9月xx日, 2015年9月  日)
_MONTH_LINE = re.compile(rf"^[（(]?(\d{{4}})\s*年\s*(\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*月(?:份|\s*[{PLACEHOLDER}]{{0,2}}\s*日)?[）)]?$")
# A date line in figures alone (2023.6.30, 2023/12/26, （2023-12-26）): year, month, day.
_NUMERIC_DATE_LINE = re.compile(r"^\s*[（(]?(\d{4})\s*[./／-]\s*(\d{1,2})\s*[./／-]\s*(\d{1,2})[）)]?\s*$")
_SIGNATURE_DATE = re.compile(rf"^[（(]?{_SIGNED_ON}[）)]?$")
# (a campaign's name may be quoted in it: 市“效能革命”活动办公室)
# (and, signing, the party's and the mass organisations' committees: 中共江岸区委, 共青团宁乡市委, 桑植县妇女联合会)
_SIGNATURE = re.compile(rf"^(?P<org>(?:[^\s，。；：、《》“”\"（）(),;:]|“[^“”\s]{{1,12}}”){{2,30}}?"
                        rf"(?:{_WRITER_SUFFIX}|(?<=[省市县区州旗])委|妇联|团委))"
                        # (the office's section that did the work: 县政府办公室信息科, 县委办公室综合股)
                        rf"(?:[{_HAN}]{{1,6}}?[科股])?(?P<date>\s*{_SIGNED_ON})?$")
# A formal opening names the body: the date line of a 政府工作报告 (——2026年1月26日在广东省
# 第十四届人民代表大会第五次会议上), its first sentence (我代表省人民政府), a decree (上海市人民
# 政府令).
_CONGRESS_LINE = re.compile(
    rf"在\s*(?:(?P<place>[^\s第，。]{{2,12}}?)第?[{_CN_NUMERAL}]+届|第?[{_CN_NUMERAL}]+届(?P<national>全国))"
    # (a county's session line often says 在汉阴县十八届人大四次会议上: so said, only as a line of its own, not a
    # sentence of a 人大 text that names a session)
    rf"\s*(?:人民代表大会第[{_CN_NUMERAL}]+次会议|人大第?[{_CN_NUMERAL}]+次会议(?=上?[ \t]*$))",
    re.M,
)
_ON_BEHALF = re.compile(r"我代表(?P<org>国务院|第\S{1,3}届中央委员会|[^，,。\s]{0,12}?人民政府)")
# 我代表七里坪镇党委、政府, 我代表红安县委、县政府 (a 汇报 to a visiting group): the place whose party committee and
# government speak — the place (as a town's 党委 named with its government is the town)
_ON_BEHALF_OF_PLACE = re.compile(
    rf"我代表(?P<place>[{_HAN}]{{1,8}}?[镇乡县区市旗])(?:党委|委)(?:、|和|与|及)?[镇乡县区市旗]?(?:人民)?政府"
)
# The lines under a regulation's title say who adopted or issued it: 2021年10月21日 潍坊市第十七届
# 人民代表大会常务委员会第四十八次会议通过; 2022年2月25日 中共中央、国务院发布; 2012年6月13日
# 国务院第208次常务会议通过. The first such line names the body that made it.
_ADOPTED = re.compile(
    rf"^[ \u3000]*{_SIGNED_ON}[ \u3000]*(?P<place>[^\s，。；]{{2,20}}?)(?:第[{_CN_NUMERAL}]+届)?"
    rf"(?P<body>人民代表大会常务委员会|人民代表大会)第[{_CN_NUMERAL}\d]+次会议(?:通过|批准)",
    re.M,
)
_ISSUED = re.compile(
    rf"^[ \u3000]*{_SIGNED_ON}[ \u3000]*(?:中华人民共和国)?(?P<org>[^\s，。；]{{2,30}}?)"
    r"(?:第\d+次常务会议通过|令第\d+号公布|发布|印发|公布)[ \u3000]*$",
    re.M,
)
_DECREE = re.compile(r"(?:^|\n)(?P<org>[^\s，。]{2,20}?人民政府)令")
# The 版记's last line: the office that prints the document and the day (嵩县人民政府办公室   2023年5月6日印发).
_PRINTED = re.compile(rf"^[ \u3000]*(?P<org>[^\s，。；：]{{2,30}}?)[ \u3000]+(?P<date>{_SIGNED_ON})[ \u3000]*印发[ \u3000]*$", re.M)
# What follows the subject of a clause: a verb or preposition (在/按照/深入/走访/联合/加强…),
# or 领导班子.
_SUBJECT_NEXT = (
    "(?:[在于对按根结紧坚联认深积以为通组开把将走充切严着始全高先已主立围注及会牵召共采就进下印制出发持不大扎针专领党派加推狠抓提举建落再获作赴迅]"
    "|成(?!员)"  # 成立, 成功; not …领导小组成员单位, the members of a body
    "|统一|统筹|负责(?!人)"
    "|依(?:托|靠|据|照|法|规|纪)"  # 西安市纪委办公厅依托自动化办公平台…: the body's deed
    "|面向|十分|决定"  # 秦都区纪委面向全区选聘…, 南陵县编办十分重视…, 平利县委农工部决定在全县开展…
    "|监督(?![委局室办组站])"  # 信陵镇监督“探照灯”照到…: the town's deed (not 监督局, a body's name)
    "|修[改订]"  # 千岭乡修改完善《机关内务管理工作规则》: the place that revises its own rules  # 1、镇党政综合办公室统一负责…
    "|抽调"  # 县委办、政府办抽调…工作人员组成两个联合督查组: the body that forms the group
    "|率(?![达为是])"  # 湘东镇政协联络组率部分政协委员…: the body that leads its members out (not 采用率达…)
    # 区政府办公室被省政府表彰为…先进单位: the body an honour goes to, whose news it is (not one 通报批评, rated 较差 or named
    # for a 蜗牛奖, of another's 通报)
    "|被(?:[^，,。；;\\n]{0,12}?)(?:表彰|表扬|(?:评为|授予|命名)[^，,。；;\\n]{0,20}?(?:先进|优秀|示范|模范|标兵|标杆|文明|红旗|称号|荣誉))"
    "|[\\d一二三四五六七八九十]{1,2}个(?=[^，,。；;\\n]{0,10}?组)"  # 县纪委3个督查组深入…: the body whose groups they are
    "|(?:主要)?负责人(?:一行)?(?=[赴到来])"  # 区安委办负责人一行赴…: the body's delegation
    # 县水利局一行来到…, 县应急管理局工作人员深入…, 县人大常委会副主任尹彦堂、周新玲带领…, 县纪委监委四级
    # 调研员邱道鸿一行4人到…: the body's people, sent out by it
    "|(?:一行|工作人员)\\d*人?(?=[赴到来]|深入)"
    # (not 由市统计局副局长常建明率队的第六督查组: who leads a group, the group is the subject; a post's
    # words never end in 室 or 办: 县政府督查室主任张三带队 is the 督查室's director, not the government's)
    f"|(?:[{_HAN}]{{0,3}}?(?![室办])[{_HAN}])?(?:主任|书记|局长|部长|主席|组长|调研员|处长|科长)[{_HAN}]{{2,3}}(?:、[{_HAN}]{{2,3}})*"
    "等?(?:一行)?\\d*人?(?=(?:带领|带队|率队|率领|[赴到](?!会)|来到|深入)(?!的))"  # (到会: a guest at another's meeting)
    "|[多两三四五六](?:措|举|步|项|个|条|招|字|抓)|多(?:途径|渠道|形式|方面|管齐下))"  # 多措并举, 三步走, 四举措, 多途径; not 中心四楼
)
# The subject of an opening clause: after a clause break and an optional time phrase, a body
# name followed by what a subject is followed by, optionally with a department in between
# (市总工会权益保障部走访). 由 may stand before it (由花桥镇纪委牵头); of several bodies that act
# together (县作风办、县环保局联合督察) the first, who leads, is taken.
# 县委办 is all suffix; a name never holds 在 (县长王建国在县政府督查室主持: a person at a place, not a body)
_BODY_NAME = rf"[^\s，。；：、《》“”\"（）(),;:在]{{0,18}}?{_ORG_SUFFIX}"
_CLAUSE_ORG = re.compile(
    r"(?:^|(?<=[\n。；，：！？,;:!?]))\s*"  # web copies punctuate in half-width (7月9日至17日,县委督查办…)
    # 12日镇雄县政务服务管理局作出回应: a day may stand before the subject without a comma
    rf"(?:{WHEN}[，,]\s*|\d{{4}}\s?年(?:度|以来)?\s*|\d{{1,2}}\s?[日号]\s*)?(?:\d{{1,2}}[、.．]\s*)?由?"  # 1、镇党政综合办公室统一负责…
    rf"(?:该(?=[省市县区乡镇]))?"  # 该县纪委监察局…联合开展: the county's body, named by its level word
    # (a rank before an office's post: 县委常委、县委办公室主任张三带队…, the office he leads does the work)
    rf"(?:[省市县区旗州]委常委、(?={_BODY_NAME}(?:主任|局长|部长|书记)))?"
    rf"(?P<org>{_BODY_NAME})"
    rf"(?=(?:、{_BODY_NAME})*"
    rf"(?:[（(][{_HAN}]{{2,8}}[）)])?"  # the other name of a body (市委宣传部(网信办)组织…: one body, named twice)
    rf"(?:[{_HAN}]{{2,6}}?[部处科股])?"  # a department (权益保障部) between body and verb; not 督查室, a body of its own
    # 汉中市行政效能投诉中心近日成立, 山西省政府办公厅2010年12月28日发布了…: when, between the subject and its verb
    # (not a 版记's 县政府办公室2024年1月15日印发: who prints it)
    r"(?:近日|日前|近期|于?(?:\d{4}\s?年)?\d{1,2}\s?月\d{1,2}\s?日(?:上午|下午)?(?!印发))?"
    rf"{_SUBJECT_NEXT})"
)
# 常宁市委、市政府统一安排部署…: a place's party committee and government acting together are the place.
_PARTY_AND_GOVERNMENT = r"委、?[省市县区]?(?:人民)?政府"
# A town, township or street office, or a county, district or city of the place table, that is
# the subject of the title or of the opening's first clause (清源镇加强党建信息工作; 蓝山县在省、
# 市领导的重视下…): a news item or summary of that place, whose government is its office.
_PLACE_SUBJECT = re.compile(
    rf"^(?:{WHEN}[，,]\s*|\d{{4}}\s?年(?:度|以来)?\s*){{0,2}}"  # 春节长假过后,2月3日早,冯原镇…
    # 安徽省舒城县庐镇乡组织…: a town named with its county and province is named with its county (汝南县三桥镇)
    rf"(?:[{_HAN}]{{2,3}}省(?=[{_HAN}]{{2,4}}?[县区市][{_HAN}]{{1,4}}?(?:镇|乡|街道)))?"
    # (a province too, which the table knows: 2017年11月1日至10日，广东省派出…督查组)
    # (not a preposition before a body: 按照街道党工委…安排部署)
    rf"(?!按照|根据|依据|依照|遵照|围绕|结合|通过|经过|关于|对于|为了)"
    # (a town after its county or 新区, which the place table may not know by this name: 喀左县南公营子镇加强…, 义龙新区鲁屯镇召开…)
    rf"(?P<org>(?:[{_HAN}]{{2,4}}?(?:[县旗]|新区)(?=[{_HAN}]{{2,5}}?(?:镇|乡)))?[{_HAN}]{{2,5}}?(?:镇|乡|街道|街办|县|区|市|省))"
    rf"(?={_SUBJECT_NEXT}|[“\":：]|{_PARTY_AND_GOVERNMENT})"
)
_CLAUSE_BREAK = re.compile(r"[，,；;]")
# A headline's place, a colon and one of its departments (涞水县:审计局…, 某县：人社局…).
# (Only names no deed can end in: 局, 办公室, 委员会; not …局面, …办实事, …物流中心.)
_HEADLINE_DEPARTMENT = re.compile(rf"[:：]\s*([{_HAN}]{{1,6}}?(?:局(?![面势限])|办公室|委员会))(?=[{_HAN}“])")
# A visit to the writer's own place (…一行莅临我县, 率督查组到我县, 一行5人来我县): the visitors are not
# the writer. (A delegation or group goes: 近来我县…, 受到我县… are no visits.)
# So is a group's visit to a place it names (省政府督查组在代县调研座谈, 督导组到两河镇开展督导).
_VISITS_US = re.compile(
    r"(?:一行|组)[^，。；]{0,6}?(?:莅临|来到|到|来|赴|对)我[省市县区旗乡镇]|莅临我[省市县区旗乡镇]"  # …一行对我县…开展调研
    # (the place it goes to; not 在商丘市政府督查室…的带领下)
    r"|(?:督查|督导|督察|检查|巡察|巡视|考核|工作)[一二三四五六七八九十\d]{0,2}组(?:一行)?(?:在|到|赴|莅临|来到|深入)"
    r"(?P<place>(?![各全])[^，。；]{1,6}?(?:县|市|区|镇|乡|街道))(?![政委党纪人])"  # (not 深入各乡镇: every one, no visit)
    r"|组(?:一行)?(?:督查|督导|督察|检查|巡察|考核|调研)我[省市县区旗乡镇]"  # 市督查组督查我县…
    r"|在我[省市县区旗乡镇](?:召开|举行|举办)"  # 南平市党委系统信息工作会议在我市召开: the host writes, not the one named
)
_HOSTED = re.compile(r"在我([省市县区旗乡镇])(?:召开|举行|举办)")
# …纪委派出督查组在下车街道…: a group the clause's subject sends out is the writer's own, its visit no one else's.
_SENDS_GROUP = re.compile(r"派出|组成|抽调|成立|组建|牵头")
_SENTENCE_MARK = re.compile(r"[，,。；;]")
_LEAD_LINES = 3
# A town's party committee named with its government (镇党委、镇政府, 镇党委、政府, 街道党工委、办事处):
# the two act as the town.
_TOWN_PARTY = re.compile(r"(?:(?<=[镇乡])|(?<=街道))(?:党委|党工委)$")
_WITH_ITS_GOVERNMENT = re.compile(r"、(?:[镇乡]|街道)?(?:人民政府|政府|办事处)")
# A development or pilot zone is a place by its form, which the place table lacks (郭杜开发区召开…).
# (经开区: an 经济技术开发区, so called; the full kinds first, their 经 no preposition: 黄冈经济开发区管委会)
_ZONE_WORDS = "(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|开发区|经开区|高新区|示范区|试验区|实验区|新区|园区)"
_ZONE = re.compile(_ZONE_WORDS + "$")
_TOWN_WORDS = ("镇", "乡", "街道", "街办")
# (a name redacted in a model text or a copy handed round: ××镇, XX乡)
# (乡 before 镇 is the word for all of them: 26个乡镇 names no 个乡)
_TOWN_NAMED = re.compile(rf"(?:[{_HAN}]{{1,4}}?|[{PLACEHOLDER}]{{1,3}})(?:{'|'.join(_TOWN_WORDS)})(?<!乡(?=镇))(?!村)")
# 各乡镇, 城乡, 村镇 (villages and towns; 王村镇 is one), 全县, 在街道…会议上, 大事不出镇 (a saying: 小事不出村，大事不出镇),
# 小城镇, 特色小镇, 家乡: no one place;
# nor a verb whose object is the town's (经党委研究，制定镇对外宣传奖励办法: 制定 the town's rules), nor a time
# (下一步镇党委政府会将…)
_NOT_A_TOWN = re.compile(r"乡镇$|城乡$|^村镇$|^[于对]?[全各本我该每]|[个全各本我该每](?:镇|乡|街道)$|^在|不出[镇乡]$|小城?镇$|[家故]乡$"
                         r"|^(?:制定|出台|印发|修订|推进|推动|加强|打造|实现|促进|助力|服务|健全|完善|落实)(?:镇|乡|街道)$"
                         r"|^(?:下一步|接下来|今后)")
_NOT_A_SUBJECT = tuple("在按根据由经对向与和及同为从将把以当受让请使令本我该各此其")
# 我办 / 我局 / 我会: the report speaks as a body; which one is read from the bodies of that
# kind it names most (县政府办 …, xx县人民政府办公室 → 县政府办公室; 县行政审批服务局; 市总工会).
_WE_BODY = re.compile(r"[我本]([办局会])|全(办)")
# 在市水利局的精心指导下（和县财政局的大力支持下），我局…: the bodies under whose guidance or with whose help the
# writer works, never the writer
_UNDER_AUSPICES = re.compile(r"在[^，,。；;：:\n]{0,40}?(?:指导|领导|支持|帮助|关心|关怀|带领|帮扶|重视|关注)下"
                             r"(?:[和及与、，,][^，,。；;：:\n]{0,30}?(?:指导|领导|支持|帮助|关心|关怀|带领|帮扶|重视|关注)下)*")
# 接下来,县人大常委会将继续紧盯…; 下一步,高新区综合办公室将…: the body a news item ends on, saying what it
# will do next, is the one whose work it tells (not the 县政府 whose projects an opening clause names first).
_NEXT_STEP = re.compile(rf"(?:^|(?<=[\n。；;]))\s*(?:下一步|接下来)[，,]\s*(?P<org>{_BODY_NAME})(?:还将|将|要)")
# 近日,省林业厅下发《…通报》,我院…受到通报表彰: a body that sends a document down to a writer who speaks
# as 我院 / 我局 is its superior, not the writer.
_SENT_DOWN = re.compile(r"(?:下发|印发|转发)")
_WE_WRITER = re.compile(r"我(?:院|局|办|委|会|站|所|校|厅|中心|单位)")
_BODIES_OF_KIND = {
    "办": re.compile(r"([省市县区乡镇])(?:人民)?政府(办)(公厅)?"),
    # (a bureau of two fields is named longer: 市政务服务和大数据管理局, 县人力资源和社会保障局)
    "局": re.compile(rf"([省市县区乡镇州旗])([{_HAN}]{{1,8}}?局|[{_HAN}]{{2,6}}和[{_HAN}]{{2,6}}?局)(?![长面势限])"),
    "会": re.compile(r"([省市县区乡镇州旗])(总工会)"),
}


# a headline's deed after its subject (县医保局推行一站式结算, 县长刘强听取县教育局工作汇报): no part of a body's name
_HEADLINE_VERB = re.compile(r"听取|推行|推出|入选|进驻|荣获|获评|走访|慰问|聘请|选聘|宣讲")


def _title_org(title: str) -> str | None:
    # (我县政务服务中心获评…, 我市统计局荣获…: the body of the writer's own county or city, named by its level)
    # (past a column's tag, 【工作动态】县民政局开展…, and a kicker over the main line, 聚焦民生实事 县住建局加快推进…)
    t = re.sub(r"^我(?=[省市县区州旗乡镇])", "", _COLUMN_TAG.sub("", _LEADING_YEAR.sub("", title).strip()))
    kicker = re.match(r"\S+ (?=\S)", t)
    if kicker and not _TITLE_ORG.match(t) and not _WRITER_END.search(kicker.group().strip()) and _TITLE_ORG.match(t[kicker.end():]):
        t = t[kicker.end():]
    if t.endswith("纪要"):  # 第八次县政府常务会议纪要: the minutes of the 县政府's meeting
        t = re.sub(r"^第[\d一二三四五六七八九十百]+次", "", t)
    if t.startswith(("关于", "在")):  # 在全县…会议上的讲话 names an occasion, not the speaker's body
        return None
    verb = _TITLE_VERB.search(t)
    gov = None if verb else _GOV_REPORT_TITLE.match(t)
    if gov:  # 四川省人民政府工作报告, 国务院政府工作报告: the government of that place
        owner = gov.group(1)
        if owner == "国务院":
            return owner
        places = find_places(owner)
        if len(places) == 1 and (places[0].start, places[0].end) == (0, len(owner)):
            return owner + "人民政府"
        return None
    if verb:  # 包头市人民政府办公室关于印发…: all before 关于 is the issuer
        prefix = t[: verb.start()].strip()
        if _WRITER_END.search(prefix) or _NPC_SESSION_ORG.match(prefix):
            return prefix
        return None
    issues = _TITLE_ISSUES.search(t)  # 中央…办公室 中央纪委办公厅公开通报3起…: the issuers
    if issues:
        prefix = t[: issues.start()].strip()
        if re.search(_ORG_SUFFIX + "$", prefix) and _reads_as_body(prefix.split()[0]):
            return "、".join(prefix.split())
    party = _PARTY_COMMITTEE.match(t)
    if party:
        return party.group()
    m = _TITLE_ORG.match(t)  # 市政府办公室领导班子工作总结: the longest prefix naming a body
    if not m or t[m.end() : m.end() + 1] in ("面", "势", "限"):  # 局面, 局势, 局限
        return None
    if t.startswith("系统", m.end()) and not _OFFICE_SUFFIX.search(m.group()):
        # 南平市党委系统信息工作会议: the party committees of a city, not one body (an office's 系统,
        # 庆阳市政府办公室系统, is the office and the offices it leads)
        return None
    if re.match(r"(?:常务|全体)?会议", t[m.end():]) and not (t.endswith("纪要") and _reads_as_body(m.group())):
        return None  # 第八次县政府常务会议确定事项…: a meeting, not the issuer (its 纪要 is the body's: 临泽县人民政府常务会议纪要)
    org = m.group()
    # A name holds no year (红安县2023年度法治政府建设情况报告, 县司法局2023年…) and no deed (汉源县人大常委会
    # 专题研究人大信息工作): the body is the prefix before them, if any (冷水滩召开全区…会议: the place held a
    # meeting, no body is named; a place alone is left to the signature and the place rule, _titled_place).
    for cut in (_YEAR_IN_NAME, _EVENT_VERB, _HEADLINE_VERB):
        found = cut.search(org)
        if found:
            org = org[: found.start()]
            before = _TITLE_ORG.match(org)
            if not before or before.end() != len(org):
                return None
    if _WE_BODY.match(org):  # 我局政务公开…获表彰: the body speaks of itself; its name is in the text
        return None
    # An unqualified office name is a body too in a title (行政审批服务局办公室工作总结), and so
    # is one named by a place the table lacks (城关镇党委, 平安县政务服务中心).
    if not (_reads_as_body(org) or _OFFICE_SUFFIX.search(org) or _PLACE_NAMED.match(org)):
        return None
    # (issuers set apart by a wide space, as two title lines are joined: 中共某镇委员会　某镇人民政府2023年工作总结)
    gap = re.match(r"[ \u3000]+", t[m.end():]) if org == m.group() else None
    beside = _TITLE_ORG.match(t[m.end() + gap.end():]) if gap else None
    other = _YEAR_IN_NAME.split(beside.group(), maxsplit=1)[0] if beside else ""
    return f"{org}、{other}" if other and (_reads_as_body(other) or _town_body(other)) else org


def _town_body(org: str) -> bool:
    """A body of a town, township or street office named by its form (花桥镇纪委, 城关镇党委): the
    place table holds counties and up."""
    town = _TOWN_NAMED.match(org)
    if town is None or org.startswith(_NOT_A_SUBJECT):
        return False
    return not _NOT_A_TOWN.search(town.group()) and town.end() < len(org)


def _without_prefecture(org: str) -> str:
    """南通海安市墩头镇纪委 → 海安市墩头镇纪委: a town's body named after its county and, before that, its
    prefecture's bare stem (which the place table does not read as a name: 南通, like 延安, is a word too)."""
    if _reads_as_body(org):
        return org
    for k, county in _after_prefecture_stem(org):
        if _TOWN_NAMED.match(org, k + county.end):
            return org[k:]
    return org


def _after_prefecture_stem(s: str) -> Iterator[tuple[int, Place]]:
    """Where `s` names a county after its prefecture's bare stem (南通 of 南通海安市…, 成都 of 成都简阳市…):
    the stem's length and the county, found in `s` after it."""
    for k in (2, 3):
        county = find_places(s[k:])
        city = find_places(s[:k] + "市")
        if (county and county[0].start == 0 and city and city[0].level == LEVEL_CITY
                and county[0].province == city[0].province):
            yield k, county[0]


def _reads_as_body(org: str) -> bool:
    """True for a name qualified by a place, a level, the centre or a redaction (县政府办公室,
    全国总工会, xx市人民政府). Keeps 数字政府…, 大部分人员认为工会 and 县级工会 (a kind of
    body, not one) out."""
    if len(org) < 3 or re.match(r"[省市县区乡镇](?:级|属|直)|乡镇", org) or "各" in org:
        return False  # 县级工会, 县属国有公司, 县直各学校, 乡镇卫生院, 各级地方产业工会: kinds of bodies, not one
    # (a place of the table whose name opens with such a word is a place: 本溪市人民政府, 和平区…, 当阳市…, 同心县…)
    if org.startswith(_NOT_A_SUBJECT) and not org.startswith("全国") and not _starts_with_place(org):
        return False
    return bool(
        _REDACTED_PREFIX.match(org)
        or org[0] in _LEVEL_CHARS
        # 街道纪工委, 街道党工委: a street office's own bodies by its level word, as 镇纪委 is (not 街道指挥中心, one it runs)
        or bool(re.match(r"街道(?:党工委|纪工委|工委|办事处|人大|政协)", org))
        or _CENTRAL.match(org)
        or _starts_with_place(org)
        or _ZONE_BODY.match(org)
        or _ONE_CHARACTER_COUNTY_BODY.match(org)
    )


# 示范区督查办, 郭杜开发区管委会: a body of a development or pilot zone, named by the zone
# (not 记者从示范区…办公室获悉: who heard it from the body)
_ZONE_BODY = re.compile(rf"^(?:(?![记从在对向据经由])[{_HAN}]){{0,4}}{_ZONE_WORDS}(?=[{_HAN}])")


def is_full_office(org: str) -> bool:
    """Whether an office name says which office it is (安阳市总工会, 国务院, 全国总工会), unlike a
    bare 市总工会 or a redacted **县政府办公室: only such a name links reports as one office."""
    return bool(_CENTRAL.match(org) or _starts_with_place(org) or org.startswith("中国共产党"))


def _starts_with_place(s: str) -> bool:
    """Whether a name opens with its place (安阳市总工会; a party committee's after 中共: 中共盱眙县委)."""
    places, party = find_places(s), _PARTY_OF_PLACE.match(s)
    return bool(places) and places[0].start == (party.end() if party else 0)


def _same_office(short: str, full: str) -> bool:
    """Whether `full` (浏阳市委办公室) is the office `short` names by its level word (县委办公室, 县委办),
    or by its short name (县人社局 → 元谋县人力资源和社会保障局, 县发改委 → 金寨县发展和改革委员会: the
    short name's characters in the full name's order, ending alike)."""
    formal = _FORMAL_NAME.match(full)  # 政协双峰县委员会 signs what its title calls 县政协; 中共双峰县委员会, 县委
    if formal and short[:1] == formal.group("place")[-1] and short[1:] == ("政协" if formal.group("cppcc") else "委"):
        return True
    name = _SHORT_OFFICE.sub(r"\1办公室", short)
    if name[0] not in _LEVEL_CHARS or len(name) <= 2 or full == name:
        return False
    if full.endswith(name[1:]):
        return True
    end = leading_places_end(full)  # the name after its places (元谋县 人力资源和社会保障局)
    body = full[end:] if end else ""
    # (a bureau's or a commission's short name, 人社局, 资规局, 发改委, opening as its full name does; not an
    # office's, 委办公室 of 县委机构编制委员会办公室; 市场监管局 is no 市's 场监管局)
    shorts = [name[1:], name] if LEVEL_IN_WORD.match(name) else [name[1:]]  # (市民宗局: 市's 民宗局, or 市民…)
    return any(bool(body) and (body[-1] == short[-1] == "局" or (short[-1] == "委" and body.endswith("委员会"))
                               or _renamed(short, body))
               and len(short) <= 5 and short[0] in body[:3] and _in_order(short[:-1], body) for short in shorts)


_FORMAL_NAME = re.compile(r"^(?:(?P<cppcc>中国人民政治协商会议|政协)|中国共产党|中共)(?P<place>\S+?[省市县区州旗])委员会$")


def _renamed(short: str, body: str) -> bool:
    """A commission called by its bureau's short name, or a bureau by its commission's (县发改局 for 永修县发展和改革
    委员会, 县发改委 for …发展和改革局: the one office, renamed as counties reorganise), when the short name is an
    abbreviation (发改 of 发展和改革); 审计局 is not 审计委员会, nor 教育局 教育委员会, whose words are whole in it."""
    return (short[-1] == "局" and body.endswith("委员会") or short[-1] == "委" and body[-1] == "局") and short[:-1] not in body


def _in_order(chars: str, word: str) -> bool:
    """Whether `chars` appear in `word` in their order (an abbreviation: 人社局 in 人力资源和社会保障局)."""
    rest = iter(word)
    return all(ch in rest for ch in chars)


def _qualify(org: str, opening: str, names: str = "") -> str:
    """Complete an office name with its place when the report gives it: 行政审批服务局办公室 →
    县行政审批服务局办公室 as the opening writes it; 市总工会 → 安阳市总工会 when the title or
    file name (`names`) is about 河南省安阳市."""
    if _CENTRAL.match(org) or _starts_with_place(org):
        return org
    name = org[1:] if org[0] in _LEVEL_CHARS else org
    # 县政府督查室 is written 寿县人民政府督查室 where the place is given
    written_as = f"(?:人民)?{re.escape(name)}" if name.startswith("政府") else re.escape(name)
    # 市政协 where the opening names 上海市政协 and 泰州市政协 (guests of the meeting): not one
    # city's, so none is taken
    with_place = set()
    for m in re.finditer(written_as, opening):
        before = opening[max(0, m.start() - 12) : m.start()]
        if org[0] in _LEVEL_CHARS:  # 市总工会: the place must end in the same level word
            if not before.endswith(org[0]) or _HELD_UP.search(_sentence(opening, m.start())):
                continue  # (学习借鉴了湄潭县人民政府的经验: another's body, held up as an example)
            before = before[:-1]
            # the name read on (寿县 is a place only before its 人民政府)
            places = [p for p in find_places(before + org[0] + m.group()) if p.end == len(before) + 1]
            if places:
                with_place.add((before + org[0])[places[-1].start :] + m.group())
                # (one of bodies listed together, 蕲春县、武穴市总工会被评为…, names others of that kind: none is taken)
                place_at = m.start() - 1 - len(before) + places[-1].start  # where the place starts in the opening
                if place_at > 0 and opening[place_at - 1] in "、和与及":
                    with_place.add("")
            continue
        places = [p for p in find_places(before) if p.end == len(before)]
        if places:
            return before[places[-1].start :] + org
        if before and before[-1] in _LEVEL_CHARS:
            prev = before[-2:-1]
            # 县行政审批… after a clause break, or in 全县/本县 (still that level's body); not
            # after 各 (各县 = every county) or inside a word.
            if not prev or not re.match(f"[{_HAN}]", prev) or prev in "全本我该":
                return before[-1] + org
    if len(with_place) == 1:
        return with_place.pop()
    if org[0] in _LEVEL_CHARS:
        level = _LEVEL_BY_CHAR.get(org[0])
        # (or of its level word: 灵宝市, a county-level city, speaks of 市人民政府)
        same_level = [p for p in find_places(names)
                      if p.level and (_PLACE_LEVEL[p.level] == level or names[p.start:p.end].endswith(org[0]))]
        if len({p.name for p in same_level}) == 1:  # one place of that level: the office's own
            written = names[same_level[0].start : same_level[0].end]
            # (a county-level city writes its 县 body with 市: 灵宝市 + 县人民政府 → 灵宝市人民政府)
            return written + (org[1:] if written[-1] in _LEVEL_CHARS else org)
    return org


def _org(title: str, subtitle: str, stem: str, opening: str, text: str, source: str) -> str | None:
    org = _find_org(title, stem, opening, text) or _titled_place(title) or _subtitled_place(subtitle) or _named_we(stem, opening)
    if org and _bare_kind(org):  # 办公室工作职责: whose 办公室 the text never says
        return None
    # (bodies a title names together, set apart by wide spaces: 中共监利市委  监利市人民政府 → …、…)
    if not org:
        return None
    org = _placed_later(_SHORT_OFFICE.sub(r"\1办公室", _without_province(_WIDE_SPACE.sub("、", org.strip()))), text)
    org = _placed_by_file(_town_with_county(_numbered_place(_placed_by_subject(org, text), text), text), stem)
    return _formal_government(_placed_by_source(org, source))


def _placed_by_source(org: str, source: str) -> str:
    """A body still named by its level word (县人社局) completed by the source its web page's labels name, when that is
    the body itself with its place (来源：宣恩县人社局 → 宣恩县人社局): a page that reposts names its own source, the writer
    or not, so it never names the writer where the text names none."""
    if not source or org[0] not in _LEVEL_CHARS or _starts_with_place(org) or "、" in org:
        return org
    end = leading_places_end(source)
    place = next((p for p in find_places(source) if p.end == end), None) if end else None
    if place and source[end:] == org[1:] and _PLACE_LEVEL.get(place.level or "") == _LEVEL_BY_CHAR[org[0]]:
        return _without_province(source)
    return org


# A government and its own offices after their place (旺苍县政府办公室, 山西省政府办公厅, 酒泉市政府): not 政府采购中心 or
# 政府信息公开办, bodies of their own whose names hold the word
_GOVERNMENT_BODY = re.compile(r"政府(?=(?:办公[室厅]|督查室)?$)")
# …of the places whose governments are 人民政府: not 香港特别行政区政府, nor a 地区's or 盟's (its 行政公署)
_PEOPLES_GOVERNMENT_PLACE = re.compile(r"[省市县区旗州乡镇]$")


def _formal_government(org: str | None) -> str | None:
    """A place's government and its offices by their formal name, 人民政府 (旺苍县政府办公室 → 旺苍县人民政府办公室), as
    they sign: one office under one name, however a text calls it; each of bodies signing together. A body named by its
    level word (县政府办公室: whose?) is left as written, as is a place the table lacks, and one whose government has another
    name (香港特别行政区政府, 和田地区's and 阿拉善盟's 行政公署)."""
    if not org:
        return org
    parts = org.split("、")
    for i, part in enumerate(parts):
        end = leading_places_end(part)
        if end and _GOVERNMENT_BODY.match(part, end) and _PEOPLES_GOVERNMENT_PLACE.search(part, 0, end) \
                and not part[:end].endswith(("特别行政区", "地区")):
            parts[i] = part[:end] + "人民" + part[end:]
    return "、".join(parts)


def _placed_by_file(org: str, stem: str) -> str:
    """A body still named by its level word (镇人民政府: 我代表镇人民政府…) completed with the place of that level its
    file's name opens with (九资河镇2024年政府工作报告.txt, 罗田县2023年工作总结.doc), as an office files its own papers."""
    if not org or org[0] not in _LEVEL_CHARS or _starts_with_place(org) or "、" in org:
        return org
    places = find_places(stem)
    if places and places[0].start == 0 and _PLACE_LEVEL.get(places[0].level or "") == _LEVEL_BY_CHAR[org[0]]:
        return stem[: places[0].end] + org[1:]
    town = _FILED_TOWN.match(stem)  # (a town the division table lacks)
    return town.group(1) + org[1:] if town and town.group(1).endswith(org[0]) else org


_FILED_TOWN = re.compile(rf"^((?![全各本我该每此其{_LEVEL_CHARS}])[{_HAN}]{{1,5}}?(?:镇|乡))(?![镇乡])")


# A document's number opens with its issuer's code, which a city or county writes with its place's stem (鄂州政办发〔2015〕17号,
# 金溪府办字〔2023〕5号; one character, 寿政办, names no place alone)
_NUMBER_CODE = re.compile(rf"^\s*(?P<stem>[{_HAN}]{{2,3}}?)(?:政|府|办|委|发)[{_HAN}]{{0,4}}?[〔\[［]\d{{4}}[〕\]］]\s?\d+\s?号")


def _numbered_place(org: str, text: str) -> str:
    """A body named by its level word (市人民政府办公室) completed with the place its document's number names, when that
    is a place of the body's level (鄂州 + 市: 鄂州市)."""
    if not org or org[0] not in "省市县区旗州盟" or _starts_with_place(org) or "、" in org:
        return org
    head, _ = _ends(text)
    for line in head:
        m = _NUMBER_CODE.match(line)
        name = m.group("stem") + org[0] if m else ""
        places = find_places(name)
        if places and places[0].start == 0 and places[0].end == len(name) and places[0].province:
            return name + org[1:]
    return org


# A place before a body's name (平安县人民政府, 堌阳镇人民政府): at a clause's or a line's start, two or three
# characters the table may lack, not opening as a clause's preposition does (按照, 根据); inside a clause
# (学习永修县人民政府的经验), at least its last two. None of them a word that stands for a place (全县, 各乡镇, 本县, 市县).
_STEM = rf"(?![全各本我该每此其省市县区州旗乡镇])[{_HAN}]"
# (\Z, not $: 督查通报 / 县委督查室 is no 通报县's office)
_PLACE_AT_CLAUSE = re.compile(rf"(?:^|(?<=[\n，。；：！？,;:]))\s*(?P<stem>(?![{''.join(_NOT_A_SUBJECT)}]){_STEM}{{2,3}})\Z")
_PLACE_IN_CLAUSE = re.compile(rf"(?P<stem>{_STEM}{{2}})\Z")
# 召开镇党委会议, 经镇党委研究, 主持县政府常务会议: a verb before the body, no place's stem
_VERB_BEFORE_BODY = re.compile(r"(?:召开|主持|参加|出席|列席|提交|报送|报请|呈报|经|由|向|请|报)$")


# 东明县人民政府率先推行…的做法值得我们借鉴: another's body held up as an example, not the writer
_HELD_UP = re.compile(r"经验(?!交流|材料)|做法|借鉴|兄弟|考察|参观|值得")  # (…经验交流材料: the text's own kind)
# 东明县人民政府派出工作组到我县开展对口帮扶, …将与我县共同推进劳务协作: another's body, coming to us or working with us
_TOWARD_US = re.compile(r"我[县市区镇乡旗]|对口|帮扶|协作|援建|结对")


def _sentence(text: str, at: int) -> str:
    start = max(text.rfind(mark, 0, at) for mark in "。！？\n") + 1
    ends = [end for end in (text.find(mark, at) for mark in "。！？\n") if end >= 0]
    return text[start : min(ends, default=len(text))]


# a zone, no place the table holds, opening a line (平潭综合实验区公安局 signing what its title calls 区公安局)
_ZONE_AT_LINE = re.compile(rf"(?:^|\n)\s*([{_HAN}]{{2,8}}?{_ZONE_WORDS})$")


def _placed_later(org: str, text: str) -> str:
    """A body named by its level word (县人民政府, 市总工会), completed with the one place the text names it with
    anywhere (平安县人民政府 signing it, 会后，永修县人民政府将…) when that mention is the body's own — a line of its own
    or a clause's subject — and the text names no other place of its level (a speech quoting 东明县人民政府's
    practice, or naming 东明县 beside 永修县, is left as it is)."""
    if not org or org[0] not in _LEVEL_CHARS or _starts_with_place(org) or "、" in org:
        return org
    name = org[1:]
    written_as = rf"(?:人民)?{re.escape(name.removeprefix('人民'))}" if name.startswith(("人民政府", "政府")) else re.escape(name)
    if name == "党委":  # (a town's 党委 signs with its full name: 中共漕河镇委员会)
        written_as = "(?:党委|委员会)"
    places, own = set(), set()
    for m in re.finditer(rf"{re.escape(org[0])}{written_as}", text):
        before = text[max(0, m.start() - 12) : m.start()]
        listed = [p for p in find_places(before + org[0]) if p.end == len(before) + 1]
        stem = _PLACE_AT_CLAUSE.search(before) or _PLACE_IN_CLAUSE.search(before)
        zone = _ZONE_AT_LINE.search(before + org[0])
        if listed:
            place = (before + org[0])[listed[-1].start :]
        elif zone:
            place = zone.group(1)
        elif stem and not _VERB_BEFORE_BODY.search(stem.group("stem")):
            place = stem.group("stem") + org[0]
        else:
            continue
        places.add(place[-3:])  # (a stem read in a clause is its last two characters: 学习大平安县 is 平安县's)
        start = m.start() - len(place) + 1
        line_start, line_end = text.rfind("\n", 0, start) + 1, text.find("\n", m.end())
        # (a signature line of its own, the party's prefix before a committee's office too: 中共太和县委督查室)
        line = text[line_start : line_end if line_end >= 0 else len(text)].strip()
        alone = _PARTY_OF_PLACE.sub("", line) == place + m.group()[1:]
        # (a place the table lacks only on a line of its own: 按照市指挥部办公室印发… opens a clause too)
        if alone or (listed and _PLACE_AT_CLAUSE.search(text[max(0, start - 12) : start] + place[:2])
                     and re.match(_SUBJECT_NEXT, text[m.end() :]) and not _HELD_UP.search(_sentence(text, start))
                     and not _TOWARD_US.search(_sentence(text, start))):
            own.add(place)
    if len(places) != 1 or len(own) != 1:
        return org
    place = own.pop()
    level = _LEVEL_BY_CHAR[org[0]]
    others = {p.name for p in find_places(text) if _PLACE_LEVEL.get(p.level or "") == level} - {p.name for p in find_places(place)}
    return org if others else place + org[1:]


# …or the place the text's work is for (…，为怀远县汛期及时准确报送灾害信息奠定良好基础; 为建设美丽永修作出贡献): its own
_SERVED = re.compile(r"为(?:建设|推进|推动|促进|助推|服务)?\Z")
_SERVED_BY = re.compile(r"[^。；！？\n]*?(?:作出|做出|贡献|奠定|提供|营造|保驾护航)")
_SERVED_CHARS = 60
# 2023年，永修县坚持…; 截至6月底，临泽县地区生产总值…: a place a clause opens with, its subject (the place's own deed or figure)
_CLAUSE_START = re.compile(r"(?:^|[\n，。；：！？,;:])\s*\Z")
_PUNCTUATION = re.compile(r"[，。；：！？,;:!?]")
_NOT_IN_TOWN_NAME = re.compile(r"[由在对向从把被给经于]|会议")  # 会议由镇党委…主持: a clause that only reads as 会议由镇


def _placed_by_subject(org: str, text: str) -> str:
    """A body named by its level word (县人民政府, 县政府办公室, 镇党委) whose text names its place only in a sentence, as
    a clause's subject (2023年，永修县坚持…; 今年以来，蕲春县…，我县…) or the place its work is for (为怀远县…奠定基础), or
    anywhere in a text that calls the county or district its own (我县, 我区), not in that sentence: completed with that
    place when it is the one place of that level the text names (a county named beside others, or held up as an example,
    is left)."""
    if not org or org[0] not in "市县区旗镇乡" or _starts_with_place(org) or "、" in org:
        return org
    if org[0] in "镇乡":  # (a town by its form: 今年以来，城关镇在县委…; 2023年，信丰县大塘埠镇党委坚持…)
        towns: set[str] = set()
        for sentence in re.split(r"[。！？\n]", text):
            if not _HELD_UP.search(sentence) and not _TOWARD_US.search(sentence):
                towns.update(town for town in (_place_subject_at(clause) or _town_of_body(clause, org)
                                               for clause in re.split(r"[，,；;：:]\s*", sentence))
                             if town and town.endswith(org[0]) and not _NOT_IN_TOWN_NAME.search(town))
        return towns.pop() + org[1:] if len(towns) == 1 else org
    level = _LEVEL_BY_CHAR[org[0]]
    # (a county-level city writes its 县 bodies with 市: 灵宝市 + 县人民政府 → 灵宝市人民政府)
    ends = ("县", "市") if org[0] == "县" else (org[0],)
    places = [p for p in find_places(text) if _PLACE_LEVEL.get(p.level or "") == level]
    if not places:  # (为幸福江阴建设作出贡献: the county the work is for, by its bare stem and the body's level word)
        stems = _served_stems(text)
        stem = stems.pop() if len(stems) == 1 else ""
        # (the body's own level word first: 天全县, not the 天全市 the table also reads as a later name)
        name = next((stem + end for end in ends if stem and (found := find_places(stem + end))
                     and found[0].start == 0 and found[0].end == len(stem) + 1), None)
        return name + org[1:] if name else org
    if len({p.name for p in places}) != 1:
        return org
    # (我区…, and 耀州区 the one district named, though in a list of the year's items: the writer's own place; not 我市,
    # as a county-level city's text names its prefecture, 泰州市, one level up but written as a 市 too)
    ours = org[0] in "县区旗" and f"我{org[0]}" in text
    for p in places:
        written = text[p.start : p.end]
        line_end = text.find("\n", p.start)
        if not _PUNCTUATION.search(text[p.start : line_end if line_end >= 0 else len(text)]):
            continue  # (a line of its own is a name, 红安县财政局 signing: another body's, not a clause)
        served = _SERVED.search(text, max(0, p.start - 4), p.start) and _SERVED_BY.match(text, p.end, p.end + _SERVED_CHARS)
        if (written.endswith(ends) and (_CLAUSE_START.search(text, max(0, p.start - 4), p.start) or served or ours)
                and not _HELD_UP.search(_sentence(text, p.start)) and not _TOWARD_US.search(_sentence(text, p.start))):
            return written + (org[1:] if written[-1] in _LEVEL_CHARS else org)
    return org


def _town_of_body(clause: str, org: str) -> str | None:
    """The town a clause's subject writes a town's body with (中寨乡纪委联合乡扶贫办…, for 乡纪委): its own name
    (not 这是中寨乡纪委在…, which opens with a pronoun)."""
    m = re.match(rf"(?P<town>(?![{''.join(_NOT_A_SUBJECT)}这那])[{_HAN}]{{1,4}}?{re.escape(org[0])}){re.escape(org[1:])}"
                 rf"(?={_SUBJECT_NEXT})", clause)
    return m.group("town") if m and not _NOT_A_TOWN.search(m.group("town")) else None


def _town_with_county(org: str, text: str) -> str:
    """A town's body (嘉定镇人民政府, 中共七里坪镇委员会) named with its county where the text writes the town so
    (信丰县嘉定镇, 位于红安县七里坪镇), or else names as its superior (_superior_counties) and names no other county:
    城关镇, 新华乡 … are names of many counties' towns, and the county tells them apart. Not when the text puts the
    town's name after two counties."""
    party = _PARTY_OF_PLACE.match(org)
    at = party.end() if party else 0
    town = _TOWN_NAMED.match(org, at)
    if not town or _NOT_A_TOWN.search(town.group()) or leading_places_end(org[at:]):
        return org
    counties = set()
    for m in re.finditer(re.escape(town.group()), text):
        before = text[max(0, m.start() - 12) : m.start()]
        listed = [p for p in find_places(before) if p.end == len(before) and p.level == LEVEL_COUNTY]
        if listed:
            counties.add(before[listed[-1].start :])
    if not counties:  # (or the county the text names as the town's superior, when it names no other county)
        superiors = _superior_counties(text)
        named = {p.name for p in find_places(text) if p.level == LEVEL_COUNTY}
        counties = set(superiors) if set(superiors.values()) == named else set()
    return org[:at] + counties.pop() + org[at:] if len(counties) == 1 else org


# A town's superior: the county whose committee or government leads it (在光山县委、县政府的坚强领导下, _LED_BY), or its
# 主送 (岷县人民政府：); not one whose support or help a town has (在昆山市委的大力支持下: a partner's)
_COUNTY_BODY_NEXT = re.compile(r"[县市区旗]?(?:委|人民政府|政府)")


def _superior_counties(text: str) -> dict[str, str]:
    """The counties `text` names as a town's superior by their committee or government, under whose lead it works or
    to which it writes: each as written, with its name (岷县: 岷县)."""
    spans = [m.group() for m in _LED_BY.finditer(text)]
    spans += [line for line in text[:_ADDRESSEE_CHARS].split("\n") if is_addressee_line(line)]
    return {span[p.start : p.end]: p.name for span in spans for p in find_places(span)
            if p.level == LEVEL_COUNTY and _COUNTY_BODY_NEXT.match(span, p.end)}


# 红安县2023年工作总结, 城关镇关于2023年工作情况的报告: a place's own report when no body is named anywhere
_AFTER_TITLED_PLACE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s?年|关于|(?:上半年|下半年|年度)?工作(?:总结|报告|汇报)")

# 红星镇乡村振兴工作情况汇报, 红安县防汛工作汇报: a place's account of its work in a field (not a study or a check of it)
# (…and its own rules: 先锋街道信息公开保密审查制度)
_OWN_FIELD_REPORT = re.compile(r"(?:(?!调研|调查|督查|督导|检查|考察|审计|评估|巡察)[^，。；：《》“”]){0,30}?"
                               r"(?:工作(?:情况)?(?:汇报|总结)|情况汇报|制度|办法|规定|细则|规则)")


def _leading_place(text: str) -> str:
    """The place `text` opens with: a county or above (红安县), a town after it or alone (红安县城关镇,
    城关镇; not 各乡镇 or 推进乡村…, see _TOWN_NAMED); "" when none."""
    places = find_places(text)
    end = places[0].end if places and places[0].start == 0 else 0
    town = _TOWN_NAMED.match(text, end)
    return text[: town.end() if town and not _NOT_A_TOWN.search(town.group()) else end]


def _named_we(stem: str, opening: str) -> str | None:
    """The place a file is named by, when the text speaks as it (红安县乡村振兴汇报.txt, 今年以来，我县…), or
    the office (罗田县水利局2023年工作总结.txt, 我局…): an office files a report under its place's or its own name."""
    we = _WE_BODY.search(opening)
    kind = (we.group(1) or we.group(2)) if we else ""
    for part in re.split(r"[_\s\-—－]+", stem):
        place = _leading_place(part)
        if place and f"我{place[-1]}" in opening:
            return place
        # 罗田县水利局2023年工作总结.txt, and the text speaks as 我局: the office the file is named by
        body = _title_org(part) if kind and place else None
        if body and body.startswith(place) and body.endswith(_WE_ENDS[kind]):
            return body
    return None


# The names a body that speaks as 我局, 我办 or 我会 ends in
_WE_ENDS = {"局": ("局",), "办": ("办公室", "办"), "会": ("会",)}


# 关于红安县七里坪镇2023年工作情况的汇报: a place's account of its own work (not a 调研报告 or 督查报告 that others
# write about a place)
_OWN_REPORT_ABOUT = re.compile(
    r"^关于(?:(?!调研|调查|督查|督导|检查|考察|审计|评估|巡察).){2,40}?(?:工作(?:情况)?的?(?:汇报|报告)|情况的?汇报|工作总结)$"
)


def _titled_place(title: str) -> str | None:
    """The place a title opens with (after its year, if any), when a year, 关于 or the report's kind follows it."""
    rest = _LEADING_YEAR.sub("", title)
    if _OWN_REPORT_ABOUT.search(rest):  # 关于七里坪镇2023年工作情况的汇报: a place reports on itself
        rest = rest.removeprefix("关于")
    place = _leading_place(rest)
    if not place or not (_AFTER_TITLED_PLACE.match(rest, len(place)) or _OWN_FIELD_REPORT.fullmatch(rest, len(place))):
        return None
    return place + "人民政府" if "政府工作报告" in rest else place  # 湖北省2023年政府工作报告: its government's


# 党建引领聚合力 乡村振兴展新颜 / ——潜山市黄铺镇乡村振兴典型材料: a paper that its subtitle says is a place's own
_PLACES_PAPER = re.compile(r"(?:经验|典型|交流|汇报|发言)?材料$|(?:经验|做法)$|工作(?:总结|汇报)$")


def _subtitled_place(subtitle: str) -> str | None:
    """The place a subtitle opens with when it names the paper as that place's (…乡村振兴典型材料, …经验交流材料)."""
    rest = _LEADING_YEAR.sub("", subtitle)
    place = _leading_place(rest)
    return place if place and _PLACES_PAPER.search(rest) else None


def _without_province(org: str) -> str:
    """陕西省汉中市行政效能投诉中心 → 汉中市行政效能投诉中心: a city's body is named by its city alone, and so is a
    county's written right after its province (福建光泽县政协 → 光泽县政协, as 甘南舟曲县 is 舟曲县); a district
    or county keeps its city (北京市通州区总工会, 重庆市沙坪坝区总工会: a municipality is its districts' city)."""
    places = find_places(org)
    if len(places) > 1 and places[0].start == 0 and places[0].level == LEVEL_PROVINCE:
        county = places[1].level == LEVEL_COUNTY and not places[0].name.endswith("市")
        if places[1].start == places[0].end and (places[1].level == LEVEL_CITY or county):
            return org[places[1].start :]
    return org


def _bare_kind(org: str) -> bool:
    """Whether a name is only a kind of body (办公室, 局, 委员会), naming neither a place, a level nor
    a field (县委办, 国务院 and 行政审批服务局办公室 say which)."""
    return bool(re.fullmatch(_ORG_SUFFIX, org)) and org[0] not in _LEVEL_CHARS and not _CENTRAL.match(org)


# a form's field for the unit of the person who fills it in (年度考核登记表, 述职表): on a line of the form's head
_FORM_UNIT = re.compile(r"^\s*(?:工作单位|所在单位|单位及职务|单位及职务职称|单位名称)[\s:：]*(?P<org>[^\s:：，。]{4,30}?)(?=[\s\u3000]|$)",
                        re.MULTILINE)
_FORM_LINES = 12


def _find_org(title: str, stem: str, opening: str, text: str) -> str | None:
    post = personal_post(title, opening)
    held = _post_body(post) if post else None
    if held:  # 述职报告 of 我自2021年任堌阳镇党委书记以来: the post's office, where the writer reports from
        return _qualify(held, opening, title + " " + stem)
    # 省信息中心副主任…一行莅临我县检查…: a visit told by the place visited, whose office is not named
    visited = _visit(title) or _visit(re.split(r"[。！？]", _lead(opening), maxsplit=1)[0])
    org = _title_org(title) if title and not visited else None
    if org:
        if org.endswith("人大") and f"{org}常委会" in opening:  # 区人大开展…督查: its 常委会 acts, as the text says
            org += "常委会"
        org = _qualify(org, opening, title + " " + stem)
        # 县委办2023年工作总结, signed 浏阳市委办公室: the signature names the office the title calls by its level
        signed = None if _starts_with_place(org) else _signature_org(text)
        return signed if signed and _starts_with_place(signed) and _same_office(org, signed) else org
    issuers = header_issuers(tuple(opening.split("\n")))
    published = info_fields(opening.split("\n")).get("org")
    if published:  # 公开责任部门 | 紫阳县政府办公室: the office a 信息公开 page names
        return _qualify(published, opening, title + " " + stem)
    unit = _FORM_UNIT.search("\n".join(opening.split("\n", _FORM_LINES)[:_FORM_LINES]))
    if unit and (_reads_as_body(unit.group("org")) or _WRITER_END.search(unit.group("org"))):
        return unit.group("org")  # 单位及职务　罗田县疾病预防控制中心　科员: a form's writer's unit (a 考核登记表)
    if issuers:  # 发展改革委办公厅 文件 / 税务总局办公厅: a joint 版头 names them all
        return "、".join(issuers)
    editor = masthead_editor(tuple(opening.split("\n")))
    if editor and _reads_as_body(editor):  # a bulletin's items are its editor's (not the town an item is about)
        return editor
    letterhead = _letterhead_org(opening, title)
    if letterhead:
        return letterhead

    congress = _CONGRESS_LINE.search(opening)
    if congress and congress.group("national"):
        return "国务院"
    if congress:
        place = congress.group("place")
        if leading_places_end(place) == len(place):  # (a county's district with its city: 广州市越秀区)
            return place + "人民政府"
        # 在七里坪镇第十九届人民代表大会…: a town's congress (the place table lacks towns), its 人民政府 reports to it
        town_name = _TOWN_NAMED.fullmatch(place, leading_places_end(place))
        if town_name and place.endswith(("镇", "乡")) and not _NOT_A_TOWN.search(town_name.group()):
            return place + "人民政府"
    made = min((m for m in (_ADOPTED.search(opening), _ISSUED.search(opening)) if m), key=lambda m: m.start(), default=None)
    if made:
        return made.group("place") + made.group("body") if "body" in made.groupdict() else made.group("org")
    for pattern in (_ON_BEHALF, _DECREE):
        m = pattern.search(opening)
        if m:  # 我代表第十八届中央委员会: the party's central committee; 我代表县人民政府: 信丰县's (its title's place)
            return ("中国共产党" if m.group("org").startswith("第") else "") + _qualify(m.group("org"), opening, title + " " + stem)

    speaking = _ON_BEHALF_OF_PLACE.search(opening)
    if speaking and _leading_place(speaking.group("place")) == speaking.group("place"):  # a place's whole name
        return speaking.group("place")
    signed = _signature_org(text)
    if signed:
        return _qualify(signed, opening, title + " " + stem)
    spoken = _speaker_org(opening)
    if spoken:
        return _qualify(spoken, opening, title + " " + stem)
    printed = _PRINTED.search(text, max(0, len(text) - _PRINTED_TAIL_CHARS))
    if printed and _reads_as_body(printed.group("org")):  # the office that prints it, when no one signs it
        return printed.group("org")
    if visited:
        # 市考核组到五陂镇现场督导…, then 我镇应急管理工作: the town visited tells of the visit, as its own news
        place = visited.groupdict().get("place") or ""
        word = next((w for w in _TOWN_WORDS if place.endswith(w)), None)
        # (or its own bodies, named by its level word, answer it: 镇党委、镇政府表示，将高度重视督导组反馈问题)
        answered = word and re.search(rf"(?:^|[\n。；！？])\s*{word}(?:党委|党工委|人民政府|政府)[^。\n]{{0,12}}?表示", text)
        if word and not _NOT_A_TOWN.search(place) and (f"我{word}" in text or answered):
            return place
        # 市人大常委会…率检查组来我区…, then 宜秀区认真学习…: the one county-level place the text names, of the 我区 visited
        # and as a clause's subject, is the host, which tells of the visit as its own news (not a county the group was at
        # before, 此前已在平江县…, nor one of a city's counties, 来我市…醴陵市作了汇报，攸县…)
        ours = re.search(r"我([县区市])", visited.group())
        counties = {p.name for p in find_places(text) if p.level == LEVEL_COUNTY}
        host = counties.pop() if ours and len(counties) == 1 else ""
        subject = ours and host.endswith(ours.group(1)) and re.search(rf"(?:^|[\n，,。；;：:！？])\s*{host}", text)
        return host if subject else None

    team = _TEAM_AT_WORK.search(_lead(opening))
    if team and _starts_with_place(team.group("org")):  # 为此，宁夏工会理论研究课题组围绕…: the study's own team (its body's, if named)
        body = _RESEARCH_TEAM.match(team.group("org"))
        # (麟游县人大常委会主任李力带领调研组对…: the body whose officer leads the team, as a clause's subject)
        led = _CLAUSE_ORG.match(team.group("org"))
        return body.group("org") if body else led.group("org") if led and _reads_as_body(led.group("org")) else team.group("org")
    # 县委常委、常务副县长王建国…深入城区督察…: a leader's tour, whose item is no body's (those that go with him or that
    # his demands name are not its writer)
    toured = _leader_tours(_lead(opening))
    candidates = [
        m
        for m in (() if toured else _CLAUSE_ORG.finditer(_datelines_blanked(opening)))
        if (_reads_as_body(_without_prefecture(m.group("org"))) or _town_body(m.group("org")))
        and not _in_book_title(opening, m.group("org"))
        and not _EVENT_VERB.search(m.group("org"))  # 牌头镇组织部分市县人大代表和镇人大主席团: a deed, not a name
        and not _GROUP_GOES.search(m.group("org"))  # 平江县联合督查组在县审计局进行…: a group and where it checks
        and not _addressed(opening, m.start("org"))  # 县财政局： is whom the report goes to
        and not _TALLIED.match(opening, m.end("org"))  # 县发改局采用5条: a unit a ranking lists, not who wrote it
        and not _ATTENDED.match(opening, opening.rfind("\n", 0, m.start("org")) + 1)  # 列席：县农业农村局…: an attendee
        and not _TWO_BODIES.search(m.group("org"))  # 市地税局和粮食局, 县委巡察组与许镇镇党委: two bodies
        and "我" not in m.group("org")  # 县委第二巡察组对我局: a name never holds 我 (the group, and whom it checked)
        and "被" not in m.group("org")  # 县住建局被县委…: nor 被 (the body, and who acts on it)
        and not _above_us(m.group("org"), text)  # 市委办公室通报了…，我县…位居全市第二: a higher body's deed the county tells of
        and not (_SENT_DOWN.match(opening, m.end("org")) and _WE_WRITER.search(opening))
    ]
    credit = _closing_credit(text)
    if (credit and candidates and not any(_starts_with_place(m.group("org")) for m in candidates)
            and any(_level_of_org(m.group("org")) == _level_of_org(credit) for m in candidates)):
        # …由区委办公室牵头…。(郾城区纪委): the body a contributed item credits at its end, named with its place,
        # wrote it; the bodies of its level the text names by their level word only are ones it speaks of (not a
        # higher body that credits a county's item: 县纪委…。(阿克苏地区纪委))
        return credit
    if candidates:
        # Prefer the body of the place the title or file name is about (北京市通州区… : 通州区
        # 总工会, not the 北京市总工会 whose notice the opening cites first).
        names = title + " " + stem
        title_places = {p.name for p in find_places(names)}
        for m in candidates:
            if title_places & {p.name for p in find_places(m.group("org"))}:
                return _with_parent_place(m.group("org"), names)
        closing = _NEXT_STEP.search(text)
        if closing and closing.group("org") in {m.group("org") for m in candidates[1:]}:
            # (only a body that acts in the opening too: not a checked unit whose plans a 通报 quotes)
            return _qualify(closing.group("org"), opening, names)
        first = candidates[0]
        lead = _lead(opening)
        lead_town = _place_subject(lead)
        if lead_town and lead_town.endswith(_TOWN_WORDS) and first.start("org") >= opening.find(lead) + len(lead):
            # 中厂镇以“四个严明”举措…, and in a later paragraph 镇纪委不定期地…: the item is the town's
            return lead_town
        org = _qualify(_without_prefecture(first.group("org")), opening, names)
        twin = _twin_office(org, opening, first.end("org"))
        if twin:
            return twin
        # 付集镇党委、镇政府就…, 行者街道党工委、办事处…: the town's party committee and its
        # government act together, as the town
        party = _TOWN_PARTY.search(org) if _WITH_ITS_GOVERNMENT.match(opening, first.end("org")) else None
        town = _place_subject(title) or lead_town
        if org[0] in "镇乡" and town and town.endswith(_TOWN_WORDS):
            # 镇纪委 of the town the title or opening is about (幽兰镇纪委); its government is the town
            return town if party or re.fullmatch(r"(?:人民)?政府", org[1:]) else town + org[1:]
        if party and org[: party.start()] not in _TOWN_WORDS:
            return org[: party.start()]
        return org

    heard = _HEARD_FROM.search(_lead(opening)) or _TOLD_BY.search(opening)
    if heard and _reads_as_body(heard.group("org")):  # 近日，记者从仁怀市档案馆获悉，该馆…: the body the item's news comes from, and is about
        return _qualify(heard.group("org"), opening, title + " " + stem)
    we = _WE_BODY.search(opening)
    if we:
        kind = _BODIES_OF_KIND[we.group(1) or we.group(2)]
        # (not the 主送; nor …对我局, which names no body; nor one the writer reports to or is adopted by: 向市政府办公室报送)
        auspices = [m.span() for m in _UNDER_AUSPICES.finditer(text)]
        bodies = Counter(name for name in (_body_name(m, text) for m in kind.finditer(text)
                                           if not _addressed(text, m.start()) and text[m.start() - 1 : m.start()] not in ("向", "被")
                                           and not any(a <= m.start() < b for a, b in auspices))
                         if "我" not in name)
        if bodies:
            return _qualify(bodies.most_common(1)[0][0], opening, title + " " + stem)
    contact = _CONTACT.search(text)
    if contact and _reads_as_body(contact.group("org")):  # 联系人:市统计局政策法规处 周蓓红: the issuer's own staff
        return _qualify(contact.group("org"), opening, title + " " + stem)
    inspects = _INSPECTION_ROUND.search(opening)
    if inspects:  # 县委第十一轮巡察…: the party committee's own round of 巡察
        return _qualify(re.sub(rf"^第?[{_CN_NUMERAL}]+届", "", inspects.group("org")), opening, title + " " + stem)
    for line in (title, _lead(opening)):
        place = _place_subject(line)
        if place:
            # the field is said in the title, or right after the place, as its subject (荣昌区统一战线…会召开;
            # not 舟曲县召开…人大七次会议和县政协…会议, sessions the place holds)
            after = line[line.find(place) + len(place):]
            return _field_body(place, title + " " + next((f for f in _FIELD_BODIES if after.startswith(f)), ""), text) or place
    # (a meeting named by its body is that body's, whoever presides: 本市召开市委保密委全体会议…市政府秘书长…主持会议)
    names = title + " " + stem
    return (_that_town(opening) or _held_in_town(opening) or _meeting_of_body(opening, names) or _groups_of_body(opening, names, text)
            or _body_presides(opening, names) or _head_presides(opening))


# 县发改局采用5条，城关镇采用4条: the pieces of each unit an 信息采用情况通报 ranks (the count right after the verb; not
# 县委办公室采用各单位信息256条, the writer's own work)
_TALLIED = re.compile(r"(?:被?采用|采纳|录用|刊用)(?:信息|稿件)?\s?\d+\s?(?:条|篇|期)")


# a leader who goes and checks (not one who presides over a meeting, which is its body's)
_TOUR = re.compile(r"督察|督查|督导|调研|检查|察看|视察|走访|暗访")
_MEETING_HELD = re.compile(r"召开|主持|出席|参加|会议")


# A place's party committee's office and its government's, named together as one subject (县委办、县政府办2个联合督查组,
# 县委督查室、县政府督查室联合…; 县委办、政府办抽调…): the 两办 act as one, so both are named (not a body and another
# kind that it leads, 县作风办、县环保局联合督察: the first)
_PARTY_OFFICE = re.compile(r"^(?P<place>.*?)(?P<party>党工|党)?委(?P<office>办公室|办|督查室|督查办|信息科|值班室)$")
# an office inside the government's office (县政府办督查室), not the 两办 (县委办、县政府办对各科室…)
_INNER_OFFICE = r"(?:督查|督办|信息|值班|秘书|综合|文电|政务公开)?[局厅室科股]"


def _twin_office(org: str, opening: str, end: int) -> str | None:
    """'县委办公室、县政府办公室' when `org` (ending at `end` in the opening) is a party committee's office and the
    government's office of the same kind follows it, 、 between."""
    party = _PARTY_OFFICE.match(org)
    if not party:
        return None
    office = party.group("office")
    kinds = "办公室|办" if office in ("办公室", "办") else re.escape(office)
    level = party.group("place")[-1:] if party.group("place") else ""
    twin = re.match(rf"、(?:{re.escape(party.group('place'))}|{re.escape(level)})?(?:人民)?政府(?:{kinds})(?!{_INNER_OFFICE})",
                    opening[end:])
    if not twin:
        return None
    full = "办公室" if office == "办" else office
    return f"{party.group('place')}{party.group('party') or ''}委{full}、{party.group('place')}政府{full}"


def _datelines_blanked(opening: str) -> str:
    """The opening with each line's news dateline (本报讯(记者 张三)…) blanked character for character: the clause it
    runs into opens there (山西省政府办公厅…发布了), and every position stays where it was."""
    return "\n".join(" " * m.end() + line[m.end():] if (m := NEWS_DATELINE.match(line)) else line
                     for line in opening.split("\n"))


def _leader_tours(lead: str) -> bool:
    """Whether the lead's first sentence tells of a leader's tour: a clause opens with posts and a name (县委常委、常务副县长
    王建国在…陪同下, 县长王建国带队深入…), and he checks, without a meeting."""
    sentence = re.split(r"[。！？]", NEWS_DATELINE.sub("", lead, count=1), maxsplit=1)[0]
    if not _TOUR.search(sentence) or _MEETING_HELD.search(sentence):
        return False
    # (a place's leader, 常务副县长; not an office's officer, 省委办公厅信息处副处长, whom his office sends)
    posts = [m.group("posts") for m in map(_LEADER_SUBJECT.match, _CLAUSE_BREAK.split(sentence)) if m]
    return any(_LEADER_POST.search(p) and not _OFFICERS_BODY.search(p) for p in posts)


_OFFICERS_BODY = re.compile(r"办公[厅室]|局|厅|处|部|中心|办")


def _above_us(org: str, text: str) -> bool:
    """Whether `org` is of a level above the one the text speaks as (我县, 我镇: one level, outside quotations; not
    我区 in a text of an 自治区, which may be the region's)."""
    ours = {_LEVEL_BY_CHAR[c] for c in _OUR_AREA.findall(_QUOTED.sub("", text)) if c != "区" or "自治区" not in text}
    level = _level_of_org(org)
    order = ("中央", "省", "市", "县", "乡")
    return len(ours) == 1 and level in order and order.index(level) < order.index(ours.pop())


# 记者从县信访局获悉 (a news item's source, which NEWS_DATELINE reads past): a body, or an institution (…档案馆)
_HEARD_FROM = re.compile(rf"^[^。；\n]{{0,20}}?记者(?:近日|日前)?从(?P<org>[^\s，。；：、《》“”\"（）(),;:]{{0,18}}?{_WRITER_SUFFIX})"
                         r"(?:获悉|了解到|得知)")
# …or whose officer tells it (据英德市纪委有关负责人介绍，…), when no clause names a body
_TOLD_BY = re.compile(rf"(?:^|(?<=[，。；\n]))\s*据(?P<org>[^\s，。；：、《》“”\"（）(),;:]{{0,18}}?{_ORG_SUFFIX})"
                      r"(?:有关|相关)?(?:负责人|负责同志|工作人员)(?:介绍|表示|透露)")


# A contributed item's credit at its very end: the body, named with its place, and perhaps its writer
# (…进行约谈。(郾城区纪委), (碧江区纪委 张斯然)).
_CREDIT = re.compile(rf"[（(](?P<org>[{_HAN}]{{3,20}}?)(?:[ \u3000]+[{_HAN}]{{2,4}})?[)）]\s*$")


def _closing_credit(text: str) -> str | None:
    m = _CREDIT.search(text[-40:])
    org = m.group("org") if m else ""
    return org if org and _starts_with_place(org) and (_reads_as_body(org) or _town_body(org)) else None


# A notice's contact line names its issuer's department and clerk (联系人:市统计局政策法规处 周蓓红 85683071).
_CONTACT = re.compile(rf"联系人[:：]\s*(?P<org>{_BODY_NAME})(?:[{_HAN}]{{2,8}}?[处科股室])?\s*[{_HAN}]{{2,3}}[\s,，:：(（]*(?:电话)?[:：]?\s*\d")
# 十三届县委第三轮巡察派出4个巡察组…; 县委第十一轮巡察三个巡察组对…开展了常规巡察: a round of 巡察 is the party
# committee's own work (its groups are sent out by it), so the item is the committee's.
_INSPECTION_ROUND = re.compile(
    rf"(?:^|(?<=[\n，,。；;：:]))\s*(?P<org>[{_HAN}]{{0,6}}?[省市县区]委)第[{_CN_NUMERAL}\d]+轮巡察(?!组)"
)


# 沈丘县规范政法督查工作…, and in the text 组建县委政法委督查工作办公室: a place's item on one field's work (政法, 统战,
# 人大 …) is that field's body's when the text names it at the place's level — the body is the writer, the place
# only where it sits.
_FIELD_BODIES = {"政法": "委政法委", "统战": "委统战部", "统一战线": "委统战部", "组工": "委组织部", "宣传": "委宣传部",
                 "人大": "人大常委会", "政协": "政协"}
# 区委常委、统战部部长覃兴建参加: a party committee's department is named by its head too, who sits on the
# committee of that level (so the department is that level's).
_FIELD_HEADS = {"委统战部": "统战部部长", "委组织部": "组织部部长", "委宣传部": "宣传部部长", "委政法委": "政法委书记"}


def _field_body(place: str, said: str, text: str) -> str | None:
    level = place[-1]
    if level not in _LEVEL_BY_CHAR or place.endswith(_TOWN_WORDS):
        return None
    bodies = {place + body for field, body in _FIELD_BODIES.items()
              if field in said
              and (level + body in text or (body in _FIELD_HEADS and f"{level}委常委、{_FIELD_HEADS[body]}" in text))}
    return bodies.pop() if len(bodies) == 1 else None


# 市委统战部机关党委书记周平主持会议; 会议由县政府督查室主任李某主持: a meeting one of a body's officers chairs
# is that body's (a guest who 出席 or 讲话 is not its host).
_BODY_PRESIDES = re.compile(
    rf"(?:^|(?<=[\n，,。；;、]))\s*(?:会议)?由?(?P<org>{_BODY_NAME})[{_HAN}]{{0,6}}?"
    rf"(?:主任|书记|局长|部长|主席|秘书长|处长|科长|组长)?[{_HAN}]{{2,3}}主持"  # (会议由镇党委尚金楼主持: no post said)
)


# 市人大常委会副主任、市委秘书长胡东辉主持会议: the party committee's secretary-general heads its office (办公厅 of a
# province's), so a meeting he chairs is that office's.
_SECRETARY_GENERAL_PRESIDES = re.compile(
    rf"(?:^|(?<=[\n，,。；;、]))\s*(?:会议由)?(?P<committee>[{_HAN}]{{0,6}}?[省市州]委)秘书长[{_HAN}]{{2,3}}主持"
)


def _body_presides(opening: str, names: str) -> str | None:
    m = _BODY_PRESIDES.search(_lead(opening))
    if not m or not _reads_as_body(m.group("org")):
        secretary = _SECRETARY_GENERAL_PRESIDES.search(_lead(opening))
        if not secretary:
            return None
        committee = secretary.group("committee")
        office = committee + ("办公厅" if committee.endswith("省委") else "办公室")
        return _qualify(office, opening, names) if _reads_as_body(office) else None
    return _qualify(m.group("org"), opening, names)


# 6月13日，县委副书记、县政府县长顾贵鹏主持召开…; 酒泉市委副书记、市长都伟主持召开专题会议; …县长马天峡在政府三楼
# 会议室主持召开…: a meeting the head of a
# government (not a deputy) presides over is that government's.
_HEAD_PRESIDES = re.compile(
    rf"^\s*(?:{WHEN}[，,]\s*)?(?P<posts>[^，。；\s]{{0,24}}?)(?<!副)(?P<level>[省市县区旗乡镇])长(?=[{_HAN}]{{2,3}}(?:在[^，。；]{{1,20}}?)?主持)"
)


def _head_presides(opening: str) -> str | None:
    m = _HEAD_PRESIDES.match(NEWS_DATELINE.sub("", _lead(opening), count=1))
    if not m:
        return None
    level = _LEVEL_BY_CHAR[m.group("level")]
    own = [p for p in find_places(m.group("posts")) if p.level and _PLACE_LEVEL[p.level] == level]
    return (own[-1].name if own else m.group("level")) + "政府"


# …，大堡子镇塘款村村委会主任…。据悉，…，该镇严明工作纪律: 该镇 as a subject is the one town the opening names
# (not 该镇党政班子召开会议…, one of its bodies, after another's visit); 我镇 is the one town the opening makes a
# clause's subject (…，权寨镇多措并举…。我镇成立…).
_THAT_TOWN = re.compile(r"(?:^|[，,。；;])\s*(?P<who>[该我])([镇乡])(?![党政人纪领主])")
_TOWN_AT_CLAUSE = re.compile(rf"(?:^|(?<=[\s，,。；;、：:“]))([{_HAN}]{{2,4}}?[镇乡])(?![村镇政党])")


# 9月4日上午,在汤家汇镇三楼会议室,召开三季度政务公开工作推进会: a meeting in the town's own hall is the town's (not a
# meeting of the whole county held there, 在某镇会议室召开全县…现场会)
_HELD_IN_TOWN = re.compile(rf"(?:^|[，,。；;])\s*在(?P<town>[{_HAN}]{{2,4}}?(?:[镇乡]|街道))(?:人民政府|政府|党委|机关|便民服务中心)?"
                           rf"[^，,。；;\n]{{0,8}}?(?:会议室|礼堂|会堂)[，,]?\s*(?:召开|举行|举办)(?![^。；\n]{{0,12}}?全[县市区旗])")


def _held_in_town(opening: str) -> str | None:
    m = _HELD_IN_TOWN.search(opening)
    return m.group("town") if m and not _NOT_A_TOWN.search(m.group("town")) else None


def _that_town(opening: str) -> str | None:
    m = _THAT_TOWN.search(opening)
    if not m:
        return None
    if m.group("who") == "我":
        # 我镇 is how the writer speaks: its town is the one the opening makes a subject (…，权寨镇多措并举…),
        # not a word ending in 镇 (小城镇建设, 回报家乡) or a town it went to (赴诸暨市、枫桥镇学习)
        subjects = (_place_subject_at(clause.strip()) for clause in _CLAUSE_BREAK.split(opening))
        towns = {t for t in subjects if t and t.endswith(m.group(2))}
    else:
        towns = {t for t in _TOWN_AT_CLAUSE.findall(opening) if t.endswith(m.group(2)) and not _NOT_A_TOWN.search(t)}
    return towns.pop() if len(towns) == 1 else None


def _visit(s: str) -> re.Match[str] | None:
    """The visit to the writer's place by others that `s` tells of (…一行莅临我县, 督查组到代县…);
    none when the group is sent out by the clause's own subject (下车镇纪委派出督查组在下车街道…)."""
    m = _VISITS_US.search(s)
    if not m:
        return None
    clause = s[: m.start()].rsplit("，", 1)[-1].rsplit(",", 1)[-1]
    return None if _SENDS_GROUP.search(clause) else m


_AFTER_THE_PLACE_VISITED = re.compile(r"[，,。；、\s]|$|对|开展|调研|督查|督导|检查|考核|进行|实地|走访|指导")


def _visited_level(title: str, opening: str) -> str | None:
    """The level of the place a visiting group goes to (省政府督查组在代县调研座谈, 市…督导组到两河镇开展…):
    a report of the visit is that place's news."""
    for s in (title, re.split(r"[。！？]", _lead(opening), maxsplit=1)[0]):
        m = _visit(s)
        place = m.group("place") if m else None
        town = _TOWN_NAMED.match(s, m.end("place")) if m and place else None
        if m and town and not _NOT_A_TOWN.search(town.group()) and _AFTER_THE_PLACE_VISITED.match(s, town.end()):
            return "乡"  # (…考核组一行来到红安县七里坪镇，…: a town of the county)
        if place and not _NOT_A_TOWN.search(place):
            known = [p.level for p in find_places(place) if p.end == len(place) and p.level]
            return _PLACE_LEVEL[known[-1]] if known else "乡" if place.endswith("街道") else _LEVEL_BY_CHAR[place[-1]]
    return None


# 11月13日,县委整治形式主义为基层减负专项工作机制第二次会议召开: a meeting told as held, named by the body whose meeting it is
# (县政府第12次常务会议召开, 县委常委会会议召开); not a leader who presides (县委书记…主持召开), nor the whole area's (全县…会议召开)
# (a committee of the party committee too, 县委全面深化改革委员会, 市委保密委; and held by the area itself: 本市召开市委保密委全体会议)
_MEETING_BODY = (rf"(?P<org>[{_HAN}]{{0,8}}?[省市县区旗](?:委(?:[{_HAN}]{{1,10}}?(?:委员会|委(?![员会])))?|人民政府|政府|人大常委会|政协)"
                 r"(?:(?<=委员会)|(?![员会]))(?:办公[厅室])?)")  # (its office too: 本市召开市委办公厅…会议; …委员会会议)
_MEETING_OF_BODY = re.compile(
    rf"^\s*(?:{WHEN}[，,]\s*)?(?:{_MEETING_BODY}[^，。；：、\n]{{0,40}}?会议?(?:在[^，。；\n]{{2,20}}?)?(?:召开|举行)(?:[。，,；]|$)"
    rf"|[本我][省市县区旗](?:召开|举行){_MEETING_BODY.replace('?P<org>', '?P<held>')}[^，。；：、\n]{{0,20}}?会议)"
)


# 郫都区委6个专项督查组分三轮对…开展督查: a body named by its level word or place whose groups, counted, go out is the
# clause's subject (one of them, 县委第一巡察组进驻…, is the group's visit)
_GROUPS_OF_BODY = re.compile(rf"(?:^|(?<=[，,；;]))\s*(?:{WHEN}[，,]\s*)?{_MEETING_BODY}"
                             r"(?=[\d一二三四五六七八九十]{1,2}个[^，,。；;\n]{0,10}?组)")


def _groups_of_body(opening: str, names: str, text: str) -> str | None:
    m = _GROUPS_OF_BODY.search(re.split(r"[。！？]", NEWS_DATELINE.sub("", _lead(opening), count=1), maxsplit=1)[0])
    org = m.group("org") if m else ""
    # (its place by the level word, a name of the table, or one the opening names after its city: 成都市郫都区委…)
    placed = org and (org[0] in "省市县区旗" or _starts_with_place(org) or any(org.startswith(p.name) for p in find_places(opening)))
    # (not a higher body's, whose groups come to the county that tells of them: 市委2个巡察组进驻我县)
    return _qualify(org, opening, names) if placed and not _above_us(org, text) else None


def _meeting_of_body(opening: str, names: str) -> str | None:
    m = _MEETING_OF_BODY.match(NEWS_DATELINE.sub("", _lead(opening), count=1))
    # (the body by its level word, 县委, or with its place, 平阳县委; not 全县委员…, 各县政府)
    org = (m.group("org") or m.group("held")) if m else ""
    return _qualify(org, opening, names) if org and (org[0] in "省市县区旗" or _starts_with_place(org)) else None


def _lead(opening: str) -> str:
    """The opening's first paragraph: its first line that holds a sentence (not a second, shorter
    headline above it: 平舆县双庙乡社情民意信息站解民忧 / 双庙乡社情民意信息站解民忧 / 本报讯…); past a scene the
    item opens on, a paragraph that starts with what someone says (“你们单位一共23人……”这是6月4日，…的情形。), to the
    news it then tells (从6月4日开始，新田县组织4个联合督查小组…)."""
    lines = [line for line in opening.split("\n") if line.strip()]
    sentences = [line for line in lines[: _LEAD_LINES + 1] if _SENTENCE_MARK.search(line)]
    if len(sentences) > 1 and SCENE.match(NEWS_DATELINE.sub("", sentences[0], count=1)):
        return sentences[1]
    return next((line for line in lines[:_LEAD_LINES] if _SENTENCE_MARK.search(line)), lines[0] if lines else "")


# a column's name a headline opens with (【清风巴东】信陵镇监督…): the site's, not the subject
_COLUMN_TAG = re.compile(r"^\s*【[^】\n]{1,12}】\s*")


def _place_subject(line: str) -> str | None:
    """The place a line opens with as its subject: a 镇, 乡 or 街道 by its form, a county,
    district or city only when the place table knows it (a 市 word may be 城市, 超市 …)."""
    # (…”这是西城街道为…新采取的周报告制度: after a scene's words, what it is)
    line = THIS_IS.sub("", _COLUMN_TAG.sub("", NEWS_DATELINE.sub("", line, count=1), count=1))
    if PURPOSE_LEAD.match(line):  # 为进一步加强作风建设，…，近日，中厂镇以…: the subject follows the purpose
        # (a purpose may be written as a sentence of its own: 为…营造浓厚氛围。5月28日,赛什斯镇组织…)
        purpose, _, rest = line.partition("。")
        for clause in _CLAUSE_BREAK.split(purpose)[1:] + _CLAUSE_BREAK.split(rest.split("。", 1)[0]):
            subject = _place_subject_at(clause.strip())
            if subject:
                return subject
        return None
    return _place_subject_at(line)


# 冷水滩召开全区…会议: a place named by its bare stem, which the table does not read alone, the 全区 of its clause saying
# the level word it is named with (冷水滩区)
_BARE_STEM_SUBJECT = re.compile(rf"^(?:{WHEN}[，,]\s*)?(?P<stem>[{_HAN}]{{2,3}}?)(?={_SUBJECT_NEXT})[^，,。；;\n]*?全(?P<level>[县区市旗])")


def _bare_stem_subject(line: str) -> str | None:
    m = _BARE_STEM_SUBJECT.match(line)
    name = m.group("stem") + m.group("level") if m else ""
    places = find_places(name)
    return name if places and places[0].start == 0 and places[0].end == len(name) else None


# A town after the places it lies in (成都简阳市踏水镇开展…, 德州市天衢新区赵虎镇召开…): the town is the subject.
_WHEN_LEAD = re.compile(rf"(?:{WHEN}[，,]\s*|\d{{4}}\s?年(?:度|以来)?\s*){{0,2}}")
_TOWN_AFTER_PLACES = re.compile(rf"(?P<zone>[{_HAN}]{{0,4}}?{_ZONE_WORDS})?(?P<town>[{_HAN}]{{1,4}}?(?:镇|乡|街道))(?={_SUBJECT_NEXT})")


def _town_after_places(line: str) -> str | None:
    """The town a line opens with after the places the table knows (a county, or a city and its
    county), and maybe a zone of theirs: named with its county or zone (简阳市踏水镇, 天衢新区赵虎镇),
    the prefecture before them left out as `_without_prefecture` does; None when the line opens otherwise."""
    start = end = _WHEN_LEAD.match(line).end()  # type: ignore[union-attr]  # (it matches the empty string)
    chain = []
    for place in find_places(line[start:start + 20]):
        if place.start + start == end:
            end = place.end + start
            chain.append(place)
    if not chain:
        for k, county in _after_prefecture_stem(line[start:start + 20]):
            start += k
            chain, end = [county], start + county.end  # (found at the stem's end: its start is 0 there)
            break
    town = _TOWN_AFTER_PLACES.match(line, end) if chain else None
    if not town or _NOT_A_TOWN.search(town.group("town")):
        return None
    if town.group("zone"):  # (a zone named by its kind alone, 高新区, with its city's name: 济南市高新区遥墙街道)
        return (line[start:end] if _ZONE.fullmatch(town.group("zone")) else "") + town.group()
    last = chain[-1]
    return line[last.start + start:end] + town.group() if last.level == LEVEL_COUNTY else line[start:end] + town.group()


def _place_subject_at(line: str) -> str | None:
    after_places = _town_after_places(line)
    if after_places:
        return after_places
    m = _PLACE_SUBJECT.match(line)
    if not m:
        return _bare_stem_subject(line)
    if _NOT_A_TOWN.search(m.group("org")) or _TALLIED.match(line, m.end("org")):  # (城关镇采用3条: ranked)
        return None
    org, start = m.group("org"), m.start("org")
    department = _HEADLINE_DEPARTMENT.match(line, m.end("org"))
    if department:  # 涞水县:审计局审计整改…: the place's department is the subject
        return org + department.group(1)
    town = _TOWN_NAMED.match(line, m.end("org"))
    if town and not org.endswith(_TOWN_WORDS) and re.match(_SUBJECT_NEXT, line[town.end() :]):
        return org + town.group()  # 汝南县三桥镇为…: the town, named with its county
    # the places written one after another from there (北京市通州区…): the subject is all of them
    end = start
    chain = []
    for place in find_places(line[start:start + 20]):
        if place.start + start == end:
            end = place.end + start
            chain.append(place)
    if end > m.end("org"):
        return None
    if (len(chain) == 2 and chain[0].level == LEVEL_CITY and chain[1].level == LEVEL_COUNTY
            and org[chain[0].end - 1] not in _LEVEL_CHARS):
        # 甘南舟曲县召开…: a county after its prefecture's bare stem is named by itself (as 南通海安市墩头镇 is
        # by 海安市墩头镇, see _without_prefecture); 北京市通州区 keeps its city
        return org[chain[1].start:]
    if org.endswith(_TOWN_WORDS) or _ZONE.search(org):
        return org
    return org if end == m.end("org") else None


def _letterhead_org(opening: str, title: str) -> str | None:
    """The body a line of its own names at the top, under the document number or above the
    title (珠政办函〔2018〕26号 / 珠晖区人民政府办公室 / 关于表彰…的决定), over a cover's month or under
    the subtitle: the issuer."""
    lines = [line.strip() for line in opening.split("\n")[:HEADER_MAX_LINES] if line.strip()]
    more = len(opening.split("\n")) > HEADER_MAX_LINES
    for k, line in enumerate(lines):
        team = _RESEARCH_TEAM.match(line) or _RESEARCH_BODY.match(line)
        personal = PERSONAL_BYLINE.match(line)  # a person's paper: 中共秦安县委办公室　张建军
        org = (team.groupdict().get("org") or team.group()) if team else (line.split()[0] if personal else "")
        if org and k < 2 and _reads_as_body(org):  # 巴东县委政研室课题组, 中共巴东县委政策研究室, 中共秦安县委办公室　张建军
            return org
        m = _SIGNATURE.match(line)
        if m and m.group("date") and k == 0 and title and _reads_as_body(m.group("org")):
            return m.group("org")  # the office and the day right under the title (钟山区人民政府办公室    2024年7月5日)
        under_subtitle = k == 1 and lines[0].startswith(("——", "――", "--"))
        if under_subtitle and _TOWN_NAMED.fullmatch(line) and not _NOT_A_TOWN.search(line):
            return line  # the town that presents the paper, under its subtitle (——在全县…会议上的交流发言 / 青树坪镇)
        joint = _joint_signature(line) if title and (k == 0 or under_subtitle) else None
        if joint:  # bodies that wrote it together, under its title or subtitle (区委政研室　区社会治理中心)
            return joint
        if not m or m.group("date") or not _reads_as_body(m.group("org")):
            continue
        numbered = k > 0 and _DOC_NUMBER_YEAR.search(lines[k - 1])
        titled = bool(title) and k + 1 < len(lines) and "".join(lines[k + 1].split()) == "".join(title.split())
        # a cover: the title, then who presents it and when (汇报材料 / 醴陵市教育局 / 2023年10月), then the text (not a
        # short text's signature, its last lines or over its 版记: the text's sentences are above it)
        covered = (k + 1 < len(lines) and bool(_SIGNATURE_DATE.match(lines[k + 1]) or _MONTH_LINE.match(lines[k + 1]))
                   and (k + 2 < len(lines) or more) and not any("。" in above for above in lines[:k]))
        # who presents the paper, under its subtitle (——…经验交流材料 / 如皋市政务服务管理办公室)
        if numbered or titled or covered or under_subtitle:
            return m.group("org")
    return None


def _signature_org(text: str) -> str | None:
    """The body that signs the report: a line at the end that is only a body's name, next to the
    date line (东安县人民政府办公室 / 2023年12月28日, or both on one line) — at the end of the text,
    or before its attachments (附件 / 项目资金使用明细表 / a table). A 版记 line (抄送：…, …印发) is
    not a signature."""
    part = _signed_part(text)
    signed = _signed(text) or (_signed(part) if part is not text else None)
    if signed is None:
        attached = next(_ATTACHMENT_LINE.finditer(text, len(text) // 2), None)  # 附件1, then 附件2 …: before the first
        if attached:
            signed = _signed(text[: attached.start()])
    return signed


# Where the seal goes, under or beside the signing body (（盖章）, （公章）): no line of the signature
_SEAL = r"(?:单位)?(?:盖章|公章|印章|签章|盖公章)"
_SEAL_LINE = re.compile(rf"^[（(【\[]?{_SEAL}[）)】\]]?$")
_SEAL_MARK = re.compile(rf"\s*[（(【\[]{_SEAL}[）)】\]]$")
# 附件 / 附件1 / 附件：1.…明细表 opening a line: what follows the signature is attached to the report
_ATTACHMENT_LINE = re.compile(r"(?m)^[ \t\u3000]*附\s*件\s*[0-9０-９一二三四五六七八九十]*\s*(?:[：:]|$)")


def _signed(text: str) -> str | None:
    """_signature_org's reading of the last lines of `text`."""
    lines = [line.strip() for line in text.rstrip().rsplit("\n", _SIGNATURE_LINES)[-_SIGNATURE_LINES:]]
    # (罗田县应急管理局 / （盖章） / 2024年3月5日, 罗田县应急管理局（公章）; 仪陇县委组织部干部监督科　王某: the body a writer names
    # with himself)
    lines = [_without_writer(_SEAL_MARK.sub("", line)) for line in lines if not _SEAL_LINE.match(line)]
    for k, line in enumerate(lines):
        wrapped = _wrapped_name(lines[max(0, k - _WRAPPED_LINES + 1): k + 1]) if k + 1 < len(lines) and _SIGNATURE_DATE.match(lines[k + 1]) else ""
        if wrapped:
            return wrapped
        team = _RESEARCH_TEAM.match(line)
        if team and k + 2 >= len(lines):  # a study's team signing at its end (县委政策研究室课题组 / 执笔：…)
            return team.group("org")
        m = _SIGNATURE.match(line)
        if not m:
            joint = _joint_signature(line)
            if joint and any(_SIGNATURE_DATE.match(lines[j]) for j in (k - 1, k + 1) if 0 <= j < len(lines)):
                return joint
            # (undated, as the last line, when each body names its place: 中共柳树乡委员会　柳树乡人民政府)
            if (joint and k == len(lines) - 1 and not (lines[k - 1] if k else "").endswith(("：", ":"))
                    and all(_starts_with_place(body) or _town_body(body) for body in joint.split("、"))):
                return joint
            continue
        dated = bool(m.group("date")) or any(
            _SIGNATURE_DATE.match(lines[j]) for j in (k - 1, k + 1) if 0 <= j < len(lines)
        )
        org = m.group("org")
        if dated and (_reads_as_body(org) or _OFFICE_SUFFIX.search(org) or _town_body(org)):  # 中川镇人民政府
            return "、".join([*_stacked_signers(lines[:k]), org])
        above = lines[k - 1] if k else ""
        if (k == len(lines) - 1 and _starts_with_place(org) and (_reads_as_body(org) or _town_body(org))
                and not _SIGNATURE.match(above) and not above.endswith(("：", ":"))):
            return org  # undated (a draft, a web copy): the last line, a body with its place, signs it (not a list's last)
    return None


_WRITER_AFTER = re.compile(rf"[ \u3000]+{PERSON_NAME}$")


def _without_writer(line: str) -> str:
    """A signature line without the name of the person who signs beside his body (县委组织部干部监督科　王某), when what is
    left signs."""
    writer = _WRITER_AFTER.search(line)
    if not writer or _SIGNATURE.fullmatch(writer.group().strip()):
        return line  # (县财政局　县审计局: two bodies signing together)
    return line[: writer.start()] if _SIGNATURE.match(line[: writer.start()]) else line


_WRAPPED_NAME_MAX_CHARS = 20
_WRAPPED_LINES = 3
_NO_NAME_PART = re.compile(r"[，。；：、！？,.;:!?\s]")


def _wrapped_name(above: list[str]) -> str:
    """A signing body's long name wrapped over the last two or three of these lines, over its date, its place on the first
    (许昌市市级层面整治形式主义 / 为基层减负专项工作机制办公室; 中共罗田县委农村工作领导小组 / 办公室; 罗田县推进长江经济带 /
    共抓大保护工作领导小组 / 办公室): lines of no sentence, those after the first no name of their own (which opens with its place,
    its level or 中共: 县应急管理局 under a line of text, 罗田县人民政府办公室 under another body that signs with it), "" when none."""
    for n in range(len(above), 1, -1):
        parts = above[-n:]
        name = "".join(parts)
        if (all(len(part) <= _WRAPPED_NAME_MAX_CHARS and not _NO_NAME_PART.search(part) for part in parts)
                and not any(part.startswith((*_LEVEL_CHARS, *PARTY_PREFIXES)) or _starts_with_place(part) for part in parts[1:])
                and (m := _SIGNATURE.fullmatch(name)) and not m.group("date") and _starts_with_place(name)):
            return name
    return ""


def _stacked_signers(above: list[str]) -> list[str]:
    """The bodies that sign together with the one over the date, each on a line of its own above it (中共平江县委办公室 /
    平江县人民政府办公室 / 2024年2月20日), as a joint signature names them on one line: bodies with their place (not a
    list's items, which a line ending in a colon or a heading introduces: 参加单位：, 二、优秀单位)."""
    bodies: list[str] = []
    for line in reversed(above[-(_JOINT_MAX - 1):]):
        m = _SIGNATURE.fullmatch(line)
        if not m or m.group("date") or not (_starts_with_place(_PARTY_OF_PLACE.sub("", m.group("org"))) or _town_body(m.group("org"))):
            break
        bodies.insert(0, m.group("org"))
    text = above[: len(above) - len(bodies)]
    lead = text[-1] if text else ""
    # (an attachment note's numbered items, 附件：1.… / 2.…, are no heading)
    listed = _LIST_HEADING.match(lead) and not any(_ATTACHMENT_LINE.match(line) for line in text[-_JOINT_MAX:])
    return [] if lead.endswith(("：", ":")) or listed else bodies


# A heading, numbered and no sentence (三、督查组成员单位, （二）优秀单位, 2.参加单位)
_LIST_HEADING = re.compile(rf"\s*(?:[{_CN_NUMERAL}]{{1,3}}[、.．]|[（(][{_CN_NUMERAL}\d]{{1,3}}[）)]|\d{{1,2}}[.．、](?!\d))[^。！？]*$")


def _signer(line: str) -> str | None:
    """The body or bodies a line names as the text's signer or presenter, its date on the next line:
    a body of a place, a town, a zone, an office (坊门街社区居民委员会, 沂水经济开发区管理委员会), or bodies signing
    together (中共府山街道工作委员会　府山街道办事处)."""
    m = _SIGNATURE.match(line.strip())
    if m and not m.group("date"):
        org = m.group("org")
        if _reads_as_body(org) or _town_body(org) or _ZONE_BODY.match(org) or _OFFICE_SUFFIX.search(org):
            return org
    return _joint_signature(line.strip())


def _joint_signature(line: str) -> str | None:
    """中共大悟县委　大悟县人民政府 on one line, set apart by wide spaces: the bodies that sign together
    (joined by 、, as a joint 版头's issuers are)."""
    parts = [part for part in _WIDE_SPACE.split(line) if part]
    if not 2 <= len(parts) <= _JOINT_MAX:
        return None
    bodies = [_SIGNATURE.match(part) for part in parts]
    if all(b and not b.group("date") and (_reads_as_body(b.group("org")) or _town_body(b.group("org"))) for b in bodies):
        return "、".join(parts)
    return None


_WIDE_SPACE = re.compile(r"\u3000+|\t+|\s{2,}")  # (a tab: the two cells of a Word table's row that sign together)
_JOINT_MAX = 4


# A post held for its rank beside the one that is the writer's work (县委常委、常务副县长, 镇党委副书记、镇长,
# 县财政局党组书记、局长: the government, the government, the 局)
_RANK = re.compile(r"(?:常委|委员|副书记|党组(?:副)?书记|党组成员)$")
_POST_PART = re.compile(rf"^(?P<body>[{_HAN}]*?)(?:常务)?副?(?P<post>{'|'.join(HEADS_OF_GOVERNMENT)}|书记|常委|委员|[{_HAN}]长|主任|主席)$")


def _post_body(post: str) -> str | None:
    """The office of a post a personal report names (堌阳镇党委书记 → 堌阳镇党委, 县财政局副局长 → 县财政局,
    红安县七里坪镇镇长 → 红安县七里坪镇人民政府, 城关镇党委副书记、镇长 → 城关镇人民政府): of several posts, the
    first that is not a rank; a post without its office's name is of the first one's (its town's, its 局's)."""
    parts = post.split("、")
    part = next((p for p in parts if not _RANK.search(p)), parts[0])
    m = _POST_PART.match(part)
    if not m:
        return None
    body, head = m.group("body"), m.group("post")
    first = _POST_PART.match(parts[0])
    if not body and first and part != parts[0]:
        body = _leading_place(first.group("body")) if head in HEADS_OF_GOVERNMENT else re.sub(r"党[组委]$", "", first.group("body"))
    if head in HEADS_OF_GOVERNMENT:  # 镇长 heads the 镇人民政府 (镇长 alone: a 镇's)
        body = re.sub(r"(?:人民)?政府$", "", body or head[0]) + "人民政府"
    return body if _reads_as_body(body) or _town_body(body) else None


def _speaker_org(opening: str) -> str | None:
    """The body a speech's speaker line names (南阳市副市长 赵某某 → 南阳市人民政府, 县委常委、县委办主任 李四 →
    县委办, 省农业农村厅厅长 王某某 → 省农业农村厅): one of the first lines, a post and a name."""
    for line in opening.split("\n")[:_SPEAKER_LINES]:
        m = SPEAKER.match(line.strip())
        if not m:
            continue
        body, post = re.split(r"[、，,]", m.group("body"))[-1], m.group("post")
        if post in HEADS_OF_GOVERNMENT:  # 市长 heads the 市人民政府 (县长 alone: the 县's)
            body = re.sub(r"(?:人民)?政府$", "", body or post[0]) + "人民政府"
        # 县委书记: the 县委; 堌阳镇党委书记: a town's body
        if _reads_as_body(body) or _town_body(body) or (post == "书记" and re.fullmatch(rf"[{_LEVEL_CHARS}]委", body)):
            return body
    return None


_SPEAKER_LINES = 4
_PRINTED_TAIL_CHARS = 400  # the 版记 closes the document


def _addressed(opening: str, at: int) -> bool:
    """Whether the line at `at` is the 主送 (县财政局：, 县委、县政府:), as `is_addressee_line` reads it."""
    start = opening.rfind("\n", max(0, at - ADDRESSEES_MAX_CHARS - 1), at) + 1
    end = opening.find("\n", at, at + ADDRESSEES_MAX_CHARS + 1)
    if (start == 0 and at > ADDRESSEES_MAX_CHARS) or (end < 0 and len(opening) - at > ADDRESSEES_MAX_CHARS):
        return False  # a line longer than a 主送 (looked at within its bound: no scan of a long line)
    return is_addressee_line(opening[start: end if end >= 0 else len(opening)])


# A line of those who attend a meeting (a 纪要's 出席：/列席：/参加：): attendees, not the writer.
_ATTENDED = re.compile(r"\s*(?:出席|列席|参加|参会|请假)(?:人员|单位)?[：:]")


def _with_parent_place(org: str, names: str) -> str:
    """通州区总工会 → 北京市通州区总工会 when the title writes the district inside its city: a
    district or county is named with its city, a city stands alone."""
    places = find_places(org)
    if not places or places[0].start != 0 or places[0].level != LEVEL_COUNTY:
        return org
    own = org[: places[0].end]
    at = names.find(own)
    before = [p for p in find_places(names[:at]) if p.end == at] if at > 0 else []
    return names[before[-1].start : at] + org if before else org


def _body_name(m: re.Match[str], text: str) -> str:
    if m.group(2) == "办":  # 县政府办 / 县人民政府办公室 / 省政府办公厅 are one office each
        return m.group(1) + ("政府办公厅" if m.group(3) else "政府办公室")
    return text[_name_start(text, m.start()) : m.start()] + m.group(1) + m.group(2)


# the characters a body's name may hold before the level word the pattern starts it at: a place's name that ends in one
# (郑州市公安局, 锦州义县农机局: 州 is the city's, not a level)
_PLACE_BEFORE_CHARS = 8
_BEFORE_NAME = re.compile(r"[\n。；;，,：:！？、（(“\"]")


def _name_start(text: str, at: int) -> int:
    """Where the body whose level word the pattern found at `at` begins: there, unless that word ends or is inside a
    place's name (郑州市, 广州市越秀区: the places before it, chained), or it is 州 and the clause starts one to three
    characters before it (年初以来,锦州义县农机局: a city named without its level word, which the place table does not
    know alone; not ，召开县农机局, a verb before a level word)."""
    if at == 0 or not _HAN_CHAR.match(text, at - 1):
        return at
    begin = max(0, at - _PLACE_BEFORE_CHARS)
    window = text[begin : at + _PLACE_BEFORE_CHARS]
    chain: list[int] = []
    for place in find_places(window):
        if chain and place.start != chain[-1]:
            if begin + chain[-1] > at:
                break
            chain = []
        chain += [place.start, place.end] if not chain else [place.end]
    if chain and begin + chain[0] < at < begin + chain[-1]:
        return begin + chain[0]
    clause = max((m.end() for m in _BEFORE_NAME.finditer(text, begin, at)), default=at)
    return clause if text[at] == "州" and 0 < at - clause <= 3 and _HAN_CHAR.fullmatch(text, clause, at) else at


_HAN_CHAR = re.compile(f"[{_HAN}]+")


def _in_book_title(text: str, org: str) -> bool:
    """True when every mention of `org` in the opening is inside 《…》 (a cited document)."""
    for m in re.finditer(re.escape(org), text):
        before = text[: m.start()]
        if before.count("《") <= before.count("》"):
            return False
    return True


# --------------------------------------------------------------------------------------- level

_LEVEL_BY_CHAR = dict(zip("省市州盟县区旗乡镇", "省市市市县县县乡乡"))
_PLACE_LEVEL = {LEVEL_PROVINCE: "省", LEVEL_CITY: "市", LEVEL_COUNTY: "县"}
_DEPTH = {"省": 1, "市": 2, "县": 3}
_CENTRAL_IN_TITLE = re.compile(r"国务院|中共中央|党中央|全国人民代表大会|全国人大|中华全国总工会|全国总工会")
# "乡按照《…》要求": a bare level word as the subject of the first clause.
_BARE_SUBJECT = re.compile(
    r"(?:^|(?<=[\n。；，]))(?:今年以来|一年来|近年来)?[，,]?([省市县区乡镇])"
    r"(?:按照|根据|坚持|围绕|认真|结合|紧紧|始终|全面|深入|积极|严格|扎实|立足|高度|通过|进一步|在)"
)
# 近日,副县长唐凤娥带队…; 7月24日,县领导胡义胜、侯向阳…带领…; 县委副书记、政府县长马天峡在…主持…; 酒泉市委副书记、
# 市长都伟主持…: the area's leaders as the subject of the opening clause act for it (a news item of that
# place). Of several posts (江西抚州市副市长、金溪县委书记王成兵…) the last, the one held there, gives the level;
# an office's 主任 after them (县委常委、县纪委书记、监委主任黄知开…) is one more post of the leader's.
_LEADER_SUBJECT = re.compile(
    rf"^\s*(?:{WHEN}[，,]\s*)?(?P<posts>[^，。；\s]{{0,24}}?(?:长|领导|书记|常委|(?<=、)[^、，。；\s]{{1,6}}主任))"
    rf"(?=[{_HAN}]{{2,3}}(?:[，,、等]|带|率|到|赴|深入|主持|在|突击))"
)
# …刘建民深入南湖洲镇督查: the leader goes to a town, whose item it is (as a visiting group's: 87, 301)
_LEADER_GOES_TO = re.compile(
    rf"[{_HAN}]{{2,3}}(?:、[{_HAN}]{{2,3}})*等?(?:一行)?(?:深入|来到|到|赴)(?P<place>[{_HAN}]{{2,4}}?(?:镇|乡|街道))(?![村镇政党纪人])"
)
_LEADER_POST = re.compile(r"([省市县区旗乡镇])(?:长|领导|委副?书记|委常委)")
# A title about the whole country, naming no place: 我国工人阶级状况, 中国职工状况 (not 中国(上海)…).
_NATIONAL_SCOPE = re.compile(r"我国|全国|中国(?![(（])")
# Words that start with a level character without naming a level.
_LEVEL_CHAR_WORDS = ("市场", "市民", "市政管理", "市容", "区域", "乡村", "县域", "镇域", "州际", "省级", "市级", "县级")
# 全县经济社会发展: a report speaks of its own area as 全县/全市; 全区 only where no 自治区 is named (its 全区 may be
# the autonomous region's).
_WHOLE_AREA = re.compile(r"全([省市县区乡镇州旗])(?!第|排名|排第|前列|领先|同类|先进)")  # not a ranking in it (全省第七)
# …and names its own bodies by their level alone, at a clause's start or after a preposition (贯彻县政府部署, 区直各单位,
# 会同县财政局): not 各县政府 (every county's), nor a word that opens with a level character (区域, 市场).
_OWN_LEVEL_BODY = re.compile(
    rf"(?:^|(?<=[\s，,。；;：:、（(在向由对同和与及经据把将从被为])|(?<=按照|落实|贯彻))(?!{'|'.join(_LEVEL_CHAR_WORDS)})"
    rf"([省市县区乡镇州旗])(?=委|政府|人民政府|人大|政协|直|党委|纪委|[{_HAN}]{{1,8}}?(?:局|办公室|办|委员会|中心))"
)
# 在县委、县政府的正确领导下: the leadership a lower unit (a town, a school) thanks, not the writer's own bodies
_LED_BY = re.compile(r"在[^，。；\n]{0,30}?领导下")
# 我县召开信息工作会议: the writer speaks as that place (not 我市: county-level cities say it too).
_OUR_AREA = re.compile(r"我([县区旗乡镇])")
_WHOLE_AREA_MIN = 3
# “我县已启动三级预警…”: a quotation is another's voice, its 我县 not the writer's.
_QUOTED = re.compile(r"“[^”\n]{0,200}”")
# A body whose name starts with a place and its level word (城关镇…, 平安县…); 城乡/城市 are words.
_PLACE_NAMED = re.compile(rf"^[{_HAN}]{{1,7}}?[^城\s]([省市县区乡镇州旗盟])")
# A body named by a place the gazetteer (counties and up) does not hold, and its level word.
_NAMED_BODY = re.compile(rf"^[{_HAN}]{{2,8}}?([省市县乡镇州旗盟]|(?<!社)区)(?=人民政府|政府|党委|党工委|委员会|人大|政协|总工会|纪委|委)")
# …and a county named by one character and 县 (达县政协: 达县 is 达川区 since 2013), the table's own ones aside (渠县): not a
# word, a count or a verb before a body its level names (全县, 邻县, 两县政府, 赴县政府, 向县委).
_NOT_A_COUNTY_CHARACTER = "全本该各每我此其邻外郊知省州市区乡镇一二两三四五六七八九十几多数赴到往回进出去来入驻离至给被" + "".join(_NOT_A_SUBJECT)
_ONE_CHARACTER_COUNTY_BODY = re.compile(rf"^(?![{_NOT_A_COUNTY_CHARACTER}])[{_HAN}]县(?=人民政府|政府|委|人大|政协|总工会|纪委)")
# A village's or community's own body (红旗村村民委员会, 幸福社区居民委员会, 幸福社区党委): below the township, shown as 乡.
# (and its party branch: 中共大屋村支部委员会)
_VILLAGE_BODY = re.compile(rf"^[{_HAN}]{{2,8}}?(?:村|社区)(?:村民委员会|居民委员会|党?总?支部(?:委员会)?|党总支|党委|委员会)?$")
# 富民乡2022年上半年工作总结, 城关镇人民政府关于…: a township's own report.
_TOWNSHIP_TITLE = re.compile(rf"^[{_HAN}]{{2,6}}?(?:乡|镇|街道)(?:(?:人民政府|政府|党委|办事处)(?:关于)?|\d{{4}}年|关于)")


# A zone named after its city (洛阳市 + 城乡一体化示范区纪工委): the body is the zone's, not the city's.
_ZONE_IN_PLACE = re.compile(rf"[{_HAN}]{{0,8}}?{_ZONE_WORDS}(?=[{_HAN}])")


_CENTRAL_BODY_END = re.compile(r"总局|局|总署|署|部|委员会|委|院|银行|总会|公司|电网|^国网")


def _local_unit(org: str) -> str | None:
    """A central system's unit of a place, from its most local place on: 国家税务总局红安县税务局 → 红安县税务局,
    国家电网湖北省电力有限公司 → 湖北省电力有限公司, …红安县供电公司 → 红安县供电公司 (its level and province are
    the place's, not 中央 and 全国)."""
    if not _CENTRAL.match(org):
        return None
    units = [_survey_team_placed(org[body.end():]) for body in _CENTRAL_BODY_END.finditer(org)]
    # the last, most local one: 国家电网湖北省电力有限公司红安县供电公司 is the county's
    return next((unit for unit in reversed(units) if (local := find_places(unit)) and local[0].start == 0 and local[0].level), None)


_SURVEY_TEAM = re.compile(rf"^([{_HAN}]{{2,6}}?)调查队$")


def _survey_team_placed(unit: str) -> str:
    """国家统计局红安调查队: a survey team is named by its place's bare stem, which names no place on its own
    or names a province (吉林); its place with the level word the stem takes, a city's before a county's
    (长沙调查队 is 长沙市's; 湖北调查总队 is the province's: a 总队 keeps its name)."""
    team = _SURVEY_TEAM.match(unit)
    if not team:
        return unit
    stem = team.group(1)
    for name in (stem + "市", stem + "县", stem + "人民政府"):  # (渠县 names its level: 渠县人民政府)
        place = find_places(name)
        if place and place[0].start == 0 and place[0].level and place[0].end >= len(stem):
            return name + "调查队"  # (what names the place: 渠县人民政府调查队 is read as 渠县's)
    return unit


_TOWN_IN_ZONE = re.compile(rf"[{_HAN}]{{0,4}}?{_ZONE_WORDS}[{_HAN}]{{1,4}}?(?:镇|乡|街道)(?!村|社区)")  # 天衢新区赵虎镇


def _level_of_org(org: str) -> str | None:
    local = _local_unit(org)
    if local:
        return _level_of_org(local)
    if _CENTRAL.match(org) or _NPC_SESSION_ORG.match(org) and "全国" in org:
        return "中央"
    org = _REDACTED_PREFIX.sub("", org)
    places = find_places(org)
    party = _PARTY_OF_PLACE.match(org)
    if places and party and places[0].start == party.end():  # 中共广德市委组织部: 广德市's
        org = org[party.end():]
        places = find_places(org)
    if places and places[0].start == 0:
        # 重庆市沙坪坝区总工会: the last of the places the name opens with is the body's own
        own = places[0]
        for place in places[1:]:
            if place.start == own.end and place.level:
                own = place
        town = _TOWN_NAMED.match(org, own.end)
        if town and not _NOT_A_TOWN.search(town.group()):  # 汝南县三桥镇: a town the table lacks
            return "乡"
        if _STREET_OFFICE.search(org, own.end):  # 宜宾市翠屏区人民政府南岸街道办事处: the district's street office
            return "乡"
        # 洛阳市城乡一体化示范区纪工委, 平潭综合实验区海坛片区管理局: a zone in the city, an area of the zone, of no stated level
        if _ZONE_IN_PLACE.match(org, own.end) or _AREA.match(org, own.end):
            return None
        return _PLACE_LEVEL.get(own.level or "") or _level_word_after(org, own.end)
    # 郭杜开发区, 高新区综合办公室 (not a 区 of 县 level by its last character), 君山片区管理局 (an area, not a
    # district): of no level a name says
    if _TOWN_IN_ZONE.match(org):  # 天衢新区赵虎镇: a town, whatever zone runs it
        return "乡"
    if _is_zone_body(org) or _AREA.match(org):
        return None
    if _VILLAGE_BODY.match(org):
        return "乡"
    if _ONE_CHARACTER_COUNTY_BODY.match(org):
        return "县"
    named = _NAMED_BODY.match(org) or _PLACE_NAMED.match(org)
    if named:  # 富民乡人民政府, 平安县政务服务中心: a place the table lacks, read from its level word
        town = _TOWN_NAMED.match(org, named.end(1))
        if named.group(1) in "县旗" and town and not _NOT_A_TOWN.search(town.group()):
            return "乡"  # (喀左县南公营子镇: a town after a county the table lacks by that name)
        return _LEVEL_BY_CHAR[named.group(1)]
    if org.startswith("自治区"):
        return "省"
    if "街道" in org or "街办" in org:  # 何寨街办, 行者街道党工委: a street office and its bodies
        return "乡"
    if org.startswith(_LEVEL_CHAR_WORDS):  # 市场监督管理局 is no city's body
        return None
    return _LEVEL_BY_CHAR.get(org[:1])


# 平潭综合实验区海坛片区管理局, 中共…金井片区管理局委员会: a body of an area (片区) of a zone or a place, below it at a
# level its name does not say
_AREA = re.compile(rf"[{_HAN}]{{2,4}}片区(?=[{_HAN}])")


def _is_zone_body(org: str) -> bool:
    """郭杜开发区, 高新区综合办公室, 晋江综合实验区管委会办公室: a zone or one of its bodies."""
    return bool(_ZONE.search(re.sub(_ORG_SUFFIX + "$", "", org)) or _ZONE_BODY.match(org))


# A zone set over a county (综合实验区, 新区 of a city's rank) addresses the county's government or units as its own
# (东海县人民政府、区直各单位、县直各单位：; 县人大、政协，各乡镇人民政府：), as a city's office does.
_COUNTY_ADDRESSEE = re.compile(r"县(?:人民政府|政府|直|人大|政协|委)|各县")


# A zone that answers to the province's bodies (根据省政府办公厅…要求, 协调省工商局: its next level up) and names no city's or
# county's body is set under the province as a city is (a city's zone names the 市委 or 市政府 above it; not 设区市人民政府,
# 县级市, 城市: kinds of government and words; nor 市场, 市民); not a zone the province approved (省级经济开发区: a county or
# a city runs it)
_PROVINCE_BODY = re.compile(rf"省(?:委(?![员托])|人民政府|政府|[{_HAN}]{{1,5}}?(?:厅|局(?![面势限])|办(?![法理事公学])))")
_PROVINCIAL_ZONE = re.compile(rf"省级[^，,。；;\n]{{0,6}}?{_ZONE_WORDS}")
_CITY_OR_COUNTY_BODY = re.compile(
    rf"(?<![城都超门区级])[市县](?![场民级域属内外])(?:委(?![员托])|人民政府|政府|人大|政协|[{_HAN}]{{1,5}}?(?:局(?![面势限])|办(?![法理事公学])|委员会))")


def _zone_under_province(org: str, text: str) -> bool:
    return (not _starts_with_place(org) and bool(_PROVINCE_BODY.search(text)) and not _CITY_OR_COUNTY_BODY.search(text)
            and not _PROVINCIAL_ZONE.search(text))


def _zone_above_counties(org: str, opening: str) -> bool:
    places = find_places(org)
    if places and places[0].start == 0 and places[0].level == LEVEL_COUNTY:
        return False  # 东海县经济开发区管委会: a zone inside the county, whose units it may address too
    return any(
        _addressed(opening, m.start()) for m in _COUNTY_ADDRESSEE.finditer(opening, 0, _ADDRESSEE_CHARS))


def _level_word_after(org: str, end: int) -> str | None:
    """The level of an ambiguous place name from the level word that ends it (平安县…)."""
    return _LEVEL_BY_CHAR.get(org[end - 1 : end]) or _LEVEL_BY_CHAR.get(org[end : end + 1]) if end else None


# The units one level down that a 主送 line names, and the level of the body that addresses them (a county's 县直各单位,
# 各乡镇, 各镇, 街道办事处; a city's 市直, 各县（市、区）; a province's 各市州, 省直; a town's 各村, 镇直). 重庆's 区县 and
# 自治县 are counties too, but under a city of the provinces' rank: its 市政府 writes to 各区县（自治县）人民政府 as a
# province to its 市州 (a prefecture's city has 县 and 区, not 自治县 beside its 区县 named so).
_UNITS_BELOW = (
    (re.compile(r"[县区旗]直(?:各|有关)?(?:单位|部门|机关)|各乡(?:镇|[（(]镇[）)])|各乡镇|各镇(?!直)|各街道(?:办事处)?|[、，,]街道办事处"), "县"),
    (re.compile(r"市直(?:各|有关)?(?:单位|部门|机关)|各县[（(]?市、?区[）)]?|各区县(?![（(]自治县)|各县区"), "市"),
    (re.compile(r"各(?:设区的?|地级)市|各市(?:[（(、]?州|[（(]含|(?:人民)?政府)|省直(?:各|有关)?(?:单位|部门|机关)|省(?:人民)?政府各|省各(?:委|厅|部门|直属)"
                r"|各区县[（(]自治县[）)]"),
     "省"),
    (re.compile(r"各(?:行政)?村(?:委会|党支部|[（(]社区[）)]|、)|[镇乡]直(?:各|有关)?(?:单位|部门|机关)"), "乡"),
)
# The 主送机关 line of a central document: 各省、自治区、直辖市人民政府，国务院各部委… (a line that
# opens with it; a report that quotes such a notice does so inside a sentence).
_TO_ALL_PROVINCES = re.compile(r"(?:^|\n)\s*各省、自治区、直辖市")
_ADDRESSEE_CHARS = 400


# (the leader's 讲话, not a lower unit's 交流发言 or 表态发言 at it)
_SPOKEN_TO_AREA = re.compile(r"在(?:\d{4}\s?年度?)?全([县省镇乡])\S{2,40}?上的\S{0,4}?(?:讲话|致辞|报告)")  # (在2023年度全县…)
_LEVEL_BODY_MINUTES = re.compile(r"^([省市县区乡镇])(?:委(?![员会])|党委|人民政府|政府|人大|政协)[^，。、]{0,16}?纪要")


# 各乡(镇)、街道办事处，市直各单位; 来自各乡镇(园区场)、街道…和市直机关…: a county-level city's units are its townships (a
# city with counties speaks of 各县(市、区), 县区)
_TOWNSHIPS = re.compile(r"各乡(?:镇|[（(]镇[）)])|\d+个乡镇|乡镇[（(]街道|乡镇、街道")
_COUNTIES = re.compile(r"各县|县[（(]市|县区|区县|县市区|[一二三四五六七八九十\d]+个县")


# 各股室负责人: a bureau whose sections are 股室 is a county's (a city's are 科室, a province's 处室) — its own, not those of
# the counties its clause names below it (各县（市、区）局股室, 督促各县区教育局完善股室职责)
_COUNTY_SECTIONS = re.compile(r"(?:^|(?<=[，,。；;\n]))[^，,。；;\n]*?股室")


def _own_county_sections(text: str) -> bool:
    return any(not _COUNTIES.search(m.group()) for m in _COUNTY_SECTIONS.finditer(text))


def _level(org: str | None, title: str, stem: str, opening: str, text: str) -> str | None:
    if org:
        level = _level_of_org(org)
        # (a 市 body whose units are townships is a county-level city's: xx市人民政府办公室 / 各乡(镇)、…)
        if level == "市" and not _starts_with_place(org) and _TOWNSHIPS.search(text) and not _COUNTIES.search(text):
            return "县"
        if level:
            return level
        if _is_zone_body(org):  # (its 全区, 区直 are the zone's, of no level: 县 only for a 区 of a county's rank)
            # (the opening holds the start of a document the notice issues, which _first_document leaves out of the text)
            return "市" if _zone_above_counties(org, opening) or _zone_under_province(org, f"{text}\n{opening}") else None
    # 中共平潭综合实验区金井片区管理局委员会: an area's body is not of the level of the place its title names first, nor
    # of the 区 its text calls its zone (区党工委巡察组对君山片区管理局党委开展了巡察)
    area = bool(org and _AREA.search(org))
    hosted = _HOSTED.search(title)
    if hosted:  # …会议在我县召开: the host's level, not that of the body the title names (我市 says none)
        return _LEVEL_BY_CHAR[hosted.group(1)] if hosted.group(1) != "市" else None
    for source in (title, stem):
        if _CENTRAL_IN_TITLE.search(source):
            return "中央"
        places = find_places(source)
        levels = [_PLACE_LEVEL[p.level] for p in places if p.level]
        named = (_TOWN_NAMED.match(source, p.end) for p in places)  # (not only after the last: 红安县七里坪镇迎接黄冈市…)
        if levels and any(town and not _NOT_A_TOWN.search(town.group()) for town in named):
            return "乡"  # 关于红安县七里坪镇…: a town named after its county is the most specific place
        if levels and not area:  # 河南省安阳市…: the most specific place the title names
            return max(levels, key=_DEPTH.__getitem__)
        if _TOWNSHIP_TITLE.match(_LEADING_YEAR.sub("", source)):
            return "乡"
    ours = {_LEVEL_BY_CHAR[c] for c in _OUR_AREA.findall(title)}
    if len(ours) == 1:  # 我县一村入选全国…名单: the county's news of an honour the whole country gives
        return ours.pop()
    if any(_NATIONAL_SCOPE.search(source) for source in (title, stem)):
        return "中央"  # 关于当前我国工人阶级状况的调查报告: a survey of the whole country
    visited = _visited_level(title, opening)
    if visited:
        return visited
    if _TO_ALL_PROVINCES.search(opening[:_ADDRESSEE_CHARS]):
        return "中央"  # sent to 各省、自治区、直辖市…: only a central body addresses them all
    sent_to = sorted((m.start(), level) for pattern, level in _UNITS_BELOW
                     for m in pattern.finditer(opening, 0, _ADDRESSEE_CHARS) if _addressed(opening, m.start()))
    # (the first 主送 line is the issuer's: a document it forwards has its own below, 各县市区人民政府，市直各单位：)
    first = {level for at, level in sent_to if opening.rfind("\n", 0, at) == opening.rfind("\n", 0, sent_to[0][0])}
    if len(first) == 1:  # 各乡镇人民政府，县直各单位：: a county's notice to its own units
        return first.pop()
    spoken = _SPOKEN_TO_AREA.match(_LEADING_YEAR.sub("", title))
    if spoken:  # 在全县经济工作会议上的讲话: a meeting of the whole county, its leader speaking (全市 may be a county's)
        return _LEVEL_BY_CHAR[spoken.group(1)]
    minutes = _LEVEL_BODY_MINUTES.match(_LEADING_YEAR.sub("", title))
    if minutes:  # 县委常委会会议纪要, 镇党委会议纪要: the minutes of a meeting of a body its level names
        return _LEVEL_BY_CHAR[minutes.group(1)]
    m = _BARE_SUBJECT.search(opening[:300])
    if m:
        return _LEVEL_BY_CHAR[m.group(1)]
    lead = NEWS_DATELINE.sub("", opening[:300], count=1)
    leader = _LEADER_SUBJECT.search(lead)
    posts = _LEADER_POST.findall(leader.group("posts")) if leader else []
    goes_to = _LEADER_GOES_TO.match(lead, leader.end()) if posts and leader else None
    if goes_to and not _NOT_A_TOWN.search(goes_to.group("place")):
        return "乡"  # 县委常委、纪委书记刘建民深入南湖洲镇督查…: the visit is the town's news
    if posts:
        return _LEVEL_BY_CHAR[posts[-1]]
    ours = {_LEVEL_BY_CHAR[c] for c in _OUR_AREA.findall(_QUOTED.sub("", text))}
    if len(ours) == 1:
        return ours.pop()
    unquoted = _QUOTED.sub("", text)
    whole = Counter(_LEVEL_BY_CHAR[c] for c in _WHOLE_AREA.findall(unquoted) if c != "区" or "自治区" not in text)
    own = _OWN_LEVEL_BODY.findall(_LED_BY.sub("", unquoted))
    bodies = Counter(_LEVEL_BY_CHAR[c] for c in own if c != "区" or "自治区" not in text)
    (top, n), *rest = (whole + bodies).most_common(2) + [(None, 0)]
    # (bodies called 省委 or 市纪委 do not make a text the province's or the city's: a higher one's group visits a county,
    # and a county-level city calls its own bodies 市…; only 全省/全市 said often do; an area's text calls its zone 区)
    if top and not area and n >= _WHOLE_AREA_MIN and n >= 2 * rest[0][1] and (top in ("县", "乡") or whole[top] >= _WHOLE_AREA_MIN):
        return top
    # 陆良县贯彻落实…, 记者从仁怀市档案馆获悉: a news item naming one county and no town or city is that county's
    # (not 南京市委书记…对建邺区部分行政单位进行了暗访, a city's, nor 坪坝镇 of a county, a town's; nor a study of a county its
    # subtitle names, ——红安县农村集体经济发展情况调研报告, which no one of the county need have written)
    places = _own_places(opening)
    counties = {p.name for p in places if p.level == LEVEL_COUNTY
                and not opening[opening.rfind("\n", 0, p.start) + 1:].lstrip().startswith(("——", "--"))}
    towns = [m for m in _TOWN_NAMED.finditer(opening) if not _NOT_A_TOWN.search(m.group())]
    # (a province or city named in the name of a document the county applies is the issuer's: 贯彻落实《湖南省…20条措施》)
    # (nor one that only qualifies the county after it: 成都市郫都区委)
    starts = {p.start for p in places if p.level == LEVEL_COUNTY}
    above = [p for p in places if p.level in (LEVEL_CITY, LEVEL_PROVINCE) and p.end not in starts
             and opening.count("《", 0, p.start) <= opening.count("》", 0, p.start)]
    if len(counties) == 1 and not towns and not above:
        return "县"
    return "县" if _own_county_sections(text) else None


# -------------------------------------------------------------------------------------- region


# The archive's writers are the mainland's offices: 台湾 in their text is the other side of their 对台 work (岚台融合,
# 台湾同胞), never where they write from.
_NOT_A_WRITERS_PROVINCE = frozenset({"台湾省"})


def _provinces(places: list[Place]) -> Counter[str]:
    return Counter(p.province for p in places if p.province and p.province not in _NOT_A_WRITERS_PROVINCE)


def _dominant(counts: Counter[str]) -> str | None:
    """The province named at least twice as often as any other one."""
    if not counts:
        return None
    (top, n), *rest = counts.most_common(2) + [("", 0)]
    return top if n >= 2 * rest[0][1] else None


def _region(title: str, org: str | None, stem: str, opening: str, text: str) -> str | None:
    # Short sources name the report's own place: one province decides, two contradict. (Not the places a title
    # goes to to learn from: 关于赴浙江、江苏学习考察…的报告)
    for source in (title, (_local_unit(org) or org) if org else "", stem):
        provinces = _provinces(_own_places(source) if source == title and _LEARNING_TRIP.search(title) else find_places(source))
        if len(provinces) == 1:
            return next(iter(provinces))
        if len(provinces) > 1:
            return None
    zone = _zones_province(f"{title}\n{org or ''}")  # 江阴高新区管委会办公室关于…: the writer's own zone
    if zone:
        return zone
    # The opening may name other places too (a superior's notice, a study trip): the province
    # named most, if clearly so; then the provincial platforms used anywhere in the text.
    # then a county news outlet that reports it (蕲春广播电视台记者…), then the provincial platforms
    places = _own_places(opening)
    return (_dominant(_provinces(places)) or _counties_province(places) or _dominant(Counter(find_outlets(opening)))
            or _served_province(opening) or _dominant(Counter(find_platforms(text))) or _zones_province(opening)
            or city_paper_province(text))  # (…参加会议。(丁洁、王春宇)太原日报: the city paper that credits it)


# …为建设生态天全作出贡献, 为麻城“建成中心”营造良好环境: the place the text's work is for, named by its bare stem, which the
# place table does not read alone (a county's only when no other unit has the stem: county_stem_province)
_SERVED_STEM = re.compile(
    r"为(?:建设|推进|推动|促进|助推|服务|打造)?(?:美丽|生态|幸福|平安|和谐|文明|健康|法治|绿色|宜居|活力|富裕|富强|智慧|魅力)?"
    rf"(?=[{_HAN}]{{2,3}}(?:[“\"]|[^，,。；;\n]{{0,30}}?(?:作出|做出|贡献|奠定|营造|保驾护航)))")
# what a place's name stands before: its work (江阴建设, 天全作出贡献), a quoted aim (麻城“建成中心”) — not the rest of a
# phrase the stem opens (富民强县, 共和国, 延长产业链条, 安定团结)
_SERVED_STEM_AFTER = re.compile(r"[“\"]|的?(?:建设|发展|振兴|崛起|跨越|高质量|经济|人民|作出|做出|贡献|奠定|营造|保驾护航)")


def _served_stems(text: str) -> set[str]:
    found = set()
    for m in _SERVED_STEM.finditer(text):
        # (张家港 before 张家; not a stem its level word follows, 为怀远县…: a place the table reads, with the others)
        stems = (text[m.end() : m.end() + n] for n in (3, 2)
                 if text[m.end() + n : m.end() + n + 1] not in _LEVEL_CHARS and _SERVED_STEM_AFTER.match(text, m.end() + n))
        stem = next((stem for stem in stems if county_stem_province(stem)), None)
        if stem:
            found.add(stem)
    return found


def _served_province(opening: str) -> str | None:
    provinces = {county_stem_province(stem) for stem in _served_stems(opening)}
    return provinces.pop() if len(provinces) == 1 else None


# A zone named after its city or county by the bare stem (达州经开区, 南通高新区, 江阴高新区, 晋江综合实验区), which the
# place table does not read alone: a county's only when no other unit has the stem (not 东山: 东山县, 东山区)
_ZONE_OF_PLACE = re.compile(
    rf"([{_HAN}]{{2,3}}?)(?:经开区|经济技术开发区|经济开发区|高新区|高新技术产业开发区|开发区|综合实验区|综合试验区)")


def _zones_province(opening: str) -> str | None:
    provinces = set()
    for m in _ZONE_OF_PLACE.finditer(opening):
        city = find_places(m.group(1) + "市")
        if city and city[0].start == 0 and city[0].end == len(m.group(1)) + 1 and city[0].level == LEVEL_CITY:
            province = city[0].province
        else:
            province = county_stem_province(m.group(1))
        if province:
            provinces.add(province)
    return provinces.pop() if len(provinces) == 1 else None


# A place the writer learns from or goes to on a study trip (学习借鉴了湄潭县…的经验做法, 赴浙江省安吉县考察学习,
# 学习东明县电商发展的先进经验) is another's: not where the report is from.
_LEARNS_FROM = re.compile(r"(?:学习|借鉴|取经)了?$|赴[^，。；、\n]{0,6}$")
_ITS_EXPERIENCE = re.compile(r"^[^，。；\n]{0,12}?的(?:先进|成功|典型|好的)?(?:经验|做法)")


_LEARNING_TRIP = re.compile(r"学习|考察|取经|借鉴")
# …or one it goes to, to learn (组织骨干到株洲、衡阳等地学习先进经验)
_GOES_TO = re.compile(r"(?:到|前往|去)$")
_TO_LEARN = re.compile(r"[^，。；\n]{0,12}?(?:学习|考察|取经|参观)")


def _own_places(text: str) -> list[Place]:
    """The places `text` names but those it learns from or goes to, with those listed after them (赴浙江省安吉县、长兴县)."""
    own: list[Place] = []
    previous: Place | None = None
    for place in find_places(text):
        listed = previous is not None and previous not in own and text[previous.end : place.start] in ("、", "和", "及", "与")
        goes_to_learn = _GOES_TO.search(text, max(0, place.start - 2), place.start) and _TO_LEARN.match(text, place.end)
        if not (listed or goes_to_learn or _LEARNS_FROM.search(text, max(0, place.start - 8), place.start)
                or _ITS_EXPERIENCE.match(text[place.end: place.end + 24])):
            own.append(place)
        previous = place
    return own


def _counties_province(places: list[Place]) -> str | None:
    """The province of the counties an opening names, when they are all in one (…为怀远县汛期…报送, beside
    浙江、江西、河北、广东、四川5省 whose 应急管理厅 spoke at a training): a report names its own county, while
    provinces named bare are others (one-character counties such as 和县 are left out: 和 is a word too)."""
    counties = {p.province for p in places if p.level == LEVEL_COUNTY and p.province and p.end - p.start > 2}
    return counties.pop() if len(counties) == 1 else None


# ------------------------------------------------------------------------------------ doc_type

# Type words, most specific first: the first one that ends the title wins, so the outermost
# type counts (关于印发《…办法》的通知 is a 通知). "在…上的报告" is a speech, not a 汇报.
_TYPE_AT_END = tuple(
    (doc_type, re.compile(f"(?:{words})$"))
    for doc_type, words in (
        ("政府工作报告", r"政府工作报告"),
        ("讲话", r"在\S{2,40}?上的(?:交流|研讨|表态|典型|书面|主旨)?(?:讲话|发言|致辞|报告)|讲话|致辞"),
        ("调研报告", r"调研报告|调查(?:总)?报告|调研|(?:调查|调研)与(?:思考|研究|对策)|情况调查"),
        # a 述职报告 sums up its writer's year of work (关于2022年度述职述廉情况的报告 too)
        ("工作总结", r"总结|述职(?:述廉|述责)*(?:情况的?)?报告|述责述廉报告"),
        ("情况汇报", r"汇报|报告|汇报(?:材料|提纲)"),
        ("纪要", r"纪要"),
        ("工作计划", r"计划|要点|工作打算|工作思路|工作安排"),
        ("请示", r"请示"),
        ("通知", r"通知"),
        # 督查通报, 信息通报: how offices tell others what was found; not a news item's 对…发出通报, nor one on a
        # 通报 received (我县政务信息工作获市级通报表扬)
        ("通报", r"^(?!.*(?:获|受到|被)[^，。的]{0,10}通报(?:表扬|批评)?$).*(?<!发出|予以|进行|作出)通报(?:表扬|批评)?"),  # 关于对…的通报表扬
        ("方案", r"方案|预案"),
        ("办法", r"办法"),
        ("意见", r"意见"),
        ("决议", r"决议"),
    )
)
# The kinds of 公文 (GB/T 9704) that are none of the table's: their title says so (其他), not their opening
_OTHER_KINDS = re.compile(r"(?:决定|函|批复|公告|通告|命令|议案|公报)$")
# Brackets and marks after the type word do not change it: …办法（试行）, …调查报告（2017年）.
_TAIL_MARKS = "。.：: \t\u3000"
_CLOSERS, _OPENERS = "）)】]", "（(【["
_OPENING_TYPES = (
    ("政府工作报告", re.compile(r"我代表[^，,。]{0,20}(?:国务院|政府)[，,]?\s*向大会(?:报告|作)")),
    ("讲话", re.compile(r"^同志们[：:]|(?:^|\n)——\s*在\S{2,40}?上的(?:讲话|报告|发言)", re.M)),
    # a unit's report to the leaders who inspect it, spoken (尊敬的督查组各位领导： / 下面，我将…作简要汇报)
    ("情况汇报", re.compile(r"^\s*尊敬的[^\n]{0,30}[：:]\s*\n[^\n]{0,120}?[作做][^，。\n]{0,8}?汇报")),
    ("工作总结", re.compile(r"总结如下")),
    ("情况汇报", re.compile(r"(?:汇报|报告)如下")),
    ("通报", re.compile(r"通报如下")),
    ("通知", re.compile(r"通知如下")),  # 现将有关事项通知如下
    ("纪要", re.compile(r"纪要如下")),  # 现将会议议定事项纪要如下
    ("请示", re.compile(r"(?:妥否|当否)[，,]\s*请(?:批示|审批|批复|指示)")),
    ("调研报告", re.compile(r"调研(?:相关)?情况如下|形成了?(?:相关)?调研报告")),
    ("通知", re.compile(r"印发给你们|现将\S{0,60}?印发")),
    ("意见", re.compile(r"提出(?:如下|以下)意见")),
)
# A retrospective opening (今年以来，…) is how a year-end summary starts; weakest signal, and none
# under a headline that names no type (解放区加强督导促重点项目建设提质加速 / 今年以来，… is news).
_RETROSPECTIVE = re.compile(r"^(?:今年以来|一年来|(?:19|20)\d\d\s?年度?[，,])")  # (2023年，县审计局在…领导下)
# …and a summary is set out in parts (一、围绕大局，紧扣中心); a news item that opens so runs its measures in one
# paragraph each (一是狠抓落实…), under no numbered part.
_NUMBERED_PART = re.compile(rf"(?:^|\n)\s*[{_CN_NUMERAL}]{{1,3}}、")


_JOINED_TYPES = re.compile(r"^(.+?)(?:和|及|暨|与)[^和及暨与]{0,20}?(?:计划|打算|思路|安排|要点)$")


# a bulletin of news items (工作简报, 政务信息, 督查专报, 工作动态): its issue is news, one item or several
_NEWS_BULLETIN = re.compile(r"(?:简报|信息|动态|专报|快报|要情|通讯)$")
# a deed done to a document (听取…汇报, 审议通过…决议, 公布…方案, 宣布…决定, 入选…名单, 开展…提醒): the headline of its news
# (not the plan of a deed, 罗田县开展安全生产月活动实施方案, which is that plan)
_DEED_ON_A_DOCUMENT = re.compile(r"(?:听取|审议(?:通过)?|公布|发布|出台|入选|宣布|传达)[^，。《》]{0,30}$|开展[^，。《》]{0,20}提醒$")


def _object_of_a_deed(title: str) -> bool:
    """Whether a title is a news headline on a deed done to the document its last word names (not 关于印发…的通知, which is
    that document: its issuer's 关于 opens its matter)."""
    return bool(title) and "关于" not in title and not title.startswith("在") and bool(_DEED_ON_A_DOCUMENT.search(title))


def _strip_tail(s: str) -> str:
    """Drop trailing marks and bracketed notes: XX办法（试行） → XX办法, and a file's suffix (…工作总结.doc)."""
    s = unspaced(FILE_SUFFIX.sub("", s))  # (工 作 总 结, set out letter by letter)
    while True:
        s = s.rstrip(_TAIL_MARKS)
        opener = max(s.rfind(c) for c in _OPENERS) if s[-1:] in _CLOSERS else -1
        if opener < 0:
            return s
        s = s[:opener]


def _type_at_end(s: str) -> str | None:
    s = _strip_tail(s)
    if s.startswith("《") and s.endswith("》"):  # 《2023年工作总结》: the title set in book marks
        s = s[1:-1]
    return next((doc_type for doc_type, pattern in _TYPE_AT_END if pattern.search(s)), None)


def _doc_type(title: str, stem: str, opening: str, subtitle: str = "", masthead: str = "", headline: str = "") -> str:
    # a motto's title names no type; its subtitle does (攻坚克难 砥砺前行 / ——…2023年工作总结)
    # a headline whose type word is what a unit's deed was done to (县长听取县教育局工作汇报, 我县一村入选…名单) names no type
    title = "" if _object_of_a_deed(title) else title
    joined = _JOINED_TYPES.search(title) if title else None
    # 2023年工作总结和2024年工作计划: the report is the summary (a plan's title alone, 2024年工作要点, is a plan)
    found = _type_at_end(joined.group(1)) if joined else None
    found = found or (_type_at_end(title) if title else None) or (_type_at_end(subtitle) if subtitle else None)
    # an issue without a title of its own is of the kind its masthead names (专题会议纪要 / 〔2023〕第15期, 督查通报)
    found = found or (_type_at_end(masthead) if masthead else None)
    if not found and title and _OTHER_KINDS.search(_strip_tail(title)):
        return "其他"  # 关于表彰…的决定 (…现将有关事项通知如下): a kind of 公文 the table has not, whatever its opening says
    # A file name may join several fields (2026_上海市_政府工作报告, 赤峰市调研报告__UTF16LE…).
    for part in reversed(re.split(r"[_\s]+", stem)) if not found else ():
        found = None if _object_of_a_deed(part) else _type_at_end(part)
        if found:
            break
    if not found:
        found = next((t for t, pattern in _OPENING_TYPES if pattern.search(opening)), None)
    if not found and not title and _RETROSPECTIVE.search(opening) and _NUMBERED_PART.search(opening):
        found = "工作总结"
    if not found and (_NEWS_BULLETIN.search(masthead) or _news_item(headline, opening)):
        found = NEWS_ITEM
    return found or "其他"


# 工作动态: a news item of a unit's work, what its 信息报送 writes up and a website's 工作动态 column posts: its first
# sentence tells of a deed on a day (5月28日，…召开; 近日，…; 本报讯（记者…）3月27日下午，…; 为…，…，7月24日，县政府办组织…), or
# its headline tells of one (新渡镇持续加强宣传力量, 县委召开…会议). A 公文's lead names its addressees; a rule's day is the
# one it takes effect from (自2023年5月1日起施行).
_DEED_DAY = re.compile(
    r"(?<![\d年月])(?:(?:19|20)\d\d\s?年\s?)?(?:\d{1,2}\s?月\s?)?\d{1,2}\s?(?:[日号]|至\s?\d{1,2}\s?日|[—－\-~～]\s?\d{1,2}\s?日)"
    r"(?!\s?(?:起|开始|前|之前|以前))"
    r"|(?<![\d年])\d{1,2}\s?月\s?(?:上旬|中旬|下旬|初|底)(?!\s?前)|近日|日前|连日来|近期|近段时间|今天|今日|昨天|昨日"
)
_LEAD_CHARS = 200  # how far into its lead a news item tells its day (past a long purpose clause, a scene)
_RULE_ARTICLE = re.compile(r"第[一二三四五六七八九十百\d]+条")
_CITED_NAMES = re.compile(r"《[^》]*》|〔[^〕]*〕")  # (a document's name or number: its days are not the deed's)
# a document's formula in a lead (现将主要内容解读如下：, 特此公告): what it goes on to say is the document, not news of it
_DOCUMENT_FORMULA = re.compile(r"(?:解读|说明|答复|公告|公示|提醒|规定|告知)如下|特此(?:公告|公示|通告)")
# (an official's signed article: 罗田县委书记　张三 under its title; a reporter's byline, 记者 王某, is news)
_BYLINE_LINES = 3
# a Q&A's or an interview's turns (问：…, 答：…, 记者：…): no news of a deed, whatever it speaks of
_INTERVIEW_LINE = re.compile(r"^\s*(?:问|答|记者)[：:]", re.MULTILINE)
# a news writer's words: who reported it, and what they learnt (记者, 通讯员, 据了解, 据悉)
_NEWS_WORDS = re.compile(r"记者|通讯员|据了解|据悉")
_DEED_VERB = re.compile(r"加强|推进|推动|强化|落实|抓(?:好|实|牢|细)|做(?:好|实|到)|提升|提高|促进|助力|深化|完善|创新|打造|筑牢|聚焦"
                        r"|多措并举|扎实|全力|持续|积极|着力|狠抓|压实|督(?:查|导|办|察|促)?|检查|调研|视察|考察|巡察|慰问|走访|约谈"
                        r"|交办|曝光|查处|整治|治理|成立|进驻|聘(?:任|请)?|选聘|采取|实行|推行|推出|实施|宣讲|建立|重视|名列|荣获|获评|被评为|入选"
                        r"|赴|深入|暗访|明察")
# what names a document, not a deed (…工作制度, …职责, …预案, 关于…的公示)
_DOCUMENT_NAME = re.compile(r"(?:制度|职责|规定|规则|细则|守则|条例|预案|办法|简介|问答|须知|指南|手册|解读|提醒|倡议书|承诺书|公示"
                            r"|提示|名单|清单|一览表|答复|复函)$|^关于")
# who does the deed besides those a clause opens with (titles.opens_with_subject: a town, a body by its level, a place): a
# group sent to do it (督查组)
_GROUP_SUBJECT = re.compile(r"[^，,。；]{0,12}?(?:督查组|督导组|巡察组|检查组|暗访组|考核组|调研组)")
_LEAD_CLAUSES = 6  # the clauses of a first sentence in which its subject is looked for
_DEED_CLAUSES = 3  # …and those from the subject's on in which its deed is


def _news_item(title: str, opening: str) -> bool:
    """Whether a text of no other type reads as a news item (above)."""
    lead = next((line.strip() for line in opening.split("\n")
                 if len(line.strip()) > _DATE_LINE_MAX_CHARS or line.rstrip().endswith(("。", "！", "？"))), "")
    if (not lead or is_addressee_line(opening.lstrip().split("\n", 1)[0]) or _RULE_ARTICLE.match(lead)
            or _DOCUMENT_NAME.search(_strip_tail(title)) and not _object_of_a_deed(title)
            or _DOCUMENT_FORMULA.search(lead[:_LEAD_CHARS]) or _INTERVIEW_LINE.search(opening)
            or any(POST_BYLINE.match(line.strip()) for line in opening.split("\n", _BYLINE_LINES)[:_BYLINE_LINES])):
        return False
    told = _DEED_DAY.search(_CITED_NAMES.sub("", lead[:_LEAD_CHARS]))
    if told or NEWS_DATELINE.match(lead) or _NEWS_WORDS.search(lead[:_LEAD_CHARS]) or _headline_of_a_deed(title):
        return True
    at = 0
    while scene := SCENE.match(lead, at):  # (“你们对…是怎么整改的？”成都市郫都区委第一督查组在督查…: past the scene it opens with)
        at = scene.end()
    return _unit_did(lead[at:])


def _unit_did(lead: str) -> bool:
    """A lead whose first sentence, past the time and purpose it opens with (今年以来，…; 为…，…，), has a unit doing a deed
    in a clause: 城关镇狠抓作风建设…, 今年以来，高店乡采取有效措施…, 督查组先后督查了… — a news item's third person, not
    the 我县 of a report."""
    sentence = re.split(r"[。；！？]", lead, maxsplit=1)[0]
    clauses = re.split(r"[，,]", sentence)[:_LEAD_CLAUSES]
    for k, clause in enumerate(clauses):
        if opens_with_subject(clause) or _starts_with_place(clause) or _GROUP_SUBJECT.match(clause):
            deed = "，".join(clauses[k: k + _DEED_CLAUSES])  # (何寨街办以…为出发点，建立健全…: its deed in the clause after)
            return bool(_EVENT_VERB.search(deed) or _DEED_VERB.search(deed))
    return False


def _headline_of_a_deed(title: str) -> bool:
    """A news headline that tells what a unit did or does (新渡镇持续加强宣传力量, 县委召开…会议), not a document's name."""
    bare = _strip_tail(title)
    return (bool(bare) and (not DOC_TYPE_WORDS.search(bare) and not _DOCUMENT_NAME.search(bare) or _object_of_a_deed(bare))
            and bool(_EVENT_VERB.search(bare) or _DEED_VERB.search(bare)))


# -------------------------------------------------------------------------------- secret_level

# A 公文's marking is a line of its 版头 (gongwen), which stands above the title or right under it.
_MARKING_LINES = HEADER_MAX_LINES + 1


def _secret_level(text: str) -> str | None:
    for number, line in enumerate(text.split("\n", _MARKING_LINES)[:_MARKING_LINES]):
        m = MARKING.match(line)
        if m and len(line.strip()) <= MARKING_MAX_CHARS:
            return m.group(1) or m.group(2)
        if number > 0 and not is_header_line(line):  # the first line may be the title
            return None
    return None


# ------------------------------------------------------------------------------- size, redactions

# Placeholders that stand for withheld names and numbers: each run is one mark. A run of * or
# ＊ (**, *), of x/X/ｘ/Ｘ (xx市, XX县) not part of a Latin word, and of × (××县, ×月×日) unless
# it sits next to a digit as a multiplication sign (3×4, 3 × 4). A single × must stand before a
# Chinese character: "数据要素×" (a campaign name, like 人工智能+) and a web page's close button
# are not placeholders. The runs are found by one fast pattern and judged by their neighbours.
_MARK_RUN = re.compile(r"[*＊]+|[xXｘＸ]{2,}|×+")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_DIGIT = re.compile(r"[\d０-９]")


def _count_redactions(text: str) -> int:
    count = 0
    for m in _MARK_RUN.finditer(text):
        run = m.group()
        before, after = text[max(0, m.start() - 2) : m.start()], text[m.end() : m.end() + 2]
        if run[0] in "xXｘＸ":
            if _LATIN.match(before[-1:]) or _LATIN.match(after[:1]):
                continue
        elif run[0] == "×":
            # 3×4 and 3 × 4 are multiplications
            if _DIGIT.match(before.rstrip(" ")[-1:]) or _DIGIT.match(after.lstrip(" ")[:1]):
                continue
            if len(run) == 1 and not re.match(f"[{_HAN}]", after[:1]):
                continue
        count += 1
    return count


def _file_stem(source_name: str) -> str:
    """The file name as evidence: titles.file_stem without the ellipsis of a shortened name."""
    return file_stem(source_name).replace("...", "").replace("…", "")
