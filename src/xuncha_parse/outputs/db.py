"""The corpus database: notices in SQLite, incremental, crash-safe, with full-text search.

Stages: ``open_db`` (check the schema version, then create or reuse the
tables) → ``fresh`` (skip files whose sha256 is already stored, before any
parsing) → ``Writer`` (whole notices, one transaction per group of them;
``store`` for a single notice) → ``search``.  The row builders (``notice_row``,
``problem_row``, ``notice_rows``, …) are pure functions of the Notice dict
(OUTPUT.md); the first two are shared with the Parquet writer.

The schema is described in docs/DATABASE.md; a test checks that both agree.
sqlite3 is imported inside the functions, so ``xuncha --help`` does not load it.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    import sqlite3

#: ``PRAGMA user_version`` of the databases this code writes; raise it with every schema change
SCHEMA_VERSION = 1
#: SQLite gained the FTS5 ``trigram`` tokenizer in 3.34.0
TRIGRAM_MIN_SQLITE = (3, 34, 0)
#: shortest query the trigram index can answer; shorter ones fall back to LIKE
TRIGRAM_MIN_CHARS = 3
#: a batch commits after this many notices, or after COMMIT_SECONDS, whichever comes first:
#: one full-text segment per commit instead of one per notice makes writing about three times cheaper
COMMIT_EVERY = 64
COMMIT_SECONDS = 1.0
#: milliseconds a connection waits for another writer's lock before giving up
BUSY_TIMEOUT_MS = 30_000
#: page size of a new database: a notice's JSON (about 50 kB) spans 4 pages instead of 13, and
#: writing costs about 15% less than with SQLite's 4096
PAGE_SIZE = 16384


class DatabaseError(Exception):
    """A database that cannot be used: not SQLite, not ours, or written by a newer xuncha."""


TABLES = """
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    path TEXT UNIQUE,
    sha256 TEXT NOT NULL UNIQUE,
    format TEXT,
    encoding TEXT,
    bytes INTEGER,
    title TEXT,
    issuer TEXT,
    addressee TEXT,
    body TEXT,
    round TEXT,
    kind TEXT,
    target TEXT,
    start_date TEXT,
    end_date TEXT,
    feedback_date TEXT,
    signed_date TEXT,
    year INTEGER,
    declared_categories INTEGER,
    declared_problems INTEGER,
    declared_completed INTEGER,
    declared_in_progress INTEGER,
    declared_completion_rate REAL,
    parsed_problems INTEGER NOT NULL,
    schema_version TEXT,
    parsed_at TEXT NOT NULL,
    json TEXT NOT NULL
);
CREATE INDEX notices_year ON notices(year);
CREATE INDEX notices_body ON notices(body);
CREATE INDEX notices_target ON notices(target);

CREATE TABLE problems (
    id INTEGER PRIMARY KEY,
    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number INTEGER,
    marker TEXT,
    category TEXT,
    "group" TEXT,
    title TEXT,
    description TEXT,
    cause TEXT,
    status TEXT NOT NULL CHECK (status IN ('completed', 'in_progress', 'unknown')),
    status_text TEXT,
    long_term INTEGER NOT NULL,
    immediate INTEGER NOT NULL,
    keywords TEXT,
    line_start INTEGER,
    line_end INTEGER,
    UNIQUE (notice_id, position)
);
CREATE INDEX problems_status ON problems(status);

CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ordinal INTEGER,
    text TEXT NOT NULL,
    line_start INTEGER,
    line_end INTEGER,
    UNIQUE (problem_id, position)
);

CREATE TABLE progress (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    ordinal INTEGER,
    text TEXT NOT NULL,
    line_start INTEGER,
    line_end INTEGER,
    UNIQUE (problem_id, position)
);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    normalized TEXT,
    owner TEXT,
    line INTEGER,
    UNIQUE (notice_id, position)
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    type TEXT NOT NULL,
    text TEXT NOT NULL,
    value,
    line INTEGER,
    UNIQUE (problem_id, position)
);
CREATE INDEX entities_type ON entities(type);

CREATE TABLE topics (
    id INTEGER PRIMARY KEY,
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    terms TEXT NOT NULL,
    UNIQUE (problem_id, position)
);
CREATE INDEX topics_code ON topics(code);

CREATE TABLE diagnostics (
    id INTEGER PRIMARY KEY,
    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    level TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    line INTEGER,
    UNIQUE (notice_id, position)
);
CREATE INDEX diagnostics_code ON diagnostics(code);

CREATE VIEW problems_with_notice AS
SELECT p.*, n.path, n.sha256, n.title AS notice_title, n.issuer, n.body, n.target, n.year
FROM problems p JOIN notices n ON n.id = p.notice_id;

CREATE VIEW status_counts AS
SELECT n.id AS notice_id, n.path, n.issuer, n.body, n.target, n.year,
       count(p.id) AS problems,
       count(p.id) FILTER (WHERE p.status = 'completed') AS completed,
       count(p.id) FILTER (WHERE p.status = 'in_progress') AS in_progress,
       count(p.id) FILTER (WHERE p.status = 'unknown') AS unknown,
       n.declared_problems, n.declared_completed, n.declared_in_progress
FROM notices n LEFT JOIN problems p ON p.notice_id = n.id
GROUP BY n.id;
"""

#: the full-text index: one row per problem, rowid = problems.id; created only where SQLite has trigram.
#: Its segments merge 16 at a time instead of 4: each commit adds one, and fewer merges make writing cheaper
FTS = """
CREATE VIRTUAL TABLE problems_fts USING fts5(title, description, measures, tokenize='trigram');
CREATE TRIGGER problems_fts_delete AFTER DELETE ON problems BEGIN
    DELETE FROM problems_fts WHERE rowid = old.id;
END;
INSERT INTO problems_fts(problems_fts, rank) VALUES ('automerge', 16);
"""


def has_trigram(sqlite_version: str | None = None) -> bool:
    """Whether this SQLite (3.34.0 or later) has the FTS5 trigram tokenizer."""
    import sqlite3

    version = tuple(int(x) for x in (sqlite_version or sqlite3.sqlite_version).split("."))
    return version >= TRIGRAM_MIN_SQLITE


# ---------------------------------------------------------------- opening


def open_db(path: str, readonly: bool = False) -> sqlite3.Connection:
    """A connection to the database at ``path``, created if missing (unless ``readonly``).

    The schema version is checked before anything is written, so a newer
    database is never touched.
    """
    import sqlite3

    if readonly and not os.path.isfile(path):
        raise DatabaseError(f"{path}: no such database")
    conn = _connect(path, readonly)
    try:
        version = _user_version(conn, path)
        if not readonly:
            _prepare(conn, path, version)
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


def _prepare(conn: sqlite3.Connection, path: str, version: int) -> None:
    """WAL mode, and the schema in one transaction when the file is new."""
    if version == 0:
        conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # only takes effect while the file is empty
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    if version == 0:
        _create(conn)


def _create(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        # another writer may have created it while we waited for the lock
        if conn.execute("PRAGMA user_version").fetchone()[0] == 0:
            for statement in _statements(TABLES + (FTS if has_trigram() else "")):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _statements(script: str) -> Iterator[str]:
    """The statements of a schema script (a trigger body holds ';', so split on the closing 'END;')."""
    import sqlite3

    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            yield buffer
            buffer = ""


def has_fts(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'problems_fts'").fetchone()
    return row is not None


# ---------------------------------------------------------------- rows (pure)


def _date(value: dict[str, Any] | None) -> str | None:
    """A Date as ISO when complete, else as written (``2023年X月26日``)."""
    if not value:
        return None
    return value.get("iso") or value.get("text")


def _year(notice: dict[str, Any]) -> int | None:
    """The inspection's year: its start, else its end, else the feedback, else the signature date."""
    inspection = notice.get("inspection") or {}
    signature = notice.get("signature") or {}
    for value in (inspection.get("start"), inspection.get("end"), inspection.get("feedback"), signature.get("date")):
        if value and value.get("year"):
            return int(value["year"])
    return None


def notice_row(notice: dict[str, Any]) -> dict[str, Any]:
    """The ``notices`` row of a Notice dict, without id, parsed_at and json."""
    source = notice["source"]
    inspection = notice.get("inspection") or {}
    declared = notice.get("declared") or {}
    signature = notice.get("signature") or {}
    return {
        "path": source.get("path"), "sha256": source["sha256"], "format": source.get("format"),
        "encoding": source.get("encoding"), "bytes": source.get("bytes"),
        "title": notice.get("title"), "issuer": notice.get("issuer"), "addressee": notice.get("addressee"),
        **{k: inspection.get(k) for k in ("body", "round", "kind", "target")},
        "start_date": _date(inspection.get("start")), "end_date": _date(inspection.get("end")),
        "feedback_date": _date(inspection.get("feedback")), "signed_date": _date(signature.get("date")),
        "year": _year(notice),
        **{f"declared_{k}": declared.get(k)
           for k in ("categories", "problems", "completed", "in_progress", "completion_rate")},
        "parsed_problems": len(notice["problems"]), "schema_version": notice.get("schema_version"),
    }


PROBLEM_FIELDS = ("number", "marker", "category", "group", "title", "description", "cause",
                  "status", "status_text")
#: the keys of ``problem_row``, in the order of ``problem_values``
PROBLEM_KEYS = ("position", *PROBLEM_FIELDS, "long_term", "immediate", "keywords", "line_start", "line_end")


def problem_values(problem: dict[str, Any], position: int) -> tuple[Any, ...]:
    """The ``problems`` row of one problem as a tuple in PROBLEM_KEYS order (no id, no notice_id)."""
    from orjson import dumps

    get = problem.get
    span = get("span") or {}
    return (position, get("number"), get("marker"), get("category"), get("group"), get("title"),
            get("description"), get("cause"), get("status"), get("status_text"),
            int(bool(get("long_term"))), int(bool(get("immediate"))), dumps(get("keywords") or []).decode(),
            span.get("line_start"), span.get("line_end"))


def problem_row(problem: dict[str, Any], position: int) -> dict[str, Any]:
    """The ``problems`` row of one problem, without id and notice_id; ``keywords`` as a JSON array."""
    return dict(zip(PROBLEM_KEYS, problem_values(problem, position), strict=True))


#: what ``.get("span") or NO_SPAN`` gives for a thing without a span
NO_SPAN: dict[str, Any] = {}


def item_rows(problem: int, items: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """``measures`` or ``progress`` rows of the problem at position ``problem``:
    (problem, position, ordinal, text, line_start, line_end)."""
    return [(problem, i, m.get("ordinal"), m["text"], *_lines(m.get("span") or NO_SPAN))
            for i, m in enumerate(items)]


def _lines(span: dict[str, Any]) -> tuple[int | None, int | None]:
    return span.get("line_start"), span.get("line_end")


def _line(thing: dict[str, Any]) -> int | None:
    return (thing.get("span") or NO_SPAN).get("line_start")


def entity_value(value: Any) -> Any:
    """A number or string as is; a Date (or anything structured) as its JSON text."""
    import orjson

    if value is None or isinstance(value, (int, float, str)):
        return value
    return orjson.dumps(value).decode()


def entity_rows(problem: int, entities: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """(problem, position, type, text, value, line) per entity of the problem at position ``problem``."""
    return [(problem, i, e["type"], e["text"], entity_value(e.get("value")), _line(e))
            for i, e in enumerate(entities)]


def topic_rows(problem: int, topics: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """(problem, position, code, terms as a JSON array) per topic (only filled by --keywords)."""
    import orjson

    return [(problem, i, t["code"], orjson.dumps(t.get("terms") or []).decode()) for i, t in enumerate(topics)]


def contact_rows(notice: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(position, type, value, normalized, owner, line) per contact."""
    return [(i, c["type"], c["value"], c.get("normalized"), c.get("owner"), _line(c))
            for i, c in enumerate(notice.get("contacts") or [])]


def diagnostic_rows(notice: dict[str, Any]) -> list[tuple[Any, ...]]:
    """(position, level, code, message, line) per diagnostic."""
    return [(i, d["level"], d["code"], d["message"], d.get("line"))
            for i, d in enumerate(notice.get("diagnostics") or [])]


def fts_text(problem: dict[str, Any]) -> tuple[str, str, str]:
    """What the full-text index holds for a problem: title, description, measures joined by newlines."""
    measures = "\n".join(m["text"] for m in problem.get("measures") or [])
    return problem.get("title") or "", problem.get("description") or "", measures


@dataclass(slots=True)
class Rows:
    """Every row of one notice, ready for ``executemany``.  Rows of a problem's children start with
    the problem's position; the writer turns positions into ids."""

    path: str | None
    sha256: str
    #: the ``notices`` row without id, in NOTICE_COLUMNS order; ``json`` as UTF-8 bytes
    notice: tuple[Any, ...]
    problems: list[tuple[Any, ...]]
    measures: list[tuple[Any, ...]]
    progress: list[tuple[Any, ...]]
    entities: list[tuple[Any, ...]]
    topics: list[tuple[Any, ...]]
    contacts: list[tuple[Any, ...]]
    diagnostics: list[tuple[Any, ...]]
    #: (problem position, title, description, measures) for the full-text index
    fts: list[tuple[Any, ...]]


def notice_rows(notice: dict[str, Any], json_bytes: bytes, parsed_at: str) -> Rows:
    """All the rows of a Notice dict; ``json_bytes`` is its JSON (OUTPUT.md) as stored in ``notices.json``."""
    head = notice_row(notice)
    problems = notice["problems"]
    rows = Rows(head["path"], head["sha256"], (*head.values(), parsed_at, json_bytes),
                [problem_values(p, i) for i, p in enumerate(problems)], [], [], [], [],
                contact_rows(notice), diagnostic_rows(notice), [])
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


# ---------------------------------------------------------------- writing


#: the ``notices`` columns of ``Rows.notice``: ``notice_row``'s keys, then parsed_at and json
NOTICE_COLUMNS = ("path", "sha256", "format", "encoding", "bytes", "title", "issuer", "addressee", "body", "round",
                  "kind", "target", "start_date", "end_date", "feedback_date", "signed_date", "year",
                  "declared_categories", "declared_problems", "declared_completed", "declared_in_progress",
                  "declared_completion_rate", "parsed_problems", "schema_version", "parsed_at", "json")
ITEM_COLUMNS = ("problem_id", "position", "ordinal", "text", "line_start", "line_end")
#: the columns each table is written with, in the order of the tuples ``write_rows`` makes
COLUMNS = {
    "notices": ("id", *NOTICE_COLUMNS),
    "problems": ("id", "notice_id", *PROBLEM_KEYS),
    "measures": ITEM_COLUMNS,
    "progress": ITEM_COLUMNS,
    "entities": ("problem_id", "position", "type", "text", "value", "line"),
    "topics": ("problem_id", "position", "code", "terms"),
    "contacts": ("notice_id", "position", "type", "value", "normalized", "owner", "line"),
    "diagnostics": ("notice_id", "position", "level", "code", "message", "line"),
    "problems_fts": ("rowid", "title", "description", "measures"),
}


def _insert_sql(table: str) -> str:
    """The INSERT of a table; the JSON arrives as UTF-8 bytes and is stored as TEXT."""
    names = ", ".join(f'"{c}"' for c in COLUMNS[table])
    marks = ", ".join("CAST(? AS TEXT)" if c == "json" else "?" for c in COLUMNS[table])
    return f"INSERT INTO {table} ({names}) VALUES ({marks})"


INSERTS = {table: _insert_sql(table) for table in COLUMNS}


def known(conn: sqlite3.Connection, sha256: str) -> bool:
    return conn.execute("SELECT 1 FROM notices WHERE sha256 = ?", (sha256,)).fetchone() is not None


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
    for table, items in (("contacts", rows.contacts), ("diagnostics", rows.diagnostics)):
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


def store(conn: sqlite3.Connection, notice: dict[str, Any], json_text: str) -> int:
    """Write one notice in one transaction, replacing any stored notice of the same path or sha256.

    Returns the new notice id.  A kill at any point leaves either the old rows or the new ones.
    """
    writer = Writer(conn)
    writer.add(notice_rows(notice, json_text.encode(), now()))
    writer.commit()
    row = conn.execute("SELECT id FROM notices WHERE sha256 = ?", (notice["source"]["sha256"],)).fetchone()
    return int(row[0])


# ---------------------------------------------------------------- a batch into the database


@dataclass
class Totals:
    notices: int = 0
    problems: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        return f"notices={self.notices} problems={self.problems} unchanged={self.unchanged} failed={self.failed}"

    def count(self, result: Any) -> bool:
        """Count one ``batch.Result``; True when it is a notice to store, False for a failure."""
        if result.error is None:
            self.notices += 1
            self.problems += result.problems
            return True
        self.failed += 1
        self.errors.append((result.path, result.error))
        return False


def sha256_of(path: str) -> str | None:
    """The sha256 of a file's bytes, or None when it cannot be read (the worker then reports why)."""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def fresh(conn: sqlite3.Connection, paths: Iterable[str], totals: Totals, force: bool) -> Iterator[str]:
    """The paths that need parsing: not already stored by content, and not a repeat within this run."""
    seen: set[str] = set()
    for path in paths:
        if not isinstance(path, str):  # a folder the walk could not read: batch makes it an error record
            yield path
            continue
        digest = None if force else sha256_of(path)
        if digest is not None and (digest in seen or known(conn, digest)):
            totals.unchanged += 1
            continue
        if digest is not None:
            seen.add(digest)
        yield path


class Writer:
    """Notices written as they arrive, whole, into a transaction that commits after COMMIT_EVERY
    notices or COMMIT_SECONDS; their full-text rows go in just before the commit.  A kill loses at
    most the uncommitted group, never part of a notice.  The group's rows are kept until it commits:
    after a failed write (Ctrl-C in the middle of a notice) the transaction is rolled back, and
    ``commit`` writes the whole group again."""

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


def _rows_of(result: Any) -> Rows:
    """The rows of a ``batch.Result`` in JSONL form, built here from its JSON.

    Workers could build them, but pickling about 80 kB of small tuples per notice and unpickling them
    here costs more than decoding the JSON (measured: 5-10% slower at ``-j 1`` and ``-j 2``)."""
    import orjson

    data = result.data.rstrip(b"\n")
    return notice_rows(orjson.loads(data), data, now())


def write_results(conn: sqlite3.Connection, results: Iterable[Any], totals: Totals) -> Iterator[Any]:
    """Store each parsed notice (results of ``batch.run`` in JSONL form); yields each result.

    An error rolls back the open group; stopping early (``--fail-fast``, Ctrl-C, even in the middle of
    writing a notice) commits the whole notices received so far.
    """
    writer = Writer(conn)
    try:
        for result in results:
            if totals.count(result):
                writer.add(_rows_of(result))
            yield result
        writer.commit()
    except (GeneratorExit, KeyboardInterrupt):  # --fail-fast, Ctrl-C: keep the whole notices
        writer.commit()
        raise
    finally:
        writer.discard()


def write_db(conn: sqlite3.Connection, paths: Iterable[str], totals: Totals, jobs: int = 1,
             keywords: bool = False, force: bool = False) -> Iterator[Any]:
    """Parse ``paths`` that are not stored yet into the database; yields each ``batch.Result`` once received.

    Worker processes parse (``batch.run_beside``: even at ``jobs=1``), this process writes."""
    from ..batch import run_beside

    return write_results(conn, run_beside(fresh(conn, paths, totals, force), jobs, "jsonl", keywords), totals)


def run_batch(db: str, paths: Iterable[str], jobs: int = 1, keywords: bool = False, force: bool = False) -> Totals:
    """``write_db`` into the database file ``db``, run to the end: the library entry point."""
    conn = open_db(db)
    totals = Totals()
    try:
        for _ in write_db(conn, paths, totals, jobs, keywords, force):
            pass
    finally:
        conn.close()
    return totals


# ---------------------------------------------------------------- search


SEARCH_COLUMNS = """p.id, n.path, n.title AS notice_title, n.body, n.target, n.year,
       p.position, p.number, p.marker, p.category, p.title, p.description, p.status"""


def like_pattern(query: str) -> str:
    """``%query%`` with LIKE's wildcards escaped (``\\`` is the escape character)."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(query: str) -> str:
    """The query as one FTS5 phrase: with trigrams, a phrase matches it as a substring."""
    return '"' + query.replace('"', '""') + '"'


def _text_filter(conn: sqlite3.Connection, query: str) -> tuple[str, list[Any]]:
    """The WHERE clause that matches problems by text: the trigram index, or LIKE when it cannot answer."""
    if len(query) >= TRIGRAM_MIN_CHARS and has_fts(conn):
        return "p.id IN (SELECT rowid FROM problems_fts WHERE problems_fts MATCH ?)", [fts_phrase(query)]
    like = like_pattern(query)
    clause = ("(p.title LIKE ? ESCAPE '\\' OR p.description LIKE ? ESCAPE '\\' OR EXISTS "
              "(SELECT 1 FROM measures m WHERE m.problem_id = p.id AND m.text LIKE ? ESCAPE '\\'))")
    return clause, [like, like, like]


def search(conn: sqlite3.Connection, query: str, status: str | None = None, year: int | None = None,
           body: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Problems whose title, description or measures contain ``query`` (3+ characters use the
    trigram index; ASCII letters match case-insensitively), with their notice, in path order."""
    clause, params = _text_filter(conn, query)
    where = [clause]
    if status:
        where.append("p.status = ?")
        params.append(status)
    if year is not None:
        where.append("n.year = ?")
        params.append(year)
    if body:
        where.append("n.body LIKE ? ESCAPE '\\'")
        params.append(like_pattern(body))
    sql = (f"SELECT {SEARCH_COLUMNS} FROM problems p JOIN notices n ON n.id = p.notice_id "
           f"WHERE {' AND '.join(where)} ORDER BY n.path, p.position")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [dict(row) for row in conn.execute(sql, params)]
