"""Legacy Word ``.doc`` and WPS ``.wps`` files (OLE2 compound files): converted to DOCX by LibreOffice
when it is installed, then read by the DOCX reader; refused, saying so, when it is not.

The conversion runs ``soffice --headless --convert-to docx`` in a private temporary folder with a
private LibreOffice profile (``-env:UserInstallation``: a running LibreOffice of the user's is neither
used nor disturbed), in a session of its own so that a timeout ends every process it started.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from . import Extracted, ReaderError
from .archive import MAX_TOTAL_BYTES
from .sniff import legacy_message

#: the LibreOffice command names looked for on PATH, in this order
SOFFICE_NAMES = ("soffice", "libreoffice")
#: a conversion taking longer than this is stopped and the file refused
CONVERT_SECONDS = 120


def read_legacy(data: bytes, name: str | None = None) -> Extracted:
    """The text of a .doc/.wps file through LibreOffice; ReaderError naming LibreOffice if it is absent."""
    soffice = find_soffice()
    if soffice is None:
        raise ReaderError(legacy_message(name))
    from .docx import read_docx

    return read_docx(convert_to_docx(data, soffice, name), name)


def find_soffice() -> str | None:
    """The LibreOffice command on PATH, if any."""
    return next((path for path in map(shutil.which, SOFFICE_NAMES) if path), None)


def convert_to_docx(data: bytes, soffice: str, name: str | None) -> bytes:
    """The DOCX LibreOffice makes of the bytes, within CONVERT_SECONDS and MAX_TOTAL_BYTES."""
    suffix = ".wps" if (name or "").lower().endswith(".wps") else ".doc"
    with tempfile.TemporaryDirectory(prefix="xuncha-soffice-") as folder:
        source = Path(folder, "notice" + suffix)
        source.write_bytes(data)
        _run(soffice, source, Path(folder))
        return _converted(Path(folder, "notice.docx"), name)


def _run(soffice: str, source: Path, folder: Path) -> None:
    command = [soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "docx", "--outdir", str(folder), str(source)]
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        process.wait(timeout=CONVERT_SECONDS)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        raise ReaderError(f"LibreOffice did not convert the file within {CONVERT_SECONDS} s: refused") from None


def _converted(path: Path, name: str | None) -> bytes:
    if not path.is_file():
        raise ReaderError(f"LibreOffice could not convert {name or 'the file'} to .docx (damaged or not a document?)")
    if path.stat().st_size > MAX_TOTAL_BYTES:
        raise ReaderError(f"the .docx LibreOffice made of {name or 'the file'} is too large: refused")
    return path.read_bytes()
