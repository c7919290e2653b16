"""No copied prose: no record or knowledge page shares a run of 8 words with a seed document.

The seed documents are not in the repository; their fingerprint is
(tools/praktijkenbank/data/brondocumenten.vingerafdruk, see praktijkenbank.records.overlap).
Model texts of the bank (instruments with 'invulvelden') are records like the others, and are also
checked against the web pages they were written from (data/webbronnen.vingerafdruk): the council
decisions, regulations and campaign pages cited in their 'bronnen'. So are the product groups with their
criteria and clauses: the criteria sets and pages read for the clause builder are in the same file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from praktijkenbank import load_practices, load_vocab
from praktijkenbank.records.overlap import (FINGERPRINT_PATH, WEB_FINGERPRINT_PATH, Fingerprint, add_web_fingerprint,
                                           fingerprint, words)

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT.parent / "shared" / "sources"  # where the seed documents live in the development setup
VOCAB = load_vocab()
RECORD_FILES = sorted(p for kind in VOCAB.kinds.values() for p in (ROOT / kind.folder).glob("*.md"))
PAGES = sorted((ROOT / "docs").rglob("*.md"))
PRODUCT_GROUPS = sorted((ROOT / "procurement").glob("*.md"))
MODEL_TEXTS = sorted(p for p in (ROOT / "instruments").glob("*.md") if "\ninvulvelden:" in p.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed():
    return Fingerprint()


def _prose(path: Path) -> str:
    """The text people read: title, summary and body of a record, and the criteria and clauses of a product
    group (each field on its own, so a run never spans two of them); the whole of a page."""
    records, _ = load_practices([path])
    if not records:
        return path.read_text(encoding="utf-8")
    meta = records[0].meta
    parts = [str(meta.get(key, "")) for key in ("titel", "samenvatting")]
    for item in (meta.get("criteria") or []) + (meta.get("clausules") or []):
        parts += [str(item.get(key, "")) for key in ("titel", "tekst", "controle") if isinstance(item, dict)]
    return "\n".join(parts) + "\n" + records[0].body


@pytest.mark.parametrize("path", RECORD_FILES + PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_run_of_eight_words_from_a_seed_document(seed, path):
    assert seed.copied(_prose(path)) == []


def test_the_check_finds_a_copied_sentence(seed):
    """A sentence of a seed document (its fingerprint), pasted into a text, is found; a paraphrase is not."""
    copied = "Inleiding. Momenteel gebruikt slechts 20% van de lokale besturen de SDG's als kader voor monitoring."
    assert seed.copied(copied) == ["momenteel gebruikt slechts 20 van de lokale besturen de sdg's als kader voor monitoring"]
    assert seed.copied("Een op de vijf besturen volgt zijn beleid op met de SDG's.") == []


def test_model_texts_are_records_of_the_check():
    assert len(MODEL_TEXTS) >= 10 and set(MODEL_TEXTS) <= set(RECORD_FILES)


@pytest.mark.parametrize("path", MODEL_TEXTS, ids=lambda p: p.stem)
def test_no_model_text_copies_a_run_of_eight_words_from_its_web_sources(path):
    web = Fingerprint(WEB_FINGERPRINT_PATH.read_bytes())
    assert web.copied(_prose(path)) == []


@pytest.mark.parametrize("path", PRODUCT_GROUPS, ids=lambda p: p.stem)
def test_no_product_group_or_clause_copies_a_run_of_eight_words_from_the_web_pages_read(path):
    """The clauses and the new product groups were written from public criteria sets and web pages
    (their runs are in data/webbronnen.vingerafdruk too): none shares a run of eight words with them."""
    web = Fingerprint(WEB_FINGERPRINT_PATH.read_bytes())
    assert web.copied(_prose(path)) == []


def test_the_web_check_finds_a_sentence_from_a_criteria_set():
    """A sentence of the Dutch MVI criteria tool page, pasted into a clause, is found; a paraphrase is not."""
    web = Fingerprint(WEB_FINGERPRINT_PATH.read_bytes())
    assert web.copied("Deze teksten kunt u na controle en eventuele aanvulling overnemen in uw aanbestedingsdocument.")
    assert web.copied("Na nazicht en aanvulling kan je de tekst in je bestek plakken.") == []
    assert _prose(ROOT / "procurement" / "bouw-en-renovatie.md").count("GRO") >= 3  # clauses are part of the text


def test_the_web_check_finds_a_sentence_from_a_source_page():
    """A sentence of the VNG page on Global Goals gemeenten (a source of the model motion) is found."""
    web = Fingerprint(WEB_FINGERPRINT_PATH.read_bytes())
    copied = "Doorgaans wordt dit bepaald via een collegebesluit. Een raadsbesluit is geen voorwaarde, maar wel een krachtig signaal."
    assert web.copied(copied) != []
    assert web.copied("Meestal beslist het college; een besluit van de raad is niet nodig, maar zegt wel veel.") == []


def test_adding_web_pages_only_grows_the_fingerprint(tmp_path):
    target = tmp_path / "web.vingerafdruk"
    (tmp_path / "a.txt").write_text("een twee drie vier vijf zes zeven acht negen", encoding="utf-8")
    assert add_web_fingerprint(tmp_path, target) == (1, 2)
    (tmp_path / "a.txt").unlink()
    (tmp_path / "b.md").write_text("tien elf twaalf dertien veertien vijftien zestien zeventien", encoding="utf-8")
    assert add_web_fingerprint(tmp_path, target) == (1, 3)  # the runs of a.txt stay
    assert "een twee drie vier vijf zes zeven acht" in Fingerprint(target.read_bytes()).copied(
        "een twee drie vier vijf zes zeven acht")[0]


def test_words_ignore_case_punctuation_and_typographic_apostrophes():
    assert words("De SDG’s, en de 5 P's!") == ["de", "sdg's", "en", "de", "5", "p's"]


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the seed documents are outside the repository (only in development)")
def test_fingerprint_is_up_to_date():
    texts = [(SOURCES / d["bestand"]).read_text(encoding="utf-8") for d in VOCAB.documents.values()]
    assert FINGERPRINT_PATH.read_bytes() == fingerprint(texts), "run: praktijkenbank vingerafdruk ../shared/sources"
