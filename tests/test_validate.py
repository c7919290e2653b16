"""Validation: every real record passes; every invalid fixture fails exactly as expected.

Fixtures follow publiccode-parser-go: one file per kind of error in
tests/fixtures/invalid/, named <field>-<problem>.md, with the expected
(line, column, field, severity, message) in expected.yaml.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from praktijkenbank import load_vocab, validate_paths
from praktijkenbank.contrib.cli import main as cli_main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
INVALID = FIXTURES / "invalid"
TODAY = dt.date(2026, 11, 23)
EXPECTED = yaml.safe_load((INVALID / "expected.yaml").read_text(encoding="utf-8"))
# Fixtures of other kinds sit in a folder named after the kind's folder (instruments/, procurement/).
INVALID_FILES = sorted(p.relative_to(INVALID).as_posix() for p in INVALID.rglob("*.md"))
RECORD_FOLDERS = [ROOT / kind.folder for kind in load_vocab().kinds.values() if (ROOT / kind.folder).is_dir()]
RECORDS = sorted(p for folder in RECORD_FOLDERS for p in folder.glob("*.md"))
PRACTICES = sorted((ROOT / "practices").glob("*.md"))


def _lines(problems):
    return [f"{p.line}:{p.col}: {p.field}: {p.severity}: {p.message}" for p in problems]


# ------------------------------------------------------------- real records

def test_there_are_practices():
    assert len(PRACTICES) >= 12


@pytest.fixture(scope="module")
def bank():
    """The whole bank (every kind of record) validated once (strict: warnings count)."""
    return validate_paths(RECORD_FOLDERS, strict=True)


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_record_is_valid(bank, path):
    records, problems = bank
    own = [p.format() for p in problems if Path(p.path).resolve() == path.resolve()]
    assert own == []
    assert any(Path(p.path).resolve() == path.resolve() for p in records), "record was loaded"


def test_no_problem_anywhere_in_the_bank(bank):
    records, problems = bank
    assert [p.format() for p in problems] == []
    assert len(records) == len(RECORDS)


# ---------------------------------------------------------- invalid fixtures

def test_every_fixture_has_an_expectation():
    assert sorted(EXPECTED) == INVALID_FILES


@pytest.mark.parametrize("name", INVALID_FILES)
def test_invalid_fixture(name):
    _, problems = validate_paths([INVALID / name], today=TODAY, siblings=False)
    assert _lines(problems) == EXPECTED[name]
    assert all(p.hint for p in problems), "every problem carries a hint"


@pytest.mark.parametrize("name, hint", [
    ("besturen-municipality-typo.md", "Bedoel je 'Heuvelland'?"),
    ("vijf-p-typo.md", "Bedoel je 'planeet'?"),
    ("themas-typo.md", "Bedoel je 'duurzaam-aankoopbeleid'?"),
    ("field-unknown.md", "Bedoel je 'samenvatting'?"),
    ("besturen-province-unknown.md", "Bedoel je 'Provincie Vlaams-Brabant'?"),
    ("niveau-unknown.md", "Toegelaten: starter, gevorderd."),
])
def test_hint_suggests_the_closest_value(name, hint):
    _, problems = validate_paths([INVALID / name], today=TODAY, siblings=False)
    assert any(hint in p.hint for p in problems), [p.hint for p in problems]


@pytest.mark.parametrize("name", ["titel-empty.md", "status-empty.md"])
def test_an_empty_field_gets_no_tip_about_quotation_marks(name):
    _, problems = validate_paths([INVALID / name], today=TODAY, siblings=False)
    assert problems and all("aanhalingstekens" not in p.hint for p in problems), [p.hint for p in problems]


@pytest.mark.parametrize("sentence, warned", [
    ("De bron meldt geen resultaat.", False),
    ("De bronnen zeggen niets over resultaten.", False),
    ("Over het resultaat staat niets in de bron.", False),
    ("Nog niets.", True),
    ("Het werkt goed.", True),
])
def test_a_short_result_that_says_the_source_is_silent_is_not_empty(tmp_path, sentence, warned):
    """CONTRIBUTING asks for one sentence when a source reports no result: that is not '(bijna) leeg'."""
    text = (FIXTURES / "valid" / "geldige-praktijk.md").read_text(encoding="utf-8")
    path = tmp_path / "x.md"
    path.write_text(text.replace("Het resultaat vermeldt alleen wat de bron zegt; hier is dat een zin zonder cijfers of namen.",
                                 sentence), encoding="utf-8")
    _, problems = validate_paths([path], today=TODAY, siblings=False)
    assert any("'Resultaat' is (bijna) leeg" in p.message for p in problems) is warned


def test_valid_fixtures_pass():
    _, problems = validate_paths([FIXTURES / "valid"], strict=True, today=TODAY)
    assert [p.format() for p in problems] == []


def test_bom_and_crlf_are_tolerated():
    practices, problems = validate_paths([FIXTURES / "valid" / "bom-en-crlf.md"], today=TODAY)
    assert problems == []
    assert practices[0].meta["titel"] == "Voorbeeldgemeente met BOM en Windows-regeleinden"
    assert practices[0].meta["besturen"] == [{"naam": "Kruibeke"}]  # a former municipality (2025 merger)


# --------------------------------------------------------------- cross-record

def _copy(tmp_path, name, new_name, replace=None):
    text = (FIXTURES / "valid" / name).read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        text = text.replace(old, new)
    target = tmp_path / new_name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_near_duplicate_is_a_warning(tmp_path):
    _copy(tmp_path, "geldige-praktijk.md", "a-eerste.md")
    _copy(tmp_path, "geldige-praktijk.md", "b-tweede.md", {"koppelt haar": "koppelt zijn"})
    _, problems = validate_paths([tmp_path], today=TODAY)
    assert [(p.path.endswith("b-tweede.md"), p.field, p.severity) for p in problems] == [(True, "titel", "waarschuwing")]
    _, strict = validate_paths([tmp_path], strict=True, today=TODAY)
    assert [p.severity for p in strict] == ["fout"]


def test_same_slug_in_two_folders_is_an_error(tmp_path):
    _copy(tmp_path, "geldige-praktijk.md", "een/dubbel.md")
    _copy(tmp_path, "geldige-praktijk.md", "twee/dubbel.md", {"koppelt haar meerjarenplan": "schrijft een ander verhaal"})
    _, problems = validate_paths([tmp_path], today=TODAY)
    assert any("slug 'dubbel' is al in gebruik" in p.message for p in problems)


def test_related_practice_must_exist(tmp_path):
    _copy(tmp_path, "geldige-praktijk.md", "a.md", {"geverifieerd: 2026-02-01": "geverifieerd: 2026-02-01\nverwant: [b, c]"})
    _copy(tmp_path, "geldige-praktijk.md", "b.md", {"Voorbeeldgemeente koppelt": "Een andere gemeente koppelt", "naam: Heuvelland": "naam: Oosterzele"})
    _, problems = validate_paths([tmp_path], today=TODAY)
    assert _lines(problems) == ["20:14: verwant[1]: fout: de praktijk 'c' bestaat niet."]


def test_one_file_is_checked_against_its_sibling_records(tmp_path):
    """Validating a single file (pre-commit, a contributor's new record) sees the rest of the bank."""
    _copy(tmp_path, "geldige-praktijk.md", "bestaand.md")
    _copy(tmp_path, "geldige-praktijk.md", "nieuw.md", {
        "koppelt haar": "koppelt zijn", "geverifieerd: 2026-02-01": "geverifieerd: 2026-02-01\nverwant: [bestaand]"})
    _, problems = validate_paths([tmp_path / "nieuw.md"], today=TODAY)
    assert [(Path(p.path).name, p.field, p.severity) for p in problems] == [("nieuw.md", "titel", "waarschuwing")]
    assert "bestaand.md" in problems[0].message  # the near-duplicate sibling is named


def test_non_practice_file_in_folder_is_reported(tmp_path):
    _copy(tmp_path, "geldige-praktijk.md", "goed.md")
    (tmp_path / "notities.txt").write_text("x")
    _, problems = validate_paths([tmp_path], today=TODAY)
    assert [(Path(p.path).name, p.field) for p in problems] == [("notities.txt", "bestand")]


def test_missing_path_is_reported(tmp_path):
    _, problems = validate_paths([tmp_path / "bestaat-niet"], today=TODAY)
    assert [p.field for p in problems] == ["bestand"]


def test_derived_five_ps_follow_the_vocabulary():
    vocab = load_vocab()
    assert vocab.ps_for_sdgs([11, 12, 17]) == ["planeet", "welvaart", "partnerschap"]
    assert vocab.ps_for_sdgs([16]) == ["vrede"]


# ------------------------------------------------------------------ the CLI

def test_cli_exit_codes(tmp_path, capsys):
    assert cli_main(["validate", str(FIXTURES / "valid")]) == 0
    shutil.copy(INVALID / "sdgs-out-of-range.md", tmp_path)
    assert cli_main(["validate", str(tmp_path / "sdgs-out-of-range.md")]) == 1
    out = capsys.readouterr()
    assert "sdgs-out-of-range.md:10:16: sdgs[2]: fout: SDG 18 bestaat niet." in out.out
    assert "tip: Er zijn 17 SDG's" in out.out
    assert "1 fout en 0 waarschuwingen" in out.err


def test_cli_strict_fails_on_warnings(tmp_path, capsys):
    shutil.copy(INVALID / "vijf-p-inconsistent.md", tmp_path)
    name = str(tmp_path / "vijf-p-inconsistent.md")
    assert cli_main(["validate", name]) == 0
    assert cli_main(["validate", "--strict", name]) == 1


def test_cli_usage_error_is_dutch(capsys):
    with pytest.raises(SystemExit) as exc:
        cli_main(["validate", "--onbekend"])
    assert exc.value.code == 2
    assert "fout in de opdracht" in capsys.readouterr().err


def test_cli_never_prints_a_traceback_on_junk(tmp_path):
    """Random and hostile inputs: exit 1 with messages, never a traceback."""
    rng = random.Random(20261123)
    valid = (FIXTURES / "valid" / "geldige-praktijk.md").read_bytes()
    samples = {
        "leeg.md": b"",
        "lijst.md": b"---\n- a\n- b\n---\n",
        "sleutel.md": b"---\n? [a, b]\n: 1\n---\n",
        "alias.md": b"---\na: &a [x, x]\nb: [*a, *a]\nc: [*a, *a]\n---\n",
        "tag.md": b"---\ntitel: !!python/object/apply:os.system [ls]\n---\n",
        "getal.md": b"---\n1: 2\n---\n",
        "kop.md": b"---\ntitel: x\n",
        "nul.md": b"---\ntitel: x\x00\n---\n",
        # libyaml composes recursively in C: 40,000 levels crashed the process without a word
        "diep-haakjes.md": b"---\nsdgs: " + b"[" * 40000 + b"]" * 40000 + b"\n---\n",
        "diep-streepjes.md": b"---\nsdgs:\n" + b"- " * 45000 + b"1\n---\n",
        "diep-accolades.md": b"---\nsdgs: " + b"{a: " * 300 + b"1" + b"}" * 300 + b"\n---\n",
    }
    for i in range(40):
        data = bytearray(valid)
        for _ in range(rng.randint(1, 25)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        samples[f"mutant-{i:02d}.md"] = bytes(data)
    for i in range(10):
        samples[f"ruis-{i}.md"] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 2000)))
    for name, data in samples.items():
        (tmp_path / name).write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "praktijkenbank.contrib.cli", "validate", str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "interne fout" not in result.stderr
    for name in samples:
        assert name in result.stdout


def test_schema_enums_match_vocabularies():
    from praktijkenbank.records import schema_sync

    assert schema_sync.differences(load_vocab().schema) == []


def test_vocabulary_sizes():
    vocab = load_vocab()
    assert sorted(vocab.sdgs) == list(range(1, 18))
    assert len(vocab.targets) == 169
    assert all(int(t.split(".")[0]) in vocab.sdgs for t in vocab.targets)
    assert len(vocab.municipalities) == 285
    assert set(vocab.provinces) == {m["provincie"] for m in vocab.municipalities.values()}
    for former in vocab.former_municipalities.values():
        assert former["opgegaan_in"] in vocab.municipalities
    covered = sorted(n for p in vocab.ps.values() for n in p["sdgs"])
    assert covered == list(range(1, 18)), "each SDG belongs to exactly one P"
    for sdg in vocab.sdgs.values():
        assert sdg["kleur"].startswith("#") and len(sdg["kleur"]) == 7


@pytest.mark.parametrize("name", [n for n in INVALID_FILES if n.endswith(".md")])
def test_reported_line_points_at_the_field(name):
    """Off-by-one guard: a problem on field 'x' (or 'x[0]', 'x.y') sits on a line that mentions x or its value."""
    _, problems = validate_paths([INVALID / name], today=TODAY, siblings=False)
    try:
        lines = (INVALID / name).read_text(encoding="utf-8-sig").splitlines()
    except UnicodeDecodeError:
        return
    for problem in problems:
        if problem.field in ("bestand", "bestandsnaam", "front matter", "tekst") or problem.line > len(lines):
            continue
        names = [part for part in re.split(r"[.\[\]]", problem.field) if part and not part.isdigit()]
        text = lines[problem.line - 1]
        mentions_value = text.lstrip().startswith("-") or "[" in text
        assert names[-1] in text or mentions_value, (problem.format(), text)
