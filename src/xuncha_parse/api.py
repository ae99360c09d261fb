"""The library's entry points: bytes or text in, a Notice out.  Pure: no I/O.

``parse_text(text) -> Notice`` runs the stage chain of ``pipeline.py`` over decoded text and
assembles the contract's dict from the state it leaves; ``parse_bytes`` first decodes.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

from .decode import decode_bytes
from .pipeline import run
from .shapes import NoticeDict, SourceDict
from .state import NoticeState, Origin

if TYPE_CHECKING:
    from .outputs.models import Notice

SCHEMA_VERSION = "1"


def parse_bytes(data: bytes, path: str | None = None) -> Notice:
    """Decode and parse a notice's bytes into a validated Notice; raises DecodeError for bad input."""
    from .outputs.models import Notice

    return Notice.model_validate(bytes_to_dict(data, path))


def bytes_to_dict(data: bytes, path: str | None = None) -> NoticeDict:
    """Decode and parse a notice's bytes into a plain dict (the one path from bytes for the library,
    ``parse`` and ``batch``, so ``source`` always hashes and counts the bytes as given)."""
    decoded = decode_bytes(data)
    return parse_to_dict(decoded.text, path, decoded.encoding, raw=data)


def parse_text(text: str, path: str | None = None, encoding: str = "utf-8", raw: bytes | None = None) -> Notice:
    """Parse decoded text into a validated Notice model."""
    from .outputs.models import Notice

    return Notice.model_validate(parse_to_dict(text, path, encoding, raw))


def parse_to_dict(text: str, path: str | None = None, encoding: str = "utf-8",
                  raw: bytes | None = None) -> NoticeDict:
    """Parse decoded text into a plain dict of the Notice shape."""
    return notice_dict(run(text, Origin.of_text(text, path, encoding, raw)))


def notice_dict(state: NoticeState) -> NoticeDict:
    """The contract's Notice, in its field order, from the state the stages left."""
    fields = state.fields
    return {
        "schema_version": SCHEMA_VERSION,
        "source": _source(state),
        "title": fields["title"],
        "issuer": fields["issuer"],
        "addressee": fields["addressee"],
        "inspection": fields["inspection"],
        "declared": fields["declared"],
        "sections": fields["sections"],
        "problems": [p.fields for p in state.problems],
        "contacts": fields["contacts"],
        "publicity": fields["publicity"],
        "signature": fields["signature"],
        "diagnostics": [asdict(d) for d in state.diagnostics],  # type: ignore[misc]
    }


def _source(state: NoticeState) -> SourceDict:
    o = state.origin
    return {"path": o.path, "sha256": o.sha256, "encoding": o.encoding, "bytes": o.bytes,
            "lines": len(state.source.line_starts)}
