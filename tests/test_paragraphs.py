"""Rejoining wrapped lines (stage 4), rule by rule: a small document in, its paragraphs out."""
import pytest
from transforms import wrap_lines

from xuncha_parse import parse_text
from xuncha_parse.layout.paragraphs import measure, rejoin
from xuncha_parse.layout.rules import tokenize
from xuncha_parse.layout.text import Source, split_lines

#: a prose paragraph hard-wrapped at 20 characters, to make a document read as wrapped
WRAPPED = "根据市委统一部署市委第一巡察组对局党\n组开展了常规巡察并于十二月二十日进行\n了反馈现将整改进展情况通报如下各项整\n改措施均已落实到位。"


def _paragraphs(text: str) -> list[str]:
    return [t.piece.text for t in rejoin(tokenize(split_lines(Source(text)))) if t.kind not in ("blank",)]


REJOIN_CASES = [
    # chrome that closes its bracket at the column's edge does not take the issuer line below it
    ("【信息时间：2024-03-05】【我要打印】【关闭】\n中共某某县局党组\n" + WRAPPED,
     "中共某某县局党组", True),
    # an e-mail cut at the line's end, in a text that is not wrapped
    ("联系电话：0898-66123456；邮箱：lyjxc\n@hainan.gov.cn。\n市林业局党组",
     "联系电话：0898-66123456；邮箱：lyjxc@hainan.gov.cn。", True),
    # ... and a web address cut after its dot
    ("网站：http://www.example.\ngov.cn。\n特此通报。", "网站：http://www.example.gov.cn。", True),
    # two paragraphs, the first ending in ASCII, the second opening with ASCII, are not an address
    ("联系电话：0898-66123456\n2024年3月5日", "联系电话：0898-66123456", True),
    # the signature under a closing line that fills the column: the organisation is not its rest
    (WRAPPED + "\n公开期限：2023年3月1日至3月31日\n市林业局党组\n2023年3月1日", "市林业局党组", True),
    # a wrapped paragraph's tail still joins
    (WRAPPED, WRAPPED.replace("\n", ""), True),
    # a character or two the wrap cut off a short heading's line go back to it
    (WRAPPED + "\n(1)支委会学习记录缺\n失\n整改情况:建立学习台账。", "(1)支委会学习记录缺失", True),
    # ... not after a line that ended its sentence
    (WRAPPED + "\n特此通报。\n附件", "附件", True),
    # the end of a sentence the wrap cut off a heading short of the edge (its half-width marks) goes back to it
    (WRAPPED + "\n1.保洁合同审查不严,未经党组研\n究。整改情况:建立合同审查台账。",
     "1.保洁合同审查不严,未经党组研究。整改情况:建立合同审查台账。", True),
    # the next ordinal of a run after a finished sentence opens a paragraph, though the line before filled the column
    (WRAPPED + "\n一是建立河长巡河制度并且每周巡查两次。\n二是修订考核办法。", "二是修订考核办法。", True),
    # ... not one that skips a number (``三是`` after ``一是``: a wrapped sentence that goes on)
    (WRAPPED + "\n一是建立河长巡河制度并且每周巡查两次。\n三是修订考核办法。", "三是修订考核办法。", False),
    # ... nor a run's first item, which may stand inside a paragraph
    (WRAPPED + "\n局党组把整改当作一项政治任务抓紧抓实。\n一是修订考核办法。", "一是修订考核办法。", False),
]


@pytest.mark.parametrize("text,paragraph,present", REJOIN_CASES)
def test_rejoin_rule(text, paragraph, present):
    assert (paragraph in _paragraphs(text)) is present, _paragraphs(text)


#: a notice of short lines whose three long paragraphs were wrapped at 22 characters
SPARSE_PLAIN = "(一)关于党的领导弱化方面\n1.贯彻落实上级决策部署有差距。\n整改措施:局党组专题研究,制定工作方案,明确责任分工。\n" \
    "2.意识形态工作责任制落实不到位。\n整改措施:(1)召开意识形态专题会议2次;(2)开展网络舆情排查。\n" \
    "3.“三会一课”制度落实不严格。\n整改措施:制定《党支部工作规范》,开展专项检查,建立台账。\n(二)下一步工作\n持续巩固整改成果。"
SPARSE = wrap_lines(SPARSE_PLAIN, 22)


#: more short lines, so that full lines are too few for the share rules (3 of 15)
MORE = "\n持续巩固整改成果。" * 6


def test_a_sparse_notice_is_wrapped_when_three_lines_are_cut_at_one_width():
    layout = measure(tokenize(split_lines(Source(SPARSE + MORE))))
    assert (layout.wrapped, layout.width) == (True, 22)
    assert _paragraphs(SPARSE + MORE) == (SPARSE_PLAIN + MORE).split("\n")


def test_lines_of_one_width_that_end_sentences_are_not_a_wrap():
    """Three paragraphs that happen to have the widest length, each a whole sentence: not wrapped."""
    whole = "\n".join(line[:21] + "。" if len(line) > 22 else line for line in SPARSE_PLAIN.split("\n"))
    assert not measure(tokenize(split_lines(Source(whole + MORE)))).wrapped


@pytest.mark.parametrize("stray", ["。", "，并建立台账。", "）。", "”问题。"])
def test_a_line_opening_with_a_stop_continues_the_line_before(stray):
    """Chinese typesetting never opens a line with 。，）” (禁则): such a line was cut from the one above,
    in a wrapped text or not."""
    text = "一、整改落实情况\n1.理论学习不深入。\n整改措施：一是修订制度（试行\n" + stray + "\n"
    measures = parse_text(text).problems[0].measures
    assert [m.text for m in measures] == ["一是修订制度（试行" + stray]


def test_a_page_number_does_not_split_a_wrapped_paragraph():
    line = "整改措施：一是制定学习计划并每月集中学习一次建立学习台账；"
    text = "一、整改落实情况\n" + "\n".join(["1.理论学习不深入。", line, "- 3 -", "二是开展专题研讨。"] + [line] * 6)
    measures = parse_text(text).problems[0].measures
    assert [m.ordinal for m in measures][:2] == [1, 2]
    assert "- 3 -" not in measures[0].text and measures[0].text.endswith("台账；")
    assert measures[1].text.startswith("二是开展专题研讨")
