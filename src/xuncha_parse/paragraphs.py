"""Stage 4: rejoin hard-wrapped lines into paragraphs.

Text copied out of a PDF is wrapped at a fixed width, so one sentence runs over
several lines while headings still start a line.  A document is *wrapped* when
a large share of its lines end near one common width; in such a document a line
continues the previous one when the previous line is full and the new line
neither starts an indented paragraph nor (after a finished sentence) a heading.
Unwrapped documents are left line for line.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import Piece
from .tokens import Token

#: a document is wrapped when at least this share of its lines is full
WRAPPED_SHARE = 0.35
#: a line is full when it reaches this share of the wrap width
FULL_SHARE = 0.86
#: what a finished line ends with
LINE_END = set("。!?:”;")


@dataclass(frozen=True, slots=True)
class Layout:
    wrapped: bool
    width: int
    indented: bool


def measure(tokens: list[Token]) -> Layout:
    """The wrap width of a document and whether it indents its paragraphs."""
    widths = sorted(t.width for t in tokens if t.kind in ("body", "heading", "label"))
    if len(widths) < 4:
        return Layout(False, 0, False)
    width = widths[int(len(widths) * 0.9)]
    full = sum(1 for w in widths if w >= width * FULL_SHARE)
    wrapped = width <= 120 and full >= max(3, WRAPPED_SHARE * len(widths)) and widths[-1] <= width * 1.5
    indents = sum(1 for t in tokens if t.indent >= 2 and t.kind != "blank")
    return Layout(wrapped, width, indents >= max(3, 0.15 * len(widths)))


def rejoin(tokens: list[Token]) -> list[Token]:
    """Merge continuation lines into the token they continue; blank lines stay."""
    layout = measure(tokens)
    if not layout.wrapped:
        return tokens
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if prev is not None and continues(prev, tok, layout):
            _merge(prev, tok)
        else:
            out.append(tok)
    return out


def continues(prev: Token, tok: Token, layout: Layout) -> bool:
    """Does ``tok`` continue the paragraph ``prev`` was wrapped out of?"""
    if prev.kind in ("blank", "noise") or tok.kind in ("blank", "noise"):
        return False
    if layout.indented and tok.indent >= 2:
        return False
    if tok.is_date_line or prev.width < layout.width * FULL_SHARE:
        return False
    ended = prev.piece.view[-1:] in LINE_END
    if tok.kind == "body":
        return True
    return not ended and prev.width >= layout.width - 1


def _merge(prev: Token, tok: Token) -> None:
    prev.piece = Piece.join([prev.piece, tok.piece])
    prev.line_end = tok.line_end
    prev.width = tok.width
    prev.lines.extend(tok.lines)
