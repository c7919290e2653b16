"""Search index of the finder (search_index.py) on tiny hand-made sites: no MkDocs, no browser."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from praktijkenbank import search_index
from praktijkenbank.vocab import load_vocab


def _record(slug: str, **extra) -> dict:
    record = {
        "slug": slug, "titel": f"Praktijk {slug}", "samenvatting": "Een samenvatting.", "pad": f"praktijken/{slug}/",
        "besturen": [{"naam": "Gent", "soort": "gemeente", "huidige_naam": "Gent", "provincie": "oost-vlaanderen"}],
        "provincies": ["oost-vlaanderen"], "periode": {"van": 2021, "tot": None}, "sdgs": [12, 13],
        "vijf_p": ["planeet"], "themas": ["duurzaam-aankoopbeleid"], "fasen": ["uitvoering"], "niveau": "starter",
        "toegevoegd": "2026-01-01",
    }
    record.update(extra)
    return record


def _page(title: str, body: str, article: bool = True) -> str:
    inner = f"<h1>{title}</h1><p>{body}</p>"
    if article:
        inner = f'<article class="md-content__inner md-typeset">{inner}</article>'
    return f'<!doctype html><html lang="nl"><head><title>{title}</title></head><body><nav>menu</nav>{inner}</body></html>'


def make_site(root: Path, records: list[dict], article: bool = True) -> Path:
    site = root / "site"
    (site / "data").mkdir(parents=True)
    (site / "data" / "practices.json").write_text(json.dumps({"praktijken": records}), encoding="utf-8")
    (site / "index.html").write_text(_page("Home", "aankoop op de startpagina"), encoding="utf-8")
    (site / "praktijken").mkdir()
    (site / "praktijken" / "index.html").write_text(_page("Overzicht", "alle aankopen"), encoding="utf-8")
    for record in records:
        folder = site / record["pad"]
        folder.mkdir(parents=True)
        text = _page(record["titel"], f"Over {record['slug']}: de aankoop van koffie.", article)
        (folder / "index.html").write_text(text, encoding="utf-8")
    return site


def test_index_covers_exactly_the_fiches_and_keys_the_facet_table_by_result_id(tmp_path):
    records = [_record("a"), _record("b", sdgs=[1], vijf_p=["mens"], toegevoegd="2026-02-01", periode=None,
                                     besturen=[{"naam": "VVSG", "soort": "organisatie", "huidige_naam": "VVSG",
                                                "provincie": None}], provincies=[])]
    site = make_site(tmp_path, records)
    stats = search_index.build(site)
    assert stats.pages == 2  # not the home page nor the overview
    ids = search_index.fragment_ids(site)
    assert set(ids) == {"/praktijken/a/", "/praktijken/b/"}
    table = json.loads((site / search_index.FACETS_PATH).read_text(encoding="utf-8"))
    assert table["aantal"] == 2
    rows = table["rijen"]
    # Newest first: b (2026-02-01) before a.
    width = rows["id"]["breedte"]
    packed = rows["id"]["ids"]
    unpacked = [packed[at:at + width] for at in range(0, len(packed), width)]
    assert [table["voorvoegsel"] + i for i in unpacked] == [ids["/praktijken/b/"], ids["/praktijken/a/"]]
    facets = {f["sleutel"]: f for f in table["facetten"]}
    assert [v["id"] for v in facets["sdg"]["waarden"]] == [str(n) for n in range(1, 18)]
    assert rows["sdg"] == [1 << 0, (1 << 11) | (1 << 12)]
    assert facets["bestuur"]["masker"] is False
    names = [v["naam"] for v in facets["bestuur"]["waarden"]]
    assert [[names[i] for i in row] for row in rows["bestuur"]] == [["VVSG"], ["Gent"]]
    assert rows["jaar"] == [[], [0]] and facets["jaar"]["waarden"] == [{"id": "2021", "naam": "2021"}]
    # Every SDG and 5P value has a text colour with enough contrast on its tile.
    from praktijkenbank.model import contrast_ratio
    for key in ("sdg", "p"):
        for value in facets[key]["waarden"]:
            assert contrast_ratio(value["kleur"], value["tekst"]) >= 4.5, value
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_labels_are_the_dutch_vocabulary_names(tmp_path):
    site = make_site(tmp_path, [_record("a"), _record("b"), _record("c")])
    search_index.build(site)
    table = json.loads((site / search_index.FACETS_PATH).read_text(encoding="utf-8"))
    assert table["aantal"] == 3 and all(len(column) == 3 for key, column in table["rijen"].items() if key != "id")
    facets = {f["sleutel"]: f for f in table["facetten"]}
    vocab = load_vocab()
    assert [v["naam"] for v in facets["thema"]["waarden"]] == [t["naam"] for t in vocab.themes.values()]
    assert [f["legende"] for f in table["facetten"]][:3] == ["SDG", "5 P's", "Thema"]


def test_a_stale_bundle_is_replaced(tmp_path):
    site = make_site(tmp_path, [_record("a")])
    stale = site / "pagefind" / "fragment" / "nl_oud.pf_fragment"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"oud")
    search_index.build(site)
    assert not stale.exists()


def test_missing_fiches_fail_with_a_dutch_message(tmp_path):
    site = make_site(tmp_path, [_record("a"), _record("b")], article=False)
    with pytest.raises(search_index.SearchIndexError, match="Pagefind vond geen praktijkfiches"):
        search_index.build(site)


def test_missing_pagefind_fails_the_build(tmp_path, monkeypatch):
    site = make_site(tmp_path, [_record("a")])
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "bestaat-niet"))

    class Config:
        site_dir = str(site)
        use_directory_urls = True

    with pytest.raises(PluginError, match="de zoekindex .* kon niet gemaakt worden: het programma Pagefind is niet"):
        search_index.on_post_build(Config())


def test_no_practices_writes_an_empty_table(tmp_path):
    site = make_site(tmp_path, [])
    stats = search_index.build(site)
    assert stats.pages == 0
    table = json.loads((site / search_index.FACETS_PATH).read_text(encoding="utf-8"))
    assert table["aantal"] == 0 and not table["rijen"]["id"]


def test_very_common_words_are_listed_only_for_large_banks():
    from collections import Counter

    words = Counter({"bestuur": 600, "gemeente": 500, "koffie": 20, "2025": 900})
    assert search_index.common_words(words, 1000) == ["bestuur", "gemeente"]
    assert search_index.common_words(words, 100) == []
