"""The values that flow between the pipeline stages (decode → clean → parse → enrich → render)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Decoded:
    """A report's text after decoding: line ends normalised to LF."""

    text: str
    encoding: str


@dataclass(frozen=True)
class Cleaned:
    """Report lines with clutter removed; `removed` counts what went, by kind; `posted` the day
    (ISO 8601) a web page's own label says it was posted (发布时间：2023-05-16 10:22), kept or not; `source`
    what the page's labels removed name as its source (来源：宣恩县人社局　发布时间：…)."""

    lines: tuple[str, ...]
    removed: dict[str, int] = field(default_factory=dict)
    posted: str = ""
    source: str = ""


@dataclass(frozen=True)
class Block:
    """One unit of the report body.

    kind is "heading" (level 2..6, shown in the TOC), "article" (a 第X条 paragraph with an
    anchor) or "paragraph". `outline_only`: a heading of the outline that opens no section of its
    own for the themes (baogao.themes.split_sections reads it as a paragraph): a sentence sub-head
    inside a numbered part, the title of the document a notice issues, an 附件 line — their words
    are the text's, not the topic of what follows them.
    """

    kind: str
    text: str
    level: int = 0
    anchor: str = ""
    outline_only: bool = False


@dataclass(frozen=True)
class ParsedReport:
    """Title and body blocks of one report.

    `title_in_text` is False when the title was not taken from the text's title line (file
    name, a 信息公开 table's 文件名称 cell or a repost's credit line (原标题：…) — `title_in_fields`, its line kept whole in the
    blocks — or inferred), so the text starts with the first block. `subtitle` is the text of a
    ——subtitle line under the title (that line stays the first block). `masthead` and `issue`
    name a bulletin and its issue (政务信息, 2023年第12期) when a masthead stands above the title.
    """

    title: str
    title_inferred: bool
    title_in_text: bool
    blocks: tuple[Block, ...]
    removed: dict[str, int] = field(default_factory=dict)
    subtitle: str = ""
    title_in_fields: bool = False
    masthead: str = ""
    issue: str = ""

    @property
    def title_source(self) -> str:
        """Where the title came from: "text", "fields", "filename" or "inferred"."""
        if self.title_in_text:
            return "text"
        return "fields" if self.title_in_fields else ("inferred" if self.title_inferred else "filename")

    def text(self) -> str:
        """The report's kept text, one line per title/block, for fidelity checks and search."""
        lines = [self.title] if self.title_in_text else []
        lines.extend(block.text for block in self.blocks)
        return "\n".join(lines)
