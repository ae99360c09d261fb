"""The readers' front door: format sniffing, the plain-text path, errors, lazy imports."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import readers_samples as R

from xuncha_parse import parse_text
from xuncha_parse.decode import DecodeError
from xuncha_parse.readers import ReaderError, read
from xuncha_parse.readers.sniff import OLE_MAGIC, sniff_format

SRC = Path(__file__).resolve().parent.parent / "src"

SNIFF_CASES = [
    # (bytes, name, format)
    (b"%PDF-1.7\n...", None, "pdf"),
    (b"\r\n%PDF-1.4 junk before the magic", "a.bin", "pdf"),
    (b"PK\x03\x04rest of a zip", None, "docx"),
    (OLE_MAGIC + bytes(100), "a.doc", "legacy"),
    # a page or a text that mentions the PDF magic in its first KiB stays a page or a text
    (b"<!DOCTYPE html><html><body><p>%PDF-1.7 files</p></body></html>\n%%EOF", "a.pdf", "html"),
    ("附件：%PDF-1.4 格式\n关于巡察整改进展情况的通报".encode(), None, "text"),
    (b"HTTP/1.1 200 OK\r\n\r\n%PDF-1.4\n...\n%%EOF\n", None, "pdf"),
    (b"<!DOCTYPE html><html><body>x</body></html>", None, "html"),
    (b"  \n<!-- saved page --><html lang=zh>", "notice.txt", "html"),
    (b"\xef\xbb\xbf<html><head>", None, "html"),
    ("<html><body>通报</body></html>".encode("utf-16"), None, "html"),
    (b"<meta charset=gbk><p>x", None, "html"),
    ("<p>关于巡察整改进展情况的通报</p>".encode(), "page.htm", "html"),
    ("<p>关于巡察整改进展情况的通报</p>".encode(), None, "text"),
    ("关于巡察整改进展情况的通报\n一、总体情况".encode(), "a.html", "text"),
    ("关于巡察整改进展情况的通报".encode("gb18030"), None, "text"),
    ("问题1<2，整改>3".encode(), None, "text"),
]


@pytest.mark.parametrize("data,name,fmt", SNIFF_CASES)
def test_sniff_by_content(data, name, fmt):
    assert sniff_format(data, name) == fmt


ERROR_CASES = [
    # (bytes, name, words the one-line message must hold)
    (b"", None, ["empty"]),
    (OLE_MAGIC + b"\x00" * 100, "report.doc", ["legacy Word .doc", "libreoffice --headless --convert-to docx report.doc"]),
    (OLE_MAGIC + b"\x00" * 100, "report.wps", ["WPS .wps", "libreoffice --headless --convert-to docx report.wps"]),
    (OLE_MAGIC + b"\x00" * 100, None, [".doc", "libreoffice --headless --convert-to docx FILE"]),
    (b"PK\x03\x04" + b"\x00" * 30, "a.docx", ["corrupt or truncated .docx"]),
    (b"%PDF-1.4\n1 0 obj garbage", None, ["not a readable PDF"]),
    (b"\x00\x01\x02binary", None, ["binary"]),
]


@pytest.mark.parametrize("data,name,words", ERROR_CASES)
def test_bad_input_is_one_clear_line(data, name, words):
    """ReaderError, or the decoder's DecodeError (its base class) on the plain-text path."""
    with pytest.raises(DecodeError) as err:
        read(data, name)
    message = str(err.value)
    assert "\n" not in message
    for word in words:
        assert word in message


def test_reader_error_is_a_decode_error_for_the_cli():
    assert issubclass(ReaderError, DecodeError)
    with pytest.raises(DecodeError):
        read(b"")


def test_plain_text_is_the_decoder_unchanged(sample_name):
    data = (R.SAMPLES / f"{sample_name}.txt").read_bytes()
    got = read(data, f"{sample_name}.txt")
    assert (got.format, got.encoding, got.page) == ("text", "utf-8", None)
    assert got.text == data.decode("utf-8")


@pytest.mark.parametrize("encoding,expected", [("gb18030", "gb18030"), ("utf-8-sig", "utf-8-sig"),
                                               ("utf-16", "utf-16")])
def test_plain_text_encodings(encoding, expected):
    text = "关于巡察整改进展情况的通报\n联系电话：0475-7923888\n"
    got = read(text.encode(encoding))
    assert (got.text, got.encoding) == (text, expected)


def test_plain_text_does_not_import_the_format_libraries():
    code = ("import sys; from xuncha_parse.readers import read; r = read(b'plain text'); "
            "heavy = [m for m in ('selectolax', 'trafilatura', 'pypdfium2', 'docx', 'lxml', "
            "'xuncha_parse.readers.html', 'xuncha_parse.readers.pdf', 'xuncha_parse.readers.docx') "
            "if m in sys.modules]; print(r.format, heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC)})
    assert out.stdout.strip() == "text []"


def test_importing_readers_imports_no_library():
    code = ("import sys, xuncha_parse.readers; "
            "print(sorted(m for m in ('selectolax', 'trafilatura', 'pypdfium2', 'docx') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC)})
    assert out.stdout.strip() == "[]"


def test_spans_index_the_extracted_text(sample_name):
    """The parse of a reader's text points into that text (the seam's contract)."""
    text = R.sample_text(sample_name)
    title = parse_text(text).title
    extracted = read(R.html_page("trs", R.sample_lines(text), title, "utf-8"))
    notice = parse_text(extracted.text).model_dump(mode="json")
    for problem in notice["problems"]:
        span = problem["span"]
        spanned = R.PUNCT.sub("", extracted.text[span["start"]:span["end"]])
        assert R.PUNCT.sub("", problem["title"]) in spanned
