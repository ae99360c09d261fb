"""A click command whose module is imported only when it runs: ``xuncha --help`` lists it from its
one-line help alone (the ``analysis`` commands, which need numpy and rapidfuzz, stay unloaded)."""
from __future__ import annotations

import importlib
from typing import Any

import click


class LazyCommand(click.Command):
    """Stands for ``module:name``; parsing, help and running are the real command's."""

    def __init__(self, name: str, target: str):
        super().__init__(name, short_help="", help="")  # the catalogue's (clihelp.localize)
        self.target = target

    def real(self) -> click.Command:
        """The command itself, imported now, its help in the interface language."""
        from .clihelp import localize

        module, _, attr = self.target.partition(":")
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        localize(self.name or attr, command)
        return command

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        return self.real().make_context(info_name, args, parent, **extra)
