"""Inputs to outcomes, in input order: in this process for small batches, else in a pool of workers.

Workers receive bytes the parent read, never paths, and return finished records, so the parent
only reads and writes.  A worker that dies (killed, out of memory) breaks the pool: the chunks not
yet done go to a new pool, one input at a time, and an input whose worker dies again becomes an
error record.

Workers never outlive the parent: each worker asks the kernel for SIGKILL when its parent dies
(``prctl(PR_SET_PDEATHSIG, SIGKILL)``, Linux), then checks that the parent is still the one that
started it, which closes the race of a parent killed before the call.  This was chosen over a
watchdog thread reading a pipe from the parent: the kernel's signal needs no thread in the worker
and arrives even while the worker holds the GIL in a long regular-expression match, where a
watchdog thread could not run.  Elsewhere than Linux there is no such call; a worker there ends
when it next asks the dead parent for work.
"""
from __future__ import annotations

import os
from collections import deque
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterator

from .read import Loaded
from .work import Note, convert, convert_many, failed

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from .options import Options
    from .work import Item, Outcome

#: below this many files per worker, no pool is started
POOL_MIN_PER_WORKER = 16
#: inputs handed to a worker at a time
CHUNK = 8
#: inputs queued per worker at most; Pool.imap alone would queue the whole input
WINDOW = 128
#: bytes of input queued at most (besides one chunk), so a folder of large files cannot fill memory
WINDOW_BYTES = 64 << 20
#: how often the inputs of a chunk are tried in a new pool after a worker died parsing them
ATTEMPTS = 2
#: ``prctl`` option: the signal a process gets when its parent dies (linux/prctl.h)
PR_SET_PDEATHSIG = 1


def run(items: Iterator[Item], options: Options, beside: bool = False) -> Iterator[Outcome]:
    """Outcomes in input order; a pool of ``options.jobs`` processes only for batches big enough to pay
    for it, or (``beside``) at any ``jobs`` once the batch is big enough, so that the parent's own work
    on each record (writing a database) runs beside the parsing."""
    jobs = options.jobs
    need = POOL_MIN_PER_WORKER * (1 if beside else jobs)
    head = list(islice(items, need))
    if len(head) < need or (jobs <= 1 and not beside):
        yield from (convert(item, options) for item in _chain(head, items))
        return
    yield from _pooled(_chain(head, items), options)


def _chain(head: list[Item], rest: Iterator[Item]) -> Iterator[Item]:
    yield from head
    yield from rest


class _Pending:
    """Chunks submitted and not yet yielded, in input order: [chunk, future, attempts]."""

    def __init__(self) -> None:
        self.queue: deque[list[Any]] = deque()
        self.bytes = 0

    def add(self, chunk: list[Item], future: Future[list[Outcome]] | None, attempts: int) -> None:
        self.queue.append([chunk, future, attempts])
        self.bytes += _size(chunk)

    def pop(self) -> list[Any]:
        entry = self.queue.popleft()
        self.bytes -= _size(entry[0])
        return entry

    def full(self, jobs: int) -> bool:
        return len(self.queue) >= WINDOW * jobs // CHUNK or self.bytes >= WINDOW_BYTES


def _size(chunk: list[Item]) -> int:
    return sum(len(item.data) for item in chunk if isinstance(item, Loaded))


def _pooled(items: Iterator[Item], options: Options) -> Iterator[Outcome]:
    """Chunks of inputs to a process pool, outcomes in input order."""
    from concurrent.futures.process import BrokenProcessPool

    chunks = iter(lambda: list(islice(items, CHUNK)), [])
    pool = _new_pool(options.jobs)
    pending = _Pending()
    try:
        while True:
            try:
                # keep a window queued, so workers never wait while the parent writes
                while not pending.full(options.jobs) and (chunk := next(chunks, None)) is not None:
                    pending.add(chunk, None, 1)  # queued first: a pool broken meanwhile refuses the submit
                    pending.queue[-1][1] = pool.submit(convert_many, chunk, options)
                if not pending.queue:
                    pool.shutdown()
                    return
                results = pending.queue[0][1].result()
            except BrokenProcessPool:
                _stop(pool)
                pool = _new_pool(options.jobs)
                yield Note("", _LOST, worker_lost=True)
                _resubmit(pending, pool, options)
                continue
            pending.pop()
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
_DIED = f"the worker process parsing this file died {ATTEMPTS} times (killed, or out of memory?)"


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = mp.get_context("fork" if hasattr(os, "fork") else "spawn")
    return ProcessPoolExecutor(jobs, mp_context=ctx, initializer=start_worker, initargs=(os.getpid(),))


def _resubmit(pending: _Pending, pool: ProcessPoolExecutor, options: Options) -> None:
    """After a lost worker: every unfinished chunk again, split into single inputs; error records for
    inputs already tried ``ATTEMPTS`` times."""
    from concurrent.futures import Future

    old = list(pending.queue)
    pending.queue.clear()
    pending.bytes = 0
    for chunk, future, attempts in old:
        if future is not None and future.done() and not future.exception():
            pending.add(chunk, future, attempts)
        elif attempts >= ATTEMPTS:
            done: Future[list[Outcome]] = Future()
            done.set_result([failed(i.path, "WorkerLost", _DIED) if isinstance(i, Loaded) else i for i in chunk])
            pending.add(chunk, done, attempts)
        else:
            for item in chunk:
                pending.add([item], pool.submit(convert_many, [item], options), attempts + 1)


def start_worker(parent: int) -> None:
    """A worker's first act: die with the parent (see the module's docstring), and leave Ctrl-C to the
    parent, which stops the pool and reports once."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    if os.getppid() != parent:  # the parent died before the call above took effect
        os._exit(1)


def die_with_parent() -> bool:
    """Ask the kernel to SIGKILL this process when its parent dies; False where that cannot be asked."""
    import signal
    import sys

    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False
