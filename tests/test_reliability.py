"""Issue 13: the ways a hostile or careless user broke the tool, one test (or table) per item.

Every test here failed on the code before the fix.  Process-level tests run the CLI as a real
process (a killed worker, Ctrl-C into a pipe, a folder with a loop, a FIFO and an unreadable
subfolder); they wait on events, never on time, and end in a few seconds.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_NAMES, SAMPLES, interruptible

from xuncha_parse.cli import main
from xuncha_parse.decode import DecodeError, decode_bytes

SRC = str(ROOT / "src")
ENV = {**os.environ, "PYTHONPATH": SRC + os.pathsep + os.environ.get("PYTHONPATH", "")}
XUNCHA = [sys.executable, "-m", "xuncha_parse"]
#: a file name in GBK bytes, as zips made on Chinese Windows carry: 问题.txt
GBK_NAME = "问题.txt".encode("gbk")


@pytest.fixture
def runner():
    return CliRunner()


def sample_bytes(i: int = 0) -> bytes:
    return (SAMPLES / f"{SAMPLE_NAMES[i % len(SAMPLE_NAMES)]}.txt").read_bytes()


def copies(folder: Path, n: int, big: int = 1) -> list[Path]:
    """``n`` sample notices in ``folder`` (each ``big`` samples long), named in order."""
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"{i:04d}.txt"
        path.write_bytes(b"\n".join([sample_bytes(i)] * big))
        paths.append(path)
    return paths


def records(data: bytes) -> list[dict]:
    """Every line a whole JSON record, the last one ended."""
    assert data == b"" or data.endswith(b"\n")
    return [json.loads(line) for line in data.splitlines()]


def unescape_path(path: str) -> bytes:
    """The recorded path back to the file name's bytes: each ``\\udcXX`` text is byte 0xXX."""
    return os.fsencode(re.sub(r"\\udc([89a-f][0-9a-f])", lambda m: chr(0xDC00 + int(m.group(1), 16)), path))


# 1. A file name that is not valid UTF-8 ------------------------------------------------------


def _gbk_folder(tmp_path: Path, n: int = 2) -> tuple[Path, bytes]:
    folder = tmp_path / "zip"
    copies(folder, n)
    bad = os.path.join(os.fsencode(folder), GBK_NAME)
    with open(bad, "wb") as f:
        f.write(sample_bytes(2))
    return folder, bad


@pytest.mark.parametrize("args", [["-j", "1"], ["-j", "2"]], ids=["j1", "j2"])
def test_batch_records_a_non_utf8_file_name_losslessly(tmp_path, args):
    folder, bad = _gbk_folder(tmp_path, 40)  # 41 files: enough for -j 2 to start its pool
    out = subprocess.run([*XUNCHA, "batch", str(folder), *args, "--quiet"], capture_output=True, env=ENV, timeout=120)
    assert out.returncode == 0, out.stderr
    got = records(out.stdout)
    assert len(got) == 41 and all("error" not in r for r in got)
    named = [r for r in got if "\\udc" in r["source"]["path"]]
    assert len(named) == 1 and unescape_path(named[0]["source"]["path"]) == bad


def test_parse_csv_and_stdin_list_take_a_non_utf8_file_name(tmp_path):
    folder, bad = _gbk_folder(tmp_path)
    parsed = subprocess.run([*XUNCHA, "parse", "--compact", bad], capture_output=True, env=ENV, timeout=60)
    assert parsed.returncode == 0 and unescape_path(records(parsed.stdout)[0]["source"]["path"]) == bad
    table = subprocess.run([*XUNCHA, "batch", "--format", "csv", str(folder)], capture_output=True, env=ENV, timeout=60)
    assert table.returncode == 0
    rows = list(csv.reader(io.StringIO(table.stdout.decode("utf-8-sig"))))
    assert sum("\\udc" in row[0] for row in rows) == 17  # sample 2's problems, one row each
    listing = b"\n".join([bad, os.fsencode(folder / "0000.txt")]) + b"\n"
    listed = subprocess.run([*XUNCHA, "batch", "-"], input=listing, capture_output=True, env=ENV, timeout=60)
    assert listed.returncode == 0 and len(records(listed.stdout)) == 2


# 2. A worker killed under -j 2 ------------------------------------------------------------------


def _workers(pid: int) -> list[int]:
    """The pool's processes: children of ``pid`` running the same command line."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        mine = Path(f"/proc/{pid}/cmdline").read_bytes()
        return [int(c) for c in children if Path(f"/proc/{c}/cmdline").read_bytes() == mine]
    except OSError:
        return []


def test_a_killed_worker_is_detected_and_its_notices_done_again(tmp_path):
    paths = copies(tmp_path / "in", 200)
    proc = subprocess.Popen([*XUNCHA, "batch", str(tmp_path / "in"), "-j", "2", "--quiet"], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        while proc.poll() is None and len(_workers(proc.pid)) < 2:
            time.sleep(0.01)
        os.kill(_workers(proc.pid)[0], signal.SIGKILL)
        stdout, stderr = proc.communicate(timeout=60)  # before the fix: a hang, forever
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 1
    assert b"worker" in stderr and b"Traceback" not in stderr
    got = records(stdout)
    assert [r["source"]["path"] for r in got] == [str(p) for p in paths]  # each once, in order
    assert all("error" not in r or r["error"]["type"] == "WorkerLost" for r in got)


# 3. The folder walk: loops, a FIFO, an unreadable and a vanished subfolder ----------------------

#: runs the CLI with os.scandir failing for two folders, as it does for an unreadable folder and
#: one deleted during the run (we run as root, who can read a mode-000 folder, so it is simulated)
PATCHED_SCANDIR = """
import errno, os, sys
real = os.scandir
def scandir(path='.'):
    name = os.path.basename(os.fsdecode(path))
    if name == 'locked':
        raise PermissionError(errno.EACCES, 'Permission denied', path)
    if name == 'gone':
        raise FileNotFoundError(errno.ENOENT, 'No such file or directory', path)
    return real(path)
os.scandir = scandir
from xuncha_parse.cli import main
main(sys.argv[1:])
"""


@pytest.mark.usefixtures("english")
def test_walk_survives_loops_a_fifo_and_unreadable_folders(tmp_path):
    top = tmp_path / "top"
    copies(top, 1)
    copies(top / "sub", 1)
    for name in ("locked", "gone"):
        copies(top / name, 1)
    (top / "sub" / "up").symlink_to("..")          # a directory loop
    (top / "loop.txt").symlink_to("loop.txt")      # a symlink loop
    (top / "link.txt").symlink_to("0000.txt")      # a file symlink: followed
    os.mkfifo(top / "fifo.txt")                    # would block forever when opened
    proc = subprocess.run([sys.executable, "-c", PATCHED_SCANDIR, "batch", str(top)], capture_output=True,
                          env={**ENV, "XUNCHA_LANG": "en"}, timeout=60)
    got = records(proc.stdout)
    paths = [r["source"]["path"] for r in got]
    assert sorted(paths) == sorted(str(top / p) for p in ("0000.txt", "link.txt", "loop.txt", "sub/0000.txt",
                                                          "locked", "gone"))
    errors = {Path(r["source"]["path"]).name: r["error"]["message"] for r in got if "error" in r}
    assert set(errors) == {"loop.txt", "locked", "gone"}
    assert "Permission denied" in errors["locked"] and "No such file" in errors["gone"]
    assert b"fifo.txt" in proc.stderr and b"not a regular file" in proc.stderr
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr


# 5. CSV formula injection -----------------------------------------------------------------------


def test_csv_neutralises_formula_cells(tmp_path, runner, monkeypatch):
    from xuncha_parse.api import parse_to_dict
    from xuncha_parse.outputs.csv import COLUMNS, csv_rows

    notice = parse_to_dict(sample_bytes(0).decode())
    notice["title"] = "=HYPERLINK(\"http://evil\",\"click\")"
    notice["source"]["path"] = "@SUM(1+1)"
    notice["problems"][0]["title"] = "=cmd|' /C calc'!A0"
    notice["problems"][0]["category"] = "+1"
    notice["problems"][1]["title"] = "-2+3"
    notice["problems"][2]["title"] = "\t=1"
    notice["problems"][3]["title"] = "\r=1"
    rows = list(csv.reader(io.StringIO(csv_rows(notice).decode())))
    cells = [c for row in rows for c in row]
    assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells)
    assert rows[0][0] == "'@SUM(1+1)" and rows[0][1].startswith("'=HYPERLINK") and rows[0][COLUMNS.index("title")] == "'=cmd|' /C calc'!A0"
    # and through the CLI, a file named like a formula
    monkeypatch.chdir(tmp_path)
    Path("=1+2.txt").write_bytes(sample_bytes(0))
    out = runner.invoke(main, ["batch", "--format", "csv", "=1+2.txt"]).stdout_bytes.decode("utf-8-sig")
    assert all(row[0] == "'=1+2.txt" for row in list(csv.reader(io.StringIO(out)))[1:])


# 6. show and stats read notice text as markup and pass terminal escapes -------------------------

HOSTILE_TITLE = "关于[/bold]巡察[link=http://evil.example]整改[/link]\x1b[31m情况\x1b]8;;http://x\x07的通报"


def _hostile_notice() -> bytes:
    text = sample_bytes(0).decode()
    first = text.split("\n", 1)[0]
    return text.replace(first, HOSTILE_TITLE, 1).replace("学习贯彻", "[/]学习\x1b[8m贯彻", 1).encode()


def test_show_escapes_markup_and_control_characters(tmp_path, runner):
    path = tmp_path / "hostile.txt"
    path.write_bytes(_hostile_notice())
    result = runner.invoke(main, ["show", str(path)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[/bold]" in result.stdout and "[link=http://evil.example]" in result.stdout and "\\x1b" in result.stdout


def test_stats_escapes_markup_in_categories(tmp_path, runner):
    path = tmp_path / "hostile.txt"
    path.write_bytes(_hostile_notice())
    jsonl = tmp_path / "n.jsonl"
    line = json.loads(runner.invoke(main, ["parse", "--compact", str(path)]).stdout)
    line["problems"][0]["category"] = "[/]\x1b]8;;http://x\x07"
    jsonl.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(main, ["stats", str(jsonl)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "[/]" in result.stdout


# 7. Ctrl-C while writing into a pipe --------------------------------------------------------------


@pytest.mark.usefixtures("english")
def test_interrupt_while_writing_to_a_pipe_leaves_whole_lines(tmp_path):
    """Each record is longer than a pipe holds, so the writer is inside one when the signal comes."""
    copies(tmp_path / "in", 6, big=12)
    proc = subprocess.Popen([*XUNCHA, "batch", str(tmp_path / "in"), "--quiet"], env={**ENV, "XUNCHA_LANG": "en"},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=interruptible)
    head = os.read(proc.stdout.fileno(), 1000)  # the first record is being written, and blocks on the full pipe
    proc.send_signal(signal.SIGINT)
    rest, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"interrupted" in stderr and b"Traceback" not in stderr
    got = records(head + rest)
    assert 1 <= len(got) < 6


# 8. The output must not destroy or re-read an input ----------------------------------------------


@pytest.mark.parametrize("command", ["parse", "batch"])
@pytest.mark.usefixtures("english")
def test_output_that_is_an_input_is_refused(tmp_path, runner, command):
    path = tmp_path / "A.txt"
    path.write_bytes(sample_bytes(0))
    result = runner.invoke(main, [command, str(path), "-o", str(path)])
    assert result.exit_code == 2 and "is also an input" in result.stderr
    assert path.read_bytes() == sample_bytes(0)


@pytest.mark.usefixtures("english")
def test_output_inside_the_input_folder_matching_the_glob_is_refused(tmp_path, runner):
    copies(tmp_path / "in", 2)
    result = runner.invoke(main, ["batch", str(tmp_path / "in"), "-o", str(tmp_path / "in" / "out.txt")])
    assert result.exit_code == 2 and "inside the input folder" in result.stderr
    assert not (tmp_path / "in" / "out.txt").exists()
    ok = runner.invoke(main, ["batch", str(tmp_path / "in"), "--quiet", "-o", str(tmp_path / "in" / "out.jsonl")])
    assert ok.exit_code == 0 and len(records((tmp_path / "in" / "out.jsonl").read_bytes())) == 2
    assert sorted(p.name for p in (tmp_path / "in").iterdir()) == ["0000.txt", "0001.txt", "out.jsonl"]  # no .part


def test_a_path_list_naming_the_output_does_not_read_it(tmp_path, runner):
    copies(tmp_path / "in", 1)
    out = tmp_path / "in" / "0000.txt"
    result = runner.invoke(main, ["batch", "-", "-o", str(tmp_path / "out.jsonl")], input=f"{out}\n{out}\n")
    assert result.exit_code == 0
    out2 = tmp_path / "out.jsonl"
    again = runner.invoke(main, ["batch", "-", "-o", str(out2)], input=f"{out}\n{out2}\n")
    assert again.exit_code == 1 and "is the output file" in out2.read_text(encoding="utf-8")


# 9. Line breaks other than LF -----------------------------------------------------------------------

BREAKS = {"cr": "\r", "crlf": "\r\n", "vt": "\x0b", "ff": "\x0c", "fs": "\x1c", "gs": "\x1d", "rs": "\x1e",
          "nel": "\x85", "ls": "\u2028", "ps": "\u2029"}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_every_line_break_keeps_the_structure(name):
    from spancheck import span_errors

    from xuncha_parse import parse_text

    text = sample_bytes(2).decode()
    want = parse_text(text).model_dump(mode="json")
    broken = text.replace("\n", BREAKS[name])
    got = parse_text(broken).model_dump(mode="json")
    assert [p["title"] for p in got["problems"]] == [p["title"] for p in want["problems"]]
    assert got["source"]["lines"] == want["source"]["lines"]
    if len(BREAKS[name]) == 1:  # the same offsets, so the same output but for the source
        assert {**got, "source": None} == {**want, "source": None}
    # spans slice back: checked on the text with every break written as LF (the same offsets)
    assert span_errors(re.sub("\r(?!\n)|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", "\n", broken), got) == []


# 10. Encodings --------------------------------------------------------------------------------------

TEXT = "关于巡察整改进展情况的通报，根据市委统一部署，我们对反馈的问题进行了整改。\n" * 20
TRADITIONAL = "關於巡察整改進展情況的通報，根據市委統一部署，我們對反饋的問題進行了整改。\n" * 20


@pytest.mark.parametrize("data,encoding,text", [
    (TEXT.encode("utf-16-le"), "utf-16-le", TEXT),
    (TEXT.encode("utf-16-be"), "utf-16-be", TEXT),
])
def test_utf16_without_a_bom_is_detected(data, encoding, text):
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == (encoding, text)


def _one_gbk_line() -> bytes:
    lines = TEXT.encode().split(b"\n")
    lines[7] = "广东省潮州市湘桥区".encode("gbk")
    return b"\n".join(lines)


@pytest.mark.parametrize("data,message", [
    (TRADITIONAL.encode("big5"), "Big5"),
    (_one_gbk_line(), r"invalid UTF-8 at byte \d+ \(line 8\)"),
    (TEXT.encode()[:500] + TEXT.encode()[501:], r"invalid UTF-8 at byte 49[89] \(line 5\)"),  # one byte dropped
    (b"\xef\xbb\xbf", "empty"),
    (b"\xef\xbb\xbf\x00\x00\x00", "empty"),
    (b"\xff\xfe", "empty"),
    (b"\xef\xbb\xbf" + "整改\x00\x01".encode(), "binary"),
])
def test_encoding_faults_are_refused_with_where_and_why(data, message):
    with pytest.raises(DecodeError, match=message):
        decode_bytes(data)


def test_gbk_still_decodes_as_gb18030():
    """The Big5 check must not take simplified GBK text (GB2312 bytes are valid Big5 too)."""
    for text in (TEXT, sample_bytes(1).decode()):
        assert decode_bytes(text.encode("gbk")).encoding == "gb18030"


# 11. Write failures -----------------------------------------------------------------------------------

#: we are root, who can write into a mode-555 folder; /proc refuses new files to anyone
UNWRITABLE = ["/proc/no-such-folder/out.jsonl", "/proc/out.jsonl", "/dev/full"]


@pytest.mark.parametrize("target", UNWRITABLE + ["missing/out.jsonl"])
@pytest.mark.parametrize("command", ["parse", "batch"])
def test_write_failures_are_one_line_and_exit_3(tmp_path, command, target):
    path = tmp_path / "A.txt"
    path.write_bytes(sample_bytes(0))
    target = str(tmp_path / target) if target.startswith("missing") else target
    proc = subprocess.run([*XUNCHA, command, str(path), "-o", target], capture_output=True, env=ENV, timeout=60)
    assert proc.returncode == 3
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0] and target in lines[0]


@pytest.mark.parametrize("command", ["parse", "batch", "show", "stats", "stats --json", "schema"])
def test_stdout_to_a_full_device_is_one_line_and_exit_3(tmp_path, command):
    path = tmp_path / "A.txt"
    path.write_bytes(sample_bytes(0))
    args = command.split() + ([] if command == "schema" else [str(path)])
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([*XUNCHA, *args], stdout=full, stderr=subprocess.PIPE, env=ENV, timeout=60)
    assert proc.returncode == 3
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "No space left" in lines[0]


# 12. Input size ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["parse", "/dev/zero"], ["parse", "--max-bytes", "1000", "-"],
                                  ["batch", "--max-bytes", "1000", "/dev/zero"]])
@pytest.mark.usefixtures("english")
def test_input_past_the_size_limit_is_refused(args):
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run([*XUNCHA, *args], stdin=zero, capture_output=True, env={**ENV, "XUNCHA_LANG": "en"}, timeout=60)
    assert proc.returncode == 1 and b"larger than the limit" in proc.stderr + proc.stdout


# 13. Smaller CLI faults ---------------------------------------------------------------------------------


def test_output_dash_is_stdout(tmp_path, runner, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "A.txt"
    path.write_bytes(sample_bytes(0))
    for command in ("parse", "batch"):
        result = runner.invoke(main, [command, "--compact", str(path), "-o", "-"] if command == "parse"
                               else [command, str(path), "-o", "-"])
        assert result.exit_code == 0 and records(result.stdout_bytes)[0]["problems"]
    assert not (tmp_path / "-").exists()


@pytest.mark.usefixtures("english")
def test_batch_says_it_reads_paths_from_a_terminal(tmp_path):
    import pty

    controller, terminal = pty.openpty()
    proc = subprocess.Popen([*XUNCHA, "batch"], stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**ENV, "XUNCHA_LANG": "en"})
    os.close(terminal)
    os.write(controller, b"\x04")  # Ctrl-D: no paths (the terminal holds it until batch reads)
    _, stderr = proc.communicate(timeout=60)
    os.close(controller)
    assert stderr.index(b"reading paths from stdin") < stderr.index(b"no notice files matched")
    assert proc.returncode == 1


def test_stdin_path_lists_keep_spaces_and_take_nul(tmp_path, runner):
    odd = [tmp_path / " leading space.txt", tmp_path / "line\nbreak.txt"]
    for path in odd:
        path.write_bytes(sample_bytes(0))
    lines = runner.invoke(main, ["batch", "-"], input=f"{odd[0]}\n".encode())
    assert lines.exit_code == 0 and records(lines.stdout_bytes)[0]["source"]["path"] == str(odd[0])
    nul = runner.invoke(main, ["batch", "-0"], input=b"\0".join(os.fsencode(p) for p in odd) + b"\0")
    assert nul.exit_code == 0 and [r["source"]["path"] for r in records(nul.stdout_bytes)] == [str(p) for p in odd]


@pytest.mark.usefixtures("english")
def test_nothing_matched_warns_and_exits_1(tmp_path, runner):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["batch", str(tmp_path / "empty")])
    assert result.exit_code == 1 and "no notice files matched" in result.stderr


@pytest.mark.usefixtures("english")
def test_stats_exits_1_names_failures_and_reads_parse_json(tmp_path, runner):
    good = tmp_path / "A.txt"
    good.write_bytes(sample_bytes(0))
    (tmp_path / "bad.txt").write_bytes(b"")
    parsed = tmp_path / "A.json"
    parsed.write_bytes(runner.invoke(main, ["parse", str(good)]).stdout_bytes)  # indented, as parse writes
    result = runner.invoke(main, ["stats", "--json", str(parsed), str(tmp_path / "bad.txt")])
    summary = json.loads(result.stdout)
    assert (summary["notices"], summary["problems"], summary["failed"]) == (1, 10, 1)
    assert result.exit_code == 1 and "bad.txt" in result.stderr and "empty" in result.stderr


def test_stats_takes_hand_made_jsonl_records(tmp_path, runner):
    jsonl = tmp_path / "hand.jsonl"
    minimal = {"source": {"path": "x.txt", "sha256": "0" * 64, "encoding": "utf-8", "bytes": 1, "lines": 1},
               "problems": [{"title": "问题", "status": "completed", "span": {"start": 0, "end": 1, "line_start": 1,
                                                                            "line_end": 1}}]}
    jsonl.write_text(json.dumps(minimal) + "\n" + json.dumps({"source": {}, "problems": [{}]}) + "\n")
    result = runner.invoke(main, ["stats", "--json", str(jsonl)])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    summary = json.loads(result.stdout)
    assert (summary["notices"], summary["problems"], summary["failed"]) == (1, 1, 1)


def test_csv_gives_a_row_to_a_notice_without_problems(tmp_path, runner):
    path = tmp_path / "plain.txt"
    path.write_text("关于巡察整改进展情况的通报\n没有问题清单的一段文字。\n", encoding="utf-8")
    result = runner.invoke(main, ["batch", "--format", "csv", str(path)])
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"))))
    assert len(rows) == 2 and rows[1][0] == str(path) and rows[1][1] == "关于巡察整改进展情况的通报"
    assert rows[1][12:] == [""] * (len(rows[0]) - 12)


def test_a_corrupt_jieba_cache_is_rebuilt(tmp_path):
    import marshal

    cache = tmp_path / "cache"
    env = {**ENV, "XDG_CACHE_HOME": str(cache)}
    code = "from xuncha_parse.enrich.keywords import keywords; print(keywords('三会一课制度落实不到位'))"
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, text=True, timeout=120)
    assert first.returncode == 0
    (cached,) = (cache / "xuncha").iterdir()
    for garbage in (marshal.dumps(31095554), marshal.dumps(()), b"\x00garbage"):
        cached.write_bytes(garbage)
        again = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, text=True, timeout=120)
        assert again.returncode == 0 and again.stdout == first.stdout, again.stderr


def test_schema_describes_batch_records(tmp_path, runner):
    schema = json.loads(runner.invoke(main, ["schema", "--batch"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert len(schema["oneOf"]) == 2
    copies(tmp_path / "in", 2)
    (tmp_path / "in" / "zz.txt").write_bytes(b"")
    lines = records(runner.invoke(main, ["batch", str(tmp_path / "in")]).stdout_bytes)
    validator = jsonschema.Draft202012Validator(schema)
    assert len(lines) == 3 and "error" in lines[2]
    for line in lines:
        assert list(validator.iter_errors(line)) == []
    assert list(validator.iter_errors({"source": {}, "error": {"type": "X"}}))  # a message is required
