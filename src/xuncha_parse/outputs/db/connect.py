"""Opening the database: check what the file is and its schema version, then upgrade it to this one.

The version is checked before anything is written, so a database from a newer xuncha is never
touched.  sqlite3 is imported inside the functions, so ``xuncha --help`` does not load it.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal

from .migrations import upgrade
from .schema import SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite3

#: milliseconds a connection waits for another writer's lock before giving up
BUSY_TIMEOUT_MS = 30_000
#: page size of a new database: a notice's JSON (about 50 kB) spans 4 pages instead of 13, and
#: writing costs about 15% less than with SQLite's 4096
PAGE_SIZE = 16384
#: SQLite's primary result code for a file it cannot open (a WAL database's ``-shm`` on a read-only mount)
SQLITE_CANTOPEN = 14


class DatabaseError(Exception):
    """A database that cannot be used: not SQLite, not ours, or written by a newer xuncha."""


class DatabaseDamaged(DatabaseError):
    """An xuncha database whose pages are damaged: ``PRAGMA quick_check`` failed, or SQLite met a
    malformed page while reading or writing it."""


class DatabaseLocked(DatabaseError):
    """Another process held the database's lock longer than BUSY_TIMEOUT_MS."""


class DatabaseWriteError(DatabaseError):
    """The database could not be written: a full disk, a read-only file, an I/O error."""


#: what a damaged database is called, and what to do about it
DAMAGED = "damaged; restore a copy, or move it away and run batch again"
#: what each of SQLite's primary result codes (``sqlite_errorcode & 0xff``) means for xuncha; a code
#: not listed is a plain DatabaseError.  ``database or disk is full`` is SQLITE_FULL (13).
FAILURES: dict[int, tuple[type[DatabaseError], str]] = {
    5: (DatabaseLocked, "locked by another process for over {seconds:g} s"),  # SQLITE_BUSY
    6: (DatabaseLocked, "locked"),  # SQLITE_LOCKED
    8: (DatabaseWriteError, "cannot write"),  # SQLITE_READONLY
    10: (DatabaseWriteError, "cannot write"),  # SQLITE_IOERR
    11: (DatabaseDamaged, DAMAGED),  # SQLITE_CORRUPT
    13: (DatabaseWriteError, "cannot write"),  # SQLITE_FULL
    26: (DatabaseDamaged, DAMAGED),  # SQLITE_NOTADB
}


def failure(path: str, error: Exception) -> DatabaseError:
    """The DatabaseError (or subclass) of an sqlite3 error met while using the database at ``path``."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    kind, what = FAILURES.get(code, (DatabaseError, "cannot use"))
    return kind(f"{path}: {what.format(seconds=BUSY_TIMEOUT_MS / 1000)} ({error})")


class translated:
    """``with translated(path):`` turns any sqlite3 error inside into ``failure(path, error)``."""

    def __init__(self, path: str):
        self.path = path

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: object) -> Literal[False]:
        import sqlite3

        if isinstance(error, sqlite3.Error):
            raise failure(self.path, error) from None
        return False


def open_db(path: str, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the database at ``path``, created if missing and upgraded if older (unless
    ``readonly``: an older database is then read as it is)."""
    import sqlite3

    if readonly and not os.path.isfile(path):
        raise DatabaseError(f"{path}: no such database")
    conn = _connect(path, readonly)
    try:
        if readonly and _unopenable(conn):
            conn.close()
            conn = _connect_immutable(path)
        version = _user_version(conn, path)
        if not readonly:
            with translated(path):
                _check(conn, path, version)
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


def _unopenable(conn: sqlite3.Connection) -> bool:
    """True when a read-only connection cannot read the file at all: a WAL database on a read-only
    mount, whose ``-shm`` file SQLite cannot create (SQLITE_CANTOPEN)."""
    import sqlite3

    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as e:
        return getattr(e, "sqlite_errorcode", 0) & 0xFF == SQLITE_CANTOPEN
    except sqlite3.DatabaseError:
        return False  # not SQLite, or damaged: _user_version says which
    return False


def _connect_immutable(path: str) -> sqlite3.Connection:
    """A read-only database that cannot be opened otherwise, read as a file nobody changes
    (``immutable=1``: no locks, no ``-shm``).  That does not read a ``-wal`` file, so a database whose
    last writes are still in one is refused rather than read without them."""
    import sqlite3
    from pathlib import Path

    wal = path + "-wal"
    if os.path.exists(wal) and os.path.getsize(wal) > 0:
        raise DatabaseError(f"{path}: read-only, and its last writes are in {wal}, which cannot be read "
                            "without write access; copy both files to a writable folder")
    try:
        return sqlite3.connect(Path(path).resolve().as_uri() + "?immutable=1", uri=True, isolation_level=None)
    except sqlite3.Error as e:
        raise DatabaseError(f"{path}: cannot open: {e}") from None


def _user_version(conn: sqlite3.Connection, path: str) -> int:
    """The stored schema version; an error for files that are not SQLite or come from a newer xuncha."""
    import sqlite3

    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    except sqlite3.DatabaseError as e:
        if "not a database" in str(e):
            raise DatabaseError(f"{path}: not an SQLite database ({e})") from None
        raise failure(path, e) from None
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path}: written by a newer xuncha (database schema {version}; this xuncha knows "
            f"{SCHEMA_VERSION}); upgrade xuncha or use another file"
        )
    if version == 0 and tables:
        raise DatabaseError(f"{path}: an SQLite database, but not one written by xuncha")
    return int(version)


def _check(conn: sqlite3.Connection, path: str, version: int) -> None:
    """``PRAGMA quick_check`` before anything is written: a damaged database is refused, never
    reported "unchanged".  It reads every page: 0.07 s for 1,000 notices (110 MB) in the page cache."""
    if version == 0:
        return  # a new, empty file
    found = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    if found != ["ok"]:
        first = found[0].splitlines()[-1] if found and found[0] else "quick_check failed"
        raise DatabaseDamaged(f"{path}: {DAMAGED} ({first})")


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
