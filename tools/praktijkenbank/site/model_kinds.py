"""View data for the kinds of record next to practices: instruments, procurement
product groups and dossiers (see :mod:`model` for the shared helpers).

Plain functions: a loaded record in, a dict for the templates out.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..records.load import Record
from .modeltext_files import file_names
from .model import _list, _term, _text, common_view, dutch_date
from ..records.vocab import Vocab
from ..clausules.data import clause_views, level_counts


def _links(items, vocab_unused=None) -> list[dict]:
    out = []
    for item in _list(items):
        if isinstance(item, dict):
            consulted = _text(item.get("geraadpleegd"))
            out.append({"titel": _text(item.get("titel")), "uitgever": _text(item.get("uitgever")) or None,
                        "url": _text(item.get("url")) or None, "geraadpleegd": consulted or None,
                        "geraadpleegd_tekst": dutch_date(consulted) if consulted else ""})
    return out


def instrument_view(record: Record, vocab: Vocab, today: dt.date, repo_root: Path | None = None) -> dict:
    meta = record.meta if isinstance(record.meta, dict) else {}
    view = common_view(record, vocab, today, repo_root)
    form = meta.get("vorm")
    view.update({
        "vorm": _term(vocab.formats, "vorm", form) if form else None,
        "vorm_enkelvoud": vocab.formats[form]["enkelvoud"] if form in vocab.formats else _text(form),
        "niveaus": [_term(vocab.levels, "niveau", n) for n in _list(meta.get("niveaus"))],
        "tijd": _text(meta.get("tijd")).strip() or None,
        "nodig": _text(meta.get("nodig")).strip() or None,
        "uitgever": _text(meta.get("uitgever")).strip(),
        "licentie": _text(meta.get("licentie")).strip() or None,
        "links": _links(meta.get("links")),
        "pagina": _text(meta.get("pagina")) or None,  # a tool on this site itself
        "gebruikt_in": [],  # practices that name this instrument, see model.build_site
        # A model text of the bank: its fill-in fields (the text itself is the section '## Modeltekst').
        "invulvelden": [f for f in _list(meta.get("invulvelden")) if isinstance(f, str)],
        "bestanden": file_names(record.slug) if meta.get("invulvelden") else {},  # .docx, .odt, .txt next to the fiche
    })
    return view


def productgroup_view(record: Record, vocab: Vocab, today: dt.date, repo_root: Path | None = None) -> dict:
    meta = record.meta if isinstance(record.meta, dict) else {}
    view = common_view(record, vocab, today, repo_root)
    sources = view["bronnen"]

    def source(number) -> dict | None:
        if isinstance(number, int) and not isinstance(number, bool) and 1 <= number <= len(sources):
            return {"nummer": number, **sources[number - 1]}
        return None

    criteria = [c for c in _list(meta.get("criteria")) if isinstance(c, dict)]
    steps = []
    for sid, step in vocab.steps.items():  # in the order of a tender
        items = [{"tekst": _text(c.get("tekst")), "bron": source(c.get("bron"))} for c in criteria if c.get("stap") == sid]
        if items:
            steps.append({"id": sid, "naam": step["naam"], "omschrijving": step["omschrijving"], "criteria": items})
    view.update({
        "stappen": steps,
        "aantal_criteria": len(criteria),
        "labels": [{"naam": _text(label.get("naam")), "bron": source(label.get("bron"))}
                   for label in _list(meta.get("labels")) if isinstance(label, dict)],
        "modeldocumenten": _links(meta.get("modeldocumenten")),
        "gebruikt_in": [],
    })
    view["clausules"] = clause_views(meta, vocab)  # the clause builder (clausules/)
    view["clausules_per_niveau"] = level_counts(view["clausules"], vocab)
    return view


def dossier_view(record: Record, vocab: Vocab, today: dt.date, repo_root: Path | None = None) -> dict:
    view = common_view(record, vocab, today, repo_root)
    view.update({"praktijken": [], "instrumenten": [], "productgroepen": []})  # see model.build_site
    return view


def _source(item) -> dict | None:
    found = _links([item]) if isinstance(item, dict) else []
    return {**found[0], "document": None, "jaar": None, "plaats": None} if found else None  # as a web source in 'bronnen'


def indicator_view(record: Record, vocab: Vocab, today: dt.date, repo_root: Path | None = None) -> dict:
    meta = record.meta if isinstance(record.meta, dict) else {}
    terms = vocab.indicator_terms
    view = common_view(record, vocab, today, repo_root)

    def term(group: str, value) -> dict | None:
        entry = terms[group].get(value) if isinstance(value, str) else None
        return {"id": value, **entry} if entry else None

    goal = meta.get("doel_2030") if isinstance(meta.get("doel_2030"), dict) else None
    number = goal.get("getal") if goal else None
    view.update({
        "set": term("set", meta.get("set")),
        "eenheid": _text(meta.get("eenheid")).strip(),
        "richting": term("richting", meta.get("richting")),
        "frequentie": term("frequentie", meta.get("frequentie")),
        "niveaus": [t for t in (term("niveau", n) for n in _list(meta.get("niveau"))) if t],
        "subdoelen": [{"code": c, "tekst": vocab.targets.get(c, "")} for c in _list(meta.get("subdoelen")) if isinstance(c, str)],
        "waarde_bron": _source(meta.get("waarde_bron")),
        "doel_2030": {
            "waarde": _text(goal.get("waarde")).strip(),
            "getal": number if isinstance(number, (int, float)) and not isinstance(number, bool) else None,
            "niveau": term("doelniveau", goal.get("niveau")),
            "bron": _source(goal.get("bron")),
        } if goal else None,
    })
    return view


VIEWS = {"instrument": instrument_view, "productgroep": productgroup_view, "dossier": dossier_view,
         "indicator": indicator_view}
