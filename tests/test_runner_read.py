"""runner/read.py: one bounded pass that reads and hashes a file; what cannot be read is one error record.

A FIFO, a device past the limit, a file that grows while it is read: each becomes an error record,
the rest of the batch is stored, and the exit status is 1, whichever the sink.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import SAMPLES

from xuncha_parse.cli import main
from xuncha_parse.runner.read import InputError, load, read_bounded, read_regular

SAMPLE = SAMPLES / "003_b6fc3b0db45f3be2.txt"


def test_load_reads_and_hashes_in_one_pass(tmp_path):
    loaded = load(str(SAMPLE))
    assert loaded.data == SAMPLE.read_bytes()
    assert loaded.sha256 == hashlib.sha256(loaded.data).hexdigest()


class Growing(io.RawIOBase):
    """A file that another process appends to while it is read: more bytes come than fstat said."""

    def __init__(self, path):
        self.f = open(path, "rb")
        self.path = path

    def fileno(self):
        return self.f.fileno()

    def read(self, n=-1):
        with open(self.path, "ab") as more:
            more.write(b"x" * 100)
        return self.f.read(n)


@pytest.mark.parametrize("make, message", [
    (lambda p: Growing(p), "changed while it was read"),
    (lambda p: open(p, "rb"), None),
])
def test_a_file_that_grows_while_read_is_refused(tmp_path, make, message):
    path = tmp_path / "notice.txt"
    path.write_bytes(SAMPLE.read_bytes())
    f = make(path)
    try:
        if message is None:
            assert read_regular(f, 1 << 20) == SAMPLE.read_bytes()
        else:
            with pytest.raises(InputError, match=message):
                read_regular(f, 1 << 20)
    finally:
        f.close()


@pytest.mark.parametrize("size, limit, ok", [(10, 10, True), (11, 10, False), (0, 10, True)])
def test_a_stream_is_read_up_to_the_limit_and_no_further(size, limit, ok):
    stream = io.BytesIO(b"a" * size)
    if ok:
        assert read_bounded(stream, limit) == b"a" * size
    else:
        with pytest.raises(InputError, match="larger than the limit"):
            read_bounded(stream, limit)


def test_parse_reads_a_pipe_given_by_name_as_a_stream(tmp_path):
    """``xuncha parse <(…)``: one notice from a pipe, read to its end; a batch refuses it (below)."""
    import subprocess
    import sys

    from conftest import ROOT

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    code = f"xuncha_parse parse <(cat {SAMPLE}) --compact"
    proc = subprocess.run(["bash", "-c", f"{sys.executable} -m {code}"], capture_output=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["problems"]


def _jsonl(out):
    return [json.loads(line) for line in (out / "a.jsonl").read_text("utf-8").splitlines()]


def _db(out):
    with sqlite3.connect(out / "a.db") as conn:
        return [{"source": {"path": p}} for (p,) in conn.execute("SELECT path FROM notices")]


@pytest.mark.parametrize("sink, options, read", [("jsonl", ["-o", "a.jsonl"], _jsonl), ("db", ["--db", "a.db"], _db)])
@pytest.mark.usefixtures("english")
def test_a_fifo_and_a_device_are_one_error_record_each_and_the_rest_is_stored(tmp_path, monkeypatch, sink, options,
                                                                             read):
    monkeypatch.chdir(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer forever
    shutil.copy(SAMPLE, tmp_path / "good.txt")
    result = CliRunner().invoke(main, ["batch", str(fifo), "/dev/zero", "good.txt", "--max-bytes", "100000",
                                       *options])
    assert result.exit_code == 1, result.output
    assert "pipe.txt: not a regular file (FIFO)" in result.stderr
    assert "/dev/zero: larger than the limit of 100000 bytes" in result.stderr
    got = read(tmp_path)
    assert [r["source"]["path"] for r in got if "error" not in r] == ["good.txt"]
    if sink == "jsonl":  # the error records are in the output, in input order
        assert [r["source"]["path"] for r in got if "error" in r] == [str(fifo), "/dev/zero"]
