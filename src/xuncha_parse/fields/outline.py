"""The ``sections`` tree of the contract, from the folded document."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..layout.text import Piece, Source, join_text, piece_span
from ..layout.tokens import Token
from ..layout.tree import Node
from ..sentences import first_sentence
from ..shapes import SectionDict, SpanDict

if TYPE_CHECKING:
    from ..state import NoticeState


def stage_sections(state: NoticeState) -> None:
    """Reads ``root``, ``closing`` and ``problems``; writes ``sections``."""
    state.sections = sections(state)


def sections(state: NoticeState) -> list[SectionDict]:
    """One dict per top section (recursively), then the closing, if any.  A problem's section has no
    own text, and its problem's span."""
    problems = state.problem_nodes
    out = [section(node, state.source, problems) for node in state.root.children]
    if state.closing:
        out.append(closing_section(state.closing, state.source))
    return out


def section(node: Node, source: Source, problems: dict[Node, SpanDict | None]) -> SectionDict:
    """A heading's section; a problem's section has no own text (it is the problem's)."""
    children = [section(c, source, problems) for c in node.children]
    words = node.sentence[0]
    words = words if words.text else node.token.piece
    heading = (words.text, _heading_span(words, node.token, source))
    own_span = problems.get(node)
    if own_span is not None:  # a numbered problem's span is its heading's section
        return _section_dict(node, heading, None, own_span, None, children)
    # the body comes before the children, each in source order: the section ends where its last part does
    end = children[-1]["span"]["end"] if children else (node.body or [node.token])[-1].piece.src_range()[1]
    span = source.span_dict(node.token.piece.src_range()[0], end)
    if node in problems:
        return _section_dict(node, heading, None, span, None, children)
    own = [node.sentence[1]] + [t.piece for t in node.body]
    body = [p for p in own if p.text]
    return _section_dict(node, heading, join_text(own), span, _text_span(body, source), children)


def _heading_span(words: Piece, tok: Token, source: Source) -> SpanDict:
    """Where a heading's words stand; on a one-line heading, its line is the token's (no search)."""
    a, b = words.src_range()
    if tok.line == tok.line_end:
        return {"start": a, "end": b, "line_start": tok.line, "line_end": tok.line}
    return source.span_dict(a, b)


def _section_dict(node: Node, heading: tuple[str, SpanDict], text: str | None, span: SpanDict,
                  text_span: SpanDict | None, children: list[SectionDict]) -> SectionDict:
    """``heading`` is the heading's words and where they stand."""
    return {"marker": node.token.marker, "level": node.depth, "number": node.number, "heading": heading[0],
            "heading_span": heading[1], "role": node.role, "text": text, "span": span, "text_span": text_span,
            "children": children}


def closing_section(closing: list[Token], source: Source) -> SectionDict:
    """The closing invitation: a top section with no marker, headed by its first sentence."""
    whole = Piece.join([t.piece for t in closing])
    heading, rest = first_sentence(closing[0].piece)
    later = [t.piece for t in closing[1:]]
    return {
        "marker": None, "level": 1, "number": None, "heading": heading.text,
        "heading_span": piece_span(heading, source), "role": "closing",
        "text": join_text([rest] + later), "span": piece_span(whole, source),
        "text_span": _text_span([p for p in [rest] + later if p.text], source), "children": [],
    }


def _text_span(body: list[Piece], source: Source) -> SpanDict | None:
    """Where a section's own text stands: from its first piece to its last (always contiguous)."""
    if not body:
        return None
    return source.span_dict(body[0].src_range()[0], body[-1].src_range()[1])  # the pieces are not joined
