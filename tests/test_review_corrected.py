"""A review page made with corrections (``review``/``batch --review-dir`` with ``--corrections``): corrected
values shown and flagged with the parsed value and who/when, the form starting from them with the parsed
values and the earlier corrections kept (outputs/corrected.py, outputs/editor.py).  The browser round trip
is in tests/test_browser_corrections.py."""
import copy
import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from test_corrections import BY, NOTICE, PATH, document

from xuncha_parse.cli import main
from xuncha_parse.corrections import apply, loads
from xuncha_parse.outputs.corrected import Fixes
from xuncha_parse.outputs.review import render_review
from xuncha_parse.runner.work import notice_and_text

with open(PATH, "rb") as _f:
    _NOTICE, TEXT = notice_and_text(_f.read(), PATH)
P = NOTICE["problems"]
WORDS = "档案"  # two characters that start no parsed problem
AT_WORDS = TEXT.index(WORDS)
ADDED = {"title": WORDS, "span": {"start": AT_WORDS, "end": AT_WORDS + 2, "line_start": 1, "line_end": 1}}

#: a person's corrections: path → (parsed, value)
FIXES = {
    "title": (NOTICE["title"], "新标题"),
    "inspection.target": (NOTICE["inspection"]["target"], "市政协机关党组"),
    "declared.problems": (NOTICE["declared"]["problems"], 18),
    "problems.1.status": (P[1]["status"], "in_progress"),
    "problems.3.title": (P[3]["title"], "改过的标题"),
    "problems.0": (P[0]["title"], None),
    f"problems.+{AT_WORDS}": (None, ADDED),
}


def page_of(fixes: dict, lang: str = "zh") -> tuple[dict, HTMLParser]:
    notice = copy.deepcopy(_NOTICE)
    done = apply(notice, loads(json.dumps(document(fixes))))
    assert not done.refused
    return notice, HTMLParser(render_review(notice, TEXT, lang))


NOTICE_C, PAGE = page_of(FIXES)


def test_every_corrected_value_is_flagged_with_the_parsed_value_and_who():
    flags = {n.attributes["data-fixed"]: n.attributes["title"] for n in PAGE.css("sup.fixed")}
    assert set(flags) == set(FIXES) - {"problems.0"}  # a removed problem is gone from the page's header and list
    assert all(BY in tip for tip in flags.values())
    assert "解析值：已完成" in flags["problems.1.status"] and f"解析值：{P[3]['title']}" in flags["problems.3.title"]
    assert "人工添加的问题" in flags[f"problems.+{AT_WORDS}"]
    assert PAGE.css_first("h1").text().startswith("新标题")
    assert "市政协机关党组" in PAGE.css_first("p.insp").text()


def test_the_english_page_flags_in_english():
    _, page = page_of(FIXES, "en")
    tip = page.css_first('sup.fixed[data-fixed="problems.1.status"]')
    assert tip.text() == "corrected" and tip.attributes["title"].startswith("parsed: completed")


def test_the_form_starts_from_the_corrected_values_and_keeps_the_parsed_ones():
    def field(path: str):
        return PAGE.css_first(f'#edit [data-path="{path}"]')

    assert field("inspection.target").attributes["value"] == "市政协机关党组"
    assert json.loads(field("inspection.target").attributes["data-parsed"]) == NOTICE["inspection"]["target"]
    assert field("declared.problems").attributes["value"] == "18"
    status = field("problems.1.status")
    assert status.css_first("option[selected]").attributes["value"] == "in_progress"
    assert json.loads(status.attributes["data-parsed"]) == P[1]["status"]
    assert field("problems.3.title").attributes["value"] == "改过的标题"
    assert "解析值" in field("problems.3.title").next.text()  # beside the input: what the parser gave


def test_the_form_names_each_problem_by_its_parsed_index():
    """Problem 0 removed and one added: the rows still carry the parsed indexes the next ``apply`` reads."""
    titles = {n.attributes["data-path"]: n.attributes["value"] for n in PAGE.css('#edit input.t[data-path]')}
    assert titles == {f"problems.{i}.title": ("改过的标题" if i == 3 else p["title"]) for i, p in enumerate(P) if i}
    removed = PAGE.css_first("#edit li.removed input")
    assert removed.attributes["data-path"] == "problems.0" and "checked" in removed.attributes
    added = PAGE.css_first("#edit li.added input")
    assert added.attributes["data-path"] == f"problems.+{AT_WORDS}" and json.loads(added.attributes["data-value"]) == ADDED


def test_the_form_carries_every_earlier_correction():
    earlier = json.loads(PAGE.css_first("#edit").attributes["data-earlier"])
    assert {path: (c["parsed"], c["value"]) for path, c in earlier.items()} == FIXES
    assert {c["by"] for c in earlier.values()} == {BY}


def test_a_page_without_corrections_flags_nothing_and_carries_none():
    page = HTMLParser(render_review(dict(_NOTICE), TEXT))
    assert not page.css("sup.fixed") and not page.css("#edit small.was")
    assert json.loads(page.css_first("#edit").attributes["data-earlier"]) == {}


@settings(max_examples=40, deadline=None)
@given(removed=st.sets(st.integers(0, len(P) - 1), max_size=5), fixed=st.integers(0, len(P) - 1),
       added=st.booleans())
def test_problem_paths_map_back_to_the_parsed_problems(removed, fixed, added):
    """Whatever is removed and added, each problem of the corrected notice gets back its parsed path."""
    fixes = {f"problems.{i}": (P[i]["title"], None) for i in removed if i != fixed}
    fixes[f"problems.{fixed}.category"] = (P[fixed]["category"], "改过的类别")
    if added:
        fixes[f"problems.+{AT_WORDS}"] = (None, ADDED)
    notice = copy.deepcopy(_NOTICE)
    apply(notice, loads(json.dumps(document(fixes))))
    mapped = Fixes.of(notice)
    for position, problem in enumerate(notice["problems"]):
        base = mapped.problem_path(position)
        if mapped.added(position):
            assert base == f"problems.+{AT_WORDS}" and problem["title"] == WORDS
        else:
            parsed = P[int(base.split(".")[1])]
            assert problem["span"] == parsed["span"]
    assert sum(mapped.added(i) for i in range(len(notice["problems"]))) == added


def test_review_and_batch_review_dir_show_the_corrections(tmp_path):
    fixes = tmp_path / "fixes.json"
    fixes.write_text(json.dumps(document(FIXES)), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["review", PATH, "-o", str(tmp_path / "r.html"), "--corrections", str(fixes)])
    assert result.exit_code == 0, result.output
    pages = [(tmp_path / "r.html").read_text(encoding="utf-8")]
    for jobs in ("1", "2"):
        out = tmp_path / f"pages{jobs}"
        args = ["batch", PATH, "-o", str(tmp_path / "o.jsonl"), "--review-dir", str(out), "--quiet", "-j", jobs,
                "--corrections", str(fixes)]
        assert runner.invoke(main, args).exit_code == 0
        pages += [p.read_text(encoding="utf-8") for p in out.glob("*.html")]
    assert len(pages) == 3
    for html in pages:
        flagged = {n.attributes["data-fixed"] for n in HTMLParser(html).css("sup.fixed")}
        assert flagged == set(FIXES) - {"problems.0"}


@pytest.mark.usefixtures("english")
def test_corrections_of_another_version_are_reported_and_not_shown(tmp_path):
    fixes = tmp_path / "fixes.json"
    fixes.write_text(json.dumps(document(FIXES, sha="0" * 64, file=PATH)), encoding="utf-8")
    result = CliRunner().invoke(main, ["review", PATH, "-o", str(tmp_path / "r.html"), "--corrections", str(fixes)])
    assert result.exit_code == 0 and "another version of this file" in result.stderr
    page = HTMLParser((tmp_path / "r.html").read_text(encoding="utf-8"))
    assert not page.css("sup.fixed") and "correction_not_applied" in page.css_first(".diags").text()

