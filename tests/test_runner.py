"""The runner (src/xuncha_parse/runner/): every option reaches every sink, and each file is parsed once.

Each sink is read back by what it stored (the notices' paths), so a test here holds for a sink only
if the option really reached it: ``--max-bytes`` refuses the large notice in JSONL, CSV, Parquet and
the database alike; ``--review-dir`` writes a page per notice whichever the output; ``--glob`` picks
the same files; and under ``-j 2`` each file is parsed exactly once even with review pages.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from xuncha_parse.cli import main
from xuncha_parse.outputs.pages import review_filename

#: a notice of 13,810 bytes and one of 18,753: a limit between them keeps the first only
SMALL, LARGE = "003_b6fc3b0db45f3be2.txt", "000_b7f29017f62e4de6.txt"
LIMIT = "15000"
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.txt"))


def _jsonl(out):
    return [r["source"]["path"] for r in map(json.loads, (out / "a.jsonl").read_text("utf-8").splitlines())
            if "error" not in r]


def _csv(out):
    rows = list(csv.DictReader(io.StringIO((out / "a.csv").read_text("utf-8-sig"))))
    return list(dict.fromkeys(r["notice_path"] for r in rows))


def _parquet(out):
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow not installed (pip install 'xuncha[parquet]')")
    return pq.read_table(out / "pq" / "notices.parquet").column("path").to_pylist()


def _db(out):
    with sqlite3.connect(out / "a.db") as conn:
        return [path for (path,) in conn.execute("SELECT path FROM notices ORDER BY id")]


#: each sink: its options (``{out}`` the output folder) and how to read back the paths of the notices it holds
SINKS = {
    "jsonl": (["-o", "{out}/a.jsonl"], _jsonl),
    "csv": (["--format", "csv", "-o", "{out}/a.csv"], _csv),
    "parquet": (["--format", "parquet", "-o", "{out}/pq"], _parquet),
    "db": (["--db", "{out}/a.db"], _db),
}


def run_batch(sink: str, out, *args):
    options, _ = SINKS[sink]
    out.mkdir(exist_ok=True)
    return CliRunner().invoke(main, ["batch", *args, *(o.format(out=out) for o in options)])


def stored(sink: str, out) -> list[str]:
    return SINKS[sink][1](out)


def two_notices(folder):
    folder.mkdir()
    for name in (SMALL, LARGE):
        shutil.copy(SAMPLES / name, folder / name)
    return folder


@pytest.mark.parametrize("sink", SINKS)
@pytest.mark.usefixtures("english")
def test_max_bytes_refuses_the_large_file_in_every_sink(sink, tmp_path):
    folder = two_notices(tmp_path / "in")
    result = run_batch(sink, tmp_path / "out", str(folder), "--max-bytes", LIMIT)
    assert result.exit_code == 1, result.output
    assert stored(sink, tmp_path / "out") == [str(folder / SMALL)]
    assert f"{LARGE}: larger than the limit of {LIMIT} bytes" in result.stderr
    assert "notices=1 " in result.stderr and "failed=1" in result.stderr


@pytest.mark.parametrize("sink", SINKS)
def test_review_dir_writes_a_page_per_notice_in_every_sink(sink, tmp_path):
    folder = two_notices(tmp_path / "in")
    pages = tmp_path / "pages"
    result = run_batch(sink, tmp_path / "out", str(folder), "--review-dir", str(pages))
    assert result.exit_code == 0, result.output
    import hashlib

    want = sorted(review_filename(str(folder / n), hashlib.sha256((folder / n).read_bytes()).hexdigest())
                  for n in (SMALL, LARGE))
    assert sorted(os.listdir(pages)) == want
    page = (pages / want[0]).read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'data-field="problem"' in page
    assert sorted(stored(sink, tmp_path / "out")) == sorted(str(folder / n) for n in (SMALL, LARGE))


@pytest.mark.parametrize("sink", SINKS)
def test_glob_picks_the_same_files_for_every_sink(sink, tmp_path):
    folder = two_notices(tmp_path / "in")
    os.rename(folder / LARGE, folder / "large.htm")  # plain text under another name: left out by --glob
    result = run_batch(sink, tmp_path / "out", str(folder), "--glob", "*.TXT")
    assert result.exit_code == 0, result.output
    assert stored(sink, tmp_path / "out") == [str(folder / SMALL)]


def counting_parse(monkeypatch, log):
    """Count every parse of a notice's bytes, in this process or a forked worker, as a line in ``log``."""
    import xuncha_parse.api as api

    real = api.bytes_to_dict

    def counted(data, path=None, with_text=False):
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\t{path}\n")
        return real(data, path, with_text)

    monkeypatch.setattr(api, "bytes_to_dict", counted)


@pytest.mark.parametrize("sink", SINKS)
def test_each_file_is_parsed_once_under_j2_with_review_pages(sink, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(40):  # more than the 32 files for which -j 2 starts a pool
        source = FIXTURES[i % len(FIXTURES)]
        (folder / f"{i:02d}.txt").write_bytes(source.read_bytes() + f"\n{i}\n".encode())
    log = tmp_path / "parses.log"
    counting_parse(monkeypatch, log)
    result = run_batch(sink, tmp_path / "out", str(folder), "-j", "2", "--review-dir", str(tmp_path / "pages"))
    assert result.exit_code == 0, result.output
    calls = [line.split("\t") for line in log.read_text("utf-8").splitlines()]
    assert sorted(path for _, path in calls) == sorted(str(p) for p in folder.iterdir())  # each file once
    assert os.getpid() not in {int(pid) for pid, _ in calls}  # in the workers, none in this process
    assert len(os.listdir(tmp_path / "pages")) == 40
    assert len(stored(sink, tmp_path / "out")) == 40


def test_the_library_runs_a_batch_into_any_sink(tmp_path):
    """What docs/DATABASE.md shows: run_batch(paths, Options(...), open_sinks(kind, target))."""
    from xuncha_parse.runner import Options, run_batch
    from xuncha_parse.runner.sinks import open_sinks

    folder = two_notices(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    totals = run_batch([str(folder)], Options(max_bytes=int(LIMIT)), open_sinks("db", str(out / "a.db")))
    assert (totals.notices, totals.failed, totals.unchanged) == (1, 1, 0)
    assert stored("db", out) == [str(folder / SMALL)]
    again = run_batch([str(folder)], Options(), open_sinks("db", str(out / "a.db")))
    assert (again.notices, again.unchanged) == (1, 1)  # the one stored is skipped, the large one parsed now


# ---------------------------------------------------------------- the summary line: kinds and triage

#: forty modelled fixtures, enough for a pool of two workers: rectification notices and their neighbours
MIXED = sorted((ROOT / "tests" / "real").glob("*.txt"))[35:75]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.usefixtures("english")
def test_summary_line_counts_each_kind_present_and_the_notices_to_review(jobs, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in MIXED:
        shutil.copy(path, folder / path.name)
    result = run_batch("jsonl", tmp_path / "out", str(folder), "-j", jobs)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in (tmp_path / "out" / "a.jsonl").read_text("utf-8").splitlines()]
    kinds = {r["kind"]: sum(x["kind"] == r["kind"] for x in records) for r in records}
    assert len(kinds) >= 3 and 0 < sum(r["needs_review"] for r in records) < len(records)  # the mix is one
    order = ("rectification", "announcement", "feedback", "plan", "mobilisation", "summary", "other")
    want = " ".join(f"{kind}={kinds[kind]}" for kind in order if kind in kinds)
    line = result.stderr.strip().splitlines()[-1]
    assert line == (f"notices={len(records)} problems={sum(len(r['problems']) for r in records)} failed=0 {want} "
                    f"needs_review={sum(r['needs_review'] for r in records)}")
