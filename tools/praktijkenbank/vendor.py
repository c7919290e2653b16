"""Browser libraries from npm, copied into the built site (never a CDN).

Each library is pinned exactly in package.json / package-lock.json and
installed by ``npm ci`` (``make`` does it). The build copies the file the site
needs from ``node_modules/`` to ``assets/vendor/<package>/`` with the
package's licence next to it, so a visitor's browser only ever talks to this
site. A missing or different version fails the build with a Dutch message.

``qrcode-generator`` (MIT, Kazuhiko Arase): draws the QR code with the link to
a fiche when it is printed (``docs/assets/fiche.js``). Drawn in the browser and
not at build time: a Python QR library costs ±5 ms per fiche (50 s at 10,000
practices) and ±3 kB more in every fiche; see README ("Afdrukken").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path


class VendorError(Exception):
    """A browser library is missing or not the pinned version (message in Dutch)."""


@dataclass(frozen=True)
class Library:
    package: str
    source: str  # file inside the package
    licence: str | None  # licence file inside the package; None: taken from the source's header comment

    @property
    def target(self) -> str:
        return f"assets/vendor/{self.package}/{Path(self.source).name}"

    @property
    def licence_target(self) -> str:
        return f"assets/vendor/{self.package}/LICENSE.txt"


LIBRARIES = [Library("qrcode-generator", "dist/qrcode.js", None)]

_HEADER = re.compile(r"\A((?://[^\n]*\n)+)")


def _pinned(root: Path, package: str) -> str:
    spec = json.loads((root / "package.json").read_text(encoding="utf-8"))
    pins = {**spec.get("dependencies", {}), **spec.get("devDependencies", {})}
    if package not in pins:
        raise VendorError(f"{package} staat niet in package.json; voeg het toe met een vaste versie")
    return pins[package]


def _licence_text(folder: Path, library: Library, meta: dict) -> str:
    if library.licence:
        return (folder / library.licence).read_text(encoding="utf-8")
    # The package ships no licence file: its licence is stated in package.json and in the
    # header comment of the file itself, which is served unchanged next to this note.
    header = _HEADER.match((folder / library.source).read_text(encoding="utf-8"))
    lines = [f"{library.package} {meta['version']}, licentie: {meta.get('license', 'onbekend')}",
             f"Bron: {meta.get('repository', {}).get('url', '')}".rstrip(), "",
             "Uit de kop van het bestand:", ""]
    return "\n".join(lines) + (header.group(1) if header else "") + "\n"


def files(root: Path) -> dict[str, tuple[str | None, str | None]]:
    """{path in the site: (absolute source path, or None; text content, or None)} of every library."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for library in LIBRARIES:
        folder = root / "node_modules" / library.package
        try:
            meta = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise VendorError(f"de browserbibliotheek {library.package} ontbreekt in node_modules/. "
                              f"Voer 'npm ci' uit in {root} (of gebruik 'make build' / 'make serve').") from None
        wanted = _pinned(root, library.package)
        if meta.get("version") != wanted:
            raise VendorError(f"node_modules/{library.package} heeft versie {meta.get('version')}, package.json "
                              f"vraagt {wanted}. Voer 'npm ci' uit.")
        source = folder / library.source
        if not source.is_file():
            raise VendorError(f"{source} ontbreekt; voer 'npm ci' uit.")
        out[library.target] = (str(source), None)
        out[library.licence_target] = (None, _licence_text(folder, library, meta))
    return out
