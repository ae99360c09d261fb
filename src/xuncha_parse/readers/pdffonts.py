"""A stand-in font for non-embedded CJK fonts, so that a PDF's text does not depend on the fonts
installed on the machine.

Why: PDFium's text page skips every text object narrower than 0.01 pt
(``CPDF_TextPage::ProcessTextObject``), and it measures a text object from the glyph boxes of the
font it loaded.  A non-embedded CJK font (reportlab's ``STSong-Light``, ``SimSun``, ``FangSong_GB2312``:
common in government PDFs) is loaded from the system; on a machine without CJK fonts every glyph
box is empty, so a text object of one character (a ``。`` wrapped onto a line of its own, or every
character of a PDF drawn one glyph at a time) has no width and its text is lost.  The characters
themselves come from the PDF's CMap and the CID-to-Unicode tables built into PDFium, never from the
font, so any font with non-empty glyph boxes gives the same text.

What: a tiny TrueType font (built here, 376 bytes) whose every code point is a 1000-unit box,
handed to PDFium for every CJK charset request through ``FPDF_SetSystemFontInfo``; every other
request goes to PDFium's own system-font lookup, unchanged.  The text is then the same on every
machine.  The cost: a program that also *renders* PDFs with pypdfium2 in the same process draws
boxes for non-embedded CJK fonts (xuncha renders nothing).
"""
from __future__ import annotations

import ctypes
import struct
from typing import Any

#: Windows charset numbers PDFium asks for with CJK fonts: Shift-JIS, Hangul, GB2312, Big5
CJK_CHARSETS = frozenset({128, 129, 134, 136})
#: the face name PDFium caches the stand-in under
FACE_NAME = b"XunchaCJKBox\0"
#: the stand-in's glyph box in font units (em 1000), as a CJK ideograph's: x 0..1000, y -120..880
BOX = (0, -120, 1000, 880)

_installed: list[Any] = []  # the FPDF_SYSFONTINFO and its callbacks, kept alive for the process


def install() -> None:
    """Route PDFium's CJK font requests to the stand-in font (once per process)."""
    if not _installed:
        import pypdfium2.raw as pdfium_c

        _installed.append(_FontInfo(pdfium_c))


def box_font() -> bytes:
    """A TrueType font of two box glyphs (.notdef and one glyph every code point maps to)."""
    glyph = _box_glyph()
    x0, y0, x1, y1 = BOX
    tables = {
        b"cmap": struct.pack(">4HI", 0, 1, 3, 10, 12)  # one Unicode full-repertoire table ...
        + struct.pack(">2H3I", 13, 0, 28, 0, 1) + struct.pack(">3I", 0, 0x10FFFF, 1),  # ... all -> glyph 1
        b"glyf": glyph * 2,
        b"head": struct.pack(">4I2H2q4h2H3h", 0x10000, 0x10000, 0, 0x5F0F3CF5, 0, 1000, 0, 0,
                             x0, y0, x1, y1, 0, 8, 2, 0, 0),
        b"hhea": struct.pack(">I3hH11hH", 0x10000, y1, y0, 0, 1000, 0, 0, 1000, 1, 0, 0, 0, 0, 0, 0, 0, 2),
        b"hmtx": struct.pack(">HhHh", 1000, 0, 1000, 0),
        b"loca": struct.pack(">3H", 0, len(glyph) // 2, len(glyph)),
        b"maxp": struct.pack(">I14H", 0x10000, 2, 4, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0),
    }
    return _sfnt(tables)


def _box_glyph() -> bytes:
    """One contour of four on-curve points around BOX, coordinates as 16-bit deltas."""
    x0, y0, x1, y1 = BOX
    header = struct.pack(">5h2H", 1, x0, y0, x1, y1, 3, 0) + bytes([1, 1, 1, 1])
    points = struct.pack(">8h", x0, 0, x1 - x0, 0, y0, y1 - y0, 0, y0 - y1)
    data = header + points
    return data + b"\0" * (-len(data) % 4)


def _sfnt(tables: dict[bytes, bytes]) -> bytes:
    """The font file: the table directory (sorted tags, checksums) and the tables, 4-byte aligned."""
    count = len(tables)
    directory = struct.pack(">I4H", 0x10000, count, 32, 2, count * 16 - 32)
    offset, body = 12 + 16 * count, b""
    for tag in sorted(tables):
        data = tables[tag] + b"\0" * (-len(tables[tag]) % 4)
        checksum = sum(struct.unpack(f">{len(data) // 4}I", data)) & 0xFFFFFFFF
        directory += tag + struct.pack(">3I", checksum, offset + len(body), len(tables[tag]))
        body += data
    return directory + body


class _FontInfo:
    """An FPDF_SYSFONTINFO that answers CJK requests with the stand-in and passes the rest to PDFium's
    default system-font lookup."""

    def __init__(self, pdfium_c: Any) -> None:
        data = box_font()
        self.font = ctypes.create_string_buffer(data, len(data))
        self.handle = ctypes.addressof(self.font)  # never a handle of the default lookup's
        self.default = pdfium_c.FPDF_GetDefaultSystemFontInfo()
        self.info = pdfium_c.FPDF_SYSFONTINFO()
        self.info.version = 1
        kinds = dict(pdfium_c.FPDF_SYSFONTINFO._fields_)
        for name in ("Release", "EnumFonts", "MapFont", "GetFont", "GetFontData", "GetFaceName",
                     "GetFontCharset", "DeleteFont"):
            setattr(self.info, name, kinds[name](getattr(self, name)))
        pdfium_c.FPDF_SetSystemFontInfo(ctypes.byref(self.info))

    def Release(self, this: Any) -> None:  # noqa: N802 (PDFium's callback names)
        return None

    def EnumFonts(self, this: Any, mapper: Any) -> None:  # noqa: N802
        self.default.contents.EnumFonts(self.default, mapper)

    def MapFont(self, this: Any, weight: int, italic: int, charset: int, pitch: int,  # noqa: N802
                face: Any, exact: Any) -> Any:
        if charset in CJK_CHARSETS:
            return self.handle
        return self.default.contents.MapFont(self.default, weight, italic, charset, pitch, face, exact)

    def GetFont(self, this: Any, face: Any) -> Any:  # noqa: N802
        return self.default.contents.GetFont(self.default, face)

    def GetFontData(self, this: Any, handle: Any, table: int, buffer: Any, size: int) -> int:  # noqa: N802
        if handle != self.handle:
            return int(self.default.contents.GetFontData(self.default, handle, table, buffer, size))
        return self._copy(self.font.raw, buffer, size) if table == 0 else 0  # the whole file; no TTC

    def GetFaceName(self, this: Any, handle: Any, buffer: Any, size: int) -> int:  # noqa: N802
        if handle != self.handle:
            return int(self.default.contents.GetFaceName(self.default, handle, buffer, size))
        return self._copy(FACE_NAME, buffer, size)

    def GetFontCharset(self, this: Any, handle: Any) -> int:  # noqa: N802
        if handle != self.handle:
            return int(self.default.contents.GetFontCharset(self.default, handle))
        return 134  # GB2312; PDFium takes the CID font's own ordering from the PDF

    def DeleteFont(self, this: Any, handle: Any) -> None:  # noqa: N802
        if handle != self.handle:
            self.default.contents.DeleteFont(self.default, handle)

    @staticmethod
    def _copy(data: bytes, buffer: Any, size: int) -> int:
        """PDFium's protocol: the needed size is returned; the bytes are copied if they fit."""
        if buffer and size >= len(data):
            ctypes.memmove(buffer, data, len(data))
        return len(data)
