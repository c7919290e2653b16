"""Controlled vocabularies, read from the data files next to this module.

Every list the project uses (SDGs, targets, 5 P's, themes, phases, levels,
provinces, municipalities, statuses, instrument formats, procurement steps, ambition
levels and verification methods of clauses,
seed documents, the kinds of record with their outline) lives in exactly one YAML file in
``data/``. Everything else (schema enums, templates, validation, tests) reads
them through :func:`load_vocab`.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
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
    ambitions: dict[str, dict] = field(default_factory=dict)  # ambition levels of a clause
    proofs: dict[str, dict] = field(default_factory=dict)  # how a clause is verified
    documents: dict[str, dict] = field(default_factory=dict)  # seed documents, cited by id
    moved: list[dict] = field(default_factory=list)  # old page paths and where they went
    sdg_to_ps: dict[int, list[str]] = field(default_factory=dict)
    indicator_terms: dict[str, dict] = field(default_factory=dict)  # set, richting, ... (indicatoren.yaml)
    domains: dict[str, dict] = field(default_factory=dict)  # BBC policy domains (beleidsdomeinen)
    subdomains: dict[str, dict] = field(default_factory=dict)  # BBC subdomains, each with its 'domein'
    size_classes: dict[str, dict] = field(default_factory=dict)  # size classes of municipalities
    evidence: dict[str, dict] = field(default_factory=dict)  # evidence levels of a practice's results
    cost_orders: dict[str, dict] = field(default_factory=dict)  # order of magnitude of a practice's cost
    inhabitants: dict[str, int] = field(default_factory=dict)  # NIS code -> inhabitants
    inhabitants_source: dict = field(default_factory=dict)

    def size_class_of(self, name: str) -> str | None:
        """Size class id of a current or former municipality (a former one: the merged municipality)."""
        former = self.former_municipalities.get(name)
        if former and former.get("opgegaan_in"):
            name = former["opgegaan_in"]
        entry = self.municipalities.get(name)
        if not entry:
            return None
        for cid, size in self.size_classes.items():
            if name in size.get("gemeenten", []):
                return cid
        count = self.inhabitants.get(str(entry.get("nis")))
        if count is None:
            return None
        for cid, size in self.size_classes.items():
            if "gemeenten" in size:
                continue
            if count >= size.get("van", 0) and (size.get("tot") is None or count < size["tot"]):
                return cid
        return None

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


def _moved_entries() -> list[dict]:
    from . import moved  # the well-formed entries; 'valideer' and the build report the others

    return moved.entries()


def _by_id(items: list[dict], key: str = "id") -> dict:
    return {item[key]: item for item in items}


def vocab_id(name: str) -> str:
    """'Natuur en milieubeheer' -> 'natuur-en-milieubeheer' (the id of a domain or subdomain)."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _code_and_name(text: str) -> tuple[str, str]:
    """'035 Klimaat en energie' -> ('035', 'Klimaat en energie')."""
    code, _, name = " ".join(str(text).split()).partition(" ")
    return code, name


def policy_domains() -> tuple[dict, dict]:
    """The BBC domains and subdomains, derived from beleidsvelden.yaml (names, codes, which subdomain
    lies in which domain) and beleidsdomeinen.yaml (description, 'sdg_werk'): nothing listed twice."""
    fields = _read("beleidsvelden.yaml")["beleidsvelden"]
    extra = {str(entry["code"]): entry for entry in _read("beleidsdomeinen.yaml")}
    domains: dict[str, dict] = {}
    subdomains: dict[str, dict] = {}
    for row in fields:
        dcode, dname = _code_and_name(row["domein"])
        did = vocab_id(dname)
        domain = domains.setdefault(did, {
            "id": did, "code": dcode, "naam": dname,
            "omschrijving": extra.get(dcode, {}).get("omschrijving", ""),
            "sdg_werk": bool(extra.get(dcode, {}).get("sdg_werk", True)), "subdomeinen": []})
        scode, sname = _code_and_name(row["subdomein"])
        sid = vocab_id(sname)
        if sid not in subdomains:
            subdomains[sid] = {"id": sid, "code": scode, "naam": sname, "domein": did, "beleidsvelden": []}
            domain["subdomeinen"].append(sid)
        subdomains[sid]["beleidsvelden"].append(row["code"])
    domains = dict(sorted(domains.items(), key=lambda kv: kv[1]["code"]))
    return domains, subdomains


def _inhabitants() -> tuple[dict[str, int], dict]:
    data = _read("inwoners.yaml") or {}
    return {str(k): int(v) for k, v in (data.get("inwoners") or {}).items()}, data.get("bron") or {}


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
    domains, subdomains = policy_domains()
    inhabitants, inhabitants_source = _inhabitants()
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
        ambitions=_by_id(_read("ambitieniveaus.yaml")),
        proofs=_by_id(_read("bewijsmiddelen.yaml")),
        documents=_by_id(_read("brondocumenten.yaml")),
        moved=_moved_entries(),
        sdg_to_ps=sdg_to_ps,
        domains=domains,
        subdomains=subdomains,
        size_classes=_by_id(_read("grootteklassen.yaml")),
        evidence=_by_id(_read("bewijsniveaus.yaml")),
        cost_orders=_by_id(_read("kostenordes.yaml")),
        inhabitants=inhabitants,
        inhabitants_source=inhabitants_source,
        indicator_terms=_read("indicatoren.yaml"),
    )
