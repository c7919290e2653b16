"""The report: inputs in, figures and blocks (headings, paragraphs, tables, lists) out.

Twin of ``docs/assets/rapport/model.js``: the same inputs (the saved .json file of the
builder) give the same dict, compared as JSON in tests/test_rapport.py. The renderers
(:mod:`uitvoer` here, ``weergave.js`` and ``docx.js`` in the browser) only lay out blocks.

inputs: {'bestuur', 'vorm' ('hoofdstuk' | 'vlr'), 'datum' (JJJJ-MM-DD), 'indicatoren' [slug],
'waarden' {slug: {jaar: tekst}}, 'doelen' {slug: tekst}, 'begroting' (invoer.read_budget) or None,
'projecten' [{'titel', 'sdgs': [{'nr', 'effect'}]}], 'teksten' {p: tekst}}.
"""

from __future__ import annotations

from .getallen import euro_text, format_number, parse_number, per_mille_text

EVOLUTION = {"beter": "verbetert", "slechter": "verslechtert", "gelijk": "blijft gelijk", "stijgt": "stijgt",
             "daalt": "daalt", "een": "één meting", "geen": "nog geen meting"}


def _signed(value: int, decimals: int) -> str:
    return ("+" if value > 0 else "") + format_number(value, decimals)


def indicator_row(item: dict, values: dict, own_goal) -> dict:
    series = []
    for year, text in values.items():
        parsed = parse_number(text)
        if parsed is not None and str(year).isdigit():
            series.append((int(year), parsed))
    series.sort()
    goal = parse_number(own_goal) if own_goal not in (None, "") else None
    target = item.get("doel_2030") or None
    if goal is None and target and target.get("getal") is not None:
        goal = parse_number(target["getal"])
    decimals = max([p[1] for _, p in series] + ([goal[1]] if goal else []) + [0])
    direction = item.get("richting") or "geen"
    row = {"slug": item["slug"], "titel": item["titel"], "eenheid": item.get("eenheid", ""), "richting": direction,
           "sdgs": list(item.get("sdgs", [])), "pad": item.get("pad", ""),
           "reeks": [{"jaar": y, "tekst": format_number(p[0], decimals)} for y, p in series],
           "eerste": None, "laatste": None, "verschil": "", "evolutie": "geen" if not series else "een",
           "doel": None}
    if series:
        row["eerste"] = {"jaar": series[0][0], "tekst": format_number(series[0][1][0], decimals)}
        row["laatste"] = {"jaar": series[-1][0], "tekst": format_number(series[-1][1][0], decimals)}
    if len(series) > 1:
        diff = series[-1][1][0] - series[0][1][0]
        row["verschil"] = _signed(diff, decimals)
        if diff == 0:
            row["evolutie"] = "gelijk"
        elif direction == "hoger":
            row["evolutie"] = "beter" if diff > 0 else "slechter"
        elif direction == "lager":
            row["evolutie"] = "beter" if diff < 0 else "slechter"
        else:
            row["evolutie"] = "stijgt" if diff > 0 else "daalt"
    if goal is not None or target:
        own = own_goal not in (None, "") and goal is not None
        doel = {"tekst": ("Eigen doel: " + format_number(goal[0], decimals)) if own else (target or {}).get("waarde", ""),
                "eigen": own, "getal": format_number(goal[0], decimals) if goal else "", "afstand": "", "bereikt": None}
        if goal is not None and series:
            last = series[-1][1][0]
            reached = (last >= goal[0]) if direction == "hoger" else (last <= goal[0]) if direction == "lager" else last == goal[0]
            doel["bereikt"] = reached
            doel["afstand"] = "bereikt" if reached else _signed(goal[0] - last, decimals)
        row["doel"] = doel
    return row


def build(inputs: dict, catalogue: list[dict], practices: list[dict], names: dict) -> dict:
    """The report as data. ``catalogue``: indicator records (open data); ``practices``:
    [{'titel', 'pad', 'sdgs'}] of this government; ``names``: {'sdgs': [{'nummer', 'naam'}], 'ps': [{'id', 'naam', 'sdgs'}]}."""
    by_slug = {item["slug"]: item for item in catalogue}
    chosen = [s for s in dict.fromkeys(inputs.get("indicatoren") or []) if s in by_slug]
    values, goals = inputs.get("waarden") or {}, inputs.get("doelen") or {}
    rows = [indicator_row(by_slug[s], values.get(s) or {}, goals.get(s)) for s in chosen]
    budget = inputs.get("begroting") or None
    projects = inputs.get("projecten") or []
    texts = inputs.get("teksten") or {}
    sdgs = []
    for entry in names["sdgs"]:
        n = entry["nummer"]
        share = (budget or {}).get("sdgs", {}).get(str(n)) if budget else None
        own = [r for r in rows if n in r["sdgs"]]
        sdgs.append({
            "nummer": n, "naam": entry["naam"],
            "aandeel": share["promille"] if share else None,
            "aandeel_tekst": per_mille_text(share["promille"]) if share else "",
            "bedrag_tekst": euro_text(share["bedrag"]) if share else "",
            "indicatoren": [r["slug"] for r in own],
            "beter": sum(1 for r in own if r["evolutie"] == "beter"),
            "slechter": sum(1 for r in own if r["evolutie"] == "slechter"),
            "projecten": [{"titel": p["titel"], "effect": s["effect"]} for p in projects for s in p["sdgs"] if s["nr"] == n],
            "praktijken": [{"titel": p["titel"], "pad": p["pad"]} for p in practices if n in p.get("sdgs", [])],
        })
    ps = [{"id": p["id"], "naam": p["naam"], "sdgs": list(p["sdgs"]), "tekst": (texts.get(p["id"]) or "").strip(),
           "aandeel_tekst": per_mille_text(budget["ps"][p["id"]]["promille"]) if budget and p["id"] in budget.get("ps", {}) else ""}
          for p in names["ps"]]
    totals = (budget or {}).get("totalen", {})
    selection = (budget or {}).get("selectie", {})
    return {
        "vorm": inputs.get("vorm") if inputs.get("vorm") in ("hoofdstuk", "vlr") else "hoofdstuk",
        "bestuur": (inputs.get("bestuur") or "").strip() or "ons bestuur",
        "jaar": int(str(inputs.get("datum") or "2026")[:4]),
        "indicatoren": rows,
        "sdgs": sdgs,
        "ps": ps,
        "begroting": {
            "jaren": selection.get("jaren", ""), "soort": selection.get("soort", ""),
            "totaal": euro_text(totals["totaal"]["bedrag"]) if "totaal" in totals else "",
            "gecodeerd_aandeel": per_mille_text(totals["gecodeerd"]["promille"]) if "gecodeerd" in totals else "",
        } if budget else None,
        "projecten": [{"titel": p["titel"],
                       "positief": [s["nr"] for s in p["sdgs"] if s["effect"] == "positief"],
                       "negatief": [s["nr"] for s in p["sdgs"] if s["effect"] == "negatief"]} for p in projects],
        "praktijken": [{"titel": p["titel"], "pad": p["pad"], "sdgs": list(p.get("sdgs", []))} for p in practices],
        "bronnen": _sources(rows, by_slug),
    }


def _sources(rows: list[dict], by_slug: dict) -> list[dict]:
    out, seen = [], set()
    for row in rows:
        source = by_slug[row["slug"]].get("waarde_bron") or {}
        if source.get("url") and source["url"] not in seen:
            seen.add(source["url"])
            out.append({"tekst": f"{source.get('titel', '')}, {source.get('uitgever', '')}", "url": source["url"],
                        "uitgever": source.get("uitgever", "")})
    return out
