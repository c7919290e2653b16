"""Load record files: bytes -> front matter (with source positions) + body.

A record is a practice, an instrument, a procurement product group or a
dossier: the kind follows from the folder it is in (``soorten.yaml``: a file
under ``instruments/`` is an instrument; a file in any other folder is a
practice). Loading never raises for bad input: every problem becomes a
:class:`Problem` with the line and column where it was found.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from . import yaml_messages
from .problems import ERROR, WARNING, Problem

MAX_FILE_BYTES = 100_000
_FM = frontmatter.YAMLHandler()
_BOM = "\ufeff"


class _Loader(yaml.CSafeLoader):
    """Safe YAML loader that keeps dates as plain strings.

    Dates are then checked by the validator with a clear message instead of
    failing (or silently converting) inside the YAML library.
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}

Position = tuple[int, int]


DEFAULT_KIND = "praktijk"


@dataclass
class Record:
    """One record (practice, instrument, product group or dossier) as read from disk."""

    path: str  # path as shown to people (relative to the working directory)
    slug: str
    meta: dict
    body: str
    body_line: int  # file line on which the body starts (1-based)
    positions: dict[tuple, Position] = field(default_factory=dict)
    key_positions: dict[tuple, Position] = field(default_factory=dict)
    kind: str = DEFAULT_KIND

    def pos(self, *path) -> Position:
        """Position of the value at ``path``; falls back to its nearest parent."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def key_pos(self, *path) -> Position:
        return self.key_positions.get(tuple(path)) or self.pos(*path)


Practice = Record  # most records are practices; the older name stays valid


def kind_of(path: Path) -> str:
    """The kind of the record at ``path``: from the name of its folder ('instruments/x.md' is an
    instrument); a file in any other folder is a practice."""
    from .vocab import load_vocab

    kind = load_vocab().kind_for_folder(Path(path).absolute().parent.name)
    return kind.id if kind is not None else DEFAULT_KIND


def _not_regular(path: Path) -> str | None:
    """Why ``path`` cannot be a record file (a symlink, a device, a pipe), or None."""
    try:
        if path.is_symlink():
            return "een symbolische link"
        mode = path.stat().st_mode
    except OSError:
        return None  # reported when the file is read
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return None
    return "geen gewoon bestand (maar bv. een apparaat of een pipe)"


def _refused(path: Path, reason: str) -> Problem:
    return Problem(display_path(path), 1, 1, "bestand", f"dit is {reason}; de praktijkenbank leest alleen gewone bestanden.",
                   "Zet het echte bestand in de map in plaats van een link ernaar.")


def display_path(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # other drive on Windows
        return str(path)


def discover(paths) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into record files.

    Every file inside a given folder is a candidate: a file that is not a
    record (wrong extension) is reported, never silently skipped. Hidden
    files (``.gitkeep``) and ``README.md`` are the only exceptions. Symbolic
    links and special files are refused: following one (to /dev/zero, say)
    could make validation hang.
    """
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        reason = _not_regular(path)
        if reason:
            problems.append(_refused(path, reason))
            continue
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.name.startswith(".") or child.name == "README.md":
                    continue
                reason = _not_regular(child)
                if reason:
                    problems.append(_refused(child, reason))
                    continue
                if child.is_dir():
                    continue
                if child.suffix != ".md":
                    problems.append(Problem(display_path(child), 1, 1, "bestand",
                        "dit bestand is geen record (verwacht: <slug>.md).",
                        "Zet alleen fiches (.md) in deze map of verwijder het bestand."))
                    continue
                files.append(child)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(display_path(path), 1, 1, "bestand",
                "bestand of map niet gevonden.", "Controleer het pad."))
    return files, problems


_STR_TAG = "tag:yaml.org,2002:str"
_YAML_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_YAML_TAG + name for name in ("str", "int", "float", "bool", "null", "seq", "map")}
_ALIAS = object()
# The deepest nesting a record needs is three levels (bronnen[0].titel); deeper than this is a mistake
# or a hostile file, refused before it reaches Python's recursion limit.
MAX_DEPTH = 20


def _deep_nesting_at(fm_text: str) -> tuple[int, int] | None:
    """Where the nesting first passes MAX_DEPTH (0-based line, column), or None.

    libyaml composes a node tree recursively in C: a few tens of thousands of
    '[' crash the process (a segmentation fault, no message at all). The
    parser's event stream is not recursive, so a suspicious file is walked
    event by event first; an ordinary record has far fewer nesting tokens than
    the threshold and costs one string count.
    """
    tokens = fm_text.count("[") + fm_text.count("{") + fm_text.count("- ") + fm_text.count("? ")
    if tokens <= 1000:
        return None
    loader = _Loader(fm_text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH + 1:
                    return event.start_mark.line, event.start_mark.column
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the composer reports the syntax error itself
    finally:
        loader.dispose()
    return None


def _too_deep(shown: str, line: int, col: int, field: str) -> Problem:
    return Problem(shown, line, col, field, f"de velden zijn te diep genest (meer dan {MAX_DEPTH} niveaus).",
                   "Een fiche heeft hoogstens lijsten van velden (zoals bronnen); kijk na of er haakjes '[' of '{' "
                   "niet gesloten of te veel zijn.")


class _TooDeep(Exception):
    """Raised once by :meth:`_Tree.build` past MAX_DEPTH: the problem is already recorded."""


class _Tree:
    """One pass over the YAML node tree: positions, duplicate keys, aliases, and the data."""

    def __init__(self, loader, shown: str, offset: int, problems: list):
        self.loader = loader
        self.shown = shown
        self.offset = offset
        self.problems = problems
        self.positions: dict = {}
        self.key_positions: dict = {}
        self.visited: set = set()
        self.ok = True

    def build(self, node, path: tuple):
        start = node.start_mark
        line, col = start.line + 1 + self.offset, start.column + 1
        if len(path) > MAX_DEPTH:
            self.ok = False
            self.problems.append(_too_deep(self.shown, line, col, _dotted(path[:1])))
            raise _TooDeep
        if id(node) in self.visited:
            self.ok = False
            if not any(p.message.startswith("verwijzingen") for p in self.problems):
                self.problems.append(Problem(self.shown, line, col, _dotted(path),
                    "verwijzingen (YAML-ankers '&' en aliassen '*') zijn niet toegelaten.",
                    "Schrijf de waarde gewoon uit."))
            return None
        self.visited.add(id(node))
        self.positions[path] = (line, col)
        if node.tag not in _PLAIN_TAGS:  # '!!python/object/apply:...', '!ENV', '!!binary', '!!set', ...
            self.ok = False
            tag = "!!" + node.tag[len(_YAML_TAG):] if node.tag.startswith(_YAML_TAG) else node.tag
            self.problems.append(Problem(self.shown, line, col, _dotted(path),
                f"YAML-labels zijn niet toegelaten (hier: '{tag}').",
                "Een waarde die met '!' begint, leest YAML als een label. Haal het label weg, "
                "of zet de hele waarde tussen aanhalingstekens als het '!' bij de tekst hoort."))
            return None
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR_TAG:
                return node.value
            return self.loader.construct_object(node)  # int, bool, null, float; unknown tags raise
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        data: dict = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            kline, kcol = key_node.start_mark.line + 1 + self.offset, key_node.start_mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem(self.shown, kline, kcol, _dotted(path),
                    "een veldnaam moet gewone tekst zijn.", "Schrijf 'veldnaam: waarde'."))
                self.ok = False
                continue
            key = key_node.value
            if key in seen:
                self.problems.append(Problem(self.shown, kline, kcol, _dotted(path + (key,)),
                    f"het veld '{key}' staat twee keer in dit blok (eerst op regel {seen[key]}).",
                    "Hou één van beide over: bij een dubbel veld gaat de eerste waarde stilzwijgend verloren."))
                continue
            seen[key] = kline
            self.key_positions[path + (key,)] = (kline, kcol)
            data[key] = self.build(value_node, path + (key,))
        return data


def _dotted(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out or "front matter"


def _front_matter_bounds(text: str) -> tuple[str, str, int] | None:
    """Split into (front matter, body, body start line) using python-frontmatter's boundary."""
    if not _FM.detect(text):
        return None
    try:
        fm, body = _FM.split(text)
    except ValueError:
        return None
    lines_before_body = text[: len(text) - len(body)].count("\n") if body else text.count("\n") + 1
    return fm, body, lines_before_body + 1


def _read_limited(path: Path) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes: enough to tell that a file is too large."""
    with open(path, "rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def load_practice(path: Path, data: bytes | None = None, kind: str | None = None) -> tuple[Record | None, list[Problem]]:
    """Read one record file. Returns (record or None, problems). ``kind``: see :func:`kind_of`."""
    shown = display_path(path)
    problems: list[Problem] = []
    if data is None:
        reason = _not_regular(path)
        if reason:
            return None, [_refused(path, reason)]
        try:
            data = _read_limited(path)
        except OSError as exc:
            return None, [Problem(shown, 1, 1, "bestand", f"kan het bestand niet lezen ({exc.strerror}).",
                                  "Controleer of het bestand bestaat en leesbaar is.")]
    if len(data) > MAX_FILE_BYTES:
        size = max(len(data), path.stat().st_size if path.exists() else 0)
        problems.append(Problem(shown, 1, 1, "bestand",
            f"het bestand is te groot ({size:,} bytes; maximum {MAX_FILE_BYTES:,}).".replace(",", "."),
            "Een fiche is één tot twee A4-pagina's: kort de tekst in en verwijs naar de bron voor details."))
        return None, problems
    if b"\x00" in data:
        return None, [Problem(shown, 1, 1, "bestand", "dit is geen tekstbestand (het bevat binaire gegevens).",
                              "Een praktijk is een tekstbestand in UTF-8 met YAML-kop en Markdown-tekst.")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [Problem(shown, line, col, "bestand",
            "het bestand is geen geldige UTF-8-tekst.",
            "Bewaar het bestand als UTF-8 (in de meeste editors: 'Opslaan met codering' > UTF-8).")]
    if text.startswith(_BOM):
        text = text[1:]
    text = text.replace("\r\n", "\n")
    if not text.strip():
        return None, [Problem(shown, 1, 1, "bestand", "het bestand is leeg.",
                              "Begin van het sjabloon: 'praktijkenbank new' maakt een ingevulde opzet.")]
    split = _front_matter_bounds(text)
    if split is None:
        return None, [Problem(shown, 1, 1, "front matter",
            "het bestand begint niet met een YAML-kop tussen twee regels '---'.",
            "Zet de velden (titel, samenvatting, ...) bovenaan tussen een regel '---' en een regel '---'.")]
    fm_text, body, body_line = split
    # YAML marks are 0-based lines inside the front matter; count the lines before it
    # (python-frontmatter's boundary may or may not swallow the newline after '---').
    offset = text.count("\n", 0, text.find(fm_text)) if fm_text else 1
    deep = _deep_nesting_at(fm_text)
    if deep:
        return None, [_too_deep(shown, deep[0] + 1 + offset, deep[1] + 1, "front matter")]
    loader = _Loader(fm_text)
    try:
        node = loader.get_single_node()
        if node is not None and isinstance(node, yaml.MappingNode):
            return _from_node(loader, node, path, shown, body, body_line, problems, offset, kind or kind_of(path), fm_text)
    except yaml.YAMLError as exc:  # Dutch message and hint for every YAML mistake (yaml_messages.py)
        return None, [_yaml_error(shown, exc, fm_text, offset)]
    finally:
        loader.dispose()
    kind = "leeg" if node is None else ("een lijst" if isinstance(node, yaml.SequenceNode) else "een losse waarde")
    return None, [Problem(shown, 2, 1, "front matter", *yaml_messages.not_a_mapping(kind, fm_text))]


def _from_node(loader, node, path: Path, shown: str, body: str, body_line: int,
               problems: list, offset: int, kind: str, fm_text: str) -> tuple[Record | None, list[Problem]]:
    """Positions and data from one pass over the node tree (the file is parsed once)."""
    tree = _Tree(loader, shown, offset, problems)
    try:
        meta = tree.build(node, ())
    except _TooDeep:
        return None, problems
    except (yaml.YAMLError, TypeError, ValueError) as exc:  # e.g. a '!!python/...' tag
        return None, problems + [_yaml_error(shown, exc, fm_text, offset)]
    if not tree.ok:
        return None, problems
    tree.positions[()] = (2, 1)
    for line, col, where, message, hint, error in yaml_messages.hidden_problems(fm_text, meta, tree.positions, offset):
        problems.append(Problem(shown, line, col, _dotted(where) if where else "front matter", message, hint,
                                ERROR if error else WARNING))
    return Record(shown, _slug(path), meta, body, body_line, tree.positions, tree.key_positions, kind), problems


def _yaml_error(shown: str, exc: Exception, fm_text: str, offset: int) -> Problem:
    if not isinstance(exc, yaml.YAMLError):  # a value the YAML library cannot convert (e.g. '!!int abc')
        exc = yaml.MarkedYAMLError(problem="could not determine a constructor for the tag")
    line, col, message, hint = yaml_messages.format_message(yaml_messages.explain(exc, fm_text), offset)
    return Problem(shown, line, col, "front matter", message, hint)


def _slug(path: Path) -> str:
    return path.name[:-3] if path.name.endswith(".md") else path.name


def peek_practice(path: Path, fields: tuple[str, ...], kind: str | None = None) -> Record | None:
    """Only ``fields`` of a record, without positions and without checks; None when it cannot be read.

    For the cross-record checks against records nobody asked to validate (the
    siblings of a file validated on its own): about three times faster than
    :func:`load_practice`, which matters in a bank of thousands of records.
    """
    if _not_regular(path):
        return None
    try:
        text = _read_limited(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    split = _front_matter_bounds(text.removeprefix(_BOM).replace("\r\n", "\n"))
    if split is None or _deep_nesting_at(split[0]):
        return None
    try:
        meta = yaml.load(split[0], Loader=_Loader)  # dates stay text: '2026-02-31' must not crash a sibling's check
    except (yaml.YAMLError, ValueError, TypeError, RecursionError):
        return None
    if not isinstance(meta, dict):
        return None
    return Record(display_path(path), _slug(path), {k: meta[k] for k in fields if k in meta}, "", split[2],
                  kind=kind or kind_of(path))


def load_practices(paths) -> tuple[list[Record], list[Problem]]:
    """Discover and load every record under ``paths``."""
    files, problems = discover(paths)
    practices: list[Practice] = []
    for path in files:
        practice, found = load_practice(path)
        problems.extend(found)
        if practice is not None:
            practices.append(practice)
    return practices, problems
