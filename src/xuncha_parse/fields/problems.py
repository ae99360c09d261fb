"""Stage 6: the problems, read off the rectification part of the tree.

A problem is a heading in a rectification section that has no headings below
it, or that is numbered as a problem (``问题1：``), or whose labelled lines
come before its sub-points, or that states a shortcoming and has short
numbered remedies below it.  Headings above it are its category (the outer)
and group (the inner); a group that names a status (``已完成的整改事项``)
gives its problems that status.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..grammar import (
    CATEGORY_HEADING,
    CLAUSE_END,
    CLAUSE_OPEN,
    COMPLETED_PHRASE,
    CUT_CLAUSE_MAX,
    DEADLINE_LABELS,
    HEADING_END,
    HEADING_LIKE_MAX,
    IMMEDIATE,
    INLINE_LABEL,
    LABEL_FIELDS,
    LONG_TERM,
    ORDINAL,
    PROBLEM_LABEL,
    PROBLEM_SECTION,
    SENTENCE_END,
    SHORTCOMING,
    STATUS_COMPLETED,
    STATUS_GROUP,
    STATUS_IN_PROGRESS,
    STATUS_LABELS,
    STATUS_LINE_MAX,
    STATUS_ONLY,
    STATUS_PHRASE,
    SUB_POINT_MAX,
    TITLE_MAX,
    TITLE_WRAPPERS,
)
from ..layout.text import Piece, Source, join_text, piece_span, pieces_span
from ..layout.tokens import VOID_KINDS, Token
from ..layout.tree import Node
from ..sentences import find_end, first_sentence, split_ordinals
from ..shapes import ItemDict, ProblemDict, SpanDict
from ..state import FoundProblem

if TYPE_CHECKING:
    from ..state import NoticeState
from .kind import is_rectification
from .roles import wrapper_free


@dataclass(slots=True)
class Draft:
    """A problem being read: what has been found so far and which field the text is feeding."""

    node: Node
    title: Piece | None = None
    description: list[Piece] = field(default_factory=list)
    leader: list[Piece] = field(default_factory=list)
    cause: list[Piece] = field(default_factory=list)
    measures: list[tuple[Piece, int | None]] = field(default_factory=list)
    progress: list[tuple[Piece, int | None]] = field(default_factory=list)
    status_lines: list[tuple[str, Piece]] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    feeding: str = "measures"
    expect: dict[str, int] = field(default_factory=lambda: {"measures": 1, "progress": 1})


def stage_problems(state: NoticeState) -> None:
    """Reads ``root`` (with roles) and the field ``kind``; writes ``problems``, each with its Problem fields
    but entities (none for a document that is not a rectification notice)."""
    if is_rectification(state):
        state.problems = find_problems(state.root, state.source)
        if state.problems and _cut_heading(state.problems[-1].node, state.tokens):
            state.problems.pop()


def _cut_heading(node: Node, tokens: list[Token]) -> bool:
    """Is the problem a short bare heading cut by the end of a truncated text: the text's last line, with
    nothing below it, ending on an open clause or a stub of one (``2.弥补差距,致``), cut in mid-word before any
    word of a shortcoming (``(一)贯彻落实上级重大决策部``), or a status group whose items were cut off
    (``(一)已整改完成的问题``)?  (A long one keeps the problem's statement, cut or not.)"""
    last = next((t for t in reversed(tokens) if t.kind not in VOID_KINDS), None)
    if last is not node.token or node.body or node.children:
        return False
    view = node.token.content.view.rstrip()
    if not view:
        return True
    mid_word = not (HEADING_END.search(view) or view[-1] in SENTENCE_END or SHORTCOMING.search(view))
    cut = view[-1] in CLAUSE_OPEN or stub_clause(view) or mid_word or STATUS_GROUP.search(view) is not None
    return len(view) <= HEADING_LIKE_MAX and cut


def stub_clause(view: str) -> bool:
    """Does the line end on a clause of a character or two after a comma (``弥补差距,致``), as a cut line does?"""
    clause = view[max(view.rfind(c) for c in CLAUSE_END + CLAUSE_OPEN) + 1:]
    return clause != view and len(clause) <= CUT_CLAUSE_MAX and clause[-1:] not in SENTENCE_END


def find_problems(root: Node, source: Source) -> list[FoundProblem]:
    """Every problem in source order: its node, a dict of the Problem shape and its text pieces."""
    out: list[FoundProblem] = []
    rect = [n for n in root.children if n.role == "rectification"]
    if wrapper_free(root):
        _walk_nodes(rect, [], source, out)
    else:
        for top in rect:
            if PROBLEM_SECTION.match(top.heading.view.rstrip("。")):
                out.extend(build_node(top, [], source))
            else:
                _walk_nodes(top.children, [], source, out)
    return out


def _walk_nodes(nodes: list[Node], chain: list[Node], source: Source, out: list[FoundProblem]) -> None:
    for node in nodes:
        if is_problem(node, nodes):
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
    runs = _unnumbered_runs(tokens) if any(_has_label(t) for t in tokens) else [[t] for t in tokens]
    found = [build(node, chain + [node], source, run[0].piece, run[1:], None, run) for run in runs]
    if node.role == "rectification" and not CATEGORY_HEADING.search(node.heading.view):
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
        _feed(draft, tok)
    numbering = (None, None) if node in chain else (node.number, node.token.marker)
    span = tokens_span(own or [node.token] + tokens, source)
    return FoundProblem(node, finish_problem(draft, chain, source, numbering, span), pieces_of(draft), not own)


def pieces_of(draft: Draft) -> list[Piece]:
    """Every piece of a problem's text, in source order."""
    pieces = [draft.title] if draft.title else []
    pieces += draft.description + draft.leader + draft.cause + [p for p, _ in draft.measures] + [p for p, _ in draft.progress]
    return sorted(pieces, key=lambda p: p.srcs[0])


def _has_label(tok: Token) -> bool:
    return tok.kind == "label" or (tok.kind == "body" and next(inline_labels(tok.piece.view), None) is not None)


def inline_labels(view: str) -> Iterator[re.Match[str]]:
    """INLINE_LABEL's matches.  A label ends with a colon or a closing bracket, and most text has neither:
    testing for them first is far cheaper than the pattern's scan."""
    if ":" in view or "】" in view or "]" in view:
        return INLINE_LABEL.finditer(view)
    return iter(())


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
    any heading over problems each stated under the word 问题 (``问题:…`` / ``整改:…``)."""
    if node.children or not tokens or tokens[0].kind != "body" or node.sentence[1].text:
        return False
    named = CATEGORY_HEADING.search(node.heading.view) is not None or PROBLEM_LABEL.match(tokens[0].piece.view) is not None
    return named and (any(_has_label(t) for t in tokens) or _stated_paragraphs(tokens))


def _stated_paragraphs(tokens: list[Token]) -> bool:
    """Paragraphs, each opening with a short sentence that states a problem and going on with what was
    done: ``落实科普工作的部署打了折扣。2024年10月，组织开展…``; never measures counted off by an ordinal
    (``一是建立学习制度。…``: the category over them is the problem)."""
    return all(t.kind == "body" and _states_first(t.piece.view) and ORDINAL.match(t.piece.view) is None
               for t in tokens)


def _states_first(view: str) -> bool:
    end = find_end(view, SENTENCE_END)
    return 0 < end <= TITLE_MAX and end < len(view) - 1


def split_title(piece: Piece, first: tuple[Piece, Piece] | None = None) -> tuple[Piece, Piece]:
    """(title, rest): the quoted or wrapped name, else the first sentence, else its first clause.
    ``first`` is the piece's (first sentence, rest) when already known."""
    sentence, rest = first or first_sentence(piece)
    for wrapper in TITLE_WRAPPERS:
        m = wrapper.match(sentence.view)
        if m and _wraps_whole_name(m, sentence.view):
            return piece.sub(m.start("title"), m.end("title")).strip(), _after(piece, m.end())
    if len(sentence.view) > TITLE_MAX:
        cut = find_end(sentence.view, CLAUSE_END)
        if cut > 0:
            return piece.sub(0, cut).strip(), piece.sub(cut + 1).strip()
    return sentence, rest


def _wraps_whole_name(m: re.Match[str], view: str) -> bool:
    """``关于“X”问题…`` wraps the name X; ``关于“三会一课”制度落实不到位…`` only quotes part of it."""
    closed = view.find("”", m.end("title"))
    suffix = view[closed + 1:m.end()].strip() if closed >= 0 else "x"
    rest = view[m.end():m.end() + 1]
    return bool(suffix) or not rest or not ("\u4e00" <= rest <= "\u9fff")


def _after(piece: Piece, end: int) -> Piece:
    """The rest of a piece after a title wrapper, without the stop that ended the sentence."""
    rest = piece.sub(end).strip()
    return rest.sub(1).strip() if rest.view[:1] in SENTENCE_END else rest


def split_labels(piece: Piece) -> list[tuple[str | None, Piece]]:
    """A paragraph cut where labels stand inside it: ``…不严格。整改措施：…`` → [(None, …), (整改措施, …)]."""
    out: list[tuple[str | None, Piece]] = []
    start = 0
    label: str | None = None
    for m in inline_labels(piece.view):
        out.append((label, piece.sub(start, m.start()).strip()))
        label, start = m.group("label"), m.end()
    out.append((label, piece.sub(start).strip()))
    return [(name, part) for name, part in out if name or part.text]


def read_heading(draft: Draft, piece: Piece, has_labels: bool, first: tuple[Piece, Piece] | None) -> None:
    draft.title, rest = split_title(piece, first)
    segments = split_labels(rest) if rest.text else []
    labelled = has_labels or any(name for name, _ in segments)
    for name, value in segments:
        if name:
            feed_label(draft, name, value)
        else:
            _add(draft, "description" if labelled else "measures", value)


def _feed(draft: Draft, tok: Token) -> None:
    if tok.kind == "heading":
        _add(draft, draft.feeding, tok.piece, ordinal=tok.number)
        return
    first = tok.label if tok.kind == "label" else None
    segments = split_labels(tok.content)
    if not segments and first:
        feed_label(draft, first, tok.content)
    for name, value in segments:
        name, first = name or first, None
        if name:
            feed_label(draft, name, value)
        else:
            _add(draft, draft.feeding, value)


def feed_label(draft: Draft, label: str, value: Piece) -> None:
    kind = LABEL_FIELDS[label]
    value = value.strip()
    # ``整改进展：已完成。`` states the status and nothing else
    may_state = label in STATUS_LABELS or (kind == "progress" and STATUS_ONLY.match(value.view) is not None
                                           and status_of(value.view) is not None)
    if may_state and _status_line(draft, value):
        return
    if label in DEADLINE_LABELS:
        draft.said.append(value.view)  # ``整改时限：长期坚持`` says long_term
    draft.feeding = "description" if kind == "leader" else kind  # a leader is the label's value alone
    if value.text:
        _add(draft, kind, value)


def _status_line(draft: Draft, value: Piece) -> bool:
    """A short labelled value that names a status is the problem's status line."""
    if len(value.view) > STATUS_LINE_MAX:
        return False
    draft.said.append(value.view)
    status = status_of(value.view)
    if status:
        draft.status_lines.append((status, value))
    return status is not None


def status_of(text: str) -> str | None:
    """``整改完成，长期推进`` → completed; ``正在整改``, ``长期坚持`` → in_progress; else None."""
    if STATUS_IN_PROGRESS.search(text):
        return "in_progress"
    if STATUS_COMPLETED.search(text):
        return "completed"
    return "in_progress" if LONG_TERM.search(text) else None


def _add(draft: Draft, kind: str, piece: Piece, ordinal: int | None = None) -> None:
    if kind in ("description", "leader", "cause"):
        getattr(draft, kind).append(piece)
        return
    items = getattr(draft, kind)
    if ordinal is not None:
        items.append((piece, ordinal))
        return
    parts, draft.expect[kind] = split_ordinals(piece, draft.expect[kind])
    items.extend(parts)


def finish_problem(draft: Draft, chain: list[Node], source: Source, numbering: tuple[int | None, str | None],
            span: SpanDict) -> ProblemDict:
    category, group, status_head = _context(chain)
    status, said_status = _status(draft, status_head)
    status_text = said_status.text if said_status is not None else None
    said = " ".join([status_text or "", group.view if group else ""] + draft.said)
    return {
        "number": numbering[0],
        "marker": numbering[1],
        "category": category.text if category else None,
        "group": group.text if group else None,
        "title": draft.title.text if draft.title and draft.title.text else None,
        "description": join_text(draft.description),
        "leader": join_text(draft.leader) if draft.leader else None,
        "leader_span": pieces_span(draft.leader, source) if draft.leader else None,
        "cause": join_text(draft.cause),
        "measures": [_item(p, n, source) for p, n in draft.measures],
        "progress": [_item(p, n, source) for p, n in draft.progress],
        "status": status,
        "status_text": status_text,
        "status_span": piece_span(said_status, source) if said_status is not None else None,
        "long_term": LONG_TERM.search(said) is not None,
        "immediate": _immediate(draft, said),
        "entities": [],
        "keywords": [],
        "topics": [],
        "span": span,
    }


def _immediate(draft: Draft, said: str) -> bool:
    """``立行立改`` in the title, a status, or opening a measure (``整改情况：立行立改，追回…``); not in the
    middle of one (``查摆出的问题深挖病根病源、立行立改``), where it describes the way of working."""
    if IMMEDIATE.search(said + (draft.title.view if draft.title else "")):
        return True
    return any(IMMEDIATE.match(piece.view) for piece, _ in draft.measures + draft.progress)


def _context(chain: list[Node]) -> tuple[Piece | None, Piece | None, Piece | None]:
    """(category, group, the heading that names a status) from the headings above a problem."""
    status_heads: list[Piece] = []
    plain: list[Piece] = []
    for node in chain:
        (status_heads if STATUS_GROUP.search(node.heading.view) else plain).append(node.heading)
    category = plain[0] if plain else None
    group = plain[-1] if len(plain) >= 2 else (status_heads[-1] if status_heads else None)
    return category, group, status_heads[-1] if status_heads else None


def _group_status(head: Piece) -> str:
    """``已完成的整改事项`` → completed; ``持续推进的整改事项`` → in_progress."""
    # a status head is one that STATUS_GROUP matched
    return status_of(STATUS_GROUP.search(head.view).group("status")) or "in_progress"  # type: ignore[union-attr]


def _status(draft: Draft, status_head: Piece | None) -> tuple[str, Piece | None]:
    """The status and the words it was read from: the last status line, the group's heading, or the
    last status phrase of the progress or measures."""
    if draft.status_lines:
        return draft.status_lines[-1]
    if status_head is not None:
        return _group_status(status_head), status_head
    for items in (draft.progress, draft.measures):
        for piece, _ in reversed(items):
            found = list(STATUS_PHRASE.finditer(piece.view))
            if found:
                m = found[-1]
                status = "completed" if COMPLETED_PHRASE.fullmatch(m.group()) else "in_progress"
                return status, piece.sub(m.start(), m.end())
    return "unknown", None


def _item(piece: Piece, ordinal: int | None, source: Source) -> ItemDict:
    return {"text": piece.text, "ordinal": ordinal, "span": piece_span(piece, source)}


def tokens_span(tokens: list[Token], source: Source) -> SpanDict:
    """From the first token's start to the last one's end (tokens follow each other in the source)."""
    return source.span_dict(tokens[0].piece.src_range()[0], tokens[-1].piece.src_range()[1])
