"""Stage 5: fold tokens into a heading tree, inferring levels per document.

Levels are not fixed by marker style.  A heading becomes the sibling of the
nearest open heading of the same style, or else a child of the innermost open
heading.  When the nearest same-style heading does not continue the numbering
but an outer heading does (``3、 下一步打算`` after ``二、`` and ``15.``), or when
the heading's words name a top section (``下一步``) and an outer heading's
number it continues, the heading is reconciled to the outer level and a
diagnostic says so.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterator

from ..grammar import HEADING_LIKE_MAX, ROLE_NEXT, SENTENCE_END
from ..shapes import Diagnostic
from .sentences import first_sentence
from .text import Piece
from .tokens import Token

if TYPE_CHECKING:
    from ..state import NoticeState


@dataclass(eq=False, slots=True)
class Node:
    """A heading and what belongs to it.

    ``token`` is typed as always present because every node the stages read
    below the root has one; the root alone holds None (see ``root_node``).
    """

    token: Token
    depth: int
    children: list["Node"] = field(default_factory=list)
    body: list[Token] = field(default_factory=list)
    role: str = "other"
    _sentence: tuple[Piece, Piece] | None = None

    @property
    def sentence(self) -> tuple[Piece, Piece]:
        """(heading, rest): the heading's first sentence after the marker, and what follows (computed once)."""
        if self._sentence is None:
            self._sentence = first_sentence(self.token.content)
        return self._sentence

    @property
    def heading(self) -> Piece:
        """The heading's first sentence, without its marker: ``整改落实情况``."""
        return self.sentence[0]

    @property
    def style(self) -> str | None:
        return self.token.style if self.token else None

    @property
    def number(self) -> int | None:
        return self.token.number if self.token else None

    def walk(self, prune: Callable[["Node"], bool] | None = None) -> Iterator["Node"]:
        """Every node below this one, depth first in source order; below a node for which ``prune`` is
        true, nothing."""
        stack = list(reversed(self.children))
        while stack:
            node = stack.pop()
            yield node
            if prune is None or not prune(node):
                stack.extend(reversed(node.children))

    def tokens(self) -> Iterator[Token]:
        """This node's heading, body and every descendant's tokens, in source order.

        A node's body always comes before its first child: body tokens attach
        to the innermost open heading, and a parent is never innermost again
        once a child has opened.
        """
        if self.token is not None:
            yield self.token
        yield from self.body
        for child in self.children:
            yield from child.tokens()


def root_node() -> Node:
    """The tree's root: the one node without a heading token, which ``Node.token``'s type leaves out."""
    return Node(None, 0)  # type: ignore[arg-type]


@dataclass(slots=True)
class FoldState:
    """The cursor over the tokens, the open headings and what has been built."""

    tokens: list[Token]
    root: Node
    stack: list[Node]
    diagnostics: list[Diagnostic]
    pos: int = 0


def stage_tree(state: NoticeState) -> None:
    """Reads ``body``; writes ``root`` (the heading tree) and ``diagnostics`` (levels reconciled)."""
    state.root, diagnostics = fold(state.body)
    state.diagnostics.extend(diagnostics)


def fold(tokens: list[Token]) -> tuple[Node, list[Diagnostic]]:
    """Build the heading tree of the body tokens (preamble and closing excluded)."""
    root = root_node()
    state = FoldState(tokens, root, [root], [])
    while state.pos < len(state.tokens):
        tok = state.tokens[state.pos]
        _STEP[tok.kind](state, tok)
        state.pos += 1
    return root, state.diagnostics


def _attach(state: FoldState, tok: Token) -> None:
    state.stack[-1].body.append(tok)


def _skip(state: FoldState, tok: Token) -> None:
    return None


def _heading(state: FoldState, tok: Token) -> None:
    stack = state.stack
    i = _same_style(stack, tok.style)
    breaks = i is not None and tok.number != stack[i].number + 1  # type: ignore[operator]  # a heading's number is set
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


_STEP = {"heading": _heading, "body": _attach, "label": _attach, "blank": _skip, "noise": _skip}
