"""The site's pure core without MkDocs: model (view data), render (Markdown), open data.

Golden file: tests/golden/fiche-borsbeek-fairtrade-aankopen.md is the rendered
Markdown of one fixture fiche. After an intended change to the fiche template
or the model, regenerate it and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_site_core.py -k golden
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import xml.etree.ElementTree as etree
from pathlib import Path

import pytest

from praktijkenbank import load_practices, load_vocab
from praktijkenbank.site import model, opendata, render
from praktijkenbank.records.load import Practice

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures" / "site"
GOLDEN = HERE / "golden"
TODAY = dt.date(2026, 11, 23)
EDIT_BASE = "https://github.com/vvsg-praktijkenbank/praktijkenbank/edit/main/"


@pytest.fixture(scope="module")
def vocab():
    return load_vocab()


@pytest.fixture(scope="module")
def all_records():
    """Every fixture record: practices, an instrument, a product group and a dossier."""
    records, problems = load_practices([FIXTURES])
    assert not problems
    return records


@pytest.fixture(scope="module")
def records(all_records):
    return [r for r in all_records if r.kind == "praktijk"]


@pytest.fixture(scope="module")
def site(all_records, vocab):
    return model.build_site(all_records, vocab, TODAY, repo_root=HERE.parent)


def _practice(slug="test-praktijk", body="## Context\n\nTekst.\n", **meta):
    base = {"titel": "Een testpraktijk met een titel", "samenvatting": "Samenvatting " * 5,
            "besturen": [{"naam": "Heuvelland"}], "sdgs": [13], "themas": ["participatie"],
            "fasen": ["uitvoering"], "niveau": "starter", "status": "uitgevoerd",
            "bronnen": [{"titel": "Bron", "uitgever": "Testuitgever", "url": "https://example.org", "geraadpleegd": "2026-01-01"}],
            "toegevoegd": "2026-01-01", "geverifieerd": "2026-01-01"}
    base.update(meta)
    return Practice(f"practices/{slug}.md", slug, base, body, 10)


# ------------------------------------------------------------------ golden --

def test_golden_fiche(site, vocab):
    view = site["per_slug"]["borsbeek-fairtrade-aankopen"]
    renderer = render.Renderer(site, vocab, edit_base=EDIT_BASE)
    src_uri = "praktijken/borsbeek-fairtrade-aankopen.md"
    rendered = renderer.fill(src_uri, renderer.practice(view))  # with the HTML blocks put back
    golden = GOLDEN / "fiche-borsbeek-fairtrade-aankopen.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert golden.is_file(), "golden file missing: run with UPDATE_GOLDEN=1"
    assert rendered == golden.read_text(encoding="utf-8")


# ------------------------------------------------------------------- model --

def test_former_municipality_shows_current_name_and_province(site):
    view = site["per_slug"]["borsbeek-fairtrade-aankopen"]
    (government,) = view["besturen"]
    assert government["naam"] == "Borsbeek"
    assert government["huidige_naam"] == "Antwerpen"
    assert "Antwerpen" in government["weergave"] and "Borsbeek" in government["weergave"]
    assert government["provincie"] == "antwerpen"
    assert government["pad"] == "bestuur/antwerpen/"
    assert site["families"]["bestuur"]["antwerpen"]["vroegere_namen"] == ["Borsbeek"]


def test_province_and_organisation_governments(site):
    view = site["per_slug"]["provincie-oost-vlaanderen-subsidiereglement"]
    provinces = {g["naam"]: g["provincie"] for g in view["besturen"]}
    assert provinces == {"Provincie Oost-Vlaanderen": "oost-vlaanderen", "Aalst": "oost-vlaanderen"}
    assert [p["id"] for p in view["provincies"]] == ["oost-vlaanderen"]
    old = site["per_slug"]["vvsg-sdg-rapportering-oud"]
    assert {g["naam"]: g["provincie"] for g in old["besturen"]} == {"VVSG": None, "Gent": "oost-vlaanderen"}


def test_five_ps_derived_when_absent_and_kept_when_given(site, vocab):
    derived = site["per_slug"]["borsbeek-fairtrade-aankopen"]
    assert [b["id"] for b in derived["vijf_p"]] == vocab.ps_for_sdgs([8, 12]) == ["planeet", "welvaart"]
    assert derived["vijf_p_afgeleid"] is True
    given = site["per_slug"]["vvsg-sdg-rapportering-oud"]
    assert [b["id"] for b in given["vijf_p"]] == ["planeet", "welvaart"]
    assert given["vijf_p_afgeleid"] is False


def test_related_practices_in_both_directions(site):
    one = site["per_slug"]["borsbeek-fairtrade-aankopen"]
    other = site["per_slug"]["provincie-oost-vlaanderen-subsidiereglement"]
    assert [r["slug"] for r in one["verwant"]] == ["provincie-oost-vlaanderen-subsidiereglement"]
    assert [r["slug"] for r in other["verwant"]] == ["borsbeek-fairtrade-aankopen"]
    assert site["per_slug"]["vvsg-sdg-rapportering-oud"]["verwant"] == []


def test_related_to_a_missing_practice_is_ignored(vocab):
    site = model.build_site([_practice("a", verwant=["bestaat-niet", "a"])], vocab, TODAY)
    assert site["per_slug"]["a"]["verwant"] == []


@pytest.mark.parametrize("verified, expected", [
    ("2024-11-23", False),  # exactly two years: not yet
    ("2024-11-22", True),
    ("2026-11-23", False),
    ("geen datum", True),
])
def test_needs_review_after_two_years(verified, expected):
    assert model.needs_review(verified, TODAY) is expected


def test_needs_review_on_29_february():
    assert model.needs_review("2026-02-28", dt.date(2028, 2, 29)) is False
    assert model.needs_review("2026-02-27", dt.date(2028, 2, 29)) is True


def test_te_herzien_flag_in_view(site):
    assert site["per_slug"]["vvsg-sdg-rapportering-oud"]["te_herzien"] is True
    assert site["per_slug"]["borsbeek-fairtrade-aankopen"]["te_herzien"] is False


def test_tile_text_colours_meet_wcag_aa(vocab):
    for number, entry in vocab.sdgs.items():
        tile = model.sdg_tile(vocab, number)
        assert model.contrast_ratio(tile["kleur"], tile["tekstkleur"]) >= 4.5, number
    for pid in vocab.ps:
        badge = model.p_badge(vocab, pid)
        assert model.contrast_ratio(badge["kleur"], badge["tekstkleur"]) >= 4.5, pid
    assert model.sdg_tile(vocab, 7)["tekstkleur"] == "#000000"  # yellow: dark text


def test_family_lists_contain_exactly_the_tagged_practices(site, records):
    for number, term in site["families"]["sdg"].items():
        expected = {p.slug for p in records if number in p.meta.get("sdgs", [])}
        assert {v["slug"] for v in term["praktijken"]} == expected
    assert len(site["families"]["sdg"]) == 17
    for theme, term in site["families"]["thema"].items():
        assert {v["slug"] for v in term["praktijken"]} == {p.slug for p in records if theme in p.meta["themas"]}


def test_newest_first(site):
    assert [v["slug"] for v in site["nieuwste"]] == [
        "provincie-oost-vlaanderen-subsidiereglement", "kaprijke-omgevingsanalyse-alle-sdgs",
        "borsbeek-fairtrade-aankopen", "vvsg-sdg-rapportering-oud"]


def test_newest_on_the_same_day_is_the_one_that_entered_the_repository_last(vocab):
    """Most records share one 'toegevoegd' date: the git history orders them, not the alphabet."""
    practices = [_practice(slug, titel=f"{title} heeft een titel die lang genoeg is", toegevoegd="2026-12-01")
                 for slug, title in (("a", "Aalst"), ("b", "Brugge"), ("c", "Charleroi"))]
    practices.append(_practice("ouder", titel="Zottegem heeft een titel die lang genoeg is", toegevoegd="2026-11-01"))
    by_title = model.build_site(practices, vocab, TODAY)
    assert [v["slug"] for v in by_title["nieuwste"]] == ["a", "b", "c", "ouder"]  # no history: by title
    entered = {"practices/a.md": 100, "practices/b.md": 300, "practices/c.md": 200, "practices/ouder.md": 400}
    by_git = model.build_site(practices, vocab, TODAY, entered=entered)
    assert [v["slug"] for v in by_git["nieuwste"]] == ["b", "c", "a", "ouder"]
    entered.pop("practices/a.md")  # not committed yet: the newest of its day
    assert [v["slug"] for v in model.build_site(practices, vocab, TODAY, entered=entered)["nieuwste"]] == ["a", "b", "c", "ouder"]


def test_the_home_page_shows_when_the_newest_practices_were_added(site, vocab):
    renderer = render.Renderer(site, vocab)
    home = renderer.fill("index.md", renderer.home())
    newest = home.split("## Nieuwste praktijken", 1)[1]
    first = site["nieuwste"][0]
    assert f'Toegevoegd op <time datetime="{first["toegevoegd"]}">{first["toegevoegd_tekst"]}</time>' in newest
    assert newest.count("pb-kaart__datum") == min(6, len(site["nieuwste"]))
    other = renderer.fill("sdg/13.md", renderer.sdg(13))
    assert "pb-kaart__datum" not in other  # only the home page dates its cards


@pytest.mark.parametrize("target, base, expected", [
    ("sdg/7/", "praktijken/x/", "../../sdg/7/"),
    ("", "praktijken/x/", "../../"),
    ("praktijken/y/", "praktijken/x/", "../y/"),
    ("sdg/7/", "", "sdg/7/"),
    ("", "", "./"),
    ("data/practices.json", "open-data/", "../data/practices.json"),
    ("praktijken/", "praktijken/", "./"),
])
def test_relative_url(target, base, expected):
    assert model.relative_url(target, base) == expected


def test_page_url():
    assert model.page_url("praktijken/x.md") == "praktijken/x/"
    assert model.page_url("praktijken/index.md") == "praktijken/"
    assert model.page_url("index.md") == ""
    assert model.page_url("praktijken/x.md", use_directory_urls=False) == "praktijken/x.html"


def test_model_survives_unvalidated_junk(vocab):
    junk = _practice("junk", titel=None, besturen="geen lijst", sdgs=[99, "x", 3], periode="2020",
                     themas=["bestaat-niet"], niveau="expert", bronnen=[{"titel": "x", "url": "javascript:alert(1)"}],
                     contact="iemand", verwant=7, geverifieerd=None)
    site = model.build_site([junk], vocab, TODAY)
    view = site["per_slug"]["junk"]
    assert view["titel"] == "junk" and [t["nummer"] for t in view["sdgs"]] == [3] and view["te_herzien"]
    render.Renderer(site, vocab).pages()  # renders without raising


# ------------------------------------------------------------------ render --

@pytest.mark.parametrize("url, safe", [
    ("https://example.org/x", True), ("http://example.org", True), ("mailto:a@b.be", True),
    ("#anker", True), ("andere-pagina/", True),
    ("javascript:alert(1)", False), (" JavaScript:alert(1)", False), ("java\tscript:alert(1)", False),
    ("javascript&#58;alert(1)", False), ("jav&#x09;ascript:alert(1)", False), ("data:text/html,x", False),
    ("vbscript:x", False), ("", False), (None, False),
    ("file:///C:/plan.docx", False), ("\\\\server\\map", False), ("//voorbeeld.be/x", False), ("/\\voorbeeld.be", False),
])
def test_safe_url(url, safe):
    assert (render.safe_url(url) is not None) is safe


def test_the_validator_names_every_link_the_site_drops(tmp_path):
    """One rule (records/links.py) for the site and the validator: every link the fiche loses gets a message."""
    from praktijkenbank import validate_paths
    from praktijkenbank.records import links

    hrefs = ["javascript:x", "&#106;avascript&#58;x", "file:///C:/plan.docx", "\\\\server\\map",
             "//voorbeeld.be/x", "data:text/html,x", "https://voorbeeld.be/x", "mailto:a@b.be", "#anker"]
    body = "\n\n".join(f"[link {i}]({href})" for i, href in enumerate(hrefs)) + "\n\n[ref]: javascript:y\n"
    html = str(render.render_body_html(body))
    kept = [href for href in hrefs if f'href="{href}"' in html or f'href="{href.replace("&", "&amp;")}"' in html]
    assert kept == ["https://voorbeeld.be/x", "mailto:a@b.be", "#anker"]
    flagged = [href for _, href in links.all_links(body) if links.unsafe_reason(href)]
    assert flagged == [h for h in hrefs if h not in kept] + ["javascript:y"]


def test_body_raw_html_is_escaped_and_unsafe_links_dropped():
    html = str(render.render_body_html(
        "Tekst <script>alert(1)</script> en <img src=x onerror=alert(2)>\n\n"
        "<div onclick=\"alert(3)\">blok</div>\n\n"
        "[a](javascript:alert(4)) [b](javascript&#58;alert(5)) [c](https://example.org) "
        "<https://example.org/auto>\n\n![foto](https://tracker.example/pixel.png)\n\n"
        "Lijst {: onclick=alert(6) }\n"))
    assert "<script" not in html and "<img" not in html and "<div" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'href="javascript' not in html.lower() and "&#58;" not in html
    assert '<a href="https://example.org" rel="noopener">c</a>' in html
    assert 'href="https://example.org/auto"' in html
    assert "[afbeelding: foto]" in html and "tracker" not in html
    assert _attributes(html) == {"p": set(), "a": {"href", "rel"}, "span": set()}


def _attributes(html: str) -> dict[str, set[str]]:
    """{tag: attribute names} of all real elements in ``html``."""
    from html.parser import HTMLParser

    found: dict[str, set[str]] = {}

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.setdefault(tag, set()).update(name for name, _ in attrs)

    Parser().feed(html)
    return found


def test_split_sections_respects_fences_and_reference_links():
    body = "Intro.\n\n## Context\n\nZie [de gids][g].\n\n```\n## geen kop\n```\n\n## Aanpak\n\nStap.\n\n[g]: https://example.org/g\n"
    sections = render.split_sections(body)
    assert [s["kop"] for s in sections] == [None, "Context", "Aanpak"]
    assert "## geen kop" in sections[1]["tekst"]
    html = str(render.render_body_html(sections[1]["tekst"]))
    assert 'href="https://example.org/g"' in html


def test_md_text_neutralises_markdown_and_html():
    assert str(render.md_text("<b>*x*</b> [y](z)")) == "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[y\\]\\(z\\)"


def test_front_matter_strings_are_escaped(vocab):
    evil = _practice("evil", titel="Titel <script>alert(1)</script> </title>",
                     samenvatting='Samenvatting met "quotes" en <img src=x onerror=alert(1)> ' * 2,
                     besturen=[{"naam": "<b>Gemeente</b>", "soort": "organisatie"}],
                     bronnen=[{"titel": "<i>bron</i>", "url": "javascript:alert(1)"}],
                     contact={"organisatie": "<x>", "email": "a\"@b.be", "website": "javascript:alert(1)"})
    site = model.build_site([evil], vocab, TODAY)
    text = render.Renderer(site, vocab).practice(site["per_slug"]["evil"])
    assert "<script" not in text and "<img" not in text and "<b>" not in text and "<i>" not in text
    assert "javascript:" not in text
    front = text.split("---")[1]
    assert "&lt;script&gt;" in front and "&quot;quotes&quot;" in front


def test_every_page_family_is_rendered(site, vocab):
    pages = render.Renderer(site, vocab).pages()
    for number in range(1, 18):
        assert f"sdg/{number}.md" in pages
    for family, ids in (("p", vocab.ps), ("thema", vocab.themes), ("fase", vocab.phases),
                        ("niveau", vocab.levels), ("provincie", vocab.provinces)):
        assert f"{family}/index.md" in pages
        for tid in ids:
            assert f"{family}/{tid}.md" in pages
    assert "bestuur/antwerpen.md" in pages and "bestuur/index.md" in pages
    assert "index.md" in pages and "praktijken/index.md" in pages
    assert "nog geen praktijken" in pages["sdg/1.md"]  # no fixture has SDG 1


# --------------------------------------------------------------- open data --

def test_opendata_json_matches_records(site, records):
    data = json.loads(opendata.practices_json(site, "https://example.org/bank/"))
    assert data["aantal"] == len(records) == len(data["praktijken"])
    by_slug = {r["slug"]: r for r in data["praktijken"]}
    for practice in records:
        row = by_slug[practice.slug]
        assert row["titel"] == practice.meta["titel"]
        assert row["sdgs"] == practice.meta.get("sdgs", [])
        assert row["soort"] == "praktijk" and row["status"] == practice.meta["status"]
        assert row["themas"] == practice.meta["themas"]
        assert row["pad"] == f"praktijken/{practice.slug}/"
        assert row["url"] == f"https://example.org/bank/praktijken/{practice.slug}/"
        assert row["bestand"] == f"tests/fixtures/site/practices/{practice.slug}.md"
    assert by_slug["provincie-oost-vlaanderen-subsidiereglement"]["verwant"] == ["borsbeek-fairtrade-aankopen"]


def test_opendata_csv_bom_semicolon_and_formula_guard(site, vocab):
    raw = opendata.practices_csv(site)
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == site["aantal"]
    assert rows[0]["sdgs"] == "8, 12"
    formula = model.build_site([_practice("f", titel="=HYPERLINK(\"x\")")], vocab, TODAY)
    row = next(csv.DictReader(io.StringIO(opendata.practices_csv(formula).decode("utf-8-sig")), delimiter=";"))
    assert row["titel"].startswith("'=")


def test_atom_feed_is_valid_atom(site):
    ns = {"a": "http://www.w3.org/2005/Atom"}
    for site_url in ("", "https://example.org/bank/"):
        root = etree.fromstring(opendata.atom_feed(site, site_url))
        assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        for tag in ("id", "title", "updated", "author/a:name"):
            assert root.find(f"a:{tag}", ns) is not None, tag
        entries = root.findall("a:entry", ns)
        assert len(entries) == site["aantal"] + len(site["instrumenten"])  # practices and instruments
        for entry in entries:
            for tag in ("id", "title", "updated"):
                assert entry.find(f"a:{tag}", ns).text
            assert entry.find("a:link[@rel='alternate']", ns).get("href").endswith("/")
            dt.datetime.strptime(entry.find("a:updated", ns).text, "%Y-%m-%dT%H:%M:%SZ")
        assert len({e.find("a:id", ns).text for e in entries}) == len(entries)
