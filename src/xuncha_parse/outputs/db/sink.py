"""The database as a sink of the runner: each parsed notice stored whole, files already stored skipped."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..sink import Record, Sink
from .connect import open_db, translated
from .rows import notice_rows, now
from .writer import Writer, known

if TYPE_CHECKING:
    import sqlite3


class DbSink(Sink):
    """``batch --db FILE``: notices go into the database as they arrive, in groups of transactions.

    ``known`` tells the runner which files not to parse: their bytes are stored already (under this
    database schema: a row from before an upgrade is parsed again), or were met earlier in this run;
    with ``force``, none.
    Closing after a failure (Ctrl-C, --fail-fast, a write error) keeps the whole notices received.
    Any SQLite error becomes a DatabaseError naming the file, of the class that says what happened
    (``connect.FAILURES``: damaged, locked, cannot write).
    """

    beside = True  # writing costs enough that parsing runs in worker processes beside it, even at -j 1
    counts_unchanged = True

    def __init__(self, path: str, force: bool = False):
        self.name = path
        self.conn: sqlite3.Connection = open_db(path)
        self.writer = Writer(self.conn)
        self.force = force
        self.seen: set[str] = set()

    def known(self, sha256: str) -> bool:
        if self.force:
            return False
        with translated(self.name):
            if sha256 in self.seen or known(self.conn, sha256):
                return True
        self.seen.add(sha256)
        return False

    def add(self, record: Record) -> None:
        if record.error is None:
            data = record.data.rstrip(b"\n")
            with translated(self.name):
                self.writer.add(notice_rows(record.notice(), data, now()))

    def abandon(self) -> None:
        """After an error: the open group rolled back (if SQLite still can), the connection closed."""
        import contextlib
        import sqlite3

        with contextlib.suppress(sqlite3.Error):
            self.writer.discard()
        self.conn.close()

    def close(self, complete: bool) -> None:
        """Commit the whole notices received (even after an interrupt), then close the connection."""
        try:
            with translated(self.name):
                self.writer.commit()
        finally:
            self.abandon()
