"""Office files made from known texts with real tools, so that what a reader must extract is known.

- `report_docx`: python-docx; every line a paragraph. A numbered line ("一、", "（一）", "1.",
  "（1）", "①") loses its typed number and gets Word's automatic numbering instead (numbering
  definitions in numbering.xml, one list per kind of number, restarted where the typed numbers
  restart, a heading style by kind), as a Word user's document has it. A line whose number does
  not follow on (a typing slip, a quoted list) keeps its typed number, as Word would.
- `convert_with_soffice`: LibreOffice headless (Debian's libreoffice-writer-nogui), many files in
  one run: .docx → .pdf (fonts-noto-cjk for the Chinese glyphs), .docx → .doc.
- `char_fidelity`: the share of a source's characters that a reader's text holds, in order
  (white space aside), the figure of issue 15 (≥ 99.5 %).
"""

from __future__ import annotations

import difflib
import io
import re
import shutil
import subprocess
from pathlib import Path

from baogao.readers import txt

_CN = "一二三四五六七八九十"
# (kind, pattern with groups before-number, number, after-number), the numFmt, heading level
_KINDS = (
    ("cn", re.compile(rf"^()([{_CN}]+)([、.．])"), "chineseCounting", 1),
    ("paren_cn", re.compile(rf"^([（(])([{_CN}]+)([）)])"), "chineseCounting", 2),
    ("arabic", re.compile(r"^()(\d{1,2})([、.．])(?!\d)"), "decimal", 3),
    ("paren_arabic", re.compile(r"^([（(])(\d{1,2})([）)])"), "decimal", 0),
    ("circled", re.compile("^()([①②③④⑤⑥⑦⑧⑨⑩])()"), "decimalEnclosedCircle", 0),
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def _value(kind: str, number: str) -> int:
    if kind == "circled":
        return _CIRCLED.index(number) + 1
    if number.isdigit():
        return int(number)
    if number == "十":
        return 10
    tens, _, ones = number.rpartition("十")
    if "十" not in number:
        return _CN.index(number) + 1
    return (_CN.index(tens) + 1 if tens else 1) * 10 + (_CN.index(ones) + 1 if ones else 0)


def source_text(path: Path) -> str:
    """A .txt report as the .txt reader reads it, with the two controls XML cannot hold as spaces."""
    return txt.read(path.read_bytes()).text.replace("\x0b", " ").replace("\x0c", " ")


def report_docx(text: str, title: str = "", created: str = "") -> bytes:
    """A .docx of `text` with Word numbering for its numbered lines (see the module)."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    lists: dict[tuple[str, str], tuple[int, int]] = {}  # (kind, lvlText) → (abstractNumId, expected next)
    current: dict[tuple[str, str], int] = {}  # → numId in use
    next_id = [100]

    def new_num(abstract_id: int) -> int:
        next_id[0] += 1
        numbering.append(parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{next_id[0]}"><w:abstractNumId w:val="{abstract_id}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
        return next_id[0]

    for line in text.split("\n"):
        paragraph_style, num_id, rest = None, None, line
        for kind, pattern, fmt, heading in _KINDS:
            m = pattern.match(line)
            if not m:
                continue
            key = (kind, f"{m.group(1)}%1{m.group(3)}")
            value = _value(kind, m.group(2))
            if key not in lists:
                abstract_id = 10 + len(lists)
                # abstractNum elements come before num elements in numbering.xml
                numbering.insert(len(numbering.findall(f"{{{numbering.nsmap['w']}}}abstractNum")), parse_xml(
                    f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="singleLevel"/>'
                    f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
                    f'<w:lvlText w:val="{key[1]}"/></w:lvl></w:abstractNum>'))
                lists[key] = (abstract_id, 1)
            abstract_id, expected = lists[key]
            if value == 1:
                current[key] = new_num(abstract_id)
            elif value != expected or key not in current:
                break  # the typed number does not follow on: it stays typed
            lists[key] = (abstract_id, value + 1)
            num_id, rest = current[key], line[m.end():]
            paragraph_style = f"Heading {heading}" if heading else "List Paragraph"
            break
        paragraph = document.add_paragraph(rest, style=paragraph_style)
        if num_id is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    if title:
        document.core_properties.title = title
    if created:
        import datetime

        document.core_properties.created = datetime.datetime.fromisoformat(created)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def soffice() -> str | None:
    return shutil.which("soffice")


def convert_with_soffice(sources: list[Path], target: str, out: Path, profile: Path, timeout: int = 900) -> list[Path]:
    """LibreOffice headless: every file of `sources` into `out` as `target` ("pdf", "doc"), one
    run; returns the converted files in the order of `sources`."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [soffice() or "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--convert-to", target, "--outdir", str(out), *map(str, sources)],
        check=True, capture_output=True, timeout=timeout,
    )
    return [out / f"{source.stem}.{target}" for source in sources]


def char_fidelity(expected: str, got: str) -> float:
    """The share of `expected`'s characters found in `got` in the same order, white space aside."""
    a, b = "".join(expected.split()), "".join(got.split())
    if not a:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def make_docx(body: str, *, numbering: str = "", styles: str = "", footnotes: str = "", core: str = "",
              extra: dict[str, bytes] | None = None) -> bytes:
    """A .docx written part by part: `body` is the inside of w:body; the other parts, when given,
    are the inside of their root element. For XML a library would not write (tracked changes,
    footnotes, hostile parts)."""
    import zipfile

    parts = {"word/document.xml": f'<w:document {W_NS}><w:body>{body}</w:body></w:document>'}
    rels = []
    for name, kind, inside, root in (("numbering", "numbering", numbering, "numbering"),
                                     ("styles", "styles", styles, "styles"),
                                     ("footnotes", "footnotes", footnotes, "footnotes")):
        if inside:
            parts[f"word/{name}.xml"] = f"<w:{root} {W_NS}>{inside}</w:{root}>"
            rels.append(f'<Relationship Id="r{name}" Type="{_REL_TYPE}{kind}" Target="{name}.xml"/>')
    parts["word/_rels/document.xml.rels"] = f'<Relationships xmlns="{_RELS_NS}">{"".join(rels)}</Relationships>'
    package_rels = [f'<Relationship Id="r1" Type="{_REL_TYPE}officeDocument" Target="word/document.xml"/>']
    if core:
        parts["docProps/core.xml"] = (
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">'
            f"{core}</cp:coreProperties>")
        package_rels.append('<Relationship Id="r2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
                            'metadata/core-properties" Target="docProps/core.xml"/>')
    parts["_rels/.rels"] = f'<Relationships xmlns="{_RELS_NS}">{"".join(package_rels)}</Relationships>'
    parts["[Content_Types].xml"] = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in {**parts, **(extra or {})}.items():
            package.writestr(name, data)
    return buffer.getvalue()


def p(text: str, ppr: str = "") -> str:
    """A paragraph of one run."""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>"
