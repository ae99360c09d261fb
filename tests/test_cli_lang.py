"""The command line speaks Chinese by default and English with ``--lang en`` or ``XUNCHA_LANG=en``: the batch
summary, the one-line errors, ``xuncha check``'s report and ``--help`` (which follows only the variable).
Its messages come from the catalogues (outputs/i18n); the progress bar's words are in test_conventions.py."""
import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from xuncha_parse.cli import main

NAME = "002_c815ed000f2749a3"


def run(*args, env: dict | None = None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


#: how each language says it: (--lang or XUNCHA_LANG, the summary's start, a failed input's count)
SUMMARIES = [
    (None, "通报=1 问题=17 失败=0 整改进展通报=1 需人工查看=0"),
    ("zh", "通报=1 问题=17 失败=0 整改进展通报=1 需人工查看=0"),
    ("en", "notices=1 problems=17 failed=0 rectification=1 needs_review=0"),
]


@pytest.mark.parametrize("lang, line", SUMMARIES)
def test_the_batch_summary_by_option_and_by_variable(tmp_path, lang, line):
    by_option = run("batch", SAMPLES / f"{NAME}.txt", "-o", tmp_path / "a.jsonl", *(["--lang", lang] if lang else []))
    by_variable = run("batch", SAMPLES / f"{NAME}.txt", "-o", tmp_path / "b.jsonl", env={"XUNCHA_LANG": lang or ""})
    assert by_option.exit_code == by_variable.exit_code == 0
    assert by_option.stderr.splitlines() == by_variable.stderr.splitlines() == [line]


@pytest.mark.parametrize("lang, said", [("zh", "同时也是输入文件：写入会毁掉这份通报"),
                                        ("en", "is also an input: writing it would destroy the notice")])
def test_a_usage_error_is_one_line_in_the_language(tmp_path, lang, said):
    notice = tmp_path / "a.txt"
    shutil.copy(SAMPLES / f"{NAME}.txt", notice)
    result = run("parse", notice, "-o", notice, env={"XUNCHA_LANG": lang})
    assert result.exit_code == 2 and result.stderr.splitlines() == [f"xuncha: {notice}: {said}"]


@pytest.mark.parametrize("lang, words", [("zh", ("1 处不同", "应为：", "现为：", "一致")),
                                         ("en", ("1 difference(s)", "expected:", "now:", "same"))])
def test_the_check_report_in_the_language(tmp_path, lang, words):
    expected = tmp_path / "expected"
    assert run("check", SAMPLES / f"{NAME}.txt", "--expected", expected, "--update").exit_code == 0
    same = run("check", SAMPLES / f"{NAME}.txt", "--expected", expected, env={"XUNCHA_LANG": lang})
    assert same.exit_code == 0 and same.stdout.strip().endswith(f": {words[3]}")
    notice = json.loads((expected / f"{NAME}.json").read_text("utf-8"))
    notice["inspection"]["target"] = "某某单位"
    (expected / f"{NAME}.json").write_text(json.dumps(notice, ensure_ascii=False), "utf-8")
    differs = run("check", SAMPLES / f"{NAME}.txt", "--expected", expected, env={"XUNCHA_LANG": lang})
    assert differs.exit_code == 1
    assert all(word in differs.stdout for word in words[:3]) and "inspection.target" in differs.stdout
