"""Spreadsheet-friendly values (issue 22): CSV booleans as 是/否 (yes/no), measures and progress as
texts beside their counts, one written form of a partial date in every flat output, and the database's
date as written with whether its year was inferred."""
import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from xuncha_parse.cli import main
from xuncha_parse.outputs.columns import date_text
from xuncha_parse.outputs.csv import cell

DATES = ("start", "end", "feedback")


def invoke(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result


def table(data: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sheet")
    invoke("batch", SAMPLES, "-o", tmp / "x.jsonl")
    invoke("batch", SAMPLES, "--format", "csv", "-o", tmp / "x.csv")
    invoke("batch", SAMPLES, "--db", tmp / "x.db")
    notices = [json.loads(line) for line in (tmp / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    return notices, table((tmp / "x.csv").read_bytes()), tmp / "x.db"


@pytest.mark.parametrize("value, lang, shown", [
    (True, "zh", "是"), (False, "zh", "否"), (True, "en", "yes"), (False, "en", "no"),
    (None, "zh", ""), (0, "zh", 0), (["一是…", "二是…"], "zh", "一是…\n二是…"), (["=1+1"], "zh", "'=1+1"),
])
def test_cell_values(value, lang, shown):
    assert cell(value, lang) == shown


def test_csv_rows_carry_yes_no_texts_and_counts(corpus):
    notices, rows, _ = corpus
    problems = [p for n in notices for p in n["problems"]]
    assert len(rows) == len(problems)
    for row, problem in zip(rows, problems):
        assert row["long_term"] == ("是" if problem["long_term"] else "否")
        assert row["immediate"] == ("是" if problem["immediate"] else "否")
        assert row["measures"] == "\n".join(m["text"] for m in problem["measures"]).replace("\r", "")
        assert row["progress"] == "\n".join(m["text"] for m in problem["progress"])
        assert int(row["measure_count"]) == len(problem["measures"])
        assert int(row["progress_count"]) == len(problem["progress"])
    assert {r["immediate"] for r in rows} == {"是", "否"}  # both occur in the samples


def test_lang_en_gives_yes_and_no(tmp_path):
    rows = table(invoke("batch", SAMPLES, "--format", "csv", "--lang", "en").stdout_bytes)
    assert {r["immediate"] for r in rows} == {"yes", "no"}
    one = next(SAMPLES.glob("*.txt"))
    rows = table(invoke("parse", one, "--format", "csv", "--lang", "en").stdout_bytes)
    assert {r["long_term"] for r in rows} <= {"yes", "no"}


@pytest.mark.parametrize("date, form", [
    ({"text": "2023年X月26日", "iso": None, "year": 2023, "month": None, "day": 26}, "2023-??-26"),
    ({"text": "6月底", "iso": None, "year": 2024, "month": 6, "day": None}, "2024-06-??"),
    ({"text": "7月24日", "iso": "2025-07-24", "year": 2025, "month": 7, "day": 24}, "2025-07-24"),
    (None, ""),
])
def test_one_written_form_of_a_date(date, form):
    assert date_text(date) == form


def test_a_partial_date_reads_the_same_in_csv_database_and_parquet(corpus, tmp_path):
    notices, rows, db = corpus
    partial = [n for n in notices if n["inspection"]["start"] and not n["inspection"]["start"]["iso"]]
    assert partial  # sample 004: 2023年X月26日
    by_path = {r["notice_path"]: r for r in rows}
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        for notice in notices:
            stored = conn.execute("SELECT * FROM notices WHERE path = ?", (notice["source"]["path"],)).fetchone()
            for which in DATES:
                date = notice["inspection"][which]
                assert stored[f"{which}_date"] == (date_text(date) or None)
                assert by_path[notice["source"]["path"]][f"inspection_{which}"] == date_text(date)
                assert stored[f"{which}_date_text"] == (date or {}).get("text")
                inferred = (date or {}).get("year_inferred")
                assert stored[f"{which}_year_inferred"] == (None if date is None else int(bool(inferred)))
    assert "2023-??-26" in {by_path[n["source"]["path"]]["inspection_start"] for n in partial}


def test_the_database_keeps_an_inferred_year(corpus):
    notices, _, db = corpus
    inferred = [(n["source"]["path"], n["inspection"]["end"]["text"]) for n in notices
                if (n["inspection"]["end"] or {}).get("year_inferred")]
    assert inferred  # 2025年4月21日至6月27日: the end's year comes from the start
    with sqlite3.connect(db) as conn:
        for path, text in inferred:
            row = conn.execute("SELECT end_date_text, end_year_inferred FROM notices WHERE path = ?", (path,))
            assert row.fetchone() == (text, 1)
