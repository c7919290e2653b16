"""The report as blocks: what every output (screen and print, Markdown, .docx) lays out.

Twin of ``docs/assets/rapport/blokken.js``. A block is a dict with 't':
'voorblad' (titel, ondertitel, regels), 'kop1'/'kop2'/'kop3' (tekst), 'alinea' (tekst),
'tabel' (kop, rijen, bijschrift), 'lijst' (items: tekst, pad or url), 'grafiek' (titel,
staven: label, promille, tekst; always followed by a table with the same figures),
'tegels' (the 17 SDG tiles: nummer, naam, regels) and 'einde' (page break).
"""

from __future__ import annotations

from .model import EVOLUTION

INTRO = ("Dit {soort} toont hoe {bestuur} bijdraagt aan de 17 duurzame ontwikkelingsdoelen (SDG's) van de "
         "Verenigde Naties, geordend volgens de 5 P's: mens, planeet, welvaart, vrede en partnerschap. "
         "Het brengt samen wat het bestuur zelf meet (indicatoren), waar het budget naartoe gaat, hoe projecten "
         "getoetst werden en welke praktijken andere besturen kunnen inspireren.")
METHOD = ("Gemaakt met de SDG-rapportbouwer van de praktijkenbank. De waarden van de indicatoren komen uit de "
          "publieke bronnen hieronder en werden door het bestuur zelf ingevuld; de evolutie vergelijkt de eerste "
          "en de laatste ingevulde meting. Een doel voor 2030 staat er alleen waar een publiek Vlaams, Belgisch "
          "of Europees streefcijfer bestaat, of waar het bestuur een eigen doel invulde. De opbouw volgt publieke "
          "richtlijnen voor lokale SDG-rapportering (Voluntary Local Reviews).")


def _sdg_list(numbers) -> str:
    return ", ".join(str(n) for n in numbers) or "-"


def _indicator_table(rows: list[dict], with_sdg: bool) -> dict:
    head = ["Indicator"] + (["SDG"] if with_sdg else []) + ["Eerste meting", "Laatste meting", "Evolutie", "Doel 2030", "Afstand tot het doel"]
    body = []
    for r in rows:
        first = f"{r['eerste']['tekst']} ({r['eerste']['jaar']})" if r["eerste"] else "-"
        last = f"{r['laatste']['tekst']} ({r['laatste']['jaar']})" if r["laatste"] and len(r["reeks"]) > 1 else "-"
        evolution = EVOLUTION[r["evolutie"]] + (f" ({r['verschil']})" if r["verschil"] else "")
        goal = r["doel"]
        body.append([f"{r['titel']} ({r['eenheid']})"] + ([_sdg_list(r["sdgs"])] if with_sdg else []) +
                    [first, last, evolution, goal["tekst"] if goal else "geen doel", goal["afstand"] if goal and goal["afstand"] else "-"])
    return {"t": "tabel", "kop": head, "rijen": body,
            "bijschrift": "Evolutie: van de eerste naar de laatste meting, volgens de richting die beter is. Afstand: wat nog nodig is tot het doel."}


def _budget(report: dict) -> list[dict]:
    budget = report["begroting"]
    if not budget:
        return []
    intro = (f"Volgens de SDG-begrotingsscan ({budget['soort'] or 'alle'}; jaren {budget['jaren'] or 'alle'}) "
             f"kreeg {budget['gecodeerd_aandeel'] or 'een deel'} van het budget ({budget['totaal']}) een SDG-code.")
    rows = [s for s in report["sdgs"] if s["aandeel"] is not None]
    return [
        {"t": "alinea", "tekst": intro},
        {"t": "grafiek", "titel": "Aandeel van het budget per SDG",
         "staven": [{"label": f"SDG {s['nummer']}", "nummer": s["nummer"], "promille": s["aandeel"], "tekst": s["aandeel_tekst"]} for s in rows]},
        {"t": "tabel", "kop": ["SDG", "Bedrag", "Aandeel"],
         "rijen": [[f"{s['nummer']}. {s['naam']}", s["bedrag_tekst"], s["aandeel_tekst"]] for s in rows],
         "bijschrift": "Aandeel van het budget per SDG (begrotingsscan)."},
    ]


def _projects(report: dict) -> list[dict]:
    if not report["projecten"]:
        return []
    return [{"t": "tabel", "kop": ["Project", "Positief voor SDG", "Negatief voor SDG"],
             "rijen": [[p["titel"], _sdg_list(p["positief"]), _sdg_list(p["negatief"])] for p in report["projecten"]],
             "bijschrift": "Projecten getoetst met de SDG-projectscan."}]


def _practices(items: list[dict], bestuur: str) -> dict:
    if not items:
        return {"t": "alinea", "tekst": f"De praktijkenbank bevat nog geen praktijk van {bestuur}."}
    return {"t": "lijst", "items": [{"tekst": p["titel"], "pad": p["pad"]} for p in items]}


def _sources(report: dict, guidance: list[dict], level: str) -> list[dict]:
    out = [{"t": "alinea", "tekst": METHOD}]
    if report["bronnen"] and level == "kop3":  # the short chapter: the publishers; the fiches have the rest
        publishers = list(dict.fromkeys(b["uitgever"] for b in report["bronnen"] if b["uitgever"]))
        out.append({"t": "alinea", "tekst": "Bronnen van de cijfers: " + "; ".join(publishers) +
                    ". Elke indicator heeft een fiche in de praktijkenbank met de precieze bron."})
    elif report["bronnen"]:
        out += [{"t": level, "tekst": "Bronnen van de indicatoren"},
                {"t": "lijst", "items": [{"tekst": b["tekst"], "url": b["url"]} for b in report["bronnen"]]}]
    out += [{"t": level, "tekst": "Richtlijnen voor lokale SDG-rapportering"},
            {"t": "lijst", "items": [{"tekst": f"{g['titel']}, {g['uitgever']} (geraadpleegd op {g['geraadpleegd']})", "url": g["url"]}
                                     for g in guidance]}]
    return out


def chapter(report: dict, guidance: list[dict]) -> list[dict]:
    """The short SDG chapter (2 to 4 A4 pages) for the policy evaluation or the annual report."""
    bestuur = report["bestuur"]
    out = [{"t": "kop1", "tekst": f"SDG-hoofdstuk {report['jaar']}: {bestuur}"},
           {"t": "alinea", "tekst": INTRO.format(soort="hoofdstuk", bestuur=bestuur)}]
    written = [p for p in report["ps"] if p["tekst"]]
    if written:
        out.append({"t": "kop2", "tekst": "Bijdrage per P"})
        for p in written:
            out += [{"t": "kop3", "tekst": p["naam"]}, {"t": "alinea", "tekst": p["tekst"]}]
    out.append({"t": "kop2", "tekst": "Indicatoren"})
    out.append(_indicator_table(report["indicatoren"], True) if report["indicatoren"]
               else {"t": "alinea", "tekst": "Er zijn nog geen indicatoren gekozen."})
    if report["begroting"]:
        out += [{"t": "kop2", "tekst": "Budget per SDG"}] + _budget(report)
    if report["projecten"]:
        out += [{"t": "kop2", "tekst": "Projecten getoetst aan de SDG's"}] + _projects(report)
    out += [{"t": "kop2", "tekst": "Praktijken in de praktijkenbank"}, _practices(report["praktijken"], bestuur)]
    out += [{"t": "kop2", "tekst": "Over dit hoofdstuk"}] + _sources(report, guidance, "kop3")
    return out


def _tile_lines(s: dict) -> list[str]:
    lines = [f"Budget: {s['aandeel_tekst']}" if s["aandeel_tekst"] else "Budget: niet gescand"]
    count = len(s["indicatoren"])
    lines.append(f"Indicatoren: {count}" + (f" ({s['beter']} beter, {s['slechter']} slechter)" if count else ""))
    return lines


def vlr(report: dict, guidance: list[dict]) -> list[dict]:
    """The VLR-light: cover, summary with the 17 tiles, a chapter per P, methods and sources."""
    bestuur = report["bestuur"]
    rows = {r["slug"]: r for r in report["indicatoren"]}
    out = [{"t": "voorblad", "titel": "Lokale SDG-rapportering (VLR-light)", "ondertitel": bestuur,
            "regels": [f"Rapport {report['jaar']}", "Gemaakt met de SDG-rapportbouwer van de praktijkenbank"]},
           {"t": "einde"},
           {"t": "kop1", "tekst": "Samenvatting"},
           {"t": "alinea", "tekst": INTRO.format(soort="rapport", bestuur=bestuur)},
           {"t": "tegels", "tegels": [{"nummer": s["nummer"], "naam": s["naam"], "regels": _tile_lines(s)} for s in report["sdgs"]]},
           {"t": "tabel", "kop": ["SDG", "Aandeel budget", "Indicatoren", "Beter", "Slechter", "Projecten", "Praktijken"],
            "rijen": [[f"{s['nummer']}. {s['naam']}", s["aandeel_tekst"] or "-", str(len(s["indicatoren"])), str(s["beter"]),
                       str(s["slechter"]), str(len(s["projecten"])), str(len(s["praktijken"]))] for s in report["sdgs"]],
            "bijschrift": "De 17 SDG's in cijfers (dezelfde gegevens als de tegels)."},
           {"t": "einde"}]
    for p in report["ps"]:
        out.append({"t": "kop1", "tekst": p["naam"] + (f" ({p['aandeel_tekst']} van het budget)" if p["aandeel_tekst"] else "")})
        out.append({"t": "alinea", "tekst": p["tekst"] or "Voor deze P is nog geen tekst geschreven."})
        for n in p["sdgs"]:
            s = report["sdgs"][n - 1]
            out.append({"t": "kop2", "tekst": f"SDG {n}: {s['naam']}"})
            out.append({"t": "alinea", "tekst": f"Aandeel van het budget: {s['aandeel_tekst']} ({s['bedrag_tekst']})."
                        if s["aandeel_tekst"] else "Aandeel van het budget: niet gescand."})
            if s["indicatoren"]:
                out.append(_indicator_table([rows[slug] for slug in s["indicatoren"]], False))
            if s["projecten"]:
                out.append({"t": "lijst", "items": [{"tekst": f"Project: {x['titel']} ({x['effect']} effect)"} for x in s["projecten"]]})
            if s["praktijken"]:
                out.append({"t": "lijst", "items": [{"tekst": f"Praktijk: {x['titel']}", "pad": x["pad"]} for x in s["praktijken"]]})
        out.append({"t": "einde"})
    out += [{"t": "kop1", "tekst": "Methode en bronnen"}] + _sources(report, guidance, "kop2")
    return out


def blocks(report: dict, guidance: list[dict]) -> list[dict]:
    return vlr(report, guidance) if report["vorm"] == "vlr" else chapter(report, guidance)
