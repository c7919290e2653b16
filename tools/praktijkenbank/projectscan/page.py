"""SDG-projectscan: the page ``projectscan/`` (see README, "SDG-projectscan").

Pure functions, no MkDocs: the vocabularies (SDGs, themes, phases from
``data/*.yaml``) and ``data/projectscan.yaml`` in, the page Markdown out.

* :func:`load_data` reads ``data/projectscan.yaml``;
* :func:`check` lists what is wrong with it (Dutch, one line per problem);
* :func:`config` is everything the browser tool needs, embedded in the page as
  JSON: the JavaScript in ``docs/assets/projectscan/`` never keeps its own copy
  of a name, a colour or a label;
* :func:`page` renders ``templates/site/projectscan.md.j2``.

The MkDocs hook adds the page as a virtual file (``SRC_URI``).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from markupsafe import Markup

from ..site import model, render
from ..records.vocab import DATA_DIR, Vocab

SRC_URI = "projectscan/index.md"
PAGE_PATH = "projectscan/"
DATA_PATH = DATA_DIR / "projectscan.yaml"
FORMAT = "sdg-projectscan"  # "formaat" of a saved scan file (see assets/projectscan/scan-codec.js)
VERSION = 1
EFFECT_CODES = ["p", "n", "0", "?"]  # fixed: they are stored in links and files
SCALE = [3, 2, 1, 0, -1, -2, -3]
LIMIT_KEYS = ["titel", "omschrijving", "sdg", "mondiaal", "spillover", "spillovers", "lnob", "conclusie"]
SOURCES = ["icsu", "unsdg", "undp", "vvsg"]  # sources the page text relies on (ids in bronnen:)
ASSETS = ["scan-state.js", "scan-codec.js", "scan-csv.js", "scan-form.js", "scan-summary.js", "scan-paragraaf.js",
          "scan-print.js", "scan-app.js"]
# The answers of a scan that can fill a field of the SDG paragraph (sdg_paragraaf.velden; see scan-paragraaf.js).
PARAGRAPH_ANSWERS = ["titel", "sdgs_positief", "toelichting_positief", "sdgs_negatief", "toelichting_negatief",
                     "mondiaal", "niemand_achterlaten", "wisselwerkingen", "conclusie", "datum"]


class ScanDataError(ValueError):
    """data/projectscan.yaml is unusable; the message is Dutch and says what to fix."""


def load_data(path: Path | None = None) -> dict:
    path = DATA_PATH if path is None else path
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as error:
        raise ScanDataError(f"{_name(path)} kan niet gelezen worden: {error}") from None
    if not isinstance(data, dict):
        raise ScanDataError(f"{_name(path)} moet een YAML-mapping zijn (themas:, fasen:, ...).")
    return data


def _name(path: Path) -> str:
    return f"tools/praktijkenbank/data/{Path(path).name}"


# ------------------------------------------------------------------- check --

def _check_suggestions(kind: str, table, known: dict, vocab: Vocab) -> list[str]:
    problems = []
    if not isinstance(table, dict):
        return [f"{kind}: verwacht een mapping van id naar sdgs/subdoelen/waarom."]
    for tid in known:
        if tid not in table:
            problems.append(f"{kind}.{tid}: ontbreekt; geef de SDG's die de scan bij '{known[tid]['naam']}' voorstelt.")
    for tid, entry in table.items():
        where = f"{kind}.{tid}"
        if tid not in known:
            problems.append(f"{where}: '{tid}' staat niet in {kind}.yaml; verwijder het of voeg het daar toe.")
            continue
        if not isinstance(entry, dict):
            problems.append(f"{where}: verwacht sdgs, subdoelen en waarom.")
            continue
        sdgs = entry.get("sdgs")
        if not isinstance(sdgs, list) or not 1 <= len(sdgs) <= 4:
            problems.append(f"{where}.sdgs: geef 1 tot 4 SDG-nummers.")
        else:
            bad = [n for n in sdgs if type(n) is not int or n not in vocab.sdgs]
            for number in bad:
                problems.append(f"{where}.sdgs: {number!r} is geen SDG (1 tot 17).")
            if not bad and len(set(sdgs)) != len(sdgs):
                problems.append(f"{where}.sdgs: een SDG staat er twee keer in.")
        targets = entry.get("subdoelen", [])
        if not isinstance(targets, list):
            problems.append(f"{where}.subdoelen: geef een lijst, bv. [\"12.7\"] (of laat het veld weg).")
            targets = []
        for code in targets:
            if not isinstance(code, (str, int, float)) or str(code) not in vocab.targets:
                problems.append(f"{where}.subdoelen: '{code}' is geen subdoel (zie subdoelen.yaml); schrijf het als tekst, bv. \"12.7\".")
            elif isinstance(sdgs, list) and int(str(code).split(".")[0]) not in sdgs:
                problems.append(f"{where}.subdoelen: '{code}' hoort bij geen van de voorgestelde SDG's {sdgs}.")
        if not isinstance(entry.get("waarom"), str) or not entry["waarom"].strip():
            problems.append(f"{where}.waarom: schrijf in één zin waarom de scan deze SDG's voorstelt.")
    return problems


def _check_choices(where: str, items, required: list) -> list[str]:
    if not isinstance(items, list) or [i.get("code") if isinstance(i, dict) else None for i in items] != required:
        return [f"{where}: verwacht precies de codes {required} in die volgorde, elk met een naam."]
    return [f"{where}[{i}].naam ontbreekt." for i, item in enumerate(items) if not item.get("naam")]


SHAPE = {"themas": dict, "fasen": dict, "effecten": list, "mondiaal": dict, "interacties": list,
         "niemand_achterlaten": list, "limieten": dict, "bronnen": list}


def check(data: dict, vocab: Vocab) -> list[str]:
    """Every problem in ``data`` (projectscan.yaml), in Dutch; empty when it is usable."""
    wrong = [f"{key}: verwacht {'een mapping' if kind is dict else 'een lijst'}." for key, kind in SHAPE.items()
             if not isinstance(data.get(key), kind)]
    if wrong:
        return wrong
    problems = _check_suggestions("themas", data.get("themas"), vocab.themes, vocab)
    problems += _check_suggestions("fasen", data.get("fasen"), vocab.phases, vocab)
    problems += _check_choices("effecten", data.get("effecten"), EFFECT_CODES)
    global_ = data.get("mondiaal") or {}
    problems += _check_choices("mondiaal.keuzes", global_.get("keuzes"), EFFECT_CODES)
    if not global_.get("vraag"):
        problems.append("mondiaal.vraag ontbreekt.")
    hints = global_.get("hulpvragen")
    if not isinstance(hints, list) or not hints or not all(isinstance(h, str) and h.strip() for h in hints):
        problems.append("mondiaal.hulpvragen: geef een lijst met vragen die helpen om de mondiale reflex te maken.")
    scale = data.get("interacties")
    if [s.get("score") if isinstance(s, dict) else None for s in scale] != SCALE:
        problems.append(f"interacties: verwacht de scores {SCALE} in die volgorde (de schaal van de ICSU-gids).")
    elif not all(s.get("naam") and s.get("uitleg") for s in scale):
        problems.append("interacties: elke score heeft een naam en een uitleg.")
    factors = data.get("niemand_achterlaten")
    if len(factors) != 5 or \
            not all(isinstance(f, dict) and f.get("id") and f.get("naam") and f.get("vraag") for f in factors):
        problems.append("niemand_achterlaten: verwacht de vijf factoren, elk met id, naam en vraag.")
    limits = data["limieten"]
    for key in LIMIT_KEYS:
        if not isinstance(limits.get(key), int) or limits[key] < 1:
            problems.append(f"limieten.{key}: geef een positief geheel getal.")
    for index, source in enumerate(data["bronnen"]):
        if not isinstance(source, dict):
            problems.append(f"bronnen[{index}]: verwacht titel, uitgever, url, geraadpleegd en waarvoor.")
            continue
        missing = [k for k in ("id", "titel", "uitgever", "url", "geraadpleegd", "waarvoor") if not source.get(k)]
        if missing:
            problems.append(f"bronnen[{index}]: {', '.join(missing)} ontbreekt.")
        elif not render.safe_web_url(source["url"]):
            problems.append(f"bronnen[{index}].url: geef een http(s)-adres.")
    problems += _check_paragraph(data.get("sdg_paragraaf"))
    ids = [source.get("id") for source in data["bronnen"] if isinstance(source, dict)]
    for sid in SOURCES:
        if sid not in ids:
            problems.append(f"bronnen: de pagina verwijst naar de bron '{sid}'; geef ze met titel, uitgever, url en geraadpleegd.")
    return problems


def _check_paragraph(block) -> list[str]:
    """sdg_paragraaf (optional): a model text's slug, answers per field and texts for empty answers."""
    if block is None:
        return []
    if not isinstance(block, dict) or not isinstance(block.get("modeltekst"), str) \
            or not isinstance(block.get("velden"), dict) or not isinstance(block.get("leeg", {}), dict):
        return ["sdg_paragraaf: verwacht modeltekst (de bestandsnaam van de modeltekst), velden en leeg."]
    problems = [f"sdg_paragraaf.velden.{field}: '{answer}' is geen antwoord van de scan; kies uit "
                f"{', '.join(PARAGRAPH_ANSWERS)}." for field, answer in block["velden"].items()
                if answer not in PARAGRAPH_ANSWERS]
    problems += [f"sdg_paragraaf.leeg.{field}: dit veld staat niet in sdg_paragraaf.velden."
                 for field in block.get("leeg", {}) if field not in block["velden"]]
    return problems


def paragraph(data: dict, instruments: list[dict] | None) -> dict | None:
    """The SDG paragraph for the browser: the model text as blocks, the answer per field and the
    texts for empty answers; None without 'sdg_paragraaf' or when the model text is not in this build."""
    from ..records import modeltext
    from ..site import modeltext_files

    block = data.get("sdg_paragraaf")
    if not block:
        return None
    view = next((v for v in instruments or [] if v["slug"] == block["modeltekst"]), None)
    section = modeltext.text_section(view["body"]) if view else None
    if section is None:
        return None
    missing = [f for f in view["invulvelden"] if f not in block["velden"]]
    if missing:
        raise ScanDataError(f"{_name(DATA_PATH)} klopt niet: sdg_paragraaf.velden mist "
                            + ", ".join(f"'{f}'" for f in missing)
                            + f" (invulvelden van instruments/{view['slug']}.md). Zeg welk antwoord van de scan erin komt.")
    return {"blokken": modeltext_files.blocks(section[1]), "velden": dict(block["velden"]),
            "leeg": {k: (v or "") for k, v in (block.get("leeg") or {}).items()},
            "fiche": view["pad"], "titel": view["titel"]}


# ------------------------------------------------------------------ config --

def _suggestions(table: dict, known: dict) -> dict:
    return {tid: {"sdgs": list(table[tid]["sdgs"]), "subdoelen": [str(c) for c in table[tid].get("subdoelen") or []],
                  "waarom": table[tid]["waarom"].strip()} for tid in known}


def config(vocab: Vocab, data: dict, instruments: list[dict] | None = None) -> dict:
    """Everything the browser tool shows or stores, JSON-ready (see scan-state.js)."""
    return {
        "paragraaf": paragraph(data, instruments),
        "formaat": FORMAT,
        "versie": VERSION,
        "sdgs": [{"nr": n, "naam": e["naam"], "kleur": e["kleur"], "tekstkleur": model.text_colour(e["kleur"])}
                 for n, e in vocab.sdgs.items()],
        "themas": [{"id": tid, "naam": t["naam"]} for tid, t in vocab.themes.items()],
        "fasen": [{"id": fid, "naam": f["naam"]} for fid, f in vocab.phases.items()],
        "voorstellen": {"thema": _suggestions(data["themas"], vocab.themes),
                        "fase": _suggestions(data["fasen"], vocab.phases)},
        "effecten": [{"code": e["code"], "naam": e["naam"], "symbool": e.get("symbool") or e["code"]}
                     for e in data["effecten"]],
        "mondiaal": [{"code": c["code"], "naam": c["naam"]} for c in data["mondiaal"]["keuzes"]],
        "interacties": [{"score": s["score"], "naam": s["naam"]} for s in data["interacties"]],
        "lnob": [{"id": f["id"], "naam": f["naam"]} for f in data["niemand_achterlaten"]],
        "limieten": {key: data["limieten"][key] for key in LIMIT_KEYS},
    }


def config_json(cfg: dict) -> Markup:
    """JSON that is safe inside <script type="application/json"> (no '</script>', no '<!--')."""
    text = json.dumps(cfg, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# -------------------------------------------------------------------- page --

def page(vocab: Vocab, data: dict | None = None, use_directory_urls: bool = True,
         instruments: list[dict] | None = None) -> str:
    """The Markdown of projectscan/index.md; raises ScanDataError when the data file is wrong."""
    data = load_data() if data is None else data
    problems = check(data, vocab)
    if problems:
        raise ScanDataError(f"{_name(DATA_PATH)} klopt niet:\n" + "\n".join(f"  - {p}" for p in problems)
                            + "\nVerbeter het bestand en bouw opnieuw.")
    here = model.page_url(SRC_URI, use_directory_urls)

    def link(target: str) -> str:
        if not use_directory_urls and target.endswith("/"):
            target = (target[:-1] + ".html") if target else "index.html"
        return model.relative_url(target, here)

    cfg = config(vocab, data, instruments)
    tiles = [dict(s, doel=vocab.sdgs[s["nr"]].get("doel", "")) for s in cfg["sdgs"]]
    body = render.environment().get_template("projectscan.md.j2").render(
        link=link, cfg=cfg, cfg_json=config_json(cfg), sdgs=tiles, data=data, vocab=vocab, assets=ASSETS,
        themas=vocab.themes, fasen=vocab.phases)
    meta = {"title": "SDG-projectscan",
            "description": "Toets een project of actie in 10 tot 20 minuten aan de 17 SDG's, "
                           "met mondiale reflex, spill-overs en 'niemand achterlaten'. Alles blijft in je browser.",
            "hide": ["navigation", "toc"]}
    return f"---\n{render._yaml_meta(meta)}\n---\n\n{body.strip()}\n"
