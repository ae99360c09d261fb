"""Whole notices against the hand-checked truth, as they are and in every transformed form."""
import pytest
from conftest import SAMPLE_NAMES, load_sample, load_truth
from spancheck import span_errors
from transforms import TRANSFORMS
from truthcheck import contact_set, meta_errors, problem_errors

from xuncha_parse import parse_bytes
from xuncha_parse.decode import decode_bytes


def parsed(data: bytes) -> dict:
    return parse_bytes(data).model_dump(mode="json")


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_matches_truth(name):
    truth, notice = load_truth(name), parsed(load_sample(name).encode())
    assert problem_errors(truth, notice) == []
    assert meta_errors(truth, notice) == []
    assert contact_set(notice["contacts"]) == contact_set(truth["contacts"])


@pytest.mark.parametrize("transform", sorted(TRANSFORMS))
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_transformed_sample_matches_truth(name, transform):
    truth = load_truth(name)
    notice = parsed(TRANSFORMS[transform](load_sample(name)))
    assert problem_errors(truth, notice) == []
    assert meta_errors(truth, notice) == []
    assert contact_set(notice["contacts"]) == contact_set(truth["contacts"])


@pytest.mark.parametrize("transform", ["original"] + sorted(TRANSFORMS))
@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_spans_slice_back(name, transform):
    data = load_sample(name).encode() if transform == "original" else TRANSFORMS[transform](load_sample(name))
    source = decode_bytes(data).text
    assert span_errors(source, parsed(data)) == []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_titles_and_fields_survive_wrapping(name):
    """Wrapping must not change what a problem says, only where its lines break."""
    plain = parsed(load_sample(name).encode())
    wrapped = parsed(TRANSFORMS["hard_wrap"](load_sample(name)))
    assert [p["title"] for p in wrapped["problems"]] == [p["title"] for p in plain["problems"]]
    assert [len(p["measures"]) + len(p["progress"]) for p in wrapped["problems"]] == \
        [len(p["measures"]) + len(p["progress"]) for p in plain["problems"]]


def test_encodings_are_recorded():
    text = load_sample(SAMPLE_NAMES[0])
    assert parse_bytes(text.encode("gb18030")).source.encoding == "gb18030"
    assert parse_bytes(text.encode("utf-16")).source.encoding == "utf-16"
    assert parse_bytes(text.encode("utf-8-sig")).source.encoding == "utf-8-sig"
    assert parse_bytes(text.encode()).source.encoding == "utf-8"


@pytest.mark.parametrize("width", range(24, 44, 2))
def test_line_breaks_inside_dates_and_contacts(width):
    """Wrapped at many widths, some breaks fall inside phone numbers, e-mails and dates: nothing is lost."""
    from transforms import wrap_lines

    for name in ("000_b7f29017f62e4de6", "002_c815ed000f2749a3", "003_b6fc3b0db45f3be2"):
        truth = load_truth(name)
        notice = parsed(wrap_lines(load_sample(name), width).encode())
        assert contact_set(notice["contacts"]) == contact_set(truth["contacts"]), (name, width)
        assert meta_errors(truth, notice) == [], (name, width)


@pytest.mark.parametrize("width", range(28, 45))
def test_problems_survive_every_wrap_width(width):
    """PDF columns run 30-40 characters (NOTICES.md), a little either side in practice: at every width a
    heading may end exactly at the edge, and the problem list must not change."""
    from transforms import wrap_lines

    for name in SAMPLE_NAMES:
        # a PDF copy never holds a Word conversion's bookmark, which would count in the line width
        text = load_sample(name).replace("[bookmark: _GoBack]", "")
        for form in (text, "\n".join("\u3000\u3000" + line.strip() for line in text.split("\n") if line.strip())):
            notice = parsed(wrap_lines(form, width).encode())
            assert problem_errors(load_truth(name), notice) == [], (name, width)


def test_some_wrap_width_breaks_inside_a_contact():
    """The test above is not vacuous: at least one width splits a contact value over two lines."""
    from transforms import wrap_lines

    values = ["0475-7923888", "19604750533", "157259369@qq.com", "xiangqiaozhengxie@126.com", "2025年4月21日"]
    split = set()
    for width in range(24, 44, 2):
        lines = wrap_lines(load_sample("000_b7f29017f62e4de6") + load_sample("002_c815ed000f2749a3"), width).split("\n")
        for a, b in zip(lines, lines[1:]):
            split |= {v for v in values if v not in a and v not in b and v in a + b}
    assert len(split) >= 2


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_a_cut_off_notice_keeps_the_problems_before_the_cut(name):
    """NOTICES.md: parse what is there of a truncated notice.  Cut anywhere in its second half (20 fixed
    places), a sample still yields its problems in order up to the cut; only the last may be partial."""
    import random

    text = load_sample(name)
    full = [p["title"] for p in parsed(text.encode())["problems"]]
    rng = random.Random(name)
    for cut in sorted(rng.randrange(len(text) // 2, len(text)) for _ in range(20)):
        titles = [p["title"] for p in parsed(text[:cut].encode())["problems"]]
        assert titles[:-1] == full[:len(titles) - 1], cut
