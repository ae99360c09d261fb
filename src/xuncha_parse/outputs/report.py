"""The corpus report: what ``xuncha stats`` computes, as one self-contained page with inline SVG charts.

``render_report(notices, review_links)`` is pure: Notice dicts in (they are read once, so a generator
is fine), HTML out. The summary is ``stats.summarize``'s; this module only draws it.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePath
from typing import Any, Iterable, Iterator
from urllib.parse import quote

from .i18n import Catalogue, catalogue
from .review import asset, esc, page

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
                  failures: list[str] | None = None, sections: str = "", lang: str | None = None) -> str:
    """The report page; ``review_links`` maps a notice's ``source.path`` to the href of its review page;
    ``failures`` are ``path<TAB>reason`` lines, each listed; ``sections`` (HTML, the corpus analysis's)
    stand before the table of notices; the interface is in ``lang`` (default Chinese)."""
    from .stats import summarize

    t = catalogue(lang)
    rows: list[dict[str, Any]] = []
    failed = failures if failures is not None else []
    summary = summarize(_tapped(notices, rows), failed)
    names = _distinct([_name(row, counts, t) for row, counts in zip(rows, summary["per_notice"], strict=True)], rows)
    links = review_links or {}
    body = "".join([
        _header(summary, t),
        _to_review(summary["review"], rows, summary["per_notice"], links, t),
        '<section class="charts">',
        _figure(t("report.by_kind"), bars_svg([(t.code("kind", k), n) for k, n in summary["kinds"].items()], "kind", t)),
        _figure(t("report.by_status"), _statuses_chart(summary["per_notice"], links, names, t)),
        _figure(t("report.by_topic"), _topics_chart(summary["topics"], t)),
        _figure(t("report.by_year"), bars_svg(_known(summary["years"], t), "year", t)),
        _figure(t("report.by_body"), _bodies_chart(_known(summary["bodies"], t), t)),
        "</section>",
        _mismatches(summary["declared_mismatches"], rows, summary["per_notice"], links, t),
        sections,
        _table(rows, summary["per_notice"], links, t),
        _failures(failed, t),
    ])
    return page(t("report.page_title"), asset("report.css"), asset("report.js"), f"<main>{body}</main>", t.html_lang)


def _tapped(notices: Iterable[dict[str, Any]], rows: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The notices, unchanged, noting what the table needs beyond the summary."""
    for notice in notices:
        ins = notice.get("inspection") or {}
        when = ins.get("start") or ins.get("feedback") or {}
        rows.append({"title": notice.get("title"), "body": ins.get("body"), "year": when.get("year"),
                     "unit": notice.get("issuer") or ins.get("target"),
                     "declared": (notice.get("declared") or {}).get("problems")})
        yield notice


def _name(row: dict[str, Any], counts: dict[str, Any], t: Catalogue) -> str:
    """How a notice is named to a reader: its unit, else its title, else its file name."""
    return str(row["unit"] or row["title"] or (PurePath(counts["path"]).name if counts["path"] else t("report.stdin")))


def _distinct(names: list[str], rows: list[dict[str, Any]]) -> list[str]:
    """The names, a unit named more than once told apart by its year (``市政协机关党组 2023``)."""
    seen = Counter(names)
    return [f"{name} {row['year']}" if seen[name] > 1 and row["year"] else name for name, row in zip(names, rows, strict=True)]


def _known(counts: dict[str, int], t: Catalogue) -> list[tuple[str, int]]:
    """Chart items, the summary's ``(unknown)`` placeholder named in the page's language."""
    return [(t("report.unknown") if key == "(unknown)" else key, n) for key, n in counts.items()]


# ---------------------------------------------------------------- header and sections


def _header(summary: dict[str, Any], t: Catalogue) -> str:
    cards = [(t("report.notices"), summary["notices"]), (t("report.problems"), summary["problems"]),
             (t("report.failed"), summary["failed"]), (t("report.needs_review"), summary["needs_review"])]
    for s in STATUSES:
        rate = summary["rates"][s]
        cards.append((t.code("status", s), f"{summary['statuses'][s]}" + ("" if rate is None else f" · {rate:.0%}")))
    html = "".join(f'<div class="card"><b>{esc(v)}</b><span>{esc(k)}</span></div>' for k, v in cards)
    return f'<header><h1>{esc(t("report.title"))}</h1><div class="cards">{html}</div>{_status_key(t)}</header>'


def _status_key(t: Catalogue) -> str:
    keys = "".join(f'<span><i class="sw {s}"></i>{esc(t.code("status", s))}</span>' for s in STATUSES)
    return f'<p class="key">{keys}</p>'


def _figure(title: str, content: str) -> str:
    return f"<figure><figcaption>{esc(title)}</figcaption>{content}</figure>"


def _mismatches(mismatches: list[dict[str, Any]], rows: list[dict[str, Any]], per_notice: list[dict[str, Any]],
                links: dict[str, str], t: Catalogue) -> str:
    if not mismatches:
        return f'<section><h2>{esc(t("report.mismatches"))}</h2><p class="none">{esc(t("report.agree"))}</p></section>'
    by_path = {counts["path"]: row for row, counts in zip(rows, per_notice, strict=True)}
    cells = "".join(f'<tr><td>{_notice_link(m["path"], by_path.get(m["path"]), links, t)}</td>'
                    f'<td>{esc(t.code("count", m["count"]))}</td>'
                    f'<td class="n">{esc(m["declared"])}</td><td class="n">{esc(m["parsed"])}</td>'
                    f'<td class="n bad">{esc(_signed(m["parsed"] - m["declared"]))}</td></tr>' for m in mismatches)
    head = "".join(f"<th>{esc(t(f'report.col.{c}'))}</th>" for c in ("notice", "count", "declared", "parsed", "difference"))
    return (f'<section><h2>{esc(t("report.mismatches_n", n=len(mismatches)))}</h2><table class="grid compact">'
            f"<thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table></section>")


def _to_review(review: list[dict[str, Any]], rows: list[dict[str, Any]], per_notice: list[dict[str, Any]],
               links: dict[str, str], t: Catalogue) -> str:
    """The notices that need a person's look: each linked to its review page, its kind, and its reasons
    named (each reason's description as its tooltip)."""
    title = t("report.review", n=len(review))
    if not review:
        return f'<section class="review"><h2>{esc(title)}</h2><p class="none">{esc(t("report.review_none"))}</p></section>'
    by_path = {counts["path"]: row for row, counts in zip(rows, per_notice, strict=True)}
    cells = "".join(f'<tr><td>{_notice_link(n["path"], by_path.get(n["path"]), links, t)}</td>'
                    f'<td>{esc(t.code("kind", n["kind"]))}</td><td>{_reasons(n["review_reasons"], t)}</td></tr>'
                    for n in review)
    head = "".join(f"<th>{esc(t(f'report.col.{c}'))}</th>" for c in ("notice", "kind", "reasons"))
    return (f'<section class="review"><h2>{esc(title)}</h2><table class="grid compact">'
            f"<thead><tr>{head}</tr></thead><tbody>{cells}</tbody></table></section>")


def _reasons(codes: list[str], t: Catalogue) -> str:
    return esc(t("list.sep")).join(f'<span class="reason" title="{esc(t.code("diag", c))}">{esc(t.code("reason", c))}</span>'
                                   for c in codes)


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


#: the table's columns: catalogue keys (``report.col.*``, else a status)
TABLE_COLUMNS = ("unit", "title", "body", "year", "problems", *STATUSES, "declared")


def _column(key: str, t: Catalogue) -> str:
    return t.code("status", key) if key in STATUSES else t(f"report.col.{key}")


def _table(rows: list[dict[str, Any]], per_notice: list[dict[str, Any]], links: dict[str, str], t: Catalogue) -> str:
    head = "".join(f'<th><button type="button" data-col="{i}">{esc(_column(c, t))}</button></th>'
                   for i, c in enumerate(TABLE_COLUMNS))
    body = "".join(_table_row(row, counts, links, t) for row, counts in zip(rows, per_notice, strict=True))
    return (f'<section><h2>{esc(t("report.table"))}</h2><p class="hint">{esc(t("report.sort_hint"))}</p>'
            f'<table class="grid sortable"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></section>')


def _table_row(row: dict[str, Any], counts: dict[str, Any], links: dict[str, str], t: Catalogue) -> str:
    declared = row["declared"]
    off = declared is not None and declared != counts["problems"]
    unit = _name(row, counts, t)
    cells = [_cell(_notice_link(counts["path"], row, links, t), unit), _cell(_own(row["title"]), row["title"] or ""),
             _cell(_own(row["body"]), row["body"] or ""), _num(row["year"]), _num(counts["problems"], off),
             *(_num(counts[s]) for s in STATUSES), _num(declared, off)]
    return f"<tr>{''.join(cells)}</tr>"


def _own(value: str | None) -> str:
    """A notice's own words, marked as not for translation; a dash when missing."""
    return f'<span translate="no">{esc(value)}</span>' if value else "—"


def _cell(html: str, key: str) -> str:
    return f'<td data-v="{esc(key)}">{html}</td>'


def _num(value: int | None, bad: bool = False) -> str:
    cls = "n bad" if bad else "n"
    return f'<td class="{cls}" data-v="{"" if value is None else value}">{"—" if value is None else esc(value)}</td>'


def _notice_link(path: str | None, row: dict[str, Any] | None, links: dict[str, str], t: Catalogue) -> str:
    """The notice named by its unit (its title and file name as the tooltip), linked to its review page."""
    fallback = PurePath(path).name if path else t("report.stdin")
    name = esc(row["unit"] or row["title"] or fallback) if row else esc(fallback)
    tip = " · ".join(x for x in ((row or {}).get("title"), path) if x)
    href = links.get(path or "")
    attrs = f' title="{esc(tip)}" translate="no"'
    return f'<a href="{esc(safe_href(href))}"{attrs}>{name}</a>' if href else f"<span{attrs}>{name}</span>"


def _failures(failures: list[str], t: Catalogue) -> str:
    """Every file that could not be read or parsed, with its reason (as the runner gives it)."""
    if not failures:
        return f'<section><h2>{esc(t("report.failures", n=0))}</h2><p class="none">{esc(t("report.no_failures"))}</p></section>'
    rows = "".join(f'<tr><td translate="no">{esc(path)}</td><td translate="no">{esc(why)}</td></tr>'
                   for path, _, why in (f.partition("\t") for f in failures))
    head = f'<th>{esc(t("report.col.file"))}</th><th>{esc(t("report.col.reason"))}</th>'
    return (f'<section class="failures"><h2>{esc(t("report.failures", n=len(failures)))}</h2><table class="grid compact">'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></section>")


def safe_href(href: str) -> str:
    """A relative link to a file: percent-encoded, and never a scheme such as ``javascript:``."""
    href = href.replace("\\", "/")
    return quote("./" + href if SCHEME.match(href) else href, safe="/#%")


# ---------------------------------------------------------------- charts (inline SVG)


def _statuses_chart(per_notice: list[dict[str, Any]], links: dict[str, str], names: list[str], t: Catalogue) -> str:
    named = list(zip(per_notice, names, strict=True))
    chosen = sorted(named, key=lambda pair: -pair[0]["problems"])[:MAX_NOTICE_BARS] if len(named) > MAX_NOTICE_BARS else named
    rows = [(name, [n[s] for s in STATUSES]) for n, name in chosen]
    note = (f'<p class="note">{esc(t("report.some_notices", shown=len(chosen), total=len(per_notice)))}</p>'
            if len(chosen) < len(per_notice) else "")
    hrefs = [links.get(n["path"] or "") for n, _ in chosen]
    return stacked_svg(rows, STATUSES, t, hrefs) + note if rows else f'<p class="none">{esc(t("report.no_notices"))}</p>'


def _topics_chart(topics: dict[str, int], t: Catalogue) -> str:
    if not topics:
        return f'<p class="none">{esc(t("report.no_topics"))} <code translate="no">--keywords</code></p>'
    return bars_svg([(t.code("topic", code), n) for code, n in topics.items()], "topic", t)


def _bodies_chart(items: list[tuple[str, int]], t: Catalogue) -> str:
    if len(items) > MAX_BODY_BARS:
        rest = len(items) - MAX_BODY_BARS + 1
        items = items[:MAX_BODY_BARS - 1] + [(t("report.others", n=rest), sum(n for _, n in items[MAX_BODY_BARS - 1:]))]
    return bars_svg(items, "body", t)


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


def bars_svg(items: list[tuple[str, int]], kind: str, t: Catalogue | None = None) -> str:
    """One horizontal bar per (label, count), scaled to the largest; inspection bodies' labels are the
    notices' own words (``translate="no"``)."""
    t = t or catalogue()
    if not items:
        return f'<p class="none">{esc(t("report.nothing"))}</p>'
    left, labels = _label_column([str(k) for k, _ in items])
    most = max(n for _, n in items) or 1
    scale = (WIDTH - left - 48) / most
    own = ' translate="no"' if kind == "body" else ""
    parts = []
    for i, ((full, n), label) in enumerate(zip(items, labels, strict=True)):
        y = i * ROW
        parts.append(f'<g><title>{esc(full)}: {n}</title><text class="lab"{own} x="{left - GAP}" y="{y + 16}">{esc(label)}</text>'
                     f'<rect class="bar {kind}" x="{left}" y="{y + 4}" width="{max(n * scale, 1):.1f}" height="{BAR}" rx="2"/>'
                     f'<text class="val" x="{left + n * scale + 6:.1f}" y="{y + 16}">{n}</text></g>')
    return _svg(len(items) * ROW + 4, parts, t.strings.get(f"report.by_{kind}", kind))


def stacked_svg(rows: list[tuple[str, list[int]]], keys: tuple[str, ...], t: Catalogue,
                hrefs: list[str | None] | None = None) -> str:
    """One horizontal bar per row, split into segments per key, scaled to the largest total; a row with an
    href links there (a notice's review page)."""
    left, labels = _label_column([r[0] for r in rows])
    most = max(sum(v) for _, v in rows) or 1
    scale = (WIDTH - left - 48) / most
    parts = []
    for i, ((full, values), label) in enumerate(zip(rows, labels, strict=True)):
        y, x = i * ROW, left
        tip = ", ".join(f"{t.code('status', k)} {v}" for k, v in zip(keys, values, strict=True))
        segs = []
        for key, v in zip(keys, values, strict=True):
            if v:
                segs.append(f'<rect class="seg {key}" x="{x:.1f}" y="{y + 4}" width="{v * scale:.1f}" height="{BAR}"/>')
                x += v * scale
        row = (f'<g><title>{esc(full)}: {esc(tip)}</title><text class="lab" translate="no" x="{left - GAP}" y="{y + 16}">{esc(label)}</text>'
               f'{"".join(segs)}<text class="val" x="{x + 6:.1f}" y="{y + 16}">{sum(values)}</text></g>')
        href = hrefs[i] if hrefs else None
        parts.append(f'<a href="{esc(safe_href(href))}">{row}</a>' if href else row)
    return _svg(len(rows) * ROW + 4, parts, t("report.by_status"))


def _svg(height: int, parts: list[str], label: str) -> str:
    return (f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
            f'aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')
