"""``praktijkenbank nieuw`` (alias ``new``): scaffold a new record.

Asks for the essentials (interactively, in Dutch, validating every answer with
the same vocabularies as the validator) or takes them as options, suggests a
unique slug and writes ``practices/<slug>.md`` from the Jinja template in
``templates/record/``. With ``--soort instrument|productgroep|dossier|indicator`` it
scaffolds a record of that kind in its own folder, from that kind's schema and
outline (soorten.yaml); only the options that kind has are accepted. Field order, field comments and allowed values come from
the JSON Schema and the vocabularies; nothing is listed a second time here.

Whatever is still to be filled in is marked with :data:`PLACEHOLDER`:

* in the front matter as an empty value with a ``# TE VERVANGEN`` comment, which
  the schema rejects (``verwacht: tekst, gekregen: leeg``, ``minstens 1 element``);
* in the body as a line ``TE VERVANGEN: <help text of the section>`` under each
  heading, which :func:`check_placeholders` reports as an error. (No HTML
  comment: the site escapes raw HTML in a record, so a comment would show.)

So a scaffolded record either validates or fails only on the marked parts.
:func:`render_record` is shared with :mod:`praktijkenbank.contrib.issueform`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..records.load import display_path
from ..records.validate import PLACEHOLDER
from . import scaffold_modeltext
from ..records.vocab import Vocab, load_vocab
from .cli_nl import date_option

TEMPLATE_DIR = Path(__file__).parents[1] / "templates"
RECORD_TEMPLATE = "record/record.md.j2"
DEFAULT_DIR = "practices"
COMMENT_WIDTH = 98
MAX_SLUG = 80  # same limit as validate.MAX_SLUG
ORGANISATION_PREFIX = "organisatie:"

# Short words left out of a suggested slug (articles, prepositions, auxiliaries).
_SLUG_STOPWORDS = frozenset(
    "de het een en of van voor met in op aan als bij door naar om over uit tot "
    "zijn haar hun ook die dat dit deze wordt werd worden heeft hebben".split()
)


class Invalid(ValueError):
    """An answer that does not fit; ``suggestion`` is a corrected answer, if any."""

    def __init__(self, message: str, suggestion: str | None = None):
        super().__init__(message)
        self.message = message
        self.suggestion = suggestion


# ------------------------------------------------------------- vocabulary ---

def _closest(value: str, options) -> str | None:
    options = [str(o) for o in options]
    lowered = {o.lower(): o for o in options}
    match = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    return lowered[match[0]] if match else None


def _prop(vocab: Vocab, *path: str, schema: dict | None = None) -> dict:
    """Schema of a record field, e.g. _prop(vocab, 'besturen', 'naam') (default: the practice schema)."""
    node = schema or vocab.schema
    for key in path:
        node = node["properties"][key] if "properties" in node else node["items"]["properties"][key]
    return node


def allowed_values(vocab: Vocab, *path: str, schema: dict | None = None) -> list:
    """Allowed values of an enum field, from the schema (kept equal to the vocabularies by 'schema --write')."""
    prop = _prop(vocab, *path, schema=schema)
    if "enum" in prop:
        return list(prop["enum"])
    return list(prop.get("items", {}).get("enum", []))


def _length_limits(vocab: Vocab, *path: str, schema: dict | None = None) -> tuple[int, int]:
    prop = _prop(vocab, *path, schema=schema)
    return prop.get("minLength", 0), prop.get("maxLength", 10_000)


def _government_names(vocab: Vocab) -> list[str]:
    provinces = [f"Provincie {p['naam']}" for p in vocab.provinces.values()]
    return list(vocab.municipalities) + list(vocab.former_municipalities) + provinces


# ---------------------------------------------------------------- answers ---

def split_list(raw: str, words: bool = False) -> list[str]:
    """'Gent, Aalst' -> ['Gent', 'Aalst']; with ``words`` also '11 12' -> ['11', '12']."""
    raw = raw.strip()
    if not raw:
        return []
    parts = re.split(r"[,;]" if re.search(r"[,;]", raw) or not words else r"\s+", raw)
    return [p.strip() for p in parts if p.strip()]


def parse_text(raw: str, vocab: Vocab, *path: str, schema: dict | None = None) -> str:
    text = " ".join(raw.split())
    low, high = _length_limits(vocab, *path, schema=schema)
    if len(text) < low:
        raise Invalid(f"te kort ({len(text)} tekens; minimum {low}).")
    if len(text) > high:
        raise Invalid(f"te lang ({len(text)} tekens; maximum {high}).")
    return text


def parse_government(raw: str, vocab: Vocab) -> dict:
    """One local government or organisation -> a 'besturen' entry."""
    name = " ".join(raw.split())
    if name.lower().startswith(ORGANISATION_PREFIX):
        org = name[len(ORGANISATION_PREFIX):].strip()
        low, high = _length_limits(vocab, "besturen", "naam")
        if not low <= len(org) <= high:
            raise Invalid(f"de naam van de organisatie moet {low} tot {high} tekens lang zijn.")
        return {"naam": org, "soort": "organisatie"}
    for municipality in list(vocab.municipalities) + list(vocab.former_municipalities):
        if municipality.lower() == name.lower():
            return {"naam": municipality}
    for province in vocab.provinces.values():
        full = f"Provincie {province['naam']}"
        if name.lower() in (full.lower(), province["naam"].lower() + " (provincie)"):
            return {"naam": full, "soort": "provincie"}
    close = _closest(name, _government_names(vocab))
    message = f"'{name}' is geen Vlaamse gemeente of provincie."
    if close:
        message += f" Bedoel je '{close}'?"
    message += f" Een andere organisatie? Schrijf '{ORGANISATION_PREFIX} {name}'."
    raise Invalid(message, close)


def parse_governments(items: list[str], vocab: Vocab) -> list[dict]:
    if not items:
        raise Invalid("geef minstens één bestuur.")
    result, errors, corrected = [], [], []
    for item in items:
        try:
            entry = parse_government(item, vocab)
        except Invalid as exc:
            errors.append(exc.message)
            corrected.append(exc.suggestion)
            continue
        corrected.append(item)
        if entry["naam"] not in [e["naam"] for e in result]:
            result.append(entry)
    if errors:
        suggestion = ", ".join(corrected) if all(corrected) else None
        raise Invalid(" ".join(errors), suggestion)
    return result


def parse_sdgs(items: list[str], vocab: Vocab) -> list[int]:
    if not items:
        raise Invalid("kies minstens één SDG.")
    numbers = []
    for item in items:
        text = re.sub(r"^sdg\s*", "", item.strip(), flags=re.I)
        if not text.isdigit() or int(text) not in vocab.sdgs:
            raise Invalid(f"'{item}' is geen SDG: kies nummers van 1 tot {len(vocab.sdgs)}.")
        numbers.append(int(text))
    return sorted(set(numbers))


def parse_choices(items: list[str], options: dict[str, dict], what: str) -> list[str]:
    """Ids from ids, names or list numbers; typos get the closest id as suggestion."""
    if not items:
        raise Invalid(f"kies minstens één {what}.")
    ids = list(options)
    chosen, errors, corrected = set(), [], []
    for item in items:
        key = item.strip().lower()
        match = None
        if key.isdigit() and 1 <= int(key) <= len(ids):
            match = ids[int(key) - 1]
        else:
            for oid, entry in options.items():
                if key in (oid.lower(), str(entry.get("naam", "")).lower()):
                    match = oid
        if match:
            chosen.add(match)
            corrected.append(match)
            continue
        close = _closest(key, ids + [str(e.get("naam", "")) for e in options.values()]) or _containing(key, options)
        if close and close not in options:
            close = next(oid for oid, e in options.items() if e.get("naam") == close)
        corrected.append(close)
        errors.append(f"'{item}' is geen {what}." + (f" Bedoel je '{close}'?" if close else ""))
    if errors:
        suggestion = ", ".join(corrected) if all(corrected) else None
        raise Invalid(" ".join(errors), suggestion)
    return [oid for oid in ids if oid in chosen]


def _containing(part: str, options: dict[str, dict]) -> str | None:
    """The option whose id or name contains a partial answer ('klimaat' -> 'klimaat-en-natuur'), if one does."""
    words = [w for w in re.split(r"[^a-z0-9]+", part.lower()) if len(w) >= 3]
    if not words:
        return None
    found = [oid for oid, entry in options.items()
             if all(w in f"{oid} {entry.get('naam', '')}".lower() for w in words)]
    return found[0] if found else None


def parse_level(raw: str, vocab: Vocab) -> str:
    return parse_choices([raw] if raw.strip() else [], vocab.levels, "niveau")[0]


def parse_source_ref(raw: str, vocab: Vocab) -> dict:
    """A web address (https) or the id of a seed document (brondocumenten.yaml)."""
    text = raw.strip()
    if not text:
        raise Invalid("geef een webadres (https://...) of de id van een brondocument.")
    if re.match(r"^[a-z]+://|^www\.", text, re.I):
        pattern = _prop(vocab, "bronnen", "url").get("pattern", "")
        if text.lower().startswith(("www.", "http://")):
            raise Invalid("een webadres begint met https://.", "https://" + re.sub(r"^http://", "", text, flags=re.I))
        if not re.match(pattern, text):
            raise Invalid("dat webadres heeft niet de juiste vorm (https://..., zonder spaties).")
        return {"url": text}
    if text in vocab.documents:
        return {"document": text}
    close = _closest(text, vocab.documents)
    raise Invalid("dat is geen webadres en geen brondocument van de praktijkenbank. Brondocumenten: "
                  + ", ".join(vocab.documents) + ".", close)


def parse_slug(raw: str, folder: Path) -> str:
    slug = raw.strip().removesuffix(".md")
    if not re.match(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", slug):
        raise Invalid("gebruik kleine letters, cijfers en koppeltekens, bv. 'gent-sdg-begroting'.",
                      slugify(slug) or None)
    if len(slug) > MAX_SLUG:
        raise Invalid(f"te lang ({len(slug)} tekens; maximum {MAX_SLUG}).")
    if slug in existing_slugs(folder):
        raise Invalid(f"er bestaat al een praktijk '{slug}'.", unique_slug(slug, folder))
    return slug


# ------------------------------------------------------------------ slugs ---

def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def existing_slugs(folder: Path) -> set[str]:
    folder = Path(folder)
    return {p.stem for p in folder.rglob("*.md")} if folder.is_dir() else set()


def unique_slug(base: str, folder: Path) -> str:
    taken = existing_slugs(folder)
    base = base[:MAX_SLUG - 3].rstrip("-")
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def suggest_slug(governments: list[dict], title: str | None, folder: Path, max_words: int = 5) -> str:
    """'Heuvelland' + 'Heuvelland codeert de begroting per SDG' -> 'heuvelland-codeert-begroting-per-sdg'."""
    prefix = slugify(governments[0]["naam"]) if governments else ""
    words = [w for w in slugify(title or "").split("-") if w and w not in _SLUG_STOPWORDS]
    prefix_words = prefix.split("-") if prefix else []
    for name in {prefix, slugify(governments[0].get("huidige_naam", "")) if governments else "",
                 prefix.removeprefix("provincie-")} - {""}:
        name_words = name.split("-")
        for at in range(len(words) - len(name_words), -1, -1):  # the government anywhere in the title: once in the slug
            if words[at:at + len(name_words)] == name_words:
                del words[at:at + len(name_words)]
        if words[:1] == ["provincie"] and name != prefix:
            words = words[1:]
    parts = prefix_words + words[:max_words]
    base = "-".join(p for p in parts if p) or "nieuwe-praktijk"
    while len(base) > MAX_SLUG - 3 and "-" in base:
        base = base.rsplit("-", 1)[0]
    return unique_slug(base, folder)


# -------------------------------------------------------------- rendering ---

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
_DATE_FIELDS = ("toegevoegd", "geverifieerd", "geraadpleegd")


def _wrap_items(prefix: str, items: list[str], end: str = ".") -> list[str]:
    """Wrap a comma-separated list without breaking inside an item."""
    lines, current = [], prefix
    for index, item in enumerate(items):
        piece = item + (end if index == len(items) - 1 else ",")
        candidate = f"{current} {piece}" if current else piece
        if len(candidate) > COMMENT_WIDTH and current.strip():
            lines.append(current)
            candidate = "  " + piece
        current = candidate
    lines.append(current)
    return lines


def _wrap(text: str, first: str = "", rest: str = "") -> list[str]:
    return textwrap.wrap(text, COMMENT_WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def _inline(value) -> str:
    """A scalar or a list of scalars as one line of YAML (quoted only when needed)."""
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6, sort_keys=False)
    if text.endswith("\n...\n"):  # document end marker after a plain scalar
        text = text[:-5]
    text = text.strip("\n")
    if "\n" in text:  # never spread a value over several lines: a JSON string is valid YAML
        text = json.dumps(value, ensure_ascii=False)
    return text


def _scalar_lines(key: str, value, indent: str) -> list[str]:
    """``key: value``; a long text becomes a folded block (``>-``) when that round-trips exactly."""
    if key in _DATE_FIELDS and isinstance(value, str) and _ISO_DATE.match(value):
        return [f"{indent}{key}: {value}"]  # unquoted, as in every record: the project's loader reads text
    single = f"{indent}{key}: {_inline(value)}"
    if not isinstance(value, str) or len(single) <= COMMENT_WIDTH:
        return [single]
    if value != value.strip() or "  " in value or "\n" in value or "\t" in value:
        return [single]
    body = textwrap.wrap(value, COMMENT_WIDTH - len(indent) - 2, break_long_words=False, break_on_hyphens=False)
    lines = [f"{indent}{key}: >-"] + [f"{indent}  {line}" for line in body]
    try:
        if yaml.safe_load("\n".join(lines)) == {key: value}:
            return lines
    except yaml.YAMLError:
        pass
    return [single]


def _value_lines(key: str, value, indent: str = "") -> list[str]:
    if value is None:
        return [f"{indent}{key}:  # {PLACEHOLDER}"]
    if isinstance(value, dict):
        lines = [f"{indent}{key}:"]
        for sub_key, sub_value in value.items():
            lines += _value_lines(sub_key, sub_value, indent + "  ")
        return lines
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        lines = [f"{indent}{key}:"]
        for item in value:
            item_lines: list[str] = []
            for sub_key, sub_value in item.items():
                item_lines += _value_lines(sub_key, sub_value, indent + "    ")
            item_lines[0] = f"{indent}  - " + item_lines[0].lstrip()
            lines += item_lines
        return lines
    return _scalar_lines(key, value, indent)


def _placeholder_lines(key: str, prop: dict) -> list[str]:
    """An empty value the schema rejects, marked with a TE VERVANGEN comment."""
    mark = f"  # {PLACEHOLDER}"
    if prop.get("type") == "array":
        items = prop.get("items", {})
        if items.get("type") == "object":
            lines = [f"{key}:"]
            required = items.get("required", [])
            first = True
            required = required or items.get("else", {}).get("required", [])  # bronnen: a web source
            alternative = next(iter(items.get("if", {}).get("required", [])), None)
            for sub in items.get("properties", {}):
                if sub not in required:
                    continue
                note = mark + (f" (of alleen '{alternative}: <id>')" if alternative and first else "")
                lines.append(f"  {'- ' if first else '  '}{sub}:{note}")
                first = False
            return lines
        return [f"{key}: []{mark}"]
    if prop.get("type") == "object":
        lines = [f"{key}:"]
        lines += [f"  {sub}:{mark}" for sub in prop.get("required", [])]
        return lines
    return [f"{key}:{mark}"]


def _commented_stub(key: str, prop: dict) -> list[str]:
    """An optional field, commented out, so people know it exists."""
    if prop.get("type") == "object":
        return [f"# {key}:"] + [f"#   {sub}:" for sub in prop.get("properties", {})]
    if prop.get("type") == "array":
        return [f"# {key}: []"]
    return [f"# {key}:"]


def _describe_enum(values: list, labels: dict | None = None) -> str:
    if labels:
        return ", ".join(f"{v} ({labels[v]})" if v in labels else str(v) for v in values)
    return ", ".join(str(v) for v in values)


def required_fields(schema: dict) -> set[str]:
    """Fields a record must have: 'required', plus what the 'else' branches ask (sdgs unless alle_sdgs, ...)."""
    required = set(schema.get("required", []))
    for part in [schema, *schema.get("allOf", [])]:
        required |= set(part.get("else", {}).get("required", []))
    return required


def field_comments(key: str, vocab: Vocab, schema: dict | None = None) -> list[str]:
    """Short Dutch comment lines for a record field, from the schema and the vocabularies."""
    schema = schema or vocab.schema
    prop = schema["properties"][key]
    required = key in required_fields(schema)
    title = prop.get("title", key)
    description = prop.get("description", "")
    optional = "" if required or description.lower().startswith("optioneel") else " (optioneel)"
    head = f"{title}{optional}"
    lines = _wrap(f"{head}: {description}" if description else f"{head}.")
    values = allowed_values(vocab, key, schema=schema)
    if key == "sdgs":
        lines += _wrap_items("Nummers:", [f"{n} {s['naam']}" for n, s in vocab.sdgs.items()])
    elif key == "subdoelen":
        lines += _wrap("Alle subdoelen staan in tools/praktijkenbank/data/subdoelen.yaml.")
    elif values:
        lines += _wrap_items("Toegelaten:", [str(v) for v in values])
    items = prop.get("items", {}) if prop.get("type") == "array" else prop
    for sub, sub_prop in items.get("properties", {}).items():
        text = sub_prop.get("description") or sub_prop.get("title", "")
        if "minimum" in sub_prop and "maximum" in sub_prop:
            text += f" ({sub_prop['minimum']} tot {sub_prop['maximum']})"
        text = text if text.endswith(".") else text + "."
        sub_values = allowed_values(vocab, key, sub, schema=schema)
        if sub_values and not any(str(v) in text for v in sub_values):
            text += f" Toegelaten: {_describe_enum(sub_values)}."
        lines += _wrap(f"{sub}: {text}", "  ", "    ")
    if key == "besturen":
        lines += _wrap("Alle gemeenten (ook voormalige) staan in tools/praktijkenbank/data/gemeenten.yaml.", "  ", "    ")
    if key == "status":
        for sid, entry in vocab.statuses.items():
            lines += _wrap(f"{sid}: {entry['omschrijving']}", "  ", "    ")
    return lines


@dataclass
class Field:
    key: str
    comments: list[str]
    lines: list[str]


# Optional in the schema (older records and other branches stay valid), but a new record fills them in:
# the validator warns when they are missing.
TO_FILL = {"beleidsdomeinen"}


def build_fields(meta: dict, vocab: Vocab, schema: dict | None = None) -> list[Field]:
    """Every schema field in schema order: given value, placeholder, or commented-out stub."""
    schema = schema or vocab.schema
    required = required_fields(schema)
    fields = []
    for key, prop in schema["properties"].items():
        if key in meta and meta[key] not in (None, [], {}):
            lines = _value_lines(key, meta[key])
        elif key in required or key in TO_FILL:
            lines = _placeholder_lines(key, prop)
        else:
            lines = _commented_stub(key, prop)
        fields.append(Field(key, field_comments(key, vocab, schema), lines))
    unknown = [k for k in meta if k not in schema["properties"]]
    if unknown:
        raise ValueError(f"onbekende velden: {', '.join(unknown)}")
    return fields


def _environment():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=False,  # YAML and Markdown, not HTML
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )


def render_record(meta: dict, vocab: Vocab | None = None, sections: dict[str, str] | None = None,
                  kind: str = "praktijk") -> str:
    """The full text of a record of ``kind`` (soorten.yaml): commented front matter + body outline.

    ``sections`` maps a heading (the kind's 'secties') to its text; a heading
    without text gets one line 'TE VERVANGEN: <help text>' to replace.
    """
    vocab = vocab or load_vocab()
    record_kind = vocab.kinds[kind]
    sections = sections or {}
    outline = []
    for section in record_kind.sections:
        text = (sections.get(section["kop"]) or "").strip()
        outline.append({"kop": section["kop"], "text": text or f"{PLACEHOLDER}: {section['hulp']}"})
    template = _environment().get_template(RECORD_TEMPLATE)
    text = template.render(fields=build_fields(meta, vocab, record_kind.schema), sections=outline,
                           placeholder=PLACEHOLDER, kind=record_kind)
    return text.rstrip("\n") + "\n"


def write_new(path: Path, text: str) -> None:
    """Create ``path``; never overwrite (exclusive create)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "x", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


# ------------------------------------------------------- placeholder check ---

class Asker:
    """Dutch prompts that re-ask until an answer fits; 'j' accepts a suggestion."""

    def __init__(self, input_fn: Callable[[str], str] = input, out=None):
        self.input_fn = input_fn
        self.out = out or sys.stdout

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def ask(self, question: str, parse: Callable[[str], object], help_lines=(), default: str | None = None):
        self.say()
        self.say(question)
        for line in help_lines:
            self.say(f"  {line}")
        suggestion = None
        while True:
            prompt = f"[{default}] > " if default else "> "
            try:
                raw = self.input_fn(prompt)
            except EOFError:
                raise Invalid("geen invoer meer. Gebruik --geen-vragen om zonder vragen een opzet te maken.")
            raw = raw.strip()
            if not raw and default is not None:
                raw = default
            if suggestion and raw.lower() in ("j", "ja"):
                raw = suggestion
            try:
                return parse(raw)
            except Invalid as exc:
                suggestion = exc.suggestion
                self.say(f"  ✗ {exc.message}")
                if suggestion:
                    self.say(f"  Typ j om '{suggestion}' over te nemen, of typ je antwoord opnieuw.")
                else:
                    self.say("  Probeer opnieuw.")


def _listing(options: dict[str, dict]) -> list[str]:
    return [f"{n:>2}. {oid}: {entry.get('naam', oid)}" for n, (oid, entry) in enumerate(options.items(), 1)]


def _option_values(args) -> dict:
    return {
        "titel": args.titel,
        "besturen": args.bestuur or None,
        "sdgs": args.sdg or None,
        "themas": args.thema or None,
        "fasen": args.fase or None,
        "beleidsdomeinen": getattr(args, "beleidsdomein", None) or None,
        "niveau": args.niveau,
        "status": args.status,
        "samenvatting": args.samenvatting,
        "bron_titel": args.bron_titel,
        "bron_uitgever": args.bron_uitgever,
        "bron_geraadpleegd": getattr(args, "bron_geraadpleegd", None),
        "bron": args.bron_url or args.bron_document,
    }


def _flat(values: list[str] | None) -> list[str]:
    """Repeatable options may also hold comma-separated lists: --sdg 11,12 --sdg 13."""
    return [item for value in values or [] for item in split_list(value)]


# Option (key of _option_values) -> the record field it fills.
_OPTION_FIELD = {"bron_titel": "bronnen", "bron_uitgever": "bronnen", "bron_geraadpleegd": "bronnen", "bron": "bronnen"}


def unsupported_options(args, kind) -> list[str]:
    """Options given that a record of this kind has no field for (e.g. --bestuur for an instrument)."""
    fields = kind.schema["properties"]
    return [f"--{_option_name(key).replace('_', '-')}" for key, value in _option_values(args).items()
            if value not in (None, []) and _OPTION_FIELD.get(key, key) not in fields]


def collect(args, vocab: Vocab, asker: Asker | None, kind: str = "praktijk") -> tuple[dict, str | None]:
    """Metadata from options, asking for what is missing (unless asker is None).

    Only the fields a record of ``kind`` has are asked for. Returns (meta, slug or
    None). Raises Invalid for a bad option value when there is nobody to ask.
    """
    record_kind = vocab.kinds[kind]
    schema = record_kind.schema
    noun = f"{record_kind.article} {record_kind.singular}"
    given = _option_values(args)
    meta: dict = {}
    parsers: list[tuple[str, Callable[[str], object], str, list[str]]] = [
        ("titel", lambda raw: parse_text(raw, vocab, "titel", schema=schema),
         f"Titel van {noun}", _wrap(_prop(vocab, "titel", schema=schema).get("description", ""))),
        ("besturen", lambda raw: parse_governments(split_list(raw), vocab),
         "Welk bestuur of welke besturen voerden de praktijk uit? (komma's ertussen)",
         ["Een Vlaamse gemeente (ook een voormalige), of 'Provincie Antwerpen' enz.",
          f"Een andere organisatie: zet '{ORGANISATION_PREFIX}' ervoor, bv. '{ORGANISATION_PREFIX} VVSG'."]),
        ("sdgs", lambda raw: parse_sdgs(split_list(raw, words=True), vocab),
         f"Aan welke SDG's draagt {noun} bij? (nummers, bv. 11, 12)",
         _wrap_items("", [f"{n} {s['naam']}" for n, s in vocab.sdgs.items()])),
        ("themas", lambda raw: parse_choices(split_list(raw), vocab.themes, "thema"),
         "Thema's (nummers of namen, komma's ertussen)", _listing(vocab.themes)),
        ("fasen", lambda raw: parse_choices(split_list(raw), vocab.phases, "fase"),
         "Fasen van de beleidscyclus (nummers of namen, komma's ertussen)", _listing(vocab.phases)),
        ("beleidsdomeinen", lambda raw: parse_choices(split_list(raw), vocab.domains, "beleidsdomein"),
         "Beleidsdomeinen van het meerjarenplan (BBC) (nummers of namen, komma's ertussen)", _listing(vocab.domains)),
        ("niveau", lambda raw: parse_level(raw, vocab),
         "Niveau", [f"{oid}: {e.get('omschrijving', '')}" for oid, e in vocab.levels.items()]),
        ("status", lambda raw: parse_choices([raw] if raw.strip() else [], vocab.statuses, "status")[0],
         "Status", [f"{oid}: {e.get('omschrijving', '')}" for oid, e in vocab.statuses.items()]),
        ("samenvatting", lambda raw: parse_text(raw, vocab, "samenvatting", schema=schema),
         "Samenvatting", _wrap(_prop(vocab, "samenvatting", schema=schema).get("description", ""))),
    ]
    for key, parse, question, help_lines in parsers:
        if key not in schema["properties"]:
            continue
        raw = given[key]
        if isinstance(raw, list):
            raw = ", ".join(_flat(raw))
        if raw is not None:
            try:
                meta[key] = parse(raw)
                continue
            except Invalid as exc:
                if asker is None:
                    hint = f" (bedoel je '{exc.suggestion}'?)" if exc.suggestion and "Bedoel" not in exc.message else ""
                    raise Invalid(f"--{_option_name(key)}: {exc.message}{hint}", exc.suggestion)
                asker.say(f"  ✗ {_option_name(key)}: {exc.message}")
        if asker is not None and (key != "beleidsdomeinen" or record_kind.id == "praktijk"):
            meta[key] = asker.ask(question, parse, help_lines)
    source = _collect_source(given, vocab, asker, getattr(args, "datum", None) or dt.date.today().isoformat())
    if source:
        meta["bronnen"] = [source]
    slug = None
    if getattr(args, "slug", None):
        try:
            slug = parse_slug(args.slug, Path(args.map))
        except Invalid as exc:
            if asker is None:
                raise Invalid(f"--slug: {exc.message}", exc.suggestion)
            asker.say(f"  ✗ slug: {exc.message}")
    return meta, slug


def _option_name(key: str) -> str:
    return {"besturen": "bestuur", "sdgs": "sdg", "themas": "thema", "fasen": "fase", "beleidsdomeinen": "beleidsdomein",
            "bron": "bron-url/--bron-document"}.get(key, key)


def _collect_source(given: dict, vocab: Vocab, asker: Asker | None, today: str = "") -> dict | None:
    """One source: asked for, taken from options, or (partly) left as placeholders.

    A web source gets titel, uitgever, url and geraadpleegd (the date of today);
    a seed document only its id.
    """
    ref = given["bron"]
    source: dict = {}
    if ref is not None:
        try:
            source.update(parse_source_ref(ref, vocab))
        except Invalid as exc:
            if asker is None:
                raise Invalid(f"--bron-url/--bron-document: {exc.message}", exc.suggestion)
            asker.say(f"  ✗ bron: {exc.message}")
    if not source and asker is not None:
        source.update(asker.ask("Webadres van de bron (https://...), of de id van een brondocument",
                                lambda raw: parse_source_ref(raw, vocab),
                                ["bv. 'https://www.gent.be/...' of 'evaluatie-vlaams-lmb-2025'",
                                 "Brondocumenten: " + ", ".join(vocab.documents)]))
    if "document" in source:
        return source
    web: dict = {}
    for key, option, question, example in (
            ("titel", "bron_titel", "Titel van de bron (de titel van de webpagina)", "bv. 'Meerjarenplan 2026-2031'"),
            ("uitgever", "bron_uitgever", "Uitgever van de bron (de organisatie)", "bv. 'Stad Gent' of 'VVSG'")):
        raw = given.get(option)
        if raw is not None:
            try:
                web[key] = parse_text(raw, vocab, "bronnen", key)
                continue
            except Invalid as exc:
                if asker is None:
                    raise Invalid(f"--{option.replace('_', '-')}: {exc.message}")
                asker.say(f"  ✗ {option.replace('_', '-')}: {exc.message}")
        if asker is not None and (source or web):
            web[key] = asker.ask(question, lambda raw, key=key: parse_text(raw, vocab, "bronnen", key), [example])
    if not source and not web:
        return None  # the template writes the whole field as placeholder
    read = given.get("bron_geraadpleegd")
    if read is not None:
        try:
            read = parse_read_date(read, today)
        except Invalid as exc:
            if asker is None:
                raise Invalid(f"--bron-geraadpleegd: {exc.message}")
            asker.say(f"  ✗ bron-geraadpleegd: {exc.message}")
            read = None
    if read is None and asker is not None:  # never assumed: a source read last month says so
        read = asker.ask("Wanneer las je de bron? (JJJJ-MM-DD; Enter: vandaag)", lambda raw: parse_read_date(raw, today),
                         ["De datum waarop jij de bron raadpleegde; staat de praktijk er nog zo?"], default=today or None)
    return {"titel": web.get("titel"), "uitgever": web.get("uitgever"), "url": source.get("url"),
            "geraadpleegd": read}


def parse_read_date(raw: str, today: str) -> str:
    """The date a source was read: a real date, not after today."""
    try:
        date = dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise Invalid("geef een datum als JJJJ-MM-DD, bv. 2026-11-30.") from None
    if today and date.isoformat() > today:
        raise Invalid(f"{date.isoformat()} ligt na vandaag ({today}).", today)
    return date.isoformat()


# -------------------------------------------------------------------- CLI ---

def add_arguments(subparsers) -> None:
    parser = subparsers.add_parser(
        "nieuw", aliases=["new"],
        help="maak een nieuwe praktijk (of een ander record) aan: vraagt wat nodig is, of neemt alles als opties",
        description="Maak practices/<slug>.md aan met alle velden, uitleg en de vaste koppen. "
                    "Zonder opties stelt het programma vragen; met --geen-vragen vult het alleen in wat je als optie "
                    f"meegeeft en markeert het de rest met '{PLACEHOLDER}'. Met --soort maak je een instrument "
                    "(instruments/), een productgroep (procurement/), een dossier (dossiers/) of een indicator (indicators/).")
    parser.add_argument("--soort", default="praktijk", metavar="SOORT",
                        help="soort record: praktijk (standaard), instrument, productgroep, dossier of indicator; "
                             "'modeltekst' maakt een instrument met de tekst zelf (vorm: modeltekst, invulvelden)")
    parser.add_argument("--titel", help="titel van de praktijk")
    parser.add_argument("--bestuur", action="append", metavar="NAAM",
                        help=f"gemeente of provincie (herhaalbaar); een andere organisatie als '{ORGANISATION_PREFIX} NAAM'")
    parser.add_argument("--sdg", action="append", metavar="NUMMER", help="SDG-nummer (herhaalbaar of met komma's)")
    parser.add_argument("--thema", action="append", metavar="THEMA", help="thema (herhaalbaar of met komma's)")
    parser.add_argument("--fase", action="append", metavar="FASE", help="fase van de beleidscyclus (herhaalbaar)")
    parser.add_argument("--beleidsdomein", action="append", metavar="DOMEIN",
                        help="beleidsdomein van de BBC, bv. natuur-en-milieubeheer (herhaalbaar of met komma's)")
    parser.add_argument("--niveau", help="starter of gevorderd")
    parser.add_argument("--status", help="uitgevoerd, lopend of gepland")
    parser.add_argument("--samenvatting", help="een of twee zinnen")
    parser.add_argument("--bron-titel", dest="bron_titel", metavar="TITEL", help="titel van de webbron")
    parser.add_argument("--bron-uitgever", dest="bron_uitgever", metavar="NAAM", help="uitgever van de webbron")
    parser.add_argument("--bron-geraadpleegd", dest="bron_geraadpleegd", metavar="JJJJ-MM-DD",
                        help=f"wanneer je de webbron las (zonder deze optie: gevraagd, of '{PLACEHOLDER}' met --geen-vragen)")
    ref = parser.add_mutually_exclusive_group()
    ref.add_argument("--bron-url", dest="bron_url", metavar="URL", help="webadres van de bron (https://...)")
    ref.add_argument("--bron-document", dest="bron_document", metavar="ID",
                     help="id van een brondocument van de praktijkenbank (zonder webadres)")
    parser.add_argument("--slug", help="bestandsnaam zonder .md (standaard: voorgesteld uit bestuur en titel)")
    parser.add_argument("--map", metavar="MAP",
                        help=f"map voor het nieuwe bestand (standaard: die van de soort, bv. {DEFAULT_DIR})")
    parser.add_argument("--datum", metavar="JJJJ-MM-DD", help="datum voor 'toegevoegd' en 'geverifieerd' (standaard: vandaag)")
    parser.add_argument("--geen-vragen", dest="geen_vragen", action="store_true",
                        help=f"stel geen vragen; wat ontbreekt, wordt gemarkeerd met '{PLACEHOLDER}'")
    parser.set_defaults(func=main)


def main(args, input_fn: Callable[[str], str] = input, out=None, err=None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    vocab = load_vocab()
    kind_id = getattr(args, "soort", None) or "praktijk"
    model_text = kind_id == scaffold_modeltext.ALIAS  # an instrument that holds its own text
    if model_text:
        kind_id = "instrument"
    if kind_id not in vocab.kinds:
        choices = [*vocab.kinds, scaffold_modeltext.ALIAS]
        suggestion = _closest(kind_id, choices)
        hint = f" Bedoel je '{suggestion}'?" if suggestion else ""
        print(f"praktijkenbank nieuw: --soort '{kind_id}' bestaat niet.{hint} Kies uit: {', '.join(choices)}.", file=err)
        return 2
    kind = vocab.kinds[kind_id]
    if not getattr(args, "map", None):
        args.map = kind.folder
    folder = Path(args.map)
    extra = unsupported_options(args, kind)
    if extra:
        options = " en ".join([", ".join(extra[:-1]), extra[-1]] if len(extra) > 1 else extra)
        verb, fields = ("horen", "die velden") if len(extra) > 1 else ("hoort", "dat veld")
        print(f"praktijkenbank nieuw: {options} {verb} niet bij een {kind.singular}: een {kind.singular} "
              f"heeft {fields} niet.", file=err)
        return 2
    today = date_option(args.datum, "nieuw", err)
    if today is None:
        return 2
    asker = None if args.geen_vragen else Asker(input_fn, out)
    if asker:
        new = "Nieuwe" if kind.article == "de" else "Nieuw"
        asker.say(f"{new} {kind.singular} toevoegen. Elke vraag toont de toegelaten waarden; Ctrl+C stopt.")
    try:
        meta, slug = collect(args, vocab, asker, kind_id)
        if slug is None:
            suggestion = suggest_slug(meta.get("besturen") or [], meta.get("titel"), folder)
            if asker:
                slug = asker.ask(f"Bestandsnaam (slug) van {kind.article} {kind.singular}. Enter neemt het voorstel over.",
                                 lambda raw: parse_slug(raw, folder), default=suggestion)
            else:
                slug = suggestion
    except Invalid as exc:
        print(f"praktijkenbank nieuw: {exc.message}", file=err)
        return 2
    date = today.isoformat()
    meta["toegevoegd"] = date
    meta["geverifieerd"] = date
    if model_text:
        meta = scaffold_modeltext.prepare(meta)
    text = render_record(meta, vocab, kind=kind_id)
    if model_text:
        text = scaffold_modeltext.finish(text)
    path = folder / f"{slug}.md"
    try:
        write_new(path, text)
    except FileExistsError:
        print(f"praktijkenbank nieuw: {display_path(path)} bestaat al; ik overschrijf niets. Kies een andere --slug.",
              file=err)
        return 1
    shown = display_path(path)
    todo = text.count(PLACEHOLDER) - 1  # minus the explanation in the header comment
    print(f"Aangemaakt: {shown}", file=out)
    if todo:
        print(f"Nog in te vullen: {todo} plaats(en) gemarkeerd met '{PLACEHOLDER}'.", file=out)
    print(f"Vul de tekst aan en kijk na met: praktijkenbank valideer {shown}", file=out)
    return 0
