"""View data for the site: records in, plain dicts out.

Everything the templates show is computed here once per build, in time linear
in the number of records: derived 5 P's, provinces, the current name of a
former municipality, SDG tiles, full references of seed documents, related
practices and used instruments in both directions, the pages of the families
(SDG, P, theme, ...) with their practices and instruments, and the 'te herzien'
flag. Nothing here knows about MkDocs. Instruments, product groups and dossiers:
see :mod:`model_kinds`.

URLs in the view data are *page paths from the site root* in MkDocs'
``use_directory_urls`` form (``praktijken/<slug>/``); templates turn them into
relative links with :func:`relative_url`, so the site works under any sub-path.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import os
import posixpath
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from ..records.load import Practice
from ..records.review import is_stale
from ..records.vocab import Vocab


# Page families: key -> (folder of its pages, Dutch title of the index page, link text to that index).
FAMILIES = {
    "sdg": ("sdg", "SDG's", "Alle SDG's"),
    "p": ("p", "De 5 P's", "Alle 5 P's"),
    "thema": ("thema", "Thema's", "Alle thema's"),
    "fase": ("fase", "Fasen van de beleidscyclus", "Alle fasen"),
    "niveau": ("niveau", "Niveaus", "Alle niveaus"),
    "provincie": ("provincie", "Provincies", "Alle provincies"),
    "bestuur": ("bestuur", "Besturen", "Alle besturen"),
    "vorm": ("vorm", "Soorten instrumenten", "Alle soorten instrumenten"),
    "beleidsdomein": ("beleidsdomeinen", "Beleidsdomeinen", "Alle beleidsdomeinen"),
    "grootte": ("grootte", "Grootte van de gemeente", "Alle grootteklassen"),
    "bewijs": ("bewijs", "Bewijs voor het resultaat", "Alle bewijsniveaus"),
}
DOMAIN_PAGE = "beleidsdomeinen/{id}/"  # the page of a policy domain; the budget scan links a domain's spending here
SIMILAR_LIMIT = 5  # 'Vergelijkbare besturen' on a fiche
_SIMILAR_CANDIDATES = 25  # per (size class, SDG/theme/domain) bucket: keeps the build linear in the number of records
ALL_SDGS_PAGE = "sdg/alle-sdgs/"  # records that use the 17 SDGs as a framework


# ----------------------------------------------------------------- helpers --

def slugify(text: str) -> str:
    """'Provincie West-Vlaanderen' -> 'provincie-west-vlaanderen' (ASCII, for URLs)."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return text or "bestuur"


def page_url(src_uri: str, use_directory_urls: bool = True) -> str:
    """URL of a Markdown page relative to the site root, as MkDocs computes it."""
    parent, name = posixpath.split(src_uri)
    stem = name[:-3] if name.endswith(".md") else name
    if stem == "index":
        return (parent + "/") if parent else ""
    if use_directory_urls:
        return posixpath.join(parent, stem) + "/"
    return posixpath.join(parent, stem + ".html")


@functools.lru_cache(maxsize=65536)
def relative_url(target: str, base: str) -> str:
    """Link from the page at ``base`` to ``target`` (both paths from the site root).

    ``target`` ending in '/' is a directory page, anything else a file.
    """
    base_dir = base if base.endswith("/") or base == "" else posixpath.dirname(base) + "/"
    base_dir = base_dir.rstrip("/") or "."
    is_dir = target == "" or target.endswith("/")
    rel = posixpath.relpath(target.rstrip("/") or ".", base_dir)
    if is_dir:
        return "./" if rel == "." else rel + "/"
    return rel


def _luminance(hex_colour: str) -> float:
    value = hex_colour.lstrip("#")
    channels = [int(value[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@functools.lru_cache(maxsize=1024)
def text_colour(background: str) -> str:
    """Black or white, whichever contrasts most with ``background`` (always >= 4.5:1)."""
    return "#000000" if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#ffffff") else "#ffffff"


def parse_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def needs_review(verified, today: dt.date) -> bool:
    """The 'te herzien' notice: review.is_stale (the one two-year rule); a missing date counts as stale."""
    return parse_date(verified) is None or is_stale(verified, today)


_MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"]


def dutch_date(value) -> str:
    """'2026-11-23' -> '23 november 2026' (unknown input is returned as text)."""
    date = parse_date(value)
    if date is None:
        return str(value or "")
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}"


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _text(value) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


# --------------------------------------------------------------- vocab views --

def sdg_tile(vocab: Vocab, number: int) -> dict:
    entry = vocab.sdgs[number]
    return {
        "nummer": number,
        "naam": entry["naam"],
        "kleur": entry["kleur"],
        "tekstkleur": text_colour(entry["kleur"]),
        "pad": f"sdg/{number}/",
    }


def p_badge(vocab: Vocab, pid: str) -> dict:
    entry = vocab.ps[pid]
    return {"id": pid, "naam": entry["naam"], "kleur": entry["kleur"],
            "tekstkleur": text_colour(entry["kleur"]), "pad": f"p/{pid}/"}


def _term(table: dict, family: str, tid) -> dict:
    entry = table.get(tid)
    name = entry["naam"] if entry else str(tid)
    return {"id": tid, "naam": name, "pad": f"{FAMILIES[family][0]}/{tid}/" if entry else None}


def government_view(entry, vocab: Vocab) -> dict:
    """One entry of 'besturen' with its province and current name."""
    if not isinstance(entry, dict):
        entry = {"naam": _text(entry)}
    name = _text(entry.get("naam")).strip() or "Onbekend bestuur"
    kind = entry.get("soort") or "gemeente"
    province = None
    current = name
    merged = None
    if kind == "gemeente":
        former = vocab.former_municipalities.get(name)
        if former:
            current = former.get("opgegaan_in") or name
            merged = former.get("sinds")
        province = vocab.province_of(name)
    elif kind == "provincie":
        province = vocab.province_by_government_name(name)
    else:
        province = entry.get("provincie")
    if province not in vocab.provinces:
        province = None
    shown = name if current == name else f"{name} (sinds {merged} deel van {current})" if merged else f"{name} (nu {current})"
    size = vocab.size_class_of(name) if kind == "gemeente" else None
    nis = vocab.municipalities.get(current, {}).get("nis") if kind == "gemeente" else None
    return {
        "naam": name,
        "huidige_naam": current,
        "weergave": shown,
        "soort": kind,
        "provincie": province,
        "provincie_naam": vocab.provinces[province]["naam"] if province else None,
        "slug": slugify(current),
        "pad": f"bestuur/{slugify(current)}/",
        "inwoners": vocab.inhabitants.get(str(nis)) if nis else None,
        "grootte": _term(vocab.size_classes, "grootte", size) if size else None,
    }


# ---------------------------------------------------------------- practices --

@functools.lru_cache(maxsize=256)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _real_path(path) -> Path:
    """``Path(path).resolve()``, resolving each folder once per build instead of once per record."""
    path = os.path.abspath(path)
    if os.path.islink(path):
        return Path(os.path.realpath(path))
    folder, name = os.path.split(path)
    return Path(_real_folder(folder), name)


def in_repo(practice: Practice, repo_root: Path | None) -> bool:
    """True when the record file lies inside the repository (only then can it be edited there)."""
    if repo_root is None:
        return True
    return _real_path(practice.path).is_relative_to(_real_folder(str(repo_root)))


def repo_path(practice: Practice, repo_root: Path | None) -> str:
    """Path of the record file from the repository root, with '/' ('practices/<slug>.md').

    A record outside the repository (a benchmark's generated bank) gets '<its folder>/<file>'.
    """
    path = Path(practice.path)
    if repo_root is not None:
        try:
            return _real_path(path).relative_to(_real_folder(str(repo_root))).as_posix()
        except ValueError:
            pass
    return f"{path.absolute().parent.name}/{path.name}"


def sources_view(meta: dict, vocab: Vocab) -> list[dict]:
    """The sources of a record: a seed document gets its full reference from brondocumenten.yaml."""
    out = []
    for source in _list(meta.get("bronnen")):
        if not isinstance(source, dict):
            continue
        document = vocab.documents.get(_text(source.get("document")))
        if document:
            out.append({"document": document["id"], "titel": document["titel"], "uitgever": document["uitgever"],
                        "jaar": document.get("jaar"), "plaats": _text(source.get("plaats")) or None,
                        "url": None, "geraadpleegd": None, "geraadpleegd_tekst": ""})
        else:
            consulted = _text(source.get("geraadpleegd"))
            out.append({"document": None, "titel": _text(source.get("titel")) or _text(source.get("document")),
                        "uitgever": _text(source.get("uitgever")) or None, "jaar": None, "plaats": None,
                        "url": _text(source.get("url")) or None, "geraadpleegd": consulted or None,
                        "geraadpleegd_tekst": dutch_date(consulted) if consulted else ""})
    return out


def common_view(record: Practice, vocab: Vocab, today: dt.date, repo_root: Path | None = None) -> dict:
    """The fields every kind of record shares, as the site shows them."""
    meta = record.meta if isinstance(record.meta, dict) else {}
    kind = vocab.kinds[record.kind]
    sdg_numbers = [n for n in _list(meta.get("sdgs")) if isinstance(n, int) and n in vocab.sdgs]
    added = _text(meta.get("toegevoegd"))
    verified = _text(meta.get("geverifieerd"))
    return {
        "soort": record.kind,
        "soort_naam": kind.singular,
        "slug": record.slug,
        "repo_pad": repo_path(record, repo_root),
        "bewerkbaar": in_repo(record, repo_root),
        "pad": f"{kind.site}/{record.slug}/",
        "titel": _text(meta.get("titel")).strip() or record.slug,
        "samenvatting": _text(meta.get("samenvatting")).strip(),
        "sdgs": [sdg_tile(vocab, n) for n in sdg_numbers],
        "alle_sdgs": meta.get("alle_sdgs") is True,
        "themas": [_term(vocab.themes, "thema", t) for t in _list(meta.get("themas"))],
        "fasen": [_term(vocab.phases, "fase", f) for f in _list(meta.get("fasen"))],
        "beleidsdomeinen": [_term(vocab.domains, "beleidsdomein", d) for d in _list(meta.get("beleidsdomeinen"))],
        "subdomeinen": [{"id": sid, "naam": vocab.subdomains[sid]["naam"], "domein": vocab.subdomains[sid]["domein"]}
                        for sid in _list(meta.get("subdomeinen")) if sid in vocab.subdomains],
        "bronnen": sources_view(meta, vocab),
        "toegevoegd": added,
        "toegevoegd_tekst": dutch_date(added),
        "geverifieerd": verified,
        "geverifieerd_tekst": dutch_date(verified),
        "te_herzien": needs_review(verified, today),
        "gewijzigd": None,  # last change in the version history, see build_site(changed=...)
        "body": record.body if isinstance(record.body, str) else "",
    }


def practice_view(practice: Practice, vocab: Vocab, today: dt.date, repo_root: Path | None = None) -> dict:
    """The record as the site shows it (without related practices: see :func:`build_site`)."""
    meta = practice.meta if isinstance(practice.meta, dict) else {}
    sdg_numbers = [n for n in _list(meta.get("sdgs")) if isinstance(n, int) and n in vocab.sdgs]
    given_ps = [p for p in _list(meta.get("vijf_p")) if p in vocab.ps]
    ps = given_ps or vocab.ps_for_sdgs(sdg_numbers)
    governments = [government_view(g, vocab) for g in _list(meta.get("besturen"))]
    provinces = []
    for g in governments:
        if g["provincie"] and g["provincie"] not in provinces:
            provinces.append(g["provincie"])
    period = meta.get("periode") if isinstance(meta.get("periode"), dict) else {}
    start, end = period.get("van"), period.get("tot")
    if start and end and end != start:
        period_text = f"{start} - {end}"
    elif start and end:
        period_text = str(start)
    elif start:
        period_text = f"sinds {start}"
    else:
        period_text = ""
    targets = []
    for code in _list(meta.get("subdoelen")):
        code = _text(code)
        targets.append({"code": code, "tekst": vocab.targets.get(code, ""),
                        "sdg": int(code.split(".")[0]) if code.split(".")[0].isdigit() else None})
    sources = sources_view(meta, vocab)
    contact = meta.get("contact") if isinstance(meta.get("contact"), dict) else None
    if contact:
        contact = {k: _text(contact.get(k)) or None for k in ("organisatie", "dienst", "email", "website")}
    level = meta.get("niveau")
    status = vocab.statuses.get(meta.get("status"))
    sizes = []
    for g in governments:
        if g["grootte"] and g["grootte"]["id"] not in [t["id"] for t in sizes]:
            sizes.append(g["grootte"])
    view = common_view(practice, vocab, today, repo_root)
    view.update({
        "besturen": governments,
        "provincies": [{"id": p, "naam": vocab.provinces[p]["naam"], "pad": f"provincie/{p}/"} for p in provinces],
        "periode": {"van": start, "tot": end, "tekst": period_text},
        "status": {"id": status["id"], "naam": status["naam"], "omschrijving": status["omschrijving"]} if status else None,
        "subdoelen": targets,
        "vijf_p": [p_badge(vocab, p) for p in ps],
        "vijf_p_afgeleid": not given_ps,
        "niveau": _term(vocab.levels, "niveau", level) if level else None,
        "contact": contact,
        "verwant_opgegeven": [s for s in _list(meta.get("verwant")) if isinstance(s, str)],
        "verwant": [],
        "instrumenten_opgegeven": [s for s in _list(meta.get("instrumenten")) if isinstance(s, str)],
        "productgroepen_opgegeven": [s for s in _list(meta.get("productgroepen")) if isinstance(s, str)],
        "instrumenten": [],
        "productgroepen": [],
        "grootteklassen": sizes,
        **effort_view(meta, vocab),
        "vergelijkbaar": [],  # see build_site
    })
    return view


def effort_view(meta: dict, vocab: Vocab) -> dict:
    """What a practice took and what came of it (optional fields), and who followed it."""
    cost = meta.get("kost") if isinstance(meta.get("kost"), dict) else None
    if cost:
        order = vocab.cost_orders.get(cost.get("orde"))
        cost = {"orde": order["naam"] if order else _text(cost.get("orde")), "orde_id": _text(cost.get("orde")) or None,
                "bedrag": _text(cost.get("bedrag")) or None, "omvat": _text(cost.get("omvat")) or None}
    evidence = meta.get("bewijs")
    followers = []
    for entry in _list(meta.get("navolgers")):
        if isinstance(entry, dict) and _text(entry.get("naam")).strip():
            view = government_view(entry, vocab)
            view.update({"sinds": entry.get("sinds") if isinstance(entry.get("sinds"), int) else None,
                         "url": _text(entry.get("url")) or None, "gemeld": _text(entry.get("gemeld")) or None})
            followers.append(view)
    return {
        "kost": cost,
        "personeelsinzet": _text(meta.get("personeelsinzet")).strip() or None,
        "duur": _text(meta.get("duur")).strip() or None,
        "partners": [_text(x) for x in _list(meta.get("partners")) if _text(x).strip()],
        "bewijs": _term(vocab.evidence, "bewijs", evidence) if evidence in vocab.evidence else None,
        "wat_niet_werkte": _text(meta.get("wat_niet_werkte")).strip() or None,
        "navolgers": followers,
    }


def _similar(practices: list[dict]) -> None:
    """'Vergelijkbare besturen die iets gelijkaardigs deden': per practice, practices of other governments of
    the same size class that share an SDG, theme or policy domain, most shared first.

    Buckets per (size class, label); each practice looks at a bounded number of candidates per bucket
    (the newest first), so the work stays linear in the number of practices.
    """
    def keys(view):
        labels = [("sdg", t["nummer"]) for t in view["sdgs"]] + [("thema", t["id"]) for t in view["themas"]] + \
                 [("domein", t["id"]) for t in view["beleidsdomeinen"]]
        return [(size["id"],) + label for size in view["grootteklassen"] for label in labels]

    buckets: dict[tuple, list[dict]] = defaultdict(list)
    for view in sorted(practices, key=lambda v: v["toegevoegd"], reverse=True):
        for key in keys(view):
            if len(buckets[key]) < _SIMILAR_CANDIDATES * 4:
                buckets[key].append(view)
    for view in practices:
        own = {g["slug"] for g in view["besturen"]}
        scores: dict[str, list] = {}
        for key in keys(view):
            for other in buckets[key][:_SIMILAR_CANDIDATES]:
                if other is view or own & {g["slug"] for g in other["besturen"]}:
                    continue
                entry = scores.setdefault(other["slug"], [0, other, set(), key[0]])
                if key[1:] not in entry[2]:
                    entry[2].add(key[1:])
                    entry[0] += 1
        ranked, shown = [], set()
        for entry in sorted(scores.values(), key=lambda e: (-e[0], e[1]["titel"].casefold())):
            governments = {g["slug"] for g in entry[1]["besturen"]}
            if governments & shown:
                continue  # one practice per government: 'similar governments', not one government's list
            shown |= governments
            ranked.append(entry)
            if len(ranked) == SIMILAR_LIMIT:
                break
        view["vergelijkbaar"] = [
            {**_ref(other), "besturen": [g["huidige_naam"] for g in other["besturen"] if g["soort"] == "gemeente"],
             "grootte": next(t["naam"] for t in other["grootteklassen"] if t["id"] == size), "gedeeld": count}
            for count, other, _, size in ranked]


def _sort_key(view: dict) -> tuple:
    return (view["titel"].casefold(), view["slug"])


def _ref(view: dict) -> dict:
    return {"slug": view["slug"], "titel": view["titel"], "pad": view["pad"], "soort": view["soort"]}


def _by_title(refs) -> list[dict]:
    return sorted(refs, key=lambda r: (r["titel"].casefold(), r["slug"]))


def _link_both_ways(practices: list[dict], targets: dict[str, dict], field: str) -> None:
    """practice[field + '_opgegeven'] names targets: fill practice[field] and target['gebruikt_in']."""
    for view in practices:
        found = [targets[s] for s in dict.fromkeys(view[field + "_opgegeven"]) if s in targets]
        view[field] = _by_title(_ref(t) for t in found)
        for target in found:
            target["gebruikt_in"].append(_ref(view))


def _families(vocab: Vocab) -> dict:
    families = {
        "sdg": {n: {"id": n, "naam": e["naam"], "omschrijving": e.get("doel", ""), "pad": f"sdg/{n}/",
                    "tegel": sdg_tile(vocab, n), "praktijken": [], "instrumenten": []} for n, e in vocab.sdgs.items()},
        "p": {pid: {"id": pid, "naam": e["naam"], "omschrijving": e.get("omschrijving", ""), "pad": f"p/{pid}/",
                    "badge": p_badge(vocab, pid), "sdgs": [sdg_tile(vocab, n) for n in e.get("sdgs", [])],
                    "praktijken": [], "instrumenten": []} for pid, e in vocab.ps.items()},
    }
    for family, table in (("thema", vocab.themes), ("fase", vocab.phases), ("niveau", vocab.levels),
                          ("provincie", vocab.provinces), ("vorm", vocab.formats)):
        folder = FAMILIES[family][0]
        families[family] = {tid: {"id": tid, "naam": e["naam"], "omschrijving": e.get("omschrijving", ""),
                                  "pad": f"{folder}/{tid}/", "praktijken": [], "instrumenten": []}
                            for tid, e in table.items()}
    for family, table in (("beleidsdomein", vocab.domains), ("grootte", vocab.size_classes), ("bewijs", vocab.evidence)):
        folder = FAMILIES[family][0]
        families[family] = {tid: {"id": tid, "naam": e["naam"], "omschrijving": e.get("omschrijving", ""),
                                  "pad": f"{folder}/{tid}/", "praktijken": [], "instrumenten": [], "productgroepen": [],
                                  "dossiers": [], "indicatoren": []}
                            for tid, e in table.items()}
    for tid, entry in families["beleidsdomein"].items():
        entry["subdomeinen"] = [{"id": sid, "naam": vocab.subdomains[sid]["naam"], "code": vocab.subdomains[sid]["code"]}
                                for sid in vocab.domains[tid]["subdomeinen"]]
        entry["code"] = vocab.domains[tid]["code"]
    families["bestuur"] = {}
    return families


def _add_domains(families: dict, view: dict, key: str) -> None:
    for term in view.get("beleidsdomeinen", []):
        if term["id"] in families["beleidsdomein"]:
            families["beleidsdomein"][term["id"]][key].append(view)


def _add_practice(families: dict, view: dict) -> None:
    for tile in view["sdgs"]:
        families["sdg"][tile["nummer"]]["praktijken"].append(view)
    for badge in view["vijf_p"]:
        families["p"][badge["id"]]["praktijken"].append(view)
    for family, key in (("thema", "themas"), ("fase", "fasen")):
        for term in view[key]:
            if term["id"] in families[family]:
                families[family][term["id"]]["praktijken"].append(view)
    if view["niveau"] and view["niveau"]["id"] in families["niveau"]:
        families["niveau"][view["niveau"]["id"]]["praktijken"].append(view)
    for province in view["provincies"]:
        families["provincie"][province["id"]]["praktijken"].append(view)
    _add_domains(families, view, "praktijken")
    for size in view["grootteklassen"]:
        families["grootte"][size["id"]]["praktijken"].append(view)
    if view["bewijs"]:
        families["bewijs"][view["bewijs"]["id"]]["praktijken"].append(view)
    seen = set()
    for government in view["besturen"]:
        slug = government["slug"]
        if slug in seen:
            continue
        seen.add(slug)
        entry = families["bestuur"].setdefault(slug, {
            "id": slug, "naam": government["huidige_naam"], "soort": government["soort"],
            "provincie": government["provincie"], "provincie_naam": government["provincie_naam"],
            "omschrijving": "", "pad": government["pad"], "praktijken": [], "instrumenten": [], "vroegere_namen": []})
        if government["naam"] != government["huidige_naam"] and government["naam"] not in entry["vroegere_namen"]:
            entry["vroegere_namen"].append(government["naam"])
        entry["praktijken"].append(view)


def _add_instrument(families: dict, view: dict) -> None:
    for tile in view["sdgs"]:
        families["sdg"][tile["nummer"]]["instrumenten"].append(view)
    for family, key in (("thema", "themas"), ("fase", "fasen"), ("niveau", "niveaus")):
        for term in view[key]:
            if term["id"] in families[family]:
                families[family][term["id"]]["instrumenten"].append(view)
    if view["vorm"] and view["vorm"]["id"] in families["vorm"]:
        families["vorm"][view["vorm"]["id"]]["instrumenten"].append(view)
    _add_domains(families, view, "instrumenten")


def build_site(records: list[Practice], vocab: Vocab, today: dt.date | None = None,
               repo_root: Path | None = None, changed: dict[str, str] | None = None,
               entered: dict[str, int] | None = None) -> dict:
    """All view data for one build.

    Returns a dict with ``praktijken``, ``instrumenten``, ``productgroepen`` and
    ``dossiers`` (views sorted by title), ``per_slug`` (practices), ``nieuwste``
    (practices by 'toegevoegd'), ``alle_sdgs`` (records that use the 17 SDGs as a
    framework), ``families`` ({family: {term id: term dict with 'praktijken' and
    'instrumenten'}}) and ``vandaag``. ``changed`` maps a record's repository path
    to the date of its last change in the version history (see :mod:`gitdates`), ``entered`` to the
    moment it was added to the repository (orders ``nieuwste`` when 'toegevoegd' dates tie).
    """
    from .model_kinds import VIEWS

    today = today or dt.date.today()
    changed = changed or {}
    views: dict[str, list[dict]] = {kind: [] for kind in vocab.kinds}
    for record in records:
        make = VIEWS.get(record.kind, practice_view)
        view = make(record, vocab, today, repo_root)
        view["gewijzigd"] = changed.get(view["repo_pad"])
        view["gewijzigd_tekst"] = dutch_date(view["gewijzigd"]) if view["gewijzigd"] else ""
        views.setdefault(record.kind, []).append(view)
    for kind_views in views.values():
        kind_views.sort(key=_sort_key)
    practices = views["praktijk"]
    by_slug = {}
    for view in practices:
        by_slug.setdefault(view["slug"], view)

    # Related practices in both directions, in one pass.
    related: dict[str, dict[str, None]] = defaultdict(dict)
    for view in practices:
        for other in view["verwant_opgegeven"]:
            if other in by_slug and other != view["slug"]:
                related[view["slug"]][other] = None
                related[other][view["slug"]] = None
    for view in practices:
        view["verwant"] = _by_title(_ref(by_slug[s]) for s in related[view["slug"]])
    _link_both_ways(practices, {v["slug"]: v for v in views["instrument"]}, "instrumenten")
    _link_both_ways(practices, {v["slug"]: v for v in views["productgroep"]}, "productgroepen")

    families = _families(vocab)
    for view in practices:  # sorted by title, so every list below is too
        _add_practice(families, view)
    for view in views["instrument"]:
        _add_instrument(families, view)
    for kind, key in (("productgroep", "productgroepen"), ("dossier", "dossiers"), ("indicator", "indicatoren")):
        for view in views.get(kind, []):
            _add_domains(families, view, key)
    _similar(practices)
    families["bestuur"] = dict(sorted(families["bestuur"].items(), key=lambda kv: (kv[1]["naam"].casefold(), kv[0])))

    # Dossiers show every practice, instrument and product group with one of their themes.
    by_theme: dict[str, list[dict]] = defaultdict(list)
    for kind in ("praktijk", "instrument", "productgroep"):
        for view in views[kind]:
            for term in view["themas"]:
                by_theme[term["id"]].append(view)
    lists = {"praktijk": "praktijken", "instrument": "instrumenten", "productgroep": "productgroepen"}
    for dossier in views["dossier"]:
        seen: set[tuple] = set()
        for term in dossier["themas"]:
            for view in by_theme[term["id"]]:
                if (view["soort"], view["slug"]) not in seen:
                    seen.add((view["soort"], view["slug"]))
                    dossier[lists[view["soort"]]].append(view)
        for key in lists.values():
            dossier[key].sort(key=_sort_key)

    for entry in families["sdg"].values():
        entry["indicatoren"] = []
        entry["subdoel_indicatoren"] = {}  # target code -> its indicators, in title order
    for view in views.get("indicator", []):  # SDG pages list their indicators, per target too
        for tile in view["sdgs"]:
            families["sdg"][tile["nummer"]]["indicatoren"].append(view)
        for target in view.get("subdoelen", []):
            sdg = families["sdg"].get(int(target["code"].split(".")[0]))
            if sdg is not None:
                sdg["subdoel_indicatoren"].setdefault(target["code"], []).append(_ref(view))

    # Newest first by 'toegevoegd'; on the same day the record that entered the repository last (a record
    # not committed yet is the newest of all); ties after that stay by title (a stable sort).
    entered = entered or {}
    newest = sorted(practices, reverse=True,
                    key=lambda v: (v["toegevoegd"], entered.get(v["repo_pad"], math.inf) if entered else 0))
    return {
        "praktijken": practices,
        "instrumenten": views["instrument"],
        "productgroepen": views["productgroep"],
        "dossiers": views["dossier"],
        "indicatoren": views.get("indicator", []),
        "per_slug": by_slug,
        "nieuwste": newest,
        "alle_sdgs": [v for kind in ("praktijk", "instrument") for v in views[kind] if v["alle_sdgs"]],
        "families": families,
        "vandaag": today.isoformat(),
        "aantal": len(practices),
    }
