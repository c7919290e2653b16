"""'praktijkenbank statistiek': the spread of the records against the editorial goals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from praktijkenbank import load_practices, load_vocab
from praktijkenbank.site import model
from praktijkenbank.contrib.cli import main as cli_main
from praktijkenbank.contrib.stats import as_text, spread

FIXTURES = Path(__file__).parent / "fixtures" / "site"
GOALS = {"besturen_minimum": 3, "per_provincie_minimum": 1, "per_sdg_minimum": 1,
         "groepen": [{"naam": "Aankopen", "themas": ["duurzaam-aankoopbeleid", "eerlijke-handel"], "minimum": 1},
                     {"naam": "Conflicten", "themas": ["internationale-conflicten"], "minimum": 1}]}


def _figures():
    records, problems = load_practices([FIXTURES])
    assert not problems
    vocab = load_vocab()
    return spread(model.build_site(records, vocab, dt.date(2026, 11, 23)), vocab, GOALS)


def _by_name(lines):
    return {line["naam"]: line for line in lines}


def test_counts_come_from_the_records():
    figures = _figures()
    kinds = _by_name(figures["soorten"])
    assert (kinds["Praktijken"]["aantal"], kinds["Instrumenten"]["aantal"], kinds["Dossiers"]["aantal"]) == (4, 1, 1)
    # Borsbeek (now Antwerpen), Provincie Oost-Vlaanderen, Aalst, Gent, Kaprijke; the VVSG is not a local government.
    assert figures["besturen"][0]["aantal"] == 5 and figures["besturen"][0]["gehaald"]
    groups = _by_name(figures["groepen"])
    assert groups["Aankopen"]["aantal"] == 1 and groups["Aankopen"]["gehaald"]
    assert groups["Conflicten"]["aantal"] == 0 and not groups["Conflicten"]["gehaald"]
    sdgs = _by_name(figures["sdgs"])
    assert sdgs["SDG 12 Verantwoorde consumptie en productie"]["aantal"] == 1
    assert sdgs["SDG 11 Duurzame steden en gemeenschappen"]["aantal"] == 2  # Kaprijke concretely, and the Gent report
    assert sdgs["Werkt met alle SDG's (kader)"]["aantal"] == 1


def test_text_names_every_missed_goal():
    text = as_text(_figures())
    assert "Conflicten" in text and "NIET gehaald" in text
    assert text.rstrip().endswith(".")


def test_command_runs_on_the_real_bank(capsys, monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    assert cli_main(["statistiek"]) == 0
    out = capsys.readouterr().out
    assert "Praktijken per provincie" in out and "Verschillende lokale besturen" in out
