"""Whole made-up notices in styles the samples do not show, with what a careful reader extracts."""
from pathlib import Path

import pytest

from truthcheck import date_str

from xuncha_parse import parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"


def test_province_notice_with_inline_labels_and_top_level_categories():
    """Web chrome, indented paragraphs, categories at 一、 level, labels inline, Chinese-numeral date."""
    n = parse_bytes((FIXTURES / "province_inline_labels.txt").read_bytes()).model_dump(mode="json")
    assert n["title"] == "中共某某省民政厅党组关于省委第三轮巡视整改进展情况的通报"
    assert n["issuer"] == "中共某某省民政厅党组"
    ins = n["inspection"]
    assert (ins["body"], ins["round"], ins["kind"], ins["target"]) == \
        ("省委第三巡视组", "省委第三轮", "常规巡视", "中共某某省民政厅党组")
    assert [date_str(ins[k]) for k in ("start", "end", "feedback")] == ["2023-04-10", "2023-06-10", "2023-08-18"]
    assert n["declared"] == {"categories": 4, "problems": 12, "completed": 10, "in_progress": 2,
                             "completion_rate": 0.833}
    assert [(p["number"], p["status"], p["immediate"]) for p in n["problems"]] == \
        [(1, "completed", False), (2, "in_progress", False), (3, "completed", False), (4, "completed", True)]
    assert [p["category"] for p in n["problems"]] == ["关于贯彻落实党中央决策部署方面存在的问题"] * 2 + \
        ["关于全面从严治党方面存在的问题"] * 2
    assert [m["ordinal"] for m in n["problems"][0]["measures"]] == [1, 2]
    assert [(e["type"], e["value"]) for e in n["problems"][3]["entities"] if e["type"] == "money"] == \
        [("money", 71320)]
    assert {c["type"]: c["normalized"] for c in n["contacts"]} == \
        {"phone": "+86-571-87654321", "email": "mzt_xs@zj.gov.cn", "postcode": "310000"}
    assert n["signature"]["org"] == "中共某某省民政厅党组" and n["signature"]["date"]["iso"] == "2024-03-05"
    assert {d["code"] for d in n["diagnostics"]} == {"count_mismatch"}


def test_county_notice_copied_from_a_pdf_in_gbk():
    """GBK, indented, hard-wrapped at 30 characters with a page number, 问题N： items under groups."""
    n = parse_bytes((FIXTURES / "county_pdf_gbk.txt").read_bytes()).model_dump(mode="json")
    assert n["source"]["encoding"] == "gb18030"
    assert n["title"] == "中共某某县交通运输局党组关于县委第二轮巡察整改进展情况的通报"
    assert n["addressee"] == "局属各单位、机关各股室"
    ins = n["inspection"]
    assert (ins["body"], ins["kind"], ins["target"]) == ("县委巡察二组", "常规巡察", "中共某某县交通运输局党组")
    assert [date_str(ins[k]) for k in ("start", "end", "feedback")] == ["2023-03-15", "2023-05-15", "2023-06-20"]
    assert n["declared"] == {"categories": 3, "problems": 15, "completed": 12, "in_progress": 3, "completion_rate": 0.8}
    got = [(p["number"], p["marker"], p["group"], p["title"], p["status"]) for p in n["problems"]]
    assert got == [
        (1, "问题1：", "关于“理论学习”方面", "党组理论学习中心组学习不规范，学习记录不全", "completed"),
        (2, "问题2：", "关于“理论学习”方面", "对习近平总书记关于交通运输工作的重要论述学习不深入", "in_progress"),
        (3, "问题3：", "关于“安全生产”方面", "安全生产检查流于形式，对发现的12处隐患未及时整改", "completed"),
        (4, "问题4：", "关于“廉政风险防控”方面", "工程项目廉政风险防控不到位", "completed"),
    ]
    assert [p["category"] for p in n["problems"]] == ["关于贯彻落实党的路线方针政策方面"] * 3 + ["关于全面从严治党方面"]
    assert [(e["text"], e["value"]) for e in n["problems"][2]["entities"] if e["type"] == "money"] == [("8.5万元", 85000)]
    assert {(c["type"], c["normalized"]) for c in n["contacts"]} == \
        {("phone", "+86-731-88886666"), ("email", "jtj_xc@163.com")}
    assert (n["signature"]["org"], n["signature"]["date"]["iso"]) == ("中共某某县交通运输局党组", "2023-10-08")


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
