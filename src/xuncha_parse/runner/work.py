"""What a worker does with one input: parse its bytes into a record, and render its review page.

The parent has already read and hashed the file (``read.load``); a worker gets the bytes, or an
input that already failed, and returns a ``Record`` (or a ``Note`` for a skipped folder entry).
Any failure becomes an error record, so one bad file never stops a batch.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Union

from ..outputs.sink import Record
from .paths import WalkIssue, printable_path
from .read import InputError, Loaded

if TYPE_CHECKING:
    from ..corrections import Corrections
    from ..shapes import NoticeDict
    from .options import Options


@dataclass(frozen=True, slots=True)
class Note:
    """A line for stderr that is no record: a skipped folder entry, a lost worker."""

    path: str
    message: str
    worker_lost: bool = False


#: what a worker is given: bytes to parse, or an input that already failed or was skipped
Item = Union[Loaded, Record, Note]
#: what a worker returns
Outcome = Union[Record, Note]


class ReviewError(ValueError):
    """A notice whose spans index a text the review page cannot have."""


def failed(path: str, kind: str, message: str) -> Record:
    """The error record of an input that could not be turned into a notice."""
    import orjson

    record = {"source": {"path": printable_path(path)}, "error": {"type": kind, "message": message}}
    return Record(path, orjson.dumps(record, option=orjson.OPT_APPEND_NEWLINE), 0, message)


def of_walk(issue: WalkIssue) -> Item:
    """A folder entry that is not a notice file: a warning when skipped, else an error record."""
    if issue.skip:
        return Note(issue.path, issue.message)
    return failed(issue.path, "InputError", issue.message)


def convert(item: Item, options: Options) -> Outcome:
    """Parse one input into its record; any failure becomes an error record."""
    from ..decode import DecodeError

    if not isinstance(item, Loaded):
        return item
    try:
        notice, page = parse(item, options)
    except (InputError, DecodeError, ReviewError) as e:
        return failed(item.path, type(e).__name__, str(e))
    except Exception as e:  # a parser bug must not cost the other files
        return failed(item.path, type(e).__name__, f"internal error: {e}")
    return _record(item, notice, page)


def _record(item: Loaded, notice: NoticeDict, page: str | None) -> Record:
    import orjson

    data = orjson.dumps(notice, option=orjson.OPT_APPEND_NEWLINE)
    return Record(item.path, data, len(notice["problems"]), None, page, item.sha256, notice["kind"],
                  notice["needs_review"])


def parse(item: Loaded, options: Options) -> tuple[NoticeDict, str | None]:
    """The notice of one file, and its review page when ``options.review`` (from the same parse)."""
    if not options.review:
        notice = notice_of(item.data, printable_path(item.path))
        _annotate(notice, options)
        return notice, None
    notice, text = notice_and_text(item.data, printable_path(item.path))
    _annotate(notice, options)
    from ..outputs.review import render_review

    return notice, render_review(_as_corrected(notice, item), text)


def _as_corrected(notice: NoticeDict, item: Loaded) -> dict[str, Any]:
    """The notice as its review page shows it: a copy with the file's corrections applied, as the parent
    applies them to the record (``corrected``)."""
    if not item.corrections:
        return dict(notice)
    import orjson

    from ..corrections import apply

    shown: dict[str, Any] = orjson.loads(orjson.dumps(notice))
    apply(shown, item.corrections)
    return shown


def notice_of(data: bytes, path: str | None, with_text: bool = False) -> NoticeDict:
    from ..api import bytes_to_dict

    return bytes_to_dict(data, path, with_text)


def _annotate(notice: Any, options: Options) -> None:
    if options.keywords:
        from ..enrich.keywords import annotate

        annotate(notice)


def notice_and_text(data: bytes, path: str | None) -> tuple[NoticeDict, str]:
    """Parse a notice's bytes, with the text its spans index (the reader's extracted text, for HTML, PDF
    and Word input).  Raises DecodeError for bad input."""
    notice = notice_of(data, path, with_text=True)
    text = notice["source"]["text"]
    if text is None:
        raise ReviewError("the extracted text is missing (source.text), so spans cannot be shown")
    notice["source"]["text"] = None  # the page shows the text once, in its own pane
    return notice, text


def corrected(record: Record, corrections: Corrections) -> tuple[Record, list[Note]]:
    """A notice's record with its corrections applied (``--corrections``), and a note for each refused."""
    import orjson

    from ..corrections import apply

    if record.error is not None:
        return record, []
    notice = record.notice()
    done = apply(notice, corrections)
    if not done.applied and not done.refused:
        return record, []
    data = orjson.dumps(notice, option=orjson.OPT_APPEND_NEWLINE)
    notes = [Note(record.path, message) for message in done.refused]
    return replace(record, data=data, problems=len(notice["problems"]), kind=notice["kind"],
                   needs_review=notice["needs_review"]), notes


def convert_many(items: list[Item], options: Options) -> list[Outcome]:
    """A chunk of inputs, converted in a worker."""
    return [convert(item, options) for item in items]
