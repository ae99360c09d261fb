"""What every command of the command line shares: one-line errors, reading an input, writing an output.

Only the standard library is imported at start-up, so ``xuncha --help`` stays fast.
"""
from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from types import TracebackType
    from typing import Literal, NoReturn

    from rich.console import Console
    from rich.progress import Progress

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130
#: the exit status of each way a database fails, by the error's class (``outputs/db/connect.py``);
#: any other DatabaseError (not SQLite, not xuncha's, from a newer xuncha) is EXIT_BAD_INPUT
DATABASE_EXITS = {"DatabaseWriteError": 3, "DatabaseDamaged": 4, "DatabaseLocked": 5}


def fail(path: str, message: str) -> NoReturn:
    """One line on stderr naming the file and what is wrong, then exit 2."""
    say(path, message)
    sys.exit(EXIT_BAD_INPUT)


def fail_db(path: str, error: Exception) -> NoReturn:
    """A DatabaseError as one line naming the file, then the exit status of its kind (DATABASE_EXITS)."""
    say(path, str(error).removeprefix(f"{path}: "))
    sys.exit(DATABASE_EXITS.get(type(error).__name__, EXIT_BAD_INPUT))


def say(path: str, message: str) -> None:
    """One line on stderr; a path's undecodable bytes and control characters shown, not sent raw."""
    from .outputs.terminal import visible
    from .runner.paths import printable_path

    click.echo(f"xuncha: {visible(printable_path(path))}: {visible(message)}", err=True)


def load(path: str, max_bytes: int | None = None) -> tuple[bytes, str | None]:
    """The bytes of FILE (or stdin for ``-``) and the path to record."""
    from .runner.paths import printable_path
    from .runner.read import MAX_BYTES, InputError, read_bounded, read_notice

    try:
        if path == "-":
            return read_bounded(sys.stdin.buffer, max_bytes or MAX_BYTES), None
        return read_notice(path, max_bytes or MAX_BYTES, streams=True), printable_path(path)
    except InputError as e:
        fail(path, str(e))


def emit(data: bytes, output: str | None) -> None:
    """All of ``data`` to OUTPUT (through a temporary file renamed onto it) or stdout; a write
    failure is one line on stderr and exit 2."""
    from .outputs.sink import OutputFile, WriteError

    try:
        out = OutputFile(output)
    except WriteError as e:
        fail(output or "-", str(e))
    try:
        out.write(data)
        out.close()
    except WriteError as e:
        out.abandon()
        fail(out.name, str(e))


class stdout_guard:
    """A failed write to stdout (``> /dev/full``, a closed pipe) in ``show``, ``stats``, ``schema``:
    one line on stderr and exit 2, not a traceback."""

    def __enter__(self) -> stdout_guard:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> Literal[False]:
        from .outputs.sink import OutputFile

        if error is None:
            try:
                sys.stdout.flush()
                sys.stdout.buffer.flush()
            except OSError as e:
                error = e
        if isinstance(error, OSError):
            OutputFile(None).abandon()
            fail("-", f"cannot write: {error.strerror or error}")
        return False


def refuse_overwrite(output: str | None, inputs: Iterable[str], glob: str | None = None,
                     force: bool = False) -> None:
    """Exit 2 when OUTPUT is one of the inputs, or lies in an input folder and matches the glob, or
    (without ``force``) is a file that xuncha did not write (``outputs.sink.is_replaceable``)."""
    from .outputs.sink import is_replaceable
    from .runner.paths import matches

    if output in (None, "-") or not os.path.exists(output) and glob is None:
        return
    real = os.path.realpath(output)
    for path in inputs:
        if path == "-":
            continue
        if os.path.isdir(path):
            inside = real.startswith(os.path.join(os.path.realpath(path), ""))
            if glob is not None and inside and matches(os.path.basename(real), glob):
                fail(output, f"is inside the input folder {path} and matches {glob!r}: it would be read as input")
        elif os.path.exists(path) and os.path.exists(output) and os.path.samefile(path, output):
            fail(output, "is also an input: writing it would destroy the notice")
    if not force and not is_replaceable(output):
        fail(output, "exists and is not an xuncha output (JSON, JSONL, CSV or its HTML); not replaced without --force")


def exit_now(code: int) -> NoReturn:
    """Exit at once, once everything is written and closed: after Ctrl-C, the process pool's exit hook
    may wait forever on workers that were killed mid-task (seen under -j 2)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


class progress:
    """A rich spinner, count and elapsed time on stderr, only when stderr is a terminal and not --quiet."""

    def __init__(self, quiet: bool):
        self.live = not quiet and sys.stderr.isatty()
        self.bar: Progress | None = None

    def __enter__(self) -> Callable[[], None]:
        if not self.live:
            return lambda: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("parsed {task.completed} notices"), TimeElapsedColumn())
        self.bar = bar = Progress(*columns, transient=True, console=stderr_console())
        bar.start()
        task = bar.add_task("parsing", total=None)
        return lambda: bar.advance(task)

    def __exit__(self, *exc: object) -> Literal[False]:
        if self.bar is not None:
            self.bar.stop()
        return False


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)
