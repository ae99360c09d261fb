"""CSV: one row per problem, UTF-8 with a BOM so that Excel opens it right.

The columns are the declared ones that go to ``csv`` (``outputs/columns.py``): the notice's, then the
problem's.  A notice without problems is one row with empty problem cells; error records are left out.
"""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from .columns import NOTICE_COLUMNS, PROBLEM_COLUMNS, columns
from .sink import FileSink, Record

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

NOTICE_CSV = columns(NOTICE_COLUMNS, "csv")
PROBLEM_CSV = columns(PROBLEM_COLUMNS, "csv")
COLUMNS = [c.header for c in NOTICE_CSV + PROBLEM_CSV]
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
    """A cell that a spreadsheet shows as written: empty for None, a formula-like start gets a ``'`` before it."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def notice_cells(notice: Mapping[str, Any]) -> list[Any]:
    return [cell(c.get(notice)) for c in NOTICE_CSV]


def problem_row(notice: Mapping[str, Any], problem: Mapping[str, Any], position: int = 0) -> list[Any]:
    return notice_cells(notice) + [cell(c.get(problem, position)) for c in PROBLEM_CSV]


def csv_rows(notice: Mapping[str, Any]) -> bytes:
    """The rows of one notice (no header): one a problem, or one with empty problem columns when
    no problem was found, so that every notice is in the file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if notice["problems"]:
        writer.writerows(problem_row(notice, p, i) for i, p in enumerate(notice["problems"]))
    else:
        cells = notice_cells(notice)
        writer.writerow(cells + [""] * (len(COLUMNS) - len(cells)))
    return buf.getvalue().encode("utf-8")


def csv_header() -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(COLUMNS)
    return BOM + buf.getvalue().encode("utf-8")


class CsvSink(FileSink):
    """``batch --format csv``: the header when opened, then each notice's rows; error records left out."""

    def __init__(self, output: str | None):
        super().__init__(output)
        self.out.write(csv_header())

    def add(self, record: Record) -> None:
        if record.error is None:
            self.out.write(csv_rows(record.notice()))
