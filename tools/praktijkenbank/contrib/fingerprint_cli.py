"""``praktijkenbank vingerafdruk MAP``: rewrite the fingerprint of the seed documents (see :mod:`.overlap`)."""

from __future__ import annotations

import sys
from pathlib import Path


def add_arguments(subparsers) -> None:
    parser = subparsers.add_parser(
        "vingerafdruk", help="maak de vingerafdruk van de brondocumenten opnieuw (voor de test op overgenomen tekst)")
    parser.add_argument("map", metavar="MAP", help="map met de brondocumenten (de bestanden uit brondocumenten.yaml)")
    parser.add_argument("--webbronnen", action="store_true",
                        help="MAP bevat webpagina's als tekst (.txt of .md) waaruit je schreef: voeg ze toe aan "
                             "data/webbronnen.vingerafdruk (de pagina's zelf komen niet in de repository)")
    parser.set_defaults(func=main)


def main(args) -> int:
    from ..records.overlap import FINGERPRINT_PATH, write_fingerprint

    folder = Path(args.map)
    if not folder.is_dir():
        print(f"praktijkenbank vingerafdruk: de map {folder} bestaat niet.", file=sys.stderr)
        return 1
    if getattr(args, "webbronnen", False):
        from ..records.overlap import WEB_FINGERPRINT_PATH, add_web_fingerprint

        files, count = add_web_fingerprint(folder)
        print(f"Vingerafdruk bijgewerkt: {WEB_FINGERPRINT_PATH} ({files} pagina's gelezen; {count} reeksen van 8 woorden).")
        return 0
    try:
        count = write_fingerprint(folder)
    except FileNotFoundError as exc:
        print(f"praktijkenbank vingerafdruk: brondocument niet gevonden: {exc.filename}", file=sys.stderr)
        return 1
    print(f"Vingerafdruk bijgewerkt: {FINGERPRINT_PATH} ({count} reeksen van 8 woorden).")
    return 0
