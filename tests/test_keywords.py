"""Tests of baogao.keywords: per-report TF-IDF keywords with a stop list and a user dictionary.

Keywords must be deterministic, occur in the text, never be stop words; the user dictionary
keeps government terms whole; the Rust cut (rjieba) is jieba's own cut (HMM off) on the seeds
and the corpus; and jieba's global state is left alone, nothing happening at import.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from baogao.clean import clean
from baogao.readers.txt import DecodeError, decode
from baogao.keywords import _model, jieba_idf_path, keywords, read_idf, read_stopwords, read_user_dict
from baogao.parse import parse

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"

TEXT = (
    "县政府办公室2023年工作总结\n"
    "今年以来，我办严格落实一岗双责，压实党风廉政建设主体责任，一岗双责落实到每个科室。\n"
    "大力弘扬马上就办、真抓实干的精神，马上就办成为全办共识。\n"
    "持续推进放管服改革，一网通办事项达到1343项，12345热线工单办结率100%。\n"
)


def seed_text(prefix: str) -> str:
    (path,) = REPORTS.glob(f"{prefix}_*.txt")
    return parse(clean(decode(path.read_bytes()).text).lines, path.name).text()


def test_keywords_come_from_the_text_and_are_not_stop_words():
    stop = read_stopwords()
    for prefix in ("000", "001", "002", "003", "004"):
        text = seed_text(prefix)
        words = keywords(text)
        assert len(words) == 8 and len(set(words)) == 8
        for word in words:
            assert word in text
            assert word not in stop
            assert "*" not in word and "xx" not in word.lower()


def test_seed_keywords_say_what_the_report_is_about():
    assert {"作风革命", "效能革命"} <= set(keywords(seed_text("003")))  # the campaign it reports on
    assert "信息报送" in keywords(seed_text("002"), 10)
    assert "依法行政" in keywords(seed_text("001"))


def test_the_user_dictionary_keeps_government_terms_whole():
    words = keywords(TEXT, 5)
    assert "一岗双责" in words and "马上就办" in words
    assert not {"一岗", "双责", "马上", "就办"} & set(keywords(TEXT, 30))
    tokens = _model().tokenizer.cut(TEXT, hmm=False)
    for term in ("一岗双责", "马上就办", "真抓实干", "放管服改革", "一网通办", "12345热线"):
        assert term in tokens


def test_keywords_are_deterministic_across_calls_and_processes():
    text = seed_text("004")
    first = keywords(text, 12)
    assert keywords(text, 12) == first
    code = "import sys; from baogao.keywords import keywords; print('|'.join(keywords(sys.stdin.read(), 12)))"
    env = dict(os.environ, PYTHONHASHSEED="123")
    out = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip().split("|") == first
    assert out.stderr == ""  # jieba's dictionary messages are held back


def test_ties_are_broken_by_first_occurrence():
    # Both words occur once and are unknown to the IDF table: equal scores.
    assert keywords("湘易办和浙政钉", 2) == ["湘易办", "浙政钉"]
    assert keywords("浙政钉和湘易办", 2) == ["浙政钉", "湘易办"]


@pytest.mark.parametrize("text, k", [("", 8), ("   \n", 8), (TEXT, 0), ("工作 加强 推进 落实", 8), ("2023年 100%", 8)])
def test_nothing_to_say(text, k):
    assert keywords(text, k) == []


def test_k_limits_the_list():
    assert len(keywords(TEXT, 3)) == 3
    assert keywords(TEXT, 3) == keywords(TEXT, 8)[:3]


def test_keywords_leave_jieba_alone():
    code = "import sys; from baogao.keywords import keywords; keywords(sys.argv[1]); print('jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code, TEXT], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False" and out.stderr == ""  # no import, no global tokenizer, no log


def test_idf_table_and_median_are_jiebas():
    idf, median = read_idf(jieba_idf_path())
    assert len(idf) > 100_000
    values = sorted(idf.values())
    assert median == values[len(values) // 2]
    assert idf["信息检索"] > idf["信息"]  # rarer words weigh more
    # the table read as jieba.analyse's IDFLoader reads it, line by line
    jieba_reading = {}
    for line in jieba_idf_path().read_text(encoding="utf-8").splitlines():
        word, value = line.strip().split(" ")
        jieba_reading[word] = float(value)
    assert list(idf.items()) == list(jieba_reading.items())


def jieba_texts() -> list[str]:
    texts = [seed_text(prefix) for prefix in ("000", "001", "002", "003", "004")]
    corpus = ROOT.parent / "shared" / "corpus"
    for path in sorted(corpus.glob("*.txt"))[:20]:
        try:
            texts.append(parse(clean(decode(path.read_bytes()).text).lines, path.name).text())
        except DecodeError:
            continue  # the corpus's undecodable files are decode's business
    return texts


def test_the_rust_cut_is_jiebas_cut():
    """rjieba must cut as jieba 0.42.1 does (same dictionary, HMM off), user dictionary included."""
    import jieba

    reference = jieba.Tokenizer()
    reference.initialize()
    for word, freq, tag in read_user_dict():
        reference.add_word(word, freq, tag)
    ours = _model().tokenizer
    texts = jieba_texts()
    assert len(texts) >= 5
    differing = [t[:30] for t in texts if ours.cut(t, hmm=False) != reference.lcut(t, HMM=False)]
    assert differing == []


def test_importing_the_module_does_nothing():
    code = "import sys, baogao.keywords; print('jieba' in sys.modules or 'rjieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False" and out.stderr == ""


def test_the_shipped_lists():
    entries = read_user_dict()
    words = [word for word, _, _ in entries]
    assert 100 <= len(words) <= 300
    assert len(words) == len(set(words))
    assert all(freq and freq >= 500 for _, freq, _ in entries)
    required = (
        "一岗双责 马上就办 真抓实干 放管服 最多跑一次 一网通办 12345热线 信息报送 督查督办 办文办会 "
        "三会一课 第一议题 河长制 乡村振兴 营商环境 数字政府 政务服务 建议提案 八项规定 四风 两个维护 "
        "四个意识 主题教育 党史学习教育"
    ).split()
    assert set(required) <= set(words)
    tokenizer = _model().tokenizer
    assert [w for w in words if tokenizer.cut(w, hmm=False) != [w]] == []  # each term is one token

    stop = read_stopwords()
    boilerplate = "工作 加强 推进 开展 落实 进一步 全面 提升 坚持 深入 积极 有效 情况 方面 问题 同志 单位 部门".split()
    assert set(boilerplate) <= stop
    assert not set(words) & stop - {"习近平新时代中国特色社会主义思想", "党的二十大", "党的十九大"}
