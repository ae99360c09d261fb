"""Fixture tables for money and other entities, contacts, and intro sentences."""
import pytest
from truthcheck import date_str

from xuncha_parse import parse_text
from xuncha_parse.fields.contacts import find_contacts
from xuncha_parse.fields.dates import YearContext
from xuncha_parse.fields.entities import find_entities
from xuncha_parse.layout.text import Source, split_lines


def piece_of(text: str):
    source = Source(text)
    return split_lines(source)[0].piece, source


def entities(text: str, kind: str) -> list:
    piece, source = piece_of(text)
    return [(e["text"], e["value"]) for e in find_entities([piece], source, YearContext(2025)) if e["type"] == kind]


MONEY = [
    ("行政补助收入9000元", [("9000元", 9000)]),
    ("共计22120元", [("22120元", 22120)]),
    ("支出7230.3元", [("7230.3元", 7230.3)]),
    ("7.132万元", [("7.132万元", 71320)]),
    ("3亿元", [("3亿元", 300_000_000)]),
    ("1.5亿元", [("1.5亿元", 150_000_000)]),
    ("三万元", [("三万元", 30000)]),
    ("三亿元", [("三亿元", 300_000_000)]),
    ("两千元", [("两千元", 2000)]),
    ("一万二千元", [("一万二千元", 12000)]),
    ("人民币31626元", [("31626元", 31626)]),
    ("10200元发放情况", [("10200元", 10200)]),
    ("5千元", [("5千元", 5000)]),
    ("0.5万元", [("0.5万元", 5000)]),
    ("12.5万元和3000元", [("12.5万元", 125000), ("3000元", 3000)]),
    ("预算金额不超过50万元的项目", [("50万元", 500000)]),
    ("退回 800 元", [("800 元", 800)]),
    ("２０００元", [("２０００元", 2000)]),
    ("十万元以上", [("十万元", 100000)]),
    ("多元化发展", []),
    ("单元楼", []),
    ("2022年全年", []),
]


@pytest.mark.parametrize("text,expected", MONEY)
def test_money(text, expected):
    assert entities(text, "money") == expected


@pytest.mark.parametrize("text,kind,expected", [
    ("完成率11.35%", "percent", [("11.35%", 11.35)]),
    ("占比76％", "percent", [("76％", 76)]),
    ("百分之九十", "percent", [("百分之九十", 90)]),
    ("（中办发〔2021〕57号）要求", "document_number", [("中办发〔2021〕57号", "中办发〔2021〕57号")]),
    ("清政办[2014]3号文件", "document_number", [("清政办[2014]3号", "清政办[2014]3号")]),
    ("学习《消防法》和《机关、团体、企业事业单位消防安全管理规定》",
     "regulation", [("《消防法》", "消防法"), ("《机关、团体、企业事业单位消防安全管理规定》", "机关、团体、企业事业单位消防安全管理规定")]),
    ("已完成对26项制度的核查", "count", [("26项制度", 26)]),
    ("4名职工排查", "count", [("4名职工", 4)]),
    ("总计67次，均未执行", "count", [("67次", 67)]),
    ("2022年以来", "count", []),
])
def test_other_entities(text, kind, expected):
    assert entities(text, kind) == expected


def test_document_number_year_is_not_a_date():
    assert entities("《意见》（中办发〔2021〕57号）", "date") == []


CONTACTS = [
    ("联系电话：0475-7923888", [("phone", "0475-7923888", "+86-475-7923888")]),
    ("联系电话:0475-7923888", [("phone", "0475-7923888", "+86-475-7923888")]),
    ("电话0763-3360554", [("phone", "0763-3360554", "+86-763-3360554")]),
    ("电话：010-12345678", [("phone", "010-12345678", "+86-10-12345678")]),
    ("电话：(0763)3360554", [("phone", "(0763)3360554", "+86-763-3360554")]),
    ("电话：0763 3360554", [("phone", "0763 3360554", "+86-763-3360554")]),
    ("联系电话：07633360554", [("phone", "07633360554", "+86-763-3360554")]),
    ("联系电话：19604750533", [("phone", "19604750533", "+86-19604750533")]),
    ("手机：196-0475-0533", [("phone", "196-0475-0533", "+86-19604750533")]),
    ("手机：196 0475 0533", [("phone", "196 0475 0533", "+86-19604750533")]),
    ("举报电话：12388", [("phone", "12388", "12388")]),
    ("联系电话：0731-8888 6666", [("phone", "0731-8888 6666", "+86-731-88886666")]),
    ("联系电话：0731-8888-6666", [("phone", "0731-8888-6666", "+86-731-88886666")]),
    ("电子邮箱：157259369@qq.com", [("email", "157259369@qq.com", "157259369@qq.com")]),
    ("电子邮箱：QYSZX_brsk@GDQY.gov.cn", [("email", "QYSZX_brsk@GDQY.gov.cn", "qyszx_brsk@gdqy.gov.cn")]),
    ("邮箱:czxqxcb@126.com（来信注明）", [("email", "czxqxcb@126.com", "czxqxcb@126.com")]),
    ("邮政编码：521000", [("postcode", "521000", "521000")]),
    ("邮政编码511500", [("postcode", "511500", "511500")]),
    ("邮编：511500", [("postcode", "511500", "511500")]),
    ("邮政信箱：湘桥区党政办公大楼4楼区政协办公室（409室）、邮政编码：521000",
     [("mailbox", "湘桥区党政办公大楼4楼区政协办公室（409室）", None), ("postcode", "521000", "521000")]),
    ("邮政信箱：清远市清城区人民二路18号市政协办公楼1号楼3楼，邮政编码511500",
     [("mailbox", "清远市清城区人民二路18号市政协办公楼1号楼3楼", None), ("postcode", "511500", "511500")]),
    ("来信地址：某某市某某路1号；", [("address", "某某市某某路1号", None)]),
    ("来信地址：某某市人民路1号（市政府大院内）；", [("address", "某某市人民路1号（市政府大院内）", None)]),
    ("来信请寄：某某区政务中心3楼财政局办公室（邮编：211500）",
     [("address", "某某区政务中心3楼财政局办公室", None), ("postcode", "211500", "211500")]),
    ("网址：http://www.qy.gov.cn", [("website", "http://www.qy.gov.cn", "http://www.qy.gov.cn")]),
    ("版权所有 政协枣庄市委员会 | 违法和不良信息举报电话:0632-8269086", []),
    ("共有26项制度，3名干部", []),
]


@pytest.mark.parametrize("text,expected", CONTACTS)
def test_contacts(text, expected):
    piece, source = piece_of(text)
    assert [(c["type"], c["value"], c["normalized"]) for c in find_contacts([piece], source)] == expected


@pytest.mark.parametrize("text,owners", [
    ("请及时向我们反映，联系电话：0475-7923888。也可向市纪委监委派驻霍林郭勒市政协机关纪检监察组反映，联系电话：19604750533。",
     [None, "市纪委监委派驻霍林郭勒市政协机关纪检监察组"]),
    ("如有意见请向我们反映（电话：0768-2100022）。也可径向区委巡察办反映，电子邮箱：czxqxcb@126.com",
     [None, "区委巡察办"]),
    ("也可直接向县委巡察办反映，电话：0768-2100023", ["县委巡察办"]),
])
def test_contact_owners(text, owners):
    piece, source = piece_of(text)
    assert [c["owner"] for c in find_contacts([piece], source)] == owners


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

TITLE = "中共某某市某局党组关于市委巡察整改进展情况的通报\n"


@pytest.mark.parametrize("intro,expected", INTROS)
def test_intro(intro, expected):
    notice = parse_text(TITLE + intro + "\n一、整改情况\n1.问题。\n整改措施：整改。\n").model_dump(mode="json")
    ins = notice["inspection"]
    got = (ins["body"], ins["target"], ins["kind"], date_str(ins["start"]), date_str(ins["end"]), date_str(ins["feedback"]))
    want = tuple(notice["issuer"] if v == "ISSUER" else v for v in expected)
    assert got == want


def test_enough_cases():
    assert len(MONEY) >= 20 and len(CONTACTS) >= 20 and len(INTROS) >= 15


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
    from xuncha_parse.fields.meta import declared
    from xuncha_parse.layout.text import fold

    got = declared(fold(text))
    assert {k: v for k, v in got.items() if v is not None} == expected


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


@pytest.mark.parametrize("head,title", [
    ("某某市人民政府门户网站\n中共某某局党组关于巡察整改进展情况的通报\n", "中共某某局党组关于巡察整改进展情况的通报"),
    ("中共某某局党组关于巡察整改进展情况的通报_某某市人民政府\n首页 > 通知公告\n中共某某局党组关于巡察整改进展情况的通报\n",
     "中共某某局党组关于巡察整改进展情况的通报"),
    ("\n\n 中共某某局党组关于十二届市委\n第九轮巡察整改进展情况的通报\n", "中共某某局党组关于十二届市委第九轮巡察整改进展情况的通报"),
    ("关于巡察整改情况的报告\n", "关于巡察整改情况的报告"),
    # the issuer on its own line above ``关于…``, as web pages and GB/T 9704 titles set it
    ("中共某某县交通运输局党组\n关于县委巡察整改进展情况的通报\n", "中共某某县交通运输局党组关于县委巡察整改进展情况的通报"),
    ("中共某某市自然资源和规划局（市林业局）党组\n关于市委巡察整改进展情况的通报\n",
     "中共某某市自然资源和规划局（市林业局）党组关于市委巡察整改进展情况的通报"),
    ("  中共某某县委员会办公室\n关于巡察反馈意见整改情况的报告\n", "中共某某县委员会办公室关于巡察反馈意见整改情况的报告"),
    # every paragraph set off by a blank line (a page copied paragraph by paragraph): one blank is no gap
    ("中共某某县交通运输局党组\n\n关于县委巡察整改进展情况的通报\n\n", "中共某某县交通运输局党组关于县委巡察整改进展情况的通报"),
    # a site name separated by a blank line is chrome, not the issuer
    ("某某县人民政府\n\n关于巡察整改进展情况的通报\n", "关于巡察整改进展情况的通报"),
    # a line that is not an organisation's name stays out
    ("信息公开 通知公告\n关于巡察整改进展情况的通报\n", "关于巡察整改进展情况的通报"),
    # no title line: the page's metadata block names it
    ("信息索引号：113205/2025-00031\n文件名称：中共某某局党组关于巡察整改情况的通报\n发布机构：某某局\n",
     "中共某某局党组关于巡察整改情况的通报"),
    ("文件名称：中共某某局党组关于巡察整改情况的通报\n中共某某局党组关于巡察整改进展情况的通报\n",
     "中共某某局党组关于巡察整改进展情况的通报"),
    ("文件名称：2025年工作要点\n", None),
    ("", None),
])
def test_title_lines(head, title):
    text = head + "根据市委统一部署，市委第一巡察组对某某局党组开展了巡察。\n一、整改落实情况\n1.问题。\n整改措施：整改。\n"
    assert parse_text(text).title == title


@pytest.mark.parametrize("stray", ["。", "，并建立台账。", "）。", "”问题。"])
def test_a_line_opening_with_a_stop_continues_the_line_before(stray):
    """Chinese typesetting never opens a line with 。，）” (禁则): such a line was cut from the one above,
    in a wrapped text or not."""
    text = "一、整改落实情况\n1.理论学习不深入。\n整改措施：一是修订制度（试行\n" + stray + "\n"
    measures = parse_text(text).problems[0].measures
    assert [m.text for m in measures] == ["一是修订制度（试行" + stray]


def test_pdf_page_numbers_are_noise():
    text = ("一、整改落实情况\n1.理论学习不深入。\n整改措施：一是制定学习计划，每月集中学习一次，\n- 3 -\n"
            "并建立学习台账。\n")
    n = parse_text(text)
    assert "- 3 -" not in "".join(m.text for m in n.problems[0].measures)


def test_a_page_number_does_not_split_a_wrapped_paragraph():
    line = "整改措施：一是制定学习计划并每月集中学习一次建立学习台账；"
    text = "一、整改落实情况\n" + "\n".join(["1.理论学习不深入。", line, "- 3 -", "二是开展专题研讨。"] + [line] * 6)
    measures = parse_text(text).problems[0].measures
    assert [m.ordinal for m in measures][:2] == [1, 2]
    assert "- 3 -" not in measures[0].text and measures[0].text.endswith("台账；")
    assert measures[1].text.startswith("二是开展专题研讨")


#: (the text after the last problem's heading, the closing's first words or None, the last measure)
CLOSINGS = [
    # a measure that invites supervision is not the closing: nothing about the rectification, no channel
    ("整改措施：修订政务公开制度。\n在门户网站公开举报电话，欢迎群众监督。\n", None, "在门户网站公开举报电话，欢迎群众监督。"),
    # the invitation with a channel in the next paragraph is
    ("整改措施：修订政务公开制度。\n欢迎社会各界监督。\n联系电话：0571-87654321。\n", "欢迎社会各界监督", "修订政务公开制度。"),
    ("整改措施：修订政务公开制度。\n欢迎广大干部群众对巡察整改落实情况进行监督。\n", "欢迎广大干部群众对巡察整改落实情况进行监督",
     "修订政务公开制度。"),
    # the last words before the signature
    ("整改措施：修订政务公开制度。\n欢迎社会各界监督。\n中共某某局党组\n2025年3月1日\n", "欢迎社会各界监督", "修订政务公开制度。"),
]


@pytest.mark.parametrize("tail,closing,last_measure", CLOSINGS)
def test_closing_invitation_is_told_from_a_measure(tail, closing, last_measure):
    n = parse_text("一、整改落实情况\n1.政务公开不及时。\n" + tail).model_dump(mode="json")
    heads = [s["heading"] for s in n["sections"] if s["role"] == "closing"]
    assert heads == ([closing] if closing else [])
    assert n["problems"][0]["measures"][-1]["text"] == last_measure
