"""fields/entities.py: money and the other entities of a line, as fixture tables (text -> (text, value))."""
import pytest

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


def test_enough_cases():
    assert len(MONEY) >= 20
