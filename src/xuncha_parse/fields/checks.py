"""Diagnostics: what the parser noticed and could not reconcile."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..grammar import (
    CLAUSE_END,
    CLAUSE_OPEN,
    CLOSERS,
    CLOSING,
    CUT_OFF_LEN,
    HAN_WORD,
    LABEL_FIELDS,
    LINE_STOPS,
    OPENERS,
    STATUS_LABELS,
    STATUS_ONLY,
)
from ..layout.tokens import Token, content_tokens
from ..sentences import stop_before_last
from ..shapes import Diagnostic, ProblemDict
from .kind import KIND_WEAK_BASES, is_rectification
from .problem_fields import status_of
from .problems import stub_clause
from .roles import has_labels

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..state import NoticeState


def stage_diagnostics(state: NoticeState) -> None:
    """Reads ``problems``, ``declared``, the tokens and the title; writes ``diagnostics``: count
    mismatches, numbering gaps, no problems, truncation, and the line of the page's metadata the title
    was read from."""
    notice = {"problems": [p.fields for p in state.problems], "declared": state.declared}
    for check in (_no_problems, _count_mismatch, _numbering_gap, _truncated, _title_from_page, _kind_uncertain,
                  _neighbour_problem_list):
        state.diagnostics.extend(check(state, notice))


#: the diagnostic codes that make a notice need a person's look (``needs_review``): what a reader of the
#: output cannot trust without looking at the text
REVIEW_CODES = ("target_unresolved", "title_from_page_metadata", "count_mismatch", "no_problems_found",
                "numbering_gap", "kind_uncertain", "neighbour_problem_list")


def stage_review(state: NoticeState) -> None:
    """Reads ``diagnostics``; writes ``review_reasons``: the codes of REVIEW_CODES among the
    diagnostics, each once, in that order (``needs_review`` is whether there is any)."""
    codes = {d.code for d in state.diagnostics}
    state.review_reasons = [code for code in REVIEW_CODES if code in codes]


def _title_from_page(state: NoticeState, notice: dict[str, Any]) -> list[Diagnostic]:
    if not state.title_from_page or state.title_piece is None:
        return []
    return [Diagnostic("info", "title_from_page_metadata", "the text has no title line; the title is the "
                       "page's 文件名称", state.source.line_of(state.title_piece.srcs[0]))]


def _kind_uncertain(state: NoticeState, notice: dict[str, Any]) -> list[Diagnostic]:
    """The kind rests on a guessed headline, a word anywhere in the text, or nothing (KIND_WEAK_BASES)."""
    if state.kind_basis not in KIND_WEAK_BASES:
        return []
    return [Diagnostic("info", "kind_uncertain", f"the kind {state.kind!r} rests only on its {state.kind_basis}")]


def _neighbour_problem_list(state: NoticeState, notice: dict[str, Any]) -> list[Diagnostic]:
    """A neighbour (whose problems are never read) whose tree holds what a problem list looks like: a
    rectification section with items or labelled lines under it."""
    if is_rectification(state):
        return []
    listed = [n for n in state.root.children if n.role == "rectification" and (n.children or has_labels(n))]
    return [Diagnostic("warning", "neighbour_problem_list", f"a {state.kind} holds a problem list; its problems "
                       "were not read", listed[0].token.line)] if listed else []


def _no_problems(state: NoticeState, notice: dict[str, Any]) -> list[Diagnostic]:
    if notice["problems"] or not is_rectification(state):
        return []
    return [Diagnostic("warning", "no_problems_found", "no problem list was found in this text")]


def parsed_counts(problems: list[ProblemDict]) -> dict[str, int]:
    """What was parsed, in the keys of ``declared``."""
    return {
        "categories": len({p["category"] for p in problems if p["category"]}),
        "problems": len(problems),
        "completed": sum(p["status"] == "completed" for p in problems),
        "in_progress": sum(p["status"] == "in_progress" for p in problems),
    }


def count_mismatches(notice: Mapping[str, Any]) -> list[tuple[str, int, int]]:
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


def _count_mismatch(state: NoticeState, notice: dict[str, Any]) -> list[Diagnostic]:
    return [Diagnostic("warning", "count_mismatch", f"the text declares {want} {key}, {got} {'was' if got == 1 else 'were'} parsed")
            for key, want, got in count_mismatches(notice)]


def _numbering_gap(state: NoticeState, notice: dict[str, Any]) -> list[Diagnostic]:
    """Problem numbers that skip or repeat; a restart at 1 under the same headings too, unless the text's
    declared problem count equals the problems parsed (then the restarts are the text's own)."""
    out, last = [], None
    counted = notice["declared"].get("problems") == len(notice["problems"])
    for p in notice["problems"]:
        n = p["number"]
        if n is None:
            continue
        if last is not None and n != last["number"] + 1 and (kind := _numbering_break(p, last, counted)):
            out.append(Diagnostic("warning", "numbering_gap", f"problem number {n} {kind} after {last['number']}",
                                  p["span"]["line_start"]))
        last = p
    return out


def _numbering_break(p: ProblemDict, last: ProblemDict, counted: bool) -> str | None:
    """How problem ``p`` breaks the numbering after ``last`` (numbered, not its successor), or None."""
    n, prev = p["number"], last["number"]
    if n == 1:
        same = p["category"] == last["category"] and p["group"] == last["group"]
        return "restarts under the same heading" if same and not counted else None
    return "repeats" if n <= prev else "skips"  # type: ignore[operator]  # both are numbered


def _truncated(state: NoticeState, notice: dict[str, Any]) -> list[Diagnostic]:
    text = state.source.text
    if text.count("##paidbegin##") > text.count("##paidend##"):
        return [Diagnostic("warning", "truncated", "the text stops inside a paywalled preview")]
    content = content_tokens(state.tokens)
    if not content or state.signature_tokens or CLOSING.search(content[-1].piece.view):
        return []
    if _cut_off(content[-1]):
        return [Diagnostic("warning", "truncated", "the text stops in mid-sentence", content[-1].line_end)]
    return []


def _cut_off(tok: Token) -> bool:
    """Does the last line stop in mid-sentence?  A clause mark always leaves a sentence open; so does a
    long line without a stop, a line whose earlier sentence ended and whose last one did not
    (``4.消防安全责任意识淡薄。未按《消防法》和``), a paragraph with a clause but no stop, a line with no
    words, an open quote or bracket, and a label with no value or a measure or progress value, not a
    status, with no stop (``整改进展：已于8月初组织财务``).  A heading alone (``三、下一步工作打算``) ends a line."""
    view = tok.piece.view
    if view[-1] in CLAUSE_OPEN or (tok.kind == "label" and not tok.content.text):  # ``整改进展：``
        return True
    if view[-1] in LINE_STOPS:
        return False
    earlier_stop = stop_before_last(view)
    open_clause = tok.kind == "body" and any(stop in view for stop in CLAUSE_END)  # ``…整改，…工作取``
    no_words = HAN_WORD.search(view) is None  # a marker or a number cut from its line: ``7``
    unclosed = any(view.count(o) > view.count(c) for o, c in zip(OPENERS, CLOSERS))  # ``(14)针对“政府``
    stub = tok.kind == "heading" and stub_clause(view)  # ``2.弥补差距,致``
    return len(view) > CUT_OFF_LEN or earlier_stop or open_clause or no_words or unclosed or stub or _open_label(tok)


def _open_label(tok: Token) -> bool:
    """A measure, progress or cause that is not a status and has no stop."""
    # a label token's label is set
    if tok.kind != "label" or tok.label in STATUS_LABELS or LABEL_FIELDS[tok.label] not in ("measures", "progress", "cause"):  # type: ignore[index]
        return False
    value = tok.content.view
    return not STATUS_ONLY.match(value) and status_of(value) is None
