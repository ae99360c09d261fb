"""The benchmark script runs end to end (it measures; this only checks it still works, on 10 notices)."""
import subprocess
import sys

from conftest import ROOT


def test_bench_runs_and_reports_every_measure():
    run = subprocess.run([sys.executable, str(ROOT / "bench" / "bench.py"), "--sizes", "10", "--no-linearity"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for line in ("start-up: import click", "xuncha --help", "10 notices", "floor", "batch -j 1", "batch -j 2",
                 "notices per CPU-second", "-j 2 speed-up over -j 1"):
        assert line in run.stdout, line
