"""What the document is: a rectification notice, or one of its neighbours (an inspection announcement,
news of a feedback or mobilisation meeting, a rectification plan, a round's summary, something else).

Deciding, in order (KIND_RULES): the title; the rectification notice's own formula (``现将…整改情况通报
如下``); the body's structure (a line labelled with the rectification's progress: ``整改情况：已完成``); a news
item's headline guessed among the first lines (fields/preamble.py); a news item's lead (its first dated
sentence, when it tells of one day's event); a neighbour's words anywhere in the text; and, when nothing
decided, whether the text speaks of 整改.  The formula and the structure outweigh every weak word a notice
also uses (``进驻``, ``动员部署会``, ``反馈了巡察意见``).  The words that decided are kept with their span
(``kind_evidence``).  Only a rectification notice has problems and declared counts; the later stages ask
``is_rectification``.  A traditional repost's pinyin debris (masked in the view) is skipped over.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING, Callable

from ..grammar import (
    KIND_FALLBACK,
    KIND_FORMULA,
    KIND_HEADLINE,
    KIND_LEAD,
    KIND_STRUCTURE_HEADING,
    KIND_STRUCTURE_LABEL,
    KIND_TEXT,
    UNMASKED,
)
from ..layout.text import NOISE_CHAR, Piece, Source
from ..sentences import sentences_of
from ..shapes import EvidenceDict
from .dates import find_dates
from .roles import has_labels

if TYPE_CHECKING:
    from ..state import NoticeState

Rules = tuple[tuple[str, re.Pattern[str]], ...]
Decision = tuple[str, EvidenceDict | None]


def stage_kind(state: NoticeState) -> None:
    """Reads ``title_piece``, ``preamble``, ``intro``, ``body`` and the source; writes ``kind``, ``kind_evidence``
    and ``kind_basis`` (the rule that decided, see KIND_RULES)."""
    basis, (kind, evidence) = next((basis, d) for basis, rule in KIND_RULES if (d := rule(state)) is not None)
    state.kind, state.kind_evidence, state.kind_basis = kind, evidence, basis


def is_rectification(state: NoticeState) -> bool:
    """Is the document a rectification notice (the only kind with problems)?  True before the kind is known."""
    return state.kind == "rectification"


def _by_title(state: NoticeState) -> Decision | None:
    """The title's words (a real title, read by the preamble stage)."""
    title = state.title_piece
    if title is None or state.title_from_headline:
        return None
    return _Text(title.view, state.source, title).first(KIND_HEADLINE)


def _by_formula(state: NoticeState) -> Decision | None:
    """The rectification notice's own formula anywhere in the text: ``现将巡察整改情况通报如下``."""
    return _Text(state.source.view, state.source).first((("rectification", KIND_FORMULA),))


def _by_structure(state: NoticeState) -> Decision | None:
    """A line in the body labelled with a rectification's progress or result (``整改情况：已完成``), else a top
    section reporting progress over problems (``二、整改落实情况`` over ``1.…`` / ``整改措施：…``)."""
    for tok in state.body:
        if tok.kind == "label" and KIND_STRUCTURE_LABEL.match(tok.piece.view):
            return _Text(tok.piece.view, state.source, tok.piece).first((("rectification", KIND_STRUCTURE_LABEL),))
    for node in state.root.children:
        if (node.children or has_labels(node)) and KIND_STRUCTURE_HEADING.search(node.heading.view):
            piece = node.token.piece
            return _Text(piece.view, state.source, piece).first((("rectification", KIND_STRUCTURE_HEADING),))
    return None


def _by_headline(state: NoticeState) -> Decision | None:
    """Without a title, a first line that reads as a news item's headline (a guess)."""
    line = state.title_piece
    if line is None or not state.title_from_headline:
        return None
    return _Text(line.view, state.source, line).first(KIND_HEADLINE)


def _by_text(state: NoticeState) -> Decision | None:
    """A neighbour's words anywhere in the running text."""
    return _Text(state.source.view, state.source).first(KIND_TEXT)


def _by_fallback(state: NoticeState) -> Decision:
    """Nothing decided: a rectification notice when the text speaks of 整改, else ``other``."""
    return ("rectification" if KIND_FALLBACK.search(state.source.view) else "other"), None


def _by_lead(state: NoticeState) -> Decision | None:
    """A news item's lead: the intro's first sentence with a date, when it holds a single date (one day's
    event, not an inspection's period: a notice's intro opens with the period, and tells of its feedback
    meeting after it)."""
    if state.intro is None:
        return None
    view = state.intro.view
    for a, b in sentences_of(view):
        dates = find_dates(view[a:b])
        if dates:
            return _Text(view, state.source, state.intro, a, b).first(KIND_LEAD) if len(dates) == 1 else None
    return None


#: the rules that decide the kind, strongest first; the first that decides names the ``kind_basis``
KIND_RULES: tuple[tuple[str, Callable[[NoticeState], Decision | None]], ...] = (
    ("title", _by_title), ("formula", _by_formula), ("structure", _by_structure), ("headline", _by_headline),
    ("lead", _by_lead), ("text", _by_text), ("fallback", _by_fallback),
)
#: the bases of a weakly decided kind, which a person should check: a guessed headline, a word anywhere in the
#: text, nothing at all
KIND_WEAK_BASES = frozenset(("headline", "text", "fallback"))


class _Text:
    """A view to match the kind's words in, with the pinyin debris of a traditional repost (masked as
    NOISE_CHAR) taken out; a match is mapped back to the source through ``piece`` (the whole source
    when None)."""

    def __init__(self, view: str, source: Source, piece: Piece | None = None, a: int = 0, b: int | None = None):
        self.source, self.piece = source, piece
        part = view[a:b] if a or b is not None else view
        #: the runs of text between masked debris: where each starts in the view, and in the compact view
        self.runs: list[tuple[int, int]] = []
        if NOISE_CHAR in part:
            runs = [(a + m.start(), m.group()) for m in UNMASKED.finditer(part)]
            self.view = "".join(text for _, text in runs)
            self.runs = list(zip(accumulate((len(text) for _, text in runs), initial=0), (s for s, _ in runs)))
        else:
            self.view, self.offset = part, a

    def first(self, rules: Rules) -> Decision | None:
        """The first rule whose pattern matches, with the words it matched and their span."""
        for kind, pattern in rules:
            m = pattern.search(self.view)
            if m is not None:
                return kind, self._evidence(m.start(), m.end())
        return None

    def _in_view(self, i: int) -> int:
        """Where a compact view's offset stands in the view."""
        k = bisect_right(self.runs, (i, len(self.source.view))) - 1
        return self.runs[k][1] + i - self.runs[k][0]

    def _evidence(self, start: int, end: int) -> EvidenceDict:
        if self.runs:
            start, end = self._in_view(start), self._in_view(end - 1) + 1
        else:
            start, end = start + self.offset, end + self.offset
        if self.piece is None:
            return {"text": self.source.text[start:end], "span": self.source.span_dict(start, end)}
        # a piece's text leaves out the line breaks of the lines it joins
        return {"text": self.piece.text[start:end], "span": self.source.span_dict(*self.piece.src_range(start, end))}
