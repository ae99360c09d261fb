"""A problem's wording, normalised for matching, and its finding text and type (vocabulary.py).

``wording(title, description, names)``: NFKC, without punctuation, the openers (``一是``, ``部分``,
``有的``) and the unit's own names. ``finding_text(wording)``: the variants replaced by their canonical
wording and the hedges dropped. ``finding_type(text)``: the first FINDING_TYPES entry that names it.
Pure functions of strings.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from .vocabulary import FINDING_TYPES, HEDGES, OPENERS, PUNCTUATION, VARIANTS

#: at most this many characters of a description join the title in the wording (keeps cost bounded)
MAX_DESCRIPTION = 300


def wording(title: str | None, description: str | None = None, names: Iterable[str | None] = ()) -> str:
    """The text near-duplicates are found on: title and the start of the description, normalised."""
    text = unicodedata.normalize("NFKC", (title or "") + (description or "")[:MAX_DESCRIPTION])
    for name in sorted({n for n in names if n and len(n) >= 2}, key=len, reverse=True):
        text = text.replace(name, "")
    return OPENERS.sub("", PUNCTUATION.sub("", text))


@lru_cache(maxsize=1)
def _variants() -> re.Pattern[str]:
    """One alternation of every variant, longest first, so one scan replaces them all."""
    pairs = [(v, canon) for canon, alts in VARIANTS for v in alts.split("|")]
    return re.compile("|".join(re.escape(v) for v, _ in sorted(pairs, key=lambda p: -len(p[0]))))


@lru_cache(maxsize=1)
def _canonical() -> dict[str, str]:
    return {v: canon for canon, alts in VARIANTS for v in alts.split("|")}


def finding_text(text: str) -> str:
    """``text`` with every variant replaced by its canonical wording and the hedges dropped:
    ``干部选拔任用工作不够规范`` -> ``选人用人工作不规范``."""
    canonical = _canonical()
    return _variants().sub(lambda m: canonical[m.group(0)], HEDGES.sub("", text))


def finding_type(text: str) -> str | None:
    """The code of the first finding type whose words occur in a finding text, else None."""
    for kind in FINDING_TYPES:
        if kind.pattern.search(text):
            return kind.code
    return None


def canonical_wording(code: str) -> str:
    """The canonical wording of a finding type."""
    return next(t.canonical for t in FINDING_TYPES if t.code == code)
