"""The interface's words: one catalogue per language (``zh.py``, ``en.py``), nothing scattered elsewhere.

``catalogue(lang)`` gives a :class:`Catalogue`; calling it with a key (and the key's ``{fields}``)
gives the text.  Codes the data carries (statuses, topics, diagnostics, count names) are looked up
under ``status.``, ``topic.``, ``diag.``, ``count.`` keys.  Chinese is the default; the
``XUNCHA_LANG`` environment variable (``zh`` or ``en``) may choose another, and ``--lang`` overrides both.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import import_module
from typing import Mapping

#: the languages with a catalogue, the default first
LANGS = ("zh", "en")
#: the environment variable that may set the default language
ENV = "XUNCHA_LANG"


def default_lang() -> str:
    """``XUNCHA_LANG`` when it names a catalogue (``zh``, ``en``, also ``zh_CN.UTF-8``), else Chinese."""
    wanted = os.environ.get(ENV, "").strip().lower()[:2]
    return wanted if wanted in LANGS else LANGS[0]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One language's strings: ``t("report.title")``, ``t("panel.count", n=3)``."""

    lang: str
    strings: Mapping[str, str]
    #: the library's own messages (a file that cannot be read or decoded) in this language: (the English
    #: message as a pattern, its wording here with the pattern's groups as {0}, {1}); none for English
    messages: tuple[tuple[str, str], ...] = ()

    def __call__(self, key: str, **values: object) -> str:
        return self.strings[key].format(**values) if values else self.strings[key]

    def code(self, kind: str, code: str) -> str:
        """The name of a code the data carries (``status``/``in_progress``), else the code itself."""
        return self.strings.get(f"{kind}.{code}", code)

    def message(self, text: str) -> str:
        """A message of the library (exceptions speak English) in this language, when the catalogue has
        it; else as it is."""
        for pattern, wording in self.messages:
            found = re.fullmatch(pattern, text)
            if found:
                return wording.format(*found.groups())
        return text

    @property
    def html_lang(self) -> str:
        return self.strings["html.lang"]


def catalogue(lang: str | None = None) -> Catalogue:
    """The catalogue of ``lang`` (default: :func:`default_lang`); ValueError for a language without one."""
    lang = lang or default_lang()
    if lang not in LANGS:
        raise ValueError(f"no catalogue for language {lang!r}; choose one of {', '.join(LANGS)}")
    return _load(lang)


@lru_cache(maxsize=None)
def _load(lang: str) -> Catalogue:
    module = import_module(f"{__name__}.{lang}")
    return Catalogue(lang, module.STRINGS, getattr(module, "MESSAGES", ()))
