"""A fixed taxonomy of problem topics, matched by trigger terms.

Each topic lists the terms that trigger it; a problem may have several topics
or none, and each assignment names the terms that triggered it.  Matching is
by substring over the problem's title and description (its category only as
a fallback), so it needs no segmenter.
"""
from __future__ import annotations

import re

from ..shapes import ProblemDict, TopicDict

#: code → trigger terms (documented in the README); each code's name for people is in the interface
#: catalogues, ``topic.<code>`` in outputs/i18n/zh.py and en.py (``party_organization`` → 基层党组织建设)
TAXONOMY: dict[str, tuple[str, ...]] = {
    "political_theory": ("理论学习", "政治建设", "第一议题", "习近平新时代中国特色社会主义思想", "理论武装",
                         "创新理论", "中心组", "政治理论", "讲话精神", "指示批示", "理论研究", "两个维护",
                         "政治站位", "党的二十大", "党的十九大", "党的XX大", "学习贯彻", "重要指示精神"),
    "ideology": ("意识形态", "宣传阵地", "网络阵地", "舆情", "微信公众号", "宣传思想", "新闻发布"),
    "party_organization": ("基层党组织", "组织生活", "三会一课", "党员发展", "发展党员", "换届", "党支部",
                           "主题党日", "民主评议", "党务干部", "党小组", "支部堡垒", "党员教育", "党组织建设",
                           "党建台账", "党建品牌", "党建工作", "机关党建", "党内政治生活", "党课"),
    "integrity_supervision": ("全面从严治党", "党风廉政", "廉政风险", "监督", "主体责任", "廉洁", "一岗双责",
                              "腐败", "警示教育", "廉政教育", "纪检", "纪律", "管党治党"),
    "work_style": ("作风", "八项规定", "形式主义", "官僚主义", "调研", "调查研究", "四风", "文山会海",
                   "督查检查", "惯性思维", "担当作为"),
    "finance_assets": ("财务", "资金", "报销", "预算", "固定资产", "政府采购", "党费", "公务卡", "会计",
                       "票据", "记账凭证", "经费", "资产", "招标", "补助", "补贴", "发票", "公务接待",
                       "公务用车", "奖励发放", "账户"),
    "personnel": ("选人用人", "干部选拔任用", "轮岗", "考察", "职级", "干部队伍", "人事", "晋升", "任免",
                  "干部管理", "档案专审", "干部职工权益", "考勤"),
    "security_records": ("保密", "档案", "消防", "安全", "出国（境）", "出国境", "证照", "出入境", "国家秘密",
                         "机要"),
    "institutions": ("制度建设", "议事规则", "内控", "工作规则", "公文", "民主集中制", "三重一大", "议事决策",
                     "议事范围", "规章制度", "督促检查机制", "督办机制", "会议记录", "闭环管理",
                     "制度缺失"),
    "core_duties": ("协商", "提案", "委员履职", "业务", "社情民意", "履职", "政协委员", "专委会", "建言资政",
                    "民主监督", "视察", "公共外交", "委员"),
}


#: a topic read from a problem's description (not its title) needs this many distinct terms
DESCRIPTION_HITS = 2


_TERMS = sorted({t for terms in TAXONOMY.values() for t in terms}, key=len, reverse=True)
_FIRST = "".join(sorted({t[0] for t in _TERMS}))
#: every trigger term, longest first: at each position, the longest term starting there (group 1).  Terms may
#: overlap, so the term is read in a lookahead; the pattern opens with the terms' first characters, which lets
#: the engine jump between them, and looks back over that character to read the term (``(?=(…))`` alone would
#: be tried at every position): each match is that one character
_TRIGGER = re.compile(f"[{re.escape(_FIRST)}](?<=(?=({'|'.join(map(re.escape, _TERMS))})).)")
#: the shorter terms each term starts with (``档案专审`` → ``档案``), which the trigger scan hides
_PREFIXES = {t: [s for s in _TERMS if s != t and t.startswith(s)] for t in _TERMS}
_CODES = {t: {code for code, terms in TAXONOMY.items() if t in terms} for t in _TERMS}


def found_terms(text: str) -> set[str]:
    """Every trigger term that occurs in ``text``, in one scan."""
    found = {m.group(1) for m in _TRIGGER.finditer(text)} if text else set()
    return found.union(*(_PREFIXES[t] for t in found))


def topics_of(title: str, description: str = "") -> list[TopicDict]:
    """``[{"code": …, "terms": […]}]``, in taxonomy order: a topic whose terms occur in the title
    (or category), or at least twice over in the description."""
    out: list[TopicDict] = []
    in_title, in_text = found_terms(title), found_terms(description)
    codes = set().union(*(_CODES[t] for t in in_title | in_text))
    for code, terms in TAXONOMY.items():
        if code not in codes:
            continue
        hits = _longest([t for t in terms if t in in_title])
        more = _longest([t for t in terms if t in in_text and t not in hits])
        if hits or len(more) >= DESCRIPTION_HITS:
            out.append({"code": code, "terms": hits + more})
    return out


def _longest(terms: list[str]) -> list[str]:
    """Drop a term found only as part of a longer one: ``固定资产``, not also ``资产``."""
    return [t for t in terms if not any(t != o and t in o for o in terms)]


def problem_topics(problem: ProblemDict) -> list[TopicDict]:
    """Topics of a Problem dict from its title and description; its category (broad: every problem
    below it would share its topics) only when those give none."""
    found = topics_of(problem.get("title") or "", problem.get("description") or "")
    return found or topics_of(problem.get("category") or "")
