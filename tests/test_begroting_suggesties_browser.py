"""The budget scan on a real multi-year plan in Chromium: the Zoersel projects export, suggestions
accepted for one action plan, kept over a reload, exported in the template's shape and read back.
Screenshots (desktop and 390 px) in test-artifacts/.
"""

from __future__ import annotations

import re
from contextlib import contextmanager

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


def printed_on_one_page(page, pdf_path) -> str:
    """The printed report: saved as PDF, one A4 page; its text."""
    page.emulate_media(media="print")
    text = page.locator("#pb-scan-rapport").inner_text()
    pdf = page.pdf(format="A4", print_background=True)
    pdf_path.write_bytes(pdf)
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
    return text


@contextmanager
def loaded(browser, base, width, path, **options):
    """A page of ``width`` px with ``path`` read and its suggestions shown."""
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-BE", **options)
    page = context.new_page()
    try:
        open_scan(page, base)
        upload(page, path)
        wait_suggestions(page)
        yield page
    finally:
        context.close()


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
    with loaded(browser, base, width, ZOERSEL) as page:
        page.locator("#pb-scan-suggesties section:has(button[data-keuze='aanvaard']) button[data-keuze='toon']").first.click()
        page.wait_for_selector("#pb-scan-suggesties tbody tr")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        page.screenshot(path=str(artifacts / f"begroting-suggesties-{width}.png"), full_page=True)
        problems = axe(page)
        assert not problems, "\n".join(problems)


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
    text = printed_on_one_page(page, artifacts / "begroting-suggesties-rapport.pdf")
    assert "waarvan door het bestuur zelf" in text and "waarvan door aanvaarde suggesties" in text


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


# ------------------------------------------------- no SDG yet, domains, instrumental --

GENT = FIXTURES / "beleidsvelden-gent.csv"


@pytest.mark.parametrize("width", [1280, 390])
def test_file_without_sdg_starts_with_the_notice_and_folds_the_empty_chart(browser, base, artifacts, width):
    with loaded(browser, base, width, ZOERSEL) as page:
        notice = page.locator("#pb-scan-geen-sdg")
        assert notice.is_visible()
        assert "Dit bestand heeft nog geen SDG-codes: hieronder stelt de scan per regel SDG's voor." in notice.inner_text()
        assert page.locator("#pb-scan-grafieken details:not([open]) #pb-scan-sdg").count() == 1  # folded, zero bars
        assert not page.locator("#pb-scan-sdg").is_visible()
        # 'Wat de suggesties zouden toevoegen': the SDG's name and colour tile next to its number
        first = page.locator("#pb-scan-suggesties-som tbody th").first
        assert first.locator(".pb-scan__tegel").count() == 1
        tile = first.locator(".pb-scan__tegel").inner_text()
        assert re.search(rf"SDG {tile} [A-Z][a-z]+", first.inner_text()), first.inner_text()
        # The jump link, by keyboard, brings the suggestions into view.
        notice.get_by_role("link", name="Naar de suggesties").focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => location.hash === '#pb-scan-suggesties-kop'")
        assert page.evaluate("() => document.getElementById('pb-scan-suggesties-kop').getBoundingClientRect().top") < 300
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(artifacts / f"begroting-geen-sdg-{width}.png"), full_page=True)
        problems = axe(page)
        assert not problems, "\n".join(problems)
        # Once a suggestion is accepted, lines carry an SDG: the chart is shown again.
        page.get_by_role("button", name="Aanvaard alle eerste suggesties").click()
        page.wait_for_selector("#pb-scan-sdg", state="visible")
        assert page.locator("#pb-scan-grafieken details").count() == 0


def test_template_with_sdgs_has_no_notice(page, base):
    open_scan(page, base)
    upload(page, FIXTURES / "sjabloon.csv")
    totals(page)
    assert page.locator("#pb-scan-geen-sdg").is_hidden() and page.locator("#pb-scan-sdg").is_visible()


@pytest.mark.parametrize("width", [1280, 390])
def test_per_beleidsveld_table_domains_link_to_their_pages_and_instrumental_counts_apart(browser, base, artifacts,
                                                                                          tmp_path, width):
    with loaded(browser, base, width, GENT, accept_downloads=True) as page:
        names = labels(load_vocab())
        python = summarise(read_path(GENT), names)
        # Spending per policy domain, each linked to beleidsdomeinen/<id>/ (the ids come from the data).
        rows = page.locator("#pb-scan-domeinen tbody tr")
        assert rows.count() == len(python["domeinen"]) > 0
        for row, expected in zip(rows.all(), python["domeinen"]):
            assert int(row.locator("td[data-cent]").get_attribute("data-cent")) == expected["bedrag"]
            assert row.locator("a").get_attribute("href") == f"../beleidsdomeinen/{expected['id']}/"
        # The instrumental fields are proposed as such, never as an SDG.
        page.get_by_label("Groepeer per").select_option("beleidsveld")
        group = page.locator("#pb-scan-suggesties section", has_text="Beleidsveld 0030")
        group.locator("button[data-keuze='toon']").click()
        proposal = group.locator("button[data-keuze='aanvaard'][data-rij]").first
        assert proposal.get_attribute("data-sdg") == "instrumenteel" and "Aanvaard instrumenteel" in proposal.inner_text()
        assert "is instrumenteel: het financiert" in group.locator("details").first.text_content()
        assert "Instrumenteel: algemene financiering" in page.locator("#pb-scan-suggesties-som").inner_text()
        proposal.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => Number(document.querySelector(\"#pb-scan-totalen td[data-veld='instrumenteel']\")"
                               ".getAttribute('data-cent')) > 0")
        got = totals(page, split=True)
        accepted = per_line.apply_accepted(read_path(GENT), {
            line["rij"]: ["instrumenteel"] for line in read_path(GENT)["regels"] if line["beleidsveld"] == "0030"})
        wanted = summarise(accepted, names)
        assert (got["instrumenteel"], got["gecodeerd"], got["niet_gecodeerd"]) == (
            wanted["instrumenteel"], 0, wanted["niet_gecodeerd"])
        assert "instrumenteel" in page.locator("#pb-scan-rapportmeta").inner_text()
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width
        page.evaluate("() => window.scrollTo(0, 0)")
        page.screenshot(path=str(artifacts / f"begroting-gent-{width}.png"), full_page=True)
        problems = axe(page)
        assert not problems, "\n".join(problems)
        if width == 390:
            return
        # Export and re-import: the same totals, the instrumental line now written in the file.
        with page.expect_download() as info:
            page.get_by_role("button", name="Download het bestand met SDG-codes (CSV)").click()
        exported = tmp_path / "gent-met-sdg.csv"
        exported.write_bytes(open(info.value.path(), "rb").read())
        assert ";instrumenteel;" in exported.read_text(encoding="utf-8-sig")
        upload(page, exported)
        page.wait_for_function("() => document.getElementById('pb-scan-status').textContent.startsWith('gent-met-sdg')")
        again = totals(page, split=True)
        assert (again["totaal"], again["instrumenteel"], again["gecodeerd"]) == (got["totaal"], got["instrumenteel"], 0)
        # The printed summary says so and still fits one page.
        text = printed_on_one_page(page, artifacts / "begroting-gent-rapport.pdf")
        assert "Instrumenteel: algemene financiering en ondersteunende diensten" in text and "Per beleidsdomein" in text
        # A domain link opens its page in the bank.
        page.emulate_media(media="screen")
        link = page.locator("#pb-scan-domeinen a").first
        link.click()
        page.wait_for_url("**/beleidsdomeinen/**")
        assert page.locator("h1").count() == 1
