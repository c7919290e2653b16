"""Summarise budget lines per SDG and per P, for a choice of years, kind and type.

The twin of ``docs/assets/begroting/samenvatten.js``: same selection, same
split (largest remainder), same output dict (compared as JSON in the tests),
same CSV export byte for byte.
"""

from __future__ import annotations

from .parse import BudgetFileError
from .values import euro_text, per_mille, per_mille_text, split_cents

TOP = 5
MAX_TOTAL_CENTS = 4 * 10 ** 12  # 40 billion euro: per-mille arithmetic stays exact in JavaScript too


def labels(vocab) -> dict:
    """SDG and P names from the vocabularies (the browser gets the same from the build)."""
    return {
        "sdgs": [{"nummer": n, "naam": e["naam"]} for n, e in vocab.sdgs.items()],
        "ps": [{"id": pid, "naam": e["naam"], "sdgs": list(e["sdgs"])} for pid, e in vocab.ps.items()],
    }


def selection(parsed: dict, years=None, soort: str | None = "uitgaven", type_: str | None = None) -> dict:
    """Normalised filters: unknown years raise; a filter on a column the file lacks is dropped."""
    available = parsed["jaren"]
    if years:
        years = sorted({int(y) for y in years})
        unknown = [y for y in years if y not in available]
        if unknown:
            shown = ", ".join(map(str, available)) or "geen: het bestand heeft één totaalkolom"
            raise BudgetFileError(f"jaar {', '.join(map(str, unknown))} staat niet in het bestand (jaren: {shown}).")
    else:
        years = list(available)
    has = {f: f in parsed["kolommen"] for f in ("soort", "type")}
    return {"jaren": years, "soort": soort if soort not in (None, "alle") and has["soort"] else None,
            "type": type_ if type_ not in (None, "alle") and has["type"] else None}


def _amount(amounts: dict, years: list) -> int:
    if not years:
        return amounts.get(0, 0)
    return sum(amounts.get(y, 0) for y in years)


def summarise(parsed: dict, names: dict, years=None, soort: str | None = "uitgaven", type_: str | None = None) -> dict:
    chosen = selection(parsed, years, soort, type_)
    years = chosen["jaren"]
    numbers = [s["nummer"] for s in names["sdgs"]]
    per_sdg = {n: 0 for n in numbers}
    lines_per_sdg = {n: 0 for n in numbers}
    parts: dict[int, list] = {n: [] for n in numbers}
    total = coded = count = coded_count = accepted = accepted_count = 0
    for line in parsed["regels"]:
        if chosen["soort"] and line["soort"] != chosen["soort"]:
            continue
        if chosen["type"] and line["type"] != chosen["type"]:
            continue
        amount = _amount(line["bedragen"], years)
        count += 1
        total += amount
        if not line["sdgs"]:
            continue
        coded += amount
        coded_count += 1
        if line.get("herkomst") == "aanvaard":
            accepted += amount
            accepted_count += 1
        goals = [g for g, _ in line["sdgs"]]
        for goal, part in zip(goals, split_cents(amount, [w for _, w in line["sdgs"]])):
            per_sdg[goal] += part
            lines_per_sdg[goal] += 1
            parts[goal].append((part, line["rij"], line))
    if abs(total) > MAX_TOTAL_CENTS or abs(coded) > MAX_TOTAL_CENTS:
        raise BudgetFileError("het totaal is groter dan 40 miljard euro: dat kan de scan niet exact optellen.")
    unread = []
    unread_total = 0
    for row in parsed["niet_gelezen"]:
        amount = _amount(row["bedragen"], years) if row["bedragen"] is not None else None
        unread_total += amount or 0
        unread.append({"rij": row["rij"], "code": row["code"], "omschrijving": row["omschrijving"], "reden": row["reden"],
                       "bedrag": amount})
    top = []
    for n in numbers:
        best = sorted(parts[n], key=lambda item: (-item[0], item[1]))[:TOP]
        top.append({"nummer": n, "regels": [{"rij": rij, "code": line["code"], "omschrijving": line["omschrijving"],
                                              "bedrag": part, "herkomst": line.get("herkomst", "")}
                                             for part, rij, line in best]})
    return {
        "selectie": chosen,
        "regels": count,
        "regels_gecodeerd": coded_count,
        "regels_aanvaard": accepted_count,
        "aanvaard": accepted,
        "totaal": total,
        "gecodeerd": coded,
        "niet_gecodeerd": total - coded,
        "sdgs": [{"nummer": n, "bedrag": per_sdg[n], "regels": lines_per_sdg[n], "promille": per_mille(per_sdg[n], total)}
                 for n in numbers],
        "ps": [{"id": p["id"], "bedrag": sum(per_sdg[n] for n in p["sdgs"]),
                "promille": per_mille(sum(per_sdg[n] for n in p["sdgs"]), total)} for p in names["ps"]],
        "top": top,
        "niet_gelezen": unread,
        "niet_gelezen_bedrag": unread_total,
    }


def unread_name(row: dict) -> str:
    """'A12 Fietspad: reden' for an unread line (row number apart)."""
    name = " ".join(v for v in (row["code"], row["omschrijving"]) if v) or "(zonder code of omschrijving)"
    return f"{name}: {row['reden']}"


def csv_field(value) -> str:
    text = str(value)
    if any(c in text for c in ';"\n\r'):
        text = '"' + text.replace('"', '""') + '"'
    return text


def to_csv(summary: dict, names: dict) -> str:
    """The summary as CSV for Excel in Flanders: ';' and a decimal comma (the caller adds a BOM)."""
    chosen = summary["selectie"]
    rows = [["groep", "code", "naam", "bedrag_euro", "aandeel_procent"],
            ["selectie", "jaren", " ".join(map(str, chosen["jaren"])) or "totaalkolom", "", ""],
            ["selectie", "soort", chosen["soort"] or "alle", "", ""],
            ["selectie", "type", chosen["type"] or "alle", "", ""]]
    sdg_names = {s["nummer"]: s["naam"] for s in names["sdgs"]}
    for row in summary["sdgs"]:
        rows.append(["SDG", row["nummer"], sdg_names[row["nummer"]], euro_text(row["bedrag"]),
                     per_mille_text(row["promille"])])
    p_names = {p["id"]: p["naam"] for p in names["ps"]}
    for row in summary["ps"]:
        rows.append(["5P", row["id"], p_names[row["id"]], euro_text(row["bedrag"]), per_mille_text(row["promille"])])
    total = summary["totaal"]
    for code, name, amount in (("gecodeerd", "Met SDG-code", summary["gecodeerd"]),
                               ("niet_gecodeerd", "Zonder SDG-code", summary["niet_gecodeerd"]),
                               ("totaal", "Totaal gelezen", total)):
        rows.append(["totaal", code, name, euro_text(amount), per_mille_text(per_mille(amount, total))])
    rows.append(["niet_gelezen", len(summary["niet_gelezen"]), "Niet gelezen regels (leesbare bedragen)",
                 euro_text(summary["niet_gelezen_bedrag"]), ""])
    for row in summary["niet_gelezen"]:
        rows.append(["niet_gelezen_regel", f"rij {row['rij']}", unread_name(row),
                     euro_text(row["bedrag"]) if row["bedrag"] is not None else "", ""])
    return "".join(";".join(csv_field(v) for v in row) + "\r\n" for row in rows)
