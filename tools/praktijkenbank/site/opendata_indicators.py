"""Open data of the local SDG indicators: data/indicatoren.json and data/indicatoren.csv.

The report builder (``rapport/``) and its command-line twin read the same records; this is
the public copy for anyone else (a dashboard, a spreadsheet).
"""

from __future__ import annotations

INDICATORS_JSON_PATH = "data/indicatoren.json"
INDICATORS_CSV_PATH = "data/indicatoren.csv"
INDICATOR_CSV_COLUMNS = [
    "slug", "soort", "titel", "samenvatting", "set", "sdgs", "subdoelen", "eenheid", "richting", "niveau",
    "frequentie", "waarde_bron_titel", "waarde_bron_uitgever", "waarde_bron_url", "waarde_bron_geraadpleegd",
    "doel_2030", "doel_2030_getal", "doel_2030_niveau", "doel_2030_bron_url", "themas", "beleidsdomeinen",
    "subdomeinen", "bronnen",
    "toegevoegd", "geverifieerd", "pad", "url",
]


def _link(item: dict | None) -> dict | None:
    if not item:
        return None
    return {k: item[k] for k in ("titel", "uitgever", "url", "geraadpleegd") if item.get(k)}


def indicator_record(view: dict, site_url: str = "") -> dict:
    """One indicator as open data (also what the report builder needs)."""
    from .opendata import _common, _sources

    goal = view["doel_2030"]
    return {
        **_common(view, site_url),
        "set": view["set"]["id"] if view["set"] else None,
        "sdgs": [t["nummer"] for t in view["sdgs"]],
        "subdoelen": [s["code"] for s in view["subdoelen"]],
        "eenheid": view["eenheid"],
        "richting": view["richting"]["id"] if view["richting"] else None,
        "niveau": [n["id"] for n in view["niveaus"]],
        "frequentie": view["frequentie"]["id"] if view["frequentie"] else None,
        "waarde_bron": _link(view["waarde_bron"]),
        "doel_2030": {"waarde": goal["waarde"], "getal": goal["getal"],
                      "niveau": goal["niveau"]["id"] if goal["niveau"] else None,
                      "bron": _link(goal["bron"])} if goal else None,
        "themas": [t["id"] for t in view["themas"]],
        "bronnen": _sources(view),
        "toegevoegd": view["toegevoegd"],
        "geverifieerd": view["geverifieerd"],
        "tekst": view["body"].strip(),
    }


def _row(data: dict) -> dict:
    source = data["waarde_bron"] or {}
    goal = data["doel_2030"] or {}
    row = {k: data.get(k) for k in INDICATOR_CSV_COLUMNS}
    row.update({
        "waarde_bron_titel": source.get("titel"), "waarde_bron_uitgever": source.get("uitgever"),
        "waarde_bron_url": source.get("url"), "waarde_bron_geraadpleegd": source.get("geraadpleegd"),
        "doel_2030": goal.get("waarde"), "doel_2030_getal": goal.get("getal"), "doel_2030_niveau": goal.get("niveau"),
        "doel_2030_bron_url": (goal.get("bron") or {}).get("url"),
        "bronnen": [b.get("url") or b.get("document") or b.get("titel", "") for b in data["bronnen"]],
    })
    return row


def files(site: dict, site_url: str = "") -> dict[str, bytes]:
    from .opendata import _csv, _json_file

    records = [indicator_record(v, site_url) for v in site.get("indicatoren", [])]
    return {
        INDICATORS_JSON_PATH: _json_file(
            site, "indicatoren", records,
            "Lokale SDG-indicatoren: wat ze meten, waar een gemeente haar eigen waarde vindt en het doel voor 2030.",
            "schema/indicator.schema.json", site_url),
        INDICATORS_CSV_PATH: _csv(INDICATOR_CSV_COLUMNS, (_row(r) for r in records)),
    }
