"""One language on the command line: Dutch help, usage and errors; the older English names still work."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys

import pytest

from praktijkenbank.contrib.cli import build_parser, main as cli_main

COMMANDS = ["valideer", "nieuw", "herzien", "uit-issue", "schema"]
# What argparse says in English (Python 3.11 to 3.13), and what it must say instead.
ENGLISH = re.compile(r"usage:|options:|positional arguments|optional arguments|show this help message|"
                     r"\berror:|the following arguments|unrecognized arguments|invalid choice|choose from|"
                     r"expected one argument|not allowed with|ambiguous option|subcommands", re.I)


def _run(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "praktijkenbank.contrib.cli", *argv], capture_output=True, text=True)


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_is_dutch(command):
    result = _run(*([command] if command else []), "--help")
    assert result.returncode == 0, result.stderr
    assert not ENGLISH.search(result.stdout), result.stdout
    assert result.stdout.startswith("gebruik: praktijkenbank")
    assert "opties:" in result.stdout
    assert re.search(r"-h, --help\s+toon deze hulp en stop", result.stdout)
    assert not re.search(r"--(strict|fix|format|write)\b", result.stdout), "English aliases stay out of the help"


@pytest.mark.parametrize("argv, dutch", [
    (["valideer", "--onbekend"], "onbekende opties of argumenten: --onbekend"),
    (["valideer", "--formaat", "xml"], "--formaat: ongeldige keuze: 'xml' (kies uit 'tekst', 'github')"),
    (["uit-issue"], "deze argumenten ontbreken: BESTAND"),
    (["herzien", "--datum"], "--datum: verwacht één waarde"),
    (["valideren"], "opdracht: ongeldige keuze: 'valideren'"),
    (["nieuw", "--bron-url", "https://x.be", "--bron-document", "y"], "--bron-document: niet samen met --bron-url"),
])
def test_usage_errors_are_dutch(argv, dutch):
    result = _run(*argv)
    assert result.returncode == 2
    assert result.stderr.startswith("gebruik: praktijkenbank")
    assert f"praktijkenbank: fout in de opdracht: {dutch}" in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr


@pytest.mark.parametrize("dutch, english", [
    (["valideer", "--streng", "--herstel", "--formaat", "github"], ["validate", "--strict", "--fix", "--format", "github"]),
    (["herzien", "--formaat", "markdown"], ["review", "--format", "markdown"]),
    (["schema", "--schrijf"], ["schema", "--write"]),
    (["nieuw", "--geen-vragen"], ["new", "--geen-vragen"]),
])
def test_english_names_are_aliases(dutch, english):
    parser = build_parser()
    left, right = vars(parser.parse_args(dutch)), vars(parser.parse_args(english))
    assert left.pop("command") == dutch[0] and right.pop("command") == english[0]
    assert left == right


def test_the_aliases_run(tmp_path, capsys):
    assert cli_main(["validate", "--strict", "--format", "tekst", str(tmp_path / "x")]) == 1
    assert "bestand of map niet gevonden" in capsys.readouterr().out


def test_argparse_is_english_again_outside_our_parser():
    """The Dutch texts are swapped in only while our parser works: other parsers in the process are untouched."""
    build_parser().format_help()
    assert "show this help message and exit" in argparse.ArgumentParser().format_help()


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
def test_output_never_crashes_on_encoding(tmp_path, encoding):
    """A Windows console or pipe that cannot show an emoji gets an escape, not 'interne fout'."""
    import os

    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / "emoji.md").write_text("---\ntitel: Feest 🎉\nstatus: klaar 🎉\n---\n\n## Context\n\nTekst.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    result = subprocess.run([sys.executable, "-m", "praktijkenbank.contrib.cli", "valideer", "practices"],
                            capture_output=True, cwd=tmp_path, env=env)
    stdout, stderr = result.stdout.decode(encoding), result.stderr.decode(encoding)
    assert "interne fout" not in stderr and "Traceback" not in stderr
    assert result.returncode == 1
    assert "'klaar \\U0001f389' is geen toegelaten waarde" in stdout
