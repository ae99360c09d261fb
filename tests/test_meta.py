"""fields/meta.py: the inspection read from the intro sentence (team, target, kind, period, feedback), the
declared counts, and a first-person target resolved through the issuer; fixture tables and small notices."""
import pytest
from truthcheck import date_str

from xuncha_parse import parse_text
from xuncha_parse.api import parse_to_dict

INTRO = ("根据市委统一部署，2024年3月1日至4月30日，市委第二巡察组对市文联党组开展了常规巡察。5月20日，"
         "市委第二巡察组向市文联党组反馈了巡察意见。现将巡察整改进展情况予以公布。")
TITLE = "中共某某市文联党组关于巡察整改进展情况的通报"
BODY = "一、整改工作基本情况\n党组高度重视。\n二、问题整改落实情况\n1.理论学习不深入。\n整改措施：制定学习计划。\n"

# intro sentence → body, target, kind, start, end, feedback (dates as YYYY-MM-DD)
INTROS = [
    ("根据市委统一部署，2025年4月21日至6月27日，市委第二巡察组对市政协机关党组开展了常规巡察。7月24日，市委第二巡察组向市政协机关党组反馈了巡察意见。",
     ("市委第二巡察组", "市政协机关党组", "常规巡察", "2025-04-21", "2025-06-27", "2025-07-24")),
    ("根据市委统一部署,2025年3月26日至6月26日,市委第一巡察组对市政协机关党组开展了常规巡察。8月13日,市委巡察组向市政协机关党组反馈了巡察意见。",
     ("市委第一巡察组", "市政协机关党组", "常规巡察", "2025-03-26", "2025-06-26", "2025-08-13")),
    ("根据市委统一部署，市委第一巡察组于2023年X月26日至X月9日对市委市级机关工委开展了巡察，并于X月27日进行了反馈。",
     ("市委第一巡察组", "市委市级机关工委", "巡察", "2023-??-26", "2023-??-09", "2023-??-27")),
    ("根据区委统一部署，2021年4月28日至2021年8月26日，区委第一巡察组对政协机关进行了巡察。2021年8月26日，区委巡察组向政协机关反馈了巡察意见。",
     ("区委第一巡察组", "政协机关", "巡察", "2021-04-28", "2021-08-26", "2021-08-26")),
    ("根据市委统一部署，2024年9月18日至12月20日，市委第二巡察组对市政协机关党组开展了巡察。2025年3月25日，市委第二巡察组向市政协机关党组反馈了巡察意见。",
     ("市委第二巡察组", "市政协机关党组", "巡察", "2024-09-18", "2024-12-20", "2025-03-25")),
    ("根据县委统一部署，2023年7月6日-9月6日，县委巡察二组对县自然资源局党组开展了专项巡察，11月3日反馈了巡察意见。",
     ("县委巡察二组", "县自然资源局党组", "专项巡察", "2023-07-06", "2023-09-06", "2023-11-03")),
    ("2024年11月20日至2025年1月15日，区委巡察二组对区卫健局党委进行了巡察，并于3月5日进行了反馈。",
     ("区委巡察二组", "区卫健局党委", "巡察", "2024-11-20", "2025-01-15", "2025-03-05")),
    ("2024年11月20日至1月15日，区委巡察二组对区卫健局党委进行了巡察。3月5日，区委巡察二组反馈了巡察意见。",
     ("区委巡察二组", "区卫健局党委", "巡察", "2024-11-20", "2025-01-15", "2025-03-05")),
    ("根据市委部署，市委第一专项巡察组于2024年8月下旬至10月下旬对市住建局党组开展了专项巡察。12月10日反馈了巡察意见。",
     ("市委第一专项巡察组", "市住建局党组", "专项巡察", "2024-08-??", "2024-10-??", "2024-12-10")),
    ("根据省委统一部署，省委第三巡视组于2023年4月10日至6月10日对我厅开展了常规巡视，8月18日反馈了巡视意见。",
     ("省委第三巡视组", "ISSUER", "常规巡视", "2023-04-10", "2023-06-10", "2023-08-18")),
    ("2024年3月1日，市委第四巡察组对我局开展了为期45天的巡察。5月8日，巡察组反馈了巡察意见。",
     ("市委第四巡察组", "ISSUER", "巡察", "2024-03-01", "2024-04-14", "2024-05-08")),
    ("2024年3月1日至4月30日，市委第二巡察组对中共某某市市场监督管理局党组（以下简称“局党组”）开展了常规巡察，6月3日反馈了意见。",
     ("市委第二巡察组", "中共某某市市场监督管理局党组", "常规巡察", "2024-03-01", "2024-04-30", "2024-06-03")),
    ("2024年3月1日至4月30日，市委第二巡察组对中共某某市委员会（市人民政府）办公室党组开展了提级巡察。5月20日反馈了巡察意见。",
     ("市委第二巡察组", "中共某某市委员会（市人民政府）办公室党组", "提级巡察", "2024-03-01", "2024-04-30", "2024-05-20")),
    ("根据市委统一部署，2025年4月21日至6月27日，八届市委第八轮巡察第二巡察组对市政协机关党组开展了常规巡察。7月24日，市委第二巡察组向市政协机关党组反馈了巡察意见。",
     ("市委第二巡察组", "市政协机关党组", "常规巡察", "2025-04-21", "2025-06-27", "2025-07-24")),
    ("2024年5月6日至6月28日，县委第一巡察组对县教育局党组开展了机动巡察。8月12日反馈巡察意见。2024年8月12日至11月12日，进行了三个月的集中整改。",
     ("县委第一巡察组", "县教育局党组", "机动巡察", "2024-05-06", "2024-06-28", "2024-08-12")),
    ("2023年10月9日至12月1日，区委第三巡察组对区民政局党组进行了常规巡察，并于2024年1月18日进行了反馈。",
     ("区委第三巡察组", "区民政局党组", "常规巡察", "2023-10-09", "2023-12-01", "2024-01-18")),
    ("2024年3月15日，市委第三巡察组对市档案馆党组开展了为期两个月的常规巡察。6月20日反馈了巡察意见。",
     ("市委第三巡察组", "市档案馆党组", "常规巡察", "2024-03-15", "2024-05-14", "2024-06-20")),
    ("根据县委统一部署，县委第一巡察组于2024年3月1日至4月30日进驻县教育局开展常规巡察，5月28日反馈了巡察意见。",
     ("县委第一巡察组", "县教育局", "常规巡察", "2024-03-01", "2024-04-30", "2024-05-28")),
    ("根据市委统一部署，2023年X月X日至X月X日，市委第X巡察组对XX局党组开展了常规巡察。",
     ("市委第X巡察组", "XX局党组", "常规巡察", "2023-??-??", "2023-??-??", None)),
]

INTRO_TITLE = "中共某某市某局党组关于市委巡察整改进展情况的通报\n"


@pytest.mark.parametrize("intro,expected", INTROS)
def test_intro(intro, expected):
    notice = parse_text(INTRO_TITLE + intro + "\n一、整改情况\n1.问题。\n整改措施：整改。\n").model_dump(mode="json")
    ins = notice["inspection"]
    got = (ins["body"], ins["target"], ins["kind"], date_str(ins["start"]), date_str(ins["end"]), date_str(ins["feedback"]))
    want = tuple(notice["issuer"] if v == "ISSUER" else v for v in expected)
    assert got == want


def test_enough_cases():
    assert len(INTROS) >= 15


DECLARED = [
    ("针对巡察组反馈3大方面17个分项问题进行责任分解", {"categories": 3, "problems": 17}),
    ("对照区委第一巡察组反馈的3个方面17个问题", {"categories": 3, "problems": 17}),
    ("巡察反馈的25个具体问题，已完成的整改事项有8个，已取得明显成效的17个",
     {"problems": 25, "completed": 8, "in_progress": 17}),
    ("反馈的4个方面37个问题，已整改完成34个（含立行立改问题2个），阶段性完成整改3个",
     {"categories": 4, "problems": 37, "completed": 34, "in_progress": 3}),
    ("整改完成率76%", {"completion_rate": 0.76}),
    ("完成率达到92.5%", {"completion_rate": 0.925}),
    ("共反馈问题12个，已完成整改10项，正在整改2项", {"problems": 12, "completed": 10, "in_progress": 2}),
    ("巡察组反馈三个方面十二个问题", {"categories": 3, "problems": 12}),
    ("巡察整改工作取得阶段性成效", {}),
    ("反馈问题4类21个，已完成19个，持续推进2个，完成率90.5%",
     {"categories": 4, "problems": 21, "completed": 19, "in_progress": 2, "completion_rate": 0.905}),
    ("共梳理出问题清单21项，目前已完成整改18项，剩余3项正在推进", {"problems": 21, "completed": 18, "in_progress": 3}),
    ("巡察反馈的三个方面十五个问题，已完成整改十二个，正在整改三个",
     {"categories": 3, "problems": 15, "completed": 12, "in_progress": 3}),
    ("分三类开展整改", {}),
    ("对照巡察反馈的3个方面9个问题，9个问题已整改完成7个，2个正在持续推进",
     {"categories": 3, "problems": 9, "completed": 7, "in_progress": 2}),
    ("反馈的12个问题，已完成整改10个；2项仍在整改", {"problems": 12, "completed": 10, "in_progress": 2}),
    ("反馈的12个问题正在整改中", {"problems": 12}),    # the count before, but not opening a clause
]


@pytest.mark.parametrize("text,expected", DECLARED)
def test_declared(text, expected):
    from xuncha_parse.fields.declared import declared
    from xuncha_parse.layout.text import fold

    got = declared(fold(text))
    assert {k: v for k, v in got.items() if v is not None} == expected


def test_the_page_date_is_never_the_inspection_start():
    n = parse_to_dict(TITLE + "\n发文日期2024年06月27日\n根据市委统一部署，市委第二巡察组对市文联党组进行了巡察。\n" + BODY)
    assert n["inspection"]["start"] is None


def test_feedback_dated_in_the_sentence_that_names_the_inspection():
    """``…对省法院党组进行了巡视，2021年12月30日，…反馈了巡视意见``: that date is the feedback, not the start."""
    n = parse_to_dict(TITLE + "\n根据省委统一部署，省委第五巡视组对省法院党组进行了巡视，2021年12月30日，省委巡视组"
                              "向省法院党组反馈了巡视意见。\n" + BODY)
    ins = n["inspection"]
    assert (ins["start"], ins["feedback"]["iso"]) == (None, "2021-12-30")


def test_feedback_a_meeting_reviewed_is_not_the_feedback():
    """``…领导小组会议审议了反馈意见;6月26日,巡察组向…反馈了巡察意见``: the meeting's day is not the feedback's."""
    n = parse_to_dict(TITLE + "\n根据学校党委部署，2024年4月8日至5月10日，校党委第一巡察组对化学学院党委开展了巡察。6月18日，"
                              "校党委巡察工作领导小组会议审议了反馈意见；6月25日，巡察组向化学学院党委反馈了巡察意见。\n" + BODY)
    assert n["inspection"]["feedback"]["iso"] == "2024-06-25"


@pytest.mark.parametrize("issuer,first_person,target", [
    ("中共廊坊市委", "我市", "廊坊市"),
    ("中共某某县委", "我县", "某某县"),
    ("中共某某市某某区委", "我区", "某某市某某区"),
    ("中共某某市文联党组", "我会", "中共某某市文联党组"),
])
def test_first_person_target_resolved_through_the_issuer(issuer, first_person, target):
    text = f"{issuer}关于巡察整改进展情况的通报\n根据部署，2024年3月1日至4月30日，省委第九巡视组对{first_person}进行了巡视。\n"
    assert parse_to_dict(text + BODY)["inspection"]["target"] == target


@pytest.mark.parametrize("summary,completed,in_progress", [
    ("截至目前，巡察反馈问题120个，完成整改112个，基本完成6个，未完成2个，总体完成率93.3%。", 112, 8),
    ("巡察反馈的697个问题，完成整改688个，基本完成取得阶段性成果并持续整改问题4个，未完成5个。", 688, 9),
    ("巡察反馈的25个问题，已完成整改19个、正在整改6个，整改完成率76%。", 19, 6),
    ("反馈问题12个，已整改完成10个，阶段性完成整改2个。", 10, 2),
])
def test_round_summary_counts(summary, completed, in_progress):
    n = parse_to_dict(TITLE + "\n" + INTRO + "\n一、整改工作基本情况\n" + summary + "\n二、问题整改落实情况\n1.理论学习不深入。\n")
    assert (n["declared"]["completed"], n["declared"]["in_progress"]) == (completed, in_progress)


@pytest.mark.parametrize("summary,categories,problems", [
    ("巡察反馈的3个方面6项共11个问题，已全部完成整改。", 3, 11),
    ("稳步推进31个省委巡视反馈问题以及历次督查发现问题的整改。", None, 31),
    ("针对巡察组反馈3大方面17个分项问题，逐项整改。", 3, 17),
    ("巡察反馈的25个具体问题，已完成19个。", None, 25),
])
def test_declared_problem_counts(summary, categories, problems):
    n = parse_to_dict(TITLE + "\n" + INTRO + "\n一、整改工作基本情况\n" + summary + "\n二、问题整改落实情况\n1.理论学习不深入。\n")
    assert (n["declared"]["categories"], n["declared"]["problems"]) == (categories, problems)
