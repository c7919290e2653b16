"""'Maak er een SDG-paragraaf van' (docs/assets/projectscan/scan-paragraaf.js) in node: the scan's
answers fill the model text instruments/modeltekst-sdg-paragraaf-college-en-raadsvoorstel.md, as
data/projectscan.yaml (sdg_paragraaf) says; and the build refuses a model text whose fields the
data file does not cover."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from praktijkenbank import load_practices, load_vocab
from praktijkenbank.projectscan import page as projectscan
from praktijkenbank.site.model_kinds import instrument_view
from test_projectscan_js import empty, maximal, realistic

ASSETS = ROOT / "docs" / "assets" / "projectscan"
NODE = shutil.which("node")
SLUG = "modeltekst-sdg-paragraaf-college-en-raadsvoorstel"
TODAY = "2026-12-05T10:00:00Z"

RUNNER = r"""
const path = require("path");
const dir = process.env.SCAN_ASSETS;
require(path.join(dir, "scan-state.js"));
const paragraph = require(path.join(dir, "scan-paragraaf.js"));
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const job = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const today = new Date(job.today);
  process.stdout.write(JSON.stringify(job.states.map((s) => paragraph.text(s, job.cfg, today))));
});
"""


def _view():
    vocab = load_vocab()
    records, problems = load_practices([ROOT / "instruments" / f"{SLUG}.md"])
    assert not problems
    return instrument_view(records[0], vocab, dt.date(2026, 12, 5))


@pytest.fixture(scope="module")
def cfg():
    return projectscan.config(load_vocab(), projectscan.load_data(), [_view()])


def _run(cfg, states):
    if NODE is None:
        pytest.skip("node ontbreekt (Node.js installeren)")
    result = subprocess.run([NODE, "-e", RUNNER], input=json.dumps({"cfg": cfg, "states": states, "today": TODAY}),
                            capture_output=True, text=True, env={**os.environ, "SCAN_ASSETS": str(ASSETS)}, check=True)
    return json.loads(result.stdout)


def test_the_model_text_is_embedded_with_a_rule_for_every_field(cfg):
    setup = cfg["paragraaf"]
    assert setup["fiche"] == f"instrumenten/{SLUG}/"
    text = " ".join(b["tekst"] for b in setup["blokken"])
    for field in _view()["invulvelden"]:
        assert f"[{field}]" in text and setup["velden"][field] in projectscan.PARAGRAPH_ANSWERS


def test_a_realistic_scan_gives_the_paragraph(cfg):
    [text] = _run(cfg, [realistic()])
    assert text == (
        "SDG-paragraaf\n\n"
        "Duurzame ontwikkelingsdoelen (SDG's)\n\n"
        "Voorstel: Fairtrade-koffie in alle gemeentelijke gebouwen.\n\n"
        f"Bijdrage aan de SDG's: {_n(cfg, 1)}, {_n(cfg, 2)}, {_n(cfg, 8)} en {_n(cfg, 12)}. "
        "SDG 2: Kleine boeren krijgen een leefbaar inkomen. "
        "SDG 8: Een eerlijke prijs voor koffieboeren. SDG 12: Volgens het aankoopbeleid.\n\n"
        f"Mogelijke nadelige effecten: {_n(cfg, 13)}. SDG 13: Meer transport? Na te vragen.\n\n"
        "Effect op mensen elders in de wereld: Helpt mensen elders: Producenten in het Zuiden krijgen een eerlijke prijs.\n\n"
        "Niemand achterlaten: risico bij " + cfg["lnob"][3]["naam"].lower()
        + " (Niet doorrekenen in het sociaal restaurant).\n\n"
        "Wisselwerking tussen beleidsdomeinen: SDG 12 en SDG 8: +2 (" + _scale(cfg, 2)
        + "), Eerlijke aankopen steunen waardig werk.\n\n"
        "Afweging: Doen. Vraag de leverancier naar transport en verpakking.\n\n"
        "Deze paragraaf steunt op een SDG-toets van het voorstel van 5 december 2026.\n")


def _n(cfg, nr):
    return f"SDG {nr} " + next(s["naam"] for s in cfg["sdgs"] if s["nr"] == nr)


def _scale(cfg, score):
    return next(s["naam"].lower() for s in cfg["interacties"] if s["score"] == score)


def test_an_empty_scan_leaves_the_fields_to_fill_in_or_says_none(cfg):
    [text] = _run(cfg, [empty()])
    assert "Voorstel: [titel van het voorstel]." in text
    assert "Bijdrage aan de SDG's: geen aangeduid in de toets." in text
    assert "Mogelijke nadelige effecten: geen vastgesteld." in text
    assert "Effect op mensen elders in de wereld: [mondiale reflex]" in text
    assert "Wisselwerking tussen beleidsdomeinen: geen genoteerd." in text
    assert "Afweging: [conclusie]" in text
    assert " ." not in text and ".." not in text and "  " not in text


def test_a_full_scan_keeps_every_answer(cfg):
    state = maximal()
    [text] = _run(cfg, [state])
    assert not [f for f in _view()["invulvelden"] if f"[{f}]" in text]  # every answer was given
    assert "\t" not in text and "\n\n\n" not in text
    for item in state["sdgs"]:
        if item["effect"] in ("p", "n"):
            assert " ".join(item["toelichting"].split())[:30] in text


def test_the_build_refuses_a_model_text_field_without_an_answer():
    data = copy.deepcopy(projectscan.load_data())
    del data["sdg_paragraaf"]["velden"]["conclusie"]
    with pytest.raises(projectscan.ScanDataError, match="sdg_paragraaf.velden mist 'conclusie'"):
        projectscan.config(load_vocab(), data, [_view()])


def test_the_data_file_is_checked():
    data = copy.deepcopy(projectscan.load_data())
    data["sdg_paragraaf"]["velden"]["conclusie"] = "besluit"
    data["sdg_paragraaf"]["leeg"]["onbekend"] = "x"
    problems = projectscan.check(data, load_vocab())
    assert any("'besluit' is geen antwoord van de scan" in p for p in problems)
    assert any("sdg_paragraaf.leeg.onbekend" in p for p in problems)


def test_without_the_model_text_there_is_no_paragraph():
    assert projectscan.config(load_vocab(), projectscan.load_data(), [])["paragraaf"] is None
