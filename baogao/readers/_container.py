"""Opening a zipped format (.docx, .ofd) without trusting it: bounded parts, inert XML.

Used by the readers of ZIP-based formats while they read one file. A hostile file gets a
ReadError naming what is wrong, never unbounded memory or time:

- a part is inflated in chunks and refused once it passes MAX_PART_BYTES, whatever its header
  claims (a zip bomb's 10 KB part that expands to gigabytes stops at the limit), and the parts
  one file opens add up to at most MAX_TOTAL_BYTES;
- an encrypted member (ZIP's own password protection) is named as such;
- XML is parsed by defusedxml with DTDs forbidden: no entity of any kind is expanded (billion
  laughs) and nothing outside the file is fetched (external entities, XXE).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from baogao.readers.base import ReadError

# A report's XML is a few MB at most (a 300-page .docx: about 10 MB of document.xml).
MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 20_000
_CHUNK = 1024 * 1024


class Zipped:
    """A ZIP container opened for reading parts by name; `what` names the format in messages."""

    def __init__(self, raw: bytes, what: str) -> None:
        self.what = what
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(raw))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError) as err:
            raise ReadError(f"is a damaged or truncated {what}: not a readable ZIP file ({err}); "
                            "open it and save it again") from None
        if len(infos) > MAX_MEMBERS:
            raise ReadError(f"is not a {what}: its ZIP container holds {len(infos):,} parts")
        self._infos = {info.filename: info for info in infos}

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The inflated bytes of part `name` (ReadError when missing, encrypted, damaged or too large)."""
        info = self._infos.get(name)
        if info is None:
            raise ReadError(f"is not a {self.what}: it lacks its part {name}")
        if info.flag_bits & 0x1:
            raise ReadError(f"is password-protected ({name} is encrypted); save a copy without a password")
        limit = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self._read_total)
        chunks, size = [], 0
        try:
            with self._zip.open(info) as part:
                while chunk := part.read(_CHUNK):
                    size += len(chunk)
                    if size > limit:
                        raise ReadError(
                            f"is not a {self.what} baogao reads: its part {name} expands beyond "
                            f"{limit // 2**20} MiB (a zip bomb?)"
                        )
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as err:
            raise ReadError(f"is a damaged or truncated {self.what}: its part {name} cannot be read ({err})") from None
        self._read_total += size
        return b"".join(chunks)

    def xml(self, name: str) -> Element:
        """Part `name` parsed as XML (see `parse_xml`)."""
        return parse_xml(self.read(name), f"{self.what} part {name}")


def parse_xml(data: bytes, where: str) -> Element:
    """XML with no DTD: no entity is expanded, nothing outside is fetched."""
    try:
        return fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as err:
        raise ReadError(f"has a {where} with a DTD or entities ({type(err).__name__}); refused, "
                        "as office programs never write them") from None
    except ParseError as err:
        raise ReadError(f"is damaged: its {where} is not well-formed XML ({err})") from None
