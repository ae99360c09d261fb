"""``analyze``: read the notices and problems ``batch --db`` wrote, write the analysis tables and views.

Stages: ``fingerprint`` (skip when nothing changed) → ``unit_rows`` (each notice's unit key and place
among that unit's notices) → ``problem_texts`` (wording and finding text of every problem) →
``wording_level`` and ``finding_level`` (cluster labels) → ``write`` (drop and create the analysis
objects, insert, aggregate, all in one transaction: a crash leaves the previous analysis or none).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from .schema import ANALYSIS_VERSION, COMMON_MIN_UNITS, OBJECTS, TABLES, VIEWS

if TYPE_CHECKING:
    import sqlite3

    from .cluster import F32, I64, Clusters

#: an ISO date as the notices table holds one: ``2024-09-18`` (``2023年X月26日`` is not one)
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}$")
#: the edit-distance ratio two finding texts of no known type need to be one finding
FINDING_THRESHOLD = 0.8
#: the longest finding text taken from a description when a problem has no title
MAX_FINDING_CHARS = 40


@dataclass
class Problems:
    """The problems of the database, in id order, with their texts and labels (parallel lists)."""

    ids: list[int] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    units: list[str | None] = field(default_factory=list)
    wording: list[str] = field(default_factory=list)
    finding: list[str] = field(default_factory=list)
    types: list[str | None] = field(default_factory=list)


def fingerprint(conn: sqlite3.Connection) -> str:
    """What the analysis was computed from: version, counts, last ids, last parse time."""
    row = conn.execute("SELECT (SELECT count(*) FROM notices), (SELECT max(parsed_at) FROM notices), "
                       "(SELECT count(*) FROM problems), (SELECT max(id) FROM problems)").fetchone()
    return f"{ANALYSIS_VERSION}:" + ":".join(str(v) for v in tuple(row))


def analysed(conn: sqlite3.Connection) -> str | None:
    """The fingerprint stored by the last analysis, or None when the database has none."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'analysis_meta'").fetchone():
        return None
    row = conn.execute("SELECT value FROM analysis_meta WHERE key = 'fingerprint'").fetchone()
    return None if row is None else str(row[0])


# ---------------------------------------------------------------- units


#: the ``notices`` columns a unit's history is built from
NOTICE_FIELDS = ("id", "start_date", "feedback_date", "end_date", "signed_date", "year", "target", "issuer",
                 "title", "round", "kind")


def notice_date(notice: dict[str, Any]) -> str:
    """The date a notice is ordered by: start, feedback, end or signing date, the first written in full; else the year."""
    for name in ("start_date", "feedback_date", "end_date", "signed_date"):
        if notice[name] and ISO_DATE.match(notice[name]):
            return str(notice[name])
    return str(notice["year"] or "")


def _marked(pattern: re.Pattern[str], notice: dict[str, Any]) -> int:
    """1 when the title, round or kind says so (``回头看``, ``专项``)."""
    return int(any(pattern.search(notice[name] or "") for name in ("title", "round", "kind")))


def unit_rows(conn: sqlite3.Connection) -> list[tuple[Any, ...]]:
    """``unit_notices`` rows: (notice_id, unit_key, position, date, lookback, special, previous_notice_id).
    A notice with neither target nor issuer is a unit of its own (``#id``)."""
    from .units import unit_key
    from .vocabulary import LOOKBACK, SPECIAL

    notices = [dict(zip(NOTICE_FIELDS, row)) for row in conn.execute(f"SELECT {', '.join(NOTICE_FIELDS)} FROM notices")]
    for notice in notices:
        notice["unit"] = unit_key(notice["target"], notice["issuer"]) or f"#{notice['id']}"
        notice["date"] = notice_date(notice)
    notices.sort(key=lambda n: (n["unit"], n["date"], n["id"]))
    out: list[tuple[Any, ...]] = []
    for before, notice in zip([None, *notices], notices):
        same = before is not None and before["unit"] == notice["unit"]
        notice["position"] = before["position"] + 1 if before is not None and same else 1
        out.append((notice["id"], notice["unit"], notice["position"], notice["date"], _marked(LOOKBACK, notice),
                    _marked(SPECIAL, notice), before["id"] if before is not None and same else None))
    return out


# ---------------------------------------------------------------- problems


def problem_texts(conn: sqlite3.Connection, units: dict[int, str]) -> Problems:
    """Every problem's wording (title and description without the unit's names) and finding text and type."""
    from .units import core

    found = Problems()
    sql = ("SELECT p.id, p.notice_id, p.title, p.description, n.target, n.issuer FROM problems p "
           "JOIN notices n ON n.id = p.notice_id ORDER BY p.id")
    for pid, nid, title, description, target, issuer in conn.execute(sql):
        unit = units.get(nid)
        add_problem(found, pid, title, description, unit, (target, issuer, unit, core(target or ""), core(issuer or "")))
    return found


def add_problem(found: Problems, pid: int, title: str | None, description: str | None, unit: str | None,
                names: tuple[str | None, ...] = ()) -> None:
    """Append one problem's texts and finding type to ``found``."""
    from .normalize import finding_text, finding_type, wording

    text = finding_text(wording(title or (description or "")[:MAX_FINDING_CHARS], None, names))
    found.ids.append(pid)
    found.titles.append(title or "")
    found.units.append(unit)
    found.wording.append(wording(title, description, names))
    found.finding.append(text)
    found.types.append(finding_type(text))


def title_levels(titles: list[str], units: list[str | None] | None = None) -> dict[str, Clusters]:
    """Both levels' clusters of bare titles (no database), each with its unit's name when given (left out
    of the wording, as ``analyze`` leaves out a notice's target and issuer): for labelled pairs."""
    from .units import core

    found = Problems()
    for i, title in enumerate(titles):
        unit = units[i] if units else None
        add_problem(found, i, title, None, unit, (unit, core(unit or "")))
    return {"wording": wording_level(found), "finding": finding_level(found)}


def wording_level(problems: Problems) -> Clusters:
    from .cluster import near_clusters

    return near_clusters(problems.wording)


def finding_level(problems: Problems) -> Clusters:
    """Problems of a known finding type form one cluster per type (``typed_clusters``); the others are
    clustered on their finding texts, near-identical ones together."""
    import numpy as np

    from .cluster import Clusters, near_clusters

    rep, sim = typed_clusters(problems)
    rest = np.flatnonzero(rep < 0)
    if len(rest):
        found = near_clusters([problems.finding[i] for i in rest], FINDING_THRESHOLD)
        rep[rest], sim[rest] = rest[found.representative], found.similarity
    return Clusters(rep, sim)


def typed_clusters(problems: Problems) -> tuple[I64, F32]:
    """For each problem of a known type, the member of its type closest to the type's canonical wording
    (the representative) and its ratio to it; -1 for the others."""
    import numpy as np
    from rapidfuzz.distance import Indel

    from .normalize import canonical_wording

    rep = np.full(len(problems.ids), -1, dtype=np.int64)
    sim = np.ones(len(problems.ids), dtype=np.float32)
    by_type: dict[str, list[int]] = {}
    for i, kind in enumerate(problems.types):
        if kind is not None:
            by_type.setdefault(kind, []).append(i)
    for kind, members in by_type.items():
        canon = canonical_wording(kind)
        head = max(members, key=lambda i: (Indel.normalized_similarity(problems.finding[i], canon), -i))
        rep[members] = head
        sim[members] = [Indel.normalized_similarity(problems.finding[i], problems.finding[head]) for i in members]
    return rep, sim


# ---------------------------------------------------------------- writing


def analyze(conn: sqlite3.Connection, force: bool = False) -> dict[str, Any]:
    """Add or refresh the analysis; ``{"changed": False}`` when the notices are as last analysed."""
    stamp = fingerprint(conn)
    if not force and analysed(conn) == stamp:
        return {"changed": False, **counts(conn)}
    units = unit_rows(conn)
    problems = problem_texts(conn, {row[0]: row[1] for row in units})
    levels = {"wording": wording_level(problems), "finding": finding_level(problems)}
    write(conn, stamp, units, problems, levels)
    return {"changed": True, **counts(conn)}


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Problems, clusters of each level with two members or more, units, and recurring pairs."""
    one = conn.execute
    return {"problems": one("SELECT count(*) FROM problem_cluster_members WHERE level = 'wording'").fetchone()[0],
            "wording_clusters": one("SELECT count(*) FROM problem_clusters WHERE level = 'wording' AND size > 1").fetchone()[0],
            "finding_clusters": one("SELECT count(*) FROM problem_clusters WHERE level = 'finding' AND size > 1").fetchone()[0],
            "units": one("SELECT count(DISTINCT unit_key) FROM unit_notices").fetchone()[0],
            "recurring": one("SELECT count(*) FROM recurring_problems WHERE level = 'finding'").fetchone()[0]}


def write(conn: sqlite3.Connection, stamp: str, units: list[tuple[Any, ...]], problems: Problems,
          levels: dict[str, Clusters]) -> None:
    """Replace the analysis objects in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for kind, name in OBJECTS:
            conn.execute(f"DROP {kind} IF EXISTS {name}")
        for statement in re.split(r";\s*\n", TABLES + VIEWS):  # executescript would commit first
            if statement.strip():
                conn.execute(statement)
        conn.executemany("INSERT INTO analysis_meta VALUES (?, ?)",
                         [("fingerprint", stamp), ("version", ANALYSIS_VERSION), ("common_min_units", COMMON_MIN_UNITS)])
        conn.executemany("INSERT INTO unit_notices VALUES (?, ?, ?, ?, ?, ?, ?)", units)
        first = 1
        for level, found in levels.items():
            first = _write_level(conn, level, found, problems, first)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _write_level(conn: sqlite3.Connection, level: str, found: Clusters, problems: Problems, first: int) -> int:
    """Members and clusters of one level; cluster ids from ``first``; the next free id."""
    reps = sorted(set(found.representative.tolist()))
    ids = {rep: first + k for k, rep in enumerate(reps)}
    conn.executemany("INSERT INTO problem_clusters (id, level, representative_id, representative, finding_type, "
                     "size, notices, units, bodies) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0)",
                     [(ids[r], level, problems.ids[r], problems.titles[r], problems.types[r] if level == "finding" else None)
                      for r in reps])
    conn.executemany("INSERT INTO problem_cluster_members VALUES (?, ?, ?, ?, ?)",
                     _member_rows(level, found, problems, ids))
    _aggregate(conn, first, first + len(reps))
    return first + len(reps)


def _member_rows(level: str, found: Clusters, problems: Problems, ids: dict[int, int]) -> Iterable[tuple[Any, ...]]:
    for i, (rep, sim) in enumerate(zip(found.representative.tolist(), found.similarity.tolist())):
        yield problems.ids[i], ids[rep], level, round(sim, 4), problems.units[i]


def _aggregate(conn: sqlite3.Connection, lo: int, hi: int) -> None:
    """Size, notices, units, bodies and years of the clusters with ids in [lo, hi)."""
    conn.execute("""
        UPDATE problem_clusters SET (size, notices, units, bodies, first_year, last_year) = (
            SELECT count(*), count(DISTINCT p.notice_id), count(DISTINCT m.unit_key), count(DISTINCT n.body),
                   min(n.year), max(n.year)
            FROM problem_cluster_members m JOIN problems p ON p.id = m.problem_id JOIN notices n ON n.id = p.notice_id
            WHERE m.cluster_id = problem_clusters.id)
        WHERE id >= ? AND id < ?""", (lo, hi))
