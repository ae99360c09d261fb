"""The corpus analysis (issue 24): normalisation and vocabulary as fixture tables, clusters without chaining
(a property), a unit inspected twice, the samples copied under other unit names, and the commands."""
import re
import sqlite3

import pytest
from click.testing import CliRunner
from conftest import ROOT, SAMPLES
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("numpy", reason="pip install 'xuncha[analysis]'")
pytest.importorskip("rapidfuzz", reason="pip install 'xuncha[analysis]'")

from rapidfuzz.distance import Indel  # noqa: E402

from xuncha_parse.analysis.cluster import WORDING_THRESHOLD, near_clusters  # noqa: E402
from xuncha_parse.analysis.normalize import finding_text, finding_type, wording  # noqa: E402
from xuncha_parse.analysis.units import unit_key  # noqa: E402
from xuncha_parse.cli import main  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "analysis"

WORDING = [
    # (title, names, normalised wording)
    ("一是部分党员干部理论学习不深入", (), "党员干部理论学习不深入"),
    ("有的“三会一课”制度落实不到位。", (), "三会一课制度落实不到位"),
    ("县文化和旅游局财务管理不规范", ("县文化和旅游局",), "财务管理不规范"),
    ("（二）个别干部作风不实", (), "二干部作风不实"),
]


@pytest.mark.parametrize(("title", "names", "expected"), WORDING)
def test_wording(title, names, expected):
    assert wording(title, None, names) == expected


FINDINGS = [
    # (title, finding type): the same finding in other words, and hard different pairs
    ("选人用人不够严格", "personnel"),
    ("干部选拔任用不规范", "personnel"),
    ("主体责任落实不到位", "principal_duty"),
    ("监督责任落实不到位", "supervision_duty"),
    ("财务管理不规范", "finance"),
    ("严守财经纪律不到位", "financial_discipline"),
    ("学习贯彻习近平新时代中国特色社会主义思想不够深入", "theory_study"),
    ("落实管党治党政治责任不到位", "principal_duty"),
    ("形式主义依然存在", "formalism"),
    ("会议记录不规范", None),
]


@pytest.mark.parametrize(("title", "kind"), FINDINGS)
def test_finding_type(title, kind):
    assert finding_type(finding_text(wording(title))) == kind


VARIANTS = [
    ("理论学习不深不透", "理论学习不深入"),
    ("理论学习不够深入", "理论学习不深入"),
    ("责任落实不力", "责任落实不到位"),
    ("责任落实不够到位", "责任落实不到位"),
    ("干部选拔任用不够规范", "选人用人不规范"),
]


@pytest.mark.parametrize(("text", "canonical"), VARIANTS)
def test_variants_become_canonical(text, canonical):
    assert finding_text(text) == canonical


UNITS = [
    # (target, issuer, key)
    ("市政协机关党组", "霍林郭勒市政协机关党组", "霍林郭勒市政协"),
    ("政协机关", "潮州市湘桥区政协机关", "潮州市湘桥区政协"),
    ("县文化和旅游局党组", "中共青山县文化和旅游局党组", "青山县文化和旅游局"),
    (None, "中共青山县委员会", "青山县委"),
    ("县人民政府办公室", "青山县人民政府办公室党组", "青山县政府办公室"),
]


@pytest.mark.parametrize(("target", "issuer", "key"), UNITS)
def test_unit_key(target, issuer, key):
    assert unit_key(target, issuer) == key


def test_a_chain_of_near_pairs_does_not_join_its_ends():
    # each neighbour is one edit away; the ends are four apart (ratio below the threshold)
    chain = ["党员教育管理不严格", "党员教育管理不严", "党员教育管理宽松", "党员管理宽松软", "党员日常管理宽松软"]
    found = near_clusters(chain)
    for i, rep in enumerate(found.representative.tolist()):
        assert Indel.normalized_similarity(chain[i], chain[rep]) >= WORDING_THRESHOLD


@given(st.lists(st.sampled_from(["财务管理不规范", "财务管理不够规范", "财务管理规范", "主体责任落实不到位",
                                 "主体责任落实不够到位", "监督责任落实不到位", "监督责任不到位", "理论学习不深入"]),
                min_size=1, max_size=30))
def test_every_member_matches_its_representative(texts):
    found = near_clusters(texts)
    for i, (rep, sim) in enumerate(zip(found.representative.tolist(), found.similarity.tolist())):
        assert texts[rep] == texts[found.representative[rep]]  # a representative represents itself
        assert Indel.normalized_similarity(texts[i], texts[rep]) >= WORDING_THRESHOLD
        assert sim == pytest.approx(Indel.normalized_similarity(texts[i], texts[rep]), abs=1e-4)


# ---------------------------------------------------------------- databases


def _db(tmp_path, folder) -> str:
    db = str(tmp_path / "notices.db")
    result = CliRunner().invoke(main, ["batch", str(folder), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["analyze", db])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("lang, line", [("zh", "已更新=0 问题=7 同措辞组=1 同类问题组=1 单位=1 屡查屡犯=1"),
                                        ("en", "changed=0 problems=7 wording_clusters=1 finding_clusters=1 units=1 recurring=1")])
def test_the_analyze_summary_speaks_the_language(tmp_path, lang, line):
    db = _db(tmp_path, FIXTURES)
    result = CliRunner().invoke(main, ["analyze", db], env={"XUNCHA_LANG": lang})
    assert result.exit_code == 0 and result.stderr.splitlines() == [line]


def test_a_unit_inspected_twice(tmp_path):
    db = _db(tmp_path, FIXTURES)
    result = CliRunner().invoke(main, ["units", db, "青山县文化和旅游局", "--json"])
    assert result.exit_code == 0, result.output
    rounds = [__import__("json").loads(line) for line in result.output.splitlines()]
    assert [(r["position"], r["date"], r["lookback"]) for r in rounds] == [(1, "2022-03-10", 0), (2, "2024-04-08", 1)]
    with sqlite3.connect(db) as conn:
        again = conn.execute("SELECT earlier_title, earlier_status, later_title FROM recurring_problems "
                             "WHERE level = 'finding'").fetchall()
    assert again == [("财务管理不规范", "completed", "部分财务管理不够规范")]
    assert rounds[0]["recurring"][0]["earlier_status"] == "completed"


EDITS = [  # the small edits of the issue: a 部分 added, 不到位 -> 不够到位, one character dropped
    lambda t: "部分" + t,
    lambda t: t.replace("不到位", "不够到位"),
    lambda t: t[: len(t) // 2] + t[len(t) // 2 + 1:] if len(t) > 6 else t,
]
OTHER_UNITS = ["青山县文化和旅游局党组", "青山县住房和城乡建设局党组", "青山县卫生健康局党组"]


def _copies(tmp_path):
    """The samples, and each copied under three other unit names with one edit to every problem title."""
    from xuncha_parse import parse_text

    folder = tmp_path / "corpus"
    folder.mkdir()
    truth = {}
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        notice = parse_text(text)
        (folder / sample.name).write_text(text, encoding="utf-8")
        truth[sample.name] = [p.title for p in notice.problems]
        names = [n for n in (notice.issuer, notice.inspection.target) if n]
        for k, (edit, unit) in enumerate(zip(EDITS, OTHER_UNITS)):
            copy = text
            for title in sorted({p.title for p in notice.problems if p.title}, key=len, reverse=True):
                copy = copy.replace(title, edit(title))
            for name in sorted(names, key=len, reverse=True):
                copy = copy.replace(name, unit)
            name = f"{sample.stem}_copy{k}.txt"
            (folder / name).write_text(copy, encoding="utf-8")
            truth[name] = truth[sample.name]
    return folder, truth


def test_copies_of_each_problem_form_one_cluster_and_no_cluster_mixes_problems(tmp_path):
    folder, truth = _copies(tmp_path)
    db = _db(tmp_path, folder)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT n.path, p.position, m.cluster_id FROM problem_cluster_members m "
                            "JOIN problems p ON p.id = m.problem_id JOIN notices n ON n.id = p.notice_id "
                            "WHERE m.level = 'wording'").fetchall()
    for path in {r[0] for r in rows}:  # every copy parsed to as many problems as its sample
        assert sum(r[0] == path for r in rows) == len(truth[path.rsplit("/", 1)[-1]])
    problem = {(p, i): re.sub(r"_copy\d", "", p.rsplit("/", 1)[-1]) + f"#{i}" for p, i, _ in rows}
    clusters_of: dict = {}
    problems_in: dict = {}
    for path, position, cluster in rows:
        clusters_of.setdefault(problem[path, position], set()).add(cluster)
        problems_in.setdefault(cluster, set()).add(problem[path, position])
    assert all(len(c) == 1 for c in clusters_of.values()), {k: v for k, v in clusters_of.items() if len(v) > 1}
    assert all(len(p) == 1 for p in problems_in.values()), [p for p in problems_in.values() if len(p) > 1]


# ---------------------------------------------------------------- commands


def test_analyze_again_is_unchanged_until_new_notices_arrive(tmp_path):
    import json
    import shutil

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "unit_round1.txt", folder)
    db = _db(tmp_path, folder)
    again = json.loads(CliRunner().invoke(main, ["analyze", db, "--json"]).output)
    assert (again["changed"], again["units"], again["recurring"]) == (False, 1, 0)
    shutil.copy(FIXTURES / "unit_round2.txt", folder)
    assert CliRunner().invoke(main, ["batch", str(folder), "--db", db, "--quiet"]).exit_code == 0
    after = json.loads(CliRunner().invoke(main, ["analyze", db, "--json"]).output)
    assert (after["changed"], after["problems"], after["recurring"]) == (True, 7, 1)


def test_analyze_without_the_extra_names_the_pip_command(tmp_path, monkeypatch):
    import importlib.util

    db = tmp_path / "notices.db"
    db.write_bytes(b"")
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "rapidfuzz" else real(name, *a))
    result = CliRunner().invoke(main, ["analyze", str(db)])
    assert result.exit_code == 2
    assert "pip install 'xuncha[analysis]'" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("args", [["units", "{db}"], ["units", "{db}", "某某"], ["similar", "{db}", "财务管理"]])
def test_commands_on_a_missing_or_unanalysed_database_say_so_in_one_line(tmp_path, args):
    missing = [a.format(db=tmp_path / "none.db") for a in args]
    result = CliRunner().invoke(main, missing)
    assert result.exit_code == 2 and "no such database" in result.output and len(result.output.splitlines()) == 1
    db = str(tmp_path / "plain.db")
    assert CliRunner().invoke(main, ["batch", str(FIXTURES), "--db", db, "--quiet"]).exit_code == 0
    if args[0] == "units":
        result = CliRunner().invoke(main, [a.format(db=db) for a in args])
        assert result.exit_code == 2 and "run xuncha analyze" in result.output


def test_similar_search_and_report(tmp_path):
    import json

    db = _db(tmp_path, FIXTURES)
    near = [json.loads(x) for x in CliRunner().invoke(main, ["similar", db, "财务管理不够严格", "--json"]).output.splitlines()]
    assert {n["title"] for n in near[:2]} == {"财务管理不规范", "部分财务管理不够规范"}
    assert near[0]["finding_cluster"] == 2
    found = [json.loads(x) for x in CliRunner().invoke(main, ["search", db, "财务管理", "--json"]).output.splitlines()]
    assert [(f["wording_cluster"], f["finding_cluster"]) for f in found] == [(2, 2), (2, 2)]
    out = tmp_path / "report.html"
    assert CliRunner().invoke(main, ["report", db, "-o", str(out), "--lang", "en"]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    for heading in ("Common problems by round", "Common problems by year", "Recurring problems", "Completion by body and year"):
        assert heading in html
    assert "部分财务管理不够规范" in html
    # a recurring problem's notices are named by their round, the file's name kept in the tooltip
    recurring = html[html.index("Recurring problems"):html.index("Completion by body and year")]
    assert 'title="unit_round1.txt"><span translate="no">县委第三轮</span>' in recurring
    assert ">unit_round1.txt<" not in recurring


def test_stats_html_gains_the_sections_of_an_analysed_database(tmp_path):
    db = _db(tmp_path, FIXTURES)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["stats", str(FIXTURES), "--html", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert "屡查屡犯" in out.read_text(encoding="utf-8")  # Chinese by default, as the rest of the report
    result = CliRunner().invoke(main, ["stats", str(FIXTURES), "--html", str(out), "--db", db, "--lang", "en"])
    assert result.exit_code == 0 and "Recurring problems" in out.read_text(encoding="utf-8")


def test_help_parse_and_batch_import_nothing_of_the_analysis(tmp_path):
    import subprocess
    import sys

    for args in (["--help"], ["parse", "samples/002_c815ed000f2749a3.txt", "-o", "/dev/null"],
                 ["batch", "samples", "--db", str(tmp_path / "x.db"), "--quiet"]):
        code = (f"import sys\nfrom xuncha_parse.cli import main\ntry: main({args!r})\nexcept SystemExit: pass\n"
                "print(sorted(m for m in sys.modules if m.startswith('xuncha_parse.analysis') or m in "
                "('numpy', 'rapidfuzz')))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        assert out.stdout.strip().splitlines()[-1] == "[]", args


# ---------------------------------------------------------------- the two levels on pairs of titles

PAIRS = [
    # (title, title, same finding?): other words for one finding, and hard different pairs
    ("选人用人不够严格", "干部选拔任用不规范", True),
    ("主体责任落实不到位", "监督责任落实不到位", False),
    ("财务管理不规范", "严守财经纪律不到位", False),
    ("学习贯彻习近平新时代中国特色社会主义思想不够深入", "学习贯彻习近平新时代中国特色社会主义思想不深不透", True),
    ("意识形态工作责任制落实不力", "意识形态工作责任制落实不够到位", True),
    ("“三会一课”制度落实不到位", "组织生活会质量不高", False),  # siblings (tests/fixtures/pairs/README.md)
    ("政府采购不规范", "公务用车管理不规范", False),
    ("档案管理制度执行不严格", "消防安全责任意识淡薄", False),
    ("形式主义依然存在", "形式主义问题仍然存在", True),
    ("会议记录不规范", "会议记录不够规范", True),
]


def test_the_finding_level_on_pairs_of_titles():
    from xuncha_parse.analysis.store import title_levels

    titles = [t for a, b, _ in PAIRS for t in (a, b)]
    finding = title_levels(titles)["finding"].representative.tolist()
    got = [finding[2 * i] == finding[2 * i + 1] for i in range(len(PAIRS))]
    assert got == [same for _, _, same in PAIRS]


def test_the_wording_level_joins_only_near_identical_wording():
    from xuncha_parse.analysis.store import title_levels

    wording = title_levels(["会议记录不规范", "部分会议记录不规范", "选人用人不够严格", "干部选拔任用不规范"])["wording"]
    assert wording.representative.tolist()[:2] == [0, 0] and len(set(wording.representative.tolist()[2:])) == 2


def test_an_analysis_that_fails_midway_leaves_the_previous_one(tmp_path, monkeypatch):
    import shutil

    from xuncha_parse.analysis import store
    from xuncha_parse.outputs.db import open_db

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(FIXTURES / "unit_round1.txt", folder)
    db = _db(tmp_path, folder)
    before = sqlite3.connect(db).execute("SELECT value FROM analysis_meta WHERE key = 'fingerprint'").fetchone()
    shutil.copy(FIXTURES / "unit_round2.txt", folder)
    assert CliRunner().invoke(main, ["batch", str(folder), "--db", db, "--quiet"]).exit_code == 0
    real = store._write_level
    calls = []

    def dies_on_the_second_level(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(store, "_write_level", dies_on_the_second_level)
    conn = open_db(db)
    with pytest.raises(KeyboardInterrupt):
        store.analyze(conn)
    conn.close()
    with sqlite3.connect(db) as check:
        assert check.execute("SELECT value FROM analysis_meta WHERE key = 'fingerprint'").fetchone() == before
        assert check.execute("SELECT count(*) FROM unit_notices").fetchone() == (1,)
        assert check.execute("SELECT count(*) FROM problem_cluster_members").fetchone() == (8,)


def test_a_failed_write_to_stdout_is_one_line(tmp_path):
    import subprocess
    import sys

    db = _db(tmp_path, FIXTURES)
    for args in (["units", db, "--json"], ["units", db]):
        with open("/dev/full", "w") as full:
            out = subprocess.run([sys.executable, "-m", "xuncha_parse", *args], stdout=full, stderr=subprocess.PIPE,
                                 text=True, cwd=ROOT)
        assert out.returncode == 2 and out.stderr.strip().splitlines() == ["xuncha: -: cannot write: No space left on device"]


def test_every_finding_types_canonical_wording_is_an_example_of_it():
    from xuncha_parse.analysis.vocabulary import FINDING_TYPES

    assert len({t.code for t in FINDING_TYPES}) == len(FINDING_TYPES)
    for kind in FINDING_TYPES:
        assert finding_type(finding_text(wording(kind.canonical))) == kind.code, kind.canonical


def test_every_analysis_table_view_and_column_is_documented(tmp_path):
    from xuncha_parse.analysis.schema import OBJECTS

    doc = (ROOT / "docs" / "ANALYSIS.md").read_text(encoding="utf-8")
    db = _db(tmp_path, FIXTURES)
    with sqlite3.connect(db) as conn:
        for _, name in OBJECTS:
            row = re.search(rf"^\| (?:view )?`{name}` \|(.*)$", doc, re.M)
            assert row, f"docs/ANALYSIS.md has no row for {name}"
            for column in (r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')):
                assert f"`{column}`" in row.group(1), f"{name}.{column} is not documented"


@given(st.lists(st.text(alphabet=st.sampled_from("财务管理不规范到位部分\0 \U0001F600a"), max_size=12), max_size=25))
def test_any_texts_cluster_and_every_member_matches_its_representative(texts):
    found = near_clusters(texts)
    assert len(found.representative) == len(texts)
    for i, rep in enumerate(found.representative.tolist()):
        assert Indel.normalized_similarity(texts[i], texts[rep]) >= WORDING_THRESHOLD


def test_batch_force_after_analyze_replaces_notices_and_analyze_follows(tmp_path):
    import json

    db = _db(tmp_path, FIXTURES)
    result = CliRunner().invoke(main, ["batch", str(FIXTURES), "--db", db, "--force", "--quiet"])
    assert result.exit_code == 0, result.output
    again = json.loads(CliRunner().invoke(main, ["analyze", db, "--json"]).output)
    assert (again["changed"], again["problems"], again["recurring"]) == (True, 7, 1)
