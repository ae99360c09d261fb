"""The rows of one notice for the database: pure functions of the Notice dict (OUTPUT.md).

``notices`` and ``problems`` rows follow the declared columns (``outputs/columns.py``); the rows
of a problem's parts start with the problem's position, which the writer turns into its id.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from ..columns import CORRECTION_COLUMNS, NOTICE_COLUMNS, PROBLEM_COLUMNS, columns, measures_text
from .schema import SCHEMA_VERSION

#: what ``.get("span") or NO_SPAN`` gives for a thing without a span
NO_SPAN: dict[str, Any] = {}
NOTICE_DB = columns(NOTICE_COLUMNS, "db")
#: the notices columns the writer fills, not the notice
WRITTEN = ("parsed_at", "json", "row_version")
PROBLEM_DB = columns(PROBLEM_COLUMNS, "db")
CORRECTION_DB = columns(CORRECTION_COLUMNS, "db")


def sql_value(kind: str, value: Any) -> Any:
    """A value as SQLite stores a column of this kind: booleans as 0 or 1, lists as a JSON array."""
    if value is None:
        return None
    if kind == "boolean":
        return int(bool(value))
    if kind == "texts":
        from orjson import dumps

        return dumps(value).decode()
    return entity_value(value) if kind == "any" else value


def notice_row(notice: Mapping[str, Any]) -> dict[str, Any]:
    """The ``notices`` row of a Notice dict, without id, parsed_at and json."""
    return {c.name: sql_value(c.kind, c.get(notice)) for c in NOTICE_DB if c.name not in WRITTEN}


def problem_values(problem: Mapping[str, Any], position: int) -> tuple[Any, ...]:
    """The ``problems`` row of one problem in declared order (no id, no notice_id)."""
    return tuple(sql_value(c.kind, c.get(problem, position)) for c in PROBLEM_DB)


def problem_row(problem: Mapping[str, Any], position: int) -> dict[str, Any]:
    """The ``problems`` row of one problem as a dict, without id and notice_id."""
    return dict(zip((c.name for c in PROBLEM_DB), problem_values(problem, position), strict=True))


def item_rows(problem: int, items: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """``measures`` or ``progress`` rows of the problem at position ``problem``:
    (problem, position, ordinal, text, line_start, line_end)."""
    return [(problem, i, m.get("ordinal"), m["text"], *_lines(m.get("span") or NO_SPAN))
            for i, m in enumerate(items)]


def _lines(span: Mapping[str, Any]) -> tuple[int | None, int | None]:
    return span.get("line_start"), span.get("line_end")


def _line(thing: Mapping[str, Any]) -> int | None:
    return (thing.get("span") or NO_SPAN).get("line_start")


def entity_value(value: Any) -> Any:
    """A number or string as is; a Date (or anything structured) as its JSON text."""
    import orjson

    if value is None or isinstance(value, (int, float, str)):
        return value
    return orjson.dumps(value).decode()


def entity_rows(problem: int, entities: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """(problem, position, type, text, value, line) per entity of the problem at position ``problem``."""
    return [(problem, i, e["type"], e["text"], entity_value(e.get("value")), _line(e))
            for i, e in enumerate(entities)]


def topic_rows(problem: int, topics: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    """(problem, position, code, terms as a JSON array) per topic (only filled by --keywords)."""
    import orjson

    return [(problem, i, t["code"], orjson.dumps(t.get("terms") or []).decode()) for i, t in enumerate(topics)]


def contact_rows(notice: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """(position, type, value, normalized, owner, line) per contact."""
    return [(i, c["type"], c["value"], c.get("normalized"), c.get("owner"), _line(c))
            for i, c in enumerate(notice.get("contacts") or [])]


def diagnostic_rows(notice: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """(position, level, code, message, line) per diagnostic."""
    return [(i, d["level"], d["code"], d["message"], d.get("line"))
            for i, d in enumerate(notice.get("diagnostics") or [])]


def correction_rows(notice: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    """(position, path, value, parsed, source, corrected_by, corrected_at) per applied correction."""
    return [tuple(sql_value(c.kind, c.get(entry, i)) for c in CORRECTION_DB)
            for i, entry in enumerate(notice.get("corrections") or [])]


def fts_text(problem: Mapping[str, Any]) -> tuple[str | None, str | None, str | None]:
    """What the full-text index holds for a problem: exactly its ``problems`` columns title,
    description and measures_text (the index reads them back from there: ``content="problems"``)."""
    return problem.get("title"), problem.get("description"), measures_text(problem)


@dataclass(slots=True)
class Rows:
    """Every row of one notice, ready for ``executemany``.  Rows of a problem's children start with
    the problem's position; the writer turns positions into ids."""

    path: str | None
    sha256: str
    #: the ``notices`` row without id, in declared order (``json`` as UTF-8 bytes)
    notice: tuple[Any, ...]
    problems: list[tuple[Any, ...]]
    measures: list[tuple[Any, ...]]
    progress: list[tuple[Any, ...]]
    entities: list[tuple[Any, ...]]
    topics: list[tuple[Any, ...]]
    contacts: list[tuple[Any, ...]]
    diagnostics: list[tuple[Any, ...]]
    corrections: list[tuple[Any, ...]]
    #: (problem position, title, description, measures) for the full-text index
    fts: list[tuple[Any, ...]]


def notice_rows(notice: Mapping[str, Any], json_bytes: bytes, parsed_at: str) -> Rows:
    """All the rows of a Notice dict; ``json_bytes`` is its JSON (OUTPUT.md) as stored in ``notices.json``."""
    head: dict[str, Any] = {**notice_row(notice), "parsed_at": parsed_at, "json": json_bytes,
                            "row_version": SCHEMA_VERSION}
    problems = notice["problems"]
    rows = Rows(head["path"], head["sha256"], tuple(head[c.name] for c in NOTICE_DB),
                [problem_values(p, i) for i, p in enumerate(problems)], [], [], [], [],
                contact_rows(notice), diagnostic_rows(notice), correction_rows(notice), [])
    for i, p in enumerate(problems):
        get = p.get
        rows.measures += item_rows(i, get("measures") or ())
        rows.progress += item_rows(i, get("progress") or ())
        rows.entities += entity_rows(i, get("entities") or ())
        if get("topics"):
            rows.topics += topic_rows(i, p["topics"])
        rows.fts.append((i, *fts_text(p)))
    return rows


def now() -> str:
    """The current UTC time as ``notices.parsed_at`` holds it."""
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).isoformat(timespec="seconds")
