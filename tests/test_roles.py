"""The roles stage (fields/roles.py): which top sections are overview, rectification, next steps.

The rules (roles.py's docstring and NOTICES.md, anatomy 4): a top heading's words decide first
(``整改落实情况`` → rectification, ``下一步`` → next steps, ``主体责任`` / ``总体情况`` → overview);
where no top's words name the rectification, structure decides: several top sections holding labelled
lines, or several ``…方面`` categories, are all rectification (categories at the top level, no
wrapper), else the section with the most labelled lines and nested headings.  Tops before the
rectification are the overview, tops after it the next steps, tops between two rectification
sections other; descendants take their top's role.
"""
import pytest
from stagekit import lines, outline, outline_of, run

from xuncha_parse.fields.roles import wrapper_free

ROLE_CASES = [
    pytest.param(
        lines("一、整改工作总体情况", "（一）加强领导", "二、整改落实情况", "（一）关于学习方面", "1.学习不深入。",
              "三、下一步打算", "（一）持续学习"),
        lines("一、 [overview]", "  （一） [overview]", "二、 [rectification]", "  （一） [rectification]",
              "    1. [rectification]", "三、 [next_steps]", "  （一） [next_steps]"),
        id="by-words-and-descendants-inherit"),
    pytest.param(
        lines("一、党组履行主体责任落实情况", "正文。", "二、巡察反馈问题整改情况", "1.学习不深入。", "三、今后工作"),
        lines("一、 [overview]", "二、 [rectification]", "  1. [rectification]", "三、 [next_steps]"),
        id="overview-words-beat-rectification-words"),
    pytest.param(
        lines("一、下一步整改落实情况", "正文。", "二、整改进展情况", "1.学习不深入。"),
        lines("一、 [next_steps]", "二、 [rectification]", "  1. [rectification]"),
        id="next-words-beat-rectification-words"),
    pytest.param(
        lines("一、党建工作", "正文。", "二、整改进展情况", "1.学习不深入。", "三、其他事项说明", "正文。"),
        lines("一、 [overview]", "二、 [rectification]", "  1. [rectification]", "三、 [next_steps]"),
        id="wordless-tops-by-position"),
    pytest.param(
        lines("一、整改落实情况", "1.学习不深入。", "二、党建工作", "1.正文。", "三、问题整改情况", "1.纪律松弛。"),
        lines("一、 [rectification]", "  1. [rectification]", "二、 [other]", "  1. [other]",
              "三、 [rectification]", "  1. [rectification]"),
        id="between-two-rectification-tops-other"),
    pytest.param(
        lines("一、党建工作", "正文。", "二、业务工作", "（一）关于学习", "1.学习不深入。", "整改措施：加强学习。",
              "2.研讨不充分。", "整改措施：开展研讨。", "三、其他", "正文。"),
        lines("一、 [overview]", "二、 [rectification]", "  （一） [rectification]", "    1. [rectification]",
              "    2. [rectification]", "三、 [next_steps]"),
        id="by-structure-the-deepest-labelled-section"),
    pytest.param(
        lines("一、党建工作", "1.学习不深入。", "整改措施：加强学习。", "二、业务工作", "1.纪律松弛。", "整改措施：严肃纪律。",
              "三、下一步打算", "整改措施：持续推进。"),
        lines("一、 [rectification]", "  1. [rectification]", "二、 [rectification]", "  1. [rectification]",
              "三、 [next_steps]"),
        id="several-labelled-tops-are-categories"),
    pytest.param(
        lines("一、政治建设方面", "1.学习不深入。", "2.研讨不充分。", "二、作风建设方面", "1.作风不实。", "三、下一步打算"),
        lines("一、 [rectification]", "  1. [rectification]", "  2. [rectification]", "二、 [rectification]",
              "  1. [rectification]", "三、 [next_steps]"),
        id="several-category-tops-are-categories"),
    pytest.param(
        lines("一、集中整改期内已完成的整改事项", "1.学习不深入。", "二、按计划持续推进的整改事项", "1.纪律松弛。"),
        lines("一、 [rectification]", "  1. [rectification]", "二、 [rectification]", "  1. [rectification]"),
        id="status-groups-at-the-top"),
    pytest.param(
        lines("一、整改进展情况", "1.学习不深入。", "二、巩固整改成果"),
        lines("一、 [rectification]", "  1. [rectification]", "二、 [next_steps]"),
        id="weak-next-words"),
    pytest.param(
        lines("一、党建工作", "正文。", "二、业务工作", "正文。"),
        lines("一、 [other]", "二、 [other]"),
        id="nothing-to-go-by-other"),
    pytest.param(
        lines("（一）总体情况", "正文。", "（二）整改落实情况", "1.学习不深入。", "（三）下一步打算"),
        lines("（一） [overview]", "（二） [rectification]", "  1. [rectification]", "（三） [next_steps]"),
        id="tops-at-paren-cn"),
]


@pytest.mark.parametrize("text,expected", ROLE_CASES)
def test_roles(text, expected):
    assert outline_of(text, until="roles", roles=True) == expected


#: (text, wrapper_free): are the rectification tops the categories themselves?
WRAPPER_CASES = [
    pytest.param(lines("一、总体情况", "正文。", "二、整改落实情况", "（一）关于学习方面", "1.学习不深入。"), False,
                 id="one-wrapping-top"),
    pytest.param(lines("一、政治建设方面", "1.学习不深入。", "二、作风建设方面", "1.作风不实。"), True,
                 id="category-tops"),
    pytest.param(lines("一、总体情况", "正文。", "二、整改落实情况", "整改措施：加强学习。", "三、下一步打算"), True,
                 id="a-labelled-leaf-top-is-itself-the-problem"),
    pytest.param(lines("一、党建工作", "正文。", "二、业务工作", "正文。"), False, id="no-rectification"),
]


@pytest.mark.parametrize("text,expected", WRAPPER_CASES)
def test_wrapper_free(text, expected):
    assert wrapper_free(run(text, "roles").root) is expected


def test_roles_need_tops():
    state = run("根据市委统一部署，开展了巡察。", "roles")
    assert outline(state.root, roles=True) == ""
