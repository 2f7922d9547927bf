"""Unit tests for baogao.readers.txt (the .txt reader): bytes → text, never lossy, or a readable DecodeError.

Test vectors are tables: (raw bytes, expected text, expected encoding name) for files that
must decode, and (raw bytes, words the error message must contain) for files that must be
rejected.
"""

from __future__ import annotations

import codecs
import random
from dataclasses import FrozenInstanceError

import pytest

from baogao.readers.txt import DecodeError, decode, normalize_newlines
from baogao.model import Decoded
from tests.hostile_inputs import docx_bytes

REPORT = "2023年政府工作报告\n各位代表：\n一、过去一年工作回顾\n全市生产总值增长5.2%。\n"
ONE_MANY = "统一思想，进一步落实一岗双责：一是抓统一部署，二是抓一以贯之。\n"


# --------------------------------------------------------------------------------------------
# Files that decode: (raw bytes, expected text, expected encoding name)
# --------------------------------------------------------------------------------------------
DECODES = [
    pytest.param(REPORT.encode("utf-8"), REPORT, "UTF-8", id="utf8"),
    pytest.param(b"plain ASCII report 2023\n", "plain ASCII report 2023\n", "UTF-8", id="ascii-is-utf8"),
    pytest.param(codecs.BOM_UTF8 + REPORT.encode("utf-8"), REPORT, "UTF-8-BOM", id="utf8-bom"),
    pytest.param(codecs.BOM_UTF8, "", "UTF-8-BOM", id="utf8-bom-only"),
    pytest.param(codecs.BOM_UTF16_LE + REPORT.encode("utf-16-le"), REPORT, "UTF-16LE-BOM", id="utf16le-bom"),
    pytest.param(codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), REPORT, "UTF-16BE-BOM", id="utf16be-bom"),
    pytest.param(REPORT.encode("utf-16"), REPORT, "UTF-16LE-BOM", id="python-utf16-adds-le-bom"),
    pytest.param(codecs.BOM_UTF32_LE + REPORT.encode("utf-32-le"), REPORT, "UTF-32LE-BOM", id="utf32le-bom"),
    pytest.param(codecs.BOM_UTF32_BE + REPORT.encode("utf-32-be"), REPORT, "UTF-32BE-BOM", id="utf32be-bom"),
    # BOM-less UTF-16 is recognised by the NULs of its ASCII characters (digits, line ends).
    pytest.param(REPORT.encode("utf-16-le"), REPORT, "UTF-16LE", id="utf16le-no-bom"),
    pytest.param(REPORT.encode("utf-16-be"), REPORT, "UTF-16BE", id="utf16be-no-bom"),
    pytest.param("Annual report\n".encode("utf-16-le"), "Annual report\n", "UTF-16LE", id="utf16le-no-bom-ascii"),
    # 一 is U+4E00: its NUL is on the other side; with more of them than ASCII characters the
    # NULs' side once chose the wrong byte order, and the file was refused as binary
    pytest.param(ONE_MANY.encode("utf-16-le"), ONE_MANY, "UTF-16LE", id="utf16le-no-bom-more-一-than-ascii"),
    pytest.param(ONE_MANY.encode("utf-16-be"), ONE_MANY, "UTF-16BE", id="utf16be-no-bom-more-一-than-ascii"),
    pytest.param(REPORT.encode("gbk"), REPORT, "GB18030", id="gbk"),
    pytest.param(REPORT.encode("gb2312"), REPORT, "GB18030", id="gb2312"),
    pytest.param("政府工作报告，各位代表".encode("gbk"), "政府工作报告，各位代表", "GB18030", id="gbk-one-line"),
    # Characters outside GBK that only GB18030 encodes (4-byte sequences).
    pytest.param("㐀䶵𠀀报告€".encode("gb18030"), "㐀䶵𠀀报告€", "GB18030", id="gb18030-four-byte"),
    # TAB, VT and FF are white space that text files do contain.
    pytest.param("一\t二\x0c三\x0b四".encode(), "一\t二\x0c三\x0b四", "UTF-8", id="tab-ff-vt-allowed"),
    pytest.param(b"   \n\n", "   \n\n", "UTF-8", id="white-space-only"),
]


@pytest.mark.parametrize(("raw", "text", "encoding"), DECODES)
def test_decode_text_and_encoding(raw: bytes, text: str, encoding: str) -> None:
    decoded = decode(raw)
    assert decoded.text == text
    assert decoded.encoding == encoding


@pytest.mark.parametrize(("raw", "text", "encoding"), DECODES)
def test_decoded_text_has_no_bom_no_cr(raw: bytes, text: str, encoding: str) -> None:
    decoded = decode(raw)
    assert "\ufeff" not in decoded.text
    assert "\r" not in decoded.text


def test_decoded_is_frozen() -> None:
    decoded = decode("报告".encode())
    assert decoded == Decoded(text="报告", encoding="UTF-8")
    with pytest.raises(FrozenInstanceError):
        decoded.text = "x"  # type: ignore[misc]


# --------------------------------------------------------------------------------------------
# Line ends: (text as saved, codec, text after decode)
# --------------------------------------------------------------------------------------------
LINE_ENDS = [
    pytest.param("一\r\n二\r\n三", "utf-8", "一\n二\n三", id="crlf-utf8"),
    pytest.param("一\r二\r三\r", "utf-8", "一\n二\n三\n", id="cr-utf8"),
    pytest.param("一\n二\r\n三\r四", "utf-8", "一\n二\n三\n四", id="mixed-utf8"),
    pytest.param("一\r\n\r\n二", "utf-8", "一\n\n二", id="crlf-blank-line"),
    pytest.param("一\r\r\n二", "utf-8", "一\n\n二", id="cr-then-crlf-is-two-breaks"),
    pytest.param("一\n\r二", "utf-8", "一\n\n二", id="lf-then-cr-is-two-breaks"),
    pytest.param("一\r\n二\r三", "gbk", "一\n二\n三", id="mixed-gbk"),
    pytest.param("\ufeff一\r\n二", "utf-8", "一\n二", id="crlf-utf8-bom"),
    pytest.param("\ufeff一\r\n二\r三", "utf-16-le", "一\n二\n三", id="mixed-utf16le-bom"),
    pytest.param("\ufeff一\r\n二\r三", "utf-16-be", "一\n二\n三", id="mixed-utf16be-bom"),
    pytest.param("一\r\n二\r三", "utf-16-le", "一\n二\n三", id="mixed-utf16le-no-bom"),
]


@pytest.mark.parametrize(("saved", "codec", "expected"), LINE_ENDS)
def test_line_ends_become_lf(saved: str, codec: str, expected: str) -> None:
    assert decode(saved.encode(codec)).text == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("", "", id="empty"),
        pytest.param("a\r\nb", "a\nb", id="crlf"),
        pytest.param("a\rb", "a\nb", id="cr"),
        pytest.param("a\n\rb", "a\n\nb", id="lf-cr"),
        pytest.param("a\r\r\nb", "a\n\nb", id="cr-crlf"),
        pytest.param("a\u2028b\x85c", "a\u2028b\x85c", id="unicode-breaks-untouched"),
        pytest.param(" 一\t二 ", " 一\t二 ", id="white-space-untouched"),
    ],
)
def test_normalize_newlines(text: str, expected: str) -> None:
    assert normalize_newlines(text) == expected


# --------------------------------------------------------------------------------------------
# Files that are rejected: (raw bytes, words the message must contain)
# --------------------------------------------------------------------------------------------
REJECTS = [
    pytest.param(b"", ["empty", "0 bytes"], id="empty-file"),
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", ["PDF", "not a text file", "plain text"], id="pdf"),
    pytest.param(b"PK\x03\x04\x14\x00\x00\x00", ["ZIP", "not a text file"], id="zip"),
    pytest.param(docx_bytes(), ["ZIP", ".docx", "not a text file"], id="docx"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 8, ["Word", "not a text file"], id="ole-doc"),
    pytest.param(b"{\\rtf1\\ansi\\deff0 " + "报告}".encode("gbk"), ["RTF", "not a text file"], id="rtf"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00", ["PNG", "not a text file"], id="png"),
    pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", ["JPEG"], id="jpeg"),
    pytest.param(b"\x1f\x8b\x08\x00\x00\x00", ["gzip"], id="gzip"),
    pytest.param(bytes(range(256)) * 4, ["NUL"], id="binary-all-bytes"),
    pytest.param(random.Random(0).randbytes(4096), ["NUL"], id="binary-random"),
    pytest.param("报告正文\x00内容".encode(), ["NUL"], id="nul-in-utf8-odd-length"),
    pytest.param("政府工作报告\x00".encode(), ["NUL"], id="nul-after-utf8-title"),
    pytest.param("政府工作报告\n".encode() + b"\x00\x00", ["NUL"], id="nul-padding-after-utf8"),
    pytest.param("Annual report 2023".encode() + b"\x00", ["NUL"], id="nul-after-ascii-odd"),
    pytest.param("正文\x00".encode("utf-16-le"), ["NUL"], id="nul-inside-utf16-no-bom"),
    pytest.param(codecs.BOM_UTF16_LE + "正文\x00".encode("utf-16-le"), ["NUL"], id="nul-inside-utf16-bom"),
    pytest.param(b"abc\x1bdef", ["control character", "U+001B", "not a plain-text file"], id="escape-char"),
    pytest.param(b"a\x7fb", ["control character", "U+007F"], id="del-char"),
    pytest.param("正文\x08".encode(), ["U+0008"], id="backspace-in-utf8"),
    pytest.param(bytes(range(1, 256)) * 4, ["UTF-8", "GB18030", "offset 127"], id="binary-without-nul"),
    pytest.param(bytes(range(0x80, 0x100)) * 4, ["neither valid UTF-8", "offset 0", "GB18030", "re-save"], id="high-bytes"),
    pytest.param(b"ok " + bytes(range(0x80, 0x100)) * 4, ["offset 3"], id="invalid-both-after-ascii"),
    pytest.param("报告正文".encode() + bytes(range(0x80, 0x100)) * 2, ["offset 12"], id="invalid-both-after-utf8"),
    pytest.param("政府工作报告".encode("gbk") + b"\x80\x80\xff", ["UTF-8", "GB18030"], id="gbk-then-invalid"),
    pytest.param(codecs.BOM_UTF8 + b"\xff\xfe", ["byte-order mark", "UTF-8-BOM", "byte 3"], id="utf8-bom-then-invalid"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x41", ["byte-order mark", "UTF-16LE-BOM", "truncated"], id="utf16-bom-odd-length"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8", ["UTF-16LE-BOM"], id="utf16-bom-lone-surrogate"),
]


@pytest.mark.parametrize(("raw", "must_include"), REJECTS)
def test_rejected_with_readable_message(raw: bytes, must_include: list[str]) -> None:
    with pytest.raises(DecodeError) as info:
        decode(raw)
    message = str(info.value)
    for word in must_include:
        assert word in message, f"{word!r} missing from {message!r}"
    # Messages are phrased to follow a file name ("report.txt: is empty ..."), never a traceback.
    assert "Traceback" not in message and "\n" not in message


def test_decode_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        decode(b"")


# --------------------------------------------------------------------------------------------
# Bytes that are not text (or are damaged text) must fail, never decode to garbage.
# --------------------------------------------------------------------------------------------
NOT_TEXT = [
    pytest.param(b"\x80\x80\xff", id="invalid-utf8-and-gb18030-3-bytes"),
    pytest.param(b"\x80" * 100, id="repeated-0x80"),
    pytest.param(b"\xff\xff\xff\xff", id="repeated-0xff"),
    pytest.param("政府工作报告".encode() + b"\x80\x80\xff", id="utf8-report-with-corrupt-tail"),
    pytest.param(b"abc\x80\x80\xff", id="ascii-with-corrupt-tail"),
    pytest.param(b"http://www.gov.cn\x00", id="ascii-url-trailing-nul"),
    pytest.param(b"Annual report 2023 \x00", id="ascii-line-trailing-nul"),
    pytest.param(b"abc\x00", id="abc-nul"),
    # Only Chinese encodings are refereed: a Cyrillic code page is not a report of this archive.
    pytest.param("Привет, это отчёт о работе".encode("cp1251"), id="cp1251-not-chinese"),
]


@pytest.mark.parametrize("raw", NOT_TEXT)
def test_undecodable_or_damaged_bytes_are_rejected(raw: bytes) -> None:
    with pytest.raises(DecodeError):
        decoded = decode(raw)
        print(f"decoded as {decoded.encoding}: {decoded.text!r}")


BIG5_REPORT = "政府工作報告，各位代表：現在我代表市人民政府向大會報告工作。"


def test_big5_is_decoded_correctly_or_rejected() -> None:
    raw = BIG5_REPORT.encode("big5")
    try:
        decoded = decode(raw)
    except DecodeError:
        return  # refusing is acceptable; silently wrong text is not
    assert decoded.text == BIG5_REPORT, f"{decoded.encoding}: {decoded.text!r}"


# --------------------------------------------------------------------------------------------
# Round trip: whatever decodes, decodes to the text that was written (no silent loss).
# --------------------------------------------------------------------------------------------
ROUND_TRIP_TEXTS = [
    pytest.param("政府工作报告", id="title"),
    pytest.param("二〇二三年一月十日在市第十六届人民代表大会第二次会议上", id="han-only"),
    pytest.param("（一）强化督办协调，做好信息报送。督办完成领导批示或交办工作15项。", id="heading-and-digits"),
    pytest.param("“十四五”规划——主要目标：GDP年均增长6%左右；城镇新增就业≥5万人。", id="punctuation-and-latin"),
    pytest.param("①②③ 【法宝引证码】《条例》·附件 ￥1.5亿元 №3 ℃", id="symbols"),
]
ROUND_TRIP_CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "gbk", "gb18030"]


@pytest.mark.parametrize("codec", ROUND_TRIP_CODECS)
@pytest.mark.parametrize("text", ROUND_TRIP_TEXTS)
def test_round_trip(text: str, codec: str) -> None:
    # A line end makes the BOM-less UTF-16 file recognisable (it is how real files look).
    body = f"{text}\r\n{text}\r\n"
    assert decode(body.encode(codec)).text == f"{text}\n{text}\n"
