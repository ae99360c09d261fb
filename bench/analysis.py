#!/usr/bin/env python3
"""What the near-duplicate level costs and finds, on synthetic corpora whose truth is known.

    python bench/analysis.py [--sizes 10000,100000] [--minhash numpy] [--workers 1]

For each size and MinHash implementation, a fresh process generates ``synth.corpus(n)`` (not timed),
then runs and times the stages of ``cluster.near_clusters``: normalise (``normalize.wording`` and the
exact-duplicate merge), hash (signatures), band (band keys and candidate pairs), verify (rapidfuzz
ratio), cluster (the join without chaining). It prints a Markdown row per run: seconds and peak
resident memory after each stage (ru_maxrss, so each figure includes the ones before it), CPU seconds
of the whole run (steadier than wall time on a shared machine), candidate
and verified pairs, and pair precision and recall against the synthetic truth.

``--analyze N`` instead times ``xuncha analyze`` as a whole on a database of N synthetic problems (20 a
notice, each unit inspected three times, in four bodies and three years), written straight into the
``batch --db`` tables, and counts what it wrote.

``--minhash`` takes numpy (ours), rensa (its Rust digest matrix from our shingle hashes) and
datasketch (``MinHash.bulk``); all three feed the same banding, so only the signatures differ.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("normalise", "hash", "band", "verify", "cluster")


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def signatures(texts: list[str], how: str):  # type: ignore[no-untyped-def]
    import numpy as np

    from xuncha_parse.analysis import minhash

    if how == "numpy":
        return minhash.signatures(texts)
    if how == "rensa":
        from rensa import RMinHash

        codes, offsets = minhash.shingle_hashes(texts)
        rows = np.append(offsets, len(codes)).astype(np.uint64)
        matrix = RMinHash.digest_matrix_from_flat_token_hashes(codes, rows, minhash.PERMUTATIONS, minhash.SEED)
        return np.array(matrix.to_rows(), dtype=np.uint32).T.copy()
    from datasketch import MinHash

    n = minhash.SHINGLE
    sets = [[t[i:i + n].encode() for i in range(max(len(t) - n + 1, 1))] for t in texts]
    found = MinHash.bulk(sets, num_perm=minhash.PERMUTATIONS, seed=1)
    return np.stack([m.hashvalues for m in found], axis=1).astype(np.uint32)


def pair_scores(labels: list[int], sources: list[int]) -> tuple[float, float]:
    """Pair precision and recall of a clustering against the truth's sources."""
    def pairs(counts: Counter) -> int:  # type: ignore[type-arg]
        return sum(k * (k - 1) // 2 for k in counts.values())

    both = pairs(Counter(zip(labels, sources)))
    predicted, true = pairs(Counter(labels)), pairs(Counter(sources))
    return (both / predicted if predicted else 1.0), (both / true if true else 1.0)


def one(n: int, how: str) -> dict:  # type: ignore[type-arg]
    """One run in this process: the stages in turn, each timed, with the peak memory after it."""
    import numpy as np

    from xuncha_parse.analysis import cluster
    from xuncha_parse.analysis.minhash import candidate_pairs
    from xuncha_parse.analysis.normalize import wording
    from xuncha_parse.analysis.synth import corpus

    titles, sources = corpus(n)
    row: dict = {"n": n, "minhash": how, "start_mib": round(peak_mib())}
    clock, cpu = time.perf_counter(), time.process_time()

    def lap(stage: str) -> None:
        nonlocal clock, cpu
        now, used = time.perf_counter(), time.process_time()
        row[stage] = (round(now - clock, 2), round(peak_mib()), round(used - cpu, 2))
        clock, cpu = now, used

    distinct, which = cluster.dedupe([wording(t) for t in titles])
    lap("normalise")
    sig = signatures(distinct, how)
    lap("hash")
    candidates = candidate_pairs(sig, np.fromiter(map(len, distinct), dtype=np.int64, count=len(distinct)))
    del sig
    lap("band")
    pairs, scores = cluster.verify(distinct, candidates, cluster.WORDING_THRESHOLD)
    lap("verify")
    found = cluster.join(len(distinct), np.bincount(which, minlength=len(distinct)), pairs, scores)
    labels = found.representative[which].tolist()
    lap("cluster")
    row["total"] = round(sum(row[s][0] for s in STAGES), 2)
    row["cpu"] = round(sum(row[s][2] for s in STAGES), 2)
    row["candidates"], row["verified"] = len(candidates), len(pairs)
    row["precision"], row["recall"] = (round(x, 4) for x in pair_scores(labels, sources))
    return row


def analyze_db(n: int) -> dict:  # type: ignore[type-arg]
    """Time ``store.analyze`` on a fresh database of ``n`` synthetic problems."""
    import tempfile

    from xuncha_parse.analysis.store import analyze, counts
    from xuncha_parse.analysis.synth import corpus
    from xuncha_parse.outputs.db import open_db

    titles, _ = corpus(n)
    with tempfile.TemporaryDirectory() as folder:
        conn = open_db(f"{folder}/notices.db")
        conn.execute("BEGIN")
        notices = (n + 19) // 20
        conn.executemany("INSERT INTO notices (id, sha256, target, issuer, body, year, start_date, parsed_problems, "
                         "parsed_at, json) VALUES (?, ?, ?, ?, ?, ?, ?, 20, '2026-01-01', '{}')",
                         [(i, f"{i:064x}", f"县第{i // 3}局", f"中共青山县第{i // 3}局党组", f"县委第{i % 4}巡察组",
                           2021 + i % 3, f"{2021 + i % 3}-03-01") for i in range(notices)])
        conn.executemany("INSERT INTO problems (notice_id, position, title, status, long_term, immediate) "
                         "VALUES (?, ?, ?, ?, 0, 0)",
                         [(i // 20, i % 20, t, ("completed", "in_progress", "unknown")[i % 3]) for i, t in enumerate(titles)])
        conn.execute("COMMIT")
        start = time.perf_counter()
        analyze(conn)
        seconds = time.perf_counter() - start
        return {"n": n, "analyze_s": round(seconds, 2), "peak_mib": round(peak_mib()), **counts(conn)}


def markdown(rows: list[dict]) -> str:  # type: ignore[type-arg]
    head = ("| problems | MinHash | " + " | ".join(f"{s} s (MiB)" for s in STAGES)
            + " | total s | CPU s | candidates | verified | precision | recall |")
    lines = [head, "|" + "---|" * (len(STAGES) + 8)]
    for r in rows:
        stages = " | ".join(f"{r[s][0]} ({r[s][1]})" for s in STAGES)
        lines.append(f"| {r['n']:,} | {r['minhash']} | {stages} | {r['total']} | {r['cpu']} | {r['candidates']:,} | "
                     f"{r['verified']:,} | {r['precision']} | {r['recall']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--minhash", default="numpy", help="numpy, rensa, datasketch (comma-separated)")
    parser.add_argument("--analyze", type=int, metavar="N", help="time analyze on a database of N problems")
    parser.add_argument("--one", nargs=2, metavar=("N", "MINHASH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.analyze:
        print(json.dumps(analyze_db(args.analyze), ensure_ascii=False))
        return
    if args.one:
        print(json.dumps(one(int(args.one[0]), args.one[1])))
        return
    rows = []
    for n in (int(x) for x in args.sizes.split(",")):
        for how in args.minhash.split(","):
            out = subprocess.run([sys.executable, __file__, "--one", str(n), how], capture_output=True, text=True,
                                 check=True, cwd=ROOT)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(markdown(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    print(markdown(rows))


if __name__ == "__main__":
    main()
