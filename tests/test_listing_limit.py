"""Listing pages (SDG, theme, P, phase, level, province, government) stay small at any size.

A list longer than render.LISTING_LIMIT shows its newest cards and a link that
opens the finder with the same filter; a shorter list (today's bank) is whole
and has no such link.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import ROOT
from praktijkenbank import load_practices, load_vocab
from praktijkenbank.site import model, render, search_index

TODAY = dt.date(2026, 11, 23)
CARD = re.compile(r'<li class="pb-kaart pb-kaart--praktijk">\n<h3 class="pb-kaart__titel"><a href="\.\./\.\./praktijken/([^/]+)/">')


LIMIT = 20  # a small limit, so a small generated bank has long lists


@pytest.fixture(autouse=True)
def small_limit(monkeypatch):
    monkeypatch.setattr(render, "LISTING_LIMIT", LIMIT)


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    folder = tmp_path_factory.mktemp("bank") / "practices"
    generator.generate(200, folder, seed=5, today=TODAY)
    records, problems = load_practices([folder])
    assert not problems
    vocab = load_vocab()
    site = model.build_site(records, vocab, TODAY)
    return site, vocab, render.Renderer(site, vocab)


def _real_limit() -> int:
    return int(re.search(r"^LISTING_LIMIT = (\d+)", (ROOT / "tools/praktijkenbank/site/render.py").read_text(), re.M).group(1))


def _filled(renderer, src_uri: str, markdown: str) -> str:
    return renderer.fill(src_uri, markdown)


def _check_long_list(renderer, vocab, site, family: str, tid, src_uri: str, markdown: str):
    term = site["families"][family][tid]
    html = _filled(renderer, src_uri, markdown)
    shown = CARD.findall(html)
    total = len(term["praktijken"])
    assert total > render.LISTING_LIMIT
    assert len(shown) == render.LISTING_LIMIT
    # The newest, in the usual title order.
    newest = sorted(term["praktijken"], key=lambda v: v["toegevoegd"], reverse=True)[:render.LISTING_LIMIT]
    assert set(shown) == {v["slug"] for v in newest}
    assert shown == [v["slug"] for v in term["praktijken"] if v["slug"] in set(shown)]
    assert f"Praktijken ({total})" in markdown  # the heading still counts them all
    link = re.search(r'<a href="([^"]+)">Bekijk alle (\d+) praktijken in de zoeker</a>', html)
    assert link and int(link.group(2)) == total
    url = urlsplit(link.group(1).replace("&amp;", "&"))
    assert url.path == "../../zoeken/"
    query = parse_qs(url.query)
    assert query == {"soort": ["praktijk"], family: [str(tid)]}
    # The keys and values are the finder's own (docs/assets/zoeker reads them from the address).
    labels = search_index._labels(vocab, [])
    keys = {key for key, _ in search_index.FACETS}
    assert family in keys
    if family != "bestuur":  # government values come from the records themselves
        assert str(tid) in {v["id"] for v in labels[family]}
    assert 'href="../../open-data/"' in html


def test_a_long_sdg_list_shows_the_newest_and_links_to_the_finder(big):
    site, vocab, renderer = big
    number = max(site["families"]["sdg"], key=lambda n: len(site["families"]["sdg"][n]["praktijken"]))
    _check_long_list(renderer, vocab, site, "sdg", number, f"sdg/{number}.md", renderer.sdg(number))


@pytest.mark.parametrize("family", ["thema", "fase", "niveau", "p", "provincie"])
def test_a_long_term_list_shows_the_newest_and_links_to_the_finder(big, family):
    site, vocab, renderer = big
    terms = site["families"][family]
    tid = max(terms, key=lambda t: len(terms[t]["praktijken"]))
    if len(terms[tid]["praktijken"]) <= render.LISTING_LIMIT:
        pytest.skip(f"no {family} with more than {render.LISTING_LIMIT} practices in the generated bank")
    folder = model.FAMILIES[family][0]
    _check_long_list(renderer, vocab, site, family, tid, f"{folder}/{tid}.md", renderer.term(family, tid))


def test_todays_bank_has_whole_lists_without_a_finder_link(monkeypatch):
    monkeypatch.setattr(render, "LISTING_LIMIT", 200)  # the real value (checked below)
    assert render.LISTING_LIMIT == _real_limit()
    records, problems = load_practices([ROOT / kind for kind in ("practices", "instruments", "procurement", "dossiers")
                                        if (ROOT / kind).is_dir()])
    vocab = load_vocab()
    site = model.build_site(records, vocab, dt.date.today())
    renderer = render.Renderer(site, vocab)
    pages = renderer.pages()
    for src_uri, markdown in pages.items():
        assert "in de zoeker</a>, met deze keuze" not in renderer.fill(src_uri, markdown), src_uri
    longest = max(len(t["praktijken"]) for terms in site["families"].values() for t in terms.values())
    assert longest <= render.LISTING_LIMIT  # room to grow before any list is cut


@pytest.mark.parametrize("family, tid, src_uri", [("sdg", 15, "sdg/15.md"),
                                                  ("beleidsdomein", "natuur-en-milieubeheer", "beleidsdomeinen/natuur-en-milieubeheer.md")])
def test_long_indicator_lists_show_the_newest_and_link_to_the_finder(monkeypatch, family, tid, src_uri):
    """SDG and domain pages bound their indicator list like the practices (the bank's own indicators, limit 2)."""
    monkeypatch.setattr(render, "LISTING_LIMIT", 2)
    records, problems = load_practices([ROOT / "indicators"])
    assert not problems
    vocab = load_vocab()
    site = model.build_site(records, vocab, TODAY)
    renderer = render.Renderer(site, vocab)
    markdown = renderer.sdg(tid) if family == "sdg" else renderer.term(family, tid)
    total = len(site["families"][family][tid]["indicatoren"])
    assert total > 2 and f"Indicatoren ({total})" in markdown
    html = renderer.fill(src_uri, markdown)
    shown = re.findall(r'<li class="pb-kaart pb-kaart--indicator">\n<h3 class="pb-kaart__titel"><a href="\.\./\.\./indicatoren/([^/]+)/">', html)
    assert len(shown) == 2
    link = re.search(r'<a href="([^"]+)">Bekijk alle (\d+) indicatoren in de zoeker</a>', html)
    assert link and int(link.group(2)) == total
    assert parse_qs(urlsplit(link.group(1).replace("&amp;", "&")).query) == {"soort": ["indicator"], family: [str(tid)]}
