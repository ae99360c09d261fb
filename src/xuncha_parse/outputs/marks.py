"""The review page's highlights: every span of a notice that the page marks, from the parser's own
offsets only (no text is searched), each as a ``Mark`` with its kind and data-* attributes."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .i18n import Catalogue, catalogue

#: every kind of highlight, outermost first: equal spans nest in this order
FIELDS = ("title", "kind", "inspection", "heading", "problem", "measure", "progress", "status", "leader", "contact", "date",
          "money")
RANK = {field: rank for rank, field in enumerate(FIELDS)}
INSPECTION_DATES = ("start", "end", "feedback")


@dataclass(frozen=True, slots=True)
class Mark:
    """One span to highlight: where, which kind, and its data-* attributes (besides field/start/end)."""

    start: int
    end: int
    field: str
    attrs: tuple[tuple[str, str], ...] = ()


def collect_marks(notice: dict[str, Any], t: Catalogue | None = None) -> list[Mark]:
    """Every span of the notice worth showing, as marks (duplicates of the same kind and place dropped),
    labelled in the language of ``t``.  Every mark is one of the parser's own spans: nothing is searched
    for in the text, so a value without its span is not highlighted."""
    t = t or catalogue()
    marks = [*_title_marks(notice, t), *_kind_marks(notice, t), *_inspection_marks(notice, t), *_heading_marks(notice, t)]
    for number, problem in enumerate(notice.get("problems") or [], 1):
        marks += _problem_marks(problem, number, t)
    marks += [_contact_mark(c, t) for c in notice.get("contacts") or []]
    marks += _signature_marks(notice, t)
    return _unique(marks)


def _unique(marks: list[Mark]) -> list[Mark]:
    seen: set[tuple[int, int, str]] = set()
    out = []
    for m in marks:
        if (m.start, m.end, m.field) not in seen:
            seen.add((m.start, m.end, m.field))
            out.append(m)
    return out


def _title_marks(notice: dict[str, Any], t: Catalogue) -> list[Mark]:
    where = _span(notice.get("title_span"))
    return [Mark(*where, "title", (("label", t("field.title")), ("value", notice.get("title") or "")))] if where else []


def _kind_marks(notice: dict[str, Any], t: Catalogue) -> list[Mark]:
    """The words that decided the document's kind, where the parser read them (``kind_evidence.span``)."""
    evidence = notice.get("kind_evidence") or {}
    where = _span(evidence.get("span"))
    kind = t.code("kind", notice.get("kind") or "other")
    return [Mark(*where, "kind", (("label", t("field.kind")), ("value", kind)))] if where else []


def _inspection_marks(notice: dict[str, Any], t: Catalogue) -> list[Mark]:
    """Each inspection field where the parser read it (``inspection.spans``); none without its span."""
    ins = notice.get("inspection") or {}
    spans = ins.get("spans") or {}
    marks: list[Mark] = []
    for name in ("body", "target", *INSPECTION_DATES):
        value = ins.get(name)
        where = _span(spans.get(name))
        if where and value is not None:
            shown = date_value(value, t) if name in INSPECTION_DATES else value
            marks.append(Mark(*where, "inspection", (("label", t(f"ins.{name}")), ("value", str(shown)))))
    return marks


def _heading_marks(notice: dict[str, Any], t: Catalogue) -> list[Mark]:
    """Each section's heading where the parser says it is (``heading_span``); none without that span."""
    out = []
    stack = list(notice.get("sections") or [])
    while stack:
        section = stack.pop()
        stack.extend(section.get("children") or [])
        where = _span(section.get("heading_span"))
        if where:
            label = t("label.heading", marker=section.get("marker") or "").rstrip()
            role = section.get("role")
            out.append(Mark(*where, "heading", (("label", label), ("value", t.code("role", role) if role else ""))))
    return out


def _problem_marks(problem: dict[str, Any], number: int, t: Catalogue) -> list[Mark]:
    span = problem["span"]
    marker = problem.get("marker")
    name = t("label.problem_marked", n=number, marker=marker) if marker else t("label.problem", n=number)
    marks = [Mark(span["start"], span["end"], "problem",
                  (("label", name), ("value", t.code("status", problem["status"])),
                   ("pid", str(number)), ("status", problem["status"])))]
    for field in ("measure", "progress"):
        for i, item in enumerate(problem.get(field if field == "progress" else "measures") or [], 1):
            label = t(f"label.{field}", i=item.get("ordinal") or i, problem=name)
            marks.append(Mark(item["span"]["start"], item["span"]["end"], field, (("label", label), ("value", ""))))
    marks += _status_marks(problem, t)
    leader = _span(problem.get("leader_span"))
    if leader:
        marks.append(Mark(*leader, "leader", (("label", t("label.leader", problem=name)), ("value", problem.get("leader") or ""))))
    marks += [_entity_mark(e, t) for e in problem.get("entities") or [] if e["type"] in ("date", "money")]
    return marks


def _status_marks(problem: dict[str, Any], t: Catalogue) -> list[Mark]:
    """Where the status was read (``status_span``); none without that span."""
    where = _span(problem.get("status_span"))
    if where is None:
        return []
    value = t.code("status", problem["status"])
    return [Mark(*where, "status", (("label", t("field.status")), ("value", value), ("status", problem["status"])))]


def _entity_mark(entity: dict[str, Any], t: Catalogue) -> Mark:
    span = entity["span"]
    if entity["type"] == "date":
        value = date_value(entity["value"], t)
    elif isinstance(entity["value"], (int, float)):
        value = t("value.money", amount=f"{entity['value']:,}")
    else:
        value = str(entity["value"])
    return Mark(span["start"], span["end"], entity["type"], (("label", t(f"field.{entity['type']}")), ("value", value)))


def _contact_mark(contact: dict[str, Any], t: Catalogue) -> Mark:
    value = contact.get("normalized") or contact["value"]
    if contact.get("owner"):
        value = t("value.owner", value=value, owner=contact["owner"])
    span = contact["span"]
    label = t("label.contact", type=t.code("contact", contact["type"]))
    return Mark(span["start"], span["end"], "contact", (("label", label), ("value", value)))


def _signature_marks(notice: dict[str, Any], t: Catalogue) -> list[Mark]:
    """The signature date where the parser says it is (``signature.date_span``); none without that span."""
    sig = notice.get("signature") or {}
    where = _span(sig.get("date_span"))
    if not where or not sig.get("date"):
        return []
    return [Mark(*where, "date", (("label", t("label.signature")), ("value", date_value(sig["date"], t))))]


def date_value(date: dict[str, Any], t: Catalogue | None = None) -> str:
    """A Date's normalised form: its ISO date, else what is known (``2023-??-26``), with the qualifier."""
    if date.get("iso"):
        shown = date["iso"]
    else:
        parts = [str(date.get("year") or "????"), f"{date['month']:02d}" if date.get("month") else "??"]
        if date.get("day"):
            parts.append(f"{date['day']:02d}")
        shown = "-".join(parts)
    inferred = (t or catalogue())("date.year_inferred") if date.get("year_inferred") else None
    extras = [q for q in (date.get("qualifier"), inferred) if q]
    return f"{shown} ({', '.join(extras)})" if extras else shown


def _span(span: dict[str, Any] | None) -> tuple[int, int] | None:
    return (span["start"], span["end"]) if span else None


# ---------------------------------------------------------------- header, panel, footer
