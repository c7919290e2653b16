"""No copied prose: no record or knowledge page shares a run of 8 words with a seed document.

The seed documents are not in the repository; their fingerprint is
(tools/praktijkenbank/data/brondocumenten.vingerafdruk, see praktijkenbank.records.overlap).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from praktijkenbank import load_practices, load_vocab
from praktijkenbank.records.overlap import FINGERPRINT_PATH, Fingerprint, fingerprint, words

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"  # where the seed documents live in the development setup
VOCAB = load_vocab()
RECORD_FILES = sorted(p for kind in VOCAB.kinds.values() for p in (ROOT / kind.folder).glob("*.md"))
PAGES = sorted((ROOT / "docs").rglob("*.md"))


@pytest.fixture(scope="module")
def seed():
    return Fingerprint()


def _prose(path: Path) -> str:
    """The text people read: title, summary and body of a record; the whole of a page."""
    records, _ = load_practices([path])
    if not records:
        return path.read_text(encoding="utf-8")
    meta = records[0].meta
    return "\n".join(str(meta.get(key, "")) for key in ("titel", "samenvatting")) + "\n" + records[0].body


@pytest.mark.parametrize("path", RECORD_FILES + PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_run_of_eight_words_from_a_seed_document(seed, path):
    assert seed.copied(_prose(path)) == []


def test_the_check_finds_a_copied_sentence(seed):
    """A sentence of a seed document (its fingerprint), pasted into a text, is found; a paraphrase is not."""
    copied = "Inleiding. Momenteel gebruikt slechts 20% van de lokale besturen de SDG's als kader voor monitoring."
    assert seed.copied(copied) == ["momenteel gebruikt slechts 20 van de lokale besturen de sdg's als kader voor monitoring"]
    assert seed.copied("Een op de vijf besturen volgt zijn beleid op met de SDG's.") == []


def test_words_ignore_case_punctuation_and_typographic_apostrophes():
    assert words("De SDG’s, en de 5 P's!") == ["de", "sdg's", "en", "de", "5", "p's"]


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the seed documents are outside the repository (only in development)")
def test_fingerprint_is_up_to_date():
    texts = [(SOURCES / d["bestand"]).read_text(encoding="utf-8") for d in VOCAB.documents.values()]
    assert FINGERPRINT_PATH.read_bytes() == fingerprint(texts), "run: praktijkenbank vingerafdruk ../shared/sources"
