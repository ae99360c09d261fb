"""Section roles: which top sections hold the problems, which come before and after.

A top heading's words decide first (``整改落实情况`` → rectification,
``下一步`` → next steps).  Where the words say nothing, structure decides: the
section with the most labelled lines and nested headings holds the problems.
Several rectification sections (``一、关于…方面的问题``, or several top sections
holding labelled lines) are categories at the top level, with no wrapper.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..grammar import (
    CATEGORY_HEADING,
    INLINE_LABEL,
    PROBLEM_HEADING,
    REMEDY_HEADING,
    REMEDY_MEASURES,
    ROLE_NEXT,
    ROLE_NEXT_WEAK,
    ROLE_OVERVIEW,
    ROLE_RECTIFICATION,
    SHORTCOMING,
    STATUS_GROUP,
    TITLE_MAX,
)
from ..layout.tree import Node

if TYPE_CHECKING:
    from ..state import NoticeState


def keyword_role(node: Node) -> str | None:
    head = node.heading.view
    if ROLE_NEXT.search(head):
        return "next_steps"
    if ROLE_OVERVIEW.search(head):
        return "overview"
    if ROLE_RECTIFICATION.search(head) or STATUS_GROUP.search(head):
        return "rectification"
    if ROLE_NEXT_WEAK.search(head):
        return "next_steps"
    return None


def structure_score(node: Node) -> int:
    """Labelled lines and headings two levels down: how much a section looks like the problem list."""
    labels = sum(1 for t in node.body if t.kind == "label")
    deep = sum(1 + len(c.children) for c in node.children if c.children)
    return labels + deep + sum(structure_score(c) for c in node.children)


def stage_roles(state: NoticeState) -> None:
    """Reads ``root``; writes each section's ``role``."""
    assign_roles(state.root)


def assign_roles(root: Node) -> None:
    """Set ``role`` on every section; descendants take their top section's role."""
    tops = root.children
    if not tops:
        return
    rect = _rectification_indices(tops)
    for i, node in enumerate(tops):
        node.role = _role_at(i, node, rect)
        _inherit(node)


def _rectification_indices(tops: list[Node]) -> list[int]:
    """The top sections that hold the problems: by their words, else by their labelled lines, else as
    categories, else as problems named at the top, else the one that looks most like the problem list
    (structure_score) among those whose words name no other role (an overview's numbered measures under
    ``(一)党委书记履行第一责任人责任情况`` are no problems, even when the text was cut before the list)."""
    for rule in (_by_words, _by_labels, _by_categories, _by_problem_names):
        found = rule(tops)
        if found:
            return _labelled_problems(tops, found)
    scores = [structure_score(n) if keyword_role(n) is None else 0 for n in tops]
    best = max(scores)
    return [scores.index(best)] if best > 0 else _by_statements(tops)


def _by_statements(tops: list[Node]) -> list[int]:
    """Top headings with nothing below them but their own lines, each opening with a short sentence and going on
    (``(一)林草资源保护监管不到位。开展…``, ``1.…``), two or more, at least half of those sentences stating a
    shortcoming: problems stated at the top, what was done after them (measures counted off the same way state
    none: ``1.压实责任抓部署。…``)."""
    stated = [i for i, n in enumerate(tops) if not n.children and keyword_role(n) is None and _opens_statement(n)]
    shortcomings = sum(1 for i in stated if SHORTCOMING.search(tops[i].heading.view))
    return stated if len(stated) >= 2 and 2 * shortcomings >= len(stated) else []


def _opens_statement(node: Node) -> bool:
    head, rest = node.sentence
    return len(head.view) <= TITLE_MAX and bool(rest.text or node.body)


def _labelled_problems(tops: list[Node], found: list[int]) -> list[int]:
    """One section found by its words among sibling categories (``第一方面问题：…`` … ``第三方面问题：反馈问题整改…``),
    or among siblings that are each a problem with its own labelled lines (``1、针对…问题整改不彻底的问题。`` /
    ``原因分析：…`` / ``2、针对…的问题。``): the words were the category's or the problem's own (``问题整改``), and every
    such sibling holds problems."""
    if len(found) != 1:
        return found
    categories = _by_categories(tops)
    if found[0] in categories and len(categories) >= 2:
        return categories  # ``第三方面问题：反馈问题整改…不紧`` is one category of three, not the only section
    if not is_labelled_leaf(tops[found[0]]):
        return found
    style = tops[found[0]].style
    same = [i for i, n in enumerate(tops)
            if n.style == style and is_labelled_leaf(n) and keyword_role(n) in (None, "rectification")]
    return same if found[0] in same and len(same) >= 2 else found


def _by_words(tops: list[Node]) -> list[int]:
    """``二、整改落实情况``; of several such, the ones with headings or labelled lines below them: ``一、巡察整改
    落实情况`` over a paragraph, then ``二、巡察反馈问题整改情况`` over the problems."""
    by_words = [i for i, n in enumerate(tops) if keyword_role(n) == "rectification"]
    structured = [i for i in by_words if tops[i].children or has_labels(tops[i])]
    return structured if len(by_words) >= 2 and structured else by_words


def _by_labels(tops: list[Node]) -> list[int]:
    """Several top sections holding labelled lines are categories (or problems, labelled inline)."""
    labelled = [i for i, n in enumerate(tops) if keyword_role(n) != "next_steps" and (has_labels(n) or is_labelled_leaf(n))]
    return labelled if len(labelled) >= 2 else []


def _by_categories(tops: list[Node]) -> list[int]:
    """``（一）…方面`` or ``第一方面问题：…`` (the aspect is in the marker) over the problems: two or more, or
    every top section (a cut text may hold one)."""
    categories = [i for i, n in enumerate(tops)
                  if (n.children or n.body) and (CATEGORY_HEADING.search(n.heading.view) or n.style == "aspect")]
    return categories if len(categories) >= 2 or categories and len(categories) == len(tops) else []


def _by_problem_names(tops: list[Node]) -> list[int]:
    """Two or more top sections that each name a problem, with no wrapper above them: by its words
    (``一、关于…不到位的问题`` over its ``一是…;`` lines) or by its remedy (``1.进一步规范…管理。一是…;二是…``)."""
    named = [i for i, n in enumerate(tops) if names_problem(n)]
    return named if len(named) >= 2 else []


def names_problem(node: Node) -> bool:
    head, rest = node.sentence
    if PROBLEM_HEADING.match(head.view):  # (``关于…方面的问题`` names a category)
        return bool(node.children or node.body) and CATEGORY_HEADING.search(head.view) is None
    return REMEDY_HEADING.match(head.view) is not None and REMEDY_MEASURES.match(rest.view) is not None


def has_labels(node: Node) -> bool:
    """Is there a labelled line (``整改措施：``) anywhere in this section?"""
    return any(t.kind == "label" for t in node.body) or any(has_labels(c) for c in node.children)


def is_labelled_leaf(node: Node) -> bool:
    """A heading with no headings below it and a labelled line of its own: on a line below it, or inline after
    its first sentence (``1.党员教育管理松散。整改情况:…``)."""
    if node.children:
        return False
    rest = node.sentence[1].view
    return any(t.kind == "label" for t in node.body) or (":" in rest and INLINE_LABEL.search(rest) is not None)


def _role_at(i: int, node: Node, rect: list[int]) -> str:
    if i in rect:
        return "rectification"
    words = keyword_role(node)
    if words in ("overview", "next_steps"):
        return words
    if not rect:
        return "other"
    return "overview" if i < rect[0] else "next_steps" if i > rect[-1] else "other"


def _inherit(node: Node) -> None:
    for child in node.children:
        child.role = node.role
        _inherit(child)


def wrapper_free(root: Node) -> bool:
    """Are the rectification tops categories themselves (no wrapping ``二、整改落实情况``)?"""
    rect = [n for n in root.children if n.role == "rectification"]
    return len(rect) >= 2 or any(is_labelled_leaf(n) for n in rect)
