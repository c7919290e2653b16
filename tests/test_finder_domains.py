"""The finder's facets for policy domain, size class and evidence level, in Chromium on the real site."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from praktijkenbank import load_vocab
from test_finder import click_facet, facet_counts, open_finder, result_slugs


@pytest.fixture(scope="module")
def base(real_site, serve) -> str:
    return serve(real_site)


@pytest.fixture(scope="module")
def practices(real_site) -> dict[str, dict]:
    """The practices of this build's open data, keyed by 'praktijken/<slug>'."""
    data = json.loads((real_site / "data" / "practices.json").read_text(encoding="utf-8"))["praktijken"]
    return {r["pad"].rstrip("/"): r for r in data}


@pytest.mark.browser
def test_domain_size_and_evidence_facets_filter_and_count(page, base, practices):
    vocab = load_vocab()
    open_finder(page, base, "soort=praktijk")
    assert facet_counts(page, "beleidsdomein") == {
        d: sum(d in r["beleidsdomeinen"] for r in practices.values()) for d in vocab.domains}
    assert facet_counts(page, "bewijs") == {e: sum(r["bewijs"] == e for r in practices.values()) for e in vocab.evidence}
    click_facet(page, "beleidsdomein", "zorg-en-opvang")
    expected = {p for p, r in practices.items() if "zorg-en-opvang" in r["beleidsdomeinen"]}
    assert set(result_slugs(page)) == expected
    assert facet_counts(page, "grootte") == {
        c: sum(c in practices[p]["grootteklassen"] for p in expected) for c in vocab.size_classes}
    click_facet(page, "bewijs", "gemeld")
    expected = {p for p in expected if practices[p]["bewijs"] == "gemeld"}
    assert set(result_slugs(page)) == expected
    assert parse_qs(urlsplit(page.url).query) == {"soort": ["praktijk"], "beleidsdomein": ["zorg-en-opvang"],
                                                   "bewijs": ["gemeld"]}
