"""A fiche's body is converted by one Markdown pass (render.render_sections_html), with exactly the
HTML that converting each section on its own gave: every record of the bank, the fixtures and
tricky endings (lists, quotes, code, tables, reference links, empty sections)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES_SITE, ROOT
from praktijkenbank import load_practices
from praktijkenbank.site import render

TRICKY = [
    "Tekst met een [link][ref].\n\n- een\n- lijst",
    "> een citaat\n> over twee regels",
    "```\n## geen kop\n```",
    "    ingesprongen code",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "",
    "   \n",
    "1. een\n2. twee\n\n   nog bij twee",
    "Tekst die eindigt op twee spaties  ",
    "[ref]: https://example.org 'titel'",
    "Een <b>tag</b> en & teken",
    "* ster\n\nna de lijst",
]


def _per_section(texts, resolve=None):
    return [str(render.render_body_html(t, resolve=resolve)) if t.strip() else "" for t in texts]


def _bodies():
    folders = [ROOT / name for name in ("practices", "instruments", "procurement", "dossiers")] + [FIXTURES_SITE]
    records, _ = load_practices([f for f in folders if f.is_dir()])
    return [r.body for r in records if isinstance(r.body, str)]


def test_one_pass_equals_a_pass_per_section_for_every_record():
    bodies = _bodies()
    assert len(bodies) > 50
    for body in bodies:
        texts = [s["tekst"] for s in render.split_sections(body)]
        assert [str(h) for h in render.render_sections_html(texts)] == _per_section(texts)


@pytest.mark.parametrize("first", TRICKY)
def test_one_pass_equals_a_pass_per_section_for_tricky_endings(first):
    texts = [first, "Daarna een gewone alinea.", first, "[ref]: https://example.org/ref"]
    assert [str(h) for h in render.render_sections_html(texts)] == _per_section(texts)


def test_a_text_with_the_marker_is_still_converted_apart():
    texts = [f"Wie {render._SECTION_BREAK} schrijft", "tweede"]
    assert [str(h) for h in render.render_sections_html(texts)] == _per_section(texts)
