"""The OUTPUT.md invariant: every extracted object's span slices back to its text."""
from __future__ import annotations

import re

from xuncha_parse.grammar import NOISE_ANYWHERE, NOISE_LINE_START, NOISE_MAX_LEN
from xuncha_parse.layout.text import fold

NOISE = re.compile(r"\[bookmark:[^\]\n]{0,80}\]|##paid(?:begin|end)##")  # matches with or without spaces
SPACE = re.compile(r"\s+")


def _noise_line(line: str) -> bool:
    """A whole line of web chrome or a page number (NOTICES.md's known noise), by the grammar's rule."""
    view = fold(NOISE.sub("", line)).strip()
    noise = NOISE_LINE_START.match(view) or NOISE_ANYWHERE.search(view)
    return bool(view) and len(view) <= NOISE_MAX_LEN and noise is not None


def squash(s: str, chrome: frozenset[int] = frozenset()) -> str:
    """Without whitespace (ideographic spaces included), known noise markers and whole noise lines.

    ``chrome``: indexes of lines of ``s`` that continue a line of chrome (a footer cut at a PDF's width:
    ``版权所有…浙ICP备1`` / ``2345678号``), which no rule can tell by themselves.
    """
    lines = s.split("\n")
    inner = [line for i, line in enumerate(lines)
             if i in (0, len(lines) - 1) or not (_noise_line(line) or i in chrome)]
    return NOISE.sub("", SPACE.sub("", "\n".join(inner)))  # a marker may be broken over lines


def chrome_rests(source: str) -> frozenset[int]:
    """Line numbers that the parser read as the rest of a line of chrome (noise by what they continue)."""
    from xuncha_parse.pipeline import run

    noise = [tok.lines for tok in run(source, until="roles").tokens if tok.kind == "noise"]
    return frozenset(n for lines in noise for n in lines[1:])


def spanned(notice: dict):
    """(label, text, span) for every object that carries a text and a span."""
    for p in notice["problems"]:
        for field in ("measures", "progress"):
            for item in p[field]:
                yield f"{field} item", item["text"], item["span"]
        for e in p["entities"]:
            yield f"{e['type']} entity", e["text"], e["span"]
    for c in notice["contacts"]:
        yield f"{c['type']} contact", c["value"], c["span"]
    stack = list(notice["sections"])
    while stack:
        s = stack.pop()
        if s["text"] is not None:
            yield "section text", s["text"], s["text_span"]
        stack.extend(s["children"])


def span_errors(source: str, notice: dict) -> list[str]:
    errors, rests = [], chrome_rests(source)
    for label, text, span in spanned(notice):
        got = source[span["start"]:span["end"]]
        chrome = frozenset(n - span["line_start"] for n in rests)
        if squash(got, chrome) != squash(text):
            errors.append(f"{label}: span gives {got[:40]!r}, text is {text[:40]!r}")
        lines = source.count("\n", 0, span["start"]) + 1, source.count("\n", 0, max(span["start"], span["end"] - 1)) + 1
        if (span["line_start"], span["line_end"]) != lines:
            errors.append(f"{label}: lines {span['line_start']}-{span['line_end']}, should be {lines}")
    return errors
