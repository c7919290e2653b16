"""The .docx of the SDG report builder, opened again with python-docx: the headings and the figures
in the tables are the blocks of the report. The same check runs on the browser's .docx
(tests/test_rapport_browser.py); here on the command line's, plus its Markdown."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from test_rapport import FIXTURES, INPUTS, load_bank, python_run

ROOT = FIXTURES.parents[2]


def docx_content(path) -> dict:
    """Headings (level, text) and tables (rows of cell texts) of a .docx, in document order."""
    import docx

    document = docx.Document(str(path))
    headings = []
    for paragraph in document.paragraphs:
        name = (paragraph.style.name or "").lower()
        match = re.match(r"heading (\d)", name)
        if match:
            headings.append([int(match.group(1)), paragraph.text])
        elif name == "title":
            headings.append([0, paragraph.text])
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return {"koppen": headings, "tabellen": tables}


def expected_content(shape: str) -> dict:
    blocks = python_run(load_bank(), INPUTS[shape])["blocks"]
    headings = []
    for b in blocks:
        if b["t"] in ("kop1", "kop2", "kop3"):
            headings.append([int(b["t"][-1]), b["tekst"]])
        elif b["t"] == "voorblad":
            headings.append([0, b["titel"]])
    tables = [[b["kop"]] + b["rijen"] for b in blocks if b["t"] == "tabel"]
    return {"koppen": headings, "tabellen": tables}


def run_cli(tmp_path, shape: str, *extra: str) -> subprocess.CompletedProcess:
    content = tmp_path / "bank"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "practices", content / "practices")
    shutil.copytree(FIXTURES / "indicators", content / "indicators")
    inputs = INPUTS[shape]
    args = [sys.executable, "-m", "praktijkenbank.contrib.cli", "rapport", "--map", str(content),
            "--bestuur", inputs["bestuur"], "--vorm", shape, "--datum", inputs["datum"],
            "--waarden", str(FIXTURES / "waarden.csv"), "--begroting", str(FIXTURES / "begrotingsscan-voorbeeldgemeente.csv"),
            "--projectscan", str(FIXTURES / "projectscan-fietsbrug.csv")]
    for slug in inputs["indicatoren"]:
        args += ["--indicator", slug]
    for pid, text in inputs["teksten"].items():
        args += ["--tekst", f"{pid}={text}"]
    return subprocess.run(args + list(extra), capture_output=True, text=True)


@pytest.mark.parametrize("shape", sorted(INPUTS))
def test_cli_docx_reopens_with_the_headings_and_figures(tmp_path, shape):
    out = tmp_path / "rapport.docx"
    done = run_cli(tmp_path, shape, "--docx", str(out), "--markdown", str(tmp_path / "rapport.md"))
    assert done.returncode == 0, done.stderr
    content = docx_content(out)
    assert content == expected_content(shape)
    assert any("3,4 %" in cell for table in content["tabellen"] for row in table for cell in row)
    markdown = (tmp_path / "rapport.md").read_text(encoding="utf-8")
    for level, text in content["koppen"]:
        assert text in markdown


def test_cli_gives_the_figures_of_the_browser_core(tmp_path):
    import json

    out = tmp_path / "rapport.json"
    assert run_cli(tmp_path, "vlr", "--json", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["blokken"] == python_run(load_bank(), INPUTS["vlr"])["blocks"]


def test_cli_names_an_unknown_government_in_dutch(tmp_path):
    done = run_cli(tmp_path, "hoofdstuk", "--bestuur", "Gentbrugge-Noord")
    assert done.returncode == 1
    assert "'Gentbrugge-Noord' is geen Vlaamse gemeente of provincie" in done.stderr
    assert "Traceback" not in done.stderr


def test_cli_continues_a_file_saved_on_the_site(tmp_path):
    """The .json of the page's 'Bewaar' button gives the same report on the command line."""
    import json

    full = python_run(load_bank(), INPUTS["vlr"])
    values, budget = full["values"], full["budget"]["begroting"]
    saved = {"soort": "praktijkenbank-sdg-rapport", "versie": 1, **INPUTS["vlr"], "jaren": [2020, 2024],
             "indicatoren": [r["slug"] for r in full["report"]["indicatoren"]],
             "waarden": values["waarden"], "doelen": values["doelen"], "begroting": budget,
             "projecten": [p for scan in full["projects"] for p in scan["projecten"]]}
    path = tmp_path / "bewaard.json"
    path.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    content = tmp_path / "bank"
    shutil.copytree(ROOT / "tests" / "fixtures" / "site" / "practices", content / "practices")
    shutil.copytree(FIXTURES / "indicators", content / "indicators")
    out = tmp_path / "rapport.json"
    done = subprocess.run([sys.executable, "-m", "praktijkenbank.contrib.cli", "rapport", "--map", str(content),
                           "--invoer", str(path), "--json", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["blokken"] == full["blocks"]
    wrong = tmp_path / "ander.json"
    wrong.write_text('{"soort": "iets anders"}', encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "praktijkenbank.contrib.cli", "rapport", "--map", str(content),
                           "--invoer", str(wrong)], capture_output=True, text=True)
    assert done.returncode == 1 and "geen bewaard rapport van de SDG-rapportbouwer" in done.stderr
