"""The title, addressee and intro, read off the preamble tokens."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..grammar import (
    ADDRESSEE,
    CHROME_TITLE,
    HEADLINE_MIN,
    HEADLINE_NOT_SENTENCE,
    HEADLINE_PLACE,
    HEADLINE_SHORT,
    INFO_HEADLINE_STOP,
    INFO_LINE,
    INFO_LINE_LINES,
    INTRO,
    KIND_HEADLINE,
    KIND_HEADLINE_LINES,
    KIND_HEADLINE_MAX,
    NAV_SEPARATOR,
    NOISE_CHAR,
    ORG_LINE,
    SENTENCE_END,
    TITLE_ABOUT,
    TITLE_CELL,
    TITLE_COLUMN_LABEL,
    TITLE_DATE_TAIL,
    TITLE_INLINE,
    TITLE_LINE,
    TITLE_LINES,
    TITLE_MAX_LEN,
    TITLE_PAGE_CAPTION,
    TITLE_PART_MAX,
    TITLE_START,
    WHOLE_HEADLINE,
)
from ..layout.text import Piece, piece_span
from ..layout.tokens import Token

if TYPE_CHECKING:
    from ..state import NoticeState


@dataclass(slots=True)
class Preamble:
    title: Piece | None
    addressee: Piece | None
    intro: list[Token]
    #: the title was read off the page's metadata block (``文件名称：…``), the text having none
    title_from_page: bool = False


def stage_preamble(state: NoticeState) -> None:
    """Reads ``preamble`` and the chrome above the body; writes ``title``, ``title_from_page``,
    ``title_from_headline``, ``intro`` and the fields ``title`` and ``addressee``."""
    pre = read_preamble(state.preamble, page_chrome(state))
    captioned = any(TITLE_PAGE_CAPTION.search(t.piece.view) for t in state.preamble[:KIND_HEADLINE_LINES])
    if captioned or (pre.title is not None and NAV_SEPARATOR.search(pre.title.view)):  # a page caption
        pre.title = None  # names the document better than any line; a breadcrumb names none
    if pre.title is None:
        pre.title = headline_title(state.preamble) or above_info_line(state.tokens)
        # a document's own title (``…关于…的整改方案``) is no guess, a news item's headline is
        state.title_from_headline = pre.title is not None and TITLE_ABOUT not in pre.title.view
    state.title_piece, state.title_from_page = pre.title, pre.title_from_page and not state.title_from_headline
    state.intro = Piece.join([t.piece for t in pre.intro]) if pre.intro else None
    state.title = pre.title.text if pre.title else None
    state.title_span = piece_span(pre.title, state.source) if pre.title else None
    state.addressee = pre.addressee.text if pre.addressee else None


def page_chrome(state: NoticeState) -> list[Token]:
    """The noise lines above the body: a web page's header and metadata block."""
    root = state.root
    body = root.children[0].token.line if root.children else len(state.source.line_starts) + 1
    return [t for t in state.tokens if t.kind == "noise" and t.line < body]


def read_preamble(tokens: list[Token], chrome: Sequence[Token] = ()) -> Preamble:
    """Split the preamble into title lines, an addressee line and the intro; without a title line,
    take the title the page's metadata (``chrome``, noise lines before the body) gives."""
    start, end, after = title_block(tokens)
    title = _trimmed(Piece.join([t.piece for t in tokens[start:end]])) if end > start else chrome_title(chrome)
    if title is None:
        title = cell_title([*chrome, *tokens])
    if title is None and tokens:
        title = _inline_title(tokens[0].piece)
    rest = tokens[after:]
    addressee = None
    if rest and ADDRESSEE.match(rest[0].piece.view) and not INTRO.search(rest[0].piece.view):
        addressee = rest[0].piece.sub(0, len(rest[0].piece.text) - 1).strip()
        rest = rest[1:]
    return Preamble(title, addressee, rest, title_from_page=end == start and title is not None)


def title_block(tokens: list[Token]) -> tuple[int, int, int]:
    """(start, end, after) of the title lines: the last title-like line before the intro or addressee,
    extended upwards over at most two short lines until it says ``关于``; (0, 0, 0) when there is none.
    The intro may start at ``after``: past the text's own ``关于…`` copy of a title the page set whole
    above it (what lies between is the page's furniture)."""
    stop = next((i for i, t in enumerate(tokens) if _opens_body(t)), len(tokens))
    ends = [i for i in range(stop) if TITLE_LINE.search(tokens[i].piece.view)]
    for end in reversed(ends):
        start = _with_issuer_line(tokens, _title_start(tokens, end))
        view = _joined(tokens, start, end)
        whole = _whole_copy(tokens, start, view)
        if whole is not None:  # the page's heading named the issuer, the text's own title does not
            return whole, whole + 1, end + 1
        if TITLE_START.search(view) and len(view) <= TITLE_MAX_LEN:
            return start, end + 1, end + 1
    return 0, 0, 0


def _title_start(tokens: list[Token], end: int) -> int:
    """The first line of the title that ends at ``end``: up over at most two short lines until it says
    ``关于``; a whole headline alone (lines above it are the page's, ``工作动态`` / ``Navigation``), but for
    its issuer's line."""
    start = end
    while start > 0 and end - start < TITLE_LINES - 1 and TITLE_ABOUT not in _joined(tokens, start, end) \
            and len(tokens[start - 1].piece.view) <= TITLE_PART_MAX:
        start -= 1
    if TITLE_ABOUT not in _joined(tokens, start, end) and _whole_line(tokens[end].piece.view):
        start = end - 1 if end and ORG_LINE.match(tokens[end - 1].piece.view) else end
    return start


def headline_title(tokens: list[Token]) -> Piece | None:
    """Without a title line, the first of the first lines that reads as a news item's headline: short, no
    stop in it (a page's greeting ``您好!今天是`` has one), a kind's words (a paper's ``第02版:要闻`` has
    none), and a sentence, not a breadcrumb (``巡察工作 > 巡察公告``) or a column's label (``巡察反馈``); without
    a column label before it (``【巡察动态】``) or a page caption after it (``_第1页``)."""
    for tok in tokens[:KIND_HEADLINE_LINES]:
        view = tok.piece.view
        head, tail = TITLE_COLUMN_LABEL.match(view), TITLE_PAGE_CAPTION.search(view)
        line = tok.piece.sub(head.end() if head else 0, tail.start() if tail else len(view)).strip()
        if _headline_like(line.view):
            return line
    return None


def above_info_line(tokens: Sequence[Token]) -> Piece | None:
    """A news page's headline without a kind's words (``…巡察组对市中医院开展专项巡察``, ``…巡察工作的现状、短板与改进
    建议``, ``澄水县:十二届县委第七轮巡察启动``): the line right above the page's info line (``发布时间:2018-11-06``,
    ``来源:澄江日报``), if it reads as one."""
    lines = [t for t in tokens[:INFO_LINE_LINES] if t.kind != "blank"]
    for above, tok in zip(lines, lines[1:]):
        if INFO_LINE.match(tok.piece.view.replace(NOISE_CHAR, "")):  # (``發(fā)布時間:``, its gloss masked)
            view = above.piece.view
            place = HEADLINE_PLACE.match(view)  # (``澄水县:`` before a headline is its place, no field's name)
            fits = HEADLINE_MIN <= len(view) <= KIND_HEADLINE_MAX \
                and HEADLINE_NOT_SENTENCE.search(view, place.end() if place else 0) is None
            return above.piece.strip() if fits and INFO_HEADLINE_STOP not in view else None
    return None


def _headline_like(view: str) -> bool:
    return (len(view) <= KIND_HEADLINE_MAX and not any(c in view for c in SENTENCE_END)
            and HEADLINE_NOT_SENTENCE.search(view) is None
            and (len(view) >= HEADLINE_MIN or HEADLINE_SHORT.match(view) is not None)
            and any(pattern.search(view) for _, pattern in KIND_HEADLINE))


def _trimmed(title: Piece) -> Piece:
    """The title without the page's words around it: a column label before it (``上级巡视:``) and a
    publication date after it (``(2024-07-26)``)."""
    view = title.view
    head = TITLE_COLUMN_LABEL.match(view)
    tail = TITLE_DATE_TAIL.search(view)
    return title.sub(head.end() if head else 0, tail.start() if tail else len(view))


def _whole_line(view: str) -> bool:
    """A title line that is whole by itself: it names the inspection or its news from its start
    (``市委第三巡察组向市医保局党组反馈巡察情况``), not the tail of a split title (``整改进展情况的通报``)."""
    return WHOLE_HEADLINE.match(view) is not None


def _inline_title(piece: Piece) -> Piece | None:
    """A title run into the page's metadata on one line (``…的通报发布时间2022年5月17日 来源:…``)."""
    m = TITLE_INLINE.search(piece.view)
    return piece.sub(m.start(), m.end()) if m else None


def _with_issuer_line(tokens: list[Token], start: int) -> int:
    """Take in the issuer set on its own line right above ``关于…``: ``中共某某县交通运输局党组``.
    Right above means on the line before, or after one blank line where every paragraph of the
    preamble is set off by one (a page copied paragraph by paragraph)."""
    if start == 0 or not tokens[start].piece.view.startswith(TITLE_ABOUT):
        return start
    above = tokens[start - 1]
    spaced = all(b.line - a.line_end == 2 for a, b in zip(tokens, tokens[1:]))
    adjacent = tokens[start].line - above.line_end <= (2 if spaced else 1)
    return start - 1 if adjacent and ORG_LINE.match(above.piece.view) else start


def _whole_copy(tokens: list[Token], start: int, view: str) -> int | None:
    """An earlier line that is the same ``关于…`` title with its issuer before it: a page heads the
    article with its whole title, and the text repeats it with the issuer set apart
    (``中共某某党组关于…的通报`` … ``中共某某党组`` / blank / ``关于…的通报``)."""
    if not view.startswith(TITLE_ABOUT):
        return None
    return next((i for i in range(start - 1, -1, -1) if tokens[i].piece.view.endswith(view)
                 and len(tokens[i].piece.view) > len(view) and ORG_LINE.match(tokens[i].piece.view[:-len(view)])), None)


def _opens_body(tok: Token) -> bool:
    view = tok.piece.view
    return INTRO.search(view) is not None or ADDRESSEE.match(view) is not None


def _joined(tokens: list[Token], start: int, end: int) -> str:
    return "".join(t.piece.view for t in tokens[start:end + 1])


def cell_title(tokens: Sequence[Token]) -> Piece | None:
    """``名称: | 中共某某局党组关于…的通报 | 文号: | |``, a row of the page's metadata table → the title in the cell after
    the one that names it."""
    for tok in tokens:
        m = TITLE_CELL.search(tok.piece.view) if "|" in tok.piece.view or "｜" in tok.piece.view else None
        if m and TITLE_LINE.search(m.group("title")) and TITLE_START.search(m.group("title")):
            return tok.piece.sub(m.start("title"), m.end("title")).strip()
    return None


def chrome_title(chrome: Sequence[Token]) -> Piece | None:
    """``文件名称：中共某某局党组关于…的通报`` in a page's metadata block → the title after the field name."""
    for tok in chrome:
        m = CHROME_TITLE.match(tok.piece.view)
        if m and TITLE_LINE.search(m.group("title")) and TITLE_START.search(m.group("title")):
            return tok.piece.sub(m.start("title")).strip()
    return None
