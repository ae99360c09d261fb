"""Problem lists on the long tail (issue 21), one fixture table per shape: lists with no heading above them,
problems named on lines of their own, categories without markers, pages fused onto one line.  Every line
here was written for this file; the shapes are the ones docs/NOTICES.md names."""
from __future__ import annotations

import pytest

from xuncha_parse.api import parse_to_dict

TITLE = "中共宁川县水利局党组关于巡察整改进展情况的通报\n"
INTRO = ("根据县委统一部署，2024年3月1日至4月30日，县委第二巡察组对县水利局党组开展了常规巡察，"
         "6月5日反馈了巡察意见。现将整改进展情况通报如下。\n")


def _titles(text: str) -> list[str | None]:
    return [p["title"] for p in parse_to_dict(text)["problems"]]


#: problems stated under the word 问题 with no heading anywhere above them → what stands between the intro
#: and the list
UNHEADED = {
    "right after the intro": "",
    "after a paragraph on the work": "局党组召开专题会议研究整改，逐条制定措施。\n",
    "without a title": None,
}


@pytest.mark.parametrize("name", sorted(UNHEADED))
def test_problems_under_the_word_problem_with_no_heading(name):
    between = UNHEADED[name]
    head = INTRO if between is None else TITLE + INTRO + between
    body = ("问题:河道巡查记录不全。\n整改:建立巡河日志,每周抽查一次。\n"
            "问题:工程资料归档滞后。\n整改:专人清理归档,补齐资料42卷。\n"
            "局党组将持续巩固整改成果，欢迎广大干部群众监督。\n")
    problems = parse_to_dict(head + body)["problems"]
    assert [(p["number"], p["title"], p["category"]) for p in problems] == [
        (None, "河道巡查记录不全", None), (None, "工程资料归档滞后", None)]
    assert [[m["text"] for m in p["measures"]] for p in problems] == [
        ["建立巡河日志,每周抽查一次。"], ["专人清理归档,补齐资料42卷。"]]


#: a numbered group over unnumbered lines that each name a problem (``针对“…”的问题`` / ``整改进展情况:``) →
#: the problems: two or more such lines are the problems; one alone names the group's problem again
NAMED_LINES = {
    "two lines under each group": (
        "1.关于“河湖管护不到位”的问题\n针对“河道保洁外包监管缺位”的问题\n整改进展情况:\n一是修订考核办法;二是每月抽查。\n"
        "针对“堤防巡查记录不实”的问题\n整改进展情况:\n一是启用巡查打卡。\n"
        "2.关于“资金管理不规范”的问题\n针对“项目资金拨付滞后”的问题\n整改进展情况:\n已拨付到位。\n"
        "针对“报销票据审核不严”的问题\n整改进展情况:\n实行双人审核。\n",
        ["河道保洁外包监管缺位", "堤防巡查记录不实", "项目资金拨付滞后", "报销票据审核不严"]),
    "one line under its group": (
        "1.关于“河湖管护不到位”的问题。\n针对“河道保洁外包监管缺位”的问题\n整改进展情况:\n一是修订考核办法。\n",
        ["河湖管护不到位"]),
}


@pytest.mark.parametrize("name", sorted(NAMED_LINES))
def test_problems_named_on_lines_of_their_own(name):
    body, titles = NAMED_LINES[name]
    text = TITLE + INTRO + "一、反馈问题整改情况\n(一)河湖管理方面\n" + body
    problems = parse_to_dict(text)["problems"]
    assert [p["title"] for p in problems] == titles
    assert {p["category"] for p in problems} == {"河湖管理方面"}


#: the last heading of a truncated text with one cut line below it → whether it is a problem: a status group
#: whose items were cut off after its lead sentence is none; a problem whose measure was cut stays one
CUT_AT_THE_END = {
    "a status group with a cut lead sentence": ("(二)已整改完成的问题\n对反馈指出的9个具体问题,局党组坚持即知即改、立", False),
    "a group still under way with a cut lead": ("(二)正在推进的整改事项\n对需要长期坚持的3个问题,局党组逐", False),
    "a problem with a cut measure": ("(二)工程资料归档滞后\n整改情况:专人清理归档,补齐资", True),
}


@pytest.mark.parametrize("name", sorted(CUT_AT_THE_END))
def test_a_group_cut_after_its_lead_sentence(name):
    tail, is_problem = CUT_AT_THE_END[name]
    text = TITLE + INTRO + "一、整改落实情况\n(一)河道巡查记录不全\n整改情况:建立巡河日志。\n" + tail + "\n"
    assert _titles(text) == ["河道巡查记录不全"] + (["工程资料归档滞后"] if is_problem else [])


def test_long_paragraphs_one_a_line_are_not_a_wrapped_text():
    """A short page of long paragraphs of different lengths, most ending a sentence, is not a PDF copy whose
    full lines continue one another: the last paragraph (cut) stays its own problem."""
    text = (INTRO + "(一)在河湖管护责任落实有差距方面\n"
            "河道保洁外包监管缺位。2024年7月,局党组专题研究河道保洁工作,修订外包考核办法,对三家保洁公司逐月考核打分,"
            "考核结果与服务费用挂钩,两家公司被扣减费用。\n"
            "(二)在工程建设管理方面\n"
            "工程资料归档滞后。2024年8月,抽调专人对近三年的工程资料进行清理,补齐缺失的验收资料42卷,建立电子档案,"
            "实行资料随工程进度同步归档,每季度检查一次。\n"
            "项目资金拨付审核不严。2024年9月,修订项目资金管理办法,实行拨付前双人审核,对近两年的拨付凭证逐笔复核,"
            "发现问题凭证6笔并已全部")
    assert _titles(text) == ["河道保洁外包监管缺位", "工程资料归档滞后", "项目资金拨付审核不严"]


#: categories on lines of their own with no marker (``关于…方面``) → the wrapper above them and the problems under
#: them: unnumbered problem lines with labels, or numbered problems
BARE_CATEGORIES = {
    "unnumbered problems, no wrapper": (
        "", "关于河湖管理方面\n河道巡查记录不全。\n整改情况:建立巡河日志。\n关于工程建设方面\n工程资料归档滞后。\n"
        "整改情况:补齐资料42卷。\n项目资金拨付审核不严。\n整改情况:实行双人审核。\n"),
    "numbered problems under a wrapper": (
        "一、整改落实情况\n", "在河湖管理方面存在的问题\n1.河道巡查记录不全。\n整改情况:建立巡河日志。\n"
        "在工程建设方面存在的问题\n1.工程资料归档滞后。\n整改情况:补齐资料42卷。\n2.项目资金拨付审核不严。\n"
        "整改情况:实行双人审核。\n"),
}
BARE_WANT = {"unnumbered problems, no wrapper": [("关于河湖管理方面", "河道巡查记录不全"), ("关于工程建设方面", "工程资料归档滞后"),
                                                 ("关于工程建设方面", "项目资金拨付审核不严")],
             "numbered problems under a wrapper": [("在河湖管理方面存在的问题", "河道巡查记录不全"),
                                                   ("在工程建设方面存在的问题", "工程资料归档滞后"),
                                                   ("在工程建设方面存在的问题", "项目资金拨付审核不严")]}


@pytest.mark.parametrize("name", sorted(BARE_CATEGORIES))
def test_categories_without_markers(name):
    wrapper, body = BARE_CATEGORIES[name]
    problems = parse_to_dict(TITLE + INTRO + wrapper + body + "欢迎广大干部群众监督。\n")["problems"]
    assert [(p["category"], p["title"]) for p in problems] == BARE_WANT[name]


@pytest.mark.parametrize("line", ["关于党的领导方面,局党组召开专题会议。", "在巡察整改方面我们做了大量工作,取得了成效"])
def test_a_sentence_about_an_aspect_is_no_category(line):
    text = TITLE + INTRO + "一、整改落实情况\n1.河道巡查记录不全。\n整改情况:建立巡河日志。\n" + line + "\n"
    assert [(p["category"], p["title"]) for p in parse_to_dict(text)["problems"]] == [(None, "河道巡查记录不全")]


#: a page whose sections run together on one line → (title, problems): headings after a sentence's end, or
#: paragraphs set apart by single spaces
FUSED = {
    "headings after a sentence's end": (
        TITLE + "\n" + INTRO.rstrip("\n") + "一、整改组织情况。局党组书记负总责,班子成员分领问题,办公室每月通报进度。"
        "二、问题整改情况。1.河道巡查记录不全。整改情况:建立巡河日志,每周抽查一次,已抽查河段12段。"
        "2.工程资料归档滞后。整改情况:专人清理归档,补齐资料42卷。3.项目资金拨付审核不严。整改情况:\n",
        "中共宁川县水利局党组关于巡察整改进展情况的通报",
        ["河道巡查记录不全", "工程资料归档滞后", "项目资金拨付审核不严"]),
    "paragraphs set apart by spaces": (
        "本网讯 中共宁川县水利局党组关于巡察整改进展情况的通报 " + INTRO.rstrip("\n") + " 一、整改工作总体情况 "
        "局党组召开专题会议,逐条制定措施,明确责任领导和完成时限。 二、整改进展情况 (一)已完成的整改事项 "
        "1.关于“河道巡查记录不全”问题的整改。开展“巡河护河 人人有责”活动。 2.关于“堤防“四乱”清理不彻底”问题的整改。清理点位9处。 "
        "(二)正在推进的整改事项 1.关于“工程资料归档滞后”问题的整改。已补齐资料42卷。\n",
        "中共宁川县水利局党组关于巡察整改进展情况的通报",
        ["河道巡查记录不全", "堤防“四乱”清理不彻底", "工程资料归档滞后"]),
}


@pytest.mark.parametrize("name", sorted(FUSED))
def test_a_page_whose_sections_run_together(name):
    text, title, titles = FUSED[name]
    notice = parse_to_dict(text)
    assert notice["title"] == title
    assert [p["title"] for p in notice["problems"]] == titles
    assert notice["inspection"]["start"]["iso"] == "2024-03-01"
    for p in notice["problems"]:  # spans still slice the source
        assert p["title"] in text[p["span"]["start"]:p["span"]["end"]]
    assert all("“" not in m["text"] or "”" in m["text"] for p in notice["problems"] for m in p["measures"])


def test_measures_counted_off_after_a_label_stay_in_their_paragraph():
    """A long paragraph that counts off measures after a label's colon is not a fused page: only a second
    first-level heading inside a line makes one."""
    text = (TITLE + INTRO + "一、整改落实情况\n1.河道巡查记录不全。\n整改情况:1.建立巡河日志,每周抽查一次,已抽查河段12段,"
            "发现问题7个并全部整改;2.开展堤防隐患排查,共排查堤段46公里,整治隐患点位9处,完成率百分之百;3.将巡查"
            "结果纳入河长制考核,对巡查不到位的2名河道管理员进行了约谈,并在全局通报。\n"
            "2.工程资料归档滞后。\n整改情况:补齐资料42卷。\n")
    problems = parse_to_dict(text)["problems"]
    assert [p["title"] for p in problems] == ["河道巡查记录不全", "工程资料归档滞后"]
    assert len(problems[0]["measures"]) == 3


def test_a_name_that_quotes_a_word_in_the_same_marks():
    text = TITLE + INTRO + "一、整改落实情况\n1.关于“支部书记“双带头人”比例偏低”问题的整改。调整支部书记5名。\n"
    assert _titles(text) == ["支部书记“双带头人”比例偏低"]


#: the headings a text opens with, no text between them → whether they are a table of contents (furniture): only
#: when the first of them stands again, in full, further down
CONTENTS = {
    "repeated in full below": ("一、强化组织领导\n二、压实整改责任\n三、聚焦反馈问题\n(一)河湖管理方面(2个问题)\n",
                               "一、强化组织领导,扛起整改责任\n局党组召开专题会议5次。\n", True),
    "not repeated": ("一、强化组织领导\n二、压实整改责任\n三、聚焦反馈问题\n", "一、整改落实情况\n", False),
    "two headings only": ("一、强化组织领导\n二、压实整改责任\n", "一、强化组织领导,扛起整改责任\n局党组召开专题会议5次。\n", False),
}


@pytest.mark.parametrize("name", sorted(CONTENTS))
def test_a_table_of_contents_above_the_title(name):
    contents, below, furniture = CONTENTS[name]
    text = contents + TITLE + INTRO + below + "二、整改落实情况\n1.河道巡查记录不全。\n整改情况:建立巡河日志。\n"
    notice = parse_to_dict(text)
    assert (notice["title"] == TITLE.strip()) == furniture
    if furniture:
        assert notice["inspection"]["start"]["iso"] == "2024-03-01"
        assert [p["title"] for p in notice["problems"]] == ["河道巡查记录不全"]


def test_a_page_on_one_line_with_numbered_headings_after_spaces():
    """No first-level heading, paragraphs joined by single spaces: two numbered headings each after a space make
    the line a fused page, cut back into the title, the intro, the count, each problem and the closing."""
    text = (TITLE.strip() + " " + INTRO.strip() + " 巡察组反馈问题3个,已整改到位2个,1个正在整改。 1.河道巡查记录不全。"
            "整改情况:建立巡河日志,每周抽查一次。 2.工程资料归档滞后。整改情况:专人清理归档,补齐资料42卷。 "
            "欢迎广大干部群众对整改落实情况进行监督。联系电话:0736-5521309。\n")
    notice = parse_to_dict(text)
    assert notice["title"] == TITLE.strip()
    assert notice["inspection"]["start"]["iso"] == "2024-03-01"
    assert [(p["marker"], p["title"]) for p in notice["problems"]] == [("1.", "河道巡查记录不全"), ("2.", "工程资料归档滞后")]
    assert [m["text"] for m in notice["problems"][1]["measures"]] == ["专人清理归档,补齐资料42卷。"]


#: problems numbered at the top with no wrapper, their labels inline after the problem's sentence, one naming an
#: earlier rectification in its own words (``…问题整改不彻底``) or none: every one of them is a problem
INLINE_LABELLED = {
    "labels inline": ("1.上轮巡察指出的食堂采购问题整改不彻底。整改情况:重新招标。\n2.档案管理滞后。整改情况:补录档案120卷。\n"
                      "3.党员教育管理松散。整改情况:恢复主题党日。\n",
                      ["上轮巡察指出的食堂采购问题整改不彻底", "档案管理滞后", "党员教育管理松散"]),
    "问题 and 整改 after the number": ("1.问题:河道保洁监管不严。整改:修订考核办法。\n2.问题:堤防巡查记录不实。整改:启用巡查打卡。\n",
                                   ["河道保洁监管不严", "堤防巡查记录不实"]),
    "(1) at the top": ("(1)河道保洁监管不严。整改情况:修订考核办法。\n(2)堤防巡查记录不实。整改情况:启用巡查打卡。\n",
                       ["河道保洁监管不严", "堤防巡查记录不实"]),
    "(一) after an overview counting off 一是": (
        "局党组把整改与河长制一体推进:一是成立整改领导小组;二是建立整改台账。\n"
        "(一)河道保洁监管不严。整改情况:修订考核办法。\n(二)堤防巡查记录不实。整改情况:启用巡查打卡。\n",
        ["河道保洁监管不严", "堤防巡查记录不实"]),
    "traditional 問題N with a 完成情況 on the same line": (
        "局黨組逐項制定整改措施。\n問題1:河道保潔監管不嚴。整改情況:修訂考核辦法。完成情況:已完成。\n問題2:堤防巡查記錄不實。整改情況:啟用巡查打卡。完成情況:正在推進。\n",
        ["河道保潔監管不嚴", "堤防巡查記錄不實"]),
    "labels inline, no section's words": ("1.档案管理滞后。整改情况:补录档案120卷。\n2.党员教育管理松散。整改情况:恢复主题党日。\n",
                                          ["档案管理滞后", "党员教育管理松散"]),
}


@pytest.mark.parametrize("name", sorted(INLINE_LABELLED))
def test_labelled_problems_at_the_top_with_labels_inline(name):
    body, titles = INLINE_LABELLED[name]
    assert _titles(TITLE + INTRO + body + "欢迎广大干部群众监督。\n") == titles


#: problem shapes of the long tail (docs/NOTICES.md), each a body after the title and intro → the problem titles
SHAPES = {
    "one label for the measures and what they achieved": (
        "一、关于“河道保洁外包监管缺位,保洁质量不达标”问题\n整改措施及成效:修订考核办法,扣减保洁费3.2万元。\n"
        "二、关于“堤防巡查记录不实”问题\n整改措施及成效:启用巡查打卡,每周通报一次。\n",
        ["河道保洁外包监管缺位,保洁质量不达标", "堤防巡查记录不实"]),
    "a quoted name under a wrapper, numbered remedies below it": (
        "一、整改工作总体情况\n局党组成立整改领导小组。\n二、巡察反馈问题的整改落实情况\n"
        "(一)关于“河湖管护责任落实不够”问题的整改情况\n1.修订河长巡河办法,明确巡河频次。\n2.聘请民间河长12名。\n"
        "(二)关于“项目资金拨付滞后”问题的整改情况\n1.建立资金拨付台账。\n2.已拨付滞留资金86万元。\n",
        ["河湖管护责任落实不够", "项目资金拨付滞后"]),
    "a quoted name over problems named again below it": (
        "二、整改落实情况\n(一)关于“河湖管护不到位”问题的整改\n(1)关于“河道保洁外包监管缺位”\n整改情况:修订考核办法。\n"
        "(2)关于“堤防巡查记录不实”\n整改情况:启用巡查打卡。\n",
        ["河道保洁外包监管缺位", "堤防巡查记录不实"]),
    "problems named at the top with no quotes, measures counted off below": (
        "一、关于河湖长制落实不到位的问题\n一是修订河长巡河办法;\n二是每月通报巡河情况。\n"
        "二、关于项目资金管理不规范的问题\n一是建立资金拨付台账;\n二是开展专项审计。\n",
        ["河湖长制落实不到位", "项目资金管理不规范"]),
    "unnumbered paragraphs naming their problems": (
        "关于河道保洁外包监管缺位的问题。局党组修订考核办法,扣减保洁费3.2万元。\n"
        "关于“河长制”巡河记录不实的问题。启用巡查打卡,每周通报一次。\n",
        ["河道保洁外包监管缺位", "“河长制”巡河记录不实"]),
    "paragraphs counted off by ordinals, each opening with its problem": (
        "反馈的问题共3个,目前已全部整改完毕。\n一是河道保洁监管不严。局党组修订考核办法,扣减保洁费3.2万元。\n"
        "二是堤防巡查记录不实。启用巡查打卡,每周通报一次。\n三是工程资料归档滞后。专人清理归档,补齐资料42卷。\n",
        ["河道保洁监管不严", "堤防巡查记录不实", "工程资料归档滞后"]),
    "problems named by their remedy at the top, measures inline": (
        "1.进一步规范河道保洁外包管理。一是修订考核办法;二是扣减保洁费3.2万元。\n"
        "2.进一步落实堤防巡查制度。一是启用巡查打卡;二是每周通报一次。\n",
        ["进一步规范河道保洁外包管理", "进一步落实堤防巡查制度"]),
    "paragraphs naming their problems in quotes under categories": (
        "一、关于河湖管理方面\n针对“河道保洁外包监管缺位”的问题,修订考核办法,扣减保洁费3.2万元。\n"
        "针对“堤防巡查记录不实”的问题,启用巡查打卡。\n二、关于资金管理方面\n"
        "针对“项目资金拨付滞后”的问题,建立资金拨付台账。\n局党组将持续巩固整改成果。\n",
        ["河道保洁外包监管缺位", "堤防巡查记录不实", "项目资金拨付滞后"]),
    "an overview's numbered measures, the text cut before the problems": (
        "一、局党组履行整改主体责任情况\n(一)党组书记履行第一责任人责任情况\n党组书记亲自部署整改。\n"
        "1.压实责任抓部署。党组书记主持召开专题会议,逐条研究反馈意见。\n2.建立机制抓推进。细化整改措施46条,实行周调度。\n",
        []),
    "a site's comma damage at the end of each problem's sentence": (
        "一、整改落实情况\n1.河道保洁监管不严,,保洁质量不达标,。\n整改情况:修订考核办法,。\n"
        "2.堤防巡查记录不实,。\n整改情况:启用巡查打卡,。\n",
        ["河道保洁监管不严,,保洁质量不达标", "堤防巡查记录不实"]),
    "paragraphs naming their problems before a comma under categories": (
        "一、关于河湖管理方面\n针对河道保洁外包监管缺位的问题,修订考核办法,扣减保洁费3.2万元。\n"
        "针对堤防巡查记录不实的问题,启用巡查打卡。\n",
        ["河道保洁外包监管缺位", "堤防巡查记录不实"]),
    "a category named as a problem among problems named at the top": (
        "一、关于河湖管理方面的问题\n1.河道保洁监管不严。\n整改情况:修订考核办法。\n"
        "二、关于工程建设方面的问题\n1.工程资料归档滞后。\n整改情况:补齐资料42卷。\n",
        ["河道保洁监管不严", "工程资料归档滞后"]),
    "problems stated at the top with no label, what was done after them": (
        "(一)河道保洁监管不严。修订考核办法,扣减保洁费3.2万元。\n(二)堤防巡查记录不实。启用巡查打卡,每周通报一次。\n",
        ["河道保洁监管不严", "堤防巡查记录不实"]),
    "measures numbered at the top with no label": (
        "1.压实责任抓部署。党组书记主持召开专题会议。\n2.建立机制抓推进。细化整改措施46条,实行周调度。\n", []),
    "paragraphs counted off by 第一, 第二, each opening with its problem": (
        "第一,河道保洁监管不严。局党组修订考核办法。\n第二,堤防巡查记录不实。启用巡查打卡。\n",
        ["河道保洁监管不严", "堤防巡查记录不实"]),
    "problems named at the top, numbered remedies below them": (
        "一、关于河湖长制落实不到位的问题\n(一)修订河长巡河办法。\n(二)每月通报巡河情况。\n"
        "二、关于“项目资金管理不规范”的问题\n(一)建立资金拨付台账。\n(二)开展专项审计。\n",
        ["河湖长制落实不到位", "项目资金管理不规范"]),
    "a group named as a problem over problems with labels": (
        "二、整改落实情况\n(一)关于落实主体责任不到位的问题\n1.党组会议研究整改不经常。\n整改情况:每月专题研究。\n"
        "2.班子成员领题整改不够。\n整改情况:逐人领题。\n",
        ["党组会议研究整改不经常", "班子成员领题整改不够"]),
    "paragraphs counted off by ordinals, shortcomings of disorder and of too little": (
        "一是河道保洁台账管理混乱。局党组重建台账,逐月核对。\n二是河长巡河作用发挥不充分。启用巡查打卡。\n"
        "三是堤防巡查记录不实。每周通报一次。\n",
        ["河道保洁台账管理混乱", "河长巡河作用发挥不充分", "堤防巡查记录不实"]),
    "problems stated at the top by circled numbers, omissions with 未": (
        "①河道保洁验收未召开专题会议。已补开会议并签字确认。\n②堤防巡查经费长期未拨付。已拨付经费8.6万元。\n"
        "③工程资料归档滞后。已补齐资料42卷。\n",
        ["河道保洁验收未召开专题会议", "堤防巡查经费长期未拨付", "工程资料归档滞后"]),
    "next steps numbered in the list's style after its last problem": (
        "二、具体问题整改情况\n(一)河湖管理方面\n1.河道保洁监管不严。\n整改措施:修订考核办法。\n"
        "(二)工程管理方面\n1.堤防巡查记录不实。\n整改措施:启用巡查打卡。\n3、下一步打算\n局党组将持续巩固整改成果。\n",
        ["河道保洁监管不严", "堤防巡查记录不实"]),
    "categories over a problem alone on its line, what was done in a paragraph after it": (
        "一、河湖管理方面\n河道保洁外包合同长期未按规定审查。\n已修订考核办法,扣减保洁费3.2万元,合同全部重新审查。\n"
        "二、工程管理方面\n堤防巡查记录不实,个别记录事后补填。\n已启用巡查打卡,每周通报一次。\n",
        ["河道保洁外包合同长期未按规定审查", "堤防巡查记录不实,个别记录事后补填"]),
    "paragraphs counted off by ordinals, each a measure": (
        "局党组把整改作为政治任务。\n一是提高思想认识。召开专题会议部署整改。\n二是压实工作责任。班子成员分别领题。\n",
        []),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_problem_shapes_of_the_long_tail(name):
    body, titles = SHAPES[name]
    assert _titles(TITLE + INTRO + body + "欢迎广大干部群众对整改落实情况进行监督。\n") == titles


def test_a_page_that_renders_its_text_twice_with_a_bar_after_each_line():
    """A table cell rendered twice: every line ends in `` |``, the whole text comes again → read once, no bar."""
    text = (TITLE.strip() + " |\n" + INTRO.strip() + " |\n1、河道保洁监管不严。整改情况:修订考核办法。 |\n"
            "2、堤防巡查记录不实。整改情况:启用巡查打卡。 |\n")
    notice = parse_to_dict(text + text)
    assert notice["title"] == TITLE.strip()
    assert [p["title"] for p in notice["problems"]] == ["河道保洁监管不严", "堤防巡查记录不实"]
    assert notice["problems"][1]["measures"][0]["text"] == "启用巡查打卡。"


#: a text whose opening lines come again further down → whether the second run is a copy: only when it repeats
#: the opening one for one to the end of the text
REPEAT_BODY = "1、河道保洁监管不严。整改情况:修订考核办法。\n2、堤防巡查记录不实。整改情况:启用巡查打卡。\n"
REPEATS = {
    "the whole text again": (TITLE + INTRO + REPEAT_BODY, ["河道保洁监管不严", "堤防巡查记录不实"]),
    "the text again, cut in its last line": (TITLE + INTRO + REPEAT_BODY[:-12] + "\n", ["河道保洁监管不严", "堤防巡查记录不实"]),
    "the title and intro again, then new lines": (
        TITLE + INTRO + "3、工程资料归档滞后。整改情况:补齐资料42卷。\n",
        ["河道保洁监管不严", "堤防巡查记录不实", "工程资料归档滞后"]),
}


@pytest.mark.parametrize("name", sorted(REPEATS))
def test_only_a_true_copy_of_the_text_is_dropped(name):
    again, titles = REPEATS[name]
    assert _titles(TITLE + INTRO + REPEAT_BODY + again) == titles


#: the last line of a truncated text, a heading cut on a clause mark → the problems: a shortcoming stated before
#: the mark stays a problem as far as it goes; a remedy's stub does not (tests/test_longtail.py: ``2.弥补差距,``)
CUT_STATEMENTS = {
    "a stated shortcoming": ("2.专项资金拨付未经集体研究,,", ["河道保洁监管不严", "专项资金拨付未经集体研究"]),
    "a remedy's stub": ("2.健全资金管理制度,", ["河道保洁监管不严"]),
}


@pytest.mark.parametrize("name", sorted(CUT_STATEMENTS))
def test_a_statement_cut_after_its_clause_at_the_end(name):
    line, titles = CUT_STATEMENTS[name]
    notice = parse_to_dict(TITLE + INTRO + "一、整改落实情况\n1.河道保洁监管不严。\n整改情况:修订考核办法。\n" + line + "\n")
    assert [p["title"] for p in notice["problems"]] == titles
    assert "truncated" in {d["code"] for d in notice["diagnostics"]}


#: the opening line of a page whose title is glued to the intro by a space → (title, start)
GLUED_TITLES = {
    "a title and the intro": (TITLE.strip() + " " + INTRO, (TITLE.strip(), "2024-03-01")),
    "an intro sentence that ends on 报告": ("局党组向县委作了书面报告 " + INTRO, (None, "2024-03-01")),
}


@pytest.mark.parametrize("name", sorted(GLUED_TITLES))
def test_a_title_glued_to_the_intro(name):
    line, (title, start) = GLUED_TITLES[name]
    notice = parse_to_dict(line + "一、整改落实情况\n1.河道保洁监管不严。\n整改情况:修订考核办法。\n")
    assert (notice["title"], notice["inspection"]["start"]["iso"]) == (title, start)
    assert [p["title"] for p in notice["problems"]] == ["河道保洁监管不严"]


#: a title glued to the first heading of its contents on a document site's page → the title and the issuer it names
#: (before 关于, or a party body before 落实 in a plan's title)
TOC_TITLES = {
    "a plan's title": ("中共宁川县水利局党组落实县委第二巡察组反馈意见整改工作方案一、总体要求\n",
                       ("中共宁川县水利局党组落实县委第二巡察组反馈意见整改工作方案", "中共宁川县水利局党组")),
    "a notice's title": (TITLE.strip() + "一、整改工作总体情况\n", (TITLE.strip(), "中共宁川县水利局党组")),
}


@pytest.mark.parametrize("name", sorted(TOC_TITLES))
def test_a_title_glued_to_its_first_heading(name):
    line, want = TOC_TITLES[name]
    notice = parse_to_dict("文档简介\n" + line + "1.1指导思想\n二、整改任务\n2.1河道保洁监管不严的问题\n")
    assert (notice["title"], notice["issuer"]) == want
