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


# ---------------------------------------------------------------- --help, from the catalogues

COMMANDS = ["parse", "batch", "show", "text", "stats", "schema", "review", "check", "search", "analyze", "similar",
            "units", "report"]


@pytest.mark.parametrize("lang, program, option", [(None, "把巡察整改进展情况的通报转换为结构化数据。", "工作进程数。"),
                                                   ("en", "Turn inspection-rectification notices", "Worker processes.")])
def test_help_follows_the_variable(lang, program, option):
    env = {"XUNCHA_LANG": lang or ""}
    assert program in run("--help", env=env).stdout
    assert option in run("batch", "--help", env=env).stdout


def _help_keys(command, name: str) -> list[str]:
    """The keys of a command's texts: its own, and each option's (``--lang``'s shared, unless it says more)."""
    import click

    if hasattr(command, "real"):  # a lazily loaded command: its line in the list, then the command itself
        return [f"help.{name}.short", *_help_keys(command.real(), name)]
    options = [p.name for p in command.params if isinstance(p, click.Option)]
    shared = {"lang"} - ({"lang"} if name == "parse" else set())  # parse's --lang is the CSV's yes/no words
    return [f"help.{name}", *(f"help.option.{o}" if o in shared else f"help.{name}.{o}" for o in options)]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_command_and_option_has_its_help_in_each_catalogue_and_no_key_is_left_over(lang):
    from xuncha_parse.outputs.i18n import catalogue

    assert sorted(main.commands) == sorted(COMMANDS)
    wanted = {"help.main", *(key for name in COMMANDS for key in _help_keys(main.commands[name], name))}
    have = {key for key in catalogue(lang).strings if key.startswith("help.")}
    assert wanted == have
    assert all(catalogue(lang)(key).strip() for key in have)


@pytest.mark.parametrize("name", COMMANDS)
def test_each_commands_chinese_help_shows_its_options_in_chinese(name):
    from xuncha_parse.outputs.i18n import catalogue

    shown = run(name, "--help", env={"XUNCHA_LANG": "zh"}).stdout
    zh = catalogue("zh")
    keys = [k for k in _help_keys(main.commands[name], name) if not k.endswith(".short")]
    # the first words of each text (click wraps lines, so compare a start that fits on one)
    assert all(zh(key)[:8] in shown for key in keys), [k for k in keys if zh(k)[:8] not in shown]


@pytest.mark.parametrize("lang, said", [("zh", ["文件不存在", "二进制数据（含 NUL），不是文本通报", "空文件（没有文字）"]),
                                        ("en", ["no such file", "binary data (NUL bytes), not a text notice",
                                                "empty file"])])
def test_the_librarys_messages_in_the_language(tmp_path, lang, said):
    """What the reader and the decoder say (in English, in their exceptions) as the one-line error says it."""
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01hello world, plain ascii\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    lines = [run("parse", tmp_path / name, env={"XUNCHA_LANG": lang}).stderr.strip()
             for name in ("missing.txt", "binary.txt", "empty.txt")]
    assert lines == [f"xuncha: {tmp_path / name}: {words}"
                     for name, words in zip(("missing.txt", "binary.txt", "empty.txt"), said)]
