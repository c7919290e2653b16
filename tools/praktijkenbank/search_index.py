"""Search index for the finder (``zoeken/``): Pagefind plus a compact facet table.

Runs after MkDocs has written the site (hook ``on_post_build``):

1. Pagefind indexes the practice fiches only (``praktijken/<slug>/index.html``,
   the content of Material's ``<article>``), as Dutch (Snowball stemming:
   "aankopen" finds "aankoop"). Output: ``<site>/pagefind/``.
2. ``<site>/zoeken/facetten.json`` is written from the open data of the same
   build (``data/practices.json``): the Dutch labels of every facet value and,
   per practice, its facet values as bit masks or value indices, keyed by the
   id Pagefind gives that page in search results.

Facets are computed by ``finder.js`` from that table instead of with Pagefind
filters: counts that follow the selection (OR within a facet, AND across
facets) then need no extra searches, and a view without a query needs no
Pagefind search (one without a term downloads Pagefind's whole word index).
See benchmarks/RESULTS.md.

In a large bank the table also lists the words that occur in at least half of
the fiches ("veelvoorkomend"): finder.js leaves them out of a query, as
searching them would score (nearly) every page.

Any failure raises :class:`SearchIndexError` with a Dutch message; the hook
turns it into a failed build. The index is never skipped silently.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
import shutil
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from . import opendata
from .model import slugify, text_colour
from .vocab import Vocab, load_vocab

log = logging.getLogger("mkdocs.hooks.praktijkenbank.zoeken")

LANGUAGE = "nl"
BUNDLE_DIR = "pagefind"
FACETS_PATH = "zoeken/facetten.json"
FORMAT_VERSION = 1
# Parts of a fiche that are not about the practice itself.
EXCLUDE_SELECTORS = [
    ".md-content__button",  # Material's edit/view buttons
    ".headerlink",  # the permalink sign after each heading
    ".pb-herzien",  # 'te herzien' notice
    ".pb-verwant",  # titles of other practices
    ".pb-voet",  # dates and the edit link
    "[data-pagefind-ignore]",
]
ROOT_SELECTOR = "article.md-content__inner"
FRAGMENT_MAGIC = b"pagefind_dcd"

# (key in URLs and the facet table, Dutch legend). Order = order on the page.
FACETS = [
    ("sdg", "SDG"),
    ("p", "5 P's"),
    ("thema", "Thema"),
    ("fase", "Fase van de beleidscyclus"),
    ("niveau", "Niveau"),
    ("provincie", "Provincie"),
    ("bestuur", "Bestuur"),
    ("jaar", "Startjaar"),
]
MASK_LIMIT = 31  # facets with at most this many values are stored as bit masks
COMMON_FROM_PAGES = 500  # only banks of this size get a list of very common words
COMMON_SHARE = 0.5  # ... the words in at least this share of the fiches
COMMON_SAMPLE = 1000  # fiches whose words are counted (an even sample of a larger bank)
_WORD_RE = re.compile(r"\w+(?:['’-]\w+)*")


class SearchIndexError(Exception):
    """The search index could not be built (message in Dutch)."""


@dataclass
class IndexStats:
    pages: int
    seconds: float
    bundle_bytes: int
    facet_bytes: int


# ------------------------------------------------------------------ Pagefind --

def _glob(use_directory_urls: bool) -> str:
    return "praktijken/*/index.html" if use_directory_urls else "praktijken/*.html"


def pagefind_command(site_dir: Path, use_directory_urls: bool = True) -> list[str]:
    """The Pagefind command line (the binary of the 'pagefind[bin]' package).

    The binary is used directly rather than through Pagefind's Python API: on
    10,000 fiches it indexes in about 12 s where the API's service took 21 s
    (benchmarks/RESULTS.md).
    """
    from pagefind.service import get_executable  # honours PAGEFIND_BINARY_PATH

    executable = get_executable()
    if executable is None:
        raise FileNotFoundError("pagefind")
    command = [str(executable), "--site", str(site_dir), "--glob", _glob(use_directory_urls),
               "--root-selector", ROOT_SELECTOR, "--force-language", LANGUAGE,
               "--output-subdir", BUNDLE_DIR, "--quiet"]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    return command


def run_pagefind(site_dir: Path, use_directory_urls: bool = True) -> int:
    """Index the fiches of ``site_dir`` into ``site_dir/pagefind``; returns the number of pages."""
    bundle = site_dir / BUNDLE_DIR
    if bundle.exists():  # a stale bundle (mkdocs build --dirty, serve) would keep old fragments
        shutil.rmtree(bundle)
    try:
        done = subprocess.run(pagefind_command(site_dir, use_directory_urls), capture_output=True, text=True,
                              stdin=subprocess.DEVNULL)
    except (FileNotFoundError, PermissionError) as exc:
        raise SearchIndexError(
            "het programma Pagefind is niet gevonden. Installeer de afhankelijkheden opnieuw "
            "(pip install -e .), dat installeert 'pagefind[bin]'.") from exc
    if done.returncode != 0 and "not able to build an index" in (done.stderr + done.stdout):
        raise SearchIndexError(
            f"Pagefind vond geen praktijkfiches om te indexeren (verwacht: {ROOT_SELECTOR} in "
            f"{_glob(use_directory_urls)}, met het Material-thema).")
    if done.returncode != 0:
        output = (done.stderr or done.stdout).strip().splitlines()
        detail = " ".join(output[-3:]) if output else f"afsluitcode {done.returncode}"
        raise SearchIndexError(f"Pagefind kon de zoekindex niet maken: {detail}")
    try:
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(int(language["page_count"]) for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SearchIndexError(f"Pagefind schreef geen bruikbare zoekindex ({exc}).") from exc


def read_fragments(site_dir: Path, count_words: bool = False) -> tuple[dict[str, str], Counter, int]:
    """({page URL from the site root ('/praktijken/x/'): Pagefind result id ('nl_1a2b3c4')},
    {lower-case word: number of fiches with it}, number of fiches counted) when ``count_words``:
    counted in an even sample of at most COMMON_SAMPLE fiches.

    A result's ``id`` in Pagefind's JavaScript API is the name of the page's
    fragment file; the URL is inside that fragment: gzip of ``pagefind_dcd``
    followed by JSON. finder.js reads fragments the same way for views without
    a query, so an unknown format fails the build here, not in the browser.
    """
    ids: dict[str, str] = {}
    words: Counter = Counter()
    folder = site_dir / BUNDLE_DIR / "fragment"
    paths = sorted(folder.glob("*.pf_fragment"))
    step = max(1, len(paths) // COMMON_SAMPLE)
    counted = 0
    for number, path in enumerate(paths):
        try:
            data = gzip.decompress(path.read_bytes())
            if not data.startswith(FRAGMENT_MAGIC):
                raise ValueError("onbekende kop")
            fragment = json.loads(data[len(FRAGMENT_MAGIC):])
            url = fragment["url"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SearchIndexError(
                f"onbekend formaat van Pagefind-fragment {path.name} ({exc}); finder.js verwacht het formaat "
                f"van Pagefind 1.5. Pin de versie van pagefind in pyproject.toml of pas finder.js aan.") from exc
        ids[url] = path.name[: -len(".pf_fragment")]
        if count_words and number % step == 0:
            words.update(set(_WORD_RE.findall(str(fragment.get("content", "")).lower())))
            counted += 1
    return ids, words, counted


def fragment_ids(site_dir: Path) -> dict[str, str]:
    """{page URL from the site root: Pagefind result id}, see :func:`read_fragments`."""
    return read_fragments(site_dir)[0]


def common_words(words: Counter, counted: int, pages: int | None = None) -> list[str]:
    """Words in at least COMMON_SHARE of the ``counted`` fiches, for banks of COMMON_FROM_PAGES
    fiches (``pages``, default ``counted``) or more."""
    if (pages if pages is not None else counted) < COMMON_FROM_PAGES:
        return []
    return sorted(w for w, n in words.items() if n >= COMMON_SHARE * counted and not w.isdigit())


# -------------------------------------------------------------- facet table --

def _labels(vocab: Vocab, records: list[dict]) -> dict[str, list[dict]]:
    """Every facet's values in display order: {key: [{id, naam, (kleur, tekst)}]}."""
    governments: dict[str, str] = {}
    years: set[int] = set()
    for record in records:
        for government in record["besturen"]:
            name = government.get("huidige_naam") or government["naam"]
            governments.setdefault(slugify(name), name)
        if record.get("periode") and record["periode"].get("van"):
            years.add(int(record["periode"]["van"]))
    return {
        "sdg": [{"id": str(n), "naam": e["naam"], "kleur": e["kleur"], "tekst": text_colour(e["kleur"])}
                for n, e in sorted(vocab.sdgs.items())],
        "p": [{"id": pid, "naam": e["naam"], "kleur": e["kleur"], "tekst": text_colour(e["kleur"])}
              for pid, e in vocab.ps.items()],
        "thema": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.themes.items()],
        "fase": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.phases.items()],
        "niveau": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.levels.items()],
        "provincie": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.provinces.items()],
        "bestuur": [{"id": gid, "naam": name}
                    for gid, name in sorted(governments.items(), key=lambda kv: (kv[1].casefold(), kv[0]))],
        "jaar": [{"id": str(y), "naam": str(y)} for y in sorted(years, reverse=True)],
    }


def _record_values(record: dict) -> dict[str, list[str]]:
    period = record.get("periode") or {}
    return {
        "sdg": [str(n) for n in record["sdgs"]],
        "p": list(record["vijf_p"]),
        "thema": list(record["themas"]),
        "fase": list(record["fasen"]),
        "niveau": [record["niveau"]] if record.get("niveau") else [],
        "provincie": list(record["provincies"]),
        "bestuur": [slugify(g.get("huidige_naam") or g["naam"]) for g in record["besturen"]],
        "jaar": [str(period["van"])] if period.get("van") else [],
    }


def facet_table(records: list[dict], ids_by_url: dict[str, str], vocab: Vocab,
                common: list[str] | None = None) -> dict:
    """The JSON object of ``zoeken/facetten.json``.

    ``rijen`` holds the Pagefind id of each practice without the common
    ``voorvoegsel`` (a list, or ``{"breedte": w, "ids": "..."}`` when all ids
    have the same width w) and one column per facet, one entry per practice (newest
    first, then by title): a bit mask over the facet's values when it has at
    most 31 values, otherwise a list of value indices.
    """
    labels = _labels(vocab, records)
    index_of = {key: {v["id"]: i for i, v in enumerate(values)} for key, values in labels.items()}
    masks = {key: len(values) <= MASK_LIMIT and key not in ("bestuur", "jaar") for key, values in labels.items()}
    ordered = sorted(records, key=lambda r: r["titel"].casefold())
    ordered.sort(key=lambda r: r.get("toegevoegd") or "", reverse=True)  # stable: ties stay by title
    prefix = LANGUAGE + "_"  # every id, as Pagefind indexes the site as one language
    columns: dict[str, list] = {"id": []}
    for key, _ in FACETS:
        columns[key] = []
    missing = []
    for record in ordered:
        page_id = ids_by_url.get("/" + record["pad"])
        if page_id is None:
            missing.append(record["pad"])
            continue
        if not page_id.startswith(prefix):
            raise SearchIndexError(f"onverwachte Pagefind-id '{page_id}' (verwacht: {prefix}...)")
        columns["id"].append(page_id[len(prefix):])
        values = _record_values(record)
        for key, _ in FACETS:
            indices = sorted({index_of[key][v] for v in values[key] if v in index_of[key]})
            if masks[key]:
                mask = 0
                for i in indices:
                    mask |= 1 << i
                columns[key].append(mask)
            else:
                columns[key].append(indices)
    count = len(columns["id"])
    widths = {len(i) for i in columns["id"]}
    if len(widths) == 1:  # the usual case: one string of fixed-width ids, smaller than a list
        columns["id"] = {"breedte": widths.pop(), "ids": "".join(columns["id"])}
    if missing:
        shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise SearchIndexError(f"{len(missing)} praktijk(en) staan niet in de zoekindex: {shown}")
    return {
        "versie": FORMAT_VERSION,
        "aantal": count,
        "voorvoegsel": prefix,
        "facetten": [{"sleutel": key, "legende": legend, "masker": masks[key], "waarden": labels[key]}
                     for key, legend in FACETS],
        "veelvoorkomend": list(common or []),
        "rijen": columns,
    }


def _read_records(site_dir: Path) -> list[dict]:
    path = site_dir / opendata.JSON_PATH
    try:
        return json.loads(path.read_text(encoding="utf-8"))["praktijken"]
    except (OSError, ValueError, KeyError) as exc:
        raise SearchIndexError(f"de open data van deze build ({opendata.JSON_PATH}) zijn niet leesbaar: {exc}") from exc


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build(site_dir, use_directory_urls: bool = True, vocab: Vocab | None = None) -> IndexStats:
    """Build the Pagefind bundle and the facet table for the built site in ``site_dir``."""
    start = time.perf_counter()
    site_dir = Path(site_dir)
    vocab = vocab or load_vocab()
    records = _read_records(site_dir)
    pages = run_pagefind(site_dir, use_directory_urls) if records else 0
    ids, words, counted = (read_fragments(site_dir, count_words=len(records) >= COMMON_FROM_PAGES)
                           if records else ({}, Counter(), 0))
    if records and len(ids) < len(records):
        raise SearchIndexError(
            f"Pagefind indexeerde {len(ids)} van de {len(records)} praktijkfiches. "
            f"Controleer of elke fiche een <article class=\"md-content__inner\"> heeft (Material-thema).")
    table = facet_table(records, ids, vocab, common_words(words, counted, len(ids)))
    target = site_dir / FACETS_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(table, ensure_ascii=False, separators=(",", ":"))
    target.write_text(text, encoding="utf-8")
    bundle = site_dir / BUNDLE_DIR
    stats = IndexStats(pages=pages, seconds=time.perf_counter() - start,
                       bundle_bytes=_size(bundle) if bundle.exists() else 0, facet_bytes=len(text.encode()))
    log.info("Zoekindex: %d praktijken in %.1f s (Pagefind %.1f MB, facettabel %.0f kB).",
             stats.pages, stats.seconds, stats.bundle_bytes / 1e6, stats.facet_bytes / 1e3)
    return stats


def on_post_build(config) -> IndexStats:
    """Hook entry point: build the index or fail the MkDocs build with a Dutch message."""
    from mkdocs.exceptions import PluginError

    try:
        return build(config.site_dir, use_directory_urls=config.use_directory_urls)
    except SearchIndexError as exc:
        raise PluginError(f"de zoekindex (zoeken/) kon niet gemaakt worden: {exc}") from exc
