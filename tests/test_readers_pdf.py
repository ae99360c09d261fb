"""The PDF reader: the text layer, running headers/footers and page numbers dropped, errors."""
from __future__ import annotations

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
