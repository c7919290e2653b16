"""Build-time charts: inline SVG bar charts and a heat map, each with its data table.

Used by the page "De praktijkenbank in cijfers" (``cijfers/``) and the small SDG
chart on the home page. The browser's budget scan draws its bars with
``docs/assets/begroting/grafieken.js`` in exactly this markup, so one CSS file
(``docs/assets/grafieken.css``) styles both, with the colours of sdgs.yaml and
vijf_p.yaml.

Markup of a bar chart (:func:`bar_chart`)::

    <figure class="pb-grafiek"> <figcaption> title
      <svg role="img"> <title> <desc> per row: label, bar (rect), value </svg>
      <table class="pb-grafiek__tabel"> the same numbers (screen readers; shown when printed)

All counting is one pass over the practice views (linear in their number).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from .model import text_colour

WIDTH = 400
BAR_MAX = 300
ROW = 32
NEUTRAL = "#19486a"  # the site's primary colour, for families without colours of their own


def _attr(value) -> str:
    return str(escape(str(value)))


def bar_chart(chart_id: str, title: str, rows: list[dict], description: str, headers: tuple[str, ...],
              extra_columns: tuple[str, ...] = ()) -> Markup:
    """rows: [{label, value (number), text (shown value), colour, cells (table cells after the label), href?}]."""
    top = max([r["value"] for r in rows] + [0])
    height = len(rows) * ROW + 4
    parts = [f'<figure class="pb-grafiek" id="{_attr(chart_id)}">',
             f'<figcaption class="pb-grafiek__titel" id="{_attr(chart_id)}-titel">{escape(title)}</figcaption>',
             '<div class="pb-grafiek__inhoud">',
             f'<svg class="pb-grafiek__svg" viewBox="0 0 {WIDTH} {height}" role="img" focusable="false" '
             f'aria-labelledby="{_attr(chart_id)}-svg-titel {_attr(chart_id)}-svg-uitleg">',
             f'<title id="{_attr(chart_id)}-svg-titel">{escape(title)}</title>',
             f'<desc id="{_attr(chart_id)}-svg-uitleg">{escape(description)}</desc>']
    for index, row in enumerate(rows):
        y = index * ROW
        width = round(BAR_MAX * row["value"] / top, 1) if top > 0 and row["value"] > 0 else 0
        parts.append(f'<text class="pb-grafiek__label" x="0" y="{y + 12}">{escape(row["label"])}</text>'
                     f'<rect class="pb-grafiek__staaf" x="0" y="{y + 16}" width="{width}" height="12" '
                     f'fill="{_attr(row["colour"])}"/>'
                     f'<text class="pb-grafiek__waarde" x="{round(width + 4, 1)}" y="{y + 26}">{escape(row["text"])}</text>')
    parts.append("</svg>")
    parts.append(_table(chart_id, title, headers + extra_columns,
                        [[row["label"]] + list(row["cells"]) for row in rows], [row.get("href") for row in rows]))
    parts.append("</div></figure>")
    return Markup("\n".join(parts))


def _table(chart_id: str, title: str, headers, rows, hrefs=None) -> str:
    out = [f'<div class="pb-grafiek__data"><table class="pb-grafiek__tabel" aria-labelledby="{_attr(chart_id)}-titel">',
           "<thead><tr>" + "".join(f'<th scope="col">{escape(h)}</th>' for h in headers) + "</tr></thead>", "<tbody>"]
    for index, row in enumerate(rows):
        href = hrefs[index] if hrefs else None
        label = f'<a href="{_attr(href)}">{escape(row[0])}</a>' if href else escape(row[0])
        out.append(f'<tr><th scope="row">{label}</th>' + "".join(f"<td>{escape(c)}</td>" for c in row[1:]) + "</tr>")
    out.append("</tbody></table></div>")
    return "\n".join(out)


def heat_map(chart_id: str, title: str, row_labels: list[str], column_labels: list[str], column_short: list[str],
             counts: list[list[int]], description: str) -> Markup:
    """A grid of counts (rows x columns); darker = more. Column headers are numbered (legend below)."""
    top = max([c for row in counts for c in row] + [0])
    label_width, cell, head = 56, 48, 22
    width = label_width + cell * len(column_labels)
    height = head + 26 * len(row_labels)
    parts = [f'<figure class="pb-grafiek pb-grafiek--warmte" id="{_attr(chart_id)}">',
             f'<figcaption class="pb-grafiek__titel" id="{_attr(chart_id)}-titel">{escape(title)}</figcaption>',
             '<div class="pb-grafiek__inhoud">',
             f'<svg class="pb-grafiek__svg" viewBox="0 0 {width} {height}" role="img" focusable="false" '
             f'aria-labelledby="{_attr(chart_id)}-svg-titel {_attr(chart_id)}-svg-uitleg">',
             f'<title id="{_attr(chart_id)}-svg-titel">{escape(title)}</title>',
             f'<desc id="{_attr(chart_id)}-svg-uitleg">{escape(description)}</desc>']
    for j, short in enumerate(column_short):
        parts.append(f'<text class="pb-grafiek__kop" x="{label_width + j * cell + cell / 2}" y="14" '
                     f'text-anchor="middle">{escape(short)}</text>')
    for i, label in enumerate(row_labels):
        y = head + i * 26
        parts.append(f'<text class="pb-grafiek__label" x="0" y="{y + 17}">{escape(label)}</text>')
        for j, count in enumerate(counts[i]):
            fill = _heat_colour(count, top)
            parts.append(f'<rect x="{label_width + j * cell + 1}" y="{y + 1}" width="{cell - 2}" height="24" '
                         f'fill="{fill}"/><text class="pb-grafiek__cel" x="{label_width + j * cell + cell / 2}" '
                         f'y="{y + 17}" text-anchor="middle" fill="{text_colour(fill)}">{count}</text>')
    parts.append("</svg>")
    legend = "; ".join(f"{s} = {name}" for s, name in zip(column_short, column_labels))
    parts.append(f'<p class="pb-grafiek__legende">Kolommen: {escape(legend)}.</p>')
    parts.append(_table(chart_id, title, ["SDG"] + column_labels,
                        [[label] + [str(c) for c in counts[i]] for i, label in enumerate(row_labels)]))
    parts.append("</div></figure>")
    return Markup("\n".join(parts))


def _heat_colour(count: int, top: int) -> str:
    """White to the site's primary blue, in five steps."""
    steps = ["#ffffff", "#d6e4f0", "#a3c3de", "#5b8fbd", "#2a6a96", "#19486a"]
    if count <= 0 or top <= 0:
        return steps[0]
    return steps[min(5, 1 + (4 * count) // top)]


# -------------------------------------------------------------- site counts --

def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def count_site(site: dict, vocab) -> dict:
    """Counts per SDG, P, phase, province, theme and level, and SDG x phase, in one pass.

    A practice flagged ``alle_sdgs`` (the 17 SDGs as a framework) counts in the bars
    of the SDGs it concretely works on ('sdgs'), like on the SDG pages, not in all 17;
    the number of such practices is given apart. P's: the practice's own (given or derived).
    """
    sdg = {n: 0 for n in vocab.sdgs}
    ps = {p: 0 for p in vocab.ps}
    phases = {f: 0 for f in vocab.phases}
    provinces = {p: 0 for p in vocab.provinces}
    themes = {t: 0 for t in vocab.themes}
    levels = {lv: 0 for lv in vocab.levels}
    grid = {n: {f: 0 for f in vocab.phases} for n in vocab.sdgs}
    all_sdgs = no_level = 0
    for view in site["praktijken"]:
        phase_ids = [t["id"] for t in view["fasen"] if t["id"] in phases]
        for pid in phase_ids:
            phases[pid] += 1
        for province in view["provincies"]:
            provinces[province["id"]] += 1
        for term in view["themas"]:
            if term["id"] in themes:
                themes[term["id"]] += 1
        if view["niveau"] and view["niveau"]["id"] in levels:
            levels[view["niveau"]["id"]] += 1
        else:
            no_level += 1
        if view.get("alle_sdgs", False):
            all_sdgs += 1
        for tile in view["sdgs"]:
            sdg[tile["nummer"]] += 1
            for pid in phase_ids:
                grid[tile["nummer"]][pid] += 1
        for badge in view["vijf_p"]:
            ps[badge["id"]] += 1
    return {"totaal": site["aantal"], "sdg": sdg, "p": ps, "fase": phases, "provincie": provinces, "thema": themes,
            "niveau": levels, "zonder_niveau": no_level, "alle_sdgs": all_sdgs, "sdg_fase": grid}


def fewest(counts: dict, how_many: int = 3) -> list[int]:
    """The SDGs with the fewest practices: the lowest ``how_many`` counts, ties included."""
    ordered = sorted(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if not ordered:
        return []
    limit = ordered[min(how_many, len(ordered)) - 1][1]
    return [n for n, c in ordered if c <= limit]


def _extremes(rows: list[dict]) -> str:
    if not rows:
        return ""
    most = max(rows, key=lambda r: r["value"])
    least = min(rows, key=lambda r: r["value"])
    return f" Meeste: {most['label']} ({most['text']}); minste: {least['label']} ({least['text']})."


def _count_chart(chart_id, title, items, first_column, link=None, colours=None):
    rows = []
    for key, (label, count) in items.items():
        rows.append({"label": label, "value": count, "text": str(count), "cells": [str(count)],
                     "colour": (colours or {}).get(key, NEUTRAL), "href": link(key) if link else None})
    description = f"Staafdiagram: {title.lower()}.{_extremes(rows)} Alle cijfers staan in de tabel."
    return bar_chart(chart_id, title, rows, description, (first_column, "Praktijken"))


def site_charts(site: dict, vocab, link=None) -> dict:
    """Every chart of the 'in cijfers' page, as safe HTML, plus the counts (for tests and text).

    ``link(path)`` makes a relative URL from the page that shows the charts (None: no links).
    """
    counts = count_site(site, vocab)
    to = (lambda path: link(path)) if link else (lambda path: None)
    sdg_items = {n: (f"SDG {n} {vocab.sdgs[n]['naam']}", c) for n, c in counts["sdg"].items()}
    charts = {
        "sdg": _count_chart("grafiek-sdg", "Praktijken per SDG", sdg_items, "SDG",
                            lambda n: to(f"sdg/{n}/"), {n: e["kleur"] for n, e in vocab.sdgs.items()}),
        "p": _count_chart("grafiek-p", "Praktijken per P", {p: (vocab.ps[p]["naam"], c) for p, c in counts["p"].items()},
                          "P", lambda p: to(f"p/{p}/"), {p: e["kleur"] for p, e in vocab.ps.items()}),
        "fase": _count_chart("grafiek-fase", "Praktijken per fase van de beleidscyclus",
                             {f: (vocab.phases[f]["naam"], c) for f, c in counts["fase"].items()}, "Fase",
                             lambda f: to(f"fase/{f}/")),
        "provincie": _count_chart("grafiek-provincie", "Praktijken per provincie",
                                  {p: (vocab.provinces[p]["naam"], c) for p, c in counts["provincie"].items()},
                                  "Provincie", lambda p: to(f"provincie/{p}/")),
        "thema": _count_chart("grafiek-thema", "Praktijken per thema",
                              {t: (vocab.themes[t]["naam"], c) for t, c in counts["thema"].items()}, "Thema",
                              lambda t: to(f"thema/{t}/")),
        "niveau": _count_chart("grafiek-niveau", "Starters en gevorderden",
                               {lv: (vocab.levels[lv]["naam"], c) for lv, c in counts["niveau"].items()}, "Niveau",
                               lambda lv: to(f"niveau/{lv}/")),
    }
    phase_ids = list(vocab.phases)
    grid = [[counts["sdg_fase"][n][f] for f in phase_ids] for n in vocab.sdgs]
    charts["sdg_fase"] = heat_map(
        "grafiek-sdg-fase", "SDG's per fase van de beleidscyclus", [f"SDG {n}" for n in vocab.sdgs],
        [vocab.phases[f]["naam"] for f in phase_ids], [f"F{i + 1}" for i in range(len(phase_ids))], grid,
        "Warmtekaart: per SDG (rijen) en fase (kolommen) het aantal praktijken; donkerder is meer. "
        "Alle cijfers staan in de tabel.")
    low = fewest(counts["sdg"])
    return {"counts": counts, "charts": charts,
            "weinig": [{"nummer": n, "naam": vocab.sdgs[n]["naam"], "aantal": counts["sdg"][n], "pad": f"sdg/{n}/"}
                       for n in low],
            "alle_sdgs_tekst": _plural(counts["alle_sdgs"], "praktijk gebruikt", "praktijken gebruiken")}


def home_chart(site: dict, vocab) -> Markup:
    """The SDG chart for the home page (links relative to the site root)."""
    counts = count_site(site, vocab)["sdg"]
    items = {n: (f"SDG {n} {vocab.sdgs[n]['naam']}", c) for n, c in counts.items()}
    return _count_chart("grafiek-home-sdg", "Praktijken per SDG", items, "SDG", lambda n: f"sdg/{n}/",
                        {n: e["kleur"] for n, e in vocab.sdgs.items()})


def pages(renderer) -> dict[str, str]:
    """The generated page cijfers/index.md (hook: added next to the other generated pages)."""
    src_uri = "cijfers/index.md"
    here = "cijfers/"
    from .model import relative_url

    data = site_charts(renderer.site, renderer.vocab, lambda path: relative_url(renderer.url_for(path), here))
    return {src_uri: renderer._render(
        "cijfers.md.j2", src_uri,
        {"title": "De praktijkenbank in cijfers",
         "description": "Hoeveel praktijken er zijn per SDG, P, fase, provincie, thema en niveau."},
        cijfers=data)}
