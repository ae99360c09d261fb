"""The library: ``parse_text(text) -> Notice``, pure, no I/O."""
from __future__ import annotations

import hashlib
from dataclasses import asdict

from .decode import decode_bytes
from .document import Document, read_document
from .outline import sections
from .preamble import read_preamble
from .problems import find_problems


def parse_bytes(data: bytes, path: str | None = None):
    """Decode and parse a notice's bytes; raises DecodeError for bad input."""
    decoded = decode_bytes(data)
    return parse_text(decoded.text, path=path, encoding=decoded.encoding, raw=data)


def parse_text(text: str, path: str | None = None, encoding: str = "utf-8", raw: bytes | None = None):
    """Parse decoded text into a validated Notice model."""
    from .models import Notice

    return Notice.model_validate(parse_to_dict(text, path, encoding, raw))


def parse_to_dict(text: str, path: str | None = None, encoding: str = "utf-8", raw: bytes | None = None) -> dict:
    """Parse decoded text into a plain dict of the Notice shape (stages 2 to 6)."""
    doc = read_document(text)
    pre = read_preamble(doc.preamble)
    found = find_problems(doc.root, doc.source)
    raw = text.encode("utf-8") if raw is None else raw
    return {
        "schema_version": "1",
        "source": {"path": path, "sha256": hashlib.sha256(raw).hexdigest(), "encoding": encoding,
                   "bytes": len(raw), "lines": len(doc.source.line_starts)},
        "title": pre.title.text if pre.title else None,
        "addressee": pre.addressee.text if pre.addressee else None,
        "sections": sections(doc, {id(n) for n, _ in found}),
        "problems": [p for _, p in found],
        "diagnostics": [asdict(d) for d in doc.diagnostics],
    }
