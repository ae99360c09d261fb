"""Keywords for each problem, with jieba and a domain dictionary.

jieba is imported only here, and only when keywords are asked for.  Its
prefix dictionary is built once from jieba's own ``dict.txt`` (words of
frequency 5 and up, which keeps the load at about a tenth of a second),
cached with ``marshal`` in the user's cache directory and read back with
``marshal.loads`` of the file's bytes.  A cache that cannot be written (a
read-only home) is simply not kept.  Nothing is written into the package or
the working directory, and jieba's logger never prints.
"""
from __future__ import annotations

import marshal
import math
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..grammar import HAN_WORD

if TYPE_CHECKING:
    import re
    from collections.abc import Callable
    from typing import TypeGuard, TypeVar

    from ..shapes import NoticeDict

    #: a Notice dict as the parser builds it, or as read back from JSONL
    NoticeT = TypeVar("NoticeT", NoticeDict, dict[str, Any])

#: the package's data files (installed as files; importlib.resources would cost ~20 ms to import)
DATA = Path(__file__).with_name("data")
#: jieba words rarer than this are left out of the prefix dictionary
MIN_FREQ = 5
#: frequency given to domain terms, so that they win over their parts
DOMAIN_FREQ = 200_000
#: how many keywords a problem gets
TOP_K = 8


def _import_jieba() -> Any:
    """Import jieba without ``pkg_resources``: that import costs ~170 ms and warns on stderr.

    jieba's own fallback (a plain ``open`` next to its module) is then used.
    """
    missing = "pkg_resources" not in sys.modules
    if missing:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]
    try:
        import jieba
    finally:
        if missing and sys.modules.get("pkg_resources") is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(60)
    return jieba


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "xuncha"


def _dict_path(jieba: Any) -> Path:
    return Path(jieba.__file__).resolve().parent / "dict.txt"


def _build_prefix_dict(dict_path: Path) -> tuple[dict[str, int], int]:
    freq: dict[str, int] = {}
    total = 0
    with open(dict_path, encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ")
            if len(parts) < 2 or int(parts[1]) < MIN_FREQ:
                continue
            word, n = parts[0], int(parts[1])
            freq[word] = n
            total += n
            for i in range(1, len(word)):
                freq.setdefault(word[:i], 0)
    return freq, total


def load_prefix_dict(jieba: Any) -> tuple[dict[str, int], int]:
    """The pruned prefix dictionary, from the cache when there is one."""
    src = _dict_path(jieba)
    stat = src.stat()
    cache = cache_dir() / f"jieba-{jieba.__version__}-{stat.st_size}-{MIN_FREQ}.marshal"
    try:
        cached = marshal.loads(cache.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        cached = None
    if _well_formed(cached):
        return cached
    freq, total = _build_prefix_dict(src)
    _write_cache(cache, marshal.dumps((freq, total)))
    return freq, total


def _well_formed(cached: object) -> TypeGuard[tuple[dict[str, int], int]]:
    """A cache that unmarshals to something else (a corrupt file can: an int, an empty tuple) is rebuilt."""
    return (isinstance(cached, tuple) and len(cached) == 2 and isinstance(cached[0], dict) and bool(cached[0])
            and isinstance(cached[1], int) and cached[1] > 0)


def _write_cache(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only cache directory: work from memory


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """A jieba Tokenizer with the pruned dictionary and the domain terms, built once per process."""
    jieba = _import_jieba()
    tk = jieba.Tokenizer()
    tk.FREQ, tk.total = load_prefix_dict(jieba)
    tk.initialized = True
    for term in domain_terms():
        tk.add_word(term, DOMAIN_FREQ)
    return tk


def han_words(tk: Any, text: str) -> list[str]:
    """The words of two or more Chinese characters that ``tk.cut(text, HMM=False)`` gives, in order.

    jieba builds a word graph, then finds the most probable path through it, then walks the path,
    a dictionary lookup and a tuple per step in each.  Here one backward pass per block does the
    graph and the path together; a test compares the words with jieba's own.
    """
    blocks = _blocks().findall(text)
    get, log, logtotal = tk.FREQ.get, math.log, math.log(tk.total)
    return [w for block in blocks for w in _best_path(block, get, log, logtotal) if HAN_WORD.fullmatch(w)]


def _best_path(s: str, get: Callable[[str], int | None], log: Callable[[float], float],
               logtotal: float) -> list[str]:
    """The words of length two and more on jieba's most probable path through block ``s``.

    Among paths of equal probability jieba takes the longer first word (``max`` of (log p, end)), so
    ties go to the later end here.
    """
    n = len(s)
    score, end = [0.0] * (n + 1), list(range(n + 1))
    for k in range(n - 1, -1, -1):
        best, i, frag = None, k, s[k]
        while i < n and (f := get(frag)) is not None:
            if f:
                v = log(f) - logtotal + score[i + 1]
                if best is None or v >= best:
                    best, end[k] = v, i
            i += 1
            frag = s[k:i + 1]
        score[k] = log(get(s[k]) or 1) - logtotal + score[k + 1] if best is None else best
    return _walk(s, end)


def _walk(s: str, end: list[int]) -> list[str]:
    words, x, n = [], 0, len(s)
    while x < n:
        y = end[x] + 1
        if y - x > 1:
            words.append(s[x:y])
        x = y
    return words


@lru_cache(maxsize=1)
def _blocks() -> re.Pattern[str]:
    """jieba's blocks of text that it segments (runs of Han, Latin letters, digits and ``+#&._%-``)."""
    blocks: re.Pattern[str] = _import_jieba().re_han_default
    return blocks


def _data_lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def domain_terms() -> frozenset[str]:
    return frozenset(_data_lines("domain_terms.txt"))


@lru_cache(maxsize=None)
def word_list(name: str) -> frozenset[str]:
    return frozenset(w for line in _data_lines(name) for w in line.split())


def keywords(text: str, k: int = TOP_K) -> list[str]:
    """The top terms of a text: domain terms first (by count), then others by tf × self-information.

    Function words never count; the generic vocabulary of notices (``力度``, ``差距``) counts only
    when nothing more specific is left.
    """
    tk, domain = tokenizer(), domain_terms()
    stop, generic = word_list("stopwords.txt"), word_list("generic_words.txt")
    counts: dict[str, int] = {}
    for word in han_words(tk, text):
        if word not in stop:
            counts[word] = counts.get(word, 0) + 1
    specific = [w for w in counts if w not in generic] or list(counts)
    ranked = sorted(specific, key=lambda w: (w not in domain, -_score(tk, w, counts[w])))
    return ranked[:k]


def _score(tk: Any, word: str, count: int) -> float:
    return count * math.log(tk.total / (tk.FREQ.get(word) or 1))


def annotate(notice: NoticeT) -> NoticeT:
    """Fill ``keywords`` and ``topics`` on every problem of a Notice dict, in place."""
    from .topics import problem_topics

    for p in notice["problems"]:
        p["keywords"] = keywords("".join(filter(None, (p["title"], p["description"]))))
        p["topics"] = problem_topics(p)
    return notice
