"""Score the parser on the real-notice corpus (tests/real/NNN_*.txt against NNN_*.json).

Run: `PYTHONPATH=src python tests/real/score.py` prints one line per field (accuracy over the
rectification notices, then over the neighbours) and then every failure (file, field, expected, got);
with `--floors`, the THRESHOLDS of tests/test_real.py, half a file below the measure. `--files SPEC`
scores a subset: a number range (`250-279`), several of them (`250-279,290`), or a glob on the file
names (`'25?_*'`). `score_corpus()` returns the same figures for tests/test_real.py.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from xuncha_parse import parse_bytes

CORPUS = Path(__file__).resolve().parent

# Punctuation and spaces in either width, dropped before comparing names ("区委第二巡察组。" == "区委第二巡察组")
PUNCT = re.compile(r"[\s\u3000，,。．.、；;：:！!？?“”\"‘’'《》〈〉（）()【】\[\]—\-－·…]")

NAME_FIELDS = ("issuer", "inspection.body", "inspection.target")
DATE_FIELDS = ("inspection.start", "inspection.end", "inspection.feedback")
DECLARED_FIELDS = tuple(
    f"declared.{k}" for k in ("categories", "problems", "completed", "in_progress", "completion_rate")
)
FIELDS = ("kind", "title", *NAME_FIELDS, *DATE_FIELDS, *DECLARED_FIELDS, "problems.titles", "problems.count")
#: fields scored only on the files whose truth names a neighbouring kind (not ``rectification``): no problem
#: invented, and no inspection date taken from a meeting or a publication (every date as the truth has it)
NEIGHBOUR_FIELDS = ("neighbours.no_problems", "neighbours.no_meeting_dates")
#: contacts: on the files whose truth lists channels, every one found (type and value, recall); on the files
#: whose truth has a ``contacts`` key (an empty list included), nothing found that it does not list (precision)
CONTACT_FIELDS = ("contacts", "contacts.precision")
#: the channel types the truth files label; the contract's ``address`` and ``website`` contacts (a walk-in or
#: postal address, a reporting site) are real output but unlabelled here, so they are not scored either way
SCORED_CONTACT_TYPES = frozenset({"phone", "email", "mailbox", "postcode"})
#: the two sets scored apart: rectification notices, on every field; neighbours, on what a neighbour has (its
#: kind, title, names and dates, contacts) and never has (problems, a meeting's date); a neighbour's empty
#: problems and counts would score trivially on the rectification fields
GROUPS = ("rectification", "neighbours")
GROUP_FIELDS = {
    "rectification": (*FIELDS, *CONTACT_FIELDS),
    "neighbours": ("kind", "title", *NAME_FIELDS, *DATE_FIELDS, *NEIGHBOUR_FIELDS, *CONTACT_FIELDS),
}


def norm(text: str | None) -> str:
    return PUNCT.sub("", text or "")


def names_match(truth: str | None, got: str | None) -> bool:
    """Both absent, or one holds the other and the output is not much longer than the truth."""
    t, g = norm(truth), norm(got)
    if not t or not g:
        return t == g
    return (t in g or g in t) and len(g) <= 2 * len(t) + 12


def title_match(truth: str, got: str) -> bool:
    """A problem title matches when the output holds the truth and is not much longer (as score.py)."""
    t, g = norm(truth), norm(got)
    return bool(t) and t in g and len(g) <= 2 * len(t) + 12


def titles_match(truth: list[str], got: list[str]) -> bool:
    """The two lists pair off one to one under title_match (a set comparison tolerant of wrappers)."""
    left = list(got)
    for t in truth:
        hit = next((g for g in left if title_match(t, g)), None)
        if hit is None:
            return False
        left.remove(hit)
    return not left


def _get(d: dict, path: str) -> object:
    value: object = d
    for key in path.split("."):
        value = value.get(key) if isinstance(value, dict) else None
    return value


def extract(notice: dict, name: str):
    """The value of one scored field in a Notice dict, in the form the truth files use."""
    if name == "neighbours.no_problems":
        return len(notice["problems"])
    if name == "neighbours.no_meeting_dates":
        return [extract(notice, d) for d in DATE_FIELDS]
    if name in CONTACT_FIELDS:
        return sorted({(c["type"], norm(c["value"])) for c in notice["contacts"] if c["type"] in SCORED_CONTACT_TYPES})
    if name in DATE_FIELDS:
        date = _get(notice, name)
        return date.get("iso") if isinstance(date, dict) else None
    if name == "problems.titles":
        return [p.get("title") or "" for p in notice["problems"]]
    if name == "problems.count":
        return len(notice["problems"])
    return _get(notice, name)


def expected(truth: dict, name: str):
    if name == "kind":
        return truth.get("kind", "rectification")
    if name == "neighbours.no_problems":
        return 0
    if name == "neighbours.no_meeting_dates":
        return [expected(truth, d) for d in DATE_FIELDS]
    if name in CONTACT_FIELDS:
        return sorted({(c["type"], norm(c["value"])) for c in truth["contacts"]})
    if name == "problems.titles":
        return truth["problems"]
    if name == "problems.count":
        return len(truth["problems"])
    return _get(truth, name)


def field_ok(name: str, want, got) -> bool:
    if name == "title":
        return norm(want) == norm(got)
    if name in NAME_FIELDS:
        return names_match(want, got)
    if name == "problems.titles":
        return titles_match(want, got)
    if name == "declared.completion_rate" and want is not None and got is not None:
        return abs(want - got) < 1e-6
    if name == "contacts":
        return set(map(tuple, want)) <= set(map(tuple, got))
    if name == "contacts.precision":
        return set(map(tuple, got)) <= set(map(tuple, want))
    return want == got


ALL_FIELDS = (*FIELDS, *NEIGHBOUR_FIELDS, *CONTACT_FIELDS)


@dataclass
class Score:
    group: str = ""
    files: int = 0
    #: how many files each field was scored on (every file of the group, fewer for the contacts)
    scored: dict[str, int] = field(default_factory=dict)
    correct: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str, object, object]] = field(default_factory=list)

    def __post_init__(self) -> None:
        names = GROUP_FIELDS.get(self.group, ALL_FIELDS)
        self.scored, self.correct = dict.fromkeys(names, 0), dict.fromkeys(names, 0)

    def accuracy(self) -> dict[str, float]:
        """Accuracy per field over the files it was scored on (1.0 for a field no file was scored on)."""
        return {k: (v / self.scored[k] if self.scored[k] else 1.0) for k, v in self.correct.items()}


def group_of(truth: dict) -> str:
    return "rectification" if truth.get("kind", "rectification") == "rectification" else "neighbours"


def fields_for(truth: dict) -> tuple[str, ...]:
    """The fields a file is scored on: its group's, the contacts' recall where the truth lists some and their
    precision where it has the key."""
    skip = {"contacts"} if not truth.get("contacts") else set()
    skip |= {"contacts.precision"} if "contacts" not in truth else set()
    return tuple(name for name in GROUP_FIELDS[group_of(truth)] if name not in skip)


def score_file(txt: Path, scores: dict[str, Score]) -> None:
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    notice = parse_bytes(txt.read_bytes()).model_dump(mode="json")
    score = scores[group_of(truth)]
    score.files += 1
    for name in fields_for(truth):
        want, got = expected(truth, name), extract(notice, name)
        score.scored[name] += 1
        if field_ok(name, want, got):
            score.correct[name] += 1
        else:
            score.failures.append((txt.stem, name, want, got))


# One part of a --files spec: a number or a range of numbers ("250", "250-279")
NUMBER_RANGE = re.compile(r"(\d+)(?:-(\d+))?")


def selected(name: str, spec: str | None) -> bool:
    """Whether a fixture file is in a --files spec: comma-separated numbers, ranges of numbers (on the
    NNN prefix) or glob patterns (on the file name); no spec selects every file."""
    if not spec:
        return True
    number = int(name[:3])
    for part in filter(None, (p.strip() for p in spec.split(","))):
        bounds = NUMBER_RANGE.fullmatch(part)
        if bounds:
            low = int(bounds[1])
            if low <= number <= int(bounds[2] or low):
                return True
        elif fnmatch.fnmatch(name, part) or fnmatch.fnmatch(name, part + ".txt"):
            return True
    return False


def score_corpus(corpus: Path = CORPUS, files: str | None = None) -> dict[str, Score]:
    """Parse every NNN_*.txt of the corpus (or those `files` selects, see `selected`) and compare it with
    its .json truth, field by field, the rectification notices and the neighbours apart (GROUPS)."""
    scores = {group: Score(group) for group in GROUPS}
    for txt in sorted(corpus.glob("[0-9][0-9][0-9]_*.txt")):
        if selected(txt.name, files):
            score_file(txt, scores)
    return scores


def table(score: Score) -> str:
    rows = [f"{score.group} ({score.files} files)", f"{'field':<28} {'correct':>8} {'accuracy':>9}"]
    for name, acc in score.accuracy().items():
        rows.append(f"{name:<28} {score.correct[name]:>4}/{score.scored[name]:<3} {acc:>9.3f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--floors", action="store_true", help="print THRESHOLDS for tests/test_real.py")
    parser.add_argument("--files", help="a subset: numbers, ranges (250-279) or globs, comma-separated")
    args = parser.parse_args(argv)
    scores = score_corpus(args.corpus, args.files)
    if args.floors:
        print(floors(scores))
        return 0
    print("\n\n".join(table(score) for score in scores.values()))
    failures = [f for score in scores.values() for f in score.failures]
    print(f"\n{len(failures)} failures:")
    for stem, name, want, got in failures:
        print(f"{stem}  {name}\n    expected: {want!r}\n    got:      {got!r}")
    return 0


def floors(scores: dict[str, Score]) -> str:
    """THRESHOLDS for tests/test_real.py: each floor half a file below the measure, rounded down."""
    rows = []
    for group, score in scores.items():
        rows.append(f"    {group!r}: {{")
        for name in score.correct:
            c, n = score.correct[name], score.scored[name]
            rows.append(f"        {name!r}: ({int((c - 0.5) / n * 1000) / 1000}, {c} / {n}),")
        rows.append("    },")
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
