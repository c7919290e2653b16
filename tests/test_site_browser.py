"""The built site in a real browser (Debian Chromium via Playwright), served from 127.0.0.1
under the sub-path /praktijkenbank/ like a GitHub Pages project site.

Screenshots go to test-artifacts/ (home, a fiche, an SDG page, the print view).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from conftest import FIXTURES_SITE, ROOT, record_dirs, require_browser_tool
from praktijkenbank import load_practices, load_vocab

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FICHE = "praktijken/borsbeek-fairtrade-aankopen/"
OLD_FICHE = "praktijken/vvsg-sdg-rapportering-oud/"


@pytest.fixture(scope="module")
def base(fixture_site, serve) -> str:
    return serve(fixture_site)


@pytest.fixture(scope="module")
def records():
    practices, _ = load_practices(record_dirs(FIXTURES_SITE))
    return {p.slug: p for p in practices if p.kind == "praktijk"}


def _goto(page, url):
    response = page.goto(url)
    assert response is not None and response.ok, url
    return response


def test_fiche_shows_its_sdg_tiles(page, base, records, artifacts):
    vocab = load_vocab()
    _goto(page, base + FICHE)
    tiles = page.locator(".pb-tegels .pb-tegel")
    sdgs = records["borsbeek-fairtrade-aankopen"].meta["sdgs"]
    assert tiles.count() == len(sdgs)
    for index, number in enumerate(sdgs):
        tile = tiles.nth(index)
        assert tile.is_visible()
        assert tile.inner_text().split()[:2] == ["SDG", str(number)]
        assert vocab.sdgs[number]["naam"] in tile.inner_text()
        colour = tile.evaluate("el => getComputedStyle(el).backgroundColor")
        hex_colour = vocab.sdgs[number]["kleur"].lstrip("#")
        assert colour == "rgb({}, {}, {})".format(*(int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)))
    page.screenshot(path=str(artifacts / "fiche.png"), full_page=True)


def test_sdg_page_lists_exactly_its_practices(page, base, records, artifacts):
    for number in (7, 12, 17, 1):
        _goto(page, f"{base}sdg/{number}/")
        hrefs = page.locator("article .pb-lijst .pb-kaart__titel a").evaluate_all("els => els.map(e => e.href)")
        shown = {urlsplit(h).path.rstrip("/").rsplit("/", 1)[-1] for h in hrefs if "/praktijken/" in h}
        assert shown == {slug for slug, p in records.items() if number in p.meta.get("sdgs", [])}, number
        if not shown:
            assert page.locator(".pb-leeg").is_visible()
    _goto(page, f"{base}sdg/12/")
    page.screenshot(path=str(artifacts / "sdg.png"), full_page=True)


def test_navigation_home_to_sdg_to_fiche(page, base, artifacts):
    _goto(page, base)
    page.screenshot(path=str(artifacts / "home.png"), full_page=True)
    page.locator(".pb-tegels--raster a.pb-tegel[href='sdg/12/']").click()
    page.wait_for_url("**/praktijkenbank/sdg/12/")
    assert page.locator("h1").inner_text().startswith("SDG 12")
    page.locator(".pb-kaart__titel a").first.click()
    page.wait_for_url("**/praktijkenbank/" + FICHE)
    assert "Borsbeek" in page.locator("h1").inner_text()
    # The related practice (declared on this fiche) and back (derived) work too.
    page.locator(".pb-verwant a").first.click()
    page.wait_for_url("**/praktijken/provincie-oost-vlaanderen-subsidiereglement/")
    page.locator(".pb-verwant a").first.click()
    page.wait_for_url("**/" + FICHE)


def test_print_hides_navigation(page, base, artifacts):
    _goto(page, base + FICHE)
    assert page.locator(".md-header").is_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".pb-bewerk"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator(".pb-tegel").first.is_visible()
    assert page.locator("h1").is_visible()
    page.screenshot(path=str(artifacts / "fiche-print.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 2, pages


def test_te_herzien_notice_is_visible(page, base):
    _goto(page, base + OLD_FICHE)
    notice = page.locator(".pb-herzien")
    assert notice.is_visible() and "Te herzien" in notice.inner_text()


def test_no_request_leaves_the_machine(page, base):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("", FICHE, "sdg/7/", "praktijken/", "open-data/"):
        _goto(page, base + path)
        page.wait_for_load_state("networkidle")
    assert requests
    outside = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
    assert not outside, outside


def test_404_page_is_dutch(page, base):
    response = page.goto(base + "bestaat-niet/")
    assert response.status == 404
    assert page.locator("h1").inner_text() == "Pagina niet gevonden"
    page.locator("article a", has_text="Alle praktijken").click()
    page.wait_for_url("**/praktijkenbank/praktijken/")


@pytest.mark.parametrize("path", ["", FICHE, OLD_FICHE, "sdg/7/", "sdg/", "praktijken/", "p/planeet/",
                                  "bestuur/antwerpen/", "open-data/", "beleidsdomeinen/",
                                  "beleidsdomeinen/algemeen-bestuur/", "grootte/centrumstad/", "bewijs/"])
def test_axe_reports_no_violations(page, base, path):
    require_browser_tool(AXE.is_file(), "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")
    _goto(page, base + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    problems = [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
                for v in result["violations"]]
    assert not problems, "\n".join(problems)
    assert len(result["passes"]) > 20


def test_every_real_fiche_prints_on_one_or_two_a4_pages(real_site, serve, page):
    base = serve(real_site)
    too_long = {}
    for fiche in sorted((real_site / "praktijken").glob("*/index.html")):
        if 'http-equiv="refresh"' in fiche.read_text(encoding="utf-8"):
            continue  # the old address of a record that moved (verhuisd.yaml)
        _goto(page, f"{base}praktijken/{fiche.parent.name}/")
        pdf = page.pdf(format="A4", print_background=True)
        count = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        if not 1 <= count <= 2:
            too_long[fiche.parent.name] = count
    assert not too_long, too_long
