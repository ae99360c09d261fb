"""Stage 5's steps: how the heading tree takes each kind of token (``layout/rules.py`` registers them
with the line rules and runs the fold), inferring levels per document.

Levels are not fixed by marker style.  A heading becomes the sibling of the
nearest open heading of the same style, or else a child of the innermost open
heading (a heading without a number, a bare category line, is the sibling of
the nearest one of its style, whatever came between).  When the nearest same-style heading does not continue the numbering
but an outer heading does (``3、 下一步打算`` after ``二、`` and ``15.``), or when
the heading's words name a top section (``下一步``) and an outer heading's
number it continues, the heading is reconciled to the outer level and a
diagnostic says so.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..grammar import HEADING_LIKE_MAX, ROLE_NEXT, SENTENCE_END
from ..nodes import Node as Node
from ..nodes import Token
from ..nodes import root_node as root_node
from ..shapes import Diagnostic


@dataclass(slots=True)
class FoldState:
    """The tree being built: its root, the open headings (the root first) and the diagnostics."""

    root: Node
    stack: list[Node]
    diagnostics: list[Diagnostic]


def attach(state: FoldState, tok: Token) -> None:
    """A body or label line belongs to the innermost open heading."""
    state.stack[-1].body.append(tok)


def skip(state: FoldState, tok: Token) -> None:
    """A blank or noise line belongs to nothing."""
    return None


def open_heading(state: FoldState, tok: Token) -> None:
    """A heading closes the open headings down to its level and opens a node there."""
    stack = state.stack
    i = _same_style(stack, tok.style)
    breaks = i is not None and tok.number is not None \
        and tok.number != stack[i].number + 1  # type: ignore[operator]  # a numbered heading's siblings are numbered
    if breaks or (i != 1 and _names_top_section(tok)):
        j = _continued_ancestor(stack, i if i is not None else len(stack), tok)
        if j is not None and j != i:
            state.diagnostics.append(Diagnostic(
                "info", "heading_level_reconciled",
                f"heading {tok.marker!r} continues {stack[j].token.marker!r}: placed at its level", tok.line))
            i = j
    if i is not None:
        del stack[i:]
    node = Node(tok, len(stack))
    stack[-1].children.append(node)
    stack.append(node)


def _same_style(stack: list[Node], style: str | None) -> int | None:
    for i in range(len(stack) - 1, 0, -1):
        if stack[i].style == style:
            return i
    return None


def _continued_ancestor(stack: list[Node], i: int, tok: Token) -> int | None:
    """An outer heading whose number this one continues, if the heading reads like a section title."""
    if not _heading_like(tok):
        return None
    for j in range(i - 1, 0, -1):
        if (number := stack[j].number) is not None and number + 1 == tok.number:
            return j
    return None


def _names_top_section(tok: Token) -> bool:
    """``下一步打算``, ``今后工作``: words that only a top section carries."""
    return _heading_like(tok) and ROLE_NEXT.search(tok.content.view) is not None


def _heading_like(tok: Token) -> bool:
    """Short, one line, no sentence inside: ``下一步打算``."""
    content = tok.content.view
    return len(content) <= HEADING_LIKE_MAX and not any(stop in content for stop in SENTENCE_END)
