"""A budget file (CSV or .xlsx) as rows of cells, with the row number a spreadsheet shows.

The twin of the reading part of ``docs/assets/begroting/lezen.js`` and of
``xlsx.js``. Hostile or broken files end in a Dutch :class:`BudgetFileError`,
never a hang: an .xlsx is checked against the limits of data/begroting.yaml
(unpacked size, rows, cell length) and refused with a DTD or entities.
A CSV quote that is never closed is found, the row named, and the rest read.
"""

from __future__ import annotations

import csv
import io
import re
import sys
import zipfile

HEADER_SEARCH_ROWS = 50
_SEPARATORS = [";", ",", "\t"]
UNCLOSED_QUOTE = ('aanhalingsteken (") dat nergens gesloten wordt: de rij is niet gelezen. Zet een " aan het '
                  'einde van de cel of haal het aanhalingsteken weg')
MAX_QUOTE_REPAIRS = 50

csv.field_size_limit(min(sys.maxsize, 2 ** 31 - 1))


class BudgetFileError(Exception):
    """The file as a whole cannot be read (Dutch message, says what to do)."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 (Excel's 'CSV' on a Flemish PC)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text[1:] if text.startswith("\ufeff") else text


def split_records(text: str) -> list[str]:
    """The text split at line ends outside quotes (a cell may hold several lines)."""
    records, start, quoted = [], 0, False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            records.append(text[start:index])
            start = index + 1
    records.append(text[start:])
    return records


def count_outside_quotes(line: str, separator: str) -> int:
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            count += 1
    return count


def sniff_separator(text: str) -> str:
    """The separator whose count per record (outside quotes) is the most consistent over the first 50 non-empty records."""
    lines = [line for line in split_records(text) if line.strip()][:HEADER_SEARCH_ROWS]
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


_QUOTED_FIELD_RE = re.compile(r'"[^"]*(?:""[^"]*)*"(?!")')


def unclosed_quote(text: str, separator: str) -> tuple[int, int] | None:
    """(position, record number) of a quote that opens a field and is never closed, or None.

    A quote opens a field only at its start (after the separator, a line end or the start);
    a quoted field ends at a quote not followed by another ('""' is a quote in the text).
    """
    if '"' not in text:
        return None
    opening = re.compile(r'(?<![^' + re.escape(separator) + r'\n])"')
    position, record, last = 0, 1, 0
    while True:
        found = opening.search(text, position)
        if not found:
            return None
        start = found.start()
        record += text.count("\n", last, start)
        field = _QUOTED_FIELD_RE.match(text, start)
        if not field:
            return start, record
        position = last = field.end()


def repair_quotes(text: str, separator: str) -> tuple[str, set[int]]:
    """The text with every unclosed opening quote taken out, and the records that had one."""
    rows: set[int] = set()
    for _ in range(MAX_QUOTE_REPAIRS):
        found = unclosed_quote(text, separator)
        if found is None:
            break
        position, record = found
        text = text[:position] + text[position + 1:]
        rows.add(record)
    return text, rows


def read_csv(text: str) -> tuple[list[tuple[int, list]], dict[int, str]]:
    """Rows of a CSV text and {row number: problem} for rows that could not be split safely."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    separator = sniff_separator("\n".join(text.split("\n", 1000)[:1000]))
    text, broken = repair_quotes(text, separator)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    return [(number, row) for number, row in enumerate(reader, start=1)], {n: UNCLOSED_QUOTE for n in broken}


def _too_large(what: str) -> BudgetFileError:
    return BudgetFileError(f"dit .xlsx-bestand is te groot om in één keer te lezen ({what}). Bewaar alleen het "
                           "werkblad met de begroting, zonder opmaak of andere werkbladen, als .xlsx of als CSV.")


def _broken(detail: str) -> BudgetFileError:
    return BudgetFileError(f"dit .xlsx-bestand is beschadigd of geen gewone Excel-werkmap ({detail}). Open het in "
                           "Excel of LibreOffice en bewaar het opnieuw als Excel-werkmap (.xlsx) of als CSV.")


def check_xlsx(data: bytes, limits: dict) -> None:
    """Refuse before reading: too much unpacked data, a DTD or entity declarations in the XML."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _broken(f"geen geldig zip-archief: {exc}") from None
    if not any(m.filename.startswith("xl/") for m in members):
        raise _broken("er staat geen Excel-werkblad in: is het een ander soort bestand, zoals Word of OpenDocument?")
    total = sum(m.file_size for m in members)
    if total > limits["uitgepakt_mb"] * 1024 * 1024:
        raise _too_large(f"uitgepakt meer dan {limits['uitgepakt_mb']} MB")
    for member in members:
        if member.filename.startswith("xl/") and member.filename.endswith(".xml"):
            try:
                with archive.open(member) as handle:
                    head = handle.read(65536)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise _broken(f"{member.filename} kan niet uitgepakt worden: {exc}") from None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                raise _broken(f"{member.filename} bevat een DTD of entiteiten, wat een werkmap nooit nodig heeft")


def read_xlsx(data: bytes, limits: dict) -> list[tuple[int, list]]:
    """The first worksheet of an .xlsx file: cached values of formulas, numbers as numbers."""
    import openpyxl  # only needed for .xlsx

    check_xlsx(data, limits)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a broken workbook; each is a broken file
        raise _broken(f"{type(exc).__name__}: {exc}") from None
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # some writers store a wrong size; read what is there
        rows = []
        for row in sheet.iter_rows():
            cells = [c for c in row if getattr(c, "row", None) is not None]
            if not cells:
                continue
            if len(rows) >= limits["rijen"]:
                raise _too_large(f"meer dan {limits['rijen']} rijen")
            values: list = []
            for cell in cells:
                while len(values) < cell.column - 1:
                    values.append(None)
                if isinstance(cell.value, str) and len(cell.value) > limits["cel"]:
                    raise _too_large(f"een cel in rij {cell.row} heeft meer dan {limits['cel']} tekens")
                values.append(cell.value)
            rows.append((cells[0].row, values))
        return rows
    except BudgetFileError:
        raise
    except Exception as exc:  # malformed XML inside the sheet
        raise _broken(f"{type(exc).__name__}: {exc}") from None
    finally:
        workbook.close()


def read_rows(data: bytes, name: str, limits: dict) -> tuple[list[tuple[int, list]], dict[int, str]]:
    """Rows of a budget file: ([(row number, [cells])], {row number: problem})."""
    if name.lower().endswith((".xlsx", ".xlsm")) or data[:4] == b"PK\x03\x04":
        return read_xlsx(data, limits), {}
    if data[:5] == b"%PDF-":
        raise BudgetFileError("dit is een pdf-bestand: daar kan de scan geen bedragen uit lezen. Exporteer het meerjarenplan als CSV of Excel (.xlsx).")
    if name.lower().endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BudgetFileError("oude Excel-bestanden (.xls) worden niet gelezen: bewaar het bestand als .xlsx of CSV.")
    return read_csv(decode(data))
