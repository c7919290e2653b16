"""``praktijkenbank uit-issue``: turn an issue made with the form
``.github/ISSUE_TEMPLATE/nieuwe-praktijk.yml`` into ``practices/<slug>.md``
(an issue made with 'We doen dit ook' adds a follower to a practice instead: see :mod:`followers`).

GitHub renders the answers of an issue form as Markdown sections::

    ### Titel van de praktijk

    Heuvelland codeert ...

    ### SDG's

    SDG 16: Vrede, justitie en sterke publieke diensten, SDG 17: Partnerschap ...

Empty answers are ``_No response_`` (an empty dropdown: ``None``), a dropdown
with ``multiple`` is a comma-separated list and checkboxes are ``- [X] label``
lines. The labels are read from the form itself, so they are defined once.

The issue body is untrusted input: it is only ever read from a file or
standard input (never pasted into a shell command), every value is written
through the same YAML serialiser as the scaffold, and what does not fit is
kept as given so the validator explains it in the pull request.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..records.load import display_path
from .scaffold import parse_government, render_record, suggest_slug, write_new, Invalid, DEFAULT_DIR
from ..records.vocab import Vocab, load_vocab
from .cli_nl import date_option
from .pr_body import NO_NOTES

FORM_PATH = Path(".github/ISSUE_TEMPLATE/nieuwe-praktijk.yml")
_REPO_FORM = Path(__file__).resolve().parents[3] / FORM_PATH
EMPTY = {"_no response_", "none", ""}
# Control characters (a NUL byte, escape codes) and bidirectional overrides never reach a record.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# Form field id -> record field, for the answers that map one to one.
# (The four body sections are matched by their heading, see vocab.sections.)
FORM_FIELDS = {
    "titel": "titel",
    "samenvatting": "samenvatting",
    "besturen": "besturen",
    "organisaties": "besturen",
    "periode": "periode",
    "sdgs": "sdgs",
    "subdoelen": "subdoelen",
    "themas": "themas",
    "fasen": "fasen",
    "niveau": "niveau",
    "status": "status",
    "alle_sdgs": "alle_sdgs",
    "bron_titel": "bronnen",
    "bron_uitgever": "bronnen",
    "bron_url": "bronnen",
    "bron_document": "bronnen",
    "contact_organisatie": "contact",
    "contact_dienst": "contact",
    "contact_email": "contact",
    "verwant": "verwant",
    "beleidsdomeinen": "beleidsdomeinen",
    "bewijs": "bewijs",
    "partners": "partners",
    "personeelsinzet": "personeelsinzet",
    "duur": "duur",
    "wat_niet_werkte": "wat_niet_werkte",
}
# Record fields the form does not ask: set by the tool or derived.
# (vijf_p, instrumenten and productgroepen: added by a maintainer who knows the source and the bank.)
# (subdomeinen and kost: added by a maintainer; navolgers: through the form 'We doen dit ook', see followers.py.)
NOT_IN_FORM = {"toegevoegd", "geverifieerd", "vijf_p", "instrumenten", "productgroepen", "subdomeinen", "kost",
               "navolgers"}
YES_NO = ["Nee", "Ja"]


# ----------------------------------------------------------------- labels ---

def sdg_label(number: int, vocab: Vocab) -> str:
    return f"SDG {number}: {vocab.sdgs[number]['naam']}"


def expected_options(vocab: Vocab | None = None) -> dict[str, list[str]]:
    """Form field id -> the option labels it must have, derived from the vocabularies."""
    vocab = vocab or load_vocab()
    return {
        "sdgs": [sdg_label(n, vocab) for n in vocab.sdgs],
        "themas": [t["naam"] for t in vocab.themes.values()],
        "fasen": [p["naam"] for p in vocab.phases.values()],
        "niveau": [lv["naam"] for lv in vocab.levels.values()],
        "status": [st["naam"] for st in vocab.statuses.values()],
        "bron_document": [d["titel"] for d in vocab.documents.values()],
        "alle_sdgs": YES_NO,
        "beleidsdomeinen": [d["naam"] for d in vocab.domains.values()],
        "bewijs": [e["naam"] for e in vocab.evidence.values()],
    }


def expected_sections(vocab: Vocab | None = None) -> list[tuple[str, str]]:
    """(label, description) of the four text sections: the fiche outline."""
    vocab = vocab or load_vocab()
    return [(s["kop"], s["hulp"]) for s in vocab.sections]


def _label_to_id(vocab: Vocab) -> dict[str, dict[str, object]]:
    return {
        "sdgs": {sdg_label(n, vocab): n for n in vocab.sdgs},
        "themas": {t["naam"]: tid for tid, t in vocab.themes.items()},
        "fasen": {p["naam"]: pid for pid, p in vocab.phases.items()},
        "niveau": {lv["naam"]: lid for lid, lv in vocab.levels.items()},
        "status": {st["naam"]: sid for sid, st in vocab.statuses.items()},
        "bron_document": {d["titel"]: did for did, d in vocab.documents.items()},
        "alle_sdgs": {"Ja": True, "Nee": False},
        "beleidsdomeinen": {d["naam"]: did for did, d in vocab.domains.items()},
        "bewijs": {e["naam"]: eid for eid, e in vocab.evidence.items()},
    }


# ------------------------------------------------------------------- form ---

@dataclass
class FormField:
    id: str
    type: str
    label: str
    options: list[str] = field(default_factory=list)
    multiple: bool = False


def load_form(path: Path | None = None) -> list[FormField]:
    """The answerable fields of the issue form, in order."""
    if path is None:
        path = FORM_PATH if FORM_PATH.exists() else _REPO_FORM
    form = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    fields = []
    for item in form.get("body", []):
        if item.get("type") == "markdown":
            continue
        attributes = item.get("attributes", {})
        options = [o["label"] if isinstance(o, dict) else str(o) for o in attributes.get("options", [])]
        fields.append(FormField(item.get("id", ""), item["type"], attributes["label"], options,
                                bool(attributes.get("multiple"))))
    return fields


# ------------------------------------------------------------------ parse ---

def split_sections(body: str, fields: list[FormField], notes: list[str] | None = None) -> dict[str, str]:
    """Field id -> raw answer text.

    GitHub writes every label as a '### <label>' heading, in form order. A
    contributor may type such a heading inside an answer too; the headings are
    therefore matched from the end, each label at its last place before the next
    label's heading, so a heading typed in an earlier answer cannot shift the
    later sections. A label heading that occurs more than once is noted in
    ``notes``: the reviewer checks that section.
    """
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    headings = [(m.start(), m.end(), m.group(1).strip()) for m in re.finditer(r"^###[ \t]+(.+?)[ \t]*$", text, re.M)]
    found: list[tuple[int, int, FormField]] = []
    limit = len(headings)
    for form_field in reversed(fields):
        for index in range(limit - 1, -1, -1):
            if headings[index][2] == form_field.label:
                found.append((headings[index][0], headings[index][1], form_field))
                limit = index
                break
    found.reverse()
    answers = {}
    for number, (start, end, form_field) in enumerate(found):
        stop = found[number + 1][0] if number + 1 < len(found) else len(text)
        answers[form_field.id] = text[end:stop].strip("\n").strip()
    labels = {f.label for f in fields}
    repeated = sorted({label for *_, label in headings if label in labels
                       and sum(1 for *_, other in headings if other == label) > 1})
    if repeated and notes is not None:
        notes.append("Een antwoord bevat een kop zoals die van het formulier (" + ", ".join(f"'### {r}'" for r in repeated)
                     + "); kijk na of elke sectie de juiste tekst heeft.")
    return answers


def _is_empty(value: str) -> bool:
    return value.strip().lower() in EMPTY


def parse_dropdown(value: str, options: list[str]) -> tuple[list[str], list[str]]:
    """Selected options of a dropdown; option labels may themselves contain ', '.

    Returns (known options, unknown pieces).
    """
    if _is_empty(value):
        return [], []
    pieces = [p.strip() for p in value.split(",")]
    chosen, unknown = [], []
    index = 0
    while index < len(pieces):
        for stop in range(len(pieces), index, -1):  # longest match first
            candidate = ", ".join(pieces[index:stop])
            if candidate in options:
                chosen.append(candidate)
                index = stop
                break
        else:
            if pieces[index]:
                unknown.append(pieces[index])
            index += 1
    return chosen, unknown


def parse_checkboxes(value: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"^\s*-\s\[[xX]\]\s(.+)$", value, re.M)]


def _lines(value: str) -> list[str]:
    if _is_empty(value):
        return []
    out = []
    for line in value.split("\n"):
        line = re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", line).strip()
        if line and not _is_empty(line):
            out.append(line)
    return out


def _text(value: str) -> str | None:
    return None if _is_empty(value) else " ".join(value.split())


def _list(value: str) -> list[str]:
    if _is_empty(value):
        return []
    return [p.strip() for p in re.split(r"[,;\s]+", value) if p.strip()]


def _section_text(value: str) -> str:
    """Answer text for the body: headings demoted below the fixed '## ' headings."""
    if _is_empty(value):
        return ""
    text = value.replace("\r\n", "\n").strip()
    return re.sub(r"^#{1,2}(?=[ \t])", "###", text, flags=re.M)


@dataclass
class Proposal:
    meta: dict
    sections: dict[str, str]
    notes: list[str]


def parse_issue(body: str, vocab: Vocab | None = None, fields: list[FormField] | None = None,
                today: dt.date | None = None) -> Proposal:
    """Issue body -> record metadata, body sections and notes for the reviewer (Dutch)."""
    vocab = vocab or load_vocab()
    fields = fields if fields is not None else load_form()
    today = today or dt.date.today()
    notes: list[str] = []
    cleaned = _CONTROL_RE.sub("", body)
    if cleaned != body:
        codes = sorted({f"U+{ord(c):04X}" for c in _CONTROL_RE.findall(body)})
        notes.append(f"Het issue bevatte onzichtbare stuurtekens ({', '.join(codes)}); ze zijn weggelaten. "
                     "Kijk na of de tekst nog klopt.")
        body = cleaned
    answers = split_sections(body, fields, notes)
    by_id = {f.id: f for f in fields}
    missing = [f.label for f in fields if f.id not in answers]
    if missing:
        notes.append("Niet gevonden in het issue (is het formulier gebruikt?): " + ", ".join(missing) + ".")
    get = lambda key: answers.get(key, "")  # noqa: E731
    meta: dict = {}

    if _text(get("titel")):
        meta["titel"] = _text(get("titel"))
    if _text(get("samenvatting")):
        meta["samenvatting"] = _text(get("samenvatting"))

    governments = []
    for name in _lines(get("besturen")):
        try:
            entry = parse_government(name, vocab)
        except Invalid as exc:
            notes.append(f"Bestuur: {exc.message}")
            entry = {"naam": name}
        if entry["naam"] not in [g["naam"] for g in governments]:
            governments.append(entry)
    for name in _lines(get("organisaties")):
        if name not in [g["naam"] for g in governments]:
            governments.append({"naam": name, "soort": "organisatie"})
    if governments:
        meta["besturen"] = governments

    period = get("periode").strip()
    if not _is_empty(period):
        years = [int(y) for y in re.findall(r"\b(\d{4})\b", period)]
        if 1 <= len(years) <= 2:
            meta["periode"] = {"van": years[0], **({"tot": years[1]} if len(years) == 2 else {})}
        else:
            notes.append(f"Periode '{period}' niet herkend: vul 'periode' zelf in (van/tot als jaartal).")

    mapping = _label_to_id(vocab)
    for key in ("status", "sdgs", "alle_sdgs", "themas", "fasen", "beleidsdomeinen", "niveau", "bron_document", "bewijs"):
        if key not in by_id:
            continue
        chosen, unknown = parse_dropdown(get(key), by_id[key].options)
        ids = [mapping[key][label] for label in chosen if label in mapping[key]]
        unknown += [label for label in chosen if label not in mapping[key]]
        if unknown:
            notes.append(f"{by_id[key].label}: onbekende keuze(s) {', '.join(repr(u) for u in unknown)}.")
        if key in ("niveau", "status", "bron_document", "bewijs"):
            if ids:
                meta[key] = ids[0]
            if len(chosen) > 1:
                notes.append(f"{by_id[key].label}: meer dan één antwoord ({', '.join(repr(c) for c in chosen)}) "
                             f"voor een veld met één waarde; alleen '{chosen[0]}' is overgenomen.")
        elif key == "alle_sdgs":
            if ids and ids[0] is True:
                meta["alle_sdgs"] = True
        elif ids:
            meta[key] = sorted(set(ids)) if key == "sdgs" else list(dict.fromkeys(ids))

    targets = _list(get("subdoelen"))
    if targets:
        meta["subdoelen"] = list(dict.fromkeys(targets))

    # A web source (titel, uitgever, url, consulted on the day of the issue) and/or a seed document.
    sources = []
    web = {key: _text(get(f"bron_{key}")) for key in ("titel", "uitgever", "url")}
    if any(web.values()) or "bron_document" not in meta:
        sources.append({"titel": web["titel"] or None, "uitgever": web["uitgever"] or None,
                        "url": web["url"] or None, "geraadpleegd": today.isoformat()})
    if "bron_document" in meta:
        sources.append({"document": meta.pop("bron_document")})
    meta["bronnen"] = sources

    contact = {key: _text(get(f"contact_{key}")) for key in ("organisatie", "dienst", "email")}
    contact = {k: v for k, v in contact.items() if v}
    if contact:
        if "organisatie" not in contact and governments:
            contact = {"organisatie": governments[0]["naam"], **contact}
            notes.append(f"Contact: organisatie aangevuld met '{governments[0]['naam']}'; controleer dit.")
        meta["contact"] = contact

    partners = [p.strip() for p in re.split(r"[,;\n]", get("partners")) if p.strip() and not _is_empty(p)]
    if partners:
        meta["partners"] = list(dict.fromkeys(partners))
    for key in ("personeelsinzet", "duur", "wat_niet_werkte"):
        if _text(get(key)):
            meta[key] = _text(get(key))

    related = _list(get("verwant"))
    if related:
        meta["verwant"] = list(dict.fromkeys(r.removesuffix(".md") for r in related))

    if "bevestiging" in by_id:
        checked = parse_checkboxes(get("bevestiging"))
        if len(checked) < len(by_id["bevestiging"].options):
            notes.append("Niet alle bevestigingen zijn aangevinkt: vraag de indiener om de feiten en de bron te bevestigen.")

    date = today.isoformat()
    meta["toegevoegd"] = date
    meta["geverifieerd"] = date
    sections = {}
    labels = {f.label: f.id for f in fields}
    for heading, _ in expected_sections(vocab):
        if heading in labels:
            sections[heading] = _section_text(get(labels[heading]))
    return Proposal(meta, sections, notes)


def record_from_issue(body: str, folder: Path, vocab: Vocab | None = None, form: Path | None = None,
                      today: dt.date | None = None, slug: str | None = None) -> tuple[Path, str, list[str]]:
    """Issue body -> (path to write, record text, notes). Writes nothing."""
    vocab = vocab or load_vocab()
    proposal = parse_issue(body, vocab, load_form(form), today)
    text = render_record(proposal.meta, vocab, proposal.sections)
    slug = slug or suggest_slug(proposal.meta.get("besturen") or [], proposal.meta.get("titel"), folder)
    return Path(folder) / f"{slug}.md", text, proposal.notes


# -------------------------------------------------------------------- CLI ---

def add_arguments(subparsers) -> None:
    parser = subparsers.add_parser(
        "uit-issue", aliases=["from-issue"],
        help="maak een praktijk van een issue dat met het formulier 'Nieuwe praktijk voorstellen' gemaakt is")
    parser.add_argument("bestand", metavar="BESTAND", help="de tekst (body) van het issue, of - voor standaardinvoer")
    parser.add_argument("--formulier", metavar="PAD", help=f"het issueformulier (standaard: {FORM_PATH})")
    parser.add_argument("--map", default=DEFAULT_DIR, metavar="MAP", help=f"map voor de praktijk (standaard: {DEFAULT_DIR})")
    parser.add_argument("--slug", help="bestandsnaam zonder .md (standaard: voorgesteld uit bestuur en titel)")
    parser.add_argument("--datum", metavar="JJJJ-MM-DD", help="datum voor 'toegevoegd' en 'geverifieerd' (standaard: vandaag)")
    parser.add_argument("--notities", metavar="PAD", help="schrijf de opmerkingen voor de beheerder (Markdown) naar dit bestand")
    parser.set_defaults(func=main)


def main(args) -> int:
    today = date_option(args.datum, "uit-issue")
    if today is None:
        return 2
    try:
        body = sys.stdin.read() if args.bestand == "-" else Path(args.bestand).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"praktijkenbank uit-issue: kan {args.bestand} niet lezen ({exc}).", file=sys.stderr)
        return 2
    form = Path(args.formulier) if args.formulier else None
    from . import followers

    if form is None and followers.is_follower_issue(body):  # the form 'We doen dit ook'
        try:
            path, text, notes = followers.apply(body, Path(args.map), today=today)
        except followers.FollowerError as exc:
            print(f"praktijkenbank uit-issue: {exc}", file=sys.stderr)
            return 1
        path.write_text(text, encoding="utf-8")
    else:
        path, text, notes = record_from_issue(body, Path(args.map), form=form, today=today, slug=args.slug)
        try:
            write_new(path, text)
        except FileExistsError:
            print(f"praktijkenbank uit-issue: {display_path(path)} bestaat al; ik overschrijf niets.", file=sys.stderr)
            return 1
    for note in notes:
        print(f"opmerking: {note}", file=sys.stderr)
    if args.notities:
        lines = [f"- {' '.join(note.split())}" for note in notes] or [NO_NOTES]
        Path(args.notities).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(display_path(path))
    return 0
