"""The HTML reader: charset, the article's main content as lines, and the CMS page metadata.

Stages: decode (BOM, ``<meta charset>``, else sniff) -> parse (selectolax/lexbor) -> page metadata
(``ArticleTitle``, ``PubDate`` ... meta tags) -> drop furniture (script, style, nav, header,
footer) -> pick the content node (a known CMS container, else the densest text block) ->
render it as lines (blocks and ``<br>`` break lines; a table row is one line, cells joined by a
tab) -> drop site-footer lines -> put the page title first if the body lacks it.
"""
from __future__ import annotations

import codecs
import re
from typing import Any

from ..decode import sniff_bom
from ..grammar import CHROME_FOOTER_WORDS, CHROME_OWNER_COLONS_RAW, CHROME_TOOLBAR_WORDS
from . import Extracted, ReaderError

# --- decoding -------------------------------------------------------------------------------

#: a charset declared in a meta tag, either form: <meta charset="gbk">,
#: <meta http-equiv="Content-Type" content="text/html; charset=gb2312">
META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
#: how far into the file a charset declaration is looked for
CHARSET_HEAD = 4096
#: GB2312 and GBK pages are decoded as their superset GB18030 (characters outside GB2312 are common)
GB_ALIASES = {"gb2312", "gbk", "gb_2312", "gb_2312-80", "x-gbk", "cp936", "ms936", "gb18030", "csgb2312", "euc-cn"}


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text and the encoding used: BOM, else UTF-8 if the bytes are valid UTF-8, else the
    declared charset, else GB18030 (GB2312/GBK declared or not)."""
    bom = sniff_bom(data)
    if bom:
        text = data.decode(bom, "replace")
        return text.removeprefix("\ufeff"), bom
    if not data.isascii() and _is_utf8(data):
        return data.decode("utf-8"), "utf-8"
    declared = declared_charset(data[:CHARSET_HEAD])
    for name in _candidates(declared):
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    fallback = declared or "gb18030"
    return data.decode(fallback, "replace"), fallback


def _is_utf8(data: bytes) -> bool:
    """Valid UTF-8 with multibyte characters: a page re-saved as UTF-8 that kept its old
    ``charset=gb2312`` meta (GBK text of any length is almost never valid UTF-8)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def declared_charset(head: bytes) -> str | None:
    """The charset a meta tag declares, normalised (GBK, GB2312 -> gb18030); None if absent or unknown."""
    m = META_CHARSET.search(head)
    if not m:
        return None
    name = m.group(1).decode("ascii", "ignore").lower().strip("'\"")
    if name in GB_ALIASES:
        return "gb18030"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _candidates(declared: str | None) -> list[str]:
    sniffed = ["utf-8", "gb18030"]
    return [declared] + [n for n in sniffed if n != declared] if declared else sniffed


# --- page metadata --------------------------------------------------------------------------

#: <meta name=...> keys of Chinese government CMS pages (TRS/WCM, Hanweb ...) for each page field
META_KEYS = {
    "title": ("ArticleTitle", "og:title"),
    "published": ("PubDate", "publishdate", "firstpublishedtime", "article:published_time"),
    "source": ("ContentSource", "source"),
    "site": ("SiteName", "og:site_name"),
    "column": ("ColumnName",),
}
#: a site name after the article title in <title>, e.g. "关于…的通报_霍林郭勒市人民政府", "…-枣庄政协网"
TITLE_SUFFIX = re.compile(r"\s*(?:_|-|－|—|\||｜)\s*[^_\-－—|｜]{2,30}?(?:网|政府|门户|网站|平台|在线|委员会|政协|人大)\s*$")
#: the date in an article's info line, e.g. "发布时间：2026-01-12 10:30", "发布日期：2026年1月12日"
INFO_DATE = re.compile(r"(?:发布|成文|印发)?(?:时间|日期)\s*[:：]\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)")
#: the element holding a WeChat article's publication time, e.g. <em id="publish_time">2025-12-02 18:30</em>
PUBLISH_TIME = "#publish_time"
#: the source in an article's info line, e.g. "来源：市政协办公室", "信息来源: 区委巡察办"
INFO_SOURCE = re.compile(r"(?:信息)?来源\s*[:：]\s*([^\s:：|｜]{2,30})")


def page_metadata(tree: Any, text_head: str) -> dict[str, str | None]:
    """title, published, source, site, column, url of the page (each str or None)."""
    metas = _meta_map(tree)
    page: dict[str, str | None] = {key: _first(metas, names) for key, names in META_KEYS.items()}
    page["url"] = _canonical(tree) or metas.get("og:url")
    page["title"] = page["title"] or _title_tag(tree, page["site"]) or _h1(tree)
    if not page["published"]:
        m = INFO_DATE.search(text_head)
        page["published"] = m.group(1) if m else _text_of(tree, PUBLISH_TIME)
    if not page["source"]:
        m = INFO_SOURCE.search(text_head)
        page["source"] = m.group(1) if m else None
    return page


def _text_of(tree: Any, selector: str) -> str | None:
    node = tree.css_first(selector)
    return (_squash(node.text()) or None) if node is not None else None


def _meta_map(tree: Any) -> dict[str, str]:
    """Lower-cased meta name/property -> content (the first of each)."""
    out: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("name") or attrs.get("property") or attrs.get("itemprop")
        value = (attrs.get("content") or "").strip()
        if key and value:
            out.setdefault(key.strip().lower(), value)
    return out


def _first(metas: dict[str, str], names: tuple[str, ...]) -> str | None:
    return next((metas[n.lower()] for n in names if metas.get(n.lower())), None)


def _canonical(tree: Any) -> str | None:
    for node in tree.css("link"):
        if "canonical" in (node.attributes.get("rel") or "").lower():
            return node.attributes.get("href") or None
    return None


def _title_tag(tree: Any, site: str | None) -> str | None:
    """The <title> without its site-name suffix; None if what is left is just the site's name."""
    node = tree.css_first("title")
    title = _squash(node.text()) if node else ""
    if site and title.endswith(site) and len(title) > len(site) + 1:
        title = title[: -len(site)].rstrip(" _-－—|｜")
    title = TITLE_SUFFIX.sub("", title)
    return title if title and title != site else None


def _h1(tree: Any) -> str | None:
    """The first <h1> outside the page's header and navigation (there it is the site's logo)."""
    for node in tree.css("h1"):
        title = _squash(node.text())
        if title and not _inside(node, ("header", "nav", "footer")):
            return title
    return None


def _inside(node: Any, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


# --- content --------------------------------------------------------------------------------

#: elements that are never the article: code, styling, navigation and page furniture
DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe",
             "select", "button", "input", "textarea", "svg", "object", "embed", "head")
#: content containers of common CMSs (TRS/WCM "TRS_Editor", Hanweb "zoom", UCAP ...)
KNOWN_CONTENT = ("#UCAP-CONTENT", ".TRS_Editor", ".TRS_UEDITOR", "#zoom", "#Zoom", "#fontzoom",
                 ".pages_content", ".article-content", ".article_content", "#article_content",
                 "#js_content")  # WeChat official-account articles
#: elements that can hold an article's text (a <p> is a paragraph inside one, not a holder)
CONTAINERS = frozenset({"div", "td", "th", "article", "section", "main", "body", "center", "blockquote",
                        "dd", "form"})
#: elements that start and end a line
BLOCKS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "main",
                    "blockquote", "pre", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot",
                    "center", "address", "figure", "figcaption", "caption", "hr", "form", "body", "td", "th"})
#: class/id words of furniture blocks, whose text counts less when picking the content
FURNITURE = re.compile(r"nav|menu|foot|header|banner|crumb|share|sidebar|copyright|bottom|position|dqwz|link", re.I)
#: a known container is taken if it holds at least this share of the densest block's text
KNOWN_SHARE = 0.5


def read_html(data: bytes, name: str | None = None) -> Extracted:
    """The article's text, the encoding and the page metadata of an HTML page."""
    from selectolax.lexbor import LexborHTMLParser

    html, encoding = decode_html(data)
    tree = LexborHTMLParser(html)
    if tree.body is None:
        raise ReaderError("HTML page has no body")
    page = page_metadata(tree, _squash(tree.body.text(separator=" "))[:2000])
    for tag in DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    node = content_node(tree)
    lines = drop_furniture_lines(render_lines(node) if node is not None else [])
    lines = with_title(lines, page["title"])
    if not lines:
        raise ReaderError("HTML page has no text")
    return Extracted("\n".join(lines) + "\n", "html", encoding, page)


def content_node(tree: Any) -> Any:
    """The node holding the article: a known CMS container if it holds most of the text, else the densest."""
    densest = _densest(tree)
    known = max((n for sel in KNOWN_CONTENT for n in tree.css(sel)), key=_text_size, default=None)
    if known is not None and _text_size(known) >= KNOWN_SHARE * _text_size(densest):
        return known
    return densest


def _densest(tree: Any) -> Any:
    """The container with most text of its own plus half its child containers' (links not counted)."""
    own: dict[int, float] = {}
    nodes: dict[int, Any] = {}
    for text_node in tree.body.traverse(include_text=True):
        if not text_node.is_text_node:
            continue
        size = _size(text_node.text_content or "")
        holder = _holder(text_node) if size else None
        if holder is not None:
            own[holder.mem_id] = own.get(holder.mem_id, 0) + size
            nodes[holder.mem_id] = holder
    score = dict(own)
    for key, held in own.items():
        parent = _container(nodes[key].parent)
        if parent is not None:
            nodes.setdefault(parent.mem_id, parent)
            score[parent.mem_id] = score.get(parent.mem_id, 0) + held / 2
    if not score:
        return tree.body
    best = max(score, key=lambda k: score[k] * _furniture_factor(nodes[k]))
    return nodes[best]


def _holder(text_node: Any) -> Any:
    """The container a text node counts for (a paragraph-like <div> counts as a <p>); None inside a link."""
    node = text_node.parent
    while node is not None and (node.tag not in CONTAINERS or _paragraph_div(node)):
        if node.tag == "a":
            return None
        node = node.parent
    return node


def _paragraph_div(node: Any) -> bool:
    """A <div> holding only text and inline elements, used as a paragraph (e.g. Word-pasted bodies)."""
    return node.tag == "div" and node.parent is not None and not any(c.tag in BLOCKS for c in node.iter())


def _container(node: Any) -> Any:
    while node is not None and node.tag not in CONTAINERS:
        node = node.parent
    return node


def _furniture_factor(node: Any) -> float:
    words = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    return 0.2 if FURNITURE.search(words) else 1.0


def _text_size(node: Any) -> int:
    return _size(node.text()) if node is not None else 0


def _size(text: str) -> int:
    """Characters that are not white space."""
    return len(text) - sum(ch.isspace() for ch in text)


# --- rendering ------------------------------------------------------------------------------

#: runs of white space inside a text node (HTML collapses them), NBSP included
SPACES = re.compile(r"[ \t\r\n\f\xa0]+")
#: white space stripped from both ends of a line: spaces and full-width indents, not a row's tabs
EDGE_SPACE = " \xa0\u3000\r\f"


def render_lines(node: Any) -> list[str]:
    """The node's text as lines: blocks and <br> break lines, each table row is one line."""
    parts: list[str] = []
    _render(node, parts)
    lines = (line.strip(EDGE_SPACE) for line in "".join(parts).split("\n"))
    return [line for line in lines if line.strip()]


def _render(node: Any, parts: list[str]) -> None:
    tag = node.tag
    if node.is_text_node:
        parts.append(SPACES.sub(" ", node.text_content or ""))
    elif tag == "br":
        parts.append("\n")
    elif tag == "tr" and _is_data_row(node):
        parts.append("\n" + "\t".join(_cell_text(c) for c in _cells(node)) + "\n")
    elif tag in BLOCKS:
        parts.append("\n")
        _render_children(node, parts)
        parts.append("\n")
    elif not tag.startswith("-"):
        _render_children(node, parts)


def _render_children(node: Any, parts: list[str]) -> None:
    child = node.child
    while child is not None:
        _render(child, parts)
        child = child.next


def _cells(row: Any) -> list[Any]:
    return [c for c in row.iter() if c.tag in ("td", "th")]


def _is_data_row(row: Any) -> bool:
    """A row of a data table (two or more cells, none holding a nested table), not a layout row."""
    cells = _cells(row)
    return len(cells) >= 2 and not any(c.css_first("table") is not None for c in cells)


def _cell_text(cell: Any) -> str:
    """A cell's lines joined by a space, with no tab left inside."""
    return " ".join(render_lines(cell)).replace("\t", " ")


# --- furniture lines and the title ---------------------------------------------------------

#: lines of a site's footer or article toolbar that never belong to a notice, e.g.
#: "违法和不良信息举报电话:0632-8269086", "鲁ICP备17036507号", "网站标识码:3704000001",
#: "京公网安备 11010202000001号", "版权所有 政协枣庄市委员会", "【打印本页】【关闭窗口】",
#: "字号:默认 超大 | 打印 |", "【我要纠错】 责任编辑:白宛松", "扫一扫在手机打开当前页", "点击:0"
FURNITURE_LINE = re.compile(
    rf"{CHROME_FOOTER_WORDS}|Copyright|©|{CHROME_OWNER_COLONS_RAW}"
    r"|webmaster|站长信箱|网站纠错|我要纠错|责任编辑\s*[:：]|扫一扫在手机"
    rf"|(?:【\s*)?(?:{CHROME_TOOLBAR_WORDS})"
    r"|^(?:分享到|字号\s*[:：]|【\s*字体|【\s*编辑\s*[:：]|(?:点击|点击数|浏览次数|阅读次数)\s*[:：]\s*\d*\s*$)", re.I)
#: an article's info line, e.g. "发布时间：2026-01-12  来源：市政协  浏览次数：312"
INFO_LINE = re.compile(r"(?:发布时间|发布日期|日期)\s*[:：].{0,40}(?:来源|浏览|点击|字号|作者)"
                       r"|(?:来源)\s*[:：].{0,40}(?:发布时间|发布日期|浏览|点击)")
#: how many first lines are searched for the title before it is put first
TITLE_LINES = 6
#: characters that do not count when comparing a title with the text
NOT_TITLE = re.compile(r"[\s\u3000，,。．.、；;：:！!？?“”\"‘’'《》〈〉（）()【】\[\]—\-－·…]")


def drop_furniture_lines(lines: list[str]) -> list[str]:
    """The lines without site-footer, toolbar and article-info lines."""
    return [line for line in lines if not FURNITURE_LINE.search(line) and not INFO_LINE.search(line)]


def with_title(lines: list[str], title: str | None) -> list[str]:
    """The lines with the page's title put first when the first lines do not already hold it."""
    if not title:
        return lines
    head = NOT_TITLE.sub("", "".join(lines[:TITLE_LINES]))
    wanted = NOT_TITLE.sub("", title)
    return lines if not wanted or wanted in head else [_squash(title)] + lines


def _squash(text: str) -> str:
    return SPACES.sub(" ", text or "").strip()
