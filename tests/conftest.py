import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TRUTH = ROOT / "tests" / "truth"
sys.path.insert(0, str(Path(__file__).resolve().parent))

SAMPLE_NAMES = sorted(p.stem for p in TRUTH.glob("*.json"))


def load_truth(name: str) -> dict:
    return json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8"))


def load_sample(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.fixture(params=SAMPLE_NAMES)
def sample_name(request):
    return request.param
