"""script.py: a notice reposted in traditional characters is read through a simplified view, one
character for one; only a text that holds a traditional mark is converted."""
from xuncha_parse.api import parse_to_dict

INTRO = ("根据市委统一部署，2024年3月1日至4月30日，市委第二巡察组对市文联党组开展了常规巡察。5月20日，"
         "市委第二巡察组向市文联党组反馈了巡察意见。现将巡察整改进展情况予以公布。")
TITLE = "中共某某市文联党组关于巡察整改进展情况的通报"
BODY = "一、整改工作基本情况\n党组高度重视。\n二、问题整改落实情况\n1.理论学习不深入。\n整改措施：制定学习计划。\n"


def essentials(n: dict) -> tuple:
    ins = n["inspection"]
    dates = tuple(ins[k]["iso"] if ins[k] else None for k in ("start", "end", "feedback"))
    return n["title"], n["issuer"], ins["body"], ins["target"], dates


def test_traditional_script_repost_is_read_through_a_simplified_view():
    text = ("中共麗水市婦女聯合會黨組關於巡察整改進展情況的通報\n"
            "根據市委統一部署，2024年5月8日至5月24日，市委第二巡察組對市婦聯黨組進行了巡察。10月10日，"
            "巡察組向市婦聯黨(dǎng)組反饋了巡察意見。\n"
            "一、整改工作基本情況\n黨組高度重視。\n二、問題整改落實情況\n1.理論學習不深入。\n整改措施：制定學習計劃。\n")
    n = parse_to_dict(text)
    assert essentials(n) == ("中共麗水市婦女聯合會黨組關於巡察整改進展情況的通報", "中共麗水市婦女聯合會黨組",
                             "市委第二巡察組", "市婦聯黨組", ("2024-05-08", "2024-05-24", "2024-10-10"))
    assert [(p["title"], p["measures"][0]["text"]) for p in n["problems"]] == [("理論學習不深入", "制定學習計劃。")]


def test_only_traditional_text_is_converted():
    """A simplified notice holds none of the marks and keeps its folded view; a repost that holds one is
    read through simplified characters, one for one."""
    from xuncha_parse.layout.text import Source, fold

    plain = TITLE + INTRO + BODY
    assert Source(plain).view == fold(plain)
    assert Source("中共某某黨組關於").view == "中共某某党组关于"
