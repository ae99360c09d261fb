"""CSV: one row per problem, UTF-8 with a BOM so that Excel opens it right.

The columns are the declared ones that go to ``csv`` (``outputs/columns.py``): the notice's, then the
problem's.  A notice without problems is one row with empty problem cells; error records are left out.
"""
from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from .columns import NOTICE_COLUMNS, PROBLEM_COLUMNS, columns
from .columns import date_text as date_text  # the one written form of a date (show uses it too)
from .sink import FileSink, Record

if TYPE_CHECKING:
    from collections.abc import Mapping

NOTICE_CSV = columns(NOTICE_COLUMNS, "csv")
PROBLEM_CSV = columns(PROBLEM_COLUMNS, "csv")
COLUMNS = [c.header for c in NOTICE_CSV + PROBLEM_CSV]
BOM = "\ufeff".encode()


#: first characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"):
#: ``=HYPERLINK(…)``, ``+1``, ``-2+3``, ``@SUM(…)``, and a tab or CR before any of them
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


#: how a boolean reads in a cell, by ``--lang``: what a person types in a spreadsheet, not True/False
YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}


def cell(value: Any, lang: str = "zh") -> Any:
    """A cell that a spreadsheet shows as written: empty for None, 是/否 for a boolean (yes/no in
    English), a list one item a line, a formula-like start with a ``'`` before it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES_NO[lang][0 if value else 1]
    if isinstance(value, list):
        value = "\n".join(str(cell(v, lang)) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def notice_cells(notice: Mapping[str, Any], lang: str = "zh") -> list[Any]:
    return [cell(c.get(notice), lang) for c in NOTICE_CSV]


def problem_row(notice: Mapping[str, Any], problem: Mapping[str, Any], position: int = 0,
                lang: str = "zh") -> list[Any]:
    return notice_cells(notice, lang) + [cell(c.get(problem, position), lang) for c in PROBLEM_CSV]


def csv_rows(notice: Mapping[str, Any], lang: str = "zh") -> bytes:
    """The rows of one notice (no header): one a problem, or one with empty problem columns when
    no problem was found, so that every notice is in the file."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if notice["problems"]:
        writer.writerows(problem_row(notice, p, i, lang) for i, p in enumerate(notice["problems"]))
    else:
        cells = notice_cells(notice, lang)
        writer.writerow(cells + [""] * (len(COLUMNS) - len(cells)))
    return buf.getvalue().encode("utf-8")


def csv_header() -> bytes:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(COLUMNS)
    return BOM + buf.getvalue().encode("utf-8")


class CsvSink(FileSink):
    """``batch --format csv``: the header when opened, then each notice's rows; error records left out."""

    def __init__(self, output: str | None, lang: str = "zh"):
        super().__init__(output)
        self.lang = lang
        self.out.write(csv_header())

    def add(self, record: Record) -> None:
        if record.error is None:
            self.out.write(csv_rows(record.notice(), self.lang))
