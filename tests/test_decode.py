"""Stage 1 fixture table: bytes in, (encoding, text) out, or a DecodeError."""
import pytest

from xuncha_parse.decode import DecodeError, decode_bytes

TEXT = "根据市委统一部署，整改完成。"


@pytest.mark.parametrize("data,encoding,text", [
    (TEXT.encode("utf-8"), "utf-8", TEXT),
    (TEXT.encode("utf-8-sig"), "utf-8-sig", TEXT),
    (TEXT.encode("utf-16"), "utf-16", TEXT),
    (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16", TEXT),
    (TEXT.encode("gb18030"), "gb18030", TEXT),
    (TEXT.encode("gbk"), "gb18030", TEXT),
    ("ASCII only\r\n".encode(), "utf-8", "ASCII only\r\n"),
    (TEXT.encode("utf-8")[:-1], "utf-8", TEXT[:-1]),  # cut inside the last character
    (TEXT.encode("utf-8")[:-2], "utf-8", TEXT[:-1]),
    (TEXT.encode("gb18030")[:-1], "gb18030", TEXT[:-1]),
    # UTF-16 without a byte-order mark: Chinese, and English, in either byte order
    (f"{TEXT}\n".encode("utf-16-le"), "utf-16-le", f"{TEXT}\n"),
    (f"{TEXT}\n".encode("utf-16-be"), "utf-16-be", f"{TEXT}\n"),
    ("An English line\n".encode("utf-16-le"), "utf-16-le", "An English line\n"),
])
def test_decodes(data, encoding, text):
    decoded = decode_bytes(data)
    assert (decoded.encoding, decoded.text) == (encoding, text)


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"abc\xff\xff\xff", "none of"),
    (b"\xef\xbb\xbf\xff\xfe\xfa", "invalid utf-8-sig"),
    # a NUL and ASCII after it: two by two the ASCII bytes are rare Chinese characters (he → 敨), not UTF-16
    (b"\x00\x01" + b"hello world, this is plain ascii text\n" * 8, "binary"),
    (b"\x00\x01" + "整改完成\n".encode("utf-8") * 8, "binary"),
])
def test_rejects(data, message):
    with pytest.raises(DecodeError, match=message):
        decode_bytes(data)
