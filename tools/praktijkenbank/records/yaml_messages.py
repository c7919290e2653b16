"""Dutch messages for every YAML mistake a contributor can make in a record's front matter.

libyaml (the C parser that :mod:`.load` uses) reports problems in English and
often far from their cause: a colon in an unquoted title is reported as
"mapping values are not allowed in this context", an unclosed quote as "did
not find expected key" ten lines further. :func:`explain` turns any YAML error
into a position, a Dutch message and a specific hint, looking at the text
around the error (and, for quotes, at the tokens of the pure-Python scanner).
No English text of the YAML library ever reaches a person: an unknown message
gets a general Dutch explanation.

:func:`hidden_problems` finds YAML that parses but silently loses text: a
value that starts with ``&`` (an anchor: the word disappears) and a ``#``
after a text value (the rest of the line becomes a comment).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

QUOTE_HINT = "Zet de hele waarde tussen aanhalingstekens"
_KEY_LINE = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#'\"\[\]{}][^:#]*?):(?:\s+(?P<value>.*))?$")
_FREE_TEXT = {"titel", "samenvatting", "naam", "organisatie", "dienst", "uitgever", "plaats"}

# Every phrase libyaml (and PyYAML's pure-Python parser) can produce for a front matter; the test
# suite checks that none of them reaches a message.
ENGLISH_PHRASES = (
    "mapping values are not allowed", "could not find expected", "did not find expected", "found character",
    "found unexpected end of stream", "found unknown escape character", "found undefined alias",
    "block sequence entries are not allowed", "mapping keys are not allowed", "found a tab character",
    "while scanning", "while parsing", "expected <block end>", "but found", "unacceptable character",
    "control characters are not allowed", "found duplicate anchor", "expected a single document",
    "could not determine a constructor", "found another document", "in \"<unicode string>\"", "found unexpected",
)


@dataclass(frozen=True)
class Explanation:
    """Where (0-based line and column in the front matter text), what, and what to do."""

    line: int
    column: int
    message: str
    hint: str
    other_line: int | None = None  # a second line the message names as '{other}'


def _mark(exc, name: str):
    return getattr(exc, name, None)


def _quoted_line(line: str) -> str | None:
    """'titel: Gent: een stad' -> 'titel: "Gent: een stad"' (None when the line is not 'key: value')."""
    match = _KEY_LINE.match(line)
    if not match or not match.group("value"):
        return None
    value = match.group("value").strip().replace("\\", "\\\\").replace('"', '\\"')
    return f'{match.group("indent")}{match.group("dash") or ""}{match.group("key")}: "{value}"'


def _quote_hint(line: str, extra: str = "") -> str:
    """'<extra> Zet de hele waarde tussen aanhalingstekens: titel: "..."' (the example only for a short line)."""
    example = _quoted_line(line)
    hint = f"{QUOTE_HINT}: {example.strip()}" if example and len(example) <= 160 else f"{QUOTE_HINT}."
    return (extra + " " if extra else "") + hint


def _key_of(line: str) -> str | None:
    match = _KEY_LINE.match(line)
    return match.group("key").strip() if match else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous_content_line(lines: list[str], index: int) -> int | None:
    for number in range(index - 1, -1, -1):
        if lines[number].strip() and not lines[number].lstrip().startswith("#"):
            return number
    return None


def _last_scalar_before(text: str, line: int, column: int):
    """The last scalar token of the pure-Python scanner that starts before (line, column), or None."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            start = token.start_mark
            if (start.line, start.column) >= (line, column):
                break
            if isinstance(token, yaml.ScalarToken):
                last = token
    except yaml.YAMLError:
        pass
    return last


def _unclosed_quote(text: str, line: int, column: int) -> Explanation | None:
    """A quoted value that runs over several lines up to the error: its closing quote is missing."""
    token = _last_scalar_before(text, line, column)
    if token is None or token.style not in ('"', "'") or token.end_mark.line == token.start_mark.line:
        return None
    start = token.start_mark
    quote = token.style
    return Explanation(start.line, start.column,
        f"het aanhalingsteken ({quote}) op regel {{line}} wordt niet gesloten op die regel; "
        f"alles tot het volgende {quote} (op regel {{other}}) wordt één waarde",
        f"Sluit de waarde af met {quote} op het einde van dezelfde regel. Staat er een {quote} in de tekst zelf, "
        "gebruik dan het andere soort aanhalingstekens rond de waarde (\"Gent's plan\" of 'het \"plan\"').",
        token.end_mark.line)


def _colon_in_value(lines: list[str], line: int, column: int) -> Explanation | None:
    text = lines[line] if line < len(lines) else ""
    before = text[:column]
    key = _key_of(text)
    first = before.find(":")
    if key is not None and 0 <= first < column and text[first + 1:column].strip():
        return Explanation(line, column,
            f"een dubbele punt (':') in de waarde van '{key}'",
            _quote_hint(text, "Zonder aanhalingstekens leest YAML 'tekst: tekst' als een nieuw veld."))
    return None


def _explain_mapping_values(lines: list[str], line: int, column: int) -> Explanation:
    """'mapping values are not allowed': a colon in a value, a field indented under a value, a missing ':' or space."""
    found = _colon_in_value(lines, line, column)
    if found:
        return found
    text = lines[line] if line < len(lines) else ""
    key = text[:column].strip().lstrip("-").strip() or "?"
    previous = _previous_content_line(lines, line)
    if previous is not None:
        above = lines[previous]
        above_key = _key_of(above)
        if above_key is None or not re.search(r":(\s|$)", above):
            if re.match(r"^\s*[^\s:]+:\S", above):
                return Explanation(previous, above.index(":") + 1,
                    f"na de dubbele punt op regel {{line}} ontbreekt een spatie",
                    f"Schrijf een spatie na de dubbele punt: '{above.strip().replace(':', ': ', 1)}'.")
            word = above.strip().split(" ", 1)
            example = f"{word[0]}: {word[1]}" if len(word) == 2 else f"{word[0]}: ..."
            return Explanation(previous, len(above) - len(above.lstrip()),
                f"op regel {{line}} ontbreekt de dubbele punt na de veldnaam",
                f"Schrijf 'veldnaam: waarde', bv. '{example}'.")
        if _indent(text) > _indent(above):
            return Explanation(line, _indent(text),
                f"'{key}' staat ingesprongen onder '{above_key}', dat al een waarde heeft",
                f"Is '{key}' een nieuw veld? Zet het dan precies onder '{above_key}' (dezelfde inspringing). "
                f"Hoort de tekst bij '{above_key}'? Zet die waarde dan tussen aanhalingstekens.")
    return Explanation(line, column, "een dubbele punt (':') op een plek waar geen veld kan beginnen",
                       _quote_hint(text, "Een dubbele punt gevolgd door een spatie begint een nieuw veld."))


def _explain_expected_key(text: str, lines: list[str], line: int, column: int) -> Explanation:
    """'did not find expected key' (block mapping): text after a quote, a stray '-', ']' or ':', bad indentation."""
    current = lines[line] if line < len(lines) else ""
    char = current[column:column + 1]
    token = _last_scalar_before(text, line, column)
    if token is not None and token.style in ('"', "'") and token.end_mark.line == line and token.end_mark.column <= column:
        return Explanation(line, column,
            f"tekst na het sluitende aanhalingsteken ({token.style}) op regel {{line}}",
            "Zet de hele waarde tussen aanhalingstekens, niet één woord. Staat er een aanhalingsteken in de tekst, "
            f"gebruik dan het andere soort rond de waarde: {_alternative_quotes(current)}")
    if char == "-":
        return Explanation(line, column,
            "een lijstelement ('-') op een plek waar een veld verwacht wordt",
            "Zet de '-' van één lijst precies onder elkaar, ingesprongen onder het veld waar de lijst bij hoort "
            "(bv. 'sdgs:' en daaronder '  - 11'). Een losse '-' zonder waarde kan weg.")
    if char in "]}":
        return Explanation(line, column, f"een '{char}' te veel",
                           f"Verwijder de '{char}' of zet de waarde tussen aanhalingstekens.")
    if char == ":":
        return Explanation(line, column, "een regel die met ':' begint: de veldnaam ontbreekt",
                           "Schrijf 'veldnaam: waarde', bv. 'titel: ...'.")
    key = _key_of(current)
    subject = f"'{key}'" if key else "regel {line}"
    return Explanation(line, column,
        f"{subject} staat op een inspringing die niet past bij de velden erboven",
        "Velden van hetzelfde blok staan precies onder elkaar; een veld van een lijstelement staat onder de "
        "eerste letter na '- '. Gebruik spaties, geen tabs.")


def _alternative_quotes(line: str) -> str:
    match = _KEY_LINE.match(line)
    if not match or not match.group("value"):
        return "\"Gent's plan\" of 'het \"plan\" van Gent'."
    value = match.group("value").strip()
    if "'" in value and '"' not in value:
        return f'{match.group("key")}: "{value}"'
    inner = value.replace("'", "''")
    return f"{match.group('key')}: '{inner}'"


def _tab_or_character(lines: list[str], line: int, column: int) -> Explanation:
    current = lines[line] if line < len(lines) else ""
    char = current[column:column + 1]
    if char == "\t" or "\t" in current[:column + 1]:
        return Explanation(line, current.find("\t") if "\t" in current else column,
            "een tab-teken op regel {line}",
            "YAML springt in met spaties, nooit met tabs: vervang de tab door spaties (twee per niveau). "
            "In de meeste editors: 'Tabs omzetten naar spaties'.")
    shown = char if char.strip() else "dit teken"
    return Explanation(line, column, f"een waarde die begint met '{shown}'",
        _quote_hint(current, f"'{shown}' mag in YAML niet vooraan in een waarde zonder aanhalingstekens."))


def _special_start(lines: list[str], line: int, column: int, char: str, what: str) -> Explanation:
    current = lines[line] if line < len(lines) else ""
    return Explanation(line, column, f"een waarde die begint met '{char}'",
                       _quote_hint(current, f"YAML leest '{char}' vooraan in een waarde als {what}."))


def _position(exc) -> tuple[int, int]:
    mark = _mark(exc, "problem_mark") or _mark(exc, "context_mark")
    return (mark.line, mark.column) if mark else (0, 0)


def _from_index(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n"), index - (before.rfind("\n") + 1)


def explain(exc: yaml.YAMLError, text: str) -> Explanation:
    """A Dutch explanation of ``exc``, raised while parsing the front matter ``text``.

    ``{line}`` in the message stands for the file line of the explanation's own
    position, ``{other}`` for the file line of ``other_line``: :func:`format_message`
    fills both in.
    """
    lines = text.split("\n")
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = _from_index(text, exc.position)
        code = f"U+{exc.character:04X}" if isinstance(exc.character, int) else "?"
        return Explanation(line, column, f"een onzichtbaar stuurteken ({code}) op regel {{line}}",
            "Verwijder het teken (het komt vaak mee bij kopiëren uit een ander programma); typ de tekst desnoods opnieuw.")
    problem = (getattr(exc, "problem", None) or "").strip()
    context = (getattr(exc, "context", None) or "").strip()
    line, column = _position(exc)
    context_mark = _mark(exc, "context_mark")

    if problem.startswith("found unexpected end of stream") and "quoted scalar" in context and context_mark:
        quote = lines[context_mark.line][context_mark.column:context_mark.column + 1] or '"'
        return Explanation(context_mark.line, context_mark.column,
            f"het aanhalingsteken ({quote}) op regel {{line}} wordt nergens gesloten",
            f"Sluit de waarde af met {quote} op het einde van de regel. Staat er een {quote} in de tekst zelf, "
            "gebruik dan het andere soort aanhalingstekens rond de waarde (\"Gent's plan\" of 'het \"plan\"').")
    unclosed = _unclosed_quote(text, line, column) if problem else None
    if unclosed and not problem.startswith("found unknown escape"):
        return unclosed
    if problem.startswith("mapping values are not allowed"):
        return _explain_mapping_values(lines, line, column)
    if problem.startswith("could not find expected ':'") and context_mark:
        current = lines[context_mark.line]
        previous = _previous_content_line(lines, context_mark.line)
        above = lines[previous].rstrip() if previous is not None else ""
        if re.search(r":\s*[|>][-+]?\d?$", above):
            return Explanation(context_mark.line, context_mark.column,
                "de tekst op regel {line} hoort bij het veld erboven, maar is niet ingesprongen",
                "Spring elke regel van een tekst na '|' of '>' in met twee spaties.")
        missing_space = re.match(r"^\s*(-\s+)?([^\s:]+):(\S.*)$", current)
        if missing_space:
            return Explanation(context_mark.line, current.index(":") + 1,
                "na de dubbele punt op regel {line} ontbreekt een spatie",
                f"Schrijf een spatie na de dubbele punt: '{missing_space.group(2)}: {missing_space.group(3)}'.")
        words = current.strip().split(" ", 1)
        example = f"{words[0]}: {words[1]}" if len(words) == 2 else f"{words[0]}: ..."
        return Explanation(context_mark.line, context_mark.column,
            "op regel {line} ontbreekt de dubbele punt na de veldnaam",
            f"Schrijf 'veldnaam: waarde', bv. '{example}'. Hoort de regel bij de tekst erboven? "
            "Spring hem dan in en zet de tekst tussen aanhalingstekens.")
    if problem.startswith("did not find expected ',' or ']'") and context_mark:
        return Explanation(context_mark.line, context_mark.column,
            "de lijst die op regel {line} met '[' begint, wordt niet gesloten met ']'",
            "Schrijf de hele lijst op één regel met een komma tussen de waarden, bv. 'sdgs: [11, 12]'. "
            "Een waarde met ':' of ',' zet je tussen aanhalingstekens.")
    if problem.startswith("did not find expected ',' or '}'") and context_mark:
        return Explanation(context_mark.line, context_mark.column,
            "het blok dat op regel {line} met '{' begint, wordt niet gesloten met '}'",
            "Is het gewone tekst? Zet de waarde dan tussen aanhalingstekens (YAML leest '{' vooraan als een blok "
            "velden). Anders: sluit het blok op dezelfde regel, bv. '{organisatie: Gent, dienst: Milieu}'.")
    if problem.startswith("found unexpected ':'"):
        return Explanation(line, column, "een dubbele punt (':') in een waarde tussen '[' en ']' of '{' en '}'",
            "Zet die waarde tussen aanhalingstekens, bv. '{document: x, plaats: \"p. 1: inleiding\"}'.")
    if problem.startswith("did not find expected node content"):
        return Explanation(line, column, "een lege waarde tussen twee komma's",
                           "Verwijder de komma te veel, bv. '[11, 12]' in plaats van '[11,, 12]'.")
    if problem.startswith("found character") and "cannot start any token" in problem:
        return _tab_or_character(lines, line, column)
    if problem.startswith("found a tab character"):
        return _tab_or_character(lines, line, column)
    if problem.startswith("did not find expected key"):
        return _explain_expected_key(text, lines, line, column)
    if problem.startswith("did not find expected '-' indicator"):
        current = lines[line] if line < len(lines) else ""
        key = _key_of(current) or current.strip()
        return Explanation(line, column,
            f"'{key}' staat niet op dezelfde inspringing als de andere velden van dit lijstelement",
            "De velden van één lijstelement staan precies onder elkaar: onder de eerste letter na '- '.")
    if problem.startswith("block sequence entries are not allowed"):
        return Explanation(line, column, "een lijstelement ('- ') op dezelfde regel als de veldnaam",
            "Zet elk element op een eigen regel onder het veld ('sdgs:' en daaronder '  - 11'), of schrijf "
            "'sdgs: [11, 12]'. Begint een tekst met '- '? Zet hem tussen aanhalingstekens.")
    if problem.startswith("mapping keys are not allowed"):
        return _special_start(lines, line, column, "?", "een ingewikkelde veldnaam")
    if "while scanning an alias" in context or problem.startswith("found undefined alias"):
        return _special_start(lines, context_mark.line if context_mark else line,
                              context_mark.column if context_mark else column, "*", "een verwijzing naar een ander veld")
    if "while scanning an anchor" in context or problem.startswith("second occurrence") or "duplicate anchor" in context:
        return _special_start(lines, context_mark.line if context_mark else line,
                              context_mark.column if context_mark else column, "&", "een anker (een naam voor een verwijzing)")
    if "block scalar" in context:
        current = lines[context_mark.line] if context_mark else ""
        char = current[context_mark.column] if context_mark and context_mark.column < len(current) else "|"
        return Explanation(context_mark.line if context_mark else line, context_mark.column if context_mark else column,
            f"tekst na '{char}' op dezelfde regel",
            f"Na '{char}' begint een tekst over meerdere regels: zet de tekst op de volgende regels, twee spaties "
            f"ingesprongen. Bedoel je het teken '{char}' zelf? {_quote_hint(current)}")
    if problem.startswith("found unknown escape character") or "hexdecimal number" in problem:
        return Explanation(line, column, "een backslash (\\) tussen dubbele aanhalingstekens",
            "Tussen dubbele aanhalingstekens is \\ een speciaal teken. Gebruik enkele aanhalingstekens rond de "
            "waarde, of schrijf \\\\ voor één backslash.")
    if problem.startswith("but found another document") or problem.startswith("did not find expected <document start>"):
        return Explanation(line, column, "een regel '---' of '...' midden in de kop",
            "De kop staat tussen precies twee regels '---': verwijder de regel of zet de tekst tussen aanhalingstekens.")
    if problem.startswith("could not determine a constructor") or "tag" in problem:
        current = lines[line] if line < len(lines) else ""
        return Explanation(line, column, "een waarde die begint met '!' (een YAML-label)",
            _quote_hint(current, "YAML leest '!' vooraan in een waarde als een label; labels zijn niet toegelaten."))
    return Explanation(line, column, "de YAML-kop kan hier niet gelezen worden",
        "Controleer deze regel en de regel erboven: een dubbele punt en een spatie na elke veldnaam, spaties "
        "(geen tabs) om in te springen, en tekst met ':', '#', '[' of '{' tussen aanhalingstekens.")


def format_message(explanation: Explanation, offset: int) -> tuple[int, int, str, str]:
    """(file line, file column, 'ongeldige YAML: ...', hint) with the placeholders filled in (1-based)."""
    line = explanation.line + 1 + offset
    message = explanation.message.replace("{line}", str(line))
    if explanation.other_line is not None:
        message = message.replace("{other}", str(explanation.other_line + 1 + offset))
    return line, explanation.column + 1, f"ongeldige YAML: {message}.", explanation.hint


# ----------------------------------------------------- valid, but text lost --

def hidden_problems(text: str, meta: dict, positions: dict, offset: int) -> list[tuple[int, int, str, str, str, bool]]:
    """YAML that parses but drops text: (line, column, field, message, hint, is_error) per finding.

    ``positions`` maps value paths to 1-based file positions (as in
    :class:`~praktijkenbank.records.load.Record`), ``offset`` is the number of file
    lines before the front matter.
    """
    found = []
    lines = text.split("\n")
    if "&" in text:
        try:
            for token in yaml.scan(text, Loader=yaml.CSafeLoader):
                if isinstance(token, yaml.AnchorToken):
                    line, column = token.start_mark.line, token.start_mark.column
                    where = next((path for path, (at, _) in positions.items() if path and at == line + 1 + offset), None)
                    found.append((line + 1 + offset, column + 1, where,
                                  "een waarde die begint met '&': YAML leest '&woord' als een anker, en het woord valt weg.",
                                  _quote_hint(lines[line]), True))
                    break
        except yaml.YAMLError:
            pass
    if " #" in text or "\t#" in text:
        for path, (line, column) in positions.items():
            if not path or not isinstance(path[-1], str) or path[-1] not in _FREE_TEXT:
                continue
            value = _value_at(meta, path)
            source = lines[line - 1 - offset] if 0 <= line - 1 - offset < len(lines) else ""
            rest = source[column - 1:]
            if isinstance(value, str) and rest.startswith(value) and re.match(r"^\s+#", rest[len(value):]):
                found.append((line, column, path, "de tekst na '#' valt weg: YAML leest ' #' als het begin van commentaar.",
                              _quote_hint(source), False))

    return found


def not_a_mapping(what: str, text: str) -> tuple[str, str]:
    """Message and hint for a front matter that is empty, a list or a single value instead of fields."""
    message = f"de YAML-kop is {what}, geen reeks velden."
    if what == "leeg":
        return message, ("Schrijf de velden tussen de eerste twee regels '---', als 'veld: waarde' per regel. "
                         "Staat er een regel '---' te veel bovenaan? Verwijder die dan.")
    missing_space = re.search(r"^\s*([\w-]+):(\S.*)$", text, re.MULTILINE)
    if what == "een losse waarde" and missing_space:
        return message, (f"Schrijf een spatie na de dubbele punt: '{missing_space.group(1)}: {missing_space.group(2)}'.")
    return message, "Schrijf de kop als 'veld: waarde' per regel, bv. 'titel: ...'."


def _value_at(meta, path):
    node = meta
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node
