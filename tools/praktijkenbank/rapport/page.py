"""The report builder page (``rapport/``) and its values template, made at build time.

The page embeds, as JSON, everything the browser needs: the SDG and P names, the indicators
(open data of this build), the 285 municipalities and 5 provinces (gemeenten.yaml,
provincies.yaml), the practices per government (from 'besturen') and rapport.yaml (shapes,
messages, guidance). Nothing is fetched from elsewhere and nothing is sent anywhere.
"""

from __future__ import annotations

import csv
import io
import json

from ..site.vendor import BY_PACKAGE
from . import catalogus
from .invoer import config

FOLDER = "rapport"
TEMPLATE_CSV = f"{FOLDER}/sjabloon-waarden.csv"
SCRIPTS = ["getallen.js", "invoer.js", "model.js", "blokken.js", "weergave.js", "docx.js", "opslaan.js", "app.js"]



def page_data(site: dict, vocab) -> dict:
    return {
        "names": catalogus.names(vocab),
        "cfg": config(),
        "catalogue": catalogus.catalogue(site),
        "besturen": catalogus.governments(vocab),
        "praktijken": catalogus.practices_by_government(site),
        "docx": BY_PACKAGE["docx"].url,
    }


def _json_for_script(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def pages(renderer) -> dict[str, str]:
    src_uri = f"{FOLDER}/index.md"
    config.cache_clear()  # 'mkdocs serve' rebuilds after rapport.yaml changed
    data = page_data(renderer.site, renderer.vocab)
    return {src_uri: renderer._render(
        "rapport.md.j2", src_uri,
        {"title": "SDG-rapportbouwer",
         "description": "Maak het SDG-hoofdstuk of een VLR-light van je gemeente, in je browser: niets wordt verstuurd.",
         "hide": ["toc"]},
        data_json=_json_for_script(data), scripts=SCRIPTS, cfg=config(), aantal=len(data["catalogue"]),
        starters=sum(1 for c in data["catalogue"] if c["set"] == "starter"), aantal_besturen=len(data["besturen"]))}


def template_csv(site: dict) -> bytes:
    """indicator;jaar;waarde with two empty rows per indicator (empty rows are skipped on import)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(config()["waarden"]["kolommen"])
    for item in catalogus.catalogue(site):
        for year in config()["standaard_jaren"]:
            writer.writerow([item["slug"], year, ""])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def files(site: dict) -> dict[str, bytes]:
    return {TEMPLATE_CSV: template_csv(site)}
