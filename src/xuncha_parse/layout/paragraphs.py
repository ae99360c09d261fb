"""Stage 4: rejoin hard-wrapped lines into paragraphs.

Text copied out of a PDF is wrapped at a fixed width, so one sentence runs over
several lines while headings still start a line.  A document is *wrapped* when
a large share of its lines end near one common width; in such a document a line
continues the previous one when the previous line is full and the new line
neither starts an indented paragraph nor (after a finished sentence) a heading.
Unwrapped documents are left line for line.  A heading line continues only
when it reaches the very edge, is not finished (quotes closed, a heading's last
word), and the next line is not itself a heading: headings start a line.  A line
opening with the next number of a heading style always starts a heading.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..grammar import (
    ADDRESS_HEAD,
    ADDRESS_TAIL,
    CAP,
    CAPPED_SHARE,
    CLOSERS,
    CUT_AT_CAP,
    EMAIL,
    ENDED_SHARE,
    FULL_SHARE,
    HEADING_END,
    HEADING_LINES,
    HEADING_TAIL,
    INTRO_OPENING,
    LINE_END,
    MAX_WRAP_WIDTH,
    MIN_WRAP_WIDTH,
    NO_LINE_START,
    OPENERS,
    ORG_LINE,
    ORPHAN_MAX,
    PHONE,
    PROBLEM_ORDINAL,
    SENTENCE_END,
    SENTENCE_STUB,
    TITLE_LINE,
    WEBSITE,
    WRAP_OVERRUN,
    WRAP_WIDTH_QUANTILE,
    WRAPPED_SHARE,
)
from ..numerals import to_int
from ..sentences import stop_before_last
from .tokens import VOID_KINDS, Token, content_tokens

if TYPE_CHECKING:
    from ..state import NoticeState


@dataclass(frozen=True, slots=True)
class Layout:
    wrapped: bool
    width: int
    indented: bool


def measure(tokens: list[Token]) -> Layout:
    """The wrap width of a document and whether it indents its paragraphs."""
    widths = sorted(t.width for t in tokens if t.kind in ("body", "heading", "label"))
    if len(widths) < 4:
        return Layout(False, 0, False)
    width = widths[int(len(widths) * WRAP_WIDTH_QUANTILE)]
    full = sum(1 for w in widths if w >= width * FULL_SHARE)
    share = CAPPED_SHARE if widths[-1] <= width * CAP else WRAPPED_SHARE
    wrapped = MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH and full >= max(3, share * len(widths)) \
        and widths[-1] <= width * WRAP_OVERRUN and _ended(tokens, width * FULL_SHARE) < full * ENDED_SHARE
    if not wrapped and MIN_WRAP_WIDTH <= widths[-1] <= MAX_WRAP_WIDTH and _cut_at_cap(tokens, widths[-1]) >= CUT_AT_CAP:
        wrapped, width = True, widths[-1]
    indents = sum(1 for t in tokens if t.indent >= 2 and t.kind != "blank")
    return Layout(wrapped, width, indents >= max(3, 0.15 * len(widths)))


def _ended(tokens: list[Token], full: float) -> int:
    """How many full lines end a sentence (a paragraph set on one line does; a wrapped line seldom)."""
    return sum(1 for t in tokens if t.kind in ("body", "heading", "label") and t.width >= full
               and t.piece.view[-1:] in SENTENCE_END)


def _cut_at_cap(tokens: list[Token], cap: int) -> int:
    """How many lines reach the widest width (less one) and end in mid-sentence."""
    return sum(1 for t in tokens if t.kind in ("body", "heading", "label") and t.width >= cap - 1
               and t.piece.view[-1:] not in LINE_END)


def stage_paragraphs(state: NoticeState) -> None:
    """Reads ``tokens``; writes ``tokens``: wrapped lines merged into the paragraph they continue."""
    state.tokens = rejoin(state.tokens)


def rejoin(tokens: list[Token]) -> list[Token]:
    """Merge continuation lines into the token they continue; blank lines stay.

    A noise line between two halves of a paragraph (a PDF page number, ``- 3 -``)
    does not end it: the noise is set aside and the paragraph goes on after it.
    """
    layout = measure(tokens)
    if not layout.wrapped:
        return _join_stray_punctuation(tokens)
    state = RejoinState(layout, _signature_lines(tokens))
    for tok in tokens:
        state.feed(tok)
    return state.paragraphs()


@dataclass(slots=True)
class RejoinState:
    """The lines grouped into paragraphs so far, a noise line set aside (``held``) until it is known
    whether the paragraph before it goes on, and the last number that started a line per heading style."""

    layout: Layout
    signature: frozenset[int]
    groups: list[list[Token]] = field(default_factory=list)
    held: list[Token] = field(default_factory=list)
    numbers: dict[str | None, int] = field(default_factory=dict)

    def feed(self, tok: Token) -> None:
        if self.held and self.rest_of_chrome(tok):
            self.groups.append(self.held + [tok])  # a line of chrome cut at the edge and its rest: ``浏览次数``
            self.held = []                          # / ``：1234``; the paragraph before it does not go on after
            return
        if self.held and self.continues(tok):
            self.groups[-1].append(tok)
            self.groups.insert(len(self.groups) - 1, self.held)  # the paragraph stays last: its next line may follow
            self.held = []
            return
        if self.held:
            self.groups.append(self.held)
            self.held = []
        if tok.kind == "noise" and self.groups and self.groups[-1][0].kind not in VOID_KINDS:
            self.held = [tok]
        elif self.groups and self.continues(tok):
            self.groups[-1].append(tok)
        else:
            self.start(tok)

    def rest_of_chrome(self, tok: Token) -> bool:
        """Does ``tok`` finish the held line of chrome rather than the paragraph before it?  Not when it
        opens with a stop and that paragraph has not ended (``…至30日`` / ``、2025年…``)."""
        if not _chrome_goes_on(self.held[-1], tok, self.layout) or _starts_anew(tok, self.layout, self.numbers):
            return False
        before = self.groups[-1][-1].piece.view
        return not _opens_with_stop(tok) or before[-1:] in LINE_END or TITLE_LINE.search(before) is not None

    def continues(self, tok: Token) -> bool:
        return tok.line not in self.signature and continues(self.groups[-1], tok, self.layout, self.numbers)

    def start(self, tok: Token) -> None:
        self.groups.append([tok])
        if tok.kind == "heading" and tok.number is not None:  # (a bare category line has none)
            self.numbers[tok.style] = tok.number
        elif (ordinal := _ordinal(tok)) is not None:
            self.numbers[ORDINAL_RUN] = ordinal

    def paragraphs(self) -> list[Token]:
        groups = self.groups + ([self.held] if self.held else [])
        return [_merge(g) for g in sorted(groups, key=lambda g: g[0].line)]


def _signature_lines(tokens: list[Token]) -> frozenset[int]:
    """The lines of a signature, which never continue a paragraph: the last line a date alone, and
    the one or two organisation names right above it."""
    content = content_tokens(tokens)
    if not content or not content[-1].is_date_line:
        return frozenset()
    lines = {content[-1].line}
    for tok in reversed(content[-3:-1]):
        if not ORG_LINE.match(tok.piece.view):
            break
        lines.add(tok.line)
    return frozenset(lines)


def _join_stray_punctuation(tokens: list[Token]) -> list[Token]:
    """In a text that is not wrapped, only a line opening with ``。`` or ``，``, or the rest of an e-mail
    or web address cut at the line's end, continues the one before."""
    out: list[Token] = []
    for tok in tokens:
        if out and out[-1].kind not in VOID_KINDS and _glued(out[-1], tok):
            out[-1] = _merge([out[-1], tok])
        else:
            out.append(tok)
    return out


def _glued(prev: Token, tok: Token) -> bool:
    """Lines that go on from the one before, wrapped text or not: ``。…`` / an address cut in two."""
    return _opens_with_stop(tok) or _cuts_address(prev, tok)


def _opens_with_stop(tok: Token) -> bool:
    return tok.kind == "body" and tok.piece.view[:1] in NO_LINE_START


def _cuts_address(prev: Token, tok: Token) -> bool:
    """The break between ``prev`` and ``tok`` falls inside an e-mail or web address or a phone number:
    ``…邮箱：lyjxc`` / ``@hainan.gov.cn。``, ``联系电话：0755-`` / ``12345678``."""
    before, after = prev.piece.view, tok.piece.view
    if tok.kind != "body" or not before or not after or not (before[-1].isascii() and after[0].isascii()):
        return False  # most lines end and open with Chinese: no regex needed
    tail, head = ADDRESS_TAIL.search(before), ADDRESS_HEAD.match(after)
    if tail is None or head is None:
        return False
    joined, cut = tail.group() + head.group(), len(tail.group())
    return any(m.start() < cut < m.end() for rule in (EMAIL, WEBSITE, PHONE) for m in rule.finditer(joined))


def continues(group: list[Token], tok: Token, layout: Layout, numbers: dict[str | None, int]) -> bool:
    """Does ``tok`` continue the paragraph whose lines so far are ``group``?

    A line that opens with the next number of its heading style (``9.`` after ``8.``) starts a heading.
    """
    prev = group[-1]
    if tok.kind not in VOID_KINDS and prev.kind not in VOID_KINDS and _glued(prev, tok):
        return True  # no paragraph opens with ``。`` or the rest of a cut phone number, indented or not
    if _starts_anew(tok, layout, numbers) or _next_ordinal(prev, tok, numbers):
        return False
    if prev.kind == "noise":
        return _chrome_goes_on(prev, tok, layout)
    if prev.kind == "blank":
        return False
    if _orphan(prev, tok):
        return True
    if prev.width < layout.width * FULL_SHARE:
        return False
    edge = prev.width >= layout.width - 1
    if group[0].kind == "heading" and len(group) <= HEADING_LINES:
        view = _joined_view(group)
        if not stop_before_last(view):  # nothing after the heading's name yet: ``1.关于“…。…”方面问题``
            tail = HEADING_TAIL.match(tok.piece.view) is not None
            stub = SENTENCE_STUB.match(tok.piece.view) is not None
            return (edge or stub) and tok.kind != "heading" and (tail or not _finished_heading(view))
    if TITLE_LINE.search(prev.piece.view) and INTRO_OPENING.match(tok.piece.view):
        return False  # ``…情况的通报`` / ``根据市委统一部署，…``: the title ends where the intro opens
    ended = prev.piece.view[-1:] in LINE_END
    return tok.kind == "body" or (not ended and edge)


def _orphan(prev: Token, tok: Token) -> bool:
    """A character or two alone on a line (``失``), after a line that ended no sentence: the wrap cut them off it,
    however short that line was (a heading set narrower than the column)."""
    view = tok.piece.view
    return tok.kind == "body" and len(view) <= ORPHAN_MAX and all("\u4e00" <= c <= "\u9fff" for c in view) \
        and prev.piece.view[-1:] not in LINE_END


#: the key under which ``numbers`` keeps the last ordinal that opened a paragraph (``二是…``)
ORDINAL_RUN = "ordinal"


def _ordinal(tok: Token) -> int | None:
    """The number of the ordinal a body line opens with: ``三是…`` → 3."""
    m = PROBLEM_ORDINAL.match(tok.piece.view) if tok.kind == "body" else None
    return to_int(m.group("num") or m.group("num2")) if m else None


def _next_ordinal(prev: Token, tok: Token, numbers: dict[str | None, int]) -> bool:
    """After a finished sentence, a line opening with the next ordinal of a run whose last item opened a paragraph
    (``二是…`` after a paragraph opened by ``一是…``) opens a paragraph too, even when the line before it filled the
    column (a run's first item may stand inside a paragraph: ``…实践中。一是…``, wrapped before 一是 or not)."""
    if prev.piece.view[-1:] not in SENTENCE_END or ORDINAL_RUN not in numbers:
        return False
    return _ordinal(tok) == numbers[ORDINAL_RUN] + 1


def _starts_anew(tok: Token, layout: Layout, numbers: dict[str | None, int]) -> bool:
    """Lines that open a paragraph whatever came before: blank, noise, indented, a date alone, the next heading."""
    return tok.kind in VOID_KINDS or (layout.indented and tok.indent >= 2) or tok.is_date_line \
        or _next_in_sequence(tok, numbers)


def _next_in_sequence(tok: Token, numbers: dict[str | None, int]) -> bool:
    """``9.`` after ``8.``: the next number of a heading style starts a line.  Not for a marker with a
    comma (``三,``), which wrapped prose produces: ``举一反`` / ``三,认真对照检查``."""
    return tok.kind == "heading" and tok.number == numbers.get(tok.style, 0) + 1 \
        and not tok.marker.endswith((",", "，"))  # type: ignore[union-attr]  # a heading's marker is set


def _chrome_goes_on(noise: Token, tok: Token, layout: Layout) -> bool:
    """A line of chrome cut at the column's edge goes on with its rest, unless its brackets closed."""
    return tok.kind == "body" and noise.width >= layout.width - 1 and not _closed_chrome(noise.piece.view)


def _closed_chrome(view: str) -> bool:
    """A line of chrome that ends on a closed bracket: ``【信息时间：2024-03-05】…【关闭】``."""
    return view.endswith(("】", "]")) and _balanced(view, "【[", "】]")


def _joined_view(group: list[Token]) -> str:
    """The view of a heading wrapped over lines (headings are short, so joining each time is cheap)."""
    return "".join(t.piece.view for t in group)


def _finished_heading(view: str) -> bool:
    """Quotes and brackets closed and a heading's usual last word: nothing to continue."""
    return _balanced(view) and HEADING_END.search(view) is not None


def _balanced(view: str, openers: str = OPENERS, closers: str = CLOSERS) -> bool:
    """As many of each opening quote or bracket as of its closing one."""
    return all(view.count(o) == view.count(c) for o, c in zip(openers, closers))


def _merge(group: list[Token]) -> Token:
    head = group[0]
    if len(group) > 1:
        head.rejoin(group)
    return head
