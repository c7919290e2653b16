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
import re
from functools import lru_cache

from ..site.search_text import stem, words
from .suggest_model import build_model

FIELDS = ("actie", "actieplan", "doelstelling")
FIELD_PLACE = {"actie": "in de actie", "actieplan": "in het actieplan", "doelstelling": "in de beleidsdoelstelling"}
MAX_SUGGESTIONS = 3
MAX_WORDS_IN_REASON = 4
MAX_CACHE = 200_000
DIGITS = re.compile(r"[0-9]+")
BELEIDSVELD = re.compile(r"\s*([0-9]{1,4})(?![0-9])")


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The model, built once per process from the data files."""
    return build_model()


def round_score(value: float) -> float:
    """Three decimals, rounding halves up (as Math.round does in the browser)."""
    return math.floor(value * 1000 + 0.5) / 1000


def _state(model: dict) -> dict:
    """Per model: the caches and the first words of word groups (never part of the JSON)."""
    state = model.get("_state")
    if state is None or len(state["token"]) + len(state["text"]) + len(state["prior"]) > MAX_CACHE:
        starts = {key.split(" ")[0] for key in model["termen"] if " " in key}
        state = model["_state"] = {"token": {}, "text": {}, "starts": starts, "sdg": {}, "prior": {}}
    return state


def token_terms(model: dict, token: str) -> tuple[str, list[str]]:
    """The stem of one (lower-case) word and the vocabulary keys it stands for: its stem, or else
    the longest listed word it starts with (not for a street name) and the longest it ends with."""
    cache = _state(model)["token"]
    found = cache.get(token)
    if found is not None:
        return found
    terms = model["termen"]
    s = token if DIGITS.fullmatch(token) else stem(token)
    keys = []
    if s in terms:
        keys.append(s)
    elif not DIGITS.fullmatch(token):
        street = any(token.endswith(w) and len(token) > len(w) for w in model["straatwoorden"])
        if not street:
            prefixes = model["voorvoegsels"]
            for end in range(len(token) - 1, 3, -1):
                key = prefixes.get(token[:end])
                if key is not None:
                    keys.append(key)
                    break
        for start in range(1, len(s) - 3):
            tail = s[start:]
            if tail in terms and tail not in keys:
                keys.append(tail)
                break
    cache[token] = (s, keys)
    return s, keys


def analyse(model: dict, text: str) -> list[tuple[str, str]]:
    """(key, word as written) for every vocabulary entry found in ``text``, each key once,
    in order of first appearance; word groups after the word they start at."""
    terms = model["termen"]
    state = _state(model)
    starts, cache = state["starts"], state["token"]
    tokens = words(text)
    found = [cache.get(t) or token_terms(model, t) for t in tokens]
    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for i, token in enumerate(tokens):
        for key in found[i][1]:
            if key not in seen:
                seen.add(key)
                out.append((key, token))
        if found[i][0] in starts:
            for n in (2, 3):
                if i + n <= len(tokens):
                    key = " ".join(f[0] for f in found[i:i + n])
                    if key in terms and key not in seen:
                        seen.add(key)
                        out.append((key, " ".join(tokens[i:i + n])))
    return out


def evidence(model: dict, text: str) -> list[list]:
    """Per SDG the words of ``text`` point to, in order of first appearance:
    [sdg, summed word weight, words as written, {target: summed weight}, {field: reason}]."""
    cache = _state(model)["text"]
    found = cache.get(text)
    if found is not None:
        return found
    sdg_of = _state(model)["sdg"]
    per_sdg: dict[int, list] = {}
    for key, written in analyse(model, text):
        for target, weight in model["termen"][key]:
            sdg = sdg_of.get(target)
            if sdg is None:
                sdg = sdg_of[target] = int(target.split(".")[0])
            entry = per_sdg.get(sdg)
            if entry is None:
                entry = per_sdg[sdg] = [sdg, 0.0, [], {}, {}]
            entry[1] += weight
            if written not in entry[2]:
                entry[2].append(written)
            entry[3][target] = entry[3].get(target, 0.0) + weight
    found = cache[text] = list(per_sdg.values())
    return found


def beleidsveld_code(value) -> str | None:
    """The four-digit code of a beleidsveld as files write it: '0310', 310, '310', '0310 Beheer van ...'."""
    found = BELEIDSVELD.match(str(value)) if value is not None else None
    return found.group(1).zfill(4) if found else None


def _quote(found: list[str]) -> str:
    return ", ".join(f'"{w}"' for w in found[:MAX_WORDS_IN_REASON])


def suggest(model: dict, line: dict) -> list[dict]:
    """At most three SDG suggestions for ``line``, best first (see the module docstring)."""
    sdg_score: dict[int, float] = {}
    target_score: dict[int, dict[str, float]] = {}
    slots: list[tuple[str, list]] = []  # (field, evidence entry), in order

    code = beleidsveld_code(line.get("beleidsveld"))
    row = model["beleidsvelden"].get(code) if code else None
    if row:
        for i, sdg in enumerate(row["sdgs"]):
            weight = model["beleidsveld"][min(i, len(model["beleidsveld"]) - 1)]
            sdg_score[sdg] = sdg_score.get(sdg, 0.0) + weight
            target = next((t for t in row["subdoelen"] if int(t.split(".")[0]) == sdg), None)
            if target is not None:
                target_score.setdefault(sdg, {})[target] = weight

    texts = line.get("teksten") or {}
    ceiling = model["plafond"]
    for field in FIELDS:
        text = texts.get(field) or ""
        if not text.strip():
            continue
        factor = model["velden"][field]
        for entry in evidence(model, text):
            sdg, raw, _, targets, _ = entry
            slots.append((field, entry))
            # The action plan and the goal count for an SDG up to a ceiling: the many words of a
            # long goal cannot outweigh the action itself.
            sdg_score[sdg] = sdg_score.get(sdg, 0.0) + factor * (raw if field == "actie" else min(raw, ceiling))
            per = target_score.setdefault(sdg, {})
            for target, weight in targets.items():
                per[target] = per.get(target, 0.0) + factor * weight

    ranked = sorted((s for s in sdg_score if sdg_score[s] >= model["drempel"]),
                    key=lambda s: (-sdg_score[s], s))[:MAX_SUGGESTIONS]
    if not ranked:
        return [fallback(model, texts, code, row)]
    out = []
    for sdg in ranked:
        name = model["sdgs"][str(sdg)]
        reasons = []
        if row and sdg in row["sdgs"]:
            reasons.append(f"beleidsveld {code} {row['naam']} hoort bij SDG {sdg} ({name}): {row['reden']}")
        for field, entry in slots:
            if entry[0] == sdg:
                reasons.append(_word_reason(model, field, entry))
        per = {t: v for t, v in target_score.get(sdg, {}).items() if "." in t}
        best = _best(per)
        share = per.get(best, 0.0) if best else 0.0
        out.append({"sdg": sdg,
                    "subdoel": best if best and share >= model["subdoel_aandeel"] * sdg_score[sdg] else None,
                    "score": round_score(sdg_score[sdg]),
                    "redenen": reasons})
    if len(out) < MAX_SUGGESTIONS:
        complement(model, texts, out)
    return out


def _word_reason(model: dict, field: str, entry: list) -> str:
    """The reason of one field for one SDG (kept with the cached evidence of the text)."""
    made = entry[4].get(field)
    if made is None:
        sdg, found, target = entry[0], entry[2], _best(entry[3])
        many = len(found) > 1
        where = f"subdoel {target} van SDG {sdg}" if "." in target else f"SDG {sdg}"
        made = entry[4][field] = (f"{'de woorden' if many else 'het woord'} {_quote(found)} {FIELD_PLACE[field]} "
                                  f"{'wijzen' if many else 'wijst'} naar {where} ({model['sdgs'][str(sdg)]})")
    return made


def _best(per_target: dict[str, float]) -> str | None:
    """The target with the highest score; the first one reached wins a tie."""
    best, top = None, -1.0
    for target, value in per_target.items():
        if value > top:
            best, top = target, value
    return best


def fallback(model: dict, texts: dict, code: str | None, row: dict | None) -> dict:
    """The one suggestion of a line whose words point to no SDG: the first rule of 'terugval' with a
    word in the texts (the action first), else the rule for an instrumental beleidsveld when the line
    has one, else the last rule; score 0 and a reason that says plainly how weak it is."""
    rules = model["terugval"]["regels"]
    chosen, found = None, None
    for field in FIELDS:
        for i, token in _rule_words(model, "regels", texts.get(field) or ""):
            if chosen is None or i < chosen:
                chosen, found = i, (field, token)
        if chosen is not None:
            break
    instrumental = bool(row) and not row["sdgs"]
    if chosen is None:
        chosen = next((i for i, rule in enumerate(rules) if instrumental and rule["instrumenteel"]), len(rules) - 1)
    rule = rules[chosen]
    reasons = []
    if instrumental:
        reasons.append(f"beleidsveld {code} {row['naam']} is instrumenteel, zonder eigen SDG: {row['reden']}")
    lead = model["terugval"]["inleiding"]
    if found:
        reasons.append(f'{lead}; het woord "{found[1]}" {FIELD_PLACE[found[0]]}: {rule["uitleg"]}')
    else:
        reasons.append(f"{lead}; {rule['uitleg']}")
    return {"sdg": rule["sdg"], "subdoel": None, "score": 0.0, "redenen": reasons}


def _rule_words(model: dict, kind: str, text: str) -> list[tuple[int, str]]:
    """(rule number, word as written) for the first word of ``text`` that each rule of
    ``model["terugval"][kind]`` knows: its stem is one of the rule's stems, or it starts with one of
    the rule's words."""
    if not text.strip():
        return []
    cache = _state(model)["prior"]
    found = cache.get((kind, text))
    if found is not None:
        return found
    found = []
    tokens = words(text)
    for i, rule in enumerate(model["terugval"][kind]):
        for token in tokens:
            if stem(token) in rule["stammen"] or any(token.startswith(w) for w in rule["woorden"]):
                found.append((i, token))
                break
    cache[(kind, text)] = found
    return found


def complement(model: dict, texts: dict, out: list[dict]) -> None:
    """Room for the usual SDG: when there are fewer than three suggestions, each rule of
    'aanvulling' with a word in the action (else the action plan) adds its SDG, if it is not
    there yet, with score 0 and a reason that says how weak it is."""
    for field in FIELDS[:2]:
        hits = _rule_words(model, "aanvulling", texts.get(field) or "")
        for i, token in hits:
            rule = model["terugval"]["aanvulling"][i]
            if len(out) < MAX_SUGGESTIONS and all(item["sdg"] != rule["sdg"] for item in out):
                out.append({"sdg": rule["sdg"], "subdoel": None, "score": 0.0,
                            "redenen": [f'het woord "{token}" {FIELD_PLACE[field]}: {rule["uitleg"]}']})
        if hits:
            break
