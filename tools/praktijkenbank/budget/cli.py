"""``praktijkenbank begroting FILE``: the SDG budget scan on the command line.

Gives exactly the figures of the browser page (begroting/) on the same file.
Exit codes: 0 summary made (unread lines are listed, not fatal), 1 the file
cannot be read, 2 wrong command.
"""

from __future__ import annotations

import json
import sys

from ..records.vocab import load_vocab
from .parse import BudgetFileError, read_path
from .summarise import labels, summarise, to_csv
from .values import euro_text, per_mille_text


def add_arguments(subparsers) -> None:
    parser = subparsers.add_parser(
        "begroting", aliases=["begrotingsscan"],
        help="tel een meerjarenplan of budget (CSV of .xlsx) op per SDG en per P")
    parser.add_argument("file", metavar="BESTAND", help="CSV- of .xlsx-bestand met één regel per budgetregel of actie")
    parser.add_argument("--jaar", type=int, action="append", metavar="JAAR",
                        help="alleen dit jaar (mag meermaals; standaard: alle jaarkolommen)")
    parser.add_argument("--soort", choices=["uitgaven", "ontvangsten", "alle"], default="uitgaven",
                        help="uitgaven (standaard), ontvangsten of alle")
    parser.add_argument("--type", choices=["exploitatie", "investering", "financiering", "alle"], default="alle",
                        dest="budget_type", help="exploitatie, investering, financiering of alle (standaard)")
    parser.add_argument("--kolom", action="append", default=[], metavar="VELD=KOP",
                        help="welke kolom wat is, als de koppen anders heten dan in het sjabloon, "
                             "bv. --kolom sdg=Duurzaamheidsdoel (velden: code, omschrijving, soort, type, sdg, bedrag)")
    parser.add_argument("--csv", metavar="UIT", help="schrijf de samenvatting als CSV (zoals de knop op de site)")
    parser.add_argument("--json", metavar="UIT", help="schrijf de volledige uitkomst als JSON (voor tests en scripts)")
    parser.set_defaults(func=main)


def _mapping(pairs: list[str]) -> dict:
    mapping = {}
    fields = {"code", "omschrijving", "soort", "type", "sdg", "bedrag"}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field.strip() not in fields:
            raise BudgetFileError(f"--kolom '{pair}': schrijf VELD=KOP met VELD een van {', '.join(sorted(fields))}.")
        mapping[field.strip()] = header.strip()
    return mapping


def _euro(cents: int) -> str:
    text = euro_text(cents)
    whole, decimals = text.split(",")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return f"€ {sign}{'.'.join(groups) or '0'},{decimals}"


def report(summary: dict, parsed: dict, names: dict) -> str:
    chosen = summary["selectie"]
    lines = [f"Kopregel: rij {parsed['kopregel']}; kolommen: "
             + ", ".join(f"{k} = '{v}'" for k, v in parsed["kolommen"].items())
             + (f"; jaren: {', '.join(map(str, parsed['jaren']))}" if parsed["jaren"] else "")]
    lines.append(f"Selectie: jaren {' '.join(map(str, chosen['jaren'])) or '(totaalkolom)'}; "
                 f"soort {chosen['soort'] or 'alle'}; type {chosen['type'] or 'alle'}")
    lines.append(f"Totaal gelezen: {_euro(summary['totaal'])} in {summary['regels']} regels "
                 f"= met SDG-code {_euro(summary['gecodeerd'])} + zonder SDG-code {_euro(summary['niet_gecodeerd'])}")
    lines.append("")
    sdg_names = {s["nummer"]: s["naam"] for s in names["sdgs"]}
    for row in summary["sdgs"]:
        lines.append(f"SDG {row['nummer']:>2} {sdg_names[row['nummer']]:<42} {_euro(row['bedrag']):>20} "
                     f"{per_mille_text(row['promille']):>6} %")
    lines.append("")
    p_names = {p["id"]: p["naam"] for p in names["ps"]}
    for row in summary["ps"]:
        lines.append(f"{p_names[row['id']]:<49} {_euro(row['bedrag']):>20} {per_mille_text(row['promille']):>6} %")
    unread = summary["niet_gelezen"]
    if unread:
        lines.append("")
        lines.append(f"Niet gelezen: {len(unread)} regel(s), samen {_euro(summary['niet_gelezen_bedrag'])} "
                     "(regels met een leesbaar bedrag):")
        for row in unread:
            amount = _euro(row["bedrag"]) if row["bedrag"] is not None else "geen leesbaar bedrag"
            lines.append(f"  rij {row['rij']}: {row['reden']} ({amount})")
    return "\n".join(lines) + "\n"


def main(args) -> int:
    names = labels(load_vocab())
    try:
        parsed = read_path(args.file, _mapping(args.kolom))
        summary = summarise(parsed, names, args.jaar, args.soort, args.budget_type)
    except BudgetFileError as exc:
        print(f"praktijkenbank begroting: {exc}", file=sys.stderr)
        return 1
    sys.stdout.write(report(summary, parsed, names))
    try:
        if args.csv:
            with open(args.csv, "w", encoding="utf-8-sig", newline="") as handle:
                handle.write(to_csv(summary, names))
        if args.json:
            with open(args.json, "w", encoding="utf-8") as handle:
                json.dump(summary, handle, ensure_ascii=False, indent=1)
    except OSError as exc:
        print(f"praktijkenbank begroting: kan niet schrijven: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    return 0
