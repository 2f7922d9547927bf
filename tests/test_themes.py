"""Tests of baogao.themes: the taxonomy file, the sections of a report and their themes.

Four groups: loading and validating themes.yml (every error names the file and the field);
classification vectors written by hand (each with a negative); the five seed reports, with the
themes their text supports and the reasons, written after reading them; and an edited copy of
themes.yml changing the result. Reports are built with the pipeline's own parse stage, because
sections follow its headings.
"""

from __future__ import annotations

import math
import re
import shutil
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from baogao.clean import clean
from baogao.readers.txt import decode
from baogao.model import Block, ParsedReport
from baogao import theme_model, themes
from baogao.parse import parse
from baogao.search import variants
from baogao.themes import (
    PREAMBLE_LABEL,
    REPORT_LABEL,
    Evidence,
    SectionMatch,
    Taxonomy,
    TaxonomyError,
    classify,
    load_taxonomy,
    report_themes,
    split_sections,
    taxonomy_from_data,
)
from tests.labels import DATA, FRESH_DIR, SHARED

ROOT = Path(__file__).resolve().parents[1]
THEMES_YML = ROOT / "themes.yml"
REPORTS = ROOT / "reports"

# The three themes the users asked for, and those that recur in office work summaries.
# The user's three; the others ship when they reach the precision target on the labelled set
# (tests/test_labelled_themes.py).
REQUIRED = ("作风建设", "信息报送", "督查")


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(THEMES_YML)


def switched_on(*names: str) -> Taxonomy:
    """themes.yml with the commented-out themes `names` switched on as its end section says: the
    leading "# " of their blocks removed."""
    lines, on = [], False
    for line in THEMES_YML.read_text(encoding="utf-8").split("\n"):
        if line.startswith("#   - name: "):
            on = line.removeprefix("#   - name: ") in names
        elif not (line.startswith("#   ") or line == "#"):
            on = False  # (the end section's own prose: "# Themes measured below …")
        lines.append(line.removeprefix("#").removeprefix(" ") if on else line)
    return taxonomy_from_data(yaml.safe_load("\n".join(lines)), f"{THEMES_YML} with {', '.join(names)} switched on")


@pytest.fixture(scope="module")
def optional():
    """The taxonomy with 后勤保障, measured below the target on unseen text, switched on."""
    return switched_on("后勤保障")


@pytest.fixture(scope="module")
def dropped():
    """The taxonomy with 党风廉政 and 12345热线, measured below the target on unseen text on 2026-12-06, switched on:
    their rules and tests are kept for an office that wants them."""
    return switched_on("党风廉政", "12345热线")


def test_a_theme_below_the_target_on_unseen_text_is_off_by_default_and_switches_on_as_the_file_says(taxonomy, optional,
                                                                                                     dropped):
    default = [t.name for t in taxonomy.themes]
    assert "后勤保障" not in default and [t.name for t in optional.themes] == [*default, "后勤保障"]
    assert not {"党风廉政", "12345热线"} & set(default)
    assert [t.name for t in dropped.themes] == [*default, "党风廉政", "12345热线"]
    r = report("二、后勤保障", "加强公务用车管理，做好机关食堂和办公用房保障。")
    assert not by_theme(classify(r, taxonomy), "后勤保障") and by_theme(classify(r, optional), "后勤保障")


def report(*lines: str) -> ParsedReport:
    return parse(tuple(lines), "report.txt")


def seed(prefix: str) -> ParsedReport:
    (path,) = REPORTS.glob(f"{prefix}_*.txt")
    return parse(clean(decode(path.read_bytes()).text).lines, path.name)


def by_theme(matches: list[SectionMatch], theme: str) -> list[SectionMatch]:
    return [m for m in matches if m.theme == theme]


def pairs(matches: list[SectionMatch]) -> set[tuple[str, str]]:
    """(theme, label) of every section a theme page links to, as a match or as its part."""
    return {(m.theme, m.label) for m in matches} | {(m.theme, p.label) for m in matches for p in m.parts}


FILLER = "围绕全年目标任务，统筹推进项目建设和产业发展，各项经济指标保持平稳增长，重点项目按计划完成投资。"


# ------------------------------------------------------------------------------ the taxonomy


def test_shipped_taxonomy_has_the_themes_users_asked_for(taxonomy):
    names = taxonomy.names()
    assert set(REQUIRED) <= set(names)
    assert len(names) == len(set(names))
    for theme in taxonomy.themes:
        assert theme.description.strip()
        assert any(rule.weight > 0 for rule in theme.rules), theme.name
    assert len(taxonomy.digest) == 64


def test_shipped_keywords_are_not_written_twice_within_a_theme(taxonomy):
    for theme in taxonomy.themes:
        texts = [rule.text for rule in theme.rules]
        assert len(texts) == len(set(texts)), theme.name


VALID = """\
threshold: 4
themes:
  - name: 督查
    description: 督查督办
    keywords:
      督查: 2
      督办: 2
"""


def write(tmp_path: Path, monkeypatch, text: str) -> str:
    (tmp_path / "themes.yml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return "themes.yml"


def test_a_valid_file_loads(tmp_path, monkeypatch):
    taxonomy = load_taxonomy(write(tmp_path, monkeypatch, VALID))
    assert taxonomy.names() == ["督查"]
    assert taxonomy.themes[0].threshold == 4
    assert taxonomy.source == "themes.yml"


@pytest.mark.parametrize(
    "text, message",
    [
        (
            VALID.replace("督办: 2", "督办: x"),
            "Error reading 'themes.yml': theme '督查' field 'keywords.督办' expected a number ≥ 0 (the weight), got 'x'",
        ),
        (VALID.replace("督办: 2", "督办: -1"), "theme '督查' field 'keywords.督办' expected a number ≥ 0"),
        (VALID.replace("督办: 2", "督办: true"), "theme '督查' field 'keywords.督办' expected a number ≥ 0"),
        (VALID.replace("    keywords:", "    keyword:"), "theme '督查' has unknown field 'keyword'"),
        (VALID.replace("threshold: 4", "treshold: 4"), "unknown field 'treshold'"),
        (VALID.replace("threshold: 4", "threshold: 0"), "field 'threshold' expected a number > 0, got 0"),
        (VALID + "    threshold: high\n", "theme '督查' field 'threshold' expected a number > 0, got 'high'"),
        ("threshold: 4\nthemes: []\n", "field 'themes' expected a non-empty list of themes"),
        ("threshold: 4\n", "field 'themes' expected a non-empty list of themes, got None"),
        ("", "expected a mapping with a 'themes' list, got nothing"),
        (
            VALID + VALID.split("themes:\n")[1],
            "theme '督查' is defined twice (themes no. 1 and 2)",
        ),
        (VALID.replace("    description: 督查督办\n", ""), "theme '督查' field 'description' expected one line of text"),
        (VALID.replace("  - name: 督查\n", "  - name:\n"), "theme no. 1 field 'name' expected one line of text"),
        (VALID.replace("      督查: 2\n      督办: 2\n", "      督查: 0\n"), "theme '督查' needs at least one keyword"),
        (VALID.replace("      督查: 2\n", "      12345: 3\n"), "field 'keywords' has the key 12345: write it in quotes"),
        (VALID.replace("    keywords:\n", "    keywords: 督查\n    x:\n"), "has unknown field 'x'"),
        (VALID + "    patterns:\n      '督(查': 1\n", "field 'patterns.督(查' is not a valid RE2 regular expression"),
        (VALID + "    patterns:\n      '(督)(查)': 1\n", "field 'patterns.(督)(查)' has 2 capturing groups"),
        # look-around would need backtracking: RE2 refuses it, with the reason
        (VALID + "    patterns:\n      '(?<!\\d)12345': 1\n", "no look-around, no back-references"),
        (VALID + "    patterns:\n      '督*': 1\n", "field 'patterns.督*' matches empty text"),
        (VALID + "      督查: 3\n", "a key (line 8, column 7): '督查' is written twice in one mapping"),
        ("themes: [\n", "Error reading 'themes.yml': not valid YAML"),
        ("themes: " + "[" * 2000 + "]" * 2000 + "\n", "Error reading 'themes.yml': not valid YAML: nested too deeply"),
        (VALID.replace("  - name: 督查\n", '  - name: "督查\\uD800"\n'),
         "theme no. 1 field 'name' expected text without invisible or invalid characters, got U+D800"),
        (VALID.replace("  - name: 督查\n", "  - name: 督\u202e查\n"),
         "theme no. 1 field 'name' expected text without invisible or invalid characters, got U+202E"),
        ("- just\n- a list\n", "expected a mapping with a 'themes' list, got a list"),
        ("themes:\n  - 督查\n", "theme no. 1 expected a mapping"),
        (
            VALID.replace("      督查: 2\n      督办: 2\n", "      - 督查\n      - 督办\n"),
            "theme '督查' field 'keywords' expected a mapping of word: weight, got a list",
        ),
        (VALID.replace("description: 督查督办", "description: 42"), "theme '督查' field 'description' expected one line"),
        (VALID.replace("threshold: 4", "heading_factor: -3"), "field 'heading_factor' expected a number ≥ 0, got -3"),
        (VALID + "    unless: 在岗在位\n", "theme '督查' field 'unless' expected a list of words"),
        (VALID + "    unless: [在岗在位, 3]\n", "theme '督查' field 'unless' expected a list of words"),
        (VALID + "    others: 人大代表\n", "theme '督查' field 'others' expected a list of words"),
        (VALID + "    others: [人大代表]\n", "theme '督查' field 'others' needs the field 'own'"),
        (VALID.replace("      督办: 2\n", "      督 办: 2\n"), "theme '督查' field 'keywords.督 办' has a space"),
    ],
)
def test_errors_name_the_file_and_the_field(tmp_path, monkeypatch, text, message):
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(write(tmp_path, monkeypatch, text))
    assert message in str(err.value)
    assert str(err.value).startswith("Error reading 'themes.yml': ")


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(TaxonomyError, match=r"Error reading '.*nothing\.yml': No such file"):
        load_taxonomy(tmp_path / "nothing.yml")


def test_validation_of_data_already_read():
    with pytest.raises(TaxonomyError, match="Error reading 'x.yml': field 'heading_factor'"):
        taxonomy_from_data({"heading_factor": "big", "themes": []}, "x.yml")


# ---------------------------------------------------------------------------------- sections


def test_a_leaders_demands_and_a_towns_measures_are_lead_ins_too(taxonomy):
    # 一要…二要… (what a leader asked for on a 督察 visit) are items of their own: the visit's 督查
    # words in 四要 do not make the demands about 督查
    r = report(
        "督查中，副县长察看项目施工现场。他强调：一要加快在建项目工程进度。二要尽快实现未开工项目开工建设。"
        "三要全力做好项目服务。四要进一步加强跟踪督查，以强有力的督查督办加快项目建设。",
    )
    labels = [s.label for s in split_sections(r) if s.kind == "lead"]
    assert [label[:2] for label in labels] == ["一要", "二要", "三要", "四要"]
    matched = {m.label[:2] for m in by_theme(classify(r, taxonomy), "督查")}
    assert "四要" in matched and not matched & {"一要", "二要", "三要"}
    town = report("金龙镇突出作风建设。一抓学习教育，开展集中学习。二抓落实执行，建立台账。")
    assert [s.label[:2] for s in split_sections(town) if s.kind == "lead"] == ["一抓", "二抓"]


def test_sections_follow_headings_preamble_and_lead_ins():
    r = report(
        "县政府办公室2023年工作总结",
        "今年以来，我办围绕中心、服务大局。",
        "一、主要工作",
        "（一）信息报送",
        "一是拓宽信息渠道。全年报送信息120条。二是提高信息质量。被省政府采用18条。",
        "（二）督查督办",
        "督办事项45件。",
        "二、存在问题",
        "人手不足。",
    )
    sections = split_sections(r)
    assert [(s.kind, s.label, s.parent) for s in sections] == [
        ("report", REPORT_LABEL, None),
        ("preamble", PREAMBLE_LABEL, 0),
        ("heading", "一、主要工作", 0),
        ("heading", "（一）信息报送", 2),
        ("lead", "一是拓宽信息渠道。", 3),
        ("lead", "二是提高信息质量。", 3),
        ("heading", "（二）督查督办", 2),
        ("heading", "二、存在问题", 0),
    ]
    lead = sections[4]
    text = r.blocks[lead.block].text
    assert text[lead.head[1] : lead.head[2]] == "一是拓宽信息渠道。"
    assert text[lead.body[0][1] : lead.body[0][2]] == "全年报送信息120条。"
    assert sections[3].body == ()  # its text is its two leads
    assert sections[4].heading_block == sections[3].block


def test_a_single_lead_in_is_not_a_list():
    r = report("一、工作", "一是说明。本段只有一个。")
    assert [s.kind for s in split_sections(r)] == ["report", "heading"]


def test_a_report_without_headings_is_cut_into_windows():
    r = report(*[FILLER * 5 for _ in range(8)])  # 8 paragraphs of 230 characters
    sections = split_sections(r)
    assert [s.kind for s in sections] == ["report", "window", "window"]
    assert sections[2].block == 7  # windows close after 1500 characters
    label = sections[1].label.removesuffix("…")
    assert (FILLER * 5).startswith(label)
    assert sections[1].excerpt.startswith((FILLER * 5)[len(label):][:20])  # the snippet goes on after the label


def test_a_glossary_after_a_text_without_headings_keeps_its_windows():
    # a 名词解释's numbered terms head their definitions in the outline only: the text before them is
    # still cut into windows, not read as one preamble (a report whose only headings are outline-only)
    r = report(*[FILLER * 5 for _ in range(8)], "名词解释", "1.“两重”：是指国家重大战略实施和重点领域安全能力建设。")
    assert [s.kind for s in split_sections(r)] == ["report", "window", "window"]


def test_articles_are_sections_with_their_anchor():
    r = report("第一章 总则", "第一条 为了规范政务数据管理，制定本办法。", "第二条 政务数据共享应当依法进行。")
    sections = split_sections(r)
    assert [(s.kind, s.label) for s in sections] == [
        ("report", REPORT_LABEL), ("heading", "第一章 总则"), ("article", "第一条"), ("article", "第二条")
    ]  # fmt: skip


# ------------------------------------------------------------------------------- classification


def test_a_section_about_inspection_gets_督查_with_evidence(taxonomy):
    r = report(
        "一、主要工作",
        "（四）扎实有效开展政务督查",
        "坚持把督查督办作为推动工作落实的重要抓手，完善督查制度，全年开展专项督查12次，交办领导批示件30件。",
    )
    (match,) = by_theme(classify(r, taxonomy), "督查")
    assert match.label == match.heading == "（四）扎实有效开展政务督查"
    assert match.block == match.heading_block == 1
    assert Evidence("政务督查", 1, "heading") in match.evidence
    assert Evidence("督查督办", 1, "text") in match.evidence  # counted once, not as 督查 + 督办
    assert Evidence("督查", 2, "text") in match.evidence
    assert match.excerpt.startswith("坚持把督查督办")
    assert match.score >= taxonomy.themes[taxonomy.names().index("督查")].threshold


def test_the_inspection_of_education_is_not_督查(taxonomy):
    r = report("市教育督导评估组来我县开展督导评估。评估组听取汇报，查阅资料，对全县教育工作开展督导评估，"
               "并反馈了教育督导评估意见。")
    assert not by_theme(classify(r, taxonomy), "督查")
    r = report("县政府督查室开展专项督导，对重点项目推进情况进行督导，督导结果在全县通报。")
    assert by_theme(classify(r, taxonomy), "督查")  # 督导 of assigned work still is


def test_publicity_called_宣传信息_is_not_信息报送(taxonomy):
    r = report("乡人大高度重视宣传信息工作，制定宣传信息工作计划，鼓励代表写稿，宣传信息工作质量不断提高。")
    assert not by_theme(classify(r, taxonomy), "信息报送")
    r = report("办公室高度重视信息工作，完善信息工作机制，加大编报频率，信息工作质量不断提高。")
    assert by_theme(classify(r, taxonomy), "信息报送")


def test_a_信息宣传_heading_over_publicity_is_not_信息报送(taxonomy):
    r = report("三、信息宣传", "全年在县级以上媒体发表宣传稿件56篇，拍摄宣传视频3部。")
    assert not by_theme(classify(r, taxonomy), "信息报送")
    r = report("三、信息宣传", "全年向县委、县政府报送信息56条，被市政府采用12条。")
    assert by_theme(classify(r, taxonomy), "信息报送")


def test_a_websites_content_and_publicity_are_not_信息报送(taxonomy):
    """What goes onto a website or a new medium, and what is published, is 政务公开 or publicity;
    for the trained model too."""
    for lines in (("（三）网站建设", "及时更新门户网站各栏目信息，全年发布各类信息560条，信息更新及时准确，报送网站信息200余条。"),
                  ("（二）网站信息报送", "各单位要明确专人负责网站信息报送工作，每月向县政府门户网站报送信息不少于5条。"),
                  ("（五）宣传报道", "全年撰写宣传信息86篇，在县融媒体中心、今日头条等平台发布信息230条。"),
                  # 政府信息 is what the 信息公开条例 has published
                  ("二、乡镇人民政府", "城关镇人民政府    河口乡人民政府     南山镇人民政府", "附件2", "某区主动公开政府信息工作规程",
                   "为切实做好全区主动公开政府信息工作，根据《条例》及相关规定要求，制定本规程。")):
        assert not by_theme(classify(report(*lines), taxonomy), "信息报送"), lines
    # the office's own information work named beside its website
    own = report("（三）信息工作", "全年向市政府报送政务信息86条，被采用21条；及时更新门户网站各栏目信息。")
    assert by_theme(classify(own, taxonomy), "信息报送")


def test_another_bodys_check_is_not_督查_unless_the_governments_own_督查_does_it(taxonomy):
    r = report("县人大常委会组织部分人大代表，对代表建议办理情况开展集中督办，督办组深入承办单位督查落实情况。")
    assert not by_theme(classify(r, taxonomy), "督查")
    r = report("县政府督查室联合县人大常委会选工委，对人大代表建议办理情况开展专项督查，督办结果全县通报。")
    assert by_theme(classify(r, taxonomy), "督查")
    # the 人大 named by its 主席团, its 视察组 or its 执法检查 rather than by its 代表 or 常委会
    for text in ("镇人大主席带领督查组，对全镇民生实事项目进展情况开展督查，现场督办进度滞后的项目。",
                 "市视察组对民生实事项目推进情况进行督查，对进度滞后的项目现场督办。",
                 "执法检查组听取汇报，对条例贯彻实施情况开展督查，督促有关部门限期整改、跟踪督办。"):
        assert not by_theme(classify(report(text), taxonomy), "督查"), text


def test_the_audits_and_the_party_inspections_follow_up_is_not_督查(taxonomy):
    # the 审计机关 checking its own findings' 整改, a 巡察组 back to see its findings fixed: those
    # bodies' own checks (the guide: 审计, 巡察 are not 督查) …
    audit = "告知审计机关和有关主管部门对整改重点单位将开展实地检查和督导，对整改不到位的，现场约谈被审计单位主要负责人，跟踪督办。"
    inspection = "县委第二巡察组开展巡察反馈问题整改落实情况回访督查，督导被巡察单位逐项销号。"
    for text in (audit, inspection):
        assert not by_theme(classify(report(text), taxonomy), "督查"), text
    # … but a 督查室 checking the 整改 with them is
    r = report("县审计局与县政府督查室对审计发现问题整改情况开展专项督查，对未整改的单位进行督办。")
    assert by_theme(classify(r, taxonomy), "督查")


def test_the_checked_side_is_not_督查(taxonomy):
    # a unit preparing for a check, reporting to the office, or holding a meeting the office
    # attends names the 督查 without doing it (the masks of themes.yml, patterns of weight 0)
    for text in ("全镇上下要以迎接省政府督查组督查为契机，做好迎检准备，确保接受督查时不出问题。",
                 "县禁烧办每月上旬对巡查情况进行汇总，并向县委督查室、县政府督查室书面报告。",
                 "县委督查室、县政府督查室、县农业局相关负责人到会。会议部署了秸秆禁烧工作。",
                 # a check by bodies of two levels (省、市督查组), and the answer to what an office found
                 "积极迎接省、市督查组对我县重点工作的督查，认真准备汇报材料，督查组对我县工作给予肯定。",
                 "对照市政府督查室通报的问题，逐条制定整改措施，明确责任人和完成时限，已全部整改到位。",
                 # what a 督查 fed back to it, or helping the group that checks it
                 "积极配合市督查组开展专项督查，对督查反馈的5个问题立行立改，已全部整改到位。",
                 "根据市政府督查组对我县重点项目建设的督查反馈意见，县委县政府高度重视，现将整改情况报告如下。",
                 "对上级督查检查中发现的问题，我镇逐条建立整改台账，明确责任领导和完成时限，已全部整改到位。"):
        assert not by_theme(classify(report(text), taxonomy), "督查"), text
    assert not by_theme(classify(report("（二）抓好督查反馈问题整改", "逐条建立整改台账，做到整改一项、销号一项。"), taxonomy), "督查")
    # the checker doing it, with the checked side beside it
    for text in ("县政府督查室对秸秆禁烧工作开展专项督查，督查情况全县通报。",
                 "7月12日，市督查组来到我县督查重点项目建设，县委常委、常务副县长陪同督查，县直有关部门积极配合。",
                 "督查组现场反馈督查意见，对督查中发现的问题，督促责任单位限期整改。",
                 "对督查反馈的问题，县政府督查室实行清单管理，跟踪督办，逐项销号。"):
        assert by_theme(classify(report(text), taxonomy), "督查"), text


def test_a_mask_hides_only_what_it_covers():
    engine = taxonomy_from_data({"themes": [{"name": "督查", "description": "d", "threshold": 2,
                                             "keywords": {"督查": 2}, "patterns": {"迎接([^，。]*?督查)": 0}}]}, "t.yml")
    assert not by_theme(classify(report("迎接省督查。"), engine), "督查")
    assert by_theme(classify(report("迎接检查，开展督查。"), engine), "督查")  # another clause


def test_a_check_of_the_四风_is_作风建设_not_督查(taxonomy):
    # a 纪委's 专项督查 of the festival 四风 (公车私用, 违规吃喝) checks conduct, as a 暗访 of 在岗在位 does
    r = report("节日期间，县纪委监委成立4个督查小组，开展专项督查，紧盯违规吃喝、公车私用等问题，共督查单位20家，"
               "对督查发现的问题督促立即整改。")
    assert not by_theme(classify(r, taxonomy), "督查")
    # a 纪委's 督查 of a task is 督查
    r = report("镇纪委成立督查小组，对各村人居环境整治任务完成情况开展专项督查，共督查村庄20个，对督查发现的问题督促立即整改。")
    assert by_theme(classify(r, taxonomy), "督查")


def test_政府督查_the_regulations_term_names_the_theme(taxonomy):
    r = report("第一条 为了加强和规范政府督查工作，制定本条例。", "第二条 本条例所称气象灾害，是指台风、暴雨等所造成的灾害。")
    assert [m.label for m in by_theme(classify(r, taxonomy), "督查")] == ["第一条"]


def test_a_通报_of_a_check_makes_its_findings_the_checks(taxonomy):
    lines = ("近期，县政府督查室对县政府常务会议确定事项落实情况开展了专项督查，现通报如下。",
             "一、总体情况", "会议确定事项22件，已办结6件，正在办理16件。",
             "二、存在问题", "县民政局负责的第1件、县发改局负责的第4件进展滞后，请责任单位加快工作节奏。")
    for ending in ("现通报如下。", "现将有关情况予以通报。", "现将督查情况予以公布。"):
        announced = (lines[0].replace("现通报如下。", ending), *lines[1:])
        (match,) = by_theme(classify(report(*announced), taxonomy), "督查")
        assert match.kind == "report" and {p.label for p in match.parts} >= {"一、总体情况", "二、存在问题"}, ending
    # a heading with no text of its own is what its parts are: the work checked, or what the check found
    headed = (lines[0], "一、工作开展情况", "（一）部门工作情况", "县发改局制定了项目推进方案，召开调度会6次。",
              "（二）乡镇工作情况", "各乡镇均制定了工作方案，完成率平均62%。",
              "二、存在问题", "（一）现场督查发现的问题", "县民政局负责的第1件、县发改局负责的第4件进展滞后，督查组已当场督促整改。")
    got = {label for theme, label in pairs(classify(report(*headed), taxonomy)) if theme == "督查"}
    assert "二、存在问题" in got and not got & {"一、工作开展情况", "（一）部门工作情况", "（二）乡镇工作情况"}
    # …and the problems it lists are what the check found, in its words or not
    plain = (*headed[:6], "二、存在问题", "（一）部分项目推进缓慢", "县民政局负责的第1件、县发改局负责的第4件进展滞后。",
             "（二）要素保障不到位", "部分项目用地、资金未落实。")
    got = {label for theme, label in pairs(classify(report(*plain), taxonomy)) if theme == "督查"}
    assert "二、存在问题" in got and "一、工作开展情况" not in got
    # a 汇报 that announces its parts goes on to topics of their own
    summary = ("县政府督查室坚持督查督办抓落实，现将有关情况汇报如下。", *lines[1:])
    assert {m.label for m in by_theme(classify(report(*summary), taxonomy), "督查")} == {"（导语）"}


def test_a_check_reported_up_announces_its_findings_as_a_通报_does(taxonomy):
    # a 督查报告 to the 县政府 (现将督查情况报告如下：) lists what the check found, as a 通报 of it does
    lines = ("县政府：", "10月中旬，县政府办公室督查室组织2个督查组，对全县8项民生实事办理情况开展了专项督查。现将督查情况报告如下：",
             "一、总体进展", "8项实事中已完成5项，其余3项完成投资均超过八成。",
             "二、存在问题", "城南菜市场改造因摊位安置方案未定，尚未进场施工。")
    got = {label for theme, label in pairs(classify(report(*lines), taxonomy)) if theme == "督查"}
    assert {"一、总体进展", "二、存在问题"} <= got
    # an account of the office's own work that it reports so is not
    own_work = (lines[0], "今年以来，县政府办公室督查室坚持督查督办抓落实。现将有关情况报告如下：", *lines[2:])
    assert "一、总体进展" not in {label for theme, label in pairs(classify(report(*own_work), taxonomy)) if theme == "督查"}
    # nor is the checked side's account of how it met the check: its preparations and progress are its own
    checked = ("市政府督查室：", "6月3日至5日，市政府第二督查组来我县对重点项目推进情况开展实地督查。现将迎接督查有关情况汇报如下：",
               "一、主要做法", "县委、县政府召开专题会议安排部署，各项目单位逐项准备了佐证材料。",
               "二、项目进展", "全县28个市级重点项目完成投资36亿元，占年度计划的58%。")
    got = {label for theme, label in pairs(classify(report(*checked), taxonomy)) if theme == "督查"}
    assert not got & {"一、主要做法", "二、项目进展"}


def test_an_article_of_a_rule_on_the_theme_about_another_bodys_work_is_not_the_themes(taxonomy):
    # a 督查 rule's article on the 审计局's follow-up of its findings, a 信息报送 rule's on statistics entered in a
    # platform: the other body's words still rule the article out, whatever the rule's title
    check = report("平川县人民政府督查工作办法", "第一条　为规范县政府督查工作，推动决策部署落实，制定本办法。",
                   "第二条　县政府督查室负责组织实施县政府督查工作。",
                   "第九条　县审计局负责对审计发现问题的整改情况进行跟踪督查，对整改不力的被审计单位发出督办函，限期整改。",
                   "第十条　本办法自印发之日起施行。")
    assert ("督查", "第九条") not in pairs(classify(check, taxonomy))
    figures = report("平川县统计信息报送管理办法", "第一条　为规范统计信息报送工作，提高报送质量，制定本办法。",
                     "第四条　各调查单位应当按照统计报表制度按时完成数据录入，通过联网直报平台上报统计报表，逐级审核。",
                     "第五条　本办法自印发之日起施行。")
    assert ("信息报送", "第四条") not in pairs(classify(figures, taxonomy))


def test_a_notice_arranging_the_work_its_title_names_makes_its_parts_that_works(taxonomy):
    lines = ("各乡镇人民政府、县直有关单位：", "为推动秸秆禁烧工作落实，县政府决定组织开展专项督查。现将有关事项通知如下：",
             "一、时间安排", "2024年6月1日至6月20日。",
             "二、督查内容", "（一）禁烧责任落实情况。", "各乡镇包村干部名单、巡查记录。",
             "（二）火点处置情况。", "卫星火点的核查与处置台账。",
             "三、加强秸秆禁烧宣传", "各乡镇要通过广播、标语等形式广泛宣传秸秆禁烧的重要意义。",
             "四、信息报送", "各乡镇每日17时前向县政府办公室报送禁烧信息，严禁迟报漏报。",
             "五、工作要求", "（一）督查组成员要如实记录，督查结果全县通报。")
    notice = replace(report(*lines), title="关于开展秸秆禁烧专项督查的通知", title_in_text=True)
    got = {label for theme, label in pairs(classify(notice, taxonomy)) if theme == "督查"}
    assert {"（导语）", "一、时间安排", "（一）禁烧责任落实情况。", "（二）火点处置情况。", "五、工作要求"} <= got
    # a demand on the units in none of the work's words is the work checked; a part about another theme is that theme's
    assert not got & {"三、加强秸秆禁烧宣传", "四、信息报送"}
    # a title that names other work arranges that work, not a 督查
    other = replace(report(*lines), title="关于做好秸秆禁烧工作的通知", title_in_text=True)
    assert not {label for theme, label in pairs(classify(other, taxonomy)) if theme == "督查"} & {"一、时间安排", "（二）火点处置情况。"}
    # a sector's check of firms' hazards (隐患排查: an `others` word), with no 督查室 or 政府办 anywhere, is that sector's
    # work: its parts are not arranged as a 督查's
    firms = ("各运输企业：", "为做好春运安全工作，我局决定开展春运安全督查。现将有关事项通知如下：",
             "一、督查时间", "即日起至1月26日。", "二、检查内容", "（一）客运企业隐患排查落实情况。", "（二）车辆出站检查落实情况。")
    got = {label for theme, label in pairs(classify(replace(report(*firms), title="关于开展春运安全督查的通知", title_in_text=True),
                                                    taxonomy)) if theme == "督查"}
    assert not got & {"二、检查内容", "（二）车辆出站检查落实情况。"}
    # …while the same notice from the government's office is a 督查 of the work
    office = (firms[0], firms[1].replace("我局", "县政府办公室"), *firms[2:])
    got = {label for theme, label in pairs(classify(replace(report(*office), title="关于开展春运安全督查的通知", title_in_text=True),
                                                    taxonomy)) if theme == "督查"}
    assert {"二、检查内容", "（二）车辆出站检查落实情况。"} <= got
    # a notice of a check of discipline at work (在岗在位, 迟到早退) is a 作风 check, each of its parts
    discipline = ("各乡镇、县直各单位：", "为加强干部作风建设，县委督查室决定开展作风纪律暗访督查。现将有关事项通知如下：",
                  "一、督查时间", "2024年3月至12月，不定期开展。", "二、督查内容", "干部在岗在位、迟到早退、上班时间玩手机游戏等情况。",
                  "三、结果运用", "督查结果在全县通报，并纳入年度绩效考核。")
    notice = replace(report(*discipline), title="关于开展作风纪律暗访督查的通知", title_in_text=True)
    assert ("督查", "三、结果运用") not in pairs(classify(notice, taxonomy))
    # the items of its 督查内容 are the 督查's whatever they name; a part about the notice's work under a heading naming
    # another's is the notice's too
    flood = ("各乡镇人民政府：", "为确保安全度汛，县防指决定对各乡镇防汛备汛工作开展督查。现将有关事项通知如下：",
             "一、督查内容", "（一）防汛责任制落实情况。", "乡镇、村防汛责任人是否明确。", "（二）防汛物资储备情况。", "物资储备是否到位。")
    got = pairs(classify(replace(report(*flood), title="关于开展防汛备汛工作督查的通知", title_in_text=True), taxonomy))
    assert {("督查", "（一）防汛责任制落实情况。"), ("督查", "（二）防汛物资储备情况。")} <= got
    info = ("各乡镇、县直各单位：", "为进一步提高政务信息报送质量，现将有关事项通知如下：", "一、报送重点", "重大决策部署落实情况。",
            "二、加强督查考核", "县政府办公室每月对各单位信息报送情况进行通报，纳入年度绩效考核。")
    got = pairs(classify(replace(report(*info), title="关于进一步加强政务信息报送工作的通知", title_in_text=True), taxonomy))
    assert ("信息报送", "二、加强督查考核") in got
    # a title naming two works (安全生产, 督查): a part in the words of one alone is that one's
    safety = ("各乡镇人民政府：", "为推动安全生产大检查落实，县安委办决定对各乡镇大检查开展情况进行督查。现将有关事项通知如下：",
              "一、督查时间", "6月10日至6月20日。", "二、工作要求", "督查组要深入一线，如实反映问题。")
    got = pairs(classify(replace(report(*safety), title="关于开展安全生产大检查督查的通知", title_in_text=True), taxonomy))
    assert ("督查", "二、工作要求") in got and ("安全应急", "二、工作要求") not in got
    # a part whose heading sets other work (做好…, 加强…) in none of the theme's words is that work, not an arrangement
    holiday = ("各乡镇人民政府，县直各单位：", "为确保春节期间全县社会大局稳定，及时报送突发事件信息，现将有关事项通知如下：",
               "一、及时报送信息", "发生突发事件，要在30分钟内电话报告、1小时内书面报告县政府总值班室。",
               "二、做好群众生活保障", "要做好困难群众走访慰问，保障节日市场供应。", "三、报送时间", "每日16时前报送。")
    title = "关于做好2025年春节期间值班值守和信息报送工作的通知"
    got = pairs(classify(replace(report(*holiday), title=title, title_in_text=True), taxonomy))
    assert ("信息报送", "三、报送时间") in got and ("信息报送", "二、做好群众生活保障") not in got
    # …while a notice of the theme's work alone sets its tasks (四、加强审核把关)
    tasks = (info[0], info[1], "一、加强审核把关", "所报材料须经单位负责人审核签发，确保内容真实准确。")
    got = pairs(classify(replace(report(*tasks), title="关于进一步加强政务信息报送工作的通知", title_in_text=True), taxonomy))
    assert ("信息报送", "一、加强审核把关") in got


def test_rules_whose_purpose_clause_names_the_theme_are_its_rules_each_part(taxonomy):
    """为…推进全镇政府信息公开工作，…制定本制度。 一、统计范围 …: the parts of rules made for the work their title names are
    that work's, whatever words they use; a title naming other work too leaves each part to its own words."""
    lines = ("为准确掌握全镇政府信息发布情况，深入推进全镇政府信息公开工作，结合实际，制定本制度。",
             "一、统计范围", "政府各部门。",
             "二、报送方式", "通过电子邮件报送至镇政务公开办公室。",
             "三、本制度自印发之日起执行。")
    rules = replace(report(*lines), title="刘桥镇政府信息公开统计制度", title_in_text=True)
    got = {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "政务公开"}
    assert {"一、统计范围", "二、报送方式"} <= got
    # not arranged: the same parts under a preamble that ends otherwise
    plain = replace(report(lines[0].replace("制定本制度。", "特作如下说明。"), *lines[1:]), title=rules.title, title_in_text=True)
    assert not {label for theme, label in pairs(classify(plain, taxonomy)) if theme == "政务公开"} & {"一、统计范围"}
    shared = replace(rules, title="刘桥镇政府信息公开和值班值守统计制度")
    assert ("政务公开", "一、统计范围") not in pairs(classify(shared, taxonomy))


def test_效能督查_is_what_it_checks(taxonomy):
    """关于开展效能督查工作的通知: a 效能办's 效能督查 of 决策部署落实 is a 督查, and the notice arranges it; one whose 督查内容
    is 上班纪律 (an `unless` word) is a check of discipline (作风建设), whose parts are not 督查's."""
    lines = ("区直各单位：", "为切实保障重大决策部署落实，区效能办决定开展效能督查工作，现将有关事项通知如下：",
             "一、时间安排", "3月至11月，分两轮进行。",
             "二、督查内容", "{checked}",
             "三、结果运用", "结果纳入年度绩效考评。")
    title = "关于开展效能督查工作的通知"
    work = replace(report(*(line.format(checked="重点项目推进和决策部署落实情况。") for line in lines)), title=title, title_in_text=True)
    got = {label for theme, label in pairs(classify(work, taxonomy)) if theme == "督查"}
    assert {"一、时间安排", "三、结果运用"} <= got, got
    discipline = replace(report(*(line.format(checked="机关干部上班纪律、在岗在位情况。") for line in lines)), title=title,
                         title_in_text=True)
    assert not {label for theme, label in pairs(classify(discipline, taxonomy)) if theme == "督查"} & {"一、时间安排", "三、结果运用"}


def test_an_unless_word_a_mask_hides_in_the_title_does_not_rule_the_report_out(taxonomy):
    """关于开展重点项目督查和严明工作纪律的通知: 严明工作纪律 asks discipline of the checked side (a mask), so the title's
    工作纪律 is no check of discipline, and the notice is the 督查 it arranges."""
    lines = ("各乡镇：", "为推动重点项目建设，县政府决定开展专项督查。现将有关事项通知如下：", "一、时间安排", "3月至5月。")
    masked = replace(report(*lines), title="关于开展重点项目督查和严明工作纪律的通知", title_in_text=True)
    assert ("督查", "一、时间安排") in pairs(classify(masked, taxonomy))
    checked = replace(report(*lines), title="关于开展重点项目督查和工作纪律检查的通知", title_in_text=True)
    assert ("督查", "一、时间安排") not in pairs(classify(checked, taxonomy))


def test_rules_whose_title_names_the_theme_by_a_word_another_theme_reads_too_are_that_themes_rules(taxonomy):
    """紧急信息报送管理办法: 紧急信息 is a 值班值守 word too, but inside 紧急信息报送 it is the matter reported, not other
    work, so the rules' parts are 信息报送's though they say only 报送主体, 报送程序; a title that names 值班 beside the
    reporting (值班和紧急信息报送) still names other work, and such parts carry the theme only by their own words."""
    lines = ("为切实做好紧急信息报送工作，及时准确地掌握突发情况，结合局实际，制定本办法。",
             "一、报送主体", "各部门负责人是本部门的第一责任人，负责按照职能分工上报管辖范围内的情况。",
             "二、报送程序", "事件发生后，部门负责人第一时间向局主管领导和局办公室报告，并尽快以文字形式续报。")
    parts = {"一、报送主体", "二、报送程序"}
    rules = replace(report(*lines), title="某局紧急信息报送管理办法", title_in_text=True)
    got = {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "信息报送"}
    assert parts <= got, got
    assert not parts & {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "值班值守"}
    shared = replace(report(*lines), title="某局节假日值班和紧急信息报送管理办法", title_in_text=True)
    assert "一、报送主体" not in {label for theme, label in pairs(classify(shared, taxonomy)) if theme == "信息报送"}


def test_the_items_of_a_text_without_headings_whose_title_names_the_theme_alone_are_its_rules(taxonomy):
    """反映社情民意信息须知 一、… 四、…: an item that names the work by one strong word (四、来稿一律采用网上提交方式，
    …反映社情民意信息。) is one of the rules the title names, as an article under such a title is — and with it the list is mostly
    about the theme, so its items that name it in passing are too; under a title that names other work too, or none,
    each item needs the evidence any item needs."""
    lines = ("一、反映社情民意信息是人民政协履行职能的重要方式，是政协各参加单位、各专门委员会、政协委员通过政协组织的专门渠道，"
             "向党委、政府和有关部门反映重要情况，提出意见建议的重要方式。",
             "二、社情民意信息稿件必须围绕国家大政方针和省市的重要举措，以及经济、政治、文化、社会建设中的重要问题，人民群众"
             "关心的民生实际问题，一事一议，有情况、有分析、有建议，务求情况准确，分析深刻，建议可行，字数控制在1500字以内为宜。",
             "三、市政协联络工作委员会负责受理反映社情民意信息，编辑《社情民意》期刊向省政协和市委、市政府报送，年底通报"
             "各参加单位反映社情民意及其采用报送情况。",
             "四、来稿一律采用网上提交方式，通过门户网站的委员履职平台反映社情民意信息。")

    def items_tagged(title: str) -> set[str]:
        tagged = pairs(classify(replace(report(*lines), title=title, title_in_text=True), taxonomy))
        return {label[:2] for theme, label in tagged if theme == "信息报送"}

    assert items_tagged("反映社情民意信息须知") >= {"一、", "二、", "三、", "四、"}
    for title in ("委员履职须知", "反映社情民意信息和安全生产须知"):
        assert items_tagged(title) == {"三、"}, title


def test_a_notices_parts_are_the_work_its_title_names_not_what_its_preamble_mentions(taxonomy):
    """关于对真抓实干成效明显地方加大激励支持力度的通知 …现将调整后的督查激励措施通知如下： 一、对…的乡镇，优先安排…: the
    preamble names 督查 (the incentives reward what a 督查 found), but each part is an incentive in a policy area, not a
    督查 (the parts of a notice are the work its title names: `_arranged`)."""
    lines = ("各乡镇人民政府，县直各单位：",
             "为进一步加强和改进督查工作，健全正向激励机制，县政府决定将督查激励措施调整为两项。现将调整后的督查激励措施通知如下：",
             "一、对招商引资成效显著的乡镇，在年度项目资金安排中予以优先支持。（县发展改革局负责）",
             "二、对农村人居环境整治成效明显的乡镇，在分配奖补资金时予以适当倾斜。（县农业农村局负责）")
    items = {"一、", "二、"}

    def tagged(*text: str) -> set[str]:
        matches = pairs(classify(replace(report(*text), title="关于对真抓实干成效明显乡镇加大激励支持力度的通知",
                                         title_in_text=True), taxonomy))
        return {label[:2] for theme, label in matches if theme == "督查"}

    assert not tagged(*lines) & items
    # a list its sentence introduces (…督查激励措施具体如下：) is still that sentence's matter
    assert tagged(lines[0], lines[1].replace("现将调整后的督查激励措施通知如下：", "调整后的督查激励措施具体如下："), *lines[2:]) >= items


def test_a_campaign_named_by_a_quoted_list_of_slogans_does_not_make_its_parts_the_themes(taxonomy):
    """“下基层、进万家、转作风”活动: 作风 is one item of the campaign's name, a passing mention; its parts (领导小组,
    活动方式) carry 作风建设 only by their own words. Named whole (开展作风建设专项活动), the title arranges the work."""
    lines = ("局属各单位：", "为深入推进作风建设，决定在全局开展专项活动。现将有关事项通知如下：",
             "一、组织领导", "局成立活动领导小组，局长任组长，各科室负责人为成员。",
             "二、活动方式", "组织民警走村入户，了解群众需求，建立民情台帐。",
             "三、工作要求", "各单位要高度重视，精心组织，认真抓好落实。")
    campaign = replace(report(*lines), title="关于开展“下基层、进万家、转作风”活动的通知", title_in_text=True)
    got = {label for theme, label in pairs(classify(campaign, taxonomy)) if theme == "作风建设"}
    assert "（导语）" in got and not got & {"一、组织领导", "二、活动方式"}, got
    named = replace(report(*lines), title="关于开展作风建设专项活动的通知", title_in_text=True)
    got = {label for theme, label in pairs(classify(named, taxonomy)) if theme == "作风建设"}
    assert {"一、组织领导", "二、活动方式"} <= got, got
    # two quoted items are the title's matter, not slogans
    pair = replace(report(*lines), title="关于开展“整治形式主义、官僚主义”专项活动的通知", title_in_text=True)
    assert {"一、组织领导", "二、活动方式"} <= {label for theme, label in pairs(classify(pair, taxonomy)) if theme == "作风建设"}


def test_a_cover_notice_forwarding_discipline_and_accountability_rules_is_about_作风(taxonomy):
    """A cover notice whose title forwards 严肃上班纪律 and 效能问责 rules: its one passage is 作风建设, though
    the body names them only inside the cited titles."""
    body = ("局机关各部门、局属各单位：", ("现将《关于严肃上班纪律的通知》和《机关及其工作人员效能问责实施细则》转发给你们，"
             "请认真组织学习，并严格执行。"),
            "县综合执法局办公室", "2016年7月26日")
    title = "县综合执法局办公室转发县委办公室关于严肃上班纪律和机关及其工作人员效能问责实施细则的通知"
    assert "作风建设" in {theme for theme, _ in pairs(classify(replace(report(*body), title=title, title_in_text=True), taxonomy))}


def test_a_members_post_in_a_groups_list_is_no_check_of_discipline(taxonomy):
    """效能督查室主任 in a 督导组's member list only names an office: a check of discipline named there (上班纪律) would
    rule the part out of 督查, the office's name does not."""
    lines = ("各村居，各处室：", "为全面完成年度目标任务，决定成立工作督导组。现将相关事项通知如下：",
             "一、成立村居工作督导组", "成员名单如下：组长：林某 党委副书记 成员：陈某 {post}", "督导组对各村居进行拉网式督导推进。",
             "二、工作要求", "督导组每周通报督导推进情况。")
    title = "关于加强工作督导全面完成年度工作的通知"
    member = replace(report(*(line.format(post="效能督查室主任") for line in lines)), title=title, title_in_text=True)
    assert ("督查", "一、成立村居工作督导组") in pairs(classify(member, taxonomy))
    # the check itself named in a part still rules it out
    check = replace(report(*(line.format(post="负责检查上班纪律") for line in lines)), title=title, title_in_text=True)
    assert ("督查", "一、成立村居工作督导组") not in pairs(classify(check, taxonomy))
    # a 督查室主任 who leads a check is the check's evidence
    led = report("（二）开展专项督查", "县政府督查室主任李四带队，对全县重点项目建设进行专项督查。")
    assert ("督查", "（二）开展专项督查") in pairs(classify(led, taxonomy))


def test_a_通报s_part_over_items_most_of_which_name_the_theme_is_its_matter(dropped):
    """A 巡察整改 published (现将巡察整改情况予以公布。): 一、 over 一是…二是… that name the 巡察 (each too little alone) is the
    整改's organisation, the 通报's own matter; a part whose items name nothing of it is judged on its own words."""
    opening = ("关于巡察整改情况的通报", "根据县委巡察工作统一部署，县委第三巡察组对县财政局开展了巡察，并反馈了巡察意见。现将巡察整改情况予以公布。")
    organised = ("一、加强组织领导，压实整改责任", "一是局党组召开专题会议，研究部署巡察整改工作，成立整改工作领导小组。",
                 "二是对照巡察反馈意见，逐条制定整改措施，明确责任人和整改时限。", "三是建立整改台账，实行销号管理。")
    got = {label for theme, label in pairs(classify(report(*opening, *organised), dropped)) if theme == "党风廉政"}
    assert {"一、加强组织领导，压实整改责任", "一是局党组召开专题会议"} <= got and "三是建立整改台账，实行销号管理。" not in got
    budget = ("一、预算管理工作", "一是加快预算执行进度，每月调度一次。", "二是推进预算绩效管理，开展绩效评价12项。",
              "三是清理盘活存量资金3200万元。")
    assert {label for theme, label in pairs(classify(report(*opening, *budget), dropped)) if theme == "党风廉政"} == {"（导语）"}


def test_a_numbered_part_that_names_the_theme_among_parts_about_it_is_one_of_them(taxonomy):
    """一、…四、 parts, three of which are plainly about 信息报送: the fourth, whose one 信息员 would be too little alone, is
    one of them; the same 信息员 among parts about other work is judged on its own words."""
    lines = ("今年以来，县委统战部采取多项措施，加强信息报送工作。",
             "一、强化领导。", "明确分管领导主抓、信息员具体负责的工作机制，为采写报送政务信息提供保证。",
             "二、强化手段。", "建立信息工作微信群，畅通信息报送渠道，分享信息写作方法。",
             "三、强化时效。", "增强信息工作的时效性，做到信息采写快、审定报送快，全年报送信息86条。",
             "四、强化培训。", "对信息员进行多层面、多形式的培训，全面提高其整体素质。")
    assert ("信息报送", "四、强化培训。") in pairs(classify(report(*lines), taxonomy))
    others = ("今年以来，县委统战部采取多项措施，加强自身建设。",
              "一、强化学习。", "坚持每周集中学习，全年开展专题学习12次。",
              "二、强化服务。", "走访民营企业32家，协调解决融资难题8个。",
              "三、强化阵地。", "建成同心驿站5个，组织活动20场。",
              "四、强化培训。", "对信息员进行多层面、多形式的培训，全面提高其整体素质。")
    assert ("信息报送", "四、强化培训。") not in pairs(classify(report(*others), taxonomy))


def test_a_part_that_names_the_theme_under_a_heading_naming_it_is_one_of_its_parts(taxonomy):
    """三、注重结果运用，强化督查严肃性 over （一）…（三）: a part that names 督查 too, though too little alone, is one of the
    heading's parts; one that does not name it (（三）结果要纳入考评) is not listed."""
    lines = ("三、注重结果运用，强化督查严肃性",
             "（一）领导要高度重视。对《督查专报》涉及分管部门的，区领导要作出批示，督促分管部门认真整改。",
             "（二）媒体要加强监督。督查结果视情以一定形式予以公布，对典型问题要在新闻媒体上通报。",
             "（三）结果要纳入考评。在绩效考评指标体系中设置考核指标，明确考评标准。")
    (match,) = by_theme(classify(report(*lines), taxonomy), "督查")
    assert [p.label for p in match.parts] == ["（一）领导要高度重视。", "（二）媒体要加强监督。"]
    # under a heading that names other work, such a part is judged on its own words
    other = ("三、注重结果运用，强化考核严肃性", *lines[1:])
    assert not any(p.label.startswith("（二）") for m in by_theme(classify(report(*other), taxonomy), "督查") for p in m.parts)


def test_what_the_offices_check_found_is_督查_though_it_names_another_bodys_words(taxonomy):
    lines = ("各乡镇人民政府：", "9月下旬，县政府督查室牵头对各乡镇违规建设项目清理整顿工作进行了专项督查。有关情况通报如下：",
             "一、存在的主要问题", "（一）现场督查发现的问题",
             "城关镇：列入关闭名单的砖厂仍在生产。河口镇：渔港配套需求与景区安全隐患之间的矛盾未解决，项目业主已提出搬迁请示。")
    title = "关于违规建设项目清理整顿工作专项督查情况的通报"
    found = pairs(classify(replace(report(*lines), title=title, title_in_text=True), taxonomy))
    assert ("督查", "（一）现场督查发现的问题") in found
    # a sector's own check, with no office of the 督查 named, stays that sector's (安全隐患)
    sector = (lines[0], "9月下旬，县应急局对各乡镇违规建设项目清理整顿工作进行了专项督查。有关情况通报如下：", *lines[2:])
    found = pairs(classify(replace(report(*sector), title=title, title_in_text=True), taxonomy))
    assert ("督查", "（一）现场督查发现的问题") not in found
    # the 安委办's check of the towns' and departments' 安全生产 work is a 督查, though it names their 隐患排查
    item = ("近日，市安委办成立9个督查组，对各县（市、区）安全生产工作进行督查，重点检查安全隐患排查治理等工作落实情况。"
            "督查组采取四不两直方式，对发现的问题责成属地限期整改。")
    assert by_theme(classify(report(item), taxonomy), "督查")
    assert not by_theme(classify(report(item.replace("市安委办", "市交通运输局")), taxonomy), "督查")


def test_a_snippet_skips_the_信息公开_table_above_the_text(taxonomy):
    r = report("文件名称 | 关于重点工作督查情况的通报 |", "索引号 | 001/2024-01 | 公开目录: | 政务督查 |",
               "县政府督查室对重点工作开展专项督查，督查督办发现问题12个，已全部交办整改，现通报如下。",
               "一、总体情况", "确定事项22件，已办结6件。")
    (match,) = by_theme(classify(r, taxonomy), "督查")
    assert match.excerpt.startswith("县政府督查室对重点工作开展专项督查")


def test_a_passing_mention_in_a_long_section_does_not_count(taxonomy):
    r = report("一、经济发展", FILLER * 10 + "迎接上级督查一次。" + FILLER * 10)
    assert by_theme(classify(r, taxonomy), "督查") == []


def test_a_disasters_information_sent_up_is_信息报送(taxonomy):
    r = report("二是讲解灾情报送内容中灾种的识别和规范流程，提高灾情信息员的业务水平。")
    assert by_theme(classify(r, taxonomy), "信息报送")


def test_a_few_mentions_in_a_short_section_do(taxonomy):
    r = report("一、经济发展", "全年督办重点事项45件，开展专项督查8次，督查通报3期。")
    (match,) = by_theme(classify(r, taxonomy), "督查")
    assert match.label == "一、经济发展"


def test_a_heading_about_something_else_asks_more_of_the_text(taxonomy):
    text = "文字快起草，公文快处理，会务快筹备。"
    assert by_theme(classify(report(text), taxonomy), "办文办会")  # no heading: 5 ≥ 4
    assert not by_theme(classify(report("（二）强化干部作风", text), taxonomy), "办文办会")  # 5 < 6


def test_the_match_points_to_the_subsection_about_the_theme(taxonomy):
    r = report(
        "一、围绕中心抓服务",
        "一年来，办公室认真履职。",
        "（一）规范办文办会",
        "全年收文534份，发文120件，会务保障会议60余次。",
        "（二）强化督办协调",
        "督办完成领导批示15项，处理线上督办表格38份，开展专项督查6次。",
        "（三）做好后勤服务",
        "完成公务接待任务30批次，公务用车管理规范。",
    )
    matches = classify(r, taxonomy)
    (match,) = by_theme(matches, "督查")
    assert (match.label, match.block, match.heading_block) == ("（二）强化督办协调", 4, 4)
    assert match.parts == ()
    assert "一、围绕中心抓服务" not in {m.label for m in matches}  # its own text is about none


def test_most_subsections_about_one_theme_make_one_link_to_their_parent(dropped):
    r = report(
        "三、加强自身建设",
        "（一）落实主体责任",
        "严格落实一岗双责，压实党风廉政建设主体责任。",
        "（二）加强警示教育",
        "开展廉政警示教育3次，严格执行中央八项规定精神。",
        "（三）做好后勤服务",
        "完成公务接待任务30批次。",
    )
    (match,) = by_theme(classify(r, dropped), "党风廉政")
    assert match.label == "三、加强自身建设"
    assert [p.label for p in match.parts] == ["（一）落实主体责任", "（二）加强警示教育"]
    assert [p.block for p in match.parts] == [1, 3]
    assert Evidence("八项规定", 1, "text") in match.evidence  # the parts' evidence, summed


def test_a_heading_that_names_the_theme_stands_for_its_part(taxonomy):
    r = report(
        "三、转作风、树形象，争当作风建设标杆",
        "作风建设是高效机关的需要。一是力戒形式主义，持续为基层减负。精文减会。"
        "二是强化干部作风。大力弘扬马上就办的精神。三是做好保密工作。加强涉密文件管理。",
    )
    matches = classify(r, taxonomy)
    (match,) = by_theme(matches, "作风建设")
    assert match.label == "三、转作风、树形象，争当作风建设标杆"
    assert {p.label for p in match.parts} >= {"一是力戒形式主义，持续为基层减负。", "二是强化干部作风。"}
    (secret,) = by_theme(matches, "保密工作")  # another theme keeps its own link
    assert (secret.kind, secret.label, secret.heading) == ("lead", "三是做好保密工作。", match.label)


def test_an_item_that_names_the_theme_beside_items_about_it_is_one_of_them(taxonomy):
    r = report(
        "为做好全镇工作，采取以下措施。一是统一思想。信息工作是领导决策的重要参考，全镇上下要统一认识。"
        "二是健全机制。建立信息报送考核办法，每月通报各单位报送信息和采用情况。"
        "三是充实队伍。各村设立信息员，及时编报信息，每季度开展信息员培训。"
        "四是改善环境。加快推进镇区道路改造和绿化美化工作。",
    )
    labels = pairs(classify(r, taxonomy))
    assert {("信息报送", "二是健全机制。"), ("信息报送", "三是充实队伍。")} <= labels
    assert ("信息报送", "一是统一思想。") in labels  # says less (信息工作, once), but is one of them
    assert ("信息报送", "四是改善环境。") not in labels  # names nothing of it


def test_a_parent_with_its_own_evidence_is_listed_beside_its_subsection(taxonomy):
    r = report(
        "一、抓基础、提质量",
        "我办坚持把信息报送作为基础工程，健全信息报送制度。",
        "一是优化工作机制。建立常态化工作模式。二是提高信息质量。编报政务信息120条，被省市采用36条。"
        "三是强化业务培训。组织公文培训2次。四是丰富文体活动。开展知识竞赛。",
    )
    labels = [m.label for m in by_theme(classify(r, taxonomy), "信息报送")]
    assert labels == ["一、抓基础、提质量", "二是提高信息质量。"]


def test_the_whole_report_when_most_of_it_is_about_a_theme(taxonomy):
    r = report(
        "作风建设专项整治情况汇报",
        "一、从严抓作风",
        "整治形式主义、官僚主义，转变工作作风。",
        "二、从快抓作风",
        "大力弘扬马上就办的工作作风，整治庸政懒政怠政。",
        "三、下步打算",
        "持续推进作风建设，巩固整治成果。",
    )
    (match,) = by_theme(classify(r, taxonomy), "作风建设")
    assert (match.kind, match.label, match.block, match.heading) == ("report", REPORT_LABEL, 0, None)
    # 三、下步打算 names no theme, and its one sentence is about 作风建设: a part of its own.
    assert [p.label for p in match.parts] == ["一、从严抓作风", "二、从快抓作风", "三、下步打算"]


def test_a_sentence_in_passing_under_another_themes_heading_is_not_enough(taxonomy):
    r = report("三、加强信息报送", "全年报送政务信息870条。持续推进作风建设，巩固整治成果。")
    assert not by_theme(classify(r, taxonomy), "作风建设")


def test_preamble_and_windows_can_match(taxonomy):
    r = report("我办全年报送政务信息870条，被省市采用186条，编发信息专报50期。", "一、其他工作", FILLER)
    (match,) = by_theme(classify(r, taxonomy), "信息报送")
    assert (match.kind, match.label, match.block, match.heading_block) == ("preamble", PREAMBLE_LABEL, 0, None)
    flat = report(FILLER * 3, "全年报送政务信息870条，被省市采用186条，编发信息专报50期，信息工作考核全市第一。")
    (window,) = by_theme(classify(flat, taxonomy), "信息报送")
    # a window is cut by length: the one paragraph that holds the evidence is the passage
    assert (window.kind, window.block, window.heading, window.passage) == ("window", 1, None, True)
    # its label and its snippet read on from each other: the snippet does not repeat the label
    assert window.label[:-1] + window.excerpt == "全年报送政务信息870条，被省市采用186条，编发信息专报50期，信息工作考核全市第一。"
    # …and a trace in another paragraph, a word weighing less than 1 (层层抓落实: 0.5 for 督查), does not make that
    # paragraph part of the passage
    checked = ("加强领导。由镇主要领导负总责，严格落实一级抓一级、层层抓落实的工作机制。", FILLER,
               "严格督查。镇不定期组织人员对重点工作落实情况进行督查，细化督查内容，督查结果全镇通报。")
    (window,) = by_theme(classify(report(*checked), taxonomy), "督查")
    assert (window.kind, window.block, window.passage) == ("window", 2, True)


def test_a_window_about_a_theme_in_several_paragraphs_stays_whole(taxonomy):
    text = "全年报送政务信息870条，被省市采用186条。"
    flat = report(text, "编发信息专报50期，信息工作考核全市第一。", FILLER)
    (window,) = by_theme(classify(flat, taxonomy), "信息报送")
    assert (window.kind, window.block, window.passage) == ("window", 0, False)


def test_12345_counts_as_the_hotline_only_when_it_is_the_number(dropped):
    hotline = report("受理12345热线工单5115件，12345平台办结率100%，回访满意率93%。")
    assert by_theme(classify(hotline, dropped), "12345热线")
    number = report("全年完成投资123456万元，实现产值5123450万元，增长12%。")
    assert not by_theme(classify(number, dropped), "12345热线")


def test_a_zero_weight_keyword_masks_a_longer_phrase(taxonomy):
    # 政务信息公开 is 政务公开, not the 政务信息 of information reports.
    r = report("认真落实政务信息公开制度，全年政务信息公开120条，政务信息公开平台运行良好。")
    matches = classify(r, taxonomy)
    assert not by_theme(matches, "信息报送")
    assert by_theme(matches, "政务公开")


def test_a_channel_named_after_the_theme_is_no_evidence(taxonomy):
    # a WeChat account named “许昌督查” is where clues are sent, not a 督查; the same words as a check are one
    named = report("征集方式：", "1.关注“许昌督查”微信公众号，进入“许昌督查”公众号问题线索直通车，提交“许昌督查”公众号问题线索。")
    assert not by_theme(classify(named, taxonomy), "督查")
    checked = report("征集方式：", "1.许昌督查组对各县区开展专项督查，督查结果全市通报，督办问题限期整改。")
    assert by_theme(classify(checked, taxonomy), "督查")


def test_report_themes_are_the_union_in_taxonomy_order(taxonomy):
    r = report("（一）强化督办协调，做好信息报送。", "督办完成领导批示15项。报送信息材料9篇。")
    matches = classify(r, taxonomy)
    assert report_themes(matches, taxonomy) == ["信息报送", "督查"]  # themes.yml lists 信息报送 first
    assert report_themes([], taxonomy) == []


def test_chips_put_the_theme_a_report_says_most_about_first(taxonomy):
    # 督查 is named by a short item's heading (the best score); 信息报送 runs through a long section
    filler = "围绕全县经济社会发展大局，深入基层一线了解实际情况，认真分析存在的困难和问题，及时提出对策建议。"
    r = report(
        "一、督查督办", "督查督办重点工作5项，全部按期办结。",
        "二、服务决策",
        "坚持每周编发信息专报，全年报送政务信息326条，被省市采用58条。" + filler * 4 + "健全信息员网络，及时报送信息。" + filler * 4,
    )
    matches = classify(r, taxonomy)
    best = {m.theme: m.score for m in matches}
    assert best["督查"] > best["信息报送"]
    assert report_themes(matches, taxonomy) == ["信息报送", "督查"]
    covered = {m.theme: m.chars for m in matches}
    assert covered["信息报送"] > covered["督查"] > 0


def test_classification_is_deterministic_and_empty_reports_are_fine(taxonomy):
    r = seed("001")
    assert classify(r, taxonomy) == classify(r, taxonomy)
    assert classify(report(), taxonomy) == []
    assert classify(report("标题", "一、"), taxonomy) == []


# ---------------------------------------------------------------------------------- seed reports


@pytest.fixture(scope="module")
def seeds(taxonomy):
    return {prefix: classify(seed(prefix), taxonomy) for prefix in ("000", "001", "002", "003", "004")}


def test_seed_000(seeds, dropped):
    # 县政府办公室 summary of the "提质效促落实强本领促发展" campaign. Part 三 is headed 转作风…
    # 争当作风建设标杆 and is about 作风 throughout; part 二 has （一）政务服务（放管服, 一窗受理）,
    # （二）with three lead-ins on 文稿, 调查研究 and 信息报送, and （三）抓督办, whose three lead-ins
    # all follow up 12345 hotline work orders and 人大建议/政协提案 (one link each, to （三）).
    # Part 一's 二是强化理论武装 is about 第一议题 and 中心组学习; part 三's 三是 is about
    # 全面从严治党 and 八项规定.
    m = seeds["000"]
    assert pairs(m) >= {
        ("作风建设", "三、转作风、树形象，争当作风建设标杆"),
        ("办文办会", "一是文稿服务精益求精。"),
        ("调查研究", "二是调查研究深入细致。"),
        ("信息报送", "三是信息报送及时高效。"),
        ("督查", "（三）认真较真抓督办，工作推进落实落地。"),
    }
    # Nothing in it is about 信访, 值班, 保密 or 数字政府.
    assert not {"信访", "值班值守", "保密工作", "数字政府"} & {x.theme for x in m}
    # 党风廉政 and 12345热线 are off by default (themes.yml's end section); switched on, they find their passages
    m = classify(seed("000"), dropped)
    assert pairs(m) >= {("12345热线", "（三）认真较真抓督办，工作推进落实落地。"), ("党风廉政", "三是压实主体责任，落实全面从严治党。")}
    (hotline,) = by_theme(m, "12345热线")
    assert hotline.block == hotline.heading_block == 9
    # Two of its three lead-ins are about the hotline on their own; 二是 (mostly 提案) names it
    # too, and beside them it is one of them (theme_labels.tsv labels it 12345热线).
    assert [p.label for p in hotline.parts] == ["一是强化“电话催”。", "二是突出“现场督”。", "三是抓好“回头看”。"]


def test_seed_001(seeds, dropped):
    # 县政府办公室 year summary. Part 一 lists six duties as 一是…六是 paragraphs, each its own
    # theme: 调查研究, 政务信息 (信息报送), 办文办会, 政务督查 (which also follows up 人大代表建议
    # and 政协委员提案), 便民服务/行政审批 (政务服务; part 一's "政务服务水平" is the office serving
    # its leaders, which the labelled set does not count), 依法行政. Part 二's 三是 is about 突发事件 (安全应急); part 三 about the
    # 班子's 自身建设 (队伍建设) with 四是 on 党风廉政建设主体责任.
    m = seeds["001"]
    assert pairs(m) >= {
        ("调查研究", "一是高质高效开展调查研究。"),
        ("信息报送", "二是不断提高政务信息质量。"),
        ("办文办会", "三是严谨细致高效办文办会。"),
        ("督查", "四是扎实有效开展政务督查。"),
        ("安全应急", "三是围绕突发事件抓协调。"),
    }
    assert ("党风廉政", "四是扎实落实党风廉政建设主体责任。") in pairs(classify(seed("001"), dropped))  # (off by default)
    (inspection,) = by_theme(m, "督查")
    assert (inspection.kind, inspection.block, inspection.heading_block) == ("lead", 6, 1)
    assert Evidence("政务督查", 1, "lead") in inspection.evidence
    assert Evidence("督查督办", 2, "text") in inspection.evidence
    # No hotline, no 数字政府: the text never speaks of them.
    assert not {"12345热线", "数字政府"} & {x.theme for x in classify(seed("001"), dropped)}


def test_seed_002(seeds, dropped):
    # 行政审批服务局办公室 summary: its subsection headings say their themes. （一）强化督办协调，
    # 做好信息报送 (督办 15 批示 + 报送 材料), （二）规范办文办会，大兴调查研究, （三）加强值班信访,
    # （四）加强队伍建设; 二、（二）信息工作成效初显 and 四、（一）加强信息宣传 are about
    # 信息 work; 二、（一）is the 政务服务 hall's performance management; （五）'s 主题党日 and
    # 党员 are 机关党建.
    m = seeds["002"]
    assert pairs(m) >= {
        ("信息报送", "（一）强化督办协调，做好信息报送。"),
        ("督查", "（一）强化督办协调，做好信息报送。"),
        ("办文办会", "（二）规范办文办会，大兴调查研究。"),
        ("调查研究", "（二）规范办文办会，大兴调查研究。"),
        ("值班值守", "（三）加强值班信访，筑牢安全底线。"),
        ("信访", "（三）加强值班信访，筑牢安全底线。"),
        ("信息报送", "（二）信息工作成效初显。"),
        ("信息报送", "（一）加强信息宣传，完成“硬指标”。"),
    }
    (info,) = [x for x in by_theme(m, "信息报送") if x.label.startswith("（一）强化")]
    assert info.block == info.heading_block == 2
    assert Evidence("信息报送", 1, "heading") in info.evidence
    # "12345投诉37件" once, and 强作风 in the name of a training course: passing mentions.
    assert not {"12345热线", "作风建设"} & {x.theme for x in classify(seed("002"), dropped)}


def test_seed_003(seeds):
    # 乡 report on the 作风革命效能革命 campaign: parts 一 (three 抓作风促落实 subsections), 三
    # (two more) and 五 (转变作风, 作风建设若干规定) and the opening are all about 作风, so the
    # theme links to the whole report, with the subsections as its parts, among them
    # （二）从严从实抓作风促落实。 Part 五's （三） lists 强化督查督办 and 成效督查 (督查); part 二's
    # subsections are a 调研 task, an 应急处突 posting and the 传帮带 of cadres.
    m = seeds["003"]
    (style,) = by_theme(m, "作风建设")
    assert (style.kind, style.block) == ("report", 0)
    parts = {p.label: p.block for p in style.parts}
    assert parts["（二）从严从实抓作风促落实。"] == 4
    assert {"（一）从深从广抓思想促落实。", "（三）严督实考抓作风促落实。", "（二）从勤从快抓作风促落实。"} <= set(parts)
    assert pairs(m) >= {
        ("督查", "（三）强化监督狠抓管理。"),
        ("调查研究", "（三）开展一项重点工作调研。"),
        ("安全应急", "（五）开展一次应急处突历练。"),
    }


def test_seed_004(seeds, dropped):
    # 市政府办公室 班子 summary, one duty per lead-in: 加强理论学习, 以智辅政 (调研成果), 以文辅政
    # (文稿), 以技辅政 (OA, 数字政府), 办文办会, 协调督办 (督查 and 建议提案办理), 后勤服务 (后勤保障, off by default),
    # 法律顾问 (依法行政), 数字政府系统建设, *****服务热线 (the hotline, number redacted),
    # 政府信息公开; part 五 "廉"字为绳 is about 廉政建设 throughout.
    m = seeds["004"]
    assert pairs(m) >= {
        ("调查研究", "一是以智辅政高质高效。"),
        ("办文办会", "二是以文辅政精益求精。"),
        ("数字政府", "三是以技辅政整体智治。"),
        ("办文办会", "一是周备严谨，做好办文办会工作。"),
        ("督查", "二是周密高效，做好协调督办。"),
        ("数字政府", "一是数字政府系统建设领先。"),
        ("政务公开", "四是政府信息公开更加规范。"),
    }
    assert pairs(classify(seed("004"), dropped)) >= {  # (off by default)
        ("12345热线", "三是社会服务工作提质提效。"),
        ("党风廉政", "五、“廉”字为绳，廉政建设和工作作风再现新面貌"),
    }
    assert not {"信访", "值班值守", "保密工作"} & {x.theme for x in m}
    # 后勤服务 is off by default (themes.yml's end section); switched on, the duty is its
    assert ("后勤保障", "三是周到细致，做好后勤服务。") in pairs(classify(seed("004"), switched_on("后勤保障")))


def test_seed_matches_point_into_the_report(seeds):
    for prefix, matches in seeds.items():
        r = seed(prefix)
        for match in matches:
            assert 0 <= match.block < len(r.blocks)
            if match.heading_block is not None:
                assert r.blocks[match.heading_block].kind == "heading"
                assert r.blocks[match.heading_block].text == match.heading
            if match.kind == "heading":  # its heading, or the paragraph of the one sentence about the theme
                assert match.block == match.heading_block or (
                    match.block > match.heading_block and r.blocks[match.block].kind == "paragraph"
                )
            assert match.evidence and all(e.count > 0 for e in match.evidence)
            assert len(match.excerpt) <= 81
        keys = [(m.section, m.theme) for m in matches]
        assert len(keys) == len(set(keys)) and keys == sorted(keys, key=lambda k: k[0])


# ---------------------------------------------------------------------------- editing the file


def test_an_edited_taxonomy_changes_the_classification(tmp_path, taxonomy):
    edited = tmp_path / "themes.yml"
    shutil.copy(THEMES_YML, edited)
    with edited.open("a", encoding="utf-8") as f:
        f.write(
            "\n  - name: 档案史志\n"
            "    description: 档案管理、史志和年鉴编纂\n"
            "    keywords:\n"
            "      档案: 2\n"
            "      史志: 2\n"
            "      年鉴: 1.5\n"
        )
    mine = load_taxonomy(edited)
    assert mine.digest != taxonomy.digest
    r = seed("002")
    assert not by_theme(classify(r, taxonomy), "档案史志")
    (match,) = by_theme(classify(r, mine), "档案史志")
    assert match.label == "（四）加强队伍建设，规范史志档案。"
    assert Evidence("史志", 1, "heading") in match.evidence

    # Raising one theme's threshold between its strongest and second strongest sections keeps
    # only the strongest (the rules alone: with `model: true` the trained model may give the
    # theme back to a section left below the threshold, tested apart).
    scores = sorted(((x.score, x.label) for x in by_theme(classify(r, mine), "信息报送") if x.model is None), reverse=True)
    assert len(scores) >= 3 and scores[0][0] > scores[1][0]
    text, edits = re.subn(
        r"(  - name: 信息报送\n    description: [^\n]*\n)((?:    #[^\n]*\n)*)    model: true\n",
        lambda m: f"{m.group(1)}    threshold: {(scores[0][0] + scores[1][0]) / 2}\n",
        THEMES_YML.read_text(encoding="utf-8"),
    )
    assert edits == 1
    edited.write_text(text, encoding="utf-8")
    labels = [x.label for x in by_theme(classify(r, load_taxonomy(edited)), "信息报送")]
    assert labels == [scores[0][1]]


def test_a_backtracking_pattern_cannot_hang_the_build():
    """(?:a+)+$ takes exponential time in a backtracking engine; RE2 answers in linear time."""
    taxonomy = taxonomy_from_data(
        {"themes": [{"name": "T", "description": "d", "patterns": {"(?:a+)+$": 1}}]}, "themes.yml"
    )
    hostile = ParsedReport("t", False, True, (Block("paragraph", "a" * 100_000 + "b"),))
    started = time.perf_counter()
    assert classify(hostile, taxonomy) == []
    assert time.perf_counter() - started < 5  # a backtracking engine would not finish at all


def test_a_pattern_group_is_the_evidence_word():
    taxonomy = taxonomy_from_data(
        {"themes": [{"name": "热线", "description": "d", "patterns": {"(?:^|[^0-9])(12345)(?:[^0-9]|$)": 5}}]},
        "themes.yml",
    )
    matches = classify(ParsedReport("t", False, True, (Block("paragraph", "拨打12345热线，不是912345。"),)), taxonomy)
    assert [(e.word, e.count) for m in matches for e in m.evidence] == [("12345", 1)]


def test_a_long_section_about_a_theme_in_one_sentence_links_to_that_paragraph(taxonomy):
    r = report(
        "（五）持续加强政府自身建设",
        "营商环境进一步改善。" + FILLER * 15,
        "政府作风持续改进。扎实开展深入贯彻中央八项规定精神学习教育，坚决纠治四风。",
    )
    (match,) = by_theme(classify(r, taxonomy), "作风建设")
    # the match is that paragraph (what the theme page shows and links to), under its heading's label
    assert (match.label, match.block, match.passage) == ("（五）持续加强政府自身建设", 2, True)
    assert match.excerpt.startswith("政府作风持续改进")
    # a heading about the theme is the whole part, not one paragraph of it
    named = report("（五）持续加强作风建设", "营商环境进一步改善。" + FILLER * 15, "政府作风持续改进。坚决纠治四风。")
    (match,) = by_theme(classify(named, taxonomy), "作风建设")
    assert (match.block, match.passage) == (0, False)


def test_numbered_items_are_sections_and_an_introduced_list_is_the_themes(taxonomy):
    """1. / （2） paragraphs are sections of their own; the items a paragraph about a theme
    introduces with a colon are its parts, whatever words they use."""
    r = report(
        "中央纪委办公厅公开通报3起典型问题",
        "日前，有关部门对3起整治形式主义为基层减负典型问题进行通报。具体如下：",
        "1.某县违规使用资金维修政府办公楼楼顶、建设广场景观小品，实际形成支出1193万元。",
        "2.某区对外交流中心存在过度装修问题，其会议中心装修成本高达5489元/平方米。",
        "3.某市侵占耕地挖湖造景，整改存在弄虚作假问题。",
    )
    sections = split_sections(r)
    leads = [s.label[:2] for s in sections if s.kind == "lead"]
    assert leads == ["1.", "2.", "3."]
    (match,) = by_theme(classify(r, taxonomy), "作风建设")
    assert [p.label[:2] for p in match.parts] == ["1.", "2.", "3."]
    # the same items after a colon that introduces something else are not the theme's
    r = report(
        "2024年工作要点",
        "坚持真抓实干，整治形式主义为基层减负。",
        "今年的主要目标是：",
        "1.地区生产总值增长5%左右，城镇新增就业1万人。",
        "2.居民人均可支配收入与经济增长同步。",
    )
    assert all(not m.parts for m in by_theme(classify(r, taxonomy), "作风建设"))


def test_demands_a_check_introduces_are_judged_one_by_one(taxonomy):
    """A 督查组's finding that ends by demanding something (…发出了整改要求：) does not make the
    demands the 督查's parts: each is judged by its own words. Requirements of the theme's own
    (…信息报送要求：) are still its parts."""
    r = report(
        "督查组先后督查了金融商务区、东湖引水等在建项目，通过实地查看、听取汇报等方式全面掌握项目推进情况，"
        "对进度滞后的项目开展督查，并发出了整改要求：一是多措并举加快项目建设进度。"
        "二是明确并充分履行项目实施主体责任，确保如期完工。三是加强与施工方沟通，及时协调解决问题。",
    )
    (match,) = by_theme(classify(r, taxonomy), "督查")
    assert not match.parts and match.own
    r = report(
        "关于做好政务信息报送工作的通知",
        "为提高政务信息报送质量，推动信息报送工作上台阶，现提出信息报送要求：",
        "1.各单位每周报送一篇工作信息。",
        "2.每月25日前报送一篇调研材料。",
    )
    (match,) = by_theme(classify(r, taxonomy), "信息报送")
    assert [p.label[:2] for p in match.parts] == ["1.", "2."]
    # …and so are the answers a 督查's findings end by announcing (问题整改情况：): what was done about each problem is the
    # checked side's, judged by its own words
    findings = ("省效能办开展第一轮效能督查，督查情况全省通报，督查发现县直单位项目推进滞后、审批超时等问题。问题整改情况：",
                "(1)对上轮督查通报的9个滞后项目，已督促4个整改到位。",
                "(2)关于人力资源服务许可承诺时限未压缩的问题，该事项已压缩到法定时限的60%以内。",
                "(3)关于社团登记档案不规范的问题，已逐一补齐材料。")
    def parts(*lines: str) -> set[str]:
        return {p.label[:3] for m in by_theme(classify(report("".join(lines)), taxonomy), "督查") for p in m.parts}

    assert not parts(*findings) & {"(2)", "(3)"}
    # (a list the findings introduce as such, 具体如下：, is what the check found: its items are the 督查's)
    assert parts(findings[0].replace("问题整改情况：", "具体如下："), *findings[1:]) >= {"(2)", "(3)"}


def test_one_word_repeated_is_not_a_topic(taxonomy):
    """A word counts at most SATURATION times in a section: 交办 ×30 in passing is not 督查."""
    text = "信访事项交办后，承办单位应当及时办理并答复。" * 30
    r = report("一、工作情况", text)
    assert not by_theme(classify(r, taxonomy), "督查")
    r = report("一、督查督办情况", "对重点工作开展督查督办，跟踪问效。" * 3)
    assert by_theme(classify(r, taxonomy), "督查")


def test_a_short_paragraph_about_a_theme_makes_a_long_section_about_it(taxonomy):
    """A paragraph of at most TEXT_UNIT characters whose evidence, from two words or more, reaches
    the threshold is about the theme, however long its section; no sentence of it reaches the
    sentence rule alone, and one word twice is not enough."""
    about = "那些不提出问题也不解决问题的文牍和冗长的会议，都是形式主义的表现。不检查工作、不接近群众，则是官僚主义的表现。"
    r = report("三、其他工作", FILLER * 15, about, FILLER * 15)
    (match,) = by_theme(classify(r, taxonomy), "作风建设")
    assert match.block == 2 and match.excerpt.startswith("那些不提出问题")
    one_word = about.replace("官僚主义", "形式主义")
    assert not by_theme(classify(report("三、其他工作", FILLER * 15, one_word, FILLER * 15), taxonomy), "作风建设")
    # the same two sentences inside a paragraph longer than TEXT_UNIT are a passing mention
    long_paragraph = FILLER * 6 + about + FILLER * 6
    assert not by_theme(classify(report("三、其他工作", long_paragraph, FILLER * 15), taxonomy), "作风建设")


def test_an_item_of_a_list_is_a_passing_mention(taxonomy):
    """One item of a list of n counts 2/n, whether the items are quoted or separated by 、; the
    sentence's own words count whole."""
    quoted = "对“创文”“打好发展六仗”“主题教育”“政务督查”“组工信息”等重点信息报送任务实行专人专办。"
    themes = {m.theme for m in classify(report("（三）其他", quoted), taxonomy)}
    assert "信息报送" in themes and "督查" not in themes
    # the same word outside a list is the sentence's topic
    assert by_theme(classify(report("（三）其他", "对政务督查任务实行专人专办，限时办结。"), taxonomy), "督查")
    listed = (
        "扎实开展党史学习教育、主题教育、党纪学习教育、深入贯彻中央八项规定精神学习教育，深化作风建设、推进廉政建设、"
        "整治不正之风、落实过紧日子、办理建议提案、清理规章、推进政务公开、建设数字政府、优化营商环境、抓好安全生产。"
    )
    assert not by_theme(classify(report("一、过去五年的工作", FILLER * 15, listed, FILLER * 15), taxonomy), "作风建设")
    focused = "深入贯彻中央八项规定精神，深化作风建设，坚决整治不正之风。"
    assert by_theme(classify(report("一、过去五年的工作", FILLER * 15, focused, FILLER * 15), taxonomy), "作风建设")


@pytest.mark.parametrize(("lines", "theme", "about"), [
    # a short text that names the theme only as one item of lists of other matters (an office among
    # those of a 领导小组, one task of the year's) is not about it, however short it is
    (("某县成立由县纪委、审计局、财政局、信访局、发改局等10余个单位组成的工作领导小组，对全县重点工作推进情况开展全过程监督。",
      "目前，监督已覆盖精准扶贫、项目建设、信访维稳、环境整治等各项重点工作，有效促进了工作落实。"), "信访", False),
    (("连日来，某镇疫情防控工作组常态化开展监督检查，并启动24小时值班和领导带班机制，"
      "对全镇各村、商超、学校、药店、冷链仓储等重点场所全面检查。",), "值班值守", False),
    # outside a list it is the text's matter; and the part that opens a list carries the sentence's own lead-in
    (("连日来，某镇疫情防控工作组常态化开展监督检查，严格执行24小时值班和领导带班制度，值班人员坚守岗位，保持通讯畅通。",), "值班值守", True),
    (("6月12日，督查组先后督查了金融商务区、罗家村、工业园区、物流园等在建项目，实地查看项目进度，对进度滞后的项目下达整改通知。",),
     "督查", True),
])
def test_a_theme_named_only_as_an_item_of_lists_is_a_passing_mention(taxonomy, lines, theme, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), theme)) == about


@pytest.mark.parametrize(("lines", "theme", "word"), [
    # in a heading (× heading_factor) each is enough: the 2013–2014 campaign against the 四风, a leader's conduct, the
    # holiday's end
    (("一、深入开展党的群众路线教育实践活动", "聚焦“四风”问题，认真查摆，立行立改。"), "作风建设", "群众路线教育实践活动"),
    (("三、下基层轻车简从", "领导同志下基层减少陪同，不搞迎送。"), "作风建设", "轻车简从"),
    (("二、严禁公款送礼", "党员干部不收礼不送礼。"), "作风建设", "公款送礼"),
    (("一、迅速收心归位", "节后第一天全体干部按时到岗，迅速进入工作状态。"), "作风建设", "收心归位"),
    # an event's information sent up in set times (疫情报告, 突发事件报告, 初报, 无事报平安; 缓报 among 漏报 and 瞒报)
    (("（一）严格疫情报告", "各地要如实报告病例，不得缓报、漏报和瞒报。"), "信息报送", "疫情报告"),
    (("四、有事报事、无事报平安", "每日下午4时前报告当日情况。"), "信息报送", "无事报平安"),
    (("一、预警信息报告", "各股室要关注重点领域，及时发现苗头性问题，在第一时间内上报。"), "信息报送", "信息报告"),
    # a 信息工作 training's first demand (增强信息意识: seeing what is worth reporting up)
    (("三、增强信息意识", "做一位有心人，善于从日常工作中发现有价值的情况。"), "信息报送", "信息意识"),
    # information that touches stability, reported up (维稳信息, 涉稳信息), as 舆情信息 is
    (("二、畅通维稳信息", "明确专人负责收集矛盾纠纷和不稳定因素，做到即时即报。"), "信息报送", "维稳信息"),
    # the campaign against cadres who do not act (整治“躺平式”干部), as 庸懒散 is
    (("二、整治“躺平式”干部", "对工作推诿拖延、不担当不作为的干部约谈提醒。"), "作风建设", "躺平"),
    (("（五）坚持“四下基层”", "领导干部每月到联系点现场办公、接待群众。"), "作风建设", "四下基层"),
    # the campaign's 文山会海 in halves (精简“文山”), as 会海 is
    (("一是精简“文山”。", "严格控制发文数量，精简、合并无实质性内容的发文。"), "作风建设", "文山"),
    # the names of a government's online services and its data (一网通办, 政务服务平台, 公共数据)
    (("（三）深化“一网通办”改革", "更多事项实现全程网办。"), "数字政府", "一网通办"),
    (("第二章 公共数据目录", "公共管理和服务机构应当编制本单位公共数据目录。"), "数字政府", "公共数据"),
    # the legal term of the safety regulations (生产安全事故报告和调查处理条例), and its short form
    (("三、遏制生产安全事故", "全年未发生较大以上事故，事故起数同比下降12%。"), "安全应急", "生产安全事故"),
    (("（二）严防安全事故", "对辖区企业开展拉网式检查，整改问题36处。"), "安全应急", "安全事故"),
])
def test_words_that_name_the_theme_in_a_heading(taxonomy, lines, theme, word):
    matches = by_theme(classify(report(*lines), taxonomy), theme)
    assert any(word in e.word for m in matches for e in m.evidence), [(m.label, m.evidence) for m in matches]


def test_八项规定精神_in_its_full_form_counts_as_the_short_one(taxonomy):
    theme = next(t for t in taxonomy.themes if t.name == "作风建设")
    short = themes.words_in(theme, "坚决落实中央八项规定精神。")
    full = themes.words_in(theme, "坚决落实中央八项规定及其实施细则精神。")
    assert full[0] == short[0] > 0, (short, full)


def test_文山_the_place_is_not_the_campaigns(taxonomy):
    theme = next(t for t in taxonomy.themes if t.name == "作风建设")
    assert not themes.words_in(theme, "文山州文山市召开全市项目建设推进会，文山市委书记出席。")[1]
    assert themes.words_in(theme, "全乡持续精简文山、整治会海。")[1] == {"文山": 1, "会海": 1}


def test_a_group_named_over_its_member_list_is_not_its_work(taxonomy):
    """（一）基层工作效能督查组组 长：林华 副组长：施斌: the group's name over its members is no 作风 check; the same group
    checking discipline is one."""
    theme = next(t for t in taxonomy.themes if t.name == "作风建设")
    assert not themes.words_in(theme, "（一）基层工作效能督查组组 长：林华副组长：施斌成 员：刘顺发")[1]
    assert not themes.words_in(theme, "第二作风督查组组长：王五")[1]
    assert themes.words_in(theme, "效能督查组对机关上班纪律开展效能督查。")[1]


def test_where_a_groups_members_come_from_is_not_its_work(dropped):
    """二、人员组成 …成员由区办机关党委、区办纪检组…等相关人员组成 … 组长：王五（区办纪检组长）: the units and posts of a
    督查组's members name where they work; the same words as what the group does are 党风廉政's."""
    members = ("二、人员组成", "督查组分两组，成员由区办机关党委、区督查室、区办纪检组、区办行政处等相关人员组成。",
               "第一组 组长：张三（区办机关党委副书记） 成员：李四", "第二组 组长：王五（区办纪检组长） 成员：赵六")
    assert not by_theme(classify(report(*members), dropped), "党风廉政")
    theme = next(t for t in dropped.themes if t.name == "党风廉政")
    assert themes.words_in(theme, "督查组会同区办纪检组开展检查，区办纪检组对发现的问题逐一登记。")[1] == {"纪检": 2}
    # each mask alone: a post, or the units a group is formed from
    for line in ("成员由区办机关党委、区督查室、区办纪检组、区办行政处等相关人员组成。",
                 "第二组 组长：王五（区办纪检组长） 成员：赵六（区办纪检组干部）"):
        assert not themes.words_in(theme, line)[1], line


def test_the_items_under_a_heading_naming_attendance_rules_are_those_rules(taxonomy):
    """一、考勤制度 over 1.…不得迟到、早退。 2.上班时间… 3.考勤时间…: 考勤制度 names the rules (作风建设, weight 2), so each
    one-sentence item under it is one of them, though it names only the hours; bare 考勤 (1.5) names the matter, not its
    rules."""
    items = ("1.全体干部职工要严格遵守上、下班制度，不得迟到、早退。", "2.上班时间上午8:00-12:00，下午2:30-5:30。",
             "3.超过规定时间签到的视为迟到。")
    def hours_tagged(heading: str) -> bool:
        return any(label.startswith("2.上班时间") for m in by_theme(classify(report(heading, *items), taxonomy), "作风建设")
                   for label in (m.label, *(p.label for p in m.parts)))

    assert hours_tagged("一、考勤制度")
    assert not hours_tagged("一、考勤")


def test_one_demand_among_others_in_a_sentence_about_another_theme_is_a_passing_mention(taxonomy):
    """A sentence of several clauses whose evidence stands in one of them, not the first, while
    another theme's words say as much in it, is that theme's: one demand in passing (a 镇's 信访
    item: …信访专员，加强信息报送，确保小事不出村). First, or beside no other theme's words, the
    clause is the sentence's matter."""
    visits = "我镇严格落实党政领导接访制度，随时接待来访群众，了解群众诉求，及时处置到位。"
    passing = "加快信访网格化建设，明确各村信访专员，加强信息报送，确保小事不出村、大事不出镇。"
    r = report(visits + passing + FILLER * 3)
    assert not by_theme(classify(r, taxonomy), "信息报送") and by_theme(classify(r, taxonomy), "信访")
    first = "加强信息报送，加快信访网格化建设，明确各村信访专员，确保小事不出村、大事不出镇。"
    assert by_theme(classify(report(visits + first + FILLER * 3), taxonomy), "信息报送")
    own = "各科室要高度重视，明确专人负责，严格审核把关，认真做好政务信息报送工作。"
    assert by_theme(classify(report(FILLER + own + FILLER * 3), taxonomy), "信息报送")
    # the clauses of a run of demands, ；by ；, are counted as one sentence's (a 政府工作报告's 自身建设)
    run = report("三、加强政府自身建设", "坚持依法行政，自觉接受人大法律监督和政协民主监督；深化政务公开，推进政务信息报送和政务服务标准化；"
                 "持续整治形式主义、官僚主义，切实为基层减负。")
    assert not by_theme(classify(run, taxonomy), "信息报送") and by_theme(classify(run, taxonomy), "作风建设")


def test_an_item_of_an_enumeration_is_not_a_heading(taxonomy):
    """（二）迟报或者漏报事故的； is one item of 有下列行为之一的：, not a heading over text: its
    words count as text. The same words as a run-in heading with text after them do name it."""
    r = report(
        "第三十五条 事故发生单位主要负责人有下列行为之一的，处上一年年收入40%至80%的罚款：",
        "（一）不立即组织事故抢救的；",
        "（二）迟报、漏报、谎报或者瞒报事故的；",
        "（三）在事故调查处理期间擅离职守的。",
    )
    # the rules' reading (the trained model may still add the item: its words are 信息报送's)
    assert not [m for m in by_theme(classify(r, taxonomy), "信息报送") if m.model is None]
    r = report("一、安全生产", "（二）严格事故信息报送。事故发生后1小时内逐级上报，首报要快，续报要准，严禁迟报、漏报、瞒报。")
    (match,) = by_theme(classify(r, taxonomy), "信息报送")
    assert match.label.startswith("（二）严格事故信息报送")
    # the discipline of reporting is one piece of evidence however many of its words are listed
    assert [(e.word, e.count) for e in match.evidence if "报" in e.word and "迟" in e.word] == [("迟报、漏报、瞒报", 1)]


@pytest.mark.parametrize("limit", ["1小时内", "在1小时之内用电话", "30分钟内", "半小时内", "两个小时之内"])
def test_a_time_limit_for_reporting_an_event_up_is_evidence_of_信息报送(taxonomy, limit):
    r = report("二、具体要求", f"3.发生灾情后，各村要{limit}上报镇防汛办，并续报处置进展。")
    (match,) = by_theme(classify(r, taxonomy), "信息报送")
    assert any(e.word.endswith("上报") for e in match.evidence)
    # a time limit for other work is not
    other = report("二、具体要求", f"3.接到通知后，各村要{limit}完成清理，确保道路畅通。")
    assert not by_theme(classify(other, taxonomy), "信息报送")


def test_words_match_in_traditional_characters_and_across_a_stray_space(taxonomy):
    """Keywords match in a traditional-character text (folded one for one, as search does) and
    across a space a PDF layout leaves inside a word; evidence is shown as the theme's word."""
    r = report("一、反對官僚主義和形式主義", "我們必須反對官僚主義，克服形式主義的領導作風。")
    (match,) = by_theme(classify(r, taxonomy), "作风建设")
    assert match.label == "一、反對官僚主義和形式主義"  # the page's own characters
    assert {e.word for e in match.evidence} >= {"反对官僚主义", "形式主义"}
    r = report("（一）加强作风 建设", "全面加强干部作风 建设，整治形式 主义。")
    (match,) = by_theme(classify(r, taxonomy), "作风建设")
    assert "作风建设" in {e.word for e in match.evidence}


def _engine(**theme) -> Taxonomy:
    """A one-theme taxonomy (督查, threshold 4), for rules of the engine rather than of themes.yml."""
    entry = {"name": "督查", "description": "d", "keywords": {"督查": 2, "督办": 2, "暗访": 1}, **theme}
    return taxonomy_from_data({"threshold": 4, "themes": [entry]}, "themes.yml")


def test_an_unless_word_in_a_section_rules_the_theme_out():
    """A 暗访 of 在岗在位 is a check of discipline (作风建设), although a 督查室 makes it."""
    text = "县委督查室、县政府督查室组成暗访组，督查督办各单位工作，发现{}问题12个。"
    plain = report("一、开展专项督查", text.format("推进滞后"))
    checked = report("一、开展专项督查", text.format("在岗在位"))
    assert by_theme(classify(plain, _engine(unless=["在岗在位"])), "督查")
    assert not by_theme(classify(checked, _engine(unless=["在岗在位"])), "督查")
    assert by_theme(classify(checked, _engine()), "督查")  # the list decides, not the words
    # the shipped taxonomy: the same check is 作风建设 and not 督查
    shipped = load_taxonomy(THEMES_YML)
    r = report("一、作风暗访", "县委督查室开展暗访，重点检查机关干部在岗在位、迟到早退等工作纪律情况，通报3人。")
    assert by_theme(classify(r, shipped), "作风建设")
    assert not by_theme(classify(r, shipped), "督查")


def test_an_unless_word_inside_a_mask_does_not_rule_the_theme_out():
    """要求各乡镇遵守工作纪律: a demand on the checked side, which a mask names, is not a check of
    工作纪律; the same word outside the mask still rules the 督查 out."""
    text = "县应急管理局深入各乡镇开展防汛督查，督办问题整改，要求各乡镇{}，确保安全度汛。"
    engine = _engine(unless=["工作纪律"], patterns={"((?:遵守|严守)工作纪律)": 0})
    assert by_theme(classify(report("一、防汛督查", text.format("遵守工作纪律")), engine), "督查")
    assert not by_theme(classify(report("一、防汛督查", text.format("检查工作纪律")), engine), "督查")
    assert not by_theme(classify(report("一、防汛督查", text.format("遵守工作纪律")), _engine(unless=["工作纪律"])), "督查")


def test_the_title_is_the_heading_of_a_text_without_headings():
    """清源镇加强督查督办工作: the title names the topic of a short text whose sentences each say a
    little of it (3 of 4); a text with headings of its own is read by them instead."""
    body = (Block("paragraph", FILLER + "对重点任务每月督办一次。对窗口单位不定期暗访。"),)
    named = ParsedReport("清源镇加强督查督办工作", False, True, body)
    neutral = ParsedReport("清源镇2024年工作总结", False, True, body)
    assert by_theme(classify(named, _engine()), "督查")
    assert not by_theme(classify(neutral, _engine()), "督查")
    # a title not taken from the text (a file name) says nothing about it
    assert not by_theme(classify(ParsedReport("清源镇加强督查督办工作", False, False, body), _engine()), "督查")
    headed = ParsedReport("清源镇加强督查督办工作", False, True, (Block("heading", "一、经济发展", 2), *body))
    assert not by_theme(classify(headed, _engine()), "督查")


def test_under_a_heading_that_names_the_theme_one_sentence_is_enough():
    """Under 第二章 督查督办 an article whose evidence is a sentence's worth (3 of 4, no sentence
    reaching it alone) is part of the chapter's topic; the same article under another chapter is not."""
    article = "第九条 " + FILLER + "重点事项由办公室督办。对承办单位不定期暗访。"
    named = report("第二章 督查督办", article, "第十条 " + FILLER)
    other = report("第二章 事故调查", article, "第十条 " + FILLER)
    labels = {p.label for m in by_theme(classify(named, _engine()), "督查") for p in (m, *m.parts)}
    assert "第九条" in labels
    assert "第十条" not in labels
    assert not by_theme(classify(other, _engine()), "督查")


def test_a_word_repeated_in_one_sentence_is_one_mention():
    """本市依法采集政务信息，加强对政务信息的管理，保证政务信息的真实准确: one sentence that names
    a weak word three times is not about the theme; three different words in one sentence are."""
    taxonomy = taxonomy_from_data(
        {"threshold": 4, "themes": [{"name": "信息报送", "description": "d",
                                     "keywords": {"政务信息": 1, "信息专报": 1, "信息员": 1}}]},
        "themes.yml",
    )
    repeated = "本市依法采集政务信息，加强对政务信息的管理，保证政务信息的真实准确。"
    assert not by_theme(classify(report("第十七条 " + FILLER * 4 + repeated), taxonomy), "信息报送")
    different = "本市按月报送政务信息，编发信息专报，培训基层信息员。"
    assert by_theme(classify(report("第十七条 " + FILLER * 4 + different), taxonomy), "信息报送")


def test_the_items_of_a_passage_ruled_out_are_ruled_out_with_it():
    """县纪委's 明察暗访 of 工作纪律 introduces its rules 一是…二是…: the items speak of 督查组 and
    督导检查, but they are parts of the discipline check the `unless` words rule out."""
    opening = "自2015年3月起，县纪委实行明察暗访轮岗制，对机关干部{}等情况进行检查。"
    items = ("县纪委要求督导检查组认真开展明察暗访，一是建立工作台账。二是实行责任追究制，对督查组已检查"
             "没发现问题而上级督查查出问题的，追究督导检查组的责任。三是实行任务销号制，督导检查组督办问题整改。")

    def item_matches(words: str, engine: Taxonomy) -> list[SectionMatch]:
        return by_theme(classify(report(opening.format(words), items), engine), "督查")

    assert not item_matches("工作纪律", _engine(unless=["工作纪律"]))
    assert item_matches("工作纪律", _engine())  # the list decides, not the words
    assert item_matches("履职尽责", _engine(unless=["工作纪律"]))  # a passage without them keeps the theme


# ------------------------------------------------------------------ counting from kept matches
# classify counts a theme's words in a span from the matches of the whole text it keeps
# (themes._Occurrences); scanning each span alone, as it did before, is the reference: the
# output must be the same, every SectionMatch field, for every text and every span.


class ScanningOccurrences:
    """The reference: every span scanned alone (`finditer(text, start, end)`), as classify
    counted before it kept matches, and no span skipped."""

    def __init__(self, theme: themes.Theme, text: themes._Text, title: str = "") -> None:
        self.theme, self.texts, self.whole = theme, text.blocks, text.whole
        self.weights = themes._weights_under(theme, title)  # (what a title says of its words is not what is tested here)

    def present(self) -> bool:
        theme = self.theme
        if theme.keyword_regex and any(self.weights[themes._word(m)] for m in theme.keyword_regex.finditer(self.whole)):
            return True
        return any(regex.search(self.whole) for regex, _ in theme.pattern_regexes)

    def may_match(self, block: int, start: int, end: int) -> bool:
        return True

    def hides(self, spans) -> bool:
        regex, weights = self.theme.keyword_regex, self.weights
        return regex is not None and any(weights[themes._word(m)] and themes._overlaps(self.masked(block), *m.span())
                                         for block, start, end in spans for m in regex.finditer(self.texts[block], start, end))

    def masked(self, block: int) -> list[tuple[int, int]]:
        """What the masks hide in a block, as non-overlapping spans in order."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted(m.span(1 if regex.groups else 0) for regex in self.theme.mask_regexes
                                 for m in regex.finditer(self.texts[block])):
            if start == end:
                continue
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return merged

    def count(self, spans, saturation: int = themes.SATURATION) -> tuple[float, dict[str, int]]:
        counts: Counter[str] = Counter()
        weight_of: dict[str, float] = {}
        weights = self.weights
        for block, start, end in spans:
            text = self.texts[block]
            taken: list[tuple[int, int]] = []
            # a mask reads the whole block: what surrounds a span decides what in it is hidden
            hidden = [m.span(1 if regex.groups else 0) for regex in self.theme.mask_regexes for m in regex.finditer(text)]

            def is_hidden(a: int, b: int) -> bool:  # an empty match (a pattern's \b) is hidden where it stands inside a mask
                return any(s < max(b, a + 1) and a < e for s, e in hidden if s < e)

            if self.theme.keyword_regex:
                for m in self.theme.keyword_regex.finditer(text, start, end):
                    word = themes._word(m)
                    taken.append(m.span())
                    if weights[word] and not is_hidden(*m.span()):
                        weight_of[word] = weights[word]
                        counts[word] += 1
            for regex, weight in self.theme.pattern_regexes:
                for m in regex.finditer(text, start, end):
                    group = 1 if regex.groups else 0
                    if not themes._overlaps(taken, m.start(group), m.end(group)) and not is_hidden(m.start(group), m.end(group)):
                        weight_of[m.group(group)] = weight
                        counts[m.group(group)] += 1
        return sum(weight_of[word] * min(n, saturation) for word, n in counts.items()), counts


def scanning_classify(parsed: ParsedReport, engine: Taxonomy) -> list[SectionMatch]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(themes, "_Occurrences", ScanningOccurrences)
        return classify(parsed, engine)


# Edges a span can cut: the longest keyword at a place (督查督办 over 督查) cut to a shorter one,
# a weight-0 keyword masking a longer phrase (社会风气 over 会风), a keyword with a stray space,
# patterns that read the character before (?:^|[^府]), the block's start and end (^ $), an
# ASCII word boundary, a lazy run to a word, and a pattern that matches empty text (\b) even
# where a longer match starts, hidden from a scan of the whole block; and a mask (a pattern of
# weight 0) that hides words inside a span from where it starts outside it (迎接 … 督).
EDGES = taxonomy_from_data({"threshold": 1.5, "themes": [
    {"name": "边界", "description": "d", "threshold": 1,
     "keywords": {"督查督办": 3, "督查": 2, "督办": 1, "查督": 0.5, "社会风": 0, "会风": 1.5, "信息报送": 2, "信息": 0.5},
     "patterns": {"(?:^|[^府])(督查)": 1, "(12345)$": 2, "^一是": 0.5, "(OA)\\b": 1, "督[^。]{0,3}?办": 1,
                  "(?:ab工|\\b)": 0.5, "(?:报送|上报)[^。；]{0,4}?(信息)": 1.5,
                  "迎接([^。；，]{0,4}?督)": 0},
     "unless": ["在岗在位"]},
    {"name": "其他", "description": "d", "keywords": {"作风": 2, "作风建设": 3, "会风": 1}},
    {"name": "热线", "description": "d", "patterns": {"(?:^|[^0-9])(12345)(?:[^0-9]|$)": 2, "OA": 1}},
]}, "edges.yml")
WORDS = ("督查督办", "督查", "督办", "查督", "督 办", "督\u3000查", "社会风气", "会风", "信息报送", "信息", "报送", "上报",
         "12345", "912345", "OA", "OAx", "ab", "府", "作风建设", "作风", "督辦", "會風", "在岗在位", "一是", "二是", "三是",
         "1.", "（2）", "、", "。", "；", "：", "“", "”", "，", " ", "\u3000", "工作推进", "落实", "x", "迎接")
FOLD = str.maketrans(variants.table())  # what to_simplified does, without looking first
block_texts = st.lists(st.sampled_from(WORDS), max_size=14).map("".join)


@st.composite
def spans_of(draw, blocks: list[str]) -> list[themes.Span]:
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        block = draw(st.integers(0, len(blocks) - 1))
        start = draw(st.integers(0, len(blocks[block])))
        spans.append((block, start, draw(st.integers(start, len(blocks[block])))))
    return spans


@settings(max_examples=500, deadline=None)
@given(data=st.data(), blocks=st.lists(block_texts, min_size=1, max_size=4), edges=st.booleans(),
       saturation=st.integers(1, 3), joined=st.booleans())
def test_counts_over_any_spans_are_those_of_scanning_each_span(taxonomy, data, blocks, edges, saturation, joined):
    engine = EDGES if edges else taxonomy
    assert [variants.to_simplified(block) for block in blocks] == [block.translate(FOLD) for block in blocks]
    if not joined:  # patterns that cannot be joined are each scanned in every block
        engine = replace(engine, pattern_set=None)
    text = themes._text(engine, blocks)
    spans = data.draw(spans_of(blocks))
    for theme in engine.themes:
        kept, scanning = themes._Occurrences(theme, text), ScanningOccurrences(theme, text)
        assert kept.present() == scanning.present()
        assert kept.count(spans, saturation) == scanning.count(spans, saturation)
        for block, start, end in spans:
            if not kept.may_match(block, start, end):  # then no part of the span holds evidence
                parts = [(block, start, cut) for cut in range(start, end)] + [(block, cut, end) for cut in range(start, end)]
                assert not any(scanning.count((part,))[1] for part in parts)


heading_lines = block_texts.map(lambda text: f"一、{text}")
report_lines = st.lists(st.one_of(block_texts, heading_lines, block_texts.map(lambda text: f"（二）{text}")),
                        min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(lines=report_lines, edges=st.booleans(), titled=st.booleans())
def test_classify_is_that_of_scanning_each_span(taxonomy, lines, edges, titled):
    engine = EDGES if edges else taxonomy
    parsed = replace(report(*lines), title="督查工作信息报送", title_in_text=titled)
    assert classify(parsed, engine) == scanning_classify(parsed, engine)


def test_real_texts_classify_as_by_scanning_each_span(taxonomy):
    """The sample reports, the held-out texts (tests/data/fresh) and ../shared's seeds and
    corpus: the same matches, and each block folded as the whole table folds it."""
    groups = [sorted(REPORTS.glob("*.txt")), sorted((DATA / FRESH_DIR).glob("*.txt"))]
    if SHARED.is_dir():
        groups += [sorted((SHARED / "seeds").glob("*.txt")), sorted((SHARED / "corpus").rglob("*.txt"))]
    assert all(groups)
    for path in (path for group in groups for path in group):
        parsed = parse(clean(decode(path.read_bytes()).text).lines, path.name)
        assert classify(parsed, taxonomy) == scanning_classify(parsed, taxonomy), path.name
        assert all(variants.to_simplified(b.text) == b.text.translate(FOLD) for b in parsed.blocks), path.name


def test_a_span_ending_where_a_pattern_matches_both_longer_and_empty():
    """(?:ab工|\\b) in 工ab工工: the block's scan finds ab工 and no empty match, but a scan of
    the first 工 alone finds the empty one before a (its boundary reads the a past the span)."""
    text = themes._text(EDGES, ["工ab工工"])
    kept, scanning = themes._Occurrences(EDGES.themes[0], text), ScanningOccurrences(EDGES.themes[0], text)
    assert kept.count([(0, 0, 1)]) == scanning.count([(0, 0, 1)]) == (1.0, {"": 2})


def test_patterns_too_large_to_join_are_each_scanned():
    """512 patterns of 1 000 characters and more are beyond RE2's memory budget joined: no block
    is then passed over, and a report is classified as by scanning each span."""
    engine = taxonomy_from_data({"themes": [{"name": "长", "description": "d", "threshold": 1, "patterns": {
        f"督查{n:02}|(?:[一-龥]{{100}}){{10}}": 1 for n in range(512)}}]}, "long.yml")
    assert engine.pattern_set is None
    parsed = report("一、督查07工作", "督查08，督查09。")
    assert classify(parsed, engine) == scanning_classify(parsed, engine)
    assert [(m.label, m.score) for m in classify(parsed, engine)] == [("一、督查07工作", 3.0 + 2)]


# ---------------------------------------------------------------------------- the trained model


def _stub_model(theme: str, probability_of_报送: float, threshold: float = 0.5) -> theme_model.ThemeModel:
    """A model that reads one term, 报送: a text holding it gets `probability_of_报送`, any other 0.5."""
    logit = math.log(probability_of_报送 / (1 - probability_of_报送))
    return theme_model.ThemeModel(theme, {"报送": 0}, np.array([1.0]), np.array([logit]), 0.0, threshold)


def _modelled(taxonomy: Taxonomy, name: str) -> Taxonomy:
    return replace(taxonomy, themes=tuple(replace(t, model=t.name == name) for t in taxonomy.themes))


def test_the_model_adds_a_near_miss_with_its_words_and_probability(taxonomy):
    """A section with 信息报送's words below its threshold gets the theme when the model reads it
    as about it; the words are the evidence, the probability is kept; a section without any of
    the theme's words never gets it, whatever the model says."""
    rules = _modelled(taxonomy, "")
    near = report("一、综合工作", "全年报送简报12期。", "二、后勤保障", "做好车辆管理和报送材料的印制。")
    assert not by_theme(classify(near, rules), "信息报送")
    mine = _modelled(taxonomy, "信息报送")
    got = by_theme(classify(near, mine, {"信息报送": _stub_model("信息报送", 0.9)}), "信息报送")
    assert [m.label for m in got] == ["一、综合工作", "二、后勤保障"]
    assert all(m.model == 0.9 and m.own and not m.parts for m in got)
    assert {(e.word, e.count, e.where) for e in got[0].evidence} == {("报送", 1, "text"), ("简报", 1, "text")}
    # below the model's threshold: nothing added
    assert not by_theme(classify(near, mine, {"信息报送": _stub_model("信息报送", 0.4)}), "信息报送")
    # no word of the theme: a model that says yes to anything (0.99 without a term) adds nothing
    yes = theme_model.ThemeModel("信息报送", {}, np.zeros(0), np.zeros(0), 5.0, 0.5)
    assert yes.probability("印发") > 0.99
    plain = report("一、综合工作", "全年印发文件12期。")
    assert not by_theme(classify(plain, mine, {"信息报送": yes}), "信息报送")
    assert by_theme(classify(near, mine, {"信息报送": yes}), "信息报送")


def test_a_count_of_what_is_published_or_handled_on_duty_is_no_信息报送_word(taxonomy):
    """信息…28篇 counts pieces written for the leadership; not pieces published (发表宣传信息28篇,
    在媒体刊登信息12篇) nor a 值班's calls (处理值班信息860条), so the model has no word to read there."""
    (theme,) = [t for t in taxonomy.themes if t.name == "信息报送"]
    for text in ("在省档案信息网发表宣传信息28篇。", "在省级媒体刊登信息12篇。", "全年处理值班信息860条。"):
        assert themes.words_in(theme, text)[1] == Counter(), text
    assert themes.words_in(theme, "全年编写信息28篇。")[1]


def test_the_model_leaves_what_the_rules_found_as_it_was(taxonomy):
    r = report("一、信息报送工作", "全年报送政务信息120条，被市政府办公室采用30条，信息报送质量明显提高。", "（一）其他", "报送及时。")
    rules = by_theme(classify(r, _modelled(taxonomy, "")), "信息报送")
    both = by_theme(classify(r, _modelled(taxonomy, "信息报送"), {"信息报送": _stub_model("信息报送", 0.99)}), "信息报送")
    assert rules and all(m.model is None for m in rules)
    assert [m for m in both if m.model is None] == rules  # the rules' matches unchanged
    held = {m.section for m in rules} | {p.section for m in rules for p in m.parts}
    assert not {m.section for m in both if m.model is not None} & held  # never twice


def test_model_field_is_validated_and_part_of_the_digest(tmp_path):
    entry = {"name": "信息报送", "description": "d", "keywords": {"报送": 1}}
    rules = taxonomy_from_data({"themes": [entry]}, "themes.yml", digest="x")
    modelled = taxonomy_from_data({"themes": [entry | {"model": True}]}, "themes.yml", digest="x")
    assert modelled.themes[0].model and not rules.themes[0].model
    assert modelled.digest not in ("x", rules.digest)  # a new model classifies every report again
    with pytest.raises(TaxonomyError, match=r"theme '信息报送' field 'model' expected true or false, got 'yes'"):
        taxonomy_from_data({"themes": [entry | {"model": "yes"}]}, "themes.yml")
    none = r"theme 'T' field 'model': the trained model \(themes.npz\) has none for this theme \(it has: 信息报送\)"
    with pytest.raises(TaxonomyError, match=none):
        taxonomy_from_data({"themes": [{"name": "T", "description": "d", "keywords": {"x": 1}, "model": True}]}, "themes.yml")


def test_a_near_miss_counts_no_word_a_mask_hides():
    """words_in (what makes a section a near miss the model may read) hides what a weight-0
    pattern covers, as the rules' count does."""
    theme = taxonomy_from_data({"themes": [{"name": "T", "description": "d", "keywords": {"督查": 2},
                                            "patterns": {"迎接[^，。]{0,8}督查": 0}}]}, "themes.yml").themes[0]
    assert themes.words_in(theme, "开展专项督查，迎接省督查组检查。") == (2.0, Counter({"督查": 1}))
    assert themes.words_in(theme, "迎接省督查组检查。")[1] == Counter()


def test_a_word_matches_across_quotation_marks(taxonomy):
    # 纠治“四风”, as it is written, is 纠治四风 (3), not 四风 (1) alone
    r = report("国庆期间，县纪委开展监督检查，坚决纠治“四风”，发现违规公款吃喝问题1起、公车私用问题2起。")
    found = by_theme(classify(r, taxonomy), "作风建设")
    assert found and "纠治四风" in {e.word for e in found[0].evidence}
    assert not by_theme(classify(r, taxonomy), "后勤保障")  # 公车私用 is a 四风 violation, not the cars' upkeep


def test_加大督查_is_no_大督查(taxonomy):
    r = report("三、下一步打算", "2.进一步加大督查督办力度。", "对县委县政府重大决策部署和领导批示件全程跟踪督办，确保落实落地。")
    words = {e.word for m in by_theme(classify(r, taxonomy), "督查") for e in m.evidence}
    assert "大督查" not in words


def test_a_督查_bulletins_masthead_is_not_信息报送(taxonomy):
    r = report("督 查 专 报", "第5期", "关于全县重点项目建设推进情况的督查报告",
               "5月，县政府督查室对全县重点项目推进情况开展了专项督查，现将督查情况报告如下。")
    assert not by_theme(classify(r, taxonomy), "信息报送")


@pytest.mark.parametrize("masthead", [("工作简报", "（第3期）"), ("政 务 信 息", "第12期"), ("信息专报", "2023年第5期")])
def test_a_bulletins_masthead_says_what_it_is_not_what_it_is_about(taxonomy, masthead):
    # an item on a town's work-style campaign in a bulletin named 工作简报 / 信息专报 is no 信息报送
    r = report(*masthead, "中共七里坪镇委员会办公室　　2024年3月8日", "今年以来，七里坪镇以作风建设年活动为抓手，持续转变干部作风。",
               "一是强化学习教育。组织干部集中学习，转变工作作风。", "二是严格问责。镇纪委通报问题5个。")
    matches = classify(r, taxonomy)
    assert not by_theme(matches, "信息报送")
    assert by_theme(matches, "作风建设")[0].label.startswith("今年以来")  # the passage is the item's, not the masthead's


def test_a_title_naming_what_rules_the_theme_out_rules_it_out_of_every_part(taxonomy):
    lines = ("县直各单位：", "4月12日，县政府督查室对县直28个单位开展了暗访督查。现将有关情况通报如下：", "一、存在的问题",
             "县林业局2名工作人员9时许未到岗。", "二、有关要求", "县政府督查室将不定期开展暗访督查，对发现的问题一律通报。")
    as_discipline = replace(report(*lines), title="关于对县直单位工作纪律情况进行暗访督查的通报", title_in_text=True)
    assert not by_theme(classify(as_discipline, taxonomy), "督查")
    as_tasks = replace(report(*lines), title="关于对县直单位重点工作落实情况进行暗访督查的通报", title_in_text=True)
    assert by_theme(classify(as_tasks, taxonomy), "督查")


def test_the_unit_that_carries_out_what_the_督查室_hands_down_or_writes_to_it_is_the_checked_side(taxonomy):
    r = report("二、加强自身建设", "认真落实县委督查室、县政府督查室交办事项，按时反馈办理情况，全年办结交办事项36件。")
    assert not by_theme(classify(r, taxonomy), "督查")
    r = report("县政府督查室：", "县长在《关于全县农村公路建设情况的报告》上作出批示。收到批示件后，我局高度重视，现将办理情况报告如下：",
               "一、基本情况", "全县农村公路建设进展顺利。")
    assert not by_theme(classify(r, taxonomy), "督查")


def test_a_title_naming_another_bodys_check_rules_it_out_unless_the_offices_own_督查_is_named(taxonomy):
    lines = ("一、基本情况", "全县共有人大代表120名。", "二、督办工作",
             "主任会议确定10件建议为重点督办建议，由常委会领导牵头督办，督促承办单位按期办结。")
    congress = replace(report(*lines), title="XX县人大常委会关于2023年人大代表建议督办工作情况的报告", title_in_text=True)
    assert not by_theme(classify(congress, taxonomy), "督查")
    joint = replace(report(*lines[:3], lines[3] + "县政府督查室全程跟踪督办，逐件督促承办单位按期办结，定期通报办理进度。"),
                    title="XX县人大常委会关于2023年人大代表建议督办工作情况的报告", title_in_text=True)
    assert by_theme(classify(joint, taxonomy), "督查")


def test_an_unless_word_in_a_title_that_names_the_offices_own_督查_rules_out_nothing(taxonomy):
    lines = ("一、督查督办工作", "全年开展专项督查12次，督办事项120件，办结率98%，编发督查通报10期。", "二、纠治四风", "开展明察暗访4次。")
    r = replace(report(*lines), title="县政府督查室关于2023年度督查工作和纠治四风情况的报告", title_in_text=True)
    assert by_theme(classify(r, taxonomy), "督查")


def test_a_keyword_written_with_quotation_marks_is_refused_by_name(tmp_path, monkeypatch):
    text = VALID.replace("督办: 2", "“督办”: 2")
    assert text != VALID
    with pytest.raises(TaxonomyError, match="“督办”"):
        load_taxonomy(write(tmp_path, monkeypatch, text))


def test_what_the_值班室_reports_up_is_no_信息报送_even_for_the_model(taxonomy):
    # (the 值班's own papers; its 突发事件信息 reported up in time, 38起 without 迟报漏报, is the theme's: the ninth probe, x)
    r = report("（五）规范运行，值班应急更加高效。",
               "严格执行24小时值班和领导带班制度，按时向市政府总值班室报送值班安排和值班日志，值班电话始终保持畅通。")
    assert not by_theme(classify(r, taxonomy), "信息报送")
    own = report("（五）信息工作。", "全年编发政务信息326条，向市政府总值班室报送突发事件信息11起，无迟报漏报。")
    assert by_theme(classify(own, taxonomy), "信息报送")  # the office's own information work named with it


def test_a_check_of_firms_hazards_is_no_督查(taxonomy):
    r = report("二、挂牌督办情况", "对排查出的14处重大安全隐患，由县防汛抗旱指挥部实行挂牌督办，县应急局每周跟踪督办整改进展，目前已销号9处。")
    assert not by_theme(classify(r, taxonomy), "督查")



SECTOR_CASES = (
    # a sector body's own handling of a case, a firm or a report: its 督办 follows the case to its end
    ("（二）严格环境执法监管", "全年立案查处环境违法案件36起。对群众举报的环境问题实行挂牌督办，明确责任单位，跟踪督办，整改到位后销号。"),
    ("（四）做好环境信访投诉办理", "全年受理环境信访投诉428件。对重复投诉件实行挂牌督办，由局领导包案，跟踪督办直至办结销号。"),
    ("（一）开展卫片执法专项行动", "对卫片执法下发的违法用地图斑46宗，实行逐宗督办销号，建立“一宗一档”，目前已整改销号41宗。"),
    ("二、违法用地案件督办", "县自然资源局对卫片执法发现的违法用地，实行挂牌督办，全年挂牌督办案件18宗，已结案15宗。"),
    ("二、重大案件督办", "对省公安厅挂牌督办的命案和重大案件，实行逐案督办，已全部侦破。"),
    ("一、建筑施工安全监管", "全年检查在建项目132个次，对检查发现的重大事故隐患实行挂牌督办，整改一项、销号一项。"),
)


@pytest.mark.parametrize("lines", SECTOR_CASES)
def test_a_sectors_own_督办_of_a_case_is_not_督查(taxonomy, lines):
    assert not by_theme(classify(report(*lines), taxonomy), "督查")


def test_the_offices_督办_of_what_its_督查_found_is_督查_case_words_or_not(taxonomy):
    for lines in (("二、对督查发现的问题挂牌督办", "对督查中发现的12个进展滞后项目，由县政府督查室挂牌督办，明确整改时限，实行销号管理。"),
                  ("五、督办群众反映强烈的问题", "对群众举报集中的农村饮水安全问题，县政府督查室实行挂牌督办，逐村跟踪，目前已全部整改到位。"),
                  # the office's check announced between a 请…与 and the 联系 of a later clause (whom to ask is one clause)
                  ("三、其他事项", "请各乡镇与县政府督查室做好对接，县政府督查室将于6月对各乡镇整改落实情况开展专项督查，有关事宜请与王五联系。")):
        assert by_theme(classify(report(*lines), taxonomy), "督查"), lines


def test_a_title_naming_a_masked_phrase_says_what_its_bare_word_is(taxonomy):
    """省环保督察组对我区开展环境保护督察: the text's bare 督察组 is that 环保督察's, in every paragraph; the same text under
    another title is a check like any other."""
    lines = ("督察组采取听取汇报、调阅资料、现场抽查等方式开展督察，督察期间共调阅资料2000余份，对督察指出的问题挂牌督办。",)
    masked = replace(report(*lines), title="省环保督察组对我区开展环境保护督察", title_in_text=False)
    assert not by_theme(classify(masked, taxonomy), "督查")
    plain = replace(report(*lines), title="县政府对重点项目开展专项督察", title_in_text=False)
    assert by_theme(classify(plain, taxonomy), "督查")


@pytest.mark.parametrize("lines", [
    # the 自然资源督察 of land use, as the 环保督察, and the checked side's 督察整改
    ("（三）配合国家自然资源督察。", "积极配合国家自然资源督察武汉局开展例行督察，对督察指出的5个问题，逐项整改到位。"),
    ("三、2024年工作计划", "一是持续改善空气质量；二是加强执法监管；三是巩固督察整改成果。"),
    # the checked side helping with a 督查, carrying out what the office handed over, working to its arrangement
    ("五、落实县政府督查事项", "认真办理县政府督查室交办的食品安全督办事项8件，均按时反馈办理结果。"),
    ("四、落实县委督查室督办事项", "对县委督查室交办的社会治安重点问题整治事项，按时完成并反馈办理情况。"),
    ("（五）配合做好县委县政府重点工作督查", "按照县政府督查室统一安排，局党组认真落实县委、县政府交办事项，按时反馈办理情况。"),
    ("二、抓好交办事项落实", "认真办理县委、县政府督查室交办的事项12件，均按期办结并反馈办理结果。"),
    ("一、项目管理", "严格落实重点项目县级领导包抓制度，配合县政府督查室开展重点项目督查6次，对督查发现的问题逐项整改。"),
    # a sector's 督导 of its schools and hospitals, and the 政协's 督办 of its 提案
    ("二、开展教学常规督导检查", "局教研室组织人员对各学校教学常规落实情况进行督导检查，对检查中发现的问题现场反馈，督促学校整改。"),
    ("一、开学准备工作督导", "局领导班子成员带队分6个督导组，深入全县各学校开展开学准备工作督导，重点督导校舍安全、食堂卫生等工作。"),
    ("一、医疗机构督导", "县卫健局组织专家组对县人民医院、县中医院和15家乡镇卫生院开展院感防控督导，对督导发现的问题，督促医疗机构限期整改。"),
    ("一、提案工作", "确定重点提案10件，由政协主席、副主席领衔督办，通过现场督办、协商督办等方式，推动提案办理落实。"),
    # a sector's check of its own staff or cases: the 公安's 警务督察 (in each part of its report), the 林草's 森林督查
    ("县公安局2023年警务督察工作总结", "一、开展现场督察", "全年开展警务督察86次，督察民警1260人次，发现着装不规范等问题38个，已全部整改。",
     "二、开展执法执勤督察", "对110接处警、窗口服务开展督察，受理群众投诉12件，查实2件。"),
    ("一、森林督查图斑核查", "按照省林业局统一部署，对国家下发的森林督查疑似违法图斑186个逐一开展现地核实，确认违法图斑42个。"),
    # the 河长's own handling of what a patrol finds, and a 镇 helping the check of it and answering it
    ("一、落实巡河制度", "镇级河长全年巡河186次，发现并处置问题82个，建立问题台账，实行交办、督办、销号闭环管理。"),
    ("三、迎接县河长办督查", "积极配合县河长办开展暗访督查，对暗访发现的3个问题立行立改。"),
    # the audited unit following up what the 审计 found, and a party education campaign's 巡回督导组
    ("二、审计发现问题整改", "对县审计局审计发现的12个问题，局党组逐项研究整改措施，实行跟踪督办、整改销号，目前已全部整改到位。"),
    ("XX镇召开主题教育动员部署会", "4月10日，XX镇召开主题教育动员部署会，县委第三巡回督导组组长到会指导。巡回督导组组长指出，要把理论学习、"
     "调查研究、推动发展、检视整改贯通起来。镇党委书记表示，将按照督导组要求，扎实抓好各项工作落实。"),
    # a sector's enforcement on firms and sites, which it calls 专项督查
    ("一、开展专项督查", "全年开展建筑施工安全专项督查6次，检查在建项目126个次，下达整改通知书38份，停工整改3个项目。"),
    ("一、开展涉气企业督查", "组织执法人员对全县86家涉气企业开展专项督查，发现问题32个，立案处罚6起。"),
    ("二、开展专项督查", "节假日期间，开展食品安全专项督查3次，重点督查学校食堂、农村集体聚餐，发现问题12个，均已整改到位。"),
    ("二、专项督查", "开展节假日文化市场专项督查4次，对发现的问题当场督促整改。"),
    # a heading naming the theme over a text that names it only where a mask hides it: the checked side's heading,
    # a sector's own 督导 of its hospitals
    ("二、督查督办件办理", "认真办理县委、县政府督查室交办的督办件12件，均按期办结并反馈。"),
    ("一、医疗质量督导", "组织专家组每季度对县人民医院、县中医院和各乡镇卫生院开展医疗质量督导，重点督导核心制度落实。"),
    # the office handing the 建议 and 提案 to the units that carry them out: assigning, not yet checking
    ("今年县两会期间共收到人大代表建议86件、政协委员提案124件。县政府督查室按照“谁主管、谁负责”的原则，"
     "将210件建议提案分别交由42个单位承办，办理期限3个月。",),
    # the office named as whom to call, or as a post someone is given
    ("三、工作要求", "请各单位于1月31日前将隐患排查情况报县应急管理局，县政府将适时组织督查。联系人：县政府督查室 王五，电话：1234567。"),
    ("七、其它事项。", "办理过程中不明事项，请及时与县人大常委会代表工委(1234567)、县政协提案委(2345678)、区督查室(3456789)联系。"),
    ("关于张三等同志职务任免的通知", "经县人民政府研究决定：", "任命张三为县人民政府办公室副主任、县政府督查室主任；",
     "免去李四的县政府督查室主任职务。"),
    # a hotline's or a regulation's procedure that hands a case up to the office at its last step
    ("二、强化工单督办", "对超时限未办结工单，热线办实行黄牌、红牌督办，对多次督办仍未办结的，提交县政府督查室跟踪督办。"),
    ("公共数据管理办法", "第一条　为了规范公共数据管理，制定本办法。",
     "第五十二条　公共管理和服务机构有下列情形之一的，由公共数据主管部门通知限期整改；逾期未完成整改的，公共数据主管部门应当"
     "及时将有关情况上报本级人民政府纳入督查督办事项并责令改正；情节严重的，由有权机关依法给予处分："),
])
def test_look_alikes_of_督查(taxonomy, lines):
    assert not by_theme(classify(report(*lines), taxonomy), "督查")


def test_a_demand_to_check_more_inside_a_sentence_about_other_work_is_passing(taxonomy):
    r = report("XX镇召开一季度重点工作推进会", "3月5日，XX镇召开一季度重点工作推进会，通报了各村重点工作完成情况。镇长要求，各村、"
               "各站所要对照任务清单，倒排工期、挂图作战，镇党政办要加强督查督办，对工作推进不力的单位和个人严肃问责。")
    assert not by_theme(classify(r, taxonomy), "督查")
    # …also as the sentence's last clause (…纳入政府绩效考核体系，加强督查督导。)
    r = report("（一）加强组织领导。", "地方各级人民政府要切实加强对本辖区监管工作的组织领导，出台具体实施办法，建立联席会议制度，"
               "将各有关部门监管工作情况纳入政府绩效考核体系，加强督查督导。")
    assert not by_theme(classify(r, taxonomy), "督查")
    # as the lead of an item it names the item's matter
    r = report("二、下一步工作打算", "一是加强学习，提升业务能力；二是强化督查督办，确保镇党委、政府决策部署落到实处；三是加强后勤保障。")
    assert by_theme(classify(r, taxonomy), "督查")


def test_a_check_by_a_纪律作风_body_is_作风建设_not_督查(taxonomy):
    r = report("3.落实制度、加强督查。", "各部门、各单位要构建纪律作风建设长效机制，建立健全人员去向审批制度。"
               "区纪律作风建设工作协调组将加大监督检查力度，并将检查情况在全区通报。")
    assert not by_theme(classify(r, taxonomy), "督查")


def test_the_governments_督查_of_schools_and_of_a_sector_is_督查(taxonomy):
    for lines in (("一、督查开展情况", "县委、县政府督查组对各乡镇、各中小学校“双减”政策落实情况开展专项督查，共督查学校42所。"),
                  ("四、县委县政府督查", "县委督查室、县政府督查室对各乡镇、各部门交办件办理情况开展全程跟踪督查，对办理不力的单位下发督办通知。"),
                  # its check of how they are carried out, and the findings of a check it hands over
                  ("县政府督查室对人大代表建议和政协提案办理情况开展专项督查，对办理进度滞后的3个承办单位下发督办通知单，限期办结。",),
                  ("（三）督查督办", "县政府督查室全年开展重点项目专项督查12次，将督查发现的46个问题交由责任单位限期整改办理。"),
                  ("二、开展安全生产督导", "县安委办组成6个督导组，对15个乡镇和28个县直部门安全生产责任落实情况开展督导检查，"
                                        "对推进不力的3个乡镇下发督办函。"),
                  # a weak word (督导), but the checked are lower governments
                  ("全县安全生产大检查督导情况通报", "各乡镇人民政府：", "按照县安委会统一部署，9月上旬，县安委办组成4个督导组，"
                   "对14个乡镇和12个重点行业主管部门开展安全生产大检查督导。现将有关情况通报如下。", "一、基本情况",
                   "各乡镇能够按照方案要求，成立工作专班，共检查企业326家。")):
        assert by_theme(classify(report(*lines), taxonomy), "督查"), lines

@pytest.mark.parametrize(("lines", "theme"), [
    # 形式主义 and 官僚主义 named by the forms a campaign against them takes
    (("二、填平“会海”，让基层少开会议", "不层层开会传达。推行“无会周”制度，全年召开全县性会议同比减少31%，文山会海明显减少。"), "作风建设"),
    (("一、整治推诿扯皮，破解“中梗阻”", "开展机关效能大体检，梳理推诿扯皮问题9个，全部整改到位。"), "作风建设"),
    (("二是减轻基层负担。", "清理规范各类督查检查考核事项，减轻基层负担，让基层干部把更多精力用在抓落实上。"), "作风建设"),
    (("（三）务求工作实效", "要切实克服形式主义，少开会、开短会，把更多精力用在为群众办实事上。"), "作风建设"),
    # corruption named: the 纪委's pursuit of it
    (("（三）整治群众身边腐败问题", "聚焦惠民惠农资金、低保评定等领域，查处问题23个，处理28人。"), "党风廉政"),
    # …and 精文减会 told by its counts
    (("一是严控发文办会，", "倒排计划、量化到月。全年纳统公文457件，同比减少19.8%；纳统会议376场，同比减少17.4%。"), "作风建设"),
    # a check of staff at work is of their 作风, not a 督查 of tasks
    (("关于县直机关上班纪律暗访情况的通报", "县直各单位：", "9月12日，县委县政府督查室对县直42个单位上班情况进行了突击暗访。",
      "暗访发现，6个单位存在上班时间人员去向不明问题，2名工作人员上班时间玩手机游戏。"), "作风建设"),
    (("（二）动态跟踪，定期调度盯办。", "对县政府常务会议议定事项逐项盯办，按周调度，确保按期办结。"), "督查"),
    # a 督查室's account of its checks, one of them of discipline at work (作风建设): the others check tasks
    (("二、主要工作", "一是强化日常督查。采取不定期突击检查、明察暗访等形式，对机关上班纪律进行督查，督查结果纳入年度考核。"
      "围绕县委县政府重点工作开展专项督查12次，形成督查通报8期；聚焦重点项目建设，编发督查专报20期，获县领导批示35件次。"), "督查"),
    # 严明工作纪律 as the purpose of a 督察 of a task, not a check of discipline at work
    (("县作风办联合督察秸秆禁烧工作", "10月5日，县作风办会同县环保局对各乡镇秸秆禁烧工作进行联合督察，发现2个乡镇巡查不到位、有焚烧火点。"
      "为进一步严明工作纪律，对相关乡镇进行了全县通报批评。"), "督查"),
    (("二、基本情况", "全年共撰写各类稿件64篇，被县委《每日要情》刊用29篇，被市委办公室《决策参考》刊用3篇。"), "信息报送"),
    # a 人大's (政协's) information sent up is its own information work, beside the pieces it placed in the press
    (("三、人大信息和宣传", "向市人大常委会报送人大工作信息58条，被《XX人大信息》采用12条，在《人民代表报》刊发稿件6篇。"), "信息报送"),
    # the bulletins an office writes for its leaders, by their names (《政务要情》, 《参阅件》)
    (("二、以信息服务决策", "主动捕捉苗头性问题，编发《政务要情》150期、《参阅件》18期，向市政府办报送专报件36篇，其中6篇获市长批示。"),
     "信息报送"),
    # a reporting regime for a period of risk: each day's situation sent up, nothing to report reported too
    (("四、落实日报告制度", "疫情防控期间，各乡镇、各部门实行日报告、零报告制度，每日16时前将当日情况报县指挥部办公室。"), "信息报送"),
    # the network that writes and sends information up
    (("二是健全网络。", "各村（社区）、县直各单位明确1名信息员，全县信息员队伍达126人，每季度开展业务培训1次。"), "信息报送"),
])
def test_a_themes_own_words(dropped, lines, theme):
    matches = classify(report(*lines), dropped)
    assert by_theme(matches, theme)
    if theme == "作风建设" and "暗访" in lines[0]:
        assert not by_theme(matches, "督查")


def test_a_long_items_first_clause_is_its_topic(taxonomy):
    # 四是加强作风纪律，严格执行考勤制度，…: the lead sentence is too long to be a heading; its first clause names the item
    r = report("二、下一步工作打算", "一是加强学习，提升办公室人员业务能力；二是抓好信息报送，每月至少报送信息10条；"
               "三是强化督查督办，确保镇党委、政府决策部署落到实处；四是加强作风纪律，严格执行考勤制度，树立党政办良好形象。")
    matches = classify(r, taxonomy)
    assert [m.label for m in by_theme(matches, "作风建设")] == ["四是加强作风纪律"]
    assert [m.label for m in by_theme(matches, "督查")] == ["三是强化督查督办"]


@pytest.mark.parametrize(("lines", "theme"), [
    (("三是加强学生管理。", "严禁学生玩手机、玩游戏，开展防沉迷教育，学生课外阅读时间明显增加。"), "作风建设"),
    # a check of discipline at work, told with what came of it, is 作风建设 (no task checked, though one is named)
    (("三、作风督查", "县委督查室对机关上班纪律开展暗访。共检查单位40个，发现迟到3人、脱岗2人。督查室下发督查通报2期，督促整改。"
      "对问题单位主要负责人进行约谈，督查结果纳入年度考核。"), "督查"),
    (("二是开展节后督查。", "县委督查室对机关上班纪律开展暗访督查。督查组先后深入12个单位，从督查情况看，干部到岗情况总体良好。"
      "各单位已对今年重点工作进行了安排部署，督查结果将予以通报。"), "督查"),
    (("二是支持科研人员离岗创业。", "鼓励高校科研人员离岗创业，兑现奖补资金300万元。"), "作风建设"),
    # a lead's first clause that only says since when names no topic (…以来，)
    (("二、主要工作", "一是开展作风整顿以来，全镇新建道路12公里，改造危房35户，完成投资1.2亿元。", "二是招商引资成效明显，签约项目8个。"),
     "作风建设"),
    # food that rots
    (("（二）加强食品安全监管", "开展节日市场专项检查，下架腐败变质食品120公斤，立案查处3起。"), "党风廉政"),
    # a count cut that is no office's documents or meetings
    (("二是推进档案数字化。", "全年整理归档文件3200件，同比减少5%，完成馆藏档案数字化12万页。"), "作风建设"),
    (("二是推进“双减”。", "严控作业总量，学生书面作业时长同比减少20%，课后服务覆盖率100%。"), "作风建设"),
    # a meeting that calls for a cut, or meeting costs, is no count of meetings cut
    (("（二）优化营商环境", "会议强调，要精简审批环节，压缩办理时限。召开专题会议研究压减一般性支出。"), "作风建设"),
    (("（三）严控三公经费", "全年会议费同比下降20%，公务接待费同比下降15%。"), "作风建设"),
    (("四是宣传报道有声势。", "全年在人民日报等中央媒体刊发稿件12篇，稿件被人民日报刊发3篇。"), "信息报送"),
    # one item of a list of aims
    (("二、经济发展", "坚持稳中求进，统筹发展和安全、克服形式主义、扩大内需、深化改革、扩大开放，全年经济增长6%。"), "作风建设"),
    # (the sixth probe) the checked side sending its report to the 督查室, the 落款 under a part whose matter is in its items,
    # an 环保督察组's 交办信访件 (信访 cases), and a slogan's 纠治“四风” before what it creates
    (("（二）抓好整改落实", "各乡镇、各部门要对照问题清单逐项整改，于11月30日前将整改情况书面报县委督查室。"), "督查"),
    (("四、工作要求", "一是提高认识，把各项任务抓紧抓实；二是加强协调，形成工作合力；三是按时报送，确保信息准确。", "县委督查室",
      "2024年5月6日"), "督查"),
    (("三、督察交办信访件办理情况", "对中央环保督察组交办的信访件实行台账管理，逐件跟踪督办，办结一件、销号一件。"), "督查"),
    (("七、营造良好环境", "持续纠治“四风”，营造风清气正的政治生态。"), "作风建设"),
    # (the seventh probe) a check of 作风纪律, even by a 督查室, is 作风建设's; the 督查室 named as a rule studied, its
    # staff, a post and its holder; a rule a 附则 repeals
    (("（一）开展作风纪律督查", "县委督查室会同县纪委对全县28个单位作风纪律情况开展督查，督查结果在全县通报。"), "督查"),
    (("一、加强政治理论学习", "组织督查室全体人员认真学习《政府督查工作条例》等法规，提高依法督查能力。"), "督查"),
    (("三、加强队伍建设", "选派督查室干部参加省政府办公厅业务培训2次，督查室干部业务能力明显提升。"), "督查"),
    (("本人2023年分管文秘科、督查室工作，现将履职情况报告如下。",), "督查"),
    (("县政府办公室副主任、县政府督查室主任　王某",), "督查"),
    (("第二十条　本制度自发布之日起执行，2019年印发的《政务信息报送考核办法》同时废止。",), "信息报送"),
    # a sector's checks and a firm's workers are not the offices' burden or staff; an achievement in the theme's work, one
    # item of a list of them, is no shortcoming that keeps its lead's weight
    (("二是规范安全生产督查检查。", "县安委办每季度对重点行业领域开展一次督查检查。"), "作风建设"),
    (("（二）开展企业员工到岗情况检查", "对全县规上企业复工复产及员工到岗情况进行检查。"), "作风建设"),
    (("二、主要成效", "一是项目建设提速，完成投资12亿元；二是信息报送质量明显提升；三是民生保障有力。"), "信息报送"),
    # a 述职's closing pledge, and a clause in passing that ends a sentence on other work
    (("今后，我将继续加强政治理论学习，不断提高履职能力，改进作风，以更好的成绩回报组织信任。",), "作风建设"),
    (("一是抓好项目建设。", "全年实施重点项目26个，完成投资18亿元，进一步转变作风。"), "作风建设"),
    # a website's or a sector's 信息员队伍 is not the reporting network
    (("二是健全网络。", "各股室明确1名网站信息员，网站信息员队伍达26人，负责向局门户网站提供稿件。"), "信息报送"),
    (("二是健全网络。", "各村明确1名食品安全信息员，全县食品安全信息员队伍达126人，及时发现食品安全隐患。"), "信息报送"),
])
def test_look_alikes_of_a_themes_words(taxonomy, lines, theme):
    assert not by_theme(classify(report(*lines), taxonomy), theme)


def test_a_简报_cut_to_ease_the_base_is_no_信息报送(taxonomy):
    r = report("二、精简文件简报", "全镇停办工作简报两种，只保留一份月度简报，镇发文件比上年少了三成。")
    assert not by_theme(classify(r, taxonomy), "信息报送")
    assert by_theme(classify(report("二、编发工作简报", "全年编发工作简报24期，向县委办报送信息86条，被采用31条。"), taxonomy), "信息报送")


def test_a_check_that_finds_money_unaccounted_for_is_still_督查(taxonomy):
    r = report("（三）强化督查督办。", "县政府督查室对12个重点项目开展专项督查，发现2个项目资金去向不明，已督促整改到位。")
    assert by_theme(classify(r, taxonomy), "督查")


@pytest.mark.parametrize("record", ["抄送：市人大常委会人事代表工作委员会，市政府督查室。", "（信息公开选项：主动公开）",
                                    "红安县人民政府督查室　　　2023年6月15日印发"])
def test_the_版记_and_the_publicity_marking_are_in_no_section(taxonomy, record):
    r = report("关于调整部分人大代表建议承办单位的函", "市交通运输局：", "现将调整后的承办单位函告如下，请按时办理。", record)
    assert not classify(r, taxonomy)


def test_a_bulletins_报_送_发_lines_are_its_版记_in_no_section(taxonomy):
    # a 简报's or 专报's distribution lines (报：…, 送：…, 发：…) under its last part say who gets it: a 人大常委会 among the
    # recipients is no other body's 督办 that rules out the part above them
    r = report("关于全县农村供水工程建设进度的督查情况", "三、工作建议",
               "（一）对未开工的两处水厂实行挂牌督办，由县水利局每周报告进度。", "（二）县财政局要保障配套资金及时到位。",
               "报：县委、县政府主要领导", "送：县人大常委会办公室，县政协办公室", "发：各乡镇人民政府")
    assert by_theme(classify(r, taxonomy), "督查")
    assert not any("县政协办公室" in s.excerpt or "各乡镇人民政府" in s.excerpt for s in split_sections(r))
    # but a line that says where to send a reply, with whom to call, is the part's own text
    reply = report("关于开展秋季秸秆禁烧专项督查的通知", "三、报送要求", "各乡镇于10月20日前将自查报告报送县政府督查室。",
                   "报：县政府督查室（联系人：李明，电话：1234567）")
    part = next(s for s in split_sections(reply) if s.label == "三、报送要求")
    assert [block for block, _, _ in part.body] == [1, 2]


def test_a_lead_in_with_its_own_comma_is_not_the_items_topic():
    r = report("三、下一步打算", "第一，加强学习，提升能力，全面提高办公室人员的业务水平和服务能力。"
               "第二，持续提升信息工作质量，力争全年编发政务信息300条以上。第三，聚焦年度目标任务开展年中督查，确保各项任务按期完成。")
    labels = [s.label for s in split_sections(r) if s.kind == "lead"]
    assert labels == ["第一，加强学习", "第二，持续提升信息工作质量", "第三，聚焦年度目标任务开展年中督查"]



def test_a_reports_own_line_ending_on_印发_is_in_its_section(taxonomy):
    r = report("（三）强化督查督办。", "县政府督查室对12个重点项目开展专项督查，制定出台《红安县重点项目督查办法》并正式印发")
    assert by_theme(classify(r, taxonomy), "督查")



def test_the_opening_of_a_list_about_a_theme_that_names_it_is_about_it_too(taxonomy):
    # 政务信息 once is too little for a paragraph of its own, but it opens four items about the theme
    items = ("一是压实责任。各科室明确一名信息员，负责信息的收集和编报。二是突出时效。重要情况第一时间编写信息并及时上报。"
             "三是提升质量。每月报送信息不少于2篇，全年被市政府办公室采用15条。四是加强培训。举办信息员培训班2期。")
    (match,) = by_theme(classify(report("为发挥好上情下达、下情上报的作用，某街道多措并举推动政务信息提质增效。" + items), taxonomy), "信息报送")
    assert match.own and len(match.parts) == 4
    # an opening that names nothing of it only gathers the items
    (match,) = by_theme(classify(report("为做好今年各项工作，某街道采取了四项措施。" + items), taxonomy), "信息报送")
    assert not match.own and len(match.parts) == 4
    # nor is a mention of it in an opening whose items are about something else
    other = ("为推进今年各项重点工作落地见效，某街道坚持真抓实干，采取三项措施。"
             "一是抓项目。新开工项目6个。二是抓招商。签约项目3个。三是抓环境。完成道路改造2公里。")
    assert not by_theme(classify(report(other), taxonomy), "作风建设")



def test_the_one_sentence_items_under_a_heading_that_names_the_theme_are_its_matter(taxonomy):
    # 一、信息报送重点内容 1.…情况。 2.…: what to report, an enumeration of the heading's matter
    r = report("关于做好政务信息报送工作的通知", "各科室：",
               "一、信息报送重点内容",
               "1.本单位贯彻落实上级重大决策部署的进展和成效。",
               "2.基层工作中的新情况、新问题和群众关注的热点难点。",
               "3.群众反映强烈的重要社会动态。",
               "二、信息报送要求",
               "1.严格保密审查，涉密事项一律不得通过互联网传输。",
               "2.各科室每月底前报送不少于两篇。",
               "三、其他事项",
               "1.各科室按时完成年度目标任务。",
               "2.各科室做好年终总结。")
    matches = classify(r, taxonomy)
    labels = pairs(matches)
    assert {("信息报送", "1.本单位贯彻落实上级重大决策部署的进展和成效。"), ("信息报送", "3.群众反映强烈的重要社会动态。")} <= labels
    # an item whose own words name another theme is that theme's; under a heading that names nothing, an item
    # is judged on its own words
    assert ("信息报送", "1.严格保密审查") not in labels and ("保密工作", "1.严格保密审查") in labels
    assert ("信息报送", "1.各科室按时完成年度目标任务。") not in labels
    # a heading that names the theme by a role (信息员) only: of its duties, only some are reporting
    duties = pairs(classify(report("二、村级信息员主要职责", "1.协助做好辖区人口普查登记。", "2.及时报送信息。"), taxonomy))
    assert ("信息报送", "1.协助做好辖区人口普查登记。") not in duties


def test_an_item_with_a_run_in_heading_of_its_own_names_its_own_topic(taxonomy):
    r = report("三、持续加强作风建设",
               "一是压实主体责任。严格落实一岗双责，层层签订责任书。",
               "二是深化理论学习。坚持每周集中学习，全年开展专题学习12次。",
               "三是整治形式主义。精简会议文件，会议数量同比下降20%。")
    labels = pairs(classify(r, taxonomy))
    assert ("作风建设", "三是整治形式主义。") in labels
    assert ("作风建设", "二是深化理论学习。") not in labels


def test_an_item_that_cuts_meetings_or_documents_by_its_heading_is_作风建设(taxonomy):
    # 精简会议/精简文件 as a lead or heading says it (为基层减负's 文山会海), not only with a count (会议数量同比下降)
    r = report("二、综合协调", "一是规范公文格式，统一全镇文件模板。",
               "二是精简会议活动，能用电话、视频部署的工作不再召集村干部到镇里开会。")
    labels = pairs(classify(r, taxonomy))
    assert ("作风建设", "二是精简会议活动") in labels and not any(t == "作风建设" and label.startswith("一是") for t, label in labels)


@pytest.mark.parametrize("lines", [
    ("（三）精简会议议程", "本次代表大会会期两天半，大会期间不再安排分组审议，大会发言改为书面交流。"),
    ("三、精简会议材料", "会务组严格审核会议材料，汇报材料一律控制在3页以内，会前一天印制装袋。"),
    ("二、优化审批服务", "一是精简文件材料。对企业开办所需申请材料全面梳理，由18份压减至6份。"),
])
def test_cutting_a_meetings_agenda_or_an_approvals_papers_is_no_作风建设(taxonomy, lines):
    assert not by_theme(classify(report(*lines), taxonomy), "作风建设")


def test_matters_left_to_drag_on_are_作风建设s_慢作为(taxonomy):
    # 久拖不决 / 等靠推 in a 对照检查's finding: 效能, as 推诿扯皮 is
    r = report("（三）在担当作为方面", "对需要几个部门共同协调的事情习惯等上级拍板，等靠推的现象仍然存在，群众反映的两件事久拖未决。")
    assert by_theme(classify(r, taxonomy), "作风建设")
    assert not by_theme(classify(report("（三）在担当作为方面", "对需要几个部门共同协调的事情主动牵头，群众反映的两件事均已办结。"),
                                 taxonomy), "作风建设")


@pytest.mark.parametrize("lines", [
    ("二、存在的问题", "一是部分信访积案久拖不决。个别积案涉及历史遗留问题，久拖未决已有五年，当事人多次越级上访。",
     "二是基层调解组织作用发挥不够。"),
    ("二、存在的问题", "一是项目推进久拖不决。城北片区改造项目因征迁补偿标准分歧，久拖未决已三年。", "二是要素保障不足。"),
])
def test_a_hard_case_or_a_stalled_project_left_to_drag_on_is_no_作风建设(taxonomy, lines):
    assert not by_theme(classify(report(*lines), taxonomy), "作风建设")


def test_bulletins_merged_into_one_are_still_the_offices_信息报送(taxonomy):
    r = report("（二）整合简报资源",
               "将原《工作动态》《工作简报》合并为《平川政务》，每周一期，全年编发52期，报送县委、县政府领导参阅，3期获领导批示。")
    assert by_theme(classify(r, taxonomy), "信息报送")


def test_the_measures_under_a_finding_that_names_the_theme_are_its_matter(taxonomy):
    """A 整改 report: 1.…问题 整改情况：一是…二是…: each item, however long, is a measure against the problem the
    heading names; not one whose words name another theme, nor the same items under a heading that only names the
    work (the items of a 总结 name their own topics)."""
    finding = ("关于区委巡察反馈意见整改落实情况的通报", "1.形式主义、官僚主义问题仍然存在", "整改情况：",
               "一是开展“文山会海”专项清理，全年印发文件同比减少20%。",
               "二是严格执行首问负责制。对群众办事实行一次性告知，杜绝推诿扯皮。",
               "三是规范政务服务大厅管理。增设自助终端8台，窗口平均等候时间缩短至10分钟。",
               "四是规范公文处理。严格执行公文审核制度，全年审核公文320件，退改公文26件。")
    labels = pairs(classify(report(*finding), taxonomy))
    assert {("作风建设", "二是严格执行首问负责制。"), ("作风建设", "三是规范政务服务大厅管理。")} <= labels
    assert ("作风建设", "四是规范公文处理。") not in labels
    plain = pairs(classify(report(*finding[:2], *finding[3:]), taxonomy))
    assert ("作风建设", "三是规范政务服务大厅管理。") not in plain


@pytest.mark.parametrize(("lines", "about"), [
    # attendance is the discipline a 作风 check and an office's 内务 rules look at
    (("二是严格考勤制度，", "机关干部每天上下班指纹打卡，每月公示考勤结果。"), True),
    (("2.出勤情况。", "抽查的8个单位出勤率均在95%以上，未发现无故旷岗人员。"), True),
    (("三是落实请假制度，", "干部因私外出一律履行书面请假手续，由主要负责人签批。"), True),
    # a 值班 rule's 请假 and a fire brigade's 出勤 are not
    (("三是严格值班制度，", "值班人员须按时到岗，确需调换的须向带班领导请假并安排同事代班。"), False),
    (("（四）应急救援", "全年消防救援队伍出勤1260次，营救被困群众300余人。"), False),
    # nor is the attendance of pupils or of the workers a wage rule protects
    (("一、控辍保学", "严格落实学生考勤制度和请假制度，每日统计学生出勤情况，全年学生出勤率达98%以上。"), False),
    (("一、推行实名制管理", "督促在建项目落实农民工实名制管理，建立考勤台账，每日记录农民工出勤情况，严格请假手续。"), False),
])
def test_attendance_is_作风建设(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "作风建设")) == about


def test_a_half_width_comma_ends_a_clause_for_the_patterns_too(taxonomy):
    # 及时转接通知,按要求上报…: the time word and the report are in two clauses (pages type half-width commas)
    duty = report("三、保持联络畅通。", "各村、各单位要安排专人值班,确保电话24小时畅通,及时转接通知,按要求上报各类信息材料。")
    assert not by_theme(classify(duty, taxonomy), "信息报送")
    # within one clause the pattern still counts
    event = report("二、强化汛期信息报告。", "各村发现险情后要第一时间上报镇党政办,坚决杜绝迟报漏报。")
    assert by_theme(classify(event, taxonomy), "信息报送")


@pytest.mark.parametrize(("lines", "item", "about"), [
    # a news item's opening about the theme that announces its items — by their count (“三个强化” over three),
    # or running on into the first of them after a clause with the theme's words (…加大明察暗访力度，一是…) —
    # when one of them names the theme too
    (("为深入推进作风建设，县财政局以“三个强化”狠抓机关作风。", "一是强化学习教育。组织干部职工集中学习有关规定，筑牢思想防线。",
      "二是强化制度约束。修订完善内部管理制度。", "三是强化监督问责。对违反工作纪律的干部及时通报。"),
     "二是强化制度约束。", True),
    (("县委作风办明察暗访组近日对县直单位工作纪律情况开展突击检查，发现上班时间玩手机游戏、迟到早退等问题5个。县委作风办要求"
      "暗访组要持续加大明察暗访力度，一是坚持每周至少暗访一次；二是发现问题当场拍照取证；三是查实的作风问题一律在全县通报。",),
     "二是发现问题当场拍照取证；", True),
    # (a comma's 一是 in an earlier sentence is not where the run starts)
    (("县委召开作风建设推进会。会议指出，一是要提高思想认识，二是要压实工作责任。为进一步加强作风建设，县纪委以“三项举措”"
      "重申工作纪律。一是严格执行考勤制度，按时上下班；二是严禁工作时间办理私事；三是加强作风督查，发现问题严肃处理。",),
     "二是严禁工作时间办理私事；", True),
    # not a meeting's or a leader's demands after it (会议要求，一要…), nor items the count does not announce, nor
    # a count in a sentence about other work, nor measures of other work, none naming the theme (一是推行帮办代办…)
    (("3月5日，县委书记主持召开全县作风建设大会，动员部署作风建设年活动。会议要求，一要抓好春耕生产，确保粮食面积稳定。"
      "二要加快项目建设，力争一季度开门红。三要做好农村人居环境整治。",), "二要加快项目建设，力争一季度开门红。", False),
    (("为加强作风建设，某镇推出“五个一”工作法，转变干部作风，提升机关效能。", "一是项目建设有序推进。", "二是乡村振兴扎实开展。",
      "三是人居环境持续改善，干部作风明显好转。"), "二是乡村振兴扎实开展。", False),
    (("2月10日，县委召开全县作风建设暨经济工作会议，要求以作风建设为抓手，转变工作作风，提升机关效能。会议部署了今年“三大任务”。",
      "一是抓项目建设。", "二是抓招商引资。", "三是抓民生保障，持续转变作风。"), "二是抓招商引资。", False),
    (("为深入推进机关作风建设，提升机关效能，县政务服务中心推出“三项举措”。", "一是推行帮办代办，为企业提供免费帮办服务。",
      "二是推行延时服务。", "三是推行容缺受理。"), "二是推行延时服务。", False),
    # nor items before the sentence that counts them: it opens none of them
    (("3月5日，县委召开全县经济工作会议，部署今年重点工作。", "一是抓项目建设，确保开工率达到90%。", "二是抓招商引资，全年引进项目20个。",
      "会议强调，要以作风建设为抓手，以“三个强化”狠抓机关作风建设。", "三是强化作风纪律，对违反工作纪律的干部及时通报。"),
     "一是抓项目建设，确保开工率达到90%。", False),
])
def test_the_items_a_news_items_opening_announces_are_its_theme(taxonomy, lines, item, about):
    assert (("作风建设", item) in pairs(classify(report(*lines), taxonomy))) == about


@pytest.mark.parametrize(("lines", "theme", "item", "about"), [
    # 信息调研 (a 党委's or 统战部's 信息调研科): the information work; not 信息化 research nor market research
    (("（三）加强信息调研", "全年编发《工作动态》24期，完成专题材料6篇。"), "信息报送", "（三）加强信息调研", True),
    (("（三）开展信息化调研", "赴外地考察智慧城市建设，形成调研报告1篇。"), "信息报送", "（三）开展信息化调研", False),
    (("（二）农产品市场信息调研", "及时发布价格行情，指导农户调整种植结构。"), "信息报送", "（二）农产品市场信息调研", False),
    # a run that a sentence about the theme opens, each lead naming it: each demand is the theme's, though
    # its own text says only how (要明确专人专职做此项工作)
    (("会议强调，督查督办是推动决策落实的重要抓手。要把督查工作作为一项重要工作来谋划和推进。一要进一步健全督查工作队伍，"
      "要明确分管领导，专人专职做此项工作。二要进一步拓宽督查工作渠道，拓宽问题线索来源渠道和群众反映渠道。三要进一步完善"
      "督查督办工作机制。建立健全督查通报制度、问责制度。",), "督查", "二要进一步拓宽督查工作渠道", True),
    # not demands after a visit (他强调，一要…), slogans over project work beside one about the theme
    (("县长到重点项目现场调研。他强调，一要强化督查问责，各项目责任单位要倒排工期、挂图作战。二要强化督办落实，加快征地拆迁进度，"
      "确保按期交地。三要强化督查督办，县政府督查室要对项目推进情况每周督查一次，督查结果全县通报。",), "督查", "二要强化督办落实", False),
    # nor what a 督查组 said to the checked after its check (督查组强调：): each demand is about the work it asks for
    (("县政府督查组到XX镇督查秸秆禁烧工作", "3月12日，县政府督查组深入XX镇督查秸秆禁烧工作，实地查看了田间地头禁烧情况。督查组强调：",
      "一是要压实工作责任，明确专人负责，做到网格化管理；", "二是要加强宣传引导，通过大喇叭、宣传车等方式营造良好氛围；",
      "三是要加大巡查力度，做到早发现、早处置。"), "督查", "二是要加强宣传引导", False),
    (("县防指督查组到XX镇督查防汛工作", "6月10日，县防指督查组深入XX镇督查防汛备汛工作，查看了防汛物资仓库和山洪灾害隐患点。督查组要求：",
      "一是要压实防汛责任，落实行政首长负责制；", "二是要加强物资储备，确保关键时刻拿得出、用得上；",
      "三是要加强值班值守，严格执行24小时值班制度。"), "督查", "三是要加强值班值守，严格执行24小时值班制度。", False),
    # a preamble that names two matters (防汛 and the 值班 of the flood season) introduces each item as its own words say:
    # the 值班 items are 值班值守's, the 防汛责任人's patrol 安全应急's
    (("某乡人民政府关于明确汛期值班及防汛责任人的通知", "各村民委员会、乡属各部门：",
      "汛期已到，为切实抓好今年的防汛工作，做到责任明确、人员到位，根据县防汛抗旱指挥部有关要求，现将今年汛期值班安排及防汛责任人落实"
      "情况通知如下：", "一、我乡今年汛期值班时间从5月1日开始至9月30日结束，在此期间实行24小时值班，值班人员不得擅离岗位。",
      "二、值班人员每周对通讯设施进行检查，发现异常情况上报带班领导。", "三、各村防汛责任人要加强山洪地质灾害隐患点巡查，发现险情立即组织群众转移。"),
     "安全应急", "一、我乡今年汛期值班时间从5月1日开始至9月30日结束，在此…", False),
    (("某乡人民政府关于明确汛期值班及防汛责任人的通知", "各村民委员会、乡属各部门：",
      "汛期已到，为切实抓好今年的防汛工作，做到责任明确、人员到位，根据县防汛抗旱指挥部有关要求，现将今年汛期值班安排及防汛责任人落实"
      "情况通知如下：", "一、我乡今年汛期值班时间从5月1日开始至9月30日结束，在此期间实行24小时值班，值班人员不得擅离岗位。",
      "二、值班人员每周对通讯设施进行检查，发现异常情况上报带班领导。", "三、各村防汛责任人要加强山洪地质灾害隐患点巡查，发现险情立即组织群众转移。"),
     "安全应急", "三、各村防汛责任人要加强山洪地质灾害隐患点巡查", True),
    # a preamble that names only the theme makes every item its own, though an item's words name another theme (调研)
    (("通报3起形式主义典型问题", "日前，县整治形式主义为基层减负专项工作机制办公室对3起形式主义典型问题进行通报。具体如下：",
      "1.某局调研组赴乡镇开展产业发展专题调研，县、乡、村层层陪同，一个调研点陪同近10人，调研点与调研主题不符。",
      "2.某镇违规开展达标创建活动，要求村级提供大量台账资料。", "3.某单位文件层层照搬照转，会议层层陪会。"),
     "作风建设", "1.某局调研组赴乡镇开展产业发展专题调研", True),
    # the one-sentence items under a heading naming the theme are its matter, though a later clause names another
    # theme's means (通过OA系统); an item whose words are that theme's is not
    (("关于做好政务信息报送工作的通知", "各科室：", "二、信息报送要求",
      "1.机关各科室、各直属事业单位每月至少报送一篇本单位工作动态，于每月25日前通过OA系统报办公室综合股。",
      "2.各科室要加强电子政务内网、OA系统和政务服务平台的运行维护，确保数据共享和系统安全稳定运行。"),
     "信息报送", "1.机关各科室、各直属事业单位每月至少报送一篇本单位工作动态…", True),
    (("关于做好政务信息报送工作的通知", "各科室：", "二、信息报送要求",
      "1.机关各科室、各直属事业单位每月至少报送一篇本单位工作动态，于每月25日前通过OA系统报办公室综合股。",
      "2.各科室要加强电子政务内网、OA系统和政务服务平台的运行维护，确保数据共享和系统安全稳定运行。"),
     "信息报送", "2.各科室要加强电子政务内网、OA系统和政务服务平台的运行维…", False),
])
def test_信息调研_and_a_run_about_the_theme(taxonomy, lines, theme, item, about):
    assert ((theme, item) in pairs(classify(report(*lines), taxonomy))) == about


@pytest.mark.parametrize(("lines", "about"), [
    # what a check of a meeting's discipline finds (会风会纪), and the calls 转职能、改作风 and 乱作为 beside 不作为
    (("市委督查室通报：3月6日全市经济工作会议上，某局、某镇参会人员未按要求及时进入会场，个别人员中途离场，现予通报批评。",), True),
    (("县纪委通报：在县委全会期间，有2名参会人员在会场内玩手机，1名人员提前离场，已责成所在单位严肃处理。",), True),
    (("下一步，街道纪工委将继续强化监督执纪问责，督促职能部门不断转职能、改作风，坚决整治不作为、慢作为、乱作为问题。",), True),
    # a meeting notice's rules for entering the hall, and an audience leaving a sports ground, are not
    (("三、有关要求", "请参会人员提前10分钟进入会场，未经允许不得进入会场，会议期间请将手机调至静音。"), False),
    (("运动会期间，观众有序进入会场，比赛结束后观众离场秩序良好，未发生安全事故。",), False),
])
def test_a_meetings_discipline_and_改作风_are_作风建设(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "作风建设")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # 机关效能建设 names the theme (效能建设 in its description), and a 效能投诉中心 takes complaints about it
    (("为深入推进机关效能建设，某镇修订完善《机关管理制度》，进一步规范干部日常管理，提升服务水平。",), True),
    (("某市效能投诉中心揭牌成立。", "中心受理群众对机关单位效能问题的投诉，投诉可通过来信、来电和网上平台提出，实行限时回复。"), True),
    # 提升行政效能 of a reform is not
    (("二、优化营商环境", "深化放管服改革，进一步提升行政效能，企业开办时间压缩至1个工作日。"), False),
])
def test_机关效能建设_and_its_complaints_are_作风建设(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "作风建设")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # society's 信息化 and an industry's 大数据 are not the government's: weak words, too weak to carry a heading
    (("第十五条 本市实行信息化工程质量保修制度。承揽信息化工程的单位应当对信息化工程承担保修责任。",), False),
    (("（二）基本原则。", "坚持公益性导向，提高医疗服务效率。",
      "坚持信息化支撑，确保结果真实客观。通过加强信息系统建设，发挥大数据优势，强化考核数据分析应用。"), False),
    (("（四）提升信息化水平", "推进电子政务建设，完成OA协同办公平台升级，实现公文网上流转。"), True),
])
def test_信息化_and_大数据_alone_are_not_数字政府(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "数字政府")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # 廉政建设和反腐败斗争 is one set phrase: one item of a year's review, not a passage
    (("一、过去一年的工作回顾", "过去一年，全县经济保持平稳增长，地区生产总值增长6.5%。重点项目建设加快推进，新开工项目42个。"
      "民生保障持续加强，城镇新增就业5200人。勤政廉政建设和反腐败斗争继续深入，查处了一批违纪违法案件。社会大局和谐稳定。"), False),
    # a 纪委's information work is 信息报送, whatever frames it
    (("英德市纪检监察部门在党风廉政建设和反腐败斗争中，十分注重发挥纪检监察信息功能，把信息报送工作列为考核各镇街纪检监察工作的"
      "一项内容。去年，市纪委上报信息45条，报送采用率在全省34个直报点中排在第七位。",), False),
    (("三、全面加强党风廉政建设", "认真落实党风廉政建设主体责任，严格执行中央八项规定精神，深化警示教育，持续推进党风廉政建设和反腐败斗争。"), True),
    # the campaign against 形式主义 asks for 八项规定 and against the 四风 too: without the words of clean
    # government proper it is 作风建设; with them, both
    (("日前，整治形式主义为基层减负专项工作机制办公室通报了3起典型问题。以上问题反映出有的地方贯彻落实中央八项规定及其实施细则精神"
      "不严不实，增加基层负担。各地区各部门要严格落实中央八项规定及其实施细则精神和《整治形式主义为基层减负若干规定》，"
      "严肃查处顶风违纪、隐形变异的“四风”问题。",), False),
    (("（四）从严管党治党", "严格落实全面从严治党主体责任，严格执行中央八项规定精神，持续整治形式主义为基层减负，开展廉政警示教育2次。"), True),
])
def test_党风廉政_named_in_passing_or_framing_other_work(dropped, lines, about):
    assert bool(by_theme(classify(report(*lines), dropped), "党风廉政")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # residents' 物业 (a hotline's complaints about housing estates) is not the office's 后勤
    (("(一)物业管理类问题", "6月份,共受理物业管理类问题122个,其中市民热线116个。主要反映小区物业服务质量不高、未接通网络等问题。"), False),
    (("（三）加强办公用房管理", "严格执行办公用房标准，完成机关办公用房清理腾退，规范机关物业服务，保障机关正常运转。"), True),
])
def test_residents_物业_is_not_后勤保障_the_offices_办公用房_is(optional, lines, about):
    assert bool(by_theme(classify(report(*lines), optional), "后勤保障")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # others' 接待 (a 信访 office's visitors and calls, a resort's tourists), a 村's 财务管理, a programme's
    # 经费保障 share the office's words without being its 后勤
    (("（二）做好接待工作", "全年接待群众来访320人次，接待来电咨询1200余次，做到件件有回音。"), False),
    (("（一）接待服务", "全年接待游客320万人次，实现旅游综合收入18亿元，接待能力进一步提升。"), False),
    (("（五）强化财务管理", "规范村级财务管理，推行村账乡代管，全年审核村级票据3200张，村级财务公开率100%。"), False),
    (("三、保障措施", "（一）加强组织领导。", "（二）强化经费保障。将项目建设资金纳入财政预算，确保经费保障到位。", "（三）严格督查考核。"), False),
    (("（四）后勤服务", "加强公务用车管理，严格执行派车审批制度，规范机关食堂运营，全年节约运转经费12万元。"), True),
    (("五是抓好机关事务。", "严格执行办公用房标准，规范公务接待，推进节约型机关建设，公共机构节能工作通过省级验收。"), True),
])
def test_others_接待_accounts_and_funds_are_not_后勤保障(optional, lines, about):
    assert bool(by_theme(classify(report(*lines), optional), "后勤保障")) == about


def test_a_shortcoming_in_a_list_of_shortcomings_is_a_passing_mention(taxonomy):
    # a 自查报告's or 述职报告's list of shortcomings names each matter in passing
    r = report("一、存在的问题", "一是学习不够深入，理论联系实际不够。二是调查研究不够，深入基层少，对基层情况掌握不全面。"
               "三是工作作风不够扎实，有时存在等靠思想。")
    assert not by_theme(classify(r, taxonomy), "调查研究")
    r = report("三、存在的问题", "一是党风廉政建设主体责任落实不够到位。二是机关事务管理不够规范，公务接待、公务用车管理有待加强。"
               "三是数字政府建设推进较慢。")
    assert not {m.theme for m in classify(r, switched_on("后勤保障", "党风廉政"))} & {"党风廉政", "后勤保障", "数字政府"}
    # nor is the first of them a paragraph's run-in heading (it ends as an item does)
    r = report("（三）存在的问题和不足", "调查研究不够，深入基层不多；保密工作制度执行不严；政务数据共享不畅。")
    assert not by_theme(classify(r, taxonomy), "调查研究")
    # 意识淡薄 and 手段单一 state shortcomings too
    r = report("三、存在问题", "一是部分干部保密意识淡薄。二是信息报送质量不高。三是督查手段单一。")
    assert not by_theme(classify(r, taxonomy), "保密工作")
    # an item that says more of the matter than that it falls short is about it
    r = report("三、存在的不足", "一是学习不够深入。二是保密制度执行不严。2023年以来，我办严格落实保密工作责任制，开展保密检查4次，"
               "组织涉密人员保密培训2次，未发生失泄密事件。三是工作作风不够扎实。")
    assert by_theme(classify(r, taxonomy), "保密工作")
    # and the findings of a check of one matter, each about it, are its own
    r = report("二、存在的问题", "一是部分单位信息报送不及时，重要情况迟报漏报。二是信息质量不高，反映问题的信息偏少。"
               "三是信息员队伍不稳定，业务培训不够。")
    assert by_theme(classify(r, taxonomy), "信息报送")


@pytest.mark.parametrize(("lines", "about"), [
    # 调研 alone, even in a lead, is support: 信息调研宣传 is an office's information and publicity work
    (("会议要求，一要提高政治站位。二要加强统战信息报送。三要进一步完善信息调研宣传工作机制。"
      "建立健全信息调研宣传工作审核制度、调研制度、调度制度、奖励制度以及学习培训制度等。",), False),
    (("（三）加强调研工作。", "围绕县委中心工作开展专题调研8次，形成调研报告6篇，其中2篇获县领导批示。"), True),
])
def test_调研_alone_is_support_of_调查研究(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "调查研究")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # keeping a person's or a firm's confidences is privacy and fair dealing, not the state's secrets
    (("（四）加强个人信息保护", "建立用户个人信息保密制度，工作人员须签订保密协议，对来电人的个人隐私严格保密，不得泄露。"), False),
    (("五、保密条款", "乙方对在履行合同过程中知悉的甲方商业秘密负有保密义务，未经甲方书面同意，不得向第三方泄露。"), False),
    # unless they are named with them
    (("第七条 12345热线工作中涉及的国家秘密、商业秘密、个人隐私以及其他依法应当保密的信息，工作人员应当依法履行保密义务。",), True),
    # a contractor's 保密协议 is fair dealing too, unless what it keeps is the state's (涉密)
    (("县政府办公室于2023年6月通过公开招标采购了政务云服务，合同金额186万元。中标单位须与我办签订保密协议，"
      "对承载的政务数据负有保密责任。目前，县直38个单位的62个业务系统已迁移上云，运行平稳。",), False),
    (("（二）加强涉密人员管理", "与新任涉密人员签订保密协议，组织岗前保密培训，对离岗涉密人员实行脱密期管理。"), True),
    # nor is a tender's 评标 kept from its bidders, though they must not 泄密 it
    (("二、评标工作", "评标委员会由招标人代表和评标专家组成，成员名单在中标结果确定前严格保密。"
      "评标专家不得泄密评标情况，不得私下接触投标人。"), False),
    (("（三）规范涉密采购", "涉密项目采购严格限定在具有涉密资质的供应商范围内，评标过程全程保密，采购文件按涉密载体管理。"), True),
])
def test_privacy_is_not_保密工作_unless_state_secrets_are_named(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "保密工作")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # an account's password is no cipher
    (("（六）加强密码管理", "督促各单位定期修改OA系统登录密码，不得使用弱密码，防止账号被盗用。"), False),
    (("（三）加强商用密码管理", "开展商用密码应用安全性评估，推进政务信息系统密码应用，落实密码工作责任制。"), True),
    # 机要保密 names the matter once, and a summary's closing 未发生失泄密 is not the work
    (("2023年，县委办公室围绕中心、服务大局，全力做好办文办会办事工作。全年起草文稿150篇，组织会议90次，督查督办事项120件，"
      "报送信息360条，机要保密、档案、值班等工作有序开展，未发生失泄密事件。",), False),
    (("五是抓好机要保密。", "严格执行密件收发、登记、传阅、清退制度，全年收发密件860份，无一差错。"), True),
    # a paragraph opened by a list of matters, 保密 one of them, is not headed by it
    (("三、分管工作情况", "分管办公室文秘、信息、机要保密和档案工作。全年审核把关各类文稿260余篇，组织报送信息420条，整理归档文件1860件。"), False),
    (("二、统筹抓好各项工作", "机要、保密、档案、后勤等工作有序开展。全年收发文件3200份，整理归档文书档案860件，接待公务活动120批次。"), False),
    (("二、统筹抓好各项工作", "保密宣传、保密检查、涉密人员培训扎实开展。全年组织保密知识测试2次，检查计算机126台。"), True),
    # what a demand guards against (严防失泄密) is its slogan, not more of the work
    (("三、工作要求", "各单位要加强组织领导，明确专人负责，认真做好数据采集工作。要严守保密纪律，严防失泄密事件发生。"
      "要按时报送，不得迟报漏报。"), False),
    (("2023年，镇党政办全年处理上级来文1260件，组织召开各类会议126次。认真做好信息报送工作，全年报送信息120条。"
      "严格执行保密制度，严防失泄密。认真做好值班值守工作，全年未发生漏岗脱岗问题。",), False),
    # 保密纪律 named with the other disciplines is a demand of conduct
    (("3月8日，县委办公室召开全体干部职工大会。会议指出，过去一年，县委办公室在文稿起草、信息报送、督查督办、机要保密等方面"
      "做了大量卓有成效的工作。会议要求，全体干部要严守政治纪律和政治规矩，严守保密纪律，以过硬作风推动各项工作落地落实。",), False),
    (("三、严守保密纪律。不该说的秘密不说，不该问的秘密不问，不在非涉密计算机上处理涉密信息。",), True),
])
def test_保密工作_look_alikes(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "保密工作")) == about


def test_迟报漏报瞒报_written_together_is_one_piece_of_evidence(taxonomy):
    # accident reporting as one sentence of a 安全生产 section is not 信息报送
    for lines in (("二、安全生产", "全年开展安全生产大检查3次，排查整改隐患126处，全县未发生较大以上安全事故。"
                   "发生事故要立即报告，严禁迟报漏报瞒报。"),
                  ("（二）强化安全生产监管", "各乡镇要压实安全生产责任，深入开展隐患排查整治。"
                   "发生事故要立即报告，严禁迟报漏报瞒报。加强应急值守，确保安全。")):
        matches = classify(report(*lines), taxonomy)
        assert by_theme(matches, "安全应急") and not by_theme(matches, "信息报送"), lines
    r = report("二、强化汛期信息报告。", "各村发现险情后要第一时间上报镇党政办，坚决杜绝迟报漏报瞒报。")
    assert by_theme(classify(r, taxonomy), "信息报送")


@pytest.mark.parametrize(("lines", "about"), [
    # a check of whether staff are at work, and who came late, is of their discipline (作风建设), not a 督查 of tasks
    (("3月6日，县政府督查组对县直20个单位到岗情况进行了突击检查，发现5名工作人员迟到，已责成相关单位严肃处理。",), True),
    (("3月6日上午，县纪委对县直单位到岗情况进行暗访，发现3名工作人员迟到，已责成所在单位批评教育。",), True),
    (("关于县直单位工作人员在岗情况暗访的通报", "县直各单位：", "为进一步严明工作纪律，10月12日，县委督查室对县直28个单位工作人员"
      "在岗情况进行了暗访，发现3个单位5名工作人员不在岗，2名工作人员上班时间办理私事。现予以通报批评。"), True),
    # a 值班 rule's 按时到岗, pupils' lateness, and absent site workers in a 督查 of projects are not
    (("（二）严格值班纪律。", "值班人员须按时到岗，不得迟到，确需调换的须向带班领导报告。"), False),
    (("三是加强学生管理。", "严格学生考勤，对学生迟到、旷课情况每日登记，及时与家长沟通。"), False),
    (("县政府督查室对全县重点项目推进情况开展专项督查，发现2个项目施工人员未到岗，项目进度滞后，已督促整改。",), False),
])
def test_a_check_of_到岗_is_作风建设(taxonomy, lines, about):
    matches = classify(report(*lines), taxonomy)
    assert bool(by_theme(matches, "作风建设")) == about
    if about:
        assert not by_theme(matches, "督查")


def test_two_demands_of_a_long_run_of_demands_are_passing_mentions(taxonomy):
    # a speech's closing run of seven demands, two of them on 作风, in a sentence that names other themes as much
    closing = ("同志们，做好今年的工作，任务艰巨，责任重大。各级各部门要切实加强领导，强化责任担当，大兴调查研究，严守保密纪律，"
               "厉行勤俭节约，坚决落实中央八项规定精神，以优良作风确保各项目标任务圆满完成。")
    assert not by_theme(classify(report(closing), taxonomy), "作风建设")
    r = report("同志们，做好今年的工作，任务艰巨，责任重大。各级各部门要切实转变工作作风，坚决落实中央八项规定精神，"
               "以优良作风确保各项目标任务圆满完成。")
    assert by_theme(classify(r, taxonomy), "作风建设")


def test_a_demand_whose_lead_names_a_theme_over_other_matter_is_not_about_it(taxonomy):
    # 二要强化督查问责，… / 三要转变工作作风，…: the lead is a slogan, what the demand asks is project work
    r = report("二、几点要求",
               "一要提高政治站位，充分认识重点项目建设的重要意义，切实增强责任感紧迫感。"
               "二要强化督查问责，各项目责任单位要倒排工期、挂图作战，确保项目按时序推进。"
               "三要转变工作作风，全力做好项目要素保障，加快土地征收和手续办理，确保项目早开工、早投产。"
               "四要加强督查督办，县政府督查室要把重点项目纳入重点督查内容，实行周调度、月通报，对推进不力的严肃问责。"
               "五要改进工作作风，力戒形式主义、官僚主义，坚决杜绝推诿扯皮、敷衍塞责。")
    labels = pairs(classify(r, taxonomy))
    assert ("督查", "二要强化督查问责") not in labels and ("作风建设", "三要转变工作作风") not in labels
    assert ("督查", "四要加强督查督办") in labels and ("作风建设", "五要改进工作作风") in labels
    # a demand that is its lead alone, or an item of a summary (一是…), keeps its lead as a heading
    alone = report("二、几点要求", "一要提高政治站位，增强责任感。二要强化督查问责。三要狠抓工作落实。")
    assert ("督查", "二要强化督查问责。") in pairs(classify(alone, taxonomy))


def test_the_model_does_not_add_back_a_passing_mention(taxonomy):
    # one shortcoming of a list of them, which the rules read as passing, is not added back by the model (a bare want of
    # the work, 信息报送还不够及时; not one of how it is done, 信息报送的质量还不够高: test_a_shortcoming_in_the_themes_own_work…)
    r = report("二、存在的问题", "一是信息报送还不够及时，深度信息偏少；二是督查手段还比较单一，跟踪问效不够到位；"
               "三是个别干部业务能力还有待提高。")
    assert not by_theme(classify(r, _modelled(taxonomy, "信息报送"), {"信息报送": _stub_model("信息报送", 0.9)}), "信息报送")
    # nor one item of a penalty article's list (有下列情形之一的： …（二）迟报…事故的；) that falls short (an item that is the
    # reporting discipline whole, 迟报、谎报、瞒报、漏报有关突发事件信息的；, is the theme's by its own words: the ninth probe, x)
    r = report("第十四条 有关单位有下列情形之一的，由上级行政机关责令改正，对直接负责的主管人员依法给予处分：",
               "（一）未按规定采取预防措施，导致发生严重突发事件的；", "（二）迟报、漏报事故的；",
               "（三）未按规定及时发布突发事件警报的；", "（四）未按规定及时采取措施处置突发事件的。")
    assert not by_theme(classify(r, _modelled(taxonomy, "信息报送"), {"信息报送": _stub_model("信息报送", 0.9)}), "信息报送")


@pytest.mark.parametrize(("lines", "theme"), [
    # the discipline of a census's or an exam's workers is that task's rule, not the offices' 作风
    (("（二）严守工作纪律。", "各级普查机构和普查人员要严格遵守统计法律法规，不得伪造、篡改普查资料，对违法违纪行为依法依规严肃处理。"), "作风建设"),
    (("三、严明工作纪律", "考务人员要严格遵守工作纪律，按时到岗，严禁携带手机进入考场。"), "作风建设"),
    # …and so is a 督查组's own (its members keep 工作纪律 and 保密纪律 while they check)
    (("（一）督查组成员要严格遵守工作纪律和保密纪律，", "对督查发现的问题如实予以记录，同时做好相关证据材料的采集。"), "作风建设"),
    # a hotline's (12345, 12315) 督办 of its 工单 is its own follow-up
    (("（四）投诉举报处理。", "通过12315平台受理投诉举报2360件，对超时限工单及时督办，按时办结率100%。"), "督查"),
    # a duty officer telling the leader on duty is the 值班's own chain, not information sent up (nor for the model)
    (("（一）值班工作。", "严格执行24小时值班和领导带班制度，值班人员按时交接班，认真填写值班日志，重要情况及时报告带班领导。"), "信息报送"),
    # data sent to a system or a platform (信用信息, 价格监测报表, 人口信息录入) is data work, not 信息报送 (nor for the model)
    (("（一）社会信用体系建设。", "归集各类信用信息12万条，按时报送省信用信息共享平台，双公示信息上报及时率100%。"), "信息报送"),
    (("（一）价格监测。", "按时采集上报重要商品价格信息，全年报送价格监测数据3600条，价格监测报表报送及时率100%。"), "信息报送"),
    (("（一）人口信息采集。", "完成流动人口信息采集登记2300人，信息录入率100%，及时上报县公安局。"), "信息报送"),
    # records about people or farms sent up (群众信息及时上报, 上报农情信息) are data too, and what 网格员 report through
    # their platform is the 网格's event handling
    (("二、困难群众排查", "组织村（社区）干部入户走访，对因病因灾致困群众信息及时上报，做到应保尽保。"), "信息报送"),
    (("二、农情调度", "每周向市农业农村局上报农情信息，及时掌握春播、夏收、秋种进度和苗情墒情。"), "信息报送"),
    (("一、网格化服务", "网格员每日巡查，全年通过网格平台上报事件信息6800条，办结率98%。"), "信息报送"),
    # a budget compiled and sent to the 财政 (编报部门预算), a meeting's bulletin (会议简报), a sector's informants
    # (燃气安全信息员) and what a website took (被市政府网站采用) are not information reports either
    (("一、编报范围", "县直各部门及所属单位均应编报2024年部门预算，做到应编尽编。"), "信息报送"),
    (("二、编报要求", "各部门要按照零基预算原则编报收支预算，于11月10日前将预算草案报送县财政局，逾期不报送的，由财政局代编。"), "信息报送"),
    (("二、简报编发", "大会期间共编发会议简报18期，及时反映代表审议意见和建议。"), "信息报送"),
    (("四、燃气安全", "建立燃气安全信息员队伍，对餐饮场所燃气使用情况开展排查，发现隐患立即报告属地乡镇。"), "信息报送"),
    (("一、网站内容建设", "县政府门户网站全年更新政务信息4200条，向市政府门户网站报送政务信息320条，被市政府网站采用126条。"), "信息报送"),
    # a sector's work on its data or content (统计信息工作, 档案信息工作, 清理有害信息2300条)
    (("三、统计信息工作", "按时完成统计年报和定期报表，编印《统计月报》12期，统计数据质量稳步提高。"), "信息报送"),
    (("四、档案信息工作", "推进档案数字化，完成馆藏档案数字化扫描120万页。"), "信息报送"),
    (("三、网络信息工作", "加强网络信息内容管理，清理有害信息2300条，网络生态持续向好。"), "信息报送"),
    # a 人大's 信息公开 is its 政务公开, not the 人大信息 it sends up
    (("三、人大信息公开", "推进人大信息公开，及时在人大网站公开常委会会议情况和代表履职情况。"), "信息报送"),
    # public opinion's emergencies (舆论引导与应急处置) are publicity work, and 突发事件信息 reported up is
    # information work, not the handling of disasters
    (("市委宣传部组织开展网评员培训", "11月5日，市委宣传部组织全市网评员开展集中培训，专家以《网络舆论引导与应急处置》为题授课，"
      "要求增强应对各种重大和突发事件的能力。"), "安全应急"),
    (("二、完善突发事件信息报告体系", "各级政府办公室要发挥突发事件信息报告的枢纽作用，较大以上突发事件信息报省政府最迟不得超过事发后2小时，"
      "并及时续报。"), "安全应急"),
    # a 纪委's 信访举报 is its intake of complaints, and a hotline passing petitions on is the hotline's work
    (("（二）加强纪检监察", "全年共受理信访举报86件，处置问题线索42件，立案28件，给予党纪政务处分26人。"), "信访"),
    (("（四）12345政务服务热线", "全年受理群众来电诉求8600件，按时办结率99%。对涉及信访的诉求及时转交信访部门，对重复来电实行专人回访。"),
     "信访"),
    # the 值班 of the flood season is the office's duty (值班值守), not the handling of floods
    (("某乡人民政府关于明确汛期值班安排的通知", "各村民委员会、乡属各部门：",
      "汛期已到，根据区防汛抗旱指挥部有关要求，现将今年汛期防汛值班安排通知如下：",
      "一、我乡今年防汛值班时间从5月1日开始至9月30日结束，在此期间实行24小时防汛值班。",
      "二、各村、乡属各部门坚持24小时防汛值班制，防汛值班人员不得擅离岗位，搞好雨情、汛情的传递反馈工作。",
      "三、防汛值班人员每周对通讯设施进行检查，发现异常情况上报带班领导。"), "安全应急"),
    # a website adopting what units sent up counts 信息报送's results, not publication (政务公开)
    (("2024年1~3月，全省各级林业部门共报送信息1206条，我厅共采用266条。按载体去向统计：厅门户网站采用266条；"
      "国家林业局门户网站采用126条、省政府网站采用12条。",), "政务公开"),
    # the campaign against 文山会海 counts papers too: 作风建设, not the office's 办文办会
    (("三是精简文件简报。", "严格控制发文数量，全年县委县政府发文同比减少18%，杜绝照抄照转、层层发文。"), "办文办会"),
    # a checkpoint's or a forest post's guard is no office 值班值守
    (("（三）强化疫情防控", "严格落实疫情防控措施，各卡点实行24小时值守，全年排查返乡人员3600人。"), "值班值守"),
    # 工单 inside 施工单位 or 用工单位 is a unit, not a hotline's work order
    (("针对群众反映的河道污染问题，街道立即组织整改。", "一是清理河道垃圾。", "二是要求沿河建设项目施工单位加强日常管理，严禁向河道倾倒建筑垃圾。"),
     "12345热线"),
    # a network's security incidents are 数字政府's, without a word of safety or disasters proper
    (("（六）健全网络安全保障体系", "8.建立安全事件应急响应和处理机制，",
      "制定网络安全应急预案，明确应急处置程序，定期开展网络安全应急演练，构筑多层次的安全应急体系。"), "安全应急"),
])
def test_work_that_shares_a_themes_words_is_not_about_it(taxonomy, lines, theme):
    assert not by_theme(classify(report(*lines), taxonomy), theme)


@pytest.mark.parametrize(("lines", "theme"), [
    (("（一）办文工作", "严格控制发文数量，全年办理上级来文1860件，审核县政府及办公室文件320件，公文办理及时率100%。"), "办文办会"),
    (("（二）值班值守", "严格执行24小时值班和领导带班制度，全年处置突发事件信息36条，值班电话接听率100%。"), "值班值守"),
    (("（二）强化应急值守", "节假日和汛期实行24小时值守，领导带班，确保信息畅通。"), "值班值守"),
    (("（三）信访工作", "开通12345热线信访专席，全年受理群众信访事项326件，办结率98%，开展领导干部接访下访36次。"), "信访"),
    (("（二）防汛工作", "汛前完成防汛物资储备，开展防汛演练3次，汛期转移受威胁群众320人，防汛值班人员24小时在岗。"), "安全应急"),
])
def test_the_offices_own_papers_and_duty_and_flood_work_keep_their_themes(taxonomy, lines, theme):
    assert by_theme(classify(report(*lines), taxonomy), theme)


def test_network_security_named_beside_disasters_is_still_安全应急(taxonomy):
    r = report("（三）提升应急处置能力", "修订完善突发事件总体应急预案，开展防汛、网络安全应急演练6次，妥善处置突发事件12起。")
    assert by_theme(classify(r, taxonomy), "安全应急")


@pytest.mark.parametrize("lines", [
    # the campaign's own term for the checks laid on 基层 (统筹规范督查检查考核) is 为基层减负
    ("三、基本情况", "今年以来，县级督查检查考核事项由42项压减至16项，基层填表报数明显减少。"),
    ("（二）统筹规范督查检查考核。", "实行年度计划和审批报备制度，能合并的合并、能简化的简化，坚决杜绝重复督查、多头检查。"),
])
def test_the_checks_laid_on_基层_are_作风建设(taxonomy, lines):
    matches = classify(report(*lines), taxonomy)
    assert by_theme(matches, "作风建设") and not by_theme(matches, "督查")


def test_the_campaign_against_懒政_and_为官不为_is_作风建设(taxonomy):
    # a town's 专项治理 of 懒政怠政、为官不为: each of the meeting's demands is about the cadres' 作风,
    # the one on 效能监察 and the one on 懒惰 too (batch 16)
    r = report(
        "某镇召开懒政怠政为官不为专项治理动员会",
        "8月12日，某镇召开全体干部大会，部署懒政怠政为官不为专项治理工作，对不作为、慢作为的要公开曝光。",
        "会议提出，一是要充分认识懒政怠政的危害，它损害群众利益。二是要加强教育，增强干部的担当意识，克服懒惰思想，主动为群众办事。"
        "三是强化效能监察，督促干部远离懒惰。"
        "四是严格问责，对为官不为、懒政怠政的干部及时追究责任，切实把惩处和预防结合起来。",
    )
    got = pairs(classify(r, taxonomy))
    for item in ("二是要加强教育", "三是强化效能监察，督促干部远离懒惰。", "四是严格问责"):
        assert ("作风建设", item) in got, item


@pytest.mark.parametrize("lines", [
    # 庸官懒政 and 推诿扯皮 in one sentence of a 纪委's 教育引导 item
    ("一是健全教育机制。", "针对群众反映个别干部办事推诿扯皮等问题，开展专题教育，教育引导党员干部敢于担当，形成整治庸官懒政工作常态化。"),
    # 民主评议政风行风: the style of offices as those served rate it
    ("三是健全评议机制。", "区考核办量化部门职责任务指标，每季排序；健全完善政风、行风和干部作风评议机制，"
     "把服务对象纳入测评范围，评议不合格者不得评优。"),
])
def test_庸官懒政_and_政风行风_are_作风建设(taxonomy, lines):
    assert by_theme(classify(report(*lines), taxonomy), "作风建设")


def test_a_check_that_finds_违反作风规定_is_作风建设_not_督查(taxonomy):
    # a 作风 check (明察暗访 under an 作风建设 rule) is 作风建设, even led by a 区委办公室 and called 督查
    r = report("二是健全检查机制。", "修订完善作风建设明察暗访办法，由区委办公室牵头组成专项检查组，采取明察暗访、抽查等形式开展督查，"
               "重点查处有令不行、有禁不止问题；今年以来共查处违反作风规定问题12起，通报批评5个单位。")
    matches = classify(r, taxonomy)
    assert by_theme(matches, "作风建设") and not by_theme(matches, "督查")


def test_a_纪委s_record_of_discipline_is_党风廉政(dropped):
    r = report("某县加强监督追责",
               "近日，某县公布监督追责工作情况：今年以来通报违纪问题单位12个，党政纪处分16人，诫勉谈话3人，提醒谈话21人。")
    assert by_theme(classify(r, dropped), "党风廉政")


@pytest.mark.parametrize(("lines", "about"), [
    # the party's 巡察 of its organisations, and the 整改 of what it finds
    (("某县委第二巡察组进驻某镇开展常规巡察。巡察期间，巡察组通过个别谈话、受理来信来电来访、调阅资料等方式了解情况。",), True),
    (("四、抓好巡察整改", "对县委巡察组反馈的23个问题逐项制定整改措施，明确责任领导和完成时限，已整改到位19个。"), True),
    # the discipline of a 换届
    (("某乡召开严肃换届纪律专题会议", "会议传达了“十严禁”换届纪律要求，组织全体干部签订严守换届纪律承诺书，营造风清气正的换届环境。"), True),
    # a 巡视员 is a rank; a 换届 itself is an election
    (("市政府办公室二级巡视员带队到我县调研，实地察看了县政务服务中心和两个乡镇便民服务中心。",), False),
    (("村“两委”换届选举工作圆满完成，新当选村党组织书记25名，平均年龄41岁。",), False),
])
def test_巡察_and_换届纪律_are_党风廉政(dropped, lines, about):
    assert bool(by_theme(classify(report(*lines), dropped), "党风廉政")) == about


def test_违规使用公车_is_a_四风_violation_作风建设_not_督查(taxonomy):
    r = report("（二）查处违规使用公车问题。", "县纪委督查组对各单位公务用车使用情况开展专项督查，查处违规使用公车问题3起，对相关责任人进行通报。")
    matches = classify(r, taxonomy)
    assert by_theme(matches, "作风建设") and not by_theme(matches, "督查")


def test_the_items_a_run_in_clause_names_as_the_checks_matter_are_its(taxonomy):
    # …专项督查。督查重点内容包括三个方面：一是…落实情况。二是…: the items of one sentence each that a short
    # clause naming the theme with a strong word introduces are what the 督查 checks (batch 16)
    r = report(
        "2018年9月3日至12日，某省派出由省扶贫办、省政府督查室等单位人员组成的5个督查组，赴10个市开展脱贫攻坚专项督查，督促限期整改。",
        "督查重点内容包括三个方面：一是贫困村扶贫工作责任和政策措施落实情况。二是“三保障”等扶贫政策落实情况。"
        "三是产业扶贫、就业扶贫和扶贫小额贷款等推进情况。",
        "督查组采取现场督查、明察暗访等方式，直接到县、镇、村实地调查了解，督查结果作为考核的重要参考。",
    )
    got = pairs(classify(r, taxonomy))
    for item in ("一是", "二是", "三是"):
        assert any(theme == "督查" and label.startswith(item) for theme, label in got), item
    # a clause that names something else introduces nothing of the theme's
    r = report(
        "2018年9月3日至12日，某省派出由省扶贫办、省政府督查室等单位人员组成的5个督查组，赴10个市开展脱贫攻坚专项督查，督促限期整改。",
        "今年的扶贫目标包括三个方面：一是贫困村全部出列。二是贫困户全部脱贫。三是村集体经济收入全部达标。",
        "督查组采取现场督查、明察暗访等方式，直接到县、镇、村实地调查了解，督查结果作为考核的重要参考。",
    )
    got = pairs(classify(r, taxonomy))
    assert not any(theme == "督查" and label.startswith(("一是", "二是", "三是")) for theme, label in got)


def test_numbered_paragraphs_the_parser_kept_as_items_are_passages(taxonomy):
    # a 放假 notice's 一、…四、, each a sentence (items, not headings): only the 值班 item is 值班值守, and the list
    # 防火防盗、机要保密、信访维稳和清洁卫生等工作 (its last item joined by 和) names each matter in passing
    r = report("关于2024年国庆节放假的通知", "各股室、局属各单位：", "现将2024年国庆节放假有关事项通知如下：",
               "一、放假时间：10月1日至7日放假调休，共7天。",
               "二、放假期间，各单位要严格执行24小时专人值班和领导带班制度，值班人员按时到岗，做好值班记录，严禁脱岗。",
               "三、放假期间，各单位要切实做好防火防盗、机要保密、信访维稳和清洁卫生等工作。",
               "四、各单位于9月28日前将值班安排表报局办公室。")
    got = pairs(classify(r, taxonomy))
    assert ("值班值守", "二、放假期间") in got
    assert not {label for theme, label in got if theme == "值班值守"} & {"一、放假时间：", "三、放假期间", "（全文）"}
    assert not {theme for theme, label in got if label == "三、放假期间"} & {"信访", "保密工作"}
    # the 项 of an article stay in their 条
    r = report("某镇政府信息公开年度报告制度", "第一条 为规范政府信息公开年度报告工作，制定本制度。",
               "第二条 各部门编制信息公开年度报告，有下列情形之一的，责令改正：",
               "一、不按规定时间编制本部门年度报告的。", "二、弄虚作假，不真实反映本部门情况的。")
    assert ("政务公开", "第二条") in pairs(classify(r, taxonomy))


@pytest.mark.parametrize(("lines", "about"), [
    # what goes onto the unit's website and the checks before it does are 政务公开
    (("（三）规范网上信息发布", "严格执行信息发布审核制度，各股室提供的信息经分管领导审签后由办公室统一上网发布。"), True),
    (("三是严格信息发布保密审查。坚持先审查、后公开，凡上网发布的信息一律经保密审查，全年审查拟公开信息560条。",), True),
    (("三、各股室指派1人担任信息员，负责采集、编录并向局网站提供本股室的信息。各股室负责上网内容的初审，对网上发布的信息"
      "须经股室负责人校审并签字后报局办公室。",), True),
    # a forecast's, a press office's and a job fair's 发布 are not
    (("二、强化预警信息发布", "气象部门及时发布暴雨、大风等预警信息，通过短信、电子显示屏等渠道向群众发布预警信息12期。"), False),
    (("（二）加强新闻发布", "全年召开新闻发布会6场，组织媒体采访20余次，在省市媒体发布稿件86篇。"), False),
    (("三、做好招聘信息发布", "通过人才市场、微信公众号发布企业招聘信息1200余条，举办招聘会8场。"), False),
    # nor are secrets kept off the net
    (("二、加强涉密网络管理", "严禁涉密信息上网，涉密计算机一律不得接入互联网，全年开展保密检查3次。"), False),
])
def test_publishing_on_the_website_is_政务公开(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "政务公开")) == about


def test_a_websites_信息员_is_no_信息报送(taxonomy):
    r = report("三、各股室指派1人担任信息员，负责采集、编录并向局网站提供本股室的信息，网站信息员对所提供信息的真实性负责。",)
    assert not by_theme(classify(r, taxonomy), "信息报送")
    r = report("三、各股室指派1人担任信息员，负责采集、编写本股室的工作动态，及时向局办公室报送信息。",)
    assert by_theme(classify(r, taxonomy), "信息报送")


def test_the_articles_of_a_制度_its_title_names_are_its_rules(taxonomy):
    # 信息公开保密审查制度: each article with a strong word of either theme is about it; one with none is not
    r = report("某街道信息公开保密审查制度",
               "第一条 利用计算机网络上网发布信息的保密管理工作实行“谁上网，谁负责”的原则。",
               "第二条 上网发布信息的保密审批由发布信息的本部门分管领导负责审核。",
               "第三条 严禁绝密、机密、秘密信息上非涉密的计算机网络。",
               "第四条 上网发布的信息必须具有真实性、合法性。",
               "第五条 本制度自发布之日起施行。")
    got = pairs(classify(r, taxonomy))
    assert {("保密工作", "第一条"), ("保密工作", "第二条"), ("保密工作", "第三条")} <= got
    assert {("政务公开", "第一条"), ("政务公开", "第二条"), ("政务公开", "第四条")} <= got
    assert ("政务公开", "第三条") not in got and not {label for _, label in got} & {"第五条"}
    # under a title that names something else, one word is not enough
    r = report("某街道机关考勤制度", "第一条 为加强机关管理，制定本制度。", "第二条 机关干部不得泄露工作秘密。",
               "第三条 机关干部每天上下班指纹打卡。")
    assert not by_theme(classify(r, taxonomy), "保密工作")


@pytest.mark.parametrize(("lines", "about"), [
    # the state's secrets by their grade (密级, 绝密、机密), 工作秘密 and a secret leaked (泄露秘密) are the work's words
    (("二、凡涉及有密级的文件、资料须由专人保管，不得带出办公室，不得泄露秘密。",), True),
    (("（三）加强工作秘密管理", "工作秘密不得在互联网上处理，绝密文件由机要员专柜保管。"), True),
    # a firm's 商业机密 stays fair dealing
    (("三、加强商业秘密保护", "指导企业完善商业秘密保护制度，对员工泄露商业秘密的行为依法查处。"), False),
])
def test_secrets_by_their_grade_are_保密工作(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "保密工作")) == about


@pytest.mark.parametrize(("lines", "theme", "about"), [
    # an event reported up in set times is the reporting, not its handling
    (("四、严格信息报告", "较大以上突发事件必须第一时间上报，事发后30分钟内电话报告、1小时内书面报告，严禁迟报漏报。"), "安全应急", False),
    (("四、放假期间要严格落实领导干部外出报备制度。要强化应急处置，如有灾情或其他突发事件等重大紧急情况，要按规定及时报告"
      "局带班领导。较大以上突发事件必须第一时间上报局办公室。",), "安全应急", False),
    (("三、加强应急管理", "各乡镇要完善应急预案，加强应急队伍建设，发生突发事件要立即启动预案，组织力量开展救援。"), "安全应急", True),
    # the event named with the duty to report it in set times is the event's information sent up
    (("关于做好2024年春节期间有关工作的通知", "各乡镇、县直各单位：", "节假日期间，各单位要安排好值班工作，遇有重大突发事件，"
      "要按规定及时报告并妥善处置。"), "信息报送", True),
    (("县卫健局网络舆情监测处置办法", "第一条 为规范网络舆情处置，制定本办法。", "第六条 发现涉及本系统的突发舆情，监测人员应在1小时内"
      "报告分管领导，不得延误。"), "信息报送", True),
    (("三、工作要求", "护林员发现火情要立即报告乡镇森林防火指挥部，并组织扑救。"), "信息报送", True),
    # not a hazard sent up to be put right, nor a network's incident reported to its authority
    (("二、隐患排查", "各企业对排查出的事故隐患要及时上报乡镇安监站，并落实整改措施。"), "信息报送", False),
    (("第二十条 各部门应当落实数据安全保护责任，定期开展风险评估。发生网络安全事件时，应当立即报告县网信办，并采取处置措施。",),
     "信息报送", False),
    # nor a call for the police
    (("（二）道路交通安全", "发生交通事故后，驾驶人应当立即停车，保护现场，并迅速报告公安机关交通管理部门。"), "信息报送", False),
])
def test_an_event_reported_up_is_not_its_handling(taxonomy, lines, theme, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), theme)) == about


@pytest.mark.parametrize(("lines", "about"), [
    # a holiday notice's 领导干部外出报备 beside its 带班 and 紧急信息 is the 值班's; a 请假 rule's is not
    (("四、节日期间要严格落实领导干部外出报备制度，做好主要负责同志外出报备工作。要强化应急处置，如遇险情或其他突发事件等"
      "紧急情况，要按规定及时报告县局带班领导，同时报县交通运输指挥中心并妥善处置。要严格执行紧急信息报送规定，"
      "较大以上突发事件必须第一时间上报县局。",), True),
    (("三是严格请销假制度。干部因私外出须履行报备手续，领导干部外出报备由主要负责人审批，全年办理请假审批86人次。",), False),
])
def test_外出报备_beside_带班_is_值班值守(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "值班值守")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # the checker's finding stated (而督查发现，…) in an item of the 通报's shortcomings
    (("二是部分乡镇认识不到位。", "开展专项行动是上级部署的重要任务。而督查发现，有些乡镇对任务不清楚、也不过问，形式上走过场，被动应付。"), True),
    # a 督察 of land use and a sector's enforcement are those bodies' own finds
    (("二、违法用地", "国家自然资源督察发现我县2022年违法用地图斑12宗，已全部整改。"), False),
    (("三是问题较多。", "市环保局执法检查发现5家企业超标排放，已立案查处。"), False),
])
def test_what_a_督查_found_is_its_finding(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "督查")) == about


def test_a_通报_that_announces_its_cases_具体如下_makes_each_case_its_theme(taxonomy):
    # 对3起…典型问题进行通报。具体如下： then 1.… 2.…, each case led by a sentence over its long text (a heading):
    # the cases are what the 通报 is about, in the theme's words or not
    lines = ("日前，县整治形式主义为基层减负工作机制办公室对2起典型问题进行通报。具体如下：",
             "1.某镇有关部门摊派报刊订阅任务，加重村级负担。2025年以来，该镇宣传办在年度报刊征订工作中，"
             "搭车摊派其他报刊，并将订阅任务分解到各村，有的村为完成任务动用集体经济收入，花费4万余元。",
             "2.某县有关部门对统计数据只考不核，有的乡镇虚报数据。2025年以来，该县有关部门对指标完成情况频繁排名，"
             "有的乡镇为争先进位虚报实际发生在外地的项目投资，在审计多次指出问题后仍未整改。")
    got = {label for theme, label in pairs(classify(report(*lines), taxonomy)) if theme == "作风建设"}
    assert {lines[1][:24], lines[2][:27]} <= got


def test_三严三实_is_作风建设_and_checkers_rules_and_plans_of_checks_are_not(taxonomy):
    """三严三实 (the 2015 专题教育 of cadres' 作风) is 作风建设's word; the checkers' own rules (检查人员要严格落实
    中央八项规定精神要求，遵守工作纪律) and a plan of the checks a body will make (督查检查考核计划) are no 作风 matter."""
    lesson = report("一、深刻查摆问题", "局长要求全局干部深刻查摆“不严不实”问题，把“三严三实”要求贯穿于监管工作全过程。")
    assert ("作风建设", "一、深刻查摆问题") in pairs(classify(lesson, taxonomy))
    rules = report("（三）守检查纪律", "检查人员要严格落实中央八项规定精神要求，遵守工作纪律和保密要求，防范廉政风险。")
    assert ("作风建设", "（三）守检查纪律") not in pairs(classify(rules, taxonomy))
    # the same words asked of the staff of a unit are its discipline
    staff = report("（三）严守纪律", "全局干部要严格落实中央八项规定精神要求，遵守工作纪律，杜绝迟到早退。")
    assert ("作风建设", "（三）严守纪律") in pairs(classify(staff, taxonomy))
    plan = report("二、督查检查考核计划", "按照上级要求，编制我局2023年度督查检查考核计划，计划外确需新增的检查按程序报批。")
    assert ("作风建设", "二、督查检查考核计划") not in pairs(classify(plan, taxonomy))
    # the campaign that cuts them is 作风建设's
    cut = report("二、为基层减负", "统筹规范督查检查考核，督查检查考核总量压减50%，切实为基层减负。")
    assert ("作风建设", "二、为基层减负") in pairs(classify(cut, taxonomy))


# ------------------------------------------------------------------------------ the users' genre (qa5 probe, session 42)


def test_the_information_a_duty_office_sends_up_is_信息报送_when_named_as_such(taxonomy):
    # 值班室 alone makes a section 值班值守's; what it reports up, named as information reported, is 信息报送 too
    r = report("（四）严格值班抓应急",
               "全年向市政府总值班室报送突发事件信息38条，做到首报及时、续报跟进，全年无迟报、漏报、瞒报现象。")
    assert by_theme(classify(r, taxonomy), "信息报送")
    r = report("（四）严格值班", "落实24小时值班和领导带班制度，值班室电话保持畅通，节假日值班人员全部在岗在位。")
    assert not by_theme(classify(r, taxonomy), "信息报送")


def test_the_enumeration_inside_one_of_the_themes_words_is_no_list_of_matters(taxonomy):
    # 迟报、漏报、谎报、瞒报 is one matter in the theme's own words, not one item of a list of four
    r = report("六、责任追究", "对迟报、漏报、谎报、瞒报突发事件信息造成严重后果的单位和个人，依照有关规定严肃追究责任。")
    assert by_theme(classify(r, taxonomy), "信息报送")
    # a list of four matters, the theme's one of them, stays a passing mention
    r = report("六、其他工作", "认真做好档案管理、机要保密、信息报送、后勤保障等工作，各项工作有序开展。")
    assert not by_theme(classify(r, taxonomy), "信息报送")


def test_the_campaign_words_of_形式主义_and_the_四风_a_通报_finds_are_作风建设(taxonomy):
    for lines in (("（二）整治“懒”的问题", "重点查摆工作不思进取、敷衍塞责、推诿扯皮等问题，逐人建立台账。"),
                  ("（三）层层加码，层层转嫁", "个别部门将工作任务简单下压，要求乡镇每日报送材料，基层负担较重。"),
                  ("（二）重留痕轻实绩", "部分单位要求基层拍照片、建台账，以痕迹代替实绩。"),
                  ("5．某局副局长违规发放津补贴问题", "2023年，该局以加班费名义发放补贴4.2万元，相关责任人受到党内警告处分。")):
        assert by_theme(classify(report(*lines), taxonomy), "作风建设"), lines
    # a principle's stock clause (不搞层层加码) is no part on the campaign
    r = report("（三）基本原则", "坚持因地制宜、循序渐进，既尽力而为，又量力而行，不搞层层加码，不搞一刀切，不搞形式主义，久久为功。")
    assert not by_theme(classify(r, taxonomy), "作风建设")


def test_a_result_in_passing_and_the_checked_side_greeting_checkers_name_no_theme(taxonomy):
    r = report("（四）以办保畅，确保高效运转。统筹做好办文、办会、办事工作，全年处理公文2800余件。加强应急值守，"
               "妥善处置突发事件9起，信息报送及时准确。同时完成了机关办公楼维修改造等工作。")
    assert not by_theme(classify(r, taxonomy), "信息报送")
    r = report("尊敬的督查组各位领导：", "首先，对各位领导莅临我县督查指导工作表示热烈欢迎！下面，我就我县民生实事推进情况作简要汇报。")
    assert not by_theme(classify(r, taxonomy), "督查")


def test_a_plans_parts_are_the_work_its_title_names_when_its_preamble_says_it_sets_them_out(taxonomy):
    # a 实施方案's preamble ends 现制定如下实施方案 / 制定本实施方案, as a notice's ends 现将有关事项通知如下
    for ending in ("现制定如下实施方案。", "结合我县实际，制定本实施方案。"):
        lines = ("为深入推进作风建设，进一步改进机关工作作风，县委决定在全县开展机关作风专项整治。" + ending,
                 "一、整治范围", "全县各级党政机关及其工作人员，重点是窗口服务单位。",
                 "二、方法步骤", "（一）自查自纠阶段（3月1日—4月30日）", "各单位对照整治重点逐人查摆问题，建立台账。",
                 "（二）集中整治阶段（5月1日—9月30日）", "县纪委监委会同县委组织部采取明察暗访等方式开展检查。")
        plan = replace(report(*lines), title="关于在全县开展机关作风专项整治的实施方案", title_in_text=True)
        got = {label for theme, label in pairs(classify(plan, taxonomy)) if theme == "作风建设"}
        assert {"一、整治范围", "（一）自查自纠阶段（3月1日—4月30日）"} <= got, ending


def test_a_word_the_themes_lists_name_inside_a_masked_phrase_rules_nothing_out(taxonomy):
    # 施工单位 holds no 工单 (the hotline's own follow-up that `others` rules out of 督查)
    r = report("（二）强化调度督办",
               "对进度滞后的项目，县政府督查室下发督办通知，约谈施工单位和监理单位负责人，实行周调度、月通报，跟踪督办直至整改到位。")
    assert by_theme(classify(r, taxonomy), "督查")
    r = report("（二）加强工单督办", "对超时限工单及时督办，按月通报各承办单位工单办结率和群众满意率。")
    assert not by_theme(classify(r, taxonomy), "督查")
    # the checkers' own discipline (严格执行督查工作纪律) is no check of 工作纪律 ruling the 督查 out
    r = report("四、加强督查队伍建设", "选优配强督查干部，定期开展业务培训，提升督查人员发现问题、推动落实的能力。严格执行督查工作纪律，轻车简从。")
    assert by_theme(classify(r, taxonomy), "督查")


def test_a_shortcoming_in_the_themes_own_work_is_the_items_matter(taxonomy):
    # one shortcoming of three counts 2/3 (调查研究不够 in passing), but not one whose subject is the theme's work itself
    r = report("二、存在的不足", "一是政治理论学习不够系统；二是督查督办工作方式单一，跟踪问效不够有力；三是后勤服务保障有待加强。")
    assert [m.label for m in by_theme(classify(r, taxonomy), "督查")] == ["二是督查督办工作方式单一，跟踪问效不够有力；"]


def test_a_count_of_the_items_in_a_part_about_the_theme_announces_them(taxonomy):
    # (the fifth probe) 督查工作要重点把握三点。 over 一要…二要…三要…: each is the 督查's, whatever words it uses
    r = report("二、坚持以督促干，确保各项部署落地", "过去一年，全县开展专项督查31次，编发督查通报20期，推动一批民生实事按期完成。",
               "今年的督查工作，要重点把握三点。一要聚焦大事。围绕县委县政府中心工作排定清单，按月推进、按季通报。二要讲求实效。"
               "多用暗访、抽查等方式，发现问题即交即办、限时反馈。三要严格问责。对落实不力的单位，依规通报、约谈。")
    [match] = by_theme(classify(r, taxonomy), "督查")
    assert [p.label for p in match.parts] == ["一要聚焦大事。", "二要讲求实效。", "三要严格问责。"]


def test_a_shortcoming_item_of_the_themes_own_work_keeps_its_leads_weight(taxonomy):
    # (the sixth probe) one item of a ；-run is a list item (its lead no heading), but not one whose subject is the theme's work
    r = report("三、存在的问题", "一是调查研究还不够深入；二是文稿起草质量有待提高；三是督查工作方法比较单一，跟踪问效不够及时；"
               "四是档案管理有待规范。")
    assert [m.label for m in by_theme(classify(r, taxonomy), "督查")] == ["三是督查工作方法比较单一，跟踪问效不够及时；"]


def test_the_checkers_own_rules_of_conduct_are_the_督查_rules(taxonomy):
    # (the sixth probe) 督查人员…严格遵守中央八项规定…不得接受礼品礼金: the `unless` words of a 作风 check, asked of the checkers
    lines = ("第一章　总则", "第一条　为规范督查督办工作，推动县委、县政府决策部署落实，制定本办法。",
             "第五章　督查要求", "第十三条　督查人员应当严格遵守中央八项规定精神，轻车简从，不得要求被督查单位层层陪同，不得接受宴请和礼品礼金。")
    rules = replace(report(*lines), title="县督查督办工作办法", title_in_text=True)
    got = {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "督查"}
    assert any(label.startswith("第十三条") for label in got), got


def test_the_heading_of_a_rules_closing_chapter_is_no_part_of_its_work(taxonomy):
    lines = ("第一章　总则", "第一条　为规范督查督办工作，推动县委、县政府决策部署落实，制定本办法。",
             "第二章　督查内容", "第二条　督查室对县委、县政府确定的重点工作和领导批示件开展督查督办。",
             "第三章　附则", "第三条　本办法由县政府办公室负责解释。", "第四条　本办法自印发之日起施行。")
    rules = replace(report(*lines), title="县督查督办工作办法", title_in_text=True)
    got = {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "督查"}
    assert "第二条" in " ".join(got) and not any(label.startswith("第三章") for label in got), got


def test_a_rules_closing_part_is_no_part_of_its_work(taxonomy):
    lines = ("为进一步规范政务信息报送工作，提高信息质量和时效，结合我县实际，制定本办法。",
             "一、报送内容", "各单位要及时报送本地本部门贯彻落实县委、县政府决策部署的新举措、新成效。",
             "二、报送时限", "紧急信息须在事发后1小时内报送。",
             "三、附则", "本办法由县委办公室负责解释，自印发之日起施行。")
    rules = replace(report(*lines), title="罗田县政务信息报送办法", title_in_text=True)
    got = {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "信息报送"}
    assert {"一、报送内容", "二、报送时限"} <= got and "三、附则" not in got


@pytest.mark.parametrize(("theme", "lines"), [
    # (the second and third probes, qa7 and qa8)
    ("作风建设", ("四、工作日禁酒", "工作日午间一律不得饮酒，公务接待一律不得上酒。")),
    ("作风建设", ("（三）个别窗口服务态度生硬", "群众反映个别窗口工作人员服务态度生硬、解释不耐心。")),
    ("作风建设", ("（一）精简文件会议", "严格控制文件会议数量，全年发文数量同比下降12%。")),
    ("作风建设", ("（一）会务服务规范高效", "严格控制会议规模，全年会议数量较上年减少15%，发文数量较上年下降12%。")),
    ("作风建设", ("一要精简督查频次", "严格控制督查检查考核数量，精简督查频次，切实为基层减负。")),
    ("督查", ("（一）挂牌督办", "对群众反映强烈的12个重点问题实行挂牌督办，明确责任单位和办结时限。")),
    ("信息报送", ("三、开展信息讲评", "每季度开展一次信息讲评，通报各单位信息报送量和采用量。")),
    ("信息报送", ("（二）加强信息督查工作", "配齐信息督查联络员，全年编发信息86期，被市委办采用12条。")),
    ("信息报送", ("（三）终报。", "事件处置结束后，事发单位应在24小时内形成书面材料。")),
    # (the fifth probe, qa11) 为基层减负's names for burdens passed down
    ("作风建设", ("三是整治变相发文。", "坚决纠正以“工作提示”“便函”等形式变相发文，全年清理各类文件12件。")),
    ("作风建设", ("（二）防止职责转嫁给乡镇", "明确乡镇履职事项清单58项，清单外事项一律不得下派。")),
    ("作风建设", ("（三）不得以“属地管理”名义推卸责任", "各部门不得将审批监管事项交由乡镇承担。")),
    ("作风建设", ("二是杜绝多头报表、重复填报。", "整合各部门向乡镇要数据的报表，全年取消报表23张。")),
    ("作风建设", ("（一）统筹规范督查检查", "全年合并检查事项16项，检查总量较上年下降30%。")),
    ("作风建设", ("二是杜绝数据多头报送。", "整合各部门向乡镇要数据的渠道，全年取消报表23张。")),
    # (the seventh probe, qa13) 为基层减负 in other words, staff at their posts checked, cadres who do not live at theirs
    ("作风建设", ("（二）坚持精文简会", "全年县政府发文数量和会议数量均控制在年度计划之内。")),
    ("作风建设", ("三是开短会、讲短话。", "严格控制会议时长，一般工作会议不超过1小时。")),
    ("作风建设", ("（二）防止向基层转嫁责任", "县直部门不得将本部门工作任务交由乡镇承担。")),
    ("作风建设", ("（三）纠治“属地管理”泛化", "厘清县乡职责边界，制定属地管理事项责任清单。")),
    ("作风建设", ("三是严禁以微信群代替发文。", "工作群一律不得要求基层每日打卡。")),
    ("作风建设", ("（三）开展机关干部在岗情况抽查", "全年对县直单位开展在岗情况抽查12次。")),
    ("作风建设", ("二是部分干部未在岗。", "抽查中发现2个单位3名工作人员未在岗，已责成所在单位说明情况。")),
    ("作风建设", ("二是整治干部走读。", "严格落实乡镇干部住村制度，全面排查干部“走读”问题。")),
    # (a review of the masks above) the checkers' 作风纪律 beside their work, a rule drawn up (科学制定《…》), their duties,
    # the office's name as a numbered heading: still 督查
    ("督查", ("三、强化督查督办", "全年开展重点工作专项督查26次，下发督查通报18期，推动解决问题120个。同时加强督查干部作风纪律教育。")),
    ("督查", ("二、健全督查制度", "科学制定《县政府督查工作规程》。")),
    ("督查", ("第十条　督查人员应当严格执行督查工作规程，按照督查方案开展实地督查，如实反映督查情况。",)),
    ("督查", ("（三）县政府督查室", "全年牵头开展专项督查26次，印发督查通报12期，推动解决问题120个。")),
    # (the sixth probe, qa12) one sentence that checks named work, beside the 作风 words that would make the part a 作风 check
    ("督查", ("六、强化督查督办", "坚决纠治“四风”，严明工作纪律。对县委县政府确定的重点工作建立督办台账，实行周调度、月通报、逐项销号，"
                       "对推进不力的下发督办单。")),
])
def test_everyday_words_of_the_three_themes(taxonomy, theme, lines):
    assert by_theme(classify(report(*lines), taxonomy), theme), lines


@pytest.mark.parametrize(("theme", "lines"), [
    # a school's 师德师风 is the teachers' conduct, not the offices' 作风
    ("作风建设", ("（二）加强师德师风建设", "严肃查处有偿补课、收受家长礼品礼金等行为，全年开展师德师风专题教育4次。")),
    # a leader's 批示 received as praise is no case handed over to be done
    ("督查", ("（二）信息质量稳步提升", "全年报送的3条信息获县领导肯定性批示，1条获市领导批示。")),
])
def test_look_alikes_of_the_everyday_words_are_not_the_theme(taxonomy, theme, lines):
    assert not by_theme(classify(report(*lines), taxonomy), theme), lines


def test_a_通报s_heading_without_text_stands_for_its_parts_that_name_the_theme(taxonomy):
    # (qa8 probe) a 作风 暗访 通报: 二、发现的问题 has no text of its own; its parts name what was found, each short of a passage
    lines = ("为进一步严明工作纪律，持续深化作风建设，县委作风办于6月3日对县直单位工作纪律进行了暗访。现将有关情况通报如下：",
             "一、总体情况", "此次共暗访县直单位26个，大部分单位工作秩序良好，干部作风明显好转。",
             "二、发现的问题", "（一）个别人员不在岗。", "县某局2名工作人员上班时间不在岗，未履行请假手续。",
             "（二）上班时间干与工作无关的事。", "县某中心1名工作人员上班时间玩手机游戏。")
    got = {label for theme, label in pairs(classify(replace(report(*lines), title="关于机关作风暗访情况的通报", title_in_text=True),
                                                    taxonomy)) if theme == "作风建设"}
    assert {"（一）个别人员不在岗。", "（二）上班时间干与工作无关的事。"} <= got


def test_a_campaign_against_a_habit_of_work_is_作风建设_in_all_its_parts(taxonomy):
    # (qa9 probe) the title names a 作风 problem (办事拖沓), the plan's preamble sets out its parts
    lines = ("为进一步提高办事效率，优化营商环境，决定在全区机关开展办事拖沓问题专项治理。现制定如下实施方案。",
             "一、治理范围", "全区各级机关事业单位及其工作人员。", "二、治理重点", "（一）群众反映事难办、脸难看的问题。",
             "（二）基层反映层层转发文件、以表代干的问题。")
    plan = replace(report(*lines), title="东湖区机关办事拖沓问题专项治理实施方案", title_in_text=True)
    got = {label for theme, label in pairs(classify(plan, taxonomy)) if theme == "作风建设"}
    assert {"一、治理范围", "（一）群众反映事难办、脸难看的问题。", "（二）基层反映层层转发文件、以表代干的问题。"} <= got


def test_rules_that_give_their_purpose_in_their_first_part_are_that_works_rules_each_part(taxonomy):
    # (qa9 probe) no preamble: 一、总则 （一）为规范…，制定本规定。 opens them, as a preamble would
    lines = ("一、总则", "（一）为规范全县突发事件信息报告工作，确保县委、县政府及时掌握情况，制定本规定。",
             "二、报告范围", "（一）自然灾害：造成1人以上死亡或者3人以上受伤的。", "（二）事故灾难：造成1人以上死亡的生产安全事故。",
             "三、报告方式", "事发单位接报后30分钟内电话报告，1小时内书面报告。")
    rules = replace(report(*lines), title="龙泉县突发事件信息报告规定", title_in_text=True)
    got = {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "信息报送"}
    assert {"二、报告范围", "三、报告方式"} <= got


@pytest.mark.parametrize("lines", [
    # the 村级组织 burdens of the 2022 减负 campaign
    ("（五）为村（社区）减负", "清理规范村级组织机制牌子，全镇各村摘除牌子126块，村级证明事项由32项压减为9项。"),
    # 变相 with the act it disguises a word apart
    ("二、改进工作方式", "一是规范公文格式，统一全镇文件模板。",
     "二是防止变相开展检查。坚决纠正以调研、督导为名变相开展检查考核，全年对村（社区）的检查事项同比减少四成。"),
])
def test_the_减负_campaigns_other_words_are_作风建设(taxonomy, lines):
    labels = [m.label for m in by_theme(classify(report(*lines), taxonomy), "作风建设")]
    assert labels and not any(label.startswith("一是") for label in labels)


def test_a_trades_作风_is_no_作风建设_of_the_offices(taxonomy):
    # 行业作风 (a hospital's 医德医风) does not lift the veto of 医德医风 as the offices' 作风 would
    r = report("（五）加强医德医风建设", "深入开展行业作风专项整治，坚决纠正医务人员服务态度生硬、推诿患者等问题，全年查处违反医德医风问题5起。")
    assert not by_theme(classify(r, taxonomy), "作风建设")


@pytest.mark.parametrize("lines", [
    # (the ninth probe, x) 指尖上的形式主义 as texts name it: apps and work groups pressed on 基层, too many or cleared, the
    # 打卡 and 点赞 they demand; a document's 瘦身, documents and meetings under 双控, meetings merged, bare 基层负担
    ("二是政务APP和工作群过多。", "一些部门要求乡镇干部每天在多个APP上打卡、签到，干部疲于应付。"),
    ("（二）清理规范工作群", "对全镇各类微信工作群进行集中清理，原则上一项工作只保留一个群。"),
    ("一是严禁在工作群打卡、点赞。", "各部门不得要求村干部在群内打卡、点赞、转发，不得以截图代替工作落实。"),
    ("（一）实行文件会议“双控”", "镇党委、镇政府发文和会议实行计划管理，按月统计通报。"),
    ("三是能合并的会议一律合并召开。", "可开可不开的会坚决不开，能用视频方式召开的不再集中开会。"),
    ("一是“文件瘦身”不彻底。", "部分文件正文篇幅压缩后附件明显增多。"),
    ("（四）基层负担依然不轻", "乡镇干部反映各类台账资料仍然偏多，迎检准备占用大量时间。"),
    ("（二）属地管理责任被泛化", "一些部门把本应由自身履行的监管职责交由乡镇承担。"),
])
def test_指尖上的形式主义_and_精文减会_in_an_offices_words_are_作风建设(taxonomy, lines):
    assert by_theme(classify(report(*lines), taxonomy), "作风建设"), lines


@pytest.mark.parametrize("lines", [
    # a caveat that ends a sentence on other work asks it not to burden 基层: no part on the campaign
    ("二、工作要求", "要按照统筹规范督查检查考核的要求，改进督查考评方法，简化操作流程，避免增加基层负担。"),
    # 双控 of energy or water, a village's 工作 followed by 群众, a 宣传 channel among others
    ("（三）落实能耗双控", "严格落实能耗总量和强度双控制度，能合并审查的项目合并审查。"),
    ("（二）深入走访", "组织党员干部进村入户做好宣传动员工作群众知晓率明显提高。"),
    ("二、加强阵地管理", "规范微信公众号、微信工作群、宣传栏等宣传载体，严格落实信息发布审核制度。"),
])
def test_look_alikes_of_the_减负_words_are_not_作风建设(taxonomy, lines):
    assert not by_theme(classify(report(*lines), taxonomy), "作风建设"), lines


@pytest.mark.parametrize(("lines", "label"), [
    # (the ninth probe, x) the events a duty office reported up, counted by 起, with their discipline
    (("（三）值班值守平稳有序", "节假日和汛期严格执行领导带班和24小时值班，全年及时向区政府总值班室上报突发事件信息26起，无迟报、漏报。"),
     "（三）值班值守平稳有序"),
    # a penalty's item that is the reporting discipline whole (迟报、漏报、谎报、瞒报 of the events' information)
    (("第九条 有下列情形之一的，予以通报批评：", "（一）迟报、漏报、谎报、瞒报突发事件信息的；", "（二）值班电话无人接听的；",
      "（三）交接班记录不全的。"), "（一）迟报、漏报、谎报、瞒报突发事件信息的；"),
    # an event reported up to the 总值班室 in its stages (电话报告, then 书面报告; 越级报告): the 值班 system's report is the theme's
    (("第五条 较大以上突发事件发生后，事发地乡镇应当在30分钟内电话报告、1小时内书面报告县政府总值班室，特殊情况可以越级报告。",),
     "第五条"),
])
def test_events_reported_up_to_the_duty_office_and_the_discipline_of_reporting_are_信息报送(taxonomy, lines, label):
    assert ("信息报送", label) in pairs(classify(report(*lines), taxonomy))


@pytest.mark.parametrize("lines", [
    # one item of a firm's penalties (迟报或者漏报事故) among others of safety: a passing mention
    ("第二十条 生产经营单位有下列行为之一的，责令限期改正：", "（一）未按规定开展隐患排查的；", "（二）迟报或者漏报事故的；",
     "（三）未按规定组织应急演练的。"),
    # a sector's statistics sent on time (统计报表, its 迟报、漏报) are that sector's own job
    ("（三）统计工作", "按时完成各类统计报表报送，全年未出现迟报、漏报、错报现象。"),
])
def test_a_passing_迟报_and_a_sectors_statistics_are_not_信息报送(taxonomy, lines):
    assert not by_theme(classify(report(*lines), taxonomy), "信息报送"), lines


def test_rules_whose_title_names_two_works_carry_the_theme_to_the_articles_that_name_its_work(taxonomy):
    # (the ninth probe, x) 值班和突发事件信息报告制度: the purpose article opens rules of two works; an article that names the
    # reporting is the theme's though short of a passage alone, the 值班 article and the scope article are not
    lines = ("第一条 为规范全县值班工作和突发事件信息报告，确保信息畅通，制定本制度。",
             "第二条 本制度适用于各乡镇人民政府和县直各部门。",
             "第三条 各单位应当实行24小时值班和领导带班，节假日加强值班力量。",
             "第四条 信息报告应当包括事件发生的时间、地点、起因、影响范围和已采取的措施。",
             "第五条 事件处置过程中应当及时续报。")
    rules = replace(report(*lines), title="安平县人民政府值班和突发事件信息报告制度", title_in_text=True)
    got = {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "信息报送"}
    assert {"第一条", "第四条", "第五条"} <= got and not {"第二条", "第三条"} & got


@pytest.mark.parametrize(("lines", "about"), [
    # an event reported up the moment it is seen (如有灾情立即上报): the event word right before the duty (held-out fold 0)
    (("入汛以来，镇里要求各村干部手机24小时开机，如有灾情立即上报。各村每天向镇防汛办报告当日情况，有事报事、无事报平安。",), True),
    # a hazard put right at once (发现事故隐患立即整改) is no report
    (("入汛以来，镇里组织各村排查地质灾害点，发现事故隐患立即整改，确保群众安全度汛。",), False),
])
def test_an_event_reported_up_at_once_is_信息报送(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "信息报送")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # an office's 督办 of leaders' 批示件 is its own case, whatever else the section hands on (a 信访件: probe y)
    (("（三）盯紧领导批示抓好督办。", "对市委、市政府领导批示件建立台账，逐件明确责任单位和办理时限，全年督办批示件152件，办结148件。"
      "对市领导交办的信访件，及时转交相关部门办理。"), True),
    # …and 人大代表、政协委员 it invites into its own check are no other body's check
    (("（四）开展民生实事专项督查。",
      "对县政府承诺的八件民生实事开展专项督查，邀请部分人大代表、政协委员和群众代表参与督查3次，督促各责任单位按时完成。"), True),
    # a hotline's 督办 of its 工单 stays the hotline's
    (("（三）抓好工单督办。", "对12345热线转来的工单实行限时办结，超时工单及时督办，全年督办工单3200件，按时办结率98%。"), False),
    # the 人大常委会 bringing its 代表 into a check is the 人大's own oversight
    (("（四）开展民生实事督查。", "县人大常委会组织部分人大代表参与民生实事专项督查，听取县政府有关部门办理情况汇报。"), False),
    # a leader's 批示件 chased by an office is its case, a 信访件 in another sentence no veto (kept from 5553a58)
    (("（二）盯住批示抓督办。", "对县委、县政府领导批示件实行台账管理、专人跟踪，全年办理领导批示件188件，办结181件。"
      "对上级转来的信访件，及时转交责任单位办理。"), True),
    # but the 审计局's, 信访局's, 巡察办's or an 环保督察 follow-up's 批示件, handled with its own cases, are that body's
    (("县审计局对审计发现问题和领导批示件建立整改台账，跟踪督办被审计单位整改，整改率98%。",), False),
    (("县信访局对省市领导批示件和上级交办的信访件实行领导包案，跟踪督办，按期办结率100%。",), False),
    (("巡察办对领导批示件和巡察发现问题整改情况实行跟踪督办，逐项销号。",), False),
    (("县生态环境局对中央环保督察交办信访件和领导批示件逐件核查、跟踪督办，全部办结销号。",), False),
])
def test_an_offices_督办_of_批示件_and_a_check_it_invites_代表_into_are_督查(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "督查")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # 建议 and 提案 handled together are the government's (the 人大 takes 建议, the 政协 提案): its 督办 of them is 督查 (probes p, y)
    (("5.抓好建议提案办理督办。",
      "今年共交办人大代表建议和政协委员提案146件，对其中20件重点建议提案实行县领导领衔督办，定期跟踪、逐件催办，按期办结率100%。"), True),
    # the 人大常委会's 督办 of its 代表's 建议, the 政协's of its 委员's 提案: their own oversight
    (("（三）加强代表建议督办。", "县人大常委会对人大代表建议实行分类交办，主任会议成员领衔督办重点建议8件，推动代表建议落实。"), False),
    (("（二）做好提案督办。", "县政协主席会议成员领衔督办重点提案6件，政协委员深入承办单位跟踪了解办理情况。"), False),
    # an office handing out and chasing 人大代表建议和政协委员提案 (kept from 80e0840)
    (("3.抓好建议提案督办。", "全年共承办市、县人大代表建议和政协委员提案96件，实行分级交办，重点建议提案由县政府领导领衔督办，"
      "定期跟踪、逐件催办，全部按期办结。"), True),
    # a department's 督办 of those it 承办s itself is its own handling, not 督查
    (("（四）建议提案办理", "今年我局共承办人大代表建议和政协委员提案12件，其中主办8件、协办4件。局党组高度重视，主要领导亲自督办，"
      "按时办结率100%，代表委员满意率100%。"), False),
    (("（五）认真办理建议提案", "全年承办人大代表建议和政协委员提案18件，局党组书记亲自督办，办结率、满意率均达100%。"), False),
])
def test_an_offices_督办_of_建议提案_is_督查_the_人大s_and_政协s_are_not(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "督查")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # checks too many and papers asked down the line, the base worn out: 为基层减负's burden named (probe y)
    (("二是“繁”而不“简”。", "有的科室考核过多过频，层层要数据、要台账，村干部疲于应付，真正抓落实的时间被挤占。"), True),
    # a firm's hazards found too many, or staff too many at a site, are no burden on the base
    (("三是监管不够到位。", "对辖区企业开展安全检查，发现隐患过多的企业挂牌督办，督促企业落实主体责任，企业疲于应付的情况有所改善。"), False),
])
def test_checks_too_many_and_papers_asked_down_the_line_are_作风建设(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "作风建设")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # what an office's 信息 is asked to be: the problems the leaders must see, sent up (probe y)
    (("二是拓宽信息渠道，", "多报反映深层次、苗头性问题的信息，力争信息采用数量进入全市前五；"), True),
    # a market's trend, watched and gathered, is no information sent up
    (("二是完善监测网点，", "及时采集反映市场供需倾向性变化的信息，力争监测数据准确率进入全市前五；"), False),
])
def test_information_on_the_problems_the_leaders_must_see_is_信息报送(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "信息报送")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # an event's report in its stages to the 总值班室 (首报, 终报: own words against its veto, kept from ea2f15d)
    (("第六条 较大突发事件发生后，事发单位应当立即向县政府总值班室首报，处置结束后24小时内报送终报。",), True),
    # but what a 网格员 reports through the 网格 platform, 首报 to 终报, is the 网格's event handling
    (("第八条 网格员发现安全隐患、矛盾纠纷等事项，应当通过网格平台首报，由网格长核实后转办，办结后终报。",), False),
])
def test_首报_and_终报_lift_the_duty_office_veto_not_the_网格s(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "信息报送")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # checks on 基层 too many, meetings and checks merged: 为基层减负's (kept from 4f1e995 and 9521aa7)
    (("（二）统筹规范督查检查", "有的部门督查检查过多过滥，层层要材料，乡镇干部疲于应付。"), True),
    (("（三）精简会议", "严格控制全县性会议数量，能合并的合并、能套开的套开，全年会议同比减少18%。"), True),
    # a sector's inspections of firms too many, merged into one visit, are 营商环境's
    (("针对涉企检查过多过频问题，推行“综合查一次”，能合并的检查合并进行，全年涉企检查同比减少40%，切实减轻企业负担。",), False),
    (("（二）优化涉企执法检查", "针对企业反映的检查过多过滥问题，推行跨部门联合检查，能合并的检查合并进行，实现“进一次门、查多项事”。"), False),
])
def test_checks_on_基层_too_many_are_作风建设_a_sectors_on_firms_are_not(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "作风建设")) == about


@pytest.mark.parametrize(("lines", "about"), [
    # apps pressed on 基层 cleared, the campaign named (kept from 9521aa7)
    (("开展“指尖上的形式主义”专项整治，清理规范政务APP和工作群，全县共关停政务APP 12个，解散工作群186个。",), True),
    (("一是乡镇干部手机里的政务APP过多，打卡、签到任务繁重。",), True),
    # digital government's own work on its apps (整合迁移, 使用率低的 closed, 数据共享) is 数字政府's
    (("县数据局大力推广“皖事通”政务APP，推动高频事项“掌上办”，完成政务APP整合迁移，对原有12个部门分散建设的政务应用进行整合，"
      "实现一个入口统一办理。",), False),
    (("开展政务应用清理整合，关停注销使用率低的政务APP 5个，推进政务数据共享交换，提升政务服务效能。",), False),
])
def test_apps_pressed_on_基层_are_作风建设_digital_governments_app_work_is_not(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "作风建设")) == about


@pytest.mark.parametrize(("title", "lines", "kept", "not_kept"), [
    # rules of 督查督办 and 信息报送: the 政务信息 article is the theme's, the other work's generic duty (及时报告办理结果) is not
    ("县政府办公室督查督办和信息报送工作制度",
     ("第一条 为加强县政府督查督办和信息报送工作，推动县委、县政府决策部署落实，制定本制度。",
      "第二条 本制度适用于县政府各部门和各乡镇人民政府。",
      "第三条 县政府督查室负责对县政府重点工作、领导批示件开展督查督办。",
      "第四条 督查结束后，督查组应当在5个工作日内向县政府报送督查报告，督查结果及时在全县通报。",
      "第五条 承办单位应当在规定时限内办结督办事项，并及时报告办理结果。",
      "第六条 各单位应当及时报送政务信息，每月报送信息不少于2条。",
      "第七条 本制度自印发之日起施行。"),
     {"第六条"}, {"第五条"}),
    # rules of 值班值守 and 信息报告: the event's report up is the theme's, a duty officer telling the leader on duty is not
    ("县应急管理局值班值守和信息报告制度",
     ("第一条 为规范值班值守和突发事件信息报告工作，制定本制度。",
      "第二条 值班人员应当坚守岗位，严禁脱岗、空岗，交接班时做好值班记录。",
      "第三条 值班人员接到群众来电，应当做好登记，及时报告值班领导并转交有关股室办理。",
      "第四条 发生较大以上突发事件，应当在30分钟内电话报告、1小时内书面报告县委、县政府。",
      "第五条 本制度自印发之日起施行。"),
     {"第四条"}, {"第三条"}),
])
def test_rules_of_two_works_do_not_carry_信息报送_to_the_other_works_generic_duty_to_report(taxonomy, title, lines, kept, not_kept):
    rules = replace(report(*lines), title=title, title_in_text=True)
    got = {label for theme, label in pairs(classify(rules, taxonomy)) if theme == "信息报送"}
    assert kept <= got and not not_kept & got, got


@pytest.mark.parametrize(("lines", "about"), [
    # an event right before the duty (如有灾情立即上报, kept from c4dca3e), an epidemic with the body it goes up to
    (("入汛以来，镇里要求各村干部手机24小时开机，如有险情立即上报。",), True),
    (("各村（社区）发现疫情立即报告镇政府和县疾控中心，做到早发现、早报告。",), True),
    # a school's surveillance of its pupils (发现疑似传染病疫情及时报告) is 卫生's routine, no report up
    (("学校落实晨午检和因病缺课追踪登记制度，发现疑似传染病疫情及时报告，全年未发生聚集性疫情。",), False),
])
def test_an_epidemic_right_before_the_duty_needs_the_body_it_goes_up_to(taxonomy, lines, about):
    assert bool(by_theme(classify(report(*lines), taxonomy), "信息报送")) == about
