"""SDG report builder: CSV readers, the report and its blocks, the same in Python and in the browser's
JavaScript (run in node on the shared fixtures in tests/fixtures/rapport/)."""

from __future__ import annotations

import datetime as dt
import functools
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from praktijkenbank import load_vocab
from praktijkenbank.rapport import blokken, catalogus, invoer, model
from praktijkenbank.rapport.getallen import format_number, parse_number

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "rapport"
NODE = shutil.which("node")
TODAY = dt.date(2026, 12, 5)


@pytest.fixture(scope="module")
def bank():
    return load_bank()


@functools.lru_cache(maxsize=1)
def load_bank() -> dict:
    """The fixture bank: the test indicators and the practices of tests/fixtures/site."""
    vocab = load_vocab()
    site = catalogus.load_site([FIXTURES / "indicators", ROOT / "tests" / "fixtures" / "site" / "practices"], vocab, TODAY)
    return {"catalogue": catalogus.catalogue(site), "practices": catalogus.practices_by_government(site),
            "names": catalogus.names(vocab)}


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def python_run(bank, inputs: dict, projects=("projectscan-fietsbrug.csv",)) -> dict:
    values = invoer.read_values(read("waarden.csv"), bank["catalogue"], TODAY.year)
    budget = invoer.read_budget(read("begrotingsscan-voorbeeldgemeente.csv"))
    scans = [invoer.read_projects(read(name)) for name in projects]
    # as on the page and on the command line: indicators with imported values are chosen too
    full = {**inputs, "indicatoren": list(dict.fromkeys(inputs["indicatoren"] + list(values["waarden"]))), "waarden": values["waarden"], "doelen": values["doelen"], "begroting": budget["begroting"],
            "projecten": [p for scan in scans for p in scan["projecten"]]}
    practices = bank["practices"].get(inputs["bestuur"], [])
    report = model.build(full, bank["catalogue"], practices, bank["names"])
    return {"values": values, "budget": budget, "projects": scans, "report": report,
            "blocks": blokken.blocks(report, invoer.config()["richtlijnen"])}


def node_run(bank, inputs: dict, tmp_path: Path, projects=("projectscan-fietsbrug.csv",)) -> dict:
    if NODE is None:
        pytest.fail("node is nodig voor de JavaScript-tests (make test installeert het niet zelf: installeer nodejs)")
    job = {"cfg": invoer.config(), "catalogue": bank["catalogue"], "names": bank["names"], "lastYear": TODAY.year,
           "practices": bank["practices"].get(inputs["bestuur"], []), "values": read("waarden.csv"),
           "budget": read("begrotingsscan-voorbeeldgemeente.csv"), "projects": [read(n) for n in projects], "inputs": inputs}
    path = tmp_path / "job.json"
    path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run([NODE, str(ROOT / "tests" / "js" / "rapport_node.js"), str(path)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


INPUTS = {
    "hoofdstuk": {"bestuur": "Gent", "vorm": "hoofdstuk", "datum": "2026-12-05",
                  "indicatoren": ["sdg01-kansarmoede-index", "sdg07-test-hernieuwbare-stroom", "sdg12-test-restafval"],
                  "teksten": {"mens": "Het bestuur zet in op kinderarmoede.", "planeet": "Minder restafval is het doel."}},
    "vlr": {"bestuur": "Gent", "vorm": "vlr", "datum": "2026-12-05",
            "indicatoren": ["sdg01-kansarmoede-index", "sdg07-test-hernieuwbare-stroom", "sdg12-test-restafval", "sdg16-test-opkomst"],
            "teksten": {"vrede": "Inspraak groeit."}},
}


@pytest.mark.parametrize("shape", sorted(INPUTS))
def test_browser_and_cli_give_the_same_report(bank, shape, tmp_path):
    python = python_run(bank, INPUTS[shape])
    javascript = node_run(bank, INPUTS[shape], tmp_path)
    for key in ("values", "budget", "projects", "report", "blocks"):
        assert javascript[key] == python[key], key


@pytest.mark.parametrize("text, value", [
    ("12,5", (125000, 1)), ("12.5", (125000, 1)), ("1.234,5", (12345000, 1)), ("1.234.567", (12345670000, 0)),
    ("0.123", (1230, 3)), ("-3", (-30000, 0)), ("7,123456", (71235, 4)), ("", None), ("12 %", None), ("1e3", None),
])
def test_numbers_are_read_exactly(text, value):
    assert parse_number(text) == value


def test_numbers_are_written_in_dutch():
    assert format_number(12345000, 1) == "1.234,5"
    assert format_number(-5000, 1) == "-0,5"
    assert format_number(4, 0) == "0"


def test_values_with_bad_rows_give_one_dutch_message_per_row(bank):
    result = invoer.read_values(read("waarden-met-fouten.csv"), bank["catalogue"], TODAY.year)
    assert result["fouten"] == [
        "Rij 3: de indicator 'sdg01-kansarmoeden' bestaat niet. Gebruik de code uit het sjabloon (bv. 'sdg01-kansarmoede-index').",
        "Rij 4: 'twintig' is geen jaartal. Schrijf een jaar zoals 2024, of 'doel' voor je eigen doel voor 2030.",
        "Rij 5: het jaar 2031 kan niet: kies een jaar van 1990 tot en met 2026.",
        "Rij 6: 'veel' is geen getal. Schrijf bv. 12,5 (zonder eenheid of procentteken).",
        "Rij 7: voor sdg01-kansarmoede-index en 2020 staat al een waarde op rij 2. Houd er één over.",
        "Rij 8: te weinig kolommen. Schrijf indicator;jaar;waarde, gescheiden door een puntkomma.",
    ]
    # the good rows are kept; an indicator may be named by its title too
    assert result["waarden"] == {"sdg01-kansarmoede-index": {"2020": "14,2"}, "sdg16-test-opkomst": {"2023": "301"}}


def test_budget_scan_export_is_imported(bank):
    result = invoer.read_budget(read("begrotingsscan-voorbeeldgemeente.csv"))
    assert result["fouten"] == []
    budget = result["begroting"]
    assert budget["sdgs"]["1"] == {"bedrag": 92850000, "promille": 34}
    assert budget["selectie"]["soort"] == "uitgaven"
    assert len(budget["sdgs"]) == 17 and set(budget["ps"]) == {"mens", "planeet", "welvaart", "vrede", "partnerschap"}


def test_a_file_that_is_not_an_export_is_refused():
    assert invoer.read_budget("a;b\n1;2\n")["fouten"] == [invoer.message("begroting_kop")]
    assert invoer.read_projects("a;b\n1;2\n")["fouten"] == [invoer.message("project_kop")]


def test_trend_and_distance_follow_the_direction(bank):
    report = python_run(bank, INPUTS["vlr"])["report"]
    rows = {r["slug"]: r for r in report["indicatoren"]}
    assert rows["sdg01-kansarmoede-index"]["evolutie"] == "beter"  # lower is better: 14,2 -> 12,9
    assert rows["sdg01-kansarmoede-index"]["doel"] is None
    stroom = rows["sdg07-test-hernieuwbare-stroom"]
    assert (stroom["evolutie"], stroom["verschil"], stroom["doel"]["afstand"]) == ("beter", "+13,5", "+15,5")
    afval = rows["sdg12-test-restafval"]  # own goal 120 from the CSV ('doel' row)
    assert (afval["evolutie"], afval["doel"]["tekst"], afval["doel"]["afstand"]) == ("slechter", "Eigen doel: 120", "-31")
    assert rows["sdg16-test-opkomst"]["evolutie"] == "daalt"  # no better direction


def test_practices_of_the_government_appear(bank):
    report = python_run(bank, INPUTS["hoofdstuk"])["report"]
    assert report["praktijken"], "Gent has practices in the fixture bank"
    assert all(p["pad"].startswith("praktijken/") for p in report["praktijken"])
