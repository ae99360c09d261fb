"""Start-up stays cheap: ``xuncha --help`` imports no heavy library, and parsing a plain-text notice
imports none of the readers' libraries, the review page's, the database's or the traditional table."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMAT_LIBRARIES = ("selectolax", "pypdfium2", "docx", "lxml", "trafilatura", "opencc", "sqlite3", "pyarrow",
                    "playwright", "xuncha_parse.readers.html", "xuncha_parse.readers.pdf",
                    "xuncha_parse.readers.docx", "xuncha_parse.outputs.review", "xuncha_parse.outputs.report")


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
