"""`--format github`: workflow commands with exact escaping, and the job summary."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from praktijkenbank.contrib.annotations import command, emit, escape_data, escape_property, summary_markdown
from praktijkenbank.contrib.cli import main as cli_main
from praktijkenbank.records.problems import WARNING, Problem

FIXTURES = Path(__file__).parent / "fixtures"


def test_error_command_exact():
    problem = Problem("practices/gent.md", 12, 3, "themas[0]", "'x' is geen toegelaten waarde.", "Toegelaten: a, b.")
    assert command(problem) == (
        "::error file=practices/gent.md,line=12,col=3,title=praktijkenbank%3A themas[0]"
        "::'x' is geen toegelaten waarde.%0Atip: Toegelaten: a, b."
    )


def test_warning_without_hint():
    problem = Problem("practices/a.md", 1, 1, "tekst", "de sectie 'Context' is (bijna) leeg.", severity=WARNING)
    assert command(problem) == (
        "::warning file=practices/a.md,line=1,col=1,title=praktijkenbank%3A tekst::de sectie 'Context' is (bijna) leeg."
    )


def test_escaping_of_message():
    assert escape_data("100% klaar\r\nvolgende: a, b") == "100%25 klaar%0D%0Avolgende: a, b"
    assert escape_data("%0A") == "%250A"  # an escape sequence in the text stays literal


def test_escaping_of_properties():
    assert escape_property("a:b,c%d\ne\r") == "a%3Ab%2Cc%25d%0Ae%0D"


def test_properties_with_commas_and_colons_cannot_inject():
    problem = Problem("practices/a,line=1::x.md", 2, 1, "veld,title=x", "boodschap\n::error::vals", "")
    line = command(problem)
    assert line.count("\n") == 0
    assert line.startswith("::error file=practices/a%2Cline=1%3A%3Ax.md,line=2,col=1,title=praktijkenbank%3A veld%2Ctitle=x::")
    assert line.endswith("::boodschap%0A::error::vals")


def test_windows_paths_use_slashes():
    assert "file=practices/a.md," in command(Problem("practices\\a.md", 1, 1, "f", "m"))


def test_emit_writes_commands_and_summary(tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("bestaand\n", encoding="utf-8")
    problems = [
        Problem("practices/b.md", 4, 2, "sdgs", "SDG 18 bestaat niet.", "Kies 1 tot 17."),
        Problem("practices/a.md", 3, 1, "titel", "te | kort <b>", "", WARNING),
    ]
    stream = io.StringIO()
    emit(problems, [object(), object()], stream, environ={"GITHUB_STEP_SUMMARY": str(summary)})
    assert stream.getvalue().splitlines() == [command(p) for p in problems]
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("bestaand\n## Praktijkenbank")  # appended, not overwritten
    assert "**1 fout(en)** en **1 waarschuwing(en)** in 2 bestand(en); 2 praktijk(en) nagekeken." in text
    assert text.index("### `practices/a.md`") < text.index("### `practices/b.md`")
    assert "| 3:1 | titel | waarschuwing | te \\| kort &lt;b&gt; |  |" in text
    assert "| 4:2 | sdgs | fout | SDG 18 bestaat niet. | Kies 1 tot 17. |" in text


def test_emit_without_summary_env(tmp_path):
    stream = io.StringIO()
    emit([], [], stream, environ={})
    assert stream.getvalue() == ""
    assert list(tmp_path.iterdir()) == []


def test_summary_when_all_is_well():
    assert "In orde: 3 praktijk(en) nagekeken" in summary_markdown([], 3)


def test_summary_is_capped():
    problems = [Problem("practices/a.md", n, 1, "f", "m") for n in range(1, 700)]
    text = summary_markdown(problems, 1)
    rows = [line for line in text.splitlines() if line.startswith("| ") and line[2].isdigit()]
    assert len(rows) == 500
    assert "... en nog 199 meldingen" in text


def test_cli_format_github(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "practices"
    folder.mkdir()
    shutil.copyfile(FIXTURES / "fix" / "onaangeroerd.before.md", folder / "onaangeroerd.md")
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code = cli_main(["validate", "--format", "github", "practices"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out and all(line.startswith(("::error file=practices/onaangeroerd.md,", "::warning file=practices/onaangeroerd.md,"))
                       for line in out)
    assert "practices/onaangeroerd.md" in summary.read_text(encoding="utf-8")
