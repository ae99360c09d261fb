"""Stage 7: the output contract (``docs/OUTPUT.md``, schema version 1, with the 1.1 source fields) as pydantic models.

``xuncha schema`` prints the JSON Schema generated from these classes.
"""
from __future__ import annotations

from typing import Any, Final, Literal, Optional

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Final = "1"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(Model):
    start: int = Field(description="character offset into the decoded source, inclusive")
    end: int = Field(description="character offset into the decoded source, exclusive")
    line_start: int = Field(description="1-based first line")
    line_end: int = Field(description="1-based last line")


class Date(Model):
    text: str
    iso: Optional[str] = None
    year: Optional[int] = None
    month: Optional[int] = None
    day: Optional[int] = None
    year_inferred: bool = False
    qualifier: Optional[str] = None


class Diagnostic(Model):
    level: Literal["warning", "info"]
    code: str
    message: str
    line: Optional[int] = None


class Page(Model):
    """What an HTML page's meta tags say (``ArticleTitle``, ``PubDate``, ``ContentSource``, ``SiteName``,
    ``ColumnName``, ``og:title``, ``<title>``, ``<link rel=canonical>``)."""

    title: Optional[str] = None
    published: Optional[str] = None
    source: Optional[str] = None
    site: Optional[str] = None
    column: Optional[str] = None
    url: Optional[str] = None


class SourceInfo(Model):
    path: Optional[str] = None
    sha256: str
    encoding: str
    bytes: int
    lines: int
    format: Literal["text", "html", "pdf", "docx", "ofd"] = Field("text", description="which reader ran (schema 1.1; ofd since 1.2)")
    page: Optional[Page] = Field(None, description="an HTML page's meta tags (schema 1.1)")
    text: Optional[str] = Field(None, description="with --with-text: the extracted text every span indexes")


class Inspection(Model):
    body: Optional[str] = None
    round: Optional[str] = None
    kind: Optional[str] = None
    target: Optional[str] = None
    start: Optional[Date] = None
    end: Optional[Date] = None
    feedback: Optional[Date] = None
    spans: dict[Literal["body", "target", "start", "end", "feedback"], Span] = Field(
        default_factory=dict, description="where body, target and the dates written in the text stand (extension)")


class Declared(Model):
    categories: Optional[int] = None
    problems: Optional[int] = None
    completed: Optional[int] = None
    in_progress: Optional[int] = None
    completion_rate: Optional[float] = None


class Item(Model):
    text: str
    ordinal: Optional[int] = None
    span: Span


class Entity(Model):
    type: Literal["date", "money", "percent", "document_number", "regulation", "count"]
    text: str
    value: Any
    span: Span


class Topic(Model):
    code: Literal["political_theory", "ideology", "party_organization", "integrity_supervision", "work_style",
                  "finance_assets", "personnel", "security_records", "institutions", "core_duties"]
    terms: list[str] = Field(description="the words that triggered the topic")


class Problem(Model):
    number: Optional[int] = None
    marker: Optional[str] = None
    category: Optional[str] = None
    group: Optional[str] = None
    title: Optional[str] = None
    description: Optional[str] = None
    leader: Optional[str] = Field(None, description="the responsible leader or person as written: 责任领导, 责任人 "
                                  "(schema 1.2)")
    leader_span: Optional[Span] = Field(None, description="where `leader` stands (schema 1.2)")
    cause: Optional[str] = None
    measures: list[Item] = []
    progress: list[Item] = []
    status: Literal["completed", "in_progress", "unknown"] = "unknown"
    status_text: Optional[str] = None
    status_span: Optional[Span] = Field(None, description="where status_text stands (extension)")
    long_term: bool = False
    immediate: bool = False
    entities: list[Entity] = []
    keywords: list[str] = Field([], description="top terms, with --keywords (extension)")
    topics: list[Topic] = Field([], description="taxonomy topics, with --keywords (extension)")
    span: Span


class Section(Model):
    marker: Optional[str] = None
    level: int
    number: Optional[int] = None
    heading: str
    heading_span: Optional[Span] = Field(None, description="where `heading` stands (schema 1.2)")
    role: Literal["overview", "rectification", "next_steps", "closing", "other"]
    text: Optional[str] = None
    span: Span = Field(description="the heading and everything below it")
    text_span: Optional[Span] = Field(None, description="where `text` stands (extension)")
    children: list["Section"] = []


class Contact(Model):
    type: Literal["phone", "email", "mailbox", "postcode", "address", "website"]
    value: str
    normalized: Optional[str] = None
    owner: Optional[str] = None
    span: Span


class Publicity(Model):
    start: Optional[Date] = None
    end: Optional[Date] = None


class Signature(Model):
    org: Optional[str] = None
    date: Optional[Date] = None
    date_span: Optional[Span] = Field(None, description="where `date` stands (schema 1.2)")
    span: Span


class Correction(Model):
    """A value a person corrected on the review page (``--corrections``): the value now in place, and the
    parsed one beside it (schema 1.2)."""

    path: str = Field(description="the field's path: `title`, `inspection.target`, `problems.3.status`, "
                      "`declared.problems`; `problems.3` removes a problem, `problems.+120` adds one")
    value: Any = Field(description="the corrected value, now in place at `path`")
    parsed: Any = Field(description="what the parser gave at `path`")
    source: Literal["corrected"] = "corrected"
    by: Optional[str] = Field(None, description="who corrected it")
    at: Optional[str] = Field(None, description="when, ISO 8601")


class Evidence(Model):
    """The words that decided a document's kind, and where they stand."""

    text: str
    span: Span


Kind = Literal["rectification", "announcement", "feedback", "plan", "mobilisation", "summary", "other"]


class Notice(Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: SourceInfo
    kind: Kind = Field("rectification", description="what the document is: a rectification notice or one of its "
                       "neighbours (schema 1.2)")
    kind_evidence: Optional[Evidence] = Field(None, description="the words that decided the kind (schema 1.2)")
    title: Optional[str] = None
    title_span: Optional[Span] = Field(None, description="where the title stands (extension)")
    issuer: Optional[str] = None
    addressee: Optional[str] = None
    inspection: Inspection = Inspection()
    declared: Declared = Declared()
    sections: list[Section] = []
    problems: list[Problem] = []
    contacts: list[Contact] = []
    publicity: Optional[Publicity] = None
    signature: Optional[Signature] = None
    needs_review: bool = Field(False, description="a person should look: see review_reasons (schema 1.2)")
    review_reasons: list[str] = Field(default_factory=list, description="the diagnostic codes behind needs_review "
                                      "(schema 1.2)")
    diagnostics: list[Diagnostic] = []
    corrections: list[Correction] = Field([], description="values a person corrected (schema 1.2, --corrections)")


# --------------------------------------------------------------------------
# Batch lines: a Notice, or an error record for a file that could not be parsed

from typing import Union  # noqa: E402

from pydantic import RootModel  # noqa: E402


class ErrorSource(Model):
    path: Optional[str] = Field(None, description="the file; undecodable name bytes written as \\udcXX")


class ErrorInfo(Model):
    type: str = Field(description="InputError, DecodeError, WorkerLost, or the exception of an internal error")
    message: str


class ErrorRecord(Model):
    """A batch line for a file that could not be parsed (``xuncha batch`` goes on with the rest)."""

    source: ErrorSource
    error: ErrorInfo


class BatchRecord(RootModel[Union[Notice, ErrorRecord]]):
    """One line of ``xuncha batch`` JSONL: a Notice, or an ErrorRecord."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        schema = super().model_json_schema(*args, **kwargs)
        schema["oneOf"] = schema.pop("anyOf")  # never both: each forbids the other's keys
        return schema
