"""Checks across records: unique slugs, references between records, near-duplicates.

Each takes the whole list of records (of every kind) and yields :class:`Problem` objects.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator

from pathlib import Path

from . import links
from .checks import WARNING, _body_pos, _closest, _problem, _strip_code
from .load import Record
from .problems import Problem
from .vocab import Vocab

def _by_kind(records: list[Record]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for record in records:
        out[record.kind].add(record.slug)
    return out


def check_unique_slugs(records: list[Record], vocab: Vocab) -> Iterator[Problem]:
    """Two records of one kind may not share a slug (e.g. the same name in two folders)."""
    first: dict[tuple[str, str], Record] = {}
    for record in records:
        other = first.setdefault((record.kind, record.slug), record)
        if other is not record:
            yield Problem(record.path, 1, 1, "bestandsnaam",
                          f"de slug '{record.slug}' is al in gebruik door {other.path}.",
                          "Geef een van beide bestanden een andere naam.")


# Fields that name other records: field -> (kind of the records it names, folder in the hint).
REFERENCES = {
    "verwant": "praktijk",
    "instrumenten": "instrument",
    "productgroepen": "productgroep",
}


def check_references(records: list[Record], vocab: Vocab) -> Iterator[Problem]:
    """'verwant', 'instrumenten' and 'productgroepen' name existing records, never the record itself."""
    known = _by_kind(records)
    for record in records:
        for field, kind in REFERENCES.items():
            named = record.meta.get(field)
            if not isinstance(named, list):
                continue
            folder = vocab.kinds[kind].folder
            for index, slug in enumerate(named):
                if not isinstance(slug, str):
                    continue
                if slug == record.slug and kind == record.kind:
                    yield _problem(record, (field, index), f"een {vocab.kinds[kind].singular} kan niet naar zichzelf verwijzen.",
                                   "Verwijder deze slug.")
                elif slug not in known[kind]:
                    close = _closest(slug, known[kind])
                    target = vocab.kinds[kind]
                    yield _problem(record, (field, index), f"{target.article} {target.singular} '{slug}' bestaat niet.",
                                   (f"Bedoel je '{close}'? " if close else "") +
                                   f"Gebruik de bestandsnaam zonder .md van een bestand in {folder}/.")


def check_body_links(records: list[Record], vocab: Vocab) -> Iterator[Problem]:
    """Links in a body to other records ('x.md', '../instruments/y.md') or docs/ pages point at something that exists."""
    known = _by_kind(records)
    folders = {kind.folder: kind.id for kind in vocab.kinds.values()}
    for record in records:
        if ".md" not in record.body:
            continue
        body = _strip_code(record.body)
        here = vocab.kinds[record.kind].folder
        for offset, href in links.internal_links(body):
            target = links.resolve(href, here, folders)
            line, col = _body_pos(record, body, offset)
            if target is None:
                yield Problem(record.path, line, col, "tekst", f"de link '{href}' wijst niet naar een fiche of een pagina van de site.",
                              "Link naar een andere fiche met haar bestandsnaam (bv. 'heuvelland-sdg-begroting.md' of "
                              "'../instruments/sdg-toets.md'), naar een pagina in docs/ ('../docs/kennis/sdgs-en-5p.md') "
                              "of naar een volledig webadres (https://...).")
            elif target.kind == links.DOCS:
                root = Path(record.path).absolute().parent.parent
                if not (root / links.DOCS / target.name).is_file():
                    yield Problem(record.path, line, col, "tekst", f"de pagina '{links.DOCS}/{target.name}' bestaat niet.",
                                  "Controleer de naam van de pagina in docs/.")
            elif target.name not in known[target.kind]:
                close = _closest(target.name, known[target.kind])
                kind = vocab.kinds[target.kind]
                relative = "dat" if kind.article == "het" else "die"
                yield Problem(record.path, line, col, "tekst",
                              f"de link '{href}' wijst naar een {kind.singular} {relative} niet bestaat.",
                              (f"Bedoel je '{close}.md'? " if close else "") + f"Kijk de bestandsnaam na in {kind.folder}/.")


@functools.lru_cache(maxsize=4096)
def _title_words(title: str) -> frozenset[str]:
    """Character trigrams of the normalised title: robust to a changed word or a typo."""
    text = " ".join(re.findall(r"\w+", title.lower()))
    return frozenset(text[i:i + 3] for i in range(len(text) - 2))


def _title_keys(title: str) -> frozenset[str]:
    """Word prefixes (5 letters) of the longer words: two near-identical titles share most of them."""
    return frozenset(w[:5] for w in re.findall(r"\w+", title.lower()) if len(w) > 3)


def check_near_duplicates(practices: list[Record], vocab: Vocab | None = None, threshold: float = 0.7) -> Iterator[Problem]:
    """Same local government and (nearly) the same title: probably the same practice twice.

    Within each government, only titles that share at least half of their
    significant words (via an inverted index) get the precise trigram
    comparison, so the cost stays near-linear in the number of practices.
    """
    groups: dict[str, list[tuple[Record, frozenset, str]]] = defaultdict(list)
    for practice in practices:
        if practice.kind != "praktijk":
            continue
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




CROSS_CHECKS = (check_unique_slugs, check_references, check_body_links, check_near_duplicates)
