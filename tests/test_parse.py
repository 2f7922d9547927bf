"""Unit tests for baogao.parse: cleaned lines → title + heading/article/paragraph blocks.

Vectors are tables of (lines, file name, expected ...). The fidelity property (no text is
lost or invented) runs over every vector here, over generated documents, and over the seed
reports in reports/*.txt.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from baogao.convert import convert_report
from baogao.clean import clean
from baogao.gongwen import is_addressee_line
from baogao.readers.txt import decode
from baogao.model import Block, ParsedReport
from baogao.parse import lines_above_title, parse, with_inferred_title
from baogao.titles import title_from_filename

HASH_NAME = "000_90a8bdb48d7b146b.txt"
TITLE_NAME = "关于南昌市农民工参保情况的调研报告.txt"
P = "一年来，办公室坚持围绕中心、服务大局，圆满完成了各项工作任务。"
SEED_REPORTS = sorted((Path(__file__).resolve().parent.parent / "reports").glob("*.txt"))

_WS = re.compile(r"\s+")


def _squash(text: str) -> str:
    return _WS.sub("", text)


def _shape(report: ParsedReport) -> list[tuple]:
    """Blocks as compact tuples: ("h", level, text), ("a", anchor, text), ("p", text)."""
    out: list[tuple] = []
    for block in report.blocks:
        if block.kind == "heading":
            out.append(("h", block.level, block.text))
        elif block.kind == "article":
            out.append(("a", block.anchor, block.text))
        else:
            assert block.kind == "paragraph"
            out.append(("p", block.text))
    return out


def assert_fidelity(lines: tuple[str, ...], report: ParsedReport) -> None:
    """All kept text (title if taken from the text, then every block) equals the input, white
    space aside; the only thing allowed to go is a repeated title, and it must be counted."""
    kept = _squash((report.title if report.title_in_text else "") + "".join(b.text for b in report.blocks))
    dropped = _squash(report.title) * report.removed.get("repeated_title", 0)
    source = _squash("".join(lines))
    header = _squash("".join(lines[:lines_above_title(lines)])) if report.title_in_text else ""
    if header:  # a 公文's 版头 lines (or a speaker line) are shown right under the title they stand above
        rest, title = source[len(header):], _squash(report.title)
        assert rest.startswith(title)
        source = title + header + rest[len(title):]
    if dropped:
        assert report.removed == {"repeated_title": 1}
        title_len = len(_squash(report.title))
        # the repeated copy comes right after the title (and its 版头)
        copy = title_len + len(header)
        assert source[copy : copy + title_len] == dropped
        source = source[:copy] + source[copy + title_len :]
    assert kept == source
    assert report.text() == "\n".join(([report.title] if report.title_in_text else []) + [b.text for b in report.blocks])


# --------------------------------------------------------------------------------------------
# Title: (lines, file name, title, title_in_text, repeated titles removed, first block)
# --------------------------------------------------------------------------------------------
TITLES = [
    pytest.param(["2023年政府工作报告", "各位代表：", P], HASH_NAME,
                 "2023年政府工作报告", True, 0, ("p", "各位代表："), id="first-line-title"),
    pytest.param(["2023年政府工作报告", "2023年政府工作报告", "各位代表：", P], HASH_NAME,
                 "2023年政府工作报告", True, 1, ("p", "各位代表："), id="repeated-title-dropped-once"),
    pytest.param(["工作总结", "工作总结", "工作总结", P], HASH_NAME,
                 "工作总结", True, 1, ("p", "工作总结"), id="third-copy-kept"),
    pytest.param(["政府工作报", "告", "各位代表：", P], HASH_NAME,
                 "政府工作报告", True, 0, ("p", "各位代表："), id="split-title-bao-gao"),
    pytest.param(["关于做好春节期间安全生产工作的通", "知", P], HASH_NAME,
                 "关于做好春节期间安全生产工作的通知", True, 0, ("p", P), id="split-title-tong-zhi"),
    pytest.param(["政府工作报", "告", "政府工作报告", P], HASH_NAME,
                 "政府工作报告", True, 1, ("p", P), id="split-title-then-repeat"),
    pytest.param(["政府工作报告", "告诉大家", P], HASH_NAME,
                 "政府工作报告", True, 0, ("p", "告诉大家"), id="no-merge-when-first-is-complete"),
    pytest.param(["市政府办公室领导班子工作总结", "一年来", P], HASH_NAME,
                 "市政府办公室领导班子工作总结", True, 0, ("p", "一年来"), id="seed-004-title"),
    pytest.param(["关于XX工作情况的报告", "在XX会议上", "——市长 张三", P], HASH_NAME,
                 "关于XX工作情况的报告 在XX会议上", True, 0, ("p", "——市长 张三"), id="two-line-title-above-dash"),
    pytest.param(["二〇二三年工作总结", P], HASH_NAME, "二〇二三年工作总结", True, 0, ("p", P), id="chinese-year-title"),
    # a 公文's 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 附件 marker) is never the title
    pytest.param(["000123", "秘密★1年", "特急", "平安县人民政府办公室文件", "平政办发〔2024〕12号", "平安县人民政府办公室",
                  "关于2023年度督查工作情况的报告", "县人民政府：", P], HASH_NAME,
                 "平安县人民政府办公室关于2023年度督查工作情况的报告", True, 0, ("p", "000123"), id="gongwen-header-then-title"),
    # a joint 版头: the issuers' names stacked beside one 文件, above or below it
    pytest.param(["发展改革委办公厅  文件", "税务总局办公厅", "发改办财金规〔2019〕860号", "关于加强个人所得税纳税信用建设的通知", P],
                 HASH_NAME, "关于加强个人所得税纳税信用建设的通知", True, 0, ("p", "发展改革委办公厅  文件"), id="joint-header-below"),
    pytest.param(["国家发展改革委办公厅", "税务总局办公厅 文件", "关于加强个人所得税纳税信用建设的通知", P],
                 HASH_NAME, "关于加强个人所得税纳税信用建设的通知", True, 0, ("p", "国家发展改革委办公厅"), id="joint-header-above"),
    # the issuers' names over the 文号 without 文件
    pytest.param(["湄潭县人民政府", "湄府复〔2023〕45号", "湄潭县人民政府", "关于同意永兴镇调整部分村级建制的批复", "永兴镇人民政府：", P],
                 HASH_NAME, "湄潭县人民政府关于同意永兴镇调整部分村级建制的批复", True, 0, ("p", "湄潭县人民政府"), id="issuer-line-over-doc-number"),
    pytest.param(["中共宾川县委办公室", "宾川县人民政府办公室", "宾办发〔2023〕21号", "关于开展综合考核工作的通知", P], HASH_NAME,
                 "关于开展综合考核工作的通知", True, 0, ("p", "中共宾川县委办公室"), id="joint-issuer-lines-over-doc-number"),
    # offices' names over the kind of paper they print in the place of 文件 (督 查 通 报), the 文号 and the rule line
    pytest.param(["中共霍邱县委督查室", "霍邱县人民政府督查室", "督 查 通 报", "霍督查〔2023〕5号", "━━━━━━━━━━━━",
                  "关于2023年第一季度全县重点工作", "推进情况的督查通报", "各乡镇：", P], HASH_NAME,
                 "关于2023年第一季度全县重点工作推进情况的督查通报", True, 0, ("p", "中共霍邱县委督查室"), id="joint-offices-kind-mark-rule"),
    pytest.param(["县政府督查室", "通报", "县督查〔2023〕5号", "关于重点工作推进情况的通报", P], HASH_NAME,
                 "关于重点工作推进情况的通报", True, 0, ("p", "县政府督查室"), id="office-kind-mark-over-doc-number"),
    pytest.param(["县政府督查室", "通报", P], HASH_NAME, "县政府督查室通报", True, 0, ("p", P), id="office-and-kind-without-doc-number-is-a-title"),
    pytest.param(["附件1", "富民乡2022年上半年工作总结", P], HASH_NAME,
                 "富民乡2022年上半年工作总结", True, 0, ("p", "附件1"), id="attachment-marker-not-title"),
    pytest.param(["密级：内部", "签发人：张三", "县政府办公室2023年工作总结", "县政府办公室2023年工作总结", P], HASH_NAME,
                 "县政府办公室2023年工作总结", True, 1, ("p", "密级：内部"), id="header-then-repeated-title"),
    # a bulletin's masthead: its name over the issue line, then its editor and date
    pytest.param(["督查评比专报", "第 6 期", "关于对两区“包街包巷包小区”", "责任单位评比情况的通报", P], HASH_NAME,
                 "关于对两区“包街包巷包小区”责任单位评比情况的通报", True, 0, ("p", "督查评比专报"), id="bulletin-masthead"),
    pytest.param(["督查通报", "2023年第12期（总第45期）", "县政府督查室　　2023年5月6日", "关于上半年重点工作落实情况的通报", P],
                 HASH_NAME, "关于上半年重点工作落实情况的通报", True, 0, ("p", "督查通报"), id="bulletin-masthead-with-editor"),
    pytest.param(["督 查 通 报", "第3期", "中共郸城县委督查室　　郸城县人民政府督查室　　　　2023年5月12日", "关于重点项目推进情况的督查通报", P],
                 HASH_NAME, "关于重点项目推进情况的督查通报", True, 0, ("p", "督 查 通 报"), id="bulletin-masthead-with-joint-editors"),
    pytest.param(["政务信息", "第6期", "县政府办公室编", "我县扎实开展“三夏”生产", P],
                 HASH_NAME, "我县扎实开展“三夏”生产", True, 0, ("p", "政务信息"), id="bulletin-masthead-editor-without-day"),
    pytest.param(["政务信息", "第6期", "全县政务信息汇编", P],
                 HASH_NAME, "全县政务信息汇编", True, 0, ("p", "政务信息"), id="bulletin-masthead-a-compilation-is-a-title"),
    pytest.param(["信息专报", "各乡镇：", P], HASH_NAME, "信息专报", True, 0, ("p", "各乡镇："), id="no-issue-line-no-masthead"),
    # the office over its bulletin's masthead; a gazette's name and issue on one line; a bracketed contents label
    pytest.param(["中共平江县委办公室", "督 查 通 报", "第5期", "中共平江县委督查室    二〇二三年十月二十日",
                  "关于2023年第三季度领导批示件办理情况的督查通报", "各乡镇党委：", P], HASH_NAME,
                 "关于2023年第三季度领导批示件办理情况的督查通报", True, 0, ("p", "中共平江县委办公室"), id="office-over-masthead"),
    pytest.param(["黑河市人民政府公报                                      2016年第2期", "黑河市人民政府办公室关于2015年度全市政务值班",
                  "突发事件信息报送工作情况的通报", "黑政办发〔2016〕8号", "各县（市、区）人民政府：", P], HASH_NAME,
                 "黑河市人民政府办公室关于2015年度全市政务值班突发事件信息报送工作情况的通报", True, 0,
                 ("p", "黑河市人民政府公报                                      2016年第2期"), id="gazette-name-and-issue-on-one-line"),
    pytest.param(["工 作 简 报", "第7期", "松桃县人民政府办公室编    2023年8月15日", "【本期要目】", "●县政府办举办业务培训班",
                  "县政府办举办业务培训班", P], HASH_NAME, "县政府办举办业务培训班", True, 0, ("p", "工 作 简 报"), id="bracketed-contents-label"),
    pytest.param(["工 作 简 报", "第7期", "【本期要目】", "●县政府办举办业务培训班", "●县政府督查室开展专项督查", "县政府办举办业务培训班", P],
                 HASH_NAME, "", False, 0, ("p", "工 作 简 报"), id="contents-of-several-items-no-title"),
    # contents that list one item: its headline is the title
    pytest.param(["中共平江县委办公室", "督 查 通 报", "第5期", "中共平江县委督查室    2024年5月6日", "【本期要目】",
                  "关于全县秸秆禁烧工作的督查通报", "关于全县秸秆禁烧工作的督查通报", P], HASH_NAME, "关于全县秸秆禁烧工作的督查通报", True, 0,
                 ("p", "中共平江县委办公室"), id="contents-of-one-item"),
    pytest.param(["工 作 简 报", "第7期", "【本期要目】", "●县政府办举办业务培训班", "县政府办举办业务培训班", P], HASH_NAME,
                 "县政府办举办业务培训班", True, 0, ("p", "工 作 简 报"), id="contents-of-one-bulleted-item"),
    # a title over two lines whose first names its place, under it the office and the day
    pytest.param(["钟山区12345政务服务便民热线", "2024年6月份工单办理情况通报", "钟山区人民政府办公室      2024年7月5日",
                  "各乡（镇、街道）：", P], HASH_NAME, "钟山区12345政务服务便民热线2024年6月份工单办理情况通报", True, 0,
                 ("p", "钟山区人民政府办公室      2024年7月5日"), id="place-line-and-dated-kind-line"),
    pytest.param(["附件2：", P], HASH_NAME, "", False, 0, ("p", "附件2："), id="header-without-title"),
    pytest.param(["秘密★1年", "各位代表：", P], HASH_NAME, "", False, 0, ("p", "秘密★1年"), id="marking-is-never-the-title"),
    # a 公文 title set over lines: issuer, then 关于… or the report's name
    pytest.param(["县政府办公室", "2023年工作总结", P], HASH_NAME,
                 "县政府办公室2023年工作总结", True, 0, ("p", P), id="issuer-line-then-title-line"),
    pytest.param(["市政府办公室关于", "2023年度督查工作", "情况的报告", P], HASH_NAME,
                 "市政府办公室关于2023年度督查工作情况的报告", True, 0, ("p", P), id="three-line-guanyu-title"),
    pytest.param(["国务院办公厅关于全面推行", "行政执法公示制度执法全过程记录制度", "重大执法决定法制审核制度的指导意见", P],
                 HASH_NAME, "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见",
                 True, 0, ("p", P), id="title-line-ending-in-a-doc-word-continued"),
    pytest.param(["国务院办公厅对全国政协十届四次会议", "第4626号提案的答复", "国办函〔2006〕82号", P], HASH_NAME,
                 "国务院办公厅对全国政协十届四次会议第4626号提案的答复", True, 0, ("p", "国办函〔2006〕82号"),
                 id="issuer-to-then-reply"),
    pytest.param(["县政府办公室关于完善", "工作汇报制度", P], HASH_NAME,
                 "县政府办公室关于完善工作汇报制度", True, 0, ("p", P), id="title-ending-in-a-doc-word"),
    pytest.param(["（三 ）对交办的信访事项进行督办", P], HASH_NAME, "", False, 0,
                 ("h", 2, "（三 ）对交办的信访事项进行督办"), id="heading-with-a-space-in-its-brackets"),
    # a person's paper: its kind on the second line (个人对照检查材料, 汇报提纲), its writer's byline under it
    pytest.param(["2023年度主题教育专题民主生活会", "个人对照检查材料", "中共秦安县委办公室　张建军", "（2024年1月18日）", P], HASH_NAME,
                 "2023年度主题教育专题民主生活会个人对照检查材料", True, 0, ("p", "中共秦安县委办公室　张建军"), id="personal-paper-title"),
    pytest.param(["全市医疗保障工作", "汇报提纲", "绥化市医疗保障局", "2023年12月", P], HASH_NAME, "全市医疗保障工作汇报提纲", True, 0,
                 ("p", "绥化市医疗保障局"), id="outline-for-a-report"),
    # a news headline may end on the school or centre it tells of (its kicker set apart: its main line opens with its subject)
    pytest.param(["党史学习教育", "县委办公室编印学习材料", "近日，县委办公室编印学习材料发放给各支部。"], HASH_NAME,
                 "党史学习教育 县委办公室编印学习材料", True, 0, ("p", "近日，县委办公室编印学习材料发放给各支部。"),
                 id="headline-ending-on-cailiao"),
    pytest.param(["教育优先发展", "我县新建一所九年一贯制学校", "近日，位于城东新区的九年一贯制学校正式开工建设，总投资2亿元。"], HASH_NAME,
                 "教育优先发展我县新建一所九年一贯制学校", True, 0, ("p", "近日，位于城东新区的九年一贯制学校正式开工建设，总投资2亿元。"),
                 id="headline-ending-on-a-school"),
    # …and an institution's name over its report's kind (a court, a school, a street office, a centre)
    pytest.param(["蕉岭县人民法院", "2023年工作总结", P], HASH_NAME, "蕉岭县人民法院2023年工作总结", True, 0, ("p", P),
                 id="court-then-title-line"),
    pytest.param(["上海市长宁区江苏路街道办事处", "2023年工作总结", P], HASH_NAME, "上海市长宁区江苏路街道办事处2023年工作总结",
                 True, 0, ("p", P), id="street-office-then-title-line"),
    pytest.param(["宁国市融媒体中心", "2023年工作总结", P], HASH_NAME, "宁国市融媒体中心2023年工作总结", True, 0, ("p", P),
                 id="centre-then-title-line"),
    pytest.param(["县政府办公室", "今年以来工作情况", P], HASH_NAME,
                 "县政府办公室", True, 0, ("p", "今年以来工作情况"), id="issuer-line-not-joined-without-doc-type"),
    # a news headline in two lines, a kicker over the main line, then the item's first sentence
    pytest.param(["市卫健委部署", "做好冬春季疫病防控", P], HASH_NAME,
                 "市卫健委部署做好冬春季疫病防控", True, 0, ("p", P), id="two-line-news-headline"),
    pytest.param(["社会保险费征缴情况调研", "市总工会课题组", P], HASH_NAME,
                 "社会保险费征缴情况调研", True, 0, ("p", "市总工会课题组"), id="no-headline-join-with-an-author"),
    # (nor a headline restated under itself: the sub-headline stays in the text)
    pytest.param(["霍邱开展全县电子政务外网专项督查工作", "县政府办牵头开展全县电子政务外网专项督查工作", P], HASH_NAME,
                 "霍邱开展全县电子政务外网专项督查工作", True, 0, ("p", "县政府办牵头开展全县电子政务外网专项督查工作"),
                 id="no-headline-join-with-its-restatement"),
    pytest.param(["社会保险费征缴情况调研", "张三", P], HASH_NAME,
                 "社会保险费征缴情况调研", True, 0, ("p", "张三"), id="no-headline-join-with-a-name"),
    pytest.param(["基层减负要减到实处", "县委办公室  张某", P], HASH_NAME,
                 "基层减负要减到实处", True, 0, ("p", "县委办公室  张某"), id="no-headline-join-with-a-byline"),
    pytest.param(["汉南多科室窗口人员上班玩网游 督察员一走继续激战", "楚天都市报讯 【暗访短片】", P], HASH_NAME,
                 "汉南多科室窗口人员上班玩网游 督察员一走继续激战", True, 0, ("p", "楚天都市报讯 【暗访短片】"),
                 id="no-headline-join-with-a-dateline"),
    pytest.param(["学习园地", "市卫健委部署冬季工作", "一、总体情况"], HASH_NAME,
                 "学习园地", True, 0, ("p", "市卫健委部署冬季工作"), id="no-headline-join-without-a-sentence-after"),
    pytest.param(["中共红安县委办公室", "红安县人民政府办公室", "关于进一步加强值班值守工作的通知", P], HASH_NAME,
                 "中共红安县委办公室\u3000红安县人民政府办公室关于进一步加强值班值守工作的通知", True, 0, ("p", P),
                 id="two-issuers-lines-then-title-set-apart"),
    pytest.param(["红安县人民政府办公室", "2023年工作总结", "和2024年工作计划", P], HASH_NAME,
                 "红安县人民政府办公室2023年工作总结和2024年工作计划", True, 0, ("p", P), id="issuer-summary-and-plan-lines"),
    pytest.param(["县审计局局长 述职报告", P], HASH_NAME, "县审计局局长 述职报告", True, 0, ("p", P), id="post-and-kind-is-a-title"),
    pytest.param(["2024", "全县经济运行分析", P], HASH_NAME, "全县经济运行分析", True, 0, ("p", "2024"),
                 id="bare-year-over-an-untyped-title-stands-above-it"),
    pytest.param(["工作动态", "县政府办公室召开全体干部会议情况通报", P], HASH_NAME, "县政府办公室召开全体干部会议情况通报", True, 0,
                 ("p", "工作动态"), id="column-name-not-joined-to-a-bodys-title"),
    # a report's title centred over two lines, broken between phrases
    pytest.param(["夷陵区2023年工作总结暨", "2024年工作计划", P], HASH_NAME, "夷陵区2023年工作总结暨2024年工作计划", True, 0,
                 ("p", P), id="title-broken-after-ji"),
    pytest.param(["通山县2023年度巩固拓展脱贫攻坚成果", "同乡村振兴有效衔接工作总结", P], HASH_NAME,
                 "通山县2023年度巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作总结", True, 0, ("p", P), id="title-broken-between-phrases"),
    pytest.param(["最新通报!德州这些乡镇、村成绩突出!", "全市农村人居环境2023年第三次检查通报", P], HASH_NAME,
                 "最新通报!德州这些乡镇、村成绩突出!", True, 0, ("p", "全市农村人居环境2023年第三次检查通报"),
                 id="web-headline-over-the-documents-title-not-joined"),
    pytest.param(["攻坚克难 砥砺前行", "红安县2023年工作总结", P], HASH_NAME, "攻坚克难 砥砺前行 红安县2023年工作总结", True, 0,
                 ("p", P), id="motto-over-title"),
    pytest.param(["红安县2023年工作总结", "一、主要工作", P], HASH_NAME, "红安县2023年工作总结", True, 0,
                 ("h", 2, "一、主要工作"), id="whole-title-line-then-heading"),
    pytest.param(["学习园地", "2023年工作总结", P], HASH_NAME,
                 "学习园地", True, 0, ("p", "2023年工作总结"), id="no-join-after-a-non-issuer-line"),
    # not titles
    pytest.param(["各位代表：", P], HASH_NAME, "", False, 0, ("p", "各位代表："), id="salutation-not-title"),
    pytest.param(["N海都记者 李伟强", P], HASH_NAME, "", False, 0, ("p", "N海都记者 李伟强"), id="byline-not-title"),
    pytest.param(["本报记者 张三 通讯员 李四", P], HASH_NAME, "", False, 0, ("p", "本报记者 张三 通讯员 李四"), id="bylines-not-title"),
    pytest.param(["信息通讯员培训班", P], HASH_NAME, "信息通讯员培训班", True, 0, ("p", P), id="tongxunyuan-title"),
    pytest.param(["同志们：", P], HASH_NAME, "", False, 0, ("p", "同志们："), id="salutation-2-not-title"),
    pytest.param(["襄城县审计局", "实地督导 审计整改情况", "本报讯(通讯员 纪浩朋)为推动整改,县审计局开展督导。"], HASH_NAME,
                 "襄城县审计局实地督导 审计整改情况", True, 0, ("p", "本报讯(通讯员 纪浩朋)为推动整改,县审计局开展督导。"),
                 id="body-over-deed-headline-of-news-item"),
    pytest.param(["襄城县审计局", "实地督导 审计整改情况", "为推动整改,县审计局开展督导。"], HASH_NAME,
                 "襄城县审计局", True, 0, ("p", "实地督导 审计整改情况"), id="body-over-line-no-news-item"),
    pytest.param(["政务信息", "党组书记讲党课(行署办公室 提供)", "编发《信息专报》25期,被采用12期。"], HASH_NAME, "政务信息", True, 0,
                 ("p", "党组书记讲党课(行署办公室 提供)"), id="photo-credit-not-in-headline"),
    pytest.param(["最新通报!德州这些乡镇、村成绩突出!", P], HASH_NAME, "最新通报!德州这些乡镇、村成绩突出!", True, 0, ("p", P),
                 id="exclaimed-headline-title"),
    pytest.param(["同志们！", P], HASH_NAME, "", False, 0, ("p", "同志们！"), id="exclaimed-salutation-not-title"),
    # a headline that asks and exclaims its answer; a question alone, or asked in a sentence, is no title
    pytest.param(["值班值守情况如何?督察!", P], HASH_NAME, "值班值守情况如何?督察!", True, 0, ("p", P), id="asked-and-exclaimed-headline-title"),
    pytest.param(["基层减负的成效到底如何？", P], HASH_NAME, "", False, 0, ("p", "基层减负的成效到底如何？"), id="question-not-title"),
    pytest.param(["值班值守情况如何？我们去看了。", P], HASH_NAME, "", False, 0, ("p", "值班值守情况如何？我们去看了。"),
                 id="question-and-sentence-not-title"),
    # a headline that exclaims its first phrase; a speech's salutation and first sentence are no title
    pytest.param(["24小时在线!岳阳市今起进入汛期,防汛和水利部门随时待命", P], HASH_NAME,
                 "24小时在线!岳阳市今起进入汛期,防汛和水利部门随时待命", True, 0, ("p", P), id="exclaimed-first-phrase-headline-title"),
    pytest.param(["同志们!今天我们召开全县作风建设大会,主要任务是", P], HASH_NAME, "", False, 0,
                 ("p", "同志们!今天我们召开全县作风建设大会,主要任务是"), id="salutation-and-sentence-not-title"),
    pytest.param(["全市各级各部门要行动起来，狠抓落实！", P], HASH_NAME, "", False, 0,
                 ("p", "全市各级各部门要行动起来，狠抓落实！"), id="exclaimed-sentence-not-title"),
    pytest.param([P, "一、工作回顾"], HASH_NAME, "", False, 0, ("p", P), id="sentence-not-title"),
    pytest.param(["一、工作回顾", P], HASH_NAME, "", False, 0, ("h", 2, "一、工作回顾"), id="heading-not-title"),
    pytest.param(["第一条 为了规范管理，制定本办法。"], HASH_NAME, "", False, 0,
                 ("a", "第一条", "第一条 为了规范管理，制定本办法。"), id="article-not-title"),
    pytest.param(["2023年1月10日", P], HASH_NAME, "", False, 0, ("p", "2023年1月10日"), id="date-not-title"),
    pytest.param(["（2023年1月10日在市人民代表大会上）", P], HASH_NAME, "", False, 0,
                 ("p", "（2023年1月10日在市人民代表大会上）"), id="paren-line-not-title"),
    pytest.param(["12345政府服务热线一周情况通报", "(2016年3月4日—3月10日)", P], HASH_NAME,
                 "12345政府服务热线一周情况通报(2016年3月4日—3月10日)", True, 0, ("p", P), id="period-line-in-title"),
    # a cover's year over the title, and the year a summary covers under it
    pytest.param(["2023年度", "乡人民政府工作总结", P], HASH_NAME, "2023年度乡人民政府工作总结", True, 0, ("p", P),
                 id="year-line-over-title"),
    pytest.param(["二〇二三年度", "红安县人民政府办公室工作总结", P], HASH_NAME, "二〇二三年度红安县人民政府办公室工作总结", True, 0,
                 ("p", P), id="chinese-year-line-over-title"),
    pytest.param(["2024", "县政府办公室工作总结", P], HASH_NAME, "2024 县政府办公室工作总结", True, 0, ("p", P),
                 id="bare-year-line-over-title-not-a-copy-number"),
    pytest.param(["000123", "县政府办公室工作总结", P], HASH_NAME, "县政府办公室工作总结", True, 0, ("p", "000123"),
                 id="copy-number-over-title"),
    pytest.param(["No.0000123", "县政府办公室工作总结", P], HASH_NAME, "县政府办公室工作总结", True, 0, ("p", "No.0000123"),
                 id="no-copy-number-over-title"),
    pytest.param(["内部资料 注意保存", "关于全县社会稳定形势的分析报告", P], HASH_NAME, "关于全县社会稳定形势的分析报告", True, 0,
                 ("p", "内部资料 注意保存"), id="handling-mark-over-title"),
    pytest.param(["县长 刘某某", "在全县优化营商环境大会上的讲话", P], HASH_NAME, "在全县优化营商环境大会上的讲话", True, 0,
                 ("p", "县长 刘某某"), id="speaker-line-over-title"),
    pytest.param(["在全县优化营商环境大会上的讲话", "南阳市副市长  赵某某", P], HASH_NAME, "在全县优化营商环境大会上的讲话", True, 0,
                 ("p", "南阳市副市长  赵某某"), id="speaker-line-under-title"),
    pytest.param(["2023年", "红安县人民政府办公室", "工作总结", P], HASH_NAME, "2023年红安县人民政府办公室工作总结", True, 0,
                 ("p", P), id="year-issuer-and-kind-lines"),
    pytest.param(["红安县人民政府办公室", "2023年度", "工作总结", P], HASH_NAME, "红安县人民政府办公室2023年度工作总结", True, 0,
                 ("p", P), id="issuer-year-and-kind-lines"),
    pytest.param(["红安县人民政府办公室", "2023年度工作总结暨2024年工作计划", P], HASH_NAME,
                 "红安县人民政府办公室2023年度工作总结暨2024年工作计划", True, 0, ("p", P), id="summary-and-plan-title-over-issuer"),
    pytest.param(["中共七里坪镇委员会", "七里坪镇人民政府", "2023年工作总结", P], HASH_NAME,
                 "中共七里坪镇委员会\u3000七里坪镇人民政府2023年工作总结", True, 0, ("p", P), id="two-issuer-lines-over-summary"),
    pytest.param(["工作总结", "（2023年）", P], HASH_NAME, "工作总结（2023年）", True, 0, ("p", P), id="year-period-line-in-title"),
    pytest.param(["红安县突发事件总体应急预案", "（2022年修订）", P], HASH_NAME, "红安县突发事件总体应急预案（2022年修订）", True, 0,
                 ("p", P), id="revision-line-in-title"),
    pytest.param(["武功县人民政府常务会议纪要", "第12次", "时间：2019年6月18日上午9时", P], HASH_NAME, "武功县人民政府常务会议纪要",
                 True, 0, ("p", "第12次"), id="minutes-number-line-under-title"),
    # a 版头's rule with a star in it; an OA system's export of the document's fields above its text
    pytest.param(["中共宁都县委文件", "宁发〔2022〕8号", "————————————————★————————————————", "中共宁都县委关于加强新时代乡村人才",
                  "振兴工作的意见", "各乡（镇）党委：", P], HASH_NAME, "中共宁都县委关于加强新时代乡村人才振兴工作的意见", True, 0,
                 ("p", "中共宁都县委文件"), id="starred-rule-line"),
    pytest.param(["标题：关于做好2022年秋冬季秸秆禁烧和综合利用工作的通知", "发文单位：公主岭市人民政府办公室", "发文字号：公政办发〔2022〕15号",
                  "成文日期：2022-09-28", "发布日期：2022-09-29", "主题分类：环境保护", "密级：无", "紧急程度：特急", "公开方式：主动公开",
                  "附件：责任分工表.docx",
                  "--------------------------------------------------", "正文：", "各乡镇人民政府：", P], HASH_NAME,
                 "关于做好2022年秋冬季秸秆禁烧和综合利用工作的通知", False, 0, ("p", "标题：关于做好2022年秋冬季秸秆禁烧和综合利用工作的通知"),
                 id="oa-export-fields"),
    # a title named by its field (标题：…) over a line that is not that title: the line is the text's first
    pytest.param(["标题：县政府办公室2023年工作总结", "今年以来，我办坚持服务大局"], HASH_NAME, "县政府办公室2023年工作总结", False, 0,
                 ("p", "标题：县政府办公室2023年工作总结"), id="field-title-over-the-first-line"),
    pytest.param(["标题：县政府办公室2023年工作总结", "县政府办公室2023年工作总结", P], HASH_NAME, "县政府办公室2023年工作总结", True, 0,
                 ("p", "标题：县政府办公室2023年工作总结"), id="field-title-over-the-same-title"),
    # a repost without a title line names the document it copies in its credit (at its end or its top), not by an address
    pytest.param(["为深入贯彻中央部署，现面向全市广大干部群众征集问题线索。", "一、征集范围", P,
                  "文章来源于许昌市住建局,原文链接: 关于持续征集问题线索的公告"],
                 HASH_NAME, "关于持续征集问题线索的公告", False, 0, ("p", "为深入贯彻中央部署，现面向全市广大干部群众征集问题线索。"),
                 id="credited-title-of-a-repost"),
    pytest.param(["（原标题：罗田县召开防汛工作会议）", "5月15日上午，罗田县召开防汛工作会议。"], HASH_NAME, "罗田县召开防汛工作会议", False, 0,
                 ("p", "（原标题：罗田县召开防汛工作会议）"), id="original-title-line"),
    pytest.param(["5月15日上午，罗田县召开防汛工作会议。", "原文链接：http://www.luotian.gov.cn/art/2023/5/16/art_1.html"], HASH_NAME, "",
                 False, 0, ("p", "5月15日上午，罗田县召开防汛工作会议。"), id="credit-by-address-names-no-title"),
    # a website's column over a headline is no part of it; a kicker over a main line that opens with its subject is set apart
    pytest.param(["工作动态", "县农业农村局开展农资打假专项行动", "6月18日，县农业农村局开展农资打假专项行动。"], HASH_NAME,
                 "县农业农村局开展农资打假专项行动", True, 0, ("p", "工作动态"), id="column-over-headline"),
    pytest.param(["聚焦民生实事", "县住建局加快推进老旧小区改造", "入夏以来，县住建局加快推进老旧小区改造。"], HASH_NAME,
                 "聚焦民生实事 县住建局加快推进老旧小区改造", True, 0, ("p", "入夏以来，县住建局加快推进老旧小区改造。"),
                 id="kicker-over-a-main-line-with-its-subject"),
    pytest.param(["民生实事项目", "早建成早投用早惠民", "6月18日，副县长到项目现场督查。"], HASH_NAME,
                 "民生实事项目早建成早投用早惠民", True, 0, ("p", "6月18日，副县长到项目现场督查。"), id="one-headline-over-two-lines"),
    # a report's title with its number on one line is no masthead; an office and day line under a headline is no title line
    pytest.param(["全县森林防火工作情况通报　第3期", "各乡镇人民政府：", P], HASH_NAME, "全县森林防火工作情况通报　第3期", True, 0,
                 ("p", "各乡镇人民政府："), id="title-and-number-on-one-line"),
    pytest.param(["钟山区召开2024年防汛工作会议", "区应急管理局    2024年5月20日", P], HASH_NAME, "钟山区召开2024年防汛工作会议",
                 True, 0, ("p", "区应急管理局    2024年5月20日"), id="office-and-day-under-a-headline"),
    pytest.param(["全县安全生产工作会议", "第12次", P], HASH_NAME, "全县安全生产工作会议", True, 0, ("p", "第12次"),
                 id="a-number-line-under-no-minutes-stays"),
    # a line dating the text above its title (the day alone, the 版记's 印发 line, a web page's source line)
    pytest.param(["2023年12月20日", "永修县农业农村局2023年工作总结", P], HASH_NAME, "永修县农业农村局2023年工作总结", True, 0,
                 ("p", "2023年12月20日"), id="date-line-over-title"),
    pytest.param(["二〇二三年十二月二十日", "关于我县农村人居环境整治情况的调研报告", P], HASH_NAME, "关于我县农村人居环境整治情况的调研报告",
                 True, 0, ("p", "二〇二三年十二月二十日"), id="chinese-date-line-over-title"),
    pytest.param(["2023年12月20日 星期三", "县政府办公室", "关于2023年度重点工作推进情况的汇报", P], HASH_NAME,
                 "县政府办公室关于2023年度重点工作推进情况的汇报", True, 0, ("p", "2023年12月20日 星期三"),
                 id="day-and-weekday-over-issuer-and-title"),
    pytest.param(["县农业农村局办公室 2023年12月20日印发", "县农业农村局2023年工作总结", P], HASH_NAME, "县农业农村局2023年工作总结",
                 True, 0, ("p", "县农业农村局办公室 2023年12月20日印发"), id="printed-line-over-title"),
    pytest.param(["来源：永修县人民政府网 2023-12-20", "县农业农村局2023年工作总结", P], HASH_NAME, "县农业农村局2023年工作总结",
                 True, 0, ("p", "来源：永修县人民政府网 2023-12-20"), id="web-source-line-over-title"),
    pytest.param(["2023年12月20日", "今天上午，县委书记到我镇调研秸秆禁烧工作。"], HASH_NAME, "", False, 0,
                 ("p", "2023年12月20日"), id="date-line-over-text-no-title"),
    pytest.param(["Work Summary 2023", "宜昌市人民政府外事办公室2023年工作总结", P], HASH_NAME, "宜昌市人民政府外事办公室2023年工作总结",
                 True, 0, ("p", "Work Summary 2023"), id="latin-line-over-title"),
    # a rule, ornaments or a page number over the title (a text copied from a web page, a mail or a PDF) says nothing
    pytest.param(["————————————", "县政府办公室2023年工作总结", P], HASH_NAME, "县政府办公室2023年工作总结", True, 0,
                 ("p", "————————————"), id="rule-over-title"),
    pytest.param(["******", "", "====", "关于加强作风建设的报告", P], HASH_NAME, "关于加强作风建设的报告", True, 0,
                 ("p", "******"), id="ornament-lines-over-title"),
    pytest.param(["- 1 -", "县政府办公室2023年工作总结", P], HASH_NAME, "县政府办公室2023年工作总结", True, 0,
                 ("p", "- 1 -"), id="page-number-over-title"),
    pytest.param(["中共宁都县委文件", "宁发〔2022〕8号", "", "※※※※※※", "中共宁都县委关于加强基层治理的意见", P], HASH_NAME,
                 "中共宁都县委关于加强基层治理的意见", True, 0, ("p", "中共宁都县委文件"), id="ornaments-under-the-header"),
    pytest.param(["---", P], HASH_NAME, "", False, 0, ("p", "---"), id="a-rule-over-text-is-no-title"),
    pytest.param(["第 1 页 共 5 页", "关于全县信息报送工作情况的通报", P], HASH_NAME, "关于全县信息报送工作情况的通报", True, 0,
                 ("p", "第 1 页 共 5 页"), id="page-header-over-a-title-it-does-not-join"),
    # a cover's label for the kind of paper (汇 报 材 料) over the report's own title
    pytest.param(["汇 报 材 料", "关于2023年度防汛工作的情况汇报", P], HASH_NAME, "关于2023年度防汛工作的情况汇报", True, 0,
                 ("p", "汇 报 材 料"), id="spaced-cover-label-over-title"),
    pytest.param(["交流材料", "红安县人民政府办公室", "2023年工作总结", P], HASH_NAME, "红安县人民政府办公室2023年工作总结", True, 0,
                 ("p", "交流材料"), id="cover-label-over-issuer-and-title"),
    pytest.param(["述 职 报 告", "县审计局局长 张某某", P], HASH_NAME, "述 职 报 告", True, 0,
                 ("p", "县审计局局长 张某某"), id="spaced-kind-over-a-speaker-line-is-the-title"),
    pytest.param(["汇报材料", P], HASH_NAME, "汇报材料", True, 0, ("p", P), id="cover-label-alone-is-the-title"),
    # …and the title when no report's own title follows it (a salutation, the presenter and month)
    pytest.param(["讲话稿", "同志们", P], HASH_NAME, "讲话稿", True, 0, ("p", "同志们"), id="cover-label-over-a-salutation"),
    pytest.param(["汇报材料", "醴陵市教育局", "2023年10月", "尊敬的各位领导：", P], HASH_NAME, "汇报材料", True, 0,
                 ("p", "醴陵市教育局"), id="cover-label-over-presenter-and-month"),
    pytest.param(["交流材料", "深化“一网通办” 提升政务服务效能", "——如皋市政务服务改革经验交流材料", P], HASH_NAME,
                 "深化“一网通办” 提升政务服务效能", True, 0, ("p", "交流材料"), id="cover-label-over-a-title-with-its-subtitle"),
    # a cover page: its label, who presents the paper and the month, then the report's own title
    pytest.param(["汇　报　材　料", "光山县水利局", "二〇二三年十二月", "2023年工作总结", P], HASH_NAME, "2023年工作总结", True, 0,
                 ("p", "汇　报　材　料"), id="cover-page-over-title"),
    pytest.param(["汇 报 材 料", "五台县人民政府办公室", "2023年12月", "五台县人民政府办公室", "关于2023年度目标责任考核",
                  "工作完成情况的汇报", "尊敬的考核组各位领导：", P], HASH_NAME,
                 "五台县人民政府办公室关于2023年度目标责任考核工作完成情况的汇报", True, 0, ("p", "汇 报 材 料"), id="cover-page-over-title-lines"),
    pytest.param(["光山县水利局", "二〇二三年十二月", "2023年工作总结", P], HASH_NAME, "2023年工作总结", True, 0,
                 ("p", "光山县水利局"), id="cover-without-label"),
    # …presented by a party committee's department or office (组织部, 政研室)
    pytest.param(["汇报材料", "中共舒城县委组织部", "二〇二三年十一月", "抓党建促基层治理能力提升工作情况汇报", P], HASH_NAME,
                 "抓党建促基层治理能力提升工作情况汇报", True, 0, ("p", "汇报材料"), id="cover-page-of-a-party-department"),
    pytest.param(["县委政研室", "二〇二三年十一月", "关于全县民营经济发展情况的调研报告", P], HASH_NAME,
                 "关于全县民营经济发展情况的调研报告", True, 0, ("p", "县委政研室"), id="cover-of-a-party-office"),
    pytest.param(["县委组织部", "二〇二三年十一月", P], HASH_NAME, "县委组织部", True, 0,
                 ("p", "二〇二三年十一月"), id="department-and-month-without-a-title-after"),
    pytest.param(["光山县水利局", "二〇二三年十二月", P], HASH_NAME, "光山县水利局", True, 0,
                 ("p", "二〇二三年十二月"), id="issuer-and-month-without-a-title-after"),
    pytest.param(["信息工作通报", "第5期", "本期要目", "一、5月份信息报送情况"], HASH_NAME, "", False, 0, ("p", "信息工作通报"),
                 id="a-bulletins-contents-label-is-no-title"),
    pytest.param(["信息工作总结", "（2023年1—6月）", P], HASH_NAME, "信息工作总结（2023年1—6月）", True, 0, ("p", P),
                 id="months-period-line-in-title"),
    pytest.param(["政府工作报告", "（2023年1月10日在市人民代表大会上）", P], HASH_NAME, "政府工作报告", True, 0,
                 ("p", "（2023年1月10日在市人民代表大会上）"), id="date-line-not-in-title"),
    pytest.param(["x府办发〔2023〕12号", P], HASH_NAME, "", False, 0, ("p", "x府办发〔2023〕12号"), id="doc-number-not-title"),
    pytest.param(["罗田县财政局文件", "罗财发〔2023〕第12号", "关于加强预算管理的通知", P], HASH_NAME, "关于加强预算管理的通知", True, 0,
                 ("p", "罗田县财政局文件"), id="doc-number-with-di-in-the-header"),
    # lines set out letter by letter: an issuer's mark, a kind under its issuer
    pytest.param(["罗 田 县 财 政 局 文 件", "罗财发〔2023〕12号", "关于加强预算管理的通知", P], HASH_NAME, "关于加强预算管理的通知", True, 0,
                 ("p", "罗 田 县 财 政 局 文 件"), id="letter-spaced-issuers-mark"),
    pytest.param(["罗田县水利局", "工 作 总 结", P], HASH_NAME, "罗田县水利局工作总结", True, 0, ("p", P), id="letter-spaced-kind-under-its-issuer"),
    pytest.param(["——在全市工作会议上的讲话", P], HASH_NAME, "", False, 0, ("p", "——在全市工作会议上的讲话"), id="dash-line-not-title"),
    pytest.param(["Summary 2023", P], HASH_NAME, "", False, 0, ("p", "Summary 2023"), id="no-han-not-title"),
    pytest.param(["报", P], HASH_NAME, "", False, 0, ("p", "报"), id="one-char-not-title"),
    pytest.param(["关于" + "加强基层治理" * 10 + "，推进各项工作的报告", P], HASH_NAME, "", False, 0,
                 ("p", "关于" + "加强基层治理" * 10 + "，推进各项工作的报告"), id="long-line-with-comma-not-title"),
    # title from the file name when the text has none
    pytest.param(["各位代表：", P], TITLE_NAME, "关于南昌市农民工参保情况的调研报告", False, 0,
                 ("p", "各位代表："), id="title-from-file-name"),
    pytest.param(["各位代表：", P], "关于加强基层治理的意见(FBM-CLI.11.1598088).txt", "关于加强基层治理的意见", False, 0,
                 ("p", "各位代表："), id="title-from-file-name-fbm-suffix"),
    pytest.param(["2023年政府工作报告", P], TITLE_NAME, "2023年政府工作报告", True, 0, ("p", P),
                 id="text-title-wins-over-file-name"),
    pytest.param([], TITLE_NAME, "关于南昌市农民工参保情况的调研报告", False, 0, None, id="empty-with-title-name"),
    pytest.param([], HASH_NAME, "", False, 0, None, id="empty-with-hash-name"),
]


@pytest.mark.parametrize(("lines", "name", "title", "in_text", "repeated", "first"), TITLES)
def test_title(lines: list[str], name: str, title: str, in_text: bool, repeated: int, first: tuple | None) -> None:
    report = parse(tuple(lines), name)
    assert report.title == title
    assert report.title_in_text is in_text
    assert report.title_inferred is False
    assert report.removed.get("repeated_title", 0) == repeated
    assert (_shape(report)[0] if report.blocks else None) == first
    assert_fidelity(tuple(lines), report)


FILE_NAMES = [
    pytest.param("关于南昌市农民工参保情况的调研报告.txt", "关于南昌市农民工参保情况的调研报告", id="chinese-title"),
    pytest.param("reports/2023/关于南昌市农民工参保情况的调研报告.txt", "关于南昌市农民工参保情况的调研报告", id="with-folders"),
    pytest.param("000_90a8bdb48d7b146b.txt", "", id="hash-name"),
    pytest.param("004_44c2ec44da6bf8ab.txt", "", id="hash-name-2"),
    pytest.param("12345.txt", "", id="number"),
    pytest.param("report_2023.txt", "", id="ascii-name"),
    pytest.param("工作总结.txt", "工作总结", id="four-han-is-enough"),
    pytest.param("总结.txt", "", id="two-han-too-short"),
    pytest.param("关于加强基层治理的意见(FBM-CLI.11.1598088).txt", "关于加强基层治理的意见", id="fbm-suffix-ascii-parens"),
    pytest.param("关于加强基层治理的意见（FBM-CLI.12.345）.txt", "关于加强基层治理的意见", id="fbm-suffix-fullwidth-parens"),
    pytest.param("关于加强基层治理的意见 (FBM-CLI.12.345).txt", "关于加强基层治理的意见", id="fbm-suffix-with-space"),
    pytest.param("001_市政府工作报告.txt", "市政府工作报告", id="order-prefix-underscore"),
    pytest.param("2026-市政府工作报告.txt", "市政府工作报告", id="order-prefix-dash"),
    pytest.param("2023年政府工作报告.txt", "2023年政府工作报告", id="year-is-part-of-title"),
    pytest.param("市政府_工作_报告.txt", "市政府工作报告", id="underscores-between-chinese-words-go"),
    pytest.param("abc_def_政府工作.txt", "", id="mostly-ascii"),
    # the day the file was saved in front of its name; an attachment's label
    pytest.param("20231220红安县政府办公室工作总结.txt", "红安县政府办公室工作总结", id="date-stamp-prefix"),
    pytest.param("2023.12.20 红安县政府办公室工作总结.txt", "红安县政府办公室工作总结", id="dotted-date-stamp-prefix"),
    pytest.param("2023-12-20_红安县政府办公室工作总结.txt", "红安县政府办公室工作总结", id="dashed-date-stamp-prefix"),
    pytest.param("附件1：红安县政府办公室2023年工作总结.txt", "红安县政府办公室2023年工作总结", id="attachment-label"),
    pytest.param("附件二、红安县政府办公室2023年工作总结.txt", "红安县政府办公室2023年工作总结", id="attachment-label-in-words"),
    pytest.param("附件一览表说明文件.txt", "附件一览表说明文件", id="attachment-word-stays"),
]


@pytest.mark.parametrize(
    ("lines", "masthead", "issue"),
    [
        (["政 务 信 息", "第12期", "县人民政府办公室编    2023年6月15日", "我县召开全县政务信息工作会议", P], "政务信息", "第12期"),
        (["督查通报", "2023年第12期（总第45期）", "县政府督查室　　2023年5月6日", "关于上半年重点工作落实情况的通报", P],
         "督查通报", "2023年第12期（总第45期）"),
        (["《工作简报》", "（第 3 期）", "七里坪镇扎实开展作风建设年活动", P], "工作简报", "第3期"),
        (["信息专报", "各乡镇：", P], "", ""),  # no issue line, no masthead
        (["县政府办公室文件", "县政办发〔2024〕3号", "关于做好信息工作的通知", P], "", ""),
        (["信 息 专 报", "〔2024〕第8期", "中共泸溪县委办公室    2024年5月17日", "泸溪县“四个聚焦”推动椪柑产业提质增效", P],
         "信息专报", "2024年第8期"),
        (["信息工作通报", "第5期", "本期要目", "一、5月份信息报送情况"], "信息工作通报", "第5期"),  # an issue of several items
    ],
)
def test_a_bulletins_name_and_issue(lines: list[str], masthead: str, issue: str) -> None:
    report = parse(tuple(lines), HASH_NAME)
    assert (report.masthead, report.issue) == (masthead, issue)


def test_an_issue_of_several_items_is_titled_by_its_bulletin_each_headline_a_heading() -> None:
    head = ["防汛工作简报", "第5期", "罗田县防汛抗旱指挥部办公室　　　　2023年7月3日"]
    items = ["县领导深入一线督导防汛工作", "7月2日，县委书记带队深入河铺镇督导防汛工作。",
             "各乡镇全力做好强降雨防范应对", "7月1日以来，我县出现强降雨天气，各乡镇及时启动应急响应。"]
    report = parse(tuple(head + items), HASH_NAME)
    assert (report.title, report.title_source) == ("防汛工作简报", "fields")
    assert [b.text for b in report.blocks if b.kind == "heading"] == [items[0], items[2]]
    assert report.text().split("\n") == head + items  # (every line still there, in order)
    one = parse(tuple(head + items[:2] + ["他强调，要压实防汛责任。"]), HASH_NAME)  # one item: its headline is the title
    assert (one.title, one.title_source) == (items[0], "text")
    # an issue with no headline of its own is titled by its bulletin (enrich names it so), not by its file (政务信息第5期.txt)
    untitled = ("政 务 信 息", "第5期", "县政府办公室编　2024年3月1日", "2月28日，县政府召开第12次常务会议，研究部署春耕生产。")
    assert parse(untitled, "政务信息第5期.txt").title == ""
    assert convert_report("\n".join(untitled).encode(), "政务信息第5期.txt", {}).meta["display_title"] == "《政务信息》2024年第5期"


def test_an_issues_items_whose_headlines_run_in_have_them_as_headings() -> None:
    # each item's first sentence, a dateline or purpose after it, is its headline (a 简报 pasted from Word, one paragraph an item)
    head = ["政务动态", "第8期", "县人民政府办公室编　　2024年5月6日"]
    items = ["县政府办召开全县政务信息工作会议。4月28日，县政府办召开全县政务信息工作会议，通报一季度信息采用情况。",
             "县委督查室督查重点项目建设。近日，县委督查室对全县重点项目开工情况开展专项督查，现场交办问题6个。",
             "县委办开展“作风建设月”活动。为进一步锤炼过硬作风，县委办在全办开展作风纪律大讨论。"]
    report = parse(tuple(head + items), HASH_NAME)
    assert (report.title, report.masthead) == ("政务动态", "政务动态")
    assert [b.text for b in report.blocks if b.kind == "heading"] == [
        "县政府办召开全县政务信息工作会议。", "县委督查室督查重点项目建设。", "县委办开展“作风建设月”活动。"]
    assert "".join(report.text().split()) == "".join("".join(head + items).split())  # (every character, in order)
    # once two items open so, another item's headline is one whatever its text opens with
    other = "县政府办举办网络安全知识讲座。县政府办邀请省网络安全专家举办讲座，县政府机关100余名干部职工参加。"
    assert "县政府办举办网络安全知识讲座。" in [b.text for b in parse(tuple(head + items + [other]), HASH_NAME).blocks]
    # one such paragraph is no issue of items; a paragraph whose first sentence is a clause of a longer one is none
    assert not [b for b in parse(tuple(head + items[:1] + ["会议要求，各单位要提高信息质量。"]), HASH_NAME).blocks if b.kind == "heading"]
    plain = ["今年以来，我县认真落实信息报送制度。4月28日，县政府办召开会议。", "全县信息工作取得新成效，各单位积极报送。3月起实行月通报。"]
    assert not [b for b in parse(tuple(head + plain), HASH_NAME).blocks if b.kind == "heading"]


def test_numbered_items_run_on_in_one_paragraph_are_items_each() -> None:
    # a plan's items pasted as one paragraph (a PDF's text): each is a heading, as 1. is, not text under it
    items = "1. 提高信息质量。每季度开展一次信息讲评。2. 深化政务公开。推进标准化建设。3. 加强网站管理。"
    report = parse(("一、工作打算", items), HASH_NAME)
    assert [(b.text, b.level) for b in report.blocks if b.kind == "heading"][1:] == [
        ("1. 提高信息质量。", 3), ("2. 深化政务公开。", 3), ("3. 加强网站管理。", 3)]
    assert "".join(report.text().split()) == "".join(("一、工作打算" + items).split())  # (every character, in order)
    # an item that opens with its day (1.8月8日凌晨，…: a 值班周报's) is item 1, not the figure 1.8
    dated = parse(("三、值班抽查情况", "1.8月8日凌晨，值班人员未按时接听电话。2.8月9日，某镇迟报一起交通事故信息。"), HASH_NAME)
    assert [b.text for b in dated.blocks][1:] == ["1.8月8日凌晨，值班人员未按时接听电话。", "2.8月9日，某镇迟报一起交通事故信息。"]
    # a figure after a sentence (…增长。2.5亿元…) or a number out of turn is no item
    for line in ("1. 全年财政收入增长8%。2.5亿元用于民生。", "（1）加强领导。（3）明确责任。"):
        blocks = parse(("一、工作打算", line), HASH_NAME).blocks
        assert not [b for b in blocks if b.kind == "heading" and b.text.startswith(("2.5", "（3）"))], line


@pytest.mark.parametrize(("name", "expected"), FILE_NAMES)
def test_title_from_filename(name: str, expected: str) -> None:
    assert title_from_filename(name) == expected


# --------------------------------------------------------------------------------------------
# Headings: (lines, expected block shapes). A paragraph comes first so no line is the title.
# --------------------------------------------------------------------------------------------
CASE_ONE = ("1.某市有关部门摊派报刊订阅任务，加重基层负担。近年来，该市有关部门在年度党报党刊征订工作中搭车摊派其他报刊，"
            "并将订阅任务层层分解，有的乡镇将订阅任务摊派给村。")
CASE_TWO = ("2.某县有关部门对统计数据只考不核，有的乡镇为争先进位虚报数据。在上级考核压力下，该县对指标完成情况频繁排名通报，"
            "有的乡镇为完成任务虚报数据，在巡视、审计等多次指出问题后仍未整改到位，造成不良影响。")
LAST_ITEM = "3.还有部分职工流动性强，不愿意让企业缴纳社会保险，想把保险费发到工资里从而增加收入。"
SHORT_TEXT_ONE = "1.各单位要高度重视这项工作，切实加强组织领导，明确分管负责同志。成立工作专班，制定工作方案。"
SHORT_TEXT_TWO = "2.各乡镇要结合本地实际，认真抓好贯彻落实，确保各项措施落地见效。按时报送进展情况。"
# a lead past the run-in length, its text after it
LONGER_LEAD = ("（四）提高政府效能，着力简政放权，进一步精简审批事项，着力做好上级下放、委托审批事项的承接落实工作；"
               "着力深化商事登记制度改革，全面推进全程电子化登记改革。")
ONE_LONG_SENTENCE = "（五）坚持四下基层，领导干部带头深入企业和群众调查研究，及时协调解决基层困难和问题。"
WRAPPED_LINE = "（三）建立健全信息报送考核评价机制，将信息报送工作纳入年度目标考核，对报送不力的单"  # (then 位进行通报批评。)
WRAPPED_SPEECH = ["第一，要提高政治站位，充分认识加强作风建", "设的重要性。作风建设永远在路上，各级各部", "门要切实增强责任感。",
                  "第二，要突出工作重点，着力解决群众反映强", "烈的突出问题。要聚焦形式主义、官僚主义，", "持续为基层减负。"]
LONG_NAME = "（三）增强对快递行业从业人员职业技能和职业素养的培训，帮助他们树立良好的职业目标和职业规划"
LONG_LEAD_ITEM = "2.县政府召开常务会议研究部署下半年的各项重点工作任务和具体措施以及相关事项的要求。会议指出要抓落实。"
HEADINGS = [
    pytest.param(["一、工作回顾", "（一）经济发展", P],
                 [("h", 2, "一、工作回顾"), ("h", 3, "（一）经济发展"), ("p", P)], id="yi-h2-paren-yi-h3"),
    pytest.param(["（一）强化督办协调", P, "（二）做好信息报送", P],
                 [("h", 2, "（一）强化督办协调"), ("p", P), ("h", 2, "（二）做好信息报送"), ("p", P)],
                 id="only-paren-yi-becomes-h2"),
    pytest.param(["一、主要做法：", P, "二、下步打算：", P], [("h", 2, "一、主要做法："), ("p", P), ("h", 2, "二、下步打算："), ("p", P)],
                 id="part-names-ending-in-a-colon"),
    pytest.param(["（二）以“钉钉子”精神抓好督查督办，", "推动重点工作落地见效", P],
                 [("h", 2, "（二）以“钉钉子”精神抓好督查督办，推动重点工作落地见效"), ("p", P)], id="heading-wrapped-at-a-comma"),
    pytest.param(["（", "三）改革开放持续深化、互促共进。", P], [("h", 2, "（三）改革开放持续深化、互促共进。"), ("p", P)],
                 id="heading-wrapped-inside-its-number"),
    pytest.param(["（二）加强督查督办，", "确保落实。", P], [("p", "（二）加强督查督办，"), ("p", "确保落实。"), ("p", P)],
                 id="numbered-line-then-a-sentence-not-joined"),
    # in a text broken inside its sentences an ordinal's line is whole on its line, unless the next goes on with its clause
    pytest.param([P, "在听了报告以后", "，我们进行了讨论。", "第一，要坚持以人民为中心", "，切实解决群众急难愁盼问题。", "第二，要坚持问题导向",
                  "，着力补齐工作短板。"],
                 [("p", P), ("p", "在听了报告以后，我们进行了讨论。"), ("p", "第一，要坚持以人民为中心，切实解决群众急难愁盼问题。"),
                  ("p", "第二，要坚持问题导向，着力补齐工作短板。")], id="an-ordinals-line-going-on-in-a-broken-text"),
    pytest.param(["第一部分 2023年工作回顾", "一、围绕中心", P, "第二部分 2024年工作打算", "一、加强作风建设", P],
                 [("h", 2, "第一部分 2023年工作回顾"), ("h", 3, "一、围绕中心"), ("p", P), ("h", 2, "第二部分 2024年工作打算"),
                  ("h", 3, "一、加强作风建设"), ("p", P)], id="parts-above-yi"),
    pytest.param(["第一章 总则", "一、目的", "（一）范围", P],
                 [("h", 2, "第一章 总则"), ("h", 3, "一、目的"), ("h", 4, "（一）范围"), ("p", P)], id="chapter-above-yi"),
    pytest.param(["第一章 总则", "第一节 一般规定", "一、目的", P],
                 [("h", 2, "第一章 总则"), ("h", 3, "第一节 一般规定"), ("h", 4, "一、目的"), ("p", P)],
                 id="chapter-section-yi"),
    pytest.param(["一、总体情况", "1.基本情况", "（1）人员", "①在编人员", P],
                 [("h", 2, "一、总体情况"), ("h", 3, "1.基本情况"), ("h", 4, "（1）人员"), ("h", 5, "①在编人员"), ("p", P)],
                 id="four-levels"),
    # parts numbered in the formal numerals of accounts or in Roman ones, over the 一、 they hold
    pytest.param(["壹、主要工作", "一、强化督查", P, "贰、存在问题", P],
                 [("h", 2, "壹、主要工作"), ("h", 3, "一、强化督查"), ("p", P), ("h", 2, "贰、存在问题"), ("p", P)],
                 id="formal-numerals-over-yi"),
    pytest.param(["Ⅰ、主要工作", P, "Ⅱ、存在问题", P], [("h", 2, "Ⅰ、主要工作"), ("p", P), ("h", 2, "Ⅱ、存在问题"), ("p", P)],
                 id="roman-numerals"),
    pytest.param(["一\u3000主要工作", P, "二\u3000存在问题", P], [("h", 2, "一\u3000主要工作"), ("p", P), ("h", 2, "二\u3000存在问题"), ("p", P)],
                 id="wide-space-for-the-mark"),
    # a plan's decimal numbering: 1 over 1.1 over 1.1.1; a number and a name with nothing under it are a table's row
    pytest.param(["1 总体要求", "1.1 指导思想", P, "2 建设内容", "2.1 城市大脑", "2.1.1 数据中台", P, "3 保障措施", P],
                 [("h", 2, "1 总体要求"), ("h", 3, "1.1 指导思想"), ("p", P), ("h", 2, "2 建设内容"), ("h", 3, "2.1 城市大脑"),
                  ("h", 4, "2.1.1 数据中台"), ("p", P), ("h", 2, "3 保障措施"), ("p", P)], id="decimal-numbering"),
    pytest.param(["序号 姓名 单位", "1 张三", "2 李四", P, "10.16  第 八 期 完成情况.docx"],
                 [("p", "序号 姓名 单位"), ("p", "1 张三"), ("p", "2 李四"), ("p", P), ("p", "10.16  第 八 期 完成情况.docx")],
                 id="numbers-that-head-no-part"),
    pytest.param(["第一章 总则", "第一节 规定", "一、目的", "（一）范围", "1.对象", "（1）人员", "①在编", P],
                 [("h", 2, "第一章 总则"), ("h", 3, "第一节 规定"), ("h", 4, "一、目的"), ("h", 5, "（一）范围"),
                  ("h", 6, "1.对象"), ("h", 6, "（1）人员"), ("h", 6, "①在编"), ("p", P)],
                 id="seven-styles-capped-at-h6"),
    pytest.param(["（一）范围", "一、目的", P],
                 [("h", 3, "（一）范围"), ("h", 2, "一、目的"), ("p", P)], id="level-by-style-not-by-order"),
    # a heading is never more than a level under the one it is inside (1. right under 二、 where 一、 has （一）)
    pytest.param(["一、主要任务", "（一）扩大开放", P, "二、保障措施", "1.加强组织领导", P],
                 [("h", 2, "一、主要任务"), ("h", 3, "（一）扩大开放"), ("p", P), ("h", 2, "二、保障措施"), ("h", 3, "1.加强组织领导"),
                  ("p", P)], id="no-level-skipped-under-a-heading"),
    pytest.param(["二.加强学习", "三．转变作风", P],
                 [("h", 2, "二.加强学习"), ("h", 2, "三．转变作风"), ("p", P)], id="yi-with-dots"),
    # ﹒ (a small full stop) after the number, as some typesetting has it (安徽's 1﹒推进工业互联网外网建设。)
    pytest.param(["一﹒总体要求", P, "1﹒推进外网建设。加快光纤入企。", "2﹒推进内网改造。提升网络。"],
                 [("h", 2, "一﹒总体要求"), ("p", P), ("h", 3, "1﹒推进外网建设。"), ("p", "加快光纤入企。"),
                  ("h", 3, "2﹒推进内网改造。"), ("p", "提升网络。")], id="numbers-with-a-small-full-stop"),
    pytest.param(["(一)强化督办协调", P], [("h", 2, "(一)强化督办协调"), ("p", P)], id="ascii-parens"),
    pytest.param(["十一、其他事项", P], [("h", 2, "十一、其他事项"), ("p", P)], id="shi-yi"),
    pytest.param(["12、完善制度", P], [("h", 2, "12、完善制度"), ("p", P)], id="arabic-dunhao"),
    # a short lead names what follows (the outline labelled set: 1.参保情况。, （2）特殊工种。)
    pytest.param(["1.参保情况。从调查看，参保率逐年提高。", "（1）不同险种。养老保险参保率最高。"],
                 [("h", 2, "1.参保情况。"), ("p", "从调查看，参保率逐年提高。"), ("h", 3, "（1）不同险种。"),
                  ("p", "养老保险参保率最高。")], id="arabic-run-in-leads"),
    pytest.param(["1.职工的岗位构成。", "从调查看，一线职工占六成。", "2.职工的年龄构成。", "四十岁以下占一半。"],
                 [("h", 2, "1.职工的岗位构成。"), ("p", "从调查看，一线职工占六成。"), ("h", 2, "2.职工的年龄构成。"),
                  ("p", "四十岁以下占一半。")], id="arabic-sentence-over-its-text"),
    # (申请, 报请, 须知: a name's 请 or 须, not a request to the reader or a rule)
    pytest.param(["1.申请条件。年满18周岁的本县户籍居民。", "2.报请审批。报县政府审批。", "3.办事须知。材料一律现场提交。"],
                 [("h", 2, "1.申请条件。"), ("p", "年满18周岁的本县户籍居民。"), ("h", 2, "2.报请审批。"), ("p", "报县政府审批。"),
                  ("h", 2, "3.办事须知。"), ("p", "材料一律现场提交。")],
                 id="arabic-run-in-leads-naming-a-request"),
    pytest.param(["1.参保情况。", "（1）不同险种的参保情况。养老保险参保率最高。", "（2）医保转移接续。办理的占一成。"],
                 [("h", 2, "1.参保情况。"), ("h", 3, "（1）不同险种的参保情况。"), ("p", "养老保险参保率最高。"),
                  ("h", 3, "（2）医保转移接续。"), ("p", "办理的占一成。")], id="arabic-sentence-over-its-items"),
    # the items of one list are read alike: a sibling with a longer lead is a heading too; one that is no lead's
    # sentence makes the list a list again (no item holds its siblings as its text)
    pytest.param(["1.调研组到我县调研。调研组察看了项目。", "2.县政府召开常务会议，研究部署下半年重点工作。会议指出要抓落实。"],
                 [("h", 2, "1.调研组到我县调研。"), ("p", "调研组察看了项目。"), ("h", 2, "2.县政府召开常务会议，研究部署下半年重点工作。"),
                  ("p", "会议指出要抓落实。")], id="a-list-sibling-with-a-longer-lead-is-a-heading-too"),
    pytest.param(["1.调研组到我县调研。调研组察看了项目。", LONG_LEAD_ITEM],
                 [("p", "1.调研组到我县调研。调研组察看了项目。"), ("p", LONG_LEAD_ITEM)],
                 id="a-list-with-an-item-that-leads-with-no-name-stays-a-list"),
    # a list whose every item leads a text more than twice as long with a sentence: the cases of a 通报, each headed by its lead
    pytest.param([CASE_ONE, CASE_TWO],
                 [("h", 2, CASE_ONE[:24]), ("p", CASE_ONE[24:]), ("h", 2, CASE_TWO[:32]), ("p", CASE_TWO[32:])],
                 id="a-list-of-cases-each-leading-its-long-text"),
    # (…most of them: an item that leads none stays a paragraph)
    pytest.param([CASE_ONE, CASE_TWO, LAST_ITEM],
                 [("h", 2, CASE_ONE[:24]), ("p", CASE_ONE[24:]), ("h", 2, CASE_TWO[:32]), ("p", CASE_TWO[32:]), ("p", LAST_ITEM)],
                 id="a-list-most-of-whose-items-lead-their-long-text"),
    # (…and an item as short as a name, a whole sentence, is a heading too, as its siblings are: a 督查通报's problems)
    pytest.param([CASE_ONE, CASE_TWO, "3.部分项目安全生产管理存在漏洞。", "三、下步要求"],
                 [("h", 3, CASE_ONE[:24]), ("p", CASE_ONE[24:]), ("h", 3, CASE_TWO[:32]), ("p", CASE_TWO[32:]),
                  ("h", 3, "3.部分项目安全生产管理存在漏洞。"), ("h", 2, "三、下步要求")], id="a-short-sentence-among-leading-items"),
    # (…not one that counts, a fact and no topic's name: 3.全年共发放宣传资料5000余份。)
    pytest.param([CASE_ONE, CASE_TWO, "3.全年共发放宣传资料5000余份。", "三、下步要求"],
                 [("h", 3, CASE_ONE[:24]), ("p", CASE_ONE[24:]), ("h", 3, CASE_TWO[:32]), ("p", CASE_TWO[32:]),
                  ("p", "3.全年共发放宣传资料5000余份。"), ("h", 2, "三、下步要求")], id="a-short-count-among-leading-items"),
    pytest.param([SHORT_TEXT_ONE, SHORT_TEXT_TWO], [("p", SHORT_TEXT_ONE), ("p", SHORT_TEXT_TWO)],
                 id="a-list-of-items-with-short-texts-stays-a-list"),
    # …and when most items of a list are run-in headings, a longer lead is one too, as for （一）
    pytest.param(["1.强化政策宣传。充分利用各类媒体宣传政策。", "2.明确工作职责。完善部门联动机制。",
                  "3.建立多项监督制约措施，把按时足额缴纳养老保险费列入各级政府或上级主管单位的考核内容。欠费单位不得参加评先。"],
                 [("h", 2, "1.强化政策宣传。"), ("p", "充分利用各类媒体宣传政策。"), ("h", 2, "2.明确工作职责。"), ("p", "完善部门联动机制。"),
                  ("h", 2, "3.建立多项监督制约措施，把按时足额缴纳养老保险费列入各级政府或上级主管单位的考核内容。"),
                  ("p", "欠费单位不得参加评先。")],
                 id="a-longer-lead-among-most-run-in-list-items"),
    pytest.param(["1.加强组织领导。成立工作专班。", "2.请于5月1日前报送材料。逾期不予受理。"],
                 [("p", "1.加强组织领导。成立工作专班。"), ("p", "2.请于5月1日前报送材料。逾期不予受理。")],
                 id="a-list-with-an-item-that-asks-stays-a-list"),
    pytest.param(["有关要求如下：", "1.请于5月1日前报送。", "2.材料须加盖公章。", "联系人：张三"],
                 [("p", "有关要求如下："), ("p", "1.请于5月1日前报送。"), ("p", "2.材料须加盖公章。"), ("p", "联系人：张三")],
                 id="arabic-list-of-sentences-stays-a-list"),
    pytest.param(["第一章　总则　　第一条 　为规范管理，制定本办法。", "第二条 　本办法适用于全州。"],
                 [("h", 2, "第一章　总则"), ("a", "第一条", "第一条 　为规范管理，制定本办法。"), ("a", "第二条", "第二条 　本办法适用于全州。")],
                 id="a-chapter-and-its-first-article-on-one-line"),
    pytest.param(["第七章安全保障第三十八条数据提供部门负责安全管理。", "第三十九条数据使用部门负责使用安全。"],
                 [("h", 2, "第七章安全保障"), ("a", "第三十八条", "第三十八条数据提供部门负责安全管理。"),
                  ("a", "第三十九条", "第三十九条数据使用部门负责使用安全。")], id="a-chapter-and-its-article-without-spaces"),
    pytest.param(["第3章 附则", P], [("h", 2, "第3章 附则"), ("p", P)], id="chapter-arabic"),
    pytest.param(["一、坚定信心！", P], [("h", 2, "一、坚定信心！"), ("p", P)], id="heading-ending-exclamation"),
    # a numbered sentence alone on its line is a heading when a sibling under the same heading is one
    pytest.param(["一、主要任务", "（一）深化垃圾分类。2024年底前实现全覆盖。", "（二）整治违法建筑。", "（三）提升道路沿线环境。",
                  "二、保障措施", "（一）加强组织领导。", "（二）强化考核督查。"],
                 [("h", 2, "一、主要任务"), ("h", 3, "（一）深化垃圾分类。"), ("p", "2024年底前实现全覆盖。"),
                  ("h", 3, "（二）整治违法建筑。"), ("h", 3, "（三）提升道路沿线环境。"), ("h", 2, "二、保障措施"),
                  ("p", "（一）加强组织领导。"), ("p", "（二）强化考核督查。")], id="sentence-siblings-of-a-heading"),
    # a name longer than a heading line's (≤ 60 characters, no sentence) over its text is a heading among named siblings
    pytest.param(["（一）加大宣传力度", P, "（二）提高从业人员的工资待遇", P, LONG_NAME, P + P],
                 [("h", 2, "（一）加大宣传力度"), ("p", P), ("h", 2, "（二）提高从业人员的工资待遇"), ("p", P), ("h", 2, LONG_NAME), ("p", P + P)],
                 id="a-long-name-among-named-siblings"),
    pytest.param([LONG_NAME, P + P], [("p", LONG_NAME), ("p", P + P)], id="a-long-name-alone-stays-a-paragraph"),
    # (…not a line of a text wrapped at a fixed width, whose next line goes on with it: no longer than it)
    pytest.param(["（一）加大宣传力度", P, "（二）提高从业人员的工资待遇", P, WRAPPED_LINE, "位进行通报批评。", "（四）加强队伍建设", P],
                 [("h", 2, "（一）加大宣传力度"), ("p", P), ("h", 2, "（二）提高从业人员的工资待遇"), ("p", P),
                  ("p", WRAPPED_LINE), ("p", "位进行通报批评。"),
                  ("h", 2, "（四）加强队伍建设"), ("p", P)], id="a-long-wrapped-line-among-named-siblings-stays-a-paragraph"),
    # …nor are the ordinals' lines of a speech wrapped at a fixed width (第一，要提高政治站位，充分认识加强作风建 / 设的重要性。…)
    pytest.param([P, *WRAPPED_SPEECH], [("p", P)] + [("p", line) for line in WRAPPED_SPEECH],
                 id="ordinals-lines-of-a-text-wrapped-at-a-fixed-width-are-no-heads"),
    # most items lead their text with a short sentence: a longer lead (≤ 60 characters) is a heading too
    pytest.param(["（一）稳定经济增长。全年增长5%。", "（二）推动标志性改革举措加快落地，更好发挥经济体制改革牵引作用。扎实推进改革。",
                  "（三）扩大高水平开放。稳外贸。"],
                 [("h", 2, "（一）稳定经济增长。"), ("p", "全年增长5%。"),
                  ("h", 2, "（二）推动标志性改革举措加快落地，更好发挥经济体制改革牵引作用。"), ("p", "扎实推进改革。"),
                  ("h", 2, "（三）扩大高水平开放。"), ("p", "稳外贸。")], id="a-longer-lead-among-run-in-siblings"),
    # …and when two of them do (of five: a longer lead follows them as their sibling, not as the text of the heading before it)
    pytest.param(["（一）组织开展回头看。开展专项清查整顿，查找突出问题。", "（二）推动建立制度。建立责任制，明确主体。",
                  "（三）保障项目建设，结合“项目建设年活动”的开展，加快配合相关部门推进项目。重点比重大项目落地。",
                  LONGER_LEAD,
                  ONE_LONG_SENTENCE],
                 [("h", 2, "（一）组织开展回头看。"), ("p", "开展专项清查整顿，查找突出问题。"),
                  ("h", 2, "（二）推动建立制度。"), ("p", "建立责任制，明确主体。"),
                  ("h", 2, "（三）保障项目建设，结合“项目建设年活动”的开展，加快配合相关部门推进项目。"), ("p", "重点比重大项目落地。"),
                  ("p", LONGER_LEAD),
                  ("p", ONE_LONG_SENTENCE)],
                 id="a-longer-lead-after-two-run-in-siblings"),
    # …not when most of the items are paragraphs
    pytest.param(["（一）稳定经济增长。全年增长5%。", "（二）各单位要高度重视这项工作，切实加强组织领导，认真抓好落实。扎实推进。",
                  "（三）各乡镇要按照县委县政府的统一部署，结合实际抓好贯彻落实工作。确保实效。"],
                 [("h", 2, "（一）稳定经济增长。"), ("p", "全年增长5%。"),
                  ("p", "（二）各单位要高度重视这项工作，切实加强组织领导，认真抓好落实。扎实推进。"),
                  ("p", "（三）各乡镇要按照县委县政府的统一部署，结合实际抓好贯彻落实工作。确保实效。")],
                 id="longer-leads-among-paragraph-siblings-stay-paragraphs"),
    # a lead's end is no 。 inside a quotation (“…没有休止符。”的嘱托 goes on): the item is cut after its first sentence
    pytest.param(["（一）强化组织领导。成立领导小组。", "（二）完善工作机制。建立周调度制度。",
                  "（三）牢记“作风建设永远在路上，永远没有休止符。”的嘱托，持续整治形式主义。全年开展暗访20次。"],
                 [("h", 2, "（一）强化组织领导。"), ("p", "成立领导小组。"), ("h", 2, "（二）完善工作机制。"), ("p", "建立周调度制度。"),
                  ("h", 2, "（三）牢记“作风建设永远在路上，永远没有休止符。”的嘱托，持续整治形式主义。"), ("p", "全年开展暗访20次。")],
                 id="a-run-in-lead-ends-outside-its-quotation"),
    # …but a longer lead that asks the reader, sets a rule or fills a field is a notice's requirement, as in _lead_split
    pytest.param(["（一）加强组织领导。成立领导小组。", "（二）强化督查考核。县政府督查室定期督查。",
                  "（三）请各单位于6月30日前将工作总结报送县政府办公室综合股，逾期未报的予以通报。联系人：张三。"],
                 [("h", 2, "（一）加强组织领导。"), ("p", "成立领导小组。"), ("h", 2, "（二）强化督查考核。"), ("p", "县政府督查室定期督查。"),
                  ("p", "（三）请各单位于6月30日前将工作总结报送县政府办公室综合股，逾期未报的予以通报。联系人：张三。")],
                 id="a-longer-lead-asking-the-reader-stays-a-paragraph"),
    # …nor is a 纪要's decision, a clause before it or not (经研究，会议同意…)
    pytest.param(["（一）关于征地拆迁。会议要求加快进度。", "（二）关于资金保障。会议要求足额保障。",
                  "（三）经研究，会议同意由县住建局牵头实施县城污水处理厂提标改造项目。县财政局负责资金保障。"],
                 [("h", 2, "（一）关于征地拆迁。"), ("p", "会议要求加快进度。"), ("h", 2, "（二）关于资金保障。"), ("p", "会议要求足额保障。"),
                  ("p", "（三）经研究，会议同意由县住建局牵头实施县城污水处理厂提标改造项目。县财政局负责资金保障。")],
                 id="a-decision-after-a-clause-stays-a-paragraph"),
    # the list of attachments goes on over lines: its items are no headings
    pytest.param(["一、购置理由", "现有设备老化。", "附件：1.设备采购论证报告", "2.院党委会会议纪要", "3.预算表"],
                 [("h", 2, "一、购置理由"), ("p", "现有设备老化。"), ("p", "附件：1.设备采购论证报告"), ("p", "2.院党委会会议纪要"),
                  ("p", "3.预算表")], id="attachment-list-items"),
    pytest.param(["一、工作要求", "现就有关事项通知如下。", "附件：1.2024年度统计年报报表目录", "2.统计年报工作联系表"],
                 [("h", 2, "一、工作要求"), ("p", "现就有关事项通知如下。"), ("p", "附件：1.2024年度统计年报报表目录"),
                  ("p", "2.统计年报工作联系表")], id="attachment-list-whose-first-item-opens-with-a-year"),
    pytest.param(["附件：红安县2024年防汛工作方案", "一、指导思想", "坚持人民至上。", "二、工作目标", "确保安全度汛。"],
                 [("p", "附件：红安县2024年防汛工作方案"), ("h", 2, "一、指导思想"), ("p", "坚持人民至上。"), ("h", 2, "二、工作目标"),
                  ("p", "确保安全度汛。")], id="an-attachments-title-then-its-headings"),
    pytest.param(["一、报送内容。凡重大突发事件须报送。", "二、报送时限。事发后1小时内报告。", "三、本办法自印发之日起执行。",
                  "四、本办法由县政府办公室负责解释。", "五、未尽事宜按有关规定执行。", "六、会议同意县财政局报告。"],
                 [("h", 2, "一、报送内容。"), ("p", "凡重大突发事件须报送。"), ("h", 2, "二、报送时限。"), ("p", "事发后1小时内报告。"),
                  ("p", "三、本办法自印发之日起执行。"), ("p", "四、本办法由县政府办公室负责解释。"), ("p", "五、未尽事宜按有关规定执行。"),
                  ("p", "六、会议同意县财政局报告。")], id="a-rules-closing-sentences-are-no-headings"),
]


@pytest.mark.parametrize(("lines", "expected"), HEADINGS)
def test_heading_levels(lines: list[str], expected: list[tuple]) -> None:
    report = parse((P, *lines), HASH_NAME)
    assert _shape(report) == [("p", P), *expected]
    assert_fidelity((P, *lines), report)


LONG_ONE = "一、围绕大局，紧扣中心，政务服务水平明显提高，办公室领导班子成员立足全面履行岗位职责，积极为领导、部门和群众提供优质服务"
LONG_ARABIC = "1.加强组织领导，成立工作专班，明确责任分工，细化工作措施，确保各项任务落到实处。"
NOT_HEADINGS = [
    pytest.param("1.5亿元", id="decimal-amount"),
    pytest.param("1.5亿元用于基础设施建设", id="decimal-amount-sentence"),
    pytest.param("2023.12.31", id="date-with-dots"),
    pytest.param("12.5%的增长", id="percentage"),
    pytest.param("（一）加强学习；", id="ends-with-semicolon"),
    pytest.param("（1）做好值班工作，", id="ends-with-comma"),
    pytest.param("一、根据工作安排，现将有关事项说明：", id="ends-with-colon-after-a-clause"),
    pytest.param("1.主要做法：", id="ends-with-colon-inner-numbering"),
    pytest.param("一、有下列情形之一的：", id="ends-with-colon-leading-into-a-list"),
    pytest.param("（一）加强学习。", id="whole-line-is-one-sentence"),
    pytest.param("1.各单位要高度重视，认真组织开展全面自查自纠。超额完成任务。", id="arabic-lead-longer-than-a-name"),
    # a short lead that asks (请…), sets a rule (须, 不得) or fills a field (联系人：) is a list's item, not a name
    pytest.param("1.请于12月20日前报送。逾期不报的，予以通报。", id="arabic-lead-that-asks"),
    pytest.param("2.材料须经主要负责人审核。加盖单位公章后报送。", id="arabic-lead-that-sets-a-rule"),
    pytest.param("3.联系人：王五。电话：1234567。", id="arabic-lead-that-fills-a-field"),
    pytest.param("（1）请参会人员提前10分钟入场。会议期间手机调至静音。", id="paren-arabic-lead-that-asks"),
    pytest.param(LONG_ARABIC, id="long-numbered-paragraph"),
    pytest.param(LONG_ONE, id="long-yi-paragraph-no-sentence-end"),
    pytest.param("一、" + "加强" * 20 + "。后文。", id="long-lead-sentence-not-split"),
    pytest.param("第一次全体会议召开。", id="di-yi-ci"),
    pytest.param("一是加强学习，二是转变作风。", id="yi-shi"),
    pytest.param("100、200和300", id="three-digit-number"),
    pytest.param("（2023年）", id="paren-year"),
    pytest.param("Ⅱ级响应启动后，各单位要立即到岗。", id="roman-level-of-a-response"),
]


@pytest.mark.parametrize("line", NOT_HEADINGS)
def test_not_a_heading(line: str) -> None:
    report = parse((P, line), HASH_NAME)
    assert _shape(report) == [("p", P), ("p", line)]


# --------------------------------------------------------------------------------------------
# Lead sentence split: (line, expected heading text, expected paragraph text)
# --------------------------------------------------------------------------------------------
LEADS = [
    pytest.param("（一）强化督办协调，做好信息报送。督办完成领导批示或交办工作15项，处理线上督办表格38份。",
                 "（一）强化督办协调，做好信息报送。", "督办完成领导批示或交办工作15项，处理线上督办表格38份。",
                 id="seed-002-paren-yi"),
    pytest.param("一、加强学习！全年组织集中学习24次，专题研讨6次。", "一、加强学习！", "全年组织集中学习24次，专题研讨6次。",
                 id="yi-with-exclamation"),
    pytest.param("第二章 发展目标。到2025年，全市生产总值达到3000亿元。", "第二章 发展目标。", "到2025年，全市生产总值达到3000亿元。",
                 id="chapter"),
    pytest.param("第一节 总体要求？坚持稳中求进工作总基调，推动高质量发展取得新突破。", "第一节 总体要求？",
                 "坚持稳中求进工作总基调，推动高质量发展取得新突破。", id="section-question-mark"),
]


@pytest.mark.parametrize(("line", "heading", "paragraph"), LEADS)
def test_lead_sentence_split(line: str, heading: str, paragraph: str) -> None:
    report = parse((P, line), HASH_NAME)
    assert _shape(report) == [("p", P), ("h", 2, heading), ("p", paragraph)]
    assert_fidelity((P, line), report)


@pytest.mark.parametrize("gap", [" ", "    ", "\t", "\u3000\u3000"], ids=["space", "4-spaces", "tab", "fullwidth"])
def test_split_paragraph_has_no_leading_white_space(gap: str) -> None:
    report = parse((P, f"（一）强化督办协调。{gap}督办完成领导批示15项。"), HASH_NAME)
    assert _shape(report) == [("p", P), ("h", 2, "（一）强化督办协调。"), ("p", "督办完成领导批示15项。")]


# --------------------------------------------------------------------------------------------
# Articles: 第X条 paragraphs with anchors
# --------------------------------------------------------------------------------------------
ARTICLES = [
    pytest.param(["第一条 为了规范管理，制定本办法。", "第二条 本办法适用于全市。"],
                 [("a", "第一条", "第一条 为了规范管理，制定本办法。"), ("a", "第二条", "第二条 本办法适用于全市。")],
                 id="two-articles"),
    pytest.param(["第一条 甲。", "第二条 乙。", "第一条 丙。", "第一条 丁。"],
                 [("a", "第一条", "第一条 甲。"), ("a", "第二条", "第二条 乙。"),
                  ("a", "第一条-2", "第一条 丙。"), ("a", "第一条-3", "第一条 丁。")], id="duplicates-get-suffixes"),
    pytest.param(["第十二条 附则。", "第一百零一条 施行。", "第3条 其他。"],
                 [("a", "第十二条", "第十二条 附则。"), ("a", "第一百零一条", "第一百零一条 施行。"), ("a", "第3条", "第3条 其他。")],
                 id="number-forms"),
    pytest.param(["第一章 总则", "第一条 为了规范管理。"],
                 [("h", 2, "第一章 总则"), ("a", "第一条", "第一条 为了规范管理。")], id="under-chapter"),
    pytest.param(["第一条规定了适用范围。"], [("a", "第一条", "第一条规定了适用范围。")], id="no-space-after-number"),
    pytest.param(["第一条"], [("a", "第一条", "第一条")], id="bare-article-number"),
    pytest.param(["根据第一条的规定。"], [("p", "根据第一条的规定。")], id="mid-line-reference-is-paragraph"),
]


@pytest.mark.parametrize(("lines", "expected"), ARTICLES)
def test_articles(lines: list[str], expected: list[tuple]) -> None:
    report = parse((P, *lines), HASH_NAME)
    assert _shape(report) == [("p", P), *expected]
    anchors = [b.anchor for b in report.blocks if b.kind == "article"]
    assert len(anchors) == len(set(anchors)), "anchors must be unique within a page"
    assert all(b.anchor == "" for b in report.blocks if b.kind != "article")


# --------------------------------------------------------------------------------------------
# Numbered lines that are items, not headings: (lines, expected shape after the first paragraph)
# --------------------------------------------------------------------------------------------
ITEMS = [
    # the items of an article are its parts, the last one (ending 。) too
    pytest.param(["第一章 总则", "第十条 有下列情形之一的，应当报告：", "（一）发生事故的；", "（二）其他应当报告的事项。",
                  "第十一条 报告应当及时。"],
                 [("h", 2, "第一章 总则"), ("a", "第十条", "第十条 有下列情形之一的，应当报告："), ("p", "（一）发生事故的；"),
                  ("p", "（二）其他应当报告的事项。"), ("a", "第十一条", "第十一条 报告应当及时。")], id="item-of-an-article"),
    pytest.param(["第四条 工作坚持以下原则：", "（一）坚持党的领导。坚持和加强党的全面领导。", "（二）坚持以人民为中心。把群众满意作为标准。"],
                 [("a", "第四条", "第四条 工作坚持以下原则："), ("p", "（一）坚持党的领导。坚持和加强党的全面领导。"),
                  ("p", "（二）坚持以人民为中心。把群众满意作为标准。")], id="run-in-items-of-an-article"),
    # a list of sentences: its last item is not a heading (its text comes next, but so did the others')
    pytest.param(["一、元旦：2018年12月30日至2019年1月1日放假，共3天。", "二、春节：2月4日至10日放假，共7天。2月2日上班。", P],
                 [("p", "一、元旦：2018年12月30日至2019年1月1日放假，共3天。"), ("p", "二、春节：2月4日至10日放假，共7天。2月2日上班。"),
                  ("p", P)], id="last-item-of-a-list-of-sentences"),
    # numbered articles running on through the chapters
    pytest.param(["第一章 总则", "一、为做好工作，制定本规则。", "二、工作坚持依法行政，接受监督。", "第二章 职责",
                  "三、总理负责全面工作。副总理协助总理工作。", P],
                 [("h", 2, "第一章 总则"), ("p", "一、为做好工作，制定本规则。"), ("p", "二、工作坚持依法行政，接受监督。"),
                  ("h", 2, "第二章 职责"), ("p", "三、总理负责全面工作。副总理协助总理工作。"), ("p", P)],
                 id="articles-numbered-across-chapters"),
    # still headings: a 意见's （一）… run on across its 一、 parts; a list's items that each lead their text
    pytest.param(["一、总体要求", "（一）指导思想。", P, "二、主要任务", "（二）强化事前公开。", P],
                 [("h", 2, "一、总体要求"), ("h", 3, "（一）指导思想。"), ("p", P), ("h", 2, "二、主要任务"),
                  ("h", 3, "（二）强化事前公开。"), ("p", P)], id="yijian-numbering-runs-on-under-parts"),
    pytest.param(["第一章 总则", "一、工作目标", P, "第二章 任务", "一、重点任务。", P],
                 [("h", 2, "第一章 总则"), ("h", 3, "一、工作目标"), ("p", P), ("h", 2, "第二章 任务"),
                  ("h", 3, "一、重点任务。"), ("p", P)], id="numbering-starts-again-in-each-chapter"),
    # items whose short lead names what they say are run-in headings, as a reader outlines them
    # (tests/data/outline_labels.tsv); one sentence each, they stay a list (arabic-list-of-sentences-stays-a-list)
    pytest.param(["1.完成目标。超额完成任务。", "2.加强学习。组织学习24次。"],
                 [("h", 2, "1.完成目标。"), ("p", "超额完成任务。"), ("h", 2, "2.加强学习。"), ("p", "组织学习24次。")],
                 id="short-led-numbered-items-are-run-in-headings"),
    pytest.param(["二、有关要求", "1.请参会人员提前10分钟入场。", "联系人：王五，电话：1234567。"],
                 [("h", 2, "二、有关要求"), ("p", "1.请参会人员提前10分钟入场。"), ("p", "联系人：王五，电话：1234567。")],
                 id="a-request-alone-over-a-line-is-an-item"),
    # the 项 of the first article, on its chapter's line, are its parts as any article's are
    pytest.param(["第一章 总则 第一条 督查工作的范围包括：", "（一）县委、县政府重大决策部署。", "（二）领导批示事项。", "第二条 督查室负责实施。"],
                 [("h", 2, "第一章 总则"), ("a", "第一条", "第一条 督查工作的范围包括："), ("p", "（一）县委、县政府重大决策部署。"),
                  ("p", "（二）领导批示事项。"), ("a", "第二条", "第二条 督查室负责实施。")], id="items-of-an-article-on-its-chapters-line"),
    # …and an item that is one, read alike with a sibling that reads as a heading (1.县委决策部署), makes it an item too
    pytest.param(["第二条 督查事项包括：", "1.县委决策部署", "2.领导批示的事项。", "第三条 督查室负责实施。"],
                 [("a", "第二条", "第二条 督查事项包括："), ("p", "1.县委决策部署"), ("p", "2.领导批示的事项。"),
                  ("a", "第三条", "第三条 督查室负责实施。")], id="an-articles-items-are-read-alike-as-items"),
    # a whole item's sentence right over the next part's heading heads no text: its list is a list
    pytest.param(["一、主要成效", "（1）紧扣中心。报送信息120条。", "（2）对各乡镇信息报送情况进行通报，全年通报4次，有效推动了信息工作。",
                  "二、下步打算", P],
                 [("h", 2, "一、主要成效"), ("p", "（1）紧扣中心。报送信息120条。"),
                  ("p", "（2）对各乡镇信息报送情况进行通报，全年通报4次，有效推动了信息工作。"), ("h", 2, "二、下步打算"), ("p", P)],
                 id="an-items-sentence-over-the-next-part-is-no-heading"),
    pytest.param(["第一章 总则", "1.为规范工作，制定本规则。", P, "第二章 职责", "2.县长领导全面工作。", P, "3.副县长", P],
                 [("h", 2, "第一章 总则"), ("p", "1.为规范工作，制定本规则。"), ("p", P), ("h", 2, "第二章 职责"),
                  ("p", "2.县长领导全面工作。"), ("p", P), ("p", "3.副县长"), ("p", P)], id="articles-numbered-across-chapters-read-alike"),
    pytest.param(["（一）强化督办协调。督办完成15项。", "（二）做好信息报送。报送信息120条。"],
                 [("h", 2, "（一）强化督办协调。"), ("p", "督办完成15项。"), ("h", 2, "（二）做好信息报送。"), ("p", "报送信息120条。")],
                 id="run-in-headings-one-after-another"),
]


@pytest.mark.parametrize(("lines", "expected"), ITEMS)
def test_items_are_not_headings(lines: list[str], expected: list[tuple]) -> None:
    report = parse((P, *lines), HASH_NAME)
    assert _shape(report) == [("p", P), *expected]
    assert_fidelity((P, *lines), report)


# --------------------------------------------------------------------------------------------
# Fidelity over every vector, generated documents and the seed reports
# --------------------------------------------------------------------------------------------
FIDELITY = (
    [pytest.param(p.values[0], p.values[1], id=f"title-{p.id}") for p in TITLES]
    + [pytest.param([P, *p.values[0]], HASH_NAME, id=f"heading-{p.id}") for p in HEADINGS]
    + [pytest.param([P, *p.values[0]], HASH_NAME, id=f"article-{p.id}") for p in ARTICLES]
    + [pytest.param([P, p.values[0]], HASH_NAME, id=f"not-heading-{p.id}") for p in NOT_HEADINGS]
    + [pytest.param([P, p.values[0]], HASH_NAME, id=f"lead-{p.id}") for p in LEADS]
    + [pytest.param([P, *p.values[0]], HASH_NAME, id=f"item-{p.id}") for p in ITEMS]
    + [
        pytest.param(["政府工作报告", "政府工作报告", "（一）强化。    督办。", "第一条 甲。", "第一条 乙。"], HASH_NAME,
                     id="mixed-repeat-split-articles"),
        pytest.param(["政府 工作 报告", "政府 工作 报告", P], HASH_NAME, id="repeated-title-with-spaces"),
        pytest.param(["关于XX的报告", "在XX会议上", "——张三", "关于XX的报告 在XX会议上"], HASH_NAME,
                     id="two-line-title-then-joined-repeat"),
        pytest.param(["一、！ 政府工作报告"], HASH_NAME, id="split-after-bang"),
    ]
)


@pytest.mark.parametrize(("lines", "name"), FIDELITY)
def test_fidelity_vectors(lines: list[str], name: str) -> None:
    assert_fidelity(tuple(lines), parse(tuple(lines), name))


_FRAGMENTS = [
    "政府工作报告", "报", "告", "总结", "各位代表：", "一、", "二、", "（一）", "（二）", "1.", "（1）", "①",
    "第一章", "第二节", "第一条", "——", "1.5亿元", "强化督办协调", "。", "，", "；", "！", "2023年1月10日",
    "〔2023〕", "x", " ", "\u3000", "加强组织领导确保任务落实",
]
_LINE = st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=8).map("".join).map(str.strip).filter(bool)


@settings(max_examples=400, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(st.lists(_LINE, max_size=6), st.sampled_from([HASH_NAME, TITLE_NAME]))
def test_fidelity_generated(lines: list[str], name: str) -> None:
    report = parse(tuple(lines), name)
    assert_fidelity(tuple(lines), report)
    for block in report.blocks:
        assert block.kind in {"heading", "article", "paragraph"} and block.text.strip()
        assert (2 <= block.level <= 6) if block.kind == "heading" else block.level == 0


@pytest.mark.parametrize("path", SEED_REPORTS, ids=lambda p: p.name)
def test_fidelity_seed_reports(path: Path) -> None:
    cleaned = clean(decode(path.read_bytes()).text)
    report = parse(cleaned.lines, path.name)
    assert report.blocks
    assert_fidelity(cleaned.lines, report)


def test_there_are_five_seed_reports() -> None:
    assert len(SEED_REPORTS) == 5


SEED_EXPECTATIONS = [
    # (file, title, title_in_text, first heading, number of headings by level)
    ("000_90a8bdb48d7b146b.txt", "", False, (2, "一、勤学习、精业务，全面提升履职尽责本领"), {2: 3, 3: 3}),
    ("001_51d150ff54b8e775.txt", "", False, (2, "一、围绕大局，紧扣中心，政务服务水平明显提高"), {2: 3}),
    ("002_7e7baea9c4728bd4.txt", "2023年度行政审批服务局办公室工作总结", True, (2, "一、目标任务完成情况"), None),
    ("003_9d8438802bbb5cb7.txt", "关于办公室系统作风革命效能革命专项整治整改落实情况汇报", True, (2, "一、思想认识方面"), None),
    ("004_44c2ec44da6bf8ab.txt", "市政府办公室领导班子工作总结", True, None, {2: 5}),
]


@pytest.mark.parametrize(("name", "title", "in_text", "first_heading", "levels"), SEED_EXPECTATIONS, ids=[s[0][:3] for s in SEED_EXPECTATIONS])
def test_seed_reports_structure(name: str, title: str, in_text: bool, first_heading: tuple | None, levels: dict | None) -> None:
    path = next(p for p in SEED_REPORTS if p.name == name)
    report = parse(clean(decode(path.read_bytes()).text).lines, name)
    assert report.title == title
    assert report.title_in_text is in_text
    headings = [(b.level, b.text) for b in report.blocks if b.kind == "heading"]
    if first_heading:
        assert headings[0] == first_heading
    if levels:
        counts: dict[int, int] = {}
        for level, _ in headings:
            counts[level] = counts.get(level, 0) + 1
        assert counts == levels
    # 一、 is always above （一） in these reports
    assert all(level == 2 for level, text in headings if re.match("^[一二三四五六七八九十]+、", text))
    assert all(level == 3 for level, text in headings if text.startswith("（"))


# --------------------------------------------------------------------------------------------
# infer_title: a stand-in title for reports with none
# --------------------------------------------------------------------------------------------
INFER = [
    pytest.param("县政府办公室", "工作总结", [P], "县政府办公室工作总结", id="org-and-doc-type"),
    pytest.param("县政府办公室", "其他", [P], "办公室坚持围绕中心、服务大局", id="doc-type-other-uses-opening"),
    # the opening's first clause that names something: not the time it opens with (一年来)
    pytest.param(None, "工作总结", [P], "办公室坚持围绕中心、服务大局", id="no-org-uses-opening"),
    pytest.param(None, None, ["2025年7月9日至17日，县委督查办组成两个督查组，开展督查。"], "县委督查办组成两个督查组",
                 id="opening-time-clause-skipped"),
    pytest.param(None, None, ["N海都记者 李伟强", "莆田市纪委紧盯重要时间节点。"], "莆田市纪委紧盯重要时间节点", id="byline-skipped"),
    pytest.param(None, None, ["(图为检查核实现场)", "县审计局对整改情况进行核实。"], "县审计局对整改情况进行核实", id="caption-skipped"),
    pytest.param(None, None, ["各镇人民政府,县政府各工作部门:", "为统计办理情况，现将有关事项通知如下:"], "为统计办理情况",
                 id="addressees-skipped"),
    pytest.param(None, None, ["根据《关于开展能力提升行动的通知》要求，我办坚持以习近平新时代中国特色社会主义思想为指导。"],
                 "根据《关于开展能力提升行动的通知》要求", id="opening-clause"),
    pytest.param(None, None, ["我" * 50 + "。"], "我" * 29 + "…", id="opening-capped-at-30"),
    pytest.param(None, None, ["一、总体情况", "（一）市民热线", "上半年，12345市民热线共受理各类诉求2580件。"],
                 "12345市民热线共受理各类诉求2580件", id="headings-skipped-for-the-first-paragraph"),
    pytest.param(None, None, ["镇党委多措并举抓好信息工作 一是压实责任。各村明确信息员。"], "镇党委多措并举抓好信息工作",
                 id="headline-run-into-its-first-item"),
    pytest.param("某镇人民政府", "通知", ["各村：", "为确保安全度汛，现就做好汛期值班工作通知如下：", "一、值班时间"],
                 "某镇人民政府关于做好汛期值班工作的通知", id="notice-named-by-its-formula"),
    pytest.param("某镇人民政府", "通知", ["各村：", "为统计办理情况，现将有关事项通知如下："], "为统计办理情况",
                 id="notice-formula-naming-nothing"),
    # a clause of grounds (根据…) or purpose is no title: the main clause after the time it opens with,
    # or the one the office opens, also by its short name (区政府办 for 区政府办公室)
    pytest.param(None, None, ["根据县委的安排部署,7月13日,县委第一巡察组进驻石桥村开展巡察。"], "县委第一巡察组进驻石桥村开展巡察",
                 id="grounds-then-time-then-main-clause"),
    pytest.param("区政府办公室", None, ["为规范政务公开工作,提升全区水平,区政府办对各镇开展政务公开评估。"],
                 "区政府办对各镇开展政务公开评估", id="office-by-its-short-name"),
    pytest.param(None, None, ["（一）收文", "1、镇党政办统一负责来文的收文登记。"], "镇党政办统一负责来文的收文登记",
                 id="item-number-not-in-title"),
    pytest.param(None, None, ["全县统计工作会议在县政 府三楼会议室召开。"], "全县统计工作会议在县政府三楼会议室召开",
                 id="stray-space-between-characters"),
    pytest.param(None, None, ["“某镇干部‘走读’挨通报了，”一名干部说。"], "某镇干部‘走读’挨通报了", id="unbalanced-quote"),
    pytest.param(None, None, [], "无标题", id="empty-report"),
    pytest.param(None, None, ["，开头就是逗号。"], "开头就是逗号", id="empty-opening-clause"),
    pytest.param(None, None, ["近日。"], "近日", id="only-a-time-clause"),
    pytest.param(None, None, ["2023年12月20日", "县委书记张某到我镇调研秸秆禁烧工作。"], "县委书记张某到我镇调研秸秆禁烧工作",
                 id="date-line-not-the-opening"),
    pytest.param(None, None, ["=====", "·", "县委书记张某到我镇调研秸秆禁烧工作。"], "县委书记张某到我镇调研秸秆禁烧工作",
                 id="rules-and-ornaments-not-the-opening"),
]


@pytest.mark.parametrize(("org", "doc_type", "lines", "expected"), INFER)
def test_infer_title(org: str | None, doc_type: str | None, lines: list[str], expected: str) -> None:
    report = parse(tuple(lines), HASH_NAME)
    assert report.title == ""
    inferred = with_inferred_title(report, org, doc_type)
    assert inferred.title == expected
    assert inferred.title_inferred is True and inferred.title_in_text is False
    assert inferred.blocks == report.blocks
    assert inferred.text() == report.text()  # an inferred title is not report text


def test_infer_title_keeps_existing_title() -> None:
    report = parse(("2023年政府工作报告", P), HASH_NAME)
    assert with_inferred_title(report, "县政府办公室", "工作总结") is report


def test_text_includes_title_only_when_taken_from_text() -> None:
    assert parse(("政府工作报告", P), HASH_NAME).text() == f"政府工作报告\n{P}"
    assert parse(("各位代表：", P), TITLE_NAME).text() == f"各位代表：\n{P}"


def test_blocks_are_model_blocks() -> None:
    report = parse((P, "一、工作回顾", "第一条 甲。"), HASH_NAME)
    assert report.blocks == (
        Block("paragraph", P),
        Block("heading", "一、工作回顾", level=2),
        Block("article", "第一条 甲。", anchor="第一条"),
    )


UNNUMBERED = ["通渭县教育局2023年工作总结", "2023年，县教育局认真履行职责，各项工作取得新成效。", "教育发展基础持续夯实",
              "全年争取各类教育项目资金2.36亿元，实施学校建设项目12个。", "教育教学质量稳步提升",
              "深化“双减”工作，校内课后服务实现义务教育学校全覆盖。", "校园安全稳定底线牢牢守住",
              "始终把校园安全摆在首位，成立由局长任组长的领导小组。", "存在的问题和2024年工作打算",
              "一年来，全县教育工作取得了一定成效，但与群众期盼相比仍有不足，下一步将持续改进。", "通渭县教育局", "二〇二四年一月八日"]


@pytest.mark.parametrize("number", ["第12次", "（第12次）", "〔2019〕第12次", "[2019]第12次", "（2019）第12次", "2019年第12次"])
def test_a_minutes_number_is_its_subtitle(number):
    assert parse(("武功县人民政府常务会议纪要", number, P), HASH_NAME).subtitle == number


@pytest.mark.parametrize("line", ["〔2019〕12号", "2019年6月18日", "第12次会议研究了以下事项"])
def test_a_line_that_is_no_minutes_number_is_no_subtitle(line):
    assert parse(("武功县人民政府常务会议纪要", line, P), HASH_NAME).subtitle == ""


def test_a_text_that_numbers_no_heading_has_its_short_lines_between_paragraphs_as_headings():
    report = parse(tuple(UNNUMBERED), HASH_NAME)
    assert [b.text for b in report.blocks if b.kind == "heading"] == ["教育发展基础持续夯实", "教育教学质量稳步提升", "校园安全稳定底线牢牢守住",
                                                                      "存在的问题和2024年工作打算"]
    assert_fidelity(tuple(UNNUMBERED), report)


@pytest.mark.parametrize(
    "lines",
    [
        # two such lines are no pattern
        UNNUMBERED[:6] + UNNUMBERED[10:],
        # a text that numbers its headings keeps those alone
        UNNUMBERED[:2] + ["一、主要工作"] + UNNUMBERED[2:],
        # a chronicle's days, a body's name over a paragraph, a sentence's fragment
        ["大事记", "1月5日", "县委召开全会，部署全年工作。", "2月10日", "县政府召开常务会议，研究春耕工作。", "3月8日",
         "县妇联召开表彰大会，表彰先进集体。", "4月2日", "县人大常委会召开会议，审议有关报告。"],
        ["通报", "县政府办公室", "对全县重点工作开展了专项督查，督查发现多个问题。", "县发展和改革局", "项目推进较快，完成年度投资的80%。",
         "县自然资源局", "用地保障有力，完成报批土地1200亩。"],
        # a WeChat post's photo captions, a subtitle, slogans in quotes
        ["全县召开表彰大会", "5月20日，全县召开表彰大会，表彰先进集体和个人。", "颁奖仪式现场", "会议强调，要以先进为榜样，推动各项工作再上新台阶。",
         "文明家庭代表领奖", "会议要求，各单位要认真学习先进事迹，营造比学赶超的良好氛围。", "与会人员认真听讲",
         "会上，先进代表作了交流发言，反响热烈。"],
        ["扎根山区育桃李", "——记红安县城关中学教师张丽", "张丽老师扎根山区二十年，教书育人成绩显著。", "“绿水青山就是金山银山”",
         "我们要牢固树立绿色发展理念，推动生态环境持续改善。", "“小康路上一个都不能少”", "我们要巩固拓展脱贫攻坚成果，推动乡村全面振兴。",
         "“撸起袖子加油干”", "我们要以实干精神推动各项工作落地见效。"],
    ],
)
def test_short_lines_that_are_no_subheads_stay_paragraphs(lines):
    report = parse(tuple(lines), HASH_NAME)
    numbered = [b.text for b in report.blocks if b.kind == "heading" and b.text.startswith("一、")]
    assert [b.text for b in report.blocks if b.kind == "heading"] == numbered


@pytest.mark.parametrize(("line", "subtitle"), [
    ("——在七里坪镇第十九届人民代表大会第三次会议上", ""),  # the session's line, as its dated form (——2024年1月5日在…)
    ("——在汉阴县十八届人大四次会议上", ""),
    ("——在中国共产党第十九次全国代表大会上的报告", "在中国共产党第十九次全国代表大会上的报告"),
])
def test_a_congress_session_line_is_no_subtitle(line, subtitle):
    assert parse(("政府工作报告", line, P), HASH_NAME).subtitle == subtitle


# --------------------------------------------------------------------------------------------
# Headings of the outline only (Block.outline_only): shown in the TOC, no section of their own
# for the themes. (text, level, outline_only) per heading.
# --------------------------------------------------------------------------------------------
LONG = "全省地区生产总值连跨三个台阶，人均生产总值提升至七点六万元，规上工业增加值年均增长百分之九，税收占比提高。"
OUTLINE_ONLY = [
    pytest.param(["（一）过去五年的工作", "经济运行持续向好。", LONG, "特色产业向新向优。", LONG, "城乡区域协同融合。", LONG,
                  "（二）今后的工作", LONG],
                 [("（一）过去五年的工作", 2, False), ("经济运行持续向好。", 3, True), ("特色产业向新向优。", 3, True),
                  ("城乡区域协同融合。", 3, True), ("（二）今后的工作", 2, False)], id="sentence-sub-heads-under-a-part"),
    pytest.param(["（一）过去五年的工作", "经济运行持续向好。", LONG, "特色产业向新向优。", LONG],
                 [("（一）过去五年的工作", 2, False)], id="two-short-sentences-are-paragraphs"),
    # (a PDF's text breaks the paragraph under a sub-head mid-sentence: its first line is a clause, no sentence)
    pytest.param(["（一）过去五年的工作", "经济运行持续向好。", "深入开展安全生产治本攻坚行动，生产安全事故起数、死亡人数分别下降",
                  "38.3%、17.9%。", "特色产业向新向优。", LONG, "城乡区域协同融合。", LONG],
                 [("（一）过去五年的工作", 2, False), ("经济运行持续向好。", 3, True), ("特色产业向新向优。", 3, True),
                  ("城乡区域协同融合。", 3, True)], id="sub-heads-over-a-line-a-pdf-broke"),
    pytest.param(["现将《县政务信息工作考核办法》印发给你们，请认真贯彻执行。", "县政务信息工作 考核办法", "一、总则", LONG,
                  "二、考核内容", LONG],
                 [("县政务信息工作 考核办法", 2, True), ("一、总则", 3, False), ("二、考核内容", 3, False)],
                 id="the-issued-documents-title"),
    pytest.param([LONG, "附件", "一、总则", LONG], [("附件", 2, True), ("一、总则", 3, False)], id="an-attachment-after-the-text"),
    # a notice's list of its attachment (附件： / its name) right before the attachment itself is no part
    pytest.param([LONG, "附件：", "县数字政府建设考评指标", "附件", "县数字政府建设考评指标", "一、政务服务", LONG],
                 [("附件", 2, True), ("一、政务服务", 3, False)], id="the-list-of-the-attachment-before-it-is-no-part"),
    # …also with the notice's signature and date between them, where a 公文 puts them (after its 附件 list)
    pytest.param([LONG, "附件：", "县数字政府建设考评指标", "县人民政府办公室", "2024年3月1日", "附件", "县数字政府建设考评指标",
                  "一、政务服务", LONG],
                 [("附件", 2, True), ("一、政务服务", 3, False)], id="the-list-of-the-attachment-above-the-signature-is-no-part"),
    # the parts of the text before an end part keep their level (四川's 一、… then 名词解释: readers outline them alike)
    pytest.param(["一、主要工作", LONG, "二、下步打算", LONG, "结束语", LONG, "附件1", "一、总则", LONG],
                 [("一、主要工作", 2, False), ("二、下步打算", 2, False), ("结束语", 2, True), ("附件1", 2, True),
                  ("一、总则", 3, False)], id="an-end-part-after-numbered-parts-is-their-sibling"),
    # …also in a text broken inside its sentences, whose broken lines are joined (1998's web copy): 结束语 is whole on its line
    pytest.param(["一、工作回顾", "在听了报告以后", "，我们进行了讨论。", "二、外交工作", "我们主张和平", "，反对霸权。", "结束语",
                  "各位代表！", "让我们团结起来。"],
                 [("一、工作回顾", 2, False), ("二、外交工作", 2, False), ("结束语", 2, True)], id="an-end-part-in-a-broken-text"),
    # a document's formulas are no sub-heads: a lead into the text (现将…报告如下。), a request, a closing over its signature
    pytest.param(["现将有关情况报告如下。", LONG, "经济运行持续向好。", LONG, "特色产业向新向优。", LONG, "请认真贯彻落实。", LONG,
                  "特此报告。", "某某县人民政府办公室 2024年3月1日"], [], id="formula-sentences-are-no-sub-heads"),
    # a glossary's numbered terms head their definitions, on the term's line or the next (四川's and 广东's 名词解释);
    # elsewhere a colon lead is a field (联系人：), and a term lead longer than a name is an item
    pytest.param([LONG, "名词解释", "1.“两重”：是指国家重大战略实施和重点领域安全能力建设。", "2.“双高计划”：", LONG,
                  "3.各地要在规定时限内完成本地区名词的收集整理工作：报送至省政府办公厅。"],
                 [("名词解释", 2, True), ("1.“两重”：", 3, True), ("2.“双高计划”：", 3, True)], id="glossary-terms"),
    # …under an attachment's line the glossary is its title, a level under it; on one line with it, the two are one part
    pytest.param([LONG, "附件2", "名词解释", "1.“两重”：是指国家重大战略实施和重点领域安全能力建设。"],
                 [("附件2", 2, True), ("名词解释", 3, True), ("1.“两重”：", 4, True)], id="a-glossary-under-its-attachment"),
    pytest.param([LONG, "附件2 名词解释", "1.“两重”：是指国家重大战略实施和重点领域安全能力建设。"],
                 [("附件2 名词解释", 2, True), ("1.“两重”：", 3, True)], id="an-attachment-and-its-glossary-on-one-line"),
    # 3.5 reads as a decimal, as everywhere a number is (1.5亿元): no term, whatever follows
    pytest.param([LONG, "名词解释", "3.5G基站：是指第五代移动通信网络的基站。"], [("名词解释", 2, True)],
                 id="a-decimal-is-no-glossary-term"),
    pytest.param([LONG, "1.联系人：王五。", LONG], [], id="a-colon-lead-outside-a-glossary-is-no-term"),
    # lead sentences on lines of their own that open alike (a phrase, a comma), each over a longer paragraph: under their
    # part, the sub-heads after each under it, a sub-head glued to a lead's end one of its own (海南's 五年来，我们…。经济实力显著提升。)
    pytest.param(["二、主要目标任务", LONG, "实现目标，必须做到“三个聚焦”：", "聚焦对外开放，高标准建设自由贸易港。", LONG,
                  "聚焦高质量发展，打造现代化产业体系。", LONG, "聚焦民生福祉，增强人民群众获得感。", LONG],
                 [("二、主要目标任务", 2, False), ("聚焦对外开放，高标准建设自由贸易港。", 3, True),
                  ("聚焦高质量发展，打造现代化产业体系。", 3, True), ("聚焦民生福祉，增强人民群众获得感。", 3, True)],
                 id="parallel-leads-under-their-part"),
    pytest.param(["一、过去五年工作回顾", LONG, "五年来，我们坚定不移贯彻新发展理念，实现综合实力新跨越。经济实力显著提升。", LONG + LONG,
                  "产业结构持续优化。", LONG, "五年来，我们坚定不移深化改革，塑造制度新优势。政策体系持续完善。", LONG,
                  "重点改革全面推进。", LONG, "五年来，我们坚定不移推进科技创新，迈出新步伐。创新能级显著提升。", LONG,
                  "“两山”转化成色更足。", LONG],
                 [("一、过去五年工作回顾", 2, False), ("五年来，我们坚定不移贯彻新发展理念，实现综合实力新跨越。", 3, True),
                  ("经济实力显著提升。", 4, True), ("产业结构持续优化。", 4, True), ("五年来，我们坚定不移深化改革，塑造制度新优势。", 3, True),
                  ("政策体系持续完善。", 4, True), ("重点改革全面推进。", 4, True), ("五年来，我们坚定不移推进科技创新，迈出新步伐。", 3, True),
                  ("创新能级显著提升。", 4, True), ("“两山”转化成色更足。", 4, True)], id="parallel-leads-over-sub-heads"),
    # …or without a comma, when they end alike too (广东 2026's 这是经济实力持续提升的五年。 / 这是…的五年。), whatever their length
    pytest.param(["一、过去五年工作回顾", LONG, "这是经济实力持续提升的五年。", LONG, "这是粤港澳大湾区建设纵深推进的五年。", LONG,
                  "这是城乡区域协调发展取得新进展的五年。", LONG],
                 [("一、过去五年工作回顾", 2, False), ("这是经济实力持续提升的五年。", 3, True), ("这是粤港澳大湾区建设纵深推进的五年。", 3, True),
                  ("这是城乡区域协调发展取得新进展的五年。", 3, True)], id="parallel-leads-that-open-and-end-alike"),
    # sentences that open alike with no phrase set off (我国…。) are a paragraph's, as is an address (各位代表！)
    pytest.param(["一、外交工作", "我国同挪威改进关系的谈判正在进行中。", LONG, "我国希望同中东国家发展友好关系。", LONG,
                  "我国经济建设的发展是同和平分不开的。", LONG], [("一、外交工作", 2, False)], id="sentences-opening-alike-are-no-leads"),
    pytest.param(["一、工作回顾", "各位代表！", LONG, "各位代表！", LONG, "各位代表！", LONG], [("一、工作回顾", 2, False)],
                 id="an-address-is-no-lead"),
    # …nor is what a meeting or a speaker said (会议指出，… / 会议强调，… / 会议要求，…: a news report's paragraphs)
    pytest.param(["一、会议情况", "会议指出，政务信息工作是政府工作的重要组成部分。", LONG, "会议强调，要进一步提高思想认识。", LONG,
                  "会议要求，要切实加强组织领导。", LONG], [("一、会议情况", 2, False)], id="what-was-said-is-no-lead"),
    # lines that open with an ordinal and are a name or one sentence over their text: a 国务院 report's points (1998's
    # 第一，进一步稳定和加强农业), whole on their line in a broken text too; 第一，要… leading a paragraph's text, or a bare
    # 第一， over its sentence, is none
    pytest.param(["二、今年的工作", LONG, "第一，进一步稳定和加强农业", LONG, "第二，国有企业改革要取得新的突破", LONG,
                  "第三，坚持两手抓、两手都要硬的方针。", LONG],
                 [("二、今年的工作", 2, False), ("第一，进一步稳定和加强农业", 3, True), ("第二，国有企业改革要取得新的突破", 3, True),
                  ("第三，坚持两手抓、两手都要硬的方针。", 3, True)], id="ordinal-leads"),
    pytest.param(["一、工作回顾", "在听了报告以后", "，我们进行了讨论。", "我们主张和平", "，反对霸权。", "二、今年的工作",
                  "第一，进一步稳定和加强农业", "农业事关全局，决不能放松，要增加农民收入。",
                  "第二，国有企业改革要取得新的突破", "国有企业改革是今年经济工作的重点，要抓好。"],
                 [("一、工作回顾", 2, False), ("二、今年的工作", 2, False), ("第一，进一步稳定和加强农业", 3, True),
                  ("第二，国有企业改革要取得新的突破", 3, True)], id="ordinal-leads-in-a-broken-text"),
    pytest.param(["一、下步打算", "第一，要加强组织领导。成立专班，明确责任。", "第二，要强化督查问责。对工作不力的严肃问责。",
                  "第一，", LONG, "第二，", LONG], [("一、下步打算", 2, False)], id="ordinals-leading-a-paragraph-are-no-heads"),
    # a part's points, 一是… on lines of their own over their text (广东 2026's 一是联合港澳承办十五运会和残特奥会。), every one
    # of them, whatever its length (not the short ones alone, as sub-heads); not a series whose first points run into their
    # text, nor one-line items, nor the points under a short sentence of their part (a bold sub-head saved as text)
    pytest.param(["一、工作回顾", LONG, "一是联合港澳承办十五运会和残特奥会。", LONG, "二是推动全省经济运行稳中有进、稳中向好。", LONG,
                  "三是持续优化提升营商环境。", LONG],
                 [("一、工作回顾", 2, False), ("一是联合港澳承办十五运会和残特奥会。", 3, True),
                  ("二是推动全省经济运行稳中有进、稳中向好。", 3, True), ("三是持续优化提升营商环境。", 3, True)], id="a-parts-points"),
    pytest.param(["一、存在问题", "一是管理体制不适应市场经济发展的要求。" + LONG, "二是结构调整不适应市场需求的变化。" + LONG,
                  "三是富余人员多，限制了企业竞争力。", LONG, "四是历史包袱和社会负担沉重。", LONG],
                 [("一、存在问题", 2, False)], id="a-point-after-points-running-into-their-text-is-none"),
    pytest.param(["一、主要工作", "一是强化领导。", "二是完善机制，细化任务分工。", "三是加强督促检查，对进度滞后的单位及时通报，限期整改到位。",
                  "四是严格考核问责，把落实情况纳入年度绩效考核，对工作不力、推诿扯皮、敷衍塞责的单位和个人严肃追责问责，决不姑息。", LONG],
                 [("一、主要工作", 2, False)], id="one-line-points-are-no-heads"),
    pytest.param(["三、深化改革", "深化以国有企业改革为中心的各项改革。", LONG, "一是切实加强现代企业制度和法人治理结构建设。", LONG,
                  "二是积极推进大型企业的重组改组和战略调整。", LONG],
                 [("三、深化改革", 2, False)], id="points-under-a-sentence-of-their-part-stay-text"),
    # a number alone over each part's text (1960's 一 / 一九五六年到…), in a broken text too; not when the first is no 一
    pytest.param(["一", LONG, "二", "在听了报告以后", "，我们进行了讨论。", "我们主张和平", "，反对霸权。"],
                 [("一", 2, True), ("二", 2, True)], id="bare-numbers-over-their-parts"),
    pytest.param(["二", LONG, "三", LONG], [], id="bare-numbers-not-from-one-are-none"),
    # unnumbered lines that head the parts of a text above its numbered headings (甘肃's “十四五”时期工作回顾 … 2026年重点工作
    # over （一）…): in the outline only, as an end part is; one such line, or lines after the numbered parts, are none
    pytest.param(["“十四五”时期工作回顾", LONG, "2026年重点工作", LONG, "（一）扩大有效投资", LONG, "（二）建设产业体系", LONG],
                 [("“十四五”时期工作回顾", 2, True), ("2026年重点工作", 2, True), ("（一）扩大有效投资", 3, False),
                  ("（二）建设产业体系", 3, False)], id="unnumbered-parts-above-numbered-headings"),
    pytest.param(["2026年重点工作", LONG, "（一）扩大有效投资", LONG, "（二）建设产业体系", LONG],
                 [("（一）扩大有效投资", 2, False), ("（二）建设产业体系", 2, False)], id="one-unnumbered-line-heads-no-part"),
    pytest.param(["一、主要工作", LONG, "二、存在问题", LONG, "下步工作打算", LONG, "工作保障措施", LONG],
                 [("一、主要工作", 2, False), ("二、存在问题", 2, False)], id="unnumbered-lines-after-the-numbered-parts"),
    # slogans between the parts (马上就办 真抓实干 over 一、二、, 凝心聚力 再创佳绩 over 三、: the numbers go on), or a slogan and
    # a line after the numbered parts, head no parts: the numbered headings stay top level
    pytest.param(["马上就办 真抓实干", "一、强化服务，推动决策落实。" + LONG, "二、强化督查，狠抓工作落实。" + LONG,
                  "凝心聚力 再创佳绩", "三、明年工作打算。" + LONG],
                 [("一、强化服务，推动决策落实。", 2, False), ("二、强化督查，狠抓工作落实。", 2, False), ("三、明年工作打算。", 2, False)],
                 id="slogans-between-numbered-parts-head-none"),
    pytest.param(["马上就办 真抓实干", "一、强化服务，推动决策落实。" + LONG, "二、强化督查，狠抓工作落实。" + LONG, "下步工作打算", LONG],
                 [("一、强化服务，推动决策落实。", 2, False), ("二、强化督查，狠抓工作落实。", 2, False)],
                 id="a-slogan-and-a-line-after-the-numbered-parts-head-none"),
    # (附件1 over a report's title marks the file as an attachment: test_title's attachment-marker-not-title)
]


@pytest.mark.parametrize(("lines", "expected"), OUTLINE_ONLY)
def test_outline_only_headings(lines: list[str], expected: list[tuple]) -> None:
    report = parse((P, *lines), HASH_NAME)
    assert [(b.text, b.level, b.outline_only) for b in report.blocks if b.kind == "heading"] == expected
    assert_fidelity((P, *lines), report)


def test_a_list_is_read_alike_whether_the_file_styles_its_items_or_not() -> None:
    # (its sibling leads with a long sentence: the list is a list; Word's outline numbering styles every 1. alike,
    # and the .docx of a text outlines as the text does)
    lines = (P, "一、主要做法", "1.强化学习。", P, "2.各科室要严格落实首问负责制，切实提高办事效率，确保各项工作落到实处。全年办结来信来访120件。", P)
    styled = parse(lines, HASH_NAME, {"一、主要做法": 1, "1.强化学习。": 3, lines[4]: 3})
    plain = parse(lines, HASH_NAME)
    assert [b.text for b in styled.blocks if b.kind == "heading"] == [b.text for b in plain.blocks if b.kind == "heading"]
    assert [b.text for b in plain.blocks if b.kind == "heading"] == ["一、主要做法"]


@pytest.mark.parametrize("styled", [
    {"一、主要工作": 2, "加强学习": 3, "2.“双高计划”：": 3},  # a glossary's term on a line of its own, styled
    {"名词解释": 1, "加强学习": 3},  # an end part's line, styled above the text's headings
], ids=["styled-term", "styled-end-part"])
def test_an_outline_only_heading_styled_in_the_file_tells_no_numbering_where_styles_nest(styled) -> None:
    # (only a numbered heading says which numbering a style level carries: a .docx's 名词解释 or term line
    # in a heading style made its unnumbered styled headings' rank look up the outline-only style: KeyError)
    lines = (P, "一、主要工作", P, "加强学习", P, "名词解释", "2.“双高计划”：", P)
    report = parse(lines, HASH_NAME, styled)
    assert [(b.text, b.outline_only) for b in report.blocks if b.kind == "heading"] == [
        ("一、主要工作", False), ("加强学习", False), ("名词解释", True), ("2.“双高计划”：", True)]
    assert_fidelity(lines, report)


def test_an_attachment_marker_is_no_heading_though_a_later_attachment_is() -> None:
    lines = ("附件", "某某县督查工作总结", LONG, "一、主要工作", LONG, "附件", "督查事项清单")
    report = parse(lines, HASH_NAME)
    assert [(b.text, b.level, b.outline_only) for b in report.blocks if b.kind == "heading"] == [
        ("一、主要工作", 2, False), ("附件", 2, True)]
    assert_fidelity(lines, report)


def test_an_outline_only_heading_cuts_no_theme_section() -> None:
    from baogao.themes import split_sections

    lines = OUTLINE_ONLY[0].values[0]
    sections = split_sections(parse((P, *lines), HASH_NAME))
    assert [s.label for s in sections if s.kind == "heading"] == ["（一）过去五年的工作", "（二）今后的工作"]


def test_an_attachments_parts_are_not_inside_the_texts_last_part() -> None:
    from baogao.themes import split_sections

    lines = ("一、主要工作", LONG, "二、有关要求", LONG, "附件1", "一、总则", LONG)
    sections = split_sections(parse((P, *lines), HASH_NAME))
    parent = {s.label: sections[s.parent].label if s.parent is not None else None for s in sections if s.kind == "heading"}
    assert parent["一、总则"] == parent["二、有关要求"]


@pytest.mark.parametrize(
    ("line", "addressees"),
    [
        ("各镇人民政府,县政府各工作部门、直属事业单位:", True),
        ("县财政局：", True),
        ("各乡镇党委、政府，县直各单位：", True),
        ("现将有关事项通知如下：", False),  # the formula that introduces the text
        ("基层统计工作是统计的基础,为提高统计数量质量,陵城区统计局采取了三项举措:", False),  # a sentence: a purpose, 了
        ("为加强值班工作，县政府办公室采取以下措施：", False),
        ("主要做法是：", False),
        ("各乡镇人民政府、县直各有关单位，各派驻机构，各人民团体，各金融机构，各企业事业单位：", True),
    ],
)
def test_an_addressee_line_lists_names_and_ends_in_a_colon(line, addressees):
    assert is_addressee_line(line) == addressees
