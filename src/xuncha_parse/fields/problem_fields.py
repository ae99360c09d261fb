"""One problem's fields from its heading and lines: the title split from its cause, labelled lines
(``整改措施：``, ``整改进展：``, ``责任领导：``) fed to their fields, the stated status, and the finished
Problem dict (``Draft`` carries them while a problem is read)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..grammar import (
    CLAUSE_END,
    CLAUSE_OPEN,
    COMPLETED_PHRASE,
    DEADLINE_LABELS,
    IMMEDIATE,
    INLINE_LABEL,
    LABEL_FIELDS,
    LONG_TERM,
    SENTENCE_END,
    STATUS_COMPLETED,
    STATUS_GROUP,
    STATUS_IN_PROGRESS,
    STATUS_LABELS,
    STATUS_LINE_MAX,
    STATUS_ONLY,
    STATUS_PHRASE,
    TITLE_MAX,
    TITLE_WRAPPERS,
)
from ..layout.text import Piece, Source, join_text, piece_span, pieces_span
from ..layout.tokens import Token
from ..layout.tree import Node
from ..sentences import find_end, first_sentence, split_ordinals
from ..shapes import ItemDict, ProblemDict, SpanDict

if TYPE_CHECKING:
    pass



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


def split_title(piece: Piece, first: tuple[Piece, Piece] | None = None) -> tuple[Piece, Piece]:
    """(title, rest): the quoted or wrapped name, else the first sentence, else its first clause; never with the
    clause marks a sentence's end may carry on a damaged page (``…没有签到,。``, a cut ``…表决,,``).
    ``first`` is the piece's (first sentence, rest) when already known."""
    sentence, rest = first or first_sentence(piece)
    if sentence.view[-1:] in CLAUSE_OPEN:
        sentence = sentence.sub(0, len(sentence.view.rstrip(CLAUSE_OPEN))).strip()
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


def feed(draft: Draft, tok: Token) -> None:
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


def inline_labels(view: str) -> Iterator[re.Match[str]]:
    """INLINE_LABEL's matches.  A label ends with a colon or a closing bracket, and most text has neither:
    testing for them first is far cheaper than the pattern's scan."""
    if ":" in view or "】" in view or "]" in view:
        return INLINE_LABEL.finditer(view)
    return iter(())
