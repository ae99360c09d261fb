"""``--help`` in the interface language: the commands' and options' help texts are the catalogues'
(outputs/i18n, ``help.*`` keys), put on the command tree each time the command line starts, so they follow
``XUNCHA_LANG``.  Help is written while the options are read, so ``--lang`` cannot choose it.

Keys: ``help.main`` (the program), ``help.NAME`` (a command), ``help.NAME.OPTION`` (an option, by its
Python name), ``help.option.OPTION`` (an option shared by several commands: ``--lang``), and
``help.NAME.short`` (the line a lazily loaded command shows in the list).  Imports click alone.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from collections.abc import Mapping


def strings() -> Mapping[str, str]:
    """The catalogue of ``XUNCHA_LANG`` (Chinese by default)."""
    from .outputs.i18n import catalogue

    return catalogue().strings


def localize(name: str, command: click.Command, words: Mapping[str, str] | None = None) -> None:
    """Set a command's help and its options' from the catalogue; a key it lacks leaves the text as is."""
    words = words if words is not None else strings()
    command.help = words.get(f"help.{name}", command.help)
    if command.short_help is not None:
        command.short_help = words.get(f"help.{name}.short", command.short_help)
    for param in command.params:
        if isinstance(param, click.Option) and param.name:
            param.help = words.get(f"help.{name}.{param.name}") or words.get(f"help.option.{param.name}", param.help)


class LocalGroup(click.Group):
    """The program's group: every command's help in the interface language, set as the command line starts."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        words = strings()
        self.help = words.get("help.main", self.help)
        for name, command in self.commands.items():
            localize(name, command, words)
        return super().make_context(info_name, args, parent, **extra)
