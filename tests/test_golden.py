"""The 312-notice regression pin: outputs byte for byte as recorded in tests/golden/corpus.json."""
import json

from golden import PIN, corpus, digest


def test_corpus_outputs_unchanged():
    pinned = json.loads(PIN.read_text())
    items = corpus()
    assert sorted(items) == sorted(pinned)
    changed = [name for name, data in items.items() if digest(data, name) != pinned[name]]
    assert not changed, f"{len(changed)} of {len(items)} outputs changed (python tests/golden.py): {changed[:10]}"
