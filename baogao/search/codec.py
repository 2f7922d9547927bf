"""The encodings both indexes (search, 查重) write and read: LEB128 varints, and files that are
scripts calling `ENGINE.load(name, payload)` with a packed payload (raw deflate, 7 bits a
character), which load from file:// too. Whole files are deflated by libdeflate (`packed`), the
pieces of a stream to be joined by zlib (`raw_piece`); both are read by any inflater (zlib here,
DecompressionStream("deflate-raw") in the browser).

Imported by the index writers at build time and by the readers at query time; it imports
nothing of baogao, so `baogao similar` starts without loading the build's modules.
"""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import deflate
import numpy as np

SEARCH_ENGINE = "baogaoSearch"  # the browser engine's global, which every search index file calls


def encode_varints(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """LEB128 bytes of all values (below 2^63), and each value's byte length. A row of bytes per
    value, as many as the largest needs, in the smallest unsigned type that holds them; the
    bytes a value has are picked row by row (most values of an index fit in one byte)."""
    values = np.asarray(values)
    top = int(values.max(initial=0))
    width = max(1, -(-top.bit_length() // 7))
    values = values.astype(np.uint32 if top < 1 << 32 else np.uint64)
    more = [values >= 1 << (7 * group) for group in range(1, width)]  # whether a value has byte `group`
    rows = np.empty((len(values), width), np.uint8)
    has = np.empty((len(values), width), bool)
    has[:, 0] = True
    for group in range(width):
        rows[:, group] = (values >> (7 * group)) & 0x7F
        if group + 1 < width:
            rows[:, group] |= more[group].view(np.uint8) << np.uint8(7)
            has[:, group + 1] = more[group]
    length = np.ones(len(values), np.int64)
    for reached in more:
        length += reached
    return rows[has], length


def varint_bytes(values: Iterable[int]) -> bytes:
    """The LEB128 bytes `encode_varints` gives, of a few values in plain Python: for the heads of
    files and chunks, thousands of calls where numpy's cost per call would be most of the work."""
    out = bytearray()
    for value in values:
        while value >= 0x80:
            out.append(value & 0x7F | 0x80)
            value >>= 7
        out.append(value)
    return bytes(out)


def json_bytes(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


# Characters that cannot stand as themselves in a JS string literal (NUL is kept out for tools).
_ESCAPED = (0x00, 0x0A, 0x0D, 0x22, 0x5C)
# An escape is the character 0x80 + 128 · (its group's place in _ESCAPED) + the group it carries,
# or 0x80 + 128 · (len(_ESCAPED) + that place) when no group is left to carry. Per 7-bit group:
# 0, or the first of its escape's two UTF-8 bytes when it carries a group below 64 (+1 from 64).
_ESCAPE_LEAD = np.zeros(128, np.uint8)
_ESCAPE_LEAD[list(_ESCAPED)] = 0xC2 + 2 * np.arange(len(_ESCAPED))
_GROUP_SHIFTS = np.arange(49, -1, -7, dtype=np.uint64)  # the 8 groups of 7 bytes read as a 56-bit number


# libdeflate's level for `packed`: on the postings of 10 000 reports, as small as zlib's level 9
# (209.34 MB) in 2.6 times less CPU; its levels 10–12 save 2.6–3 % of the bytes for 2.8–5.7 times
# level 8's CPU (notes/incremental-builds.md, "Deflate by libdeflate").
PACK_LEVEL = 8


def packed(data: bytes) -> bytes:
    """Raw deflate (libdeflate, PACK_LEVEL), then 7 bits per character ("base-122"): 8/7 of the
    deflated size, where base64 would take 4/3. Each 7-bit group is one ASCII character; a group that
    cannot stand in a JS string (`_ESCAPED`) becomes a 2-byte character that also carries the
    next group, so every byte of the file holds 7 bits. Browsers inflate with
    DecompressionStream("deflate-raw"), also from file:// (see baogao-search.js `unpack`), and
    Python with zlib: any valid raw deflate stream reads the same. Deterministic for a given
    libdeflate (deflate==0.8.1 pins it). Returns the text's UTF-8, the bytes its file holds."""
    return _to_utf8(bytes(deflate.deflate_compress(data, PACK_LEVEL)))


def unpacked(text: str) -> bytes:
    return zlib.decompress(_from_text(text), -15)


# Pieces of one deflate stream. A browser pays ~2 ms to start an inflate stream, so an engine that
# loads a thousand small files inflates them at once: `piece` deflates each file's data on its
# own and ends it with a sync flush (no final block) and empty stored blocks up to a multiple of
# 7 bytes, so that its 7-bit text is whole groups; the texts of any pieces, joined and followed by
# PIECES_END (a final empty block), are the text of one deflate stream of their data in turn.
_EMPTY_STORED = b"\x00\x00\x00\xff\xff"  # after a flush: a non-final stored block of no bytes


def raw_piece(data: bytes) -> bytes:
    """`data` deflated alone and sync-flushed (no final block): the bytes of any such pieces,
    joined and followed by PIECE_END_BYTES, are one deflate stream of their data in turn (the
    text store's segments, read by byte ranges, are these; `piece` is their 7-bit text). By
    zlib: libdeflate always ends a stream with a final block, whose end bit it does not give, so
    that making it a sync flush needs an inflate to check; on pieces of a few KB (text chunks,
    查重's key blocks and rows) that costs more than libdeflate saves (notes/incremental-builds.md, "Deflate by libdeflate")."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


PIECE_END_BYTES = b"\x03\x00"  # a final fixed-Huffman block of no bytes
SYNC_FLUSH_END = b"\x00\x00\xff\xff"  # how every raw_piece ends: the empty stored block of its sync flush


def packed_piece(raw: bytes) -> bytes:
    """A `raw_piece` ended (PIECE_END_BYTES), 7 bits a character: what `packed` gives for its
    data, from the deflated bytes already at hand (a text-store chunk is deflated once, for its
    script and for its segment)."""
    return _to_utf8(raw + PIECE_END_BYTES)


def piece(data: bytes) -> str:
    """`data` as a piece (see above): one or more to be joined, ended by PIECES_END."""
    raw = raw_piece(data)
    return _to_text(raw + _EMPTY_STORED * (-len(raw) * 3 % 7))  # 5 · 3 ≡ 1 (mod 7)


def unpieced(text: str) -> bytes:
    """The data of one piece; ValueError for a text that is not whole 7-byte groups (cut short)."""
    raw = _from_text(text)
    if len(raw) % 7:
        raise ValueError("not a whole piece")
    return zlib.decompressobj(-15).decompress(raw)


def _to_text(data: bytes) -> str:
    return _to_utf8(data).decode("utf-8")


def _to_utf8(data: bytes) -> bytes:
    """The 7-bit text of `data` (see `packed`) as UTF-8. Thousands of files of a few KB each per
    build: few numpy passes, of bytes. Seven bytes are eight groups; an escape and the group it
    carries, two groups, become its character's two UTF-8 bytes in their place."""
    rows = -(-len(data) // 7)
    words = np.zeros((rows, 8), np.uint8)  # each row a big-endian uint64: a zero byte, then 7 bytes of data
    words[:, 1:] = np.frombuffer(data + bytes(rows * 7 - len(data)), np.uint8).reshape(rows, 7)
    groups = ((words.view(">u8") >> _GROUP_SHIFTS) & np.uint64(0x7F)).astype(np.uint8).ravel()[:-(-len(data) * 8 // 7)]
    lead = _ESCAPE_LEAD[groups]
    at = np.flatnonzero(lead)
    if not len(at):
        return groups.tobytes()
    # A group carried by the escape before it is not an escape itself: in a run of consecutive
    # groups that need one, the 1st, 3rd, 5th … are escapes, each carrying the group after it.
    rank = np.arange(len(at))
    run_start = np.ones(len(at), bool)
    run_start[1:] = np.diff(at) != 1
    at = at[(rank - np.maximum.accumulate(np.where(run_start, rank, 0))) % 2 == 0]
    end = b""
    if at[-1] == len(groups) - 1:  # an escape with no group after it
        end = bytes([int(lead[at[-1]]) + 2 * len(_ESCAPED), 0x80])
        at, groups = at[:-1], groups[:-1]
    carried = groups[at + 1]
    groups[at] = lead[at] + (carried >> 6)
    groups[at + 1] = carried & 0x3F | 0x80
    return groups.tobytes() + end


PIECES_END = _to_text(PIECE_END_BYTES)


def _from_text(text: str) -> bytes:
    codes = np.frombuffer(text.encode("utf-32-le"), "<u4").astype(np.int64)
    escaped = codes >= 0x80
    kind = np.where(escaped, (codes - 0x80) >> 7, 0)
    paired = escaped & (kind < len(_ESCAPED))
    width = 1 + paired
    start = np.cumsum(width) - width
    groups = np.empty(int(width.sum()), np.int64)
    groups[start] = np.where(escaped, np.array(_ESCAPED)[kind % len(_ESCAPED)], codes)
    groups[start[paired] + 1] = (codes[paired] - 0x80) & 127
    bits = np.unpackbits(groups.astype(np.uint8)[:, None], axis=1)[:, 1:].ravel()  # each group's 7 bits
    return np.packbits(bits[: len(bits) // 8 * 8]).tobytes()


_FRAME = struct.Struct("<II")


def frame(body: bytes, key: str) -> bytes:
    """A payload that checks itself: `body` after its length and CRC-32 (little-endian uint32
    each), the CRC taken over `key` then `body`. The search index keys each file by its build's
    version and its own name, so a file of another build, or under another name, is damaged
    like a truncated or altered one (baogao-search.js `framed` reads it the same way)."""
    return _FRAME.pack(len(body), zlib.crc32(body, zlib.crc32(key.encode("utf-8")))) + body


def unframe(data: bytes, key: str) -> bytes | None:
    """The body of a `frame`d payload; None when its length or CRC-32 (under `key`) differs."""
    if len(data) < _FRAME.size:
        return None
    body = data[_FRAME.size:]
    if _FRAME.unpack_from(data) != (len(body), zlib.crc32(body, zlib.crc32(key.encode("utf-8")))):
        return None
    return body


def write_packed(root: Path, name: str, data: bytes, engine: str = SEARCH_ENGINE) -> None:
    """Write `data` packed as root/NAME.js."""
    write_script(root / f"{name}.js", name, packed(data), engine)


# json.dumps's escapes of the control characters that may stand raw in a JS string (not NUL, LF, CR)
_RAW_CONTROL = re.compile(r"(?<!\\)\\u00(0[1-9b-cB-Ce-fE-F]|1[0-9a-fA-F])")


def write_script(path: Path, name: str, payload: Any, engine: str = SEARCH_ENGINE) -> None:
    """An `ENGINE.load(name, payload);` file (the browser engine's global: baogaoSearch, or the
    查重 engine's): a packed text (str, or its UTF-8 bytes) as it is, anything else as JSON."""
    if isinstance(payload, bytes):
        body = b'"' + payload + b'"'  # packed: no character in it needs escaping (see `packed`)
    elif isinstance(payload, str):
        body = f'"{payload}"'.encode("utf-8")
    else:
        # "</script" cannot occur in JSON produced from our data once "<" is escaped. Control
        # characters stay raw (legal in a JS string; read_script reads JSON with strict=False):
        # packed strings inside (the manifest's checks) would grow 2.3-fold as \u00XX escapes.
        body = _RAW_CONTROL.sub(lambda m: chr(int(m.group(1), 16)),
                                json.dumps(payload, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
                                ).encode("utf-8")
    data = b"%s.load(%s,%s);\n" % (engine.encode(), json.dumps(name).encode(), body)
    # opened first, its folder made when missing: thousands of files share a few folders
    try:
        file = open(path, "wb")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        file = open(path, "wb")
    with file:
        file.write(data)


def read_script(path: Path) -> Any:
    """Payload of an index file (`ENGINE.load(name, payload);`, see index.write_script)."""
    text = path.read_text(encoding="utf-8")
    start = text.index(",", text.index("(")) + 1
    return json.loads(text[start: text.rindex(");")], strict=False)  # packed strings hold raw control characters


def varint_array(data: bytes) -> np.ndarray:
    """Decode LEB128 varints into an int64 array (vectorised: postings of common characters are long)."""
    raw = np.frombuffer(data, np.uint8).astype(np.uint64)
    ends = np.flatnonzero(raw < 128)
    if not len(ends):
        return np.zeros(0, np.int64)
    starts = np.concatenate(([0], ends[:-1] + 1))
    shift = np.arange(len(raw), dtype=np.uint64) - np.repeat(starts, ends - starts + 1).astype(np.uint64)
    return np.add.reduceat((raw & np.uint64(127)) << (np.uint64(7) * shift), starts).astype(np.int64)


def decode_varints(data: bytes) -> list[int]:
    """Decode LEB128 varints."""
    return varint_array(data).tolist()
