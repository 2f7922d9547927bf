"""baogao.publish: a reproducible deployable archive with .gz copies for nginx's gzip_static."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import subprocess
import tarfile
import time
from pathlib import Path, PurePosixPath

import pytest

from baogao.publish import PRECOMPRESS_SUFFIXES, STALE_STAGING_SECONDS, built_site_url, publish, validate_base_url
from baogao.site import run_mkdocs

ROOT = Path(__file__).resolve().parents[1]
BASE_URL = "http://oa.example.gov.cn/archive/"


@pytest.fixture(scope="module")
def built(sample_site, tmp_path_factory) -> Path:
    """The sample site built for BASE_URL."""
    pages, _ = sample_site
    site = tmp_path_factory.mktemp("built") / "site"
    run_mkdocs(ROOT / "mkdocs.yml", pages, site, site_url=BASE_URL)
    return site


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def test_publishing_twice_gives_identical_bytes(built, tmp_path):
    before = snapshot(built)
    first, first_sum = publish(built, tmp_path / "a", BASE_URL)
    second, second_sum = publish(built, tmp_path / "b", BASE_URL)
    assert first.name == second.name
    assert re.fullmatch(r"baogao-site-\d+\.\d+\.\d+[^-]*-[0-9a-f]{12}\.tar\.gz", first.name), first.name
    assert first.read_bytes() == second.read_bytes()
    assert first_sum.read_bytes() == second_sum.read_bytes()
    again, _ = publish(built, tmp_path / "a", BASE_URL)  # over an earlier publish
    assert again == first and again.read_bytes() == second.read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == [first.name, first_sum.name]  # no temp left
    assert snapshot(built) == before, "publish must not change the site folder"


def test_checksum_file_is_sha256sum_format(built, tmp_path):
    archive, checksum = publish(built, tmp_path, BASE_URL)
    assert checksum.name == archive.name + ".sha256"
    assert checksum.read_text() == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}\n"
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--check", "--quiet", checksum.name], cwd=tmp_path, check=True)


def test_archive_holds_the_site_and_gz_copies(built, tmp_path):
    archive, _ = publish(built, tmp_path, BASE_URL, mtime=1_700_000_000)
    assert archive.read_bytes()[4:8] == b"\0\0\0\0", "gzip header mtime must be 0"
    with tarfile.open(archive) as tar:
        members = tar.getmembers()
        names = [m.name for m in members]
        assert names == sorted(names, key=lambda n: PurePosixPath(n).parts), "entries must be sorted"
        assert all(n == "site" or n.startswith("site/") for n in names)
        assert {(m.uid, m.gid, m.uname, m.gname, m.mtime) for m in members} == {(0, 0, "root", "root", 1_700_000_000)}
        assert {m.mode for m in members if m.isdir()} == {0o755} and {m.mode for m in members if m.isfile()} == {0o644}
        files = {m.name[len("site/"):]: tar.extractfile(m).read() for m in members if m.isfile()}

    for must in ("index.html", "search.html", "404.html", "search-index/manifest.js", "catalog.json",
                 "index.html.gz", "search.html.gz"):
        assert must in files, must
    site = {p.relative_to(built).as_posix(): p.read_bytes() for p in built.rglob("*")
            if p.is_file() and not p.name.startswith(".")}  # baogao's manifest and stamp are not site content
    for rel, data in site.items():
        if rel == "sitemap.xml.gz":
            continue  # MkDocs' copy is replaced by a reproducible one
        assert files.get(rel) == data, f"{rel} differs in the archive"
    index_gz = [n for n in files if n.startswith("search-index/") and n.endswith(".js.gz")]
    index_js = [n for n in files if n.startswith("search-index/") and n.endswith(".js")]
    assert index_gz and len(index_gz) >= len(index_js) // 2, "most search index files should have a .gz copy"
    for rel, data in files.items():
        if rel.endswith(".gz"):
            source = rel[: -len(".gz")]
            assert source.endswith(PRECOMPRESS_SUFFIXES) and source in files, rel
            assert gzip.decompress(data) == files[source], rel
            assert data[4:8] == b"\0\0\0\0" and len(data) < len(files[source]), rel
        elif rel.endswith(PRECOMPRESS_SUFFIXES) and len(files[rel]) > 1024:
            assert rel + ".gz" in files, f"{rel} ({len(files[rel])} bytes) has no .gz copy"
    assert not any(n.endswith((".png.gz", ".map.gz")) for n in files)
    assert set(files) - set(site) == {n for n in files if n.endswith(".gz")} - {"sitemap.xml.gz"}


def test_modification_time_is_chosen_deterministically(built, tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    newest = max(int(p.stat().st_mtime) for p in built.rglob("*") if p.is_file() and not p.name.startswith("."))
    archive, _ = publish(built, tmp_path / "default", BASE_URL)
    with tarfile.open(archive) as tar:
        assert {m.mtime for m in tar.getmembers()} == {newest}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1600000000")
    archive, _ = publish(built, tmp_path / "epoch", BASE_URL)
    with tarfile.open(archive) as tar:
        assert {m.mtime for m in tar.getmembers()} == {1_600_000_000}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        publish(built, tmp_path / "bad", BASE_URL)


def test_explicit_version_names_the_archive(built, tmp_path):
    archive, checksum = publish(built, tmp_path, BASE_URL, version="2024.1")
    assert (archive.name, checksum.name) == ("baogao-site-2024.1.tar.gz", "baogao-site-2024.1.tar.gz.sha256")
    with pytest.raises(ValueError, match="version"):
        publish(built, tmp_path, BASE_URL, version="../x")


@pytest.mark.parametrize(("given", "expected"), [
    ("http://oa.example.gov.cn/archive/", "http://oa.example.gov.cn/archive/"),
    ("http://oa.example.gov.cn/archive", "http://oa.example.gov.cn/archive/"),
    ("HTTPS://10.1.2.3:8443/docs/baogao/", "https://10.1.2.3:8443/docs/baogao/"),
    ("http://intranet", "http://intranet/"),
    ("http://oa.example/%E5%BD%92%E6%A1%A3/", "http://oa.example/%E5%BD%92%E6%A1%A3/"),
])
def test_good_base_urls(given, expected):
    assert validate_base_url(given) == expected


@pytest.mark.parametrize(("given", "message"), [
    ("", "empty"),
    ("   ", "empty"),
    ("/archive/", "http:// or https://.*bare path"),
    ("archive", "http:// or https://"),
    ("ftp://oa.example/archive/", "http:// or https://"),
    ("file:///srv/baogao/site/", "http:// or https://"),
    ("http:///archive/", "no host"),
    ("http://user:secret@oa.example/archive/", "user name or password"),
    ("http://oa.example:99999/archive/", "invalid port"),
    ("http://oa.example/archive/?x=1", "query"),
    ("http://oa.example/archive/#top", "fragment"),
    ("http://oa.example/arch ive/", "white space"),
    ("http://oa.example/archive/\n", "white space"),
    ("http://oa.example/归档/", "percent-encoded"),
    ("http://oa.example/a\"b/", "percent-encoded"),
    ("http://oa.example/a/../b/", r"'\.\.'"),
    ("http://oa.example//archive/", "empty"),
    ("http://oa.example/a\\b/", "backslash"),
])
def test_bad_base_urls_are_rejected_with_a_reason(given, message):
    with pytest.raises(ValueError, match=message) as raised:
        validate_base_url(given)
    if given.strip():
        assert repr(given) in str(raised.value)  # the message names the value


def test_site_built_for_another_address_is_refused(built, sample_site, tmp_path):
    assert built_site_url(built) == BASE_URL
    with pytest.raises(ValueError, match=r"built for http://oa\.example\.gov\.cn/archive/, not http://other\.example/"):
        publish(built, tmp_path, "http://other.example/")
    _, plain = sample_site  # built without site_url
    with pytest.raises(ValueError, match=r"without a site_url.*site_url='http://oa\.example\.gov\.cn/archive/'"):
        publish(plain, tmp_path, BASE_URL)
    with pytest.raises(ValueError, match="not a built site"):
        publish(tmp_path, tmp_path / "out", BASE_URL)
    with pytest.raises(ValueError, match="http:// or https://"):
        publish(built, tmp_path, "/archive/")
    assert not list(tmp_path.glob("*.tar.gz"))


def test_publish_does_not_follow_the_out_dir_into_the_archive(built, tmp_path):
    """Publishing into a folder inside the site would pack earlier archives: refuse it."""
    with pytest.raises(ValueError, match="inside the site"):
        publish(built, built / "dist", BASE_URL)
    assert not (built / "dist").exists()


def test_what_a_killed_publish_left_in_dist_is_removed_by_the_next(built, tmp_path):
    """A publish killed while packing left its staging folder (gzip copies of the site) in --dist for ever; one of a
    publish still running beside this one stays."""
    dead = subprocess.Popen(["true"])  # (a process that has ended: its pid is free)
    dead.wait()
    dist = tmp_path / "dist"
    left = dist / f".baogao-publish-{dead.pid}-k7x"
    (left / "gz").mkdir(parents=True)
    (left / "gz" / "index.html.gz").write_bytes(b"\x1f\x8b")
    hour_ago = time.time() - STALE_STAGING_SECONDS - 60
    for path in (left / "gz", left):
        os.utime(path, (hour_ago, hour_ago))
    kept = [dist / f".baogao-publish-{os.getpid()}-a1b",  # this process: alive
            dist / f".baogao-publish-{dead.pid}-c2d",  # written to lately: another machine's publish, perhaps
            dist / ".baogao-publish-99999999999999999999-x", dist / ".baogao-publish-²-x"]  # no pid of this machine
    for path in kept:
        path.mkdir()
    archive, checksum = publish(built, dist, BASE_URL)
    assert sorted(p.name for p in dist.iterdir()) == sorted([archive.name, checksum.name, *(p.name for p in kept)])
