"""The database keeps where each value came from (schema 4): the ``corrections`` table, one row per
applied correction, written by ``batch --db --corrections``, filled from the stored JSON by the 3 → 4
upgrade, and readable through Datasette."""
import asyncio
import json
import sqlite3

import pytest
from test_corrections import ADDED, BY, DATE, NOTICE, P0, P1, PATH, SHA, document, invoke

from xuncha_parse.outputs.db import SCHEMA_VERSION, open_db

#: path → (parsed, value), one of each kind of value: text, status, a date, a count, a rate, a removal, an addition
FIXES = {
    "inspection.target": (NOTICE["inspection"]["target"], "中共枣庄市政协机关党组"),
    "inspection.feedback": (NOTICE["inspection"]["feedback"], DATE),
    "declared.problems": (NOTICE["declared"]["problems"], 18),
    "declared.completion_rate": (NOTICE["declared"]["completion_rate"], 0.5),
    "problems.1.status": (P1["status"], "in_progress"),
    "problems.0": (P0["title"], None),
    "problems.+40": (None, ADDED),
}
ROW = "SELECT c.path, c.value, c.parsed, c.source, c.corrected_by, c.corrected_at FROM corrections c"


def stored_as(value):
    """A value as the table holds it: a text or number as itself, anything structured as its JSON text."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) if isinstance(value, (dict, list)) else value


@pytest.fixture
def db(tmp_path):
    fixes = tmp_path / "fixes.json"
    fixes.write_text(json.dumps(document(FIXES)), encoding="utf-8")
    path = tmp_path / "n.db"
    result = invoke("batch", PATH, "--db", path, "--quiet", "--corrections", fixes)
    assert result.exit_code == 0 and not result.stderr, result.output
    return path


def rows(db) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"{ROW} JOIN notices n ON n.id = c.notice_id WHERE n.sha256 = ? ORDER BY c.position",
                            (SHA,)).fetchall()


def test_each_applied_correction_is_a_row_with_both_values_who_and_when(db):
    got = {path: rest for path, *rest in rows(db)}
    assert got == {path: [stored_as(value), stored_as(parsed), "corrected", BY, "2026-12-06T03:00:00Z"]
                   for path, (parsed, value) in FIXES.items()}


def test_the_rows_are_the_notices_corrections_in_order(db):
    with sqlite3.connect(db) as conn:
        (stored,) = conn.execute("SELECT json FROM notices WHERE sha256 = ?", (SHA,)).fetchone()
    assert [r[0] for r in rows(db)] == [c["path"] for c in json.loads(stored)["corrections"]]


def test_a_new_run_replaces_the_rows_and_a_run_without_corrections_leaves_none(db, tmp_path):
    fewer = tmp_path / "fewer.json"
    fewer.write_text(json.dumps(document({"problems.1.status": FIXES["problems.1.status"]})), encoding="utf-8")
    assert invoke("batch", PATH, "--db", db, "--quiet", "--corrections", fewer).exit_code == 0
    assert [r[0] for r in rows(db)] == ["problems.1.status"]
    assert invoke("batch", PATH, "--db", db, "--quiet", "--force").exit_code == 0
    assert rows(db) == []


def test_upgrading_a_schema_3_database_fills_the_table_from_the_stored_json(db):
    written = rows(db)
    with sqlite3.connect(db) as conn:  # the database as schema 3 left it: no corrections table
        conn.execute("DROP TABLE corrections")
        conn.execute("PRAGMA user_version = 3")
    open_db(str(db)).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert rows(db) == written  # the upgrade's SQL stores each value as the writer does


def test_datasette_filters_the_table(db):
    datasette = pytest.importorskip("datasette.app")

    async def get(params: dict) -> list[dict]:
        ds = datasette.Datasette([str(db)])
        response = await ds.client.get("/n/corrections.json", params={**params, "_shape": "array"})
        assert response.status_code == 200, response.text
        return response.json()

    by_path = asyncio.run(get({"path__startswith": "inspection."}))
    assert sorted(r["path"] for r in by_path) == ["inspection.feedback", "inspection.target"]
    by_value = asyncio.run(get({"value__contains": "政协机关党组"}))
    assert [(r["path"], r["parsed"], r["corrected_by"]) for r in by_value] == [
        ("inspection.target", NOTICE["inspection"]["target"], BY)]
