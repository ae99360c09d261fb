"""The command line: read, call the library, write; errors become one line on stderr.

Only click is imported at start-up; pydantic, orjson and rich are imported
inside the commands that need them, so ``xuncha --help`` stays fast.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager

import click

from . import __version__

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def fail(path: str, message: str) -> None:
    """One line on stderr naming the file and what is wrong, then exit 2."""
    click.echo(f"xuncha: {path}: {message}", err=True)
    sys.exit(EXIT_BAD_INPUT)


def load(path: str) -> tuple[bytes, str | None]:
    """The bytes of FILE (or stdin for ``-``) and the path to record."""
    from .batch import InputError, read_notice

    if path == "-":
        return sys.stdin.buffer.read(), None
    try:
        return read_notice(path), path
    except InputError as e:
        fail(path, str(e))


def emit(data: bytes, output: str | None) -> None:
    if output:
        with open(output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()


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
def parse(file: str, compact: bool, fmt: str, output: str | None, keywords: bool, with_text: bool) -> None:
    """Parse one notice FILE (text, HTML, PDF or Word; - for stdin) and print it as JSON (or CSV rows)."""
    import orjson

    from .outputs.csv import csv_header, csv_rows

    notice = _parsed(file, with_text)
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
@click.option("--glob", default="*.txt", show_default=True, help="Which files to take from folders.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True, help="Worker processes.")
@click.option("--quiet", is_flag=True, help="No progress bar and no summary.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first file that fails.")
@click.option("--keywords", is_flag=True, help="Add keywords and topics to every problem (loads jieba).")
@click.option("--review-dir", type=click.Path(file_okay=False), help="Also write one HTML review page per notice here.")
@click.option("--db", type=click.Path(dir_okay=False), help="Write into this SQLite database; files already in it are skipped.")
@click.option("--force", is_flag=True, help="With --db: parse and replace files already in the database.")
def batch(paths, output, glob, fmt, jobs, quiet, fail_fast, keywords, review_dir=None, db=None, force=False) -> None:
    """Convert notices to JSONL, one line per notice: files, folders, or a list of paths on stdin (-)."""
    from .batch import expand, run
    from .outputs.csv import csv_header

    names = _paths_from_stdin() if not paths or paths == ("-",) else iter(paths)
    if db or fmt == "parquet" or force:
        _batch_store(expand(names, glob), output, fmt, db, force, jobs, quiet, fail_fast, keywords)
    if output and os.path.isdir(output):
        fail(output, "is a folder; -o takes a file for jsonl and csv")
    write = _line_writer(output)
    if fmt == "csv":
        write(csv_header())
    totals = {"notices": 0, "problems": 0, "failed": 0}
    try:
        with _progress(quiet) as advance:
            for result in run(expand(names, glob), jobs, fmt, keywords):
                if result.error is None or fmt == "jsonl":
                    write(result.data)
                if review_dir and result.error is None:
                    _write_review(review_dir, result.path)
                _count(totals, result, quiet)
                advance()
                if fail_fast and result.error:
                    break
    except KeyboardInterrupt:
        click.echo("xuncha: interrupted; " + " ".join(f"{k}={v}" for k, v in totals.items()), err=True)
        sys.exit(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(" ".join(f"{k}={v}" for k, v in totals.items()), err=True)
    sys.exit(1 if totals["failed"] else 0)


def _batch_store(paths, output, fmt, db, force, jobs, quiet, fail_fast, keywords) -> None:
    """batch --db FILE, or --format parquet -o FOLDER: store each result as it comes, then the summary."""
    if force and not db:
        fail("--force", "only applies with --db")
    if db and (output or fmt != "jsonl"):
        fail(db, "--db writes the database only; leave out -o and --format")
    if fmt == "parquet" and not output:
        fail("--format parquet", "needs -o FOLDER")
    store = _store_db(db, force) if db else _store_parquet(output)
    with store as (totals, write):
        try:
            with _progress(quiet) as advance:
                for result in write(paths, jobs, keywords):
                    _report_failure(result, quiet)
                    advance()
                    if fail_fast and result.error:
                        break
        except KeyboardInterrupt:
            click.echo(f"xuncha: interrupted; {totals.line()}", err=True)
            sys.exit(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(totals.line(), err=True)
    sys.exit(1 if totals.failed else 0)


def _report_failure(result, quiet: bool) -> None:
    if result.error and not quiet:
        click.echo(f"xuncha: {result.path}: {result.error}", err=True)


@contextmanager
def _store_db(db: str, force: bool):
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
def _store_parquet(folder: str):
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
def search(db, query, status, year, body, as_json, limit) -> None:
    """Problems in a database written by batch --db whose title, description or measures contain QUERY."""
    from .outputs.db import DatabaseError, open_db
    from .outputs.db import search as find

    try:
        conn = open_db(db, readonly=True)
        rows = find(conn, query, status, year, body, limit)
    except DatabaseError as e:
        fail(db, str(e).removeprefix(f"{db}: "))
    if as_json:
        _search_json(rows)
    else:
        _search_table(rows, query)


def _search_json(rows: list[dict]) -> None:
    import orjson

    for row in rows:
        sys.stdout.buffer.write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))


def _search_table(rows: list[dict], query: str) -> None:
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


def _line_writer(output: str | None):
    """Whole records at a time: unbuffered writes to a file, a flushed write to stdout."""
    import os

    from .batch import write_all

    if output:
        fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        return lambda data: write_all(fd, data)
    out = sys.stdout.buffer

    def write(data: bytes) -> None:
        out.write(data)
        out.flush()

    return write


def _paths_from_stdin():
    return (line.strip() for line in sys.stdin if line.strip())


def _count(totals: dict, result, quiet: bool) -> None:
    totals["notices"] += 1
    totals["problems"] += result.problems
    if result.error:
        totals["failed"] += 1
        if not quiet:
            click.echo(f"xuncha: {result.path}: {result.error}", err=True)


class _progress:
    """A rich spinner, count and elapsed time on stderr, only when stderr is a terminal and not --quiet."""

    def __init__(self, quiet: bool):
        self.live = not quiet and sys.stderr.isatty()
        self.bar = None

    def __enter__(self):
        if not self.live:
            return lambda: None
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("parsed {task.completed} notices"), TimeElapsedColumn())
        self.bar = Progress(*columns, transient=True, console=_stderr_console())
        self.bar.start()
        task = self.bar.add_task("parsing", total=None)
        return lambda: self.bar.advance(task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
        return False


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
def show(file: str) -> None:
    """A readable view of one notice: inspection, counts, outline, problems, contacts, diagnostics."""
    from .outputs.terminal import render

    render(_parsed(file))


def _parsed(file: str, with_text: bool = False) -> dict:
    """The Notice of FILE as a plain dict: exactly what the models validate to (a test checks it),
    without paying for importing pydantic."""
    from .api import bytes_to_dict
    from .decode import DecodeError

    data, path = load(file)
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
@click.option("--glob", default="*.txt", show_default=True, help="Which files to take from folders.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, writable=True), help="Write the summary as an HTML report with charts.")
@click.option("--review-dir", type=click.Path(file_okay=False), help="With --html: link each notice to its review page here (written if missing).")
def stats(paths, glob: str, as_json: bool, html_out: str | None = None, review_dir: str | None = None) -> None:
    """Summarise notices (files, folders, or JSONL written by batch): statuses, counts, topics, keywords."""
    import orjson

    from .outputs.stats import notices_from, render, summarize

    if html_out:
        _write_report(paths, glob, html_out, review_dir)
        return
    failures: list[str] = []
    summary = summarize(notices_from(paths, glob, failures), failures)
    if as_json:
        sys.stdout.buffer.write(orjson.dumps(summary, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
    else:
        render(summary)


@main.command()
def schema() -> None:
    """Print the JSON Schema (Draft 2020-12) of the Notice."""
    import orjson

    from .outputs.models import Notice

    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Notice.model_json_schema()}
    sys.stdout.buffer.write(orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write here, not to stdout.")
def review(file: str, output: str | None) -> None:
    """One notice as a self-contained HTML page with every extracted piece highlighted in its text."""
    from .decode import DecodeError
    from .outputs.review import ReviewError, notice_and_text, render_review

    data, path = load(file)
    try:
        notice, text = notice_and_text(data, path)
    except (DecodeError, ReviewError) as e:
        fail(path or "-", str(e))
    emit(render_review(notice, text).encode("utf-8"), output)


def _write_review(folder: str, path: str) -> str | None:
    """Write the review page of the notice file ``path`` into ``folder``; its path, or None (and a warning)."""
    import os

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


def _write_report(paths, glob: str, html_out: str, review_dir: str | None) -> None:
    import os

    from .outputs.report import render_report
    from .outputs.stats import notices_from

    failures: list[str] = []
    notices = list(notices_from(paths, glob, failures))
    links = _review_links(notices, review_dir, html_out) if review_dir else None
    os.makedirs(os.path.dirname(os.path.abspath(html_out)), exist_ok=True)
    emit(render_report(notices, links, failures).encode("utf-8"), html_out)


def _review_links(notices: list[dict], folder: str, html_out: str) -> dict[str, str]:
    """source.path -> href (relative to the report) of its review page in ``folder``, written when missing."""
    import os

    from .outputs.review import review_filename

    links = {}
    for notice in notices:
        path = notice["source"]["path"]
        target = os.path.join(folder, review_filename(path, notice["source"]["sha256"]))
        if path and not os.path.exists(target) and os.path.isfile(path):
            target = _write_review(folder, path) or target
        if path and os.path.exists(target):
            links[path] = os.path.relpath(target, os.path.dirname(os.path.abspath(html_out))).replace(os.sep, "/")
    return links
