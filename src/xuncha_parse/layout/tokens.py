"""Stage 3: classify each line into a token with the rule table of grammar.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..grammar import DATE_LINE, LABEL_FIELDS, LINE_RULES, NOISE_MAX_LEN
from .numerals import to_int
from .text import Line, Piece, split_lines

if TYPE_CHECKING:
    from ..state import NoticeState


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


#: LINE_RULES as plain tuples: unpacking a tuple subclass (a NamedTuple row) in a loop takes the
#: interpreter's slow path, and every line is tried against the rules
_RULES: tuple[tuple[str, str | None, re.Pattern[str], bool, str], ...] = tuple(
    (r.kind, r.style, r.pattern, r.anywhere, r.first) for r in LINE_RULES)

#: token kinds that carry no text of the notice
VOID_KINDS = frozenset(("blank", "noise"))


def content_tokens(tokens: list[Token]) -> list[Token]:
    """The tokens that carry text: neither blank nor noise."""
    return [t for t in tokens if t.kind not in VOID_KINDS]


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
