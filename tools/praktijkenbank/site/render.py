"""Render site pages: view data in (see :mod:`model`), Markdown strings out.

Plain functions around the Jinja templates in ``templates/site/``. The
generated Markdown mixes Markdown headings (so MkDocs builds the table of
contents and page titles) with HTML blocks produced by autoescaping templates.

Record text is never trusted: front matter strings are escaped by Jinja, and a
record's body is rendered by :func:`render_body_html` with a separate Markdown
instance that escapes all raw HTML and drops links with other schemes than
http, https and mailto.
"""

from __future__ import annotations

import functools
import html
import json
import re
import xml.etree.ElementTree as etree
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import jinja2
import markdown
from markupsafe import Markup

from .. import buildcache
from ..records import links
from . import model

TEMPLATE_DIR = Path(__file__).parents[1] / "templates" / "site"
_SLOT_RE = re.compile(r"<!--pb-slot-(\d+)-->")
PRINTED_CARDS = 5  # cards of a long list on paper (a dossier): the rest is one line with the count
# Cards on one list of an SDG, theme, P, phase, level, province or government page; the rest is in
# the finder (a link with that filter) and in the open data. Today's bank fits well within it.
LISTING_LIMIT = 100

# ------------------------------------------------------------ safe Markdown --

_ALLOWED_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "code", "pre",
    "blockquote", "table", "thead", "tbody", "tr", "th", "td", "hr", "br", "span",
}
_ALLOWED_ATTRS = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}, "code": {"class"}}


def safe_url(url) -> str | None:
    """``url`` if it is http(s), mailto or a plain relative/anchor link; else None (records/links.py,
    which the validator uses to name every link the site would drop)."""
    return links.safe_href(url)


def safe_web_url(url) -> str | None:
    """Only absolute http(s) URLs (for sources and contact websites)."""
    url = safe_url(url)
    if url and re.match(r"^https?://", url, re.I):
        return url
    return None


class _Sanitiser(markdown.treeprocessors.Treeprocessor):
    """Allowlist of tags and attributes for record bodies; runs last."""

    def __init__(self, md, demote: int):
        super().__init__(md)
        self.demote = demote

    def run(self, root):
        self._clean(root)
        return root

    def _clean(self, parent):
        for index, el in enumerate(list(parent)):
            if not isinstance(el.tag, str):
                parent.remove(el)
                continue
            if el.tag == "img":
                # No images from record bodies: no third-party requests, no tracking pixels.
                replacement = etree.Element("span")
                replacement.text = f"[afbeelding: {el.get('alt') or 'zonder beschrijving'}]"
                replacement.tail = el.tail
                parent.remove(el)
                parent.insert(index, replacement)
                continue
            if el.tag not in _ALLOWED_TAGS:
                el.tag = "span"
            if el.tag in ("h1", "h2", "h3", "h4", "h5") and self.demote:
                el.tag = f"h{min(6, int(el.tag[1]) + self.demote)}"
            allowed = _ALLOWED_ATTRS.get(el.tag, set())
            for name in list(el.attrib):
                if name not in allowed:
                    del el.attrib[name]
            if el.tag == "a":
                href = safe_url(el.get("href"))
                if href is not None and links.is_internal(href):
                    resolve = getattr(self.md, "pb_resolve", None)
                    href = resolve(href) if resolve else None  # a link to another record's page
                if href is None:
                    el.attrib.pop("href", None)
                else:
                    el.set("href", href)
                    if re.match(r"^https?://", href, re.I):
                        el.set("rel", "noopener")
            if el.tag == "code" and not re.fullmatch(r"language-[a-z0-9_+-]+", el.get("class", "")):
                el.attrib.pop("class", None)
            self._clean(el)


class _SafeExtension(markdown.extensions.Extension):
    def __init__(self, demote: int = 0):
        super().__init__()
        self.demote = demote

    def extendMarkdown(self, md):
        md.preprocessors.deregister("html_block")  # raw HTML blocks become text
        md.inlinePatterns.deregister("html")  # inline tags become text
        md.treeprocessors.register(_Sanitiser(md, self.demote), "praktijkenbank_sanitise", 0)


@functools.lru_cache(maxsize=4)
def _markdown(demote: int) -> markdown.Markdown:
    return markdown.Markdown(
        extensions=["tables", "sane_lists", "fenced_code", _SafeExtension(demote)],
        extension_configs={"tables": {"use_align_attribute": True}},
        output_format="html",
    )


def render_body_html(text: str, demote: int = 0, resolve=None) -> Markup:
    """Record Markdown -> safe HTML (raw HTML escaped, unsafe links removed).

    Headings inside a section are demoted by ``demote`` levels so that a
    '### Sub' inside '## Aanpak' stays below the page's section headings.
    ``resolve(href)`` turns a link to another record ('x.md') into the URL of its
    page (None drops the link); without it such links are dropped.
    """
    md = _markdown(demote)
    md.pb_resolve = resolve
    try:
        return Markup(md.reset().convert(text))
    finally:
        md.reset()
        md.pb_resolve = None


# A paragraph that cannot occur in a record (checked: the number of parts must match), between the
# sections of one body so the whole body is converted in one go (see render_sections_html).
_SECTION_BREAK = "pbsectiegrens0e1f6c"
_SECTION_SPLIT = f"\n<p>{_SECTION_BREAK}</p>\n"


def render_sections_html(texts: list[str], demote: int = 0, resolve=None) -> list[Markup]:
    """:func:`render_body_html` of every text, with one Markdown conversion for all of them.

    The texts are joined by a paragraph that no record contains; every block
    ends at a blank line, so each part comes out exactly as its own conversion
    would. Should a text contain the marker anyway, each text is converted apart.
    """
    filled = [i for i, text in enumerate(texts) if text.strip()]
    out = [Markup("")] * len(texts)
    if not filled:
        return out
    parts = None
    if not any(_SECTION_BREAK in texts[i] for i in filled):
        joined = f"\n\n{_SECTION_BREAK}\n\n".join(texts[i] for i in filled)
        parts = str(render_body_html(joined, demote, resolve)).split(_SECTION_SPLIT)
    if parts is None or len(parts) != len(filled):
        parts = [render_body_html(texts[i], demote, resolve) for i in filled]
    for i, part in zip(filled, parts):
        out[i] = Markup(part)
    return out


_FENCE_OPEN_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ATX_RE = re.compile(r"^ {0,3}(#{1,2})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_REF_DEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:[ \t]*\S")


def split_sections(body: str) -> list[dict]:
    """Split a body on its level-1/2 ATX headings (outside code fences).

    Returns ``[{"kop": heading text or None, "tekst": Markdown}]``; reference-style
    link definitions are copied into every section so links keep working.
    """
    sections: list[dict] = [{"kop": None, "regels": []}]
    definitions: list[str] = []
    fence = None
    for line in body.replace("\r\n", "\n").split("\n"):
        opened = _FENCE_OPEN_RE.match(line)
        if fence:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = None
            sections[-1]["regels"].append(line)
            continue
        if opened:
            fence = opened.group(1)
            sections[-1]["regels"].append(line)
            continue
        heading = _ATX_RE.match(line)
        if heading:
            sections.append({"kop": heading.group(2).strip(), "regels": []})
            continue
        if _REF_DEF_RE.match(line):
            definitions.append(line)
        sections[-1]["regels"].append(line)
    out = []
    for section in sections:
        text = "\n".join(section["regels"]).strip("\n")
        if section["kop"] is None and not text.strip():
            continue
        if definitions:
            text += "\n\n" + "\n".join(definitions)
        out.append({"kop": section["kop"], "tekst": text})
    return out


# ----------------------------------------------------------- Markdown escaping --

def md_text(value) -> Markup:
    """Plain text -> Markdown inline text that renders as exactly that text."""
    text = " ".join(str(value if value is not None else "").split())
    text = html.escape(text, quote=False)  # & < > as entities: no raw HTML
    # Python-Markdown's default escapable characters ('>' is already an entity).
    text = re.sub(r"([\\`*_{}\[\]()#+\-.!])", r"\\\1", text)
    return Markup(text)


def _attr_text(value: str) -> str:
    """Escape for Material's unescaped ``{{ page.meta.title }}`` and ``content="..."``."""
    return html.escape(" ".join(value.split()), quote=False).replace('"', "&quot;")


def _yaml_meta(meta: dict) -> str:
    """Front matter of a generated page. JSON is valid YAML and much faster to write."""
    return "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items())


# ------------------------------------------------------------------- Jinja --

def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


@functools.lru_cache(maxsize=4)
def environment(template_dir: str = str(TEMPLATE_DIR)) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # no file check per get_template(); on_config makes a new environment per build
        bytecode_cache=buildcache.bytecode_cache(),  # serve: templates compiled once per process
    )
    env.filters["md"] = md_text
    env.filters["safe_url"] = safe_url
    env.filters["web_url"] = safe_web_url
    env.filters["datum"] = model.dutch_date
    env.filters["meervoud"] = lambda n, one, many: _plural(n, one, many)
    env.filters["urlquote"] = lambda s: quote(str(s), safe="@+.-_")
    env.filters["host"] = lambda url: urlsplit(str(url)).netloc.removeprefix("www.")
    return env


class Renderer:
    """Renders every page of the site from one site model (see :func:`model.build_site`).

    ``edit_base``: URL to which '<record path>' is appended for the
    'Bewerk deze praktijk' link (e.g. https://github.com/o/r/edit/main/), or None.
    ``extra``: more template context, e.g. ``{"heeft_bijdragen": True}`` when the
    static page bijdragen.md exists.
    """

    def __init__(self, site: dict, vocab, edit_base: str | None = None, use_directory_urls: bool = True,
                 template_dir: Path = TEMPLATE_DIR, extra: dict | None = None):
        self.site = site
        self.vocab = vocab
        self.edit_base = edit_base
        self.extra = dict(extra or {})
        self.use_directory_urls = use_directory_urls
        self.env = environment(str(template_dir))
        self.slots: dict[str, list[str]] = {}  # src_uri -> HTML blocks, see fill()
        self._cards: dict[tuple, str] = {}
        # 'We doen dit ook': the issue form on the same repository as the edit links.
        self.issue_base = edit_base.split("/edit/")[0] + "/issues/new" if edit_base and "/edit/" in edit_base else None

    def url_for(self, path: str) -> str:
        """Page path in directory form ('sdg/7/') -> the URL MkDocs gives that page."""
        if self.use_directory_urls or not path.endswith("/"):
            return path
        return (path[:-1] + ".html") if path else "index.html"

    def _render(self, template: str, src_uri: str, meta: dict, **context) -> str:
        here = model.page_url(src_uri, self.use_directory_urls)
        slots: list[str] = []

        def link(target: str) -> str:
            return model.relative_url(self.url_for(target), here)

        def slot(html) -> Markup:
            """Keep a large HTML block out of the Markdown (see :meth:`fill`)."""
            slots.append(str(html))
            return Markup(f"\n<!--pb-slot-{len(slots) - 1}-->\n")

        def kaarten(views, dated: bool = False, printed: str | None = None, zoek: dict | None = None) -> Markup:
            """A list of practice cards; each card is rendered once per practice and link.
            ``dated``: the card says when the record was added (the home page's newest practices).
            ``printed`` ('praktijken', ...): on paper only the first PRINTED_CARDS cards, then how many more
            there are online (a dossier: what a reader prints is its own text).
            ``zoek``: the finder filters that give the same list ({"sdg": 7}); with it a list
            longer than LISTING_LIMIT shows its LISTING_LIMIT newest cards (in the usual
            title order) and a link that opens the finder on the whole list."""
            card = self.env.get_template("_kaart.html.j2")
            more = ""
            if zoek is not None and len(views) > LISTING_LIMIT:
                total = len(views)
                newest = sorted(range(total), key=lambda i: views[i].get("toegevoegd") or "", reverse=True)
                views = [views[i] for i in sorted(newest[:LISTING_LIMIT])]
                kind = self.vocab.kinds[views[0]["soort"]]
                query = urlencode({"soort": kind.id, **zoek}, doseq=True)
                more = self.env.get_template("_meer.html.j2").render(
                    getoond=LISTING_LIMIT, totaal=total, soort=kind, zoeker=f"{link('zoeken/')}?{query}",
                    open_data=link("open-data/"))
            short = printed is not None and len(views) > PRINTED_CARDS
            parts = ['<ul class="pb-lijst pb-lijst--afdruk-kort">\n' if printed else '<ul class="pb-lijst">\n']
            for view in views:
                href = link(view["pad"])
                key = (view["slug"], href, dated)
                html = self._cards.get(key)
                if html is None:
                    html = self._cards[key] = card.render(p=view, href=href, dated=dated)
                parts.append(html)
            parts.append("</ul>\n")
            if short:
                parts.append(f'<p class="pb-alleen-afdruk">En nog {len(views) - PRINTED_CARDS} {printed} '
                             "online: zie het adres en de QR-code onderaan deze afdruk.</p>\n")
            parts.append(more)
            return Markup("".join(parts))

        body = self.env.get_template(template).render(
            link=link, slot=slot, kaarten=kaarten, site=self.site, vocab=self.vocab, families=self.site["families"],
            family_titles={k: v[1] for k, v in model.FAMILIES.items()},
            family_all={k: v[2] for k, v in model.FAMILIES.items()}, extra=self.extra, **context)
        # Titles are HTML in MkDocs/Material templates (printed without escaping).
        meta = {k: (_attr_text(v) if isinstance(v, str) else v) for k, v in meta.items()}
        if slots:
            self.slots[src_uri] = slots
        return f"---\n{_yaml_meta(meta)}\n---\n\n{body.strip()}\n"

    def fill(self, src_uri: str, html: str) -> str:
        """Put the large blocks of a page back into its rendered HTML.

        Long lists of practices (SDG, theme, ... pages, the overview table) are
        left out of the Markdown as ``<!--pb-slot-N-->`` comments: Markdown would
        only parse that HTML again, which makes up most of the build time with
        thousands of practices. The MkDocs hook calls this in ``on_page_content``.
        """
        slots = self.slots.pop(src_uri, None)  # used once: the HTML is not kept twice in memory
        if not slots:
            return html
        return _SLOT_RE.sub(lambda m: slots[int(m.group(1))], html)

    def release(self) -> None:
        """Once every page is generated: drop the site model (records, views, cards); keep what
        :meth:`fill` needs. MkDocs then holds the pages without the model beside them."""
        self.site = None
        self.extra = {}
        self._cards = {}

    # ---- pages ----

    def _sections(self, view: dict, src_uri: str) -> list[dict]:
        """The body split on its '##' headings, each rendered safely; links to other records resolved."""
        here = model.page_url(src_uri, self.use_directory_urls)
        folders = {kind.folder: kind.id for kind in self.vocab.kinds.values()}
        from_folder = self.vocab.kinds[view["soort"]].folder

        def resolve(href: str) -> str | None:
            target = links.resolve(href, from_folder, folders)
            if target is None:
                return None
            if target.kind == links.DOCS:
                path = model.page_url(target.name, self.use_directory_urls)
            else:
                path = self.url_for(f"{self.vocab.kinds[target.kind].site}/{target.name}/")
            url = model.relative_url(path, here)
            return url + ("#" + target.anchor if target.anchor else "")

        sections = split_sections(view["body"])
        rendered = render_sections_html([s["tekst"] for s in sections], resolve=resolve)
        return [{"kop": s["kop"], "html": html} for s, html in zip(sections, rendered)]

    def _edit_url(self, view: dict) -> str | None:
        """The 'Bewerk' link, only for a record in the repository (not a benchmark's generated bank)."""
        if not self.edit_base or not view.get("bewerkbaar", True):
            return None
        return self.edit_base + quote(view["repo_pad"])

    def record(self, view: dict) -> str:
        """The fiche of one record (practice, instrument, product group or dossier, any kind).

        A fiche template sees its view (``p``), ``link`` and the vocabularies; with
        :mod:`buildcache` on (``mkdocs serve``) the fiche is reused while those are unchanged.
        """
        kind = self.vocab.kinds[view["soort"]]
        src_uri = f"{kind.site}/{view['slug']}.md"
        template = "fiche.md.j2" if kind.id == "praktijk" else f"{kind.id}.md.j2"
        edit_url = self._edit_url(view)
        issue_url = self.issue_url(view)
        key = None
        if buildcache.enabled:
            key = buildcache.key("fiche", src_uri, template, self.use_directory_urls, edit_url, issue_url, view)
            found = buildcache.get("fiche", key)
            if found is not None:
                markdown_text, slots = found
                if slots:
                    self.slots[src_uri] = slots
                return markdown_text
        markdown_text = self._render(template, src_uri,
                                     {"title": view["titel"], "description": view["samenvatting"], "fiche": True},
                                     p=view, secties=self._sections(view, src_uri), edit_url=edit_url,
                                     issue_url=issue_url)
        if key is not None:
            buildcache.put("fiche", key, (markdown_text, self.slots.get(src_uri)))
        return markdown_text

    def issue_url(self, view: dict) -> str | None:
        """The 'We doen dit ook' form, with the practice filled in (GitHub fills a form field from its id)."""
        if not self.issue_base or view["soort"] != "praktijk":
            return None
        return f"{self.issue_base}?template=we-doen-dit-ook.yml&praktijk={quote(view['slug'])}"

    def practice(self, view: dict) -> str:
        return self.record(view)

    def overview(self) -> str:
        return self._render("overzicht.md.j2", "praktijken/index.md",
                            {"title": "Alle praktijken", "description": "Overzicht van alle praktijken in de praktijkenbank."})

    def kind_index(self, kind_id: str) -> str:
        """The index page of instruments, product groups or dossiers."""
        kind = self.vocab.kinds[kind_id]
        return self._render(f"{kind.id}_index.md.j2", f"{kind.site}/index.md",
                            {"title": kind.title, "description": f"{kind.title} in de praktijkenbank."},
                            soort=kind, items=self.site[kind.plural])

    def all_sdgs(self) -> str:
        return self._render("alle_sdgs.md.j2", model.ALL_SDGS_PAGE.rstrip("/") + ".md",
                            {"title": "Werkt met alle SDG's",
                             "description": "Praktijken en instrumenten die de 17 SDG's samen als kader gebruiken."})

    def home(self) -> str:
        return self._render("home.md.j2", "index.md",
                            {"description": "Praktijken van Vlaamse lokale besturen rond de SDG's en lokaal mondiaal beleid.",
                             "hide": ["toc"]})

    def sdg(self, number: int) -> str:
        term = self.site["families"]["sdg"][number]
        entry = self.vocab.sdgs[number]
        targets = [{"code": code, "tekst": text} for code, text in self.vocab.targets.items()
                   if code.split(".")[0] == str(number)]
        return self._render("sdg.md.j2", f"sdg/{number}.md",
                            {"title": f"SDG {number}: {entry['naam']}", "description": entry.get("doel", "")},
                            term=term, sdg=entry, subdoelen=targets)

    def term(self, family: str, tid) -> str:
        term = self.site["families"][family][tid]
        folder = model.FAMILIES[family][0]
        title = term["naam"]
        if family == "p":
            title = f"{term['naam']} ({self.vocab.ps[tid].get('engels', '')})".replace(" ()", "")
        return self._render("term.md.j2", f"{folder}/{tid}.md",
                            {"title": title, "description": term.get("omschrijving") or title},
                            term=term, family=family, titel=title)

    def family_index(self, family: str) -> str:
        folder, family_title = model.FAMILIES[family][:2]
        return self._render("familie.md.j2", f"{folder}/index.md",
                            {"title": family_title, "description": f"{family_title} in de praktijkenbank."},
                            family=family, titel=family_title, terms=list(self.site["families"][family].values()))

    def fields(self, kind_id: str = "praktijk") -> str:
        """The field reference of a kind, straight from its JSON Schema (the one place fields are documented)."""
        kind = self.vocab.kinds[kind_id]
        schema = kind.schema
        rows = []
        for name, field in schema["properties"].items():
            values = field.get("enum") or field.get("items", {}).get("enum") or []
            rows.append((name, {"title": field.get("title", name), "description": field.get("description", ""),
                                "waarden": values if len(values) <= 20 else []}))
        src_uri = "velden.md" if kind_id == "praktijk" else f"velden-{kind.id}.md"
        return self._render("velden.md.j2", src_uri,
                            {"title": f"Velden van een {kind.singular}",
                             "description": f"Alle velden van een {kind.singular}, met uitleg en toegelaten waarden."},
                            soort=kind, velden=rows, verplicht=set(schema.get("required", [])), secties=kind.sections,
                            voorwaardelijk=kind.required_unless(),
                            aantal_gemeenten=len(self.vocab.municipalities),
                            andere=[k for k in self.vocab.kinds.values() if k.id != kind_id])

    def redirects(self, moved: list[dict]) -> dict[str, str]:
        """{'<old path>/index.html': HTML that sends the reader to the new page} (verhuisd.yaml)."""
        template = self.env.get_template("verhuisd.html.j2")
        return {entry["van"] + "index.html": template.render(naar=model.relative_url(self.url_for(entry["naar"]), entry["van"]))
                for entry in moved}

    def pages(self) -> dict[str, str]:
        """Every generated page: {src_uri: Markdown}. Linear in the number of records."""
        out = {"index.md": self.home(), "praktijken/index.md": self.overview(),
               model.ALL_SDGS_PAGE.rstrip("/") + ".md": self.all_sdgs()}
        for kind in self.vocab.kinds.values():
            out["velden.md" if kind.id == "praktijk" else f"velden-{kind.id}.md"] = self.fields(kind.id)
            if kind.id != "praktijk":
                out[f"{kind.site}/index.md"] = self.kind_index(kind.id)
            for view in self.site[kind.plural]:
                src_uri = f"{kind.site}/{view['slug']}.md"
                if src_uri not in out:
                    out[src_uri] = self.record(view)
        for family in model.FAMILIES:
            folder = model.FAMILIES[family][0]
            out[f"{folder}/index.md"] = self.family_index(family)
            for tid in self.site["families"][family]:
                out[f"{folder}/{tid}.md"] = self.sdg(tid) if family == "sdg" else self.term(family, tid)
        return out
