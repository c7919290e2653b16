"""``praktijkenbank vingerafdruk MAP``: rewrite the fingerprint of the seed documents (see :mod:`.overlap`)."""

from __future__ import annotations

import sys
from pathlib import Path


def add_arguments(subparsers) -> None:
    parser = subparsers.add_parser(
        "vingerafdruk", help="maak de vingerafdruk van de brondocumenten opnieuw (voor de test op overgenomen tekst)")
    parser.add_argument("map", metavar="MAP", help="map met de brondocumenten (de bestanden uit brondocumenten.yaml)")
    parser.set_defaults(func=main)


def main(args) -> int:
    from ..records.overlap import FINGERPRINT_PATH, write_fingerprint

    folder = Path(args.map)
    if not folder.is_dir():
        print(f"praktijkenbank vingerafdruk: de map {folder} bestaat niet.", file=sys.stderr)
        return 1
    try:
        count = write_fingerprint(folder)
    except FileNotFoundError as exc:
        print(f"praktijkenbank vingerafdruk: brondocument niet gevonden: {exc.filename}", file=sys.stderr)
        return 1
    print(f"Vingerafdruk bijgewerkt: {FINGERPRINT_PATH} ({count} reeksen van 8 woorden).")
    return 0
