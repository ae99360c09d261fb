"""The line grammar: each line rule registered once, with its pattern and both its actions.

In the manner of mistune's ``register(name, pattern, func)``: a rule binds its name to a pattern of
``grammar.py`` (data), the action that makes a token of a matching line (``layout/tokens.py``) and the
step by which the heading tree takes that kind of token (``layout/tree.py``).  ``LINES`` is the one
table; stage 3 (``stage_tokens``) tries its rules in order on each line and stage 5 (``stage_tree``)
folds the body's tokens by each kind's step.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..grammar import (
    ARABIC_MARKER,
    ARABIC_PAREN_MARKER,
    ASPECT_MARKER,
    BARE_CATEGORY,
    BARE_CATEGORY_FIRST,
    CIRCLED,
    CIRCLED_MARKER,
    CN_DIGITS,
    CN_MARKER,
    LABEL,
    LABEL_FIRST,
    NOISE_ANYWHERE,
    NOISE_LINE_START,
    NOISE_MAX_LEN,
    PAREN_ARABIC_MARKER,
    PAREN_CN_MARKER,
    PROBLEM_MARKER,
)
from ..nodes import Node, Token, root_node
from ..shapes import Diagnostic
from .text import Line, split_lines
from .tokens import make_bare_heading, make_heading, make_label, make_noise
from .tree import FoldState, attach, open_heading, skip

if TYPE_CHECKING:
    from ..state import NoticeState

#: a token action: fills the token from the match; False when the line is not that kind after all
Build = Callable[[Token, "str | None", "re.Match[str]"], bool]
#: a tree step: how the fold takes a token of one kind
Step = Callable[[FoldState, Token], None]


@dataclass(frozen=True, slots=True)
class LineRule:
    """One rule: its name, the token kind it makes, the pattern, the token action, the tree step, the
    heading style, whether the pattern may match anywhere in the line rather than at its start, and the
    characters a line it matches opens with ("" for any: a line that opens with none is not tried)."""

    name: str
    kind: str
    pattern: re.Pattern[str]
    build: Build
    step: Step
    style: str | None
    anywhere: bool
    first: str


class LineGrammar:
    """The ordered line rules, and the tree step of every token kind."""

    def __init__(self) -> None:
        self.rules: list[LineRule] = []
        self.steps: dict[str, Step] = {}
        #: the rules as plain tuples for the hot loop: unpacking a dataclass or a tuple subclass per rule
        #: per line costs more (is-noise, style, pattern, anywhere, first characters, action)
        self.table: tuple[tuple[bool, str | None, re.Pattern[str], bool, str, Build], ...] = ()

    def register(self, name: str, kind: str, pattern: re.Pattern[str], build: Build, step: Step, *,
                 style: str | None = None, anywhere: bool = False, first: str = "") -> None:
        """Add a rule after those registered so far; a kind is folded by one step only."""
        if any(r.name == name for r in self.rules):
            raise ValueError(f"line rule {name!r} is registered twice")
        self.kind(kind, step)
        self.rules.append(LineRule(name, kind, pattern, build, step, style, anywhere, first))
        self.table = tuple((r.kind == "noise", r.style, r.pattern, r.anywhere, r.first, r.build) for r in self.rules)

    def kind(self, kind: str, step: Step) -> None:
        """Say how the tree takes tokens of ``kind`` (``blank`` and ``body`` come from no rule)."""
        if self.steps.setdefault(kind, step) is not step:
            raise ValueError(f"token kind {kind!r} already has another tree step")


#: the line rules, tried in this order on each (stripped, folded) line; noise rules apply only to short
#: lines (NOISE_MAX_LEN); the first rule whose action accepts the match names the token
LINES = LineGrammar()
LINES.kind("blank", skip)
LINES.kind("body", attach)
LINES.register("chrome_start", "noise", NOISE_LINE_START, make_noise, skip)
LINES.register("chrome_anywhere", "noise", NOISE_ANYWHERE, make_noise, skip, anywhere=True)
LINES.register("label", "label", LABEL, make_label, attach, first="【[ " + LABEL_FIRST)
LINES.register("problem", "heading", PROBLEM_MARKER, make_heading, open_heading, style="problem", first="问")
LINES.register("cn", "heading", CN_MARKER, make_heading, open_heading, style="cn", first=CN_DIGITS)
LINES.register("aspect", "heading", ASPECT_MARKER, make_heading, open_heading, style="aspect", first="第")
LINES.register("paren_cn", "heading", PAREN_CN_MARKER, make_heading, open_heading, style="paren_cn", first="(")
LINES.register("paren_arabic", "heading", PAREN_ARABIC_MARKER, make_heading, open_heading, style="paren_arabic",
               first="(")
LINES.register("arabic", "heading", ARABIC_MARKER, make_heading, open_heading, style="arabic", first="0123456789")
LINES.register("arabic_paren", "heading", ARABIC_PAREN_MARKER, make_heading, open_heading, style="arabic_paren",
               first="0123456789")
LINES.register("circled", "heading", CIRCLED_MARKER, make_heading, open_heading, style="circled", first=CIRCLED)
LINES.register("bare_category", "heading", BARE_CATEGORY, make_bare_heading, open_heading, style="bare_category",
               first=BARE_CATEGORY_FIRST)


def stage_tokens(state: NoticeState) -> None:
    """Stage 3. Reads the source; writes ``tokens``: one per physical line, classified."""
    state.tokens = tokenize(split_lines(state.source))


def tokenize(lines: list[Line]) -> list[Token]:
    """One token per physical line, in order."""
    return [classify(line) for line in lines]


def classify(line: Line) -> Token:
    """Name a line by the first rule of ``LINES`` that matches it and whose action accepts it."""
    piece = line.piece
    tok = Token("body", piece, line.number, line.number, line.indent, line.width, lines=[line.number])
    if not piece.text:
        tok.kind = "blank"
        return tok
    view = piece.view
    short = len(view) <= NOISE_MAX_LEN  # a long line that mentions chrome words is text
    opening = view[0]
    for noise, style, pattern, anywhere, first, build in LINES.table:
        if (noise and not short) or (first and opening not in first):
            continue
        m = pattern.search(view) if anywhere else pattern.match(view)
        if m is not None and build(tok, style, m):
            return tok
    return tok


def stage_tree(state: NoticeState) -> None:
    """Stage 5. Reads ``body``; writes ``root`` (the heading tree) and ``diagnostics`` (levels reconciled)."""
    state.root, diagnostics = fold(state.body)
    state.diagnostics.extend(diagnostics)


def fold(tokens: list[Token]) -> tuple[Node, list[Diagnostic]]:
    """Build the heading tree of the body tokens (preamble and closing excluded), each by its kind's step."""
    root = root_node()
    state = FoldState(root, [root], [])
    steps = LINES.steps
    for tok in tokens:
        steps[tok.kind](state, tok)
    return root, state.diagnostics
