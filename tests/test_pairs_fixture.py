"""The hand-labelled problem-title pairs (tests/fixtures/pairs, issue 24) are well formed."""
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

PAIRS = Path(__file__).resolve().parent / "fixtures" / "pairs"
HALVES = ("dev", "test")
MIN_PAIRS = 200
KEYS = {"a", "b", "unit_a", "unit_b", "label", "kind", "finding", "finding_a", "finding_b"}
# kind → the label every pair of that kind carries
LABEL_OF_KIND = {"paraphrase": "same", "near": "same", "hard": "different", "random": "different"}


def load(half: str) -> list[dict[str, Any]]:
    lines = (PAIRS / f"{half}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def halves() -> dict[str, list[dict[str, Any]]]:
    return {half: load(half) for half in HALVES}


@pytest.mark.parametrize("half", HALVES)
def test_half_is_present_and_large_enough(halves, half):
    assert len(halves[half]) >= MIN_PAIRS


@pytest.mark.parametrize("half", HALVES)
def test_rows_have_the_fields_and_valid_labels(halves, half):
    for row in halves[half]:
        assert set(row) == KEYS, row
        assert all(isinstance(row[k], str) and row[k].strip() for k in ("a", "b", "unit_a", "unit_b")), row
        assert row["label"] == LABEL_OF_KIND[row["kind"]], row


@pytest.mark.parametrize("half", HALVES)
def test_finding_is_named_exactly_when_same(halves, half):
    for row in halves[half]:
        if row["label"] == "same":
            assert row["finding"] == row["finding_a"] == row["finding_b"], row
        else:
            assert row["finding"] is None and row["finding_a"] != row["finding_b"], row


@pytest.mark.parametrize("half", HALVES)
def test_pairs_join_two_titles_of_two_units(halves, half):
    for row in halves[half]:
        assert row["a"] != row["b"] and row["unit_a"] != row["unit_b"], row
        assert row["unit_b"] not in row["a"] and row["unit_a"] not in row["b"], row


def test_no_pair_is_repeated(halves):
    keys = Counter(frozenset((r["a"], r["b"])) for rows in halves.values() for r in rows)
    assert [sorted(k) for k, n in keys.items() if n > 1] == []


def test_halves_have_the_same_mix(halves):
    dev, test = (Counter(r["kind"] for r in halves[h]) for h in HALVES)
    assert set(dev) == set(test) == set(LABEL_OF_KIND)
    assert all(abs(dev[kind] - test[kind]) <= 1 for kind in LABEL_OF_KIND), (dev, test)
