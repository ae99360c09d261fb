"""outputs/columns.py: one declaration from which the SQLite DDL, the Parquet schemas, the CSV header and
every output's rows are derived, so a column added there appears in each output it names, and nowhere else.
"""
from __future__ import annotations

import csv
import io
import sqlite3

import pytest
from conftest import SAMPLES

from xuncha_parse import parse_bytes
from xuncha_parse.outputs import columns as declared
from xuncha_parse.outputs.columns import NOTICE_COLUMNS, PROBLEM_COLUMNS, Column, columns

NOTICE = parse_bytes((SAMPLES / "002_c815ed000f2749a3.txt").read_bytes(), "002.txt").model_dump(mode="json")


def test_names_are_unique_and_kinds_known():
    for table in (NOTICE_COLUMNS, PROBLEM_COLUMNS):
        names = [c.name for c in table]
        assert len(names) == len(set(names))
        assert {c.kind for c in table} <= set(declared.KINDS)
        assert all(c.outputs <= declared.ALL for c in table)


def _ddl_columns(table: str) -> list[str]:
    from xuncha_parse.outputs.db.migrations import create

    conn = sqlite3.connect(":memory:")
    create(conn)
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def test_the_ddl_the_parquet_schemas_and_the_csv_header_follow_the_declaration():
    from xuncha_parse.outputs.csv import COLUMNS as CSV_HEADER

    assert _ddl_columns("notices") == ["id", *(c.name for c in columns(NOTICE_COLUMNS, "db"))]
    assert _ddl_columns("problems") == ["id", "notice_id", *(c.name for c in columns(PROBLEM_COLUMNS, "db"))]
    assert CSV_HEADER == [c.header for c in columns(NOTICE_COLUMNS, "csv") + columns(PROBLEM_COLUMNS, "csv")]
    pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'xuncha[parquet]')")
    from xuncha_parse.outputs.parquet import schemas

    notices, problems = schemas()
    assert notices.names == [c.name for c in columns(NOTICE_COLUMNS, "parquet")]
    assert problems.names == ["sha256", "path", *(c.name for c in columns(PROBLEM_COLUMNS, "parquet"))]


@pytest.mark.parametrize("kind, value, sql", [
    ("boolean", True, 1), ("boolean", False, 0), ("boolean", None, None),
    ("texts", ["a", "乙"], '["a","乙"]'), ("texts", [], "[]"), ("integer", 3, 3), ("text", "x", "x"),
])
def test_values_are_stored_by_their_kind(kind, value, sql):
    from xuncha_parse.outputs.db.rows import sql_value

    assert sql_value(kind, value) == sql


def test_the_leader_of_each_problem_reaches_the_database_csv_and_parquet():
    """problems[].leader (contract 1.2) as its own column wherever problems go; empty until the parser fills it."""
    from xuncha_parse.outputs.csv import csv_header, csv_rows
    from xuncha_parse.outputs.db.rows import problem_row

    notice = {**NOTICE, "problems": [{**p, "leader": f"张{i}"} for i, p in enumerate(NOTICE["problems"])]}
    assert [problem_row(p, i)["leader"] for i, p in enumerate(notice["problems"])] == \
        [f"张{i}" for i in range(len(notice["problems"]))]
    rows = list(csv.DictReader(io.StringIO((csv_header() + csv_rows(notice)).decode("utf-8-sig"))))
    assert [r["leader"] for r in rows] == [f"张{i}" for i in range(len(rows))]
    pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'xuncha[parquet]')")
    from xuncha_parse.outputs.parquet import problem_record

    assert problem_record(notice, notice["problems"][1], 1)["leader"] == "张1"


def test_a_column_added_to_the_declaration_reaches_every_output_it_names(monkeypatch):
    """What "adding a field" costs: one Column; the DDL, the CSV and the Parquet rows follow."""
    import importlib

    extra = Column("cause_length", "integer", lambda p, i: len(p.get("cause") or ""), declared.ALL)
    monkeypatch.setattr(declared, "PROBLEM_COLUMNS", PROBLEM_COLUMNS + (extra,))
    import xuncha_parse.outputs.csv as csv_module
    import xuncha_parse.outputs.db.rows as rows_module
    import xuncha_parse.outputs.db.schema as schema_module

    try:
        for module in (schema_module, rows_module, csv_module):
            importlib.reload(module)
        assert '"cause_length" INTEGER' in schema_module.PROBLEMS
        problem = NOTICE["problems"][0]
        assert rows_module.problem_row(problem, 0)["cause_length"] == len(problem["cause"] or "")
        assert csv_module.COLUMNS[-1] == "cause_length"
    finally:
        monkeypatch.undo()
        for module in (schema_module, rows_module, csv_module):
            importlib.reload(module)
