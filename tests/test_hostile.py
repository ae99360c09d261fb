"""The red-team suite (issue 23): one test per attack, each run as the real command in a child
process under a memory limit (``resource.setrlimit(RLIMIT_AS)``) and a time bound, its peak memory
measured (``os.wait4`` in a small launcher process).  Each attack must end in one line on stderr (or one error record) with the
documented exit status, no traceback, and peak memory under the bound; docs/RELIABILITY.md has a row
for each, naming its test.

Sections: readers (this file's first part); database and batch attacks follow in their own sections.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import hostile_files as H
import ofd_builder as O
import pytest
import readers_samples as R

MiB = 1 << 20
#: address space allowed to the child (the interpreter and every reader library fit in 1 GiB)
MEMORY_LIMIT = 1024 * MiB
#: peak resident memory an attack may cost, the interpreter and its libraries included
PEAK_LIMIT_MIB = 300
#: seconds an attack may take (a loaded 2-core machine included)
TIME_LIMIT = 120
#: the exit status of a bad single input (docs/RELIABILITY.md, "Exit codes")
EXIT_BAD_INPUT = 1  # docs/RELIABILITY.md: 1 when an input failed (2 is a usage error, 3 an output that cannot be written)


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str
    peak_mib: float


#: the child's parent: it forks the command under the memory limit and writes the command's peak
#: memory (wait4) to a file.  Linux carries a process's peak memory across fork and exec, so a
#: command started straight from the test process would report the test process's own peak.
LAUNCHER = """
import os, resource, sys
limit, peak_file, args = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
pid = os.fork()
if pid == 0:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    os.execv(sys.executable, [sys.executable, "-m", "xuncha_parse", *args])
_, status, usage = os.wait4(pid, 0)
with open(peak_file, "w") as out:
    out.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_bounded(tmp_path: Path, *args: str) -> Outcome:
    """``python -m xuncha_parse ARGS`` with MEMORY_LIMIT of address space, killed after TIME_LIMIT."""
    out, err, peak = tmp_path / "child.out", tmp_path / "child.err", tmp_path / "child.peak"
    command = [sys.executable, "-c", LAUNCHER, str(MEMORY_LIMIT), str(peak), *args]
    with out.open("wb") as stdout, err.open("wb") as stderr:
        child = subprocess.Popen(command, stdout=stdout, stderr=stderr, stdin=subprocess.DEVNULL, cwd=R.ROOT,
                                 start_new_session=True)
    try:
        code = child.wait(timeout=TIME_LIMIT)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        pytest.fail(f"the attack ran past {TIME_LIMIT} s")
    return Outcome(code, out.read_text(errors="replace"), err.read_text(errors="replace"),
                   int(peak.read_text()) / 1024)


def assert_one_line(outcome: Outcome, status: int, *words: str) -> None:
    """Exit ``status``, one line on stderr holding the words, no traceback, peak memory in bounds."""
    assert outcome.code == status, outcome.stderr
    assert "Traceback" not in outcome.stderr and len(outcome.stderr.strip().splitlines()) == 1, outcome.stderr
    for word in words:
        assert word in outcome.stderr
    assert outcome.peak_mib < PEAK_LIMIT_MIB, f"peak {outcome.peak_mib:.0f} MiB"


def assert_parsed(outcome: Outcome, title_words: str) -> None:
    """Exit 0, a notice whose title holds the words, no traceback, peak memory in bounds."""
    assert outcome.code == 0 and "Traceback" not in outcome.stderr, outcome.stderr
    assert title_words in (json.loads(outcome.stdout)["title"] or "")
    assert outcome.peak_mib < PEAK_LIMIT_MIB, f"peak {outcome.peak_mib:.0f} MiB"


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# --- readers: archives (DOCX, OFD) -------------------------------------------------------------

DOCUMENT_PREFIX = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w='
                   b'"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')


def _docx_parts() -> dict[str, bytes]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(R.docx_bytes(["关于巡察整改进展情况的通报"]))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_docx_bomb_is_refused_in_bounded_memory(tmp_path):
    """A 2 MB .docx whose document.xml inflates to 2 GiB (issue 23: 3.2 GB, then a MemoryError)."""
    parts = {k: v for k, v in _docx_parts().items() if k != "word/document.xml"}
    data = H.zip_archive(parts, ("word/document.xml", DOCUMENT_PREFIX, 2048 * MiB))
    assert len(data) < 3 * MiB
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "bomb.docx", data), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "word/document.xml inflates to", "more than 64 MiB")


def test_docx_bomb_whose_directory_lies_is_refused_in_bounded_memory(tmp_path):
    """The directory says document.xml is 1 KiB; it inflates to 2 GiB: only 1 KiB is ever inflated,
    and the part fails its CRC check."""
    parts = {k: v for k, v in _docx_parts().items() if k != "word/document.xml"}
    data = H.zip_archive(parts, ("word/document.xml", DOCUMENT_PREFIX, 2048 * MiB), declared=1024)
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "liar.docx", data), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "corrupt .docx (the part word/document.xml is damaged", "Bad CRC-32")


def test_docx_of_a_million_empty_paragraphs_is_refused(tmp_path):
    """45 KB inflating to 7 MB of "<w:p/>": within the size limits, but 1.1 million elements (30 MiB
    of them took python-docx more than 120 s)."""
    parts = _docx_parts()
    parts["word/document.xml"] = DOCUMENT_PREFIX + b"<w:p/>" * 1_100_000 + b"</w:body></w:document>"
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "many.docx", H.zip_archive(parts)), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "holds more than 1,000,000 XML elements")


def test_docx_bomb_in_a_batch_is_one_error_record(tmp_path):
    """The same bomb among good files: its record names the refusal; the others are parsed; exit 1."""
    parts = {k: v for k, v in _docx_parts().items() if k != "word/document.xml"}
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "a_bomb.docx", H.zip_archive(parts, ("word/document.xml", DOCUMENT_PREFIX, 2048 * MiB)))
    (folder / "b_good.txt").write_bytes((R.SAMPLES / f"{R.SAMPLE_NAMES[0]}.txt").read_bytes())
    outcome = run_bounded(tmp_path, "batch", str(folder), "-o", str(tmp_path / "out.jsonl"))
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert outcome.code == 1 and "Traceback" not in outcome.stderr, outcome.stderr
    assert "inflates to" in records[0]["error"]["message"] and "problems" in records[1]
    assert outcome.peak_mib < PEAK_LIMIT_MIB


def test_docx_whose_root_is_not_w_document_is_one_line(tmp_path):
    """Issue 23: an AttributeError traceback."""
    parts = _docx_parts()
    parts["word/document.xml"] = b'<?xml version="1.0"?><html><body>x</body></html>'
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "odd.docx", H.zip_archive(parts)), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "holds <html>, not <w:document>")


@pytest.mark.parametrize("pad", [0, 200_000], ids=["at the start", "after 200 KB of paragraphs"])
def test_docx_nesting_3000_deep_is_one_line(tmp_path, pad):
    """3,000 nested tables: refused by the streamed root check (depth 256) or by lxml's own limit (256)
    under python-docx; never a RecursionError."""
    parts = _docx_parts()
    nested = "<w:tbl><w:tr><w:tc>" * 3000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 3000
    parts["word/document.xml"] = (DOCUMENT_PREFIX + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * (pad // 34)
                                  + nested.encode() + b"</w:body></w:document>")
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "deep.docx", H.zip_archive(parts)), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT)
    assert "256" in outcome.stderr


def test_ofd_page_bomb_is_refused_in_bounded_memory(tmp_path):
    """An OFD whose page inflates to 2 GiB."""
    parts = {"OFD.xml": O.ofd_xml().encode(), "Doc_0/Document.xml": O.document_xml(1).encode()}
    prefix = O.page_of("").encode()[:-40]
    data = H.zip_archive(parts, ("Doc_0/Pages/Page_0/Content.xml", prefix, 2048 * MiB))
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "bomb.ofd", data), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "Content.xml inflates to", "more than 64 MiB")


def test_ofd_entity_expansion_is_refused(tmp_path):
    """A billion-laughs DOCTYPE in a page: refused before any entity is declared."""
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10 if i else "lol"}">' for i in range(10))
    page = f'<?xml version="1.0"?><!DOCTYPE p [{laughs}]>' + O.page_of(O.text_object(20, 20, 5, "&l9;", 1))[38:]
    parts = {"OFD.xml": O.ofd_xml(), "Doc_0/Document.xml": O.document_xml(1), "Doc_0/Pages/Page_0/Content.xml": page}
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "laughs.ofd", O.package(parts)), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "declares a DOCTYPE")


def test_ofd_with_too_many_pages_is_refused(tmp_path):
    parts = {"OFD.xml": O.ofd_xml(), "Doc_0/Document.xml": O.document_xml(2001)}
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "long.ofd", O.package(parts)), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "2001 pages (more than 2000)")


# --- readers: PDF ------------------------------------------------------------------------------

def test_pdf_with_a_1_gib_content_stream_is_refused_in_bounded_memory(tmp_path):
    """Issue 23: 2.1 GB of memory, then the misleading "no text layer"."""
    data = H.pdf_with_content_stream(1024 * MiB)
    assert len(data) < 2 * MiB
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "big.pdf", data), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "a PDF stream inflates past 16 MiB")


def test_pdf_bomb_behind_ascii85_is_refused(tmp_path):
    """The same 1 GiB stream encoded in ASCII85 before deflate, as reportlab writes its streams."""
    data = H.pdf_with_ascii85_content_stream(1024 * MiB)
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "a85.pdf", data), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "a PDF stream inflates past 16 MiB")


def test_pdf_with_a_looping_page_tree_is_one_line(tmp_path):
    """Issue 23: a PdfiumError traceback."""
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "loop.pdf", H.pdf_looping_page_tree()), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "not a readable PDF")


def test_pdf_with_too_many_pages_is_refused(tmp_path):
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "long.pdf", H.pdf_pages(2001)), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "2001 pages (more than 2000)")


# --- readers: HTML -----------------------------------------------------------------------------

NOTICE_HTML = "关于巡察整改进展情况的通报<p>一、总体情况</p><p>（一）问题：制度不健全。整改情况：已完成。</p>"


def _page(body: str, charset: str = "utf-8", encoding: str = "utf-8") -> bytes:
    return (f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>关于巡察整改进展情况的通报</title>'
            f"</head><body>{body}</body></html>").encode(encoding)


@pytest.mark.parametrize("command", ["parse", "text", "review"])
def test_deeply_nested_html_is_read(tmp_path, command):
    """5,000 nested <span>s (issue 23: 500 raised RecursionError in parse, text and review)."""
    page = _write(tmp_path, "deep.html", _page("<span>" * 5000 + NOTICE_HTML + "</span>" * 5000))
    outcome = run_bounded(tmp_path, command, page, *(["-o", str(tmp_path / "r.html")] if command == "review" else []))
    assert outcome.code == 0 and "Traceback" not in outcome.stderr, outcome.stderr
    shown = (tmp_path / "r.html").read_text() if command == "review" else outcome.stdout
    assert "制度不健全" in shown and outcome.peak_mib < PEAK_LIMIT_MIB


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib_codec", "uu", "hex", "bz2_codec", "unicode_escape",
                                     "raw_unicode_escape", "utf-7", "undefined", "idna"])
def test_a_charset_that_is_not_a_page_encoding_is_ignored(tmp_path, charset):
    """Issue 23: a LookupError traceback (rot13 ...) or gibberish with exit 0 (unicode_escape).  The
    charset is ignored, as a browser ignores it, and the bytes (GBK here) are sniffed."""
    page = _write(tmp_path, "cs.html", _page(NOTICE_HTML, charset, "gb18030"))
    assert_parsed(run_bounded(tmp_path, "parse", page), "巡察整改进展情况")


def test_a_page_with_lines_in_another_encoding_is_refused_with_where(tmp_path):
    """Issue 23: a UTF-8 page with every second line in GBK gave 5,566 U+FFFD, 9 of 17 problems and
    exit 0.  Refused as a text file is, with the byte, the line and the count."""
    lines = R.sample_lines(R.sample_text(R.SAMPLE_NAMES[2]))
    body = b"\n".join(f"<p>{line}</p>".encode("gbk" if i % 2 else "utf-8", "replace") for i, line in enumerate(lines))
    page = _page("").replace(b"<body></body>", b"<body>" + body + b"</body>")
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "mixed.html", page), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "invalid utf-8 in the page at byte", "(line 2)", "bad character(s)")


@pytest.mark.usefixtures("english")
def test_a_few_bad_bytes_in_a_utf8_page_are_refused(tmp_path):
    page = _page(NOTICE_HTML).replace("制度".encode(), "制度".encode("gbk"))
    outcome = run_bounded(tmp_path, "parse", _write(tmp_path, "bad.html", page), "-o", "/dev/null")
    assert_one_line(outcome, EXIT_BAD_INPUT, "invalid UTF-8 at byte")


def test_a_page_mentioning_the_pdf_magic_is_read_as_a_page(tmp_path):
    """Issue 23: "%PDF-" in the first KiB of a page's text made it a PDF, refused."""
    page = _write(tmp_path, "pdfword.html", _page("<p>附件格式：%PDF-1.7</p>" + NOTICE_HTML))
    assert_parsed(run_bounded(tmp_path, "parse", page), "巡察整改进展情况")
