"""Blocks -> Markdown and .docx (python-docx), the command line's twin of weergave.js and docx.js.

Charts (grafiek, tegels) are left out: the table that follows each holds the same figures.
Links to the bank's own pages become absolute with ``base`` (the site address).
"""

from __future__ import annotations

import io


def _href(item: dict, base: str) -> str | None:
    if item.get("url"):
        return item["url"]
    if item.get("pad"):
        return base.rstrip("/") + "/" + item["pad"] if base else item["pad"]
    return None


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(blocks: list[dict], base: str = "") -> str:
    out: list[str] = []
    for b in blocks:
        kind = b["t"]
        if kind in ("kop1", "kop2", "kop3"):
            out.append("#" * int(kind[-1]) + " " + b["tekst"])
        elif kind == "alinea":
            out.append(b["tekst"])
        elif kind == "voorblad":
            out.append(f"# {b['titel']}\n\n**{b['ondertitel']}**\n\n" + "\n\n".join(b["regels"]))
        elif kind == "lijst":
            lines = []
            for item in b["items"]:
                href = _href(item, base)
                lines.append(f"- [{item['tekst']}]({href})" if href else f"- {item['tekst']}")
            out.append("\n".join(lines))
        elif kind == "tabel":
            rows = [b["kop"], ["---"] * len(b["kop"])] + b["rijen"]
            table = "\n".join("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
            out.append((f"*{b['bijschrift']}*\n\n" if b.get("bijschrift") else "") + table)
        elif kind == "einde":
            out.append("---")
    return "\n\n".join(out) + "\n"


def _page_number_footer(section) -> None:
    """'Pagina X van Y' in the footer (Word fields PAGE and NUMPAGES)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, field in (("Pagina ", "PAGE"), (" van ", "NUMPAGES")):
        paragraph.add_run(text)
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), field)
        run = OxmlElement("w:r")
        value = OxmlElement("w:t")
        value.text = "1"
        run.append(value)
        simple.append(run)
        paragraph._p.append(simple)


def _hyperlink(paragraph, text: str, url: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.opc.constants import RELATIONSHIP_TYPE

    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(underline)
    run.append(props)
    value = OxmlElement("w:t")
    value.text = text
    run.append(value)
    link.append(run)
    paragraph._p.append(link)


def docx_bytes(blocks: list[dict], title: str, base: str = "") -> bytes:
    import docx
    from docx.shared import Mm, Pt

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "SDG-rapportbouwer van de praktijkenbank"
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(20))
    _page_number_footer(section)
    pending = False

    def paragraph(text: str = "", style: str | None = None):
        nonlocal pending
        made = document.add_paragraph(text, style=style)
        if pending:
            made.paragraph_format.page_break_before = True
            pending = False
        return made

    for b in blocks:
        kind = b["t"]
        if kind in ("kop1", "kop2", "kop3"):
            paragraph(b["tekst"], f"Heading {kind[-1]}")
        elif kind == "alinea":
            paragraph(b["tekst"])
        elif kind == "einde":
            pending = True
        elif kind == "voorblad":
            paragraph(b["titel"], "Title")
            run = paragraph().add_run(b["ondertitel"])
            run.bold, run.font.size = True, Pt(18)
            for line in b["regels"]:
                paragraph(line)
        elif kind == "lijst":
            for item in b["items"]:
                made = paragraph(style="List Bullet")
                href = _href(item, base)
                if href:
                    _hyperlink(made, item["tekst"], href)
                else:
                    made.add_run(item["tekst"])
        elif kind == "tabel":
            if b.get("bijschrift"):
                paragraph().add_run(b["bijschrift"]).italic = True
            elif pending:
                paragraph()
            table = document.add_table(rows=1, cols=len(b["kop"]))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, b["kop"]):
                cell.paragraphs[0].add_run(text).bold = True
            _repeat_header(table.rows[0])
            for row in b["rijen"]:
                cells = table.add_row().cells
                for cell, text in zip(cells, row):
                    cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        props.append(element)
