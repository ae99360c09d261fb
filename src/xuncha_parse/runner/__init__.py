"""The runner: everything about running many files, above ``outputs/`` and below ``cli``.

One module per job: ``paths`` (which files), ``read`` (one bounded pass that reads and hashes a
file), ``options`` (one object for every option), ``work`` (what a worker does with one input),
``pool`` (the worker processes, which never outlive the parent) and ``run`` (``Batch``: every
record to every sink).  The sinks themselves live in ``outputs/`` behind ``outputs.sink.Sink``;
``sinks`` opens the one the options ask for.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what ``__getattr__`` gives, for type checkers
    from .options import Options
    from .run import Batch, Totals, run_batch

__all__ = ["Batch", "Options", "Totals", "run_batch"]


def __getattr__(name: str) -> Any:
    """Import the pool and the sinks only when a batch runs: ``parse`` reads a file with ``runner.read``
    and must not pay for them."""
    if name == "Options":
        from .options import Options

        return Options
    if name in ("Batch", "Totals", "run_batch"):
        from . import run

        return getattr(run, name)
    raise AttributeError(name)
