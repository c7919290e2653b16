"""``praktijkenbank statistiek``: the spread of the bank, measured against the editorial goals.

Counts come from the records (the same site model as the build), the goals from
``data/spreiding.yaml``. Plain functions: :func:`spread` returns the figures,
:func:`as_text` prints them in Dutch.
"""

from __future__ import annotations

import sys
from collections import Counter

import yaml

from ..records.vocab import DATA_DIR, Vocab, load_vocab


def goals() -> dict:
    with open(DATA_DIR / "spreiding.yaml", encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _line(label: str, count: int, minimum: int | None = None) -> dict:
    return {"naam": label, "aantal": count, "minimum": minimum, "gehaald": minimum is None or count >= minimum}


def spread(site: dict, vocab: Vocab, targets: dict | None = None) -> dict:
    """Figures per section: {'soorten', 'besturen', 'provincies', 'groepen', 'sdgs', 'niveaus', 'fasen', 'status',
    'beleidsdomeinen', 'grootte', 'bewijs'}."""
    targets = targets or goals()
    practices = site["praktijken"]
    local = {g["huidige_naam"] for view in practices for g in view["besturen"]
             if g["soort"] in ("gemeente", "provincie") or (g["soort"] == "organisatie" and g["provincie"])}
    provinces = Counter(p["id"] for view in practices for p in view["provincies"])
    sdgs = Counter(t["nummer"] for view in practices for t in view["sdgs"])
    levels = Counter(view["niveau"]["id"] for view in practices if view["niveau"])
    phases = Counter(t["id"] for view in practices for t in view["fasen"])
    status = Counter(view["status"]["id"] for view in practices if view["status"])
    domains = Counter(t["id"] for view in practices for t in view["beleidsdomeinen"])
    sizes = Counter(t["id"] for view in practices for t in view["grootteklassen"])
    evidence = Counter(view["bewijs"]["id"] for view in practices if view["bewijs"])
    domain_minimum = targets.get("per_beleidsdomein_minimum", 3)
    small = targets.get("klein_inwoners", 15000)
    untagged = sum(1 for kind in vocab.kinds.values() for view in site[kind.plural] if not view.get("beleidsdomeinen"))
    groups = []
    for group in targets["groepen"]:
        wanted = set(group["themas"])
        count = sum(1 for view in practices if wanted & {t["id"] for t in view["themas"]})
        groups.append(_line(group["naam"], count, group["minimum"]))
    return {
        "soorten": [_line(kind.title, len(site[kind.plural])) for kind in vocab.kinds.values()],
        "besturen": [_line("Verschillende lokale besturen", len(local), targets["besturen_minimum"])],
        "provincies": [_line(entry["naam"], provinces[pid], targets["per_provincie_minimum"])
                       for pid, entry in vocab.provinces.items()],
        "groepen": groups,
        "sdgs": [_line(f"SDG {n} {entry['naam']}", sdgs[n], targets["per_sdg_minimum"]) for n, entry in vocab.sdgs.items()]
                + [_line("Werkt met alle SDG's (kader)", sum(1 for v in practices if v["alle_sdgs"]))],
        "niveaus": [_line(entry["naam"], levels[lid], 1) for lid, entry in vocab.levels.items()],
        "fasen": [_line(entry["naam"], phases[fid], 1) for fid, entry in vocab.phases.items()],
        "status": [_line(entry["naam"], status[sid]) for sid, entry in vocab.statuses.items()],
        # A domain with SDG work and fewer practices than the minimum is a gap ('NIET gehaald').
        "beleidsdomeinen": [_line(f"{entry['code']} {entry['naam']}", domains[did],
                                  domain_minimum if entry["sdg_werk"] else None)
                            for did, entry in vocab.domains.items()]
                           + [_line("Records zonder beleidsdomein (alle soorten)", untagged, None)],
        "grootte": [_line(entry["naam"], sizes[cid]) for cid, entry in vocab.size_classes.items()]
                   + [_line(f"Van een gemeente onder {small:,} inwoners".replace(",", "."),
                            sum(1 for v in practices if _smallest(v, vocab) < small), targets.get("klein_minimum"))]
                   + [_line("Zonder grootteklasse (provincie, organisatie, onbekend)",
                            sum(1 for v in practices if not v["grootteklassen"]))],
        "bewijs": [_line(entry["naam"], evidence[eid]) for eid, entry in vocab.evidence.items()]
                  + [_line("Nog niet ingevuld", sum(1 for v in practices if not v["bewijs"]))],
    }


def _smallest(view: dict, vocab: Vocab) -> float:
    """Inhabitants of the smallest municipality of a practice (infinite when none is known)."""
    counts = [g["inwoners"] for g in view["besturen"] if g.get("inwoners")]
    return min(counts) if counts else float("inf")


TITLES = {"soorten": "Records", "besturen": "Besturen", "provincies": "Praktijken per provincie",
          "groepen": "Praktijken per onderwerp", "sdgs": "Praktijken per SDG (concreet)", "niveaus": "Niveau",
          "fasen": "Fasen van de beleidscyclus", "status": "Status",
          "beleidsdomeinen": "Praktijken per beleidsdomein (BBC; minder dan het doel = een gat)",
          "grootte": "Praktijken per grootte van de gemeente", "bewijs": "Bewijs voor het resultaat"}


def as_text(figures: dict) -> str:
    out = []
    for key, title in TITLES.items():
        out.append(title)
        for line in figures[key]:
            goal = "" if line["minimum"] is None else (
                f"  doel {line['minimum']}: " + ("gehaald" if line["gehaald"] else "NIET gehaald"))
            out.append(f"  {line['naam']:<62} {line['aantal']:>4}{goal}")
        out.append("")
    missed = [line["naam"] for lines in figures.values() for line in lines if not line["gehaald"]]
    out.append("Alle doelen gehaald." if not missed else f"{len(missed)} doel(en) niet gehaald: " + "; ".join(missed) + ".")
    return "\n".join(out) + "\n"


def add_arguments(subparsers) -> None:
    parser = subparsers.add_parser("statistiek", help="toon de spreiding van de praktijken en de redactionele doelen")
    parser.add_argument("--streng", action="store_true", help="eindig met code 1 als een doel niet gehaald is")
    parser.set_defaults(func=main)


def main(args) -> int:
    from ..site import model
    from ..records.validate import default_paths, validate_paths

    records, problems = validate_paths(default_paths())
    errors = [p for p in problems if p.is_error]
    if errors:
        for problem in errors:
            print(problem.format(), file=sys.stderr)
        print("praktijkenbank statistiek: verbeter eerst de fouten (praktijkenbank validate).", file=sys.stderr)
        return 1
    vocab = load_vocab()
    figures = spread(model.build_site(records, vocab), vocab)
    sys.stdout.write(as_text(figures))
    missed = any(not line["gehaald"] for lines in figures.values() for line in lines)
    return 1 if missed and args.streng else 0
