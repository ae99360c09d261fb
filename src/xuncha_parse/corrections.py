"""Corrections that last: values a person fixed on the review page, applied to every later parse.

A corrections file (docs/OUTPUT.md, "Corrections") is what the review page's download button writes:
``{"format": "xuncha-corrections", "version": 1, "notices": {SHA256: {"file": str, "corrections":
{PATH: {"parsed", "value", "by", "at"}}}}}``.  ``load`` reads and checks one or more of them (a later
file wins for the same notice and path); ``apply`` puts them into a notice dict.

Pure: no I/O besides ``load_files``.  ``apply`` changes a value only when the notice is the one that
was corrected (same sha256) and the parser still gives the value the person saw (``parsed``);
anything else is reported (a diagnostic, and a message for stderr) and left as parsed.  The notice
keeps both values: the corrected one in place, and ``corrections[]`` with the parsed one beside it.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable

FORMAT = "xuncha-corrections"
VERSION = 1
STATUSES = ("completed", "in_progress", "unknown")
#: a problem's fields a person may correct (``problems.3.status``)
PROBLEM_FIELDS = ("title", "status", "category")
#: a removal's path: ``problems.3``; an addition's: ``problems.+120`` (where the selection starts)
ADDED = "+"


class CorrectionsError(ValueError):
    """A corrections file that cannot be used: not JSON, or not in the corrections format."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One corrected field of one notice."""

    path: str
    parsed: Any
    value: Any
    by: str | None = None
    at: str | None = None


@dataclass(slots=True)
class NoticeCorrections:
    """The corrections of one notice (by its sha256), and the file name it had when corrected."""

    file: str | None
    fields: dict[str, Correction] = field(default_factory=dict)


class Corrections(dict[str, NoticeCorrections]):
    """sha256 → that notice's corrections; ``named`` finds them by file name (built once, when first asked,
    so that a batch of many notices against a long file is not a scan per notice)."""

    __slots__ = ("_names",)

    def named(self, name: str) -> list[tuple[str, NoticeCorrections]]:
        """The corrections whose file had this name (its last path part)."""
        if not hasattr(self, "_names"):
            self._names: dict[str, list[tuple[str, NoticeCorrections]]] = {}
            for sha, mine in self.items():
                self._names.setdefault(_basename(mine.file) or "", []).append((sha, mine))
        return self._names.get(name, [])

    def for_file(self, sha256: str, path: str | None) -> Corrections:
        """Only what ``apply`` consults for this file: its own corrections, and those of a file of its name."""
        mine = Corrections({sha: c for sha, c in self.named(_basename(path) or "")})
        if sha256 in self:
            mine[sha256] = self[sha256]
        return mine


# ---------------------------------------------------------------- reading and checking


def load_files(paths: list[str]) -> Corrections:
    """Every file's corrections merged, a later file winning; CorrectionsError names the bad file."""
    merged = Corrections()
    for path in paths:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise CorrectionsError(f"{path}: cannot read: {e.strerror or e}") from None
        try:
            merge(merged, loads(data))
        except CorrectionsError as e:
            raise CorrectionsError(f"{path}: {e}") from None
    return merged


def merge(into: Corrections, more: Corrections) -> None:
    for sha, notice in more.items():
        mine = into.setdefault(sha, NoticeCorrections(notice.file))
        mine.file = notice.file or mine.file
        mine.fields.update(notice.fields)


def loads(data: bytes | str) -> Corrections:
    """One corrections file's content, checked."""
    import orjson

    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError as e:
        raise CorrectionsError(f"not JSON: {e}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CorrectionsError(f'not a corrections file (no "format": "{FORMAT}")')
    if doc.get("version") != VERSION:
        raise CorrectionsError(f"corrections version {doc.get('version')!r}; this xuncha reads {VERSION}")
    notices = doc.get("notices")
    if not isinstance(notices, dict):
        raise CorrectionsError('"notices" must be an object keyed by sha256')
    return Corrections((_sha(sha), _notice(sha, entry)) for sha, entry in notices.items())


def _sha(sha: str) -> str:
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise CorrectionsError(f"{sha!r} is not a sha256 (64 lower-case hex digits)")
    return sha


def _notice(sha: str, entry: Any) -> NoticeCorrections:
    if not isinstance(entry, dict) or not isinstance(entry.get("corrections"), dict):
        raise CorrectionsError(f'{sha[:12]}: needs "corrections", an object keyed by field path')
    file = entry.get("file")
    fields = {path: _correction(sha, path, c) for path, c in entry["corrections"].items()}
    return NoticeCorrections(file if isinstance(file, str) else None, fields)


def _correction(sha: str, path: str, c: Any) -> Correction:
    if not isinstance(c, dict) or "value" not in c or "parsed" not in c:
        raise CorrectionsError(f'{sha[:12]} {path}: needs "parsed" and "value"')
    problem = check_value(path, c["value"])
    if problem:
        raise CorrectionsError(f"{sha[:12]} {path}: {problem}")
    return Correction(path, c["parsed"], c["value"], _text(c.get("by")), _text(c.get("at")))


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


# ---------------------------------------------------------------- what a path may hold

Check = Callable[[Any], bool]


def _is_text(v: Any) -> bool:
    return v is None or isinstance(v, str) and bool(v.strip())


def _is_count(v: Any) -> bool:
    return v is None or isinstance(v, int) and not isinstance(v, bool) and v >= 0


def _is_rate(v: Any) -> bool:
    return v is None or isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1


def _is_status(v: Any) -> bool:
    return v in STATUSES


def _is_added(v: Any) -> bool:
    span = v.get("span") if isinstance(v, dict) else None
    return (isinstance(v, dict) and _is_text(v.get("title")) and v.get("title") is not None
            and isinstance(span, dict) and all(isinstance(span.get(k), int) for k in SPAN_KEYS)
            and 0 <= span["start"] < span["end"])


SPAN_KEYS = ("start", "end", "line_start", "line_end")
#: a corrected date's keys (OUTPUT.md's Date); the page writes ``text`` and ``iso`` as ``2023-05-12``
DATE_KEYS = ("text", "iso", "year", "month", "day", "year_inferred", "qualifier")


def _is_date(v: Any) -> bool:
    """None, or a whole Date whose numbers are its ISO date's: ``{"text": "2023-05-12", "iso": ...}``."""
    if v is None:
        return True
    if not isinstance(v, dict) or tuple(v) != DATE_KEYS or not isinstance(v["iso"], str):
        return False
    import datetime

    try:
        day = datetime.date.fromisoformat(v["iso"])
    except ValueError:
        return False
    return (v["year"], v["month"], v["day"]) == (day.year, day.month, day.day) and _is_text(v["text"])

#: the notice's fields a person may correct, and what each may hold (``None`` clears a value)
NOTICE_FIELDS: dict[str, Check] = {
    "title": _is_text,
    "inspection.body": _is_text, "inspection.round": _is_text,
    "inspection.kind": _is_text, "inspection.target": _is_text,
    "inspection.start": _is_date, "inspection.end": _is_date, "inspection.feedback": _is_date,
    "declared.categories": _is_count, "declared.problems": _is_count,
    "declared.completed": _is_count, "declared.in_progress": _is_count,
    "declared.completion_rate": _is_rate,
}
PROBLEM_CHECKS: dict[str, Check] = {"title": _is_text, "status": _is_status, "category": _is_text}


def kind_of(path: str) -> str:
    """``field`` (a value set in place), ``remove`` (``problems.3``), ``add`` (``problems.+120``), or ``bad``."""
    if path in NOTICE_FIELDS:
        return "field"
    parts = path.split(".")
    if len(parts) < 2 or parts[0] != "problems":
        return "bad"
    if len(parts) == 2 and parts[1].startswith(ADDED) and parts[1][1:].isdigit():
        return "add"
    if not parts[1].isdigit():
        return "bad"
    if len(parts) == 2:
        return "remove"
    return "field" if len(parts) == 3 and parts[2] in PROBLEM_CHECKS else "bad"


def check_value(path: str, value: Any) -> str | None:
    """Why ``value`` cannot stand at ``path``, or None when it can."""
    kind = kind_of(path)
    if kind == "bad":
        return "not a field a correction may change"
    if kind == "remove":
        return None if value is None else "removing a problem takes the value null"
    if kind == "add":
        return None if _is_added(value) else 'an added problem needs "title" and a "span" with offsets and lines'
    check = NOTICE_FIELDS.get(path) or PROBLEM_CHECKS[path.rsplit(".", 1)[1]]
    return None if check(value) else f"{value!r} is not a value this field takes"


# ---------------------------------------------------------------- applying


@dataclass(slots=True)
class Applied:
    """What ``apply`` did to one notice: how many corrections it applied, and why others were not."""

    applied: int = 0
    refused: list[str] = field(default_factory=list)


def apply(notice: dict[str, Any], corrections: Corrections) -> Applied:
    """Put a notice's corrections in place; report those made on another version of its file or on a
    value the parser no longer gives.  Changes ``notice`` (its values, ``corrections``, ``diagnostics``)."""
    done = Applied()
    mine = corrections.get(notice["source"]["sha256"])
    if mine is None:
        _stale(notice, corrections, done)
        return done
    steps = sorted(mine.fields.values(), key=_order)
    for c in steps:
        why = STEPS[kind_of(c.path)](notice, c)
        if why:
            _refuse(notice, done, f"{c.path}: {why}; not applied")
        else:
            done.applied += 1
            notice.setdefault("corrections", []).append(_entry(c))
    return done


def _order(c: Correction) -> tuple[int, int]:
    """Values first, then removals from the last problem back, then additions: so each index is the parsed one."""
    kind = kind_of(c.path)
    if kind == "remove":
        return 1, -int(c.path.split(".")[1])
    return (2, 0) if kind == "add" else (0, 0)


def _entry(c: Correction) -> dict[str, Any]:
    return {"path": c.path, "value": c.value, "parsed": c.parsed, "source": "corrected", "by": c.by, "at": c.at}


def _stale(notice: dict[str, Any], corrections: Corrections, done: Applied) -> None:
    """Corrections for a file of this name but other bytes: the notice changed since it was corrected."""
    name = _basename(notice["source"].get("path"))
    if name is None:
        return
    for sha, mine in corrections.named(name):
        _refuse(notice, done, f"{len(mine.fields)} corrections were made on another version of this file "
                              f"(sha256 {sha[:12]}, now {notice['source']['sha256'][:12]}); not applied")


def _basename(path: str | None) -> str | None:
    return os.path.basename(path.replace("\\", "/")) if path else None


def _refuse(notice: dict[str, Any], done: Applied, message: str) -> None:
    done.refused.append(message)
    notice["diagnostics"].append({"level": "warning", "code": "correction_not_applied", "message": message,
                                  "line": None})


def _set_field(notice: dict[str, Any], c: Correction) -> str | None:
    """A value set in place, when the parser still gives the value the person saw."""
    *parents, key = c.path.split(".")
    holder: Any = notice
    for part in parents:
        holder = _child(holder, part)
        if holder is None:
            return "the parse has no such problem now"
    if holder.get(key) != c.parsed:
        return f"the parser now gives {holder.get(key)!r}, not {c.parsed!r} as when it was corrected"
    holder[key] = c.value
    return None


def _child(holder: Any, part: str) -> Any:
    if isinstance(holder, list):
        index = int(part)
        return holder[index] if index < len(holder) else None
    return holder.get(part)


def _remove(notice: dict[str, Any], c: Correction) -> str | None:
    """A problem marked as not a problem: ``parsed`` is its title, which must still match."""
    index = int(c.path.split(".")[1])
    problems = notice["problems"]
    if index >= len(problems) or problems[index].get("title") != c.parsed:
        return f"the parse has no problem {index} titled {c.parsed!r} now"
    del problems[index]
    return None


def _add(notice: dict[str, Any], c: Correction) -> str | None:
    """A missed problem, from a selection of the text, in source order; refused where one starts already."""
    span = {k: c.value["span"][k] for k in SPAN_KEYS}
    problems = notice["problems"]
    if any(p["span"]["start"] == span["start"] for p in problems):
        return "a problem starts there already"
    at = sum(1 for p in problems if p["span"]["start"] < span["start"])
    problems.insert(at, added_problem(c.value["title"], span))
    return None


def added_problem(title: str, span: dict[str, int]) -> dict[str, Any]:
    """A problem a person added: its title and span, every other field empty (OUTPUT.md's defaults)."""
    return {"number": None, "marker": None, "category": None, "group": None, "title": title,
            "description": None, "leader": None, "leader_span": None, "cause": None, "measures": [],
            "progress": [], "status": "unknown", "status_text": None, "status_span": None, "long_term": False,
            "immediate": False, "entities": [], "keywords": [], "topics": [], "span": span}


#: what each kind of correction does to the notice (``kind_of``): None when done, else why not
STEPS: dict[str, Callable[[dict[str, Any], Correction], str | None]] = {
    "field": _set_field, "remove": _remove, "add": _add,
}
