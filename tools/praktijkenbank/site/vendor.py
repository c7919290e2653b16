"""Browser libraries from npm, committed under ``docs/assets/vendor/`` (never a CDN).

Each library is pinned exactly in package.json / package-lock.json. The file
the site needs is committed, unchanged, at ``docs/assets/vendor/<package>/``
with the package's licence next to it, so:

* a build needs no npm and a visitor's browser only ever talks to this site;
* ``make vendor`` (:func:`sync`) copies the pinned versions from
  ``node_modules/`` after a version change in package.json;
* a test (:func:`differences`) fails when a committed copy is not byte for
  byte the pinned package's file, or when its licence is missing.

The libraries:

``qrcode-generator`` (MIT): draws the QR code with the link to a fiche when it
is printed (``docs/assets/fiche.js``). Drawn in the browser and not at build
time: a Python QR library costs about 5 ms per fiche (50 s at 10,000
practices) and about 3 kB more in every fiche; see README ("Afdrukken").

``papaparse`` (MIT) reads CSV files and ``fflate`` (MIT) unzips .xlsx files in
the SDG budget scan (``begroting/``).

``docx`` (MIT) writes the .docx of the SDG report builder (``rapport/``) in the browser: the
council secretary edits it in Word or LibreOffice. About 1 MB, so the page loads it only when
someone asks for a .docx (``docs/assets/rapport/docx.js``); python-docx does the same on the
command line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

VENDOR_DIR = "docs/assets/vendor"


class VendorError(Exception):
    """A browser library is missing or not the pinned version (message in Dutch)."""


@dataclass(frozen=True)
class Library:
    package: str
    source: str  # file inside the package
    served: str  # file name in docs/assets/vendor/<package>/
    licence: str | None  # licence file inside the package; None: taken from the source's header comment

    @property
    def target(self) -> str:
        """Path inside the repository."""
        return f"{VENDOR_DIR}/{self.package}/{self.served}"

    @property
    def licence_target(self) -> str:
        return f"{VENDOR_DIR}/{self.package}/LICENSE.txt"

    @property
    def url(self) -> str:
        """Path inside the site."""
        return self.target.removeprefix("docs/")


LIBRARIES = [
    Library("qrcode-generator", "dist/qrcode.js", "qrcode.js", None),
    Library("papaparse", "papaparse.min.js", "papaparse.min.js", "LICENSE"),
    Library("fflate", "umd/index.js", "fflate.min.js", "LICENSE"),
    Library("docx", "dist/index.iife.js", "docx.js", "LICENSE"),
]
BY_PACKAGE = {library.package: library for library in LIBRARIES}

_HEADER = re.compile(r"\A((?://[^\n]*\n)+)")


def pinned(root: Path) -> dict[str, str]:
    """{package: version} from package.json (exact pins only)."""
    spec = json.loads((root / "package.json").read_text(encoding="utf-8"))
    return {**spec.get("dependencies", {}), **spec.get("devDependencies", {})}


def _licence_text(folder: Path, library: Library, meta: dict) -> str:
    if library.licence:
        text = (folder / library.licence).read_text(encoding="utf-8")
        return f"{library.package} {meta['version']}, licentie: {meta.get('license', 'onbekend')}\n\n{text}"
    # The package ships no licence file: its licence is stated in package.json and in the
    # header comment of the file itself, which is served unchanged next to this note.
    header = _HEADER.match((folder / library.source).read_text(encoding="utf-8"))
    lines = [f"{library.package} {meta['version']}, licentie: {meta.get('license', 'onbekend')}",
             f"Bron: {meta.get('repository', {}).get('url', '')}".rstrip(), "",
             "Uit de kop van het bestand:", ""]
    return "\n".join(lines) + (header.group(1) if header else "") + "\n"


def expected(root: Path) -> dict[str, bytes]:
    """{repository path: content} the committed copies must have, from node_modules/."""
    pins = pinned(root)
    out: dict[str, bytes] = {}
    for library in LIBRARIES:
        if library.package not in pins:
            raise VendorError(f"{library.package} staat niet in package.json; voeg het toe met een vaste versie")
        folder = root / "node_modules" / library.package
        try:
            meta = json.loads((folder / "package.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise VendorError(f"de browserbibliotheek {library.package} ontbreekt in node_modules/. "
                              f"Voer 'npm ci' uit in {root}.") from None
        if meta.get("version") != pins[library.package]:
            raise VendorError(f"node_modules/{library.package} heeft versie {meta.get('version')}, package.json "
                              f"vraagt {pins[library.package]}. Voer 'npm ci' uit.")
        source = folder / library.source
        if not source.is_file():
            raise VendorError(f"{source} ontbreekt; voer 'npm ci' uit.")
        out[library.target] = source.read_bytes()
        out[library.licence_target] = _licence_text(folder, library, meta).encode("utf-8")
    return out


def differences(root: Path) -> list[str]:
    """Committed copies that differ from (or lack) what node_modules/ holds; [] when all match."""
    problems = []
    for path, content in expected(root).items():
        target = root / path
        if not target.is_file():
            problems.append(f"{path} ontbreekt")
        elif target.read_bytes() != content:
            problems.append(f"{path} verschilt van de vastgepinde versie in node_modules/")
    return problems


def sync(root: Path) -> list[str]:
    """Write the committed copies from node_modules/; returns the paths that changed."""
    changed = []
    for path, content in expected(root).items():
        target = root / path
        if not target.is_file() or target.read_bytes() != content:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            changed.append(path)
    return changed


def main(argv: list[str] | None = None) -> int:
    """``python -m praktijkenbank.site.vendor [MAP]``: refresh docs/assets/vendor/ (``make vendor``)."""
    import sys

    args = sys.argv[1:] if argv is None else argv
    root = Path(args[0] if args else ".").resolve()
    try:
        changed = sync(root)
    except VendorError as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 1
    for path in changed:
        print(f"bijgewerkt: {path}")
    if not changed:
        print("De browserbibliotheken in docs/assets/vendor/ zijn al de vastgepinde versies.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
