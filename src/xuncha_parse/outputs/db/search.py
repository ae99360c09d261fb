"""Searching the database: problems that hold every word of a query (``query.py``), each hit with the
field that matched and a snippet around the match.

A word of 3 characters or more is looked up in the trigram index; a shorter one (the index is made
of 3-character pieces and cannot answer it) with LIKE over the same texts: the same answer, slower.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .connect import has_fts
from .query import Query, parse_query

if TYPE_CHECKING:
    import sqlite3

#: shortest word the trigram index can answer; shorter ones fall back to LIKE
TRIGRAM_MIN_CHARS = 3
#: characters of context a snippet keeps on each side of the match
SNIPPET_CHARS = 20
#: ids per ``IN (…)`` when the measures of the hits are read
CHUNK = 500

SEARCH_COLUMNS = """p.id, n.path, n.title AS notice_title, n.body, n.target, n.year,
       p.position, p.number, p.marker, p.category, p.title, p.description, p.status"""
#: the orders ``--sort`` offers: by notice (path, then the problem's place), or newest year first
ORDERS = {"notice": "n.path, p.position", "year": "n.year DESC NULLS LAST, n.path, p.position"}
#: only ASCII letters fold to lower case, as LIKE and the trigram index compare them
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def like_pattern(query: str) -> str:
    """``%query%`` with LIKE's wildcards escaped (``\\`` is the escape character)."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(query: str) -> str:
    """The query as one FTS5 phrase: with trigrams, a phrase matches it as a substring."""
    return '"' + query.replace('"', '""') + '"'


def _text_filter(conn: sqlite3.Connection, word: str) -> tuple[str, list[Any]]:
    """The clause that matches problems holding one word: the trigram index, or LIKE when it cannot answer."""
    if len(word) >= TRIGRAM_MIN_CHARS and has_fts(conn):
        return "p.id IN (SELECT rowid FROM problems_fts WHERE problems_fts MATCH ?)", [fts_phrase(word)]
    like = like_pattern(word)
    clause = ("(p.title LIKE ? ESCAPE '\\' OR p.description LIKE ? ESCAPE '\\' OR EXISTS "
              "(SELECT 1 FROM measures m WHERE m.problem_id = p.id AND m.text LIKE ? ESCAPE '\\'))")
    return clause, [like, like, like]


def query_filter(conn: sqlite3.Connection, query: Query) -> tuple[list[str], list[Any]]:
    """The clauses of a whole query: each group (its words joined by OR), then NOT each excluded word."""
    where: list[str] = []
    params: list[Any] = []
    for group in query.groups:
        clauses = [_text_filter(conn, word) for word in group]
        where.append("(" + " OR ".join(c for c, _ in clauses) + ")")
        params += [p for _, ps in clauses for p in ps]
    for word in query.excluded:
        clause, ps = _text_filter(conn, word)
        where.append(f"NOT coalesce({clause}, 0)")  # LIKE on a NULL description is NULL, not false
        params += ps
    return where, params


def search(conn: sqlite3.Connection, query: str | Query, status: str | None = None, year: int | None = None,
           body: str | None = None, limit: int | None = None, sort: str = "notice") -> list[dict[str, Any]]:
    """Problems that hold every word of ``query`` (``query.py``), with their notice, each with
    ``matches``: where each word was found and a snippet around it.  QueryError for an empty query."""
    words = parse_query(query) if isinstance(query, str) else query
    where, params = query_filter(conn, words)
    for clause, value in (("p.status = ?", status), ("n.year = ?", year),
                          ("n.body LIKE ? ESCAPE '\\'", like_pattern(body) if body else None)):
        if value is not None:
            where.append(clause)
            params.append(value)
    sql = (f"SELECT {SEARCH_COLUMNS} FROM problems p JOIN notices n ON n.id = p.notice_id "
           f"WHERE {' AND '.join(where)} ORDER BY {ORDERS[sort]}")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    rows = [dict(row) for row in conn.execute(sql, params)]
    measures = _measures(conn, [row["id"] for row in rows])
    for row in rows:
        row["matches"] = matches(row, measures.get(row["id"], []), words.words)
    return rows


def _measures(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[str]]:
    """The measures of these problems, in order, by problem id."""
    found: dict[int, list[str]] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT problem_id, text FROM measures WHERE problem_id IN ({marks}) ORDER BY problem_id, position"
        for problem_id, text in conn.execute(sql, chunk):
            found.setdefault(problem_id, []).append(text)
    return found


def matches(row: dict[str, Any], measures: list[str], words: list[str]) -> list[dict[str, Any]]:
    """Where the words were found: per field (``title``, ``description``, ``measures`` with the
    measure's place from 0), the words found there first, a snippet around them, and ``marks``: each
    match's [start, end) in the snippet."""
    fields: list[tuple[str, int | None, str]] = [("title", None, row.get("title") or ""),
                                                 ("description", None, row.get("description") or "")]
    fields += [("measures", i, text) for i, text in enumerate(measures)]
    found: dict[int, list[tuple[str, int]]] = {}
    for word in words:
        for place, (_, _, text) in enumerate(fields):
            at = text.translate(ASCII_LOWER).find(word.translate(ASCII_LOWER))
            if at >= 0:
                found.setdefault(place, []).append((word, at))
                break
    out = []
    for place in sorted(found):
        name, index, text = fields[place]
        hits = found[place]
        out.append({"field": name, "measure": index, "words": [w for w, _ in hits],
                    **snippet(text, [(at, at + len(w)) for w, at in hits])})
    return out


def snippet(text: str, spans: list[tuple[int, int]], context: int = SNIPPET_CHARS) -> dict[str, Any]:
    """``text`` from ``context`` characters before the first match to as many after the last (``…``
    where cut, line breaks as spaces), and ``marks``: each match's [start, end) in the snippet."""
    start = max(0, min(s for s, _ in spans) - context)
    end = min(len(text), max(e for _, e in spans) + context)
    head = "…" if start > 0 else ""
    piece = head + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")
    shift = len(head) - start
    return {"snippet": piece, "marks": [[s + shift, e + shift] for s, e in sorted(spans)]}
