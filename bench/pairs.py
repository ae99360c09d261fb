#!/usr/bin/env python3
"""Pair precision and recall of both levels on hand-labelled pairs of problem titles.

    python bench/pairs.py [tests/fixtures/pairs/dev.jsonl ...]

Each line holds two titles and whether they name the same finding (keys ``a``, ``b``, ``same``; the
names ``title_a``/``title_b``/``label`` are read too). All titles of a file are clustered together,
as ``analyze`` clusters a corpus (``store.title_levels``); a pair is predicted the same when both
titles land in one cluster. Also printed: the purity of the clusters that hold a labelled pair (the
share of their labelled pairs that are the same finding), and the pairs each level gets wrong.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "fixtures" / "pairs" / f"{name}.jsonl" for name in ("dev", "test")]


def read_pairs(path: Path) -> list[tuple[str, str, bool]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            a, b = row.get("a", row.get("title_a")), row.get("b", row.get("title_b"))
            same = row.get("same", row.get("label"))
            pairs.append((a, b, same in (True, 1, "same", "1")))
    return pairs


def scores(pairs: list[tuple[str, str, bool]]) -> dict[str, dict[str, float]]:
    from xuncha_parse.analysis.store import title_levels

    titles = sorted({t for a, b, _ in pairs for t in (a, b)})
    index = {t: i for i, t in enumerate(titles)}
    out = {}
    for level, found in title_levels(titles).items():
        rep = found.representative.tolist()
        predicted = [rep[index[a]] == rep[index[b]] for a, b, _ in pairs]
        tp = sum(p and s for p, (_, _, s) in zip(predicted, pairs))
        fp = sum(p and not s for p, (_, _, s) in zip(predicted, pairs))
        fn = sum(s and not p for p, (_, _, s) in zip(predicted, pairs))
        out[level] = {"pairs": len(pairs), "same": sum(s for _, _, s in pairs),
                      "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
                      "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
                      "wrong": [(a, b, s) for p, (a, b, s) in zip(predicted, pairs) if p != s]}
    return out


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [p for p in DEFAULT if p.exists()]
    if not paths:
        sys.exit("no labelled pairs: tests/fixtures/pairs/{dev,test}.jsonl are missing")
    print("| file | level | pairs | same | precision | recall |\n|---|---|---|---|---|---|")
    wrong = []
    for path in paths:
        for level, s in scores(read_pairs(path)).items():
            print(f"| {path.name} | {level} | {s['pairs']} | {s['same']} | {s['precision']} | {s['recall']} |")
            wrong += [(path.name, level, *w) for w in s["wrong"]]
    for row in wrong:
        print("wrong:", *row, file=sys.stderr)


if __name__ == "__main__":
    main()
