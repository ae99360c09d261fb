"""What every output of a batch is: a ``Sink`` that is opened, takes records one at a time, and is closed.

The runner (``xuncha_parse.runner``) drives the sinks; a sink only writes.  ``Record`` is what it
is given: one input file's result, a notice or an error record, in the form the worker made it.
``OutputFile`` is the one way a sink writes a file: whole records, through a temporary file
renamed onto the output when it is closed.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Any


@dataclass(slots=True)
class Record:
    """One input file's result: the notice's JSON line (OUTPUT.md), or an error record's JSON line."""

    path: str
    #: one JSON line, ended by a newline: the Notice, or ``{"source": {"path"}, "error": {...}}``
    data: bytes
    problems: int = 0
    #: what went wrong (the error record's message), None for a notice
    error: str | None = None
    #: the review page of the notice, made by the worker from the text it parsed (``--review-dir``)
    review: str | None = None
    sha256: str | None = None
    #: the notice's ``kind`` and ``needs_review``, for the batch's summary line (None for an error record)
    kind: str | None = None
    needs_review: bool = False

    def notice(self) -> dict[str, Any]:
        """The notice as a dict (decoded from ``data``)."""
        import orjson

        notice: dict[str, Any] = orjson.loads(self.data)
        return notice


class Sink:
    """Opened by its constructor; ``add`` one record at a time; ``close`` once, ``complete`` False when
    the run stopped early (Ctrl-C, --fail-fast, a write error), so the sink keeps what is whole."""

    #: what errors and the summary call it: a path, or ``-``
    name = "-"
    #: parse in worker processes beside this sink even at ``-j 1``, since adding a record costs much
    beside = False
    #: the summary counts the files this sink ``known`` skipped
    counts_unchanged = False

    def known(self, sha256: str) -> bool:
        """True when a file with these bytes need not be parsed (it is stored already)."""
        return False

    def add(self, record: Record) -> None:
        raise NotImplementedError

    def close(self, complete: bool) -> None:
        """Finish the output; called once, whatever stopped the run."""

    def identity(self) -> frozenset[tuple[int, int]]:
        """(device, inode) of the files this sink writes, for the walk to leave out."""
        return frozenset()


class WriteError(Exception):
    """Output could not be written (a missing or read-only folder, a full disk)."""


class PipeClosed(WriteError):
    """The reader of the pipe went away (``xuncha batch | head -1``): not a failure, the reader is done."""


#: how a file shows that xuncha wrote it, by its first bytes once a UTF-8 BOM and ASCII blanks are
#: taken out: JSON or JSONL of a notice (``{"schema_version": …``, indented or not), batch's error
#: record (``{"source":{"path": …``), or the CSV header (``notice_path,notice_title,…``)
OUTPUT_STARTS = (b'{"schema_version"', b'{"source"', b"notice_path,")
#: an HTML page xuncha writes (a review page, a report) starts so, and its head holds the
#: Content-Security-Policy that lets in only hashed styles and scripts (blanks taken out, as above)
HTML_START = b"<!DOCTYPEhtml>"
HTML_POLICY = b"<metahttp-equiv=\"Content-Security-Policy\"content=\"default-src'none';style-src'sha256-"
#: how many bytes of an existing file ``is_replaceable`` reads
SIGNATURE_BYTES = 256


def is_replaceable(path: str) -> bool:
    """May ``-o PATH`` replace what is there?  Yes when nothing is there, it is not a regular file
    (``/dev/null``, a FIFO), it is empty, or it starts as xuncha's outputs do (OUTPUT_STARTS, or
    HTML_START with HTML_POLICY); a notice or any other file is never replaced without ``--force``."""
    if not os.path.isfile(path):  # checked before opening: opening a FIFO would wait for a writer
        return True
    try:
        with open(path, "rb") as file:
            head = file.read(SIGNATURE_BYTES)
    except OSError:
        return True  # vanished or unreadable: writing it says what is wrong
    squeezed = b"".join(head.removeprefix(b"\xef\xbb\xbf").split())
    if squeezed.startswith(HTML_START):
        return HTML_POLICY in squeezed
    return not squeezed or squeezed.startswith(OUTPUT_STARTS)


class OutputFile:
    """Where records go, whole records at a time: stdout, or a file.

    A regular file is written as a hidden temporary file beside it and renamed onto it by ``close``
    (an interrupted run is closed too: it leaves the whole records written so far).  A device or
    FIFO (``/dev/stdout``) is written directly.  ``None`` or ``-`` is stdout.
    """

    def __init__(self, output: str | None):
        self.final = None if output in (None, "-") else output
        self.name = self.final or "-"
        self.tmp: str | None = None
        self.fd: int | None = None
        if self.final is None:
            return
        # a device, FIFO or link (``/dev/full``, ``/dev/stdout``) is written in place, never replaced
        direct = os.path.islink(self.final) or os.path.exists(self.final) and not os.path.isfile(self.final)
        target = self.final if direct else self._temp_name(self.final)
        flags = os.O_WRONLY | os.O_CREAT | (os.O_TRUNC if direct else os.O_EXCL)
        try:
            self.fd = os.open(target, flags, 0o644)
        except OSError as e:
            raise WriteError(f"cannot write: {e.strerror or e}") from None
        self.tmp = None if direct else target

    @staticmethod
    def _temp_name(final: str) -> str:
        folder, name = os.path.split(final)
        return os.path.join(folder, f".{name}.{os.getpid()}.part")

    def identity(self) -> frozenset[tuple[int, int]]:
        """(device, inode) of the files being written and replaced, for the walk to leave out."""
        if self.fd is None or self.final is None:
            return frozenset()
        found = [os.fstat(self.fd)] + ([os.stat(self.final)] if os.path.exists(self.final) else [])
        return frozenset((st.st_dev, st.st_ino) for st in found)

    def write(self, data: bytes) -> None:
        try:
            if self.fd is not None:
                write_all(self.fd, data)
            else:
                write_stdout(data)
        except BrokenPipeError:
            raise PipeClosed("the pipe was closed") from None
        except OSError as e:
            raise WriteError(f"cannot write: {e.strerror or e}") from None

    def close(self) -> None:
        """Rename the finished file onto the output; WriteError (and nothing left behind) when that fails."""
        if self.fd is None:
            return
        try:
            os.close(self.fd)
            self.fd = None
            if self.tmp and self.final:
                os.replace(self.tmp, self.final)
        except OSError as e:
            self.abandon()
            raise WriteError(f"cannot write: {e.strerror or e}") from None

    def abandon(self) -> None:
        """After a failed write: no half-written file left behind, stdout no longer flushed at exit."""
        import contextlib

        with contextlib.suppress(OSError):
            if self.fd is not None:
                os.close(self.fd)
            if self.tmp:
                os.unlink(self.tmp)
            if self.final is None:  # so that Python's flush at exit does not print a second error
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        self.fd = None


def write_stdout(data: bytes) -> None:
    """Straight to file descriptor 1 with Ctrl-C held back (whole lines into a pipe), when there is one."""
    import io

    out = sys.stdout.buffer
    try:
        fd = out.fileno()
    except (io.UnsupportedOperation, AttributeError, ValueError):
        out.write(data)  # (a test runner's captured stdout)
        out.flush()
        return
    out.flush()
    write_all(fd, data)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte with unbuffered writes, so an interrupted run leaves only whole lines.

    Ctrl-C is held back while the record is written (a pipe takes a long line in parts, and the
    interrupt could otherwise fall between two of them) and arrives right after it.
    """
    import signal

    view = memoryview(data)
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        while view:
            view = view[os.write(fd, view):]
    finally:
        if masked:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)


class FileSink(Sink):
    """A sink that writes one file (or stdout) through ``OutputFile``: JSONL and CSV."""

    def __init__(self, output: str | None):
        self.out = OutputFile(output)
        self.name = self.out.name

    def identity(self) -> frozenset[tuple[int, int]]:
        return self.out.identity()

    def close(self, complete: bool) -> None:
        self.out.close()  # whole records only, whatever stopped the run

    def abandon(self) -> None:
        self.out.abandon()
