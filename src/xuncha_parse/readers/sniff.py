"""Which reader a file needs, judged by its content; the extension is only a hint."""
from __future__ import annotations

import re

from ..decode import sniff_bom
from . import ReaderError

#: a PDF starts with this (some writers put a few bytes of junk before it)
PDF_MAGIC = b"%PDF-"
#: a ZIP archive (DOCX, also new-style WPS) starts with a local file header
ZIP_MAGIC = b"PK\x03\x04"
#: an OLE2 compound file: legacy Word .doc, old WPS .wps, .xls ...
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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
    """One of "pdf", "docx", "html", "text"; raises ReaderError for formats no reader handles."""
    if not data:
        raise ReaderError("empty file")
    if PDF_MAGIC in data[:HEAD]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "docx"
    if data.startswith(OLE_MAGIC):
        raise ReaderError(legacy_message(name))
    return "html" if _looks_html(data, name) else "text"


def legacy_message(name: str | None) -> str:
    """The error for an OLE file (legacy .doc or .wps), naming the format and the conversion."""
    what = LEGACY_NAMES.get(_extension(name), "legacy Word .doc/.wps (OLE2)")
    target = name or "FILE"
    return f"{what} file is not supported; convert it with: libreoffice --headless --convert-to docx {target}"


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
