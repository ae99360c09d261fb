"""What a person corrected, as the review page shows it: a page made with ``--corrections`` shows the
corrected values, each marked, with the parsed value and who corrected it when on hover.

``Fixes.of(notice)`` reads the notice's ``corrections[]`` (what ``corrections.apply`` put there) once.
Corrections name a problem by its index in the *parsed* list (``problems.3.status``), but the corrected
notice has removed problems dropped and added ones inserted; ``Fixes.bases`` maps a problem of the
corrected list back to its path (``problems.3`` by its parsed index, ``problems.+120`` for one a person
added), so the form writes the paths the next ``apply`` expects.  Pure: no I/O.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import Any

from ..corrections import ADDED, kind_of
from .i18n import Catalogue
from .marks import date_value

#: an added problem's path starts so (``problems.+120``)
ADDED_PREFIX = f"problems.{ADDED}"


@dataclass(frozen=True, slots=True)
class Fixes:
    """A notice's applied corrections by path, and each problem's path (``problems.3``, ``problems.+120``)."""

    by_path: dict[str, dict[str, Any]] = field(default_factory=dict)
    bases: tuple[str, ...] = ()

    @classmethod
    def of(cls, notice: dict[str, Any]) -> Fixes:
        by_path = {c["path"]: c for c in notice.get("corrections") or []}
        return cls(by_path, _bases(notice.get("problems") or [], by_path))

    def removed(self) -> list[tuple[int, dict[str, Any]]]:
        """The problems a person marked as not a problem: (parsed index, correction), in parsed order."""
        out = [(int(path.split(".")[1]), c) for path, c in self.by_path.items() if _is_removal(path)]
        return sorted(out, key=lambda pair: pair[0])

    def flag(self, path: str, t: Catalogue) -> str:
        """A mark beside a corrected value (the parsed value and who/when as its tooltip), or nothing."""
        fix = self.by_path.get(path)
        if fix is None:
            return ""
        tip = html.escape(note(fix, t, path), quote=True)
        return f'<sup class="fixed" data-fixed="{html.escape(path)}" title="{tip}">{html.escape(t("corrected.mark"))}</sup>'

    def problem_path(self, position: int, key: str | None = None) -> str:
        """The correction path of the problem at ``position`` of the corrected list (and of its ``key``)."""
        base = self.bases[position] if position < len(self.bases) else f"problems.{position}"
        return f"{base}.{key}" if key else base

    def added(self, position: int) -> bool:
        """Whether the problem at ``position`` is one a person added."""
        return self.problem_path(position).startswith(ADDED_PREFIX)


def _is_removal(path: str) -> bool:
    """``problems.3``: the problem at parsed index 3 is not a problem (as ``corrections.apply`` reads it)."""
    return kind_of(path) == "remove"


def _bases(problems: list[dict[str, Any]], by_path: dict[str, dict[str, Any]]) -> tuple[str, ...]:
    """Each problem's path: an added one (an addition starts at its span) by its start; the others are the
    parsed problems in order, less the removed ones (corrections.apply removes, then adds)."""
    removed = {int(p.split(".")[1]) for p in by_path if _is_removal(p)}
    out: list[str] = []
    nxt = 0
    for problem in problems:
        added = f"{ADDED_PREFIX}{problem['span']['start']}"
        if added in by_path:
            out.append(added)
            continue
        while nxt in removed:
            nxt += 1
        out.append(f"problems.{nxt}")
        nxt += 1
    return tuple(out)


def shown(value: Any, t: Catalogue, path: str = "") -> str:
    """A parsed or corrected value as the page writes it: a date normalised, a status named, none as such."""
    if value is None:
        return t("corrected.empty")
    if isinstance(value, dict) and "iso" in value:
        return date_value(value, t)
    if path.endswith(".status") and isinstance(value, str):
        return t.code("status", value)
    return str(value)


def note(fix: dict[str, Any], t: Catalogue, path: str) -> str:
    """``解析值：X；张三 于 2026-12-06T… 更正``: what the parser gave, and who corrected it when."""
    added = path.startswith(ADDED_PREFIX)
    was = t("corrected.added") if added else t("corrected.was", value=shown(fix.get("parsed"), t, path))
    at = _when(fix.get("at"), t) or t("corrected.unknown")
    who = t("corrected.by", by=fix["by"], at=at) if fix.get("by") else t("corrected.by_nobody", at=at)
    return f"{was}{t('list.sep')}{who}"


def _when(at: str | None, t: Catalogue) -> str | None:
    """The page's UTC timestamp (``2026-12-06T04:00:00.000Z``) to the minute: ``2026-12-06 04:00 UTC``."""
    if at and len(at) >= 16 and at[10] == "T" and at.endswith("Z"):
        return t("corrected.utc", day=at[:10], time=at[11:16])
    return at
