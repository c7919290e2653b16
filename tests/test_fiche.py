"""A fiche (practice page) in Chromium: printed on one A4 page, and shared with "Kopieer link".

Printing: page.pdf(format="A4") has one page for a typical fiche; the print
view shows the site name, the fiche's address with a QR code to it, the print
date and the credit line; related practices print as plain titles. The
printed page is rendered to PNG (pdftoppm, when installed) and the print view
is screenshot, both in test-artifacts/.
"""

from __future__ import annotations

import datetime as dt
import shutil
import statistics
import subprocess

import pytest
from playwright.sync_api import expect

from conftest import PRACTICES
from praktijkenbank.site import licentie, model
from test_site_browser import base, records  # noqa: F401  (fixtures: the fixture site and its records)

pytestmark = pytest.mark.browser

SITE_URL = "https://vvsg-praktijkenbank.github.io/praktijkenbank/"
FICHE = "borsbeek-fairtrade-aankopen"  # has related practices


def pdf_pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def typical_real_fiche() -> str:
    """The real practice of median length: what a typical fiche is."""
    sizes = {path.stem: len(path.read_text(encoding="utf-8")) for path in PRACTICES.glob("*.md")}
    median = statistics.median_low(sizes.values())
    return next(slug for slug, size in sorted(sizes.items()) if size == median)


# -------------------------------------------------------------------- print --

def test_a_typical_fiche_prints_on_one_a4_page(page, base, real_site, serve, artifacts):
    page.goto(base + f"praktijken/{FICHE}/")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 1
    slug = typical_real_fiche()
    page.goto(serve(real_site) + f"praktijken/{slug}/")
    pdf = page.pdf(format="A4", print_background=True)
    assert pdf_pages(pdf) == 1, slug
    (artifacts / "fiche-afdruk.pdf").write_bytes(pdf)
    if shutil.which("pdftoppm"):  # look at it: test-artifacts/fiche-afdruk-1.png
        subprocess.run(["pdftoppm", "-png", "-r", "80", str(artifacts / "fiche-afdruk.pdf"),
                        str(artifacts / "fiche-afdruk")], check=True, timeout=60)


def test_the_print_view_shows_address_qr_code_date_and_credit(page, base, records, artifacts):
    page.goto(base + f"praktijken/{FICHE}/")
    block = page.locator(".pb-afdruk")
    assert not block.is_visible()  # on screen: not there
    page.emulate_media(media="print")
    expect(block).to_be_visible()
    address = f"{SITE_URL}praktijken/{FICHE}/"
    expect(block).to_contain_text("Praktijkenbank SDG's en lokaal mondiaal beleid")
    expect(block.locator(".pb-afdruk__url")).to_have_text(address)
    today = page.evaluate("(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; })()")
    expect(block.locator(".pb-afdruk__datum")).to_have_text(f"Afgedrukt op {model.dutch_date(dt.date(*today))}")
    expect(block).to_contain_text(licentie.attribution(address))
    qr = block.locator("img.pb-afdruk__qr")
    expect(qr).to_be_visible()
    assert qr.get_attribute("alt") == "QR-code met de link naar deze fiche"
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    box = qr.bounding_box()
    assert box["width"] >= 60 and abs(box["width"] - box["height"]) < 1
    page.screenshot(path=str(artifacts / "fiche-print.png"), full_page=True)


def test_related_practices_print_as_readable_titles(page, base, records):
    page.goto(base + f"praktijken/{FICHE}/")
    page.emulate_media(media="print")
    related = page.locator(".pb-verwant li")
    titles = related.all_inner_texts()
    assert titles and set(titles) <= {" ".join(p.meta["titel"].split()) for p in records.values()}
    links = page.locator(".pb-verwant a")
    for index in range(links.count()):  # expect() retries: Material animates a link's colour
        expect(links.nth(index)).to_have_css("text-decoration-line", "none")
        expect(links.nth(index)).to_have_css("color", "rgb(0, 0, 0)")
    for hidden in (".pb-delen", ".md-header", ".pb-bewerk"):
        assert not page.locator(hidden).first.is_visible(), hidden


# -------------------------------------------------------------------- share --

def test_copy_link_copies_the_fiche_address_and_says_so(browser, base, artifacts):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        page.goto(base + f"praktijken/{FICHE}/")
        button = page.get_by_role("button", name="Kopieer link")
        message = page.locator(".pb-delen__melding")
        assert message.get_attribute("role") == "status"
        button.click()
        expect(message).to_have_text("De link naar deze fiche is gekopieerd. Je kunt hem nu plakken.")
        assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}praktijken/{FICHE}/"
        assert page.locator(".pb-delen__reserve").is_hidden()
        page.screenshot(path=str(artifacts / "fiche-desktop.png"))
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(artifacts / "fiche-390.png"), full_page=True)
    finally:
        context.close()


# No Clipboard API and no copy command: the address is shown selected, with a Dutch hint.
WITHOUT_CLIPBOARD = """
Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined, configurable: true});
document.execCommand = () => false;
"""


def test_without_a_clipboard_the_link_is_selected_in_a_field(browser, base):
    context = browser.new_context(locale="nl-BE")
    context.add_init_script(WITHOUT_CLIPBOARD)
    page = context.new_page()
    try:
        page.goto(base + f"praktijken/{FICHE}/")
        assert page.evaluate("navigator.clipboard") is None
        page.get_by_role("button", name="Kopieer link").click()
        field = page.get_by_label("Link naar deze fiche")
        expect(field).to_be_visible()
        expect(field).to_have_value(f"{SITE_URL}praktijken/{FICHE}/")
        expect(field).to_be_focused()
        assert page.evaluate("(() => { const f = document.activeElement; return f.selectionEnd - f.selectionStart; })()") \
            == len(f"{SITE_URL}praktijken/{FICHE}/")
        expect(page.locator(".pb-delen__melding")).to_contain_text("kopieer hem met Ctrl+C")
    finally:
        context.close()


def test_the_purchasing_dossier_prints_its_own_text_with_short_lists(page, real_site, serve, artifacts):
    """A dossier on paper: its own text and sources, each list at most PRINTED cards (titles) and a
    line that says how many more there are online (the address and QR code are at the end)."""
    from pypdf import PdfReader
    import io

    page.goto(serve(real_site) + "dossiers/duurzaam-aankopen/")
    counts = page.eval_on_selector_all("ul.pb-lijst", "lists => lists.map(l => l.children.length)")
    assert max(counts) > 5, counts  # long lists: what used to fill six pages
    pdf = page.pdf(format="A4", print_background=True)
    (artifacts / "dossier-afdruk.pdf").write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= 2, len(reader.pages)  # was 6
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Wat de praktijkenbank al biedt" in text and "Bronnen" in text
    for count in counts:
        if count > 5:
            assert f"en nog {count - 5} " in text.lower()
    assert "dossiers/duurzaam-aankopen/" in text
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path=str(artifacts / "dossier-afdruk.png"), full_page=True)
