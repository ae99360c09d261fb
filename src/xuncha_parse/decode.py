"""Stage 1: bytes to text, recording which encoding was used."""
from __future__ import annotations

import codecs
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are not a text notice in any supported encoding."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_bom(data: bytes) -> str | None:
    """The encoding named by a byte-order mark, if there is one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with BOM, else GB18030.

    The BOM is removed; nothing else is changed.  Raises DecodeError for empty
    input, binary data (NUL bytes without a UTF-16 BOM) and undecodable bytes.
    """
    if not data:
        raise DecodeError("empty file")
    bom = sniff_bom(data)
    if bom:
        return Decoded(_strict(data, bom), bom)
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not a text notice")
    for name in ("utf-8", "gb18030"):
        text = _decode_cut(data, name)
        if text is not None:
            return Decoded(text, name)
    raise DecodeError("bytes decode as none of utf-8, utf-16, gb18030")


#: a download cut off inside a character leaves at most this many bytes of it
CUT_TAIL = 3


def _decode_cut(data: bytes, name: str) -> str | None:
    """Decode strictly; a character cut off at the very end (a truncated download) is dropped.

    Without this, a UTF-8 file cut mid-character would fail as UTF-8 and then
    "succeed" as GB18030, as mojibake.
    """
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        cut = e.start if e.start >= len(data) - CUT_TAIL and e.end >= len(data) else None
    if cut is None:
        return None
    try:
        return data[:cut].decode(name)
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, name: str) -> str:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        raise DecodeError(f"invalid {name} data at byte {e.start}") from None
    return text[1:] if text.startswith("\ufeff") else text
