"""The corpus database (batch --db), search, and Parquet: against the JSONL of the same notices."""
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_NAMES, SAMPLES, load_truth
from hypothesis import given
from hypothesis import strategies as st

from xuncha_parse.cli import main
from xuncha_parse.outputs import db as xdb

DOC = ROOT / "docs" / "DATABASE.md"
TABLES = ("notices", "problems", "measures", "progress", "contacts", "entities", "topics", "diagnostics")


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def counts(conn) -> dict:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def jsonl_counts(notices: list[dict]) -> dict:
    problems = [p for n in notices for p in n["problems"]]
    return {
        "notices": len(notices), "problems": len(problems),
        "measures": sum(len(p["measures"]) for p in problems),
        "progress": sum(len(p["progress"]) for p in problems),
        "contacts": sum(len(n["contacts"]) for n in notices),
        "entities": sum(len(p["entities"]) for p in problems),
        "topics": sum(len(p["topics"]) for p in problems),
        "diagnostics": sum(len(n["diagnostics"]) for n in notices),
    }


def dump(path: Path) -> dict:
    """Every table's rows, ids and times included: what 'writes nothing' compares."""
    with sqlite3.connect(path) as conn:
        return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The samples as JSONL and as a database, written by two batch runs over the same folder."""
    tmp = tmp_path_factory.mktemp("corpus")
    out = invoke("batch", SAMPLES, "-o", tmp / "x.jsonl")
    assert out.exit_code == 0, out.output
    result = invoke("batch", SAMPLES, "--db", tmp / "x.db")
    assert result.exit_code == 0, result.output
    notices = [json.loads(line) for line in (tmp / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    return tmp / "x.db", notices, result


@pytest.fixture
def conn(corpus):
    connection = sqlite3.connect(corpus[0])
    yield connection
    connection.close()


def test_samples_give_every_notice_and_the_truths_problems(corpus, conn):
    truth_problems = sum(len(load_truth(name)["problems"]) for name in SAMPLE_NAMES)
    assert counts(conn)["notices"] == len(SAMPLE_NAMES)
    assert counts(conn)["problems"] == truth_problems
    assert "通报=5" in corpus[2].output and f"问题={truth_problems}" in corpus[2].output  # the summary, in Chinese


def test_row_counts_equal_the_jsonl(corpus, conn):
    assert counts(conn) == jsonl_counts(corpus[1])


def test_database_is_versioned_wal_and_sound(conn):
    assert conn.execute("PRAGMA user_version").fetchone()[0] == xdb.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_notice_rows_hold_the_notice(corpus, conn):
    conn.row_factory = sqlite3.Row
    for notice in corpus[1]:
        row = dict(conn.execute("SELECT * FROM notices WHERE sha256 = ?", (notice["source"]["sha256"],)).fetchone())
        assert json.loads(row["json"]) == notice
        assert {k: row[k] for k in xdb.notice_row(notice)} == xdb.notice_row(notice)
        assert row["parsed_problems"] == len(notice["problems"])


def test_problem_rows_keep_order_and_fields(corpus, conn):
    for notice in corpus[1]:
        rows = conn.execute(
            "SELECT p.title, p.status, p.description FROM problems p JOIN notices n ON n.id = p.notice_id "
            "WHERE n.sha256 = ? ORDER BY p.position", (notice["source"]["sha256"],)).fetchall()
        assert rows == [(p["title"], p["status"], p["description"]) for p in notice["problems"]]


def test_views_join_notice_and_count_statuses(corpus, conn):
    view = conn.execute("SELECT count(*), count(DISTINCT body) FROM problems_with_notice").fetchone()
    assert view[0] == counts(conn)["problems"]
    for notice in corpus[1]:
        row = conn.execute("SELECT problems, completed, in_progress, unknown FROM status_counts WHERE path = ?",
                           (notice["source"]["path"],)).fetchone()
        statuses = [p["status"] for p in notice["problems"]]
        assert row == (len(statuses), statuses.count("completed"), statuses.count("in_progress"),
                       statuses.count("unknown"))


@pytest.mark.usefixtures("english")
def test_second_run_writes_nothing_and_says_unchanged(corpus):
    before = dump(corpus[0])
    result = invoke("batch", SAMPLES, "--db", corpus[0])
    assert result.exit_code == 0
    assert "notices=0" in result.output and "unchanged=5" in result.output
    assert dump(corpus[0]) == before


@pytest.mark.usefixtures("english")
def test_changed_file_replaces_its_rows_and_force_reparses(tmp_path):
    folder = tmp_path / "notices"
    shutil.copytree(SAMPLES, folder)
    db = tmp_path / "x.db"
    assert invoke("batch", folder, "--db", db).exit_code == 0
    changed = folder / f"{SAMPLE_NAMES[0]}.txt"
    changed.write_bytes(changed.read_bytes() + "\n附件：无\n".encode())
    result = invoke("batch", folder, "--db", db)
    assert "notices=1" in result.output and "unchanged=4" in result.output
    invoke("batch", folder, "-o", tmp_path / "x.jsonl")
    notices = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    with sqlite3.connect(db) as conn:
        assert counts(conn) == jsonl_counts(notices)
        stored = {r[0] for r in conn.execute("SELECT sha256 FROM notices")}
        assert stored == {n["source"]["sha256"] for n in notices}
        assert conn.execute("SELECT count(*) FROM problems_fts").fetchone()[0] == counts(conn)["problems"]
    forced = invoke("batch", folder, "--db", db, "--force")
    assert "notices=5" in forced.output and "unchanged=0" in forced.output
    with sqlite3.connect(db) as conn:
        assert counts(conn) == jsonl_counts(notices)


@pytest.mark.usefixtures("english")
def test_same_content_twice_is_stored_once(tmp_path):
    shutil.copy(SAMPLES / f"{SAMPLE_NAMES[0]}.txt", tmp_path / "a.txt")
    shutil.copy(SAMPLES / f"{SAMPLE_NAMES[0]}.txt", tmp_path / "b.txt")
    result = invoke("batch", tmp_path, "--db", tmp_path / "x.db")
    assert "notices=1" in result.output and "unchanged=1" in result.output


@pytest.mark.usefixtures("english")
def test_force_with_the_same_content_twice_in_one_group_keeps_the_last(tmp_path):
    """Both files are parsed; the second replaces the first inside one transaction, index included."""
    for name in ("a.txt", "b.txt"):
        shutil.copy(SAMPLES / f"{SAMPLE_NAMES[0]}.txt", tmp_path / name)
    result = invoke("batch", tmp_path, "--db", tmp_path / "x.db", "--force")
    assert result.exit_code == 0 and "notices=2" in result.output
    with sqlite3.connect(tmp_path / "x.db") as conn:
        assert conn.execute("SELECT path FROM notices").fetchall() == [(str(tmp_path / "b.txt"),)]
        problems = conn.execute("SELECT id, title, description FROM problems ORDER BY id").fetchall()
        indexed = conn.execute("SELECT rowid, title, description FROM problems_fts ORDER BY rowid").fetchall()
        assert problems and indexed == problems
        conn.execute("INSERT INTO problems_fts(problems_fts) VALUES ('integrity-check')")  # index = content
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.usefixtures("english")
def test_a_failed_file_is_reported_and_the_rest_kept(tmp_path):
    folder = tmp_path / "notices"
    shutil.copytree(SAMPLES, folder)
    (folder / "empty.txt").write_bytes(b"")
    result = invoke("batch", folder, "--db", tmp_path / "x.db")
    assert result.exit_code == 1 and "failed=1" in result.output
    with sqlite3.connect(tmp_path / "x.db") as conn:
        assert counts(conn)["notices"] == len(SAMPLE_NAMES)


# ---------------------------------------------------------------- versions and bad files


def test_newer_database_is_refused_untouched(tmp_path):
    db = tmp_path / "x.db"
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {xdb.SCHEMA_VERSION + 1}")
    before = db.read_bytes()
    for args, status in ((("batch", SAMPLES, "--db", db), 3), (("search", db, "八项规定"), 1)):
        result = invoke(*args)
        assert result.exit_code == status  # the output cannot be written; the input cannot be searched
        assert "newer xuncha" in result.output and "Traceback" not in result.output
    assert db.read_bytes() == before
    assert not Path(str(db) + "-wal").exists()


@pytest.mark.parametrize("content, message", [
    (b"not a database at all, just text" * 100, "not an SQLite database"),
    (None, "not one written by xuncha"),
])
def test_foreign_files_are_refused(tmp_path, content, message):
    db = tmp_path / "x.db"
    if content is None:
        with sqlite3.connect(db) as conn:
            conn.execute("CREATE TABLE mine (a)")
    else:
        db.write_bytes(content)
    result = invoke("batch", SAMPLES, "--db", db)
    assert result.exit_code == 3 and message in result.output


@pytest.mark.parametrize("args, message", [
    (("--force",), "only applies with --db or -o"),
    (("--db", "{tmp}/x.db", "-o", "{tmp}/x.jsonl"), "leave out -o"),
    (("--format", "parquet"), "needs -o FOLDER"),
    (("-o", "{tmp}"), "is a folder"),
])
@pytest.mark.usefixtures("english")
def test_option_mistakes_are_one_line(tmp_path, args, message):
    result = invoke("batch", SAMPLES, *(a.format(tmp=tmp_path) for a in args))
    assert result.exit_code == 2 and message in result.output


def test_search_needs_an_existing_database(tmp_path):
    result = invoke("search", tmp_path / "none.db", "八项规定")
    assert result.exit_code == 1 and "no such database" in result.output
    assert not (tmp_path / "none.db").exists()


def test_old_sqlite_has_no_trigram():
    assert not xdb.has_trigram("3.33.0") and xdb.has_trigram("3.34.0") and xdb.has_trigram("3.45.1")


# ---------------------------------------------------------------- search


def scan(notices: list[dict], needle: str) -> set[tuple[str, int]]:
    """(path, position) of problems whose title, description or a measure contains the needle."""
    needle = needle.lower()
    found = set()
    for notice in notices:
        for i, p in enumerate(notice["problems"]):
            texts = [p["title"] or "", p["description"] or ""] + [m["text"] for m in p["measures"]]
            if any(needle in t.lower() for t in texts):
                found.add((notice["source"]["path"], i))
    return found


def searched(db: Path, query: str, *options) -> set[tuple[str, int]]:
    result = invoke("search", db, query, "--json", *options)
    assert result.exit_code == 0, result.output
    return {(r["path"], r["position"]) for r in map(json.loads, result.output.splitlines())}


def test_fts_finds_exactly_the_problems_that_mention_it(corpus):
    expected = scan(corpus[1], "八项规定")
    assert expected  # the samples do mention it
    assert searched(corpus[0], "八项规定") == expected


def test_fts_is_used_for_three_characters_or_more(conn):
    assert xdb.has_fts(conn)
    from xuncha_parse.outputs.db.search import _text_filter

    clause, _ = _text_filter(conn, "八项规定")
    assert "problems_fts MATCH" in clause
    assert "LIKE" in _text_filter(conn, "用车")[0]


def _substrings(notices):
    texts = [t for n in notices for p in n["problems"]
             for t in [p["title"] or "", p["description"] or ""] + [m["text"] for m in p["measures"]] if t]
    return st.sampled_from(texts).flatmap(
        lambda t: st.tuples(st.integers(0, len(t) - 1), st.integers(1, 8)).map(lambda ij: t[ij[0]:ij[0] + ij[1]]))


def test_search_equals_a_substring_scan_for_any_piece_of_text(corpus):
    @given(_substrings(corpus[1]))
    def check(needle):
        if "\n" not in needle:
            conn = xdb.open_db(str(corpus[0]), readonly=True)
            try:
                rows = xdb.search(conn, needle)
            finally:
                conn.close()
            assert {(r["path"], r["position"]) for r in rows} == scan(corpus[1], needle)

    check()


@pytest.mark.parametrize("needle", ["%", "_", '"', "100%", "a_b", "\\", "巡察\"组"])
def test_search_takes_wildcards_and_quotes_literally(corpus, needle):
    assert searched(corpus[0], needle) == scan(corpus[1], needle)


def test_search_filters(corpus):
    db, notices = corpus[0], corpus[1]
    word = "整改"  # in most problems; the filters narrow what it finds
    found = scan(notices, word)
    by_status = {(n["source"]["path"], i) for n in notices for i, p in enumerate(n["problems"])
                 if p["status"] == "completed"}
    assert searched(db, word, "--status", "completed") == found & by_status
    dated = [n for n in notices if n["inspection"]["start"]]
    year = dated[0]["inspection"]["start"]["year"]
    assert searched(db, word, "--year", year) == found & {
        (n["source"]["path"], i) for n in dated if n["inspection"]["start"]["year"] == year
        for i in range(len(n["problems"]))}
    body = notices[0]["inspection"]["body"][-3:]  # part of a name: 巡察组 of 市委第二巡察组
    assert searched(db, word, "--body", body) == found & {
        (n["source"]["path"], i) for n in notices if body in (n["inspection"]["body"] or "")
        for i in range(len(n["problems"]))}
    assert searched(db, word, "--body", "no such body") == set()
    assert len(searched(db, word, "--limit", 3)) == 3


def test_search_table_escapes_markup(tmp_path):
    """A notice's text that looks like rich markup prints as written."""
    notice = (SAMPLES / f"{SAMPLE_NAMES[0]}.txt").read_text(encoding="utf-8")
    title = "“第一议题”制度执行不严格"
    assert title in notice
    (tmp_path / "n.txt").write_text(notice.replace(title, "[bold]" + title), encoding="utf-8")
    invoke("batch", tmp_path, "--db", tmp_path / "x.db")
    result = CliRunner().invoke(main, ["search", str(tmp_path / "x.db"), "第一议题"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "[bold]" in result.output


# ---------------------------------------------------------------- the schema is documented


def test_every_table_column_and_view_is_documented(conn):
    doc = DOC.read_text(encoding="utf-8")
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                        "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'problems_fts_%'")]
    for name in names:
        section = re.search(rf"^### `{name}`\n(.*?)(?=^#)", doc, re.S | re.M)
        assert section, f"docs/DATABASE.md has no section for {name}"
        for column in (r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')):
            assert f"`{column}`" in section.group(1), f"{name}.{column} is not documented"


# ---------------------------------------------------------------- Parquet, pandas, DuckDB


def test_parquet_holds_the_notices_and_problems(tmp_path, corpus):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed (pip install 'xuncha[parquet]')")
    result = invoke("batch", SAMPLES, "--format", "parquet", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    notices = pq.read_table(tmp_path / "out" / "notices.parquet").to_pylist()
    problems = pq.read_table(tmp_path / "out" / "problems.parquet").to_pylist()
    assert [n["sha256"] for n in notices] == [n["source"]["sha256"] for n in corpus[1]]
    assert [(p["title"], p["measures"]) for p in problems] == [
        (p["title"], [m["text"] for m in p["measures"]]) for n in corpus[1] for p in n["problems"]]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["notices.parquet", "problems.parquet"]


def test_parquet_without_pyarrow_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setitem(__import__("sys").modules, "pyarrow", None)
    result = invoke("batch", SAMPLES, "--format", "parquet", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "pip install 'xuncha[parquet]'" in result.output


def test_pandas_reads_the_database(corpus):
    pd = pytest.importorskip("pandas", reason="pandas not installed")
    with sqlite3.connect(corpus[0]) as conn:
        frame = pd.read_sql("SELECT body, year, status, count(*) AS n FROM problems_with_notice "
                            "GROUP BY body, year, status", conn)
    assert frame["n"].sum() == jsonl_counts(corpus[1])["problems"]


def test_duckdb_reads_the_database(corpus):
    duckdb = pytest.importorskip("duckdb", reason="duckdb not installed")
    # never INSTALL: that downloads the extension from duckdb's site, and tests reach no network
    con = duckdb.connect(config={"autoinstall_known_extensions": False})
    installed = con.execute("SELECT installed FROM duckdb_extensions() WHERE extension_name = 'sqlite'").fetchone()
    if not (installed and installed[0]):
        pytest.skip("duckdb's sqlite extension is not installed here (INSTALL sqlite would download it)")
    con.execute("LOAD sqlite")
    con.execute(f"ATTACH '{corpus[0]}' AS x (TYPE sqlite, READ_ONLY)")
    n = con.execute("SELECT count(*) FROM x.problems WHERE status = 'completed'").fetchone()[0]
    expected = sum(p["status"] == "completed" for notice in corpus[1] for p in notice["problems"])
    assert n == expected


def test_duckdb_reads_the_parquet(tmp_path, corpus):
    duckdb = pytest.importorskip("duckdb", reason="duckdb not installed")
    pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'xuncha[parquet]')")
    assert invoke("batch", SAMPLES, "--format", "parquet", "-o", tmp_path / "out").exit_code == 0
    got = duckdb.sql(f"""SELECT n.body, count(*), sum(len(p.measures))
        FROM '{tmp_path}/out/problems.parquet' p JOIN '{tmp_path}/out/notices.parquet' n USING (sha256)
        GROUP BY n.body""").fetchall()
    expected: dict = {}
    for notice in corpus[1]:
        n, m = expected.get(notice["inspection"]["body"], (0, 0))
        expected[notice["inspection"]["body"]] = (n + len(notice["problems"]),
                                                  m + sum(len(p["measures"]) for p in notice["problems"]))
    assert {body: (n, m) for body, n, m in got} == expected


def test_keywords_fill_topics_and_keywords(tmp_path):
    sample = SAMPLES / f"{SAMPLE_NAMES[0]}.txt"
    assert invoke("batch", sample, "--keywords", "--db", tmp_path / "x.db").exit_code == 0
    assert invoke("batch", sample, "--keywords", "-o", tmp_path / "x.jsonl").exit_code == 0
    notice = json.loads((tmp_path / "x.jsonl").read_text(encoding="utf-8"))
    with sqlite3.connect(tmp_path / "x.db") as conn:
        assert counts(conn) == jsonl_counts([notice])
        topics = conn.execute("SELECT p.position, t.code, t.terms FROM topics t JOIN problems p ON p.id = t.problem_id "
                              "ORDER BY p.position, t.position").fetchall()
        keywords = [json.loads(k) for (k,) in conn.execute("SELECT keywords FROM problems ORDER BY position")]
    assert topics and topics == [(i, t["code"], json.dumps(t["terms"], ensure_ascii=False, separators=(",", ":")))
                                 for i, p in enumerate(notice["problems"]) for t in p["topics"]]
    assert keywords == [p["keywords"] for p in notice["problems"]]


def _records(notices):
    from xuncha_parse.outputs.sink import Record

    return [Record(n["source"]["path"], json.dumps(n, ensure_ascii=False).encode() + b"\n", len(n["problems"]),
                   sha256=n["source"]["sha256"]) for n in notices]


@pytest.mark.parametrize("stop, kept", [("close", 2), ("abandon", 0)])
def test_an_interrupt_keeps_whole_notices_an_error_rolls_back(tmp_path, corpus, stop, kept):
    """Closing the sink after Ctrl-C (complete=False) commits the whole notices received; abandoning it
    after an error rolls the open group back."""
    from xuncha_parse.outputs.db.sink import DbSink

    sink = DbSink(str(tmp_path / "x.db"))
    for record in _records(corpus[1][:2]):
        sink.add(record)
    sink.close(complete=False) if stop == "close" else sink.abandon()
    conn = xdb.open_db(str(tmp_path / "x.db"))
    try:
        assert conn.execute("SELECT count(*) FROM notices").fetchone()[0] == kept
        assert conn.execute("SELECT count(*) FROM problems_fts").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM problems").fetchone()[0]
    finally:
        conn.close()
