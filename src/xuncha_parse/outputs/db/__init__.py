"""The corpus database: notices in SQLite, incremental, crash-safe, upgradable, with full-text search.

Stages, one module each: ``schema`` (the tables, derived from ``outputs/columns.py``) →
``migrations`` (numbered upgrades on ``PRAGMA user_version``) → ``connect`` (``open_db``: check the
version, create or upgrade) → ``rows`` (pure functions of the Notice dict) → ``writer`` (whole
notices, a transaction per group) → ``sink`` (the runner's ``--db`` sink) → ``query`` (a query as
people type it) → ``search``.

The schema is described in docs/DATABASE.md; a test checks that both agree.
"""
from __future__ import annotations

from .connect import DatabaseError, has_fts, open_db
from .rows import Rows, notice_row, notice_rows, now, problem_row
from .schema import SCHEMA_VERSION, has_trigram
from .search import search
from .writer import Writer, store

__all__ = ["DatabaseError", "Rows", "SCHEMA_VERSION", "Writer", "has_fts", "has_trigram", "notice_row",
           "notice_rows", "now", "open_db", "problem_row", "search", "store"]
