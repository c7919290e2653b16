"""`praktijkenbank new`: the scaffold validates, or fails only on the parts marked TE VERVANGEN."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
import yaml

from praktijkenbank import load_practices, load_vocab, validate_paths
from praktijkenbank.contrib.cli import build_parser, main as cli_main
from praktijkenbank.records.validate import PLACEHOLDER, check_placeholders
from praktijkenbank.contrib.scaffold import (
    TEMPLATE_DIR,
    main as scaffold_main,
    parse_choices,
    parse_government,
    parse_governments,
    Invalid,
    render_record,
    suggest_slug,
)

TODAY = dt.date.today()
FULL_OPTIONS = [
    "--titel", "Gent koppelt elke actie van het meerjarenplan aan een SDG",
    "--bestuur", "Gent", "--bestuur", "organisatie: VVSG",
    "--sdg", "17,11", "--sdg", "11",
    "--thema", "beleidsplanning", "--thema", "Begroting en financiën",
    "--fase", "meerjarenplan",
    "--beleidsdomein", "algemeen-bestuur",
    "--niveau", "gevorderd",
    "--status", "uitgevoerd",
    "--samenvatting", "Gent gaf elke actie in zijn meerjarenplan 2026-2031 een SDG-code, zodat het bestuur "
                      "per doel kan opvolgen wat het doet.",
    "--bron-titel", "Meerjarenplan 2026-2031 van Gent",
    "--bron-uitgever", "Stad Gent",
    "--bron-url", "https://www.gent.be/meerjarenplan",
    "--bron-geraadpleegd", TODAY.isoformat(),
]
FILLED = ("Dit is de echte tekst van deze sectie, met genoeg woorden om als een volwaardige "
          "paragraaf te tellen voor de validator.")


def _new(tmp_path: Path, *options: str, inputs: list[str] | None = None, kind: str = "praktijk"):
    """Run `new --soort kind` in tmp_path/<the kind's folder>; returns (exit code, stdout, stderr, created files)."""
    folder = tmp_path / load_vocab().kinds[kind].folder
    args = build_parser().parse_args(["new", "--soort", kind, "--map", str(folder), "--datum", TODAY.isoformat(), *options])
    answers = iter(inputs or [])

    def fake_input(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None

    out, err = io.StringIO(), io.StringIO()
    code = scaffold_main(args, input_fn=fake_input, out=out, err=err)
    files = sorted(folder.glob("*.md")) if folder.exists() else []
    return code, out.getvalue(), err.getvalue(), files


def _all_problems(path: Path):
    """Everything the validator reports (the placeholder check is one of its rules)."""
    _, problems = validate_paths([path], today=TODAY)
    return problems


def _marked_fields(text: str) -> set[str]:
    """Top-level front matter keys whose value (or a nested value) is marked TE VERVANGEN."""
    front = text.split("\n---\n", 1)[0]
    marked, current = set(), None
    for line in front.split("\n")[1:]:
        match = re.match(r"^([a-z_]+):", line)
        if match:
            current = match.group(1)
        if current and PLACEHOLDER in line and not line.startswith("#"):
            marked.add(current)
    return marked


def _assert_only_marked(path: Path, problems) -> None:
    """Each problem concerns a marked field (front matter) or sits on a marked line (body)."""
    text = path.read_text(encoding="utf-8")
    lines, marked = text.split("\n"), _marked_fields(text)
    for problem in problems:
        if problem.field == "tekst":
            assert PLACEHOLDER in lines[problem.line - 1], problem.format()
        else:
            assert re.split(r"[.\[]", problem.field)[0] in marked, problem.format()


def _fill_body(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"^{PLACEHOLDER}:.*$", FILLED, text, flags=re.M), encoding="utf-8")


# --------------------------------------------------------------- output ---

def test_template_is_a_file():
    assert (TEMPLATE_DIR / "record" / "record.md.j2").is_file()


def test_full_options_validate_except_the_marked_body(tmp_path):
    code, out, err, files = _new(tmp_path, "--geen-vragen", *FULL_OPTIONS)
    assert code == 0, err
    assert [f.name for f in files] == ["gent-koppelt-elke-actie-meerjarenplan-sdg.md"]
    path = files[0]
    problems = _all_problems(path)
    assert problems, "the four body sections are still to be written"
    assert {p.field for p in problems} == {"tekst"}
    _assert_only_marked(path, problems)
    assert len(problems) == len(load_vocab().sections)
    _fill_body(path)
    assert [p.format() for p in _all_problems(path)] == []


def test_scaffolded_values(tmp_path):
    _, _, _, files = _new(tmp_path, "--geen-vragen", *FULL_OPTIONS)
    practices, problems = load_practices([files[0]])
    meta = practices[0].meta
    assert meta["besturen"] == [{"naam": "Gent"}, {"naam": "VVSG", "soort": "organisatie"}]
    assert meta["sdgs"] == [11, 17]
    assert meta["themas"] == ["beleidsplanning", "begroting"]
    assert meta["bronnen"] == [{"titel": "Meerjarenplan 2026-2031 van Gent", "uitgever": "Stad Gent",
                                "url": "https://www.gent.be/meerjarenplan", "geraadpleegd": TODAY.isoformat()}]
    assert meta["status"] == "uitgevoerd"
    assert meta["toegevoegd"] == meta["geverifieerd"] == TODAY.isoformat()


def test_without_answers_every_problem_is_on_a_marked_line(tmp_path):
    code, out, err, files = _new(tmp_path, "--geen-vragen")
    assert code == 0, err
    path = files[0]
    assert path.name == "nieuwe-praktijk.md"
    problems = _all_problems(path)
    assert any(p.field == "titel" for p in problems)
    assert any(p.field.startswith("bronnen") for p in problems)
    assert all(p.is_error for p in problems)
    _assert_only_marked(path, problems)
    assert _marked_fields(path.read_text(encoding="utf-8")) == {
        "titel", "samenvatting", "status", "besturen", "sdgs", "themas", "fasen", "beleidsdomeinen", "niveau", "bronnen"}
    assert "Nog in te vullen" in out


def test_every_schema_field_is_present_with_a_comment_in_schema_order(tmp_path):
    _, _, _, files = _new(tmp_path, "--geen-vragen", *FULL_OPTIONS)
    text = files[0].read_text(encoding="utf-8")
    front = text.split("\n---\n", 1)[0]
    schema = load_vocab().schema
    positions = []
    for key in schema["properties"]:
        match = re.search(rf"^(# )?{key}:", front, re.M)
        assert match, f"{key} missing from the scaffold"
        positions.append(match.start())
        above = front[: match.start()].rstrip("\n").split("\n")[-1]
        assert above.startswith("#"), f"{key} has no comment above it"
    assert positions == sorted(positions)
    title = schema["properties"]["themas"]["title"]
    assert f"# {title}:" in front
    for theme in load_vocab().themes:
        assert theme in front  # allowed values listed in the comment
    for section in load_vocab().sections:
        assert f"## {section['kop']}\n" in text
        assert section["hulp"] in text


def test_front_matter_is_plain_yaml_with_comments(tmp_path):
    _, _, _, files = _new(tmp_path, "--geen-vragen", *FULL_OPTIONS)
    text = files[0].read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front = text.split("\n---\n", 1)[0][4:]
    data = yaml.safe_load(front)
    assert data["niveau"] == "gevorderd"
    assert text.endswith("\n") and not text.endswith("\n\n")


@pytest.mark.parametrize("value", [
    "SDG 11: 'wonen' # geen commentaar", "- begint met een streepje", "Wordt vervolgd...", "...", "ja",
    "2026", "12.7", "twee\nregels", "---", "@handle & *ster", "x" * 150 + " einde", "null", "é ü ë", "2026-03-01",
])
def test_render_record_round_trips_any_text(value):
    text = render_record({"titel": value, "samenvatting": value, "bronnen": [{"titel": value, "document": value}]})
    front = text.split("\n---\n", 1)[0][4:]
    data = yaml.safe_load(front)
    assert data["titel"] == value
    assert data["samenvatting"] == value
    assert data["bronnen"] == [{"titel": value, "document": value}]


# ------------------------------------------------------------- questions ---

def test_interactive_with_typos_reasks_and_accepts_suggestions(tmp_path):
    inputs = [
        "Kort",                                        # title too short
        "Gent koppelt zijn meerjarenplan aan de SDG's",
        "Gentt, organisatie: VVSG",                    # typo -> suggestion
        "j",                                           # accept 'Gent, organisatie: VVSG'
        "11, 18",                                      # SDG 18 does not exist
        "11 12",
        "beleidsplaning, 2",                           # typo + list number
        "j",
        "meerjarenplan",
        "algemeen bestuur",                            # a domain by its name
        "gevordert",
        "j",
        "lopend",
        "Te kort",
        "Gent gaf elke actie in zijn meerjarenplan een SDG-code om per doel op te volgen wat het doet.",
        "www.gent.be/meerjarenplan",                   # no scheme -> suggestion with https://
        "j",
        "Meerjarenplan 2026-2031 van Gent",
        "Stad Gent",
        "30-11-2026",                                  # not a date as JJJJ-MM-DD
        "2099-01-01",                                  # after today
        "2026-11-02",                                  # the day the source was read
        "",                                            # accept the suggested slug
    ]
    code, out, err, files = _new(tmp_path, inputs=inputs)
    assert code == 0, err + out
    assert "Bedoel je 'Gent'?" in out
    assert "Bedoel je 'beleidsplanning'?" in out
    assert "te kort (4 tekens; minimum 10)" in out
    assert "'18' is geen SDG" in out
    meta = load_practices(files)[0][0].meta
    assert meta["besturen"] == [{"naam": "Gent"}, {"naam": "VVSG", "soort": "organisatie"}]
    assert meta["sdgs"] == [11, 12]
    assert meta["themas"] == ["beleidsplanning", "begroting"]
    assert meta["niveau"] == "gevorderd"
    assert "Wanneer las je de bron?" in out and "geef een datum als JJJJ-MM-DD" in out and "ligt na vandaag" in out
    assert meta["beleidsdomeinen"] == ["algemeen-bestuur"]
    assert meta["bronnen"][0] == {"titel": "Meerjarenplan 2026-2031 van Gent", "uitgever": "Stad Gent",
                                  "url": "https://www.gent.be/meerjarenplan", "geraadpleegd": "2026-11-02"}
    assert meta["status"] == "lopend"
    assert files[0].name == "gent-koppelt-meerjarenplan-sdg-s.md"


def test_options_prefill_and_only_missing_fields_are_asked(tmp_path):
    options = [o for o in FULL_OPTIONS]
    i = options.index("--niveau")
    del options[i:i + 2]
    code, out, err, files = _new(tmp_path, *options, inputs=["starter", "eigen-slug"])
    assert code == 0, err
    assert "Niveau" in out and "Titel van de praktijk" not in out
    assert files[0].name == "eigen-slug.md"


def test_end_of_input_is_a_clear_error(tmp_path):
    code, out, err, files = _new(tmp_path, inputs=[])
    assert code == 2
    assert "--geen-vragen" in err
    assert files == []


def test_bad_option_without_questions_exits_2_with_suggestion(tmp_path):
    code, out, err, files = _new(tmp_path, "--geen-vragen", "--bestuur", "Antwerpn")
    assert code == 2
    assert "Bedoel je 'Antwerpen'?" in err
    assert files == []


# --------------------------------------------------------------- files ---

def test_slug_is_unique_and_nothing_is_overwritten(tmp_path):
    folder = tmp_path / "practices"
    folder.mkdir()
    existing = folder / "gent-koppelt-elke-actie-meerjarenplan-sdg.md"
    existing.write_text("bestaat al\n", encoding="utf-8")
    code, _, err, files = _new(tmp_path, "--geen-vragen", *FULL_OPTIONS)
    assert code == 0, err
    assert existing.read_text(encoding="utf-8") == "bestaat al\n"
    assert (folder / "gent-koppelt-elke-actie-meerjarenplan-sdg-2.md").is_file()
    code, _, err, _ = _new(tmp_path, "--geen-vragen", "--slug", existing.stem)
    assert code == 2 and "bestaat al een praktijk" in err
    assert existing.read_text(encoding="utf-8") == "bestaat al\n"


def test_suggest_slug(tmp_path):
    assert suggest_slug([{"naam": "Heuvelland"}], "Heuvelland codeert de begroting per SDG", tmp_path) == \
        "heuvelland-codeert-begroting-per-sdg"
    assert suggest_slug([{"naam": "Provincie Oost-Vlaanderen", "soort": "provincie"}], "Één SDG-kompas", tmp_path) == \
        "provincie-oost-vlaanderen-sdg-kompas"
    assert suggest_slug([], None, tmp_path) == "nieuwe-praktijk"
    assert len(suggest_slug([{"naam": "Gent"}], "woord " * 60, tmp_path)) <= 80


def test_cli_alias_nieuw(tmp_path, capsys):
    folder = tmp_path / "p"
    code = cli_main(["nieuw", "--geen-vragen", "--map", str(folder), "--datum", TODAY.isoformat(), *FULL_OPTIONS])
    assert code == 0
    assert "Aangemaakt:" in capsys.readouterr().out


# ---------------------------------------------------------- vocabulary ---

def test_answers_use_the_vocabulary():
    vocab = load_vocab()
    assert parse_government("gent", vocab) == {"naam": "Gent"}
    assert parse_government("provincie antwerpen", vocab) == {"naam": "Provincie Antwerpen", "soort": "provincie"}
    former = next(iter(vocab.former_municipalities))
    assert parse_government(former, vocab) == {"naam": former}
    with pytest.raises(Invalid) as caught:
        parse_governments(["Gent", "Brugee"], vocab)
    assert caught.value.suggestion == "Gent, Brugge"
    assert parse_choices(["1", "Eerlijke handel"], vocab.themes, "thema") == ["beleidsplanning", "eerlijke-handel"]


def test_check_placeholders_points_at_the_marked_value(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(f"---\ntitel: {PLACEHOLDER}\n---\n\n## Context\n\n{PLACEHOLDER}: tekst\n", encoding="utf-8")
    practice = load_practices([path])[0][0]
    problems = list(check_placeholders(practice))
    assert [p.field for p in problems] == ["titel", "tekst"]
    assert problems[1].line == 7


# ----------------------------------------------------- other record kinds ---

OTHER_KINDS = ["instrument", "productgroep", "dossier"]


@pytest.mark.parametrize("kind", OTHER_KINDS)
def test_other_kinds_fail_only_on_the_marked_parts(tmp_path, kind):
    record_kind = load_vocab().kinds[kind]
    code, out, err, files = _new(tmp_path, "--geen-vragen", "--titel", "Een nieuwe fiche om mee te testen",
                                 "--thema", "eerlijke-handel", kind=kind)
    assert code == 0, err
    path = files[0]
    text = path.read_text(encoding="utf-8")
    assert f"# {record_kind.singular.capitalize()}fiche voor de praktijkenbank" in text
    assert re.findall(r"^## (.+)$", text, flags=re.M) == [s["kop"] for s in record_kind.sections]
    problems = _all_problems(path)
    assert problems and all(p.is_error for p in problems)
    _assert_only_marked(path, problems)
    assert "titel" not in {p.field for p in problems} and "themas" not in {p.field for p in problems}


def test_an_instrument_asks_only_for_its_own_fields(tmp_path):
    code, out, err, files = _new(tmp_path, kind="instrument", inputs=[
        "Een checklist voor duurzame evenementen", "12, 13", "eerlijke-handel", "uitvoering",
        "Een korte checklist waarmee een dienst een evenement duurzamer organiseert, van catering tot afval.",
        "https://www.example.org/checklist", "Checklist duurzame evenementen", "Voorbeeldorganisatie", "", ""])
    assert code == 0, err
    assert "Nieuw instrument toevoegen" in out and "Welk bestuur" not in out and "Niveau" not in out
    assert [f.name for f in files] == ["checklist-duurzame-evenementen.md"]
    meta = yaml.safe_load(files[0].read_text(encoding="utf-8").split("---")[1])
    assert meta["sdgs"] == [12, 13] and meta["fasen"] == ["uitvoering"]
    assert meta["bronnen"][0]["url"] == "https://www.example.org/checklist"
    assert str(meta["bronnen"][0]["geraadpleegd"]) == TODAY.isoformat()  # Enter: today, after the question


def test_options_a_kind_does_not_have_are_refused_in_dutch(tmp_path):
    code, out, err, files = _new(tmp_path, "--geen-vragen", "--bestuur", "Gent", "--sdg", "3", kind="dossier")
    assert code == 2 and files == []
    assert "--bestuur en --sdg horen niet bij een dossier: een dossier heeft die velden niet." in err


def test_an_unknown_kind_gets_a_suggestion(tmp_path):
    args = build_parser().parse_args(["nieuw", "--soort", "instrumnt", "--geen-vragen", "--map", str(tmp_path)])
    err = io.StringIO()
    assert scaffold_main(args, out=io.StringIO(), err=err) == 2
    assert "Bedoel je 'instrument'?" in err.getvalue() and "praktijk, instrument, productgroep, dossier" in err.getvalue()


def test_without_questions_the_date_a_source_was_read_is_marked_not_assumed(tmp_path):
    options = [o for o in FULL_OPTIONS]
    i = options.index("--bron-geraadpleegd")
    del options[i:i + 2]
    code, out, err, files = _new(tmp_path, "--geen-vragen", *options)
    assert code == 0, err
    problems = _all_problems(files[0])
    assert "bronnen[0].geraadpleegd" in {p.field for p in problems}
    _assert_only_marked(files[0], problems)
    code, out, err, files = _new(tmp_path, "--geen-vragen", *options, "--bron-geraadpleegd", "2099-01-01", "--slug", "x")
    assert code == 2 and "--bron-geraadpleegd: 2099-01-01 ligt na vandaag" in err


@pytest.mark.parametrize("answer, suggestion", [
    ("klimaat", "klimaat-en-natuur"), ("aankoop", "duurzaam-aankoopbeleid"), ("eerlijk", "eerlijke-handel"),
    ("stedenbnd", "stedenband"), ("wereldburger", "wereldburgerschap"),
])
def test_a_partial_or_misspelt_theme_gets_a_suggestion(answer, suggestion):
    from praktijkenbank.contrib.scaffold import Invalid, parse_choices

    with pytest.raises(Invalid) as raised:
        parse_choices([answer], load_vocab().themes, "thema")
    assert raised.value.suggestion == suggestion and f"Bedoel je '{suggestion}'?" in raised.value.message


@pytest.mark.parametrize("answer, suggestion", [("start", "starter"), ("gevordert", "gevorderd"), ("gevor", "gevorderd")])
def test_a_partial_or_misspelt_level_gets_a_suggestion(answer, suggestion):
    from praktijkenbank.contrib.scaffold import Invalid, parse_level

    with pytest.raises(Invalid) as raised:
        parse_level(answer, load_vocab())
    assert raised.value.suggestion == suggestion


@pytest.mark.parametrize("government, title, slug", [
    ("Heuvelland", "Heuvelland codeert de begroting per SDG", "heuvelland-codeert-begroting-per-sdg"),
    ("Heuvelland", "SDG-begroting in Heuvelland", "heuvelland-sdg-begroting"),
    ("Heuvelland", "Gemeente Heuvelland codeert haar begroting", "heuvelland-gemeente-codeert-begroting"),
    ("Provincie Antwerpen", "De provincie Antwerpen steunt stedenbanden", "provincie-antwerpen-steunt-stedenbanden"),
    ("Provincie Limburg", "Limburg meet de SDG's", "provincie-limburg-meet-sdg-s"),
])
def test_the_slug_names_the_government_once(tmp_path, government, title, slug):
    from praktijkenbank.contrib.scaffold import parse_government, suggest_slug

    assert suggest_slug([parse_government(government, load_vocab())], title, tmp_path) == slug
