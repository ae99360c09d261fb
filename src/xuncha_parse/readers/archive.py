"""ZIP containers (DOCX, OFD) opened within limits: a member count, a size per member and a total,
checked on the central directory before anything is inflated.

``zipfile`` never inflates a member past the size its directory entry declares (it stops there and
then fails the CRC check), so checking the declared sizes bounds what reading can cost.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from . import ReaderError

MiB = 1 << 20
#: at most this many members in one archive (a notice has tens)
MAX_MEMBERS = 10_000
#: at most this many bytes in one member once inflated
MAX_MEMBER_BYTES = 64 * MiB
#: at most this many bytes in all members together once inflated
MAX_TOTAL_BYTES = 128 * MiB
#: at most this many tags ("<") in all XML members together: a library that builds a tree (lxml
#: under python-docx) or an object per element pays per element, and a few MiB of "<w:p/>" inflate
#: to millions of them (the sample notices as .docx hold about 25,000, most in the template's styles;
#: 950,000 empty paragraphs, under the limit, cost `xuncha parse` 166 MiB and 13 s)
MAX_XML_TAGS = 1_000_000
#: the members whose tags are counted
XML_SUFFIXES = (".xml", ".rels")
#: bytes inflated at a time while checking members
READ_CHUNK = 1 << 20


def open_zip(data: bytes, what: str) -> zipfile.ZipFile:
    """The archive, if its directory is readable and within the limits; else ReaderError naming ``what``."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError) as e:
        raise ReaderError(f"corrupt or truncated {what} ({one_line(e)})") from None
    check_sizes(archive.infolist(), what)
    return archive


def check_sizes(members: list[zipfile.ZipInfo], what: str) -> None:
    """Refuse an archive whose directory promises more than the limits (a ZIP bomb)."""
    if len(members) > MAX_MEMBERS:
        raise ReaderError(f"{what} has {len(members)} parts (more than {MAX_MEMBERS}): refused")
    for info in members:
        if info.file_size > MAX_MEMBER_BYTES:
            raise ReaderError(f"{what} part {info.filename} inflates to {info.file_size:,} bytes "
                              f"(more than {MAX_MEMBER_BYTES // MiB} MiB): refused")
    total = sum(info.file_size for info in members)
    if total > MAX_TOTAL_BYTES:
        raise ReaderError(f"{what} inflates to {total:,} bytes (more than {MAX_TOTAL_BYTES // MiB} MiB): refused")


def check_members(archive: zipfile.ZipFile, what: str) -> None:
    """Every member inflates cleanly (its CRC is checked) and the XML members hold at most MAX_XML_TAGS
    tags together; read in chunks, so checking costs a chunk of memory."""
    tags = 0
    for info in archive.infolist():
        tags += _member_tags(archive, info, what)
        if tags > MAX_XML_TAGS:
            raise ReaderError(f"{what} holds more than {MAX_XML_TAGS:,} XML elements (at the part {info.filename}): "
                              "refused")


def _member_tags(archive: zipfile.ZipFile, info: zipfile.ZipInfo, what: str) -> int:
    counted = info.filename.endswith(XML_SUFFIXES)
    tags = 0
    try:
        with archive.open(info) as member:
            while chunk := member.read(READ_CHUNK):
                tags += chunk.count(b"<") if counted else 0
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, zlib.error) as e:
        raise ReaderError(f"corrupt {what} (the part {info.filename} is damaged: {one_line(e)})") from None
    return tags


def read_member(archive: zipfile.ZipFile, name: str, what: str) -> bytes:
    """One member's bytes (within its declared size, CRC checked); ReaderError if missing or damaged."""
    try:
        return archive.read(name)
    except KeyError:
        raise ReaderError(f"{what} has no part {name}") from None
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, zlib.error) as e:
        raise ReaderError(f"corrupt {what} (the part {name} is damaged: {one_line(e)})") from None


def one_line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
