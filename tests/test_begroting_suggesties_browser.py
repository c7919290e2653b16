"""The budget scan on a real multi-year plan in Chromium: the Zoersel projects export, suggestions
accepted for one action plan, kept over a reload, exported in the template's shape and read back.
Screenshots (desktop and 390 px) in test-artifacts/.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from praktijkenbank import load_vocab
from praktijkenbank.budget import lines as per_line
from praktijkenbank.budget.parse import read_path
from praktijkenbank.budget.summarise import labels, summarise
from test_begroting_browser import axe, open_scan, totals, upload

pytestmark = pytest.mark.browser

FIXTURES = ROOT / "tests" / "fixtures" / "begroting"
ZOERSEL = FIXTURES / "projecten-zoersel.csv"


@pytest.fixture(scope="module")
def base(fixture_site, serve) -> str:
    return serve(fixture_site)


def wait_suggestions(page):
    page.wait_for_selector("#pb-scan-suggesties section.pb-scan__groep")


def test_zoersel_accept_one_plan_reload_export_reimport(page, base, artifacts, tmp_path):
    open_scan(page, base)
    upload(page, ZOERSEL)
    python = summarise(read_path(ZOERSEL), labels(load_vocab()))
    first = totals(page, split=True)
    assert (first["totaal"], first["gecodeerd"], first["aanvaard"]) == (python["totaal"], 0, 0)
    assert "meerjarenplan projecten" in page.locator("#pb-scan-status").inner_text()
    wait_suggestions(page)
    # One action plan: the first group whose suggestions wait for a choice; by keyboard.
    button = page.locator("#pb-scan-suggesties button[data-keuze='aanvaard'][data-groep]").first
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => Number(document.querySelector(\"#pb-scan-totalen td[data-veld='aanvaard']\")"
                           ".getAttribute('data-cent')) > 0")
    accepted = totals(page, split=True)
    assert accepted["totaal"] == python["totaal"] and accepted["aanvaard"] == accepted["gecodeerd"] > 0
    assert "met een aanvaarde suggestie" in page.locator("#pb-scan-rapportmeta").inner_text()
    page.screenshot(path=str(artifacts / "begroting-zoersel.png"), full_page=True)
    # Reload: the choice is kept for this file.
    page.reload()
    page.wait_for_selector("#pb-scan:not([hidden])")
    upload(page, ZOERSEL)
    wait_suggestions(page)
    page.wait_for_function("() => Number(document.querySelector(\"#pb-scan-totalen td[data-veld='aanvaard']\")"
                           ".getAttribute('data-cent')) > 0")
    assert totals(page, split=True) == accepted
    # Export in the template's shape, and read it back: the same totals, the accepted lines now coded by the file.
    with page.expect_download() as info:
        page.get_by_role("button", name="Download het bestand met SDG-codes (CSV)").click()
    exported = tmp_path / "zoersel-met-sdg.csv"
    exported.write_bytes(open(info.value.path(), "rb").read())
    upload(page, exported)
    page.wait_for_function("() => document.getElementById('pb-scan-status').textContent.startsWith('zoersel-met-sdg')")
    again = totals(page, split=True)
    assert (again["totaal"], again["gecodeerd"], again["eigen"], again["aanvaard"]) == (
        accepted["totaal"], accepted["gecodeerd"], accepted["gecodeerd"], 0)
    # The CLI reads the same export to the same totals.
    cli = summarise(read_path(exported), labels(load_vocab()))
    assert (cli["totaal"], cli["gecodeerd"]) == (again["totaal"], again["gecodeerd"])


def test_accepting_everything_codes_every_line_with_a_suggestion(page, base, tmp_path):
    open_scan(page, base)
    upload(page, ZOERSEL)
    wait_suggestions(page)
    page.get_by_role("button", name="Aanvaard alle eerste suggesties").click()
    page.wait_for_function("() => !document.querySelector(\"#pb-scan-suggesties button[data-keuze='aanvaard'][data-groep]\")")
    got = totals(page, split=True)
    parsed = read_path(ZOERSEL)
    found = per_line.suggestions(parsed)
    with_suggestion = {row for row, options in found.items() if options}
    expected = sum(per_line.line_amount(l, parsed["jaren"]) for l in parsed["regels"] if l["rij"] in with_suggestion)
    assert got["aanvaard"] == expected  # the browser's suggestions are the CLI's


def test_reject_and_undo_per_line_and_the_would_add_table(page, base):
    open_scan(page, base)
    upload(page, ZOERSEL)
    wait_suggestions(page)
    page.locator("#pb-scan-suggesties section:has(button[data-keuze='aanvaard']) button[data-keuze='toon']").first.click()
    rows = page.locator("#pb-scan-suggesties tbody tr")
    assert rows.count() > 0
    before = page.locator("#pb-scan-suggesties-som").inner_text()
    assert "niet in de totalen" in before
    reject = page.locator("#pb-scan-suggesties button[data-keuze='afwijs'][data-rij]").first
    row = reject.get_attribute("data-rij")
    reject.click()
    page.wait_for_selector(f"#pb-scan-suggesties button[data-rij='{row}'][data-keuze='terug']")
    assert page.locator("#pb-scan-suggesties-som").inner_text() != before
    assert totals(page, split=True)["aanvaard"] == 0


@pytest.mark.parametrize("width", [1280, 390])
def test_zoersel_page_axe_and_width(browser, base, artifacts, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-BE")
    page = context.new_page()
    try:
        open_scan(page, base)
        upload(page, ZOERSEL)
        wait_suggestions(page)
        page.locator("#pb-scan-suggesties section:has(button[data-keuze='aanvaard']) button[data-keuze='toon']").first.click()
        page.wait_for_selector("#pb-scan-suggesties tbody tr")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(artifacts / f"begroting-suggesties-{width}.png"), full_page=True)
        problems = axe(page)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_no_kind_column_greys_soort_as_all_lines(page, base):
    open_scan(page, base)
    upload(page, FIXTURES / "sdg-codes.csv")  # no Soort column
    totals(page)
    soort = page.locator("#pb-scan-soort")
    assert soort.is_disabled() and soort.input_value() == "alle"
    upload(page, FIXTURES / "sjabloon.csv")  # with a Soort column: back to 'uitgaven'
    page.wait_for_function("() => document.getElementById('pb-scan-status').textContent.startsWith('sjabloon.csv')")
    assert not soort.is_disabled() and soort.input_value() == "uitgaven"


def test_printed_summary_names_who_coded_and_fits_one_page(page, base, artifacts):
    open_scan(page, base)
    upload(page, FIXTURES / "projecten-sdg-tekst.csv")
    wait_suggestions(page)
    page.locator("#pb-scan-suggesties button[data-keuze='aanvaard'][data-groep]").first.click()
    page.wait_for_function("() => Number(document.querySelector(\"#pb-scan-totalen td[data-veld='aanvaard']\")"
                           ".getAttribute('data-cent')) > 0")
    top = page.locator("#pb-scan-top").text_content()
    assert "uit de tekst van de actie" in top and "aanvaarde suggestie" in top  # where each line's SDGs came from
    page.emulate_media(media="print")
    text = page.locator("#pb-scan-rapport").inner_text()
    assert "waarvan door het bestuur zelf" in text and "waarvan door aanvaarde suggesties" in text
    pdf = page.pdf(format="A4", print_background=True)
    (artifacts / "begroting-suggesties-rapport.pdf").write_bytes(pdf)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1


def test_printed_report_names_the_unread_lines(page, base):
    open_scan(page, base)
    upload(page, FIXTURES / "fouten.csv")
    totals(page)
    page.emulate_media(media="print")
    text = page.locator("#pb-scan-rapport").inner_text()
    assert "rij 3 (F2 Tekst als bedrag: 'twaalf' is geen bedrag" in text and "en 5 meer" in text


def test_bank_links_come_from_the_records(fixture_site, page, base):
    """Section 4: the practices under an SDG are the records tagged with it (generated, not hand-kept)."""
    import re

    html = (fixture_site / "begroting" / "index.html").read_text(encoding="utf-8")
    block = re.search(r'data-sdg="12" hidden>(.*?)</div>', html, re.S).group(1)
    tagged = sorted(p.stem for p in (ROOT / "tests" / "fixtures" / "site" / "practices").glob("*.md")
                    if re.search(r"^sdgs: \[[^\]]*\b12\b", p.read_text(encoding="utf-8"), re.M))
    assert f"({len(tagged)} praktijk" in block and len(tagged) > 0
    links = re.findall(r'href="([^"]+)"', block)
    assert links and all(link.startswith(("../praktijken/", "../instrumenten/")) or link == "../sdg/12/" for link in links)
    open_scan(page, base)
    upload(page, FIXTURES / "sjabloon.csv")
    totals(page)
    assert page.locator("#pb-scan-bank a").count() > 0
