"""The extension spans: ``title_span``, ``inspection.spans``, each problem's ``status_span`` and
``leader_span``, each section's ``heading_span`` and the signature's ``date_span`` slice back to the
title, the inspection's body, target and dates, the status text, the leader, the heading and the date,
on every sample and fixture in every transform (the review page highlights them there)."""
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
    pairs += [(p["leader"], p["leader_span"]) for p in notice["problems"] if "\n" not in (p["leader"] or "")]
    pairs += [(s["heading"], s["heading_span"]) for s in _sections(notice["sections"])]
    signature = notice["signature"]
    if signature is not None:
        pairs.append((signature["date"] and signature["date"]["text"], signature["date_span"]))
    ins = notice["inspection"]
    written = {"body": ins["body"], "start": ins["start"] and ins["start"]["text"],
               "end": ins["end"] and ins["end"]["text"], "feedback": ins["feedback"] and ins["feedback"]["text"]}
    for key, span in ins["spans"].items():
        if key in written:
            pairs.append((written[key], span))
        else:  # the target as written, before an alias is dropped or 我局 resolved
            assert key == "target" and ins["target"] and span["end"] > span["start"]
    for key, value in written.items():  # every field the intro gave has its place (an end counted from
        if value is not None and key not in ("end",):  # 为期45天 is not written, so it has none)
            assert key in ins["spans"], key
    for words, span in pairs:
        assert (words is None) == (span is None), (words, span)
        if span is not None:
            assert squash(text[span["start"]:span["end"]]) == squash(words)


def _sections(sections):
    for s in sections:
        yield s
        yield from _sections(s["children"])
