"""The red-team suite's database and batch part (issue 23): one test per attack, each run as the real
command in a child process under a memory limit (``resource.setrlimit(RLIMIT_AS)``) and a time bound.
Each attack must end in one line on stderr (or one error record) with its documented exit status and
no traceback; docs/RELIABILITY.md has a row for each, naming its test.

(The readers' attacks are in ``tests/test_hostile.py`` on the readers branch; these join it there.)
"""
from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES

from xuncha_parse.cli import main
from xuncha_parse.clitools import DATABASE_EXITS
from xuncha_parse.outputs.sink import is_replaceable

MiB = 1 << 20
#: address space allowed to the child
MEMORY_LIMIT = 1024 * MiB
#: seconds an attack may take (a loaded 2-core machine included)
TIME_LIMIT = 120
#: the documented exit statuses (docs/RELIABILITY.md, "Exit codes")
EXIT_BAD_INPUT, EXIT_USAGE, EXIT_CANNOT_WRITE, EXIT_DAMAGED, EXIT_LOCKED = 1, 2, 3, 4, 5
#: the child: the command line, with the database's lock wait shortened for the locked-file attack
CHILD = ("import sys\nimport xuncha_parse.outputs.db.connect as c\nc.BUSY_TIMEOUT_MS = int(sys.argv.pop(1))\n"
         "from xuncha_parse.cli import main\nsys.argv[0] = 'xuncha'\nmain()")


def xuncha(cwd: Path, *args: str | Path, file_limit: int | None = None, wrap: tuple[str, ...] = (),
           busy_ms: int = 30_000) -> subprocess.CompletedProcess[str]:
    """The command line in a child process under MEMORY_LIMIT (and RLIMIT_FSIZE when given)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
        if file_limit is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_limit, file_limit))

    command = [*wrap, sys.executable, "-c", CHILD, str(busy_ms), *map(str, args)]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          timeout=TIME_LIMIT, preexec_fn=limit, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})


def assert_one_line(result: subprocess.CompletedProcess[str], status: int, *words: str) -> None:
    """Exit ``status``, one line on stderr holding the words, no traceback."""
    assert result.returncode == status, result.stderr
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr and len(lines) == 1, result.stderr
    assert all(word in lines[0] for word in words), result.stderr


def stored(folder: Path) -> Path:
    """A database of the samples, written in-process (the set-up, not the attack)."""
    db = folder / "x.db"
    result = CliRunner().invoke(main, ["batch", str(SAMPLES), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def sound(db: Path) -> int:
    """The number of notices of a database that passes ``integrity_check`` (0 before its schema)."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        made = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'notices'").fetchone()[0]
        count: int = conn.execute("SELECT count(*) FROM notices").fetchone()[0] if made else 0
    conn.close()
    return count


def can_mount() -> bool:
    """Can this process make a private mount namespace (root, ``unshare -m``)?"""
    if shutil.which("unshare") is None or os.geteuid() != 0:
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


needs_mount = pytest.mark.skipif(not can_mount(), reason="needs root and unshare -m for a private mount")


# --- database: a full disk ------------------------------------------------------------------------

def test_the_database_exits_are_distinct_from_every_other():
    assert sorted(DATABASE_EXITS.values()) == [EXIT_CANNOT_WRITE, EXIT_DAMAGED, EXIT_LOCKED]
    assert not set(DATABASE_EXITS.values()) & {0, 1, EXIT_BAD_INPUT, 130}


@pytest.mark.parametrize("file_limit", [400_000, 900_000], ids=["while-creating", "while-writing"])
def test_a_file_size_limit_during_batch_db_is_one_line_and_exit_3(tmp_path, file_limit):
    """RLIMIT_FSIZE: SQLite's writes fail (EFBIG) while the schema is created or while notices are
    written; the database stays sound and the same command completes it once there is room."""
    result = xuncha(tmp_path, "batch", SAMPLES, "--db", "x.db", file_limit=file_limit)
    assert_one_line(result, EXIT_CANNOT_WRITE, "x.db", "cannot write")
    sound(tmp_path / "x.db")
    again = xuncha(tmp_path, "batch", SAMPLES, "--db", "x.db")
    assert again.returncode == 0, again.stderr
    assert sound(tmp_path / "x.db") == len(list(SAMPLES.glob("*.txt")))


@needs_mount
def test_a_full_disk_during_batch_db_is_one_line_and_exit_3(tmp_path):
    """A 600 KiB tmpfs (the samples' database takes 1.1 MB): SQLITE_FULL, one line, exit 3; the
    database left on it passes integrity_check."""
    (tmp_path / "disk").mkdir()
    (tmp_path / "kept").mkdir()
    script = ('mount -t tmpfs -o size=600k tmpfs disk && "$@"; status=$?; '
              'cp disk/x.db* kept/ 2>/dev/null; exit $status')
    result = xuncha(tmp_path, "batch", SAMPLES, "--db", "disk/x.db",
                    wrap=("unshare", "-m", "sh", "-c", script, "sh"))
    assert_one_line(result, EXIT_CANNOT_WRITE, "disk/x.db", "cannot write", "full")
    sound(tmp_path / "kept" / "x.db")


# --- database: a damaged file ---------------------------------------------------------------------

def damage(db: Path, table: str) -> None:
    """Overwrite the root page of ``table`` with a byte pattern, as a bad sector or a torn copy would."""
    with sqlite3.connect(db) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xa5" * page_size)


@pytest.mark.parametrize("table", ["problems", "notices"])
def test_a_damaged_database_is_refused_by_batch_and_search(tmp_path, table):
    """quick_check when batch opens it: exit 4, never "unchanged"; search meets the damage: exit 4."""
    db = stored(tmp_path)
    damage(db, table)
    result = xuncha(tmp_path, "batch", SAMPLES, "--db", db)
    assert_one_line(result, EXIT_DAMAGED, "x.db", "damaged")
    assert "unchanged" not in result.stderr
    found = xuncha(tmp_path, "search", db, "八项规定")
    assert_one_line(found, EXIT_DAMAGED, "x.db", "damaged")


def test_damage_only_quick_check_sees_is_refused(tmp_path):
    """A free page overwritten is not met by reading the notices, only by quick_check."""
    db = stored(tmp_path)
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM notices")  # frees the pages of every table
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    conn.close()
    assert free > 0
    with db.open("r+b") as file:  # the first free trunk page: header offset 32
        file.seek(32)
        trunk = int.from_bytes(file.read(4), "big")
        file.seek((trunk - 1) * 16384)
        file.write(b"\xff" * 8)
    result = xuncha(tmp_path, "batch", SAMPLES, "--db", db)
    assert_one_line(result, EXIT_DAMAGED, "damaged")


# --- database: a locked file ----------------------------------------------------------------------

def test_a_locked_database_is_one_line_and_exit_5_and_still_searchable(tmp_path):
    """Another writer holds its transaction past the wait (30 s, 0.3 s here): exit 5.  Readers are not
    blocked (WAL): search answers meanwhile."""
    db = stored(tmp_path)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        result = xuncha(tmp_path, "batch", SAMPLES, "--db", db, "--force", busy_ms=300)
        assert_one_line(result, EXIT_LOCKED, "x.db", "locked by another process for over 0.3 s")
        found = xuncha(tmp_path, "search", db, "八项规定", "--json", busy_ms=300)
        assert found.returncode == 0 and len(found.stdout.splitlines()) == 2, found.stderr
    finally:
        holder.close()
    assert sound(db) == len(list(SAMPLES.glob("*.txt")))


# --- database: a read-only mount ------------------------------------------------------------------

@needs_mount
def test_a_database_on_a_read_only_mount_is_searchable(tmp_path):
    """mode=ro cannot create the WAL's -shm file on a read-only mount; search then reads the file as
    immutable and finds what it finds in a writable copy."""
    db = stored(tmp_path)
    (tmp_path / "ro").mkdir()
    expected = xuncha(tmp_path, "search", db, "八项规定", "--json")
    script = 'mount --bind . ro && mount -o remount,bind,ro ro && "$@"'
    result = xuncha(tmp_path, "search", "ro/x.db", "八项规定", "--json",
                    wrap=("unshare", "-m", "sh", "-c", script, "sh"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == expected.stdout and len(result.stdout.splitlines()) == 2


@needs_mount
def test_a_read_only_database_whose_last_writes_are_in_its_wal_is_refused(tmp_path):
    """A -wal without its -shm on a read-only mount: immutable=1 would skip the writes in it, so
    search refuses with one line instead of answering without them."""
    db = stored(tmp_path)
    (tmp_path / "copy").mkdir()
    (tmp_path / "ro").mkdir()
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE problems SET title = title || '.' WHERE id = 1")  # lands in the -wal only
        shutil.copy(db, tmp_path / "copy" / "x.db")
        shutil.copy(f"{db}-wal", tmp_path / "copy" / "x.db-wal")
    finally:
        writer.close()
    script = 'mount --bind copy ro && mount -o remount,bind,ro ro && "$@"'
    result = xuncha(tmp_path, "search", "ro/x.db", "八项规定", wrap=("unshare", "-m", "sh", "-c", script, "sh"))
    assert_one_line(result, EXIT_BAD_INPUT, "ro/x.db", "x.db-wal", "copy both files")


# --- batch: nothing overwritten -------------------------------------------------------------------

@pytest.mark.usefixtures("english")
def test_batch_star_with_a_file_named_dash_o_overwrites_no_notice(tmp_path):
    """``xuncha batch *`` where a file is named ``-o``: the shell passes ``-o 000_….txt``; the notice
    is not an xuncha output, so it is refused (exit 2) and every file keeps its bytes."""
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, tmp_path)
    (tmp_path / "-o").write_bytes(b"")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    star = sorted(before)  # the shell's glob, in the C locale: "-o" first
    assert star[0] == "-o"
    result = xuncha(tmp_path, "batch", *star)
    assert_one_line(result, EXIT_USAGE, star[1], "not an xuncha output", "--force")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


#: what ``-o`` may replace without --force: nothing, an empty file, or what xuncha writes
REPLACEABLE = [
    ("", True),
    ('{"schema_version":"1","source":{"path":"a.txt"}}\n', True),
    ('{\n  "schema_version": "1",\n  "source": {\n', True),
    ('{"source":{"path":"a.txt"},"error":{"type":"InputError","message":"no such file"}}\n', True),
    ("\ufeffnotice_path,notice_title,issuer\r\n", True),
    ("  \n", True),
    ("关于巡察整改进展情况的通报\n一、存在的问题\n", False),
    ('{"title": "a JSON file of someone else"}', False),
    ("notice,title\r\n", False),
    ("<!DOCTYPE html><html><body>通报</body></html>", False),
    ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" "
     "content=\"default-src 'none'; style-src 'sha256-abc='\">", True),  # a review page or a report
    ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>关于巡察整改进展情况的通报</title>", False),
    ("SQLite format 3\x00", False),
]


@pytest.mark.parametrize("content, replaceable", REPLACEABLE)
def test_only_xuncha_outputs_are_replaceable(tmp_path, content, replaceable):
    path = tmp_path / "out"
    path.write_text(content, encoding="utf-8")
    assert is_replaceable(str(path)) is replaceable


@pytest.mark.usefixtures("english")
def test_parse_refuses_to_replace_a_notice_unless_forced(tmp_path):
    notice = tmp_path / "notice.txt"
    shutil.copy(sorted(SAMPLES.glob("*.txt"))[0], notice)
    before = notice.read_bytes()
    sample = sorted(SAMPLES.glob("*.txt"))[1]
    assert_one_line(xuncha(tmp_path, "parse", sample, "-o", notice), EXIT_USAGE, "not an xuncha output")
    assert notice.read_bytes() == before
    assert xuncha(tmp_path, "parse", sample, "-o", notice, "--force").returncode == 0
    assert notice.read_bytes().startswith(b'{\n  "schema_version"')
    assert xuncha(tmp_path, "parse", sample, "-o", notice).returncode == 0  # now an xuncha output


@pytest.mark.usefixtures("english")
def test_stats_star_with_a_file_named_dash_dash_html_overwrites_no_notice(tmp_path):
    """``xuncha stats *`` where a file is named ``--html``: the report would replace the next notice."""
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, tmp_path)
    (tmp_path / "--html").write_bytes(b"")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    star = sorted(before)
    result = xuncha(tmp_path, "stats", *star)
    assert_one_line(result, EXIT_USAGE, star[1], "not an xuncha output")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("command", [("review", "{sample}", "-o", "{out}"), ("stats", "{sample}", "--html", "{out}")])
@pytest.mark.usefixtures("english")
def test_html_outputs_replace_their_own_pages_and_nothing_else(tmp_path, command):
    """A review page or report is replaced by the next run; an HTML notice is not, unless forced."""
    sample = sorted(SAMPLES.glob("*.txt"))[0]
    args = [a.format(sample=sample, out=tmp_path / "page.html") for a in command]
    assert xuncha(tmp_path, *args).returncode == 0
    assert xuncha(tmp_path, *args).returncode == 0  # its own page, again
    (tmp_path / "page.html").write_text("<!DOCTYPE html>\n<html><body>关于巡察整改进展情况的通报</body></html>",
                                        encoding="utf-8")
    assert_one_line(xuncha(tmp_path, *args), EXIT_USAGE, "page.html", "not an xuncha output")
    assert xuncha(tmp_path, *args, "--force").returncode == 0


def test_a_fifo_as_output_is_not_opened_to_be_checked(tmp_path):
    """Checking what ``-o`` holds never opens a FIFO (that would wait for a writer)."""
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert is_replaceable(str(fifo))


# --- batch: reading bounded before hashing --------------------------------------------------------

@pytest.mark.parametrize("attack", ["sparse-5-GB", "dev-zero"])
@pytest.mark.usefixtures("english")
def test_batch_db_with_a_huge_input_stores_the_rest(tmp_path, attack):
    """A 5 GB sparse file or /dev/zero named on the command line: one error record, every other
    notice stored, exit 1, within the memory limit."""
    if attack == "sparse-5-GB":
        huge = tmp_path / "huge.txt"
        with huge.open("wb") as file:
            file.truncate(5 * 1024 * MiB)
    else:
        huge = Path("/dev/zero")
    result = xuncha(tmp_path, "batch", huge, SAMPLES, "--db", "x.db")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "failed=1" in result.stderr
    assert sound(tmp_path / "x.db") == len(list(SAMPLES.glob("*.txt")))


# --- parser: problem numbers of any size ----------------------------------------------------------

def numbered_notice(numbers: list[int], declared: int | None = None) -> str:
    """A notice whose problems carry these numbers, each with its own measure and status."""
    lines = ["关于巡察整改进展情况的通报", ""]
    if declared is not None:
        lines.append(f"巡察组共反馈问题{declared}个，现将整改情况通报如下。")
    lines.append("一、存在的问题及整改情况")
    for i, n in enumerate(numbers):
        lines += [f"{n}.第{i}项问题的表述存在不足。", f"整改措施：开展第{i}项专项整治。",
                  "整改情况：已完成。" if i % 2 else "整改情况：正在推进。"]
    return "\n".join(lines) + "\n"


def test_a_notice_numbered_past_999_keeps_every_problem(tmp_path):
    """Problems 1000 and on are problems of their own, not measures of problem 999."""
    import json

    (tmp_path / "long.txt").write_text(numbered_notice(list(range(1, 1004))), encoding="utf-8")
    result = xuncha(tmp_path, "parse", "long.txt", "--compact")
    assert result.returncode == 0, result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert [p["number"] for p in problems] == list(range(1, 1004))
    assert all(len(p["measures"]) == 1 for p in problems)
    assert [p["status"] for p in problems] == ["completed" if i % 2 else "in_progress" for i in range(1003)]


@pytest.mark.parametrize("marker", ["{n}.", "{n}、", "({n})", "问题{n}："])
def test_every_arabic_marker_takes_four_digit_numbers(marker):
    from xuncha_parse import parse_text

    text = numbered_notice([998, 999, 1000, 1001])
    for n in (998, 999, 1000, 1001):
        text = text.replace(f"\n{n}.", "\n" + marker.format(n=n))
    notice = parse_text(text).model_dump(mode="json")
    assert [p["number"] for p in notice["problems"]] == [998, 999, 1000, 1001]


#: numbering, the declared problem count, and the numbering diagnostics expected
NUMBERINGS = [
    ([1, 2, 3], None, []),
    ([1, 2, 4], None, ["problem number 4 skips after 2"]),
    ([1, 2, 2], None, ["problem number 2 repeats after 2"]),
    ([1, 2, 3, 1, 2], None, ["problem number 1 restarts under the same heading after 3"]),
    ([1, 2, 3, 1, 2], 5, []),  # the text counts five: the restart is its own
    ([1, 2, 3, 1, 2], 4, ["problem number 1 restarts under the same heading after 3"]),
    ([998, 999, 1000, 1001], None, []),
]


@pytest.mark.parametrize("numbers, declared, messages", NUMBERINGS)
def test_numbering_that_the_declared_count_does_not_explain_is_diagnosed(numbers, declared, messages):
    from xuncha_parse import parse_text

    notice = parse_text(numbered_notice(numbers, declared)).model_dump(mode="json")
    assert [p["number"] for p in notice["problems"]] == numbers
    assert [d["message"] for d in notice["diagnostics"] if d["code"] == "numbering_gap"] == messages


def test_a_wrapped_postcode_is_no_heading():
    """``211500）。`` alone on a line (a postcode wrapped out of its parentheses) stays text."""
    from xuncha_parse import parse_text

    text = numbered_notice([1, 2]) + "来信请寄：某某区政务中心办公室（邮编：\n211500）。\n"
    notice = parse_text(text).model_dump(mode="json")
    assert [p["number"] for p in notice["problems"]] == [1, 2]


def test_every_attack_here_has_its_row_in_reliability_md():
    """docs/RELIABILITY.md names each test of this file (``HD::name``), and names none that is missing."""
    import re

    named = set(re.findall(r"`HD::(\w+)`", (ROOT / "docs" / "RELIABILITY.md").read_text(encoding="utf-8")))
    here = {name for name in globals() if name.startswith("test_")} - {"test_every_attack_here_has_its_row_in_reliability_md"}
    assert named == here


def test_a_line_of_thousands_of_digits_is_no_marker():
    """``int()`` refuses over 4,300 digits: such a line must stay text, not crash the parse."""
    from xuncha_parse import parse_text

    notice = parse_text(numbered_notice([1]) + "9" * 5000 + "、问题标题不足。\n").model_dump(mode="json")
    assert [p["number"] for p in notice["problems"]] == [1]
