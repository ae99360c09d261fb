"""Stage 2: the source cut into lines, each a piece that keeps its offsets into the source; a line that
holds a whole page's sections run together is cut again where its paragraphs and headings were joined.

The source, its matching view and the ``Piece`` type live in ``source.py``, below every stage;
they are re-exported here for the stages that read lines and pieces together.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..grammar import (
    FUSED_BREAK,
    FUSED_MIN,
    FUSED_SECOND,
    FUSED_SPACED,
    LIST_BULLETS,
    TITLE_GLUED,
    TITLE_GLUED_LINES,
    TITLE_LINE,
    TITLE_START,
    TRAILING_BAR,
)
from ..source import BREAKS as BREAKS
from ..source import NOISE_CHAR as NOISE_CHAR
from ..source import Piece as Piece
from ..source import Source as Source
from ..source import fold as fold
from ..source import join_text as join_text
from ..source import line_starts as line_starts
from ..source import piece_span as piece_span
from ..source import pieces_span as pieces_span


@dataclass(slots=True)
class Line:
    """One physical line: its content without noise and edge whitespace."""

    number: int
    piece: Piece
    indent: int
    width: int


def split_lines(source: Source) -> list[Line]:
    """Every physical line, in order (a fused one as the lines it was made of, each with its number); blank
    lines have an empty piece."""
    text, view, starts = source.text, source.view, source.line_starts
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    masked, bulleted = source.masked, source.bulleted
    barred = TRAILING_BAR in view  # (one scan of the text: most have no bar, and their lines are not looked at)
    lines = [_line(text, view, n, a, b, masked, bulleted, barred) for n, (a, b) in enumerate(zip(starts, ends), 1)]
    if any(len(v := line.piece.view) >= FUSED_MIN and _fused(v) for line in lines):
        lines = [part for line in lines for part in unfuse(line)]
    return _unglue_title(lines)


def _unglue_title(lines: list[Line]) -> list[Line]:
    """A title glued to the intro by a space (``…关于…的通报 根据区委统一部署,…``), among the first lines, cut back
    into the title's line and the intro's."""
    for i, line in enumerate(lines[:TITLE_GLUED_LINES]):
        view = line.piece.view
        m = TITLE_GLUED.search(view) if " " in view or "一、" in view else None  # (most lines hold neither)
        if m is None:
            continue
        title, intro = line.piece.sub(0, m.start() + 2).strip(), line.piece.sub(m.end()).strip()
        if (TITLE_LINE.search(title.view) or title.view.endswith("方案")) and TITLE_START.search(title.view):
            return lines[:i] + [Line(line.number, title, line.indent, len(title.view)),
                                Line(line.number, intro, 0, len(intro.view))] + lines[i + 1:]
    return lines


def unfuse(line: Line) -> list[Line]:
    """A line that holds a page's sections run together (``…如下。一、…。二、…。1.…整改情况:…``) cut before
    each heading and at the spaces that stood for line breaks (never inside quotation marks); any other line as
    it is."""
    view = line.piece.view
    if len(view) < FUSED_MIN or not _fused(view):
        return [line]
    cuts = [m.start() for m in FUSED_BREAK.finditer(view) if view[m.start()] != " " or _outside_quotes(view, m.start())]
    bounds = [0] + cuts + [len(view)]
    parts = [line.piece.sub(a, b).strip() for a, b in zip(bounds, bounds[1:])]
    return [Line(line.number, part, line.indent if a == 0 else 0, len(part.view))
            for a, part in zip(bounds, parts) if part.text]


def _fused(view: str) -> bool:
    """A first and a second first-level heading inside the line, or two numbered headings each after a space."""
    if "一、" in view and FUSED_SECOND.search(view) is not None:
        return True
    return (" 2" in view or " (二)" in view) and len(FUSED_SPACED.findall(view)) >= 2


def _outside_quotes(view: str, i: int) -> bool:
    """Is offset ``i`` outside quotation marks (a space inside ``“科技入企 送智上门”`` is no lost line break)?"""
    return view.count("“", 0, i) <= view.count("”", 0, i)


def _line(text: str, view: str, number: int, a: int, b: int, masked: bool = True, bulleted: bool = True,
          barred: bool = True) -> Line:
    raw = view[a:b]
    left = len(raw) - len(raw.lstrip())
    right = len(raw.rstrip())
    if bulleted and left < right and raw[left] in LIST_BULLETS:  # ``  • 文件名称:``: not the line's text
        left = len(raw) - len(raw[left + 1:].lstrip())
    if barred and right > left + 1 and raw[right - 1] == TRAILING_BAR and raw.count(TRAILING_BAR, left, right) == 1:  # ``…通报 |``
        right = len(raw[:right - 1].rstrip())
    if masked and NOISE_CHAR in raw:
        return _noisy_line(text, view, number, a, b)
    piece = Piece(text[a + left:a + right], raw[left:right], (0,), (a + left,))
    return Line(number, piece, left, right)


def _noisy_line(text: str, view: str, number: int, a: int, b: int) -> Line:
    """A line with masked noise inside: keep the runs between the masks."""
    runs: list[Piece] = []
    i = a
    while i < b:
        j = view.find(NOISE_CHAR, i, b)
        j = b if j < 0 else j
        if j > i:
            runs.append(Piece(text[i:j], view[i:j], (0,), (i,)))
        while j < b and view[j] == NOISE_CHAR:
            j += 1
        i = j
    piece = Piece.join(runs).strip() if runs else Piece("", "", (0,), (a,))
    raw = view[a:b].replace(NOISE_CHAR, "")
    return Line(number, piece, len(raw) - len(raw.lstrip()), len(raw.rstrip()))
