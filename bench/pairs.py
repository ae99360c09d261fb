#!/usr/bin/env python3
"""Pair precision and recall of both levels on hand-labelled pairs of problem titles.

    python bench/pairs.py [tests/fixtures/pairs/dev.jsonl ...]

Each line holds two titles and whether they name the same finding (keys ``a``, ``b``, ``same``; the
names ``title_a``/``title_b``/``label`` are read too). All titles of a file are clustered together,
as ``analyze`` clusters a corpus (``store.title_levels``); a pair is predicted the same when both
titles land in one cluster. Also printed: cluster purity over the titles whose finding the fixture names
(``finding_a``/``finding_b``, else a same pair's ``finding``): the share of titles whose cluster's most
common finding is theirs;
and, on stderr, the pairs each level gets wrong.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT / "tests" / "fixtures" / "pairs" / f"{name}.jsonl" for name in ("dev", "test")]


def read_pairs(path: Path) -> tuple[list[tuple[str, str, bool]], dict[str, str], dict[str, str]]:
    """The pairs, the finding each title names (``finding_a``/``finding_b``, else a same pair's ``finding``),
    and each title's unit."""
    pairs, findings, units = [], {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            a, b = row.get("a", row.get("title_a")), row.get("b", row.get("title_b"))
            same = row.get("same", row.get("label")) in (True, 1, "same", "1")
            pairs.append((a, b, same))
            if same and row.get("finding"):
                findings[a] = findings[b] = row["finding"]
            for title, key in ((a, "a"), (b, "b")):
                if row.get(f"finding_{key}"):
                    findings[title] = row[f"finding_{key}"]
                units[title] = row.get(f"unit_{key}")
    return pairs, findings, units


def purity(rep: list[int], index: dict[str, int], findings: dict[str, str]) -> float:
    from collections import Counter

    clusters: dict[int, Counter[str]] = {}
    for title, finding in findings.items():
        clusters.setdefault(rep[index[title]], Counter())[finding] += 1
    return round(sum(c.most_common(1)[0][1] for c in clusters.values()) / max(len(findings), 1), 4)


def scores(pairs: list[tuple[str, str, bool]], findings: dict[str, str],
           units: dict[str, str]) -> dict[str, dict]:  # type: ignore[type-arg]
    from xuncha_parse.analysis.store import title_levels

    titles = sorted({t for a, b, _ in pairs for t in (a, b)})
    index = {t: i for i, t in enumerate(titles)}
    out = {}
    for level, found in title_levels(titles, [units.get(t) for t in titles]).items():
        rep = found.representative.tolist()
        predicted = [rep[index[a]] == rep[index[b]] for a, b, _ in pairs]
        tp = sum(p and s for p, (_, _, s) in zip(predicted, pairs))
        fp = sum(p and not s for p, (_, _, s) in zip(predicted, pairs))
        fn = sum(s and not p for p, (_, _, s) in zip(predicted, pairs))
        out[level] = {"pairs": len(pairs), "same": sum(s for _, _, s in pairs),
                      "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
                      "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
                      "purity": purity(rep, index, findings),
                      "wrong": [(a, b, s) for p, (a, b, s) in zip(predicted, pairs) if p != s]}
    return out


def main() -> None:
    paths = [Path(p) for p in sys.argv[1:]] or [p for p in DEFAULT if p.exists()]
    if not paths:
        sys.exit("no labelled pairs: tests/fixtures/pairs/{dev,test}.jsonl are missing")
    print("| file | level | pairs | same | precision | recall | purity |\n|---|---|---|---|---|---|---|")
    wrong = []
    for path in paths:
        for level, s in scores(*read_pairs(path)).items():
            print(f"| {path.name} | {level} | {s['pairs']} | {s['same']} | {s['precision']} | {s['recall']} | "
                  f"{s['purity']} |")
            wrong += [(path.name, level, *w) for w in s["wrong"]]
    for row in wrong:
        print("wrong:", *row, file=sys.stderr)


if __name__ == "__main__":
    main()
