"""Compare a Notice with a hand-checked truth file, field by field, by the criteria of score.py."""
from __future__ import annotations

import re

PUNCT = re.compile(r"[\s\u3000，,。．.、；;：:！!？?“”\"‘’'《》〈〉（）()【】\[\]—\-－·…]")


def norm(s: str | None) -> str:
    return PUNCT.sub("", s or "")


def date_str(d: dict | None) -> str | None:
    if d is None:
        return None
    if d.get("iso"):
        return d["iso"]
    part = lambda v, w: f"{v:0{w}d}" if isinstance(v, int) else "?" * w
    return f"{part(d.get('year'), 4)}-{part(d.get('month'), 2)}-{part(d.get('day'), 2)}"


def title_match(truth: str, out: str | None) -> bool:
    t, o = norm(truth), norm(out)
    return bool(t) and t in o and len(o) <= 2 * len(t) + 12


def problem_errors(truth: dict, notice: dict) -> list[str]:
    """Every way the problem list differs from the truth: count, titles in order, statuses."""
    tp, op = truth["problems"], notice["problems"]
    errors = [] if len(tp) == len(op) else [f"{len(op)} problems, truth has {len(tp)}"]
    for i, (t, o) in enumerate(zip(tp, op)):
        if not title_match(t["title"], o["title"]):
            errors.append(f"problem {i}: title {o['title']!r}, truth {t['title']!r}")
        if t.get("number") is not None and o["number"] != t["number"]:
            errors.append(f"problem {i}: number {o['number']}, truth {t['number']}")
    for i, (want, o) in enumerate(zip(truth.get("statuses") or [], op)):
        if want is not None and o["status"] != want:
            errors.append(f"problem {i}: status {o['status']}, truth {want}")
    return errors


def meta_errors(truth: dict, notice: dict) -> list[str]:
    """Title, inspection, signature, publicity, addressee and declared counts against the truth."""
    errors = []
    check = lambda ok, what: ok or errors.append(what)
    if truth.get("title"):
        check(norm(truth["title"]) == norm(notice["title"]), f"title {notice['title']!r}")
    ins, got = truth.get("inspection") or {}, notice["inspection"]
    for k in ("body", "target"):
        if ins.get(k):
            check(bool(got[k]) and norm(ins[k]) in norm(got[k]), f"inspection.{k} {got[k]!r}")
    for k in ("start", "end", "feedback"):
        if ins.get(k):
            check(date_str(got[k]) == ins[k], f"inspection.{k} {date_str(got[k])}, truth {ins[k]}")
    sig, osig = truth.get("signature"), notice["signature"] or {}
    if sig:
        check(norm(sig["org"]) == norm(osig.get("org")), f"signature.org {osig.get('org')!r}")
        if sig.get("date"):
            check(date_str(osig.get("date")) == sig["date"], "signature.date")
    else:
        check(not osig.get("org"), f"signature {osig.get('org')!r} where truth has none")
    pub, opub = truth.get("publicity"), notice["publicity"] or {}
    if pub:
        check((date_str(opub.get("start")), date_str(opub.get("end"))) == (pub["start"], pub["end"]), "publicity")
    if truth.get("addressee"):
        check(norm(truth["addressee"]) == norm(notice["addressee"]), f"addressee {notice['addressee']!r}")
    for k, v in (truth.get("declared") or {}).items():
        check(notice["declared"][k] == v, f"declared.{k} {notice['declared'][k]}, truth {v}")
    return errors


def contact_set(contacts: dict[str, list[str]] | list[dict]) -> set[tuple[str, str]]:
    key = lambda typ, v: (typ, re.sub(r"\D", "", v) if typ in ("phone", "postcode") else v.lower())
    if isinstance(contacts, dict):
        return {key(t, v) for t, vals in contacts.items() for v in vals}
    return {key(c["type"], c["value"]) for c in contacts if c["type"] in ("phone", "email", "postcode")}
