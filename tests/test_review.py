"""The review page without a browser: nesting, offsets, spans only, kind and triage, escaping and the CSP.

The page is read back with the standard library's HTML parser into a small tree that insists on
well-formed nesting (an end tag must close the element last opened), so a wrong nesting fails here
rather than being silently repaired, as a browser would.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from xuncha_parse import parse_bytes
from xuncha_parse.cli import main
from xuncha_parse.decode import decode_bytes
from xuncha_parse.outputs.i18n import catalogue
from xuncha_parse.outputs.report import render_report, safe_href
from xuncha_parse.outputs.review import (
    FIELDS,
    Mark,
    date_value,
    mark_up,
    render_review,
)

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
VOID = {"meta", "input", "br", "img", "link"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()


class Tree(HTMLParser):
    """A strict tree: mismatched end tags raise."""

    def __init__(self, markup: str):
        super().__init__(convert_charrefs=True)
        self.root = self.node = Node("#root", {}, None)
        self.feed(markup)
        self.close()
        assert self.node is self.root, f"unclosed <{self.node.tag}>"

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs), self.node)
        self.node.children.append(node)
        if tag not in VOID:
            self.node = node

    def handle_endtag(self, tag):
        assert self.node.tag == tag, f"</{tag}> closes <{self.node.tag}>"
        self.node = self.node.parent

    def handle_data(self, data):
        self.node.children.append(data)


def highlights(root: Node) -> dict[tuple[str, int, int], str]:
    """Each span's text: the joined text of its pieces, in document order."""
    out: dict[tuple[str, int, int], str] = {}
    for n in root.walk():
        if "data-field" in n.attrs:
            key = (n.attrs["data-field"], int(n.attrs["data-start"]), int(n.attrs["data-end"]))
            out[key] = out.get(key, "") + n.text()
    return out


def pane(markup: str) -> Node:
    tree = Tree(markup).root
    return next(n for n in tree.walk() if n.attrs.get("id") == "text")


def sample(name: str) -> tuple[dict, str]:
    data = (SAMPLES / f"{name}.txt").read_bytes()
    return parse_bytes(data, f"samples/{name}.txt").model_dump(mode="json"), decode_bytes(data).text


# ---------------------------------------------------------------- mark_up

CASES = [
    # (text, marks as (start, end, field), expected markup of the pieces as (field, text) in order)
    ("abcdef", [(0, 6, "problem"), (2, 4, "date")], [("problem", "abcdef"), ("date", "cd")]),
    ("abcdef", [(0, 4, "measure"), (2, 6, "date")], [("measure", "abcd"), ("date", "cd"), ("date", "ef")]),
    ("abcdef", [(2, 4, "date"), (2, 4, "problem")], [("problem", "cd"), ("date", "cd")]),
    ("abcdef", [(0, 3, "measure"), (3, 6, "measure")], [("measure", "abc"), ("measure", "def")]),
    ("ab\ncd", [(1, 4, "problem")], [("problem", "b\nc")]),
]


@pytest.mark.parametrize("text,marks,pieces", CASES)
def test_mark_up_nests_and_splits(text, marks, pieces):
    root = Tree(f'<div id="text">{mark_up(text, [Mark(*m) for m in marks])}</div>').root
    got = [(n.attrs["data-field"], n.text()) for n in root.walk() if "data-field" in n.attrs]
    assert got == pieces
    assert root.text() == text


def test_overlap_splits_the_later_span_and_marks_continuations():
    html = mark_up("abcdef", [Mark(0, 4, "measure"), Mark(2, 6, "date")])
    assert html.count('data-field="date" data-start="2" data-end="6"') == 2
    assert html.count("cont") == 1


def test_line_anchors_are_empty_and_numbered():
    text = "a\nb\n\nc"
    root = Tree(f'<div id="text">{mark_up(text, [])}</div>').root
    anchors = [n.attrs["id"] for n in root.walk() if n.attrs.get("class") == "ln"]
    assert anchors == ["L1", "L2", "L3", "L4"]
    assert root.text() == text


TEXT_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")


@st.composite
def text_and_marks(draw):
    """A text and up to 12 distinct non-empty spans inside it, of any kinds, overlapping freely
    (collect_marks drops a repeated kind at the same place before mark_up)."""
    text = draw(st.text(alphabet=TEXT_CHARS, min_size=1, max_size=40))
    ends = st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).filter(lambda p: p[0] != p[1])
    raw = draw(st.lists(st.tuples(ends, st.sampled_from(FIELDS)), max_size=12,
                        unique_by=lambda m: (min(m[0]), max(m[0]), m[1])))
    return text, [Mark(min(p), max(p), f) for p, f in raw]


@given(text_and_marks())
def test_mark_up_keeps_text_and_every_span(case):
    text, marks = case
    root = Tree(f'<div id="text">{mark_up(text, marks)}</div>').root
    assert root.text() == text
    spans = highlights(root)
    assert set(spans) == {(m.field, m.start, m.end) for m in marks}
    for (_, start, end), got in spans.items():
        assert got == text[start:end]


# ---------------------------------------------------------------- whole pages

@pytest.mark.parametrize("name", ["002_c815ed000f2749a3", "004_65a99f9994ad9ae9"])
def test_sample_page_keeps_text_and_marks_every_problem(name):
    notice, text = sample(name)
    root = pane(render_review(notice, text))
    assert root.text() == text
    spans = highlights(root)
    assert all(got == text[s:e] for (_, s, e), got in spans.items())
    problems = {(s, e) for f, s, e in spans if f == "problem"}
    assert problems == {(p["span"]["start"], p["span"]["end"]) for p in notice["problems"]}
    assert {f for f, _, _ in spans} <= set(FIELDS)


def test_sample_page_marks_measures_dates_and_contacts():
    notice, text = sample("002_c815ed000f2749a3")
    fields = {f for f, _, _ in highlights(pane(render_review(notice, text)))}
    assert {"title", "inspection", "problem", "measure", "status", "date", "money", "contact"} <= fields
    # headings only where the parser gives their span (sections[].heading_span, contract 1.2)
    assert ("heading" in fields) == any(s.get("heading_span") for s in notice["sections"])


HEADING_TEXT = "一、思想认识方面\n问题正文。\n2024年3月1日"


@pytest.mark.parametrize("section, signature, problem, want", [
    # the parser's own offsets are highlighted as they are ...
    ({"heading_span": {"start": 0, "end": 8}}, {"date_span": {"start": 15, "end": 24}},
     {"leader": "张三", "leader_span": {"start": 9, "end": 11}},
     {("heading", 0, 8), ("date", 15, 24), ("leader", 9, 11)}),
    # ... and without them nothing is searched for: the heading's words and the date stand in the text
    ({}, {}, {}, set()),
])
def test_headings_signature_date_and_leader_come_only_from_spans(section, signature, problem, want):
    date = {"text": "2024年3月1日", "iso": "2024-03-01", "year": 2024, "month": 3, "day": 1}
    notice = _minimal(HEADING_TEXT,
                      sections=[{"marker": "一、", "heading": "思想认识方面", "role": "category", "children": [],
                                 "span": {"start": 0, "end": 14}, **section}],
                      signature={"date": date, "span": {"start": 15, "end": 24}, **signature},
                      problems=[_problem(9, 14, **problem)])
    spans = highlights(pane(render_review(notice, HEADING_TEXT)))
    assert {k for k in spans if k[0] in ("heading", "date", "leader")} == want


def _minimal(text: str, **extra) -> dict:
    notice = {"schema_version": "1", "source": {"path": "x.txt", "sha256": "0" * 64, "encoding": "utf-8"},
              "title": None, "inspection": {}, "declared": {}, "sections": [], "problems": [], "contacts": [],
              "signature": None, "diagnostics": []}
    notice.update(extra)
    return notice


def _problem(start: int, end: int, **extra) -> dict:
    problem = {"number": None, "marker": None, "category": None, "title": None, "status": "unknown",
               "status_text": None, "measures": [], "progress": [], "entities": [],
               "span": {"start": start, "end": end, "line_start": 1, "line_end": 1}}
    problem.update(extra)
    return problem


def test_extension_spans_are_used_when_present():
    text = "标题在这里\n区委第一巡察组进驻"
    notice = _minimal(text, title="别的", title_span={"start": 0, "end": 5, "line_start": 1, "line_end": 1},
                      inspection={"body": "区委第一巡察组", "spans": {"body": {"start": 6, "end": 13}}})
    spans = highlights(pane(render_review(notice, text)))
    assert ("title", 0, 5) in spans and ("inspection", 6, 13) in spans


# ---------------------------------------------------------------- only the parser's own offsets


def spans_in(value) -> set[tuple[int, int]]:
    """Every span the notice carries, wherever it sits (a dict with integer ``start`` and ``end``)."""
    if isinstance(value, dict):
        own = {(value["start"], value["end"])} if isinstance(value.get("start"), int) and "end" in value else set()
        return own.union(*(spans_in(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(spans_in(v) for v in value))
    return set()


#: the samples and a spread of the modelled fixtures: notices, announcements, news of meetings
PAGES = [*(SAMPLES / f"{n}.txt" for n in ("000_b7f29017f62e4de6", "002_c815ed000f2749a3", "004_65a99f9994ad9ae9")),
         *sorted((SAMPLES.parent / "tests" / "real").glob("*.txt"))[::25]]


def parsed(path: Path) -> tuple[dict, str]:
    data = path.read_bytes()
    notice = parse_bytes(data, path.name, with_text=True).model_dump(mode="json")
    text = notice["source"].pop("text")
    return notice, text


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_mark_is_one_of_the_parsers_spans(path):
    notice, text = parsed(path)
    marks = highlights(pane(render_review(notice, text)))
    assert marks and {(s, e) for _, s, e in marks} <= spans_in(notice)


#: where the spans a text search used to stand in for sit: without them, no highlight of their kind
STRIPPED = {"title": ("title_span",), "kind": ("kind_evidence",), "inspection": ("inspection", "spans"),
            "heading": ("sections", "heading_span"), "status": ("problems", "status_span"),
            "leader": ("problems", "leader_span")}


def _strip(notice: dict) -> dict:
    notice["title_span"] = notice["kind_evidence"] = None
    notice["inspection"]["spans"] = {}
    notice["signature"] = notice["signature"] and {**notice["signature"], "date_span": None}
    for problem in notice["problems"]:
        problem["status_span"] = problem["leader_span"] = None
    stack = list(notice["sections"])
    while stack:
        stack[-1]["heading_span"] = None
        stack.extend(stack.pop()["children"])
    return notice


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_a_value_without_its_span_is_not_highlighted(path):
    """The title, target, dates and statuses stand in the text, but nothing searches for them."""
    notice, text = parsed(path)
    before = {f for f, _, _ in highlights(pane(render_review(notice, text)))}
    after = highlights(pane(render_review(_strip(notice), text)))
    assert before & set(STRIPPED) and not {f for f, _, _ in after} & set(STRIPPED)
    dates = {(e["span"]["start"], e["span"]["end"]) for p in notice["problems"] for e in p["entities"] if e["type"] == "date"}
    assert {(s, e) for f, s, e in after if f == "date"} == dates  # only the problems' own dates, not the signature's


# ---------------------------------------------------------------- the kind and the triage at the top


def _one_per_kind() -> list[Path]:
    """A modelled fixture of each kind its hand-made truth names."""
    import json

    first: dict[str, Path] = {}
    for truth in sorted((SAMPLES.parent / "tests" / "real").glob("*.json")):
        first.setdefault(json.loads(truth.read_text("utf-8"))["kind"], truth.with_suffix(".txt"))
    return list(first.values())


def _top(page: str) -> Node:
    return next(n for n in Tree(page).root.walk() if n.tag == "header")


def _by_class(root: Node, cls: str) -> list[Node]:
    return [n for n in root.walk() if cls in n.attrs.get("class", "").split()]


@pytest.mark.parametrize("path", _one_per_kind(), ids=lambda p: p.stem)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_kind_is_named_and_its_evidence_highlighted(path, lang):
    notice, text = parsed(path)
    page = render_review(notice, text, lang=lang)
    name = _by_class(_top(page), "kindname")
    assert [n.text() for n in name] == [catalogue(lang).code("kind", notice["kind"])]
    evidence = notice["kind_evidence"]
    assert evidence, "every modelled fixture has words that decided its kind"
    span = evidence["span"]
    assert highlights(pane(page))[("kind", span["start"], span["end"])] == text[span["start"]:span["end"]]
    link = _by_class(_top(page), "evidence")[0]
    assert link.text() == evidence["text"] and link.attrs["href"] == f"#L{span['line_start']}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_each_review_reason_is_named_and_described_at_the_top(lang):
    from xuncha_parse.fields.checks import REVIEW_CODES

    text = "标题\n正文一\n正文二\n"
    diagnostics = [{"level": "warning", "code": c, "message": f"the parser says {c}", "line": 2} for c in REVIEW_CODES]
    page = render_review(_minimal(text, review_reasons=list(REVIEW_CODES), needs_review=True,
                                  diagnostics=diagnostics), text, lang=lang)
    t = catalogue(lang)
    items = [n for n in _by_class(_top(page), "triage")[0].walk() if n.tag == "li"]
    assert [n.text().split(f" {code}")[0] for n, code in zip(items, REVIEW_CODES)] == [
        f"{t.code('reason', c)} {t.code('diag', c)}" for c in REVIEW_CODES]
    assert all(t.code("reason", c) != c and t.code("diag", c) != c for c in REVIEW_CODES)
    assert [a.attrs["href"] for n in items for a in n.walk() if a.tag == "a"] == ["#L2"] * len(REVIEW_CODES)


def test_a_notice_needing_no_look_says_so_and_lists_nothing():
    text = "标题\n正文\n"
    top = _top(render_review(_minimal(text, review_reasons=[], needs_review=False), text, lang="zh"))
    assert [n.text() for n in _by_class(top, "triage")] == [catalogue("zh")("review.reviewed_ok")]
    assert not any(n.tag == "li" for n in _by_class(top, "triage")[0].walk())


def test_out_of_range_spans_are_dropped_and_counted():
    text = "短文"
    page = render_review(_minimal(text, problems=[_problem(0, 99)]), text, lang="en")
    assert pane(page).text() == text
    assert "1 spans outside the text were not shown" in page
    assert "另有 1 处标注超出正文范围" in render_review(_minimal(text, problems=[_problem(0, 99)]), text, lang="zh")


@pytest.mark.parametrize("date,shown", [
    ({"text": "7月24日", "iso": "2025-07-24", "year": 2025, "month": 7, "day": 24, "year_inferred": True}, "2025-07-24 (year inferred)"),
    ({"text": "2023年X月26日", "iso": None, "year": 2023, "month": None, "day": 26}, "2023-??-26"),
    ({"text": "2021年6月底", "iso": None, "year": 2021, "month": 6, "day": None, "qualifier": "底"}, "2021-06 (底)"),
])
def test_date_value(date, shown):
    assert date_value(date, catalogue("en")) == shown


def test_date_value_in_chinese():
    date = {"text": "7月24日", "iso": "2025-07-24", "year": 2025, "month": 7, "day": 24, "year_inferred": True}
    assert date_value(date, catalogue("zh")) == "2025-07-24 (年份为推断)"


# ---------------------------------------------------------------- safety

HOSTILE = '<script>window.__pwned=1</script></textarea>"><img src=x onerror="window.__pwned=2">javascript:alert(1)'


def hostile_text() -> str:
    return (f"关于巡察整改情况的通报{HOSTILE}\n一、整改落实情况\n1.关于“{HOSTILE}”问题的整改\n"
            f"整改情况：{HOSTILE}已完成整改。\n2.关于“学习不够”问题的整改\n整改情况：正在整改。\n")


def _hostile_notice() -> tuple[dict, str]:
    text = hostile_text()
    notice = parse_bytes(text.encode("utf-8"), "hostile.txt").model_dump(mode="json")
    assert len(notice["problems"]) == 2
    notice["title"] = HOSTILE
    notice["diagnostics"] = [{"level": "warning", "code": HOSTILE, "message": HOSTILE, "line": 1}]
    return notice, text


def test_hostile_text_is_escaped_everywhere():
    notice, text = _hostile_notice()
    page = render_review(notice, text)
    assert page.count("<script") == 1 and "<img" not in page and "<textarea" not in page.lower()
    assert pane(page).text() == text
    assert not re.search(r"""href=["']?javascript""", page, re.I)


def test_csp_allows_exactly_the_inline_script_and_style():
    page = render_review(*sample("003_b6fc3b0db45f3be2"))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    script = re.search(r"<script>(.*)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*)</style>", page, re.S).group(1)
    for source, directive in ((script, "script-src"), (style, "style-src")):
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp and "http" not in page.split("</head>")[0].replace("http-equiv", "")


# ---------------------------------------------------------------- the report


def _notices() -> list[dict]:
    return [sample(name)[0] for name in ("002_c815ed000f2749a3", "004_65a99f9994ad9ae9")]


def test_report_charts_and_table_from_the_summary():
    notices = _notices()
    page = render_report(notices, {notices[0]["source"]["path"]: "pages/a b.html"})
    root = Tree(page).root
    rows = [n for n in root.walk() if n.tag == "tr" and any(c.tag == "td" for c in n.walk())]
    assert len(rows) == len(notices)
    assert page.count("<svg") == 5 and page.count('class="seg completed"') == 2
    hrefs = [n.attrs["href"] for n in root.walk() if n.tag == "a"]
    to_review = 1 if notices[0]["needs_review"] else 0
    assert hrefs == ["pages/a%20b.html"] * (2 + to_review)  # its bar, its row, and its line among those to review


def test_report_without_topics_or_notices_says_so():
    page = render_report([], None, lang="en")
    assert "No topics" in page and "No notices" in page and page.count("<svg") == 0
    page = render_report([], None, lang="zh")
    assert "没有主题" in page and "没有通报" in page and page.count("<svg") == 0


def test_report_escapes_notice_fields_and_links():
    notice = _hostile_notice()[0]
    notice["source"]["path"] = HOSTILE
    page = render_report([notice], {HOSTILE: "javascript:alert(1)"})
    assert page.count("<script") == 1 and "<img" not in page
    assert 'href="./javascript%3Aalert' in page


def _sections(root: Node, cls: str) -> list[Node]:
    return [n for n in root.walk() if n.tag == "section" and cls in n.attrs.get("class", "").split()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_counts_each_kind_and_lists_the_notices_to_review_linked(lang):
    notices = [parsed(path)[0] for path in PAGES]
    links = {n["source"]["path"]: f"pages/{i}.html" for i, n in enumerate(notices)}
    root = Tree(render_report(notices, links, lang=lang)).root
    t = catalogue(lang)
    kinds = next(n for n in root.walk() if n.tag == "svg" and n.attrs["aria-label"] == t("report.by_kind"))
    bars = [g.text() for g in kinds.walk() if g.tag == "g"]
    order = ("rectification", "announcement", "feedback", "plan", "mobilisation", "summary", "other")
    present = [k for k in order if any(n["kind"] == k for n in notices)]
    assert len(present) >= 3
    assert bars == [f"{t.code('kind', k)}: {sum(n['kind'] == k for n in notices)}"  # the tooltip ...
                    f"{t.code('kind', k)}{sum(n['kind'] == k for n in notices)}" for k in present]  # ... label, value
    wanted = [n for n in notices if n["needs_review"]]
    assert wanted, "the pages include notices that need a look"
    section = _sections(root, "review")[0]
    rows = [r for r in section.walk() if r.tag == "tr" and any(c.tag == "td" for c in r.children if isinstance(c, Node))]
    assert [next(a.attrs["href"] for a in r.walk() if a.tag == "a") for r in rows] == [
        links[n["source"]["path"]] for n in wanted]
    assert [[s.text() for s in r.walk() if s.attrs.get("class") == "reason"] for r in rows] == [
        [t.code("reason", c) for c in n["review_reasons"]] for n in wanted]
    assert t("report.review", n=len(wanted)) in section.text()


def test_report_with_nothing_to_review_says_so():
    notice = dict(_minimal("正文"), kind="rectification", needs_review=False, review_reasons=[], title="标题",
                  source={"path": "a.txt", "sha256": "0" * 64}, issuer=None, declared={"problems": None},
                  inspection={"target": None, "body": None, "start": None, "end": None, "feedback": None})
    section = _sections(Tree(render_report([notice], lang="zh")).root, "review")[0]
    assert catalogue("zh")("report.review_none") in section.text()


@pytest.mark.parametrize("href,safe", [("a/b.html", "a/b.html"), ("javascript:x", "./javascript%3Ax"),
                                       ("C:\\p\\q r.html", "./C%3A/p/q%20r.html"), ('"><x', "%22%3E%3Cx")])
def test_safe_href(href, safe):
    assert safe_href(href) == safe


# ---------------------------------------------------------------- the command line


def test_cli_review_writes_a_page(tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["review", str(SAMPLES / "003_b6fc3b0db45f3be2.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert pane(out.read_text(encoding="utf-8")).text() == sample("003_b6fc3b0db45f3be2")[1]


@pytest.mark.usefixtures("english")
def test_cli_review_of_a_missing_file_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["review", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "no such file" in result.output and "Traceback" not in result.output


def test_cli_batch_and_stats_link_review_pages(tmp_path):
    pages, jsonl, report = tmp_path / "pages", tmp_path / "all.jsonl", tmp_path / "out" / "report.html"
    names = [str(SAMPLES / f"{n}.txt") for n in ("002_c815ed000f2749a3", "003_b6fc3b0db45f3be2")]
    assert CliRunner().invoke(main, ["batch", *names, "-o", str(jsonl), "--review-dir", str(pages), "--quiet"]).exit_code == 0
    assert len(list(pages.glob("*.html"))) == 2
    result = CliRunner().invoke(main, ["stats", str(jsonl), "--html", str(report), "--review-dir", str(pages)])
    assert result.exit_code == 0, result.output
    hrefs = [n.attrs["href"] for n in Tree(report.read_text(encoding="utf-8")).root.walk() if n.tag == "a"]
    assert len(set(hrefs)) == 2 and all((report.parent / h).is_file() for h in hrefs)


def test_diagnostics_link_to_their_line():
    text = "标题\n正文一\n正文二\n"
    diagnostic = {"level": "warning", "code": "numbering_gap", "message": "problem number 3 skips after 1", "line": 3}
    root = Tree(render_review(_minimal(text, diagnostics=[diagnostic]), text)).root
    links = [n.attrs["href"] for n in root.walk() if n.tag == "a"]
    assert links == ["#L3"]
    assert any(n.attrs.get("id") == "L3" for n in root.walk())


@pytest.mark.usefixtures("english")
def test_review_refuses_to_overwrite_its_input(tmp_path):
    """As parse does: the page must not be written over the notice it shows."""
    import shutil

    from click.testing import CliRunner

    from xuncha_parse.cli import main

    notice = tmp_path / "a.html"
    shutil.copy(Path(__file__).resolve().parent.parent / "examples" / "002.html", notice)
    before = notice.read_bytes()
    result = CliRunner().invoke(main, ["review", str(notice), "-o", str(notice)])
    assert result.exit_code == 2 and "is also an input" in result.output
    assert notice.read_bytes() == before
