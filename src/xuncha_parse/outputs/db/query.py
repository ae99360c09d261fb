"""A search query as people type it, read into words: ``八项 规定``, ``公车 OR 公务用车``, ``八项 -整改``.

- Words set apart by spaces (ASCII or the ideographic space ``　``) must all match.
- ``OR`` between two words makes either of them do: ``公车 OR 用车 超标`` is (公车 or 用车) and 超标,
  as in a web search box (OR binds closer than the space).
- ``-word`` leaves out every problem that holds the word.
- ``"…"`` keeps spaces, a leading ``-`` or ``OR`` as text: ``"-1"``, ``"a b"``.

A word matches a problem when its title, description or one of its measures contains it (ASCII
letters in any case).  Pure: the SQL is made by ``search``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

#: one token of a query: a quoted phrase, or a run of characters up to a space (ASCII or 　):
#: ``"a b"`` → phrase ``a b``; ``-整改`` → word ``-整改``
TOKEN = re.compile(r'"(?P<phrase>[^"]*)"|(?P<word>[^\s\u3000]+)')
#: the operator that joins two alternatives: ``OR`` (upper case, as FTS5 and web search engines spell it)
OR = "OR"


class QueryError(ValueError):
    """A query that cannot be searched for: empty, or made of exclusions only."""


@dataclass(frozen=True, slots=True)
class Query:
    """Every group must match (one of its words at least); no excluded word may match."""

    groups: list[list[str]] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        """The words to find (not the excluded ones), in the order typed."""
        return [w for group in self.groups for w in group]


def _tokens(text: str) -> list[tuple[str, bool]]:
    """(text, quoted) of each token; an empty phrase ``""`` is dropped."""
    found = ((m["phrase"], True) if m["phrase"] is not None else (m["word"], False) for m in TOKEN.finditer(text))
    return [(t, quoted) for t, quoted in found if t]


def parse_query(text: str) -> Query:
    """The words of a query; QueryError when nothing is left to find."""
    query = Query()
    tokens = _tokens(text)
    joined = False
    for i, (token, quoted) in enumerate(tokens):
        operator = not quoted and token == OR and 0 < i < len(tokens) - 1 and bool(query.groups)
        if operator:
            joined = True
        elif not quoted and token.startswith("-") and len(token) > 1:
            query.excluded.append(token[1:])
            joined = False
        elif joined:
            query.groups[-1].append(token)
            joined = False
        else:
            query.groups.append([token])
    if not query.groups:
        raise QueryError("empty query: give a word to find (-word only leaves words out)")
    return query
