"""Parquet output: ``notices.parquet`` and ``problems.parquet`` in a folder, with pyarrow.

The columns are those of the database's ``notices`` and ``problems`` tables
(docs/DATABASE.md), built by the same row functions; a problem row carries its
notice's ``sha256`` and ``path`` instead of an id, and its measures, progress,
keywords and topic codes as lists.  pyarrow is an optional extra
(``pip install 'xuncha[parquet]'``), imported only here.
"""
from __future__ import annotations

import os
from typing import Any, Iterable, Iterator

from .db import Totals, notice_row, problem_row

#: notices buffered before a row group is written
NOTICES_PER_GROUP = 1000


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


def schemas() -> tuple[Any, Any]:
    """The pyarrow schemas of notices.parquet and problems.parquet."""
    pa, _ = _pyarrow()
    text, whole, texts = pa.string(), pa.int64(), pa.list_(pa.string())
    notices = pa.schema(
        [(k, text) for k in ("path", "sha256", "format", "encoding")] + [("bytes", whole)]
        + [(k, text) for k in ("title", "issuer", "addressee", "body", "round", "kind", "target",
                               "start_date", "end_date", "feedback_date", "signed_date")]
        + [("year", whole)]
        + [(f"declared_{k}", whole) for k in ("categories", "problems", "completed", "in_progress")]
        + [("declared_completion_rate", pa.float64()), ("parsed_problems", whole), ("schema_version", text)]
    )
    problems = pa.schema(
        [("sha256", text), ("path", text), ("position", whole), ("number", whole)]
        + [(k, text) for k in ("marker", "category", "group", "title", "description", "cause",
                               "status", "status_text")]
        + [("long_term", pa.bool_()), ("immediate", pa.bool_())]
        + [(k, texts) for k in ("keywords", "measures", "progress", "topics")]
        + [("line_start", whole), ("line_end", whole)]
    )
    return notices, problems


def problem_record(notice: dict[str, Any], problem: dict[str, Any], position: int) -> dict[str, Any]:
    """One problems.parquet row: the database row with lists instead of JSON text and booleans."""
    row = problem_row(problem, position)
    row.update(
        sha256=notice["source"]["sha256"], path=notice["source"].get("path"),
        long_term=bool(row["long_term"]), immediate=bool(row["immediate"]),
        keywords=list(problem.get("keywords") or []),
        measures=[m["text"] for m in problem.get("measures") or []],
        progress=[m["text"] for m in problem.get("progress") or []],
        topics=[t["code"] for t in problem.get("topics") or []],
    )
    return row


class ParquetSink:
    """Two Parquet files written a row group at a time; each appears under its name only when complete."""

    def __init__(self, folder: str):
        self.pa, self.pq = _pyarrow()
        os.makedirs(folder, exist_ok=True)
        self.folder = folder
        notices, problems = schemas()
        self.schemas = {"notices": notices, "problems": problems}
        self.writers = {name: self.pq.ParquetWriter(self._partial(name), schema)
                        for name, schema in self.schemas.items()}
        self.rows: dict[str, list[dict[str, Any]]] = {"notices": [], "problems": []}

    def _partial(self, name: str) -> str:
        return os.path.join(self.folder, f"{name}.parquet.partial")

    def add(self, notice: dict[str, Any]) -> None:
        self.rows["notices"].append(notice_row(notice))
        self.rows["problems"].extend(problem_record(notice, p, i) for i, p in enumerate(notice["problems"]))
        if len(self.rows["notices"]) >= NOTICES_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        for name, rows in self.rows.items():
            if rows:
                self.writers[name].write_table(self.pa.Table.from_pylist(rows, schema=self.schemas[name]))
                rows.clear()

    def write(self, paths: Iterable[str], totals: Totals, jobs: int = 1, keywords: bool = False) -> Iterator[Any]:
        """Parse ``paths`` and add each notice; yields each ``batch.Result``."""
        import orjson

        from ..batch import run

        for result in run(iter(paths), jobs, "jsonl", keywords):
            if totals.count(result):
                self.add(orjson.loads(result.data))
            yield result

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


class write_parquet:
    """``with write_parquet(folder) as sink:`` — the files appear when the block ends without an error."""

    def __init__(self, folder: str):
        self.folder = folder
        self.sink: ParquetSink | None = None

    def __enter__(self) -> ParquetSink:
        self.sink = ParquetSink(self.folder)
        return self.sink

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, traceback: Any) -> None:
        assert self.sink is not None
        self.sink.close(complete=kind is None)
