"""'De praktijkenbank in cijfers' (cijfers/) and the chart markup of tools/praktijkenbank/site/charts.py.

The counts on the built page are compared with counts made straight from the
records (front matter), not from the site model the page is drawn from.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from conftest import FIXTURES_SITE
from praktijkenbank.site import charts, model
from praktijkenbank import load_practices, load_vocab


class _Tables(HTMLParser):
    """{table id (aria-labelledby): [[cell texts]]} of the chart tables on a page."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table = None
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "pb-grafiek__tabel" in (attrs.get("class") or ""):
            self._table = self.tables.setdefault(attrs["aria-labelledby"].removesuffix("-titel"), [])
        elif self._table is not None and tag == "tr":
            self._row = []
        elif self._row is not None and tag in ("td", "th"):
            self._cell = []

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self._table.append(self._row)
            self._row = None
        elif tag == "table":
            self._table = None


def _counts_from_records(folder) -> dict:
    vocab = load_vocab()
    records, _ = load_practices([folder])
    out = {key: Counter() for key in ("sdg", "p", "fase", "thema", "provincie", "niveau")}
    grid = Counter()
    for practice in (r for r in records if r.kind == "praktijk"):
        meta = practice.meta
        provinces = {model.government_view(g, vocab)["provincie"] for g in meta["besturen"]} - {None}
        out["provincie"].update(vocab.provinces[p]["naam"] for p in provinces)
        out["fase"].update(vocab.phases[f]["naam"] for f in meta["fasen"])
        out["thema"].update(vocab.themes[t]["naam"] for t in meta["themas"])
        out["niveau"][vocab.levels[meta["niveau"]]["naam"]] += 1
        sdgs = meta.get("sdgs", [])  # with 'alle_sdgs': only the goals it concretely works on
        out["sdg"].update(f"SDG {n} {vocab.sdgs[n]['naam']}" for n in sdgs)
        out["p"].update(vocab.ps[p]["naam"] for p in (meta.get("vijf_p") or vocab.ps_for_sdgs(sdgs)))
        grid.update((f"SDG {n}", vocab.phases[f]["naam"]) for n in sdgs for f in meta["fasen"])
    return {"counts": out, "grid": grid}


@pytest.mark.build
def test_cijfers_page_counts_equal_the_records(fixture_site):
    parser = _Tables()
    parser.feed((fixture_site / "cijfers" / "index.html").read_text(encoding="utf-8"))
    expected = _counts_from_records(FIXTURES_SITE)
    for key in ("sdg", "p", "fase", "thema", "provincie", "niveau"):
        rows = parser.tables[f"grafiek-{key}"][1:]  # after the header row
        shown = {label: int(count) for label, count in rows}
        assert {k: v for k, v in shown.items() if v} == dict(expected["counts"][key]), key
    heat = parser.tables["grafiek-sdg-fase"]
    phases = heat[0][1:]
    shown = {(row[0], phases[i]): int(c) for row in heat[1:] for i, c in enumerate(row[1:]) if int(c)}
    assert shown == dict(expected["grid"])
    home = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert 'id="grafiek-home-sdg"' in home and 'href="cijfers/"' in home


def _view(sdgs, alle=None, fasen=("uitvoering",)):
    vocab = load_vocab()
    view = {"sdgs": [model.sdg_tile(vocab, n) for n in sdgs],
            "vijf_p": [model.p_badge(vocab, p) for p in vocab.ps_for_sdgs(sdgs)],
            "fasen": [{"id": f} for f in fasen], "provincies": [], "themas": [], "niveau": None}
    if alle is not None:
        view["alle_sdgs"] = alle
    return view


def test_practices_using_all_sdgs_count_only_their_concrete_sdgs():
    """A framework practice is not in all 17 bars: only in those of the SDGs it concretely works on."""
    vocab = load_vocab()
    views = [_view([3, 11]), _view([13], alle=True), _view([11], alle=False)]
    counts = charts.count_site({"praktijken": views, "aantal": 3}, vocab)
    assert counts["alle_sdgs"] == 1
    assert counts["sdg"][11] == 2 and counts["sdg"][13] == 1 and counts["sdg"][1] == 0 and counts["sdg"][3] == 1
    assert counts["p"]["welvaart"] == 2 and counts["p"]["mens"] == 1 and counts["p"]["planeet"] == 1
    assert counts["sdg_fase"][11]["uitvoering"] == 2 and counts["fase"]["uitvoering"] == 3
    data = charts.site_charts({"praktijken": views, "aantal": 3}, vocab)
    assert data["weinig"][0]["nummer"] == 1 and all(w["aantal"] == 0 for w in data["weinig"])


def test_bar_chart_markup_escapes_and_scales():
    html = str(charts.bar_chart("x", "Titel <b>", [
        {"label": "A & B", "value": 10, "text": "10", "colour": "#E5243B", "cells": ["10"]},
        {"label": "C", "value": 5, "text": "5", "colour": "#000000", "cells": ["5"]},
        {"label": "D", "value": 0, "text": "0", "colour": "#000000", "cells": ["0"]}], "Uitleg", ("Kop", "Aantal")))
    assert "Titel &lt;b&gt;" in html and "A &amp; B" in html and "<b>" not in html
    widths = [float(w) for w in re.findall(r'<rect class="pb-grafiek__staaf" x="0" y="\d+" width="([\d.]+)"', html)]
    assert widths == [charts.BAR_MAX, charts.BAR_MAX / 2, 0]
    assert 'role="img"' in html and "<title" in html and "<desc" in html and '<th scope="row">A &amp; B</th>' in html


def test_fewest_includes_ties():
    assert charts.fewest({1: 0, 2: 5, 3: 0, 4: 1, 5: 2}) == [1, 3, 4]
    assert charts.fewest({1: 3, 2: 3, 3: 3, 4: 3}) == [1, 2, 3, 4]

