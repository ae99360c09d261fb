"""Per-rule fixture tables: one line in, its token out."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xuncha_parse.layout.rules import classify
from xuncha_parse.layout.text import Source, split_lines

# line, kind, style, number, marker or label
LINES = [
    ("一、整改落实情况", "heading", "cn", 1, "一、"),
    ("三.下一步工作措施", "heading", "cn", 3, "三."),
    ("十二、其他", "heading", "cn", 12, "十二、"),
    ("（一）提高政治站位", "heading", "paren_cn", 1, "（一）"),
    ("(二)制定整改方案", "heading", "paren_cn", 2, "(二)"),
    ("（三)半角混排", "heading", "paren_cn", 3, "（三)"),
    ("1.“第一议题”制度执行不严格。", "heading", "arabic", 1, "1."),
    ("12、针对会议记录不规范的问题。", "heading", "arabic", 12, "12、"),
    ("3、 下一步打算", "heading", "arabic", 3, "3、"),
    ("１．全角数字", "heading", "arabic", 1, "１．"),
    ("(10)针对“问题”问题", "heading", "paren_arabic", 10, "(10)"),
    ("（1）对于档案", "heading", "paren_arabic", 1, "（1）"),
    ("2)半括号", "heading", "arabic_paren", 2, "2)"),
    ("③圈码", "heading", "circled", 3, "③"),
    ("问题1：理论学习不深入。", "heading", "problem", 1, "问题1："),
    ("问题2.针对…的问题。", "heading", "problem", 2, "问题2."),
    ("问题 三、", "heading", "problem", 3, "问题 三、"),
    ("整改措施：修订制度。", "label", None, None, "整改措施"),
    ("整改进展:已完成。", "label", None, None, "整改进展"),
    ("整改措施和进展：…", "label", None, None, "整改措施和进展"),
    ("整改进展情况:一是…", "label", None, None, "整改进展情况"),
    ("原因分析：认识不到位。", "label", None, None, "原因分析"),
    ("整改情况：整改完成，长期推进。", "label", None, None, "整改情况"),
    ("整改结果：立行立改，整改完成。", "label", None, None, "整改结果"),
    ("完成情况：已完成", "label", None, None, "完成情况"),
    ("【整改措施】建立台账。", "label", None, None, "整改措施"),
    ("1.5万元用于购置设备。", "body", None, None, None),
    ("2022年以来，党支部召开会议。", "body", None, None, None),
    ("2、3季度开展检查。", "body", None, None, None),
    ("一是加强学习。", "body", None, None, None),
    ("根据市委统一部署，……", "body", None, None, None),
    ("整改措施不到位的原因是……", "body", None, None, None),
    ("您的位置: 首页 > 党务公开", "noise", None, None, None),
    ("【信息时间：2026-01-21】【字号 大 中 小】【我要打印】【关闭】", "noise", None, None, None),
    ("信息索引号：11441800007084906D/2026-00012", "noise", None, None, None),
    ("发布机构：本机关", "noise", None, None, None),
    ("成文日期：2026-01-21", "noise", None, None, None),
    ("版权所有 政协枣庄市委员会 | 违法和不良信息举报电话:0632-8269086", "noise", None, None, None),
    ("地址:山东省枣庄市新城区 鲁ICP备17036507号", "noise", None, None, None),
    ("朗读", "noise", None, None, None),
    ("分享:", "noise", None, None, None),
    ("", "blank", None, None, None),
]


@pytest.mark.parametrize("line,kind,style,number,marker", LINES)
def test_line_rule(line, kind, style, number, marker):
    tok = classify(split_lines(Source(line))[0])
    assert tok.kind == kind
    assert tok.style == style
    assert tok.number == number
    assert (tok.label if kind == "label" else tok.marker) == marker


# noise inside a line is removed, offsets stay true
@pytest.mark.parametrize("line,content", [
    ("[bookmark: _GoBack]（一）强化领导", "（一）强化领导"),
    ("##paidbegin##（三）坚持问题导向", "（三）坚持问题导向"),
    ("\u3000\u3000整改措施：建立台账。  ", "整改措施：建立台账。"),
    ("\xa0正文\xa0", "正文"),
    ("前文[bookmark: _GoBack]后文", "前文后文"),
])
def test_inline_noise_keeps_offsets(line, content):
    piece = split_lines(Source(line))[0].piece
    assert piece.text == content
    assert "".join(line[piece.src(i)] for i in range(len(piece.text))) == content


#: an inline run of measures and where it is cut: (text, [(ordinal, item text)])
ORDINAL_RUNS = [
    ("一是制定计划；二是建立台账。", [(1, "一是制定计划；"), (2, "二是建立台账。")]),
    ("1.制定计划；2.开展研讨4次。", [(1, "1.制定计划；"), (2, "2.开展研讨4次。")]),
    ("①修订办法；②建立台账。", [(1, "①修订办法；"), (2, "②建立台账。")]),
    ("(1)修订办法;(2)建立台账。", [(1, "(1)修订办法;"), (2, "(2)建立台账。")]),
    ("追回资金3.5万元，分1、2两批退还。", [(None, "追回资金3.5万元，分1、2两批退还。")]),  # no cut inside a sentence
    ("统一是前提。", [(None, "统一是前提。")]),                                        # 一是 inside a word
    ("一是修订2.0版制度；二是培训。", [(1, "一是修订2.0版制度；"), (2, "二是培训。")]),
    # one numbering per run: ``1.`` after ``一是`` does not restart the count
    ("一是学习，1.读原著；二是研讨。", [(1, "一是学习，1.读原著；"), (2, "二是研讨。")]),
]


@pytest.mark.parametrize("text,items", ORDINAL_RUNS)
def test_inline_ordinals(text, items):
    from xuncha_parse.layout.text import Piece, fold
    from xuncha_parse.sentences import split_ordinals

    piece = Piece(text, fold(text), (0,), (0,))
    got, _ = split_ordinals(piece)
    assert [(n, p.text) for p, n in got] == items


#: characters ordinals are made of, the punctuation before them, and some text
_ORDINAL_TEXT = st.text(alphabet="一二三十两第另是方面1234.、()①②，。；: \t\n统筹制度”", max_size=40)


@given(_ORDINAL_TEXT)
def test_ordinals_are_the_patterns_own_matches(text):
    """``ordinals`` tries ORDINAL only where ORDINAL_START finds a candidate: the same matches as its finditer."""
    from xuncha_parse.grammar import ORDINAL
    from xuncha_parse.sentences import ordinals

    def spans(matches):
        return [(m.span(), m.lastgroup) for m in matches]

    assert spans(ordinals(text)) == spans(ORDINAL.finditer(text))


# one line of page chrome per word of the shared vocabulary (grammar.CHROME_*)
CHROME_LINES = [
    ("版权所有 政协枣庄市委员会", "版权所有"),
    ("鲁ICP备17036507号", "ICP"),
    ("京公网安备 11010202000001号", "公网安备"),
    ("网站标识码:3704000001", "网站标识"),
    ("违法和不良信息举报电话:0632-8269086", "违法和不良信息"),
    ("网站地图 | 联系我们", "网站地图"),
    ("主办单位：政协枣庄市委员会", "主办单位"),
    ("技术支持: 某网络公司", "技术支持"),
    ("承办单位：区委巡察办", "承办单位"),
    ("【打印本页】", "打印本页"),
    ("关闭窗口", "关闭窗口"),
    ("打印此页", "打印此页"),
    ("【收藏本页】", "收藏本页"),
]


def test_chrome_vocabulary_covers_its_table():
    from xuncha_parse.grammar import CHROME_FOOTER, CHROME_OWNERS, CHROME_TOOLBAR

    assert {word for _, word in CHROME_LINES} == set(CHROME_FOOTER + CHROME_OWNERS + CHROME_TOOLBAR)


@pytest.mark.parametrize("line,word", CHROME_LINES)
def test_chrome_line_is_noise_to_the_grammar_and_dropped_by_the_html_reader(line, word):
    from xuncha_parse.readers.html import drop_furniture_lines

    assert classify(split_lines(Source(line))[0]).kind == "noise"
    assert drop_furniture_lines([line]) == []
