"""Keep the JSON Schemas equal to the vocabulary files and the shared field definitions.

The vocabularies in data/*.yaml and the shared fields in data/schema/gemeenschappelijk.json
are the source of truth; every kind's schema (data/schema/<kind>.schema.json) carries a copy
so that it is complete on its own (editors read one file). ``praktijkenbank schema``
reports a difference, ``--write`` rewrites the schemas.
"""

from __future__ import annotations

import copy
import json
import sys

from .vocab import COMMON_SCHEMA_PATH, load_vocab

# Vocabulary copied into a schema location (the same ids wherever the field occurs).
_ENUMS = {
    ("themas", "items", "enum"): lambda v: list(v.themes),
    ("fasen", "items", "enum"): lambda v: list(v.phases),
    ("niveau", "enum"): lambda v: list(v.levels),
    ("niveaus", "items", "enum"): lambda v: list(v.levels),
    ("status", "enum"): lambda v: list(v.statuses),
    ("vorm", "enum"): lambda v: list(v.formats),
    ("vijf_p", "items", "enum"): lambda v: list(v.ps),
    ("besturen", "items", "properties", "provincie", "enum"): lambda v: list(v.provinces),
    ("bronnen", "items", "properties", "document", "enum"): lambda v: list(v.documents),
    ("criteria", "items", "properties", "stap", "enum"): lambda v: list(v.steps),
    ("set", "enum"): lambda v: list(v.indicator_terms["set"]),
    ("richting", "enum"): lambda v: list(v.indicator_terms["richting"]),
    ("frequentie", "enum"): lambda v: list(v.indicator_terms["frequentie"]),
    ("niveau", "items", "enum"): lambda v: list(v.indicator_terms["niveau"]),
    ("doel_2030", "properties", "niveau", "enum"): lambda v: list(v.indicator_terms["doelniveau"]),
    ("clausules", "items", "properties", "stap", "enum"): lambda v: list(v.steps),
    ("clausules", "items", "properties", "niveau", "enum"): lambda v: list(v.ambitions),
    ("clausules", "items", "properties", "bewijs", "items", "enum"): lambda v: list(v.proofs),
    ("beleidsdomeinen", "items", "enum"): lambda v: list(v.domains),
    ("subdomeinen", "items", "enum"): lambda v: list(v.subdomains),
    ("bewijs", "enum"): lambda v: list(v.evidence),
    ("kost", "properties", "orde", "enum"): lambda v: list(v.cost_orders),
}


def _common_properties() -> dict:
    return json.loads(COMMON_SCHEMA_PATH.read_text(encoding="utf-8"))["properties"]


def expected_values(kind_schema: dict, vocab=None, common: dict | None = None) -> dict[tuple, object]:
    """Schema location -> the value it must have: shared fields first, then vocabulary ids."""
    vocab = vocab or load_vocab()
    common = _common_properties() if common is None else common
    out: dict[tuple, object] = {}
    properties = kind_schema.get("properties", {})
    for name, definition in common.items():
        if name in properties:
            value = copy.deepcopy(definition)
            for path, ids in _ENUMS.items():  # the shared copy gets the vocabulary too
                if path[0] == name:
                    _set(value, path[1:], ids(vocab))
            out[("properties", name)] = value
    for path, ids in _ENUMS.items():
        if path[0] in properties and path[0] not in common and not _other_shape(properties[path[0]], path):
            out[("properties",) + path] = ids(vocab)
    return out


def _other_shape(definition: dict, path: tuple) -> bool:
    """A field with the same name but another shape is another field: 'niveau' of an indicator is a
    list of levels where the figure exists (gemeente, provincie, vlaanderen), not the practice's level."""
    is_list = definition.get("type") == "array"
    return path[1:] == ("enum",) and is_list or path[:2] == ("niveau", "items") and not is_list


def _get(schema: dict, path: tuple):
    node = schema
    for key in path:
        node = node[key]
    return node


def _set(schema: dict, path: tuple, value) -> None:
    _get(schema, path[:-1])[path[-1]] = value


def differences(schema: dict, vocab=None, common: dict | None = None) -> list[str]:
    out = []
    for path, value in expected_values(schema, vocab, common).items():
        try:
            current = _get(schema, path)
        except (KeyError, IndexError, TypeError):
            current = None
        if current != value:
            out.append(f"{'/'.join(path)}: wijkt af van de keuzelijst of van gemeenschappelijk.json")
    return out


def main(write: bool = False) -> int:
    load_vocab.cache_clear()
    vocab = load_vocab()
    status = 0
    for kind in vocab.kinds.values():
        schema = json.loads(kind.schema_path.read_text(encoding="utf-8"))
        diff = differences(schema, vocab)
        if not diff:
            print(f"{kind.schema_file}: komt overeen met de keuzelijsten.")
            continue
        if not write:
            for line in diff:
                print(f"{kind.schema_file}: {line}")
            status = 1
            continue
        for path, value in expected_values(schema, vocab).items():
            _set(schema, path, value)
        kind.schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"Schema bijgewerkt: {kind.schema_path}")
    if status:
        print("Voer 'praktijkenbank schema --write' uit om de schema's bij te werken.", file=sys.stderr)
    return status
