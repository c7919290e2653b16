"""Keep the enums of the JSON Schema equal to the vocabulary files.

The vocabularies in data/*.yaml are the source of truth; the schema carries a
copy of their ids so editors can complete values. ``praktijkenbank schema``
reports a difference, ``--write`` rewrites the schema.
"""

from __future__ import annotations

import json
import sys

from .vocab import SCHEMA_PATH, load_vocab


def expected_enums(vocab=None) -> dict[tuple, list]:
    """Schema location -> the list of ids it must allow."""
    vocab = vocab or load_vocab()
    return {
        ("properties", "themas", "items", "enum"): list(vocab.themes),
        ("properties", "fasen", "items", "enum"): list(vocab.phases),
        ("properties", "niveau", "enum"): list(vocab.levels),
        ("properties", "vijf_p", "items", "enum"): list(vocab.ps),
        ("properties", "besturen", "items", "properties", "provincie", "enum"): list(vocab.provinces),
    }


def _get(schema: dict, path: tuple):
    node = schema
    for key in path:
        node = node[key]
    return node


def differences(schema: dict, vocab=None) -> list[str]:
    out = []
    for path, ids in expected_enums(vocab).items():
        if _get(schema, path) != ids:
            out.append(f"{'/'.join(path)}: schema {_get(schema, path)} != keuzelijst {ids}")
    return out


def main(write: bool = False) -> int:
    load_vocab.cache_clear()
    vocab = load_vocab()
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    diff = differences(schema, vocab)
    if not diff:
        print("Het schema komt overeen met de keuzelijsten.")
        return 0
    if not write:
        for line in diff:
            print(line)
        print("Voer 'praktijkenbank schema --write' uit om het schema bij te werken.", file=sys.stderr)
        return 1
    for path, ids in expected_enums(vocab).items():
        _get(schema, path[:-1])[path[-1]] = ids
    SCHEMA_PATH.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"Schema bijgewerkt: {SCHEMA_PATH}")
    return 0
