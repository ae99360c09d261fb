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
from .clihelp import LocalGroup  # --help in the interface language
from .clitools import (
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_OUTPUT,
    LANG,
    cannot_write,
    emit,
    exit_now,
    fail,
    fail_db,
    load,
    progress,
    refuse_overwrite,
    say,
    stdout_guard,
    use_lang,
    words,
)
from .lazy import LazyCommand  # the analysis commands, imported when they run

if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import NoReturn

    from .corrections import Corrections
    from .outputs.sink import Sink
    from .runner import Batch, Totals
    from .shapes import NoticeDict


@click.group(cls=LocalGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="xuncha")
def main() -> None:
    """Turn inspection-rectification notices (巡察整改进展情况的通报) into structured data."""


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--compact", is_flag=True)
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True))
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--keywords", is_flag=True)
@click.option("--with-text", is_flag=True)
@click.option("--corrections", "corrections_files", multiple=True, type=click.Path(dir_okay=False))
@click.option("--max-bytes", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True)
@click.option("--force", is_flag=True)
def parse(file: str, compact: bool, fmt: str, output: str | None, lang: str, keywords: bool, with_text: bool,
          max_bytes: int, corrections_files: tuple[str, ...] = (), force: bool = False) -> None:
    """Parse one notice FILE (text, HTML, PDF or Word; - for stdin) and print it as JSON (or CSV rows)."""
    import orjson

    refuse_overwrite(output, [file], force=force)
    notice = _parsed(file, max_bytes, with_text)
    if keywords:
        from .enrich.keywords import annotate

        annotate(notice)
    if corrections_files:
        _correct(notice, _corrections(corrections_files))
    if fmt == "csv":
        from .outputs.csv import csv_header, csv_rows

        emit(csv_header() + csv_rows(notice, lang), output)
        return
    option = orjson.OPT_APPEND_NEWLINE | (0 if compact else orjson.OPT_INDENT_2)
    emit(orjson.dumps(notice, option=option), output)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(writable=True))
@click.option("--glob", default=DEFAULT_GLOB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl", show_default=True)
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=1, show_default=True)
@click.option("--quiet", is_flag=True)
@click.option("--fail-fast", is_flag=True)
@click.option("--keywords", is_flag=True)
@click.option("-0", "--null", "null", is_flag=True)
@click.option("--max-bytes", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True)
@click.option("--review-dir", type=click.Path(file_okay=False))
@click.option("--db", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True)
@click.option("--corrections", "corrections_files", multiple=True, type=click.Path(dir_okay=False))
@LANG
def batch(paths: tuple[str, ...], output: str | None, glob: str, fmt: str, jobs: int, quiet: bool, fail_fast: bool,
          keywords: bool, null: bool, max_bytes: int, review_dir: str | None = None, db: str | None = None,
          force: bool = False, corrections_files: tuple[str, ...] = (), lang: str | None = None) -> None:
    """Convert notices to JSONL, one line per notice: files, folders, or a list of paths on stdin (-).

    Every option applies to every output: JSONL, CSV, Parquet and the database."""
    from .runner import Batch, Options
    from .runner.paths import paths_from_stdin

    refuse_overwrite(output if fmt != "parquet" else None, paths, glob, force)
    use_lang(lang)
    kind = _output_kind(output, fmt, db, force)
    from_stdin = not paths or paths == ("-",)
    if from_stdin and sys.stdin.isatty():
        click.echo(f"xuncha: {words('cli.stdin_paths')}", err=True)
    corrections = _corrections(corrections_files) if corrections_files else None
    sinks = _open_sinks(kind, db or output, review_dir, force, _interface_lang(lang))
    own = frozenset().union(*(s.identity() for s in sinks))
    names = paths_from_stdin(null, own) if from_stdin else _listed(paths, glob, own, quiet)
    options = Options(jobs, glob, max_bytes, keywords, review=bool(review_dir), fail_fast=fail_fast)
    total = len(names) if isinstance(names, list) else None
    _drive(Batch(names, options, sinks, corrections), quiet, total)


def _corrections(files: tuple[str, ...]) -> Corrections:
    """The corrections files, merged; a bad one is one line on stderr and exit 2."""
    from .corrections import CorrectionsError, load_files

    try:
        return load_files(list(files))
    except CorrectionsError as e:
        path, _, why = str(e).partition(": ")
        fail(path, why)


def _correct(notice: NoticeDict, corrections: Corrections) -> None:
    """Apply the corrections to one notice; each one refused is a line on stderr."""
    from typing import cast

    from .corrections import apply

    for message in apply(cast("dict[str, Any]", notice), corrections).refused:
        say(notice["source"]["path"] or "-", message)


def _listed(paths: tuple[str, ...], glob: str, own: frozenset[tuple[int, int]], quiet: bool) -> Iterable[Any]:
    """The inputs: walked at once when a progress bar will show their total, else lazily by the batch."""
    from .runner.paths import expand

    return list(expand(paths, glob, own)) if not quiet and sys.stderr.isatty() else iter(paths)


def _interface_lang(lang: str | None) -> str:
    """``--lang``, else ``XUNCHA_LANG``, else Chinese: the CSV's 是/否 follow the interface."""
    from .outputs.i18n import default_lang

    return lang or default_lang()


def _output_kind(output: str | None, fmt: str, db: str | None, force: bool) -> str:
    """Which sink the options ask for (``jsonl``, ``csv``, ``parquet``, ``db``); a mistake is one line."""
    if force and not (db or output):
        fail("--force", words("cli.force_alone"))
    if db and (output or fmt != "jsonl"):
        fail(db, words("cli.db_alone"))
    if fmt == "parquet" and not output:
        fail("--format parquet", words("cli.parquet_needs_folder"))
    if fmt == "parquet" and output and (output.lower().endswith(".parquet") or os.path.isfile(output)):
        fail(output, words("cli.parquet_is_folder"))
    if fmt != "parquet" and output and os.path.isdir(output):
        fail(output, words("cli.output_is_folder"))
    return "db" if db else fmt


def _open_sinks(kind: str, target: str | None, review_dir: str | None, force: bool, lang: str) -> list[Sink]:
    from .outputs.db import DatabaseError
    from .outputs.parquet import ParquetUnavailable
    from .outputs.sink import WriteError
    from .runner.sinks import open_sinks

    try:
        return open_sinks(kind, target, review_dir, force, lang)
    except DatabaseError as e:
        fail_db(target or "-", e, EXIT_OUTPUT)
    except WriteError as e:
        cannot_write(target or "-", e)
    except ParquetUnavailable as e:
        fail(target or "-", str(e))


def _drive(run: Batch, quiet: bool, total: int | None = None) -> NoReturn:
    """Run the batch with a progress bar; each failure a line on stderr; the sinks closed whatever happens."""
    from .outputs.db.connect import DatabaseError
    from .outputs.sink import WriteError

    interrupted = False
    try:
        with progress(quiet, total) as advance:
            for outcome in run:
                if _report(outcome, quiet):
                    advance(run.totals.notices + run.totals.failed + run.totals.unchanged)
                if run.options.fail_fast and getattr(outcome, "error", None):
                    break
    except KeyboardInterrupt:
        interrupted = True
    except WriteError as e:
        _abandon(run)
        cannot_write(run.sinks[0].name, e)
    except DatabaseError as e:
        _abandon(run)
        fail_db(run.sinks[0].name, e, EXIT_OUTPUT)
    try:
        run.close(complete=not interrupted)
    except WriteError as e:
        cannot_write(run.sinks[0].name, e)
    except DatabaseError as e:
        fail_db(run.sinks[0].name, e, EXIT_OUTPUT)
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
    from .outputs.i18n import catalogue

    totals: Totals = run.totals
    for sink in run.sinks:
        for path, why in getattr(sink, "problems", ()):
            say(path, why)
    line = totals.line(catalogue(), unchanged=any(s.counts_unchanged for s in run.sinks))
    if interrupted:
        click.echo(f"xuncha: {words('cli.interrupted', line=line)}", err=True)
        exit_now(EXIT_INTERRUPTED)
    if not quiet:
        click.echo(line, err=True)
    if totals.notices + totals.failed + totals.unchanged == 0:
        click.echo(f"xuncha: {words('cli.no_match')}", err=True)
    if totals.lost:
        click.echo(f"xuncha: {words('cli.worker_lost')}", err=True)
    sys.exit(1 if totals.failed or totals.lost or totals.notices + totals.unchanged == 0 else 0)


@main.command()
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--max-bytes", type=click.IntRange(1), default=10 * 1024 * 1024, show_default=True)
@LANG
def show(file: str, max_bytes: int, lang: str | None = None) -> None:
    """A readable view of one notice: inspection, counts, outline, problems, contacts, diagnostics."""
    from .outputs.terminal import render

    notice = _parsed(file, max_bytes)
    with stdout_guard():
        render(notice, lang)


def _parsed(file: str, max_bytes: int | None = None, with_text: bool = False) -> NoticeDict:
    """The Notice of FILE as a plain dict: exactly what the models validate to (a test checks it),
    without paying for importing pydantic."""
    from .api import bytes_to_dict
    from .decode import DecodeError

    data, path = load(file, max_bytes)
    try:
        return bytes_to_dict(data, path, with_text)
    except DecodeError as e:
        fail(path or "-", str(e), EXIT_INPUT)


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
        fail(path or "-", str(e), EXIT_INPUT)
    emit(extracted.text.encode("utf-8"), None)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--glob", default=DEFAULT_GLOB, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.option("--html", "html_out", type=click.Path(dir_okay=False, writable=True))
@click.option("--review-dir", type=click.Path(file_okay=False))
@click.option("--db", type=click.Path(dir_okay=False, exists=True))
@click.option("--force", is_flag=True)
@LANG
def stats(paths: tuple[str, ...], glob: str, as_json: bool, html_out: str | None = None,
          review_dir: str | None = None, db: str | None = None, force: bool = False, lang: str | None = None) -> None:
    """Summarise notices (files, folders, or JSONL written by batch): statuses, counts, topics, keywords."""
    import orjson

    from .outputs.stats import render, summarize
    from .runner.corpus import notices_from

    use_lang(lang)
    if html_out:
        from .clireport import write_report

        refuse_overwrite(html_out, paths, force=force)  # ``stats * --html`` with a file named --html
        write_report(paths, glob, html_out, review_dir, db, lang)
        return
    failures: list[str] = []
    summary = summarize(notices_from(paths, glob, failures), failures)
    with stdout_guard():
        if as_json:
            sys.stdout.buffer.write(orjson.dumps(summary, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE))
        else:
            render(summary, lang)
    for failure in failures:
        path, _, why = failure.partition("\t")
        say(path, why or words("cli.not_a_notice"))
    sys.exit(1 if failures or not summary["notices"] else 0)


@main.command()
@click.option("--batch", "batch_record", is_flag=True)
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
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True))
@click.option("--force", is_flag=True)
@click.option("--corrections", "corrections_files", multiple=True, type=click.Path(dir_okay=False))
@LANG
def review(file: str, output: str | None, lang: str | None = None, force: bool = False,
           corrections_files: tuple[str, ...] = ()) -> None:
    """One notice as a self-contained HTML page with every extracted piece highlighted in its text."""
    from .decode import DecodeError
    from .outputs.review import render_review
    from .runner.work import ReviewError, notice_and_text

    refuse_overwrite(output, [file], force=force)  # as parse does: review a.html -o a.html would destroy the notice
    data, path = load(file)
    try:
        notice, text = notice_and_text(data, path)
    except (DecodeError, ReviewError) as e:
        fail(path or "-", str(e), EXIT_INPUT)
    if corrections_files:
        _correct(notice, _corrections(corrections_files))
    emit(render_review(dict(notice), text, lang).encode("utf-8"), output)


from .clicheck import check  # noqa: E402  (commands of their own modules, registered here)
from .clisearch import search  # noqa: E402

main.add_command(check)


# the corpus analysis (docs/ANALYSIS.md), imported only when one of its commands runs
for _name in ("analyze", "similar", "units", "report"):  # their help: the catalogues' help.NAME.short
    main.add_command(LazyCommand(_name, f"xuncha_parse.analysis.commands:{_name}"))
main.add_command(search)
