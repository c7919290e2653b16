"""SDG-projectscan, the JavaScript logic in node (no browser): docs/assets/projectscan/
scan-state.js, scan-codec.js and scan-csv.js with the config the build embeds.

One node process runs every case (see RUNNER) and returns the results as JSON:
link round trips (compressed and plain), file round trips, the CSV, the
suggestions, and the Dutch errors for broken links and files.
"""

from __future__ import annotations

import base64
import csv
import io
import json
import os
import random
import shutil
import subprocess
import zlib

import pytest

from conftest import ROOT
from praktijkenbank import load_vocab
from praktijkenbank.projectscan import page as projectscan

ASSETS = ROOT / "docs" / "assets" / "projectscan"
NODE = shutil.which("node")

RUNNER = r"""
const path = require("path");
const dir = process.env.SCAN_ASSETS;
const state = require(path.join(dir, "scan-state.js"));
const codec = require(path.join(dir, "scan-codec.js"));
const table = require(path.join(dir, "scan-csv.js"));
const chunks = [];

function attempt(promise) {
  return Promise.resolve().then(promise).then(
    (value) => ({ ok: value }),
    (error) => ({ error: error.message, scan: error instanceof codec.ScanError }));
}

async function roundTrips(job, cfg) {
  const out = [];
  for (const raw of job.states) {
    const normalized = state.normalize(raw, cfg);
    const s = normalized.state;
    const hash = await codec.encode(s, cfg);
    const back = await codec.decode("#" + hash, cfg);
    const compact = codec.fromCompact(JSON.parse(JSON.stringify(codec.toCompact(s, cfg))), cfg);
    const file = codec.fromFile(codec.toFile(s, cfg, new Date("2026-12-01T10:00:00Z")), cfg);
    out.push({
      normalized: s, warnings: normalized.warnings, hash: hash,
      decoded: back ? back.state : null, decodedWarnings: back ? back.warnings : null,
      compact: compact.state, file: file.state, fileName: codec.fileName(s, "json"),
      csv: table.csv(s, cfg), suggestions: state.suggestions(s, cfg).map((x) => x.nr)
    });
  }
  return out;
}

process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", async () => {
  const job = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const cfg = job.cfg;
  const out = { compressed: await roundTrips(job, cfg) };
  out.links = [];
  for (const link of job.links) out.links.push(await attempt(() => codec.decode(link, cfg)));
  out.files = job.files.map((text) => {
    try { return { ok: codec.fromFile(text, cfg) }; } catch (error) { return { error: error.message }; }
  });
  out.normalize = job.raw.map((raw) => state.normalize(raw, cfg));
  // Without CompressionStream (an old browser): plain links, and they still decode.
  delete globalThis.CompressionStream;
  delete globalThis.DecompressionStream;
  out.plain = await roundTrips(job, cfg);
  out.plainCompressedLink = await attempt(() => codec.decode(job.compressedLink, cfg));
  process.stdout.write(JSON.stringify(out));
});
"""

CFG = projectscan.config(load_vocab(), projectscan.load_data())
LIMITS = CFG["limieten"]
EFFECTS = [e["code"] for e in CFG["effecten"]]
SCORES = [s["score"] for s in CFG["interacties"]]
THEMES = [t["id"] for t in CFG["themas"]]
PHASES = [f["id"] for f in CFG["fasen"]]
FACTORS = [f["id"] for f in CFG["lnob"]]


def units(text: str) -> int:
    """Length in UTF-16 code units, as maxlength and JavaScript count."""
    return len(text.encode("utf-16-le")) // 2


def empty() -> dict:
    return {"titel": "", "omschrijving": "", "themas": [], "fase": "",
            "sdgs": [{"nr": n, "effect": "?", "toelichting": ""} for n in range(1, 18)],
            "mondiaal": {"effect": "?", "toelichting": ""}, "spillovers": [],
            "lnob": [{"id": f, "risico": False, "toelichting": ""} for f in FACTORS], "conclusie": ""}


def realistic() -> dict:
    state = empty()
    state.update(titel="Fairtrade-koffie in alle gemeentelijke gebouwen",
                 omschrijving="Vanaf 2027 schenkt de gemeente in alle gebouwen koffie en thee met een Fairtrade-label.",
                 themas=["duurzaam-aankoopbeleid", "eerlijke-handel"], fase="uitvoering",
                 conclusie="Doen. Vraag de leverancier naar transport en verpakking.")
    for nr, effect, note in [(1, "p", ""), (2, "p", "Kleine boeren krijgen een leefbaar inkomen."),
                             (8, "p", "Een eerlijke prijs voor koffieboeren."), (12, "p", "Volgens het aankoopbeleid."),
                             (13, "n", "Meer transport? Na te vragen."), (5, "0", "")]:
        state["sdgs"][nr - 1].update(effect=effect, toelichting=note)
    state["mondiaal"] = {"effect": "p", "toelichting": "Producenten in het Zuiden krijgen een eerlijke prijs."}
    state["spillovers"] = [{"van": 12, "naar": 8, "score": 2, "toelichting": "Eerlijke aankopen steunen waardig werk."}]
    state["lnob"][3].update(risico=True, toelichting="Niet doorrekenen in het sociaal restaurant.")
    return state


TRICKY = 'é;"\n =SUM(A1) 😀 </script> \\ \t ĳ\u00a0'


def fill(length: int, seed: str = TRICKY) -> str:
    """A text of exactly `length` UTF-16 units, without cutting a surrogate pair."""
    out = ""
    while True:
        for char in seed * 2:
            if units(out + char) > length:
                return out + "x" * (length - units(out))
            out += char


def maximal() -> dict:
    state = empty()
    state.update(titel=fill(LIMITS["titel"]).replace("\n", " ").replace("\t", " "),
                 omschrijving=fill(LIMITS["omschrijving"]), themas=list(THEMES), fase=PHASES[-1],
                 conclusie=fill(LIMITS["conclusie"]))
    for item, effect in zip(state["sdgs"], EFFECTS * 5):
        item.update(effect=effect, toelichting=fill(LIMITS["sdg"], seed="-" + TRICKY))
    state["mondiaal"] = {"effect": "n", "toelichting": fill(LIMITS["mondiaal"])}
    state["spillovers"] = [{"van": 1 + i, "naar": 17 - i, "score": SCORES[i], "toelichting": fill(LIMITS["spillover"])}
                           for i in range(LIMITS["spillovers"])]
    state["lnob"] = [{"id": f, "risico": True, "toelichting": fill(LIMITS["lnob"])} for f in FACTORS]
    return state


def random_state(rng: random.Random) -> dict:
    alphabet = "abcdefghij klmnopqrstuvwxyz ÉÈéèëïöüĳ;\",.'-=+@\n0123456789€😀🇧🇪"

    def text(limit: int) -> str:
        out = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, limit)))
        while units(out) > limit:
            out = out[:-1]
        return out

    state = empty()
    state["titel"] = text(LIMITS["titel"]).replace("\n", " ")
    state["omschrijving"] = text(LIMITS["omschrijving"])
    state["themas"] = [t for t in THEMES if rng.random() < 0.2]
    state["fase"] = rng.choice(PHASES + [""])
    for item in state["sdgs"]:
        item.update(effect=rng.choice(EFFECTS), toelichting=text(LIMITS["sdg"]) if rng.random() < 0.4 else "")
    state["mondiaal"] = {"effect": rng.choice(EFFECTS), "toelichting": text(LIMITS["mondiaal"])}
    state["spillovers"] = [{"van": rng.choice([None] + list(range(1, 18))), "naar": rng.randint(1, 17),
                            "score": rng.choice(SCORES), "toelichting": text(LIMITS["spillover"])}
                           for _ in range(rng.randint(0, LIMITS["spillovers"]))]
    for factor in state["lnob"]:
        factor.update(risico=rng.random() < 0.3, toelichting=text(LIMITS["lnob"]) if rng.random() < 0.3 else "")
    state["conclusie"] = text(LIMITS["conclusie"])
    return state


STATES = [empty(), realistic(), maximal()] + [random_state(random.Random(seed)) for seed in range(40)]


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def compact_link(array) -> str:
    return "#scan=j" + b64(json.dumps(array).encode("utf-8"))


EMPTY_COMPACT = [1, "", "", [], "", "?" * 17, [], ["?", ""], [], [], ""]
LINKS = {
    "not a scan": ("#stap-sdgs", None),
    "nothing": ("", None),
    "bad characters": ("#scan=j!!!", "er staan tekens in die er niet thuishoren"),
    "unknown kind": ("#scan=x" + b64(b"[1]"), "onbekende soort"),
    "broken deflate": ("#scan=z" + b64(b"\xff\xfe\xfd not deflate"), "beschadigd of onvolledig"),
    "cut off": ("#scan=z" + b64(deflate(json.dumps(EMPTY_COMPACT).encode()))[:-6], "beschadigd of onvolledig"),
    "not json": ("#scan=j" + b64(b"geen json"), "beschadigd of onvolledig"),
    "not utf-8": ("#scan=j" + b64(b'[1,"\xff"]'), "beschadigd of onvolledig"),
    "json object": (compact_link({"titel": "x"}), "De link bevat geen SDG-projectscan"),
    "newer version": (compact_link([2] + EMPTY_COMPACT[1:]), "nieuwere versie"),
    "too long": ("#scan=j" + "A" * 200_001, "te lang"),
    "deflate bomb": ("#scan=z" + b64(deflate(b"[1," + b" " * 5_000_000 + b"]")), "te groot"),
    "unknown theme": (compact_link([1, "T", "", ["fietsen", "participatie"], "nieuwe-fase"] + EMPTY_COMPACT[5:]), None),
}

FILES = {
    "not json": ("dit is geen json", "geen JSON-bestand"),
    "other json": (json.dumps({"naam": "iets anders"}), "geen SDG-projectscan"),
    "newer": (json.dumps({"formaat": "sdg-projectscan", "versie": 9, "scan": {}}), "nieuwere versie"),
    "too large": ("x" * 1_048_577, "te groot"),
    "old and odd": (json.dumps({"formaat": "sdg-projectscan", "versie": 1, "scan": {
        "titel": "Oud", "themas": ["participatie", "weg"], "sdgs": [{"nr": 3, "effect": "x"}, {"nr": 99}],
        "spillovers": [{"van": 1, "naar": 2, "score": 7}] * 7}}), None),
}

RAW = [
    {"titel": "regel één\r\nregel twee\tmet tab\u0007bel", "omschrijving": "a\r\nb\rc"},
    {"titel": "😀" * 61},  # 122 units: the cut may not split the last emoji
    {"sdgs": "geen lijst", "lnob": [{"id": "woonplaats", "risico": 1}], "spillovers": [{"van": "12", "naar": 40}]},
]


@pytest.fixture(scope="module")
def js() -> dict:
    if NODE is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":  # CI: a skipped test does not count
            pytest.fail("node ontbreekt maar REQUIRE_BROWSER=1 (apt-get install nodejs)")
        pytest.skip("node ontbreekt (apt-get install nodejs)")
    zipped = "#" + subprocess.run(  # a compressed link, for the browser without CompressionStream
        [NODE, "-e", f"require({json.dumps(str(ASSETS / 'scan-state.js'))});"
                     f"require({json.dumps(str(ASSETS / 'scan-codec.js'))})"
                     f".encode(JSON.parse(process.argv[1]), JSON.parse(process.argv[2])).then(console.log)",
         json.dumps(realistic()), json.dumps(CFG)], capture_output=True, text=True, check=True).stdout.strip()
    job = {"cfg": CFG, "states": STATES, "links": [v[0] for v in LINKS.values()],
           "files": [v[0] for v in FILES.values()], "raw": RAW, "compressedLink": zipped}
    result = subprocess.run([NODE, "-e", RUNNER], input=json.dumps(job), capture_output=True, text=True,
                            encoding="utf-8", timeout=120, env={**os.environ, "SCAN_ASSETS": str(ASSETS)}, check=False)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    out["zipped"] = zipped
    return out


@pytest.mark.parametrize("mode", ["compressed", "plain"])
def test_link_file_and_compact_round_trips(js, mode):
    for index, (state, result) in enumerate(zip(STATES, js[mode])):
        assert result["normalized"] == state, f"state {index} is not kept as it is"
        assert result["warnings"] == []
        assert result["compact"] == state and result["file"] == state, index
        if index == 0:
            assert result["hash"] == "" and result["decoded"] is None  # an empty scan has no fragment
        else:
            assert result["decoded"] == state and result["decodedWarnings"] == [], index
            assert result["hash"].startswith(("scan=j",) if mode == "plain" else ("scan=z", "scan=j"))
            assert all(c.isalnum() or c in "=-_" for c in result["hash"]), "URL-safe, no escaping needed"


def test_links_are_compact(js):
    realistic_link = js["compressed"][1]["hash"]
    maximal_link = js["compressed"][2]["hash"]
    plain_realistic = js["plain"][1]["hash"]
    assert realistic_link.startswith("scan=z") and len(realistic_link) < 0.8 * len(plain_realistic)
    assert len(realistic_link) < 1000, len(realistic_link)
    assert len(maximal_link) < 12000, len(maximal_link)
    # every link is the shorter of both encodings
    for compressed, plain in zip(js["compressed"], js["plain"]):
        assert len(compressed["hash"]) <= len(plain["hash"])


def test_broken_links_give_dutch_errors(js):
    for (label, (link, expected)), result in zip(LINKS.items(), js["links"]):
        if label == "unknown theme":
            assert result["ok"]["state"]["themas"] == ["participatie"] and result["ok"]["state"]["fase"] == ""
            assert "Het thema 'fietsen' bestaat niet (meer) en is weggelaten." in result["ok"]["warnings"]
            assert "De fase 'nieuwe-fase' bestaat niet (meer) en is weggelaten." in result["ok"]["warnings"]
        elif expected is None:
            assert result == {"ok": None}, label
        else:
            assert result.get("scan") is True and expected in result["error"], (label, result)


def test_compressed_link_in_a_browser_without_compression_says_what_to_do(js):
    assert js["zipped"].startswith("#scan=z")
    assert "Open hem in een recente versie" in js["plainCompressedLink"]["error"]


def test_files_that_are_not_a_scan_give_dutch_errors(js):
    for (label, (_, expected)), result in zip(FILES.items(), js["files"]):
        if expected is None:
            state, warnings = result["ok"]["state"], result["ok"]["warnings"]
            assert state["titel"] == "Oud" and state["themas"] == ["participatie"]
            assert state["sdgs"][2]["effect"] == "?" and len(state["spillovers"]) == LIMITS["spillovers"]
            assert state["spillovers"][0] == {"van": 1, "naar": 2, "score": 0, "toelichting": ""}
            assert any("Het thema 'weg'" in w for w in warnings)
            assert any("onbekende beoordeling" in w for w in warnings)
            assert any(f"alleen de eerste {LIMITS['spillovers']}" in w for w in warnings)
        else:
            assert expected in result["error"], (label, result)


def test_normalize_cleans_text_like_the_form_does(js):
    one, emoji, odd = (r["state"] for r in js["normalize"])
    assert one["titel"] == "regel één regel twee met tab" + "bel"
    assert one["omschrijving"] == "a\nb\nc"
    assert units(emoji["titel"]) == LIMITS["titel"] and emoji["titel"] == "😀" * 60
    assert js["normalize"][1]["warnings"] == ["Eén tekst was te lang en is ingekort."]
    assert odd["lnob"][1] == {"id": "woonplaats", "risico": True, "toelichting": ""}
    assert odd["spillovers"] == [{"van": 12, "naar": None, "score": 0, "toelichting": ""}]


def _expected_suggestions(state: dict) -> list[int]:
    """The rule in scan-state.js, written out again: weights 4, 3, 2, 1 by place in a list."""
    weight: dict[int, int] = {}
    chosen = [CFG["voorstellen"]["thema"][t] for t in THEMES if t in state["themas"]]
    if state["fase"]:
        chosen.append(CFG["voorstellen"]["fase"][state["fase"]])
    for item in chosen:
        for position, nr in enumerate(item["sdgs"]):
            weight[nr] = weight.get(nr, 0) + max(1, 4 - position)
    return sorted(weight, key=lambda nr: (-weight[nr], nr))


def test_suggestions_follow_the_data_file(js):
    for state, result in zip(STATES, js["compressed"]):
        assert result["suggestions"] == _expected_suggestions(state)
    # duurzaam aankoopbeleid [12, 8, 13] + eerlijke handel [8, 12, 1, 2] + uitvoering [12, 8, 11]:
    # 12 weighs 4 + 3 + 4, 8 weighs 3 + 4 + 3, then 1, 11 and 13 (2 each) and 2 (1)
    assert js["compressed"][1]["suggestions"] == [12, 8, 1, 11, 13, 2]


def test_csv_has_a_header_and_one_row_per_sdg(js):
    for state, result in zip(STATES, js["compressed"]):
        text = result["csv"]
        assert text.startswith("\ufeff") and text.endswith("\r\n")
        rows = list(csv.reader(io.StringIO(text[1:], newline=""), delimiter=";"))
        assert rows[0] == ["Project", "SDG", "Naam van de SDG", "Effect", "Toelichting", "Voorgesteld door de scan"]
        assert len(rows) == 18
        suggested = set(_expected_suggestions(state))
        names = {e["code"]: e["naam"] for e in CFG["effecten"]}
        for row, item, sdg in zip(rows[1:], state["sdgs"], CFG["sdgs"]):
            note = item["toelichting"]
            guarded = ("'" + note) if note[:1] in ("=", "+", "-", "@", "\t", "\r") else note
            title = state["titel"]
            title = ("'" + title) if title[:1] in ("=", "+", "-", "@", "\t", "\r") else title
            assert row == [title, str(sdg["nr"]), sdg["naam"], names[item["effect"]], guarded,
                           "ja" if sdg["nr"] in suggested else "nee"]


def test_csv_never_starts_a_cell_with_a_formula(js):
    rows = list(csv.reader(io.StringIO(js["compressed"][2]["csv"][1:], newline=""), delimiter=";"))
    assert rows[1][4].startswith("'-é;")  # the maximal notes start with '-'
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_file_names(js):
    assert js["compressed"][0]["fileName"] == "sdg-projectscan.json"
    assert js["compressed"][1]["fileName"] == "sdg-projectscan-fairtrade-koffie-in-alle-gemeentelijke-gebouwen.json"
