"""The command line: read, call the library, write; errors become one line on stderr.

Only click is imported at start-up; pydantic, orjson and rich are imported
inside the commands that need them, so ``xuncha --help`` stays fast.
"""
from __future__ import annotations

import contextlib
import os
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, cast

import click

from . import __version__
from .batch import DEFAULT_GLOB  # batch.py imports only the standard library's light modules
from .lazy import LazyCommand  # the analysis commands, imported when they run

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from types import TracebackType
    from typing import Literal, NoReturn

    from rich.console import Console
    from rich.progress import Progress

    from .batch import Result, WalkIssue
    from .outputs.db import Totals
    from .shapes import NoticeDict

    #: a store's writer, ``(paths, jobs, keywords)`` -> each ``batch.Result`` once stored (``outputs.db.write_db``,
    #: ``outputs.parquet.ParquetSink.write``)
    StoreWrite = Callable[..., Iterator[Result]]

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def fail(path: str, message: str) -> NoReturn:
    """One line on stderr naming the file and what is wrong, then exit 2."""
    say(path, message)
    sys.exit(EXIT_BAD_INPUT)


def say(path: str, message: str) -> None:
    """One line on stderr; a path's undecodable bytes and control characters shown, not sent raw."""
    from .outputs.terminal import visible

    click.echo(f"xuncha: {visible(_printable(path))}: {visible(message)}", err=True)


def _printable(path: str) -> str:
    from .batch import printable_path

    return printable_path(path)


def load(path: str, max_bytes: int | None = None) -> tuple[bytes, str | None]:
    """The bytes of FILE (or stdin for ``-``) and the path to record."""
    from .batch import MAX_BYTES, InputError, read_bounded, read_notice

    try:
        if path == "-":
            return read_bounded(sys.stdin.buffer, max_bytes or MAX_BYTES), None
        return read_notice(path, max_bytes or MAX_BYTES), _printable(path)
    except InputError as e:
        fail(path, str(e))
    raise AssertionError("unreachable")


def emit(data: bytes, output: str | None) -> None:
    """All of ``data`` to OUTPUT (through a temporary file renamed onto it) or stdout; a write
    failure is one line on stderr and exit 2."""
    sink = Sink(output)
    try:
        sink.write(data)
    except WriteError as e:
        sink.abandon()
        fail(sink.name, str(e))
    sink.close()


class WriteError(Exception):
    """Output could not be written (a missing or read-only folder, a full disk)."""


class Sink:
    """Where records go, whole records at a time: stdout, or OUTPUT.

    A regular OUTPUT is written as a hidden temporary file beside it and renamed onto it by
    ``close`` (an interrupted run is closed too: it leaves the whole lines written so far).  A
    device or FIFO OUTPUT (``/dev/stdout``) is written directly.  ``-`` is stdout.
    """

    def __init__(self, output: str | None):

        self.final = None if output in (None, "-") else output
        self.name = self.final or "-"
        self.tmp: str | None = None
        self.fd: int | None = None
        if self.final is None:
            return
        # a device, FIFO or link (``/dev/full``, ``/dev/stdout``) is written in place, never replaced
        direct = os.path.islink(self.final) or os.path.exists(self.final) and not os.path.isfile(self.final)
        target = self.final if direct else self._temp_name(self.final)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if direct else os.O_EXCL)
        try:
            self.fd = os.open(target, flags, 0o644)
        except OSError as e:
            fail(self.final, f"cannot write: {e.strerror or e}")
        self.tmp = None if direct else target

    @staticmethod
    def _temp_name(final: str) -> str:

        folder, name = os.path.split(final)
        return os.path.join(folder, f".{name}.{os.getpid()}.part")

    def identity(self) -> frozenset[tuple[int, int]]:
        """(device, inode) of the files being written and replaced, for the walk to leave out."""

        if self.fd is None or self.final is None:
            return frozenset()
        found = [os.fstat(self.fd)] + ([os.stat(self.final)] if os.path.exists(self.final) else [])
        return frozenset((st.st_dev, st.st_ino) for st in found)

    def write(self, data: bytes) -> None:
        from .batch import write_all

        try:
            if self.fd is not None:
                write_all(self.fd, data)
            else:
                _write_stdout(data)
        except OSError as e:
            raise WriteError(f"cannot write: {e.strerror or e}") from None

    def close(self) -> None:

        if self.fd is None:
            return
        try:
            os.close(self.fd)
            if self.tmp and self.final:
                os.replace(self.tmp, self.final)
        except OSError as e:
            self.abandon()
            fail(self.name, f"cannot write: {e.strerror or e}")
        self.fd = None

    def abandon(self) -> None:
        """After a failed write: no half-written file left behind, stdout no longer flushed at exit."""
        import contextlib

        with contextlib.suppress(OSError):
            if self.fd is not None:
                os.close(self.fd)
            if self.tmp:
                os.unlink(self.tmp)
            if self.final is None:  # so that Python's flush at exit does not print a second error
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        self.fd = None


def _write_stdout(data: bytes) -> None:
    """Straight to file descriptor 1 with Ctrl-C held back (whole lines into a pipe), when there is one."""
    import io

    from .batch import write_all

    out = sys.stdout.buffer
    try:
        fd = out.fileno()
    except (io.UnsupportedOperation, AttributeError, ValueError):
        out.write(data)  # (a test runner's captured stdout)
        out.flush()
        return
    out.flush()
    write_all(fd, data)


class stdout_guard:
    """A failed write to stdout (``> /dev/full``, a closed pipe) in ``show``, ``stats``, ``schema``:
    one line on stderr and exit 2, not a traceback."""

    def __enter__(self) -> stdout_guard:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> Literal[False]:
        if error is None:
            try:
                sys.stdout.flush()
                sys.stdout.buffer.flush()
            except OSError as e:
                error = e
        if isinstance(error, OSError):
            Sink(None).abandon()
            fail("-", f"cannot write: {error.strerror or error}")
        return False


def refuse_overwrite(output: str | None, inputs: Iterable[str], glob: str | None = None) -> None:
    """Exit 2 when OUTPUT is one of the inputs, or lies in an input folder and matches the glob."""

    from .batch import matches

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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xuncha")
def main() -> None:
    """Turn inspection-rectification notices (巡察整改进展情况的通报) into structured data."""


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--compact", is_flag=True, help="One line of JSON instead of indented JSON.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not to stdout.")
@click.option("--keywords", is_flag=True, help="Add keywords and topics to every problem (loads jieba).")
@click.option("--with-text", is_flag=True, help="Include the extracted text, which every span indexes, as source.text.")
@click.option("--max-bytes", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse a file larger than this.")
def parse(file: str, compact: bool, fmt: str, output: str | None, keywords: bool, with_text: bool,
          max_bytes: int) -> None:
    """Parse one notice FILE (text, HTML, PDF or Word; - for stdin) and print it as JSON (or CSV rows)."""
    import orjson

    from .outputs.csv import csv_header, csv_rows

    refuse_overwrite(output, [file])
    notice = _parsed(file, max_bytes, with_text)
    if keywords:
        from .enrich.keywords import annotate

        annotate(notice)
    if fmt == "csv":
        emit(csv_header() + csv_rows(notice), output)
        return
    option = orjson.OPT_APPEND_NEWLINE | (0 if compact else orjson.OPT_INDENT_2)
    emit(orjson.dumps(notice, option=option), output)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(writable=True), help="JSONL (or CSV) file; default stdout. A folder for parquet.")
@click.option("--glob", default=DEFAULT_GLOB, show_default=True,
              help="Which files to take from folders: patterns set apart by spaces, in any case.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails.")
@click.option("--keywords", is_flag=True, help="Add keywords and topics to every problem (loads jieba).")
@click.option("-0", "--null", "null", is_flag=True, help="Paths on stdin end with NUL (find -print0), not a line break.")
@click.option("--max-bytes", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse a file larger than this.")
@click.option("--review-dir", type=click.Path(file_okay=False), help="Also write one HTML review page per notice here.")
@click.option("--db", type=click.Path(dir_okay=False), help="Write into this SQLite database; files already in it are skipped.")
@click.option("--force", is_flag=True, help="With --db: parse and replace files already in the database.")
def batch(paths: tuple[str, ...], output: str | None, glob: str, fmt: str, jobs: int, quiet: bool, fail_fast: bool,
          keywords: bool, null: bool, max_bytes: int, review_dir: str | None = None, db: str | None = None,
          force: bool = False) -> None:
    """Convert notices to JSONL, one line per notice: files, folders, or a list of paths on stdin (-)."""
    from .batch import expand, run
    from .outputs.csv import csv_header

    refuse_overwrite(output if fmt != "parquet" else None, paths, glob)
    from_stdin = not paths or paths == ("-",)
    if from_stdin and sys.stdin.isatty():
        click.echo("xuncha: reading paths from stdin, one a line; end with Ctrl-D (see xuncha batch -h)", err=True)
    if db or fmt == "parquet" or force:
        names = _paths_from_stdin(null, None) if from_stdin else iter(paths)
        _batch_store(expand(names, glob), output, fmt, db, force, jobs, quiet, fail_fast, keywords)
    if output and os.path.isdir(output):
        fail(output, "is a folder; -o takes a file for jsonl and csv")
    sink = Sink(output)
    names = _paths_from_stdin(null, sink) if from_stdin else iter(paths)
    totals = {"notices": 0, "problems": 0, "failed": 0}
    lost = interrupted = False
    results = run(expand(names, glob, sink.identity()), jobs, fmt, keywords, max_bytes)
    try:
        if fmt == "csv":
            sink.write(csv_header())
        with _progress(quiet) as advance:
            for result in results:
                if result.warning:
                    lost |= result.worker_lost
                    say(result.path or "batch", result.warning)
                    continue
                if result.error is None or fmt == "jsonl":
                    sink.write(result.data)
                if review_dir and result.error is None:
                    _write_review(review_dir, result.path)
                _count(totals, result, quiet)
                advance()
                if fail_fast and result.error:
                    break
    except KeyboardInterrupt:
        interrupted = True
    except WriteError as e:
        sink.abandon()
        fail(sink.name, str(e))
    finally:
        results.close()  # stops a pool now, not at exit
        sink.close()  # whole lines only, whatever stopped the run
    if interrupted:
        click.echo("xuncha: interrupted; " + " ".join(f"{k}={v}" for k, v in totals.items()), err=True)
        exit_now(EXIT_INTERRUPTED)
    _finish(totals, quiet, lost)


def exit_now(code: int) -> NoReturn:
    """Exit at once, once everything is written and closed: after Ctrl-C, the process pool's exit hook
    may wait forever on workers that were killed mid-task (seen under -j 2)."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(code)


def _finish(totals: dict[str, int], quiet: bool, lost: bool) -> NoReturn:
    """The summary line, and the exit status: 1 when a file failed, nothing matched or a worker died."""
    if not quiet:
        click.echo(" ".join(f"{k}={v}" for k, v in totals.items()), err=True)
    if totals["notices"] == 0:
        click.echo("xuncha: no notice files matched", err=True)
    if lost:
        click.echo("xuncha: a worker process died during the run; see the messages above", err=True)
    sys.exit(1 if totals["failed"] or totals["notices"] == 0 or lost else 0)


def _batch_store(paths: Iterator[str | WalkIssue], output: str | None, fmt: str, db: str | None, force: bool,
                 jobs: int, quiet: bool, fail_fast: bool, keywords: bool) -> NoReturn:
    """batch --db FILE, or --format parquet -o FOLDER: store each result as it comes, then the summary."""
    if force and not db:
        fail("--force", "only applies with --db")
    if db and (output or fmt != "jsonl"):
        fail(db, "--db writes the database only; leave out -o and --format")
    if fmt == "parquet" and not output:
        fail("--format parquet", "needs -o FOLDER")
    # without --db, the format is parquet (--force alone failed above), so -o was given
    store = _store_db(db, force) if db else _store_parquet(cast(str, output))
    with store as (totals, write):
        try:
            with _progress(quiet) as advance:
                for result in write(paths, jobs, keywords):
                    _report_failure(result, quiet)
                    advance()
                    if fail_fast and result.error:
                        break
        except KeyboardInterrupt:
            interrupted = True
        else:
            interrupted = False
    if interrupted:  # the database or the Parquet files are closed now
        click.echo(f"xuncha: interrupted; {totals.line()}", err=True)
        exit_now(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(totals.line(), err=True)
    sys.exit(1 if totals.failed else 0)


def _report_failure(result: Result, quiet: bool) -> None:
    if result.error and not quiet:
        say(result.path, result.error)  # as batch's own count does: odd path bytes made visible


@contextmanager
def _store_db(db: str, force: bool) -> Iterator[tuple[Totals, StoreWrite]]:
    """(totals, write) for a database; a clear error for a file that is not ours or is newer."""
    from .outputs.db import DatabaseError, Totals, open_db, write_db

    try:
        conn = open_db(db)
    except DatabaseError as e:
        fail(db, str(e).removeprefix(f"{db}: "))
    totals = Totals()
    try:
        yield totals, lambda paths, jobs, keywords: write_db(conn, paths, totals, jobs, keywords, force)
    finally:
        conn.close()


@contextmanager
def _store_parquet(folder: str) -> Iterator[tuple[Totals, StoreWrite]]:
    """(totals, write) for notices.parquet and problems.parquet in a folder (needs pyarrow)."""
    from .outputs.db import Totals
    from .outputs.parquet import ParquetUnavailable, write_parquet

    totals = Totals()
    try:
        with write_parquet(folder) as sink:
            yield totals, lambda paths, jobs, keywords: sink.write(paths, totals, jobs, keywords)
    except ParquetUnavailable as e:
        fail(folder, str(e))


@main.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("query")
@click.option("--status", type=click.Choice(["completed", "in_progress", "unknown"]), help="Only problems with this status.")
@click.option("--year", type=int, help="Only notices whose inspection is of this year.")
@click.option("--body", help="Only notices whose inspecting body contains this text (市委第二巡察组).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
@click.option("--limit", type=click.IntRange(1), help="At most this many problems.")
def search(db: str, query: str, status: str | None, year: int | None, body: str | None, as_json: bool,
           limit: int | None) -> None:
    """Problems in a database written by batch --db whose title, description or measures contain QUERY."""
    from .analysis.queries import cluster_sizes  # sqlite only: the sizes analyze stored, None before it
    from .outputs.db import DatabaseError, open_db
    from .outputs.db import search as find

    try:
        conn = open_db(db, readonly=True)
        rows = cluster_sizes(conn, find(conn, query, status, year, body, limit))
    except DatabaseError as e:
        fail(db, str(e).removeprefix(f"{db}: "))
    if as_json:
        _search_json(rows)
    else:
        _search_table(rows, query)


def _search_json(rows: list[dict[str, Any]]) -> None:
    import orjson

    for row in rows:
        sys.stdout.buffer.write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))


def _search_table(rows: list[dict[str, Any]], query: str) -> None:
    """A rich table: notice, problem, status; notice text escaped so [brackets] print as written."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(rows)} problems matching {escape(query)}", show_lines=True)
    for name in ("notice", "#", "problem", "status", "cluster"):
        table.add_column(name)
    for row in rows:
        notice = f"{escape(row['notice_title'] or '')}\n[dim]{escape(row['path'] or '')}[/dim]"
        table.add_row(notice, escape(row["marker"] or str(row["position"] + 1)),
                      escape(row["title"] or ""), row["status"], str(row["finding_cluster"] or "—"))
    Console().print(table)


def _paths_from_stdin(null: bool, sink: Sink | None) -> Iterator[str | WalkIssue]:
    """Paths from stdin, exactly as written (only the line break, or NUL with -0, removed); a path
    that is the output file becomes an error record instead of being read."""

    from .batch import WalkIssue

    data = sys.stdin.buffer
    records = data.read().split(b"\0") if null else (line.rstrip(b"\r\n") for line in data)
    own = sink.identity() if sink is not None else frozenset()
    for raw in records:
        if not raw:
            continue
        path = os.fsdecode(raw)
        try:
            st = os.stat(path)
            mine = (st.st_dev, st.st_ino) in own
        except OSError:
            mine = False
        yield WalkIssue(path, "is the output file, not read", skip=False) if mine else path


def _count(totals: dict[str, int], result: Result, quiet: bool) -> None:
    totals["notices"] += 1
    totals["problems"] += result.problems
    if result.error:
        totals["failed"] += 1
        if not quiet:
            say(result.path, result.error)


class _progress:
    """A rich spinner, count and elapsed time on stderr, only when stderr is a terminal and not --quiet."""

    def __init__(self, quiet: bool):
        self.live = not quiet and sys.stderr.isatty()
        self.bar: Progress | None = None

    def __enter__(self) -> Callable[[], None]:
        if not self.live:
            return lambda: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("parsed {task.completed} notices"), TimeElapsedColumn())
        self.bar = bar = Progress(*columns, transient=True, console=_stderr_console())
        bar.start()
        task = bar.add_task("parsing", total=None)
        return lambda: bar.advance(task)

    def __exit__(self, *exc: object) -> Literal[False]:
        if self.bar is not None:
            self.bar.stop()
        return False


def _stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--max-bytes", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True,
              help="Refuse a file larger than this.")
def show(file: str, max_bytes: int) -> None:
    """A readable view of one notice: inspection, counts, outline, problems, contacts, diagnostics."""
    from .outputs.terminal import render

    notice = _parsed(file, max_bytes)
    with stdout_guard():
        render(notice)


def _parsed(file: str, max_bytes: int | None = None, with_text: bool = False) -> NoticeDict:
    """The Notice of FILE as a plain dict: exactly what the models validate to (a test checks it),
    without paying for importing pydantic."""
    from .api import bytes_to_dict
    from .decode import DecodeError

    data, path = load(file, max_bytes)
    try:
        return bytes_to_dict(data, path, with_text)
    except DecodeError as e:
        fail(path or "-", str(e))


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
def text(file: str) -> None:
    """Print the text xuncha reads from FILE (an HTML page's article, a PDF's or Word file's text): every
    span of ``parse`` indexes it."""
    from .decode import DecodeError
    from .readers import read

    data, path = load(file)
    try:
        extracted = read(data, path)
    except DecodeError as e:
        fail(path or "-", str(e))
    emit(extracted.text.encode("utf-8"), None)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--glob", default=DEFAULT_GLOB, show_default=True,
              help="Which files to take from folders: patterns set apart by spaces, in any case.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, writable=True), help="Write the summary as an HTML report with charts.")
@click.option("--review-dir", type=click.Path(file_okay=False), help="With --html: link each notice to its review page here (written if missing).")
@click.option("--db", type=click.Path(dir_okay=False, exists=True), help="With --html: add the analysis sections of this database (xuncha analyze).")
def stats(paths: tuple[str, ...], glob: str, as_json: bool, html_out: str | None = None,
          review_dir: str | None = None, db: str | None = None) -> None:
    """Summarise notices (files, folders, or JSONL written by batch): statuses, counts, topics, keywords."""
    import orjson

    from .outputs.stats import notices_from, render, summarize

    if html_out:
        _write_report(paths, glob, html_out, review_dir, db)
        return
    failures: list[str] = []
    summary = summarize(notices_from(paths, glob, failures), failures)
    with stdout_guard():
        if as_json:
            sys.stdout.buffer.write(orjson.dumps(summary, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
        else:
            render(summary)
    for failure in failures:
        path, _, why = failure.partition("\t")
        say(path, why or "not a notice")
    sys.exit(1 if failures or not summary["notices"] else 0)


@main.command()
@click.option("--batch", "batch_record", is_flag=True,
              help="The schema of one line of batch JSONL: oneOf a Notice or an ErrorRecord.")
def schema(batch_record: bool) -> None:
    """Print the JSON Schema (Draft 2020-12) of the Notice (or, with --batch, of a batch record)."""
    import orjson

    from .outputs.models import BatchRecord, Notice

    model = BatchRecord if batch_record else Notice
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", **model.model_json_schema()}
    with stdout_guard():
        sys.stdout.buffer.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not to stdout.")
def review(file: str, output: str | None) -> None:
    """One notice as a self-contained HTML page with every extracted piece highlighted in its text."""
    from .decode import DecodeError
    from .outputs.review import ReviewError, notice_and_text, render_review

    refuse_overwrite(output, [file])  # as parse does: review a.html -o a.html would destroy the notice
    data, path = load(file)
    try:
        notice, text = notice_and_text(data, path)
    except (DecodeError, ReviewError) as e:
        fail(path or "-", str(e))
    emit(render_review(notice, text).encode("utf-8"), output)


def _write_review(folder: str, path: str) -> str | None:
    """Write the review page of the notice file ``path`` into ``folder``; its path, or None (and a warning)."""

    from .batch import InputError, read_notice
    from .decode import DecodeError
    from .outputs import review as pages

    try:
        notice, text = pages.notice_and_text(read_notice(path), path)
        target = os.path.join(folder, pages.review_filename(path, notice["source"]["sha256"]))
        os.makedirs(folder, exist_ok=True)
        with open(target, "w", encoding="utf-8") as f:
            f.write(pages.render_review(notice, text))
    except (InputError, DecodeError, pages.ReviewError, OSError) as e:
        click.echo(f"xuncha: {path}: no review page: {e}", err=True)
        return None
    return target


def _write_report(paths: tuple[str, ...], glob: str, html_out: str, review_dir: str | None, db: str | None = None) -> None:

    from .outputs.report import render_report
    from .outputs.stats import notices_from

    failures: list[str] = []
    notices = list(notices_from(paths, glob, failures))
    links = _review_links(notices, review_dir, html_out) if review_dir else None
    os.makedirs(os.path.dirname(os.path.abspath(html_out)), exist_ok=True)
    sections = _analysis_sections(db, links or {}) if db else ""
    emit(render_report(notices, links, failures, sections).encode("utf-8"), html_out)


def _analysis_sections(db: str, links: dict[str, str]) -> str:
    from .analysis.sections import analysis_sections
    from .outputs.db import DatabaseError, open_db

    try:
        return analysis_sections(open_db(db, readonly=True), db, links)
    except DatabaseError as e:
        fail(db, str(e).removeprefix(f"{db}: "))


def _review_links(notices: list[dict[str, Any]], folder: str, html_out: str) -> dict[str, str]:
    """source.path -> href (relative to the report) of its review page in ``folder``, written when missing."""

    from .outputs.review import review_filename

    links: dict[str, str] = {}
    for notice in notices:
        path = notice["source"]["path"]
        target = os.path.join(folder, review_filename(path, notice["source"]["sha256"]))
        if path and not os.path.exists(target) and os.path.isfile(path):
            target = _write_review(folder, path) or target
        if path and os.path.exists(target):
            links[path] = os.path.relpath(target, os.path.dirname(os.path.abspath(html_out))).replace(os.sep, "/")
    return links


@main.command()
@click.argument("notices", nargs=-1, required=True, type=click.Path())
@click.option("--expected", "expected", required=True, type=click.Path(file_okay=False),
              help="Folder of checked outputs: NAME.json for each notice file NAME.txt (or .html, .pdf, …).")
@click.option("--update", is_flag=True, help="Write the current outputs into the folder instead of comparing.")
@click.option("--ignore", multiple=True, metavar="PATH",
              help="Leave this field and all below it out (repeatable): source.sha256, problems[*].span, **.span (any depth).")
@click.option("--only", multiple=True, metavar="PATH", help="Compare only these fields (repeatable).")
@click.option("--scored", is_flag=True, help="Compare only the answers the project's scorer judges (check.SCORED).")
@click.option("--glob", default=DEFAULT_GLOB, show_default=True, help="Which files of a folder are notices.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per difference instead of text.")
def check(notices: tuple[str, ...], expected: str, update: bool, ignore: tuple[str, ...], only: tuple[str, ...],
          scored: bool, glob: str, as_json: bool) -> None:
    """Compare each notice's output now with a checked JSON file in EXPECTED; exit 1 on any difference.
    With --update, write the current outputs there instead (review them before you commit them)."""
    from .check import SCORED, Selection

    pairs = _expected_pairs(notices, expected, glob)
    if update:
        sys.exit(_update_expected(pairs))
    selection = Selection(ignore, (*only, *SCORED) if scored else (only or None))
    sys.exit(max((_check_one(path, target, selection, as_json) for path, target in pairs), default=0))


def _expected_pairs(notices: tuple[str, ...], folder: str, glob: str) -> list[tuple[str, str]]:
    """(notice file, its expected file) for every notice named or found in a named folder; two notices
    with one stem would share an expected file: a usage error."""
    from .batch import WalkIssue, expand

    pairs: dict[str, tuple[str, str]] = {}
    for item in expand(notices, glob):
        if isinstance(item, WalkIssue):
            say(item.path, item.message)
            continue
        stem = os.path.splitext(os.path.basename(item))[0]
        if stem in pairs:
            raise click.UsageError(f"{pairs[stem][0]} and {item} would share {stem}.json in the expected folder")
        pairs[stem] = (item, os.path.join(folder, stem + ".json"))
    if not pairs:
        raise click.UsageError("no notice files matched")
    return list(pairs.values())


def _current(path: str) -> Any:
    """The notice's output now, as JSON values (what a checked file holds); None when it cannot be read."""
    import orjson

    from .api import bytes_to_dict
    from .batch import InputError, read_notice
    from .decode import DecodeError

    try:
        return orjson.loads(orjson.dumps(bytes_to_dict(read_notice(path), path)))
    except (InputError, DecodeError) as e:
        say(_printable(path), str(e))
        return None


def _update_expected(pairs: list[tuple[str, str]]) -> int:
    import orjson

    failed = 0
    for path, target in pairs:
        notice = _current(path)
        if notice is None:
            failed = 1
            continue
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        emit(orjson.dumps(notice, option=orjson.OPT_INDENT_2) + b"\n", target)
    click.echo(f"xuncha: wrote {len(pairs) - failed} expected file(s)" if not failed else
               "xuncha: some notices could not be read; their expected files were not written", err=True)
    return failed


def _check_one(path: str, target: str, selection: Any, as_json: bool) -> int:
    """Print the notice's differences from its expected file; 1 when there are any."""
    import orjson

    from .check import differences

    try:
        with open(target, "rb") as f:
            expected = orjson.loads(f.read())
    except (OSError, orjson.JSONDecodeError) as e:
        say(_printable(path), f"no usable expected file {target} ({getattr(e, 'strerror', None) or e}); "
            "write it with --update")
        return 1
    notice = _current(path)
    if notice is None:
        return 1
    found = differences(expected, notice, selection)
    _print_differences(_printable(path), found, as_json)
    return 1 if found else 0


def _print_differences(path: str, found: list[Any], as_json: bool) -> None:
    import orjson

    if as_json:
        for difference in found:
            click.echo(orjson.dumps({"file": path, **difference.as_dict()}).decode())
        return
    if not found:
        click.echo(f"{path}: same")
        return
    click.echo(f"{path}: {len(found)} difference(s)")
    for difference in found:
        expected, now = (orjson.dumps(v).decode() for v in (difference.expected, difference.actual))
        click.echo(f"  {difference.path}\n    expected: {expected}\n    now:      {now}")


# the corpus analysis (docs/ANALYSIS.md), imported only when one of its commands runs
for _name, _help in (("analyze", "Add the corpus analysis (clusters, units, views) to a database written by batch --db."),
                     ("similar", "The problems of a database nearest a TEXT, with their notices and clusters."),
                     ("units", "A unit's notices across rounds (all units without UNIT), from an analysed database."),
                     ("report", "The corpus report of a database, with the analysis sections, as one HTML page.")):
    main.add_command(LazyCommand(_name, f"xuncha_parse.analysis.commands:{_name}", _help))
