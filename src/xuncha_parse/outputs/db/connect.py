"""Opening the database: check what the file is and its schema version, then upgrade it to this one.

The version is checked before anything is written, so a database from a newer xuncha is never
touched.  sqlite3 is imported inside the functions, so ``xuncha --help`` does not load it.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .migrations import upgrade
from .schema import SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite3

#: milliseconds a connection waits for another writer's lock before giving up
BUSY_TIMEOUT_MS = 30_000
#: page size of a new database: a notice's JSON (about 50 kB) spans 4 pages instead of 13, and
#: writing costs about 15% less than with SQLite's 4096
PAGE_SIZE = 16384


class DatabaseError(Exception):
    """A database that cannot be used: not SQLite, not ours, or written by a newer xuncha."""


def open_db(path: str, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the database at ``path``, created if missing and upgraded if older (unless
    ``readonly``: an older database is then read as it is)."""
    import sqlite3

    if readonly and not os.path.isfile(path):
        raise DatabaseError(f"{path}: no such database")
    conn = _connect(path, readonly)
    try:
        version = _user_version(conn, path)
        if not readonly:
            _prepare(conn, version)
    except BaseException:
        conn.close()
        raise
    conn.execute("PRAGMA foreign_keys = ON")
    conn.row_factory = sqlite3.Row
    return conn


def _connect(path: str, readonly: bool) -> sqlite3.Connection:
    import sqlite3
    from pathlib import Path

    try:
        if readonly:
            uri = Path(path).resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
        else:
            conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as e:
        raise DatabaseError(f"{path}: cannot open: {e}") from None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _user_version(conn: sqlite3.Connection, path: str) -> int:
    """The stored schema version; an error for files that are not SQLite or come from a newer xuncha."""
    import sqlite3

    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as e:
        what = "not an SQLite database" if "not a database" in str(e) else "cannot read"
        raise DatabaseError(f"{path}: {what} ({e})") from None
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: written by a newer xuncha (database schema {version}; this xuncha knows "
            f"{SCHEMA_VERSION}); upgrade xuncha or use another file"
        )
    if version == 0 and tables:
        raise DatabaseError(f"{path}: an SQLite database, but not one written by xuncha")
    return int(version)


def _prepare(conn: sqlite3.Connection, version: int) -> None:
    """WAL mode, and the schema created or upgraded (``migrations.upgrade``)."""
    if version == 0:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # only takes effect while the file is empty
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    upgrade(conn, version)


def has_fts(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'problems_fts'").fetchone()
    return row is not None
