"""A folder as analysts have them: text, web pages, PDF and Word attachments, and files no reader can
read. batch writes every good record and one error record per bad file, and exits 1."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import readers_samples as R

ROOT = Path(__file__).resolve().parent.parent
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def test_batch_over_a_mixed_folder(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    shutil.copy(ROOT / "samples" / "000_b7f29017f62e4de6.txt", folder / "a_text.txt")
    for name in ("002.html", "002.pdf", "002.docx"):
        shutil.copy(ROOT / "examples" / name, folder / f"b_{name}")
    (folder / "c_scanned.pdf").write_bytes(R.scanned_pdf_bytes())
    (folder / "d_legacy.doc").write_bytes(OLE)
    docx = (ROOT / "examples" / "002.docx").read_bytes()
    (folder / "e_truncated.docx").write_bytes(docx[: len(docx) // 2])
    (folder / "f_notes.xlsx").write_bytes(b"not taken: no pattern matches it")
    out = tmp_path / "out.jsonl"
    run = subprocess.run([sys.executable, "-m", "xuncha_parse", "batch", str(folder), "-o", str(out), "--quiet"],
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    by_name = {Path(r["source"]["path"]).name: r for r in records}
    assert sorted(by_name) == ["a_text.txt", "b_002.docx", "b_002.html", "b_002.pdf", "c_scanned.pdf",
                               "d_legacy.doc", "e_truncated.docx"]
    good = {n: r for n, r in by_name.items() if "error" not in r}
    assert {n: r["source"]["format"] for n, r in good.items()} == {
        "a_text.txt": "text", "b_002.html": "html", "b_002.pdf": "pdf", "b_002.docx": "docx"}
    assert {n: len(r["problems"]) for n, r in good.items() if n.startswith("b_")} == \
        {"b_002.html": 17, "b_002.pdf": 17, "b_002.docx": 17}
    errors = {n: r["error"]["message"] for n, r in by_name.items() if "error" in r}
    assert "no text layer (scanned PDF?); OCR is not supported" in errors["c_scanned.pdf"]
    assert "libreoffice --headless --convert-to docx" in errors["d_legacy.doc"]
    assert errors["e_truncated.docx"] and "\n" not in errors["e_truncated.docx"]
