"""Keywords and topics (jieba with the domain dictionary), and `xuncha stats`."""
import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLE_NAMES, load_truth
from hypothesis import given
from hypothesis import strategies as st

from xuncha_parse.cli import main
from xuncha_parse.enrich.keywords import domain_terms, keywords, tokenizer
from xuncha_parse.enrich.topics import TAXONOMY, found_terms, topics_of

# problem title → expected topic codes (from the samples' truth, then made-up titles)
TOPICS = [
    ("“第一议题”制度执行不严格", {"political_theory"}),
    ("理论学习不扎实", {"political_theory"}),
    ("消防安全责任意识淡薄", {"security_records"}),
    ("档案安全管理制度执行不严格", {"security_records"}),
    ("意识形态工作责任制落实不到位", {"ideology"}),
    ("廉政风险排查不到位", {"integrity_supervision"}),
    ("资金管理存在漏洞", {"finance_assets"}),
    ("议事决策制度缺失", {"institutions"}),
    ("推动协商平台建管用力度不足", {"core_duties"}),
    ("提升政协委员履职能力不够有力", {"core_duties"}),
    ("保密工作抓得不严不实", {"security_records"}),
    ("对全面从严治党工作重视不够、谋划不足,压力传导不到位", {"integrity_supervision"}),
    ("因私出国境证照管理有漏洞,存在风险隐患", {"security_records"}),
    ("财务管理不规范", {"finance_assets"}),
    ("政府采购不规范", {"finance_assets"}),
    ("民主集中制执行不规范", {"institutions"}),
    ("党务干部队伍建设有差距", {"party_organization", "personnel"}),
    ("干部选拔任用工作不规范", {"personnel"}),
    ("违反中央八项规定精神仍然存在", {"work_style"}),
    ("党支部换届选举工作不严肃", {"party_organization"}),
    ("干部职级晋升动议、考察等环节程序不规范", {"personnel"}),
    ("进一步规范公务用车管理", {"finance_assets"}),
    ("提高公文办理水平", {"institutions"}),
    ("跟踪了解提案办理落实情况", {"core_duties"}),
    ("规范党费管理使用", {"finance_assets"}),
    ("‘三会一课’制度落实不够到位", {"party_organization"}),
    ("干部轮岗交流力度不足", {"personnel"}),
    ("调查研究不深入", {"work_style"}),
    ("形式主义依然存在", {"work_style"}),
    ("固定资产入账不及时", {"finance_assets"}),
    ("学习贯彻党的XX大精神存在弱项", {"political_theory"}),
    ("网络宣传阵地管理缺位", {"ideology"}),
    ("公务卡结算制度执行不到位", {"finance_assets"}),
    ("会议记录不规范", {"institutions"}),
    ("机关效能建设有待提升", set()),
]


@pytest.mark.parametrize("title,expected", TOPICS)
def test_topics(title, expected):
    assert {t["code"] for t in topics_of(title)} == expected


def test_topics_name_their_terms():
    [topic] = topics_of("固定资产入账不及时")
    assert topic == {"code": "finance_assets", "terms": ["固定资产"]}


def test_enough_topic_cases():
    assert len(TOPICS) >= 30


def test_every_domain_term_stays_whole():
    tk = tokenizer()
    broken = [t for t in domain_terms() if tk.lcut(t, HMM=False) != [t]]
    assert broken == []


@pytest.mark.parametrize("text,term", [
    ("违反中央八项规定精神仍然存在，会议期间住宿超标", "中央八项规定精神"),
    ("“三会一课”制度落实不够到位，党小组会未按期召开", "三会一课"),
    ("“第一议题”制度执行不严格，党支部均未执行", "第一议题"),
    ("对全面从严治党工作重视不够，压力传导不到位", "全面从严治党"),
    ("公务用车管理不规范，台账不全", "公务用车"),
    ("固定资产入账不及时，未列入固定资产账户", "固定资产"),
])
def test_domain_terms_are_single_keywords(text, term):
    words = keywords(text)
    assert term in words and words.index(term) < 3
    assert not any(w.isdigit() for w in words)


def test_our_segmentation_gives_jiebas_words():
    """keywords.han_words (graph and path in one pass) gives the Chinese words of two or more characters
    of jieba's own cut: on every sample line and on 3,000 random strings of the samples' characters
    with some Latin letters and digits, with the same dictionary."""
    import random

    from conftest import load_sample

    from xuncha_parse.enrich.keywords import _import_jieba, han_words
    from xuncha_parse.grammar import HAN_WORD

    ours = tokenizer()
    theirs = _import_jieba().Tokenizer()
    theirs.FREQ, theirs.total, theirs.initialized = ours.FREQ, ours.total, True
    samples = [load_sample(name) for name in SAMPLE_NAMES]
    texts = [line for text in samples for line in text.split("\n") if line.strip()]
    alphabet, rng = sorted(set("".join(samples)) | set("aZ9-_")), random.Random(7)
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 80))) for _ in range(3000)]
    for text in texts:
        expected = [w for w in theirs.cut(text, HMM=False) if len(w) > 1 and HAN_WORD.fullmatch(w)]
        assert han_words(ours, text) == expected, text


def test_every_sample_problem_gets_keywords():
    runner = CliRunner()
    for name in SAMPLE_NAMES:
        out = runner.invoke(main, ["parse", "--keywords", str(ROOT / "samples" / f"{name}.txt")]).stdout
        assert all(p["keywords"] for p in json.loads(out)["problems"])


def test_stats_json_agrees_with_truth(tmp_path):
    runner = CliRunner()
    jsonl = tmp_path / "all.jsonl"
    runner.invoke(main, ["batch", "--quiet", str(ROOT / "samples"), "-o", str(jsonl)])
    for source in (str(ROOT / "samples"), str(jsonl)):
        summary = json.loads(runner.invoke(main, ["stats", "--json", source]).stdout)
        truths = [load_truth(n) for n in SAMPLE_NAMES]
        assert summary["problems"] == sum(len(t["problems"]) == 0 or len(t["problems"]) for t in truths) == 87
        for row, truth in zip(summary["per_notice"], truths):
            assert row["problems"] == len(truth["problems"])
            for status in ("completed", "in_progress"):
                if truth["statuses"]:
                    assert row[status] == truth["statuses"].count(status)
        assert summary["declared_mismatches"] == []
        assert sum(summary["topics"].values()) >= 87


def test_stats_tables_print(tmp_path):
    result = CliRunner().invoke(main, ["stats", str(ROOT / "samples")])
    assert result.exit_code == 0 and "整改状态" in result.stdout and "关键词" in result.stdout


def _run(code: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=env["CWD"])


def test_parse_without_keywords_never_imports_jieba(tmp_path):
    code = (f"import sys; from xuncha_parse.cli import main\n"
            f"try: main(['parse', {str(ROOT / 'samples' / (SAMPLE_NAMES[0] + '.txt'))!r}])\n"
            "except SystemExit: pass\n"
            "print('jieba' in sys.modules, file=sys.stderr)")
    env = {**os.environ, "CWD": str(tmp_path)}
    assert _run(code, env).stderr.strip() == "False"


def test_jieba_is_silent_and_caches_in_the_user_cache(tmp_path):
    cache, work = tmp_path / "cache", tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "CWD": str(work)}
    code = "from xuncha_parse.enrich.keywords import keywords; print(keywords('三会一课制度落实不到位'))"
    first = _run(code, env)
    assert first.returncode == 0 and first.stderr == "" and "三会一课" in first.stdout
    assert [p.name for p in (cache / "xuncha").iterdir()][0].endswith(".marshal")
    assert list(work.iterdir()) == []
    assert _run(code, env).stdout == first.stdout  # from the cache


def test_jieba_works_with_a_read_only_cache(tmp_path):
    cache = tmp_path / "ro"
    cache.mkdir()
    cache.chmod(0o500)
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "CWD": str(tmp_path)}
    try:
        result = _run("from xuncha_parse.enrich.keywords import keywords; print(keywords('公务用车管理不规范'))", env)
    finally:
        cache.chmod(0o700)
    assert result.returncode == 0 and result.stderr == "" and "公务用车" in result.stdout


def test_stats_counts_bad_jsonl_lines_as_failures(tmp_path):
    runner = CliRunner()
    jsonl = tmp_path / "mixed.jsonl"
    runner.invoke(main, ["batch", "--quiet", str(ROOT / "samples" / f"{SAMPLE_NAMES[0]}.txt"), "-o", str(jsonl)])
    with open(jsonl, "ab") as f:
        f.write(b'{"source": {"path": "x.txt"}, "error": {"type": "DecodeError", "message": "empty file"}}\n')
        f.write(b"not json\n")
        f.write(b'{"unrelated": 1}\n')
    result = runner.invoke(main, ["stats", "--json", str(jsonl)])
    assert result.exit_code == 1  # inputs failed (issue 13): exit 1, each named on stderr
    assert "x.txt" in result.stderr and f"{jsonl}:3" in result.stderr
    summary = json.loads(result.stdout)
    assert (summary["notices"], summary["problems"], summary["failed"]) == (1, 10, 3)



_TERMS = sorted({t for terms in TAXONOMY.values() for t in terms})
_TERM_TEXT = st.lists(st.one_of(st.sampled_from(_TERMS), st.text(alphabet="".join(set("".join(_TERMS))) + "，的",
                                                                   max_size=6)), max_size=6).map("".join)


@given(_TERM_TEXT)
def test_found_terms_are_every_term_in_the_text(text):
    """Terms overlap (``党风廉政`` and ``廉政``, ``固定资产`` and ``资产``): every one that occurs is found."""
    assert found_terms(text) == {t for t in _TERMS if t in text}
