"""Stage 3: classify each line into a token with the rule table of grammar.py."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..grammar import LABEL_FIELDS, LINE_RULES, NOISE_MAX_LEN
from ..nodes import VOID_KINDS as VOID_KINDS
from ..nodes import Token as Token
from ..nodes import content_tokens as content_tokens
from .numerals import to_int
from .text import Line, split_lines

if TYPE_CHECKING:
    from ..state import NoticeState


#: LINE_RULES as plain tuples: unpacking a tuple subclass (a NamedTuple row) in a loop takes the
#: interpreter's slow path, and every line is tried against the rules
_RULES: tuple[tuple[str, str | None, re.Pattern[str], bool, str], ...] = tuple(
    (r.kind, r.style, r.pattern, r.anywhere, r.first) for r in LINE_RULES)

def stage_tokens(state: NoticeState) -> None:
    """Reads the source; writes ``tokens``: one per physical line, classified."""
    state.tokens = tokenize(split_lines(state.source))


def tokenize(lines: list[Line]) -> list[Token]:
    """One token per physical line, in order."""
    return [classify(line) for line in lines]


def classify(line: Line) -> Token:
    """Name a line by the first rule of LINE_RULES that matches it."""
    piece = line.piece
    tok = Token("body", piece, line.number, line.number, line.indent, line.width, lines=[line.number])
    if not piece.text:
        tok.kind = "blank"
        return tok
    view = piece.view
    short = len(view) <= NOISE_MAX_LEN  # a long line that mentions chrome words is text
    opening = view[0]
    for kind, style, pattern, anywhere, first in _RULES:
        if (kind == "noise" and not short) or (first and opening not in first):
            continue
        m = pattern.search(view) if anywhere else pattern.match(view)
        if m is not None and _BUILD[kind](tok, style, m):
            return tok
    return tok


def _noise(tok: Token, style: str | None, m: re.Match[str]) -> bool:
    tok.kind = "noise"
    return True


def _label(tok: Token, style: str | None, m: re.Match[str]) -> bool:
    name = m.group("label")
    if name not in LABEL_FIELDS:
        return False
    tok.kind, tok.label, tok.head = "label", name, _skip_space(tok.piece.view, m.end())
    return True


def _heading(tok: Token, style: str | None, m: re.Match[str]) -> bool:
    number = to_int(m.group("num"))
    if number is None or _looks_like_quantity(tok.piece.view, m.end()):
        return False
    tok.kind, tok.style, tok.number = "heading", style, number
    tok.marker = tok.piece.text[: m.end("marker")].strip()
    tok.head = m.end()
    return True


def _looks_like_quantity(view: str, end: int) -> bool:
    """``2、3季度`` or ``1.5万元`` start a sentence, not a heading."""
    return end < len(view) and view[end].isdigit()


def _skip_space(view: str, i: int) -> int:
    while i < len(view) and view[i] == " ":
        i += 1
    return i


_BUILD = {"noise": _noise, "label": _label, "heading": _heading}
