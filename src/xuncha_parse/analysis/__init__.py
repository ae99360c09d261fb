"""Findings across a corpus: near-duplicate wording, finding types, units across rounds (issue 24).

Stages, each a module with one job: ``normalize`` (a problem's wording, and its finding text and type,
from ``vocabulary``'s data) → ``minhash`` (character-bigram signatures and LSH band keys) → ``cluster``
(candidate pairs verified by an edit-distance ratio, joined without chaining) → ``store`` (the tables
and views of ``schema`` that ``analyze`` writes, in one transaction; ``units`` gives each notice's unit
key). Reading: ``queries`` (similar, unit history, cluster sizes), ``sections`` (the report's HTML).
``commands`` holds the click commands; ``synth`` makes the benchmark's corpora. Nothing here is imported
by ``parse``, ``batch`` or ``xuncha --help``; numpy and rapidfuzz are imported only inside the functions
that need them (the ``analysis`` extra).
"""
from __future__ import annotations

#: the pip command that installs what ``analyze`` needs, named when it is missing
INSTALL_HINT = "pip install 'xuncha[analysis]'"


class AnalysisUnavailable(Exception):
    """numpy or rapidfuzz is missing: the message names the pip command."""


def require() -> None:
    """Raise AnalysisUnavailable when the ``analysis`` extra is not installed."""
    import importlib.util

    missing = [name for name in ("numpy", "rapidfuzz") if importlib.util.find_spec(name) is None]
    if missing:
        raise AnalysisUnavailable(f"needs {', '.join(missing)}: {INSTALL_HINT}")
