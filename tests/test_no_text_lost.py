"""OUTPUT.md: every sentence of a problem's body lands in title, description, cause, measures, progress
or status_text.  Removing those fields from the problem's source text must leave only markers, labels
and wrapper words (针对…的问题), never a run of text."""
import re
from pathlib import Path

import pytest
from conftest import SAMPLE_NAMES, load_sample
from spancheck import squash
from transforms import TRANSFORMS

from xuncha_parse import parse_bytes
from xuncha_parse.decode import decode_bytes
from xuncha_parse.grammar import LABEL_NAMES

LABELS = re.compile(LABEL_NAMES)

FIXTURES = Path(__file__).parent / "fixtures"
#: a lost sentence leaves a run of this many Chinese characters behind
LOST_RUN = re.compile(r"[\u4e00-\u9fff]{6,}")


def residue(source: str, problem: dict) -> str:
    left = squash(source[problem["span"]["start"]:problem["span"]["end"]])
    fields = [problem["title"], problem["description"], problem["leader"], problem["cause"], problem["status_text"]]
    fields += [m["text"] for m in problem["measures"] + problem["progress"]]
    parts = [squash(part) for text in filter(None, fields) for part in text.split("\n")]  # a field's paragraphs
    for part in sorted(filter(None, parts), key=len, reverse=True):                     # may stand apart
        left = left.replace(part, "\x00", 1)
    return left


def inputs():
    for name in SAMPLE_NAMES:
        yield name, load_sample(name).encode()
        yield name + "/hard_wrap", TRANSFORMS["hard_wrap"](load_sample(name))
    for path in sorted(FIXTURES.glob("*.txt")):
        yield path.name, path.read_bytes()


@pytest.mark.parametrize("label,data", list(inputs()))
def test_no_text_lost(label, data):
    source = decode_bytes(data).text
    notice = parse_bytes(data).model_dump(mode="json")
    lost = [(p["title"], LOST_RUN.findall(LABELS.sub("", residue(source, p)))) for p in notice["problems"]]
    assert [x for x in lost if x[1]] == []
