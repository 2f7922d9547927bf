"""Search semantics and exactness: the index engine against plain substring search.

Precision and recall must both be 1.0: a report is returned if and only if its kept text
contains every included phrase and no excluded one (after NFKC folding, without white space).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import numpy as np
import pytest

from baogao.cli import main as baogao
from baogao.search import variants
from baogao.search.normalize import normalize, normalize_with_offsets, parse_query
from baogao.search.query import SearchIndex
from tests.search_queries import CORPUS_QUERIES, SAMPLE_QUERIES


def kept_texts(pages: Path) -> dict[str, str]:
    """Report id → normalised kept text, the ground truth's haystack."""
    catalog = json.loads((pages / "catalog.json").read_text(encoding="utf-8"))
    return {e["id"]: normalize((pages / "text" / f"{e['id']}.txt").read_text(encoding="utf-8")) for e in catalog}


def expected(texts: dict[str, str], raw: str) -> set[str]:
    query = parse_query(raw)
    return {
        rid for rid, text in texts.items()
        if query.include and all(p in text for p in query.include) and not any(p in text for p in query.exclude)
    }


def sampled_queries(pages: Path, per_report: int, seed: int) -> list[str]:
    """Random substrings of 1–13 characters, and phrases that cross a line break in the text."""
    rng = random.Random(seed)
    queries = []
    for text_file in sorted((pages / "text").glob("*.txt")):
        raw = text_file.read_text(encoding="utf-8")
        norm = normalize(raw)
        for _ in range(per_report):
            length = rng.choice((1, 2, 3, 4, 5, 8, 13))
            start = rng.randrange(max(1, len(norm) - length))
            queries.append(norm[start: start + length])
        lines = raw.split("\n")
        if len(lines) > 2:
            i = rng.randrange(len(lines) - 1)
            queries.append(lines[i][-3:] + "\n" + lines[i + 1][:3])  # crosses the line end
    return [q for q in queries if q and '"' not in q and not q.startswith("-")]


def engine_ids(index: SearchIndex, raw: str) -> set[str]:
    return {index.meta(hit.doc)["id"] for hit in index.search(parse_query(raw))}


# --- semantics --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, folded", [
    ("８．１％", "8.1%"), ("ＡＢｃ", "abc"), ("作风\n建设", "作风建设"), ("一\u3000岗　双 责", "一岗双责"),
    ("２０２３年", "2023年"), ("“三服务”", "“三服务”"), ("國務院", "国务院"), ("中國共產黨", "中国共产党"),
    ("乾隆", "干隆"),  # character by character: t2s's table, never its phrases
])
def test_normalize_folds_width_variants_and_drops_white_space(text, folded):
    assert normalize(text) == folded


def test_variant_table_folds_one_character_to_one_and_all_the_way():
    table = variants.table()
    assert len(table) > 2000
    assert all(len(source) == len(target) == 1 for source, target in table.items())
    assert not set(table.values()) & set(table)  # folding twice changes nothing
    assert normalize(normalize("發展經濟")) == normalize("發展經濟") == "发展经济"
    assert variants.pairs()[:2] in {source + target for source, target in table.items()}
    # what the manifest carries is the table, pair by pair
    pairs = variants.pairs()
    assert dict(zip(pairs[0::2], pairs[1::2])) == table


def test_offsets_point_back_to_the_source_characters():
    norm, origin = normalize_with_offsets("满意率 １００％")
    assert norm == "满意率100%"
    assert origin.tolist() == [0, 1, 2, 4, 5, 6, 7]


@pytest.mark.parametrize("raw, include, exclude", [
    ("马上就办、真抓实干", ("马上就办、真抓实干",), ()),
    ("作风 督查", ("作风", "督查"), ()),
    ("作风 -督查", ("作风",), ("督查",)),
    ('"马上 就办" 作风', ("马上就办", "作风"), ()),
    ('-"信息 报送" 督查', ("督查",), ("信息报送",)),
    ("  ", (), ()),
    ("- 作风", ("-", "作风"), ()),
    ("作风 作风", ("作风",), ()),
])
def test_query_syntax(raw, include, exclude):
    query = parse_query(raw)
    assert (query.include, query.exclude) == (include, exclude)


# --- exactness ----------------------------------------------------------------------------------

def test_sample_archive_every_query_exact(sample_site):
    pages, site = sample_site
    index, texts = SearchIndex(site), kept_texts(pages)
    queries = SAMPLE_QUERIES + sampled_queries(pages, per_report=40, seed=7)
    wrong = {q: (engine_ids(index, q), expected(texts, q)) for q in queries if engine_ids(index, q) != expected(texts, q)}
    assert not wrong
    assert sum(bool(expected(texts, q)) for q in queries) > len(queries) / 2  # the list is not all misses


def test_corpus_every_query_exact(corpus_site):
    pages, site = corpus_site
    index, texts = SearchIndex(site), kept_texts(pages)
    queries = SAMPLE_QUERIES + CORPUS_QUERIES + sampled_queries(pages, per_report=15, seed=11)
    found = {q: engine_ids(index, q) for q in queries}
    truth = {q: expected(texts, q) for q in queries}
    true_positives = sum(len(found[q] & truth[q]) for q in queries)
    precision = true_positives / max(1, sum(len(found[q]) for q in queries))
    recall = true_positives / max(1, sum(len(truth[q]) for q in queries))
    assert (precision, recall) == (1.0, 1.0), [q for q in queries if found[q] != truth[q]][:10]
    assert truth["1996年"] == truth["１９９６年"] and truth["1996年"]
    # the 1954 report, written in traditional characters, is found by simplified ones
    assert truth["國務院"] == truth["国务院"] and truth["黨"] == truth["党"]
    raw = {path.stem: path.read_text(encoding="utf-8") for path in (pages / "text").glob("*.txt")}
    traditional_only = {rid for rid, text in raw.items() if "黨" in text and "党" not in text}
    assert traditional_only and traditional_only <= found["党"]


def test_counts_are_exact_occurrences(sample_site):
    pages, site = sample_site
    index, texts = SearchIndex(site), kept_texts(pages)
    for raw in ("作风", "作风建设", "马上就办、真抓实干", "办"):
        phrase = normalize(raw)
        for hit in index.search(parse_query(raw)):
            text = texts[index.meta(hit.doc)["id"]]
            assert hit.count == sum(text.startswith(phrase, i) for i in range(len(text))), raw


def test_cli_prints_kwic_lines_and_json(sample_site, capsys):
    _, site = sample_site
    assert baogao(["search", "马上就办、真抓实干", "--site", str(site), "--json", "--limit", "0"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["total"] == len(answer["results"]) >= 1
    for result in answer["results"]:
        assert result["kwic"], result["title"]
        for left, match, right in result["kwic"]:
            assert normalize(match) == "马上就办、真抓实干"
            assert len(left) <= 30 and len(right) <= 30
    assert baogao(["search", "马上就办", "--site", str(site)]) == 0
    out = capsys.readouterr().out
    assert "【马上就办】" in out and "篇报告" in out


@pytest.mark.parametrize("seed", range(6))
def test_packed_payloads_round_trip_and_need_no_escaping(seed):
    """Index payloads: deflate, then 7 bits per character; no character a JS string would escape."""
    from baogao.search.codec import packed, unpacked

    rng = random.Random(seed)
    samples = [b"", b"\x00", bytes(range(256)), b'"\\\n\r\x00' * 40]
    samples += [bytes(rng.randrange(256) for _ in range(rng.randrange(1, 4000))) for _ in range(40)]
    samples += [bytes([rng.choice(b'\x00\n\r"\\')]) * n for n in range(1, 30)]  # escapes everywhere, also last
    for data in samples:
        text = packed(data).decode("utf-8")
        assert not set(text) & set('\x00\n\r"\\'), data[:20]
        assert max(map(ord, text), default=0) < 0x800  # at most two bytes of UTF-8 each
        assert unpacked(text) == data


@pytest.mark.parametrize("seed", range(4))
def test_the_seven_bit_text_escapes_runs_of_groups_that_need_it(seed):
    """Raw bytes whose 7-bit groups need escaping in runs of every length (zero bytes: every group
    is NUL), mixed with plain ones: the text carries each group once and reads back whole."""
    from baogao.search.codec import _from_text, _to_text

    rng = random.Random(seed)
    samples = [bytes(n) for n in range(1, 40)]
    samples += [bytes(rng.choice([0, 0, 0, rng.randrange(256)]) for _ in range(rng.randrange(1, 300))) for _ in range(60)]
    for data in samples:
        text = _to_text(data)
        assert not set(text) & set('\x00\n\r"\\'), data[:20]
        assert _from_text(text) == data
        assert len(text.encode("utf-8")) <= -(-len(data) * 8 // 7) + 1  # every byte of the file holds 7 bits


def test_small_varints_are_the_array_encoders_bytes():
    from baogao.search.codec import encode_varints, varint_bytes

    values = [0, 1, 127, 128, 300, 16383, 16384, 2**21, 2**35 - 1, 2**35, 2**41]
    rng = random.Random(7)
    values += [rng.randrange(2 ** rng.randrange(1, 42)) for _ in range(5000)]
    data, length = encode_varints(np.array(values, np.uint64))
    assert data.tobytes() == varint_bytes(values)
    assert length.tolist() == [len(varint_bytes([value])) for value in values]
    assert encode_varints(np.zeros(0, np.uint64))[0].size == 0


@pytest.mark.parametrize("seed", range(3))
def test_the_seven_bit_text_is_the_one_the_format_spells(seed):
    """`_to_utf8`, which works on whole arrays, against the format spelled out group by group
    (codec.packed): every file of the index has these bytes, whatever the code that writes them."""
    from baogao.search.codec import _ESCAPED, _to_utf8

    def spelled(data: bytes) -> bytes:
        bits = "".join(f"{byte:08b}" for byte in data)
        bits += "0" * (-len(bits) % 7)
        groups = [int(bits[i: i + 7], 2) for i in range(0, len(bits), 7)]
        text, i = "", 0
        while i < len(groups):
            if groups[i] not in _ESCAPED:
                text += chr(groups[i])
            elif i + 1 < len(groups):  # an escape carries the group after it
                text += chr(0x80 + 128 * _ESCAPED.index(groups[i]) + groups[i + 1])
                i += 1
            else:
                text += chr(0x80 + 128 * (len(_ESCAPED) + _ESCAPED.index(groups[i])))
            i += 1
        return text.encode("utf-8")

    rng = random.Random(seed)
    samples = [b"", bytes(range(256))] + [bytes(n) for n in range(1, 30)]
    samples += [bytes(rng.choice([0, 10, 13, 34, 92, 0x45, 0xFF, rng.randrange(256)]) for _ in range(rng.randrange(1, 200)))
                for _ in range(300)]
    for data in samples:
        assert _to_utf8(data) == spelled(data), data


@pytest.mark.parametrize(("n", "shards", "top"), [(1, 256, 0xA000), (2, 1024, 0xA000), (3, 4096, 0xA000),
                                                  (3, 16, 0x20000), (3, 4096, 0x20000), (2, 4, 0x10FFFF)])
def test_a_batchs_entries_are_ordered_by_shard_then_term_as_they_came(n, shards, top):
    """`index._entry_order`: by shard, then term, each term's entries in the order they came (by
    document, then position), as np.lexsort orders them; with one sort of numbers when the shard
    and the code points fit in 64 bits (CJK: 16 bits a code point), by lexsort when they do not
    (a code point from U+20000 in triples of 4096 shards)."""
    from baogao.search import index

    rng = np.random.default_rng(n * shards + top)
    codes = rng.integers(0x3000, 0x3010, (5000, n), dtype=np.uint64)  # few terms: runs of ties
    codes[rng.random((5000, n)) < 0.01] = np.uint64(top)
    keys = np.zeros(5000, np.uint64)
    for i in range(n):
        keys = (keys << np.uint64(index._CODE_BITS)) | codes[:, i]
    shard = index._shard_ids(keys, n, shards)
    expected = np.lexsort((keys, shard))
    assert index._entry_order(keys, n, shard, shards).tolist() == expected.tolist()


def test_index_files_are_scripts_with_packed_strings(sample_site):
    _, site = sample_site
    shard = next((site / "search-index" / "p").glob("*/g3/*.js"))
    text = shard.read_text(encoding="utf-8")
    assert text.startswith(f'baogaoSearch.load("p/{shard.parent.parent.name}/g3/') and text.endswith('");\n')
    assert text.count('"') == 4 and "\\" not in text and text.count("\n") == 1


def test_a_query_of_exclusions_only_reads_its_unquoted_parts_as_written():
    """`-2.3%` (a fall in a statistics report) found nothing and said "0 篇报告含「-2.3%」"; a quoted part stays excluded."""
    assert parse_query("-2.3%") == parse_query('"-2.3%"')
    assert parse_query("-2.3% -\"xx\"").include == ("-2.3%",) and parse_query("-2.3% -\"xx\"").exclude == ("xx",)
    assert parse_query("增长 -2.3%").exclude == ("2.3%",)  # with a part to find, - excludes as before
    assert parse_query('-"2.3%"').include == ()
