"""The one object the stage chain passes along: what a notice's text has become so far.

Every stage of ``pipeline.STAGES`` takes a ``NoticeState`` and fills part of it; each
stage's docstring says what it reads and what it writes.  Nothing here is set lazily:
every field starts as an empty value of its final type and a stage replaces it.  The state
imports no stage: its token, node and text types sit below the stages (``nodes.py``, ``source.py``).
"""
from __future__ import annotations

import builtins
import hashlib
from dataclasses import dataclass, field
from typing import Any

from .nodes import Node, Token, root_node
from .shapes import (
    ContactDict,
    DeclaredDict,
    Diagnostic,
    EvidenceDict,
    InspectionDict,
    ProblemDict,
    PublicityDict,
    SectionDict,
    SignatureDict,
    SpanDict,
)
from .source import Piece, Source


@dataclass(frozen=True, slots=True)
class Origin:
    """What stage zero (a reader) knows of the text: the container, not the notice."""

    path: str | None
    sha256: str
    encoding: str
    bytes: int
    format: str = "text"
    page: dict[str, Any] | None = None

    @classmethod
    def of_text(cls, text: str, path: str | None = None, encoding: str = "utf-8", raw: builtins.bytes | None = None,
                format: str = "text", page: dict[str, Any] | None = None) -> Origin:
        """The origin of extracted text: the file's bytes as given (``raw``), else the text as UTF-8."""
        data = text.encode("utf-8") if raw is None else raw
        return cls(path, hashlib.sha256(data).hexdigest(), encoding, len(data), format, page)


@dataclass(eq=False, slots=True)
class FoundProblem:
    """A problem as the problems stage found it: its heading node, its Problem fields (a dict of the
    contract's shape, filled further by later stages) and the pieces of its text in source order."""

    node: Node
    fields: ProblemDict
    pieces: list[Piece]
    #: the problem's span is its node's: the heading and everything below it (not so for an unnumbered
    #: problem under a category heading, or a ledger row)
    whole_node: bool = True

    @property
    def span(self) -> SpanDict:
        return self.fields["span"]


def empty_inspection() -> InspectionDict:
    """An inspection of which nothing is known."""
    return {"body": None, "round": None, "kind": None, "target": None, "start": None, "end": None,
            "feedback": None, "spans": {}}


def empty_declared() -> DeclaredDict:
    """No counts declared."""
    return {"categories": None, "problems": None, "completed": None, "in_progress": None,
            "completion_rate": None}


@dataclass(slots=True)
class NoticeState:
    """The source, its tokens, the document's parts and tree, the problems and the contract's fields."""

    source: Source
    origin: Origin
    #: every line's token, then paragraphs once wrapped lines are rejoined
    tokens: list[Token] = field(default_factory=list)
    #: the document's parts: content tokens before the body, the body tree, the closing, the signature
    preamble: list[Token] = field(default_factory=list)
    body: list[Token] = field(default_factory=list)
    root: Node = field(default_factory=root_node)
    closing: list[Token] = field(default_factory=list)
    signature_tokens: list[Token] = field(default_factory=list)
    #: the title's lines, joined (None when the text has none), and whether it came from the page's
    #: metadata block rather than a line of the text
    title_piece: Piece | None = None
    title_from_page: bool = False
    #: the title is a news item's headline guessed among the first lines (fields/preamble.py ``headline_title``)
    title_from_headline: bool = False
    #: the intro paragraph(s) after the title and addressee, joined
    intro: Piece | None = None
    problems: list[FoundProblem] = field(default_factory=list)
    #: the pieces of every token outside a problem, in order
    outside: list[Piece] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # The contract's top-level fields (docs/OUTPUT.md), each empty until its stage fills it
    #: the title's text and where it stands (fields/preamble.py)
    title: str | None = None
    title_span: SpanDict | None = None
    #: who issued the notice (fields/meta.py ``stage_inspection``)
    issuer: str | None = None
    #: whom the notice is addressed to (fields/preamble.py)
    addressee: str | None = None
    #: who inspected whom, when (fields/meta.py)
    inspection: InspectionDict = field(default_factory=empty_inspection)
    #: the counts the text states (fields/meta.py)
    declared: DeclaredDict = field(default_factory=empty_declared)
    #: the outline (fields/outline.py)
    sections: list[SectionDict] = field(default_factory=list)
    #: the contact channels (fields/contacts.py)
    contacts: list[ContactDict] = field(default_factory=list)
    #: 公开期限 (fields/meta.py)
    publicity: PublicityDict | None = None
    #: the organisation and date at the end (fields/meta.py)
    signature: SignatureDict | None = None
    #: what the document is, and the words that decided (fields/kind.py); a rectification notice until then
    kind: str = "rectification"
    kind_evidence: EvidenceDict | None = None
    #: the rule that decided the kind (fields/kind.py KIND_RULES): ``title``, ``formula``, ``structure``, …
    kind_basis: str | None = None
    #: the diagnostic codes that make the notice need a person's look (fields/checks.py ``stage_review``)
    review_reasons: list[str] = field(default_factory=list)

    @property
    def problem_nodes(self) -> dict[Node, SpanDict | None]:
        """The nodes that head a problem, with the problem's span where it is the node's own (a numbered
        problem), None where the node is a category over unnumbered problems (or holds a ledger)."""
        out: dict[Node, SpanDict | None] = {}
        for p in self.problems:
            out[p.node] = p.span if p.whole_node and p.node not in out else None
        return out

