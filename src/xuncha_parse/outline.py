"""The ``sections`` tree of the contract, from the folded document."""
from __future__ import annotations

from .document import Document
from .sentences import first_sentence
from .text import Piece, join_text, piece_span
from .tree import Node


def sections(doc: Document, problem_nodes: set[int]) -> list[dict]:
    """One dict per top section (recursively), then the closing, if any."""
    out = [section(node, doc, problem_nodes) for node in doc.root.children]
    if doc.closing:
        out.append(closing_section(doc))
    return out


def section(node: Node, doc: Document, problem_nodes: set[int]) -> dict:
    heading, rest = node.sentence
    own = [rest] + [t.piece for t in node.body]
    children = [section(c, doc, problem_nodes) for c in node.children]
    start = node.token.piece.src_range()[0]
    ends = [t.piece.src_range()[1] for t in [node.token] + node.body] + [c["span"]["end"] for c in children]
    span = doc.source.span_dict(start, max(ends))
    body = [p for p in own if p.text]
    return {
        "marker": node.token.marker,
        "level": node.depth,
        "number": node.number,
        "heading": heading.text or node.token.text,
        "role": node.role,
        "text": None if id(node) in problem_nodes else join_text(own),
        "span": span,
        "text_span": _text_span(body, doc) if id(node) not in problem_nodes else None,
        "children": children,
    }


def closing_section(doc: Document) -> dict:
    """The closing invitation: a top section with no marker, headed by its first sentence."""
    whole = Piece.join([t.piece for t in doc.closing])
    heading, rest = first_sentence(doc.closing[0].piece)
    later = [t.piece for t in doc.closing[1:]]
    return {
        "marker": None, "level": 1, "number": None, "heading": heading.text, "role": "closing",
        "text": join_text([rest] + later), "span": piece_span(whole, doc.source),
        "text_span": _text_span([p for p in [rest] + later if p.text], doc), "children": [],
    }


def _text_span(body: list[Piece], doc: Document) -> dict | None:
    """Where a section's own text stands: from its first piece to its last (always contiguous)."""
    if not body:
        return None
    return piece_span(Piece.join(body), doc.source)
