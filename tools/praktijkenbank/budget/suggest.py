"""SDG suggestions for a budget line that carries no SDG: at most three, each with its reasons.

    model = load_model()
    suggest(model, {"beleidsveld": "0310",
                    "teksten": {"actie": "Rioleringswerken Kerkstraat", "actieplan": "", "doelstelling": ""}})
    -> [{"sdg": 6, "subdoel": "6.3", "score": 2.6, "redenen": ["beleidsveld 0310 ...", "het woord ..."]}]

The evidence, both from data files (see ``suggest_model``):

1. the beleidsveld, when the line has one: its SDGs from beleidsvelden.yaml (none for an
   instrumental one);
2. the words of the action, its action plan and its policy goal (weights per field, the action
   counts most), matched against sdg-woorden.yaml: a word counts when its stem is in the list, or
   when a listed word starts it ('rioleringswerken') or ends it ('buitenzwembad'); street names
   ('Kerkstraat') only count as a whole. Word groups count when their words follow each other.

Every contribution is added in the same order in both languages, so Python and
``docs/assets/begroting/suggesties.js`` give the same scores to the last bit; the shared
fixtures (tests/fixtures/begroting/suggesties.yaml) prove it.
"""

from __future__ import annotations

import math
from functools import lru_cache

from ..site.search_text import stem, words
from .suggest_model import build_model

FIELDS = ("actie", "actieplan", "doelstelling")
FIELD_PLACE = {"actie": "in de actie", "actieplan": "in het actieplan", "doelstelling": "in de beleidsdoelstelling"}
MAX_SUGGESTIONS = 3
MAX_WORDS_IN_REASON = 4
MAX_CACHE = 200_000


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The model, built once per process from the data files."""
    return build_model()


def round_score(value: float) -> float:
    """Three decimals, rounding halves up (as Math.round does in the browser)."""
    return math.floor(value * 1000 + 0.5) / 1000


def _caches(model: dict) -> dict:
    caches = model.get("_cache")
    if caches is None or len(caches["token"]) + len(caches["text"]) > MAX_CACHE:
        caches = model["_cache"] = {"token": {}, "text": {}}
    return caches


def token_terms(model: dict, token: str) -> list[str]:
    """The vocabulary keys one (lower-case) word stands for: its stem, or else the longest
    listed word it starts with (not for a street name) and the longest it ends with."""
    cache = _caches(model)["token"]
    if token in cache:
        return cache[token]
    terms = model["termen"]
    s = stem(token)
    if s in terms:
        found = [s]
    else:
        found = []
        street = any(token.endswith(w) and len(token) > len(w) for w in model["straatwoorden"])
        if not street:
            prefixes = model["voorvoegsels"]
            for end in range(len(token) - 1, 3, -1):
                key = prefixes.get(token[:end])
                if key is not None:
                    found.append(key)
                    break
        for start in range(1, len(s) - 3):
            tail = s[start:]
            if tail in terms and tail not in found:
                found.append(tail)
                break
    cache[token] = found
    return found


def analyse(model: dict, text: str) -> list[tuple[str, str]]:
    """(key, word as written) for every vocabulary entry found in ``text``, each key once,
    in order of first appearance; word groups after the word they start at."""
    cache = _caches(model)["text"]
    if text in cache:
        return cache[text]
    terms = model["termen"]
    tokens = words(text)
    stems = [stem(t) for t in tokens]
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        for key in token_terms(model, token):
            if key not in seen:
                seen.add(key)
                out.append((key, token))
        for n in (2, 3):
            if i + n <= len(tokens):
                key = " ".join(stems[i:i + n])
                if key in terms and key not in seen:
                    seen.add(key)
                    out.append((key, " ".join(tokens[i:i + n])))
    cache[text] = out
    return out


def _quote(found: list[str]) -> str:
    return ", ".join(f'"{w}"' for w in found[:MAX_WORDS_IN_REASON])


def suggest(model: dict, line: dict) -> list[dict]:
    """At most three SDG suggestions for ``line``, best first (see the module docstring)."""
    sdg_score: dict[int, float] = {}
    target_score: dict[int, dict[str, float]] = {}
    field_words: dict[tuple[int, str], list[str]] = {}
    field_target: dict[tuple[int, str], dict[str, float]] = {}
    field_order: list[tuple[int, str]] = []

    def credit(sdg: int, target: str | None, amount: float) -> None:
        sdg_score[sdg] = sdg_score.get(sdg, 0.0) + amount
        if target is not None:
            per = target_score.setdefault(sdg, {})
            per[target] = per.get(target, 0.0) + amount

    code = line.get("beleidsveld")
    row = model["beleidsvelden"].get(str(code)) if code else None
    if row:
        for i, sdg in enumerate(row["sdgs"]):
            weight = model["beleidsveld"][min(i, len(model["beleidsveld"]) - 1)]
            target = next((t for t in row["subdoelen"] if int(t.split(".")[0]) == sdg), None)
            credit(sdg, target, weight)

    texts = line.get("teksten") or {}
    for field in FIELDS:
        text = texts.get(field) or ""
        if not text.strip():
            continue
        factor = model["velden"][field]
        for key, written in analyse(model, text):
            for target, weight in model["termen"][key]:
                sdg = int(target.split(".")[0])
                amount = factor * weight
                credit(sdg, target, amount)
                slot = (sdg, field)
                if slot not in field_words:
                    field_words[slot] = []
                    field_target[slot] = {}
                    field_order.append(slot)
                if written not in field_words[slot]:
                    field_words[slot].append(written)
                per = field_target[slot]
                per[target] = per.get(target, 0.0) + amount

    ranked = sorted((s for s in sdg_score if sdg_score[s] >= model["drempel"]),
                    key=lambda s: (-sdg_score[s], s))[:MAX_SUGGESTIONS]
    out = []
    for sdg in ranked:
        name = model["sdgs"][str(sdg)]
        reasons = []
        if row and sdg in row["sdgs"]:
            reasons.append(f"beleidsveld {code} {row['naam']} hoort bij SDG {sdg} ({name}): {row['reden']}")
        for slot in field_order:
            if slot[0] != sdg:
                continue
            found = field_words[slot]
            best = _best(field_target[slot])
            verb = "wijzen" if len(found) > 1 else "wijst"
            noun = "de woorden" if len(found) > 1 else "het woord"
            reasons.append(f"{noun} {_quote(found)} {FIELD_PLACE[slot[1]]} {verb} naar subdoel {best} "
                           f"van SDG {sdg} ({name})")
        best = _best(target_score.get(sdg, {}))
        share = target_score.get(sdg, {}).get(best, 0.0) if best else 0.0
        out.append({"sdg": sdg,
                    "subdoel": best if best and share >= model["subdoel_aandeel"] * sdg_score[sdg] else None,
                    "score": round_score(sdg_score[sdg]),
                    "redenen": reasons})
    return out


def _best(per_target: dict[str, float]) -> str | None:
    """The target with the highest score; the first one reached wins a tie."""
    best, top = None, -1.0
    for target, value in per_target.items():
        if value > top:
            best, top = target, value
    return best
