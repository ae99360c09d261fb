"""Text copied from government pages (NOTICES.md, "Noise to expect"): each rule on a small notice."""
import pytest

from xuncha_parse.api import parse_to_dict

INTRO = ("根据市委统一部署，2024年3月1日至4月30日，市委第二巡察组对市文联党组开展了常规巡察。5月20日，"
         "市委第二巡察组向市文联党组反馈了巡察意见。现将巡察整改进展情况予以公布。")
TITLE = "中共某某市文联党组关于巡察整改进展情况的通报"
BODY = "一、整改工作基本情况\n党组高度重视。\n二、问题整改落实情况\n1.理论学习不深入。\n整改措施：制定学习计划。\n"


def notice(*head: str) -> dict:
    return parse_to_dict("\n".join(head) + "\n" + INTRO + "\n" + BODY)


def essentials(n: dict) -> tuple:
    ins = n["inspection"]
    dates = tuple(ins[k]["iso"] if ins[k] else None for k in ("start", "end", "feedback"))
    return n["title"], n["issuer"], ins["body"], ins["target"], dates


WANT = (TITLE, "中共某某市文联党组", "市委第二巡察组", "市文联党组", ("2024-03-01", "2024-04-30", "2024-05-20"))

FURNITURE = [
    pytest.param(["  • 信息索引号:", "    11330702/2024-001", "  • 文件名称:", "    " + TITLE, "  • " + TITLE],
                 id="bulleted-metadata-block-values-on-own-lines"),
    pytest.param(["当前位置: 首页 >> 本级巡察情况", "字体大小:", TITLE,
                  "发布时间: 2025-05-28   信息来源:市委巡察办   访问量:0   保护视力色:"], id="toolbar-and-info-line"),
    pytest.param(["发文机关某某市文联", "发文日期2024年06月27日", "时效性现行有效", TITLE], id="law-database-fields"),
    pytest.param([TITLE, "2024年06月27日 来源: 中共某某市委 作者: 字体:"], id="info-line-opening-with-its-date"),
    pytest.param([TITLE, "2024-06-27 08:57:04 来源:市文联 编辑:王某"], id="info-line-opening-with-date-and-time"),
    pytest.param(["页面: 【大 中 小】", "对比度: 【默认】", "朗读", "分享:", TITLE], id="accessibility-bar"),
    pytest.param([TITLE, "2024-06-27 来源:市文联", "", "中共某某市文联党组", "", "关于巡察整改进展情况的通报", ""],
                 id="whole-title-above-the-texts-own-split-copy"),
    pytest.param(["中共某某市文联党组关于巡察整改", "进展情况的通报", "2024-06-27 来源:市文联"], id="title-split-over-two-lines"),
    pytest.param([TITLE, TITLE], id="title-twice"),
]


@pytest.mark.parametrize("head", FURNITURE)
def test_title_and_inspection_below_page_furniture(head):
    assert essentials(notice(*head)) == WANT


def test_the_page_date_is_never_the_inspection_start():
    n = parse_to_dict(TITLE + "\n发文日期2024年06月27日\n根据市委统一部署，市委第二巡察组对市文联党组进行了巡察。\n" + BODY)
    assert n["inspection"]["start"] is None


def test_feedback_dated_in_the_sentence_that_names_the_inspection():
    """``…对省法院党组进行了巡视，2021年12月30日，…反馈了巡视意见``: that date is the feedback, not the start."""
    n = parse_to_dict(TITLE + "\n根据省委统一部署，省委第五巡视组对省法院党组进行了巡视，2021年12月30日，省委巡视组"
                              "向省法院党组反馈了巡视意见。\n" + BODY)
    ins = n["inspection"]
    assert (ins["start"], ins["feedback"]["iso"]) == (None, "2021-12-30")


@pytest.mark.parametrize("issuer,first_person,target", [
    ("中共廊坊市委", "我市", "廊坊市"),
    ("中共某某县委", "我县", "某某县"),
    ("中共某某市某某区委", "我区", "某某市某某区"),
    ("中共某某市文联党组", "我会", "中共某某市文联党组"),
])
def test_first_person_target_resolved_through_the_issuer(issuer, first_person, target):
    text = f"{issuer}关于巡察整改进展情况的通报\n根据部署，2024年3月1日至4月30日，省委第九巡视组对{first_person}进行了巡视。\n"
    assert parse_to_dict(text + BODY)["inspection"]["target"] == target


def test_traditional_script_repost_is_read_through_a_simplified_view():
    text = ("中共麗水市婦女聯合會黨組關於巡察整改進展情況的通報\n"
            "根據市委統一部署，2024年5月8日至5月24日，市委第二巡察組對市婦聯黨組進行了巡察。10月10日，"
            "巡察組向市婦聯黨(dǎng)組反饋了巡察意見。\n"
            "一、整改工作基本情況\n黨組高度重視。\n二、問題整改落實情況\n1.理論學習不深入。\n整改措施：制定學習計劃。\n")
    n = parse_to_dict(text)
    assert essentials(n) == ("中共麗水市婦女聯合會黨組關於巡察整改進展情況的通報", "中共麗水市婦女聯合會黨組",
                             "市委第二巡察組", "市婦聯黨組", ("2024-05-08", "2024-05-24", "2024-10-10"))
    assert [(p["title"], p["measures"][0]["text"]) for p in n["problems"]] == [("理論學習不深入", "制定學習計劃。")]


def test_only_traditional_text_is_converted():
    """A simplified notice holds none of the marks and keeps its folded view; a repost that holds one is
    read through simplified characters, one for one."""
    from xuncha_parse.layout.text import Source, fold

    plain = TITLE + INTRO + BODY
    assert Source(plain).view == fold(plain)
    assert Source("中共某某黨組關於").view == "中共某某党组关于"


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
