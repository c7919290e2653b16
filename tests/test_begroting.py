"""SDG-begrotingsscan: the Python parser and the browser's JavaScript parser on the same fixtures.

Every messy case is its own file in tests/fixtures/begroting/ with a hand-written
``<name>.verwacht.yaml`` (totals in cents, SDG amounts, unread rows). Both sides
must meet the expectation, and give byte-identical output: the full summary
as JSON and the CSV export. The JavaScript runs in node (tests/js/begroting_node.js);
tests/test_begroting_browser.py runs it in Chromium.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, require_browser_tool
from praktijkenbank import load_vocab
from praktijkenbank.budget import page, parse
from praktijkenbank.budget.parse import BudgetFileError, read_path
from praktijkenbank.budget.summarise import labels, summarise, to_csv
from praktijkenbank.budget.values import CellError, parse_codes, split_cents, text_to_cents

FIXTURES = ROOT / "tests" / "fixtures" / "begroting"
EXAMPLE = ROOT / "tools" / "praktijkenbank" / "data" / "begroting-voorbeeld.csv"
NODE = shutil.which("node")


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.suffix in (".csv", ".tsv", ".xlsx"))


def cases() -> list[tuple[Path, int, dict]]:
    out = []
    for path in fixture_files():
        expected = yaml.safe_load((FIXTURES / f"{path.stem}.verwacht.yaml").read_text(encoding="utf-8"))
        for index, case in enumerate(expected["gevallen"]):
            out.append((path, index, case))
    return out


def case_id(case) -> str:
    return f"{case[0].name}-{case[1]}"


def run_python(path: Path, options: dict) -> dict:
    names = labels(load_vocab())
    try:
        parsed = read_path(path, options.get("kolom"))
        summary = summarise(parsed, names, options.get("jaren"), options.get("soort", "uitgaven"),
                            options.get("type", "alle"))
    except BudgetFileError as exc:
        return {"fout": str(exc)}
    return {"samenvatting": summary, "csv": to_csv(summary, names)}


def check_expected(result: dict, case: dict) -> None:
    if "fout" in case:
        assert "fout" in result and case["fout"] in result["fout"], result
        return
    assert "fout" not in result, result.get("fout")
    summary = result["samenvatting"]
    for key in ("regels", "totaal", "gecodeerd", "niet_gecodeerd"):
        assert summary[key] == case[key], key
    amounts = {row["nummer"]: row["bedrag"] for row in summary["sdgs"]}
    assert amounts == {n: case["sdgs"].get(n, 0) for n in range(1, 18)}
    assert summary["totaal"] == summary["gecodeerd"] + summary["niet_gecodeerd"]
    assert sum(amounts.values()) == summary["gecodeerd"]
    assert sum(p["bedrag"] for p in summary["ps"]) == summary["gecodeerd"]
    unread = [(r["rij"], r["reden"], r["bedrag"]) for r in summary["niet_gelezen"]]
    assert [r[0] for r in unread] == [r[0] for r in case["niet_gelezen"]]
    for (row, reason, amount), (_, wanted, wanted_amount) in zip(unread, case["niet_gelezen"]):
        assert wanted in reason, (row, reason)
        assert amount == wanted_amount, row
    if "niet_gelezen_bedrag" in case:
        assert summary["niet_gelezen_bedrag"] == case["niet_gelezen_bedrag"]


def test_every_fixture_has_an_expectation():
    for path in fixture_files():
        assert (FIXTURES / f"{path.stem}.verwacht.yaml").is_file(), path.name


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_python_parser_meets_the_expectation(case):
    path, _, expected = case
    check_expected(run_python(path, expected["opties"]), expected)


@pytest.fixture(scope="module")
def node_results(tmp_path_factory) -> dict:
    # Without node or npm (CONTRIBUTING's route without make) these skip with the Dutch summary; CI requires them.
    require_browser_tool(NODE is not None, "node", "apt-get install nodejs")
    require_browser_tool((ROOT / "node_modules" / "papaparse").is_dir(), "node_modules (npm ci)", "npm ci in de hoofdmap")
    jobs = [{"path": str(path), "opties": case["opties"]} for path, _, case in cases()]
    jobs.append({"path": str(EXAMPLE), "opties": {}})
    jobs.append({"path": str(EXAMPLE), "opties": {"jaren": [2027, 2028], "soort": "alle", "type": "investering"}})
    folder = tmp_path_factory.mktemp("node")
    for name, content in page.downloads().items():  # the template and example as the site serves them
        (folder / name.split("/")[-1]).write_bytes(content)
        if name.endswith(".xlsx") or "voorbeeld" in name:
            jobs.append({"path": str(folder / name.split("/")[-1]), "opties": {}})
    job_file = folder / "jobs.json"
    job_file.write_text(json.dumps({"spec": _spec_json(), "names": labels(load_vocab()), "jobs": jobs}),
                        encoding="utf-8")
    done = subprocess.run([NODE, str(ROOT / "tests" / "js" / "begroting_node.js"), str(job_file)],
                          capture_output=True, text=True, check=True)
    results = json.loads(done.stdout)
    return {(job["path"], json.dumps(job["opties"], sort_keys=True)): result for job, result in zip(jobs, results)}


def _spec_json() -> dict:
    data = dict(parse.spec())
    return parse.browser_spec()


@pytest.mark.parametrize("case", cases(), ids=case_id)
def test_javascript_parser_meets_the_expectation_and_equals_python(case, node_results):
    path, _, expected = case
    result = node_results[(str(path), json.dumps(expected["opties"], sort_keys=True))]
    check_expected(result, expected)
    python = run_python(path, expected["opties"])
    if "fout" in python:  # the advice differs: the page offers its column mapping, the CLI --kolom
        assert result["fout"].split(". Zet ")[0].split(" (")[0] == python["fout"].split(". Zet ")[0].split(" (")[0]
        return
    assert json.dumps(result, sort_keys=True) == json.dumps(python, sort_keys=True)


@pytest.mark.parametrize("options", [{}, {"jaren": [2027, 2028], "soort": "alle", "type": "investering"}])
def test_example_file_same_in_python_and_javascript(options, node_results):
    result = node_results[(str(EXAMPLE), json.dumps(options, sort_keys=True))]
    assert result == run_python(EXAMPLE, options)
    assert result["samenvatting"]["regels"] > 0 and result["samenvatting"]["gecodeerd"] > 0


def test_downloads_read_the_same_in_python_and_javascript(node_results):
    downloads = {key: value for key, value in node_results.items() if "/node" in key[0]}
    assert len(downloads) == 3  # template .xlsx, example CSV and .xlsx
    example = {}
    for (path, options), result in downloads.items():
        python = run_python(Path(path), {})
        assert result == python, path
        if "voorbeeld" in path:
            example[Path(path).suffix] = python["samenvatting"]
        else:  # the template: its header is found, it has no lines yet
            assert python["samenvatting"]["regels"] == 0
    assert example[".csv"] == example[".xlsx"]  # the .xlsx example is the CSV example


def _cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "praktijkenbank.contrib.cli", "begroting", *map(str, args)],
                          capture_output=True, text=True, cwd=ROOT)


def test_cli_csv_equals_the_browser_export(tmp_path, node_results):
    out = tmp_path / "uit.csv"
    done = _cli(EXAMPLE, "--csv", out)
    assert done.returncode == 0, done.stderr
    browser_csv = node_results[(str(EXAMPLE), "{}")]["csv"]
    assert out.read_bytes() == ("\ufeff" + browser_csv).encode("utf-8")
    assert "Totaal gelezen:" in done.stdout and "SDG 17" in done.stdout


def test_cli_filters_and_column_mapping(tmp_path):
    done = _cli(FIXTURES / "andere-koppen.csv")  # no SDG column: read, all uncoded, and said so
    assert done.returncode == 0 and "Geen kolom met SDG-codes gevonden" in done.stdout, done.stderr
    out = tmp_path / "uit.json"
    done = _cli(FIXTURES / "andere-koppen.csv", "--kolom", "sdg=Duurzaamheidsdoel", "--json", out)
    assert done.returncode == 0, done.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["totaal"] == 3500000
    done = _cli(FIXTURES / "sjabloon.csv", "--jaar", "2027", "--soort", "ontvangsten", "--json", out)
    assert json.loads(out.read_text(encoding="utf-8"))["totaal"] == 6000000
    done = _cli(FIXTURES / "sjabloon.csv", "--jaar", "2040")
    assert done.returncode == 1 and "jaar 2040 staat niet in het bestand" in done.stderr


@pytest.mark.parametrize("content,name", [(b"", "leeg.csv"), (b"\x00\x01garbage", "x.xlsx"),
                                          (b"PK\x03\x04kapot", "kapot.xlsx"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "oud.xls"),
                                          (b"a;b\n1;2\n", "geen-kop.csv")])
def test_cli_unreadable_files_give_a_dutch_message(tmp_path, content, name):
    path = tmp_path / name
    path.write_bytes(content)
    done = _cli(path)
    assert done.returncode == 1, done.stdout
    assert done.stderr.startswith("praktijkenbank begroting: ") and "Traceback" not in done.stderr


@pytest.mark.parametrize("text,cents", [
    ("1.234,56", 123456), ("€ 1 234", 123400), ("-", 0), ("(12,50)", -1250), ("-12,50", -1250),
    ("1234.56", 123456), ("1.234", 123400), ("1,234,567.89", 123456789), ("0,005", 1), ("-0,005", -1),
    ("0,004", 0), ("250-", -25000), ("", None), ("  ", None), ("€", None), ("12 EUR", 1200)])
def test_amounts(text, cents):
    assert text_to_cents(text) == cents


@pytest.mark.parametrize("text", ["twaalf", "1.2.3,4,5", "--5", "12,34,56", "1e5", "99999999999"])
def test_amounts_that_are_not_amounts(text):
    with pytest.raises(CellError):
        text_to_cents(text)


@pytest.mark.parametrize("text,codes", [
    ("3", [(3, 1)]), ("SDG 3", [(3, 1)]), ("SDG03", [(3, 1)]), ("3.4", [(3, 1)]), ("11.a", [(11, 1)]),
    ("3; 11", [(3, 1), (11, 1)]), ("3,11", [(3, 1), (11, 1)]), ("3/11", [(3, 1), (11, 1)]),
    ("3 (60%); 11 (40%)", [(3, 60), (11, 40)]), ("3:60;11:40", [(3, 60), (11, 40)]),
    ("3.4; 3.8", [(3, 1)]), ("3.4:50; 3.8:20; 4:30", [(3, 70), (4, 30)]), ("", []), ("-", []), ("geen", []),
    ("3 11", [(3, 1), (11, 1)]), ("SDG 3 en SDG 11", [(3, 1), (11, 1)])])
def test_sdg_codes(text, codes):
    assert parse_codes(text) == codes


@pytest.mark.parametrize("amount,weights,parts", [
    (10000, [1, 1, 1], [3334, 3333, 3333]), (-10000, [1, 1, 1], [-3334, -3333, -3333]), (1, [1, 1], [1, 0]),
    (10, [33, 33, 34], [3, 3, 4]), (2, [1, 1, 1], [1, 1, 0]), (0, [1, 1], [0, 0]), (999, [60, 40], [599, 400])])
def test_split_is_exact_and_deterministic(amount, weights, parts):
    assert split_cents(amount, weights) == parts
    assert sum(split_cents(amount, weights)) == amount
