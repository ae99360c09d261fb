"""The library's entry points: a file, bytes or text in, a Notice out.

``parse_text(text) -> Notice`` runs the stage chain of ``pipeline.py`` over decoded text and
assembles the contract's dict from the state it leaves; it does no I/O, and neither does
``parse_bytes``, which first runs the reader (stage zero).  ``parse_file`` reads the file.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .pipeline import run
from .readers import read
from .shapes import NoticeDict, SourceDict
from .state import NoticeState, Origin

if TYPE_CHECKING:
    from .outputs.models import Notice

SCHEMA_VERSION = "1"


def parse_file(path: str | os.PathLike[str], with_text: bool = False) -> Notice:
    """Read and parse a notice file of any format the readers know (text, HTML, PDF, DOCX)."""
    with open(path, "rb") as f:
        return parse_bytes(f.read(), os.fsdecode(path), with_text)


def parse_bytes(data: bytes, path: str | None = None, with_text: bool = False) -> Notice:
    """Read and parse a notice's bytes, in any format the readers know, into a validated Notice; raises
    DecodeError (ReaderError for a PDF or Word file it cannot read) for bad input."""
    from .outputs.models import Notice

    return Notice.model_validate(bytes_to_dict(data, path, with_text))


def bytes_to_dict(data: bytes, path: str | None = None, with_text: bool = False) -> NoticeDict:
    """Read and parse a notice's bytes into a plain dict (the one path from bytes for the library,
    ``parse`` and ``batch``, so ``source`` always hashes and counts the bytes as given).  Stage zero,
    the reader, turns the bytes into text and says what the container knows; ``with_text`` puts that
    text, which every span indexes, in ``source.text``."""
    extracted = read(data, path)
    origin = Origin.of_text(extracted.text, path, extracted.encoding, data, extracted.format, extracted.page)
    return notice_dict(run(extracted.text, origin), with_text)


def parse_text(text: str, path: str | None = None, encoding: str = "utf-8", raw: bytes | None = None) -> Notice:
    """Parse decoded text into a validated Notice model."""
    from .outputs.models import Notice

    return Notice.model_validate(parse_to_dict(text, path, encoding, raw))


def parse_to_dict(text: str, path: str | None = None, encoding: str = "utf-8",
                  raw: bytes | None = None) -> NoticeDict:
    """Parse decoded text into a plain dict of the Notice shape."""
    return notice_dict(run(text, Origin.of_text(text, path, encoding, raw)))


def notice_dict(state: NoticeState, with_text: bool = False) -> NoticeDict:
    """The contract's Notice, in its field order, from the state the stages left."""
    return {
        "schema_version": SCHEMA_VERSION,
        "source": _source(state, with_text),
        "kind": state.kind,
        "kind_evidence": state.kind_evidence,
        "title": state.title,
        "title_span": state.title_span,
        "issuer": state.issuer,
        "addressee": state.addressee,
        "inspection": state.inspection,
        "declared": state.declared,
        "sections": state.sections,
        "problems": [p.fields for p in state.problems],
        "contacts": state.contacts,
        "publicity": state.publicity,
        "signature": state.signature,
        "needs_review": bool(state.review_reasons),
        "review_reasons": state.review_reasons,
        "diagnostics": [{"level": d.level, "code": d.code, "message": d.message, "line": d.line}
                        for d in state.diagnostics],
        "corrections": [],  # filled only by corrections.apply (``--corrections``)
    }


def _source(state: NoticeState, with_text: bool) -> SourceDict:
    o = state.origin
    return {"path": o.path, "sha256": o.sha256, "encoding": o.encoding, "bytes": o.bytes,
            "lines": len(state.source.line_starts), "format": o.format, "page": o.page,
            "text": state.source.text if with_text else None}
