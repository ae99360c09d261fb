"""Corrections in a real browser: correct a target and a status on the review page, download the file, and
``batch --corrections`` gives the corrected values with their source in JSONL, CSV and the database.

Headless Debian ``chromium`` driven by playwright, as tests/test_browser.py; skips, naming the package,
when either is missing.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from xuncha_parse.cli import main
from xuncha_parse.outputs.review import render_review
from xuncha_parse.runner.work import notice_and_text

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
NAME = "002_c815ed000f2749a3.txt"
NEW_TARGET = "中共枣庄市政协机关党组"
#: selects ``words`` in the text pane (its first occurrence), as a person's mouse would
SELECT_JS = """words => { const pane = document.getElementById('text');
    const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const i = node.data.indexOf(words);
        if (i >= 0) { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + words.length);
            const s = window.getSelection(); s.removeAllRanges(); s.addRange(r); return true; } }
    return false; }"""


@pytest.fixture
def folder(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLES / NAME, inputs / NAME)
    shutil.copy(SAMPLES / "004_65a99f9994ad9ae9.txt", inputs)
    return inputs


def review_page(path: Path, out: Path) -> dict:
    notice, text = notice_and_text(path.read_bytes(), str(path))
    out.write_text(render_review(dict(notice), text), encoding="utf-8")
    return dict(notice)


def correct_on_the_page(browser, page_path: Path, download_to: Path, words: str) -> list[str]:
    """A person's session: name, target, problem 2's status, the feedback date, a missed problem from a
    selection; download."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_path.as_uri())
    page.fill("#who", "张三")
    page.dispatch_event("#who", "change")
    page.fill('[data-path="inspection.target"]', NEW_TARGET)
    page.dispatch_event('[data-path="inspection.target"]', "change")
    page.select_option('[data-path="problems.1.status"]', "in_progress")
    page.fill('[data-path="declared.completion_rate"]', "76")  # not a rate: marked, not recorded
    page.dispatch_event('[data-path="declared.completion_rate"]', "change")
    assert "bad" in page.get_attribute('[data-path="declared.completion_rate"]', "class")
    page.fill('[data-path="inspection.feedback"]', "2020-05-12")
    page.dispatch_event('[data-path="inspection.feedback"]', "change")
    assert page.evaluate(SELECT_JS, words)
    page.click("#add-selection")
    assert page.text_content("#pending-count") == "4"
    with page.expect_download() as info:
        page.click("#download")
    info.value.save_as(download_to)
    page.reload()
    assert page.input_value("#who") == "张三"  # remembered in localStorage
    assert page.text_content("#pending-count") == "4"  # and so are the corrections so far
    assert page.input_value('[data-path="inspection.target"]') == NEW_TARGET
    assert page.input_value('[data-path="problems.1.status"]') == "in_progress"
    context.close()
    return requests


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.usefixtures("english")
def test_corrections_made_on_the_page_last_in_every_output(browser, folder, tmp_path):
    notice = review_page(folder / NAME, tmp_path / "review.html")
    words = "档案"  # two characters of the text that start no parsed problem
    assert words in (folder / NAME).read_text(encoding="utf-8")
    fixes = tmp_path / "fixes.json"
    requests = correct_on_the_page(browser, tmp_path / "review.html", fixes, words)
    assert all(url.startswith("file://") for url in requests), requests  # no network

    doc = json.loads(fixes.read_text(encoding="utf-8"))
    sha = notice["source"]["sha256"]
    entries = doc["notices"][sha]["corrections"]
    assert entries["inspection.target"]["parsed"] == notice["inspection"]["target"]
    assert entries["inspection.target"]["value"] == NEW_TARGET and entries["inspection.target"]["by"] == "张三"
    assert entries["problems.1.status"] == {**entries["problems.1.status"], "parsed": notice["problems"][1]["status"],
                                            "value": "in_progress"}
    added = next(v["value"] for k, v in entries.items() if k.startswith("problems.+"))
    assert added["title"] == words

    out = tmp_path / "out.jsonl"
    assert invoke("batch", folder, "-o", out, "--quiet", "--corrections", fixes).exit_code == 0
    got = next(n for n in map(json.loads, out.read_text(encoding="utf-8").splitlines())
               if n["source"]["sha256"] == sha)
    assert got["inspection"]["target"] == NEW_TARGET
    assert {c["path"]: (c["parsed"], c["source"]) for c in got["corrections"]}["inspection.target"] == (
        notice["inspection"]["target"], "corrected")
    assert [p["title"] for p in got["problems"]].count(words) == 1
    assert got["inspection"]["feedback"]["iso"] == "2020-05-12" and got["inspection"]["feedback"]["year_inferred"] is False

    table = tmp_path / "out.csv"
    assert invoke("batch", folder, "--format", "csv", "-o", table, "--quiet", "--corrections", fixes).exit_code == 0
    rows = [r for r in csv.DictReader(io.StringIO(table.read_text(encoding="utf-8-sig"))) if r["notice_path"].endswith(NAME)]
    assert {r["inspection_target"] for r in rows} == {NEW_TARGET} and "inspection.target" in rows[0]["corrected"]

    db = tmp_path / "n.db"
    assert invoke("batch", folder, "--db", db, "--quiet", "--corrections", fixes).exit_code == 0
    target, stored = sqlite3.connect(db).execute("SELECT target, json FROM notices WHERE sha256 = ?", (sha,)).fetchone()
    assert target == NEW_TARGET and len(json.loads(stored)["corrections"]) == 4

    (folder / NAME).write_bytes((folder / NAME).read_bytes() + "\n附件：无\n".encode())  # the notice changes
    result = invoke("batch", folder, "-o", out, "--quiet", "--corrections", fixes)
    assert result.exit_code == 0 and "4 corrections were made on another version of this file" in result.stderr
    changed = next(n for n in map(json.loads, out.read_text(encoding="utf-8").splitlines())
                   if n["source"]["path"].endswith(NAME))
    assert changed["inspection"]["target"] == notice["inspection"]["target"] and changed["corrections"] == []


def download(page, to: Path) -> dict:
    with page.expect_download() as info:
        page.click("#download")
    info.value.save_as(to)
    return json.loads(to.read_text(encoding="utf-8"))


def change(page, path: str, value: str) -> None:
    page.fill(f'#edit [data-path="{path}"]', value)
    page.dispatch_event(f'#edit [data-path="{path}"]', "change")


def test_a_page_rebuilt_with_corrections_shows_them_and_a_second_round_keeps_the_first(browser, folder, tmp_path):
    """Correct, download, rebuild the page with --corrections: the corrected values are shown and flagged,
    the form starts from them, and the file of a second round holds both rounds."""
    notice = review_page(folder / NAME, tmp_path / "first.html")
    sha, parsed_target = notice["source"]["sha256"], notice["inspection"]["target"]
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.goto((tmp_path / "first.html").as_uri())
    page.fill("#who", "张三")
    page.dispatch_event("#who", "change")
    change(page, "inspection.target", NEW_TARGET)
    page.select_option('[data-path="problems.1.status"]', "in_progress")
    page.check('#edit [data-path="problems.0"]')
    page.dispatch_event('#edit [data-path="problems.0"]', "change")
    first = download(page, tmp_path / "first.json")["notices"][sha]["corrections"]
    context.close()
    assert set(first) == {"inspection.target", "problems.1.status", "problems.0"}

    assert invoke("review", folder / NAME, "-o", tmp_path / "second.html", "--corrections", tmp_path / "first.json").exit_code == 0
    context = browser.new_context(accept_downloads=True)  # another browser: nothing kept in its storage
    page = context.new_page()
    page.goto((tmp_path / "second.html").as_uri())
    assert page.input_value('#edit [data-path="inspection.target"]') == NEW_TARGET
    assert page.input_value('#edit [data-path="problems.1.status"]') == "in_progress"
    assert page.is_checked('#edit [data-path="problems.0"]')
    flag = page.locator('header sup.fixed[data-fixed="inspection.target"]')
    assert flag.is_visible() and flag.text_content() == "已更正"
    assert parsed_target in flag.get_attribute("title") and "张三" in flag.get_attribute("title")
    assert page.locator('.panel sup.fixed[data-fixed="problems.1.status"]').is_visible()
    assert page.text_content("#pending-count") == "3"  # the first round's, pending in the form

    page.fill("#who", "李四")
    page.dispatch_event("#who", "change")
    change(page, "problems.2.category", "改过的类别")
    second = download(page, tmp_path / "second.json")["notices"][sha]["corrections"]
    context.close()
    assert set(second) == {*first, "problems.2.category"}
    assert all(second[path] == first[path] for path in first)  # by, at and parsed of the first round kept
    assert second["problems.2.category"]["by"] == "李四"

    out = tmp_path / "out.jsonl"
    assert invoke("batch", folder / NAME, "-o", out, "--quiet", "--corrections", tmp_path / "second.json").exit_code == 0
    got = json.loads(out.read_text(encoding="utf-8"))
    assert got["inspection"]["target"] == NEW_TARGET and len(got["problems"]) == len(notice["problems"]) - 1
    assert got["problems"][1]["category"] == "改过的类别"  # parsed problem 2, now second: problem 0 is gone
    assert {c["path"] for c in got["corrections"]} == set(second)
