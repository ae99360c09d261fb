"""Database upgrades (outputs/db/migrations.py) on tests/fixtures/db/v1.db, a database written by main at
a6af0c2 (schema 1) from the six inputs it names in ``notices.path`` (relative to the repository); one of
them, tests/fixtures/db/county_leader_lines.txt, names a responsible leader for each problem, which main
folded into ``description``.

Opening it upgrades it in place and loses nothing; ``batch`` over the same inputs then gives tables
equal to a fresh run's; a failed step leaves the database as it was; a newer database is refused.
"""
from __future__ import annotations

import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import ROOT
from test_db_kill import rows

from xuncha_parse.cli import main
from xuncha_parse.outputs.db import SCHEMA_VERSION, DatabaseError, open_db
from xuncha_parse.outputs.db import migrations as steps

V1 = ROOT / "tests" / "fixtures" / "db" / "v1.db"
TABLES = ("notices", "problems", "measures", "progress", "contacts", "entities", "topics", "diagnostics")


@pytest.fixture
def old(tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(V1, path)
    return path


def contents(db) -> dict:
    """Every table's rows as dicts, and the full-text index."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        out = {t: [dict(r) for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")] for t in TABLES}
        out["fts"] = [tuple(r) for r in conn.execute("SELECT rowid, * FROM problems_fts ORDER BY rowid")]
        return out


def version(db) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])


def inputs(db) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [p for (p,) in conn.execute("SELECT path FROM notices ORDER BY id")]


def batch(db, paths, monkeypatch):
    monkeypatch.chdir(ROOT)  # the fixture's paths are relative to the repository
    return CliRunner().invoke(main, ["batch", *paths, "--db", str(db)])


def test_the_fixture_is_a_version_1_database():
    assert version(V1) == 1 and len(inputs(V1)) == 6


def test_opening_upgrades_in_place_and_loses_nothing(old):
    before = contents(old)
    open_db(str(old)).close()
    after = contents(old)
    assert version(old) == SCHEMA_VERSION
    for table in TABLES:  # every row and value kept; the new columns empty
        assert [{k: r[k] for k in b} for r, b in zip(after[table], before[table])] == before[table]
        assert len(after[table]) == len(before[table])
    # the index, made again over the problems' own columns (schema 3), holds the same texts; an empty
    # one is now the problem's NULL, and it answers the same queries
    assert after["fts"] == [tuple(v or None for v in row) for row in before["fts"]]
    with sqlite3.connect(old) as conn:
        conn.execute("INSERT INTO problems_fts(problems_fts) VALUES ('integrity-check')")
    assert {r["leader"] for r in after["problems"]} == {None}
    assert {r["row_version"] for r in after["notices"]} == {None}  # so the next batch parses them again


@pytest.mark.usefixtures("english")
def test_batch_on_the_old_database_equals_a_fresh_run(old, tmp_path, monkeypatch):
    paths = inputs(old)
    result = batch(old, paths, monkeypatch)
    assert result.exit_code == 0 and "notices=6 " in result.stderr and "unchanged=0" in result.stderr
    fresh = tmp_path / "fresh.db"
    assert batch(fresh, paths, monkeypatch).exit_code == 0
    assert version(old) == version(fresh) == SCHEMA_VERSION
    assert rows(old) == rows(fresh)
    again = batch(old, paths, monkeypatch)  # parsed again once: now current
    assert again.exit_code == 0 and "notices=0 " in again.stderr and "unchanged=6" in again.stderr
    with sqlite3.connect(old) as conn:  # the same columns in the same order, also in the tables added since
        for table in (*TABLES, "corrections"):
            assert [r[1:3] for r in conn.execute(f"PRAGMA table_info({table})")] == \
                [r[1:3] for r in sqlite3.connect(fresh).execute(f"PRAGMA table_info({table})")]


def test_leader_column_holds_what_the_json_says(old, monkeypatch):
    """After the upgrade and a batch, problems.leader is each problem's ``leader`` in the stored JSON."""
    assert batch(old, inputs(old), monkeypatch).exit_code == 0
    with sqlite3.connect(old) as conn:
        for notice_id, text in conn.execute("SELECT id, json FROM notices"):
            want = [p.get("leader") for p in json.loads(text)["problems"]]
            got = [leader for (leader,) in conn.execute(
                "SELECT leader FROM problems WHERE notice_id = ? ORDER BY position", (notice_id,))]
            assert got == want


def test_leader_is_filled_for_the_old_databases_inputs(old, monkeypatch):
    assert batch(old, inputs(old), monkeypatch).exit_code == 0
    with sqlite3.connect(old) as conn:
        assert conn.execute("SELECT count(*) FROM problems WHERE leader IS NOT NULL").fetchone()[0] > 0


def test_a_failed_step_leaves_the_database_as_it_was(old, monkeypatch):
    before = contents(old)

    def half_done(conn):
        conn.execute("ALTER TABLE notices ADD COLUMN notice_kind TEXT")
        raise RuntimeError("disk gone")

    monkeypatch.setitem(steps.MIGRATIONS, 1, half_done)
    with pytest.raises(RuntimeError):
        open_db(str(old))
    assert version(old) == 1 and contents(old) == before
    with sqlite3.connect(old) as conn:
        assert "notice_kind" not in [r[1] for r in conn.execute("PRAGMA table_info(notices)")]


def test_every_version_has_a_step():
    assert sorted(steps.MIGRATIONS) == list(range(SCHEMA_VERSION))


def test_a_newer_database_is_refused_with_one_line(old, monkeypatch):
    with sqlite3.connect(old) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseError, match="written by a newer xuncha"):
        open_db(str(old))
    result = batch(old, inputs(old), monkeypatch)
    assert result.exit_code == 3 and len(result.stderr.splitlines()) == 1
    assert "newer xuncha" in result.stderr and version(old) == SCHEMA_VERSION + 1


def test_search_reads_an_old_database_without_upgrading_it(old):
    result = CliRunner().invoke(main, ["search", str(old), "--json", "问题"])
    assert result.exit_code == 0 and result.stdout.strip()
    assert version(old) == 1
