"""The browser (docs/assets/zoeker/zoektaal.js) splits and stems text like the build.

The Python module ``praktijkenbank.site.search_text`` is the reference. Node runs
the JavaScript once (one process) on every word of the bank (practices/ and
docs/), the words of the benchmark generator, hand-picked words for every rule
of the Dutch Snowball stemmer and a seeded set of random words built from the
suffixes the stemmer looks at; every stem must be the same.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import shutil
import subprocess
import unicodedata

import pytest

from conftest import PRACTICES, ROOT
from praktijkenbank.site.search_text import MAX_TOKEN, STOP_WORDS, TOKEN_RE, stem, terms, words

JS = ROOT / "docs" / "assets" / "zoeker" / "zoektaal.js"
NODE = shutil.which("node")

# Reads {"stopWords", "stems", "texts", "tokens"} on stdin, writes the results.
RUNNER = """
const taal = require(process.env.ZOEKTAAL_JS);
const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const job = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const out = {
    before: job.texts.map(taal.words),  // no stop words yet
    stems: job.stems.map((w) => taal.stem(w)),
  };
  taal.setStopWords(job.stopWords);
  out.words = job.texts.map(taal.words);
  out.terms = job.texts.map(taal.terms);
  out.tokens = job.tokens.map(taal.tokens);
  process.stdout.write(JSON.stringify(out));
});
"""

# Every rule of the stemmer, its exceptions, and words that came close.
TRICKY = """
a b e i y ij ja je ik zo 1 12 5e 2030 sdg sdgs sdg5 co2 h2o 3d 1ste 20ste covid19 a1b2
heden tijden mogelijkheden gelegenheden verscheidenheden eenheden heden1 eheden
gemeenten gemeente gemeenteraad bedienen geboren lopen kopen aankopen aankoop ogen regen
begrotingen begroting gemeen gemen vergemen agem uitgegeven zaken bakken bakkene
ene gewone alleene verscheidene allene buurtbewoners huizen vrienden kinderen fietsen
s se bus huis kaas vis rits was hulpmiddels huisjes kansen jaars reis meisjes ijs
partnerships bijs leuks fs ss vrijs
mooie mooi kooien kooi haaien haai fraaie fraai nieuwe nieuw ayuda yoga yacht yoghurt
baaien luie lui plooien hooi aai aaie iiiii aiiiy ayy yy yyy kayak royaal loyaal
bijbel hoeveelheid duurzaamheid duurzaamheden gelijkheid ongelijkheid vrijheid mogelijkheid
veiligheid eenheid gezondheid openheid bereidheid schoonheid specheid zekerheid
lening leningen wandelend wandelende zingend lopend koning koningin vereniging
verenigingen ondersteunend doorlopend bedrijvig levendig aanhangig vriendelijk
vriendelijke lijk lijken gelijk waarschijnlijk waarschijnlijke vrolijk moeilijk
lijkheid mogelijk eerlijk menselijk dankbaar dankbare zichtbaar haalbaar betaalbaar
baar bar eetbar houdbaar wonderbaar wonderbare barbar gebar kroegbar
heilig heiligen zonnig lastig vijftig eig leig ieig zuinig ingang dingen mening
abababeiging abababeigend begeleigend verdedigend beveiliging
bidden midden bodde kokken motte leggen zakken zetten potten drukken wedden
gebedde gepakte gebakken gezette
aankoop aankopen maan manen boot boten muur muren vuur vuren been benen
eeuw eeuwen leeuw meeuw zee zeeën zeeen ideeën idee
coördinatie coordinatie financiële financiele financieel geïnteresseerd geinteresseerd
geëvalueerd geevalueerd reünie reunie café cafés één éé ééne óók
ä ë ï ö ü á é í ó ú è àè ècole crème brève èèn ëën ïi ïe
naïef naïeve oekraïne oekraïens knieën knie zieë ruïne ruïnes
sinterklaas clausules clausule inclusieve inclusief circulaire circulair
kleine kleinere grootste duurzame duurzaam eerlijke handel handelaars
wereldburgerschap burgerschap kennisdeling kennisdelingen bestuurders
ontwikkelingssamenwerking samenwerkingsverbanden noordzuidwerking werkingssubsidie
heidegrond heideveld scheiding scheidingen beschikbaarheid beschikbaarheden
specialiteit specifieke specifiek
abcdefghijklmnopqrstuvwxyzabcdefghijklmn abcdefghijklmnopqrstuvwxyzabcdefghijklmno
xyz qqq bcd tkk kk dd tt ee aa oo uu ie ei ui oe au ou
"""

# Pieces of random words: the letters and suffixes the stemmer looks at.
PIECES = """
a e i o u y è ä ë ï ö ü á é í ó ú j b c d g h k l m n r s t w
aa ee oo uu ie ij ei kk dd tt gem heden heid ene en se s e end ing ig lijk baar bar
""".split()


def _corpus_texts() -> list[str]:
    paths = sorted(PRACTICES.glob("*.md")) + sorted((ROOT / "docs").rglob("*.md"))
    assert paths
    return [path.read_text(encoding="utf-8") for path in paths] + _label_texts()


def _label_texts() -> list[str]:
    """Everything the index holds besides the records' text: the names of every label
    (themes, SDGs, 5 P's, phases, levels, provinces, municipalities) and the synonyms."""
    from praktijkenbank.site.search_synonyms import PATH
    from praktijkenbank.records.vocab import load_vocab

    vocab = load_vocab()
    tables = (vocab.sdgs, vocab.ps, vocab.themes, vocab.phases, vocab.levels, vocab.provinces,
              vocab.municipalities, vocab.former_municipalities)
    names = [f"SDG {key} {entry['naam']}" if table is vocab.sdgs else entry.get("naam", str(key))
             for table in tables for key, entry in table.items()]
    return [" ".join(names), PATH.read_text(encoding="utf-8")]


def _benchmark_words() -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    phrases = [w for ws in module.THEME_WORDS.values() for w in ws]
    phrases += (module.GENERIC_NOUNS + module.VERBS + module.OBJECTS + module.ADJECTIVES
                + module.CONNECTORS)
    return phrases


def _tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(unicodedata.normalize("NFC", text).lower())


def _random_words(count: int) -> list[str]:
    rng = random.Random(20261123)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(1, 6))) for _ in range(count)]


# Crafted texts: separators, case, NFD accents, digits, long tokens, stop words.
CRAFTED = [
    "Noord-zuidwerking in de SDG's: 5 P’s, 17 doelen en 169 subdoelen.",
    "d'r, zo'n, auto's, foto’s, cd'tje, 't Stadhuis, A.S.A.P., e-mail, snake_case_woord, __init__",
    "COÖRDINATIE van de Financiële Dienst, coo\u0308rdinatie, financie\u0308le, Oekrai\u0308ne, e\u0301e\u0301n",
    "Ĳsselmeer ĲZER ĳs Straße İstanbul ΟΔΟΣ ǅemal ﬁets ﬂyer ½ ² ¾ ⅷ ٣ ४ 𝐀𝐁𝐂 𝟏𝟐 日本語",
    "x" * MAX_TOKEN + " " + "y" * (MAX_TOKEN + 1) + " " + "é" * MAX_TOKEN + " " + "e\u0301" * MAX_TOKEN
    + " " + "𝐚" * MAX_TOKEN + " " + "𝐚" * (MAX_TOKEN + 1) + " " + "ab" * 25,
    "a b c 1 2 3 0 ١ a1 1a De Het EEN en of, maar ook: niet wel zijn zo zoals ZOALS",
    "Mooie kooien, haaien en fraaie AYUDA-yoga. Gemeenten, aankopen, begrotingen, duurzaamheid!",
    "",
    "   \t\n -- ’’ ''' ___ ...",
]

# Texts whose tokens() are checked (NFC, as the site serves them).
TOKEN_TEXTS = [
    "De gemeente koopt duurzaam aan: 5 P’s, SDG's en noord-zuidwerking (2030).",
    "Coördinatie van de financiële dienst in Oekraïne — één 𝐀𝐁𝐂-team, ﬁets, Straße.",
    "y" * (MAX_TOKEN + 1) + " kort a 1 é " + "e" * MAX_TOKEN,
]


@pytest.fixture(scope="module")
def corpus() -> list[str]:
    return _corpus_texts()


@pytest.fixture(scope="module")
def word_list(corpus) -> list[str]:
    found = set(TRICKY.split()) | set(_random_words(30_000))
    for text in corpus + _benchmark_words() + CRAFTED + TOKEN_TEXTS:
        found.update(_tokens(text))
    return sorted(found)


@pytest.fixture(scope="module")
def unicode_text() -> str:
    """Every assigned BMP character between letters: shows how each one tokenises."""
    chars = [chr(c) for c in range(0x20, 0x10000)
             if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c)) != "Cn"]
    return " ".join(f"kk{c}kk" for c in chars)


@pytest.fixture(scope="module")
def js(corpus, word_list, unicode_text) -> dict:
    if NODE is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":  # CI: a skipped test does not count
            pytest.fail("node ontbreekt maar REQUIRE_BROWSER=1 (apt-get install nodejs)")
        pytest.skip("node ontbreekt (apt-get install nodejs)")
    texts = corpus + CRAFTED + [unicode_text]
    job = {"stopWords": sorted(STOP_WORDS), "stems": word_list, "texts": texts, "tokens": TOKEN_TEXTS}
    result = subprocess.run([NODE, "-e", RUNNER], input=json.dumps(job), capture_output=True, text=True,
                            encoding="utf-8", timeout=60, env={**os.environ, "ZOEKTAAL_JS": str(JS)},
                            check=False)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    out["texts"] = texts
    return out


def _mismatches(expected: list, actual: list, labels: list) -> str:
    bad = [f"{label!r}: Python {e!r}, JS {a!r}"
           for label, e, a in zip(labels, expected, actual) if e != a]
    return f"{len(bad)} verschillen, o.a.:\n" + "\n".join(bad[:15])


def test_word_list_is_broad(word_list):
    assert len(word_list) > 20_000
    # every suffix rule fires at least once
    changed = {w for w in word_list if stem(w) != w}
    for suffix in ["heden", "ene", "en", "se", "s", "e", "heid", "end", "ing", "ig", "lijk", "baar", "bar"]:
        assert any(w.endswith(suffix) for w in changed), suffix


def test_stems_match_python(js, word_list):
    expected = [stem(w) for w in word_list]
    assert js["stems"] == expected, _mismatches(expected, js["stems"], word_list)


@pytest.mark.parametrize("key", ["words", "terms"])
def test_texts_match_python(js, key):
    function = {"words": words, "terms": terms}[key]
    expected = [function(text) for text in js["texts"]]
    labels = [text[:60] for text in js["texts"]]
    assert js[key] == expected, _mismatches(expected, js[key], labels)


def test_no_stop_words_before_set_stop_words(js):
    expected = [[w for w in _tokens(text) if (len(w) > 1 or w in "0123456789") and len(w) <= MAX_TOKEN]
                for text in js["texts"]]
    assert js["before"] == expected, _mismatches(expected, js["before"], [t[:60] for t in js["texts"]])
    assert any(w in STOP_WORDS for ws in js["before"] for w in ws)


def _utf16_offsets(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


@pytest.mark.parametrize("number", range(len(TOKEN_TEXTS)))
def test_tokens_offsets_and_stems(js, number):
    text = TOKEN_TEXTS[number]
    assert unicodedata.is_normalized("NFC", text)
    found = js["tokens"][number]
    units = text.encode("utf-16-le")
    # every token of the original text, in order, with UTF-16 offsets (String.slice)
    expected = [(_utf16_offsets(text, m.start()), _utf16_offsets(text, m.end())) for m in TOKEN_RE.finditer(text)]
    assert [(t["start"], t["end"]) for t in found] == expected
    for token, match in zip(found, TOKEN_RE.finditer(text)):
        assert units[2 * token["start"]:2 * token["end"]].decode("utf-16-le") == match.group()
    assert [t["stem"] for t in found if t["stem"] is not None] == terms(text)
    assert any(t["stem"] is None for t in found)
