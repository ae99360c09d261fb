"""Score the parser on the real-notice corpus (tests/real/NNN_*.txt against NNN_*.json).

Run: `PYTHONPATH=src python tests/real/score.py` prints one line per field (accuracy over the
corpus) and then every failure (file, field, expected, got). `score_corpus()` returns the same
figures for tests/test_real.py.
"""
from __future__ import annotations

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
#: scored only on the files whose truth lists contact channels: every one found (type and value)
CONTACT_FIELDS = ("contacts",)


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
    if name == "contacts":
        return sorted({(c["type"], norm(c["value"])) for c in notice["contacts"]})
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
    if name == "contacts":
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
    return want == got


ALL_FIELDS = (*FIELDS, *NEIGHBOUR_FIELDS, *CONTACT_FIELDS)


@dataclass
class Score:
    files: int = 0
    #: how many files each field was scored on (every file for FIELDS, fewer for the others)
    scored: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ALL_FIELDS, 0))
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ALL_FIELDS, 0))
    failures: list[tuple[str, str, object, object]] = field(default_factory=list)

    def accuracy(self) -> dict[str, float]:
        """Accuracy per field over the files it was scored on (1.0 for a field no file was scored on)."""
        return {k: (v / self.scored[k] if self.scored[k] else 1.0) for k, v in self.correct.items()}


def fields_for(truth: dict) -> tuple[str, ...]:
    """The fields a file is scored on: every one of FIELDS, the neighbours' for a neighbour, the contacts
    where the truth lists some."""
    extra = NEIGHBOUR_FIELDS if truth.get("kind", "rectification") != "rectification" else ()
    return (*FIELDS, *extra, *(CONTACT_FIELDS if truth.get("contacts") else ()))


def score_file(txt: Path, score: Score) -> None:
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    notice = parse_bytes(txt.read_bytes()).model_dump(mode="json")
    score.files += 1
    for name in fields_for(truth):
        want, got = expected(truth, name), extract(notice, name)
        score.scored[name] += 1
        if field_ok(name, want, got):
            score.correct[name] += 1
        else:
            score.failures.append((txt.stem, name, want, got))


def score_corpus(corpus: Path = CORPUS) -> Score:
    """Parse every NNN_*.txt of the corpus and compare it with its .json truth, field by field."""
    score = Score()
    for txt in sorted(corpus.glob("[0-9][0-9][0-9]_*.txt")):
        score_file(txt, score)
    return score


def table(score: Score) -> str:
    rows = [f"{'field':<28} {'correct':>8} {'accuracy':>9}"]
    for name, acc in score.accuracy().items():
        rows.append(f"{name:<28} {score.correct[name]:>4}/{score.scored[name]:<3} {acc:>9.3f}")
    return "\n".join(rows)


def main() -> int:
    score = score_corpus(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)
    print(table(score))
    print(f"\n{len(score.failures)} failures:")
    for stem, name, want, got in score.failures:
        print(f"{stem}  {name}\n    expected: {want!r}\n    got:      {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
