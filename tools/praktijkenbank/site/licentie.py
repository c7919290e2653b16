"""The licence of the praktijkenbank's content and open data (CC BY 4.0) and of its code (EUPL-1.2).

One source: ``data/licentie.yaml``. The hook hands it to the theme (footer,
print view of a fiche) as ``config.extra.licentie``; the open data carry it
as a top-level field of practices.json and as the feed's ``<rights>``.
"""

from __future__ import annotations

import functools

import yaml

from ..records.vocab import DATA_DIR

PATH = DATA_DIR / "licentie.yaml"


@functools.lru_cache(maxsize=1)
def load() -> dict:
    with open(PATH, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def attribution(url: str) -> str:
    """'Bron: Praktijkenbank ..., CC BY 4.0, <url>' for the site or one fiche."""
    return load()["naamsvermelding"].format(url=url).rstrip(", ")


def json_field(site_url: str) -> dict:
    """The top-level 'licentie' field of practices.json."""
    data = load()
    return {"naam": data["inhoud"]["naam"], "titel": data["inhoud"]["titel"], "spdx": data["inhoud"]["spdx"],
            "url": data["inhoud"]["url"], "naamsvermelding": attribution(site_url),
            "code": {"naam": data["code"]["naam"], "url": data["code"]["url"]}}


def rights(site_url: str) -> str:
    """The Atom feed's <rights>."""
    data = load()
    return f"{data['inhoud']['titel']} ({data['inhoud']['naam']}), {data['inhoud']['url']}. {attribution(site_url)}"
