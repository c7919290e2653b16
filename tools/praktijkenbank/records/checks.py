"""Per-record checks: one ``check_*`` function per rule, each yielding :class:`Problem` objects.

Every check takes one loaded record and the vocabularies; nothing stops at the
first problem. Which checks run for which kind of record: :data:`RECORD_CHECKS`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Iterator

from . import links
from .load import Record, _dotted
from .problems import ERROR, WARNING, Problem
from .vocab import Vocab
from .modeltext import check_model_text

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 80
RESERVED_SLUGS = {"index", "alle-sdgs"}  # <site folder>/index.md is an overview page; see model.ALL_SDGS_PAGE
MAX_BODY_WORDS = 1500
MIN_SECTION_WORDS = 10
# The one sentence CONTRIBUTING asks for when a source reports no result ("De bron meldt geen resultaat."):
# a short section that says the source is silent is complete, not empty.
_SOURCE_SAYS_NOTHING_RE = re.compile(
    r"\b(?:de |die |deze )?bron(?:nen)?\b[^.]{0,80}?\b(?:geen|niets|niet)\b"
    r"|\b(?:geen|niets)\b[^.]{0,80}?\b(?:in|volgens) de bron(?:nen)?\b", re.IGNORECASE)
PLACEHOLDER = "TE VERVANGEN"  # left by `praktijkenbank new` where something is still to be filled in

# Unsafe content in a body: raw active HTML, event handlers, script URLs.
_UNSAFE_TAG_RE = re.compile(r"<\s*(script|iframe|object|embed|form|style|meta|base|link|svg|math)\b", re.I)
_EVENT_ATTR_RE = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I)
_SCRIPT_URL_RE = re.compile(r"(?:\b(?:href|src|action|formaction)\s*=\s*[\"']?\s*)(javascript|data|vbscript)\s*:", re.I)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.M)
_FENCE_RE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)


def _field(path: Iterable) -> str:
    return _dotted(tuple(path))


def _closest(value, options) -> str | None:
    options = [str(o) for o in options]
    match = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    if not match:
        lowered = {o.lower(): o for o in options}
        match = difflib.get_close_matches(str(value).lower(), list(lowered), n=1, cutoff=0.6)
        match = [lowered[match[0]]] if match else []
    return match[0] if match else None


def _allowed(options, limit: int = 20) -> str:
    options = [str(o) for o in options]
    text = ", ".join(options[:limit])
    return text + (", ..." if len(options) > limit else "")


def _problem(practice: Record, path: tuple, message: str, hint: str = "",
             severity: str = ERROR, key: bool = False) -> Problem:
    line, col = practice.key_pos(*path) if key else practice.pos(*path)
    return Problem(practice.path, line, col, _field(path), message, hint, severity)



# ------------------------------------------------------------ per record ----

def check_file_name(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """The file name is the stable id: lower-case words joined by hyphens, ending in .md."""
    name = practice.path.replace("\\", "/").rsplit("/", 1)[-1]
    if not name.endswith(".md"):
        yield Problem(practice.path, 1, 1, "bestandsnaam", "een record is een .md-bestand.",
                      "Hernoem het bestand naar <slug>.md.")
        return
    if not SLUG_RE.match(practice.slug):
        suggestion = re.sub(r"[^a-z0-9]+", "-", practice.slug.lower()).strip("-") or "naam-van-de-praktijk"
        yield Problem(practice.path, 1, 1, "bestandsnaam",
                      f"'{name}' is geen geldige bestandsnaam.",
                      f"Gebruik kleine letters, cijfers en koppeltekens, bv. '{suggestion}.md'.")
    elif practice.slug in RESERVED_SLUGS:
        yield Problem(practice.path, 1, 1, "bestandsnaam",
                      f"'{name}' is een gereserveerde naam (de site gebruikt die zelf).",
                      "Geef het bestand een beschrijvende naam, bv. <gemeente>-<onderwerp>.md.")
    elif len(practice.slug) > MAX_SLUG:
        yield Problem(practice.path, 1, 1, "bestandsnaam",
                      f"de bestandsnaam is te lang ({len(practice.slug)} tekens; maximum {MAX_SLUG}).",
                      "Kies een kortere naam: bestuur + onderwerp volstaat.")


def check_governments(practice: Record, vocab: Vocab, key: str = "besturen") -> Iterator[Problem]:
    """Each municipality and province exists in the vocabularies (current or former name)."""
    governments = practice.meta.get(key)
    if not isinstance(governments, list):
        return
    seen: set[str] = set()
    for index, entry in enumerate(governments):
        if not isinstance(entry, dict) or not isinstance(entry.get("naam"), str):
            continue
        name = entry["naam"]
        kind = entry.get("soort", "gemeente")
        if name in seen:
            yield _problem(practice, (key, index, "naam"), f"'{name}' staat twee keer in de lijst.",
                           "Verwijder de dubbele vermelding.")
        seen.add(name)
        if kind != "organisatie" and "provincie" in entry:
            yield _problem(practice, (key, index, "provincie"),
                           "het veld 'provincie' is alleen voor een organisatie.",
                           "Laat het weg: de praktijkenbank kent de provincie van elke gemeente en provincie.", key=True)
        if kind == "gemeente":
            if name in vocab.municipalities or name in vocab.former_municipalities:
                continue
            province_id = vocab.province_by_government_name(name)
            if province_id:
                yield _problem(practice, (key, index, "naam"), f"'{name}' is een provincie, geen gemeente.",
                               "Voeg 'soort: provincie' toe aan dit bestuur.")
                continue
            options = list(vocab.municipalities) + list(vocab.former_municipalities)
            close = _closest(name, options)
            hint = (f"Bedoel je '{close}'? " if close else "") + \
                "Gebruik de officiële naam van een Vlaamse gemeente; voor een andere organisatie: 'soort: organisatie'."
            yield _problem(practice, (key, index, "naam"), f"'{name}' is geen Vlaamse gemeente.", hint)
        elif kind == "provincie":
            if not vocab.province_by_government_name(name):
                options = [f"Provincie {p['naam']}" for p in vocab.provinces.values()]
                close = _closest(name, options)
                yield _problem(practice, (key, index, "naam"), f"'{name}' is geen Vlaamse provincie.",
                               (f"Bedoel je '{close}'? " if close else "") + f"Toegelaten: {_allowed(options)}.")


def check_followers(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """Each follower ('navolgers') is a known municipality or province, like 'besturen', and not one of them."""
    yield from check_governments(practice, vocab, "navolgers")
    followers = practice.meta.get("navolgers")
    governments = practice.meta.get("besturen")
    if not isinstance(followers, list) or not isinstance(governments, list):
        return
    own = {g.get("naam") for g in governments if isinstance(g, dict)}
    for index, entry in enumerate(followers):
        if isinstance(entry, dict) and entry.get("naam") in own:
            yield _problem(practice, ("navolgers", index, "naam"),
                           f"'{entry['naam']}' staat al bij 'besturen': het voerde de praktijk zelf uit.",
                           "Verwijder deze navolger; een navolger is een ander bestuur dat de praktijk overnam.")


def check_domains(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """Each subdomain lies in one of the record's policy domains.

    A record without domains is not an error (records of other branches and forks stay valid); the scaffold
    asks for them, 'praktijkenbank statistiek' counts records without, and a test keeps the bank complete."""
    domains = practice.meta.get("beleidsdomeinen")
    subdomains = practice.meta.get("subdomeinen")
    if not isinstance(domains, list) or not isinstance(subdomains, list):
        return
    for index, sub in enumerate(subdomains):
        entry = vocab.subdomains.get(sub) if isinstance(sub, str) else None
        if entry and entry["domein"] not in domains:
            name = vocab.domains[entry["domein"]]["naam"]
            yield _problem(practice, ("subdomeinen", index),
                           f"subdomein '{sub}' hoort bij het beleidsdomein '{entry['domein']}' ({name}), dat niet in 'beleidsdomeinen' staat.",
                           f"Voeg '{entry['domein']}' toe aan 'beleidsdomeinen' of verwijder het subdomein.")


def check_status_period(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """Status and period agree: 'uitgevoerd' means finished, so its period has an end year."""
    period = practice.meta.get("periode")
    if practice.meta.get("status") != "uitgevoerd" or not isinstance(period, dict):
        return
    if "van" in period and period.get("tot") is None:
        yield _problem(practice, ("periode",),
                       f"status 'uitgevoerd' met een open periode (sinds {period.get('van')}, zonder eindjaar).",
                       "Loopt de praktijk nog, zet dan 'status: lopend'. Is ze afgelopen, vul dan 'tot' in met "
                       "het eindjaar dat de bron noemt. Noemt de bron geen eindjaar, vermeld dan alleen het jaar "
                       "waarin het gebeurde (van en tot hetzelfde jaar) of laat de periode weg.", key=True)


def check_targets(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """Each SDG target exists and belongs to one of the practice's SDGs."""
    targets = practice.meta.get("subdoelen")
    sdgs = practice.meta.get("sdgs")
    if not isinstance(targets, list):
        return
    if not isinstance(sdgs, list):
        return  # the schema reports the SDG list itself
    sdg_set = {n for n in sdgs if isinstance(n, int)}
    for index, target in enumerate(targets):
        if not isinstance(target, str) or "." not in target:
            continue
        if target not in vocab.targets:
            goal = target.split(".")[0]
            same_goal = [t for t in vocab.targets if t.split(".")[0] == goal]
            hint = f"Subdoelen van SDG {goal}: {_allowed(same_goal)}." if same_goal else "Kies een bestaand subdoel."
            yield _problem(practice, ("subdoelen", index), f"subdoel '{target}' bestaat niet.", hint)
            continue
        goal = int(target.split(".")[0])
        if goal not in sdg_set:
            yield _problem(practice, ("subdoelen", index),
                           f"subdoel '{target}' hoort bij SDG {goal}, die niet in 'sdgs' staat.",
                           f"Voeg {goal} toe aan 'sdgs' of verwijder het subdoel.")


def check_five_ps(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """Given 5 P's are what the source says; a P of one of the listed SDGs that is missing is a warning."""
    given = practice.meta.get("vijf_p")
    sdgs = practice.meta.get("sdgs")
    if not isinstance(given, list) or not isinstance(sdgs, list):
        return
    if not all(isinstance(p, str) and p in vocab.ps for p in given):
        return  # the schema reports unknown values first
    expected = vocab.ps_for_sdgs([n for n in sdgs if isinstance(n, int)])
    missing = [p for p in expected if p not in given]
    if missing:
        yield _problem(practice, ("vijf_p",), "de 5 P's missen een P van de eigen SDG's (ontbreekt: " +
                       ", ".join(missing) + ").",
                       f"Volgens de SDG's minstens: [{', '.join(expected)}]. Vul 'vijf_p' aan, of laat het veld weg "
                       "om de P's uit de SDG's af te leiden.", WARNING)


def _parse_date(value) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _consulted(meta: dict) -> Iterator[tuple[tuple, object]]:
    """(path, value) of every 'geraadpleegd' date: in sources, links, model documents and an indicator's sources."""
    for key in ("bronnen", "links", "modeldocumenten"):
        items = meta.get(key)
        if isinstance(items, list):
            for index, item in enumerate(items):
                if isinstance(item, dict) and "geraadpleegd" in item:
                    yield (key, index, "geraadpleegd"), item["geraadpleegd"]
    for path in (("waarde_bron",), ("doel_2030", "bron")):  # an indicator's single sources
        node = meta
        for key in path:
            node = node.get(key) if isinstance(node, dict) else None
        if isinstance(node, dict) and "geraadpleegd" in node:
            yield path + ("geraadpleegd",), node["geraadpleegd"]


def check_dates(practice: Record, vocab: Vocab, today: dt.date | None = None) -> Iterator[Problem]:
    """Dates exist in the calendar, are not in the future, and are in a sensible order."""
    today = today or dt.date.today()
    dates = {}
    fields = [((key,), practice.meta.get(key)) for key in ("toegevoegd", "geverifieerd")]
    for path, value in fields + list(_consulted(practice.meta)):
        if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            continue  # the schema reports the shape
        date = _parse_date(value)
        if date is None:
            yield _problem(practice, path, f"'{value}' is geen bestaande datum.",
                           "Controleer maand (01-12) en dag; schrijf JJJJ-MM-DD.")
        elif date > today:
            yield _problem(practice, path, f"de datum {value} ligt in de toekomst.",
                           f"Gebruik de datum van vandaag ({today.isoformat()}) of vroeger.")
        elif len(path) == 1:
            dates[path[0]] = date
    if "toegevoegd" in dates and "geverifieerd" in dates and dates["geverifieerd"] < dates["toegevoegd"]:
        yield _problem(practice, ("geverifieerd",), "'geverifieerd' ligt voor 'toegevoegd'.",
                       "Een record wordt nagekeken bij of na het toevoegen: zet 'geverifieerd' op dezelfde of een latere datum.",
                       WARNING)
    period = practice.meta.get("periode")
    if isinstance(period, dict):
        start, end = period.get("van"), period.get("tot")
        if isinstance(start, int) and not isinstance(start, bool) and start > today.year:
            yield _problem(practice, ("periode", "van"), f"het beginjaar {start} ligt in de toekomst.",
                           "Een praktijk beschrijft wat al gebeurt of gebeurd is; een plan krijgt 'status: gepland' zonder periode.")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            yield _problem(practice, ("periode", "tot"), f"het eindjaar {end} ligt voor het beginjaar {start}.",
                           "Wissel de jaren om of verbeter ze.")


def _strip_code(body: str) -> str:
    """Blank out fenced code blocks, keeping line numbers."""
    return _FENCE_RE.sub(lambda m: "\n" * m.group(0).count("\n"), body)


def _body_pos(practice: Record, body: str, index: int) -> tuple[int, int]:
    before = body[:index]
    line = practice.body_line + before.count("\n")
    col = index - (before.rfind("\n") + 1) + 1
    return line, col


def check_outline(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """The body has the fixed outline of its kind: the '##' headings of soorten.yaml, in order, each filled in."""
    body = _strip_code(practice.body)
    expected = [s["kop"] for s in vocab.kinds[practice.kind].sections]
    found = []  # (title, start index, end of heading line)
    for match in _HEADING_RE.finditer(body):
        level, title = len(match.group(1)), match.group(2).strip()
        if level == 1:
            line, col = _body_pos(practice, body, match.start())
            yield Problem(practice.path, line, col, "tekst", f"kop van niveau 1 ('# {title}') in de tekst.",
                          "De titel komt uit het veld 'titel'; gebruik '## ' voor de vaste tussentitels.")
        elif level == 2:
            found.append((title, match.start(), match.end()))
    titles = [t for t, _, _ in found]
    end_line = practice.body_line + body.count("\n")
    position = 0
    for heading in expected:
        if heading in titles[position:]:
            position = titles.index(heading, position) + 1
            continue
        if heading in titles:
            index = found[titles.index(heading)][1]
            line, col = _body_pos(practice, body, index)
            yield Problem(practice.path, line, col, "tekst", f"de kop '## {heading}' staat niet op de juiste plaats.",
                          "Volgorde: " + ", ".join(expected) + ".")
        else:
            close = _closest(heading, [t for t in titles if t not in expected])
            if close:
                index = found[titles.index(close)][1]
                line, col = _body_pos(practice, body, index)
                yield Problem(practice.path, line, col, "tekst",
                              f"de kop '## {close}' wijkt af van de vaste kop '## {heading}'.",
                              f"Schrijf de kop precies als '## {heading}'.")
            else:
                yield Problem(practice.path, end_line, 1, "tekst", f"de kop '## {heading}' ontbreekt.",
                              f"Elke {vocab.kinds[practice.kind].singular} heeft deze vaste tussentitels: " +
                              ", ".join(f"'## {h}'" for h in expected) + ".")
    for number, (title, start, end) in enumerate(found):
        if title not in expected:
            continue
        stop = found[number + 1][1] if number + 1 < len(found) else len(body)
        text = _COMMENT_RE.sub(" ", body[end:stop]).replace(PLACEHOLDER, " ")
        if len(text.split()) < MIN_SECTION_WORDS and not _SOURCE_SAYS_NOTHING_RE.search(text):
            line, col = _body_pos(practice, body, start)
            yield Problem(practice.path, line, col, "tekst", f"de sectie '{title}' is (bijna) leeg.",
                          "Schrijf er minstens een paar zinnen; zegt de bron niets, vermeld dat dan.", WARNING)
    words = len(practice.body.split())
    if words > MAX_BODY_WORDS:
        yield Problem(practice.path, practice.body_line, 1, "tekst",
                      f"de tekst is te lang ({words} woorden; maximum {MAX_BODY_WORDS}).",
                      "Een fiche past op één à twee A4-pagina's: kort in en verwijs naar de bron.")


def check_safe_body(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """No active content in the body: no script/iframe-like tags, event handlers or javascript:/data: links."""
    body = practice.body
    if "<" not in body and "](" not in body and "]:" not in body:
        return  # no HTML and no link: nothing that could be active content
    for match in _UNSAFE_TAG_RE.finditer(body) if "<" in body else ():
        line, col = _body_pos(practice, body, match.start())
        yield Problem(practice.path, line, col, "tekst", f"onveilige HTML: <{match.group(1).lower()}> is niet toegelaten.",
                      "Schrijf gewone Markdown-tekst; een video of kaart kan als gewone link.")
    for match in _EVENT_ATTR_RE.finditer(body) if "<" in body else ():
        line, col = _body_pos(practice, body, match.start(1))
        yield Problem(practice.path, line, col, "tekst", f"onveilige HTML: het attribuut '{match.group(1)}' is niet toegelaten.",
                      "Verwijder de HTML en gebruik Markdown.")
    for match in _SCRIPT_URL_RE.finditer(body) if "<" in body else ():
        line, col = _body_pos(practice, body, match.start(1))
        yield Problem(practice.path, line, col, "tekst", f"onveilige link: '{match.group(1).lower()}:'-links zijn niet toegelaten.",
                      "Een link begint met https:// of verwijst naar een andere praktijk.")
    for offset, href in links.all_links(body):  # what the site would drop (records/links.py decides for both)
        reason = links.unsafe_reason(href)
        if reason:
            line, col = _body_pos(practice, body, offset)
            yield Problem(practice.path, line, col, "tekst", f"onveilige link: {reason}.",
                          "Een link begint met https:// of verwijst naar een andere fiche (bv. andere-fiche.md); "
                          "de site laat deze link weg.")


def _strings(value, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """(path, text) of every string in the front matter."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, sub in value.items():
            yield from _strings(sub, path + (key,))
    elif isinstance(value, list):
        for index, sub in enumerate(value):
            yield from _strings(sub, path + (index,))


def check_placeholders(practice: Record, vocab: Vocab | None = None) -> Iterator[Problem]:
    """Text still marked 'TE VERVANGEN' (left by the scaffold) is an error."""
    for path, text in _strings(practice.meta):
        if PLACEHOLDER in text:
            line, col = practice.pos(*path)
            yield Problem(practice.path, line, col, _dotted(path), f"nog in te vullen ('{PLACEHOLDER}').",
                          "Vervang de tekst door de echte waarde.")
    for number, text in enumerate(practice.body.split("\n")):
        col = text.find(PLACEHOLDER)
        if col >= 0:
            yield Problem(practice.path, practice.body_line + number, col + 1, "tekst",
                          f"nog in te vullen ('{PLACEHOLDER}').",
                          "Vervang deze regel door je eigen tekst; de vraag erin zegt wat er in deze sectie hoort.")


# Markup in a front-matter field: any HTML tag or comment, an entity-encoded tag, a script URL.
_FIELD_MARKUP_RE = re.compile(r"<\s*/?\s*[a-z!?][^>]*>?|&(?:lt|#0*60|#x0*3c);|\b(?:javascript|vbscript)\s*:|\bdata:[a-z-]+/", re.I)


# Characters that turn text around (bidirectional overrides and isolates, U+202A-U+202E, U+2066-U+2069)
# or are invisible (zero-width space, joiners, word joiner, byte order mark, direction marks): in a
# title they hide or reorder what a reader sees and break search and sorting.
_INVISIBLE_RE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c]")


def check_text_fields(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """No HTML or script in any front-matter text (title, summary, contact, sources): they are plain text.
    No invisible or direction-changing characters either."""
    for path, text in _strings(practice.meta):
        if not text.isascii() and (invisible := _INVISIBLE_RE.search(text)):
            code = f"U+{ord(invisible.group(0)):04X}"
            yield _problem(practice, path, f"de tekst bevat een onzichtbaar teken ({code}, op positie {invisible.start() + 1}).",
                           "Zo'n teken (een teken van breedte nul of een teken dat de leesrichting omkeert) komt vaak mee bij "
                           "kopiëren; het verbergt of verplaatst tekst. Verwijder het of typ de tekst opnieuw.")
        if "<" not in text and "&" not in text and ":" not in text:
            continue
        match = _FIELD_MARKUP_RE.search(text)
        if match:
            shown = match.group(0)[:30]
            yield _problem(practice, path, f"'{shown}' hoort niet in een tekstveld (HTML of een script-link).",
                           "Schrijf gewone tekst zonder < > en zonder 'javascript:'; opmaak kan alleen in de tekst onder de kop.")


_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<\s*img\b", re.I)


def check_body_markup(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """HTML comments and images in the body are not shown as intended on the site: a warning."""
    body = _strip_code(practice.body)
    if "<!--" in body:
        for match in _COMMENT_RE.finditer(body):
            line, col = _body_pos(practice, body, match.start())
            yield Problem(practice.path, line, col, "tekst", "een HTML-commentaar ('<!-- ... -->') staat als gewone tekst op de site.",
                          "Verwijder het commentaar; een notitie voor de nakijker hoort in de pull request.", WARNING)
    if "![" in body or "<" in body:
        for match in _IMAGE_RE.finditer(body):
            line, col = _body_pos(practice, body, match.start())
            yield Problem(practice.path, line, col, "tekst", "een afbeelding wordt niet getoond (de site laadt geen beelden uit fiches).",
                          "Beschrijf wat op de afbeelding staat in gewone tekst, of link naar de bron.", WARNING)


def check_sources(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """A source is either a seed document (by id) or a web source (title, publisher, https URL, date): not both."""
    sources = practice.meta.get("bronnen")
    if not isinstance(sources, list):
        return
    for index, source in enumerate(sources):
        if not isinstance(source, dict) or "document" not in source:
            continue
        mixed = [k for k in ("titel", "uitgever", "url", "geraadpleegd") if k in source]
        if mixed:
            yield _problem(practice, ("bronnen", index, mixed[0]),
                           f"een brondocument ('document: {source['document']}') heeft geen '{mixed[0]}'.",
                           "De fiche haalt titel en uitgever uit brondocumenten.yaml. Gaat het om een webpagina, "
                           "laat dan 'document' weg en geef titel, uitgever, url en geraadpleegd.", key=True)


# A personal-looking address: name.surname@..., or an initial and a surname; not info@, duurzaamheid@, ...
_PERSONAL_EMAIL_RE = re.compile(r"^([a-z]+)[._-]([a-z]+)@", re.I)
_GENERIC_MAILBOXES = {
    "info", "contact", "dienst", "duurzaamheid", "duurzaam", "milieu", "mondiaal", "mondiale", "noordzuid",
    "internationaal", "internationale", "samenwerking", "ontwikkelingssamenwerking", "secretariaat", "onthaal",
    "communicatie", "stad", "gemeente", "ocmw", "welzijn", "sdg", "sdgs", "beleid", "aankoop", "aankopen",
    "klimaat", "natuur", "sociaal", "cultuur", "jeugd", "noord", "zuid", "global", "fairtrade", "gros",
}


def check_contact(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """A contact is organisational: an address like firstname.lastname@ is probably personal (warning)."""
    contact = practice.meta.get("contact")
    email = contact.get("email") if isinstance(contact, dict) else None
    if not isinstance(email, str):
        return
    match = _PERSONAL_EMAIL_RE.match(email.strip())
    if match and not ({match.group(1).lower(), match.group(2).lower()} & _GENERIC_MAILBOXES):
        yield _problem(practice, ("contact", "email"), f"'{email}' lijkt een persoonlijk e-mailadres.",
                       "Geef een algemeen adres van de dienst (bv. duurzaamheid@gemeente.be) of alleen de website: "
                       "de praktijkenbank publiceert geen persoonsgegevens.", WARNING)


def check_source_numbers(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """'bron: N' of a criterion, clause or label points at an existing entry of 'bronnen'."""
    sources = practice.meta.get("bronnen")
    count = len(sources) if isinstance(sources, list) else 0
    for key in ("criteria", "clausules", "labels"):
        items = practice.meta.get(key)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            number = item.get("bron") if isinstance(item, dict) else None
            if isinstance(number, int) and not isinstance(number, bool) and not 1 <= number <= count:
                yield _problem(practice, (key, index, "bron"), f"bron {number} bestaat niet (er zijn {count} bronnen).",
                               "Gebruik het nummer van een bron in 'bronnen': 1 is de eerste.")


def check_clause_ids(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """Every clause of a product group has its own 'id' (the builder's links name clauses by it)."""
    seen: dict[str, int] = {}
    clauses = practice.meta.get("clausules")
    for index, clause in enumerate(clauses if isinstance(clauses, list) else []):
        cid = clause.get("id") if isinstance(clause, dict) else None
        if not isinstance(cid, str):
            continue
        if cid in seen:
            yield _problem(practice, ("clausules", index, "id"),
                           f"de id '{cid}' staat al bij clausule {seen[cid] + 1}.",
                           "Geef elke clausule een eigen id; de links van de clausulebouwer gebruiken hem.")
        else:
            seen[cid] = index


def check_tool_page(practice: Record, vocab: Vocab) -> Iterator[Problem]:
    """'pagina' of an instrument names a page of this site on which a tool runs."""
    from .links import TOOL_PAGES

    page = practice.meta.get("pagina")
    if isinstance(page, str) and page not in TOOL_PAGES:
        close = _closest(page, TOOL_PAGES)
        yield _problem(practice, ("pagina",), f"'{page}' is geen pagina met een instrument op deze site.",
                       (f"Bedoel je '{close}'? " if close else "") + f"Toegelaten: {_allowed(TOOL_PAGES)}.")


_COMMON = (check_file_name, check_targets, check_dates, check_outline, check_safe_body, check_body_markup,
           check_placeholders, check_text_fields, check_sources, check_domains)

# Which checks run for which kind of record (the schema check runs for every kind first).
RECORD_CHECKS = {
    "praktijk": _COMMON + (check_governments, check_five_ps, check_contact, check_followers, check_status_period),
    "instrument": _COMMON + (check_tool_page, check_model_text),
    "productgroep": _COMMON + (check_source_numbers, check_clause_ids),
    "dossier": _COMMON,
    "indicator": _COMMON,
}
