"""The PDF reader: the text layer page by page (pypdfium2), without running headers, footers and
page numbers.  Wrapped lines stay lines: the parser's rejoin stage joins them."""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

from . import MAX_PAGES, Extracted, ReaderError

#: a page-number line, e.g. "- 3 -", "—3—", "第3页 共5页", "第 3 页", "3/5", "3", "Page 3 of 5"
PAGE_NUMBER = re.compile(
    r"^(?:[-—–－~·\s]*\d{1,4}[-—–－~·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|(?:page\s*)?\d{1,4}\s*of\s*\d{1,4})$", re.I)
#: how many lines at the top and at the bottom of a page can be a running header or footer
EDGE_LINES = 3
#: a line at the edge of at least this share of the pages (and of two pages or more) is a running line
RUNNING_SHARE = 0.5
#: control characters pdfium leaves in text (soft hyphens as \x02, form feeds ...), not \t or \n
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def read_pdf(data: bytes, name: str | None = None) -> Extracted:
    """The text of a PDF's text layer, one line per text line, without running headers and footers."""
    pages = page_lines(data)
    if not any(line.strip() for lines in pages for line in lines):
        raise ReaderError("no text layer (scanned PDF?); OCR is not supported")
    kept = drop_running_lines(pages)
    text = "\n".join(line for lines in kept for line in lines)
    return Extracted(text + "\n", "pdf", "binary", None)


def page_lines(data: bytes) -> list[list[str]]:
    """Each page's text lines, stripped, empty ones dropped.  Streams are measured first (see
    pdfbounds), the page count is bounded, and any PDFium failure becomes one ReaderError line."""
    import pypdfium2 as pdfium

    from .pdfbounds import check_streams
    from .pdffonts import install

    check_streams(data)
    install()  # non-embedded CJK fonts measured without the machine's fonts (see pdffonts)
    pdf = _open(data, pdfium)
    try:
        return [_lines(_page_text(pdf, i)) for i in range(_page_count(pdf))]
    except pdfium.PdfiumError as e:
        raise ReaderError(f"not a readable PDF ({_reason(e)})") from None
    finally:
        pdf.close()


def _page_count(pdf: Any) -> int:
    count = len(pdf)
    if count > MAX_PAGES:
        raise ReaderError(f"the PDF has {count} pages (more than {MAX_PAGES}): refused")
    return count


def _open(data: bytes, pdfium: Any) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if "password" in str(e).lower():
            raise ReaderError("encrypted PDF (a password is needed to open it); decrypt it first") from None
        raise ReaderError(f"not a readable PDF ({_reason(e)})") from None


def _reason(error: Exception) -> str:
    """pdfium's own words, e.g. "Data format error", on one line."""
    m = re.search(r"PDFium: ([^)]+)", str(error))
    return " ".join((m.group(1) if m else str(error)).split()) or type(error).__name__


def _page_text(pdf: Any, index: int) -> str:
    page = pdf[index]
    textpage = page.get_textpage()
    try:
        text: str = textpage.get_text_range()
        return text
    finally:
        textpage.close()
        page.close()


def _lines(text: str) -> list[str]:
    lines = (CONTROL.sub("", line).strip() for line in text.replace("\r\n", "\n").split("\n"))
    return [line for line in lines if line]


def drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """The pages without page numbers and lines repeated at the top or bottom of most pages."""
    running = running_lines(pages)
    return [[line for i, line in enumerate(lines) if not _is_furniture(line, i, len(lines), running)]
            for lines in pages]


def running_lines(pages: list[list[str]]) -> set[str]:
    """Edge lines (digits masked) found on at least half of the pages, and on two pages or more."""
    if len(pages) < 2:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_mask(line) for line in _edges(lines)})
    need = max(2, RUNNING_SHARE * len(pages))
    return {line for line, n in seen.items() if n >= need}


def _edges(lines: list[str]) -> list[str]:
    return lines[:EDGE_LINES] + lines[-EDGE_LINES:] if len(lines) > 2 * EDGE_LINES else lines


def _is_furniture(line: str, index: int, count: int, running: set[str]) -> bool:
    at_edge = index < EDGE_LINES or index >= count - EDGE_LINES
    return at_edge and (PAGE_NUMBER.match(line) is not None or _mask(line) in running)


def _mask(line: str) -> str:
    """The line with digits masked and spaces removed, so "第2页 共7页" and "第3页 共7页" are one line."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line))
