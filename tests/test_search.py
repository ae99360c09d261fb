"""``xuncha search`` as people type (issue 22): every query form compared with a plain substring
scan of the same texts (the JSONL of the same samples), snippets that mark the match, sorting, an
empty query refused, and notice text escaped on the terminal (issue 23)."""
import importlib
import json
import re

import pytest
from click.testing import CliRunner
from conftest import SAMPLE_NAMES, SAMPLES
from hypothesis import given
from hypothesis import strategies as st

from xuncha_parse.cli import main
from xuncha_parse.outputs import db as xdb
from xuncha_parse.outputs.db.query import parse_query

search_module = importlib.import_module("xuncha_parse.outputs.db.search")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("search")
    assert invoke("batch", SAMPLES, "-o", tmp / "x.jsonl").exit_code == 0
    assert invoke("batch", SAMPLES, "--db", tmp / "x.db").exit_code == 0
    notices = [json.loads(line) for line in (tmp / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    return tmp / "x.db", notices


def texts(problem):
    return [problem["title"] or "", problem["description"] or ""] + [m["text"] for m in problem["measures"]]


def holds(problem, word):
    return any(word.translate(ASCII_LOWER) in t.translate(ASCII_LOWER) for t in texts(problem))


def scan(notices, groups, excluded=()):
    """The reference: (path, position) of problems where each group has a word in some text, and no
    excluded word is in any."""
    return {(n["source"]["path"], i) for n in notices for i, p in enumerate(n["problems"])
            if all(any(holds(p, w) for w in group) for group in groups) and not any(holds(p, w) for w in excluded)}


def searched(db, *query, options=()):
    result = invoke("search", db, *query, "--json", *options)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def hits(rows):
    return {(r["path"], r["position"]) for r in rows}


#: (what is typed, as argv words; the groups that must all match; the excluded words)
FORMS = [
    (["八项", "规定"], [["八项"], ["规定"]], []),  # two words, as people type
    (["八项 规定"], [["八项"], ["规定"]], []),  # the same as one argument
    (["公车", "OR", "公务用车"], [["公车", "公务用车"]], []),
    (["管理", "公车", "OR", "用车"], [["管理"], ["公车", "用车"]], []),
    (["整改", "-完成"], [["整改"]], ["完成"]),
    (["用车"], [["用车"]], []),  # two characters: LIKE
    (["党"], [["党"]], []),  # one character
    (["党", "-组织"], [["党"]], ["组织"]),
    (['"违反中央"'], [["违反中央"]], []),
]


@pytest.mark.parametrize("typed, groups, excluded", FORMS)
def test_each_query_form_equals_a_substring_scan(corpus, typed, groups, excluded):
    db, notices = corpus
    expected = scan(notices, groups, excluded)
    assert expected  # the samples hold it: an empty answer would prove nothing
    if excluded:
        assert scan(notices, groups) > expected  # and the exclusion leaves something out
    assert hits(searched(db, *typed)) == expected


def test_two_words_need_not_stand_together(corpus):
    db, notices = corpus
    apart = scan(notices, [["八项"], ["规定"]]) - scan(notices, [["八项规定"]])
    together = scan(notices, [["八项规定"]])
    assert together and hits(searched(db, "八项", "规定")) >= together | apart


def _word(notices, lengths):
    every = [t for n in notices for p in n["problems"] for t in texts(p) if len(t) > 8]
    return st.sampled_from(every).flatmap(lambda t: st.tuples(st.integers(0, len(t) - 5), lengths).map(
        lambda ij: t[ij[0]:ij[0] + ij[1]])).filter(lambda w: w.strip() == w and not re.search(r'[\s"]', w))


def test_any_two_pieces_of_text_with_or_and_minus_equal_a_scan(corpus):
    db, notices = corpus
    conn = xdb.open_db(str(db), readonly=True)

    @given(_word(notices, st.integers(1, 4)), _word(notices, st.integers(1, 4)), st.sampled_from(["", "OR", "-"]))
    def check(a, b, how):
        if a.startswith("-") or b.startswith("-") or "OR" in (a, b):
            return
        typed = {"": f"{a} {b}", "OR": f"{a} OR {b}", "-": f"{a} -{b}"}[how]
        groups = {"": [[a], [b]], "OR": [[a, b]], "-": [[a]]}[how]
        expected = scan(notices, groups, [b] if how == "-" else [])
        assert hits(xdb.search(conn, typed)) == expected

    try:
        check()
    finally:
        conn.close()


def test_every_hit_names_the_field_and_marks_the_match_in_a_snippet(corpus):
    db, notices = corpus
    problems = {(n["source"]["path"], i): p for n in notices for i, p in enumerate(n["problems"])}
    rows = searched(db, "整改", "规定", "OR", "管理")
    assert rows
    for row in rows:
        problem = problems[(row["path"], row["position"])]
        assert row["matches"]
        found = {w for m in row["matches"] for w in m["words"]}
        assert "整改" in found and found & {"规定", "管理"}
        for match in row["matches"]:
            field = (problem["measures"][match["measure"]]["text"] if match["field"] == "measures"
                     else problem[match["field"]])
            assert match["snippet"].strip("…") in field.replace("\n", " ")
            marked = [match["snippet"][s:e] for s, e in match["marks"]]
            assert sorted(marked) == sorted(match["words"])


def test_the_table_shows_the_field_and_the_snippet(corpus):
    db, _ = corpus
    result = CliRunner().invoke(main, ["search", str(db), "八项规定"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    assert "title: 违反中央八项规定精神仍然存在" in result.output
    assert re.search(r"measures \d+: …", result.output)


def test_short_words_fall_back_to_like_with_the_same_answer(corpus, monkeypatch):
    db, notices = corpus
    conn = xdb.open_db(str(db), readonly=True)
    try:
        for word in ("八项规定", "管理", "公务用车"):
            with_index = hits(xdb.search(conn, word))
            monkeypatch.setattr(search_module, "has_fts", lambda c: False)
            assert hits(xdb.search(conn, word)) == with_index == scan(notices, [[word]])
            monkeypatch.undo()
        assert "LIKE" in search_module._text_filter(conn, "管理")[0]
        assert "MATCH" in search_module._text_filter(conn, "八项规定")[0]
    finally:
        conn.close()


def test_sort_by_year_puts_the_newest_first_and_by_notice_in_path_order(corpus):
    db, _ = corpus
    by_year = [r["year"] for r in searched(db, "整改", options=("--sort", "year"))]
    assert len(set(by_year)) > 1
    assert by_year == sorted(by_year, key=lambda y: (y is None, -(y or 0)))
    by_notice = [(r["path"], r["position"]) for r in searched(db, "整改")]
    assert by_notice == sorted(by_notice)


@pytest.mark.parametrize("typed", [[""], ["   "], ["　"], ["-整改"], ['""']])
def test_an_empty_query_is_refused(corpus, typed):
    result = invoke("search", corpus[0], *typed)
    assert result.exit_code == 2 and "empty query" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_or_and_minus_read_as_text_where_they_cannot_be_operators():
    assert parse_query("OR 八项").groups == [["OR"], ["八项"]]
    assert parse_query("八项 OR").groups == [["八项"], ["OR"]]
    assert parse_query('"-1" -').groups == [["-1"], ["-"]]
    assert parse_query("a or b").groups == [["a"], ["or"], ["b"]]


def test_search_output_escapes_control_characters(tmp_path):
    notice = (SAMPLES / f"{SAMPLE_NAMES[0]}.txt").read_text(encoding="utf-8")
    title = "“第一议题”制度执行不严格"
    assert title in notice
    (tmp_path / "n.txt").write_text(notice.replace(title, "\x1b[31m\u202e" + title), encoding="utf-8")
    assert invoke("batch", tmp_path / "n.txt", "--db", tmp_path / "x.db").exit_code == 0
    result = CliRunner().invoke(main, ["search", str(tmp_path / "x.db"), "第一议题"], env={"COLUMNS": "250"})
    assert result.exit_code == 0 and "第一议题" in result.output
    assert "\\x1b[31m\\u202e" in result.output
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", result.output)


PLAIN = st.text(st.characters(blacklist_categories=("Z", "C"), blacklist_characters='"'), min_size=1, max_size=6).filter(
    lambda w: not w.startswith("-") and w != "OR")


@given(st.lists(PLAIN, min_size=1, max_size=5), st.lists(PLAIN, max_size=3))
def test_typed_words_read_back_as_groups(words, excluded):
    typed = " ".join(words + [f"-{w}" for w in excluded])
    assert parse_query(typed).groups == [[w] for w in words] and parse_query(typed).excluded == excluded
    assert parse_query(" OR ".join(words)).groups == [words]
    assert parse_query("　".join(f'"{w}"' for w in words)).groups == [[w] for w in words]
