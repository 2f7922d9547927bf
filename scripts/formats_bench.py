"""Per-format fidelity and speed: every seed and corpus text as .docx, .pdf, .doc and .ofd.

    .venv/bin/python scripts/formats_bench.py [--out /tmp/formats-bench]

Makes the files as the tests do (tests/office_fixtures.py: python-docx with Word numbering, a
running header and page numbers; LibreOffice for .pdf and .doc; the .pdf's layout for .ofd),
reads each with baogao's reader, and prints a Markdown table: characters of the source found in
order (worst, mean), outline as in the .txt, and reading time. The README's "Formats" figures
come from here. The .doc/.wps converters of Debian (antiword, catdoc) are measured on the same
.doc files when installed, for comparison.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.conftest import real_texts  # noqa: E402
from tests.office_fixtures import (  # noqa: E402
    char_fidelity, convert_with_soffice, measure, outline, pdf_to_ofd, report_docx, source_text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/formats-bench"))
    work = parser.parse_args().out
    work.mkdir(parents=True, exist_ok=True)
    sources = real_texts()
    docx = []
    started = time.monotonic()
    for number, source in enumerate(sources):
        path = work / f"{number:03d}.docx"
        path.write_bytes(report_docx(source_text(source), running="某某单位文件"))
        docx.append(path)
    made = {"docx": f"python-docx {time.monotonic() - started:.1f} s"}
    files = {"docx": list(zip(sources, docx))}
    for target in ("pdf", "doc"):
        started = time.monotonic()
        files[target] = list(zip(sources, convert_with_soffice(docx, target, work / target, work / "profile")))
        made[target] = f"LibreOffice {time.monotonic() - started:.1f} s"
    started = time.monotonic()
    files["ofd"] = []
    for source, pdf in files["pdf"]:
        pdf.with_suffix(".ofd").write_bytes(pdf_to_ofd(pdf.read_bytes()))
        files["ofd"].append((source, pdf.with_suffix(".ofd")))
    made["ofd"] = f"from the .pdf {time.monotonic() - started:.1f} s"
    print(f"\n{len(sources)} texts, {sum(len(source_text(s)) for s in sources):,} characters\n")
    print("| format | reader | characters found in order: worst / mean | outline as in the .txt | reading time a file | files made by |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for fmt in ("docx", "pdf", "doc", "ofd"):
        figures = measure(files[fmt], fmt)
        results = figures["results"]
        mean = sum(r[0] for r in results) / len(results)
        print(f"| .{fmt} | {fmt} | {figures['worst'][0]:.2%} / {mean:.3%} | {sum(r[1] for r in results)}/{len(results)} "
              f"| {figures['seconds'] / len(results) * 1000:.0f} ms | {made[fmt]} |")
    for name, command in (("antiword", ["antiword", "-m", "UTF-8.txt", "-w", "0"]), ("catdoc", ["catdoc", "-d", "utf-8", "-w"])):
        if not shutil.which(command[0]):
            continue
        results, seconds = [], 0.0
        for source, path in files["doc"]:
            started = time.monotonic()
            text = subprocess.run([*command, str(path)], capture_output=True).stdout.decode("utf-8", "replace")
            seconds += time.monotonic() - started
            expected = source_text(source)
            results.append((char_fidelity(expected, text), outline(text, source.name) == outline(expected, source.name)))
        print(f"| .doc | {name} (not used) | {min(r[0] for r in results):.2%} / {sum(r[0] for r in results) / len(results):.3%} "
              f"| {sum(r[1] for r in results)}/{len(results)} | {seconds / len(results) * 1000:.0f} ms | |")


if __name__ == "__main__":
    main()
