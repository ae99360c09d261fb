import json
import os
import re
import signal
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The default profile is derandomized, so CI runs the same examples every time (a new example found
# by chance must not turn a landing red); `HYPOTHESIS_PROFILE=deep python -m pytest` searches widely.
settings.register_profile("default", derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("deep", max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TRUTH = ROOT / "tests" / "truth"
sys.path.insert(0, str(Path(__file__).resolve().parent))

SAMPLE_NAMES = sorted(p.stem for p in TRUTH.glob("*.json"))


def interruptible() -> None:
    """``preexec_fn`` of a child that a test interrupts with SIGINT: Ctrl-C acts as in a terminal even
    when the test run itself was started in the background by a shell without job control, which
    ignores SIGINT, a disposition every child inherits (Python then never raises KeyboardInterrupt)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def doc_code(doc: Path, marker: str) -> str:
    """The ``python`` code block right after ``<!-- marker -->`` in a doc, which a test runs as written."""
    found = re.search(rf"<!-- {re.escape(marker)} -->\n```python\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
    assert found, f"{doc.name} has no {marker}"
    return found.group(1)


def load_truth(name: str) -> dict:
    return json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8"))


def load_sample(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture
def english(monkeypatch):
    """The command line in English (``XUNCHA_LANG=en``), for a test that reads its English messages
    (Chinese is the default: tests/test_cli_lang.py reads those)."""
    monkeypatch.setenv("XUNCHA_LANG", "en")


@pytest.fixture(params=SAMPLE_NAMES)
def sample_name(request):
    return request.param


#: Debian's chromium, driven by playwright (no browser is downloaded); the browser tests skip without it
CHROMIUM = os.environ.get("XUNCHA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """One headless chromium per test module (tests/test_browser*.py), or a skip naming what is missing."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no browser at {CHROMIUM}: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("no browser driver: pip install playwright")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
