"""Numbers written in markers and ordinals: ``十七`` → 17, ``③`` → 3."""
from __future__ import annotations

from .grammar import CIRCLED

_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(s: str) -> int | None:
    """A Chinese numeral below 1000 (``十``, ``二十三``, ``一百零五``), else None."""
    if not s:
        return None
    total, cur = 0, 0
    for ch in s:
        if ch in _DIGIT:
            cur = _DIGIT[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def cn_digits_to_int(s: str) -> int | None:
    """Digit-by-digit Chinese numerals, as in years: ``二〇二六`` → 2026."""
    if not s or any(ch not in _DIGIT for ch in s):
        return None
    return int("".join(str(_DIGIT[ch]) for ch in s))


def to_int(s: str) -> int | None:
    """Any marker number: ASCII digits, Chinese numerals or a circled number."""
    s = s.strip()
    if len(s) == 1 and s in CIRCLED:
        return CIRCLED.index(s) + 1
    if s.isascii() and s.isdigit():
        return int(s)
    return cn_to_int(s)
