"""The PDF reader: the text layer, running headers/footers and page numbers dropped, errors."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from functools import lru_cache

import pytest
import readers_samples as R
from hypothesis import given
from hypothesis import strategies as st

from xuncha_parse import parse_text
from xuncha_parse.readers import ReaderError, read
from xuncha_parse.readers.pdf import PAGE_NUMBER, drop_running_lines


@lru_cache(maxsize=None)
def plain(name: str) -> tuple[str, dict]:
    notice = parse_text(R.sample_text(name)).model_dump(mode="json")
    return notice["title"], R.scored_fields(notice)


@lru_cache(maxsize=None)
def pdf(name: str, numbers: str) -> bytes:
    return R.pdf_bytes(R.sample_lines(R.sample_text(name)), plain(name)[0], numbers)


@pytest.mark.parametrize("numbers", sorted(R.PAGE_NUMBERS))
def test_sample_pdfs_parse_like_the_plain_sample(sample_name, numbers):
    got = read(pdf(sample_name, numbers), "notice.pdf")
    assert (got.format, got.page) == ("pdf", None)
    assert R.scored_fields(parse_text(got.text).model_dump(mode="json")) == plain(sample_name)[1]


def test_chinese_round_trips(sample_name):
    """The text layer (reportlab's STSong-Light CID font) gives back every character of the notice."""
    got = read(pdf(sample_name, "dash")).text
    want = "".join("".join(line.split()) for line in R.sample_lines(R.sample_text(sample_name)))
    assert "".join(got.split()) == want


@pytest.mark.parametrize("numbers", sorted(R.PAGE_NUMBERS))
def test_header_and_page_numbers_dropped(sample_name, numbers):
    lines = read(pdf(sample_name, numbers)).text.splitlines()
    assert R.PDF_HEADER not in lines
    assert not [line for line in lines if PAGE_NUMBER.match(line)]


def test_wrapped_lines_stay_lines():
    name = R.SAMPLE_NAMES[0]
    lines = read(pdf(name, "dash")).text.splitlines()
    assert max(len(line) for line in lines) <= 32
    assert len(lines) > len(R.sample_lines(R.sample_text(name)))


RUNNING_CASES = [
    # (pages as lines, what is kept)
    ([["市委巡察办", "正文一", "- 1 -"], ["市委巡察办", "正文二", "- 2 -"]], [["正文一"], ["正文二"]]),
    ([["正文一", "第1页 共2页"], ["正文二", "第2页 共2页"]], [["正文一"], ["正文二"]]),
    ([["1/3", "正文一"], ["2/3", "正文二"], ["3/3", "正文三"]], [["正文一"], ["正文二"], ["正文三"]]),
    # a header on two pages of three is running; one on one page of three is not
    ([["页眉", "甲"], ["页眉", "乙"], ["丙"]], [["甲"], ["乙"], ["丙"]]),
    ([["页眉", "甲"], ["乙"], ["丙"]], [["页眉", "甲"], ["乙"], ["丙"]]),
    # one page: no running lines, but its page number goes
    ([["关于巡察整改的通报", "正文", "- 1 -"]], [["关于巡察整改的通报", "正文"]]),
    # a repeated line in the middle of pages is body text, and a number inside the body stays
    ([["a1", "a2", "a3", "同一句", "a5", "a6", "a7"], ["b1", "b2", "b3", "同一句", "b5", "b6", "b7"]],
     [["a1", "a2", "a3", "同一句", "a5", "a6", "a7"], ["b1", "b2", "b3", "同一句", "b5", "b6", "b7"]]),
    ([["t1", "t2", "t3", "12", "t5", "t6", "t7"]], [["t1", "t2", "t3", "12", "t5", "t6", "t7"]]),
]


@pytest.mark.parametrize("pages,kept", RUNNING_CASES)
def test_drop_running_lines(pages, kept):
    assert drop_running_lines(pages) == kept


@pytest.mark.parametrize("line,is_number", [
    ("- 3 -", True), ("—3—", True), ("－ 12 －", True), ("第3页 共5页", True), ("第 3 页", True),
    ("第3页，共5页", True), ("3/5", True), ("3 / 5", True), ("Page 3 of 5", True), ("7", True),
    ("2026年1月12日", False), ("（3）针对问题", False), ("第三页", False), ("3.5", False),
])
def test_page_number(line, is_number):
    assert (PAGE_NUMBER.match(line) is not None) == is_number


@given(st.lists(st.lists(st.text("巡察整改问题", min_size=1, max_size=8), min_size=7, max_size=12),
                min_size=1, max_size=5))
def test_lines_away_from_page_edges_are_kept(pages):
    kept = drop_running_lines(pages)
    for lines, left in zip(pages, kept, strict=True):
        assert not Counter(lines[3:-3]) - Counter(left)
        assert not Counter(left) - Counter(lines)


def test_scanned_pdf_is_an_error():
    with pytest.raises(ReaderError, match=r"^no text layer \(scanned PDF\?\); OCR is not supported$"):
        read(R.scanned_pdf_bytes(), "scan.pdf")


def test_encrypted_pdf_is_an_error():
    with pytest.raises(ReaderError, match="encrypted PDF"):
        read(R.encrypted_pdf_bytes(R.sample_lines(R.sample_text(R.SAMPLE_NAMES[0]))), "secret.pdf")


def test_truncated_pdf_is_an_error():
    data = pdf(R.SAMPLE_NAMES[3], "dash")
    with pytest.raises(ReaderError, match="not a readable PDF"):
        read(data[: len(data) // 3])


# --- independent of the machine's fonts (readers/pdffonts.py) ----------------------------------

#: where PDFium looks for system fonts on Linux; hidden by the test that reads without fonts
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/usr/share/X11/fonts/Type1", "/usr/share/X11/fonts/TTF")
#: a line per text object, one glyph per text object (as some PDF printers write every character)
GLYPH_LINES = ["关于巡察整改进展情况的通报", "。", "一、整改落实情况", "（一）问题：制度不健全。"]


def one_glyph_per_object_pdf(lines: list[str]) -> bytes:
    """Every character drawn with its own text object (BT ... ET), a line of its own per line."""
    import io

    from reportlab.pdfgen import canvas

    R._register_font()
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont(R.FONT, 14)
    for row, line in enumerate(lines):
        for col, char in enumerate(line):
            c.drawString(72 + 14 * col, 760 - 20 * row, char)
    c.save()
    return out.getvalue()


def test_one_glyph_per_text_object_reads_whole():
    """A text object of one CJK glyph has the width of its box, not zero, whatever fonts are installed."""
    assert read(one_glyph_per_object_pdf(GLYPH_LINES)).text.split() == GLYPH_LINES


def test_cjk_glyph_boxes_come_from_the_stand_in_font():
    """The box of a lone "。" is the stand-in's full em (about 14 pt square at 14 pt; a real font's "。" is
    about 4 pt), the same on every machine."""
    import pypdfium2 as pdfium

    from xuncha_parse.readers.pdffonts import install

    install()
    pdf = pdfium.PdfDocument(one_glyph_per_object_pdf(["。"]))
    left, bottom, right, top = pdf[0].get_textpage().get_charbox(0)
    assert right - left == pytest.approx(14, abs=0.5) and top - bottom == pytest.approx(14, abs=0.5)


HIDDEN_FONTS_PROBE = """
import hashlib, sys
sys.path.insert(0, 'tests')
import readers_samples as R, test_readers_pdf as T
from xuncha_parse.readers import read
texts = [read(T.pdf(name, 'dash')).text for name in R.SAMPLE_NAMES]
texts.append(read(T.one_glyph_per_object_pdf(T.GLYPH_LINES)).text)
print(hashlib.sha256('\\f'.join(texts).encode()).hexdigest())
"""


def _hidden_fonts_command() -> list[str]:
    """A shell, in a private mount namespace, with an empty tmpfs over every font folder."""
    import shutil
    from pathlib import Path

    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is not installed")
    mounts = " && ".join(f"mount -t tmpfs none {d}" for d in FONT_DIRS if Path(d).is_dir()) or "true"
    if subprocess.run(["unshare", "-rm", "sh", "-c", mounts], capture_output=True).returncode:
        pytest.skip("no private mount namespace here (unshare -rm, or mounting a tmpfs in it, is not permitted)")
    return ["unshare", "-rm", "sh", "-c", f'{mounts} && exec "$0" -c "$1"', sys.executable, HIDDEN_FONTS_PROBE]


def test_text_is_the_same_with_the_fonts_hidden():
    """The samples' PDFs and a one-glyph-per-object PDF give the same text with every font folder hidden."""
    import hashlib

    hidden = subprocess.run(_hidden_fonts_command(), capture_output=True, text=True, cwd=R.ROOT, timeout=300)
    assert hidden.returncode == 0, hidden.stderr
    texts = [read(pdf(name, "dash")).text for name in R.SAMPLE_NAMES]
    texts.append(read(one_glyph_per_object_pdf(GLYPH_LINES)).text)
    assert hidden.stdout.strip() == hashlib.sha256("\f".join(texts).encode()).hexdigest()
