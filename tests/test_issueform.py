"""The issue form 'Nieuwe praktijk voorstellen' and `praktijkenbank uit-issue`."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
import yaml

from praktijkenbank import load_vocab, validate_paths
from praktijkenbank.contrib.cli import main as cli_main
from praktijkenbank.contrib.issueform import (
    FORM_FIELDS,
    NOT_IN_FORM,
    expected_options,
    expected_sections,
    load_form,
    parse_dropdown,
    parse_issue,
    record_from_issue,
    split_sections,
)
from praktijkenbank.records.validate import PLACEHOLDER, check_placeholders

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "nieuwe-praktijk.yml"
FIXTURES = Path(__file__).parent / "fixtures" / "issueform"
BODY = (FIXTURES / "issue-body.md").read_text(encoding="utf-8")
GOLDEN = FIXTURES / "expected-record.md"
GOLDEN_SLUG = "lier-koppelt-stedenband-nicaragua-lessen-wereldburgerschap"
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def form():
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def _items(form):
    return {item["id"]: item for item in form["body"] if "id" in item}


# ------------------------------------------------- form equals vocabulary ---

def test_dropdown_options_equal_the_vocabularies(form):
    items = _items(form)
    for field_id, options in expected_options().items():
        assert items[field_id]["type"] == "dropdown"
        assert items[field_id]["attributes"]["options"] == options, field_id
    assert items["sdgs"]["attributes"]["multiple"] is True
    assert items["themas"]["attributes"]["multiple"] is True
    assert items["fasen"]["attributes"]["multiple"] is True
    assert not items["niveau"]["attributes"].get("multiple", False)


def test_text_sections_equal_the_fiche_outline(form):
    textareas = [(i["attributes"]["label"], i["attributes"].get("description"))
                 for i in form["body"] if i["type"] == "textarea"]
    sections = expected_sections()
    assert [t for t in textareas if t[0] in {s[0] for s in sections}] == sections


def test_every_record_field_is_asked_or_set_by_the_tool(form):
    ids = set(_items(form))
    sections = {i["id"] for i in form["body"] if i.get("attributes", {}).get("label") in {s[0] for s in expected_sections()}}
    assert set(FORM_FIELDS) == ids - sections - {"bevestiging"}
    schema = load_vocab().schema
    assert set(FORM_FIELDS.values()) | NOT_IN_FORM == set(schema["properties"])


def test_required_record_fields_are_required_in_the_form(form):
    items = _items(form)
    required = set(load_vocab().schema["required"]) - NOT_IN_FORM
    for field_id, record_field in FORM_FIELDS.items():
        if record_field in required and record_field not in ("besturen", "bronnen"):
            assert items[field_id].get("validations", {}).get("required") is True, field_id
    assert "https://" in items["bron_url"]["attributes"]["description"]


def test_labels_are_unique(form):
    labels = [i["attributes"]["label"] for i in form["body"] if i["type"] != "markdown"]
    assert len(labels) == len(set(labels))


def test_no_option_label_breaks_the_parser():
    for field_id, options in expected_options().items():
        for option in options:
            assert parse_dropdown(option, options) == ([option], []), (field_id, option)


# ------------------------------------------------------------ golden file ---

def test_issue_body_gives_the_golden_record(tmp_path):
    path, text, notes = record_from_issue(BODY, tmp_path / "practices", form=FORM, today=TODAY)
    assert path.name == f"{GOLDEN_SLUG}.md"
    assert text == GOLDEN.read_text(encoding="utf-8")
    assert notes == []


def test_golden_record_validates(tmp_path):
    target = tmp_path / "practices" / f"{GOLDEN_SLUG}.md"
    target.parent.mkdir()
    target.write_text(GOLDEN.read_text(encoding="utf-8"), encoding="utf-8")
    _, problems = validate_paths([target.parent], strict=True, today=TODAY)
    assert [p.format() for p in problems] == []


def test_crlf_body_gives_the_same_record(tmp_path):
    _, text, _ = record_from_issue(BODY.replace("\n", "\r\n"), tmp_path, form=FORM, today=TODAY)
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_parsed_values():
    proposal = parse_issue(BODY, fields=load_form(FORM), today=TODAY)
    meta = proposal.meta
    assert meta["besturen"] == [{"naam": "Lier"}]  # 'lier' normalised to the official name
    assert meta["sdgs"] == [4, 16, 17]  # 'SDG 16: Vrede, justitie en ...' contains commas
    assert meta["themas"] == ["stedenband", "wereldburgerschap"]
    assert meta["periode"] == {"van": 2023, "tot": 2025}
    assert "### Stappen" in proposal.sections["Aanpak"]  # '## Stappen' demoted below the fixed headings


# --------------------------------------------------------- messy issues ---

MESSY = """### Titel van de praktijk

Gentt: "SDG's" # in de begroting\r
---

### Samenvatting

_No response_

### Gemeenten of provincies

Gentt
Provincie Limburg

### Andere organisaties

VVSG

### SDG's

SDG 11: Duurzame steden en gemeenschappen, SDG 99: Bestaat niet

### Thema's

None

### Context

Tekst met een kop:

### Niet uit het formulier

en nog tekst.

### Aanpak

_No response_
"""


def test_messy_issue_keeps_what_it_can_and_explains_the_rest(tmp_path):
    path, text, notes = record_from_issue(MESSY, tmp_path, form=FORM, today=TODAY)
    joined = " ".join(notes)
    assert "Bedoel je 'Gent'?" in joined
    assert "SDG 99" in joined
    assert "Niet gevonden in het issue" in joined
    front = text.split("\n---\n", 1)[0][4:]
    meta = yaml.safe_load(front)
    assert meta["titel"] == 'Gentt: "SDG\'s" # in de begroting ---'
    assert meta["besturen"] == [{"naam": "Gentt"}, {"naam": "Provincie Limburg", "soort": "provincie"},
                                {"naam": "VVSG", "soort": "organisatie"}]
    assert meta["sdgs"] == [11]
    assert meta["themas"] == []  # left empty, marked TE VERVANGEN
    assert "### Niet uit het formulier\n\nen nog tekst." in text
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    practices, problems = validate_paths([path], today=TODAY)
    fields = {p.field.split("[")[0].split(".")[0] for p in problems}
    assert "besturen" in fields and "themas" in fields and "samenvatting" in fields
    assert any(PLACEHOLDER in p.message for p in check_placeholders(practices[0]))


def test_split_sections_ignores_unknown_headings():
    fields = load_form(FORM)
    answers = split_sections("### Onbekend\n\nx\n\n### Titel van de praktijk\n\nEen titel\n", fields)
    assert answers == {"titel": "Een titel"}


def test_checkbox_confirmation_missing_is_noted():
    body = BODY.replace("- [X] Ik vermeld", "- [ ] Ik vermeld")
    notes = parse_issue(body, fields=load_form(FORM), today=TODAY).notes
    assert any("bevestigingen" in n for n in notes)


# -------------------------------------------------------------------- CLI ---

def test_cli_reads_stdin_and_never_overwrites(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "stdin", io.StringIO(BODY))
    args = ["uit-issue", "-", "--formulier", str(FORM), "--datum", TODAY.isoformat(), "--notities", "notities.md"]
    assert cli_main(args) == 0
    out = capsys.readouterr().out.strip()
    assert out == f"practices/{GOLDEN_SLUG}.md"
    assert (tmp_path / out).read_text(encoding="utf-8") == GOLDEN.read_text(encoding="utf-8")
    assert "Geen opmerkingen" in (tmp_path / "notities.md").read_text(encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", io.StringIO(BODY))
    assert cli_main([*args, "--slug", GOLDEN_SLUG]) == 1
    assert "bestaat al" in capsys.readouterr().err


# ------------------------------------------------- hostile or careless bodies ---

def test_two_answers_to_a_one_value_field_are_noted():
    body = BODY.replace("### Niveau\n\nStarter", "### Niveau\n\nStarter, Gevorderd")
    proposal = parse_issue(body, fields=load_form(FORM), today=TODAY)
    assert proposal.meta["niveau"] == "starter"
    assert any("Niveau: meer dan één antwoord ('Starter', 'Gevorderd')" in n and "alleen 'Starter'" in n
               for n in proposal.notes), proposal.notes


def test_a_form_heading_typed_in_an_answer_does_not_shift_the_sections():
    typed = "### Context\n\nLier heeft sinds 1987"
    body = BODY.replace("### Samenvatting\n\nLier liet", "### Samenvatting\n\nZie ook:\n\n### Resultaat\n\nLier liet")
    assert body != BODY and typed in body
    proposal = parse_issue(body, fields=load_form(FORM), today=TODAY)
    golden = parse_issue(BODY, fields=load_form(FORM), today=TODAY)
    assert proposal.sections == golden.sections  # 'Resultaat' is still the real answer
    assert proposal.meta["status"] == golden.meta["status"]
    assert any("'### Resultaat'" in n for n in proposal.notes), proposal.notes


def test_control_characters_never_reach_the_record(tmp_path):
    body = BODY.replace("Lier koppelt zijn", "Lier\x00 koppelt\x1b[31m zijn\u202e")
    path, text, notes = record_from_issue(body, tmp_path, form=FORM, today=TODAY)
    assert "\x00" not in text and "\x1b" not in text and "\u202e" not in text
    assert "titel: Lier koppelt[31m zijn stedenband" in text
    assert any("onzichtbare stuurtekens (U+0000, U+001B, U+202E)" in n for n in notes), notes


def test_the_pull_request_body_escapes_the_issue_and_stays_below_the_limit(tmp_path, monkeypatch, capsys):
    from praktijkenbank.contrib import pr_body

    long_answer = "Een heel lang antwoord. " * 5_000  # 120,000 characters in one answer
    body = BODY.replace("### Niveau\n\nStarter", "### Niveau\n\nStarter, @everyone ![x](https://x.be/p.png) <b>hi</b>")
    body = body.replace("De dienst internationale samenwerking werkte samen met drie basisscholen.", long_answer)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "issue.md").write_text(body, encoding="utf-8")
    work = tmp_path / "werk"
    work.mkdir()
    assert cli_main(["uit-issue", "issue.md", "--formulier", str(FORM), "--datum", TODAY.isoformat(),
                     "--notities", str(work / "notities.md")]) == 0
    path = capsys.readouterr().out.strip()
    (work / "pad.txt").write_text(path + "\n", encoding="utf-8")
    (work / "status.txt").write_text("1\n", encoding="utf-8")
    (work / "validatie.txt").write_text("~~~~\n# Kop\n" + "x.md:1:1: tekst: fout: ~~~~~ te lang\n" * 5_000, encoding="utf-8")
    assert pr_body.main([str(work), "12"]) == 0
    pr = (work / "pr.md").read_text(encoding="utf-8")
    assert len(pr) < 65_536
    assert "Closes #12" in pr and "(ingekort" in pr
    import re

    assert not re.search(r"(?<!\\)@everyone", pr) and "\\@everyone" in pr
    assert not re.search(r"(?<!\\)!(?<!\\)\[x", pr) and "<b>" not in pr
    fence = next(line for line in pr.splitlines() if line.startswith("~~~~") and line.endswith("text"))
    assert len(fence) - len("text") > 5  # longer than any run of '~' inside
    comment = (work / "opmerkingen.md").read_text(encoding="utf-8")
    assert "Niveau: onbekende keuze" in comment and "\\@everyone" in comment


def test_escape_leaves_no_markdown():
    from praktijkenbank.contrib.pr_body import escape

    assert escape("### Kop\n[link](javascript:x) @naam <img> `code` *vet*") == (
        "\\#\\#\\# Kop \\[link\\]\\(javascript:x\\) \\@naam \\<img\\> \\`code\\` \\*vet\\*")
