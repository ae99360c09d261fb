"""The regression corpus: every sample and fixture notice, in every transform and eight wrap widths.

312 notices (12 × 26).  ``corpus.json`` beside this file holds the sha256 of each one's output (with
keywords and topics), so a refactoring can show that it changes nothing, byte for byte.  The
outputs themselves are checked against hand-made truth by test_samples / test_fixture_notices;
this pin only says "the same as before".  After a deliberate change of behaviour, regenerate with
``python tests/golden.py --update`` and read the list of notices it reports as changed.
"""
from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from transforms import TRANSFORMS, wrap_lines  # noqa: E402

PIN = HERE / "golden" / "corpus.json"
#: hard-wrap widths, as PDF copies of 26 to 47 characters a line
WIDTHS = range(26, 48, 3)


def corpus() -> dict[str, bytes]:
    """Name → bytes for the whole corpus, in a fixed order."""
    from xuncha_parse.decode import decode_bytes

    files = sorted((HERE.parent / "samples").glob("*.txt")) + sorted((HERE / "fixtures").glob("*.txt"))
    texts = {p.stem: decode_bytes(p.read_bytes()).text for p in files}
    out: dict[str, bytes] = {}
    for stem, text in texts.items():
        out[stem] = text.encode()  # (a GBK fixture is pinned re-encoded, as text)
        out |= {f"{stem}~{name}": fn(text) for name, fn in TRANSFORMS.items()}
        out |= {f"{stem}~wrap{w}": wrap_lines(text, w).encode() for w in WIDTHS}
    return out


def digest(data: bytes, name: str) -> str:
    """sha256 of the notice's JSON output, keywords and topics included."""
    import orjson

    from xuncha_parse.api import bytes_to_dict
    from xuncha_parse.enrich.keywords import annotate

    notice = annotate(bytes_to_dict(data, name))
    return hashlib.sha256(orjson.dumps(notice)).hexdigest()


def digests() -> dict[str, str]:
    return {name: digest(data, name) for name, data in corpus().items()}


if __name__ == "__main__":
    now = digests()
    before = json.loads(PIN.read_text()) if PIN.exists() else {}
    changed = sorted(k for k in now if before.get(k) != now[k])
    print(f"{len(now)} notices, {len(changed)} changed", *changed, sep="\n")
    if "--update" in sys.argv:
        PIN.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n")
