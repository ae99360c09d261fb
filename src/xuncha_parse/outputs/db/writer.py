"""Writing notices into the database: whole notices, one transaction per group of them.

``write_rows`` inserts one notice's rows; ``Writer`` groups notices into transactions; ``store``
writes a single notice.  A kill loses at most the uncommitted group, never part of a notice.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Mapping

from .connect import has_fts
from .rows import CORRECTION_DB, NOTICE_DB, PROBLEM_DB, Rows, notice_rows, now
from .schema import SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite3

#: a batch commits after this many notices, or after COMMIT_SECONDS, whichever comes first:
#: one full-text segment per commit instead of one per notice makes writing about three times cheaper
COMMIT_EVERY = 64
COMMIT_SECONDS = 1.0

ITEM_COLUMNS = ("problem_id", "position", "ordinal", "text", "line_start", "line_end")
#: the columns each table is written with, in the order of the tuples ``write_rows`` makes
COLUMNS = {
    "notices": ("id", *(c.name for c in NOTICE_DB)),
    "problems": ("id", "notice_id", *(c.name for c in PROBLEM_DB)),
    "measures": ITEM_COLUMNS,
    "progress": ITEM_COLUMNS,
    "entities": ("problem_id", "position", "type", "text", "value", "line"),
    "topics": ("problem_id", "position", "code", "terms"),
    "contacts": ("notice_id", "position", "type", "value", "normalized", "owner", "line"),
    "diagnostics": ("notice_id", "position", "level", "code", "message", "line"),
    "corrections": ("notice_id", *(c.name for c in CORRECTION_DB)),
    "problems_fts": ("rowid", "title", "description", "measures_text"),
}


def _insert_sql(table: str) -> str:
    """The INSERT of a table; the JSON arrives as UTF-8 bytes and is stored as TEXT."""
    names = ", ".join(f'"{c}"' for c in COLUMNS[table])
    marks = ", ".join("CAST(? AS TEXT)" if c == "json" else "?" for c in COLUMNS[table])
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


INSERTS = {table: _insert_sql(table) for table in COLUMNS}


def known(conn: sqlite3.Connection, sha256: str) -> bool:
    """Is a notice with these bytes stored, under this database schema?  A row from before an upgrade
    is not: parsing its file again fills the columns the upgrade added."""
    row = conn.execute("SELECT row_version FROM notices WHERE sha256 = ?", (sha256,)).fetchone()
    return row is not None and row[0] == SCHEMA_VERSION


def write_rows(conn: sqlite3.Connection, rows: Rows) -> tuple[int, list[tuple[Any, ...]]]:
    """Insert one whole notice inside the caller's transaction, each table with one ``executemany``;
    ids come after the largest in use, so a child's problem position becomes its problem's id.

    Returns the notice id and its full-text rows, for ``index_rows`` to insert just before the commit.
    """
    notice_id, problem_id = conn.execute("SELECT (SELECT coalesce(max(id), 0) + 1 FROM notices), "
                                         "(SELECT coalesce(max(id), 0) + 1 FROM problems)").fetchone()
    conn.execute(INSERTS["notices"], (notice_id, *rows.notice))
    conn.executemany(INSERTS["problems"], [(problem_id + r[0], notice_id, *r) for r in rows.problems])
    for table, items in (("measures", rows.measures), ("progress", rows.progress), ("entities", rows.entities),
                         ("topics", rows.topics)):
        if items:
            conn.executemany(INSERTS[table], [(problem_id + r[0], *r[1:]) for r in items])
    for table, items in (("contacts", rows.contacts), ("diagnostics", rows.diagnostics),
                         ("corrections", rows.corrections)):
        if items:
            conn.executemany(INSERTS[table], [(notice_id, *r) for r in items])
    return notice_id, [(problem_id + r[0], *r[1:]) for r in rows.fts]


def delete_stored(conn: sqlite3.Connection, path: str | None, sha256: str) -> list[int]:
    """Remove the stored notices of this path or content, their rows going by cascade; returns their ids.

    Looked up first: a DELETE reaches the full-text index through the trigger, and any statement that
    does makes FTS5 flush its pending rows, which costs a new index segment."""
    old = conn.execute("SELECT id FROM notices WHERE path = ? OR sha256 = ?", (path, sha256)).fetchall()
    if old:
        conn.executemany("DELETE FROM notices WHERE id = ?", old)
    return [notice_id for (notice_id,) in old]


def index_rows(conn: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> None:
    """Full-text rows (problem id, title, description, measures): a group's, in one statement just
    before its commit.  Once the index has pending rows, any later statement that opens a statement
    savepoint (most inserts do) makes FTS5 flush them into a new segment, and an index written one
    notice at a time costs half as much again."""
    if rows:
        conn.executemany(INSERTS["problems_fts"], rows)


def store(conn: sqlite3.Connection, notice: Mapping[str, Any], json_text: str) -> int:
    """Write one notice in one transaction, replacing any stored notice of the same path or sha256.

    Returns the new notice id.  A kill at any point leaves either the old rows or the new ones.
    """
    writer = Writer(conn)
    writer.add(notice_rows(notice, json_text.encode(), now()))
    writer.commit()
    row = conn.execute("SELECT id FROM notices WHERE sha256 = ?", (notice["source"]["sha256"],)).fetchone()
    return int(row[0])


class Writer:
    """Notices written as they arrive, whole, into a transaction that commits after COMMIT_EVERY
    notices or COMMIT_SECONDS; their full-text rows go in just before the commit.  The group's rows
    are kept until it commits: after a failed write (Ctrl-C in the middle of a notice) the transaction
    is rolled back, and ``commit`` writes the whole group again."""

    def __init__(self, conn: sqlite3.Connection, every: int = COMMIT_EVERY, seconds: float = COMMIT_SECONDS):
        self.conn, self.every, self.seconds = conn, every, seconds
        self.fts = has_fts(conn)
        self.group: list[Rows] = []
        #: full-text rows of the notices written in the open transaction, by notice id
        self.fts_rows: dict[int, list[tuple[Any, ...]]] = {}
        self.started = 0.0

    def add(self, rows: Rows) -> None:
        import time

        if not self.group:
            self.started = time.monotonic()
        self.group.append(rows)
        self._write([rows] if self.conn.in_transaction else self.group)
        if len(self.group) >= self.every or time.monotonic() - self.started >= self.seconds:
            self.commit()

    def commit(self) -> None:
        """Index and commit the group (written again first if a failure rolled it back)."""
        if not self.group:
            return
        if not self.conn.in_transaction:
            self._write(self.group)
        try:
            if self.fts:
                index_rows(self.conn, [r for rows in self.fts_rows.values() for r in rows])
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise
        self.group = []
        self.fts_rows = {}

    def discard(self) -> None:
        """Roll the group back and forget it."""
        self.group = []
        self._rollback()

    def _write(self, group: list[Rows]) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self.fts_rows = {}
        try:
            for rows in group:
                for old in delete_stored(self.conn, rows.path, rows.sha256):
                    self.fts_rows.pop(old, None)  # replaced within this group
                notice_id, fts_rows = write_rows(self.conn, rows)
                self.fts_rows[notice_id] = fts_rows
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        self.fts_rows = {}
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
