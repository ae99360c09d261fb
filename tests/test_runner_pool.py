"""kill -9 of ``batch -j 2`` (what the OOM killer or a CI timeout does) leaves no worker behind.

The workers ask the kernel for SIGKILL when their parent dies (``runner.pool.start_worker``); before,
both went on reading the input folder after the parent was gone.  The parent is started in a session
of its own, so a worker that survived would still be found, and killed by the test's cleanup.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLES

ENV = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}


def children(pid: int) -> list[int]:
    """The live (not zombie) processes whose parent is ``pid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            stat = _stat(entry)
            if stat and int(stat[1]) == pid and stat[0] != "Z":
                found.append(int(entry.name))
    return found


def _stat(entry: Path) -> list[str] | None:
    """(state, ppid, …) of a process, or None when it is gone."""
    try:
        text = (entry / "stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def alive(pid: int) -> bool:
    stat = _stat(Path(f"/proc/{pid}"))
    return stat is not None and stat[0] != "Z"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("sink", [["-o", "{tmp}/out.jsonl"], ["--db", "{tmp}/out.db"]])
def test_no_worker_outlives_a_killed_batch(tmp_path, sink):
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))]
    for i in range(600):  # enough that the run is still parsing when it is killed
        (folder / f"n{i:04d}.txt").write_bytes(texts[i % len(texts)] + f"\n{i}\n".encode())
    args = [o.format(tmp=tmp_path) for o in sink]
    proc = subprocess.Popen([sys.executable, "-m", "xuncha_parse", "batch", str(folder), "-j", "2", "--quiet", *args],
                            env=ENV, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            workers = children(proc.pid)
            time.sleep(0.01)
        assert len(workers) >= 2, "the pool did not start"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        time.sleep(3)
        assert [pid for pid in workers if alive(pid)] == []
    finally:
        for pid in workers:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
