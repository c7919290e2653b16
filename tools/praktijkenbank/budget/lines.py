"""Per line: where its SDGs came from, the suggestions for an uncoded line, accepted codes,
and the export in the shape of the template (so next year's file comes in coded).

The twin of ``docs/assets/begroting/regels.js`` (same export byte for byte).
Suggestions come from ``praktijkenbank.budget.suggest`` (load_model, suggest); they are never
added to the totals: only codes the user accepted count, with origin 'aanvaard'.
"""

from __future__ import annotations

import copy

from .summarise import csv_field
from .values import euro_text


def origin_text(spec: dict, origin: str) -> str:
    return spec["sdg_tekst"]["herkomst"].get(origin, "") if origin else ""


def engine():
    """(load_model, suggest) of the suggestion engine, or None when it is not installed."""
    try:
        from . import suggest as module  # built on another branch; the contract is load_model() and suggest()
    except ImportError:
        return None
    return module.load_model, module.suggest


def suggestion_input(line: dict) -> dict:
    return {"beleidsveld": line.get("beleidsveld"), "teksten": dict(line.get("teksten") or {})}


def suggestions(parsed: dict) -> dict[int, list[dict]]:
    """{row: suggestions} for every line without SDGs (empty when the engine is missing)."""
    found = engine()
    if found is None:
        return {}
    load_model, suggest = found
    model = load_model()
    return {line["rij"]: suggest(model, suggestion_input(line)) for line in parsed["regels"] if not line["sdgs"]}


def apply_accepted(parsed: dict, accepted: dict) -> dict:
    """A copy of ``parsed`` where uncoded lines with accepted SDGs ({row: [sdg, ...]}) are coded, origin 'aanvaard'."""
    out = copy.copy(parsed)
    lines = []
    for line in parsed["regels"]:
        chosen = accepted.get(line["rij"]) or accepted.get(str(line["rij"]))
        if chosen and not line["sdgs"]:
            line = dict(line, sdgs=[(int(n), 1) for n in sorted(set(map(int, chosen)))], herkomst="aanvaard")
        lines.append(line)
    out["regels"] = lines
    return out


def line_amount(line: dict, years: list) -> int:
    amounts = line["bedragen"]
    return sum(amounts.get(y, 0) for y in years) if years else amounts.get(0, 0)


def per_line(spec: dict, parsed: dict, found: dict | None = None) -> list[dict]:
    """What --json gives per line: row, text, amount, SDGs with origin, ordered suggestions with reasons."""
    years = parsed["jaren"]
    out = []
    for line in parsed["regels"]:
        out.append({
            "rij": line["rij"], "code": line["code"], "tekst": line["omschrijving"],
            "bedrag": line_amount(line, years), "beleidsveld": line.get("beleidsveld"),
            "groep": line.get("groep", {}),
            "sdgs": [{"sdg": n, "gewicht": w} for n, w in line["sdgs"]],
            "herkomst": line.get("herkomst", ""), "herkomst_tekst": origin_text(spec, line.get("herkomst", "")),
            "suggesties": (found or {}).get(line["rij"], []) if not line["sdgs"] else [],
        })
    return out


def _codes_text(sdgs: list) -> str:
    weights = [w for _, w in sdgs]
    if len(set(weights)) <= 1:
        return "; ".join(str(n) for n, _ in sdgs)
    total = sum(weights)
    if total == 100:
        return "; ".join(f"{n} ({w}%)" for n, w in sdgs)
    return "; ".join(str(n) for n, _ in sdgs)  # never happens: weights are equal or add up to 100


def template_csv(spec: dict, parsed: dict) -> str:
    """The lines in the template's columns (Code;Omschrijving;Soort;Type;SDG;years; Beleidsveld when known).

    Soort and Type are written only when every line has one; a file with one total column keeps one
    'Bedrag' column. Re-reading this file gives the same totals.
    """
    lines = parsed["regels"]
    names = {s["id"]: s["naam"] for s in spec["soorten"]} | {t["id"]: t["naam"] for t in spec["types"]}
    header = ["Code", "Omschrijving"]
    kinds = [f for f in ("soort", "type") if lines and all(line.get(f) for line in lines)]
    header += [f.capitalize() for f in kinds] + ["SDG"]
    with_field = any(line.get("beleidsveld") for line in lines)
    if with_field:
        header.append("Beleidsveld")
    years = parsed["jaren"]
    header += [str(y) for y in years] if years else ["Bedrag"]
    rows = [header]
    for line in lines:
        row = [line["code"], line["omschrijving"]] + [names[line[f]] for f in kinds] + [_codes_text(line["sdgs"])]
        if with_field:
            row.append(line.get("beleidsveld") or "")
        row += [euro_text(line["bedragen"].get(y, 0)) for y in years] if years else [euro_text(line["bedragen"].get(0, 0))]
        rows.append(row)
    return "".join(";".join(csv_field(v) for v in row) + "\r\n" for row in rows)
