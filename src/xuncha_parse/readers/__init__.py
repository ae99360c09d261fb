"""Readers: one per input format (plain text, HTML, PDF, DOCX, OFD), each turning bytes into the
notice's text, in front of the parser.

``read(data, name)`` sniffs the format from the content (magic bytes, ``<html``), using the file
name's extension only as a hint, and hands the bytes to that format's reader: the module named for
the format, whose ``read_<format>(data, name)`` returns an ``Extracted``.  This module imports
no heavy library: each format's module imports its library inside its functions, and the
plain-text path does not import the HTML, PDF or DOCX modules at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Callable

from ..decode import DecodeError

__all__ = ["Extracted", "ReaderError", "read", "FORMATS", "MAX_PAGES"]

#: the formats ``read`` knows, in the order the sniffer tries them
FORMATS = ("pdf", "ofd", "docx", "html", "text")
#: a PDF or OFD document with more pages than this is refused (a notice has a few, a long one 40)
MAX_PAGES = 2000


class ReaderError(DecodeError):
    """The bytes are not a notice this reader can read (one clear line, mapped by the CLI)."""


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str  # the notice's text; every span of the parse indexes THIS string
    format: str  # "text" | "html" | "pdf" | "docx" | "ofd"
    encoding: str  # what the bytes were decoded as ("utf-8", "gb18030", "binary", ...)
    page: dict[str, str | None] | None  # HTML only: title, published, source, site, column, url (str | None)


def read(data: bytes, name: str | None = None) -> Extracted:
    """The notice's text from the bytes of a text, HTML, PDF or DOCX file."""
    from .sniff import sniff_format

    name = None if name is None else str(name)  # a pathlib.Path works too
    fmt = sniff_format(data, name)
    module = import_module(f".{fmt}", __name__)  # only the reader this format needs is imported
    reader: Callable[[bytes, str | None], Extracted] = getattr(module, f"read_{fmt}")
    return reader(data, name)
