"""``xuncha check``: each notice's output now against a checked JSON file, field by field.

The comparison is the library's (``check.differences``, pure); this module only finds the files,
reads them, calls it and prints.  Imported by ``cli`` at start-up, so it imports click alone at the top.
"""
from __future__ import annotations

import os
import sys
from typing import Any

import click

from . import DEFAULT_GLOB
from .clitools import cannot_write, emit, say, words


@click.command()
@click.argument("notices", nargs=-1, required=True, type=click.Path())
@click.option("--expected", "expected", required=True, type=click.Path(file_okay=False))
@click.option("--update", is_flag=True)
@click.option("--ignore", multiple=True, metavar="PATH")
@click.option("--only", multiple=True, metavar="PATH")
@click.option("--scored", is_flag=True)
@click.option("--glob", default=DEFAULT_GLOB, show_default=True)
@click.option("--json", "as_json", is_flag=True)
def check(notices: tuple[str, ...], expected: str, update: bool, ignore: tuple[str, ...], only: tuple[str, ...],
          scored: bool, glob: str, as_json: bool) -> None:
    """Compare each notice's output now with a checked JSON file in EXPECTED; exit 1 on any difference.
    With --update, write the current outputs there instead (review them before you commit them)."""
    from .check import SCORED, Selection

    pairs = _expected_pairs(notices, expected, glob)
    if update:
        sys.exit(_update_expected(pairs))
    selection = Selection(ignore, (*only, *SCORED) if scored else (only or None))
    sys.exit(max((_check_one(path, target, selection, as_json) for path, target in pairs), default=0))


def _expected_pairs(notices: tuple[str, ...], folder: str, glob: str) -> list[tuple[str, str]]:
    """(notice file, its expected file) for every notice named or found in a named folder; two notices
    with one stem would share an expected file: a usage error."""
    from .runner.paths import WalkIssue, expand

    pairs: dict[str, tuple[str, str]] = {}
    for item in expand(notices, glob):
        if isinstance(item, WalkIssue):
            say(item.path, item.message)
            continue
        stem = os.path.splitext(os.path.basename(item))[0]
        if stem in pairs:
            raise click.UsageError(words("check.shared", first=pairs[stem][0], second=item, stem=stem))
        pairs[stem] = (item, os.path.join(folder, stem + ".json"))
    if not pairs:
        raise click.UsageError(words("cli.no_match"))
    return list(pairs.values())


def _printable(path: str) -> str:
    from .runner.paths import printable_path

    return printable_path(path)


def _current(path: str) -> Any:
    """The notice's output now, as JSON values (what a checked file holds); None when it cannot be read."""
    import orjson

    from .api import bytes_to_dict
    from .decode import DecodeError
    from .runner.read import InputError, read_notice

    try:
        return orjson.loads(orjson.dumps(bytes_to_dict(read_notice(path), path)))
    except (InputError, DecodeError) as e:
        say(path, str(e))
        return None


def _update_expected(pairs: list[tuple[str, str]]) -> int:
    import orjson

    _make_folder(os.path.dirname(pairs[0][1]) or ".")
    failed = 0
    for path, target in pairs:
        notice = _current(path)
        if notice is None:
            failed = 1
            continue
        emit(orjson.dumps(notice, option=orjson.OPT_INDENT_2) + b"\n", target)
    done = words("check.wrote", n=len(pairs)) if not failed else words("check.unread")
    click.echo(f"xuncha: {done}", err=True)
    return failed


def _make_folder(folder: str) -> None:
    """The expected folder, made when missing; one that cannot be made is a write failure (exit 3)."""
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as e:
        cannot_write(folder, e)


def _check_one(path: str, target: str, selection: Any, as_json: bool) -> int:
    """Print the notice's differences from its expected file; 1 when there are any."""
    import orjson

    from .check import differences

    notice = _current(path)
    if notice is None:
        return 1
    try:
        with open(target, "rb") as f:
            expected = orjson.loads(f.read())
    except (OSError, orjson.JSONDecodeError) as e:
        say(path, words("check.no_expected", target=target, why=getattr(e, "strerror", None) or e))
        return 1
    found = differences(expected, notice, selection)
    _print_differences(_printable(path), found, as_json)
    return 1 if found else 0


def _print_differences(path: str, found: list[Any], as_json: bool) -> None:
    import orjson

    if as_json:
        for difference in found:
            click.echo(orjson.dumps({"file": path, **difference.as_dict()}).decode())
        return
    if not found:
        click.echo(f"{path}: {words('check.same')}")
        return
    click.echo(f"{path}: {words('check.differences', n=len(found))}")
    said = (words("check.expected"), words("check.now"))
    for difference in found:
        expected, now = (orjson.dumps(v).decode() for v in (difference.expected, difference.actual))
        click.echo(f"  {difference.path}\n    {said[0]} {expected}\n    {said[1]} {now}")
