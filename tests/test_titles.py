"""Titles (baogao.titles): file-name titles, inferred titles and the display title lists show."""

from __future__ import annotations

import pytest

from baogao.convert import convert_report
from baogao.titles import display_title, infer_title, personal_post, title_from_filename


@pytest.mark.parametrize(
    ("title", "subtitle", "year", "org", "region", "expected"),
    [
        # generic: the owner's place after the year, and the year in front
        ("政府工作报告", "", 2026, "广东省人民政府", "广东省", "2026年广东省政府工作报告"),
        ("2026年政府工作报告", "", 2026, "云南省人民政府", "云南省", "2026年云南省政府工作报告"),
        ("国务院政府工作报告", "", 1998, "国务院", "全国", "1998年国务院政府工作报告"),
        # the title names its owner already (a place, or the office with or without its level)
        ("2026年四川省人民政府工作报告", "", 2026, "四川省人民政府", "四川省", "2026年四川省人民政府工作报告"),
        ("2023年度行政审批服务局办公室工作总结", "", 2023, "县行政审批服务局办公室", None,
         "2023年度行政审批服务局办公室工作总结"),
        # specific titles keep their words; a year is put in front when there is none in them
        ("关于南昌市农民工参保情况的调研报告", "", 2019, "南昌市总工会", "江西省", "2019年关于南昌市农民工参保情况的调研报告"),
        ("支持工业互联网发展行动计划(2021—2023年)的通知", "", 2021, None, None, "支持工业互联网发展行动计划(2021—2023年)的通知"),
        # a plan joined to a generic summary keeps it generic
        ("2023年工作总结和2024年工作计划", "", 2023, "东安县人民政府办公室", "湖南省",
         "2023年东安县人民政府办公室工作总结和2024年工作计划"),
        ("工作总结暨2024年工作要点", "", 2023, "县政府办公室", "湖南省", "2023年县政府办公室工作总结暨2024年工作要点"),
        # a cover's bare year over the title (parse joins it with a space) is the year in front
        ("2024 工作总结", "", 2024, "红安县人民政府办公室", "湖北省", "2024 红安县人民政府办公室工作总结"),
        # a school year named is a year named
        ("关于做好2013学年信息统计工作的通知", "", 2014, "某县教育局", "浙江省", "关于做好2013学年信息统计工作的通知"),
        # no year known: nothing is guessed
        ("县政府办公室工作总结", "", None, "县政府办公室", None, "县政府办公室工作总结"),
        # a subtitle that names the year names it for the title
        ("攻坚克难 砥砺前行", "红安县人民政府办公室2023年工作总结", 2023, "红安县人民政府办公室", "湖北省",
         "攻坚克难 砥砺前行——红安县人民政府办公室2023年工作总结"),
        # an office that calls itself by its short name (县委办) is named; a body of a level whose office is
        # not known gets no province before it
        ("县委办2023年工作总结", "", 2023, "县委办公室", None, "县委办2023年工作总结"),
        # a town's title names its office by the town, though its county is not read before it (某县 is no place)
        ("城关镇2023年上半年工作总结", "", 2023, "某县城关镇人民政府", None, "城关镇2023年上半年工作总结"),
        # bodies signing together, a government the last of them, are named whole
        ("关于上半年工作情况的汇报", "", 2023, "中共柳树乡委员会、柳树乡人民政府", None,
         "2023年中共柳树乡委员会、柳树乡人民政府关于上半年工作情况的汇报"),
        ("区政府办2023年工作总结", "", 2023, "区政府办公室", "湖南省", "区政府办2023年工作总结"),
        ("县委办2023年工作总结", "", 2023, "浏阳市委办公室", "湖南省", "县委办2023年工作总结"),  # the office its signature names
        # a title that names its office by the level word gets the office's place in its stead (every county has a 县政府办)
        ("县政府办2023年工作总结", "", 2023, "萧县人民政府办公室", "安徽省", "萧县政府办2023年工作总结"),
        ("2023年县应急管理局安全生产工作总结", "", 2023, "庐江县应急管理局", "安徽省", "2023年庐江县应急管理局安全生产工作总结"),
        ("县人社局2023年工作总结", "", 2023, "元谋县人力资源和社会保障局", "云南省", "元谋县人社局2023年工作总结"),
        # …and a town's generic title its county (not named twice: 永修县虬津镇虬津镇…)
        ("虬津镇2023年工作总结", "", 2023, "永修县虬津镇人民政府", "江西省", "永修县虬津镇2023年工作总结"),
        ("北京街道2024年上半年工作总结", "", 2024, "广州市越秀区北京街道办事处", "广东省", "广州市越秀区北京街道2024年上半年工作总结"),
        ("泗张镇:严督夏季秸秆禁烧", "", None, "泗水县泗张镇", "山东省", "泗张镇:严督夏季秸秆禁烧"),  # a headline says whose
        ("市场监管局2023年工作总结", "", 2023, "黄冈市市场监督管理局", "湖北省", "市场监管局2023年工作总结"),  # 市场 is no 市
        ("县级公立医院综合改革工作总结", "", 2023, "红安县卫生健康局", "湖北省", "2023年县级公立医院综合改革工作总结"),
        ("县民政局2023年工作总结", "", 2023, "红安县民政局", "湖北省", "红安县民政局2023年工作总结"),  # 县民 is no word
        ("县城管局2023年工作总结", "", 2023, "红安县城市管理执法局", "湖北省", "红安县城管局2023年工作总结"),
        ("县妇联2023年工作总结", "", 2023, None, "湖南省", "县妇联2023年工作总结"),
        # a 公文 title whose topic is only its kind of work (关于…工作情况的汇报) gets its office before it
        ("关于2023年工作情况的汇报", "", 2023, "岳阳县发展和改革局", "湖南省", "岳阳县发展和改革局关于2023年工作情况的汇报"),
        ("关于2023年度信息报送工作情况的报告", "", 2023, "红安县人民政府办公室", "湖北省",
         "红安县人民政府办公室关于2023年度信息报送工作情况的报告"),
        # a 公文's title that opens with its matter gets its issuer, as 公文 titles name it (发文机关 + 事由 + 文种)
        ("关于进一步加强全县安全生产工作情况的汇报", "", 2023, "沭阳县应急管理局", "江苏省",
         "2023年沭阳县应急管理局关于进一步加强全县安全生产工作情况的汇报"),
        ("关于建立汛期值班制度的通知", "", 2021, "桐乡市水利局", "浙江省", "2021年桐乡市水利局关于建立汛期值班制度的通知"),
        ("通 知", "", 2020, "蒲城县人民政府教育督导室", "陕西省", "2020年蒲城县人民政府教育督导室通知"),  # its kind alone
        ("关于建立汛期值班制度的通知", "", 2021, "县水利局", None, "2021年关于建立汛期值班制度的通知"),  # which county's?
        # a party body's place follows 中共; of bodies signing together, the first's names theirs
        ("关于全县重点项目建设督查情况的通报", "", 2023, "中共罗田县委督查室", "湖北省",
         "2023年中共罗田县委督查室关于全县重点项目建设督查情况的通报"),
        ("关于全县重点项目建设督查情况的通报", "", 2023, "中共罗田县委办公室、罗田县人民政府办公室", "湖北省",
         "2023年中共罗田县委办公室、罗田县人民政府办公室关于全县重点项目建设督查情况的通报"),
        # the papers every office writes each year are generic too: 汇报材料, 工作要点, 实施方案, a 党风廉政建设 summary
        ("汇报材料", "", 2023, "罗田县农业农村局", "湖北省", "2023年罗田县农业农村局汇报材料"),
        ("2024年工作要点", "", 2024, "罗田县农业农村局", "湖北省", "2024年罗田县农业农村局工作要点"),
        ("民主生活会对照检查材料", "", 2023, "罗田县农业农村局", "湖北省", "2023年罗田县农业农村局民主生活会对照检查材料"),
        ("2023年党风廉政建设工作总结", "", 2023, "罗田县农业农村局", "湖北省", "2023年罗田县农业农村局党风廉政建设工作总结"),
        ("全面推进乡村振兴 加快农业农村现代化", "", 2023, "罗田县农业农村局", "湖北省", "2023年全面推进乡村振兴 加快农业农村现代化"),
        ("关于桐乡市汛期值班工作的通知", "", 2021, "桐乡市水利局", "浙江省", "2021年关于桐乡市汛期值班工作的通知"),  # (its place named)
        # a town's, village's or community's title names it already
        ("七里坪镇2023年工作总结", "", 2023, "七里坪镇人民政府", None, "七里坪镇2023年工作总结"),
        ("红旗村2023年工作总结", "", 2023, "红旗村村民委员会", None, "红旗村2023年工作总结"),
        # no office known: the province is the owner of its 政府工作报告 only (a county's 汇报 is not the province's)
        ("关于乡村振兴工作情况的汇报", "", 2023, None, "湖北省", "2023年关于乡村振兴工作情况的汇报"),
        # a web title's separator without the site's name beside it is no part of the title shown
        ("区人大莫愁湖街道代表组召开代表“进热线”座谈会 |", "", None, "区人大", None, "区人大莫愁湖街道代表组召开代表“进热线”座谈会"),
        ("｜ 县政协召开社情民意信息工作会议", "", 2022, None, None, "2022年县政协召开社情民意信息工作会议"),
        ("纪检监察我们在行动 | 节前监督不松劲", "", None, None, None, "纪检监察我们在行动 | 节前监督不松劲"),
        ("|", "", None, None, None, "|"),  # (nothing but the separator: the title as it is)
        # a title set out letter by letter is read as one word
        ("政 府 工 作 报 告", "", 2024, "宁海县西店镇人民政府", "浙江省", "2024年宁海县西店镇政府工作报告"),
        # a speech at a meeting of the whole area (在全县…上的讲话) is given every year in every county: its
        # speaker's place or office before it, when known with its place
        ("在全县政务信息工作会议上的讲话", "", 2023, "湄潭县人民政府", "贵州省", "2023年湄潭县在全县政务信息工作会议上的讲话"),
        ("在全市机关作风建设大会上的讲话", "", 2024, "市委", None, "2024年在全市机关作风建设大会上的讲话"),
        ("在红安县政务信息工作会议上的讲话", "", 2023, "红安县人民政府", "湖北省", "2023年在红安县政务信息工作会议上的讲话"),
        # …a county the place table lacks too (renamed since); not a word that stands for a place
        ("在全县安全生产工作会议上的讲话", "", 2024, "平安县人民政府", None, "2024年平安县在全县安全生产工作会议上的讲话"),
        ("在2024年全县安全生产工作会议上的讲话", "", 2024, "平安县人民政府", None, "平安县在2024年全县安全生产工作会议上的讲话"),
        ("在全县安全生产工作会议上的讲话", "", 2024, "本县人民政府", None, "2024年在全县安全生产工作会议上的讲话"),
        # …a town's 表态发言 or 交流发言 at it by its town (a town the table lacks); not a level word's body
        ("在全县经济工作会议上的表态发言", "", 2024, "石门镇", None, "2024年石门镇在全县经济工作会议上的表态发言"),
        ("在全县2024年项目建设动员大会上的表态发言", "", 2024, "铁炉乡党委", None, "铁炉乡党委在全县2024年项目建设动员大会上的表态发言"),
        ("在全县平安建设工作会议上的交流发言", "", 2023, "城关镇人民政府", None, "2023年城关镇在全县平安建设工作会议上的交流发言"),
        ("在全县平安建设工作会议上的交流发言", "", 2023, "镇人民政府", None, "2023年在全县平安建设工作会议上的交流发言"),
        # a town the table lacks, for a title that names its body by the level word
        ("镇人民政府2023年工作总结", "", 2023, "堌阳镇人民政府", None, "堌阳镇人民政府2023年工作总结"),
        ("镇党委2023年工作总结", "", 2023, "堌阳镇人民政府", None, "堌阳镇党委2023年工作总结"),  # the town's, as 萧县政府办
        # 镇域 is a word, not the town (堌阳镇域…); the study of a line of work every town has gets its town before it
        ("镇域经济发展调研报告", "", 2023, "堌阳镇人民政府", None, "2023年堌阳镇镇域经济发展调研报告"),
        # 我县, 我市, 我镇 …: the place its office's name gives at that level, in its stead; left when it gives none
        ("关于我县农村人居环境整治情况的调研报告", "", 2023, "罗田县政协办公室", "湖北省", "2023年关于罗田县农村人居环境整治情况的调研报告"),
        ("关于我镇2023年度安全生产工作情况的报告", "", 2023, "永修县虬津镇人民政府", "江西省", "关于永修县虬津镇2023年度安全生产工作情况的报告"),
        ("我县召开全县政务信息工作会议", "", None, "寿县人民政府办公室", "安徽省", "寿县召开全县政务信息工作会议"),
        ("关于我区2023年度河长制工作情况的报告", "", 2023, "广州市越秀区水务局", "广东省", "关于广州市越秀区2023年度河长制工作情况的报告"),
        ("我镇召开安全生产工作会议", "", None, "堌阳镇人民政府", None, "堌阳镇召开安全生产工作会议"),  # a town the table lacks
        ("关于我县农村人居环境整治情况的调研报告", "", 2023, "县政协", None, "2023年关于我县农村人居环境整治情况的调研报告"),
        ("关于我县农村人居环境整治情况的调研报告", "", 2023, "黄冈市人民政府办公室", "湖北省",
         "2023年关于我县农村人居环境整治情况的调研报告"),
        ("我市场监管局开展食品安全检查", "", None, "红安县市场监督管理局", "湖北省", "我市场监管局开展食品安全检查"),
        # a minutes' number in brackets; a redacted town's title names it already
        ("武功县人民政府常务会议纪要", "第12次", 2019, "武功县人民政府", "陕西省", "2019年武功县人民政府常务会议纪要（第12次）"),
        ("县政府常务会议纪要", "〔2023〕第15次", 2023, "县政府", None, "2023年县政府常务会议纪要（第15次）"),
        ("县政府常务会议纪要", "2023年第15次", None, "县政府", None, "2023年县政府常务会议纪要（第15次）"),  # its year
        ("××镇2023年工作总结", "", 2023, "××镇人民政府", None, "××镇2023年工作总结"),
        # a year written in full-width digits is a year the title has
        ("关于２０２３年第三季度政务信息采用情况的通报", "", 2023, "成武县人民政府办公室", "山东省",
         "成武县人民政府办公室关于２０２３年第三季度政务信息采用情况的通报"),
        ("２０２４年县政府工作要点", "", 2024, "红安县人民政府", "湖北省", "２０２４年红安县政府工作要点"),
        # a title naming its year as a bare number names it (not a count of that size)
        ("关于对2014造林绿化开展督查的通知", "", 2014, "某县人民政府办公室", None, "关于对2014造林绿化开展督查的通知"),
        ("关于下达2000万元补助资金的通知", "", 2000, "某县财政局", None, "2000年关于下达2000万元补助资金的通知"),
        ("关于做好2019防汛工作的通知", "", 2020, "某县人民政府办公室", None, "2020年关于做好2019防汛工作的通知"),
        # a year in Chinese numerals typed with a letter O for its 〇 is a year the title has
        ("舒城县林业局二O二三年工作总结", "", 2023, "舒城县林业局", "安徽省", "舒城县林业局二O二三年工作总结"),
        # an attachment's label in front and a file's suffix behind (a file's name pasted over its text) are not shown
        ("附件1：红安县人民政府办公室2023年工作总结", "", 2023, "红安县人民政府办公室", "湖北省", "红安县人民政府办公室2023年工作总结"),
        ("红安县人民政府办公室2023年工作总结.doc", "", 2023, "红安县人民政府办公室", "湖北省", "红安县人民政府办公室2023年工作总结"),
        # a subtitle is joined with ——
        ("在实现“两个一百年”奋斗目标和中国梦中作出工人阶级新贡献", "第八次全国职工队伍状况调查总报告", 2017, "全国总工会", "全国",
         "2017年在实现“两个一百年”奋斗目标和中国梦中作出工人阶级新贡献——第八次全国职工队伍状况调查总报告"),
    ],
)
def test_display_title(title, subtitle, year, org, region, expected):
    assert display_title(title, subtitle, year, org, region) == expected


@pytest.mark.parametrize(
    ("title", "year", "bulletin", "expected"),
    [
        # an item of a bulletin is shown under its name and issue: the year goes into the issue
        ("我县召开全县政务信息工作会议", 2023, ("政务信息", "第12期"), "《政务信息》2023年第12期：我县召开全县政务信息工作会议"),
        ("防汛工作简报", 2023, ("防汛工作简报", "第5期"), "《防汛工作简报》2023年第5期"),  # an issue of several items
        ("关于上半年重点工作落实情况的通报", 2023, ("督查通报", "2023年第12期（总第45期）"),
         "《督查通报》2023年第12期（总第45期）：关于上半年重点工作落实情况的通报"),
        ("七里坪镇扎实开展作风建设年活动", None, ("工作简报", "第3期"), "《工作简报》第3期：七里坪镇扎实开展作风建设年活动"),
        ("", 2023, ("乡村振兴工作简报", "第5期"), "《乡村振兴工作简报》2023年第5期"),  # an issue of several items: itself
        # a series of minutes is numbered as a meeting is (县政府常务会议纪要（第15次）), not set in book marks
        ("", 2023, ("县长办公会议纪要", "第12期"), "县长办公会议纪要（2023年第12期）"),
        ("关于城区供水改造有关问题的会议纪要", None, ("县长办公会议纪要", "第12期"),
         "县长办公会议纪要（第12期）：关于城区供水改造有关问题的会议纪要"),
        # a title that names its year keeps it, the issue as the masthead gives it
        ("2023年上半年信息工作情况通报", 2023, ("信息工作通报", "第5期"), "《信息工作通报》第5期：2023年上半年信息工作情况通报"),
    ],
)
def test_a_bulletins_item_is_shown_under_its_name_and_issue(title, year, bulletin, expected):
    assert display_title(title, "", year, "县人民政府办公室", None, bulletin) == expected


def test_two_generic_titles_of_two_years_or_places_differ():
    titles = {display_title("政府工作报告", "", year, org, None) for year, org in
              ((2025, "海南省人民政府"), (2026, "海南省人民政府"), (2026, "青海省人民政府"))}
    assert len(titles) == 3


@pytest.mark.parametrize(
    ("title", "opening", "expected"),
    [
        ("述职报告", "我自2021年任堌阳镇党委书记以来，团结带领全镇干部群众。", "堌阳镇党委书记"),
        ("2023年度述职述廉报告", "本人现任红安县七里坪镇镇长，主持镇政府全面工作。", "红安县七里坪镇镇长"),
        ("个人工作总结", "2023年，本人担任县财政局副局长，分管预算股。", "县财政局副局长"),
        ("述职报告", "本人任城关镇党委副书记、镇长以来，始终坚持以人民为中心。", "城关镇党委副书记、镇长"),
        ("个人述职报告", "本人于2020年被任命为县统计局局长。", "县统计局局长"),
        ("述职报告", "作为县委办公室主任，我始终把服务大局放在首位。", "县委办公室主任"),
        ("述职报告", "（红星镇党委书记 陈某）\n2023年，我在县委的正确领导下，带领全镇干部群众。", "红星镇党委书记"),  # a byline
        # not a personal report, or a post named by neither place nor level, or no appointment at all
        ("2023年度领导班子述职报告", "本人任城关镇党委书记以来，始终坚持学习。", ""),
        ("工作总结", "2023年，本人担任县财政局副局长。", ""),  # a body's summary by its title
        ("县委办公室主任述职报告", "本人任县委办公室主任以来，始终坚持学习。", ""),  # the title names it
        ("述职报告", "我担任主任以来，始终坚持学习。", ""),
        ("述职报告", "本人始终把责任扛在肩上，当好镇长的参谋助手。", ""),
        ("述职报告", "我局自2021年任命了3名股长。", ""),  # 我局 speaks as a body
        ("述职报告", "今年以来，县政务服务中心在县委的领导下，扎实推进各项工作。", ""),
        # a post held before is not the one reported on
        ("述职报告", "本人2019年至2022年任城关镇党委书记，2023年1月起任县商务局局长。", ""),
        ("述职报告", "本人曾任城关镇镇长，2022年11月起任县发展和改革局局长。", ""),
        # a post by its duties, not its office (分管副镇长: 分管 is no town)
        ("述职报告", "我作为分管副镇长，始终把安全生产放在首位。", ""),
    ],
)
def test_a_personal_reports_post_is_read_from_its_opening(title, opening, expected):
    assert personal_post(title, opening) == expected


@pytest.mark.parametrize(
    ("title", "year", "post", "org", "expected"),
    [
        # the post names whose report it is, with its office's place when the text gives it
        ("述职报告", 2023, "堌阳镇党委书记", "堌阳镇党委", "2023年堌阳镇党委书记述职报告"),
        ("2023年度述职述廉报告", 2023, "县财政局副局长", "永修县财政局", "2023年度永修县财政局副局长述职述廉报告"),
        ("个人工作总结", None, "七里坪镇镇长", "红安县七里坪镇人民政府", "红安县七里坪镇镇长个人工作总结"),
        ("述职报告", None, "城关镇党委副书记、镇长", "城关镇人民政府", "城关镇党委副书记、镇长述职报告"),
        ("述职报告", 2023, "县委常委、常务副县长", "永修县人民政府", "2023年永修县委常委、常务副县长述职报告"),
        # a title that is no personal report's keeps its words (a sidecar's title, say)
        ("2023年度县政务服务中心工作总结", 2023, "县财政局副局长", "县政务服务中心", "2023年度县政务服务中心工作总结"),
    ],
)
def test_a_personal_reports_display_title_names_the_post(title, year, post, org, expected):
    assert display_title(title, "", year, org, None, post=post) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("北京市通州区企业员工参与社会保险及 待遇落实情况调研报告.txt", "北京市通州区企业员工参与社会保险及待遇落实情况调研报告"),
        ("松桃县调研报告__GB18030_CRLF.txt", "松桃县调研报告"),
        ("2026_广东省_政府工作报告.txt", "广东省政府工作报告"),  # fields joined like a title
        ("中山市政务数据管理办法(FBM-CLI.11.1598088).txt", "中山市政务数据管理办法"),
        ("000_90a8bdb48d7b146b.txt", ""),
        # the names programs give a new or copied file are no title
        ("新建文本文档.txt", ""), ("新建 Microsoft Word 文档 (2).txt", ""), ("微信图片_2023.txt", ""), ("未命名文档.txt", ""),
        ("关于新建文本文档管理的通知.txt", "关于新建文本文档管理的通知"),
        # a text saved from an office document keeps that document's suffix in its name
        ("2023年县政府办工作总结.docx.txt", "2023年县政府办工作总结"), ("督查通报第3期.DOC.txt", "督查通报第3期"),
    ],
)
def test_title_from_filename(name, expected):
    assert title_from_filename(name) == expected


def test_an_inferred_title_names_the_campaign_the_report_answers():
    opening = "根据《xx市人民政府办公室关于开展“提质效促落实强本领促发展”能力提升行动的通知》要求，我办坚持…"
    assert infer_title("县政府办公室", "工作总结", opening) == "县政府办公室“提质效促落实强本领促发展”能力提升行动工作总结"
    assert infer_title("县政府办公室", "工作总结", "今年以来，县政府办公室领导班子团结带领全体干部…") == "县政府办公室领导班子工作总结"
    assert infer_title("县政府办公室", "工作总结", "今年以来，我办认真履职。") == "县政府办公室工作总结"
    assert infer_title(None, "其他", "为更加深入了解情况，开展了调研。") == "为更加深入了解情况"


def test_an_inferred_notice_title_says_what_its_formula_names():
    assert infer_title("县政府办公室", "通知", "现就做好2018年汛期防汛值班工作通知如下：") == "县政府办公室关于做好2018年汛期防汛值班工作的通知"
    assert infer_title(None, "通知", "现将2015年国庆节放假有关事项通知如下：") == "关于2015年国庆节放假的通知"
    # …放假及有关事项: the matters are joined to the subject, not left off it (…放假及的通知)
    assert infer_title(None, "通知", "现将2015年国庆节放假及有关事项通知如下：") == "关于2015年国庆节放假及有关事项的通知"
    assert infer_title(None, "通知", "现将会议和相关事项通知如下：") == "关于会议和相关事项的通知"


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("本报讯(记者刘婧)6月22日,市纪委组成3个联合暗访组,对机关工作纪律进行暗访。", "市纪委组成3个联合暗访组"),
        ("建始网讯(融媒体记者万雪芬)5月21日,州环保督导组来建始督导整改工作。", "州环保督导组来建始督导整改工作"),
        ("(中国乡镇网安徽讯)棠溪镇组织开展新闻宣传专题培训。", "棠溪镇组织开展新闻宣传专题培训"),
        ("新华社北京2月9日电 日前，中央纪委通报3起典型问题。", "中央纪委通报3起典型问题"),
        ("本报讯 记者姜明助、通讯员陈琳、田亮报道:连日来,嘉鱼县组织县直巡查组开展交叉巡查。", "嘉鱼县组织县直巡查组开展交叉巡查"),
        ("(蕲春广播电视台全媒体记者朱卫红报道)6月14日,县政协召开社情民意信息工作会议。", "县政协召开社情民意信息工作会议"),
        ("云上恩施报道 10月13日,恩施州政府召开第四季度重点工作督查动员部署会。", "恩施州政府召开第四季度重点工作督查动员部署会"),
        ("海都讯 中秋、国庆“两节”将至,莆田市纪委紧盯重要时间节点。", "莆田市纪委紧盯重要时间节点"),
        ("荆楚网消息 7月23日至31日,天门市“四大家”班子成员带队开展调研督办。", "天门市“四大家”班子成员带队开展调研督办"),
        # (a site named 在线: 枞阳在线消息)
        ("枞阳在线消息 8月3日,市纪委干部监督室主任田千亥率队来枞阳专项督查。", "市纪委干部监督室主任田千亥率队来枞阳专项督查"),
        ("长城网8月24日讯(通讯员 刘富秀)近日,灵寿县审计局与县政府督查室开展核实。", "灵寿县审计局与县政府督查室开展核实"),
        ("(记者 张某)5月27日,我市2018年事业单位公开招聘工作人员笔试顺利举行。", "我市2018年事业单位公开招聘工作人员笔试顺利举行"),
        ("春节长假过后,2月3日早,冯原镇迅即召开全体干部会议。", "冯原镇迅即召开全体干部会议"),
        # 今天 only says when; 各乡镇 is no town that could be the subject
        ("为推动有关工作落实。今天,县委办、县政府办组成三个督查组,深入各乡镇督导检查。", "县委办、县政府办组成三个督查组"),
        # a clause longer than a title is cut, and says so
        ("州环保第三督导组来建始调研督导落实中央环保督察反馈问题整改工作。", "州环保第三督导组来建始调研督导落实中央环保督察反馈问题整改…"),
        # a purpose clause is no title: the clause of its subject is (a short one with the next)
        ("为进一步加强作风建设,优化发展环境,近日,中厂镇以“四个严明”举措重申工作纪律,促进工作落实。", "中厂镇以“四个严明”举措重申工作纪律"),
        ("(中国乡镇网安徽讯)为进一步提升信息员素质,把握好重点,棠溪镇三步走,推动培训再上新台阶。", "棠溪镇三步走，推动培训再上新台阶"),
        ("为加强作风建设,贯彻落实活动要求,阳明区加大监督力度,公开曝光典型案件。", "阳明区加大监督力度"),
        # …or the clause that runs on from its day (not a span of days)
        ("为进一步加强热线工单办理工作,2026年1月6日下午召开了全区热线工作推进会。", "召开了全区热线工作推进会"),
        ("根据县委统一安排,2022年3月7日至2022年4月29日,县委派出3个巡察组开展常规巡察。", "县委派出3个巡察组开展常规巡察"),
        # a clause that only says when is no title: 期间, 以来, a range of months
        ("清明节期间,县纪委监委成立4个督查小组,开展明察暗访。", "县纪委监委成立4个督查小组"),
        ("本报讯（记者 张某）元旦前夕，市纪委监委组成4个暗访组，对全市机关作风进行明察暗访。", "市纪委监委组成4个暗访组"),
        ("机关作风整顿工作开展以来,三个督查组聚焦突出问题。", "三个督查组聚焦突出问题"),
        ("2022年1-6月,12345市民热线共受理市民各类诉求2580件。", "12345市民热线共受理市民各类诉求2580件"),
        ("自2015年3月起,镇巴县纪委作出安排部署,实行明察暗访轮岗制。", "镇巴县纪委作出安排部署"),
        ("当前正值春节过后正式回归工作状态之际,镇机关干部是否在岗在位?", "镇机关干部是否在岗在位"),
        ("新年伊始,为积极整顿全县干部职工工作纪律,整治节后综合症。2月6日,由县纪委组成联合督察组,开展突击督查。", "县纪委组成联合督察组"),
        ("大众网滨州3月2日讯(记者 张某 通讯员 李某) 滨城区市东街道开展人口信息采集。", "滨城区市东街道开展人口信息采集"),
        ("某某新闻网·红网某某站6月15日讯(通讯员 王某) 镇政府连夜部署防汛。", "镇政府连夜部署防汛"),
        ("本刊讯(记者王某 通讯员李某)为提升成效,11月7日上午,某镇召开村村互查部署会。", "某镇召开村村互查部署会"),
        ("新华网昆明2月13日电(记者王某)11日,县政务服务管理局通报窗口人员违纪。", "县政务服务管理局通报窗口人员违纪"),
        ("某某日报讯 9月5日晚至6日,常务副县长在县政府总值班室抽查值班情况。", "常务副县长在县政府总值班室抽查值班情况"),
        ("东北网12月15日讯 11月初,县纪委开展机关效能建设专项活动。", "县纪委开展机关效能建设专项活动"),
        ("近日,记者从市档案馆获悉,该馆档案数字化工作已完成七成。", "该馆档案数字化工作已完成七成"),
        ("报道(记者 孙欣)11月10日上午,市政府召开电子政务专题会议。", "市政府召开电子政务专题会议"),
        # 通讯 and 资讯 are words, not a dateline
        ("通讯保障有力，全县未发生重大事故。", "通讯保障有力"),
        ("通讯员王晨曦 刘爽报道:11月27日,刘猴镇召开新闻宣传和舆情应对培训会。", "刘猴镇召开新闻宣传和舆情应对培训会"),
        # nor is the time (今年初, 今天(…)上午, …结束后) or the circumstances (在…领导下, 在…会上) a clause opens with
        ("今年初,京山县政协按照票决方式产生重点督办提案。", "京山县政协按照票决方式产生重点督办提案"),
        ("2月18日上午,春节后的第一个工作日,潭门镇召开2021年工作例会。", "潭门镇召开2021年工作例会"),
        ("最近,大埔县在全县21个镇中聘请了作风建设监督员。", "大埔县在全县21个镇中聘请了作风建设监督员"),
        ("今天(12月20日)上午,副县长在县自然资源局主持召开调度例会。", "副县长在县自然资源局主持召开调度例会"),
        ("鲤城区“两会”结束后,区长责成政府办抓好建议提案办理。", "区长责成政府办抓好建议提案办理"),
        ("今年以来,在区委、区政府的正确领导下,行者街道党工委大胆创新。", "行者街道党工委大胆创新"),
        ("在平乐镇召开的春节收心会上,镇班子成员向全镇干部致以春节祝福。", "镇班子成员向全镇干部致以春节祝福"),
        # nor the words of a scene the item opens on (questions asked, a 督办函 quoted): what it then tells is
        ("“你们单位一共23人……”这是6月4日，新田县联合督查组在审计局突击督查时的情形。", "新田县联合督查组在审计局突击督查时的情形"),
        ("“你们对异味问题是怎么整改的?”“你们采取了哪些措施?”区委第一督查组在督查公司整改情况时问到。",
         "区委第一督查组在督查公司整改情况时问到"),
        ("“您了解城市管理政策吗?”\n6月15日,人民路街道纪工委对沿街商超进行走访。", "人民路街道纪工委对沿街商超进行走访"),
        ("“你好,今日有没有请假的?”为严防“节后病”发生,洛阳市纪委在元旦后成立监督检查组。", "洛阳市纪委在元旦后成立监督检查组"),
        ("9月4日上午,在汤家汇镇三楼会议室,召开三季度政务公开工作推进会。", "召开三季度政务公开工作推进会"),
        ("刘慧珈报道:近日,湘东镇政协联络组开展安全督查活动。", "湘东镇政协联络组开展安全督查活动"),
        # a body its level names is a subject (市纪委监委…), and a day a clause runs on from is no part of it
        ("“五一”、端午将至,为持续净化节日风气,市纪委监委部署开展“四风”问题监督检查工作,分为两个阶段:“五一”期间为第一时段。",
         "市纪委监委部署开展“四风”问题监督检查工作"),
        ("7月4日下午县纪委一行对法院进行了突击检查。", "县纪委一行对法院进行了突击检查"),
        # the bodies that lead, without the 由 before them
        ("2018年8月28日至29日,由县纪委监委、县委巡察办牵头,县级分管领导参加,对相关单位进行约谈。", "县纪委监委、县委巡察办牵头"),
        # grounds are no title: the clause their sentence goes on to is, when no subject was found (not a formula)
        ("从5月中旬开始,按照局主要领导的指示要求,局纪委与督查二科联合开展督查。", "局纪委与督查二科联合开展督查"),
        ("根据《保密法》有关规定,特制定本制度。", "根据《保密法》有关规定"),
        # (a quoted term is no scene)
        ("“四风”问题专项整治推进会召开。", "“四风”问题专项整治推进会召开"),
    ],
)
def test_an_inferred_title_reads_past_a_news_dateline(opening, expected):
    """Who wrote a news item and when (本报讯(记者…)6月22日) is no title: the clause after it is."""
    assert infer_title(None, "其他", opening) == expected


def test_a_personal_reports_byline_names_its_post_in_the_display_title():
    text = "述职述廉报告\n（2023年12月）\n县政府办公室副主任  刘芳\n按照县委统一安排，现将本人履职情况报告如下：\n一、加强学习\n坚持读原著。\n"
    meta = convert_report(text.encode(), "述职述廉报告.txt", {}).meta
    assert (meta["display_title"], meta["org"], meta["year"]) == ("2023年县政府办公室副主任述职述廉报告", "县政府办公室", 2023)


def test_a_personal_reports_post_reaches_its_display_title():
    text = ("述职报告\n\n各位领导、同志们：\n我自2021年任堌阳镇党委书记以来，团结带领全镇干部群众，认真履职尽责。\n"
            "一、加强理论学习\n坚持读原著学原文。\n二、推动经济发展\n全年完成固定资产投资5.2亿元。\n述职人：王某某\n2023年12月25日\n")
    meta = convert_report(text.encode(), "述职报告.txt", {}).meta
    assert (meta["display_title"], meta["org"], meta["title"]) == ("2023年堌阳镇党委书记述职报告", "堌阳镇党委", "述职报告")


def test_a_traditional_texts_display_title_is_read_folded():
    """政府工作報告 is as generic as 政府工作报告: its place is put in, and the display is folded throughout, as the
    org is (宁化县 before 政府工作報告 would mix the two); a title that gets only its year is shown as written."""
    text = ("政府工作報告\n——2024年1月10日在寧化縣第十八屆人民代表大會第四次會議上\n寧化縣人民政府縣長  張偉\n各位代表：\n"
            "現在，我代表縣人民政府，向大會報告工作，請予審議。\n")
    meta = convert_report(text.encode(), "a.txt", {}).meta
    assert (meta["display_title"], meta["org"], meta["title"]) == ("2024年宁化县政府工作报告", "宁化县人民政府", "政府工作報告")
    text = "關於做好防汛值班工作的通知\n各鄉鎮人民政府：\n現將有關事項通知如下。\n縣政府辦公室\n2023年6月1日\n"
    assert convert_report(text.encode(), "a.txt", {}).meta["display_title"] == "2023年關於做好防汛值班工作的通知"
