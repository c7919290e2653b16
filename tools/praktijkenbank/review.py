"""``praktijkenbank herzien``: what needs a maintainer's attention.

* practices whose ``geverifieerd`` date is more than two years old
  (:func:`is_stale`, the single rule also behind the site's 'te herzien' notice);
* internal links that broke: a ``verwant`` slug without a practice, or a
  relative Markdown link in the text to a file that does not exist.

Used by the weekly workflow ``.github/workflows/stale.yml``; external web
addresses are not checked (that needs the network).
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass
from pathlib import Path

STALE_AFTER_YEARS = 2

# [text](target) and [label]: target (reference definitions); images too.
_INLINE_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def years_before(today: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier (29 February -> 28 February)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def is_stale(date, today: dt.date | None = None) -> bool:
    """True when ``date`` (a date or 'JJJJ-MM-DD') lies more than two years before ``today``.

    The single rule behind the site's 'te herzien' notice and the weekly
    report. Exactly two years old is not yet stale. A missing or invalid date
    gives False here: the validator reports it (the site may treat it as
    stale: ``parse_date(v) is None or is_stale(v, today)``).
    """
    parsed = _as_date(date)
    today = today or dt.date.today()
    return parsed is not None and parsed < years_before(today, STALE_AFTER_YEARS)


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    kind: str  # 'te herzien' | 'kapotte link'
    message: str


def _links(body: str) -> list[tuple[int, str]]:
    """(offset, target) of every link in a Markdown body, outside fenced code."""
    clean = _FENCE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), body)
    found = [(m.start(1), m.group(1)) for m in _INLINE_LINK.finditer(clean)]
    found += [(m.start(1), m.group(1)) for m in _REFERENCE.finditer(clean)]
    return sorted(found)


def broken_links(practice, slugs: set[str]) -> list[Finding]:
    """Internal links of one practice that point nowhere."""
    findings = []
    related = practice.meta.get("verwant")
    if isinstance(related, list):
        for index, slug in enumerate(related):
            if isinstance(slug, str) and slug not in slugs:
                line, _ = practice.pos("verwant", index)
                findings.append(Finding(practice.path, line, "kapotte link",
                                        f"verwante praktijk '{slug}' bestaat niet (meer)."))
    base = Path(practice.path).parent
    for offset, target in _links(practice.body):
        if _EXTERNAL.match(target):
            continue
        file_part = target.split("#", 1)[0].split("?", 1)[0]
        if not file_part:
            continue
        candidate = base / file_part
        stem = Path(file_part.rstrip("/")).name.removesuffix(".md")
        if candidate.exists() or (file_part.endswith((".md", "/")) and stem in slugs):
            continue
        line = practice.body_line + practice.body[:offset].count("\n")
        findings.append(Finding(practice.path, line, "kapotte link", f"de link '{target}' verwijst naar niets."))
    return findings


def review(paths, today: dt.date | None = None) -> tuple[list[Finding], int]:
    """All findings under ``paths`` (stale practices first, oldest first) and the number checked."""
    from .load import load_practices

    today = today or dt.date.today()
    practices, _ = load_practices(paths)  # load problems are the validator's business
    slugs = {p.slug for p in practices}
    stale, links = [], []
    for practice in practices:
        verified = practice.meta.get("geverifieerd")
        if is_stale(verified, today):
            date = _as_date(verified)
            months = (today.year - date.year) * 12 + today.month - date.month
            line, _ = practice.pos("geverifieerd")
            stale.append((date, Finding(practice.path, line, "te herzien",
                                        f"laatst geverifieerd op {date.isoformat()} ({months} maanden geleden).")))
        links += broken_links(practice, slugs)
    stale.sort(key=lambda pair: (pair[0], pair[1].path))
    return [f for _, f in stale] + sorted(links, key=lambda f: (f.path, f.line)), len(practices)


def as_text(findings: list[Finding], checked: int) -> str:
    if not findings:
        return f"Niets te herzien: {checked} praktijk(en) nagekeken.\n"
    lines = [f"{f.path}:{f.line}: {f.kind}: {f.message}" for f in findings]
    return "\n".join(lines) + f"\n{len(findings)} melding(en); {checked} praktijk(en) nagekeken.\n"


def as_markdown(findings: list[Finding], checked: int, today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    lines = [f"Overzicht van {today.isoformat()}: {checked} praktijk(en) nagekeken.", ""]
    stale = [f for f in findings if f.kind == "te herzien"]
    links = [f for f in findings if f.kind == "kapotte link"]
    if not findings:
        return "\n".join(lines + ["Niets te herzien."]) + "\n"
    if stale:
        lines += [f"### Te herzien (laatst geverifieerd meer dan {STALE_AFTER_YEARS} jaar geleden)", "",
                  "Loop de feiten na met de bron en zet `geverifieerd` op de datum van vandaag.", ""]
        lines += [f"- [ ] `{f.path}`: {f.message}" for f in stale] + [""]
    if links:
        lines += ["### Kapotte interne links", ""]
        lines += [f"- [ ] `{f.path}` regel {f.line}: {f.message}" for f in links] + [""]
    return "\n".join(lines).rstrip("\n") + "\n"


def add_arguments(subparsers) -> None:
    parser = subparsers.add_parser(
        "herzien", aliases=["review"],
        help="toon praktijken die te herzien zijn (ouder dan twee jaar) en kapotte interne links")
    parser.add_argument("paths", nargs="*", metavar="PAD", help="bestanden of mappen (standaard: practices)")
    parser.add_argument("--format", choices=["tekst", "markdown"], default="tekst", help="uitvoer (standaard: tekst)")
    parser.add_argument("--datum", metavar="JJJJ-MM-DD", help="rekenen alsof het vandaag deze datum is")
    parser.add_argument("--streng", action="store_true", help="eindig met code 1 als er iets te herzien is")
    parser.set_defaults(func=main)


def main(args) -> int:
    try:
        today = dt.date.fromisoformat(args.datum) if args.datum else dt.date.today()
    except ValueError:
        print(f"praktijkenbank herzien: '{args.datum}' is geen datum (JJJJ-MM-DD).", file=sys.stderr)
        return 2
    findings, checked = review(args.paths or ["practices"], today)
    text = as_markdown(findings, checked, today) if args.format == "markdown" else as_text(findings, checked)
    sys.stdout.write(text)
    return 1 if findings and args.streng else 0
