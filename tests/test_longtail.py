"""The long tail of real shapes (issue 21), one fixture table per class of failure.  Every line here was
written for this file; the shapes are the ones docs/NOTICES.md names."""
from __future__ import annotations

import pytest

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
    "本单位": (TITLE + PERIOD + "县委第二巡察组对本单位开展了巡察。\n", "县委第二巡察组", "中共宁川县统计局党组"),
    "a unit's kind and party body without a place": (
        TITLE + PERIOD + "县委第二巡察组对局党组开展了巡察。\n", "县委第二巡察组", "中共宁川县统计局党组"),
    "the round named after the target": (
        TITLE + PERIOD + "市委第二巡察组对市保健办党委开展了七届市委第八轮巡察。\n", "市委第二巡察组", "市保健办党委"),
    "a short alias kept out": (
        TITLE + PERIOD + "市委第二巡察组对宁川县融资担保有限公司(简称担保公司)开展了巡察。\n",
        "市委第二巡察组", "宁川县融资担保有限公司"),
    "a team named by its topic": (
        TITLE + PERIOD + "区委营商环境专项巡察组对区商务局党组开展了专项巡察。\n", "区委营商环境专项巡察组", "区商务局党组"),
    "two teams": (
        TITLE + PERIOD + "市委第一巡察组、第六巡察组对市水利局党组开展了巡察。\n", "市委第一巡察组、第六巡察组", "市水利局党组"),
    "a range of teams": (
        TITLE + PERIOD + "县委第一至第五巡察组对县直12个单位开展了巡察。\n", "县委第一至第五巡察组", "县直12个单位"),
    "a team after its round": (
        TITLE + PERIOD + "六届市委第九轮巡察二组对市审计局党组开展了巡察。\n", "市委第九轮巡察二组", "市审计局党组"),
    "two teams in traditional script": (
        "中共寧川縣統計局黨組關於巡察整改進展情況的通報\n根據縣委統一部署，市委第一巡察組、第六巡察組對市水利局黨組開展了巡察。\n",
        "市委第一巡察組、第六巡察組", "市水利局黨組"),
}


@pytest.mark.parametrize("name", sorted(INSPECTIONS))
def test_team_and_target(name):
    text, body, target = INSPECTIONS[name]
    found = _inspection(text)
    assert (found["body"], found["target"]) == (body, target)


def test_an_unresolved_self_reference_is_null_with_a_diagnostic():
    notice = parse_to_dict(PERIOD + "县委第三巡察组对我局党组进行了巡察。\n一、整改落实情况\n1.制度不健全。\n")
    assert notice["inspection"]["target"] is None
    assert "target" not in notice["inspection"]["spans"]
    assert "target_unresolved" in {d["code"] for d in notice["diagnostics"]}
    assert notice["needs_review"] and "target_unresolved" in notice["review_reasons"]
