"""Helpers for the per-stage tests: run the chain up to a stage and render what it built compactly,
so that a fixture table reads at a glance (``"一、 [rectification]\\n  （一） [rectification]"``)."""
from __future__ import annotations

from xuncha_parse import pipeline
from xuncha_parse.layout.tree import Node
from xuncha_parse.state import NoticeState


def lines(*rows: str) -> str:
    """A notice written as one row per line."""
    return "\n".join(rows)


def run(text: str, until: str) -> NoticeState:
    return pipeline.run(text, until=until)


def outline(root: Node, roles: bool = False, problems: frozenset[Node] | set[Node] = frozenset(),
            bodies: bool = False) -> str:
    """The tree as an indented outline of markers, two spaces a level; with ``roles`` each heading's
    ``[role]``, with ``problems`` a ``*problem*`` mark, with ``bodies`` each body token as ``| text``."""
    out: list[str] = []
    if bodies:
        out += [f"| {t.text}" for t in root.body]
    for node in root.walk():
        pad = "  " * (node.depth - 1)
        assert node.token is not None  # only the root has no token
        row = pad + (node.token.marker or "")
        if roles:
            row += f" [{node.role}]"
        if node in problems:
            row += " *problem*"
        out.append(row)
        if bodies:
            out += [f"{pad}  | {t.text}" for t in node.body]
    return "\n".join(out)


def outline_of(text: str, until: str = "tree", **kw) -> str:
    """Run up to ``until`` and render the tree; problems are marked once the problems stage has run."""
    state = run(text, until)
    return outline(state.root, problems=set(state.problem_nodes), **kw)
