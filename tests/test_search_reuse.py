"""The text store's chunks and the postings kept across builds (baogao.search.index, README
"Incremental builds").

A report's script (its chunks) is named by its store key (the digest of the index code, its row, title
and text), not by its place in the result order. So a build after an edit links the scripts
of every unchanged report from the index before and copies their pieces from its segments, even
when a report added before them renumbers every document, and gives the same bytes as a cold
build of the same inputs. What it takes from the index before is checked: a damaged piece or a
missing file is made again, and the files of the index before (which the site links) are never
written into. The postings are in segments of consecutive documents, each numbered from its
first and named by its own version (its texts in order): a segment whose texts an edit left as
they were keeps its shards, wherever the edit moved it, and the others are written again.
"""

from __future__ import annotations

import json
import math
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from baogao import filememo
from baogao.catalog import CATALOG_FILE, report_url
from baogao.search import index, textstore
from baogao.search.normalize import parse_query
from baogao.search.query import SearchIndex

NEW_ID = "0123456789ab"


def build(catalog: list[dict[str, Any]], text: Path, out: Path) -> Path:
    index.build_index(catalog, text, out, workers=1)
    return out / index.INDEX_DIR


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def chunk_inodes(root: Path) -> dict[str, int]:
    """The text store's report scripts (text/KK/KEY.js) and their inodes."""
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in (root / textstore.DIR).glob("*/*.js")}


@pytest.fixture
def archive(sample_site, tmp_path, monkeypatch) -> tuple[list[dict[str, Any]], Path]:
    """The sample archive's catalog and a copy of its texts; text-store segments of about 2
    reports (`content_cuts` then ends one after every report: a segment each)."""
    monkeypatch.setattr(textstore, "SEGMENT", 2)
    pages, _ = sample_site
    catalog = json.loads((pages / CATALOG_FILE).read_text(encoding="utf-8"))
    return catalog, Path(shutil.copytree(pages / "text", tmp_path / "text"))


def edited(catalog: list[dict[str, Any]], doc: int, text: Path) -> list[dict[str, Any]]:
    """`catalog` after a paragraph is appended to report `doc` (its character count changes, as
    conversion would write it)."""
    path = text / f"{catalog[doc]['id']}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n新增一段，为检验增量构建。\n", encoding="utf-8")
    return [dict(e, chars=e["chars"] + 12) if i == doc else e for i, e in enumerate(catalog)]


def test_an_insertion_renumbers_every_report_but_keeps_their_chunk_files(archive, tmp_path):
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    before = chunk_inodes(root)
    source = catalog[-1]
    new = dict(source, id=NEW_ID, url=report_url(NEW_ID), title="新增的报告", display_title="新增的报告")
    (text / f"{NEW_ID}.txt").write_text((text / f"{source['id']}.txt").read_text(encoding="utf-8") + "\n又一段。\n",
                                        encoding="utf-8")
    added = [new, *catalog]  # first in result order: every other report's number grows by one
    root = build(added, text, tmp_path / "incremental")
    after = chunk_inodes(root)
    assert files(root) == files(build(added, text, tmp_path / "cold"))
    assert {name: after.get(name) for name in before} == before  # every one linked, none written again
    assert len(after) > len(before)  # and the new report's written
    assert [row[2] for row in SearchIndex(tmp_path / "incremental").store_table()[1:]] == \
        [row[2] for row in SearchIndex(tmp_path / "cold").store_table()[1:]]


def test_a_changed_report_writes_only_its_own_chunks(archive, tmp_path):
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    before = chunk_inodes(root)
    old_key = SearchIndex(tmp_path / "incremental").store_table()[2][2]
    changed = edited(catalog, 2, text)
    root = build(changed, text, tmp_path / "incremental")
    after = chunk_inodes(root)
    assert files(root) == files(build(changed, text, tmp_path / "cold"))
    new_key = SearchIndex(tmp_path / "incremental").store_table()[2][2]
    assert new_key != old_key
    gone = {name for name in before if f"/{old_key}." in name}
    assert gone and not gone & set(after)  # the old text's chunks are not in the new index
    assert {name: after[name] for name in set(before) - gone} == {name: before[name] for name in set(before) - gone}
    assert set(after) - set(before) == {f"{textstore.report_name(new_key)}.js"}


def test_only_the_reports_with_work_to_do_go_to_the_workers(archive, tmp_path, monkeypatch):
    """With the workers (`index._indexed`): a report that only takes what the index before holds is
    handled in the building process, the changed one goes to the pool, and the index is the cold
    build's; a cold build sends every report."""
    catalog, text = archive
    sent: list[str] = []
    ordered_map = index.ordered_map

    def recording(pool, function, jobs, chunksize):
        sent.extend(job[0].stem for job in jobs)
        return ordered_map(pool, function, jobs, chunksize)

    monkeypatch.setattr(index, "CHUNK", 1)  # a pool for the sample's few reports
    monkeypatch.setattr(index, "ordered_map", recording)
    index.build_index(catalog, text, tmp_path / "incremental", workers=2)
    assert sorted(sent) == sorted(entry["id"] for entry in catalog)
    sent.clear()
    changed = edited(catalog, 2, text)
    index.build_index(changed, text, tmp_path / "incremental", workers=2)
    assert sent == [catalog[2]["id"]]
    root = tmp_path / "incremental" / index.INDEX_DIR
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


def test_what_the_index_before_lost_is_made_again(archive, tmp_path):
    """A damaged piece in a segment, a missing report script: that report's chunks are made again
    (never the damage carried on), and the files of the index before are never written into."""
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    table = SearchIndex(tmp_path / "incremental").store_table()
    (root / f"{textstore.report_name(table[1][2])}.js").unlink()
    segment = root / SearchIndex(tmp_path / "incremental").store_file(0)
    data = bytearray(segment.read_bytes())
    data[len(data) // 3] ^= 0x10  # in one of its reports' pieces
    segment.write_bytes(bytes(data))
    site = tmp_path / "site"  # what the previous site holds: links to the same files
    for path in root.rglob("*"):
        if path.is_file():
            (site / path.relative_to(root)).parent.mkdir(parents=True, exist_ok=True)
            os.link(path, site / path.relative_to(root))
    linked = files(site)
    changed = edited(catalog, len(catalog) - 1, text)
    root = build(changed, text, tmp_path / "incremental")
    assert files(root) == files(build(changed, text, tmp_path / "cold"))
    assert files(site) == linked



def test_an_edit_links_the_text_store_segments_it_left_as_they_were(archive, tmp_path):
    """A text-store segment is named by its reports' keys in turn: after an edit, every segment
    the edit left as it was is the index before's file, linked (its pieces neither read nor
    written), and the edited report's segment is new."""
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    before = {p.name: p.stat().st_ino for p in (root / textstore.DIR).glob("*.bin")}
    old = SearchIndex(tmp_path / "incremental").store_file(2)
    changed = edited(catalog, 2, text)
    root = build(changed, text, tmp_path / "incremental")
    after = {p.name: p.stat().st_ino for p in (root / textstore.DIR).glob("*.bin")}
    new = SearchIndex(tmp_path / "incremental").store_file(2)
    assert len(before) == len(catalog) and new != old and old.split("/")[-1] not in after
    assert after[new.split("/")[-1]] not in before.values()
    assert {name: inode for name, inode in after.items() if name in before} == \
        {name: inode for name, inode in before.items() if name != old.split("/")[-1]}
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


@pytest.mark.parametrize("damage", ["appended", "cut short"])
def test_a_segment_whose_bytes_are_not_its_pieces_alone_is_not_linked(archive, tmp_path, damage):
    """A kept segment is linked only when its pieces tile it, each whole: bytes appended to it, or
    its last piece cut short by the few bytes a sync flush ends with (which inflate all the same),
    and it is written again, as a cold build writes it."""
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    name = SearchIndex(tmp_path / "incremental").store_file(0)
    data = (root / name).read_bytes()
    (root / name).write_bytes(data + b"\x00\x00\x00\x00" if damage == "appended" else data[:-3])
    inode = (root / name).stat().st_ino
    changed = edited(catalog, 2, text)
    root = build(changed, text, tmp_path / "incremental")
    assert (root / name).stat().st_ino != inode
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


def test_a_segment_written_again_copies_its_unchanged_reports_pieces(archive, tmp_path, monkeypatch):
    """Segments of several reports: a report added into one writes that segment again, its other
    reports' pieces copied from the index before (checked: the last one cut short is made again),
    and the index equals a cold build's and reads back every report."""
    monkeypatch.setattr(textstore, "SEGMENT", 16)  # the sample's reports: one segment
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    name = SearchIndex(tmp_path / "incremental").store_file(0)
    (root / name).write_bytes((root / name).read_bytes()[:-3])
    source = catalog[-1]
    new = dict(source, id=NEW_ID, url=report_url(NEW_ID), title="新增的报告", display_title="新增的报告")
    (text / f"{NEW_ID}.txt").write_text((text / f"{source['id']}.txt").read_text(encoding="utf-8") + "\n又一段。\n",
                                        encoding="utf-8")
    added = [*catalog[:2], new, *catalog[2:]]
    root = build(added, text, tmp_path / "incremental")
    assert files(root) == files(build(added, text, tmp_path / "cold"))
    index_after = SearchIndex(tmp_path / "incremental")
    assert len(index_after.store_files) == 1
    for doc, entry in enumerate(added):
        assert index_after.store_text(doc)[0].rstrip().endswith((text / f"{entry['id']}.txt").read_text(encoding="utf-8").rstrip()[-20:])


def shard_inodes(root: Path) -> dict[str, int]:
    """The postings' shard scripts (p/VERSION/gN/S.js) and their inodes."""
    return {p.relative_to(root).as_posix(): p.stat().st_ino for p in (root / "p").glob("*/g[123]/*.js")}


def segment_inodes(root: Path) -> dict[str, set[int]]:
    """The inodes of each segment's shard scripts, by the segment's folder (its postings' version)."""
    found: dict[str, set[int]] = {}
    for name, inode in shard_inodes(root).items():
        found.setdefault(name.split("/")[1], set()).add(inode)
    return found


@pytest.fixture
def segmented(archive) -> tuple[list[dict[str, Any]], Path]:
    """The archive, in which every report is a segment of the postings of its own (fewer
    reports than SEGMENTS)."""
    catalog, _ = archive
    assert [cut[:2] for cut in index._segment_cuts(catalog)] == [(doc, doc + 1) for doc in range(len(catalog))]
    return archive


def relabelled(catalog: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`catalog` after an edit of metadata only (a report's themes and office, as a themes.yml or
    sidecar edit gives): the index version changes, the texts and their order do not."""
    return [dict(e, themes=["督查"], org="某县政府办公室") if i == 1 else e for i, e in enumerate(catalog)]


def same_answers(catalog: list[dict[str, Any]], text: Path, tmp_path: Path) -> None:
    """The incremental index answers as the cold one and as substring search over the texts,
    at every level of the postings."""
    truth = [(text / f"{e['id']}.txt").read_text(encoding="utf-8") for e in catalog]
    for query in ("作", "作风", "作风建设", "工作", "的"):
        hits = SearchIndex(tmp_path / "incremental").search(parse_query(query))
        assert hits and hits == SearchIndex(tmp_path / "cold").search(parse_query(query))
        assert {hit.doc for hit in hits} == {doc for doc, body in enumerate(truth) if query in body}


def test_a_metadata_edit_keeps_every_shard_of_the_postings(archive, tmp_path):
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    before, version = shard_inodes(root), (root / "VERSION").read_text()
    changed = relabelled(catalog)
    root = build(changed, text, tmp_path / "incremental")
    assert (root / "VERSION").read_text() != version  # rows and facets are new
    assert shard_inodes(root) == before  # every shard linked, none written again
    assert files(root) == files(build(changed, text, tmp_path / "cold"))
    same_answers(changed, text, tmp_path)


def test_a_text_edit_writes_the_postings_of_its_segment_only(segmented, tmp_path):
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    before = segment_inodes(root)
    old = SearchIndex(tmp_path / "incremental").segments[2][1]
    changed = edited(catalog, 2, text)
    root = build(changed, text, tmp_path / "incremental")
    after = segment_inodes(root)
    new = SearchIndex(tmp_path / "incremental").segments[2][1]
    assert new != old and old not in after and not after[new] & set().union(*before.values())  # its own: new
    assert {name: after[name] for name in before if name != old} == {name: inodes for name, inodes in before.items()
                                                                     if name != old}  # the others' linked
    assert files(root) == files(build(changed, text, tmp_path / "cold"))
    same_answers(changed, text, tmp_path)


def test_an_insertion_or_a_new_order_keeps_the_segments_it_does_not_cut(segmented, tmp_path):
    """Documents are numbered from their segment's first: a report added first, or the order
    reversed, renumbers every document, and every other segment's postings are kept."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    source = catalog[-1]
    new = dict(source, id=NEW_ID, url=report_url(NEW_ID), title="新增的报告", display_title="新增的报告")
    (text / f"{NEW_ID}.txt").write_text((text / f"{source['id']}.txt").read_text(encoding="utf-8") + "\n又一段。\n",
                                        encoding="utf-8")
    for changed in ([new, *catalog], list(reversed(catalog))):
        before = segment_inodes(root)
        root = build(changed, text, tmp_path / "incremental")
        after = segment_inodes(root)
        assert {name: after[name] for name in before if name in after} == \
            {name: inodes for name, inodes in before.items() if name in after}
        assert len(set(after) - set(before)) == (changed[0] is new)  # the new report's segment only
        assert files(root) == files(build(changed, text, tmp_path / "cold"))
        same_answers(changed, text, tmp_path)


@pytest.mark.parametrize("reports", [1000, 5000, 10_000])
def test_segments_are_cut_by_the_reports_present(reports):
    """About SEGMENTS segments; an added, changed or deleted report changes the documents of its
    own segment (or two, where it adds or removes a cut); every other one stays as it was, shifted."""
    catalog = [{"id": f"{k:012x}"} for k in range(reports)]
    cuts = [cut[:2] for cut in index._segment_cuts(catalog)]
    assert cuts[0][0] == 0 and cuts[-1][1] == len(catalog) and all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    assert index.SEGMENTS / 2 <= len(cuts) <= 2 * index.SEGMENTS
    for at in (0, reports // 3, reports - 1):
        for after, shift in (([*catalog[:at], {"id": "new"}, *catalog[at:]], 1), (catalog[:at] + catalog[at + 1:], -1)):
            moved = [cut[:2] for cut in index._segment_cuts(after)]
            kept = {(first, end) for first, end in cuts if end <= at} | \
                {(first + shift, end + shift) for first, end in cuts if first > at}
            assert len(kept - set(moved)) <= 2 and len(set(moved) - kept) <= 2  # a cut added or removed: two


@pytest.mark.parametrize("reports", [5000, 10_000, 100_000])
def test_the_front_where_new_reports_land_is_cut_smaller(reports):
    """The result order is newest first: the first segment, where a report an office adds lands,
    is cut again into runs of 1/2, 1/4, 1/8 of a segment, with smaller shards (a query reads one in
    each segment), and the segments after it are those of `content_cuts` alone."""
    catalog = [{"id": f"{k:012x}"} for k in range(reports)]
    ids = [entry["id"] for entry in catalog]
    segments = index._segment_cuts(catalog)
    cuts = [cut[:2] for cut in segments]
    size = round(2 ** (round(4 * math.log2(reports / index.SEGMENTS)) / 4))
    whole = index.content_cuts(ids, size)
    assert cuts[-(len(whole) - 1):] == whole[1:]  # after the front: as they were
    front = cuts[: len(cuts) - len(whole) + 1]
    tiers, smallest = 0, size  # halved while the runs hold FRONT_MIN reports or more
    while tiers < index.FRONT_TIERS and smallest // 2 >= index.FRONT_MIN:
        tiers, smallest = tiers + 1, smallest // 2
    assert tiers >= 2 and front[0][0] == 0 and front[-1][1] == whole[0][1] and len(front) >= 1 + tiers
    assert front[0][1] <= 1.5 * smallest  # a new report's segment: ~1/4 or 1/8 of one
    assert segments[0][2] == round(index.TARGET_SHARD_BYTES * math.sqrt(smallest / size)) < index.TARGET_SHARD_BYTES
    assert {shard_bytes for _, _, shard_bytes in segments[len(front):]} == {index.TARGET_SHARD_BYTES}


def test_a_damaged_shard_of_the_index_before_is_not_kept(segmented, tmp_path):
    """One shard of the index before altered: its segment's postings are written again (never
    the damage carried on), the others' kept, and the file the previous site links is not
    written into."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    before = segment_inodes(root)
    shard = max((root / "p").glob("*/g[123]/*.js"), key=lambda p: p.stat().st_size)
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] = ord("A") if data[len(data) // 2] != ord("A") else ord("B")
    shard.write_bytes(bytes(data))
    damaged = shard.read_bytes()
    site = tmp_path / "site"
    site.mkdir()
    os.link(shard, site / "shard.js")
    changed = relabelled(catalog)
    root = build(changed, text, tmp_path / "incremental")
    after = segment_inodes(root)
    assert set(after) == set(before)
    assert [name for name in before if after[name] != before[name]] == [shard.parent.parent.name]
    assert files(root) == files(build(changed, text, tmp_path / "cold"))
    assert (site / "shard.js").read_bytes() == damaged


def test_a_shard_checked_before_is_not_read_again_until_it_changes(segmented, tmp_path, monkeypatch):
    """The kept shards' checks are remembered by file (baogao.filememo): a build after one that
    checked them reads none of them, and one altered since is read, found damaged and its
    segment written again."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    past = os.stat(root / "manifest.js").st_mtime - 60  # not written just now: else never remembered
    for path in (root / "p").rglob("*.js"):
        os.utime(path, (past, past))
    read: list[str] = []
    whole = index._shards_whole
    monkeypatch.setattr(index, "_shards_whole", lambda job: read.extend(job[2]) or whole(job))
    changed = relabelled(catalog)
    build(changed, text, tmp_path / "incremental")
    assert sorted(read) == sorted(name[:-3] for name in shard_inodes(root))  # the first time: every one
    read.clear()
    checked = set(segment_inodes(root))
    changed = edited(changed, 2, text)
    root = build(changed, text, tmp_path / "incremental")
    assert read == []
    written = {name[:-3] for name in shard_inodes(root) if name.split("/")[1] not in checked}  # just now: not remembered
    assert written
    kept = sorted(checked & set(segment_inodes(root)))[0]  # a segment whose files were checked and remembered
    shard = max((root / "p" / kept).glob("g3/*.js"), key=lambda p: p.stat().st_size)
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] = ord("A") if data[len(data) // 2] != ord("A") else ord("B")
    shard.write_bytes(bytes(data))
    before = segment_inodes(root)
    changed = [dict(e, org="另一个办公室") if i == 0 else e for i, e in enumerate(changed)]  # metadata only
    root = build(changed, text, tmp_path / "incremental")
    assert sorted(read) == sorted({shard.relative_to(root).as_posix()[:-3]} | written)  # of those checked, the altered one
    assert [name for name in before if segment_inodes(root)[name] != before[name]] == [shard.parent.parent.name]
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


def test_what_a_build_wrote_the_next_does_not_read_again(segmented, tmp_path, monkeypatch):
    """The shards and text-store segments a build writes are remembered as whole (baogao.filememo),
    as those it checks are: the build after it reads none of them (after a cold build at 10 000
    reports, ~60 000 shards were read); one altered since is read, found damaged, written again."""
    monkeypatch.setattr(filememo, "RACY_SECONDS", 0)  # files written just now count as settled
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    read: list[str] = []
    shards_whole, segment_whole = index._shards_whole, index._segment_whole
    monkeypatch.setattr(index, "_shards_whole", lambda job: read.extend(job[2]) or shards_whole(job))
    monkeypatch.setattr(index, "_segment_whole", lambda job: read.append(str(job[0])) or segment_whole(job))
    first = set(segment_inodes(root))
    changed = edited(catalog, 2, text)
    root = build(changed, text, tmp_path / "incremental")
    kept = first & set(segment_inodes(root))
    assert kept and read == []
    shard = max((root / "p" / sorted(kept)[0]).glob("g3/*.js"), key=lambda p: p.stat().st_size)
    data = bytearray(shard.read_bytes())
    data[len(data) // 2] = ord("A") if data[len(data) // 2] != ord("A") else ord("B")
    shard.write_bytes(bytes(data))
    changed = [dict(e, org="另一个办公室") if i == 0 else e for i, e in enumerate(changed)]
    root = build(changed, text, tmp_path / "incremental")
    assert shard.relative_to(root).as_posix()[:-3] in read
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


def test_segments_of_the_same_texts_share_their_files(segmented, tmp_path):
    """Two segments whose texts are the same (a report filed twice) have one postings' version:
    one folder, written once, read for both at their own first documents."""
    catalog, text = segmented
    source = catalog[1]
    (text / f"{NEW_ID}.txt").write_bytes((text / f"{source['id']}.txt").read_bytes())
    twice = [*catalog, dict(source, id=NEW_ID, url=report_url(NEW_ID))]
    build(catalog, text, tmp_path / "incremental")
    root = build(twice, text, tmp_path / "incremental")
    segments = SearchIndex(tmp_path / "incremental").segments
    assert segments[1][1] == segments[-1][1] and len(segment_inodes(root)) == len(segments) - 1
    assert files(root) == files(build(twice, text, tmp_path / "cold"))
    same_answers(twice, text, tmp_path)
    assert {1, len(twice) - 1} <= {hit.doc for hit in SearchIndex(tmp_path / "cold").search(parse_query("作风建设"))}


def test_a_damaged_manifest_before_keeps_nothing(segmented, tmp_path):
    """The index before's manifest with a segment that lists two levels, not three: nothing of
    it is kept, and the build gives the cold build's files (never an error)."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    text_of = (root / "manifest.js").read_text(encoding="utf-8")
    manifest = json.loads(text_of[text_of.index(",") + 1: text_of.rindex(");")], strict=False)
    manifest["segments"][0] = manifest["segments"][0][:-1]
    (root / "manifest.js").unlink()  # not written into: the site may link it
    (root / "manifest.js").write_text(f'baogaoSearch.load("manifest",{json.dumps(manifest, ensure_ascii=False)});\n',
                                      encoding="utf-8")
    before = set().union(*segment_inodes(root).values())
    changed = relabelled(catalog)
    root = build(changed, text, tmp_path / "incremental")
    assert not set().union(*segment_inodes(root).values()) & before
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


def test_a_failed_build_leaves_the_index_before_as_it_was(segmented, tmp_path, monkeypatch):
    """A kept segment's folder is moved into the new index, not linked a shard at a time: when
    the build then fails, the folders go back, and the index before is every file it was (the
    same inodes, which the site links); the next build gives the cold build's files."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    before, inodes, chunks = files(root), shard_inodes(root), chunk_inodes(root)
    changed = edited(catalog, 2, text)

    def full_disk(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index, "_write_docs_and_facets", full_disk)
    with pytest.raises(OSError, match="No space left"):
        build(changed, text, tmp_path / "incremental")
    assert files(root) == before and shard_inodes(root) == inodes and chunk_inodes(root) == chunks
    monkeypatch.undo()
    assert files(build(changed, text, tmp_path / "incremental")) == files(build(changed, text, tmp_path / "cold"))


def test_a_segment_folder_holding_more_than_its_shards_is_not_carried_over(segmented, tmp_path):
    """A file that is no shard of its segment, in the segment's folder of the index before: the
    shards are linked, not the folder moved, so the new index holds exactly the cold build's files."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    before = segment_inodes(root)
    put_stray(sorted((root / "p").iterdir())[0] / "g1" / "stray.js", "file", tmp_path)
    changed = relabelled(catalog)
    root = build(changed, text, tmp_path / "incremental")
    assert segment_inodes(root) == before  # every shard kept
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


@pytest.mark.parametrize("killed_at", ["_kept_store_segments", "_write_docs_and_facets"])
def test_a_killed_build_leaves_the_index_before_whole_again(segmented, tmp_path, killed_at):
    """A build killed after it moved folders out of the index before (the kept segments' postings;
    then the text store's chunk folders too): the next build puts them back first, so that the index
    before, returned as it is for its own catalog (an edit undone), is every file it was; a build of
    the edit gives the cold build's files."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    before = files(root)
    changed = relabelled(catalog)
    child = os.fork()
    if child == 0:  # killed once its folders are moved
        setattr(index, killed_at, lambda *args, **kwargs: os._exit(9))
        try:
            build(changed, text, tmp_path / "incremental")
        finally:
            os._exit(1)
    assert os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) == 9
    assert files(root) != before  # moved
    assert files(build(catalog, text, tmp_path / "incremental")) == before
    assert files(build(changed, text, tmp_path / "incremental")) == files(build(changed, text, tmp_path / "cold"))


def put_stray(path: Path, stray: str, elsewhere: Path) -> None:
    """What no build writes, at `path`: a file, an empty folder, or a link to a folder elsewhere."""
    if stray == "file":
        path.write_text("baogaoSearch.load('stray', '');\n", encoding="utf-8")
    elif stray == "folder":
        path.mkdir()
    else:
        path.symlink_to(elsewhere, target_is_directory=True)


def entries(root: Path) -> set[str]:
    """Every file, folder and link under root."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


@pytest.mark.parametrize("stray", ["folder", "link"])
def test_a_segment_folder_holding_a_stray_folder_or_link_is_not_carried_over(segmented, tmp_path, stray):
    """An empty folder, or a link to one, in a segment's folder of the index before holds no
    file, yet is no shard: the folder is not moved, and the new index holds exactly what the cold
    build's holds."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    before = segment_inodes(root)
    put_stray(sorted((root / "p").iterdir())[0] / "g1" / "stray", stray, tmp_path)
    changed = relabelled(catalog)
    root = build(changed, text, tmp_path / "incremental")
    assert segment_inodes(root) == before  # every shard kept
    assert entries(root) == entries(build(changed, text, tmp_path / "cold"))


def test_a_segment_folder_that_cannot_be_moved_is_linked(segmented, tmp_path, monkeypatch):
    """A rename writes the folder moved (its `..`) and the one it leaves: refused, as for an index
    before that is read-only to the builder, its shards are linked, as before moves were."""
    catalog, text = segmented
    root = build(catalog, text, tmp_path / "incremental")
    before = segment_inodes(root)
    replace = os.replace

    def read_only(source: Any, *args: Any, **kwargs: Any) -> None:
        if str(source).startswith(f"{root}/p/"):
            raise PermissionError(13, "Permission denied", str(source))
        replace(source, *args, **kwargs)

    monkeypatch.setattr(os, "replace", read_only)
    changed = relabelled(catalog)
    root = build(changed, text, tmp_path / "incremental")
    assert segment_inodes(root) == before
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


def chunk_folders(root: Path) -> dict[str, int]:
    """The text store's script folders (text/KK) and their inodes."""
    return {p.name: p.stat().st_ino for p in (root / textstore.DIR).iterdir() if p.is_dir()}


def test_an_edit_moves_the_chunk_folders_it_left_as_they_were(archive, tmp_path):
    """A script folder of the index before holding exactly the scripts of reports the edit kept is
    moved into the new index whole (one rename, not a link a script); the folder of the changed
    report's old or new script is made anew, its other scripts linked."""
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    folders, chunks = chunk_folders(root), chunk_inodes(root)
    old_key = SearchIndex(tmp_path / "incremental").store_table()[2][2]
    changed = edited(catalog, 2, text)
    root = build(changed, text, tmp_path / "incremental")
    new_key = SearchIndex(tmp_path / "incremental").store_table()[2][2]
    after = chunk_folders(root)
    touched = {old_key[:textstore.KEY_DIR], new_key[:textstore.KEY_DIR]}
    untouched = set(folders) - touched
    assert untouched and {prefix: after[prefix] for prefix in untouched} == {prefix: folders[prefix] for prefix in untouched}
    assert all(after[prefix] != folders[prefix] for prefix in touched & set(folders) & set(after))
    kept = {name for name in chunks if f"/{old_key}." not in name}
    assert {name: chunk_inodes(root)[name] for name in kept} == {name: chunks[name] for name in kept}
    assert files(root) == files(build(changed, text, tmp_path / "cold"))


@pytest.mark.parametrize("stray", ["file", "folder", "link"])
def test_a_chunk_folder_holding_anything_else_is_not_carried_over(archive, tmp_path, stray):
    """A script folder of the index before that holds more than its reports' scripts (a stray file,
    folder or link) is not moved: its scripts are linked into a new folder, and the new index holds
    exactly what the cold build's holds."""
    catalog, text = archive
    root = build(catalog, text, tmp_path / "incremental")
    keys = [key for _, _, key in SearchIndex(tmp_path / "incremental").store_table()]
    folder = next(key[:textstore.KEY_DIR] for key in keys[2:] if key[:textstore.KEY_DIR] != keys[1][:textstore.KEY_DIR])
    inodes = chunk_folders(root)[folder]  # (report 1's chunks, which the edit changes, are elsewhere)
    put_stray(root / textstore.DIR / folder / "stray.js", stray, tmp_path)
    changed = relabelled(catalog)
    root = build(changed, text, tmp_path / "incremental")
    assert chunk_folders(root)[folder] != inodes
    assert entries(root) == entries(build(changed, text, tmp_path / "cold"))
