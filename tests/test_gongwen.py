"""Unit tests for baogao.gongwen: the 信息公开 table a page prints above a document, read as its fields."""

from __future__ import annotations

import pytest

from baogao.convert import convert_report
from baogao.gongwen import header_length, info_fields

BODY = ("2023年工作总结", "2023年，我局扎实推进各项工作。", "一、主要工作", "二、存在问题")


@pytest.mark.parametrize("table", [
    ("信息索引号：000014349/2023-00215", "发布机构：襄城县审计局", "发布日期：2023-12-25"),
    ("索 引 号：000014349/2023-00215", "发布机构：襄城县审计局", "发布日期：2023-12-25"),  # a key set out letter by letter
    ("索引号：000014349/2023-00215", "信息分类：工作总结", "发布机构：襄城县审计局", "生成日期：2023-12-25"),
    # (its keys aligned by full-width spaces, an empty 文号 beside the next cell)
    ("索引号：000014349/2023-00215\u3000\u3000\u3000\u3000信息分类：工作总结", "发布机构：襄城县审计局\u3000\u3000\u3000\u3000生成日期：2023-12-25",
     "文\u3000\u3000号：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000公开方式：主动公开"),
    ("发 布 机 构\t襄城县审计局\t文\u3000号\t审〔2023〕1号",),
], ids=["info-index-number", "spaced-key", "info-category", "keys-aligned-by-full-width-spaces", "spaced-keys-in-tabbed-cells"])
def test_every_line_of_a_public_information_table_is_one(table):
    lines = (*table, *BODY)
    assert header_length(lines) == len(table)
    assert info_fields(lines)["org"] == "襄城县审计局"
    meta = convert_report("\n".join(lines).encode(), "a.txt", {}).meta
    assert (meta["title"], meta["display_title"], meta["doc_type"]) == ("2023年工作总结", "2023年襄城县审计局工作总结", "工作总结")


NOTICE = ("关于印发许昌市城市环境综合整治实施方案的通知", "各县（市、区）人民政府，市人民政府各部门：",
          "《许昌市城市环境综合整治实施方案》已经市政府同意，现印发给你们，请认真贯彻执行。")


@pytest.mark.parametrize("table", [
    ("索引号\t11411000005747322X/2024-00012\t主题分类\t城乡建设", "发文机关\t许昌市人民政府办公室\t成文日期\t2024年03月15日",
     "标题\t关于印发许昌市城市环境综合整治实施方案的通知", "文号\t许政办〔2024〕8号\t发布日期\t2024年03月18日"),
    ("索引号：11411000005747322X/2024-00012\u3000\u3000主题分类：城乡建设", "发文机关：许昌市人民政府办公室\u3000\u3000成文日期：2024年03月15日",
     "文号：许政办〔2024〕8号\u3000\u3000发布日期：2024年03月18日"),
    ("索引号：11411000005747322X/2024-00012", "发文机关：许昌市人民政府办公室", "成文日期：2024年03月15日", "发布日期：2024年03月18日"),
], ids=["tabs", "two-cells-a-line", "one-cell-a-line"])
def test_a_table_above_the_title_dates_the_document(table):
    """The table stands above the document's own title line; parse puts that title above it, and the table's
    成文日期 is still the date, however its cells are set apart."""
    lines = (*table, *NOTICE)
    assert info_fields((NOTICE[0], *table, *NOTICE[1:]))["date"] == "2024年03月15日"
    meta = convert_report("\n".join(lines).encode(), "a.txt", {}).meta
    assert (meta["date"], meta["year"], meta["org"]) == ("2024-03-15", 2024, "许昌市人民政府办公室")


def test_fields_in_the_text_are_no_table():
    """Only a table right under the first line (the title) is one: not words of the text further down."""
    assert info_fields(("县政府办公室2023年工作总结", "一、办文工作", "文号：统一编排，成文日期：按签发日期填写。")) == {}



def test_a_marking_line_is_no_issuer_and_a_bare_文件_marks_the_stacked_issuers():
    """(metadata QA round, session 42) 密级：内部 ends as a body's name does (…部) but is a field; 文件 on a line of its own
    under the issuers' names is their mark, as …办公室文件 on one line is."""
    marked = ("密级：内部", "关于2024年一季度全市经济运行情况的汇报", "一季度，全市经济运行总体平稳。", "广水市发展和改革局", "2024年4月15日")
    meta = convert_report("\n".join(marked).encode(), "20240415.txt", {}).meta
    assert (meta["org"], meta["title"]) == ("广水市发展和改革局", "关于2024年一季度全市经济运行情况的汇报")
    stacked = ("中共修水县委办公室", "修水县人民政府办公室", "文件", "修办发〔2023〕21号",
               "关于印发《修水县2023年政务信息工作要点》的通知", "各乡镇党委、政府，县直各单位：", "现将工作要点印发给你们。",
               "中共修水县委办公室　修水县人民政府办公室", "2023年3月2日")
    assert header_length(stacked) == 4
    meta = convert_report("\n".join(stacked).encode(), "通知.txt", {}).meta
    assert (meta["title"], meta["org"]) == ("关于印发《修水县2023年政务信息工作要点》的通知", "中共修水县委办公室、修水县人民政府办公室")
