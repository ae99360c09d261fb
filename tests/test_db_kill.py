"""kill -9 during batch --db: the database stays sound, holds whole notices, and a re-run completes it.

1,000 notices (the samples under other names, each with its own trailing line, so every sha256
differs) are written with ``-j 2``; the writer is killed with SIGKILL at random points three times,
while a reader keeps querying; then a last run completes the database, which must equal, table by
table, the one from a clean run (ids and parse times aside).
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import ROOT, SAMPLES

NOTICES = 1000
KILLS = 3
#: the kills fall at this share of a clean run's time after each start, chosen at random
KILL_WINDOW = (0.05, 0.3)
TABLES = ("notices", "problems", "measures", "progress", "contacts", "entities", "topics", "diagnostics")
#: columns that differ between two runs of the same input: row ids, and when the notice was parsed
VOLATILE = {"id", "notice_id", "problem_id", "parsed_at"}
#: the natural key that replaces a row's parent id when rows of two databases are compared
PARENT_KEY = {
    "notice_id": "(SELECT sha256 FROM notices WHERE id = t.notice_id)",
    "problem_id": "(SELECT n.sha256 || '#' || p.position FROM problems p JOIN notices n ON n.id = p.notice_id "
                  "WHERE p.id = t.problem_id)",
}


def make_corpus(folder) -> None:
    texts = [p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))]
    folder.mkdir()
    for i in range(NOTICES):
        (folder / f"n{i:04d}.txt").write_bytes(texts[i % len(texts)] + f"\n{i}\n".encode())


def start(folder, db) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-m", "xuncha_parse", "batch", str(folder), "-j", "2", "--quiet",
                             "--db", str(db)], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL the writer, then its orphaned pool workers (its process group, which this test started)."""
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def rows(db) -> dict:
    """Every table (and the full-text index) as a sorted list of rows, parent ids replaced by natural keys."""
    with sqlite3.connect(db) as conn:
        out = {}
        for table in TABLES:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            keys = [PARENT_KEY[c] for c in columns if c in PARENT_KEY]
            kept = [f't."{c}"' for c in columns if c not in VOLATILE]
            out[table] = sorted(conn.execute(f"SELECT {', '.join(keys + kept)} FROM {table} t").fetchall())
        out["problems_fts"] = sorted(conn.execute(
            "SELECT n.sha256, p.position, f.title, f.description, f.measures_text FROM problems_fts f "
            "JOIN problems p ON p.id = f.rowid JOIN notices n ON n.id = p.notice_id").fetchall())
        out["fts_rows"] = conn.execute("SELECT count(*) FROM problems_fts").fetchone()
    return out


def assert_sound_and_whole(db) -> int:
    """integrity_check passes, and every stored notice has all its rows; returns how many are stored."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = conn.execute("SELECT id, json FROM notices").fetchall()
        for notice_id, text in stored:
            problems = json.loads(text)["problems"]
            got = conn.execute("SELECT count(*), (SELECT count(*) FROM measures m JOIN problems q ON q.id = m.problem_id "
                               "WHERE q.notice_id = ?) FROM problems WHERE notice_id = ?",
                               (notice_id, notice_id)).fetchone()
            assert got == (len(problems), sum(len(p["measures"]) for p in problems))
        assert conn.execute("SELECT count(*) FROM problems_fts").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM problems").fetchone()[0]
        conn.execute("INSERT INTO problems_fts(problems_fts) VALUES ('integrity-check')")  # the index = the rows
    return len(stored)


def read_while_writing(db, until: float) -> list[int]:
    """Count notices from another connection until the deadline: readers are never locked out."""
    seen = []
    while time.monotonic() < until:
        if os.path.exists(db):
            try:
                with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                    seen.append(conn.execute("SELECT count(*) FROM notices").fetchone()[0])
            except sqlite3.OperationalError as e:
                if "no such table" not in str(e):  # the schema not created yet
                    raise
        time.sleep(0.05)
    return seen


@pytest.mark.slow
def test_kill_nine_leaves_whole_notices_and_a_rerun_completes(tmp_path):
    folder = tmp_path / "notices"
    make_corpus(folder)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    began = time.monotonic()
    proc = start(folder, clean)
    assert proc.wait() == 0, proc.stderr.read()
    full = time.monotonic() - began
    rng = random.Random(15)
    stored_after_kills, seen = [], []
    for _ in range(KILLS):
        proc = start(folder, killed)
        seen += read_while_writing(killed, time.monotonic() + rng.uniform(*KILL_WINDOW) * full)
        kill(proc)
        stored_after_kills.append(assert_sound_and_whole(killed))
    print(f"notices stored after each kill: {stored_after_kills}; reader counts seen: {len(seen)}")
    assert stored_after_kills[0] < NOTICES  # the first kill did land in the middle of the run
    assert seen == sorted(seen)  # a reader saw the count only grow
    proc = start(folder, killed)
    assert proc.wait() == 0, proc.stderr.read()
    assert assert_sound_and_whole(killed) == NOTICES
    assert rows(killed) == rows(clean)
