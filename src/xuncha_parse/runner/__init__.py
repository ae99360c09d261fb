"""The runner: everything about running many files, above ``outputs/`` and below ``cli``.

One module per job: ``paths`` (which files), ``read`` (one bounded pass that reads and hashes a
file), ``options`` (one object for every option), ``work`` (what a worker does with one input),
``pool`` (the worker processes, which never outlive the parent) and ``run`` (``Batch``: every
record to every sink).  The sinks themselves live in ``outputs/`` behind ``outputs.sink.Sink``;
``sinks`` opens the one the options ask for.
"""
from __future__ import annotations

from .options import Options
from .run import Batch, Totals, run_batch

__all__ = ["Batch", "Options", "Totals", "run_batch"]
