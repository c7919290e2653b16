"""The clause builder (clausules/) in Chromium, on the real site.

Real key presses: choose a product group and a level, tick clauses from two groups into the basket; the
basket survives a reload and opens from a shared link in a fresh browser; a clause is removed with the
keyboard; the three downloads reopen (python-docx, odfdo) with the text of the .txt; printing shows the
basket only; the legal note appears once; axe-core WCAG 2.1 AA at desktop width and at 390 px.
Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import io

import docx
import pytest
from odfdo import Document
from pypdf import PdfReader

from conftest import ROOT, require_browser_tool
from test_clausules import _lines, _odt_lines
from test_projectscan_browser import _choose, _tab_to

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def base(real_site, serve) -> str:
    return serve(real_site)


def _open(page, url: str):
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_selector("#pb-cl:not([hidden]) .pb-cl__clausule")


def _choose_group(page, slug: str):
    """Focus the product group list and move through it with the arrow keys."""
    _tab_to(page, "#pb-cl-groep")
    order = page.evaluate("[...document.querySelectorAll('#pb-cl-groep option')].map(o => o.value)")
    for _ in range(30):
        current = page.evaluate("document.getElementById('pb-cl-groep').value")
        if current == slug:
            return
        page.keyboard.press("ArrowDown" if order.index(slug) > order.index(current) else "ArrowUp")
    raise AssertionError(f"{slug} not reached with the arrow keys")


def _tick_first(page) -> str:
    """Tab to the first unticked clause and press Space; its key."""
    _tab_to(page, ".pb-cl__clausule input[type=checkbox]:not(:checked)")
    key = page.evaluate("document.activeElement.dataset.key")
    page.keyboard.press("Space")
    page.wait_for_function("k => new URLSearchParams(location.search).get('mand')?.split(',').includes(k)", arg=key)
    return key


def _basket(page) -> list[str]:
    return [t.strip() for t in page.locator("#pb-cl-mand li > span").all_text_contents()]


def _fill_basket(page, base) -> list[str]:
    _open(page, base + "clausules/")
    _choose_group(page, "werkkledij-en-textiel")
    _choose(page, "pb-cl-niveau", "gevorderd")
    first = _tick_first(page)
    _choose_group(page, "evenementen-en-eventcatering")
    _choose(page, "pb-cl-niveau", "ambitieus")
    second = _tick_first(page)
    return [first, second]


def test_basket_survives_a_reload_and_a_shared_link(browser, base, artifacts):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    try:
        page = context.new_page()
        keys = _fill_basket(page, base)
        assert keys[0].startswith("werkkledij-en-textiel.") and keys[1].startswith("evenementen-en-eventcatering.")
        before = _basket(page)
        assert len(before) == 2 and page.locator("#pb-cl-aantal").text_content() == "2"
        assert page.evaluate("document.getElementById('pb-cl-groep').value") == "evenementen-en-eventcatering"
        link = page.url
        page.reload()
        page.wait_for_selector("#pb-cl:not([hidden]) .pb-cl__clausule")
        assert _basket(page) == before
        assert page.locator(f"input[data-key='{keys[1]}']").is_checked()
        assert page.evaluate("document.querySelector('input[name=pb-cl-niveau]:checked').value") == "ambitieus"
        page.screenshot(path=str(artifacts / "clausules-desktop.png"), full_page=True)
    finally:
        context.close()
    shared = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    try:
        page = shared.new_page()
        _open(page, link)
        assert _basket(page) == before
        # remove the first clause with the keyboard: the address follows
        _tab_to(page, "#pb-cl-mand .pb-cl__weg")
        page.keyboard.press("Enter")
        page.wait_for_function("k => !location.search.includes(k)", arg=keys[0])
        assert _basket(page) == before[1:]
        assert page.evaluate("document.activeElement.id") == "pb-cl-mand-kop"
        assert "uit je mandje" in page.locator("#pb-cl-status").text_content()
    finally:
        shared.close()


def test_downloads_reopen_with_the_same_text(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE", accept_downloads=True)
    try:
        page = context.new_page()
        _fill_basket(page, base)
        bodies = {}
        for kind in ("txt", "docx", "odt"):
            _tab_to(page, f"#pb-cl-{kind}")
            with page.expect_download() as info:
                page.keyboard.press("Enter")
            download = info.value
            assert download.suggested_filename == f"duurzaamheidsclausules.{kind}"
            bodies[kind] = open(download.path(), "rb").read()
        expected = _lines(bodies["txt"].decode("utf-8"))
        assert [p.text for p in docx.Document(io.BytesIO(bodies["docx"])).paragraphs if p.text] == expected
        assert _odt_lines(Document(io.BytesIO(bodies["odt"]))) == expected
        assert any(line.startswith("[1] ") and "geraadpleegd op" in line for line in expected)
        assert "Uitvoeringsvoorwaarde" in expected or "Gunningscriterium" in expected
    finally:
        context.close()


def test_print_shows_the_basket_only(page, base):
    _fill_basket(page, base)
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert "Je mandje (2)" in text
    clause = page.locator("#pb-cl-mand .pb-cl__tekst").first.text_content()
    assert clause[:40] in text.replace("\n", " ")
    for hidden in ("Vink clausules aan", "Download als", "Kopieer de link", "Verwijder"):
        assert hidden not in text, hidden


def test_the_page_says_once_that_it_is_not_legal_advice(page, base):
    _open(page, base + "clausules/")
    assert page.get_by_text("Geen juridisch advies", exact=True).count() == 1
    note = page.locator(".pb-cl__advies").text_content()
    assert "juridische dienst" in note and "aankoopcentrale" in note


def test_practices_of_the_group_are_shown(page, base):
    _open(page, base + "clausules/?groep=werkkledij-en-textiel&niveau=alle")
    used = page.locator("#pb-cl-gebruikt")
    assert used.locator("li").count() >= 3 and "Geel" in used.text_content()
    href = used.locator("a").first.get_attribute("href")
    assert page.request.get(page.url.split("?")[0] + href).ok


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "390px"])
def test_axe_reports_no_violations(browser, base, artifacts, viewport):
    require_browser_tool(AXE.is_file(), "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")
    context = browser.new_context(viewport=viewport, locale="nl-BE")
    try:
        page = context.new_page()
        keys_page = base + "clausules/?groep=evenementen-en-eventcatering&niveau=alle"
        _open(page, keys_page)
        page.locator(".pb-cl__clausule input").first.check()
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")
        problems = [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
                    for v in result["violations"]]
        assert not problems, "\n".join(problems)
        if viewport is PHONE:
            page.screenshot(path=str(artifacts / "clausules-390.png"), full_page=True)
    finally:
        context.close()
