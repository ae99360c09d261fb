"""Transformed copies of a notice, in the forms NOTICES.md describes: each returns bytes."""
from __future__ import annotations

import re

from xuncha_parse.grammar import CIRCLED, LABEL_NAMES

FULL_TO_HALF = {"（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "．": "."}
HALF_TO_FULL = {v: k for k, v in FULL_TO_HALF.items()}


def gb18030(text: str) -> bytes:
    return text.encode("gb18030")


def utf16(text: str) -> bytes:
    return text.encode("utf-16")  # with a BOM


def utf8_bom_crlf(text: str) -> bytes:
    return text.replace("\n", "\r\n").encode("utf-8-sig")


def to_half(text: str) -> bytes:
    return "".join(FULL_TO_HALF.get(c, c) for c in text).encode()


def to_full(text: str) -> bytes:
    """ASCII punctuation to full width, except inside e-mails, numbers and URLs (``7.5``, ``qq.com``)."""
    out = []
    for i, c in enumerate(text):
        before, after = text[i - 1:i], text[i + 1:i + 2]
        keep = c in ".:" and (before.isascii() and before.isalnum() and after.isascii() and after.isalnum()
                              or text[i + 1:i + 3] == "//")
        out.append(c if keep else HALF_TO_FULL.get(c, c))
    return "".join(out).encode()


def wrap_lines(text: str, width: int = 36) -> str:
    """Hard-wrap every line longer than ``width`` characters, as a PDF copy does."""
    out = []
    for line in text.split("\n"):
        line = line.rstrip()
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def hard_wrap(text: str) -> bytes:
    return wrap_lines(text).encode()


def wrap_narrow_paged(text: str) -> bytes:
    """Wrapped at 33 with a PDF page number (``- 2 -``) every 25 lines, mid-paragraph or not."""
    lines, out = wrap_lines(text, 33).split("\n"), []
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % 25 == 0:
            out.append(f"- {i // 25} -")
    return "\n".join(out).encode()


def wrap_wide(text: str) -> bytes:
    """Wrapped at 40, the widest PDF column NOTICES.md names."""
    return wrap_lines(text, 40).encode()


def indent_blank(text: str) -> bytes:
    """Every paragraph indented by two ideographic spaces, a blank line between paragraphs."""
    lines = [l.strip() for l in text.split("\n")]
    return "\n\n".join("\u3000\u3000" + l for l in lines if l).encode()


def wrap_indent(text: str) -> bytes:
    """Indented paragraphs, then wrapped: continuation lines start flush left."""
    lines = ["\u3000\u3000" + l.strip() for l in text.split("\n") if l.strip()]
    return wrap_lines("\n".join(lines)).encode()


CHROME_HEAD = """您的位置: 首页 > 党务公开 > 巡察整改
【信息时间：2026-01-21 09:30:12】【字号 大 中 小】【我要打印】【关闭】
信息索引号：11441800007084906D/2026-00012
文件名称：关于巡察整改进展情况的通报
发布机构：本机关
成文日期：2026-01-21
公开方式：主动公开
朗读
分享:
"""
CHROME_FOOT = """
上一篇：关于召开会议的通知
版权所有 某某市人民政府办公室 | 违法和不良信息举报电话: 0755-12345678
网站标识码：4418000001 粤ICP备05083341号 粤公网安备 44180202000142号
"""


def web_chrome(text: str) -> bytes:
    return (CHROME_HEAD + text + CHROME_FOOT).encode()


_ARABIC = re.compile(r"^(\s*)(\d{1,3})([.、])", re.M)
_PAREN = re.compile(r"[（(]([一二三四五六七八九十\d]{1,3})[）)]")


def swap_numbering(text: str) -> bytes:
    """``1.`` ↔ ``1、`` at line starts, ``（一）`` ↔ ``(一)`` everywhere."""
    text = _ARABIC.sub(lambda m: m.group(1) + m.group(2) + ("、" if m.group(3) == "." else "."), text)
    text = _PAREN.sub(lambda m: ("(%s)" if m.group(0)[0] == "（" else "（%s）") % m.group(1), text)
    return text.encode()


def chrome_wrapped_gbk(text: str) -> bytes:
    """Everything at once: wrapped, indented, in a web page, GB18030."""
    lines = ["\u3000\u3000" + l.strip() for l in text.split("\n") if l.strip()]
    return (CHROME_HEAD + wrap_lines("\n".join(lines)) + CHROME_FOOT).encode("gb18030")


_LABEL_LINE = re.compile(rf"^(\s*)({LABEL_NAMES})\s*[:：]", re.M)
_ARABIC_AT_START = re.compile(r"^(\s*)(\d{1,2})[.、．]", re.M)


def bracket_labels(text: str) -> bytes:
    """``整改措施：`` → ``【整改措施】``, as many web notices set their labels."""
    return _LABEL_LINE.sub(lambda m: f"{m.group(1)}【{m.group(2)}】", text).encode()


def other_numbering(text: str) -> bytes:
    """``1.`` at a line start → ``①`` (up to 20), else ``21)``: the other numbering styles of the grammar."""
    def renumber(m: re.Match) -> str:
        n = int(m.group(2))
        return m.group(1) + (CIRCLED[n - 1] if n <= len(CIRCLED) else f"{n})")
    return _ARABIC_AT_START.sub(renumber, text).encode()


def inline_labels(text: str) -> bytes:
    """A labelled line moved up into the paragraph before it when that ends a sentence:
    ``…不严格。`` / ``整改措施：…`` → ``…不严格。整改措施：…``, as pages that drop line breaks set them."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and _LABEL_LINE.match(line) and out[-1].rstrip().endswith("。"):
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return "\n".join(out).encode()


def full_width_digits(text: str) -> bytes:
    """Markers in full-width digits: ``1.`` → ``１．``."""
    return _ARABIC_AT_START.sub(
        lambda m: m.group(1) + "".join(chr(ord(c) + 0xFEE0) for c in m.group(2)) + "．", text).encode()


TRANSFORMS = {
    "gb18030": gb18030,
    "utf16": utf16,
    "utf8_bom_crlf": utf8_bom_crlf,
    "half_width": to_half,
    "full_width": to_full,
    "hard_wrap": hard_wrap,
    "wrap_narrow_paged": wrap_narrow_paged,
    "wrap_wide": wrap_wide,
    "indent_blank": indent_blank,
    "wrap_indent": wrap_indent,
    "web_chrome": web_chrome,
    "swap_numbering": swap_numbering,
    "bracket_labels": bracket_labels,
    "other_numbering": other_numbering,
    "inline_labels": inline_labels,
    "full_width_digits": full_width_digits,
    "everything": chrome_wrapped_gbk,
}
