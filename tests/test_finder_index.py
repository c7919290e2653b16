"""Search index of the finder (search_index.py) on hand-made records: no MkDocs, no browser.

The files are read back with a small reader written from the format described
in search_index.py, so a change of format that finder.js would not understand
shows up here as well as in the browser tests.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from praktijkenbank.site import search_index, search_synonyms
from praktijkenbank.site.search_text import terms
from praktijkenbank.records.vocab import load_vocab


def _record(slug: str, **extra) -> dict:
    record = {
        "slug": slug, "titel": f"Praktijk {slug}", "samenvatting": "Een samenvatting.", "pad": f"praktijken/{slug}/",
        "besturen": [{"naam": "Gent", "soort": "gemeente", "huidige_naam": "Gent", "provincie": "oost-vlaanderen"}],
        "provincies": ["oost-vlaanderen"], "periode": {"van": 2021, "tot": None}, "sdgs": [12, 13],
        "vijf_p": ["planeet"], "themas": ["duurzaam-aankoopbeleid"], "fasen": ["uitvoering"], "niveau": "starter",
        "toegevoegd": "2026-01-01", "tekst": f"## Context\n\nOver {slug}: de **aankoop** van [koffie](https://x.be/k).",
    }
    record.update(extra)
    return record


def make_site(root: Path, records: list[dict]) -> Path:
    site = root / "site"
    (site / "data").mkdir(parents=True)
    (site / "data" / "practices.json").write_text(json.dumps({"praktijken": records}), encoding="utf-8")
    return site


# ------------------------------------------------------------------ readers --

def read_varint(data: bytes, at: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, at


def read_chunk(data: bytes) -> dict[str, list[tuple[int, int]]]:
    entries, at = {}, 0
    while at < len(data):
        length, at = read_varint(data, at)
        stem = data[at:at + length].decode("utf-8")
        at += length
        count, at = read_varint(data, at)
        rows, row = [], 0
        for _ in range(count):
            gap, at = read_varint(data, at)
            row += gap
            rows.append(row)
        weights = list(data[at:at + count])
        at += count
        entries[stem] = list(zip(rows, weights))
    return entries


def read_rows(data: bytes, index: dict) -> dict[str, list]:
    count, at, columns = index["aantal"], 0, {}
    for spec in index["facetten"]:
        width = spec["bytes"]
        if spec["soort"] == "masker":
            values = [0] * count
            for plane in range(width):
                for i in range(count):
                    values[i] |= data[at + i] << (8 * plane)
                at += count
        else:
            sizes = list(data[at:at + count])
            at += count
            flat = [0] * spec["totaal"]
            for plane in range(width):
                for i in range(spec["totaal"]):
                    flat[i] |= data[at + i] << (8 * plane)
                at += spec["totaal"]
            values, start = [], 0
            for size in sizes:
                values.append(flat[start:start + size])
                start += size
        columns[spec["sleutel"]] = values
    assert at == len(data), "rijen.bin is langer dan de facetten beschrijven"
    return columns


def read_index(site: Path) -> tuple[dict, dict, dict]:
    """(index.json, {stem: [(row, weight)]} of every chunk, facet columns)."""
    index = json.loads((site / search_index.INDEX_PATH).read_text(encoding="utf-8"))
    words: dict[str, list] = {}
    folder = site / "zoeken" / index["woorden"]["map"]
    for number, first in enumerate(index["woorden"]["eerste"]):
        chunk = read_chunk(gzip.decompress((folder / f"{number}.bin").read_bytes()))
        assert next(iter(chunk)) == first, "index.json noemt een andere eerste stam"
        words.update(chunk)
    rows = read_rows(gzip.decompress((site / "zoeken" / index["rijen"]).read_bytes()), index) if index["aantal"] else {}
    return index, words, rows


# -------------------------------------------------------------------- tests --

def test_every_word_of_a_practice_leads_to_its_row(tmp_path):
    records = [_record("a"), _record("b", titel="Begrotingen per SDG", toegevoegd="2026-02-01",
                                     tekst="De begroting van Heuvelland.")]
    site = make_site(tmp_path, records)
    stats = search_index.build(site)
    assert stats.pages == 2
    index, words, _ = read_index(site)
    rows = search_index.ordered(records)
    assert [r["slug"] for r in rows] == ["b", "a"]  # newest first
    for row, record in enumerate(rows):
        text = " ".join([record["titel"], record["samenvatting"], "Gent", search_index.plain_text(record["tekst"])])
        for stem in terms(text):
            assert row in [r for r, _ in words[stem]], (stem, record["slug"])
    # Stemming: 'Begrotingen' (title of b) and 'begroting' share one entry, with b only.
    assert [r for r, _ in words["begrot"]] == [0]
    assert [r for r, _ in words["aankop"]] == [1]
    # Stop words and link addresses are not indexed.
    assert "de" not in words and "van" not in words and "https" not in words
    assert all(1 <= w <= 255 for postings in words.values() for _, w in postings)
    assert index["stopwoorden"] and "de" in index["stopwoorden"]


def test_a_title_word_weighs_more_than_a_body_word(tmp_path):
    records = [_record("titel", titel="Koffie in de raad", tekst="Over iets anders."),
               _record("tekst", titel="Iets anders", tekst="Over koffie.")]
    site = make_site(tmp_path, records)
    search_index.build(site)
    _, words, _ = read_index(site)
    rows = [r["slug"] for r in search_index.ordered(records)]
    weight = {rows[row]: w for row, w in words["koffie"]}
    assert weight["titel"] > weight["tekst"]


def test_stems_are_sorted_like_javascript_and_chunked(tmp_path, monkeypatch):
    monkeypatch.setattr(search_index, "CHUNK_BYTES", 40)
    records = [_record(str(n), tekst=f"woord{n} ander{n} zoveel ａｂ 𝔄𝔅 zebra") for n in range(30)]
    site = make_site(tmp_path, records)
    stats = search_index.build(site)
    index, words, _ = read_index(site)
    firsts = index["woorden"]["eerste"]
    assert stats.chunks == len(firsts) > 3
    assert firsts == sorted(firsts, key=search_index.js_order)
    stems = list(words)
    assert stems == sorted(stems, key=search_index.js_order)
    # UTF-16 order, as JavaScript compares: an astral letter (surrogate pair) before U+FF41,
    # where code point order would put it after.
    assert stems.index("zebra") < stems.index("𝔄𝔅") < stems.index("ａｂ")


def test_facet_rows_hold_the_records_values(tmp_path):
    records = [_record("a"), _record("b", sdgs=[1, 17], vijf_p=["mens", "partnerschap"], toegevoegd="2026-02-01",
                                     periode=None, niveau="gevorderd",
                                     besturen=[{"naam": "VVSG", "soort": "organisatie", "huidige_naam": "VVSG",
                                                "provincie": None}], provincies=[])]
    site = make_site(tmp_path, records)
    search_index.build(site)
    index, _, rows = read_index(site)
    facets = {f["sleutel"]: f for f in index["facetten"]}
    assert [v["id"] for v in facets["sdg"]["waarden"]] == [str(n) for n in range(1, 18)]
    assert facets["sdg"]["soort"] == "masker" and facets["sdg"]["bytes"] == 3
    assert rows["sdg"] == [(1 << 0) | (1 << 16), (1 << 11) | (1 << 12)]  # b (newest), then a
    names = [v["naam"] for v in facets["bestuur"]["waarden"]]
    assert [[names[i] for i in row] for row in rows["bestuur"]] == [["VVSG"], ["Gent"]]
    assert rows["jaar"] == [[], [0]] and facets["jaar"]["waarden"] == [{"id": "2021", "naam": "2021"}]
    levels = [v["id"] for v in facets["niveau"]["waarden"]]
    assert rows["niveau"] == [1 << levels.index("gevorderd"), 1 << levels.index("starter")]
    assert rows["provincie"][0] == 0
    # Every SDG and 5P value has a text colour with enough contrast on its tile.
    from praktijkenbank.site.model import contrast_ratio
    for key in ("sdg", "p"):
        for value in facets[key]["waarden"]:
            assert contrast_ratio(value["kleur"], value["tekst"]) >= 4.5, value


def test_labels_are_the_dutch_vocabulary_names(tmp_path):
    site = make_site(tmp_path, [_record("a"), _record("b"), _record("c")])
    search_index.build(site)
    index, _, rows = read_index(site)
    assert index["aantal"] == 3 and all(len(column) == 3 for column in rows.values())
    facets = {f["sleutel"]: f for f in index["facetten"]}
    vocab = load_vocab()
    assert [v["naam"] for v in facets["thema"]["waarden"]] == [t["naam"] for t in vocab.themes.values()]
    assert [f["legende"] for f in index["facetten"]][:4] == ["Soort fiche", "SDG", "5 P's", "Thema"]


def test_fiches_hold_title_address_summary_and_plain_text(tmp_path):
    site = make_site(tmp_path, [_record("a")])
    search_index.build(site)
    fiche = json.loads((site / "zoeken" / "fiches" / "0.json").read_text(encoding="utf-8"))
    assert fiche == {"t": "Praktijk a", "u": "praktijken/a/", "s": "Een samenvatting.",
                     "x": "Context. Over a: de aankoop van koffie."}


def test_fiche_text_is_nfc(tmp_path):
    site = make_site(tmp_path, [_record("a", titel="Coo\u0308rdinatie", tekst="Financie\u0308le steun")])
    search_index.build(site)
    fiche = json.loads((site / "zoeken" / "fiches" / "0.json").read_text(encoding="utf-8"))
    assert fiche["t"] == "Co\u00f6rdinatie" and fiche["x"] == "Financi\u00eble steun"


@pytest.mark.parametrize("markdown, text", [
    ("# Kop\n\nTekst met *nadruk* en `code`.", "Kop. Tekst met nadruk en code."),
    ("- een\n- twee\n\n1. drie", "een twee drie"),
    ("> citaat\n\n| a | b |\n|---|---|\n| 1 | 2 |", "citaat a b 1 2"),
    ("Zie ![logo](l.png) en <https://x.be> of <b>vet</b>.", "Zie logo en of vet."),
    ("## Vraag?\nAntwoord", "Vraag? Antwoord"),
])
def test_plain_text_of_markdown(markdown, text):
    assert search_index.plain_text(markdown) == text


def test_the_token_changes_with_the_content(tmp_path):
    first = make_site(tmp_path / "1", [_record("a")])
    second = make_site(tmp_path / "2", [_record("a", samenvatting="Iets anders.")])
    search_index.build(first)
    search_index.build(second)
    token = [json.loads((s / search_index.INDEX_PATH).read_text())["token"] for s in (first, second)]
    assert token[0] != token[1] and all(len(t) == 12 for t in token)


def test_stale_chunks_and_fiches_are_removed(tmp_path):
    site = make_site(tmp_path, [_record("a")])
    stale = [site / "zoeken" / "woorden" / "99.bin", site / "zoeken" / "fiches" / "99.json"]
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"oud")
    search_index.build(site)
    assert not any(path.exists() for path in stale)


def test_no_practices_writes_an_empty_index(tmp_path):
    site = make_site(tmp_path, [])
    stats = search_index.build(site)
    assert stats.pages == 0 and stats.chunks == 0
    index = json.loads((site / search_index.INDEX_PATH).read_text(encoding="utf-8"))
    assert index["aantal"] == 0 and index["woorden"]["eerste"] == []


def test_unreadable_open_data_fails_the_build_in_dutch(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    class Config:
        site_dir = str(site)

    with pytest.raises(PluginError, match="de zoekindex .* kon niet gemaakt worden: de open data van deze build"):
        search_index.on_post_build(Config())


def test_a_record_without_a_needed_field_fails_in_dutch(tmp_path):
    broken = _record("a")
    del broken["sdgs"]
    site = make_site(tmp_path, [broken])
    with pytest.raises(search_index.SearchIndexError, match="mist een veld voor de zoekindex"):
        search_index.build(site)


# ------------------------------------------------- labels, synonyms, spelling --

def _postings(site: Path) -> dict[str, list[str]]:
    """{stem: [slug, ...]} of a built index."""
    _, words, _ = read_index(site)
    index = json.loads((site / search_index.INDEX_PATH).read_text(encoding="utf-8"))
    slugs = [json.loads((site / "zoeken" / index["fiches"] / f"{row}.json").read_text())["u"].split("/")[1]
             for row in range(index["aantal"])]
    return {stem: [slugs[row] for row, _ in postings] for stem, postings in words.items()}


def test_labels_of_a_practice_are_searchable(tmp_path):
    vocab = load_vocab()
    record = _record("a", tekst="Over iets anders.", samenvatting="Kort.", sdgs=[13], vijf_p=["planeet"],
                     themas=["eerlijke-handel"], fasen=["uitvoering"], niveau="gevorderd",
                     besturen=[{"naam": "Kruibeke", "soort": "gemeente", "huidige_naam": "Beveren-Kruibeke-Zwijndrecht",
                                "provincie": "oost-vlaanderen"}])
    site = make_site(tmp_path, [record])
    search_index.build(site)
    found = _postings(site)
    labels = ["SDG 13", vocab.sdgs[13]["naam"], vocab.ps["planeet"]["naam"], vocab.themes["eerlijke-handel"]["naam"],
              vocab.phases["uitvoering"]["naam"], vocab.levels["gevorderd"]["naam"], "Kruibeke",
              "Beveren-Kruibeke-Zwijndrecht", vocab.provinces["oost-vlaanderen"]["naam"]]
    for label in labels:
        for stem in terms(label):
            assert found.get(stem) == ["a"], (label, stem)


def test_synonyms_are_added_where_a_group_word_occurs(tmp_path):
    records = [_record("tekst", tekst="Een jumelage en fairtrade koffie.", themas=["participatie"], sdgs=[5]),
               _record("thema", tekst="Niets daarover.", themas=["eerlijke-handel"], sdgs=[5]),
               _record("sdg13", tekst="Niets daarover.", themas=["participatie"], sdgs=[13]),
               _record("geen", tekst="Een gewone tekst.", themas=["participatie"], sdgs=[5])]
    site = make_site(tmp_path, records)
    search_index.build(site)
    found = _postings(site)

    def hits(query: str) -> set[str]:
        sets = [set(found.get(stem, [])) for stem in terms(query)]
        return set.intersection(*sets) if sets else set()

    for query in ("eerlijke handel", "fairtrade", "fair trade"):
        assert hits(query) == {"tekst", "thema"}, query
    for query in ("stedenband", "partnergemeente", "zustergemeente"):
        assert hits(query) == {"tekst"}, query
    assert hits("klimaat") == {"sdg13"}  # SDG 13's label, through the group klimaat / SDG 13


def test_synonym_file_of_the_project_is_valid_and_unambiguous():
    synonyms = search_synonyms.read()
    entries = [entry.stems for group in synonyms.groups for entry in group]
    assert len(entries) == len(set(entries)) > 20
    assert ("fairtrad",) in entries and ("eerlijk", "handel") in entries


@pytest.mark.parametrize("content, message", [
    ("groepen: [[fairtrade]]", "groep 1 moet een lijst van minstens twee woorden zijn"),
    ("groepen: [[de, het]]", "'de' bevat geen doorzoekbaar woord"),
    ("groepen: [[aankoop, inkoop], [aankopen, bestelling]]", "'aankopen' staat al in de lijst"),
    ("iets: anders", "heeft geen lijst 'groepen'"),
    ("groepen: [", "is niet leesbaar"),
])
def test_a_bad_synonym_file_is_a_dutch_error(tmp_path, content, message):
    path = tmp_path / "synoniemen.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(search_synonyms.SynonymError, match=message):
        search_synonyms.read(path)


def test_spelling_lists_hold_the_most_frequent_form_by_letter(tmp_path):
    records = [_record("a", tekst="Stedenbanden en een stedenband. Stedenband met de 5e wijk co2 en abc."),
               _record("b", tekst="Een stedenband in Gent.", samenvatting="Scholen.")]
    site = make_site(tmp_path, records)
    search_index.build(site)
    index = json.loads((site / search_index.INDEX_PATH).read_text(encoding="utf-8"))
    letters = index["spelling"]["letters"]
    lists = {key: json.loads((site / "zoeken" / index["spelling"]["map"] / f"{key}.json").read_text(encoding="utf-8"))
             for key in letters}
    assert "stedenband" in lists["s"] and "stedenbanden" not in lists["s"]  # one word per stem: the most frequent
    assert lists["s"].index("stedenband") < lists["s"].index("scholen")  # in more practices: first
    assert not any(any(c.isdigit() for c in w) or len(w) < 4 for ws in lists.values() for w in ws)
    assert all(w.startswith(key) for key, ws in lists.items() if key != "_" for w in ws)
    assert letters == sorted(letters)


def test_a_word_list_keeps_the_most_frequent_words_only(tmp_path, monkeypatch):
    from praktijkenbank.site import search_spelling

    monkeypatch.setattr(search_spelling, "MAX_PER_LETTER", 2)
    records = [_record(str(n), tekst="zebra " * (n > 0) + "zolder " * (n > 1) + "zwaluw") for n in range(3)]
    site = make_site(tmp_path, records)
    search_index.build(site)
    words = json.loads((site / "zoeken" / "spelling" / "z.json").read_text(encoding="utf-8"))
    assert words == ["zwaluw", "zebra"]  # in 3 and 2 practices; zolder (1) is left out


# Common international terms (UN, VVSG) and the Dutch word a record uses: each finds the other's records.
INTERNATIONAL = [
    ("leave no one behind", "niemand achterlaten"), ("LNOB", "niemand achterlaten"),
    ("VLR", "voluntary local review"), ("voluntary local review", "VLR"),
    ("VNR", "voluntary national review"), ("voluntary national review", "VNR"),
    ("spill-over", "overloopeffect"), ("spillover", "spill-over"),
    ("localisation", "lokaliseren"), ("localization", "lokaliseren"), ("localising", "lokaliseren"),
    ("fair trade", "eerlijke handel"), ("fairtrade", "eerlijke handel"),
    ("decent work", "waardig werk"), ("human rights", "mensenrechten"),
    ("capacity building", "capaciteitsopbouw"), ("circular economy", "circulaire economie"),
    ("footprint", "voetafdruk"), ("partnership", "partnerschap"),
    ("sustainable development", "duurzame ontwikkeling"), ("policy coherence", "beleidscoherentie"),
    ("twinning", "stedenband"), ("city-to-city", "stedenband"), ("climate action", "klimaatactie"),
    ("public procurement", "overheidsopdracht"), ("procurement", "overheidsopdracht"),
    ("global citizenship", "wereldburgerschap"),
]


@pytest.fixture(scope="module")
def international_index(tmp_path_factory) -> dict[str, list[str]]:
    """One record per Dutch word of INTERNATIONAL (its only searchable word), and one without any."""
    dutch = sorted({word for _, word in INTERNATIONAL})
    records = [_record(f"r{i}", titel="Praktijk", samenvatting="Kort.", tekst=f"Over {word}.", themas=["participatie"],
                       sdgs=[5], besturen=[], provincies=[]) for i, word in enumerate(dutch)]
    records.append(_record("geen", titel="Praktijk", samenvatting="Kort.", tekst="Een gewone tekst.", themas=["participatie"],
                           sdgs=[5], besturen=[], provincies=[]))
    site = make_site(tmp_path_factory.mktemp("internationaal"), records)
    search_index.build(site)
    return {"postings": _postings(site), "slug": {word: f"r{i}" for i, word in enumerate(dutch)}}


@pytest.mark.parametrize("query, word", INTERNATIONAL, ids=[q for q, _ in INTERNATIONAL])
def test_an_international_term_finds_the_dutch_word(international_index, query, word):
    found = international_index["postings"]
    sets = [set(found.get(stem, [])) for stem in terms(query)]
    hits = set.intersection(*sets) if sets else set()
    assert international_index["slug"][word] in hits, (query, word)
    assert "geen" not in hits
