"""Controlled vocabularies, read from the data files next to this module.

Every list the project uses (SDGs, targets, 5 P's, themes, phases, levels,
provinces, municipalities, the fiche outline) lives in exactly one YAML file in
``data/``. Everything else (schema enums, templates, validation, tests) reads
them through :func:`load_vocab`.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parent / "data"
SCHEMA_PATH = DATA_DIR / "praktijk.schema.json"


def _read(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


@dataclass(frozen=True)
class Vocab:
    sdgs: dict[int, dict]
    targets: dict[str, str]
    ps: dict[str, dict]
    themes: dict[str, dict]
    phases: dict[str, dict]
    levels: dict[str, dict]
    provinces: dict[str, dict]
    municipalities: dict[str, dict]
    former_municipalities: dict[str, dict]
    sections: list[dict]
    schema: dict
    sdg_to_ps: dict[int, list[str]] = field(default_factory=dict)

    def province_of(self, name: str) -> str | None:
        """Province id of a current or former municipality."""
        entry = self.municipalities.get(name) or self.former_municipalities.get(name)
        return entry["provincie"] if entry else None

    def province_by_government_name(self, name: str) -> str | None:
        """'Provincie Antwerpen' -> 'antwerpen'."""
        for pid, entry in self.provinces.items():
            if name == f"Provincie {entry['naam']}":
                return pid
        return None

    def ps_for_sdgs(self, sdgs) -> list[str]:
        """The 5 P's that a list of SDG numbers belongs to, in canonical order."""
        wanted = {p for n in sdgs for p in self.sdg_to_ps.get(n, [])}
        return [p for p in self.ps if p in wanted]


def _by_id(items: list[dict], key: str = "id") -> dict:
    return {item[key]: item for item in items}


@functools.lru_cache(maxsize=1)
def load_vocab() -> Vocab:
    """Read every vocabulary file once (cached)."""
    ps = _by_id(_read("vijf_p.yaml"))
    sdg_to_ps: dict[int, list[str]] = {}
    for pid, entry in ps.items():
        for number in entry["sdgs"]:
            sdg_to_ps.setdefault(number, []).append(pid)
    municipalities = _read("gemeenten.yaml")
    with open(SCHEMA_PATH, encoding="utf-8") as handle:
        schema = json.load(handle)
    return Vocab(
        sdgs=_by_id(_read("sdgs.yaml"), "nummer"),
        targets={str(k): v for k, v in _read("subdoelen.yaml").items()},
        ps=ps,
        themes=_by_id(_read("themas.yaml")),
        phases=_by_id(_read("fasen.yaml")),
        levels=_by_id(_read("niveaus.yaml")),
        provinces=_by_id(_read("provincies.yaml")),
        municipalities=_by_id(municipalities["gemeenten"], "naam"),
        former_municipalities=_by_id(municipalities.get("voormalige_gemeenten") or [], "naam"),
        sections=_read("fiche_secties.yaml"),
        schema=schema,
        sdg_to_ps=sdg_to_ps,
    )
