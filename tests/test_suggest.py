"""SDG suggestions (budget/suggest.py and docs/assets/begroting/suggesties.js): the data files,
the shared fixtures (tests/fixtures/begroting/suggesties.yaml) in Python and in node, the reasons."""

from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from praktijkenbank.budget import learn, suggest_model
from praktijkenbank.budget.page import MODEL_FILE, files
from praktijkenbank.budget.suggest import beleidsveld_code, load_model, suggest
from praktijkenbank.records.vocab import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = yaml.safe_load((ROOT / "tests" / "fixtures" / "begroting" / "suggesties.yaml").read_text(encoding="utf-8"))["regels"]
# shared/ lies next to the repository (CI, main) or next to the worktree folder (helpers)
SHARED_LIST = next((p / "shared" / "data" / "meerjarenplannen" / "bbc-beleidsvelden.csv" for p in (ROOT.parent, ROOT.parents[1])
                    if (p / "shared").is_dir()), ROOT.parent / "shared" / "data" / "meerjarenplannen" / "bbc-beleidsvelden.csv")
NODE = shutil.which("node")


def line_of(case: dict) -> dict:
    return {"beleidsveld": case.get("beleidsveld"),
            "teksten": {field: case.get(field, "") for field in ("actie", "actieplan", "doelstelling")}}


def test_every_beleidsveld_has_one_row_with_sdgs_or_marked_instrumental():
    rows = yaml.safe_load((DATA_DIR / "beleidsvelden.yaml").read_text(encoding="utf-8"))
    codes = [row["code"] for row in rows["beleidsvelden"]]
    assert len(codes) == 142 and len(set(codes)) == 142
    assert all(re.fullmatch(r"\d{4}", code) for code in codes)
    for row in rows["beleidsvelden"]:
        assert bool(row.get("sdgs")) != bool(row.get("instrumenteel")), row["code"]
        assert row["kader"] in rows["kaders"] and len(row["reden"]) > 15, row["code"]
    assert {"0010", "0020", "0110"} <= {row["code"] for row in rows["beleidsvelden"] if row.get("instrumenteel")}
    for frame in rows["kaders"].values():
        assert frame["url"].startswith("https://") and str(frame["geraadpleegd"]) == "2026-12-05"


@pytest.mark.skipif(not SHARED_LIST.is_file(), reason="shared/data ontbreekt naast de repository")
def test_beleidsvelden_match_the_published_list():
    with open(SHARED_LIST, encoding="utf-8-sig") as handle:
        published = {row["beleidsveld"]: row for row in csv.DictReader(handle, delimiter=";")}
    rows = yaml.safe_load((DATA_DIR / "beleidsvelden.yaml").read_text(encoding="utf-8"))["beleidsvelden"]
    assert {row["code"] for row in rows} == set(published)
    for row in rows:
        source = published[row["code"]]
        assert (row["naam"], row["subdomein"], row["domein"]) == (source["naam"], source["subdomein"], source["domein"])


def test_model_loads_and_every_target_it_names_exists():
    model = load_model()
    targets = yaml.safe_load((DATA_DIR / "subdoelen.yaml").read_text(encoding="utf-8"))
    assert len(model["beleidsvelden"]) == 142
    named = {t for pairs in model["termen"].values() for t, _ in pairs}
    named |= {t for row in model["beleidsvelden"].values() for t in row["subdoelen"]}
    sdg_level = {str(n) for n in range(1, 18)}  # learned words point to an SDG, not a target
    assert named <= set(targets) | sdg_level
    assert {t.split(".")[0] for t in named} == sdg_level
    assert set(model["voorvoegsels"].values()) <= set(model["termen"])


def _broken(monkeypatch, name: str, change) -> None:
    real = suggest_model._read

    def fake(file_name):
        data = real(file_name)
        if file_name == name:
            change(data)
        return data

    monkeypatch.setattr(suggest_model, "_read", fake)


@pytest.mark.parametrize("name, change, message", [
    ("sdg-woorden.yaml", lambda d: d["woorden"].update({"6.99": {"sterk": ["riolering"]}}), "subdoel '6.99' bestaat niet"),
    ("sdg-woorden.yaml", lambda d: d["verwant"].update({"6.3": {"6.99": 0.5}}), "verwant: subdoel '6.99' bestaat niet"),
    ("sdg-woorden.yaml", lambda d: d["woorden"]["6.3"]["sterk"].append("een heel lang woordgroepje hier"),
     "schrijf 1 tot 3 gewone woorden"),
    ("beleidsvelden.yaml", lambda d: d["beleidsvelden"].append(dict(d["beleidsvelden"][0])), "0010 staat er twee keer in"),
    ("beleidsvelden.yaml", lambda d: next(r for r in d["beleidsvelden"] if r["code"] == "0200").update({"subdoelen": ["3.4"]}),
     "subdoel '3.4' bestaat niet of hoort niet bij een SDG van de rij"),
    ("sdg-woorden-geleerd.yaml", lambda d: d["stammen"].update({"kringloopcaf": {18: 0.5}}), "SDG 18 bestaat niet"),
], ids=["subdoel", "verwant", "woordgroep", "dubbel-beleidsveld", "subdoel-beleidsveld", "geleerde-sdg"])
def test_a_mistake_in_a_data_file_is_a_dutch_error(monkeypatch, name, change, message):
    _broken(monkeypatch, name, change)
    with pytest.raises(suggest_model.ModelError, match=re.escape(message)):
        suggest_model.build_model()


@pytest.mark.parametrize("case", FIXTURES, ids=lambda c: (c.get("actie") or c.get("actieplan"))[:40])
def test_python_meets_the_fixture(case):
    out = suggest(load_model(), line_of(case))
    got = [s["sdg"] for s in out]
    assert len(out) <= 3
    assert out, "elke regel zonder SDG krijgt minstens één suggestie"
    weak = [s for s in out if s["score"] == 0]
    if case.get("terugval"):
        assert len(out) == 1 and out[0]["subdoel"] is None, out
        assert out[0]["redenen"][-1].startswith("geen duidelijke woorden voor een SDG; "), out
    else:
        assert out[0]["score"] > 0 and all(s["redenen"][0].startswith("het woord ") for s in weak), out
    if "eerste" in case:
        assert got[:1] == [case["eerste"]], out
    if "top3" in case:
        assert set(case["top3"]) <= set(got), out
    if "subdoel" in case:
        assert out[0]["subdoel"] == case["subdoel"], out
    assert [s["score"] for s in out] == sorted((s["score"] for s in out), reverse=True)


@pytest.mark.parametrize("case", FIXTURES, ids=lambda c: (c.get("actie") or c.get("actieplan"))[:40])
def test_reasons_are_dutch_and_name_their_evidence(case):
    line = line_of(case)
    text = " ".join(line["teksten"].values()).lower()
    for item in suggest(load_model(), line):
        assert item["redenen"]
        for reason in item["redenen"]:
            if reason.startswith("beleidsveld "):
                code = beleidsveld_code(case["beleidsveld"])
                assert reason.startswith(f"beleidsveld {code} ")
                assert f"hoort bij SDG {item['sdg']} (" in reason or (item["score"] == 0 and "is instrumenteel" in reason)
            elif item["score"] == 0 and "zwakke aanwijzing" in reason:
                assert re.match(r"het woord \"[^\"]+\" (in de actie|in het actieplan): ", reason)
                assert re.search(rf"ook bij SDG {item['sdg']} \(", reason)
                for word in re.findall(r"\"([^\"]+)\"", reason):
                    assert word in text, (word, text)
            elif reason.startswith("geen duidelijke woorden"):
                assert item["score"] == 0 and f"SDG {item['sdg']} (" in reason
                for word in re.findall(r"\"([^\"]+)\"", reason):
                    assert word in text, (word, text)
            else:
                assert re.match(r"(het woord|de woorden) \"", reason)
                assert re.search(r"(wijst|wijzen) naar subdoel \d+\.\w+ van SDG \d+ \(", reason)
                for word in re.findall(r"\"([^\"]+)\"", reason):
                    assert all(part in text for part in word.split()), (word, text)


def test_instrumental_beleidsveld_gives_only_the_plainly_weak_fallback():
    line = {"beleidsveld": "0020", "teksten": {"actie": "", "actieplan": "", "doelstelling": ""}}
    (only,) = suggest(load_model(), line)
    assert only["sdg"] == 16 and only["score"] == 0 and only["subdoel"] is None
    assert only["redenen"][0].startswith("beleidsveld 0020 Fiscale aangelegenheden is instrumenteel")
    assert only["redenen"][1].startswith("geen duidelijke woorden voor een SDG; ")


@pytest.mark.parametrize("actie, sdg, word", [
    ("", 11, None), ("Project xyz fase 2", 11, None), ("Verrichtingen zonder actie - Thesaurie", 16, "thesaurie"),
    ("Diverse kosten algemene financiering", 16, "algemene")])
def test_every_uncoded_line_gets_a_suggestion_with_a_reason(actie, sdg, word):
    """Words that point to no SDG: one plainly weak suggestion (sdg-woorden.yaml, terugval: regels)."""
    (only,) = suggest(load_model(), {"beleidsveld": None, "teksten": {"actie": actie, "actieplan": "", "doelstelling": ""}})
    assert only["sdg"] == sdg and only["score"] == 0
    assert only["redenen"][-1].startswith("geen duidelijke woorden voor een SDG; " + (f'het woord "{word}" in de actie: ' if word else ""))


def test_browser_model_file_is_the_python_model():
    served = json.loads(files(ROOT)[MODEL_FILE])
    assert served == suggest_model.build_model()


def test_javascript_gives_the_same_suggestions(tmp_path):
    """The fixtures, the 298 real action texts of benchmarks/data/sdg-acties.csv and every beleidsveld."""
    if NODE is None:
        pytest.fail("node is nodig voor deze test (make test installeert alles)")
    lines = [line_of(case) for case in FIXTURES]
    with open(ROOT / "benchmarks" / "data" / "sdg-acties.csv", encoding="utf-8") as handle:
        lines += [{"beleidsveld": None, "teksten": {"actie": row["tekst"], "actieplan": "", "doelstelling": row["context"]}}
                  for row in csv.DictReader(handle, delimiter=";")]
    lines += [{"beleidsveld": code, "teksten": {"actie": "Heraanleg en renovatie", "actieplan": "", "doelstelling": ""}}
              for code in load_model()["beleidsvelden"]]
    job = tmp_path / "job.json"
    job.write_text(json.dumps({"model": suggest_model.build_model(), "lines": lines}), encoding="utf-8")
    done = subprocess.run([NODE, str(ROOT / "tests" / "js" / "suggesties_node.js"), str(job)],
                          capture_output=True, text=True, check=True)
    browser = json.loads(done.stdout)["suggesties"]
    model = load_model()
    assert browser == [suggest(model, line) for line in lines]


def test_learning_keeps_words_that_point_to_one_sdg_and_leaves_known_words_alone():
    texts = [("Het kringloopcafé van de wijk", {12}), ("Een kringloopcafé in de bib", {12}),
             ("Kringloopcafé en fietsherstel", {12, 11}), ("Fietspad en kringloopcafé", {11}),
             ("Riolering in de straat", {6}), ("Riolering vernieuwd", {6}), ("Riolering en fietspad", {6})]
    learned = learn.learn(texts)
    assert learned["kringloopcaf"] == {12: round(learn.WEIGHT * 3 / 4, 3)}
    assert "rioler" not in learned  # in sdg-woorden.yaml already: the hand-made list wins


def test_learned_file_never_uses_the_evaluation_rows(monkeypatch):
    texts = learn.labelled_texts()
    with open(ROOT / "benchmarks" / "data" / "sdg-acties.csv", encoding="utf-8") as handle:
        evaluation = [row["tekst"] for row in csv.DictReader(handle, delimiter=";") if row["deel"] == "eval"]
    assert not any(text.startswith(row) for text, _ in texts for row in evaluation)
    learned = yaml.safe_load((DATA_DIR / "sdg-woorden-geleerd.yaml").read_text(encoding="utf-8"))["stammen"]
    assert learned and all(1 <= int(n) <= 17 for weights in learned.values() for n in weights)


def _broken_data_dir(monkeypatch, tmp_path, name: str, change) -> Path:
    """A copy of the data folder with one file changed (text in, text out), used by the model."""
    folder = tmp_path / "data"
    shutil.copytree(DATA_DIR, folder)
    path = folder / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(suggest_model, "DATA_DIR", folder)
    load_model.cache_clear()
    return path


@pytest.mark.parametrize("name, change, where, message", [
    ("sdg-woorden.yaml", lambda t: t.replace('  "6.3":\n    sterk: [', '  "6.3":\n    sterk: [[', 1), None,
     "geen geldige YAML"),
    ("sdg-woorden.yaml", lambda t: t.replace('  "6.3":', '  "6.99":', 1), '"6.99":', "subdoel '6.99' bestaat niet"),
    ("sdg-woorden.yaml", lambda t: t.replace("  drempel: 0.25\n", ""), "gewichten:", "'drempel' ontbreekt"),
    ("beleidsvelden.yaml", lambda t: t.replace('domein: "3 Natuur en milieubeheer", sdgs: [6]', 'domein: "3 Natuur en milieubeheer", sdgs: [3]', 1),
     'code: "0310"', "subdoel '6.3' bestaat niet of hoort niet bij een SDG van de rij"),
], ids=["yaml", "subdoel", "gewicht", "beleidsveld"])
def test_cli_names_file_and_line_of_a_broken_data_file(monkeypatch, tmp_path, capsys, name, change, where, message):
    from praktijkenbank.contrib.cli import main
    path = _broken_data_dir(monkeypatch, tmp_path, name, change)
    try:
        code = main(["begroting", str(ROOT / "tools" / "praktijkenbank" / "data" / "begroting-voorbeeld.csv"), "--suggesties"])
    finally:
        load_model.cache_clear()
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    found = re.search(r"kloppen niet: (\S+?):(\d+)(?::\d+)?: (.*)", err)
    assert found and found.group(1).endswith(name) and message in found.group(3), err
    line = int(found.group(2))
    if where:
        assert where in path.read_text(encoding="utf-8").splitlines()[line - 1], (line, err)
    else:
        assert line > 1


def test_a_building_or_road_action_keeps_room_for_sdg_11():
    """Fewer than three suggestions and a word of 'aanvulling': SDG 11 comes last, score 0, plainly weak."""
    out = suggest(load_model(), {"beleidsveld": None, "teksten": {"actie": "Renovatie gemeentehuis", "actieplan": "", "doelstelling": ""}})
    assert [s["sdg"] for s in out] == [16, 11] and out[1]["score"] == 0 and out[1]["subdoel"] is None
    assert out[1]["redenen"] == ['het woord "renovatie" in de actie: investeringen in gebouwen, wegen en het openbaar domein '
                                 "horen vaak ook bij SDG 11 (duurzame steden en gemeenten); zwakke aanwijzing, kies zelf"]
    full = suggest(load_model(), {"beleidsveld": None, "teksten": {"actie": "Renovatie sporthal", "actieplan": "", "doelstelling": ""}})
    assert len(full) == 3 and all(s["score"] > 0 for s in full)


def test_the_site_build_names_a_broken_data_file_without_traceback(monkeypatch, tmp_path, caplog):
    """The strict build stops with the same Dutch path:line message as the CLI (was a traceback)."""
    from mkdocs.exceptions import Abort

    from conftest import build_site
    path = _broken_data_dir(monkeypatch, tmp_path, "sdg-woorden.yaml",
                            lambda t: t.replace('  "6.3":', '  "6.99":', 1))
    try:
        with pytest.raises(Abort) as raised:
            build_site(ROOT / "tests" / "fixtures" / "site", tmp_path / "site")
    finally:
        load_model.cache_clear()
    assert "BuildError" in str(raised.value)
    message = caplog.text
    assert "SDG-suggesties kloppen niet" in message and "Traceback" not in message
    found = re.search(r"sdg-woorden\.yaml:(\d+): subdoel '6\.99' bestaat niet", message)
    assert found and '"6.99":' in path.read_text(encoding="utf-8").splitlines()[int(found.group(1)) - 1]
