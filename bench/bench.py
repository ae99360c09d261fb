#!/usr/bin/env python3
"""Throughput and memory of xuncha, measured against a floor, in one run.

    python bench/bench.py [--sizes 1000,10000] [--keywords] [--no-linearity] [--instructions]
                          [--readers] [--review] [--db]

For each size N it copies the sample notices into a temporary folder until
there are N files, then times, as separate processes:
  floor    a plain Python loop: read each file, split lines, match one compiled
           regex per line, write one JSON line (what any tool must at least do)
  batch-j1 ``xuncha batch DIR -j 1 -o out.jsonl``
  batch-j2 ``xuncha batch DIR -j 2 -o out.jsonl``
and reports notices/s, the ratios, and the peak resident memory of each
process tree (PSS and RSS, sampled from /proc every 25 ms).  It also times ``xuncha --help``
against ``python -c "import click"`` and one ``xuncha parse`` of a sample, and
parse time per MB at growing input sizes (linearity).  With ``--instructions`` it also counts
instructions per notice under callgrind (parse alone, and with keywords): seconds on this shared
machine drift by 10-25% within minutes, instruction counts do not.  ``--readers``, ``--review`` and
``--db`` run the format benchmarks beside this file: milliseconds per page for each reader
(``readers.py``), a review page's weight and render time in Chromium (``review.py``), and
``batch --db`` against ``batch -o x.jsonl`` with the database's size (``db.py``).
"""
from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
XUNCHA = [sys.executable, "-m", "xuncha_parse"]
#: seconds between memory samples; reading /proc/*/smaps_rollup costs CPU, which a busy -j 2 run feels
SAMPLE_EVERY = 0.025

FLOOR = r"""
import json, re, sys
from pathlib import Path
pattern = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])")
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in sorted(Path(sys.argv[1]).rglob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        hits = sum(1 for line in lines if pattern.match(line))
        out.write(json.dumps({"path": str(path), "lines": len(lines), "headings": hits}, ensure_ascii=False) + "\n")
"""


def tree_memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of a process and all its descendants, in KiB.

    PSS splits pages shared between forked workers among them, so it is the
    fair measure of a process tree; RSS counts a shared page once per process.
    """
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss += int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss += int(line.split()[1])
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return rss, pss


def measure(cmd: list[str]) -> tuple[float, float, float, float]:
    """(seconds, peak tree RSS MiB, peak tree PSS MiB, CPU seconds of the tree) of one command.

    The CPU seconds (user + system of the command and the workers it waited for) do not count time
    the virtual machine's host gave to others, which wall-clock seconds here do (10-20% on a busy day).
    """
    cpu_before = _children_cpu()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        rss, pss = tree_memory_kib(proc.pid)
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{cmd} exited {proc.returncode}")
    return seconds, peak_rss / 1024, peak_pss / 1024, _children_cpu() - cpu_before


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def interleaved(commands: list[list[str]], runs: int) -> list[tuple[float, float, float, float]]:
    """Each command's best time (and peak memory) over ``runs`` rounds that take the commands in turn,
    so a busy spell of the shared host weighs on all of them rather than on one."""
    results: list[list[tuple[float, float, float, float]]] = [[] for _ in commands]
    for _ in range(runs):
        for cmd, out in zip(commands, results):
            out.append(measure(cmd))
    return [(min(r[0] for r in rs), max(r[1] for r in rs), max(r[2] for r in rs), min(r[3] for r in rs))
            for rs in results]


def make_corpus(folder: Path, n: int) -> None:
    for i in range(n):
        src = SAMPLES[i % len(SAMPLES)]
        shutil.copyfile(src, folder / f"{i:06d}_{src.name}")


def throughput(n: int, extra: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out.jsonl"
        folder.mkdir()
        make_corpus(folder, n)
        runs = 3 if n <= 2000 else 1
        # the floor writes a file of its own: batch -o refuses to replace a file that xuncha did not write
        commands = [[sys.executable, "-c", FLOOR, str(folder), str(Path(tmp) / "floor.jsonl")]] + [
            XUNCHA + ["batch", str(folder), "-j", jobs, "--quiet", "-o", str(out)] + extra for jobs in ("1", "2")]
        floor, j1, j2 = interleaved(commands, runs)
    print(f"\n{n} notices {' '.join(extra)}")
    for name, (sec, rss, pss, cpu) in (("floor", floor), ("batch -j 1", j1), ("batch -j 2", j2)):
        print(f"  {name:<11} {sec:8.2f} s  {n / sec:9.0f} notices/s  peak PSS {pss:6.1f} MiB (RSS {rss:6.1f})"
              f"  cpu {cpu:6.2f} s = {n / cpu:6.0f} notices per CPU-second")
    print(f"  batch -j 1 / floor = {j1[0] / floor[0]:.1f}x slower;  -j 2 speed-up over -j 1 = {j1[0] / j2[0]:.2f}x")


def wall(cmd: list[str], runs: int = 15) -> float:
    """Best wall-clock seconds of a short command, waited on directly: ``measure`` polls every
    25 ms for memory, which would round a 50 ms start-up to the polling step."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    return min(times)


def startup() -> None:
    # ``xuncha --help`` is the console script when installed (``python -m`` adds runpy's few ms)
    script = Path(sys.executable).with_name("xuncha")
    command = [str(script)] if script.exists() else XUNCHA
    click = wall([sys.executable, "-c", "import click"])
    helps = wall(command + ["--help"])
    parse = wall(command + ["parse", str(SAMPLES[0])], 7)
    print(f"\nstart-up: import click {click * 1000:.0f} ms, xuncha --help {helps * 1000:.0f} ms "
          f"({helps / click:.2f}x), xuncha parse one sample {parse * 1000:.0f} ms")


JIEBA_LOAD = r"""
import time
t0 = time.perf_counter()
from xuncha_parse.enrich.keywords import _import_jieba, tokenizer
_import_jieba()
t1 = time.perf_counter()
tokenizer()
t2 = time.perf_counter()
print(f"{(t1 - t0) * 1000:.0f} {(t2 - t1) * 1000:.0f}")
"""


def jieba_load() -> None:
    """jieba's import and dictionary load, each in a fresh process with a warm cache (best of 5)."""
    subprocess.run([sys.executable, "-c", JIEBA_LOAD], capture_output=True, check=True)
    runs = [subprocess.run([sys.executable, "-c", JIEBA_LOAD], capture_output=True, text=True, check=True)
            .stdout.split() for _ in range(5)]
    imp, load = min(int(r[0]) for r in runs), min(int(r[1]) for r in runs)
    print(f"\njieba: import {imp} ms, dictionary load (pruned prefix dict + domain terms, cached) {load} ms")


def linearity() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from xuncha_parse.api import parse_to_dict

    text = "\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    print("\nlinearity (ms per 100 kB of input):")
    for copies in (1, 4, 16, 48):
        big = "\n".join([text] * copies)
        t0 = time.perf_counter()
        parse_to_dict(big)
        dt = time.perf_counter() - t0
        print(f"  {len(big.encode()) / 1e6:6.2f} MB  {dt:6.2f} s  {dt * 1000 / (len(big.encode()) / 1e5):7.1f}")
    for n in (5_000, 20_000):
        lines = "\n".join(f"{i}.关于“问题{i}”方面问题" for i in range(n))
        t0 = time.perf_counter()
        parse_to_dict(lines)
        print(f"  {n} heading-like lines  {time.perf_counter() - t0:6.2f} s")


def memory_multiple() -> None:
    """Peak memory of one ``xuncha parse`` as a multiple of its input, for growing inputs (the figure
    behind --max-bytes' default: parsing holds about this many times the input at its peak)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    print("\npeak memory of xuncha parse (max RSS less the interpreter's start-up):")
    base = _peak_rss([sys.executable, "-c", "import xuncha_parse.api"])
    with tempfile.TemporaryDirectory() as tmp:
        for copies in (16, 64, 128):
            path = Path(tmp) / f"big{copies}.txt"
            path.write_text("\n".join([text] * copies), encoding="utf-8")
            size = path.stat().st_size
            peak = _peak_rss(XUNCHA + ["parse", "--compact", "-o", "/dev/null", "--max-bytes", str(size + 1), str(path)])
            print(f"  {size / 1e6:6.2f} MB input  peak {peak / 1e6:7.1f} MB  {(peak - base) / size:5.1f}x the input")


def _peak_rss(cmd: list[str]) -> int:
    """The peak resident memory, in bytes, of a command run to the end."""
    pid = subprocess.Popen(cmd, stdout=subprocess.DEVNULL).pid
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss * 1024


PARSE_ROUNDS = r"""
import sys
from pathlib import Path
from xuncha_parse.api import bytes_to_dict
from xuncha_parse.enrich.keywords import annotate
data = [p.read_bytes() for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for _ in range(int(sys.argv[2])):
    for raw in data:
        notice = bytes_to_dict(raw)
        if sys.argv[3] == "1":
            annotate(notice)
"""


def instructions() -> None:
    """Instructions per notice under callgrind: unlike seconds, the same for the same code whatever else
    the machine does, so it is the measure to compare two versions of the parser by."""
    if shutil.which("valgrind") is None:
        print("\ninstructions: valgrind not found")
        return
    print("\ninstructions per notice (callgrind, the samples parsed 4 times less once):")
    for keywords in ("0", "1"):
        counts = [_callgrind([sys.executable, "-c", PARSE_ROUNDS, str(SAMPLES[0].parent), str(r), keywords])
                  for r in (1, 4)]
        label = "parse + keywords" if keywords == "1" else "parse"
        print(f"  {label:<17} {(counts[1] - counts[0]) / (3 * len(SAMPLES)) / 1e6:6.2f} million")


def _callgrind(cmd: list[str]) -> int:
    run = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                         capture_output=True, text=True, check=True)
    return int(run.stderr.split("Collected : ")[1].split()[0])


def main(argv: list[str]) -> None:
    sizes = [1000, 10000]
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    extra = ["--keywords"] if "--keywords" in argv else []
    startup()
    if extra:
        jieba_load()
    for n in sizes:
        throughput(n, extra)
    if "--no-linearity" not in argv:
        linearity()
        memory_multiple()
    if "--instructions" in argv:
        instructions()
    for flag in ("--readers", "--review", "--db"):
        if flag in argv:
            print(f"\n{flag[2:]}:", flush=True)
            subprocess.run([sys.executable, str(Path(__file__).with_name(flag[2:] + ".py"))], check=False)


if __name__ == "__main__":
    main(sys.argv[1:])
