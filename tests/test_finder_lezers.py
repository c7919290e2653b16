"""The finder as readers meet it: on a phone (390 x 844) and on a desktop, in Chromium.

On a phone the results (with their count) are on screen right after typing or
filtering; the filters fold into a panel behind "Filters (n)". Tags and
synonyms find practices; a typo offers the closest indexed word; the count is
written together with the list; the header's search focuses the finder's field.
Expected results are computed from the records (fixture ``records`` of test_finder).
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from conftest import require_browser_tool
from test_finder import AXE, WCAG_AA, _sdg12_theme, _wait, base, open_finder, records, result_slugs  # noqa: F401
from praktijkenbank.site.search_text import words

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, locale="nl-BE", is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def on_screen(page, selector: str) -> bool:
    """The top of the element is inside the viewport (it can be seen without scrolling)."""
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]
    return box is not None and 0 <= box["y"] < height and box["height"] > 0


def type_query(page, text: str):
    page.locator("#pb-finder-q").press_sequentially(text, delay=20)
    _wait(page)


def with_theme_and_sdg(records, sdg: int, theme: str) -> set[str]:
    return {slug for slug, r in records.items() if sdg in r["sdgs"] and theme in r["themas"]}


# -------------------------------------------------------------------- phone --

def test_a_typed_query_shows_its_count_and_results_on_a_phone(phone, base, records, artifacts):
    open_finder(phone, base)
    assert not phone.locator(".pb-finder__filters").is_visible(), "filters horen achter de knop"
    expect(phone.locator("#pb-finder-filterknop")).to_have_text("Filters")
    type_query(phone, "begroting")
    expected = {slug for slug, r in records.items() if "begroting" in words(r["tekst"])}
    expect(phone.locator("#pb-finder-status")).to_contain_text(f"{len(expected)} fiche")
    assert on_screen(phone, "#pb-finder-status") and on_screen(phone, "#pb-finder-lijst > li")
    assert phone.evaluate("window.scrollY") == 0
    phone.screenshot(path=str(artifacts / "finder-390-zoekterm.png"))


def test_filters_open_as_a_panel_and_the_results_follow_on_a_phone(phone, base, records, artifacts):
    theme = _sdg12_theme(records)
    open_finder(phone, base)
    phone.locator("#pb-finder-filterknop").click()
    panel = phone.locator("#pb-finder-paneel")
    expect(panel).to_be_visible()
    assert phone.evaluate("document.getElementById('pb-finder-paneel').open")
    expect(phone.locator("#pb-finder-sluit")).to_be_focused()
    phone.locator('#pb-finder-paneel input[name="sdg"][value="12"]').check()
    _wait(phone)
    phone.locator(f'#pb-finder-paneel input[name="thema"][value="{theme}"]').check()
    _wait(phone)
    expected = with_theme_and_sdg(records, 12, theme)
    expect(phone.locator("#pb-finder-toon")).to_have_text(
        f"Toon {len(expected)} {'fiche' if len(expected) == 1 else 'fiches'}")
    expect(phone.locator("#pb-finder-paneel-status")).to_contain_text(f"{len(expected)} fiche")
    phone.screenshot(path=str(artifacts / "finder-390-filters-open.png"))
    phone.locator("#pb-finder-toon").click()
    expect(panel).to_be_hidden()
    toggle = phone.locator("#pb-finder-filterknop")
    expect(toggle).to_have_text("Filters (2)")
    expect(toggle).to_be_focused()
    assert on_screen(phone, "#pb-finder-status") and on_screen(phone, "#pb-finder-lijst > li")
    expect(phone.locator("#pb-finder-status")).to_have_text(re.compile(rf"^{len(expected)} fiche"))
    assert set(result_slugs(phone)) == expected
    assert parse_qs(urlsplit(phone.url).query) == {"sdg": ["12"], "thema": [theme]}
    phone.evaluate("window.scrollTo(0, 0)")
    phone.screenshot(path=str(artifacts / "finder-390-filters-dicht.png"))


def test_escape_closes_the_panel_and_the_filters_return_to_their_place(phone, base):
    open_finder(phone, base)
    phone.locator("#pb-finder-filterknop").click()
    expect(phone.locator("#pb-finder-paneel .pb-finder__filters")).to_be_visible()
    phone.keyboard.press("Escape")
    expect(phone.locator("#pb-finder-paneel")).to_be_hidden()
    expect(phone.locator("#pb-finder-filterknop")).to_be_focused()
    # The dialog's 'close' event (which moves the filters back) is queued after the dialog hides: wait for it.
    expect(phone.locator(".pb-finder__kolommen > .pb-finder__filters")).to_have_count(1)


def test_axe_finds_no_violations_with_the_panel_open(phone, base, records):
    require_browser_tool(AXE.exists(), "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")
    open_finder(phone, base, "sdg=12&q=gemeente")
    phone.locator("#pb-finder-filterknop").click()
    phone.add_script_tag(path=str(AXE))
    result = phone.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    assert [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]] == []


def test_the_header_magnifier_puts_the_focus_in_the_finder_field(phone, base, records):
    slug = sorted(records)[0]
    phone.goto(base + f"praktijken/{slug}/")
    phone.locator(".pb-zoekveld__knop").click()
    phone.wait_for_url(re.compile(r"/zoeken/"))
    _wait(phone)
    expect(phone.locator("#pb-finder-q")).to_be_focused()
    assert urlsplit(phone.url).fragment == ""


# ------------------------------------------------------------------ desktop --

def test_desktop_keeps_the_filters_in_a_side_column(page, base, artifacts):
    open_finder(page, base)
    type_query(page, "begroting")
    assert not page.locator("#pb-finder-filterknop").is_visible()
    filters = page.locator(".pb-finder__filters").bounding_box()
    results = page.locator(".pb-finder__resultaten").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"] and abs(filters["y"] - results["y"]) < 5
    page.screenshot(path=str(artifacts / "finder-desktop-zoekterm.png"))


def test_the_header_field_on_the_finder_searches_in_place(page, base):
    open_finder(page, base)
    header = page.get_by_label("Zoek in de praktijkenbank")
    header.press_sequentially("stedenband", delay=20)
    header.press("Enter")
    _wait(page)
    expect(page.locator("#pb-finder-q")).to_have_value("stedenband")
    expect(page.locator("#pb-finder-q")).to_be_focused()
    assert parse_qs(urlsplit(page.url).query) == {"q": ["stedenband"]}


# ------------------------------------------------------- tags and synonyms --

@pytest.mark.parametrize("query", ["eerlijke handel", "fairtrade", "fair trade"])
def test_fair_trade_in_any_wording_finds_the_practices_with_that_theme(page, base, records, query):
    expected = {slug for slug, r in records.items() if "eerlijke-handel" in r["themas"]}
    assert expected, "geen praktijk met het thema eerlijke handel"
    open_finder(page, base)
    type_query(page, query)
    assert expected <= set(result_slugs(page))


def test_klimaat_finds_every_practice_with_sdg_13(page, base, records):
    expected = {slug for slug, r in records.items() if 13 in r["sdgs"]}
    assert len(expected) >= 2
    open_finder(page, base, "q=klimaat")
    assert expected <= set(result_slugs(page))


def test_a_typo_offers_the_closest_indexed_word(page, base, records):
    open_finder(page, base)
    type_query(page, "stedenbnd")
    status = page.locator("#pb-finder-status")
    expect(status).to_contain_text("Geen fiches gevonden voor ‘stedenbnd’. Bedoel je stedenband?")
    status.get_by_role("link", name="stedenband").click()
    _wait(page)
    assert parse_qs(urlsplit(page.url).query) == {"q": ["stedenband"]}
    expect(page.locator("#pb-finder-q")).to_have_value("stedenband")
    expected = {slug for slug, r in records.items() if "stedenband" in words(r["tekst"])}
    assert expected and expected <= set(result_slugs(page))


def test_the_count_is_written_together_with_the_list(page, base):
    open_finder(page, base)
    page.evaluate("""() => {
      const root = document.getElementById('pb-finder');
      window.__drawn = [];  // [query of the drawn list, status text at that moment]
      new MutationObserver(() => {
        if (root.hasAttribute('data-klaar'))
          window.__drawn.push([new URLSearchParams(location.search).get('q'),
                               document.getElementById('pb-finder-status').textContent]);
      }).observe(root, {attributes: true, attributeFilter: ['data-klaar']});
    }""")
    type_query(page, "begroting")
    drawn = dict(page.evaluate("window.__drawn"))
    assert "voor ‘begroting’" in drawn["begroting"]
