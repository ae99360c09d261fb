"""The types the layout stages build and every later stage reads: a line's ``Token`` and the heading
tree's ``Node``.  They sit below the stages (``state.py`` holds them), so this module imports nothing
from ``layout/`` or ``fields/`` (the sentence splitter a node reads its heading by, ``sentences.py``, sits
below the stages too).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .grammar import DATE_LINE
from .sentences import first_sentence
from .source import Piece


@dataclass(slots=True)
class Token:
    """A classified line (or, after rejoining, a paragraph of wrapped lines).

    ``kind`` is ``blank``, ``noise``, ``heading``, ``label`` or ``body``.
    ``head`` is where the content after the marker or label starts in ``piece``.
    """

    kind: str
    piece: Piece
    line: int
    line_end: int
    indent: int = 0
    width: int = 0
    style: str | None = None
    number: int | None = None
    marker: str | None = None
    label: str | None = None
    head: int = 0
    lines: list[int] = field(default_factory=list)
    _content: Piece | None = None

    @property
    def text(self) -> str:
        return self.piece.text

    @property
    def content(self) -> Piece:
        """The piece after the marker or label (computed once; rejoining resets it)."""
        if self._content is None:
            self._content = self.piece.sub(self.head) if self.head else self.piece
        return self._content

    @property
    def is_date_line(self) -> bool:
        return self.kind == "body" and DATE_LINE.match(self.piece.view) is not None


    def rejoin(self, group: list["Token"]) -> None:
        """Take in the wrapped lines that continue this one (``group`` starts with this token)."""
        self.piece = Piece.join([t.piece for t in group])
        self._content = None
        self.line_end = group[-1].line_end
        self.lines = [n for t in group for n in t.lines]


#: token kinds that carry no text of the notice
VOID_KINDS = frozenset(("blank", "noise"))


def content_tokens(tokens: list[Token]) -> list[Token]:
    """The tokens that carry text: neither blank nor noise."""
    return [t for t in tokens if t.kind not in VOID_KINDS]


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
