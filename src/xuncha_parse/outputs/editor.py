"""The review page's corrections form: a person corrects values and downloads them as a corrections file.

``editor(notice)`` is pure: one HTML section with an input per value a correction may change
(``corrections.NOTICE_FIELDS``; a problem's title, status and category; "not a problem"), each
carrying its path (``data-path``), what the parser gave (``data-parsed``, JSON) and how to read the
input (``data-kind``).  ``editor.js`` records a change that differs from the parsed value, adds a
missed problem from a selection of the text pane, and writes the corrections file (docs/OUTPUT.md,
"Corrections") keyed by the notice's sha256, with the name from the page's name field.
"""
from __future__ import annotations

import json
from typing import Any

from ..corrections import STATUSES
from .i18n import Catalogue
from .review import esc

#: the notice's values a person may correct, and how the page reads each input
NOTICE_INPUTS = (("title", "text"), ("inspection.body", "text"), ("inspection.round", "text"),
                 ("inspection.kind", "text"), ("inspection.target", "text"), ("inspection.start", "date"),
                 ("inspection.end", "date"), ("inspection.feedback", "date"), ("declared.categories", "count"),
                 ("declared.problems", "count"), ("declared.completed", "count"),
                 ("declared.in_progress", "count"), ("declared.completion_rate", "rate"))


def editor(notice: dict[str, Any], t: Catalogue) -> str:
    """The corrections section of one notice's review page, its words from the catalogue ``t``."""
    source = notice.get("source") or {}
    rows = "".join(_notice_row(notice, path, kind, t) for path, kind in NOTICE_INPUTS)
    problems = "".join(_problem_row(i, p, t) for i, p in enumerate(notice.get("problems") or []))
    return (f'<section id="edit" class="edit" data-sha256="{esc(source.get("sha256") or "")}" '
            f'data-file="{esc(source.get("path") or "")}"><h2>{t("editor.heading")}</h2>'
            f'<p><label>{t("editor.who")} <input id="who" autocomplete="name"></label></p>'
            f'<div class="fields">{rows}</div><ol class="fix-problems">{problems}</ol>'
            f'<p><button type="button" id="add-selection">{t("editor.add")}</button> '
            f'<button type="button" id="download">{t("editor.download")}</button> '
            f'<span id="pending-count">0</span> {t("editor.pending")}</p><ul id="pending"></ul></section>')


def _value(notice: dict[str, Any], path: str) -> Any:
    value: Any = notice
    for part in path.split("."):
        value = (value or {}).get(part)
    return value


def _attrs(path: str, parsed: Any, kind: str) -> str:
    data = json.dumps(parsed, ensure_ascii=False)
    return f'data-path="{esc(path)}" data-kind="{kind}" data-parsed="{esc(data)}"'


def _shown(value: Any) -> str:
    return "" if value is None else esc(value)


def _notice_row(notice: dict[str, Any], path: str, kind: str, t: Catalogue) -> str:
    value = _value(notice, path)
    shown = (value or {}).get("iso") if kind == "date" else value  # a partial date: empty, typed whole
    typed = ' type="date"' if kind == "date" else ""
    return (f'<label class="fix">{t("editor." + path)} <input{typed} {_attrs(path, value, kind)} '
            f'value="{_shown(shown)}"></label>')


def _problem_row(index: int, problem: dict[str, Any], t: Catalogue) -> str:
    base = f"problems.{index}"
    status = problem.get("status") or "unknown"
    options = "".join(f'<option value="{s}"{" selected" if s == status else ""}>{t.code("status", s)}</option>'
                      for s in STATUSES)
    return (f'<li class="fix-problem" data-index="{index}"><span class="num">{index + 1}</span>'
            f'<input class="t" aria-label="{t("editor.title")}" {_attrs(base + ".title", problem.get("title"), "text")} '
            f'value="{_shown(problem.get("title"))}">'
            f'<select aria-label="{t("editor.status")}" {_attrs(base + ".status", status, "status")}>{options}</select>'
            f'<input class="c" aria-label="{t("editor.category")}" {_attrs(base + ".category", problem.get("category"), "text")} '
            f'value="{_shown(problem.get("category"))}">'
            f'<label><input type="checkbox" {_attrs(base, problem.get("title"), "remove")}> {t("editor.remove")}</label>'
            "</li>")
