"""Stage 5a: cut the token stream into preamble, body, closing and signature, and fold the body.

The preamble is everything before the first heading or labelled line (title,
addressee, intro).  The closing starts after the last heading, at the first
invitation to supervise (``欢迎…监督``, ``如有意见建议``) or paragraph opening with a
contact channel (``联系电话：…``).  The signature is the organisation line(s)
and the date alone on its line at the very end.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..fields.roles import assign_roles
from ..grammar import CLOSING, CLOSING_CONFIRM, SIGNATURE_ORG
from .paragraphs import rejoin
from .text import Source, split_lines
from .tokens import Token, tokenize
from .tree import Diagnostic, Node, fold

_STRUCTURE = ("heading", "label")


@dataclass(slots=True)
class Document:
    """Every token of a notice, in exactly one of its parts."""

    source: Source
    tokens: list[Token]
    preamble: list[Token]
    root: Node
    closing: list[Token]
    signature: list[Token]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def parts(doc: Document):
    """(part, token) for every token that landed somewhere: preamble, a section node, closing, signature."""
    for tok in doc.preamble:
        yield "preamble", tok
    for tok in doc.root.body:
        yield "body", tok
    stack = list(reversed(doc.root.children))
    while stack:
        node = stack.pop()
        yield "section", node.token
        for tok in node.body:
            yield "section", tok
        stack.extend(reversed(node.children))
    for tok in doc.closing:
        yield "closing", tok
    for tok in doc.signature:
        yield "signature", tok


def read_document(text: str) -> Document:
    """Run stages 2 to 5 over decoded text."""
    source = Source(text)
    tokens = rejoin(tokenize(split_lines(source)))
    sig = signature_start(tokens)
    close = closing_start(tokens, sig)
    first = next((i for i, t in enumerate(tokens[:close]) if t.kind in _STRUCTURE), close)
    root, diagnostics = fold(tokens[first:close])
    assign_roles(root)
    return Document(source, tokens, _content(tokens[:first]), root,
                    _content(tokens[close:sig]), _content(tokens[sig:]), diagnostics)


def _content(tokens: list[Token]) -> list[Token]:
    return [t for t in tokens if t.kind not in ("blank", "noise")]


def signature_start(tokens: list[Token]) -> int:
    """Index of the first signature token (organisation, then date), else len(tokens)."""
    idx = [i for i, t in enumerate(tokens) if t.kind not in ("blank", "noise")]
    if not idx:
        return len(tokens)
    k = len(idx) - 1
    dated = tokens[idx[k]].is_date_line
    if dated:
        k -= 1
    orgs = 0
    while k >= 0 and orgs < 2 and _is_org(tokens[idx[k]]):
        orgs, k = orgs + 1, k - 1
    if not orgs and not dated:
        return len(tokens)
    if not dated and not _org_stands_apart(tokens, idx[k + 1]):
        return len(tokens)
    return idx[k + 1] if orgs or dated else len(tokens)


def _is_org(tok: Token) -> bool:
    view = tok.piece.view
    return tok.kind == "body" and not tok.is_date_line and SIGNATURE_ORG.match(view) is not None \
        and not CLOSING.search(view)


def _org_stands_apart(tokens: list[Token], i: int) -> bool:
    """A signature without a date must be set off: a blank line or a closing paragraph before it."""
    j = i - 1
    while j >= 0 and tokens[j].kind == "noise":
        j -= 1
    return j >= 0 and (tokens[j].kind == "blank" or CLOSING.search(tokens[j].piece.view) is not None)


def closing_start(tokens: list[Token], end: int) -> int:
    """Index of the closing invitation after the last heading, else ``end``."""
    last = max((i for i, t in enumerate(tokens[:end]) if t.kind == "heading"), default=-1)
    for i in range(last + 1, end):
        tok = tokens[i]
        if tok.kind == "body" and CLOSING.search(tok.piece.view) and _confirmed(tokens, i, end):
            return i
    return end


def _confirmed(tokens: list[Token], i: int, end: int) -> bool:
    """The invitation, or the paragraph after it, is about the rectification or gives a channel; or
    the signature (which starts at ``end``) follows it directly."""
    rest = [t for t in tokens[i + 1:end] if t.kind not in ("blank", "noise")]
    views = [tokens[i].piece.view] + [t.piece.view for t in rest[:1]]
    signed_next = not rest and end < len(tokens)
    return signed_next or any(CLOSING_CONFIRM.search(v) for v in views)
