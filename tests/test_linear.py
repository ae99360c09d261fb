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
