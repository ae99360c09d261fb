"""A normalised unit key from a notice's target and issuer, so one unit's notices across rounds meet.

``unit_key("市政协机关党组", "霍林郭勒市政协机关党组")`` -> ``霍林郭勒市政协``: aliases shortened
(``中国人民政治协商会议`` -> ``政协``), ``委员会`` -> ``委``, ``中共`` and the party-organ suffixes
(``党组``, ``党委``, ``机关``) dropped, and the place the issuer names set before the target's own name.
"""
from __future__ import annotations

from functools import lru_cache

from .vocabulary import PLACE_PREFIX, UNIT_AFFIXES, UNIT_ALIASES, UNIT_COMMITTEE


@lru_cache(maxsize=65536)  # a notice's names come once per problem
def core(name: str) -> str:
    """A unit name without its party-organ affixes, aliases shortened: ``中共政协清远市委员会机关党组`` -> ``政协清远市委``."""
    for long, short in UNIT_ALIASES:
        name = name.replace(long, short)
    name = UNIT_COMMITTEE.sub("委", "".join(name.split()))
    while True:
        shorter = UNIT_AFFIXES.sub("", name)
        if shorter == name or len(shorter) < 2:
            return name
        name = shorter


def place(name: str) -> str:
    """The place a unit name opens with (``霍林郭勒市``), or '' for a level alone (``市``) or none."""
    found = PLACE_PREFIX.match(name)
    return found.group(0) if found and len(found.group(0)) > 1 else ""


def unit_key(target: str | None, issuer: str | None) -> str | None:
    """The key of the inspected unit: the target's core behind the issuer's place; None without either."""
    own = core(target or issuer or "")
    if not own:
        return None
    where = place(core(issuer or ""))
    if not where or own.startswith(where):
        return own
    return where + (own[1:] if own[:1] in "市区县省州旗" and len(own) > 2 else own)
