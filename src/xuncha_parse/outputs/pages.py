"""Review pages as a sink: one HTML page per notice in a folder (``batch --review-dir``).

The pages arrive made: the worker renders each from the text it parsed (``Record.review``), so
writing them here costs no second parse.  A page that cannot be written is a warning, not a
failed notice; the sink keeps them for the runner to report.
"""
from __future__ import annotations

import os
import re
from pathlib import PurePath

from .sink import Record, Sink


def review_filename(path: str | None, sha256: str) -> str:
    """The review page's file name for a notice: its stem and a short hash, so equal names in two folders differ."""
    stem = re.sub(r"[^\w.-]+", "_", PurePath(path).stem if path else "stdin")[:80]
    return f"{stem}-{sha256[:8]}.html"


def write_page(folder: str, path: str | None, sha256: str, page: str) -> str:
    """Write a review page into ``folder`` (created when missing) through a temporary file; its path."""
    os.makedirs(folder, exist_ok=True)
    target = os.path.join(folder, review_filename(path, sha256))
    partial = f"{target}.{os.getpid()}.part"
    with open(partial, "w", encoding="utf-8") as f:
        f.write(page)
    os.replace(partial, target)
    return target


class ReviewSink(Sink):
    """``--review-dir FOLDER``: the page of each notice; ``problems`` collects the pages not written."""

    def __init__(self, folder: str):
        self.folder = self.name = folder
        self.problems: list[tuple[str, str]] = []

    def add(self, record: Record) -> None:
        if record.error is not None or record.review is None or record.sha256 is None:
            return
        try:
            write_page(self.folder, record.path, record.sha256, record.review)
        except OSError as e:
            self.problems.append((record.path, f"no review page: {e.strerror or e}"))
