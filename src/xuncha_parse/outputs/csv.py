"""CSV: one row per problem, UTF-8 with a BOM so that Excel opens it right."""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

COLUMNS = [
    "notice_path", "notice_title", "issuer", "inspection_body", "inspection_target", "inspection_start",
    "inspection_end", "inspection_feedback", "category", "group", "number", "marker", "title", "status",
    "status_text", "long_term", "immediate", "measures", "progress", "line_start", "line_end",
]
BOM = "\ufeff".encode()


def date_text(d: Mapping[str, Any] | None) -> str:
    """ISO where known, else YYYY-MM-DD with ?? for the unknown parts, else empty."""
    if not d:
        return ""
    iso: str | None = d.get("iso")
    if iso:
        return iso
    part: Callable[[Any, int], str] = lambda v, w: f"{v:0{w}d}" if isinstance(v, int) else "?" * w
    return f"{part(d.get('year'), 4)}-{part(d.get('month'), 2)}-{part(d.get('day'), 2)}"


#: first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
#: ``=HYPERLINK(…)``, ``+1``, ``-2+3``, ``@SUM(…)``, and a tab or CR before any of them
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A text cell that a spreadsheet shows as text: a formula-like start gets a ``'`` before it."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def notice_cells(notice: Mapping[str, Any]) -> list[Any]:
    ins = notice["inspection"]
    return [
        notice["source"]["path"] or "", notice["title"] or "", notice["issuer"] or "", ins["body"] or "",
        ins["target"] or "", date_text(ins["start"]), date_text(ins["end"]), date_text(ins["feedback"]),
    ]


def problem_row(notice: Mapping[str, Any], p: Mapping[str, Any]) -> list[Any]:
    return [cell(v) for v in notice_cells(notice) + [
        p["category"] or "", p["group"] or "", "" if p["number"] is None else p["number"], p["marker"] or "",
        p["title"] or "", p["status"], p["status_text"] or "", p["long_term"], p["immediate"],
        len(p["measures"]), len(p["progress"]), p["span"]["line_start"], p["span"]["line_end"],
    ]]


def csv_rows(notice: Mapping[str, Any]) -> bytes:
    """The rows of one notice (no header): one a problem, or one with empty problem columns when
    no problem was found, so that every notice is in the file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if notice["problems"]:
        writer.writerows(problem_row(notice, p) for p in notice["problems"])
    else:
        cells = [cell(v) for v in notice_cells(notice)]
        writer.writerow(cells + [""] * (len(COLUMNS) - len(cells)))
    return buf.getvalue().encode("utf-8")


def csv_header() -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(COLUMNS)
    return BOM + buf.getvalue().encode("utf-8")
