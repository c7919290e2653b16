"""`praktijkenbank validate --fix`: before/after fixtures, Dutch messages, idempotence."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from praktijkenbank import validate_paths
from praktijkenbank.contrib.cli import main as cli_main
from praktijkenbank.contrib.fix import fix_paths, fix_text, normalise_text

FIXTURES = Path(__file__).parent / "fixtures" / "fix"
EXPECTED = yaml.safe_load((FIXTURES / "expected.yaml").read_text(encoding="utf-8"))
CASES = sorted(p.name.removesuffix(".before.md") for p in FIXTURES.glob("*.before.md"))
TODAY = dt.date(2026, 11, 23)


def _copy(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "practices"
    folder.mkdir(exist_ok=True)
    target = folder / f"{name}.md"
    shutil.copyfile(FIXTURES / f"{name}.before.md", target)
    return target


def test_every_fixture_has_an_after_file_and_expected_messages():
    assert CASES
    for name in CASES:
        assert (FIXTURES / f"{name}.after.md").is_file(), name
        assert name in EXPECTED, f"{name} missing in expected.yaml"
    assert sorted(EXPECTED) == CASES


@pytest.mark.parametrize("name", CASES)
def test_fixture(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    target = _copy(tmp_path, name)
    messages = list(fix_paths(["practices"]))
    assert messages == [f"practices/{name}.md: {m}" for m in EXPECTED[name]]
    after = (FIXTURES / f"{name}.after.md").read_bytes()
    assert target.read_bytes() == after
    assert list(fix_paths(["practices"])) == [], "running --fix twice changes nothing"
    assert target.read_bytes() == after


@pytest.mark.parametrize("name", [n for n in CASES if n != "onaangeroerd"])
def test_fixed_file_validates(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    _copy(tmp_path, name)
    list(fix_paths(["practices"]))
    _, problems = validate_paths(["practices"], strict=True, today=TODAY)
    assert [p.format() for p in problems] == []


def test_crlf_and_bom(tmp_path, monkeypatch):
    """Line endings are built here: a fixture with CRLF could be normalised by git."""
    monkeypatch.chdir(tmp_path)
    after = (FIXTURES / "datums.after.md").read_text(encoding="utf-8")
    before = (FIXTURES / "datums.before.md").read_text(encoding="utf-8")
    target = tmp_path / "practices" / "datums.md"
    target.parent.mkdir()
    target.write_bytes(("\ufeff" + before.replace("\n", "\r\n")).encode("utf-8"))
    messages = list(fix_paths(["practices"]))
    assert messages == [
        "practices/datums.md: onzichtbaar BOM-teken aan het begin verwijderd",
        "practices/datums.md: regeleinden omgezet naar LF (in plaats van Windows-CRLF)",
        "practices/datums.md: toegevoegd: datum '1/3/2026' omgezet naar 2026-03-01",
        "practices/datums.md: geverifieerd: datum '2026-3-1' omgezet naar 2026-03-01",
    ]
    assert target.read_bytes() == after.encode("utf-8")


def test_comments_and_quotes_survive():
    text = (FIXTURES / "lijsten.before.md").read_text(encoding="utf-8")
    fixed, _ = fix_text(text)
    assert "# werk, consumptie, gezondheid" in fixed
    assert "# 8.10 gaat over financiële diensten\n  - \"8.10\"" in fixed
    assert "  - '8.2'  # productiviteit" in fixed


@pytest.mark.parametrize("raw, iso", [
    ("2026-3-1", "2026-03-01"), ("2026/3/1", "2026-03-01"), ("1/3/2026", "2026-03-01"),
    ("01-03-2026", "2026-03-01"), ("1.3.2026", "2026-03-01"), ("29/2/2024", "2024-02-29"),
])
def test_date_forms(raw, iso):
    text = f"---\ntoegevoegd: {raw}\n---\n"
    fixed, messages = fix_text(text)
    assert fixed == f"---\ntoegevoegd: {iso}\n---\n"
    assert messages == [f"toegevoegd: datum '{raw}' omgezet naar {iso}"]


@pytest.mark.parametrize("raw", ["29/2/2026", "2026-13-01", "3/1", "gisteren", "2026-03-01"])
def test_dates_left_alone(raw):
    text = f"---\ngeverifieerd: {raw}\n---\n"
    assert fix_text(text) == (text, [])


def test_broken_yaml_still_gets_whitespace_fixes():
    text = "---\ntitel: [onaf  \n---\ntekst"
    fixed, messages = fix_text(text)
    assert fixed == "---\ntitel: [onaf\n---\ntekst\n"
    assert len(messages) == 2


def test_normalise_text_leaves_clean_text_alone():
    assert normalise_text("---\na: 1\n---\n\ntekst\n") == ("---\na: 1\n---\n\ntekst\n", [])


def test_cli_fix_then_validate(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _copy(tmp_path, "lijsten")
    code = cli_main(["validate", "--fix", "practices"])
    out = capsys.readouterr().out
    assert "practices/lijsten.md: sdgs gesorteerd en ontdubbeld" in out
    assert code == 0


# ------------------------------------------------------- values (fix_values.py) ---

def test_instrument_fields_get_their_ids():
    text = "---\nvorm: Gidsen en handleidingen\nniveaus: [Starter, GEVORDERD]\n---\n"
    fixed, messages = fix_text(text)
    assert fixed == "---\nvorm: gids\nniveaus: [starter, gevorderd]\n---\n"
    assert messages == ["vorm: 'Gidsen en handleidingen' vervangen door 'gids'",
                        "niveaus[0]: 'Starter' vervangen door 'starter'",
                        "niveaus[1]: 'GEVORDERD' vervangen door 'gevorderd'"]
    assert fix_text("---\nvorm: Gids\n---\n")[0] == "---\nvorm: gids\n---\n"  # the singular name too


@pytest.mark.parametrize("line", [
    "bronnen: [{url: 'http://www.voorbeeld.be'}]",  # http stays: the page may not exist on https
    "bronnen: [{url: voorbeeld.be}]",  # no 'www.': not unambiguous
    "bronnen: [{url: 'www.voorbeeld.be/een pagina'}]",  # a space: not an address
    "sdgs: [SDG 18, 'SDG 7 en 8', zeven]",
    "themas: [Fair trade, eerlijk]",
    "niveau: expert",
    "titel: Starter",  # only the controlled fields
])
def test_ambiguous_values_are_left_for_the_validator(line):
    text = f"---\n{line}\n---\n"
    assert fix_text(text) == (text, [])


def test_value_fixes_keep_comments_and_other_quotes():
    text = "---\n# thema's\nthemas: ['Eerlijke handel', beleidsplanning]  # twee\nsdgs: [\"7\"]\n---\n"
    fixed, _ = fix_text(text)
    assert fixed == "---\n# thema's\nthemas: [eerlijke-handel, beleidsplanning]  # twee\nsdgs: [7]\n---\n"
