"""Stage 3's actions: what a line rule's match makes of the line's token.

Each action takes the token, the rule's heading style and the match; it fills the token and says
whether the line is that kind after all (a label name outside the vocabulary, ``1.5万元`` after a
marker: not).  ``layout/rules.py`` registers each with its pattern and runs them.
"""
from __future__ import annotations

import re

from ..grammar import LABEL_FIELDS
from ..nodes import VOID_KINDS as VOID_KINDS
from ..nodes import Token as Token
from ..nodes import content_tokens as content_tokens
from ..numerals import to_int


def make_noise(tok: Token, style: str | None, m: re.Match[str]) -> bool:
    tok.kind = "noise"
    return True


def make_label(tok: Token, style: str | None, m: re.Match[str]) -> bool:
    name = m.group("label")
    if name not in LABEL_FIELDS:
        return False
    tok.kind, tok.label, tok.head = "label", name, _skip_space(tok.piece.view, m.end())
    return True


def make_heading(tok: Token, style: str | None, m: re.Match[str]) -> bool:
    number = to_int(m.group("num"))
    if number is None or _looks_like_quantity(tok.piece.view, m.end()):
        return False
    tok.kind, tok.style, tok.number = "heading", style, number
    tok.marker = tok.piece.text[: m.end("marker")].strip()
    tok.head = m.end()
    return True


def make_bare_heading(tok: Token, style: str | None, m: re.Match[str]) -> bool:
    """A category alone on its line with no marker (``关于党的领导方面``): a heading without a number, its
    words the whole line."""
    tok.kind, tok.style, tok.number, tok.marker, tok.head = "heading", style, None, None, 0
    return True


def _looks_like_quantity(view: str, end: int) -> bool:
    """``2、3季度`` or ``1.5万元`` start a sentence, not a heading."""
    return end < len(view) and view[end].isdigit()


def _skip_space(view: str, i: int) -> int:
    while i < len(view) and view[i] == " ":
        i += 1
    return i
