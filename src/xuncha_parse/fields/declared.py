"""The counts a notice declares in its prose (``4个方面37个问题``, ``已完成整改34个``, ``其余3个正在推进``,
``整改完成率76%``): ``declared(view)`` reads them from the view of the text outside the problems."""
from __future__ import annotations

import re

from ..grammar import (
    ALL_DONE,
    BEFORE_FEEDBACK_REACH,
    COUNT_STOP,
    DECLARED_CATEGORIES,
    DECLARED_COMPLETED,
    DECLARED_COMPLETED_AFTER,
    DECLARED_IN_PROGRESS,
    DECLARED_IN_PROGRESS_AFTER,
    DECLARED_IN_PROGRESS_DUE,
    DECLARED_IN_PROGRESS_SAID,
    DECLARED_PROBLEMS,
    DECLARED_PROBLEMS_BEFORE,
    DECLARED_RATE,
    DECLARED_REST,
    FEEDBACK_PROBLEMS,
    MEASURES_DONE,
    SENTENCE_END,
    TASKS_BROKEN_DOWN,
)
from ..numerals import to_int
from ..shapes import DeclaredDict


def declared(view: str) -> DeclaredDict:
    """Counts the text itself states."""
    out: DeclaredDict = {"categories": None, "problems": None, "completed": None, "in_progress": None,
                         "completion_rate": None}
    m = DECLARED_RATE.search(view)
    out["completion_rate"] = round(float(m.group("r")) / 100, 4) if m else None
    view = _counting(view)
    out["categories"], out["problems"], unit = _categories(view)
    if out["problems"] is None:
        out["problems"], unit = _declared_problems(view)
    if out["categories"] and out["problems"] and out["categories"] > out["problems"]:
        out["categories"] = None  # more aspects than problems: digits a site ran together (``共指出312个方面24个问题``)
    counts = _Problems(view, TASKS_BROKEN_DOWN.search(view), unit)
    done = _declared_completed(view, counts)
    out["completed"] = to_int(done.group("n")) if done else _all_done(view, out["problems"])
    out["in_progress"] = _declared_in_progress(view, done, counts)
    return out


def _categories(view: str) -> tuple[int | None, int | None, str | None]:
    """(aspects, problems, the problems' measure word) of ``4个方面37个问题``, ``4个方面14项28个具体问题``."""
    m = DECLARED_CATEGORIES.search(view)
    if m is None:
        return None, None, None
    group = next((g for g in ("total", "items", "prob") if m.group(g)), None)
    if group is None:
        return to_int(m.group("cat")), None, None
    return to_int(m.group("cat")), to_int(m.group(group)), _unit(view, m.end(group))


def _unit(view: str, end: int) -> str:
    """The measure word after a count ending at ``end``: ``个`` of ``28 个``."""
    return view[end:end + 2].lstrip()[:1]


class _Problems:
    """Which counts count problems: where the problems were broken down into tasks (``细化为146项具体任务``), a count
    in the tasks' measure word that names no problem counts tasks (``已完成119项，其余27项``), unless the problems too
    are counted in that word; the rest of a count of measures (``已完成整改措施97项，其余24项``) is measures; and a count in
    件 counts problems only where the problems were counted as items in 件 (``移交立行立改事项3件``)."""

    def __init__(self, view: str, tasks: re.Match[str] | None, unit: str | None) -> None:
        self.view, self.tasks, self.unit = view, tasks, unit

    def of_problems(self, m: re.Match[str]) -> bool:
        tasks, view = self.tasks, self.view
        if _unit(view, m.end("n")) == "件" != self.unit:
            return False  # items (``已完成2件``) count problems only where the problems are items (``事项3件``)
        if tasks is not None and m.start() > tasks.start() and "问题" not in m.group() \
                and _unit(view, m.end("n")) == tasks.group("unit") != self.unit:
            return False
        if not m.group().startswith((",", ";")):
            return True
        clause = view[max(view.rfind(c, 0, m.start()) for c in ",;。") + 1:m.start()]
        return MEASURES_DONE.search(clause) is None


def _declared_completed(view: str, counts: _Problems) -> re.Match[str] | None:
    """The completed count of problems: the earlier of the two phrasings (``已完成整改18项``, ``…的3项已全部整改到位``),
    but the larger when both stand in one sentence, where the smaller is a part of what was done
    (``需要立行立改的3项已全部整改到位，目前已完成整改18项``); a later sentence counts something else."""
    found = (next((m for m in p.finditer(view) if counts.of_problems(m)), None)
             for p in (DECLARED_COMPLETED, DECLARED_COMPLETED_AFTER))
    hits = sorted((m for m in found if m), key=lambda m: m.start())
    if len(hits) == 2 and not any(c in view[hits[0].end():hits[1].start()] for c in SENTENCE_END):
        return max(hits, key=lambda m: to_int(m.group("n")) or 0)
    return hits[0] if hits else None


def _all_done(view: str, problems: int | None) -> int | None:
    """Every problem counted declared done, where no count of done ones is given: ``…15个具体问题，团县委已全部完成整改``
    (in the sentence that counts them)."""
    m = ALL_DONE.search(view) if problems is not None else None
    if m is None:
        return None
    sentence = view[view.rfind("。", 0, m.start()) + 1:m.start()]
    return problems if DECLARED_CATEGORIES.search(sentence) or DECLARED_PROBLEMS.search(sentence) else None


def _declared_problems(view: str) -> tuple[int | None, str | None]:
    """The first count of problems, ``反馈的25个具体问题`` or ``31个省委巡视反馈问题``, and its measure word."""
    found = DECLARED_PROBLEMS.search(view)
    before = _count_before_feedback(view)
    if before is not None and (found is None or before[0] < found.start()):
        return to_int(before[1]), before[2]
    if found is None:
        return None, None
    group = next(g for g in ("n", "n2", "n3", "n4", "n5", "n6") if found.group(g))
    return to_int(found.group(group)), _unit(view, found.end(group))


def _count_before_feedback(view: str) -> tuple[int, str, str] | None:
    """(where, count, measure word) of the first ``31个省委巡视反馈问题``: a count within reach before 反馈问题."""
    for m in FEEDBACK_PROBLEMS.finditer(view):
        start = max(0, m.start() - BEFORE_FEEDBACK_REACH)
        hit = DECLARED_PROBLEMS_BEFORE.search(view, start, m.start())
        if hit is not None:
            return hit.start(), hit.group("n"), _unit(view, hit.end("n"))
    return None


def _counting(view: str) -> str:
    """The sentences that count something (``个``, ``项``, ``条``, ``件``), in order and joined by ``。``: every
    declared count ends on one of those words and stays inside its sentence, so the count patterns
    need look nowhere else."""
    return "。".join(s for s in view.split("。") if "个" in s or "项" in s or "条" in s or "件" in s)


def _declared_in_progress(view: str, done: re.Match[str] | None, counts: _Problems) -> int | None:
    """The first count of unfinished problems; in a round's summary that lists several after the
    completed one in the same sentence (``完成整改112个，基本完成6个，未完成2个``), their sum; the rest of the
    done count, in the clause right after it (``已完成整改11个，其余2个已制定计划``)."""
    patterns = _IN_PROGRESS if "基本完成" in view else _IN_PROGRESS[:3]
    rest = DECLARED_REST.match(view, done.end()) if done is not None else None
    hits = [m for m in (*(p.search(view) for p in patterns), rest) if m and counts.of_problems(m)]
    if not hits:
        return None
    if done is not None:
        m = COUNT_STOP.search(view, done.end())
        stop = m.start() if m else len(view)
        listed = [m for p in (DECLARED_IN_PROGRESS, DECLARED_IN_PROGRESS_SAID) for m in p.finditer(view, done.end(), stop)]
        if len(listed) >= 2:
            return sum(to_int(m.group("n")) or 0 for m in listed)
    return to_int(min(hits, key=lambda m: m.start()).group("n"))


#: the phrasings of a count of unfinished problems
_IN_PROGRESS = (DECLARED_IN_PROGRESS, DECLARED_IN_PROGRESS_AFTER, DECLARED_IN_PROGRESS_DUE, DECLARED_IN_PROGRESS_SAID)
