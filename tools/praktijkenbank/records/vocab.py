"""Controlled vocabularies, read from the data files next to this module.

Every list the project uses (SDGs, targets, 5 P's, themes, phases, levels,
provinces, municipalities, statuses, instrument formats, procurement steps,
seed documents, the kinds of record with their outline) lives in exactly one YAML file in
``data/``. Everything else (schema enums, templates, validation, tests) reads
them through :func:`load_vocab`.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATA_DIR = Path(__file__).parents[1] / "data"
SCHEMA_DIR = DATA_DIR / "schema"
SCHEMA_PATH = SCHEMA_DIR / "praktijk.schema.json"  # the practice schema (the first kind)
COMMON_SCHEMA_PATH = SCHEMA_DIR / "gemeenschappelijk.json"


def _read(name: str):
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


@dataclass(frozen=True)
class Kind:
    """One kind of record (soorten.yaml): its folder, schema, site folder and text outline."""

    id: str
    folder: str  # folder in the repository ('practices')
    site: str  # folder on the site ('praktijken')
    singular: str
    plural: str
    article: str  # 'de' or 'het'
    title: str
    schema_file: str
    schema: dict
    sections: list[dict]

    @property
    def schema_path(self) -> Path:
        return SCHEMA_DIR / self.schema_file

    def required_unless(self) -> dict[str, str]:
        """Fields required unless another field is given: {'sdgs': 'alle_sdgs', 'links': 'pagina'}
        (the 'if'/'else' parts of the schema, also inside 'allOf')."""
        out = {}
        for part in [self.schema, *self.schema.get("allOf", [])]:
            condition = part.get("if", {})
            lifted_by = (condition.get("required") or list(condition.get("properties", {})) or [""])[0]
            for name in part.get("else", {}).get("required", []):
                out[name] = lifted_by
        return out


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
    sections: list[dict]  # text outline of a practice (the first kind)
    schema: dict  # schema of a practice
    kinds: dict[str, Kind] = field(default_factory=dict)
    statuses: dict[str, dict] = field(default_factory=dict)
    formats: dict[str, dict] = field(default_factory=dict)  # 'vorm' of an instrument
    steps: dict[str, dict] = field(default_factory=dict)  # procurement steps
    documents: dict[str, dict] = field(default_factory=dict)  # seed documents, cited by id
    moved: list[dict] = field(default_factory=list)  # old page paths and where they went
    sdg_to_ps: dict[int, list[str]] = field(default_factory=dict)
    indicator_terms: dict[str, dict] = field(default_factory=dict)  # set, richting, ... (indicatoren.yaml)

    def kind_for_folder(self, name: str) -> Kind | None:
        """The kind whose repository folder is called ``name`` ('instruments' -> instrument)."""
        for kind in self.kinds.values():
            if kind.folder == name:
                return kind
        return None

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
    kinds = {}
    for entry in _read("soorten.yaml"):
        with open(SCHEMA_DIR / entry["schema"], encoding="utf-8") as handle:
            schema = json.load(handle)
        kinds[entry["id"]] = Kind(entry["id"], entry["map"], entry["site"], entry["enkelvoud"], entry["meervoud"], entry["lidwoord"],
                                  entry["titel"], entry["schema"], schema, entry["secties"])
    practice = kinds["praktijk"]
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
        sections=practice.sections,
        schema=practice.schema,
        kinds=kinds,
        statuses=_by_id(_read("statussen.yaml")),
        formats=_by_id(_read("vormen.yaml")),
        steps=_by_id(_read("aanbestedingsstappen.yaml")),
        documents=_by_id(_read("brondocumenten.yaml")),
        moved=_read("verhuisd.yaml") or [],
        sdg_to_ps=sdg_to_ps,
        indicator_terms=_read("indicatoren.yaml"),
    )
