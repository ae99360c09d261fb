"""Start-up stays cheap: ``xuncha --help`` imports no heavy library, and parsing a plain-text notice
imports none of the readers' libraries, the review page's, the database's or the traditional table."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FORMAT_LIBRARIES = ("selectolax", "pypdfium2", "docx", "lxml", "trafilatura", "opencc", "sqlite3", "pyarrow",
                    "playwright", "xuncha_parse.readers.html", "xuncha_parse.readers.pdf",
                    "xuncha_parse.readers.docx", "xuncha_parse.readers.ofd", "xuncha_parse.readers.legacy",
                    "xuncha_parse.readers.pdffonts", "xuncha_parse.readers.archive", "xuncha_parse.readers.xmlsafe",
                    "xuncha_parse.readers.charset", "xuncha_parse.readers.pdfbounds",
                    "xuncha_parse.outputs.review", "xuncha_parse.outputs.report")


def _imported(code: str) -> list[str]:
    probe = f"\nprint(sorted(m for m in {FORMAT_LIBRARIES + ('pydantic', 'rich', 'jieba')!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", "import sys\n" + code + probe], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    return eval(out.strip().splitlines()[-1])


def test_help_imports_no_heavy_library():
    assert _imported("from xuncha_parse.cli import main\ntry: main(['--help'])\nexcept SystemExit: pass") == []


def test_plain_text_parse_imports_no_reader_library():
    code = ("from xuncha_parse.cli import main\n"
            "try: main(['parse', 'samples/002_c815ed000f2749a3.txt', '-o', '/dev/null'])\nexcept SystemExit: pass")
    assert not set(_imported(code)) & set(FORMAT_LIBRARIES)


def test_state_imports_no_stage():
    """The state sits below the stages: importing it loads nothing from ``layout/`` or ``fields/``."""
    out = subprocess.run([sys.executable, "-c", "import sys, xuncha_parse.state\n"
                          "print(sorted(m for m in sys.modules if m.startswith(('xuncha_parse.layout', "
                          "'xuncha_parse.fields'))))"], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert eval(out.strip()) == []


# ---------------------------------------------------------------- the layers import downwards only

PACKAGE = ROOT / "src" / "xuncha_parse"
#: the modules added around the parser by issue 20
NEW_MODULES = ("xuncha_parse.runner", "xuncha_parse.clitools", "xuncha_parse.outputs.columns",
               "xuncha_parse.outputs.sink", "xuncha_parse.outputs.db", "xuncha_parse.outputs.pages",
               "xuncha_parse.outputs.jsonl")
#: of those, what --help loads (the command line's own helpers: the standard library and click) and what a
#: plain-text parse adds (reading one file within the size limit, writing its output through a temporary
#: file; standard library only): never the pool, the sinks, the columns or the database
HELP_LOADS = ["xuncha_parse.clitools"]
PARSE_LOADS = HELP_LOADS + ["xuncha_parse.outputs.sink", "xuncha_parse.runner", "xuncha_parse.runner.paths",
                            "xuncha_parse.runner.read"]


def imports_of(path: Path) -> set[str]:
    """Every module a source file imports, at the top or inside a function, as an absolute name."""
    import ast

    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            name = f"{base}.{node.module}" if node.level and node.module else base if node.level else node.module
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return found


def _offending(files: list[Path], forbidden: tuple[str, ...]) -> dict[str, set[str]]:
    bad = {}
    for path in files:
        hits = {m for m in imports_of(path) if any(m == f or m.startswith(f + ".") for f in forbidden)}
        if hits:
            bad[str(path.relative_to(PACKAGE))] = hits
    return bad


def test_outputs_import_neither_the_runner_nor_api_nor_cli():
    files = sorted((PACKAGE / "outputs").rglob("*.py"))
    forbidden = ("xuncha_parse.runner", "xuncha_parse.api", "xuncha_parse.cli", "xuncha_parse.clitools",
                 "xuncha_parse.batch")
    assert len(files) > 10 and _offending(files, forbidden) == {}


def test_the_import_check_sees_relative_imports_inside_functions():
    assert "xuncha_parse.api" in imports_of(PACKAGE / "runner" / "work.py")
    assert "xuncha_parse.outputs.sink.Record" in imports_of(PACKAGE / "runner" / "work.py")


def test_state_source_names_no_stage():
    """What test_state_imports_no_stage sees at run time, read from the source: every import, even inside a function."""
    assert _offending([PACKAGE / "state.py"], ("xuncha_parse.layout", "xuncha_parse.fields")) == {}


@pytest.mark.parametrize("args, loads", [(["--help"], HELP_LOADS),
                                         (["parse", "samples/002_c815ed000f2749a3.txt", "-o", "/dev/null"], PARSE_LOADS)])
def test_help_and_a_plain_parse_load_no_runner_pool_sink_or_database(args, loads):
    code = f"from xuncha_parse.cli import main\ntry: main({args!r})\nexcept SystemExit: pass"
    probe = f"\nprint(sorted(m for m in sys.modules if m.startswith({NEW_MODULES!r})))"
    out = subprocess.run([sys.executable, "-c", "import sys\n" + code + probe], capture_output=True, text=True,
                         check=True, cwd=ROOT).stdout
    assert eval(out.strip().splitlines()[-1]) == sorted(loads)
