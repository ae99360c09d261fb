"""Parquet output: ``notices.parquet`` and ``problems.parquet`` in a folder, with pyarrow.

The columns are the declared ones that go to ``parquet`` (``outputs/columns.py``); a problem row
carries its notice's ``sha256`` and ``path`` instead of an id, and its keywords, measures, progress
and topic codes as lists.  pyarrow is an optional extra (``pip install 'xuncha[parquet]'``),
imported only here.
"""
from __future__ import annotations

import os
from typing import Any, Mapping

from .columns import NOTICE_COLUMNS, PROBLEM_COLUMNS, columns
from .sink import Record, Sink

#: notices buffered before a row group is written
NOTICES_PER_GROUP = 1000
NOTICE_PARQUET = columns(NOTICE_COLUMNS, "parquet")
PROBLEM_PARQUET = columns(PROBLEM_COLUMNS, "parquet")


class ParquetUnavailable(Exception):
    """pyarrow is not installed."""


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise ParquetUnavailable(
            "--format parquet needs pyarrow: pip install 'xuncha[parquet]' (or pip install pyarrow)"
        ) from None
    return pa, pq


def _arrow_types(pa: Any) -> dict[str, Any]:
    return {"text": pa.string(), "integer": pa.int64(), "real": pa.float64(), "boolean": pa.bool_(),
            "texts": pa.list_(pa.string())}


def schemas() -> tuple[Any, Any]:
    """The pyarrow schemas of notices.parquet and problems.parquet."""
    pa, _ = _pyarrow()
    types = _arrow_types(pa)
    notices = pa.schema([(c.name, types[c.kind]) for c in NOTICE_PARQUET])
    problems = pa.schema([("sha256", pa.string()), ("path", pa.string())]
                         + [(c.name, types[c.kind]) for c in PROBLEM_PARQUET])
    return notices, problems


def notice_record(notice: Mapping[str, Any]) -> dict[str, Any]:
    """One notices.parquet row."""
    return {c.name: c.get(notice) for c in NOTICE_PARQUET}


def problem_record(notice: Mapping[str, Any], problem: Mapping[str, Any], position: int) -> dict[str, Any]:
    """One problems.parquet row: the notice's sha256 and path, then the problem's columns."""
    source = notice["source"]
    row = {"sha256": source["sha256"], "path": source.get("path")}
    row.update((c.name, c.get(problem, position)) for c in PROBLEM_PARQUET)
    return row


class ParquetSink(Sink):
    """``batch --format parquet -o FOLDER``: two Parquet files written a row group at a time; each
    appears under its name only when the run completes."""

    def __init__(self, folder: str):
        self.pa, self.pq = _pyarrow()
        os.makedirs(folder, exist_ok=True)
        self.folder = self.name = folder
        notices, problems = schemas()
        self.schemas = {"notices": notices, "problems": problems}
        self.writers = {name: self.pq.ParquetWriter(self._partial(name), schema)
                        for name, schema in self.schemas.items()}
        self.rows: dict[str, list[dict[str, Any]]] = {"notices": [], "problems": []}

    def _partial(self, name: str) -> str:
        return os.path.join(self.folder, f"{name}.parquet.partial")

    def add(self, record: Record) -> None:
        if record.error is None:
            self.add_notice(record.notice())

    def add_notice(self, notice: Mapping[str, Any]) -> None:
        self.rows["notices"].append(notice_record(notice))
        self.rows["problems"].extend(problem_record(notice, p, i) for i, p in enumerate(notice["problems"]))
        if len(self.rows["notices"]) >= NOTICES_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        for name, rows in self.rows.items():
            if rows:
                self.writers[name].write_table(self.pa.Table.from_pylist(rows, schema=self.schemas[name]))
                rows.clear()

    def close(self, complete: bool) -> None:
        """Finish both files; only a complete run renames them to their final names."""
        if complete:
            self.flush()
        for name, writer in self.writers.items():
            writer.close()
            partial = self._partial(name)
            if complete:
                os.replace(partial, os.path.join(self.folder, f"{name}.parquet"))
            else:
                os.remove(partial)
