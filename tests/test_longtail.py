"""The long tail of real shapes (issue 21), one fixture table per class of failure.  Every line here was
written for this file; the shapes are the ones docs/NOTICES.md names."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xuncha_parse.api import parse_to_dict

TITLE = "中共宁川县统计局党组关于巡察整改进展情况的通报\n"
PERIOD = "根据县委统一部署，2024年3月1日至4月30日，"


def _inspection(text: str) -> dict:
    return parse_to_dict(text)["inspection"]


#: intro → (body, target): teams by topic, two teams, a range, a round before the team; a target named by
#: itself (resolved through the title's issuer), with the round after it, with an alias
INSPECTIONS = {
    "first person with its party body": (
        TITLE + PERIOD + "县委第三巡察组对我局党组进行了巡察。\n", "县委第三巡察组", "中共宁川县统计局党组"),
    "a news item's 该院 without a title": (
        "市委第三巡察组巡察市妇幼保健院党委工作动员会召开\n4月9日，市委第三巡察组对该院开展了巡察。\n", "市委第三巡察组", "市妇幼保健院党委"),
    "本单位": (TITLE + PERIOD + "县委第二巡察组对本单位开展了巡察。\n", "县委第二巡察组", "中共宁川县统计局党组"),
    "a unit's kind and party body without a place": (
        TITLE + PERIOD + "县委第二巡察组对局党组开展了巡察。\n", "县委第二巡察组", "中共宁川县统计局党组"),
    "the round named after the target": (
        TITLE + PERIOD + "市委第二巡察组对市保健办党委开展了七届市委第八轮巡察。\n", "市委第二巡察组", "市保健办党委"),
    "a political inspection for a duration": (
        TITLE + PERIOD + "区委第二巡察组对区房管局党组进行了为期40天的政治巡察。\n", "区委第二巡察组", "区房管局党组"),
    "a short alias kept out": (
        TITLE + PERIOD + "市委第二巡察组对宁川县融资担保有限公司(简称担保公司)开展了巡察。\n",
        "市委第二巡察组", "宁川县融资担保有限公司"),
    "a team named by its topic": (
        TITLE + PERIOD + "区委营商环境专项巡察组对区商务局党组开展了专项巡察。\n", "区委营商环境专项巡察组", "区商务局党组"),
    "a team named by its topic and number": (
        TITLE + PERIOD + "市委医疗卫生领域第三专项巡察组对县中医院党委开展了专项巡察。\n", "市委医疗卫生领域第三专项巡察组",
        "县中医院党委"),
    "a topic team right after the order's words": (
        TITLE + "按照县委部署县委第二专项巡察组于2024年3月1日至4月30日对县林业局党组开展了专项巡察。\n",
        "县委第二专项巡察组", "县林业局党组"),
    "a topic team after an arrangement": (
        TITLE + "根据区委统一安排区委营商环境专项巡察组于2024年3月1日至4月30日对区商务局党组开展了专项巡察。\n",
        "区委营商环境专项巡察组", "区商务局党组"),
    "a team of linked levels": (
        TITLE + PERIOD + "县委上下联动巡察组对石桥村党支部开展了巡察。\n", "县委上下联动巡察组", "石桥村党支部"),
    "two teams": (
        TITLE + PERIOD + "市委第一巡察组、第六巡察组对市水利局党组开展了巡察。\n", "市委第一巡察组、第六巡察组", "市水利局党组"),
    "a range of teams": (
        TITLE + PERIOD + "县委第一至第五巡察组对县统计局党组开展了巡察。\n", "县委第一至第五巡察组", "县统计局党组"),
    "a round over several units has no one target": (
        TITLE + PERIOD + "县委第一至第五巡察组对县直12个单位开展了巡察。\n", "县委第一至第五巡察组", None),
    "a team after its round": (
        TITLE + PERIOD + "六届市委第九轮巡察二组对市审计局党组开展了巡察。\n", "市委第九轮巡察二组", "市审计局党组"),
    "only the role of being inspected": (
        TITLE + PERIOD + "市委第三巡察组对9家被巡察党组织开展了巡察。\n", "市委第三巡察组", None),
    "a unit and the units under it": (
        TITLE + PERIOD + "市委第三巡察组对龙湾镇党委及所辖38个村级党组织开展了提级巡察。\n", "市委第三巡察组", None),
    "units listed": (TITLE + PERIOD + "县委第二巡察组对白沙镇、溪口乡等党组织开展了巡察。\n", "县委第二巡察组", None),
    "one unit with a bracketed list": (
        TITLE + PERIOD + "县委第二巡察组对县委统战部(含县民宗局、县工商联)开展了巡察。\n", "县委第二巡察组",
        "县委统战部(含县民宗局、县工商联)"),
    "a street and its communities, no body over them": (
        TITLE + PERIOD + "区委巡察一组对东塘街及所辖9个社区开展了常规巡察。\n", "区委巡察一组", None),
    "a concurrent inspection's clause before the unit's own": (
        TITLE + PERIOD + "市委第二专项巡察组在对全市河湖治理开展专项巡察的同时,对市水利局党组进行了专项巡察。\n",
        "市委第二专项巡察组", "市水利局党组"),
    "one party committee's reach": (
        TITLE + PERIOD + "县委第二巡察组对东塘街道及所辖6个社区党委开展了巡察。\n", "县委第二巡察组", "东塘街道及所辖6个社区党委"),
    "a place's system named in the first person": (
        PERIOD + "市委第二专项巡察组对我区教育系统开展了专项巡察。\n", "市委第二专项巡察组", None),
    "a school committee's topic team": (
        TITLE + PERIOD + "学校党委“产教融合”专项巡察组对机电工程学院党总支开展了专项巡察。\n",
        "学校党委“产教融合”专项巡察组", "机电工程学院党总支"),
    "a working committee's topic team": (
        TITLE + PERIOD + "区党工委安全生产专项巡察组对园区建设公司党委开展了专项巡察。\n",
        "区党工委安全生产专项巡察组", "园区建设公司党委"),
    "a company committee's numbered topic team": (
        TITLE + PERIOD + "集团公司党委第一专项巡察组对港务物流公司党委开展了专项巡察。\n",
        "集团公司党委第一专项巡察组", "港务物流公司党委"),
    "two kind words between the verb and 巡察": (
        TITLE + PERIOD + "市委第四巡察组对县审计局党组进行了提级交叉巡察。\n", "市委第四巡察组", "县审计局党组"),
    "a quoted kind": (
        TITLE + PERIOD + "省委第二巡视组对省水文勘测院党委开展了“机动式”巡视。\n", "省委第二巡视组", "省水文勘测院党委"),
    "a quoted topic before the kind": (
        TITLE + PERIOD + "市委第二巡察组对机电工程学院党总支开展了“双一流”建设专项巡察。\n", "市委第二巡察组",
        "机电工程学院党总支"),
    "a company's own round between the verb and 巡察": (
        TITLE + PERIOD + "市委第一巡察组对港务物流公司党委开展了集团公司第二届党委第四轮巡察。\n",
        "市委第一巡察组", "港务物流公司党委"),
    "a village named by itself": (
        "中共柳塘村支部委员会关于镇党委巡察整改情况的通报\n" + PERIOD + "县委第五巡察组对我村党支部开展了巡察。\n",
        "县委第五巡察组", "中共柳塘村支部委员会"),
    "a university named as the school": (
        "中共东岭理工大学委员会关于省委巡视整改进展情况的通报\n" + PERIOD + "省委第六巡视组对学校进行了巡视。\n",
        "省委第六巡视组", "中共东岭理工大学委员会"),
    "two teams in traditional script": (
        "中共寧川縣統計局黨組關於巡察整改進展情況的通報\n根據縣委統一部署，市委第一巡察組、第六巡察組對市水利局黨組開展了巡察。\n",
        "市委第一巡察組、第六巡察組", "市水利局黨組"),
    "teams counted: the unnumbered name later is all of them": (
        TITLE + "根据县委部署，县委派出3个巡察组，对县统计局党组开展巡察。巡察期间，县委巡察组设有专门电话。\n", None,
        "县统计局党组"),
    "teams counted before their committee": (
        TITLE + PERIOD + "5个市委巡察组对市水务局党组开展了常规巡察。\n", None, "市水务局党组"),
    "an unnumbered team without a count is named as written": (
        TITLE + PERIOD + "县委巡察组对县统计局党组开展了常规巡察。\n", "县委巡察组", "县统计局党组"),
    "an unnumbered team is the one numbered team named later": (
        TITLE + PERIOD + "市委巡察组对县统计局党组开展了巡察。\n一、整改工作组织情况\n9月2日，市委第四巡察组向县统计局党组反馈了巡察意见。\n",
        "市委第四巡察组", "县统计局党组"),
    "an unnumbered team with two numbered teams named later stays": (
        TITLE + PERIOD + "县委巡察组对县统计局党组开展了巡察。\n一、整改工作组织情况\n县委第一巡察组和县委第二巡察组分别听取汇报。\n",
        "县委巡察组", "县统计局党组"),
    "the team the unit works with is not the one inspecting": (
        TITLE + PERIOD + "市委第一、二巡察组配合省委巡视组对市交通局党组开展了联动巡察。\n", None, "市交通局党组"),
    "a commission's own team, named by its party group": (
        TITLE + PERIOD + "委党组巡察组对市疾控中心党委开展了巡察。\n", "委党组巡察组", "市疾控中心党委"),
    "a numbered team after the round": (
        TITLE + PERIOD + "十五届县委第三轮巡察第四巡察组对县统计局党组开展了常规巡察，县委巡察组于5月9日反馈了意见。\n", "第四巡察组", "县统计局党组"),
    "a round narrowed to this unit": (
        TITLE + PERIOD + "区委第一至第四巡察组对区属群团组织开展了联动巡察，其中区委第三巡察组对区文联党组进行了巡察。\n",
        "区委第三巡察组", "区文联党组"),
    "a unit named by itself first, by its name in the sentence stating the inspection": (
        TITLE + "市委第二巡察组对行党委开展巡察以来，全行认真整改。根据市委统一部署，" + PERIOD[9:] +
        "市委第二巡察组对宁川农商银行党委开展了常规巡察。\n", "市委第二巡察组", "宁川农商银行党委"),
    "the unit holding a meeting on rectifying the findings": (
        "11月3日，县档案馆党组召开县委第一巡察组巡察反馈问题整改专题民主生活会。\n", "县委第一巡察组", "县档案馆党组"),
    "a court's judicial inspection team gone to a court": (
        "9月5日，北岭中院司法巡查组到临江县法院开展政治督察与司法巡查工作。\n", "北岭中院司法巡查组", "临江县法院"),
    "a department's own 巡查 team": (
        TITLE + PERIOD + "县教育局党组第一巡查组对宁川县实验小学党支部开展了巡查。\n", "县教育局党组第一巡查组",
        "宁川县实验小学党支部"),
    "a team by its round and kind, its place after a stop": (
        TITLE + "近日，宁州市委第三轮对村(社区)提级巡察“回头看”第一组进驻宁川县城西社区开展巡察。\n",
        "宁州市委第三轮对村(社区)提级巡察“回头看”第一组", "宁川县城西社区"),
    "a team by its kind, no round": (
        TITLE + PERIOD + "县委村(社区)提级巡察第三组对城东村党支部开展了提级巡察。\n", "县委村(社区)提级巡察第三组",
        "城东村党支部"),
    "a village-level team": (TITLE + PERIOD + "区委第二村级巡察组对河西社区党委开展了巡察。\n", "区委第二村级巡察组", "河西社区党委"),
    "a placeholder for the number": (TITLE + PERIOD + "县委第*巡察组对县**局党组开展了巡察。\n", "县委第*巡察组", "县**局党组"),
    "a topic before 专项 without 的": (
        TITLE + PERIOD + "市委第四巡察组对宁川经开区党工委开展了征地拆迁上下联动专项巡察。\n", "市委第四巡察组", "宁川经开区党工委"),
    "two companies are no one target": (
        TITLE + PERIOD + "县委第一巡察组对两家县属企业开展了安全生产专项巡察。\n", "县委第一巡察组", None),
}


@pytest.mark.parametrize("name", sorted(INSPECTIONS))
def test_team_and_target(name):
    text, body, target = INSPECTIONS[name]
    found = _inspection(text)
    assert (found["body"], found["target"]) == (body, target)


def test_a_self_reference_resolved_by_the_headline_needs_no_review():
    notice = parse_to_dict(INSPECTIONS["a news item's 该院 without a title"][0])
    assert notice["inspection"]["target"] == "市妇幼保健院党委"
    assert "target_unresolved" not in notice["review_reasons"]


def test_a_team_without_its_committee_and_a_target_named_where_fed_back():
    text = (TITLE + "按照县委统一部署，2024年4月15日至7月5日，第三巡察组进行了巡察。9月12日，巡察组向县科协党组反馈了巡察意见。"
            "现将巡察整改情况予以公布。\n")
    found = _inspection(text)
    assert (found["body"], found["target"]) == ("第三巡察组", "县科协党组")
    assert [found[k]["iso"] for k in ("start", "end", "feedback")] == ["2024-04-15", "2024-07-05", "2024-09-12"]


def test_an_unresolved_self_reference_is_null_with_a_diagnostic():
    notice = parse_to_dict(PERIOD + "县委第三巡察组对我局党组进行了巡察。\n一、整改落实情况\n1.制度不健全。\n")
    assert notice["inspection"]["target"] is None
    assert "target" not in notice["inspection"]["spans"]
    assert "target_unresolved" in {d["code"] for d in notice["diagnostics"]}
    assert notice["needs_review"] and "target_unresolved" in notice["review_reasons"]


#: a sentence of the text → the declared counts it states: the noun first, a 、 between the two counts
COUNTS = {
    "存在的问题36个": ("巡察组指出局党组存在的问题36个。", {"problems": 36}),
    "反馈面上问题741个": ("省委巡视组反馈面上问题741个，已完成整改698个。", {"problems": 741, "completed": 698}),
    "4个方面、16个主要问题, all done": (
        "巡察反馈的4个方面、16个主要问题已全部完成整改。", {"categories": 4, "problems": 16, "completed": 16}),
    "more aspects than problems are digits run together": ("巡察组共指出213个方面17个问题。", {"problems": 17}),
    "all done in the sentence that counts them": (
        "巡察组反馈的2大方面9个具体问题，局党组已全部完成整改。", {"categories": 2, "problems": 9, "completed": 9}),
    "all done of a part is no count": (
        "巡察组反馈问题12个。立行立改问题已全部整改到位。", {"problems": 12}),
    "反馈问题共8项": ("市委巡察组反馈问题共8项，截至6月底，已完成5项，3项正在推进。", {"problems": 8, "completed": 5, "in_progress": 3}),
    "the items named before each count, then the total": (
        "已完成整改的有制度不健全、台账不清等7个问题，正在整改的有队伍建设滞后等3个问题，共计10个问题。",
        {"problems": 10, "completed": 7, "in_progress": 3}),
    "the ones that need long-term work": (
        "60项整改措施中，需要立行立改的22项已全部整改到位，需要长期坚持的38项正在推进。", {"completed": 22, "in_progress": 38}),
    "ASCII full stops end the counting sentence": (
        "截至10月底,9个问题已完成整改6个,持续推进3个.局党组对持续推进的3个问题实行挂账督办.", {"completed": 6, "in_progress": 3}),
    "a working slogan is no count": ("局党组坚持完成一项、销号一项，反馈的12个问题已完成整改10个。", {"problems": 12, "completed": 10}),
    "the count first, the rest due by a date": ("在96项具体整改任务中，68项已经完成，另有9项将于年内完成。", {"completed": 68, "in_progress": 9}),
    "the rest due, in the next sentence": (
        "在40项整改任务中，35项已经完成。另有5项整改任务将于6月底前完成。", {"completed": 35, "in_progress": 5}),
    "the total before its done count": ("对照反馈的3个方面9个问题，9个问题已整改完成7个。", {"categories": 3, "problems": 9, "completed": 7}),
    "a slogan without its 、": ("局党组坚持完成一项销号一项，反馈的12个问题已完成整改10个。", {"problems": 12, "completed": 10}),
    "a part done at once, then all done, in one sentence": (
        "需要立行立改的4项已全部整改到位，目前已完成整改21项。", {"completed": 21}),
    "a part done at once, then another check's tasks": (
        "需要立行立改的4项已全部整改到位。专项检查的50项任务已完成44项。", {"completed": 4}),
    "the rest under way": ("反馈的15个问题已完成整改12个，其余3个正在推进。", {"problems": 15, "completed": 12, "in_progress": 3}),
    "the rest on plan": ("已完成整改9个，其余2个正按计划推进。", {"completed": 9, "in_progress": 2}),
    "another few going on": ("目前已完成整改6个，另有2个正在持续推进。", {"completed": 6, "in_progress": 2}),
    "long-term ones": ("截至目前已完成整改10个，需长期坚持整改3个。", {"completed": 10, "in_progress": 3}),
    "a total opening the clause is no rest": ("截至5月底，40项整改措施中，已完成整改35项。", {"completed": 35}),
    "done as 整改到位, problems noun first after 指出": (
        "巡察指出问题11个，截至目前已整改到位9个，正在整改2个。", {"problems": 11, "completed": 9, "in_progress": 2}),
    "done as 整改落实": ("巡察反馈的6个问题，已整改落实6个。", {"problems": 6, "completed": 6}),
    "all of a count done": ("截至6月底，5个问题均已整改到位。", {"completed": 5}),
    "the rest with progress in stages": (
        "截至6月底，8个问题中已整改完成6个，2个取得阶段性进展。", {"completed": 6, "in_progress": 2}),
    "the rest with results in stages": ("已完成整改7个，其余3个已取得阶段性成效。", {"completed": 7, "in_progress": 3}),
    "the rest kept up long-term": ("已整改完成4个，1个需长期坚持。", {"completed": 4, "in_progress": 1}),
    "the noun first after 需整改": ("全镇12个村共需整改问题94项，已完成整改90项。", {"problems": 94, "completed": 90}),
    "aspects of problems beside a count of suggestions": (
        "巡察组指出局党组存在4个方面的问题，提出了6项整改建议。", {"categories": 4}),
    "aspects before a redacted count": ("局党组对反馈的3个方面XX个问题照单全收。", {"categories": 3}),
    "done as a bare 已整改": (
        "对反馈的2个方面5个问题逐条认领，已整改4个，1个正在整改。",
        {"categories": 2, "problems": 5, "completed": 4, "in_progress": 1}),
    "the rest described before they are under way": (
        "已完成整改8个，3个涉及跨部门协调的问题正在分步解决。", {"completed": 8, "in_progress": 3}),
    "the rest under continued work": ("已完成整改5个，持续整改2个。", {"completed": 5, "in_progress": 2}),
    "a class level between aspects and problems": ("对照反馈的3个方面5类9个问题逐项整改。", {"categories": 3, "problems": 9}),
    "a class level and no problem count": ("围绕反馈的4个方面11类问题和6条建议抓整改。", {"categories": 4}),
    "aspects without 个, then the total": ("巡察组反馈的2方面共7个问题均已列入台账。", {"categories": 2, "problems": 7}),
    "aspects alone": ("针对反馈的6个方面问题，逐项制定措施。", {"categories": 6}),
    "aspects, not problems, after 存在问题": ("巡察组指出局党组存在问题4个方面。", {}),
    "aspects, not problems, after 反馈问题": ("县委巡察组反馈问题5个方面。", {}),
    "the rest on the timetable": ("截至6月底，已完成整改10个，其余2个正在按时序推进。", {"completed": 10, "in_progress": 2}),
    "the rest, whatever is said of it": (
        "巡察组反馈的9个问题已完成整改7个，其余2个已明确时限，逐月跟进。", {"problems": 9, "completed": 7, "in_progress": 2}),
    "the rest done is no rest": ("已完成整改7个，其余2个均已完成立行立改。", {"completed": 7}),
    "those that need long-term work": ("截至8月底，已完成整改8个，3个需要长期坚持。", {"completed": 8, "in_progress": 3}),
    "large aspects and large items": ("共反馈问题2个大方面11个大项的问题。", {"categories": 2, "problems": 11}),
    "aspects, items and the problems in them": (
        "巡察组指出的3个方面9项20个具体问题，已完成整改15个。", {"categories": 3, "problems": 20, "completed": 15}),
    "problems sorted out, then measures": ("局党组梳理出问题9个、整改措施26条。", {"problems": 9}),
    "a rate of rectification": ("已完成整改8个，整改率80%。", {"completed": 8, "completion_rate": 0.8}),
    "tasks the problems were broken into": (
        "对反馈的3个方面问题，细化为40项整改任务，已完成31项，其余9项正在推进。", {"categories": 3}),
    "the rest of the measures done": (
        "反馈的5个方面12项问题细化为60项整改措施。已完成整改措施48项，其余12项正在推进。", {"categories": 5, "problems": 12}),
    "items handed over, counted in 件": (
        "巡察期间共移交立行立改事项4件。截至8月底，4件立行立改事项已完成3件，1件正在推进。", {"problems": 4, "completed": 3, "in_progress": 1}),
    "cases in 件 are no problems": ("共清理积案，完成12件。反馈的6个问题已完成整改5个。", {"problems": 6, "completed": 5}),
    "problems counted apart from their tasks": (
        "反馈的12个问题分解为40项整改任务，已完成整改9个，其余3个正在推进。", {"problems": 12, "completed": 9, "in_progress": 3}),
}


#: what a notice says of the rest of its problems after the done count (never that they are done)
REST_WORDS = ["正在推进", "正在按时序推进", "已制定计划，持续整改", "已明确时限", "需长期坚持", "正按计划推进"]


@settings(max_examples=60)
@given(st.integers(1, 80), st.integers(1, 20), st.sampled_from(REST_WORDS), st.sampled_from(["个", "项"]))
def test_the_rest_of_a_done_count_is_unfinished(done, rest, words, unit):
    sentence = f"反馈的{done + rest}个问题，截至目前已完成整改{done}{unit}，其余{rest}{unit}{words}。"
    declared = parse_to_dict(TITLE + sentence + "\n")["declared"]
    assert (declared["problems"], declared["completed"], declared["in_progress"]) == (done + rest, done, rest)


@settings(max_examples=60)
@given(st.integers(2, 9), st.integers(10, 200), st.integers(1, 9), st.sampled_from(["整改任务", "具体任务", "整改措施"]))
def test_counts_of_the_tasks_problems_were_broken_into_are_no_problem_counts(aspects, tasks, rest, noun):
    sentence = f"对反馈的{aspects}个方面问题，细化为{tasks}项{noun}，已完成{tasks - rest}项，其余{rest}项正在推进。"
    declared = parse_to_dict(TITLE + sentence + "\n")["declared"]
    assert (declared["categories"], declared["completed"], declared["in_progress"]) == (aspects, None, None)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_declared_counts(name):
    sentence, want = COUNTS[name]
    declared = parse_to_dict(TITLE + sentence + "\n")["declared"]
    assert {k: v for k, v in declared.items() if v is not None} == want


#: a title line with the page's words around it → the title
TITLES = {
    "a trailing publication date": ("中共宁川县林业局党组关于巡察整改进展情况的通报 (2024-07-26)", "中共宁川县林业局党组"),
    "a trailing date without brackets": ("中共宁川县林业局党组关于巡察整改进展情况的通报2024-07-26", "中共宁川县林业局党组"),
    "a leading column label": ("上级巡视:中共宁川县委关于省委巡视整改进展情况的通报", "中共宁川县委"),
    "a column set off by a bar": ("清风宁川丨中共宁川县委关于省委巡视整改进展情况的通报", "中共宁川县委"),
    "a news lead": ("本网讯 中共宁川县林业局党组关于巡察整改进展情况的通报", "中共宁川县林业局党组"),
    "a news lead with a lost separator": ("本报讯?中共宁川县林业局党组关于巡察整改进展情况的通报", "中共宁川县林业局党组"),
}


#: a title split over two lines, its issuer alone above a line that opens with the inspecting committee → the title
SPLIT_TITLES = {
    "the issuer above a team's feedback": (
        "中共某某县财政局党组\n县委第三巡察组反馈意见整改落实情况的通报\n",
        "中共某某县财政局党组县委第三巡察组反馈意见整改落实情况的通报"),
    "a page's column above a news headline": (
        "工作动态\n市委第三巡察组向市医保局党组反馈巡察情况\n", "市委第三巡察组向市医保局党组反馈巡察情况"),
}


@pytest.mark.parametrize("name", sorted(SPLIT_TITLES))
def test_a_split_title_keeps_its_issuer_line(name):
    lines, title = SPLIT_TITLES[name]
    assert parse_to_dict(lines + PERIOD + "县委第三巡察组对县财政局党组开展了常规巡察。\n")["title"] == title


@pytest.mark.parametrize("name", sorted(TITLES))
def test_title_line_without_page_words(name):
    line, issuer = TITLES[name]
    notice = parse_to_dict(line + "\n" + PERIOD + "县委第三巡察组对县林业局党组开展了常规巡察。\n")
    assert notice["title"] == issuer + line.split(issuer)[1].split(" (")[0].removesuffix("2024-07-26")
    assert notice["issuer"] == issuer
    assert notice["inspection"]["start"]["iso"] == "2024-03-01"
    span = notice["title_span"]
    assert line[span["start"]:span["end"]] == notice["title"]


WHOLE_TITLE = "中共宁川县林业局党组关于巡察整改进展情况的通报"
#: the text's opening lines → the title, where the page set more words around it or put it in a table's cell
TITLE_PLACES = {
    "a publication date glued before it": " date 2025-04-02 " + WHOLE_TITLE + "\n",
    "a table's bar after it": WHOLE_TITLE + " |\n",
    "a cell of the metadata table": "索引号: | 001-2024-07 | 分类: | 巡察 |\n名称: | " + WHOLE_TITLE + " | 文号: | |\n",
    "the intro run on after a space": WHOLE_TITLE + " ",
}


@pytest.mark.parametrize("name", sorted(TITLE_PLACES))
def test_title_with_the_page_words_around_it(name):
    notice = parse_to_dict(TITLE_PLACES[name] + PERIOD + "县委第三巡察组对县林业局党组开展了常规巡察。\n")
    assert (notice["title"], notice["issuer"]) == (WHOLE_TITLE, "中共宁川县林业局党组")
    assert notice["inspection"]["start"]["iso"] == "2024-03-01"


#: a news item's opening lines → its headline: a place and a colon before it, a source line alone below it
HEADLINES = {
    "a place before the headline": (
        "宁川县:十三届县委第二轮巡察启动\n\n发布时间:2024-03-01 来源:宁川纪检监察网\n\n",
        "宁川县:十三届县委第二轮巡察启动"),
    "the source alone below it": (
        '宁州市委开展提级巡察"回头看" 覆盖我县3个社区\n来源:宁川日报\n时间:2024-03-02\n',
        '宁州市委开展提级巡察"回头看" 覆盖我县3个社区'),
}


@pytest.mark.parametrize("name", sorted(HEADLINES))
def test_a_news_headline_above_its_info_line(name):
    head, title = HEADLINES[name]
    text = head + "按照县委部署,县委派出3个巡察组,于2024年3月4日至4月26日对县直单位开展常规巡察。巡察期间设立意见箱。\n"
    assert parse_to_dict(text)["title"] == title


NOTICE = (
    "中共宁川县林业局党组关于巡察整改进展情况的通报\n" + PERIOD + "县委第三巡察组对县林业局党组开展了常规巡察。\n"
    "一、整改落实情况\n1.制度执行不严格。\n整改措施：修订制度3项。\n"
)
#: the notice up to its first section: what each case below is set after
PREAMBLE = NOTICE.split("一、")[0]
SIGNED = NOTICE + "欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0736-5521309。\n\n中共宁川县林业局党组\n2024年9月2日\n"

#: the lines a page or a notice sets below the signature, kept out of the issuer and the signature
AFTER_SIGNATURE = {
    "published": "（此件公开发布）\n",
    "an attachment": "附件：整改台账\n",
    "copied to": "抄送：县委巡察办，县纪委监委。\n",
    "page furniture": "扫一扫在手机打开当前页\n",
    "an attachment list after the publication note": "（此件公开发布）\n附件：1.整改台账\n2.整改清单\n",
}


#: an attachment line set above the signature, not below it: the signature stays whole
ABOVE_SIGNATURE = {
    "an attachment named before the signature": "附件：整改任务清单\n中共宁川县林业局党组\n2024年9月2日\n",
    "an attachment list before the signature, a note after it":
        "附件：1.整改任务清单\n2.问题台账\n中共宁川县林业局党组\n2024年9月2日\n（此件公开发布）\n",
}


@pytest.mark.parametrize("name", sorted(ABOVE_SIGNATURE))
def test_an_attachment_above_the_signature_keeps_it(name):
    notice = parse_to_dict(NOTICE + "特此通报。\n" + ABOVE_SIGNATURE[name])
    assert notice["signature"]["org"] == "中共宁川县林业局党组"
    assert notice["signature"]["date"]["iso"] == "2024-09-02"


@pytest.mark.parametrize("name", sorted(AFTER_SIGNATURE))
def test_after_the_signature(name):
    notice = parse_to_dict(SIGNED + AFTER_SIGNATURE[name])
    assert notice["signature"]["org"] == "中共宁川县林业局党组"
    assert notice["signature"]["date"]["iso"] == "2024-09-02"
    assert [p["title"] for p in notice["problems"]] == ["制度执行不严格"]


#: the last line of a truncated text → whether it is a problem
LAST_LINES = {
    "a heading cut after a comma": ("2.弥补差距,致", False),
    "a heading cut on a comma": ("2.弥补差距，", False),
    "a whole heading with two clauses": ("2.理论学习不深入,学用结合不紧密", True),
    "a whole heading": ("2.资金管理不规范", True),
}


@pytest.mark.parametrize("name", sorted(LAST_LINES))
def test_heading_cut_by_the_end_of_the_text(name):
    line, is_problem = LAST_LINES[name]
    notice = parse_to_dict(NOTICE + line + "\n")
    assert len(notice["problems"]) == 1 + is_problem
    assert ("truncated" in {d["code"] for d in notice["diagnostics"]}) == (not is_problem)


#: problems each stated under the word 问题 and remedied under 整改, with or without a category over them
LABELLED = {
    "under the rectification heading": "一、整改落实情况\n",
    "under a second top heading": "一、整改工作开展情况\n局党组成立领导小组。\n二、反馈问题整改情况\n",
}


@pytest.mark.parametrize("name", sorted(LABELLED))
def test_problems_stated_under_the_word_problem(name):
    body = "问题:理论学习不深入,学用结合不紧密。\n整改:制定学习计划,开展专题研讨4次。\n问题:资金管理不规范。\n整改:修订财务制度2项。\n"
    problems = parse_to_dict(PREAMBLE + LABELLED[name] + body)["problems"]
    assert [(p["title"], p["category"]) for p in problems] == [
        ("理论学习不深入,学用结合不紧密", None), ("资金管理不规范", None)]
    assert [[m["text"] for m in p["measures"]] for p in problems] == [["制定学习计划,开展专题研讨4次。"], ["修订财务制度2项。"]]


def test_a_month_without_a_year_takes_none_from_another_problem():
    text = (PREAMBLE + "一、整改落实情况\n1.资金管理不规范。\n整改措施：2023年6月修订财务制度。\n"
            "2.档案管理滞后。\n整改措施：于11月份完成档案整理，12月底前完成归档。\n")
    problems = parse_to_dict(text)["problems"]
    dates = [[(e["text"], e["value"]["year"], e["value"]["year_inferred"]) for e in p["entities"] if e["type"] == "date"]
             for p in problems]
    assert dates == [[("2023年6月", 2023, False)], [("11月份", 2024, True), ("12月底前", 2024, True)]]


#: numbered measures in the overview part are no problems: the headings above the problems say who organised
#: the rectification (the 巡视 template's first part)
OVERVIEWS = {
    "rectification as a political task": "一、把抓好整改当作政治任务落实到位\n",
    "the party committee and its head": "一、党委及主要负责人组织落实整改情况\n",
    "the organisation of the rectification": "一、组织落实整改情况\n",
    "the organisation of the rectification, in the other order": "一、巡察整改组织落实情况\n",
}


@pytest.mark.parametrize("name", sorted(OVERVIEWS))
def test_numbered_measures_in_the_overview(name):
    text = (PREAMBLE + OVERVIEWS[name] + "1.以高度政治自觉扛起责任。局党组召开专题会议5次。\n"
            "2.以严实作风推动整改。建立整改台账。\n二、反馈问题整改落实情况\n(一)关于理论学习方面\n"
            "1.理论学习不深入。\n整改情况：制定学习计划。\n")
    problems = parse_to_dict(text)["problems"]
    assert [(p["category"], p["title"]) for p in problems] == [("关于理论学习方面", "理论学习不深入")]


ASPECTS = "第一方面问题:党的领导弱化\n(一)关于“理论学习不深入”的整改落实情况。制定学习计划。\n" \
          "(二)关于“资金管理不规范”的整改落实情况。修订制度。\n第二方面问题：基层党建薄弱\n" \
          "(一)关于“组织生活不严肃”的整改落实情况。开展检查。\n"


@pytest.mark.parametrize("wrapper", ["", "一、整改落实情况\n"])
def test_aspects_as_categories(wrapper):
    problems = parse_to_dict(PREAMBLE + wrapper + ASPECTS)["problems"]
    assert [(p["marker"], p["category"], p["title"]) for p in problems] == [
        ("(一)", "党的领导弱化", "理论学习不深入"), ("(二)", "党的领导弱化", "资金管理不规范"),
        ("(一)", "基层党建薄弱", "组织生活不严肃")]


def test_a_cut_text_with_one_category_at_the_top():
    text = PREAMBLE + "一、在管党治党责任落实不到位方面\n(一)关于个别领导干部纪律意识淡薄的问题。一是开展谈话。\n"
    assert [p["title"] for p in parse_to_dict(text)["problems"]] == ["个别领导干部纪律意识淡薄"]


def test_a_top_heading_that_names_one_problem():
    text = (PREAMBLE + "一、关于“服务群众的办法不多”问题的整改情况\n(一)拓宽服务渠道。开通服务热线。\n"
            "(二)健全工作机制。制定制度3项。\n")
    problems = parse_to_dict(text)["problems"]
    assert [(p["marker"], p["title"]) for p in problems] == [("一、", "服务群众的办法不多")]
    assert [m["text"][:7] for m in problems[0]["measures"]] == ["(一)拓宽服务", "(二)健全工作"]


def test_problems_stated_as_the_first_sentence_of_paragraphs_under_categories():
    text = (PREAMBLE + "(一)在落实上级决策部署有短板方面\n落实科普工作的部署打了折扣。2024年10月，组织开展专题学习。\n"
            "(二)在发挥联系纽带作用不够方面\n基层组织覆盖不全。2024年10月，召开专题会议，新建基层组织5个。\n")
    problems = parse_to_dict(text)["problems"]
    assert [(p["category"], p["title"]) for p in problems] == [
        ("在落实上级决策部署有短板方面", "落实科普工作的部署打了折扣"), ("在发挥联系纽带作用不够方面", "基层组织覆盖不全")]


def test_measures_counted_off_under_a_category_are_one_problem():
    text = (PREAMBLE + "一、整改落实情况\n(一)关于理论学习方面的问题\n一是建立学习制度。每月组织集中学习一次。\n"
            "二是开展专题研讨。全年研讨4次。\n(二)关于财务管理方面的问题\n一是修订报销制度。已印发执行。\n")
    problems = parse_to_dict(text)["problems"]
    assert [(p["title"], len(p["measures"])) for p in problems] == [("理论学习方面", 2), ("财务管理方面", 1)]


#: an intro whose 年 and 月 a site dropped → (start, end, feedback)
DAMAGED = {
    "a range with 日": ("根据区委统一部署，2022418日至615日，区委第三巡察组对区科协开展了巡察。20221027日，区委第三巡察组向区科协党组"
                       "反馈了巡察意见。\n", ("2022-04-18", "2022-06-15", "2022-10-27")),
    "a range without its last 日, a day opening a sentence": (
        "根据市委统一部署，2023911日至1129市委第五巡察组对市水务公司党委开展了常规巡察。1220市委第五巡察组向公司党委反馈了巡察意见。\n",
        ("2023-09-11", "2023-11-29", "2023-12-20")),
    "a month and day that split two ways are not read": (
        "根据市委统一部署，2023111日至125日，市委第五巡察组对市水务公司党委开展了常规巡察。\n", (None, None, None)),
    "a month and day of one digit each": (
        "根据县委统一部署，202137日至512日，县委第二巡察组对县统计局党组开展了巡察。\n", ("2021-03-07", "2021-05-12", None)),
    "only 月 dropped, the year kept": (
        "根据县委统一部署，2021年3月1日至4月30日，县委第二巡察组对县统计局党组开展了巡察，2021年611日反馈了巡察意见。\n",
        ("2021-03-01", "2021-04-30", "2021-06-11")),
    "the year run into the month, 日 lost": (
        "根据县委统一部署，20219月6,县委第二巡察组对县统计局党组开展了巡察。\n", ("2021-09-06", None, None)),
    "a range that lost its 至": (
        "根据县委统一部署，县委第二巡察组于2024年3月1日4月30日对县统计局党组进行了巡察。\n", ("2024-03-01", "2024-04-30", None)),
    "a news item's dateline is not the start": (
        "宁川在线5月8日讯 按照县委部署，2024年3月1日至4月30日，县委第二巡察组对县统计局党组开展了巡察。\n",
        ("2024-03-01", "2024-04-30", None)),
    "a count is no date": ("根据市委统一部署，市委第五巡察组对市水务公司党委开展了常规巡察，谈话2023317人次。\n", (None, None, None)),
}


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_dates_whose_year_and_month_marks_were_dropped(name):
    text, want = DAMAGED[name]
    found = _inspection(TITLE + text)
    assert tuple(found[k]["iso"] if found[k] else None for k in ("start", "end", "feedback")) == want
    for key in ("start", "end", "feedback"):
        if found[key]:
            span = found["spans"][key]
            assert (TITLE + text)[span["start"]:span["end"]] == found[key]["text"]


#: a news page's headline without a kind's words, right above the page's info line → the title
INFO_LINES = {
    "a team acting, above 发布时间": (
        "欢迎访问宁川县人民医院\n\n医院新闻\n\n县委第二巡察组对县人民医院开展专项巡察\n\n发布时间:2024-05-06  点击数:310\n\n"
        "5月6日，县委第二巡察组进驻县人民医院开展专项巡察，并召开动员会。\n", "县委第二巡察组对县人民医院开展专项巡察"),
    "a cry in a traditional repost's headline, above a glossed info line": (
        "首頁 > 新聞中心 > 行業(yè)動態(tài)\n\n整改見效!寧川縣林業局通報巡察整改進展\n\n發(fā)布時間:2024-05-06\n\n"
        "按照縣委統一安排，縣委第二巡察組對縣林業局黨組開展了巡察。\n", "整改見效!寧川縣林業局通報巡察整改進展"),
    "a study's headline, above its date and source": (
        "首页 工作动态 巡察工作\n宁川清风网\n\n宁川县村级巡察的难点与对策\n\n2024-05-06 10:12:30 | 来源: 宁川纪委网\n\n"
        "近年来，宁川县委把村级巡察作为重点，共发现问题120条。\n", "宁川县村级巡察的难点与对策"),
}


@pytest.mark.parametrize("name", sorted(INFO_LINES))
def test_a_headline_above_the_info_line(name):
    text, title = INFO_LINES[name]
    assert parse_to_dict(text)["title"] == title


#: a closing without 监督: an invitation to give opinions, a contact person and phone → its phone is read
CLOSINGS = {
    "an invitation to give opinions": "欢迎广大师生对整改工作提出意见建议，联系人：陈老师，联系电话：0571-6632418。",
    "a contact person and phone": "局党组将持续推进整改。联系人：陈老师，联系电话：0571-6632418。",
}


@pytest.mark.parametrize("name", sorted(CLOSINGS))
def test_a_closing_without_the_word_supervise(name):
    text = PREAMBLE + "一、整改落实情况\n1.制度不健全。\n整改情况：修订制度3项。\n" + CLOSINGS[name] + "\n"
    assert [c["value"] for c in parse_to_dict(text)["contacts"]] == ["0571-6632418"]


def test_a_page_set_on_one_line_with_taiwan_usage():
    text = ("中共柳塘村支部委員會關於鎮黨委巡察整改進展情況的通報釋出於: 綜合2022-05-17標籤: 巡察根據縣委統一部署，"
            "2021年9月6日至10月15日，縣委第三巡察組對我村黨支部開展了巡察。\n")
    notice = parse_to_dict(text)
    assert notice["title"] == "中共柳塘村支部委員會關於鎮黨委巡察整改進展情況的通報"
    assert notice["inspection"]["target"] == notice["issuer"] == "中共柳塘村支部委員會"


def test_a_page_set_on_one_line():
    text = ("党务公开中共宁川县科协党组关于巡察整改进展情况的通报发布时间2022年5月17日 来源:宁川县科协 阅读3418次根据县委统一安排，"
            "2021年9月6日至10月15日，县委巡察四组对县科协党组开展了巡察，并于2021年12月2日反馈了巡察意见。\n")
    notice = parse_to_dict(text)
    assert (notice["title"], notice["issuer"]) == ("中共宁川县科协党组关于巡察整改进展情况的通报", "中共宁川县科协党组")
    assert [notice["inspection"][k]["iso"] for k in ("start", "end", "feedback")] == [
        "2021-09-06", "2021-10-15", "2021-12-02"]


@pytest.mark.parametrize("line", ["(一)贯彻落实上级重大决策部", "(一)已整改完成的问题"])
def test_a_heading_cut_in_mid_word_or_a_bare_status_group_at_the_end(line):
    text = PREAMBLE + "一、整改落实情况\n(一)关于理论学习方面\n1.理论学习不深入。\n整改措施：制定计划。\n" \
        + "二、聚焦反馈问题，扎实推进整改\n" + line + "\n"
    assert [p["title"] for p in parse_to_dict(text)["problems"]] == ["理论学习不深入"]


#: problems at the top level, each with its own labelled lines, the first naming a rectification in its own
#: words (``问题整改不彻底``): every one of them is a problem, not only the one whose words read as a section
TOP_LABELLED = {
    "the first names an earlier rectification": (
        "1、针对上轮巡察指出的食堂采购问题整改不彻底的问题。\n原因分析:对整改标准把握不严。\n整改情况:重新招标,完成。\n"
        "2、针对档案管理滞后的问题。\n原因分析:人员不足。\n整改情况:补录档案120卷。\n",
        ["上轮巡察指出的食堂采购问题整改不彻底", "档案管理滞后"]),
    "the second names a rectification": (
        "1、针对公务接待超标准的问题。\n原因分析:制度宽松。\n整改情况:修订接待办法。\n"
        "2、针对反馈问题整改台账不全的问题。\n原因分析:专人未定。\n整改情况:明确专人管理台账。\n",
        ["公务接待超标准", "反馈问题整改台账不全"]),
}


@pytest.mark.parametrize("name", sorted(TOP_LABELLED))
def test_labelled_problems_at_the_top_level(name):
    body, titles = TOP_LABELLED[name]
    problems = parse_to_dict(PREAMBLE + body)["problems"]
    assert [p["title"] for p in problems] == titles


#: categories by their ordinal aspect (``第一方面问题：…``), one of which names a rectification in its own words:
#: every aspect holds problems, not only that one
ASPECT_WORDS = {
    "the last aspect names the rectification of earlier findings": (
        "第一方面问题:学习教育抓得不实。\n(一)关于“理论学习流于形式”的整改落实情况\n制定学习计划。\n"
        "第二方面问题:反馈问题整改与业务结合不紧。\n(二)关于“整改台账更新滞后”的整改落实情况\n每月更新台账。\n",
        ["理论学习流于形式", "整改台账更新滞后"]),
}


@pytest.mark.parametrize("name", sorted(ASPECT_WORDS))
def test_aspects_one_of_which_names_a_rectification(name):
    body, titles = ASPECT_WORDS[name]
    problems = parse_to_dict(PREAMBLE + body)["problems"]
    assert [p["title"] for p in problems] == titles
