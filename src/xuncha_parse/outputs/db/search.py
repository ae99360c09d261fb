"""Searching the database: problems whose text contains a query, through the trigram index or LIKE."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .connect import has_fts

if TYPE_CHECKING:
    import sqlite3

#: shortest query the trigram index can answer; shorter ones fall back to LIKE
TRIGRAM_MIN_CHARS = 3

SEARCH_COLUMNS = """p.id, n.path, n.title AS notice_title, n.body, n.target, n.year,
       p.position, p.number, p.marker, p.category, p.title, p.description, p.status"""


def like_pattern(query: str) -> str:
    """``%query%`` with LIKE's wildcards escaped (``\\`` is the escape character)."""
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(query: str) -> str:
    """The query as one FTS5 phrase: with trigrams, a phrase matches it as a substring."""
    return '"' + query.replace('"', '""') + '"'


def _text_filter(conn: sqlite3.Connection, query: str) -> tuple[str, list[Any]]:
    """The WHERE clause that matches problems by text: the trigram index, or LIKE when it cannot answer."""
    if len(query) >= TRIGRAM_MIN_CHARS and has_fts(conn):
        return "p.id IN (SELECT rowid FROM problems_fts WHERE problems_fts MATCH ?)", [fts_phrase(query)]
    like = like_pattern(query)
    clause = ("(p.title LIKE ? ESCAPE '\\' OR p.description LIKE ? ESCAPE '\\' OR EXISTS "
              "(SELECT 1 FROM measures m WHERE m.problem_id = p.id AND m.text LIKE ? ESCAPE '\\'))")
    return clause, [like, like, like]


def search(conn: sqlite3.Connection, query: str, status: str | None = None, year: int | None = None,
           body: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Problems whose title, description or measures contain ``query`` (3+ characters use the
    trigram index; ASCII letters match case-insensitively), with their notice, in path order."""
    clause, params = _text_filter(conn, query)
    where = [clause]
    if status:
        where.append("p.status = ?")
        params.append(status)
    if year is not None:
        where.append("n.year = ?")
        params.append(year)
    if body:
        where.append("n.body LIKE ? ESCAPE '\\'")
        params.append(like_pattern(body))
    sql = (f"SELECT {SEARCH_COLUMNS} FROM problems p JOIN notices n ON n.id = p.notice_id "
           f"WHERE {' AND '.join(where)} ORDER BY n.path, p.position")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return [dict(row) for row in conn.execute(sql, params)]
