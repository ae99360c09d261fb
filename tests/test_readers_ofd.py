"""The OFD reader: reading order from positions, running lines dropped, the samples parse as their
text does, and the errors (safe XML, bounded archives) are one line."""
from __future__ import annotations

from functools import lru_cache

import ofd_builder as O
import pytest
import readers_samples as R
from hypothesis import given
from hypothesis import strategies as st

from xuncha_parse import parse_text
from xuncha_parse.readers import ReaderError, read
from xuncha_parse.readers.sniff import sniff_format

STYLES = ("line", "glyph", "shuffled")


@lru_cache(maxsize=None)
def plain(name: str) -> tuple[str, dict]:
    notice = parse_text(R.sample_text(name)).model_dump(mode="json")
    return notice["title"], R.scored_fields(notice)


@lru_cache(maxsize=None)
def ofd(name: str, style: str) -> bytes:
    return O.ofd_bytes(R.sample_lines(R.sample_text(name)), plain(name)[0], style)


@pytest.mark.parametrize("style", STYLES)
def test_sample_ofds_parse_like_the_plain_sample(sample_name, style):
    got = read(ofd(sample_name, style), "notice.ofd")
    assert (got.format, got.encoding, got.page) == ("ofd", "binary", None)
    assert R.scored_fields(parse_text(got.text).model_dump(mode="json")) == plain(sample_name)[1]


@pytest.mark.parametrize("style", STYLES)
def test_every_character_comes_back_in_order(sample_name, style):
    got = read(ofd(sample_name, style)).text
    want = "".join("".join(line.split()) for line in R.sample_lines(R.sample_text(sample_name)))
    assert "".join(got.split()) == want


def test_header_and_page_numbers_dropped():
    lines = read(ofd(R.SAMPLE_NAMES[0], "line")).text.splitlines()
    assert R.PDF_HEADER not in lines and not [line for line in lines if line.startswith("- ")]


def test_sniffed_by_content_not_name():
    assert sniff_format(ofd(R.SAMPLE_NAMES[0], "line"), "notice.docx") == "ofd"
    assert read(ofd(R.SAMPLE_NAMES[0], "line"), None).format == "ofd"


POSITION_CASES = [
    # (TextObjects as (x, baseline y, size, text), the text read)
    ([(20, 30, 5, "第二行"), (20, 20, 5, "第一行")], "第一行\n第二行\n"),  # Y grows downwards
    ([(25, 20, 5, "右"), (20, 20, 5, "左")], "左右\n"),  # one line, ordered by X, no gap
    ([(20, 20, 5, "联系人：张三"), (120, 20, 5, "电话：12345")], "联系人：张三 电话：12345\n"),  # a wide gap
    ([(20, 20, 5, "上标"), (30.1, 21.5, 5, "注")], "上标注\n"),  # within half a size: same line
]


@pytest.mark.parametrize("objects,text", POSITION_CASES)
def test_reading_order_from_positions(objects, text):
    xml = "".join(O.text_object(x, y, size, t, i) for i, (x, y, size, t) in enumerate(objects))
    assert read(O.one_page_ofd(xml)).text == text


def test_delta_x_and_missing_positions():
    """DeltaX gives each character's advance; a TextCode without X/Y continues where the last ended."""
    xml = ('<ofd:TextObject ID="1" Boundary="10 10 100 10" Size="5"><ofd:TextCode X="0" Y="5" '
           'DeltaX="5 g 2 5">一二三四</ofd:TextCode><ofd:TextCode>五</ofd:TextCode></ofd:TextObject>'
           '<ofd:TextObject ID="2" Boundary="10 30 100 10" Size="5" CTM="1 0 0 1 0 0">'
           '<ofd:TextCode X="0" Y="5">下一行</ofd:TextCode></ofd:TextObject>')
    assert read(O.one_page_ofd(xml)).text == "一二三四五\n下一行\n"


def test_absolute_locations_resolve():
    parts = {"OFD.xml": O.ofd_xml().replace("Doc_0/Document.xml", "/Doc_0/Document.xml"),
             "Doc_0/Document.xml": O.document_xml(1).replace('BaseLoc="Pages/', 'BaseLoc="/Doc_0/Pages/'),
             "Doc_0/Pages/Page_0/Content.xml": O.page_of(O.text_object(20, 20, 5, "通报", 1))}
    assert read(O.package(parts)).text == "通报\n"


BAD_CASES = [
    # (parts, words the one-line message holds)
    ({"OFD.xml": O.ofd_xml().replace("<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>", "")}, "names no document"),
    ({"OFD.xml": O.ofd_xml()}, "has no part Doc_0/Document.xml"),
    ({"OFD.xml": O.ofd_xml()[:60]}, "not well-formed XML"),
    ({"OFD.xml": O.ofd_xml(), "Doc_0/Document.xml": O.document_xml(1),
      "Doc_0/Pages/Page_0/Content.xml": O.page_of("")}, "has no text"),
    ({"OFD.xml": '<?xml version="1.0"?><!DOCTYPE ofd [<!ENTITY a "通报">]>' + O.ofd_xml()[38:]}, "DOCTYPE"),
    ({"OFD.xml": '<?xml version="1.0"?><!DOCTYPE ofd SYSTEM "http://example.invalid/x.dtd">' + O.ofd_xml()[38:]},
     "DOCTYPE"),
]


@pytest.mark.parametrize("parts,words", BAD_CASES)
def test_bad_ofd_is_one_line(parts, words):
    with pytest.raises(ReaderError) as err:
        read(O.package(parts), "bad.ofd")
    assert words in str(err.value) and "\n" not in str(err.value)


def test_entity_in_a_page_is_refused():
    page = O.page_of(O.text_object(20, 20, 5, "&a;", 1)).replace("<ofd:Page ", '<!DOCTYPE p [<!ENTITY a "x">]><ofd:Page ', 1)
    parts = {"OFD.xml": O.ofd_xml(), "Doc_0/Document.xml": O.document_xml(1), "Doc_0/Pages/Page_0/Content.xml": page}
    with pytest.raises(ReaderError, match="DOCTYPE"):
        read(O.package(parts))


@given(st.lists(st.text("巡察整改问题通报落实一二三", min_size=1, max_size=20), min_size=1, max_size=12),
       st.randoms(use_true_random=False))
def test_lines_come_back_in_order_whatever_the_object_order(lines, random):
    """Lines laid out top to bottom, their text objects written in any order (split at any point
    within a line), read back as the lines in order."""
    objects = []
    for row, line in enumerate(lines):
        cut = random.randint(0, len(line))
        for start, piece in ((0, line[:cut]), (cut, line[cut:])):
            if piece:
                objects.append(O.text_object(20 + 5 * start, 20 + 8 * row, 5, piece, len(objects)))
    random.shuffle(objects)
    assert read(O.one_page_ofd("".join(objects))).text.splitlines() == lines
