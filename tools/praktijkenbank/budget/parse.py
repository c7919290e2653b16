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

import csv
import functools
import io
import re
import zipfile
from pathlib import Path

import yaml

from ..records.vocab import DATA_DIR
from .values import CellError, cell_text, cell_to_cents, normalise, parse_codes

HEADER_SEARCH_ROWS = 50
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SEPARATORS = [";", ",", "\t"]
AMOUNT_FIELDS = ("bedrag",)
FILL_DOWN = ("soort", "type")  # merged cells: an empty cell takes the value above


class BudgetFileError(Exception):
    """The file as a whole cannot be read (Dutch message, says what to do)."""


@functools.lru_cache(maxsize=1)
def spec() -> dict:
    """data/begroting.yaml with lookup tables added (the browser gets the same file as JSON)."""
    with open(DATA_DIR / "begroting.yaml", encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    data["kop_naar_veld"] = {normalise(h): f["id"] for f in data["velden"] for h in f["koppen"]}
    data["soort_waarde"] = {normalise(v): s["id"] for s in data["soorten"] for v in s["waarden"] + [s["id"]]}
    data["type_waarde"] = {normalise(v): t["id"] for t in data["types"] for v in t["waarden"] + [t["id"]]}
    return data


# ------------------------------------------------------------------ reading --

def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (Excel's 'CSV' on a Flemish PC)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def count_outside_quotes(line: str, separator: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            count += 1
    return count


def sniff_separator(lines: list[str]) -> str:
    """The separator whose count per line (outside quotes) is the most consistent over the first 50 non-empty lines."""
    lines = [line for line in lines if line.strip()][:HEADER_SEARCH_ROWS]
    best, best_score = ";", (0, 0)
    for separator in _SEPARATORS:
        counts: dict[int, int] = {}
        for line in lines:
            count = count_outside_quotes(line, separator)
            if count:
                counts[count] = counts.get(count, 0) + 1
        if not counts:
            continue
        count, lines_with = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        if (lines_with, count) > best_score:
            best, best_score = separator, (lines_with, count)
    return best


def read_csv(text: str) -> list[tuple[int, list]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    separator = sniff_separator(text.split("\n", 200)[:200])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    return [(number, row) for number, row in enumerate(reader, start=1)]


def read_xlsx(data: bytes) -> list[tuple[int, list]]:
    """The first worksheet of an .xlsx file: cached values of formulas, numbers as numbers."""
    import openpyxl  # only needed for .xlsx

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise BudgetFileError(f"dit .xlsx-bestand kan niet gelezen worden ({exc}). Bewaar het opnieuw als "
                              "Excel-werkmap (.xlsx) of als CSV.") from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers store a wrong size; read what is there
        rows = []
        for row in sheet.iter_rows():
            cells = [c for c in row if getattr(c, "row", None) is not None]
            if not cells:
                continue
            values: list = []
            for cell in cells:
                while len(values) < cell.column - 1:
                    values.append(None)
                values.append(cell.value)
            rows.append((cells[0].row, values))
        return rows
    finally:
        workbook.close()


def read_rows(data: bytes, name: str) -> list[tuple[int, list]]:
    """Rows of a budget file: [(row number, [cells])]."""
    if name.lower().endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04":
        return read_xlsx(data)
    if name.lower().endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BudgetFileError("oude Excel-bestanden (.xls) worden niet gelezen: bewaar het bestand als .xlsx of CSV.")
    return read_csv(decode(data))


# ------------------------------------------------------------------- header --

def column_fields(header: list, mapping: dict | None = None) -> tuple[dict, dict]:
    """Header cells -> ({field: column index}, {year: column index}).

    ``mapping`` ({field: header text}) comes first, for the fields whose chosen
    header is in this row (a mapping kept from another file never hides a
    column this file names the usual way); then the known header names; then
    a header with exactly one year in it is a year column. The first column
    wins when two have the same meaning.
    """
    table = spec()["kop_naar_veld"]
    names = [normalise(cell_text(cell)) for cell in header]
    present = set(names)
    wanted = {normalise(text): field for field, text in (mapping or {}).items()
              if text and normalise(text) in present}
    chosen = set(wanted.values())
    fields: dict[str, int] = {}
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
            fields.setdefault(field, index)
            continue
        found = _YEAR_RE.findall(name)
        if len(found) == 1:
            years.setdefault(int(found[0]), index)
    return fields, dict(sorted(years.items()))


def find_header(rows: list[tuple[int, list]], mapping: dict | None = None) -> tuple[int, dict, dict]:
    """(index in rows, fields, years) of the row that names the most columns."""
    best = (-1, {}, {})
    best_score = 0
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields, years = column_fields(cells, mapping)
        score = len(fields) + len(years)
        if score > best_score:
            best, best_score = (index, fields, years), score
    return best


def missing_fields(fields: dict, years: dict) -> list[str]:
    """Dutch names of what a usable header still lacks."""
    missing = []
    if "sdg" not in fields:
        missing.append("een kolom met SDG-codes")
    if not years and "bedrag" not in fields:
        missing.append("een kolom met bedragen (een totaal of één kolom per jaar)")
    return missing


# -------------------------------------------------------------------- lines --

def _category(value: str, table: dict, field: str, allowed: str) -> str:
    if not value:
        raise CellError(f"{field} ontbreekt: schrijf {allowed}")
    found = table.get(normalise(value))
    if found is None:
        raise CellError(f"{field} '{value}' onbekend: schrijf {allowed}")
    return found


def read_lines(rows: list[tuple[int, list]], header_index: int, fields: dict, years: dict) -> dict:
    """Budget lines below the header. Every non-empty row is a line or a listed reason."""
    data = spec()
    totals_words = set(data["totaalwoorden"])
    lines, unread = [], []
    empty_rows = 0
    above = {f: "" for f in FILL_DOWN}
    use_total = not years and "bedrag" in fields
    for number, cells in rows[header_index + 1:]:
        def text(field):
            index = fields.get(field)
            return cell_text(cells[index]) if index is not None and index < len(cells) else ""

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
        description = text("omschrijving")
        code = text("code")
        first_word = normalise(description or code).split(" ")[0] if (description or code) else ""
        amount = sum(amounts.values()) if not reasons else None
        if not reasons and not amount_found:
            reason = "geen bedrag en geen SDG (een tussentitel?)" if not sdg_text else "geen bedrag"
            unread.append({"rij": number, "reden": reason, "bedragen": None, "omschrijving": description})
            continue
        if first_word in totals_words and not sdg_text:
            unread.append({"rij": number, "reden": "totaalregel (som van andere regels): niet meegeteld",
                           "bedragen": amounts if not reasons else None, "omschrijving": description})
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
            unread.append({"rij": number, "reden": "; ".join(reasons),
                           "bedragen": amounts if amount is not None else None, "omschrijving": description})
            continue
        lines.append(line)
    return {"regels": lines, "niet_gelezen": unread, "lege_rijen": empty_rows}


def read_budget(data: bytes, name: str, mapping: dict | None = None) -> dict:
    """The whole file: columns used, years, lines and unread rows. Raises BudgetFileError."""
    rows = read_rows(data, name)
    if not any(any(cell_text(c) for c in cells) for _, cells in rows):
        raise BudgetFileError("het bestand is leeg.")
    header_index, fields, years = find_header(rows, mapping)
    missing = missing_fields(fields, years)
    if header_index < 0 or missing:
        raise BudgetFileError(f"geen kopregel gevonden met {' en '.join(missing or ['bekende kolommen'])}. "
                              "Zet de kolomkoppen van het sjabloon in het bestand, of zeg welke kolom wat is "
                              "(--kolom sdg=\"Naam van de kolom\").")
    header_number, header = rows[header_index]
    result = read_lines(rows, header_index, fields, years)
    result.update({
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
