"""Words of a text as the finder searches them: tokens, then Dutch stems.

The build (``search_index``) and the browser (``docs/assets/zoeker/zoektaal.js``)
must split and stem text identically, or a query would miss what the index
holds. This module is the reference; ``tests/test_search_text.py`` runs the
JavaScript port over every word of the bank and checks it gives the same
stems.

Rules, in order:

1. Unicode NFC, then lower case.
2. A token is a run of letters and digits (Unicode); everything else, also
   ``-``, ``'`` and ``_``, separates tokens: "noord-zuidwerking" gives "noord"
   and "zuidwerking", "SDG's" gives "sdg" (the lone "s" is dropped).
3. Tokens of one letter (a single digit stays: "SDG 5"), tokens longer than ``MAX_TOKEN`` characters and the
   Dutch function words in ``STOP_WORDS`` are dropped (they occur in every
   fiche and would only make a query slower).
4. Each remaining token is stemmed with the Snowball Dutch stemmer (the
   classic Porter-style algorithm, ``dutch_porter`` in snowballstemmer 3):
   "aankopen" and "aankoop" both become "aankop".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

TOKEN_RE = re.compile(r"[^\W_]+")
MAX_TOKEN = 40
# Function words only; content words, however common, stay searchable.
STOP_WORDS = frozenset("""
aan al als bij dan dat de die dit door een en er had heb hebben heeft het hij hoe hun ik in is je
kan maar met na naar niet nog of om ook op over te tot uit van voor was wat we wel werd wie wij
worden wordt zal ze zich zij zijn zo zoals
""".split())

_DIGITS = frozenset("0123456789")
_stemmer = snowballstemmer.stemmer("dutch_porter")


def words(text: str) -> list[str]:
    """The tokens of ``text`` that are searchable (rules 1-3), in order."""
    found = TOKEN_RE.findall(unicodedata.normalize("NFC", text).lower())
    return [w for w in found
            if (len(w) > 1 or w in _DIGITS) and len(w) <= MAX_TOKEN and w not in STOP_WORDS]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball Dutch stem of one lower-case word."""
    return _stemmer.stemWord(word)


def terms(text: str) -> list[str]:
    """The stems of the searchable words of ``text``, in order (duplicates kept)."""
    return [stem(w) for w in words(text)]
