"""Corrections that last: the corrections module, and ``--corrections`` on parse and on every batch sink."""
import copy
import csv
import io
import json
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import SAMPLES
from hypothesis import given, settings
from hypothesis import strategies as st

from xuncha_parse.api import bytes_to_dict
from xuncha_parse.cli import main
from xuncha_parse.corrections import CorrectionsError, apply, check_value, loads
from xuncha_parse.outputs.models import Notice

NAME = "002_c815ed000f2749a3"
PATH = str(SAMPLES / f"{NAME}.txt")
BY, AT = "张三", "2026-12-06T03:00:00Z"


def parsed() -> dict:
    with open(PATH, "rb") as f:
        return bytes_to_dict(f.read(), PATH)


NOTICE = parsed()
SHA = NOTICE["source"]["sha256"]
P0, P1 = NOTICE["problems"][0], NOTICE["problems"][1]


def document(fields: dict, sha: str = SHA, file: str = f"samples/{NAME}.txt") -> dict:
    """A corrections file as the review page writes it: ``fields`` is path → (parsed, value)."""
    entries = {path: {"parsed": p, "value": v, "by": BY, "at": AT} for path, (p, v) in fields.items()}
    return {"format": "xuncha-corrections", "version": 1, "notices": {sha: {"file": file, "corrections": entries}}}


def corrected(fields: dict, **kw) -> tuple[dict, list[str]]:
    notice = copy.deepcopy(NOTICE)
    done = apply(notice, loads(json.dumps(document(fields, **kw))))
    return notice, done.refused


DATE = {"text": "2020-05-12", "iso": "2020-05-12", "year": 2020, "month": 5, "day": 12, "year_inferred": False,
        "qualifier": None}
ADDED = {"title": "档案管理不规范", "span": {"start": 40, "end": 47, "line_start": 3, "line_end": 3}}

#: path, (parsed, value), where the value then stands: what a person corrects, and what the output says
APPLIED = [
    ("title", (NOTICE["title"], "新标题"), lambda n: n["title"]),
    ("inspection.target", (NOTICE["inspection"]["target"], "市政协机关"), lambda n: n["inspection"]["target"]),
    ("inspection.body", (NOTICE["inspection"]["body"], None), lambda n: n["inspection"]["body"]),
    ("inspection.feedback", (NOTICE["inspection"]["feedback"], DATE), lambda n: n["inspection"]["feedback"]),
    ("declared.problems", (17, 18), lambda n: n["declared"]["problems"]),
    ("declared.completion_rate", (None, 0.5), lambda n: n["declared"]["completion_rate"]),
    ("problems.1.status", (P1["status"], "in_progress"), lambda n: n["problems"][1]["status"]),
    ("problems.0.title", (P0["title"], "学习不深"), lambda n: n["problems"][0]["title"]),
    ("problems.0.category", (P0["category"], "政治建设"), lambda n: n["problems"][0]["category"]),
]


@pytest.mark.parametrize(("path", "pair", "read"), APPLIED, ids=[a[0] for a in APPLIED])
def test_a_correction_is_put_in_place_and_keeps_the_parsed_value(path, pair, read):
    notice, refused = corrected({path: pair})
    assert refused == [] and read(notice) == pair[1]
    assert notice["corrections"] == [{"path": path, "value": pair[1], "parsed": pair[0], "source": "corrected",
                                      "by": BY, "at": AT}]
    assert Notice.model_validate(notice).model_dump(mode="json") == notice


def test_a_problem_marked_as_not_a_problem_is_removed():
    notice, refused = corrected({"problems.0": (P0["title"], None)})
    assert refused == [] and notice["problems"] == NOTICE["problems"][1:]


def test_a_missed_problem_is_added_in_source_order_with_empty_fields():
    notice, refused = corrected({"problems.+40": (None, ADDED)})
    assert refused == [] and len(notice["problems"]) == len(NOTICE["problems"]) + 1
    added = [p for p in notice["problems"] if p["title"] == "档案管理不规范"]
    assert len(added) == 1 and added[0]["span"] == ADDED["span"] and added[0]["status"] == "unknown"
    starts = [p["span"]["start"] for p in notice["problems"]]
    assert starts == sorted(starts)
    Notice.model_validate(notice)


def test_indexes_are_the_parsed_ones_whatever_else_is_removed_or_added():
    fields = {"problems.0": (P0["title"], None), "problems.1.status": (P1["status"], "in_progress"),
              "problems.+40": (None, ADDED)}
    notice, refused = corrected(fields)
    assert refused == []
    assert [p["title"] for p in notice["problems"][:2]] == ["档案管理不规范", P1["title"]]
    assert notice["problems"][1]["status"] == "in_progress"


#: corrections that must be reported, not applied: the parse gives another value now
REFUSED = [
    ("inspection.target", ("别的单位", "市政协机关"), "the parser now gives"),
    ("problems.0", ("别的问题", None), "no problem 0 titled"),
    ("problems.999.status", ("completed", "unknown"), "no such problem"),
    ("problems.+" + str(P0["span"]["start"]), (None, {**ADDED, "span": P0["span"]}), "starts there already"),
]


@pytest.mark.parametrize(("path", "pair", "why"), REFUSED, ids=[r[0] for r in REFUSED])
def test_a_correction_whose_original_no_longer_matches_is_reported_not_applied(path, pair, why):
    notice, refused = corrected({path: pair})
    assert len(refused) == 1 and why in refused[0]
    assert notice["corrections"] == []
    assert {k: v for k, v in notice.items() if k != "diagnostics"} == {
        k: v for k, v in NOTICE.items() if k != "diagnostics"}
    assert notice["diagnostics"][-1]["code"] == "correction_not_applied"


def test_corrections_of_another_version_of_the_file_are_reported_not_applied():
    notice, refused = corrected({"inspection.target": (NOTICE["inspection"]["target"], "X")}, sha="0" * 64)
    assert len(refused) == 1 and "another version of this file" in refused[0]
    assert notice["inspection"] == NOTICE["inspection"] and notice["corrections"] == []


def test_corrections_of_other_notices_leave_a_notice_as_parsed():
    notice, refused = corrected({"title": ("x", "y")}, sha="0" * 64, file="other.txt")
    assert refused == [] and notice == NOTICE


#: files that are refused whole, and the words of the reason
BAD_FILES = [
    ("not json", "not JSON"),
    ("[]", "not a corrections file"),
    (json.dumps({**document({}), "version": 9}), "version 9"),
    (json.dumps({**document({}), "notices": []}), "keyed by sha256"),
    (json.dumps(document({}, sha="abc")), "not a sha256"),
    (json.dumps(document({"issuer": ("a", "b")})), "not a field"),
    (json.dumps(document({"problems.0.status": ("completed", "done")})), "not a value"),
    (json.dumps(document({"declared.problems": (17, -1)})), "not a value"),
    (json.dumps(document({"problems.0": ("t", "x")})), "takes the value null"),
    (json.dumps(document({"inspection.start": (None, {**DATE, "day": 13})})), "not a value"),
    (json.dumps(document({"inspection.start": (None, {**DATE, "iso": "2020-02-30"})})), "not a value"),
    (json.dumps(document({"inspection.end": (None, "2020-05-12")})), "not a value"),
    (json.dumps(document({"problems.+3": (None, {"title": "t"})})), "needs \"title\" and a \"span\""),
]


@pytest.mark.parametrize(("text", "why"), BAD_FILES)
def test_a_bad_corrections_file_is_refused_with_its_reason(text, why):
    with pytest.raises(CorrectionsError, match=why):
        loads(text)


@pytest.mark.parametrize(("path", "value"), [("title", ""), ("inspection.kind", 3), ("declared.categories", True),
                                             ("declared.completion_rate", 1.5), ("problems.x.title", "t")])
def test_values_a_field_cannot_take(path, value):
    assert check_value(path, value) is not None


# ---------------------------------------------------------------- the command line, every sink

TARGET = NOTICE["inspection"]["target"]
FIX = {"inspection.target": (TARGET, "中共枣庄市政协机关党组"), "problems.1.status": (P1["status"], "in_progress")}


@pytest.fixture
def fixes(tmp_path):
    path = tmp_path / "fixes.json"
    path.write_text(json.dumps(document(FIX)), encoding="utf-8")
    return str(path)


@pytest.fixture
def folder(tmp_path):
    """Two notices: the corrected one, and another one the corrections leave alone."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(PATH, inputs / f"{NAME}.txt")
    shutil.copy(SAMPLES / "004_65a99f9994ad9ae9.txt", inputs)
    return inputs


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_parse_applies_corrections(fixes):
    result = invoke("parse", PATH, "--corrections", fixes)
    assert result.exit_code == 0, result.output
    notice = json.loads(result.stdout)
    assert notice["inspection"]["target"] == "中共枣庄市政协机关党组"
    assert notice["problems"][1]["status"] == "in_progress"
    assert [(c["path"], c["parsed"], c["source"]) for c in notice["corrections"]] == [
        ("inspection.target", TARGET, "corrected"), ("problems.1.status", P1["status"], "corrected")]


def test_parse_with_a_bad_corrections_file_is_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    result = invoke("parse", PATH, "--corrections", bad)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "not JSON" in result.stderr


def test_batch_jsonl_applies_corrections_to_their_notice_only(fixes, folder, tmp_path):
    out = tmp_path / "out.jsonl"
    result = invoke("batch", folder, "-o", out, "--quiet", "--corrections", fixes)
    assert result.exit_code == 0, result.output
    notices = {n["source"]["sha256"]: n for n in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert notices[SHA]["inspection"]["target"] == "中共枣庄市政协机关党组"
    assert [c["path"] for c in notices[SHA]["corrections"]] == ["inspection.target", "problems.1.status"]
    other = next(n for sha, n in notices.items() if sha != SHA)
    assert other["corrections"] == []


def test_batch_csv_has_the_corrected_values_and_what_was_corrected(fixes, folder, tmp_path):
    out = tmp_path / "out.csv"
    result = invoke("batch", folder, "--format", "csv", "-o", out, "--quiet", "--corrections", fixes)
    assert result.exit_code == 0, result.output
    rows = [r for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
            if r["notice_path"].endswith(f"{NAME}.txt")]
    assert {r["inspection_target"] for r in rows} == {"中共枣庄市政协机关党组"}
    assert rows[1]["status"] == "in_progress" and rows[0]["status"] == P0["status"]
    assert rows[0]["corrected"] == "inspection.target\nproblems.1.status"


def test_batch_parquet_has_the_corrected_values(fixes, folder, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed (pip install 'xuncha[parquet]')")
    result = invoke("batch", folder, "--format", "parquet", "-o", tmp_path / "pq", "--quiet", "--corrections", fixes)
    assert result.exit_code == 0, result.output
    notice = next(n for n in pq.read_table(tmp_path / "pq" / "notices.parquet").to_pylist() if n["sha256"] == SHA)
    assert notice["target"] == "中共枣庄市政协机关党组" and notice["corrected"] == "inspection.target\nproblems.1.status"
    problems = [p for p in pq.read_table(tmp_path / "pq" / "problems.parquet").to_pylist() if p["sha256"] == SHA]
    assert problems[1]["status"] == "in_progress"


def test_batch_db_applies_corrections_also_to_notices_stored_before(fixes, folder, tmp_path):
    db = tmp_path / "n.db"
    assert invoke("batch", folder, "--db", db, "--quiet").exit_code == 0  # stored as parsed first
    result = invoke("batch", folder, "--db", db, "--quiet", "--corrections", fixes)
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(db)
    target, stored = conn.execute("SELECT target, json FROM notices WHERE sha256 = ?", (SHA,)).fetchone()
    assert target == "中共枣庄市政协机关党组"
    assert [c["source"] for c in json.loads(stored)["corrections"]] == ["corrected", "corrected"]
    statuses = conn.execute("SELECT p.status FROM problems p JOIN notices n ON p.notice_id = n.id "
                            "WHERE n.sha256 = ? ORDER BY p.position", (SHA,)).fetchall()
    assert statuses[1] == ("in_progress",)
    assert conn.execute("SELECT count(*) FROM notices").fetchone() == (2,)


@pytest.mark.usefixtures("english")
def test_batch_reports_corrections_of_a_changed_notice_and_does_not_apply_them(fixes, folder, tmp_path):
    changed = folder / f"{NAME}.txt"
    changed.write_bytes(changed.read_bytes() + "\n（此件公开发布）\n".encode())
    out = tmp_path / "out.jsonl"
    result = invoke("batch", folder, "-o", out, "--quiet", "--corrections", fixes)
    assert result.exit_code == 0, result.output
    assert f"{NAME}.txt: 2 corrections were made on another version of this file" in result.stderr
    notice = next(n for n in map(json.loads, out.read_text(encoding="utf-8").splitlines())
                  if n["source"]["path"].endswith(f"{NAME}.txt"))
    assert notice["inspection"]["target"] == TARGET and notice["corrections"] == []
    assert "correction_not_applied" in {d["code"] for d in notice["diagnostics"]}


# ---------------------------------------------------------------- properties

TEXT_PATHS = ["title", "inspection.body", "inspection.round", "inspection.kind", "inspection.target",
              "problems.0.title", "problems.1.category"]
texts = st.text(min_size=1, max_size=20).filter(lambda s: s.strip())


def value_at(notice: dict, path: str):
    for part in path.split("."):
        notice = notice[int(part)] if part.isdigit() else notice[part]
    return notice


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(TEXT_PATHS), texts, min_size=1))
def test_any_text_corrections_stand_in_place_and_undo_to_the_parse(values):
    fields = {path: (value_at(NOTICE, path), value) for path, value in values.items()}
    notice, refused = corrected(fields)
    assert refused == [] and all(value_at(notice, p) == v for p, v in values.items())
    Notice.model_validate(notice)
    undo = {path: (value, value_at(NOTICE, path)) for path, value in values.items()
            if value_at(NOTICE, path) is not None}
    apply(notice, loads(json.dumps(document(undo))))
    assert all(value_at(notice, p) == value_at(NOTICE, p) for p in undo)


def test_a_corrected_notice_validates_against_xuncha_schema(tmp_path):
    import jsonschema

    fields = {**FIX, "problems.0": (P0["title"], None), "problems.+40": (None, ADDED),
              "inspection.feedback": (NOTICE["inspection"]["feedback"], DATE)}
    path = tmp_path / "all.json"
    path.write_text(json.dumps(document(fields)), encoding="utf-8")
    schema = json.loads(invoke("schema").stdout)
    notice = json.loads(invoke("parse", PATH, "--corrections", path).stdout)
    assert len(notice["corrections"]) == 5
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(notice)) == []
