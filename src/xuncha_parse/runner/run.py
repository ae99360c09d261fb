"""Running a batch: inputs in, every record to every sink, counts out.

``Batch`` joins the stages: paths expanded (``paths``) → each file read and hashed once, and
skipped when a sink has it already (``read``) → parsed in workers (``pool``, ``work``) → each
record added to every sink, in input order.  Every option applies to every sink, since the sinks
only ever see records.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Iterable, Iterator

from ..outputs.sink import Record
from . import pool
from .paths import WalkIssue, expand, printable_path
from .read import InputError, Loaded, load
from .work import Note, corrected, failed, of_walk

if TYPE_CHECKING:
    from ..corrections import Corrections
    from ..outputs.i18n import Catalogue
    from ..outputs.sink import Sink
    from .options import Options
    from .work import Item, Outcome


@dataclass
class Totals:
    """What a batch did: notices parsed, their problems, files skipped as stored already, failures."""

    notices: int = 0
    problems: int = 0
    unchanged: int = 0
    failed: int = 0
    lost: bool = False  # a worker process died during the run
    errors: list[tuple[str, str]] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)  # notices parsed, per ``kind``
    needs_review: int = 0  # notices parsed that a person should look at

    def count(self, outcome: Outcome) -> None:
        if isinstance(outcome, Note):
            self.lost |= outcome.worker_lost
        elif outcome.error is None:
            self.notices += 1
            self.problems += outcome.problems
            self.kinds[outcome.kind or "other"] += 1
            self.needs_review += outcome.needs_review
        else:
            self.failed += 1
            self.errors.append((outcome.path, outcome.error))

    def line(self, t: Catalogue, unchanged: bool = False) -> str:
        """``notices=5 problems=87 failed=0 rectification=4 announcement=1 needs_review=2`` (in Chinese
        ``通报=5 问题=87 失败=0 整改进展通报=4 巡察公告=1 需人工查看=2``): the kinds present, in the
        contract's order, then how many notices need a person's look; the words from the catalogue ``t``."""
        from ..outputs.stats import in_kind_order

        skipped = t("cli.summary.unchanged", n=self.unchanged) if unchanged else ""
        kinds = "".join(t("cli.summary.kind", kind=kind if t.lang == "en" else t.code("kind", kind), n=n)
                        for kind, n in in_kind_order(self.kinds).items())
        return t("cli.summary", notices=self.notices, problems=self.problems, unchanged=skipped, failed=self.failed,
                 kinds=kinds, review=self.needs_review)


class Batch:
    """One run over ``names`` (paths, folders, WalkIssues) into ``sinks`` with ``options``.

    Iterating it yields each outcome once every sink has it: a ``Record`` (a notice or an error
    record) or a ``Note`` (a warning for stderr).  ``close`` closes every sink; the caller calls it
    whatever stopped the loop, with ``complete`` False when the run stopped early.
    """

    def __init__(self, names: Iterable[str | WalkIssue], options: Options, sinks: list[Sink],
                 corrections: Corrections | None = None):
        self.options, self.sinks = options, sinks
        self.corrections = corrections  # applied here, in the parent, so workers never carry them
        self.totals = Totals()
        exclude = frozenset().union(*(s.identity() for s in sinks))
        self.names = expand(names, options.glob, exclude)
        self.outcomes = pool.run(self._items(), options, beside=any(s.beside for s in sinks))

    def __iter__(self) -> Iterator[Outcome]:
        for outcome in self.outcomes:
            if isinstance(outcome, Record) and self.corrections:
                outcome, notes = corrected(outcome, self.corrections)
                yield from notes
            if isinstance(outcome, Record):
                for sink in self.sinks:
                    sink.add(outcome)
            self.totals.count(outcome)
            yield outcome

    def _items(self) -> Iterator[Item]:
        """Each input read and hashed once; those a sink has already are counted, not parsed."""
        for name in self.names:
            if isinstance(name, WalkIssue):
                yield of_walk(name)
                continue
            try:
                loaded = load(name, self.options.max_bytes)
            except InputError as e:
                yield failed(name, "InputError", str(e))
                continue
            corrects = loaded.sha256 in (self.corrections or ())  # stored, maybe without its corrections
            if not corrects and any(sink.known(loaded.sha256) for sink in self.sinks):
                self.totals.unchanged += 1
                continue
            yield self._for_review(loaded)

    def _for_review(self, loaded: Loaded) -> Loaded:
        """The file with the corrections its review page shows (applied to the record here, in the parent)."""
        if not (self.options.review and self.corrections):
            return loaded
        mine = self.corrections.for_file(loaded.sha256, printable_path(loaded.path))
        return replace(loaded, corrections=mine) if mine else loaded

    def stop(self) -> None:
        """End the workers now (Ctrl-C, --fail-fast), not at exit."""
        close = getattr(self.outcomes, "close", None)
        if close is not None:
            close()

    def close(self, complete: bool) -> None:
        """Close every sink, the first failure raised once all are closed."""
        self.stop()
        error: BaseException | None = None
        for sink in self.sinks:
            try:
                sink.close(complete)
            except Exception as e:  # each sink must get its close
                error = error or e
        if error is not None:
            raise error


def run_batch(names: Iterable[str], options: Options, sinks: list[Sink]) -> Totals:
    """The library's entry point: run a batch to the end, close the sinks, return the counts."""
    batch = Batch(names, options, sinks)
    complete = False
    try:
        for _ in batch:
            pass
        complete = True
    finally:
        batch.close(complete)
    return batch.totals
