"""The database's tables, derived from the declared columns where they are flat (``outputs/columns.py``).

``notices`` and ``problems`` take their columns from ``NOTICE_COLUMNS`` and ``PROBLEM_COLUMNS``
(those that go to ``db``); the tables of a problem's or a notice's parts (measures, progress,
contacts, entities, topics, diagnostics), the views and the full-text index are written here.
docs/DATABASE.md describes them; a test checks that both agree.
"""
from __future__ import annotations

from ..columns import CORRECTION_COLUMNS, NOTICE_COLUMNS, PROBLEM_COLUMNS, Column, columns

#: ``PRAGMA user_version`` of the databases this code writes: the number of the last migration
#: (``migrations.MIGRATIONS``); a database with a larger number is refused
SCHEMA_VERSION = 4
#: SQLite gained the FTS5 ``trigram`` tokenizer in 3.34.0
TRIGRAM_MIN_SQLITE = (3, 34, 0)
#: the SQL type of each column kind; lists of texts are stored as a JSON array, booleans as 0 or 1, any
#: JSON value without a type (a text stays a text, a number a number, as ``entities.value``)
SQL_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL", "boolean": "INTEGER", "texts": "TEXT", "any": ""}


def column_sql(column: Column) -> str:
    """A column's definition in CREATE TABLE or ALTER TABLE ADD COLUMN: ``"group" TEXT``."""
    return f'"{column.name}" {SQL_TYPES[column.kind]} {column.sql}'.rstrip()


def _columns_sql(table: tuple[Column, ...]) -> str:
    return "".join(f"    {column_sql(c)},\n" for c in columns(table, "db"))


#: the notices table: the declared columns (among them when the notice was parsed, and its whole JSON)
NOTICES = f"""
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
{_columns_sql(NOTICE_COLUMNS).rstrip().rstrip(",")}
);
CREATE INDEX notices_year ON notices(year);
CREATE INDEX notices_body ON notices(body);
CREATE INDEX notices_target ON notices(target);
"""

def _notice_rows_table(name: str, table: tuple[Column, ...], indexed: str) -> str:
    """A table of a notice's rows in order (problems, corrections): the declared columns, one row per
    (notice, position), gone with its notice, and an index on one column."""
    return f"""
CREATE TABLE {name} (
    id INTEGER PRIMARY KEY,
    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
{_columns_sql(table)}    UNIQUE (notice_id, position)
);
CREATE INDEX {name}_{indexed} ON {name}({indexed});
"""


PROBLEMS = _notice_rows_table("problems", PROBLEM_COLUMNS, "status")

PARTS = """
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
"""

#: database schema 4: what a person corrected, one row per applied correction (columns.CORRECTION_COLUMNS)
CORRECTIONS = _notice_rows_table("corrections", CORRECTION_COLUMNS, "path")

#: the views; ``p.*`` takes every problem column, so a column added later appears in the first view too
VIEWS = """
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

TABLES = NOTICES + PROBLEMS + PARTS + CORRECTIONS + VIEWS

#: the full-text index: one row per problem, rowid = problems.id; created only where SQLite has trigram.
#: It indexes problems' own columns title, description and measures_text (``content="problems"``, an
#: external-content table, so the text is not stored twice, and Datasette's ``detect_fts`` finds it for
#: ``?_search=``).  The writer adds a problem's row just before its group commits; the trigger takes it
#: out with the values it was indexed with, and only if it was indexed (``problems_fts_docsize`` holds
#: one row per indexed problem), since a problem replaced in the group that wrote it never was.
#: Its segments merge 16 at a time instead of 4: each commit adds one, and fewer merges make writing cheaper
FTS = """
CREATE VIRTUAL TABLE problems_fts USING fts5(title, description, measures_text, content="problems",
    content_rowid="id", tokenize='trigram');
CREATE TRIGGER problems_fts_delete AFTER DELETE ON problems
WHEN EXISTS (SELECT 1 FROM problems_fts_docsize WHERE id = old.id) BEGIN
    INSERT INTO problems_fts(problems_fts, rowid, title, description, measures_text)
    VALUES ('delete', old.id, old.title, old.description, old.measures_text);
END;
INSERT INTO problems_fts(problems_fts, rank) VALUES ('automerge', 16);
"""


def has_trigram(sqlite_version: str | None = None) -> bool:
    """Whether this SQLite (3.34.0 or later) has the FTS5 trigram tokenizer."""
    import sqlite3

    version = tuple(int(x) for x in (sqlite_version or sqlite3.sqlite_version).split("."))
    return version >= TRIGRAM_MIN_SQLITE
