"""SDG-projectscan, the Python side: data/projectscan.yaml, the embedded config and the page.

No browser here: see test_projectscan_js.py (the JavaScript logic in node) and
test_projectscan_browser.py (the page in Chromium).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import re

import pytest
from mkdocs.exceptions import Abort, PluginError

from conftest import FIXTURES_SITE, build_site, docs_without
from praktijkenbank import load_vocab
from praktijkenbank.projectscan import page as projectscan


@pytest.fixture(scope="module")
def vocab():
    return load_vocab()


@pytest.fixture(scope="module")
def data():
    return projectscan.load_data()


@pytest.fixture(scope="module")
def markdown(vocab, data):
    return projectscan.page(vocab, data)


def _config_from(markdown: str) -> dict:
    match = re.search(r'<script type="application/json" id="pb-scan-config">(.*?)</script>', markdown)
    assert match, "embedded config missing"
    return json.loads(match.group(1))


def test_data_file_is_complete_and_consistent(vocab, data):
    assert projectscan.check(data, vocab) == []
    assert set(data["themas"]) == set(vocab.themes)
    assert set(data["fasen"]) == set(vocab.phases)
    for table in (data["themas"], data["fasen"]):
        for entry in table.values():
            assert len(entry["waarom"]) <= 200  # one short sentence


MUTATIONS = [
    ("missing theme", lambda d: d["themas"].pop("stedenband"), "themas.stedenband: ontbreekt"),
    ("unknown theme", lambda d: d["themas"].__setitem__("fietsen", {"sdgs": [11], "waarom": "x"}),
     "themas.fietsen: 'fietsen' staat niet in themas.yaml"),
    ("SDG 18", lambda d: d["fasen"]["budget"].__setitem__("sdgs", [16, 18]), "fasen.budget.sdgs: 18 is geen SDG"),
    ("too many SDGs", lambda d: d["fasen"]["budget"].__setitem__("sdgs", [1, 2, 3, 4, 5]),
     "fasen.budget.sdgs: geef 1 tot 4 SDG-nummers"),
    ("unknown target", lambda d: d["themas"]["begroting"].__setitem__("subdoelen", ["16.99"]),
     "themas.begroting.subdoelen: '16.99' is geen subdoel"),
    ("target of another SDG", lambda d: d["themas"]["begroting"].__setitem__("subdoelen", ["4.7"]),
     "themas.begroting.subdoelen: '4.7' hoort bij geen van de voorgestelde SDG's"),
    ("no rationale", lambda d: d["themas"]["begroting"].__setitem__("waarom", " "),
     "themas.begroting.waarom: schrijf in één zin"),
    ("effect code renamed", lambda d: d["effecten"][0].__setitem__("code", "+"), "effecten: verwacht precies de codes"),
    ("scale incomplete", lambda d: d["interacties"].pop(), "interacties: verwacht de scores"),
    ("four factors", lambda d: d["niemand_achterlaten"].pop(), "niemand_achterlaten: verwacht de vijf factoren"),
    ("no guiding questions", lambda d: d["mondiaal"].__setitem__("hulpvragen", []), "mondiaal.hulpvragen: geef een lijst"),
    ("score without text", lambda d: d["interacties"][2].pop("uitleg"), "interacties: elke score heeft een naam en een uitleg"),
    ("limits as a list", lambda d: d.__setitem__("limieten", [120]), "limieten: verwacht een mapping"),
    ("limit missing", lambda d: d["limieten"].pop("sdg"), "limieten.sdg: geef een positief geheel getal"),
    ("source without date", lambda d: d["bronnen"][0].pop("geraadpleegd"), "bronnen[0]: geraadpleegd ontbreekt"),
    ("VVSG source gone", lambda d: d.__setitem__("bronnen", [b for b in d["bronnen"] if b["id"] != "vvsg"]),
     "bronnen: de pagina verwijst naar de bron 'vvsg'"),
    ("source not http", lambda d: d["bronnen"][1].__setitem__("url", "javascript:alert(1)"),
     "bronnen[1].url: geef een http(s)-adres"),
]


@pytest.mark.parametrize("label, mutate, expected", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_check_names_each_problem_in_dutch(vocab, data, label, mutate, expected):
    broken = copy.deepcopy(data)
    mutate(broken)
    problems = projectscan.check(broken, vocab)
    assert any(expected in p for p in problems), problems
    with pytest.raises(projectscan.ScanDataError) as error:
        projectscan.page(vocab, broken)
    assert "tools/praktijkenbank/data/projectscan.yaml klopt niet" in str(error.value)
    assert "Verbeter het bestand en bouw opnieuw." in str(error.value)


def test_unreadable_data_file_is_a_dutch_error(tmp_path):
    path = tmp_path / "projectscan.yaml"
    path.write_text("themas: [\n", encoding="utf-8")
    with pytest.raises(projectscan.ScanDataError, match="kan niet gelezen worden"):
        projectscan.load_data(path)
    path.write_text("- een lijst\n", encoding="utf-8")
    with pytest.raises(projectscan.ScanDataError, match="moet een YAML-mapping zijn"):
        projectscan.load_data(path)


def test_config_comes_from_the_vocabularies(vocab, data, markdown):
    cfg = _config_from(markdown)
    assert cfg == json.loads(json.dumps(projectscan.config(vocab, data)))
    assert [(s["nr"], s["naam"], s["kleur"]) for s in cfg["sdgs"]] == \
        [(n, e["naam"], e["kleur"]) for n, e in vocab.sdgs.items()]
    assert [t["id"] for t in cfg["themas"]] == list(vocab.themes)
    assert [f["id"] for f in cfg["fasen"]] == list(vocab.phases)
    assert cfg["voorstellen"]["thema"]["duurzaam-aankoopbeleid"]["sdgs"] == data["themas"]["duurzaam-aankoopbeleid"]["sdgs"]
    assert [e["code"] for e in cfg["effecten"]] == ["p", "n", "0", "?"]
    assert [s["score"] for s in cfg["interacties"]] == [3, 2, 1, 0, -1, -2, -3]
    assert cfg["formaat"] == "sdg-projectscan" and cfg["versie"] == 1


def test_page_has_a_fieldset_per_sdg_theme_and_phase_from_the_data(vocab, data, markdown):
    assert markdown.startswith("---\ntitle: \"SDG-projectscan\"")
    for number, entry in vocab.sdgs.items():
        assert f'<fieldset class="pb-scan-sdg" id="sdg-{number}"' in markdown
        assert f'<span class="pb-scan-sdg__naam">{entry["naam"]}</span>' in markdown
        for code in ("p", "n", "0", "?"):
            assert f'name="sdg-{number}" value="{code}"' in markdown
        assert f'<label class="pb-scan-label" for="sdg-{number}-toelichting">' in markdown
    for tid in vocab.themes:
        assert f'name="thema" value="{tid}"' in markdown
    for fid in vocab.phases:
        assert f'name="fase" value="{fid}"' in markdown
    for factor in data["niemand_achterlaten"]:
        assert f'id="lnob-{factor["id"]}"' in markdown and factor["vraag"] in markdown


def test_page_cites_its_sources_and_says_it_is_not_the_vvsg_toets(data, markdown):
    assert "Dit is niet de SDG-toets van de VVSG" in markdown
    assert "niet de officiële SDG-toets van de Vereniging van Vlaamse Steden en Gemeenten" in markdown
    for source in data["bronnen"]:
        assert f'<a href="{source["url"]}" rel="noopener">' in markdown
        assert source["titel"].replace("'", "&#39;") in markdown
    assert markdown.count("(geraadpleegd op 1 december 2026)") == len(data["bronnen"])
    assert "https://www.vvsg.be/internationaal/sdgs" in markdown


def test_links_and_scripts_are_relative(vocab, data):
    for directory_urls, sdg_link in ((True, 'href="../sdg/12/"'), (False, 'href="../sdg/12.html"')):
        text = projectscan.page(vocab, data, use_directory_urls=directory_urls)
        assert sdg_link in text
        for name in projectscan.ASSETS:
            assert f'<script src="../assets/projectscan/{name}" defer></script>' in text
        assert '<link rel="stylesheet" href="../assets/projectscan/projectscan.css">' in text
        assert not re.search(r'(src|href)="/', text)


def test_embedded_json_cannot_close_the_script_element(vocab, data):
    sdgs = dict(vocab.sdgs)
    sdgs[1] = dict(sdgs[1], naam="Geen armoede</script><script>alert(1)</script><!--")
    hostile = dataclasses.replace(vocab, sdgs=sdgs)
    text = projectscan.page(hostile, data)
    script = text.split('id="pb-scan-config">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script
    assert _config_from(text)["sdgs"][0]["naam"].startswith("Geen armoede</script>")
    assert "<script>alert(1)" not in text.split("</script>", 1)[1]  # escaped in the HTML too


def test_assets_exist_and_stay_small():
    from conftest import ROOT

    folder = ROOT / "docs" / "assets" / "projectscan"
    for name in projectscan.ASSETS + ["projectscan.css"]:
        lines = (folder / name).read_text(encoding="utf-8").count("\n")
        assert 0 < lines <= 500, (name, lines)


def test_site_has_the_page_in_its_nav(fixture_site):
    page = (fixture_site / "projectscan" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "SDG-projectscan" in page
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="projectscan/" class="md-nav__link">\s*<span class="md-ellipsis">\s*SDG-projectscan', home)
    for name in projectscan.ASSETS + ["projectscan.css"]:
        assert (fixture_site / "assets" / "projectscan" / name).is_file()


def test_broken_data_file_stops_the_build_with_a_dutch_message(tmp_path, monkeypatch, caplog, data):
    broken = copy.deepcopy(data)
    broken["fasen"].pop("budget")
    path = tmp_path / "projectscan.yaml"
    path.write_text(json.dumps(broken, default=str), encoding="utf-8")  # JSON is YAML
    monkeypatch.setattr(projectscan, "DATA_PATH", path)
    with pytest.raises((PluginError, Abort)) as error:
        build_site(FIXTURES_SITE, tmp_path / "site", docs_dir=str(docs_without(tmp_path / "docs", "kennis")))
    assert isinstance(error.value, Abort)  # MkDocs prints the PluginError message, no traceback
    message = caplog.text
    assert "projectscan.yaml klopt niet" in message and "fasen.budget: ontbreekt" in message
    assert "Traceback" not in message


def _paths(value, path=()):
    """Every (path) into a nested structure of dicts and lists."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, path + (index,))


def test_any_broken_value_is_a_dutch_error_never_a_traceback(vocab, data):
    """Replace every value of the data file, one at a time, by junk: page() works or says what is wrong."""
    for path in list(_paths(data))[1:]:
        for junk in (None, "", 7, [], {}, "</script>"):
            broken = copy.deepcopy(data)
            target = broken
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = junk
            try:
                projectscan.page(vocab, broken)
            except projectscan.ScanDataError as error:
                assert "klopt niet" in str(error)
