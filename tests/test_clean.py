"""Unit tests for baogao.clean: drop what is not report text, keep every word that is.

Vectors are tables of (input text, expected lines) or (input text, must_include lines,
must_not_include lines), plus (input text, expected removal counts).
"""

from __future__ import annotations

import pytest

from baogao.clean import clean
from baogao.model import Cleaned

P1 = "一年来，办公室坚持围绕中心、服务大局，圆满完成了各项工作任务。"
P2 = "二是加强督查督办，确保各项决策部署落地见效。"

# --------------------------------------------------------------------------------------------
# Exact results: (input text, expected lines)
# --------------------------------------------------------------------------------------------
WEB = "发布时间：2026-02-09 10:00"  # a web page's chrome: the page's source and editor lines go with it
EXACT = [
    # paywall markers, anywhere in a line
    pytest.param("落实局##paidbegin##党组决议", ["落实局党组决议"], id="marker-mid-line"),
    pytest.param("##paidbegin##\n正文。\n##paidend##", ["正文。"], id="marker-lines-vanish"),
    pytest.param("一、##paidbegin##加强领导##paidend##", ["一、加强领导"], id="two-markers-one-line"),
    pytest.param("正文##paid_begin2##。", ["正文。"], id="marker-underscore-digit"),
    pytest.param("列表 ## 不是标记 ##", ["列表 ## 不是标记 ##"], id="hashes-with-spaces-kept"),
    pytest.param("##123##编号", ["##123##编号"], id="hashes-around-digits-kept"),
    # zero-width and invisible characters
    pytest.param("正\u200b文\u200c内\u200d容\u2060完\ufeff毕\u00ad。", ["正文内容完毕。"], id="zero-width-all-kinds"),
    pytest.param("\ufeff政府工作报告", ["政府工作报告"], id="leading-bom-char"),
    pytest.param("正文。\n\u200b\n下一段。", ["正文。", "下一段。"], id="zero-width-only-line-vanishes"),
    # legal-database header lines
    pytest.param("【法宝引证码】CLI.11.1598088\n正文。", ["正文。"], id="fabao-code"),
    pytest.param("原文链接：http://www.pkulaw.com/lar/123.html\n正文。", ["正文。"], id="source-link-fullwidth-colon"),
    pytest.param("原文链接:https://example.org/x\n正文。", ["正文。"], id="source-link-ascii-colon"),
    pytest.param("正文引用【法宝引证码】的说明。", ["正文引用【法宝引证码】的说明。"], id="fabao-mid-line-kept"),
    # (a 原文链接 that names the title a repost copies is its credit, the text's own)
    pytest.param("正文。\n原文链接：关于持续征集问题线索的公告", ["正文。", "原文链接：关于持续征集问题线索的公告"],
                 id="source-link-naming-a-title-kept"),
    # indentation and white space
    pytest.param("\u3000\u3000一、工作回顾", ["一、工作回顾"], id="fullwidth-indent"),
    pytest.param("    正文。  \t", ["正文。"], id="ascii-indent-and-trailing"),
    pytest.param("正文 内容\u3000中间\t有空格", ["正文 内容\u3000中间\t有空格"], id="inner-spaces-kept"),
    pytest.param("\n\n  \n\u3000\n正文。\n\n\n", ["正文。"], id="blank-lines-dropped"),
    pytest.param("", [], id="empty"),
    # every character str.splitlines ends a line at: a web editor's U+2028/U+2029, Word's manual line break U+000B
    pytest.param("罗田县统计局2023年工作总结\u2028\u2028\u3000\u30002023年，我局扎实推进各项工作。\u2028一、主要工作\u2028",
                 ["罗田县统计局2023年工作总结", "2023年，我局扎实推进各项工作。", "一、主要工作"], id="line-separator-u2028"),
    pytest.param("正文。\u2029一、主要工作\x0b二、存在问题\x0c三、下步打算\x85四、其他\r五、附件",
                 ["正文。", "一、主要工作", "二、存在问题", "三、下步打算", "四、其他", "五、附件"], id="every-line-break"),
    # the toolbar cluster that web pages leave
    pytest.param(
        f"{P1}\n下载\n打印\n【字号：\n加大\n还原\n减小\n】\n来源：市政府办公室\n时间：2026-02-09\n{P2}",
        [P1, P2],
        id="toolbar-cluster",
    ),
    pytest.param(f"{P1}\n【字号：大 中 小】\n大\n{P2}", [P1, P2], id="font-size-widget-and-its-word"),
    pytest.param(f"{P1}\n大\n中\n小\n【字号：】\n{P2}", [P1, P2], id="weak-words-before-strong"),
    pytest.param(f"{P1}\n您的位置：\n首页\n>\n政务信息\n>\n要闻\n{P2}", [P1, P2], id="breadcrumb-gt"),
    pytest.param(f"{P1}\n当前位置：首页 > 政务公开\n{P2}", [P1, P2], id="breadcrumb-one-line"),
    # a page's source, editor and author lines, on a page that shows its chrome (WEB, elsewhere)
    pytest.param(f"{P1}\n来源：\n青海日报\n{P2}\n{WEB}", [P1, P2], id="bare-source-label-and-value"),
    pytest.param(f"{P1}\n（来源：青海日报）\n{P2}\n{WEB}", [P1, P2], id="source-in-parens"),
    pytest.param(f"{P1}\n来 源：县政府办\n{P2}\n{WEB}", [P1, P2], id="source-spaced-label"),
    pytest.param(f"{P1}\n责任编辑：李某\n{P2}\n{WEB}", [P1, P2], id="editor"),
    pytest.param(f"{P1}\n责任编辑：\n李四\n{P2}\n{WEB}", [P1, P2], id="bare-editor-label-and-value"),
    pytest.param(f"{P1}\n发布时间：2026-02-09 10:00\n{P2}", [P1, P2], id="publish-time"),
    pytest.param(f"{P1}\n2026-01-31 07:00:44\n{P2}", [P1, P2], id="timestamp"),
    pytest.param(f"{P1}\n2026年1月31日 7时00分\n{P2}", [P1, P2], id="timestamp-chinese"),
    pytest.param(f"{P1}\n阅读量：1024\n浏览次数：88\n{P2}", [P1, P2], id="counters"),
    pytest.param(f"{P1}\n打印本页\n关闭窗口\n【关闭】\n{P2}", [P1, P2], id="print-close"),
    pytest.param(f"{P1}\n分享到：微信 微博\n{P2}", [P1, P2], id="share-to"),
    pytest.param(f"{P1}\n相关报道\n{P2}", [P1, P2], id="related-news"),
    # a page's labels above its title or right under it, and at its end
    pytest.param(f"县政府召开常务会议\n{WEB}\n来源：县政府办\n{P1}\n{P2}\n责任编辑：李某", ["县政府召开常务会议", P1, P2],
                 id="labels-under-the-title-and-at-the-end"),
    pytest.param(f"来源：县政府办\n作者：张三\n县政府召开常务会议\n{P1}\n{WEB}", ["县政府召开常务会议", P1], id="labels-above-the-title"),
    pytest.param(f"下载\n打印\n【字号：\n】\n2026年上海市政府工作报告\n——2026年2月3日在上海市第十六届人民代表大会第四次会议上\n"
                 f"来源：解放日报\n时间：2026-02-09\n{P1}",
                 ["2026年上海市政府工作报告", "——2026年2月3日在上海市第十六届人民代表大会第四次会议上", P1], id="labels-under-the-subtitle"),
    pytest.param(f"县政府召开常务会议\n{WEB}\n{P1}\n{P2}\n责任编辑：\n李四\n扫一扫在手机打开当前页\n相关附件>>",
                 ["县政府召开常务会议", P1, P2, "扫一扫在手机打开当前页"], id="labels-over-the-pages-footer"),
]


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_clean_exact(text: str, expected: list[str]) -> None:
    assert list(clean(text).lines) == expected


# --------------------------------------------------------------------------------------------
# Real report text that looks a little like clutter must stay: (input, must_include, must_not_include)
# --------------------------------------------------------------------------------------------
LONG_SOURCE = "来源：本报告所用数据均来自市统计局年度统计公报以及各部门报送的材料，经汇总整理形成。"
KEEPS = [
    pytest.param(f"{P1}\n大\n{P2}", ["大"], [], id="lone-da-between-paragraphs"),
    pytest.param(f"{P1}\n大\n中\n小\n{P2}", ["大", "中", "小"], [], id="da-zhong-xiao-without-strong-clutter"),
    pytest.param(f"{P1}\n下载\n{P2}", ["下载"], [], id="lone-toolbar-word"),
    pytest.param(f"{P1}\n首页\n>\n{P2}", ["首页", ">"], [], id="breadcrumb-words-without-strong"),
    pytest.param("这些经验来源于群众，来源于实践。", ["这些经验来源于群众，来源于实践。"], [], id="laiyuan-in-sentence"),
    pytest.param("来源于群众的意见建议共128条。", ["来源于群众的意见建议共128条。"], [], id="sentence-starting-laiyuanyu"),
    pytest.param(LONG_SOURCE, [LONG_SOURCE], [], id="long-line-starting-laiyuan"),
    pytest.param("编辑部门要加强稿件审核工作，确保内容准确无误。", ["编辑部门要加强稿件审核工作，确保内容准确无误。"], [], id="bianji-in-sentence"),
    pytest.param("关闭落后产能企业12家，淘汰老旧车辆300辆。", ["关闭落后产能企业12家，淘汰老旧车辆300辆。"], [], id="guanbi-in-sentence"),
    pytest.param("打印复印设备统一管理，节约办公经费。", ["打印复印设备统一管理，节约办公经费。"], [], id="dayin-in-sentence"),
    pytest.param("分享到各科室学习的材料有20份，效果明显，受到广泛好评和普遍认可。",
                 ["分享到各科室学习的材料有20份，效果明显，受到广泛好评和普遍认可。"], [], id="long-share-sentence"),
    pytest.param("时间：2026年2月9日", ["时间：2026年2月9日"], [], id="meeting-time-chinese-date"),
    pytest.param("一、加大投入力度\n二、还原事实真相", ["一、加大投入力度", "二、还原事实真相"], [], id="toolbar-words-in-headings"),
    pytest.param(f"{P1}\n大\n{P2}\n【字号：大 中 小】", ["大"], ["【字号：大 中 小】"], id="weak-word-kept-when-strong-is-not-adjacent"),
    pytest.param(f"{P1}\n来源：\n{P2}\n{WEB}", [P1, P2], ["来源："], id="bare-label-before-sentence-keeps-sentence"),
    # …and without a page's chrome they are the document's own lines: a meeting's time, a table's source, a byline
    pytest.param("县长办公会议纪要\n时间：2023-10-13 上午9:00\n地点：县政府三楼会议室\n会议研究了城区供水管网改造问题。",
                 ["时间：2023-10-13 上午9:00"], [], id="minutes-time-line"),
    pytest.param(f"{P1}\n来源：县统计局\n{P2}", ["来源：县统计局"], [], id="a-tables-source-note"),
    pytest.param("关于我县农村集体经济发展情况的调研报告\n作者：张某某\n一、基本情况", ["作者：张某某"], [], id="a-studys-byline"),
    pytest.param(f"{P1}\n责任编辑：\n李四\n{P2}", ["责任编辑：", "李四"], [], id="bulletin-editor-without-a-page"),
    # a process in a rule's text, joined by > like a breadcrumb, but not at the top of a web page
    pytest.param(f"县政务服务管理办法\n{P1}\n办理流程：\n申请 > 审核 > 审批 > 办结\n{P2}", ["申请 > 审核 > 审批 > 办结"], [],
                 id="a-process-joined-by-arrows"),
    pytest.param(f"{P1}\n流程为：申请 > 审核 > 审批 > 办结。\n{P2}\n{WEB}", ["流程为：申请 > 审核 > 审批 > 办结。"], [],
                 id="a-process-sentence-on-a-web-page"),
    pytest.param("红安县不动产登记办事指南\n二、办理流程\n网上申请 > 窗口受理 > 审核登簿 > 缮证发证\n三、办理时限\n5个工作日。",
                 ["网上申请 > 窗口受理 > 审核登簿 > 缮证发证"], [], id="a-guides-process-under-a-heading"),
    pytest.param(f"红安县不动产登记办事指南\n发布时间：2023-12-28 10:00:00\n{P1}\n网上申请 > 窗口受理 > 审核登簿 > 缮证发证\n{P2}",
                 ["网上申请 > 窗口受理 > 审核登簿 > 缮证发证"], ["发布时间：2023-12-28 10:00:00"], id="a-guides-process-on-a-web-page"),
    pytest.param(f"{P1}\n来源：县统计局 作者：张三\n时间：2023-10-13 上午9:00 地点：县政府三楼会议室\n{P2}",
                 ["来源：县统计局 作者：张三", "时间：2023-10-13 上午9:00 地点：县政府三楼会议室"], [], id="a-studys-byline-is-no-page"),
    # …and on a web page, such lines in its text, neither by its title nor at its end, are the document's
    pytest.param("关于2023年度优秀新闻作品评选结果的公示\n发布时间：2024-01-10　　来源：县委宣传部\n经评审，以下作品拟评为优秀新闻作品：\n"
                 "1.《大别山里的新农人》\n作者：张三\n编辑：李四\n2.《板栗丰收了》\n作者：王五\n编辑：赵六\n公示时间：2024年1月10日至1月16日。",
                 ["作者：张三", "编辑：李四", "作者：王五", "编辑：赵六"], ["发布时间：2024-01-10　　来源：县委宣传部"],
                 id="a-notices-bylines-on-a-web-page"),
    pytest.param(f"评选结果的公示\n{WEB}\n{P1}\n2.《板栗丰收了》\n作者：王五\n编辑：赵六\n公示时间：2024年1月10日至1月16日。\n打印本页",
                 ["作者：王五", "编辑：赵六"], ["打印本页"], id="a-notices-last-byline-over-its-closing-sentence"),
    pytest.param("罗田县融媒体中心2024年公开招聘工作人员公告\n发布时间：2024-03-01 10:00:00　　浏览次数：1236\n"
                 "县融媒体中心决定公开招聘工作人员5名。\n一、招聘岗位及人数\n编辑：2名\n记者：3名\n二、报名时间\n时间：2024-03-05至2024-03-10",
                 ["编辑：2名", "时间：2024-03-05至2024-03-10"], [], id="a-posts-and-a-period-on-a-web-page"),
    pytest.param(f"罗田县2023年经济运行情况\n发布时间：2024-01-20　浏览次数：120\n{P1}\n表1　主要经济指标\nGDP　　200亿元　　6.5%\n"
                 f"来源：县统计局\n一、工业\n{P2}", ["来源：县统计局"], [], id="a-tables-source-note-on-a-web-page"),
]


@pytest.mark.parametrize(("text", "must_include", "must_not_include"), KEEPS)
def test_real_text_is_kept(text: str, must_include: list[str], must_not_include: list[str]) -> None:
    lines = clean(text).lines
    for line in must_include:
        assert line in lines
    for line in must_not_include:
        assert line not in lines


# --------------------------------------------------------------------------------------------
# Real text starting like clutter stays; clutter is removed whole.
# --------------------------------------------------------------------------------------------
BUGS = [
    pytest.param(
        f"{P1}\n分享经验，共同提高。\n{P2}", ["分享经验，共同提高。"], [],
        id="sentence-starting-fenxiang",
    ),
    pytest.param(
        f"{P1}\n分享发展成果\n{P2}", ["分享发展成果"], [],
        id="heading-starting-fenxiang",
    ),
    pytest.param(
        f"{P1}\n您的位置：\n首页\n/\n政务信息\n/\n要闻\n{P2}", [P1, P2], ["/", "政务信息", "要闻"],
        id="breadcrumb-slash",
    ),
    pytest.param(
        f"{P1}\n当前位置：\n首页\n→\n工作报告\n{P2}", [P1, P2], ["→", "工作报告"],
        id="breadcrumb-arrow",
    ),
    pytest.param(
        f"{P1}\n分享到：\n微信\n微博\nQQ空间\n{P2}", [P1, P2], ["微信", "微博", "QQ空间"],
        id="share-targets-on-own-lines",
    ),
    # a breadcrumb on one line at the top, with or without 当前位置; a line of page labels; a WeChat post's chrome
    pytest.param(f"沂水县人民政府网　>　乡镇动态　>　许家湖镇\n{P1}\n{P2}", [P1, P2], ["沂水县人民政府网　>　乡镇动态　>　许家湖镇"],
                 id="breadcrumb-on-one-line"),
    pytest.param(f"首页 > 乡镇动态\n{P1}\n{P2}", [P1, P2], ["首页 > 乡镇动态"], id="breadcrumb-of-two-crumbs-from-home"),
    pytest.param(f"申请 > 审核\n{P1}\n{P2}", ["申请 > 审核", P1, P2], [], id="two-crumbs-not-from-home-stay"),
    pytest.param(f"红安县<b>2023年</b>工作总结\n{P1}", ["红安县<b>2023年</b>工作总结", P1], [], id="a-title-in-markup-is-no-breadcrumb"),
    pytest.param(f"{P1}\n信息来源：许家湖镇 发布时间：2024-02-01 点击数：867\n{P2}", [P1, P2],
                 ["信息来源：许家湖镇 发布时间：2024-02-01 点击数：867"], id="a-line-of-page-labels"),
    pytest.param(f"{P1}\n发布时间：2023-05-16 10:22  来源：县应急管理局\n{P2}", [P1, P2],
                 ["发布时间：2023-05-16 10:22  来源：县应急管理局"], id="page-labels-with-the-hour"),
    pytest.param(f"{P1}\n来源：石门乡 | 发布时间：2023-05-06 | 浏览：120\n{P2}", [P1, P2],
                 ["来源：石门乡 | 发布时间：2023-05-06 | 浏览：120"], id="page-labels-set-apart-by-bars"),
    pytest.param(f"{P1}\n时间：2023-05-06 来源：县政府网 点击：33\n{P2}", [P1, P2],
                 ["时间：2023-05-06 来源：县政府网 点击：33"], id="page-labels-with-a-bare-time"),
    pytest.param(f"{P1}\n时间：2023年5月10日上午 地点：县政府三楼会议室\n{P2}", [P1, "时间：2023年5月10日上午 地点：县政府三楼会议室", P2],
                 [], id="minutes-time-and-place-stay"),
    pytest.param(f"{P1}\n【来源：鄱阳县融媒体中心】　作者：王磊　日期：2024-05-20\n{P2}", [P1, P2],
                 ["【来源：鄱阳县融媒体中心】　作者：王磊　日期：2024-05-20"], id="page-labels-source-and-day-in-brackets"),
    pytest.param(f"{P1}\n2023-04-12 09:30　来源：荆门日报\n{P2}", [P1, P2], ["2023-04-12 09:30　来源：荆门日报"], id="page-hour-and-source"),
    pytest.param(f"原创 府山街道 柯城府山发布 2023-12-28 18:05 发表于浙江\n{P1}\n{P2}\n阅读原文\n上一篇：关于开展春季植树的通知",
                 [P1, P2], ["阅读原文", "上一篇：关于开展春季植树的通知"], id="a-wechat-posts-chrome"),
    # its call to follow the account, above the text or under it
    pytest.param(f"点击上方蓝字关注我们\n{P1}\n{P2}\n长按识别二维码关注", [P1, P2], ["点击上方蓝字关注我们", "长按识别二维码关注"],
                 id="a-wechat-posts-call-to-follow"),
    pytest.param(f"点击上方“红安发布”关注我们\n{P1}", [P1], ["点击上方“红安发布”关注我们"], id="a-call-to-follow-a-named-account"),
    pytest.param(f"{P1}\n点击进入县长信箱，关注民生诉求办理情况。", [P1, "点击进入县长信箱，关注民生诉求办理情况。"], [],
                 id="a-sentence-on-following-stays"),
    # a WeChat post's toolbar and counters at its end, beside its chrome; the words in a report's text stay
    pytest.param(f"{P1}\n{P2}\n阅读原文\n分享\n收藏\n赞31\n在看8\n写留言\n留言", [P1, P2], ["赞31", "在看8", "写留言", "留言"],
                 id="a-wechat-posts-counters"),
    pytest.param(f"{P1}\n留言\n{P2}\n赞31", [P1, "留言", P2, "赞31"], [], id="counters-without-chrome-stay"),
    pytest.param(f"{P1}\n阅读 10万+\n转发 1200\n分享到：", [P1, "阅读 10万+", "转发 1200"], ["分享到："], id="a-reports-own-figures-stay"),
]


@pytest.mark.parametrize(("text", "must_include", "must_not_include"), BUGS)
def test_clutter_edge_cases(text: str, must_include: list[str], must_not_include: list[str]) -> None:
    lines = clean(text).lines
    for line in must_include:
        assert line in lines, lines
    for line in must_not_include:
        assert line not in lines, lines


def test_bare_label_and_value_go_together() -> None:
    lines = clean(f"{P1}\n作者：\n张三\n{P2}").lines
    assert ("作者：" in lines) == ("张三" in lines), lines


# --------------------------------------------------------------------------------------------
# Counts by kind: (input text, expected `removed`)
# --------------------------------------------------------------------------------------------
COUNTS = [
    pytest.param("正文。", {}, id="nothing-removed-is-empty-dict"),
    pytest.param("落实局##paidbegin##党组决议", {"markers": 1}, id="one-marker"),
    pytest.param("##paidbegin##正文##paidend##\n##paidbegin##", {"markers": 3}, id="three-markers"),
    pytest.param("正\u200b文\ufeff。\u200d", {"zero_width": 3}, id="zero-width"),
    pytest.param("【法宝引证码】CLI.1.2\n原文链接：http://x.cn/1\n正文。", {"header_lines": 2}, id="header-lines"),
    pytest.param(f"{P1}\n下载\n打印\n【字号：\n加大\n还原\n减小\n】\n来源：市政府办公室\n时间：2026-02-09\n{P2}",
                 {"clutter_lines": 9}, id="toolbar-cluster-9"),
    pytest.param(f"{P1}\n来源：\n青海日报\n{P2}\n{WEB}", {"clutter_lines": 3}, id="label-and-value-2-and-the-page-line"),
    pytest.param(f"{P1}\n来源：\n青海日报\n{P2}", {}, id="label-and-value-kept-without-a-page"),
    pytest.param(
        "【法宝引证码】CLI.1.2\n\u3000\u3000落实局##paidbegin##党组\u200b决议。\n打印本页\n2026-01-31 07:00:44",
        {"clutter_lines": 2, "header_lines": 1, "markers": 1, "zero_width": 1},
        id="every-kind",
    ),
    pytest.param("\u3000\u3000正文。\n\n\n", {}, id="indent-and-blank-lines-not-counted"),
]


@pytest.mark.parametrize(("text", "posted"), [
    (f"{P1}\n发布时间：2023-05-16 10:22  来源：县应急管理局\n{P2}", "2023-05-16"),  # dropped, its day kept
    (f"{P1}\n【发布日期：2021-11-3】\n{P2}", "2021-11-03"),
    (f"{P1}\n信息来源：石门乡 发布时间：2022年09月14日 点击数：88\n{P2}", "2022-09-14"),
    (f"原创 府山街道 柯城府山发布 2023-12-28 18:05 发表于浙江\n{P1}", "2023-12-28"),  # a WeChat post's byline
    (f"{P1}\n作者：张三 来源：县委办 时间：2023-05-06 浏览次数：120\n{P2}", "2023-05-06"),  # 时间： among page labels
    (f"{P1}\n【来源：鄱阳县融媒体中心】　作者：王磊　日期：2024-05-20\n{P2}", "2024-05-20"),  # its source and its day in figures
    (f"我市召开信息工作会议\n2023-04-12 09:30　来源：荆门日报\n{P1}", "2023-04-12"),  # its hour and its source
    (f"{P1}\n来源：县统计局 作者：张三\n{P2}", ""),  # a study's byline
    (f"{P1}\n时间：2023年5月10日上午 地点：县政府三楼会议室\n{P2}", ""),  # a meeting's
    (f"{P1}\n信息发布时间：每月5日前报送。\n{P2}", ""),  # a rule, not a label
    (f"{P1}\n请于2023-05-16前报送。\n{P2}", ""),
])
def test_the_day_a_page_was_posted(text: str, posted: str) -> None:
    assert clean(text).posted == posted


@pytest.mark.parametrize(("text", "source"), [
    (f"{P1}\n发布时间：2023-05-16 10:22  来源：县应急管理局\n{P2}", "县应急管理局"),  # dropped, its source kept
    (f"{P1}\n信息来源：石门乡 | 发布时间：2022-09-14 | 浏览：120\n{P2}", "石门乡"),
    (f"{P1}\n来源：宣恩县人社局发布时间：2023-12-06 10:32\n{P2}", "宣恩县人社局"),  # (the next label with no space)
    (f"{P1}\n来源：县统计局 作者：张三\n{P2}", ""),  # a study's byline, kept as its text
    (f"{P1}\n发布时间：2023-05-16 10:22\n{P2}", ""),
])
def test_the_source_a_pages_labels_name(text: str, source: str) -> None:
    assert clean(text).source == source


@pytest.mark.parametrize(("text", "expected"), COUNTS)
def test_removed_counts(text: str, expected: dict[str, int]) -> None:
    assert clean(text).removed == expected


# --------------------------------------------------------------------------------------------
# Properties over all the vectors above
# --------------------------------------------------------------------------------------------
ALL_TEXTS = [p.values[0] for p in EXACT + KEEPS + COUNTS]
ALL_IDS = [p.id for p in EXACT] + [f"keep-{p.id}" for p in KEEPS] + [f"count-{p.id}" for p in COUNTS]


@pytest.mark.parametrize("text", ALL_TEXTS, ids=ALL_IDS)
def test_lines_are_stripped_and_non_empty(text: str) -> None:
    cleaned = clean(text)
    assert isinstance(cleaned, Cleaned) and isinstance(cleaned.lines, tuple)
    for line in cleaned.lines:
        assert line and line == line.strip() and "\n" not in line
        assert "##paidbegin##" not in line and "\u200b" not in line


@pytest.mark.parametrize("text", ALL_TEXTS, ids=ALL_IDS)
def test_kept_lines_are_input_lines_in_order(text: str) -> None:
    """Clean only drops: every kept line is a whole input line (minus markers/zero-width), in order."""
    candidates = [
        line.replace("##paidbegin##", "").replace("##paidend##", "").replace("##paid_begin2##", "")
        for line in text.splitlines()
    ]
    candidates = ["".join(ch for ch in line if ch not in "\u200b\u200c\u200d\u2060\ufeff\u00ad").strip()
                  for line in candidates]
    it = iter(candidates)
    for line in clean(text).lines:
        assert any(line == candidate for candidate in it), f"{line!r} is not an input line (or out of order)"


@pytest.mark.parametrize("text", ALL_TEXTS, ids=ALL_IDS)
def test_counts_add_up(text: str) -> None:
    cleaned = clean(text)
    non_blank = [line for line in text.splitlines() if line.strip(" \t\u3000\u200b\ufeff")]
    dropped_lines = cleaned.removed.get("header_lines", 0) + cleaned.removed.get("clutter_lines", 0)
    marker_only = sum(1 for line in non_blank if not line.replace("##paidbegin##", "").replace("##paidend##", "").strip())
    assert len(cleaned.lines) + dropped_lines + marker_only == len(non_blank)
    assert all(count > 0 for count in cleaned.removed.values())


@pytest.mark.parametrize("text", ALL_TEXTS, ids=ALL_IDS)
def test_idempotent(text: str) -> None:
    once = clean(text)
    twice = clean("\n".join(once.lines))
    assert twice.lines == once.lines
    assert twice.removed == {}
