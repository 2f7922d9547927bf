"""A folder mixing all six formats builds into one archive (issue 15): every report has its page,
the fidelity check holds for every format, each page names its reader, and the original file
of every report not read from .txt is in the site, listed for publishing, linked from its page
and served by deploy/nginx.conf as a download."""

from __future__ import annotations

import hashlib
import tarfile

import pytest
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from baogao.check import check_site
from baogao.manifest import read_manifest
from tests.conftest import build_site
from tests.office_fixtures import convert_with_soffice, pdf_to_ofd, report_docx, soffice
from tests.test_nginx import fetch, publish_sample, running_nginx

TEXT = ("{title}\n一、主要工作\n（一）强化督查督办\n全年开展督查12次，办理“马上就办”事项{n}件。\n（二）改进文风会风\n"
        "精简文件简报，压缩会议数量。\n二、下步打算\n持续改进作风，提升服务质量。")
FORMATS = ("txt", "docx", "pdf", "doc", "wps", "ofd")


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    """reports/ with one report in each format, and the built (pages, site)."""
    if not soffice():
        pytest.skip("LibreOffice (soffice) not found: apt-get install libreoffice-writer-nogui")
    work = tmp_path_factory.mktemp("mixed")
    reports, made = work / "reports", work / "made"
    reports.mkdir()
    made.mkdir()
    texts = {fmt: TEXT.format(title=f"县政府办公室{2019 + i}年工作总结（{fmt}）", n=10 + i) for i, fmt in enumerate(FORMATS)}
    (reports / "总结-txt.txt").write_text(texts["txt"], encoding="gb18030")
    (reports / "总结-docx.docx").write_bytes(report_docx(texts["docx"]))
    for fmt in ("pdf", "doc", "wps", "ofd"):
        (made / f"{fmt}.docx").write_bytes(report_docx(texts[fmt], running="县政府办公室"))
    pdfs = convert_with_soffice([made / "pdf.docx", made / "ofd.docx"], "pdf", made / "pdf", made / "profile")
    docs = convert_with_soffice([made / "doc.docx", made / "wps.docx"], "doc", made / "doc", made / "profile")
    (reports / "总结-pdf.pdf").write_bytes(pdfs[0].read_bytes())
    (reports / "总结-ofd.ofd").write_bytes(pdf_to_ofd(pdfs[1].read_bytes()))
    (reports / "总结-doc.doc").write_bytes(docs[0].read_bytes())
    (reports / "总结-wps.wps").write_bytes(docs[1].read_bytes())  # a Word 97 file named .wps, as WPS saves them
    pages, site = build_site(reports, work)
    return texts, reports, pages, site


def test_every_format_has_its_page_and_the_fidelity_check_holds(mixed):
    texts, _, pages, site = mixed
    checked, losses = check_site(site, pages)
    assert (checked, losses) == (len(FORMATS), [])
    for fmt in FORMATS:
        html = (site / "reports" / f"{_id(mixed, fmt)}.html").read_text(encoding="utf-8")
        tree = HTMLParser(html)
        shown = "".join(tree.css_first("[data-baogao-text]").text().split())
        for line in texts[fmt].split("\n")[1:]:
            assert "".join(line.split()) in shown, (fmt, line)
        reader = tree.css_first('[data-field="reader"] dd').text()
        assert reader.startswith("doc" if fmt == "wps" else fmt), (fmt, reader)


@pytest.fixture(scope="module")
def published(mixed, tmp_path_factory):
    """The mixed archive built for http://oa.example/archive/, published and unpacked."""
    return publish_sample(mixed[2], tmp_path_factory.mktemp("published"))


def test_the_originals_are_in_the_site_linked_and_listed_for_publishing(mixed, published):
    _, reports, _, site = mixed
    manifest = read_manifest(site)
    for fmt in FORMATS:
        page = site / "reports" / f"{_id(mixed, fmt)}.html"
        link = HTMLParser(page.read_text(encoding="utf-8")).css_first("a[data-baogao-original]")
        if fmt == "txt":
            assert link is None  # the page is the text
            continue
        source = reports / f"总结-{fmt}.{fmt}"
        assert link.attributes["download"] == source.name
        target = (page.parent / link.attributes["href"]).resolve()
        assert target.read_bytes() == source.read_bytes()
        rel = target.relative_to(site.resolve()).as_posix()
        assert rel == f"originals/{_id(mixed, fmt)}.{fmt}" and manifest[rel] == hashlib.sha256(source.read_bytes()).hexdigest()
    with tarfile.open(published.archive) as tar:
        names = set(tar.getnames())
    assert {f"site/originals/{_id(mixed, fmt)}.{fmt}" for fmt in FORMATS if fmt != "txt"} <= names


def test_nginx_serves_the_originals_as_downloads_and_nothing_else_there(mixed, published, tmp_path):
    reports = mixed[1]
    with running_nginx(published.root, tmp_path / "nginx") as port:
        for fmt, ctype in (("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                           ("pdf", "application/pdf"), ("doc", "application/msword"),
                           ("ofd", "application/octet-stream"), ("wps", "application/octet-stream")):
            status, headers, body = fetch(port, f"/archive/originals/{_id(mixed, fmt)}.{fmt}")
            assert (status, headers.get("content-type"), headers.get("content-disposition")) == (200, ctype, "attachment"), fmt
            assert body == (reports / f"总结-{fmt}.{fmt}").read_bytes()
        status, headers, _ = fetch(port, "/archive/index.html")
        assert status == 200 and "content-disposition" not in headers
        for path in ("/archive/originals/x.exe", "/archive/originals/../reports/a.txt", "/archive/a.docx.txt"):
            assert fetch(port, path)[0] == 404, path


def _id(mixed, fmt: str) -> str:
    from baogao.convert import report_id

    return report_id(f"总结-{fmt}.{fmt}")
