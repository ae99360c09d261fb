"""Stage 1: bytes to text, recording which encoding was used."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache


class DecodeError(ValueError):
    """The bytes are not a text notice in any supported encoding."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def sniff_bom(data: bytes) -> str | None:
    """The encoding named by a byte-order mark, if there is one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def decode_bytes(data: bytes) -> Decoded:
    """Decode UTF-8 (with or without BOM), UTF-16/32 with BOM or sniffed, else GB18030.

    The BOM is removed; nothing else is changed.  Raises DecodeError for empty
    input (nothing but a BOM, NULs and blanks too), binary data, UTF-8 damaged in
    a few places (with the byte offset), Big5 and undecodable bytes.
    """
    if not data:
        raise DecodeError("empty file")
    name = sniff_bom(data) or (_sniff_utf16(data) if b"\x00" in data else None)
    if name:
        return _checked(_strict(data, name), name, nul_free=False)
    if b"\x00" in data:
        raise DecodeError("binary data (NUL bytes), not a text notice")
    text = decode_cut(data, "utf-8")
    if text is not None:
        return _checked(text, "utf-8")
    refuse_damaged_utf8(data)
    text = decode_cut(data, "gb18030")
    if text is None:
        raise DecodeError("bytes decode as none of utf-8, utf-16, gb18030")
    _refuse_big5(data, text)
    return _checked(text, "gb18030")


#: any character that is not blank: a text of none is empty (``\ufeff`` is a BOM left inside)
_CONTENT = re.compile(r"[^\s\x00\ufeff]")


def _checked(text: str, name: str, nul_free: bool = True) -> Decoded:
    """The decoded text, unless it is empty (only a BOM, NULs, blanks) or binary (NUL characters).

    ``nul_free``: the bytes had no NUL, so neither has the text (looking costs: in a CJK string
    every ASCII character holds a zero byte, and ``in`` stops at each).
    """
    if _CONTENT.search(text) is None:
        raise DecodeError("empty file (no text, only a byte-order mark, NULs or blanks)")
    if not nul_free and "\x00" in text:
        raise DecodeError(f"binary data (NUL characters after decoding as {name}), not a text notice")
    return Decoded(text, name)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose text reads as text (ASCII, common Chinese), if any.

    Most code units must be readable: ASCII bytes taken two by two also decode as Chinese characters,
    but rare ones (``hello`` as UTF-16-LE is ``敨汬``), so a NUL and ASCII after it is binary, not UTF-16."""
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _readable_share(text) > 0.5 and not any(c in text for c in _CONTROLS):
            return name
    return None


def _readable_share(text: str) -> float:
    """The share of characters that read as text: ASCII, CJK punctuation, full-width forms, common Chinese."""
    cjk = _patterns()["cjk"].findall(text)
    plain = len(text) - len(_patterns()["plain"].sub("", text))  # the Chinese characters among them
    return (plain - len(cjk) + sum(ch in COMMON_HAN for ch in cjk)) / len(text)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    """Compiled on first use: a charset over the CJK range costs milliseconds to compile, and a
    UTF-8 notice never needs it."""
    return {
        # characters of a plain Chinese text: ASCII, CJK punctuation, full-width forms, Chinese characters
        "plain": re.compile("[\t\n\r\x20-\x7e\u3000-\u303f\uff00-\uffef\u4e00-\u9fff]"),
        # a Chinese character: ``整``
        "cjk": re.compile("[\u4e00-\u9fff]"),
    }


#: control characters that a text in a wrong encoding shows and a real text does not
_CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\t\n\r\x0b\x0c"]
#: bytes below 0x80, deleted to count the others
_ASCII = bytes(range(128))
#: at most one byte in this many of the non-ASCII bytes may be bad for a file to count as UTF-8
DAMAGE_RATIO = 10


def refuse_damaged_utf8(data: bytes) -> None:
    """UTF-8 with a few bad bytes (a GBK line pasted in, one byte dropped) is refused with where,
    rather than read whole as GB18030 mojibake."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        first = e.start
    text = data.decode("utf-8", "replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    high = len(data.translate(None, _ASCII))
    if bad * 3 * DAMAGE_RATIO >= high:
        return
    line = data.count(b"\n", 0, first) + 1
    raise DecodeError(f"invalid UTF-8 at byte {first} (line {line}), {bad} bad character(s) in a UTF-8 text: "
                      "a line in another encoding (GBK?) or a damaged file")


def _refuse_big5(data: bytes, gb_text: str) -> None:
    """Big5 (traditional Chinese) also decodes as GB18030, as gibberish: refuse it by name."""
    for name in ("big5", "cp950"):
        try:
            big5 = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _common_share(big5) > max(_common_share(gb_text), 0.2):
            raise DecodeError("the bytes look like Big5 (traditional Chinese), which is not supported: "
                              "convert the file to UTF-8 (simplified script)")
        return


def _common_share(text: str) -> float:
    """The share of CJK characters that are among the most common ones (either script)."""
    cjk = _patterns()["cjk"].findall(text)
    if not cjk:
        return 0.0
    return sum(ch in COMMON_HAN for ch in cjk) / len(cjk)


#: frequent characters of official Chinese, simplified and traditional: ``的`` ``问题`` ``問題``
COMMON_HAN = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里"
    "用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实"
    "日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政"
    "美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员"
    "解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件"
    "计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象"
    "完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改"
    "收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调"
    "深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企"
    "八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列"
    "武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供"
    "效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值"
    "仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳"
    "若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷"
    "洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈"
    "刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央"
    "户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括"
    "艰措施督落实巡纪检监察整改进展况通报党组织领导干部廉洁作风腐败违规制度责任落细专项排查建立健全完善"
    "這個們來為國說時會對發後裡過麼經學現當動還進開從實軍無與長機民於業將間問應戰頭體見內義記聯議員"
    "書聽權導個產種處總結確傳條電數務當調區歷醫專號語標團級際質領層範論變斷觀設點話還訴術讓識樣講"
    "關於況報據統黨組織領導幹部廉潔風腐敗違規責任細項查健寫調審監察紀檢進展況通報整改問題針對措實際"
)
#: a download cut off inside a character leaves at most this many bytes of it
CUT_TAIL = 3


def decode_cut(data: bytes, name: str) -> str | None:
    """Decode strictly; a character cut off at the very end (a truncated download) is dropped.

    Without this, a UTF-8 file cut mid-character would fail as UTF-8 and then
    "succeed" as GB18030, as mojibake.
    """
    try:
        return data.decode(name)
    except UnicodeDecodeError as e:
        cut = e.start if e.start >= len(data) - CUT_TAIL and e.end >= len(data) else None
    if cut is None:
        return None
    try:
        return data[:cut].decode(name)
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, name: str) -> str:
    try:
        text = data.decode(name)
    except UnicodeDecodeError as e:
        raise DecodeError(f"invalid {name} data at byte {e.start}") from None
    return text[1:] if text.startswith("\ufeff") else text
