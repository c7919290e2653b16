"""'praktijkenbank nieuw --soort modeltekst': a model text of the bank is an instrument with
'vorm: modeltekst', 'invulvelden' and its text under the last heading '## Modeltekst'
(records/modeltext.py). The scaffold of an instrument, with those filled in and no 'links'."""

from __future__ import annotations

import re

from ..records import modeltext
from ..records.validate import PLACEHOLDER

ALIAS = "modeltekst"  # the value of --soort
FIELDS = ["naam gemeente", "datum"]
PUBLISHER = "Praktijkenbank SDG's en lokaal mondiaal beleid"
_LINKS_RE = re.compile(r"^links:\n(?:  .*\n)*", re.M)


def prepare(meta: dict) -> dict:
    """The metadata of a new model text: form, fill-in fields, publisher and licence of the bank."""
    meta = dict(meta)
    meta["vorm"] = modeltext.FORM
    meta.setdefault("invulvelden", list(FIELDS))
    meta.setdefault("uitgever", PUBLISHER)
    meta.setdefault("licentie", "CC BY 4.0")
    return meta


def finish(text: str) -> str:
    """No 'links' (the text is on the fiche itself) and the section with the text, to write."""
    text = _LINKS_RE.sub("# links:\n", text, count=1)
    return text.rstrip("\n") + (
        f"\n\n## {modeltext.HEADING}\n\n{PLACEHOLDER}: de tekst zelf, in je eigen woorden. Zet wat de gebruiker invult "
        "tussen vierkante haakjes, in kleine letters, zoals in 'invulvelden': [naam gemeente], [datum]. Gebruik "
        "'###' voor tussentitels, '-' voor opsommingen en '1.' voor genummerde artikels.\n")
