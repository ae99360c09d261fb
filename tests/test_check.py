"""xuncha check: field-by-field differences between a checked output and the output now."""
from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from xuncha_parse.check import Selection, differences, format_path, parse_pattern

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# (expected, actual, ignore, only, the differences as (path, expected, actual))
DIFF_CASES = [
    ({"a": 1}, {"a": 1}, (), None, []),
    ({"a": 1}, {"a": 2}, (), None, [("a", 1, 2)]),
    ({"a": {"b": "x"}}, {"a": {"b": "y"}}, (), None, [("a.b", "x", "y")]),
    ({"a": 1}, {"a": 1, "b": 2}, (), None, [("b", "(absent)", 2)]),
    ({"a": [1, 2]}, {"a": [1, 3, 4]}, (), None, [("a.length", 2, 3), ("a[1]", 2, 3), ("a[2]", "(absent)", 4)]),
    ({"a": 1.0}, {"a": 1}, (), None, []),
    ({"a": True}, {"a": 1}, (), None, [("a", True, 1)]),
    ({"a": {"b": 1}}, {"a": None}, (), None, [("a", {"b": 1}, None)]),
    # ignoring a path leaves out its subtree; [*] is any item, * any key
    ({"a": {"b": 1, "c": 1}}, {"a": {"b": 2, "c": 2}}, ("a.b",), None, [("a.c", 1, 2)]),
    ({"p": [{"s": 1, "t": 1}]}, {"p": [{"s": 2, "t": 2}]}, ("p[*].s",), None, [("p[0].t", 1, 2)]),
    ({"p": [{"span": 1}], "q": {"span": 1}}, {"p": [{"span": 2}], "q": {"span": 2}}, ("*.span", "p[*].span"), None, []),
    ({"p": [{"span": 1, "s": 1}], "q": {"r": {"span": 1}}}, {"p": [{"span": 2, "s": 1}], "q": {"r": {"span": 2}}},
     ("**.span",), None, []),
    ({"p": [{"span": 1, "s": 1}]}, {"p": [{"span": 2, "s": 2}]}, (), ["**.s"], [("p[0].s", 1, 2)]),
    # where the file lies is never an answer
    ({"source": {"path": "a", "sha256": "x"}}, {"source": {"path": "b", "sha256": "x"}}, (), None, []),
    # only: the named fields, a changed length of a list that holds them, an object become null
    ({"a": 1, "p": [{"s": 1, "t": 1}]}, {"a": 2, "p": [{"s": 2, "t": 2}, {"s": 3}]}, (), ["p[*].s"],
     [("p.length", 1, 2), ("p[0].s", 1, 2), ("p[1]", "(absent)", {"s": 3})]),
    ({"i": {"d": {"iso": "x"}}}, {"i": {"d": None}}, (), ["i.d.iso"], [("i.d", {"iso": "x"}, None)]),
]


@pytest.mark.parametrize("expected, actual, ignore, only, want", DIFF_CASES)
def test_differences(expected, actual, ignore, only, want):
    found = differences(expected, actual, Selection(ignore, only))
    assert [(d.path, d.expected, d.actual) for d in found] == want


@pytest.mark.parametrize("pattern", ["problems[*].status", "inspection.start.iso", "a[3].b", "*.span"])
def test_patterns_round_trip(pattern):
    segments = parse_pattern(pattern)
    concrete = tuple(0 if s == "[*]" else s for s in segments)
    assert format_path(concrete) == pattern.replace("[*]", "[0]")


def xuncha(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xuncha_parse", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def expected_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("expected")
    done = xuncha("check", "samples", "--expected", str(folder), "--update")
    assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.usefixtures("english")
def test_update_then_check_is_same(expected_dir):
    assert len(list(expected_dir.glob("*.json"))) == len(list(SAMPLES.glob("*.txt")))
    done = xuncha("check", "samples", "--expected", str(expected_dir))
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": same") == len(list(SAMPLES.glob("*.txt")))


@pytest.mark.usefixtures("english")
def test_one_changed_value_is_named(expected_dir, tmp_path):
    changed = tmp_path / "expected"
    changed.mkdir()
    for file in expected_dir.glob("*.json"):
        (changed / file.name).write_bytes(file.read_bytes())
    target = sorted(changed.glob("*.json"))[2]
    notice = json.loads(target.read_text("utf-8"))
    was = notice["inspection"]["target"]
    notice["inspection"]["target"] = "某某单位"
    target.write_text(json.dumps(notice, ensure_ascii=False), "utf-8")
    done = xuncha("check", "samples", "--expected", str(changed))
    assert done.returncode == 1
    assert f"{target.stem}.txt: 1 difference(s)" in done.stdout
    assert "inspection.target" in done.stdout and "某某单位" in done.stdout and was in done.stdout
    # ignoring the field, or comparing only problems, makes it pass again
    assert xuncha("check", "samples", "--expected", str(changed), "--ignore", "inspection.target").returncode == 0
    assert xuncha("check", "samples", "--expected", str(changed), "--only", "problems").returncode == 0


def test_scored_ignores_offsets(expected_dir, tmp_path):
    target = sorted(expected_dir.glob("*.json"))[0]
    notice = json.loads(target.read_text("utf-8"))
    notice["problems"][0]["span"]["start"] += 1
    (tmp_path / target.name).write_text(json.dumps(notice, ensure_ascii=False), "utf-8")
    notice_file = f"samples/{target.stem}.txt"
    assert xuncha("check", notice_file, "--expected", str(tmp_path)).returncode == 1
    assert xuncha("check", notice_file, "--expected", str(tmp_path), "--scored").returncode == 0


def test_json_differences(expected_dir, tmp_path):
    target = sorted(expected_dir.glob("*.json"))[1]
    notice = json.loads(target.read_text("utf-8"))
    notice["problems"][0]["status"] = "unknown" if notice["problems"][0]["status"] != "unknown" else "completed"
    (tmp_path / target.name).write_text(json.dumps(notice, ensure_ascii=False), "utf-8")
    done = xuncha("check", f"samples/{target.stem}.txt", "--expected", str(tmp_path), "--json")
    assert done.returncode == 1
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["path"] for r in rows] == ["problems[0].status"]


def test_missing_expected_file_fails_with_one_line(tmp_path):
    done = xuncha("check", "samples/000_b7f29017f62e4de6.txt", "--expected", str(tmp_path))
    assert done.returncode == 1
    assert "--update" in done.stderr and "Traceback" not in done.stderr


def test_missing_notice_is_named_not_its_expected_file(tmp_path):
    done = xuncha("check", str(tmp_path / "gone.txt"), "--expected", str(tmp_path))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "gone.txt" in done.stderr and "expected file" not in done.stderr


def test_update_into_a_folder_that_cannot_be_made_exits_3(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    done = xuncha("check", "samples/000_b7f29017f62e4de6.txt", "--expected", str(blocker / "sub"), "--update")
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_public_api_importable():
    """The names the README documents import from the package itself (lazily: see test_imports)."""
    code = ("from xuncha_parse import parse_file, parse_bytes, parse_text, Notice, Problem; "
            "n = parse_file('samples/000_b7f29017f62e4de6.txt'); "
            "assert isinstance(n, Notice) and all(isinstance(p, Problem) for p in n.problems)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr


def readme_check_commands(readme: str) -> list[str]:
    """The ``xuncha check`` lines of a README's check section: its sh block and its workflow's run step."""
    section = readme.split("### `xuncha check`", 1)[1].split("\n### ", 1)[0]
    lines = [line.strip().removeprefix("- run: ") for line in section.splitlines()]
    return [line.split("  #")[0].strip() for line in lines if line.startswith("xuncha check ")]


@pytest.mark.parametrize("readme", ["README.md", "README.zh-CN.md"])
def test_readme_check_commands_run_as_shown(readme, tmp_path):
    """Each command the README shows, in a folder laid out as it says: --update first, then every
    comparison passes; the workflow's command is among them."""
    commands = readme_check_commands((ROOT / readme).read_text(encoding="utf-8"))
    assert commands[0].endswith("--update") and commands.count("xuncha check notices/ --expected expected/ --scored") == 2
    (tmp_path / "notices").mkdir()
    for sample in sorted(SAMPLES.glob("*.txt"))[:2]:
        (tmp_path / "notices" / sample.name).write_bytes(sample.read_bytes())
    for command in commands:
        args = shlex.split(command)[1:]
        done = subprocess.run([sys.executable, "-m", "xuncha_parse", *args], capture_output=True, text=True,
                              cwd=tmp_path, timeout=300)
        assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
