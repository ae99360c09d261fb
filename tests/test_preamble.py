"""fields/preamble.py: the title read off the preamble, past the furniture of text copied from government
pages (NOTICES.md, "Noise to expect"), with the inspection beneath it; and titles over one or two lines."""
import pytest

from xuncha_parse import parse_text
from xuncha_parse.api import parse_to_dict

INTRO = ("根据市委统一部署，2024年3月1日至4月30日，市委第二巡察组对市文联党组开展了常规巡察。5月20日，"
         "市委第二巡察组向市文联党组反馈了巡察意见。现将巡察整改进展情况予以公布。")
TITLE = "中共某某市文联党组关于巡察整改进展情况的通报"
BODY = "一、整改工作基本情况\n党组高度重视。\n二、问题整改落实情况\n1.理论学习不深入。\n整改措施：制定学习计划。\n"


def notice(*head: str) -> dict:
    return parse_to_dict("\n".join(head) + "\n" + INTRO + "\n" + BODY)


def essentials(n: dict) -> tuple:
    ins = n["inspection"]
    dates = tuple(ins[k]["iso"] if ins[k] else None for k in ("start", "end", "feedback"))
    return n["title"], n["issuer"], ins["body"], ins["target"], dates


WANT = (TITLE, "中共某某市文联党组", "市委第二巡察组", "市文联党组", ("2024-03-01", "2024-04-30", "2024-05-20"))


FURNITURE = [
    pytest.param(["  • 信息索引号:", "    11330702/2024-001", "  • 文件名称:", "    " + TITLE, "  • " + TITLE],
                 id="bulleted-metadata-block-values-on-own-lines"),
    pytest.param(["当前位置: 首页 >> 本级巡察情况", "字体大小:", TITLE,
                  "发布时间: 2025-05-28   信息来源:市委巡察办   访问量:0   保护视力色:"], id="toolbar-and-info-line"),
    pytest.param(["发文机关某某市文联", "发文日期2024年06月27日", "时效性现行有效", TITLE], id="law-database-fields"),
    pytest.param([TITLE, "2024年06月27日 来源: 中共某某市委 作者: 字体:"], id="info-line-opening-with-its-date"),
    pytest.param([TITLE, "2024-06-27 08:57:04 来源:市文联 编辑:王某"], id="info-line-opening-with-date-and-time"),
    pytest.param(["页面: 【大 中 小】", "对比度: 【默认】", "朗读", "分享:", TITLE], id="accessibility-bar"),
    pytest.param([TITLE, "2024-06-27 来源:市文联", "", "中共某某市文联党组", "", "关于巡察整改进展情况的通报", ""],
                 id="whole-title-above-the-texts-own-split-copy"),
    pytest.param(["中共某某市文联党组关于巡察整改", "进展情况的通报", "2024-06-27 来源:市文联"], id="title-split-over-two-lines"),
    pytest.param([TITLE, TITLE], id="title-twice"),
]


@pytest.mark.parametrize("head", FURNITURE)
def test_title_and_inspection_below_page_furniture(head):
    assert essentials(notice(*head)) == WANT


@pytest.mark.parametrize("head,title", [
    ("某某市人民政府门户网站\n中共某某局党组关于巡察整改进展情况的通报\n", "中共某某局党组关于巡察整改进展情况的通报"),
    ("中共某某局党组关于巡察整改进展情况的通报_某某市人民政府\n首页 > 通知公告\n中共某某局党组关于巡察整改进展情况的通报\n",
     "中共某某局党组关于巡察整改进展情况的通报"),
    ("\n\n 中共某某局党组关于十二届市委\n第九轮巡察整改进展情况的通报\n", "中共某某局党组关于十二届市委第九轮巡察整改进展情况的通报"),
    ("关于巡察整改情况的报告\n", "关于巡察整改情况的报告"),
    # the issuer on its own line above ``关于…``, as web pages and GB/T 9704 titles set it
    ("中共某某县交通运输局党组\n关于县委巡察整改进展情况的通报\n", "中共某某县交通运输局党组关于县委巡察整改进展情况的通报"),
    ("中共某某市自然资源和规划局（市林业局）党组\n关于市委巡察整改进展情况的通报\n",
     "中共某某市自然资源和规划局（市林业局）党组关于市委巡察整改进展情况的通报"),
    ("  中共某某县委员会办公室\n关于巡察反馈意见整改情况的报告\n", "中共某某县委员会办公室关于巡察反馈意见整改情况的报告"),
    # every paragraph set off by a blank line (a page copied paragraph by paragraph): one blank is no gap
    ("中共某某县交通运输局党组\n\n关于县委巡察整改进展情况的通报\n\n", "中共某某县交通运输局党组关于县委巡察整改进展情况的通报"),
    # a site name separated by a blank line is chrome, not the issuer
    ("某某县人民政府\n\n关于巡察整改进展情况的通报\n", "关于巡察整改进展情况的通报"),
    # a line that is not an organisation's name stays out
    ("信息公开 通知公告\n关于巡察整改进展情况的通报\n", "关于巡察整改进展情况的通报"),
    # no title line: the page's metadata block names it
    ("信息索引号：113205/2025-00031\n文件名称：中共某某局党组关于巡察整改情况的通报\n发布机构：某某局\n",
     "中共某某局党组关于巡察整改情况的通报"),
    ("文件名称：中共某某局党组关于巡察整改情况的通报\n中共某某局党组关于巡察整改进展情况的通报\n",
     "中共某某局党组关于巡察整改进展情况的通报"),
    ("文件名称：2025年工作要点\n", None),
    ("", None),
])
def test_title_lines(head, title):
    text = head + "根据市委统一部署，市委第一巡察组对某某局党组开展了巡察。\n一、整改落实情况\n1.问题。\n整改措施：整改。\n"
    assert parse_text(text).title == title
