"""The readable goldens (tests/golden.py): each base notice's output as recorded, in agreement with the
hand-checked truth where there is one, and each transformed copy reading as its base except as recorded."""
import json

import pytest
from conftest import load_truth
from golden import GOLDEN, TRANSFORMED, base_files, corpus, differences, output, render
from truthcheck import contact_set, meta_errors, problem_errors

CORPUS = corpus()
BASES = [p.stem for p in base_files()]
COPIES = sorted(n for n in CORPUS if "~" in n)
#: transforms that change only the bytes, not the text: their copies must read exactly as the base
ENCODINGS = ("gb18030", "utf16", "utf8_bom_crlf")


@pytest.fixture(scope="module")
def recorded():
    return json.loads(TRANSFORMED.read_text(encoding="utf-8"))


def golden(stem: str) -> dict:
    return json.loads((GOLDEN / f"{stem}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("stem", BASES)
def test_base_notice_output_is_its_golden(stem):
    got = render(output(CORPUS[stem], stem))
    want = (GOLDEN / f"{stem}.json").read_text(encoding="utf-8")
    changed = list(differences(json.loads(want), json.loads(got)))[:10]
    assert got == want, f"{stem}: output differs from tests/golden/{stem}.json at {changed} (python tests/golden.py --update, then review the diff)"


@pytest.mark.parametrize("stem", [s for s in BASES if (GOLDEN.parent / "truth" / f"{s}.json").exists()])
def test_golden_agrees_with_truth(stem):
    truth, notice = load_truth(stem), golden(stem)
    assert problem_errors(truth, notice) == []
    assert meta_errors(truth, notice) == []
    assert contact_set(notice["contacts"]) == contact_set(truth["contacts"])


def test_every_base_notice_has_a_golden_and_no_golden_is_stale():
    files = {p.stem for p in GOLDEN.glob("*.json")} - {TRANSFORMED.stem}
    assert files == set(BASES)


@pytest.mark.parametrize("name", COPIES)
def test_copy_reads_as_its_base_except_as_recorded(name, recorded):
    stem = name.split("~")[0]
    assert differences(golden(stem), output(CORPUS[name], name)) == recorded.get(name, {})


def test_encodings_read_exactly_alike(recorded):
    assert not [n for n in recorded if n.split("~")[1] in ENCODINGS]
