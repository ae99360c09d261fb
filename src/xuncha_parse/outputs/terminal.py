"""``xuncha show``: a notice for a person to read, with rich (plain text when not on a terminal)."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .csv import date_text

if TYPE_CHECKING:
    from collections.abc import Mapping

    from rich.table import Table
    from rich.tree import Tree

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


def render(notice: Mapping[str, Any]) -> None:
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{safe(notice['title'] or '(no title)')}[/bold]")
    console.print(_inspection_line(notice))
    console.print(_counts(notice))
    console.print(_outline(notice))
    console.print(_problems(notice))
    for c in notice["contacts"]:
        owner = f"  ({safe(c['owner'])})" if c["owner"] else ""
        console.print(f"{c['type']}: {safe(c['value'])}{owner}")
    for d in notice["diagnostics"]:
        line = f" line {d['line']}" if d["line"] else ""
        console.print(f"[{'red' if d['level'] == 'warning' else 'blue'}]{d['level']}[/] {d['code']}{line}: {safe(d['message'])}")


def _inspection_line(notice: Mapping[str, Any]) -> str:
    ins = notice["inspection"]
    period = f"{date_text(ins['start'])} – {date_text(ins['end'])}" if ins["start"] else "period unknown"
    feedback = f", feedback {date_text(ins['feedback'])}" if ins["feedback"] else ""
    return safe(f"{ins['body'] or '?'} → {ins['target'] or '?'} ({ins['kind'] or '?'}), {period}{feedback}")


def _counts(notice: Mapping[str, Any]) -> Table:
    from rich.table import Table

    from ..fields.checks import count_mismatches, parsed_counts

    disagree = {key for key, _, _ in count_mismatches(notice)}
    table = Table("count", "declared", "parsed", title="Declared and parsed")
    for key, got in parsed_counts(notice["problems"]).items():
        want = notice["declared"][key]
        mark = " [red]≠[/red]" if key in disagree else ""
        table.add_row(key, "—" if want is None else str(want), f"{got}{mark}")
    return table


def _outline(notice: Mapping[str, Any]) -> Tree:
    from rich.tree import Tree

    tree = Tree("outline")
    stack = [(tree, s) for s in notice["sections"]]
    while stack:
        parent, s = stack.pop(0)
        label = f"[{ROLE_STYLE.get(s['role']) or 'none'}]{safe((s['marker'] or '') + s['heading'][:40])}[/] ({s['role']})"
        branch = parent.add(label)
        stack[0:0] = [(branch, c) for c in s["children"] if c["children"] or c["text"] is not None]
    return tree


def _problems(notice: Mapping[str, Any]) -> Table:
    from rich.table import Table

    table = Table("#", "title", "category", "status", title=f"{len(notice['problems'])} problems")
    for p in notice["problems"]:
        style = STATUS_STYLE[p["status"]]
        flags = "".join([" 长期" if p["long_term"] else "", " 立行立改" if p["immediate"] else ""])
        table.add_row(safe(p["marker"] or ""), safe(p["title"] or ""), safe((p["category"] or "")[:24]),
                      f"[{style}]{p['status']}[/]{flags}")
    return table
