"""Notices for a corpus summary (``xuncha stats``): notice files parsed, JSONL and JSON records read."""
from __future__ import annotations

from typing import Any, Iterable, Iterator

from ..outputs.sink import Record
from .paths import WalkIssue, expand


def notices_from(paths: Iterable[str], glob: str, failures: list[str]) -> Iterator[dict[str, Any]]:
    """Every Notice dict: JSONL and JSON files read as records, other files parsed; failures noted as
    ``path<TAB>why`` and skipped."""
    for path in expand(paths, glob):
        if isinstance(path, WalkIssue):
            if not path.skip:
                failures.append(f"{path.path}\t{path.message}")
            continue
        if path.endswith((".jsonl", ".json")):
            yield from _records(path, failures)
            continue
        record = parsed(path)
        if record.error:
            failures.append(f"{path}\t{record.error}")
        else:
            yield record.notice()


def parsed(path: str) -> Record:
    """The record of one notice file: its notice, or the error record of why not."""
    from .options import Options
    from .read import InputError, load
    from .work import convert, failed

    try:
        outcome = convert(load(path), Options())
    except InputError as e:
        return failed(path, "InputError", str(e))
    assert isinstance(outcome, Record)  # a loaded file always gives a record
    return outcome


def _records(path: str, failures: list[str]) -> Iterator[dict[str, Any]]:
    """Notices of a JSONL file (or a JSON file of one Notice, or a list of them, as ``parse`` writes);
    error records and records that are not a whole Notice count as failures."""
    try:
        f = open(path, "rb")
    except OSError as e:
        failures.append(f"{path}\tcannot read: {e.strerror or e}")
        return
    with f:
        lines = enumerate(f, 1) if path.endswith(".jsonl") else [(1, f.read())]
        for number, line in lines:
            for record in _loaded(line):
                notice = _as_notice(record)
                if notice is not None:
                    yield notice
                elif isinstance(record, dict) and isinstance(record.get("error"), dict):
                    source = record.get("source")
                    where = (source.get("path") if isinstance(source, dict) else None) or f"{path}:{number}"
                    failures.append(f"{where}\t{record['error'].get('message')}")
                else:
                    failures.append(f"{path}:{number}\tnot a notice record")


def _loaded(line: bytes) -> list[Any]:
    import orjson

    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return [None]
    return record if isinstance(record, list) else [record]


def _as_notice(record: object) -> dict[str, Any] | None:
    """The record as a complete Notice dict (a hand-made record gets its defaults), or None."""
    from pydantic import ValidationError

    from ..outputs.models import Notice

    if not isinstance(record, dict) or "error" in record:
        return None
    try:
        return Notice.model_validate(record).model_dump(mode="json")
    except ValidationError:
        return None


def review_links(notices: list[dict[str, Any]], folder: str, base: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """source.path -> href (relative to the folder ``base``) of each notice's review page in ``folder``,
    the page written when missing; and (path, why) for each page that could not be written."""
    import os

    from ..outputs.pages import review_filename

    links: dict[str, str] = {}
    problems: list[tuple[str, str]] = []
    for notice in notices:
        path = notice["source"]["path"]
        target = os.path.join(folder, review_filename(path, notice["source"]["sha256"]))
        if path and not os.path.exists(target) and os.path.isfile(path):
            target = _write_review(folder, path, problems) or target
        if path and os.path.exists(target):
            links[path] = os.path.relpath(target, base).replace(os.sep, "/")
    return links, problems


def _write_review(folder: str, path: str, problems: list[tuple[str, str]]) -> str | None:
    """Parse ``path`` once and write its review page into ``folder``; its path, or None (and a problem)."""
    from ..outputs.pages import write_page
    from .options import Options
    from .read import InputError, load
    from .work import convert

    try:
        record = convert(load(path), Options(review=True))
        if not isinstance(record, Record) or record.error or record.review is None or record.sha256 is None:
            raise ValueError(getattr(record, "error", None) or "not a notice")
        return write_page(folder, path, record.sha256, record.review)
    except (InputError, ValueError, OSError) as e:
        problems.append((path, f"no review page: {e}"))
        return None
