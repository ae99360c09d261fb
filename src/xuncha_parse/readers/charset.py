"""An HTML page's bytes to text: a BOM, valid UTF-8, the charset a meta tag declares (only a real
page encoding), else GB18030; bytes none of these decodes are refused with where they are."""
from __future__ import annotations

import codecs
import re

from ..decode import decode_cut, refuse_damaged_utf8, sniff_bom
from . import ReaderError

#: a charset declared in a meta tag, either form: <meta charset="gbk">,
#: <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
#: how far into the file a charset declaration is looked for
CHARSET_HEAD = 4096
#: GB2312 and GBK pages are decoded as their superset GB18030 (characters outside GB2312 are common)
GB_ALIASES = {"gb2312", "gbk", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "gb18030", "csgb2312", "euc-cn"}


#: the encodings a browser accepts from a page (the WHATWG Encoding Standard), by Python codec name;
#: a charset outside them (rot13, base64, zlib_codec, uu, unicode_escape, utf-7, ...) is ignored, as a
#: browser ignores it, and the page's bytes are sniffed instead. UTF-16 declared in a meta tag is
#: ignored too (a page in UTF-16 has a BOM; bytes that spell an ASCII meta tag are not UTF-16).
PAGE_ENCODINGS = frozenset({
    "utf-8", "gb18030", "big5", "euc_jp", "iso2022_jp", "shift_jis", "euc_kr", "koi8-r", "koi8-u",
    "cp866", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "cp1258", "mac-roman", "mac-cyrillic", "iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4",
    "iso8859-5", "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14",
    "iso8859-15", "iso8859-16",
})


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding used: BOM, else UTF-8 if the bytes are valid UTF-8, else the
    declared charset, else GB18030 (GB2312/GBK declared or not).  Bytes that none of these decodes
    are refused with where they are, as a text file's are (DecodeError via ReaderError)."""
    bom = sniff_bom(data)
    if bom:
        return _strict(data, bom).removeprefix("\ufeff"), bom
    if not data.isascii() and _is_utf8(data):
        return data.decode("utf-8"), "utf-8"
    refuse_damaged_utf8(data)  # mostly UTF-8 with some bad bytes: refused, never read as GB18030
    declared = declared_charset(data[:CHARSET_HEAD])
    candidates = _candidates(declared)
    for name in candidates:
        text = decode_cut(data, name)
        if text is not None:
            return text, name
    raise ReaderError(_damage(data, declared or _least_damaged(data, candidates)))


def _strict(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        raise ReaderError(_damage(data, name, e.start)) from None


def _least_damaged(data: bytes, names: list[str]) -> str:
    return min(names, key=lambda name: data.decode(name, "replace").count("\ufffd"))


def _damage(data: bytes, name: str, first: int | None = None) -> str:
    """Where the bytes stop being ``name`` and how many characters are bad, on one line."""
    if first is None:
        try:
            data.decode(name)
        except UnicodeDecodeError as e:
            first = e.start
    first = first or 0
    bad = data.decode(name, "replace").count("\ufffd") - data.count("\ufffd".encode())
    line = data.count(b"\n", 0, first) + 1
    return (f"invalid {name} in the page at byte {first} (line {line}), {bad} bad character(s): "
            "lines in another encoding (GBK?) or a damaged page")


def _is_utf8(data: bytes) -> bool:
    """Valid UTF-8 with multibyte characters: a page re-saved as UTF-8 that kept its old
    ``charset=gb2312`` meta (GBK text of any length is almost never valid UTF-8)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_charset(head: bytes) -> str | None:
    """The charset a meta tag declares, normalised (GBK, GB2312 -> gb18030); None if absent, unknown
    or not a page encoding (see PAGE_ENCODINGS)."""
    m = META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower().strip("'\"")
    if name in GB_ALIASES:
        return "gb18030"
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    return codec if codec in PAGE_ENCODINGS else None


def _candidates(declared: str | None) -> list[str]:
    sniffed = ["utf-8", "gb18030"]
    return [declared] + [n for n in sniffed if n != declared] if declared else sniffed
