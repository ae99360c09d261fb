"""The command line: read, call the library, write; errors become one line on stderr.

Only click is imported at start-up; pydantic, orjson, rich and the runner are imported inside the
commands that need them, so ``xuncha --help`` stays fast.  The helpers every command shares
(one-line errors, reading an input, writing an output) are in ``clitools``; running a batch is the
runner's (``xuncha_parse.runner``), writing each output is ``outputs/``'s.
"""
from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

import click

from . import DEFAULT_GLOB, __version__
from .clitools import (
    EXIT_INTERRUPTED,
    emit,
    exit_now,
    fail,
    fail_db,
    load,
    progress,
    refuse_overwrite,
    say,
    stdout_guard,
)

if TYPE_CHECKING:
    from typing import NoReturn

    from .outputs.sink import Sink
    from .runner import Batch, Totals
    from .shapes import NoticeDict


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
@click.option("--force", is_flag=True, help="Replace -o even when it is not a file xuncha wrote.")
def parse(file: str, compact: bool, fmt: str, output: str | None, keywords: bool, with_text: bool,
          max_bytes: int, force: bool = False) -> None:
    """Parse one notice FILE (text, HTML, PDF or Word; - for stdin) and print it as JSON (or CSV rows)."""
    import orjson

    refuse_overwrite(output, [file], force=force)
    notice = _parsed(file, max_bytes, with_text)
    if keywords:
        from .enrich.keywords import annotate

        annotate(notice)
    if fmt == "csv":
        from .outputs.csv import csv_header, csv_rows

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
@click.option("--force", is_flag=True, help="With --db: parse and replace files already in the database. "
              "With -o: replace the file even when it is not one xuncha wrote.")
def batch(paths: tuple[str, ...], output: str | None, glob: str, fmt: str, jobs: int, quiet: bool, fail_fast: bool,
          keywords: bool, null: bool, max_bytes: int, review_dir: str | None = None, db: str | None = None,
          force: bool = False) -> None:
    """Convert notices to JSONL, one line per notice: files, folders, or a list of paths on stdin (-).

    Every option applies to every output: JSONL, CSV, Parquet and the database."""
    from .runner import Batch, Options
    from .runner.paths import paths_from_stdin

    refuse_overwrite(output if fmt != "parquet" else None, paths, glob, force)
    kind = _output_kind(output, fmt, db, force)
    from_stdin = not paths or paths == ("-",)
    if from_stdin and sys.stdin.isatty():
        click.echo("xuncha: reading paths from stdin, one a line; end with Ctrl-D (see xuncha batch -h)", err=True)
    sinks = _open_sinks(kind, db or output, review_dir, force)
    own = frozenset().union(*(s.identity() for s in sinks))
    names = paths_from_stdin(null, own) if from_stdin else iter(paths)
    options = Options(jobs, glob, max_bytes, keywords, review=bool(review_dir), fail_fast=fail_fast)
    _drive(Batch(names, options, sinks), quiet)


def _output_kind(output: str | None, fmt: str, db: str | None, force: bool) -> str:
    """Which sink the options ask for (``jsonl``, ``csv``, ``parquet``, ``db``); a mistake is one line."""
    if force and not (db or output):
        fail("--force", "only applies with --db or -o")
    if db and (output or fmt != "jsonl"):
        fail(db, "--db writes the database only; leave out -o and --format")
    if fmt == "parquet" and not output:
        fail("--format parquet", "needs -o FOLDER")
    if fmt != "parquet" and output and os.path.isdir(output):
        fail(output, "is a folder; -o takes a file for jsonl and csv")
    return "db" if db else fmt


def _open_sinks(kind: str, target: str | None, review_dir: str | None, force: bool) -> list[Sink]:
    from .outputs.db import DatabaseError
    from .outputs.parquet import ParquetUnavailable
    from .outputs.sink import WriteError
    from .runner.sinks import open_sinks

    try:
        return open_sinks(kind, target, review_dir, force)
    except DatabaseError as e:
        fail_db(target or "-", e)
    except (WriteError, ParquetUnavailable) as e:
        fail(target or "-", str(e))


def _drive(run: Batch, quiet: bool) -> NoReturn:
    """Run the batch with a progress bar; each failure a line on stderr; the sinks closed whatever happens."""
    from .outputs.db.connect import DatabaseError
    from .outputs.sink import WriteError

    interrupted = False
    try:
        with progress(quiet) as advance:
            for outcome in run:
                if _report(outcome, quiet):
                    advance()
                if run.options.fail_fast and getattr(outcome, "error", None):
                    break
    except KeyboardInterrupt:
        interrupted = True
    except WriteError as e:
        _abandon(run)
        fail(run.sinks[0].name, str(e))
    except DatabaseError as e:
        _abandon(run)
        fail_db(run.sinks[0].name, e)
    try:
        run.close(complete=not interrupted)
    except WriteError as e:
        fail(run.sinks[0].name, str(e))
    except DatabaseError as e:
        fail_db(run.sinks[0].name, e)
    _finish(run, quiet, interrupted)


def _report(outcome: Any, quiet: bool) -> bool:
    """A warning, or a failed file (unless --quiet), as one line on stderr; True for a record."""
    from .runner.work import Note

    if isinstance(outcome, Note):
        say(outcome.path or "batch", outcome.message)
        return False
    if outcome.error and not quiet:
        say(outcome.path, outcome.error)  # odd path bytes made visible
    return True


def _abandon(run: Batch) -> None:
    run.stop()
    for sink in run.sinks:
        abandon = getattr(sink, "abandon", None)
        if abandon is not None:
            abandon()


def _finish(run: Batch, quiet: bool, interrupted: bool) -> NoReturn:
    """The summary line, and the exit status: 1 when a file failed, nothing matched or a worker died."""
    totals: Totals = run.totals
    for sink in run.sinks:
        for path, why in getattr(sink, "problems", ()):
            say(path, why)
    line = totals.line(unchanged=any(s.counts_unchanged for s in run.sinks))
    if interrupted:
        click.echo(f"xuncha: interrupted; {line}", err=True)
        exit_now(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(line, err=True)
    if totals.notices + totals.failed + totals.unchanged == 0:
        click.echo("xuncha: no notice files matched", err=True)
    if totals.lost:
        click.echo("xuncha: a worker process died during the run; see the messages above", err=True)
    sys.exit(1 if totals.failed or totals.lost or totals.notices + totals.unchanged == 0 else 0)


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
    from .outputs.db import DatabaseError, open_db
    from .outputs.db import search as find
    from .outputs.db.connect import translated

    try:
        conn = open_db(db, readonly=True)
        with translated(db):
            rows = find(conn, query, status, year, body, limit)
    except DatabaseError as e:
        fail_db(db, e)
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
    for name in ("notice", "#", "problem", "status"):
        table.add_column(name)
    for row in rows:
        notice = f"{escape(row['notice_title'] or '')}\n[dim]{escape(row['path'] or '')}[/dim]"
        table.add_row(notice, escape(row["marker"] or str(row["position"] + 1)),
                      escape(row["title"] or ""), row["status"])
    Console().print(table)


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
@click.option("--force", is_flag=True, help="Replace --html even when it is not a file xuncha wrote.")
def stats(paths: tuple[str, ...], glob: str, as_json: bool, html_out: str | None = None,
          review_dir: str | None = None, force: bool = False) -> None:
    """Summarise notices (files, folders, or JSONL written by batch): statuses, counts, topics, keywords."""
    import orjson

    from .outputs.stats import render, summarize
    from .runner.corpus import notices_from

    if html_out:
        refuse_overwrite(html_out, paths, force=force)  # ``stats * --html`` with a file named --html
        _write_report(paths, glob, html_out, review_dir)
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
@click.option("--force", is_flag=True, help="Replace -o even when it is not a file xuncha wrote.")
def review(file: str, output: str | None, force: bool = False) -> None:
    """One notice as a self-contained HTML page with every extracted piece highlighted in its text."""
    from .decode import DecodeError
    from .outputs.review import render_review
    from .runner.work import ReviewError, notice_and_text

    refuse_overwrite(output, [file], force=force)  # as parse does: review a.html -o a.html would destroy the notice
    data, path = load(file)
    try:
        notice, text = notice_and_text(data, path)
    except (DecodeError, ReviewError) as e:
        fail(path or "-", str(e))
    emit(render_review(dict(notice), text).encode("utf-8"), output)


def _write_report(paths: tuple[str, ...], glob: str, html_out: str, review_dir: str | None) -> None:
    from .outputs.report import render_report
    from .runner.corpus import notices_from, review_links

    failures: list[str] = []
    notices = list(notices_from(paths, glob, failures))
    links = None
    if review_dir:
        links, problems = review_links(notices, review_dir, os.path.dirname(os.path.abspath(html_out)))
        for path, why in problems:
            say(path, why)
    os.makedirs(os.path.dirname(os.path.abspath(html_out)), exist_ok=True)
    emit(render_report(notices, links, failures).encode("utf-8"), html_out)


from .clicheck import check  # noqa: E402  (a command of its own module, registered here)

main.add_command(check)
