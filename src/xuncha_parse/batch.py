"""Batch conversion: paths in, one JSON line (or CSV rows) per notice out, in a deterministic order.

Workers receive paths, never texts, and return finished bytes, so the parent
only writes.  Small batches run in-process: a pool costs more than it saves.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING, Any, BinaryIO, Generator, Iterable, Iterator

if TYPE_CHECKING:
    from collections import deque
    from collections.abc import Callable
    from concurrent.futures import ProcessPoolExecutor

    from .shapes import NoticeDict

#: below this many files per worker, no pool is started
POOL_MIN_PER_WORKER = 16
#: paths handed to a worker at a time
CHUNK = 8
#: paths queued per worker at most; Pool.imap alone would queue the whole input
WINDOW = 128


class InputError(Exception):
    """A file that cannot be read as a notice (missing, a directory, binary, empty, undecodable, too big)."""


#: the default --max-bytes: a notice is tens of kilobytes; parsing takes about 15 times the input in memory
#: (and up to 400 times on text of nothing but headings), see docs/RELIABILITY.md
MAX_BYTES = 10 * 1024 * 1024
#: how much of a stream (a pipe, a device) is read at a time
READ_CHUNK = 1 << 20


@dataclass(slots=True)
class Result:
    path: str
    data: bytes
    problems: int
    error: str | None = None
    #: a note for stderr that writes no record (a skipped FIFO, a lost worker)
    warning: str | None = None
    worker_lost: bool = False


@dataclass(frozen=True, slots=True)
class WalkIssue:
    """A folder entry that is not a notice file: an error record (unreadable) or a warning (skipped)."""

    path: str
    message: str
    skip: bool


if TYPE_CHECKING:
    #: what ``expand`` yields and the converters take: a file's path, or a folder entry that is not one
    PathItem = str | WalkIssue
    #: (device, inode) of files
    Identities = frozenset[tuple[int, int]]
    #: a chunk of paths converted in a worker
    ChunkWork = Callable[[list[PathItem]], list[Result]]


#: the surrogate escapes ``os.fsdecode`` makes of bytes that are not UTF-8 in a file name (GBK names from zips)
_SURROGATE = re.compile("[\udc80-\udcff]")


def printable_path(path: str) -> str:
    """A path that JSON, CSV and a terminal can carry: each undecodable name byte 0xXX as the text ``\\udcXX``.

    ``os.fsencode`` of the original gives back the bytes; this keeps them visible and lossless.
    """
    if _SURROGATE.search(path) is None:
        return path
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", path)


def expand(paths: Iterable[str | WalkIssue], glob: str, exclude: Identities = frozenset()) -> Iterator[str | WalkIssue]:
    """Files as given; folders walked recursively for ``glob`` in sorted order; order otherwise kept.

    ``exclude``: (device, inode) of files never to yield (the output being written).
    """
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        if isinstance(raw, WalkIssue):
            yield raw
        elif os.path.isdir(raw):
            yield from walk(raw, glob, seen, exclude)
        else:
            yield raw


#: the files a folder is walked for unless ``--glob`` says otherwise: every format the readers know, and the
#: legacy Word and WPS files they refuse with a message, so that none is skipped in silence
DEFAULT_GLOB = "*.txt *.htm *.html *.shtml *.pdf *.docx *.doc *.wps"


def matches(name: str, glob: str) -> bool:
    """Does a file name match one of the space-separated patterns, in any case (``通报.PDF``)?"""
    from fnmatch import fnmatchcase

    lower = name.lower()
    return any(fnmatchcase(lower, pattern.lower()) for pattern in glob.split())


def walk(folder: str, glob: str, seen: set[tuple[int, int]] | None = None,
         exclude: Identities = frozenset()) -> Iterator[str | WalkIssue]:
    """Matching files below a folder, depth first, names sorted within each folder.

    Each real folder is walked once (``sub/up -> ..`` and symlink loops end there); file symlinks
    are followed; a folder that cannot be read is one WalkIssue; a matching entry that is not a
    regular file (a FIFO, a socket, a device) is a skipped WalkIssue.  Only one folder's names are
    held at a time, so memory does not grow with the size of the tree.
    """
    seen = set() if seen is None else seen
    try:
        entries = _entries(folder, seen)
    except OSError as e:
        yield WalkIssue(folder, f"cannot read folder: {e.strerror or e}", skip=False)
        return
    for name, kind, inode in entries:
        path = os.path.join(folder, name)
        if kind == "dir":
            yield from walk(path, glob, seen, exclude)
        elif not matches(name, glob) or _excluded(path, inode, exclude):
            continue
        elif kind in ("file", "broken"):
            yield path  # a broken link becomes an error record when read
        else:
            yield WalkIssue(path, f"not a regular file ({kind}); skipped", skip=True)


def _entries(folder: str, seen: set[tuple[int, int]]) -> list[tuple[str, str, int]]:
    """(name, kind, inode) of a folder's entries, sorted; none when the folder was walked already."""
    st = os.stat(folder)
    if (st.st_dev, st.st_ino) in seen:
        return []
    seen.add((st.st_dev, st.st_ino))
    with os.scandir(folder) as it:
        return sorted((e.name, _kind(e), e.inode()) for e in it)


def _kind(entry: os.DirEntry[str]) -> str:
    """``dir``, ``file``, ``broken`` (a link to nothing, or a loop) or the kind of special file."""
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
        if entry.is_symlink() and not os.path.exists(entry.path):
            return "broken"
        mode = entry.stat().st_mode
    except OSError:
        return "broken"
    return "fifo" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"


def _excluded(path: str, inode: int, exclude: Identities) -> bool:
    if not exclude or not any(inode == ino for _, ino in exclude):
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) in exclude


def read_notice(path: str, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a notice file, or InputError saying what is wrong with it."""
    try:
        with open(path, "rb") as f:
            return read_bounded(f, max_bytes)
    except FileNotFoundError:
        raise InputError("broken symbolic link" if os.path.islink(path) else "no such file") from None
    except IsADirectoryError:
        raise InputError("is a directory, not a notice file") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None


def read_bounded(f: BinaryIO, max_bytes: int) -> bytes:
    """All of ``f``, or InputError past ``max_bytes`` (``/dev/zero`` ends here, not in MemoryError)."""
    try:
        st = os.fstat(f.fileno())
        size = st.st_size if stat.S_ISREG(st.st_mode) else None
    except (OSError, ValueError, AttributeError):
        size = None
    if size is not None:  # a regular file: its size is known, and read() sizes its buffer by it
        if size > max_bytes:
            raise InputError(_too_big(max_bytes))
        data = f.read()
    else:
        chunks, total = [], 0
        while total <= max_bytes and (chunk := f.read(min(READ_CHUNK, max_bytes + 1 - total))):
            chunks.append(chunk)
            total += len(chunk)
        data = b"".join(chunks)
    if len(data) > max_bytes:
        raise InputError(_too_big(max_bytes))
    return data


def _too_big(max_bytes: int) -> str:
    return f"larger than the limit of {max_bytes} bytes (--max-bytes)"


def convert(path: str | WalkIssue, fmt: str = "jsonl", keywords: bool = False, max_bytes: int = MAX_BYTES) -> Result:
    """Parse one file into its output bytes; any failure becomes an error record."""
    from .decode import DecodeError

    if isinstance(path, WalkIssue):
        return _walk_issue(path)
    try:
        notice = parse_file(path, max_bytes)
        if keywords:
            from .enrich.keywords import annotate

            annotate(notice)
    except (InputError, DecodeError) as e:
        return _failed(path, type(e).__name__, str(e))
    except Exception as e:  # a parser bug must not cost the other files
        return _failed(path, type(e).__name__, f"internal error: {e}")
    return Result(path, serialize(notice, fmt), len(notice["problems"]))


def parse_file(path: str, max_bytes: int = MAX_BYTES) -> NoticeDict:
    from .api import bytes_to_dict

    return bytes_to_dict(read_notice(path, max_bytes), printable_path(path))


def _walk_issue(issue: WalkIssue) -> Result:
    if issue.skip:
        return Result(issue.path, b"", 0, warning=issue.message)
    return _failed(issue.path, "InputError", issue.message)


def _failed(path: str, kind: str, message: str) -> Result:
    import orjson

    record = {"source": {"path": printable_path(path)}, "error": {"type": kind, "message": message}}
    return Result(path, orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE), 0, message)


def serialize(notice: NoticeDict, fmt: str) -> bytes:
    import orjson

    if fmt == "csv":
        from .outputs.csv import csv_rows

        return csv_rows(notice)
    return orjson.dumps(notice, option=orjson.OPT_APPEND_NEWLINE)


def run(paths: Iterator[PathItem], jobs: int, fmt: str, keywords: bool = False,
        max_bytes: int = MAX_BYTES) -> Generator[Result, None, None]:
    """Results in input order; a pool of ``jobs`` processes only for batches big enough to pay for it."""
    head = list(islice(paths, POOL_MIN_PER_WORKER * jobs))
    if jobs <= 1 or len(head) < POOL_MIN_PER_WORKER * jobs:
        yield from (convert(p, fmt, keywords, max_bytes) for p in _chain(head, paths))
        return
    yield from _pooled(_chain(head, paths), jobs, fmt, keywords, max_bytes)


def _chain(head: list[PathItem], rest: Iterator[PathItem]) -> Iterator[PathItem]:
    yield from head
    yield from rest


#: how often the paths of a chunk are tried in a new pool after a worker died parsing them
ATTEMPTS = 2


def convert_many(paths: list[PathItem], fmt: str, keywords: bool, max_bytes: int) -> list[Result]:
    """A chunk of paths, converted in a worker."""
    return [convert(p, fmt, keywords, max_bytes) for p in paths]


def _pooled(paths: Iterator[PathItem], jobs: int, fmt: str, keywords: bool, max_bytes: int) -> Iterator[Result]:
    """Chunks of paths to a process pool, results in input order.

    A worker that dies (killed, out of memory) breaks the pool: the chunks not yet done go to a
    new pool, one path at a time, and a path whose worker dies again becomes an error record.
    """
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool
    from functools import partial

    work = partial(convert_many, fmt=fmt, keywords=keywords, max_bytes=max_bytes)
    chunks = iter(lambda: list(islice(paths, CHUNK)), [])
    pool = _new_pool(jobs)
    pending: deque[list[Any]] = deque()  # [chunk, future, attempts], in input order
    try:
        while True:
            try:
                # keep a window queued, so workers never wait while the parent writes
                while len(pending) < WINDOW * jobs // CHUNK and (chunk := next(chunks, None)) is not None:
                    pending.append([chunk, None, 1])
                    pending[-1][1] = pool.submit(work, chunk)  # a pool broken meanwhile refuses this
                if not pending:
                    pool.shutdown()
                    return
                results = pending[0][1].result()
            except BrokenProcessPool:
                _stop(pool)
                pool = _new_pool(jobs)
                yield Result("", b"", 0, warning=_LOST, worker_lost=True)
                _resubmit(pending, pool, work)
                continue
            pending.popleft()
            yield from results
    finally:
        _stop(pool)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool now (Ctrl-C, a lost worker, --fail-fast): its workers are killed, not waited for,
    since waiting on a pool interrupted inside a call can hang at exit; the parent writes every
    record, so none is cut."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)


_LOST = "a worker process died (killed, or out of memory?); its notices are parsed again"


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_ignore_interrupts)


def _resubmit(pending: deque[list[Any]], pool: ProcessPoolExecutor, work: ChunkWork) -> None:
    """After a lost worker: every unfinished chunk again, split into single paths; error records for
    paths already tried ``ATTEMPTS`` times."""
    from concurrent.futures import Future

    redo: list[list[Any]] = []
    for chunk, future, attempts in pending:
        if future is not None and future.done() and not future.exception():
            redo.append([chunk, future, attempts])
        elif attempts >= ATTEMPTS:
            done: Future[list[Result]] = Future()
            done.set_result([_failed(p, "WorkerLost", _DIED) if isinstance(p, str) else convert(p) for p in chunk])
            redo.append([chunk, done, attempts])
        else:
            redo.extend([[p], pool.submit(work, [p]), attempts + 1] for p in chunk)
    pending.clear()
    pending.extend(redo)


_DIED = f"the worker process parsing this file died {ATTEMPTS} times (killed, or out of memory?)"


def _ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the parent, which stops the pool and reports once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte with unbuffered writes, so an interrupted run leaves only whole lines.

    Ctrl-C is held back while the record is written (a pipe takes a long line in parts, and the
    interrupt could otherwise fall between two of them) and arrives right after it.
    """
    import signal

    view = memoryview(data)
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        while view:
            view = view[os.write(fd, view):]
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


def run_beside(paths: Iterator[PathItem], jobs: int, fmt: str, keywords: bool = False,
               max_bytes: int = MAX_BYTES) -> Iterator[Result]:
    """Like ``run``, but with worker processes even for ``jobs=1`` once the batch is big enough, so the
    parent's own work on each result (``batch --db`` writing the database) runs beside the parsing."""
    head = list(islice(paths, POOL_MIN_PER_WORKER))
    if len(head) < POOL_MIN_PER_WORKER:
        yield from (convert(p, fmt, keywords, max_bytes) for p in head)
        return
    yield from _pooled(_chain(head, paths), jobs, fmt, keywords, max_bytes)
