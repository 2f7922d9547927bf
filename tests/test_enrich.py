"""Tests of baogao.enrich (report metadata) and baogao.places (place names → province).

Three groups: rule-by-rule vectors written by hand (each with a negative), the five seed
reports with values checked by reading them, and the real-report corpus in ../shared/corpus.
Reports are built here with a crude parser of our own, so these tests do not depend on the
pipeline's parse stage.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baogao.enrich import enrich
from baogao.schema import DOC_TYPES, FIELD_BY_NAME, LEVELS
from baogao.model import Block, ParsedReport
from baogao.parse import parse
from baogao.places import city_paper_province, find_outlets, find_places, find_platforms

REPORTS = Path(__file__).resolve().parents[1] / "reports"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
NO_CORPUS = (
    "../shared/corpus not found: the real-report corpus is only present in the development workspace"
)
HASH_NAME = "000_0123456789abcdef.txt"
KEYS = {"year", "year_source", "year_min", "date", "org", "level", "region", "doc_type", "secret_level", "chars", "redactions"}


def make(title: str = "", *lines: str, title_in_text: bool = True) -> ParsedReport:
    """A report with `title` and one paragraph per line."""
    blocks = tuple(Block("paragraph", line) for line in lines)
    return ParsedReport(title, False, bool(title) and title_in_text, blocks)


def meta(title: str = "", *lines: str, name: str = HASH_NAME) -> dict:
    return enrich(make(title, *lines), name)


# ------------------------------------------------------------------------------------ the API


def test_api_constants():
    assert DOC_TYPES == ("工作总结", "工作计划", "情况汇报", "调研报告", "政府工作报告", "讲话", "纪要", "通知", "通报", "方案", "办法",
                         "意见", "请示", "决议", "工作动态", "其他")
    assert LEVELS == ("中央", "省", "市", "县", "乡")


def test_empty_report_gives_nothing_but_defaults():
    assert meta() == {
        "year": None,
        "date": None,
        "year_source": None,
        "year_min": None,
        "org": None,
        "level": None,
        "region": None,
        "doc_type": "其他",
        "secret_level": None,
        "chars": 0,
        "redactions": 0,
    }


def test_inferred_title_is_not_evidence():
    inferred = ParsedReport("2023年县政府办公室工作总结", True, False, (Block("paragraph", "正文。"),))
    result = enrich(inferred, HASH_NAME)
    assert (result["year"], result["org"], result["doc_type"]) == (None, None, "其他")


# ---------------------------------------------------------------------------------------- year


@pytest.mark.parametrize(
    ("title", "name", "expected"),
    [
        ("2023年度行政审批服务局办公室工作总结", HASH_NAME, (2023, "title")),
        ("第八次中国职工状况调查报告（2017年）", HASH_NAME, (2017, "title")),
        ("二〇二一年上半年工作总结", HASH_NAME, (2021, "title")),
        ("２０２２年工作总结", HASH_NAME, (2022, "title")),
        # a file name: with 年 or a bare year between separators
        ("政府工作报告", "2026_上海市_政府工作报告.txt", (2026, "filename")),
        ("", "第一次中国职工状况调查报告（1982年）.txt", (1982, "filename")),
        # a day in eight figures, as offices name their files
        ("工作总结", "20231220办公室总结(定稿).txt", (2023, "filename")),
        ("工作总结", "20231340办公室总结.txt", (None, None)),  # no such day
        # a hex hash has no year in it, nor does a legal-database id
        ("工作总结", "000_90a8bdb48d7b146b.txt", (None, None)),
        ("工作总结", "办法(FBM-CLI.12.2019123).txt", (None, None)),
        # a plan period is not a year: on to the text (none here)
        ("行动计划（2021—2023年）", HASH_NAME, (None, None)),
        ("十四五规划", HASH_NAME, (None, None)),
        # …nor is a year aimed at (到2025年), in a title or a file name; a year things stand as of is (截至2023年底)
        ("关于到2025年基本建成数字政府的实施意见", HASH_NAME, (None, None)),
        ("关于确保2025年目标任务如期完成的通知", HASH_NAME, (None, None)),  # …or one to be reached
        ("关于力争2026年实现县域经济争先进位的意见", HASH_NAME, (None, None)),
        ("关于确保完成2025年度安全生产目标任务的通知", HASH_NAME, (None, None)),
        ("平江县争创2025年度全省县域经济高质量发展先进县工作方案", HASH_NAME, (None, None)),
        ("关于做好迎接2025年省级督查工作的通知", HASH_NAME, (None, None)),  # an event ahead
        ("关于2020年以来脱贫攻坚成果巩固情况的报告", HASH_NAME, (None, None)),  # the year a span of work starts from
        ("县数字政府建设行动计划", "到2025年规划.txt", (None, None)),
        ("截至2023年底全县政务信息化建设情况的报告", HASH_NAME, (2023, "title")),
        ("截至到2023年底全县政务信息化建设情况的报告", HASH_NAME, (2023, "title")),
        # a year's whole work told of (通报) in a title: when, the title does not say
        ("市委督查室通报2022年度督查工作", HASH_NAME, (None, None)),
        ("关于通报2022年度全县目标考核结果的通知", HASH_NAME, (None, None)),
        # …but a part of the year that ends before it does is told within it
        ("关于通报2023年度第一季度督查工作情况的通知", HASH_NAME, (2023, "title")),
        ("通报2021年度上半年政务信息采用情况", HASH_NAME, (2021, "title")),
        ("通报2022年度第四季度督查工作", HASH_NAME, (None, None)),
    ],
)
def test_year_from_title_then_file_name(title, name, expected):
    result = meta(title, "正文。", name=name)
    assert (result["year"], result["year_source"]) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # a date line at the top decides, even against more mentions of another year
        (["（2018年1月2日）", "2017年成绩显著，2017年粮食增产，2017年农民增收。"], 2018),
        (["——2026年1月26日在广东省第十四届人民代表大会第五次会议上", "各位代表："], 2026),
        (["（２０２２年３月１日）", "正文。"], 2022),
        # a signature's date at the end
        (["正文。", "xx县人民政府办公室", "2023年12月20日"], 2023),
        # the document number of a 公文
        (["（皖政办秘〔2021〕82号）", "各市人民政府："], 2021),
        # …in any bracket it is typed with, its number with or without 第
        (["罗财发（2021）12号", "各乡镇人民政府："], 2021),
        (["罗财发【2021】12号", "各乡镇人民政府："], 2021),
        (["罗财发〔2021〕第12号", "各乡镇人民政府："], 2021),
        # a phrase that names the report's own year
        (["现将2023年工作总结如下。"], 2023),
        (["二〇二三年工作总结报告如下。"], 2023),
        (["开展2019年度社会保险主题调研。"], 2019),
        (["2019年，市总工会通过座谈和问卷，形成了相关调研报告。"], 2019),
        (["下面，我就我镇2023年上半年安全生产工作开展情况汇报如下："], 2023),  # the period whose work it reports
        (["现将落实2022年度巡察反馈意见工作情况汇报如下："], None),  # a year's findings, set right later
        (["现将2022年以来我县政务公开工作开展情况汇报如下："], None),  # a span of work since a year
        (["现将2022年以来我县政务公开工作汇报如下："], None),
        (["现将2023年度以来我县政务公开工作情况汇报如下："], None),
        (["现将2022年度预算执行工作情况报告如下："], None),  # a year's budget, told the next
        # a meeting that sums up one year and plans the next is held in the next, unless dated at the year's end
        (["3月5日，县统计局召开全县统计工作会议，会议总结了2020年统计工作，对2021年统计工作进行了安排部署。"], 2021),
        (["1月8日，镇党政办召开信息工作会议，总结回顾2020年度信息工作，安排部署2021年相关工作。"], 2021),
        (["12月28日，县委召开经济工作会议，总结2020年工作，部署2021年任务。"], None),
        (["县长在会上总结了2018年的工作，对2020年的工作提出了要求。"], None),  # not the next year
        # the progress of a year's projects is checked in that year
        (["近日，县发改局对2022年民生实事项目推进情况进行了实地督查，县政府督查室参加。"], 2022),
        (["根据2022年重点项目推进情况通报的要求，各单位要加快整改，县政府督查室将跟踪问效。"], None),  # cited
        # (…or a year's indicators pushed on by a check, 督查推进: not a check of how far they were met, after the year)
        (["为坚决打赢攻坚战，三原由县考核办牵头成立三个督战队对2020年度市级考核指标、脱贫攻坚及全县近期重点工作进行督查推进，确保各项任务完成。"],
         2020),
        (["近日，县考核办对2020年度市级考核指标完成情况进行督查推进，确保各项任务完成。"], None),
        # a web copy's source line at the end
        (["全市纪检监察信息工作取得新进展，受到了上级的肯定和好评。(来源:某某日报 张三2011年2月25日)"], 2011),
        (["会议要求，各单位要切实提高信息报送质量。", "（来源：县政府办公室　2023-03-11）"], 2023),  # (its day in figures)
        # years merely mentioned are reviews, history or targets: not the report's year
        (["2022年，我局完成了各项任务。2022年底前完成验收，2021年打下了基础。"], None),
        (["本届政府从1 9 9 3 年3 月就职。"], None),
        (["２００１年国内生产总值达到９５９３３亿元。"], None),
        (["自2019年1月1日起，社会保险费由税务部门统一征收，各地陆续完成了划转工作。"], None),
        (["到2035年基本实现现代化，2030年前碳达峰，2035年远景目标。"], None),
        (["编制2021—2023年行动计划，2019年至2021年的数据。"], None),
        # counts and implausible years
        (["全年收文2023份，发文1203件。"], None),
        (["1900年以前的资料和2099年的规划。"], None),
        (["“十四五”时期的主要目标任务。"], None),
    ],
)
def test_year_from_text(lines, expected):
    result = meta("", *lines)
    assert result["year"] == expected
    assert result["year_source"] == ("text" if expected else None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("特别是党的二十大召开后，组织专题辅导讲座。", 2022),
        ("深入学习贯彻党的二十大和党的二十届一中全会精神。", 2022),
        # a document the text applies came out in the year it is dated with (not one to come, nor a year in its name)
        # a year's assessment told as done was made after the year (not one still to make)
        ("在全市2023年度政务信息工作考核中，我县位列全市第二。", 2024),
        ("2023年主题教育开展以来，支部组织集中学习16次。", 2023),  # since an event's year
        ("2023年度以来，支部组织集中学习16次。", 2023),
        ("《规划和2025年远景目标纲要》实施以来，全县经济稳步增长。", None),
        ("要认真做好2023年度政务信息工作考核。", None),
        ("根据2021年省委办公厅《关于进一步精简文件会议的通知》要求，办公室精简文件会议。", 2021),
        ("按照省委办公厅2021年印发的《关于进一步精简文件会议的通知》要求，精简文件会议。", 2021),
        ("根据《2025年数字政府建设规划》要求，推进数字政府建设。", None),
        ("省里将于2025年出台《数字政府条例》，各部门做好准备。", None),
        ("培训围绕2012年出台的《党政机关公文格式》国家标准进行了讲解。", 2012),
        ("省里将于2025年出台的《数字政府条例》，各部门要做好准备。", None),
        ("贯彻党的十九大、十九届历次全会精神。", 2018),  # 历次: at least the second plenum
        ("党的十八届三中全会以来。", 2013),
        ("学习十九届六中全会精神。", 2021),
        ("全面贯彻党的二十大和二十届二中、三中全会精神。", 2024),  # 三中全会 was held in 2024
        ("第十四届全国人民代表大会第一次会议听取了报告。", 2023),
        ("十三届全国人大四次会议上。", 2021),
        ("深入贯彻落实中国工会第十七次全国代表大会精神。", 2018),
        ("以党史学习教育为契机。", 2021),
        ("扎实开展扫黑除恶专项斗争。", 2018),
        ("围绕全镇脱贫攻坚、文明创建等中心工作。", 2013),
        ("巩固拓展脱贫攻坚成果。", 2020),
        ("深入推进“五水共治”。", 2013),
        ("荣县治理“四风”问题从会风抓起。", 2013),
        ("召开整治形式主义为基层减负专项工作机制会议。", 2019),
        ("深刻领悟“两个确立”的决定性意义。", 2021),
        ("开展安全生产专项整治三年行动专项督查。", 2020),
        ("确保新中国成立70周年期间社会稳定。", 2019),
        ("推进供给侧结构性改革。", 2015),
        ("做好全国第二次地名普查工作。", 2014),
        ("常态化开展疫情防控监督工作。", 2020),
        ("做好生猪疫情防控工作。", None),  # 疫情防控 alone is older (非洲猪瘟, H1N1)
        ("严格落实中央八项规定精神。", 2012),
        ("清理办公用房是开展党的群众路线教育实践活动的载体。", 2013),
        ("深入开展“两学一做”学习教育。", 2016),
        ("新冠肺炎疫情防控常态化。", 2020),
        ("截至2019年10月，全市参保人数稳步增长。", 2019),  # figures as of a date
        ("截至2025年，全市建成5G基站1万个。", None),  # no month: may be a plan's target
        ("截至2018年12月底，已拖欠职工社会保险费。", 2019),  # as of a year's end: compiled after it
        ("截至2020年底，全市参保人数稳步增长。", 2021),
        ("截至2018年12月，全市参保人数稳步增长。", 2018),
        ("2019年6月，市人社局对企业欠缴的保险费进行核定。", 2019),  # a dated event, told as past
        ("2024年3月，将召开全市推进会。", None),  # planned, not past
        # after a purpose clause: the deed it was for
        ("为深入了解基层减负工作落实情况，2022年9月，县委办公室组成调研组开展专题调研。", 2022),
        ("为做好迎检工作，2024年3月，将召开全市推进会。", None),
        ("2024年6月，要完成全部整改。", None),
        # a body's deed on a day it names, told as done (…于2023年3月15日至5月12日对…开展了巡察), not one to come
        ("县委第三巡察组于2023年3月15日至5月12日对县政府办公室党组开展了常规巡察。", 2023),
        ("全县已于2022年底完成改造。", 2022),
        ("县委巡察组将于2024年3月对各单位开展巡察。", None),
        ("请于2024年3月5日前报送材料。", None),
        # deadlines and aims of a plan are no deeds done
        ("力争于2025年底前全面完成改造。", None),
        ("各乡镇要于2025年3月底前完成摸底。", None),
        ("计划于2025年完成。", None),
        ("预计于2026年完工，完成投资5亿元。", None),
        ("自2012年以来，市总工会连续10年组织评选。", 2021),  # the tenth year of the run
        ("2015年以来，连续三年开展送温暖活动。", 2017),
        # a span of years told as past reaches its last; not a plan's span
        ("9月26日,工作组对2021年—2023年间跳磴河流域交办事项整改情况进行“回头看”。", 2023),
        ("2021—2025年间将新建水厂3座。", None),
        ("近日,县水利局召开会议,部署2023年至2025年间水利项目建设任务。", None),
        ("《2021—2025年发展规划》明确了目标。", None),
        ("对2021年—2025年间的目标进行部署。", None),
        ("十四五期间（2021年至2025年间），全县规划建设水厂3座。", None),
        # a year's total, told as done; not a plan's
        ("2023年共办理“互联网+督查”平台交办事项122件。", 2023),
        ("据了解，2009年，县政协通过筛选整理编辑19期，共收集社情民意165条。", 2009),
        ("2025年，我局将共完成改造100户。", None),
        ("2025年计划共完成改造100户。", None),
        # (an aim or a deadline before the year, a target or a duty before or after 共)
        ("力争2025年共办理各类信息200条。", None),
        ("预计2025年全年共办理建议提案120件。", None),
        ("到2025年底前共完成整改问题30个。", None),
        ("2025年目标共完成信息报送300条。", None),
        ("2025年各乡镇应共完成信息报送300条。", None),
        ("2025年，全县共需完成信息报送300条。", None),
        ("2023年前三季度共办理督办件45件。", 2023),
        # (先后 and 累计 count what was done as 共 does; not a plan's)
        ("2021年春节期间，先后2次对四个片区管理局开展公车督查，未发现异常情况。", 2021),
        ("2023年，累计开展明察暗访12次。", 2023),
        ("2025年，将先后3次开展专项督查。", None),
        # (a year reached by 到 is a deadline, a plan's total: 到2026年，累计建成…; 截止到 a year is the figures' day)
        ("按照全县统一部署，到2026年，全县累计建成便民服务站30个。", None),
        ("到2026年底，全县共培训窗口人员500人。", None),
        ("截止到2023年，全县累计建成便民服务站30个。", 2023),
        ("2024年春节期间，严格执行24小时值班制度。", None),
        ("近日,县督查室通报了督查工作情况。2022年共督办各类事项86件,办结率100%。", 2022),
        # campaigns, platforms and bodies that began in a known year
        ("把碳达峰碳中和纳入督查重点。", 2020),
        ("组织干部通过学习强国平台学习。", 2019),
        ("开展“不忘初心、牢记使命”主题教育。", 2019),
        ("依托新时代文明实践站开展志愿服务。", 2018),
        ("会同区消防救援大队开展检查。", 2018),
        ("县乡村振兴局牵头开展督导。", 2021),
        ("增强“四个意识”、坚定“四个自信”、做到“两个维护”。", 2018),
        # a forthcoming event is no lower bound
        ("以优异成绩迎接党的二十大胜利召开。", None),
        ("到2022年召开党的二十大时，目标任务完成。", None),
        # congresses outside the table, and words that only look like one
        ("中共八届三中全会通过了纲要。", None),
        ("开展十大专项行动。", None),
    ],
)
def test_events_give_year_min_never_the_year(line, expected):
    result = meta("", line)
    assert (result["year"], result["year_source"], result["year_min"]) == (None, None, expected)


@pytest.mark.parametrize(
    ("title", "lines", "expected"),
    [
        # a news item tells of the days before its page was posted (发布时间：2022-03-08)
        ("红星镇召开作风建设推进会", ["3月7日上午，红星镇召开作风建设推进会，镇党委书记李某出席会议并讲话。"], 2022),
        ("县应急管理局开展汛前安全检查", ["近日，县应急管理局组织人员深入各乡镇开展汛前安全检查，重点检查了水库。"], 2022),
        ("石门乡组织干部学习", ["（通讯员 刘某）3月5日下午，石门乡组织全体机关干部集中学习作风建设有关文件精神。"], 2022),
        ("我县召开信息工作会议", ["本报讯（记者 王某）2月15日，全县信息工作会议召开，县委常委、办公室主任张某出席。"], 2022),
        # (a short first paragraph too, when it ends its sentence)
        ("红星镇召开防汛工作会议", ["3月7日上午，红星镇召开防汛工作会议。", "会议要求，各村要压实责任。"], 2022),
        # a report the page carries is not of the day it was posted (a summary republished years later), nor is a
        # day of a later month (12月28日, posted in March: the year before)
        ("县统计局工作总结", ["今年以来，县统计局在县委、县政府的正确领导下，扎实推进各项统计工作。"], None),
        ("红星镇开展年终安全检查", ["12月28日，红星镇组织开展年终安全生产大检查，重点检查了辖区内企业。"], None),
    ],
)
def test_a_news_item_is_of_the_day_its_page_was_posted(title, lines, expected):
    assert enrich(make(title, *lines), HASH_NAME, {"posted": "2022-03-08"})["year"] == expected


@pytest.mark.parametrize(
    ("posted", "lead", "expected"),
    [
        # 近日 in a page posted early in January may tell of the December before: no year
        ("2024-01-05", "近日，县应急管理局组织人员深入各乡镇开展岁末年初安全检查，重点检查了烟花爆竹经营网点。", None),
        ("2024-01-12", "日前，县政府办公室召开信息工作座谈会，各乡镇、县直各部门信息员参加会议。", None),
        # a day told, or a page posted later in January, dates it
        ("2024-01-05", "1月3日，县政府办公室召开信息工作座谈会，各乡镇、县直各部门信息员参加会议。", 2024),
        ("2024-01-20", "近日，县政府办公室召开信息工作座谈会，各乡镇、县直各部门信息员参加会议。", 2024),
        # (the first half: to the 15th)
        ("2024-01-15", "近日，县政府办公室召开信息工作座谈会，各乡镇、县直各部门信息员参加会议。", None),
        ("2024-01-16", "近日，县政府办公室召开信息工作座谈会，各乡镇、县直各部门信息员参加会议。", 2024),
        # the day 日前 stands for, told in its sentence: December's is the year before's, January's this year's
        ("2024-01-20", "日前，县政府办公室于12月28日召开信息工作座谈会，各乡镇、县直各部门信息员参加会议。", None),
        ("2024-01-05", "日前，县政府办公室于1月3日召开信息工作座谈会，各乡镇、县直各部门信息员参加会议。", 2024),
    ],
)
def test_recent_days_told_early_in_january_may_be_of_the_year_before(posted, lead, expected):
    assert enrich(make("县政府办公室召开信息工作座谈会", lead), HASH_NAME, {"posted": posted})["year"] == expected


@pytest.mark.parametrize(
    ("source", "org"),
    [
        ("宣恩县人社局", "宣恩县人社局"),  # the body itself with its place
        ("湖北省宣恩县人社局", "宣恩县人社局"),
        ("宣恩县政府办公室", "县人社局"),  # another body: a site that reposts is not always the writer
        ("恩施日报", "县人社局"),
        ("恩施州人社局", "县人社局"),  # a place of another level
    ],
)
def test_a_pages_source_completes_a_body_named_by_its_level_word(source, org):
    lines = ("12月5日，县人社局联合县住建局对在建工程项目开展集中检查。", "下一步，县人社局将保持高压态势。")
    assert enrich(make("县人社局开展根治欠薪冬季专项行动", *lines), HASH_NAME, {"source": source})["org"] == org


_ARCHIVE_REPORT = ["今年以来，县档案局扎实推进档案数字化、档案利用等工作。", "（一）档案数字化。完成馆藏档案数字化120万页。",
                   "（二）档案利用。全年接待查档群众2300人次。", "（三）档案安全。开展档案安全检查4次。", "二、大事记"]


@pytest.mark.parametrize(
    ("lines", "year"),
    [
        # a chronicle's or a table's days at the end are what it lists, not the text's date …
        ([*_ARCHIVE_REPORT, "2021年3月5日", "新馆开工建设", "2022年8月12日", "新馆投入使用"], None),
        (["今年以来，县信访局坚持以人民为中心。", "附件：积案化解情况", "1.张某反映征地补偿问题，2019年3月5日",
          "2.李某反映拖欠工资问题，2020年6月9日"], None),
        # … but a signature's date under them is
        ([*_ARCHIVE_REPORT, "2021年3月5日", "新馆开工建设", "2022年8月12日", "新馆投入使用", "县档案局", "2023年1月5日"], 2023),
        ([*_ARCHIVE_REPORT, "县档案局", "2023年1月5日", "（此件公开发布）"], 2023),
    ],
)
def test_the_days_a_list_at_the_end_names_do_not_date_the_text(lines, year):
    result = meta("县档案局工作情况汇报", *lines)
    assert (result["year"], result["date"] is not None) == (year, year is not None)


def test_the_latest_event_is_the_lower_bound():
    result = meta("", "2012年以来的成就。党的十八大以来，2012年开局。贯彻党的十九大精神。")
    assert (result["year"], result["year_min"]) == (None, 2017)


def test_a_title_naming_a_later_year_plans_it_and_the_date_line_dates_it():
    holidays = meta("国务院办公厅关于2019年部分节假日安排的通知", "国办发明电〔2018〕15号", "一、元旦：放假调休，共3天。",
                    "国务院办公厅", "2018年12月4日")
    assert (holidays["year"], holidays["year_source"]) == (2018, "text")
    # a summary of 2023 written in January 2024 is the 2023 summary
    summary = meta("县政府办公室2023年工作总结", "一年来，我们做了大量工作。", "县政府办公室", "2024年1月5日")
    assert (summary["year"], summary["year_source"]) == (2023, "title")


def test_a_joint_header_names_the_issuers_and_a_notice_to_all_provinces_is_central():
    result = meta("关于加强个人所得税纳税信用建设的通知", "发展改革委办公厅  文件", "税务总局办公厅", "发改办财金规〔2019〕860号",
                  "各省、自治区、直辖市、新疆生产建设兵团社会信用体系建设牵头部门：", "为贯彻落实有关规定，现就有关事项通知如下。")
    assert (result["org"], result["level"], result["region"], result["year"]) == ("发展改革委办公厅、税务总局办公厅", "中央", "全国", 2019)
    # quoting such a notice inside a sentence is not being it
    quoting = meta("县政府办公室2023年工作总结", "根据上级通知要求，各省、自治区、直辖市都要开展专项行动，我县认真落实。")
    assert quoting["level"] != "中央"


@pytest.mark.parametrize("table", [
    # a 信息公开 page's table copied as text: cells set apart by |, by tabs, or one field a line
    ["文件名称 | 2022年第八次县政府常务会议确定事项落实情况的通报 | ||",
     "索引号 | zyxzf/2022-4992 | 公开目录: | 政务督查 |",
     "公开责任部门 | 紫阳县政府办公室 | 公开形式: | 主动公开 |",
     "文号 | 督察通报第十七期 | 成文日期: | 2022年09月14日 |"],
    ["文件名称\t2022年第八次县政府常务会议确定事项落实情况的通报", "发布机构\t紫阳县政府办公室\t成文日期\t2022-09-14"],
    ["标题：2022年第八次县政府常务会议确定事项落实情况的通报", "发布机构：紫阳县政府办公室", "成文日期：2022年9月14日"],
], ids=["pipes", "tabs", "one-field-a-line"])
def test_a_public_information_table_names_title_office_and_date(table):
    lines = (*table, "近期,县政府督查室对常务会议确定事项落实情况开展了专项督查,现通报如下。", "一、总体情况")
    parsed = parse(lines, "57_ziyang.txt")
    assert (parsed.title, parsed.title_source) == ("2022年第八次县政府常务会议确定事项落实情况的通报", "fields")
    assert parsed.blocks[0].text == table[0]  # the table stays in the text, whole
    result = enrich(parsed, "57_ziyang.txt")
    assert (result["org"], result["date"], result["year"], result["region"]) == ("紫阳县人民政府办公室", "2022-09-14", 2022, "陕西省")


def test_words_of_a_public_information_table_inside_the_text_are_text():
    parsed = parse(("县政府办公室2023年工作总结", "一、办文工作", "文号：统一编排，成文日期：按签发日期填写。"), HASH_NAME)
    assert (parsed.title, parsed.title_source) == ("县政府办公室2023年工作总结", "text")
    assert enrich(parsed, HASH_NAME)["date"] is None


def test_a_regulations_adoption_lines_date_it():
    result = meta("北京市实施《中华人民共和国保守国家秘密法》若干规定",
                  "1996年9月6日 北京市第十届人民代表大会常务委员会第三十次会议通过",
                  "2016年11月25日 北京市第十四届人民代表大会常务委员会第三十一次会议修订通过", "第一条 为了保守国家秘密。")
    assert (result["year"], result["date"]) == (1996, "1996-09-06")


def test_a_stated_year_needs_no_lower_bound():
    result = meta("", "贯彻党的二十大精神，现将2023年工作总结如下。")
    assert (result["year"], result["year_source"], result["year_min"]) == (2023, "text", None)


@pytest.mark.parametrize(
    ("title", "lines", "expected"),
    [
        ("县政府办公室2023年工作总结", ["一年来，我们做了大量工作。", "县政府办公室", "2024年1月5日"], "2024-01-05"),
        ("关于加强督查工作的通知", ["各乡镇：", "现就有关事项通知如下。", "二〇二三年三月十五日"], "2023-03-15"),
        ("政府工作报告", ["——2026年1月26日在广东省第十四届人民代表大会第五次会议上", "各位代表："], "2026-01-26"),
        ("2025年公开通报3起典型问题", ["新华社北京2月9日电 日前，有关部门对3起典型问题进行通报。"], "2025-02-09"),
        ("信息工作获好评", ["全市信息工作取得新进展，受到了上级的肯定和好评。（来源：某某日报 2011年2月25日）"], "2011-02-25"),
        # a date in a sentence is an event, not the report's date; no year, no dateline's date
        ("工作总结", ["2023年3月15日，我办召开了全体干部会议，部署全年工作任务。"], None),
        ("公开通报3起典型问题", ["新华社北京2月9日电 日前，有关部门对3起典型问题进行通报。"], None),
        ("工作总结", ["县政府办公室", "2023年2月30日"], None),  # no such day
        # a period the text covers is not its date: the signature's is
        ("关于做好2013学年信息统计工作的通知", ["各学校：", "1.统计时间：2013年7月1日——2014年6月30日。",
                                       "某县教育局", "2014年6月27日"], "2014-06-27"),
        ("北京市信息化促进条例", ["2007年9月14日 北京市第十二届人民代表大会常务委员会第三十八次会议通过", "第一条 为了促进信息化。",
                          "本条例自2007年12月1日起施行。"], "2007-09-14"),
        ("政府督查工作条例", ["第一条 为了加强和规范政府督查工作。", "本条例自2021年2月1日起施行。"], None),
        ("关于表扬的通报", ["各省、自治区、直辖市人民政府：", "现予通报表扬。", "国务院办公厅", "2018年11月19日",
                     *[f"{n}.某地的做法。" for n in range(1, 9)]], "2018-11-19"),
    ],
)
def test_date_from_a_date_line_or_a_dateline(title, lines, expected):
    assert meta(title, *lines)["date"] == expected


# ----------------------------------------------------------------------------------------- org


@pytest.mark.parametrize(
    ("title", "lines", "expected"),
    [
        ("包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知", [], "包头市人民政府办公室"),
        ("北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知", [], "北京市经济和信息化局"),
        ("中共中央 国务院关于实施乡村振兴战略的意见", [], "中共中央 国务院"),
        ("市政府办公室领导班子工作总结", [], "市政府办公室"),
        ("全国总工会信访工作信息化情况", [], "全国总工会"),
        ("2026年四川省人民政府工作报告", [], "四川省人民政府"),
        ("国务院政府工作报告", [], "国务院"),
        # an unqualified office in the title takes its level from the opening
        (
            "2023年度行政审批服务局办公室工作总结",
            ["2023年，县行政审批服务局办公室在“两办”的指导下，勤思善谋。"],
            "县行政审批服务局办公室",
        ),
        # formal openings
        ("政府工作报告", ["——2026年1月26日在广东省第十四届", "人民代表大会第五次会议上"], "广东省人民政府"),
        ("政府工作报告", ["——2021年3月5日在第十三届全国人民代表大会第四次会议上"], "国务院"),
        # a town's congress, whose town the place table lacks (not 在全镇…, no town's name)
        ("政府工作报告", ["——在七里坪镇第十九届人民代表大会第三次会议上", "各位代表：", "现在，我代表镇人民政府作报告。"],
         "七里坪镇人民政府"),
        ("政府工作报告", ["——在红安县七里坪镇第十九届人民代表大会第三次会议上", "各位代表："], "红安县七里坪镇人民政府"),
        # …the session said short, a district with its city
        ("政府工作报告", ["——2024年1月10日在汉阴县十八届人大四次会议上", "代县长  李明"], "汉阴县人民政府"),
        ("政府工作报告", ["——在铁炉乡第十届人大第三次会议上", "乡长  李华"], "铁炉乡人民政府"),
        ("政府工作报告", ["——2024年1月8日在广州市越秀区第十七届人民代表大会第四次会议上"], "广州市越秀区人民政府"),
        ("政府工作报告", ["——2024年1月10日在汉阴县十八届人大常委会第十次会议上"], None),  # its standing committee
        ("", ["在汉阴县十八届人大四次会议上，代表们提出建议56件。"], None),  # a session a sentence names, said short
        ("", ["各位代表：", "现在，我代表国务院，向大会报告政府工作。"], "国务院"),
        ("中国(上海)自由贸易试验区临港新片区管理办法", ["上海市人民政府令", "（第19号）"], "上海市人民政府"),
        # the subject of an opening clause, not the leaders thanked before it
        ("", ["今年以来，在县委、县政府的正确领导下，县政府办公室领导班子团结带领全体干部。"], "县政府办公室"),
        ("", ["社会保险事关稳定。近日，市总工会走访了部分企业。"], "市总工会"),
        ("", ["近期，市总工会权益保障部走访了我市19家企业。"], "市总工会"),
        # the place the file is about picks the body (not the superior whose notice is cited)
        (
            "北京市通州区企业员工参与社会保险及待遇落实情况调研报告",
            ["北京市总工会于1月24日下发《关于开展调研的通知》，通州区总工会联合社保局等部门开展调研。"],
            "北京市通州区总工会",  # the district with its city, as the title writes it
        ),
        # 我办 resolved to the office the text names most
        (
            "",
            ["根据《xx市人民政府办公室关于开展能力提升行动的通知》要求，我办坚持学习。", "县政府办动态跟踪，县政府办组织承办单位。"],
            "县政府办公室",
        ),
        ("", ["我局坚持以人民为中心。", "县行政审批服务局负责大厅管理，县行政审批服务局窗口。"], "县行政审批服务局"),
        # …not a body under whose guidance or with whose help it works (在市水利局的精心指导下，我局…)
        ("2023年工作总结", ["2023年，在市水利局的精心指导下，我局扎实推进各项工作。"], None),
        ("2023年工作总结", ["一年来，在县委、县政府的正确领导下和市水利局的大力支持下，我局扎实推进各项工作。"], None),
        ("2023年工作总结", ["在市水利局的指导下，我局完成各项任务。", "县水利局全年共完成水利投资3.5亿元，县水利局新建堤防12公里。"],
         "县水利局"),
        # a title's body of the writer's own county or city (我县…, 我市…), named by its level
        ("我县政务服务中心获评省级示范窗口", ["近日，我县政务服务中心综合窗口榜上有名。"], "县政务服务中心"),
        ("我市统计局荣获全省统计工作先进单位", ["近日，省统计局通报表扬了一批先进单位。"], "市统计局"),
        # issuers set apart in the title, as its two lines are joined
        ("中共七里坪镇委员会\u3000七里坪镇人民政府2023年工作总结", ["2023年，镇党委、镇政府团结带领全镇干部群众。"],
         "中共七里坪镇委员会、七里坪镇人民政府"),
        # (a bureau of two fields, named longer)
        ("关于我市乡镇便民服务中心运行情况的调研报告", ["咸宁市政务服务和大数据管理局", "2023年6月，我局组成调研组开展了专题调研。"],
         "咸宁市政务服务和大数据管理局"),
        ("", ["我会检查中了解到有关情况。", "市总工会开展专项行动。"], "市总工会"),
        # bodies the place table does not hold, and the short names offices use
        ("城关镇党委2023年度工作总结", ["今年以来，镇党委坚持学习。"], "城关镇党委"),
        ("平安县政务服务中心2022年度工作总结", [], "平安县政务服务中心"),
        ("县委办2023年上半年信息工作总结", [], "县委办公室"),
        ("××街道办事处2023年工作总结", [], "××街道办事处"),
        # the offices that check and inspect, and web copies punctuated in half-width
        ("", ["根据县政府工作安排,县政府督查室对2022年县《政府工作报告》落实情况进行了专项督查。"], "县政府督查室"),
        ("", ["7月9日至17日,县委督查办组成两个督查组,采取查阅资料等方式进行了督查。"], "县委督查办"),
        ("县作风办对部分单位遵守工作纪律情况开展督查", [], "县作风办"),
        ("", ["7月下旬,市统计局派员参加了市政府督查室对部门的专项督查。"], "市统计局"),
        # the body 由 names as the one that leads, and the first of bodies that act together
        ("", ["2月8日上午,由花桥镇纪委牵头,镇党政办人员参加,对在岗情况进行突击检查。"], "花桥镇纪委"),
        ("", ["9月19日,县作风办、县环保局、县城管局联合督察秸秆禁烧工作。"], "县作风办"),
        ("", ["9月19日,县作风办、县环保局和县城管局的工作人员参加。"], None),  # no deed: not a subject
        # a clause that does something is no name, nor are two bodies joined by 和 or 与
        ("", ["10月20日,牌头镇组织部分市县人大代表和镇人大主席团成员视察。"], "牌头镇"),
        # the party committee's 组织部 is a body, whose subject may go on 多途径… (not 组织部分…, a deed)
        ("", ["县委组织部多渠道做好干部信息工作 一是建好队伍。"], "县委组织部"),
        ("", ["会上,市地税局和粮食局作了交流发言。"], None),
        ("", ["8月9日,区安委办负责人一行赴广兴洲镇开展安全生产大检查。"], "区安委办"),  # its delegation; not 区安委办公室
        # a town's body named by its level, of the town the title or opening is about
        ("", ["连日来,南昌县幽兰镇以“三清三拆”为切入点,推进整治。镇纪委立足本职主动作为,加大监督检查。"], "南昌县幽兰镇纪委"),
        ("泗张镇:严督夏季秸秆禁烧", ["近日,镇政府及时采纳人大工作建议,广泛宣传。"], "泗张镇"),
        # …or of the town a clause's subject writes it with, though the opening is a quotation (not 这是…乡纪委)
        ("", ["“林书记,你村问题是否已全部整改?”这是某乡纪委在村里督查时的场景。",
              "连日来,中寨乡纪委联合乡扶贫办组建督查组,对全乡8个村进行督查。", "下一步,乡纪委将跟踪整改。"], "中寨乡纪委"),
        # a town's party committee and its government acting together are the town
        ("", ["春节刚过,石桥镇党委、镇政府就召开全体干部大会。"], "石桥镇"),
        ("", ["今年以来,东风街道党工委、办事处狠抓落实。"], "东风街道"),
        ("", ["今年以来,石桥镇党委坚持学习。"], "石桥镇党委"),  # the committee alone is itself
        # the town a news item opens with, not a body its later paragraphs name
        ("", ["近日,石桥镇以“三个严格”重申纪律。", "一是严格考勤。镇纪委不定期抽查。"], "石桥镇"),
        ("", ["近日,石桥镇以“三个严格”重申纪律,镇纪委不定期抽查。"], "石桥镇纪委"),  # the same paragraph
        # a place revising its own rules (修改完善), after the purpose, is the subject, not its 乡纪委 that checks
        ("", ["为深入推进机关效能建设,千岭乡修改完善《机关内务管理工作规则》。", "一是严格考勤。乡纪委不定期开展突击检查。"], "千岭乡"),
        # a town named with its county and province, after a source's dateline and byline
        ("", ["健康中国人讯(通讯员 程舒平 詹发来)安徽省舒城县庐镇乡组织相关站所组成督查组。"], "舒城县庐镇乡"),
        # a purpose written as a sentence of its own: the subject opens the next
        ("", ["为进一步调动全镇干部积极性,营造浓厚氛围。5月28日,赛什斯镇组织全体领导干部参加测试。"], "赛什斯镇"),
        # a numbered item's subject, 统一负责…
        ("", ["（一）收文", "1、镇党政综合办公室统一负责所有来文的收文登记。"], "镇党政综合办公室"),
        ("商水县统战系统召开信息工作会议", [], None),  # 统战 is no deed
        # a headline's place, a colon and its department; not a deed after the colon
        ("涞水县:审计局审计整改工作做到“四个告知”", [], "涞水县审计局"),
        ("涞水县:打造区域物流中心", [], "涞水县"),
        ("涞水县:全力开创工作新局面", [], "涞水县"),
        # a visit told by the place visited: the visitors are not its writer
        ("省信息中心副主任一行莅临我县检查电子政务建设工作", ["近日,省信息中心副主任一行莅临我县检查工作。"], None),
        ("", ["3月12日,州委政法委副书记率督查组到我县督查疫情防控工作。"], None),
        ("省政府督查组在某县调研座谈", [], None),  # a group's visit to a place it names
        ("省政府督查室在全省推行督查新机制", [], "省政府督查室"),  # no group, no visit
        # a title's subject ends before 在, where it acts; a democratic party's committee is a body
        ("民建恩施州委在全州政协社情民意信息工作会议上作典型发言", [], "民建恩施州委"),
        ("县政协在全县社情民意信息工作会议上作典型发言", [], "县政协"),
        ("民建会员在全州政协社情民意信息工作会议上作典型发言", [], None),
        ("", ["近来,县政府督查室深入基层督查,受到我县群众好评。"], "县政府督查室"),
        # the party committee and the government together are the leadership, not the writer
        ("", ["今年,区委区政府共兴办17件实事项目。近日,区政府督查室对项目进展情况进行跟踪督查。"], "区政府督查室"),
        ("", ["近日,南乐县委县政府督查局对民生工程开展督查。"], "南乐县委县政府督查局"),  # their office
        # a 管理处 signs its notice
        ("关于近期效能督查情况的通报", ["处各科室:", "现将督查情况通报如下。", "某市重点工程建设管理处", "2020年4月29日"],
         "某市重点工程建设管理处"),
        # the opening's first paragraph, not a shorter headline repeated above it
        ("", ["三桥镇信息站解民忧", "本报讯 日前,汝南县三桥镇在各村设立了信息站。"], "汝南县三桥镇"),
        # a town's government signing its report
        ("关于督查问题的整改报告", ["针对督查发现的问题,镇党委高度重视。", "特此报告。", "石桥镇人民政府", "2021年5月6日"],
         "石桥镇人民政府"),
        # the congress, the consultative conference and the party committee's departments are bodies
        ("", ["近日,泗水县泗张镇人大加大监督力度。"], "泗水县泗张镇人大"),
        ("", ["6月14日,蕲春县政协召开社情民意信息工作会议。"], "蕲春县政协"),
        # (a body whose deed opens with 依托, after a purpose 为适应…, after a clock time, a site's 讯 or a town's 新区)
        ("", ["近日,西安市纪委办公厅依托自动化办公平台,开发建立了电子政务督查系统。"], "西安市纪委办公厅"),
        ("", ["为适应新形势下宣传信息工作的新要求,7月7日下午,荷花池街道召开宣传信息工作会议。"], "荷花池街道"),
        # (…面向, …十分: the deed of the body before them, after a purpose clause or a time)
        ("", ["为进一步拓宽监督渠道,主动接受社会监督,秦都区纪委面向全区选聘20名特邀监督员。"], "秦都区纪委"),
        ("", ["近年来,南陵县编办十分重视机关保密工作,将此列入重要工作日程。"], "南陵县编办"),
        ("", ["近日,平利县委农工部决定在全县开展优秀调研文章评选工作。"], "平利县委农工部"),  # (a 委 department, 决定)
        # (a paper's 本报讯 before the subject, a day between the subject and its verb)
        ("", ["本报讯 山西省政府办公厅2010年12月28日发布了突发事件信息迟报瞒报情况通报。"], "山西省人民政府办公厅"),
        ("", ["本报讯(记者 张三)山西省政府办公厅2010年12月28日发布了突发事件信息迟报瞒报情况通报。"], "山西省人民政府办公厅"),
        ("", ["亮点黔西南讯10月20日上午9:00,义龙新区鲁屯镇召开以落实干部召回制度为主题的全镇干部职工大会。"], "义龙新区鲁屯镇"),
        ("扶沟县委统战部召开专题宣传信息工作推进会", [], "扶沟县委统战部"),
        ("汉源县人大常委会专题研究人大信息工作", [], "汉源县人大常委会"),  # the body before the deed
        ("", ["泥河镇人大主席权循哲紧扣重点工作。"], None),  # 人大主席 is a person's office
        # a title naming a meeting names no issuer; one body's news about another (获…表彰)
        ("2022年第八次县政府常务会议确定事项落实情况的通报", [], None),
        # (a place's meeting of office heads: no 冷水滩召开全区政府系统办公室, the place by its stem and 全区)
        ("冷水滩召开全区政府系统办公室主任会议", [], "冷水滩区"),
        # an office named 县X办 (县清洁办, 县扶贫办); not a verb (市人大督办) nor a clause (…要会同…)
        ("县清洁办进行城乡清洁月度考核", [], "县清洁办"),
        ("市人大督办代表建议办理", [], "市人大"),
        ("区人大崧厦街道工委", ["8月20日,区人大崧厦街道工委组织部分人大代表开展督查活动。"], "区人大崧厦街道工委"),
        ("", ["安阳市人民政府教育督导团、安阳市教育局近期将开展督导评估。"], "安阳市人民政府教育督导团"),
        ("雅安市政府信息公开办莅临荥经检查指导灾后重建政府信息公开工作", [], "雅安市政府信息公开办"),
        ("", ["下一步，县发改委要会同县督查落实办对相关工作进行督导。"], None),
        # the signature at the end beats a body the text mentions (被市政府办采用)
        ("2023年工作总结和2024年工作计划",
         ["我办认真履行职责。", "全年报送信息320条，被市政府办采用56条。", "东安县人民政府办公室", "2023年12月28日"],
         "东安县人民政府办公室"),
        ("关于上半年信息报送情况的通报", ["现将有关情况通报如下。", "县政府办公室", "2023年7月10日"], "县政府办公室"),
        ("关于上半年信息报送情况的通报", ["现将有关情况通报如下。", "二〇二三年七月十日", "县政府办公室"], "县政府办公室"),
        ("关于上半年信息报送情况的通报", ["现将有关情况通报如下。", "县政府办公室　2023年7月10日"], "县政府办公室"),
        # a place's government and its offices by their formal name, however the text calls them: one office, one name
        ("关于上半年信息报送情况的通报", ["现将有关情况通报如下。", "宁陕县政府办公室", "2023年7月10日"], "宁陕县人民政府办公室"),
        ("关于上半年信息报送情况的通报", ["现将有关情况通报如下。", "中共宁陕县委办公室　宁陕县政府督查室", "2023年7月10日"],
         "中共宁陕县委办公室、宁陕县人民政府督查室"),
        ("", ["近日，安康市政府召开常务会议，研究部署防汛工作。"], "安康市人民政府"),
        # (not where the government has another name: a 地区's and a 盟's 行政公署, a 特别行政区's 政府)
        ("", ["近日，和田地区政府召开常务会议，研究部署防汛工作。"], "和田地区政府"),
        ("", ["近日，阿拉善盟政府召开常务会议，研究部署防汛工作。"], "阿拉善盟政府"),
        ("关于上半年业务培训情况的报告", ["现将有关情况报告如下。", "宁陕县政府采购中心", "2023年7月10日"],
         "宁陕县政府采购中心"),  # a body of its own, not the government
        # a ranking's units are not its writer, the office that tells of its own work is
        ("全县政务信息采用情况通报", ["2024年上半年，县委办公室信息科共收到各单位报送信息586条。现将各单位信息采用情况通报如下：",
                                   "县发改局采用12条，县财政局采用9条，红星镇采用6条。"], "县委办公室"),
        ("2023年信息工作总结", ["2023年，县委办公室采用各单位信息856条，编发《每日要情》240期。"], "县委办公室"),
        ("", ["近日，县委督查室通报了全县重点工作推进情况，我县各乡镇均按时序推进。"], "县委督查室"),  # the county's own
        # a body named with its other name in brackets (市委宣传部(网信办), 县委办公室（县委督查室）) acts as one
        ("", ["11月11日,市委宣传部(网信办)组织召开全市骨干网络评论员集中培训会，90余人参加培训。"], "市委宣传部"),
        ("", ["近日，县委办公室（县委督查室）组成3个督查组，对各乡镇开展督查。"], "县委办公室"),
        # the body a reporter heard the news from (记者从…获悉), which the item is about
        ("", ["近日，记者从仁怀市档案馆获悉，该馆的馆藏档案数字化工作已完成总进度的68%。"], "仁怀市档案馆"),
        ("", ["记者从县信访局获悉，今年1-10月，全县共受理群众来信来访1260件次，同比下降12%。"], "县信访局"),
        # …or whose officer tells it, when no clause names a body
        ("", ["英德市纪检监察部门十分注重发挥信息功能,去年信息报送采用率排在全省第七位。",
              "据英德市纪委有关负责人介绍,纪检监察信息功能是指该信息在反腐败斗争中产生的有利作用。"], "英德市纪委"),
        # a county of one character and 县 the place table lacks (达县 is 达川区 since 2013)
        ("", ["本报讯 为了扩大政协的社会影响,助推达县经济发展,达县政协采取各种措施,有效抓好信息工作。"], "达县政协"),
        # a meeting told as held, named by the body whose meeting it is
        ("", ["11月13日,县委整治形式主义为基层减负专项工作机制第二次会议召开。县委副书记王某出席会议并讲话。"], "县委"),
        ("", ["3月2日上午,县政府第12次常务会议在县政府三楼会议室召开。会议研究了5项议题。"], "县政府"),
        ("", ["近日,平阳县委全面深化改革委员会第三次会议召开。"], "平阳县委全面深化改革委员会"),
        # …held by the area itself, whoever presides
        ("", ["3月8日下午,本市召开市委保密委全体会议。会议传达了中央保密委全体会议精神。市委副秘书长、市政府秘书长汤志平主持会议。"],
         "市委保密委"),
        ("", ["5月6日下午,本市召开市委办公厅政务信息工作会议,对全年政务信息工作作出部署。"], "市委办公厅"),
        ("", ["3月8日下午,本县召开县委全面深化改革委员会会议。县委副书记王某主持会议。"], "县委全面深化改革委员会"),  # (会议 after 委员会)
        # a study's team at work in the opening paragraph, with its place (its body's, if named)
        ("", ["当前，宁夏技能型劳动者队伍建设整体向好。为此，宁夏工会理论研究课题组围绕劳动者大军的基本情况开展了专题调研。",
              "宁夏回族自治区总工会积极行动，形成了工作台账。"], "宁夏工会理论研究课题组"),
        # a station of a province or county, or of its bureau
        ("", ["新年伊始,辽宁召开专题会议。辽宁省森防站立即行动,按要求逐项落实信息报送任务。"], "辽宁省森防站"),
        ("强化效能监督", ["为检查效能制度的落实情况,区建设局建管三站于5月10日对该站效能建设情况进行了集中督查。"], "区建设局建管三站"),
        # a body named by its level word, completed with the place its document's number names (of its level)
        ("市人民政府办公室关于建立公文错情通报制度的通知", ["鄂州政办发〔2015〕17号", "各区人民政府，市政府各部门："], "鄂州市人民政府办公室"),
        ("县人民政府办公室关于建立公文错情通报制度的通知", ["鄂州政办发〔2015〕17号", "各乡镇人民政府，县直各部门："], "县人民政府办公室"),
        ("县人民政府办公室关于建立公文错情通报制度的通知", ["寿政办〔2023〕5号", "各乡镇人民政府，县直各部门："], "县人民政府办公室"),
        ("州人民政府办公室关于做好值班工作的通知", ["黔南府办发〔2023〕5号", "各县（市）人民政府："], "黔南州人民政府办公室"),
        # a commission's office (安委办, 编委办) is the 办, not the commission; 发改委办理 is the commission's deed
        ("临汾市安委办展开安全生产督查", ["近日,市安委办成立9个督查组。"], "临汾市安委办"),
        ("南陵县编委办关于做好保密工作的通知", ["各乡镇："], "南陵县编委办"),
        ("县发改委办理建议情况", ["正文。"], "县发改委"),
        ("临汾市卫生健康委办组织开展督查", ["近日。"], "临汾市卫生健康委办"),
        # a county whose name holds a level word (安乡县) after its city: the city's name begins the body's
        ("", ["年初以来,常德市安乡县农业局精心部署。", "一季度我局共上报信息20条。"], "常德市安乡县农业局"),
        # a city whose name ends in 州 (its level word, or none: 锦州 before its county) begins the body's name, not its 州
        ("", ["年初以来,郑州市公安局精心部署。", "一季度我局共上报信息20条。"], "郑州市公安局"),
        ("", ["年初以来,锦州义县农机局精心部署。", "一季度我局共上报信息20条。"], "锦州义县农机局"),
        # a preposition before a street office is no place (按照街道党工委…部署): the clause's subject is the body
        ("", ["近期,按照街道党工委、办事处关于人居环境整治的安排部署,街道纪工委结合整治进程,积极发挥职能作用。"], "街道纪工委"),
        # a team its body's officer leads: the body (not the officer and his team)
        ("", ["麟游县人大常委会主任李力带领调研组对代表建议办理情况进行调研。", "调研组先后来到招贤镇。"], "麟游县人大常委会"),
        # a sentence ending in a colon is no 主送: its subject writes (为提高…，陵城区统计局采取了三项举措：)
        ("", ["基层统计工作是统计的基础,为提高统计数量质量,陵城区统计局采取了三项举措:", "一是认识到位。"], "陵城区统计局"),
        ("", ["为加强值班工作，县政府办公室采取以下措施：", "一是严格值班。"], "县政府办公室"),
        # a town after its county (and its prefecture's bare stem), or after a zone: the town, named with its county or zone
        ("", ["绵阳江油市武都镇开展防汛应急演练。", "演练结束后进行了总结。"], "江油市武都镇"),
        ("", ["4月2日,绵阳江油市武都镇召开会议。"], "江油市武都镇"),
        ("德州市天衢新区黄河涯镇召开安全生产推进会", ["会议要求各村落实责任。"], "天衢新区黄河涯镇"),
        ("济南市高新区遥墙街道召开作风建设会议", ["会议要求。"], "济南市高新区遥墙街道"),
        # a meeting in the town's own hall is the town's
        ("", ["3月2日上午,在石门镇三楼会议室,召开一季度安全生产工作会议,会议由镇长主持。"], "石门镇"),
        # a town after a county the place table lacks by that name (喀左县: 喀喇沁左翼蒙古族自治县), and read past a
        # headline's column tag and an item's byline without a paper's name
        ("喀左县南公营子镇加强网络舆情监控应对工作", ["为认真做好网络宣传工作，镇里成立了领导小组。"], "喀左县南公营子镇"),
        ("【清风巴东】信陵镇监督“探照灯”照到扶贫一线", ["本网讯 1月13日，镇干部到村里查看扶贫产业。"], "信陵镇"),
        ("", ["通讯员王晨曦 刘爽报道:11月27日,刘猴镇召开新闻宣传和舆情应对培训会。"], "刘猴镇"),
        # 该县…: the county the item speaks of, its body named by its level word
        ("", ["近日,该县纪委监察局开展了为期5天的专项巡查。"], "县纪委监察局"),
        # after a scene's words, what it is (这是西城街道…新采取的周报告制度)
        ("", ["“本周社区重点完善了阵地建设。”7月25日,社区负责人汇报上周工作。", "这是西城街道为进一步提高工作效率,新采取的周报告制度。"],
         "西城街道"),
        # a street's committee of the consultative conference, as of the congress (街道工委)
        ("", ["9月14日,三井街道政协工委组织政协委员对街道机关作风建设工作进行督查。"], "三井街道政协工委"),
        # …and its groups of members there (政协联络组, 人大代表组), which lead their members out (率)
        ("", ["近日,湘东区湘东镇政协联络组率部分政协委员并联合镇安全办,开展安全督查活动。"], "湘东区湘东镇政协联络组"),
        ("区人大莫愁湖街道代表组召开代表“进热线”座谈会", [], "区人大莫愁湖街道代表组"),
    ],
)
def test_org(title, lines, expected):
    assert meta(title, *lines)["org"] == expected


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("关于办公室系统作风革命效能革命专项整治整改落实情况汇报", ["乡按照《通知》要求，认真抓好整改工作。"]),
        ("数字政府建设工作要点", ["推进政府职能转变。"]),
        ("", ["大部分人员认为工会在帮助协调解决工资方面发挥着作用。"]),
        ("", ["县级工会应明确专人负责。"]),  # a kind of body, not one
        ("", ["根据《xx市人民政府办公室关于开展行动的通知》要求，开展工作。"]),  # only cited
        ("", ["积极主动地为政府领导出谋划策。"]),
        ("坚持以人民为中心2023年工作总结", ["一年来工作平稳。"]),  # 中心 of a slogan
        ("城乡统筹发展中心2023年工作总结", ["一年来工作平稳。"]),
        # a speech's title names its occasion, not the speaker's body
        ("在全县办公室系统工作会议上的讲话", ["同志们：", "今天召开会议。"]),
        # no signature: a body's name at the end without a date, or a 版记 line
        ("工作总结", ["全年工作平稳。", "县政府办公室"]),
        ("工作总结", ["全年工作平稳。", "抄送：县委办公室，县人大常委会办公室。", "县政府办公室2024年1月15日印发"]),
        # an 信息采用情况通报 ranks the units it lists by the pieces adopted: none of them wrote it
        ("关于2023年第三季度政务信息采用情况的通报", ["各乡镇人民政府，县直各部门：", "现将有关情况通报如下：",
                                                "县发改局采用5条，县农业农村局采用4条，城关镇采用4条。"]),
        ("政务信息采用情况（第12周）", ["城关镇采用3条；县住建局采用2条；石门乡采用1条。"]),
        # 我办 is not the office it reports its pieces to
        ("关于2023年度全县政务信息工作情况的通报", ["2023年，我办共收到各单位报送信息2360条，向市政府办公室报送信息560条，被采用186条。"]),
        # a group sent into a unit, told in a headline: neither is the writer
        ("县委巡察组进驻县教育局开展常规巡察", ["2023年4月10日，县委第一巡察组进驻县教育局开展常规巡察，巡察时间约1个月。"]),
        # a higher body's deed that a county (我县) tells of is not its writer
        ("", ["近日，市委办公室通报了全市党委信息工作情况，我县信息报送采用量位居全市第二。"]),
        # a count, a neighbour or a verb before a body its level names is no county of one character
        ("", ["近日，两县政府联合开展督查。"]),
        ("", ["近日，邻县政府派员参加督查。"]),
        ("", ["为加强作风建设，赴县政府汇报工作。"]),
        ("", ["为此，课题组围绕基本情况开展调研。"]),  # a team of no place
        # a website or a stop is no station that writes
        ("", ["近日,县政府网站开设了专栏,集中发布政策解读。"]),
        ("", ["近日,县汽车站开展了安全检查。"]),
        # a meeting of the whole area, or of every county's government, names no body
        ("", ["9月7日下午,全市干部作风集中整顿督导检查组工作汇报会召开。"]),
        ("", ["近日,各县政府工作会议召开。"]),
        ("", ["3月2日上午,在石门镇会议室召开全县秸秆禁烧现场推进会。"]),  # the county's meeting, held in a town's hall
    ],
)
def test_no_org_when_none_is_named(title, lines):
    assert meta(title, *lines)["org"] is None


# --------------------------------------------------------------------------------------- level


@pytest.mark.parametrize(
    ("title", "lines", "expected"),
    [
        ("国务院政府工作报告", [], "中央"),
        ("全国总工会信访工作信息化情况", [], "中央"),
        ("第十四届全国人民代表大会第一次会议关于政府工作报告的决议", [], "中央"),
        ("北京市经济和信息化局印发《关于推进数据专区建设的指导意见》的通知", [], "省"),  # 直辖市 = 省
        ("广西壮族自治区人民政府关于印发某方案的通知", [], "省"),
        ("阿坝州人民政府办公室关于印发《暂行办法》的通知", [], "市"),
        ("中山市人民政府关于印发某办法的通知", [], "市"),  # a prefecture city without counties
        ("义乌市人民政府关于印发某办法的通知", [], "县"),  # a county-level city
        ("红安县七里坪镇迎接黄冈市乡村振兴考核", [], "乡"),  # a town after its county, not only before the title's last place
        ("在2023年度全县政务信息工作总结表彰大会上的讲话", ["同志们：", "今天，我们召开大会。"], "县"),  # a meeting of the whole county
        ("北京市通州区企业员工参与社会保险情况调研报告", [], "县"),  # the most specific place
        ("县政府办公室工作总结", [], "县"),
        ("xx县人民政府办公室2023年工作总结", [], "县"),
        # places the gazetteer lacks or holds twice: the level word of the body's name
        ("平安县人民政府办公室关于2023年度督查工作情况的报告", [], "县"),
        ("富民乡人民政府关于2023年工作情况的报告", [], "乡"),
        ("富民乡2022年上半年工作总结", [], "乡"),
        ("城关镇2023年工作总结", [], "乡"),
        ("城关镇党委2023年度工作总结", [], "乡"),
        ("平安县政务服务中心2022年度工作总结", [], "县"),
        ("达县政协2009年信息工作总结", [], "县"),
        # a municipality's own bodies are of a province's rank
        ("", ["3月8日下午,本市召开市委保密委全体会议,对2018年上海保密工作作出全面部署。"], "省"),
        # a county written after its city (the city only qualifies it), whose groups go into 14个街道 (a count, no town)
        ("", ["“你们公司采取了哪些措施?”成都市郫都区委第一督查组在督查时问到。连日来,郫都区委6个专项督查组深入14个街道和48个单位开展督查。"],
         "县"),
        # a 市 body whose units are townships is a county-level city's; one whose units are counties, a city's
        ("", ["11月11日,市委宣传部(网信办)组织召开全市网络评论员培训会,来自各乡镇(园区场)、街道宣传委员和市直机关网评员共90余人参加。"],
         "县"),
        ("", ["11月11日,市委宣传部组织召开全市网络评论员培训会,各县(市、区)和各乡镇宣传委员共90余人参加。"], "市"),
        ("xx市人民政府办公室关于国庆节放假的通知", ["各乡(镇)、街道办事处,市直各单位:", "现将有关事项通知如下:"], "县"),
        ("xx市人民政府办公室关于国庆节放假的通知", ["各县(市、区)人民政府,市政府各部门:", "现将有关事项通知如下:"], "市"),
        ("县委办2023年上半年信息工作总结", [], "县"),
        ("", ["乡按照《关于在全县开展专项整治的通知》要求，结合工作实际，认真抓好整改。"], "乡"),
        # the area's leaders opening the text act for it
        ("", ["本报讯 近日,副县长王某带队开展民生实事项目现场督查。"], "县"),
        ("", ["7月24日,县领导张某、李某等带领相关部门负责人对重点村进行督导。"], "县"),
        ("", ["近日,记者采访了县长热线的工作人员。"], None),  # a name, not a leader acting
        # of several posts the last, the one held there; a post named with its place
        ("", ["10月24日晚,县委副书记、政府县长马天峡在政府三楼会议室主持召开审计整改推进会议。"], "县"),
        ("", ["近日,江西抚州市副市长、金溪县委书记王成兵突击暗访。"], "县"),
        ("", ["报道(记者 孙欣)11月10日上午,酒泉市委副书记、市长都伟主持召开专题会议。"], "市"),
        ("", ["9月5日晚至6日,陕西省委常委、常务副省长江泽林在岗带班。"], "省"),
        ("", ["会上,县委书记王某作动员讲话。"], None),  # not the opening clause
        ("", ["镇政府办公室领导班子认真履职。"], "乡"),
        # the congress's committee for a street (区人大崧厦街道工委) sits at the street, not the district
        ("区人大崧厦街道工委", ["8月20日,区人大崧厦街道工委组织部分人大代表开展督查活动。"], "乡"),
        ("区人大莫愁湖街道代表组召开代表“进热线”座谈会", [], "乡"),
        ("", ["全县经济平稳。全县项目推进。全县民生改善。全市排名靠前。"], "县"),
        # the text's own area named by its level alone: 全区 and the bodies it calls 区委, 区直, 县政府 …
        ("", ["近日,全区政务服务工作会议召开,区直各单位负责人参加。会议强调,要在全区推广经验。"], "县"),
        ("", ["各乡镇认真贯彻县政府部署,按照县委要求推进。全县完成民生实事12件,县直单位积极配合。"], "县"),
        ("", ["各村认真落实镇党委部署和镇政府要求,全镇干部到会。"], "乡"),
        # a news item naming one county, and no town or city, is the county's
        ("", ["近日,记者获悉,截至目前,宁陕县已完成造林3万亩,为宁陕县生态建设打下基础。"], "县"),
        # (乡镇 is the word for all townships, no town named: 天门市 is a county-level city)
        ("", ["荆楚网消息 7月23日至31日,天门市\"四大家\"班子成员带队,组成21个小组,对26个乡镇(场、街道)的扶贫工作开展督办。"], "县"),
        # (每镇/各镇 are all the towns; a province named in a document the county applies is the issuer's)
        ("", ["近日,记者获悉,为考核各镇工作,宁陕县制定了细则,宁陕县各项工作稳步推进。"], "县"),
        ("", ["“你们单位一共23人……”这是6月4日,新田县联合督查组在审计局突击督查时的情形。下一步,新田县还将开展“回头看”,"
              "贯彻落实《湖南省集中整治形式主义官僚主义20条措施》。"], "县"),
        # the minutes of a meeting of a body its level names (not a higher body's group visiting, named in a title)
        ("县委常委会会议纪要", ["〔2023〕8号", "会议研究了以下事项：", "一、关于作风建设工作"], "县"),
        ("镇党委会议纪要", ["会议研究了以下事项：", "一、关于森林防火工作"], "乡"),
        # a bureau whose sections are 股室 is a county's (a city's are 科室, a province's 处室)
        ("", ["根据有关规定，制定本制度。", "一、信息发布由局办公室负责统一管理，各股室负责人负责本股室信息的审核把关。"], "县"),
        # (not the 股室 of the counties a text names below it)
        ("", ["今年以来，局机关各科室、下属单位和各县（市、区）局股室负责人认真落实首问负责制。"], None),
        # a zone of no stated level that addresses a county's government or its units is above the county
        ("东海综合实验区管委会办公室关于开展造林绿化督查的通知",
         ["东海县人民政府、区直各有关单位、各乡镇人民政府、县直各有关单位：", "现将有关事项通知如下："], "市"),
        ("新城新区管委会办公室关于开展办公用房专项督查的通知",
         ["各片区指挥部、区直各单位，县人大、政协，各乡镇人民政府：", "现将方案安排如下："], "市"),
        # (a county's own 政府办 notice to its units stays the county's)
        ("东海县人民政府办公室关于开展造林绿化督查的通知", ["各乡镇人民政府、县直各有关单位：", "现将有关事项通知如下："], "县"),
        # a zone that answers to the province's bodies, and names no city's or county's, is set under the province as a city is
        ("东海综合实验区管委会办公室关于开展专项整治工作的通知",
         ["区直各部门、各乡镇人民政府：", "根据省政府办公厅《关于开展专项整治工作的通知》要求，现将有关事项通知如下："], "市"),
        ("东海综合实验区市场监督管理局关于上半年案件查办情况的通报",
         ["本局各单位：", "上半年，全局共立案99件。", "市场规范处应积极协调省工商局，升级完善案管系统。"], "市"),
        # (not a 省级 zone, one the province approved: a county or a city runs it)
        ("某某经济开发区管委会2023年工作总结",
         ["2023年，我区作为省级经济开发区，在省商务厅的指导下扎实推进园区建设。", "某某经济开发区管委会", "2023年12月20日"], None),
        # (…in the document a notice issues too, saved after its signature)
        ("东海综合实验区管委会办公室关于印发《东海综合实验区迎接省级评估工作方案》的通知",
         ["岚综管办〔2022〕30号", "各片区管理局，区直各单位：", "现将《东海综合实验区迎接省级评估工作方案》印发给你们，请认真组织实施。",
          "东海综合实验区管委会办公室", "2022年3月17日", "东海综合实验区迎接省级评估工作方案",
          "根据《省人民政府教育督导办公室关于开展督导评估工作的通知》要求，特制定本工作方案。"], "市"),
        # (…evaluated as a city is: 对设区市人民政府履行教育职责督导评估 names a kind of government, not a city's body)
        ("东海综合实验区管委会办公室关于印发迎接省级评估工作方案的通知",
         ["各片区管理局，区直各单位：", "根据省人民政府教育督导办公室的通知要求，详见《对设区市人民政府履行教育职责督导评估任务分解表》。"], "市"),
        # a town in a zone is a town, whatever zone runs it
        ("德州市天衢新区黄河涯镇召开安全生产推进会", ["会议要求各村落实责任。"], "乡"),
        ("", ["绵阳江油市武都镇开展防汛应急演练。"], "乡"),
        ("喀左县南公营子镇加强网络舆情监控应对工作", ["为认真做好网络宣传工作，镇里成立了领导小组。"], "乡"),
    ],
)
def test_level(title, lines, expected):
    assert meta(title, *lines)["level"] == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["认真做好各项工作。"],
        ["全县经济平稳。全市排名靠前。全省推广。"],  # no level clearly the text's own
        ["全县经济平稳。全县项目推进。"],  # too few to tell
        ["全区经济平稳,各单位贯彻区党委部署和区政府要求,全区项目落地。自治区各地响应。"],  # 自治区: 全区 may be the region
        ["各乡镇要落实各县政府、各区政府的部署和县财政局的通知。"],  # every county's bodies (各县), not the text's own
        ["区域医疗中心建成,区域协调发展,区域合作深化。"],  # 区域 is a word
        ["在县委、县政府的正确领导下,全县学校平稳,县教育局指导有力。"],  # the leadership thanked, not the writer
        ["近日,记者获悉,杭州市已完成造林3万亩,其中西湖区完成5000亩。"],  # a city's news naming one of its districts
        ["近日,记者获悉,截至目前,宁陕县城关镇已完成造林3万亩,为城关镇生态建设打下基础。"],  # a town's
        ["近日,记者获悉,截至目前,宁陕县、石泉县已完成造林3万亩。"],  # two counties
        ["近日,记者获悉,我们学习借鉴了宁陕县的经验做法,完成造林3万亩。"],  # a county learned from is another's
        ["市场主体稳步增长。"],  # 市 inside a word is no subject
        ["一、信息发布由局办公室负责统一管理，各科室负责人负责本科室信息的审核把关。"],  # 科室: any level's
    ],
)
def test_no_level_when_unclear(lines):
    assert meta("工作总结", *lines)["level"] is None


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        # a 实验区 is a zone, of no level its name or its towns say (not a 区 of a county's rank)
        ("东海综合实验区管委会办公室关于进一步做好政府信息公开工作的通知", ["区直各有关单位，各乡镇人民政府：", "现将有关事项通知如下："]),
        ("东海综合实验区管委会办公室关于开展专项整治工作的通知", ["区直各部门、各片区开发管理局、各乡镇人民政府：", "现将有关事项通知如下："]),
        # (nor by the zone's own 全区 and 区直, which are no county's district)
        ("高新区召开全区作风建设推进会", ["6月12日上午，高新区召开全区作风建设推进会，区直各部门、各街道主要负责同志参加会议。",
                                         "会议强调，全区上下要以更严要求推进作风建设。"]),
        ("经开区管委会2022年工作总结", ["2022年，经开区管委会围绕招商引资、项目建设，全区经济保持平稳增长。",
                                      "区直各部门密切配合，全区完成固定资产投资50亿元。"]),
        # (a city's zone answers to the city, whose bodies it names beside the province's)
        ("高新区综合办公室关于开展专项督查的通知", ["区直各部门：", "根据省政府办公厅和市委办公室的通知要求，现将有关事项通知如下："]),
    ],
)
def test_a_zones_level_is_not_guessed(title, lines):
    assert meta(title, *lines)["level"] is None


def test_a_zone_inside_a_county_is_not_above_it():
    lines = ["县直有关单位、区内各企业：", "现将有关事项通知如下："]
    assert meta("东海县经济开发区管委会关于开展安全生产检查的通知", *lines)["level"] != "市"


@pytest.mark.parametrize("title", [
    "住房和城乡建设局2023年工作总结",  # 城乡 is no township
    "乡村振兴工作总结",
    "城乡统筹发展调研报告",
    "统筹城乡工作总结",
    "住房和城乡建设局2023年工作总结",  # an office, but no place's
    "市场监督管理局2023年工作总结",  # 市场 is a word
])
def test_no_township_level_from_words_that_hold_a_level_character(title):
    assert meta(title)["level"] is None


# -------------------------------------------------------------------------------------- region


@pytest.mark.parametrize(
    ("title", "lines", "name", "expected"),
    [
        ("关于南昌市农民工参保情况的调研报告", [], HASH_NAME, "江西省"),
        ("关于松桃县快递行业从业人员社会保险的调研报告", [], HASH_NAME, "贵州省"),  # 松桃苗族自治县
        ("阿坝州人民政府办公室关于印发《暂行办法》的通知", [], HASH_NAME, "四川省"),  # 阿坝藏族羌族自治州
        ("内蒙古推进数字政府建设的意见", [], HASH_NAME, "内蒙古自治区"),
        ("北京市通州区企业员工参与社会保险情况调研报告", [], HASH_NAME, "北京市"),
        ("南通市通州区企业员工参与社会保险情况调研报告", [], HASH_NAME, "江苏省"),
        ("工作总结", [], "2026_宁夏回族自治区_政府工作报告.txt", "宁夏回族自治区"),
        # the opening: the province named most
        ("工作总结", ["深入贯彻落实习近平总书记视察广西重要讲话和对广西工作重要指示精神。"], HASH_NAME, "广西壮族自治区"),
        # provincial service platforms
        ("工作总结", ["依托学习强国、浙政钉等云平台自主学习。"], HASH_NAME, "浙江省"),
        ("工作总结", ["对“湘易办”“跨省通办”等重点工作信息宣传。"], HASH_NAME, "湖南省"),
        # its own county beside the one it learned from
        ("工作总结", ["2023年，红安县学习借鉴湄潭县的经验做法，红安县各项工作取得新成效。"], HASH_NAME, "湖北省"),
        ("工作总结", ["2023年，红安县组织干部赴浙江省安吉县考察学习。"], HASH_NAME, "湖北省"),
        ("关于赴浙江、江苏学习考察数字政府建设的报告", ["县委、县政府：", "现将考察情况报告如下：", "攸县政务服务中心", "2023年6月2日"],
         HASH_NAME, "湖南省"),  # (a title's places gone to, to learn from)
        # its own county's experience (经验 of the writer's own place)
        ("工作总结", ["2023年，红安县认真总结经验做法，扎实推进各项工作。"], HASH_NAME, "湖北省"),
        # a zone named after its city by the city's bare stem
        ("全市统战信息调研宣传工作会议召开", ["6月24日,全市统战信息工作会议召开。", "各县(市、区)党委统战部、达州经开区党政办负责同志参加会议。"],
         HASH_NAME, "四川省"),
        ("关于招商引资工作情况的汇报", ["今年以来，郴州经济开发区坚持把招商引资作为一号工程。"], HASH_NAME, "湖南省"),
        # …or after a county by the county's stem, when no other unit has it (晋江市, 江阴市, 蕲春县)
        ("晋江综合实验区管委会办公室关于开展专项督查的通知", ["区直各单位，各乡镇人民政府：", "现将有关事项通知如下："], HASH_NAME, "福建省"),
        ("江阴高新区管委会办公室关于转发《关于进一步健全完善即办制度的通知》的通知", ["区直各部门:"], HASH_NAME, "江苏省"),
        ("蕲春经济开发区2023年工作总结", ["2023年，开发区招商引资取得新成效。"], HASH_NAME, "湖北省"),
        # …or the place the text's work is for, named by the stem no other unit has (为建设生态天全作出贡献)
        ("", ["9月19日,县作风办对秸秆禁烧情况进行督察。", "全县各乡镇将秸秆禁烧工作落到实处,为建设生态天全作出贡献。"], HASH_NAME, "四川省"),
        ("", ["11月11日,市委宣传部组织召开培训会。", "推进网评员队伍建设,为麻城“建成中心”营造良好舆论环境。"], HASH_NAME, "湖北省"),
        ("", ["近日,县政协召开常委会议。", "号召广大委员为富民强县作出新的更大贡献。"], HASH_NAME, None),
    ],
)
def test_region(title, lines, name, expected):
    assert meta(title, *lines, name=name)["region"] == expected


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("通州区总工会工作总结", []),  # 通州区 is in 北京 and in 江苏
        ("关于四川省与贵州省合作情况的报告", []),  # contradictory
        ("工作总结", ["北京、上海、广东、浙江、江苏等地经验做法各有特色。"]),  # many provinces
        ("工作总结", ["城区、新区、矿区、郊区的工作。适应城市发展，长治久安，弘扬延安精神。"]),
        ("工作总结", ["县委和县政府高度重视，完成县级任务。"]),  # 和县, 成县 are counties too
        ("工作总结", ["推动国家级经开区、省级高新区创新发展。"]),  # zones named by their rank, not a city
        ("东山综合实验区管委会办公室关于开展专项督查的通知", ["区直各单位：", "现将有关事项通知如下："]),  # 东山县 and 东山区
        ("工作总结", ["各单位要为企业营造良好环境,为全县经济发展作出贡献。"]),  # no place's stem the work is for
        # a place the writer learns from or visits on a study trip is another's
        ("县人民政府2023年工作总结", ["2023年，我县学习借鉴了湄潭县人民政府的经验做法，扎实推进各项工作。"]),
        ("县商务局2023年工作总结", ["2023年，我局组织干部赴浙江省安吉县考察学习，扎实推进各项工作。"]),
        ("县商务局2023年工作总结", ["2023年，我局认真学习东明县电商发展的先进经验，扎实推进各项工作。"]),
        ("县商务局2023年工作总结", ["2023年，我局组织骨干到株洲市、衡阳市等地学习先进经验，扎实推进各项工作。"]),
        ("县商务局2023年工作总结", ["2023年，县商务局组织骨干到长兴县考察学习，扎实推进各项工作。"]),
        ("关于学习借鉴外地作风建设经验的调研报告", ["2023年6月，县委组织部组成考察组，赴浙江省安吉县、长兴县考察学习。"]),  # listed after
        # 台湾 is the other side of a mainland office's 对台 work; 老城区 an old quarter, not 洛阳's district
        ("片区管理局2022年工作计划", ["深化对台融合，发挥台湾社工纽带作用，融合台湾社区治理理念。", "疏解非城市功能业态，为老城区“减压”。"]),
    ],
)
def test_no_region_when_unclear(title, lines):
    assert meta(title, *lines)["region"] is None


def test_central_bodies_are_national():
    assert (meta("国务院关于支持贵州省发展的意见")["level"], meta("国务院关于支持贵州省发展的意见")["region"]) == ("中央", "全国")
    assert meta("关于当前我国工人阶级状况的调查报告")["level"] == "中央"  # the whole country, no place


def test_a_district_named_by_a_common_word_counts_only_with_its_city():
    assert [p.name for p in find_places("推进城东区块开发，为老城区减负")] == []
    assert [(p.name, p.province) for p in find_places("洛阳市老城区人民政府")] == [("老城区", "河南省")]


def test_find_places_names_levels_and_positions():
    places = find_places("河南省安阳市和铜仁市松桃县、阳泉市城区")
    assert [(p.name, p.province, p.level) for p in places] == [
        ("河南省", "河南省", "省"),
        ("安阳市", "河南省", "市"),
        ("铜仁市", "贵州省", "市"),
        ("松桃苗族自治县", "贵州省", "县"),
        ("城区", "山西省", "县"),
    ]
    assert [(p.start, p.end) for p in places][:2] == [(0, 3), (3, 6)]


def test_find_places_ambiguous_and_short_names():
    (tongzhou,) = find_places("通州区总工会")
    assert (tongzhou.name, tongzhou.province, tongzhou.level) == ("通州区", None, "县")
    assert [p.province for p in find_places("北京市通州区")] == ["北京市"]
    assert [p.name for p in find_places("阿坝州和阿坝")] == ["阿坝藏族羌族自治州"] * 2
    assert [p.name for p in find_places("伊犁州、鄂伦春旗")] == ["伊犁哈萨克自治州", "鄂伦春自治旗"]
    assert find_places("大理石、文山会海、沿海城市、中南部县城、城区、和县") == []
    # a county of three characters after a verb of going or lying there, not a word's part (处于洪区: 处于 a flood area)
    assert [p.name for p in find_places("工作组深入来凤县调研，又前往长丰县，走进永顺县，莅临临泽县，该村地处石泉县")] == [
        "来凤县", "长丰县", "永顺县", "临泽县", "石泉县"]
    assert find_places("深入南部县城开展调研，该村处于洪区，处长丰收") == []
    # …and no district's name, often an area's word (港口区域, 新城区), nor a county's before 域
    assert find_places("执法人员前往港口区域检查，督查组走进新城区，深入河口区域，前往东部县域") == []
    assert [p.province for p in find_places("市中区和济南市市中区")] == [None, "山东省"]
    # a one-character county where a group goes, and what it does there
    assert [(p.name, p.province) for p in find_places("督查组一行深入代县，就重点工作进行调研；赴和县开展督导")] == [
        ("代县", "山西省"), ("和县", "安徽省")]
    assert find_places("工作组深入和县级部门对接，做到和县委保持一致") == []
    # …and before a centre of it, as before a bureau (攸县政务服务中心), not a word's part (和县域…中心)
    assert [(p.name, p.province) for p in find_places("攸县政务服务中心")] == [("攸县", "湖南省")]
    assert find_places("推动城乡和县域融合发展中心工作") == []
    assert [(p.name, p.province) for p in find_places("岷县城关镇人民政府")] == [("岷县", "甘肃省")]  # before a town's government
    # a county its city names with its level word and a body of it, which the table of 2017 lacks (郫县 until 2016)
    assert [(p.name, p.province, p.level) for p in find_places("成都市郫都区委第一督查组")] == [
        ("成都市", "四川省", "市"), ("郫都区", "四川省", "县")]
    assert [p.name for p in find_places("成都市辖区政府、成都市高新区财政局、成都市天府新区管委会、成都市各区政府")] == ["成都市"] * 4


def test_find_places_by_the_names_counties_took_later():
    # 海安县 became 海安市 (2018), 南康市 南康区 (2013): the table of 2017 names neither
    assert [(p.name, p.province, p.level) for p in find_places("海安市墩头镇、赣州市南康区")] == [
        ("海安市", "江苏省", "县"), ("赣州市", "江西省", "市"), ("南康区", "江西省", "县"),
    ]
    assert [p.name for p in find_places("长沙县和长沙市")] == ["长沙县", "长沙市"]  # a unit's own name wins
    assert find_places("在大城市和平原区") == []  # words, not 大城县 and 平原县 renamed
    assert (meta("海安市人民政府办公室2023年工作总结")["region"], meta("海安市人民政府办公室2023年工作总结")["level"]) == ("江苏省", "县")


def test_find_outlets():
    # a county's news outlet by its bare stem, in a dateline or byline
    assert find_outlets("（蕲春广播电视台全媒体记者朱卫红报道）6月14日，县政协召开会议。") == ["湖北省"]
    assert find_outlets("连江新闻网讯（通讯员 李秀文）9月15日，浦口镇召开会议。") == ["福建省"]
    assert find_outlets("蕲春新闻网发布了通知。") == []  # not a dateline
    assert find_outlets("新华新闻网讯 近日，某县召开会议。") == []  # 新华: a district of several provinces
    # a county's site named 网 alone before 讯; a partner site and the day between the outlet and 讯
    assert find_outlets("建始网讯(融媒体记者万雪芬)5月21日,州督导组来建始调研。") == ["湖北省"]
    assert find_outlets("靖州新闻网·红网靖州站6月15日讯(通讯员 李章煌)") == ["湖南省"]
    assert find_outlets("大众网东营10月28日讯") == []  # 大众 names no county
    # 消息 for 讯, after a site named 今日 and the county's stem
    assert find_outlets("今日竹山网消息 6月25日,柳林乡召开全乡党员干部大会。") == ["湖北省"]
    assert find_outlets("在政府网消息栏目发布。") == []
    # …or 中国 and its stem, as 重庆's counties name theirs (中国发展网 is no county's)
    assert find_outlets("中国奉节网讯(通讯员 奉组轩)近日,县委组织部组织骨干信息员参加组工信息专题培训。") == ["重庆市"]
    assert find_outlets("中国发展网讯 近日,县委组织部召开会议。") == []
    assert meta("", "（蕲春广播电视台记者朱卫红报道）6月14日，县政协召开社情民意信息工作会。")["region"] == "湖北省"


def test_a_city_paper_that_credits_an_item_at_its_end_gives_its_province():
    assert city_paper_province("…负责同志参加会议。(丁 洁、王春宇)太原日报") == "山西省"
    assert city_paper_province("…取得实效。\n来源：清远日报 刘海军") == "广东省"
    assert city_paper_province("…取得实效。（记者 李明）郑州晚报") == "河南省"
    # not a national paper, nor a paper named inside the text rather than at its end
    assert city_paper_province("…取得实效。(记者 张三)经济日报") is None
    assert city_paper_province("…取得实效。（记者 张三）长江日报") is None
    assert city_paper_province("据太原日报报道，全市各级各部门积极推进。\n会议要求抓好落实。") is None
    # …nor one the last line names in what it tells, not as its credit
    assert city_paper_province("…会议还传达学习了杭州日报头版文章") is None
    assert city_paper_province("…会议通报了去年全县在人民日报、光明日报、深圳特区报、广州日报等刊发") is None
    assert city_paper_province("…我镇经验做法先后被人民日报、新华社、长沙晚报等报道") is None
    assert city_paper_province("…我镇经验做法先后被人民日报、长沙晚报报道") is None
    found = meta("", "6月29日,我市召开12345政务服务便民热线工作专题推进会,市长主持并讲话。",
                 "市直各有关部门负责同志参加会议。(丁 洁、王春宇)太原日报")
    assert found["region"] == "山西省"


def test_find_platforms():
    assert find_platforms("浙里办、粤省事和渝快办") == ["浙江省", "广东省", "重庆市"]
    assert find_platforms("开通“豫快办”督办平台") == ["河南省"]
    assert find_platforms("一网通办") == []


# ------------------------------------------------------------------------------------ doc_type


@pytest.mark.parametrize(
    ("title", "lines", "name", "expected"),
    [
        ("2023年度行政审批服务局办公室工作总结", [], HASH_NAME, "工作总结"),
        ("关于办公室系统专项整治整改落实情况汇报", [], HASH_NAME, "情况汇报"),
        ("关于2023年工作开展情况的报告", [], HASH_NAME, "情况汇报"),
        # a title that only ends in 情况 is a headline or a table, no report to superiors
        ("市督查组督查我县2016年度项目推进情况", [], HASH_NAME, "其他"),
        ("工会经费收支预决算情况", [], HASH_NAME, "其他"),
        # a retrospective opening makes an untitled text set out in parts a summary, not one under a headline,
        # nor a news item that runs its measures 一是…
        ("", ["今年以来，在县委、县政府的正确领导下，县政府办公室领导班子团结带领全体干部。", "一、围绕大局，紧扣中心"],
         HASH_NAME, "工作总结"),
        # (news items: a unit's measures under no numbered part; a headline over a retrospective opening)
        ("", ["今年以来,在区委、区政府的正确领导下,行者街道党工委、办事处大胆创新。", "一是狠抓落实。", "二是及时回应。"],
         HASH_NAME, "工作动态"),
        ("解放区加强督导促重点项目建设提质加速", ["今年以来,解放区成立由两办组成的督查组。"], HASH_NAME, "工作动态"),
        ("关于南昌市农民工参保情况的调研报告", [], HASH_NAME, "调研报告"),
        ("第八次中国职工状况调查报告（2017年）", [], HASH_NAME, "调研报告"),
        ("2026年四川省人民政府工作报告", [], HASH_NAME, "政府工作报告"),
        ("关于印发《阿坝州政务数据资源管理暂行办法》的通知", [], HASH_NAME, "通知"),  # outermost
        ("关于2023年上半年政务督查情况的通报", [], HASH_NAME, "通报"),
        ("2019年县政府工作报告三季度完成情况通报", [], HASH_NAME, "通报"),
        ("关于印发《督查情况通报》的通知", [], HASH_NAME, "通知"),
        ("", ["近期，县政府督查室开展了专项督查，现通报如下。"], HASH_NAME, "通报"),
        ("市政府对上半年信息报送工作发出通报", [], HASH_NAME, "其他"),  # news of a 通报, not the 通报
        ("", ["各村：", "为做好防汛工作，现将有关事项通知如下："], HASH_NAME, "通知"),
        ("中山市政务数据管理办法（试行）", [], HASH_NAME, "办法"),
        ("关于实施乡村振兴战略的意见", [], HASH_NAME, "意见"),
        ("第十四届全国人民代表大会第一次会议关于政府工作报告的决议", [], HASH_NAME, "决议"),
        ("在全县经济工作会议上的讲话", [], HASH_NAME, "讲话"),
        ("在全市乡村振兴工作推进会上的交流发言", [], HASH_NAME, "讲话"),  # an exchange, a discussion, a pledge: spoken too
        ("在县委理论学习中心组学习会上的研讨发言", [], HASH_NAME, "讲话"),
        ("2023年工作总结和2024年工作计划", [], HASH_NAME, "工作总结"),  # the summary, with a plan joined
        ("2024年工作计划", [], HASH_NAME, "工作计划"),  # the kinds an office files beside its reports
        ("中共某某县委办公室2024年工作要点", [], HASH_NAME, "工作计划"),
        ("县政府办公室2024年工作思路", [], HASH_NAME, "工作计划"),
        ("县长办公会议纪要", [], HASH_NAME, "纪要"),
        ("关于全县安全生产大检查的实施方案", [], HASH_NAME, "方案"),
        ("县防汛抗旱应急预案（修订）", [], HASH_NAME, "方案"),
        ("关于申请拨付防汛经费的请示", [], HASH_NAME, "请示"),
        ("关于印发《2024年工作要点》的通知", [], HASH_NAME, "通知"),  # outermost
        ("", ["5月10日，县长主持召开县长办公会议。现将会议议定事项纪要如下："], HASH_NAME, "纪要"),
        ("", ["为保障汛期安全，拟申请经费50万元。妥否，请批示。"], HASH_NAME, "请示"),
        ("2023年度个人述职报告", [], HASH_NAME, "工作总结"),  # a 述职报告 sums up its writer's year
        ("县审计局局长2023年度述职述责述廉报告", [], HASH_NAME, "工作总结"),
        ("关于对2023年度信息工作先进单位的通报表扬", [], HASH_NAME, "通报"),
        ("关于对部分单位公文处理不规范问题的通报批评", [], HASH_NAME, "通报"),
        ("我县政务信息工作获市级通报表扬", [], HASH_NAME, "其他"),  # news of a 通报 received
        ("县政府办公室受到省政府办公厅通报表扬", [], HASH_NAME, "其他"),
        ("关于对被通报批评单位整改情况的通报", [], HASH_NAME, "通报"),  # a 通报 that names others received
        ("关于2022年度述职述廉情况的报告", [], HASH_NAME, "工作总结"),
        ("《2023年工作总结》", [], HASH_NAME, "工作总结"),  # a title set in book marks
        # the file name when the title says nothing
        ("下载", [], "2026_上海市_政府工作报告.txt", "政府工作报告"),
        ("", [], "赤峰市调研报告__UTF16LE-BOM_CRLF.txt", "调研报告"),
        ("", [], "2022年县政府办信息工作总结.docx.txt", "工作总结"),  # (saved from a .docx)
        ("县政府办公室2023年工作总结.doc", [], HASH_NAME, "工作总结"),  # (a file's name pasted over its text)
        ("工 作 总 结", [], HASH_NAME, "工作总结"),  # (set out letter by letter)
        # a kind of 公文 the table has not is 其他, whatever its opening says (…现将有关事项通知如下：)
        ("关于表彰2023年度信息工作先进单位的决定", ["经研究，决定予以表彰。现将有关事项通知如下："], HASH_NAME, "其他"),
        # the opening
        ("", ["我办认真开展工作。现将工作总结如下："], HASH_NAME, "工作总结"),
        ("", ["现将整改落实情况报告如下："], HASH_NAME, "情况汇报"),
        ("", ["各位代表：", "现在，我代表省人民政府，向大会报告工作。"], HASH_NAME, "政府工作报告"),
        ("", ["现将《办法》印发给你们，请认真遵照执行。"], HASH_NAME, "通知"),
        ("", ["今年以来，在县委、县政府的正确领导下，圆满完成了各项任务。", "一、主要工作"], HASH_NAME, "工作总结"),
        # none of them
        ("完善工作汇报制度", [], HASH_NAME, "其他"),  # 汇报 does not end the title
        ("工会网络安全管理重点", ["工作人员应利用专用邮箱。"], HASH_NAME, "其他"),
        # a practice kept since a year (2016年以来，…) is no year-end summary's opening
        ("", ["2016年以来,区安委办实行安全生产“周查月报”制度。"], HASH_NAME, "工作动态"),
    ],
)
def test_doc_type(title, lines, name, expected):
    assert meta(title, *lines, name=name)["doc_type"] == expected


@pytest.mark.parametrize(("issue", "lines", "year"), [
    ("2023年第4期", ["8月份，县政府办公室共收到各单位报送信息168条，编发《政务信息》12期。"], 2023),
    ("2022年第12期", ["12月份，县政府办公室共收到各单位报送信息168条。", "县政府办公室", "2023年1月5日"], 2023),  # its date line's
    ("第4期", ["8月份，县政府办公室共收到各单位报送信息168条，编发《政务信息》12期。"], None),
])
def test_a_bulletins_issue_numbered_in_a_year_is_of_that_year(issue, lines, year):
    bulletin = replace(make("", "政务信息工作通报", issue, *lines), masthead="政务信息工作通报", issue=issue, title_in_text=False)
    assert enrich(bulletin, HASH_NAME)["year"] == year


# (a 政务信息 bulletin's issue telling of a meeting is a news item)
@pytest.mark.parametrize(("masthead", "expected"), [("专题会议纪要", "纪要"), ("督查通报", "通报"), ("政务信息", "工作动态")])
def test_an_issue_without_a_title_is_of_the_kind_its_masthead_names(masthead, expected):
    issue = replace(make("", masthead, "〔2023〕第15期", "8月10日下午，副县长刘某主持召开专题会议，研究城区停车难问题。"),
                    masthead=masthead, issue="2023年第15期")
    assert enrich(issue, HASH_NAME)["doc_type"] == expected


@pytest.mark.parametrize(
    ("title", "org"),
    [
        ("红安县2023年工作总结", "红安县"),
        ("城关镇2023年上半年工作总结及下半年工作打算", "城关镇"),
        ("城关镇关于2023年工作情况的报告", "城关镇"),
        ("2023年红安县工作总结", "红安县"),
        ("红安县城关镇2023年工作总结", "红安县城关镇"),
        ("湖北省2023年政府工作报告", "湖北省人民政府"),
        ("红安县人民政府办公室2023年工作总结", "红安县人民政府办公室"),  # a body named wins
        ("红安县交通运输情况", None),  # a place that only opens a topic
        # a place's account of its work in a field; not a study or a check of it
        ("红星镇乡村振兴工作情况汇报", "红星镇"),
        ("红安县防汛工作汇报", "红安县"),
        ("红安县快递行业调研工作汇报", None),
        ("红安县重点项目督查情况汇报", None),
        # …and its own rules
        ("先锋街道信息公开保密审查制度", "先锋街道"),
        ("红安县机关值班管理办法", "红安县"),
        ("红安县保密检查情况", None),
    ],
)
def test_a_places_own_report_is_the_places_when_no_body_is_named(title, org):
    assert meta(title, "今年以来，各项工作取得新进展。")["org"] == org


@pytest.mark.parametrize(
    ("title", "org", "level", "region"),
    [
        # the party committee of a place is named after 中共: the place is still read
        ("中共盱眙县委组织部2023年工作总结", "中共盱眙县委组织部", "县", "江苏省"),
        ("中共广德市委组织部2023年工作总结", "中共广德市委组织部", "县", "安徽省"),  # a county-level city
        ("中共新镇委员会2023年工作总结", "中共新镇委员会", "乡", None),  # a town the table lacks
        ("中共中央办公厅关于加强信息工作的通知", "中共中央办公厅", "中央", "全国"),
    ],
)
def test_a_party_committee_of_a_place(title, org, level, region):
    found = meta(title, "今年以来，各项工作取得新进展。")
    assert (found["org"], found["level"], found["region"]) == (org, level, region)


@pytest.mark.parametrize(
    ("title", "said", "org", "level"),
    [
        ("信丰县2024年政府工作报告", "县", "信丰县人民政府", "县"),
        ("灵宝市2024年政府工作报告", "市", "灵宝市人民政府", "县"),  # a county-level city says 市人民政府
        ("黄冈市2024年政府工作报告", "市", "黄冈市人民政府", "市"),
    ],
)
def test_the_government_a_report_speaks_for_is_its_titles_place(title, said, org, level):
    found = meta(title, "各位代表：", f"现在，我代表{said}人民政府，向大会报告工作，请予审议。")
    assert (found["org"], found["level"]) == (org, level)


@pytest.mark.parametrize(
    ("signature", "org", "level", "region"),
    [
        # undated (a draft, a web copy): the last line, a body with its place
        (["静宁县乡村振兴局"], "静宁县乡村振兴局", "县", "甘肃省"),
        (["茶陵县严塘镇人民政府"], "茶陵县严塘镇人民政府", "乡", "湖南省"),
        (["县政府办公室"], None, None, None),  # no place: nothing to go on without a date
        (["全县上下"], None, None, None),
        # the party's and the mass organisations' committees sign too
        (["中共江岸区委", "2023年12月5日"], "中共江岸区委", "县", "湖北省"),
        (["黄梅县委政法委", "2023年12月5日"], "黄梅县委政法委", "县", "湖北省"),
        (["共青团宁乡市委", "2023年12月5日"], "共青团宁乡市委", "县", "湖南省"),
        (["桑植县妇女联合会", "2023年12月5日"], "桑植县妇女联合会", "县", "湖南省"),
        # bodies that sign together on one line, set apart by wide spaces
        (["中共大悟县委\u3000大悟县人民政府", "2024年1月20日"], "中共大悟县委、大悟县人民政府", "县", "湖北省"),
        (["罗田县应急管理局\t罗田县消防救援大队", "2024年3月5日"], "罗田县应急管理局、罗田县消防救援大队", "县", "湖北省"),  # (a table's row)
        (["中共柳树乡委员会\u3000柳树乡人民政府"], "中共柳树乡委员会、柳树乡人民政府", "乡", None),  # undated, each with its place
        (["县委办公室\u3000县政府办公室"], None, None, None),
        # …or each on a line of its own above the date (each with its place; not the items a colon line lists)
        (["中共平江县委办公室", "平江县人民政府办公室", "2024年2月20日"], "中共平江县委办公室、平江县人民政府办公室", "县", "湖南省"),
        (["中共平江县委办公室", "平江县人民政府办公室", "2024年2月20日", "抄送：岳阳市人民政府办公室。"],
         "中共平江县委办公室、平江县人民政府办公室", "县", "湖南省"),  # (a short text's 版记 under them: no cover's presenter)
        (["参加单位：", "平江县发改局", "平江县人民政府办公室", "2024年2月20日"], "平江县人民政府办公室", "县", "湖南省"),
        # (nor those a heading lists, 二、优秀单位; an attachment note's items are no heading)
        (["二、政务信息工作优秀单位", "平江县审计局", "平江县应急管理局", "平江县人民政府办公室", "2024年1月15日"], "平江县人民政府办公室",
         "县", "湖南省"),
        (["（三）督查组成员单位", "平江县纪委监委", "平江县人民政府办公室", "2024年2月20日"], "平江县人民政府办公室", "县", "湖南省"),
        (["附件：1.督查工作安排表", "2.督查组人员名单", "中共平江县委办公室", "平江县人民政府办公室", "2024年2月20日"],
         "中共平江县委办公室、平江县人民政府办公室", "县", "湖南省"),
        # the office's section that did the work signs for it, with its writer's name beside it too
        (["红安县人民政府办公室信息科", "2023年7月6日"], "红安县人民政府办公室", "县", "湖北省"),
        (["仪陇县委组织部干部监督科\u3000王某", "2023年12月22日"], "仪陇县委组织部", "县", "四川省"),
        (["县财政局\u3000县审计局", "2023年12月22日"], "县财政局、县审计局", "县", None),  # (two bodies: no writer's name)
    ],
)
def test_the_signature_names_the_office(signature, org, level, region):
    found = meta("关于2023年工作情况的汇报", "一、主要工作", "全年完成各项任务。", "二、下一步打算", "继续努力。", *signature)
    assert (found["org"], found["level"], found["region"]) == (org, level, region)


@pytest.mark.parametrize(
    ("title", "signature", "org"),
    [
        ("县委办2023年工作总结", "浏阳市委办公室", "浏阳市委办公室"),
        ("县政府办2023年工作总结", "红安县人民政府办公室", "红安县人民政府办公室"),
        ("县政府办2023年工作总结", "红安县财政局", "县政府办公室"),  # another body signs: not the title's office
        # …or by its short name
        ("县人社局2023年工作总结", "元谋县人力资源和社会保障局", "元谋县人力资源和社会保障局"),
        ("县发改委2023年第三季度工作总结", "金寨县发展和改革委员会", "金寨县发展和改革委员会"),
        ("县住建局2023年工作总结", "永修县住房和城乡建设局", "永修县住房和城乡建设局"),
        # …a commission by its bureau's short name, or the reverse (renamed); not a bureau by a commission of its whole words
        ("县发改局2023年工作总结", "永修县发展和改革委员会", "永修县发展和改革委员会"),
        ("县发改委2023年工作总结", "金寨县发展和改革局", "金寨县发展和改革局"),
        ("县审计局2023年工作总结", "永修县审计委员会", "县审计局"),
        ("县人社局2023年工作总结", "元谋县人民政府", "县人社局"),
        ("县委办2023年工作总结", "红安县委机构编制委员会办公室", "县委办公室"),  # another office, not an abbreviation of it
        # …or by its formal name (a political consultative conference's, a party committee's)
        ("县政协2023年工作总结", "政协双峰县委员会", "政协双峰县委员会"),
        ("县政协2023年工作总结", "中共双峰县委员会", "县政协"),
    ],
)
def test_an_office_the_title_names_by_its_level_is_the_one_that_signs(title, signature, org):
    assert meta(title, "一年来，我办围绕中心、服务大局。", "一、主要工作", signature, "2023年12月20日")["org"] == org


def test_the_addressee_is_not_the_writer_and_attachments_do_not_hide_the_signature():
    body = ["县财政局：", "现将我局2023年度项目资金使用情况报告如下：", "一、资金到位情况", "二、资金使用情况"]
    signed = ["蕲春县农业农村局", "2023年12月1日"]
    attached = ["附件", "项目资金使用明细表", "序号\t项目名称\t金额（万元）", "1\t高标准农田建设\t500", "2\t农村公路建设\t300"]
    title = "关于2023年度项目资金使用情况的报告"
    assert meta(title, *body)["org"] is None  # 我局 writes to 县财政局: the addressee is no writer
    assert meta(title, *body, *signed, *attached)["org"] == "蕲春县农业农村局"


@pytest.mark.parametrize("date", ["2023.6.30", "2023/6/30", "2023-6-30", "（2023.6.30）"])
def test_a_date_in_figures_under_the_signature(date):
    found = meta("工作总结", "一、主要工作", "全年完成任务。", "舒城县林业局办公室", date)
    assert (found["org"], found["year"], found["date"]) == ("舒城县林业局办公室", 2023, "2023-06-30")


@pytest.mark.parametrize("typed", ["二O二三", "二0二三", "二Ｏ二三", "二o二三"])
def test_a_year_in_chinese_numerals_typed_with_a_letter_or_digit_for_its_zero(typed):
    signed = meta("县林业局工作总结", "今年以来，我局扎实推进各项工作。", "一、主要工作", "舒城县林业局", f"{typed}年十二月二十日")
    assert (signed["year"], signed["date"]) == (2023, "2023-12-20")
    assert meta(f"舒城县林业局{typed}年工作总结", "今年以来，我局扎实推进各项工作。")["year"] == 2023
    # (not a figure that ends in 0 and runs into Chinese numerals: 2020 stays 2020)
    assert meta("县林业局工作总结", "今年以来，我局扎实推进各项工作。", "舒城县林业局", "2020年十二月二十日")["year"] == 2020


@pytest.mark.parametrize("month", ["2023年10月", "二〇二三年十月"])
def test_a_cover_names_who_presents_it_and_when(month):
    found = meta("汇报材料", "醴陵市教育局", month, "尊敬的各位领导：", "现将有关情况汇报如下。")
    assert (found["org"], found["year"], found["level"], found["region"]) == ("醴陵市教育局", 2023, "县", "湖南省")


@pytest.mark.parametrize(("signed", "opening", "year"), [
    ("2023年12月", "今年以来，我局扎实推进各项工作。", 2023),
    ("二〇二三年十二月", "今年以来，我局扎实推进各项工作。", 2023),
    ("（2023年11月）", "今年以来，我局扎实推进各项工作。", 2023),
    ("2024年1月", "一年来，我局扎实推进各项工作。", 2023),  # a year's summary signed early in the next
])
def test_a_signatures_month_line_dates_the_year(signed, opening, year):
    found = meta("县林业局工作总结", opening, "一、主要工作", "完成植树造林1.2万亩。", "舒城县林业局", signed)
    assert (found["year"], found["date"]) == (year, None)


@pytest.mark.parametrize(("signed", "year", "date"), [
    ("舒城县林业局　2023年12月", 2023, None), ("舒城县林业局 二〇二三年十二月", 2023, None),
    ("舒城县林业局　2023.12.20", 2023, "2023-12-20"),
])
def test_a_signature_and_its_month_or_day_in_figures_on_one_line_date_the_year(signed, year, date):
    found = meta("县林业局工作总结", "今年以来，我局扎实推进各项工作。", "一、主要工作", "完成植树造林1.2万亩。", signed)
    assert (found["org"], found["year"], found["date"]) == ("舒城县林业局", year, date)


@pytest.mark.parametrize("seal", [["（盖章）"], ["盖章"], []])
def test_where_the_seal_goes_is_no_line_of_the_signature(seal):
    signed = ["罗田县应急管理局（公章）"] if not seal else ["罗田县应急管理局", *seal]
    found = meta("关于开展安全检查的通知", "各乡镇人民政府，县直各单位：", "现就有关事项通知如下，请认真抓好落实。", *signed, "2024年3月5日")
    assert (found["org"], found["year"]) == ("罗田县应急管理局", 2024)


@pytest.mark.parametrize(("signature", "org"), [
    (["许昌市市级层面整治形式主义", "为基层减负专项工作机制办公室"], "许昌市市级层面整治形式主义为基层减负专项工作机制办公室"),
    (["中共罗田县委农村工作领导小组", "办公室"], "中共罗田县委农村工作领导小组办公室"),  # (its office under the group)
    (["罗田县推进长江经济带", "共抓大保护工作领导小组", "办公室"], "罗田县推进长江经济带共抓大保护工作领导小组办公室"),
    (["罗田县新冠肺炎疫情防控", "指挥部"], "罗田县新冠肺炎疫情防控指挥部"),
    # a body under a line of text, and bodies each of its own place, stay as they were
    (["罗田县各单位要认真抓好落实", "县应急管理局"], "县应急管理局"),
    (["中共罗田县委办公室", "罗田县人民政府办公室"], "中共罗田县委办公室、罗田县人民政府办公室"),
])
def test_a_signing_bodys_long_name_wrapped_over_two_lines_is_one_name(signature, org):
    found = meta("关于开展安全检查的通知", "各乡镇人民政府，县直各单位：", "现就有关事项通知如下，请认真抓好落实。", *signature, "2024年3月5日")
    assert found["org"] == org


@pytest.mark.parametrize(("title", "lines", "doc_type"), [
    # a news item of a unit's work: its lead opens with the day of a deed, past a dateline or a purpose clause
    ("县政协召开社情民意信息工作会", ["5月3日下午，县政协召开社情民意信息工作会，县政协主席出席会议并讲话。"], "工作动态"),
    ("", ["5月28日，全镇党的群众路线教育实践活动动员大会在镇大会议室召开，县督导组到会指导。"], "工作动态"),
    ("", ["本报讯（记者王芳）3月27日下午，全县统计工作会议在县政府三楼会议室召开，县委常委出席会议。"], "工作动态"),
    ("", ["为认真落实全市秸秆禁烧工作会议精神，6月1日，由开发区纪工委牵头组成督查组，对各村秸秆禁烧工作进行督查。"], "工作动态"),
    ("广水集中督办代表建议办理工作", ["日前，广水市人大常委会组织5个督办组，对代表建议办理工作进行集中督办，确保建议件件有落实。"], "工作动态"),
    # under a headline that tells of a deed, the time it has been at it
    ("新渡镇持续加强宣传力量", ["近年来，新渡镇各项经济和社会事业稳步发展，对活动宣传、总结报道的要求也日益增多。"], "工作动态"),
    # a unit doing a deed in its lead's first sentence, past its time and purpose; a scene; a reporter's words
    ("", ["今年以来，高店乡采取有效措施，推动“基层减负”各项举措落地见效。"], "工作动态"),
    ("", ["为加强作风建设，贯彻落实活动要求，阳明区加大“神秘人”监督力度，开展暗访检查。"], "工作动态"),
    ("", ["“你们对原料堆场异味问题是怎么整改的？”郫都区委第一督查组在督查企业时问道。"], "工作动态"),
    ("", ["按照市纪委统一安排，记者在国庆节前一天走访了部分镇乡窗口单位的上下班情况。"], "工作动态"),
    # not: a document's name over the same lead, a notice to its addressees, a text of a type, an untitled 今年以来,
    # a rule's day, a document's formula
    ("镇政务信息报送工作制度", ["今年以来，为规范全镇政务信息报送工作，特制定本制度，各村各单位要认真执行。"], "其他"),
    ("", ["自2024年5月1日起，全县各级机关实行新的考勤制度，请各单位遵照执行。"], "其他"),
    ("", ["2024年3月28日，县人民政府印发了《目标任务分工方案》，现将主要内容解读如下："], "其他"),
    ("", ["各乡镇人民政府，县直各单位：", "5月28日，县政府召开全县防汛工作会议，会议要求各地压实责任，请认真贯彻落实。"], "其他"),
    ("县水利局2023年工作总结", ["1月以来，县水利局在县委县政府的坚强领导下，扎实推进各项工作，取得明显成效。"], "工作总结"),
    ("", ["今年以来，在县委、县政府的正确领导下，我局扎实推进各项工作，取得了明显成效。"], "其他"),
])
def test_a_news_item_of_a_units_work_is_typed_as_such(title, lines, doc_type):
    assert meta(title, *lines)["doc_type"] == doc_type


@pytest.mark.parametrize(("title", "lines", "doc_type"), [
    # a headline whose type word is what a deed was done to is news, not that document
    ("县长刘强听取县教育局工作汇报", ["6月18日，县长刘强听取县教育局工作汇报，县直有关单位负责人参加。"], "工作动态"),
    ("我县一村入选全国乡村旅游重点村名单", ["近日，文化和旅游部公布名单，我县一村榜上有名。"], "工作动态"),
    ("县纪委监委开展节前廉政提醒", ["端午节前夕，县纪委监委对全县党员干部开展节前廉政提醒。"], "工作动态"),
    ("罗田县开展安全生产月活动实施方案", ["为深入开展安全生产月活动，制定本方案。", "一、活动主题"], "方案"),  # (the plan itself)
    ("县人社局推行“一窗通办”服务", ["今年以来，县人社局全面推行“一窗通办”服务，群众办事更便捷。"], "工作动态"),
    # an official's signed article, a Q&A, a notice to the public are no news
    ("坚持人民至上　推动高质量发展", ["罗田县委书记　张三", "高质量发展是全面建设社会主义现代化国家的首要任务。", "一、坚持人民至上"], "其他"),
    ("打造一流营商环境", ["问：今年有哪些新举措？", "答：我们全面推行“一窗通办”服务。"], "其他"),
    ("森林防火温馨提示", ["近期我县气温持续偏高，森林火险等级高，请广大群众严禁野外用火。"], "其他"),
    # an untitled year's review in parts is a summary; a spoken report to inspectors is a 汇报; a study by its usual names
    ("", ["2023年，县审计局在县委、县政府的坚强领导下，认真履行审计监督职责。", "一、主要工作", "二、存在问题"], "工作总结"),
    ("县民政局养老服务工作汇报材料", ["尊敬的督查组各位领导：", "下面，我将我县养老服务工作情况作简要汇报。", "一、基本情况"], "情况汇报"),
    ("关于县域民营经济发展的调查与思考", ["近期，我们采取问卷调查、座谈走访等形式进行了调研。", "一、基本情况"], "调研报告"),
])
def test_a_documents_word_a_signed_article_and_a_spoken_report(title, lines, doc_type):
    assert meta(title, *lines)["doc_type"] == doc_type


def test_an_issue_of_a_news_bulletin_is_news():
    bulletin = replace(make("", "工作简报", "第8期", "县委组织部开展年轻干部锻炼", "7月以来，县委组织部选派45名年轻干部到乡镇一线锻炼。"),
                       masthead="工作简报", issue="第8期", title_in_text=False)
    assert enrich(bulletin, HASH_NAME)["doc_type"] == "工作动态"


@pytest.mark.parametrize(("title", "org"), [
    ("【工作动态】县民政局开展养老机构安全检查", "县民政局"),  # (a column's tag)
    ("聚焦民生实事 县住建局加快推进老旧小区改造", "县住建局"),  # (a kicker)
    ("县医保局推行一站式结算", "县医保局"),  # (a headline's verb is no part of the name)
    ("县长刘强听取县教育局工作汇报", None),
    ("县委理论学习中心组举行集体学习", "县委理论学习中心组"),
])
def test_a_headlines_subject_is_its_office(title, org):
    assert meta(title, "6月18日，有关单位负责人参加了活动。")["org"] == org


@pytest.mark.parametrize("title", ["我县一村入选全国乡村旅游重点村名单", "喜报！我县荣获“全国义务教育优质均衡发展县”称号"])
def test_a_title_that_speaks_as_the_county_is_the_countys_though_it_names_the_whole_country(title):
    found = meta(title, "近日，文化和旅游部公布名单，我县三里畈镇某村榜上有名。")
    assert (found["level"], found["region"]) == ("县", None)


def test_a_file_name_is_no_news_headline():
    """工会信访督查考核.txt names a topic: a lead without news in it stays 其他 under it."""
    lead = "各级工会机关应当将工会信访工作纳入督查范围，每年至少组织开展一次专项督查。"
    assert meta("", lead, name="工会信访督查考核.txt")["doc_type"] == "其他"
    assert meta("", lead, name="市总工会开展信访督查考核.txt")["doc_type"] == "其他"
    assert meta("市总工会开展信访督查考核", lead)["doc_type"] == "工作动态"  # (the same words as the text's own headline)


@pytest.mark.parametrize("rows", [8, 30])
def test_attachments_after_the_signature_leave_its_office_and_date(rows):
    """附件 / a table under 罗田县统计局 / 2024年12月5日: the report's end is over them, however long they run."""
    table = ["附件", "统计年报工作联系表", "单位名称\t联系人\t联系电话", *(f"{i}\t\t" for i in range(1, rows))]
    found = meta("关于做好统计年报工作的通知", "各乡镇统计站：", "现就有关事项通知如下。", "一、工作要求", "罗田县统计局", "2024年12月5日",
                 *table)
    assert (found["org"], found["year"], found["date"]) == ("罗田县统计局", 2024, "2024-12-05")


@pytest.mark.parametrize("formula", ["现将2023年度履职情况报告如下。", "现将2023年度述职述廉情况报告如下。", "现将2023年度工作情况总结如下。"])
def test_the_formula_that_reports_a_years_duties_dates_it(formula):
    assert meta("工作总结", formula, "一、主要工作", "罗田县财政局")["year"] == 2023


@pytest.mark.parametrize(("name", "org"), [
    ("九资河镇2024年政府工作报告.txt", "九资河镇人民政府"),  # a town the division table lacks
    ("罗田县2024年政府工作报告.txt", "镇人民政府"),  # a place of another level says nothing of the 镇's
    (HASH_NAME, "镇人民政府"),
])
def test_a_body_named_by_its_level_takes_the_place_its_file_is_named_by(name, org):
    opening = "现在，我代表镇人民政府向大会报告工作，请予审议。"
    assert meta("2024年政府工作报告", "各位代表：", opening, "一、2023年工作回顾", name=name)["org"] == org


@pytest.mark.parametrize("field", ["单位及职务\u3000\u3000罗田县疾病预防控制中心\u3000\u3000科员", "工作单位：罗田县疾病预防控制中心"])
def test_a_forms_unit_field_names_its_writers_office(field):
    found = meta("事业单位工作人员年度考核登记表", "姓名\u3000\u3000王芳\u3000\u3000性别\u3000\u3000女", field, "个人总结：",
                 "一年来，本人认真学习政治理论，努力提高业务水平。")
    assert found["org"] == "罗田县疾病预防控制中心"


def test_a_personal_reports_writer_signs_it_with_the_month():
    found = meta("个人工作总结", "我自2021年3月任龙口镇党委书记以来，认真履职。现将有关情况报告如下。", "一、履职情况", "张三", "2023年12月")
    assert found["year"] == 2023


@pytest.mark.parametrize(("title", "org"), [
    ("罗田县残疾人联合会2023年工作总结", "罗田县残疾人联合会"), ("罗田县科协2023年工作总结", "罗田县科协"),
    ("罗田县红十字会2023年工作总结", "罗田县红十字会"), ("罗田县工商联2023年工作总结", "罗田县工商联"),
    ("罗田县供销合作社联合社2023年工作总结", "罗田县供销合作社联合社"),
])
def test_a_mass_organisation_or_a_co_operative_is_an_office(title, org):
    """Not the county its name opens with: the organisation itself writes."""
    assert meta(title, "今年以来，我们扎实推进各项工作。", "一、主要工作")["org"] == org


@pytest.mark.parametrize("signature", ["七里坪镇司法所", "罗田县消防救援大队", "罗田县三里畈镇财政所", "三里畈镇自然资源所",
                                       "罗田县三里畈镇林业站", "罗田县三里畈镇综合执法队"])
def test_a_station_of_the_justice_or_fire_service_signs(signature):
    assert meta("2023年工作总结", "今年以来，我们扎实推进各项工作。", "一、主要工作", signature, "2023年12月20日")["org"] == signature


@pytest.mark.parametrize(("signature", "level", "region"), [
    ("本溪市人民政府", "市", "辽宁省"), ("当阳市人民政府", "县", "湖北省"), ("同心县人民政府", "县", "宁夏回族自治区"),
    ("从江县人民政府", "县", "贵州省"),
])
def test_a_place_whose_name_opens_with_a_preposition_signs_as_a_place(signature, level, region):
    """本溪, 当阳, 同心, 从江: a place of the table whose first character is a word that opens no subject elsewhere (本, 当…)."""
    found = meta("2023年工作总结", "今年以来，我们扎实推进各项工作。", "一、主要工作", signature, "2023年12月20日")
    assert (found["org"], found["level"], found["region"]) == (signature, level, region)


@pytest.mark.parametrize(("signature", "date_line", "year", "date"), [
    (("坊门街社区居民委员会",), "2023年12月", 2023, None),  # a community's
    (("中共齐乐镇委员会　　齐乐镇人民政府",), "2023年9月", 2023, None),  # bodies signing together
    (("沂水经济开发区管理委员会",), "2023.12.28", 2023, "2023-12-28"),  # a zone's, in figures
    (("武汉经济技术开发区管委会",), "2023年12月20日", 2023, "2023-12-20"),  # a zone's by its full kind and 管委会
    (("黄冈高新技术产业开发区管委会",), "2023年12月20日", 2023, "2023-12-20"),
])
def test_a_signature_of_any_body_dates_the_text(signature, date_line, year, date):
    found = meta("关于防汛工作情况的报告", "今年以来，我们认真落实防汛责任。", "一、主要工作", "开展隐患排查。", *signature, date_line)
    assert (found["year"], found["date"]) == (year, date)
    assert found["org"] == "、".join(" ".join(signature).split())


@pytest.mark.parametrize(("byline", "org"), [("巴东县委政研室课题组", "巴东县委政研室"), ("邛崃市委政研室 课题组", "邛崃市委政研室"),
                                          ("中共巴东县委政策研究室", "中共巴东县委政策研究室")])  # (no 课题组)
def test_a_studys_team_under_its_title_writes_it(byline, org):
    assert meta("关于我县农村集体经济发展情况的调研报告", byline, "为深入了解全县农村集体经济发展情况，课题组开展了专题调研。")["org"] == org


def test_a_persons_paper_is_its_writers_office():
    found = meta("2023年度主题教育专题民主生活会个人对照检查材料", "中共秦安县委办公室　张建军", "（2024年1月18日）",
                 "根据民主生活会的安排，现将个人对照检查情况报告如下。")
    assert (found["org"], found["level"]) == ("中共秦安县委办公室", "县")


def test_a_research_office_signs_its_study():
    lines = ("近期，我室组成调研组，深入12个乡镇开展调研。", "一、基本情况", "全县村级集体经济收入稳步增长。", "中共鄢陵县委政策研究室",
             "2023年10月12日")
    assert meta("关于村级集体经济发展情况的调研报告", *lines)["org"] == "中共鄢陵县委政策研究室"


@pytest.mark.parametrize(
    ("speaker", "org", "level"),
    [
        ("南阳市副市长 赵某某", "南阳市人民政府", "市"),
        ("荆门市人民政府市长  孙某某", "荆门市人民政府", "市"),
        ("县委常委、县委办主任 李四", "县委办公室", "县"),
        ("县长 刘某某", "县人民政府", "县"),
        ("县委书记 王五", "县委", "县"),
        ("主任 李四", None, "县"),  # whose 主任: nothing said (the level is the meeting's: 在全县…)
    ],
)
def test_a_speechs_speaker_line_names_the_body(speaker, org, level):
    found = meta("在全县安全生产工作会议上的讲话", speaker, "（2023年2月16日）", "同志们：", "今天召开会议。")
    assert (found["org"], found["level"]) == (org, level)


@pytest.mark.parametrize(
    ("title", "opening", "org", "level"),
    [
        # a personal report's post, named in its opening, is the writer's office
        ("述职报告", "我自2021年任堌阳镇党委书记以来，团结带领全镇干部群众，认真履职尽责。", "堌阳镇党委", "乡"),
        ("述职述廉报告", "本人现任红安县七里坪镇镇长，主持镇政府全面工作。", "红安县七里坪镇人民政府", "乡"),
        ("2023年度个人工作总结", "2023年，本人担任县财政局副局长，分管预算股、国库股工作。", "县财政局", "县"),
        # of several posts, the work and not the rank (副书记, 常委, 党组书记); a post without its office's name is
        # of the first one's
        ("述职报告", "本人任城关镇党委副书记、镇长以来，始终坚持以人民为中心。", "城关镇人民政府", "乡"),
        ("个人述职述廉报告", "我自2020年担任县委常委、常务副县长以来，分管工业、安全生产工作。", "县人民政府", "县"),
        ("述职报告", "本人任红安县财政局党组书记、局长，主持局全面工作。", "红安县财政局", "县"),
        ("述职报告", "作为县委办公室主任，我始终把服务大局放在首位。", "县委办公室", "县"),
        # past the name the writer gives first
        ("述职述廉报告", "我叫李红梅，现任团风县财政局副局长，分管预算工作。", "团风县财政局", "县"),
        ("述职述廉报告", "本人李红梅，2021年3月起任团风县财政局副局长。", "团风县财政局", "县"),
    ],
)
def test_a_personal_reports_office_is_its_posts(title, opening, org, level):
    found = meta(title, "各位领导、同志们：", opening, "一、加强学习", "二、履职尽责")
    assert (found["org"], found["level"]) == (org, level)


@pytest.mark.parametrize(
    ("title", "opening", "org"),
    [
        # a body's 述职 speaks as the body (its office is read as any report's)
        ("述职报告", "今年以来，县政务服务中心在县委、县政府的正确领导下，扎实推进各项工作。", "县政务服务中心"),
        ("2023年度领导班子述职报告", "本人任城关镇党委书记以来，始终坚持以人民为中心。", None),  # the team's, not the post's
        ("述职报告", "我担任主任以来，始终坚持学习。", None),  # whose 主任: not said
        ("述职报告", "本人始终把责任扛在肩上，当好镇长的参谋助手。", None),  # 责任 is no appointment
        ("述职报告", "我县自2021年任命了12名乡镇党委书记。", None),  # 我县 speaks as a county
        ("县委办公室主任述职报告", "本人任城关镇党委书记以来，始终坚持学习。", "县委办公室"),  # the title's post
    ],
)
def test_no_post_office_from_a_bodys_report_or_an_unnamed_post(title, opening, org):
    assert meta(title, "各位领导、同志们：", opening, "一、主要工作")["org"] == org


# past the opening, where the rules of the opening do not look
_BODY_OF_SPEECH = tuple(f"（{k}）各乡镇、各部门要切实加强组织领导，落实工作责任，确保各项任务落到实处。" for k in range(1, 60))


@pytest.mark.parametrize(
    ("title", "later", "org", "region"),
    [
        # the place the text names the body with, signing it (a county the table lacks too) or as a later clause's subject
        ("在全县安全生产工作会议上的讲话", ("平安县人民政府", "2024年2月20日"), "平安县人民政府", None),
        ("在全县安全生产工作会议上的讲话", ("会后，永修县人民政府将对各乡镇落实情况进行专项督查。",), "永修县人民政府", "江西省"),
        ("市总工会2023年工作总结", ("下一步，南阳市总工会将继续发挥桥梁纽带作用。",), "南阳市总工会", "河南省"),
        ("镇人民政府2023年工作总结", ("堌阳镇人民政府", "2023年12月28日"), "堌阳镇人民政府", None),
        # a 区 body signing with its zone's name (a zone is no place the table holds)
        ("区公安局2023年第四季度保安单位抽查工作情况", ("东海综合实验区公安局", "2023年12月5日"), "东海综合实验区公安局", "江苏省"),
        # a town's 党委 signs with its full name; a verb before it (召开镇党委会议) is no town's stem
        ("镇党委会议纪要", ("中共漕河镇委员会", "2023年8月11日"), "漕河镇党委", None),
        ("镇党委会议纪要", ("会议要求，下次召开镇党委会议前完成。", "中共漕河镇委员会", "2023年8月11日"), "漕河镇党委", None),
        # two places, another county's body held up or quoted, another county named beside it: not completed
        ("在全县安全生产工作会议上的讲话", ("会后，永修县人民政府、东明县人民政府将联合督查。", "东明县人民政府将牵头。"), "县人民政府", None),
        ("在全县安全生产工作会议上的讲话", ("去年，东明县人民政府率先推行“拿地即开工”，这一做法值得我们借鉴。",), "县人民政府", None),
        ("在全县安全生产工作会议上的讲话", ("我们要学习永修县人民政府的经验。",), "县人民政府", None),
        ("在全县安全生产工作会议上的讲话", ("会后，永修县人民政府将开展督查。", "去年我县与东明县签订了合作协议。"), "县人民政府", None),
        # another county's body that comes to us, to help or to work with us
        ("在全县安全生产工作会议上的讲话", ("3月，东明县人民政府派出工作组到我县开展对口帮扶。",), "县人民政府", None),
        ("在全县安全生产工作会议上的讲话", ("下一步，东明县人民政府将与我县共同推进劳务协作。",), "县人民政府", None),
        # a place the table lacks only on a line of its own (按照 opens a clause as a place would)
        ("在全县安全生产工作会议上的讲话", ("会后，平安县人民政府将开展督查。",), "县人民政府", None),
        ("在全县安全生产工作会议上的讲话", ("同时，按照县人民政府印发《通知》要求，开展督查。",), "县人民政府", None),
    ],
)
def test_a_body_named_by_its_level_word_gets_the_place_the_text_names_it_with(title, later, org, region):
    found = meta(title, "同志们：", "今天，县人民政府召开会议。" if "讲话" in title else "2023年，我们全面完成各项任务。",
                 *_BODY_OF_SPEECH, *later)
    assert (found["org"], found["region"]) == (org, region)


@pytest.mark.parametrize(
    ("title", "opening", "later", "org"),
    [
        # the one county the text names, as a clause's subject: the body's own (a county-level city's for a 县 body)
        ("县人民政府2023年度法治政府建设情况报告", "2023年，永修县坚持以习近平法治思想为指导。", "县人民政府", "永修县人民政府"),
        ("县人民政府关于上半年工作情况的汇报", "今年以来，蕲春县经济平稳运行。现将我县上半年工作汇报如下：", "", "蕲春县人民政府"),
        ("县政府办公室关于政务信息工作情况的通报", "全年报送信息1560条，蕲春县政务信息工作在全市位列第二。", "县政府办公室",
         "蕲春县人民政府办公室"),
        ("县人民政府上半年工作总结", "今年以来，全市经济回升。截至6月底，灵宝市地区生产总值增长6%。", "", "灵宝市人民政府"),
        # …or the one county the text's work is for (为怀远县…奠定基础): its own
        ("县应急管理局2023年工作总结", "一年来，县应急管理局加强灾害信息员队伍建设，为怀远县汛期及时准确报送灾害信息奠定了良好基础。",
         "", "怀远县应急管理局"),
        ("县应急管理局2023年工作总结", "一年来，县应急管理局组织干部为怀远县捐款。", "", "县应急管理局"),  # no work for it
        # …or the one county or district named anywhere in a text written as ours (我区, 我县), though inside a list
        ("区政府办公室获省政府表彰", "2012年，我区及时报送政务信息。项目落户耀州、耀州区打响攻坚战等信息被省政府采用。", "",
         "耀州区人民政府办公室"),
        ("区政府办公室获省政府表彰", "2012年，项目落户耀州、耀州区打响攻坚战等信息被省政府采用。", "", "区政府办公室"),  # not ours
        # (not 我市: a county-level city's text names its prefecture, a 市 too)
        ("市政协召开社情民意信息工作会议", "去年，我市政协报送信息。其中8篇被泰州市级以上录用。", "", "市政协"),
        # (…named by its bare stem, which no other unit has: 江阴 + 市, a county-level city's 市政协)
        ("市政协召开社情民意信息工作座谈会", "8月16日上午，市政协召开社情民意信息工作座谈会，为幸福江阴建设作出积极贡献。", "", "江阴市政协"),
        ("县作风办2023年工作总结", "一年来，县作风办开展督察，为建设生态天全作出贡献。", "", "天全县作风办"),
        # (…a stem used as a name: not a phrase that opens with one, 为富民强县作出贡献, 为共和国…, 为延长产业链条营造…)
        ("县政协召开常委会议", "近日，县政协召开常委会议，号召广大委员为富民强县作出新的更大贡献。", "", "县政协"),
        ("县总工会开展庆七一活动", "6月30日，县总工会开展主题活动，号召全县职工为共和国的繁荣富强作出贡献。", "", "县总工会"),
        ("县营商办督查情况通报", "近日，县营商办开展营商环境专项督查，为延长产业链条营造良好环境。", "", "县营商办"),
        # two counties, one held up as an example or helping us, one named inside a clause only, a body's line: not completed
        ("县人民政府上半年工作总结", "今年以来，蕲春县、武穴市经济平稳运行。", "", "县人民政府"),
        ("县人民政府上半年工作总结", "去年，永修县率先推行“拿地即开工”，这一做法值得我们借鉴。", "", "县人民政府"),
        ("县人民政府上半年工作总结", "3月，东明县派出工作组到我县开展对口帮扶。", "", "县人民政府"),
        ("县人民政府上半年工作总结", "今年以来，我们赴永修县学习了招商经验。", "", "县人民政府"),
        ("县政府办2023年工作总结", "一年来，我办围绕中心、服务大局。", "红安县财政局", "县政府办公室"),
        # a town's body by the town (with its county, if so written) a clause opens with; not a clause 会议由镇党委… opens
        ("镇人民政府2023年上半年工作总结", "今年以来，城关镇在县委、县政府的坚强领导下稳步发展。", "", "城关镇人民政府"),
        ("镇党委2023年度基层党建工作述职报告", "2023年，信丰县大塘埠镇党委坚持以党建引领发展。", "", "信丰县大塘埠镇党委"),
        ("镇党委2023年工作总结", "5月28日，全镇动员大会召开。会议由镇党委王某主持。", "", "镇党委"),
        ("镇党委2023年工作总结", "今年以来，城关镇、新华镇共同推进产业发展。", "", "镇党委"),
    ],
)
def test_a_body_named_by_its_level_word_gets_the_county_a_clause_opens_with(title, opening, later, org):
    assert meta(title, opening, "一、主要工作", "全年完成各项任务。", *([later] if later else []), "2024年1月15日")["org"] == org


@pytest.mark.parametrize(
    ("title", "lines", "org"),
    [
        # a town's body named with the county the text writes it after (城关镇 is many counties' town)
        ("信丰县嘉定镇2023年工作总结", ["2023年，嘉定镇党委、镇政府团结带领全镇干部群众攻坚克难。", "嘉定镇人民政府"], "信丰县嘉定镇人民政府"),
        ("关于落实全面从严治党主体责任情况的报告", ["2023年，红安县七里坪镇党委认真落实主体责任。", "中共七里坪镇委员会"],
         "中共红安县七里坪镇委员会"),
        # no county before the town, or two: as signed
        ("2023年工作总结", ["2023年，嘉定镇党委、镇政府团结带领全镇干部群众攻坚克难。", "嘉定镇人民政府"], "嘉定镇人民政府"),
        ("2023年工作总结", ["信丰县城关镇、红安县城关镇结为友好乡镇。", "城关镇人民政府"], "城关镇人民政府"),
        # …or with the county the text names as its superior: under whose lead it works, or its 主送
        ("2023年工作总结", ["2023年，嘉定镇在信丰县委、县政府的坚强领导下攻坚克难。", "嘉定镇人民政府"], "信丰县嘉定镇人民政府"),
        ("关于申请拨付防汛资金的请示", ["信丰县人民政府：", "入汛以来，我镇遭受强降雨袭击。妥否，请批示。", "中共嘉定镇委员会"],
         "中共信丰县嘉定镇委员会"),
        # (not one whose help it has, nor when the text names another county too)
        ("2023年工作总结", ["2023年，嘉定镇在昆山市委、市政府的大力支持下攻坚克难。", "嘉定镇人民政府"], "嘉定镇人民政府"),
        ("2023年工作总结", ["2023年，嘉定镇在信丰县委、县政府的坚强领导下，与安远县共建产业园。", "嘉定镇人民政府"], "嘉定镇人民政府"),
    ],
)
def test_a_towns_body_is_named_with_its_county(title, lines, org):
    assert meta(title, *lines[:-1], "一、主要工作", "全年完成各项任务。", lines[-1], "2023年12月20日")["org"] == org


@pytest.mark.parametrize(
    ("title", "org", "level"),
    [
        # a place's account of its own work, after 关于; a town named after its county is the most specific place
        ("关于红安县七里坪镇2023年工作情况的汇报", "红安县七里坪镇", "乡"),
        ("关于七里坪镇2023年上半年工作总结", "七里坪镇", "乡"),
        # a study or check of a place is others' work; its place is only what the title is about
        ("关于红安县七里坪镇2023年乡村振兴情况的调研报告", None, "乡"),
        ("关于红安县2023年工作情况的督查报告", None, "县"),
    ],
)
def test_a_title_about_a_places_own_work_names_the_place(title, org, level):
    found = meta(title, "一、主要工作", "全年完成各项任务。")
    assert (found["org"], found["level"]) == (org, level)


@pytest.mark.parametrize(
    ("line", "year_min"),
    [
        ("“十四五”以来，全县交通运输事业快速发展。", 2021),
        ("十三五时期以来，全县累计投入资金20亿元。", 2016),
        ("全县正在编制“十四五”规划。", None),  # a plan drafted, not a period begun
    ],
)
def test_a_five_year_plans_period_since_bounds_the_year(line, year_min):
    found = meta("交通运输发展情况调研报告", line, "一、主要成效")
    assert (found["year"], found["year_min"]) == (None, year_min)


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("2022年临泽县政协农村饮水调研报告.txt", "甘肃省"),  # a year in figures ends a word: 临泽县 starts one
        ("2023年度红安县乡村振兴工作汇报.txt", "湖北省"),
        ("中南部县城建设调研报告.txt", None),  # (南部县 inside a word is still no place)
    ],
)
def test_a_county_after_a_year_in_a_file_name_is_found(name, region):
    assert meta("关于我县农村工作的调研报告", "一、基本情况", "全县共建成集中供水工程86处。", name=name)["region"] == region


def test_a_county_after_a_day_in_figures_is_found():
    # 沙雅县 is of the easily confused names (…雅县): a date in figures before it ends a word, as a year does
    names = [p.name for p in find_places("这是9月25日沙雅县纪委给乡镇下发的督办函。")]
    assert names == ["沙雅县"]
    assert not find_places("次日沙雅县")  # (a day not in figures says nothing)


@pytest.mark.parametrize(
    ("signature", "org"),
    [
        # a bulletin's issuer named by its level word (县委督查室) signs with its place after the party's prefix
        ("中共太和县委督查室", "太和县委督查室"),
        ("太和县委督查室", "太和县委督查室"),
        ("县委督查室", "县委督查室"),
    ],
)
def test_a_bulletins_issuer_gets_the_place_it_signs_with(signature, org):
    # (the line above the masthead, …督查通报, ends in two characters: no place 通报县 before 县委督查室)
    found = enrich(parse(("关于全县“三夏”生产工作的督查通报", "县委督查室", "督查通报", "第8期",
                          "6月5日至7日，县委督查室对全县16个乡镇进行了督查。各乡镇高度重视，措施有力。", "一、基本情况",
                          "各乡镇均成立了工作专班。", signature, "2023年6月9日"), HASH_NAME), HASH_NAME)
    assert found["org"] == org


def test_a_districts_street_office_is_of_the_township_level():
    found = meta("关于2023年工作情况的汇报", "一、主要工作", "全年完成任务。", "宜宾市翠屏区人民政府南岸街道办事处", "2023年12月1日")
    assert (found["level"], found["region"]) == ("乡", "四川省")


@pytest.mark.parametrize("title", ["国家发展改革委关于2023年国民经济和社会发展计划执行情况的报告", "国家民委2023年工作总结"])
def test_the_state_councils_commissions_are_central_bodies(title):
    found = meta(title, "各省、自治区、直辖市：")
    assert (found["org"], found["level"], found["region"]) == (title.split("关于")[0].split("2023")[0], "中央", "全国")


@pytest.mark.parametrize(
    ("edition", "date"),
    [
        ("县人民政府办公室编                    2023年6月15日", "2023-06-15"),
        ("中共七里坪镇委员会办公室　　　　2024年3月8日", "2024-03-08"),
        ("报名截止 2023年6月15日", None),  # a field's date, not an edition's
    ],
)
def test_a_bulletins_edition_line_dates_the_issue(edition, date):
    found = enrich(parse(("政 务 信 息", "第12期", edition, "七里坪镇扎实开展作风建设年活动",
                          "今年以来，七里坪镇以作风建设年活动为抓手，持续转变干部作风，组织干部集中学习。"), HASH_NAME), HASH_NAME)
    assert (found["date"], found["year"]) == (date, int(date[:4]) if date else None)


@pytest.mark.parametrize("edition", ["县政府办公室编", "县政府办公室主办", "县政府办公室编　　　　6月15日", "县政府办公室编发"])
def test_a_bulletins_editor_without_the_year_edits_it(edition):
    """…without the day, or with its day without the year (the issue line's), and however it says it edits (主办, 编发)."""
    report = parse(("政务信息", "第6期", edition, "我县扎实开展“三夏”生产", "6月以来，全县抢抓农时，扎实开展“三夏”生产。"), HASH_NAME)
    found = enrich(report, HASH_NAME)
    assert (report.title, found["org"], found["year"]) == ("我县扎实开展“三夏”生产", "县政府办公室", None)


def test_a_joint_bulletins_editors_side_by_side_edit_it():
    found = enrich(parse(("督 查 通 报", "第3期", "中共郸城县委督查室　　郸城县人民政府督查室　　　　2023年5月12日",
                          "关于全县重点项目建设推进情况的督查通报", "4月下旬，县委县政府督查室对全县28个重点项目进行了专项督查。"),
                         HASH_NAME), HASH_NAME)
    assert (found["org"], found["date"]) == ("中共郸城县委督查室、郸城县人民政府督查室", "2023-05-12")


@pytest.mark.parametrize(
    ("title", "org", "level"),
    [
        # public institutions write their own summaries: the title names the writer
        ("县人民医院2023年工作总结", "县人民医院", "县"),
        ("红安县人民医院关于2023年医疗质量管理工作情况的汇报", "红安县人民医院", "县"),
        ("七里坪镇中心学校2023年工作总结", "七里坪镇中心学校", "乡"),  # not 七里坪镇中心
        ("仁怀市档案馆2023年工作总结", "仁怀市档案馆", "县"),
        ("县供电公司2023年安全生产工作总结", "县供电公司", "县"),
        ("县公安局交警大队2023年工作总结", "县公安局交警大队", "县"),
        ("中国人民银行红安县支行2023年工作总结", "中国人民银行红安县支行", "县"),
        # a central system's bureau of a place is of the place's level, not 中央
        ("国家税务总局红安县税务局2023年工作总结", "国家税务总局红安县税务局", "县"),
        ("国家税务总局湖北省税务局2023年工作总结", "国家税务总局湖北省税务局", "省"),
        ("国务院办公厅2023年工作总结", "国务院办公厅", "中央"),
        ("全县中小学校安全工作总结", None, None),  # the schools of a county: no one writer
        ("乡镇卫生院2023年工作总结", None, None),  # a kind of body
        ("县中学生运动会圆满闭幕", None, None),  # 中学生 are pupils
        ("国家电网湖北省电力有限公司红安县供电公司2023年工作总结", "国家电网湖北省电力有限公司红安县供电公司", "县"),
    ],
)
def test_an_institution_or_a_central_systems_local_bureau_writes_its_report(title, org, level):
    found = meta(title, "今年以来，在县委、县政府的正确领导下，我单位认真履行职责，各项工作取得了明显成效。")
    assert (found["org"], found["level"]) == (org, level)


@pytest.mark.parametrize("signature", ["中国人民银行罗田县支行", "国网罗田县供电公司"])
def test_a_central_banks_or_the_state_grids_county_branch_signs(signature):
    found = meta("2023年工作总结", "2023年，我们扎实推进各项工作。", "一、主要工作", signature, "2023年12月20日")
    assert (found["org"], found["level"], found["region"]) == (signature, "县", "湖北省")


def test_a_title_naming_a_kind_of_body_leaves_the_writer_to_the_signature():
    for title in ("县高中学生资助工作情况汇报", "县属国有公司改革情况汇报", "县直各学校安全隐患排查整治情况的报告"):
        assert meta(title, "全县工作稳步推进。", "红安县教育局", "2023年12月1日")["org"] == "红安县教育局", title


def test_a_central_systems_unit_of_a_place_is_of_its_province():
    found = meta("国家税务总局红安县税务局2023年工作总结", "2023年，我局认真履行职责。")
    assert (found["level"], found["region"]) == ("县", "湖北省")
    # the statistics bureau's survey teams are named by the bare stem of their place
    # (a stem that names a city and a county, or a province: the city's team; 渠县 names its level)
    for org, level, region in (("国家统计局红安调查队", "县", "湖北省"), ("国家统计局武汉调查队", "市", "湖北省"),
                               ("国家统计局湖北调查总队", "省", "湖北省"), ("国家统计局长沙调查队", "市", "湖南省"),
                               ("国家统计局吉林调查队", "市", "吉林省"), ("国家统计局渠县调查队", "县", "四川省")):
        found = meta(f"{org}2023年工作总结", "2023年，我队认真履行职责。")
        assert (found["org"], found["level"], found["region"]) == (org, level, region)


def test_an_institution_signs_its_report_but_a_survey_counting_companies_names_none():
    assert meta("2023年工作总结", "今年以来，我院认真履行职责。", "红安县人民医院", "2024年1月10日")["org"] == "红安县人民医院"
    assert meta("关于快递行业从业人员社会保险的调研报告", "松桃县现有7家快递公司，从业人员300余人。")["org"] is None


def test_a_meetings_day_and_hour_is_not_the_notices_date():
    lines = ("各镇人民政府，县直各部门：", "经研究，定于近期召开观摩会。现将有关事项通知如下：", "一、会议时间",
             "2024年3月22日（星期五）上午8:30，会期半天。", "二、参会人员", "各镇镇长。", "城固县人民政府办公室", "2024年3月18日")
    assert meta("关于召开全县项目建设观摩会的通知", *lines)["date"] == "2024-03-18"


def test_the_signatures_date_is_the_成文日期_not_the_版记s_printing_day():
    lines = ("各乡镇人民政府：", "《方案》已经县政府同意，现印发给你们，请认真贯彻执行。", "桐庐县人民政府办公室", "2024年3月5日",
             "桐庐县城乡环境综合整治实施方案", "一、主要任务", "（1）第1项任务。", "（2）第2项任务。",
             "桐庐县人民政府办公室                     2024年3月6日印发")
    assert meta("桐庐县人民政府办公室关于印发《桐庐县城乡环境综合整治实施方案》的通知", *lines)["date"] == "2024-03-05"


def test_the_版记s_printing_line_dates_the_document_and_names_its_office():
    lines = ("各乡镇人民政府，县政府各部门：", "现将《方案》印发给你们，请认真贯彻执行。", "抄送：县委办公室，县人大常委会办公室。",
             "嵩县人民政府办公室                      2023年5月6日印发")
    found = meta("关于印发安全生产工作方案的通知", *lines)
    assert (found["org"], found["year"], found["date"]) == ("嵩县人民政府办公室", 2023, "2023-05-06")
    assert meta("嵩县人民政府关于印发安全生产工作方案的通知", *lines)["org"] == "嵩县人民政府"  # the issuer the title names


@pytest.mark.parametrize(
    ("title", "org"),
    [
        # a body's name holds no year, nor is a kind of government a policy names (法治政府, 数字政府) a body
        ("红安县2023年度法治政府建设情况报告", "红安县"),
        ("红安县人民政府2023年政府信息公开工作年度报告", "红安县人民政府"),
        ("县司法局2023年法治政府建设工作总结", "县司法局"),
        ("团风县2023年数字政府建设工作总结", "团风县"),
        ("红安县2023年基层党组织建设工作总结", "红安县"),  # 党组织 is no 党组
        ("红安县2023年安全生产领导小组工作总结", "红安县"),
    ],
)
def test_a_titles_topic_is_not_cut_into_its_office(title, org):
    assert meta(title, "今年以来，各项工作取得新进展。")["org"] == org


@pytest.mark.parametrize(
    ("title", "opening", "signed", "year"),
    [
        # a year's summary signed early in the next is of the year its opening names
        ("县商务局工作总结", "2023年，我局在县委县政府的正确领导下，各项工作取得新成效。", "2024年1月10日", 2023),
        ("述职述廉报告", "2023年，本人认真履行岗位职责。", "二〇二四年一月八日", 2023),
        ("县林业局年度工作总结", "一年来，在县委、县政府的坚强领导下，我局扎实推进各项工作。", "2024年1月8日", 2023),  # the year just past
        ("县林业局年度工作总结", "过去的一年，我局扎实推进各项工作。", "2024年2月8日", 2023),
        ("县林业局工作总结", "今年以来，我局扎实推进各项工作。", "2024年1月8日", 2024),  # (a month's work, as it says)
        # or whose formula names the year it sums up (现将…2023年度…总结如下)
        ("工作总结", "现将2023年度工作情况总结如下。", "2024年1月10日", 2023),
        ("县商务局工作总结", "根据县委要求，现将我局2023年工作开展情况汇报如下：", "2024年2月6日", 2023),
        ("述职报告", "我自2021年任堌阳镇党委书记以来，现将2023年度个人履职情况报告如下。", "2024年1月10日", 2023),
        ("县商务局工作总结", "现将2024年工作计划报告如下。", "2024年1月10日", 2024),  # the year it plans: its own
        ("县商务局工作总结", "现将2023年第四季度工作情况报告如下。", "2024年3月10日", 2024),  # not so early
        # a year the formula names for something else than the year's work
        ("整改工作总结", "现将落实2023年度市委巡察反馈意见整改情况总结如下。", "2024年2月6日", 2024),
        ("工作总结", "现将2023年度考核以来至今的工作总结如下。", "2024年2月6日", 2024),
        ("县商务局工作总结", "2023年，我局在县委县政府的正确领导下，各项工作取得新成效。", "2024年3月10日", 2024),  # not so early
        ("关于表彰2023年度先进村的决定", "2023年，各村认真贯彻落实。", "2024年2月1日", 2024),  # a decision: its own date
    ],
)
def test_a_summary_signed_early_in_the_next_year_is_of_the_year_it_sums_up(title, opening, signed, year):
    assert meta(title, opening, "一、主要工作", "全年完成各项任务。", "县商务局", signed)["year"] == year


@pytest.mark.parametrize(
    ("lines", "year", "date"),
    [
        # minutes are of the meeting they record, when no date line says otherwise
        (["第12期", "2023年5月10日，县长李明主持召开县长办公会议，研究城区供水改造等事项。现纪要如下："], 2023, "2023-05-10"),
        (["2023年5月10日上午，在县政府三楼会议室，县长李明主持召开县长办公会议。会议纪要如下："], 2023, "2023-05-10"),
        (["县政府办公室    2023年5月12日", "5月10日，县长李明主持召开县长办公会议。现纪要如下："], 2023, "2023-05-12"),  # its edition line
        # a date that is not the meeting's opens no minutes' year: an event it names
        (["会议指出，2022年3月1日以来全县共开展督查12次。会议要求："], None, None),
    ],
)
def test_minutes_are_of_the_meeting_they_record(lines, year, date):
    found = meta("县长办公会议纪要", *lines, "一、关于城区供水管网改造工作", "会议要求，县水利局要加快推进。")
    assert (found["doc_type"], found["year"], found["date"]) == ("纪要", year, date)


@pytest.mark.parametrize(
    "lines",
    [
        ["（2023年12月）", "县政府办公室副主任  刘芳"],  # a month line under the title
        ["2023年12月", "县政府办公室副主任  刘芳"],
        ["县政府办公室副主任  刘芳", "（2023年12月）"],  # …or under the writer's byline
        ["述职人：县政府办公室副主任 刘芳", "2023年12月"],
    ],
)
def test_a_personal_reports_byline_gives_its_post_and_its_month_line_its_year(lines):
    found = meta("述职述廉报告", *lines, "按照县委统一安排，现将本人一年来履职情况报告如下：", "一、加强学习，提升素质")
    assert (found["year"], found["org"]) == (2023, "县政府办公室")


def test_a_month_line_in_a_body_is_no_year():
    """Only a month line right under the title or a byline dates the text: one inside it is an event's."""
    found = meta("述职述廉报告", "按照县委统一安排，现将本人履职情况报告如下：", "2019年3月", "本人调任县政府办公室。")
    assert found["year"] is None


@pytest.mark.parametrize(("title", "org"), [("县审计局局长述职报告", "县审计局"), ("市财政厅厅长述职报告", "市财政厅"),
                                          ("县教育局副局长述职述廉报告", "县教育局")])
def test_a_head_named_in_the_title_is_not_cut_into_the_office(title, org):
    assert meta(title, "一年来，我认真履职尽责。")["org"] == org


@pytest.mark.parametrize(
    ("name", "opening", "org"),
    [
        ("红安县乡村振兴汇报.txt", "今年以来，我县紧紧围绕乡村振兴战略推进各项工作。", "红安县"),
        ("工作汇报-灵宝市.txt", "今年以来，我市紧紧围绕乡村振兴战略推进各项工作。", "灵宝市"),
        ("长岭镇.txt", "今年以来，我镇各项工作取得新进展。", "长岭镇"),
        ("红安县乡村振兴汇报.txt", "今年以来，全县紧紧围绕乡村振兴战略推进各项工作。", None),  # the text does not speak as it
        # …or the office (我局 in 罗田县水利局's file; not 我局 in the 县政府办公室's)
        ("罗田县水利局2023年工作汇报.txt", "今年以来，我局扎实推进各项工作。", "罗田县水利局"),
        ("罗田县人民政府办公室工作汇报.txt", "今年以来，我局扎实推进各项工作。", None),
    ],
)
def test_the_place_a_file_is_named_by_writes_when_the_text_speaks_as_it(name, opening, org):
    assert meta("关于乡村振兴工作情况的汇报", opening, name=name)["org"] == org


def test_a_party_schools_team_writes_its_study():
    assert meta("关于县域经济高质量发展的调研报告", "黄冈市委党校课题组", "一、主要做法", "红安县建立项目专班机制。")["org"] == "黄冈市委党校"


@pytest.mark.parametrize(("title", "signed"), [("幸福社区2023年度工作总结", "幸福社区居民委员会"), ("红旗村2023年工作总结", "红旗村村民委员会"),
                                              ("大屋村2023年工作总结", "中共大屋村支部委员会")])
def test_a_villages_or_communitys_body_is_below_the_county(title, signed):
    found = meta(title, "今年以来，各项工作取得新进展。", "一、党建引领", signed, "2023年12月20日")
    assert (found["org"], found["level"]) == (signed, "乡")


def test_the_bodies_attending_a_meeting_do_not_write_its_minutes():
    found = meta("关于春耕生产工作的会议纪要", "4月7日，县长王某某主持召开专题会议。纪要如下：", "一、关于春耕生产", "会议要求抓好农资供应。",
                 "出席：王某某　李某某", "列席：县农业农村局、县应急管理局主要负责同志")
    assert found["org"] != "县农业农村局"


def test_a_bulletins_items_are_its_editors():
    lines = ("工作简报", "第12期", "中共红安县委办公室编\u3000\u30002023年9月18日", "七里坪镇推动清廉村居建设走深走实",
             "今年以来，七里坪镇聚焦村级权力运行，建立问题清单。")
    report = parse(lines, HASH_NAME)
    assert enrich(report, HASH_NAME)["org"] == "中共红安县委办公室"


@pytest.mark.parametrize(
    ("title", "lines", "name", "year"),
    [
        # a summary that plans too is its own year's; only a meeting's 总结暨 is the next year's
        ("红安县商务局2023年工作总结暨2024年工作设想", ["正文。"], HASH_NAME, 2023),
        ("2023年工作总结暨2024年工作部署", ["正文。"], HASH_NAME, 2023),
        # a month line or a date in figures dates a text only where a cover or a signature puts it
        ("2024年1月全县经济运行情况", ["一、总体", "全县经济平稳。", "2023年12月"], HASH_NAME, 2024),
        ("红安县2023年大事记", ["2022年12月", "县委召开全会。"], HASH_NAME, 2023),
        ("关于2024年工作安排的报告", ["一、安排", "截止日期", "2023.12.31"], HASH_NAME, 2024),
        ("系统操作手册", ["版本", "2021.3.15"], HASH_NAME, None),
        # the day a file was saved comes after the text's own date
        ("县商务局工作总结", ["一、主要工作", "全年完成。", "县商务局", "2023年12月28日"], "20240105县商务局工作总结.txt", 2023),
        # a month's summary signed after the month is of its date
        ("1月份工作总结", ["2023年，我局在县委的领导下。", "一、主要工作", "县商务局", "2024年1月31日"], HASH_NAME, 2024),
    ],
)
def test_no_wrong_year_from_a_rule_made_for_another_form(title, lines, name, year):
    assert meta(title, *lines, name=name)["year"] == year


@pytest.mark.parametrize(
    ("title", "lines", "name", "org"),
    [
        ("关于成立县安全生产委员会的通知", ["成员单位如下：", "县委办公室", "县政府办公室", "红安县应急管理局"], HASH_NAME, None),  # a list's last
        ("关于乡村振兴工作情况的汇报", ["今年以来，我乡紧紧围绕。"], "推进乡村振兴工作汇报.txt", None),  # 推进乡 is no town
        ("全县各乡镇2023年人居环境整治工作总结", ["今年以来。"], HASH_NAME, None),
        ("县公安局长在全县会议上的讲话", ["同志们："], HASH_NAME, "县公安局"),
        ("贯彻国家和省委决策部署情况汇报", ["今年以来。"], HASH_NAME, None),
    ],
)
def test_no_wrong_office_from_a_rule_made_for_another_form(title, lines, name, org):
    assert meta(title, *lines, name=name)["org"] == org


def test_a_motto_titles_names_no_type_its_subtitle_does():
    report = replace(make("攻坚克难 砥砺前行", "——红安县人民政府办公室2023年工作总结", "一、主要工作"),
                     subtitle="红安县人民政府办公室2023年工作总结")
    assert enrich(report, HASH_NAME)["doc_type"] == "工作总结"
    assert meta("攻坚克难 砥砺前行", "一、主要工作")["doc_type"] == "其他"


@pytest.mark.parametrize(
    ("subtitle", "opening", "org", "level", "region"),
    [
        # a motto's subtitle that names the paper as a place's own names its writer
        ("潜山市黄铺镇乡村振兴典型材料", "黄铺镇位于潜山市北部，辖12个村（社区）。", "潜山市黄铺镇", "乡", "安徽省"),
        ("黄铺镇乡村振兴经验材料", "近年来，我镇以党建为引领，大力发展特色产业。", "黄铺镇", "乡", None),
        ("如皋市政务服务改革经验交流材料", "近年来，我们坚持以群众满意为标准。", "如皋市", "县", "江苏省"),
        # …not a meeting it was spoken at, nor a study of a place
        ("在全县平安建设工作会议上的交流发言", "近年来，我们坚持和发展新时代“枫桥经验”。", None, None, None),
        ("红安县农村集体经济发展情况调研报告", "今年5月，课题组深入各乡镇开展调研。", None, None, "湖北省"),
        # …nor a place a study takes as its case, though its opening speaks of it
        ("以岳西县为例", "近年来，岳西县围绕乡镇政府职能转变进行了积极探索。", None, None, "安徽省"),
    ],
)
def test_a_subtitle_that_names_a_places_paper_names_its_writer(subtitle, opening, org, level, region):
    report = replace(make("党建引领聚合力 乡村振兴展新颜", "——" + subtitle, opening, "一、主要做法"), subtitle=subtitle)
    result = enrich(report, HASH_NAME)
    assert (result["org"], result["level"], result["region"]) == (org, level, region)


# Text made of the characters the rules look at, so that random draws hit them often.
_PIECES = list(
    "县市省区乡镇州旗政府办公室局委员会总工会关于印发通知办法意见讲话在上的报告年月日度"
    "〇一二三四五六七八九十届中全会党大国务院我代表令 ，。；：《》“”（）\n0123456789０２—到至以来前xX×*"
) + [
    "北京市", "通州区", "阿坝州", "浙政钉", "松桃县", "2023年", "二〇二三年", "党的二十大", "第十四届全国人民代表大会第一次会议",
]


@settings(max_examples=300, deadline=None)
@given(
    title=st.lists(st.sampled_from(_PIECES), max_size=20).map("".join),
    body=st.lists(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), max_size=8),
    name=st.sampled_from([HASH_NAME, "2026_上海市_政府工作报告.txt", "关于.txt", ""]),
)
def test_any_text_gives_well_formed_values(title, body, name):
    result = meta(title, *body, name=name)
    assert set(result) == KEYS
    assert result["doc_type"] in DOC_TYPES
    assert result["level"] in LEVELS + (None,)
    assert (result["year"] is None) == (result["year_source"] is None)
    assert result["year"] is None or 1949 <= result["year"] <= 2030
    assert result["level"] != "中央" or result["region"] == "全国"
    assert result["year"] is None or result["year_min"] is None
    assert result["date"] is None or FIELD_BY_NAME["date"].check(result["date"]) is None
    assert result["chars"] == len("".join(make(title, *body).text().split()))


# ------------------------------------------------------------------------------ chars, redactions


def test_chars_count_non_whitespace_and_the_title_only_when_in_text():
    assert meta("标题", "一 二\u3000三\t四", "五")["chars"] == 2 + 5
    assert enrich(make("标题", "一二三", title_in_text=False), HASH_NAME)["chars"] == 3


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("全年参加各类学习**余次", 1),
        ("共推荐正科级干部*人、副科级干部*人", 2),
        ("形成“*+**+N”的顶层设计", 2),
        ("根据《xx市人民政府办公室》和XX县、ｘｘ乡的要求", 3),
        ("××县××乡，×月×日", 4),
        ("＊＊市", 1),
        ("面积3×4米，3 × 4 = 12", 0),  # multiplication
        ("深入实施“数据要素×”行动", 0),  # a campaign name
        ("box、Xbox 和 xxx.com", 1),  # only the standalone xxx
        ("没有占位符。", 0),
    ],
)
def test_redactions(line, expected):
    assert meta("", line)["redactions"] == expected


# ----------------------------------------------------------------------------- reading real files


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def load(path: Path) -> ParsedReport:
    """Crude parse: legal-database header lines dropped, a short first line without sentence
    punctuation is the title (a repeat of it dropped), every other line a paragraph."""
    text = _decode(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u200b", "")  # zero-width spaces of web copies
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line and not line.startswith(("【法宝引证码】", "原文链接"))]
    title = ""
    if lines and len(lines[0]) <= 60 and not re.search(r"[。！？；，,;]", lines[0]):
        title = lines.pop(0)
        if lines and lines[0] == title:
            lines.pop(0)
    blocks = tuple(Block("paragraph", line) for line in lines)
    return ParsedReport(title, False, bool(title), blocks)


def enrich_file(path: Path) -> dict:
    return enrich(load(path), path.name)


# Each seed read by hand; the reason for each value is beside it.
SEEDS = {
    # No title; "现将工作总结如下". No year is written; it cites 党的二十大 and 二十届一中全会
    # (2022). Speaks as 我办; the offices it names most are 县政府办 (县政府办动态跟踪…), and
    # 当好县政府参谋助手; 广西 (参加广西代表团讨论, 视察广西) is its province. xx ×5.
    "000_90a8bdb48d7b146b.txt": (None, None, 2022, "县政府办公室", "县", "广西壮族自治区", "工作总结", 5),
    # No title; opens "今年以来，在县委、县政府的正确领导下，县政府办公室领导班子…" and reviews
    # the year. 党的二十大召开后 (2022); no place is named. 20 runs of **.
    "001_51d150ff54b8e775.txt": (None, None, 2022, "县政府办公室", "县", None, "工作总结", 20),
    # Title 2023年度行政审批服务局办公室工作总结; the text says 县行政审批服务局办公室; it
    # promotes 湘易办 (湖南's service app; it also names 株洲、衡阳). 选派*等, 今日* = 2.
    "002_7e7baea9c4728bd4.txt": (2023, "title", None, "县行政审批服务局办公室", "县", "湖南省", "工作总结", 2),
    # Title …整改落实情况汇报; opens "乡按照《…》要求"; no year or place is named; 习近平总书记 (2012).
    "003_9d8438802bbb5cb7.txt": (None, None, 2012, None, "乡", None, "情况汇报", 0),
    # Title 市政府办公室领导班子工作总结; 党的二十大 (2022); 浙政钉 (浙江's platform). 166 runs of *.
    "004_44c2ec44da6bf8ab.txt": (None, None, 2022, "市政府办公室", "市", "浙江省", "工作总结", 166),
}
FIELDS = ("year", "year_source", "year_min", "org", "level", "region", "doc_type", "redactions")


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_seed_reports(name):
    result = enrich_file(REPORTS / name)
    assert set(result) == KEYS
    assert tuple(result[field] for field in FIELDS) == SEEDS[name]
    assert result["chars"] == len("".join(load(REPORTS / name).text().split())) > 2000


# ---------------------------------------------------------------------------------- the corpus


@pytest.fixture(scope="module")
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    return CORPUS


# lucyciaa research reports: titles only in the file names, each about one city or county.
SURVEYS = {
    "关于松桃县快递行业从业人员社会保险及权益保障的调研报告.txt": ("贵州省", "县"),
    "赤峰市企业欠缴职工社会保险费问题的调研报告.txt": ("内蒙古自治区", "市"),
    "关于阳泉市市属困难企业职工社会保险情况的调研报告.txt": ("山西省", "市"),
    "河南省安阳市部分困难企业职工社会保险费拖欠和断缴情况调研报告.txt": ("河南省", "市"),
    "北京市通州区企业员工参与社会保险及 待遇落实情况调研报告.txt": ("北京市", "县"),
    "关于吴忠市社会保险费征缴体制改革工作现状及工会维权新举措的调研报告.txt": ("宁夏回族自治区", "市"),
    "四川省自贡市典型困难企业职工社会保险费 断缴和拖欠情况调研报告.txt": ("四川省", "市"),
    "天津市示范性劳模和工匠人才创新工作室现状及作用发挥情况的调研报告.txt": ("天津市", "省"),
    "关于南昌市农民工参保情况的调研报告.txt": ("江西省", "市"),
}


@pytest.mark.corpus
def test_corpus_surveys_are_research_reports_with_a_region(corpus):
    folder = corpus / "lucyciaa+knowledge"
    surveys = sorted(folder.glob("*调研报告*.txt"))
    assert {path.name for path in surveys} == set(SURVEYS)
    for path in surveys:
        result = enrich_file(path)
        assert result["doc_type"] == "调研报告", path.name
        assert (result["region"], result["level"]) == SURVEYS[path.name], path.name
    # The union's survey reports of the research office and the national union: 调研报告 too.
    for name in ("第一次中国职工状况调查报告（1982年）.txt", "第八次中国职工状况调查报告（2017年）.txt"):
        result = enrich_file(folder / name)
        expected = ("调研报告", int(name[-10:-6]), "中央", "全国")
        assert (result["doc_type"], result["year"], result["level"], result["region"]) == expected


@pytest.mark.corpus
def test_corpus_survey_bodies(corpus):
    folder = corpus / "lucyciaa+knowledge"
    nanchang = enrich_file(folder / "关于南昌市农民工参保情况的调研报告.txt")
    assert (nanchang["org"], nanchang["year"], nanchang["year_source"]) == ("南昌市总工会", 2019, "text")
    tongzhou = enrich_file(folder / "北京市通州区企业员工参与社会保险及 待遇落实情况调研报告.txt")
    assert tongzhou["org"] == "北京市通州区总工会"  # not 北京市总工会, whose notice it cites first
    chifeng = enrich_file(folder / "赤峰市企业欠缴职工社会保险费问题的调研报告.txt")
    assert (chifeng["org"], chifeng["year"]) == ("赤峰市总工会", None)  # 市总工会 of the title's city; no year written


@pytest.mark.corpus
def test_corpus_provincial_government_reports(corpus):
    folder = corpus / "johncodes404+china-provincial-gov-reports-2026" / "derived_full_text"
    paths = sorted(folder.glob("2026_*_政府工作报告.txt"))
    assert len(paths) == 8
    for path in paths:
        province = path.name.split("_")[1]
        result = enrich_file(path)
        assert result["region"] == province, path.name
        assert result["level"] == "省", path.name
        assert result["year"] == 2026, path.name
        assert result["doc_type"] == "政府工作报告", path.name
        assert result["org"] == province + "人民政府", path.name


@pytest.mark.corpus
def test_corpus_state_council_reports(corpus):
    folder = corpus / "aldohemsn+chinese-political-corpora" / "derived_jsonl"
    paths = sorted(folder.glob("*_国务院政府工作报告.txt"))
    assert len(paths) >= 8
    for path in paths:
        result = enrich_file(path)
        expected = (int(path.name[:4]), "filename")
        assert (result["year"], result["year_source"]) == expected, path.name
        assert (result["level"], result["region"]) == ("中央", "全国"), path.name
        assert result["doc_type"] == "政府工作报告", path.name
    assert enrich_file(folder / "2025_国务院政府工作报告.txt")["org"] == "国务院"
    resolution = enrich_file(folder / "2023_关于政府工作报告的决议.txt")
    assert (resolution["doc_type"], resolution["level"], resolution["year"]) == ("决议", "中央", 2023)


@pytest.mark.corpus
def test_corpus_state_council_years_from_text_alone(corpus):
    """Without the file name, a report with a date line still gets its year; one without gets
    only the lower bound of the events it names (2025's cites the 二十届三中全会 of 2024)."""
    folder = corpus / "aldohemsn+chinese-political-corpora" / "derived_jsonl"
    result = enrich(load(folder / "2021_国务院政府工作报告.txt"), HASH_NAME)
    assert (result["year"], result["year_source"]) == (2021, "text")
    result = enrich(load(folder / "2025_国务院政府工作报告.txt"), HASH_NAME)
    assert (result["year"], result["year_min"]) == (None, 2024)


@pytest.mark.corpus
def test_corpus_legal_database_documents(corpus):
    expected = {
        "包头市人民政府办公室关于印发《包头市2022年数": ("包头市人民政府办公室", "市", "内蒙古自治区", "通知", 2022),
        "北京市经济和信息化局印发《关于推进北京市数": ("北京市经济和信息化局", "省", "北京市", "通知", 2022),
        "安徽省人民政府办公厅关于印发支持工业互联网": ("安徽省人民政府办公厅", "省", "安徽省", "通知", 2021),
        "阿坝州人民政府办公室关于印发《阿坝州政务数": ("阿坝州人民政府办公室", "市", "四川省", "通知", 2021),
        "中国(上海)自由贸易试验区临港新片区管理办法": ("上海市人民政府", "省", "上海市", "办法", 2019),
        "中山市政务数据管理办法": ("中山市人民政府", "市", "广东省", "办法", 2020),
        "广东省公共数据管理办法": ("广东省人民政府", "省", "广东省", "办法", 2021),
    }
    paths = sorted((corpus / "mengke25+policy_text_frenq").glob("*.txt"))
    paths += sorted((corpus / "mengke25+policy_text_analyse").glob("*.txt"))
    seen = set()
    for path in paths:
        key = next((k for k in expected if path.name.startswith(k)), None)
        if key is None:
            continue
        seen.add(key)
        result = enrich_file(path)
        got = tuple(result[f] for f in ("org", "level", "region", "doc_type", "year"))
        assert got == expected[key], path.name
    assert seen == set(expected)


@pytest.mark.corpus
def test_corpus_central_documents(corpus):
    folder = corpus / "YangBingxi+BIT-PythonLearning"
    rural = enrich_file(folder / "关于实施乡村振兴战略的意见.txt")
    assert (rural["org"], rural["level"], rural["region"]) == ("中共中央 国务院", "中央", "全国")
    assert (rural["year"], rural["doc_type"]) == (2018, "意见")  # its date line （2018年1月2日）
    congress = enrich_file(folder / "新时代中国特色社会主义.txt")
    assert (congress["year"], congress["level"], congress["doc_type"]) == (2017, "中央", "讲话")


@pytest.mark.corpus
def test_corpus_re_encoded_copies_agree_with_their_originals(corpus):
    derived = corpus / "derived_encodings"
    pairs = {
        "阿坝州政务数据办法__UTF8-BOM_CRLF.txt": "mengke25+policy_text_frenq/"
        "阿坝州人民政府办公室关于印发《阿坝州政务数...(FBM-CLI.12.4792728).txt",
        "1960_国务院政府工作报告__GBK_LF.txt": "aldohemsn+chinese-political-corpora/"
        "derived_jsonl/1960_国务院政府工作报告.txt",
    }
    for copy, original in pairs.items():
        a, b = enrich_file(derived / copy), enrich_file(corpus / original)
        assert {k: a[k] for k in ("org", "level", "region", "doc_type", "chars")} == {
            k: b[k] for k in ("org", "level", "region", "doc_type", "chars")
        }, copy
    for copy, region in (
        ("松桃县调研报告__GB18030_CRLF.txt", "贵州省"),
        ("赤峰市调研报告__UTF16LE-BOM_CRLF.txt", "内蒙古自治区"),
    ):
        result = enrich_file(derived / copy)
        assert (result["doc_type"], result["region"]) == ("调研报告", region), copy


@pytest.mark.corpus
def test_corpus_values_are_always_well_formed(corpus):
    for path in sorted(corpus.rglob("*.txt")):
        result = enrich_file(path)
        assert set(result) == KEYS
        assert result["doc_type"] in DOC_TYPES
        assert result["level"] in LEVELS + (None,)
        assert (result["year"] is None) == (result["year_source"] is None)
        assert result["year"] is None or 1949 <= result["year"] <= 2030
        assert result["year_source"] in (None, "title", "filename", "text", "event")
        assert result["level"] != "中央" or result["region"] == "全国"
    assert result["year"] is None or result["year_min"] is None


# ------------------------------------------------------------------------------ secret_level


@pytest.mark.parametrize("lines, level", [
    (("密级：内部", "正文。"), "内部"),
    (("密级: 公开",), "公开"),
    (("秘密★1年", "正文。"), "秘密"),
    (("机密★长期",), "机密"),
    (("　绝密 ★ 10年",), "绝密"),
    (("一、工作情况", "全县保守国家秘密工作扎实。"), None),  # 秘密 in a sentence is no marking
    (("秘密",), None),  # a bare word: no ★, no 密级
    (("密级：内部资料，请勿外传，不得复制、摘抄或者以任何形式转载本文",), None),  # a sentence, not a marking line
    (("一", "二", "三", "四", "五", "密级：内部"), None),  # only the first lines carry the marking
    (("000123", "特急", "平政办发〔2024〕12号", "签发人：张三", "机密★5年"), "机密"),  # deep in a 版头
    (("县人民政府：", "秘密★1年"), None),  # after the text has begun
])
def test_secret_level_is_read_from_the_marking_at_the_top(lines, level):
    assert meta("县政府办公室工作总结", *lines)["secret_level"] == level


@pytest.mark.parametrize(
    ("title", "lines", "org", "level", "region"),
    [
        # the lines under a regulation's title say who adopted or issued it
        ("潍坊市12345政务服务便民热线条例", ["2021年10月21日 潍坊市第十七届人民代表大会常务委员会第四十八次会议通过",
                                 "2021年12月3日 山东省第十三届人民代表大会常务委员会第三十二次会议批准"],
         "潍坊市人民代表大会常务委员会", "市", "山东省"),
        ("信访工作条例", ["2022年1月24日 中共中央政治局会议审议批准", "2022年2月25日 中共中央、国务院发布"],
         "中共中央、国务院", "中央", "全国"),
        ("机关事务管理条例", ["2012年6月13日 国务院第208次常务会议通过", "2012年6月28日 中华人民共和国国务院令第621号公布"],
         "国务院", "中央", "全国"),
        # a title that opens with its issuers and a verb
        ("中央层面整治形式主义为基层减负专项工作机制办公室 中央纪委办公厅公开通报3起典型问题",
         ["新华社北京1月19日电 日前，对3起典型问题进行通报。", "1.辽宁省鞍山市海城市花费高额费用。"],
         "中央层面整治形式主义为基层减负专项工作机制办公室、中央纪委办公厅", "中央", "全国"),
        # the most specific of the places an office's name opens with
        ("重庆市沙坪坝区总工会关于新业态从业人员社会保险的调研报告", ["为了解情况，开展调研。"],
         "重庆市沙坪坝区总工会", "县", "重庆市"),
        # a 汇报 to a visiting group, spoken for a place's party committee and government: the place's
        ("关于乡村振兴工作情况的汇报", ["尊敬的调研组各位领导：", "首先，我代表七里坪镇党委、政府，对各位领导莅临我镇表示欢迎！"],
         "七里坪镇", "乡", None),
        ("工作情况汇报", ["各位领导：", "下面，我代表红安县委、县政府，将全县工作情况汇报如下。"], "红安县", "县", "湖北省"),
        ("工作情况汇报", ["各位领导：", "我代表镇党委和镇政府，向各位领导表示感谢。"], None, None, None),  # which town: not said
        # a body's name never holds 我: 县委第二巡察组对我局 is the group and whom it checked, the report is the signer's
        ("关于县委第二巡察组反馈意见整改情况的报告",
         ["县委第二巡察组：", "2023年5月至6月，县委第二巡察组对我局开展了常规巡察，并于8月反馈了巡察意见。",
          "一、整改工作开展情况", "红安县统计局党组", "2023年11月20日"], "红安县统计局党组", "县", "湖北省"),
        ("关于县委第二巡察组反馈意见整改情况的报告", ["2023年5月至6月，县委第二巡察组对我局开展了常规巡察，并于8月反馈了巡察意见。",
                                        "一、整改工作开展情况"], None, None, None),
        # an 经验交流材料's subtitle names its own body (its 经验 is not another's held up)
        ("创新机制抓落实 凝心聚力促发展", ["——红安县政府办公室经验交流材料", "近年来，县政府办公室坚持以“马上就办”为抓手，不断提升服务水平。",
                                   "一、健全督查机制"], "红安县人民政府办公室", "县", "湖北省"),
    ],
)
def test_who_made_it(title, lines, org, level, region):
    result = meta(title, *lines)
    assert (result["org"], result["level"], result["region"]) == (org, level, region)


@pytest.mark.parametrize(
    ("lines", "org", "region"),
    [
        # the body a line of its own names under the document number (a letterhead)
        (["珠政办函〔2018〕26号", "珠晖区人民政府办公室", "各街道、乡镇：", "区政府决定对先进单位予以表彰。"],
         "珠晖区人民政府办公室", "湖南省"),
        # a one-character county is a place where its government follows (寿县人民政府督查室)
        (["寿县政务督查", "20期", "寿县人民政府督查室 2022年8月19日", "县政府督查室对上半年落实情况进行了专项督查。"],
         "寿县人民政府督查室", "安徽省"),
        # a 信息公开 table whose cells are set apart by one space
        (["文件名称 2024年第五次县政府常务会议确定事项 落实情况的通报", "公开责任部门 紫阳县政府办公室 公开形式: 主动公开",
          "县政府督查室对确定事项开展了专项督查。"], "紫阳县人民政府办公室", "陕西省"),
    ],
)
def test_the_office_a_letterhead_or_table_names(lines, org, region):
    result = meta("", *lines)
    assert (result["org"], result["region"]) == (org, region)


@pytest.mark.parametrize(
    ("title", "lines", "org"),
    [
        # the body a line of its own names right under the title (or its subtitle): who presents the paper
        ("坚持数字赋能 做实接诉即办", ["——如皋市12345政务服务便民热线工作经验交流材料", "如皋市政务服务管理办公室",
                                   "近年来，如皋市深入践行以人民为中心的发展思想。"], "如皋市政务服务管理办公室"),
        ("关于防汛工作的情况汇报", ["红安县水利局", "今年以来，我局认真贯彻落实防汛工作部署。"], "红安县水利局"),
        ("强基础 补短板 全力推动信息工作提质增效", ["——在全县政务信息工作会议上的交流发言", "青树坪镇",
                                          "近年来，我镇高度重视政务信息工作。"], "青树坪镇"),  # a town, under the subtitle
        ("以“小切口”推动“大治理”", ["——关于我区网格化服务管理工作的调研报告", "区委政研室\u3000区社会治理中心",
                               "2024年5月，调研组深入6个街道开展了专题调研。"], "区委政研室、区社会治理中心"),  # bodies together
        ("关于防汛工作的情况汇报", ["县委\u3000县政府：", "今年以来，我局认真贯彻落实防汛工作部署。"], None),  # addressees
        # not an addressee (红安县人民政府：) nor a body the text goes on to speak of
        ("关于防汛工作的情况汇报", ["红安县人民政府：", "今年以来，我局认真贯彻落实防汛工作部署。", "红安县水利局", "2023年9月5日"],
         "红安县水利局"),
    ],
)
def test_a_body_named_under_the_title_presents_the_paper(title, lines, org):
    assert meta(title, *lines)["org"] == org


def test_a_one_character_county_needs_its_government_after_it():
    from baogao.places import find_places

    assert [p.name for p in find_places("寿县人民政府")] == ["寿县"]
    assert [p.name for p in find_places("，沛县委书记")] == ["沛县"]
    assert find_places("完成县政府下达的任务") == []  # 成县 inside a word
    assert find_places("寿县的面貌") == []  # no government after it: not read as the county
    assert [p.name for p in find_places("日前,荣县县委办发出通知")] == ["荣县"]  # its level word again before 县委
    assert find_places("各县县委书记参加会议") == []  # 各县: every county
    assert [p.name for p in find_places("勉县林业局落实换届纪律")] == ["勉县"]  # one of its bureaus
    assert find_places("寿县的局面") == []  # (局面 is no bureau)
    # …or one of its committees (安全生产委员会, 安委办, 纪委); not a committee of its towns, nor a post (代县长)
    assert [p.name for p in find_places("寿县安全生产委员会办公室")] == ["寿县"]
    assert [p.name for p in find_places("萧县发展和改革委员会")] == ["萧县"]
    assert [p.name for p in find_places("寿县纪委")] == ["寿县"]
    assert find_places("和县乡两级安全生产委员会") == []
    assert find_places("代县长主持召开县安委会") == []
    assert find_places("寿县的委员会") == []
    assert meta("寿县安全生产委员会办公室关于2023年全县安全生产工作情况的通报")["region"] == "安徽省"
    # …after a word too when its level word is written again (落实黟县县委…); not inside one (县县)
    assert [p.name for p in find_places("我镇认真贯彻落实黟县县委十四届五次全会精神")] == ["黟县"]


def test_a_county_whose_committee_or_government_is_followed_is_named_after_the_verb():
    # 落实霍邱县委…: the county's body followed (the guard of three-character names is for 中南部县城)
    assert [p.name for p in find_places("我镇认真贯彻落实霍邱县委十四届五次全会精神")] == ["霍邱县"]
    assert [p.name for p in find_places("按照南部县人民政府的统一部署")] == ["南部县"]
    assert find_places("落实南部县城建设任务") == []  # 县城: the county town of a south
    assert find_places("县发改局会同县人大、县政府督查室组成联合督查组") == []  # 会同: a verb, not 会同县
    assert meta("上半年工作总结", "今年以来，我镇认真贯彻落实黟县县委十四届五次全会精神，各项工作取得了新进展。",
                "宏村镇人民政府", "2023年7月10日")["region"] == "安徽省"


def test_a_word_that_holds_a_places_name_is_no_place():
    assert find_places("上午09:30上班—13:30下班(北京时间)") == []  # the time zone, not the city
    assert [p.name for p in find_places("北京时间9时，北京市召开会议")] == ["北京市"]


def test_a_persons_given_name_is_no_place():
    # a post and a surname before a bare stem: a given name (王安徽), then wherever the full name recurs
    assert find_places("会议由镇党委书记王安徽主持。王安徽指出,要抓好秸秆禁烧。") == []
    assert [p.name for p in find_places("王安徽指出,要抓好秸秆禁烧。")] == ["安徽省"]  # no post: not read as a name
    assert [p.name for p in find_places("县委书记王江西省委组织部")] == ["江西省"]  # 江西省 names its level
    assert [p.name for p in find_places("市长张到安徽考察")] == ["安徽省"]


@pytest.mark.parametrize(
    ("title", "signature", "level", "region"),
    [
        # a province's stem before a town's, a street's or a village's level word names that town, not the province
        ("湖南镇2023年工作总结", "衢州市衢江区湖南镇人民政府", "乡", "浙江省"),
        ("北京街道2024年上半年工作总结", "广州市越秀区北京街道办事处", "乡", "广东省"),
        ("江苏路街道2023年工作总结", "上海市长宁区江苏路街道办事处", "乡", "上海市"),
        ("山东村2023年工作总结", "山东村村民委员会", "乡", None),
    ],
)
def test_a_town_named_like_a_province_is_the_town(title, signature, level, region):
    found = meta(title, "2023年，全镇上下齐心协力，各项工作取得新成效。", signature, "2023年12月20日")
    assert (found["level"], found["region"]) == (level, region)
    assert [p.name for p in find_places("湖南乡村振兴取得新成效，支援湖南")] == ["湖南省", "湖南省"]  # the province still
    # …and before a county whose name opens with such a word, or before a word that is none
    for text, names in (("河南镇平县", ["河南省", "镇平县"]), ("山西乡宁县", ["山西省", "乡宁县"]), ("江苏镇江", ["江苏省"]),
                        ("湖北路网建设", ["湖北省"]), ("山西村民委员会", ["山西省"]), ("藉河南岸", [])):
        assert [p.name for p in find_places(text)] == names, text


def test_a_file_names_later_year_yields_to_the_texts_date_as_a_titles_does():
    lines = ("各乡镇人民政府，市政府各部门：", "元旦、春节将至，为做好节日期间有关工作，现通知如下。", "海伦市人民政府办公室", "2023年12月27日")
    assert meta("关于做好元旦春节期间有关工作的通知", *lines, name="2024年元旦春节通知.txt")["year"] == 2023
    summary = ("2022年，我局认真履行职责。", "海伦市统计局", "2023年1月10日")
    assert meta("工作总结", *summary, name="2022年工作总结.txt")["year"] == 2022  # the date is later: the name's year stands


@pytest.mark.parametrize("name", ["2022-2023学年度第二学期工作总结.txt", "“十四五”规划中期评估报告（2021-2025）.txt"])
def test_a_span_of_years_in_the_file_name_is_a_period_not_the_year(name):
    found = meta("工作总结", "本学期，我校认真落实各项工作。", "通渭县第一中学", "2023年7月8日", name=name)
    assert (found["year"], found["date"]) == (2023, "2023-07-08")


def test_a_meetings_minutes_are_the_bodys_whose_meeting_it_is():
    lines = ("11月14日，县长张某主持召开县政府第25次常务会议。", "会议原则同意清洁取暖实施方案，由县财政局统筹安排补贴资金。")
    assert meta("临泽县人民政府常务会议纪要", *lines)["org"] == "临泽县人民政府"  # not 县财政局, which a decision names
    assert meta("第八次县政府常务会议纪要", *lines)["org"] == "县政府"  # not 第八次县政府
    signed = meta("全县安全生产委员会全体会议纪要", "会议听取了汇报。", "红安县安全生产委员会办公室", "2023年6月15日")
    assert signed["org"] == "红安县安全生产委员会办公室"  # 全县… names no body: the signature does


def test_a_meeting_that_commends_within_its_year_is_of_that_year():
    assert meta("我县召开2023年度教师节表彰大会", "9月10日，我县召开表彰大会。")["year"] == 2023


def test_a_meeting_that_sums_up_or_commends_a_year_is_held_after_it():
    found = meta("我县召开2022年度高质量发展考核总结表彰大会", "2月10日，我县召开2022年度高质量发展考核总结表彰大会，总结过去一年工作。")
    assert (found["year"], found["year_min"]) == (None, 2022)  # held in February of which year, the item does not say
    dated = meta("我县召开2022年度高质量发展考核总结表彰大会", "2月10日，我县召开表彰大会。", "县委办公室", "2023年2月12日")
    assert dated["year"] == 2023


@pytest.mark.parametrize(
    ("title", "lines", "year", "year_min"),
    [
        # a speech at, or the minutes of, a meeting that sums up or commends a year, and a year's 民主生活会: at the
        # year's end or after it, as the date line says
        ("在2023年度全县综合考核总结表彰大会上的讲话", ["同志们：", "今天，我们召开大会。"], None, 2023),
        ("2023年度工作总结会议纪要", ["1月5日，局长主持召开会议。", "县农业农村局办公室", "2024年1月6日"], 2024, None),
        ("2022年度民主生活会个人对照检查材料", ["根据县委通知要求，本人深入查摆问题。"], None, 2022),
        # a year's summary, or its report, is the year's own
        ("2023年度工作总结", ["2023年，我局认真履行职责。"], 2023, None),
        ("在2023年度上半年工作推进会上的讲话", ["同志们：", "今天，我们召开会议。"], 2023, None),
    ],
)
def test_a_meeting_on_a_year_the_title_names_is_held_at_its_end_or_after(title, lines, year, year_min):
    found = meta(title, *lines)
    assert (found["year"], found["year_min"]) == (year, year_min)


@pytest.mark.parametrize(("title", "level"), [
    ("在全县经济工作会议上的讲话", "县"),
    ("在全镇2024年度“三级干部”大会上的讲话", "乡"),
    ("2024年在全省信息工作会议上的讲话", "省"),
    ("在全市优化营商环境大会上的讲话", None),  # 全市 may be a county-level city's
    ("在街道2024年工作会议上的讲话", None),  # 在街道 is no street office
])
def test_a_speech_to_a_whole_area_is_of_its_level(title, level):
    found = meta(title, "同志们：今天我们召开会议，部署今年的工作。")
    assert (found["level"], found["org"]) == (level, None)  # (在全镇 is no town)


@pytest.mark.parametrize(("title", "doc_type"), [("紅安縣人民政府辦公室2023年工作總結", "工作总结"),
                                              ("關於2023年信息報送工作情況的匯報", "情况汇报")])
def test_a_text_in_traditional_characters_is_read_as_its_simplified_fold(title, doc_type):
    found = meta(title, "2023年，在縣委、縣政府的正確領導下，我辦各項工作取得新成效。", "一、主要工作", "全年編發政務信息326條。",
                 "紅安縣人民政府辦公室", "2023年12月20日")
    assert (found["org"], found["level"], found["region"], found["year"], found["doc_type"]) == (
        "红安县人民政府办公室", "县", "湖北省", 2023, doc_type)


def test_review_2_cases():
    # a simplified text naming 乾县 is not folded (乾 → 干)
    found = meta("乾县人民政府办公室2023年工作总结", "2023年，我办认真履行职责。", "乾县人民政府办公室", "2023年12月20日")
    assert (found["org"], found["level"], found["region"]) == ("乾县人民政府办公室", "县", "陕西省")
    # short names opening unlike their full name (资规局 of 自然资源和规划局), and 市场 that is no 市
    for title, signed in (("县资规局2023年工作总结", "红安县自然资源和规划局"), ("县审批局2023年工作总结", "红安县行政审批服务局"),
                          ("市场监管局2023年工作总结", "黄冈市市场监督管理局")):
        assert meta(title, "2023年，我局认真履行职责。", signed, "2023年12月20日")["org"] == signed, title
    # a headline's deed before the school it tells of: no office
    assert meta("教育优先发展我县新建一所九年一贯制学校", "近日，九年一贯制学校正式开工建设。")["org"] is None
    # a 年度 表彰 meeting follows its year; a lower unit's 发言 at a 全省 meeting is not of the province
    assert meta("我县召开2023年度招商引资工作表彰大会", "2月10日，我县召开表彰大会。")["year"] is None
    assert meta("在全省乡村振兴工作推进会议上的交流发言", "尊敬的各位领导：我县认真落实部署。")["level"] != "省"
    # a 纪要's 时间： line is its date; a table's last row is no signature
    assert meta("县政府第十二次常务会议纪要", "时间：2024年3月22日上午9:00", "地点：县政府三楼会议室", "会议听取了汇报。")["date"] == "2024-03-22"
    table = ("一、任务分工", "序号", "工作任务", "责任单位", "完成时限", "1", "道路施工", "县住建局", "2025年6月")
    assert meta("红安县城区道路改造实施方案", *table)["year"] is None


def test_review_3_cases():
    # a signed notice's date is its signature's, not the meeting's day and hour
    notice = ("各镇人民政府：", "定于近期召开观摩会。", "一、会议时间", "2024年3月22日（星期五）上午8:30", "红安县人民政府办公室", "2024年3月20日")
    assert meta("关于召开观摩会的通知", *notice)["date"] == "2024-03-20"
    # a signature's month line under 特此报告 without its 。, or over a contact line
    for end in (("特此报告", "红安县农业农村局", "2023年12月"), ("红安县农业农村局", "2023年12月", "（联系人：张三，电话：1234567）")):
        assert meta("县农业农村局工作总结", "今年以来，我局扎实推进各项工作。", "继续抓好粮食生产。", *end)["year"] == 2023, end
    # 新建区 is a district of 南昌, not a deed
    assert meta("新建区教育局组织开展教师培训", "近日，新建区教育局组织开展教师培训。")["org"] == "新建区教育局"
    # a leader's 总结讲话 or 工作报告 at a 全县 meeting is of the county
    assert meta("在全县经济工作会议上的总结讲话", "同志们：今天的会议开得很好。")["level"] == "县"
    # 市民宗局 is the 市's 民宗局
    assert meta("市民宗局2023年工作总结", "2023年，我局认真履行职责。", "黄冈市民族宗教事务局", "2024年1月10日")["org"] == "黄冈市民族宗教事务局"
    # a 节水 assessment meeting follows its year like any other
    assert meta("我县召开2023年度节水型单位创建考核总结会", "1月26日，我县召开总结会。")["year"] is None


def test_an_office_named_with_several_places_is_not_given_one():
    # 市政协 of an unnamed city, whose meeting hears 上海市政协's and 泰州市政协's guests
    lines = ["4月28日,市政协召开社情民意信息工作会议。", "会上,上海市政协特邀信息员李楠君和泰州市政协研究室副主任陈铭作辅导。"]
    assert meta("市政协召开社情民意信息工作会议", *lines)["org"] == "市政协"
    assert meta("市政协召开社情民意信息工作会议", lines[0], "会上,泰州市政协研究室副主任陈铭作辅导。")["org"] == "泰州市政协"
    # …or one of bodies listed together (蕲春县、武穴市总工会: two counties' unions commended, not the writer)
    listed = "2023年，市总工会团结动员全市广大职工建功立业。蕲春县、武穴市总工会被评为全省先进。"
    assert meta("市总工会2023年工作总结", listed)["org"] == "市总工会"
    assert meta("市总工会2023年工作总结", "2023年，武穴市总工会团结动员全市广大职工建功立业。")["org"] == "武穴市总工会"


def test_an_office_held_up_as_an_example_is_not_the_writer():
    own = "2023年，县人民政府在县委的坚强领导下，全面完成各项任务。"
    assert meta("县人民政府2023年工作总结", own, "我们学习借鉴了湄潭县人民政府的经验做法。")["org"] == "县人民政府"
    assert meta("县人民政府2023年工作总结", own.replace("县人民政府", "湄潭县人民政府"))["org"] == "湄潭县人民政府"


def test_the_counties_an_opening_names_give_the_province():
    # provinces named bare are others (their 应急管理厅 spoke at the training); the county is the report's own
    lines = ["近日,县应急管理局开展培训,浙江、江西、河北、广东、四川5省应急管理厅介绍了经验。", "下一步,为怀远县汛期报送灾害信息奠定基础。"]
    assert meta("", *lines)["region"] == "安徽省"
    assert meta("", *lines, "培训邀请了泾源县的灾害信息员。")["region"] is None  # counties of two provinces
    # 和县 (安徽) after 政府(办事处) is a word, not the county: the 兰陵县 the page names decides
    assert meta("", "指导各乡镇(街道)政府(办事处)和县政府各部门做好工作。", "办公地址 兰陵县兰陵路东段。")["region"] == "山东省"


def test_a_kind_of_body_is_no_office():
    result = meta("", "全国产业工会和各级地方产业工会不同于企业工会，都具有工会领导机关的性质。")
    assert result["org"] is None
    # 办公室 alone names no office; a level or a field does (县委办, 行政审批服务局办公室)
    assert meta("办公室工作职责", "一、决策参谋。主要包括文稿起草、决策调研。")["org"] is None
    assert meta("行政审批服务局办公室工作总结", "一、工作开展情况。")["org"] == "行政审批服务局办公室"


@pytest.mark.parametrize(
    ("line", "year_min"),
    [
        ("根据2019年宁夏政府工作报告，劳动者大军将成为支撑。", 2019),  # a cited report: not the year, a bound
        ("现将《关于开展全面督查的通知》（国发明电〔2014〕1号）转发你们。", 2014),  # a cited document number
        ("改革开放以来，工会工作不断发展。", 1978),
        # a regulation cited by name: the year it was promulgated (the 政府信息公开条例 of April 2007; its revision of 2019)
        ("第一条 依据《中华人民共和国政府信息公开条例》制定本制度。", 2007),
        ("第五条 上述会议公开内容要严格按照《中华人民共和国信息公开条例》等有关规定执行。", 2007),
        ("第一条 根据新修订的《中华人民共和国政府信息公开条例》，制定本办法。", 2019),
    ],
)
def test_cited_documents_bound_the_year_and_are_not_it(line, year_min):
    result = meta("", line)
    assert (result["year"], result["year_min"]) == (None, year_min)


@pytest.mark.parametrize(
    ("title", "lines", "year", "year_min"),
    [
        # since a year: written then or later
        ("", ["2019年以来，区政府督查室探索创新督查方式。"], None, 2019),
        ("", ["2016年3月以来，各督查组共开展暗访12次。"], None, 2016),
        ("", ["自2026年1月1日起施行。"], None, None),  # from a day on: a rule in force, no bound
        ("", ["自2015年3月起,镇巴县纪委作出安排部署,实行明察暗访轮岗制。"], None, 2015),  # a practice since then
        ("", ["从2019年起,各有关部门于每年2月底前报送工作成效。"], None, None),  # a plan
        # a meeting that sums up one year and launches the next is of the next
        ("", ["1月6日下午召开了新城区2025年度市民热线工单办理工作总结暨2026年工作推进会。"], 2026, None),
        ("", ["全市召开2014年度总结表彰暨2015年工作动员大会。"], 2015, None),
        ("全县2024年信息工作总结暨2025年工作部署会议召开", ["3月2日，会议召开。"], 2025, None),  # …and so is a title naming it
        # a news item that tells of a day with no year, the year whose work it names as now at hand (是2022年的重点工作,
        # 锚定2023年重点工作目标): of that year; not a year-end meeting's aims for the next, nor a report on a year's work done
        ("", ["4月11日上午，市政处召开推进会。处长强调：深化作风纪律建设，是2022年的重点工作。"], 2022, None),
        ("", ["3月14日上午，泥河镇召开动员会。镇人大主席紧扣2023年十项攻坚行动，锚定2023年重点工作目标。"], 2023, None),
        ("", ["近日，郭城驿镇召开约谈会议。会议要求，为完成2018年各项目标任务提供坚强的纪律保障。"], 2018, None),
        ("", ["12月28日，县委召开会议，要求为完成2024年各项目标任务提供坚强保障。"], None, None),
        ("", ["近日，县督查室通报了2022年重点工作完成情况，确保2022年重点工作目标全面完成。"], None, None),
        ("", ["3月5日，县政府召开会议，确保完成2023年各项目标任务，并谋划2024年重点工作。"], None, None),  # two years
        # (…or says it is the year's: 2013年是…的开局之年; not a November or December day's 之年, the coming year's)
        ("", ["4月17日，县质监局被省质量技术监督局评为2012年度全系统信息工作先进单位。",
              "2013年是贯彻落实党的十八大精神的开局之年，县质监局将再接再厉。"], 2013, None),
        ("", ["12月20日，县委召开经济工作会议。会议指出，2024年是实现十四五规划目标任务的关键之年。"], None, None),
        # (…not in January, when the year just ended is reviewed and its targets assessed; not a year's work looked back
        # on, 一年来; not a campaign's or a plan's targets, set years ahead: 2020年脱贫攻坚目标任务, 2025年规划目标任务)
        ("", ["1月8日，县委督查室召开会议，部署对各乡镇完成2023年目标任务情况的督查考核工作。"], None, None),
        ("", ["近日，县委常委班子召开民主生活会。会议指出，2023年是全面贯彻党的二十大精神的开局之年，一年来，"
              "县委常委班子团结带领全县干部群众攻坚克难，各项工作取得新成效。"], None, 2022),
        ("", ["6月12日，县扶贫办召开全县脱贫攻坚推进会，要求确保2020年脱贫攻坚目标任务如期完成。"], None, 2013),
        ("", ["近日，县发改局召开规划中期评估工作会，强调要确保实现2025年规划目标任务。"], None, None),
        # (nor a year its work is to reach, 确保/实现 or 完成 of a bare 目标任务: a target is no year of the text, whichever)
        ("", ["近日，县政府督查室对全县重点工作推进情况进行了督查，要求确保2025年目标任务如期完成。"], None, None),
        ("", ["6月5日，县住房和城乡建设局召开全县重点项目推进会，要求实现2025年重点任务。"], None, None),
        ("", ["近日，县交通运输局召开全县交通重点项目推进会，要求按期完成2026年目标任务。"], None, None),
        ("", ["近日，县交通运输局召开全县交通重点项目推进会，要求为完成2026年各项目标任务提供保障。"], 2026, None),  # the year's all
        ("", ["近日，县政府召开全县重点项目推进会，会议要求各单位锚定2025年目标任务，确保2025年目标任务如期完成。"], None, None),
        ("", ["3月14日，县政府召开全县重点项目推进会，会议要求各单位聚焦2025年重点工作，真抓实干。"], 2025, None),  # its work
        # (nor when the text speaks of next year, whose 之年 it names ahead: 谋划明年…, 2025年是“十四五”规划收官之年)
        ("", ["近日，县发改局召开专题会议，研究谋划明年重点项目。会议指出，2025年是“十四五”规划收官之年，要提前谋划。"], None, None),
        # (a new year's meeting may look back before it sets its year's tasks)
        ("", ["近日，某镇召开干部大会。会议指出，过去一年全镇各项工作取得显著成效。会议要求，为完成2018年各项目标任务提供纪律保障。"],
         2018, None),
        # …or that tells of a day with no year which it dates elsewhere in full (2022年3月1日至4月4日 … 3月1日，…)
        ("", ["县委第三轮巡察派出4个巡察组。", "本轮巡察集中进驻时间为2022年3月1日至4月4日，共计35天。", "3月1日，4个巡察组相继召开进驻动员会。"],
         2022, None),
        ("", ["2019年3月1日，巡察组进驻我局。", "3月1日，巡察组召开动员会。", "2020年6月，我局完成整改。"], None, 2020),  # a later year told
        # (not a day kept every year, whose full date is the one it remembers: 5月12日 … 2008年5月12日汶川特大地震; the
        # 应急管理局, a body of the 2018 reform, bounds it)
        ("", ["5月12日，县应急管理局开展防灾减灾日宣传活动，纪念2008年5月12日汶川特大地震遇难同胞。"], None, 2018),
        ("", ["5月12日，县民政局开展防灾减灾日宣传活动，纪念2008年5月12日汶川特大地震遇难同胞。"], None, None),
        ("", ["12月4日，县司法局开展国家宪法日宣传活动。", "现行宪法于1982年12月4日公布施行。"], None, None),
        # a document that sums up one year and plans the next is the summary's
        ("", ["红安县人民政府办公室", "2023年度工作总结暨2024年工作计划", "今年以来，我办各项工作取得新进展。"], 2023, None),
        ("红安县人民政府办公室2023年度工作总结暨2024年工作计划", ["今年以来，我办各项工作取得新进展。"], 2023, None),
        ("2024 县政府办公室工作总结", ["今年以来，我办各项工作取得新进展。"], 2024, None),  # a cover's year line (parse)
        ("", ["召开2014年度工作总结暨2018年工作部署会。"], 2014, None),  # not the next year: the summary's own
        # a summary presented early in the next year, its month under the writer's byline, of the year its opening names
        ("述职报告", ["县教育局局长  陈某", "（2024年1月）", "2023年，我在县委、县政府的领导下，带领全局干部职工推进教育事业发展。"],
         2023, None),
        ("述职报告", ["县教育局局长  陈某", "（2024年6月）", "2023年，我在县委、县政府的领导下，带领全局干部职工推进教育事业发展。"],
         2024, None),  # (not in June: a report on a term, or a year's half)
        # a title's year inside the name of the document it forwards is that document's, its date line is its own
        ("县人民政府办公室关于转发《市人民政府办公室关于做好2022年度政务信息工作考核的通知》的通知",
         ["现将《通知》转发给你们，请认真贯彻执行。", "县人民政府办公室", "2023年1月10日"], 2023, None),
        ("县人民政府办公室关于转发市人民政府办公室关于做好2022年度政务信息工作考核的通知的通知",
         ["现将《通知》转发给你们，请认真贯彻执行。", "县人民政府办公室", "2023年1月10日"], 2023, None),
        ("《2023年工作总结》", ["2023年，我局扎实推进各项工作。", "县商务局", "2024年1月10日"], 2023, None),  # a summary's own
        # a summary whose title names the year before its date's (去年工作总结) is of that year, whatever the month
        ("县交通局去年工作总结及今年工作打算", ["去年以来，县交通局坚持以项目建设为抓手。", "县交通局", "2024年6月5日"], 2023, None),
        ("县交通局今年上半年工作总结", ["今年以来，县交通局坚持以项目建设为抓手。", "县交通局", "2024年7月5日"], 2024, None),
        # …not one of the time since the year before (去年以来, 去年冬季以来: up to its date line's)
        ("关于去年以来脱贫攻坚工作情况的总结", ["去年以来，我县认真贯彻落实各项部署。", "县扶贫办", "2024年6月20日"], 2024, None),
        ("关于去年冬季以来森林防火工作的总结", ["去年冬季以来，我县认真落实森林防火各项部署。", "县林业局", "2024年4月20日"], 2024, None),
        # a meeting named after a year's summary (工作总结会, 工作总结表彰大会) is held after it, on a day not said
        ("在全县信息工作会议上的讲话", ["同志们：", "今天，我们召开2023年度全县信息工作总结表彰大会，表彰先进，部署任务。"], None, None),
        ("县商务局召开2023年度工作总结会", ["近日，县商务局召开2023年度工作总结会，全面总结成绩，查找不足。"], None, 2023),
        # a 政府工作报告 without a date line is of the year its part on the work ahead names, after the year it reviews
        ("政府工作报告", ["各位代表：", "一、2023年工作回顾", "过去的一年，全县经济增长6.1%。", "二、2024年工作安排", "今年是关键之年。"],
         2024, None),
        ("政府工作报告", ["各位代表：", "一、过去五年工作回顾", "五年来，全县经济增长。", "二、今后五年的目标任务", "三、2023年重点工作"],
         2023, None),
        ("政府工作报告", ["各位代表：", "一、2023年工作回顾", "过去的一年，全县经济增长6.1%。"], 2024, None),
        ("政府工作报告", ["各位代表：", "一、过去五年工作回顾", "二、今后五年的目标任务"], None, None),
        ("工作总结", ["今年以来，我局各项工作有序推进。", "一、主要工作", "三、2024年工作安排"], None, None),  # a summary's plan
        # the year commended is not the year of the decision, when its number says which that is
        ("关于表彰2017年度全区热线工作先进单位的决定", ["珠政办函〔2018〕26号", "各街道、乡镇："], 2018, None),
        ("关于表彰2017年度全区热线工作先进单位的决定", ["各街道、乡镇："], 2017, None),
        ("关于对2023年度政务信息工作先进单位予以通报表扬的通报", ["现予以通报表扬。", "汉阴县人民政府办公室", "2024年2月6日"], 2024, None),
        ("关于对2023年度政务信息工作先进单位予以通报表扬的通报", ["现予以通报表扬。"], 2023, None),
        ("2023年度教育奖励基金工作总结", ["2023年，基金会发放奖励资金50万元。", "县教育基金会", "2024年1月10日"], 2023, None),
        # …nor a year whose findings are set right (an audit's, an inspection's, a meeting's), when the date line says
        ("关于2022年度预算执行审计发现问题整改情况的报告", ["县审计局：", "现将整改情况报告如下：", "罗田县财政局", "2023年8月10日"], 2023, None),
        ("关于2022年县委巡察反馈问题整改落实情况的报告", ["现将整改情况报告如下：", "中共岳西县水利局党组", "2023年3月20日"], 2023, None),
        ("2022年度民主生活会整改落实情况报告", ["会后，班子逐项抓好整改。", "中共官庄镇委员会", "2023年6月30日"], 2023, None),
        ("关于2022年度预算执行审计发现问题整改情况的报告", ["现将整改情况报告如下："], 2022, None),  # no date line: the title's
        # …nor a year whose assessment's results are used (known after it)
        ("关于2022年度考核结果运用情况的报告", ["根据2022年度考核结果，我局对3名优秀等次人员进行了嘉奖。", "县统计局", "2023年4月6日"], 2023, None),
        ("2023年度绩效考核结果运用工作总结", ["一年来，我局用好考核结果。", "县统计局", "2024年1月6日"], 2023, None),  # a summary's
        # …nor a period whose work a 通报 tells, when its date line says it came out after it
        # …nor a past year's business a notice sees to, when its date line says it came out later (a summary is its year's)
        ("关于报送2023年度工作总结的通知", ["各单位：", "请于1月10日前报送。", "县政府办公室", "2024年1月3日"], 2024, None),
        ("关于做好2023年度个人所得税汇算清缴工作的通知", ["各单位：", "现将有关事项通知如下：", "县税务局", "2024年3月1日"], 2024, None),
        ("关于2023年第四季度政务信息报送情况的通报", ["现将有关情况通报如下：", "澄迈县人民政府办公室", "2024年1月10日"], 2024, None),
        ("关于2023年度全县政务信息工作情况通报", ["现将有关情况通报如下：", "县政府办公室", "2024年1月8日"], 2024, None),
        ("关于2023年第三季度政务信息采用情况的通报", ["现将有关情况通报如下：", "县政府办公室", "2023年10月9日"], 2023, None),
        ("关于2023年第四季度政务信息报送情况的通报", ["现将有关情况通报如下："], 2023, None),  # no date line: the title's
        ("2023年巡察整改工作总结", ["一年来，我局扎实推进巡察整改。", "红安县财政局", "2024年1月10日"], 2023, None),  # a summary: its year's
        ("关于2024年度巡察整改工作的方案", ["为抓好整改，制定本方案。", "红安县财政局", "2024年1月10日"], 2024, None),
        # a news item opens with the day and hour of what it reports (or 当天 after it)
        ("", ["2019年7月16日上午,沁阳市督导组对交办工作完成情况进行督导。"], 2019, None),
        ("", ["2018年9月19日,县委第一巡察组正式进驻杉桥镇。当天下午,召开动员大会。"], 2018, None),
        # …or with the days of a month its event lasted: a document comes out on one day (batch 16)
        ("", ["2017年11月1日至10日,广东省派出7个督查组,赴14个地市开展脱贫攻坚工作专项督查。"], 2017, None),
        ("", ["2011年12月13日,全国总工会办公厅下发了《交办制度》,目的是加强交办工作。"], None, 2011),  # a past event only
        # a group's visit on a day (…督导组一行) is a past event: a report or profile may open with one it tells of
        ("", ["2022年6月9日,市安全生产督导组一行深入某镇,检查防汛工作。"], None, 2022),
        ("关于市委巡察反馈意见整改情况的报告", ["2022年11月8日，市委第三巡察组一行进驻我局，开展了常规巡察，并于次年1月反馈了巡察意见。",
                                        "现将整改落实情况报告如下："], None, 2022),
        ("县档案馆简介", ["2008年6月12日，国家档案局领导一行莅临我馆视察指导。此后我馆不断加强基础设施建设。"], None, 2008),
        ("", ["2022年6月9日,市政府印发方案。此后省督导组一行多次来县检查。"], None, 2022),
        # at a new year's start, the year whose work a meeting launches
        ("", ["新年伊始,辽宁召开专题会议部署2024年全省森防信息宣传工作,扎实落实各项工作要求。"], 2024, None),
        ("", ["年初,县政府召开会议部署2025年重点工作,力争全年完成投资50亿元。"], None, None),  # 年初 may be a plan's
        # …not the year before's business done at the next one's start (its 民主生活会, its 考核)
        ("", ["新年伊始,县纪委召开专题会议,部署2023年度民主生活会监督工作,要求各级党组织认真准备。"], None, None),
        ("", ["新年伊始,县委组织部召开会议,安排2023年度综合考核工作,对考核程序作出部署。"], None, None),
        # …but under a headline that tells of the visit, it is the visit's news, of that day's year
        ("州级督查组到中和镇开展安全生产、森林草原及消防安全综合督查检查",
         ["2021年4月5日,州级安全生产、森林草原及消防安全督查组一行,深入中和镇开展综合督查检查工作。"], 2021, None),
        ("中和镇安全生产工作情况", ["2021年4月5日,州级安全生产督查组一行,深入中和镇开展综合督查检查工作。"], None, 2021),  # no deed told
        # …after the purpose it served, on a day or in a part of the month (2011年2月底); not by a deadline
        ("某县县委办组织开展全县办公室人员情况报送工作",
         ["为加强办公室系统上下联系,更好地推进全县办公室工作,2011年2月底,某县县委办组织开展了办公室人员情况报送工作。"], 2011, None),
        ("某县县委办组织开展全县办公室人员情况报送工作",
         ["为加强办公室系统上下联系,2024年3月底前,各单位要将办公室人员情况报送县委办。"], None, None),
        ("某县县委办组织开展全县办公室人员情况报送工作",
         ["为加强办公室系统上下联系,2024年3月底以前,各单位要将办公室人员情况报送县委办。"], None, None),
        ("某县县委办组织开展全县办公室人员情况报送工作",
         ["为加强办公室系统上下联系,2024年3月5日之前,各单位要将办公室人员情况报送县委办。"], None, None),
        # …under a long title, which is not the opening paragraph
        ("市应急管理局督导组到某镇开展安全生产、防汛抗旱及森林防火工作综合督导检查",
         ["2022年6月9日上午,督导组深入某镇,对防汛物资储备和值班值守情况进行了检查。"], 2022, None),
        # …and a document opening with the day of what it reports, with its formula 现将…如下 in the same paragraph
        ("", ["2020年7月28日,根据国务院办公厅印发的《政府网站发展指引》,县政府信息中心对全县政务新媒体进行了全面排查。"
              "现将自查整改情况通报如下:"], 2020, None),  # a document cited as the basis
        ("", ["2019年10月8日,国务院办公厅印发《关于做好政府网站工作的通知》。现将有关事项通知如下:"], None, 2019),
        ("", ["2011年12月13日,全国总工会办公厅下发了《交办制度》,目的是加强交办工作。", "现将有关事项通知如下:"], None, 2011),
        # a check of a year's projects is made in that year; not a 年度 evaluation, made after it
        ("", ["本报讯 近日,副县长唐凤娥带队开展 2024年省、市、县政府民生实事项目现场督查。"], 2024, None),
        ("", ["近日,市教育局将开展对县级政府2013年度教育工作督导评估,此次评估为期一周。"], None, None),
        # a meeting the opening names by its year is held in it; not a 年度 one, nor one that sums a year up
        ("", ["9月11至20日,泾源县应急管理局下沉7个乡镇组织召开2024年灾害信息员业务提升培训会。"], 2024, None),
        # …or told as held
        ("", ["(记者 张某)5月27日,我市2018年事业单位公开招聘工作人员笔试顺利举行,12694人参加考试。"], 2018, None),
        ("", ["(记者 张某)5月27日,我市2018年度工作总结表彰大会隆重召开,全市各单位负责人参加会议。"], None, None),
        ("", ["经研究,我县2025年事业单位公开招聘工作人员笔试举行时间另行通知。"], None, None),  # (its time, not its holding)
        ("", ["为加快审计发现问题整改进度,中牟县审计局召开2022年第一季度审计整改推进会,查堵点。"], 2022, None),
        ("", ["1月5日,县政府办召开2022年度政务信息工作推进会,查找堵点和难点。"], None, None),
        ("", ["1月5日,县审计局召开2022年审计整改工作表彰大会,查找堵点和难点。"], None, None),
        ("", ["1月5日,县审计局召开2022年审计整改总结大会,查找堵点和难点。"], None, None),
        ("", ["12月5日,县政府研究决定,将于近期召开2024年全县经济工作会议。"], None, None),  # a meeting planned
    ],
)
def test_the_year_a_text_was_written_in(title, lines, year, year_min):
    result = meta(title, *lines)
    assert (result["year"], result["year_min"]) == (year, year_min)


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        # the day something starts is not the deed's
        ("县市场监管局召开新条例宣贯会", "2024年1月1日起,《某省食品小作坊管理条例》将正式施行。县市场监管局近日召开宣贯会。"),
        ("县医保局召开会议部署医保缴费工作", "为做好医保缴费工作,2025年1月1日开始,城乡居民医保缴费标准调整,县医保局召开会议部署。"),
        # a full date followed by a sentence opening with a day of no year: that day is the deed's, the date background
        ("汶川县举行“5·12”地震十五周年纪念活动", "2008年5月12日,汶川发生8.0级特大地震。5月12日,汶川县举行纪念活动,社会各界代表参加。"),
        ("县财政局召开部署会", "2021年12月15日,省财政厅印发《关于做好2022年预算执行工作的通知》。1月5日,县财政局召开部署会。"),
        ("县财政局召开部署会", "2021年12月15日,省财政厅印发《关于做好2022年预算执行工作的通知》,1月5日,县财政局召开部署会。"),
        ("汶川县举行“5·12”地震十五周年纪念活动", "2008年5月12日,汶川发生8.0级特大地震。今年5月12日,汶川县举行纪念活动。"),
        ("县市场监管局召开新条例宣贯会", "2024年1月1日零时起,《某省食品小作坊管理条例》将正式施行,县市场监管局近日召开宣贯会。"),
        ("县市场监管局召开新条例宣贯会", "2024年1月1日,《某省食品小作坊管理条例》将正式施行,县市场监管局近日召开宣贯会。"),
    ],
)
def test_a_headlines_lead_opening_with_a_start_or_a_background_day_gives_no_year(title, lead):
    assert meta(title, lead)["year"] is None


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        # the deed's day, with a deadline, a span or a later day of the same year after it
        ("县防汛抗旱指挥部召开防汛工作会议", "2023年5月12日,县防汛抗旱指挥部召开防汛工作会议,部署汛前准备。5月20日前,各乡镇要完成隐患整改。"),
        ("县妇联召开纪念三八国际妇女节大会", "2023年3月8日,县妇联召开纪念大会。3月1日至8日,全县各级妇联组织开展了系列活动。"),
        ("县委召开全县防汛工作会议", "2023年5月12日,县委召开全县防汛工作会议。5月15日,县委书记带队检查防汛准备。"),
        # a campaign or a deed that starts on the day
        ("县纪委监委开展作风建设专项督查", "2023年3月1日起,县纪委监委开展为期一个月的作风建设专项督查,共检查单位35个。"),
        ("县市场监管局开展食品安全专项整治", "2023年6月1日开始,县市场监管局在全县开展为期三个月的食品安全专项整治行动。"),
    ],
)
def test_a_headlines_lead_opening_with_the_deeds_day_gives_its_year(title, lead):
    assert meta(title, lead)["year"] == 2023


@pytest.mark.parametrize(
    ("title", "line", "org", "level"),
    [
        # a town, township or county that is the subject of the title or the opening's first clause
        ("清源镇加强党建信息工作", "本报讯 为促进组织工作创新，清源镇采取有力措施。", "清源镇", "乡"),
        ("", "2023年，金龙镇在县委县政府的坚强领导下，扎实推进各项工作。", "金龙镇", "乡"),
        ("", "近年来,蓝山县在省、市领导的重视下,电子政务建设取得成效。", "蓝山县", "县"),
        ("城关镇召开信息工作会议", "会议总结了全年信息工作。", "城关镇", "乡"),
        # after a purpose clause and a time word; a town named inside its county
        ("", "为进一步加强作风建设,优化发展环境,近日,中厂镇以“四个严明”举措重申工作纪律。", "中厂镇", "乡"),
        ("", "本网讯(通讯员 孔涛)今年初以来,汝南县三桥镇为改变干部作风,采取四项措施。", "汝南县三桥镇", "乡"),
        ("", "为进一步提升信息员素质,棠溪镇三步走,推动新闻宣传专题培训。", "棠溪镇", "乡"),
        ("", "为进一步加强作风建设,促进工作落实。", None, None),  # a purpose with no subject
        ("", "本报讯 连日来,嘉鱼县组织县直、乡镇两级巡查组开展交叉巡查。", "嘉鱼县", "县"),
        ("嘉鱼开展交叉巡查", "本报讯 记者姜明助、通讯员陈琳报道:连日来,嘉鱼县组织县直巡查组开展交叉巡查。", "嘉鱼县", "县"),
        ("", "吕亭镇再次召开人居环境整治专项工作会议。", "吕亭镇", "乡"),
        # a title in which the body speaks of itself (我局…) names it in the text; 两办 are two offices
        ("", "2016年以来,惠济区安委办成立4个安全生产督导组。", "惠济区安委办", "县"),  # 办成立: a body, then its deed
        ("我局政务公开工作获通报表彰", "市粮食和物资储备局认真开展政务公开工作，获市政府通报表彰。", "市粮食和物资储备局", "市"),
        ("", "今年以来,解放区成立由两办组成的督查组,开展专项督导。", "解放区", "县"),
        ("", "郭杜开发区召开全体领导干部机关纪律专题会议。", "郭杜开发区", None),  # a zone: no level its name says
        ("", "6月20日,示范区督查办组织督查人员组成专项督查组开展督查。", "示范区督查办", None),  # a zone's body
        # a town's body after its county and its prefecture's bare stem (南通 alone is not read as a place)
        ("", "近日,南通海安市墩头镇纪委对镇村干部会风情况进行专项督查。", "海安市墩头镇纪委", "乡"),
        ("", "近日,新华海安市墩头镇纪委对会风进行督查。", None, None),  # 新华 is no city of 海安's
        # who the reporter heard it from: the item's body (as 记者从仁怀市档案馆获悉 is 仁怀市档案馆's)
        ("", "记者从示范区食品安全委员会办公室获悉,将征集监督员。", "示范区食品安全委员会办公室", None),
        ("", "春节长假过后,2月3日早,冯原镇迅即召开全体干部会议。", "冯原镇", "乡"),  # after two clauses that say when
        # after a date, a 自…以来 or 自…起 clause; a title's subject before a colon or a quote; a 街办
        ("", "8月6日,三十里铺镇主要负责人带队督查指导创建全国文明城市工作。", "三十里铺镇", "乡"),
        ("", "自党的群众路线教育实践活动开展以来,城关镇狠抓作风建设。", "城关镇", "乡"),
        ("郭城驿镇:提振精气神 扬帆再起航", "作风正则队伍强。", "郭城驿镇", "乡"),
        ("黄甲镇“四举措”推进新闻信息工作", "为进一步加强信息宣传工作。", "黄甲镇", "乡"),
        ("", "何寨街办以“知民情、解民忧”为出发点,建立民情信息员制度。", "何寨街办", "乡"),
        ("刘金锋副主任到省委办公厅信息调研室考察信息工作", "7月6日上午，副主任刘金锋带队学习。", None, None),
        # a title's 区人大 is the 区人大常委会 the text names; a commission of a long name; 会同 is a verb
        ("区人大开展民生实事项目督查", "为推动项目落实,区人大常委会领导带队现场督办。", "区人大常委会", "县"),
        ("", "9月26日上午,区住房城乡建委、区农业农村委组成联合工作组开展回头看。", "区住房城乡建委", "县"),
        ("", "5月上旬,市人大选任工委对见面情况开展督查。市政府督查室将会同市人大选任工委开展督查。", "市人大选任工委", "市"),
        # a commission named by its short form (市国资委), not a member of one (县委常委)
        ("市国资委举办信息写作培训班", "6月10日下午，市国资委在七楼会议室举办培训班。", "市国资委", "市"),
        ("", "会上，县委常委会召开专题会议。", None, None),
        # the body's people it sends out: a delegation, its staff, an officer named (not one leading a group for others)
        ("", "近日,怀宁县水利局一行来到高河镇进行汛前督查。", "怀宁县水利局", "县"),
        ("", "6月25日至27日,县应急管理局工作人员深入各乡镇开展防汛工作督查。", "县应急管理局", "县"),
        ("", "7月26日下午,县人大常委会副主任尹彦堂、周新玲带领人大代表视察建议办理工作。", "县人大常委会", "县"),
        ("", "3月20日,县纪委监委四级调研员邱道鸿一行4人到均川镇开展回访督查工作。", "县纪委监委", "县"),
        # an office's director: the office's (not the government above it; a post never ends in 室 or 办)
        ("", "近日,县政府督查室主任张三带队,深入各乡镇开展重点项目专项督查。", "县政府督查室", "县"),
        ("", "近日,县委办主任李四带队深入各乡镇督查重点工作。", "县委办公室", "县"),
        ("", "3月20日上午,始兴县人大常委会副主任胡长江等一行5人到县审计局调研。", "始兴县人大常委会", "县"),
        # a day before the subject without a comma; a 领导小组 is a body
        ("", "11日,有网友发微博。12日镇雄县政务服务管理局作出回应。", "镇雄县政务服务管理局", "县"),
        ("", "近期,千阳县委巡察工作领导小组以巡察“回头看”为契机,派出三个督导组。", "千阳县委巡察工作领导小组", "县"),
        ("", "4月14日上午,由市统计局副局长常建明率队的第六督查组,对我县项目进行督查。", None, "县"),
        # a group the subject sends out is no visitor (下车镇纪委派出督查组在下车街道…)
        ("灌云县下车镇纪委精准监督工程项目建设", "8月以来,下车镇纪委派出督查组在下车街道施工现场督查。", "灌云县下车镇纪委", "乡"),
        # the head of a government presiding over a meeting: that government's (not a deputy's)
        ("", "6月13日,县委副书记、县政府县长顾贵鹏主持召开环保督察反馈问题整改调度会。", "县政府", "县"),
        ("", "10月24日晚,县委副书记、政府县长马天峡在政府三楼会议室主持召开推进会议。", "县政府", "县"),
        # the head presides at an office's room: a person at a place, no body named 县长王建国在县政府督查室
        ("", "5月12日,县长王建国在县政府督查室主持召开重点工作督查推进会。", "县政府", "县"),
        ("", "今天上午,县政府副县长李明在县自然资源局主持召开耕地整改调度会。", None, "县"),
        ("", "报道(记者 孙欣)11月10日上午,酒泉市委副书记、市长都伟主持召开专题会议。", "酒泉市人民政府", "市"),
        ("", "6月13日,副县长王某主持召开调度会。", None, "县"),
        # a visiting group: no office; the level of the place it goes to
        ("生态环境部西南督察局赴奉开展调研", "近日生态环境部西南督察局梅进副处长一行对我县整改情况开展调研。", None, "县"),
        ("", "9月24日,市扫黑除恶专项斗争督导组到两河镇开展第四轮督导。", None, "乡"),
        ("", "11月28日，黄冈市乡村振兴考核组一行来到红安县七里坪镇，对该镇工作进行考核。", None, "乡"),  # a town after its county
        ("", "11月28日，市督查组到祁东县开展调研乡村振兴工作。", None, "县"),
        # a province too (batch 16)
        ("", "2017年11月1日至10日,广东省派出7个督查组,赴14个地市开展脱贫攻坚工作专项督查。", "广东省", "省"),
        # a contributed item's credit at its end names its writer, with its place, over a body named by its level word only
        ("", "一是健全监督检查机制。由区委办公室牵头,组成专项检查组开展明察暗访。(郾城区纪委)", "郾城区纪委", "县"),
        ("", "一是健全监督检查机制。由区委办公室牵头,组成专项检查组开展明察暗访。(碧江区纪委 张斯然)", "碧江区纪委", "县"),
        ("", "一是健全监督检查机制。由区委办公室牵头,组成专项检查组开展明察暗访。(此件公开发布)", "区委办公室", "县"),
        ("", "这是9月25日县纪委给乡镇下发的限时整改督办函。县纪委对各村进行现场抽查。(阿克苏地区纪委)", "县纪委", "县"),
        ("市督查组督查我县2016年度项目推进情况", "4月14日上午,第六督查组对我县项目进行督查。", None, "县"),
        # 该镇 as a subject: the one town the opening names; not one of its bodies (该镇党政班子…)
        ("", "6月14日晚,大堡子镇塘款村村委会主任收到了应急短信。据悉,该镇严明工作纪律。", "大堡子镇", "乡"),
        ("", "近日,县委督查组在秀谷镇暗访。当天上午,该镇党政班子召开会议研究决定。", None, "乡"),  # a visit: its place's level
        # 我镇 as a subject: the one town the opening names speaks of itself
        ("", "信访工作关系到社会稳定,为化解矛盾,权寨镇多措并举做好信访工作。\n我镇成立信访工作小组,严格实行领导接访制度。", "权寨镇", "乡"),
        ("", "信访工作关系到社会稳定,权寨镇多措并举做好信访工作。\n我镇确保小事不出村,大事不出镇。", "权寨镇", "乡"),  # a saying
        ("", "信访工作关系到社会稳定,权寨镇、李集镇交界处矛盾较多。\n我镇成立信访工作小组,严格实行领导接访制度。", None, "乡"),  # which?
        # 我镇 speaks of the town the opening makes the subject of a clause, not of a word ending in 镇 or 乡
        ("", "2023年，我镇统筹推进各项工作，小城镇建设稳步推进，特色小镇建设取得新进展。", None, "乡"),
        ("", "2023年，我乡统筹推进各项工作。全乡共引导外出务工人员返乡创业56人，回报家乡。", None, "乡"),
        # a verb whose object is the town's (制定镇…办法), and 村镇 (villages and towns), name no town
        ("", "为进一步加强对外宣传工作，经党委研究，制定镇对外宣传奖励办法。", None, None),
        ("村镇对外宣传奖励办法", "为进一步加强对外宣传工作，经党委研究，制定本办法。", None, None),
        ("", "2023年，我镇组织村党组织书记赴浙江省诸暨市、枫桥镇学习“枫桥经验”。", None, "乡"),  # another town
        # a place's party committee and government acting together are the place
        ("", "为进一步防止森林火灾,常宁市委、市政府统一安排部署,抽调人员组成16个督查组。", "常宁市", "县"),
        # (its 市委 alone is not the place; the one county-level city it names gives the level)
        ("", "为进一步防止森林火灾,常宁市委统一安排部署,抽调人员组成16个督查组。", None, "县"),
        ("", "为科学有序地组织好油茶果采摘工作,常宁市委、市政府统一安排部署,抽调人员组成16个督查组。", "常宁市", "县"),  # 为科学…
        # a place that forms groups, after a clause that only says when (从6月4日开始) or a scene the item opens on
        ("", "从6月4日开始，平江县组织4个联合督查小组，对各乡镇和县直单位开展突击督查。", "平江县", "县"),
        ("", "“你们单位一共23人，请出具请假条。”这是6月4日，督查人员在县审计局突击检查时的情形。\n"
         "6月4日起，平江县组织4个联合督查小组，对各乡镇和县直单位开展突击督查。", "平江县", "县"),
        ("", "“你们单位一共23人，是怎么考勤的?”6月4日，督查人员在县审计局突击检查。\n6月4日起，平江县组织4个联合督查小组开展突击督查。",
         "平江县", "县"),  # (a question, half-width)
        ("", "6月4日，督查人员在县审计局突击检查。\n6月4日起，平江县组织4个联合督查小组开展突击督查。", None, "县"),  # no scene
        # (…after an outlet's dateline, 荆楚网消息; a quotation in half-width marks after it as in full-width ones)
        ("", "7月23日至31日,天门市\"四大家\"班子成员带队,抽调人员组成21个小组,对各乡镇开展调研督办。", "天门市", "县"),
        ("", "荆楚网消息 7月23日至31日,天门市“四大家”班子成员带队,抽调人员组成21个小组。", "天门市", "县"),
        # a group and the unit it goes to are no body's name (平江县联合督查组在县审计局…)
        ("", "6月4日，平江县联合督查组在县审计局进行突击督查。", "平江县", "县"),
        ("", "“请出示考勤记录。”6月4日，县联合督查组来到平江县审计局进行突击督查。\n督查组对该局考勤制度提出了整改要求。",
         None, "县"),
        # the town visited that speaks of itself as 我镇 tells of the visit as its own news
        ("", "12月12日,市考核组到五陂镇现场督导检查。考核组详细了解我镇应急管理工作开展情况。", "五陂镇", "乡"),
        ("", "12月12日,市考核组到五陂镇现场督导检查。考核组详细了解我县应急管理工作开展情况。", None, "乡"),
        ("", "12月12日,市应急管理综合考核一组到五陂镇现场督导检查。考核组详细了解我镇应急管理工作。", "五陂镇", "乡"),  # 一组: a numbered group
        # …or its own bodies, named by the level word, answer the visit
        ("", "9月24日,市督导组到两河镇开展第四轮督导。督导组听取了工作汇报。\n镇党委、镇政府表示,将高度重视督导组反馈问题。", "两河镇", "乡"),
        ("", "9月24日,市督导组到两河镇开展第四轮督导。督导组听取了工作汇报。\n督导组要求镇党委、镇政府高度重视反馈问题。", None, "乡"),
        # not a place: 各乡镇 (every township), 城乡, a 市 word the place table does not know
        ("", "各乡镇要加强督查，确保任务落实。", None, None),
        ("", "城市管理在全面推进中。", None, None),
    ],
)
def test_a_place_that_is_the_subject_is_the_office(title, line, org, level):
    result = meta(title, line)
    assert (result["org"], result["level"]) == (org, level)


@pytest.mark.parametrize(
    ("title", "line", "org", "level"),
    [
        # a body's name followed by 系统 is all the bodies of a system (an office's 系统 is the office's)
        ("南平市党委系统信息工作会议召开", "日前,会议召开。", "南平市", "市"),
        ("庆阳市政府办公室系统重点工作会议召开", "3月29日,会议召开。", "庆阳市人民政府办公室", "市"),
        # a meeting held in the writer's own place (在我市召开): the host writes, not the body the title names,
        # and the level is the host's (a 市 that says 我市 may be a county-level city: none)
        ("南平市党委系统信息工作会议在我市召开", "日前,会议在我市召开。", None, None),
        ("南平市党委系统信息工作会议在我县召开", "日前,会议在我县召开。", None, "县"),
        ("南平市委信息工作会议召开", "日前,南平市委办公室在延平区召开会议。", "南平市委办公室", "市"),
        # the members of a body (…领导小组成员单位) are no subject; a 领导小组 that 成立 something is
        ("", "各县(市、区)党委统战部负责同志,市委统一战线工作领导小组成员单位负责同志参加会议。", None, None),
        ("", "近日,县委巡察工作领导小组成立三个督导组。", "县委巡察工作领导小组", "县"),
        # a guest's officer 到会 is no delegation the body sends out (…一行到均川镇 is)
        ("", "日前,省委办公厅信息处副处长施宇辉到会并作专题辅导。", None, None),
        ("", "日前,省委办公厅信息处副处长施宇辉到南平市调研信息工作。", "省委办公厅", "省"),
        # the body whose officer chairs the meeting is its host; one who attends and speaks is a guest
        ("全市统战信息工作会议召开", "6月24日,全市统战信息工作会议召开。市委统战部常务副部长王跃出席会议并讲话,"
         "市委统战部机关党委书记周平主持会议。", "市委统战部", "市"),
        ("全市统战信息工作会议召开", "6月24日,全市统战信息工作会议召开。市委统战部常务副部长王跃出席会议并讲话。", None, None),
        ("", "5月28日,全镇动员大会在我镇大会议室召开。会议由镇党委尚金楼主持。", "镇党委", "乡"),  # no post said
        # the party committee's secretary-general heads its office
        ("", "9月6日下午,全市党委系统信息工作培训会在市政务中心召开。市人大常委会副主任、市委秘书长胡东辉主持会议。",
         "市委办公室", "市"),
        ("", "9月6日下午,全市党委系统信息工作培训会在市政务中心召开。市委秘书长胡东辉出席会议。", None, None),
        # a body of a zone has no level, whatever the zone's last character
        ("", "高新区综合办公室严格执行工作制度,开展督查工作。", "高新区综合办公室", None),
        ("经开区管委会关于招商引资工作情况的汇报", "今年以来，管委会坚持把招商引资作为一号工程。全区新签约项目32个。", "经开区管委会", None),
        ("", "雁塔区综合办公室严格执行工作制度,开展督查工作。", "雁塔区综合办公室", "县"),
        # a body that sends a document down to a writer who speaks as 我院 is its superior, not the writer
        ("", "近日,省林业厅下发《关于2014年度全省林业政务信息工作情况的通报》,我院受到通报表彰。", None, None),
        ("", "近日,省林业厅下发《关于做好信息工作的通知》,要求各地抓好落实。", "省林业厅", "省"),
        # the body a news item ends on, saying what it will do next, is the one whose work it tells
        ("", "2024年,县政府高度重视民生实事。接下来,县人大常委会将继续紧盯项目建设。", "县人大常委会", "县"),
        ("", "2024年,县政府高度重视民生实事。接下来,各乡镇将继续紧盯项目建设。", "县政府", "县"),
        # a place's item on one field's work (政法督查) is the field's body's, when the text names it there
        ("沈丘县规范政法督查工作有序开展", "沈丘县坚持把督查工作摆上重要位置,组建县委政法委督查工作办公室。", "沈丘县委政法委", "县"),
        ("沈丘县规范督查工作有序开展", "沈丘县坚持把督查工作摆上重要位置,组建县委政法委督查工作办公室。", "沈丘县", "县"),
        # the field said in an untitled item's opening (统一战线), its body named by its head (区委常委、统战部部长)
        ("", "近日,荣昌区统一战线信息工作会召开。区委常委、统战部部长覃兴建参加。", "荣昌区委统战部", "县"),
        ("", "近日,荣昌区统一战线信息工作会召开。区政协副主席周建英参加。", "荣昌区", "县"),
        ("", "近日,荣昌区召开信息工作会,总结统一战线工作。区委常委、统战部部长覃兴建参加。", "荣昌区", "县"),
        ("", "1月25日,舟曲县召开人大七次会议和县政协六次会议,舟曲县多举措督查会风会纪。", "舟曲县", "县"),
        # a county after its prefecture's bare stem is named by itself; after its city's full name, with it
        ("", "1月25日,甘南舟曲县召开“两会”,舟曲县多举措督查会风会纪。", "舟曲县", "县"),
        ("", "1月25日,绵阳市三台县召开“两会”,多举措督查会风会纪。", "绵阳市三台县", "县"),
        # a place named by its bare stem, the meeting of its whole area saying its level word (冷水滩 + 全区: 冷水滩区)
        ("冷水滩召开全区政府系统办公室主任会议", "9月23日,冷水滩召开全区政府系统办公室主任会议。全区各乡镇办公室主任参加。", "冷水滩区", "县"),
        ("", "9月23日,会议召开全区政府系统办公室主任会议。", None, None),  # (no place's stem)
        # a leader who goes to a town: the town's item (as a visiting group's); to every town: his own level's
        ("", "7月4日上午,县委常委、纪委书记刘建民深入南湖洲镇督查防汛工作。", None, "乡"),
        ("", "7月4日上午,县委常委、纪委书记刘建民深入各乡镇督查防汛工作。", None, "县"),
        # a group's visit to 我区 is the item of the one district of the kind the text names, the host (none of two, or none)
        ("", "4月20日上午，市人大常委会副主任张建华率检查组来我区，就地方组织法贯彻实施情况进行执法检查。\n"
         "张建华指出，宜秀区认真贯彻地方组织法，各项工作富有成效。", "宜秀区", "县"),
        ("", "6月3日，省督查组一行来我县督查安全生产工作。\n督查组指出，平江县和湘阴县安全生产工作成效明显。", None, "县"),
        ("", "6月3日，省督查组一行来我县督查安全生产工作。\n督查组对我县安全生产工作给予充分肯定。", None, "县"),
        # (…the one county-level place it names, as a clause's subject: not where the group was before, nor one of a 我市's
        # counties)
        ("", "6月3日，省督查组一行来我县督查安全生产工作。\n督查组一行此前已在平江县完成督查，我县为第二站。", None, "县"),
        ("", "6月3日，省考核组来我市检查安全生产工作。\n醴陵市作了汇报，攸县、茶陵县作了书面交流。", None, None),
        # a leader's tour is no body's item: not of the bodies that go with him, nor of one his demands name
        ("", "2月10日，县委常委、常务副县长王建国在县委常委、纪委书记李红的陪同下，深入城区督察重点项目建设进展情况。\n"
         "王建国强调：一要加快在建项目进度。二要加强跟踪督查。县政府将不定期现场督查项目进展。", None, "县"),
        ("", "近日，县长王建国带队深入各乡镇督查安全生产工作。\n县应急管理局、县交通运输局负责人陪同督查。县应急管理局将持续开展专项检查。",
         None, "县"),
        ("", "近日，县应急管理局深入各乡镇督查安全生产工作。\n县应急管理局将持续开展专项检查。", "县应急管理局", "县"),  # a body's own
        # (a leader who heads a bureau goes for it, as its officer: 副县长、县公安局局长)
        ("", "2月10日，副县长、县公安局局长张三带队深入各乡镇开展道路交通安全检查。\n县公安局将持续开展专项整治。", "县公安局", "县"),
        # (a leader whose posts end in an office's 主任 tours too; 下一步 before a body is when, not a word of its name)
        ("", "2月23日,县委常委、县纪委书记、监委主任黄知开到各乡镇调研廉洁文化建设工作。\n"
         "镇主要负责同志表示,下一步镇党委政府会将廉政文化馆的建设常挂在心。", None, "县"),
        ("", "镇主要负责同志表示,下一步镇党委政府会将廉政文化馆的建设常挂在心。", None, None),
        # (a lead that opens on a quoted term, “两节”将至, opens on no scene: it is still the lead)
        ("", "“两节”将至，县委常委、常务副县长王建国深入各乡镇督查作风建设。\n县纪委监委将持续开展明察暗访。", None, "县"),
    ],
)
def test_the_writer_is_not_every_body_it_names(title, line, org, level):
    result = meta(title, line)
    assert (result["org"], result["level"]) == (org, level)


def test_the_body_a_news_item_ends_on_must_act_in_its_opening_too():
    # past the opening, a checked unit's plans that a 通报 quotes (接下来,县住建局将…) do not make it the writer
    filler = "督查组实地察看了项目进展情况,听取了汇报。" * 100
    lines = ["县政府督查室对重点项目进行了专项督查。", filler, "接下来,县住建局将加快项目建设。"]
    assert meta("", *lines)["org"] == "县政府督查室"
    assert meta("", lines[0], "县住建局加快了建设。", filler, lines[2])["org"] == "县住建局"


@pytest.mark.parametrize(
    ("line", "org", "level"),
    [
        # a time word between the subject and its verb
        ("陕西省汉中市行政效能投诉中心近日成立。", "汉中市行政效能投诉中心", "市"),
        ("县政府督查室日前对重点项目开展专项督查。", "县政府督查室", "县"),
        ("县政府督查室今日对重点项目开展专项督查。", None, None),  # (今日 is no time word between them)
        # a city's body is named by its city alone; a district keeps its city
        ("湖北省宜昌市总工会开展调研。", "宜昌市总工会", "市"),
        ("北京市通州区总工会开展调研。", "北京市通州区总工会", "县"),
        # and a county's written right after its province is named by the county alone
        ("福建省光泽县政协召开社情民意工作会议。", "光泽县政协", "县"),
        # a zone's 纪工委 and 监察工委 are bodies; a zone in a city has no level of its own
        ("洛阳市城乡一体化示范区纪工委监察工委在元旦后成立监督检查组。", "洛阳市城乡一体化示范区纪工委监察工委", None),
        ("洛阳市纪委在元旦后成立监督检查组。", "洛阳市纪委", "市"),
        # the bodies that 抽调 staff into a group (of several, the first); 抽查 is no such deed — but a place's party
        # committee's office and its government's (the 两办), named together, act as one: both
        ("为此,县委办、政府办抽调县应急局工作人员组成两个联合督查组。", "县委办公室、县政府办公室", "县"),
        ("近日，县委办、县政府办2个联合督查组深入各乡镇开展作风督查。", "县委办公室、县政府办公室", "县"),
        ("近日，平江县委督查室、县政府督查室联合开展重点项目督查。", "平江县委督查室、平江县人民政府督查室", "县"),
        ("县作风办、县环保局联合督察秸秆禁烧工作。", "县作风办", "县"),
        ("近日，县委办、县政府办督查室联合开展检查。", "县委办公室", "县"),  # (another kind of office: the first)
        ("近日，青山镇党委办公室、镇政府办公室联合开展节前作风督查。", "青山镇党委办公室、青山镇政府办公室", "乡"),
        ("近日，县委办、县政府办对各科室值班情况进行抽查。", "县委办公室、县政府办公室", "县"),
        # an office's head leads its work, whatever his rank (not a place's leader, 常务副县长: his tour is no body's)
        ("近日，县委常委、县委办公室主任张三带队深入各乡镇督查防汛工作。", "县委办公室", "县"),
        ("近日，县委常委、县委办主任张三带领督查组深入各乡镇督查春耕生产。", "县委办公室", "县"),
        ("县委办抽查了值班情况。", None, None),
        # a round of 巡察 is the party committee's own work; one of its groups going in is not the committee
        ("为巩固党的执政根基,十三届县委第三轮巡察派出4个巡察组。", "县委", "县"),
        ("根据县委统一部署,维西县委第十一轮巡察三个巡察组开展了常规巡察。", "维西县委", "县"),
        ("县委第一巡察组正式进驻杉桥镇。", None, None),
        # the body an honour goes to (被…评为, 被…表彰) is the news item's; a name never holds 被 (县住建局被县委…)
        ("近日，县审计局被省审计厅评为全省审计信息工作先进单位。", "县审计局", "县"),
        ("近日，县住建局被县委、县政府通报批评。", None, "县"),
        ("近日，县住建局被县委、县政府评为年度绩效考核较差等次单位。", None, "县"),  # (a rating, no honour: another's 通报)
        ("近日，县住建局被县作风办命名为“蜗牛奖”单位，并在全县通报。", None, "县"),
        ("近日，县政务服务中心被省政府办公厅评为“全省政务服务标杆大厅”。", "县政务服务中心", "县"),
        # so is a body whose groups, counted, go out to every town or unit (6个专项督查组, 3个督查组深入各乡镇); one group,
        # or groups that go to a place named, are a visit
        ("连日来，为督促各单位落实巡视反馈问题整改，平江县委6个专项督查组分三轮对牵头单位开展督查。", "平江县委", "县"),
        ("近日，平江县纪委3个督查组深入各乡镇开展节日期间作风督查。", "平江县纪委", "县"),
        ("近日，县委3个督查组深入各乡镇开展节日期间作风督查。", "县委", "县"),
        ("近日，平江县委第一督查组深入县住建局开展督查。", None, "县"),
        ("“三夏”期间，县委3个督查组深入各乡镇督查秸秆禁烧工作。\n督查组要求各乡镇落实责任。", "县委", "县"),  # (a quoted term: no scene)
        ("近日，市委5个督查组深入平江县各乡镇开展督查。", None, "县"),
        ("近日，市委2个巡察组进驻我县开展常规巡察。", None, "县"),  # (a higher body's groups in the county that tells of them)
        ("“巡视整改台账在哪里？”成都市郫都区委第一督查组在督查时问到。\n连日来，郫都区委6个专项督查组分三轮开展巡视整改督查。",
         "成都市郫都区委", "县"),  # (a district the 2017 table lacks, named after its city)
    ],
)
def test_how_a_body_is_named(line, org, level):
    result = meta("", line)
    assert (result["org"], result["level"]) == (org, level)


def test_a_contact_line_names_the_issuer():
    lines = ["各辖市、区统计局:", "决定开展乡(镇、街道)统计工作基本情况调查。"]
    assert meta("", *lines, "联系人:市统计局政策法规处 周蓓红 85683071")["org"] == "市统计局"
    assert meta("", *lines, "联系人:陈良富,联系电话:13324636558")["org"] is None  # a clerk without a body


def test_a_signature_may_quote_a_campaign_name():
    lines = ["欢迎广大群众投诉。", "投诉举报电话0398-2829226。"]
    assert meta("", *lines, "市“效能革命”活动办公室", "2018年8月15日")["org"] == "市“效能革命”活动办公室"
    assert meta("", *lines, "市“效能革命”活动", "2018年8月15日")["org"] is None  # no body's name


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("12月1号,我县召开信息工作会议,学习贯彻省、州相关会议精神。", "县"),
        ("我镇组织干部开展在岗在位检查。", "乡"),
        ("我县和我镇的干部一同参加。", None),  # two levels: the text does not say which it is
        ("我市召开政务信息工作会议。", None),  # a county-level city says 我市 too
        ("“我县已启动三级预警,请各村做好准备”,村委会主任收到了短信。", None),  # a quotation: another's voice
    ],
)
def test_the_place_a_text_speaks_as_gives_its_level(line, level):
    assert meta("", line)["level"] == level


@pytest.mark.parametrize(
    ("lines", "level"),
    [
        # the units a notice is sent to (its 主送 line) are those one level down from its issuer's: 县直各单位 and 各乡镇
        # are a county's, 市直 and 各县（市、区） a city's, 各村 a town's
        (["各乡镇人民政府，县直各单位：", "现就做好春节期间值班工作通知如下："], "县"),
        (["各街道办事处，区直各单位：", "现就做好春节期间值班工作通知如下："], "县"),
        (["各县（市、区）人民政府，市直各单位：", "现就做好春节期间值班工作通知如下："], "市"),
        (["各村（社区）、镇直各单位：", "现就做好春节期间值班工作通知如下："], "乡"),
        # (not a sentence that names them, nor a 主送 of two levels' units)
        (["现就做好春节期间值班工作通知如下：", "县直各单位要严格落实24小时值班制度。"], None),
        (["市直各单位，各乡镇人民政府：", "现就做好春节期间值班工作通知如下："], None),
        (["各镇（街道），市直各单位：", "现就做好春节期间值班工作通知如下："], None),  # (a county-level city's, or 东莞's)
        (["各镇人民政府、街道办事处，市直各单位：", "现就做好春节期间值班工作通知如下："], None),
        (["各市人民政府，各县（市、区）人民政府，省政府各部门：", "现就做好春节期间值班工作通知如下："], None),
        (["各村（社区）、各镇直单位：", "现就做好春节期间值班工作通知如下："], "乡"),
        (["各社区居委会，街道机关各科室：", "现就做好春节期间值班工作通知如下："], None),  # (a 街道's own)
        # a province's units: 各市州, 省直
        (["各市、县（市、区）人民政府，省各委、办、厅、局，省各直属单位：", "现就做好春节期间值班工作通知如下："], "省"),
        # 重庆's 区县 and 自治县 are counties under a city of the provinces' rank: its notice to them is a province's
        (["各区县（自治县）人民政府，市政府有关部门，有关单位：", "现就做好春节期间值班工作通知如下："], "省"),
        (["各区县人民政府，市政府各部门：", "现就做好春节期间值班工作通知如下："], "市"),
        # (the first 主送 is the issuer's: a document it forwards has its own below)
        (["各乡镇人民政府，县直各单位：", "现将《岳阳市人民政府办公室关于做好春节期间值班工作的通知》转发给你们，请认真贯彻执行。",
          "各县市区人民政府，市直各单位：", "现就做好春节期间值班工作通知如下："], "县"),
    ],
)
def test_the_units_a_notice_is_sent_to_give_its_level(lines, level):
    assert meta("关于做好春节期间值班工作的通知", *lines)["level"] == level


@pytest.mark.parametrize(
    ("line", "year_min"),
    [
        ("做好信息工作是推进全面从严治党的重要内容。", 2014),
        ("以习近平新时代中国特色社会主义思想为指导，开展信息工作。", 2017),
        ("督导落实中央环保督察反馈问题整改工作。", 2015),
        ("开展第二轮中央生态环境保护督察跟踪督察调研。", 2019),
        # the name since the 生态环境部 (2018); the five parts of 乡村振兴; 总书记 from November 2012
        ("中央第四生态环境保护督察组向联络组移交举报件。", 2018),
        ("围绕乡村产业振兴工作开展视察。", 2017),
        ("贯彻落实习近平总书记重要指示批示精神。", 2012),
        ("乡村产业发展有新进展。", None),
        ("接受了中央环境保护督察回头看等一系列督察。", 2018),  # the 回头看 of 2018
        ("示范区纪工委监察工委成立监督检查组。", 2017),  # a zone's 监察工委, as a 监委, since the 2017 pilots
        ("示范区纪工委成立监督检查组。", None),
        # a year's work commended or audited: after the year; not an aim or a plan
        ("会上还表彰了2011年度南平市党委办公室系统信息工作先进单位。", 2012),
        ("会议对2017年度同级审计发现的问题进行了交办。", 2018),
        ("各单位要争创2023年度先进单位。", None),
        ("请各单位于12月10日前推荐2023年度优秀信息员。", None),
        ("县审计局研究了2023年度审计项目计划。", None),
    ],
)
def test_campaigns_bound_the_year(line, year_min):
    result = meta("", line)
    assert (result["year"], result["year_min"]) == (None, year_min)


@pytest.mark.parametrize(
    ("date_line", "year"),
    [("2015年9月xx日", 2015), ("2015年9月   日", 2015), ("二〇一五年九月××日", 2015), ("2015年x月x日", 2015), ("20xx年x月x日", None)],
)
def test_a_signature_whose_day_is_left_open_still_signs(date_line, year):
    # a model text or a draft: the body signs, the year stands when written, no day is made up
    found = meta("关于国庆节放假的通知", "各乡镇：", "现将有关事项通知如下：", "一、请按时报送值班表。", "xx市人民政府办公室", date_line)
    assert (found["org"], found["year"], found["date"]) == ("xx市人民政府办公室", year, None)


@pytest.mark.parametrize(
    ("lines", "year"),
    [
        (("今年以来，我局认真履行职责。", "红安县水利局", "2023年X月X日"), 2023),  # a draft's open date under its signer
        (("今年以来，我局认真履行职责，各项工作取得了明显成效。", "2023年11月"), None),  # no one signs it
        (("全县完成投资情况如下", "项目", "投资", "2023年11月"), None),  # a table's last cell
    ],
)
def test_a_drafts_open_date_under_its_signer_gives_its_year(lines, year):
    assert meta("关于防汛工作的情况汇报", *lines)["year"] == year


@pytest.mark.parametrize(
    ("lines", "org", "level"),
    [
        # a cover's label over the title does not push the opening's first paragraph or byline out of reach
        (("七里坪镇乡村振兴工作汇报", "——在全县乡村振兴推进会上的发言", "（2023年5月6日）", "今年以来，七里坪镇坚持党建引领，推进乡村振兴。"),
         "七里坪镇", "乡"),
        (("关于农村集体经济发展的调研报告", "——以红安县为例", "红安县委政研室课题组", "近年来，红安县大力发展村级集体经济。"),
         "红安县委政研室", "县"),
        (("深化“一网通办” 提升政务服务效能", "——如皋市政务服务改革经验交流材料", "如皋市政务服务管理办公室",
          "近年来，我办坚持以群众需求为导向，深入推进政务服务改革。"), "如皋市政务服务管理办公室", "县"),
    ],
)
def test_a_cover_label_over_the_title_leaves_the_opening_as_it_was(lines, org, level):
    for label in ((), ("汇报材料",), ("交 流 材 料",)):
        found = enrich(parse((*label, *lines), HASH_NAME), HASH_NAME)
        assert (found["org"], found["level"]) == (org, level), label


def test_a_second_document_in_the_file_does_not_date_or_sign_the_first():
    # a year's summary and the next year's plan saved in one file, each with its title and signature
    lines = ("2023年，城关街道各项工作取得新成效。", "一、主要工作", "完成固定资产投资5亿元。", "城关街道办事处", "2023年12月28日",
             "城关街道2024年工作计划", "2024年，城关街道将重点抓好以下工作。", "一、抓项目建设。全年实施项目20个。",
             "城关街道党工委", "2024年1月5日")
    found = meta("城关街道2023年工作总结", *lines)
    assert (found["date"], found["year"], found["org"]) == ("2023-12-28", 2023, "城关街道办事处")
    # …but the file's 字数 is all of it, the plan too (as a 印发 notice's is the document it issues)
    assert found["chars"] == len("".join(("城关街道2023年工作总结", *lines)).replace(" ", ""))
    # one document with its attachment's own date after the signature keeps its signature's date
    notice = ("各科室：", "现将有关事项通知如下。", "县水利局办公室", "2023年3月1日", "附件", "值班表", "2023年3月2日")
    assert meta("关于做好值班工作的通知", *notice)["date"] == "2023-03-01"


@pytest.mark.parametrize(("team", "org"), [("繁峙县人民政府办公室调研组", "繁峙县人民政府办公室"),
                                         ("县政协调研组", "县政协"), ("市人大常委会调研组", "市人大常委会")])  # (a level word's body)
def test_a_studys_team_and_its_month_under_the_title_date_it(team, org):
    found = meta("关于全县村级组织运转经费保障情况的调研报告", team, "（2018年11月）",
                 "村级组织运转经费是保障村级组织正常运转的基础。现将调研情况报告如下。")
    assert (found["year"], found["org"]) == (2018, org)


@pytest.mark.parametrize(
    ("title", "lines", "org", "level"),
    [
        # a speaker's or writer's name set out letter by letter to align (刘  杰, 杨  文  涛)
        ("述职述廉报告", ("堌阳镇党委书记  刘  杰", "各位领导、同志们：", "2020年，我坚持抓党建。支持镇纪委履行监督责任。"),
         "堌阳镇党委", "乡"),
        ("在全县政府系统办公室工作会议上的讲话", ("县委常委、常务副县长  杨  文  涛", "（2021年3月5日）", "同志们：",
                                            "今天召开全县政府系统办公室工作会议。"), "县人民政府", "县"),
        # a clause that opens with a deed (支持镇纪委…, 配合县纪委…) names no writer
        ("2020年工作总结", ("2020年，我镇各项工作稳步推进。", "支持镇纪委履行监督责任，配合县纪委开展巡察。"), None, "乡"),
    ],
)
def test_a_letter_spaced_name_and_a_deed_before_a_body(title, lines, org, level):
    found = meta(title, *lines)
    assert (found["org"], found["level"]) == (org, level)


def test_the_office_and_day_right_under_the_title_issue_it():
    lines = ("钟山区人民政府办公室      2024年7月5日", "各乡（镇、街道），区直各部门：", "现将2024年6月份全区12345热线工单办理情况通报如下。",
             "一、总体情况", "6月份，市12345热线转派我区工单4286件，环比增长12.7%。", "二、诉求热点", "从诉求内容看，城乡建设类986件。")
    found = meta("钟山区12345政务服务便民热线2024年6月份工单办理情况通报", *lines)
    assert (found["org"], found["date"]) == ("钟山区人民政府办公室", "2024-07-05")


@pytest.mark.parametrize("town", ["××镇", "XX乡", "某镇"])
def test_a_redacted_towns_own_report_is_the_towns(town):
    found = meta(f"{town}关于乡村振兴工作情况的汇报提纲", "一、基本镇情", "（一）辖12个行政村。")
    assert (found["org"], found["level"]) == (town, "乡")


def test_a_cover_over_the_title_repeated_is_no_second_document():
    lines = ("光山县水利局", "二〇二三年十二月", "城关镇2023年工作总结", "2023年，我镇认真履行职责。", "一、主要工作", "完成投资5亿元。",
             "城关镇人民政府", "2023年12月25日")
    assert meta("城关镇2023年工作总结", *lines)["date"] == "2023-12-25"


def test_a_delegation_named_by_its_province_is_no_place_of_the_writer():
    found = meta("局党组理论学习中心组学习会议纪要", "会议传达学习了习近平总书记参加江苏代表团审议时的重要讲话精神。",
                 "会议要求，全局干部要认真学习。")
    assert found["region"] is None


def test_bodies_a_title_names_together_are_one_org_each_set_apart():
    found = meta("中共监利市委  监利市人民政府关于表彰2020年度防汛抗灾工作先进集体和先进个人的通报", "各乡镇党委、政府：", "现予以通报表彰。")
    assert found["org"] == "中共监利市委、监利市人民政府"


def test_a_studys_team_signing_at_the_end_wrote_it():
    found = meta("关于村级集体经济发展情况的调研报告", "近年来，通渭县大力发展村级集体经济。", "一、基本情况", "全县村集体经济收入稳步增长。",
                 "县委政策研究室课题组", "执笔：马文斌  王丽娟")
    # (its county, the opening's subject, is the one it names: 通渭县's)
    assert (found["org"], found["level"]) == ("通渭县委政策研究室", "县")


@pytest.mark.parametrize(
    ("title", "lines", "org", "level", "region"),
    [
        # a zone of prefecture rank the 2017 table lacks (over 平潭县, run by its province): its bodies are of 市 level
        ("平潭综合实验区公安局关于开展保安单位抽查的通知", ["各保安单位："], "平潭综合实验区公安局", "市", "福建省"),
        # an area of it (片区: a former town's) is no district of it, and of a level its name does not say
        ("平潭综合实验区海坛片区管理局关于做好节日值班的通知", ["各村居："], "平潭综合实验区海坛片区管理局", None, "福建省"),
        ("中共平潭综合实验区金井片区管理局委员会关于印发督查工作方案的通知", ["各村居："],
         "中共平潭综合实验区金井片区管理局委员会", None, "福建省"),
        # the old county keeps its own level
        ("平潭县综合执法局2012年度工作会议", ["会议指出，要强化责任意识。"], "平潭县综合执法局", "县", "福建省"),
        # an area's text calls its zone 区: no county level from it; a county's area addressing the county's units is the county's
        ("君山片区管理局党委关于巡察整改进展情况的通报", ["根据区党工委巡察工作的统一部署，区党工委第二巡察组对君山片区管理局党委开展了巡察。",
                                          "全区巡察整改工作有序推进，区直各部门积极配合。"], "君山片区管理局党委", None, None),
        ("城东片区管理局关于做好值班工作的通知", ["各乡镇人民政府，县直各单位：", "请做好值班工作。"], "城东片区管理局", "县", None),
    ],
)
def test_a_zone_of_prefecture_rank_and_its_areas(title, lines, org, level, region):
    got = meta(title, *lines)
    assert (got["org"], got["level"], got["region"]) == (org, level, region)
