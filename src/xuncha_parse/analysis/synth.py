"""Synthetic corpora of problem titles whose near-duplicates are known, for the benchmark and the tests.

``corpus(n, seed)`` -> (titles, sources): ``n`` titles made of a smaller number of distinct base titles,
each copied a few times with one of the small edits real notices show (``部分`` added, ``不到位`` ->
``不够到位``, one character dropped or added, a hedge such as ``仍然``). Titles with the same source are
the truth's near-duplicates; base titles are drawn from a pool of words so that two bases rarely share
more than a word or two. Deterministic for a seed.
"""
from __future__ import annotations

import random

#: the words base titles are made of: topics, actions and deficiencies of inspection findings (written here)
SUBJECTS = ("理论学习", "意识形态", "主体责任", "监督责任", "财务管理", "财经纪律", "选人用人", "干部监督", "党员教育",
            "组织生活", "三会一课", "民主集中制", "议事决策", "政府采购", "公务用车", "公务接待", "档案管理",
            "保密工作", "安全生产", "信访工作", "项目建设", "资产管理", "合同管理", "内部控制", "制度建设",
            "作风建设", "廉政教育", "调查研究", "基层党建", "党费收缴", "队伍建设", "考勤管理", "会议记录",
            "专项资金", "工程招标", "惠民政策", "执法监督", "网络安全", "审批服务", "营商环境")
OBJECTS = ("机关", "班子", "党支部", "下属单位", "中层干部", "年轻干部", "业务科室", "窗口单位", "项目资金",
           "专项工作", "重点任务", "日常工作", "制度执行", "责任分工", "问题整改", "台账记录", "审核把关",
           "跟踪问效", "考核评价", "督促检查")
FAULTS = ("不到位", "不深入", "不规范", "不严格", "有差距", "不扎实", "存在漏洞", "流于形式", "缺乏长效机制",
          "重视不够", "落实不力", "执行走样", "把关不严", "整改不彻底", "存在薄弱环节", "推进缓慢")


def base_title(rng: random.Random) -> str:
    """Three subjects, two objects and a fault (some 380 million combinations, so that two bases of a
    million-title corpus rarely differ in one part only): ``财务管理机关档案管理台账记录信访工作不到位``."""
    first, second, third = rng.sample(SUBJECTS, 3)
    return first + rng.choice(OBJECTS) + second + rng.choice(OBJECTS) + third + rng.choice(FAULTS)


def edit(title: str, rng: random.Random) -> str:
    """One small edit of a title, as the copies in notices of other units show."""
    kind = rng.randrange(5)
    if kind == 0:
        return rng.choice(("部分", "有的", "个别")) + title
    if kind == 1 and "不到位" in title:
        return title.replace("不到位", "不够到位")
    if kind == 2:
        at = rng.randrange(1, len(title) - 1)
        return title[:at] + title[at + 1:]
    if kind == 3:
        at = rng.randrange(1, len(title))
        return title[:at] + rng.choice("的和与及等") + title[at:]
    return title.replace(rng.choice(FAULTS), "仍然" + rng.choice(FAULTS), 1) if rng.random() < 0.5 else title + "问题"


def corpus(n: int, seed: int = 1) -> tuple[list[str], list[int]]:
    """``n`` titles and, for each, the index of the base title it was copied from."""
    rng = random.Random(seed)
    titles: list[str] = []
    sources: list[int] = []
    seen: set[str] = set()
    while len(titles) < n:
        base = base_title(rng)
        if base in seen:
            continue
        seen.add(base)
        source = len(seen) - 1
        copies = min(n - len(titles), 1 + int(rng.expovariate(1 / 2.5)))
        titles.append(base)
        titles += [edit(base, rng) for _ in range(copies - 1)]
        sources += [source] * copies
    return titles, sources
