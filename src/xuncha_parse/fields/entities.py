"""Entities inside a problem's text: dates, money, percentages, document numbers, regulations, counts."""
from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate
from typing import TYPE_CHECKING, Any, Union

from ..grammar import (
    COUNT,
    DOCUMENT_NUMBER,
    DOCUMENT_NUMBER_TAIL,
    MONEY,
    PERCENT,
    REGULATION,
)
from ..layout.text import Piece, Source, piece_span
from ..numerals import cn_to_int

if TYPE_CHECKING:
    from ..shapes import EntityDict
    from ..state import NoticeState

    #: the spans taken so far in a piece, ``(start, end)`` in the piece's text
    Spans = list[tuple[int, int]]
    #: the spans taken by the earlier finders, as ``_taken`` freezes them: a tuple of spans, or an
    #: index (the sorted starts, and the furthest end of the spans starting up to each)
    Taken = Union[tuple[tuple[int, int], ...], tuple[list[int], list[int]]]
from .dates import YearContext, resolve_dates

_UNIT = {"元": 1, "千元": 1_000, "万元": 10_000, "亿元": 100_000_000}


def cn_amount(s: str) -> int | None:
    """Chinese numerals with 千/万/亿: ``三万二千`` → 32000."""
    total, section, digit = 0, 0, 0
    for ch in s:
        if ch in "万亿":
            total += (section + digit) * (10_000 if ch == "万" else 100_000_000)
            section = digit = 0
        elif ch in "千百十":
            section += (digit or 1) * {"千": 1000, "百": 100, "十": 10}[ch]
            digit = 0
        else:
            n = cn_to_int(ch)
            if n is None:
                return None
            digit = n
    return total + section + digit


def _number(s: str) -> float | int | None:
    if s[0].isdigit():
        return float(s) if "." in s else int(s)
    return cn_amount(s)


def find_entities(pieces: list[Piece], source: Source, ctx: YearContext) -> list[EntityDict]:
    """Every entity in the pieces, in source order; dates resolve their year through ``ctx``."""
    out: list[EntityDict] = []
    for piece in pieces:
        taken: Spans = []
        for finder in _FINDERS:
            out.extend(finder(piece, source, ctx, taken))
    out.sort(key=lambda e: (e["span"]["start"], e["span"]["end"]))
    return out


def _entity(kind: str, piece: Piece, a: int, b: int, value: Any, source: Source, taken: Spans) -> EntityDict:
    taken.append((a, b))
    return {"type": kind, "text": piece.text[a:b], "value": value, "span": piece_span(piece, source, a, b)}


#: up to this many entities taken, a plain scan is cheapest; past it, an index (a line of 10,000 amounts)
SCAN_MAX = 16


def _taken(taken: Spans) -> Taken:
    """What ``_free`` tests against: the spans taken by the earlier finders, frozen at a finder's start
    (its own matches never overlap: finditer), as a tuple, or an index when there are many."""
    if len(taken) <= SCAN_MAX:
        return tuple(taken)
    spans = sorted(taken)
    return [x for x, _ in spans], list(accumulate((y for _, y in spans), max))


def _free(a: int, b: int, taken: Taken) -> bool:
    """Whether ``a:b`` overlaps none of the taken spans: a scan of a few, or by the index (starts
    sorted, and the furthest end of the spans starting before each), in log time."""
    if len(taken) != 2 or type(taken[0]) is not list:
        return all(b <= x or a >= y for x, y in taken)
    starts, reach = taken
    k = bisect_left(starts, b)
    return k == 0 or reach[k - 1] <= a


def _dates(piece: Piece, source: Source, ctx: YearContext, taken: Spans) -> list[EntityDict]:
    return [_entity("date", piece, hit.start, hit.end, value, source, taken)
            for hit, value in resolve_dates(piece.text, piece.view, ctx)]


def _money(piece: Piece, source: Source, ctx: YearContext, taken: Spans) -> list[EntityDict]:
    out: list[EntityDict] = []
    if "元" not in piece.view:
        return out
    frozen = _taken(taken)
    for m in MONEY.finditer(piece.view):
        n = _number(m.group("n"))
        if n is not None and _free(*m.span(), frozen):
            value = round(n * _UNIT[m.group("unit")], 4)
            value = int(value) if float(value).is_integer() else value
            out.append(_entity("money", piece, *m.span(), value, source, taken))
    return out


def _percent(piece: Piece, source: Source, ctx: YearContext, taken: Spans) -> list[EntityDict]:
    out: list[EntityDict] = []
    if "%" not in piece.view and "百分之" not in piece.view:
        return out
    frozen = _taken(taken)
    for m in PERCENT.finditer(piece.view):
        n = _number(m.group("n") or m.group("cn"))
        if n is not None and _free(*m.span(), frozen):
            out.append(_entity("percent", piece, *m.span(), n, source, taken))
    return out


def _document_numbers(piece: Piece, source: Source, ctx: YearContext, taken: Spans) -> list[EntityDict]:
    if "号" not in piece.view or DOCUMENT_NUMBER_TAIL.search(piece.view) is None:
        return []
    frozen = _taken(taken)
    return [_entity("document_number", piece, *m.span(), piece.text[m.start():m.end()], source, taken)
            for m in DOCUMENT_NUMBER.finditer(piece.view) if _free(*m.span(), frozen)]


def _regulations(piece: Piece, source: Source, ctx: YearContext, taken: Spans) -> list[EntityDict]:
    if "《" not in piece.view:
        return []
    return [_entity("regulation", piece, *m.span(), piece.text[m.start("name"):m.end("name")], source, taken)
            for m in REGULATION.finditer(piece.view)]


def _counts(piece: Piece, source: Source, ctx: YearContext, taken: Spans) -> list[EntityDict]:
    out: list[EntityDict] = []
    frozen: Taken | None = None
    for m in COUNT.finditer(piece.view):
        a, b = m.span()
        frozen = _taken(taken) if frozen is None else frozen  # (most pieces have no count)
        if _free(a, b, frozen):
            out.append(_entity("count", piece, a, b, int(m.group("n")), source, taken))
    return out


_FINDERS = (_dates, _document_numbers, _money, _percent, _counts, _regulations)


def stage_entities(state: NoticeState) -> None:
    """Reads ``intro`` and ``problems``; writes each problem's ``entities``.  A date without a year takes it
    from an earlier date of its own problem, else from the intro's: never from another problem, whose
    dates say nothing of this one's (``11月份`` after a ``2023年6月`` two problems up)."""
    intro = YearContext()
    if state.intro is not None:
        resolve_dates(state.intro.text, state.intro.view, intro)
    for problem in state.problems:
        problem.fields["entities"] = find_entities(problem.pieces, state.source, YearContext(intro.year))
