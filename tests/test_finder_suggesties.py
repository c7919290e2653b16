"""'Bedoel je ...?' of the finder: docs/assets/zoeker/finder-suggesties.js in Node.

The browser picks the word list of a query word by its first letter exactly as
the build wrote them (search_spelling.letter), counts edits (insert, delete,
replace, swap of two neighbours) and offers the closest, most frequent words.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import ROOT
from praktijkenbank.site.search_spelling import letter

JS = ROOT / "docs" / "assets" / "zoeker" / "finder-suggesties.js"
NODE = shutil.which("node")

RUNNER = """
const s = require(process.env.SUGGESTIES_JS);
const job = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({
  keys: job.words.map(s.fileKey),
  distances: job.pairs.map(([a, b, max]) => s.distance(a, b, max)),
  closest: job.closest.map(([word, list, limit]) => s.closest(word, list, limit)),
}));
"""

WORDS = ["stedenband", "aankoop", "één", "élan", "Zebra", "_x", "2030", "ijzer", "œuvre", "z", "a"]
PAIRS = [
    ("stedenbnd", "stedenband", 2, 1),   # one letter missing
    ("stedneband", "stedenband", 2, 1),  # two neighbours swapped
    ("stedenbad", "stedenband", 2, 1),
    ("aankop", "aankoop", 1, 1),
    ("kop", "aankoop", 2, 3),            # more than max: max + 1
    ("fairtrde", "fairtrade", 2, 1),
    ("klimat", "klimaat", 2, 1),
    ("abc", "abc", 1, 0),
    ("ab", "ba", 1, 1),
    ("éénn", "één", 1, 1),               # code points, not UTF-16 units
    ("xyzxyz", "abcabc", 2, 3),
]


@pytest.fixture(scope="module")
def js():
    if NODE is None:
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("node ontbreekt maar REQUIRE_BROWSER=1 (apt-get install nodejs)")
        pytest.skip("node ontbreekt (apt-get install nodejs)")
    job = {
        "words": WORDS,
        "pairs": [[a, b, m] for a, b, m, _ in PAIRS],
        "closest": [
            ["stedenbnd", ["gemeente", "stedenbanden", "stedenband", "stedenbond"], 3],
            ["stedenbnd", ["stedenbond", "stedenband"], 1],
            ["kop", ["koppel", "kap", "top", "kip"], 5],
            ["gemeente", ["gemeente", "gemeentes"], 3],
            ["xyzzy", ["stedenband"], 3],
        ],
    }
    result = subprocess.run([NODE, "-e", RUNNER], input=json.dumps(job), capture_output=True, text=True,
                            encoding="utf-8", timeout=60, env={**os.environ, "SUGGESTIES_JS": str(JS)}, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_word_lists_are_chosen_like_the_build(js):
    assert js["keys"] == [letter(w) for w in WORDS]
    assert js["keys"][:3] == ["s", "a", "_"]


def test_edits_are_counted(js):
    assert js["distances"] == [expected for *_, expected in PAIRS]


def test_closest_words_first_then_the_most_frequent(js):
    assert js["closest"][0] == ["stedenband", "stedenbond"]  # stedenbanden: 3 edits
    # Equal edits: the most frequent (earlier in the list) wins.
    assert js["closest"][1] == ["stedenbond"]
    # Short words: at most one edit.
    assert js["closest"][2] == ["kap", "top", "kip"]
    # The word itself is no suggestion; nothing close: nothing.
    assert js["closest"][3] == ["gemeentes"]
    assert js["closest"][4] == []
