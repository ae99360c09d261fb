"""Fuzzing (issue 13): arbitrary bytes and hostile notice-like texts through parse_bytes, the CSV
writer and ``show``'s renderer.

Never raises (but DecodeError for bytes that are no text), spans slice back, nothing reaches the
terminal raw, and the work stays linear, counted in calls.  The default profile is derandomized
(conftest.py); ``HYPOTHESIS_PROFILE=deep`` searches widely.
"""
from __future__ import annotations

import contextlib
import csv
import io
import json
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st
from spancheck import span_errors
from test_linear import calls  # Python and builtin calls made while parsing a text
from test_properties import FRAGMENTS

from xuncha_parse import DecodeError, parse_bytes
from xuncha_parse.outputs.csv import COLUMNS, csv_header, csv_rows
from xuncha_parse.outputs.terminal import render

BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029"]
MARKUP = ["[/bold]", "[/]", "[link=http://evil.example]", "[red]", "\\", "[", "]", "[bold"]
CONTROLS = ["\x1b[31m", "\x1b]8;;http://x\x07", "\x07", "\x08", "\x00", "\x7f", "\x9b", "\u202e", "\ufeff"]
FORMULAS = ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\t=1"]
CONTACT = ["联系电话：0475-7923888", "，", "13912345678", "a@b.com", "向市委巡察办反映，", "电子邮箱：x1@y.cn", "邮编521000"]
ENTITY = ["退还9000元", "，", "处理3人", "7.5万元", "11.35%", "〔2021〕57号", "《条例》", "2025年4月21日", "整改5项"]

#: a dense line: one kind of fragment, many times, one line
dense = st.tuples(st.sampled_from([CONTACT, ENTITY]), st.integers(20, 120)).flatmap(
    lambda t: st.lists(st.sampled_from(t[0]), min_size=t[1], max_size=t[1]).map("".join))
hostile = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(BREAKS), st.sampled_from(MARKUP),
                             st.sampled_from(CONTROLS), st.sampled_from(FORMULAS), dense), max_size=80).map("".join)
SETTINGS = settings(max_examples=max(100, settings().max_examples))
#: any break but CRLF written as LF: the same offsets, for the LF-only span checker
OTHER_BREAKS = re.compile("\r(?!\n)|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: what the parser folds to a space and the checker's ``\s`` does not (ZWSP, a BOM inside the text)
ODD_SPACES = re.compile("[\u200b\ufeff]")


def outputs_hold(notice: dict) -> None:
    """The CSV writer and the terminal view take the notice; nothing reaches the terminal raw."""
    rows = list(csv.reader(io.StringIO((csv_header() + csv_rows(notice)).decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 + max(1, len(notice["problems"])) and all(len(r) == len(COLUMNS) for r in rows)
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for r in rows[1:] for c in r)
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown):
        render(notice)
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", shown.getvalue())


@SETTINGS
@given(st.binary(max_size=2000))
@example(b"\xef\xbb\xbf")
@example("问题.txt".encode("gbk") * 9)
def test_arbitrary_bytes(data):
    try:
        notice = parse_bytes(data).model_dump(mode="json")
    except DecodeError:
        return
    outputs_hold(notice)


@SETTINGS
@given(hostile)
@example("一、整改情况\r1.[/bold]问题\x0b整改措施：退还9000元\u2028" + "联系电话：0475-7923888，" * 30)
@example("一、\n[/bold]\n\ufeff[/bold]")  # a BOM inside: folded to a space and stripped (deep run)
@example("一、\n2025年4月21日至6月27日\ufeff一、")  # a BOM inside a line: kept in the text (deep run)
def test_hostile_notice_like_text(text):
    try:
        notice = parse_bytes(text.encode("utf-8")).model_dump(mode="json")
    except DecodeError:  # (a text of nothing but blanks and NULs)
        return
    # (both sides: the parser strips a BOM at a line's edge and keeps one inside, like a space)
    checked = json.loads(ODD_SPACES.sub(" ", json.dumps(notice, ensure_ascii=False)))
    assert span_errors(ODD_SPACES.sub(" ", OTHER_BREAKS.sub("\n", notice_text(text))), checked) == []
    outputs_hold(notice)


def notice_text(text: str) -> str:
    """The text as the parser sees it (decoding drops a leading BOM)."""
    return text[1:] if text.startswith("\ufeff") else text


#: a problem whose text is one long line, as a hostile or broken notice has
HEAD = "一、整改情况\n1.关于问题\n整改措施："


@settings(max_examples=max(15, settings().max_examples // 10))
@given(st.lists(st.sampled_from(CONTACT + ENTITY), min_size=1, max_size=6).map("".join))
@example("向市委巡察办反映，电话0475-7923888，")    # owners: quadratic before issue 13
@example("a1@b.com 0475-7923888，")                 # phones beside e-mails: quadratic before
@example("退还9000元，处理3人，")                    # money and counts: quadratic before
def test_dense_lines_cost_linear_work(unit):
    small, large = HEAD + unit * 100 + "\n", HEAD + unit * 400 + "\n"
    assert calls(large) / calls(small) < 4 * 1.25
