"""How much a PDF's streams inflate to, measured before PDFium sees the file, so that a small file
with a huge content stream (1 MB inflating to 1 GiB) is refused instead of costing gigabytes.

Every ``stream`` keyword in the bytes is tried: the data after it is inflated (through ASCII85 or
ASCIIHex first when the stream's dictionary names them) in chunks that are counted and thrown
away, so measuring costs a chunk of memory, never the stream.  A stream that is not deflated
(JPEG images, plain data) fails to inflate at once and counts nothing.  PDFium inflates a content
stream whole and builds an object per operator (measured: 16 MiB of text operators cost it 270 MB,
64 MiB cost 1 GB), hence a tight limit for streams and a looser one for images, which text
extraction never inflates.
"""
from __future__ import annotations

import base64
import re
import zlib

from . import ReaderError

MiB = 1 << 20
#: at most this many bytes in one stream once inflated (a notice's page content is tens of KiB)
MAX_STREAM_BYTES = 16 * MiB
#: the same for a stream whose dictionary says /Subtype /Image (an A4 page at 300 dpi in RGB is 26 MB)
MAX_IMAGE_BYTES = 64 * MiB
#: at most this many bytes in all streams together once inflated
MAX_TOTAL_BYTES = 512 * MiB
#: the start of a stream's data, e.g. "stream\r\n" (not the end of "endstream")
STREAM_START = re.compile(rb"(?<!end)stream\r?\n")
#: how far before a stream its dictionary is looked for
DICT_WINDOW = 2048
#: inflated bytes produced per step while measuring
STEP = 1 << 20


def check_streams(data: bytes) -> None:
    """Refuse the PDF if one stream, or all together, inflate past the limits."""
    total = 0
    for match in STREAM_START.finditer(data):
        dictionary = _dictionary(data, match.start())
        limit = MAX_IMAGE_BYTES if b"/Image" in dictionary else MAX_STREAM_BYTES
        size = inflated_size(_raw(data, match.end(), dictionary), limit + 1)
        if size > limit:
            raise ReaderError(f"a PDF stream inflates past {limit // MiB} MiB (at byte {match.end()}): refused")
        total += size
        if total > MAX_TOTAL_BYTES:
            raise ReaderError(f"the PDF's streams inflate past {MAX_TOTAL_BYTES // MiB} MiB together: refused")


def _dictionary(data: bytes, start: int) -> bytes:
    """The bytes between the stream's "N 0 obj" and its "stream" keyword (its dictionary)."""
    window = data[max(0, start - DICT_WINDOW): start]
    return window[window.rfind(b"obj") + 1:]


def _raw(data: bytes, start: int, dictionary: bytes) -> bytes | memoryview:
    """The stream's data from ``start``, through an ASCII filter named first, if any."""
    ascii_filter = re.search(rb"/Filter\s*\[?\s*/(ASCII85Decode|A85|ASCIIHexDecode|AHx)\b", dictionary)
    if ascii_filter is None:
        return memoryview(data)[start:]
    end = data.find(b"endstream", start)
    text = data[start: end if end >= 0 else len(data)]
    try:
        if ascii_filter.group(1) in (b"ASCII85Decode", b"A85"):
            return base64.a85decode(text.strip().removesuffix(b"~>"), ignorechars=b" \t\r\n\x0c\x00")
        return bytes.fromhex(re.sub(rb"[^0-9A-Fa-f]", b"", text.split(b">")[0]).decode())
    except ValueError:
        return b""


def inflated_size(raw: bytes | memoryview, limit: int) -> int:
    """How many bytes ``raw`` inflates to (zlib or raw deflate stops at its end), counting at most
    ``limit``; 0 if it is not deflated data."""
    inflater = zlib.decompressobj()
    size, pending = 0, raw[:STEP]
    offset = len(pending)
    try:
        while pending and not inflater.eof and size < limit:
            size += len(inflater.decompress(pending, STEP))
            pending = inflater.unconsumed_tail or raw[offset: offset + STEP]
            offset += 0 if inflater.unconsumed_tail else STEP
    except zlib.error:
        return size
    return size
