"""SDGs a municipality wrote in the text of an action, action plan or policy goal.

The twin of ``docs/assets/begroting/sdgtekst.js``. The patterns live in
data/begroting.yaml (``sdg_tekst``), the names of the SDGs in data/sdgs.yaml
(``naam`` and ``namen``); both sides pass the cases in
tests/fixtures/begroting/sdg-tekst.yaml.

* A number: 'SDG 03', 'SDG3', 'SDG 6.3', 'SDG 6 – Schoon water en sanitair', and lists
  ('SDG 6, SDG 11 en SDG 15', "SDG's 6, 11 en 15").
* A name counts only as a title: the whole short description, or one part of it
  between ':', '|', '–' or ' - ' ('Ongelijkheid verminderen', 'Doel 2: Klimaatactie').
* 'G-03-WZC' or 'AP03' is no SDG: a number needs the word SDG before it.
"""

from __future__ import annotations

import functools
import re

from .values import normalise

LEVELS = ("actie", "actieplan", "doelstelling")


@functools.lru_cache(maxsize=4)
def _patterns(code: str, follow: str, split: str):
    return re.compile(code, re.I), re.compile(follow, re.I), re.compile(split)


def names_table(sdgs: dict) -> dict[str, int]:
    """{normalised name: SDG number} from sdgs.yaml (naam and namen)."""
    table = {}
    for number, entry in sdgs.items():
        for name in [entry["naam"], *entry.get("namen", [])]:
            table[normalise(name)] = int(number)
    return table


def numbers_in_text(spec: dict, text: str) -> list[int]:
    """SDG numbers written with the word SDG in ``text`` (1..17 only), in order of appearance."""
    rules = spec["sdg_tekst"]
    code, follow, _ = _patterns(rules["code"], rules["vervolg"], rules["titel_scheiding"])
    found: list[int] = []
    position = 0
    while True:
        match = code.search(text, position)
        if not match:
            break
        found.append(int(match.group(1)))
        position = match.end()
        while True:
            more = follow.match(text, position)
            if not more:
                break
            found.append(int(more.group(1)))
            position = more.end()
    return [n for n in found if 1 <= n <= 17]


def numbers_in_title(spec: dict, title: str) -> list[int]:
    """An SDG name as the title, or as one part of it."""
    table = spec["sdg_namen"]
    rules = spec["sdg_tekst"]
    _, _, split = _patterns(rules["code"], rules["vervolg"], rules["titel_scheiding"])
    found = []
    for part in [title, *split.split(title)]:
        number = table.get(normalise(part))
        if number and number not in found:
            found.append(number)
    return found


def sdgs_in(spec: dict, title: str, text: str) -> list[int]:
    """Sorted SDG numbers named in a title and its longer text."""
    return sorted(set(numbers_in_text(spec, title + "\n" + text)) | set(numbers_in_title(spec, title)))


def from_levels(spec: dict, blocks: dict) -> tuple[list[tuple[int, int]], str]:
    """The SDGs of the most specific level that names any: (codes as parse_codes gives them, level).

    ``blocks``: {level: {'kort': ..., 'lang': ..., 'commentaar': ..., ...}} for the levels the file has.
    """
    for level in LEVELS:
        block = blocks.get(level)
        if not block:
            continue
        rest = "\n".join(v for k, v in block.items() if k not in ("code", "kort") and v)
        found = sdgs_in(spec, block.get("kort", ""), rest)
        if found:
            return [(n, 1) for n in found], level
    return [], ""
