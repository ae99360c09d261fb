"""Work grows linearly with input: counted in function calls (deterministic), never timed.

Wall-clock speed and linearity in seconds are measured by bench/bench.py.
"""
import sys

from conftest import SAMPLE_NAMES, load_sample

from xuncha_parse.api import parse_to_dict


def calls(text: str) -> int:
    """How many Python and builtin function calls parsing ``text`` takes."""
    count = 0

    def tally(frame, event, arg):
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(tally)
    try:
        parse_to_dict(text)
    finally:
        sys.setprofile(None)
    return count


def ratio(small: str, large: str) -> float:
    return calls(large) / calls(small)


def test_notices_scale_linearly():
    text = "\n".join(load_sample(n) for n in SAMPLE_NAMES)
    assert ratio(text, "\n".join([text] * 4)) < 4 * 1.15


def test_heading_like_lines_scale_linearly():
    lines = lambda n: "\n".join(f"{i}.关于“问题{i}”方面问题" for i in range(n))
    assert ratio(lines(2000), lines(8000)) < 4 * 1.15


def test_one_long_wrapped_paragraph_scales_linearly():
    para = lambda n: "一、整改情况\n" + "\n".join(["整改措施一是加强学习二是完善制度三是强化监督落实到位" * 1] * n)
    assert ratio(para(2000), para(8000)) < 4 * 1.15


def test_a_line_repeated_scales_linearly():
    """A text whose opening line comes again and again (a copy of the text is looked for where it repeats)."""
    lines = lambda n: "局党组逐项整改。\n" * n + "特此通报。\n"
    assert ratio(lines(1000), lines(4000)) < 4 * 1.15


def test_paragraphs_that_name_problems_scale_linearly():
    """A text with no heading, each paragraph naming a problem or counting one off by an ordinal."""
    named = lambda n: "".join(f"关于第{i}项工作不到位的问题。已整改。\n" for i in range(n))
    assert ratio(named(1000), named(4000)) < 4 * 1.15
