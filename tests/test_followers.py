"""'We doen dit ook': the issue form, `praktijkenbank uit-issue` on it, the workflow route and the fiche."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from praktijkenbank import load_vocab, validate_paths
from praktijkenbank.contrib.cli import main as cli_main
from praktijkenbank.contrib.followers import add_follower, is_follower_issue, parse, practice_slug
from praktijkenbank.site import model, render

ROOT = Path(__file__).resolve().parent.parent
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "we-doen-dit-ook.yml"
WORKFLOW = ROOT / ".github" / "workflows" / "praktijk-uit-issue.yml"
TODAY = dt.date(2026, 12, 5)
SLUG = "heuvelland-sdg-begroting"


def body(practice: str = f"https://example.org/praktijkenbank/praktijken/{SLUG}/", government: str = "Zwalm",
         since: str = "2025", url: str = "https://www.zwalm.be/sdgs") -> str:
    return (f"### Praktijk die jullie overnamen\n\n{practice}\n\n### Jullie bestuur\n\n{government}\n\n"
            f"### Sinds (jaar)\n\n{since}\n\n### Webpagina over jullie aanpak\n\n{url}\n\n### Bevestiging\n\n"
            "- [X] Ons bestuur nam deze praktijk (of een deel ervan) echt over; het is geen plan.\n"
            "- [X] Ik vermeld geen persoonsgegevens (alleen het bestuur en een publieke webpagina).\n")


def _bank(tmp_path: Path) -> Path:
    """A copy of the real bank (the four record folders) to change."""
    for folder in ("practices", "instruments", "procurement", "dossiers"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_the_form_asks_what_the_parser_reads():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    ids = [item["id"] for item in form["body"] if "id" in item]
    assert ids == ["praktijk", "bestuur", "sinds", "url", "bevestiging"]
    assert form["labels"] == ["navolger"]  # not the label that starts the workflow: a maintainer adds that


def test_practice_slug_from_an_address_or_a_name():
    assert practice_slug(f"https://x.github.io/praktijkenbank/praktijken/{SLUG}/") == SLUG
    assert practice_slug(f"{SLUG}.md") == SLUG
    assert practice_slug("../../etc/passwd") == "passwd"  # never a path: only a file name in practices/
    assert practice_slug("Twee woorden") is None


def test_parse_gives_a_follower_entry_and_notes():
    assert is_follower_issue(body()) and not is_follower_issue("### Titel van de praktijk\n\nx\n")
    slug, entry, notes = parse(body(since="sinds vorig jaar", url="http://x.be"), load_vocab(), TODAY)
    assert slug == SLUG
    assert entry == {"naam": "Zwalm", "gemeld": "2026-12-05"}
    assert any("geen jaartal" in n for n in notes) and any("https://" in n for n in notes)


def test_add_follower_keeps_the_record_and_appends_to_an_existing_list():
    text = (ROOT / "practices" / f"{SLUG}.md").read_text(encoding="utf-8")
    once = add_follower(text, {"naam": "Zwalm", "gemeld": "2026-12-05"})
    twice = add_follower(once, {"naam": "Provincie Limburg", "soort": "provincie", "sinds": 2024, "gemeld": "2026-12-05"})
    assert twice.split("\n---", 1)[1] == text.split("\n---", 1)[1]  # the body is untouched
    meta = yaml.safe_load(twice.split("---")[1])
    assert [f["naam"] for f in meta["navolgers"]] == ["Zwalm", "Provincie Limburg"]
    assert meta["titel"] == yaml.safe_load(text.split("---")[1])["titel"]


def test_uit_issue_adds_the_follower_and_the_fiche_shows_it(tmp_path, monkeypatch, capsys):
    bank = _bank(tmp_path)
    issue = tmp_path / "issue.md"
    issue.write_text(body(), encoding="utf-8")
    monkeypatch.chdir(bank)
    code = cli_main(["uit-issue", str(issue), "--datum", TODAY.isoformat(), "--notities", str(tmp_path / "n.md")])
    assert code == 0, capsys.readouterr().err
    assert capsys.readouterr().out.strip() == f"practices/{SLUG}.md"
    records, problems = validate_paths([bank / "practices", bank / "instruments", bank / "procurement", bank / "dossiers"],
                                       today=TODAY)
    assert not [p for p in problems if p.is_error], [p.format() for p in problems]
    vocab = load_vocab()
    site = model.build_site(records, vocab, TODAY)
    view = site["per_slug"][SLUG]
    assert [f["naam"] for f in view["navolgers"]] == ["Zwalm"]
    page = render.Renderer(site, vocab, edit_base="https://github.com/o/r/edit/main/").record(view)
    assert "Wie deed het na?" in page
    renderer = render.Renderer(site, vocab, edit_base="https://github.com/o/r/edit/main/")
    html = renderer.fill(f"praktijken/{SLUG}.md", renderer.record(view))
    assert ">Zwalm</a> (sinds 2025)" in html
    assert f"https://github.com/o/r/issues/new?template=we-doen-dit-ook.yml&amp;praktijk={SLUG}" in html


def test_unknown_practice_or_government_is_explained(tmp_path, monkeypatch, capsys):
    bank = _bank(tmp_path)
    monkeypatch.chdir(bank)
    issue = tmp_path / "issue.md"
    issue.write_text(body(practice="bestaat-niet"), encoding="utf-8")
    assert cli_main(["uit-issue", str(issue)]) == 1
    assert "de praktijk 'bestaat-niet' bestaat niet" in capsys.readouterr().err
    issue.write_text(body(government="Zwalmm"), encoding="utf-8")
    assert cli_main(["uit-issue", str(issue), "--datum", TODAY.isoformat()]) == 0
    _, problems = validate_paths([bank / "practices"], today=TODAY)
    assert [(p.field, p.message) for p in problems if p.is_error] == [
        ("navolgers[0].naam", "'Zwalmm' is geen Vlaamse gemeente.")]
    assert "Bedoel je 'Zwalm'?" in [p for p in problems if p.is_error][0].hint


def test_the_follower_route_is_the_safe_issue_workflow(tmp_path):
    """The conversion step of praktijk-uit-issue.yml, run for real on a copy of the bank."""
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    convert = data["jobs"]["omzetten"]
    assert "navolger-voorstel" in convert["if"] and "praktijk-voorstel" in convert["if"]
    assert convert["permissions"] == {"contents": "read"}
    step = next(s for s in convert["steps"] if "uit-issue" in s.get("run", ""))
    bank = _bank(tmp_path / "repo")
    runner = tmp_path / "runner"
    runner.mkdir()
    env = {**os.environ, "RUNNER_TEMP": str(runner), "ISSUE_BODY": body(),
           "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", step["run"]], cwd=bank, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    work = runner / "praktijk"
    assert (work / "pad.txt").read_text().strip() == f"practices/{SLUG}.md"
    assert (work / "status.txt").read_text().strip() == "0", (work / "validatie.txt").read_text()
    assert "navolgers:\n  - naam: \"Zwalm\"" in (work / "praktijk.md").read_text(encoding="utf-8")
