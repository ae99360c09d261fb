"""layout/rules.py: one registration binds a line rule's name, pattern, token action and tree step."""
import re

import pytest

from xuncha_parse import parse_text
from xuncha_parse.layout.rules import LINES, LineGrammar, classify, fold
from xuncha_parse.layout.text import Source, split_lines
from xuncha_parse.layout.tokens import make_heading, make_noise
from xuncha_parse.layout.tree import attach, open_heading, skip


def test_every_token_kind_has_one_tree_step():
    kinds = {r.kind for r in LINES.rules} | {"blank", "body"}
    assert set(LINES.steps) == kinds
    assert all(LINES.steps[r.kind] is r.step for r in LINES.rules)


def test_heading_rules_are_named_after_their_style():
    assert [r.name for r in LINES.rules if r.kind == "heading"] == [
        r.style for r in LINES.rules if r.kind == "heading"]


def test_a_name_registers_once():
    g = LineGrammar()
    g.register("chrome", "noise", re.compile("x"), make_noise, skip)
    with pytest.raises(ValueError, match="twice"):
        g.register("chrome", "noise", re.compile("y"), make_noise, skip)


def test_a_kind_folds_by_one_step():
    g = LineGrammar()
    g.register("cn", "heading", re.compile("x"), make_heading, open_heading)
    with pytest.raises(ValueError, match="another tree step"):
        g.register("part", "heading", re.compile("y"), make_heading, attach)


def test_registered_rule_is_tried_in_order():
    """A rule registered on the table is what classify and fold use: the first heading opens a node."""
    tokens = [classify(line) for line in split_lines(Source("一、总体情况\n正文。\n（一）组织领导"))]
    assert [t.kind for t in tokens] == ["heading", "body", "heading"]
    root, _ = fold(tokens)
    assert [n.token.marker for n in root.walk()] == ["一、", "（一）"]
    assert root.children[0].body == [tokens[1]]


def test_pdf_page_numbers_are_noise():
    text = ("一、整改落实情况\n1.理论学习不深入。\n整改措施：一是制定学习计划，每月集中学习一次，\n- 3 -\n"
            "并建立学习台账。\n")
    n = parse_text(text)
    assert "- 3 -" not in "".join(m.text for m in n.problems[0].measures)
