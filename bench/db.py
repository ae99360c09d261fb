#!/usr/bin/env python3
"""What the corpus database costs: ``batch --db`` against ``batch -o x.jsonl``.

    python bench/db.py [--notices 1000] [--jobs 1,2] [--rounds 3]

Copies the sample notices into a temporary folder until there are N files, each
with its own bytes (a trailing line with its number, so every sha256 differs),
then times, as separate processes and in interleaved rounds:
  jsonl   ``xuncha batch DIR -j J -o out.jsonl``
  db      ``xuncha batch DIR -j J --db out.db`` into a new database
  again   ``xuncha batch DIR -j J --db out.db`` a second time (everything unchanged)
and reports the best time of each, the ratio db/jsonl (the target is at most
1.15), and the sizes of the JSONL file and the database.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
XUNCHA = [sys.executable, "-m", "xuncha_parse"]
TARGET = 1.15


def make_corpus(folder: Path, n: int) -> None:
    """N notices: the samples in turn, each with a trailing line holding its number."""
    texts = [p.read_bytes() for p in SAMPLES]
    for i in range(n):
        (folder / f"{i:06d}.txt").write_bytes(texts[i % len(texts)] + f"\n{i}\n".encode())


def timed(args: list[str], env: dict) -> tuple[float, float]:
    """Wall seconds, and CPU seconds (user + system) of the run and its worker processes."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(XUNCHA + args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def bench(folder: Path, work: Path, jobs: int, rounds: int, env: dict) -> dict:
    jsonl, db = work / "out.jsonl", work / "out.db"
    best = {k: float("inf") for k in ("jsonl", "db", "again", "jsonl_cpu", "db_cpu")}
    runs = {"jsonl": ["-o", str(jsonl)], "db": ["--db", str(db)], "again": ["--db", str(db)]}
    for _ in range(rounds):
        remove_db(db)
        for name, args in runs.items():
            wall, cpu = timed(["batch", str(folder), "-j", str(jobs), *args], env)
            best[name] = min(best[name], wall)
            best[f"{name}_cpu"] = min(best.get(f"{name}_cpu", cpu), cpu)
    best["jsonl_mb"] = jsonl.stat().st_size / 1e6
    best["db_mb"] = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists()) / 1e6
    return best


def report(n: int, jobs: int, best: dict) -> None:
    ratio = best["db"] / best["jsonl"]
    verdict = "ok" if ratio <= TARGET else f"over the {TARGET:.2f} target"
    print(f"{n} notices, -j {jobs}: jsonl {best['jsonl']:.2f}s ({n / best['jsonl']:.0f}/s), "
          f"db {best['db']:.2f}s ({n / best['db']:.0f}/s), ratio {ratio:.3f} ({verdict}); "
          f"CPU jsonl {best['jsonl_cpu']:.2f}s, db {best['db_cpu']:.2f}s; "
          f"second run (all unchanged) {best['again']:.2f}s; "
          f"sizes: jsonl {best['jsonl_mb']:.1f} MB, db {best['db_mb']:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notices", type=int, default=1000)
    parser.add_argument("--jobs", default="1,2", help="comma-separated -j values")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    with tempfile.TemporaryDirectory() as tmp:
        folder, work = Path(tmp) / "notices", Path(tmp)
        folder.mkdir()
        make_corpus(folder, args.notices)
        for jobs in (int(j) for j in args.jobs.split(",")):
            report(args.notices, jobs, bench(folder, work, jobs, args.rounds, env))


if __name__ == "__main__":
    main()
