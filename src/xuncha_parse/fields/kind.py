"""What the document is: a rectification notice, or one of its neighbours (an inspection announcement,
news of a feedback or mobilisation meeting, a rectification plan, a round's summary, something else).

Deciding, in order: the headline (the title, else the first line when it reads as a news headline); the
rectification notice's own formula (``现将…整改情况通报如下``); a news item's lead (its first dated
sentence, when it tells of one day's event); a neighbour's words anywhere in the text; and, when nothing
decided, whether the text speaks of 整改.  The words that decided are kept with their span
(``kind_evidence``).  Only a rectification notice has problems and declared counts; the later stages ask
``is_rectification``.  A traditional repost's pinyin debris (masked in the view) is skipped over.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from ..grammar import (
    KIND_FALLBACK,
    KIND_FORMULA,
    KIND_HEADLINE,
    KIND_HEADLINE_LINES,
    KIND_HEADLINE_MAX,
    KIND_LEAD,
    KIND_TEXT,
    SENTENCE_END,
    TITLE_COLUMN_LABEL,
    TITLE_PAGE_CAPTION,
)
from ..layout.text import NOISE_CHAR, Piece, Source, piece_span
from ..sentences import sentences_of
from ..shapes import EvidenceDict
from .dates import find_dates

if TYPE_CHECKING:
    from ..state import NoticeState

Rules = tuple[tuple[str, re.Pattern[str]], ...]
#: a run of text between masked debris
_UNMASKED = re.compile(f"[^{NOISE_CHAR}]+")
Decision = tuple[str, EvidenceDict]


def stage_kind(state: NoticeState) -> None:
    """Reads ``title_piece``, ``preamble``, ``intro`` and the source; writes ``kind`` and ``kind_evidence`` (and,
    for a news item whose headline decided, ``title_piece``, ``title`` and ``title_span``)."""
    captioned = _captioned(state)
    if captioned is not None:  # a sharing site's page captions name the document better than any line
        state.title_piece, state.title, state.title_span = None, None, None
    decided = _by_headline(state)
    if decided is not None:
        if state.title_piece is None:
            _headline_as_title(state)
        state.kind, state.kind_evidence = decided
        return
    text = _Text(state.source.view, state.source)
    decided = text.first(((("rectification", KIND_FORMULA),))) or _by_lead(state) or text.first(KIND_TEXT)
    kind, evidence = decided or (("rectification" if KIND_FALLBACK.search(text.view) else "other"), None)
    state.kind, state.kind_evidence = kind, evidence


def is_rectification(state: NoticeState) -> bool:
    """Is the document a rectification notice (the only kind with problems)?  True before the kind is known."""
    return state.kind == "rectification"


def headline(state: NoticeState) -> Piece | None:
    """The title, else the first of the first lines that reads as a news item's headline: short, no stop
    in it (a page's greeting ``您好!今天是`` has one), and a kind's words (a paper's ``第02版:要闻`` has none)."""
    if state.title_piece is not None:
        return state.title_piece
    lines = (t.piece for t in state.preamble[:KIND_HEADLINE_LINES])
    return next((p for p in lines if len(p.view) <= KIND_HEADLINE_MAX and not any(c in p.view for c in SENTENCE_END)
                 and any(pattern.search(p.view) for _, pattern in KIND_HEADLINE)), None)


def _captioned(state: NoticeState) -> Piece | None:
    """The first line a document-sharing site captions with its page (``巡察整改工作方案_第1页``)."""
    return next((t.piece for t in state.preamble[:KIND_HEADLINE_LINES] if TITLE_PAGE_CAPTION.search(t.piece.view)), None)


def _headline_as_title(state: NoticeState) -> None:
    """A news item's headline that decided its kind is its title, without a column label (``【巡察动态】``)
    or a page caption (``_第1页``)."""
    line = headline(state)
    if line is None:
        return
    view = line.view
    head, tail = TITLE_COLUMN_LABEL.match(view), TITLE_PAGE_CAPTION.search(view)
    title = line.sub(head.end() if head else 0, tail.start() if tail else len(view)).strip()
    state.title_piece, state.title, state.title_span = title, title.text, piece_span(title, state.source)


def _by_headline(state: NoticeState) -> Decision | None:
    line = headline(state)
    return _Text(line.view, state.source, line).first(KIND_HEADLINE) if line is not None else None


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
            runs = [(a + m.start(), m.group()) for m in _UNMASKED.finditer(part)]
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
