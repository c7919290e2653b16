"""Copied prose: runs of words that a text shares with the seed documents.

Records and knowledge pages are written in our own words; the seed documents
(brondocumenten.yaml) may be cited, never copied. The documents themselves are
not part of the repository: their *fingerprint* is (``data/brondocumenten.vingerafdruk``):
the sorted, truncated hashes of every run of :data:`RUN` consecutive words, so a test
on a fresh clone can tell whether a text copies a run without holding the
documents' text. ``praktijkenbank vingerafdruk MAP`` rewrites it from the documents.

Web pages that a text was written from (the public examples of the model texts) get the same
treatment: ``praktijkenbank vingerafdruk --webbronnen MAP`` adds the runs of every text file in MAP
(the pages as read, kept outside the repository) to ``data/webbronnen.vingerafdruk``. That file only
grows: the pages themselves are not kept, so their runs cannot be computed again.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .vocab import DATA_DIR

RUN = 8  # a run of 8 consecutive words counts as copied
HASH_BYTES = 6
FINGERPRINT_PATH = DATA_DIR / "brondocumenten.vingerafdruk"
WEB_FINGERPRINT_PATH = DATA_DIR / "webbronnen.vingerafdruk"
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.U)


def words(text: str) -> list[str]:
    """Lower-case words without punctuation and accents folded the same way everywhere."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return _WORD_RE.findall(text)


def _hash(run: tuple[str, ...]) -> bytes:
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=HASH_BYTES).digest()


def runs(text: str, size: int = RUN) -> Iterator[tuple[int, tuple[str, ...]]]:
    """(index of the first word, words) of every run of ``size`` consecutive words."""
    found = words(text)
    for index in range(len(found) - size + 1):
        yield index, tuple(found[index:index + size])


def fingerprint(texts: list[str]) -> bytes:
    """Sorted unique hashes of every run in ``texts``."""
    return b"".join(sorted({_hash(run) for text in texts for _, run in runs(text)}))


def write_fingerprint(folder: Path, target: Path = FINGERPRINT_PATH) -> int:
    """Fingerprint of the seed documents listed in brondocumenten.yaml, read from ``folder``."""
    from .vocab import load_vocab

    texts = [(Path(folder) / d["bestand"]).read_text(encoding="utf-8") for d in load_vocab().documents.values()]
    data = fingerprint(texts)
    target.write_bytes(data)
    return len(data) // HASH_BYTES


def add_web_fingerprint(folder: Path, target: Path = WEB_FINGERPRINT_PATH) -> tuple[int, int]:
    """Add the runs of every .txt or .md file in ``folder`` to ``target``: (files read, runs in target)."""
    files = sorted(p for p in Path(folder).iterdir() if p.suffix in (".txt", ".md") and p.is_file())
    old = target.read_bytes() if target.is_file() else b""
    hashes = {old[i:i + HASH_BYTES] for i in range(0, len(old), HASH_BYTES)}
    new = fingerprint([p.read_text(encoding="utf-8") for p in files])
    hashes |= {new[i:i + HASH_BYTES] for i in range(0, len(new), HASH_BYTES)}
    target.write_bytes(b"".join(sorted(hashes)))
    return len(files), len(hashes)


class Fingerprint:
    """Membership test against a stored fingerprint (binary search in the sorted hashes)."""

    def __init__(self, data: bytes | None = None):
        data = FINGERPRINT_PATH.read_bytes() if data is None else data
        self.hashes = [data[i:i + HASH_BYTES] for i in range(0, len(data), HASH_BYTES)]

    def __contains__(self, run: tuple[str, ...]) -> bool:
        value = _hash(run)
        index = bisect.bisect_left(self.hashes, value)
        return index < len(self.hashes) and self.hashes[index] == value

    def copied(self, text: str) -> list[str]:
        """The copied passages of ``text`` (overlapping runs joined), in order."""
        found, previous = [], -2
        for index, run in runs(text):
            if run in self:
                if index == previous + 1:  # the next run of the same passage: one more word
                    found[-1] += " " + run[-1]
                else:
                    found.append(" ".join(run))
                previous = index
        return found
