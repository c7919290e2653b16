"""``praktijkenbank begroting FILE``: the SDG budget scan on the command line.

Gives exactly the figures of the browser page (begroting/) on the same file.
Exit codes: 0 summary made (unread lines are listed, not fatal), 1 the file
cannot be read or a data file of the suggestions is broken, 2 wrong command.
"""

from __future__ import annotations

import json
import re
import sys

from ..records.vocab import load_vocab
from . import lines as per_line
from .parse import BudgetFileError, read_path, spec
from .suggest_model import ModelError
from .summarise import labels, summarise, to_csv, unread_name
from .values import euro_text, per_mille_text

# Control characters (C0, DEL, C1) and bidirectional overrides are never written raw to a terminal.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


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
    parser.add_argument("--json", metavar="UIT",
                        help="schrijf de volledige uitkomst als JSON, met per regel de rij, tekst, bedrag, SDG's met hun "
                             "herkomst en (met --suggesties) de suggesties met hun redenen")
    parser.add_argument("--suggesties", action="store_true",
                        help="stel voor elke regel zonder SDG tot drie SDG's voor, met de reden")
    parser.add_argument("--sjabloon", metavar="UIT",
                        help="schrijf de regels in de vorm van het sjabloon (CSV), met de SDG's die gevonden zijn")
    parser.set_defaults(func=main)


def _mapping(pairs: list[str]) -> dict:
    mapping = {}
    fields = {"code", "omschrijving", "soort", "type", "sdg", "bedrag"}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field.strip() not in fields | {"beleidsveld"}:
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


def clean(text: str) -> str:
    """Text from the file, safe for a terminal: control characters shown as '?'."""
    return _CONTROL_RE.sub("?", text)


def report(summary: dict, parsed: dict, names: dict) -> str:
    chosen = summary["selectie"]
    data = spec()
    lines = [f"Formaat: {data['formaten'][parsed['formaat']]}; {len(parsed['regels'])} regels gelezen, "
             f"{len(parsed['niet_gelezen'])} niet gelezen."]
    lines += [f"Let op: {note}" for note in parsed.get("opmerkingen", [])]
    lines.append(f"Kopregel: rij {parsed['kopregel']}; kolommen: "
                 + ", ".join(f"{k} = '{v}'" for k, v in parsed["kolommen"].items())
                 + (f"; jaren: {', '.join(map(str, parsed['jaren']))}" if parsed["jaren"] else ""))
    lines.append(f"Selectie: jaren {' '.join(map(str, chosen['jaren'])) or '(totaalkolom)'}; "
                 f"soort {chosen['soort'] or 'alle'}; type {chosen['type'] or 'alle'}")
    lines.append(f"Totaal gelezen: {_euro(summary['totaal'])} in {summary['regels']} regels "
                 f"= met SDG-code {_euro(summary['gecodeerd'])} + zonder SDG-code {_euro(summary['niet_gecodeerd'])}")
    origins: dict[str, int] = {}
    for line in parsed["regels"]:
        if line["sdgs"]:
            origins[line["herkomst"]] = origins.get(line["herkomst"], 0) + 1
    if origins:
        lines.append("SDG's gevonden: " + "; ".join(f"{count} regels {per_line.origin_text(data, origin)}"
                                                    for origin, count in origins.items()))
    lines.append("")
    sdg_names = {s["nummer"]: s["naam"] for s in names["sdgs"]}
    width = max(len(f"SDG {n:>2} {name}") for n, name in sdg_names.items())
    p_names = {p["id"]: p["naam"] for p in names["ps"]}
    width = max(width, *(len(name) for name in p_names.values()))
    for row in summary["sdgs"]:
        label = f"SDG {row['nummer']:>2} {sdg_names[row['nummer']]}"
        lines.append(f"{label:<{width}} {_euro(row['bedrag']):>20} {per_mille_text(row['promille']):>6} %")
    lines.append("")
    for row in summary["ps"]:
        lines.append(f"{p_names[row['id']]:<{width}} {_euro(row['bedrag']):>20} {per_mille_text(row['promille']):>6} %")
    unread = summary["niet_gelezen"]
    if unread:
        lines.append("")
        lines.append(f"Niet gelezen: {len(unread)} regel(s), samen {_euro(summary['niet_gelezen_bedrag'])} "
                     "(regels met een leesbaar bedrag):")
        for row in unread:
            amount = _euro(row["bedrag"]) if row["bedrag"] is not None else "geen leesbaar bedrag"
            lines.append(f"  rij {row['rij']}: {unread_name(row)} ({amount})")
    return clean("\n".join(lines)) + "\n"


def suggestion_report(parsed: dict, found: dict) -> str:
    """Per uncoded line its suggestions and reasons."""
    uncoded = [line for line in parsed["regels"] if not line["sdgs"]]
    if per_line.engine() is None:
        return "\nSuggesties: de suggestiemodule is niet geïnstalleerd.\n"
    out = ["", f"Suggesties voor de {len(uncoded)} regels zonder SDG (tellen niet mee in de totalen hierboven):"]
    for line in uncoded:
        name = " ".join(v for v in (line["code"], line["omschrijving"]) if v) or "(zonder omschrijving)"
        out.append(f"  rij {line['rij']}: {name} ({_euro(per_line.line_amount(line, parsed['jaren']))})")
        options = found.get(line["rij"], [])
        if not options:
            out.append("    geen suggestie")
        for option in options:
            target = f" (subdoel {option['subdoel']})" if option.get("subdoel") else ""
            out.append(f"    SDG {option['sdg']}{target}: {'; '.join(option['redenen'])}")
    return clean("\n".join(out)) + "\n"


def main(args) -> int:
    names = labels(load_vocab())
    try:
        parsed = read_path(args.file, _mapping(args.kolom))
        summary = summarise(parsed, names, args.jaar, args.soort, args.budget_type)
    except BudgetFileError as exc:
        print(f"praktijkenbank begroting: {exc}", file=sys.stderr)
        return 1
    try:
        found = per_line.suggestions(parsed) if args.suggesties else {}
    except ModelError as exc:
        print(f"praktijkenbank begroting: de gegevens van de SDG-suggesties kloppen niet: {exc}.", file=sys.stderr)
        return 1
    sys.stdout.write(report(summary, parsed, names))
    if args.suggesties:
        sys.stdout.write(suggestion_report(parsed, found))
    try:
        if args.sjabloon:
            with open(args.sjabloon, "w", encoding="utf-8-sig", newline="") as handle:
                handle.write(per_line.template_csv(spec(), parsed))
        if args.csv:
            with open(args.csv, "w", encoding="utf-8-sig", newline="") as handle:
                handle.write(to_csv(summary, names))
        if args.json:
            with open(args.json, "w", encoding="utf-8") as handle:
                json.dump(dict(summary, formaat=parsed["formaat"], opmerkingen=parsed.get("opmerkingen", []),
                               per_regel=per_line.per_line(spec(), parsed, found)),
                          handle, ensure_ascii=False, indent=1)
    except OSError as exc:
        print(f"praktijkenbank begroting: kan niet schrijven: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    return 0
