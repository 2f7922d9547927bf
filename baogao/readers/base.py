"""What every reader returns and raises: the contract between a format and the pipeline.

A reader turns one file's bytes into a `Document`; everything after it (clean, parse, enrich,
render, check) sees only the document's text, never the format.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


class ReadError(ValueError):
    """The bytes are not a report this reader can read; the message says why and follows the
    file's name."""


@dataclass(frozen=True)
class Document:
    """A report as its reader found it."""

    text: str  # the whole text, line ends LF
    properties: Mapping[str, str] = field(default_factory=dict)  # what the file says of itself ("encoding" …)
    reader: str = ""  # the name of the reader that made it ("txt"), set by the registry
    # lines the file marks as headings (a .docx's 标题 1/2/3 styles): text → level, 1 outermost;
    # parse makes them headings even without a number
    headings: Mapping[str, int] = field(default_factory=dict)


def _no_objection(head: bytes) -> str | None:
    return None


@dataclass(frozen=True)
class Reader:
    """One format: the names and first bytes it claims, and how it reads them."""

    name: str
    suffixes: tuple[str, ...]  # lower case, with the dot (".txt")
    read: Callable[[bytes], Document]  # raises ReadError
    magic: tuple[bytes, ...] = ()  # signatures at the file's start; a match wins over any suffix
    refuse_head: Callable[[bytes], str | None] = _no_objection  # why a file starting so is not this format
