"""The tree stage (layout/tree.py), rule by rule: a small body in, its heading outline out.

The rules (tree.py's docstring and NOTICES.md, anatomy 4): levels are inferred per document, not fixed
by marker style; a heading is the sibling of the nearest open heading of the same style, else a child
of the innermost open heading; a heading whose nearest same-style heading it does not continue, or whose
words name a top section (``下一步``), is reconciled to the level of an outer heading whose number it
continues, with a ``heading_level_reconciled`` diagnostic; body tokens attach to the innermost heading.
"""
import pytest
from stagekit import lines, outline, outline_of, run

TREE_CASES = [
    pytest.param(
        lines("一、总体情况", "（一）加强组织领导", "二、整改落实情况", "（一）关于党的领导方面", "1.学习不深入。",
              "2.制度不严格。", "（二）关于纪律建设方面", "1.纪律松弛。", "三、下一步打算"),
        lines("一、", "  （一）", "二、", "  （一）", "    1.", "    2.", "  （二）", "    1.", "三、"),
        id="gb-levels"),
    pytest.param(
        lines("（一）关于学习方面", "1.学习不深入。", "2.研讨不充分。", "（二）关于纪律方面", "1.纪律松弛。"),
        lines("（一）", "  1.", "  2.", "（二）", "  1."),
        id="starts-at-paren-cn"),
    pytest.param(
        lines("1.学习不深入。", "（1）制定学习计划。", "（2）开展专题研讨。", "2.纪律松弛。", "（1）开展警示教育。"),
        lines("1.", "  （1）", "  （2）", "2.", "  （1）"),
        id="starts-at-arabic"),
    pytest.param(
        lines("一、总体情况", "1.加强领导。", "2.压实责任。", "二、整改落实情况", "1.学习不深入。"),
        lines("一、", "  1.", "  2.", "二、", "  1."),
        id="skipped-level"),
    pytest.param(
        lines("1.关于学习方面", "（一）学习不深入。", "（二）研讨不充分。", "2.关于纪律方面", "（一）纪律松弛。"),
        lines("1.", "  （一）", "  （二）", "2.", "  （一）"),
        id="styles-in-an-unusual-order"),
    pytest.param(
        lines("一、整改落实情况", "（一）关于学习方面", "1.学习不深入。", "（二）关于纪律方面"),
        lines("一、", "  （一）", "    1.", "  （二）"),
        id="sibling-of-nearest-same-style-closes-deeper"),
    pytest.param(
        lines("一、整改落实情况", "（一）关于学习方面", "1.学习不深入。", "（1）制定学习计划。", "2.研讨不充分。"),
        lines("一、", "  （一）", "    1.", "      （1）", "    2."),
        id="new-style-is-child-of-innermost"),
    pytest.param(
        lines("一、整改落实情况", "1.学习不深入。", "2.研讨不充分。", "二、下一步打算", "1.持续学习。"),
        lines("一、", "  1.", "  2.", "二、", "  1."),
        id="numbering-restarts-under-next-top"),
    pytest.param(
        lines("一、整改落实情况", "（一）关于学习方面", "1.学习不深入。", "二、下一步打算"),
        lines("一、", "  （一）", "    1.", "二、"),
        id="top-closes-every-level"),
    pytest.param(
        lines("问题1：学习不深入。", "整改情况：加强学习。", "问题2：纪律松弛。"),
        lines("问题1：", "问题2："),
        id="problem-markers-are-a-style"),
    pytest.param(
        lines("一、整改落实情况", "(一)关于学习方面", "1、学习不深入。", "（二）关于纪律方面", "2.纪律松弛。"),
        lines("一、", "  (一)", "    1、", "  （二）", "    2."),
        id="either-width-and-either-separator-is-one-style"),
    pytest.param(
        lines("一、整改落实情况", "①学习不深入。", "②研讨不充分。", "1）制定计划。"),
        lines("一、", "  ①", "  ②", "    1）"),
        id="circled-and-half-paren-styles"),
]


@pytest.mark.parametrize("text,expected", TREE_CASES)
def test_fold(text, expected):
    assert outline_of(text) == expected


#: (text, outline, diagnostics as (code, line)): NOTICES.md's ``3、 下一步打算`` after ``二、``
RECONCILE_CASES = [
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "（一）关于学习方面", "1.学习不深入。", "2.研讨不充分。", "3、 下一步打算"),
        lines("一、", "二、", "  （一）", "    1.", "    2.", "3、"),
        [("heading_level_reconciled", 6)],
        id="next-steps-words-continue-er"),
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "1.学习不深入。", "2.研讨不充分。", "3.纪律松弛。", "4.作风不实。",
              "3、 下一步打算"),
        lines("一、", "二、", "  1.", "  2.", "  3.", "  4.", "3、"),
        [("heading_level_reconciled", 7)],
        id="numbering-breaks-and-continues-er"),
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "1.学习不深入。", "2.研讨不充分。", "3.纪律松弛。", "4.作风不实。",
              "3、工作成效"),
        lines("一、", "二、", "  1.", "  2.", "  3.", "  4.", "3、"),
        [("heading_level_reconciled", 7)],
        id="numbering-break-alone-reconciles-a-short-heading"),
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "1.学习不深入。", "2.研讨不充分。", "3.纪律松弛。", "4.作风不实。",
              "3、加强学习，完善制度。"),
        lines("一、", "二、", "  1.", "  2.", "  3.", "  4.", "  3、"),
        [],
        id="a-sentence-is-not-reconciled"),
    pytest.param(
        lines("一、总体情况", "1.加强领导。", "二、整改落实情况", "1.学习不深入。", "2.研讨不充分。", "3.下一步工作打算"),
        lines("一、", "  1.", "二、", "  1.", "  2.", "3."),
        [("heading_level_reconciled", 6)],
        id="next-words-reconcile-even-when-numbering-continues"),
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "正文。", "3、下一步打算"),
        lines("一、", "二、", "3、"),
        [("heading_level_reconciled", 4)],
        id="next-words-with-no-same-style-open"),
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "（一）关于学习方面", "（二）关于纪律方面", "（三）下一步打算"),
        lines("一、", "二、", "  （一）", "  （二）", "（三）"),
        [("heading_level_reconciled", 5)],
        id="next-words-continuing-both-levels-go-to-the-outer"),
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "1.学习不深入。", "2.下一步打算"),
        lines("一、", "二、", "  1.", "  2."),
        [],
        id="next-words-without-a-continued-outer-number-stay"),
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "1.学习不深入。", "2.研讨不充分。", "3.纪律松弛。"),
        lines("一、", "二、", "  1.", "  2.", "  3."),
        [],
        id="continued-numbering-is-not-reconciled"),
    pytest.param(
        lines("一、总体情况", "二、整改落实情况", "三、下一步打算"),
        lines("一、", "二、", "三、"),
        [],
        id="next-words-at-the-top-need-nothing"),
]


@pytest.mark.parametrize("text,expected,diagnostics", RECONCILE_CASES)
def test_reconcile(text, expected, diagnostics):
    state = run(text, "tree")
    assert outline(state.root) == expected
    assert [(d.code, d.line) for d in state.diagnostics] == diagnostics


#: body tokens (plain lines and labelled lines) attach to the innermost open heading; blank lines to none
BODY_CASES = [
    pytest.param(
        lines("一、总体情况", "正文甲。", "（一）加强领导", "正文乙。", "（二）压实责任", "正文丙。", "二、整改落实情况", "正文丁。"),
        lines("一、", "  | 正文甲。", "  （一）", "    | 正文乙。", "  （二）", "    | 正文丙。", "二、", "  | 正文丁。"),
        id="innermost"),
    pytest.param(
        lines("一、整改落实情况", "1.学习不深入。", "整改措施：加强学习。", "", "整改进展：已完成。", "2.纪律松弛。"),
        lines("一、", "  1.", "    | 整改措施：加强学习。", "    | 整改进展：已完成。", "  2."),
        id="labels-attach-blanks-do-not"),
    pytest.param(
        lines("整改措施：加强学习。", "一、整改落实情况", "正文。"),
        lines("| 整改措施：加强学习。", "一、", "  | 正文。"),
        id="a-label-before-any-heading-is-the-root-body"),
    pytest.param(
        lines("一、整改落实情况", "2、3季度完成整改。", "1.5万元已退回。"),
        lines("一、", "  | 2、3季度完成整改。", "  | 1.5万元已退回。"),
        id="quantities-are-not-headings"),
    pytest.param(
        lines("一、整改落实情况", "1.学习不深入。", "（1）制定计划。", "正文甲。", "2.纪律松弛。", "正文乙。"),
        lines("一、", "  1.", "    （1）", "      | 正文甲。", "  2.", "    | 正文乙。"),
        id="body-after-a-child-goes-to-the-child"),
]


@pytest.mark.parametrize("text,expected", BODY_CASES)
def test_body_attaches(text, expected):
    assert outline_of(text, bodies=True) == expected


def test_node_tokens_are_in_source_order():
    """``Node.tokens``: a node's heading, its body, then its children's tokens, in the order of the text."""
    text = lines("一、整改落实情况", "正文甲。", "（一）关于学习方面", "1.学习不深入。", "整改措施：加强学习。", "二、下一步打算")
    state = run(text, "tree")
    assert [t.line for t in state.root.tokens()] == [1, 2, 3, 4, 5, 6]


def test_depth_is_the_level_found():
    state = run(lines("（一）关于学习方面", "1.学习不深入。", "（1）制定计划。"), "tree")
    assert [(n.token.marker, n.depth) for n in state.root.walk()] == [("（一）", 1), ("1.", 2), ("（1）", 3)]
