"""``praktijkenbank herzien``: what needs a maintainer's attention.

* records whose ``geverifieerd`` date is more than two years old
  (:func:`is_stale`, the single rule also behind the site's 'te herzien' notice);
* internal links that broke: a ``verwant``, ``instrumenten`` or ``productgroepen``
  slug without a record, or a link in the text to a record or page that does not
  exist (the same checks as ``validate``, see :mod:`.crosschecks`).

Used by the weekly workflow ``.github/workflows/stale.yml``; external web
addresses are not checked (that needs the network).
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass

from ..contrib.cli_nl import date_option, option

STALE_AFTER_YEARS = 2



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


def review(paths, today: dt.date | None = None) -> tuple[list[Finding], int, list]:
    """All findings under ``paths`` (stale records first, oldest first), the number checked, and
    the problems that stop the review (a path that does not exist, a file that cannot be read)."""
    from .crosschecks import check_body_links, check_references
    from .load import load_practices
    from .vocab import load_vocab

    today = today or dt.date.today()
    records, problems = load_practices(paths)
    blocking = [p for p in problems if p.field == "bestand" and p.is_error]
    stale = []
    for record in records:
        verified = record.meta.get("geverifieerd")
        if is_stale(verified, today):
            date = _as_date(verified)
            months = (today.year - date.year) * 12 + today.month - date.month
            line, _ = record.pos("geverifieerd")
            stale.append((date, Finding(record.path, line, "te herzien",
                                        f"laatst geverifieerd op {date.isoformat()} ({months} maanden geleden).")))
    vocab = load_vocab()
    # The same reference and link checks as 'validate' (one implementation), reported as findings.
    links = [Finding(p.path, p.line, "kapotte link", p.message)
             for check in (check_references, check_body_links) for p in check(records, vocab)]
    stale.sort(key=lambda pair: (pair[0], pair[1].path))
    return [f for _, f in stale] + sorted(links, key=lambda f: (f.path, f.line)), len(records), blocking


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
    parser.add_argument("paths", nargs="*", metavar="PAD", help="bestanden of mappen (standaard: alle mappen met records)")
    option(parser, "--formaat", "--format", dest="format", choices=["tekst", "markdown"], default="tekst",
           help="uitvoer (standaard: tekst)")
    parser.add_argument("--datum", metavar="JJJJ-MM-DD", help="rekenen alsof het vandaag deze datum is")
    parser.add_argument("--streng", action="store_true", help="eindig met code 1 als er iets te herzien is")
    parser.set_defaults(func=main)


def main(args) -> int:
    today = date_option(args.datum, "herzien")
    if today is None:
        return 2
    from .validate import default_paths

    findings, checked, blocking = review(args.paths or default_paths(), today)
    if blocking:  # like 'validate': a folder that does not exist is an error, not "nothing to review"
        for problem in blocking:
            print(problem.format(), file=sys.stderr)
        return 1
    text = as_markdown(findings, checked, today) if args.format == "markdown" else as_text(findings, checked)
    sys.stdout.write(text)
    return 1 if findings and args.streng else 0
