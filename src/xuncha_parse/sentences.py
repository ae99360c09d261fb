"""Sentences, clauses and ordinal runs inside a piece, aware of quotes and brackets."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .grammar import (
    CIRCLED,
    CLOSERS,
    OPENERS,
    ORDINAL,
    ORDINAL_START,
    QUOTED,
    SENTENCE_END,
)
from .numerals import cn_to_int
from .source import Piece


def find_end(view: str, stops: str = SENTENCE_END, start: int = 0) -> int:
    """Index of the first stop character outside quotes and brackets, else -1.

    Unbalanced quotes (a closing quote lost in conversion) would hide every
    stop, so a second pass ignores nesting when the first finds nothing.
    """
    depth = 0
    for m in _marks(stops).finditer(view, start):  # only the quotes, brackets and stops
        c = m.group()
        if c in OPENERS:
            depth += 1
        elif c in CLOSERS:
            depth = depth - 1 if depth else 0
        elif not depth and c in stops:
            return m.start()
    if depth:
        loose = _marks(stops, nesting=False).search(view, start)
        return loose.start() if loose else -1
    return -1


@lru_cache(maxsize=None)
def _marks(stops: str, nesting: bool = True) -> re.Pattern[str]:
    """A class of the characters ``find_end`` looks at, so it skips the rest in one regex step."""
    return re.compile("[" + re.escape((OPENERS + CLOSERS if nesting else "") + stops) + "]")


def stop_before_last(view: str) -> bool:
    """Does a sentence end before the last character, quotations aside?  ``1.关于“…。…”方面问题`` no;
    ``4.消防安全责任意识淡薄。未按…`` yes."""
    unquoted = QUOTED.sub("", view[:-1])
    return any(stop in unquoted for stop in SENTENCE_END)


def sentences_of(view: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a view, split at ``。`` and ``;``."""
    out, start = [], 0
    for i, c in enumerate(view):
        if c in "。;!?":
            out.append((start, i + 1))
            start = i + 1
    if start < len(view):
        out.append((start, len(view)))
    return out


def first_sentence(piece: Piece) -> tuple[Piece, Piece]:
    """Split at the first sentence end: (sentence without its stop, rest stripped)."""
    end = find_end(piece.view)
    if end < 0:
        return piece, piece.sub(len(piece.text))
    return piece.sub(0, end).strip(), piece.sub(end + 1).strip()




def ordinal_value(m: re.Match[str]) -> int | None:
    """The number an ordinal match stands for: ``三是`` → 3, ``另一方面`` → 2, ``2.`` → 2, ``③`` → 3."""
    side = m.group("side")
    if side:
        return 2 if side.startswith("另") else 1
    if m.group("circled"):
        return CIRCLED.index(m.group("circled")) + 1
    digits = m.group("arabic") or m.group("paren")
    return int(digits) if digits else cn_to_int(m.group("num") or m.group("num2"))


def ordinal_family(m: re.Match[str]) -> str:
    """Which numbering an ordinal belongs to, so ``1.`` never continues a ``一是`` run."""
    return m.lastgroup if m.lastgroup in ("arabic", "paren", "circled") else "cn"


def split_ordinals(piece: Piece, expect: int = 1) -> tuple[list[tuple[Piece, int | None]], int]:
    """Cut a ``一是…二是…`` run into items; returns the items and the next ordinal expected.

    Only the expected next ordinal cuts, and only after punctuation or at the
    start, so ``统一是`` or a stray ``三是`` never does.
    """
    view, cuts, family = piece.view, [], None
    for m in ordinals(view):
        n = ordinal_value(m)
        if n != expect or family not in (None, ordinal_family(m)):
            continue
        family = ordinal_family(m)
        cuts.append((m.start(), n))
        expect += 1
    return _cut(piece, cuts), expect


def ordinals(view: str) -> Iterator[re.Match[str]]:
    """ORDINAL's matches, the same as its ``finditer``, tried only where ORDINAL_START finds a candidate."""
    pos = 0
    while (start := ORDINAL_START.search(view, pos)) is not None:
        m = ORDINAL.match(view, start.start())
        if m is not None:
            yield m
        pos = start.start() + 1 if m is None else m.end()


def _cut(piece: Piece, cuts: list[tuple[int, int]]) -> list[tuple[Piece, int | None]]:
    bounds = [(0, None)] + cuts
    items = []
    for k, (start, n) in enumerate(bounds):
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(piece.text)
        part = piece.sub(start, end).strip()
        if part.text:
            items.append((part, n))
    return items
