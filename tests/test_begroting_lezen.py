"""Budget scan on the files municipalities really have, and the hostile files of issue 19.

Every case here runs in Python and in the browser's JavaScript (node); the fixtures with
figures are in tests/test_begroting.py (each has a .verwacht.yaml).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT
from praktijkenbank import load_vocab
from praktijkenbank.budget import lines as per_line
from praktijkenbank.budget import parse
from praktijkenbank.budget.parse import BudgetFileError, read_budget, read_path
from praktijkenbank.budget.sdgtext import sdgs_in
from praktijkenbank.budget.summarise import labels, summarise

FIXTURES = ROOT / "tests" / "fixtures" / "begroting"
TEXT_CASES = yaml.safe_load((FIXTURES / "sdg-tekst.yaml").read_text(encoding="utf-8"))["gevallen"]
SCRIPTS = ["waarden", "xlsx", "sdgtekst", "formaten", "lezen", "samenvatten", "regels"]


def node(code: str, payload) -> object:
    """Run ``code`` in node with the scan's scripts loaded; ``input`` is the payload, print with out()."""
    prelude = (f"const root={json.dumps(str(ROOT))};const path=require('path');"
               "globalThis.Papa=require(path.join(root,'node_modules','papaparse'));"
               "globalThis.fflate=require(path.join(root,'node_modules','fflate'));"
               + "".join(f"require(path.join(root,'docs','assets','begroting','{n}.js'));" for n in SCRIPTS)
               + "const ns=globalThis.PbBegroting;const input=JSON.parse(require('fs').readFileSync(0,'utf8'));"
               "const out=(v)=>process.stdout.write(JSON.stringify(v));")
    done = subprocess.run(["node", "-e", prelude + code], input=json.dumps(payload), capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda c: c["titel"])
def test_sdgs_in_text_python(case):
    assert sdgs_in(parse.spec(), case["titel"], case["tekst"]) == case["sdgs"]


def test_sdgs_in_text_javascript_equals_the_cases():
    got = node("out(input.cases.map(c => ns.sdgtekst.sdgsIn(input.spec, c.titel, c.tekst)));",
               {"spec": parse.browser_spec(), "cases": TEXT_CASES})
    assert got == [c["sdgs"] for c in TEXT_CASES]


def _lines_js(path) -> dict:
    return node("const p=ns.lezen.readBudget(input.spec,new Uint8Array(require('fs').readFileSync(input.path)),"
                "path.basename(input.path),null);out(p);", {"spec": parse.browser_spec(), "path": str(path)})


@pytest.mark.parametrize("name", ["projecten-sdg-tekst.csv", "projecten-zoersel.csv", "beleidsvelden-olen.csv",
                                  "projecten-sdg-tekst-xlsx.xlsx"])
def test_every_line_the_same_in_python_and_javascript(name):
    python = read_path(FIXTURES / name)
    browser = _lines_js(FIXTURES / name)
    for key in ("formaat", "regels", "niet_gelezen", "jaren", "opmerkingen"):
        assert json.dumps(browser[key], sort_keys=True) == json.dumps(python[key], sort_keys=True), key
    for line in python["regels"]:  # the suggestion engine gets a beleidsveld and the three texts for every line
        assert set(line["teksten"]) == {"actie", "actieplan", "doelstelling"} and "beleidsveld" in line


def test_projects_export_keeps_goal_and_plan_and_origin():
    parsed = read_path(FIXTURES / "projecten-sdg-tekst.csv")
    by_row = {line["rij"]: line for line in parsed["regels"]}
    assert by_row[2]["herkomst"] == "doelstelling" and by_row[2]["sdgs"] == [(10, 1)]
    assert by_row[4]["herkomst"] == "actie" and by_row[4]["groep"]["actieplan"] == "AP0201 Digitale dienstverlening"
    assert by_row[5]["sdgs"] == []  # G-03-WZC and AP03 are no SDG
    assert by_row[3]["beleidsveld"] == "0310" and by_row[2]["beleidsveld"] == "0130"


@pytest.mark.parametrize("header", [
    "BESTUUR;beleidsdoelstelling;ACTIEPLAN;Actie  totaal overzicht;2026 , Uitgave;2026,Uitgave per inwoner;Extra",
    "Bestuur;Beleidsdoelst. totaaloverzicht;Actieplan totaaloverzicht;Actie totaaloverzicht;Budget 2026 uitgaven"])
def test_projects_header_variants(header):
    block = '"Code: A1\nKorte omschrijving: Fietspad\nLange omschrijving: Nieuw fietspad"'
    row = f"Gemeente;\"Code: BD1\nKorte omschrijving: Mobiliteit\";\"Code: AP1\";{block};1.000,00;9,99;x"
    parsed = read_budget((header + "\n" + row + "\n").encode(), "x.csv")
    assert parsed["formaat"] == "projecten" and len(parsed["regels"]) == 1
    assert parsed["regels"][0]["bedragen"] == {2026: 100000} and parsed["regels"][0]["omschrijving"] == "Fietspad"


def test_no_sdg_column_is_read_and_all_lines_uncoded():
    parsed = read_budget(b"Code;Omschrijving;2026\nA;Wegen;100\nB;Parken;200\n", "x.csv")
    assert len(parsed["regels"]) == 2 and all(not line["sdgs"] for line in parsed["regels"])


# --------------------------------------------------------------- issue 19 --

def test_description_column_prefers_text_over_codes():
    parsed = read_path(FIXTURES / "actie-en-omschrijving.csv")
    assert [(l["code"], l["omschrijving"]) for l in parsed["regels"]][0] == ("AC001", "Fietspad Dorpsstraat")


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "praktijkenbank.contrib.cli", "begroting", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_unread_lines_are_named_in_cli_and_csv_export(tmp_path):
    out = tmp_path / "uit.csv"
    done = _cli(FIXTURES / "fouten.csv", "--csv", out)
    assert "rij 3: F2 Tekst als bedrag: 'twaalf' is geen bedrag" in done.stdout
    assert "niet_gelezen_regel;rij 3;F2 Tekst als bedrag: 'twaalf' is geen bedrag" in out.read_text(encoding="utf-8-sig")


def test_unclosed_quote_names_the_row_and_reads_on():
    parsed = read_path(FIXTURES / "aanhalingsteken.csv")
    assert [u["rij"] for u in parsed["niet_gelezen"]] == [3]
    assert [l["code"] for l in parsed["regels"]] == ["Q1", "Q3", "Q4"]


def test_huge_quoted_field_is_no_internal_error(tmp_path):
    path = tmp_path / "groot.csv"
    path.write_text('Code;Omschrijving;SDG;Bedrag\nA;"' + "x" * 300000 + '";3;100\n', encoding="utf-8")
    done = _cli(path)
    assert done.returncode == 0 and "interne fout" not in done.stderr, done.stderr


@pytest.mark.parametrize("limit,message", [({"rijen": 3}, "meer dan 3 rijen"), ({"cel": 5}, "meer dan 5 tekens")])
def test_xlsx_row_and_cell_limits_in_python_and_javascript(monkeypatch, limit, message):
    path = FIXTURES / "samengevoegd.xlsx"
    limits = dict(parse.spec()["limieten"], **limit)
    monkeypatch.setitem(parse.spec(), "limieten", limits)
    with pytest.raises(BudgetFileError, match=message):
        read_path(path)
    spec = dict(parse.browser_spec(), limieten=limits)
    got = node("try{ns.lezen.readBudget(input.spec,new Uint8Array(require('fs').readFileSync(input.path)),'x.xlsx',null);"
               "out('gelezen')}catch(e){out(e.message)}", {"spec": spec, "path": str(path)})
    assert message in got


def test_three_decimals_are_ambiguous():
    parsed = read_path(FIXTURES / "dubbelzinnig.csv")
    assert "dubbelzinnig" in parsed["niet_gelezen"][0]["reden"]


def test_control_characters_are_not_echoed(tmp_path):
    path = tmp_path / "stuur.csv"
    path.write_bytes(b"Code;Omschrijving;SDG;Bedrag\nA;Wegen\x1b[31m;3;tekst\x07\n")
    done = _cli(path)
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout and "Wegen?[31m" in done.stdout


def test_sdg_lines_are_aligned_in_the_cli():
    done = _cli(ROOT / "tools" / "praktijkenbank" / "data" / "begroting-voorbeeld.csv")
    columns = {len(line) for line in done.stdout.splitlines() if re.match(r"SDG +\d+ ", line)}
    assert len(columns) == 1, columns


# -------------------------------------------------------- export and suggestions --

def test_template_export_reads_back_to_the_same_totals_all_coded(tmp_path):
    names = labels(load_vocab())
    parsed = read_path(FIXTURES / "projecten-zoersel.csv")
    accepted = {line["rij"]: [11] for line in parsed["regels"]}
    coded = per_line.apply_accepted(parsed, accepted)
    before = summarise(coded, names)
    assert before["regels_aanvaard"] == before["regels"] and before["gecodeerd"] == before["totaal"]
    path = tmp_path / "gecodeerd.csv"
    path.write_text(per_line.template_csv(parse.spec(), coded), encoding="utf-8-sig")
    again = summarise(read_path(path), names)
    assert (again["totaal"], again["gecodeerd"], again["regels"]) == (before["totaal"], before["totaal"], before["regels"])
    browser = node("out(ns.regels.templateCsv(input.spec,input.parsed));",
                   {"spec": parse.browser_spec(), "parsed": json.loads(json.dumps(coded))})
    assert browser == per_line.template_csv(parse.spec(), coded)


def test_cli_json_has_per_line_origin_and_suggestions(tmp_path):
    out = tmp_path / "uit.json"
    done = _cli(FIXTURES / "projecten-sdg-tekst.csv", "--suggesties", "--json", out)
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    first = data["per_regel"][0]
    assert first["rij"] == 2 and first["tekst"] == "Sociaal huis verbouwen" and first["bedrag"] == 15000000
    assert first["herkomst_tekst"] == "uit de tekst van de beleidsdoelstelling"
    assert all("suggesties" in line for line in data["per_regel"])


@pytest.mark.parametrize("content,name,message", [
    (b"%PDF-1.7 ...", "meerjarenplan.pdf", "pdf-bestand"),
    (b"", "leeg.xlsx", None)])
def test_wrong_kind_of_file_says_what_it_is(tmp_path, content, name, message):
    import zipfile
    path = tmp_path / name
    if message is None:  # a Word document renamed to .xlsx
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("word/document.xml", "<w:document/>")
        message = "geen Excel-werkblad"
    else:
        path.write_bytes(content)
    done = _cli(path)
    assert done.returncode == 1 and message in done.stderr, done.stderr
    got = node("try{ns.lezen.readBudget(input.spec,new Uint8Array(require('fs').readFileSync(input.path)),input.name,null);"
               "out('gelezen')}catch(e){out(e.message)}", {"spec": parse.browser_spec(), "path": str(path), "name": name})
    assert message in got


def test_per_beleidsveld_table_with_several_governments_says_so():
    text = ("NIS_code;Boekjaar;Beleidsveld;Totaal\n11001;2026;0200 Wegen;100\n11002;2026;0200 Wegen;50\n")
    parsed = read_budget(text.encode(), "x.csv")
    assert parsed["regels"][0]["bedragen"] == {2026: 15000} and "2 besturen" in parsed["opmerkingen"][1]
    path = ROOT / "test-artifacts" / "twee-besturen.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    assert _lines_js(path)["opmerkingen"] == parsed["opmerkingen"]


def test_wide_table_per_beleidsveld_names_each_line():
    text = "Beleidsveld;2026;2027\n0200 Wegen;100;200\n0310 Beheer van regen- en afvalwater;50;0\n"
    parsed = read_budget(text.encode(), "x.csv")
    assert [(l["beleidsveld"], l["omschrijving"]) for l in parsed["regels"]] == [
        ("0200", "Wegen"), ("0310", "Beheer van regen- en afvalwater")]
    path = ROOT / "test-artifacts" / "breed-per-beleidsveld.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    assert json.dumps(_lines_js(path)["regels"], sort_keys=True) == json.dumps(parsed["regels"], sort_keys=True)


def test_projects_export_with_years_in_a_merged_row_above(tmp_path):
    text = (';;;;2026;;2027;\n'
            'Bestuur;Beleidsdoelstelling;Actieplan;Actie;Uitgave;Uitgave per inwoner;Uitgave;Uitgave per inwoner\n'
            'Gemeente;"Code: BD1";"Code: AP1";"Code: A1\nKorte omschrijving: Fietspad";1.000,00;0,10;2.000,00;0,20\n')
    parsed = read_budget(text.encode(), "x.csv")
    assert parsed["jaren"] == [2026, 2027] and parsed["regels"][0]["bedragen"] == {2026: 100000, 2027: 200000}
    path = tmp_path / "samengevoegd.csv"
    path.write_text(text, encoding="utf-8")
    assert json.dumps(_lines_js(path)["regels"], sort_keys=True) == json.dumps(parsed["regels"], sort_keys=True)
