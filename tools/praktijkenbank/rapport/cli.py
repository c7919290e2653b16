"""``praktijkenbank rapport``: the SDG report builder on the command line (Markdown and .docx).

Same inputs as the page rapport/ (or its saved .json), same figures. Exit codes: 0 report
made (bad rows of a CSV are listed, not fatal), 1 an input cannot be used, 2 wrong command.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from ..records.vocab import load_vocab


def add_arguments(subparsers) -> None:
    parser = subparsers.add_parser("rapport", help="maak het SDG-hoofdstuk of een VLR-light (Markdown en .docx)")
    parser.add_argument("--invoer", metavar="JSON", help="een rapport dat op de site bewaard werd (.json)")
    parser.add_argument("--bestuur", metavar="NAAM", help="gemeente of provincie, bv. 'Gent' of 'Provincie Limburg'")
    parser.add_argument("--vorm", choices=["hoofdstuk", "vlr"], help="hoofdstuk (standaard) of vlr (VLR-light)")
    parser.add_argument("--datum", metavar="JJJJ-MM-DD", help="datum van het rapport (standaard: vandaag)")
    parser.add_argument("--indicator", action="append", default=[], metavar="SLUG", help="een indicator (mag meermaals)")
    parser.add_argument("--starterset", action="store_true", help="alle indicatoren van de starterset")
    parser.add_argument("--waarden", metavar="CSV", help="waarden: indicator;jaar;waarde")
    parser.add_argument("--begroting", metavar="CSV", help="de samenvatting (CSV) van de SDG-begrotingsscan")
    parser.add_argument("--projectscan", action="append", default=[], metavar="CSV", help="een CSV van de SDG-projectscan (mag meermaals)")
    parser.add_argument("--tekst", action="append", default=[], metavar="P=TEKST", help="tekst voor een P, bv. mens='...'")
    parser.add_argument("--markdown", metavar="UIT", help="schrijf het rapport als Markdown")
    parser.add_argument("--docx", metavar="UIT", help="schrijf het rapport als Word-bestand (.docx)")
    parser.add_argument("--json", metavar="UIT", help="schrijf de cijfers van het rapport als JSON (voor tests en scripts)")
    parser.add_argument("--map", default=".", metavar="MAP", help="map met practices/ en indicators/ (standaard: hier)")
    parser.add_argument("--site-url", default="", metavar="URL", help="adres van de site, voor de links naar praktijken")
    parser.set_defaults(func=main)


class InputError(Exception):
    """An input cannot be used (Dutch message)."""


def _text(path: str) -> str:
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except OSError:
        raise InputError(f"{path}: het bestand bestaat niet of kan niet gelezen worden.") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: het bestand is geen UTF-8-tekst. Bewaar het als 'CSV UTF-8'.") from None


def collect(args, catalogue: list[dict], vocab, warn) -> dict:
    """The inputs dict of model.build, from a saved file and/or the options (options win)."""
    from . import catalogus, invoer

    inputs = {"bestuur": "", "vorm": "hoofdstuk", "datum": dt.date.today().isoformat(), "indicatoren": [],
              "waarden": {}, "doelen": {}, "begroting": None, "projecten": [], "teksten": {}}
    if args.invoer:
        try:
            saved = json.loads(_text(args.invoer))
        except ValueError:
            raise InputError(f"{args.invoer}: dit is geen geldig JSON-bestand.") from None
        if not isinstance(saved, dict) or saved.get("soort") != "praktijkenbank-sdg-rapport":
            raise InputError(f"{args.invoer}: dit is geen bewaard rapport van de SDG-rapportbouwer.")
        inputs.update({k: v for k, v in saved.items() if k in inputs and v is not None})
    for key in ("bestuur", "vorm", "datum"):
        if getattr(args, key):
            inputs[key] = getattr(args, key)
    known = {g["naam"] for g in catalogus.governments(vocab)}
    if inputs["bestuur"] and inputs["bestuur"] not in known:
        raise InputError(f"'{inputs['bestuur']}' is geen Vlaamse gemeente of provincie (schrijf bv. 'Gent' of 'Provincie Limburg').")
    slugs = {c["slug"] for c in catalogue}
    for slug in args.indicator:
        if slug not in slugs:
            raise InputError(f"de indicator '{slug}' bestaat niet (zie indicators/).")
    chosen = list(inputs["indicatoren"]) + list(args.indicator)
    if args.starterset:
        chosen += [c["slug"] for c in catalogue if c["set"] == "starter"]
    if args.waarden:
        result = invoer.read_values(_text(args.waarden), catalogue, int(str(inputs["datum"])[:4]))
        for line in result["fouten"]:
            warn(f"{args.waarden}: {line}")
        for slug, values in result["waarden"].items():
            inputs["waarden"].setdefault(slug, {}).update(values)
            chosen.append(slug)
        inputs["doelen"].update(result["doelen"])
    inputs["indicatoren"] = list(dict.fromkeys(chosen))
    if args.begroting:
        result = invoer.read_budget(_text(args.begroting))
        for line in result["fouten"]:
            warn(f"{args.begroting}: {line}")
        if result["begroting"]:
            inputs["begroting"] = result["begroting"]
    for path in args.projectscan:
        result = invoer.read_projects(_text(path))
        for line in result["fouten"]:
            warn(f"{path}: {line}")
        inputs["projecten"] = [p for p in inputs["projecten"] if p["titel"] not in {q["titel"] for q in result["projecten"]}] + result["projecten"]
    for pair in args.tekst:
        pid, _, text = pair.partition("=")
        if pid not in vocab.ps:
            raise InputError(f"--tekst {pair}: '{pid}' is geen P (kies uit {', '.join(vocab.ps)}).")
        inputs["teksten"][pid] = text
    return inputs


def main(args) -> int:
    from . import blokken, catalogus, invoer, model, uitvoer

    vocab = load_vocab()
    root = Path(args.map)
    site = catalogus.load_site([root / vocab.kinds[k].folder for k in ("praktijk", "indicator")], vocab)
    catalogue = catalogus.catalogue(site)
    warnings: list[str] = []
    try:
        inputs = collect(args, catalogue, vocab, warnings.append)
    except InputError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1
    for line in warnings:
        print(f"let op: {line}", file=sys.stderr)
    practices = catalogus.practices_by_government(site).get(inputs["bestuur"], [])
    report = model.build(inputs, catalogue, practices, catalogus.names(vocab))
    blocks = blokken.blocks(report, invoer.config()["richtlijnen"])
    written = []
    if args.markdown:
        Path(args.markdown).write_text(uitvoer.markdown(blocks, args.site_url), encoding="utf-8")
        written.append(args.markdown)
    if args.docx:
        Path(args.docx).write_bytes(uitvoer.docx_bytes(blocks, f"SDG-rapport {report['bestuur']}", args.site_url))
        written.append(args.docx)
    if args.json:
        Path(args.json).write_text(json.dumps({"invoer": inputs, "rapport": report, "blokken": blocks},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(args.json)
    if not written:
        sys.stdout.write(uitvoer.markdown(blocks, args.site_url))
    else:
        print(f"Rapport ({'VLR-light' if report['vorm'] == 'vlr' else 'SDG-hoofdstuk'}) voor {report['bestuur']}: "
              f"{len(report['indicatoren'])} indicatoren, geschreven naar {', '.join(written)}.")
    return 0
