#!/usr/bin/env python3
"""Weight and render time of a review page, for a notice of about 20 kB.

    PYTHONPATH=src python bench/review.py [FILE] [--runs 7] [--screenshots docs]

Takes the sample closest to 20 kB (or FILE), and prints:
  weight   bytes of the review page (budget: under 300 kB)
  build    time of render_review in Python (median)
  render   time for headless Chromium to open the page from disk until the load event has run,
           script included, from the browser's own navigation timing (median), and until the first
           frame after it has been drawn (median; an upper bound; budget: under 1 s)
With --screenshots DIR it also writes DIR/review.png (sample 004, a date hovered) and DIR/report.png
(the samples and the test fixtures), the pictures the README shows.
Needs Debian's chromium (/usr/bin/chromium) and the playwright client; downloads no browser.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from xuncha_parse.outputs.review import render_review  # noqa: E402
from xuncha_parse.runner.work import notice_and_text  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
TARGET_BYTES = 20_000
WEIGHT_BUDGET, RENDER_BUDGET_MS = 300_000, 1000
#: the load event's end, and the first frame after it (layout and paint done), in ms from navigation start
TIMING_JS = """() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() =>
  done([performance.getEntriesByType('navigation')[0].loadEventEnd, performance.now()]))))"""


def closest_sample() -> Path:
    return min((ROOT / "samples").glob("*.txt"), key=lambda p: abs(p.stat().st_size - TARGET_BYTES))


def build(path: Path, runs: int) -> tuple[str, float, int]:
    """The page, the median build time in ms, and the number of problems."""
    data = path.read_bytes()
    notice, text = notice_and_text(data, str(path))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        html = render_review(notice, text)
        times.append((time.perf_counter() - t0) * 1000)
    return html, statistics.median(times), len(notice["problems"])


def render_times(html: str, runs: int) -> tuple[list[float], list[float], int]:
    """Load-event and first-frame-after-load times in ms per run, and the problem highlights the browser found."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_file = Path(tmp) / "review.html"
        page_file.write_text(html, encoding="utf-8")
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        loads, paints, found = [], [], 0
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(page_file.as_uri(), wait_until="load")
            load, painted = page.evaluate(TIMING_JS)
            loads.append(load)
            paints.append(painted)
            found = page.evaluate("() => new Set(Array.from(document.querySelectorAll('[data-field=problem]'))"
                                  ".map(e => e.dataset.start)).size")
            page.close()
        browser.close()
    return loads, paints, found


def screenshots(folder: Path) -> None:
    """The review page of sample 004 and the report of the samples and fixtures, as PNG files."""
    from playwright.sync_api import sync_playwright

    from xuncha_parse.outputs.report import render_report

    files = sorted((ROOT / "samples").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    notices = [notice_and_text(p.read_bytes(), str(p.relative_to(ROOT)))[0] for p in files]
    review = render_review(*notice_and_text((ROOT / "samples/004_65a99f9994ad9ae9.txt").read_bytes(),
                                            "samples/004_65a99f9994ad9ae9.txt"))
    report = render_report(notices, {n["source"]["path"]: "pages/review.html" for n in notices})
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, html, size in (("review", review, (1440, 1300)), ("report", report, (1640, 1240))):
            page_file = Path(tmp) / f"{name}.html"
            page_file.write_text(html, encoding="utf-8")
            page = browser.new_page(viewport={"width": size[0], "height": size[1]}, color_scheme="light")
            page.goto(page_file.as_uri())
            if name == "review":
                page.locator("#text [data-field=date]").first.hover()
            page.screenshot(path=str(folder / f"{name}.png"))
            print(f"wrote    {folder / f'{name}.png'}")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="also write review.png and report.png here")
    args = parser.parse_args()
    path = args.file or closest_sample()
    html, build_ms, problems = build(path, args.runs)
    weight = len(html.encode("utf-8"))
    print(f"notice   {path.name}: {path.stat().st_size:,} bytes, {problems} problems")
    print(f"weight   {weight:,} bytes ({weight / 1024:.1f} kB; budget {WEIGHT_BUDGET // 1000} kB: "
          f"{'ok' if weight < WEIGHT_BUDGET else 'OVER'})")
    print(f"build    {build_ms:.1f} ms (render_review, median of {args.runs})")
    if not Path(CHROMIUM).exists():
        sys.exit(f"render   skipped: no browser at {CHROMIUM} (apt-get install chromium)")
    loads, paints, found = render_times(html, args.runs)
    painted = statistics.median(paints)
    print(f"render   {statistics.median(loads):.0f} ms to the load event, {painted:.0f} ms to the first frame after it "
          f"(medians of {args.runs}; frame min {min(paints):.0f}, max {max(paints):.0f}; "
          f"budget {RENDER_BUDGET_MS} ms: {'ok' if painted < RENDER_BUDGET_MS else 'OVER'})")
    print(f"browser  {found} problem highlights (parsed: {problems})")
    if args.screenshots:
        screenshots(args.screenshots)


if __name__ == "__main__":
    main()
