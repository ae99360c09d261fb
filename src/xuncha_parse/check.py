"""Compare a notice's output with a checked one, field by field: ``xuncha check``.

Analysts keep a folder of notices with outputs a person has checked; after an upgrade they ask
whether the new version still gives the same answers.  ``differences(expected, actual)`` walks both
JSON values together and returns every leaf that differs, named by its path in the contract
(``inspection.target``, ``problems[3].status``).  Lists are compared item by item, and a list of
another length says so once.  Paths can be left out (``--ignore``) or chosen (``--only``), with
``*`` for any key, ``[*]`` for any item and ``**`` for any depth; a path names its whole subtree.  Pure: no I/O.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

#: a path's segments: a key of an object, or an index of a list
Segment = str | int
Path = tuple[Segment, ...]

#: left out of every comparison: where the file lies and the extracted text are not answers
ALWAYS_IGNORED = ("source.path", "source.text")

#: what the project's scorer (score.py) judges: the answers, not their offsets or diagnostics
SCORED = (
    "kind", "title", "issuer", "inspection.body", "inspection.target", "inspection.kind", "inspection.round",
    "inspection.start.iso", "inspection.end.iso", "inspection.feedback.iso", "declared",
    "problems[*].title", "problems[*].category", "problems[*].status", "contacts[*].type",
    "contacts[*].normalized", "signature.org", "signature.date.iso",
)

#: one segment of a path pattern: ``name``, ``*`` (any key), ``**`` (any depth), ``[3]`` or ``[*]`` (any item):
#: ``problems[*].status``, ``**.span``
_SEGMENT = re.compile(r"\[(\d+|\*)\]|([^.\[\]]+)")
_MISSING = object()


@dataclass(frozen=True, slots=True)
class Difference:
    """One leaf that differs: where, what the checked file says, what xuncha gives now."""

    path: str
    expected: Any
    actual: Any

    def as_dict(self) -> dict[str, Any]:
        return {"path": self.path, "expected": self.expected, "actual": self.actual}


def parse_pattern(pattern: str) -> tuple[str | int, ...]:
    """``problems[*].status`` -> ("problems", "[*]", "status"); an index stays an int."""
    segments: list[str | int] = []
    for match in _SEGMENT.finditer(pattern):
        index, key = match.groups()
        segments.append(key if index is None else "[*]" if index == "*" else int(index))
    return tuple(segments)


def format_path(path: Path) -> str:
    """("problems", 3, "status") -> ``problems[3].status``."""
    out = ""
    for segment in path:
        out += f"[{segment}]" if isinstance(segment, int) else f".{segment}" if out else segment
    return out


def _segment_matches(want: str | int, got: Segment) -> bool:
    if want == "[*]":
        return isinstance(got, int)
    if want == "*":
        return isinstance(got, str)
    return want == got


def _covers(pattern: tuple[str | int, ...], path: Path) -> bool:
    """The pattern names the path or one of its ancestors (a pattern covers its subtree)."""
    if not pattern:
        return True
    if pattern[0] == "**":
        return any(_covers(pattern[1:], path[i:]) for i in range(len(path) + 1))
    return bool(path) and _segment_matches(pattern[0], path[0]) and _covers(pattern[1:], path[1:])


def _leads_to(pattern: tuple[str | int, ...], path: Path) -> bool:
    """The path is an ancestor of what the pattern names (walking it can reach the pattern)."""
    if not path:
        return bool(pattern)
    if not pattern:
        return False
    if pattern[0] == "**":
        return True
    return _segment_matches(pattern[0], path[0]) and _leads_to(pattern[1:], path[1:])


class Selection:
    """Which paths are compared: all but the ignored ones, or, with ``only``, just those named."""

    def __init__(self, ignore: Iterable[str] = (), only: Iterable[str] | None = None):
        self.ignore = [parse_pattern(p) for p in (*ALWAYS_IGNORED, *ignore)]
        self.only = None if only is None else [parse_pattern(p) for p in only]

    def skips(self, path: Path) -> bool:
        """Nothing at or below this path is compared."""
        if any(_covers(p, path) for p in self.ignore):
            return True
        return self.only is not None and not any(_covers(p, path) or _leads_to(p, path) for p in self.only)

    def reports(self, path: Path, expected: Any, actual: Any) -> bool:
        """A leaf that differs here is reported: it is chosen, or it stands where chosen fields would be
        (an object become null)."""
        if self.only is None or any(_covers(p, path) for p in self.only):
            return True
        return any(isinstance(v, (dict, list)) for v in (expected, actual))


def differences(expected: Any, actual: Any, selection: Selection | None = None) -> list[Difference]:
    """Every difference between two JSON values, in document order."""
    out: list[Difference] = []
    _walk(expected, actual, (), selection or Selection(), out)
    return out


def _walk(expected: Any, actual: Any, path: Path, selection: Selection, out: list[Difference]) -> None:
    if selection.skips(path):
        return
    if isinstance(expected, dict) and isinstance(actual, dict):
        _walk_objects(expected, actual, path, selection, out)
    elif isinstance(expected, list) and isinstance(actual, list):
        _walk_lists(expected, actual, path, selection, out)
    elif not _same(expected, actual) and selection.reports(path, expected, actual):
        out.append(Difference(format_path(path), _shown(expected), _shown(actual)))


def _walk_objects(expected: dict[str, Any], actual: dict[str, Any], path: Path, selection: Selection,
                  out: list[Difference]) -> None:
    keys = list(expected) + [k for k in actual if k not in expected]
    for key in keys:
        _walk(expected.get(key, _MISSING), actual.get(key, _MISSING), (*path, key), selection, out)


def _walk_lists(expected: list[Any], actual: list[Any], path: Path, selection: Selection,
                out: list[Difference]) -> None:
    if len(expected) != len(actual):
        out.append(Difference(format_path(path) + ".length", len(expected), len(actual)))
    for index in range(max(len(expected), len(actual))):
        left = expected[index] if index < len(expected) else _MISSING
        right = actual[index] if index < len(actual) else _MISSING
        _walk(left, right, (*path, index), selection, out)


def _same(expected: Any, actual: Any) -> bool:
    """Equal as JSON: 1 and 1.0 are one number, True is not 1."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    return bool(expected == actual)


def _shown(value: Any) -> Any:
    """A value for the report: an absent key is shown as such, not as null."""
    return "(absent)" if value is _MISSING else value
