"""Which files a batch reads: paths as given, folders walked, or a list of paths on stdin.

``expand`` keeps the order of the paths given and walks each folder depth first with names sorted,
so a batch's output order is the same on every run.  A folder entry that is not a notice file
(an unreadable folder, a FIFO) becomes a ``WalkIssue``: an error record or a warning.
"""
from __future__ import annotations

import os
import re
import stat
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

from .. import DEFAULT_GLOB

if TYPE_CHECKING:
    #: (device, inode) of files
    Identities = frozenset[tuple[int, int]]

__all__ = ["DEFAULT_GLOB", "WalkIssue", "expand", "matches", "paths_from_stdin", "printable_path", "walk"]


@dataclass(frozen=True, slots=True)
class WalkIssue:
    """A folder entry that is not a notice file: an error record (unreadable) or a warning (skipped)."""

    path: str
    message: str
    skip: bool


#: the surrogate escapes ``os.fsdecode`` makes of bytes that are not UTF-8 in a file name (GBK names from zips)
_SURROGATE = re.compile("[\udc80-\udcff]")


def printable_path(path: str) -> str:
    """A path that JSON, CSV and a terminal can carry: each undecodable name byte 0xXX as the text ``\\udcXX``.

    ``os.fsencode`` of the original gives back the bytes; this keeps them visible and lossless.
    """
    if _SURROGATE.search(path) is None:
        return path
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", path)


def expand(paths: Iterable[str | WalkIssue], glob: str, exclude: Identities = frozenset()) -> Iterator[str | WalkIssue]:
    """Files as given; folders walked recursively for ``glob`` in sorted order; order otherwise kept.

    ``exclude``: (device, inode) of files never to yield (the output being written).
    """
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        if isinstance(raw, WalkIssue):
            yield raw
        elif os.path.isdir(raw):
            yield from walk(raw, glob, seen, exclude)
        else:
            yield raw


def matches(name: str, glob: str) -> bool:
    """Does a file name match one of the space-separated patterns, in any case (``通报.PDF``)?"""
    from fnmatch import fnmatchcase

    lower = name.lower()
    return any(fnmatchcase(lower, pattern.lower()) for pattern in glob.split())


def walk(folder: str, glob: str, seen: set[tuple[int, int]] | None = None,
         exclude: Identities = frozenset()) -> Iterator[str | WalkIssue]:
    """Matching files below a folder, depth first, names sorted within each folder.

    Each real folder is walked once (``sub/up -> ..`` and symlink loops end there); file symlinks
    are followed; a folder that cannot be read is one WalkIssue; a matching entry that is not a
    regular file (a FIFO, a socket, a device) is a skipped WalkIssue.  Only one folder's names are
    held at a time, so memory does not grow with the size of the tree.
    """
    seen = set() if seen is None else seen
    try:
        entries = _entries(folder, seen)
    except OSError as e:
        yield WalkIssue(folder, f"cannot read folder: {e.strerror or e}", skip=False)
        return
    for name, kind, inode in entries:
        path = os.path.join(folder, name)
        if kind == "dir":
            yield from walk(path, glob, seen, exclude)
        elif not matches(name, glob) or _excluded(path, inode, exclude):
            continue
        elif kind in ("file", "broken"):
            yield path  # a broken link becomes an error record when read
        else:
            yield WalkIssue(path, f"not a regular file ({kind}); skipped", skip=True)


def _entries(folder: str, seen: set[tuple[int, int]]) -> list[tuple[str, str, int]]:
    """(name, kind, inode) of a folder's entries, sorted; none when the folder was walked already."""
    st = os.stat(folder)
    if (st.st_dev, st.st_ino) in seen:
        return []
    seen.add((st.st_dev, st.st_ino))
    with os.scandir(folder) as it:
        return sorted((e.name, _kind(e), e.inode()) for e in it)


def _kind(entry: os.DirEntry[str]) -> str:
    """``dir``, ``file``, ``broken`` (a link to nothing, or a loop) or the kind of special file."""
    try:
        if entry.is_dir():
            return "dir"
        if entry.is_file():
            return "file"
        if entry.is_symlink() and not os.path.exists(entry.path):
            return "broken"
        mode = entry.stat().st_mode
    except OSError:
        return "broken"
    return "fifo" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "device"


def _excluded(path: str, inode: int, exclude: Identities) -> bool:
    if not exclude or not any(inode == ino for _, ino in exclude):
        return False
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) in exclude


def paths_from_stdin(null: bool, exclude: Identities = frozenset()) -> Iterator[str | WalkIssue]:
    """Paths from stdin, exactly as written (only the line break, or NUL with -0, removed); a path
    that is an output being written becomes an error record instead of being read."""
    data = sys.stdin.buffer
    records = data.read().split(b"\0") if null else (line.rstrip(b"\r\n") for line in data)
    for raw in records:
        if not raw:
            continue
        path = os.fsdecode(raw)
        try:
            st = os.stat(path)
            mine = (st.st_dev, st.st_ino) in exclude
        except OSError:
            mine = False
        yield WalkIssue(path, "is the output file, not read", skip=False) if mine else path
