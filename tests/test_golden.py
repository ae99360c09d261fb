"""The readable goldens (tests/golden.py): each base notice's output as recorded, in agreement with the
hand-checked truth where there is one, and each transformed copy reading as its base except as recorded.

Base notices are compared through the library's own comparison (``xuncha_parse.check``, the code behind
``xuncha check``), so a failing golden names each field with its expected and actual value; one test
runs the real ``xuncha check`` command against the golden folder, as an analyst's CI would."""
import json
import subprocess
import sys

import pytest
from conftest import load_truth
from golden import GOLDEN, HERE, TRANSFORMED, base_files, corpus, differences, output, render
from truthcheck import contact_set, meta_errors, problem_errors

from xuncha_parse import check

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


ROOT = HERE.parent
#: what the goldens hold that ``xuncha check`` does not write: the keyword and topic enrichment
#: (``enrich.keywords.annotate``), and the source bytes of a GBK fixture, which golden.py reads re-encoded
NOT_IN_CHECK = ("problems[*].keywords", "problems[*].topics", "source.sha256", "source.bytes", "source.encoding")


def described(stem: str, found: list[check.Difference]) -> str:
    """The differences as ``xuncha check`` prints them: the field path, the expected value, the value now."""
    lines = [f"{stem}: {len(found)} difference(s) from tests/golden/{stem}.json"]
    lines += [f"  {d.path}\n    expected: {json.dumps(d.expected, ensure_ascii=False)}\n"
              f"    now:      {json.dumps(d.actual, ensure_ascii=False)}" for d in found[:20]]
    return "\n".join([*lines, "(python tests/golden.py --update, then review git diff tests/golden)"])


@pytest.mark.parametrize("stem", BASES)
def test_base_notice_output_is_its_golden(stem):
    got = output(CORPUS[stem], stem)
    want = golden(stem)
    found = check.differences(want, got, check.Selection())
    assert found == [], described(stem, found)
    assert render(got) == (GOLDEN / f"{stem}.json").read_text(encoding="utf-8"), \
        f"{stem}: same values as tests/golden/{stem}.json, but another key order or source path or text"


@pytest.mark.usefixtures("english")
def test_xuncha_check_passes_against_the_goldens():
    """The real command over the notice files on disk, expected files named stem + .json as it maps them."""
    notices = ["samples", *(str(p.relative_to(ROOT)) for p in base_files() if p.parent.name == "fixtures")]
    ignored = [arg for path in NOT_IN_CHECK for arg in ("--ignore", path)]
    done = subprocess.run([sys.executable, "-m", "xuncha_parse", "check", *notices, "--expected", str(GOLDEN),
                           *ignored], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": same\n") == len(BASES)



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
