"""The SDG report builder (rapport/) in Chromium: filled in with the keyboard, files imported,
printed (A4 page count), the .docx downloaded and opened again with python-docx, the same
figures as the command line. Screenshots in test-artifacts/."""

from __future__ import annotations

import json

import pytest

from conftest import add_axe
from test_rapport import FIXTURES, INPUTS

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def base(indicator_site, serve) -> str:
    return serve(indicator_site)


def open_builder(page, base, query=""):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "rapport/" + query)
    page.wait_for_selector("#pb-rapport:not([hidden])")
    return errors


def axe(page) -> list[str]:
    add_axe(page)  # skips without npm, fails in CI
    result = page.evaluate("async () => await axe.run(document)")
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]


def fill_with_keyboard(page):
    """Government, shape and the starter set with key presses only; then values typed cell by cell."""
    page.focus("#pb-rapport-bestuur")
    page.keyboard.type("Gent")  # a select jumps to the typed name
    page.keyboard.press("Tab")
    page.focus("#pb-rapport-vorm-hoofdstuk")
    page.keyboard.press("ArrowDown")  # to the next radio: VLR-light
    page.focus("#pb-rapport-starter")
    page.keyboard.press("Enter")
    cells = page.locator("#pb-rapport-waarden input")
    assert cells.count() == 3 * 3  # 3 starter indicators x (2 years + own goal)
    page.locator("#pb-rapport-waarden input[data-slug=sdg01-kansarmoede-index][data-jaar='2020']").focus()
    for text in ["14,2", "12,9", "", "21", "34,5", "", "142", "151", "120"]:
        if text:
            page.keyboard.type(text)
        page.keyboard.press("Tab")


def test_builder_filled_in_with_the_keyboard(page, base, artifacts):
    errors = open_builder(page, base)
    fill_with_keyboard(page)
    assert page.input_value("#pb-rapport-bestuur") == "Gent"
    assert page.is_checked("#pb-rapport-vorm-vlr")
    paper = page.locator("#pb-rapport-voorbeeld")
    assert "Lokale SDG-rapportering (VLR-light)" in paper.inner_text()
    assert "verbetert (-1,3)" in paper.inner_text()  # kansarmoede: lower is better
    assert "Eigen doel: 120" in paper.inner_text()
    assert "bestuur=Gent" in page.url and "vorm=vlr" in page.url and "sdg01-kansarmoede-index" in page.url
    page.screenshot(path=str(artifacts / "rapport-toetsenbord.png"), full_page=True)
    assert axe(page) == []
    assert errors == []


def test_choices_in_the_address_are_restored(page, base):
    open_builder(page, base, "?bestuur=Gent&vorm=vlr&indicatoren=sdg12-test-restafval")
    assert page.input_value("#pb-rapport-bestuur") == "Gent"
    assert page.is_checked("#pb-rapport-vorm-vlr")
    assert page.is_checked("#pb-rapport-ind-sdg12-test-restafval")
    assert not page.is_checked("#pb-rapport-ind-sdg01-kansarmoede-index")


def test_values_csv_with_bad_rows_gives_dutch_messages(page, base):
    open_builder(page, base)
    page.set_input_files("#pb-rapport-waardenbestand", str(FIXTURES / "waarden-met-fouten.csv"))
    messages = page.locator("#pb-rapport-waardenfouten li")
    messages.first.wait_for()
    assert messages.count() == 6
    assert messages.nth(0).inner_text().startswith("Rij 3: de indicator 'sdg01-kansarmoeden' bestaat niet.")
    assert "2 waarden ingelezen" in page.inner_text("#pb-rapport-waardenfouten")


def load_everything(page, base, shape: str):
    open_builder(page, base, f"?bestuur=Gent&vorm={shape}&indicatoren=" + ",".join(INPUTS[shape]["indicatoren"]))
    page.fill("#pb-rapport-datum", INPUTS[shape]["datum"])
    page.dispatch_event("#pb-rapport-datum", "change")
    for pid, text in INPUTS[shape]["teksten"].items():
        page.fill(f"#pb-rapport-tekst-{pid}", text)
    page.set_input_files("#pb-rapport-waardenbestand", str(FIXTURES / "waarden.csv"))
    page.set_input_files("#pb-rapport-begroting", str(FIXTURES / "begrotingsscan-voorbeeldgemeente.csv"))
    page.wait_for_function("document.getElementById('pb-rapport-importstatus').textContent.includes('Begrotingsscan')")
    page.set_input_files("#pb-rapport-projecten", str(FIXTURES / "projectscan-fietsbrug.csv"))
    page.wait_for_function("document.getElementById('pb-rapport-importstatus').textContent.includes('Projectscan')")


def test_budget_scan_export_is_imported_and_shown(page, base):
    load_everything(page, base, "hoofdstuk")
    paper = page.locator("#pb-rapport-voorbeeld")
    assert "Budget per SDG" in paper.inner_text()
    assert "3,4 %" in paper.inner_text()  # SDG 1 in the example municipality
    assert page.locator(".pb-rapport__naast > .pb-rapport__grafiek + .pb-rapport__tabelwrap table").count() == 1  # a table beside the chart


def test_budget_scan_button_opens_the_builder_with_its_result(page, base, artifacts):
    """Issue 16 §2: 'Maak een SDG-rapport' on the scan result opens the builder with that result (and the
    government typed in the scan); the same figures as importing the scan's CSV download."""
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "begroting/")
    page.get_by_role("button", name="Probeer het voorbeeld").click()
    button = page.get_by_role("button", name="Maak een SDG-rapport")
    button.wait_for()
    page.focus("#pb-scan-naam")  # shown once a file is read
    page.keyboard.type("Gent")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download de samenvatting (CSV)").click()
    downloaded = info.value.path()
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/rapport/" in url)
    page.wait_for_selector("#pb-rapport:not([hidden])")
    assert "begrotingsscan" in page.inner_text("#pb-rapport-importstatus")
    assert page.input_value("#pb-rapport-bestuur") == "Gent"
    handed = page.inner_text("#pb-rapport-voorbeeld")
    assert "Budget per SDG" in handed and "3,4 %" in handed  # SDG 1 in the example municipality
    page.screenshot(path=str(artifacts / "rapport-uit-begrotingsscan.png"), full_page=True)
    # The same report as loading the scan's CSV by hand.
    page.goto(base + "begroting/")  # leave and come back in the same tab: the hand-over is still there
    page.goto(base + "rapport/?bestuur=Gent")
    page.wait_for_selector("#pb-rapport:not([hidden])")
    assert page.inner_text("#pb-rapport-voorbeeld") == handed
    page.get_by_role("button", name="Verwijder budget en projecten").click()
    assert "Budget per SDG" not in page.inner_text("#pb-rapport-voorbeeld")
    page.set_input_files("#pb-rapport-begroting", downloaded)
    page.wait_for_function("document.getElementById('pb-rapport-importstatus').textContent.includes('Begrotingsscan')")
    assert page.inner_text("#pb-rapport-voorbeeld") == handed
    page.reload()  # 'wis-import' forgot the hand-over
    page.wait_for_selector("#pb-rapport:not([hidden])")
    assert "Budget per SDG" not in page.inner_text("#pb-rapport-voorbeeld")
    assert errors == []


@pytest.mark.parametrize("shape, pages", [("hoofdstuk", (2, 4)), ("vlr", (8, 16))])
def test_print_fits_the_expected_pages(page, base, artifacts, shape, pages):
    from pypdf import PdfReader

    load_everything(page, base, shape)
    page.emulate_media(media="print")
    pdf = artifacts / f"rapport-{shape}.pdf"
    page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
    reader = PdfReader(str(pdf))
    assert pages[0] <= len(reader.pages) <= pages[1], len(reader.pages)
    text = reader.pages[0].extract_text()
    assert "Pagina 1 van" in text
    assert "Bestuur en vorm" not in text  # the form is not printed


@pytest.mark.parametrize("shape", ["hoofdstuk", "vlr"])
def test_docx_from_the_browser_reopens_with_the_same_figures_as_the_cli(page, base, artifacts, shape, tmp_path):
    from test_rapport_docx import docx_content, expected_content

    load_everything(page, base, shape)
    with page.expect_download(timeout=60000) as info:
        page.click("#pb-rapport-docx")
    path = artifacts / f"rapport-{shape}-browser.docx"
    info.value.save_as(str(path))
    assert docx_content(path) == expected_content(shape)


def test_saved_file_reopens(page, base, tmp_path):
    load_everything(page, base, "vlr")
    with page.expect_download() as info:
        page.click("#pb-rapport-bewaar")
    saved = tmp_path / "rapport.json"
    info.value.save_as(str(saved))
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["soort"] == "praktijkenbank-sdg-rapport" and data["bestuur"] == "Gent"
    before = page.inner_text("#pb-rapport-voorbeeld")
    page.goto(base + "rapport/")
    page.wait_for_selector("#pb-rapport:not([hidden])")
    page.set_input_files("#pb-rapport-open", str(saved))
    page.wait_for_function("document.getElementById('pb-rapport-uitvoerstatus').textContent.includes('geopend')")
    assert page.inner_text("#pb-rapport-voorbeeld") == before
    assert page.input_value("#pb-rapport-tekst-vrede") == "Inspraak groeit."


def test_phone_width_and_accessibility(browser, base, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-BE")
    page = context.new_page()
    try:
        load_everything(page, base, "vlr")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, width
        page.screenshot(path=str(artifacts / "rapport-390.png"), full_page=False)
        assert axe(page) == []
    finally:
        context.close()
