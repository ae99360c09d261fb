"""Reading an input file: one bounded pass that reads and hashes it.

The size limit (``--max-bytes``) applies before any read that could be unbounded: a regular file's
size is known from ``fstat`` before it is read, and it is read to that size and one byte more, so a
file that grows while it is read is refused, not followed; a stream (a character device such as
``/dev/zero``, stdin) is read in chunks and refused past the limit.  A file is opened without
blocking (opening a FIFO with no writer would wait forever); a batch refuses a FIFO or socket, since
reading one waits on another process, while ``parse <(…)`` reads one as a stream (``streams``).
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from ..corrections import Corrections

#: the default --max-bytes: a notice is tens of kilobytes; parsing takes about 15 times the input in memory
#: (and up to 400 times on text of nothing but headings), see docs/RELIABILITY.md
MAX_BYTES = 10 * 1024 * 1024
#: how much of a stream (a pipe, a device) is read at a time
READ_CHUNK = 1 << 20


class InputError(Exception):
    """A file that cannot be read as a notice (missing, a directory, a FIFO, growing, too big)."""


@dataclass(frozen=True, slots=True)
class Loaded:
    """A file's bytes and their sha256, read in one pass; with the corrections its review page shows."""

    path: str
    data: bytes
    sha256: str
    corrections: Corrections | None = None  # set by the batch for --review-dir with --corrections


def load(path: str, max_bytes: int = MAX_BYTES) -> Loaded:
    """The bytes of a notice file and their sha256, or InputError saying what is wrong with it."""
    import hashlib

    data = read_notice(path, max_bytes)
    return Loaded(path, data, hashlib.sha256(data).hexdigest())


def read_notice(path: str, max_bytes: int = MAX_BYTES, streams: bool = False) -> bytes:
    """The bytes of a notice file, or InputError saying what is wrong with it; a FIFO or socket is read
    as a stream only when ``streams``."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("broken symbolic link" if os.path.islink(path) else "no such file") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None
    try:
        with open(fd, "rb", buffering=0) as f:
            return _read_open(f, max_bytes, streams)
    except IsADirectoryError:
        raise InputError("is a directory, not a notice file") from None
    except BlockingIOError:
        raise InputError("not a regular file (no data ready); not read") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None


def _read_open(f: BinaryIO, max_bytes: int, streams: bool) -> bytes:
    mode = os.fstat(f.fileno()).st_mode
    if stat.S_ISDIR(mode):
        raise InputError("is a directory, not a notice file")
    if (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)) and not streams:
        raise InputError(f"not a regular file ({'FIFO' if stat.S_ISFIFO(mode) else 'socket'}); not read")
    if stat.S_ISREG(mode):
        return read_regular(f, max_bytes)
    os.set_blocking(f.fileno(), True)  # a device or a pipe: read as a stream, bounded (no writer: at its end)
    return read_bounded(f, max_bytes)


def read_regular(f: BinaryIO, max_bytes: int) -> bytes:
    """A regular file of the size ``fstat`` gave: refused when over the limit, or when it grows or
    shrinks while it is read (a download still being written)."""
    size = os.fstat(f.fileno()).st_size
    if size > max_bytes:
        raise InputError(_too_big(max_bytes))
    data = _read_exactly(f, size + 1)
    if len(data) != size:
        raise InputError(f"changed while it was read ({size} bytes when opened, {len(data)} read); not read")
    return data


def _read_exactly(f: BinaryIO, limit: int) -> bytes:
    """Up to ``limit`` bytes (fewer only at the end of the file)."""
    chunks, total = [], 0
    while total < limit and (chunk := f.read(limit - total)):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_bounded(f: BinaryIO, max_bytes: int) -> bytes:
    """All of a stream, or InputError past ``max_bytes`` (``/dev/zero`` ends here, not in MemoryError)."""
    try:
        st = os.fstat(f.fileno())
        if stat.S_ISREG(st.st_mode):
            return read_regular(f, max_bytes)
    except (OSError, ValueError, AttributeError):
        pass  # not a file (a test's stdin): read it as a stream
    chunks, total = [], 0
    while total <= max_bytes and (chunk := f.read(min(READ_CHUNK, max_bytes + 1 - total))):
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise InputError(_too_big(max_bytes))
    return b"".join(chunks)


def _too_big(max_bytes: int) -> str:
    return f"larger than the limit of {max_bytes} bytes (--max-bytes)"
