"""The document's kind (schema 1.2): a rectification notice or one of its neighbours, with the words that
decided; what a neighbour keeps (its period, its contacts) and never has (problems, a meeting's date)."""
from __future__ import annotations

import pytest

from xuncha_parse.api import parse_to_dict
from xuncha_parse.grammar import PINYIN_GLOSS

ANNOUNCEMENT = (
    "中共青禾县委第二巡察组巡察公告\n\n"
    "根据县委巡察工作安排，2025年3月10日至5月9日，县委第二巡察组对县农业农村局党组开展常规巡察。"
    "巡察期间主要受理反映县农业农村局党组领导班子及其成员问题的来信来电来访。\n"
    "值班电话：0736-5521309；电子邮箱：qhxcz2@163.com；邮政信箱：青禾县A001号信箱；邮政编码：415600。\n"
    "一、受理范围\n重点受理违反政治纪律等方面的举报。\n"
    "二、受理时间\n信访受理截止时间为2025年4月30日。\n\n"
    "县委第二巡察组\n2025年3月11日\n"
)
FEEDBACK = (
    "市委第三巡察组向市林业局党组反馈巡察情况\n"
    "6月11日，市委第三巡察组召开巡察市林业局党组反馈会。此前，2024年3月4日至5月6日，市委第三巡察组对"
    "市林业局党组开展了常规巡察。\n"
    "巡察组指出，局党组在落实责任方面存在差距：\n1.理论学习不够深入。\n2.项目资金监管不严。\n"
    "组长要求，局党组要认真抓好整改。\n"
)
MOBILISATION = (
    "区委第一巡察组进驻区教育局开展巡察\n"
    "2025年4月8日，区委第一巡察组巡察区教育局党组工作动员会召开，组长作动员讲话。\n"
    "巡察期间设值班电话：0571-6690128，电子邮箱：qjyxc1@126.com。\n"
)
PLAN = (
    "中共石岭镇委员会关于县委第四巡察组反馈意见的整改方案\n"
    "为抓好县委第四巡察组反馈意见的整改，特制定本方案。\n"
    "一、整改任务\n1.党建工作责任落实不到位。责任领导：镇党委书记。完成时限：2025年6月底前。\n"
)
SUMMARY = (
    "十一届区委第六轮巡察工作综述\n"
    "本轮巡察共对12个单位党组织开展了常规巡察，共发现问题316个，移交问题线索9件。\n"
    "一、主要做法\n1.坚持政治监督定位。\n"
)
OTHER = (
    "区司法局党组召开巡察整改专题民主生活会\n"
    "5月9日，区司法局党组召开巡察整改专题民主生活会，班子成员逐一作对照检查。\n"
)
RECTIFICATION = (
    "中共宁川县交通运输局党组关于巡察整改进展情况的通报\n"
    "根据县委统一部署，2024年3月1日至4月30日，县委第三巡察组对县交通运输局党组开展了常规巡察。"
    "5月20日，县委第三巡察组向县交通运输局党组反馈了巡察意见。现将巡察整改进展情况通报如下。\n"
    "一、整改落实情况\n1.安全生产责任落实不到位。\n整改措施：签订责任书。\n"
)
NO_TITLE_RECTIFICATION = (
    "根据市委统一部署，市委第二巡察组对市档案馆党支部开展了巡察，召开了巡察反馈会。"
    "现将巡察整改情况予以公布。\n一、整改落实情况\n1.档案管理不规范。\n整改措施：完善档案制度。\n"
)

#: text → (kind, the deciding words)
KINDS = {
    "announcement": (ANNOUNCEMENT, "announcement", "巡察公告"),
    "feedback news": (FEEDBACK, "feedback", "反馈巡察情况"),
    "mobilisation news, by its headline": (MOBILISATION, "mobilisation", "进驻区教育局开展"),
    "mobilisation news, by its lead": (MOBILISATION.split("\n", 1)[1], "mobilisation", "动员"),
    "plan": (PLAN, "plan", "整改方案"),
    "summary": (SUMMARY, "summary", "综述"),
    "other: a democratic life meeting": (OTHER, "other", "民主生活会"),
    "rectification by its title": (RECTIFICATION, "rectification", "整改进展情况的通报"),
    "rectification by its formula, over a meeting it mentions": (
        NO_TITLE_RECTIFICATION, "rectification", "现将巡察整改情况予以公布"),
    "a rectification title that names its feedback": (
        "关于巡察反馈意见整改落实情况的报告\n根据区委部署开展了巡察。\n", "rectification", "落实情况的报告"),
    "a rectification title ending in 公告": (
        "关于巡察整改情况的公告\n根据区委部署开展了巡察。\n", "rectification", "整改情况的公告"),
    "news of an entry without a meeting": (
        "县委巡察组完成进驻工作\n近日，县委第一巡察组已全部进驻被巡察单位。\n", "announcement", "完成进驻"),
    "news of an entry in the text": (
        "近日，县委第一巡察组已全部进驻被巡察单位，巡察期间设值班电话：0736-5521309。\n", "announcement",
        "巡察期间设值班电话"),
    "an entry's news without channels": ("近日，县委第一巡察组已全部进驻被巡察单位。\n", "announcement", "进驻"),
    "feedback news opening on the day": (
        "按照市委安排，11月8日，市委第五巡察组向市审计局党组反馈巡察情况。会上通报了巡察发现的问题。\n", "feedback", "反馈"),
    "feedback news told in paragraphs": (
        "2019年4月8日至5月10日，市委第二巡察组对区教育局党组开展了巡察。日前，巡察组反馈了巡察意见。\n"
        "反馈指出，区教育局党组存在43个具体问题。\n", "feedback", "反馈指出"),
    "a democratic life meeting opening on the day": (
        "12月18日，市文旅局党组召开巡察反馈问题整改专题民主生活会。\n", "other", "民主生活会"),
    "a round's report": ("关于X届区委第X轮巡察工作情况的综合报告\n根据区委部署，4个巡察组开展了常规巡察。本轮巡察贯彻动员部署会精神。\n",
                         "summary", "轮巡察工作情况的综合报告"),
    "a round's summary": ("全区已完成8轮巡察，共反馈问题412个，已整改385个。\n", "summary", "已完成8轮巡察"),
    "traditional script with pinyin debris": (
        "4月8日上午，縣委3個(gè)巡察組進(jìn)駐孟寨鎮(zhèn)，召開(kāi)巡察工作動(dòng)員會(huì)。\n", "mobilisation", "動員"),
}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_kind_and_evidence(name):
    text, kind, words = KINDS[name]
    notice = parse_to_dict(text)
    assert notice["kind"] == kind
    evidence = notice["kind_evidence"]
    assert evidence is not None and evidence["text"] == words
    span = evidence["span"]
    assert PINYIN_GLOSS.sub("", text[span["start"]:span["end"]]) == words  # a gloss is noise, as in every span


def test_a_text_that_says_nothing_of_inspection_is_other():
    notice = parse_to_dict("今天天气晴朗。\n")
    assert (notice["kind"], notice["kind_evidence"]) == ("other", None)


@pytest.mark.parametrize("name", [n for n in sorted(KINDS) if KINDS[n][1] != "rectification"])
def test_neighbours_have_no_problems_counts_or_feedback(name):
    notice = parse_to_dict(KINDS[name][0])
    assert notice["problems"] == []
    assert set(notice["declared"].values()) == {None}
    assert notice["inspection"]["feedback"] is None
    assert "no_problems_found" not in {d["code"] for d in notice["diagnostics"]}


def test_announcement_keeps_its_period_and_channels():
    notice = parse_to_dict(ANNOUNCEMENT)
    inspection = notice["inspection"]
    assert (inspection["start"]["iso"], inspection["end"]["iso"]) == ("2025-03-10", "2025-05-09")
    assert {(c["type"], c["value"]) for c in notice["contacts"]} == {
        ("phone", "0736-5521309"), ("email", "qhxcz2@163.com"), ("mailbox", "青禾县A001号信箱"),
        ("postcode", "415600")}


def test_meeting_news_takes_no_date_from_the_meeting():
    feedback = parse_to_dict(FEEDBACK)["inspection"]
    assert (feedback["start"]["iso"], feedback["end"]["iso"]) == ("2024-03-04", "2024-05-06")
    mobilisation = parse_to_dict(MOBILISATION)
    assert mobilisation["inspection"]["start"] is None and mobilisation["inspection"]["end"] is None
    assert {c["value"] for c in mobilisation["contacts"]} == {"0571-6690128", "qjyxc1@126.com"}


def test_a_rectification_notice_keeps_its_problems_and_dates():
    notice = parse_to_dict(RECTIFICATION)
    assert [p["title"] for p in notice["problems"]] == ["安全生产责任落实不到位"]
    assert notice["inspection"]["feedback"]["iso"] == "2024-05-20"


#: a news item's or a shared document's first line → its kind and title (the page's words around it dropped)
HEADLINES = {
    "a column label": ("【巡察动态】市委巡察工作领导小组听取第五轮巡察情况汇报\n11月5日上午，领导小组召开会议。\n",
                       "other", "市委巡察工作领导小组听取第五轮巡察情况汇报"),
    "a page caption": ("巡察反馈问题整改工作方案_第1页\n巡察反馈问题整改工作方案_第2页\n为抓好整改，特制定本方案。\n",
                       "plan", "巡察反馈问题整改工作方案"),
    "a feedback round": ("石桥区集中完成七届区委第四轮巡察反馈\n根据区委部署，各巡察组集中反馈了意见。\n",
                         "feedback", "石桥区集中完成七届区委第四轮巡察反馈"),
    "a table's bar above the title": ("|\n巡察公告\n根据县委部署，县委巡察组将进驻开展巡察。\n", "announcement", "巡察公告"),
}


@pytest.mark.parametrize("name", sorted(HEADLINES))
def test_headline_is_the_title(name):
    text, kind, title = HEADLINES[name]
    notice = parse_to_dict(text)
    assert (notice["kind"], notice["title"]) == (kind, title)
    span = notice["title_span"]
    assert text[span["start"]:span["end"]] == title


#: a neighbour's text → the inspection period it gives (start, end), never a meeting's date
NEIGHBOUR_PERIODS = {
    "a start and a duration": (
        "依照区委部署，2021年4月12日，区委第三巡察组进驻区政协机关党支部，开展为期50天的巡察。4月12日上午，巡察工作动员会召开。\n",
        ("2021-04-12", "2021-05-31")),
    "a range past a glued headline with a meeting in it": (
        "欢迎访问！市委第四巡察组巡察市医院党委情况反馈会议召开按照市委统一安排，市委第四巡察组于2023年4月10日至2023年6月30日"
        "对市医院党委开展了专项巡察。2023年11月14日上午，反馈会议召开。\n", ("2023-04-10", "2023-06-30")),
    "a start alone": ("巡察公告\n2022年4月6日起，县委第二巡察组对县财政局党组开展常规巡察。\n", ("2022-04-06", None)),
    "the one date of who inspected whom": (
        "七届市委第四轮巡察完成反馈\n按照市委部署，2023年4月10日，市委派出6个巡察组，对市教育局等10家单位党组织开展常规巡察。"
        "6月27日至30日，各巡察组集中反馈。\n", ("2023-04-10", None)),
    "a round's launch": ("按照县委部署，2023年4月10日，县委第四轮巡察正式启动。截至4月12日，县委3个巡察组已全部进驻到位。\n",
                         ("2023-04-10", None)),
    "a round's period in an announcement, its end after a comma": (
        "巡察公告\n根据县委统一安排,九届县委第三轮巡察于2025年3月10日开始,至5月9日结束。有关事项公告如下:\n"
        "一、巡察对象\n县委第一巡察组负责对县林业局开展常规巡察。\n", ("2025-03-10", "2025-05-09")),
    "only the meeting's day": ("5月9日，县委第二巡察组巡察县财政局党组工作动员会召开。\n", (None, None)),
    "a timetable of units, the year from the page's date line": (
        "宁州市委提级巡察进驻我县3个村\n来源:宁川日报\n时间:2022-08-30\n近日，宁州市委第一巡察组进驻我县3个村开展巡察。"
        "此次巡察时间安排:城东村8月29日~9月3日，城西村9月4日~9月9日，河口村9月10日~9月16日。\n", ("2022-08-29", "2022-09-16")),
    "who inspected whom from a day to a day, channels made public": (
        "按照区委部署，区委第二巡察组自2024年3月4日至4月26日，对区文联党组开展巡察，其间公布举报电话、电子邮箱。"
        "3月5日，巡察工作动员会召开。\n", ("2024-03-04", "2024-04-26")),
    "two inspections in one report, a doubled dash": (
        "县委督查组赴南坪镇督查巡察整改工作\n6月12日，县委督查组到南坪镇督查整改工作。2023年3月6日——2023年4月28日，县委第二巡察组对南坪镇党委开展了常规巡察。"
        "此外，2023年6月1日至6月30日，县委第五巡察组对该镇3个村开展了巡察“回头看”。\n", ("2023-03-06", "2023-04-28")),
}


@pytest.mark.parametrize("name", sorted(NEIGHBOUR_PERIODS))
def test_a_neighbours_period(name):
    text, (start, end) = NEIGHBOUR_PERIODS[name]
    inspection = parse_to_dict(text)["inspection"]
    assert parse_to_dict(text)["kind"] != "rectification"
    got = tuple(inspection[k]["iso"] if inspection[k] else None for k in ("start", "end"))
    assert got == (start, end) and inspection["feedback"] is None


#: neither a notice nor a named neighbour: a check on the rectification, a court's judicial inspection, a
#: meeting at which the rectification is reported
OTHERS = {
    "a check in the headline": "本级巡察整改:东风区开展巡察整改“回头看”督查\n2021年7月，督查组用二十天时间开展督查。\n",
    "a judicial inspection": "市中院对县法院开展政治督察与司法巡查工作\n10月11日，市中院司法巡查组到县法院开展工作。\n",
    "a reporting meeting in the lead": "6月18日下午，材料学院党委召开巡察整改情况通报会。\n学院按照反馈意见制定整改方案。\n",
    "a supervision visit in the lead": "10月24日，省卫健委督查组对省肿瘤医院巡察整改落实情况开展调研督查。\n",
}


@pytest.mark.parametrize("name", sorted(OTHERS))
def test_other_kinds(name):
    notice = parse_to_dict(OTHERS[name])
    assert notice["kind"] == "other" and notice["problems"] == []


#: no headline, no lead of one date: the words of the text decide between a meeting's news that tells the
#: channels and an announcement that tells of the meetings
TEXT_KINDS = {
    "a mobilisation meeting held, with channels in passing": (
        "为推动全面从严治党向基层延伸，区委第二巡察组将于2025年6月2日至7月31日对区文联开展巡察。\n"
        "6月2日上午，区委第二巡察组进驻区文联巡察动员会召开。\n"
        "巡察期间，巡察组设信访电话：13905713321，欢迎干部群众反映情况。\n", "mobilisation"),
    "an announcement with a deadline tells of its meetings": (
        "根据集团党委统一安排，集团公司党委2个巡视组分别进驻两家企业开展常规巡视。各巡视组分别召开进驻动员会。\n"
        "巡视期间，各巡视组开通信访电话。受理信访截止时间为2025年7月1日。\n", "announcement"),
    "feedback news without a year, its meeting attended": (
        "为推进乡村振兴，市委组建市县联动巡察组，于4月6日至5月20日对河口镇党委开展了专项巡察。8月12日，联动巡察组向河口镇"
        "党委反馈了巡察情况。县委常委王立新出席会议并讲话。\n联动巡察组指出，河口镇党委存在产业带动弱等问题，要求抓好整改。\n",
        "feedback"),
    "a plan's outline run into one line, a mobilisation meeting among its steps": (
        "【提纲】一、总体要求。二、整改目标,确保问题按期清零。三、整改任务。四、进度安排。\n"
        "将县委第*巡察组反馈的4个方面12个问题细化为30项整改任务。\n四、进度安排\n(一)动员部署阶段。召开整改动员会，印发整改方案。\n",
        "plan"),
    "a round's story that tells of entering, its tallies": (
        "日前，县委第三轮巡察完成了对县交通局、县文旅局等5个单位的常规巡察，共发现问题42个，移交问题线索3件。\n"
        "进驻前，县委巡察办向有关部门了解被巡察单位的情况。\n进驻期间，各巡察组个别谈话152人次。\n", "summary"),
}


@pytest.mark.parametrize("name", sorted(TEXT_KINDS))
def test_kind_from_the_words_of_the_text(name):
    text, kind = TEXT_KINDS[name]
    assert parse_to_dict(text)["kind"] == kind


def test_a_plan_whose_inspection_is_stated_after_its_contents():
    text = ("版权说明:本文档由用户上传\n文档简介\n中共宁川县水利局党组落实县委第二巡察组反馈意见整改工作方案一、总体要求\n"
            "1.1指导思想\n二、整改任务\n2.1河道保洁监管不严的问题\n三、保障措施\n3.1加强组织领导一、总体要求1.1指导思想 "
            "县委第二巡察组于2025年3月3日至4月25日对局党组开展了常规巡察,5月30日反馈了巡察意见。为确保整改到位,制定本方案。\n")
    notice = parse_to_dict(text)
    inspection = notice["inspection"]
    assert (notice["kind"], notice["issuer"], inspection["target"]) == ("plan", "中共宁川县水利局党组", "中共宁川县水利局党组")
    assert [inspection[k]["iso"] for k in ("start", "end", "feedback")] == ["2025-03-03", "2025-04-25", "2025-05-30"]


def test_a_time_after_entering_is_no_target():
    text = "日前，县委第三轮巡察完成了常规巡察。\n进驻期间，各巡察组个别谈话152人次，走访群众80户。\n"
    assert parse_to_dict(text)["inspection"]["target"] is None


def test_a_start_without_a_year_takes_the_signature_dates():
    text = ("根据县委巡察工作安排，县委第二巡察组自4月6日起对县林业局党组开展常规巡察。巡察期间设值班电话：0736-5521309。\n"
            "特此公告。\n中共宁川县委巡察工作领导小组办公室\n2025年4月5日\n")
    start = parse_to_dict(text)["inspection"]["start"]
    assert start["iso"] is None  # signed before that day: another year, not known
    signed_later = text.replace("2025年4月5日", "2025年4月8日")
    start = parse_to_dict(signed_later)["inspection"]["start"]
    assert (start["iso"], start["year_inferred"]) == ("2025-04-06", True)


def test_a_plan_named_otherwise():
    assert parse_to_dict("第二轮巡察整改督导工作方案_第1页\n一、工作目标\n")["kind"] == "plan"


def test_page_lines_above_a_whole_headline_are_not_its_title():
    text = "工作动态\nNavigation\n市委第三巡察组向市医保局党组反馈巡察情况\n2024年5月9日，市委第三巡察组向市医保局党组反馈巡察情况。\n"
    notice = parse_to_dict(text)
    assert (notice["kind"], notice["title"]) == ("feedback", "市委第三巡察组向市医保局党组反馈巡察情况")


def test_a_mailbox_stops_at_its_bracketed_postcode_and_before_the_team_it_is_forwarded_to():
    text = ("中共东川市委第二巡察组巡察公告\n巡察期间，巡察组开通值班电话：(0758)26418853，"
            "邮政信箱：东川市2206邮箱转市委第二巡察组收(邮编:528611)。\n")
    contacts = {(c["type"], c["value"]) for c in parse_to_dict(text)["contacts"]}
    assert contacts == {("phone", "(0758)26418853"), ("mailbox", "东川市2206邮箱"), ("postcode", "528611")}


#: the last short line of a neighbour → its issuer: an organisation's name signs, a caption or a cut sentence does not
SIGNERS = {
    "a team": ("县委第二巡察组", "县委第二巡察组"),
    "an office over two lines": ("中共柏溪县委巡察工作\n领导小组办公室", "中共柏溪县委巡察工作领导小组办公室"),
    "two bodies": ("区妇联 区科协", "区妇联 区科协"),
    "a photo caption": ("DSC04425市委常委", None),
}


@pytest.mark.parametrize("name", sorted(SIGNERS))
def test_a_neighbours_signer(name):
    lines, issuer = SIGNERS[name]
    text = f"巡察公告\n巡察期间，巡察组开通值班电话：0736-5521309。\n\n{lines}\n2022年6月1日\n"
    assert parse_to_dict(text)["issuer"] == issuer


def test_a_sharing_sites_caption_names_the_document():
    text = ("巡视反馈意见整改落实方案_第1页\n巡视反馈意见整改落实方案_第2页\n已阅读3页，还剩15页未读\n"
            "文档简介巡视反馈意见整改落实方案参考范本一、基本情况\n")
    notice = parse_to_dict(text)
    assert (notice["kind"], notice["title"]) == ("plan", "巡视反馈意见整改落实方案")


def test_a_feedback_meetings_headline_names_its_target():
    text = "市委第二巡察组巡察市人民医院党委情况反馈会召开\n近日，反馈会在医院召开，巡察组通报了发现的问题。\n"
    notice = parse_to_dict(text)
    assert (notice["kind"], notice["inspection"]["target"]) == ("feedback", "市人民医院党委")


def test_a_plan_names_its_team_in_its_body():
    text = ("巡察反馈问题整改工作方案\n一、整改依据\n县委第三巡察组于2023年6月向局党组反馈了巡察意见，特制定本方案。\n"
            "二、整改任务\n1.健全制度。\n")
    notice = parse_to_dict(text)
    assert (notice["kind"], notice["inspection"]["body"], notice["problems"]) == ("plan", "县委第三巡察组", [])


#: a rectification notice without a title whose intro also tells of the entry, the mobilisation meeting or
#: the feedback: the formula or the body's own labelled progress decides, never those weak words
TITLELESS_RECTIFICATIONS = {
    "feedback in the intro, the formula later": (
        "2023年5月8日至6月30日，县委第四巡察组进驻县林业局开展巡察，召开了动员部署会。8月2日，县委第四巡察组"
        "向我局党组反馈了巡察意见。现将整改进展情况通报如下。\n一、具体问题整改情况\n1.森林防火责任不清。\n"
        "整改情况：已完成。\n", "现将整改进展情况通报"),
    "an entry and a feedback, no formula, labelled progress": (
        "2024年3月1日至4月20日，市委第一巡察组进驻市气象局。5月6日，巡察组向局党组反馈了巡察意见。\n"
        "一、反馈问题整改情况\n1.预算执行偏慢。\n整改进展：已制定季度执行计划。\n"
        "2.会议记录不全。\n整改进展：已补齐记录。\n", "整改进展"),
    "an entry and a mobilisation meeting, measures under a progress heading": (
        "2024年4月8日，县委第二巡察组进驻县医保局，召开了动员部署会，5月30日向局党组反馈了巡察意见。\n"
        "二、反馈问题整改落实情况\n1.基金监管不严。\n整改措施：开展专项检查。\n2.台账不全。\n整改措施：补齐台账。\n",
        "整改落实情况"),
}


@pytest.mark.parametrize("name", sorted(TITLELESS_RECTIFICATIONS))
def test_a_titleless_notice_is_rectification_over_weak_words(name):
    text, words = TITLELESS_RECTIFICATIONS[name]
    notice = parse_to_dict(text)
    assert (notice["kind"], notice["kind_evidence"]["text"]) == ("rectification", words)
    assert len(notice["problems"]) >= 1


#: a rectification title that names a plan, a team's feedback or ends in 公告 → the deciding words
RECTIFICATION_TITLES = {
    "a plan carried out": ("中共某某县民政局党组关于县委巡察反馈意见整改方案落实情况的报告", "落实情况的报告"),
    "a team's feedback carried out": ("中共某某县水利局党组关于县委第二巡察组反馈意见落实情况的通报", "落实情况的通报"),
    "an announcement of the work": ("某某镇党委关于巡察整改落实工作的公告", "整改落实工作的公告"),
    "two checks rectified in one": ("某某区卫健委巡察整改暨督察反馈问题整改情况的通报", "整改情况的通报"),
}


@pytest.mark.parametrize("name", sorted(RECTIFICATION_TITLES))
def test_a_rectification_title_beats_a_neighbours_words(name):
    title, words = RECTIFICATION_TITLES[name]
    notice = parse_to_dict(f"{title}\n根据县委统一部署，县委巡察组开展了巡察。\n")
    assert (notice["kind"], notice["kind_evidence"]["text"]) == ("rectification", words)


#: a page's navigation above a titleless notice: never its title, never its kind
NAVIGATION = {
    "a column label": "通知公告",
    "a breadcrumb": "巡察工作 > 巡察公告",
    "a column of feedback": "巡察反馈",
    "a menu": "首页 | 巡察动员 | 巡察整改",
}


@pytest.mark.parametrize("name", sorted(NAVIGATION))
def test_navigation_is_neither_title_nor_kind(name):
    text = (f"{NAVIGATION[name]}\n根据区委部署，区委第三巡察组对区商务局党组开展了巡察。现将巡察整改情况通报如下。\n"
            "一、整改落实情况\n1.招商台账不全。\n整改措施：建立台账。\n")
    notice = parse_to_dict(text)
    assert notice["title"] is None
    assert (notice["kind"], notice["kind_evidence"]["text"]) == ("rectification", "现将巡察整改情况通报")


#: a text → the review reasons about its kind it must give: a kind decided weakly, a neighbour holding a list
KIND_REVIEW = {
    "nothing decided but 整改": ("县畜牧站按照要求抓好整改，建立了台账。\n", {"kind_uncertain"}),
    "a guessed headline": ("【巡察动态】市委巡察工作领导小组听取第五轮巡察情况汇报\n11月5日上午，领导小组召开会议。\n",
                           {"kind_uncertain"}),
    "one weak word in the text": ("日前，县委第三巡察组已进驻县供销社。\n", {"kind_uncertain"}),
    "a neighbour whose tree holds a problem list": (
        "中共某某县审计局党组关于县委巡察反馈意见的整改方案\n为抓好整改，特制定本方案。\n一、反馈问题整改落实情况\n"
        "1.财务审批不严。\n整改措施：修订审批办法。\n2.公车管理松散。\n整改措施：建立用车台账。\n",
        {"neighbour_problem_list"}),
    "a notice decided by its title": (RECTIFICATION, set()),
    "a notice decided by its formula": (NO_TITLE_RECTIFICATION, set()),
}


@pytest.mark.parametrize("name", sorted(KIND_REVIEW))
def test_a_weak_kind_or_a_listed_neighbour_asks_for_review(name):
    text, reasons = KIND_REVIEW[name]
    notice = parse_to_dict(text)
    assert set(notice["review_reasons"]) & {"kind_uncertain", "neighbour_problem_list"} == reasons
    assert notice["needs_review"] == bool(notice["review_reasons"])
