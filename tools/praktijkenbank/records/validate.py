"""Validation of records (practices, instruments, product groups, dossiers).

First the JSON Schema of the record's kind, then one ``check_*`` function per
rule (:mod:`.checks`, per record; :mod:`.crosschecks`, across records). All
problems are collected, never stopping at the first one.

Usage::

    records, problems = validate_paths(["practices", "instruments"])
    for problem in problems:
        print(problem.format())
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import fastjsonschema

from .checks import (  # noqa: F401  (re-exported: the checks used to live here)
    PLACEHOLDER, RECORD_CHECKS, _allowed, _closest, _field, _problem, check_dates, check_placeholders,
)
from .. import buildcache
from .crosschecks import CROSS_CHECKS
from .load import Record, discover, kind_of, load_practice, peek_practice
from .problems import ERROR, Problem
from .vocab import Vocab, load_vocab

if TYPE_CHECKING:
    import jsonschema

# ---------------------------------------------------------------- schema ----

_URL_HINT = ("Een webadres begint met https:// en bevat geen spaties. Begint het met www., dan zet "
             "'praktijkenbank valideer --herstel' er https:// voor. Een adres met http:// pas je zelf aan, "
             "nadat je nagekeken hebt dat de pagina ook met https:// bestaat.")

_TYPE_NL = {"string": "tekst", "integer": "geheel getal", "array": "lijst", "object": "blok met velden",
            "number": "getal", "boolean": "ja/nee", "null": "leeg"}


def _schema_validator(schema: dict):
    import jsonschema  # only for a record that fails the compiled check: saves its import otherwise

    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


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


def _description(root: dict, path: tuple, schema: dict, fallback: str = "") -> str:
    """The help text of the field at ``path``: from the failing sub-schema, else from the kind's schema."""
    if schema.get("description"):
        return schema["description"]
    node = root
    for part in path:
        if isinstance(part, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(part, {})
    return node.get("description", fallback)


def _schema_problem(practice: Record, error: jsonschema.ValidationError, root: dict | None = None) -> Problem:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema
    value = error.instance
    label = _field(path)
    root = root or {}
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
        hint = _description(root, path + (missing,), sub, "Vul het veld in.")
        if missing == "sdgs" and not path:
            hint += " Gebruikt de praktijk alle 17 SDG's als kader, zet dan 'alle_sdgs: true'."
        if missing == "links" and not path:
            hint += (" Draait het instrument op deze site zelf, geef dan 'pagina' (bv. 'begroting/'); staat de tekst van"
                     " een modeltekst op de fiche zelf, geef dan 'invulvelden'.")
        if missing == "subdoelen" and not path:
            hint = "Noem minstens één subdoel (target) waar het over gaat, bv. '6.3'; elk hoort bij een SDG uit 'sdgs'."
        if path[-1:] in (("waarde_bron",), ("bron",)) and missing in ("titel", "uitgever", "url", "geraadpleegd"):
            hint = "Een bron heeft titel, uitgever, url (https://...) en geraadpleegd (JJJJ-MM-DD)."
        if path[:1] == ("bronnen",) and missing in ("titel", "uitgever", "url", "geraadpleegd"):
            hint = ("Een webbron heeft titel, uitgever, url (https://...) en geraadpleegd (JJJJ-MM-DD). Gaat het om een "
                    "brondocument van de praktijkenbank, schrijf dan 'document: <id>' (zie de pagina 'Velden').")
        # Missing in a block of fields ('waarde_bron:'): point at the block's own key, not its first field.
        return _problem(practice, path, f"het verplichte veld '{missing}' ontbreekt{where}.", hint,
                        key=bool(path) and isinstance(path[-1], str))
    if kind in ("enum", "type") and value is None:  # 'titel:' with nothing after it: no tip about quotation marks
        allowed = f" Toegelaten: {_allowed(schema['enum'])}." if kind == "enum" else ""
        return _problem(practice, path, f"het veld '{label}' is leeg.",
                        _description(root, path, schema, "Vul het veld in.") + allowed)
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
            "boolean": "Schrijf true of false, zonder aanhalingstekens.",
            "number": "Schrijf een getal zonder aanhalingstekens en zonder eenheid, bv. 55 of 12.5.",
        }.get(expected, "")
        return _problem(practice, path, f"verwacht: {_TYPE_NL.get(expected, expected)}, gekregen: {_describe(value)}.", hint)
    if kind in ("minLength", "maxLength"):
        limit = error.validator_value
        size = len(value)
        if kind == "minLength":
            return _problem(practice, path, f"te kort ({size} tekens; minimum {limit}).",
                            _description(root, path, schema, "Vul meer aan."))
        return _problem(practice, path, f"te lang ({size} tekens; maximum {limit}).",
                        _description(root, path, schema, "Kort in."))
    if kind == "minItems":
        return _problem(practice, path, f"de lijst moet minstens {error.validator_value} element(en) bevatten.",
                        _description(root, path, schema))
    if kind == "contains":
        wanted = schema.get("contains", {}).get("const")
        return _problem(practice, path, f"de lijst moet '{wanted}' bevatten.",
                        _description(root, path, schema))
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
            "url": _URL_HINT,
            "website": _URL_HINT,
            "geraadpleegd": "Schrijf de datum als JJJJ-MM-DD, bv. 2026-03-01.",
            "instrumenten": "Gebruik de bestandsnaam van het instrument zonder .md, bv. 'sdg-toets'.",
            "productgroepen": "Gebruik de bestandsnaam van de productgroep zonder .md, bv. 'werkkledij'.",
            "email": "Schrijf een geldig e-mailadres, bv. duurzaamheid@gemeente.be.",
        }
        key = next((p for p in reversed(path) if isinstance(p, str)), "")
        return _problem(practice, path, f"{_describe(value)} heeft niet de juiste vorm.",
                        hints.get(key) or _description(root, path, schema))
    return _problem(practice, path, f"ongeldige waarde ({error.message}).", "")


def _fast_validator(schema: dict):
    """A compiled yes/no check (fastjsonschema): most records are valid, so only
    invalid ones pay for jsonschema's detailed error walk."""
    schema = dict(schema)
    schema["$schema"] = "http://json-schema.org/draft-07/schema#"  # same keywords, draft fastjsonschema knows
    return fastjsonschema.compile(schema, use_default=False)


class _Lazy(dict):
    """{kind: validator}, each made when first asked for (a bank of valid records never needs the
    detailed validators, nor the compiled check of a kind it has no records of)."""

    def __init__(self, make, vocab: Vocab):
        super().__init__()
        self.make, self.vocab = make, vocab

    def __missing__(self, kind: str):
        value = self[kind] = self.make(self.vocab.kinds[kind].schema)
        return value


class Validators:
    """The compiled schema validators of every kind, made once per process (when first needed)."""

    def __init__(self, vocab: Vocab):
        self.full = _Lazy(_schema_validator, vocab)
        self.fast = _Lazy(_fast_validator, vocab)


def check_schema(practice: Record, vocab: Vocab, validators: Validators | None = None) -> Iterator[Problem]:
    """Front matter against the JSON Schema of its kind (unknown fields, types, required fields, enums)."""
    schema = vocab.kinds[practice.kind].schema
    if validators is not None:
        try:
            validators.fast[practice.kind](practice.meta)
            return
        except fastjsonschema.JsonSchemaException:
            pass
    validator = validators.full[practice.kind] if validators is not None else _schema_validator(schema)
    missing: dict[tuple, list[jsonschema.ValidationError]] = {}
    for error in validator.iter_errors(practice.meta):
        if error.validator == "required" and error.absolute_path:
            missing.setdefault(tuple(error.absolute_path), []).append(error)
        else:
            yield _schema_problem(practice, error, schema)
    for path, errors in missing.items():  # several fields missing in one block: one message
        if len(errors) == 1:
            yield _schema_problem(practice, errors[0], schema)
            continue
        names = [e.message.split("'")[1] for e in errors if "'" in e.message]
        first = _schema_problem(practice, errors[0], schema)
        listed = ", ".join(f"'{n}'" for n in names[:-1]) + f" en '{names[-1]}'"
        yield Problem(first.path, first.line, first.col, first.field,
                      f"de verplichte velden {listed} ontbreken in {_field(path)}.", first.hint, first.severity)



# ------------------------------------------------------------------ entry ---

_WORKER_STATE: dict = {}


def _record_problems(record: Record, vocab: Vocab, validators: Validators, today) -> list[Problem]:
    problems = list(check_schema(record, vocab, validators))
    for check in RECORD_CHECKS[record.kind]:
        if check is check_dates:
            problems.extend(check_dates(record, vocab, today))
        else:
            problems.extend(check(record, vocab))
    return problems


def _cross_record_problems(records: list[Record], vocab: Vocab) -> list[Problem]:
    return [problem for check in CROSS_CHECKS for problem in check(records, vocab)]


def validate(records: list[Record], vocab: Vocab | None = None,
             today: dt.date | None = None) -> list[Problem]:
    """Run every check on every record; return all problems (errors and warnings)."""
    vocab = vocab or load_vocab()
    validators = Validators(vocab)
    problems: list[Problem] = []
    for record in records:
        problems.extend(_record_problems(record, vocab, validators, today))
    return problems + _cross_record_problems(records, vocab)


def _load_and_check(path: Path) -> tuple[Record | None, list[Problem]]:
    """Worker: load one file and run the per-record checks (from the build cache when the
    same bytes were checked before in this process: ``mkdocs serve``)."""
    if not buildcache.enabled:
        return _load_and_check_file(path)
    try:
        data = path.read_bytes()
    except OSError:
        return _load_and_check_file(path)
    key = buildcache.key("valideer", str(path), data, str(_WORKER_STATE.get("today")), bool(_WORKER_STATE.get("light")))
    found = buildcache.get("valideer", key)
    if found is None:
        found = _load_and_check_file(path)
        buildcache.put("valideer", key, found)
    return found[0], list(found[1])


def _load_and_check_file(path: Path) -> tuple[Record | None, list[Problem]]:
    state = _WORKER_STATE
    if "vocab" not in state:
        vocab = load_vocab()
        state.update(vocab=vocab, validators=Validators(vocab))
    record, problems = load_practice(path)
    if record is not None:
        problems += _record_problems(record, state["vocab"], state["validators"], state.get("today"))
        if state.get("light"):
            record = _light(record)
    return record, problems


_CROSS_FIELDS = ("titel", "besturen", "verwant", "instrumenten", "productgroepen")


def _light(record: Record) -> Record:
    """Only what the cross-record checks read: keeps the data sent back by workers small."""
    keep = lambda path: path and path[0] in _CROSS_FIELDS  # noqa: E731
    return Record(record.path, record.slug,
                  {k: record.meta[k] for k in _CROSS_FIELDS if k in record.meta},
                  record.body if ".md" in record.body else "",  # the body-link check reads these
                  record.body_line,
                  {k: v for k, v in record.positions.items() if keep(k)},
                  {k: v for k, v in record.key_positions.items() if keep(k)}, record.kind)


def _sibling_records(paths, files: list[Path], vocab: Vocab) -> list[Record]:
    """Records beside the files and folders given (not given themselves), for the cross-record checks:
    the other files in the folder of a file named on its own, and the records of the other kinds
    in the folders next to a kind's folder ('validate practices' resolves 'instrumenten' too).

    Only the fields those checks read, without positions: their problems are
    reported on the given files only.
    """
    given = {path.resolve() for path in files}
    folders = set()
    for raw in paths:
        path = Path(raw).resolve()
        if path.is_file():
            folders.add(path.parent)
            path = path.parent
        elif not path.is_dir():
            continue
        if vocab.kind_for_folder(path.name):  # a kind folder: its neighbours hold the other kinds
            folders.update(path.parent / kind.folder for kind in vocab.kinds.values())
    siblings = []
    for folder in sorted(f for f in folders if f.is_dir()):
        kind = kind_of(folder / "x.md")
        for path in sorted(folder.glob("*.md")):  # under a resolved folder: no resolve() per file
            if path in given or path.name == "README.md":
                continue
            record = peek_practice(path, _CROSS_FIELDS, kind)
            if record is not None:
                siblings.append(record)
    return siblings


def default_paths(root: Path | str = ".") -> list[Path]:
    """The record folder of every kind that exists under ``root`` (what 'validate' checks by default)."""
    root = Path(root)
    return [root / kind.folder for kind in load_vocab().kinds.values() if (root / kind.folder).is_dir()]


PARALLEL_FROM = 400  # below this, starting worker processes costs more than it saves


def validate_paths(paths, strict: bool = False, today: dt.date | None = None,
                   full: bool = True, siblings: bool = True) -> tuple[list[Record], list[Problem]]:
    """Load and validate every record under ``paths``; problems sorted by file and line.

    With ``full=False`` (the command line) large banks are checked on all cores
    and the returned records carry only the fields of the cross-record checks;
    with ``full=True`` (the site build) they are complete. The cross-record
    checks run once over the whole list, plus (``siblings``) the other records
    beside a file that was named on its own. With ``strict``, warnings are
    promoted to errors.
    """
    vocab = load_vocab()
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
    records = []
    for record, found in results:
        problems.extend(found)
        if record is not None:
            records.append(record)
    # Cross-record checks see the rest of the bank too: validating one file (pre-commit, a
    # contributor checking their new record) must resolve references against the other records.
    # The siblings come first, so a duplicate is reported on the file that was asked for.
    context = _sibling_records(paths, files, vocab) if siblings else []
    shown = {record.path for record in records}
    problems.extend(p for p in _cross_record_problems(context + records, vocab) if p.path in shown)
    if strict:
        problems = [Problem(p.path, p.line, p.col, p.field, p.message, p.hint, ERROR) for p in problems]
    problems.sort(key=Problem.sort_key)
    return records, problems
