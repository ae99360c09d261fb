"""Stage 5a: cut the token stream into preamble, body, closing and signature.

A table of contents above the title is page furniture.  The preamble is everything
before the first heading or labelled line (title, addressee, intro), or before a
first ``问题:…`` line (a list with no heading above it), or, in a text with neither, before the first of its
paragraphs that each open by naming a problem (``关于…的问题。…``, ``一是…不严。…``).  The closing starts after
the last heading, at the first invitation to supervise (``欢迎…监督``,
``如有意见建议``) or paragraph opening with a contact channel (``联系电话：…``).
The signature is the organisation line(s) and the date alone on its line at the
very end.
"""
from __future__ import annotations

from itertools import islice
from typing import TYPE_CHECKING, Iterator

from ..grammar import (
    AFTER_SIGNATURE,
    AFTER_SIGNATURE_LINES,
    ATTACHMENT_ITEM,
    CLOSING,
    CLOSING_CONFIRM,
    CONTENTS_MIN,
    COPY_STARTS,
    PROBLEM_LABEL,
    PROBLEM_ORDINAL,
    PROBLEM_PARAGRAPH,
    SENTENCE_END,
    SHORTCOMING,
    SIGNATURE_ORG,
    SIGNER,
    TITLE_MAX,
    UNHEADED_MIN,
)
from ..numerals import to_int
from ..sentences import find_end
from .text import Piece
from .tokens import VOID_KINDS, Token, content_tokens

if TYPE_CHECKING:
    from ..state import NoticeState

#: token kinds that open the body: the first heading or labelled line
_STRUCTURE = ("heading", "label")


def stage_parts(state: NoticeState) -> None:
    """Reads ``tokens``; writes ``preamble``, ``body``, ``closing`` and ``signature_tokens`` (content tokens only,
    except ``body``, which the tree stage folds and which keeps every token)."""
    tokens = state.tokens
    _drop_repeat(tokens)
    _drop_contents(tokens)
    _drop_after_signature(tokens)
    sig = signature_start(tokens)
    close = closing_start(tokens, sig)
    first = next((i for i, t in enumerate(tokens[:close]) if _opens_body(t)), close)
    if first == close:
        first = next(iter(problem_paragraphs(tokens[:close])), close)
    state.preamble = content_tokens(tokens[:first])
    state.body = tokens[first:close]
    state.closing = content_tokens(tokens[close:sig])
    state.signature_tokens = content_tokens(tokens[sig:])


def _opens_body(tok: Token) -> bool:
    """The first heading or labelled line; or, in a notice without either above its list, the first problem
    stated under the word 问题 (``问题:…`` / ``整改:…``)."""
    return tok.kind in _STRUCTURE or (tok.kind == "body" and PROBLEM_LABEL.match(tok.piece.view) is not None)


def problem_paragraphs(tokens: list[Token]) -> list[int]:
    """In a text with no heading nor label, the paragraphs that each open a problem, two or more: named
    (``关于境外业务监管薄弱的问题。对…``), or a run of ordinals ``一是…。二是…。`` each opening with a short sentence
    and going on, at least half of those sentences stating a shortcoming (``…监管不严。``; measures counted off
    the same way state none: ``一是提高思想认识。…``).  Their indices in ``tokens``."""
    named = [i for i, t in enumerate(tokens) if t.kind == "body" and PROBLEM_PARAGRAPH.match(t.piece.view)]
    if len(named) >= UNHEADED_MIN:
        return named
    run: list[tuple[int, bool]] = []  # (index, whether its first sentence states a shortcoming)
    for i, tok in enumerate(tokens):
        stated = _ordinal_statement(tok, len(run) + 1)
        if stated is not None:
            run.append((i, stated))
    shortcomings = sum(stated for _, stated in run)
    return [i for i, _ in run] if len(run) >= UNHEADED_MIN and 2 * shortcomings >= len(run) else []


def _ordinal_statement(tok: Token, number: int) -> bool | None:
    """Does ``一是…不严。…`` (the ordinal ``number``) state a shortcoming in its short first sentence, with more
    after it?  None when the paragraph is no such item."""
    view = tok.piece.view
    m = PROBLEM_ORDINAL.match(view) if tok.kind == "body" else None
    if m is None or to_int(m.group("num") or m.group("num2")) != number:
        return None
    end = find_end(view, SENTENCE_END)
    if not m.end() < end <= m.end() + TITLE_MAX or end >= len(view) - 1:
        return None
    return SHORTCOMING.search(view, m.end(), end) is not None


def problem_opening(tok: Token) -> Piece:
    """A problem paragraph from its name on: past the ordinal of ``一是…``."""
    m = PROBLEM_ORDINAL.match(tok.piece.view)
    return tok.piece.sub(m.end()) if m else tok.piece


def stage_outside(state: NoticeState) -> None:
    """Reads the parts, ``root`` and ``problems``; writes ``outside``: the piece of every token that is
    not part of a problem (where the declared counts and, without a closing, the contacts are)."""
    problems = state.problem_nodes
    pieces = [t.piece for t in state.preamble]
    for node in state.root.walk(prune=problems.__contains__):  # nothing below a problem is outside it
        if node not in problems:
            pieces.append(node.token.piece)
            pieces.extend(t.piece for t in node.body)
    state.outside = pieces + [t.piece for t in state.closing]


def closing_pieces(state: NoticeState) -> list[Piece]:
    """The closing and the signature; without either, everything outside the problems."""
    return [t.piece for t in state.closing + state.signature_tokens] or state.outside


def parts(state: NoticeState) -> Iterator[tuple[str, Token]]:
    """(part, token) for every token that landed somewhere: preamble, a section node, closing, signature."""
    for tok in state.preamble:
        yield "preamble", tok
    for tok in state.root.body:
        yield "body", tok
    for node in state.root.walk():
        yield "section", node.token
        for tok in node.body:
            yield "section", tok
    for tok in state.closing:
        yield "closing", tok
    for tok in state.signature_tokens:
        yield "signature", tok


def _drop_repeat(tokens: list[Token]) -> None:
    """Make noise of a second copy of the text (a page that renders a table cell twice): from some line on, the
    lines repeat the text's opening lines one for one to the end (the last perhaps cut), at least CONTENTS_MIN of
    them (a copy is no longer than what it copies, so it starts in the second half; COPY_STARTS bounds the tries)."""
    content = content_tokens(tokens)
    n = len(content)
    first = content[0].piece.view if content else ""
    starts = (k for k in range((n + 1) // 2, n - CONTENTS_MIN + 1) if content[k].piece.view == first)
    for k in islice(starts, COPY_STARTS):
        if _copies(content[k:], content):
            for tok in content[k:]:
                tok.kind = "noise"
            return


def _copies(copy: list[Token], original: list[Token]) -> bool:
    """Does ``copy`` repeat the opening lines of ``original`` one for one, its last line perhaps cut short?"""
    *whole, last = copy
    return all(a.piece.view == b.piece.view for a, b in zip(whole, original)) \
        and original[len(whole)].piece.view.startswith(last.piece.view)


def _drop_contents(tokens: list[Token]) -> None:
    """Make noise of a table of contents set above the title (a document site's page): the headings the text
    opens with, at least CONTENTS_MIN with no text between them, when the first opens a heading of its style
    and number again further down (``一、统一思想认识`` … ``一、统一思想认识,端正整改态度``)."""
    end = next((i for i, t in enumerate(tokens) if t.kind not in VOID_KINDS and t.kind != "heading"), len(tokens))
    run = [t for t in tokens[:end] if t.kind == "heading"]
    if len(run) < CONTENTS_MIN:
        return
    first = run[0]
    words = first.content.view
    if any(t.kind == "heading" and t.style == first.style and t.number == first.number
           and t.content.view.startswith(words) for t in tokens[end:]):
        for tok in run:
            tok.kind = "noise"


def _drop_after_signature(tokens: list[Token]) -> None:
    """Make noise of the lines set below the signature (``（此件公开发布）``, ``附件：…`` and its list, ``抄送：…``,
    ``扫一扫在手机打开当前页``), so that the signature is found above them and takes none of them in."""
    content = [tokens[i] for i, t in enumerate(tokens) if t.kind not in VOID_KINDS][-AFTER_SIGNATURE_LINES:]
    starts = (n for n, t in enumerate(content) if n and AFTER_SIGNATURE.match(t.piece.view))
    first = next((n for n in starts if all(map(_after_signature, content[n:]))), None)
    for tok in content[first:] if first is not None else ():
        tok.kind = "noise"


def _after_signature(tok: Token) -> bool:
    """A line that may stand below the signature: one of AFTER_SIGNATURE, or an attachment's item that
    is neither an organisation nor a date (those are the signature, the attachment list stands above it:
    ``附件：整改任务清单`` / ``中共某某县财政局党组`` / ``2023年10月20日``)."""
    view = tok.piece.view
    if AFTER_SIGNATURE.match(view):
        return True
    return ATTACHMENT_ITEM.match(view) is not None and not tok.is_date_line and SIGNER.search(view) is None


def signature_start(tokens: list[Token]) -> int:
    """Index of the first signature token (organisation, then date), else len(tokens)."""
    idx = [i for i, t in enumerate(tokens) if t.kind not in VOID_KINDS]
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
    rest = content_tokens(tokens[i + 1:end])
    views = [tokens[i].piece.view] + [t.piece.view for t in rest[:1]]
    signed_next = not rest and end < len(tokens)
    return signed_next or any(CLOSING_CONFIRM.search(v) for v in views)
