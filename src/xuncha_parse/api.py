"""The library: ``parse_text(text) -> Notice``, pure, no I/O.

Stages: decode (``decode.py``) → view and lines (``text.py``) → tokens
(``tokens.py``) → paragraphs (``paragraphs.py``) → tree and parts
(``tree.py``, ``document.py``) → fields (``problems.py``, ``meta.py``,
``contacts.py``, ``entities.py``) → models (``models.py``).
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict

from .decode import decode_bytes
from .fields import meta
from .fields.checks import diagnostics
from .fields.contacts import find_contacts
from .fields.dates import YearContext, resolve_dates
from .fields.entities import find_entities
from .fields.outline import sections
from .fields.preamble import read_preamble
from .fields.problems import find_problems
from .layout.document import Document, read_document
from .layout.text import Piece, piece_span


def parse_bytes(data: bytes, path: str | None = None):
    """Decode and parse a notice's bytes into a validated Notice; raises DecodeError for bad input."""
    from .outputs.models import Notice

    return Notice.model_validate(bytes_to_dict(data, path))


def bytes_to_dict(data: bytes, path: str | None = None) -> dict:
    """Decode and parse a notice's bytes into a plain dict (the one path from bytes for the library,
    ``parse`` and ``batch``, so ``source`` always hashes and counts the bytes as given)."""
    decoded = decode_bytes(data)
    return parse_to_dict(decoded.text, path, decoded.encoding, raw=data)


def parse_text(text: str, path: str | None = None, encoding: str = "utf-8", raw: bytes | None = None):
    """Parse decoded text into a validated Notice model."""
    from .outputs.models import Notice

    return Notice.model_validate(parse_to_dict(text, path, encoding, raw))


def parse_to_dict(text: str, path: str | None = None, encoding: str = "utf-8", raw: bytes | None = None) -> dict:
    """Parse decoded text into a plain dict of the Notice shape."""
    doc = read_document(text)
    pre = read_preamble(doc.preamble, _chrome(doc))
    intro = Piece.join([t.piece for t in pre.intro]) if pre.intro else None
    signature = read_signature(doc)
    issuer = meta.issuer(pre.title, signature["org"] if signature else None)
    inspection = meta.inspection(intro, pre.title, issuer)
    found = find_problems(doc.root, doc.source)
    problems = [p for _, p, _ in found]
    _add_entities(found, doc, intro)
    problem_spans = {id(n): p["span"] for n, p, _ in found}
    outside = _outside_problems(doc, problem_spans)
    declared = meta.declared("".join(p.view for p in outside))
    closing = [t.piece for t in doc.closing + doc.signature] or outside
    notice = {
        "schema_version": "1",
        "source": _source_info(doc, text, path, encoding, raw),
        "title": pre.title.text if pre.title else None,
        "issuer": issuer,
        "addressee": pre.addressee.text if pre.addressee else None,
        "inspection": inspection,
        "declared": declared,
        "sections": sections(doc, problem_spans),
        "problems": problems,
        "contacts": find_contacts(closing, doc.source),
        "publicity": meta.publicity(Piece.join(closing) if closing else None),
        "signature": signature,
    }
    page_title_line = doc.source.line_of(pre.title.srcs[0]) if pre.title_from_page else None
    notice["diagnostics"] = [asdict(d) for d in doc.diagnostics] + diagnostics(doc, notice, page_title_line)
    return notice


def _chrome(doc: Document) -> list:
    """The noise lines above the body: a web page's header and metadata block."""
    body = doc.root.children[0].token.line if doc.root.children else len(doc.source.line_starts) + 1
    return [t for t in doc.tokens if t.kind == "noise" and t.line < body]


def _source_info(doc: Document, text: str, path, encoding: str, raw: bytes | None) -> dict:
    raw = text.encode("utf-8") if raw is None else raw
    return {"path": path, "sha256": hashlib.sha256(raw).hexdigest(), "encoding": encoding,
            "bytes": len(raw), "lines": len(doc.source.line_starts)}


def read_signature(doc: Document) -> dict | None:
    """The closing organisation line(s) and the date on its own line."""
    if not doc.signature:
        return None
    orgs = [t for t in doc.signature if not t.is_date_line]
    dated = [t for t in doc.signature if t.is_date_line]
    whole = Piece.join([t.piece for t in doc.signature])
    return {"org": "".join(t.text for t in orgs) or None,
            "date": meta.signature_date(dated[0].piece) if dated else None,
            "span": piece_span(whole, doc.source)}


def _add_entities(found: list, doc: Document, intro: Piece | None) -> None:
    """Entities per problem, the year carried from the intro through the problems in order."""
    ctx = YearContext()
    if intro is not None:
        resolve_dates(intro.text, intro.view, ctx)
        ctx.range_end_month = None
    for _, problem, pieces in found:
        problem["entities"] = find_entities(pieces, doc.source, ctx)


def _outside_problems(doc: Document, problem_spans: dict[int, dict]) -> list[Piece]:
    """The pieces of every token that is not part of a problem."""
    pieces = [t.piece for t in doc.preamble]
    stack = list(reversed(doc.root.children))
    while stack:
        node = stack.pop()
        if id(node) in problem_spans:
            continue
        pieces.append(node.token.piece)
        pieces.extend(t.piece for t in node.body)
        stack.extend(reversed(node.children))
    return pieces + [t.piece for t in doc.closing]
