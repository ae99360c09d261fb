"""fields/checks.py: the diagnostics, on small notices and on a sample cut short: a notice cut off
(``truncated``, at a clause mark or a paywall), a gap in the numbering, no problems found."""
import pytest


def _codes(text: str) -> set[str]:
    from xuncha_parse import parse_text

    return {d.code for d in parse_text(text).diagnostics}


def test_truncated_notices_are_parsed_and_flagged():
    from conftest import load_sample

    text = load_sample("004_65a99f9994ad9ae9")
    paywalled = text[: text.index("##paidend##")]
    assert "truncated" in _codes(paywalled)
    cut = text[: text.index("二是加强业务培训")]  # a web page cut off mid-problem
    assert "truncated" in _codes(cut)
    assert "truncated" not in _codes(text)


@pytest.mark.parametrize("tail,truncated", [
    ("整改措施：严格执行《党政领导干部选拔任用工作条例》，", True),   # short, but ends on a comma
    ("整改措施：一是修订制度、", True),
    ("整改措施：严格执行选拔任用工作条例。", False),
    ("三、下一步工作打算", False),                               # a heading has no stop
    ("整改进展：已于8月初组织财务", True),                       # a progress value without a stop
    ("整改进展：", True),                                        # a label with nothing after it
    ("整改结果：整改完成，长期推进", False),                     # a status needs no stop
    ("责任单位：局办公室", False),
    ("2.消防安全责任意识淡薄。未按《消防法》和", True),          # an earlier sentence ended, this one not
    ("(2)针对“政府采购", True),                                  # an open quote
    ("经过三个月的整改，工作取", True),                          # a paragraph with a clause, no stop
    ("7", True),                                                 # a number cut from its line
])
def test_truncated_at_a_clause_mark(tail, truncated):
    text = "一、整改落实情况\n1.干部选拔任用程序不严格。\n" + tail + "\n"
    assert ("truncated" in _codes(text)) is truncated


def test_numbering_gaps_are_reported():
    text = "一、整改落实情况\n1.甲问题。\n整改措施：甲。\n2.乙问题。\n整改措施：乙。\n4.丁问题。\n整改措施：丁。\n"
    assert "numbering_gap" in _codes(text)
    assert "numbering_gap" not in _codes(text.replace("4.丁", "3.丁"))


def test_no_problems_found_is_said():
    assert "no_problems_found" in _codes("根据市委统一部署，开展了巡察。\n特此通报。\n")
