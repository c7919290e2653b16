"""Model texts of the bank (instruments with 'invulvelden', records/modeltext.py): the downloads
made at build time (site/modeltext_files.py) reopen with python-docx and odfdo and hold the same
text as the fiche, in the same order; they are the same bytes on every build."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import pytest
from odfdo import Document

from conftest import ROOT
from praktijkenbank import load_practices, load_vocab
from praktijkenbank.records import modeltext
from praktijkenbank.site import modeltext_files
from praktijkenbank.site.model_kinds import instrument_view

VOCAB = load_vocab()
RECORDS, _ = load_practices([ROOT / "instruments"])
MODEL_TEXTS = sorted((r for r in RECORDS if r.meta.get("invulvelden")), key=lambda r: r.slug)
DATE = dt.date(2026, 12, 5)


def test_there_are_at_least_ten_model_texts_of_the_bank():
    assert len(MODEL_TEXTS) >= 10
    assert all(r.meta["vorm"] == modeltext.FORM for r in MODEL_TEXTS)


def _blocks(record):
    return modeltext_files.blocks(modeltext.text_section(record.body)[1])


def _expected(record) -> list[str]:
    return [record.meta["titel"]] + [modeltext_files.line_of(b) for b in _blocks(record)]


@pytest.mark.parametrize("record", MODEL_TEXTS, ids=lambda r: r.slug)
def test_docx_reopens_with_the_same_text(record):
    data = modeltext_files.docx_bytes(record.meta["titel"], _blocks(record), DATE)
    document = docx.Document(io.BytesIO(data))
    # A bullet is a paragraph in the style 'List Bullet' (Word draws the bullet), so without '- '.
    expected = [record.meta["titel"]] + [b["tekst"] if b["soort"] == "punt" else modeltext_files.line_of(b)
                                         for b in _blocks(record)]
    assert [p.text for p in document.paragraphs] == expected
    assert document.core_properties.title == record.meta["titel"]
    styles = [p.style.name for p in document.paragraphs]
    assert styles[0] == "Heading 1"
    assert [s for s, b in zip(styles[1:], _blocks(record)) if b["soort"] == "punt"] == \
        ["List Bullet"] * sum(b["soort"] == "punt" for b in _blocks(record))


def _odt_lines(data: bytes) -> list[str]:
    body = Document(io.BytesIO(data)).body
    out = []
    for element in body.children:
        if element.tag in ("text:h", "text:p"):
            out.append(element.text_recursive)
        elif element.tag == "text:list":
            out += ["- " + item.text_recursive.strip() for item in element.get_elements("text:list-item")]
    return out


@pytest.mark.parametrize("record", MODEL_TEXTS, ids=lambda r: r.slug)
def test_odt_reopens_with_the_same_text(record):
    data = modeltext_files.odt_bytes(record.meta["titel"], _blocks(record), DATE)
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[0].filename == "mimetype"  # ODF: first and stored
    assert _odt_lines(data) == _expected(record)


def test_every_fill_in_field_survives_in_the_downloads():
    for record in MODEL_TEXTS:
        text = modeltext_files.text_bytes(record.meta["titel"], _blocks(record)).decode("utf-8")
        for field in record.meta["invulvelden"]:
            assert f"[{field}]" in text, (record.slug, field)
        assert "**" not in text and "###" not in text


def test_files_are_the_same_bytes_on_every_build():
    view = instrument_view(MODEL_TEXTS[0], VOCAB, DATE)
    site = {"instrumenten": [view]}
    first = modeltext_files.files(site)
    assert sorted(first) == sorted(f"instrumenten/{view['slug']}/{view['slug']}.{ext}" for ext in ("docx", "odt", "txt"))
    assert modeltext_files.files(site) == first
    for name, data in first.items():
        if name.endswith((".docx", ".odt")):
            assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {modeltext_files.ZIP_DATE}


def test_blocks_read_the_markdown_subset():
    text = "### Kop\n\nEen **vette** zin\ndie doorloopt.\n\n- punt een\n- punt *twee*\n\n1. eerste\n2. tweede [datum]\n"
    assert modeltext_files.blocks(text) == [
        {"soort": "kop", "tekst": "Kop"},
        {"soort": "alinea", "tekst": "Een vette zin die doorloopt.",
         "delen": [{"tekst": "Een ", "vet": False}, {"tekst": "vette", "vet": True},
                   {"tekst": " zin die doorloopt.", "vet": False}]},
        {"soort": "punt", "tekst": "punt een"}, {"soort": "punt", "tekst": "punt twee"},
        {"soort": "nummer", "nummer": 1, "tekst": "eerste"}, {"soort": "nummer", "nummer": 2, "tekst": "tweede [datum]"}]


def test_bold_stays_bold_in_both_formats():
    items = modeltext_files.blocks("**Artikel 1.** De raad beslist.\n\n- **Vlaggen.** Aan het huis.\n")
    word = docx.Document(io.BytesIO(modeltext_files.docx_bytes("T", items, DATE))).paragraphs
    assert [(r.text, bool(r.bold)) for r in word[1].runs] == [("Artikel 1.", True), (" De raad beslist.", False)]
    assert word[2].style.name == "List Bullet" and word[2].runs[0].bold
    odt = Document(io.BytesIO(modeltext_files.odt_bytes("T", items, DATE)))
    spans = odt.body.get_elements(f"//text:span[@text:style-name='{modeltext_files.BOLD_STYLE}']")
    assert [s.text_recursive for s in spans] == ["Artikel 1.", "Vlaggen."]
    style = odt.get_style("text", modeltext_files.BOLD_STYLE)
    assert style is not None and "bold" in style.serialize()


def test_fields_are_listed_once_in_order():
    assert modeltext.fields("[b] en [a], weer [b]") == ["b", "a"]


def test_nieuw_soort_modeltekst_makes_an_instrument_with_its_text_section(tmp_path):
    from praktijkenbank import validate_paths
    from praktijkenbank.contrib.cli import main as cli_main

    folder = tmp_path / "instruments"
    assert cli_main(["nieuw", "--soort", "modeltekst", "--geen-vragen", "--titel", "Modeltekst: een test",
                     "--map", str(folder), "--slug", "mt", "--datum", "2026-12-05"]) == 0
    text = (folder / "mt.md").read_text(encoding="utf-8")
    assert "\nvorm: modeltekst\n" in text and "\ninvulvelden: [naam gemeente, datum]\n" in text
    assert "\n# links:\n" in text and text.rstrip().split("\n## ")[-1].startswith("Modeltekst\n")
    _, problems = validate_paths([folder / "mt.md"])
    fields = {p.field for p in problems}
    assert "front matter" not in fields and not any(f.startswith(("invulvelden", "links", "vorm")) for f in fields)
    assert any(p.field == "tekst" and "TE VERVANGEN" in p.message for p in problems)  # the text is still to write
