"""The ``sections`` tree of the contract, from the folded document."""
from __future__ import annotations

from ..layout.document import Document
from ..layout.sentences import first_sentence
from ..layout.text import Piece, join_text, piece_span
from ..layout.tree import Node


def sections(doc: Document, problem_spans: dict[int, dict]) -> list[dict]:
    """One dict per top section (recursively), then the closing, if any.  ``problem_spans`` maps
    each problem's node (by id) to the span its Problem already has: a problem's section has no own
    text, and the same span."""
    out = [section(node, doc, problem_spans) for node in doc.root.children]
    if doc.closing:
        out.append(closing_section(doc))
    return out


def section(node: Node, doc: Document, problem_spans: dict[int, dict]) -> dict:
    children = [section(c, doc, problem_spans) for c in node.children]
    heading = node.heading.text or node.token.text
    problem_span = problem_spans.get(id(node))
    if problem_span is not None:
        return _section_dict(node, heading, None, problem_span, None, children)
    own = [node.sentence[1]] + [t.piece for t in node.body]
    start = node.token.piece.src_range()[0]
    ends = [t.piece.src_range()[1] for t in [node.token] + node.body] + [c["span"]["end"] for c in children]
    body = [p for p in own if p.text]
    return _section_dict(node, heading, join_text(own), doc.source.span_dict(start, max(ends)),
                         _text_span(body, doc), children)


def _section_dict(node: Node, heading: str, text, span: dict, text_span, children: list[dict]) -> dict:
    return {"marker": node.token.marker, "level": node.depth, "number": node.number, "heading": heading,
            "role": node.role, "text": text, "span": span, "text_span": text_span, "children": children}


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
