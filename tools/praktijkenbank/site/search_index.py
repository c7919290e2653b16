"""Search index of the finder (``zoeken/``): a small static index made for this bank.

Written after MkDocs has built the site (hook ``on_post_build``), from the open
data of the same build (``data/practices.json``), so it always matches the
pages. Everything is static files; the browser (``docs/assets/zoeker/finder.js``)
downloads only the parts a view needs:

``zoeken/index.json``
    Read when the finder opens: the facets with their Dutch labels, the stop
    words, the first stem of every word chunk and the build's version token.
``zoeken/rijen.bin``
    The facet values of every practice, one row per practice (newest first,
    then by title): the "document number" used everywhere else is the row.
    Column by column, see :func:`pack_rows`.
``zoeken/woorden/<k>.bin``
    The inverted index, split in chunks of consecutive stems (sorted like
    JavaScript sorts strings). Per stem: the rows that contain it and a one-byte
    BM25 term weight per row. A query downloads the chunk of each of its words.
``zoeken/fiches/<row>.json``
    Title, address, summary and plain text of one practice, for its result card
    and the highlighted excerpt. Only the results shown are downloaded.
``zoeken/spelling/<letter>.json``
    The indexed words by first letter, for "Bedoel je ...?" when a query word
    is not in the index (see :mod:`praktijkenbank.site.search_spelling`).

What is indexed of a practice: its title, summary and plain text, and its
labels: the names of its themes, SDGs ("SDG 13 Klimaatactie"), 5 P's,
phases and level, and its governments and their provinces. So "eerlijke
handel" finds a practice with that theme even if its text never says so.
The synonym groups of ``data/synoniemen.yaml`` are added at this point too
(:mod:`praktijkenbank.site.search_synonyms`): the browser never needs them.

The ``.bin`` files are gzip data written by the build (the browser inflates
them with ``DecompressionStream``), so they are small on any static host; the
JSON files are compressed by the host (GitHub Pages does). Every request
carries ``?v=<token>``, a hash of the whole index, so a browser never mixes
files of two builds.

Words are split and stemmed by :mod:`praktijkenbank.site.search_text`; the browser
does the same with ``docs/assets/zoeker/zoektaal.js`` (tested to agree).

Why not Pagefind (used before) or Material's lunr search: at 10,000 practices
lunr's index is 11 MB (gzip), and Pagefind downloaded 226 kB (its wasm, its
per-page metadata, its JavaScript and one index chunk) for one query, most
of the finder's budget of 300 kB for page, query and filter together; see
benchmarks/RESULTS.md.

Any failure raises :class:`SearchIndexError` with a Dutch message; the hook
turns it into a failed build. The index is never skipped silently.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import math
import re
import shutil
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .. import buildcache
from . import opendata, opendata_indicators
from . import search_spelling, search_synonyms
from .model import slugify, text_colour
from .search_text import STOP_WORDS, stem, words
from ..records.vocab import Vocab, load_vocab

log = logging.getLogger("mkdocs.hooks.praktijkenbank.zoeken")

FOLDER = "zoeken"
INDEX_PATH = "zoeken/index.json"
ROWS_PATH = "zoeken/rijen.bin"
WORDS_DIR = "zoeken/woorden"
FICHES_DIR = "zoeken/fiches"
SPELLING_DIR = "zoeken/spelling"
FORMAT_VERSION = 3

# (key in URLs and the index, Dutch legend). Order = order on the page.
FACETS = [
    ("soort", "Soort fiche"),
    ("sdg", "SDG"),
    ("p", "5 P's"),
    ("thema", "Thema"),
    ("fase", "Fase van de beleidscyclus"),
    ("niveau", "Niveau"),
    ("beleidsdomein", "Beleidsdomein"),
    ("grootte", "Grootte van de gemeente"),
    ("bewijs", "Bewijs voor het resultaat"),
    ("status", "Status"),
    ("provincie", "Provincie"),
    ("bestuur", "Bestuur"),
    ("jaar", "Startjaar"),
    ("set", "Set indicatoren"),  # starter or extended set of the local SDG indicators
]
LIST_FACETS = {"bestuur", "jaar"}  # stored as value numbers; the others as bit masks
# The kinds of record the finder searches, with the open-data file each is read from.
SEARCHED_KINDS = ("praktijk", "instrument", "productgroep", "indicator")
OPEN_DATA = [(opendata.JSON_PATH, "praktijken"), (opendata.INSTRUMENTS_JSON_PATH, "instrumenten"),
             (opendata.PRODUCT_GROUPS_JSON_PATH, "productgroepen"),
             (opendata_indicators.INDICATORS_JSON_PATH, "indicatoren")]
KIND_OF = {"praktijken": "praktijk", "instrumenten": "instrument", "productgroepen": "productgroep",
           "indicatoren": "indicator"}
KIND_LABELS = {"instrument": "Instrument", "productgroep": "Duurzaam aankopen", "indicator": "Indicator"}
MASK_LIMIT = 32

# Weight of a word by where it occurs (title words count three times).
FIELD_WEIGHTS = {"titel": 3, "samenvatting": 2, "besturen": 2, "labels": 2, "tekst": 1}
BM25_K1 = 1.2
BM25_B = 0.75
WEIGHT_MAX = BM25_K1 + 1  # upper bound of the BM25 term-frequency part
CHUNK_BYTES = 12_000  # target size of a word chunk before gzip


class SearchIndexError(Exception):
    """The search index could not be built (message in Dutch)."""


@dataclass
class IndexStats:
    pages: int
    seconds: float
    files: int
    bytes: int  # on disk (the .bin files are gzip, the JSON files not)
    words: int  # distinct stems
    chunks: int


# ------------------------------------------------------------- plain text --

_FENCE = re.compile(r"^\s*(```|~~~).*$", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>\s]*>")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", re.M)
_BLOCK_MARK = re.compile(r"^\s{0,3}(?:>\s?|[-*+]\s+|\d+[.)]\s+)", re.M)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", re.M)
_INLINE = re.compile(r"(\*\*|__|\*|`)")
_SPACE = re.compile(r"\s+")


def _heading(match: re.Match) -> str:
    text = match.group(1)
    return text if text[-1:] in ".:?!" else text + "."


def plain_text(markdown: str) -> str:
    """The readable text of a record's Markdown body, on one line (for excerpts and indexing)."""
    text = _FENCE.sub("", markdown)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub("", text)
    text = _TAG.sub("", text)
    text = _HEADING.sub(_heading, text)
    text = _TABLE_RULE.sub("", text)
    text = _BLOCK_MARK.sub("", text)
    text = _INLINE.sub("", text).replace("|", " ")
    return _SPACE.sub(" ", text).strip()


# ----------------------------------------------------------------- facets --

def _government_name(government: dict) -> str:
    return government.get("huidige_naam") or government["naam"]


def _labels(vocab: Vocab, records: list[dict]) -> dict[str, list[dict]]:
    """Every facet's values in display order: {key: [{id, naam, (kleur, tekst)}]}."""
    governments: dict[str, str] = {}
    years: set[int] = set()
    for record in records:
        for government in record.get("besturen", []):
            name = _government_name(government)
            governments.setdefault(slugify(name), name)
        if record.get("periode") and record["periode"].get("van"):
            years.add(int(record["periode"]["van"]))
    searched = [kind for kind in vocab.kinds.values() if kind.id in SEARCHED_KINDS]
    return {
        "soort": [{"id": kind.id, "naam": kind.singular.capitalize()} for kind in searched],
        "sdg": [{"id": str(n), "naam": e["naam"], "kleur": e["kleur"], "tekst": text_colour(e["kleur"])}
                for n, e in sorted(vocab.sdgs.items())],
        "p": [{"id": pid, "naam": e["naam"], "kleur": e["kleur"], "tekst": text_colour(e["kleur"])}
              for pid, e in vocab.ps.items()],
        "thema": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.themes.items()],
        "fase": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.phases.items()],
        "set": [{"id": sid, "naam": e["naam"]} for sid, e in vocab.indicator_terms.get("set", {}).items()],
        "niveau": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.levels.items()],
        "status": [{"id": sid, "naam": e["naam"]} for sid, e in vocab.statuses.items()],
        "beleidsdomein": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.domains.items()],
        "grootte": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.size_classes.items()],
        "bewijs": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.evidence.items()],
        "provincie": [{"id": tid, "naam": e["naam"]} for tid, e in vocab.provinces.items()],
        "bestuur": [{"id": gid, "naam": name}
                    for gid, name in sorted(governments.items(), key=lambda kv: (kv[1].casefold(), kv[0]))],
        "jaar": [{"id": str(y), "naam": str(y)} for y in sorted(years, reverse=True)],
    }


def _record_values(record: dict) -> dict[str, list[str]]:
    """The facet values of one record (a practice, instrument or product group from the open data)."""
    period = record.get("periode") or {}
    return {
        "soort": [record.get("soort", "praktijk")],
        "sdg": [str(n) for n in record["sdgs"]],
        "p": list(record.get("vijf_p", [])),
        "thema": list(record["themas"]),
        "fase": list(record.get("fasen", [])),
        "set": [record["set"]] if isinstance(record.get("set"), str) else [],
        # an indicator's 'niveau' is a list of levels where the figure exists, not a practice's level
        "niveau": [record["niveau"]] if isinstance(record.get("niveau"), str) else list(record.get("niveaus", [])),
        "status": [record["status"]] if record.get("status") else [],
        "beleidsdomein": list(record.get("beleidsdomeinen", [])),
        "grootte": list(record.get("grootteklassen", [])),
        "bewijs": [record["bewijs"]] if record.get("bewijs") else [],
        "provincie": list(record.get("provincies", [])),
        "bestuur": [slugify(_government_name(g)) for g in record.get("besturen", [])],
        "jaar": [str(period["van"])] if period.get("van") else [],
    }


def ordered(records: list[dict]) -> list[dict]:
    """The rows of the index: newest first (``toegevoegd``), then by title."""
    rows = sorted(records, key=lambda r: r["titel"].casefold())
    rows.sort(key=lambda r: r.get("toegevoegd") or "", reverse=True)  # stable: ties stay by title
    return rows


def _width(count: int) -> int:
    """Bytes needed for the numbers 0..count."""
    return max(1, (max(count, 1).bit_length() + 7) // 8)


def _planes(numbers: list[int], width: int) -> bytes:
    """``numbers`` as ``width`` byte planes: all lowest bytes, then all next bytes, ..."""
    return b"".join(bytes((n >> (8 * plane)) & 0xFF for n in numbers) for plane in range(width))


def pack_rows(rows: list[dict], labels: dict[str, list[dict]]) -> tuple[bytes, list[dict]]:
    """The facet columns of every row as bytes, and how to read them (for index.json).

    Per facet, in FACETS order:

    * a mask facet (at most 32 values): one bit mask per row, ``bytes`` wide,
      written as byte planes (all lowest bytes, then all next bytes, ...);
    * a list facet (``bestuur``, ``jaar``): one byte per row with its number of
      values (at most 255), then the value numbers of all rows one after the
      other, ``bytes`` wide, also as byte planes.

    Byte planes keep similar bytes together, which gzip compresses better.
    """
    index_of = {key: {v["id"]: i for i, v in enumerate(values)} for key, values in labels.items()}
    out = bytearray()
    layout = []
    values_per_row = [_record_values(r) for r in rows]
    for key, _ in FACETS:
        numbers = [sorted({index_of[key][v] for v in values[key] if v in index_of[key]})
                   for values in values_per_row]
        if key not in LIST_FACETS:
            if len(labels[key]) > MASK_LIMIT:
                raise SearchIndexError(f"het filter '{key}' heeft meer dan {MASK_LIMIT} waarden")
            width = _width((1 << len(labels[key])) - 1)
            out += _planes([sum(1 << i for i in row) for row in numbers], width)
            layout.append({"sleutel": key, "soort": "masker", "bytes": width})
        else:
            width = _width(len(labels[key]))
            if any(len(row) > 255 for row in numbers):
                raise SearchIndexError(f"een praktijk heeft meer dan 255 waarden voor '{key}'")
            out += bytes(len(row) for row in numbers)
            flat = [n for row in numbers for n in row]
            out += _planes(flat, width)
            layout.append({"sleutel": key, "soort": "lijst", "bytes": width, "totaal": len(flat)})
    return bytes(out), layout


# ------------------------------------------------------------------ words --

def js_order(stem: str) -> bytes:
    """Sort key equal to JavaScript's string order (UTF-16 code units)."""
    return stem.encode("utf-16-be")


def _varint(n: int, out: bytearray) -> None:
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def labels(record: dict, vocab: Vocab) -> list[str]:
    """The names of a record's themes, SDGs (number and name), 5 P's, phases, level(s) and status,
    and for an instrument its kind (vorm) and publisher."""
    found = [f"SDG {n} {vocab.sdgs[n]['naam']}" for n in record["sdgs"] if n in vocab.sdgs]
    for key, table in (("vijf_p", vocab.ps), ("themas", vocab.themes), ("fasen", vocab.phases),
                       ("niveaus", vocab.levels)):
        found += [table[v]["naam"] for v in record.get(key, []) if v in table]
    if isinstance(record.get("niveau"), str) and record["niveau"] in vocab.levels:
        found.append(vocab.levels[record["niveau"]]["naam"])
    if record.get("status") in vocab.statuses:
        found.append(vocab.statuses[record["status"]]["naam"])
    found += [vocab.domains[d]["naam"] for d in record.get("beleidsdomeinen", []) if d in vocab.domains]
    if record.get("vorm") in vocab.formats:
        found.append(vocab.formats[record["vorm"]]["enkelvoud"])
    if record.get("set") in vocab.indicator_terms.get("set", {}):
        found.append(vocab.indicator_terms["set"][record["set"]]["naam"])
    if record.get("uitgever"):
        found.append(record["uitgever"])
    if record.get("alle_sdgs"):
        found.append("alle SDG's")
    return found


def governments(record: dict, vocab: Vocab) -> list[str]:
    """A practice's governments (also a former municipality's current name) and their provinces."""
    names = []
    for government in record.get("besturen", []):
        names += [government["naam"]] + ([government["huidige_naam"]] if government.get("huidige_naam") else [])
    names += [vocab.provinces[p]["naam"] for p in record.get("provincies", []) if p in vocab.provinces]
    return list(dict.fromkeys(names))


def document_terms(card: dict, record: dict, vocab: Vocab | None = None,
                   synonyms: search_synonyms.Synonyms | None = None,
                   surface: Counter | None = None) -> tuple[Counter, float]:
    """{stem: weighted count} of one practice and its weighted length (``card``: its :func:`fiche`).

    Every piece of text (title, summary, body, each label) is expanded with
    ``synonyms``; ``surface`` (if given) counts every indexed word, for the
    spelling lists.
    """
    vocab = vocab or load_vocab()
    pieces = {
        "titel": [card["t"]],
        "samenvatting": [card["s"]],
        "besturen": governments(record, vocab),
        "labels": labels(record, vocab),
        "tekst": [card["x"]],
    }
    counts: Counter = Counter()
    length = 0.0
    for field, texts in pieces.items():
        weight = FIELD_WEIGHTS[field]
        for text in texts:
            found = words(text)
            stems = [stem(w) for w in found]
            if synonyms is not None:
                for entry in synonyms.expansions(stems):
                    found += entry.words
                    stems += entry.stems
            if surface is not None:
                surface.update(found)
            length += weight * len(stems)
            for value in stems:
                counts[value] += weight
    return counts, length


def quantise(tf: float, length: float, average: float) -> int:
    """BM25's term-frequency part for one stem in one practice, as 1..255."""
    norm = tf * (BM25_K1 + 1) / (tf + BM25_K1 * (1 - BM25_B + BM25_B * length / (average or 1)))
    return max(1, min(255, round(norm / WEIGHT_MAX * 255)))


def word_chunks(per_row: list[tuple[Counter, float]]) -> tuple[list[bytes], list[str], int]:
    """(chunks, first stem of every chunk, number of stems) of the inverted index.

    A chunk is a series of entries ``stem``: varint byte length + UTF-8, varint
    number of rows n, n varint row gaps (first row, then differences), n
    one-byte weights. Stems are in JavaScript string order; a chunk closes
    once it holds CHUNK_BYTES (a very common stem gets a chunk of its own).
    """
    average = sum(length for _, length in per_row) / len(per_row) if per_row else 0.0
    postings: dict[str, list[tuple[int, int]]] = {}
    for row, (counts, length) in enumerate(per_row):
        for stem, tf in counts.items():
            postings.setdefault(stem, []).append((row, quantise(tf, length, average)))
    chunks: list[bytes] = []
    firsts: list[str] = []
    current = bytearray()
    for stem in sorted(postings, key=js_order):
        entry = bytearray()
        raw = stem.encode("utf-8")
        _varint(len(raw), entry)
        entry += raw
        rows = postings[stem]
        _varint(len(rows), entry)
        previous = 0
        for row, _ in rows:
            _varint(row - previous, entry)
            previous = row
        entry += bytes(weight for _, weight in rows)
        if current and len(current) + len(entry) > CHUNK_BYTES:
            chunks.append(bytes(current))
            current = bytearray()
        if not current:
            firsts.append(stem)
        current += entry
    if current:
        chunks.append(bytes(current))
    return chunks, firsts, len(postings)


# ------------------------------------------------------------------ build --

def fiche(record: dict) -> dict:
    """What a result card and its excerpt need of one practice (NFC text, so the browser's
    zoektaal.tokens() finds the same words as the index)."""
    def nfc(text: str) -> str:
        return unicodedata.normalize("NFC", text)

    card = {"t": nfc(record["titel"]), "u": record["pad"], "s": nfc(record["samenvatting"]),
            "x": nfc(plain_text(record.get("tekst") or ""))}
    if record.get("soort", "praktijk") != "praktijk":
        card["k"] = KIND_LABELS.get(record["soort"], record["soort"])  # shown on the result card
    return card


def _card_and_terms(record: dict, vocab: Vocab, synonyms) -> tuple[dict, tuple[Counter, float], Counter]:
    """(:func:`fiche`, :func:`document_terms`, indexed words) of one record; with :mod:`buildcache`
    on (``mkdocs serve``) reused while the record's open data, vocabularies and synonyms are unchanged."""
    key = buildcache.key("zoekindex", record) if buildcache.enabled else None
    if key is not None:
        found = buildcache.get("zoekindex", key)
        if found is not None:
            return found
    card = fiche(record)
    surface: Counter = Counter()
    terms = document_terms(card, record, vocab, synonyms, surface)
    if key is not None:
        buildcache.put("zoekindex", key, (card, terms, surface))
    return card, terms, surface


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def index_files(records: list[dict], vocab: Vocab,
                synonyms: search_synonyms.Synonyms | None = None) -> tuple[dict[str, bytes], dict]:
    """{path under the site: content} of the whole index, and a few figures. Pure: no I/O."""
    rows = ordered(records)
    facet_labels = _labels(vocab, rows)
    packed, layout = pack_rows(rows, facet_labels)
    done = [_card_and_terms(record, vocab, synonyms) for record in rows]
    cards = [card for card, _, _ in done]
    per_row = [terms for _, terms, _ in done]
    surface: Counter = Counter()
    for _, _, found in done:
        surface.update(found)
    frequency: Counter = Counter(value for counts, _ in per_row for value in counts)
    chunks, firsts, stems = word_chunks(per_row)
    spelling = search_spelling.word_lists(surface, stem, frequency)
    files: dict[str, bytes] = {ROWS_PATH: _gzip(packed)}
    files.update(search_spelling.files(spelling, SPELLING_DIR))
    for number, chunk in enumerate(chunks):
        files[f"{WORDS_DIR}/{number}.bin"] = _gzip(chunk)
    for number, card in enumerate(cards):
        files[f"{FICHES_DIR}/{number}.json"] = json.dumps(
            card, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path])
    facets = [{"sleutel": key, "legende": legend, "waarden": facet_labels[key], **spec}
              for (key, legend), spec in zip(FACETS, layout)]
    index = {
        "versie": FORMAT_VERSION,
        "token": digest.hexdigest()[:12],
        "aantal": len(rows),
        "facetten": facets,
        "stopwoorden": sorted(STOP_WORDS),
        "woorden": {"eerste": firsts, "map": WORDS_DIR.split("/", 1)[1]},
        "rijen": ROWS_PATH.split("/", 1)[1],
        "fiches": FICHES_DIR.split("/", 1)[1],
        "spelling": {"map": SPELLING_DIR.split("/", 1)[1], "letters": sorted(spelling)},
    }
    files[INDEX_PATH] = json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files, {"stems": stems, "chunks": len(chunks)}


_written: dict[str, bytes] = {}  # serve: path -> digest of what this process last wrote there


def _write_changed(site_dir: Path, files: dict[str, bytes]) -> None:
    """Serve (``mkdocs serve --dirty``): write only the files whose content changed, remove the ones
    that are no longer part of the index; one saved record changes a few files, not all of them."""
    for folder in (WORDS_DIR, FICHES_DIR, SPELLING_DIR):
        if (site_dir / folder).is_dir():
            for old in (site_dir / folder).iterdir():
                path = f"{folder}/{old.name}"
                if path not in files:
                    old.unlink()
                    _written.pop(path, None)
    for folder in (FOLDER, WORDS_DIR, FICHES_DIR, SPELLING_DIR):
        (site_dir / folder).mkdir(parents=True, exist_ok=True)
    for path, content in files.items():
        digest = hashlib.blake2b(content, digest_size=16).digest()
        target = site_dir / path
        if _written.get(path) != digest or not target.is_file():
            target.write_bytes(content)
            _written[path] = digest


def _read_records(site_dir: Path) -> list[dict]:
    """Practices, instruments and product groups, from the open data of this build."""
    records = []
    for path, key in OPEN_DATA:
        try:
            found = json.loads((site_dir / path).read_text(encoding="utf-8"))[key]
        except FileNotFoundError:
            if key == "praktijken":
                raise SearchIndexError(f"de open data van deze build ({path}) ontbreken") from None
            continue  # a build without instruments or product groups
        except (OSError, ValueError, KeyError) as exc:
            raise SearchIndexError(f"de open data van deze build ({path}) zijn niet leesbaar: {exc}") from exc
        records += [{"soort": key_kind, **record} for record in found for key_kind in [KIND_OF[key]]]
    return records


def build(site_dir, vocab: Vocab | None = None) -> IndexStats:
    """Write the finder's index into ``site_dir`` (built site with its open data)."""
    start = time.perf_counter()
    site_dir = Path(site_dir)
    vocab = vocab or load_vocab()
    records = _read_records(site_dir)
    try:
        synonyms = search_synonyms.read()
    except search_synonyms.SynonymError as exc:
        raise SearchIndexError(f"tools/praktijkenbank/data/{search_synonyms.PATH.name}: {exc}") from exc
    try:
        files, figures = index_files(records, vocab, synonyms)
    except (KeyError, TypeError, ValueError) as exc:
        raise SearchIndexError(f"een praktijk in de open data mist een veld voor de zoekindex ({exc!r})") from exc
    if buildcache.enabled:
        _write_changed(site_dir, files)
    else:
        for folder in (WORDS_DIR, FICHES_DIR, SPELLING_DIR):  # stale files of an earlier build (--dirty) must go
            if (site_dir / folder).exists():
                shutil.rmtree(site_dir / folder)
        for folder in (FOLDER, WORDS_DIR, FICHES_DIR, SPELLING_DIR):
            (site_dir / folder).mkdir(parents=True, exist_ok=True)
        for path, content in files.items():
            (site_dir / path).write_bytes(content)
    stats = IndexStats(pages=len(records), seconds=time.perf_counter() - start, files=len(files),
                       bytes=sum(len(c) for c in files.values()), words=figures["stems"], chunks=figures["chunks"])
    log.info("Zoekindex: %d fiches, %d woordstammen in %d stukken, %.1f MB in %.1f s.",
             stats.pages, stats.words, stats.chunks, stats.bytes / 1e6, stats.seconds)
    return stats


def on_post_build(config) -> IndexStats:
    """Hook entry point: build the index or fail the MkDocs build with a Dutch message."""
    from mkdocs.exceptions import PluginError

    try:
        return build(config.site_dir)
    except SearchIndexError as exc:
        raise PluginError(f"de zoekindex (zoeken/) kon niet gemaakt worden: {exc}") from exc
