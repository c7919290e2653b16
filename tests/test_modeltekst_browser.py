"""A model-text fiche (and the SDG paragraph of the project scan) in Chromium, on the real site.

Keyboard only: Tab to 'Kopieer de tekst' and press Enter, the clipboard holds the text with its
fill-in fields; the downloads are served and reopen with python-docx and odfdo; 'Druk alleen de
tekst af' prints the title and the text only; axe-core WCAG 2.1 AA at desktop width and at 390 px.
In the project scan: 'Maak er een SDG-paragraaf van', typed changes in the text field, copied.
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import io

import docx
import pytest
from odfdo import Document
from pypdf import PdfReader

from conftest import ROOT, add_axe
from test_projectscan_browser import _load, _open, _tab_to
from test_projectscan_js import realistic

pytestmark = pytest.mark.browser

SLUG = "modeltekst-raadsbesluit-sdgs-als-kader-meerjarenplan"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def base(real_site, serve) -> str:
    return serve(real_site)


def _context(browser, viewport=None):
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, locale="nl-BE")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    return context


def _fiche(page, base):
    response = page.goto(f"{base}instrumenten/{SLUG}/")
    assert response is not None and response.ok
    page.wait_for_selector(".pb-modeltekst__acties button")


def test_copy_the_text_with_the_keyboard(browser, base, artifacts):
    context = _context(browser)
    try:
        page = context.new_page()
        _fiche(page, base)
        _tab_to(page, ".pb-modeltekst__acties button:first-child")
        assert page.evaluate("document.activeElement.textContent") == "Kopieer de tekst"
        page.keyboard.press("Enter")
        page.wait_for_selector(".pb-modeltekst__melding:not(:empty)")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("Besluit van de gemeenteraad van [naam gemeente] van [datum]")
        assert "Artikel 6. Dit besluit wordt bekendgemaakt" in copied
        assert "Kopieer de tekst" not in copied and "Geen juridisch advies" not in copied
        assert "gekopieerd" in page.locator(".pb-modeltekst__melding").text_content()
        assert page.locator(".pb-modeltekst__tekst .pb-invulveld").count() >= 5  # fields marked
        page.screenshot(path=str(artifacts / "modeltekst-fiche.png"), full_page=True)
    finally:
        context.close()


def test_the_fiche_says_once_that_it_is_not_legal_advice(page, base):
    _fiche(page, base)
    assert page.get_by_text("Geen juridisch advies", exact=True).count() == 1
    assert page.locator(".pb-modeltekst__advies").count() == 1
    note = page.locator(".pb-modeltekst__advies").text_content()
    assert "juridische dienst" in note and "helpdesk van de VVSG" in note
    assert page.locator(".pb-modeltekst-sprong a").get_attribute("href") == "#modeltekst"  # the jump at the top
    assert page.locator("h2#modeltekst").count() == 1
    fields = page.locator(".pb-modeltekst__velden li").all_text_contents()
    assert fields[:2] == ["[naam gemeente]", "[datum]"]


def test_downloads_are_served_and_reopen(page, base):
    _fiche(page, base)
    links = {a.text_content(): a.get_attribute("href") for a in page.locator(".pb-modeltekst__acties a").all()}
    assert set(links) == {"Download als Word (.docx)", "Download als OpenDocument (.odt)", "Download als tekst (.txt)"}
    bodies = {}
    for label, href in links.items():
        response = page.request.get(page.url + href)
        assert response.ok, href
        bodies[href.rsplit(".", 1)[1]] = response.body()
    word = [p.text for p in docx.Document(io.BytesIO(bodies["docx"])).paragraphs]
    assert word[0].startswith("Modeltekst: gemeenteraadsbesluit") and "Artikel 4. [naam dienst] coördineert" in " ".join(word)
    assert "[periode meerjarenplan]" in Document(io.BytesIO(bodies["odt"])).get_formatted_text()
    assert bodies["txt"].decode("utf-8").count("[naam gemeente]") == 1


def test_print_only_the_text(page, base, artifacts):
    _fiche(page, base)
    page.evaluate("document.documentElement.classList.add('pb-alleen-tekst')")  # what the button does before print()
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "Artikel 1." in text and "[naam gemeente]" in text
    for hidden in ("Zo gebruik je het", "Geen juridisch advies", "Download als", "Bronnen", "Kopieer de tekst"):
        assert hidden not in text, hidden
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('pb-alleen-tekst')")


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "390px"])
def test_axe_reports_no_violations_on_a_model_text(browser, base, artifacts, viewport):
    context = _context(browser, viewport)
    try:
        page = context.new_page()
        _fiche(page, base)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        add_axe(page)
        result = page.evaluate("async () => await axe.run(document)")
        problems = [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
                    for v in result["violations"]]
        assert not problems, "\n".join(problems)
        if viewport is PHONE:
            page.screenshot(path=str(artifacts / "modeltekst-390.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "390px"])
def test_scan_makes_an_editable_sdg_paragraph(browser, base, artifacts, viewport):
    context = _context(browser, viewport)
    try:
        page = context.new_page()
        _open(page, base + "projectscan/")
        _load(page, realistic())
        _tab_to(page, "#pb-scan-paragraaf-maak")
        page.keyboard.press("Enter")
        field = page.locator("#pb-scan-paragraaf-tekst")
        assert page.evaluate("document.activeElement.id") == "pb-scan-paragraaf-tekst"
        made = field.input_value()
        assert made.startswith("SDG-paragraaf\n\n") and "Voorstel: Fairtrade-koffie in alle gemeentelijke gebouwen." in made
        assert "[titel van het voorstel]" not in made
        page.keyboard.press("Control+End")
        page.keyboard.type("\nNagelezen door de dienst.")
        _tab_to(page, "#pb-scan-paragraaf-kopieer")
        page.keyboard.press("Enter")
        page.wait_for_function("document.getElementById('pb-scan-paragraaf-status').textContent.includes('gekopieerd')")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied == made.rstrip("\n") + "\n\nNagelezen door de dienst." or copied.endswith("Nagelezen door de dienst.")
        assert "Fairtrade-koffie" in copied
        # Typing in the paragraph does not touch the scan: the summary still has the scan's own title.
        assert "Nagelezen" not in page.locator("#pb-scan-samenvatting").text_content()
        if viewport is PHONE:
            assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
            page.locator("#pb-scan-paragraaf").screenshot(path=str(artifacts / "projectscan-paragraaf-390.png"))
        add_axe(page)
        result = page.evaluate("async () => await axe.run('#pb-scan-paragraaf')")
        assert not [v["id"] for v in result["violations"]]
    finally:
        context.close()
