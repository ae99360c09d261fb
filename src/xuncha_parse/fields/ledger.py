"""Problems given as a table: the rectification ledger (整改台账) many notices and attachments carry.

A header row names its columns (``序号 / 反馈问题 / 整改措施 / 整改情况 / 责任单位 / 完成时限``), its cells
set apart by tabs (a Word or HTML table, as the readers write it) or by runs of spaces (a table
copied as aligned text).  Each row below it with as many cells becomes a problem: the problem column
gives its title, the numbering column its number, and every column named like a label
(``整改措施``, ``整改情况``, ``责任单位``, …) feeds the problem as that label's line would.  A table under
a heading that was read as a problem replaces that heading's problem.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..grammar import (
    LABEL_FIELDS,
    LEDGER_BAR,
    LEDGER_HINT,
    LEDGER_NUMBER,
    LEDGER_PROBLEM,
    LEDGER_RULE_CELL,
    LEDGER_SEPARATOR,
)
from ..layout.text import Piece, Source
from ..layout.tokens import Token, content_tokens
from ..layout.tree import Node
from ..numerals import to_int
from ..state import FoundProblem
from .kind import is_rectification
from .problem_fields import Draft, feed_label, finish_problem, read_heading
from .problems import pieces_of
from .roles import wrapper_free

if TYPE_CHECKING:
    from ..state import NoticeState


def stage_ledger(state: NoticeState) -> None:
    """Reads ``tokens``, ``root`` and ``problems``; writes ``problems``: each ledger row's problem, in
    source order among the others."""
    source = state.source
    hint = _hint(source) if is_rectification(state) else None
    if hint is None:
        return  # no header: no 问题 column set apart from the next by a tab or a run of spaces
    first_line = source.line_of(hint.start())
    found: list[FoundProblem] = []
    for header, names, rows in _tables([t for t in state.tokens if t.line_end >= first_line]):
        node = _owner(state.root, header)
        chain = _path(state.root, node)
        found += [_row_problem(node, chain, names, row, state.source) for row in rows]
    if found:
        replaced = {p.node for p in found}
        kept = [p for p in state.problems if p.node not in replaced]
        state.problems = sorted(kept + found, key=lambda p: p.span["start"])


def _hint(source: Source) -> re.Match[str] | None:
    """Where a header's problem column may stand: in the text, or in its simplified view when the text
    is in traditional script (``反饋問題 | 整改措施``)."""
    hint = LEDGER_HINT.search(source.text)
    return LEDGER_HINT.search(source.view) if hint is None and "問題" in source.text else hint


def cells(piece: Piece) -> list[Piece]:
    """A row's cells: ``1\\t理论学习不深入\\t已完成`` → three pieces, each keeping its offsets; a row set
    by bars (``1 | 理论学习不深入 | 已完成 |``) is cut at its bars only, and the bars at its edges open or
    close no cell."""
    text, view = piece.text, piece.view
    if "|" in view:
        parts = _split(piece, LEDGER_BAR)
        return parts[view[0] == "|":len(parts) - (view[-1] == "|")]
    if "\t" not in text and "  " not in view:
        return [piece]
    return _split(piece, LEDGER_SEPARATOR)


def _split(piece: Piece, separator: re.Pattern[str]) -> list[Piece]:
    out, start = [], 0
    for m in separator.finditer(piece.text):
        out.append(piece.sub(start, m.start()).strip())
        start = m.end()
    out.append(piece.sub(start).strip())
    return out


def _tables(tokens: list[Token]) -> list[tuple[Token, list[str], list[list[Piece]]]]:
    """Each header line, its column names and the rows below it (until a line with fewer than two cells)."""
    out: list[tuple[Token, list[str], list[list[Piece]]]] = []
    content = content_tokens(tokens)
    i = 0
    while i < len(content):
        header = content[i]
        i += 1
        names = _header(header) if "问题" in header.piece.view else None
        if names is None:
            continue
        rows = []
        while i < len(content) and 2 <= len(row := cells(content[i].piece)) <= len(names):
            if not all(LEDGER_RULE_CELL.match(cell.view) for cell in row):  # ``|---|---|`` rules no row
                rows.append(row)
            i += 1
        if rows:
            out.append((header, names, rows))
    return out


def _header(tok: Token) -> list[str] | None:
    """The column names, when the line is a ledger's header: a problem column and a label column."""
    parts = cells(tok.piece)
    if len(parts) < 2:
        return None
    names = [p.view.replace(" ", "") for p in parts]
    if not any(LEDGER_PROBLEM.match(n) for n in names) or not any(n in LABEL_FIELDS for n in names):
        return None
    return names


def _row_problem(node: Node, chain: list[Node], names: list[str], row: list[Piece], source: Source) -> FoundProblem:
    """One row read as a problem: the problem cell is its heading, label columns its labelled lines."""
    draft = Draft(node)
    by_name = dict(zip(names, row))
    title = next((cell for name, cell in by_name.items() if LEDGER_PROBLEM.match(name)), row[0])
    read_heading(draft, title, True, None)
    for name, cell in by_name.items():
        if name in LABEL_FIELDS and cell.text:
            feed_label(draft, name, cell)
    number_cell = next((cell for name, cell in by_name.items() if LEDGER_NUMBER.match(name)), None)
    number = to_int(number_cell.view) if number_cell is not None and number_cell.text else None
    marker = number_cell.text if number is not None and number_cell is not None else None
    whole = Piece.join(row)
    span = source.span_dict(*whole.src_range())
    return FoundProblem(node, finish_problem(draft, chain, source, (number, marker), span), pieces_of(draft), False)


def _owner(root: Node, tok: Token) -> Node:
    """The heading whose body holds the token (the root, before any heading)."""
    return next((n for n in root.walk() if any(t is tok for t in n.body)), root)


def _path(root: Node, node: Node) -> list[Node]:
    """The headings from the top down to ``node``, for the problem's category and group: the
    rectification wrapper (``二、整改落实情况``) is no category, as ``problems.find_problems`` reads it."""
    path: list[Node] = []
    for top in root.children:
        if _find(top, node, path):
            break
    if path and path[0].role == "rectification" and not wrapper_free(root):
        path = path[1:]
    return path


def _find(here: Node, node: Node, path: list[Node]) -> bool:
    path.append(here)
    if here is node or any(_find(c, node, path) for c in here.children):
        return True
    path.pop()
    return False
