"""The review page and the report in a real headless Chromium (Debian's ``chromium``, driven by playwright).

Skips, naming the package, when the browser (``apt-get install chromium``) or the client
(``pip install playwright``) is missing. No browser is downloaded: playwright drives /usr/bin/chromium.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from xuncha_parse import parse_bytes
from xuncha_parse.decode import decode_bytes
from xuncha_parse.outputs.review import render_review

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
HOSTILE = ('<script>window.__pwned=1</script></textarea>"><img src=x onerror="window.__pwned=2">'
           '<a href="javascript:window.__pwned=3">x</a>')

def hostile_text() -> str:
    """A notice whose title, problem title and measure carry markup and a javascript: URL."""
    return (f"关于巡察整改情况的通报{HOSTILE}\n一、整改落实情况\n1.关于“{HOSTILE}”问题的整改\n"
            f"整改情况：{HOSTILE}已完成整改。\n2.关于“学习不够”问题的整改\n整改情况：javascript:alert(1)正在整改。\n")


#: per highlight: field, start, end and its own text
HIGHLIGHTS_JS = """() => Array.from(document.querySelectorAll('#text [data-field]')).map(e =>
    [e.dataset.field, +e.dataset.start, +e.dataset.end, e.textContent])"""
#: is the first piece of a problem's highlight (by data-pid) inside the viewport?
IN_VIEW_JS = """pid => { const r = document.querySelector('#text [data-field=problem][data-pid="' + pid + '"]')
    .getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }"""


@pytest.fixture
def open_page(browser, tmp_path):
    """Write HTML to a file and open it; the page records every request it makes."""
    pages = []

    def load(html: str, name: str = "page.html"):
        path = tmp_path / name
        path.write_text(html, encoding="utf-8")
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.requests = []
        page.on("request", lambda r: page.requests.append(r.url))
        page.goto(path.as_uri())
        pages.append(page)
        return page

    yield load
    for page in pages:
        page.close()


def sample(name: str) -> tuple[dict, str]:
    data = (SAMPLES / f"{name}.txt").read_bytes()
    return parse_bytes(data, f"samples/{name}.txt").model_dump(mode="json"), decode_bytes(data).text


@pytest.mark.parametrize("name", ["002_c815ed000f2749a3", "004_65a99f9994ad9ae9"])
def test_problem_highlights_match_parsed_problems(open_page, name):
    notice, text = sample(name)
    page = open_page(render_review(notice, text))
    starts = page.evaluate("() => new Set(Array.from(document.querySelectorAll('[data-field=problem]'))"
                           ".map(e => e.dataset.start)).size")
    assert starts == len(notice["problems"]) == notice["declared"]["problems"]


@pytest.mark.parametrize("name", ["002_c815ed000f2749a3", "004_65a99f9994ad9ae9"])
def test_every_highlight_holds_the_text_between_its_offsets(open_page, name):
    notice, text = sample(name)
    page = open_page(render_review(notice, text))
    assert page.evaluate("() => document.getElementById('text').textContent") == text
    joined: dict[tuple[str, int, int], str] = {}
    for field, start, end, own in page.evaluate(HIGHLIGHTS_JS):
        joined[(field, start, end)] = joined.get((field, start, end), "") + own
    assert len(joined) > len(notice["problems"])
    assert [key for key, got in joined.items() if got != text[key[1]:key[2]]] == []


def test_clicking_a_problem_scrolls_it_into_view_and_flashes_it(open_page):
    notice, text = sample("004_65a99f9994ad9ae9")
    page = open_page(render_review(notice, text))
    last = len(notice["problems"])
    assert not page.evaluate(IN_VIEW_JS, last)
    page.click(f'.panel button[data-pid="{last}"]')
    assert page.evaluate(IN_VIEW_JS, last)
    assert "flash" in page.get_attribute(f'#text [data-field=problem][data-pid="{last}"]', "class")


def test_j_and_k_move_between_problems(open_page):
    page = open_page(render_review(*sample("002_c815ed000f2749a3")))
    for key in "jjjk":
        page.keyboard.press(key)
    assert page.get_attribute(".panel button.current", "data-pid") == "2"
    assert page.evaluate(IN_VIEW_JS, 2)


def test_legend_toggles_a_kind(open_page):
    page = open_page(render_review(*sample("002_c815ed000f2749a3")))
    before = page.evaluate("() => getComputedStyle(document.querySelector('.hl.date')).backgroundColor")
    page.uncheck('.legend input[data-kind="date"]')
    after = page.evaluate("() => getComputedStyle(document.querySelector('.hl.date')).backgroundColor")
    assert before != after == "rgba(0, 0, 0, 0)"


def test_hostile_notice_runs_nothing_and_loads_nothing(open_page):
    text = hostile_text()
    notice = parse_bytes(text.encode("utf-8"), "hostile.txt").model_dump(mode="json")
    assert len(notice["problems"]) == 2 and HOSTILE in notice["problems"][0]["title"]
    notice["title"] = HOSTILE
    notice["diagnostics"] = [{"level": "warning", "code": HOSTILE, "message": HOSTILE, "line": 1}]
    page = open_page(render_review(notice, text))
    page.keyboard.press("j")  # our own script runs (its CSP hash is right) ...
    assert page.evaluate("() => document.querySelector('.panel button.current') !== null")
    assert page.evaluate("() => typeof window.__pwned") == "undefined"  # ... and the payload's does not
    assert page.evaluate("() => document.querySelectorAll('img, textarea, a[href^=javascript]').length") == 0
    assert page.evaluate("() => document.getElementById('text').textContent") == text
    assert all(url.startswith("file:") for url in page.requests)


def test_report_table_sorts_by_a_column(open_page):
    from xuncha_parse.outputs.report import render_report

    notices = [sample(p.stem)[0] for p in sorted(SAMPLES.glob("*.txt"))]
    page = open_page(render_report(notices, None))
    column = "() => Array.from(document.querySelectorAll('table.sortable tbody tr')).map(r => +r.cells[4].dataset.v)"
    page.click('table.sortable th button[data-col="4"]')
    ascending = page.evaluate(column)
    page.click('table.sortable th button[data-col="4"]')
    assert ascending == sorted(len(n["problems"]) for n in notices)
    assert page.evaluate(column) == ascending[::-1]
    assert page.evaluate("() => document.querySelectorAll('svg.chart').length") == 5  # kinds, statuses, topics, years, bodies


def test_hovering_a_date_shows_its_iso_form(open_page):
    notice, text = sample("002_c815ed000f2749a3")
    date = next(e for p in notice["problems"] for e in p["entities"] if e["type"] == "date" and e["value"]["iso"])
    page = open_page(render_review(notice, text))
    target = page.locator(f'#text [data-field=date][data-start="{date["span"]["start"]}"]').first
    target.scroll_into_view_if_needed()
    target.hover()
    tip = page.locator("#tip")
    assert tip.is_visible() and date["value"]["iso"] in tip.text_content() and "日期" in tip.text_content()


def test_dark_scheme_and_print_media(open_page):
    page = open_page(render_review(*sample("003_b6fc3b0db45f3be2")))
    background = "() => getComputedStyle(document.body).backgroundColor"
    light = page.evaluate(background)
    page.emulate_media(color_scheme="dark")
    assert page.evaluate(background) != light
    page.emulate_media(media="print")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.panel')).display") == "none"
    assert page.evaluate("() => getComputedStyle(document.querySelector('.legend')).display") == "none"


# ---------------------------------------------------------------- the Chinese interface

#: every visible text node outside the notice's own words (elements marked translate="no": the text pane,
#: titles, units, paths, codes), and every highlight's label (shown on hover)
UI_TEXT_JS = """() => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walk.nextNode(); node; node = walk.nextNode()) {
        const el = node.parentElement;
        if (!node.textContent.trim() || el.closest('script, style, title, [translate="no"]')) continue;
        if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
        out.push(node.textContent.trim());
    }
    document.querySelectorAll('[data-label]').forEach(e => out.push(e.dataset.label));
    return out;
}"""
#: what may be written in Latin letters on a Chinese page: the program's name, a hash's name and digits
#: (sha256 0f3a…), ISO dates and numbers carry no letters
ALLOWED = re.compile(r"xuncha|sha256|\b[0-9a-f]{6,}\b")


def english_strings(page) -> list[str]:
    """The interface texts that still contain Latin letters once the allowed ones are taken out."""
    return [text for text in page.evaluate(UI_TEXT_JS) if re.search("[A-Za-z]", ALLOWED.sub("", text))]


def _every_diagnostic(notice: dict) -> dict:
    """The notice with one diagnostic of every code the parser emits, each with its English message."""
    codes = ("count_mismatch", "numbering_gap", "truncated", "no_problems_found", "title_from_page_metadata",
             "heading_level_reconciled")
    notice["diagnostics"] = [{"level": "warning", "code": c, "message": f"the parser says {c}", "line": 2} for c in codes]
    return notice


@pytest.mark.parametrize("name", ["002_c815ed000f2749a3", "004_65a99f9994ad9ae9"])
def test_chinese_review_page_shows_no_english_interface_strings(open_page, name):
    notice, text = sample(name)
    page = open_page(render_review(_every_diagnostic(notice), text, lang="zh"))
    assert page.evaluate("() => document.documentElement.lang") == "zh-CN"
    assert english_strings(page) == []
    english = open_page(render_review(notice, text, lang="en"), "en.html")
    assert {"problem", "measure", "Diagnostics"} <= {w for s in english_strings(english) for w in re.findall("[A-Za-z]+", s)}


def test_chinese_review_page_with_corrections_shows_no_english_interface_strings(open_page):
    """A page made with --corrections: its flags, the parsed values and who/when beside the form, the
    removed and added problems' rows."""
    from test_review_corrected import FIXES, page_of

    notice, _ = page_of(FIXES)
    page = open_page(render_review(notice, sample("002_c815ed000f2749a3")[1], lang="zh"))
    assert page.locator("sup.fixed").count() == len(FIXES) - 1 and page.locator("#edit small.was").count() > 0
    assert english_strings(page) == []


def test_chinese_report_shows_no_english_interface_strings(open_page):
    from xuncha_parse.outputs.report import render_report

    notices = [sample(p.stem)[0] for p in sorted(SAMPLES.glob("*.txt"))]
    for notice in notices:
        from xuncha_parse.enrich.keywords import annotate

        annotate(notice)
    failures = ["notices/bad.txt\tnot a notice: no title and no problems", "notices/gone.pdf\tcannot read: No such file"]
    links = {notices[0]["source"]["path"]: "pages/a.html"}
    page = open_page(render_report(notices, links, failures, lang="zh"))
    assert english_strings(page) == []
    assert page.locator("section.failures tbody tr").count() == 2
    assert "notices/gone.pdf" in page.locator("section.failures").text_content()
    units = page.evaluate("() => Array.from(document.querySelectorAll('table.sortable tbody tr')).map(r => r.cells[0].textContent)")
    assert units == [n["issuer"] or n["inspection"]["target"] for n in notices]
    english = open_page(render_report(notices, links, failures, lang="en"), "en.html")
    assert {"notices", "problems", "Notices"} <= {w for s in english_strings(english) for w in re.findall("[A-Za-z]+", s)}


# ---------------------------------------------------------------- the report with the analysis sections


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """A database of the samples and the two rounds of tests/fixtures/analysis, analysed."""
    from click.testing import CliRunner

    from xuncha_parse.analysis import AnalysisUnavailable, require
    from xuncha_parse.cli import main

    try:
        require()
    except AnalysisUnavailable as e:
        pytest.skip(str(e))
    db = tmp_path_factory.mktemp("analysed") / "notices.db"
    runner = CliRunner()
    assert runner.invoke(main, ["batch", str(SAMPLES), str(SAMPLES.parent / "tests" / "fixtures" / "analysis"),
                                "--db", str(db), "--quiet"]).exit_code == 0
    result = runner.invoke(main, ["analyze", str(db)])
    assert result.exit_code == 0, result.output
    return db


#: how each command writes the report with the analysis sections: ``xuncha report DB`` and ``stats --html --db``
REPORTS = {"report": lambda db, out: ["report", str(db), "-o", str(out)],
           "stats": lambda db, out: ["stats", str(SAMPLES), "--html", str(out), "--db", str(db)]}


@pytest.mark.parametrize("command", REPORTS)
def test_report_with_analysis_sections_speaks_one_language(open_page, analysed, tmp_path, command):
    from click.testing import CliRunner

    from xuncha_parse.cli import main
    from xuncha_parse.outputs.i18n import catalogue

    shown = {}
    for lang in ("zh", "en"):
        out = tmp_path / f"{lang}.html"
        result = CliRunner().invoke(main, [*REPORTS[command](analysed, out), "--lang", lang])
        assert result.exit_code == 0, result.output
        page = open_page(out.read_text("utf-8"), f"{lang}-shown.html")
        headings = page.evaluate("() => Array.from(document.querySelectorAll('h2')).map(h => h.textContent)")
        t = catalogue(lang)
        assert {t("analysis.recurring"), t("analysis.completion")} <= set(headings)
        assert t("analysis.common", scope=t("analysis.scope.year")) in headings
        assert page.locator("section table.grid").count() >= 4  # recurring, completion, common by year, the notices
        shown[lang] = english_strings(page)
    assert shown["zh"] == []
    words = {w for s in shown["en"] for w in re.findall("[A-Za-z]+", s)}
    assert {"Recurring", "Completion", "finding", "units"} <= words
