"""The stage chain: an ordered list of stages, each filling part of one ``NoticeState``.

In the manner of markdown-it-py's core rules: ``STAGES`` names every stage in the order it runs, and
``run`` calls them in turn.  Each stage's docstring says what it reads and writes.  Stage zero, the
reader that turns a file's bytes into text and what its container knows (``Origin``), runs before
the chain, so every stage sees text, whatever the file's format.
"""
from __future__ import annotations

from typing import Callable

from .fields.checks import stage_diagnostics, stage_review
from .fields.contacts import stage_contacts
from .fields.entities import stage_entities
from .fields.kind import stage_kind
from .fields.ledger import stage_ledger
from .fields.meta import (
    stage_declared,
    stage_inspection,
    stage_publicity,
    stage_signature,
)
from .fields.outline import stage_sections
from .fields.preamble import stage_preamble
from .fields.problems import stage_problems
from .fields.roles import stage_roles
from .layout.document import stage_outside, stage_parts
from .layout.paragraphs import stage_paragraphs
from .layout.rules import stage_tokens, stage_tree
from .layout.text import Source
from .state import NoticeState, Origin

Stage = Callable[[NoticeState], None]

#: the stages in order, by name
STAGES: tuple[tuple[str, Stage], ...] = (
    ("tokens", stage_tokens),            # layout/rules.py: one classified token per line
    ("paragraphs", stage_paragraphs),    # layout/paragraphs.py: wrapped lines rejoined
    ("parts", stage_parts),              # layout/document.py: preamble, body, closing, signature
    ("tree", stage_tree),                # layout/rules.py: the body folded into a heading tree
    ("roles", stage_roles),              # fields/roles.py: overview, rectification, next steps
    ("preamble", stage_preamble),        # fields/preamble.py: title, addressee, intro
    ("kind", stage_kind),                # fields/kind.py: a rectification notice, or which neighbour
    ("signature", stage_signature),      # fields/meta.py: organisation and date at the end
    ("inspection", stage_inspection),    # fields/meta.py: issuer; who inspected whom, when
    ("problems", stage_problems),        # fields/problems.py: every problem and its fields
    ("ledger", stage_ledger),            # fields/ledger.py: problems given as a table's rows
    ("entities", stage_entities),        # fields/entities.py: dates, money, counts in each problem
    ("outside", stage_outside),          # layout/document.py: the text outside the problems
    ("declared", stage_declared),        # fields/meta.py: the counts the text states
    ("sections", stage_sections),        # fields/outline.py: the outline
    ("contacts", stage_contacts),        # fields/contacts.py: contact channels and their owners
    ("publicity", stage_publicity),      # fields/meta.py: 公开期限
    ("diagnostics", stage_diagnostics),  # fields/checks.py: what could not be reconciled
    ("review", stage_review),            # fields/checks.py: whether a person should look, and why
)


def run(text: str, origin: Origin | None = None, until: str | None = None) -> NoticeState:
    """Run the stages over decoded text; with ``until``, stop after the stage of that name.  Without
    ``origin``, the text is taken as UTF-8 text with no path."""
    state = NoticeState(Source(text), origin or Origin.of_text(text))
    for name, stage in STAGES:
        stage(state)
        if name == until:
            break
    return state
