"""A query that names a filter value ("SDG 5", "SDG14", "doel 5", an SDG's name, "provincie Limburg"):
the fiches tagged with it come first and the status offers the filter.

docs/assets/zoeker/finder-kenmerken.js in node (which words name which value), then the finder in
Chromium on the real site, typed with real key presses. Expected results come from the filter itself.
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest
from playwright.sync_api import expect

from conftest import ROOT, require_browser_tool
from praktijkenbank.records.vocab import load_vocab
from test_finder import _wait, base, checked, open_finder, records, result_slugs  # noqa: F401
from test_finder_lezers import type_query

JS = ROOT / "docs" / "assets" / "zoeker" / "finder-kenmerken.js"

RECOGNISED = [
    ("SDG 5", ("sdg", "5", "")), ("SDG5", ("sdg", "5", "")), ("sdg 05", ("sdg", "5", "")), ("doel 5", ("sdg", "5", "")),
    ("SDG-doel 14 zee", ("sdg", "14", "zee")), ("SDG14", ("sdg", "14", "")), ("sdg 1", ("sdg", "1", "")),
    ("Gendergelijkheid in de raad", ("sdg", "5", "in de raad")), ("leven in het water", ("sdg", "14", "")),
    ("provincie Limburg", ("provincie", "limburg", "")),
    ("Provincie Oost-Vlaanderen fairtrade", ("provincie", "oost-vlaanderen", "fairtrade")),
    ("1 procent", None), ("14 november", None), ("5 P's", None), ("sdgs", None), ("sdg 18", None),
    ("Limburg", None),  # a city or the province: no guess
]


@pytest.fixture(scope="module")
def recognised():
    import shutil

    node = shutil.which("node")
    require_browser_tool(node is not None, "node", "apt-get install nodejs")
    vocab = load_vocab()
    facets = [{"key": "sdg", "values": [{"id": str(n), "naam": e["naam"]} for n, e in sorted(vocab.sdgs.items())]},
              {"key": "provincie", "values": [{"id": pid, "naam": e["naam"]} for pid, e in vocab.provinces.items()]}]
    runner = ("const k = require(process.env.KENMERKEN_JS); const job = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
              "process.stdout.write(JSON.stringify(job.queries.map(q => k.recognise(q, job.facets))));")
    job = {"queries": [q for q, _ in RECOGNISED], "facets": facets}
    result = subprocess.run([node, "-e", runner], input=json.dumps(job), capture_output=True, text=True, encoding="utf-8",
                            timeout=60, env={**os.environ, "KENMERKEN_JS": str(JS)}, check=False)
    assert result.returncode == 0, result.stderr
    return dict(zip([q for q, _ in RECOGNISED], json.loads(result.stdout)))


@pytest.mark.parametrize("query, expected", RECOGNISED, ids=[q for q, _ in RECOGNISED])
def test_which_words_name_a_filter_value(recognised, query, expected):
    found = recognised[query]
    assert (found and (found["key"], found["id"], found["rest"])) == (expected or None)


def _filtered(page, base, key: str, value: str) -> list[str]:
    open_finder(page, base, f"{key}={value}")
    return result_slugs(page)


@pytest.mark.browser
@pytest.mark.parametrize("query, sdg", [("SDG 5", 5), ("SDG14", 14), ("sdg 01", 1), ("doel 12", 12)])
def test_an_sdg_by_number_ranks_its_fiches_first_and_offers_the_filter(page, base, records, query, sdg):
    tagged = {slug for slug, r in records.items() if sdg in r["sdgs"]}
    assert tagged
    open_finder(page, base)
    type_query(page, query)
    results = result_slugs(page)
    assert set(results[:len(tagged)]) == tagged, results[:len(tagged) + 3]
    status = page.locator("#pb-finder-status")
    expect(status).not_to_contain_text("Bedoel je")
    offer = status.get_by_role("button", name=f"Filter op SDG {sdg} ")
    offer.click()
    _wait(page)
    assert checked(page).get("sdg") == {str(sdg)}
    assert set(result_slugs(page)) == tagged
    expect(page.locator("#pb-finder-status").get_by_role("button")).to_have_count(0)  # nothing left to offer


@pytest.mark.browser
def test_a_province_query_ranks_the_province_first(page, base):
    tagged = _filtered(page, base, "provincie", "limburg")
    assert len(tagged) >= 3
    open_finder(page, base)
    type_query(page, "provincie Limburg")
    results = result_slugs(page)
    assert set(results[:len(tagged)]) == set(tagged)
    expect(page.locator("#pb-finder-status").get_by_role("button", name="Filter op provincie Limburg")).to_be_visible()


@pytest.mark.browser
def test_the_offer_passes_axe_on_a_phone(browser, base, artifacts):
    from conftest import add_axe
    from test_finder import WCAG_AA

    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-BE")
    try:
        phone = context.new_page()
        open_finder(phone, base, "q=SDG%205")
        expect(phone.locator("#pb-finder-status").get_by_role("button", name="Filter op SDG 5 Gendergelijkheid")).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        phone.screenshot(path=str(artifacts / "zoeker-sdg-5-390.png"))
        add_axe(phone)
        result = phone.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
        assert result["violations"] == []
    finally:
        context.close()
