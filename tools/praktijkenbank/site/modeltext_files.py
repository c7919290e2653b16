"""The downloads of a model text (.docx, .odt and .txt), made at build time.

A model text of the bank (an instrument with 'invulvelden', see
records/modeltext.py) has its text under '## Modeltekst'. :func:`blocks` reads that
small Markdown subset (### headings, paragraphs, '-' bullets, '1.' numbered items)
into plain blocks; :func:`docx_bytes` (python-docx), :func:`odt_bytes` (odfdo) and
:func:`text_bytes` write the same blocks. Every file is byte for byte the same on
each build: fixed document dates and fixed dates inside the zip.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from ..records import modeltext

_HEADING_RE = re.compile(r"^(#{3,6})[ \t]+(.+?)[ \t#]*$")
_BULLET_RE = re.compile(r"^[ \t]*[-*+][ \t]+(.*)$")
_NUMBER_RE = re.compile(r"^[ \t]*(\d+)[.)][ \t]+(.*)$")
_INLINE_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__|\*(.+?)\*|`(.+?)`")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
GENERATOR = "Praktijkenbank SDG's en lokaal mondiaal beleid"
BOLD_STYLE = "pb_vet"  # the automatic text style of bold spans in the .odt


_BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


def plain(text: str) -> str:
    """Inline Markdown (bold, italics, code) as plain text; fill-in fields stay as they are."""
    return _INLINE_RE.sub(lambda m: next(g for g in m.groups() if g is not None), text).strip()


def parts(text: str) -> list[dict]:
    """The text in pieces, each bold or not (for the runs of .docx and the spans of .odt)."""
    out, position = [], 0
    for match in _BOLD_RE.finditer(text):
        if match.start() > position:
            out.append({"tekst": _keep_spaces(text[position:match.start()]), "vet": False})
        out.append({"tekst": plain(match.group(1) or match.group(2)), "vet": True})
        position = match.end()
    if position < len(text):
        out.append({"tekst": _keep_spaces(text[position:]), "vet": False})
    return [p for p in out if p["tekst"]]


def _keep_spaces(text: str) -> str:
    """Inline markup removed, but the spaces at both ends kept (they separate it from a bold piece)."""
    core = plain(text)
    if not core:
        return " " if text[:1].isspace() or text[-1:].isspace() else ""
    return (" " if text[:1].isspace() else "") + core + (" " if text[-1:].isspace() else "")


def blocks(markdown: str) -> list[dict]:
    """[{"soort": "kop"|"alinea"|"punt"|"nummer", "tekst": ..., "nummer": n}] of a model text."""
    out: list[dict] = []
    open_block: dict | None = None
    for line in markdown.replace("\r\n", "\n").split("\n"):
        if not line.strip():
            open_block = None
            continue
        heading = _HEADING_RE.match(line)
        bullet = _BULLET_RE.match(line)
        number = _NUMBER_RE.match(line)
        if heading:
            out.append({"soort": "kop", "bron": heading.group(2)})
            open_block = None
        elif bullet:
            open_block = {"soort": "punt", "bron": bullet.group(1)}
            out.append(open_block)
        elif number:
            open_block = {"soort": "nummer", "nummer": int(number.group(1)), "bron": number.group(2)}
            out.append(open_block)
        elif open_block is not None:  # a continued line of the same paragraph or item
            open_block["bron"] += " " + line.strip()
        else:
            open_block = {"soort": "alinea", "bron": line.strip()}
            out.append(open_block)
    for block in out:
        source = block.pop("bron")
        block["tekst"] = plain(source)
        if block["soort"] != "kop" and _BOLD_RE.search(source):
            block["delen"] = parts(source.strip())
    return out


def line_of(block: dict) -> str:
    """One block as a line of plain text (how it reads in the .txt and in the reopened documents)."""
    if block["soort"] == "punt":
        return "- " + block["tekst"]
    if block["soort"] == "nummer":
        return f"{block['nummer']}. {block['tekst']}"
    return block["tekst"]


def text_bytes(title: str, items: list[dict]) -> bytes:
    lines = [title, ""]
    for index, block in enumerate(items):
        previous = items[index - 1]["soort"] if index else None
        if index and not (block["soort"] in ("punt", "nummer") and previous == block["soort"]):
            lines.append("")
        lines.append(line_of(block))
    return ("\n".join(lines) + "\n").encode("utf-8")


def fixed_zip(data: bytes) -> bytes:
    """The same zip with a fixed date on every entry (the order and compression kept: 'mimetype' stays first and stored)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, ZIP_DATE)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def new_docx(title: str, date: dt.date):
    """An empty python-docx document whose properties are fixed by ``date`` (the same bytes every build)."""
    import docx

    document = docx.Document()
    when = dt.datetime(date.year, date.month, date.day)
    props = document.core_properties
    props.title, props.author, props.last_modified_by = title, GENERATOR, GENERATOR
    props.created = props.modified = when
    props.revision = 1
    return document


def save_odt(document, title: str, date: dt.date) -> bytes:
    """An odfdo text document with fixed metadata, saved with fixed zip dates (the same bytes every build)."""
    when = dt.datetime(date.year, date.month, date.day)
    meta = document.meta
    meta.set_title(title)
    meta.set_creation_date(when)
    meta.set_modification_date(when)
    meta.set_generator(GENERATOR)
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue())


def save_docx(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return fixed_zip(out.getvalue())


def docx_bytes(title: str, items: list[dict], date: dt.date) -> bytes:
    document = new_docx(title, date)
    document.add_heading(title, level=1)
    for block in items:
        if block["soort"] == "kop":
            document.add_heading(block["tekst"], level=2)
        else:
            # Numbers are written out: Word's list numbering would run on across lists.
            paragraph = document.add_paragraph(style="List Bullet" if block["soort"] == "punt" else None)
            if block["soort"] == "nummer":
                paragraph.add_run(f"{block['nummer']}. ")
            for part in block.get("delen") or [{"tekst": block["tekst"], "vet": False}]:
                paragraph.add_run(part["tekst"]).bold = part["vet"] or None
    return save_docx(document)


def odt_bytes(title: str, items: list[dict], date: dt.date) -> bytes:
    from odfdo import Document, Header, List, ListItem, Paragraph, Span, Style

    document = Document("text")
    document.insert_style(Style("text", name=BOLD_STYLE, bold=True), automatic=True)
    body = document.body
    body.clear()

    def paragraph(block: dict, prefix: str = "") -> Paragraph:
        out = Paragraph(prefix)
        for part in block.get("delen") or [{"tekst": block["tekst"], "vet": False}]:
            out.append(Span(part["tekst"], style=BOLD_STYLE) if part["vet"] else part["tekst"])
        return out

    body.append(Header(1, title))
    bullets = None
    for block in items:
        if block["soort"] == "punt":
            if bullets is None:
                bullets = List()
                body.append(bullets)
            item = ListItem()
            item.append(paragraph(block))
            bullets.append(item)
            continue
        bullets = None
        if block["soort"] == "kop":
            body.append(Header(2, block["tekst"]))
        else:
            body.append(paragraph(block, f"{block['nummer']}. " if block["soort"] == "nummer" else ""))
    return save_odt(document, title, date)


def file_names(slug: str) -> dict[str, str]:
    """Download name per format, next to the fiche (<site>/<slug>/<slug>.<ext>)."""
    return {ext: f"{slug}.{ext}" for ext in ("docx", "odt", "txt")}


def files(site: dict, site_folder: str = "instrumenten") -> dict[str, bytes]:
    """{path in the site: bytes} for every model text of the bank."""
    out: dict[str, bytes] = {}
    for view in site.get("instrumenten", []):
        if not view.get("invulvelden"):
            continue
        section = modeltext.text_section(view["body"])
        if section is None:
            continue
        items = blocks(section[1])
        date = dt.date.fromisoformat(str(view.get("toegevoegd") or "2026-01-01")[:10])
        names = file_names(view["slug"])
        folder = f"{site_folder}/{view['slug']}/"
        out[folder + names["docx"]] = docx_bytes(view["titel"], items, date)
        out[folder + names["odt"]] = odt_bytes(view["titel"], items, date)
        out[folder + names["txt"]] = text_bytes(view["titel"], items)
    return out
