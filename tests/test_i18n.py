"""The interface's catalogues (outputs/i18n): complete, alike in every language, and used by every command."""
from __future__ import annotations

import os
import re
import string
import typing
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from xuncha_parse.cli import main
from xuncha_parse.enrich.topics import TAXONOMY
from xuncha_parse.fields.checks import REVIEW_CODES
from xuncha_parse.outputs import models
from xuncha_parse.outputs.i18n import LANGS, catalogue, default_lang

SAMPLE = str(Path(__file__).resolve().parent.parent / "samples" / "004_65a99f9994ad9ae9.txt")
#: the diagnostic codes the parser emits (a test below finds them in its source)
SOURCE = Path(__file__).resolve().parent.parent / "src" / "xuncha_parse"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_the_same_keys_and_fields():
    zh, en = catalogue("zh").strings, catalogue("en").strings
    assert set(zh) == set(en)
    assert [k for k in zh if _fields(zh[k]) != _fields(en[k])] == []


def _literals(annotation) -> tuple[str, ...]:
    return typing.get_args(annotation)


@pytest.mark.parametrize("kind,codes", [
    ("topic", tuple(TAXONOMY)),
    ("status", _literals(models.Problem.model_fields["status"].annotation)),
    ("role", _literals(models.Section.model_fields["role"].annotation)),
    ("contact", _literals(models.Contact.model_fields["type"].annotation)),
    ("level", _literals(models.Diagnostic.model_fields["level"].annotation)),
    ("count", ("categories", "problems", "completed", "in_progress")),
    ("kind", _literals(models.Notice.model_fields["kind"].annotation)),
    ("reason", REVIEW_CODES),
    ("diag", REVIEW_CODES),
])
@pytest.mark.parametrize("lang", LANGS)
def test_every_code_the_data_carries_has_a_name(kind, codes, lang):
    t = catalogue(lang)
    assert codes and [c for c in codes if f"{kind}.{c}" not in t.strings] == []


def test_every_diagnostic_code_the_parser_emits_has_a_description():
    emitted = {m.group(1) for path in SOURCE.rglob("*.py") if "outputs" not in path.parts
               for m in re.finditer(r'Diagnostic\(\s*"(?:warning|info)",\s*"(\w+)"', path.read_text(encoding="utf-8"))}
    assert len(emitted) >= 6
    for lang in LANGS:
        assert [c for c in emitted if f"diag.{c}" not in catalogue(lang).strings] == []


def test_chinese_names_are_chinese_and_distinct():
    t = catalogue("zh")
    names = [t.code("topic", c) for c in TAXONOMY]
    assert len(set(names)) == len(names) and all(re.search("[\u4e00-\u9fff]", n) for n in names)


@pytest.mark.parametrize("env,lang", [(None, "zh"), ("en", "en"), ("zh", "zh"), ("EN_US.UTF-8", "en"), ("fr", "zh")])
def test_default_language_from_the_environment(monkeypatch, env, lang):
    if env is None:
        monkeypatch.delenv("XUNCHA_LANG", raising=False)
    else:
        monkeypatch.setenv("XUNCHA_LANG", env)
    assert default_lang() == lang == catalogue().lang


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="no catalogue"):
        catalogue("fr")


def test_cli_offers_exactly_the_catalogues():
    for command in ("review", "show", "stats", "batch"):
        option = next(p for p in main.commands[command].params if p.name == "lang")
        assert tuple(option.type.choices) == LANGS


@pytest.mark.parametrize("args,zh,en", [
    (["show", SAMPLE], "25 个问题", "25 problems"),
    (["stats", SAMPLE], "1 份通报，25 个问题，0 个文件失败", "1 notices, 25 problems, 0 failed"),
    (["review", SAMPLE], "审阅：XX市委市级机关工委", "Review: XX市委市级机关工委"),
])
def test_commands_speak_chinese_by_default_and_english_when_asked(monkeypatch, args, zh, en):
    monkeypatch.delenv("XUNCHA_LANG", raising=False)
    chinese = CliRunner().invoke(main, args)
    english = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert chinese.exit_code == english.exit_code == 0, chinese.output + english.output
    assert zh in chinese.output and en not in chinese.output
    assert en in english.output and zh not in english.output
    monkeypatch.setenv("XUNCHA_LANG", "en")
    assert en in CliRunner().invoke(main, args).output


def test_batch_review_pages_follow_lang(tmp_path, monkeypatch):
    monkeypatch.delenv("XUNCHA_LANG", raising=False)
    pages = tmp_path / "pages"
    result = CliRunner().invoke(main, ["batch", SAMPLE, "-o", str(tmp_path / "a.jsonl"), "--review-dir", str(pages),
                                       "--quiet", "--lang", "en"])
    assert result.exit_code == 0, result.output
    page = next(pages.glob("*.html")).read_text(encoding="utf-8")
    assert '<html lang="en"' in page and "25 problems" in page
    assert "XUNCHA_LANG" not in os.environ  # the command's choice ends with it


def test_report_lists_every_failed_file_with_its_reason(tmp_path, monkeypatch):
    monkeypatch.delenv("XUNCHA_LANG", raising=False)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "a.jsonl").write_text('{"source": {"path": "x.txt"}, "error": {"type": "decode", "message": "bad bytes"}}\n',
                                             encoding="utf-8")
    report = tmp_path / "report.html"
    CliRunner().invoke(main, ["stats", SAMPLE, str(tmp_path / "in"), str(tmp_path / "a.jsonl"), "--html", str(report)])
    page = report.read_text(encoding="utf-8")
    assert "未能处理的文件：2 个" in page
    assert "broken.txt" in page and "x.txt" in page and "bad bytes" in page
    assert ">XX市委市级机关工委<" in page  # the notice named by its unit


# ---------------------------------------------------------------- the notice's own words are marked, never the interface's

class _UiText(HTMLParser):
    """The text of a page outside elements marked ``translate="no"`` and outside script, style and title."""

    SKIP = {"script", "style", "title"}
    VOID = {"meta", "input", "br", "img", "link", "rect"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = [False]
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(self.stack[-1] or tag in self.SKIP or dict(attrs).get("translate") == "no")

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            self.stack.pop()

    def handle_data(self, data):
        if not self.stack[-1] and data.strip():
            self.out.append(data.strip())


def ui_text(page: str) -> list[str]:
    parser = _UiText()
    parser.feed(page)
    return parser.out


#: Latin words a Chinese page may show: the program's name and a hash's name and digits
ALLOWED = re.compile(r"xuncha|sha256|\b[0-9a-f]{6,}\b")
WORDS = st.text(alphabet=string.ascii_letters + " ", min_size=1, max_size=12).filter(str.strip)


def _sample() -> dict:
    from xuncha_parse import parse_file

    return parse_file(SAMPLE).model_dump(mode="json")


@settings(max_examples=25, deadline=None)
@given(words=st.lists(WORDS, min_size=9, max_size=9))
def test_notice_words_in_latin_letters_never_pass_for_interface_text(words):
    """Whatever the notice says (here: Latin words in every field the pages show), the Chinese pages'
    own text stays Chinese: the notice's words are all marked translate="no"."""
    from xuncha_parse.outputs.report import render_report
    from xuncha_parse.outputs.review import render_review

    notice, text = _sample(), Path(SAMPLE).read_text(encoding="utf-8")
    title, issuer, body, target, kind, problem, category, message, path = words
    notice.update(title=title, issuer=issuer)
    notice["source"]["path"] = path
    notice["inspection"].update(body=body, target=target, kind=kind)
    notice["problems"][0].update(title=problem, category=category, marker=problem[:3])
    notice["diagnostics"] = [{"level": "warning", "code": "new_code", "message": message, "line": 1}]
    for page in (render_review(notice, text, lang="zh"), render_report([notice], None, [f"{path}\t{message}"], lang="zh")):
        assert [x for x in ui_text(page) if re.search("[A-Za-z]", ALLOWED.sub("", x))] == []


def test_an_unknown_language_is_a_usage_error():
    result = CliRunner().invoke(main, ["show", SAMPLE, "--lang", "fr"])
    assert result.exit_code == 2 and "'fr' is not one of 'zh', 'en'" in result.output and "Traceback" not in result.output
