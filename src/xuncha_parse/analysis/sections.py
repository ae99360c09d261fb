"""The analysis sections of the corpus report: common problems, recurring problems, completion.

``analysis_sections(conn, db, links, lang)`` returns HTML ``<section>`` elements (the report's classes),
each notice linked to its review page when ``links`` (``source.path`` -> href) has one, the interface in
``lang`` (default Chinese, as the report's).  What the notices say (units, titles, bodies, rounds, file
names) is marked ``translate="no"``.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from ..outputs.i18n import Catalogue, catalogue
from ..outputs.report import safe_href
from ..outputs.review import esc
from . import queries
from .normalize import canonical_wording

if TYPE_CHECKING:
    import sqlite3

#: at most this many rows per section table
MAX_ROWS = 200


def analysis_sections(conn: sqlite3.Connection, db: str, links: dict[str, str], lang: str | None = None) -> str:
    t = catalogue(lang)
    if not queries.has_analysis(conn):
        return (f'<section><h2>{esc(t("analysis.title"))}</h2><p class="none">{esc(t("analysis.not_yet"))} '
                f'<code translate="no">xuncha analyze {esc(db)}</code></p></section>')
    return "".join((_common(queries.common(conn, "round"), "round", t), _common(queries.common(conn, "year"), "year", t),
                    _recurring(queries.recurring(conn), links, t), _completion(queries.completion(conn), t)))


def _grid(title: str, note: str, head: tuple[str, ...], rows: list[str], t: Catalogue) -> str:
    if not rows:
        return f'<section><h2>{esc(title)}</h2><p class="none">{esc(note)}</p></section>'
    cells = "".join(f"<th>{esc(t(f'analysis.col.{h}'))}</th>" for h in head)
    more = f'<p class="note">{esc(t("analysis.first", shown=MAX_ROWS, total=len(rows)))}</p>' if len(rows) > MAX_ROWS else ""
    return (f'<section><h2>{esc(title)}</h2><table class="grid compact"><thead><tr>{cells}</tr></thead>'
            f'<tbody>{"".join(rows[:MAX_ROWS])}</tbody></table>{more}</section>')


def _own(value: object) -> str:
    """A notice's own words (a unit, a title, a round), never translated; a dash when missing."""
    return f'<span translate="no">{esc(value)}</span>' if value not in (None, "") else "—"


def _common(rows: list[dict[str, Any]], scope: str, t: Catalogue) -> str:
    body = [f'<tr><td>{_own(r["scope_value"])}</td><td>{_finding(r)}</td><td class="n">{r["units"]}</td>'
            f'<td class="n">{r["problems"]}</td></tr>' for r in rows]
    named = t(f"analysis.scope.{scope}")
    return _grid(t("analysis.common", scope=named), t("analysis.common_none", scope=named),
                 (scope, "finding", "units", "problems"), body, t)


def _finding(row: dict[str, Any]) -> str:
    """A finding type's canonical wording, with the representative problem's title beneath; or the title."""
    if not row["finding_type"]:
        return _own(row["representative"])
    return f'{_own(canonical_wording(row["finding_type"]))}<br><small>{_own(row["representative"])}</small>'


def _notice(row: dict[str, Any], side: str, links: dict[str, str]) -> str:
    """A notice named by its round (``八届市委第六轮``), else its year, else its file's name; the file's name stays
    in the tooltip and the link goes to its review page."""
    path = row[f"{side}_path"]
    name = PurePath(path).name if path else "—"
    label = row.get(f"{side}_round") or (str(row[f"{side}_year"]) if row.get(f"{side}_year") else name)
    href = links.get(path or "")
    tag = f'a href="{esc(safe_href(href))}"' if href else "span"
    return f'<{tag} title="{esc(name)}">{_own(label)}</{tag.split()[0]}>'


def _recurring(rows: list[dict[str, Any]], links: dict[str, str], t: Catalogue) -> str:
    body = [f'<tr><td>{_own(r["unit_key"])}</td><td>{_notice(r, "earlier", links)}<br>{_own(r["earlier_title"])}</td>'
            f'<td class="{"bad" if r["earlier_status"] == "completed" else ""}">{esc(t.code("status", str(r["earlier_status"])))}</td>'
            f'<td>{_notice(r, "later", links)}<br>{_own(r["later_title"])}</td>'
            f'<td>{esc(t("analysis.yes")) if r["later_lookback"] else ""}</td></tr>' for r in rows]
    return _grid(t("analysis.recurring"), t("analysis.recurring_none"),
                 ("unit", "earlier", "earlier_status", "later", "lookback"), body, t)


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _count(value: int | None) -> str:
    return "—" if value is None else esc(value)


def _completion(rows: list[dict[str, Any]], t: Catalogue) -> str:
    body = [f'<tr><td>{_own(r["body"])}</td><td>{esc(r["year"] or "—")}</td><td>{_own(r["unit_key"])}</td>'
            f'<td class="n">{_count(r["declared_problems"])}</td><td class="n">{r["parsed_problems"]}</td>'
            f'<td class="n">{_count(r["declared_completed"])}</td><td class="n">{r["parsed_completed"]}</td>'
            f'<td class="n">{_rate(r["stated_rate"])}</td><td class="n">{_rate(r["parsed_rate"])}</td></tr>' for r in rows]
    return _grid(t("analysis.completion"), t("analysis.completion_none"),
                 ("body", "year", "unit", "declared", "parsed", "declared_completed", "parsed_completed",
                  "stated_rate", "parsed_rate"), body, t)
