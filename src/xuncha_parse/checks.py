"""Diagnostics: what the parser noticed and could not reconcile."""
from __future__ import annotations

from .document import Document
from .grammar import CLAUSE_OPEN, CLOSING


def diagnostics(doc: Document, notice: dict, page_title_line: int | None = None) -> list[dict]:
    """Count mismatches, numbering gaps, no problems, truncation; and, when the text had no title line,
    the line of the page's metadata the title was read from."""
    out = []
    for check in (_no_problems, _count_mismatch, _numbering_gap, _truncated):
        out.extend(check(doc, notice))
    if page_title_line is not None:
        out.append(_diag("info", "title_from_page_metadata",
                         "the text has no title line; the title is the page's 文件名称", page_title_line))
    return out


def _diag(level: str, code: str, message: str, line: int | None = None) -> dict:
    return {"level": level, "code": code, "message": message, "line": line}


def _no_problems(doc: Document, notice: dict) -> list[dict]:
    if notice["problems"]:
        return []
    return [_diag("warning", "no_problems_found", "no problem list was found in this text")]


def parsed_counts(problems: list[dict]) -> dict:
    """What was parsed, in the keys of ``declared``."""
    return {
        "categories": len({p["category"] for p in problems if p["category"]}),
        "problems": len(problems),
        "completed": sum(p["status"] == "completed" for p in problems),
        "in_progress": sum(p["status"] == "in_progress" for p in problems),
    }


def count_mismatches(notice: dict) -> list[tuple[str, int, int]]:
    """(key, declared, parsed) where the text's own counts disagree with what was parsed.

    Categories and statuses are compared only when some were parsed: a notice
    that states no statuses cannot contradict its declared completion counts.
    """
    out = []
    for key, got in parsed_counts(notice["problems"]).items():
        want = notice["declared"].get(key)
        if want is not None and want != got and (key == "problems" or got):
            out.append((key, want, got))
    return out


def _count_mismatch(doc: Document, notice: dict) -> list[dict]:
    return [_diag("warning", "count_mismatch", f"the text declares {want} {key}, {got} were parsed")
            for key, want, got in count_mismatches(notice)]


def _numbering_gap(doc: Document, notice: dict) -> list[dict]:
    out, prev = [], None
    for p in notice["problems"]:
        n = p["number"]
        if n is not None and prev is not None and n not in (prev + 1, 1):
            kind = "repeats" if n <= prev else "skips"
            out.append(_diag("warning", "numbering_gap", f"problem number {n} {kind} after {prev}",
                             p["span"]["line_start"]))
        prev = n if n is not None else prev
    return out


def _truncated(doc: Document, notice: dict) -> list[dict]:
    text = doc.source.text
    if text.count("##paidbegin##") > text.count("##paidend##"):
        return [_diag("warning", "truncated", "the text stops inside a paywalled preview")]
    content = [t for t in doc.tokens if t.kind not in ("blank", "noise")]
    if not content or doc.signature or CLOSING.search(content[-1].piece.view):
        return []
    last = content[-1].piece.view
    # a clause mark always leaves a sentence open; a long line without a stop does too
    if last[-1] in CLAUSE_OPEN or (len(last) > 40 and last[-1] not in "。!?;:)”"):
        return [_diag("warning", "truncated", "the text stops in mid-sentence", content[-1].line_end)]
    return []
