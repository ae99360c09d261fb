"""Batch conversion: paths in, one JSON line (or CSV rows) per notice out, in a deterministic order.

Workers receive paths, never texts, and return finished bytes, so the parent
only writes.  Small batches run in-process: a pool costs more than it saves.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

#: below this many files per worker, no pool is started
POOL_MIN_PER_WORKER = 16
#: paths handed to a worker at a time
CHUNK = 8
#: paths queued per worker at most; Pool.imap alone would queue the whole input
WINDOW = 128


class InputError(Exception):
    """A file that cannot be read as a notice (missing, a directory, binary, empty, undecodable)."""


@dataclass(slots=True)
class Result:
    path: str
    data: bytes
    problems: int
    error: str | None = None


def expand(paths: Iterable[str], glob: str) -> Iterator[str]:
    """Files as given; folders walked recursively for ``glob`` in sorted order; order otherwise kept."""
    for raw in paths:
        if os.path.isdir(raw):
            yield from walk(raw, glob)
        else:
            yield raw


def walk(folder: str, glob: str) -> Iterator[str]:
    """Matching files below a folder, depth first, names sorted within each folder.

    Only one folder's names are held at a time, so memory does not grow with
    the size of the tree.
    """
    from fnmatch import fnmatch

    with os.scandir(folder) as it:
        entries = sorted((e.name, e.is_dir()) for e in it)
    for name, is_dir in entries:
        path = os.path.join(folder, name)
        if is_dir:
            yield from walk(path, glob)
        elif fnmatch(name, glob):
            yield path


def read_notice(path: str) -> bytes:
    """The bytes of a notice file, or InputError saying what is wrong with it."""
    p = Path(path)
    if not p.exists():
        raise InputError("no such file")
    if p.is_dir():
        raise InputError("is a directory, not a notice file")
    try:
        return p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None


def convert(path: str, fmt: str = "jsonl", keywords: bool = False) -> Result:
    """Parse one file into its output bytes; any failure becomes an error record."""
    from .decode import DecodeError

    try:
        notice = parse_file(path)
        if keywords:
            from .enrich.keywords import annotate

            annotate(notice)
    except (InputError, DecodeError) as e:
        return _failed(path, type(e).__name__, str(e))
    except Exception as e:  # a parser bug must not cost the other files
        return _failed(path, type(e).__name__, f"internal error: {e}")
    return Result(path, serialize(notice, fmt), len(notice["problems"]))


def parse_file(path: str) -> dict:
    from .api import bytes_to_dict

    return bytes_to_dict(read_notice(path), path)


def _failed(path: str, kind: str, message: str) -> Result:
    import orjson

    record = {"source": {"path": path}, "error": {"type": kind, "message": message}}
    return Result(path, orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE), 0, message)


def serialize(notice: dict, fmt: str) -> bytes:
    import orjson

    if fmt == "csv":
        from .outputs.csv import csv_rows

        return csv_rows(notice)
    return orjson.dumps(notice, option=orjson.OPT_APPEND_NEWLINE)


def run(paths: Iterator[str], jobs: int, fmt: str, keywords: bool = False) -> Iterator[Result]:
    """Results in input order; a pool of ``jobs`` processes only for batches big enough to pay for it."""
    head = list(islice(paths, POOL_MIN_PER_WORKER * jobs))
    if jobs <= 1 or len(head) < POOL_MIN_PER_WORKER * jobs:
        yield from (convert(p, fmt, keywords) for p in _chain(head, paths))
        return
    yield from _pooled(_chain(head, paths), jobs, fmt, keywords)


def _chain(head: list[str], rest: Iterator[str]) -> Iterator[str]:
    yield from head
    yield from rest


def _pooled(paths: Iterator[str], jobs: int, fmt: str, keywords: bool) -> Iterator[Result]:
    import multiprocessing as mp
    from functools import partial

    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    work = partial(convert, fmt=fmt, keywords=keywords)
    with ctx.Pool(jobs, initializer=_ignore_interrupts) as pool:
        pending = None
        while True:
            # queue the next window before draining this one, so workers never wait at a window's end
            window = list(islice(paths, WINDOW * jobs))
            queued = pool.imap(work, window, chunksize=CHUNK) if window else None
            if pending is not None:
                yield from pending
            if queued is None:
                return
            pending = queued


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and reports once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte with unbuffered writes, so an interrupted run leaves only whole lines."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def run_beside(paths: Iterator[str], jobs: int, fmt: str, keywords: bool = False) -> Iterator[Result]:
    """Like ``run``, but with worker processes even for ``jobs=1`` once the batch is big enough, so the
    parent's own work on each result (``batch --db`` writing the database) runs beside the parsing."""
    head = list(islice(paths, POOL_MIN_PER_WORKER))
    if len(head) < POOL_MIN_PER_WORKER:
        yield from (convert(p, fmt, keywords) for p in head)
        return
    yield from _pooled(_chain(head, paths), jobs, fmt, keywords)
