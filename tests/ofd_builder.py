"""A small OFD (GB/T 33190) writer for the tests: OFD.xml -> Doc_0/Document.xml -> one
Doc_0/Pages/Page_N/Content.xml per page, text as TextObject/TextCode with positions in mm.

Pages are laid out as the PDF samples are (title centred in a larger size, body hard-wrapped at 32
characters, 32 lines a page, a running header and a page number), and written in one of three
styles found in OFD files: "line" (a TextObject per line, DeltaX compressed as "g N d"), "glyph" (a
TextObject per character, as some printers write) and "shuffled" (line objects written in an order
that is not the reading order, so only positions give the order).
"""
from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

from readers_samples import PDF_HEADER, split_title

NS = "http://www.ofdspec.org/2016"
#: page size (A4) and layout in mm
WIDTH, HEIGHT, LEFT, TOP, PITCH = 210.0, 297.0, 25.0, 25.0, 7.0
BODY_SIZE, TITLE_SIZE, SMALL_SIZE = 4.9, 7.0, 3.5
PER_PAGE, WIDTH_CHARS, TITLE_CHARS = 32, 32, 22


def ofd_xml() -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>")


def document_xml(count: int) -> str:
    pages = "".join(f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(count))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
            f"<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {WIDTH} {HEIGHT}"
            f"</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>")


def text_object(x: float, y: float, size: float, text: str, ident: int) -> str:
    """A TextObject whose Boundary starts at (x, y - size) and whose one TextCode sits on baseline y."""
    delta = f' DeltaX="g {len(text) - 1} {size}"' if len(text) > 1 else ""
    return (f'<ofd:TextObject ID="{ident}" Boundary="{x} {y - size} {size * len(text)} {size * 1.2}" '
            f'Font="1" Size="{size}"><ofd:TextCode X="0" Y="{size}"{delta}>{escape(text)}</ofd:TextCode>'
            "</ofd:TextObject>")


def page_items(heading: list[str], lines: list[str], number: str) -> list[tuple[float, float, float, str]]:
    """(x, baseline y, size, text) of every line on a page: header, title, body, page number."""
    items = [(WIDTH / 2 - SMALL_SIZE * len(PDF_HEADER) / 2, 12.0, SMALL_SIZE, PDF_HEADER)]
    items += [(WIDTH / 2 - TITLE_SIZE * len(t) / 2, TOP + 10 * i, TITLE_SIZE, t) for i, t in enumerate(heading)]
    top = TOP + (10 * len(heading) + 6 if heading else 0)
    items += [(LEFT, top + PITCH * i, BODY_SIZE, line) for i, line in enumerate(lines)]
    items.append((WIDTH / 2 - SMALL_SIZE * len(number) / 2, HEIGHT - 12, SMALL_SIZE, number))
    return items


def content_xml(items: list[tuple[float, float, float, str]], style: str) -> str:
    if style == "glyph":
        items = [(x + size * k, y, size, ch) for x, y, size, text in items for k, ch in enumerate(text)]
    if style == "shuffled":
        items = items[1::2][::-1] + items[0::2]
    objects = "".join(text_object(x, y, size, text, i + 100) for i, (x, y, size, text) in enumerate(items))
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{objects}</ofd:Layer></ofd:Content></ofd:Page>')


def _wrap(line: str, width: int) -> list[str]:
    return [line[i: i + width] for i in range(0, len(line), width)] or [""]


def ofd_bytes(lines: list[str], title: str | None = None, style: str = "line") -> bytes:
    """An OFD of the lines, laid out as the PDF samples are, in the given style."""
    title_lines, body = split_title(lines, title)
    heading = [piece for line in title_lines for piece in _wrap(line.strip(), TITLE_CHARS)]
    wrapped = [piece for line in body for piece in _wrap(line.strip(), WIDTH_CHARS)]
    pages = [wrapped[i: i + PER_PAGE] for i in range(0, len(wrapped), PER_PAGE)] or [[]]
    parts = {"OFD.xml": ofd_xml(), "Doc_0/Document.xml": document_xml(len(pages))}
    for n, page in enumerate(pages):
        items = page_items(heading if n == 0 else [], page, f"- {n + 1} -")
        parts[f"Doc_0/Pages/Page_{n}/Content.xml"] = content_xml(items, style)
    return package(parts)


def package(parts: dict[str, str | bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data.encode() if isinstance(data, str) else data)
    return out.getvalue()


def page_of(objects: str) -> str:
    """A page's Content.xml holding the given TextObject elements."""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
            f'<ofd:Layer ID="2">{objects}</ofd:Layer></ofd:Content></ofd:Page>')


def one_page_ofd(objects: str) -> bytes:
    """A one-page OFD whose page holds the given TextObject elements."""
    return package({"OFD.xml": ofd_xml(), "Doc_0/Document.xml": document_xml(1),
                    "Doc_0/Pages/Page_0/Content.xml": page_of(objects)})

