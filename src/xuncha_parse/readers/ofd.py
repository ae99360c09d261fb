"""The OFD reader (GB/T 33190, the national fixed-layout format for electronic official documents):
a ZIP of XML.  ``OFD.xml`` names the document (``DocBody/DocRoot``), the document lists its pages
(``Pages/Page@BaseLoc``), and each page's ``Content.xml`` holds ``TextObject``s (``Boundary``,
``Size``, optional ``CTM``) whose ``TextCode``s carry the text and its position (``X``, ``Y``,
``DeltaX``).  The text is read in reading order: page by page, then line by line from the top
(``Y``, which grows downwards), then from the left (``X``).  Running headers, footers and page
numbers are dropped as in a PDF.  Page templates and annotations (seals, stamps) are not read.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import MAX_PAGES, Extracted, ReaderError
from .archive import check_members, open_zip, read_member
from .xmlsafe import events

#: the entry point of every OFD package
ROOT_PART = "OFD.xml"
#: what the errors call the file
WHAT = "OFD file"
#: a DeltaX run: "g 5 4.2" is five gaps of 4.2 mm
DELTA_RUN = re.compile(r"g\s+(\d+)\s+(-?[\d.]+)")
#: the transformation of a text object without a CTM
IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
#: runs whose baselines differ by less than this share of the font size are on one line
SAME_LINE = 0.5
#: a gap of at least this share of the font size between two runs on a line is a space (a glyph-per-object
#: writer leaves a space out as a gap of about one character)
SPACE_GAP = 0.8


@dataclass(frozen=True, slots=True)
class Run:
    """One TextCode on the page: its baseline, where it starts and ends (mm), its size and its text."""

    y: float
    x: float
    end: float
    size: float
    text: str


def read_ofd(data: bytes, name: str | None = None) -> Extracted:
    """The text of an OFD document's pages, in reading order, without running headers and footers."""
    from .pdf import drop_running_lines

    with open_zip(data, WHAT) as archive:
        check_members(archive, WHAT)
        pages = [page_lines(read_member(archive, path, WHAT)) for path in page_paths(archive)]
    if not any(pages):
        raise ReaderError("the OFD document has no text (scanned pages?); OCR is not supported")
    text = "\n".join(line for lines in drop_running_lines(pages) for line in lines)
    return Extracted(text + "\n", "ofd", "binary", None)


def page_paths(archive: zipfile.ZipFile) -> list[str]:
    """The archive paths of the first document's page contents, in page order."""
    root = _first_text(events(read_member(archive, ROOT_PART, WHAT), ROOT_PART), "DocRoot")
    if not root:
        raise ReaderError(f"{ROOT_PART} names no document (no DocRoot)")
    document = _resolve("", root)
    base = posixpath.dirname(document)
    pages = [_resolve(base, loc) for loc in _page_locations(read_member(archive, document, WHAT), document)]
    if len(pages) > MAX_PAGES:
        raise ReaderError(f"the OFD document has {len(pages)} pages (more than {MAX_PAGES}): refused")
    return pages


def _first_text(stream: Iterable[tuple[str, str, object]], element: str) -> str:
    """The text of the first ``element`` in the stream (stripped), or ""."""
    parts: list[str] = []
    for kind, name, value in stream:
        if kind == "text" and name == element:
            parts.append(str(value))
        elif kind == "end" and name == element:
            break
    return "".join(parts).strip()


def _page_locations(data: bytes, what: str) -> Iterator[str]:
    for kind, name, value in events(data, what):
        if kind == "start" and name == "Page" and isinstance(value, dict) and value.get("BaseLoc"):
            yield value["BaseLoc"]


def _resolve(base: str, location: str) -> str:
    """An OFD location (absolute from the package root, or relative to ``base``) as an archive path."""
    joined = location if location.startswith("/") else posixpath.join("/", base, location)
    return posixpath.normpath(joined).lstrip("/")


def page_lines(content: bytes) -> list[str]:
    """A page's lines, top to bottom, each from its runs left to right."""
    return [line for line in (_line_text(runs) for runs in _lines(page_runs(content))) if line]


def page_runs(content: bytes) -> list[Run]:
    """Every TextCode of a page, placed on the page (TextObject Boundary origin, CTM applied)."""
    runs: list[Run] = []
    box: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the text object's origin x, y and font size
    ctm: tuple[float, ...] = IDENTITY
    code: dict[str, str] = {}
    texts: list[str] = []
    last = (0.0, 0.0)  # where the previous TextCode ended: X and Y default to it
    for kind, name, value in events(content, "an OFD page"):
        if kind == "start" and isinstance(value, dict):
            if name == "TextObject":
                box, ctm = _object_frame(value)
            elif name == "TextCode":
                code, texts = value, []
        elif kind == "text" and name == "TextCode":
            texts.append(str(value))
        elif kind == "end" and name == "TextCode":
            run = _run(code, "".join(texts), box, ctm, last)
            last = (run.end - box[0], run.y - box[1])
            if run.text.strip():
                runs.append(run)
    return runs


def _object_frame(attrs: dict[str, str]) -> tuple[tuple[float, float, float], tuple[float, ...]]:
    """A TextObject's origin (Boundary x, y), font size and transformation (CTM, identity by default)."""
    boundary = _numbers(attrs.get("Boundary", "")) + [0.0, 0.0]
    ctm = tuple(_numbers(attrs.get("CTM", "")))
    return (boundary[0], boundary[1], _number(attrs.get("Size"), 0.0)), ctm if len(ctm) == 6 else IDENTITY


def _run(code: dict[str, str], text: str, box: tuple[float, float, float], ctm: tuple[float, ...],
         last: tuple[float, float]) -> Run:
    x = _number(code.get("X"), last[0])
    y = _number(code.get("Y"), last[1])
    size = box[2] or 1.0
    width = sum(_deltas(code.get("DeltaX", ""), len(text) - 1, size)) + size
    a, b, c, d, e, f = ctm
    left, base = box[0] + a * x + c * y + e, box[1] + b * x + d * y + f
    return Run(base, left, left + a * width, size * (abs(d) or 1.0), text)


def _deltas(spec: str, count: int, size: float) -> list[float]:
    """The gaps between a run's characters: DeltaX expanded ("g 3 4.2" is three gaps of 4.2),
    padded with the font size when DeltaX is short or absent."""
    expanded = DELTA_RUN.sub(lambda m: " ".join([m.group(2)] * min(int(m.group(1)), count)), spec)
    gaps = _numbers(expanded)[:count]
    return gaps + [size] * (count - len(gaps))


def _numbers(text: str) -> list[float]:
    out = []
    for token in text.split():
        try:
            out.append(float(token))
        except ValueError:
            continue
    return out


def _number(text: str | None, default: float) -> float:
    values = _numbers(text or "")
    return values[0] if values else default


def _lines(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped into lines: sorted by baseline, a run within half a font size of the line's first
    baseline joins it."""
    lines: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (r.y, r.x)):
        if lines and abs(run.y - lines[-1][0].y) < SAME_LINE * max(run.size, lines[-1][0].size):
            lines[-1].append(run)
        else:
            lines.append([run])
    return [sorted(line, key=lambda r: r.x) for line in lines]


def _line_text(runs: list[Run]) -> str:
    """The runs' text, left to right, a space where the gap between two runs is wide."""
    parts: list[str] = []
    for previous, run in zip([None, *runs], runs):
        if previous is not None and run.x - previous.end >= SPACE_GAP * run.size:
            parts.append(" ")
        parts.append(run.text)
    return "".join(parts).strip()
