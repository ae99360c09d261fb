"""``xuncha stats``: a corpus summary from notice files, folders, or JSONL written by ``batch``."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from .terminal import safe

if TYPE_CHECKING:
    from rich.console import Console

    from .i18n import Catalogue

STATUSES = ("completed", "in_progress", "unknown")
#: how many categories and keywords the summary lists
TOP = 20


def summarize(notices: Iterable[dict[str, Any]], failures: list[str]) -> dict[str, Any]:
    """Totals, rates, kinds, the notices to review, declared against parsed, topics, categories,
    keywords, bodies and years."""
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
        per_notice.append({"path": notice["source"]["path"], "title": notice["title"],
                           "unit": notice.get("issuer") or notice["inspection"]["target"], "problems": len(notice["problems"]),
                           **{s: counts.get(s, 0) for s in STATUSES},
                           **_triage_of(notice)})
        mismatches.extend(_mismatches(notice))
        for p in notice["problems"]:
            topics.update(t["code"] for t in p["topics"])
            categories[p["category"] or "(none)"] += 1
            words.update(p["keywords"])
        _inspection(notice, bodies, years)
    return _totals(per_notice, status, mismatches, topics, categories, words, bodies, years, failures)


def _triage_of(notice: dict[str, Any]) -> dict[str, Any]:
    """The notice's kind and review reasons; a notice stored before schema 1.2 (a database's ``json``)
    has neither, and is what every notice was then: a rectification notice (the contract's default)."""
    return {"kind": notice.get("kind") or "rectification", "review_reasons": notice.get("review_reasons") or []}


def in_kind_order(counts: Counter[str]) -> dict[str, int]:
    """Notices per kind, the kinds present only, in the contract's order (``rectification`` first)."""
    from ..grammar import KINDS

    return {kind: counts[kind] for kind in (*KINDS, *sorted(set(counts) - set(KINDS))) if counts[kind]}


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
    review = [n for n in per_notice if n["review_reasons"]]
    return {
        "notices": len(per_notice),
        "failed": len(failures),
        "problems": total,
        "statuses": {s: status.get(s, 0) for s in STATUSES},
        "rates": {s: round(status.get(s, 0) / total, 4) if total else None for s in STATUSES},
        "kinds": in_kind_order(Counter(n["kind"] for n in per_notice)),
        "needs_review": len(review),
        "review": [{k: n[k] for k in ("path", "title", "unit", "kind", "review_reasons")} for n in review],
        "per_notice": per_notice,
        "declared_mismatches": mismatches,
        "topics": dict(topics.most_common()),
        "categories": dict(categories.most_common(TOP)),
        "keywords": words.most_common(TOP),
        "bodies": dict(bodies.most_common()),
        "years": dict(sorted(years.items())),
    }


def render(summary: dict[str, Any], lang: str | None = None) -> None:
    """Rich tables (plain text when not on a terminal), labelled in ``lang`` (default Chinese); notice
    text escaped, never read as markup."""
    from rich.console import Console
    from rich.table import Table

    from .i18n import catalogue

    t = catalogue(lang)
    console = Console()
    console.print(t("stats.totals", notices=summary["notices"], problems=summary["problems"], failed=summary["failed"]))
    table = Table(t("stats.col.status"), t("stats.col.problems"), t("stats.col.rate"), title=t("stats.statuses"))
    for s in STATUSES:
        rate = summary["rates"][s]
        table.add_row(t.code("status", s), str(summary["statuses"][s]), "—" if rate is None else f"{rate:.1%}")
    console.print(table)
    _triage(console, summary, t)
    _table(console, t("stats.per_notice"), [t("stats.col.notice"), t("stats.col.problems"), *(t.code("status", s) for s in STATUSES)],
           [[_name(n), n["problems"], *(n[s] for s in STATUSES)] for n in summary["per_notice"]])
    names = {n["path"]: _name(n) for n in summary["per_notice"]}
    _table(console, t("report.mismatches"), [t("stats.col.notice"), t("show.count"), t("report.col.declared"), t("report.col.parsed")],
           [[names.get(m["path"], m["path"]), t.code("count", m["count"]), m["declared"], m["parsed"]]
            for m in summary["declared_mismatches"]])
    topics = [(t.code("topic", code), n) for code, n in summary["topics"].items()]
    _table(console, t("stats.topics"), [t("stats.col.topic"), t("stats.col.count")], topics)
    for key, col in (("categories", "category"), ("bodies", "body"), ("years", "year")):
        _table(console, t(f"stats.{key}"), [t(f"stats.col.{col}"), t("stats.col.count")], list(summary[key].items()))
    _table(console, t("stats.keywords"), [t("stats.col.keyword"), t("stats.col.count")], summary["keywords"])


def _triage(console: Console, summary: dict[str, Any], t: Catalogue) -> None:
    """Notices per kind, and each notice that needs a person's look with its reasons."""
    _table(console, t("stats.kinds"), [t("stats.col.kind"), t("stats.col.count")],
           [(t.code("kind", kind), n) for kind, n in summary["kinds"].items()])
    _table(console, t("stats.review", n=summary["needs_review"]),
           [t("stats.col.notice"), t("stats.col.kind"), t("stats.col.reasons")],
           [[_name(n), t.code("kind", n["kind"]), t("list.sep").join(t.code("reason", r) for r in n["review_reasons"])]
            for n in summary["review"]])


def _name(notice: dict[str, Any]) -> str:
    """A notice as a reader knows it: its unit, else its title, else its file name."""
    return str(notice.get("unit") or notice.get("title") or Path(notice["path"] or "-").name)


def _table(console: Console, title: str, columns: list[str], rows: Iterable[Iterable[object]]) -> None:
    from rich.table import Table

    table = Table(*columns, title=title)
    for row in rows:
        table.add_row(*(safe(c) for c in row))
    console.print(table)
