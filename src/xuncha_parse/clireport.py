"""The corpus report's command-line half (``stats --html``, ``xuncha report``): gather the notices,
their review pages and the analysis sections, render, write.  Rendering is ``outputs/report``'s."""
from __future__ import annotations

import os
from typing import Any

from .clitools import emit, fail, say


def write_report(paths: tuple[str, ...], glob: str, html_out: str, review_dir: str | None,
                 db: str | None = None, lang: str | None = None) -> None:
    """The corpus report of PATHS as one HTML page, linked to review pages in ``review_dir`` (written
    when missing) and with the analysis sections of ``db``."""
    from .outputs.report import render_report
    from .runner.corpus import notices_from

    failures: list[str] = []
    notices = list(notices_from(paths, glob, failures))
    links = review_links_for(notices, review_dir, html_out) if review_dir else None
    os.makedirs(os.path.dirname(os.path.abspath(html_out)), exist_ok=True)
    sections = analysis_sections_of(db, links or {}, lang) if db else ""
    emit(render_report(notices, links, failures, sections, lang).encode("utf-8"), html_out)


def analysis_sections_of(db: str, links: dict[str, str], lang: str | None = None) -> str:
    from .analysis.sections import analysis_sections
    from .outputs.db import DatabaseError, open_db

    try:
        return analysis_sections(open_db(db, readonly=True), db, links, lang)
    except DatabaseError as e:
        fail(db, str(e).removeprefix(f"{db}: "))


def review_links_for(notices: list[dict[str, Any]], folder: str, html_out: str) -> dict[str, str]:
    """source.path -> href (relative to the report) of each notice's review page in ``folder``, written by
    the runner when missing; a page that could not be written is one line on stderr."""
    from .runner.corpus import review_links

    links, problems = review_links(notices, folder, os.path.dirname(os.path.abspath(html_out)))
    for path, why in problems:
        say(path, why)
    return links
