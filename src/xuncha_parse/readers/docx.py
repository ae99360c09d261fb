"""The DOCX reader (python-docx): paragraphs and tables in document order; a table row is one
line with its cells joined by a tab."""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from . import Extracted, ReaderError
from .archive import check_members, open_zip, read_member
from .xmlsafe import MalformedXML, events

#: the part every Word document has; a ZIP without it is some other kind of archive
DOCUMENT_PART = "word/document.xml"
#: WordprocessingML element names (namespace-qualified, as lxml spells them)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PARA, TABLE, SDT, SDT_CONTENT = f"{W}p", f"{W}tbl", f"{W}sdt", f"{W}sdtContent"


def read_docx(data: bytes, name: str | None = None) -> Extracted:
    """The text of a .docx: one line per paragraph (a line break inside one stays a line break),
    one line per table row."""
    document = _open(data, name)
    lines = list(body_lines(document))
    if not any(line.strip() for line in lines):
        raise ReaderError("the .docx document has no text")
    return Extracted("\n".join(lines) + "\n", "docx", "binary", None)


def _open(data: bytes, name: str | None) -> Any:
    import docx

    _check_archive(data, name)
    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, KeyError, ValueError, zlib.error, SyntaxError) as e:
        # SyntaxError: lxml's XMLSyntaxError, a damaged XML part
        raise ReaderError(f"corrupt or truncated .docx ({_one_line(e)})") from None


def _check_archive(data: bytes, name: str | None) -> None:
    """A ZIP within the size limits, holding word/document.xml whose root is w:document, all of
    whose parts pass their CRC check, with at most MAX_XML_TAGS XML elements in all."""
    with open_zip(data, ".docx") as archive:
        if DOCUMENT_PART not in archive.namelist():
            raise ReaderError(f"{name or 'the file'} is a ZIP archive but not a Word .docx (no {DOCUMENT_PART})")
        check_members(archive, ".docx")
        _check_root(read_member(archive, DOCUMENT_PART, ".docx"))


def _check_root(document: bytes) -> None:
    """The main part's first element is w:document (streamed: no tree is built, no DOCTYPE allowed)."""
    try:
        first = next((local for kind, local, _ in events(document, DOCUMENT_PART) if kind == "start"), None)
    except MalformedXML as e:
        raise ReaderError(f"corrupt or truncated .docx ({e})") from None
    if first != "document":
        found = f"<{first}>" if first else "no element"
        raise ReaderError(f"not a Word .docx: {DOCUMENT_PART} holds {found}, not <w:document>")


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__


def body_lines(document: Any) -> Iterator[str]:
    """The body's paragraphs and table rows, in document order."""
    yield from _block_lines(document.element.body, document)


def _block_lines(element: Any, parent: Any) -> Iterator[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == PARA:
            yield Paragraph(child, parent).text
        elif child.tag == TABLE:
            yield from table_lines(Table(child, parent))
        elif child.tag == SDT:
            for content in child.iterchildren(SDT_CONTENT):
                yield from _block_lines(content, parent)


def table_lines(table: Any) -> Iterator[str]:
    """One line per row: the row's cells (a merged cell once) joined by a tab."""
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_cell_text(cell))
        yield "\t".join(cells)


def _cell_text(cell: Any) -> str:
    """A cell's paragraphs (and nested tables' rows) joined by a space, with no tab or line break left."""
    parts = [line for line in _block_lines(cell._tc, cell) if line.strip()]
    return " ".join(parts).replace("\t", " ").replace("\n", " ")
