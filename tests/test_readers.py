"""What readers of the site meet, checked on real strict builds (no browser).

Sharing metadata of every fiche, the licence everywhere it must be stated, the
Dutch dates of the overview, the page title without a permalink, the Dutch
header label, edit links only where a record can be edited, and the npm
libraries committed under docs/assets/vendor/ (the pinned versions, served by
the site itself).
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import FIXTURES_SITE, ROOT, build_site, docs_without, require_browser_tool
from praktijkenbank import load_vocab, load_practices
from praktijkenbank.site import licentie, model, vendor

pytestmark = pytest.mark.build

SITE_URL = "https://vvsg-praktijkenbank.github.io/praktijkenbank/"  # site_url in mkdocs.yml
EDIT = "https://github.com/vvsg-praktijkenbank/praktijkenbank/edit/main/"


class _Head(HTMLParser):
    """<meta> tags, links with rel=edit, headings with their links, <time> elements."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.edit_links: list[str] = []
        self.heading: str | None = None
        self.heading_links: dict[str, list[str]] = {}
        self.times: list[tuple[str, str]] = []
        self._time: str | None = None
        self.nav_labels: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content", "")
        if tag == "a" and attrs.get("rel") == "edit":
            self.edit_links.append(attrs.get("href", ""))
        if tag in ("h1", "h2"):
            self.heading = tag
            self.heading_links.setdefault(tag, [])
        if tag == "a" and self.heading and "headerlink" in (attrs.get("class") or ""):
            self.heading_links[self.heading].append(attrs.get("href", ""))
        if tag == "time":
            self._time = attrs.get("datetime", "")
        if tag == "nav" and attrs.get("aria-label"):
            self.nav_labels.append(attrs["aria-label"])

    def handle_endtag(self, tag):
        if tag in ("h1", "h2"):
            self.heading = None

    def handle_data(self, data):
        if self._time is not None:
            self.times.append((self._time, data.strip()))
            self._time = None


def head(path: Path) -> _Head:
    parsed = _Head()
    parsed.feed(path.read_text(encoding="utf-8"))
    return parsed


@pytest.fixture(scope="module")
def records():
    """{'<site folder>/<slug>': record} of every kind (praktijken/x, instrumenten/y, ...)."""
    vocab = load_vocab()
    found, _ = load_practices([FIXTURES_SITE])
    return {f"{vocab.kinds[r.kind].site}/{r.slug}": r for r in found}


def fiches(site: Path) -> list[Path]:
    """The fiche of every record (every kind), not the pages that send an old address on."""
    folders = [kind.site for kind in load_vocab().kinds.values()]
    return sorted(p for folder in folders for p in (site / folder).glob("*/index.html")
                  if 'http-equiv="refresh"' not in p.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ sharing --

def test_every_fiche_has_open_graph_and_twitter_card(fixture_site, records):
    image = fixture_site / "assets" / "delen.png"
    data = image.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)
    assert len(fiches(fixture_site)) == len(records)
    for path in fiches(fixture_site):
        slug = path.parent.relative_to(fixture_site).as_posix()
        meta = head(path).meta
        record = records[slug].meta
        assert meta["og:title"] == " ".join(record["titel"].split()), slug
        assert meta["og:description"] == " ".join(record["samenvatting"].split()), slug
        assert meta["og:url"] == f"{SITE_URL}{slug}/"
        assert meta["og:image"] == f"{SITE_URL}assets/delen.png"
        assert meta["og:type"] == "article" and meta["og:locale"] == "nl_BE"
        assert meta["og:image:width"] == "1200" and meta["og:image:height"] == "630"
        assert meta["twitter:card"] == "summary_large_image"
        assert meta["twitter:image"] == meta["og:image"]


def test_other_pages_share_as_website(fixture_site):
    meta = head(fixture_site / "sdg" / "12" / "index.html").meta
    assert meta["og:type"] == "website" and meta["og:url"] == f"{SITE_URL}sdg/12/"
    assert meta["og:title"].startswith("SDG 12")


# ------------------------------------------------------------------ licence --

def test_licence_in_open_data(fixture_site):
    data = json.loads((fixture_site / "data" / "practices.json").read_text(encoding="utf-8"))
    licence = licentie.load()
    assert data["licentie"]["naam"] == "CC BY 4.0" == licence["inhoud"]["naam"]
    assert data["licentie"]["url"] == "https://creativecommons.org/licenses/by/4.0/deed.nl"
    assert data["licentie"]["naamsvermelding"] == (
        f"Bron: Praktijkenbank SDG's en lokaal mondiaal beleid, CC BY 4.0, {SITE_URL}")
    assert data["licentie"]["code"]["naam"] == "EUPL-1.2"
    for name in ("instrumenten.json", "productgroepen.json"):  # the other kinds carry the same licence
        other = json.loads((fixture_site / "data" / name).read_text(encoding="utf-8"))
        assert other["licentie"] == data["licentie"], name
    feed = etree.parse(fixture_site / "feed.xml").getroot()
    rights = feed.find("{http://www.w3.org/2005/Atom}rights").text
    assert "CC BY 4.0" in rights and licence["inhoud"]["url"] in rights and SITE_URL in rights


def test_licence_in_footer_open_data_page_and_readme(fixture_site):
    licence = licentie.load()
    credit = licence["naamsvermelding"].split("{url}")[0].strip()
    for path in (fixture_site / "index.html", fiches(fixture_site)[0], fixture_site / "open-data" / "index.html"):
        text = path.read_text(encoding="utf-8")
        footer = text[text.index('<div class="md-copyright">'):]
        assert f'href="{licence["inhoud"]["url"]}" rel="license noopener">CC BY 4.0</a>' in footer, path
        assert ">EUPL-1.2</a>" in footer
    page = (fixture_site / "open-data" / "index.html").read_text(encoding="utf-8")
    assert 'id="licentie"' in page and credit in page and "practices.csv" in page and "&lt;rights&gt;" in page
    assert "Geraadpleegd op 1 december 2026" in page
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CC BY 4.0" in readme and "EUPL-1.2" in readme and credit in readme


def test_printed_fiche_carries_its_address_and_credit(fixture_site):
    for path in fiches(fixture_site):
        text = path.read_text(encoding="utf-8")
        address = f"{SITE_URL}{path.parent.relative_to(fixture_site).as_posix()}/"
        block = text[text.index('<aside class="pb-afdruk"'):]
        block = block[:block.index("</aside>")]
        assert f'<span class="pb-afdruk__url">{address}</span>' in block
        assert licentie.attribution(address) in block
        assert 'class="pb-afdruk__qr"' in block and 'class="pb-afdruk__datum"' in block


# ------------------------------------------------------------- small ones --

def test_page_title_has_no_permalink_but_sections_keep_theirs(fixture_site):
    for path in [*fiches(fixture_site), fixture_site / "index.html", fixture_site / "open-data" / "index.html"]:
        parsed = head(path)
        assert parsed.heading_links.get("h1", []) == [], path
    assert head(fiches(fixture_site)[0]).heading_links["h2"], "h2-koppen behouden hun permalink"


def test_overview_dates_are_dutch_with_iso_datetime(fixture_site, records):
    times = head(fixture_site / "praktijken" / "index.html").times
    assert len(times) == sum(1 for key in records if key.startswith("praktijken/"))  # the practices overview
    for iso, shown in times:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso)
        assert shown == model.dutch_date(iso)


def test_header_label_is_dutch(fixture_site):
    for path in (fixture_site / "index.html", fiches(fixture_site)[0]):
        text = path.read_text(encoding="utf-8")
        assert 'aria-label="Header"' not in text
        assert "Kopbalk" in head(path).nav_labels


def test_edit_links_only_on_pages_with_a_source_in_the_repository(fixture_site, records):
    vocab = load_vocab()
    for path in fiches(fixture_site):
        record = records[path.parent.relative_to(fixture_site).as_posix()]
        expected = EDIT + f"tests/fixtures/site/{vocab.kinds[record.kind].folder}/{record.slug}.md"
        assert head(path).edit_links == [expected], record.slug
        assert f'href="{expected}">Bewerk deze ' in path.read_text(encoding="utf-8")
    generated = ["index.html", "praktijken/index.html", "sdg/index.html", "sdg/12/index.html",
                 "thema/index.html", "p/planeet/index.html", "bestuur/index.html", "velden/index.html"]
    for name in generated:
        assert head(fixture_site / name).edit_links == [], name
    # A static page of docs/ can be edited.
    assert head(fixture_site / "open-data" / "index.html").edit_links == [EDIT + "docs/open-data.md"]


def test_records_outside_the_repository_get_no_edit_link(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("buiten")
    outside = tmp / "praktijken"
    shutil.copytree(FIXTURES_SITE, outside)
    site = build_site(outside, tmp / "site", docs_dir=str(docs_without(tmp / "docs", "kennis")))
    for path in fiches(site):
        text = path.read_text(encoding="utf-8")
        assert head(path).edit_links == [] and "Bewerk deze" not in text, path.parent.name


# ------------------------------------------------------------ npm libraries --

def test_committed_libraries_are_the_pinned_npm_files_with_their_licence():
    """docs/assets/vendor/ holds, byte for byte, the files of the versions in package.json ('make vendor')."""
    if not (ROOT / "node_modules" / "qrcode-generator").is_dir():
        require_browser_tool(False, "node_modules (npm ci)", "npm ci in de hoofdmap")
    assert vendor.differences(ROOT) == []
    pins = vendor.pinned(ROOT)
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    for library in vendor.LIBRARIES:
        assert lock[f"node_modules/{library.package}"]["version"] == pins[library.package]
        licence = (ROOT / library.licence_target).read_text(encoding="utf-8")
        assert licence.startswith(f"{library.package} {pins[library.package]}, licentie: MIT"), library.package
    assert "Kazuhiko Arase" in (ROOT / vendor.BY_PACKAGE["qrcode-generator"].licence_target).read_text(encoding="utf-8")


def test_the_site_serves_the_libraries_from_itself(fixture_site):
    for library in vendor.LIBRARIES:
        assert (fixture_site / library.url).read_bytes() == (ROOT / library.target).read_bytes()
        assert (fixture_site / library.url).with_name("LICENSE.txt").is_file()
    for path in fiches(fixture_site):
        assert "assets/vendor/qrcode-generator/qrcode.js" in path.read_text(encoding="utf-8")
    assert "qrcode.js" not in (fixture_site / "index.html").read_text(encoding="utf-8")
    scan = (fixture_site / "begroting" / "index.html").read_text(encoding="utf-8")
    assert "assets/vendor/papaparse/papaparse.min.js" in scan and "assets/vendor/fflate/fflate.min.js" in scan
    assert "cdn" not in scan.lower() and "unpkg" not in scan.lower()


def test_missing_or_other_version_of_a_library_is_a_dutch_error(tmp_path):
    (tmp_path / "package.json").write_text(json.dumps({"devDependencies": {
        "qrcode-generator": "2.0.4", "papaparse": "5.7.1", "fflate": "0.8.3"}}))
    with pytest.raises(vendor.VendorError, match="ontbreekt in node_modules/. Voer 'npm ci' uit"):
        vendor.sync(tmp_path)
    package = tmp_path / "node_modules" / "qrcode-generator"
    (package / "dist").mkdir(parents=True)
    (package / "dist" / "qrcode.js").write_text("// x\nvar qrcode;\n")
    (package / "package.json").write_text(json.dumps({"version": "1.4.4", "license": "MIT"}))
    with pytest.raises(vendor.VendorError, match="versie 1.4.4, package.json vraagt 2.0.4"):
        vendor.differences(tmp_path)
    (tmp_path / "package.json").write_text(json.dumps({"devDependencies": {}}))
    with pytest.raises(vendor.VendorError, match="qrcode-generator staat niet in package.json"):
        vendor.sync(tmp_path)


def test_make_vendor_refreshes_a_changed_copy(tmp_path):
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    if not (ROOT / "node_modules" / "qrcode-generator").is_dir():
        require_browser_tool(False, "node_modules (npm ci)", "npm ci in de hoofdmap")
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    assert len(vendor.sync(tmp_path)) == 2 * len(vendor.LIBRARIES)
    assert vendor.differences(tmp_path) == [] and vendor.sync(tmp_path) == []
    target = tmp_path / vendor.BY_PACKAGE["fflate"].target
    target.write_text("// aangepast\n")
    assert vendor.differences(tmp_path) == [f"{vendor.BY_PACKAGE['fflate'].target} verschilt van de vastgepinde versie in node_modules/"]
    assert vendor.main([str(tmp_path)]) == 0 and vendor.differences(tmp_path) == []
