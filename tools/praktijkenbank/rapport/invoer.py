"""Read what an official brings to the report builder: the values CSV (indicator;jaar;waarde),
the export of the SDG budget scan and exports of the SDG project scan.

Twin of ``docs/assets/rapport/invoer.js``. Every reader returns data plus a list of Dutch
messages (one per bad row, texts from data/rapport.yaml), never an exception.
"""

from __future__ import annotations

import functools

import yaml

from ..records.vocab import DATA_DIR
from .getallen import parse_number


@functools.lru_cache(maxsize=1)
def config() -> dict:
    with open(DATA_DIR / "rapport.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    for item in data["richtlijnen"]:  # JJJJ-MM-DD as text, as the browser gets it
        item["geraadpleegd"] = str(item["geraadpleegd"])
    return data


def message(key: str, **values) -> str:
    text = config()["meldingen"][key]
    for name, value in values.items():
        text = text.replace("{" + name + "}", str(value))
    return text


def split_rows(text: str) -> list[list[str]]:
    """CSV text -> rows of cells. Separator ';' (or ',' / tab when the first line has no ';'),
    cells in double quotes may hold separators, quotes ("") and line breaks. BOM and blank lines dropped."""
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    sep = ";" if ";" in first else ("\t" if "\t" in first else ",")
    rows, row, cell, quoted, i = [], [], [], False, 0
    while i < len(text):
        ch = text[i]
        if quoted:
            if ch == '"' and text[i + 1:i + 2] == '"':
                cell.append('"')
                i += 1
            elif ch == '"':
                quoted = False
            else:
                cell.append(ch)
        elif ch == '"':
            quoted = True
        elif ch == sep:
            row.append("".join(cell))
            cell = []
        elif ch in "\r\n":
            if ch == "\r" and text[i + 1:i + 2] == "\n":
                i += 1
            row.append("".join(cell))
            rows.append(row)
            row, cell = [], []
        else:
            cell.append(ch)
        i += 1
    if cell or row:
        row.append("".join(cell))
        rows.append(row)
    return [[c.strip() for c in r] for r in rows if any(c.strip() for c in r)]


def _find_indicator(text: str, catalogue: list[dict]) -> str | None:
    wanted = text.strip().casefold()
    for item in catalogue:
        if wanted in (item["slug"].casefold(), item["titel"].casefold()):
            return item["slug"]
    return None


def read_values(text: str, catalogue: list[dict], last_year: int) -> dict:
    """The values CSV -> {'waarden': {slug: {jaar: tekst}}, 'doelen': {slug: tekst}, 'fouten': [...]}."""
    spec = config()["waarden"]
    out: dict = {"waarden": {}, "doelen": {}, "fouten": []}
    rows = split_rows(text)
    if not rows:
        out["fouten"].append(message("leeg"))
        return out
    header = [c.casefold() for c in rows[0]]
    if header[:3] != spec["kolommen"]:
        out["fouten"].append(message("kop", waarde=";".join(rows[0])))
        return out
    seen: dict[tuple, int] = {}
    example = catalogue[0]["slug"] if catalogue else "sdg01-..."
    for number, cells in enumerate(rows[1:], start=2):
        if len(cells) < 3:
            out["fouten"].append(message("kolommen", rij=number))
            continue
        name, year_text, value_text = cells[0], cells[1], cells[2]
        if not value_text:
            continue  # a row of the template that was not filled in
        slug = _find_indicator(name, catalogue)
        if slug is None:
            out["fouten"].append(message("indicator", rij=number, waarde=name, voorbeeld=example))
            continue
        is_goal = year_text.casefold() == spec["doelwoord"]
        if not is_goal:
            if not year_text.isdigit() or len(year_text) != 4:
                out["fouten"].append(message("jaar", rij=number, waarde=year_text))
                continue
            if not spec["eerste_jaar"] <= int(year_text) <= last_year:
                out["fouten"].append(message("jaar_bereik", rij=number, waarde=year_text,
                                             van=spec["eerste_jaar"], tot=last_year))
                continue
        if parse_number(value_text) is None:
            out["fouten"].append(message("getal", rij=number, waarde=value_text))
            continue
        key = (slug, year_text.casefold())
        if key in seen:
            out["fouten"].append(message("dubbel", rij=number, indicator=slug, jaar=year_text, eerste=seen[key]))
            continue
        seen[key] = number
        if is_goal:
            out["doelen"][slug] = value_text
        else:
            out["waarden"].setdefault(slug, {})[year_text] = value_text
    return out


BUDGET_HEADER = ["groep", "code", "naam", "bedrag_euro", "aandeel_procent"]


def _divide(value: int, by: int) -> int:
    """value / by, rounded half away from zero (the same in JavaScript)."""
    result = (abs(value) + by // 2) // by
    return -result if value < 0 else result


def _cents(text: str) -> int | None:
    parsed = parse_number(text)
    return None if parsed is None else _divide(parsed[0], 100)


def _per_mille(text: str) -> int | None:
    parsed = parse_number(text)
    return None if parsed is None else _divide(parsed[0], 1000)


def read_budget(text: str) -> dict:
    """The CSV export of the SDG budget scan (samenvatten.js toCsv / summarise.py to_csv) ->
    {'begroting': {...} or None, 'fouten': [...]}. Unknown groups (a later version) are skipped."""
    rows = split_rows(text)
    if not rows or [c.casefold() for c in rows[0][:5]] != BUDGET_HEADER:
        return {"begroting": None, "fouten": [message("begroting_kop")]}
    out = {"selectie": {}, "sdgs": {}, "ps": {}, "totalen": {}}
    errors = []
    for number, cells in enumerate(rows[1:], start=2):
        cells = (cells + ["", "", "", "", ""])[:5]
        group, code, _name, amount, share = cells
        if group == "selectie":
            out["selectie"][code] = _name
            continue
        if group not in ("SDG", "5P", "totaal"):
            continue
        cents, mille = _cents(amount), _per_mille(share) if share else None
        if cents is None or (share and mille is None):
            errors.append(message("begroting_rij", rij=number, waarde=amount if cents is None else share))
            continue
        entry = {"bedrag": cents, "promille": mille}
        if group == "SDG" and code.isdigit() and 1 <= int(code) <= 17:
            out["sdgs"][str(int(code))] = entry
        elif group == "5P":
            out["ps"][code] = entry
        elif group == "totaal":
            out["totalen"][code] = entry
    if not out["sdgs"]:
        errors.append(message("begroting_leeg"))
        return {"begroting": None, "fouten": errors}
    return {"begroting": out, "fouten": errors}


PROJECT_HEADER = ["project", "sdg", "naam van de sdg", "effect"]


def read_projects(text: str) -> dict:
    """One CSV export of the SDG project scan (scan-csv.js) -> {'projecten': [{'titel', 'sdgs': [{'nr', 'effect'}]}], 'fouten'}.
    Only SDGs with an effect (positive or negative) are kept."""
    rows = split_rows(text)
    if not rows or [c.casefold() for c in rows[0][:4]] != PROJECT_HEADER:
        return {"projecten": [], "fouten": [message("project_kop")]}
    projects: dict[str, list] = {}
    errors = []
    for number, cells in enumerate(rows[1:], start=2):
        cells = (cells + ["", "", "", ""])[:4]
        title, nr, _name, effect = cells
        if not nr.isdigit() or not 1 <= int(nr) <= 17:
            errors.append(message("project_rij", rij=number, waarde=nr))
            continue
        entries = projects.setdefault(title or "Project zonder titel", [])
        if effect.casefold() in ("positief", "negatief"):
            entries.append({"nr": int(nr), "effect": effect.casefold()})
    return {"projecten": [{"titel": t, "sdgs": s} for t, s in projects.items()], "fouten": errors}
