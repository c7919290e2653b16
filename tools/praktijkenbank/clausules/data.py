"""The clause builder's data: the 'clausules' of every product group with their sources, the ambition
levels, steps and verification methods (vocabularies), and the practices that name each group.

Plain functions: view data in, plain dicts out (embedded as JSON in the builder page).
"""

from __future__ import annotations

import functools

import yaml

from ..records.vocab import DATA_DIR, Vocab

CONFIG_PATH = DATA_DIR / "clausulebouwer.yaml"


@functools.lru_cache(maxsize=1)
def config() -> dict:
    """clausulebouwer.yaml: the page's fixed texts and the sources of the ambition levels."""
    with open(CONFIG_PATH, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=yaml.CSafeLoader)


def clause_views(meta: dict, vocab: Vocab) -> list[dict]:
    """The well-formed clauses of a product group's front matter, in the order of the levels and steps."""
    clauses = [c for c in (meta.get("clausules") or []) if isinstance(c, dict) and isinstance(c.get("id"), str)]
    levels, steps = list(vocab.ambitions), list(vocab.steps)

    def order(clause: dict) -> tuple:
        level, step = clause.get("niveau"), clause.get("stap")
        return (levels.index(level) if level in levels else len(levels), steps.index(step) if step in steps else len(steps))

    out = []
    for clause in sorted(clauses, key=order):
        out.append({key: clause.get(key) for key in ("id", "niveau", "stap", "titel", "tekst", "controle", "bron")}
                   | {"bewijs": [b for b in (clause.get("bewijs") or []) if b in vocab.proofs]})
    return out


def level_counts(clauses: list[dict], vocab: Vocab) -> list[dict]:
    """[{'id': 'basis', 'naam': 'Basis', 'aantal': 2}, ...] for the fiche."""
    return [{"id": lid, "naam": level["naam"], "aantal": sum(1 for c in clauses if c["niveau"] == lid)}
            for lid, level in vocab.ambitions.items()]


def _source(entry: dict) -> dict:
    """A web source as plain strings (YAML reads 'geraadpleegd' as a date)."""
    return {k: (str(entry[k]) if entry.get(k) is not None else None) for k in ("titel", "uitgever", "url", "geraadpleegd")}


def _government_names(practice: dict) -> list[str]:
    return [g["naam"] for g in practice.get("besturen") or [] if g.get("naam")]


def builder_data(site: dict, vocab: Vocab, link) -> dict:
    """Everything the builder page needs; ``link(path)`` makes a page path relative to the builder."""
    groups = []
    for view in site.get("productgroepen", []):
        clauses = view.get("clausules") or []
        if not clauses:
            continue
        used = []
        for ref in view.get("gebruikt_in", []):
            practice = site.get("per_slug", {}).get(ref["slug"], {})
            used.append({"titel": ref["titel"], "url": link(ref["pad"]), "besturen": _government_names(practice)})
        groups.append({
            "slug": view["slug"], "titel": view["titel"], "url": link(view["pad"]),
            "bronnen": [_source(b) for b in view["bronnen"]],
            "clausules": clauses, "gebruikt_in": used,
        })
    cfg = config()
    return {
        "niveaus": [{"id": i, "naam": e["naam"], "omschrijving": e["omschrijving"]} for i, e in vocab.ambitions.items()],
        "stappen": [{"id": i, "naam": e["naam"], "omschrijving": e["omschrijving"]} for i, e in vocab.steps.items()],
        "bewijs": [{"id": i, "naam": e["naam"], "omschrijving": e["omschrijving"]} for i, e in vocab.proofs.items()],
        "groepen": groups,
        "geen_juridisch_advies": cfg["geen_juridisch_advies"].strip(),
        "niveaubronnen": [_source(b) for b in cfg["bronnen"]],
    }
