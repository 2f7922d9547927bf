"""The .txt reader (stage 1, decode): raw bytes → text, never lossy.

Order: byte-order marks first, then strict UTF-8, then strict GB18030 (which covers GBK and
GB2312), then charset-normalizer as the referee for anything else. A file that none of them
decodes without errors is rejected; so are binary files. NUL bytes outside UTF-16: a few stray
ones in text that otherwise decodes (at most 1 in 100 bytes) stay in the text, for clean to drop
and count; more, or with bytes that do not decode, are a binary file.

`binary_head` runs before a file is read whole (baogao.sources.read_report, through the
registry's `refuse_head`): the same signs of a binary file, judged from its first bytes. A format
named there (PDF, ZIP/.docx …) that gets a reader of its own is recognised by that reader's
magic before this one is asked.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from baogao.model import Decoded
from baogao.readers.base import Document, Reader, ReadError

# (BOM, codec, name recorded in the front matter). UTF-32 first: its LE BOM starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE-BOM"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE-BOM"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8-BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE-BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE-BOM"),
)

# Signatures of formats people save with a .txt name by mistake.
_BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx document)",
    b"\xd0\xcf\x11\xe0": "an old Word/Excel (OLE) document",
    b"{\\rtf": "an RTF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
}

# Encodings the referee may pick once UTF-8 and GB18030 failed: Chinese ones only, since a
# report in anything else is far likelier to be a damaged or binary file.
_REFEREE_ENCODINGS = ("big5", "big5hkscs", "cp950", "hz")
_MAX_CHAOS = 0.1
_MIN_REFEREE_BYTES = 16

# C0 controls other than NUL (see _MAX_NUL_SHARE), TAB, LF, VT, FF, CR, plus DEL: text files do
# not contain them.
_CONTROL_CHAR = re.compile("[\x01-\x08\x0e-\x1f\x7f]")
# Stray NULs (a damaged copy, an editor's slip) are at most this share of a file's bytes (of its
# characters in UTF-16/32); a binary file has far more (a sparse or zero-filled file is nothing else).
_MAX_NUL_SHARE = 0.01
_NUL_MESSAGE = "contains NUL bytes: a binary file or a damaged text file"
# What a report's text is mostly made of: ASCII, CJK ideographs, CJK and full-width punctuation.
_COMMON_TEXT = re.compile("[\t\n\r\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


class DecodeError(ReadError):
    """The bytes are not a text report; the message says why."""


def decode(raw: bytes) -> Decoded:
    """Decode a report's bytes and normalise CR, CRLF and mixed line ends to LF."""
    text, encoding = _decode_text(raw)
    found = _CONTROL_CHAR.search(text)
    if found:
        raise DecodeError(f"contains control character U+{ord(found.group()):04X}: not a plain-text file")
    return Decoded(text=normalize_newlines(text), encoding=encoding)


def read(raw: bytes) -> Document:
    """The reader's entry: the decoded text, and the encoding it was found in."""
    decoded = decode(raw)
    return Document(decoded.text, {"encoding": decoded.encoding})


def binary_head(head: bytes) -> str | None:
    """Why a file whose first bytes are `head` is clearly not text (a signature, or NULs that
    are neither UTF-16 nor stray), or None when only the whole file can tell."""
    if any(head.startswith(bom) for bom, _, _ in _BOMS):
        return None
    what = _binary_signature(head)
    if what:
        return what
    if head.count(0) <= len(head) * _MAX_NUL_SHARE:
        return None
    # UTF-16 without a BOM: judged as the whole file is (the head may end inside a surrogate pair)
    whole = len(head) // 2 * 2
    if _bomless_utf16(head[:whole]) or _bomless_utf16(head[:whole - 2]):
        return None
    return _NUL_MESSAGE


def _binary_signature(raw: bytes) -> str | None:
    for magic, what in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            return f"is {what}, not a text file; save it as plain text (.txt) first"
    return None


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF; the text is otherwise untouched."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_text(raw: bytes) -> tuple[str, str]:
    if not raw:
        raise DecodeError("is empty (0 bytes)")
    for bom, codec, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(codec)
            except UnicodeDecodeError as err:
                raise DecodeError(
                    f"starts with a {name} byte-order mark but is not valid {codec}: {err.reason} at byte {err.start + len(bom)}"
                ) from None
            if text.count("\x00") > len(text) * _MAX_NUL_SHARE:
                raise DecodeError(_NUL_MESSAGE)
            return text, name
    what = _binary_signature(raw)
    if what:
        raise DecodeError(what)
    if b"\x00" in raw:
        utf16 = _bomless_utf16(raw)
        if utf16 is not None:
            return utf16
        if raw.count(0) > len(raw) * _MAX_NUL_SHARE:
            raise DecodeError(_NUL_MESSAGE)
        try:
            return _decode_8bit(raw)  # stray NULs in a text: they stay until clean
        except DecodeError:
            raise DecodeError(_NUL_MESSAGE) from None
    return _decode_8bit(raw)


def _decode_8bit(raw: bytes) -> tuple[str, str]:
    """UTF-8, GB18030 or (refereed) another Chinese encoding."""
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as utf8_error:
        first_bad = utf8_error.start
    damaged_utf8 = f"is not valid UTF-8 (first invalid byte at offset {first_bad}); re-save it as UTF-8"
    if _mostly_utf8(raw):
        raise DecodeError(damaged_utf8)
    try:
        gb_text = raw.decode("gb18030")
    except UnicodeDecodeError:
        gb_text = None
    # Big5 byte pairs are also valid GB18030 pairs: when both decode, the referee decides.
    candidates = [name for name in ("gb18030", "big5") if _decodes(raw, name)]
    if len(candidates) == 2:
        best = from_bytes(raw, cp_isolation=candidates).best()
        if best is not None and best.encoding in ("big5", "cp950"):
            return raw.decode("big5"), "BIG5"
    if gb_text is not None:
        utf8_line = _first_utf8_line(raw)
        if utf8_line is not None:
            raise DecodeError(f"mixes encodings: line {utf8_line} is UTF-8 but other lines are not; re-save it as UTF-8")
        return gb_text, "GB18030"
    best = from_bytes(raw, cp_isolation=list(_REFEREE_ENCODINGS)).best()
    if best is not None and best.chaos < _MAX_CHAOS and len(raw) >= _MIN_REFEREE_BYTES:
        return str(best), best.encoding.upper().replace("_", "-")
    raise DecodeError(
        f"is neither valid UTF-8 (first invalid byte at offset {first_bad}) nor GB18030, "
        "and no other Chinese encoding fits; re-save it as UTF-8"
    )


def _first_utf8_line(raw: bytes) -> int | None:
    """The number of the first line holding Chinese text in UTF-8, in a file that is not UTF-8.

    GB18030 accepts most UTF-8 byte sequences, so a file pasted together from a UTF-8 and a
    GBK source decodes "successfully" as GB18030: the UTF-8 part would become mojibake.
    """
    for number, line in enumerate(raw.split(b"\n"), 1):
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if sum(ord(ch) > 0x2E80 for ch in text) >= 3:  # three CJK characters: not chance
            return number
    return None


def _decodes(raw: bytes, codec: str) -> bool:
    try:
        raw.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(raw: bytes) -> bool:
    """A UTF-8 file with a few damaged bytes: never re-read it as another encoding."""
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return bad <= max(2, len(text) // 1000) and len(text) - bad > bad * 10 and any(ord(c) > 127 for c in text if c != "\ufffd")


def _bomless_utf16(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM: it has UTF-16 line breaks, or NULs in every other byte of ASCII text.

    Its byte order is the one that reads as text: Chinese characters and ASCII. Not the side of
    its NULs: the characters U+XX00 (一, 丈, 并 …) put theirs on the other side, and a report with
    more of them than of digits and line ends would be read backwards."""
    if len(raw) % 2 or not raw:
        return None
    if b"\n\x00" not in raw and b"\x00\n" not in raw and raw.count(0) * 4 <= len(raw):
        return None  # a stray NUL in an 8-bit file, not UTF-16
    best: tuple[int, str, str] | None = None
    for codec, name in (("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        # Real text decodes to mostly letters/CJK; a binary blob decodes to a scatter of rare code points.
        plausible = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        if plausible < 0.95 * len(text) or "\x00" in text:
            continue
        readable = len(text) - len(_COMMON_TEXT.sub("", text))
        if best is None or readable > best[0]:
            best = readable, text, name
    return best[1:] if best else None


READER = Reader("txt", (".txt",), read, refuse_head=binary_head)
