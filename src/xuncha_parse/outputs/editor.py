"""The review page's corrections form: a person corrects values and downloads them as a corrections file.

``editor(notice)`` is pure: one HTML section with an input per value a correction may change
(``corrections.NOTICE_FIELDS``; a problem's title, status and category; "not a problem"), each
carrying its path (``data-path``), what the parser gave (``data-parsed``, JSON) and how to read the
input (``data-kind``).  ``editor.js`` records a change that differs from the parsed value, adds a
missed problem from a selection of the text pane, and writes the corrections file (docs/OUTPUT.md,
"Corrections") keyed by the notice's sha256, with the name from the page's name field.

On a page made with ``--corrections`` the inputs start from the corrected values, ``data-parsed`` is
still what the parser gave (so the next ``apply`` checks the right value), each corrected input shows
the parsed value and who/when beside it, and the earlier corrections ride along in the form's
``data-earlier`` (JSON) so that the downloaded file keeps them: a second round does not lose the first.
Problems removed earlier are listed with their box ticked, problems added earlier with a box to keep them.
"""
from __future__ import annotations

import json
from typing import Any

from ..corrections import STATUSES
from .corrected import Fixes, note
from .i18n import Catalogue
from .review import esc

#: the notice's values a person may correct, and how the page reads each input
NOTICE_INPUTS = (("title", "text"), ("inspection.body", "text"), ("inspection.round", "text"),
                 ("inspection.kind", "text"), ("inspection.target", "text"), ("inspection.start", "date"),
                 ("inspection.end", "date"), ("inspection.feedback", "date"), ("declared.categories", "count"),
                 ("declared.problems", "count"), ("declared.completed", "count"),
                 ("declared.in_progress", "count"), ("declared.completion_rate", "rate"))


def editor(notice: dict[str, Any], t: Catalogue, fixes: Fixes | None = None) -> str:
    """The corrections section of one notice's review page, its words from the catalogue ``t``; ``fixes``
    are the corrections the notice was made with (default: those in its ``corrections[]``)."""
    fixes = fixes or Fixes.of(notice)
    source = notice.get("source") or {}
    rows = "".join(_notice_row(notice, path, kind, t, fixes) for path, kind in NOTICE_INPUTS)
    problems = "".join(_problem_row(i, p, t, fixes) for i, p in enumerate(notice.get("problems") or []))
    removed = "".join(_removed_row(index, fix, t) for index, fix in fixes.removed())
    return (f'<section id="edit" class="edit" data-sha256="{esc(source.get("sha256") or "")}" '
            f'data-file="{esc(source.get("path") or "")}" data-earlier="{esc(_earlier(fixes))}">'
            f'<h2>{t("editor.heading")}</h2>'
            f'<p><label>{t("editor.who")} <input id="who" autocomplete="name"></label></p>'
            f'<div class="fields">{rows}</div><ol class="fix-problems">{problems}{removed}</ol>'
            f'<p><button type="button" id="add-selection">{t("editor.add")}</button> '
            f'<button type="button" id="download">{t("editor.download")}</button> '
            f'<span id="pending-count">0</span> {t("editor.pending")}</p><ul id="pending" translate="no"></ul></section>')


def _value(notice: dict[str, Any], path: str) -> Any:
    value: Any = notice
    for part in path.split("."):
        value = (value or {}).get(part)
    return value


def _earlier(fixes: Fixes) -> str:
    """The corrections the page was made with, as editor.js keeps them: path → parsed, value, by, at."""
    keep = ("parsed", "value", "by", "at")
    return json.dumps({path: {k: fix.get(k) for k in keep} for path, fix in fixes.by_path.items()}, ensure_ascii=False)


def _attrs(path: str, parsed: Any, kind: str, fixes: Fixes) -> str:
    """An input's path, kind and parsed value (the parser's, also when the input shows a corrected one)."""
    fix = fixes.by_path.get(path)
    data = json.dumps(fix["parsed"] if fix else parsed, ensure_ascii=False)
    return f'data-path="{esc(path)}" data-kind="{kind}" data-parsed="{esc(data)}"'


def _was(path: str, fixes: Fixes, t: Catalogue) -> str:
    """Beside a corrected input: what the parser gave, and who corrected it when."""
    fix = fixes.by_path.get(path)
    return f'<small class="was">{esc(note(fix, t, path))}</small>' if fix else ""


def _shown(value: Any) -> str:
    return "" if value is None else esc(value)


def _notice_row(notice: dict[str, Any], path: str, kind: str, t: Catalogue, fixes: Fixes) -> str:
    value = _value(notice, path)
    shown = (value or {}).get("iso") if kind == "date" else value  # a partial date: empty, typed whole
    typed = ' type="date"' if kind == "date" else ""
    return (f'<label class="fix">{t("editor." + path)} <input{typed} {_attrs(path, value, kind, fixes)} '
            f'value="{_shown(shown)}">{_was(path, fixes, t)}</label>')


def _problem_row(position: int, problem: dict[str, Any], t: Catalogue, fixes: Fixes) -> str:
    """One problem's inputs, named by its parsed index (or, when a person added it, a box that keeps it)."""
    if fixes.added(position):
        return _added_row(position, problem, t, fixes)
    base = fixes.problem_path(position)
    status = problem.get("status") or "unknown"
    options = "".join(f'<option value="{s}"{" selected" if s == status else ""}>{t.code("status", s)}</option>'
                      for s in STATUSES)
    return (f'<li class="fix-problem" data-index="{esc(base.split(".")[1])}"><span class="num">{position + 1}</span>'
            f'<input class="t" aria-label="{t("editor.title")}" {_attrs(base + ".title", problem.get("title"), "text", fixes)} '
            f'value="{_shown(problem.get("title"))}">{_was(base + ".title", fixes, t)}'
            f'<select aria-label="{t("editor.status")}" {_attrs(base + ".status", status, "status", fixes)}>{options}</select>'
            f'{_was(base + ".status", fixes, t)}'
            f'<input class="c" aria-label="{t("editor.category")}" {_attrs(base + ".category", problem.get("category"), "text", fixes)} '
            f'value="{_shown(problem.get("category"))}">{_was(base + ".category", fixes, t)}'
            f'<label><input type="checkbox" {_attrs(base, problem.get("title"), "remove", fixes)}> {t("editor.remove")}</label>'
            "</li>")


def _added_row(position: int, problem: dict[str, Any], t: Catalogue, fixes: Fixes) -> str:
    """A problem a person added: its title, and a ticked box that keeps the addition (untick to withdraw it)."""
    path = fixes.problem_path(position)
    value = json.dumps(fixes.by_path[path]["value"], ensure_ascii=False)
    return (f'<li class="fix-problem added" data-index="{esc(path.split(".")[1])}"><span class="num">{position + 1}</span>'
            f'<span class="t">{_shown(problem.get("title"))}</span>{_was(path, fixes, t)}'
            f'<label><input type="checkbox" checked {_attrs(path, None, "added", fixes)} data-value="{esc(value)}"> '
            f'{t("editor.keep_added")}</label></li>')


def _removed_row(index: int, fix: dict[str, Any], t: Catalogue) -> str:
    """A problem a person marked as not a problem (gone from the corrected notice): its box ticked."""
    path = f"problems.{index}"
    fixes = Fixes({path: fix})
    return (f'<li class="fix-problem removed" data-index="{index}"><span class="num">–</span>'
            f'<s class="t">{_shown(fix.get("parsed"))}</s>'
            f'<label><input type="checkbox" checked {_attrs(path, fix.get("parsed"), "remove", fixes)}> '
            f'{t("editor.remove")}</label>{_was(path, fixes, t)}</li>')
