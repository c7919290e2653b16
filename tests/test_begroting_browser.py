"""The SDG-begrotingsscan (begroting/) and "in cijfers" (cijfers/) in Chromium.

The scan must give in the browser what the CLI gives (tests/test_begroting.py checks
the same JavaScript in node): every fixture is uploaded, and its totals compared with
the hand-written expectation. Screenshots in test-artifacts/.
"""

from __future__ import annotations

import json
import subprocess

import pytest
import yaml

from conftest import ROOT, add_axe
from praktijkenbank import load_vocab
from praktijkenbank.budget.parse import read_path
from praktijkenbank.budget.summarise import labels, summarise, to_csv

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FIXTURES = ROOT / "tests" / "fixtures" / "begroting"
EXAMPLE = ROOT / "tools" / "praktijkenbank" / "data" / "begroting-voorbeeld.csv"


@pytest.fixture(scope="module")
def base(fixture_site, serve) -> str:
    return serve(fixture_site)


def open_scan(page, base):
    page.goto(base + "begroting/")
    page.wait_for_selector("#pb-scan:not([hidden])")


def upload(page, path):
    page.set_input_files("#pb-scan-bestand", str(path))


def totals(page, split=False) -> dict:
    """The totals table: coded, uncoded, total, unread (and with ``split`` the coded part by the
    municipality itself and by accepted suggestions)."""
    page.wait_for_selector("#pb-scan-uitkomst:not([hidden])")
    found = {cell.get_attribute("data-veld"): int(cell.get_attribute("data-cent"))
             for cell in page.locator("#pb-scan-totalen td[data-cent]").all()}
    return found if split else {k: v for k, v in found.items() if k not in ("eigen", "aanvaard")}


def sdg_table(page) -> dict:
    rows = page.locator("#pb-scan-sdg table tbody tr").all()
    return {int(r.locator("th").inner_text().split()[1]): r.locator("td").first.inner_text() for r in rows}


def axe(page) -> list[str]:
    add_axe(page)  # skipped without npm, with the Dutch summary (conftest.py)
    result = page.evaluate("async () => await axe.run(document)")
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in result["violations"]]


def python_summary(path, **options):
    names = labels(load_vocab())
    summary = summarise(read_path(path, options.pop("kolom", None)), names, **options)
    return summary, to_csv(summary, names)


def test_example_file_totals_and_csv_export_equal_the_cli(page, base, artifacts):
    open_scan(page, base)
    page.get_by_role("button", name="Probeer het voorbeeld").click()
    summary, csv_text = python_summary(EXAMPLE)
    assert totals(page) == {"gecodeerd": summary["gecodeerd"], "niet_gecodeerd": summary["niet_gecodeerd"],
                            "totaal": summary["totaal"], "niet_gelezen": summary["niet_gelezen_bedrag"]}
    assert page.locator("#pb-scan-sdg rect").count() == 17
    colour = page.locator("#pb-scan-sdg rect").first.get_attribute("fill")
    assert colour == load_vocab().sdgs[1]["kleur"]
    with page.expect_download() as info:
        page.get_by_role("button", name="Download de samenvatting (CSV)").click()
    path = info.value.path()
    assert open(path, "rb").read() == ("\ufeff" + csv_text).encode("utf-8")
    # The CLI on the same file writes the same bytes.
    out = artifacts / "begroting-cli.csv"
    subprocess.run([str(ROOT / ".venv" / "bin" / "praktijkenbank"), "begroting", str(EXAMPLE), "--csv", str(out)],
                   check=True, capture_output=True)
    assert out.read_bytes() == open(path, "rb").read()
    page.screenshot(path=str(artifacts / "begroting.png"), full_page=True)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".tsv", ".xlsx")))
def test_every_fixture_gives_the_expected_totals_in_the_browser(page, base, name):
    expected = yaml.safe_load((FIXTURES / (name.rsplit(".", 1)[0] + ".verwacht.yaml")).read_text(encoding="utf-8"))
    case = expected["gevallen"][0]
    open_scan(page, base)
    upload(page, FIXTURES / name)
    if "fout" in case:
        page.wait_for_function("f => document.getElementById('pb-scan-status').textContent.includes(f)", arg=case["fout"])
        return
    got = totals(page)
    assert (got["totaal"], got["gecodeerd"], got["niet_gecodeerd"]) == (case["totaal"], case["gecodeerd"],
                                                                      case["niet_gecodeerd"])
    assert page.locator("#pb-scan-fouten tbody tr").count() == len(case["niet_gelezen"])


def test_filters_by_keyboard(page, base):
    open_scan(page, base)
    upload(page, FIXTURES / "sjabloon.csv")
    totals(page)
    page.locator("#pb-scan-jaren input[value='2026']").focus()
    page.keyboard.press("Space")  # untick 2026: only 2027 left
    page.locator("#pb-scan-soort").focus()
    page.keyboard.press("ArrowDown")  # ontvangsten
    expected = python_summary(FIXTURES / "sjabloon.csv", years=[2027], soort="ontvangsten")[0]
    assert totals(page)["totaal"] == expected["totaal"] == 6000000


def test_column_mapping_is_offered_and_remembered(page, base, artifacts):
    open_scan(page, base)
    upload(page, FIXTURES / "andere-koppen.csv")
    page.wait_for_selector("#pb-scan-koppeling:not([hidden])")
    assert "SDG-codes" in page.locator("#pb-scan-status").inner_text()
    sdg = page.get_by_label("SDG", exact=True)
    sdg.focus()
    sdg.select_option("Duurzaamheidsdoel")
    page.get_by_label("Omschrijving", exact=True).select_option("Actieomschrijving")
    page.screenshot(path=str(artifacts / "begroting-koppeling.png"), full_page=True)
    page.get_by_role("button", name="Lees het bestand met deze kolommen").click()
    expected = python_summary(FIXTURES / "andere-koppen.csv",
                              kolom={"sdg": "Duurzaamheidsdoel", "omschrijving": "Actieomschrijving"})[0]
    assert totals(page)["totaal"] == expected["totaal"] == 3500000
    assert sdg_table(page)[17] == "€ 5.000,00"
    # Next visit, next file with the same headers: the mapping is remembered.
    open_scan(page, base)
    upload(page, FIXTURES / "andere-koppen.csv")
    assert totals(page)["totaal"] == 3500000
    assert page.locator("#pb-scan-koppeling").is_hidden()
    # ... and does not hide the usual columns of a file made from the template.
    upload(page, FIXTURES / "sjabloon.csv")
    page.wait_for_function("() => document.getElementById('pb-scan-status').textContent.startsWith('sjabloon.csv')")
    assert totals(page)["totaal"] == 50610000
    # Columns can also be chosen when everything was recognised.
    page.get_by_role("button", name="Kolommen zelf kiezen").click()
    assert page.locator("#pb-scan-koppeling").is_visible()
    assert page.get_by_label("SDG", exact=True).input_value() == "SDG"


def test_phone_width_and_axe_with_a_file_loaded(browser, base, artifacts):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-BE")
    page = context.new_page()
    try:
        open_scan(page, base)
        upload(page, FIXTURES / "fouten.csv")
        totals(page)
        width = page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, width
        page.screenshot(path=str(artifacts / "begroting-390.png"), full_page=True)
        problems = axe(page)
        assert not problems, "\n".join(problems)
        upload(page, FIXTURES / "andere-koppen.csv")
        page.wait_for_selector("#pb-scan-koppeling:not([hidden])")
        problems = axe(page)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_printed_report_fits_one_page(page, base, artifacts):
    open_scan(page, base)
    page.get_by_role("button", name="Probeer het voorbeeld").click()
    totals(page)
    page.get_by_label("Naam van het bestuur (voor het rapport)").press_sequentially("Voorbeeldgemeente")
    assert "Voorbeeldgemeente" in page.locator("#pb-scan-rapportnaam").inner_text()
    page.emulate_media(media="print")
    assert page.locator("#pb-scan-sdg table").is_visible()
    assert not page.locator("#pb-scan-filters").is_visible()
    page.screenshot(path=str(artifacts / "begroting-print.png"), full_page=True)
    pdf = page.pdf(format="A4", print_background=True)
    (artifacts / "begroting-rapport.pdf").write_bytes(pdf)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages == 1, pages


# ------------------------------------------------------------------- cijfers --

def test_cijfers_page_axe_and_phone_width(browser, base, artifacts):
    for viewport, name in (({"width": 1280, "height": 900}, "cijfers.png"), ({"width": 390, "height": 844}, "cijfers-390.png")):
        context = browser.new_context(viewport=viewport, locale="nl-BE")
        page = context.new_page()
        try:
            page.goto(base + "cijfers/")
            assert page.locator("figure.pb-grafiek").count() == 7
            width = page.evaluate("() => document.documentElement.scrollWidth")
            assert width <= viewport["width"], width
            page.screenshot(path=str(artifacts / name), full_page=True)
            problems = axe(page)
            assert not problems, "\n".join(problems)
        finally:
            context.close()


def test_home_shows_the_small_sdg_chart(page, base, artifacts):
    page.goto(base)
    chart = page.locator(".pb-home-cijfers figure.pb-grafiek")
    assert chart.locator("rect").count() == 17
    page.locator(".pb-home-cijfers a", has_text="Alle cijfers").click()
    page.wait_for_url("**/cijfers/")
    assert json.dumps(not axe(page))
