"""SDG-projectscan (projectscan/) in Chromium, on the real site served from 127.0.0.1.

Filled in with real key presses (Tab, Space, arrows, typing), then reloaded and
shared; printed to a PDF that must be one A4 page (pypdf counts the pages);
exported as CSV and as a file that opens again; axe-core WCAG 2.1 AA on the
filled-in scan at desktop width and at 390 px. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import urlsplit

import pytest
from pypdf import PdfReader

from conftest import ROOT, require_browser_tool
from test_projectscan_js import CFG, maximal, realistic

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}

# What the keyboard test types and chooses (DOM order: Tab only goes forward).
KEYED = {
    "titel": "Fietsstraat Stationsstraat",
    "omschrijving": "De Stationsstraat wordt een fietsstraat; auto's zijn er te gast.",
    "themas": ["participatie"],
    "fase": "uitvoering",
    "sdgs": {3: ("p", "Meer bewegen en minder fijnstof."), 8: ("n", "Handelaars vrezen minder klanten."),
             11: ("p", "Veiliger voor kinderen."), 13: ("p", "")},
    "mondiaal": ("p", "Minder uitstoot: goed voor wie de gevolgen van klimaatverandering het eerst voelt."),
    "spill": [("11", "8", "-1", "Minder parkeerplaatsen voor klanten.")],
    "lnob": {"woonplaats": "De buurt achter het station: vraag of de omleiding werkt."},
    "conclusie": "Doorgaan, met een overleg met de handelaars.",
}

READ_FORM = """() => {
  const v = (id) => document.getElementById(id).value;
  const c = (name) => { const i = document.querySelector(`input[name="${name}"]:checked`); return i ? i.value : null; };
  const sdgs = {};
  for (let n = 1; n <= 17; n++) sdgs[n] = [c(`sdg-${n}`), v(`sdg-${n}-toelichting`)];
  const lnob = {};
  document.querySelectorAll('.pb-scan-lnob input[type="checkbox"]').forEach((box) => {
    lnob[box.id.slice(5)] = [box.checked, v(`${box.id}-toelichting`)];
  });
  return {
    titel: v("pb-scan-titel"), omschrijving: v("pb-scan-omschrijving"),
    themas: [...document.querySelectorAll('input[name="thema"]:checked')].map((i) => i.value),
    fase: c("fase"), sdgs, mondiaal: [c("mondiaal"), v("pb-scan-mondiaal-toelichting")],
    spill: [...document.querySelectorAll("#pb-scan-spillovers > fieldset")].map((f, i) =>
      [v(`spill-${i + 1}-van`), v(`spill-${i + 1}-naar`), c(`spill-${i + 1}-score`), v(`spill-${i + 1}-toelichting`)]),
    lnob, conclusie: v("pb-scan-conclusie"),
  };
}"""

# The focused control, or the label around it (radio, checkbox) or after it (file), has a ring.
FOCUS_RING = """() => {
  const el = document.activeElement;
  const candidates = [el, el.closest("label"), el.type === "file" ? el.nextElementSibling : null];
  return candidates.some((node) => {
    if (!node) return false;
    const style = getComputedStyle(node);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  });
}"""

LOAD_STATE = """async (state) => {
  const cfg = JSON.parse(document.getElementById("pb-scan-config").textContent);
  location.hash = await PbScan.codec.encode(state, cfg);
}"""


@pytest.fixture(scope="module")
def base(real_site, serve) -> str:
    return serve(real_site) + "projectscan/"


def _open(page, url):
    response = page.goto(url)
    assert response is not None and response.ok, url
    page.wait_for_selector("#pb-scan:not([hidden])")
    page.wait_for_selector("#pb-scan-samenvatting .pb-scan-tegel")


def _load(page, state: dict):
    page.evaluate(LOAD_STATE, state)
    page.wait_for_function("t => document.querySelector('#pb-scan-samenvatting h2').textContent.includes(t)",
                           arg=state["titel"] or "project zonder naam")


LINK_HOLDS = """async (text) => {
  const cfg = JSON.parse(document.getElementById("pb-scan-config").textContent);
  const found = await PbScan.codec.decode(location.hash, cfg);
  return found !== null && JSON.stringify(found.state).includes(JSON.stringify(text).slice(1, -1));
}"""


def _wait_for_link(page, text: str, tries: int = 100):
    """Until the scan in the address bar holds this text (typing is debounced, encoding is async;
    wait_for_function would not await the promise)."""
    for _ in range(tries):
        if page.evaluate(LINK_HOLDS, text):
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the link never held {text!r}")


def _tab_to(page, selector: str, limit: int = 300):
    for _ in range(limit):
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector):
            assert page.evaluate(FOCUS_RING), f"no visible focus on {selector}"
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def _choose(page, name: str, value: str):
    """Tab into a radio group, then arrow keys until `value` is chosen."""
    _tab_to(page, f'input[name="{name}"]')
    for _ in range(10):
        if page.evaluate("n => document.querySelector(`input[name='${n}']:checked`).value", name) == value:
            return
        page.keyboard.press("ArrowRight")
    raise AssertionError(f"{name}: {value} not reached with the arrow keys")


def _type_in(page, selector: str, text: str):
    _tab_to(page, selector)
    page.keyboard.type(text)


def _expected_form(keyed: dict) -> dict:
    sdgs = {str(n): ["?", ""] for n in range(1, 18)}
    for n, (effect, note) in keyed["sdgs"].items():
        sdgs[str(n)] = [effect, note]
    lnob = {f["id"]: [False, ""] for f in CFG["lnob"]}
    for fid, note in keyed["lnob"].items():
        lnob[fid] = [True, note]
    return {"titel": keyed["titel"], "omschrijving": keyed["omschrijving"], "themas": keyed["themas"],
            "fase": keyed["fase"], "sdgs": sdgs, "mondiaal": list(keyed["mondiaal"]),
            "spill": [list(s) for s in keyed["spill"]], "lnob": lnob, "conclusie": keyed["conclusie"]}


def _fill_with_keyboard(page):
    page.locator("body").focus()
    _type_in(page, "#pb-scan-titel", KEYED["titel"])
    page.keyboard.press("Tab")
    page.keyboard.type(KEYED["omschrijving"])
    for theme in KEYED["themas"]:
        _tab_to(page, f'input[name="thema"][value="{theme}"]')
        page.keyboard.press("Space")
    _choose(page, "fase", KEYED["fase"])
    page.wait_for_selector("#pb-scan-voorstel .pb-scan-voorstel__sdg")
    for number, (effect, note) in sorted(KEYED["sdgs"].items()):
        _choose(page, f"sdg-{number}", effect)
        if note:
            _type_in(page, f"#sdg-{number}-toelichting", note)
    _choose(page, "mondiaal", KEYED["mondiaal"][0])
    _type_in(page, "#pb-scan-mondiaal-toelichting", KEYED["mondiaal"][1])
    for index, (van, naar, score, note) in enumerate(KEYED["spill"], start=1):
        _tab_to(page, "#pb-scan-spillover-toevoegen")
        page.keyboard.press("Enter")
        _tab_to(page, f"#spill-{index}-van")  # the new row has the focus already
        for select, wanted in ((f"#spill-{index}-van", van), (f"#spill-{index}-naar", naar)):
            _tab_to(page, select)
            for _ in range(int(wanted)):
                page.keyboard.press("ArrowDown")
            assert page.eval_on_selector(select, "s => s.value") == wanted
        _choose(page, f"spill-{index}-score", score)
        _type_in(page, f"#spill-{index}-toelichting", note)
    # A second spill-over, added and removed again with the keyboard.
    _tab_to(page, "#pb-scan-spillover-toevoegen")
    page.keyboard.press("Enter")
    _tab_to(page, f"#spill-{len(KEYED['spill']) + 1}-van")
    _tab_to(page, f"fieldset[data-rij='{len(KEYED['spill']) + 1}'] [data-verwijder]")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "pb-scan-spillover-toevoegen"
    assert page.locator("#pb-scan-spillovers > fieldset").count() == len(KEYED["spill"])
    for factor, note in KEYED["lnob"].items():
        _tab_to(page, f"#lnob-{factor}")
        page.keyboard.press("Space")
        _type_in(page, f"#lnob-{factor}-toelichting", note)
    _type_in(page, "#pb-scan-conclusie", KEYED["conclusie"])
    _wait_for_link(page, KEYED["conclusie"])


# -------------------------------------------------------------------- tests --

def test_keyboard_fill_in_reload_and_share(page, browser, base, artifacts):
    _open(page, base)
    _fill_with_keyboard(page)
    expected = _expected_form(KEYED)
    assert page.evaluate(READ_FORM) == expected
    page.locator("#pb-scan-status").get_by_text("Spill-over 2 is verwijderd.").wait_for()
    url = page.evaluate("location.href")  # page.url can lag behind history.replaceState
    assert urlsplit(url).fragment.startswith("scan=z") and len(urlsplit(url).fragment) < 1000
    assert page.input_value("#pb-scan-link") == url
    page.screenshot(path=str(artifacts / "projectscan-desktop.png"), full_page=True)

    page.reload()
    page.wait_for_function("t => document.getElementById('pb-scan-titel').value === t", arg=KEYED["titel"])
    assert page.evaluate(READ_FORM) == expected
    assert page.evaluate("location.href") == url  # the same scan, the same link
    assert page.locator('#pb-scan-samenvatting .pb-scan-tegel[data-effect="n"]').count() == 1
    page.locator("#pb-scan-status").get_by_text("De scan uit de link is geopend.").wait_for()

    other = browser.new_context(viewport=PHONE, locale="nl-BE").new_page()  # someone who got the link
    try:
        _open(other, url)
        other.wait_for_function("t => document.getElementById('pb-scan-titel').value === t", arg=KEYED["titel"])
        assert other.evaluate(READ_FORM) == expected
    finally:
        other.context.close()


def test_suggested_sdgs_follow_theme_and_phase(page, base):
    _open(page, base)
    assert "Kies een thema of een fase" in page.locator("#pb-scan-voorstel").inner_text()
    page.check('input[name="thema"][value="duurzaam-aankoopbeleid"]')
    page.check('input[name="fase"][value="uitvoering"]')
    chips = page.locator("#pb-scan-voorstel .pb-scan-voorstel__sdg")
    page.wait_for_function("() => document.querySelectorAll('#pb-scan-voorstel .pb-scan-voorstel__sdg').length === 4")
    # 12 and 8 are first and second in both lists; 11 and 13 (third in one list each) by number
    assert [c.split(":")[0] for c in chips.all_inner_texts()] == ["SDG 12", "SDG 8", "SDG 11", "SDG 13"]
    for number in (12, 8, 11, 13):
        assert page.locator(f"#sdg-{number}").get_attribute("class").endswith("pb-scan-sdg--voorgesteld")
        assert page.locator(f"#sdg-{number} .pb-scan-sdg__voorstel").is_visible()
    assert not page.locator("#sdg-1 .pb-scan-sdg__voorstel").is_visible()
    reasons = page.locator(".pb-scan-voorstel__redenen").inner_text()
    assert CFG["voorstellen"]["thema"]["duurzaam-aankoopbeleid"]["waarom"] in reasons
    # Following a suggestion scrolls to that SDG, and the scan stays in the address bar.
    page.locator("#sdg-1-toelichting").fill("iets")
    _wait_for_link(page, "iets")
    scan_url = page.evaluate("location.href")
    chips.first.click()
    page.wait_for_function("u => location.href === u", arg=scan_url)
    page.reload()
    page.wait_for_function("() => document.getElementById('sdg-1-toelichting').value === 'iets'")


@pytest.mark.parametrize("name, state", [("realistisch", realistic()), ("maximaal", maximal())])
def test_summary_prints_on_one_a4_page(page, base, artifacts, name, state):
    _open(page, base)
    _load(page, state)
    # The way back (QR code of the link) is added once the link is encoded, which is async.
    _wait_for_link(page, state["titel"])
    page.wait_for_selector("#pb-scan-samenvatting .pb-scan-sam__terug", state="attached")
    pdf = page.pdf(format="A4", print_background=True)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1, f"{name}: {len(reader.pages)} pages"
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - 595.3) < 1.5 and abs(float(box.height) - 841.9) < 1.5  # A4 in points
    text = " ".join(reader.pages[0].extract_text().split())
    for part in ("SDG-projectscan", "Toelichting per SDG", "Mondiale reflex", "Spill-overs", "Niemand achterlaten",
                 "Conclusie en volgende stappen", "niet de officiële SDG-toets van de VVSG"):
        assert part in text, part
    assert "1. Het project" not in text and "Bewaren, delen en afdrukken" not in text  # only the summary
    if name == "realistisch":
        assert state["titel"] in text and "Een eerlijke prijs voor koffieboeren." in text
    # The way back: a QR code of the scan's link when it fits, else the advice to keep the link or the file.
    assert "Deze scan opnieuw openen" in text
    qr = page.locator("#pb-scan-samenvatting img.pb-scan-sam__qr")
    link = page.locator("#pb-scan-link").input_value()
    if len(link.encode("utf-8")) <= 2_900:
        assert qr.count() == 1 and qr.get_attribute("src").startswith("data:image/svg+xml")
        assert "scan de QR-code" in text
    else:
        assert qr.count() == 0 and "te lang voor een QR-code" in text
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 794, "height": 1123})
    page.screenshot(path=str(artifacts / f"projectscan-print-{name}.png"), full_page=True)
    assert not page.locator("#stap-project").is_visible() and not page.locator(".md-header").is_visible()
    assert page.locator('#pb-scan-samenvatting .pb-scan-tegel[data-effect="p"]').first.is_visible()


def test_csv_export_has_a_header_and_a_row_per_sdg(page, base):
    _open(page, base)
    _load(page, realistic())
    with page.expect_download() as info:
        page.click("#pb-scan-csv")
    download = info.value
    assert download.suggested_filename == "sdg-projectscan-fairtrade-koffie-in-alle-gemeentelijke-gebouwen.csv"
    data = download.path().read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert rows[0] == ["Project", "SDG", "Naam van de SDG", "Effect", "Toelichting", "Voorgesteld door de scan"]
    assert len(rows) == 18 and [r[1] for r in rows[1:]] == [str(n) for n in range(1, 18)]
    assert rows[8][3:5] == ["Positief", "Een eerlijke prijs voor koffieboeren."]
    assert rows[13][3] == "Negatief" and rows[3][3] == "Nog niet beoordeeld"
    page.locator("#pb-scan-status").get_by_text("één rij per SDG", exact=False).wait_for()


def test_saved_file_opens_again_and_a_wrong_file_says_why(browser, base, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    try:
        page = context.new_page()
        _open(page, base)
        _load(page, realistic())
        expected = page.evaluate(READ_FORM)
        with page.expect_download() as info:
            page.click("#pb-scan-bewaar")
        saved = tmp_path / info.value.suggested_filename
        info.value.save_as(saved)
        content = json.loads(saved.read_text(encoding="utf-8"))
        assert content["formaat"] == "sdg-projectscan" and content["versie"] == 1
        assert content["scan"] == realistic()

        fresh = context.new_page()
        _open(fresh, base)
        assert fresh.evaluate(READ_FORM)["titel"] == ""
        fresh.set_input_files("#pb-scan-open", str(saved))
        fresh.wait_for_function("t => document.getElementById('pb-scan-titel').value === t", arg=realistic()["titel"])
        assert fresh.evaluate(READ_FORM) == expected
        fresh.locator("#pb-scan-status").get_by_text(f"De scan uit {saved.name} is geopend.").wait_for()
        _wait_for_link(fresh, realistic()["conclusie"])  # and the link holds it too

        wrong = tmp_path / "iets-anders.json"
        wrong.write_text('{"naam": "geen scan"}', encoding="utf-8")
        fresh.set_input_files("#pb-scan-open", str(wrong))
        alert = fresh.locator("#pb-scan-fout[role='alert']")
        alert.get_by_text("Dit bestand is geen SDG-projectscan.").wait_for()
        assert fresh.evaluate(READ_FORM) == expected  # the scan stays as it was
    finally:
        context.close()


def test_copy_link_and_clear(browser, base):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    try:
        page = context.new_page()
        _open(page, base)
        _load(page, realistic())
        _wait_for_link(page, realistic()["conclusie"])
        page.click("#pb-scan-kopieer")
        page.locator("#pb-scan-status").get_by_text("De link is gekopieerd.").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == page.evaluate("location.href")
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#pb-scan-wis")
        page.wait_for_function("() => location.hash === ''")
        assert page.evaluate(READ_FORM)["titel"] == "" and page.evaluate(READ_FORM)["spill"] == []
        assert page.evaluate("document.activeElement.id") == "pb-scan-titel"
    finally:
        context.close()


def test_broken_link_shows_a_dutch_message_and_keeps_the_link(page, base):
    _open(page, base + "#scan=zABCDEF")
    alert = page.locator("#pb-scan-fout[role='alert']")
    alert.get_by_text("De link is beschadigd of onvolledig. Kopieer de volledige link opnieuw.").wait_for()
    assert page.evaluate("location.href").endswith("#scan=zABCDEF")
    assert page.evaluate(READ_FORM)["titel"] == ""


def test_nothing_leaves_the_machine(page, base):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    _open(page, base)
    _load(page, maximal())
    with page.expect_download():
        page.click("#pb-scan-csv")
    with page.expect_download():
        page.click("#pb-scan-bewaar")
    page.pdf(format="A4")
    page.wait_for_load_state("networkidle")
    outside = [url for url in requests if urlsplit(url).hostname != "127.0.0.1" and not url.startswith("blob:")]
    assert requests and not outside, outside
    assert not [url for url in requests if "scan=" in url]  # the scan itself is never requested


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "390px"])
def test_axe_reports_no_violations_on_the_filled_in_scan(browser, base, artifacts, viewport):
    require_browser_tool(AXE.is_file(), "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")
    context = browser.new_context(viewport=viewport, locale="nl-BE")
    try:
        page = context.new_page()
        _open(page, base)
        _load(page, realistic())
        page.locator(".pb-scan-waarom summary").click()  # the table with the reasons, open
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]  # no sideways scrolling
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("async () => await axe.run(document)")  # every rule, as test_site_browser.py
        problems = [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
                    for v in result["violations"]]
        assert not problems, "\n".join(problems)
        assert len(result["passes"]) > 20
        if viewport is PHONE:
            page.screenshot(path=str(artifacts / "projectscan-390.png"), full_page=True)
    finally:
        context.close()
