"""What the document is: a rectification notice, or one of its neighbours (an inspection announcement,
news of a feedback or mobilisation meeting, a rectification plan, a round's summary, something else).

The headline decides first (the title, else the first short line of text), then the running text's
own formula; a text that decided nothing and speaks of 整改 is a rectification notice.  The words
that decided are kept with their span (``kind_evidence``).  Only a rectification notice has problems
and declared counts; the later stages ask ``is_rectification``.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..grammar import KIND_FALLBACK, KIND_HEADLINE, KIND_HEADLINE_MAX, KIND_TEXT, SENTENCE_END
from ..layout.text import Piece, piece_span
from ..shapes import EvidenceDict

if TYPE_CHECKING:
    from ..state import NoticeState


def stage_kind(state: NoticeState) -> None:
    """Reads ``title``, ``preamble`` and the source; writes the fields ``kind`` and ``kind_evidence``."""
    kind, evidence = _by_headline(state) or _by_text(state) or _fallback(state)
    state.fields["kind"], state.fields["kind_evidence"] = kind, evidence


def is_rectification(state: NoticeState) -> bool:
    """Is the document a rectification notice (the only kind with problems)?  True before the kind is known."""
    return bool(state.fields.get("kind", "rectification") == "rectification")


def headline(state: NoticeState) -> Piece | None:
    """The title, else the first line of text if it is a news item's headline: short, with no stop at its end."""
    if state.title is not None:
        return state.title
    first = state.preamble[0].piece if state.preamble else None
    if first is None or len(first.view) > KIND_HEADLINE_MAX or first.view.rstrip()[-1:] in SENTENCE_END:
        return None
    return first


def _by_headline(state: NoticeState) -> tuple[str, EvidenceDict] | None:
    line = headline(state)
    if line is None:
        return None
    hit = _first_rule(KIND_HEADLINE, line.view)
    if hit is None:
        return None
    kind, m = hit
    return kind, {"text": line.text[m.start():m.end()], "span": piece_span(line, state.source, *m.span())}


def _by_text(state: NoticeState) -> tuple[str, EvidenceDict] | None:
    source = state.source
    hit = _first_rule(KIND_TEXT, source.view)
    if hit is None:
        return None
    kind, m = hit
    return kind, {"text": source.text[m.start():m.end()], "span": source.span_dict(*m.span())}


def _fallback(state: NoticeState) -> tuple[str, None]:
    return ("rectification" if KIND_FALLBACK.search(state.source.view) else "other"), None


def _first_rule(rules: tuple[tuple[str, re.Pattern[str]], ...], view: str) -> tuple[str, re.Match[str]] | None:
    """The first rule whose pattern matches, with its match."""
    for kind, pattern in rules:
        m = pattern.search(view)
        if m is not None:
            return kind, m
    return None
