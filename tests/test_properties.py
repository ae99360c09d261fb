"""Properties over arbitrary and notice-like text, with hypothesis."""
from hypothesis import example, given, settings
from hypothesis import strategies as st
from spancheck import span_errors
from transforms import wrap_lines

from xuncha_parse import parse_text
from xuncha_parse.layout.document import parts
from xuncha_parse.pipeline import run

# pieces that notices are made of, so that generated text exercises every rule
FRAGMENTS = [
    "一、", "二、", "三、", "（一）", "(二)", "（三)", "1.", "2、", "3.", "(1)", "（2）", "问题1：", "①",
    "整改措施：", "整改进展：", "原因分析：", "整改结果：整改完成，长期推进。", "完成情况：已完成",
    "关于“", "”问题的整改", "针对", "的问题。", "一是", "二是", "三是", "方面", "。", "，", "；", ":", "：",
    "2025年4月21日至6月27日", "7月28日至30日", "X月", "〔2021〕57号", "《条例》", "9000元", "7.5万元",
    "联系电话：0475-7923888", "邮政编码：521000", "电子邮箱：a@b.com", "也可向纪检监察组反映，",
    "市委第二巡察组", "对市政协机关党组开展了常规巡察", "反馈", "欢迎监督", "公开期限：",
    "[bookmark: _GoBack]", "##paidbegin##", "版权所有", "您的位置: 首页 > ",
    "\n", "\n", "\n", "\n\n", "\r\n", "\u3000\u3000", " ", "\xa0", "党组", "整改", "问题", "工作",
    "学习贯彻习近平新时代中国特色社会主义思想", "下一步打算", "中共某某市委员会", "2026年1月12日",
]
notice_like = st.lists(st.sampled_from(FRAGMENTS), max_size=120).map("".join)
# the same, hard-wrapped as a PDF copy is, so that the rejoining stage is exercised too
wrapped_like = st.tuples(notice_like, st.integers(16, 40)).map(lambda t: wrap_lines(t[0], t[1]))
some_notice = st.one_of(notice_like, wrapped_like)
any_text = st.text(max_size=400)
SETTINGS = settings(max_examples=max(150, settings().max_examples))


@SETTINGS
@given(st.one_of(any_text, some_notice))
def test_never_raises(text):
    notice = parse_text(text)
    # a line ends at every break str.splitlines knows (CR alone, VT, FF, U+2028, …), CRLF being one (issue 13)
    assert notice.source.lines == len((text + "x").splitlines())


#: a body line after a page number that had cut a paragraph was once swallowed into the noise (deep run)
SWALLOWED = "一、一、一、一、一、一、一、整改\n措施：的问题。7月28日至30日\n邮政编码：521000版权所有一\n、2025年4月21日至6月27\n日\n关于“"


@SETTINGS
@given(some_notice)
@example(SWALLOWED)
@example("7月28日至30日电子邮箱：a@\nb.com版权所有")  # an address's rest on a line of chrome (deep run)
def test_every_line_lands_in_exactly_one_node(text):
    from xuncha_parse.layout.rules import tokenize
    from xuncha_parse.layout.text import Source, split_lines

    doc = run(text, until="roles")
    landed = [n for _, tok in parts(doc) for n in tok.lines]
    # a wrapped line of chrome (a long footer cut at the PDF's width) goes with the noise it continues,
    # but only as the very next line: a noise token never skips over a line of text
    noise = [tok.lines for tok in doc.tokens if tok.kind == "noise"]
    assert all(lines == list(range(lines[0], lines[0] + len(lines))) for lines in noise)
    # every line that is content when classified alone lands in a part or continues chrome
    alone = tokenize(split_lines(Source(text)))
    content = sorted(t.line for t in alone if t.kind not in ("blank", "noise"))
    assert sorted(landed + [n for lines in noise for n in lines if alone[n - 1].kind != "noise"]) == content
    assert len(landed) == len(set(landed))


@SETTINGS
@given(some_notice)
@example("一、。一、\n版权所有\n关于“")  # a noise line inside a section's own text (found by CI)
@example(SWALLOWED)
@example("一、一、一、整改措施：的问题。2\n025年4月21日至6月27日联\n系电话：0475-7923888\n版权所有2025年4月21日至6\n月27日\n关于“")
@example("一、一、一、一、一、一、一、一、\n整改结果：整改完成，长期推进。[\nbookmark: _GoBac\nk]")  # a wrapped marker
def test_spans_slice_back(text):
    assert span_errors(text, parse_text(text).model_dump(mode="json")) == []


@SETTINGS
@given(some_notice)
def test_problem_spans_are_ordered_and_inside(text):
    problems = parse_text(text).problems
    starts = [p.span.start for p in problems]
    assert starts == sorted(starts)
    assert all(0 <= p.span.start <= p.span.end <= len(text) for p in problems)
