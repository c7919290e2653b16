"""'We doen dit ook': an issue made with ``.github/ISSUE_TEMPLATE/we-doen-dit-ook.yml`` adds a
government to the list ``navolgers`` of an existing practice.

``praktijkenbank uit-issue`` recognises this form by its first question and calls :func:`apply`;
the workflow ``praktijk-uit-issue.yml`` is the same safe route as for a new practice (the body is
parsed without write permissions, the result goes to a pull request for review).

The issue body is untrusted: it is read as data, the practice is only looked up among the files
that exist, every value is written as a JSON string (valid YAML), and what does not fit (an unknown
government, a duplicate) is written as given so that the validator explains it in the pull request.
The front matter is edited as text, so the rest of the record keeps its exact form.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from ..records.vocab import Vocab, load_vocab
from .issueform import _is_empty, _text, load_form, parse_checkboxes, split_sections
from .scaffold import Invalid, parse_government

FORM_PATH = Path(".github/ISSUE_TEMPLATE/we-doen-dit-ook.yml")
_REPO_FORM = Path(__file__).resolve().parents[3] / FORM_PATH
_SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FollowerError(Exception):
    """The issue cannot be applied (message in Dutch)."""


def form_fields():
    return load_form(FORM_PATH if FORM_PATH.exists() else _REPO_FORM)


def is_follower_issue(body: str) -> bool:
    """True when the body was made with the form 'We doen dit ook' (its first question is there)."""
    first = form_fields()[0].label
    return re.search(rf"^###[ \t]+{re.escape(first)}[ \t]*$", body, re.M) is not None


def practice_slug(answer: str) -> str | None:
    """'https://.../praktijken/<slug>/' or '<slug>' or '<slug>.md' -> slug (None if it is neither)."""
    text = (answer or "").strip().strip("<>").strip()
    match = re.search(r"praktijken/([a-z0-9-]+)/?(?:[?#].*)?$", text)
    slug = match.group(1) if match else text.rsplit("/", 1)[-1].removesuffix(".md")
    return slug if _SLUG_RE.match(slug) else None


def parse(body: str, vocab: Vocab, today: dt.date) -> tuple[str | None, dict, list[str]]:
    """Issue body -> (practice slug, the 'navolgers' entry, notes for the reviewer)."""
    fields = form_fields()
    answers = split_sections(body, fields)
    notes: list[str] = []
    slug = practice_slug(answers.get("praktijk", ""))
    raw_name = _text(answers.get("bestuur", "")) or ""
    try:
        entry = parse_government(raw_name, vocab)
    except Invalid as exc:
        notes.append(f"Bestuur: {exc.message}")
        entry = {"naam": raw_name}
    year = re.search(r"\b(19|20)\d{2}\b", answers.get("sinds", ""))
    if year:
        entry["sinds"] = int(year.group(0))
    elif not _is_empty(answers.get("sinds", "")):
        notes.append(f"Sinds: '{answers['sinds'].strip()}' is geen jaartal; weggelaten.")
    url = _text(answers.get("url", ""))
    if url and re.match(r"^https://\S+$", url):
        entry["url"] = url
    elif url:
        notes.append(f"Webpagina: '{url}' begint niet met https://; weggelaten.")
    entry["gemeld"] = today.isoformat()
    checked = parse_checkboxes(answers.get("bevestiging", ""))
    confirmation = next((f for f in fields if f.id == "bevestiging"), None)
    if confirmation and len(checked) < len(confirmation.options):
        notes.append("Niet alle bevestigingen zijn aangevinkt: vraag het bestuur om te bevestigen dat het de praktijk echt overnam.")
    return slug, entry, notes


def _item_lines(entry: dict) -> list[str]:
    lines = []
    for number, (key, value) in enumerate(entry.items()):
        text = json.dumps(value, ensure_ascii=False)
        lines.append(("  - " if number == 0 else "    ") + f"{key}: {text}")
    return lines


def add_follower(text: str, entry: dict) -> str:
    """The record text with ``entry`` appended to 'navolgers' (created before 'toegevoegd' if absent)."""
    if not text.startswith("---"):
        raise FollowerError("het record heeft geen YAML-kop (---).")
    end = text.find("\n---", 3)
    if end < 0:
        raise FollowerError("de YAML-kop van het record is niet afgesloten (---).")
    head, rest = text[:end + 1].split("\n"), text[end + 1:]
    item = _item_lines(entry)
    index = next((i for i, line in enumerate(head) if re.match(r"^navolgers\s*:", line)), None)
    if index is not None and re.match(r"^navolgers\s*:\s*\[\s*\]\s*$", head[index]):
        head[index] = "navolgers:"
    if index is not None and head[index].rstrip() == "navolgers:":
        stop = index + 1
        while stop < len(head) and head[stop].startswith((" ", "\t", "-", "#")):
            stop += 1
        head[stop:stop] = item
    elif index is not None:
        raise FollowerError("'navolgers' staat niet als lijst onder elkaar in het record; voeg de navolger zelf toe.")
    else:
        at = next((i for i, line in enumerate(head) if re.match(r"^(toegevoegd|geverifieerd|verwant)\s*:", line)),
                  len(head) - 1)
        head[at:at] = ["navolgers:"] + item
    return "\n".join(head) + rest


def apply(body: str, folder: Path, vocab: Vocab | None = None, today: dt.date | None = None) -> tuple[Path, str, list[str]]:
    """Issue body -> (path of the practice, its new text, notes). Writes nothing."""
    vocab = vocab or load_vocab()
    today = today or dt.date.today()
    slug, entry, notes = parse(body, vocab, today)
    if slug is None:
        raise FollowerError("het issue noemt geen praktijk (geef het adres van de fiche of de naam van het bestand).")
    path = Path(folder) / f"{slug}.md"
    if not path.is_file():
        raise FollowerError(f"de praktijk '{slug}' bestaat niet in {folder}/. Controleer het adres van de fiche.")
    text = path.read_text(encoding="utf-8")
    return path, add_follower(text, entry), notes
