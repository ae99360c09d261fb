"""The tables and views ``analyze`` adds to a database written by ``batch --db`` (docs/ANALYSIS.md).

They are dropped and written again, whole, in one transaction, whenever the notices changed; the
``batch --db`` tables are only read.
"""
from __future__ import annotations

#: bumped with every change below: a database analysed by another version is analysed again
ANALYSIS_VERSION = 2
#: a cluster is a common problem of a body or a year when it spans at least this many units
COMMON_MIN_UNITS = 2

#: the analysis objects, dropped before they are written again (views first: they read the tables)
OBJECTS = (("VIEW", "common_problems"), ("VIEW", "recurring_problems"), ("VIEW", "completion"),
           ("VIEW", "unit_history"), ("TABLE", "problem_cluster_members"), ("TABLE", "problem_clusters"),
           ("TABLE", "unit_notices"), ("TABLE", "analysis_meta"))

TABLES = """
CREATE TABLE analysis_meta (key TEXT PRIMARY KEY, value);

CREATE TABLE unit_notices (
    notice_id INTEGER PRIMARY KEY REFERENCES notices(id) ON DELETE CASCADE,
    unit_key TEXT NOT NULL,
    position INTEGER NOT NULL,
    date TEXT,
    lookback INTEGER NOT NULL,
    special INTEGER NOT NULL,
    previous_notice_id INTEGER
);
CREATE INDEX unit_notices_unit ON unit_notices(unit_key, position);

CREATE TABLE problem_clusters (
    id INTEGER PRIMARY KEY,
    level TEXT NOT NULL CHECK (level IN ('wording', 'finding')),
    representative_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    representative TEXT,
    finding_type TEXT,
    size INTEGER NOT NULL,
    notices INTEGER NOT NULL,
    units INTEGER NOT NULL,
    bodies INTEGER NOT NULL,
    first_year INTEGER,
    last_year INTEGER
);
CREATE INDEX problem_clusters_level ON problem_clusters(level, size);

CREATE TABLE problem_cluster_members (
    problem_id INTEGER NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    cluster_id INTEGER NOT NULL REFERENCES problem_clusters(id) ON DELETE CASCADE,
    level TEXT NOT NULL,
    similarity REAL NOT NULL,
    unit_key TEXT,
    PRIMARY KEY (level, problem_id)
);
CREATE INDEX problem_cluster_members_cluster ON problem_cluster_members(cluster_id, unit_key);
"""

VIEWS = f"""
CREATE VIEW unit_history AS
SELECT u.unit_key, u.position, u.date, u.lookback, u.special, u.previous_notice_id,
       n.id AS notice_id, n.title, n.issuer, n.target, n.body, n.round, n.kind, n.year, n.path,
       n.declared_problems, n.parsed_problems
FROM unit_notices u JOIN notices n ON n.id = u.notice_id;

CREATE VIEW common_problems AS
SELECT c.id AS cluster_id, c.level, c.representative, c.finding_type, 'body' AS scope, n.body AS scope_value,
       count(DISTINCT m.unit_key) AS units, count(*) AS problems
FROM problem_clusters c JOIN problem_cluster_members m ON m.cluster_id = c.id
JOIN problems p ON p.id = m.problem_id JOIN notices n ON n.id = p.notice_id
WHERE c.units >= {COMMON_MIN_UNITS} AND n.body IS NOT NULL GROUP BY c.id, n.body
HAVING count(DISTINCT m.unit_key) >= (SELECT value FROM analysis_meta WHERE key = 'common_min_units')
UNION ALL
SELECT c.id, c.level, c.representative, c.finding_type, 'round', n.round, count(DISTINCT m.unit_key), count(*)
FROM problem_clusters c JOIN problem_cluster_members m ON m.cluster_id = c.id
JOIN problems p ON p.id = m.problem_id JOIN notices n ON n.id = p.notice_id
WHERE c.units >= {COMMON_MIN_UNITS} AND n.round IS NOT NULL GROUP BY c.id, n.round
HAVING count(DISTINCT m.unit_key) >= (SELECT value FROM analysis_meta WHERE key = 'common_min_units')
UNION ALL
SELECT c.id, c.level, c.representative, c.finding_type, 'year', CAST(n.year AS TEXT),
       count(DISTINCT m.unit_key), count(*)
FROM problem_clusters c JOIN problem_cluster_members m ON m.cluster_id = c.id
JOIN problems p ON p.id = m.problem_id JOIN notices n ON n.id = p.notice_id
WHERE c.units >= {COMMON_MIN_UNITS} AND n.year IS NOT NULL GROUP BY c.id, n.year
HAVING count(DISTINCT m.unit_key) >= (SELECT value FROM analysis_meta WHERE key = 'common_min_units');

CREATE VIEW recurring_problems AS
SELECT m1.unit_key, m1.level, m1.cluster_id, c.representative, c.finding_type,
       u1.notice_id AS earlier_notice_id, u1.position AS earlier_position, u1.date AS earlier_date,
       p1.id AS earlier_problem_id, p1.title AS earlier_title, p1.status AS earlier_status,
       u2.notice_id AS later_notice_id, u2.position AS later_position, u2.date AS later_date, u2.lookback AS later_lookback,
       p2.id AS later_problem_id, p2.title AS later_title, p2.status AS later_status
FROM problem_cluster_members m1
JOIN problem_cluster_members m2 ON m2.cluster_id = m1.cluster_id AND m2.unit_key = m1.unit_key
JOIN problems p1 ON p1.id = m1.problem_id JOIN problems p2 ON p2.id = m2.problem_id
JOIN unit_notices u1 ON u1.notice_id = p1.notice_id
JOIN unit_notices u2 ON u2.notice_id = p2.notice_id AND u2.position > u1.position
JOIN problem_clusters c ON c.id = m1.cluster_id;

CREATE VIEW completion AS
SELECT n.body, u.unit_key, n.year, count(*) AS notices,
       sum(n.declared_problems) AS declared_problems, sum(s.problems) AS parsed_problems,
       sum(n.declared_completed) AS declared_completed, sum(s.completed) AS parsed_completed,
       avg(n.declared_completion_rate) AS stated_rate,
       CAST(sum(s.completed) AS REAL) / nullif(sum(s.problems), 0) AS parsed_rate
FROM notices n JOIN status_counts s ON s.notice_id = n.id LEFT JOIN unit_notices u ON u.notice_id = n.id
GROUP BY n.body, u.unit_key, n.year;
"""
