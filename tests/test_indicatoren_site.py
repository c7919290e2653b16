"""Indicators on the site: fiche, index, SDG pages and target anchors, open data, finder facet,
the kit links on the monitoring pages. Built from the fixture bank plus tests/fixtures/rapport/indicators."""

from __future__ import annotations

import csv
import io
import json

import pytest

pytestmark = pytest.mark.build


def html(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_fiche_shows_unit_direction_source_and_target(indicator_site):
    page = html(indicator_site, "indicatoren/sdg07-test-hernieuwbare-stroom")
    for text in ("Starterset", "Hoger is beter", "Waar vind je de waarde van je gemeente", "Fictief doel voor de tests: 50 %",
                 "(vlaams doel)", 'href="https://voorbeeld.test/sdg07-test-hernieuwbare-stroom"', "subdoel-7-2"):
        assert text in page, text
    without = html(indicator_site, "indicatoren/sdg01-kansarmoede-index")
    assert "Er is geen publiek Vlaams, Belgisch of Europees streefcijfer" in without


def test_index_lists_every_indicator_per_sdg(indicator_site):
    page = html(indicator_site, "indicatoren")
    assert "4 indicatoren, waarvan 3 in de starterset" in page
    for n in (1, 7, 12, 16):
        assert f'id="sdg-{n}"' in page


def test_sdg_and_target_pages_list_their_indicators(indicator_site):
    page = html(indicator_site, "sdg/13")  # SDG 13 is the second SDG of the renewable-power indicator
    assert "Indicatoren (1)" in page
    assert 'id="subdoel-13-2"' in page
    target = page.split('id="subdoel-13-2"', 1)[1].split("</li>", 1)[0]
    assert "Testindicator (fictief): aandeel hernieuwbare stroom" in target
    assert "Indicatoren (" not in html(indicator_site, "sdg/2")


def test_domain_pages_list_their_indicators(indicator_site):
    page = html(indicator_site, "beleidsdomeinen/natuur-en-milieubeheer")
    assert "Indicatoren (2)" in page
    for title in ("Testindicator (fictief): restafval per inwoner", "Testindicator (fictief): aandeel hernieuwbare stroom"):
        assert title in page, title
    assert "Indicatoren (" not in html(indicator_site, "beleidsdomeinen/veiligheidszorg")
    assert "2 indicatoren" in html(indicator_site, "beleidsdomeinen")
    fiche = html(indicator_site, "indicatoren/sdg12-test-restafval")
    assert 'href="../../beleidsdomeinen/natuur-en-milieubeheer/"' in fiche and "afval- en materialenbeheer" in fiche
    domains = json.loads((indicator_site / "data" / "beleidsdomeinen.json").read_text(encoding="utf-8"))
    nature = next(d for d in domains["beleidsdomeinen"] if d["id"] == "natuur-en-milieubeheer")
    assert nature["aantal"]["indicatoren"] == 2
    data = json.loads((indicator_site / "data" / "indicatoren.json").read_text(encoding="utf-8"))
    restafval = next(r for r in data["indicatoren"] if r["slug"] == "sdg12-test-restafval")
    assert restafval["beleidsdomeinen"] == ["natuur-en-milieubeheer"] and restafval["subdomeinen"] == ["afval-en-materialenbeheer"]


def test_open_data_has_the_indicators(indicator_site):
    data = json.loads((indicator_site / "data" / "indicatoren.json").read_text(encoding="utf-8"))
    assert data["aantal"] == 4 and data["schema"] == "schema/indicator.schema.json"
    stroom = next(r for r in data["indicatoren"] if r["slug"] == "sdg07-test-hernieuwbare-stroom")
    assert stroom["doel_2030"]["getal"] == 50 and stroom["richting"] == "hoger" and stroom["set"] == "starter"
    rows = list(csv.DictReader(io.StringIO((indicator_site / "data" / "indicatoren.csv").read_text(encoding="utf-8-sig")), delimiter=";"))
    assert {r["slug"] for r in rows} == {r["slug"] for r in data["indicatoren"]}
    assert (indicator_site / "schema" / "indicator.schema.json").is_file()
    assert (indicator_site / "rapport" / "sjabloon-waarden.csv").read_text(encoding="utf-8-sig").startswith("indicator;jaar;waarde")


def test_finder_has_the_set_facet(indicator_site):
    index = json.loads((indicator_site / "zoeken" / "index.json").read_text(encoding="utf-8"))
    facets = {f["sleutel"]: f for f in index["facetten"]}
    assert [v["naam"] for v in facets["set"]["waarden"]] == ["Starterset", "Uitgebreide set"]
    assert "indicator" in [v["id"] for v in facets["soort"]["waarden"]]


def test_monitoring_pages_link_to_the_kit(indicator_site):
    for path in ("fase/monitoring", "fase/rapportering", "begroting", "projectscan", ""):
        page = (indicator_site / path / "index.html").read_text(encoding="utf-8")
        assert "rapport/" in page and ("SDG-rapportbouwer" in page), path
