"""The model behind the SDG suggestions, built from the data files (one source of truth each).

* ``data/beleidsvelden.yaml``: the 142 BBC beleidsvelden, each with its SDGs (or marked
  instrumental), a reason and the framework it follows.
* ``data/sdg-woorden.yaml``: Dutch words per SDG target ('sterk', 'zwak'), the weights and the
  street-name endings.
* ``data/subdoelen.yaml``: the 169 Dutch targets; their distinctive words count too, lightly.
* ``data/sdgs.yaml``: the SDG names used in the reasons.
* ``data/sdg-woorden-geleerd.yaml``: words learned from labelled texts (``learn.py``), for an SDG.

:func:`build_model` returns plain JSON-able data. Python (``suggest.py``) and the browser
(``docs/assets/begroting/suggesties.js``, which gets this same dict as JSON from the build) run
the same algorithm on it. Words are split and stemmed by ``site.search_text`` (Snowball Dutch,
``dutch_porter``), whose browser twin ``docs/assets/zoeker/zoektaal.js`` the finder already uses.
"""

from __future__ import annotations

import re
from collections import Counter

import yaml

from ..records.vocab import DATA_DIR
from ..site.search_text import STOP_WORDS, stem, words

MIN_AFFIX = 4  # a word counts inside a longer word from this many letters on
MAX_NGRAM = 3  # word groups up to three words ('individuele behandeling afvalwater')
TARGET_TEXT_MIN_LENGTH = 8  # distinctive words of the target texts: stems of at least 8 letters ...
TARGET_TEXT_MAX_TARGETS = 2  # ... and in at most 2 of the 169 targets
LEARNED = "sdg-woorden-geleerd.yaml"  # made by learn.py from labelled texts
SECTION = ">"  # in a needle of _line_of: section>text


class ModelError(ValueError):
    """A data file of the suggestions is not as expected: ``path:line: message`` in Dutch."""


def _path(name: str) -> str:
    """The data file as a user names it: relative to the repository when it lies inside it."""
    path = DATA_DIR / name
    try:
        return str(path.relative_to(DATA_DIR.parents[2]))
    except ValueError:
        return str(path)


def _line_of(name: str, needles: tuple[str, ...]) -> int:
    """The first line of the data file with the first needle found (the most precise first); 1 when none is."""
    try:
        lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    for needle in needles:
        section, _, needle = needle.rpartition(SECTION)  # 'verwant:>"6.3"': the first '"6.3"' after 'verwant:'
        start = next((i for i, text in enumerate(lines) if text.startswith(section)), None) if section else 0
        for number, text in enumerate(lines[start or 0:], (start or 0) + 1):
            if start is not None and needle and needle in text:
                return number
    return 1


def _error(name: str, message: str, *needles: str) -> ModelError:
    """A ModelError naming the file and the line of the first needle found in it."""
    return ModelError(f"{_path(name)}:{_line_of(name, needles)}: {message}")


def _read(name: str):
    try:
        with open(DATA_DIR / name, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=yaml.CSafeLoader)
    except OSError as exc:
        raise ModelError(f"{_path(name)}: kan het bestand niet lezen ({exc.strerror or exc}); "
                         "haal het terug uit git (git checkout -- het bestand)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "1"
        problem = getattr(exc, "problem", None) or "geen geldige YAML"
        raise ModelError(f"{_path(name)}:{where}: geen geldige YAML ({problem}); kijk na of haakjes, "
                         "aanhalingstekens en inspringing kloppen") from None


def _sdg_of(target: str) -> int:
    return int(target.split(".")[0])


def term_key(text: str) -> tuple[str, list[str]]:
    """The key of a vocabulary entry (its stems joined by spaces) and its words."""
    found = words(text)
    return " ".join(stem(w) for w in found), found


def build_model() -> dict:
    """The suggestion model as plain data (the browser gets it as JSON). A data file that is not as
    expected gives a ModelError naming the file and line, never another exception."""
    where = ["sdg-woorden.yaml"]
    try:
        return _build(where)
    except ModelError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
        missing = f"'{exc.args[0]}' ontbreekt" if isinstance(exc, KeyError) and exc.args else "onverwachte vorm"
        raise _error(where[0], f"{missing}; vergelijk met de uitleg bovenaan het bestand "
                               "(of haal het terug uit git)", *where[1:]) from None


def _build(where: list[str]) -> dict:
    vocab = _read("sdg-woorden.yaml")
    fields = _read("beleidsvelden.yaml")
    targets = _read("subdoelen.yaml")
    sdgs = _read("sdgs.yaml")
    weights = vocab["gewichten"]
    # SDG-level entries ('12': a learned word points to an SDG, not a target) sort before its targets
    order = {key: i for i, key in enumerate(k for n in range(1, 18)
                                            for k in [str(n), *(t for t in targets if t.split(".")[0] == str(n))])}

    terms: dict[str, dict[str, float]] = {}
    prefixes: dict[str, str] = {}

    def add(key: str, target: str, weight: float) -> None:
        per_target = terms.setdefault(key, {})
        per_target[target] = max(per_target.get(target, 0.0), weight)

    for target, entry in vocab["woorden"].items():
        where[:] = ["sdg-woorden.yaml", f'"{target}":', "woorden:"]
        if target not in targets:
            raise _error("sdg-woorden.yaml", f"subdoel '{target}' bestaat niet (zie subdoelen.yaml)", f'"{target}":')
        for strength in ("sterk", "zwak"):
            for word in entry.get(strength) or []:
                key, found = term_key(str(word))
                if not found or len(found) > MAX_NGRAM:
                    raise _error("sdg-woorden.yaml", f"subdoel {target}, '{word}': schrijf 1 tot {MAX_NGRAM} gewone woorden",
                                 str(word), f'"{target}":')
                add(key, target, float(weights[strength]))
                if len(found) == 1:
                    for form in (found[0], key):
                        if len(form) >= MIN_AFFIX:
                            prefixes.setdefault(form, key)

    # Related targets: a word of one target also counts, with a factor, for the related ones.
    for target, related in (vocab.get("verwant") or {}).items():
        for other in [target, *related]:
            if other not in targets:
                raise _error("sdg-woorden.yaml", f"verwant: subdoel '{other}' bestaat niet (zie subdoelen.yaml)",
                             f'verwant:>"{target}"', "verwant:")
    for per_target in terms.values():
        for target, weight in list(per_target.items()):
            for other, factor in (vocab.get("verwant") or {}).get(target, {}).items():
                if other not in per_target:
                    per_target[other] = round(weight * float(factor), 4)

    # Distinctive words of the Dutch target texts, exact matches only (no prefixes).
    excluded = {stem(w) for w in vocab.get("niet_uit_subdoelteksten") or []}
    stems_per_target = {t: {stem(w) for w in words(text)
                            if len(stem(w)) >= TARGET_TEXT_MIN_LENGTH and not re.search(r"\d", w)}
                        for t, text in targets.items()}
    spread = Counter(s for found in stems_per_target.values() for s in found)
    for target, found in stems_per_target.items():
        for key in sorted(found):
            if spread[key] <= TARGET_TEXT_MAX_TARGETS and key not in excluded:
                add(key, target, float(weights["subdoeltekst"]))

    # Learned words (learn.py): exact stems, for an SDG; the hand-made list wins.
    where[:] = [LEARNED, "stammen:"]
    for key, per_sdg in (_read(LEARNED).get("stammen") or {}).items():
        where[1:] = [f"  {key}:", "stammen:"]
        if key in terms:
            continue
        for sdg, weight in per_sdg.items():
            if not 1 <= int(sdg) <= 17:
                raise _error(LEARNED, f"stam '{key}': SDG {sdg} bestaat niet; maak het bestand opnieuw "
                                 "met 'python -m praktijkenbank.budget.learn'", f"  {key}:", "stammen:")
            add(str(key), str(int(sdg)), float(weight))

    rows = {}
    where[:] = ["beleidsvelden.yaml", "beleidsvelden:"]
    for row in fields["beleidsvelden"]:
        where[1:] = [f'code: "{row.get("code")}"', "beleidsvelden:"]
        code = str(row["code"])
        if code in rows:
            raise _error("beleidsvelden.yaml", f"beleidsveld {code} staat er twee keer in", f"code: \"{code}\"", code)
        for target in row.get("subdoelen") or []:
            if target not in targets or _sdg_of(target) not in row.get("sdgs", []):
                raise _error("beleidsvelden.yaml", f"beleidsveld {code}: subdoel '{target}' bestaat niet "
                             "of hoort niet bij een SDG van de rij", f"code: \"{code}\"", code)
        rows[code] = {"naam": row["naam"], "sdgs": list(row.get("sdgs") or []),
                      "subdoelen": list(row.get("subdoelen") or []), "reden": row["reden"]}

    where[:] = ["sdg-woorden.yaml", "terugval:"]
    fallback = vocab["terugval"]

    def rules_of(kind: str) -> list[dict]:
        out = []
        for rule in fallback[kind]:
            if not 1 <= int(rule["sdg"]) <= 17:
                raise _error("sdg-woorden.yaml", f"terugval, {kind}: SDG {rule['sdg']} bestaat niet",
                             f"terugval:>sdg: {rule['sdg']}")
            found = []
            for word in rule.get("woorden") or []:
                if len(words(str(word))) != 1:
                    raise _error("sdg-woorden.yaml", f"terugval, {kind}: '{word}': schrijf één gewoon woord",
                                 f"terugval:>{word}")
                found.extend(words(str(word)))
            out.append({"sdg": int(rule["sdg"]), "instrumenteel": bool(rule.get("instrumenteel")),
                        "woorden": sorted({w for w in found if len(w) >= MIN_AFFIX}),
                        "stammen": sorted({stem(w) for w in found}), "uitleg": str(rule["uitleg"])})
        return out

    rules, extra = rules_of("regels"), rules_of("aanvulling")
    if not rules or rules[-1]["woorden"]:
        raise _error("sdg-woorden.yaml", "terugval: de laatste regel heeft geen woorden (hij geldt als niets anders past)",
                     "terugval:")

    where[:] = ["sdg-woorden.yaml", "gewichten:"]
    return {
        "versie": 1,
        "velden": dict(weights["velden"]),
        "beleidsveld": list(weights["beleidsveld"]),
        "drempel": float(weights["drempel"]),
        "plafond": float(weights["plafond"]),
        "subdoel_aandeel": float(weights["subdoel_aandeel"]),
        "termen": {key: [[t, w] for t, w in sorted(per.items(), key=lambda item: order[item[0]])]
                   for key, per in sorted(terms.items())},
        "voorvoegsels": dict(sorted(prefixes.items())),
        "straatwoorden": list(vocab["straatwoorden"]),
        "sdgs": {str(e["nummer"]): e["naam"] for e in sdgs},
        "beleidsvelden": rows,
        "terugval": {"inleiding": str(fallback["inleiding"]), "regels": rules, "aanvulling": extra},
        "stopwoorden": sorted(STOP_WORDS),
    }
