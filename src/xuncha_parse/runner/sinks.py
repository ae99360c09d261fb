"""Which sinks a batch writes to: one output (JSONL, CSV, Parquet or a database), and review pages.

Each kind of output is one class in ``outputs/``; adding one is a file there and a line in ``OPENERS``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..outputs.sink import Sink


def _jsonl(target: str | None, force: bool, lang: str) -> Sink:
    from ..outputs.jsonl import JsonlSink

    return JsonlSink(target)


def _csv(target: str | None, force: bool, lang: str) -> Sink:
    from ..outputs.csv import CsvSink

    return CsvSink(target, lang)


def _parquet(target: str | None, force: bool, lang: str) -> Sink:
    from ..outputs.parquet import ParquetSink

    assert target is not None  # the command line asks for -o FOLDER
    return ParquetSink(target)


def _db(target: str | None, force: bool, lang: str) -> Sink:
    from ..outputs.db.sink import DbSink

    assert target is not None
    return DbSink(target, force)


#: the main output of a batch by its name (``--format``, or ``db`` for ``--db``)
OPENERS: dict[str, Callable[[str | None, bool, str], Sink]] = {
    "jsonl": _jsonl, "csv": _csv, "parquet": _parquet, "db": _db,
}


def open_sinks(kind: str, target: str | None, review_dir: str | None = None, force: bool = False,
               lang: str = "zh") -> list[Sink]:
    """The sinks of a batch: the main output, then the review pages when asked for.  Raises what the
    sink's constructor raises (WriteError, DatabaseError, ParquetUnavailable).  ``lang``: the CSV's
    yes/no words (``zh``: 是/否, ``en``: yes/no)."""
    sinks = [OPENERS[kind](target, force, lang)]
    if review_dir:
        from ..outputs.pages import ReviewSink

        sinks.append(ReviewSink(review_dir))
    return sinks
