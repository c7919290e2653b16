"""YAML mistakes in a record's front matter: a Dutch message and a specific hint, never libyaml's English.

The invalid fixtures (tests/fixtures/invalid/front-matter-yaml-*.md) pin one
message per kind of mistake; here a corpus of broken headers (the mistakes a
contributor makes, and random damage to a valid record) checks that no English
message of the YAML library reaches a person.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from praktijkenbank.records.load import load_practice
from praktijkenbank.records.yaml_messages import ENGLISH_PHRASES

VALID = (Path(__file__).parent / "fixtures" / "valid" / "geldige-praktijk.md").read_text(encoding="utf-8")
ENGLISH_WORDS = re.compile(r"\b(found|expected|while|allowed|cannot|character|stream|token|mapping|scalar|"
                           r"sequence|indicator|document|anchor|alias|constructor|unacceptable|scanning|parsing)\b", re.I)
GENERIC = "kan hier niet gelezen worden"

# Front matters (between the '---' lines) with one mistake each.
BROKEN = {
    "colon in an unquoted title": "titel: Gent: een stad met een plan\nniveau: starter\n",
    "colon in a list item's field": "bronnen:\n  - titel: Plan: Gent\n",
    "colon in a second line of text": "samenvatting: eerste regel\n  tweede: regel\n",
    "missing colon": "titel: x\nsamenvatting x\nniveau: starter\n",
    "missing colon on the last line": "titel: x\nsamenvatting x\n",
    "missing colon on the first line": "titel x\nsamenvatting: y\n",
    "missing space after the colon": "titel:x\nniveau: starter\n",
    "missing space after the colon, later": "titel: x\nniveau:starter\nstatus: uitgevoerd\n",
    "unclosed [": "titel: x\nsdgs: [1, 2\nniveau: starter\n",
    "unclosed [ at the end": "titel: x\nsdgs: [1, 2\n",
    "unclosed nested [": "sdgs: [[1, 2]\n",
    "unclosed {": "titel: x\ncontact: {organisatie: x\nniveau: starter\n",
    "unclosed { in a title": "titel: { dit is\n",
    "{ inside a list": "sdgs: [1, {a: b]\n",
    "colon inside [": "themas: [a: b: c]\n",
    "extra ]": "sdgs: [1, 2]]\n",
    "stray ] on its own line": "titel: x\n]\n",
    "double comma": "sdgs: [1,, 2]\n",
    "colon at the end of a value in {}": "bronnen:\n  - {document: x, plaats: p. 1:}\n",
    "tab as indentation": "titel: x\nbesturen:\n\t- naam: Gent\n",
    "tab after a dash": "sdgs:\n  -\t1\n",
    "line with only a tab": "titel: x\n\t\nniveau: y\n",
    "unclosed double quote": 'titel: "abc\nniveau: starter\n',
    "unclosed single quote": "titel: 'abc\nniveau: starter\n",
    "unclosed quote on the last line": 'titel: "abc\n',
    "unclosed quote closed much later": 'titel: "abc\nniveau: starter\nsubdoelen: ["11.6"]\n',
    "unclosed quote in a flow mapping": 'contact: {organisatie: "x}\n',
    "text after a closing double quote": 'titel: "abc" def\nniveau: x\n',
    "text after a closing single quote": "titel: 'abc' def\nniveau: x\n",
    "field indented under a value": "titel: x\n  niveau: starter\n",
    "field indented less than its block": "besturen:\n  - naam: Gent\n soort: x\n",
    "field indented more in a block": "contact:\n  organisatie: x\n    dienst: y\n",
    "field indented less in a block": "contact:\n    organisatie: x\n  dienst: y\n",
    "field of a list item indented wrongly": "bronnen:\n  - titel: x\n    url: y\n   uitgever: z\n",
    "field of a list item indented more": "bronnen:\n  - titel: x\n     url: y\n",
    "list item at the wrong level": "titel: x\nsdgs:\n  - 1\n - 2\n",
    "list item where a field belongs": "titel: x\n- 1\n",
    "list item on the key's line": "titel: x\nsdgs: - 1\n",
    "stray dash": "titel: x\n-\nniveau: y\n",
    "a '...' line": "titel: x\n...\nniveau: y\n",
    "a '%' directive": "%YAML 1.2\n---\ntitel: x\n",
    "* at the start of a value": "titel: *belangrijk* project\n",
    "* alone": "titel: *\n",
    "undefined alias": "titel: *x\n",
    "& at the start of a value": "titel: & co\n",
    "duplicate anchor": "a: &x 1\nb: &x 2\n",
    "@ at the start of a value": "titel: @gent\n",
    "` at the start of a value": "titel: `x`\n",
    "% at the start of a value": "titel: %x\n",
    "? at the start of a value": "titel: ? x\n",
    "| with text on the same line": "titel: | x\n",
    "> with text on the same line": "titel: > x\n",
    "|x": "samenvatting: |x\n  tekst\n",
    "text of a block scalar not indented": "samenvatting: |\nx\n",
    "! at the start of a value": "titel: !belangrijk\n",
    "unknown !! tag": "titel: !!foo x\n",
    "backslash in double quotes": 'titel: "c:\\plannen"\n',
    "\\x in double quotes": 'titel: "c:\\x"\n',
    "line starting with a colon": ": x\n",
    "control character": "titel: a\x07b\n",
    "very long key": "a" * 1100 + ": b\n",
}


def _record(front_matter: str) -> bytes:
    return ("---\n" + front_matter + "---\n\n## Context\n\nTekst.\n").encode("utf-8")


def _messages(data: bytes) -> list[str]:
    _, problems = load_practice(Path("practices/x.md"), data)
    for problem in problems:
        assert problem.hint, problem.format()
    return [problem.format() for problem in problems]


def _assert_dutch(text: str, source: str):
    lowered = text.lower()
    assert not [phrase for phrase in ENGLISH_PHRASES if phrase.lower() in lowered], text
    own = set(re.findall(r"\w+", source.lower())) | {"front", "matter"}  # the record's own words may be quoted
    assert [w for w in ENGLISH_WORDS.findall(text) if w.lower() not in own] == [], text


@pytest.mark.parametrize("name", BROKEN)
def test_every_mistake_gets_a_dutch_message_and_a_specific_hint(name):
    messages = _messages(_record(BROKEN[name]))
    assert messages, f"{name}: no problem reported"
    for text in messages:
        _assert_dutch(text, BROKEN[name])
        assert GENERIC not in text, text


def test_random_damage_never_shows_english():
    """Insert YAML's special characters at random places of a valid record: every message stays Dutch."""
    rng = random.Random(20261201)
    front_end = VALID.index("\n---\n", 4)
    specials = [":", ": ", '"', "'", "[", "]", "{", "}", "\t", "- ", "*", "&", " #", "|", ">", "!", "%", "@",
                "`", "?", ",", "\\", "\n", "  ", "---\n", "\x07"]
    shown = 0
    for _ in range(400):
        text = VALID
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(4, front_end)
            text = text[:at] + rng.choice(specials) + text[at + rng.choice([0, 0, 1]):]
        for message in _messages(text.encode("utf-8")):
            _assert_dutch(message, text)
            shown += 1
    assert shown > 100  # the damage does produce messages


def test_a_colon_in_a_title_suggests_the_quoted_line():
    (message,) = _messages(_record("titel: Gent: een stad met een plan\n"))
    assert "practices/x.md:2:12: front matter: fout: ongeldige YAML: een dubbele punt (':') in de waarde van 'titel'." in message
    assert 'titel: "Gent: een stad met een plan"' in message


def test_an_unclosed_quote_is_reported_where_it_opens():
    (message,) = _messages(_record('titel: "abc\nniveau: starter\nsubdoelen: ["11.6"]\n'))
    assert message.startswith("practices/x.md:2:8: ")
    assert "(op regel 4)" in message


def test_text_lost_to_a_comment_is_a_warning():
    _, problems = load_practice(Path("practices/x.md"), _record("titel: Gent #1 in duurzaamheid\nniveau: starter  # twijfel\n"))
    assert [(p.field, p.severity) for p in problems] == [("titel", "waarschuwing")]
