"""Problems given as a table (the 整改台账): tab-set rows (Word and HTML tables, as the readers write them)
and space-aligned rows (a table copied as text)."""
import pytest

from xuncha_parse.api import parse_to_dict
from xuncha_parse.fields.ledger import cells
from xuncha_parse.layout.text import Piece, fold

HEAD = ("中共某某县农业农村局党组关于巡察整改进展情况的通报\n"
        "根据县委统一部署，2025年4月8日至5月30日，县委第二巡察组对县农业农村局党组开展了常规巡察。"
        "6月25日，县委第二巡察组向县农业农村局党组反馈了巡察意见。现将整改进展情况予以公布。\n"
        "一、整改工作开展情况\n局党组高度重视。\n二、巡察反馈问题整改情况\n")

ROWS_TAB = ("序号\t反馈问题\t整改措施\t整改情况\t责任单位\n"
            "1\t理论学习不够深入\t制定学习计划，开展专题学习6次\t已完成\t办公室\n"
            "2\t项目资金监管不严\t修订资金管理办法\t持续推进\t财务股\n")


def rows_aligned(sep: str) -> str:
    return "\n".join(sep.join(r.split("\t")) for r in ROWS_TAB.splitlines()) + "\n"


WANT = [(1, "1", "理论学习不够深入", "completed", ["制定学习计划，开展专题学习6次"], "办公室"),
        (2, "2", "项目资金监管不严", "in_progress", ["修订资金管理办法"], "财务股")]


def rows_barred(edges: str, rule: bool = False) -> str:
    """The rows as a web table copied as text: cells set by bars, with a bar at the end or at both edges,
    and a Markdown rule row under the header."""
    lines = [edges.replace("…", " | ".join(r.split("\t"))) for r in ROWS_TAB.splitlines()]
    if rule:
        lines.insert(1, edges.replace("…", " | ".join(["---"] * 5)))
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("rows", [ROWS_TAB, rows_aligned("    "), rows_aligned("\u3000\u3000"), rows_barred("… |"),
                                  rows_barred("| … |", rule=True), rows_barred("｜…｜").replace(" | ", "｜")],
                         ids=["tabs", "spaces", "ideographic-spaces", "bars", "bars-both-edges-rule",
                              "full-width-bars"])
def test_ledger_rows_become_problems(rows):
    text = HEAD + rows + "三、下一步工作打算\n持续巩固。\n"
    n = parse_to_dict(text)
    got = [(p["number"], p["marker"], p["title"], p["status"], [m["text"] for m in p["measures"]], p["description"])
           for p in n["problems"]]
    assert got == WANT
    for p in n["problems"]:  # a row's span slices back to the row
        row = text[p["span"]["start"]:p["span"]["end"]]
        assert row.startswith(str(p["number"])) and p["title"] in row and "\n" not in row


def test_a_ledger_under_a_problem_heading_replaces_it():
    """``（一）…方面`` over a table: the heading would be read as a problem; its rows are the problems."""
    text = HEAD + "（一）党的建设方面\n" + ROWS_TAB
    n = parse_to_dict(text)
    assert [(p["title"], p["category"]) for p in n["problems"]] == \
        [("理论学习不够深入", "党的建设方面"), ("项目资金监管不严", "党的建设方面")]


def test_a_barred_ledger_in_traditional_script():
    """A traditional-script page's table: the header is read through the simplified view."""
    text = ("中共某某縣水務局黨組關於巡察整改進展情況的通報\n"
            "根據縣委統一部署,縣委第一巡察組對縣水務局黨組開展了巡察。現將整改進展情況通報如下。\n"
            "序號 | 反饋問題 | 整改措施 | 完成情況 |\n"
            "1 | 河道巡查記錄不全 | 建立巡河台賬 | 已完成 |\n"
            "2 | 工程資料歸檔滯後 | 專人清理歸檔 | 正在推進 |\n"
            "縣水務局黨組將持續抓好整改。\n")
    got = [(p["number"], p["title"], p["status"]) for p in parse_to_dict(text)["problems"]]
    assert got == [(1, "河道巡查記錄不全", "completed"), (2, "工程資料歸檔滯後", "in_progress")]


def test_a_line_with_two_columns_and_no_header_is_no_table():
    text = HEAD + "1.理论学习不深入。\n整改措施：制定计划。\n名称\t数量\n学习\t6次\n"
    assert [p["title"] for p in parse_to_dict(text)["problems"]] == ["理论学习不深入"]


@pytest.mark.parametrize("line,want", [
    ("1\t理论学习\t已完成", ["1", "理论学习", "已完成"]),
    ("1   理论学习   已完成", ["1", "理论学习", "已完成"]),
    ("理论学习 不深入", ["理论学习 不深入"]),
    ("\t理论学习\t", ["", "理论学习", ""]),
    ("1 | 理论学习 | 已完成 |", ["1", "理论学习", "已完成"]),
    ("| 1 | 理论学习  不深入 | |", ["1", "理论学习  不深入", ""]),
    ("1｜理论学习｜已完成", ["1", "理论学习", "已完成"]),
])
def test_cells(line, want):
    piece = Piece(line, fold(line), (0,), (0,))
    assert [c.text for c in cells(piece)] == want


def test_a_word_attachment_with_a_ledger_table():
    """A .docx whose problems are a table: the reader writes its rows with tabs, the ledger reads them."""
    import io

    docx = pytest.importorskip("docx")
    from xuncha_parse import parse_bytes

    doc = docx.Document()
    for line in HEAD.splitlines():
        doc.add_paragraph(line)
    table_rows = [r.split("\t") for r in ROWS_TAB.splitlines()]
    table = doc.add_table(rows=len(table_rows), cols=len(table_rows[0]))
    for row, values in zip(table.rows, table_rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    doc.add_paragraph("三、下一步工作打算")
    buf = io.BytesIO()
    doc.save(buf)
    n = parse_bytes(buf.getvalue(), "ledger.docx").model_dump(mode="json")
    assert n["source"]["format"] == "docx"
    got = [(p.get("number"), p.get("marker"), p["title"], p["status"], [m["text"] for m in p["measures"]],
            p["description"]) for p in n["problems"]]
    assert got == WANT
