"""data/verhuisd.yaml: old page addresses and the page each one moved to, checked like a record.

Each entry is ``{van: <old path>/, naar: <new path>/}`` (paths from the site
root, a '/' at the end). The build writes ``<van>index.html``, a page that
sends the reader to ``naar``. :func:`read` keeps the well-formed entries and
reports every other one (Dutch, file:line:col); :func:`check_pages` reports
entries whose target is not a page or whose old address is a page again.
``praktijkenbank valideer`` and the build (hooks.py) both use them, so a
mistake is never dropped silently and never ends in a traceback.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .load import _deep_nesting_at, display_path
from .problems import Problem
from .vocab import DATA_DIR

FILE = DATA_DIR / "verhuisd.yaml"
FIELDS = ("van", "naar")
HINT_FORM = "Schrijf elk item als '- van: oude/pad/' en '  naar: nieuwe/pad/' (paden vanaf de hoofdmap van de site)."


def read(path: Path | None = None) -> tuple[list[dict], list[Problem]]:
    """The well-formed entries ({'van', 'naar', 'regel', 'plek'}) and a problem for every other one."""
    path = path or FILE
    shown = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
        deep = _deep_nesting_at(text)
        if deep:
            return [], [Problem(shown, deep[0] + 1, deep[1] + 1, "bestand", "de lijst is te diep genest.", HINT_FORM)]
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(shown, 1, 1, "bestand", f"kan het bestand niet lezen ({exc}).", "Bewaar het als UTF-8-tekst.")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        return [], [Problem(shown, line, col, "bestand", "dit is geen geldige YAML.", HINT_FORM)]
    if node is None:
        return [], []
    if not isinstance(node, yaml.SequenceNode):
        return [], [Problem(shown, node.start_mark.line + 1, 1, "bestand", "het bestand moet een lijst zijn.", HINT_FORM)]
    entries: list[dict] = []
    problems: list[Problem] = []
    for index, item in enumerate(node.value):
        where = f"[{index}]"
        line, col = item.start_mark.line + 1, item.start_mark.column + 1
        values = {key.value: value for key, value in item.value
                  if isinstance(key, yaml.ScalarNode)} if isinstance(item, yaml.MappingNode) else None
        if values is None:
            problems.append(Problem(shown, line, col, where, "dit item heeft geen velden 'van' en 'naar'.", HINT_FORM))
            continue
        entry = {"regel": line, "kolom": col, "plek": where}
        for name in FIELDS:
            value = values.get(name)
            text_value = value.value.strip() if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":str") else None
            vline, vcol = (value.start_mark.line + 1, value.start_mark.column + 1) if value is not None else (line, col)
            if not text_value:
                problems.append(Problem(shown, vline, vcol, f"{where}.{name}",
                                        f"het veld '{name}' ontbreekt of is geen pad.", HINT_FORM))
            elif message := _path_problem(text_value):
                problems.append(Problem(shown, vline, vcol, f"{where}.{name}", message,
                                        "Een pad begint zonder '/' en eindigt op '/', zoals 'praktijken/oude-naam/'."))
            else:
                entry[name] = text_value
        for name in sorted(set(values) - set(FIELDS)):
            problems.append(Problem(shown, line, col, f"{where}.{name}", f"onbekend veld '{name}'.", HINT_FORM))
        if len(entry) == 5:
            entries.append(entry)
    return _without_chains(shown, entries, problems)


def _path_problem(value: str) -> str | None:
    if "://" in value or value.startswith(("/", "\\")) or ".." in value.split("/") or "\\" in value:
        return f"'{value}' is geen pad binnen de site."
    if not value.endswith("/"):
        return (f"'{value}' eindigt niet op '/': de doorverwijzing zou een los bestand "
                f"'{value}index.html' schrijven.")
    return None


def _without_chains(shown: str, entries: list[dict], problems: list[Problem]) -> tuple[list[dict], list[Problem]]:
    """Self, duplicate, chained and circular redirects are errors; the rest is kept."""
    first: dict[str, dict] = {}
    for entry in entries:
        if entry["van"] in first:
            problems.append(Problem(shown, entry["regel"], entry["kolom"], entry["plek"] + ".van",
                f"'{entry['van']}' staat al eerder in de lijst (regel {first[entry['van']]['regel']}).",
                "Hou één doorverwijzing per oud adres."))
        else:
            first[entry["van"]] = entry
    kept = []
    for entry in first.values():
        if entry["naar"] == entry["van"]:
            problems.append(Problem(shown, entry["regel"], entry["kolom"], entry["plek"] + ".naar", f"'{entry['van']}' verwijst naar zichzelf.",
                                    "Haal dit item weg of geef de nieuwe pagina als 'naar'."))
            continue
        seen, target = [entry["van"]], entry["naar"]
        while target in first and target not in seen:
            seen.append(target)
            target = first[target]["naar"]
        if target in seen:
            problems.append(Problem(shown, entry["regel"], entry["kolom"], entry["plek"] + ".naar",
                f"de doorverwijzingen vormen een kring: {' -> '.join(seen + [target])}.",
                "Laat elk oud adres rechtstreeks naar een bestaande pagina verwijzen."))
        elif len(seen) > 1:
            problems.append(Problem(shown, entry["regel"], entry["kolom"], entry["plek"] + ".naar",
                f"'{entry['naar']}' is zelf een verhuisd adres (het verwijst door naar '{target}').",
                f"Verwijs rechtstreeks naar de eindbestemming: 'naar: {target}'."))
        else:
            kept.append(entry)
    return kept, sorted(problems, key=Problem.sort_key)


def check_pages(entries: list[dict], pages: set[str], path: Path | None = None, generated: tuple[str, ...] = ()) -> list[Problem]:
    """A target that is no page of the site, and an old address that is a page again, are errors.
    ``generated``: folders of pages generated from the vocabularies (sdg/, thema/, ...), taken as existing."""
    shown = display_path(path or FILE)
    problems = []
    for entry in entries:
        if entry["naar"] not in pages and not entry["naar"].startswith(generated):
            problems.append(Problem(shown, entry["regel"], entry["kolom"], entry["plek"] + ".naar", f"de pagina '{entry['naar']}' bestaat niet.",
                                    "Geef het pad van een bestaande pagina, zoals 'dossiers/<bestandsnaam>/'."))
        if entry["van"] in pages:
            problems.append(Problem(shown, entry["regel"], entry["kolom"], entry["plek"] + ".van",
                f"'{entry['van']}' is weer een bestaande pagina: de doorverwijzing zou ze verbergen.",
                "Haal dit item weg uit verhuisd.yaml."))
    return problems


def pages_on_disk(root: Path, kinds, docs_dir: str = "docs") -> set[str]:
    """The pages a build of ``root`` has, as far as ``valideer`` can tell without building:
    every record's fiche, every kind's index and every Markdown page under docs/."""
    pages = {""}
    for kind in kinds:
        pages.add(f"{kind.site}/")
        folder = root / kind.folder
        if folder.is_dir():
            pages.update(f"{kind.site}/{path.stem}/" for path in folder.glob("*.md") if path.name != "README.md")
    docs = root / docs_dir
    if docs.is_dir():
        for path in docs.rglob("*.md"):
            relative = path.relative_to(docs).with_suffix("").as_posix()
            pages.add("" if relative == "index" else (relative[:-len("index")] if relative.endswith("/index") else relative + "/"))
    return pages


def validate(root: Path, kinds, generated: tuple[str, ...] = (), path: Path | None = None) -> list[Problem]:
    """Everything wrong with ``path`` for the site built from ``root``."""
    entries, problems = read(path)
    return sorted(problems + check_pages(entries, pages_on_disk(root, kinds), path, generated), key=Problem.sort_key)


def entries() -> list[dict]:
    """The well-formed entries of the bank's verhuisd.yaml (what the build writes)."""
    return read()[0]
