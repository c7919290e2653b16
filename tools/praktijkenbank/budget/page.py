"""The budget scan page (``begroting/``) and its downloads, made at build time.

* :func:`pages`: ``begroting/index.md`` from ``templates/site/begroting.md.j2``, with the
  SDG/P names and colours (sdgs.yaml, vijf_p.yaml) and the column rules
  (begroting.yaml) embedded as JSON: the browser never has a copy of its own.
* :func:`files`: the template (CSV and .xlsx), the fictitious example
  (Voorbeeldgemeente, CSV and .xlsx), and the model of the SDG suggestions
  (``begroting/sdg-suggesties.json``, from beleidsvelden.yaml and sdg-woorden.yaml via
  suggest_model.py), which suggesties.js loads only when a file has lines without SDG. The page loads two npm libraries,
  papaparse and fflate, from ``docs/assets/vendor/`` (vendor.py; never a CDN).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from ..site import model as site_model
from ..site.model import text_colour
from ..site.vendor import BY_PACKAGE
from ..records.vocab import DATA_DIR
from .parse import browser_spec, decode, read_csv, spec
from .suggest_model import build_model

FOLDER = "begroting"
EXAMPLE = DATA_DIR / "begroting-voorbeeld.csv"
# The npm libraries the page loads (committed under docs/assets/vendor/, see vendor.py)
LIBRARIES = ["papaparse", "fflate"]
# The model of the SDG suggestions (suggesties.js fetches it)
MODEL_FILE = f"{FOLDER}/sdg-suggesties.json"
SCRIPTS = ["waarden.js", "xlsx.js", "sdgtekst.js", "formaten.js", "lezen.js", "samenvatten.js", "regels.js",
           "suggesties.js", "grafieken.js", "keuzes.js", "bank.js", "scan.js"]


def page_data(vocab) -> dict:
    """What the browser needs, from the one source of each: SDGs, P's, column rules."""
    data = spec()
    return {
        "sdgs": [{"nummer": n, "naam": e["naam"], "kleur": e["kleur"], "tekstkleur": text_colour(e["kleur"])}
                 for n, e in vocab.sdgs.items()],
        "ps": [{"id": pid, "naam": e["naam"], "kleur": e["kleur"], "sdgs": list(e["sdgs"])} for pid, e in vocab.ps.items()],
        "spec": browser_spec(),
    }


BANK_LINKS = 4  # practices and instruments shown per SDG under the result


def bank_links(renderer, src_uri: str) -> dict:
    """Per SDG the bank's practices and instruments that work on it, as links from the scan page
    (generated from the records at build time: {number: {pagina, praktijken, instrumenten, aantal}}).
    The template writes them as hidden HTML (escaped like every page); bank.js shows two of them."""
    here = site_model.page_url(src_uri, renderer.use_directory_urls)

    def link(path: str) -> str:
        return site_model.relative_url(renderer.url_for(path), here)

    out = {}
    for number, term in sorted(renderer.site["families"]["sdg"].items()):
        # the records that focus on this SDG first (fewest SDGs), then by title
        views = {kind: sorted(term.get(kind, []), key=lambda v: (len(v.get("sdgs", [])), v["titel"].lower()))
                 for kind in ("praktijken", "instrumenten")}
        out[number] = {"pagina": link(f"sdg/{number}/"),
                            "aantal": {kind: len(items) for kind, items in views.items()},
                            **{kind: [{"titel": v["titel"], "href": link(v["pad"])} for v in items[:BANK_LINKS]]
                               for kind, items in views.items()}}
    return out


def _json_for_script(value) -> str:
    """JSON safe inside <script type="application/json">."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def pages(renderer) -> dict[str, str]:
    src_uri = f"{FOLDER}/index.md"
    spec.cache_clear()  # 'mkdocs serve' rebuilds after begroting.yaml changed
    data = page_data(renderer.vocab)
    return {src_uri: renderer._render(
        "begroting.md.j2", src_uri,
        {"title": "SDG-begrotingsscan",
         "description": "Tel je meerjarenplan of budget op per SDG en per P, in je browser: niets wordt verstuurd.",
         "hide": ["toc"]},
        data_json=_json_for_script(data), velden=spec()["velden"], soorten=spec()["soorten"], types=spec()["types"],
        jaren=spec()["sjabloon_jaren"], scripts=SCRIPTS, projecten=spec()["projecten"],
        bank=bank_links(renderer, src_uri),
        vendor=[BY_PACKAGE[name].url for name in LIBRARIES])}


def _csv_bytes(rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx_bytes(rows: list[list], title: str, notes: list[str]) -> bytes:
    import openpyxl
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    header_row = next((i for i, row in enumerate(rows, start=1) if "SDG" in row), 1)
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["B"].width = 45
    sheet.column_dimensions["E"].width = 18
    info = workbook.create_sheet("Uitleg")
    for line in notes:
        info.append([line])
    info.column_dimensions["A"].width = 110
    fixed = dt.datetime(2026, 1, 1)
    workbook.properties.created = workbook.properties.modified = fixed
    workbook.properties.creator = "Praktijkenbank SDG's en lokaal mondiaal beleid"
    out = io.BytesIO()
    workbook.save(out)
    return _reproducible(out.getvalue(), fixed)


def _reproducible(data: bytes, when: dt.datetime) -> bytes:
    """The same workbook gives the same bytes in every build: fixed zip dates and document dates
    (openpyxl stamps the save time in both)."""
    import re
    import zipfile

    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                                 lambda m: m.group(1) + stamp.encode() + m.group(2), content)
            info = zipfile.ZipInfo(item.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = item.external_attr
            target.writestr(info, content)
    return out.getvalue()


def _number(text: str):
    """Example amounts ('1.250.000', '-') as numbers for the .xlsx version."""
    if text.strip() in ("", "-"):
        return None
    return int(text.replace(".", ""))


def _notes() -> list[str]:
    notes = ["SDG-begrotingsscan: sjabloon. Eén rij per budgetregel of actie.", ""]
    for field in spec()["velden"]:
        notes.append(f"{field['naam']}: {field['uitleg']}")
    notes.append("Jaarkolommen: één kolom per jaar, met het jaartal in de kop (bv. 2026).")
    notes.append("Bedragen in euro: 1.234,56 of 1234.56; '-' of leeg is 0; negatief met een minteken of tussen haakjes.")
    return notes


def downloads() -> dict[str, bytes]:
    """Template and example, CSV and .xlsx."""
    data = spec()
    header = ["Code", "Omschrijving", "Soort", "Type", "SDG"] + [str(y) for y in data["sjabloon_jaren"]]
    out = {f"{FOLDER}/sjabloon-begrotingsscan.csv": _csv_bytes([header])}
    out[f"{FOLDER}/sjabloon-begrotingsscan.xlsx"] = _xlsx_bytes(
        [["Code", "Omschrijving", "Soort", "Type", "SDG"] + list(data["sjabloon_jaren"])], "Begroting", _notes())
    example = EXAMPLE.read_bytes()
    out[f"{FOLDER}/voorbeeldgemeente-fictief.csv"] = example
    rows = []
    for _, cells in read_csv(decode(example))[0]:
        converted = list(cells)
        if len(cells) == len(header) and cells[0] != "Code":
            converted = cells[:5] + [_number(c) for c in cells[5:]]
        elif cells and cells[0] == "Code":
            converted = cells[:5] + [int(c) for c in cells[5:]]
        while converted and converted[-1] in ("", None):
            converted.pop()
        rows.append(converted)
    out[f"{FOLDER}/voorbeeldgemeente-fictief.xlsx"] = _xlsx_bytes(rows, "Voorbeeldgemeente", _notes())
    return out


def suggestion_model_json() -> bytes:
    """The suggestion model as the browser loads it (compact JSON, the same dict Python uses)."""
    return json.dumps(build_model(), ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def files(root: Path) -> dict[str, bytes]:
    """Everything the page downloads besides its scripts and libraries: {site path: content}."""
    return {**downloads(), MODEL_FILE: suggestion_model_json()}
