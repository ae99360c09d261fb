"""The HTML reader: charset, main content, paragraph structure, furniture, page metadata."""
from __future__ import annotations

from functools import lru_cache

import pytest
import readers_samples as R
from hypothesis import given
from hypothesis import strategies as st

from xuncha_parse import parse_text
from xuncha_parse.readers import ReaderError, read
from xuncha_parse.readers.charset import declared_charset, decode_html
from xuncha_parse.readers.html import read_html, render_lines


@lru_cache(maxsize=None)
def plain(name: str) -> tuple[str, dict]:
    """A sample's plain parse: its title and the fields score.py compares."""
    notice = parse_text(R.sample_text(name)).model_dump(mode="json")
    return notice["title"], R.scored_fields(notice)


@lru_cache(maxsize=None)
def page(name: str, layout: str, encoding: str) -> bytes:
    title, _ = plain(name)
    return R.html_page(layout, R.sample_lines(R.sample_text(name)), title, encoding)


@pytest.mark.parametrize("layout,encoding", R.HTML_VARIANTS)
def test_sample_pages_parse_like_the_plain_sample(sample_name, layout, encoding):
    got = read(page(sample_name, layout, encoding), "notice.html")
    assert got.format == "html"
    assert R.scored_fields(parse_text(got.text).model_dump(mode="json")) == plain(sample_name)[1]


@pytest.mark.parametrize("layout,encoding", R.HTML_VARIANTS)
def test_sample_pages_lose_no_notice_line(sample_name, layout, encoding):
    """Every line of the notice is a line of the text (bar the site-footer lines a sample carries)."""
    got = read(page(sample_name, layout, encoding)).text.splitlines()
    title_lines, body = R.split_title(R.sample_lines(R.sample_text(sample_name)), plain(sample_name)[0])
    assert R.PUNCT.sub("", "".join(title_lines)) in R.PUNCT.sub("", "".join(got[:2]))
    for line in body:
        if not R.FOOTER_WORDS.search(line):
            assert " ".join(line.split()) in got


@pytest.mark.parametrize("layout,encoding", R.HTML_VARIANTS)
def test_furniture_is_not_in_the_text(sample_name, layout, encoding):
    text = read(page(sample_name, layout, encoding)).text
    for furniture in ("ICP备", "网站标识码", "公网安备", "违法和不良信息举报", "webmaster", "版权所有",
                      "当前位置", "您现在的位置", "打印本页", "政务公开", "常务会议", "浏览次数", "点击数",
                      "document.write", "font-size", "分享到", "返回"):
        assert furniture not in text


@pytest.mark.parametrize("layout,encoding,reported", [
    ("trs", "utf-8", "utf-8"), ("trs", "gbk", "gb18030"), ("table", "gbk", "gb18030"), ("mobile", "utf-8", "utf-8"),
])
def test_encoding_reported(layout, encoding, reported):
    assert read(page(R.SAMPLE_NAMES[0], layout, encoding)).encoding == reported


def test_trs_page_metadata():
    name = R.SAMPLE_NAMES[1]
    got = read(page(name, "trs", "utf-8")).page
    assert got == {"title": plain(name)[0], "published": "2026-01-12 10:30", "source": "市委巡察办",
                   "site": "XX市人民政府", "column": "通知公告",
                   "url": "https://www.xx.gov.cn/zwgk/tzgg/202601/t20260112_123456.html"}


@pytest.mark.parametrize("layout", ["table", "mobile"])
def test_title_from_the_title_tag_without_site_suffix(layout):
    name = R.SAMPLE_NAMES[0]
    assert read(page(name, layout, "utf-8")).page["title"] == plain(name)[0]


@pytest.mark.parametrize("layout", ["trs", "mobile"])
def test_title_outside_the_body_is_put_first(layout):
    """These layouts hold the title in <h1>/<h2> and meta tags only, not in the article body."""
    name = R.SAMPLE_NAMES[1]
    assert read(page(name, layout, "utf-8")).text.splitlines()[0] == plain(name)[0]


CHARSET_CASES = [
    # (head bytes, normalised charset)
    (b'<meta charset="gbk">', "gb18030"),
    (b"<meta charset=GB2312 />", "gb18030"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', "gb18030"),
    (b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html;charset=UTF-8'>", "utf-8"),
    (b'<meta charset="big5">', "big5"),
    (b'<meta charset="no-such-charset">', None),
    (b"<title>no declaration</title>", None),
]


@pytest.mark.parametrize("head,charset", CHARSET_CASES)
def test_declared_charset(head, charset):
    assert declared_charset(head) == charset


DECODE_CASES = [
    # (page bytes, encoding used)
    ("<html><body><p>通报</p></body></html>".encode("gbk"), "gb18030"),
    ("<html><body><p>通报</p></body></html>".encode(), "utf-8"),
    ('<html><meta charset="utf-8"><p>通报</p></html>'.encode("gbk"), "gb18030"),
    ('<html><meta charset="gbk"><p>通报</p></html>'.encode(), "utf-8"),
    ("\ufeff<html><p>通报</p></html>".encode(), "utf-8-sig"),
    ("<html><p>通报</p></html>".encode("utf-16"), "utf-16"),
]


@pytest.mark.parametrize("data,encoding", DECODE_CASES)
def test_decode_html(data, encoding):
    text, used = decode_html(data)
    assert used == encoding and "通报" in text and "\ufeff" not in text


def _body(inner: str) -> str:
    return read_html(f"<html><body><div class='main'>{inner}</div></body></html>".encode()).text


def _rendered(inner: str) -> str:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(f"<html><body><div id='x'>{inner}</div></body></html>")
    return "".join(line + "\n" for line in render_lines(tree.css_first("#x")))


STRUCTURE_CASES = [
    # (inner HTML, text)
    ("<p>一、总体情况</p><p>（一）加强领导</p>", "一、总体情况\n（一）加强领导\n"),
    ("第一行<br>第二行<br/><br>第三行", "第一行\n第二行\n第三行\n"),
    ("<ul><li>问题一</li><li>问题二</li></ul>", "问题一\n问题二\n"),
    ("<div>甲</div><div>乙<span>丙</span></div>", "甲\n乙丙\n"),
    ("<table><tr><td>序号</td><td>问题</td><td>状态</td></tr><tr><td>1</td><td>学习<br>不够</td><td>已完成</td></tr></table>",
     "序号\t问题\t状态\n1\t学习 不够\t已完成\n"),
    ("<table><tr><td><table><tr><td>甲</td><td>乙</td></tr></table></td><td>丙</td></tr></table>", "甲\t乙\n丙\n"),
    ("<table><tr><td></td><td>乙</td></tr></table>", "\t乙\n"),
    ("<p>整改&nbsp;&nbsp;到位&lt;已完成&gt;</p>", "整改 到位<已完成>\n"),
    ("<p>　　首行缩进</p>", "首行缩进\n"),
    ("<p>一、<b>加粗</b><a href='#'>链接</a>文字</p>", "一、加粗链接文字\n"),
]


@pytest.mark.parametrize("inner,text", STRUCTURE_CASES)
def test_structure(inner, text):
    assert _rendered(inner) == text


FURNITURE_CASES = [
    # (inner HTML, text)
    ("<p>正文<script>var x = '脚本';</script><style>p{}</style>继续</p>", "正文继续\n"),
    ("<nav>首页</nav><p>正文</p><footer>版权所有</footer>", "正文\n"),
    ("<header><h1>XX市人民政府</h1></header><p>正文</p><noscript>请启用脚本</noscript>", "正文\n"),
    ("<p>正文</p><p>网站标识码：1505810001 蒙ICP备05001234号</p>", "正文\n"),
    ("<div>正文一</div><div>正文二</div><div>【打印本页】【关闭窗口】</div>", "正文一\n正文二\n"),
    ("<p>正文</p><p>字号:默认 超大 | 打印 |</p><p>【我要纠错】 责任编辑:白宛松</p>", "正文\n"),
    ("<p>正文</p><p>扫一扫在手机打开当前页</p><p>【编辑:金鑫】</p><p>点击数：128</p>", "正文\n"),
    # the notice's own words stay
    ("<p>点击率不高的问题已整改。</p><p>字号规范已统一。</p>", "点击率不高的问题已整改。\n字号规范已统一。\n"),
]


@pytest.mark.parametrize("inner,text", FURNITURE_CASES)
def test_furniture_dropped(inner, text):
    assert _body(inner) == text


def test_densest_block_is_the_content():
    links = "".join(f"<li><a href='/{i}'>市政府召开第{i}次常务会议</a></li>" for i in range(20))
    body = "".join(f"<p>（{i}）整改措施第{i}条，已经完成整改。</p>" for i in range(10))
    data = (f"<html><body><div class='left'><ul>{links}</ul></div><div class='right'><div>短</div>"
            f"<div class='text'>{body}</div></div><div class='foot'>地址：XX路1号 电话：1234567</div></body></html>")
    assert read_html(data.encode()).text == "".join(f"（{i}）整改措施第{i}条，已经完成整改。\n" for i in range(10))


TITLE_TAG_CASES = [
    # (<title>, site meta, page title)
    ("关于巡察整改进展情况的通报_霍林郭勒市人民政府", None, "关于巡察整改进展情况的通报"),
    ("关于巡察整改进展情况的通报-枣庄政协网", None, "关于巡察整改进展情况的通报"),
    ("关于巡察整改进展情况的通报 | 清远市政协", None, "关于巡察整改进展情况的通报"),
    ("关于巡察整改进展情况的通报——市委巡察办", "市委巡察办", "关于巡察整改进展情况的通报"),
    ("关于十二届市委第九轮巡察集中整改进展情况的通报", None, "关于十二届市委第九轮巡察集中整改进展情况的通报"),
    ("霍林郭勒市人民政府", "霍林郭勒市人民政府", None),
]


@pytest.mark.parametrize("title,site,expected", TITLE_TAG_CASES)
def test_title_tag(title, site, expected):
    meta = f'<meta name="SiteName" content="{site}">' if site else ""
    data = f"<html><head><title>{title}</title>{meta}</head><body><p>正文内容</p></body></html>".encode()
    assert read_html(data).page["title"] == expected


def test_info_line_metadata_without_meta_tags():
    data = ("<html><body><div class='info'>发布日期：2025年9月3日 信息来源：区委巡察办</div>"
            "<div class='c'><p>正文内容一</p><p>正文内容二</p></div></body></html>").encode()
    got = read_html(data)
    assert (got.page["published"], got.page["source"]) == ("2025年9月3日", "区委巡察办")
    assert "发布日期" not in got.text


def test_contact_lines_of_the_notice_are_kept():
    """A notice's own contact lines look like a footer's but are kept (only strong footer marks drop a line)."""
    inner = "<p>联系电话：0763-3360554</p><p>电子邮箱：qyszx_brsk@gdqy.gov.cn</p><p>邮政编码：511500</p>"
    assert _body(inner) == "联系电话：0763-3360554\n电子邮箱：qyszx_brsk@gdqy.gov.cn\n邮政编码：511500\n"


def test_page_without_text_is_an_error():
    with pytest.raises(ReaderError, match="no text"):
        read(b"<html><body><script>var a = 1;</script></body></html>")


#: text a notice's paragraph may hold: CJK, digits, Chinese punctuation
PARAGRAPH = st.text(st.sampled_from(list("巡察整改问题措施完成情况一二三（）、，。：；0123456789")), min_size=1, max_size=40)


@given(st.lists(PARAGRAPH, min_size=1, max_size=12))
def test_paragraphs_round_trip(paragraphs):
    inner = "".join(f"<p>{p}</p>" for p in paragraphs)
    assert _body(inner).splitlines() == paragraphs


FIXTURES = R.ROOT / "tests" / "fixtures" / "html"
STORED_CASES = [
    # (file, encoding, page, text): small pages in the shape of real CMS pages
    ("hanweb_zoom.html", "utf-8",
     {"title": "中共某某县农业农村局党组关于县委第三轮巡察整改进展情况的通报", "published": "2025-11-20 16:05",
      "source": "县农业农村局", "site": "某某县人民政府", "column": "巡察公开", "url": None},
     "中共某某县农业农村局党组关于县委第三轮巡察整改进展情况的通报\n"
     "根据县委统一部署，2025年4月8日至5月30日，县委第二巡察组对县农业农村局党组开展了常规巡察。6月25日，"
     "县委第二巡察组向县农业农村局党组反馈了巡察意见。现将巡察整改进展情况予以公布。\n"
     "一、整改进展情况\n序号\t反馈问题\t整改情况\n1\t理论学习不够深入\t已完成\n2\t项目资金监管不严\t持续推进\n"
     "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0371-12345678；电子邮箱：nyjdzb@163.com。\n"
     "中共某某县农业农村局党组\n2025年11月20日\n"),
    ("old_table_gb2312.html", "gb18030",
     {"title": "某某镇党委关于巡察整改情况的通报", "published": "2024-12-30", "source": None, "site": None,
      "column": None, "url": None},
     "某某镇党委关于巡察整改情况的通报\n根据县委统一部署，县委第四巡察组于2024年9月至10月对镇党委开展了巡察。\n"
     "一、关于“基层党组织建设薄弱”问题\n整改情况：已完成。\n监督电话：0351-7654321\n中共某某镇委员会\n2024年12月30日\n"),
    ("wechat_article.html", "utf-8",
     {"title": "中共某某区政协党组关于区委巡察整改进展情况的通报", "published": "2025-12-02 18:30", "source": None,
      "site": "微信公众平台", "column": None, "url": "http://mp.weixin.qq.com/s?__biz=MzI0&mid=2247&idx=1"},
     "中共某某区政协党组\n关于区委巡察整改进展情况的通报\n"
     "根据区委统一部署，2025年5月至7月，区委第一巡察组对区政协党组开展了常规巡察。\n"
     "一、关于“学习贯彻不够深入”问题\n整改情况：已完成。\n联系电话：020-88886666\n"),
]


@pytest.mark.parametrize("name,encoding,page_meta,text", STORED_CASES)
def test_stored_pages(name, encoding, page_meta, text):
    got = read((FIXTURES / name).read_bytes(), name)
    assert (got.format, got.encoding, got.page, got.text) == ("html", encoding, page_meta, text)


@pytest.mark.parametrize("name", [case[0] for case in STORED_CASES])
def test_stored_pages_parse(name):
    notice = parse_text(read((FIXTURES / name).read_bytes()).text)
    assert notice.title and "巡察整改" in notice.title
    assert notice.contacts
