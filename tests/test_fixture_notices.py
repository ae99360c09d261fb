"""Whole made-up notices in styles the samples do not show, with what a careful reader extracts."""
from pathlib import Path

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
