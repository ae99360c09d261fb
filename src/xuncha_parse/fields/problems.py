"""Stage 6: the problems, read off the rectification part of the tree.

A problem is a heading in a rectification section that has no headings below
it, or that is numbered as a problem (``问题1：``), or whose labelled lines
come before its sub-points, or that states a shortcoming and has short
numbered remedies below it, or that names one problem over its remedies
(``(一)关于“…”问题的整改情况`` / ``1.…``).  Under a category with no
headings below it, each paragraph that names its problem (``针对“…”的问题,…``)
or states it in its first sentence is one.  In a text with no heading at all,
so is each paragraph that names its problem (``关于…的问题。…``, ``一是…不严。…``).
Headings above it are its category (the outer) and group (the inner); a group
that names a status (``已完成的整改事项``) gives its problems that status.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..grammar import (
    CATEGORY_HEADING,
    CLAUSE_END,
    CLAUSE_OPEN,
    CUT_CLAUSE_MAX,
    HEADING_END,
    HEADING_LIKE_MAX,
    NEXT_STEPS_HEADING,
    ORDINAL,
    PROBLEM_HEADING,
    PROBLEM_LABEL,
    PROBLEM_LEAD,
    PROBLEM_LINE,
    PROBLEM_NAMING,
    PROBLEM_SECTION,
    SENTENCE_END,
    SHORTCOMING,
    STATUS_GROUP,
    SUB_POINT_MAX,
    TITLE_MAX,
)
from ..layout.document import problem_opening, problem_paragraphs
from ..layout.text import Piece, Source
from ..layout.tokens import VOID_KINDS, Token, content_tokens
from ..layout.tree import Node
from ..sentences import find_end
from ..state import FoundProblem
from .problem_fields import Draft, feed, finish_problem, inline_labels, read_heading, tokens_span

if TYPE_CHECKING:
    from ..state import NoticeState
from .kind import is_rectification
from .roles import has_labels, wrapper_free


def stage_problems(state: NoticeState) -> None:
    """Reads ``root`` (with roles) and the field ``kind``; writes ``problems``, each with its Problem fields
    but entities (none for a document that is not a rectification notice)."""
    if is_rectification(state):
        state.problems = find_problems(state.root, state.source)
        if state.problems and _cut_heading(state.problems[-1].node, state.tokens):
            state.problems.pop()


def _cut_heading(node: Node, tokens: list[Token]) -> bool:
    """Is the problem a short bare heading cut by the end of a truncated text: the text's last line, with
    nothing below it, ending on an open clause that states no shortcoming or a stub of one (``2.弥补差距,致``; a
    statement cut after its clause, ``4.…未经…表决,``, stays a problem), cut in mid-word before any
    word of a shortcoming (``(一)贯彻落实上级重大决策部``), or a status group whose items were cut off
    (``(一)已整改完成的问题``, bare or with a cut lead sentence)?  (A long one keeps the problem's statement, cut
    or not.)"""
    last = next((t for t in reversed(tokens) if t.kind not in VOID_KINDS), None)
    if node.body and not node.children:
        return _cut_status_group(node, last)
    if last is not node.token or node.body or node.children:
        return False
    view = node.token.content.view.rstrip()
    if not view:
        return True
    if view[-1] in CLAUSE_OPEN and SHORTCOMING.search(view):
        return False  # a stated shortcoming cut after its clause (``4.…未经村民代表会议表决,``): kept as far as it goes
    mid_word = not (HEADING_END.search(view) or view[-1] in SENTENCE_END or SHORTCOMING.search(view))
    cut = view[-1] in CLAUSE_OPEN or stub_clause(view) or mid_word or STATUS_GROUP.search(view) is not None
    return len(view) <= HEADING_LIKE_MAX and cut


def _cut_status_group(node: Node, last: Token | None) -> bool:
    """A status group whose items were cut off after a lead sentence, itself cut (``(一)已整改完成的问题`` /
    ``对反馈指出的24个具体问题,公司党委坚持即知即改、立``): the text's last line is its only body."""
    if len(node.body) != 1 or last is not node.body[0] or last.kind != "body" or node.token is None:
        return False  # (the root holds the problems of a list with no heading above it)
    heading = node.token.content.view
    return last.piece.view.rstrip()[-1:] not in SENTENCE_END and len(heading) <= HEADING_LIKE_MAX \
        and STATUS_GROUP.search(heading) is not None


def stub_clause(view: str) -> bool:
    """Does the line end on a clause of a character or two after a comma (``弥补差距,致``), as a cut line does?"""
    clause = view[max(view.rfind(c) for c in CLAUSE_END + CLAUSE_OPEN) + 1:]
    return clause != view and len(clause) <= CUT_CLAUSE_MAX and clause[-1:] not in SENTENCE_END


def find_problems(root: Node, source: Source) -> list[FoundProblem]:
    """Every problem in source order: its node, a dict of the Problem shape and its text pieces."""
    out = _unheaded(root, source)
    rect = [n for n in root.children if n.role == "rectification"]
    if wrapper_free(root):
        _walk_nodes(rect, [], source, out)
    else:
        for top in rect:
            if PROBLEM_SECTION.match(top.heading.view.rstrip("。")) or _lone_category(top):
                out.extend(build_node(top, [], source))
            else:
                _walk_nodes(top.children, [], source, out)
    return out


def _lone_category(top: Node) -> bool:
    """The one category of a text (a cut one, or a unit's single 方面) over unnumbered problems: ``一、关于…方面`` /
    ``针对…的问题,…``."""
    return not top.children and _is_category_leaf(top, list(top.tokens())[1:])


def _unheaded(root: Node, source: Source) -> list[FoundProblem]:
    """Problems stated under the word 问题 with no heading above them (``问题:…`` / ``整改:…`` right after the
    intro): the list opens the body, each ``问题:`` line one unnumbered problem, no category."""
    tokens = content_tokens(root.body)
    if not tokens or tokens[0].kind != "body":
        return []
    if PROBLEM_LABEL.match(tokens[0].piece.view) is None:
        return _paragraph_problems(root, tokens, source)
    return [build(root, [], source, run[0].piece, run[1:], None, run) for run in _unnumbered_runs(tokens)]


def _paragraph_problems(root: Node, tokens: list[Token], source: Source) -> list[FoundProblem]:
    """A text with no heading nor label whose body opens with paragraphs that each name a problem
    (``关于…的问题。…``, ``一是…不严。…``): each one problem, the lines after it up to the next its measures."""
    starts = problem_paragraphs(tokens)
    if not starts or starts[0] != 0:
        return []
    bounds = starts + [len(tokens)]
    runs = [tokens[a:b] for a, b in zip(bounds, bounds[1:])]
    return [build(root, [], source, problem_opening(run[0]), run[1:], None, run) for run in runs]


def _walk_nodes(nodes: list[Node], chain: list[Node], source: Source, out: list[FoundProblem]) -> None:
    for node in nodes:
        if NEXT_STEPS_HEADING.match(node.heading.view.rstrip("。")):
            continue  # ``3、下一步打算`` set among the problems: the notice's next steps, no problem
        if is_problem(node, nodes) or names_one_problem(node):
            out.extend(build_node(node, chain, source))
        else:
            _walk_nodes(node.children, chain + [node], source, out)


def is_problem(node: Node, siblings: Sequence[Node] = ()) -> bool:
    if node.style == "problem" or not node.children:
        return True
    first_child = node.children[0].token.line
    if any(t.kind == "label" and t.line < first_child for t in node.body):
        return True
    return has_sub_points(node) and not any(_group_like(s.heading.view) for s in siblings)


def names_one_problem(node: Node) -> bool:
    """``(一)关于“…”问题的整改情况`` over ``1./2.`` lines: a heading that names one problem in quotes, at any level,
    over remedies (``1.修订…实施方案。``), is the problem; not when a line below names a problem of its own
    (``(1)关于“…”``: the heading is a group).  So is ``一、关于…不到位的问题`` (quoted or not, never ``…方面的问题``) over
    remedies that neither state a shortcoming nor carry labels of their own."""
    if not node.token.content.view.startswith(PROBLEM_NAMING):
        return False  # (the heading's sentence is cut only for the few that may name a problem)
    head = node.heading.view.rstrip("。")
    quoted = PROBLEM_SECTION.match(head) is not None
    if not quoted and (PROBLEM_HEADING.match(head) is None or CATEGORY_HEADING.search(head) or not node.children):
        return False
    if any(c.heading.view.startswith(PROBLEM_NAMING) for c in node.children):
        return False
    return quoted or not any(has_labels(c) or SHORTCOMING.search(c.heading.view) for c in node.children)


def has_sub_points(node: Node) -> bool:
    """``1.理论学习不深入。`` then ``（1）制定学习计划。`` ``（2）…``: a stated problem whose children are
    short numbered remedies restarting at 1 (none states a shortcoming), with no labelled line
    anywhere below it.  (Its siblings must not read as categories: siblings share a role.)"""
    kids = node.children
    if kids[0].number != 1 or any(k.children or k.body or len(k.token.content.view) > SUB_POINT_MAX
                                  or SHORTCOMING.search(k.token.content.view) for k in kids):
        return False
    head, rest = node.sentence
    stated = not rest.text and node.token.content.view.rstrip()[-1:] in SENTENCE_END
    return stated and not _group_like(head.view) and not any(t.kind == "label" for t in node.tokens())


def _group_like(view: str) -> bool:
    return bool(CATEGORY_HEADING.search(view) or STATUS_GROUP.search(view) or view.startswith("关于"))


def build_node(node: Node, chain: list[Node], source: Source) -> list[FoundProblem]:
    """The problem a node heads; or, under a category heading, each unnumbered problem line and its
    labelled lines (``（一）党的政治建设方面`` / ``落实“第一议题”制度不到位。`` / ``整改情况：…``)."""
    tokens = list(node.tokens())[1:]
    if not _is_category_leaf(node, tokens):
        return [build(node, chain, source, node.token.content, tokens, node.sentence)]
    runs = _unnumbered_runs(tokens) if any(_has_label(t) for t in tokens) else _lead_runs(tokens)
    found = [build(node, chain + [node], source, run[0].piece, run[1:], None, run) for run in runs]
    if not chain and node.role == "rectification" and not CATEGORY_HEADING.search(node.heading.view):
        for problem in found:  # ``二、反馈问题整改情况`` over ``问题:…`` lines wraps them, it is no category
            problem.fields["category"] = None
    return found


def _unnumbered_runs(tokens: list[Token]) -> list[list[Token]]:
    """A category's body cut before each problem line: a body line followed by the label the first
    problem's labels open with, on the next line or inside the line after a sentence
    (``意识形态责任制落实不够有力。整改情况：…``).  Each run is one unnumbered problem."""
    opening = [_opening_label(t) for t in tokens]
    first = next(label for label in opening if label)
    cuts = [i for i in range(1, len(tokens)) if tokens[i].kind == "body" and (
            opening[i] == first  # a body line's opening label is its first inline one
            or i + 1 < len(tokens) and tokens[i + 1].kind == "label" and opening[i + 1] == first)]
    bounds = [0] + cuts + [len(tokens)]
    return [tokens[a:b] for a, b in zip(bounds, bounds[1:])]


def build(node: Node, chain: list[Node], source: Source, heading: Piece, tokens: list[Token],
          sentence: tuple[Piece, Piece] | None, own: list[Token] | None = None) -> FoundProblem:
    """Read one problem (its heading, and the tokens below it) into its Problem fields and the pieces of
    its text.  ``sentence`` is the heading's first sentence when the node has cut it already; ``own``
    are the problem's tokens when it is one of several under its node (else the node is its span)."""
    draft = Draft(node)
    read_heading(draft, heading, any(_has_label(t) for t in tokens), sentence)
    for tok in tokens:
        feed(draft, tok)
    numbering = (None, None) if own else (node.number, node.token.marker)
    span = tokens_span(own or [node.token] + tokens, source)
    return FoundProblem(node, finish_problem(draft, chain, source, numbering, span), pieces_of(draft), not own)


def pieces_of(draft: Draft) -> list[Piece]:
    """Every piece of a problem's text, in source order."""
    pieces = [draft.title] if draft.title else []
    pieces += draft.description + draft.leader + draft.cause + [p for p, _ in draft.measures] + [p for p, _ in draft.progress]
    return sorted(pieces, key=lambda p: p.srcs[0])


def _has_label(tok: Token) -> bool:
    return tok.kind == "label" or (tok.kind == "body" and next(inline_labels(tok.piece.view), None) is not None)


def _opening_label(tok: Token) -> str | None:
    """The label a token opens with or holds first: ``整改情况：…`` or ``…不到位。整改情况：…``."""
    return tok.label if tok.kind == "label" else _inline_first_label(tok)


def _inline_first_label(tok: Token) -> str | None:
    """The first label inside a body line that states something before it: ``…不到位。整改情况：…``."""
    if tok.kind != "body":
        return None
    m = next(inline_labels(tok.piece.view), None)
    return m.group("label") if m is not None and m.start() > 0 else None


def _is_category_leaf(node: Node, tokens: list[Token]) -> bool:
    """``（一）关于…方面`` alone on its line, followed by an unnumbered problem line and its labelled lines; or
    any heading over problems each stated under the word 问题 (``问题:…`` / ``整改:…``) or named on lines of
    their own (``针对“…”的问题`` / ``整改进展情况:``, two or more)."""
    if node.children or not tokens or tokens[0].kind != "body" or node.sentence[1].text:
        return False
    first = tokens[0].piece.view
    named = CATEGORY_HEADING.search(node.heading.view) is not None or PROBLEM_LABEL.match(first) is not None \
        or _problem_lines(tokens)
    return named and (any(_has_label(t) for t in tokens) or _stated_paragraphs(tokens) or _leads(tokens[0])
                      or _statement_lines(tokens))


def _statement_line(tok: Token) -> bool:
    """A line that is one short sentence stating a shortcoming: ``基层党支部设置与生产单元不匹配,…长期未设立党支部。``."""
    view = tok.piece.view
    return tok.kind == "body" and find_end(view, SENTENCE_END) == len(view) - 1 <= TITLE_MAX \
        and SHORTCOMING.search(view) is not None


def _statement_lines(tokens: list[Token]) -> bool:
    """Under a category, a problem stated alone on its line and what was done in the paragraphs after it."""
    return len(tokens) >= 2 and _statement_line(tokens[0]) and not _statement_line(tokens[1])


def _problem_lines(tokens: list[Token]) -> bool:
    """Two or more unnumbered lines that each name a problem (``针对“…”的问题``), the first opening the body;
    one alone under a heading names the heading's problem in other words and is no problem of its own."""
    if PROBLEM_LINE.match(tokens[0].piece.view) is None:
        return False
    return sum(1 for t in tokens if t.kind == "body" and PROBLEM_LINE.match(t.piece.view)) >= 2


def _leads(tok: Token) -> bool:
    """Does the paragraph open by naming its problem in quotes (``针对“…”的问题,开展…``)?"""
    return tok.kind == "body" and PROBLEM_LEAD.match(tok.piece.view) is not None


def _lead_runs(tokens: list[Token]) -> list[list[Token]]:
    """A category's paragraphs, one problem each; or, where they open by naming their problems (``针对“…”的问题,…``),
    cut before each such paragraph, the lines after one (``…将持续巩固整改成果。``) going with it."""
    if _statement_lines(tokens):
        bounds = [i for i, t in enumerate(tokens) if _statement_lines(tokens[i:])] + [len(tokens)]
        return [tokens[a:b] for a, b in zip(bounds, bounds[1:])]
    if not _leads(tokens[0]):
        return [[t] for t in tokens]
    bounds = [i for i, t in enumerate(tokens) if _leads(t)] + [len(tokens)]
    return [tokens[a:b] for a, b in zip(bounds, bounds[1:])]


def _stated_paragraphs(tokens: list[Token]) -> bool:
    """Paragraphs, each opening with a short sentence that states a problem and going on with what was
    done: ``落实科普工作的部署打了折扣。2024年10月，组织开展…``; never measures counted off by an ordinal
    (``一是建立学习制度。…``: the category over them is the problem)."""
    return all(t.kind == "body" and _states_first(t.piece.view) and ORDINAL.match(t.piece.view) is None
               for t in tokens)


def _states_first(view: str) -> bool:
    end = find_end(view, SENTENCE_END)
    return 0 < end <= TITLE_MAX and end < len(view) - 1

