"""Dates as written in notices, and what they mean.

Handles full dates (``2025年4月21日``), ranges (``2025年4月21日至6月27日``,
``7月28日至30日``, ``2023年7月6日-9月6日``, cross-year ranges), lists
(``9月15日、18日``), vague dates (``8月下旬``, ``10月底前``, ``11月份``),
redactions (``2023年X月26日``) and Chinese-numeral years (``二〇二六年``).
A year inside a document number (``〔2021〕``) is never read: a date needs ``年``.

Years are carried forward: a date without a year takes the year of the
nearest earlier dated mention (or a fallback such as the inspection year);
after a range end, a month that goes backwards rolls the year over
(``2024年9月18日至12月20日 … 3月25日反馈`` → 2025-03-25).
"""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..grammar import (
    DAMAGED_DATE,
    DAMAGED_DAY,
    DAMAGED_RANGE_END,
    DAMAGED_YEAR,
    DATE_ATOM,
    DAY_ATOM,
    DAY_MARK,
    LIST_SEP,
    LOST_DAY_MARK,
    RANGE_SEP,
    SENTENCE_OPENS_AFTER,
)
from ..numerals import cn_digits_to_int, cn_to_int
from ..shapes import DateDict


@dataclass(slots=True)
class DateHit:
    """A date found in a view: where it stands, its parts as written, how it links to the one before."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    qualifier: str | None
    redacted_month: bool = False
    link: str | None = None  # "range" or "list": joined to the previous hit
    next_year: bool = False  # ``至次年1月``


def find_dates(view: str) -> list[DateHit]:
    """Every date mention in a matching view, with range and list links."""
    hits: list[DateHit] = []
    if "月" not in view:
        return hits
    pos = 0
    for m in date_atoms(view):
        if m.start() < pos or _inside_word(view, m):
            continue
        hit = _hit(m)
        hits.append(hit)
        pos = _follow(view, hit, hits)
    return hits


#: what a date holds before its ``月`` besides digits and spaces: ``二〇二六年十``, ``X``
_BEFORE_MONTH = frozenset("〇零一二三四五六七八九十Xx×年")


def date_atoms(view: str) -> Iterator[re.Match[str]]:
    """DATE_ATOM's matches, the same as its ``finditer``.  Each holds one ``月`` and starts in the run of
    date characters just before it, so only those positions are tried, not every position of the view."""
    pos, month = 0, view.find("月")
    while month >= 0:
        m = _atom_before(view, pos, month)
        if m is not None:
            yield m
            pos = m.end()
        month = view.find("月", max(month + 1, pos))


def _atom_before(view: str, pos: int, month: int) -> re.Match[str] | None:
    """The first DATE_ATOM that starts at or after ``pos`` in the run of date characters before ``month``."""
    start = month
    while start > pos and (view[start - 1] in _BEFORE_MONTH or view[start - 1].isdecimal()
                           or view[start - 1].isspace()):
        start -= 1
    for j in range(start, month):
        m = DATE_ATOM.match(view, j)
        if m is not None:
            return m
    return None


def _inside_word(view: str, m: re.Match[str]) -> bool:
    """``统一月报`` is not January: a yearless Chinese-numeral month must not follow a Han character."""
    if m.group("y") or m.group("m").isdigit() or _redacted(m.group("m")) or not m.start():
        return False
    return "\u4e00" <= view[m.start() - 1] <= "\u9fff"


def _hit(m: re.Match[str]) -> DateHit:
    qualifier = (m.group("q") or "") + (m.group("before") or "")
    month_raw = m.group("m")
    return DateHit(m.start(), m.end(), _year(m.group("y")), _num(month_raw), _num(m.group("d")),
                   qualifier or None, redacted_month=_redacted(month_raw))


def _follow(view: str, hit: DateHit, hits: list[DateHit]) -> int:
    """Take bare days and month-days chained after ``hit`` by a range or list separator."""
    prev = hit
    while True:
        link, nxt = _next_link(view, prev)
        if nxt is None:
            return prev.end
        nxt.link = link
        if nxt.month is None and not nxt.redacted_month:
            nxt.month, nxt.redacted_month = prev.month, prev.redacted_month
        hits.append(nxt)
        prev = nxt


def _next_link(view: str, prev: DateHit) -> tuple[str | None, DateHit | None]:
    at = prev.end
    for link, sep in (("range", RANGE_SEP), ("list", LIST_SEP)):
        s = sep.match(view, at)
        if not s:
            continue
        full = DATE_ATOM.match(view, s.end())
        if full:
            hit = _hit(full)
            hit.next_year = bool(s.groupdict().get("next"))
            return link, _lost_day_mark(view, hit, prev) if link == "range" else hit
        day = DAY_ATOM.match(view, s.end())
        if day:
            q = day.group("before")
            return link, DateHit(day.start(), day.end(), None, None, _num(day.group("d")), q)
    return _lost_range_mark(view, at)


def _lost_day_mark(view: str, hit: DateHit, start: DateHit) -> DateHit:
    """A range's end whose 日 a site dropped (``2021年5月10日至2021年7月23市委…``): the digits after its month are its day,
    where the range's start has one."""
    if hit.day is not None or hit.qualifier or start.day is None or not view.startswith("月", hit.end - 1):
        return hit
    m = LOST_DAY_MARK.match(view, hit.end)
    if m is not None and int(m.group("d")) >= 1:
        hit.day, hit.end = int(m.group("d")), m.end()
    return hit


def _lost_range_mark(view: str, at: int) -> tuple[str | None, DateHit | None]:
    """A day run straight into a month and day is a range whose 至 a site dropped: ``2021年4月12日5月14日``."""
    if not view.startswith(DAY_MARK, at - 1):
        return None, None
    full = DATE_ATOM.match(view, at)
    if full is None or full.group("d") is None or full.group("y"):
        return None, None
    return "range", _hit(full)


def _year(s: str | None) -> int | None:
    if not s:
        return None
    return int(s) if s.isdigit() else cn_digits_to_int(s)


def _num(s: str | None) -> int | None:
    if not s or _redacted(s):
        return None
    return int(s) if s.isdigit() else cn_to_int(s)


def _redacted(s: str | None) -> bool:
    return bool(s and s[0] in "Xx×")


class YearContext:
    """Carries the year through a document, rolling over after a range end."""

    __slots__ = ("year", "range_end_month")

    def __init__(self, year: int | None = None):
        self.year = year
        self.range_end_month: int | None = None

    def resolve(self, hit: DateHit, prev: DateHit | None) -> tuple[int | None, bool]:
        """(year, inferred) for a hit, then remember what it teaches."""
        if hit.year is not None:
            self._learn(hit, hit.year)
            return hit.year, False
        year = self.year
        if year is not None and hit.next_year:
            year += 1
        elif year is not None and hit.link == "range" and prev is not None and _goes_back(prev, hit):
            year += 1
        elif year is not None and hit.link is None and _before(hit.month, self.range_end_month):
            year += 1
        self._learn(hit, year)
        return year, year is not None

    def _learn(self, hit: DateHit, year: int | None) -> None:
        if year is not None:
            self.year = year
        self.range_end_month = hit.month if hit.link == "range" else None


def _goes_back(prev: DateHit, hit: DateHit) -> bool:
    return prev.month is not None and hit.month is not None and hit.month < prev.month


def _before(month: int | None, end_month: int | None) -> bool:
    return month is not None and end_month is not None and month < end_month


def date_dict(text: str, year: int | None, inferred: bool, hit: DateHit) -> DateDict:
    """The contract's Date shape."""
    iso = None
    if year and hit.month and hit.day and _valid(year, hit.month, hit.day):
        iso = f"{year:04d}-{hit.month:02d}-{hit.day:02d}"
    return {"text": text, "iso": iso, "year": year, "month": hit.month, "day": hit.day,
            "year_inferred": inferred, "qualifier": hit.qualifier}


def iso_date(y: int, m: int, d: int) -> str | None:
    """``2022-04-06``, or None where there is no such day."""
    return f"{y:04d}-{m:02d}-{d:02d}" if _valid(y, m, d) else None


def _valid(y: int, m: int, d: int) -> bool:
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def resolve_dates(text: str, view: str, ctx: YearContext) -> list[tuple[DateHit, DateDict]]:
    """Every date of a text with its Date dict, years resolved in order through ``ctx``."""
    out: list[tuple[DateHit, DateDict]] = []
    prev: DateHit | None = None
    for hit in find_dates(view):
        year, inferred = ctx.resolve(hit, prev)
        out.append((hit, date_dict(text[hit.start:hit.end], year, inferred, hit)))
        prev = hit
    return out


def parse_dates(text: str, view: str | None = None, year: int | None = None) -> list[DateDict]:
    """Every date in a text, resolved in order; ``year`` is the fallback before any full date."""
    from ..layout.text import fold

    return [d for _, d in resolve_dates(text, fold(text) if view is None else view, YearContext(year))]


def damaged_dates(text: str, view: str) -> list[tuple[DateHit, DateDict]]:
    """Dates whose 年 and 月 a site dropped (``2022418日至615日``, ``。1220市委巡察组…``), resolved, where the
    month and day split only one way; a range end and a day opening a sentence take the year before them."""
    out: list[tuple[DateHit, DateDict]] = []
    for m in DAMAGED_DATE.finditer(view):
        year = int(m.group("y"))
        hit = _damaged(m.start(), m.end(), year, m.group("md"), None)
        if hit is None:
            continue
        out.append((hit, date_dict(text[hit.start:hit.end], year, False, hit)))
        end = DAMAGED_RANGE_END.match(view, m.end())
        last = _damaged(end.start("md"), end.end(), year, end.group("md"), "range") if end else None
        if last is not None:
            out.append((last, date_dict(text[last.start:last.end], year, True, last)))
    out += [(hit, date_dict(text[hit.start:hit.end], hit.year, False, hit)) for hit in _year_run_in(view)]
    return out + _damaged_days(text, view, out)


def _year_run_in(view: str) -> list[DateHit]:
    """Dates whose 年 a site dropped (``20189月17,``): the year run into the month."""
    out: list[DateHit] = []
    for m in DAMAGED_YEAR.finditer(view):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if 1 <= day <= 31:
            out.append(DateHit(m.start(), m.end(), year, month, day, None))
    return out


def _damaged_days(text: str, view: str, found: list[tuple[DateHit, DateDict]]) -> list[tuple[DateHit, DateDict]]:
    out: list[tuple[DateHit, DateDict]] = []
    for m in DAMAGED_DAY.finditer(view):
        if m.start() and view[m.start() - 1] not in SENTENCE_OPENS_AFTER:
            continue  # not opening a sentence
        before = [h for h, _ in found if h.end <= m.start()]
        hit = _damaged(m.start(), m.end(), before[-1].year, m.group("md"), None) if before else None
        if hit is not None:
            out.append((hit, date_dict(text[hit.start:hit.end], hit.year, True, hit)))
    return out


def _damaged(start: int, end: int, year: int | None, md: str, link: str | None) -> DateHit | None:
    """The hit for month and day run together (``717`` → 7-17, ``1129`` → 11-29), if they split one way."""
    splits = [(int(md[:k]), int(md[k:])) for k in (1, 2) if k < len(md) and md[k] != "0"]
    valid = [(mo, d) for mo, d in splits if 1 <= mo <= 12 and 1 <= d <= 31]
    if len(valid) != 1:
        return None
    month, day = valid[0]
    return DateHit(start, end, year, month, day, None, link=link)
