"""The review page: one notice's text with every extracted span highlighted in place.

``render_review(notice, text)`` is pure: the OUTPUT.md dict and the text its spans index in, one
self-contained HTML page out (inline CSS and JS allowed by a Content-Security-Policy of hashes, no
network). Every highlight is an element with ``data-field``, ``data-start`` and ``data-end``; the
text pane's textContent is ``text`` exactly.

Overlapping spans: spans are opened in order of (start, longest first, kind rank), so an enclosing
span is always the outer element. When a span ends while a span opened inside it still runs on (they
overlap without nesting), the later-starting span is *split*: it is closed there and reopened right
after, and every piece carries the original ``data-start``/``data-end``; pieces after the first have
class ``cont``. Joining the pieces of one span in document order gives ``text[start:end]``. Spans that
are empty or fall outside the text are dropped and counted in the page's footer.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from importlib import resources
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


# ---------------------------------------------------------------- the page


def render_review(notice: dict[str, Any], text: str, lang: str | None = None) -> str:
    """The review page of one notice as an HTML string, its interface in ``lang`` (default: Chinese,
    or ``XUNCHA_LANG``)."""
    from .editor import editor

    t = catalogue(lang)
    marks = collect_marks(notice, t)
    kept = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    body = "".join([
        _header(notice, kept, t),
        '<div class="layout">',
        _panel(notice, t),
        '<main><div id="text" class="text" lang="zh" translate="no">', mark_up(text, kept), "</div></main></div>",
        editor(notice, t),  # the corrections form (outputs/editor.py)
        _footer(notice, len(marks) - len(kept), t),
        '<div id="tip" class="tip" role="tooltip" hidden></div>',
    ])
    title = t("review.page_title", title=notice.get("title") or (notice.get("source") or {}).get("path")
              or t("review.notice"))
    return page(title, asset("review.css") + asset("editor.css"), asset("review.js") + asset("editor.js"), body,
                t.html_lang)


def page(title: str, css: str, js: str, body: str, lang: str = "zh-CN") -> str:
    """A whole HTML document; the CSP allows exactly this style and this script, nothing from the network."""
    csp = ("default-src 'none'; " f"style-src '{_sha256(css)}'; script-src '{_sha256(js)}'; "
           "img-src data:; base-uri 'none'; form-action 'none'")
    return (f"<!DOCTYPE html>\n<html lang=\"{esc(lang)}\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{esc(title)}</title><style>{css}</style></head>"
            f"<body>{body}<script>{js}</script></body></html>\n")


def asset(name: str) -> str:
    """A static file shipped next to this module (review.css, review.js, report.css, report.js)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def _sha256(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def esc(value: object) -> str:
    """Text or attribute value, escaped (quotes too)."""
    return html.escape(str(value), quote=True)


def esc_text(value: str) -> str:
    """Text for the text pane: escaped, and a carriage return as a reference (the parser would drop it)."""
    return html.escape(value, quote=False).replace("\r", "&#13;")


# ---------------------------------------------------------------- marking up the text


def mark_up(text: str, marks: list[Mark]) -> str:
    """``text`` with every mark as a nested <span>, and an empty line anchor (id L<n>) at each line start."""
    order = sorted(marks, key=lambda m: (m.start, -m.end, RANK[m.field]))
    points = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks), *_line_starts(text)})
    line_at = {start: n for n, start in enumerate(_line_starts(text), 1)}
    out: list[str] = []
    stack: list[Mark] = []
    nxt, pos = 0, 0
    for point in points:
        out.append(esc_text(text[pos:point]))
        pos = point
        _close_ending(point, stack, out)
        if point in line_at:
            out.append(f'<span class="ln" id="L{line_at[point]}" data-line="{line_at[point]}"></span>')
        while nxt < len(order) and order[nxt].start == point:
            stack.append(order[nxt])
            out.append(_open(order[nxt], first=True))
            nxt += 1
    return "".join(out)


def _close_ending(point: int, stack: list[Mark], out: list[str]) -> None:
    """Close the marks ending at ``point``, and with them any opened later; reopen those that go on."""
    ending = [i for i, m in enumerate(stack) if m.end <= point]
    if not ending:
        return
    lowest = ending[0]
    above = stack[lowest:]
    out.append("</span>" * len(above))
    del stack[lowest:]
    for m in above:
        if m.end > point:
            stack.append(m)
            out.append(_open(m, first=False))


def _open(mark: Mark, first: bool) -> str:
    attrs = "".join(f' data-{k}="{esc(v)}"' for k, v in mark.attrs)
    cls = f"hl {mark.field}" + ("" if first else " cont")
    return f'<span class="{cls}" data-field="{mark.field}" data-start="{mark.start}" data-end="{mark.end}"{attrs}>'


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


# ---------------------------------------------------------------- which spans


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


def _header(notice: dict[str, Any], marks: list[Mark], t: Catalogue) -> str:
    source = notice.get("source") or {}
    about = " · ".join(esc(x) for x in (source.get("path"), source.get("format") or None, source.get("encoding")) if x)
    title = esc(notice.get("title")) if notice.get("title") else f'<span translate="yes">{esc(t("review.no_title"))}</span>'
    return (f'<header class="top"><h1 translate="no">{title}</h1>'
            f'<p class="about" translate="no">{about}</p>{_kind_line(notice, t)}{_triage(notice, t)}'
            f'<p class="insp">{inspection_line(notice, t)}</p>'
            f'<div class="facts">{_counts(notice, t)}{_diagnostics(notice, t)}</div>{_legend(marks, t)}</header>')


def _kind_line(notice: dict[str, Any], t: Catalogue) -> str:
    """What the document is, named in the page's language, and the words that decided it, linked to
    their line (they are highlighted there)."""
    kind = notice.get("kind") or "other"
    evidence = notice.get("kind_evidence")
    if evidence:
        line = evidence["span"]["line_start"]
        by = f'{esc(t("review.kind_by"))} <a class="evidence" href="#L{int(line)}" translate="no">{esc(evidence["text"])}</a>'
    else:
        by = esc(t("review.kind_undecided"))
    return (f'<p class="kind"><span class="label">{esc(t("review.kind"))}</span> '
            f'<b class="kindname {esc(kind)}">{esc(t.code("kind", kind))}</b> <span class="by">{by}</span></p>')


def _triage(notice: dict[str, Any], t: Catalogue) -> str:
    """Whether a person should look at this notice, and why: each reason named and described, linked to
    the line of its diagnostic when it has one."""
    reasons = notice.get("review_reasons") or []
    if not reasons:
        return f'<p class="triage ok">{esc(t("review.reviewed_ok"))}</p>'
    lines = {d["code"]: d.get("line") for d in reversed(notice.get("diagnostics") or [])}
    items = []
    for code in reasons:
        line = lines.get(code)
        where = f' <a href="#L{int(line)}">{esc(t("review.line", n=int(line)))}</a>' if line else ""
        items.append(f'<li><b>{esc(t.code("reason", code))}</b> {esc(t.code("diag", code))}'
                     f' <code translate="no">{esc(code)}</code>{where}</li>')
    return (f'<div class="triage look" role="note"><h2>{esc(t("review.needs_review"))}</h2>'
            f'<ul>{"".join(items)}</ul></div>')


def inspection_line(notice: dict[str, Any], t: Catalogue | None = None) -> str:
    """Who inspected whom, how and when, escaped; the notice's own words marked ``translate="no"``."""
    t = t or catalogue()
    ins = notice.get("inspection") or {}
    who = f"{esc(ins.get('body') or '?')} → {esc(ins.get('target') or '?')}"
    how = ", ".join(esc(ins[k]) for k in ("kind", "round") if ins.get(k))
    dates = [esc(t(f"review.{k}", date=date_value(ins[key], t))) for key, k in
             (("start", "from"), ("end", "to"), ("feedback", "feedback")) if ins.get(key)]
    parts = (f'<b translate="no">{who}</b>', f'<span translate="no">{how}</span>' if how else "", t("list.sep").join(dates))
    return " · ".join(x for x in parts if x) or esc(t("review.inspection_unknown"))


def _counts(notice: dict[str, Any], t: Catalogue) -> str:
    from ..fields.checks import count_mismatches, parsed_counts

    disagree = {key for key, _, _ in count_mismatches(notice)}
    rows = []
    for key, got in parsed_counts(notice.get("problems") or []).items():
        want = (notice.get("declared") or {}).get(key)
        cls = ' class="bad"' if key in disagree else ""
        rows.append(f"<tr{cls}><th>{esc(t.code('count', key))}</th><td>{'—' if want is None else esc(want)}</td>"
                    f"<td>{esc(got)}{' ≠' if key in disagree else ''}</td></tr>")
    return (f'<table class="counts"><caption>{esc(t("review.counts"))}</caption><thead><tr><th></th>'
            f'<th>{esc(t("review.declared"))}</th><th>{esc(t("review.parsed"))}</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _diagnostics(notice: dict[str, Any], t: Catalogue) -> str:
    """Each diagnostic's level and its code's description in the page's language (the parser's own
    message, in English, as the item's tooltip); a code without a description shows that message."""
    items = []
    for d in notice.get("diagnostics") or []:
        line = f' <a href="#L{int(d["line"])}">{esc(t("review.line", n=int(d["line"])))}</a>' if d.get("line") else ""
        said = t.code("diag", d["code"])
        shown = esc(said) if said != d["code"] else f'<span translate="no">{esc(d["message"])}</span>'
        items.append(f'<li class="{esc(d["level"])}" title="{esc(d["message"])}"><b>{esc(t.code("level", d["level"]))}'
                     f'</b> <code translate="no">{esc(d["code"])}</code> {shown}{line}</li>')
    heading = f'<h2>{esc(t("review.diagnostics"))}</h2>'
    if not items:
        return f'<div class="diags">{heading}<p class="ok">{esc(t("review.none"))}</p></div>'
    return f'<div class="diags">{heading}<ul>{"".join(items)}</ul></div>'


def _legend(marks: list[Mark], t: Catalogue) -> str:
    counts = {field: 0 for field in FIELDS}
    for m in marks:
        counts[m.field] += 1
    boxes = "".join(f'<label class="key"><input type="checkbox" data-kind="{f}" checked>'
                    f'<span class="sw {f}"></span>{esc(t(f"field.{f}"))} <small>{counts[f]}</small></label>' for f in FIELDS)
    keys = f'<span class="keys"><kbd translate="no">j</kbd> / <kbd translate="no">k</kbd>: {esc(t("review.keys"))}</span>'
    return f'<div class="legend" aria-label="{esc(t("review.legend"))}">{boxes}{keys}</div>'


def _panel(notice: dict[str, Any], t: Catalogue) -> str:
    problems = notice.get("problems") or []
    items = []
    for number, p in enumerate(problems, 1):
        status = p.get("status") or "unknown"
        title = f'<span translate="no">{esc(p["title"])}</span>' if p.get("title") else esc(t("review.untitled"))
        items.append(f'<li><button type="button" data-pid="{number}"><span class="num">{number}</span>'
                     f'<span class="pt"><small translate="no">{esc(p.get("marker") or "")}</small> {title}</span>'
                     f'<span class="st {esc(status)}">{esc(t.code("status", status))}</span>'
                     f'<span class="cat" translate="no">{esc(p.get("category") or "")}</span></button></li>')
    body = f'<ol>{"".join(items)}</ol>' if items else f'<p class="none">{esc(t("review.no_problems"))}</p>'
    return (f'<nav class="panel" aria-label="{esc(t("review.panel"))}"><h2>{esc(t("review.problems", n=len(problems)))}'
            f'</h2>{body}</nav>')


def _footer(notice: dict[str, Any], dropped: int, t: Catalogue) -> str:
    note = t("review.dropped", n=dropped) if dropped else ""
    sha = (notice.get("source") or {}).get("sha256", "")[:12]
    return f'<footer>{esc(t("review.footer", schema=notice.get("schema_version") or "", sha=sha))}{esc(note)}</footer>'
