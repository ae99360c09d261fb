"""``xuncha show``: a notice for a person to read, with rich (plain text when not on a terminal)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .csv import date_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.table import Table
    from rich.tree import Tree

    from .i18n import Catalogue

#: characters a terminal would act on rather than show: C0 and C1 controls, DEL, bidi overrides
#: (``\x1b[31m`` colours, ``\x1b]8;;url\x07`` links, ``\u202e`` reverses the rest of a line)
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")

STATUS_STYLE = {"completed": "green", "in_progress": "yellow", "unknown": "dim"}
ROLE_STYLE = {"rectification": "bold", "overview": "cyan", "next_steps": "magenta", "closing": "dim"}


def visible(text: str) -> str:
    """Control characters shown as ``\\x1b`` (``\\u202e``), so a terminal prints them instead of obeying."""
    if CONTROL.search(text) is None:
        return text
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}",
                       text)


def safe(value: object) -> str:
    """Notice text for rich: control characters made visible and markup escaped (``[/bold]`` is text)."""
    from rich.markup import escape

    return escape(visible(str(value)))


def render(notice: Mapping[str, Any], lang: str | None = None) -> None:
    """The notice on the terminal, labelled in ``lang`` (default Chinese)."""
    from rich.console import Console

    from .i18n import catalogue

    t = catalogue(lang)
    console = Console()
    console.print(f"[bold]{safe(notice['title'] or t('review.no_title'))}[/bold]")
    console.print(_inspection_line(notice, t))
    console.print(_counts(notice, t))
    console.print(_outline(notice, t))
    console.print(_problems(notice, t))
    for c in notice["contacts"]:
        owner = f"  ({safe(c['owner'])})" if c["owner"] else ""
        console.print(f"{safe(t.code('contact', c['type']))}: {safe(c['value'])}{owner}")
    for d in notice["diagnostics"]:
        line = safe(t("show.line", n=d["line"])) if d["line"] else ""
        said = t.code("diag", d["code"])
        message = said if said != d["code"] else d["message"]
        console.print(f"[{'red' if d['level'] == 'warning' else 'blue'}]{safe(t.code('level', d['level']))}[/] "
                      f"{d['code']}{line}: {safe(message)}")


def _inspection_line(notice: Mapping[str, Any], t: Catalogue) -> str:
    ins = notice["inspection"]
    period = f"{date_text(ins['start'])} – {date_text(ins['end'])}" if ins["start"] else t("show.period_unknown")
    feedback = t("show.feedback", date=date_text(ins["feedback"])) if ins["feedback"] else ""
    return safe(f"{ins['body'] or '?'} → {ins['target'] or '?'} ({ins['kind'] or '?'}), {period}{feedback}")


def _counts(notice: Mapping[str, Any], t: Catalogue) -> Table:
    from rich.table import Table

    from ..fields.checks import count_mismatches, parsed_counts

    disagree = {key for key, _, _ in count_mismatches(notice)}
    table = Table(t("show.count"), t("review.declared"), t("review.parsed"), title=t("show.counts"))
    for key, got in parsed_counts(notice["problems"]).items():
        want = notice["declared"][key]
        mark = " [red]≠[/red]" if key in disagree else ""
        table.add_row(t.code("count", key), "—" if want is None else str(want), f"{got}{mark}")
    return table


def _outline(notice: Mapping[str, Any], t: Catalogue) -> Tree:
    from rich.tree import Tree

    tree = Tree(t("show.outline"))
    stack = [(tree, s) for s in notice["sections"]]
    while stack:
        parent, s = stack.pop(0)
        role = safe(t.code("role", s["role"]))
        label = f"[{ROLE_STYLE.get(s['role']) or 'none'}]{safe((s['marker'] or '') + s['heading'][:40])}[/] ({role})"
        branch = parent.add(label)
        stack[0:0] = [(branch, c) for c in s["children"] if c["children"] or c["text"] is not None]
    return tree


def _problems(notice: Mapping[str, Any], t: Catalogue) -> Table:
    from rich.table import Table

    table = Table("#", t("show.col.title"), t("show.col.category"), t("show.col.status"),
                  title=t("show.problems", n=len(notice["problems"])))
    for p in notice["problems"]:
        style = STATUS_STYLE[p["status"]]
        flags = "".join([" 长期" if p["long_term"] else "", " 立行立改" if p["immediate"] else ""])
        table.add_row(safe(p["marker"] or ""), safe(p["title"] or ""), safe((p["category"] or "")[:24]),
                      f"[{style}]{safe(t.code('status', p['status']))}[/]{flags}")
    return table
