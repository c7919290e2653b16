"""View data for the site: practice records in, plain dicts out.

Everything the templates show is computed here once per build, in time linear
in the number of practices: derived 5 P's, provinces, the current name of a
former municipality, SDG tiles, related practices in both directions and the
'te herzien' flag. Nothing here knows about MkDocs.

URLs in the view data are *page paths from the site root* in MkDocs'
``use_directory_urls`` form (``praktijken/<slug>/``); templates turn them into
relative links with :func:`relative_url`, so the site works under any sub-path.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from .load import Practice
from .review import is_stale
from .vocab import Vocab


# Page families: key -> (folder of its pages, Dutch title of the index page, link text to that index).
FAMILIES = {
    "sdg": ("sdg", "SDG's", "Alle SDG's"),
    "p": ("p", "De 5 P's", "Alle 5 P's"),
    "thema": ("thema", "Thema's", "Alle thema's"),
    "fase": ("fase", "Fasen van de beleidscyclus", "Alle fasen"),
    "niveau": ("niveau", "Niveaus", "Alle niveaus"),
    "provincie": ("provincie", "Provincies", "Alle provincies"),
    "bestuur": ("bestuur", "Besturen", "Alle besturen"),
}


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
    return {
        "naam": name,
        "huidige_naam": current,
        "weergave": shown,
        "soort": kind,
        "provincie": province,
        "provincie_naam": vocab.provinces[province]["naam"] if province else None,
        "slug": slugify(current),
        "pad": f"bestuur/{slugify(current)}/",
    }


# ---------------------------------------------------------------- practices --

def repo_path(practice: Practice, repo_root: Path | None) -> str:
    """Path of the record file from the repository root, with '/' ('practices/<slug>.md')."""
    path = Path(practice.path)
    if repo_root is not None:
        try:
            return path.resolve().relative_to(repo_root.resolve()).as_posix()
        except ValueError:
            pass
    return f"practices/{path.name}"


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
    sources = []
    for source in _list(meta.get("bronnen")):
        if isinstance(source, dict):
            sources.append({"titel": _text(source.get("titel")), "url": _text(source.get("url")) or None,
                            "document": _text(source.get("document")) or None})
    contact = meta.get("contact") if isinstance(meta.get("contact"), dict) else None
    if contact:
        contact = {k: _text(contact.get(k)) or None for k in ("organisatie", "dienst", "email", "website")}
    level = meta.get("niveau")
    added = _text(meta.get("toegevoegd"))
    verified = _text(meta.get("geverifieerd"))
    return {
        "slug": practice.slug,
        "repo_pad": repo_path(practice, repo_root),
        "pad": f"praktijken/{practice.slug}/",
        "titel": _text(meta.get("titel")).strip() or practice.slug,
        "samenvatting": _text(meta.get("samenvatting")).strip(),
        "besturen": governments,
        "provincies": [{"id": p, "naam": vocab.provinces[p]["naam"], "pad": f"provincie/{p}/"} for p in provinces],
        "periode": {"van": start, "tot": end, "tekst": period_text},
        "sdgs": [sdg_tile(vocab, n) for n in sdg_numbers],
        "subdoelen": targets,
        "vijf_p": [p_badge(vocab, p) for p in ps],
        "vijf_p_afgeleid": not given_ps,
        "themas": [_term(vocab.themes, "thema", t) for t in _list(meta.get("themas"))],
        "fasen": [_term(vocab.phases, "fase", f) for f in _list(meta.get("fasen"))],
        "niveau": _term(vocab.levels, "niveau", level) if level else None,
        "bronnen": sources,
        "contact": contact,
        "toegevoegd": added,
        "toegevoegd_tekst": dutch_date(added),
        "geverifieerd": verified,
        "geverifieerd_tekst": dutch_date(verified),
        "te_herzien": needs_review(verified, today),
        "verwant_opgegeven": [s for s in _list(meta.get("verwant")) if isinstance(s, str)],
        "verwant": [],
        "body": practice.body if isinstance(practice.body, str) else "",
    }


def _sort_key(view: dict) -> tuple:
    return (view["titel"].casefold(), view["slug"])


def build_site(practices: list[Practice], vocab: Vocab, today: dt.date | None = None,
               repo_root: Path | None = None) -> dict:
    """All view data for one build.

    Returns a dict with
    ``praktijken`` (views sorted by title), ``per_slug``, ``nieuwste`` (by 'toegevoegd'),
    ``families`` ({family: {term id: term dict with 'praktijken'}}) and ``vandaag``.
    """
    today = today or dt.date.today()
    views = [practice_view(p, vocab, today, repo_root) for p in practices]
    views.sort(key=_sort_key)
    by_slug = {}
    for view in views:
        by_slug.setdefault(view["slug"], view)

    # Related practices in both directions, in one pass.
    related: dict[str, dict[str, None]] = defaultdict(dict)
    for view in views:
        for other in view["verwant_opgegeven"]:
            if other in by_slug and other != view["slug"]:
                related[view["slug"]][other] = None
                related[other][view["slug"]] = None
    for view in views:
        view["verwant"] = sorted(
            ({"slug": s, "titel": by_slug[s]["titel"], "pad": by_slug[s]["pad"]} for s in related[view["slug"]]),
            key=lambda r: (r["titel"].casefold(), r["slug"]))

    families = {
        "sdg": {n: {"id": n, "naam": e["naam"], "omschrijving": e.get("doel", ""), "pad": f"sdg/{n}/",
                    "tegel": sdg_tile(vocab, n), "praktijken": []} for n, e in vocab.sdgs.items()},
        "p": {pid: {"id": pid, "naam": e["naam"], "omschrijving": e.get("omschrijving", ""), "pad": f"p/{pid}/",
                    "badge": p_badge(vocab, pid), "sdgs": [sdg_tile(vocab, n) for n in e.get("sdgs", [])],
                    "praktijken": []} for pid, e in vocab.ps.items()},
    }
    for family, table in (("thema", vocab.themes), ("fase", vocab.phases), ("niveau", vocab.levels),
                          ("provincie", vocab.provinces)):
        folder = FAMILIES[family][0]
        families[family] = {tid: {"id": tid, "naam": e["naam"], "omschrijving": e.get("omschrijving", ""),
                                  "pad": f"{folder}/{tid}/", "praktijken": []} for tid, e in table.items()}
    families["bestuur"] = {}

    for view in views:  # sorted by title, so every list below is too
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
        seen = set()
        for government in view["besturen"]:
            slug = government["slug"]
            if slug in seen:
                continue
            seen.add(slug)
            entry = families["bestuur"].setdefault(slug, {
                "id": slug, "naam": government["huidige_naam"], "soort": government["soort"],
                "provincie": government["provincie"], "provincie_naam": government["provincie_naam"],
                "omschrijving": "", "pad": government["pad"], "praktijken": [], "vroegere_namen": []})
            if government["naam"] != government["huidige_naam"] and government["naam"] not in entry["vroegere_namen"]:
                entry["vroegere_namen"].append(government["naam"])
            entry["praktijken"].append(view)
    families["bestuur"] = dict(sorted(families["bestuur"].items(), key=lambda kv: (kv[1]["naam"].casefold(), kv[0])))

    newest = sorted(views, key=lambda v: v["toegevoegd"], reverse=True)  # stable: ties stay by title
    return {
        "praktijken": views,
        "per_slug": by_slug,
        "nieuwste": newest,
        "families": families,
        "vandaag": today.isoformat(),
        "aantal": len(views),
    }
