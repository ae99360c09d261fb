"""The text a notice is read from: the source, its matching view and pieces, all keeping offsets.

The *view* is the source with every character mapped one-to-one: full-width
ASCII forms folded to ASCII, odd spaces to a plain space, inline noise
(``[bookmark: _GoBack]``) blanked to NUL.  Because the view has the source's
length, an offset found in the view is an offset in the source.

A *Piece* is text assembled from one or more runs of the source (a line minus
its noise and edges, or several wrapped lines joined).  It keeps, for each run,
where the run starts in the piece and in the source, so any sub-range of it
maps back to a span in the source.

These types sit below every stage (``state.py`` holds them; ``layout/text.py`` cuts the source into
lines), so this module imports nothing from ``layout/`` or ``fields/``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .grammar import INLINE_NOISE, LIST_BULLETS, TRADITIONAL_MARKS
from .grammar import NOISE_CHAR as NOISE_CHAR
from .script import simplified
from .shapes import SpanDict

_FOLD: dict[int, int | str] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD.update({ord(c): " " for c in "\u3000\xa0\t\r\x0b\x0c\u2002\u2003\u2009\u200b\u202f\ufeff"})
_FOLD.update({ord("﹒"): ".", ord("︰"): ":", ord("﹕"): ":", ord("﹐"): ","})


_FOLD_CHARS = {chr(k): v if isinstance(v, str) else chr(v) for k, v in _FOLD.items()}
#: the characters the view is built around: those that fold and the marks of traditional script; one
#: regex scan finds those present, cheaper than ``set(text)`` or a substring test for each
_NOTABLE = re.compile("[" + "".join(map(re.escape, sorted(set(_FOLD_CHARS) | set(TRADITIONAL_MARKS) | LIST_BULLETS)))
                      + "]")


def fold(text: str, present: set[str] | None = None) -> str:
    """Fold widths one character for one: ``（一）：`` becomes ``(一):``.  ``present`` is the set of
    notable characters in the text, when already known.

    Replacing only the foldable characters present is several times faster
    than ``str.translate`` on CJK text, where nearly every character misses.
    """
    for ch in set(_NOTABLE.findall(text)) if present is None else present:
        if ch in _FOLD_CHARS:
            text = text.replace(ch, _FOLD_CHARS[ch])
    return text


class Source:
    """The decoded text, its matching view and where each line starts."""

    __slots__ = ("text", "view", "line_starts", "masked", "bulleted")

    def __init__(self, text: str):
        self.text = text
        present = set(_NOTABLE.findall(text))
        view = fold(text, present)
        traditional = not present.isdisjoint(TRADITIONAL_MARKS)
        if traditional:
            view = simplified(view, NOISE_CHAR)
        inline_noise = "[bookmark" in view or "##paid" in view
        if inline_noise:
            view = INLINE_NOISE.sub(lambda m: NOISE_CHAR * len(m.group()), view)
        self.view = view
        #: some of the view is masked noise (NOISE_CHAR); a line holds some only then
        self.masked = traditional or inline_noise or NOISE_CHAR in view
        #: a line may open with a list bullet only then
        self.bulleted = not present.isdisjoint(LIST_BULLETS)
        self.line_starts = line_starts(text)

    def line_of(self, offset: int) -> int:
        """1-based line number of a source offset."""
        return bisect_right(self.line_starts, offset)

    def span_dict(self, start: int, end: int) -> SpanDict:
        """The contract's Span shape for source offsets ``start:end``."""
        starts = self.line_starts
        return {"start": start, "end": end, "line_start": bisect_right(starts, start),
                "line_end": bisect_right(starts, max(start, end - 1))}


#: every line break, each one character: LF, CR (``\r\n`` breaks at its LF, the CR stays in the
#: line), VT (Word's manual break), FF, the file/group/record separators, NEL, U+2028 and U+2029:
#: the breaks of ``str.splitlines``
BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def line_starts(text: str) -> list[int]:
    """Where each line starts: after every line break, so offsets stay those of the text.

    One ``splitlines`` pass in C finds every form of break, and costs less than looking for
    ``\n`` alone with ``find`` (the line texts it makes are dropped at once).
    """
    ends = list(accumulate(map(len, text.splitlines(True))))
    if ends and text[-1] not in BREAKS:
        ends.pop()  # the end of the text, not the start of a line
    return [0, *ends]


@dataclass(slots=True)
class Piece:
    """Text from one or more source runs: ``starts[k]`` in the piece is ``srcs[k]`` in the source.

    A piece is never changed once made; sub-pieces may share it.
    """

    text: str
    view: str
    starts: tuple[int, ...]
    srcs: tuple[int, ...]

    def src(self, i: int) -> int:
        """Source offset of piece offset ``i``."""
        if len(self.starts) == 1:  # one run, as most pieces are
            return self.srcs[0] + i
        k = bisect_right(self.starts, i) - 1
        return self.srcs[k] + (i - self.starts[k])

    def src_range(self, a: int = 0, b: int | None = None) -> tuple[int, int]:
        """Source offsets (start, end exclusive) of piece range ``a:b``."""
        b = len(self.text) if b is None else b
        if b <= a:
            s = self.src(min(a, max(len(self.text) - 1, 0))) if self.text else self.srcs[0]
            return s, s
        if len(self.starts) == 1:  # one run: offsets shift by where it starts
            return self.srcs[0] + a, self.srcs[0] + b
        return self.src(a), self.src(b - 1) + 1

    def sub(self, a: int, b: int | None = None) -> "Piece":
        """The piece for ``text[a:b]``, with its own run table (pieces are never changed, so the whole is itself)."""
        b = len(self.text) if b is None else b
        if a == 0 and b >= len(self.text):
            return self
        if len(self.starts) == 1:
            return Piece(self.text[a:b], self.view[a:b], (0,), (self.srcs[0] + a,))
        k = max(bisect_right(self.starts, a) - 1, 0)
        starts, srcs = [0], [self.srcs[k] + (a - self.starts[k])]
        for j in range(k + 1, len(self.starts)):
            if self.starts[j] >= b:
                break
            starts.append(self.starts[j] - a)
            srcs.append(self.srcs[j])
        return Piece(self.text[a:b], self.view[a:b], tuple(starts), tuple(srcs))

    def strip(self) -> "Piece":
        """The piece without surrounding whitespace."""
        v = self.view
        if not v or not (v[0].isspace() or v[-1].isspace()):
            return self
        a, b = len(v) - len(v.lstrip()), len(v.rstrip())
        return self if (a, b) == (0, len(v)) else self.sub(a, max(a, b))

    @staticmethod
    def join(pieces: list["Piece"]) -> "Piece":
        """Concatenate pieces (wrapped lines) into one."""
        if len(pieces) == 1:
            return pieces[0]
        text: list[str] = []
        view: list[str] = []
        starts: list[int] = []
        srcs: list[int] = []
        n = 0
        for p in pieces:
            text.append(p.text)
            view.append(p.view)
            starts.extend(s + n for s in p.starts)
            srcs.extend(p.srcs)
            n += len(p.text)
        return Piece("".join(text), "".join(view), tuple(starts), tuple(srcs))


def piece_span(piece: "Piece", source: Source, a: int = 0, b: int | None = None) -> SpanDict:
    """The Span of ``piece.text[a:b]`` in the source."""
    return source.span_dict(*piece.src_range(a, b))


def pieces_span(pieces: list["Piece"], source: Source) -> SpanDict | None:
    """From the first piece's start to the last one's end (pieces in source order), or None for none."""
    if not pieces:
        return None
    return source.span_dict(pieces[0].src_range()[0], pieces[-1].src_range()[1])


def join_text(pieces: list["Piece"]) -> str | None:
    """Paragraph texts joined by line breaks, or None when there is nothing."""
    text = "\n".join(p.text for p in pieces if p.text)
    return text or None
