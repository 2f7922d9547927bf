"""Readers: a report file's bytes → a `Document` (its text, its properties, the reader's name).

Runs first for every report: `baogao.sources` asks `suffixes()` which files are reports and
`refuse_head` whether a file's first bytes rule it out before it is read whole;
`baogao.convert.convert_report` calls `read`. Everything after reading sees only the text.

A reader is chosen by content first, then by name: a file whose first bytes match a reader's
magic goes to that reader whatever its suffix (a .docx saved as .txt is read as a .docx); when
several readers share a magic (.docx and .ofd are both ZIP files), the one of the file's suffix
wins, else the first listed. Any other file goes to the reader of its suffix, which may still
refuse it from its head (a PNG called .txt is named as such by the .txt reader).

Adding a format is one reader module and its tests: write `baogao/readers/FORMAT.py` ending in
`READER = Reader(name, suffixes, read, magic=…)` (see `baogao.readers.base`), add it to
READERS below, and test it with its own fixtures and hostile files; `tests/test_readers.py`
shows a reader registered in a test flowing through `convert_report` to a page.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from baogao.readers import doc, docx, ofd, pdf, txt
from baogao.readers.base import Document, Reader, ReadError

__all__ = ["READERS", "Document", "ReadError", "Reader", "read", "refuse_head", "suffixes"]

# The registry: every format baogao reads, in the order their magic is tried.
READERS: tuple[Reader, ...] = (docx.READER, ofd.READER, pdf.READER, doc.READER, txt.READER)


def suffixes() -> frozenset[str]:
    """The suffixes (lower case, with the dot) of the files that are reports."""
    return frozenset(suffix for reader in READERS for suffix in reader.suffixes)


def reader_for(name: str, head: bytes) -> Reader:
    """The reader of a file called `name` whose bytes start with `head`; ReadError when none claims it."""
    suffix = Path(name).suffix.lower()
    by_magic = [reader for reader in READERS if any(head.startswith(magic) for magic in reader.magic)]
    if by_magic:
        return next((reader for reader in by_magic if suffix in reader.suffixes), by_magic[0])
    for reader in READERS:
        if suffix in reader.suffixes:
            return reader
    raise ReadError(f"is not a report format baogao reads ({', '.join(sorted(suffixes()))})")


def refuse_head(name: str, head: bytes) -> str | None:
    """Why a file called `name` whose first bytes are `head` cannot be read, or None when only
    reading it whole can tell."""
    try:
        return reader_for(name, head).refuse_head(head)
    except ReadError as err:
        return str(err)


def read(source: Path | bytes, name: str = "") -> Document:
    """Read a report: a path, or its bytes and its `name` (a path in the reports folder, for the
    suffix). Raises ReadError, or OSError for a path that cannot be read."""
    if isinstance(source, Path):
        name, source = name or source.name, source.read_bytes()
    reader = reader_for(name, source)
    try:
        document = reader.read(source)
    except ReadError:
        plain = _plain_text(name, reader, source)
        if plain:
            raise ReadError(plain) from None
        raise
    return replace(document, reader=reader.name)


def _plain_text(name: str, reader: Reader, raw: bytes) -> str | None:
    """Why a file its suffix gave to a reader of a binary format (.docx, .pdf …), which could not
    read it, is a text file renamed (its reader would call it damaged); None when it is not text."""
    if not reader.magic or any(raw.startswith(magic) for magic in reader.magic):
        return None  # a text format, or a file of this format, damaged
    suffix = Path(name).suffix.lower()
    kind = _markup_kind(_head_text(raw[:_MARKUP_HEAD]))
    if kind:  # renamed to .txt, the page would show its tags or control words: it has to be saved again
        return f"is {kind}, not a {suffix} document: open it in Word or WPS and save it as .docx (or download it again)"
    try:
        decoded = txt.decode(raw)
    except ReadError:
        return None
    return f"is plain text ({decoded.encoding}), not a {suffix} document: if it is a report, rename it to .txt"


_MARKUP_HEAD = 2000  # bytes looked at for a markup format's opening (ASCII, after a BOM or blank lines)
# (a pattern of the head, lower case; what the file is): what offices save under a Word or PDF name — a page saved
# from a government site (IE's <!-- saved from url=… --> first, or <head> with no <html>), Chrome's or IE's MHT
# (From: <Saved by Blink>, then MIME-Version:), an RTF file, Word 2003's XML
_MARKUP_KINDS = (
    (re.compile(r"^\s*\{\\rtf"), "an RTF document"),
    (re.compile(r"^(?:from: <saved by [^>\n]*>\s*)?(?:[a-z-]+: [^\n]*\n)*mime-version:", re.MULTILINE), "a web archive (MHT)"),
    (re.compile(r"<(?:!doctype html|html|head|body)\b"), "a web page (HTML)"),
    (re.compile(r"^\s*<\?xml"), "an XML document (Word 2003 XML or a web page)"),
)


def _markup_kind(head: str) -> str | None:
    """What a text file given a Word or PDF suffix is when it is markup, from its first _MARKUP_HEAD bytes."""
    lowered = head.lstrip("\ufeff").replace("\r\n", "\n").lower()
    return next((kind for pattern, kind in _MARKUP_KINDS if pattern.search(lowered)), None)


def _head_text(head: bytes) -> str:
    """The head of a file as text for `_markup_kind`: UTF-16 by its byte-order mark, else UTF-8 (or ASCII) as far as it goes."""
    for bom, encoding in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:len(head) - len(head) % 2].decode(encoding, "ignore")
    return head.decode("utf-8", "ignore")
