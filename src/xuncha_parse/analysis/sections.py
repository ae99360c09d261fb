"""The analysis sections of the corpus report: common problems, recurring problems, completion.

``analysis_sections(conn, db, links)`` returns HTML ``<section>`` elements (the report's classes), each
notice linked to its review page when ``links`` (``source.path`` -> href) has one.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from ..outputs.i18n import catalogue
from ..outputs.report import safe_href
from ..outputs.review import esc
from . import queries
from .normalize import canonical_wording

if TYPE_CHECKING:
    import sqlite3

#: at most this many rows per section table
MAX_ROWS = 200


def analysis_sections(conn: sqlite3.Connection, db: str, links: dict[str, str]) -> str:
    if not queries.has_analysis(conn):
        return (f'<section><h2>Findings across the corpus</h2><p class="none">Not analysed yet: run '
                f"<code>xuncha analyze {esc(db)}</code>.</p></section>")
    return "".join((_common(queries.common(conn, "round"), "round"), _common(queries.common(conn, "year"), "year"),
                    _recurring(queries.recurring(conn), links), _completion(queries.completion(conn))))


def _grid(title: str, note: str, head: tuple[str, ...], rows: list[str]) -> str:
    if not rows:
        return f'<section><h2>{esc(title)}</h2><p class="none">{esc(note)}</p></section>'
    cells = "".join(f"<th>{esc(h)}</th>" for h in head)
    more = f'<p class="note">The first {MAX_ROWS} of {len(rows)}.</p>' if len(rows) > MAX_ROWS else ""
    return (f'<section><h2>{esc(title)}</h2><table class="grid compact"><thead><tr>{cells}</tr></thead>'
            f'<tbody>{"".join(rows[:MAX_ROWS])}</tbody></table>{more}</section>')


def _common(rows: list[dict[str, Any]], scope: str) -> str:
    body = [f'<tr><td>{esc(r["scope_value"])}</td><td>{_finding(r)}</td><td class="n">{r["units"]}</td>'
            f'<td class="n">{r["problems"]}</td></tr>' for r in rows]
    return _grid(f"Common problems by {scope} (共性问题)", f"No finding recurs across units of one {scope}.",
                 (scope, "finding", "units", "problems"), body)


def _finding(row: dict[str, Any]) -> str:
    """A finding type's canonical wording, with the representative problem's title beneath; or the title."""
    if not row["finding_type"]:
        return esc(row["representative"])
    return f'{esc(canonical_wording(row["finding_type"]))}<br><small>{esc(row["representative"])}</small>'


def _notice(path: str | None, links: dict[str, str]) -> str:
    name = esc(PurePath(path).name if path else "—")
    href = links.get(path or "")
    return f'<a href="{esc(safe_href(href))}">{name}</a>' if href else name


def _recurring(rows: list[dict[str, Any]], links: dict[str, str]) -> str:
    body = [f'<tr><td>{esc(r["unit_key"])}</td><td>{_notice(r["earlier_path"], links)}<br>{esc(r["earlier_title"])}</td>'
            f'<td class="{"bad" if r["earlier_status"] == "completed" else ""}">{esc(_status_name(r["earlier_status"]))}</td>'
            f'<td>{_notice(r["later_path"], links)}<br>{esc(r["later_title"])}</td>'
            f'<td>{"yes" if r["later_lookback"] else ""}</td></tr>' for r in rows]
    return _grid("Recurring problems (屡查屡犯)", "No unit has the same finding in a later round.",
                 ("unit", "earlier round", "earlier status", "later round", "回头看"), body)


def _rate(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _completion(rows: list[dict[str, Any]]) -> str:
    body = [f'<tr><td>{esc(r["body"] or "—")}</td><td>{esc(r["year"] or "—")}</td><td>{esc(r["unit_key"] or "—")}</td>'
            f'<td class="n">{esc(r["declared_problems"] if r["declared_problems"] is not None else "—")}</td>'
            f'<td class="n">{r["parsed_problems"]}</td>'
            f'<td class="n">{esc(r["declared_completed"] if r["declared_completed"] is not None else "—")}</td>'
            f'<td class="n">{r["parsed_completed"]}</td><td class="n">{_rate(r["stated_rate"])}</td>'
            f'<td class="n">{_rate(r["parsed_rate"])}</td></tr>' for r in rows]
    return _grid("Completion by body and year", "No notices.",
                 ("body", "year", "unit", "declared", "parsed", "declared completed", "parsed completed",
                  "stated rate", "parsed rate"), body)


def _status_name(status: str | None) -> str:
    """A stated status in the interface's language (``completed`` -> 已完成), else as stored."""
    return catalogue().code("status", str(status))
