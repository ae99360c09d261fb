"""Datasette finds the full-text index (issue 22): its own ``detect_fts`` names ``problems_fts`` for
``problems``, and its query API's ``?_search=`` returns the problems a substring scan finds."""
import asyncio
import json
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from xuncha_parse.cli import main
from xuncha_parse.outputs.db import has_trigram

datasette = pytest.importorskip("datasette")
pytestmark = pytest.mark.skipif(not has_trigram(), reason="SQLite without the trigram tokenizer")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("datasette")
    runner = CliRunner()
    assert runner.invoke(main, ["batch", str(SAMPLES), "--db", str(tmp / "notices.db")]).exit_code == 0
    assert runner.invoke(main, ["batch", str(SAMPLES), "-o", str(tmp / "x.jsonl")]).exit_code == 0
    notices = [json.loads(line) for line in (tmp / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    return tmp / "notices.db", notices


def test_detect_fts_finds_the_index(corpus):
    from datasette.utils import detect_fts

    with sqlite3.connect(corpus[0]) as conn:
        assert detect_fts(conn, "problems") == "problems_fts"


def _searched(db, words: str) -> list[dict]:
    from datasette.app import Datasette

    async def get() -> list[dict]:
        ds = Datasette([str(db)])
        response = await ds.client.get("/notices/problems.json", params={
            "_search": words, "_shape": "array", "_size": "max"})
        assert response.status_code == 200, response.text
        return response.json()

    return asyncio.run(get())


@pytest.mark.parametrize("words", ["八项规定", "公务用车", "中央八项 规定精神", "进一步 管理制度"])
def test_search_box_gives_what_a_substring_scan_finds(corpus, words):
    db, notices = corpus
    expected = {(n["source"]["path"], i) for n in notices for i, p in enumerate(n["problems"])
                if all(any(w in t for t in [p["title"] or "", p["description"] or ""] + [m["text"] for m in p["measures"]])
                       for w in words.split())}
    assert expected
    rows = _searched(db, words)
    with sqlite3.connect(db) as conn:
        found = {conn.execute("SELECT n.path, p.position FROM problems p JOIN notices n ON n.id = p.notice_id "
                              "WHERE p.id = ?", (row["id"],)).fetchone() for row in rows}
    assert found == expected
