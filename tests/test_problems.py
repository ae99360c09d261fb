"""The problems stage (fields/problems.py): which headings are problems, and each problem's fields.

The rules (problems.py's docstrings, NOTICES.md anatomy 5, OUTPUT.md's Problem): a problem is a
heading in a rectification section with no headings below it, or numbered as a problem (``问题1：``),
or whose labelled lines come before its sub-points, or that states a shortcoming and has short
numbered remedies below it (its sub-points, which become its measures); a category heading followed
by an unnumbered problem line and labelled lines is itself the problem.  The headings above a
problem are its category (outer) and group (inner); a group that names a status gives its problems
that status.  Labels feed cause / description / measures / progress / the status line; an inline
``一是…二是…`` run becomes one measure per ordinal.
"""
import pytest
from stagekit import lines, outline_of, run

from xuncha_parse import parse_text
from xuncha_parse.fields.problem_fields import split_title, status_of
from xuncha_parse.layout.text import Source, split_lines

#: the sections around the rectification part, so the roles stage has something to tell apart
OVERVIEW = ("一、整改工作总体情况", "党组高度重视。")
NEXT = ("三、下一步打算", "持续巩固整改成果。")


def notice(*rect: str) -> str:
    """A body whose second section, ``二、整改落实情况``, holds the given lines."""
    return lines(*OVERVIEW, "二、整改落实情况", *rect, *NEXT)


def problems(text: str) -> list[dict]:
    return [p.fields for p in run(text, "problems").problems]


def items(values: list[dict]) -> list[tuple[str, int | None]]:
    return [(v["text"], v["ordinal"]) for v in values]


def view(problem: dict, keys: tuple[str, ...]) -> dict:
    """The fields named by ``keys``; measures and progress as (text, ordinal) pairs."""
    return {k: items(problem[k]) if k in ("measures", "progress") else problem[k] for k in keys}


# ---------------------------------------------------------------------------------------------------
# Which headings are problems
# ---------------------------------------------------------------------------------------------------

DETECT_CASES = [
    pytest.param(
        notice("（一）关于党的领导方面", "1.学习不深入。", "整改措施：加强学习。", "2.制度执行不严格。", "整改措施：严格执行。"),
        lines("一、", "二、", "  （一）", "    1. *problem*", "    2. *problem*", "三、"),
        id="leaf-headings"),
    pytest.param(
        notice("1.关于“学习教育”方面", "问题1：理论学习不深入。", "整改情况：制定学习计划。", "完成情况：已完成",
               "问题2：学习形式单一。", "整改情况：丰富学习形式。", "完成情况：已完成"),
        lines("一、", "二、", "  1.", "    问题1： *problem*", "    问题2： *problem*", "三、"),
        id="problem-numbered-problems"),
    pytest.param(
        notice("问题1.针对学习不深入的问题。", "(1)对于学习计划，已经制定。", "(2)对于专题研讨，已经开展。"),
        lines("一、", "二、", "  问题1. *problem*", "    (1)", "    (2)", "三、"),
        id="problem-marker-with-sub-points"),
    pytest.param(
        notice("1.理论学习不深入。", "整改措施：", "（1）制定学习计划。", "（2）开展专题研讨。", "2.制度执行不严格。",
               "整改措施：严格执行制度。"),
        lines("一、", "二、", "  1. *problem*", "    （1）", "    （2）", "  2. *problem*", "三、"),
        id="labelled-lines-before-sub-points"),
    pytest.param(
        notice("1.理论学习不深入。", "（1）制定学习计划。", "（2）开展专题研讨。", "2.制度执行不严格。", "（1）修订制度。"),
        lines("一、", "二、", "  1. *problem*", "    （1）", "    （2）", "  2. *problem*", "    （1）", "三、"),
        id="stated-problem-with-short-remedies"),
    pytest.param(
        notice("1.关于学习方面", "（1）理论学习不深入。", "（2）学习形式单一。"),
        lines("一、", "二、", "  1.", "    （1） *problem*", "    （2） *problem*", "三、"),
        id="children-stating-shortcomings-are-the-problems"),
    pytest.param(
        notice("1.学习方面", "（1）制定学习计划。", "（2）开展专题研讨。"),
        lines("一、", "二、", "  1.", "    （1） *problem*", "    （2） *problem*", "三、"),
        id="a-heading-that-states-nothing-has-no-sub-points"),
    pytest.param(
        notice("1.理论学习不深入。", "（1）制定计划。", "2.关于纪律方面", "（1）纪律松弛。"),
        lines("一、", "二、", "  1.", "    （1） *problem*", "  2.", "    （1） *problem*", "三、"),
        id="no-sub-points-when-a-sibling-is-a-category"),
    pytest.param(
        notice("1.理论学习不深入。", "（1）制定学习计划。", "整改措施：加强学习。", "（2）开展专题研讨。"),
        lines("一、", "二、", "  1.", "    （1） *problem*", "    （2） *problem*", "三、"),
        id="no-sub-points-when-they-carry-labels"),
    pytest.param(
        notice("（一）关于党的领导方面", "学习贯彻不深入。", "整改措施：加强学习。", "（二）关于作风建设方面", "作风不实。",
               "整改措施：转变作风。"),
        lines("一、", "二、", "  （一） *problem*", "  （二） *problem*", "三、"),
        id="category-leaves"),
    pytest.param(
        notice("（一）集中整改期内已完成的整改事项", "1.学习不深入。", "整改措施：加强学习。", "（二）按计划持续推进的整改事项",
               "1.作风不实。", "整改措施：转变作风。"),
        lines("一、", "二、", "  （一）", "    1. *problem*", "  （二）", "    1. *problem*", "三、"),
        id="status-groups"),
    pytest.param(
        lines("一、政治建设方面", "1.学习不深入。", "整改措施：加强学习。", "二、作风建设方面", "1.作风不实。",
              "整改措施：转变作风。", *NEXT),
        lines("一、", "  1. *problem*", "二、", "  1. *problem*", "三、"),
        id="categories-at-the-top"),
    pytest.param(
        lines(*OVERVIEW, "二、整改落实情况", "整改措施：加强学习。", *NEXT),
        lines("一、", "二、 *problem*", "三、"),
        id="a-labelled-top-leaf"),
    pytest.param(
        lines("一、整改工作总体情况", "1.加强领导。", "2.压实责任。", "二、整改落实情况", "1.学习不深入。", "整改措施：加强学习。",
              *NEXT),
        lines("一、", "  1.", "  2.", "二、", "  1. *problem*", "三、"),
        id="the-same-numbers-under-overview-are-not-problems"),
]


@pytest.mark.parametrize("text,expected", DETECT_CASES)
def test_problems_found(text, expected):
    assert outline_of(text, until="problems") == expected


# ---------------------------------------------------------------------------------------------------
# The fields of each problem
# ---------------------------------------------------------------------------------------------------

CHAIN = ("number", "marker", "category", "group", "title")

CHAIN_CASES = [
    pytest.param(
        notice("（一）关于党的领导方面", "1.学习不深入。", "整改措施：加强学习。"),
        [{"number": 1, "marker": "1.", "category": "关于党的领导方面", "group": None, "title": "学习不深入"}],
        id="category"),
    pytest.param(
        notice("（一）关于“党的领导”方面", "1.关于“政治建设”方面问题", "（1）针对“理论学习不扎实”问题",
               "整改进展情况：一是制定学习计划；二是开展专题研讨。", "（2）针对“议事规则不健全”问题", "整改进展情况：修订规则。"),
        [{"number": 1, "marker": "（1）", "category": "关于“党的领导”方面", "group": "关于“政治建设”方面问题",
          "title": "理论学习不扎实"},
         {"number": 2, "marker": "（2）", "category": "关于“党的领导”方面", "group": "关于“政治建设”方面问题",
          "title": "议事规则不健全"}],
        id="category-and-group"),
    pytest.param(
        notice("（一）关于党的领导方面", "学习贯彻不深入。", "整改措施：加强学习。"),
        [{"number": None, "marker": None, "category": "关于党的领导方面", "group": None, "title": "学习贯彻不深入"}],
        id="category-leaf-has-no-number"),
    pytest.param(
        notice("（一）关于学习方面", "1.集中整改期内已完成的整改事项", "（1）学习不深入。", "整改措施：加强学习。"),
        [{"number": 1, "marker": "（1）", "category": "关于学习方面", "group": "集中整改期内已完成的整改事项",
          "title": "学习不深入"}],
        id="status-group-under-a-category"),
    pytest.param(
        notice("（一）集中整改期内已完成的整改事项", "1.关于学习方面", "（1）学习不深入。", "整改措施：加强学习。"),
        [{"number": 1, "marker": "（1）", "category": "关于学习方面", "group": "集中整改期内已完成的整改事项",
          "title": "学习不深入"}],
        id="category-under-a-status-group"),
    pytest.param(
        notice("1.关于“学习教育”方面", "问题1：理论学习不深入。", "整改情况：制定学习计划。"),
        [{"number": 1, "marker": "问题1：", "category": "关于“学习教育”方面", "group": None, "title": "理论学习不深入"}],
        id="problem-numbered"),
    pytest.param(
        lines("一、政治建设方面", "1.学习不深入。", "整改措施：加强学习。", "二、作风建设方面", "1.作风不实。",
              "整改措施：转变作风。"),
        [{"number": 1, "marker": "1.", "category": "政治建设方面", "group": None, "title": "学习不深入"},
         {"number": 1, "marker": "1.", "category": "作风建设方面", "group": None, "title": "作风不实"}],
        id="top-level-categories"),
]


@pytest.mark.parametrize("text,expected", CHAIN_CASES)
def test_category_and_group(text, expected):
    assert [view(p, CHAIN) for p in problems(text)] == expected


STATUS = ("group", "status", "status_text", "long_term")

GROUP_STATUS_CASES = [
    pytest.param(
        notice("（一）集中整改期内已完成的整改事项", "1.学习不深入。", "整改措施：加强学习。", "（二）按计划持续推进的整改事项",
               "1.作风不实。", "整改措施：转变作风。"),
        [{"group": "集中整改期内已完成的整改事项", "status": "completed", "status_text": "集中整改期内已完成的整改事项",
          "long_term": False},
         {"group": "按计划持续推进的整改事项", "status": "in_progress", "status_text": "按计划持续推进的整改事项",
          "long_term": True}],
        id="group-says-the-status"),
    pytest.param(
        notice("（一）集中整改期内已完成的整改事项", "1.学习不深入。", "整改措施：加强学习。", "完成情况：正在整改"),
        [{"group": "集中整改期内已完成的整改事项", "status": "in_progress", "status_text": "正在整改",
          "long_term": False}],
        id="the-problem's-own-status-line-wins"),
    pytest.param(
        notice("（一）需长期坚持的整改事项", "1.学习不深入。", "整改措施：加强学习。"),
        [{"group": "需长期坚持的整改事项", "status": "in_progress", "status_text": "需长期坚持的整改事项",
          "long_term": True}],
        id="long-term-group"),
    pytest.param(
        notice("（一）已整改的整改事项", "1.学习不深入。", "整改措施：加强学习。"),
        [{"group": "已整改的整改事项", "status": "completed", "status_text": "已整改的整改事项", "long_term": False}],
        id="already-rectified-group"),
]


@pytest.mark.parametrize("text,expected", GROUP_STATUS_CASES)
def test_group_status(text, expected):
    assert [view(p, STATUS) for p in problems(text)] == expected


FIELDS = ("title", "description", "cause", "measures", "progress", "status", "status_text")

LABEL_CASES = [
    pytest.param(
        notice("1、针对理论学习不深入的问题。", "原因分析：思想认识不到位。", "整改情况：制定学习计划，开展专题研讨。",
               "整改结果：整改完成，长期推进。"),
        {"title": "理论学习不深入", "description": None, "cause": "思想认识不到位。",
         "measures": [("制定学习计划，开展专题研讨。", None)], "progress": [], "status": "completed",
         "status_text": "整改完成，长期推进。"},
        id="cause-measures-result"),
    pytest.param(
        notice("1、针对理论学习不深入的问题。", "整改情况：制定学习计划。", "整改情况：已完成"),
        {"title": "理论学习不深入", "description": None, "cause": None, "measures": [("制定学习计划。", None)],
         "progress": [], "status": "completed", "status_text": "已完成"},
        id="second-status-label-is-the-status-line"),
    pytest.param(
        notice("1.学习不深入。表现为学习流于形式。", "整改措施：加强学习。"),
        {"title": "学习不深入", "description": "表现为学习流于形式。", "cause": None,
         "measures": [("加强学习。", None)], "progress": [], "status": "unknown", "status_text": None},
        id="heading-rest-is-description-when-labelled"),
    pytest.param(
        notice("1.学习不深入。", "存在问题：学习流于形式。", "整改措施：加强学习。", "整改进展：已建立制度3项。"),
        {"title": "学习不深入", "description": "学习流于形式。", "cause": None, "measures": [("加强学习。", None)],
         "progress": [("已建立制度3项。", None)], "status": "unknown", "status_text": None},
        id="description-and-progress-labels"),
    pytest.param(
        notice("1.学习不深入。整改措施：加强学习。整改进展：已完成。"),
        {"title": "学习不深入", "description": None, "cause": None, "measures": [("加强学习。", None)],
         "progress": [], "status": "completed", "status_text": "已完成。"},
        id="inline-labels-in-the-heading"),
    pytest.param(
        notice("1.学习不深入。", "【整改措施】加强学习。", "【整改进展】已建立制度3项。"),
        {"title": "学习不深入", "description": None, "cause": None, "measures": [("加强学习。", None)],
         "progress": [("已建立制度3项。", None)], "status": "unknown", "status_text": None},
        id="bracketed-labels"),
    pytest.param(
        notice("1.学习不深入。", "整改措施和进展：制定学习计划，已完成整改。"),
        {"title": "学习不深入", "description": None, "cause": None,
         "measures": [("制定学习计划，已完成整改。", None)], "progress": [], "status": "completed",
         "status_text": "已完成整改"},
        id="combined-label-feeds-measures-and-a-phrase-gives-status"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：加强学习。", "整改进展：目前正在整改。"),
        {"title": "学习不深入", "description": None, "cause": None, "measures": [("加强学习。", None)],
         "progress": [], "status": "in_progress", "status_text": "目前正在整改。"},
        id="progress-naming-only-a-status-is-the-status-line"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：加强学习。", "整改进展：已组织专题学习4次，目前正在整改。"),
        {"title": "学习不深入", "description": None, "cause": None, "measures": [("加强学习。", None)],
         "progress": [("已组织专题学习4次，目前正在整改。", None)], "status": "in_progress", "status_text": "正在整改"},
        id="a-phrase-inside-progress-gives-status"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：加强学习。", "持续开展专题研讨。"),
        {"title": "学习不深入", "description": None, "cause": None,
         "measures": [("加强学习。", None), ("持续开展专题研讨。", None)], "progress": [], "status": "unknown",
         "status_text": None},
        id="unlabelled-body-continues-the-label-above"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：", "（1）制定学习计划。", "（2）开展专题研讨。"),
        {"title": "学习不深入", "description": None, "cause": None,
         "measures": [("（1）制定学习计划。", 1), ("（2）开展专题研讨。", 2)], "progress": [], "status": "unknown",
         "status_text": None},
        id="sub-points-after-a-label-are-measures-with-their-numbers"),
    pytest.param(
        notice("1.理论学习不深入。", "（1）制定学习计划。", "（2）开展专题研讨。"),
        {"title": "理论学习不深入", "description": None, "cause": None,
         "measures": [("（1）制定学习计划。", 1), ("（2）开展专题研讨。", 2)], "progress": [], "status": "unknown",
         "status_text": None},
        id="short-remedies-are-measures"),
    pytest.param(
        notice("问题1.针对学习不深入的问题。", "(1)对于学习计划，已经制定。", "(2)对于专题研讨，已经开展。"),
        {"title": "学习不深入", "description": None, "cause": None,
         "measures": [("(1)对于学习计划，已经制定。", 1), ("(2)对于专题研讨，已经开展。", 2)], "progress": [],
         "status": "unknown", "status_text": None},
        id="problem-marker-sub-points-are-measures"),
    pytest.param(
        notice("1.关于“学习教育”方面", "问题1：理论学习不深入。", "整改情况：制定学习计划。", "完成情况：已完成"),
        {"title": "理论学习不深入", "description": None, "cause": None, "measures": [("制定学习计划。", None)],
         "progress": [], "status": "completed", "status_text": "已完成"},
        id="problem-numbered-with-a-status-line"),
    pytest.param(
        notice("1.学习不深入。", "完成情况：已于2025年8月组织全体党员开展专题学习4次，撰写心得体会20篇，已全部完成整改。"),
        {"title": "学习不深入", "description": None, "cause": None, "measures": [],
         "progress": [("已于2025年8月组织全体党员开展专题学习4次，撰写心得体会20篇，已全部完成整改。", None)],
         "status": "completed", "status_text": "已全部完成整改"},
        id="a-long-completion-label-is-progress"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：加强学习。", "整改状态：阶段性完成"),
        {"title": "学习不深入", "description": None, "cause": None, "measures": [("加强学习。", None)],
         "progress": [], "status": "in_progress", "status_text": "阶段性完成"},
        id="staged-completion-is-in-progress"),
]


@pytest.mark.parametrize("text,expected", LABEL_CASES)
def test_labels_feed_fields(text, expected):
    (found,) = problems(text)
    assert view(found, FIELDS) == expected


#: the responsible leader or person (``责任领导``, ``牵头领导``, ``责任人``) is the problem's ``leader``, taken out of
#: its description; a responsible unit (``责任单位``, ``责任部门``) is not a person and stays in the description
LEADER_CASES = [
    pytest.param(
        notice("1.学习不深入。", "责任领导：张某某", "责任单位：办公室", "整改措施：加强学习。"),
        {"leader": "张某某", "description": "办公室", "measures": [("加强学习。", None)]},
        id="leader-line-beside-unit"),
    pytest.param(
        notice("1.学习不深入。责任人：李某。整改措施：加强学习。"),
        {"leader": "李某。", "description": None, "measures": [("加强学习。", None)]},
        id="inline-person-in-the-heading"),
    pytest.param(
        notice("1.学习不深入。", "牵头领导：王某", "责任人：赵某", "整改措施：加强学习。"),
        {"leader": "王某\n赵某", "description": None, "measures": [("加强学习。", None)]},
        id="leading-leader-and-person"),
    pytest.param(
        notice("1.学习不深入。", "责任部门：财务室", "整改措施：加强学习。"),
        {"leader": None, "description": "财务室", "measures": [("加强学习。", None)]},
        id="a-unit-is-no-leader"),
    pytest.param(
        notice("1.学习不深入。", "责任领导：张某某", "整改时限：2024年底前", "整改措施：加强学习。"),
        {"leader": "张某某", "description": "2024年底前", "measures": [("加强学习。", None)]},
        id="what-follows-the-leader-is-description-again"),
]


@pytest.mark.parametrize("text,expected", LEADER_CASES)
def test_leader(text, expected):
    (found,) = problems(text)
    assert view(found, ("leader", "description", "measures")) == expected
    span = found["leader_span"]
    if expected["leader"] is None:
        assert span is None
    else:
        first, *_, last = expected["leader"].split("\n") * 2
        assert text[span["start"]:span["end"]].startswith(first) and text[:span["end"]].endswith(last)


ORDINAL_CASES = [
    pytest.param(
        notice("1.进一步加强干部管理。一是建立制度；二是开展检查；三是严肃问责。"),
        "进一步加强干部管理", [("一是建立制度；", 1), ("二是开展检查；", 2), ("三是严肃问责。", 3)],
        id="named-by-its-remedy-measures-inline"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：一是建立制度；", "二是开展检查。"),
        "学习不深入", [("一是建立制度；", 1), ("二是开展检查。", 2)],
        id="a-run-goes-on-across-lines"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：统一是非标准，一是建立制度，三是开展检查。"),
        "学习不深入", [("统一是非标准，", None), ("一是建立制度，三是开展检查。", 1)],
        id="only-the-expected-ordinal-cuts"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：第一，建立制度；第二，开展检查。"),
        "学习不深入", [("第一，建立制度；", 1), ("第二，开展检查。", 2)],
        id="di-yi-ordinals"),
    pytest.param(
        notice("1.学习不深入。", "整改措施：一方面建立制度；另一方面开展检查。"),
        "学习不深入", [("一方面建立制度；", 1), ("另一方面开展检查。", 2)],
        id="one-side-other-side"),
]


@pytest.mark.parametrize("text,title,measures", ORDINAL_CASES)
def test_ordinals(text, title, measures):
    (found,) = problems(text)
    assert (found["title"], items(found["measures"])) == (title, measures)


FLAGS = ("long_term", "immediate")

#: ``long_term`` when the text says the work continues long-term; ``immediate`` for ``立行立改`` in the
#: title, a status, or opening a measure, not in the middle of one (problems._immediate)
FLAG_CASES = [
    pytest.param(notice("1.学习不深入。", "整改措施：加强学习。", "整改结果：整改完成，长期推进。"),
                 {"long_term": True, "immediate": False}, id="result-line-long-term"),
    pytest.param(notice("1.学习不深入（立行立改）。", "整改措施：加强学习。"),
                 {"long_term": False, "immediate": True}, id="immediate-in-title"),
    pytest.param(notice("1.学习不深入。", "整改措施：立行立改，追回资金。"),
                 {"long_term": False, "immediate": True}, id="immediate-opening-a-measure"),
    pytest.param(notice("1.学习不深入。", "整改措施：深挖病根、立行立改。"),
                 {"long_term": False, "immediate": False}, id="immediate-inside-a-measure-is-a-way-of-working"),
    pytest.param(notice("1.学习不深入。", "整改措施：加强学习。", "整改时限：长期坚持。"),
                 {"long_term": True, "immediate": False}, id="long-term-deadline"),
    pytest.param(notice("1.学习不深入。", "整改措施：加强学习。", "整改时限：立行立改。"),
                 {"long_term": False, "immediate": True}, id="immediate-deadline"),
]


@pytest.mark.parametrize("text,expected", FLAG_CASES)
def test_flags(text, expected):
    (found,) = problems(text)
    assert view(found, FLAGS) == expected


def test_progress_ordinals_count_apart_from_measures():
    text = notice("1.学习不深入。", "整改措施：一是建立制度；二是开展检查。", "整改进展：一是制度已印发；二是检查已完成。")
    (found,) = problems(text)
    assert items(found["progress"]) == [("一是制度已印发；", 1), ("二是检查已完成。", 2)]


# ---------------------------------------------------------------------------------------------------
# split_title and status_of, the two rules most fields go through
# ---------------------------------------------------------------------------------------------------

def _piece(text: str):
    (line,) = split_lines(Source(text))
    return line.piece


TITLE_CASES = [
    ("针对“理论学习不扎实”问题", "理论学习不扎实", ""),
    ("关于“监督管理不够有力”问题的整改", "监督管理不够有力", ""),
    ("针对意识形态工作重视不够的问题", "意识形态工作重视不够", ""),
    ("关于“党的建设”方面问题", "党的建设", ""),
    ("针对“理论学习不扎实”问题。一是制定计划。", "理论学习不扎实", "一是制定计划。"),
    ("关于“三会一课”制度落实不到位", "关于“三会一课”制度落实不到位", ""),
    ("“第一议题”制度执行不严格。已整改。", "“第一议题”制度执行不严格", "已整改。"),
    ("问题：学习不深入。", "学习不深入", ""),
    ("学习不深入。表现为流于形式。", "学习不深入", "表现为流于形式。"),
    ("学习贯彻习近平新时代中国特色社会主义思想不够深入系统，理论学习中心组学习流于形式，研讨交流不够充分。",
     "学习贯彻习近平新时代中国特色社会主义思想不够深入系统", "理论学习中心组学习流于形式，研讨交流不够充分。"),
]


@pytest.mark.parametrize("text,title,rest", TITLE_CASES)
def test_split_title(text, title, rest):
    got_title, got_rest = split_title(_piece(text))
    assert (got_title.text, got_rest.text) == (title, rest)


STATUS_OF_CASES = [
    ("整改完成，长期推进", "completed"),
    ("已完成", "completed"),
    ("已整改到位", "completed"),
    ("已销号", "completed"),
    ("已办结", "completed"),
    ("正在整改", "in_progress"),
    ("阶段性完成", "in_progress"),
    ("基本完成", "in_progress"),
    ("尚未完成", "in_progress"),
    ("长期坚持", "in_progress"),
    ("持续推进", "in_progress"),
    ("制定学习计划", None),
    ("已整改", "completed"),
    ("已整改隐患12处", None),  # a measure, not a status
]


@pytest.mark.parametrize("text,status", STATUS_OF_CASES)
def test_status_of(text, status):
    assert status_of(text) == status


@pytest.mark.parametrize("heading,title", [
    ("1.关于“三会一课”制度落实不到位的问题", "“三会一课”制度落实不到位"),
    ("1.关于“三会一课”制度落实不到位问题的整改", "“三会一课”制度落实不到位"),
    ("1.关于“理论学习不扎实”问题的整改", "理论学习不扎实"),
    ("1.针对“作风建设缺乏‘一抓到底’的韧劲”问题", "作风建设缺乏‘一抓到底’的韧劲"),
    ("1.“第一议题”制度执行不严格。2022年以来未执行。", "“第一议题”制度执行不严格"),
    ("1.“三重一大”问题。未集体决策。", "三重一大"),
    ("1.关于“政治建设”方面。存在问题。", "政治建设"),
    ("1.针对考勤管理方面的问题。", "考勤管理方面"),
])
def test_titles(heading, title):
    n = parse_text("一、整改落实情况\n" + heading + "\n整改措施：整改。\n")
    assert [p.title for p in n.problems] == [title]


def test_bare_problem_prefix_is_not_part_of_the_title():
    n = parse_text("一、整改落实情况\n1.问题：理论学习不深入。整改措施：制定计划。\n2.问题：会议记录不规范。整改措施：规范记录。\n")
    assert [p.title for p in n.problems] == ["理论学习不深入", "会议记录不规范"]
