"""Inspection, issuer, declared counts, publicity and signature: the notice's metadata."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from ..grammar import (
    ALIAS,
    BRACKETED,
    CONCURRENT,
    DATE_LINE,
    DURATION,
    FIRST_PERSON,
    FIRST_PERSON_OPEN,
    FIRST_PERSON_PLACE,
    GENERIC_TARGET,
    ISSUER_IN_TITLE,
    KIND_HEADLINE_LINES,
    LAUNCH,
    MEETING,
    NARROWED,
    NEIGHBOUR_TARGETS,
    PAGE_DATE_LINE,
    PERIOD_CLAUSE_MARKS,
    PERIOD_FROM,
    PUBLICITY,
    ROUND,
    ROUND_PERIOD,
    SELF_REFERENCE,
    SEVERAL_UNITS,
    SIGNER,
    TARGET,
    TEAM,
    TEAM_ASSISTED,
    TEAM_ASSISTED_REACH,
    TEAM_BARE,
    TEAM_BY_KIND,
    TEAM_BY_KIND_HINT,
    TEAM_COUNT,
    TEAM_JUDICIAL,
    TEAM_MORE,
    TEAM_ORDINAL,
    TEAM_PARTY,
    TEAM_PARTY_HINT,
    TEAM_TOPIC,
    TIMETABLE,
)
from ..layout.document import closing_pieces
from ..layout.text import Piece, piece_span
from ..layout.tokens import VOID_KINDS, Token
from ..numerals import to_int
from ..sentences import sentences_of
from ..shapes import DateDict, Diagnostic, InspectionDict, PublicityDict
from .dates import DateHit, YearContext, date_dict, find_dates, iso_date, resolve_dates
from .declared import declared
from .kind import is_rectification
from .period import add_duration, intro_dates, period_and_feedback

if TYPE_CHECKING:
    from ..state import NoticeState


def stage_signature(state: NoticeState) -> None:
    """Reads ``signature_tokens``; writes ``signature``: the organisation line(s) and the date alone
    on its line at the end."""
    tokens = state.signature_tokens
    if not tokens:
        state.signature = None
        return
    orgs = [t for t in tokens if not t.is_date_line]
    dated = [t for t in tokens if t.is_date_line]
    whole = Piece.join([t.piece for t in tokens])
    date, where = signature_date(dated[0].piece) if dated else (None, None)
    state.signature = {"org": "".join(t.text for t in orgs) or None, "date": date,
                       "date_span": piece_span(dated[0].piece, state.source, *where) if where else None,
                       "span": piece_span(whole, state.source)}


def stage_inspection(state: NoticeState) -> None:
    """Reads ``title_piece``, ``intro``, ``tokens``, ``signature`` and ``kind``; writes ``issuer`` and ``inspection``
    (and ``intro``, for a neighbour whose preamble states no inspection: see _inspection_paragraph)."""
    state.issuer = issuer(state.title_piece, _trusted_signer(state))
    where: dict[str, tuple[int, int]] = {}
    read = TargetRead()
    if not is_rectification(state) and not _states_inspection(state.intro):
        state.intro = _inspection_paragraph(state.tokens) or state.intro
    found = inspection(state.intro, state.title_piece, state.issuer, where, read)
    if not is_rectification(state):
        feedback = found["feedback"]
        _neighbour_body_and_period(state, found, where)
        if state.kind == "plan" and found["start"] is not None:
            found["feedback"] = feedback  # a plan answers the feedback: its date is the inspection's, no meeting's
    _settle_team(state.source.view, state.source.text, found, where)
    _year_from_signature(found, state.signature["date"] if state.signature else None)
    if not is_rectification(state):
        _year_from_page(found, state)
    if found["target"] is None and read.outcome != "none":  # nothing read yet, or a self-reference
        _other_target(state, found, where)
    if read.outcome == "unresolved" and found["target"] is None and state.intro is not None:
        line = state.source.line_of(state.intro.src(read.span[0]))
        state.diagnostics.append(Diagnostic("warning", "target_unresolved", "the inspected unit is named by itself "
                                            "(我局, 本单位, 该院) and nothing else names it", line))
    if state.intro is not None:  # (``where`` is empty without an intro)
        intro, source = state.intro, state.source
        found["spans"] = {name: piece_span(intro, source, a, b) for name, (a, b) in where.items()}
    state.inspection = found


def _states_inspection(intro: Piece | None) -> bool:
    """Does the intro name the inspected unit or give a date (an announcement's round period names none)?"""
    return intro is not None and (TARGET.search(intro.view) is not None or bool(find_dates(intro.view)))


def _inspection_paragraph(tokens: list[Token]) -> Piece | None:
    """A neighbour whose preamble is page furniture and a title (a document site's plan, its contents run into its
    text): the first paragraph that states who inspected whom (``市委第四巡察组于…对局党组开展了常规巡察``)."""
    return next((t.piece for t in tokens if t.kind not in VOID_KINDS and TARGET.search(t.piece.view)), None)


@dataclass(slots=True)
class TargetRead:
    """What the intro's target phrase turned out to be, when it named no unit: ``unresolved`` (named by itself,
    ``我局``, and nothing resolved it) or ``none`` (a list of units: no one target), and where it stands."""
    outcome: str | None = None
    span: tuple[int, int] = (0, 0)


def _trusted_signer(state: NoticeState) -> str | None:
    """The signature's organisation; a news item's last short line may be a caption or a cut sentence, not one."""
    org = state.signature["org"] if state.signature else None
    return org if org and (is_rectification(state) or SIGNER.search(org)) else None


def _neighbour_body_and_period(state: NoticeState, found: InspectionDict, where: dict[str, tuple[int, int]]) -> None:
    """A neighbour's team named only in its body (a plan, a summary), and its own period, never a meeting's."""
    if found["body"] is None:
        team = _first(TEAM, state.source.view)
        found["body"] = state.source.text[team.start():team.end()] if team else None
    if state.intro is not None:
        _own_period(found, state.intro, where)


def _other_target(state: NoticeState, found: InspectionDict, where: dict[str, tuple[int, int]]) -> None:
    """The target named where it was fed back to or entered (the intro), else, for a neighbour, in its headline."""
    if state.intro is not None:
        _neighbour_target(found, state.intro, state.issuer, where)
    if found["target"] is None and "target" not in where and not is_rectification(state):
        _headline_target(found, state.title_piece, state.issuer)


def stage_declared(state: NoticeState) -> None:
    """Reads ``outside`` and ``kind``; writes ``declared``: the counts the text states outside the problems
    (none but a rectification notice's: a summary's counts are a round's)."""
    state.declared = declared("".join(p.view for p in state.outside) if is_rectification(state) else "")


def stage_publicity(state: NoticeState) -> None:
    """Reads the closing pieces; writes ``publicity`` (``公开期限：…至…``)."""
    closing = closing_pieces(state)
    state.publicity = publicity(Piece.join(closing) if closing else None)


def inspection(intro: Piece | None, title: Piece | None, issuer: str | None,
               where: dict[str, tuple[int, int]] | None = None, read: TargetRead | None = None) -> InspectionDict:
    """Who inspected whom, when, and when the findings were fed back; ``where`` receives the offsets in
    the intro that body, target and the dates were read from, ``read`` what a target phrase naming no unit was."""
    view = intro.view if intro else ""
    text = intro.text if intro else ""
    where = {} if where is None else where
    read = TargetRead() if read is None else read
    narrowed = NARROWED.search(view)
    start = narrowed.end() if narrowed else 0
    result: InspectionDict = {"body": _team(view, text, where, start), "round": _round(title, intro), "kind": None,
                              "target": None, "start": None, "end": None, "feedback": None, "spans": {}}
    m = _named_rather(_target_after_team(view, start, where.get("body")), view, text)
    if m:
        result["kind"] = text[m.start("kind"):m.end("kind")]
        result["target"] = _read_target(m, view, text, issuer, where, read)
    # a part of the Inspection shape (its dates), which mypy's TypedDict.update cannot take
    result.update(period_and_feedback(view, text, m, where))  # type: ignore[typeddict-item]
    return result


def _target_after_team(view: str, start: int, team: tuple[int, int] | None) -> re.Match[str] | None:
    """The first target phrase from ``start``, never one that opens inside the team's name (``…市委第二轮对村(社区)提级巡察
    “回头看”第二组进驻…``: its 对 names the team's reach, the unit follows the team), nor a concurrent inspection's
    (``在对全县脱贫攻坚开展专项巡察的同时,对我院党委…``: the next phrase is the unit's)."""
    m = TARGET.search(view, start)
    if m is not None and team is not None and team[0] <= m.start() < team[1]:
        m = TARGET.search(view, team[1])
    if m is not None and view.startswith(CONCURRENT, m.end()):
        return TARGET.search(view, m.end()) or m  # ``在对全县…开展专项巡察的同时,对我院党委进行了…``
    return m


def _named_rather(m: re.Match[str] | None, view: str, text: str) -> re.Match[str] | None:
    """A target named by itself (``市委第三巡察组对行党委开展巡察以来，…``) yields to a later sentence of the intro that
    names the unit (``…市委第三巡察组对青原农商银行党委开展了常规巡察``): that sentence states the inspection."""
    if m is None or not _self_reference(view[m.start("target"):m.end("target")]):
        return m
    for later in TARGET.finditer(view, m.end()):
        a, b = later.span("target")
        if _target(text[a:b], view[a:b], None) is not None:
            return later
    return m


def _read_target(m: re.Match[str], view: str, text: str, issuer: str | None, where: dict[str, tuple[int, int]],
                 read: TargetRead) -> str | None:
    """The target TARGET matched, resolved; where it stands, or (``read``) what it was when it names no unit
    (a self-reference nothing resolves is said in a diagnostic by stage_inspection)."""
    a, b = m.span("target")
    target = _target(text[a:b], view[a:b], issuer)
    if target is not None:
        where["target"] = (a, b)
    else:
        read.outcome, read.span = ("unresolved" if _self_reference(view[a:b]) else "none"), (a, b)
    return target


def _neighbour_target(found: InspectionDict, intro: Piece, issuer: str | None,
                      where: dict[str, tuple[int, int]]) -> None:
    """The inspected unit as a meeting's news names it, or a notice whose intro names it only where it was
    fed back to (``第三巡察组进行了巡察。…巡察组向区科协党组织反馈了巡察意见``): fed back to, mobilised, entered."""
    for pattern in NEIGHBOUR_TARGETS:
        m = pattern.search(intro.view)
        if m is not None:
            a, b = m.span("target")
            found["target"] = _target(intro.text[a:b], intro.view[a:b], issuer)
            if found["target"] is not None:
                where["target"] = (a, b)
            return


def _headline_target(found: InspectionDict, title: Piece | None, issuer: str | None) -> None:
    """A news item's target its headline names (``…巡察组巡察市人民医院党委情况反馈会召开``); its span is the
    title's (``inspection.spans`` holds what the intro names)."""
    m = next((m for m in (p.search(title.view) for p in NEIGHBOUR_TARGETS) if m is not None), None) if title else None
    if m is not None and title is not None:
        a, b = m.span("target")
        found["target"] = _target(title.text[a:b], title.view[a:b], issuer)


def _own_period(found: InspectionDict, intro: Piece, where: dict[str, tuple[int, int]]) -> None:
    """A neighbour of a notice (an announcement, a meeting's news) has for its period only what a clause that
    names the inspection and no meeting or publication gives: a range (``巡察时间为3月1日至4月30日``), a start
    and a duration (``4月12日，…进驻…，开展为期50天的巡察``) or a start alone (``自4月6日起``, the one date of a
    clause that says who inspected whom); a feedback date there is the feedback meeting's, never the
    inspection's."""
    for key in ("start", "end", "feedback"):
        found[key] = None
        where.pop(key, None)
    resolved = intro_dates(intro.text, intro.view)
    view = intro.view
    for a, b in sentences_of(view):
        hits = [(h, d) for h, d in resolved if a <= h.start < b]
        if TIMETABLE.search(view, a, hits[0][0].start if hits else a) and _timetable(found, hits):
            where.update((key, (h.start, h.end)) for key, (h, _) in _placed(found, hits).items())
            return
        if not hits or not (TEAM.search(view, a, b) or TARGET.search(view, a, b) or LAUNCH.search(view, a, b)
                            or ROUND_PERIOD.search(view, a, b)):
            continue
        clause = max(view.rfind(c, a, hits[0][0].start) for c in PERIOD_CLAUSE_MARKS) + 1 or a
        if MEETING.search(view, clause, b) is None and _period_in(found, hits, view, clause, b):
            where.update((key, (h.start, h.end)) for key, (h, _) in _placed(found, hits).items())
            return


def _timetable(found: InspectionDict, hits: list[tuple[DateHit, DateDict]]) -> bool:
    """The period of a timetable (``巡察时间安排:桂溪村5月17日~5月22日,…南苑社区5月29日~6月4日``): from its first start to
    its last range's end."""
    ends = [d for h, d in hits[1:] if h.link == "range"]
    if not ends:
        return False
    found["start"], found["end"] = hits[0][1], ends[-1]
    return True


def _period_in(found: InspectionDict, hits: list[tuple[DateHit, DateDict]], view: str, a: int, b: int) -> bool:
    """Take the period a clause gives, if it gives one."""
    (h0, d0) = hits[0]
    end = next((d for h, d in hits[1:] if h.link == "range"), None)
    if end is None and len(hits) > 1 and ROUND_PERIOD.search(view, a, b):
        end = hits[1][1]  # ``…第二轮巡察于2024年4月8日开始,至6月14日结束``
    m = DURATION.search(view, a, b)
    if end is None and m is not None and d0["iso"]:
        end = add_duration(d0, to_int(m.group("days")), m.group("unit"), m)
    said = TARGET.search(view, a, b) or LAUNCH.search(view, a, b)
    if end is None and not view.startswith(PERIOD_FROM, h0.end) and (len(hits) > 1 or said is None):
        return False  # a start alone: ``自4月6日起``, or the one date of ``4月10日，市委派出6个巡察组，对…开展常规巡察``
    found["start"], found["end"] = d0, end
    return True


def _placed(found: InspectionDict, hits: list[tuple[DateHit, DateDict]]) -> dict[str, tuple[DateHit, DateDict]]:
    """The hits the start and end were read from (an end counted from 为期50天 has none)."""
    return {key: hit for key in ("start", "end") for hit in hits if hit[1] is found[key]}


def _team(view: str, text: str, where: dict[str, tuple[int, int]], start: int = 0) -> str | None:
    """The inspecting team, or teams (``市委第一巡察组、第六巡察组``), from ``start`` (where a round's intro narrows to
    this unit): the first one numbered or named by its topic or court, else a bare numbered one (``第二巡察组``),
    else the first unnumbered one (``县委巡察组``, ``委党组巡察组``); never one the inspected unit only works with."""
    found = [m for m in (_first(p, view, start) for p in _team_patterns(view)) if m is not None]
    specific = [m for m in found if (m.re is not TEAM and m.re is not TEAM_PARTY) or TEAM_ORDINAL.search(m.group())]
    bare = _first(TEAM_BARE, view, start)
    choice = specific or ([bare] if bare else found)
    if not choice:
        return None
    m = min(choice, key=lambda hit: hit.start())
    more = TEAM_MORE.match(view, m.end())
    end = more.end() if more else m.end()
    where["body"] = (m.start(), end)
    return text[m.start():end]


def _team_patterns(view: str) -> tuple[re.Pattern[str], ...]:
    """The team patterns worth trying on this text (the rarer ones only where their core words stand)."""
    party = (TEAM_PARTY,) if TEAM_PARTY_HINT.search(view) else ()
    judicial = (TEAM_JUDICIAL,) if "司法巡查组" in view else ()
    by_kind = (TEAM_BY_KIND,) if TEAM_BY_KIND_HINT.search(view) else ()
    return (TEAM, TEAM_TOPIC, *party, *judicial, *by_kind)


def _first(pattern: re.Pattern[str], view: str, start: int = 0) -> re.Match[str] | None:
    """The first team of a pattern from ``start`` that is not one the inspected unit works with (``配合省委巡视组``)."""
    for m in pattern.finditer(view, start):
        if not TEAM_ASSISTED.search(view, max(0, m.start() - TEAM_ASSISTED_REACH), m.start()):
            return m
    return None


def _year_from_signature(found: InspectionDict, signed: DateDict | None) -> None:
    """A date of the inspection without a year (``自4月6日起``) takes the signature date's year, when it falls no
    later in that year (an announcement signed ``2022年6月1日`` of an inspection from 4月6日)."""
    if signed is None or not signed["iso"]:
        return
    year, signed_on = signed["year"], (signed["month"], signed["day"])
    _give_years(found, ("start", "end", "feedback"), lambda mon, day: year if (mon, day) <= signed_on else None)


def _year_from_page(found: InspectionDict, state: NoticeState) -> None:
    """A news item's inspection date without a year (``5月17日~6月4日``) takes the year of the page's date line
    (``时间:2021-05-18``) that puts it within half a year of that day: a news item tells of what is under way."""
    m = next((m for t in state.preamble[:KIND_HEADLINE_LINES + 2] if (m := PAGE_DATE_LINE.match(t.piece.view))), None)
    if m is None:
        return
    year, month = int(m.group("y")), int(m.group("m"))
    _give_years(found, ("start", "end"),
                lambda mon, _day: year - 1 if mon - month > 6 else year + 1 if month - mon > 6 else year)


def _give_years(found: InspectionDict, keys: tuple[str, ...], year_of: Callable[[int, int], int | None]) -> None:
    """Each date of ``keys`` with its month and day but no year takes the year ``year_of(month, day)`` gives it (none:
    as it is), inferred; a day the year does not have (29 February) leaves the date as it is."""
    for key in keys:
        d = found[key]  # type: ignore[literal-required]  # (one of the three date keys)
        if d is None or d["year"] is not None:
            continue
        month, day = d["month"], d["day"]
        year = year_of(month, day) if month and day else None
        iso = iso_date(year, month, day) if year is not None and month and day else None
        if iso:
            found[key] = {**d, "year": year, "iso": iso, "year_inferred": True}  # type: ignore[literal-required]


def _settle_team(view: str, text: str, found: InspectionDict, where: dict[str, tuple[int, int]]) -> None:
    """An unnumbered team (``市委巡察组``) is the one numbered team of its committee the text names elsewhere
    (``市委第五巡察组向…反馈了巡察意见``); where the text counts its teams instead (``派出2个巡察组``, ``4个区委巡察组``), it
    is all of them, no one team: null."""
    body = found["body"]
    if body is None or TEAM_ORDINAL.search(body) or TEAM_TOPIC.fullmatch(body) or TEAM_JUDICIAL.fullmatch(body):
        return
    committee = body[:body.find("委") + 1]  # ``市委`` of ``市委巡察组`` (nothing where there is no 委)
    numbered = {text[m.start():m.end()] for m in (TEAM.finditer(view) if committee else ())
                if m.group().startswith(committee) and TEAM_ORDINAL.search(m.group())}
    if len(numbered) == 1 or TEAM_COUNT.search(view):
        found["body"] = numbered.pop() if len(numbered) == 1 else None
        where.pop("body", None)


def _round(title: Piece | None, intro: Piece | None) -> str | None:
    for piece in (title, intro):
        if piece:
            m = ROUND.search(piece.view)
            if m:
                return piece.text[m.start():m.end()]
    return None


def _target(text: str, view: str, issuer: str | None) -> str | None:
    """The inspected unit without an alias; a self-reference (``我局``, ``本单位``, ``局党组``) resolved to
    the issuer, else None (never a pronoun)."""
    m = ALIAS.search(view)
    if m:
        text, view = text[:m.start()] + text[m.end():], view[:m.start()] + view[m.end():]
    text, view = text.strip(), view.strip()
    place = FIRST_PERSON_PLACE.match(view)
    if place:
        return _place_in(issuer, place.group("kind")) if issuer else None
    if FIRST_PERSON.match(view) or SELF_REFERENCE.match(view):
        return issuer
    if SEVERAL_UNITS.search(BRACKETED.sub("", view)) or GENERIC_TARGET.match(view):
        return None  # a round's list of units, or only "the inspected": no one unit is the target
    return None if FIRST_PERSON_OPEN.match(view) else text  # never a pronoun: ``我区教育系统`` unresolved


def _self_reference(view: str) -> bool:
    """``我局党组``, ``本单位``, ``局党组``, ``我市``, ``我区教育系统``: a unit named by itself."""
    view = view.strip()
    return bool(FIRST_PERSON.match(view) or SELF_REFERENCE.match(view) or FIRST_PERSON_PLACE.match(view)
                or FIRST_PERSON_OPEN.match(view))


def _place_in(issuer: str, kind: str) -> str | None:
    """The place of that kind the issuer names: (``中共廊坊市委``, 市) → ``廊坊市``."""
    name = issuer[2:] if issuer.startswith("中共") else issuer
    end = name.find(kind)
    return name[:end + 1] if 2 <= end <= 12 else None


def issuer(title: Piece | None, signature_org: str | None) -> str | None:
    """The publishing body: before ``关于`` in the title, else the signature."""
    if title:
        m = ISSUER_IN_TITLE.match(title.view)
        if m:
            return title.text[:m.end("issuer")].strip()
    return signature_org


def publicity(piece: Piece | None) -> PublicityDict | None:
    """``公开期限：2026年1月21日至2026年2月28日`` → {start, end}."""
    if piece is None:
        return None
    m = PUBLICITY.search(piece.view)
    if not m:
        return None
    dates = resolve_dates(piece.text[m.end():], piece.view[m.end():], YearContext())[:2]
    if not dates:
        return None
    end = dates[1][1] if len(dates) > 1 and dates[1][0].link == "range" else None
    return {"start": dates[0][1], "end": end}


def signature_date(piece: Piece) -> tuple[DateDict | None, tuple[int, int] | None]:
    """The date of a date line and where it stands in the piece, else (None, None)."""
    if not DATE_LINE.match(piece.view):
        return None, None
    hits = find_dates(piece.view)
    if not hits:
        return None, None
    hit = hits[0]
    return date_dict(piece.text[hit.start:hit.end], hit.year, False, hit), (hit.start, hit.end)
