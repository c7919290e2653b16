"""Synonyms of the finder, applied when the search index is built.

The groups live in ``data/synoniemen.yaml`` (one source of truth). Every entry
of a group is a word or a word group; it is split and stemmed like all
indexed text (:mod:`praktijkenbank.site.search_text`), so ``aankopen`` in a record
matches the entry ``aankoop``.

Where: at index time only. When a piece of a record's indexed text (its
title, summary, body, or one label such as a theme name) holds an entry of a
group, the stems of the group's other entries are indexed with that piece as
well (once per piece, with the piece's weight). A query then needs one word
chunk per word, as before, and the browser never downloads the synonym list.
The price is a slightly larger index on disk (a few postings per record).

Matching is on consecutive stems: the entry ``eerlijke handel`` matches the
stems ``eerlijk handel`` next to each other, with stop words already left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .search_text import stem, words
from ..records.vocab import DATA_DIR

PATH = DATA_DIR / "synoniemen.yaml"


class SynonymError(ValueError):
    """The synonym file is not usable (message in Dutch)."""


@dataclass(frozen=True)
class Entry:
    text: str  # as written in the data file
    words: tuple[str, ...]  # searchable words (lower case)
    stems: tuple[str, ...]


class Synonyms:
    """The groups of ``synoniemen.yaml``, ready to expand stem sequences."""

    def __init__(self, groups: list[list[str]]):
        self.groups: list[list[Entry]] = []
        self._by_first: dict[str, list[tuple[Entry, int]]] = {}
        seen: dict[tuple[str, ...], str] = {}
        for number, group in enumerate(groups, start=1):
            if not isinstance(group, list) or len(group) < 2 or not all(isinstance(t, str) for t in group):
                raise SynonymError(f"groep {number} moet een lijst van minstens twee woorden zijn, "
                                   f"bv. [fairtrade, eerlijke handel]")
            entries = []
            for text in group:
                found = words(text)
                entry = Entry(text, tuple(found), tuple(stem(w) for w in found))
                if not entry.stems:
                    raise SynonymError(f"groep {number}: '{text}' bevat geen doorzoekbaar woord "
                                       f"(alleen lidwoorden of losse letters?)")
                if entry.stems in seen:
                    raise SynonymError(f"groep {number}: '{text}' staat al in de lijst (als '{seen[entry.stems]}'); "
                                       f"een woord mag maar in één groep staan")
                seen[entry.stems] = text
                entries.append(entry)
                self._by_first.setdefault(entry.stems[0], []).append((entry, len(self.groups)))
            self.groups.append(entries)

    def expansions(self, stems: list[str]) -> list[Entry]:
        """The entries to add for a piece of text with these stems: every other entry of each
        group that the piece holds an entry of (in group order, each at most once)."""
        matched: dict[int, set[tuple[str, ...]]] = {}
        for at, first in enumerate(stems):
            for entry, group in self._by_first.get(first, ()):
                if tuple(stems[at:at + len(entry.stems)]) == entry.stems:
                    matched.setdefault(group, set()).add(entry.stems)
        return [entry for group in sorted(matched) for entry in self.groups[group]
                if entry.stems not in matched[group]]


def read(path: Path = PATH) -> Synonyms:
    """Read and check a synonym file; a problem raises :class:`SynonymError` in Dutch."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SynonymError(f"{path.name} is niet leesbaar: {exc}") from exc
    groups = data.get("groepen") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise SynonymError(f"{path.name} heeft geen lijst 'groepen'")
    return Synonyms(groups)
