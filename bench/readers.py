#!/usr/bin/env python3
"""Speed and accuracy of the readers over pages made from the sample notices.

    PYTHONPATH=src python bench/readers.py [--runs 5]

Makes every sample as HTML (4 layouts/encodings), PDF and DOCX (tests/readers_samples.py), then:
  1. HTML extractors: the selectolax reader vs trafilatura (default, and favor_recall) vs
     trafilatura given the reader's own content node; per extractor: lines of the notice found,
     noise lines, footer lines leaked, title first, parse equal to the plain sample's, ms/page.
  2. Readers: milliseconds per page (PDF: per PDF page) for text, html, pdf, docx (median of
     --runs runs), and pdfplumber's text for comparison when it is installed.
"""
from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

import readers_samples as R  # noqa: E402

from xuncha_parse import parse_text  # noqa: E402
from xuncha_parse.readers import read  # noqa: E402
from xuncha_parse.readers.html import FURNITURE_LINE, decode_html, read_html, with_title  # noqa: E402

SPACE = re.compile(r"\s+")


def fixtures() -> list[dict]:
    """One record per sample: its text, the plain parse's scored fields, and its files."""
    out = []
    for name in R.SAMPLE_NAMES:
        text = R.sample_text(name)
        notice = parse_text(text).model_dump(mode="json")
        lines = R.sample_lines(text)
        title_lines, body = R.split_title(lines, notice["title"])
        out.append({
            "name": name, "lines": lines, "title": notice["title"], "want": R.scored_fields(notice),
            "html": {f"{lay}/{enc}": R.html_page(lay, lines, notice["title"], enc) for lay, enc in R.HTML_VARIANTS},
            "pdf": R.pdf_bytes(lines, notice["title"]),
            "docx": R.docx_bytes(body, title_lines),
            "text": text.encode("utf-8"),
        })
    return out


def median_ms(fn, data, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn(data)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


# --- HTML extractors -----------------------------------------------------------------------

def ours(data: bytes) -> str:
    return read_html(data).text


def trafilatura_default(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(decode_html(data)[0], include_tables=True) or ""


def trafilatura_recall(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(decode_html(data)[0], include_tables=True, favor_recall=True) or ""


def trafilatura_titled(data: bytes) -> str:
    """favor_recall, with trafilatura's own metadata title put first when the text lacks it (as we do)."""
    import trafilatura
    from trafilatura.metadata import extract_metadata

    html = decode_html(data)[0]
    meta = extract_metadata(html)
    text = trafilatura.extract(html, include_tables=True, favor_recall=True) or ""
    return "\n".join(with_title(text.splitlines(), meta.title if meta else None))


EXTRACTORS = {"selectolax (ours)": ours, "trafilatura": trafilatura_default,
              "trafilatura favor_recall": trafilatura_recall, "trafilatura favor_recall + title": trafilatura_titled}


def accuracy(text: str, record: dict) -> dict:
    """Lines of the notice found, noise lines, footer lines, title first, parse equal."""
    got = SPACE.sub("", text)
    want_lines = [SPACE.sub("", x) for x in record["lines"]]
    all_want = "".join(want_lines)
    lines = [SPACE.sub("", x) for x in text.splitlines() if x.strip()]
    title = R.PUNCT.sub("", record["title"] or "")
    head = R.PUNCT.sub("", "".join(lines[:4]))
    parsed = R.scored_fields(parse_text(text).model_dump(mode="json")) if text.strip() else {}
    return {
        "found": sum(x in got for x in want_lines) / len(want_lines),
        "noise": sum(x not in all_want and R.PUNCT.sub("", x) != title for x in lines),
        "footer": sum(bool(FURNITURE_LINE.search(x)) for x in text.splitlines()),
        "title": bool(title) and title in head,
        "equal": parsed == record["want"],
    }


def available() -> dict:
    """The extractors whose libraries import (trafilatura is in the ``compare`` extra only)."""
    try:
        import trafilatura  # noqa: F401
    except ImportError as e:
        print(f"(trafilatura not compared: {e}; pip install -e '.[compare]')")
        return {"selectolax (ours)": ours}
    return EXTRACTORS


def compare_html(records: list[dict], runs: int) -> None:
    extractors = available()
    print("\n## HTML extractors over", sum(len(r["html"]) for r in records), "pages\n")
    print("| extractor | notice lines found | noise lines/page | footer lines/page | title first | parse equal | ms/page |")
    print("|---|---|---|---|---|---|---|")
    for label, fn in extractors.items():
        rows, times = [], []
        for rec in records:
            for data in rec["html"].values():
                rows.append(accuracy(fn(data), rec))
                times.append(median_ms(fn, data, runs))
        n = len(rows)
        print(f"| {label} | {sum(r['found'] for r in rows) / n:.1%} | {sum(r['noise'] for r in rows) / n:.1f} "
              f"| {sum(r['footer'] for r in rows) / n:.1f} | {sum(r['title'] for r in rows)}/{n} "
              f"| {sum(r['equal'] for r in rows)}/{n} | {statistics.median(times):.2f} |")
    _per_layout(records, extractors)


def _per_layout(records: list[dict], extractors: dict) -> None:
    print("\nparse equal to the plain sample's, per layout:\n")
    print("| layout | " + " | ".join(extractors) + " |")
    print("|---|" + "---|" * len(extractors))
    for key in records[0]["html"]:
        cells = [sum(accuracy(fn(rec["html"][key]), rec)["equal"] for rec in records) for fn in extractors.values()]
        print(f"| {key} | " + " | ".join(f"{c}/{len(records)}" for c in cells) + " |")


# --- readers ---------------------------------------------------------------------------------

def pdf_pages(data: bytes) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(data))


def pdfplumber_text(data: bytes) -> str:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def compare_readers(records: list[dict], runs: int) -> None:
    print("\n## Readers, milliseconds per page (median of", runs, "runs)\n")
    print("| reader | files | pages | ms/page | ms/file | parse equal |")
    print("|---|---|---|---|---|---|")
    for fmt in ("text", "html", "docx", "pdf"):
        _reader_row(fmt, records, runs, read)
    try:
        import pdfplumber  # noqa: F401
    except ImportError:
        return
    _reader_row("pdf", records, max(1, runs // 2), pdfplumber_text, label="pdf via pdfplumber")


def _reader_row(fmt: str, records: list[dict], runs: int, fn, label: str | None = None) -> None:
    files = [(rec, data) for rec in records for data in (rec[fmt].values() if fmt == "html" else [rec[fmt]])]
    ms = [median_ms(fn, data, runs) for _, data in files]
    pages = [pdf_pages(d) if fmt == "pdf" else 1 for _, d in files]
    texts = [fn(d) for _, d in files]
    texts = [t.text if hasattr(t, "text") else t for t in texts]
    equal = sum(R.scored_fields(parse_text(t).model_dump(mode="json")) == rec["want"]
                for (rec, _), t in zip(files, texts, strict=True))
    print(f"| {label or fmt} | {len(files)} | {sum(pages)} | {sum(ms) / sum(pages):.2f} "
          f"| {statistics.median(ms):.2f} | {equal}/{len(files)} |")


def main(argv: list[str]) -> None:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 5
    records = fixtures()
    compare_html(records, runs)
    compare_readers(records, runs)


if __name__ == "__main__":
    main(sys.argv[1:])
