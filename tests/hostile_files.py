"""Attack files for tests/test_hostile.py, made in memory in well under a second each: ZIP and
deflate bombs (a 2 GiB part in a 2 MB file), PDFs with a looping page tree or a 1 GiB content
stream, HTML pages that nest deeply or lie about their charset.

A bomb is a run of one repeated chunk: each chunk is deflated after a full flush, which resets
the compressor, so every chunk after the first deflates to the same bytes and the stream is those
bytes repeated (the checksums are still computed over the real inflated data).
"""
from __future__ import annotations

import struct
import zlib
from functools import lru_cache

MiB = 1 << 20
CHUNK = b" " * MiB  # white space: valid inside XML and in a PDF content stream


@lru_cache(maxsize=None)
def deflated_run(prefix: bytes, total: int, wbits: int) -> tuple[bytes, int, int]:
    """(deflated bytes, CRC-32 or Adler-32 of the inflated data, inflated size) for ``prefix``
    followed by white space up to ``total`` bytes; wbits -15 is raw deflate (ZIP), 15 is zlib (PDF)."""
    count = (total - len(prefix)) // len(CHUNK)
    compressor = zlib.compressobj(9, zlib.DEFLATED, wbits)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    first = compressor.compress(CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert again == compressor.compress(CHUNK) + compressor.flush(zlib.Z_FULL_FLUSH)
    check = zlib.crc32 if wbits < 0 else zlib.adler32
    value = check(prefix, 0 if wbits < 0 else 1)
    for _ in range(count):
        value = check(CHUNK, value)
    body = head + first + again * (count - 1)
    tail = compressor.flush()  # the final block (and, for zlib, a checksum we replace)
    if wbits > 0:
        tail = tail[:-4] + struct.pack(">I", value)
    return body + tail, value, len(prefix) + count * len(CHUNK)


def zip_archive(parts: dict[str, bytes], bomb: tuple[str, bytes, int] | None = None,
                declared: int | None = None) -> bytes:
    """A ZIP of the parts (deflated), plus ``bomb``: (name, XML prefix, inflated size), whose directory
    entry says ``declared`` bytes instead of the true size when given (a directory that lies)."""
    entries = [(name, *_deflate(data)) for name, data in parts.items()]
    if bomb is not None:
        name, prefix, total = bomb
        data, crc, size = deflated_run(prefix, total, -15)
        entries.append((name, data, crc, size if declared is None else declared))
    return _zip(entries)


def _deflate(data: bytes) -> tuple[bytes, int, int]:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)


def _zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """Local headers and data, the central directory, the end record (no ZIP64: sizes < 4 GiB)."""
    out, directory = bytearray(), bytearray()
    for name, data, crc, size in entries:
        encoded = name.encode()
        fields = struct.pack("<HHHHHIIIHH", 20, 0, 8, 0, 0x21, crc, len(data), size, len(encoded), 0)
        directory += struct.pack("<IH", 0x02014B50, 20) + fields + struct.pack("<HHHII", 0, 0, 0, 0, len(out))
        directory += encoded
        out += struct.pack("<I", 0x04034B50) + fields + encoded + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(directory), len(out), 0)
    return bytes(out + directory + end)


def pdf_document(objects: list[bytes]) -> bytes:
    """A PDF of the numbered objects (1 0 obj ...), with a correct xref table; object 1 is the catalog."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_with_content_stream(inflated: int) -> bytes:
    """One page whose deflated content stream inflates to ``inflated`` bytes (text, then spaces)."""
    stream, _, _ = deflated_run(b"BT /F1 12 Tf 72 700 Td (notice) Tj ET\n", inflated, 15)
    return pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


def pdf_with_ascii85_content_stream(inflated: int) -> bytes:
    """As pdf_with_content_stream, the deflated stream further encoded in ASCII85 (as reportlab writes)."""
    import base64

    stream = base64.a85encode(deflated_run(b"BT /F1 12 Tf 72 700 Td (notice) Tj ET\n", inflated, 15)[0],
                              wrapcol=72) + b"~>"
    return pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter [ /ASCII85Decode /FlateDecode ] >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
    ])


def pdf_looping_page_tree() -> bytes:
    """A page tree whose root lists itself among its kids."""
    return pdf_document([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ])


def pdf_pages(count: int) -> bytes:
    """A PDF of ``count`` empty pages."""
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(count))
    pages = [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * count
    return pdf_document([b"<< /Type /Catalog /Pages 2 0 R >>",
                         b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count), *pages])
