"""The plain-text reader: the existing decoder, unchanged."""
from __future__ import annotations

from ..decode import decode_bytes
from . import Extracted


def read_text(data: bytes, name: str | None = None) -> Extracted:
    """Decode a plain-text notice (UTF-8/16/32 with or without BOM, else GB18030)."""
    decoded = decode_bytes(data)
    return Extracted(decoded.text, "text", decoded.encoding, None)
