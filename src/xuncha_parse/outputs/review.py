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
from importlib import resources
from typing import Any

from .corrected import Fixes
from .i18n import Catalogue, catalogue
from .marks import FIELDS as FIELDS  # re-exported: the page's kinds of highlight
from .marks import RANK, collect_marks
from .marks import Mark as Mark
from .marks import date_value as date_value

# ---------------------------------------------------------------- the page


def render_review(notice: dict[str, Any], text: str, lang: str | None = None) -> str:
    """The review page of one notice as an HTML string, its interface in ``lang`` (default: Chinese,
    or ``XUNCHA_LANG``)."""
    from .editor import editor

    t = catalogue(lang)
    marks = collect_marks(notice, t)
    kept = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    fixes = Fixes.of(notice)  # what a person corrected (``--corrections``), marked wherever it shows
    body = "".join([
        _header(notice, kept, t, fixes),
        '<div class="layout">',
        _panel(notice, t, fixes),
        '<main><div id="text" class="text" lang="zh" translate="no">', mark_up(text, kept), "</div></main></div>",
        editor(notice, t, fixes),  # the corrections form (outputs/editor.py)
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


def _header(notice: dict[str, Any], marks: list[Mark], t: Catalogue, fixes: Fixes) -> str:
    source = notice.get("source") or {}
    about = " · ".join(esc(x) for x in (source.get("path"), source.get("format") or None, source.get("encoding")) if x)
    title = esc(notice.get("title")) if notice.get("title") else f'<span translate="yes">{esc(t("review.no_title"))}</span>'
    return (f'<header class="top"><h1 translate="no">{title}{fixes.flag("title", t)}</h1>'
            f'<p class="about" translate="no">{about}</p>{_kind_line(notice, t)}{_triage(notice, t)}'
            f'<p class="insp">{inspection_line(notice, t, fixes)}</p>'
            f'<div class="facts">{_counts(notice, t, fixes)}{_diagnostics(notice, t)}</div>{_legend(marks, t)}</header>')


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


def inspection_line(notice: dict[str, Any], t: Catalogue | None = None, fixes: Fixes | None = None) -> str:
    """Who inspected whom, how and when, escaped; the notice's own words marked ``translate="no"``; each
    corrected value flagged."""
    t, fixes = t or catalogue(), fixes or Fixes()
    ins = notice.get("inspection") or {}

    def flag(key: str) -> str:
        return fixes.flag(f"inspection.{key}", t)

    who = f"{esc(ins.get('body') or '?')}{flag('body')} → {esc(ins.get('target') or '?')}{flag('target')}"
    how = ", ".join(esc(ins[k]) + flag(k) for k in ("kind", "round") if ins.get(k))
    dates = [esc(t(f"review.{k}", date=date_value(ins[key], t))) + flag(key) for key, k in
             (("start", "from"), ("end", "to"), ("feedback", "feedback")) if ins.get(key)]
    parts = (f'<b translate="no">{who}</b>', f'<span translate="no">{how}</span>' if how else "", t("list.sep").join(dates))
    return " · ".join(x for x in parts if x) or esc(t("review.inspection_unknown"))


def _counts(notice: dict[str, Any], t: Catalogue, fixes: Fixes) -> str:
    from ..fields.checks import count_mismatches, parsed_counts

    disagree = {key for key, _, _ in count_mismatches(notice)}
    rows = []
    for key, got in parsed_counts(notice.get("problems") or []).items():
        want = (notice.get("declared") or {}).get(key)
        cls = ' class="bad"' if key in disagree else ""
        rows.append(f"<tr{cls}><th>{esc(t.code('count', key))}</th><td>{'—' if want is None else esc(want)}{fixes.flag('declared.' + key, t)}</td>"
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


def _panel(notice: dict[str, Any], t: Catalogue, fixes: Fixes) -> str:
    problems = notice.get("problems") or []
    items = []
    for number, p in enumerate(problems, 1):
        status = p.get("status") or "unknown"

        def flag(key: str, i: int = number - 1) -> str:
            return fixes.flag(fixes.problem_path(i, key), t)

        title = f'<span translate="no">{esc(p["title"])}</span>' if p.get("title") else esc(t("review.untitled"))
        added = fixes.flag(fixes.problem_path(number - 1), t) if fixes.added(number - 1) else ""
        items.append(f'<li><button type="button" data-pid="{number}"><span class="num">{number}</span>'
                     f'<span class="pt"><small translate="no">{esc(p.get("marker") or "")}</small> {title}{flag("title")}{added}</span>'
                     f'<span class="st {esc(status)}">{esc(t.code("status", status))}{flag("status")}</span>'
                     f'<span class="cat" translate="no">{esc(p.get("category") or "")}{flag("category")}</span></button></li>')
    body = f'<ol>{"".join(items)}</ol>' if items else f'<p class="none">{esc(t("review.no_problems"))}</p>'
    return (f'<nav class="panel" aria-label="{esc(t("review.panel"))}"><h2>{esc(t("review.problems", n=len(problems)))}'
            f'</h2>{body}</nav>')


def _footer(notice: dict[str, Any], dropped: int, t: Catalogue) -> str:
    note = t("review.dropped", n=dropped) if dropped else ""
    sha = (notice.get("source") or {}).get("sha256", "")[:12]
    return f'<footer>{esc(t("review.footer", schema=notice.get("schema_version") or "", sha=sha))}{esc(note)}</footer>'
