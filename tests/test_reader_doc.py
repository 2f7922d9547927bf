"""The .doc/.wps reader (baogao/readers/doc.py): LibreOffice converts, the .docx reader reads;
encrypted files are refused before LibreOffice sees them; a missing LibreOffice is a message
naming the package."""

from __future__ import annotations

import pytest

from baogao import readers
from baogao.readers import ReadError, doc
from tests.office_fixtures import convert_with_soffice, measure, report_docx, soffice

pytestmark = pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) not found: apt-get install libreoffice-writer-nogui")

REPORT = "县政府办公室2023年工作总结\n一、主要工作\n（一）强化督查督办\n全年开展督查12次。\n（二）改进文风\n二、下步打算\n持续改进作风。"


@pytest.fixture(scope="module")
def word97(tmp_path_factory) -> bytes:
    work = tmp_path_factory.mktemp("doc")
    (work / "总结.docx").write_bytes(report_docx(REPORT, created="2022-05-01T08:00:00"))
    [path] = convert_with_soffice([work / "总结.docx"], "doc", work, work / "profile")
    return path.read_bytes()


@pytest.mark.corpus
def test_real_texts_saved_as_doc_by_libreoffice_keep_their_text(office_files):
    print(f"\n{office_files['seconds']}")
    figures = measure(office_files["doc"], "doc")
    assert figures["worst"][0] >= 0.995, figures["worst"]
    assert all(same for _, same, _ in figures["results"]), [name for _, same, name in figures["results"] if not same]


def test_a_doc_is_read_with_its_numbering_and_properties(word97):
    document = readers.read(word97, "总结.doc")
    assert document.reader == "doc"
    assert document.text.split("\n") == REPORT.split("\n")
    assert document.properties["converter"] == "LibreOffice" and document.properties["created"].startswith("2022-05-01")


def test_a_wps_name_and_a_doc_saved_as_txt_go_to_the_same_reader(word97):
    assert readers.reader_for("总结.wps", word97).name == "doc"
    assert readers.read(word97, "总结.txt").text == readers.read(word97, "总结.wps").text


def test_a_missing_libreoffice_is_a_message_naming_the_package(word97, monkeypatch):
    monkeypatch.setattr(doc, "converter", lambda: None)
    with pytest.raises(ReadError, match="needs LibreOffice to read .doc/.wps files.*apt-get install libreoffice-writer-nogui"):
        readers.read(word97, "总结.doc")


def test_an_encrypted_word_document_is_refused_before_libreoffice(word97, monkeypatch):
    monkeypatch.setattr(doc, "converter", lambda: pytest.fail("LibreOffice must not be started"))
    import olefile

    ole = olefile.OleFileIO(word97)
    fib_sector = ole.get_rootentry_name and ole.openstream("WordDocument").read(12)
    assert int.from_bytes(fib_sector[:2], "little") == 0xA5EC
    # set fEncrypted in the FIB, where the WordDocument stream starts in the file
    start = word97.find(fib_sector)
    encrypted = bytearray(word97)
    encrypted[start + 11] |= 0x01
    with pytest.raises(ReadError, match="is a password-protected Word document"):
        readers.read(bytes(encrypted), "密.doc")


def test_a_password_protected_docx_is_named_as_such(monkeypatch):
    """Word saves a .docx with a password as an OLE2 file holding EncryptedPackage."""
    import olefile

    monkeypatch.setattr(doc, "converter", lambda: pytest.fail("LibreOffice must not be started"))
    pytest.importorskip("olefile")
    # olefile cannot write: the smallest such container, written by hand (one directory sector)
    raw = _ole_with_streams(["EncryptionInfo", "EncryptedPackage"])
    assert olefile.isOleFile(raw)
    with pytest.raises(ReadError, match="is a password-protected Office document"):
        readers.read(raw, "密.docx")


def test_truncated_and_foreign_ole_files_get_clear_messages(word97):
    with pytest.raises(ReadError, match="damaged or truncated Word/WPS document"):
        readers.read(word97[:600], "坏.doc")
    with pytest.raises(ReadError, match="is an OLE2 file but an Excel workbook"):
        readers.read(_ole_with_streams(["Workbook"]), "表.doc")


def test_a_doc_holding_a_path_is_read_as_its_bytes_not_as_that_file(tmp_path, monkeypatch):
    """olefile takes bytes shorter than 1536 as a file name: a .doc whose bytes were a path had
    that file of the build machine opened (here a password-protected document, named as such)."""
    monkeypatch.setattr(doc, "converter", lambda: pytest.fail("LibreOffice must not be started"))
    elsewhere = tmp_path / "机密.doc"
    elsewhere.write_bytes(_ole_with_streams(["EncryptionInfo", "EncryptedPackage"]))
    for raw in (str(elsewhere).encode(), str(tmp_path).encode()):
        with pytest.raises(ReadError) as refused:
            doc.read(raw)
        assert str(refused.value) == ("is a damaged or truncated Word/WPS document: its OLE2 container cannot be read "
                                      "(not an OLE2 structured storage file)")


def _ole_with_streams(names: list[str]) -> bytes:
    """A minimal OLE2 compound file (512-byte sectors) whose root holds empty streams `names`."""
    import struct

    free, end, fat_sector = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    header = bytearray(512)
    header[:8] = doc.OLE2_MAGIC
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<III", header, 44, 1, 1, 0)  # 1 FAT sector, directory at sector 1
    struct.pack_into("<IIII", header, 56, 4096, end, 0, end)  # mini cutoff, no mini FAT
    struct.pack_into("<II", header, 68, end, 0)  # no DIFAT sectors
    struct.pack_into("<I", header, 76, 0)  # FAT in sector 0
    header[80:512] = b"\xff" * 432
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<II", fat, 0, fat_sector, end)
    entries = []

    def entry(name: str, kind: int, child: int, right: int = free) -> bytes:
        data = bytearray(128)
        encoded = name.encode("utf-16-le") + b"\0\0"
        data[: len(encoded)] = encoded
        struct.pack_into("<HBB", data, 64, len(encoded), kind, 1)
        struct.pack_into("<III", data, 68, free, right, child)
        struct.pack_into("<II", data, 116, end if kind == 5 else 0, 0)
        return bytes(data)

    entries.append(entry("Root Entry", 5, 1 if names else free))
    for index, name in enumerate(names, 1):
        entries.append(entry(name, 2, free, index + 1 if index < len(names) else free))
    directory = b"".join(entries).ljust(512, b"\0")
    return bytes(header) + bytes(fat) + directory
