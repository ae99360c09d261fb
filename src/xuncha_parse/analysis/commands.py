"""The analysis commands: ``analyze``, ``similar``, ``units``, ``report``. Each reads, calls the package,
writes; errors are one line on stderr (``cli.fail``, the one thing taken from cli.py besides the review
links of ``report``). Registered lazily in cli.py."""
from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING, Any

import click

from ..clitools import LANG, fail, use_lang, words
from . import AnalysisUnavailable, require

if TYPE_CHECKING:
    import sqlite3


def _open(db: str, readonly: bool) -> sqlite3.Connection:
    """The database ``batch --db`` wrote; one line on stderr and exit 2 when it is missing or not one."""
    from ..outputs.db import DatabaseError, open_db

    if not os.path.isfile(db):
        fail(db, "no such database (write one with xuncha batch FOLDER --db FILE)")
    try:
        return open_db(db, readonly=readonly)
    except DatabaseError as e:
        fail(db, str(e).removeprefix(f"{db}: "))


def _need_extra(db: str) -> None:
    try:
        require()
    except AnalysisUnavailable as e:
        fail(db, str(e))


def _json_lines(rows: list[dict[str, Any]]) -> None:
    import orjson

    _out(b"".join(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE) for row in rows))


def _out(data: bytes) -> None:
    """To stdout; a failed write (a full disk, a closed pipe) is one line on stderr and exit 2."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except OSError as e:
        _broken(e)


def _broken(error: OSError) -> None:
    with contextlib.suppress(OSError, ValueError):  # no second error when Python flushes stdout at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    fail("-", f"cannot write: {error.strerror or error}")


def _write_file(path: str, text: str) -> None:
    """``text`` to ``path`` through a temporary file beside it, renamed onto it; one line on failure."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".report.", delete=False) as f:
            f.write(text)
        os.replace(f.name, path)
    except OSError as e:
        fail(path, f"cannot write: {e.strerror or e}")


def _table(title: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=escape(title), show_lines=False)
    for name in columns:
        table.add_column(name)
    for row in rows:
        table.add_row(*("" if v is None else escape(str(v)) for v in row))
    try:
        Console().print(table)
        sys.stdout.flush()
    except OSError as e:
        _broken(e)


@click.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True)
@click.option("--json", "as_json", is_flag=True)
def analyze(db: str, force: bool, as_json: bool) -> None:
    """Add the corpus analysis to DB (written by batch --db): problem clusters at two levels, units across
    rounds, and the views common_problems, recurring_problems, completion. Run it again after new notices."""
    import sqlite3

    from .store import analyze as run

    _need_extra(db)
    conn = _open(db, readonly=False)
    try:
        found = run(conn, force)
    except sqlite3.Error as e:
        fail(db, f"analysis not written: {e}")
    finally:
        conn.close()
    if as_json:
        _json_lines([found])
    else:
        click.echo(" ".join(f"{words('analyze.' + k)}={int(v)}" for k, v in found.items()), err=True)


@click.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("text")
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def similar(db: str, text: str, limit: int, as_json: bool) -> None:
    """The problems of DB nearest TEXT (after the finding vocabulary), with their notices and cluster sizes."""
    from .queries import nearest

    _need_extra(db)
    rows = nearest(_open(db, readonly=True), text, limit)
    if as_json:
        _json_lines(rows)
        return
    _table(f"{len(rows)} problems nearest {text}", ("similarity", "problem", "status", "notice", "finding cluster"),
           [(f"{r['similarity']:.2f}", r["title"], r["status"], os.path.basename(r["path"] or "") or r["notice_title"],
             r["finding_cluster"])
            for r in rows])


@click.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("unit", required=False)
@click.option("--json", "as_json", is_flag=True)
def units(db: str, unit: str | None, as_json: bool) -> None:
    """A unit's notices across rounds, in date order, with problems found again later; without UNIT, every unit."""
    from .queries import NotAnalysed, require_analysis, unit_history, unit_list

    conn = _open(db, readonly=True)
    try:
        require_analysis(conn, db)
    except NotAnalysed as e:
        fail(db, str(e))
    rows = unit_history(conn, unit) if unit else unit_list(conn)
    if unit and not rows:
        fail(db, f"no unit matches {unit}")
    if as_json:
        _json_lines(rows)
    elif unit:
        _history_table(rows)
    else:
        _table(f"{len(rows)} units", ("unit", "notices", "first", "last", "回头看"),
               [(r["unit_key"], r["notices"], r["first"], r["last"], r["lookbacks"]) for r in rows])


def _history_table(rows: list[dict[str, Any]]) -> None:
    """One line per notice of the unit(s), in order; what each round's problems became later."""
    marks = {(1, 0): "回头看", (0, 1): "专项", (1, 1): "回头看 专项"}
    units = " / ".join(dict.fromkeys(r["unit_key"] for r in rows))
    _table(units, ("#", "date", "round", "notice", "problems", "completed", "found again later"),
           [(r["position"], r["date"], marks.get((r["lookback"], r["special"]), r["round"] or ""),
             os.path.basename(r["path"] or "") or r["title"], r["parsed_problems"], r["completed"],
             "; ".join(f"{x['earlier_title']} ({x['earlier_status']})" for x in r["recurring"])) for r in rows])


@click.command()
@click.argument("db", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True))
@click.option("--review-dir", type=click.Path(file_okay=False))
@LANG
def report(db: str, output: str, review_dir: str | None, lang: str | None = None) -> None:
    """The corpus report of DB as one HTML page: the charts of stats --html and the analysis sections."""
    import orjson

    from ..clireport import review_links_for as _review_links
    from ..outputs.report import render_report
    from .sections import analysis_sections

    conn = _open(db, readonly=True)
    notices = [orjson.loads(row[0]) for row in conn.execute("SELECT json FROM notices ORDER BY path, id")]
    use_lang(lang)  # the review pages written for the links speak it too
    links = _review_links(notices, review_dir, output) if review_dir else {}
    _write_file(output, render_report(notices, links, [], analysis_sections(conn, db, links, lang), lang))
