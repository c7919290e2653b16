"""Word lists for "Bedoel je ...?" when a query finds nothing (finder, ``zoeken/``).

For every stem in the index, the word shown for it is the form that occurs
most often in the indexed text (``stedenband``, not the stem; ``aankoop``, not
``aankop``). The words are grouped by their first letter, one file per letter:
``zoeken/spelling/<letter>.json``, a JSON list sorted by the number of
practices that contain the word (most first). The browser downloads the file
of a query word's first letter only when that word is not in the index, and
offers the closest words (``docs/assets/zoeker/finder-suggesties.js``).

Letters are ``a`` to ``z``; words starting with any other character share the
file ``_``. Words shorter than ``MIN_LENGTH`` and words with a digit are left
out: they make poor suggestions. A list keeps at most ``MAX_PER_LETTER`` words
(the most frequent), so that a typo never downloads more than ±20 kB (gzip),
however large the bank's vocabulary grows; a rare word then gets no suggestion.
"""

from __future__ import annotations

import json
from collections import Counter

MIN_LENGTH = 4
MAX_PER_LETTER = 4000
OTHER = "_"


def letter(word: str) -> str:
    """The file a word belongs to (same rule as ``fileKey`` in finder-suggesties.js)."""
    first = word[:1]
    return first if "a" <= first <= "z" else OTHER


def suggestable(word: str) -> bool:
    return len(word) >= MIN_LENGTH and not any(c.isdigit() for c in word)


def word_lists(surface: Counter, stem_of, document_frequency: dict[str, int]) -> dict[str, list[str]]:
    """{letter: words, most frequent first}.

    ``surface``: how often every indexed (lower-case) word occurs; ``stem_of``: word -> stem;
    ``document_frequency``: stem -> number of practices.
    """
    shown: dict[str, str] = {}
    for word, _ in sorted(surface.items(), key=lambda kv: (-kv[1], kv[0])):
        shown.setdefault(stem_of(word), word)
    lists: dict[str, list[tuple[int, str]]] = {}
    for stem, word in shown.items():
        if stem in document_frequency and suggestable(word):
            lists.setdefault(letter(word), []).append((-document_frequency[stem], word))
    return {key: [word for _, word in sorted(items)[:MAX_PER_LETTER]] for key, items in sorted(lists.items())}


def files(lists: dict[str, list[str]], folder: str) -> dict[str, bytes]:
    """{path: JSON} of the word lists under ``folder``."""
    return {f"{folder}/{key}.json": json.dumps(words, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            for key, words in lists.items()}
