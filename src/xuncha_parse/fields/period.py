"""The inspection's period and feedback date in the intro's sentences: a range, a start and a
duration (``开展了为期45天的巡察``), a feedback date in the same sentence or the next, never a meeting's."""
from __future__ import annotations

import datetime
import re
from typing import TypedDict

from ..grammar import (
    DATELINE_AFTER,
    FEEDBACK,
    FEEDBACK_REVIEWED,
    FEEDBACK_REVIEWED_REACH,
    PUBLISHED_BEFORE,
    PUBLISHED_REACH,
    RECTIFICATION_WINDOW,
    TARGET,
    TEAM,
    TEAM_BARE,
)
from ..numerals import to_int
from ..sentences import sentences_of
from ..shapes import DateDict
from .dates import DateHit, YearContext, damaged_dates, resolve_dates


class PeriodDict(TypedDict, total=False):
    """What ``period_and_feedback`` found of an inspection: its period and its feedback date."""

    start: DateDict | None
    end: DateDict | None
    feedback: DateDict | None


def period_and_feedback(view: str, text: str, target: re.Match[str] | None,
                         where: dict[str, tuple[int, int]]) -> PeriodDict:
    """The inspection period (the range in the sentence that names the inspection) and the feedback date;
    ``where`` receives the offsets of the dates written in the text (not of an end counted from 为期45天)."""
    out: PeriodDict = {}
    resolved = intro_dates(text, view)
    for a, b in sentences_of(view):
        sentence = view[a:b]
        if RECTIFICATION_WINDOW.search(sentence):
            continue  # the rectification's own window, never the inspection's
        in_sentence = [(h, d) for h, d in resolved if a <= h.start < b]
        if "start" not in out and (TEAM.search(sentence) or TARGET.search(sentence) or TEAM_BARE.search(sentence)):
            period = _before_feedback(in_sentence, sentence, a)
            out.update(_period(period, sentence, target, a) if period else {})
        if "feedback" not in out:
            _feedback_in(sentence, a, in_sentence, out)
    where.update((key, (h.start, h.end)) for h, d in resolved for key, value in out.items() if value is d)
    return out


def _feedback_in(sentence: str, offset: int, in_sentence: list[tuple[DateHit, DateDict]], out: PeriodDict) -> None:
    """The feedback's date: the last date before 反馈 in its sentence that is not the period's (a 反馈 a meeting reviewed,
    ``…会议审议了反馈意见;6月26日,巡察组向学院党委反馈了…``, is passed over)."""
    fb = next((m for m in FEEDBACK.finditer(sentence) if not FEEDBACK_REVIEWED.search(
        sentence, max(0, m.start() - FEEDBACK_REVIEWED_REACH), m.start())), None)
    before = [d for h, d in in_sentence if h.start < offset + fb.start() and not in_period(d, out)] if fb else []
    if before:
        out["feedback"] = before[-1]


def _before_feedback(in_sentence: list[tuple[DateHit, DateDict]], sentence: str, offset: int
                     ) -> list[tuple[DateHit, DateDict]]:
    """The dates that may be the period: in a sentence that goes on to the feedback after naming the
    inspection (``…对省法院党组进行了巡视，2021年12月30日，…反馈了巡视意见``), only those before the
    inspection's end; the later ones are the feedback's."""
    m = TARGET.search(sentence)
    if m is None or FEEDBACK.search(sentence, m.end()) is None:
        return in_sentence
    return [(h, d) for h, d in in_sentence if h.start < offset + m.end()]


def _period(in_sentence: list[tuple[DateHit, DateDict]], sentence: str, target: re.Match[str] | None,
            offset: int) -> PeriodDict:
    (h0, d0) = in_sentence[0]
    end = next((d for h, d in in_sentence[1:] if h.link == "range"), None)
    if end is None and target is not None and target.group("days") and d0["iso"]:
        end = add_duration(d0, to_int(target.group("days")), target.group("unit"), target)
    return {"start": d0, "end": end}


def add_duration(start: DateDict, n: int | None, unit: str, m: re.Match[str]) -> DateDict | None:
    """The last day of ``为期45天`` or ``为期两个月`` counted from a full start date."""
    if not n:
        return None
    first = datetime.date.fromisoformat(start["iso"])  # type: ignore[arg-type]  # the caller checked it
    if unit == "天":
        last = first + datetime.timedelta(days=n - 1)
    else:
        months = first.month - 1 + n
        year, month = first.year + months // 12, months % 12 + 1
        last = _clamped(year, month, first.day) - datetime.timedelta(days=1)
    text = m.group(0)[m.group(0).find("为期"):m.end("unit") - m.start()]
    return {"text": text, "iso": last.isoformat(), "year": last.year, "month": last.month, "day": last.day,
            "year_inferred": False, "qualifier": None}


def _clamped(year: int, month: int, day: int) -> datetime.date:
    """The date, or the month's last day when the month is shorter (31 Jan + 1 month)."""
    while True:
        try:
            return datetime.date(year, month, day)
        except ValueError:
            day -= 1


def in_period(d: DateDict, out: PeriodDict) -> bool:
    return any(d is out.get(k) for k in ("start", "end"))


def intro_dates(text: str, view: str) -> list[tuple[DateHit, DateDict]]:
    """The intro's dates in order, with those whose 年 and 月 a site dropped (``2024717日至830日``), without
    a page's publication date run into it (``发布时间2022年5月17日``)."""
    damaged = damaged_dates(text, view)
    taken = [(h.start, h.end) for h, _ in damaged]
    whole = [(h, d) for h, d in resolve_dates(text, view, YearContext())
             if not any(a <= h.start < b for a, b in taken)]  # (``89月`` of ``20189月17``)
    found = sorted(whole + damaged, key=lambda hd: hd[0].start)
    return [(h, d) for h, d in found if not PUBLISHED_BEFORE.search(view, max(0, h.start - PUBLISHED_REACH), h.start)
            and not DATELINE_AFTER.match(view, h.end)]
