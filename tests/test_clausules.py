"""The procurement clause builder without a browser: the clauses in the records, the data the page embeds,
the link codec (docs/assets/clausules/clausules-mand.js) and the three download formats made by
clausules-document.js in node, reopened with python-docx and odfdo (the same text as the .txt).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import zipfile

import docx
import pytest
from odfdo import Document

from conftest import ROOT
from praktijkenbank import load_practices, load_vocab
from praktijkenbank.clausules import page as clausules_page
from praktijkenbank.clausules.data import builder_data
from praktijkenbank.site import model

VOCAB = load_vocab()
ASSETS = ROOT / "docs" / "assets" / "clausules"
NODE = shutil.which("node")
FFLATE = ROOT / "node_modules" / "fflate"
TODAY = dt.date(2026, 12, 5)


@pytest.fixture(scope="module")
def data() -> dict:
    paths = sorted(p for kind in VOCAB.kinds.values() for p in (ROOT / kind.folder).glob("*.md"))
    records, problems = load_practices(paths)
    assert not problems
    site = model.build_site(records, VOCAB, TODAY, repo_root=ROOT)
    out = builder_data(site, VOCAB, lambda path: "../" + path)
    out["merktekens"] = clausules_page.MARKERS
    return out


def test_every_product_group_has_clauses_at_the_three_levels(data):
    assert len(data["groepen"]) >= 12
    for group in data["groepen"]:
        levels = {c["niveau"] for c in group["clausules"]}
        assert levels == set(VOCAB.ambitions), group["slug"]
        assert len({c["stap"] for c in group["clausules"]}) >= 3, group["slug"]
        for clause in group["clausules"]:
            assert 1 <= clause["bron"] <= len(group["bronnen"]) and clause["bewijs"], (group["slug"], clause["id"])


def test_the_new_product_groups_are_there(data):
    slugs = {g["slug"] for g in data["groepen"]}
    assert {"bouw-en-renovatie", "elektriciteit-en-energiediensten", "evenementen-en-eventcatering"} <= slugs


def test_practices_and_their_governments_stay_visible_per_group(data):
    clothing = next(g for g in data["groepen"] if g["slug"] == "werkkledij-en-textiel")
    assert len(clothing["gebruikt_in"]) >= 3
    assert all(p["url"].startswith("../praktijken/") and p["besturen"] for p in clothing["gebruikt_in"])
    assert any("Geel" in " ".join(p["besturen"]) for p in clothing["gebruikt_in"])


def test_the_page_says_who_to_ask_and_cites_the_level_sources(data):
    note = data["geen_juridisch_advies"]
    assert "geen juridisch advies" in note and "aankoopdienst" in note and "aankoopcentrale" in note
    assert all(s["url"].startswith("https://") and s["geraadpleegd"] == "2026-12-05" for s in data["niveaubronnen"])


def test_templates_hold_one_model_paragraph_per_kind():
    word = docx.Document(io.BytesIO(clausules_page.docx_template(TODAY)))
    assert [p.text for p in word.paragraphs] == ["PBTITEL", "PBKOP", "PBSUBKOP", "PBALINEA", "PBPUNT"]
    assert [p.style.name for p in word.paragraphs] == ["Heading 1", "Heading 2", "Heading 3", "Normal", "List Bullet"]
    odt = clausules_page.odt_template(TODAY)
    assert zipfile.ZipFile(io.BytesIO(odt)).namelist()[0] == "mimetype"
    assert clausules_page.odt_template(TODAY) == odt  # the same bytes on every build


RUNNER = r"""
const path = require("path");
const fs = require("fs");
const dir = process.env.CL_ASSETS;
global.fflate = require(process.env.CL_FFLATE);
const mand = require(path.join(dir, "clausules-mand.js"));
globalThis.clausulesMand = mand;
const doc = require(path.join(dir, "clausules-document.js"));
const input = JSON.parse(fs.readFileSync(0, "utf-8"));
const data = input.data;
const out = {};
const opened = mand.fromSearch(input.search, data);
out.opened = opened;
out.search = mand.toSearch(opened.state);
out.again = mand.fromSearch(out.search, data).state;
const blocks = doc.blocks(data, opened.state, "2026-12-05");
out.text = doc.text(blocks);
out.blocks = blocks;
out.docx = Buffer.from(doc.docx(blocks, new Uint8Array(Buffer.from(input.docx, "base64")), fflate, data.merktekens)).toString("base64");
out.odt = Buffer.from(doc.odt(blocks, new Uint8Array(Buffer.from(input.odt, "base64")), fflate, data.merktekens)).toString("base64");
process.stdout.write(JSON.stringify(out));
"""


def _run(data: dict, search: str) -> dict:
    if not NODE or not FFLATE.is_dir():
        pytest.skip("node en node_modules/fflate nodig (npm ci)")
    import base64

    payload = {"data": data, "search": search,
               "docx": base64.b64encode(clausules_page.docx_template(TODAY)).decode(),
               "odt": base64.b64encode(clausules_page.odt_template(TODAY)).decode()}
    env = {**os.environ, "CL_ASSETS": str(ASSETS), "CL_FFLATE": str(FFLATE)}
    done = subprocess.run([NODE, "-e", RUNNER], input=json.dumps(payload), capture_output=True, text=True, env=env,
                          timeout=60, check=True)
    out = json.loads(done.stdout)
    out["docx"] = base64.b64decode(out["docx"])
    out["odt"] = base64.b64decode(out["odt"])
    return out


def _all_keys(data: dict) -> list[str]:
    return [f"{g['slug']}.{c['id']}" for g in data["groepen"] for c in g["clausules"]]


def test_the_link_keeps_the_basket_and_drops_what_does_not_exist(data):
    keys = _all_keys(data)
    search = f"?groep=ict-hardware&niveau=ambitieus&mand={keys[0]},bestaat.niet,{keys[-1]},{keys[0]},Fout"
    out = _run(data, search)
    assert out["opened"]["state"] == {"groep": "ict-hardware", "niveau": "ambitieus", "mand": [keys[0], keys[-1]]}
    assert out["opened"]["dropped"] == 2
    assert out["again"] == out["opened"]["state"]
    assert out["search"] == f"?groep=ict-hardware&niveau=ambitieus&mand={keys[0]},{keys[-1]}"
    assert _run(data, "?groep=onbekend&niveau=expert")["opened"]["dropped"] == 2


def _lines(text: str) -> list[str]:
    return [line.removeprefix("- ") for line in text.splitlines() if line.strip()]


def _odt_lines(document) -> list[str]:
    """Headings and paragraphs of an .odt in document order, as text."""
    return [e.text_recursive for e in document.body.xpath("//text:h|//text:p") if e.text_recursive]


def test_the_three_downloads_hold_the_same_text(data):
    keys = _all_keys(data)
    out = _run(data, "?groep=bouw-en-renovatie&niveau=basis&mand=" + ",".join(keys))
    expected = _lines(out["text"])
    word = docx.Document(io.BytesIO(out["docx"]))
    assert [p.text for p in word.paragraphs if p.text] == expected
    styles = {p.style.name for p in word.paragraphs}
    assert {"Heading 1", "Heading 2", "Heading 3", "List Bullet"} <= styles
    odt = Document(io.BytesIO(out["odt"]))
    assert _odt_lines(odt) == expected
    assert zipfile.ZipFile(io.BytesIO(out["odt"])).infolist()[0].filename == "mimetype"
    # per step, in the order of a tender, every picked clause with its check and numbered source
    text = out["text"]
    steps = [VOCAB.steps[s]["naam"] for s in VOCAB.steps]
    assert [text.index(name) for name in steps] == sorted(text.index(name) for name in steps)
    assert text.count("Controle door de aankoper:") == len(keys)
    assert "\nBronnen\n" in text and "(geraadpleegd op 5 december 2026)" in text
    assert "Bewijsmiddelen" in text and "geen juridisch advies" in text


def test_special_characters_survive_the_xml(data):
    tricky = json.loads(json.dumps(data))
    clause = tricky["groepen"][0]["clausules"][0]
    clause["tekst"] = "Prijs < 5 & \"kwaliteit\" > 'prijs' PBPUNT"
    out = _run(tricky, f"?mand={tricky['groepen'][0]['slug']}.{clause['id']}")
    assert clause["tekst"] in [p.text for p in docx.Document(io.BytesIO(out["docx"])).paragraphs]
    assert clause["tekst"] in _odt_lines(Document(io.BytesIO(out["odt"])))
