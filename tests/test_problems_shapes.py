"""One small notice per problem shape of NOTICES.md §5 that the samples do not show."""
import pytest

from xuncha_parse import parse_text

INTRO = "根据区委统一部署，2024年3月1日至4月30日，区委第三巡察组对区档案馆党支部开展了常规巡察。5月20日反馈了巡察意见。\n"

SHAPES = {
    "problem_word_under_group": (
        INTRO + "一、整改工作开展情况\n成立领导小组。\n二、问题整改落实情况\n"
        "1.关于“政治建设”方面\n"
        "问题1：理论学习不深入。学习流于形式。\n整改情况：制定学习计划，每月集中学习。\n完成情况：已完成\n"
        "问题2：意识形态工作责任制落实不到位。\n整改情况：修订责任清单。\n完成情况：正在推进\n"
        "2.关于“作风建设”方面\n"
        "问题3：公务用车管理不规范。\n整改情况：建立台账。\n完成情况：已完成\n"
        "三、下一步工作打算\n持续巩固整改成果。\n",
        [
            {"number": 1, "marker": "问题1：", "category": "关于“政治建设”方面", "group": None, "title": "理论学习不深入",
             "description": "学习流于形式。", "status": "completed", "status_text": "已完成"},
            {"number": 2, "title": "意识形态工作责任制落实不到位", "status": "in_progress"},
            {"number": 3, "category": "关于“作风建设”方面", "title": "公务用车管理不规范", "status": "completed"},
        ],
    ),
    "problem_word_with_subpoints": (
        INTRO + "一、整改落实情况\n"
        "问题1.针对干部档案管理不规范的问题。\n(1)对于档案缺失材料，已全部补齐。\n(2)对于档案专审，已完成整改。\n"
        "问题2.针对固定资产账实不符的问题。\n(1)对于未入账资产，已登记入账。\n"
        "二、下一步打算\n持续推进。\n",
        [
            {"number": 1, "marker": "问题1.", "title": "干部档案管理不规范", "measures_ordinals": [1, 2],
             "status": "completed"},
            {"number": 2, "title": "固定资产账实不符", "measures_ordinals": [1]},
        ],
    ),
    "unnumbered_problem_after_category": (
        INTRO + "一、巡察反馈问题整改情况\n"
        "（一）关于党的建设方面\n党支部“三会一课”制度落实不到位。部分会议记录不全。\n"
        "整改措施：一是建立会议台账；二是每季度检查。\n整改结果：已整改到位。\n"
        "（二）关于财务管理方面\n报销审核不严格。\n整改措施：修订报销制度。\n整改结果：正在整改\n"
        "二、下一步工作\n加强监督。\n",
        [
            {"number": None, "marker": None, "category": "关于党的建设方面",
             "title": "党支部“三会一课”制度落实不到位", "description": "部分会议记录不全。",
             "measures_ordinals": [1, 2], "status": "completed"},
            {"number": None, "category": "关于财务管理方面", "title": "报销审核不严格", "status": "in_progress"},
        ],
    ),
    "categories_at_top_level": (
        INTRO + "一、关于政治建设方面存在的问题\n"
        "1.学习贯彻党的创新理论不深入。\n整改措施：制定学习计划。\n整改进展：已组织学习6次。\n"
        "2.意识形态阵地管理有漏洞。\n整改措施：建立审核制度。\n整改进展：已完成整改。\n"
        "二、关于全面从严治党方面存在的问题\n"
        "3.廉政风险排查不到位。\n整改措施：开展排查。\n整改进展：正在整改。\n",
        [
            {"number": 1, "category": "关于政治建设方面存在的问题", "title": "学习贯彻党的创新理论不深入"},
            {"number": 2, "title": "意识形态阵地管理有漏洞", "status": "completed"},
            {"number": 3, "category": "关于全面从严治党方面存在的问题", "title": "廉政风险排查不到位",
             "status": "in_progress"},
        ],
    ),
    "no_top_level_headings": (
        INTRO + "（一）落实主体责任不到位\n"
        "1.党组会议研究巡察整改不及时。\n整改措施：每月研究一次。\n整改结果：整改完成，长期坚持。\n"
        "2.责任清单不完善。\n整改措施：修订清单。\n整改结果：立行立改，已完成。\n"
        "（二）制度执行不严格\n"
        "3.请销假制度执行不严。\n整改措施：严格考勤。\n整改结果：正在整改。\n",
        [
            {"number": 1, "category": "落实主体责任不到位", "title": "党组会议研究巡察整改不及时",
             "status": "completed", "long_term": True},
            {"number": 2, "title": "责任清单不完善", "status": "completed", "immediate": True},
            {"number": 3, "category": "制度执行不严格", "title": "请销假制度执行不严", "status": "in_progress"},
        ],
    ),
    "immediate_said_by_a_measure": (
        INTRO + "二、巡察反馈问题整改情况\n"
        "1、针对违规使用公务卡的问题。\n原因分析：财务审核把关不严。\n"
        "整改情况：立行立改，追回违规报销资金1.28万元。\n整改结果：已完成整改。\n"
        "2、针对作风建设不扎实的问题。\n原因分析：教育不深入。\n"
        "整改情况：召开专题民主生活会，班子成员逐一对照检查，达到了“红脸出汗”“排毒”的效果。查摆出的问题深挖病根病源、立行立改。\n整改结果：整改完成，长期推进。\n",
        [
            {"number": 1, "title": "违规使用公务卡", "cause": "财务审核把关不严。", "status": "completed",
             "immediate": True},
            {"number": 2, "title": "作风建设不扎实", "status": "completed", "immediate": False, "long_term": True},
        ],
    ),
    "same_numbering_for_measures_and_problems": (
        INTRO + "一、整改工作开展情况\n1.加强组织领导。成立整改领导小组。\n2.细化整改方案。建立三张清单。\n"
        "二、反馈问题整改落实情况\n"
        "1.档案管理不规范。\n整改措施：完善档案制度。\n"
        "2.安全生产责任落实不到位。\n整改措施：签订责任书。\n"
        "3、下一步打算\n持续抓好整改。\n",
        [
            {"number": 1, "title": "档案管理不规范", "category": None},
            {"number": 2, "title": "安全生产责任落实不到位"},
        ],
    ),
    "remedy_named_with_inline_ordinals": (
        INTRO + "一、整改落实情况\n（一）关于落实主体责任方面\n"
        "1.进一步规范公务接待管理。一是修订接待制度；二是严格审批；三是每月公示。\n"
        "2.健全内控制度。修订《财务管理办法》，明确审批权限。\n",
        [
            {"number": 1, "title": "进一步规范公务接待管理", "measures_ordinals": [1, 2, 3], "description": None},
            {"number": 2, "title": "健全内控制度", "measures_ordinals": [None]},
        ],
    ),
    "labelled_with_cause_and_result": (
        INTRO + "一、整改情况\n"
        "1、针对干部选拔任用程序不规范的问题。\n原因分析：对相关条例学习不够。\n"
        "整改措施：组织专题学习。\n整改进展：已完成培训2次。\n整改结果：阶段性完成\n",
        [
            {"number": 1, "marker": "1、", "title": "干部选拔任用程序不规范", "cause": "对相关条例学习不够。",
             "status": "in_progress", "status_text": "阶段性完成"},
        ],
    ),
    "labels_inline_in_one_paragraph": (
        INTRO + "一、整改落实情况\n（一）关于政治建设方面\n"
        "1.理论学习流于形式。学习记录不全。整改措施：一是制定学习计划；二是建立学习台账。整改进展：已开展集中学习4次。完成情况：已完成\n"
        "2.意识形态工作不扎实。整改措施：修订责任清单。整改结果：长期坚持\n",
        [
            {"number": 1, "title": "理论学习流于形式", "description": "学习记录不全。", "measures_ordinals": [1, 2],
             "status": "completed", "status_text": "已完成"},
            # a result line that says only that the work goes on states it is in progress,
            # as the group ``按计划持续推进的整改事项`` does (OUTPUT.md)
            {"number": 2, "title": "意识形态工作不扎实", "status": "in_progress", "status_text": "长期坚持",
             "long_term": True},
        ],
    ),
    "status_groups_at_top_level": (
        INTRO + "一、整改工作开展情况\n成立领导小组。\n"
        "二、已完成整改的问题（2个）\n1.会议记录不规范。一是统一记录本；二是专人记录。\n2.考勤制度执行不严。修订考勤办法。\n"
        "三、正在整改的问题（1个）\n1.干部轮岗交流不足。制定轮岗计划，分批实施。\n"
        "四、下一步打算\n持续推进整改。\n",
        [
            {"number": 1, "title": "会议记录不规范", "status": "completed", "measures_ordinals": [1, 2],
             "group": "已完成整改的问题（2个）", "category": None},
            {"number": 2, "title": "考勤制度执行不严", "status": "completed"},
            {"number": 1, "title": "干部轮岗交流不足", "status": "in_progress", "group": "正在整改的问题（1个）"},
        ],
    ),
    "numbered_sub_points_without_labels": (
        INTRO + "一、整改落实情况\n（一）关于政治建设方面\n"
        "1.理论学习不深入。\n（1）制定学习计划。\n（2）开展集中学习。\n"
        "2.意识形态责任制落实不到位。\n（1）修订责任清单。\n"
        "（二）思想认识不到位。\n1.调查研究不深入。\n2.形式主义依然存在。\n"
        "二、下一步打算\n持续推进。\n",
        [
            {"number": 1, "title": "理论学习不深入", "measures_ordinals": [1, 2], "category": "关于政治建设方面"},
            {"number": 2, "title": "意识形态责任制落实不到位", "measures_ordinals": [1]},
            {"number": 1, "title": "调查研究不深入", "category": "思想认识不到位"},
            {"number": 2, "title": "形式主义依然存在"},
        ],
    ),
    "progress_label_stating_only_a_status": (
        # ``整改进展：已完成。`` carries nothing but the status; measures numbered inline ``1.…;2.…``
        INTRO + "一、关于政治建设方面的问题\n（一）理论学习不够深入。\n"
        "整改措施：1.制定理论学习中心组年度学习计划；2.开展专题研讨4次。\n整改进展：已完成。\n"
        "（二）意识形态工作责任制落实有差距。\n整改措施：①修订实施办法；②建立阵地管理台账。\n整改进展：持续推进。\n"
        "（三）廉政风险防控不到位。\n整改措施：排查廉政风险点56个。\n整改进展：完成制度修订3项。\n",
        [
            {"number": 1, "title": "理论学习不够深入", "measures_ordinals": [1, 2], "status": "completed",
             "status_text": "已完成。", "progress": []},
            {"number": 2, "measures_ordinals": [1, 2], "status": "in_progress", "long_term": True},
            # a progress line with content stays progress, and states no status by itself
            {"number": 3, "status": "unknown", "measures_ordinals": [None]},
        ],
    ),
    "categories_ending_with_a_stop": (
        INTRO + "一、整改落实情况\n（一）思想认识不到位。\n1.调查研究不深入。\n2.形式主义依然存在。\n"
        "（二）制度执行不严格。\n1.请销假制度执行不严。\n",
        [
            {"number": 1, "title": "调查研究不深入", "category": "思想认识不到位"},
            {"number": 2, "title": "形式主义依然存在"},
            {"number": 1, "title": "请销假制度执行不严", "category": "制度执行不严格"},
        ],
    ),
}


def _check(problem: dict, expect: dict) -> list[str]:
    errors = []
    for key, want in expect.items():
        if key == "measures_ordinals":
            got = [m["ordinal"] for m in problem["measures"]]
        else:
            got = problem[key]
        if got != want:
            errors.append(f"{key}: {got!r} != {want!r}")
    return errors


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_shape(shape):
    text, expected = SHAPES[shape]
    problems = parse_text(text).model_dump(mode="json")["problems"]
    assert len(problems) == len(expected), [p["title"] for p in problems]
    for i, (problem, expect) in enumerate(zip(problems, expected)):
        assert _check(problem, expect) == [], f"problem {i}"
