"""The .doc and .wps reader (Word 97–2003, Kingsoft WPS, Microsoft Works; stage 1), through
LibreOffice.

Runs only for files that start with the OLE2 signature (the container of these formats) or
are named .doc/.wps: LibreOffice (`soffice --headless`, Debian's libreoffice-writer-nogui) is
started for each such file, never for any other format. It converts the file to .docx, which
the .docx reader reads: Word's automatic numbering, heading styles, tables, footnotes and the
document's properties come through as they do for a .docx.

Why LibreOffice: measured on .doc files with Chinese text (README, "Formats"), it kept every
character and the numbering; antiword and catdoc lose the automatic numbers ("一、" is not in
the text runs) and catdoc garbles Chinese. What a missing converter means: a message naming the
package to install, for these files only; the rest of the batch builds.

Before LibreOffice sees a file, its OLE2 directory is read (`olefile`): an encrypted Word
document, or a password-protected .docx (an OLE2 file holding an EncryptedPackage), is refused
with a message, since LibreOffice would wait for a password. LibreOffice runs with its own
throw-away profile (several conversions may run at once), a time limit (killed with its
children) and an address-space limit.
"""

from __future__ import annotations

import io
import os
import resource
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from baogao.readers import docx
from baogao.readers.base import Document, Reader, ReadError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SECONDS = 120
MEMORY_BYTES = 4 * 1024**3  # LibreOffice maps about 1 GB to start
MISSING = ("needs LibreOffice to read .doc/.wps files, and it is not installed: "
           "apt-get install libreoffice-writer-nogui (or save the file as .docx)")
_WORD_IDENT = 0xA5EC  # the first two bytes of a Word 97+ WordDocument stream (its FIB)


def converter() -> str | None:
    """The LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _refuse_encrypted(raw: bytes) -> None:
    import olefile

    try:
        # a file object, never the bytes: olefile takes bytes shorter than 1536 as a file's *name*,
        # so a .doc holding a path had that file of the build machine opened (a FIFO: the build hung)
        ole = olefile.OleFileIO(io.BytesIO(raw))
    except Exception as err:  # olefile raises its own and OSError for a damaged directory
        raise ReadError(f"is a damaged or truncated Word/WPS document: its OLE2 container cannot be read ({err})") from None
    try:
        if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
            raise ReadError("is a password-protected Office document; save a copy without a password")
        if ole.exists("WordDocument"):
            with ole.openstream("WordDocument") as stream:
                fib = stream.read(12)
            if len(fib) >= 12 and int.from_bytes(fib[:2], "little") == _WORD_IDENT and fib[11] & 0x01:
                raise ReadError("is a password-protected Word document; save a copy without a password")
        elif not ole.exists("CONTENTS") and not any(name[0].lower().endswith("document") for name in ole.listdir()):
            kind = ("an Excel workbook" if ole.exists("Workbook") else
                    "a PowerPoint file" if ole.exists("PowerPoint Document") else "not a Word/WPS document")
            raise ReadError(f"is an OLE2 file but {kind}; baogao reads reports (.doc, .wps)")
    finally:
        ole.close()


def _limits() -> None:  # in the child, before LibreOffice starts
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def read(raw: bytes) -> Document:
    _refuse_encrypted(raw)
    command = converter()
    if command is None:
        raise ReadError(MISSING)
    with tempfile.TemporaryDirectory(prefix="baogao-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "report.doc"
        source.write_bytes(raw)
        process = subprocess.Popen(
            [command, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
             "--nolockcheck", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(folder / "out"), str(source)],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
            preexec_fn=_limits, env={**os.environ, "HOME": tmp},
        )
        try:
            output, _ = process.communicate(timeout=SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise ReadError(f"took LibreOffice longer than {SECONDS} s to convert; refused (a hostile or broken file?)") from None
        converted = folder / "out" / "report.docx"
        if process.returncode != 0 or not converted.is_file():
            said = " ".join(output.decode("utf-8", "replace").split())[-200:]
            raise ReadError(f"cannot be read: LibreOffice could not convert it (a damaged or truncated file?): {said}")
        document = docx.read(converted.read_bytes())
    return Document(document.text, {**document.properties, "converter": "LibreOffice"}, headings=document.headings)


READER = Reader("doc", (".doc", ".wps"), read, magic=(OLE2_MAGIC,))
