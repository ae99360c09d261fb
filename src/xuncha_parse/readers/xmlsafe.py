"""XML read as a stream of events with the stdlib's expat, safely: any DOCTYPE is refused (so no
entity, internal or external, is ever declared or expanded, and no DTD is fetched), the nesting depth
is bounded, and no tree is built (memory stays with the caller's own records).

Chosen over defusedxml (not a dependency): refusing the DOCTYPE outright is stricter than defusing
its entities, and an OFD or DOCX part never has one.
"""
from __future__ import annotations

from collections.abc import Iterator
from xml.parsers import expat

from . import ReaderError

#: at most this many elements open at once (an OFD page nests about 6 deep)
MAX_DEPTH = 256
#: bytes handed to expat at a time; events are yielded after each chunk
CHUNK = 1 << 16
#: what the element-name callbacks receive: "namespace-uri local-name", split on this
NS_SEPARATOR = " "



class MalformedXML(ReaderError):
    """The part is not well-formed XML (damaged or truncated)."""


def events(data: bytes, what: str) -> Iterator[tuple[str, str, dict[str, str] | str]]:
    """("start", name, attrs), ("text", name, text) and ("end", name, {}) events, names without namespace."""
    pending: list[tuple[str, str, dict[str, str] | str]] = []
    parser = _parser(pending, what)
    try:
        for start in range(0, len(data), CHUNK):
            parser.Parse(data[start: start + CHUNK], False)
            yield from pending
            pending.clear()
        parser.Parse(b"", True)
    except expat.ExpatError as e:
        raise MalformedXML(f"{what} is not well-formed XML ({expat.ErrorString(e.code)}, line {e.lineno})") from None
    yield from pending


def _parser(pending: list[tuple[str, str, dict[str, str] | str]], what: str) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=NS_SEPARATOR)
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = [0]
    names: list[str] = []

    def start(name: str, attrs: dict[str, str]) -> None:
        depth[0] += 1
        if depth[0] > MAX_DEPTH:
            raise ReaderError(f"{what} nests elements more than {MAX_DEPTH} deep: refused")
        names.append(_local(name))
        pending.append(("start", names[-1], {_local(k): v for k, v in attrs.items()}))

    def end(name: str) -> None:
        depth[0] -= 1
        pending.append(("end", names.pop(), {}))

    def text(data: str) -> None:
        pending.append(("text", names[-1] if names else "", data))

    def doctype(*_: object) -> None:
        raise ReaderError(f"{what} declares a DOCTYPE (entities or a DTD): refused")

    parser.StartElementHandler, parser.EndElementHandler = start, end
    parser.CharacterDataHandler, parser.StartDoctypeDeclHandler = text, doctype
    parser.EntityDeclHandler = doctype
    return parser


def _local(name: str) -> str:
    """"http://www.ofdspec.org/2016 TextCode" -> "TextCode"."""
    return name.rpartition(NS_SEPARATOR)[2]
