"""``xuncha search``: the problems of a database that hold a query, as people type it.

The query's grammar and the SQL are the database package's (``outputs/db/query.py``, ``search.py``);
this module only reads the options, calls them and prints.  Imported by ``cli`` at start-up, so it
imports click alone at the top.
"""
from __future__ import annotations

import sys
from typing import Any

import click

from .clitools import fail, fail_db, stdout_guard


@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("db", type=click.Path(dir_okay=False))
@click.argument("query", nargs=-1, required=True)
@click.option("--status", type=click.Choice(["completed", "in_progress", "unknown"]))
@click.option("--year", type=int)
@click.option("--body")
@click.option("--sort", type=click.Choice(["notice", "year"]), default="notice", show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=click.IntRange(1))
def search(db: str, query: tuple[str, ...], status: str | None, year: int | None, body: str | None, sort: str,
           as_json: bool, limit: int | None) -> None:
    """Problems in a database written by batch --db whose title, description or measures hold QUERY.

    \b
    Words set apart by spaces must all match:    八项 规定
    OR between two words takes either:          公车 OR 公务用车
    -word leaves out problems holding it:       八项规定 -整改
    "..." keeps spaces, - and OR as text:       "a b"
    Words of 3 characters or more use the trigram index; 1 and 2 characters are
    searched with LIKE over the same texts (same answer, slower). Each hit names the
    field that matched with a snippet around the match. An empty query is refused."""
    from .analysis.queries import cluster_sizes  # sqlite only: the sizes analyze stored, None before it
    from .outputs.db import DatabaseError, open_db
    from .outputs.db import search as find
    from .outputs.db.connect import translated
    from .outputs.db.query import QueryError, parse_query

    text = " ".join(query)
    try:
        words = parse_query(text)
    except QueryError as e:
        fail("search", str(e))
    try:
        conn = open_db(db, readonly=True)
        with translated(db):  # a damaged page met while searching: one line and its exit status
            rows = cluster_sizes(conn, find(conn, words, status, year, body, limit, sort))
    except DatabaseError as e:
        fail_db(db, e)
    with stdout_guard():
        if as_json:
            _search_json(rows)
        else:
            _search_table(rows, text)


def _search_json(rows: list[dict[str, Any]]) -> None:
    import orjson

    for row in rows:
        sys.stdout.buffer.write(orjson.dumps(row, option=orjson.OPT_APPEND_NEWLINE))


def _search_table(rows: list[dict[str, Any]], query: str) -> None:
    """A rich table: notice, problem, where it matched with the match marked, status; the notice's text
    escaped (markup and control characters shown as written, never obeyed)."""
    from rich.console import Console
    from rich.table import Table

    from .outputs.terminal import safe

    table = Table(title=f"{len(rows)} problems matching {safe(query)}", show_lines=True)
    for name in ("notice", "#", "problem", "matched", "status", "cluster"):
        table.add_column(name, overflow="fold" if name == "matched" else "ellipsis")
    for row in rows:
        notice = f"{safe(row['notice_title'] or '')}\n[dim]{safe(row['path'] or '')}[/dim]"
        table.add_row(notice, safe(row["marker"] or str(row["position"] + 1)), safe(row["title"] or ""),
                      "\n".join(_marked(m) for m in row["matches"]), row["status"],
                      str(row["finding_cluster"] or "—"))
    Console().print(table)


def _marked(match: dict[str, Any]) -> str:
    """``measures 2: …前文[reverse]八项规定[/reverse]后文…``: the field, then the snippet with each match marked."""
    from .outputs.terminal import safe

    text, marked, at = match["snippet"], "", 0
    for start, end in match["marks"]:
        start = max(start, at)  # overlapping matches (规定 and 八项规定) marked once
        marked += f"{safe(text[at:start])}[reverse]{safe(text[start:end])}[/reverse]"
        at = max(at, end)
    where = match["field"] + (f" {match['measure'] + 1}" if match["measure"] is not None else "")
    return f"[dim]{where}:[/dim] {marked}{safe(text[at:])}"
