"""data/verhuisd.yaml is checked like a record: every mistake a Dutch message with file and line,
never a silent drop and never a traceback (valideer and the strict build)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from praktijkenbank.contrib.cli import main as cli_main
from praktijkenbank.records import moved

ROOT = Path(__file__).resolve().parent.parent
PAGES = {"dossiers/duurzaam-aankopen/", "dossiers/na-agenda-2030/", "praktijken/bestaat/"}
OK = "- van: praktijken/oud/\n  naar: dossiers/duurzaam-aankopen/\n"


def _problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "verhuisd.yaml"
    path.write_text(text, encoding="utf-8")
    entries, problems = moved.read(path)
    problems += moved.check_pages(entries, PAGES, path)
    return [f"{p.line}:{p.col}: {p.field}: {p.message}" for p in problems]


@pytest.mark.parametrize("text, expected", [
    (OK, []),
    ("", []),
    ("van: a/\nnaar: b/\n", ["1:1: bestand: het bestand moet een lijst zijn."]),
    ("- van: [\n", ["2:1: bestand: dit is geen geldige YAML."]),
    ("- van: praktijken/oud/\n", ["1:3: [0].naar: het veld 'naar' ontbreekt of is geen pad."]),
    ("- gewoon tekst\n", ["1:3: [0]: dit item heeft geen velden 'van' en 'naar'."]),
    ("- van: praktijken/oud\n  naar: dossiers/duurzaam-aankopen/\n",
     ["1:8: [0].van: 'praktijken/oud' eindigt niet op '/': de doorverwijzing zou een los bestand "
      "'praktijken/oudindex.html' schrijven."]),
    ("- van: https://x.be/a/\n  naar: dossiers/duurzaam-aankopen/\n",
     ["1:8: [0].van: 'https://x.be/a/' is geen pad binnen de site."]),
    ("- van: praktijken/a/\n  naar: praktijken/a/\n", ["1:3: [0].naar: 'praktijken/a/' verwijst naar zichzelf."]),
    ("- van: praktijken/a/\n  naar: praktijken/b/\n- van: praktijken/b/\n  naar: praktijken/a/\n",
     ["1:3: [0].naar: de doorverwijzingen vormen een kring: praktijken/a/ -> praktijken/b/ -> praktijken/a/.",
      "3:3: [1].naar: de doorverwijzingen vormen een kring: praktijken/b/ -> praktijken/a/ -> praktijken/b/."]),
    ("- van: praktijken/a/\n  naar: praktijken/b/\n- van: praktijken/b/\n  naar: dossiers/na-agenda-2030/\n",
     ["1:3: [0].naar: 'praktijken/b/' is zelf een verhuisd adres (het verwijst door naar 'dossiers/na-agenda-2030/')."]),
    (OK + OK, ["3:3: [1].van: 'praktijken/oud/' staat al eerder in de lijst (regel 1)."]),
    ("- van: praktijken/oud/\n  naar: dossiers/weg/\n", ["1:3: [0].naar: de pagina 'dossiers/weg/' bestaat niet."]),
    ("- van: praktijken/bestaat/\n  naar: dossiers/duurzaam-aankopen/\n",
     ["1:3: [0].van: 'praktijken/bestaat/' is weer een bestaande pagina: de doorverwijzing zou ze verbergen."]),
    ("- van: praktijken/oud/\n  naar: dossiers/duurzaam-aankopen/\n  wanneer: 2026\n",
     ["1:3: [0].wanneer: onbekend veld 'wanneer'."]),
    ("- " + "[" * 30000 + "]" * 30000 + "\n", ["1:23: bestand: de lijst is te diep genest."]),
])
def test_each_mistake_has_its_message(tmp_path, text, expected):
    assert _problems(tmp_path, text) == expected


def test_the_banks_own_file_is_in_order():
    from praktijkenbank.records.vocab import load_vocab
    from praktijkenbank.site.model import FAMILIES

    generated = tuple(folder + "/" for folder, *_ in FAMILIES.values())
    assert moved.validate(ROOT, load_vocab().kinds.values(), generated) == []
    assert moved.entries()


def test_valideer_checks_the_file_given_and_by_default(tmp_path, monkeypatch, capsys):
    bad = "- van: praktijken/oud\n  naar: praktijken/x/\n"
    (tmp_path / "practices").mkdir()
    shutil.copyfile(ROOT / "tests" / "fixtures" / "valid" / "geldige-praktijk.md", tmp_path / "practices" / "x.md")
    data = tmp_path / "tools" / "praktijkenbank" / "data"
    data.mkdir(parents=True)
    (data / "verhuisd.yaml").write_text(bad, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(moved, "FILE", data / "verhuisd.yaml")
    assert cli_main(["valideer", "tools/praktijkenbank/data/verhuisd.yaml"]) == 1
    out = capsys.readouterr()
    assert out.out.startswith("tools/praktijkenbank/data/verhuisd.yaml:1:8: [0].van: fout: 'praktijken/oud' eindigt niet op '/'")
    assert cli_main(["valideer"]) == 1  # no path: the records and the redirects
    assert "verhuisd.yaml:1:8: [0].van: fout:" in capsys.readouterr().out
    (data / "verhuisd.yaml").write_text("- van: praktijken/oud/\n  naar: praktijken/x/\n", encoding="utf-8")
    assert cli_main(["valideer"]) == 0, capsys.readouterr()


def test_the_build_stops_on_a_mistake(tmp_path, monkeypatch):
    import sys

    from mkdocs.exceptions import PluginError

    sys.path.insert(0, str(ROOT / "build_scripts"))
    import hooks

    path = tmp_path / "verhuisd.yaml"
    path.write_text("- van: praktijken/oud/\n", encoding="utf-8")
    monkeypatch.setattr(moved, "FILE", path)
    with pytest.raises(PluginError, match=r"verhuisd.yaml:1:3: \[0\].naar: fout: het veld 'naar' ontbreekt"):
        hooks._check_moved([], set(), own_content=True)
    path.write_text(OK, encoding="utf-8")
    with pytest.raises(PluginError, match="de pagina 'dossiers/duurzaam-aankopen/' bestaat niet"):
        hooks._check_moved(moved.read()[0], set(), own_content=True)
    hooks._check_moved(moved.read()[0], set(), own_content=False)  # a test bank: other pages
