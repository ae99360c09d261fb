"""The parts stage (layout/document.py): preamble, body, closing and signature.

The rules (document.py's docstring, NOTICES.md anatomy 1-3 and 7): the preamble is every content line
before the first heading or labelled line (title, addressee, intro); the closing starts after the last
heading at the first invitation to supervise (``欢迎…监督``, ``如有意见建议``, ``特此通报``) or paragraph
opening with a contact channel (``联系电话：…``), when it is about the rectification, gives a channel,
or the signature follows it at once; the signature is one or two organisation lines and a date alone on
its line at the very end, an organisation without a date only when a blank line or the closing sets it
apart.  Each content token lands in exactly one part, in source order.

Each case renders the part of every content line, in order: ``pre`` (preamble), ``body`` (the body
before its first heading), ``sec`` (a heading or a line under one), ``close``, ``sig``.
"""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stagekit import lines, run
from transforms import wrap_lines

from xuncha_parse import parse_text
from xuncha_parse.layout.document import parts
from xuncha_parse.layout.tokens import content_tokens

SHORT = {"preamble": "pre", "body": "body", "section": "sec", "closing": "close", "signature": "sig"}

TITLE = "中共某某局党组关于巡察整改进展情况的通报"
INTRO = "根据市委统一部署，市委第二巡察组对局党组开展了常规巡察。现将整改进展情况通报如下。"
BODY = ("一、整改工作总体情况", "党组高度重视。", "二、整改落实情况", "1.学习不深入。", "整改措施：加强学习。",
        "三、下一步打算", "持续巩固整改成果。")
INVITE = "欢迎广大干部群众对巡察整改落实情况进行监督。"
PHONE = "联系电话：0475-7923888。"
ORG = "中共某某局党组"
DATE = "2026年1月12日"


def rendered(text: str) -> str:
    return " ".join(SHORT[part] for part, _ in parts(run(text, "tree")))


SECS = " ".join(["sec"] * len(BODY))

PART_CASES = [
    pytest.param(lines(TITLE, INTRO, *BODY, INVITE, PHONE, "", ORG, DATE),
                 f"pre pre {SECS} close close sig sig", id="whole-notice"),
    pytest.param(lines(TITLE, INTRO, *BODY, ORG, DATE), f"pre pre {SECS} sig sig", id="no-closing"),
    pytest.param(lines(TITLE, INTRO, *BODY), f"pre pre {SECS}", id="no-closing-no-signature"),
    pytest.param(lines("", " " + TITLE, "", "市政协办公室党支部：", INTRO, *BODY),
                 f"pre pre pre {SECS}", id="blank-lines-and-addressee-in-preamble"),
    pytest.param(lines(TITLE, INTRO, "整改措施：加强学习。", "一、整改落实情况", "正文。"),
                 "pre pre body sec sec", id="a-label-opens-the-body"),
    pytest.param(lines(TITLE, "一、整改落实情况", "1.学习不深入。", "设立举报箱，欢迎群众对整改进行监督。", "2.作风不实。",
                       "三、下一步打算", "持续巩固整改成果。"),
                 "pre sec sec sec sec sec sec", id="an-invitation-before-the-last-heading-is-body"),
    pytest.param(lines(TITLE, *BODY, "设立意见箱，欢迎群众监督。", "持续推进各项工作。"),
                 f"pre {SECS} sec sec", id="an-unconfirmed-invitation-is-body"),
    pytest.param(lines(TITLE, *BODY, "欢迎群众监督。", ORG, DATE),
                 f"pre {SECS} close sig sig", id="an-invitation-the-signature-follows-is-the-closing"),
    pytest.param(lines(TITLE, *BODY, PHONE, "电子邮箱：xcb@example.com。"),
                 f"pre {SECS} close close", id="a-contact-channel-opens-the-closing"),
    pytest.param(lines(TITLE, *BODY, "如有意见建议，请及时反映。", "公开期限：2026年1月21日至2026年2月28日。", ORG, DATE),
                 f"pre {SECS} close close sig sig", id="opinions-and-publicity"),
    pytest.param(lines(TITLE, *BODY, "特此通报。", ORG, DATE), f"pre {SECS} close sig sig", id="te-ci-tong-bao"),
    pytest.param(lines(TITLE, *BODY, "", ORG), f"pre {SECS} sig", id="an-undated-organisation-set-apart"),
    pytest.param(lines(TITLE, *BODY, ORG), f"pre {SECS} sec", id="an-undated-organisation-not-set-apart"),
    pytest.param(lines(TITLE, *BODY, INVITE, ORG), f"pre {SECS} close sig", id="the-closing-sets-it-apart"),
    pytest.param(lines(TITLE, *BODY, DATE), f"pre {SECS} sig", id="a-date-alone"),
    pytest.param(lines(TITLE, *BODY, "中共某某局党组", "某某局", DATE), f"pre {SECS} sig sig sig",
                 id="two-organisations-and-a-date"),
    pytest.param(lines(TITLE, *BODY, ORG, "\u3000\u3000\u3000\u3000" + DATE), f"pre {SECS} sig sig",
                 id="an-indented-date"),
    pytest.param(lines(TITLE, "一、整改落实情况", DATE, "1.学习不深入。"), "pre sec sec sec",
                 id="a-date-inside-the-body-is-body"),
    pytest.param(lines(TITLE, INTRO, INVITE), "pre pre close", id="no-headings"),
    pytest.param(lines("【字号 大 中 小】【我要打印】【关闭】", TITLE, *BODY, "版权所有 某某局", ORG, DATE),
                 f"pre {SECS} sig sig", id="chrome-is-in-no-part"),
]


@pytest.mark.parametrize("text,expected", PART_CASES)
def test_parts(text, expected):
    assert rendered(text) == expected


# ---------------------------------------------------------------------------------------------------
# Property: every content token lands in exactly one part, the parts in order
# ---------------------------------------------------------------------------------------------------

#: whole lines of the kinds a notice is made of
LINES = [
    TITLE, INTRO, "市政协办公室党支部：", "一、整改工作总体情况", "二、整改落实情况", "三、下一步打算", "（一）关于学习方面",
    "（二）集中整改期内已完成的整改事项", "1.学习不深入。", "2、制度执行不严格。", "3、 下一步打算", "（1）制定学习计划。",
    "问题1：理论学习不深入。", "整改措施：一是建立制度；二是开展检查。", "整改进展：已完成。", "原因分析：认识不到位。",
    "【整改措施】加强学习。", "党组高度重视，召开专题会议研究部署整改工作。", "2、3季度完成整改。", INVITE, PHONE,
    "也可向市纪委监委派驻纪检监察组反映，联系电话：0475-7923999。", "特此通报。", ORG, DATE, "",
    "【字号 大 中 小】【我要打印】【关闭】", "- 3 -", "版权所有 某某局", "\u3000\u3000持续巩固整改成果。",
]
line_lists = st.lists(st.sampled_from(LINES), max_size=30).map("\n".join)
#: the same, some hard-wrapped as a PDF copy is, so the paragraphs stage runs too
notices = st.one_of(line_lists, st.tuples(line_lists, st.integers(16, 30)).map(lambda t: wrap_lines(*t)))


@settings(max_examples=200)
@given(notices)
def test_every_content_token_lands_in_exactly_one_part(text):
    state = run(text, "tree")
    landed = [tok for _, tok in parts(state)]
    assert [id(t) for t in landed] == [id(t) for t in content_tokens(state.tokens)]


@settings(max_examples=200)
@given(notices)
def test_the_body_runs_from_the_first_structure_to_the_last_heading(text):
    """No heading or labelled line in the preamble; the body opens with one; no heading after it."""
    state = run(text, "parts")
    body = content_tokens(state.body)
    assert not any(t.kind in ("heading", "label") for t in state.preamble)
    assert not body or body[0].kind in ("heading", "label")
    assert not any(t.kind == "heading" for t in state.closing + state.signature_tokens)


#: (the text after the last problem's heading, the closing's first words or None, the last measure)
CLOSINGS = [
    # a measure that invites supervision is not the closing: nothing about the rectification, no channel
    ("整改措施：修订政务公开制度。\n在门户网站公开举报电话，欢迎群众监督。\n", None, "在门户网站公开举报电话，欢迎群众监督。"),
    # the invitation with a channel in the next paragraph is
    ("整改措施：修订政务公开制度。\n欢迎社会各界监督。\n联系电话：0571-87654321。\n", "欢迎社会各界监督", "修订政务公开制度。"),
    ("整改措施：修订政务公开制度。\n欢迎广大干部群众对巡察整改落实情况进行监督。\n", "欢迎广大干部群众对巡察整改落实情况进行监督",
     "修订政务公开制度。"),
    # the last words before the signature
    ("整改措施：修订政务公开制度。\n欢迎社会各界监督。\n中共某某局党组\n2025年3月1日\n", "欢迎社会各界监督", "修订政务公开制度。"),
]


@pytest.mark.parametrize("tail,closing,last_measure", CLOSINGS)
def test_closing_invitation_is_told_from_a_measure(tail, closing, last_measure):
    n = parse_text("一、整改落实情况\n1.政务公开不及时。\n" + tail).model_dump(mode="json")
    heads = [s["heading"] for s in n["sections"] if s["role"] == "closing"]
    assert heads == ([closing] if closing else [])
    assert n["problems"][0]["measures"][-1]["text"] == last_measure
