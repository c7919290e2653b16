"""What the report builder needs from the bank: the indicators, the governments and their practices.

The same data for the site page (embedded as JSON) and the command line.
"""

from __future__ import annotations

from ..site.model import text_colour


def names(vocab) -> dict:
    """SDG and P names and colours (sdgs.yaml, vijf_p.yaml)."""
    return {
        "sdgs": [{"nummer": n, "naam": e["naam"], "kleur": e["kleur"], "tekstkleur": text_colour(e["kleur"])}
                 for n, e in vocab.sdgs.items()],
        "ps": [{"id": pid, "naam": e["naam"], "sdgs": list(e["sdgs"])} for pid, e in vocab.ps.items()],
    }


def governments(vocab) -> list[dict]:
    """Every municipality and the 5 provinces, as named in 'besturen' of a practice."""
    out = [{"naam": name, "provincie": vocab.provinces[e["provincie"]]["naam"]} for name, e in vocab.municipalities.items()]
    out.sort(key=lambda g: g["naam"].casefold())
    return out + [{"naam": f"Provincie {e['naam']}", "provincie": e["naam"]} for e in vocab.provinces.values()]


def catalogue(site: dict) -> list[dict]:
    """The indicators as the builder uses them (a subset of the open data), sorted by first SDG then title."""
    from ..site.opendata_indicators import indicator_record

    keep = ("slug", "titel", "set", "sdgs", "subdoelen", "eenheid", "richting", "frequentie", "waarde_bron", "doel_2030", "pad")
    records = [{k: r[k] for k in keep} for r in (indicator_record(v) for v in site.get("indicatoren", []))]
    for r in records:  # the target as text: JavaScript and Python then read the same digits
        goal = r["doel_2030"]
        if goal and goal.get("getal") is not None:
            goal["getal"] = repr(goal["getal"]) if isinstance(goal["getal"], float) else str(goal["getal"])
    records.sort(key=lambda r: (r["sdgs"][0] if r["sdgs"] else 99, r["titel"].casefold()))
    return records


def practices_by_government(site: dict) -> dict[str, list[dict]]:
    """{current name of a government: [{'titel', 'pad', 'sdgs'}]} from 'besturen' of every practice."""
    out: dict[str, list[dict]] = {}
    for view in site.get("praktijken", []):
        seen = set()
        for government in view["besturen"]:
            name = government["huidige_naam"]
            if name in seen:
                continue
            seen.add(name)
            out.setdefault(name, []).append({"titel": view["titel"], "pad": view["pad"],
                                             "sdgs": [t["nummer"] for t in view["sdgs"]]})
    return out


def load_site(folders, vocab, today=None) -> dict:
    """Load and model the records of the given folders (for the command line)."""
    from .. import load_practices
    from ..site import model

    records, _ = load_practices([f for f in folders if f.is_dir()])
    return model.build_site(records, vocab, today)
