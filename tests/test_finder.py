"""Finder (zoeken/): full-text search + facets, in Chromium on the real site.

Expected results and counts are computed from the practice records
themselves, never hard-coded. One site build per session (``real_site``).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from conftest import PRACTICES, ROOT, require_browser_tool
from praktijkenbank.site.opendata_indicators import indicator_record
from praktijkenbank.site import model, opendata, search_index
from praktijkenbank.records.load import load_practices
from praktijkenbank.site.search_text import stem, words
from praktijkenbank.records.vocab import load_vocab

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


# ------------------------------------------------------------------ records --

@pytest.fixture(scope="module")
def records() -> dict[str, dict]:
    """Every record the finder searches (practices, instruments, product groups), keyed by its page
    ('praktijken/<slug>', 'instrumenten/<slug>', 'aankopen/<slug>'): {'soort', 'sdgs', 'themas', 'p',
    'niveaus', 'tekst'}.

    'tekst' is what the finder searches: title, summary and body, plus the names of the
    record's tags (themes, SDGs, P's, phases, level, status, kind of instrument, publisher)
    and of its governments and provinces.
    """
    vocab = load_vocab()
    synonyms = yaml.safe_load((ROOT / "tools" / "praktijkenbank" / "data" / "synoniemen.yaml").read_text(encoding="utf-8"))
    synonyms = synonyms["groepen"] if isinstance(synonyms, dict) else synonyms
    found, problems = load_practices([ROOT / kind.folder for kind in vocab.kinds.values() if (ROOT / kind.folder).is_dir()])
    assert found and not [p for p in problems if p.is_error]
    site = model.build_site(found, vocab)
    out = {}
    for kind, make in (("praktijk", opendata.record), ("instrument", opendata.instrument_record),
                       ("productgroep", opendata.product_group_record), ("indicator", indicator_record)):
        for view in site[vocab.kinds[kind].plural]:
            data = make(view)
            tags = search_index.labels(data, vocab) + search_index.governments(data, vocab)
            levels = [data["niveau"]] if isinstance(data.get("niveau"), str) else data.get("niveaus", [])
            text = " ".join([data["titel"], data["samenvatting"], view["body"], *tags]).lower()
            stems = {stem(w) for w in words(text)}
            for group in synonyms:  # a record with one word of a synonym group is found with the others too
                if any(_has_term(term, text, stems) for term in group):
                    text += " " + " ".join(group).lower()
            out[view["pad"].rstrip("/")] = {
                "soort": kind,
                "sdgs": set(data["sdgs"]),
                "themas": set(data["themas"]),
                "p": set(data.get("vijf_p", [])),
                "niveaus": set(levels),
                "tekst": text,
            }
    return out


def _has_term(term: str, text: str, stems: set[str]) -> bool:
    """A synonym term occurs in a text: a word by its stem, a word group as consecutive words."""
    if " " in term:
        return " ".join(words(term)) in " ".join(words(text))
    return stem(term.lower()) in stems


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w-]+", text))


# ------------------------------------------------------------------ helpers --

def _wait(page):
    page.wait_for_selector("#pb-finder[data-klaar]", state="attached", timeout=20_000)


def open_finder(page, base: str, query: str = ""):
    page.goto(base + "zoeken/" + (("?" + query) if query else ""))
    _wait(page)


def click_facet(page, key: str, value: str):
    page.locator(f'#pb-finder-facetten input[name="{key}"][value="{value}"]').check()
    _wait(page)


def result_slugs(page) -> list[str]:
    """Slugs of every result, pressing 'Meer resultaten tonen' until all are shown."""
    more = page.locator("#pb-finder-meer")
    while more.is_visible():
        before = page.locator("#pb-finder-lijst > li").count()
        more.click()
        page.wait_for_function(f"document.querySelectorAll('#pb-finder-lijst > li').length > {before}")
    hrefs = page.eval_on_selector_all("#pb-finder-lijst h3 a", "links => links.map(a => a.href)")
    slugs = []
    for href in hrefs:
        match = re.search(r"/((?:praktijken|instrumenten|aankopen|indicatoren)/[a-z0-9-]+)/$", urlsplit(href).path)
        assert match, f"geen fiche: {href}"
        slugs.append(match.group(1))
    return slugs


def facet_counts(page, key: str) -> dict[str, int]:
    return page.eval_on_selector_all(
        f'#pb-finder-facetten input[name="{key}"]',
        "boxes => Object.fromEntries(boxes.map(b => [b.value, Number(b.closest('label').dataset.aantal)]))")


def checked(page) -> dict[str, set[str]]:
    pairs = page.eval_on_selector_all("#pb-finder-facetten input[type=checkbox]:checked",
                                      "boxes => boxes.map(b => [b.name, b.value])")
    out: dict[str, set[str]] = {}
    for name, value in pairs:
        out.setdefault(name, set()).add(value)
    return out


def _sdg12_theme(records) -> str:
    """The theme that most practices with SDG 12 share (computed, so the test follows the data)."""
    themes = Counter(t for r in records.values() if 12 in r["sdgs"] for t in r["themas"])
    assert themes, "geen praktijk met SDG 12 in practices/"
    return themes.most_common(1)[0][0]


def select_sdg12_and_its_theme(page, base: str, records) -> str:
    """Open the finder and tick SDG 12 and the theme most practices with SDG 12 share; returns it."""
    theme = _sdg12_theme(records)
    open_finder(page, base)
    click_facet(page, "sdg", "12")
    click_facet(page, "thema", theme)
    return theme


@pytest.fixture(scope="module")
def base(real_site, serve) -> str:
    return serve(real_site)


# -------------------------------------------------------------------- index --

def test_only_fiches_are_indexed(real_site, records):
    table = json.loads((real_site / "zoeken" / "index.json").read_text())
    assert table["aantal"] == len(records)
    fiches = sorted((real_site / "zoeken" / "fiches").glob("*.json"))
    assert len(fiches) == len(records)
    urls = {json.loads(f.read_text())["u"] for f in fiches}
    assert urls == {f"{key}/" for key in records}
    kinds = {f["sleutel"]: [v["id"] for v in f["waarden"]] for f in table["facetten"]}
    assert kinds["soort"] == ["praktijk", "instrument", "productgroep", "indicator"]
    assert {r["soort"] for r in records.values()} == set(kinds["soort"])
    assert not (real_site / "search" / "search_index.json").exists(), "Material's lunr-zoekindex hoort uit te staan"


# ------------------------------------------------------------------ browser --

@pytest.mark.browser
def test_dutch_stemming_finds_other_word_forms(page, base, records):
    # 'begrotingen' occurs in no record; Dutch stemming must still find 'begroting'.
    assert not any("begrotingen" in _words(r["tekst"]) for r in records.values())
    expected = {slug for slug, r in records.items() if "begroting" in _words(r["tekst"])}
    assert expected
    open_finder(page, base)
    page.locator("#pb-finder-q").press_sequentially("begrotingen", delay=20)
    _wait(page)
    found = set(result_slugs(page))
    assert expected <= found
    assert page.locator("#pb-finder-lijst mark").count() > 0  # highlighted excerpts
    expect(page.locator("#pb-finder-status")).to_contain_text("voor ‘begrotingen’")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["begrotingen"]}


@pytest.mark.browser
def test_aankopen_finds_the_purchasing_practice(page, base, records):
    expected = {slug for slug, r in records.items() if "aankoop" in _words(r["tekst"])}
    assert expected
    open_finder(page, base, "q=aankopen")
    assert expected <= set(result_slugs(page))


@pytest.mark.browser
def test_every_result_holds_every_query_word_and_the_title_match_ranks_first(page, base, records):
    # All words must occur (AND); 'heuvelland' is in one title and in the body of other practices.
    in_text = {slug for slug, r in records.items() if "heuvelland" in _words(r["tekst"])}
    in_title = {slug for slug in in_text if "heuvelland" in _words(slug.replace("-", " ").replace("/", " "))}
    assert len(in_text) > 1 and len(in_title) == 1
    open_finder(page, base, "q=heuvelland")
    found = result_slugs(page)
    assert set(found) == in_text
    assert found[0] in in_title
    marks = page.locator("#pb-finder-lijst mark").all_inner_texts()
    assert marks and all(m.lower() == "heuvelland" for m in marks)
    both = {slug for slug in in_text if "begroting" in _words(records[slug]["tekst"])}
    open_finder(page, base, "q=heuvelland+begroting")
    assert set(result_slugs(page)) == both


@pytest.mark.browser
def test_the_last_word_may_be_unfinished_and_stop_words_are_named(page, base, records):
    expected = {slug for slug, r in records.items() if any(w.startswith("stedenb") for w in words(r["tekst"]))}
    assert expected
    open_finder(page, base)
    page.locator("#pb-finder-q").press_sequentially("de stedenb", delay=20)
    _wait(page)
    assert set(result_slugs(page)) == expected
    expect(page.locator("#pb-finder-status")).to_contain_text("‘de’ is een te algemeen woord en telt niet mee")


@pytest.mark.browser
def test_sdg_and_theme_show_exactly_the_practices_with_both(page, base, records):
    theme = select_sdg12_and_its_theme(page, base, records)
    expected = {slug for slug, r in records.items() if 12 in r["sdgs"] and theme in r["themas"]}
    assert set(result_slugs(page)) == expected
    assert parse_qs(urlsplit(page.url).query) == {"sdg": ["12"], "thema": [theme]}
    # OR within a facet: adding SDG 13 widens the result.
    click_facet(page, "sdg", "13")
    expected = {slug for slug, r in records.items() if r["sdgs"] & {12, 13} and theme in r["themas"]}
    assert set(result_slugs(page)) == expected
    # Back restores the previous selection.
    page.go_back()
    _wait(page)
    assert checked(page) == {"sdg": {"12"}, "thema": {theme}}
    assert set(result_slugs(page)) == {s for s, r in records.items() if 12 in r["sdgs"] and theme in r["themas"]}


@pytest.mark.browser
def test_facet_counts_match_the_records(page, base, records):
    theme = _sdg12_theme(records)
    open_finder(page, base, "sdg=12")
    with12 = [r for r in records.values() if 12 in r["sdgs"]]
    # Another facet: how many practices with SDG 12 have each value.
    assert facet_counts(page, "thema") == {
        t: sum(t in r["themas"] for r in with12) for t in load_vocab().themes}
    assert facet_counts(page, "p") == {p: sum(p in r["p"] for r in with12) for p in load_vocab().ps}
    assert facet_counts(page, "niveau") == {
        n: sum(n in r["niveaus"] for r in with12) for n in load_vocab().levels}
    assert facet_counts(page, "soort") == {
        k: sum(r["soort"] == k for r in with12) for k in ("praktijk", "instrument", "productgroep", "indicator")}
    # The selected facet itself (OR): every SDG's count ignores the SDG selection.
    assert facet_counts(page, "sdg") == {
        str(n): sum(n in r["sdgs"] for r in records.values()) for n in range(1, 18)}
    # With a theme as well, the SDG counts follow the theme.
    click_facet(page, "thema", theme)
    assert facet_counts(page, "sdg") == {
        str(n): sum(n in r["sdgs"] and theme in r["themas"] for r in records.values()) for n in range(1, 18)}
    expected = sum(12 in r["sdgs"] and theme in r["themas"] for r in records.values())
    expect(page.locator("#pb-finder-status")).to_have_text(re.compile(rf"^{expected} fiche"))


@pytest.mark.browser
def test_shared_url_restores_the_same_view_and_clearing_resets(page, base, records):
    theme = select_sdg12_and_its_theme(page, base, records)
    page.locator("#pb-finder-q").press_sequentially("gemeente", delay=20)
    _wait(page)
    shared_url = page.url
    shown = result_slugs(page)
    expect(page.locator("#pb-finder-status")).to_contain_text("voor ‘gemeente’")
    status = page.locator("#pb-finder-status").inner_text()

    other = page.context.new_page()
    other.goto(shared_url)
    _wait(other)
    assert checked(other) == {"sdg": {"12"}, "thema": {theme}}
    assert other.locator("#pb-finder-q").input_value() == "gemeente"
    assert result_slugs(other) == shown
    expect(other.locator("#pb-finder-status")).to_have_text(status)
    other.close()

    page.locator("#pb-finder-wis").click()
    _wait(page)
    assert checked(page) == {}
    assert page.locator("#pb-finder-q").input_value() == ""
    assert urlsplit(page.url).query == ""
    assert len(result_slugs(page)) == len(records)
    assert page.locator("#pb-finder-wis").is_disabled()


@pytest.mark.browser
def test_header_search_field_leads_to_the_finder(page, base, records):
    page.goto(base + "praktijken/")
    field = page.get_by_label("Zoek in de praktijkenbank")
    field.press_sequentially("aankopen", delay=20)
    field.press("Enter")
    page.wait_for_url(re.compile(r"/zoeken/\?q=aankopen$"))
    _wait(page)
    assert page.locator("#pb-finder-q").input_value() == "aankopen"
    assert page.locator("#pb-finder-lijst > li").count() >= 1


@pytest.mark.browser
def test_keyboard_only_filtering(page, base, records):
    open_finder(page, base)
    page.locator("#pb-finder-q").focus()
    focused = None
    for _ in range(10):  # from the search field, tab to the first SDG checkbox
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement && document.activeElement.name")
        if focused == "sdg":
            break
    assert focused == "sdg"
    page.keyboard.press("Space")
    _wait(page)
    value = page.evaluate("document.activeElement.value")
    assert checked(page) == {"sdg": {value}}
    assert set(result_slugs(page)) == {s for s, r in records.items() if int(value) in r["sdgs"]}


@pytest.mark.browser
def test_no_requests_outside_the_site(page, base):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    open_finder(page, base, "sdg=12&q=gemeente")
    assert requests and all(url.startswith(base) for url in requests), requests


@pytest.mark.browser
def test_axe_finds_no_wcag_violations_with_filters_applied(page, base, records):
    require_browser_tool(AXE.exists(), "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")
    theme = _sdg12_theme(records)
    open_finder(page, base, f"sdg=12&sdg=13&thema={theme}&q=gemeente")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]
    assert violations == []


@pytest.mark.browser
def test_without_javascript_a_message_and_a_link(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base + "zoeken/")
        assert page.locator("#pb-finder").is_hidden()
        link = page.get_by_role("link", name="overzicht van de praktijken")
        assert link.is_visible()
        assert link.get_attribute("href") == "../praktijken/"
    finally:
        context.close()
