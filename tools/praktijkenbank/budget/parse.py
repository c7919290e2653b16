"""Read a budget file (CSV or .xlsx) into budget lines.

The twin of ``docs/assets/begroting/lezen.js`` (browser): same header search,
same column rules, same reasons, same row numbers. Steps:

1. :func:`read_rows`: the file as rows of cells (CSV: text; .xlsx: text or numbers),
   with the row number a spreadsheet shows.
2. :func:`find_header`: the header row is the one among the first 50 rows that
   names the most known columns (see data/begroting.yaml); a mapping chosen by
   the user ({field: header text}) wins over the built-in names.
3. :func:`read_lines`: every row below it becomes a line, or a listed reason why not.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from ..records.vocab import DATA_DIR, load_vocab
from . import formats, sdgtext
from .files import HEADER_SEARCH_ROWS, BudgetFileError, decode, read_csv, read_rows  # noqa: F401 (re-exported)
from .values import CellError, cell_text, cell_to_cents, normalise, parse_codes

_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_CODE_LIKE_RE = re.compile(r"^[A-Za-z]{0,6}[-_./]?\d[\w./-]{0,20}$")
AMOUNT_FIELDS = ("bedrag",)
FILL_DOWN = ("soort", "type")  # merged cells: an empty cell takes the value above
NO_SDG_COLUMN = ("Geen kolom met SDG-codes gevonden: de regels zijn niet gecodeerd, behalve SDG's die in de "
                 "omschrijving staan. Heeft je bestand toch zo'n kolom, zeg dan welke.")
# What the browser gets of the spec (page.py), the node test runner too.
BROWSER_KEYS = ("velden", "soorten", "types", "totaalwoorden", "niet_optellen", "formaten", "projecten",
                "beleidsvelden", "sdg_tekst", "sdg_namen", "limieten")


@functools.lru_cache(maxsize=1)
def spec() -> dict:
    """data/begroting.yaml with lookup tables added (the browser gets the same file as JSON)."""
    with open(DATA_DIR / "begroting.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    data["kop_naar_veld"] = {normalise(h): f["id"] for f in data["velden"] for h in f["koppen"]}
    data["soort_waarde"] = {normalise(v): s["id"] for s in data["soorten"] for v in s["waarden"] + [s["id"]]}
    data["type_waarde"] = {normalise(v): t["id"] for t in data["types"] for v in t["waarden"] + [t["id"]]}
    data["sdg_namen"] = sdgtext.names_table(load_vocab().sdgs)
    return data


def browser_spec() -> dict:
    return {k: v for k, v in spec().items() if k in BROWSER_KEYS}


# ------------------------------------------------------------------- header --

def column_fields(header: list, mapping: dict | None = None) -> tuple[dict, dict]:
    """Header cells -> ({field: column index}, {year: column index}).

    ``mapping`` ({field: header text}) comes first, for the fields whose chosen
    header is in this row (a mapping kept from another file never hides a
    column this file names the usual way); then the known header names; then
    a header with exactly one year in it is a year column, unless it is a
    per-inhabitant column. The first column wins when two have the same
    meaning; other description columns are kept in ``fields['_omschrijvingen']``.
    """
    data = spec()
    table = data["kop_naar_veld"]
    names = [normalise(cell_text(cell)) for cell in header]
    present = set(names)
    wanted = {normalise(text): field for field, text in (mapping or {}).items()
              if text and normalise(text) in present}
    chosen = set(wanted.values())
    fields: dict = {}
    years: dict[int, int] = {}
    for index, name in enumerate(names):
        if not name:
            continue
        field = wanted.get(name)
        if field is None:
            field = table.get(name)
            if field in chosen:
                field = None  # the user chose another column for this field
        if field:
            if field == "omschrijving" and "omschrijving" not in chosen:
                fields.setdefault("_omschrijvingen", []).append(index)
            fields.setdefault(field, index)
            continue
        year = formats.header_year(data, name)
        if year is not None:
            years.setdefault(year, index)
    if len(fields.get("_omschrijvingen", [])) < 2:
        fields.pop("_omschrijvingen", None)
    return fields, dict(sorted(years.items()))


def _score(fields: dict, years: dict) -> int:
    return len([f for f in fields if not f.startswith("_")]) + len(years)


def find_header(rows: list[tuple[int, list]], mapping: dict | None = None) -> tuple[int, dict, dict]:
    """(index in rows, fields, years) of the row that names the most columns."""
    best = (-1, {}, {})
    best_score = 0
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields, years = column_fields(cells, mapping)
        score = _score(fields, years)
        if score > best_score:
            best, best_score = (index, fields, years), score
    return best


def prefer_text_column(rows: list, header_index: int, fields: dict) -> None:
    """Of several description columns (Actie with AC001..., Omschrijving with text), take the one whose
    values read as text; a code-like one becomes the code column when the file has none."""
    candidates = fields.pop("_omschrijvingen", None)
    if not candidates:
        return
    sample = [cells for _, cells in rows[header_index + 1:header_index + 51]]

    def code_like(index):
        values = [cell_text(c[index]) for c in sample if index < len(c) and cell_text(c[index])]
        return sum(1 for v in values if _CODE_LIKE_RE.match(v)) * 2 > len(values) if values else False

    textual = [i for i in candidates if not code_like(i)]
    if textual and textual[0] != fields["omschrijving"]:
        if code_like(fields["omschrijving"]) and "code" not in fields:
            fields["code"] = fields["omschrijving"]
        fields["omschrijving"] = textual[0]


def missing_fields(fields: dict, years: dict) -> list[str]:
    """Dutch names of what a usable header still lacks (an SDG column is not needed)."""
    if not years and "bedrag" not in fields:
        return ["een kolom met bedragen (een totaal of één kolom per jaar)"]
    return []


# -------------------------------------------------------------------- lines --

def _category(value: str, table: dict, field: str, allowed: str) -> str:
    if not value:
        raise CellError(f"{field} ontbreekt: schrijf {allowed}")
    found = table.get(normalise(value))
    if found is None:
        raise CellError(f"{field} '{value}' onbekend: schrijf {allowed}")
    return found


def unread_row(number: int, reason: str, amounts, code: str, description: str) -> dict:
    return {"rij": number, "reden": reason, "bedragen": amounts, "code": code, "omschrijving": description}


def read_lines(rows: list[tuple[int, list]], header_index: int, fields: dict, years: dict,
               problems: dict | None = None) -> dict:
    """Budget lines below the header. Every non-empty row is a line or a listed reason."""
    data = spec()
    problems = problems or {}
    totals_words = set(data["totaalwoorden"])
    lines, unread = [], []
    empty_rows = 0
    above = {f: "" for f in FILL_DOWN}
    use_total = not years and "bedrag" in fields
    for number, cells in rows[header_index + 1:]:
        def text(field):
            index = fields.get(field)
            return cell_text(cells[index]) if index is not None and index < len(cells) else ""

        description, code = text("omschrijving"), text("code")
        if "omschrijving" not in fields:  # a wide table per beleidsveld: '0200 Wegen' names the line
            description = formats.policy_field_name(text("beleidsveld"))
        if number in problems:
            unread.append(unread_row(number, problems[number], None, code, description))
            continue
        if not any(cell_text(c) for c in cells):
            empty_rows += 1
            continue
        reasons = []
        amounts: dict[int, int] = {}
        amount_found = False
        sources = {"": fields["bedrag"]} if use_total else years
        for year, index in sources.items():
            value = cells[index] if index < len(cells) else None
            try:
                cents = cell_to_cents(value)
            except CellError as exc:
                reasons.append(f"{exc}" + (f" (kolom {year})" if year else ""))
                continue
            amount_found = amount_found or cents is not None
            amounts[year or 0] = cents or 0
        categories = {}
        for field in FILL_DOWN:
            value = text(field) or above[field]
            above[field] = value
            categories[field] = value
        sdg_text = text("sdg")
        first_word = normalise(description or code).split(" ")[0] if (description or code) else ""
        amount = sum(amounts.values()) if not reasons else None
        if not reasons and not amount_found:
            reason = "geen bedrag en geen SDG (een tussentitel?)" if not sdg_text else "geen bedrag"
            unread.append(unread_row(number, reason, None, code, description))
            continue
        if first_word in totals_words and not sdg_text:
            unread.append(unread_row(number, "totaalregel (som van andere regels): niet meegeteld",
                                     amounts if not reasons else None, code, description))
            continue
        line = {"rij": number, "code": code, "omschrijving": description, "bedragen": amounts}
        for field, table, allowed in (("soort", data["soort_waarde"], "uitgaven of ontvangsten"),
                                      ("type", data["type_waarde"], "exploitatie, investering of financiering")):
            if field in fields:
                try:
                    line[field] = _category(categories[field], table, field, allowed)
                except CellError as exc:
                    reasons.append(str(exc))
            else:
                line[field] = None
        try:
            line["sdgs"] = parse_codes(sdg_text)
        except CellError as exc:
            reasons.append(str(exc))
        if reasons:
            unread.append(unread_row(number, "; ".join(reasons), amounts if amount is not None else None,
                                     code, description))
            continue
        line["herkomst"] = "kolom" if line["sdgs"] else ""
        if not line["sdgs"] and description:
            found = sdgtext.sdgs_in(data, description, "")
            if found:
                line["sdgs"], line["herkomst"] = [(n, 1) for n in found], "omschrijving"
        line["beleidsveld"] = formats.policy_field_code(text("beleidsveld"))
        line["teksten"] = {"actie": description, "actieplan": "", "doelstelling": ""}
        line["groep"] = {}
        lines.append(line)
    return {"regels": lines, "niet_gelezen": unread, "lege_rijen": empty_rows}


def read_budget(data: bytes, name: str, mapping: dict | None = None) -> dict:
    """The whole file: format, columns used, years, lines and unread rows. Raises BudgetFileError."""
    rows, problems = read_rows(data, name, spec()["limieten"])
    if not any(any(cell_text(c) for c in cells) for _, cells in rows):
        raise BudgetFileError("het bestand is leeg.")
    special = formats.read_special(spec(), rows, problems)
    if special is not None:
        return special
    header_index, fields, years = find_header(rows, mapping)
    missing = missing_fields(fields, years)
    if header_index < 0 or missing:
        found = [cell_text(c) for c in rows[max(header_index, 0)][1] if cell_text(c)][:8]
        raise BudgetFileError(
            f"geen kopregel gevonden met {' en '.join(missing or ['bekende kolommen'])}. "
            + (f"Gevonden koppen: {', '.join(found)}. " if found else "")
            + "Zet de kolomkoppen van het sjabloon in het bestand (Code, Omschrijving, SDG en een kolom per jaar), "
            "gebruik de export 'meerjarenplan projecten' of de tabel per beleidsveld, of zeg welke kolom wat is "
            "(--kolom bedrag=\"Naam van de kolom\").")
    prefer_text_column(rows, header_index, fields)
    header_number, header = rows[header_index]
    result = read_lines(rows, header_index, fields, years, problems)
    result.update({
        "formaat": "sjabloon",
        "opmerkingen": [] if "sdg" in fields else [NO_SDG_COLUMN],
        "kopregel": header_number,
        "kolommen": {field: cell_text(header[index]) for field, index in fields.items()},
        "jaren": list(years),
        "totaal_genegeerd": bool(years) and "bedrag" in fields,
    })
    return result


def read_path(path: str | Path, mapping: dict | None = None) -> dict:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BudgetFileError(f"{path} kan niet gelezen worden: {exc.strerror or exc}.") from None
    return read_budget(data, path.name, mapping)
