"""The Dask example of docs/DATABASE.md, run as written on the local scheduler over the samples.

Needs the optional extra ``dask`` (``pip install 'xuncha[dask]'``); skipped without it.
"""
import pytest
from conftest import ROOT, SAMPLES, doc_code

from xuncha_parse import parse_bytes

DOC = ROOT / "docs" / "DATABASE.md"


def dask_example() -> str:
    return doc_code(DOC, "dask example")


def test_dask_example_writes_every_problem(tmp_path, monkeypatch):
    dask = pytest.importorskip("dask", reason="dask not installed: pip install 'xuncha[dask]'")
    pd = pytest.importorskip("pandas", reason="pandas not installed: pip install 'xuncha[dask]'")
    pytest.importorskip("pyarrow", reason="pyarrow not installed: pip install 'xuncha[dask]'")
    (tmp_path / "samples").symlink_to(SAMPLES)
    monkeypatch.chdir(tmp_path)
    with dask.config.set(scheduler="threads"):
        exec(compile(dask_example(), str(DOC), "exec"), {"__name__": "dask_example"})
    frame = pd.read_parquet(tmp_path / "problems_parquet")
    notices = [parse_bytes(p.read_bytes(), f"samples/{p.name}") for p in sorted(SAMPLES.glob("*.txt"))]
    expected = sorted((f"samples/{p.name}", i, problem.title, problem.status)
                      for p, n in zip(sorted(SAMPLES.glob("*.txt")), notices, strict=True)
                      for i, problem in enumerate(n.problems))
    got = sorted(zip(frame["path"], frame["position"], frame["title"], frame["status"], strict=True))
    assert got == expected
