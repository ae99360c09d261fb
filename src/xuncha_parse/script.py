"""Traditional script: notices reposted in traditional characters (``中共麗水市婦女聯合會黨組``) are matched
through a simplified view, one character for one, so every offset still holds.

Only a text that holds one of ``TRADITIONAL_MARKS`` is converted (``source.Source`` finds them in its one
scan of notable characters); the table (OpenCC's TSCharacters,
from the opencc-python-reimplemented package) is read the first time one is met.
"""
from __future__ import annotations

from functools import lru_cache

from .grammar import PINYIN_GLOSS


def simplified(view: str, blank: str) -> str:
    """The view with traditional characters made simplified, one for one, and pinyin glosses some sites
    add after a character (``衛(wèi)``) blanked to ``blank``, keeping the length."""
    view = view.translate(_table())
    return PINYIN_GLOSS.sub(lambda m: blank * len(m.group()), view)


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """Traditional → simplified for every character with a one-character simplified form."""
    from importlib.resources import files

    lines = files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8").splitlines()
    table: dict[int, str] = {}
    for line in lines:
        trad, _, simple = line.partition("\t")
        first = simple.split(" ")[0]
        if len(trad) == 1 and len(first) == 1:
            table[ord(trad)] = first
    return table
