"""The grammar of a rectification notice, as a table.

Every pattern is written against the *matching view* of the text (see
``layout/text.py``): full-width ASCII punctuation, digits and letters are folded
to their ASCII forms, so ``（一）`` and ``(一)`` or ``：`` and ``:`` are the same
character here.  Nothing in this module runs a match; the stages import the
constants and dispatch on the rule names.

All patterns are linear: no nested quantifiers, every repetition bounded or
over a single character class, so a hostile line cannot make them backtrack.
"""
from __future__ import annotations

import re

# --------------------------------------------------------------------------
# Numerals
# --------------------------------------------------------------------------

#: Chinese numerals as they appear in markers and ordinals: ``十七``
CN_DIGITS = "零〇一二三四五六七八九十两"
CN_NUM = f"[{CN_DIGITS}]{{1,3}}"
#: circled numbers used as markers: ``③``
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# --------------------------------------------------------------------------
# Inline noise: masked out of a line before anything else looks at it
# --------------------------------------------------------------------------

#: conversion debris and paywall markers: ``[bookmark: _GoBack]``, ``##paidbegin##``
INLINE_NOISE = re.compile(r"\[bookmark:[^\]\n]{0,80}\]|##paid(?:begin|end)##")
#: characters only traditional script writes, one of which every notice holds: ``黨組`` (党组), ``巡察組`` (巡察组)
TRADITIONAL_MARKS = ("組", "黨")
#: a pinyin gloss a site sets after a character of a traditional repost: ``衛(wèi)``, ``區(qū)``
PINYIN_GLOSS = re.compile(r"[(（][a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}[)）]")
#: a table cell's bar a page leaves at the end of a line of running text, left out of the line's text (a line with
#: no other bar: a table row has several): ``中共…的通报 |``, ``2、统计执法检查力度不足。整改情况:…3起。 |``
TRAILING_BAR = "|"
#: list bullets a web page sets before a line, left out of the line's text: ``• 文件名称:``, ``● 发布机构：``
LIST_BULLETS = frozenset("•·●◆◇■□▪▶►★☆")

# --------------------------------------------------------------------------
# Line rules: the patterns of layout/rules.py's table, which tries them in order on each line
# --------------------------------------------------------------------------

#: page chrome, the one vocabulary that readers/html.py (dropping a page's furniture lines), the noise line
#: rules here and the contacts' furniture check (FURNITURE) all read.  A site's footer, words no notice
#: line carries: ``版权所有 政协枣庄市委员会``, ``鲁ICP备17036507号``, ``京公网安备 11010202000001号``,
#: ``网站标识码:3704000001``, ``违法和不良信息举报电话:0632-8269086``, ``网站地图``
CHROME_FOOTER = ("版权所有", "ICP", "公网安备", "网站标识", "违法和不良信息", "网站地图")
#: who runs or builds the site, always before a colon: ``主办单位：政协枣庄市委员会``, ``技术支持: 某公司``
CHROME_OWNERS = ("技术支持", "主办单位", "承办单位")
#: an article's toolbar buttons: ``【打印本页】``, ``【关闭窗口】``, ``打印此页``, ``收藏本页``
CHROME_TOOLBAR = ("打印本页", "关闭窗口", "打印此页", "收藏本页")
#: the words as alternations of plain words, each alternative opening with its word, never a group: a
#: pattern whose alternatives all open with a literal lets the engine jump to their first characters (a group
#: in front makes it try the whole pattern at every position, several times slower): ``版权所有|ICP|…``,
#: ``技术支持\s*:|主办单位\s*:|…`` (in the view, where ``：`` is folded to ``:``), ``打印本页|关闭窗口|…``
CHROME_FOOTER_WORDS = "|".join(CHROME_FOOTER)
CHROME_OWNER_COLONS = "|".join(rf"{word}\s*:" for word in CHROME_OWNERS)
#: the same in a page's raw text (readers/html.py), where the colon is not folded: ``主办单位：``
CHROME_OWNER_COLONS_RAW = "|".join(rf"{word}\s*[:：]" for word in CHROME_OWNERS)
CHROME_TOOLBAR_WORDS = "|".join(CHROME_TOOLBAR)

#: web-page chrome and PDF page numbers that open a line: ``您的位置: 首页 > 通知公告``, ``信息索引号: …``,
#: ``朗读``, ``分享:``, ``- 3 -``, ``第3页 共5页``; an accessibility bar (``字体大小:``, ``对比度:``); a law
#: database's fields, with no colon (``发文日期2017年04月27日``, ``时效性现行有效``); an info line that opens with
#: the date (``2022-09-02 08:57:04 来源:省高院``, ``2022年08月16日 来源: 中共廊坊市委``)
NOISE_LINE_START = re.compile(
    r"(?:您(?:现在)?的位置|当前位置|所在位置)\s*:"
    r"|(?:信息索引号|索引号|文件名称|发布机构|发文机关|成文日期|发布日期|发布时间|公开方式|公开范围|主题分类|"
    r"组配分类|体裁分类|文\s*号|来\s*源|信息来源|作\s*者|编\s*辑|审\s*核|日\s*期|浏览次数|点击数|访问量|浏览量|"
    r"有效性|生效日期|责任编辑|字体大小|字\s*体|字\s*号|页\s*面|对比度|保护视力色)\s*:"
    r"|(?:发文机关|发文日期|发文字号|发布部门|时效性|效力级别|施行日期|实施日期)\S"
    r"|\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s+(?:来\s*源|信息来源|作\s*者|编\s*辑)"
    rf"|(?:{CHROME_TOOLBAR_WORDS}|朗读|分享到?|收藏|扫一扫|返回顶部|无障碍|长者模式|关怀版|繁體|简体|"
    r"【?打印】?|【?关闭】?|上一篇|下一篇|相关链接)(?:\s|:|$)"
    r"|[-—–－]\s*\d{1,3}\s*[-—–－]$|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?$"
)
#: chrome anywhere in a short line: ``首页 > 信息公开``, ``【字号 大 中 小】【我要打印】【关闭】``,
#: ``版权所有 … | 违法和不良信息举报电话: …``, ``鲁ICP备…号`` (kept apart from the line-start rules: a pattern of
#: plain words only lets the engine jump to their first characters, 5x faster than one mixed pattern)
NOISE_ANYWHERE = re.compile(
    rf"首页\s*[>›»/]|【\s*(?:{CHROME_TOOLBAR_WORDS}|信息时间|发布时间|字号|字体|我要打印|打印|关闭|大|中|小)"
    rf"|{CHROME_FOOTER_WORDS}|{CHROME_OWNER_COLONS}"
)
#: a noise line is short; a longer line that merely mentions one of these words is text
NOISE_MAX_LEN = 160

#: which field of a Problem each label feeds: ``整改措施：…`` → measures, ``原因分析：…`` → cause,
#: ``责任领导：张某`` → leader (a person; ``责任单位：办公室``, a unit, stays in the description); what was done and what
#: it achieved under one label is the measures: ``整改措施及成效：…``
LABEL_FIELDS = {
    "原因分析": "cause", "问题原因": "cause", "产生原因": "cause",
    "存在问题": "description", "问题表现": "description", "问题描述": "description",
    "具体问题": "description", "整改目标": "description", "整改时限": "description",
    "完成时限": "description", "责任单位": "description", "责任部门": "description",
    "责任领导": "leader", "牵头领导": "leader", "责任人": "leader",
    "整改": "measures", "整改措施": "measures", "整改举措": "measures", "主要措施": "measures", "具体措施": "measures",
    "整改措施和进展": "measures", "整改措施和进展情况": "measures",
    "整改措施及进展": "measures", "整改措施及进展情况": "measures",
    "整改措施及成效": "measures", "整改措施和成效": "measures",
    "整改情况": "measures", "整改落实情况": "measures", "落实情况": "measures",
    "整改进展情况": "progress", "整改进展": "progress", "进展情况": "progress",
    "整改成效": "progress", "工作成效": "progress",
    "整改结果": "progress", "完成情况": "progress", "整改状态": "progress", "完成状态": "progress",
}
#: labels whose value is a deadline, which may say the work goes on or was done at once: ``整改时限：长期坚持``,
#: ``完成时限：立行立改``
DEADLINE_LABELS = frozenset(("整改时限", "完成时限"))
#: labels whose value, when short and naming a status, is the problem's status line rather than the
#: field above: ``整改结果：整改完成，长期推进。``, ``整改情况：已完成``
STATUS_LABELS = frozenset(("整改情况", "整改落实情况", "落实情况", "整改结果", "完成情况", "整改状态", "完成状态"))
#: the label names as one alternation, longest first so that ``整改措施和进展情况`` wins over ``整改措施``
LABEL_NAMES = "|".join(sorted(LABEL_FIELDS, key=len, reverse=True))
#: a labelled line inside a problem: ``整改措施：…``, ``【整改进展】…``, ``原因分析:``
LABEL = re.compile(rf"^(?P<open>[【\[])?\s*(?P<label>{LABEL_NAMES})\s*(?(open)[】\]]\s*:?|:)")
#: the characters a label opens with: ``整`` (整改措施), ``原`` (原因分析), ``责`` (责任人)
LABEL_FIRST = "".join(sorted({name[0] for name in LABEL_FIELDS}))
#: a label inside a paragraph, at its start or after a finished sentence: ``…不严格。整改措施：…``
#: (the lookahead names the characters a label can open with, so other positions fail at once; search with
#: ``problem_fields.inline_labels``, which first tests for the colon or bracket every label needs)
INLINE_LABEL = re.compile(
    rf"(?=[\s【\[{LABEL_FIRST}])(?:^|(?<=[。;]))\s*(?P<open>[【\[])?(?P<label>{LABEL_NAMES})\s*(?(open)[】\]]\s*:?|:)"
)

#: a labelled value at most this long that names a status is a status line: ``整改完成，长期推进。``
STATUS_LINE_MAX = 30

#: the digits of a marker's number, ``1``, ``1001``: up to 9, more than a text within ``--max-bytes``
#: can number (a notice may list over 999 problems); a longer run of digits is no marker, and never
#: reaches ``int()``, which refuses strings of over 4,300 digits
MARKER_DIGITS = r"\d{1,9}"
#: a problem numbered with its own word: ``问题1：``, ``问题 2.``, ``问题三、``, ``问题1001：``
PROBLEM_MARKER = re.compile(rf"^(?P<marker>问题\s*(?P<num>{MARKER_DIGITS}|{CN_NUM})\s*[:.、,]?)\s*")
#: a first-level heading: ``一、``, ``三.``, ``二，``
CN_MARKER = re.compile(rf"^(?P<marker>(?P<num>{CN_NUM})\s*[、.,])\s*")
#: a second-level heading: ``（一）``, ``(二)``, ``（三)``
PAREN_CN_MARKER = re.compile(rf"^(?P<marker>\(\s*(?P<num>{CN_NUM})\s*\)[、.]?)\s*")
#: a fourth-level heading: ``(1)``, ``（12）``, ``(1000)``
PAREN_ARABIC_MARKER = re.compile(rf"^(?P<marker>\(\s*(?P<num>{MARKER_DIGITS})\s*\)[、.]?)\s*")
#: a third-level heading: ``1.``, ``12、``, ``3、 ``, ``1001.`` but not ``1.5万元`` nor ``2022年``
ARABIC_MARKER = re.compile(rf"^(?P<marker>(?P<num>{MARKER_DIGITS})\s*(?:[、]|\.(?!\d)))\s*")
#: a half-parenthesised number: ``1)``, ``2）``; at most 3 digits, as the closing half of a postcode or a
#: phone number wrapped onto its own line (``211500）。``) looks the same
ARABIC_PAREN_MARKER = re.compile(r"^(?P<marker>(?P<num>\d{1,3})\))\s*")
#: a circled number: ``①``
CIRCLED_MARKER = re.compile(rf"^(?P<marker>(?P<num>[{CIRCLED}])[、.]?)\s*")

#: a category heading by its ordinal aspect: ``第一方面问题:党的领导弱化``, ``第二方面：…``
ASPECT_MARKER = re.compile(rf"^(?P<marker>第(?P<num>{CN_NUM})方面(?:问题)?\s*[:.、]?)\s*")
#: a line at least this long may hold a whole page's sections run together (a page flattened to one paragraph)
FUSED_MIN = 120
#: ... when a second first-level heading stands inside it after a sentence's end, a colon or a space, a first
#: one before it: ``…公布如下。一、整改组织情况。…二、问题整改情况。…``, ``…如下。 一、…总体情况 … 二、整改进展情况 …``
FUSED_SECOND = re.compile(r"[。!?;: ]二、")
#: ... or when two or more numbered headings stand inside it each after a space (paragraphs joined by single
#: spaces, a page with no first-level heading): ``…通报如下。 1.…。整改情况:…。 2.…``, ``… (一)… (二)…``
FUSED_SPACED = re.compile(r" (?:[1-9]\d?(?:、|\.(?!\d))|\([一二三四五六七八九十]{1,3}\))")
#: where such a line breaks: before a first-level heading after a sentence's end, a colon or a space (``。二、``);
#: before a lower heading after a sentence's end or a space (``。1.``, `` (一)``; not after a label's colon,
#: ``整改情况:1.…`` counts off measures); at spaces between two characters that are not ASCII (``…的报告 根据…``)
FUSED_BREAK = re.compile(
    r"(?<=[。!?;: ])[一二三四五六七八九十]{1,3}、|(?<=[。!?; ])(?:\([一二三四五六七八九十]{1,3}\)|\d{1,2}(?:、|\.(?!\d)))"
    r"|(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])"
)

#: a title glued to the intro by a space on one line: ``中共白泉镇委员会关于…的通报 根据区委统一部署,…``, or to the
#: first heading of its table of contents on a document site's page: ``…整改工作方案一、总体要求`` (cut at the space
#: when what stands before it reads as a title: TITLE_LINE, TITLE_START)
#: (plain words open each alternative, so the engine jumps to them; the title ends two characters into the match)
TITLE_GLUED = re.compile("|".join(rf"{word} +(?=根据|按照|依据|为贯彻|为落实)" for word in ("通报", "报告", "公告", "公示"))
                         + "|" + "|".join(rf"{word}(?=一、)" for word in ("通报", "报告", "方案")))
#: ... looked for in this many first lines, where a title stands
TITLE_GLUED_LINES = 8

#: a second copy of a text is looked for at no more than this many lines that repeat its opening line (a title may
#: stand twice in the text before its copy starts), so that a text of one line repeated costs no more than a few passes
COPY_STARTS = 3

#: a table of contents above a page's title lists at least this many headings, with no text between them:
#: ``一、统一思想认识`` / ``二、健全领导机制`` / ``(一)聚焦…方面(6个问题)`` … then the title
CONTENTS_MIN = 3

#: a category alone on its line with no marker, phrased as categories are (``关于``/``在``/``聚焦`` … ``方面``), no
#: stop or clause inside: ``关于党的领导方面``, ``在风险防控方面存在的问题``, ``聚焦“三重一大”决策方面``
BARE_CATEGORY = re.compile(r"^(?:关于|在|聚焦)[^。!?;:,\s]{2,30}?方面(?:存在的|的)?(?:问题)?$")
#: the characters a marker-less category line opens with
BARE_CATEGORY_FIRST = "关在聚"

#: how a finished heading ends: ``…方面问题``, ``…问题的整改``, ``…进展情况``, ``…”``
HEADING_END = re.compile(r"(?:问题|整改|情况|方面|事项|成效|打算|措施|”|\)|。)$")
#: a line that is only the last word of a heading cut before it: ``1.关于…不深入方面`` / ``问题``
HEADING_TAIL = re.compile(r"^(?:的?问题|的?整改|情况|事项)[。:]?$")

# --------------------------------------------------------------------------
# Sentences and runs
# --------------------------------------------------------------------------

#: characters that end a sentence: ``。`` ``！`` ``？`` (``;`` is a clause)
SENTENCE_END = "。!?"
#: characters that end a clause: ``，`` ``；`` (folded to ASCII)
CLAUSE_END = ",;"
#: marks after which a sentence must go on, so a text ending on one was cut off: ``，`` ``、``
CLAUSE_OPEN = ",、"
#: what the last line of a whole text may end with: ``。`` ``！`` ``？`` ``；`` ``：`` ``）`` ``”`` (folded)
LINE_STOPS = "。!?;:)”"
#: punctuation that Chinese typesetting never sets at the start of a line (禁则): a line that opens
#: with one continues the line before, wrapped or not: ``…开展专题研讨4次`` / ``。``
NO_LINE_START = "。,、;:?!)》”’〕]"
#: the ASCII run a line ends with, and the one the next line opens with, in which a wrap may cut an
#: e-mail or web address: ``…邮箱：lyjxc`` / ``@hainan.gov.cn。``
ADDRESS_TAIL = re.compile(r"[A-Za-z0-9._%+@:/-]+$")
ADDRESS_HEAD = re.compile(r"^[A-Za-z0-9._%+@:/-]+")
#: a quotation, whose sentence stops do not end the sentence around it: ``“…有差距。对…欠缺”``
QUOTED = re.compile(r"“[^“”]*”|‘[^‘’]*’")
#: opening and closing quotes and brackets that protect the text inside
OPENERS = "“‘《(〔["
CLOSERS = "”’》)〕]"

#: an ordinal that opens one item of an inline run, at the start or after punctuation or a space
#: (so ``统一是`` never counts): ``一是``, ``二是``, ``第三，``, ``一方面``, ``2.``, ``(3)``, ``④``
#: (search with ``sentences.ordinals``, which tries it only where ORDINAL_START finds a candidate)
_ORDINAL_FIRST = rf"{CN_DIGITS}第另0-9({CIRCLED}"
_ORDINAL_AFTER = "。;,:!? \t、”)"
ORDINAL = re.compile(
    rf"(?=[{_ORDINAL_FIRST}])(?:^|(?<=[{_ORDINAL_AFTER}]))"
    rf"(?:(?P<num>{CN_NUM})是|第(?P<num2>{CN_NUM})[,、:]|(?P<side>一方面|另一方面)"
    rf"|(?P<arabic>[0-9]{{1,2}})(?:、|\.(?![0-9]))|\((?P<paren>[0-9]{{1,2}})\)|(?P<circled>[{CIRCLED}]))"
)
#: where an ORDINAL may start: one of its first characters, at the start or after punctuation: ``，一``, ``。2``
#: (the class comes first and the character before is checked after it, so the engine jumps between candidates
#: at C speed; ORDINAL itself is tried at every position).  Digits here and in ORDINAL and COUNT are ASCII: the
#: view has folded full-width ones, and a class of plain ranges is checked several times faster than ``\d``
ORDINAL_START = re.compile(rf"[{_ORDINAL_FIRST}](?<![^{_ORDINAL_AFTER}].)")

# --------------------------------------------------------------------------
# Problem titles
# --------------------------------------------------------------------------

#: wrappers around a problem's name, tried in order on its first sentence (the quoted ones as a prefix):
#: ``针对“理论学习不扎实”问题``, ``关于“监督管理不够有力”问题的整改``,
#: ``针对意识形态工作重视不够的问题``, ``关于“…”方面问题``; a name may quote a word in the same marks
#: (``关于“支部书记“双带头人”比例偏低”问题的整改``)
TITLE_WRAPPERS = (
    re.compile(r"^(?:针对|关于|对于|就)\s*“(?P<title>[^“”]{1,200}(?:“[^“”]{1,50}”[^“”]{0,200})*)”\s*(?:等)?(?:方面)?(?:的)?(?:问题|情况)?(?:的)?(?:整改(?:情况|落实情况)?)?"),
    re.compile(r"^“(?P<title>[^”]{1,200})”\s*(?:等)?(?:方面)?(?:的)?问题(?:的)?(?:整改(?:情况|落实情况)?)?"),
    re.compile(r"^(?:针对|关于|对于)(?P<title>.+?)的?问题(?:的)?(?:整改(?:情况|落实情况)?)?$"),
    re.compile(r"^(?:存在问题|问题表现|问题描述|问题)\s*:\s*(?P<title>.+)$"),
    #: a paragraph's lead that names the problem before a comma, what was done after it: ``针对食堂采购不规范的问题,…``
    re.compile(r"^(?:针对|关于|对于)(?P<title>[^。;:,“”]{2,60}?)的?问题\s*[,:]"),
)
#: the words of a shortcoming, as problems are stated: ``调查研究不深入``, ``形式主义依然存在``, ``合同管理混乱``,
#: ``作用发挥不充分``, ``未召开村民代表会议`` (an omission: 未 and a verb, never 未来)
SHORTCOMING = re.compile(
    r"不到位|不深入|不严格|不规范|不够|不足|不力|不实|不严|不透|不细|缺失|缺位|缺乏|薄弱|欠缺|流于形式|存在|"
    r"未(?!来)|没有|滞后|不及时|不健全|不完善|不充分|混乱|有差距|有漏洞|有欠缺|短板|弱项|宽松软|偏差"
)

#: a first sentence longer than this is cut at its first clause to make a title
TITLE_MAX = 40

# --------------------------------------------------------------------------
# Section roles (vocabularies, matched against a top heading)
# --------------------------------------------------------------------------

#: ``二、整改落实情况``, ``二、巡察反馈问题集中整改进展情况``, ``二、整改进展情况及成效``; a section that is the
#: table of problems, ``二、整改台账``
ROLE_RECTIFICATION = re.compile(
    r"整改落实情况|落实情况|整改进展|进展情况|任务落实|反馈问题|反馈意见|问题整改|整改事项|具体问题|整改情况|整改台账$"
)
#: ``一、党组履行整改主体责任情况``, ``一、整改工作基本情况``, ``一、巡察整改工作总体情况``
#: ``一、市委及主要负责人组织整改落实情况``, ``一、组织落实整改情况`` (the 巡视 template's first part), in the other
#: order ``一、巡察整改组织落实情况``,
#: ``一、把抓好整改当作政治任务落实到位`` (not ``…作为政治任务，逐项抓好反馈问题整改``)
ROLE_OVERVIEW = re.compile(
    r"主体责任|总体情况|基本情况|组织领导|整改工作开展|提高政治站位|工作开展情况|总体进展|主要做法"
    r"|组织(?:落实)?整改|整改组织落实|主要负责人|(?:当作|作为)[^,;。]{0,4}政治任务(?![^;。]{0,20}(?:反馈问题|具体问题))"
)
#: ``三、下一步工作措施``, ``三、下一步整改打算``, ``四、今后工作``
ROLE_NEXT = re.compile(r"下一步|今后|下步|努力方向")
#: a heading that is nothing but the words of next steps, numbered in the list's style by mistake, never a problem:
#: ``3、下一步打算``, ``4.今后工作措施``
NEXT_STEPS_HEADING = re.compile(r"^(?:下一步|下步|今后)(?:工作|整改)?(?:打算|计划|安排|措施|思路|工作)?$")
#: weaker words for next steps, read only when nothing else matched: ``三、巩固整改成果，建立长效机制``
ROLE_NEXT_WEAK = re.compile(r"工作打算|工作计划|巩固|长效|成果转化")
#: a category heading (as opposed to the wrapper of the problems): ``关于…方面``, ``…存在的问题``
CATEGORY_HEADING = re.compile(r"方面(?:的?问题)?$|存在的问题$|方面存在的问题$")

#: a group that states the status of the problems below it:
#: ``（一）集中整改期内已完成的整改事项``, ``（二）按计划持续推进的整改事项``
STATUS_GROUP = re.compile(
    r"(?P<status>已完成|已整改|已基本完成|持续推进|正在推进|正在整改|推进中|尚未完成|未完成|需长期|长期坚持|阶段性)"
    r".{0,12}(?:整改事项|事项|问题|任务)"
)

# --------------------------------------------------------------------------
# Status vocabulary
# --------------------------------------------------------------------------

#: words that say the work is not finished: ``正在整改``, ``阶段性完成``, ``未完成``
STATUS_IN_PROGRESS = re.compile(r"未完成|尚未|正在|推进中|整改中|阶段性|基本完成|部分完成|逐步|需长期")
#: words that say it is finished: ``整改完成``, ``已完成``, ``已整改到位``, ``已销号``, and ``已整改`` standing alone
#: (``完成情况：已整改``, ``已整改的整改事项``), not ``已整改隐患12处``, a measure
STATUS_COMPLETED = re.compile(r"完成|到位|办结|销号|整改完毕|已整改(?=$|[,;。.、的])")
_COMPLETED_PHRASES = r"已(?:全部|按期)?完成整改|整改已(?:全部)?完成|已(?:全部)?整改(?:完成|到位|完毕)|整改已到位|已销号"
_IN_PROGRESS_PHRASES = r"正在整改|整改正在推进|持续整改中|持续推进中|正在推进中|阶段性完成|基本完成整改|尚未完成整改"
#: explicit phrases inside running text: ``已完成整改``, ``整改已完成``, ``目前正在整改`` (plain words only, no
#: groups around them, so the engine jumps to their first characters; COMPLETED_PHRASE tells which it is)
STATUS_PHRASE = re.compile(f"{_COMPLETED_PHRASES}|{_IN_PROGRESS_PHRASES}")
#: a STATUS_PHRASE that says completed: ``已全部完成整改``, ``已销号``
COMPLETED_PHRASE = re.compile(_COMPLETED_PHRASES)
#: a labelled value that says nothing but a status: ``已完成。``, ``持续推进``, ``已整改到位``, ``整改完成，长期推进``
STATUS_ONLY = re.compile(
    r"^(?:目前|已经?|全部|按期|基本|阶段性|整改|完成|到位|办结|销号|完毕|正在|持续|推进|长期|坚持|常态化|尚未|未|中|并"
    r"|[,;。、.\s])+$"
)
#: work that continues long-term: ``长期推进``, ``长期坚持``, ``持续推进``
LONG_TERM = re.compile(r"长期推进|长期坚持|持续推进|长期整改|常态化推进")
#: fixed at once: ``立行立改``
IMMEDIATE = re.compile(r"立行立改|立知立改|即知即改")

# --------------------------------------------------------------------------
# Preamble and closing
# --------------------------------------------------------------------------

#: a title line: ``…关于…巡察整改进展情况的通报``, ``…整改情况的报告``, ``…的通报（全文）``, and with the page's
#: publication date after it: ``…的通报 (2024-07-26)`` (TITLE_DATE_TAIL), or a table's bar: ``…的通报 |``
TITLE_LINE = re.compile(
    r"(?:通报|报告|公告|公示|通告|情况)(?:\s*\((?:全文|摘要|公开版)\))?(?:\s*\(?\d{4}-\d{1,2}-\d{1,2}\)?)?(?:\s*[|｜])?$")
#: what a title is about: ``…关于…``, ``…巡察…``, ``…整改…``
TITLE_START = re.compile(r"关于|巡[察视]|整改")
#: the word that opens a title's subject, up to which a split title is extended: ``…党组关于十二届市委``
TITLE_ABOUT = "关于"
#: an organisation's name alone on a line (the issuer above a title that opens with ``关于``, or a
#: signature): ``中共某某县交通运输局党组``, ``中共某某市自然资源和规划局(市林业局)党组``
ORG_LINE = re.compile(
    r"^[^,;。:!?“”《》\s]{2,40}(?:党组|党委|党工委|党总支|党支部|委员会|工委|机关|政府|局|厅|办公室|办|院|中心|公司|集团)$"
)
#: the title a web page gives in its metadata block when the text has none: ``文件名称：中共某某局党组关于…的通报``
CHROME_TITLE = re.compile(r"^(?:文件名称|标\s*题)\s*:\s*(?P<title>\S.{4,78})$")
#: the words that open the intro at the start of a line: ``根据市委统一部署，…``
INTRO_OPENING = re.compile(r"^(?:根据|按照|依据|为贯彻|为落实)")
#: the opening of the intro: ``根据市委统一部署，…``, ``…市委第一巡察组对…开展了…``
INTRO = re.compile(INTRO_OPENING.pattern + r"|巡[察视][^。]{0,40}(?:开展|进行)了?")
#: an addressee line: ``市政协办公室党支部：``
ADDRESSEE = re.compile(r"^[^,;。:!?]{2,40}:$")
#: the closing invitation, anywhere in a paragraph: ``欢迎广大干部群众对巡察整改落实情况进行监督``, ``欢迎广大师生对整改
#:工作提出意见建议``, ``群众如有意见,可向…反映``, a contact person and phone (``联系人：唐老师，联系电话：…``);
#: or a contact channel opening the paragraph: ``联系电话：…`` (a measure may mention 联系电话 in passing)
CLOSING = re.compile(
    r"欢迎.{0,30}监督|请.{0,40}监督|如有意见|公开期限|特此通报|特此报告|欢迎.{0,30}提出意见建议|联系人\s*:[^。]{0,12}联系电话"
    r"|^.{0,10}(?:联系电话|联系方式|电子邮箱|邮政信箱|举报电话|监督电话)"
)
#: what makes an invitation the notice's closing rather than a sentence of a measure (``公开举报电话，欢迎群众
#:监督``): it names the rectification, asks for opinions, or gives a channel's value, here or in the next paragraph
CLOSING_CONFIRM = re.compile(r"整改|巡察|巡视|如有意见建议|意见和建议|[:：]\s*[\d(（]|@")
#: a signature's organisation: a short line with no sentence punctuation
SIGNATURE_ORG = re.compile(r"^[^,;。:!?“”《》]{2,40}$")
#: a date alone on its line: ``2026年1月12日``, ``2026年1月21日``
DATE_LINE = re.compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十X×]{1,3}\s*月\s*[\d一二三四五六七八九十X×]{1,3}\s*日$")

# --------------------------------------------------------------------------
# Dates (see dates.py for how they are resolved)
# --------------------------------------------------------------------------

_DATE_NUM = r"\d{1,2}|[一二三四五六七八九十]{1,3}|[Xx×]{1,2}"
_QUAL = r"上旬|中旬|下旬|底|初|末|份|中"

#: one date mention: ``2025年4月21日``, ``2023年X月26日``, ``8月下旬``, ``10月底前``, ``二〇二六年一月十二日``
#: (search with ``dates.date_atoms``, which tries it only in the run of date characters before each ``月``)
DATE_ATOM = re.compile(
    r"(?=[\d〇零一二三四五六七八九十Xx×])"
    rf"(?:(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*)?"
    rf"(?P<m>{_DATE_NUM})\s*月\s*(?:(?P<d>{_DATE_NUM})\s*[日号]|(?P<q>{_QUAL}))?(?P<before>前)?"
)
#: a bare day that ends a range or list: ``至30日``, ``、18日``
DAY_ATOM = re.compile(rf"(?P<d>{_DATE_NUM})\s*[日号](?P<before>前)?")
#: what joins the two ends of a range: ``至``, ``到``, ``-``, ``—``, ``~``, a doubled dash ``——``
RANGE_SEP = re.compile(r"\s*(?:至|到|-|—{1,2}|–|~|－|―{1,2})\s*(?P<next>次年|翌年|第二年)?")
#: the mark that ends a day, after which a month and day run straight on are a range that lost its 至:
#: ``2021年4月12日5月14日``
DAY_MARK = "日"
#: the day of a range's end whose 日 a site dropped, right after its month: ``23`` of ``至2021年7月23市委第五巡察组…`` (read only
#: where the range's start has a day)
LOST_DAY_MARK = re.compile(r"(?P<d>[12]?[0-9]|3[01])(?=[\u4e00-\u9fff,;。])(?![年月日号个名人次项件余多])")
#: what joins items of a list: ``、``, ``和``, ``及``
LIST_SEP = re.compile(r"\s*(?:、|和|及)\s*")


# --------------------------------------------------------------------------
# Inspection metadata (matched against the intro and the title)
# --------------------------------------------------------------------------

#: an ordinal of a team or a round, an anonymised template's placeholder too: ``第二``, ``第12``, ``第X``, ``第*``
_CN_ORD = "[一二三四五六七八九十\\dXx×*]{1,3}"
#: the inspecting team: ``市委第二巡察组``, ``区委巡察二组``, ``市委第一专项巡察组``, ``省委第三巡视组``, a range of
#: teams (``县委第一至第五巡察组``), a team named after its round (``市委第九轮巡察二组``), a village-level team
#: (``区委第三村级巡察组``)
TEAM = re.compile(
    rf"(?:中央|[省市区县州旗盟]委)(?:第{_CN_ORD}轮(?:专项)?巡[察视]{_CN_ORD}组|(?:第{_CN_ORD}(?:[至到~-]第?{_CN_ORD})?)?"
    rf"(?:专项|机动|提级|联动|交叉|村级)?巡[察视](?:{_CN_ORD})?组)"
)
#: a team named by its round and its kind, its number last, with the place of its committee after a stop:
#: ``江州市委第二轮对村(社区)提级巡察“回头看”第二组``, ``县委村(社区)提级巡察“回头看”第二组`` (tried where
#: TEAM_BY_KIND_HINT finds its end)
TEAM_BY_KIND = re.compile(
    rf"(?:(?<=[,;。:\s])[\u4e00-\u9fff]{{2,4}}?)?(?:中央|[省市区县州旗盟]委)(?:第{_CN_ORD}轮)?对?[^,;。“”巡委第]{{0,8}}?"
    rf"(?:专项|机动|提级|联动|交叉)巡[察视](?:“回头看”)?第{_CN_ORD}组")
#: the end of such a team: ``巡察“回头看”第二组``, ``巡察第三组``
TEAM_BY_KIND_HINT = re.compile(rf"巡[察视](?:“回头看”)?第{_CN_ORD}组")
#: a team named without its committee: ``第二巡察组``
TEAM_BARE = re.compile(rf"第{_CN_ORD}(?:专项|机动)?巡[察视]组")
#: a team named by its topic or its linked levels: ``区委营商环境专项巡察组``, ``市委“三资”管理专项巡察组``,
#: ``市委医疗卫生领域第三专项巡察组``, ``县委上下联动巡察组``, ``市区联动巡察组``; the topic never holds another
#: committee or the words of an order (``按照县委部署县委第二专项巡察组`` gives ``县委第二专项巡察组``); the committee
#: may be a school's, a company's or a working committee: ``学校党委“双高”建设专项巡察组``, ``区党工委营商环境专项巡察组``
TEAM_TOPIC = re.compile(
    rf"(?:中央|[省市区县州旗盟]委|(?:学校|校|集团公司|集团|公司|[省市区县])?党工?委)"
    rf"(?:(?![省市区县州旗盟]委|党工?委|部署|统一|安排|要求)[\u4e00-\u9fff“”]){{2,12}}?"
    rf"(?:第{_CN_ORD})?(?:专项|联动)巡[察视](?:工作)?组"
    r"|[省市区县]{2}联动巡[察视]组")
#: a unit's own team, named by the party group or committee that sends it, without a place: ``委党组巡察组`` (a
#: commission's internal inspection), ``集团党委巡察组``, ``厅党组第二巡视组``; a department's party group with its place,
#: whose team may be called 巡查: ``区卫健委党组第二巡查组``
TEAM_PARTY = re.compile(
    rf"(?:[省市区县][\u4e00-\u9fff]{{1,5}}?(?:委|局|厅)|委|厅|局|院|集团|公司|学校)?党[组委](?:第{_CN_ORD})?巡[察视查](?:{_CN_ORD})?组")
#: the core of such a team, a cheap test before TEAM_PARTY (whose optional first part is tried at every position):
#: ``党组巡察组``, ``党委第二巡视``
TEAM_PARTY_HINT = re.compile(rf"党[组委](?:第{_CN_ORD})?巡[察视查]")
#: a court's judicial inspection team, named by the court that sends it: ``白河中院司法巡查组``, ``司法巡查组``
TEAM_JUDICIAL = re.compile(r"(?:[\u4e00-\u9fff]{2}(?:中院|高院))?司法巡查组")
#: what numbers a team, so that it is one team of several: ``第二``, ``巡察二组``, ``第一至第三`` (not ``县委巡察组``)
TEAM_ORDINAL = re.compile(rf"第{_CN_ORD}|巡[察视]{_CN_ORD}组")
#: teams counted, not named: ``派出2个巡察组``, ``4个区委巡察组``, ``三個巡察組`` (view: simplified); an unnumbered team
#: the text names besides (``县委巡察组设有专门电话``) is then all of them, no one team
TEAM_COUNT = re.compile(r"[0-9一二三四五六七八九十两]{1,2}\s*个(?:[省市区县州旗盟]委)?(?:专项)?巡[察视]组")
#: the words before a team the inspected unit works with, which is not the one inspecting it: ``配合省委巡视组``,
#: ``协助中央巡视组`` (looked for right before the team)
TEAM_ASSISTED = re.compile(r"(?:配合|协助)$")
#: how far before a team TEAM_ASSISTED is looked for
TEAM_ASSISTED_REACH = 2
#: a round's intro narrowed to this unit, the team and target after it the notice's own: ``…区委第一至第三巡察组对区属
#: 群团组织开展了联动巡察，其中区委第二巡察组对区科协党组进行了巡察``
NARROWED = re.compile(r"其中\s*[,:]?\s*(?=(?:中央|[省市区县州旗盟]委))")
#: more teams after the first, joined by ``、`` or ``和``: ``市委第一巡察组``+``、第六巡察组``
TEAM_MORE = re.compile(rf"(?:[、和及与]第{_CN_ORD}(?:专项|机动)?巡[察视]组){{1,8}}")
#: the round: ``八届市委第八轮``, ``十二届市委第九轮``, ``省委第三轮``
ROUND = re.compile(rf"(?:[一二三四五六七八九十]{{1,3}}届)?(?:[省市区县州旗盟]委)?第{_CN_ORD}轮")
#: the inspected unit and the kind of inspection: ``对市政协机关党组开展了常规巡察``, ``对我局进行了为期45天的巡察``,
#: ``对区房管局党组进行了为期40天的政治巡察``,
#: ``进驻县教育局开展常规巡察``, two kind words ``进行了提级交叉巡察``, a quoted kind ``开展了“机动式”巡视``,
#: a quoted topic ``开展了“双高”建设专项巡察``, a company's round ``开展了集团公司第一届党委第三轮巡察``, a department's
#: 巡查 (``对石桥镇卫生院党支部开展了巡查``), a topic before 专项 without 的 (``开展了工程建设项目上下联动专项巡察``)
TARGET = re.compile(
    r"(?:对|进驻)(?P<target>[^,;。]{2,60}?)(?:开展|进行|实施)了?\s*(?:为期(?P<days>[\d一二三四五六七八九十两]{1,3})\s*(?P<unit>天|个月)的)?"
    r"(?:[^,;。]{0,12}?的|[^,;。“”]{2,12}?(?=(?:上下联动)?专项))?(?:[^,;。“”]{0,12}?第[一二三四五六七八九十\d]{1,3}轮)?"
    r"(?:“[^”,;。]{1,8}”[^,;。“”巡]{0,4})?"
    r"(?P<kind>“?(?:常规|专项|机动|提级|联动|上下联动|交叉|延伸|回头看|政治){0,2}式?”?巡[察视查])"
)
#: what makes a target phrase a concurrent inspection's, the unit's own following it:
#: ``在对全县脱贫攻坚开展专项巡察的同时,对我院党委进行了…专项巡察``
CONCURRENT = "的同时"
#: an alias in a unit's name: ``（以下简称“局党组”）``, ``(简称担保公司)``
ALIAS = re.compile(r"\((?:以下)?简称[^)]{0,20}\)")
#: a first-person unit: ``我局``, ``我委``, ``我单位``, ``我厅党组``
FIRST_PERSON = re.compile(r"^我(?:局|委|单位|部|院|办|会|校|所|中心|公司|厅|署|站|馆|队|支部|机关)(?:党组|党委|机关|党支部|领导班子)?$")
#: a place in the first person: ``对我市进行了巡视``, resolved to the place the issuer names (``中共廊坊市委``)
FIRST_PERSON_PLACE = re.compile(r"^我(?P<kind>[省市县区州旗盟])$")
#: the sentence that reports feedback: ``…向市政协机关党组反馈了巡察意见``
FEEDBACK = re.compile(r"反馈")
#: the words before a 反馈 that make it a meeting's business, not the feedback itself: ``领导小组会议审议了反馈意见``
FEEDBACK_REVIEWED = re.compile(r"(?:审议|审定|研究|听取)了?[^,;。]{0,4}$")
#: how far before a 反馈 those words are looked for
FEEDBACK_REVIEWED_REACH = 8
#: a round's period as an announcement gives it, with no team nor target in the sentence, its end after a comma:
#: ``十二届区委第二轮巡察于2024年4月8日开始,至6月14日结束``
ROUND_PERIOD = re.compile(r"轮巡[察视]于[^。;]{4,16}?开始[,，]?至")
#: the rectification window, which is not the inspection period: ``进行了三个月的集中整改``
RECTIFICATION_WINDOW = re.compile(r"集中整改|整改期|整改时间")
#: the issuer before ``关于`` in a title: ``中共枣庄市政协机关党组关于…``
#: or a party body's name before ``落实`` in a plan's title with no 关于: ``中共临沅市统计局党组落实市委第四巡察组反馈意见整改工作方案``
ISSUER_IN_TITLE = re.compile(r"^(?P<issuer>.{2,40}?(?=关于)|[^关]{2,40}?(?:党组|党委|委员会|党工委|党总支|党支部)(?=落实))")

# --------------------------------------------------------------------------
# Declared counts
# --------------------------------------------------------------------------

_N = "(?:\\d{1,4}|[一二三四五六七八九十百两]{1,5})"
#: _N written to open with a character class (the first digit or numeral, then more of the same kind)
_N_LEADING = "[\\d一二三四五六七八九十百两](?:(?<=\\d)\\d{0,3}|(?<!\\d)[一二三四五六七八九十百两]{0,4})"
# (a pattern the engine can search fast opens with a character class or with plain words; one that opens
# with a lookahead, a lookbehind or a group of mixed alternatives is tried in full at every position)
#: ``3大方面17个分项问题``, ``4个方面37个问题``, ``4类21个``
#: and a total after the items: ``3个方面6项共11个问题`` (problems 11); with a ``、`` between: ``4个方面、16个主要问题``;
#: a class level between: ``3个方面4类8个问题`` (problems 8), ``3个方面10类问题`` (no problem count); ``3方面共6个问题``;
#: the aspects alone: ``反馈的5个方面问题``; aspects called large (``3个大方面19个大项的问题``); three levels, aspects, items
#: and the problems they hold: ``4个方面14项28个具体问题`` (problems 28); ``5个方面的问题``; the count redacted: ``4个方面XX个问题``
DECLARED_CATEGORIES = re.compile(
    rf"(?P<cat>{_N_LEADING})\s*(?:个?大|个)?(?:方面|类)\s*[、,]?\s*(?:的)?\s*(?:{_N}\s*类\s*(?:问题)?\s*)?(?:共\s*)?"
    rf"(?:(?P<prob>{_N})\s*(?:个|项|条)(?:共\s*(?P<total>{_N})\s*(?:个|项|条)"
    rf"|(?<=项)\s*(?P<items>{_N})\s*个(?=(?:具体|突出|主要)?问题))?|(?<=类问题)|(?<=方面)问题|(?<=方面的)问题"
    rf"|X{{1,3}}\s*(?:个|项|条))"
)
#: ``反馈的25个具体问题``, ``共反馈问题25个``, ``问题清单21项`` (and DECLARED_PROBLEMS_BEFORE); the noun first:
#: ``反馈面上问题741个``, ``指出…存在的问题36个``, ``巡察指出问题18个``, ``梳理出问题14个、整改任务37项``, ``共需整改问题286项``, ``反馈问题共8项`` (never the aspects the problems
#: fall in: ``存在问题3个方面``); the total after the items listed: ``…等2个问题，共计11个问题``; items handed over, counted
#: in 件: ``共移交立行立改事项3件`` (whose done and unfinished counts are then in 件 too: ``已完成2件,1件正在推进``)
DECLARED_PROBLEMS = re.compile(
    rf"反馈(?:[^。;]{{0,12}}?(?P<n>{_N})\s*(?:个|项|条)(?:具体|分项)?问题|[^。;,\d]{{0,4}}?问题\s*共?\s*(?P<n2>{_N})\s*(?:个|项|条)"
    rf"(?!\s*(?:方面|类|大类)))"
    rf"|问题清单\s*(?P<n3>{_N})\s*(?:个|项|条)|(?:存在|指出|梳理出|需整改)的?(?:主要|突出)?问题\s*(?P<n4>{_N})\s*(?:个|项|条)(?!\s*(?:方面|类|大类))"
    rf"|共计\s*(?P<n5>{_N})\s*(?:个|项|条)问题|事项\s*(?P<n6>{_N})\s*件"
)
#: the count before the words that say whose problems: ``31个省委巡视反馈问题``, ``17个巡察反馈的问题``;
#: matched on the few characters before each FEEDBACK_PROBLEMS (a pattern that opens with a number
#: would be tried at every numeral of the text)
DECLARED_PROBLEMS_BEFORE = re.compile(rf"(?P<n>{_N})\s*(?:个|项|条)[^,;。\d]{{0,8}}$")
#: ``反馈问题``, ``反馈的问题``
FEEDBACK_PROBLEMS = re.compile(r"反馈(?:的)?问题")
#: how far before 反馈问题 its count may stand: ``31个省委巡视`` + 反馈问题
BEFORE_FEEDBACK_REACH = 14
#: ``已完成的整改事项有8个``, ``已整改完成34个``, the items named before the count: ``已完成整改的有…、…等9个问题``, ``已完成整改12项``, and in a round's summary with no 已:
#: ``完成整改112个``, ``已整改到位14个``, ``已整改落实8个``, ``已整改6个``; never ``基本完成6个``, ``未完成2个``, ``阶段性完成整改3个``
#: (opens with its plain words, so the engine jumps to each 完成 and 已整改)
DECLARED_COMPLETED = re.compile(
    rf"(?:完成(?<!基本完成)(?<!未完成)(?<!未能完成)(?<!阶段性完成)(?<!尚未完成)|已整改(?:到位|落实)?)"
    rf"(?:整改)?(?:的整改事项|的问题|的事项|的(?=有))?(?:有|共)?(?:(?<=的有)[^。;]{{1,60}}?等)?\s*(?P<n>{_N})\s*(?:个|项|条|件)"
    rf"(?!、?[^、,;。]{{1,4}}一[个项条])"  # not a working slogan: ``完成一项、销号一项``, ``完成一项销号一项``
)
#: the count first, then that it is done: ``在96项具体整改任务中，68项已经完成``, ``需要立行立改的31项已全部整改到位``
#: ``8个问题均已整改到位`` (not the total before its done count: ``9个问题已整改完成7个``)
DECLARED_COMPLETED_AFTER = re.compile(
    rf"(?P<n>{_N_LEADING})\s*(?:个|项|条)(?:问题|任务|事项)?均?已(?:经)?(?:全部)?(?:完成|整改到位|整改完成)(?![^,;。\d]{{0,3}}\d)")
#: ``已取得明显成效的17个``, ``阶段性完成整改3个``, ``正在整改5项``, ``剩余3项正在推进``, ``持续整改2个``,
#: ``需要长期坚持的53项``, the items named before the count: ``正在整改的有…等2个问题``
#: (``剩余`` and ``持续整改`` take their count at once: the words between apply to the other openings only)
DECLARED_IN_PROGRESS = re.compile(
    rf"(?:已取得明显成效|取得阶段性成效|阶段性完成(?:整改)?|基本完成(?:整改)?|正在(?:整改|推进)|持续推进|持续整改|需要?长期坚持(?:整改)?|未完成|剩余)"
    rf"(?:(?<!剩余)(?<!持续整改)(?:的)?(?:整改事项|问题|事项)?(?:有|共)?(?:(?<=的有)[^。;]{{1,60}}?等)?)?\s*(?P<n>{_N})\s*(?:个|项|条)"
)
#: the count first, opening a clause, maybe after the words for the rest: ``已整改完成7个，2个正在持续推进``,
#: ``，3项仍在整改``, ``，其余4个正按计划推进``, ``，其余4个按计划持续推进``, ``，另有2个正在持续推进``,
#: ``，其余4个需长期推进的…``, ``，2个取得阶段性进展``, ``，其余2个已取得阶段性成效``, ``，1个需长期坚持``,
#: the problems described before the phrase: ``，2个涉及历史遗留用地的问题正在分步解决``
DECLARED_IN_PROGRESS_AFTER = re.compile(
    rf"[,;]\s*(?:其余|其他|另有|剩余)?\s*(?P<n>{_N})\s*(?:个|项|条|件)(?:问题|事项|[^,;。\d]{{1,16}}?的(?:问题|事项))?\s*"
    rf"(?=[正仍需按持已取])(?:(?:正在|仍在|正|需)?(?:按计划|按时序|按进度|分步)?(?:长期)?(?:持续)?(?:整改|推进|解决)"  # (not ``，84项整改措施``)
    rf"|已?取得阶段性(?:进展|成效)|需要?长期坚持)"
)
#: the rest of a count of done ones, in the clause right after it, whatever it says of them but that they are done:
#: ``已完成整改11个，其余2个已制定计划，持续整改``, ``已完成整改10个，其余2个正在按时序推进``
DECLARED_REST = re.compile(
    rf"[,;]\s*(?:其余|剩余)\s*(?P<n>{_N})\s*(?:个|项|条)(?:问题|事项)?(?!\s*(?:均已|已经?)?(?:全部)?(?:完成|整改到位|整改完成|销号))")
#: the problems broken down into tasks or measures, whose counts in that word are the tasks', not the problems':
#: ``对…反馈的5个方面问题，细化为146项具体任务，…已完成119项，其余27项正在推进``, ``分解为39项整改任务``
TASKS_BROKEN_DOWN = re.compile(
    rf"(?:细化|分解|梳理)(?:为|成)\s*(?P<n>{_N})\s*(?P<unit>项|条|个)[^,;。\d]{{0,6}}?(?:任务|措施|举措)")
#: a count of measures or tasks done, named so: ``已完成整改措施97项``, ``完成整改任务40条``
MEASURES_DONE = re.compile(rf"完成(?:整改)?(?:措施|任务|举措)\s*{_N}\s*(?:项|条|个)")
#: the rest still to be done by a date: ``另有9项整改任务将于年内完成``, ``另有2个问题将于6月底前完成``
DECLARED_IN_PROGRESS_DUE = re.compile(rf"另有\s*(?P<n>{_N})\s*(?:个|项|条)[^,;。\d]{{0,6}}?将于[^,;。]{{1,8}}?完成")
#: a round's summary may say what 基本完成 means before its count: ``基本完成取得阶段性成果并持续整改问题4个``
DECLARED_IN_PROGRESS_SAID = re.compile(rf"基本完成[^,;。、\d]{{1,24}}?问题(?P<n>{_N})\s*(?:个|项|条)")
#: a full stop of a counting sentence, ``。`` or an ASCII ``.`` a site set for it (``…已完成整改5个,持续推进2个.``), not a
#: decimal point or a web address's dot (``81.8%``, ``www.gov.cn``)
COUNT_STOP = re.compile(r"[。.](?<![0-9A-Za-z]\.)")
#: every problem declared done, no count of its own, in the sentence that counts them: ``反馈的3大方面15个具体问题，团县委已
#: 全部完成整改``, ``…均已整改到位`` (the count is then the problems')
ALL_DONE = re.compile(r"(?:已|均已)全部(?:完成整改|整改完成|整改到位|整改完毕)(?![^,;。]{0,6}[0-9])")
#: ``整改完成率76%``, ``完成率达到92.5%``, ``整改率87.5%``
DECLARED_RATE = re.compile(r"(?:完成|整改)率\s*(?:为|达到|达)?\s*(?P<r>\d{1,3}(?:\.\d+)?)\s*%")
#: the publicity window: ``公开期限：2026年1月21日至2026年2月28日``
PUBLICITY = re.compile(r"公示期|公开期限|公示时间|公开时间")

# --------------------------------------------------------------------------
# Contacts (matched against the closing and other non-problem text)
# --------------------------------------------------------------------------

#: a landline with area code or a mobile, separators allowed: ``0475-7923888``, ``(0763)3360554``,
#: ``196 0475 0533``, ``0768－2100022``, ``0731-8888 6666``
PHONE = re.compile(
    r"(?<![\d@.])(?:\(0\d{2,3}\)\s?\d{3,4}[\s-]?\d{4}|0\d{2,3}\s?[-—]?\s?\d{3,4}[\s-]?\d{4}(?:-\d{1,5})?"
    r"|1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|12388)(?![\d@])"
)
#: an e-mail address: ``157259369@qq.com``
EMAIL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,4}\.[A-Za-z]{2,10}")
#: a postcode after its label: ``邮政编码：521000``, ``邮编511500``
POSTCODE = re.compile(r"(?:邮政编码|邮编)\s*[:]?\s*(?P<v>\d{6})(?!\d)")
#: a postal mailbox after its label, up to the next separator, a postcode in brackets or the team it is forwarded to:
#: ``邮政信箱：湘桥区党政办公大楼4楼区政协办公室（409室）``, ``邮政信箱:某市2206邮箱(邮编:528611)``,
#: ``邮政信箱:某市2206邮箱转市委第二巡察组收`` (the box: ``某市2206邮箱``), ``邮政信箱地址为…`` (the box after the label's
#: words); never the words after a quoted box's name (``通过“某市3号邮政信箱”向我们反映``: MAILBOX_QUOTED reads it); a 、
#: ends it only before another channel (``…(409室)、邮政编码：…``), not between two places of one address
#: (``石门镇、青龙苗族乡人民政府巡察工作联络室``)
MAILBOX = re.compile(
    r"邮政信箱\s*(?:地址)?\s*(?:为|是)?\s*[:]?\s*(?P<v>(?![”’」』为是地])(?:(?!\(\s*邮|转|、\s*(?:邮|电|联系|网|举报|传真))[^;。,:]){4,80})")
#: a postal box named whole in quotes, with no label: ``通过“海州市3号邮政信箱”向我们反映`` (the box: ``海州市3号邮政信箱``; tried
#: where a closing quote stands)
MAILBOX_QUOTED = re.compile(r"“(?P<v>[^“”,;。]{2,30}?邮政(?:专用)?信箱)”")
#: a local number without its area code, after a phone's label: ``联系电话:6238415(工作日9:00-17:00)``, ``举报电话：88126650``
#: (not a count of calls: ``接听电话3100000余次``)
PHONE_LOCAL = re.compile(r"(?:电话|热线)\s*:?\s*(?P<v>[2-9]\d{6,7})(?![\d@.\-余多个次件人名条])")
#: a postal box named whole in a table's cell, without a label, up to the team it reaches: ``澄州市南港区C20451邮政专用
#: 信箱区委专项巡察一组收`` (search where ``专用信箱`` stands)
MAILBOX_CELL = re.compile(r"(?P<v>[^|｜,;。:\s]{2,30}邮政专用信箱[^|｜,;。:\s]{0,20}?收)")
#: what a mailbox's value holds, a number or a place: ``某市2206邮箱``, ``湘桥区党政办公大楼4楼`` (not the words of a
#: sentence naming the channel: ``邮政信箱公布如下``, ``邮政信箱和电子邮箱``)
MAILBOX_VALUE = re.compile(r"[0-9]|[省市区县镇乡街路楼]")
#: a street address after its label, up to a postcode in brackets: ``来信地址：清远市清城区人民二路18号``,
#: ``来信请寄：某某区政务中心3楼（邮编：211500）``
ADDRESS = re.compile(
    r"(?:来信地址|通信地址|通讯地址|邮寄地址|联系地址|来信请寄至?|信函请寄至?|地址)\s*[:]\s*"
    r"(?P<v>(?:(?!\(\s*邮)[^;。,、:]){4,80})"
)
#: a web address: ``http://www.qy.gov.cn``
WEBSITE = re.compile(r"(?:https?://|www\.)[A-Za-z0-9./?=_%&#-]{3,200}")
#: who a second channel reaches: ``也可向市纪委监委派驻…纪检监察组反映``, ``也可径向区委巡察办反映``
OWNER = re.compile(r"向(?P<owner>[^,;。:]{2,60}?)(?:反映|举报|来信|联系)")
#: words that make an owner mean "us", the issuer
OWNER_SELF = re.compile(r"^(?:我们|我单位|我局|我委|本单位|我部|我院|我办)$")
#: website furniture near a number: ``版权所有 … | 违法和不良信息举报电话: …``
FURNITURE = re.compile(CHROME_FOOTER_WORDS)

# --------------------------------------------------------------------------
# Entities inside a problem
# --------------------------------------------------------------------------

_CN_AMOUNT = "[零一二三四五六七八九十百千万两]{1,8}"
#: money: ``22120元``, ``7230.3元``, ``7.132万元``, ``3亿元``, ``三万元``
MONEY = re.compile(rf"(?=[\d零一二三四五六七八九十百千万两])(?P<n>\d{{1,12}}(?:\.\d{{1,4}})?|{_CN_AMOUNT})\s*(?P<unit>亿元|万元|千元|元)")
#: percent: ``11.35%``, ``百分之九十``
PERCENT = re.compile(rf"(?P<n>\d{{1,3}}(?:\.\d{{1,4}})?)\s*%|百分之(?P<cn>{_CN_AMOUNT})")
#: a document number: ``中办发〔2021〕57号``, ``清政办[2014]3号``
DOCUMENT_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,12}[〔\[(]\s*\d{4}\s*[〕\])]\s*\d{1,5}\s*号")
#: the bracketed year and number alone: ``〔2021〕57号``; a cheap test before DOCUMENT_NUMBER,
#: whose leading run of Han characters is tried at every position
DOCUMENT_NUMBER_TAIL = re.compile(r"[〔\[(]\s*\d{4}\s*[〕\])]\s*\d{1,5}\s*号")
#: a regulation or document title: ``《消防法》``
REGULATION = re.compile(r"《(?P<name>[^《》\n]{1,120})》")
#: a count with its measure word and up to two characters of its noun, which a function word ends:
#: ``26项制度``, ``4名职工`` (of ``4名职工排查``), ``67次`` (of ``67次的``)
#: (the first digit comes first and the character before it is checked after it: a pattern that opens with a
#: character class lets the engine jump between digits instead of trying the whole pattern at every position)
COUNT = re.compile(
    r"(?P<n>[0-9](?<![0-9.][0-9])[0-9]{0,5})\s*(?P<unit>项|个|次|名|人|份|笔|条|家|间|批|场|期|篇|件|处|台|辆|本|册|户)"
    r"(?P<noun>(?:(?![的了和及与并等在对为是已])[\u4e00-\u9fff]){0,2})"
)

# --------------------------------------------------------------------------
# Keywords
# --------------------------------------------------------------------------

#: a word that may be a keyword: Han characters only, so no digits, letters or punctuation: ``公务用车``
HAN_WORD = re.compile("[\u4e00-\u9fff]+")


# --------------------------------------------------------------------------
# The rectification ledger: problems as a table (fields/ledger.py)
# --------------------------------------------------------------------------

#: what sets a table's cells apart on a line: a tab (a Word or HTML table as the readers write it) or a
#: run of spaces (a table copied as aligned text): ``1\t理论学习不深入\t已完成``, ``1   理论学习不深入   已完成``
LEDGER_SEPARATOR = re.compile(r"\t+|[ \u3000\xa0]{2,}")
#: what sets a table's cells apart on a row copied from a web table as text: a bar, with or without spaces
#: around it, and a bar at either edge: ``1 | 理论学习不深入 | 已完成 |``, ``｜问题｜整改措施｜``
LEDGER_BAR = re.compile(r"[ \u3000\xa0]*[|｜][ \u3000\xa0]*")
#: a rule row under a header (a Markdown table's ``|---|:---:|``): no cell holds anything but dashes and colons
LEDGER_RULE_CELL = re.compile(r"^[-:—－=]*$")
#: the column that names the problem: ``问题``, ``反馈问题``, ``巡察反馈问题``, ``存在问题``, ``问题描述``
LEDGER_PROBLEM = re.compile(r"^(?:巡[察视])?(?:反馈|存在|具体|主要|发现)?(?:的)?问题(?:描述|表现|清单|内容|名称)?$")
#: a header's problem column and the separator after it, which a text must hold to carry a ledger:
#: ``反馈问题\t整改措施``, ``问题描述    整改情况``, ``反馈问题 | 整改措施`` (plain words first, so the engine jumps to each 问题;
#: one character tested after the name for each way, as the name's end is tried at up to five places)
LEDGER_HINT = re.compile(r"问题[^\s,;。:|｜]{0,4}(?:[\t|｜]|[ \u3000\xa0][ \u3000\xa0|｜])")
#: the numbering column: ``序号``, ``编号``
LEDGER_NUMBER = re.compile(r"^(?:序号|编号|序)$")


# --------------------------------------------------------------------------
# Thresholds: the numbers the layout and field stages decide by
# --------------------------------------------------------------------------

# Rejoining wrapped lines (layout/paragraphs.py)
#: in a wrapped text, a line of at most this many Han characters and nothing else is the end of the line before it
#: that the wrap cut off, when that line ended no sentence: ``(1)支委会学习上级精神不及时,学习记录缺`` / ``失``
ORPHAN_MAX = 2
#: in a wrapped text, a line opening with the last character or two of a sentence the wrap cut off the heading
#: above it, a line short of the edge for its half-width marks: ``1.…未经党委前置研`` / ``究。整改情况:…``
SENTENCE_STUB = re.compile(r"^[\u4e00-\u9fff]{1,2}[。;]")
#: a document is wrapped when at least this share of its lines is full
WRAPPED_SHARE = 0.35
#: ... or this share, when no line runs past the common width (a hard cap, as a PDF column sets);
#: a notice of many short headings and labels has few full lines even when every paragraph is wrapped
CAPPED_SHARE = 0.25
#: no line longer than this share of the common width: the lines are capped
CAP = 1.1
#: ... or when this many lines stop at the widest width, each cut in mid-sentence: a notice of short
#: lines whose few long paragraphs were wrapped (a cut line ending in ``。`` may be a whole paragraph)
CUT_AT_CAP = 3
#: a line is full when it reaches this share of the wrap width
FULL_SHARE = 0.86
#: ... but a text whose full lines end a sentence at least this often is set one paragraph a line, whatever
#: their widths (a short page of long paragraphs: ``…打了折扣。2024年10月,…网络逐步织密。``); a wrap cuts lines anywhere
ENDED_SHARE = 0.5
#: narrower than this, lines are a list of short items, not wrapped prose
MIN_WRAP_WIDTH = 16
#: a heading wraps over at most this many lines; a longer group is a paragraph
HEADING_LINES = 4
#: what a finished line ends with
LINE_END = frozenset("。!?:”;")
#: the wrap width is the width this share of the lines stays within: ``0.9`` ignores the longest tenth
WRAP_WIDTH_QUANTILE = 0.9
#: a wrap width above this is not a page column: unwrapped prose
MAX_WRAP_WIDTH = 120
#: in a wrapped text no line runs past this multiple of the wrap width
WRAP_OVERRUN = 1.5

# Headings (layout/tree.py) and problems (fields/problems.py)
#: a heading that reads like a section title is at most this long: ``下一步打算``
HEADING_LIKE_MAX = 30
#: a sub-point (a numbered measure under a problem) is at most this long
SUB_POINT_MAX = 60

# Titles (fields/preamble.py; TITLE_MAX above is for a problem's title)
#: a title is at most this many lines
TITLE_LINES = 3
#: one line of a split title is at most this long
TITLE_PART_MAX = 40
#: a whole title is at most this long
TITLE_MAX_LEN = 80

# Contacts (fields/contacts.py)
#: how far back from a number the furniture words are looked for: ``违法和不良信息举报电话: 0755-…``
FURNITURE_REACH = 40
#: how far back from a contact its owner is looked for (a sentence of a notice is shorter), so that a
#: line of a thousand phone numbers costs a thousand short looks, not a thousand looks at the whole line
OWNER_REACH = 300

# Diagnostics (fields/checks.py)
#: a last line longer than this without a final stop was cut off: ``…整改进展：已于8月初组织财务``
CUT_OFF_LEN = 40


# --------------------------------------------------------------------------
# Document kind (fields/kind.py): what the document is, from its headline, then from its text
# --------------------------------------------------------------------------

#: the character that masks noise inside a line (a pinyin gloss, inline page debris), one for one: ``\\x00``
NOISE_CHAR = "\x00"
#: a run of text between masked characters (a traditional repost's pinyin debris, masked as NOISE_CHAR):
#: ``縣委`` and ``巡察組`` in ``縣委\x00\x00\x00巡察組``
UNMASKED = re.compile(f"[^{NOISE_CHAR}]+")

#: the kinds a document may be (schema 1.2 ``kind``)
KINDS = ("rectification", "announcement", "feedback", "plan", "mobilisation", "summary", "other")

#: a kind's words in a headline (the title, else the first short line), tried in this order, the first
#: that matches decides; a rectification title may name the feedback it answers (``关于巡察反馈意见整改
#: 落实情况的报告``), so the neighbours' words are written not to reach a following 整改
KIND_HEADLINE: tuple[tuple[str, re.Pattern[str]], ...] = (
    #: a report of rectification done, whatever feedback or plan it names first: ``…关于县委巡察反馈意见整改方案
    #: 落实情况的报告``, ``…关于县委第二巡察组反馈意见落实情况的通报``, ``…关于巡察整改落实工作的公告``,
    #: ``…巡察整改暨督察反馈问题整改情况的通报``
    ("rectification", re.compile(
        r"(?:落实|整改|整改进展)情况[^。,、]{0,3}(?:通报|报告|公告|公示)|整改(?:工作)?进展[^。,、]{0,6}(?:通报|报告)"
        r"|整改落实工作[^。,、]{0,3}(?:通报|报告|公告|公示)")),
    #: ``关于区委第二巡察组反馈意见的整改方案``, ``巡视反馈意见整改落实方案``, ``巡察整改督导工作方案``, ``巡察整改任务清单``
    ("plan", re.compile(r"整改[^。,、]{0,4}方案|整改(?:任务|责任)清单")),
    #: ``十三届县委第五轮巡察完成进驻``, ``县委巡察组完成进驻工作`` (news of the entry, with its channels)
    ("announcement", re.compile(r"完成进驻")),
    #: ``区委第三巡察组巡察区财政局党组工作动员会召开``, ``市委第三巡察组进驻市检察院开展政治巡察`` (the entry's day
    #: is its mobilisation meeting's)
    ("mobilisation", re.compile(r"动员(?:部署)?会|巡[察视](?:工作)?动员|进驻[^。]{2,30}开展")),
    #: ``区委第一巡察组召开巡察反馈会``, ``市委第四巡察组向市体育局党组反馈巡察情况``, ``集中完成…巡察反馈``
    ("feedback", re.compile(r"反馈会|反馈(?:巡[察视])?(?:意见|情况)(?![^。]{0,12}整改)|巡[察视](?:完成)?反馈$")),
    #: ``中共某某县委第二巡察组巡察公告``, ``公告`` (not ``…整改情况的公告``; a headline's bare ``进驻`` may be a
    #: mobilisation meeting's news, and is read in the text, after 动员会)
    ("announcement", re.compile(r"巡[察视](?:工作)?公告|(?<!情况的)(?<!情况)公告$")),
    #: ``十二届区委第五轮巡察工作综述``, ``…轮巡察工作情况的报告``, ``…轮巡察工作情况的综合报告`` (综合 seen on one
    #: unit's page only: docs/NOTICES.md)
    ("summary", re.compile(r"综述|工作总结|轮巡[察视](?:工作)?(?:情况|开展情况)(?:的)?(?:综合)?(?:报告|通报)")),
    #: ``市委巡察工作领导小组听取第五轮巡察情况汇报``, a check on the rectification (``开展巡察整改“回头看”督查``),
    #: a court's judicial inspection (``开展政治督察与司法巡查工作``, by its 督察): neither a notice nor a named neighbour
    ("other", re.compile(r"听取[^。]{0,24}汇报|督[查察]")),
    #: ``…关于巡察整改进展情况的通报``, ``…巡视整改情况的报告``, ``…集中整改落实情况``
    ("rectification", re.compile(
        r"整改(?:工作)?(?:进展|落实|成效)(?:情况)?|整改(?:工作)?情况|整改[^。]{0,8}(?:通报|报告|公告|公示)")),
    #: ``…召开巡察整改专题民主生活会``, ``…对照检查材料``
    ("other", re.compile(r"民主生活会|对照检查|警示教育")),
)
#: a headline is at most this long and holds no stop: ``市委第三巡察组向市林业局党组反馈巡察情况``
KIND_HEADLINE_MAX = 60
#: without a title, the headline is looked for among this many first lines (a page's greeting may come first)
KIND_HEADLINE_LINES = 4
#: a page's navigation, never a headline: a breadcrumb or a menu (``巡察工作 > 巡察公告``, ``首页 | 巡察动员 |
#: 巡察整改``), a field of the page's metadata (``标题:…``)
HEADLINE_NOT_SENTENCE = re.compile(r"[>|｜»＞/]|:")
#: a breadcrumb's or a menu's separator, never in a title: ``巡察工作 > 巡察公告``, ``首页 | 巡察整改``
NAV_SEPARATOR = re.compile(r"[>|｜»＞]")
#: a headline shorter than this is a column's label (``巡察反馈``, ``通知公告``), unless HEADLINE_SHORT
HEADLINE_MIN = 8
#: a web page's info line under its headline: the publication date with its source, hits or author, or the source
#: alone: ``发布时间:2018-11-06  点击数:982``, ``2020-06-11 09:42:17 | 来源: 黄南纪委网``, ``来源:澄江日报``
INFO_LINE = re.compile(
    r"^(?:发布时间|发布日期|来\s*源)\s*:|^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[|｜]?\s*来\s*源")
#: how many first lines (blank ones included) are looked at for an info line
INFO_LINE_LINES = 12
#: the stop a headline above an info line never holds (a news headline may cry out: ``問責312人!…通報巡視整改進展``)
INFO_HEADLINE_STOP = "。"
#: a short headline that names a document, not a column: ``巡察公告``, ``县委第二巡察组巡察公告``
HEADLINE_SHORT = re.compile(r"^[\u4e00-\u9fff]{0,4}巡[察视]公告$")

#: the rectification notice's own formula in its text, which decides before anything else the text says,
#: since a notice also tells of its feedback and mobilisation meetings (``局党组召开整改动员部署会``):
#: ``现将巡察整改进展情况通报如下``, ``现将巡视整改情况予以公布``, ``现将巡察整治情况予以公布``
KIND_FORMULA = re.compile(r"现将[^。]{0,30}整[改治][^。]{0,16}(?:通报|公布|报告|公告|公示)")

#: the body's own structure, the strongest evidence after the title and the formula: a line labelled with the
#: rectification's progress or result under a problem (a plan lists measures and deadlines, never progress):
#: ``整改情况：已完成``, ``整改进展：制定了制度``, ``完成情况：已整改到位``, ``【整改结果】…``
KIND_STRUCTURE_LABEL = re.compile(
    r"^[【\[]?\s*(?:整改(?:落实)?情况|整改进展(?:情况)?|整改措施[和及]进展(?:情况)?|完成情况|整改结果|整改成效)")

#: a top section's heading that reports the rectification's progress, over problems (headings or labelled lines
#: under it): ``二、整改落实情况``, ``二、反馈问题整改进展情况``, ``一、具体问题完成情况`` (a plan's sections say
#: ``整改任务``, ``反馈问题及整改措施``)
KIND_STRUCTURE_HEADING = re.compile(r"整改(?:落实)?情况|整改进展|落实情况|完成情况")

#: a news item opens on the day of its event (``11月8日，市委第五巡察组向…反馈巡察情况。``): the first sentence
#: with a date, when it holds one day and no period, says what the event was, tried in this order
KIND_LEAD: tuple[tuple[str, re.Pattern[str]], ...] = (
    #: ``…召开巡察反馈问题整改专题民主生活会``, ``领导小组召开会议，听取…汇报``, ``…召开巡察整改情况通报会``,
    #: ``…督查组对省肿瘤医院巡察整改落实情况开展调研督查`` (whatever they are about; 领导小组…会议 and 通报会 seen
    #: on one unit's page each: docs/NOTICES.md)
    ("other", re.compile(r"民主生活会|听取[^。]{0,30}汇报|领导小组[^。]{0,6}会议|通报会|督[查察]")),
    #: ``…召开巡察工作动员会``, ``…巡察组进驻…召开动员部署会``
    ("mobilisation", re.compile(r"动员")),
    #: ``…向市机关事务管理局党组反馈巡察情况``, ``…集中反馈了意见``
    ("feedback", re.compile(r"反馈")),
)

#: a kind's words anywhere in the running text, when neither the headline, the formula nor the lead
#: decided, tried in this order
KIND_TEXT: tuple[tuple[str, re.Pattern[str]], ...] = (
    #: an announcement's own words: ``巡察期间主要受理反映…的来信来电来访``, ``信访受理截止时间``
    ("announcement", re.compile(r"来信来电来访|信访(?:受理)?截止时间")),
    #: a plan's own sections, which schedule what a notice reports (its steps may name a mobilisation meeting to come):
    #: ``四、进度安排``, ``五、保障措施``, ``二、整改目标`` (an outline run into one line too: ``【提纲】一、总体要求,…``)
    ("plan", re.compile(r"[一二三四五六七八九十]{1,2}、\s*(?:进度安排|保障措施|整改目标)")),
    #: the news that a mobilisation meeting was held, which tells the channels too: ``…巡察动员会召开``,
    #: ``…召开巡察工作动员会`` (an announcement with a deadline may tell of the meetings as well, and is decided above)
    ("mobilisation", re.compile(r"动员(?:部署)?会(?:[^,;。]{0,12}?)召开|召开[^,;。]{0,30}?动员(?:部署)?会")),
    #: an announcement's channels: ``巡察期间，各巡察组开通专门信访电话``
    ("announcement", re.compile(r"巡[察视]期间[^。]{0,20}(?:电话|信箱|邮箱)")),
    #: ``召开巡察工作动员会``, ``…作动员讲话``
    ("mobilisation", re.compile(r"动员(?:部署)?会|作动员讲话")),
    #: ``本轮巡察共发现问题312个``, ``移交问题线索``, ``全区已完成8轮巡察`` (seen on one unit's page: docs/NOTICES.md), before
    #: the weak words an announcement shares with a round's story (``进驻前``, ``进驻期间``)
    ("summary", re.compile(r"本轮巡[察视]共|移交问题线索|已完成\d{1,3}轮巡[察视]")),
    #: weaker words of an announcement: ``受理信访``, ``信访受理时间``, ``特此公告``, ``进驻``
    ("announcement", re.compile(r"信访(?:受理)?时间|受理[^。]{0,20}(?:来信|来访|信访)|特此公告|进驻|入驻")),
    #: ``召开巡察反馈会``, ``反馈会上``, a paragraph opening with ``反馈指出``, ``反馈认为``; the feedback told, then who
    #: attended or chaired its meeting: ``…向石泉镇党委反馈了巡察情况。…出席会议…``
    ("feedback", re.compile(r"反馈(?:大)?会|(?m:^)\s*反馈(?:指出|认为|提出|要求)"
                            r"|反馈了?[^,;。]{0,6}?(?:情况|意见)。[^。]{0,60}?(?:出席|主持)(?:会议|反馈会)")),
    #: a plan's own formula: ``特制定本方案``, ``制定整改方案如下`` (a notice also mentions its 整改方案)
    ("plan", re.compile(r"制定本(?:整改)?方案|整改(?:工作)?(?:实施)?方案如下")),
)
#: a text that decided nothing is a rectification notice when it speaks of rectifying or closes as a
#: notice does: ``整改``, ``特此通报``
KIND_FALLBACK = re.compile(r"整改|特此通报|通报如下")

#: the words that make a sentence a meeting's or a publication's, whose date is never the inspection's
#: (for every kind but rectification): ``召开巡察反馈会``, ``动员会上``, ``发布`` (not channels made public during the
#: inspection: ``其间公布举报电话、电子邮箱``)
MEETING = re.compile(r"召开|会议|会上|动员会|反馈会|发布|公布(?!了?(?:举报|信访|联系|电话|邮箱|信箱|电子邮箱))")


# --------------------------------------------------------------------------
# Inspection metadata: the long tail (fields/meta.py)
# --------------------------------------------------------------------------

#: a phrase that opens in the first person, a pronoun whatever follows: ``我区教育系统``, ``我单位``
FIRST_PERSON_OPEN = re.compile(r"^我")
#: the marks after which a new sentence opens (a damaged day opening one: ``…巡察。1220市委第五巡察组…``)
SENTENCE_OPENS_AFTER = "。;"

#: the inspected unit named by itself, which the title or the issuer must name: ``我局党组``, ``本单位``,
#: ``我院``, ``该院`` (a news item's "the said hospital"), ``局党组`` (a unit's kind and its party body without a place)
SELF_REFERENCE = re.compile(
    r"^(?:[我本该](?:局|委|单位|部|院|办|会|校|所|中心|公司|厅|署|站|馆|队|支部|机关|行|集团|社|镇|乡|村|街道)"
    r"|(?:局|委|院|厅|办|校|学校|公司|行|集团|中心))(?:党组|党委|党工委|机关|党支部|党总支|领导班子)?$"
)


# --------------------------------------------------------------------------
# Title line: the page's words around a title (fields/preamble.py)
# --------------------------------------------------------------------------

#: a publication date a page sets after the title, not part of it: ``…的通报 (2024-07-26)``, ``…的通报 2024-07-26``; the
#: bar that ends a line of a table copied as text: ``…的通报 |``
TITLE_DATE_TAIL = re.compile(r"\s*\(?\d{4}-\d{1,2}-\d{1,2}\)?$|\s*[|｜]$")
#: a column label a page sets before the title, not part of it: ``上级巡视:``, ``巡察整改：``, ``【巡察动态】``,
#: and a table's bar left on the line above it: ``|`` / ``巡察公告``; a column set off by a bar ``廉洁云州丨``, and a
#: news lead ``本网讯`` / ``本报讯`` (its separator may be a character the page lost: ``本网讯?``); the publication date a
#: page glues before the title, with or without its field's name: `` date 2026-03-18 中共…的通报``
TITLE_COLUMN_LABEL = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,6}\s*[:丨｜]\s*|【[\u4e00-\u9fff]{2,8}】\s*|\|+\s*|本[网报]讯\s*[?？:]?\s*"
    r"|\s*(?:date\s*:?\s*)?\d{4}-\d{1,2}-\d{1,2}\s+)(?=\S)")
#: a title in a cell of the page's metadata table, after the cell that names it: ``名称: | 中共…的通报 | 文号: | |``
TITLE_CELL = re.compile(r"(?:^|[|｜])\s*(?:文件名称|名\s*称|标\s*题)\s*:?\s*[|｜]\s*(?P<title>[^|｜]{5,78}?)\s*(?:[|｜]|$)")
#: a news headline that opens with its place and a colon, the rest of it a headline: ``澄水县:十二届县委第七轮巡察启动``
HEADLINE_PLACE = re.compile(r"^[\u4e00-\u9fff]{2,8}[省市县区州旗盟镇乡]\s*:")
#: what an organisation's name ends with, when a neighbour of a notice is signed (in either script: the signature's
#: text is matched): ``中共某某县委第二巡察组``, ``县委巡察工作领导小组办公室``, ``中共廊坊市委``, ``区妇联 区科协``
#: (not a photo caption ``DSC04425市委常委``, nor a cut sentence ``…主席韩春梅作了表``)
SIGNER = re.compile(r"(?:[组組]|(?<!常)委|[机機][关關]|[室]|政府|局|[厅廳]|[办辦]|院|中心|公司|集[团團]|[联聯]|[协協]|[会會])$")
#: a title line that opens with its subject, a committee's team or a unit acting, so needs no line above it:
#: ``市委第三巡察组向市医保局党组反馈巡察情况``, ``十三届县委第五轮巡察…``
WHOLE_HEADLINE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}届)?(?:中央|[省市区县州旗盟]委)[^,;。]{0,12}?巡[察视]")
#: a document-sharing site's page caption after the title: ``巡察反馈问题整改工作方案_第1页``
TITLE_PAGE_CAPTION = re.compile(r"_第\d{1,3}页$")

# --------------------------------------------------------------------------
# After the signature (layout/document.py): lines a notice or its page sets below the signature
# --------------------------------------------------------------------------

#: a line below the signature that is not the issuer's: ``（此件公开发布）``, ``附件：整改台账``, ``抄送：县委巡察办``,
#: ``扫一扫在手机打开当前页``, ``印发：…``
AFTER_SIGNATURE = re.compile(r"^(?:\(此件[^)]{0,12}\)|附\s*件\s*\d{0,2}\s*:|抄\s*送\s*:|印\s*发\s*:|扫一扫|打印本页|关闭本页)")
#: an item of the attachment list under ``附件：``: ``2.整改清单``, ``整改任务台账``
ATTACHMENT_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、])?[^。;]{1,40}$")
#: how many of the last lines are looked at for them
AFTER_SIGNATURE_LINES = 8

# --------------------------------------------------------------------------
# A heading cut by the end of a truncated text (fields/problems.py)
# --------------------------------------------------------------------------

#: the last clause of a heading that ends the text, at most this long, was cut: ``2.弥补差距,致``
CUT_CLAUSE_MAX = 2

# --------------------------------------------------------------------------
# Problems stated by a label of their own (fields/problems.py)
# --------------------------------------------------------------------------

#: a problem stated on a line of its own under the word 问题, its remedy on the next under 整改:
#: ``问题:理论学习不深入。`` / ``整改:制定学习计划。``; each such line opens one unnumbered problem
PROBLEM_LABEL = re.compile(r"^(?:存在)?问题\s*:")
#: in a text with no heading nor label, a paragraph that opens by naming its problem, what was done after it:
#: ``关于境外业务监管薄弱的问题。对全部27家境外子企业…``, ``针对“三重一大”制度执行不严的问题,…``
PROBLEM_PARAGRAPH = re.compile(r"^(?:关于|针对)[^。;:,]{2,80}问题(?:[。,:]|$)")
#: ... or by an ordinal of a run (``一是``, ``二是``, …, or ``第一,``, ``第二、``) and a short sentence stating the problem:
#: ``一是粮食收购资金监管不严。局党组对…``, ``第二,库存管理不规范。…``
PROBLEM_ORDINAL = re.compile(rf"^(?:(?P<num>{CN_NUM})是|第(?P<num2>{CN_NUM})[,、])")
#: such paragraphs are a problem list when there are at least this many
UNHEADED_MIN = 2
#: a top heading that names one problem with no quotes, as categories never end: ``一、关于落实国企改革…不到位的问题``
#: (``关于…方面的问题`` is a category: CATEGORY_HEADING)
PROBLEM_HEADING = re.compile(r"^(?:关于|针对)[^。;:]{2,80}问题$")
#: a paragraph under a category that opens by naming its problem, in quotes or not, and goes on with what was done:
#: ``针对“民事执行监督力度不够”的问题,开展…专项活动``, ``针对执行案款发放滞后的问题,…``; each such paragraph opens one problem
PROBLEM_LEAD = re.compile(r"^(?:针对|关于)\s*(?:“[^“”]{2,200}”\s*(?:等)?的?|[^。;:,“”]{2,60})问题\s*[,:。]")
#: a problem named by its remedy, its measures counted off after it (``1.进一步规范定点医药机构协议管理。一是…;二是…``):
#: the heading's first sentence
REMEDY_HEADING = re.compile(r"^进一步[^。;:,]{2,30}$")
#: ... and what follows it on the line: ``一是…``
REMEDY_MEASURES = re.compile(r"^一是")
#: a problem named by a line of its own with no number, under a group, its labelled lines below it:
#: ``针对“村务公开不及时”的问题`` / ``整改进展情况:`` / ``一是…``; each such line opens one problem
PROBLEM_LINE = re.compile(r"^针对\s*“[^”]{2,200}”\s*(?:等)?的?问题[。.]?$")


# --------------------------------------------------------------------------
# Inspection metadata of a notice's neighbours (fields/meta.py)
# --------------------------------------------------------------------------

#: a target that lists or counts the units a round covers, outside brackets: no one unit is the inspected one:
#: ``区人社局、区住建局等5家单位``, ``县直12个单位``, ``龙湾镇党委及所辖38个村级党组织``, ``白沙镇、溪口乡等党组织``, a count
#: opening it (``两家企业``)
#: (``县委统战部(含县民宗局、县工商联)`` is one unit; ``东塘街道及所辖6个社区党委`` one party committee's reach), and a
#: count of places ending it, no body over them: ``新港道街及所辖17个社区``
SEVERAL_UNITS = re.compile(
    r"、|等[\d一二三四五六七八九十]{0,3}(?:个|家)?(?:单位|部门|党组织)|等[\d一二三四五六七八九十]{1,3}(?:个|家)"
    r"|\d{1,3}(?:个|家)[\u4e00-\u9fff]{0,3}(?:单位|部门|党组织)|^[\d两二三四五六七八九十]{1,3}(?:个|家)"
    r"|\d{1,3}个(?:社区|村|居委会)$")
#: a bracketed part of a unit's name: ``(含县民宗局、县工商联)``
BRACKETED = re.compile(r"\([^()]{0,40}\)")
#: a target that names no unit, only the role of being inspected: ``被巡察党组织``, ``9家被巡察党组织``
GENERIC_TARGET = re.compile(r"^[\d一二三四五六七八九十]{0,3}(?:个|家)?被巡[察视]")
#: the marks that open the clause holding an inspection's dates, past a meeting's words before it in the
#: same sentence: ``…反馈会议召开按照…安排,市委第四巡察组于4月10日至6月30日…``
PERIOD_CLAUSE_MARKS = ",;:!"
#: how long an inspection lasts, anywhere in its clause: ``…进驻区政协机关，开展为期50天的巡察``
DURATION = re.compile(r"为期(?P<days>[\d一二三四五六七八九十两]{1,3})\s*(?P<unit>天|个月)")
#: a round's start said in words: ``县委第四轮巡察正式启动``
LAUNCH = re.compile(r"巡[察视](?:工作)?(?:正式|全面)?(?:启动|开始)")
#: a timetable of the inspection, its units each with a range: ``此次巡察时间安排:桂溪村5月17日~5月22日,…南苑社区5月29日~6月4日``
#: (the period runs from the first start to the last end)
TIMETABLE = re.compile(r"巡[察视](?:工作)?时间(?:安排|表)\s*:")
#: a news page's date line, below its headline: ``时间:2021-05-18``, ``发布日期:2021-05-18``
PAGE_DATE_LINE = re.compile(r"^(?:发布)?(?:时间|日期)\s*:\s*(?P<y>20\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})")
#: what follows a start given alone: ``自4月6日起``
PERIOD_FROM = "起"
#: the inspected unit as a meeting's news names it, tried in order: fed back to (``向市审计局党组反馈巡察情况``),
#: a mobilisation meeting's name (``…巡察组巡察石角镇工作动员会``), entered (``进驻县档案馆并召开…``)
NEIGHBOUR_TARGETS = (
    re.compile(r"向(?P<target>[^,;。向]{2,40}?)(?:集中)?反馈(?:了)?(?:巡[察视])?(?:情况|意见)"),
    re.compile(r"组巡[察视](?P<target>[^,;。]{2,30}?)(?:及所属[^,;。]{0,10})?(?:工作)?动员(?:部署)?会"),
    #: a feedback meeting's name: ``…巡察组巡察市人民医院党委情况反馈会召开``
    re.compile(r"组巡[察视](?P<target>[^,;。]{2,30}?)(?:工作)?情况反馈(?:会|大会|会议)"),
    #: (not a time: ``进驻期间,…``, ``进驻前``, ``进驻后``)
    re.compile(r"进驻(?![工(]|期间|前|后|以来)(?P<target>[^,;。并会]{2,30}?)(?:并|,|开展|召开)"),
    #: gone to, for a court's judicial inspection: ``…司法巡查组到安平县法院开展2023年政治督察与司法巡查工作``
    re.compile(r"组到(?P<target>[^,;。到]{2,30}?)开展[^,;。]{0,20}?巡[察视查]"),
    #: the unit holding a meeting on rectifying what the inspection found, the clause's subject:
    #: ``12月18日，市文广旅局党组召开市委第三巡察组巡察反馈问题整改专题民主生活会``, ``市卫生健康委召开巡察整改工作领导小组会议``
    re.compile(r"(?:^|(?<=[,;。]))(?P<target>[^,;。]{2,30}?)召开[^,;。]{0,30}?巡[察视][^,;。]{0,12}?整改"),
)

#: a top heading that names one problem, its remedies numbered below it: ``一、关于“推动工作质量不高”问题的整改情况``
#: (the heading is the problem, its ``（一）`` children are measures, not problems)
PROBLEM_SECTION = re.compile(r"^关于“[^”]{4,200}”(?:等)?问题的?整改(?:情况|落实情况)?$")
#: the words a heading naming a problem opens with, which a remedy never does: ``关于“…”``, ``针对…的问题``
PROBLEM_NAMING = ("关于", "针对")

# --------------------------------------------------------------------------
# Dates whose 年 and 月 a site dropped (fields/dates.py)
# --------------------------------------------------------------------------

#: a date whose 年 and 月 were dropped, the month and day run together after the year: ``2024717日``,
#: ``20231220日``, ``2023911日``, ``201947日``, or only its 月: ``2020年213日``, ``2021年79日`` (read only where the intro
#: has it; the month and day must split one way)
DAMAGED_DATE = re.compile(r"(?P<y>20(?<![\d.]20)[0-9]{2})年?(?P<md>[0-9]{2,4})(?:日|(?=\s*(?:至|到|-)))")
#: a date whose 年 was dropped, the year run into the month, and its 日 maybe too: ``20189月17,``, ``201810月5日``
DAMAGED_YEAR = re.compile(r"(?P<y>20(?<![\d.]20)[0-9]{2})(?P<m>1[0-2]|[1-9])月(?P<d>[0-9]{1,2})(?:日|(?=[,;。]))")
#: the end of such a range, month and day run together: ``至830日``, ``至1129``
DAMAGED_RANGE_END = re.compile(r"\s*(?:至|到|-)\s*(?P<md>\d{3,4})日?(?![\d年月%.])")
#: such a day opening a sentence before the words of its event: ``。1220市委巡察组向…反馈`` (``dates.damaged_dates``
#: checks that a sentence ends before it: a pattern that opens with a character class is searched fast)
DAMAGED_DAY = re.compile(r"(?P<md>[0-9]{3,4})日?(?=[\u4e00-\u9fff])")

# --------------------------------------------------------------------------
# A page set on one line (fields/preamble.py, fields/meta.py)
# --------------------------------------------------------------------------

#: a title run into the page's metadata on one line: ``党务公开中共某某党组关于巡察整改进展情况的通报发布时间2022年…``,
#: ``…的通報釋出於: 綜合2021-07-12`` (a repost converted to Taiwan usage, 釋出 for 发布; matched in the simplified view);
#: or opening a line the intro runs on after a space: ``中共某某镇委员会关于…的通报 根据区委统一部署,…``
TITLE_INLINE = re.compile(
    r"(?:中共|共青团)[^,;。:\s]{2,40}?关于[^,;。:\s]{4,60}?的(?:通报|报告)(?=\s*(?:发布时间|发布日期|发文日期|来源|发布于|释出于))"
    r"|^[^,;。:\s]{2,40}?关于[^,;。:\s]{4,60}?的(?:通报|报告)(?=\s+(?:根据|按照|依据|为贯彻|为落实))")
#: the words a publication date follows, which make it no inspection date: ``发布时间2022年5月17日``
PUBLISHED_BEFORE = re.compile(r"(?:发布|发文|成文|公开)(?:时间|日期)\s*:?\s*$")
#: how far before a date those words are looked for
PUBLISHED_REACH = 8
#: what follows a news item's dateline, whose date is the item's, never the inspection's: ``云州在线9月20日讯``,
#: ``本报讯``, ``新华社武汉10月22日电``
DATELINE_AFTER = re.compile(r"\s*(?:讯|电(?![\u4e00-\u9fff]))")
