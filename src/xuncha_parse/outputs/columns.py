"""The flat columns of a notice and of a problem, declared once.

The SQLite DDL (``outputs/db/schema.py``), the Parquet schemas (``outputs/parquet.py``), the CSV
header and the rows of all three are derived from ``NOTICE_COLUMNS`` and ``PROBLEM_COLUMNS``.
Adding a field to the flat outputs is one ``Column`` here (at the end of its table, so that an
upgraded database and a new one have their columns in the same order) and, for the database, one
migration that adds it (``outputs/db/migrations.py``).

Each column says what it holds (``kind``), where it goes (``outputs``: ``db``, ``parquet``, ``csv``)
and how it is read from the OUTPUT.md dict; values are read with ``.get`` so that a field the
parser does not fill yet is an empty cell, not an error.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    #: reads a column's value from a notice dict, or from (problem dict, its position)
    NoticeGetter = Callable[[Mapping[str, Any]], Any]
    ProblemGetter = Callable[[Mapping[str, Any], int], Any]

#: the value kinds a column may hold: text, whole and real numbers, booleans, lists of texts
#: (a JSON array in SQLite, a list in Parquet, one a line in a CSV cell), and any JSON value
#: (a text or number as itself, anything structured as its JSON text: a corrected value)
KINDS = ("text", "integer", "real", "boolean", "texts", "any")
ALL = frozenset({"db", "parquet", "csv"})
STORES = frozenset({"db", "parquet"})


@dataclass(frozen=True, slots=True)
class Column:
    """One flat column: its name, kind, outputs, how it is read, and its CSV header and SQL constraint."""

    name: str
    kind: str
    get: Any  # NoticeGetter or ProblemGetter (a Callable field would make mypy treat it as a method)
    outputs: frozenset[str] = STORES
    csv: str | None = None  # the CSV header, when ``csv`` is among the outputs and it differs from ``name``
    sql: str = ""  # a constraint in the DDL (``NOT NULL``, ``UNIQUE``, a CHECK)

    @property
    def header(self) -> str:
        return self.csv or self.name


# ---------------------------------------------------------------- reading the notice dict


def date_text(d: Mapping[str, Any] | None) -> str:
    """A Date in its one written form in every flat output: ISO when complete, else YYYY-MM-DD with
    ``?`` for the unknown parts (``2023年X月26日`` → ``2023-??-26``), else empty.  ISO-shaped so that it
    sorts with complete dates and reads the same in any language; the text as written has its own column."""
    if not d:
        return ""
    iso: str | None = d.get("iso")
    if iso:
        return iso
    return f"{_part(d.get('year'), 4)}-{_part(d.get('month'), 2)}-{_part(d.get('day'), 2)}"


def _part(value: Any, width: int) -> str:
    return f"{value:0{width}d}" if isinstance(value, int) else "?" * width


def iso_or_partial(value: Mapping[str, Any] | None) -> str | None:
    """``date_text`` of a Date, None when there is none."""
    return date_text(value) or None


def year_of(notice: Mapping[str, Any]) -> int | None:
    """The inspection's year: its start, else its end, else the feedback, else the signature date."""
    inspection = notice.get("inspection") or {}
    signature = notice.get("signature") or {}
    for value in (inspection.get("start"), inspection.get("end"), inspection.get("feedback"), signature.get("date")):
        if value and value.get("year"):
            return int(value["year"])
    return None


def _source(key: str) -> NoticeGetter:
    return lambda n: (n.get("source") or {}).get(key)


def _inspection(key: str) -> NoticeGetter:
    return lambda n: (n.get("inspection") or {}).get(key)


def _inspection_date(key: str) -> NoticeGetter:
    return lambda n: iso_or_partial((n.get("inspection") or {}).get(key))


def _date_of(notice: Mapping[str, Any], which: str) -> Mapping[str, Any]:
    """The Date ``which`` (``start``, ``end``, ``feedback`` of the inspection, or ``signed``), {} when none."""
    if which == "signed":
        return (notice.get("signature") or {}).get("date") or {}
    return (notice.get("inspection") or {}).get(which) or {}


def _written(which: str) -> NoticeGetter:
    return lambda n: _date_of(n, which).get("text")


def _inferred(which: str) -> NoticeGetter:
    return lambda n: _date_of(n, which).get("year_inferred") if _date_of(n, which) else None


def _declared(key: str) -> NoticeGetter:
    return lambda n: (n.get("declared") or {}).get(key)


def _top(key: str) -> NoticeGetter:
    return lambda n: n.get(key)


def _problem(key: str) -> ProblemGetter:
    return lambda p, i: p.get(key)


def _line(key: str) -> ProblemGetter:
    return lambda p, i: (p.get("span") or {}).get(key)


def measures_text(problem: Mapping[str, Any]) -> str | None:
    """A problem's measures one a line, None when it has none."""
    return "\n".join(m["text"] for m in problem.get("measures") or ()) or None


def _texts(key: str) -> ProblemGetter:
    return lambda p, i: [item["text"] for item in p.get(key) or ()]


def corrected_paths(notice: Mapping[str, Any]) -> str | None:
    """``inspection.target\nproblems.2.status``: what was corrected, else None (all as parsed)."""
    return "\n".join(c["path"] for c in notice.get("corrections") or ()) or None


NOTICE_COLUMNS: tuple[Column, ...] = (
    Column("path", "text", _source("path"), ALL, csv="notice_path", sql="UNIQUE"),
    Column("sha256", "text", _source("sha256"), sql="NOT NULL UNIQUE"),
    Column("format", "text", _source("format")),
    Column("encoding", "text", _source("encoding")),
    Column("bytes", "integer", _source("bytes")),
    Column("title", "text", _top("title"), ALL, csv="notice_title"),
    Column("issuer", "text", _top("issuer"), ALL),
    Column("addressee", "text", _top("addressee")),
    Column("body", "text", _inspection("body"), ALL, csv="inspection_body"),
    Column("round", "text", _inspection("round")),
    Column("kind", "text", _inspection("kind")),  # the inspection's kind (常规巡察); the notice's is notice_kind
    Column("target", "text", _inspection("target"), ALL, csv="inspection_target"),
    Column("start_date", "text", _inspection_date("start"), ALL, csv="inspection_start"),
    Column("end_date", "text", _inspection_date("end"), ALL, csv="inspection_end"),
    Column("feedback_date", "text", _inspection_date("feedback"), ALL, csv="inspection_feedback"),
    Column("signed_date", "text", lambda n: iso_or_partial((n.get("signature") or {}).get("date"))),
    Column("year", "integer", year_of),
    Column("declared_categories", "integer", _declared("categories")),
    Column("declared_problems", "integer", _declared("problems")),
    Column("declared_completed", "integer", _declared("completed")),
    Column("declared_in_progress", "integer", _declared("in_progress")),
    Column("declared_completion_rate", "real", _declared("completion_rate")),
    Column("parsed_problems", "integer", lambda n: len(n.get("problems") or ()), sql="NOT NULL"),
    Column("schema_version", "text", _top("schema_version")),
    # the database's own: when the row was written, and the whole JSON (filled by outputs/db/rows.py)
    Column("parsed_at", "text", lambda n: None, frozenset({"db"}), sql="NOT NULL"),
    Column("json", "text", lambda n: None, frozenset({"db"}), sql="NOT NULL"),
    # database schema 2 (schema 1.2 of the contract)
    Column("notice_kind", "text", _top("kind")),
    Column("needs_review", "boolean", _top("needs_review")),
    # the database schema the row was written under (filled by outputs/db/rows.py); a row from before an
    # upgrade has none, and the next batch over its file parses it again, filling the columns added since
    Column("row_version", "integer", lambda n: None, frozenset({"db"})),
    # database schema 3: each date as written and whether its year was inferred (the date columns above
    # hold the ISO date, or its one partial form 2023-??-26)
    *(column for which in ("start", "end", "feedback", "signed")
      for column in (Column(f"{which}_date_text", "text", _written(which)),
                     Column(f"{which}_year_inferred", "boolean", _inferred(which)))),
    # the paths a person corrected (``--corrections``), one a line; the database has them in its
    # ``corrections`` table (CORRECTION_COLUMNS), with the values
    Column("corrected", "text", lambda n: corrected_paths(n), frozenset({"csv", "parquet"})),
)

#: only one of the three statuses; the database checks it
STATUS_CHECK = "NOT NULL CHECK (status IN ('completed', 'in_progress', 'unknown'))"

PROBLEM_COLUMNS: tuple[Column, ...] = (
    Column("position", "integer", lambda p, i: i, sql="NOT NULL"),
    Column("number", "integer", _problem("number"), ALL),
    Column("marker", "text", _problem("marker"), ALL),
    Column("category", "text", _problem("category"), ALL),
    Column("group", "text", _problem("group"), ALL),
    Column("title", "text", _problem("title"), ALL),
    Column("description", "text", _problem("description")),
    Column("cause", "text", _problem("cause")),
    Column("status", "text", _problem("status"), ALL, sql=STATUS_CHECK),
    Column("status_text", "text", _problem("status_text"), ALL),
    Column("long_term", "boolean", lambda p, i: bool(p.get("long_term")), ALL, sql="NOT NULL"),
    Column("immediate", "boolean", lambda p, i: bool(p.get("immediate")), ALL, sql="NOT NULL"),
    Column("keywords", "texts", lambda p, i: list(p.get("keywords") or ())),
    Column("line_start", "integer", _line("line_start"), ALL),
    Column("line_end", "integer", _line("line_end"), ALL),
    # Parquet's lists of the problem's parts (the database keeps them in tables of their own)
    Column("measures", "texts", _texts("measures"), frozenset({"parquet", "csv"})),
    Column("progress", "texts", _texts("progress"), frozenset({"parquet", "csv"})),
    Column("topics", "texts", lambda p, i: [t["code"] for t in p.get("topics") or ()], frozenset({"parquet"})),
    # CSV's counts of them, beside the texts
    Column("measure_count", "integer", lambda p, i: len(p.get("measures") or ()), frozenset({"csv"})),
    Column("progress_count", "integer", lambda p, i: len(p.get("progress") or ()), frozenset({"csv"})),
    # database schema 2 (schema 1.2 of the contract)
    Column("leader", "text", _problem("leader"), ALL),
    # database schema 3: the measures one a line, what the full-text index reads (content="problems")
    Column("measures_text", "text", lambda p, i: measures_text(p), frozenset({"db"})),
)


def _correction(key: str) -> ProblemGetter:
    return lambda c, i: c.get(key)


#: database schema 4: one row per applied correction (the notice's ``corrections[]``, OUTPUT.md
#: "Corrections"): where each value that is not the parser's came from; the database's only
CORRECTION_COLUMNS: tuple[Column, ...] = (
    Column("position", "integer", lambda c, i: i, frozenset({"db"}), sql="NOT NULL"),
    Column("path", "text", _correction("path"), frozenset({"db"}), sql="NOT NULL"),
    Column("value", "any", _correction("value"), frozenset({"db"})),
    Column("parsed", "any", _correction("parsed"), frozenset({"db"})),
    Column("source", "text", _correction("source"), frozenset({"db"}), sql="NOT NULL"),
    Column("corrected_by", "text", _correction("by"), frozenset({"db"})),
    Column("corrected_at", "text", _correction("at"), frozenset({"db"})),
)


def columns(table: tuple[Column, ...], output: str) -> tuple[Column, ...]:
    """The columns of a table that go to one output (``db``, ``parquet`` or ``csv``), in declared order."""
    return tuple(c for c in table if output in c.outputs)


def notice_values(notice: Mapping[str, Any], output: str) -> list[Any]:
    """A notice's values for one output, in its columns' order (types as read; each output converts)."""
    return [c.get(notice) for c in columns(NOTICE_COLUMNS, output)]


def problem_values(problem: Mapping[str, Any], position: int, output: str) -> list[Any]:
    """One problem's values for one output, in its columns' order."""
    return [c.get(problem, position) for c in columns(PROBLEM_COLUMNS, output)]
