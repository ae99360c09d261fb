"""The corpus-scale recipe of docs/ANALYSIS.md, run as written: Dask parses and hashes the samples in four
parts and writes band keys to Parquet, DuckDB joins the bands; it must find exactly the candidate pairs
and clusters the in-memory analysis finds. Needs the extras dask, duckdb and analysis (the test extra
installs them, so CI runs it)."""
import pytest
from conftest import ROOT, SAMPLES, doc_code

DOC = ROOT / "docs" / "ANALYSIS.md"


def recipe() -> str:
    return doc_code(DOC, "dask duckdb recipe")


def test_recipe_finds_what_the_in_memory_analysis_finds(tmp_path, monkeypatch):
    dask = pytest.importorskip("dask", reason="pip install 'xuncha[dask]'")
    pytest.importorskip("duckdb", reason="pip install 'xuncha[duckdb]'")
    pytest.importorskip("pyarrow", reason="pip install 'xuncha[dask]'")
    np = pytest.importorskip("numpy", reason="pip install 'xuncha[analysis]'")
    from xuncha_parse.analysis.cluster import candidates, near_clusters

    (tmp_path / "samples").symlink_to(SAMPLES)
    monkeypatch.chdir(tmp_path)
    scope = {"__name__": "recipe"}
    with dask.config.set(scheduler="threads"):
        exec(compile(recipe(), str(DOC), "exec"), scope)
    names, texts = scope["names"], scope["texts"]
    assert len(names) == 87
    wordings = [texts[n] for n in names]
    assert len(set(wordings)) == len(wordings)  # so the in-memory run sees the same texts in the same order
    expected = {tuple(p) for p in candidates(wordings).tolist()}
    assert {tuple(sorted(p)) for p in scope["candidates"].tolist()} == expected
    found, memory = scope["clusters"], near_clusters(wordings)
    assert np.array_equal(found.representative, memory.representative)
