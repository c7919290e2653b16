"""Policy domains, size classes and evidence levels: vocabularies, tagging, facets, pages, statistics."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

from praktijkenbank import load_vocab, validate_paths
from praktijkenbank.contrib import stats
from praktijkenbank.records.vocab import DATA_DIR
from praktijkenbank.site import model, opendata, render, search_index

ROOT = Path(__file__).resolve().parent.parent
TODAY = dt.date(2026, 12, 5)
SHARED = next((p / "shared" / "data" / "meerjarenplannen" for p in (ROOT.parent, ROOT.parents[1])
               if (p / "shared" / "data" / "meerjarenplannen").is_dir()), None)


@pytest.fixture(scope="module")
def vocab():
    return load_vocab()


@pytest.fixture(scope="module")
def site(vocab):
    folders = [ROOT / kind.folder for kind in vocab.kinds.values()]
    records, problems = validate_paths(folders, today=TODAY)
    assert not [p for p in problems if p.is_error]
    return model.build_site(records, vocab, TODAY)


# ------------------------------------------------------------ vocabularies --

def test_domains_and_subdomains_come_from_the_policy_fields_once(vocab):
    fields = yaml.safe_load((DATA_DIR / "beleidsvelden.yaml").read_text(encoding="utf-8"))["beleidsvelden"]
    assert len(fields) == 142
    assert [d["code"] for d in vocab.domains.values()] == [str(n) for n in range(10)]
    assert vocab.domains["natuur-en-milieubeheer"]["naam"] == "Natuur en milieubeheer"
    assert vocab.subdomains["klimaat-en-energie"] == {
        "id": "klimaat-en-energie", "code": "035", "naam": "Klimaat en energie", "domein": "natuur-en-milieubeheer",
        "beleidsvelden": ["0350"]}
    # every policy field lies in exactly one subdomain, every subdomain in its domain's list
    assert sum(len(s["beleidsvelden"]) for s in vocab.subdomains.values()) == 142
    for sid, sub in vocab.subdomains.items():
        assert sid in vocab.domains[sub["domein"]]["subdomeinen"]
    # beleidsdomeinen.yaml adds only a description and 'sdg_werk' per domain code: no names listed twice
    extra = yaml.safe_load((DATA_DIR / "beleidsdomeinen.yaml").read_text(encoding="utf-8"))
    assert sorted(e["code"] for e in extra) == sorted(d["code"] for d in vocab.domains.values())
    assert all(set(e) == {"code", "omschrijving", "sdg_werk"} for e in extra)
    assert not vocab.domains["algemene-financiering"]["sdg_werk"]


@pytest.mark.skipif(SHARED is None, reason="shared/data is not next to this checkout")
def test_domains_match_the_published_list(vocab):
    """The derived domains and subdomains are those of the published BBC list (cited in its README)."""
    rows = list(csv.DictReader((SHARED / "bbc-beleidsvelden.csv").open(encoding="utf-8"), delimiter=";"))
    assert len(rows) == 142
    assert {" ".join(r["domein"].split()).split(" ", 1)[1] for r in rows} == {d["naam"] for d in vocab.domains.values()}
    assert {" ".join(r["subdomein"].split()).split(" ", 1)[1] for r in rows} == {s["naam"] for s in vocab.subdomains.values()}


def test_inhabitants_join_on_the_nis_code_with_the_mergers_of_2025(vocab):
    assert len(vocab.inhabitants) >= 280
    nis = {m["nis"] for m in vocab.municipalities.values()}
    assert set(vocab.inhabitants) <= nis  # only current municipalities (codes after the mergers)
    assert vocab.size_class_of("Gent") == "centrumstad"
    assert vocab.size_class_of("Zwalm") == "minder-dan-10000"
    merged = next(name for name, e in vocab.former_municipalities.items() if e.get("sinds") == 2025)
    assert vocab.size_class_of(merged) == vocab.size_class_of(vocab.former_municipalities[merged]["opgegaan_in"])
    assert vocab.size_class_of("Provincie Antwerpen") is None
    assert vocab.inhabitants_source["afgeleid"] is True  # a derived approximation, said so


# --------------------------------------------------------------- the bank --

def test_every_record_has_policy_domains(site, vocab):
    for kind in vocab.kinds.values():
        if "beleidsdomeinen" not in kind.schema["properties"]:
            continue  # a kind without the field (add it to its schema to put it on the domain pages)
        for view in site[kind.plural]:
            assert view["beleidsdomeinen"], f"{view['repo_pad']} heeft geen beleidsdomeinen"


def test_every_practice_has_an_evidence_level(site):
    assert all(view["bewijs"] for view in site["praktijken"])


def test_no_practice_is_a_vvsg_programme(site):
    """Practices are what local governments did: a record of VVSG alone is context in a dossier."""
    for view in site["praktijken"]:
        assert {g["naam"] for g in view["besturen"]} != {"VVSG"}, view["slug"]
    moved = {e["van"]: e["naar"] for e in load_vocab().moved}
    assert moved["praktijken/voluntary-subnational-review/"] == "dossiers/vvsg-ondersteuning/"


# ------------------------------------------------------------------ pages --

def test_domain_page_lists_practices_instruments_and_product_groups(site, vocab):
    term = site["families"]["beleidsdomein"]["natuur-en-milieubeheer"]
    assert term["pad"] == model.DOMAIN_PAGE.format(id="natuur-en-milieubeheer") == "beleidsdomeinen/natuur-en-milieubeheer/"
    assert term["praktijken"] and term["productgroepen"]
    renderer = render.Renderer(site, vocab)
    pages = renderer.pages()
    page = renderer.fill("beleidsdomeinen/natuur-en-milieubeheer.md", pages["beleidsdomeinen/natuur-en-milieubeheer.md"])
    assert "# Natuur en milieubeheer" in page and "035 klimaat en energie" in page
    assert f"## Praktijken ({len(term['praktijken'])})" in page
    assert "## Duurzaam aankopen" in page
    assert "beleidsdomeinen/index.md" in pages
    for family in ("grootte", "bewijs"):
        assert f"{model.FAMILIES[family][0]}/index.md" in pages
    size_page = pages["grootte/minder-dan-10000.md"]
    assert "# Minder dan 10\\.000 inwoners" in size_page and "## Praktijken" in size_page


def test_fiche_shows_domains_size_evidence_effort_and_similar_governments(site, vocab):
    view = site["per_slug"]["provincie-west-vlaanderen-noodhulp-oekraine"]
    renderer = render.Renderer(site, vocab)
    src = "praktijken/provincie-west-vlaanderen-noodhulp-oekraine.md"
    html = renderer.fill(src, renderer.record(view))
    assert ">Beleidsdomeinen</dt>" in html and ">Bewijs</dt>" in html
    assert "## Wat het vroeg" in html and "175.000 euro" in html
    similar = site["per_slug"]["zwevegem-duurzame-helden-laat-niemand-achter"]["vergelijkbaar"]
    assert similar and len(similar) <= model.SIMILAR_LIMIT
    own = site["per_slug"]["zwevegem-duurzame-helden-laat-niemand-achter"]
    assert len({tuple(ref["besturen"]) for ref in similar}) == len(similar)  # one practice per government
    for ref in similar:
        other = site["per_slug"][ref["slug"]]
        assert {t["id"] for t in other["grootteklassen"]} & {t["id"] for t in own["grootteklassen"]}
        assert not {g["slug"] for g in other["besturen"]} & {g["slug"] for g in own["besturen"]}


# ----------------------------------------------------- open data and finder --

def test_open_data_and_finder_facets(site, vocab):
    files = opendata.files(site, vocab)
    data = json.loads(files[opendata.JSON_PATH])["praktijken"]
    record = next(r for r in data if r["slug"] == "provincie-west-vlaanderen-noodhulp-oekraine")
    assert record["beleidsdomeinen"] == ["algemeen-bestuur", "zorg-en-opvang"]
    assert record["kost"] == {"bedrag": "175.000 euro", "omvat": record["kost"]["omvat"], "orde": "50000-tot-500000"}
    assert record["bewijs"] == "geen"
    domains = json.loads(files[opendata.DOMAINS_JSON_PATH])["beleidsdomeinen"]
    nature = next(d for d in domains if d["code"] == "3")
    assert nature["pad"] == "beleidsdomeinen/natuur-en-milieubeheer/" and nature["aantal"]["praktijken"] > 0
    assert "0350" in next(s["beleidsvelden"] for s in nature["subdomeinen"] if s["code"] == "035")
    header = files[opendata.CSV_PATH].decode("utf-8-sig").splitlines()[0].split(";")
    assert {"beleidsdomeinen", "grootteklassen", "bewijs", "kost_orde", "navolgers"} <= set(header)
    records = [{"soort": "praktijk", **r} for r in data]
    index_files, _ = search_index.index_files(records, vocab)
    index = json.loads(index_files[search_index.INDEX_PATH])
    facets = {f["sleutel"]: f for f in index["facetten"]}
    assert [v["id"] for v in facets["beleidsdomein"]["waarden"]] == list(vocab.domains)
    assert [v["id"] for v in facets["grootte"]["waarden"]] == list(vocab.size_classes)
    assert [v["id"] for v in facets["bewijs"]["waarden"]] == list(vocab.evidence)
    assert all(facets[k]["soort"] == "masker" for k in ("beleidsdomein", "grootte", "bewijs"))
    values = search_index._record_values(record | {"soort": "praktijk"})
    assert values["beleidsdomein"] == ["algemeen-bestuur", "zorg-en-opvang"] and values["bewijs"] == ["geen"]


# -------------------------------------------------------------- statistics --

def test_statistics_show_domains_with_fewer_than_three_practices_as_gaps(site, vocab):
    figures = stats.spread(site, vocab)
    lines = {line["naam"]: line for line in figures["beleidsdomeinen"]}
    safety = lines["4 Veiligheidszorg"]
    assert safety["minimum"] == 3 and safety["gehaald"] is (safety["aantal"] >= 3)
    assert lines["0 Algemene financiering"]["minimum"] is None  # no SDG work: never a gap
    small = next(line for line in figures["grootte"] if line["naam"] == "Van een gemeente onder 15.000 inwoners")
    expected = sum(1 for v in site["praktijken"] if any((g.get("inwoners") or 10**9) < 15000 for g in v["besturen"]))
    assert small["aantal"] == expected and small["minimum"] == 10
    text = stats.as_text(figures)
    assert "Praktijken per beleidsdomein" in text and "Praktijken per grootte van de gemeente" in text
