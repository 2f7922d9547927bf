"""Office files made from known texts with real tools, so that what a reader must extract is known.

- `report_docx`: python-docx; every line a paragraph. A numbered line ("一、", "（一）", "1.",
  "（1）", "①") loses its typed number and gets Word's automatic numbering instead: one
  multi-level list in numbering.xml (一、 > （一） > 1. > （1） > ①, each level restarting
  under the one above), a heading style by level, as a Word user's outline numbering. A line
  whose number does not follow on that way (a list restarted by hand, a typing slip, another
  bracket) keeps its typed number.
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


def report_docx(text: str, title: str = "", created: str = "", running: str = "") -> bytes:
    """A .docx of `text` with Word numbering for its numbered lines (see the module); with
    `running`, that line as every page's header and the page number ("— 3 —") as its footer."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    forms: dict[int, str] = {}  # list level → its lvlText, from the first line numbered at that level
    values: dict[int, int] = {}  # list level → the number Word is at
    numbered: list[tuple] = []  # (paragraph, level)
    for line in text.split("\n"):
        paragraph_style, level, rest = None, None, line
        for index, (kind, pattern, fmt, heading) in enumerate(_KINDS):
            m = pattern.match(line)
            if not m:
                continue
            form = f"{m.group(1)}%{index + 1}{m.group(3)}"
            if forms.setdefault(index, form) == form and _value(kind, m.group(2)) == values.get(index, 0) + 1:
                values[index] = _value(kind, m.group(2))
                for deeper in [lv for lv in values if lv > index]:
                    del values[deeper]  # Word restarts the levels below
                level, rest = index, line[m.end():]
                paragraph_style = f"Heading {heading}" if heading else "List Paragraph"
            break  # else the typed number does not follow on (or is typed another way): it stays typed
        paragraph = document.add_paragraph(rest, style=paragraph_style)
        if level is not None:
            numbered.append((paragraph, level))
    # one multi-level list, as a Word user's outline numbering: 一、 > （一） > 1. > （1） > ①
    levels = "".join(
        f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
        f'<w:lvlText w:val="{forms.get(index, "%" + str(index + 1) + ".")}"/></w:lvl>'
        for index, (_, _, fmt, _) in enumerate(_KINDS))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="10">'
                                  f'<w:multiLevelType w:val="multilevel"/>{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="101"><w:abstractNumId w:val="10"/></w:num>'))
    for paragraph, level in numbered:
        paragraph._p.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="101"/></w:numPr>'))
    if running:
        section = document.sections[0]
        section.header.paragraphs[0].text = running
        footer = section.footer.paragraphs[0]
        footer.add_run("— ")
        footer._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>'))
        footer.add_run(" —")
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
    if not a or a == b:  # equal texts, the usual case, match whole: no quadratic matcher needed
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


def outline(text: str, name: str, styled: dict | None = None) -> list[tuple[int, str]]:
    """The headings parse finds (level, text without white space)."""
    from baogao.clean import clean
    from baogao.parse import parse

    blocks = parse(clean(text).lines, name, styled).blocks
    return [(block.level, "".join(block.text.split())) for block in blocks if block.kind == "heading"]


def measure(pairs: list[tuple[Path, Path]], reader: str) -> dict:
    """Read every (source .txt, file) pair: per-file character fidelity, whether the outline is the
    .txt's, and reading time. Prints one line of figures (the README's "Formats" table)."""
    import time

    from baogao import readers

    results, seconds, chars = [], 0.0, 0
    for source, path in pairs:
        expected = source_text(source)
        raw = path.read_bytes()
        started = time.monotonic()
        document = readers.read(raw, path.name)
        seconds += time.monotonic() - started
        assert document.reader == reader, (path, document.reader)
        chars += len(expected)
        same_outline = outline(document.text, source.name, dict(document.headings)) == outline(expected, source.name)
        results.append((char_fidelity(expected, document.text), same_outline, source.name))
    worst = min(results)
    print(f"\n{reader}: {len(results)} files, {chars:,} characters; fidelity worst {worst[0]:.4%} ({worst[2]}), "
          f"mean {sum(r[0] for r in results) / len(results):.4%}; outline as in the .txt: "
          f"{sum(r[1] for r in results)}/{len(results)}; read in {seconds:.1f} s ({seconds / len(results) * 1000:.0f} ms a file)")
    return {"worst": worst, "results": results, "seconds": seconds}


_OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'
_MM = 25.4 / 72  # PDF points → OFD millimetres


def pdf_to_ofd(pdf: bytes, title: str = "", created: str = "") -> bytes:
    """An OFD (GB/T 33190) of a PDF's text where LibreOffice laid it out: each run of characters
    that pdfium gives in content order on one baseline becomes a TextObject whose TextCode spaces
    the characters by their real advances (DeltaX), as OFD writers do."""
    import zipfile
    from xml.sax.saxutils import escape, quoteattr

    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    parts: dict[str, str] = {}
    pages = []
    for number in range(len(document)):
        page = document[number]
        textpage = page.get_textpage()
        height = page.get_height()
        runs: list[list[tuple[float, float, float, float, str]]] = []
        for index, char in enumerate(textpage.get_text_range()):
            if char in "\r\n\x02\ufffe" or char.isspace():
                if runs and runs[-1]:
                    runs.append([])
                continue
            left, bottom, right, top = textpage.get_charbox(index, loose=True)
            run = runs[-1] if runs else None
            if not run or abs(run[-1][3] - top) > 0.5 or left < run[-1][0]:
                runs.append([])
            runs[-1].append((left, bottom, right, top, char))
        objects = []
        for run in (run for run in runs if run):
            left, top = run[0][0], max(c[3] for c in run)
            size = (top - min(c[1] for c in run)) * _MM
            width = (max(c[2] for c in run) - left) * _MM
            deltas = " ".join(f"{(b[0] - a[0]) * _MM:.3f}" for a, b in zip(run, run[1:]))
            text = "".join(c[4] for c in run)
            objects.append(
                f'<ofd:TextObject ID="{len(objects) + 1}" Boundary="{left * _MM:.3f} {(height - top) * _MM:.3f} {width:.3f} {size:.3f}" '
                f'Font="1" Size="{size:.3f}"><ofd:TextCode X="0" Y="{size * 0.85:.3f}" DeltaX="{deltas}">'
                f"{escape(text)}</ofd:TextCode></ofd:TextObject>")
        parts[f"Doc_0/Pages/Page_{number}/Content.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {_OFD_NS}><ofd:Content><ofd:Layer ID="0">'
            f'{"".join(objects)}</ofd:Layer></ofd:Content></ofd:Page>')
        pages.append(f'<ofd:Page ID="{number + 1}" BaseLoc="Pages/Page_{number}/Content.xml"/>')
    parts["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {_OFD_NS}><ofd:CommonData><ofd:PageArea>'
        f'<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData>'
        f'<ofd:Pages>{"".join(pages)}</ofd:Pages></ofd:Document>')
    info = (f"<ofd:Title>{escape(title)}</ofd:Title>" if title else "") + (
        f"<ofd:CreationDate>{escape(created)}</ofd:CreationDate>" if created else "")
    parts["OFD.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {_OFD_NS} Version="1.0" DocType={quoteattr("OFD")}><ofd:DocBody>'
        f'<ofd:DocInfo><ofd:DocID>0</ofd:DocID>{info}</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>'
        f'</ofd:DocBody></ofd:OFD>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()
