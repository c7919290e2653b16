"""Validation of practice records: one ``check_*`` function per rule.

Each check takes a loaded :class:`Practice` (and the vocabularies) and yields
:class:`Problem` objects; nothing stops at the first problem. Cross-record
checks (unique slugs, related practices, near-duplicates) take the whole list.

Usage::

    practices, problems = validate_paths(["practices"])
    for problem in problems:
        print(problem.format())
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import multiprocessing
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import fastjsonschema
import jsonschema

from .load import Practice, _dotted, discover, load_practice, peek_practice
from .problems import ERROR, WARNING, Problem
from .vocab import Vocab, load_vocab

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 80
RESERVED_SLUGS = {"index"}  # praktijken/index.md is the overview page
MAX_BODY_WORDS = 1500
MIN_SECTION_WORDS = 10
PLACEHOLDER = "TE VERVANGEN"  # left by `praktijkenbank new` where something is still to be filled in

# Unsafe content in a body: raw active HTML, event handlers, script URLs.
_UNSAFE_TAG_RE = re.compile(r"<\s*(script|iframe|object|embed|form|style|meta|base|link|svg|math)\b", re.I)
_EVENT_ATTR_RE = re.compile(r"<[^>]*\s(on[a-z]+)\s*=", re.I)
_SCRIPT_URL_RE = re.compile(r"(?:\]\(\s*<?|\b(?:href|src|action|formaction)\s*=\s*[\"']?\s*)(javascript|data|vbscript)\s*:", re.I)
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


def _problem(practice: Practice, path: tuple, message: str, hint: str = "",
             severity: str = ERROR, key: bool = False) -> Problem:
    line, col = practice.key_pos(*path) if key else practice.pos(*path)
    return Problem(practice.path, line, col, _field(path), message, hint, severity)


# ---------------------------------------------------------------- schema ----

_TYPE_NL = {"string": "tekst", "integer": "geheel getal", "array": "lijst", "object": "blok met velden",
            "number": "getal", "boolean": "ja/nee", "null": "leeg"}


def _schema_validator(vocab: Vocab):
    cls = jsonschema.validators.validator_for(vocab.schema)
    return cls(vocab.schema)


def _describe(value) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return str(value)


def _schema_problem(practice: Practice, error: jsonschema.ValidationError) -> Problem:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema
    value = error.instance
    label = _field(path)
    if kind == "additionalProperties":
        allowed = list(schema.get("properties", {}))
        extra = [k for k in value if k not in allowed] if isinstance(value, dict) else []
        name = extra[0] if extra else "?"
        close = _closest(name, allowed)
        hint = f"Bedoel je '{close}'?" if close else f"Toegelaten velden: {_allowed(allowed)}."
        return _problem(practice, path + (name,), f"onbekend veld '{name}'.",
                        hint + " Een onbekend veld zou stilzwijgend verloren gaan.", key=True)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else "?"
        sub = schema.get("properties", {}).get(missing, {})
        where = f" in {label}" if path else ""
        return _problem(practice, path, f"het verplichte veld '{missing}' ontbreekt{where}.",
                        sub.get("description", "Vul het veld in."))
    if kind == "anyOf" and "bronnen" in path:
        return _problem(practice, path, "een bron heeft een 'url' of een 'document' nodig.",
                        "Voeg 'url: https://...' toe, of 'document:' met een verwijzing naar het document.")
    if kind == "enum":
        options = schema["enum"]
        close = _closest(value, options)
        hint = f"Bedoel je '{close}'? " if close else ""
        return _problem(practice, path, f"{_describe(value)} is geen toegelaten waarde.",
                        hint + f"Toegelaten: {_allowed(options)}.")
    if kind == "type":
        expected = schema["type"]
        expected = expected if isinstance(expected, str) else expected[0]
        hint = {
            "array": "Schrijf een lijst, bv. [1, 2] of met een '-' per regel.",
            "string": "Schrijf tekst; zet ze tussen aanhalingstekens als ze met een cijfer of teken begint.",
            "integer": "Schrijf een geheel getal zonder aanhalingstekens.",
            "object": "Schrijf de onderliggende velden ingesprongen onder dit veld.",
        }.get(expected, "")
        return _problem(practice, path, f"verwacht: {_TYPE_NL.get(expected, expected)}, gekregen: {_describe(value)}.", hint)
    if kind in ("minLength", "maxLength"):
        limit = error.validator_value
        size = len(value)
        if kind == "minLength":
            return _problem(practice, path, f"te kort ({size} tekens; minimum {limit}).",
                            schema.get("description", "Vul meer aan."))
        return _problem(practice, path, f"te lang ({size} tekens; maximum {limit}).",
                        schema.get("description", "Kort in."))
    if kind == "minItems":
        return _problem(practice, path, f"de lijst moet minstens {error.validator_value} element(en) bevatten.",
                        schema.get("description", ""))
    if kind == "maxItems":
        return _problem(practice, path, f"de lijst mag hoogstens {error.validator_value} elementen bevatten.", "")
    if kind == "uniqueItems":
        return _problem(practice, path, "de lijst bevat een waarde twee keer.",
                        "Verwijder de dubbele waarde ('praktijkenbank validate --fix' doet dat voor je).")
    if kind in ("minimum", "maximum"):
        if path and path[0] == "sdgs":
            return _problem(practice, path, f"SDG {value} bestaat niet.", "Er zijn 17 SDG's: kies een nummer van 1 tot 17.")
        word = "klein" if kind == "minimum" else "groot"
        return _problem(practice, path, f"{value} is te {word} (grens: {error.validator_value}).", "")
    if kind == "pattern":
        hints = {
            "toegevoegd": "Schrijf de datum als JJJJ-MM-DD, bv. 2026-03-01.",
            "geverifieerd": "Schrijf de datum als JJJJ-MM-DD, bv. 2026-03-01.",
            "subdoelen": "Schrijf een subdoel als '<SDG>.<nummer of letter>', bv. '11.6' of '12.a'.",
            "verwant": "Gebruik de bestandsnaam van de andere praktijk zonder .md, bv. 'heuvelland-sdg-begroting'.",
            "url": "Een webadres begint met http:// of https:// en bevat geen spaties.",
            "website": "Een webadres begint met http:// of https:// en bevat geen spaties.",
            "email": "Schrijf een geldig e-mailadres, bv. duurzaamheid@gemeente.be.",
        }
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        return _problem(practice, path, f"{_describe(value)} heeft niet de juiste vorm.", hints.get(key, ""))
    return _problem(practice, path, f"ongeldige waarde ({error.message}).", "")


def _fast_validator(vocab: Vocab):
    """A compiled yes/no check (fastjsonschema): most records are valid, so only
    invalid ones pay for jsonschema's detailed error walk."""
    schema = dict(vocab.schema)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"  # same keywords, draft fastjsonschema knows
    return fastjsonschema.compile(schema, use_default=False)


def check_schema(practice: Practice, vocab: Vocab, validator=None, fast=None) -> Iterator[Problem]:
    """Front matter against the JSON Schema (unknown fields, types, required fields, enums)."""
    if fast is not None:
        try:
            fast(practice.meta)
            return
        except fastjsonschema.JsonSchemaException:
            pass
    validator = validator or _schema_validator(vocab)
    for error in validator.iter_errors(practice.meta):
        yield _schema_problem(practice, error)


# ------------------------------------------------------------ per record ----

def check_file_name(practice: Practice, vocab: Vocab) -> Iterator[Problem]:
    """The file name is the stable id: lower-case words joined by hyphens, ending in .md."""
    name = practice.path.replace("\\", "/").rsplit("/", 1)[-1]
    if not name.endswith(".md"):
        yield Problem(practice.path, 1, 1, "bestandsnaam", "een praktijk is een .md-bestand.",
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


def check_governments(practice: Practice, vocab: Vocab) -> Iterator[Problem]:
    """Each municipality and province exists in the vocabularies (current or former name)."""
    governments = practice.meta.get("besturen")
    if not isinstance(governments, list):
        return
    seen: set[str] = set()
    for index, entry in enumerate(governments):
        if not isinstance(entry, dict) or not isinstance(entry.get("naam"), str):
            continue
        name = entry["naam"]
        kind = entry.get("soort", "gemeente")
        if name in seen:
            yield _problem(practice, ("besturen", index, "naam"), f"'{name}' staat twee keer in de lijst.",
                           "Verwijder de dubbele vermelding.")
        seen.add(name)
        if kind != "organisatie" and "provincie" in entry:
            yield _problem(practice, ("besturen", index, "provincie"),
                           "het veld 'provincie' is alleen voor een organisatie.",
                           "Laat het weg: de praktijkenbank kent de provincie van elke gemeente en provincie.", key=True)
        if kind == "gemeente":
            if name in vocab.municipalities or name in vocab.former_municipalities:
                continue
            province_id = vocab.province_by_government_name(name)
            if province_id:
                yield _problem(practice, ("besturen", index, "naam"), f"'{name}' is een provincie, geen gemeente.",
                               "Voeg 'soort: provincie' toe aan dit bestuur.")
                continue
            options = list(vocab.municipalities) + list(vocab.former_municipalities)
            close = _closest(name, options)
            hint = (f"Bedoel je '{close}'? " if close else "") + \
                "Gebruik de officiële naam van een Vlaamse gemeente; voor een andere organisatie: 'soort: organisatie'."
            yield _problem(practice, ("besturen", index, "naam"), f"'{name}' is geen Vlaamse gemeente.", hint)
        elif kind == "provincie":
            if not vocab.province_by_government_name(name):
                options = [f"Provincie {p['naam']}" for p in vocab.provinces.values()]
                close = _closest(name, options)
                yield _problem(practice, ("besturen", index, "naam"), f"'{name}' is geen Vlaamse provincie.",
                               (f"Bedoel je '{close}'? " if close else "") + f"Toegelaten: {_allowed(options)}.")


def check_targets(practice: Practice, vocab: Vocab) -> Iterator[Problem]:
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


def check_five_ps(practice: Practice, vocab: Vocab) -> Iterator[Problem]:
    """Given 5 P's must match the SDGs (else a warning): they are derived when absent."""
    given = practice.meta.get("vijf_p")
    sdgs = practice.meta.get("sdgs")
    if not isinstance(given, list) or not isinstance(sdgs, list):
        return
    if not all(isinstance(p, str) and p in vocab.ps for p in given):
        return  # the schema reports unknown values first
    given_ids = list(given)
    expected = vocab.ps_for_sdgs([n for n in sdgs if isinstance(n, int)])
    missing = [p for p in expected if p not in given_ids]
    extra = [p for p in given_ids if p not in expected]
    if missing or extra:
        parts = []
        if missing:
            parts.append("ontbreekt: " + ", ".join(missing))
        if extra:
            parts.append("zonder bijhorende SDG: " + ", ".join(extra))
        yield _problem(practice, ("vijf_p",), "de 5 P's passen niet bij de SDG's (" + "; ".join(parts) + ").",
                       f"Volgens de SDG's: [{', '.join(expected)}]. Laat 'vijf_p' weg om ze automatisch af te leiden, "
                       "of pas de SDG's aan.", WARNING)


def _parse_date(value) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_dates(practice: Practice, vocab: Vocab, today: dt.date | None = None) -> Iterator[Problem]:
    """Dates exist in the calendar, are not in the future, and are in a sensible order."""
    today = today or dt.date.today()
    dates = {}
    for key in ("toegevoegd", "geverifieerd"):
        value = practice.meta.get(key)
        if not isinstance(value, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", value):
            continue  # the schema reports the shape
        date = _parse_date(value)
        if date is None:
            yield _problem(practice, (key,), f"'{value}' is geen bestaande datum.",
                           "Controleer maand (01-12) en dag; schrijf JJJJ-MM-DD.")
        elif date > today:
            yield _problem(practice, (key,), f"de datum {value} ligt in de toekomst.",
                           f"Gebruik de datum van vandaag ({today.isoformat()}) of vroeger.")
        else:
            dates[key] = date
    if "toegevoegd" in dates and "geverifieerd" in dates and dates["geverifieerd"] < dates["toegevoegd"]:
        yield _problem(practice, ("geverifieerd",), "'geverifieerd' ligt voor 'toegevoegd'.",
                       "Een praktijk wordt nagekeken bij of na het toevoegen: zet 'geverifieerd' op dezelfde of een latere datum.",
                       WARNING)
    period = practice.meta.get("periode")
    if isinstance(period, dict):
        start, end = period.get("van"), period.get("tot")
        if isinstance(start, int) and not isinstance(start, bool) and start > today.year:
            yield _problem(practice, ("periode", "van"), f"het beginjaar {start} ligt in de toekomst.",
                           "Een praktijk beschrijft wat al gebeurt of gebeurd is.")
        if isinstance(start, int) and isinstance(end, int) and end < start:
            yield _problem(practice, ("periode", "tot"), f"het eindjaar {end} ligt voor het beginjaar {start}.",
                           "Wissel de jaren om of verbeter ze.")


def _strip_code(body: str) -> str:
    """Blank out fenced code blocks, keeping line numbers."""
    return _FENCE_RE.sub(lambda m: "\n" * m.group(0).count("\n"), body)


def _body_pos(practice: Practice, body: str, index: int) -> tuple[int, int]:
    before = body[:index]
    line = practice.body_line + before.count("\n")
    col = index - (before.rfind("\n") + 1) + 1
    return line, col


def check_outline(practice: Practice, vocab: Vocab) -> Iterator[Problem]:
    """The body has the fixed outline: the '##' headings of fiche_secties.yaml, in order, each filled in."""
    body = _strip_code(practice.body)
    expected = [s["kop"] for s in vocab.sections]
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
                              "Elke fiche heeft deze vaste tussentitels: " +
                              ", ".join(f"'## {h}'" for h in expected) + ".")
    for number, (title, start, end) in enumerate(found):
        if title not in expected:
            continue
        stop = found[number + 1][1] if number + 1 < len(found) else len(body)
        words = len(_COMMENT_RE.sub(" ", body[end:stop]).replace(PLACEHOLDER, " ").split())
        if words < MIN_SECTION_WORDS:
            line, col = _body_pos(practice, body, start)
            yield Problem(practice.path, line, col, "tekst", f"de sectie '{title}' is (bijna) leeg.",
                          "Schrijf er minstens een paar zinnen; zegt de bron niets, vermeld dat dan.", WARNING)
    words = len(practice.body.split())
    if words > MAX_BODY_WORDS:
        yield Problem(practice.path, practice.body_line, 1, "tekst",
                      f"de tekst is te lang ({words} woorden; maximum {MAX_BODY_WORDS}).",
                      "Een fiche past op één à twee A4-pagina's: kort in en verwijs naar de bron.")


def check_safe_body(practice: Practice, vocab: Vocab) -> Iterator[Problem]:
    """No active content in the body: no script/iframe-like tags, event handlers or javascript:/data: links."""
    body = practice.body
    if "<" not in body and ":" not in body:
        return  # nearly every body: nothing that could be active content
    for match in _UNSAFE_TAG_RE.finditer(body) if "<" in body else ():
        line, col = _body_pos(practice, body, match.start())
        yield Problem(practice.path, line, col, "tekst", f"onveilige HTML: <{match.group(1).lower()}> is niet toegelaten.",
                      "Schrijf gewone Markdown-tekst; een video of kaart kan als gewone link.")
    for match in _EVENT_ATTR_RE.finditer(body) if "<" in body else ():
        line, col = _body_pos(practice, body, match.start(1))
        yield Problem(practice.path, line, col, "tekst", f"onveilige HTML: het attribuut '{match.group(1)}' is niet toegelaten.",
                      "Verwijder de HTML en gebruik Markdown.")
    for match in _SCRIPT_URL_RE.finditer(body):
        line, col = _body_pos(practice, body, match.start(1))
        yield Problem(practice.path, line, col, "tekst", f"onveilige link: '{match.group(1).lower()}:'-links zijn niet toegelaten.",
                      "Een link begint met https:// of verwijst naar een andere praktijk.")


def check_placeholders(practice: Practice, vocab: Vocab | None = None) -> Iterator[Problem]:
    """Text still marked 'TE VERVANGEN' (left by the scaffold) is an error.

    """
    def walk(value, path):
        if isinstance(value, str) and PLACEHOLDER in value:
            yield path
        elif isinstance(value, dict):
            for key, sub in value.items():
                yield from walk(sub, path + (key,))
        elif isinstance(value, list):
            for index, sub in enumerate(value):
                yield from walk(sub, path + (index,))

    for path in walk(practice.meta, ()):
        line, col = practice.pos(*path)
        name = _dotted(path)
        yield Problem(practice.path, line, col, name, f"nog in te vullen ('{PLACEHOLDER}').",
                      "Vervang de tekst door de echte waarde.")
    for number, text in enumerate(practice.body.split("\n")):
        col = text.find(PLACEHOLDER)
        if col >= 0:
            yield Problem(practice.path, practice.body_line + number, col + 1, "tekst",
                          f"nog in te vullen ('{PLACEHOLDER}').",
                          "Vervang deze regel door je eigen tekst; de vraag erin zegt wat er in deze sectie hoort.")




RECORD_CHECKS = (check_file_name, check_governments, check_targets, check_five_ps, check_dates,
                 check_outline, check_safe_body, check_placeholders)


# ------------------------------------------------------------ cross-record --

def check_unique_slugs(practices: list[Practice]) -> Iterator[Problem]:
    """Two files may not share a slug (e.g. the same name in two folders)."""
    first: dict[str, Practice] = {}
    for practice in practices:
        other = first.setdefault(practice.slug, practice)
        if other is not practice:
            yield Problem(practice.path, 1, 1, "bestandsnaam",
                          f"de slug '{practice.slug}' is al in gebruik door {other.path}.",
                          "Geef een van beide bestanden een andere naam.")


def check_related(practices: list[Practice]) -> Iterator[Problem]:
    """Every related practice exists and is not the practice itself."""
    slugs = {p.slug for p in practices}
    for practice in practices:
        related = practice.meta.get("verwant")
        if not isinstance(related, list):
            continue
        for index, slug in enumerate(related):
            if not isinstance(slug, str):
                continue
            if slug == practice.slug:
                yield _problem(practice, ("verwant", index), "een praktijk kan niet naar zichzelf verwijzen.",
                               "Verwijder deze slug.")
            elif slug not in slugs:
                close = _closest(slug, slugs)
                yield _problem(practice, ("verwant", index), f"de praktijk '{slug}' bestaat niet.",
                               (f"Bedoel je '{close}'? " if close else "") +
                               "Gebruik de bestandsnaam zonder .md van een praktijk in practices/.")


@functools.lru_cache(maxsize=4096)
def _title_words(title: str) -> frozenset[str]:
    """Character trigrams of the normalised title: robust to a changed word or a typo."""
    text = " ".join(re.findall(r"\w+", title.lower()))
    return frozenset(text[i:i + 3] for i in range(len(text) - 2))


def _title_keys(title: str) -> frozenset[str]:
    """Word prefixes (5 letters) of the longer words: two near-identical titles share most of them."""
    return frozenset(w[:5] for w in re.findall(r"\w+", title.lower()) if len(w) > 3)


def check_near_duplicates(practices: list[Practice], threshold: float = 0.7) -> Iterator[Problem]:
    """Same local government and (nearly) the same title: probably the same practice twice.

    Within each government, only titles that share at least half of their
    significant words (via an inverted index) get the precise trigram
    comparison, so the cost stays near-linear in the number of practices.
    """
    groups: dict[str, list[tuple[Practice, frozenset, str]]] = defaultdict(list)
    for practice in practices:
        title, governments = practice.meta.get("titel"), practice.meta.get("besturen")
        if not isinstance(title, str) or not isinstance(governments, list):
            continue
        keys = _title_keys(title)
        for entry in governments:
            if isinstance(entry, dict) and isinstance(entry.get("naam"), str):
                groups[entry["naam"]].append((practice, keys, title))
    reported: set[tuple[str, str]] = set()
    for name, members in groups.items():
        if len(members) < 2:
            continue
        index: dict[str, list[int]] = defaultdict(list)
        for number, (_, keys, _) in enumerate(members):
            for key in keys:
                index[key].append(number)
        for i, (a, keys_a, title_a) in enumerate(members):
            shared: dict[int, int] = defaultdict(int)
            for key in keys_a:
                for j in index[key]:
                    if j > i:
                        shared[j] += 1
            size_a = len(keys_a)
            for j, common in shared.items():
                b, keys_b, title_b = members[j]
                if 2 * common < (size_a if size_a < len(keys_b) else len(keys_b)):
                    continue  # fewer than half of the words in common: not a near-duplicate
                wa, wb = _title_words(title_a), _title_words(title_b)
                similarity = len(wa & wb) / len(wa | wb) if wa and wb else 0.0
                pair = (a.path, b.path)
                if similarity >= threshold and pair not in reported:
                    reported.add(pair)
                    yield _problem(b, ("titel",), f"lijkt op {a.path} (zelfde bestuur '{name}', bijna dezelfde titel).",
                                   "Voeg de twee samen als het om dezelfde praktijk gaat, of maak de titels specifieker.",
                                   WARNING)


# ------------------------------------------------------------------ entry ---

_WORKER_STATE: dict = {}


def _record_problems(practice: Practice, vocab: Vocab, validator, fast, today) -> list[Problem]:
    problems = list(check_schema(practice, vocab, validator, fast))
    for check in RECORD_CHECKS:
        if check is check_dates:
            problems.extend(check_dates(practice, vocab, today))
        else:
            problems.extend(check(practice, vocab))
    return problems


def _cross_record_problems(practices: list[Practice]) -> list[Problem]:
    return [*check_unique_slugs(practices), *check_related(practices), *check_near_duplicates(practices)]


def validate(practices: list[Practice], vocab: Vocab | None = None,
             today: dt.date | None = None) -> list[Problem]:
    """Run every check on every practice; return all problems (errors and warnings)."""
    vocab = vocab or load_vocab()
    validator, fast = _schema_validator(vocab), _fast_validator(vocab)
    problems: list[Problem] = []
    for practice in practices:
        problems.extend(_record_problems(practice, vocab, validator, fast, today))
    return problems + _cross_record_problems(practices)


def _load_and_check(path: Path) -> tuple[Practice | None, list[Problem]]:
    """Worker: load one file and run the per-record checks."""
    state = _WORKER_STATE
    if "vocab" not in state:
        vocab = load_vocab()
        state.update(vocab=vocab, validator=_schema_validator(vocab), fast=_fast_validator(vocab))
    practice, problems = load_practice(path)
    if practice is not None:
        problems += _record_problems(practice, state["vocab"], state["validator"], state["fast"], state.get("today"))
        if state.get("light"):
            practice = _light(practice)
    return practice, problems


_CROSS_FIELDS = ("titel", "besturen", "verwant")


def _light(practice: Practice) -> Practice:
    """Only what the cross-record checks read: keeps the data sent back by workers small."""
    keep = lambda path: path and path[0] in _CROSS_FIELDS  # noqa: E731
    return Practice(practice.path, practice.slug,
                    {k: practice.meta[k] for k in _CROSS_FIELDS if k in practice.meta}, "", practice.body_line,
                    {k: v for k, v in practice.positions.items() if keep(k)},
                    {k: v for k, v in practice.key_positions.items() if keep(k)})


def _sibling_practices(paths, files: list[Path]) -> list[Practice]:
    """Records next to files named one by one (not given themselves), for the cross-record checks.

    Only the fields those checks read, without positions: their problems are
    reported on the given files only.
    """
    given = {path.resolve() for path in files}
    folders = {Path(raw).resolve().parent for raw in paths if Path(raw).is_file()}
    siblings = []
    for folder in sorted(folders):
        for path in sorted(folder.glob("*.md")):  # under a resolved folder: no resolve() per file
            if path in given or path.name == "README.md":
                continue
            practice = peek_practice(path, _CROSS_FIELDS)
            if practice is not None:
                siblings.append(practice)
    return siblings


PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


def validate_paths(paths, strict: bool = False, today: dt.date | None = None,
                   full: bool = True, siblings: bool = True) -> tuple[list[Practice], list[Problem]]:
    """Load and validate every practice under ``paths``; problems sorted by file and line.

    With ``full=False`` (the command line) large banks are checked on all cores
    and the returned practices carry only title, governments and related
    practices; with ``full=True`` (the site build) they are complete. The
    cross-record checks run once over the whole list, plus (``siblings``) the
    other records in the folder of a file that was named on its own. With
    ``strict``, warnings are promoted to errors.
    """
    files, problems = discover(paths)
    _WORKER_STATE.clear()
    _WORKER_STATE.update(today=today, light=not full)
    workers = min(os.cpu_count() or 1, 8)
    if (not full and len(files) >= PARALLEL_FROM and workers > 1
            and "fork" in multiprocessing.get_all_start_methods()):
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            results = list(pool.map(_load_and_check, files, chunksize=max(50, len(files) // (workers * 4))))
    else:
        results = [_load_and_check(path) for path in files]
    practices = []
    for practice, found in results:
        problems.extend(found)
        if practice is not None:
            practices.append(practice)
    # Cross-record checks see the rest of the bank too: validating one file (pre-commit, a
    # contributor checking their new record) must resolve 'verwant' against its sibling records.
    # The siblings come first, so a duplicate is reported on the file that was asked for.
    context = _sibling_practices(paths, files) if siblings else []
    shown = {practice.path for practice in practices}
    problems.extend(p for p in _cross_record_problems(context + practices) if p.path in shown)
    if strict:
        problems = [Problem(p.path, p.line, p.col, p.field, p.message, p.hint, ERROR) for p in problems]
    problems.sort(key=Problem.sort_key)
    return practices, problems
