"""Contact channels: phones, e-mails, mailboxes, postcodes, addresses, websites, each with its owner."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ..grammar import (
    ADDRESS,
    EMAIL,
    FURNITURE,
    FURNITURE_REACH,
    MAILBOX,
    MAILBOX_CELL,
    MAILBOX_QUOTED,
    MAILBOX_VALUE,
    OWNER,
    OWNER_REACH,
    OWNER_SELF,
    PHONE,
    PHONE_LOCAL,
    POSTCODE,
    WEBSITE,
)
from ..layout.document import closing_pieces
from ..layout.text import Piece, Source, piece_span
from .kind import is_rectification

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..shapes import ContactDict
    from ..state import NoticeState


def find_contacts(pieces: list[Piece], source: Source) -> list[ContactDict]:
    """Every contact in the given pieces (the closing and other non-problem text), in order, once."""
    out, seen = [], set()
    for piece in pieces:
        for contact in _in_piece(piece, source):
            key = (contact["type"], contact["normalized"] or contact["value"])
            if key not in seen:
                seen.add(key)
                out.append(contact)
    return out


def _in_piece(piece: Piece, source: Source) -> list[ContactDict]:
    view, found = piece.view, []
    emails = [m.span() for m in EMAIL.finditer(view)]
    starts = [a for a, _ in emails]
    for kind, pattern, group in _rules(view):
        for m in pattern.finditer(view):
            a, b = m.span(group)
            if kind == "phone" and (_inside(a, emails, starts) or FURNITURE.search(view[max(0, a - FURNITURE_REACH):a])):
                continue
            if _SKIP.get(kind, _keep)(view, m):
                continue
            found.append(_contact(kind, piece, a, b, source))
    return sorted(found, key=lambda c: c["span"]["start"])


def _keep(view: str, m: re.Match[str]) -> bool:
    return False


def _not_a_box(view: str, m: re.Match[str]) -> bool:
    """``邮政信箱公布如下``: the words of a sentence naming the channel, no box."""
    return MAILBOX_VALUE.search(m.group("v")) is None


#: the rules that drop a match of a kind, by the kind's name
_SKIP: dict[str, Callable[[str, re.Match[str]], bool]] = {"mailbox": _not_a_box}


def _inside(i: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether ``i`` falls in one of the spans (sorted and apart, as finditer gives them), by bisection."""
    k = bisect_right(starts, i) - 1
    return k >= 0 and i < spans[k][1]


def _contact(kind: str, piece: Piece, a: int, b: int, source: Source) -> ContactDict:
    value = piece.text[a:b].strip()
    return {"type": kind, "value": value, "normalized": NORMALIZE[kind](piece.view[a:b]),
            "owner": owner_before(piece.view, piece.text, a), "span": piece_span(piece, source, a, b)}




def owner_before(view: str, text: str, at: int) -> str | None:
    """``也可向X反映，联系电话：…`` → X, within the sentence before the contact; ``我们`` → None."""
    low = max(0, at - OWNER_REACH)
    start = max(max(view.rfind(c, low, at) for c in "。!?") + 1, low)
    owner = None
    for m in OWNER.finditer(view, start, at):
        owner = text[m.start("owner"):m.end("owner")].strip()
    if owner is None or OWNER_SELF.match(owner) or owner.startswith("我们"):
        return None
    return re.sub(r"^(?:及时|直接|径)", "", owner) or None


def normalize_phone(raw: str) -> str:
    """``0475-7923888`` → ``+86-475-7923888``; ``19604750533`` → ``+86-19604750533``."""
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("0"):
        area = 3 if digits[1] in "12" else 4
        return f"+86-{digits[1:area]}-{digits[area:]}"
    return f"+86-{digits}" if len(digits) == 11 else digits


NORMALIZE: dict[str, Callable[[str], str | None]] = {
    "phone": normalize_phone,
    "email": lambda v: v.strip().lower(),
    "postcode": lambda v: re.sub(r"\D", "", v),
    "mailbox": lambda v: None,
    "address": lambda v: None,
    "website": lambda v: v.strip().lower(),
}

_RULES: tuple[tuple[str, re.Pattern[str], int | str], ...] = (
    ("email", EMAIL, 0),
    ("phone", PHONE, 0),
    ("postcode", POSTCODE, "v"),
    ("mailbox", MAILBOX, "v"),
    ("address", ADDRESS, "v"),
    ("website", WEBSITE, 0),
)


def _rules(view: str) -> tuple[tuple[str, re.Pattern[str], int | str], ...]:
    """The rules worth trying on a piece: a table's unlabelled postal box only where ``专用信箱`` stands, and not
    where a labelled one (``邮政信箱：…``) would take it already; a box named in quotes only where a closing quote
    follows 信箱; a local number only after a phone's label."""
    more: list[tuple[str, re.Pattern[str], int | str]] = []
    if "专用信箱" in view and "邮政信箱" not in view:
        more.append(("mailbox", MAILBOX_CELL, "v"))
    if "信箱”" in view:
        more.append(("mailbox", MAILBOX_QUOTED, "v"))
    if "电话" in view or "热线" in view:
        more.append(("phone", PHONE_LOCAL, "v"))
    return (*_RULES, *more) if more else _RULES


def stage_contacts(state: NoticeState) -> None:
    """Reads the closing pieces (``document.closing_pieces``) and ``kind``; writes ``contacts``.  A neighbour
    of a notice (an announcement's 信访 channels) gives its channels anywhere in its text, not in a closing
    invitation: all of it is read."""
    pieces = closing_pieces(state) if is_rectification(state) else state.outside + [t.piece for t in state.signature_tokens]
    state.contacts = find_contacts(pieces, state.source)
