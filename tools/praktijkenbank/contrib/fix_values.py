"""Value repairs of ``praktijkenbank valideer --herstel`` that have exactly one right answer.

* a display name or a wrongly cased id in a controlled field becomes the id:
  ``themas: [Eerlijke handel]`` -> ``[eerlijke-handel]``, ``niveau: Starter`` ->
  ``starter`` (``themas``, ``fasen``, ``niveau``, ``niveaus``, ``status``, ``vorm``);
* an SDG written as text becomes its number: ``"7"``, ``SDG 7``, ``sdg-07`` -> ``7``;
* a web address without a scheme that starts with ``www.`` gets ``https://``
  (every ``url`` and ``website`` field). An ``http://`` address stays as it is:
  whether the page also exists on https is for a person to check.

Like :mod:`.fix`, the text is edited in place (only the value's own span), so
comments, quotes and layout survive. A value that matches nothing, or more
than one id, is left for the validator to explain.
"""

from __future__ import annotations

import re
import unicodedata

import yaml

from ..records.load import _dotted
from ..records.vocab import Vocab

_STR_TAG = "tag:yaml.org,2002:str"
_SDG = re.compile(r"^\s*(?:sdg)?[\s._-]*0*(1[0-7]|[1-9])\s*$", re.IGNORECASE)
_PLAIN_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
URL_FIELDS = ("url", "website")


class _Composer(yaml.SafeLoader):
    """Pure-Python loader (character-based marks) without the timestamp resolver."""


_Composer.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _normal(text: str) -> str:
    """'Begroting en Financiën' -> 'begroting-en-financien': case, accents and separators do not count."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[\s_-]+", "-", text.strip().casefold())


def _index(entries: dict[str, dict]) -> dict[str, str | None]:
    """Normalised id, name and singular name -> id (None when two ids share a form: ambiguous)."""
    index: dict[str, str | None] = {}
    for entry_id, entry in entries.items():
        for form in {entry_id, entry.get("naam", ""), entry.get("enkelvoud", "")}:
            if not form:
                continue
            key = _normal(form)
            index[key] = entry_id if index.get(key, entry_id) == entry_id else None
    return index


def _vocabularies(vocab: Vocab) -> dict[str, dict[str, dict]]:
    return {"themas": vocab.themes, "fasen": vocab.phases, "niveau": vocab.levels, "niveaus": vocab.levels,
            "status": vocab.statuses, "vorm": vocab.formats}


def _items(node, path: tuple):
    """(path, scalar node) for a scalar, or for each scalar item of a list."""
    if isinstance(node, yaml.ScalarNode):
        yield path, node
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            if isinstance(item, yaml.ScalarNode):
                yield path + (index,), item


def _walk(node, path: tuple = ()):
    """Every (path, key, value node) pair of every mapping in the tree."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                yield path + (key.value,), key.value, value
                yield from _walk(value, path + (key.value,))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            yield from _walk(item, path + (index,))


def fix_values(fm: str, vocab: Vocab) -> tuple[str, list[str]]:
    """Repair ids, SDG numbers and web addresses in the front matter text. Returns (text, Dutch messages)."""
    loader = _Composer(fm)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError:
        return fm, []
    finally:
        loader.dispose()
    if not isinstance(root, yaml.MappingNode):
        return fm, []
    edits: list[tuple[int, int, str, str]] = []  # (start, end, new text, message)
    fields = {key.value: value for key, value in root.value if isinstance(key, yaml.ScalarNode)}

    for name, entries in _vocabularies(vocab).items():
        if name not in fields:
            continue
        index = _index(entries)
        for path, item in _items(fields[name], (name,)):
            if item.tag != _STR_TAG or item.value in entries:
                continue
            new = index.get(_normal(item.value))
            if new:
                edits.append((item.start_mark.index, item.end_mark.index, new,
                              f"{_dotted(path)}: '{item.value}' vervangen door '{new}'"))

    if "sdgs" in fields:
        for path, item in _items(fields["sdgs"], ("sdgs",)):
            match = _SDG.match(item.value) if item.tag == _STR_TAG else None
            if match:
                number = match.group(1)
                edits.append((item.start_mark.index, item.end_mark.index, number,
                              f"{_dotted(path)}: '{item.value}' vervangen door {number}"))

    for path, key, value in _walk(root):
        if key not in URL_FIELDS or not isinstance(value, yaml.ScalarNode) or value.tag != _STR_TAG:
            continue
        address = value.value
        if not address.lower().startswith("www.") or re.search(r"\s", address):
            continue
        quote = value.style if value.style in ("'", '"') else ""
        if fm[value.start_mark.index:value.end_mark.index] != f"{quote}{address}{quote}":
            continue  # escapes or a folded value: leave it to a person
        edits.append((value.start_mark.index, value.end_mark.index, f"{quote}https://{address}{quote}",
                      f"{_dotted(path)}: 'https://' toegevoegd voor '{address}'"))

    for start, end, new, _ in sorted(edits, reverse=True):
        fm = fm[:start] + new + fm[end:]
    return fm, [message for *_, message in sorted(edits)]
