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
    from rich.progress import Progress, ProgressColumn

#: the exit statuses (docs/RELIABILITY.md, "Exit codes"): success; some input failed (a file that is
#: not a notice, too large, unreadable, a database that cannot be searched); a usage error (click's own
#: status for bad options, and an output refused before anything is read); output that cannot be written
EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130
#: the exit status of each way a database fails, by the error's class (``outputs/db/connect.py``)
DATABASE_EXITS = {"DatabaseWriteError": 3, "DatabaseDamaged": 4, "DatabaseLocked": 5}


def words(key: str, **values: object) -> str:
    """A message of the command line in the interface language (``XUNCHA_LANG``, which ``--lang`` sets):
    the catalogues of outputs/i18n, imported when a message is needed."""
    from .outputs.i18n import catalogue

    return catalogue()(key, **values)


def fail(path: str, message: str, status: int = EXIT_USAGE) -> NoReturn:
    """One line on stderr naming the file and what is wrong, then exit with ``status`` (2: usage)."""
    say(path, message)
    sys.exit(status)


def cannot_write(name: str, error: Exception) -> NoReturn:
    """A failed write: exit 3 with one line; a closed pipe (``| head -1``) ends quietly with exit 0,
    since its reader has all it wanted (docs/RELIABILITY.md says why not 141)."""
    from .outputs.sink import OutputFile, PipeClosed

    if isinstance(error, (PipeClosed, BrokenPipeError)):
        OutputFile(None).abandon()  # stdout to /dev/null: Python's flush at exit must not complain
        sys.exit(EXIT_OK)
    fail(name, str(error), EXIT_OUTPUT)


def fail_db(path: str, error: Exception, other: int = EXIT_INPUT) -> NoReturn:
    """A DatabaseError as one line naming the file, then the exit status of its kind (DATABASE_EXITS);
    any other kind (not SQLite, not xuncha's, from a newer xuncha) exits ``other``: 1 for a database
    read as input (``search``), 3 for one written as output (``batch --db``)."""
    say(path, str(error).removeprefix(f"{path}: "))
    sys.exit(DATABASE_EXITS.get(type(error).__name__, other))


def say(path: str, message: str) -> None:
    """One line on stderr; a path's undecodable bytes and control characters shown, not sent raw; a library
    message (in English) in the interface language when its catalogue has it (``Catalogue.message``)."""
    from .outputs.i18n import catalogue
    from .outputs.terminal import visible
    from .runner.paths import printable_path

    said = catalogue().message(message)
    click.echo(f"xuncha: {visible(printable_path(path))}: {visible(said)}", err=True)


def load(path: str, max_bytes: int | None = None) -> tuple[bytes, str | None]:
    """The bytes of FILE (or stdin for ``-``) and the path to record."""
    from .runner.paths import printable_path
    from .runner.read import MAX_BYTES, InputError, read_bounded, read_notice

    try:
        if path == "-":
            return read_bounded(sys.stdin.buffer, max_bytes or MAX_BYTES), None
        return read_notice(path, max_bytes or MAX_BYTES, streams=True), printable_path(path)
    except InputError as e:
        fail(path, str(e), EXIT_INPUT)


def emit(data: bytes, output: str | None) -> None:
    """All of ``data`` to OUTPUT (through a temporary file renamed onto it) or stdout; a write
    failure is one line on stderr and exit 3 (a closed pipe: quietly, exit 0)."""
    from .outputs.sink import OutputFile, WriteError

    try:
        out = OutputFile(output)
    except WriteError as e:
        cannot_write(output or "-", e)
    try:
        out.write(data)
        out.close()
    except WriteError as e:
        out.abandon()
        cannot_write(out.name, e)


class stdout_guard:
    """A failed write to stdout in ``show``, ``stats``, ``schema``, ``search``: one line on stderr and
    exit 3 (``> /dev/full``), or quietly exit 0 for a closed pipe; never a traceback."""

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
        if isinstance(error, BrokenPipeError) or _rich_pipe_exit(error, tb):
            cannot_write("-", BrokenPipeError())
        if isinstance(error, OSError):
            OutputFile(None).abandon()
            fail("-", words("cli.cannot_write", why=error.strerror or error), EXIT_OUTPUT)
        return False


def _rich_pipe_exit(error: BaseException | None, tb: TracebackType | None) -> bool:
    """Whether ``error`` is rich's ``SystemExit(1)`` from ``Console.on_broken_pipe`` (a closed pipe)."""
    if not isinstance(error, SystemExit) or tb is None:
        return False
    while tb.tb_next is not None:
        tb = tb.tb_next
    return tb.tb_frame.f_code.co_name == "on_broken_pipe"


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
                fail(output, words("cli.inside_input", folder=path, glob=glob))
        elif os.path.exists(path) and os.path.exists(output) and os.path.samefile(path, output):
            fail(output, words("cli.is_input"))
    if not force and not is_replaceable(output):
        fail(output, words("cli.not_ours"))


def exit_now(code: int) -> NoReturn:
    """Exit at once, once everything is written and closed: after Ctrl-C, the process pool's exit hook
    may wait forever on workers that were killed mid-task (seen under -j 2)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


class progress:
    """A rich bar on stderr, only when stderr is a terminal and not --quiet: the files done of ``total``,
    the rate and the time left (a spinner and the count when the total is unknown: paths on stdin)."""

    def __init__(self, quiet: bool, total: int | None = None):
        self.live = not quiet and sys.stderr.isatty()
        self.total = total
        self.bar: Progress | None = None

    def __enter__(self) -> Callable[[int], None]:
        if not self.live:
            return lambda done: None
        from rich.progress import Progress

        self.bar = bar = Progress(*progress_columns(self.total is not None), transient=True,
                                  console=stderr_console())
        bar.start()
        task = bar.add_task("parsing", total=self.total, rate="", files="")
        return lambda done: bar.update(task, completed=done, rate=words("cli.rate", rate=bar.tasks[0].speed or 0),
                                       files=words("cli.files", n=done))

    def __exit__(self, *exc: object) -> Literal[False]:
        if self.bar is not None:
            self.bar.stop()
        return False


def progress_columns(known_total: bool) -> tuple[ProgressColumn, ...]:
    """Done of total, files a second, time left; without a total, a spinner, the count and the time taken."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if not known_total:
        return SpinnerColumn(), TextColumn("{task.fields[files]}"), TimeElapsedColumn()
    return BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"), TimeRemainingColumn()


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


#: ``--lang``: the interface language of pages, the report, show and stats (the catalogues of outputs/i18n)
LANG = click.option("--lang", type=click.Choice(["zh", "en"]), default=None)


def use_lang(lang: str | None) -> None:
    """Make ``--lang`` the default of the worker processes this command starts, until it ends."""
    if not lang:
        return
    before = os.environ.get("XUNCHA_LANG")
    os.environ["XUNCHA_LANG"] = lang
    click.get_current_context().call_on_close(lambda: _set_env("XUNCHA_LANG", before))


def _set_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value
