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


def timed(args: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(XUNCHA + args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def bench(folder: Path, work: Path, jobs: int, rounds: int, env: dict) -> dict:
    jsonl, db = work / "out.jsonl", work / "out.db"
    best = {"jsonl": float("inf"), "db": float("inf"), "again": float("inf")}
    for _ in range(rounds):
        best["jsonl"] = min(best["jsonl"], timed(["batch", str(folder), "-j", str(jobs), "-o", str(jsonl)], env))
        remove_db(db)
        best["db"] = min(best["db"], timed(["batch", str(folder), "-j", str(jobs), "--db", str(db)], env))
        best["again"] = min(best["again"], timed(["batch", str(folder), "-j", str(jobs), "--db", str(db)], env))
    best["jsonl_mb"] = jsonl.stat().st_size / 1e6
    best["db_mb"] = sum(Path(str(db) + s).stat().st_size for s in ("", "-wal") if Path(str(db) + s).exists()) / 1e6
    return best


def report(n: int, jobs: int, best: dict) -> None:
    ratio = best["db"] / best["jsonl"]
    verdict = "ok" if ratio <= TARGET else f"over the {TARGET:.2f} target"
    print(f"{n} notices, -j {jobs}: jsonl {best['jsonl']:.2f}s ({n / best['jsonl']:.0f}/s), "
          f"db {best['db']:.2f}s ({n / best['db']:.0f}/s), ratio {ratio:.3f} ({verdict}); "
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
