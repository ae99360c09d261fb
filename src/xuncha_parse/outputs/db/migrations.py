"""Numbered upgrades of a database written by an older xuncha, on ``PRAGMA user_version``.

``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``.  ``upgrade`` runs every step
the database lacks, each in its own transaction that also sets the new version, so a kill leaves the
database at one version or the next, never between.  A step only adds (columns, tables, indexes): it
never drops or rewrites what is stored.  Rows stored before a step that added a field keep it empty
until their file is parsed again: ``batch`` parses a file again when its row was written under an
older database schema (``notices.row_version``), so rerunning a batch over the same inputs fills them.

Version 0 is a new, empty file; version 1 the first released schema.  CHANGELOG.md records each.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..columns import NOTICE_COLUMNS, PROBLEM_COLUMNS
from .schema import CORRECTIONS, FTS, SCHEMA_VERSION, TABLES, column_sql, has_trigram

if TYPE_CHECKING:
    import sqlite3

    Step = Callable[[sqlite3.Connection], None]


def statements(script: str) -> list[str]:
    """The statements of a schema script (a trigger body holds ';', so split where a statement is complete)."""
    import sqlite3

    out, buffer = [], ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            out.append(buffer)
            buffer = ""
    return out


def _add_columns(table: str, names: tuple[str, ...]) -> Step:
    """A step adding declared columns to a table (their definitions from ``outputs/columns.py``)."""
    declared = {c.name: c for c in (NOTICE_COLUMNS if table == "notices" else PROBLEM_COLUMNS)}

    def step(conn: sqlite3.Connection) -> None:
        for name in names:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column_sql(declared[name])}")

    return step


def create(conn: sqlite3.Connection) -> None:
    """0 → the current version: every table of a new database at once."""
    for statement in statements(TABLES + (FTS if has_trigram() else "")):
        conn.execute(statement)


def to_2(conn: sqlite3.Connection) -> None:
    """1 → 2 (contract 1.2): notices.notice_kind, needs_review and row_version, problems.leader."""
    _add_columns("notices", ("notice_kind", "needs_review", "row_version"))(conn)
    _add_columns("problems", ("leader",))(conn)


def to_3(conn: sqlite3.Connection) -> None:
    """2 → 3: each date of a notice as written and whether its year was inferred (``start_date_text``,
    ``start_year_inferred``, … for start, end, feedback, signed); ``problems.measures_text``, filled
    from ``measures``; the full-text index made again over the problems' own columns."""
    _add_columns("notices", tuple(f"{which}_{what}" for which in ("start", "end", "feedback", "signed")
                                  for what in ("date_text", "year_inferred")))(conn)
    _add_columns("problems", ("measures_text",))(conn)
    conn.execute(MEASURES_TEXT)
    reindex(conn)


def to_4(conn: sqlite3.Connection) -> None:
    """3 → 4: the ``corrections`` table (where each value a person corrected came from), filled from
    each stored notice's ``corrections[]`` in its JSON."""
    for statement in statements(CORRECTIONS):
        conn.execute(statement)
    conn.execute(FILL_CORRECTIONS)


#: the corrections rows of the notices stored before schema 4, read from their JSON: a text or number
#: as itself, anything structured (a date, an added problem) as its JSON text, as rows.sql_value stores it
FILL_CORRECTIONS = """INSERT INTO corrections (notice_id, position, path, value, parsed, source, corrected_by, corrected_at)
SELECT n.id, c.key, json_extract(c.value, '$.path'), json_extract(c.value, '$.value'),
       json_extract(c.value, '$.parsed'), json_extract(c.value, '$.source'), json_extract(c.value, '$.by'),
       json_extract(c.value, '$.at')
FROM notices n, json_each(CAST(n.json AS TEXT), '$.corrections') c"""


#: problems.measures_text from the measures table: their texts in order, one a line
MEASURES_TEXT = """UPDATE problems SET measures_text = (
    SELECT group_concat(text, char(10)) FROM (SELECT text FROM measures m WHERE m.problem_id = problems.id
                                              ORDER BY m.position))"""


def reindex(conn: sqlite3.Connection) -> None:
    """The full-text index (FTS) made again from the problems: the index is derived, never data of its
    own, so dropping and rebuilding it loses nothing."""
    conn.execute("DROP TRIGGER IF EXISTS problems_fts_delete")
    conn.execute("DROP TABLE IF EXISTS problems_fts")
    if has_trigram():
        for statement in statements(FTS):
            conn.execute(statement)
        conn.execute("INSERT INTO problems_fts(problems_fts) VALUES ('rebuild')")


#: the step from each version to the next; 0 creates the current schema, not version 1
MIGRATIONS: dict[int, Step] = {0: create, 1: to_2, 2: to_3, 3: to_4}


def upgrade(conn: sqlite3.Connection, version: int) -> int:
    """Run the steps from ``version`` to SCHEMA_VERSION, each in a transaction; the version reached."""
    while version < SCHEMA_VERSION:
        version = _step(conn, version)
    return version


def _step(conn: sqlite3.Connection, version: int) -> int:
    """One step, in one transaction; another writer may have taken the database past it meanwhile."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        now = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if now == version:
            MIGRATIONS[version](conn)
            now = SCHEMA_VERSION if version == 0 else version + 1
            conn.execute(f"PRAGMA user_version = {now}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite has rolled back already after some errors (a full disk)
            conn.execute("ROLLBACK")
        raise
    return now
