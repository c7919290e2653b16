"""Write N synthetic but valid practice records, for benchmarks.

The records use the real vocabularies (SDG numbers, 5 P's, themes, phases,
levels) and real municipality names, and plausible Dutch filler text from a
small word list. Every record passes ``praktijkenbank validate`` (checked by
``--check``). The output is deterministic for a given seed.

Usage::

    python benchmarks/generate.py 1000 /tmp/praktijken-1000 [--seed 1] [--check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path

from praktijkenbank.records.vocab import load_vocab

# Small word lists. Each theme has its own words, so that a topical query
# ("clausules", "stedenband") hits a realistic share of the records, while
# the generic filler words occur everywhere (the worst case for a search).
THEME_WORDS = {
    "beleidsplanning": ["meerjarenplan", "beleidsdoelstelling", "actieplan", "visietekst", "legislatuur",
                        "strategische doelstelling", "beleidsprioriteit", "coalitieakkoord"],
    "begroting": ["begroting", "budget", "exploitatiebudget", "SDG-code", "jaarrekening", "kredieten",
                  "investeringen", "financiële dienst"],
    "omgevingsanalyse": ["omgevingsanalyse", "cijfers", "gemeentemonitor", "wijkprofiel", "noden",
                         "bevolkingsprognose", "SWOT-analyse", "statistieken"],
    "duurzaam-aankoopbeleid": ["aankoop", "aankopen", "bestek", "clausules", "raamcontract", "leverancier",
                               "aankoopcentrale", "productgroep"],
    "monitoring-en-rapportering": ["indicatoren", "monitoring", "SDG-rapport", "dashboard", "nulmeting",
                                   "opvolging", "voortgangsrapport", "meetbare doelen"],
    "participatie": ["burgerpanel", "inspraak", "wijkbudget", "participatietraject", "bewonersavond",
                     "adviesraad", "burgerbegroting", "co-creatie"],
    "sensibilisering": ["campagne", "affiches", "nieuwsbrief", "SDG-vlag", "infomarkt", "sociale media",
                        "week van de duurzame gemeente", "tentoonstelling"],
    "stedenband": ["stedenband", "partnerstad", "partnergemeente", "uitwisseling", "zuidpartner",
                   "capaciteitsversterking", "burgerlijke stand", "bezoek"],
    "wereldburgerschap": ["wereldburgerschap", "scholen", "jeugdbewegingen", "workshop", "mondiale vorming",
                          "leerkrachten", "klasbezoek", "inleefreis"],
    "eerlijke-handel": ["fairtrade", "eerlijke handel", "koffie", "chocolade", "bananen", "wereldwinkel",
                        "handelsketen", "producenten"],
    "subsidies": ["subsidiereglement", "projectsubsidie", "noord-zuidwerking", "vierde pijler", "toelage",
                  "aanvraagformulier", "jury", "werkingssubsidie"],
    "internationale-conflicten": ["vluchtelingen", "opvang", "humanitaire hulp", "solidariteitsactie",
                                  "Oekraïne", "noodhulp", "vredesweek", "herdenking"],
    "organisatie": ["personeel", "directieteam", "SDG-ambtenaar", "werkgroep", "intranet", "vorming",
                    "taakomschrijving", "coördinatie"],
    "kennisdeling": ["lerend netwerk", "intervisie", "studiedag", "inspiratiedag", "toolkit", "handleiding",
                     "collega-besturen", "webinar"],
}
GENERIC_NOUNS = [
    "gemeenteraad", "schepencollege", "dienst", "partner", "vereniging", "inwoner", "bedrijf", "wijk",
    "plein", "bibliotheek", "jongeren", "senioren", "nieuwkomers", "vrijwilligers", "stuurgroep",
    "evaluatie", "begeleiding", "resultaten", "afspraken", "stappen",
]
VERBS = [
    "koppelt", "vertaalt", "versterkt", "evalueert", "verbindt", "meet", "organiseert", "herwerkt",
    "ondersteunt", "lanceert", "bundelt", "plant", "betrekt", "vernieuwt", "volgt", "deelt",
]
OBJECTS = [
    "aan de SDG's", "met de 5 P's", "met inwoners en verenigingen", "samen met de buurgemeenten",
    "in de eigen organisatie", "met lokale handelaars", "via het OCMW", "met de provincie",
    "met de mondiale raad", "in elke beleidsdoelstelling", "per deelgemeente", "met duidelijke afspraken",
]
ADJECTIVES = [
    "duurzame", "eerlijke", "lokale", "mondiale", "sociale", "nieuwe", "kleine", "grote", "jaarlijkse",
    "gezamenlijke", "transparante", "circulaire", "groene", "inclusieve", "concrete", "stevige",
]
CONNECTORS = [
    "Daarna", "Tegelijk", "Bovendien", "In het begin", "Na een jaar", "Volgens de dienst",
    "Samen met partners", "Op vraag van de raad", "Om te starten", "Uiteindelijk",
]


def _sentence(rng: random.Random, words: list[str]) -> str:
    parts = [rng.choice(CONNECTORS), rng.choice(VERBS), "het bestuur de", rng.choice(ADJECTIVES),
             rng.choice(words), rng.choice(OBJECTS)]
    if rng.random() < 0.5:
        parts += ["en", "de", rng.choice(ADJECTIVES), rng.choice(GENERIC_NOUNS)]
    if rng.random() < 0.4:
        parts += ["rond", rng.choice(words)]
    return " ".join(parts) + "."


def _paragraph(rng: random.Random, words: list[str], sentences: tuple[int, int]) -> str:
    return " ".join(_sentence(rng, words) for _ in range(rng.randint(*sentences)))


def practice_text(rng: random.Random, index: int, vocab, today: dt.date) -> tuple[str, str]:
    """(slug, file text) for practice number ``index``."""
    municipality_names = sorted(vocab.municipalities)
    municipality = rng.choice(municipality_names)
    themes = rng.sample(list(vocab.themes), rng.randint(1, 3))
    words = [w for t in themes for w in THEME_WORDS.get(t, [])] or GENERIC_NOUNS
    subject = rng.choice(THEME_WORDS.get(themes[0], GENERIC_NOUNS))
    governments = [municipality]
    if rng.random() < 0.15:
        governments += rng.sample([m for m in municipality_names if m != municipality], rng.randint(1, 3))
    sdgs = sorted(rng.sample(range(1, 18), rng.choice([1, 1, 2, 2, 2, 3, 3, 4])))
    targets = sorted({t for t in vocab.targets if int(t.split(".")[0]) in sdgs and rng.random() < 0.05})
    phases = rng.sample(list(vocab.phases), rng.randint(1, 2))
    level = rng.choice(list(vocab.levels))
    status = rng.choice(list(vocab.statuses))
    start = rng.randint(2015, today.year)
    added = today - dt.timedelta(days=rng.randint(0, 900))
    verified = added + dt.timedelta(days=rng.randint(0, (today - added).days))
    slug = f"{municipality.lower()}-{subject.lower()}-{index}"
    slug = "".join(c if c.isalnum() and c.isascii() else "-" for c in slug)
    slug = "-".join(part for part in slug.split("-") if part)[:80].strip("-")
    title = (f"{municipality} {rng.choice(VERBS)} de {rng.choice(ADJECTIVES)} {subject} "
             f"{rng.choice(OBJECTS)} voor {rng.choice(GENERIC_NOUNS)} (nr. {index})")[:120]
    summary = (f"{municipality} {rng.choice(VERBS)} de {subject} {rng.choice(OBJECTS)}. "
               + _sentence(rng, words))[:400]
    lines = ["---", f"titel: \"{title}\"", f"samenvatting: \"{summary}\"", "besturen:"]
    lines += [f"  - naam: \"{name}\"" for name in governments]
    if rng.random() < 0.85:
        period = f"periode: {{van: {start}"
        if rng.random() < 0.4 and start < today.year:
            period += f", tot: {rng.randint(start, today.year)}"
        elif status == "uitgevoerd":
            period += f", tot: {start}"  # a finished practice has an end year (the validator checks it)
        lines.append(period + "}")
    lines.append(f"sdgs: [{', '.join(map(str, sdgs))}]")
    if targets:
        lines.append("subdoelen: [" + ", ".join(f'"{t}"' for t in targets) + "]")
    # Policy domains, evidence and cost from their own generator, so the rest of the bank stays as before.
    extra = random.Random(index)
    domains = extra.sample(list(vocab.domains), extra.choice([1, 1, 2, 3]))
    lines += [f"beleidsdomeinen: [{', '.join(domains)}]", f"bewijs: {extra.choice(list(vocab.evidence))}"]
    if extra.random() < 0.2:
        lines += ["kost:", f"  orde: {extra.choice(list(vocab.cost_orders))}", "  omvat: \"de uitvoering van het project\""]
    lines += [f"themas: [{', '.join(themes)}]", f"fasen: [{', '.join(phases)}]", f"niveau: {level}",
              f"status: {status}",
              "bronnen:", f"  - titel: \"Verslag van de gemeenteraad van {municipality}\"",
              f"    uitgever: \"Gemeente {municipality}\"",
              f"    url: \"https://www.example.org/{slug}\"", f"    geraadpleegd: {verified.isoformat()}",
              f"toegevoegd: {added.isoformat()}", f"geverifieerd: {verified.isoformat()}", "---", ""]
    for section in vocab.sections:
        lines += [f"## {section['kop']}", "", _paragraph(rng, words, (3, 6)), ""]
        if rng.random() < 0.3:
            lines += [f"- {_sentence(rng, words)}" for _ in range(rng.randint(2, 4))] + [""]
    return slug, "\n".join(lines)


def generate(count: int, target: Path, seed: int = 1, today: dt.date | None = None) -> list[Path]:
    """Write ``count`` practices into ``target`` (emptied first). Returns the written paths."""
    vocab = load_vocab()
    today = today or dt.date.today()
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    paths = []
    for index in range(1, count + 1):
        slug, text = practice_text(rng, index, vocab, today)
        path = target / f"{slug}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Schrijf N synthetische, geldige praktijken (voor benchmarks).")
    parser.add_argument("count", type=int, help="aantal praktijken")
    parser.add_argument("target", type=Path, help="doelmap (wordt eerst leeggemaakt)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check", action="store_true", help="valideer de geschreven praktijken")
    args = parser.parse_args(argv)
    generate(args.count, args.target, args.seed)
    print(f"{args.count} praktijken geschreven in {args.target}", file=sys.stderr)
    if args.check:
        from praktijkenbank.records.validate import validate_paths

        _, problems = validate_paths([args.target])
        for problem in problems[:20]:
            print(problem.format(), file=sys.stderr)
        errors = sum(p.is_error for p in problems)
        print(f"{errors} fouten, {len(problems) - errors} waarschuwingen", file=sys.stderr)
        return 1 if errors else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
