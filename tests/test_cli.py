"""The command line through click's CliRunner: every command and every error."""
import csv
import io
import json
import os
import subprocess
import sys

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import SAMPLE_NAMES, SAMPLES, interruptible, load_truth
from truthcheck import problem_errors

from xuncha_parse.api import parse_to_dict
from xuncha_parse.cli import main
from xuncha_parse.outputs.models import Notice


@pytest.fixture
def runner():
    return CliRunner()


def sample(name=SAMPLE_NAMES[0]) -> str:
    return str(SAMPLES / f"{name}.txt")


def test_parse_prints_the_notice(runner):
    result = runner.invoke(main, ["parse", sample()])
    assert result.exit_code == 0
    notice = json.loads(result.stdout)
    assert problem_errors(load_truth(SAMPLE_NAMES[0]), notice) == []
    assert "霍林郭勒" in result.stdout  # UTF-8, not ASCII-escaped


def test_parse_compact_and_output_file(runner, tmp_path):
    out = tmp_path / "n.json"
    result = runner.invoke(main, ["parse", "--compact", "-o", str(out), sample()])
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_bytes().count(b"\n") == 1
    assert json.loads(out.read_bytes())["source"]["path"] == sample()


def test_parse_stdin(runner):
    data = open(sample(), "rb").read().decode().encode("gb18030")
    result = runner.invoke(main, ["parse", "-"], input=data)
    notice = json.loads(result.stdout)
    assert notice["source"]["encoding"] == "gb18030" and notice["source"]["path"] is None
    assert len(notice["problems"]) == 10


def test_parse_csv_has_bom_and_a_row_per_problem(runner):
    result = runner.invoke(main, ["parse", "--format", "csv", sample()])
    assert result.stdout_bytes.startswith("\ufeff".encode())
    assert len(list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))) == 1 + 10  # cells hold line breaks


@pytest.mark.parametrize("make,message", [
    (lambda d: str(d / "missing.txt"), "no such file"),
    (lambda d: str(d), "is a directory"),
    (lambda d: _write(d / "bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"), "binary"),
    (lambda d: _write(d / "empty.txt", b""), "empty file"),
    (lambda d: _write(d / "bad.txt", b"abc\xff\xff\xff"), "decode"),
])
@pytest.mark.parametrize("command", ["parse", "show"])
@pytest.mark.usefixtures("english")
def test_bad_input_is_one_line_and_exit_1(runner, tmp_path, make, message, command):
    path = make(tmp_path)
    result = runner.invoke(main, [command, path])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and path in lines[0] and message in lines[0]
    assert "Traceback" not in result.output


def _write(path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@pytest.mark.usefixtures("english")
def test_batch_keeps_good_records_and_reports_bad(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in SAMPLE_NAMES:
        (folder / f"{name}.txt").write_bytes(open(sample(name), "rb").read())
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "zz_empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["batch", str(folder), "-o", str(out)])
    assert result.exit_code == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    good = [r for r in records if "error" not in r]
    bad = [r for r in records if "error" in r]
    assert [r["source"]["path"] for r in good] == [str(folder / f"{n}.txt") for n in SAMPLE_NAMES]
    assert sorted(r["source"]["path"].rsplit("/", 1)[1] for r in bad) == ["zz_binary.txt", "zz_empty.txt"]
    assert all(set(r["error"]) == {"type", "message"} for r in bad)
    for name, record in zip(SAMPLE_NAMES, good):
        assert problem_errors(load_truth(name), record) == []
    assert "notices=5 problems=87 failed=2" in result.stderr  # notices parsed; failures apart


def test_batch_paths_from_stdin_fail_fast_and_csv(runner, tmp_path):
    listing = "\n".join([sample(SAMPLE_NAMES[0]), str(tmp_path / "missing.txt"), sample(SAMPLE_NAMES[1])])
    result = runner.invoke(main, ["batch", "--fail-fast", "--quiet"], input=listing)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 2 and result.stderr == ""
    result = runner.invoke(main, ["batch", "--format", "csv", sample(SAMPLE_NAMES[0]), sample(SAMPLE_NAMES[1])])
    assert result.exit_code == 0
    assert len(list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))) == 1 + 10 + 20


def test_batch_with_workers_matches_single(runner, tmp_path):
    paths = [sample(n) for n in SAMPLE_NAMES] * 8
    one = runner.invoke(main, ["batch", "--quiet", *paths]).stdout
    two = runner.invoke(main, ["batch", "--quiet", "-j", "2", *paths]).stdout
    assert one == two and len(one.splitlines()) == 40


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-16"])
def test_source_is_the_bytes_as_given_in_parse_and_batch(runner, tmp_path, encoding):
    """``source.sha256`` and ``bytes`` describe the file, not its text re-encoded (batch once did that)."""
    import hashlib

    data = (SAMPLES / f"{SAMPLE_NAMES[3]}.txt").read_text(encoding="utf-8").encode(encoding)
    path = tmp_path / "notice.txt"
    path.write_bytes(data)
    want = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data), "encoding": encoding}
    parsed = json.loads(runner.invoke(main, ["parse", str(path)]).output)["source"]
    batched = json.loads(runner.invoke(main, ["batch", str(path), "--quiet"]).output)["source"]
    for source in (parsed, batched):
        assert {k: source[k] for k in want} == want


def test_show_plain_when_not_a_terminal(runner):
    result = runner.invoke(main, ["show", sample(SAMPLE_NAMES[4])])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "集中整改期内已完成的整改事项" in result.stdout and "整改中" in result.stdout


def test_schema_is_valid_and_samples_validate(runner):
    schema = json.loads(runner.invoke(main, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for name in SAMPLE_NAMES:
        notice = json.loads(runner.invoke(main, ["parse", sample(name)]).stdout)
        assert list(validator.iter_errors(notice)) == []


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_fast_path_equals_validated_model(name):
    """batch writes parse_to_dict directly; it must be exactly what the models validate to."""
    data = parse_to_dict(open(sample(name), encoding="utf-8").read())
    assert Notice.model_validate(data).model_dump(mode="json") == data


def test_version_and_help(runner):
    assert runner.invoke(main, ["--version"]).stdout.startswith("xuncha, version")
    assert "batch" in runner.invoke(main, ["-h"]).stdout


def test_help_imports_nothing_heavy():
    code = ("import sys; from xuncha_parse.cli import main\n"
            "try: main(['--help'])\nexcept SystemExit: pass\n"
            "print(sorted(m for m in ('pydantic', 'rich', 'jieba', 'regex', 'orjson') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.usefixtures("english")
def test_interrupted_batch_leaves_whole_lines(tmp_path, jobs):
    """Ctrl-C mid-batch: exit 130, a one-line message, no traceback, and every written line is whole JSON."""
    import signal
    import time

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:04d}.txt").write_bytes(open(sample(SAMPLE_NAMES[i % 5]), "rb").read())
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "xuncha_parse", "batch", str(folder), "-j", jobs, "-o", str(out)],
                            stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=interruptible)
    written = lambda: sum(p.stat().st_size for p in tmp_path.glob(".out.jsonl.*.part"))  # renamed at the end
    while proc.poll() is None and written() < 200_000:
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)
    stderr = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130
    assert "Traceback" not in stderr and "interrupted" in stderr
    lines = out.read_bytes().split(b"\n")
    assert lines[-1] == b"" and 0 < len(lines) - 1 < 400
    assert all(json.loads(line)["problems"] is not None for line in lines[:-1])
