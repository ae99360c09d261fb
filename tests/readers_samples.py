"""Make HTML, PDF and DOCX files from the plain sample notices, offline, for the reader tests and
``bench/readers.py``; and compare two parses on the fields that shared/tools/score.py scores.

HTML layouts, each modelled on a real CMS page shape:
  trs     TRS/WCM article page: ArticleTitle/PubDate/ContentSource/SiteName/ColumnName meta tags,
          canonical link, nav, breadcrumb, <h1>, info line, <div class="TRS_Editor"> body without
          the title, toolbar, related links, footer with ICP / 网站标识码 / 举报电话
  table   old GB2312 table layout: http-equiv charset, nested <table>s, <font>, <br>-separated
          lines, a left column of links, a bottom table with the copyright lines
  mobile  mobile page: viewport meta, <section>s, <h2> title outside the body, a bottom bar;
          the title only in <title> with its site suffix
"""
from __future__ import annotations

import html
import io
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.txt"))
#: (layout, encoding) pairs the HTML tests and the bench render every sample in
HTML_VARIANTS = (("trs", "utf-8"), ("trs", "gbk"), ("table", "gbk"), ("mobile", "utf-8"))
#: characters that score.py ignores when comparing titles
#: words of a site footer that some samples carry as their last lines, e.g. "鲁ICP备17036507号"
FOOTER_WORDS = re.compile(r"ICP备|违法和不良信息举报|版权所有|网站标识码")
PUNCT = re.compile(r"[\s\u3000，,。．.、；;：:！!？?“”\"‘’'《》〈〉（）()【】\[\]—\-－·…]")


def sample_text(name: str) -> str:
    return (SAMPLES / f"{name}.txt").read_text(encoding="utf-8")


def sample_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def split_title(lines: list[str], title: str | None) -> tuple[list[str], list[str]]:
    """The leading lines that spell the title, and the rest (no lines taken if they do not)."""
    want, got = PUNCT.sub("", title or ""), ""
    for i, line in enumerate(lines[:4]):
        got += PUNCT.sub("", line)
        if want and got == want:
            return lines[: i + 1], lines[i + 1:]
    return [], lines


# --- HTML -----------------------------------------------------------------------------------

def _esc(line: str) -> str:
    return html.escape(line.strip(), quote=False).replace("\xa0", "&nbsp;")


FOOTER = """<div class="footer"><p>主办单位：XX市人民政府办公室　承办单位：XX市大数据中心</p>
<p>网站标识码：1505810001　<a href="#">蒙ICP备05001234号</a>　<img src="ga.png">蒙公网安备 15058102000123号</p>
<p>违法和不良信息举报电话：0475-1234567　网站管理员信箱：webmaster@xx.gov.cn</p></div>"""
NAV = """<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/xwzx/">新闻中心</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>"""


def html_page(layout: str, lines: list[str], title: str | None, encoding: str) -> bytes:
    """One sample notice as an HTML page of the given layout, encoded."""
    title_lines, body = split_title(lines, title)
    maker = {"trs": _trs, "table": _table, "mobile": _mobile}[layout]
    charset = "gb2312" if encoding == "gbk" else encoding
    page = maker(title or "", title_lines, body, charset)
    return page.encode("gb18030" if encoding == "gbk" else encoding)


def _trs(title: str, title_lines: list[str], body: list[str], charset: str) -> str:
    paras = "\n".join(f'<p style="text-indent:2em;">{_esc(x)}</p>' for x in body)
    t = html.escape(title)
    return f"""<!DOCTYPE html>
<html><head><meta charset="{charset}">
<meta name="SiteName" content="XX市人民政府"><meta name="SiteDomain" content="www.xx.gov.cn">
<meta name="SiteIDCode" content="1505810001"><meta name="ColumnName" content="通知公告">
<meta name="ColumnType" content="通知公告"><meta name="ArticleTitle" content="{t}">
<meta name="PubDate" content="2026-01-12 10:30"><meta name="ContentSource" content="市委巡察办">
<meta name="Keywords" content="巡察,整改"><meta property="og:title" content="{t}">
<link rel="canonical" href="https://www.xx.gov.cn/zwgk/tzgg/202601/t20260112_123456.html">
<title>{t}_XX市人民政府</title>
<link rel="stylesheet" href="/css/style.css"><script>var _hmt = _hmt || []; document.write("统计");</script>
<style>.TRS_Editor p {{ font-size: 16px; }}</style></head>
<body><header class="head"><div class="logo"><img src="logo.png" alt="XX市人民政府"></div>{NAV}</header>
<div class="container"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="article"><h1 class="title">{t}</h1>
<div class="info"><span>发布时间：2026-01-12 10:30</span><span>来源：市委巡察办</span><span>浏览次数：<script>document.write(312)</script></span></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{paras}
</div></div>
<div class="tools"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">关于开展2026年度春季植树活动的通知</a></li>
<li><a href="/b.html">XX市2025年国民经济和社会发展统计公报</a></li></ul></div></div></div>
<footer>{FOOTER}</footer></body></html>"""


def _table(title: str, title_lines: list[str], body: list[str], charset: str) -> str:
    lines = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + _esc(x) for x in title_lines + body)
    links = "".join(f'<tr><td><a href="/n{i}.htm">·市政府召开第{i}次常务会议</a></td></tr>' for i in range(1, 9))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{html.escape(title)}</title><link href="style.css" rel="stylesheet" type="text/css"></head>
<body topmargin="0"><table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="images/top.jpg" width="980" height="120"></td></tr>
<tr><td bgcolor="#B00000"><a href="/">首 页</a> | <a href="/zwgk">政务公开</a> | <a href="/xwdt">新闻动态</a> | <a href="/lxwm">联系我们</a></td></tr></table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr>
<td width="220" valign="top"><table width="100%"><tr><td><b>最新公告</b></td></tr>{links}</table></td>
<td width="760" valign="top"><table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td height="30">您现在的位置：<a href="/">首页</a> &gt;&gt; 通知公告</td></tr>
<tr><td align="center"><font size="3"><b></b></font></td></tr>
<tr><td align="center">发布日期：2026-01-12　　来源：本站　　点击数：<font color="red">128</font></td></tr>
<tr><td class="content" style="line-height:200%"><font size="3" face="宋体">
{lines}
</font></td></tr></table></td></tr></table>
<table width="980" border="0" align="center"><tr><td align="center">版权所有：XX县人民政府　地址：XX县政府路1号　邮编：123000<br>
晋ICP备05001234号　网站标识码：1407000010<br>技术支持：XX网络科技有限公司</td></tr></table></body></html>"""


def _mobile(title: str, title_lines: list[str], body: list[str], charset: str) -> str:
    paras = "\n".join(f"<p>{_esc(x)}</p>" for x in body)
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=no">
<title>{html.escape(title)}-XX区政协网</title><script src="/m/js/zepto.min.js"></script></head>
<body><div class="m-header"><a class="back" href="javascript:history.back()">返回</a><span>XX区政协</span></div>
<div class="m-article"><h2 class="art-title">{html.escape(title)}</h2>
<div class="art-info"><span>2026-01-12</span> <span>来源：区政协办公室</span></div>
<div class="art-content"><section>
{paras}
</section></div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div></div>
<div class="m-footer"><p>XX区政协办公室 版权所有</p><p>粤ICP备12345678号-1</p></div></body></html>"""


# --- DOCX and PDF ---------------------------------------------------------------------------

def docx_bytes(lines: list[str], title_lines: list[str] | None = None) -> bytes:
    """A .docx with the title lines as centred bold paragraphs and one paragraph per other line."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = docx.Document()
    for line in title_lines or []:
        para = doc.add_paragraph()
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.add_run(line.strip()).bold = True
    for line in lines:
        doc.add_paragraph(line.strip())
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


#: the page furniture drawn on every PDF page: (header, page-number style)
PDF_HEADER = "XX市委巡察工作领导小组办公室"
PAGE_NUMBERS = {"dash": "- {n} -", "of": "第{n}页 共{total}页", "slash": "{n}/{total}"}
FONT = "STSong-Light"
#: characters per title line (20 pt, centred)
TITLE_CHARS = 22


def pdf_bytes(lines: list[str], title: str | None = None, numbers: str = "dash", header: bool = True,
              width_chars: int = 32) -> bytes:
    """A PDF (reportlab, built-in CID font) of the lines: the title's lines centred in a larger font,
    the others hard-wrapped at width_chars, a running header and a page number on every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    _register_font()
    title_lines, body = split_title(lines, title)
    heading = [piece for line in title_lines for piece in _wrap(line.strip(), TITLE_CHARS)]
    wrapped = [piece for line in body for piece in _wrap(line.strip(), width_chars)]
    per_page = 32
    pages = [wrapped[i: i + per_page] for i in range(0, len(wrapped), per_page)] or [[]]
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4)
    for n, page in enumerate(pages, 1):
        _pdf_page(c, heading if n == 1 else [], page, (n, len(pages)), numbers, header)
    c.save()
    return out.getvalue()


def _register_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _wrap(line: str, width: int) -> list[str]:
    return [line[i: i + width] for i in range(0, len(line), width)] or [""]


def _pdf_page(c, heading: list[str], lines: list[str], number: tuple[int, int], numbers: str,
              header: bool) -> None:
    """One page: running header, the title centred in a larger font (first page), the lines, the page number."""
    c.setFont(FONT, 10)
    if header:
        c.drawCentredString(297, 810, PDF_HEADER)
    c.setFont(FONT, 20)
    for i, line in enumerate(heading):
        c.drawCentredString(297, 770 - 28 * i, line)
    top = 780 - (28 * len(heading) + 20 if heading else 0)
    c.setFont(FONT, 14)
    for i, line in enumerate(lines):
        c.drawString(72, top - 20 * i, line)
    c.setFont(FONT, 10)
    n, total = number
    c.drawCentredString(297, 30, PAGE_NUMBERS[numbers].format(n=n, total=total))
    c.showPage()


def scanned_pdf_bytes() -> bytes:
    """A PDF page holding only an image (what a scanner makes): no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (200, 100), 255)
    ImageDraw.Draw(img).rectangle((20, 20, 180, 40), fill=0)
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawImage(ImageReader(img), 72, 600, width=400, height=200)
    c.showPage()
    c.save()
    return out.getvalue()


def encrypted_pdf_bytes(lines: list[str]) -> bytes:
    """A PDF that needs a user password to open."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    _register_font()
    out = io.BytesIO()
    c = canvas.Canvas(out, encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.setFont(FONT, 14)
    for i, line in enumerate(lines[:5]):
        c.drawString(72, 780 - 20 * i, line.strip()[:30])
    c.showPage()
    c.save()
    return out.getvalue()


# --- comparing two parses ------------------------------------------------------------------

def _norm(s: str | None) -> str:
    return PUNCT.sub("", s or "")


def _date(d) -> str | None:
    if not d:
        return None
    if isinstance(d, str):
        return d
    if d.get("iso"):
        return d["iso"]
    parts = (d.get("year"), d.get("month"), d.get("day"))
    return None if parts == (None, None, None) else "-".join("?" if v is None else str(v) for v in parts)


def scored_fields(notice: dict) -> dict:
    """The fields shared/tools/score.py compares, normalised as it normalises them."""
    ins = notice.get("inspection") or {}
    sig = notice.get("signature") or {}
    pub = notice.get("publicity") or {}
    contacts = sorted((c["type"], re.sub(r"\D", "", c["value"]) if c["type"] in ("phone", "postcode")
                       else c["value"].lower()) for c in notice.get("contacts") or []
                      if c.get("type") in ("phone", "email", "postcode"))
    return {
        "title": _norm(notice.get("title")),
        "problems": [(_norm(p.get("title")), p.get("status")) for p in notice.get("problems") or []],
        "inspection": {k: _norm(ins.get(k)) for k in ("body", "target")}
        | {k: _date(ins.get(k)) for k in ("start", "end", "feedback")},
        "signature": (_norm(sig.get("org")), _date(sig.get("date"))),
        "publicity": (_date(pub.get("start")), _date(pub.get("end"))),
        "addressee": _norm(notice.get("addressee")),
        "declared": notice.get("declared"),
        "contacts": contacts,
    }
