"""Open data for every build: practices, instruments and product groups as JSON and CSV, and an Atom feed.

Pure functions: site model (see :func:`model.build_site`) in, file contents out.
Stable URLs on the site: ``data/practices.json``, ``data/practices.csv``,
``feed.xml`` (and ``schema/praktijk.schema.json``, copied by the hook).

Page locations are given twice: ``pad`` is the path from the site root
(``praktijken/<slug>/``, resolve it against the site's base URL), ``url`` the
full URL when the build knows its ``site_url`` (else null).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
import xml.etree.ElementTree as etree

from . import licentie, opendata_indicators

SITE_TITLE = "Praktijkenbank SDG's en lokaal mondiaal beleid"
JSON_PATH = "data/practices.json"
CSV_PATH = "data/practices.csv"
INSTRUMENTS_JSON_PATH = "data/instrumenten.json"
INSTRUMENTS_CSV_PATH = "data/instrumenten.csv"
PRODUCT_GROUPS_JSON_PATH = "data/productgroepen.json"
DOMAINS_JSON_PATH = "data/beleidsdomeinen.json"
FEED_PATH = "feed.xml"
SCHEMA_PATH = "schema/praktijk.schema.json"
FEED_SIZE = 50
ATOM_NS = "http://www.w3.org/2005/Atom"

CSV_COLUMNS = [
    "slug", "soort", "titel", "samenvatting", "status", "besturen", "provincies", "periode_van", "periode_tot",
    "sdgs", "alle_sdgs", "subdoelen", "vijf_p", "themas", "fasen", "niveau", "instrumenten", "productgroepen",
    "beleidsdomeinen", "subdomeinen", "grootteklassen", "bewijs", "kost_orde", "kost_bedrag", "kost_omvat",
    "personeelsinzet", "duur", "partners", "wat_niet_werkte", "navolgers",
    "bronnen", "contact_organisatie", "contact_dienst", "contact_email", "contact_website", "toegevoegd",
    "geverifieerd", "te_herzien", "verwant", "pad", "url",
]
INSTRUMENT_CSV_COLUMNS = [
    "slug", "soort", "titel", "samenvatting", "vorm", "niveaus", "fasen", "sdgs", "alle_sdgs", "themas",
    "beleidsdomeinen", "subdomeinen", "tijd",
    "nodig", "uitgever", "licentie", "links", "bronnen", "gebruikt_in", "toegevoegd", "geverifieerd", "pad", "url",
]


def _absolute(site_url: str, path: str) -> str | None:
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + path


def _sources(view: dict) -> list[dict]:
    """Sources with their full reference; a seed document keeps its id ('document')."""
    keys = ("document", "titel", "uitgever", "jaar", "plaats", "url", "geraadpleegd")
    return [{k: b[k] for k in keys if b.get(k)} for b in view["bronnen"]]


def _common(view: dict, site_url: str) -> dict:
    return {
        "slug": view["slug"],
        "soort": view["soort"],
        "titel": view["titel"],
        "samenvatting": view["samenvatting"],
        "pad": view["pad"],
        "url": _absolute(site_url, view["pad"]),
        "bestand": view["repo_pad"],
        "beleidsdomeinen": [t["id"] for t in view.get("beleidsdomeinen", [])],
        "subdomeinen": [t["id"] for t in view.get("subdomeinen", [])],
    }


def record(view: dict, site_url: str = "") -> dict:
    """One practice as open data (stored fields plus derived ones)."""
    return {
        **_common(view, site_url),
        "status": view["status"]["id"] if view["status"] else None,
        "besturen": [{"naam": b["naam"], "soort": b["soort"], "huidige_naam": b["huidige_naam"],
                      "provincie": b["provincie"]} for b in view["besturen"]],
        "provincies": [p["id"] for p in view["provincies"]],
        "periode": ({"van": view["periode"]["van"], "tot": view["periode"]["tot"]}
                    if view["periode"]["van"] else None),
        "sdgs": [t["nummer"] for t in view["sdgs"]],
        "alle_sdgs": view["alle_sdgs"],
        "subdoelen": [s["code"] for s in view["subdoelen"]],
        "vijf_p": [b["id"] for b in view["vijf_p"]],
        "vijf_p_afgeleid": view["vijf_p_afgeleid"],
        "themas": [t["id"] for t in view["themas"]],
        "fasen": [t["id"] for t in view["fasen"]],
        "niveau": view["niveau"]["id"] if view["niveau"] else None,
        "instrumenten": [r["slug"] for r in view["instrumenten"]],
        "productgroepen": [r["slug"] for r in view["productgroepen"]],
        "grootteklassen": [t["id"] for t in view["grootteklassen"]],
        "kost": ({k: view["kost"][k] for k in ("bedrag", "omvat") if view["kost"][k]} | {"orde": view["kost"]["orde_id"]}
                 if view["kost"] else None),
        "personeelsinzet": view["personeelsinzet"],
        "duur": view["duur"],
        "partners": view["partners"],
        "bewijs": view["bewijs"]["id"] if view["bewijs"] else None,
        "wat_niet_werkte": view["wat_niet_werkte"],
        "navolgers": [{k: f[k] for k in ("naam", "soort", "sinds", "url", "gemeld") if f.get(k)} for f in view["navolgers"]],
        "bronnen": _sources(view),
        "contact": ({k: v for k, v in view["contact"].items() if v} if view["contact"] else None),
        "toegevoegd": view["toegevoegd"],
        "geverifieerd": view["geverifieerd"],
        "te_herzien": view["te_herzien"],
        "verwant": [r["slug"] for r in view["verwant"]],
        "tekst": view["body"].strip(),
    }


def _links(items: list[dict]) -> list[dict]:
    return [{k: link[k] for k in ("titel", "uitgever", "url", "geraadpleegd") if link.get(k)} for link in items]


def instrument_record(view: dict, site_url: str = "") -> dict:
    """One instrument as open data."""
    return {
        **_common(view, site_url),
        "vorm": view["vorm"]["id"] if view["vorm"] else None,
        "niveaus": [t["id"] for t in view["niveaus"]],
        "fasen": [t["id"] for t in view["fasen"]],
        "sdgs": [t["nummer"] for t in view["sdgs"]],
        "alle_sdgs": view["alle_sdgs"],
        "themas": [t["id"] for t in view["themas"]],
        "tijd": view["tijd"],
        "nodig": view["nodig"],
        "uitgever": view["uitgever"],
        "licentie": view["licentie"],
        "links": _links(view["links"]),
        "pagina": view["pagina"],
        "invulvelden": view.get("invulvelden", []),  # a model text of the bank: its text is under '## Modeltekst'
        "bronnen": _sources(view),
        "gebruikt_in": [r["slug"] for r in view["gebruikt_in"]],
        "toegevoegd": view["toegevoegd"],
        "geverifieerd": view["geverifieerd"],
        "tekst": view["body"].strip(),
    }


def product_group_record(view: dict, site_url: str = "") -> dict:
    """One procurement product group as open data."""
    return {
        **_common(view, site_url),
        "sdgs": [t["nummer"] for t in view["sdgs"]],
        "themas": [t["id"] for t in view["themas"]],
        "criteria": [{"stap": step["id"], "tekst": c["tekst"], "bron": c["bron"]["nummer"] if c["bron"] else None}
                     for step in view["stappen"] for c in step["criteria"]],
        "labels": [{"naam": label["naam"], "bron": label["bron"]["nummer"] if label["bron"] else None}
                   for label in view["labels"]],
        "clausules": view.get("clausules", []),  # the clause builder's clauses, as in the record
        "modeldocumenten": _links(view["modeldocumenten"]),
        "bronnen": _sources(view),
        "gebruikt_in": [r["slug"] for r in view["gebruikt_in"]],
        "toegevoegd": view["toegevoegd"],
        "geverifieerd": view["geverifieerd"],
        "gewijzigd": view["gewijzigd"],
        "tekst": view["body"].strip(),
    }


def _json_file(site: dict, key: str, records: list[dict], description: str, schema: str, site_url: str = "") -> str:
    data = {
        "titel": SITE_TITLE,
        "beschrijving": description,
        "schema": schema,
        "licentie": licentie.json_field(site_url),
        "gebouwd_op": site["vandaag"],
        "aantal": len(records),
        key: records,
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def practices_json(site: dict, site_url: str = "", rows: list[dict] | None = None) -> str:
    data = {
        "titel": SITE_TITLE,
        "beschrijving": "Alle praktijken van de praktijkenbank, met afgeleide velden. "
                        "'pad' is het pad van de pagina vanaf de hoofdmap van de site.",
        "schema": SCHEMA_PATH,
        "licentie": licentie.json_field(site_url),
        "gebouwd_op": site["vandaag"],
        "aantal": site["aantal"],
        "praktijken": rows if rows is not None else [record(view, site_url) for view in site["praktijken"]],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _cell(value) -> str:
    """Text for one CSV cell; a leading = + - @ is neutralised (spreadsheet formulas)."""
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "ja" if value else "nee"
    elif isinstance(value, list):
        text = ", ".join(str(v) for v in value)
    else:
        text = str(value)
    text = text.replace("\r\n", "\n")
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def _source_cell(sources: list[dict]) -> list[str]:
    return [b.get("url") or b.get("document") or b.get("titel", "") for b in sources]


def csv_row(data: dict) -> dict:
    contact = data["contact"] or {}
    periode = data["periode"] or {}
    return {
        "slug": data["slug"], "soort": data["soort"], "titel": data["titel"], "samenvatting": data["samenvatting"],
        "status": data["status"],
        "besturen": [b["naam"] for b in data["besturen"]], "provincies": data["provincies"],
        "periode_van": periode.get("van"), "periode_tot": periode.get("tot"), "sdgs": data["sdgs"],
        "alle_sdgs": data["alle_sdgs"],
        "subdoelen": data["subdoelen"], "vijf_p": data["vijf_p"], "themas": data["themas"],
        "fasen": data["fasen"], "niveau": data["niveau"],
        "instrumenten": data["instrumenten"], "productgroepen": data["productgroepen"],
        "beleidsdomeinen": data["beleidsdomeinen"], "subdomeinen": data["subdomeinen"],
        "grootteklassen": data["grootteklassen"], "bewijs": data["bewijs"],
        "kost_orde": (data["kost"] or {}).get("orde"), "kost_bedrag": (data["kost"] or {}).get("bedrag"),
        "kost_omvat": (data["kost"] or {}).get("omvat"), "personeelsinzet": data["personeelsinzet"],
        "duur": data["duur"], "partners": data["partners"], "wat_niet_werkte": data["wat_niet_werkte"],
        "navolgers": [f["naam"] for f in data["navolgers"]],
        "bronnen": _source_cell(data["bronnen"]),
        "contact_organisatie": contact.get("organisatie"), "contact_dienst": contact.get("dienst"),
        "contact_email": contact.get("email"), "contact_website": contact.get("website"),
        "toegevoegd": data["toegevoegd"], "geverifieerd": data["geverifieerd"], "te_herzien": data["te_herzien"],
        "verwant": data["verwant"], "pad": data["pad"], "url": data["url"],
    }


def _csv(columns: list[str], rows) -> bytes:
    """UTF-8 with BOM, ';' as delimiter: opens correctly in Excel with a Dutch locale."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, delimiter=";", quoting=csv.QUOTE_MINIMAL,
                            lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return out.getvalue().encode("utf-8-sig")


def practices_csv(site: dict, site_url: str = "", rows: list[dict] | None = None) -> bytes:
    if rows is None:
        rows = [record(view, site_url) for view in site["praktijken"]]
    return _csv(CSV_COLUMNS, (csv_row(row) for row in rows))


def instruments_csv(site: dict, site_url: str = "") -> bytes:
    def row(data: dict) -> dict:
        out = {k: data[k] for k in INSTRUMENT_CSV_COLUMNS if k in data}
        out.update(links=[link.get("url", "") for link in data["links"]], bronnen=_source_cell(data["bronnen"]))
        return {k: out.get(k) for k in INSTRUMENT_CSV_COLUMNS}

    return _csv(INSTRUMENT_CSV_COLUMNS, (row(instrument_record(v, site_url)) for v in site["instrumenten"]))


def _timestamp(date: str, fallback: str) -> str:
    try:
        return dt.date.fromisoformat(date).isoformat() + "T00:00:00Z"
    except (TypeError, ValueError):
        return fallback + "T00:00:00Z"


def _id(site_url: str, path: str) -> str:
    return _absolute(site_url, path) or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'praktijkenbank:' + path)}"


def atom_feed(site: dict, site_url: str = "", size: int = FEED_SIZE) -> bytes:
    """Atom 1.0 feed of the newest practices (by 'toegevoegd').

    Without a site_url, links are relative to the feed, which lives at the site root.
    """
    etree.register_namespace("", ATOM_NS)

    def sub(parent, tag, text=None, **attrs):
        el = etree.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: str(v) for k, v in attrs.items()})
        if text is not None:
            el.text = text
        return el

    newest = sorted(site["nieuwste"] + site.get("instrumenten", []), key=lambda v: v["toegevoegd"],
                    reverse=True)[:size]
    today = site["vandaag"]
    feed = etree.Element(f"{{{ATOM_NS}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    sub(feed, "id", _id(site_url, FEED_PATH))
    sub(feed, "title", f"{SITE_TITLE}: nieuwste praktijken en instrumenten")
    sub(feed, "subtitle", "Nieuwe praktijken van Vlaamse lokale besturen en nieuwe instrumenten rond de SDG's en lokaal mondiaal beleid.")
    updated = max((_timestamp(v["geverifieerd"] if v["geverifieerd"] > v["toegevoegd"] else v["toegevoegd"], today)
                   for v in newest), default=today + "T00:00:00Z")
    sub(feed, "updated", updated)
    sub(feed, "link", rel="alternate", type="text/html", href=_absolute(site_url, "praktijken/") or "praktijken/")
    sub(feed, "link", rel="self", type="application/atom+xml", href=_absolute(site_url, FEED_PATH) or FEED_PATH)
    author = sub(feed, "author")
    sub(author, "name", SITE_TITLE)
    sub(feed, "generator", "praktijkenbank")
    sub(feed, "rights", licentie.rights(site_url))
    for view in newest:
        entry = sub(feed, "entry")
        sub(entry, "id", _id(site_url, view["pad"]))
        sub(entry, "title", view["titel"])
        sub(entry, "link", rel="alternate", type="text/html", href=_absolute(site_url, view["pad"]) or view["pad"])
        published = _timestamp(view["toegevoegd"], today)
        sub(entry, "published", published)
        changed = _timestamp(view["geverifieerd"], today)
        sub(entry, "updated", max(published, changed))
        sub(entry, "summary", view["samenvatting"])
        sub(entry, "category", term=view["soort"], label=view["soort_naam"].capitalize())
        for tile in view["sdgs"]:
            sub(entry, "category", term=f"sdg-{tile['nummer']}", label=f"SDG {tile['nummer']}: {tile['naam']}")
    return etree.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def domains_json(site: dict, vocab, site_url: str = "") -> str:
    """The BBC policy domains with the page of each (beleidsdomeinen/<id>/), their subdomains and counts.

    For the budget scan: a row's domain code ('3' of '0350' via its subdomain '035') leads to the page
    that lists what other governments did in that domain.
    """
    families = site["families"]["beleidsdomein"]
    rows = []
    for did, entry in vocab.domains.items():
        term = families.get(did, {})
        rows.append({"id": did, "code": entry["code"], "naam": entry["naam"], "pad": term.get("pad"),
                     "url": _absolute(site_url, term["pad"]) if term.get("pad") else None,
                     "sdg_werk": entry["sdg_werk"],
                     "subdomeinen": [{"id": sid, "code": vocab.subdomains[sid]["code"], "naam": vocab.subdomains[sid]["naam"],
                                      "beleidsvelden": vocab.subdomains[sid]["beleidsvelden"]} for sid in entry["subdomeinen"]],
                     "aantal": {key: len(term.get(key, [])) for key in ("praktijken", "instrumenten", "productgroepen", "dossiers", "indicatoren")}})
    return _json_file(site, "beleidsdomeinen", rows,
                      "De beleidsdomeinen van de beleids- en beheerscyclus (BBC) met hun subdomeinen en beleidsvelden, "
                      "de pagina van elk domein en het aantal records erin.", "", site_url)


def files(site: dict, vocab=None, site_url: str = "", today=None) -> dict[str, str | bytes]:
    """Every open-data file of one build: {path on the site: content}."""
    rows = [record(view, site_url) for view in site["praktijken"]]  # once for the JSON and the CSV
    return {
        JSON_PATH: practices_json(site, site_url, rows),
        CSV_PATH: practices_csv(site, site_url, rows),
        INSTRUMENTS_JSON_PATH: _json_file(
            site, "instrumenten", [instrument_record(v, site_url) for v in site.get("instrumenten", [])],
            "Alle instrumenten (gidsen, checklists, datatools, modelteksten, campagnekits, opleidingen) van de praktijkenbank.",
            "schema/instrument.schema.json", site_url),
        INSTRUMENTS_CSV_PATH: instruments_csv(site, site_url),
        PRODUCT_GROUPS_JSON_PATH: _json_file(
            site, "productgroepen", [product_group_record(v, site_url) for v in site.get("productgroepen", [])],
            "Productgroepen voor duurzaam aankopen: criteria per stap van de opdracht, labels en modeldocumenten.",
            "schema/productgroep.schema.json", site_url),
        FEED_PATH: atom_feed(site, site_url),
        **opendata_indicators.files(site, site_url),
        **({DOMAINS_JSON_PATH: domains_json(site, vocab, site_url)} if vocab is not None and "beleidsdomein" in site["families"] else {}),
    }
