"""Which reader a file needs, judged by its content; the extension is only a hint, and text inside
a page cannot pass for a format marker."""
from __future__ import annotations

import io
import re
import zipfile

from ..decode import sniff_bom
from . import ReaderError

#: a PDF starts with this (some writers put a few bytes of junk before it)
PDF_MAGIC = b"%PDF-"
#: a ZIP archive (DOCX, also new-style WPS) starts with a local file header
ZIP_MAGIC = b"PK\x03\x04"
#: an OLE2 compound file: legacy Word .doc, old WPS .wps, .xls ...
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the last line of a PDF (searched for in the last KiB when junk precedes the magic)
PDF_END = b"%%EOF"
#: the root part of an OFD package (GB/T 33190), which a DOCX never has
OFD_ROOT = "OFD.xml"
#: how far into the file the PDF magic and the HTML markers are looked for
HEAD = 1024

#: the start of an HTML document, after whitespace and comments, e.g. "<!DOCTYPE html>", "<html lang=zh>"
HTML_START = re.compile(rb"^(?:\s|<!--.*?-->)*<(?:!doctype\s+html|html|head|meta|title|body)\b", re.I | re.S)
#: an HTML tag anywhere near the start, e.g. "<p>", "<div class=...>", "<br/>"
HTML_TAG = re.compile(rb"<(?:p|div|br|table|span|font|h[1-6])\b[^>]*>", re.I)
#: file extensions that hint at HTML, e.g. "notice.shtml"
HTML_EXTENSIONS = (".html", ".htm", ".shtml", ".xhtml", ".jsp", ".asp", ".aspx", ".php")

#: legacy formats named by extension, for the error message
LEGACY_NAMES = {".doc": "legacy Word .doc", ".wps": "WPS .wps", ".et": "WPS spreadsheet"}


def sniff_format(data: bytes, name: str | None = None) -> str:
    """One of "pdf", "ofd", "docx", "legacy" (.doc/.wps), "html", "text"; ReaderError for an empty file."""
    if not data:
        raise ReaderError("empty file")
    if data.startswith(ZIP_MAGIC):
        return _zip_format(data)
    if data.startswith(OLE_MAGIC):
        return "legacy"
    if _is_pdf(data):
        return "pdf"
    return "html" if _looks_html(data, name) else "text"


def _is_pdf(data: bytes) -> bool:
    """``%PDF-`` at the start, or after junk in the first KiB when the file also ends as a PDF
    (``%%EOF``) and does not start as an HTML page: a page that mentions "%PDF-" stays a page."""
    at = data.find(PDF_MAGIC, 0, HEAD)
    if at < 0:
        return False
    if not data[:at].strip(b" \t\r\n\x00\xef\xbb\xbf"):
        return True
    return PDF_END in data[-HEAD:] and not HTML_START.match(_ascii_head(data))


def _zip_format(data: bytes) -> str:
    """"ofd" for a ZIP whose root holds OFD.xml, else "docx" (whose reader reports a damaged ZIP)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, EOFError, ValueError):
        return "docx"
    return "ofd" if OFD_ROOT in names else "docx"


def legacy_message(name: str | None) -> str:
    """The error for an OLE file (legacy .doc or .wps) when LibreOffice is not installed."""
    what = LEGACY_NAMES.get(_extension(name), "legacy Word .doc/.wps (OLE2)")
    target = name or "FILE"
    return (f"{what} file needs LibreOffice, which is not installed (no soffice on PATH): install it, "
            f"or convert it with: libreoffice --headless --convert-to docx {target}")


def _looks_html(data: bytes, name: str | None) -> bool:
    head = _ascii_head(data)
    if HTML_START.match(head):
        return True
    return _extension(name) in HTML_EXTENSIONS and HTML_TAG.search(head) is not None


def _ascii_head(data: bytes) -> bytes:
    """The first bytes with a UTF-8 BOM dropped and UTF-16 narrowed, enough to match ASCII markup."""
    bom = sniff_bom(data)
    head = data[: HEAD * 4]
    if bom in ("utf-16", "utf-32"):
        return head.decode(bom, "ignore").encode("ascii", "ignore")
    return head[3:] if bom == "utf-8-sig" else head


def _extension(name: str | None) -> str:
    if not name or "." not in name:
        return ""
    return "." + name.rsplit(".", 1)[1].lower()
