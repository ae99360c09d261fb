"""The longest run of characters a fixture shares with the page it was modelled on.

A fixture in tests/real is written here, after the layout and phrasing forms of a public page; its
sentences must be our own. The page texts stay out of the repository (see README.md): keep each one
as ``SOURCES/<fixture stem>.txt`` (and any page it took further shapes from as
``SOURCES/<fixture stem>.shape.txt``) in a folder of your own and run

    python tests/real/overlap.py SOURCES [--limit 40]

which prints, per fixture with a source, the longest shared run (in characters, after dropping
white space) and exits 1 when any reaches the limit. Web furniture that every page carries word for
word (``信息索引号``, ``主动公开``) is short and stays far below the limit.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

REAL = Path(__file__).resolve().parent


def squeeze(text: str) -> str:
    """The text without white space, so re-wrapping a line does not hide a copied sentence."""
    return "".join(text.split())


def longest_shared_run(a: str, b: str) -> int:
    """Length of the longest common substring, by binary search on the run length (sets of k-grams)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        k = (lo + hi + 1) // 2
        grams = {a[i:i + k] for i in range(len(a) - k + 1)}
        if any(b[i:i + k] in grams for i in range(len(b) - k + 1)):
            lo = k
        else:
            hi = k - 1
    return lo


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path)
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args(argv)
    worst, checked, over = 0, 0, []
    for fixture in sorted(REAL.glob("*.txt")):
        # the page it was modelled on, and any other page it took shapes from (<stem>.shape.txt)
        sources = sorted(args.sources.glob(fixture.stem + ".*txt"))
        if not sources:
            continue
        text = squeeze(fixture.read_text("utf-8"))
        run = max(longest_shared_run(text, squeeze(source.read_text("utf-8"))) for source in sources)
        checked, worst = checked + 1, max(worst, run)
        print(f"{run:4d}  {fixture.name}")
        if run >= args.limit:
            over.append(fixture.name)
    print(f"checked {checked} fixtures against their sources; longest shared run {worst}; "
          f"{len(over)} at or over {args.limit}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
