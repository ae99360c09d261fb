"""``xuncha stats``: a corpus summary from notice files, folders, or JSONL written by ``batch``."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from ..batch import expand
from .terminal import safe

if TYPE_CHECKING:
    from rich.console import Console

STATUSES = ("completed", "in_progress", "unknown")
#: how many categories and keywords the summary lists
TOP = 20


def notices_from(paths: Iterable[str], glob: str, failures: list[str]) -> Iterator[dict[str, Any]]:
    """Every Notice dict: JSONL and JSON files read as records, other files parsed; failures noted as
    ``path<TAB>why`` and skipped."""
    import orjson

    from ..batch import WalkIssue, convert

    for path in expand(paths, glob):
        if isinstance(path, WalkIssue):
            if not path.skip:
                failures.append(f"{path.path}\t{path.message}")
            continue
        if path.endswith((".jsonl", ".json")):
            yield from _records(path, failures)
            continue
        result = convert(path)
        if result.error:
            failures.append(f"{path}\t{result.error}")
        else:
            yield orjson.loads(result.data)


def _records(path: str, failures: list[str]) -> Iterator[dict[str, Any]]:
    """Notices of a JSONL file (or a JSON file of one Notice, or a list of them, as ``parse`` writes);
    error records and records that are not a whole Notice count as failures."""
    try:
        f = open(path, "rb")
    except OSError as e:
        failures.append(f"{path}\tcannot read: {e.strerror or e}")
        return
    with f:
        lines = enumerate(f, 1) if path.endswith(".jsonl") else [(1, f.read())]
        for number, line in lines:
            for record in _loaded(line):
                notice = _as_notice(record)
                if notice is not None:
                    yield notice
                elif isinstance(record, dict) and isinstance(record.get("error"), dict):
                    source = record.get("source")
                    where = (source.get("path") if isinstance(source, dict) else None) or f"{path}:{number}"
                    failures.append(f"{where}\t{record['error'].get('message')}")
                else:
                    failures.append(f"{path}:{number}\tnot a notice record")


def _loaded(line: bytes) -> list[Any]:
    import orjson

    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return [None]
    return record if isinstance(record, list) else [record]


def _as_notice(record: object) -> dict[str, Any] | None:
    """The record as a complete Notice dict (a hand-made record gets its defaults), or None."""
    from pydantic import ValidationError

    from .models import Notice

    if not isinstance(record, dict) or "error" in record:
        return None
    try:
        return Notice.model_validate(record).model_dump(mode="json")
    except ValidationError:
        return None


def summarize(notices: Iterable[dict[str, Any]], failures: list[str]) -> dict[str, Any]:
    """Totals, rates, declared against parsed, topics, categories, keywords, bodies and years."""
    from ..enrich.keywords import annotate

    counters: list[Counter[str]] = [Counter() for _ in range(6)]
    status, topics, categories, words, bodies, years = counters
    per_notice: list[dict[str, Any]] = []
    mismatches: list[dict[str, Any]] = []
    for notice in notices:
        if any(not p["keywords"] for p in notice["problems"]):
            annotate(notice)
        counts = Counter(p["status"] for p in notice["problems"])
        status.update(counts)
        per_notice.append({"path": notice["source"]["path"], "problems": len(notice["problems"]),
                           **{s: counts.get(s, 0) for s in STATUSES}})
        mismatches.extend(_mismatches(notice))
        for p in notice["problems"]:
            topics.update(t["code"] for t in p["topics"])
            categories[p["category"] or "(none)"] += 1
            words.update(p["keywords"])
        _inspection(notice, bodies, years)
    return _totals(per_notice, status, mismatches, topics, categories, words, bodies, years, failures)


def _mismatches(notice: dict[str, Any]) -> list[dict[str, Any]]:
    from ..fields.checks import count_mismatches

    return [{"path": notice["source"]["path"], "count": key, "declared": want, "parsed": got}
            for key, want, got in count_mismatches(notice)]


def _inspection(notice: dict[str, Any], bodies: Counter[str], years: Counter[str]) -> None:
    ins = notice["inspection"]
    bodies[ins["body"] or "(unknown)"] += 1
    start = ins["start"] or ins["feedback"] or {}
    years[str(start.get("year") or "(unknown)")] += 1


def _totals(per_notice: list[dict[str, Any]], status: Counter[str], mismatches: list[dict[str, Any]],
            topics: Counter[str], categories: Counter[str], words: Counter[str], bodies: Counter[str],
            years: Counter[str], failures: list[str]) -> dict[str, Any]:
    total = sum(status.values())
    return {
        "notices": len(per_notice),
        "failed": len(failures),
        "problems": total,
        "statuses": {s: status.get(s, 0) for s in STATUSES},
        "rates": {s: round(status.get(s, 0) / total, 4) if total else None for s in STATUSES},
        "per_notice": per_notice,
        "declared_mismatches": mismatches,
        "topics": dict(topics.most_common()),
        "categories": dict(categories.most_common(TOP)),
        "keywords": words.most_common(TOP),
        "bodies": dict(bodies.most_common()),
        "years": dict(sorted(years.items())),
    }


def render(summary: dict[str, Any]) -> None:
    """Rich tables (plain text when not on a terminal); notice text escaped, never read as markup."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"{summary['notices']} notices, {summary['problems']} problems, {summary['failed']} failed")
    table = Table("status", "problems", "rate", title="Statuses")
    for s in STATUSES:
        rate = summary["rates"][s]
        table.add_row(s, str(summary["statuses"][s]), "—" if rate is None else f"{rate:.1%}")
    console.print(table)
    _table(console, "Per notice", ["notice", "problems", *STATUSES],
           [[Path(n["path"] or "-").name, n["problems"], *(n[s] for s in STATUSES)] for n in summary["per_notice"]])
    _table(console, "Declared against parsed", ["notice", "count", "declared", "parsed"],
           [[Path(m["path"] or "-").name, m["count"], m["declared"], m["parsed"]] for m in summary["declared_mismatches"]])
    for title, key in (("Topics", "topics"), ("Categories", "categories"), ("Inspection bodies", "bodies"),
                       ("Years", "years")):
        _table(console, title, [key, "count"], list(summary[key].items()))
    _table(console, "Keywords", ["keyword", "count"], summary["keywords"])


def _table(console: Console, title: str, columns: list[str], rows: Iterable[Iterable[object]]) -> None:
    from rich.table import Table

    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*(safe(c) for c in row))
    console.print(table)
