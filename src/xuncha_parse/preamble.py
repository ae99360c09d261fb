"""The title, addressee and intro, read off the preamble tokens."""
from __future__ import annotations

from dataclasses import dataclass

from .grammar import ADDRESSEE, INTRO, TITLE_LINE, TITLE_START
from .text import Piece
from .tokens import Token

#: a title is at most this many lines
TITLE_LINES = 3


@dataclass(slots=True)
class Preamble:
    title: Piece | None
    addressee: Piece | None
    intro: list[Token]


def read_preamble(tokens: list[Token]) -> Preamble:
    """Split the preamble into title lines, an addressee line and the intro."""
    n = _title_lines(tokens)
    title = Piece.join([t.piece for t in tokens[:n]]) if n else None
    rest = tokens[n:]
    addressee = None
    if rest and ADDRESSEE.match(rest[0].piece.view) and not INTRO.search(rest[0].piece.view):
        addressee = rest[0].piece.sub(0, len(rest[0].piece.text) - 1).strip()
        rest = rest[1:]
    return Preamble(title, addressee, rest)


def _title_lines(tokens: list[Token]) -> int:
    """How many leading tokens make the title (0 when the text has none)."""
    for n in range(1, min(TITLE_LINES, len(tokens)) + 1):
        view = "".join(t.piece.view for t in tokens[:n])
        last = tokens[n - 1].piece.view
        if INTRO.search(last) or ADDRESSEE.match(last) or len(view) > 80:
            return 0
        if TITLE_LINE.search(view) and TITLE_START.search(view):
            return n
    return 0
