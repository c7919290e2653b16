"""The two files every Flemish municipality has, besides the scan's own template.

* The projects export ('meerjarenplan projecten', BBC-DR): one row per action, a column per
  level (Beleidsdoelst./Actieplan/Actie totaaloverzicht), each cell a block of lines
  'Code:', 'Korte omschrijving:', 'Lange omschrijving:', 'Commentaar:', 'Evaluatie:', and per
  year 'JJJJ,Uitgave' (per-inhabitant columns are never added up).
* The table per beleidsveld (Beleidsveld '0200 Wegen', Boekjaar, Totaal): one row per
  beleidsveld and year, pivoted into one line per beleidsveld.

Both are recognised from their headers (data/begroting.yaml: ``projecten``, ``beleidsvelden``).
The twin of ``docs/assets/begroting/formaten.js``: same lines, same reasons, same row numbers.
"""

from __future__ import annotations

import re

from . import sdgtext
from .files import HEADER_SEARCH_ROWS, BudgetFileError
from .values import CellError, cell_text, cell_to_cents, normalise, parse_codes

_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_FIELD_CODE_RE = re.compile(r"^(\d{3,4})(?!\d)")
_LABEL_RE = re.compile(r"^\s*([^:\n]{1,40}?)\s*:\s?(.*)$")
_BOOK_YEAR_RE = re.compile(r"^((?:19|20)\d\d)(?:\.0+)?$")
EXTRA_FIELDS = ("sdg", "beleidsveld", "soort", "type", "code")


def header_year(spec: dict, name: str) -> int | None:
    """The year of a year column ('2026', '2026 uitgave'); None for other headers and per-inhabitant ones."""
    found = _YEAR_RE.findall(name)
    if len(found) != 1 or any(word in name for word in spec["niet_optellen"]):
        return None
    return int(found[0])


def policy_field_code(text: str) -> str | None:
    """'0200 Wegen' -> '0200'; '200' (Excel dropped the zero) -> '0200'; else None."""
    match = _FIELD_CODE_RE.match(text.strip())
    return match.group(1).zfill(4) if match else None


def policy_field_name(text: str) -> str:
    """'0200 Wegen' -> 'Wegen'; a text without a code stays as it is."""
    code = _FIELD_CODE_RE.match(text.strip())
    return text.strip()[len(code.group(1)):].strip(" -:") if code else text.strip()


def raw_text(value) -> str:
    """A cell as text with its line breaks kept (cell_text joins lines)."""
    return value.replace("\r\n", "\n").replace("\r", "\n") if isinstance(value, str) else cell_text(value)


def parse_block(spec: dict, text: str) -> dict:
    """'Code: X\\nKorte omschrijving: Y ...' -> {'code': 'X', 'kort': 'Y', ...}; a plain text is the short description."""
    labels = {normalise(label): key for key, names in spec["projecten"]["blok"].items() for label in names}
    block: dict[str, list[str]] = {}
    current = None
    for line in text.split("\n"):
        match = _LABEL_RE.match(line)
        key = labels.get(normalise(match.group(1))) if match else None
        if key:
            current = key
            block.setdefault(key, []).append(match.group(2))
        else:
            block.setdefault(current or "kort", []).append(line)
    return {key: cell_text(" ".join(parts)) for key, parts in block.items() if cell_text(" ".join(parts))}


def _squash(name: str) -> str:
    return name.replace(" ", "")


def _level_columns(spec: dict, names: list[str]) -> dict[str, int]:
    rules = spec["projecten"]
    wanted = {_squash(normalise(k)): level["id"] for level in rules["niveaus"] for k in level["koppen"]}
    suffixes = [_squash(normalise(s)) for s in rules["achtervoegsels"]]
    found: dict[str, int] = {}
    for index, name in enumerate(names):
        key = _squash(name)
        for suffix in suffixes:
            if key.endswith(suffix) and key[:-len(suffix)] in wanted:
                key = key[:-len(suffix)]
                break
        level = wanted.get(key)
        if level and level not in found:
            found[level] = index
    return found


def _find(names: list[str], wanted: list[str]) -> int | None:
    keys = {normalise(w) for w in wanted}
    return next((i for i, n in enumerate(names) if n in keys), None)


def read_special(spec: dict, rows: list, problems: dict) -> dict | None:
    """The lines of a projects export or a per-beleidsveld table; None for any other file."""
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = [normalise(cell_text(c)) for c in cells]
        levels = _level_columns(spec, names)
        if "actie" in levels and ("actieplan" in levels or "doelstelling" in levels):
            return read_projects(spec, rows, index, names, levels, problems)
        rules = spec["beleidsvelden"]
        columns = {key: _find(names, rules[key]) for key in ("beleidsveld", "naam", "jaar", "bedrag")}
        if columns["beleidsveld"] is not None and columns["jaar"] is not None and columns["bedrag"] is not None:
            return read_policy_fields(spec, rows, index, names, columns, problems)
    return None


def _unread(number, reason, amounts, code, description) -> dict:
    return {"rij": number, "reden": reason, "bedragen": amounts, "code": code, "omschrijving": description}


def _amounts(cells: list, columns: dict) -> tuple[dict, bool, list[str]]:
    amounts, found, reasons = {}, False, []
    for year, index in columns.items():
        try:
            cents = cell_to_cents(cells[index] if index < len(cells) else None)
        except CellError as exc:
            reasons.append(f"{exc} (kolom {year})")
            continue
        found = found or cents is not None
        amounts[year] = cents or 0
    return amounts, found, reasons


def _year_columns(spec: dict, names: list[str], header: list) -> tuple[dict, str | None, list[str]]:
    """({year: column}, kind of the amounts, notes) for the projects export."""
    rules = spec["projecten"]
    groups: dict[str, dict[int, int]] = {"uitgaven": {}, "ontvangsten": {}, "": {}}
    skipped = []
    for index, name in enumerate(names):
        year = header_year(spec, name)
        if year is None:
            if _YEAR_RE.search(name):
                skipped.append(cell_text(header[index]))
            continue
        words = set(name.split())
        kind = "uitgaven" if words & set(rules["uitgaven"]) else "ontvangsten" if words & set(rules["ontvangsten"]) else ""
        groups[kind].setdefault(year, index)
    notes = []
    if skipped:
        notes.append(f"{len(skipped)} kolommen per inwoner niet opgeteld (bv. '{skipped[0]}').")
    for kind in ("uitgaven", "ontvangsten", ""):
        if groups[kind]:
            if kind == "uitgaven" and groups["ontvangsten"]:
                notes.append("De kolommen met ontvangsten zijn niet gelezen: de scan telt de uitgaven.")
            return dict(sorted(groups[kind].items())), kind or None, notes
    return {}, None, notes


def _with_row_above(above: list, header: list) -> list[str]:
    """Each header cell prefixed by the cell above it, a merged (empty) cell taking the one on its left."""
    out, last = [], ""
    for index, cell in enumerate(header):
        value = cell_text(above[index]) if index < len(above) else ""
        last = value or last
        out.append(f"{last} {cell_text(cell)}".strip())
    return out


def _label(block: dict) -> str:
    return " ".join(v for v in (block.get("code", ""), block.get("kort", "")) if v)


def _text(block: dict) -> str:
    parts = [block.get("kort", "")]
    if block.get("lang") and block.get("lang") != parts[0]:
        parts.append(block["lang"])
    return "\n".join(p for p in parts if p)


def read_projects(spec: dict, rows: list, header_index: int, names: list, levels: dict, problems: dict) -> dict:
    header_number, header = rows[header_index]
    years, kind, notes = _year_columns(spec, names, header)
    if not years and header_index > 0:  # years in a merged row above ('2026' over 'Uitgave' and 'Per inwoner')
        merged = _with_row_above(rows[header_index - 1][1], header)
        years, kind, notes = _year_columns(spec, [normalise(c) for c in merged], merged)
    extra = {}
    for index, name in enumerate(names):
        field = spec["kop_naar_veld"].get(name)
        if field in EXTRA_FIELDS and field not in extra and index not in levels.values():
            extra[field] = index
    if not years:
        raise BudgetFileError("dit lijkt de export 'meerjarenplan projecten', maar er is geen kolom met bedragen per "
                              f"jaar (zoals '2026,Uitgave'). Gevonden koppen: {', '.join(cell_text(c) for c in header if cell_text(c))}. "
                              "Exporteer het meerjarenplan opnieuw met de uitgaven per jaar.")
    for level in spec["projecten"]["niveaus"]:
        if level["id"] not in levels:
            notes.append(f"Geen kolom voor de {level['naam']}: die context ontbreekt.")
    totals_words = set(spec["totaalwoorden"])
    lines, unread, empty = [], [], 0
    for number, cells in rows[header_index + 1:]:
        def cell(index):
            return cells[index] if index is not None and index < len(cells) else None

        blocks = {level: parse_block(spec, raw_text(cell(i))) for level, i in levels.items() if raw_text(cell(i))}
        action = blocks.get("actie", {})
        code = cell_text(cell(extra.get("code"))) or action.get("code", "")
        description = action.get("kort") or action.get("lang", "")
        if number in problems:
            unread.append(_unread(number, problems[number], None, code, description))
            continue
        if not any(cell_text(c) for c in cells):
            empty += 1
            continue
        amounts, found, reasons = _amounts(cells, years)
        amount_ok = not reasons
        first = normalise(description or code or cell_text(cells[0])).split(" ")[0]
        if not reasons and not found:
            unread.append(_unread(number, "geen bedrag (een tussentitel?)", None, code, description))
            continue
        if first in totals_words:
            unread.append(_unread(number, "totaalregel (som van andere regels): niet meegeteld",
                                  None if reasons else amounts, code, description))
            continue
        sdg_text = cell_text(cell(extra.get("sdg")))
        sdgs, origin = [], ""
        try:
            sdgs = parse_codes(sdg_text)
            origin = "kolom" if sdgs else ""
        except CellError as exc:
            reasons.append(str(exc))
        line = {"rij": number, "code": code, "omschrijving": description, "bedragen": amounts}
        for field in ("soort", "type"):
            value = cell_text(cell(extra.get(field)))
            table = spec["soort_waarde" if field == "soort" else "type_waarde"]
            line[field] = table.get(normalise(value)) if value else (kind if field == "soort" else None)
            if value and line[field] is None:
                reasons.append(f"{field} '{value}' onbekend")
        if reasons:
            unread.append(_unread(number, "; ".join(reasons), amounts if amount_ok else None, code, description))
            continue
        if not sdgs:
            sdgs, origin = sdgtext.from_levels(spec, blocks)
        line.update({"sdgs": sdgs, "herkomst": origin,
                     "beleidsveld": policy_field_code(cell_text(cell(extra.get("beleidsveld"))) or ""),
                     "teksten": {level: _text(blocks.get(level, {})) for level in sdgtext.LEVELS},
                     "groep": {level: _label(blocks[level]) for level in ("actieplan", "doelstelling")
                               if level in blocks and _label(blocks[level])}})
        lines.append(line)
    columns = {level: cell_text(header[i]) for level, i in levels.items()}
    columns.update({field: cell_text(header[i]) for field, i in extra.items()})
    return {"formaat": "projecten", "kopregel": header_number, "kolommen": columns, "jaren": list(years),
            "totaal_genegeerd": False, "regels": lines, "niet_gelezen": unread, "lege_rijen": empty,
            "opmerkingen": notes}


def _book_year(value) -> int | None:
    match = _BOOK_YEAR_RE.match(cell_text(value))
    return int(match.group(1)) if match else None


def read_policy_fields(spec: dict, rows: list, header_index: int, names: list, columns: dict, problems: dict) -> dict:
    header_number, header = rows[header_index]
    government = _find(names, ["nis code", "nis", "bestuur", "gemeente"])
    domain = _find(names, ["bv domein", "beleidsdomein", "domein"])
    subdomain = _find(names, ["bv subdomein", "beleidssubdomein", "subdomein"])
    groups: dict[str, dict] = {}
    unread, empty, years, read = [], 0, set(), 0
    totals_words = set(spec["totaalwoorden"])
    for number, cells in rows[header_index + 1:]:
        def text(index):
            return cell_text(cells[index]) if index is not None and index < len(cells) else ""

        field = text(columns["beleidsveld"])
        code = policy_field_code(field) or ""
        name = text(columns["naam"]) or policy_field_name(field)
        if number in problems:
            unread.append(_unread(number, problems[number], None, code, name))
            continue
        if not any(cell_text(c) for c in cells):
            empty += 1
            continue
        year = _book_year(cells[columns["jaar"]] if columns["jaar"] < len(cells) else None)
        try:
            cents = cell_to_cents(cells[columns["bedrag"]] if columns["bedrag"] < len(cells) else None)
            reason = None if cents is not None else "geen bedrag"
        except CellError as exc:
            cents, reason = None, str(exc)
        if not field:
            reason = "geen beleidsveld" + (f"; {reason}" if reason else "")
        elif normalise(field).split(" ")[0] in totals_words:
            reason = "totaalregel (som van andere regels): niet meegeteld"
        elif year is None:
            reason = f"boekjaar '{text(columns['jaar'])}' is geen jaar" + (f"; {reason}" if reason else "")
        if reason:
            unread.append(_unread(number, reason, {year: cents} if year and cents is not None else None, code, name))
            read += 1
            continue
        key = code or normalise(field)
        group = groups.get(key)
        if group is None:
            group = groups[key] = {"rij": number, "code": code, "omschrijving": name, "bedragen": {},
                                   "soort": None, "type": None, "sdgs": [], "herkomst": "", "beleidsveld": code or None,
                                   "teksten": {"actie": name, "actieplan": text(subdomain), "doelstelling": text(domain)},
                                   "groep": {}}
        group["bedragen"][year] = group["bedragen"].get(year, 0) + cents
        years.add(year)
        read += 1
    lines = list(groups.values())
    governments = {cell_text(cells[government]) for _, cells in rows[header_index + 1:]
                   if government is not None and government < len(cells) and cell_text(cells[government])}
    for line in lines:
        line["bedragen"] = {y: line["bedragen"].get(y, 0) for y in sorted(years)}
    used = {"beleidsveld": columns["beleidsveld"], "jaar": columns["jaar"], "bedrag": columns["bedrag"]}
    return {"formaat": "beleidsvelden", "kopregel": header_number,
            "kolommen": {k: cell_text(header[i]) for k, i in used.items()}, "jaren": sorted(years),
            "totaal_genegeerd": False, "regels": lines, "niet_gelezen": unread, "lege_rijen": empty,
            "opmerkingen": [f"{len(lines)} beleidsvelden uit {read} rijen (één rij per beleidsveld en boekjaar)."]
            + ([f"Het bestand bevat {len(governments)} besturen ({', '.join(sorted(governments)[:3])}"
                f"{', ...' if len(governments) > 3 else ''}): hun bedragen per beleidsveld zijn samengeteld. "
                "Laad één bestuur per bestand voor de cijfers van één bestuur."] if len(governments) > 1 else [])}
