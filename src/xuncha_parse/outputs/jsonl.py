"""JSONL: one line per input file, the Notice (OUTPUT.md) or an error record, in input order."""
from __future__ import annotations

from .sink import FileSink, Record


class JsonlSink(FileSink):
    """``batch -o out.jsonl`` (or stdout): every record's line, notices and error records alike."""

    def add(self, record: Record) -> None:
        self.out.write(record.data)
