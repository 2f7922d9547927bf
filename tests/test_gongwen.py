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
