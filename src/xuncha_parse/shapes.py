"""The output contract's shapes as the stages build them: TypedDicts that mirror ``outputs/models.py``.

The stages build plain dicts (validating every nested object with pydantic would cost the parser a
fifth of its time); mypy checks them against these shapes, and ``tests/test_shapes.py`` checks that
every shape names exactly the fields of its pydantic model.  ``Diagnostic`` is the one form of a
diagnostic inside the parser; it becomes a ``DiagnosticDict`` when the notice is assembled.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional, TypedDict


@dataclass(slots=True)
class Diagnostic:
    """What the parser noticed and could not reconcile: ``count_mismatch``, ``numbering_gap``, …"""

    level: str
    code: str
    message: str
    line: Optional[int] = None


class SpanDict(TypedDict):
    start: int
    end: int
    line_start: int
    line_end: int


class DateDict(TypedDict):
    text: str
    iso: Optional[str]
    year: Optional[int]
    month: Optional[int]
    day: Optional[int]
    year_inferred: bool
    qualifier: Optional[str]


class DiagnosticDict(TypedDict):
    level: str
    code: str
    message: str
    line: Optional[int]


class SourceDict(TypedDict):
    path: Optional[str]
    sha256: str
    encoding: str
    bytes: int
    lines: int
    format: str
    page: Optional[dict[str, Optional[str]]]
    text: Optional[str]


class InspectionDict(TypedDict):
    body: Optional[str]
    round: Optional[str]
    kind: Optional[str]
    target: Optional[str]
    start: Optional[DateDict]
    end: Optional[DateDict]
    feedback: Optional[DateDict]
    spans: dict[str, SpanDict]


class DeclaredDict(TypedDict):
    categories: Optional[int]
    problems: Optional[int]
    completed: Optional[int]
    in_progress: Optional[int]
    completion_rate: Optional[float]


class ItemDict(TypedDict):
    text: str
    ordinal: Optional[int]
    span: SpanDict


class EntityDict(TypedDict):
    type: str
    text: str
    value: Any
    span: SpanDict


class TopicDict(TypedDict):
    code: str
    terms: list[str]


class ProblemDict(TypedDict):
    number: Optional[int]
    marker: Optional[str]
    category: Optional[str]
    group: Optional[str]
    title: Optional[str]
    description: Optional[str]
    leader: Optional[str]
    leader_span: Optional[SpanDict]
    cause: Optional[str]
    measures: list[ItemDict]
    progress: list[ItemDict]
    status: str
    status_text: Optional[str]
    status_span: Optional[SpanDict]
    long_term: bool
    immediate: bool
    entities: list[EntityDict]
    keywords: list[str]
    topics: list[TopicDict]
    span: SpanDict


class SectionDict(TypedDict):
    marker: Optional[str]
    level: int
    number: Optional[int]
    heading: str
    heading_span: SpanDict
    role: str
    text: Optional[str]
    span: SpanDict
    text_span: Optional[SpanDict]
    children: list["SectionDict"]


class ContactDict(TypedDict):
    type: str
    value: str
    normalized: Optional[str]
    owner: Optional[str]
    span: SpanDict


class PublicityDict(TypedDict):
    start: Optional[DateDict]
    end: Optional[DateDict]


class SignatureDict(TypedDict):
    org: Optional[str]
    date: Optional[DateDict]
    date_span: Optional[SpanDict]
    span: SpanDict


class CorrectionDict(TypedDict):
    path: str
    value: Any
    parsed: Any
    source: str
    by: Optional[str]
    at: Optional[str]


class EvidenceDict(TypedDict):
    text: str
    span: SpanDict


class NoticeDict(TypedDict):
    schema_version: str
    source: SourceDict
    kind: str
    kind_evidence: Optional[EvidenceDict]
    title: Optional[str]
    title_span: Optional[SpanDict]
    issuer: Optional[str]
    addressee: Optional[str]
    inspection: InspectionDict
    declared: DeclaredDict
    sections: list[SectionDict]
    problems: list[ProblemDict]
    contacts: list[ContactDict]
    publicity: Optional[PublicityDict]
    signature: Optional[SignatureDict]
    needs_review: bool
    review_reasons: list[str]
    diagnostics: list[DiagnosticDict]
    corrections: list[CorrectionDict]
