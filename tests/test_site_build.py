"""Real MkDocs builds (strict) of the site: fixtures, the real records, failures, unsafe content.

Expected pages are computed from the records and the vocabularies, never from a
hard-coded list. Builds go to pytest's tmp dirs; nothing is written in docs/.
"""

from __future__ import annotations

import html
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from mkdocs.exceptions import Abort

from conftest import FIXTURES_SITE, PRACTICES, ROOT, TODAY, build_site, docs_without, record_dirs
from praktijkenbank import load_practices, load_vocab
from praktijkenbank.site import model, render

pytestmark = pytest.mark.build

SITE_HOST = "vvsg-praktijkenbank.github.io"  # placeholder site_url in mkdocs.yml


class _Page(HTMLParser):
    """Links, resources and text of one built HTML page."""

    def __init__(self):
        super().__init__()
        self.links: list[tuple[str, str, dict]] = []  # (tag, url, attrs)
        self.scripts: list[str] = []
        self.event_attrs: list[tuple[str, str]] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.event_attrs.append((tag, name))
        for name in ("href", "src"):
            if attrs.get(name):
                self.links.append((tag, attrs[name], attrs))
        if tag == "script":
            self._in_script = True
            # A data block (type application/json) is never run; its text is checked for a closing tag below.
            self.scripts.append("json:" if attrs.get("type") == "application/json" else attrs.get("src") or "")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def html_files(site: Path):
    return sorted(site.rglob("*.html"))


def page_file(site: Path, path: str) -> Path:
    return site / path / "index.html" if path.endswith("/") or path == "" else site / path


def listed_slugs(site: Path, path: str, folder: str = "praktijken") -> set[str]:
    """Slugs of the records (practices, or the site folder of another kind) linked from the
    content of a page (not from nav or footer)."""
    html = page_file(site, path).read_text(encoding="utf-8")
    content = html.split('<article class="md-content__inner', 1)[1].split("</article>", 1)[0]
    slugs = set()
    for href in re.findall(r'href="([^"]+)"', content):
        match = re.fullmatch(rf"https://x/{folder}/([a-z0-9-]+)/", urljoin("https://x/" + path, href))
        if match:
            slugs.add(match.group(1))
    return slugs


def _by_kind(records, kind="praktijk"):
    return [r for r in records if r.kind == kind]


# --------------------------------------------------------------- fixture site --

def test_fixture_site_builds_strict(fixture_site):
    assert (fixture_site / "index.html").is_file()
    assert (fixture_site / "404.html").is_file()


def test_every_fixture_has_its_fiche_with_tiles(fixture_site):
    vocab = load_vocab()
    records, _ = load_practices(record_dirs(FIXTURES_SITE))
    assert {r.kind for r in records} == set(vocab.kinds)
    for record in records:
        kind = vocab.kinds[record.kind]
        html = (fixture_site / kind.site / record.slug / "index.html").read_text(encoding="utf-8")
        for number in record.meta.get("sdgs", []):
            assert f'<span class="pb-sr">SDG </span>{number}</span>' in html
            assert vocab.sdgs[number]["naam"] in html
        assert "Bewerk deze" in html
        assert f"/edit/main/tests/fixtures/site/{kind.folder}/{record.slug}.md" in html


def test_te_herzien_notice(fixture_site):
    old = (fixture_site / "praktijken/vvsg-sdg-rapportering-oud/index.html").read_text(encoding="utf-8")
    new = (fixture_site / "praktijken/borsbeek-fairtrade-aankopen/index.html").read_text(encoding="utf-8")
    assert "Te herzien" in old and "pb-herzien" in old
    assert "pb-herzien" not in new


def test_zero_practice_pages_exist_with_friendly_message(fixture_site):
    html = (fixture_site / "sdg/1/index.html").read_text(encoding="utf-8")
    assert "nog geen praktijken" in html
    assert "1.1" in html  # the targets are always listed


def test_open_data_files(fixture_site):
    records, _ = load_practices(record_dirs(FIXTURES_SITE))
    practices = _by_kind(records)
    data = json.loads((fixture_site / "data/practices.json").read_text(encoding="utf-8"))
    assert {r["slug"] for r in data["praktijken"]} == {p.slug for p in practices}
    for record in data["praktijken"]:
        assert page_file(fixture_site, record["pad"]).is_file()
        assert record["url"] == f"https://{SITE_HOST}/praktijkenbank/{record['pad']}"
    raw = (fixture_site / "data/practices.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r["slug"] for r in rows] == [r["slug"] for r in data["praktijken"]]
    by_slug = {p.slug: p for p in practices}
    for row in rows:
        assert row["sdgs"] == ", ".join(str(n) for n in by_slug[row["slug"]].meta.get("sdgs", []))
    root = etree.fromstring((fixture_site / "feed.xml").read_bytes())
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == len(practices) + len(_by_kind(records, "instrument"))
    assert {e.find("a:category[@term='instrument']", ns) is not None for e in entries} == {True, False}
    instruments = json.loads((fixture_site / "data/instrumenten.json").read_text(encoding="utf-8"))
    assert [r["slug"] for r in instruments["instrumenten"]] == ["fairtrade-toets"]
    assert instruments["instrumenten"][0]["soort"] == "instrument"
    assert instruments["instrumenten"][0]["gebruikt_in"] == ["borsbeek-fairtrade-aankopen"]
    groups = json.loads((fixture_site / "data/productgroepen.json").read_text(encoding="utf-8"))
    assert [c["stap"] for c in groups["productgroepen"][0]["criteria"]] == [
        "technische-specificatie", "gunningscriterium", "uitvoeringsvoorwaarde"]
    rows = list(csv.DictReader(io.StringIO((fixture_site / "data/instrumenten.csv").read_bytes().decode("utf-8-sig")),
                               delimiter=";"))
    assert rows[0]["vorm"] == "checklist" and rows[0]["links"] == "https://example.org/fairtrade-toets"
    for kind in load_vocab().kinds.values():
        schema = json.loads((fixture_site / "schema" / kind.schema_file).read_text(encoding="utf-8"))
        assert schema == kind.schema
    open_data = (fixture_site / "open-data/index.html").read_text(encoding="utf-8")
    for link in ("../data/practices.json", "../data/practices.csv", "../feed.xml", "../schema/praktijk.schema.json"):
        assert f'href="{link}"' in open_data


def test_no_third_party_resources(fixture_site):
    """Nothing loaded from other hosts on page load (only links a person clicks may leave the site)."""
    for path in html_files(fixture_site):
        page = parse(path)
        for tag, url, attrs in page.links:
            host = urlsplit(url).hostname
            if host is None or host == SITE_HOST:
                continue
            loads = tag in ("script", "img", "iframe", "source", "video", "audio", "embed") or (
                tag == "link" and not set(attrs.get("rel", "").split()) <= {"canonical", "alternate"})
            assert not loads, f"{path}: {tag} {url}"


def test_internal_links_resolve(fixture_site):
    """Every relative href/src in every page points at a built file (works under any sub-path)."""
    broken = []
    for path in html_files(fixture_site):
        if path.name == "404.html":
            continue  # absolute from site_url by design
        page_url = path.relative_to(fixture_site).as_posix()
        for tag, url, attrs in parse(path).links:
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or url.startswith("#"):
                continue
            assert not url.startswith("/"), f"{page_url}: absolute link {url}"
            target = urljoin("https://x/" + page_url, unquote(parts.path))[len("https://x/"):]
            file = fixture_site / target
            if target.endswith("/") or target == "":
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{page_url}: {url}")
    assert not broken, "\n".join(broken)


def test_nav_is_small_and_lists_no_practices(fixture_site):
    """The nav is rendered into every page: it must not grow with the number of practices."""
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary"', 1)[1].split("</nav>", 1)[0]
    assert "praktijken/borsbeek" not in nav and "bestuur/" not in nav
    assert nav.count("md-nav__link") < 40


def test_home_has_sdg_grid_with_counts(fixture_site):
    practices = _by_kind(load_practices(record_dirs(FIXTURES_SITE))[0])
    html = (fixture_site / "index.html").read_text(encoding="utf-8")
    for number in range(1, 18):
        count = sum(number in p.meta.get("sdgs", []) for p in practices)
        assert re.search(rf'href="sdg/{number}/"[^>]*>.*?{count} praktijk', html), number
    assert 'href="niveau/starter/"' in html and 'href="niveau/gevorderd/"' in html


def test_instrument_is_on_its_sdg_theme_and_phase_pages_and_lists_its_practices(fixture_site):
    for page in ("sdg/12/", "sdg/8/", "thema/eerlijke-handel/", "fase/uitvoering/", "vorm/checklist/",
                 "niveau/starter/", "instrumenten/"):
        assert listed_slugs(fixture_site, page, "instrumenten") == {"fairtrade-toets"}, page
    assert listed_slugs(fixture_site, "instrumenten/fairtrade-toets/") == {"borsbeek-fairtrade-aankopen"}
    fiche = page_file(fixture_site, "instrumenten/fairtrade-toets/").read_text(encoding="utf-8")
    for text in ("Zo gebruik je het", "Waar vind je het", "Gebruikt in deze praktijken", "een uur per bestek",
                 "CC BY 4.0", 'href="https://example.org/fairtrade-toets"'):
        assert text in fiche, text


def test_product_group_page_shows_criteria_by_step_labels_and_model_documents(fixture_site):
    text = page_file(fixture_site, "aankopen/koffie-en-thee/").read_text(encoding="utf-8")
    steps = [text.index(step) for step in ("Technische specificatie", "Gunningscriterium", "Uitvoeringsvoorwaarde")]
    assert steps == sorted(steps)  # in the order of a tender
    assert 'href="#bron-2"' in text and 'id="bron-2"' in text  # each criterion points at its source
    assert "Fairtrade" in text and "https://example.org/modelbestek-koffie" in text
    assert "geen juridisch nagekeken clausules" in text
    assert "Laatst gewijzigd op" in text or "Laatst nagekeken op" in text
    assert listed_slugs(fixture_site, "aankopen/koffie-en-thee/") == {"borsbeek-fairtrade-aankopen"}


def test_dossier_lists_every_record_with_its_themes(fixture_site):
    page = "dossiers/duurzaam-aankopen/"
    assert listed_slugs(fixture_site, page) == {"borsbeek-fairtrade-aankopen"}
    assert listed_slugs(fixture_site, page, "instrumenten") == {"fairtrade-toets"}
    assert listed_slugs(fixture_site, page, "aankopen") == {"koffie-en-thee"}
    home = page_file(fixture_site, "").read_text(encoding="utf-8")
    assert 'href="dossiers/duurzaam-aankopen/"' in home


def test_framework_practice_is_on_the_all_sdgs_page_not_on_every_sdg_page(fixture_site):
    assert listed_slugs(fixture_site, "sdg/alle-sdgs/") == {"kaprijke-omgevingsanalyse-alle-sdgs"}
    assert "kaprijke-omgevingsanalyse-alle-sdgs" in listed_slugs(fixture_site, "sdg/11/")
    assert "kaprijke-omgevingsanalyse-alle-sdgs" not in listed_slugs(fixture_site, "sdg/3/")
    fiche = page_file(fixture_site, "praktijken/kaprijke-omgevingsanalyse-alle-sdgs/").read_text(encoding="utf-8")
    assert "17 SDG&#39;s samen als kader" in fiche or "17 SDG's samen als kader" in fiche
    assert "(volgens de bron)" in fiche  # the five P's come from the source
    assert "Gepland" in fiche


def test_links_between_records_become_links_to_their_pages(fixture_site):
    text = page_file(fixture_site, "praktijken/provincie-oost-vlaanderen-subsidiereglement/").read_text(encoding="utf-8")
    assert 'href="../borsbeek-fairtrade-aankopen/#aanpak"' in text
    assert 'href="../../instrumenten/fairtrade-toets/"' in text
    bodies = "".join(re.findall(r'<div class="pb-tekst">(.*?)</div>', text, re.S))
    assert "fairtrade-toets" in bodies and ".md" not in "".join(re.findall(r'href="([^"]+)"', bodies))


# ------------------------------------------------------------------ real site --

def test_field_reference_page_lists_every_schema_field(fixture_site):
    """velden/ is generated from the JSON Schema: every field, with its Dutch label."""
    from praktijkenbank import load_vocab

    text = page_file(fixture_site, "velden/").read_text(encoding="utf-8")
    for name, field in load_vocab().schema["properties"].items():
        assert f"<code>{name}</code>" in text, name
        assert html.escape(field["title"], quote=False) in text or field["title"] in text, name


def test_feed_is_announced_on_the_home_page_only(fixture_site):
    """A <link rel="alternate"> makes Material fetch all of sitemap.xml: only on the home page."""
    assert 'type="application/atom+xml"' in page_file(fixture_site, "").read_text(encoding="utf-8")
    for path in ("zoeken/", "praktijken/", "sdg/12/"):
        assert 'rel="alternate"' not in page_file(fixture_site, path).read_text(encoding="utf-8"), path


def test_real_site_every_record_has_its_fiche_and_index_entries(real_site):
    """Every record has a fiche, and every practice appears on every index page it belongs to."""
    vocab = load_vocab()
    records, problems = load_practices(record_dirs(ROOT))
    assert records and not [p for p in problems if p.is_error]
    practices = _by_kind(records)
    site = model.build_site(records, vocab, TODAY)
    for kind in vocab.kinds.values():
        for view in site[kind.plural]:
            assert (real_site / view["pad"] / "index.html").is_file(), view["pad"]
    expected: dict[str, set[str]] = {"praktijken/": {p.slug for p in practices}}
    for view in site["praktijken"]:
        assert (real_site / view["pad"] / "index.html").is_file(), view["slug"]
        pages = ([t["pad"] for t in view["sdgs"]] + [b["pad"] for b in view["vijf_p"]]
                 + [t["pad"] for t in view["themas"]] + [t["pad"] for t in view["fasen"]]
                 + [view["niveau"]["pad"]] + [p["pad"] for p in view["provincies"]]
                 + [b["pad"] for b in view["besturen"]])
        for page in pages:
            expected.setdefault(page, set()).add(view["slug"])
    added = {p.slug: str(p.meta.get("toegevoegd") or "") for p in practices}
    for page, slugs in expected.items():
        listed = listed_slugs(real_site, page)
        if page == "praktijken/" or len(slugs) <= render.LISTING_LIMIT:
            assert listed >= slugs, page
            continue
        # A long listing (render.LISTING_LIMIT) shows its newest practices and links to the finder for the rest.
        shown = listed & slugs
        assert len(shown) == render.LISTING_LIMIT, (page, len(shown))
        assert min(added[s] for s in shown) >= max(added[s] for s in slugs - shown), page
        assert f"van de {len(slugs)} praktijken" in page_file(real_site, page).read_text(encoding="utf-8"), page
    # SDG pages list exactly the practices that concretely address them (nothing more: a practice
    # that uses all 17 SDGs as a framework is on sdg/alle-sdgs/ instead).
    for number in range(1, 18):
        wanted = {p.slug for p in practices if number in p.meta.get("sdgs", [])}
        assert listed_slugs(real_site, f"sdg/{number}/") == wanted, number
    assert listed_slugs(real_site, "sdg/alle-sdgs/") == {p.slug for p in practices if p.meta.get("alle_sdgs")}


def test_real_site_open_data_matches_records(real_site):
    practices = _by_kind(load_practices(record_dirs(ROOT))[0])
    data = json.loads((real_site / "data/practices.json").read_text(encoding="utf-8"))
    by_slug = {r["slug"]: r for r in data["praktijken"]}
    assert set(by_slug) == {p.slug for p in practices}
    for practice in practices:
        record = by_slug[practice.slug]
        for key in ("titel", "status", "themas", "fasen", "niveau", "toegevoegd", "geverifieerd"):
            assert record[key] == practice.meta[key], (practice.slug, key)
        assert record["sdgs"] == practice.meta.get("sdgs", [])
        assert record["alle_sdgs"] == bool(practice.meta.get("alle_sdgs"))
        assert record["bestand"] == f"practices/{practice.slug}.md"


# ------------------------------------------------------------------- failures --

def _records_dir(tmp_path: Path, *files: Path) -> Path:
    folder = tmp_path / "practices"
    folder.mkdir()
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def test_invalid_record_aborts_build_with_dutch_messages_and_no_traceback(tmp_path):
    name = "vvsg-sdg-rapportering-oud.md"
    folder = _records_dir(tmp_path, FIXTURES_SITE / "practices" / name)
    text = (folder / name).read_text(encoding="utf-8")
    (folder / name).write_text(text.replace("sdgs: [7, 11, 13]", "sdgs: [7, 11, 18]"), encoding="utf-8")
    env = dict(os.environ, PRAKTIJKENBANK_CONTENT_DIR=str(folder.parent), PRAKTIJKENBANK_TODAY=TODAY.isoformat(),
               NO_MKDOCS_2_WARNING="1")
    env.pop("PRAKTIJKENBANK_SKIP_VALIDATION", None)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(tmp_path / "site"),
                             "-f", str(ROOT / "mkdocs.yml")], capture_output=True, text=True, env=env, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "de site wordt niet gebouwd: 1 fout in de records" in output
    assert re.search(r"vvsg-sdg-rapportering-oud\.md:\d+:\d+: sdgs\[2\]: fout: ", output), output


def test_missing_practices_folder_aborts(tmp_path):
    with pytest.raises(Abort):
        build_site(tmp_path / "bestaat-niet", tmp_path / "site", docs_dir=str(docs_without(tmp_path / "docs", "kennis")))


UNSAFE = """---
titel: "Onveilige fiche <script>alert('titel')</script></title><script>alert(2)</script>"
samenvatting: "Een samenvatting met <img src=x onerror=alert('samenvatting')> en nog wat tekst erbij."
besturen:
  - naam: "<b onmouseover=alert(3)>Heuvelland</b>"
sdgs: [13]
themas: [participatie]
fasen: [uitvoering]
niveau: starter
bronnen:
  - titel: "<script>alert('bron')</script>"
    url: "javascript:alert('bron-url')"
contact:
  organisatie: "<svg onload=alert(4)>"
  website: "javascript:alert('website')"
toegevoegd: 2026-01-01
geverifieerd: 2026-01-01
---

## Context

Tekst <script>alert('body')</script> en <img src=x onerror="alert('img')"> en
<a href="javascript:alert('a')">klik</a>.

<iframe src="javascript:alert('iframe')"></iframe>

## Aanpak <script>alert('kop')</script>

[link](javascript:alert('md')) [entity](javascript&#58;alert('entity')) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

Alinea {: onclick="alert('attr')" }

## Resultaat

![x](javascript:alert('img2'))

## Lessen voor wie dit wil overnemen

<style>body { display: none }</style>
"""


def test_unsafe_record_content_is_neutralised(tmp_path):
    folder = tmp_path / "practices"
    folder.mkdir()
    (folder / "onveilig.md").write_text(UNSAFE, encoding="utf-8")
    site = build_site(tmp_path, tmp_path / "site", strict=False, skip_validation=True,
                      docs_dir=str(docs_without(tmp_path / "docs", "kennis")))
    checked = 0
    for path in html_files(site):
        page = parse(path)
        text = path.read_text(encoding="utf-8")
        for script in page.scripts:
            if script.startswith("json:"):  # record text inside page data: escaped, cannot end the block
                assert "<" not in script, f"{path}: unescaped '<' in a JSON data block"
                continue
            assert "alert(" not in script, f"{path}: script from the record"
        assert not page.event_attrs, f"{path}: {page.event_attrs}"
        for tag, url, attrs in page.links:
            scheme = re.sub(r"[\x00-\x20]", "", url).lower().split(":", 1)[0]
            assert scheme not in ("javascript", "data", "vbscript"), f"{path}: {tag} {url}"
        assert "<style>body" not in text and "<iframe" not in text and "<svg onload" not in text
        checked += "Onveilige fiche" in text
    assert checked >= 3  # the fiche, the overview, the home page ... all rendered
    fiche = (site / "praktijken/onveilig/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in fiche or "&lt;script&gt;alert('body')" in fiche


# ------------------------------------------------------------------- serve --

def test_serve_watches_records_vocab_and_templates(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("pb_hooks", ROOT / "build_scripts" / "hooks.py")
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)

    class Server:
        watched: list[str] = []

        def watch(self, path, *args, **kwargs):
            self.watched.append(path)

    class Config:
        config_file_path = str(ROOT / "mkdocs.yml")

    server = hooks.on_serve(Server(), config=Config(), builder=None)
    watched = {Path(p).resolve() for p in server.watched}
    assert {(ROOT / "practices").resolve(), (ROOT / "tools/praktijkenbank/data").resolve(),
            (ROOT / "tools/praktijkenbank/templates/site").resolve()} <= watched


def test_moved_pages_send_the_reader_to_their_new_page(real_site):
    """An old address of a record that became a dossier or an instrument keeps working."""
    vocab = load_vocab()
    assert vocab.moved
    for entry in vocab.moved:
        assert page_file(real_site, entry["naar"]).is_file(), entry
        old = (real_site / entry["van"] / "index.html").read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' in old and "Deze pagina is verhuisd" in old
        target = re.search(r'url=([^"]+)"', old).group(1)
        assert urljoin("https://x/" + entry["van"], target) == "https://x/" + entry["naar"]


def test_tools_on_the_site_exist_and_their_instrument_fiches_link_to_them(real_site):
    from praktijkenbank.records.links import TOOL_PAGES

    for page in TOOL_PAGES:
        assert page_file(real_site, page).is_file(), page
    for slug, page in (("sdg-begrotingsscan", "begroting/"), ("sdg-projectscan", "projectscan/")):
        fiche = page_file(real_site, f"instrumenten/{slug}/").read_text(encoding="utf-8")
        assert f'href="../../{page}"' in fiche, slug
    heuvelland = page_file(real_site, "praktijken/heuvelland-sdg-begroting/").read_text(encoding="utf-8")
    assert 'href="../../instrumenten/sdg-begrotingsscan/"' in heuvelland
