"""The options of a batch, one object for every sink: what the workers need and what the parent does."""
from __future__ import annotations

from dataclasses import dataclass

from .. import DEFAULT_GLOB
from .read import MAX_BYTES


@dataclass(frozen=True, slots=True)
class Options:
    """Everything ``batch`` can be told, whichever sinks it writes to.

    The worker reads ``keywords`` and ``review`` (picklable, sent with each chunk); the parent reads
    the rest.  ``review`` is set when a review-page sink is open: the worker then renders each page
    from the text it parsed.
    """

    jobs: int = 1
    glob: str = DEFAULT_GLOB
    max_bytes: int = MAX_BYTES
    keywords: bool = False
    review: bool = False
    fail_fast: bool = False
