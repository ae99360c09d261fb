"""Read an analysed database: the problems nearest a text, a unit's history, cluster sizes for ``search``.

Pure functions of a connection (opened by the caller); only ``nearest`` needs the ``analysis`` extra.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite3

#: how many problems ``similar`` lists unless told
NEAREST = 10


class NotAnalysed(Exception):
    """The database has no analysis tables: ``xuncha analyze`` has not run on it."""


def has_analysis(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'problem_cluster_members'").fetchone() is not None


def require_analysis(conn: sqlite3.Connection, path: str) -> None:
    if not has_analysis(conn):
        raise NotAnalysed(f"has no analysis yet: run xuncha analyze {path}")


def cluster_sizes(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``search`` rows (with ``id``) given ``wording_cluster`` and ``finding_cluster``: the sizes of the
    problem's clusters (None before ``analyze``)."""
    sizes: dict[tuple[int, str], int] = {}
    if has_analysis(conn) and rows:
        ids = [row["id"] for row in rows]
        marks = ",".join("?" * len(ids))
        sql = (f"SELECT m.problem_id, m.level, c.size FROM problem_cluster_members m "
               f"JOIN problem_clusters c ON c.id = m.cluster_id WHERE m.problem_id IN ({marks})")
        sizes = {(pid, level): size for pid, level, size in conn.execute(sql, ids)}
    return [{**row, "wording_cluster": sizes.get((row["id"], "wording")),
             "finding_cluster": sizes.get((row["id"], "finding"))} for row in rows]


def nearest(conn: sqlite3.Connection, text: str, limit: int = NEAREST) -> list[dict[str, Any]]:
    """The ``limit`` problems nearest ``text``, best first: those of its finding type (when the database
    is analysed) before the others, each group by the edit-distance ratio of the finding texts."""
    import numpy as np
    from rapidfuzz.distance import Indel
    from rapidfuzz.process import cdist

    from .normalize import finding_text, finding_type, wording

    typed = has_analysis(conn)
    kind = ("(SELECT c.finding_type FROM problem_cluster_members m JOIN problem_clusters c ON c.id = m.cluster_id "
            "WHERE m.level = 'finding' AND m.problem_id = p.id)") if typed else "NULL"
    rows = [dict(r) for r in conn.execute(
        f"SELECT p.id, p.title, p.status, p.notice_id, n.title AS notice_title, n.path, n.body, n.target, n.year, "
        f"{kind} AS finding_type FROM problems p JOIN notices n ON n.id = p.notice_id ORDER BY p.id")]
    query = finding_text(wording(text))
    scores = cdist([query], [finding_text(wording(row["title"])) for row in rows], scorer=Indel.normalized_similarity,
                   dtype=np.float32)[0] if rows else np.empty(0, dtype=np.float32)
    wanted = finding_type(query)
    same = np.array([wanted is not None and row["finding_type"] == wanted for row in rows], dtype=bool)
    order = np.lexsort((np.arange(len(rows)), -scores, ~same))[:limit]
    chosen = [{**rows[i], "similarity": round(float(scores[i]), 4)} for i in order.tolist()]
    return cluster_sizes(conn, chosen)


def unit_list(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every unit: its key, notices, first and last date, look-back rounds."""
    return [dict(r) for r in conn.execute(
        "SELECT unit_key, count(*) AS notices, min(date) AS first, max(date) AS last, sum(lookback) AS lookbacks "
        "FROM unit_notices GROUP BY unit_key ORDER BY notices DESC, unit_key")]


def unit_history(conn: sqlite3.Connection, unit: str) -> list[dict[str, Any]]:
    """The notices of the units whose key holds ``unit`` (or its normalised key), in order, each with its
    problems' statuses and the problems found again in a later round."""
    from .units import unit_key

    keys = {unit, unit_key(unit, None) or unit}
    found = [dict(r) for r in conn.execute(
        "SELECT h.*, s.completed, s.in_progress, s.unknown FROM unit_history h "
        "JOIN status_counts s ON s.notice_id = h.notice_id "
        f"WHERE {' OR '.join('instr(h.unit_key, ?) > 0' for _ in keys)} ORDER BY h.unit_key, h.position", list(keys))]
    for row in found:
        row["recurring"] = [dict(r) for r in conn.execute(
            "SELECT later_notice_id, later_title, earlier_title, earlier_status, representative FROM recurring_problems "
            "WHERE level = 'finding' AND earlier_notice_id = ? ORDER BY later_position, later_problem_id",
            (row["notice_id"],))]
    return found


def recurring(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every problem found again in a later round of its unit (finding level), earlier completed ones first."""
    return [dict(r) for r in conn.execute(
        "SELECT r.*, n1.path AS earlier_path, n2.path AS later_path, n1.round AS earlier_round, n2.round AS later_round, "
        "n1.year AS earlier_year, n2.year AS later_year FROM recurring_problems r "
        "JOIN notices n1 ON n1.id = r.earlier_notice_id JOIN notices n2 ON n2.id = r.later_notice_id "
        "WHERE r.level = 'finding' ORDER BY r.earlier_status != 'completed', r.unit_key, r.later_position")]


def common(conn: sqlite3.Connection, scope: str) -> list[dict[str, Any]]:
    """The common problems of each body (or year) at the finding level, most units first."""
    return [dict(r) for r in conn.execute(
        "SELECT * FROM common_problems WHERE level = 'finding' AND scope = ? "
        "ORDER BY scope_value, units DESC, problems DESC", (scope,))]


def completion(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute("SELECT * FROM completion ORDER BY body, year, unit_key")]
