"""xuncha: structured data from Chinese inspection-rectification notices."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what ``__getattr__`` gives, for type checkers
    from .api import parse_bytes, parse_text
    from .api import parse_to_dict as parse_to_dict
    from .decode import DecodeError
    from .outputs.models import Notice, Problem

__version__ = "0.1.0"
__all__ = ["parse_text", "parse_bytes", "parse_file", "Notice", "Problem", "DecodeError", "ReaderError",
           "__version__"]


def __getattr__(name: str) -> Any:
    """Import the parser only when it is used, so ``xuncha --help`` stays fast."""
    if name in ("parse_text", "parse_bytes", "parse_file", "parse_to_dict"):
        from . import api

        return getattr(api, name)
    if name in ("Notice", "Problem"):
        from .outputs import models

        return getattr(models, name)
    if name == "DecodeError":
        from .decode import DecodeError

        return DecodeError
    if name == "ReaderError":
        from .readers import ReaderError

        return ReaderError
    raise AttributeError(name)
