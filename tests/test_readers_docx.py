"""The DOCX reader: paragraphs and tables in body order, and the errors for what it cannot read."""
from __future__ import annotations

import io
import zipfile
from functools import lru_cache

import docx
import pytest
import readers_samples as R

from xuncha_parse import parse_text
from xuncha_parse.readers import ReaderError, read
from xuncha_parse.readers.sniff import OLE_MAGIC


@lru_cache(maxsize=None)
def plain(name: str) -> tuple[str, dict]:
    notice = parse_text(R.sample_text(name)).model_dump(mode="json")
    return notice["title"], R.scored_fields(notice)


def _saved(doc) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def test_sample_docx_parse_like_the_plain_sample(sample_name):
    title_lines, body = R.split_title(R.sample_lines(R.sample_text(sample_name)), plain(sample_name)[0])
    got = read(R.docx_bytes(body, title_lines), "notice.docx")
    assert (got.format, got.encoding, got.page) == ("docx", "binary", None)
    assert R.scored_fields(parse_text(got.text).model_dump(mode="json")) == plain(sample_name)[1]


def test_sample_docx_keeps_every_line(sample_name):
    lines = [line.strip() for line in R.sample_lines(R.sample_text(sample_name))]
    assert read(R.docx_bytes(lines)).text.splitlines() == lines


def test_paragraphs_and_tables_in_body_order():
    doc = docx.Document()
    doc.add_paragraph("关于巡察整改进展情况的通报")
    table = doc.add_table(rows=3, cols=3)
    for r, row in enumerate([("序号", "问题", "整改情况"), ("1", "理论学习不扎实", "已完成"), ("2", "制度不健全", "")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.add_paragraph("特此通报。")
    assert read(_saved(doc)).text == ("关于巡察整改进展情况的通报\n序号\t问题\t整改情况\n1\t理论学习不扎实\t已完成\n"
                                      "2\t制度不健全\t\n特此通报。\n")


def test_cells_merged_and_multi_paragraph():
    doc = docx.Document()
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "巡察反馈问题整改台账"
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = "学习\n不够"
    table.cell(1, 2).add_paragraph("第二段")
    assert read(_saved(doc)).text == "巡察反馈问题整改台账\n1\t学习 不够\t第二段\n"


def test_line_break_inside_a_paragraph_stays_a_line_break():
    doc = docx.Document()
    run = doc.add_paragraph().add_run("中共某某党组关于")
    run.add_break()
    doc.paragraphs[0].add_run("巡察整改进展情况的通报")
    assert read(_saved(doc)).text == "中共某某党组关于\n巡察整改进展情况的通报\n"


@pytest.mark.parametrize("name,words", [
    ("old.doc", ["legacy Word .doc", "convert it with: libreoffice --headless --convert-to docx old.doc"]),
    ("old.wps", ["WPS .wps", "convert it with: libreoffice --headless --convert-to docx old.wps"]),
    ("old.docx", ["convert it with: libreoffice --headless --convert-to docx old.docx"]),
])
def test_ole_files_name_the_conversion(name, words):
    with pytest.raises(ReaderError) as err:
        read(OLE_MAGIC + bytes(504), name)
    for word in words:
        assert word in str(err.value)


@pytest.mark.parametrize("cut", [0.2, 0.5, 0.9])
def test_truncated_docx_is_an_error(cut):
    data = R.docx_bytes(["关于巡察整改进展情况的通报"] * 50)
    with pytest.raises(ReaderError, match="corrupt or truncated .docx"):
        read(data[: int(len(data) * cut)], "cut.docx")


def test_zip_that_is_not_a_docx_is_an_error():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    with pytest.raises(ReaderError, match="not a Word .docx"):
        read(out.getvalue(), "files.zip")


def test_docx_without_text_is_an_error():
    with pytest.raises(ReaderError, match="no text"):
        read(_saved(docx.Document()), "empty.docx")


def _rezipped(data: bytes, part: str, body: bytes) -> bytes:
    """The .docx with one part's bytes replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, body if item.filename == part else src.read(item))
    return out.getvalue()


def test_damaged_xml_part_is_an_error():
    data = _rezipped(R.docx_bytes(["正文"]), "word/document.xml", b"<w:document><unclosed>")
    with pytest.raises(ReaderError, match="corrupt or truncated .docx"):
        read(data, "bad.docx")


def test_flipped_byte_inside_a_part_is_an_error():
    data = bytearray(R.docx_bytes(["关于巡察整改进展情况的通报"] * 40))
    at = data.index(b"word/document.xml") + 200  # inside the compressed document part
    data[at] ^= 0xFF
    with pytest.raises(ReaderError, match="corrupt"):
        read(bytes(data), "flipped.docx")
