"""Whole made-up notices in styles the samples do not show, with what a careful reader extracts."""
from pathlib import Path

import pytest
from truthcheck import date_str

from xuncha_parse import parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"


def _notice(data: bytes) -> dict:
    return parse_bytes(data).model_dump(mode="json")


def _fixture(name: str) -> dict:
    return _notice((FIXTURES / name).read_bytes())


def _dates(inspection: dict) -> list[str]:
    """The inspection's start, end and feedback dates as YYYY-MM-DD."""
    return [date_str(inspection[k]) for k in ("start", "end", "feedback")]


def test_province_notice_with_inline_labels_and_top_level_categories():
    """Web chrome, indented paragraphs, categories at 一、 level, labels inline, Chinese-numeral date."""
    n = _fixture("province_inline_labels.txt")
    assert n["title"] == "中共某某省民政厅党组关于省委第三轮巡视整改进展情况的通报"
    assert n["issuer"] == "中共某某省民政厅党组"
    ins = n["inspection"]
    assert (ins["body"], ins["round"], ins["kind"], ins["target"]) == \
        ("省委第三巡视组", "省委第三轮", "常规巡视", "中共某某省民政厅党组")
    assert _dates(ins) == ["2023-04-10", "2023-06-10", "2023-08-18"]
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
    n = _fixture("county_pdf_gbk.txt")
    assert n["source"]["encoding"] == "gb18030"
    assert n["title"] == "中共某某县交通运输局党组关于县委第二轮巡察整改进展情况的通报"
    assert n["addressee"] == "局属各单位、机关各股室"
    ins = n["inspection"]
    assert (ins["body"], ins["kind"], ins["target"]) == ("县委巡察二组", "常规巡察", "中共某某县交通运输局党组")
    assert _dates(ins) == ["2023-03-15", "2023-05-15", "2023-06-20"]
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


SPARSE_PROBLEMS = [
    (1, "‘第一议题’制度落实不到位", "completed", 2),
    (2, "意识形态工作责任制落实不力", "completed", 2),
    (3, "农村公路养护资金使用不规范", "in_progress", 1),
    (4, "一岗双责落实不到位", "completed", 1),
    (5, "公务用车管理不规范", "completed", 1),
]


def test_county_web_page_with_issuer_line_and_nested_groups():
    """Issuer on its own line above 关于…, feedback in the intro's sentence, （一）→1.→(1) with the problems
    numbered across the notice, status said at the end of the progress, ICP footer."""
    n = _fixture("county_sparse_web.txt")
    assert n["title"] == "中共某某县交通运输局党组关于县委第三轮巡察反馈意见整改进展情况的通报"
    assert n["issuer"] == "中共某某县交通运输局党组"
    ins = n["inspection"]
    assert (ins["body"], ins["round"], ins["kind"], ins["target"]) == \
        ("县委第二巡察组", "县委第三轮", "常规巡察", "县交通运输局党组")
    assert _dates(ins) == ["2023-09-04", "2023-11-03", "2023-12-22"]
    assert n["declared"] == {"categories": 3, "problems": 12, "completed": 10, "in_progress": 2,
                             "completion_rate": 0.83}
    assert [(p["number"], p["title"], p["status"], len(p["progress"])) for p in n["problems"]] == SPARSE_PROBLEMS
    assert [p["group"] for p in n["problems"]][2:4] == ["关于推动交通运输发展不力方面问题", "关于落实主体责任不到位方面问题"]
    assert {c["type"] for c in n["contacts"]} == {"phone", "email", "mailbox"}
    assert "count_mismatch" in {d["code"] for d in n["diagnostics"]}  # 12 declared, 5 written out
    assert n["signature"]["date"]["iso"] == "2024-03-05"


STATUS_GROUP_PROBLEMS = [
    (1, "进一步加强理论武装", "completed", 2),
    (2, "规范档案数字化外包服务管理", "completed", 2),
    (3, "严格执行公务接待规定", "completed", 1),
    (1, "加强档案库房安全管理", "in_progress", 2),
    (2, "推进干部队伍建设", "in_progress", 1),
]


def test_city_notice_with_status_groups_at_the_top():
    """``二、集中整改期内已完成的整改事项`` / ``三、按计划持续推进的整改事项`` as top sections, each restarting
    at 1.; problems named by their remedy with measures inline (``一是…二是…``)."""
    n = _fixture("city_status_groups.txt")
    assert n["title"] == "中共某某市档案馆党组关于市委第七轮巡察集中整改进展情况的通报"
    ins = n["inspection"]
    assert (ins["body"], ins["round"], ins["kind"], ins["target"]) == \
        ("市委第五巡察组", "市委第七轮", "常规巡察", "市档案馆党组")
    assert _dates(ins) == ["2024-05-06", "2024-07-05", "2024-08-20"]
    assert n["declared"] == {"categories": 3, "problems": 14, "completed": 11, "in_progress": 3,
                             "completion_rate": None}
    assert [(p["number"], p["title"], p["status"], len(p["measures"])) for p in n["problems"]] == \
        STATUS_GROUP_PROBLEMS
    assert [p["status_text"] for p in n["problems"]] == ["集中整改期内已完成的整改事项"] * 3 + ["按计划持续推进的整改事项"] * 2
    assert [(e["text"], e["value"]) for e in n["problems"][2]["entities"] if e["type"] == "money"] == [("2360元", 2360)]
    assert {c["type"] for c in n["contacts"]} == {"phone", "address", "postcode", "email"}
    assert [s["role"] for s in n["sections"]] == ["overview", "rectification", "rectification", "next_steps", "closing"]


def test_district_notice_titled_only_in_the_page_metadata():
    """No title line: the page's metadata block (文件名称：…) names it; 【整改措施】 bracket labels with
    第一，第二 ordinals, 【整改时限】, a mobile number and an address for letters, an indented signature."""
    n = _fixture("district_web_metadata.txt")
    assert (n["title"], n["issuer"]) == ("中共某某区财政局党组关于区委巡察整改情况的通报", "中共某某区财政局党组")
    ins = n["inspection"]
    assert (ins["body"], ins["kind"], ins["target"]) == ("区委第三巡察组", "常规巡察", "区财政局党组")
    assert _dates(ins) == ["2024-12-02", "2025-01-24", "2025-03-12"]
    assert [(p["marker"], p["title"], p["status"]) for p in n["problems"]] == [
        ("问题1.", "“三重一大”决策制度执行不严格", "completed"),
        ("问题2.", "意识形态工作责任制落实不到位", "in_progress"),
        ("问题3.", "公务卡使用不规范，存在现金报销情况12笔，金额共计3.6万元", "completed"),
    ]
    assert [p["category"] for p in n["problems"]] == ["党的领导弱化方面"] * 2 + ["全面从严治党方面"]
    first = n["problems"][0]
    assert [m["ordinal"] for m in first["measures"]] == [1, 2]
    assert first["description"] == "2023年以来有4项大额资金支出未经党组会集体研究。\n2025年6月底前"
    assert [(e["text"], e["value"]) for e in n["problems"][2]["entities"] if e["type"] == "money"] == [("3.6万元", 36000)]
    assert [(c["type"], c["value"]) for c in n["contacts"]] == [
        ("phone", "025-57011234"), ("phone", "13912345678"), ("email", "czj@example.com.cn"),
        ("address", "某某区政务中心3楼财政局办公室"), ("postcode", "211500")]
    assert (n["signature"]["org"], n["signature"]["date"]["iso"]) == ("中共某某区财政局党组", "2025-06-10")
    assert [(d["code"], d["line"]) for d in n["diagnostics"]] == [("title_from_page_metadata", 2)]


def test_city_notice_with_causes_and_results_and_paid_markers():
    """Title split over two indented lines, 1、针对…的问题。 with 原因分析/整改情况/整改结果, a measure opening
    with 立行立改, ##paid…## markers and a [bookmark], the count of unfinished problems before its phrase,
    a second channel with its owner, publicity, and an indented signature after a blank line."""
    n = _fixture("city_stats_causes.txt")
    assert (n["title"], n["issuer"]) == ("中共XX市统计局党组关于市委第四轮巡察整改进展情况的通报", "中共XX市统计局党组")
    ins = n["inspection"]
    assert (ins["body"], ins["kind"], ins["target"]) == ("市委第四巡察组", "常规巡察", "市统计局党组")
    assert _dates(ins) == ["2024-03-18", "2024-05-17", "2024-06-20"]
    assert n["declared"] == {"categories": 3, "problems": 9, "completed": 7, "in_progress": 2, "completion_rate": None}
    assert [(p["marker"], p["title"], p["status"], p["long_term"], p["immediate"]) for p in n["problems"]] == [
        ("1、", "统计数据质量管控不严", "completed", True, False),
        ("2、", "违规使用公务卡", "completed", False, True),
        ("3、", "干部教育培训针对性不强", "in_progress", True, False),
    ]
    assert [p["cause"] for p in n["problems"]] == ["数据审核机制不健全，基层统计人员业务能力不足。", "财务审核把关不严。",
                                                   "培训需求调研不深入。"]
    assert [m["ordinal"] for m in n["problems"][0]["measures"]] == [1, 2]
    assert [(c["type"], c["value"], c["owner"]) for c in n["contacts"]] == [
        ("phone", "0371-68881234", None), ("mailbox", "郑州市金水区XX路1号市统计局办公室", None),
        ("postcode", "450000", None), ("phone", "0371-68889999", "市纪委监委派驻市发改委纪检监察组")]
    assert [date_str(n["publicity"][k]) for k in ("start", "end")] == ["2024-09-10", "2024-09-20"]
    assert date_str(n["signature"]["date"]) == "2024-09-10"
    assert [s["role"] for s in n["sections"]] == ["overview", "rectification", "next_steps", "closing"]


FORESTRY_PROBLEMS = [
    (1, "贯彻落实上级决策部署有差距", "completed", False),
    (2, "意识形态工作责任制落实不到位", "in_progress", True),
    (3, "“三会一课”制度落实不严格,部分支部组织生活不规范", "in_progress", False),
]


def _forestry_fields(n: dict) -> tuple:
    return ([(p["number"], p["title"], p["status"], p["long_term"]) for p in n["problems"]],
            [(c["type"], c["value"]) for c in n["contacts"]], n["signature"] and n["signature"]["org"], n["issuer"])


def test_city_notice_in_ascii_punctuation_starting_at_the_second_level():
    """ASCII punctuation throughout, no 一、 level (categories at (一)), a vague inspection period, a special
    inspection, no addressee, status in 整改进展, publicity period and an unindented signature."""
    n = _fixture("city_forestry_ascii.txt")
    assert n["title"] == "关于市委第二轮巡察反馈意见整改进展情况的通报"
    ins = n["inspection"]
    assert (ins["body"], ins["kind"], ins["target"]) == ("市委第一专项巡察组", "专项巡察", "市林业局党组")
    assert (ins["start"]["year"], ins["start"]["month"], ins["start"]["qualifier"]) == (2022, 8, "下旬")
    assert (ins["end"]["year"], ins["end"]["month"], ins["end"]["qualifier"]) == (2022, 10, "下旬")
    assert date_str(ins["feedback"]) == "2022-12-22"
    assert _forestry_fields(n) == (FORESTRY_PROBLEMS, [("phone", "0898-66123456"), ("email", "lyjxc@hainan.gov.cn")],
                                   "市林业局党组", "市林业局党组")
    assert [m["ordinal"] for m in n["problems"][1]["measures"]] == [1, 2]
    assert [p["category"] for p in n["problems"]] == ["关于党的领导弱化方面"] * 2 + ["关于党的建设缺失方面"]
    assert [date_str(n["publicity"][k]) for k in ("start", "end")] == ["2023-03-01", "2023-03-31"]
    assert [s["role"] for s in n["sections"]] == ["rectification", "rectification", "next_steps", "closing"]


@pytest.mark.parametrize("width", range(28, 45))
def test_sparse_ascii_notice_wrapped(width):
    """Wrapped at every PDF width: few lines are full, so the wrap is told by three or more lines cut
    mid-sentence at one common width; the e-mail, cut at the edge at some widths, stays whole (no partial
    address), and the signature under a publicity line that fills the column stays apart."""
    from transforms import wrap_lines

    text = (FIXTURES / "city_forestry_ascii.txt").read_text(encoding="utf-8")
    plain = _notice(text.encode())
    indented = "\n".join("\u3000\u3000" + line.strip() for line in text.split("\n") if line.strip())
    for form in (text, indented):
        n = _notice(wrap_lines(form, width).encode("gb18030"))
        assert _forestry_fields(n) == _forestry_fields(plain), form[:1]
        assert _shape(n) == _shape(plain), form[:1]


def _shape(n: dict) -> list[tuple]:
    return [(p["number"], p["title"], p["status"], len(p["measures"]) + len(p["progress"])) for p in n["problems"]]


@pytest.mark.parametrize("name", ["county_sparse_web.txt", "city_status_groups.txt", "province_inline_labels.txt",
                                  "district_web_metadata.txt"])
@pytest.mark.parametrize("width", range(28, 45))
def test_fixture_notices_wrapped(name, width):
    """Wrapped as a PDF column (NOTICES.md: 30-40 characters, a little either side), plain and indented,
    in GBK: the same title, issuer, problems (with their groups) and contacts.  The sparse notice has few
    full lines even when every paragraph is wrapped; the wrap is still found because no line runs past the
    column.  Chrome lines are wrapped too: their rests must not glue to the title or the signature."""
    from transforms import wrap_lines

    text = (FIXTURES / name).read_text(encoding="utf-8")
    plain = _notice(text.encode())
    indented = "\n".join("\u3000\u3000" + line.strip() for line in text.split("\n") if line.strip())
    for form in (text, indented):
        n = _notice(wrap_lines(form, width).encode("gb18030"))
        assert _shape(n) == _shape(plain), form[:1]
        assert (n["title"], n["issuer"]) == (plain["title"], plain["issuer"])
        assert [p["group"] for p in n["problems"]] == [p["group"] for p in plain["problems"]]
        assert [c["value"] for c in n["contacts"]] == [c["value"] for c in plain["contacts"]]


#: transforms that change the characters themselves (so titles differ by punctuation width), and, for the
#: notice that is already a wrapped PDF copy, those that indent or join its lines (each wrapped line would
#: then read as a new paragraph, or a paragraph end as a wrap: a copy of a copy no one makes)
CHANGES_TEXT = {"half_width", "full_width"}
REINDENTS = {"indent_blank", "wrap_indent", "everything", "inline_labels"}


def _essentials(n) -> tuple:
    problems = [(p.number, p.title, p.status, p.category, p.group) for p in n.problems]
    ins = n.inspection
    return problems, n.title, n.issuer, ins.body, ins.target, n.declared.problems, len(n.contacts)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_fixture_notices_in_every_transformed_form(name):
    """The made-up notices through the sample transforms (encodings, wrapping, chrome, numbering)."""
    from transforms import TRANSFORMS

    from xuncha_parse.decode import decode_bytes

    text = decode_bytes((FIXTURES / name).read_bytes()).text
    want = _essentials(parse_bytes(text.encode()))
    skip = CHANGES_TEXT | (REINDENTS if name == "county_pdf_gbk.txt" else set())
    if name == "district_web_metadata.txt":  # the chrome transforms add a second page's 文件名称 above its own
        skip |= {"web_chrome", "everything"}
    if name == "county_overview_round_summary.txt":  # its phone number is wrapped inside a paragraph, which
        skip |= {"indent_blank"}  # this transform splits into two paragraphs with a blank line between
    for transform in sorted(set(TRANSFORMS) - skip):
        assert _essentials(parse_bytes(TRANSFORMS[transform](text))) == want, transform


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_fixture_spans_slice_back_in_every_form(name):
    """OUTPUT.md's span invariant on the made-up notices, as they are and in every sample transform."""
    from spancheck import span_errors
    from transforms import TRANSFORMS

    from xuncha_parse.decode import decode_bytes

    text = decode_bytes((FIXTURES / name).read_bytes()).text
    for transform, make in [("original", str.encode)] + sorted(TRANSFORMS.items()):
        data = make(text)
        notice = parse_bytes(data).model_dump(mode="json")
        assert span_errors(decode_bytes(data).text, notice) == [], transform


def test_county_notice_overview_heading_round_summary_and_wrapped_phone():
    """一、巡察整改落实情况 over a paragraph is the overview, not a problem; 问题N： items under 1.关于…方面;
    the round's summary without 已 (完成整改10个，基本完成1个，未完成1个); a phone cut at the line's end."""
    n = _fixture("county_overview_round_summary.txt")
    assert n["title"] == "中共某某县财政局党组关于县委巡察整改进展情况的通报"
    assert [(s["heading"], s["role"]) for s in n["sections"]] == [
        ("巡察整改落实情况", "overview"), ("巡察反馈问题整改情况", "rectification"),
        ("下一步工作打算", "next_steps"), ("欢迎广大干部群众对巡察整改落实情况进行监督", "closing")]
    assert [(p["marker"], p["number"], p["category"], p["title"], p["status"]) for p in n["problems"]] == [
        ("问题1：", 1, "关于“贯彻落实党的路线方针政策”方面", "理论学习不深入", "completed"),
        ("问题2：", 2, "关于“贯彻落实党的路线方针政策”方面", "政府采购管理不规范", "completed"),
        ("问题3：", 3, "关于“全面从严治党”方面", "公务用车管理不严格", "in_progress")]
    assert n["declared"] == {"categories": None, "problems": 12, "completed": 10, "in_progress": 2,
                             "completion_rate": 0.833}
    assert [(c["type"], c["value"]) for c in n["contacts"]] == [
        ("phone", "0755-12345678"), ("email", "czj@example.gov.cn"), ("mailbox", "某某县财政局办公室")]
    assert n["contacts"][0]["span"]["line_start"] == 19 and n["contacts"][0]["span"]["line_end"] == 20


def test_district_notice_under_bulleted_page_furniture_with_unnumbered_problems():
    """A bulleted metadata block (values on their own lines), an accessibility bar, an info line, 朗读,
    分享, then a title split over two lines; several unnumbered problem lines under each category."""
    n = _fixture("district_bulleted_unnumbered.txt")
    assert n["title"] == "中共某某区教育局党组关于区委第一轮巡察整改进展情况的通报"
    assert n["issuer"] == "中共某某区教育局党组"
    ins = n["inspection"]
    assert (ins["body"], ins["target"]) == ("区委第一巡察组", "区教育局党组")
    assert _dates(ins) == ["2024-03-01", "2024-04-30", "2024-05-20"]
    assert [(p["marker"], p["category"], p["title"], p["status"]) for p in n["problems"]] == [
        (None, "党的政治建设方面", "落实“第一议题”制度不到位", "completed"),
        (None, "党的政治建设方面", "意识形态责任制落实不够有力", "completed"),
        (None, "全面从严治党方面", "八项规定精神落实不严格", "in_progress")]
    assert [m["text"] for m in n["problems"][1]["measures"]] == ["召开专题会议2次。"]
    overview = n["sections"][0]
    assert overview["role"] == "overview" and [c["heading"] for c in overview["children"]] == ["加强组织领导", "压实整改责任"]
