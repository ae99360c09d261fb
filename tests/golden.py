"""The regression corpus as readable goldens: every sample and fixture notice, and its transformed copies.

``golden/<name>.json`` holds the output (keywords and topics included) of each base notice, pretty-printed,
so a change of behaviour, a new field included, shows in review as a diff of that file.  The transformed
copies (encodings, widths, eight wrap widths, numbering styles, page chrome: 25 per notice) are not pinned
whole: each is checked against its base notice's output modulo ``source``, spans and line numbers.  Where
a copy still reads differently (a heading cut by a wrap, say), ``golden/transforms.json`` records each
differing value as ``{"name~transform": {"path": [base value, copy's value]}}``; a copy that reads the
same is absent, so a fix shows as a removed entry and a regression as a new one.

After a deliberate change of behaviour, regenerate with ``python tests/golden.py --update`` and review
``git diff tests/golden`` before committing: a regenerated golden is a claim that every change in it is right.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from transforms import TRANSFORMS, wrap_lines  # noqa: E402

GOLDEN = HERE / "golden"
TRANSFORMED = GOLDEN / "transforms.json"
#: hard-wrap widths, as PDF copies of 26 to 47 characters a line
WIDTHS = range(26, 48, 3)
#: keys whose values depend on where the text stands, not on what was read: compared only in the base
PLACED = ("source", "line")


def base_files() -> list[Path]:
    return sorted((HERE.parent / "samples").glob("*.txt")) + sorted((HERE / "fixtures").glob("*.txt"))


def corpus() -> dict[str, bytes]:
    """Name → bytes for the whole corpus, in a fixed order: each base notice, then its copies."""
    from xuncha_parse.decode import decode_bytes

    out: dict[str, bytes] = {}
    for path in base_files():
        text = decode_bytes(path.read_bytes()).text
        out[path.stem] = text.encode()  # (a GBK fixture is read re-encoded, as text)
        out |= {f"{path.stem}~{name}": fn(text) for name, fn in TRANSFORMS.items()}
        out |= {f"{path.stem}~wrap{w}": wrap_lines(text, w).encode() for w in WIDTHS}
    return out


def output(data: bytes, name: str) -> dict[str, Any]:
    """The notice's JSON output, keywords and topics included, as plain JSON values."""
    from xuncha_parse.api import bytes_to_dict
    from xuncha_parse.enrich.keywords import annotate

    return json.loads(json.dumps(annotate(bytes_to_dict(data, name)), ensure_ascii=False))


def render(notice: dict[str, Any]) -> str:
    return json.dumps(notice, ensure_ascii=False, indent=2) + "\n"


def unplaced(value: Any) -> Any:
    """The value without source, spans and line numbers: what a transformed copy must read alike."""
    if isinstance(value, dict):
        return {k: unplaced(v) for k, v in value.items()
                if k not in PLACED and not k.endswith(("_span", "span", "spans"))}
    if isinstance(value, list):
        return [unplaced(v) for v in value]
    return value


def flat(value: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(``.problems[2].title``, value) for every leaf."""
    if isinstance(value, dict) and value:
        for k, v in value.items():
            yield from flat(v, f"{path}.{k}")
    elif isinstance(value, list) and value:
        for i, v in enumerate(value):
            yield from flat(v, f"{path}[{i}]")
    else:
        yield path, value


def differences(base: dict[str, Any], copy: dict[str, Any]) -> dict[str, list[Any]]:
    """Every leaf where the copy reads differently from its base, placed keys left out."""
    a, b = dict(flat(unplaced(base))), dict(flat(unplaced(copy)))
    return {p: [a.get(p), b.get(p)] for p in sorted(set(a) | set(b)) if a.get(p) != b.get(p)}


def compute() -> tuple[dict[str, str], dict[str, dict[str, list[Any]]]]:
    """The rendered golden of each base notice, and the recorded differences of each copy."""
    bases: dict[str, dict[str, Any]] = {}
    copies: dict[str, dict[str, list[Any]]] = {}
    for name, data in corpus().items():
        stem, _, transform = name.partition("~")
        notice = output(data, name)
        if not transform:
            bases[stem] = notice
        elif diff := differences(bases[stem], notice):
            copies[name] = diff
    return {stem: render(n) for stem, n in bases.items()}, copies


def changed_fields(old: str, new: str) -> str:
    """How a golden changed, as ``xuncha check`` counts it: the number of differing fields and the first paths."""
    from xuncha_parse.check import Selection, differences

    found = differences(json.loads(old), json.loads(new), Selection())
    paths = ", ".join(d.path for d in found[:3]) + (", …" if len(found) > 3 else "")
    return f"{len(found)} field(s): {paths}" if found else "same values, another rendering"


def update() -> list[str]:
    """Write every golden; the names of those that changed, each with the fields that changed."""
    rendered, copies = compute()
    GOLDEN.mkdir(exist_ok=True)
    changed = []
    for stem, text in rendered.items():
        path = GOLDEN / f"{stem}.json"
        old = path.read_text(encoding="utf-8") if path.exists() else None
        if old != text:
            path.write_text(text, encoding="utf-8")
            changed.append(f"{path.name} ({changed_fields(old, text) if old else 'new'})")
    text = json.dumps(copies, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if not TRANSFORMED.exists() or TRANSFORMED.read_text(encoding="utf-8") != text:
        TRANSFORMED.write_text(text, encoding="utf-8")
        changed.append(TRANSFORMED.name)
    return changed


if __name__ == "__main__":
    if "--update" not in sys.argv:
        sys.exit("usage: python tests/golden.py --update   (then review `git diff tests/golden`)")
    changed = update()
    print(f"{len(changed)} golden files changed", *changed, sep="\n")
