"""The corpus report: what ``xuncha stats`` computes, as one self-contained page with inline SVG charts.

``render_report(notices, review_links)`` is pure: Notice dicts in (they are read once, so a generator
is fine), HTML out. The summary is ``stats.summarize``'s; this module only draws it.
"""
from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from .review import STATUS_LABEL, asset, esc, page

STATUSES = ("completed", "in_progress", "unknown")
#: at most this many notices get a bar of their own in the per-notice chart (most problems first)
MAX_NOTICE_BARS = 60
#: at most this many inspection bodies are charted
MAX_BODY_BARS = 20
#: chart geometry, in px
WIDTH, ROW, BAR, GAP, MAX_LABEL = 760, 24, 15, 10, 300
#: a link that names a scheme (javascript:, data:, C:) is made relative with ./ so it can only be a file
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def render_report(notices: Iterable[dict[str, Any]], review_links: dict[str, str] | None = None,
                  failures: list[str] | None = None, sections: str = "") -> str:
    """The report page; ``review_links`` maps a notice's ``source.path`` to the href of its review page;
    ``sections`` (HTML, the corpus analysis's) stand before the table of notices."""
    from .stats import summarize

    rows: list[dict[str, Any]] = []
    summary = summarize(_tapped(notices, rows), failures if failures is not None else [])
    links = review_links or {}
    body = "".join([
        _header(summary),
        '<section class="charts">',
        _figure("Statuses per notice", _statuses_chart(summary["per_notice"], links)),
        _figure("Problems per topic", _topics_chart(summary["topics"])),
        _figure("Notices per year", bars_svg(list(summary["years"].items()), "year")),
        _figure("Notices per inspection body", _bodies_chart(summary["bodies"])),
        "</section>",
        _mismatches(summary["declared_mismatches"], links),
        sections,
        _table(rows, summary["per_notice"], links),
    ])
    return page("xuncha report", asset("report.css"), asset("report.js"), f"<main>{body}</main>")


def _tapped(notices: Iterable[dict[str, Any]], rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The notices, unchanged, noting what the table needs beyond the summary."""
    for notice in notices:
        ins = notice.get("inspection") or {}
        when = ins.get("start") or ins.get("feedback") or {}
        rows.append({"title": notice.get("title"), "body": ins.get("body"), "year": when.get("year"),
                     "declared": (notice.get("declared") or {}).get("problems")})
        yield notice


# ---------------------------------------------------------------- header and sections


def _header(summary: dict[str, Any]) -> str:
    cards = [("notices", summary["notices"]), ("problems", summary["problems"]), ("failed", summary["failed"])]
    for s in STATUSES:
        rate = summary["rates"][s]
        cards.append((STATUS_LABEL[s], f"{summary['statuses'][s]}" + ("" if rate is None else f" · {rate:.0%}")))
    html = "".join(f'<div class="card"><b>{esc(v)}</b><span>{esc(k)}</span></div>' for k, v in cards)
    return f'<header><h1>xuncha corpus report</h1><div class="cards">{html}</div>{_status_key()}</header>'


def _status_key() -> str:
    keys = "".join(f'<span><i class="sw {s}"></i>{STATUS_LABEL[s]}</span>' for s in STATUSES)
    return f'<p class="key">{keys}</p>'


def _figure(title: str, content: str) -> str:
    return f"<figure><figcaption>{esc(title)}</figcaption>{content}</figure>"


def _mismatches(mismatches: list[dict[str, Any]], links: dict[str, str]) -> str:
    if not mismatches:
        return '<section><h2>Declared against parsed</h2><p class="none">Every declared count agrees with the parsed one.</p></section>'
    rows = "".join(f'<tr><td>{_notice_link(m["path"], links)}</td><td>{esc(m["count"].replace("_", " "))}</td>'
                   f'<td class="n">{esc(m["declared"])}</td><td class="n">{esc(m["parsed"])}</td>'
                   f'<td class="n bad">{esc(_signed(m["parsed"] - m["declared"]))}</td></tr>' for m in mismatches)
    return (f'<section><h2>Declared against parsed: {len(mismatches)} disagreements</h2><table class="grid compact">'
            '<thead><tr><th>notice</th><th>count</th><th>declared</th><th>parsed</th><th>difference</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></section>")


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


TABLE_COLUMNS = ("notice", "title", "inspection body", "year", "problems", "completed", "in progress", "unknown",
                 "declared")


def _table(rows: list[dict[str, Any]], per_notice: list[dict[str, Any]], links: dict[str, str]) -> str:
    head = "".join(f'<th><button type="button" data-col="{i}">{esc(c)}</button></th>' for i, c in enumerate(TABLE_COLUMNS))
    body = "".join(_table_row(row, counts, links) for row, counts in zip(rows, per_notice, strict=True))
    return (f'<section><h2>Notices</h2><p class="hint">Click a column to sort.</p><table class="grid sortable">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>")


def _table_row(row: dict[str, Any], counts: dict[str, Any], links: dict[str, str]) -> str:
    declared = row["declared"]
    off = declared is not None and declared != counts["problems"]
    cells = [_cell(_notice_link(counts["path"], links), counts["path"] or ""), _cell(esc(row["title"] or "—"), row["title"] or ""),
             _cell(esc(row["body"] or "—"), row["body"] or ""), _num(row["year"]), _num(counts["problems"], off),
             *(_num(counts[s]) for s in STATUSES), _num(declared, off)]
    return f"<tr>{''.join(cells)}</tr>"


def _cell(html: str, key: str) -> str:
    return f'<td data-v="{esc(key)}">{html}</td>'


def _num(value: int | None, bad: bool = False) -> str:
    cls = "n bad" if bad else "n"
    return f'<td class="{cls}" data-v="{"" if value is None else value}">{"—" if value is None else esc(value)}</td>'


def _notice_link(path: str | None, links: dict[str, str]) -> str:
    name = esc(PurePath(path).name if path else "(stdin)")
    href = links.get(path or "")
    return f'<a href="{esc(safe_href(href))}">{name}</a>' if href else name


def safe_href(href: str) -> str:
    """A relative link to a file: percent-encoded, and never a scheme such as ``javascript:``."""
    href = href.replace("\\", "/")
    return quote("./" + href if SCHEME.match(href) else href, safe="/#%")


# ---------------------------------------------------------------- charts (inline SVG)


def _statuses_chart(per_notice: list[dict[str, Any]], links: dict[str, str]) -> str:
    chosen = sorted(per_notice, key=lambda n: -n["problems"])[:MAX_NOTICE_BARS] if len(per_notice) > MAX_NOTICE_BARS else per_notice
    rows = [(PurePath(n["path"]).name if n["path"] else "(stdin)", [n[s] for s in STATUSES]) for n in chosen]
    note = f'<p class="note">{len(chosen)} of {len(per_notice)} notices, most problems first.</p>' if len(chosen) < len(per_notice) else ""
    hrefs = [links.get(n["path"] or "") for n in chosen]
    return stacked_svg(rows, STATUSES, hrefs) + note if rows else '<p class="none">No notices.</p>'


def _topics_chart(topics: dict[str, int]) -> str:
    if not topics:
        return '<p class="none">No topics: problems carry topics when parsed with --keywords.</p>'
    return bars_svg([(code.replace("_", " "), n) for code, n in topics.items()], "topic")


def _bodies_chart(bodies: dict[str, int]) -> str:
    items = list(bodies.items())
    if len(items) > MAX_BODY_BARS:
        items = items[:MAX_BODY_BARS - 1] + [(f"{len(items) - MAX_BODY_BARS + 1} others", sum(n for _, n in items[MAX_BODY_BARS - 1:]))]
    return bars_svg(items, "body")


def text_width(label: str, size: float = 13) -> float:
    """Roughly how wide a label is drawn: CJK characters a full em, others about half."""
    return sum(size if ord(ch) > 0x2E80 else size * 0.6 for ch in label)


def _label_column(labels: list[str]) -> tuple[float, list[str]]:
    """The width of the label column, and the labels shortened to fit it."""
    width = min(MAX_LABEL, max((text_width(x) for x in labels), default=0))
    short = []
    for label in labels:
        while text_width(label) > width and len(label) > 1:
            label = label[:-2] + "…"
        short.append(label)
    return width + GAP, short


def bars_svg(items: list[tuple[str, int]], kind: str) -> str:
    """One horizontal bar per (label, count), scaled to the largest."""
    if not items:
        return '<p class="none">Nothing to chart.</p>'
    left, labels = _label_column([str(k) for k, _ in items])
    most = max(n for _, n in items) or 1
    scale = (WIDTH - left - 48) / most
    parts = []
    for i, ((full, n), label) in enumerate(zip(items, labels, strict=True)):
        y = i * ROW
        parts.append(f'<g><title>{esc(full)}: {n}</title><text class="lab" x="{left - GAP}" y="{y + 16}">{esc(label)}</text>'
                     f'<rect class="bar {kind}" x="{left}" y="{y + 4}" width="{max(n * scale, 1):.1f}" height="{BAR}" rx="2"/>'
                     f'<text class="val" x="{left + n * scale + 6:.1f}" y="{y + 16}">{n}</text></g>')
    return _svg(len(items) * ROW + 4, parts, f"{kind} counts")


def stacked_svg(rows: list[tuple[str, list[int]]], keys: tuple[str, ...], hrefs: list[str | None] | None = None) -> str:
    """One horizontal bar per row, split into segments per key, scaled to the largest total; a row with an
    href links there (a notice's review page)."""
    left, labels = _label_column([r[0] for r in rows])
    most = max(sum(v) for _, v in rows) or 1
    scale = (WIDTH - left - 48) / most
    parts = []
    for i, ((full, values), label) in enumerate(zip(rows, labels, strict=True)):
        y, x = i * ROW, left
        tip = ", ".join(f"{STATUS_LABEL.get(k, k)} {v}" for k, v in zip(keys, values, strict=True))
        segs = []
        for key, v in zip(keys, values, strict=True):
            if v:
                segs.append(f'<rect class="seg {key}" x="{x:.1f}" y="{y + 4}" width="{v * scale:.1f}" height="{BAR}"/>')
                x += v * scale
        row = (f'<g><title>{esc(full)}: {esc(tip)}</title><text class="lab" x="{left - GAP}" y="{y + 16}">{esc(label)}</text>'
               f'{"".join(segs)}<text class="val" x="{x + 6:.1f}" y="{y + 16}">{sum(values)}</text></g>')
        href = hrefs[i] if hrefs else None
        parts.append(f'<a href="{esc(safe_href(href))}">{row}</a>' if href else row)
    return _svg(len(rows) * ROW + 4, parts, "statuses per notice")


def _svg(height: int, parts: list[str], label: str) -> str:
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
            f'aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')
