"""Command-line conventions (issue 22): a closed pipe, distinct exit codes, progress with a total,
parquet's folder, shell completion.  One test per convention; docs/RELIABILITY.md names them."""
from __future__ import annotations

import os
import pty
import select
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SAMPLES

from xuncha_parse.clitools import EXIT_INPUT, EXIT_OK, EXIT_OUTPUT, EXIT_USAGE

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
XUNCHA = f"{sys.executable} -m xuncha_parse"


def copies(folder, n):
    """``n`` copies of the samples in ``folder``, different bytes each (more than a pipe's 64 KiB of JSONL)."""
    folder.mkdir()
    for i in range(n):
        for sample in sorted(SAMPLES.glob("*.txt")):
            (folder / f"{i:03d}_{sample.name}").write_bytes(sample.read_bytes() + f"\n{i}\n".encode())
    return folder


@pytest.mark.parametrize("command", ["batch {dir}", "parse --with-text {one}", "show {one}", "stats {dir}"])
def test_a_closed_pipe_ends_quietly_with_exit_0(tmp_path, command):
    folder = copies(tmp_path / "in", 4)
    one = next(folder.iterdir())
    line = f"set -o pipefail; {XUNCHA} {command.format(dir=folder, one=one)} | head -c 10 >/dev/null"
    proc = subprocess.run(["bash", "-c", line], capture_output=True, env=ENV, timeout=120)
    assert (proc.returncode, proc.stderr.decode()) == (EXIT_OK, "")


def test_exit_codes_are_distinct_and_each_means_one_thing(tmp_path):
    good = next(SAMPLES.glob("*.txt"))
    (tmp_path / "bad.txt").write_bytes(b"")  # an empty file is not a notice
    cases = [  # (arguments, status)
        (f"parse {good}", EXIT_OK),
        (f"parse {tmp_path / 'bad.txt'}", EXIT_INPUT),
        (f"batch {good} {tmp_path / 'bad.txt'}", EXIT_INPUT),
        ("parse --no-such-option x", EXIT_USAGE),
        (f"batch {good} --force", EXIT_USAGE),
        (f"parse {good} -o /dev/full", EXIT_OUTPUT),
        (f"batch {good} -o {tmp_path / 'missing' / 'out.jsonl'}", EXIT_OUTPUT),
    ]
    assert len({EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_OUTPUT}) == 4
    for args, status in cases:
        proc = subprocess.run([*XUNCHA.split(), *args.split()], capture_output=True, env=ENV, timeout=60)
        assert proc.returncode == status, args
        assert b"Traceback" not in proc.stderr


def _on_a_terminal(args):
    """Run xuncha with stderr on a pseudo-terminal; what the terminal got."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([*XUNCHA.split(), *args], stdout=subprocess.DEVNULL, stderr=follower, env=ENV)
    os.close(follower)
    seen = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        try:
            chunk = os.read(leader, 65536) if ready else b""
        except OSError:  # the terminal closed with the process
            chunk = b""
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=60)
    os.close(leader)
    return proc.returncode, seen.decode("utf-8", "replace")


@pytest.mark.parametrize("lang, rate", [("zh", "份/秒"), ("en", "files/s")])
def test_progress_on_a_terminal_shows_the_total_rate_and_time_left(tmp_path, lang, rate):
    folder = copies(tmp_path / "in", 3)
    total = len(list(folder.iterdir()))
    status, seen = _on_a_terminal(["batch", str(folder), "-o", str(tmp_path / "out.jsonl"), "--lang", lang])
    assert status == 0
    assert f"/{total}" in seen  # done of total
    assert rate in seen  # the rate
    assert "0:00:0" in seen or "-:--:--" in seen  # the time left


@pytest.mark.parametrize("lang, why", [("zh", "含两个文件"), ("en", "a folder of two files")])
def test_parquet_to_a_file_name_is_refused_with_the_reason(tmp_path, lang, why):
    target = tmp_path / "x.parquet"
    proc = subprocess.run([*XUNCHA.split(), "batch", str(SAMPLES), "--format", "parquet", "-o", str(target)],
                          capture_output=True, env={**ENV, "XUNCHA_LANG": lang}, timeout=60)
    assert proc.returncode == EXIT_USAGE and not target.exists()
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1 and why in lines[0] and "problems.parquet" in lines[0]


#: the installed command (completion keys on the program's name, ``xuncha``, not ``python -m``)
INSTALLED = shutil.which("xuncha", path=os.path.dirname(sys.executable))


@pytest.mark.skipif(INSTALLED is None, reason="needs the installed xuncha command")
def test_shell_completion_as_the_readme_says(tmp_path):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "_XUNCHA_COMPLETE=bash_source xuncha" in readme
    script = subprocess.run([INSTALLED], env={**ENV, "_XUNCHA_COMPLETE": "bash_source"},
                            capture_output=True, timeout=60)
    assert script.returncode == 0 and b"complete -o" in script.stdout
    words = subprocess.run([INSTALLED], capture_output=True, timeout=60, env={
        **ENV, "_XUNCHA_COMPLETE": "bash_complete", "COMP_WORDS": "xuncha ba", "COMP_CWORD": "1"})
    assert b"batch" in words.stdout
