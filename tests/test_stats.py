"""``xuncha stats`` (outputs/stats.py): notices per kind and the notices that need a person's look, in the
summary, its JSON and its tables.

The corpus is forty modelled fixtures of every kind (tests/real/); what the summary says is checked
against the notices themselves, read from a JSONL file that ``batch`` wrote.
"""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import ROOT

from xuncha_parse.cli import main
from xuncha_parse.fields.checks import REVIEW_CODES
from xuncha_parse.outputs.i18n import catalogue
from xuncha_parse.outputs.stats import in_kind_order, summarize

MIXED = sorted((ROOT / "tests" / "real").glob("*.txt"))[35:75]
#: the contract's order of kinds
ORDER = ("rectification", "announcement", "feedback", "plan", "mobilisation", "summary", "other")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The notices (as batch wrote them) and the JSONL file."""
    folder = tmp_path_factory.mktemp("mixed")
    for path in MIXED:
        shutil.copy(path, folder / path.name)
    jsonl = folder / "all.jsonl"
    result = CliRunner().invoke(main, ["batch", str(folder), "-o", str(jsonl), "--quiet"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()], jsonl


def test_summary_counts_every_kind_present_in_the_contracts_order(corpus):
    notices, _ = corpus
    summary = summarize(notices, [])
    assert list(summary["kinds"]) == [k for k in ORDER if any(n["kind"] == k for n in notices)]
    assert summary["kinds"] == {k: sum(n["kind"] == k for n in notices) for k in summary["kinds"]}
    assert len(summary["kinds"]) >= 3 and sum(summary["kinds"].values()) == len(notices)


def test_summary_lists_each_notice_that_needs_a_look_with_its_reasons(corpus):
    notices, _ = corpus
    summary = summarize(notices, [])
    wanted = [n for n in notices if n["needs_review"]]
    assert 0 < summary["needs_review"] == len(wanted) < len(notices)
    assert [(r["path"], r["kind"], r["review_reasons"]) for r in summary["review"]] == [
        (n["source"]["path"], n["kind"], n["review_reasons"]) for n in wanted]
    assert all(set(r["review_reasons"]) <= set(REVIEW_CODES) and r["review_reasons"] for r in summary["review"])


def test_an_unknown_kind_comes_after_the_known_ones():
    from collections import Counter

    assert list(in_kind_order(Counter({"zz": 1, "other": 2, "rectification": 3, "plan": 0}))) == ["rectification", "other", "zz"]


def test_stats_json_carries_kinds_and_the_notices_to_review(corpus):
    notices, jsonl = corpus
    result = CliRunner().invoke(main, ["stats", str(jsonl), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["kinds"] == summarize(notices, [])["kinds"]
    assert summary["needs_review"] == len(summary["review"]) == sum(n["needs_review"] for n in notices)
    assert [p["kind"] for p in summary["per_notice"]] == [n["kind"] for n in notices]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_stats_tables_name_the_kinds_and_the_reasons(corpus, lang):
    notices, jsonl = corpus
    result = CliRunner().invoke(main, ["stats", str(jsonl), "--lang", lang], env={"COLUMNS": "240"})
    assert result.exit_code == 0, result.output
    t = catalogue(lang)
    out = result.stdout
    assert t("stats.review", n=sum(n["needs_review"] for n in notices)) in out
    for kind in {n["kind"] for n in notices}:
        assert t.code("kind", kind) in out
    for code in {c for n in notices for c in n["review_reasons"]}:
        assert t.code("reason", code) in out


def test_a_notice_stored_before_kinds_counts_as_a_rectification_notice_needing_no_look(corpus):
    """A database written before schema 1.2 stores notices without ``kind`` and ``review_reasons``."""
    old = [{k: v for k, v in n.items() if k not in ("kind", "kind_evidence", "needs_review", "review_reasons")}
           for n in corpus[0]]
    summary = summarize(old, [])
    assert summary["kinds"] == {"rectification": len(old)} and summary["needs_review"] == 0


def test_report_of_a_database_written_before_kinds(tmp_path):
    db = tmp_path / "v1.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "db" / "v1.db", db)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["report", str(db), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert catalogue("zh")("report.review_none") in out.read_text("utf-8")
