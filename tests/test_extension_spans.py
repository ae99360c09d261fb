"""The extension spans: ``title_span`` and each problem's ``status_span`` slice back to the title and the
status text, on every sample and fixture in every transform (the review page highlights them there)."""
import sys
from pathlib import Path

import pytest
from spancheck import squash

sys.path.insert(0, str(Path(__file__).parent))
from golden import corpus  # noqa: E402

from xuncha_parse.api import bytes_to_dict  # noqa: E402
from xuncha_parse.readers import read  # noqa: E402

CORPUS = corpus()


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_title_and_status_spans_slice_back(name):
    data = CORPUS[name]
    text = read(data).text
    notice = bytes_to_dict(data, name)
    pairs = [(notice["title"], notice["title_span"])]
    pairs += [(p["status_text"], p["status_span"]) for p in notice["problems"]]
    for words, span in pairs:
        assert (words is None) == (span is None), (words, span)
        if span is not None:
            assert squash(text[span["start"]:span["end"]]) == squash(words)
