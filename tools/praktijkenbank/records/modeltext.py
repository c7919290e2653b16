"""Model texts that the bank holds itself: an instrument with ``vorm: modeltekst``,
a list ``invulvelden`` and its text under the last heading ``## Modeltekst``.

Fill-in fields are written in square brackets, in lower case, exactly as listed in
``invulvelden`` (``[naam gemeente]``, ``[datum]``). :func:`check_model_text` checks the
brackets and the list; :func:`text_section` and :func:`fields` are used by the site too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .load import Record
from .problems import Problem
from .vocab import Vocab

FORM = "modeltekst"  # the value of 'vorm'
HEADING = "Modeltekst"  # the last '##' heading of the body: the text itself
FIELD_RE = re.compile(r"\[([^\[\]\n]*)\]")
_H2_RE = re.compile(r"^##[ \t]+(.+?)[ \t#]*$", re.M)


def text_section(body: str) -> tuple[int, str] | None:
    """(offset in ``body`` where the text starts, the text) under '## Modeltekst', or None."""
    headings = list(_H2_RE.finditer(body))
    for number, match in enumerate(headings):
        if match.group(1).strip() == HEADING:
            stop = headings[number + 1].start() if number + 1 < len(headings) else len(body)
            return match.end(), body[match.end():stop]
    return None


def fields(text: str) -> list[str]:
    """The fill-in fields of a text, each once, in order of first use."""
    seen: dict[str, None] = {}
    for match in FIELD_RE.finditer(text):
        seen.setdefault(match.group(1), None)
    return list(seen)


def _pos(record: Record, body: str, index: int) -> tuple[int, int]:
    before = body[:index]
    return record.body_line + before.count("\n"), index - (before.rfind("\n") + 1) + 1


def _closest(value: str, options: list[str]) -> str | None:
    import difflib

    match = difflib.get_close_matches(value.lower().strip(), options, n=1, cutoff=0.6)
    return match[0] if match else None


def check_model_text(record: Record, vocab: Vocab) -> Iterator[Problem]:
    """A model text of the bank: 'invulvelden' with 'vorm: modeltekst', the text as the last
    section '## Modeltekst', and every '[veld]' in it listed in 'invulvelden' (and the other way round)."""
    meta = record.meta if isinstance(record.meta, dict) else {}
    declared = meta.get("invulvelden")
    declared = [f for f in declared if isinstance(f, str)] if isinstance(declared, list) else None
    pattern = re.compile(vocab.kinds[record.kind].schema["properties"]["invulvelden"]["items"]["pattern"])
    if declared is not None and not all(pattern.match(f) for f in declared):
        return  # the schema check already names the field that is not written right
    body = record.body
    section = text_section(body)
    if declared is not None and meta.get("vorm") != FORM:
        line, col = record.pos("invulvelden")
        yield Problem(record.path, line, col, "invulvelden", "invulvelden horen alleen bij een modeltekst.",
                      "Zet 'vorm: modeltekst', of verwijder 'invulvelden' als de tekst niet op de fiche staat.")
    if declared is not None and section is None:
        line, col = record.pos("invulvelden")
        yield Problem(record.path, line, col, "invulvelden", f"de kop '## {HEADING}' met de tekst zelf ontbreekt.",
                      f"Zet de modeltekst als laatste sectie onder '## {HEADING}'.")
        return
    if section is None:
        return
    start, text = section
    if declared is None:
        line, col = _pos(record, body, start - len(HEADING) - 3)
        yield Problem(record.path, line, col, "tekst", f"een sectie '## {HEADING}' zonder 'invulvelden'.",
                      "Som in 'invulvelden' de velden op die in de tekst tussen [ ] staan, bv. invulvelden: [naam gemeente, datum].")
        return
    after = _H2_RE.search(body, start + len(text))
    if after:
        line, col = _pos(record, body, after.start())
        yield Problem(record.path, line, col, "tekst", f"de kop '## {after.group(1).strip()}' staat na de modeltekst.",
                      f"'## {HEADING}' is de laatste sectie: zet de andere secties ervoor.")
    used = set()
    for match in FIELD_RE.finditer(text):
        name = match.group(1)
        line, col = _pos(record, body, start + match.start())
        if text[match.end():match.end() + 1] in ("(", "["):
            yield Problem(record.path, line, col, "tekst", f"'[{name}]' gevolgd door een link: een link hoort niet in de modeltekst.",
                          "Zet bronnen in 'bronnen' en verwijzingen in de secties boven de modeltekst; [ ] is alleen voor invulvelden.")
            continue
        if not name.strip():
            yield Problem(record.path, line, col, "tekst", "een leeg invulveld '[]'.",
                          "Schrijf tussen de haakjes wat de gebruiker invult, bv. [naam gemeente].")
            continue
        used.add(name)
        if name not in declared:
            close = _closest(name, declared)
            yield Problem(record.path, line, col, "tekst", f"het invulveld '[{name}]' staat niet in 'invulvelden'.",
                          (f"Bedoel je '[{close}]'? " if close else "Voeg het toe aan 'invulvelden'. ") +
                          "Schrijf elk veld overal precies hetzelfde, in kleine letters.")
    offset = start
    for line_text in text.split("\n"):
        bad = _bracket_problem(line_text)
        if bad:
            col, message = bad
            line, col = _pos(record, body, offset + col)
            yield Problem(record.path, line, col, "tekst", message,
                          "Een invulveld staat op één regel tussen [ en ], bv. [datum]; geen haakjes in elkaar.")
        offset += len(line_text) + 1
    for index, name in enumerate(declared):
        if name not in used:
            line, col = record.pos("invulvelden", index)
            yield Problem(record.path, line, col, f"invulvelden[{index}]", f"'{name}' komt niet voor in de modeltekst.",
                          f"Gebruik het veld in de tekst als [{name}], of schrap het uit 'invulvelden'.")


def _bracket_problem(line: str) -> tuple[int, str] | None:
    """(0-based column, message) of the first unbalanced or nested bracket on a line, or None."""
    opened = -1
    for col, char in enumerate(line):
        if char == "[":
            if opened >= 0:
                return opened, "een haakje '[' zonder ']' (of haakjes in elkaar)."
            opened = col
        elif char == "]":
            if opened < 0:
                return col, "een haakje ']' zonder '['."
            opened = -1
    return (opened, "een haakje '[' zonder ']' op dezelfde regel.") if opened >= 0 else None
