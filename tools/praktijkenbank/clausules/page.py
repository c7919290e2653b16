"""The clause builder page (``clausules/``) and its two document templates, made at build time.

* :func:`pages`: ``clausules/index.md`` from ``templates/site/clausules.md.j2`` with the clauses of every
  product group (records), the levels, steps and verification methods (vocabularies) and the page's
  fixed texts (clausulebouwer.yaml) embedded as JSON (:mod:`.data`).
* :func:`files`: an empty .docx (python-docx) and .odt (odfdo) with one paragraph of each kind the
  basket needs, each holding a marker (:data:`MARKERS`). The browser copies those paragraphs for the
  picked clauses (docs/assets/clausules/clausules-document.js, zip with fflate), so the downloads carry
  the real heading and list styles of the same maintained libraries as the model texts
  (site/modeltext_files.py), while the basket itself never leaves the browser.
"""

from __future__ import annotations

import datetime as dt
import json

from ..site import model
from ..site.modeltext_files import new_docx, save_docx, save_odt
from ..site.vendor import BY_PACKAGE
from .data import builder_data, config

FOLDER = "clausules"
SRC_URI = f"{FOLDER}/index.md"
TEMPLATE_NAME = "clausules-sjabloon"
# One paragraph per kind in the templates: the browser finds it by its marker and copies it.
MARKERS = {"titel": "PBTITEL", "kop": "PBKOP", "subkop": "PBSUBKOP", "alinea": "PBALINEA", "punt": "PBPUNT"}
LIBRARIES = ["fflate"]
SCRIPTS = ["clausules-mand.js", "clausules-document.js", "clausules-app.js"]


def _json_for_script(value) -> str:
    """JSON safe inside <script type="application/json">."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


def pages(renderer) -> dict[str, str]:
    config.cache_clear()  # 'mkdocs serve' rebuilds after clausulebouwer.yaml changed
    here = model.page_url(SRC_URI, renderer.use_directory_urls)

    def link(path: str) -> str:
        return model.relative_url(renderer.url_for(path), here)

    data = builder_data(renderer.site, renderer.vocab, link)
    data["sjablonen"] = {ext: f"{TEMPLATE_NAME}.{ext}" for ext in ("docx", "odt")}
    data["merktekens"] = MARKERS
    return {SRC_URI: renderer._render(
        "clausules.md.j2", SRC_URI,
        {"title": "Clausulebouwer duurzaam aankopen",
         "description": "Kies duurzaamheidsclausules per productgroep en ambitieniveau, verzamel ze in een mandje "
                        "en download ze als Word, OpenDocument of tekst.",
         "hide": ["toc"]},
        data=data, data_json=_json_for_script(data), cfg=config(), scripts=SCRIPTS,
        vendor=[BY_PACKAGE[name].url for name in LIBRARIES])}


def docx_template(date: dt.date) -> bytes:
    document = new_docx("Duurzaamheidsclausules", date)
    document.add_heading(MARKERS["titel"], level=1)
    document.add_heading(MARKERS["kop"], level=2)
    document.add_heading(MARKERS["subkop"], level=3)
    document.add_paragraph(MARKERS["alinea"])
    document.add_paragraph(MARKERS["punt"], style="List Bullet")
    return save_docx(document)


def odt_template(date: dt.date) -> bytes:
    from odfdo import Document, Header, List, ListItem, Paragraph

    document = Document("text")
    body = document.body
    body.clear()
    body.append(Header(1, MARKERS["titel"]))
    body.append(Header(2, MARKERS["kop"]))
    body.append(Header(3, MARKERS["subkop"]))
    body.append(Paragraph(MARKERS["alinea"]))
    bullets = List()
    item = ListItem()
    item.append(Paragraph(MARKERS["punt"]))
    bullets.append(item)
    body.append(bullets)
    return save_odt(document, "Duurzaamheidsclausules", date)


def files(date: dt.date) -> dict[str, bytes]:
    """The two templates, next to the page (fixed dates: the same bytes on every build)."""
    return {f"{FOLDER}/{TEMPLATE_NAME}.docx": docx_template(date), f"{FOLDER}/{TEMPLATE_NAME}.odt": odt_template(date)}
