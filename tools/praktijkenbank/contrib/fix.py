"""``praktijkenbank validate --fix``: mechanical repairs on the file text.

The file is edited as text, never re-dumped, so comments, quoting, key order
and layout survive. Only the exact spans that change are rewritten:

* line endings: CRLF (and a lone CR) -> LF; a UTF-8 byte order mark is dropped;
* trailing spaces and tabs at the end of a line are removed (also in the body:
  write a hard line break in Markdown with a backslash, not with two spaces);
* the file ends with exactly one newline;
* ``sdgs`` and ``subdoelen``: sorted (11.2 < 11.10 < 11.a) and without duplicates;
  in a block list, comment lines travel with the item below them;
* ``vijf_p``, when present: the P's the source names stay; a missing P of one of
  the record's SDGs is added, and all are put in canonical order (delete the
  field to let the site derive the P's from the SDGs);
* ids, SDG numbers and ``www.`` addresses: see :mod:`.fix_values`;
* ``toegevoegd`` / ``geverifieerd``: 2026-3-1, 2026/3/1, 1/3/2026, 1-3-2026 and
  1.3.2026 become 2026-03-01 (day before month, as in Belgium), only when the
  date exists.

A field whose values are not what the rule expects (e.g. an SDG written as
text) is left alone: the validator explains it. Running the fixes twice
changes nothing the second time.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from .fix_values import _Composer, fix_values
from ..records.load import discover, display_path
from ..records.vocab import Vocab, load_vocab

_DELIMITER = re.compile(r"^---[ \t]*$")
_DATE_FORMS = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$"), ("d", "m", "y")),
)
_TARGET = re.compile(r"^(1[0-7]|[1-9])\.([1-9][0-9]?|[a-z])$")
_DECIMAL = re.compile(r"^[1-9][0-9]*$")
_INT_TAG = "tag:yaml.org,2002:int"
_STR_TAG = "tag:yaml.org,2002:str"




# ------------------------------------------------------------ whole file ---

def normalise_text(text: str) -> tuple[str, list[str]]:
    """Line endings, BOM, trailing whitespace, final newline. Returns (text, messages)."""
    messages = []
    if text.startswith("\ufeff"):
        text = text[1:]
        messages.append("onzichtbaar BOM-teken aan het begin verwijderd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        messages.append("regeleinden omgezet naar LF (in plaats van Windows-CRLF)")
    lines = text.split("\n")
    stripped = [line.rstrip(" \t") for line in lines]
    changed = sum(a != b for a, b in zip(lines, stripped))
    if changed:
        messages.append(f"spaties aan het einde van {changed} regel{'s' if changed > 1 else ''} verwijderd")
    text = "\n".join(stripped)
    if text.strip():
        ending = text.rstrip("\n") + "\n"
        if not text.endswith("\n"):
            messages.append("regeleinde aan het einde van het bestand toegevoegd")
        elif ending != text:
            messages.append("lege regels aan het einde van het bestand verwijderd")
        text = ending
    return text, messages


# ----------------------------------------------------------- front matter ---

def _front_matter(text: str) -> tuple[int, int] | None:
    """(start, end) character offsets of the front matter between the two '---' lines."""
    lines = text.split("\n")
    if not lines or not _DELIMITER.match(lines[0]):
        return None
    offset = len(lines[0]) + 1
    start = offset
    for line in lines[1:]:
        if _DELIMITER.match(line):
            return start, offset
        offset += len(line) + 1
    return None


def _top_level(fm: str) -> dict[str, tuple[yaml.Node, yaml.Node]] | None:
    loader = _Composer(fm)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode):
        return None
    fields = {}
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value not in fields:
            fields[key.value] = (key, value)
    return fields


def _int_items(node: yaml.SequenceNode) -> list[int] | None:
    values = []
    for item in node.value:
        if not (isinstance(item, yaml.ScalarNode) and item.tag == _INT_TAG and _DECIMAL.match(item.value)):
            return None
        values.append(int(item.value))
    return values


def _target_items(node: yaml.SequenceNode) -> list[str] | None:
    values = []
    for item in node.value:
        if not (isinstance(item, yaml.ScalarNode) and item.tag == _STR_TAG and _TARGET.match(item.value)):
            return None
        values.append(item.value)
    return values


def _target_key(target: str) -> tuple:
    goal, sub = target.split(".")
    return (int(goal), 0, int(sub), "") if sub.isdigit() else (int(goal), 1, 0, sub)


def _sorted_unique(values: list, key) -> list:
    seen, out = set(), []
    for value in sorted(values, key=key):
        if value not in seen:
            seen.add(value)
            out.append(value)
    return out


def _describe_change(name: str, values: list, new: list) -> str | None:
    """'sdgs gesorteerd en ontdubbeld' (or only one of both), None when nothing changes."""
    deduped = len(new) < len(values)
    unique_in_order = list(dict.fromkeys(values))
    reordered = unique_in_order != new
    if deduped and reordered:
        return f"{name} gesorteerd en ontdubbeld"
    if deduped:
        return f"{name} ontdubbeld"
    if reordered:
        return f"{name} gesorteerd"
    return None


class _Edits:
    """Non-overlapping replacements on the front matter text, applied back to front."""

    def __init__(self, fm: str):
        self.fm = fm
        self.lines = fm.split("\n")
        self.items: list[tuple[int, int, str]] = []

    def line_start(self, line: int) -> int:
        return sum(len(text) + 1 for text in self.lines[:line])

    def replace(self, start: int, end: int, text: str) -> None:
        if self.fm[start:end] != text:
            self.items.append((start, end, text))

    def apply(self) -> str:
        fm = self.fm
        for start, end, text in sorted(self.items, reverse=True):
            fm = fm[:start] + text + fm[end:]
        return fm


def _rewrite_sequence(edits: _Edits, node: yaml.SequenceNode, order: list[int]) -> bool:
    """Rewrite a list as the items at positions ``order`` (sorted/deduplicated), keeping its style.

    Returns False (and changes nothing) when the list is laid out in a way
    that cannot be edited safely as text.
    """
    fm = edits.fm
    items = node.value
    if node.flow_style:
        span = fm[node.start_mark.index:node.end_mark.index]
        if "\n" in span and "#" in span:
            return False
        texts = [fm[i.start_mark.index:i.end_mark.index] for i in items]
        edits.replace(node.start_mark.index, node.end_mark.index, "[" + ", ".join(texts[i] for i in order) + "]")
        return True
    # Block list: one item per line; comment lines above an item move with it.
    groups = []
    previous_end = items[0].start_mark.line  # comments above the first item stay where they are
    for index, item in enumerate(items):
        line = item.start_mark.line
        if item.end_mark.line != line:
            return False
        first = previous_end if index else line
        for between in range(first, line):
            if edits.lines[between].strip() and not edits.lines[between].lstrip().startswith("#"):
                return False
        groups.append(edits.lines[first:line + 1])
        previous_end = line + 1
    start = edits.line_start(items[0].start_mark.line)
    last = items[-1].start_mark.line
    end = edits.line_start(last) + len(edits.lines[last])
    new_lines = [line for i in order for line in groups[i]]
    edits.replace(start, end, "\n".join(new_lines))
    return True


def _replace_block_values(edits: _Edits, node: yaml.SequenceNode, values: list[str]) -> bool:
    """Replace every item of a list by ``values`` (same style, same indentation)."""
    fm = edits.fm
    if node.flow_style:
        span = fm[node.start_mark.index:node.end_mark.index]
        if "\n" in span and "#" in span:
            return False
        edits.replace(node.start_mark.index, node.end_mark.index, "[" + ", ".join(values) + "]")
        return True
    items = node.value
    if not items or any(i.start_mark.line != i.end_mark.line for i in items):
        return False
    first_line = edits.lines[items[0].start_mark.line]
    dash = first_line[: items[0].start_mark.column]
    start = edits.line_start(items[0].start_mark.line)
    last = items[-1].start_mark.line
    end = edits.line_start(last) + len(edits.lines[last])
    edits.replace(start, end, "\n".join(dash + value for value in values))
    return True


def _normalise_date(value: str) -> str | None:
    for pattern, order in _DATE_FORMS:
        match = pattern.match(value.strip())
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups())))
            try:
                return dt.date(parts["y"], parts["m"], parts["d"]).isoformat()
            except ValueError:
                return None
    return None


def fix_front_matter(fm: str, vocab: Vocab) -> tuple[str, list[str]]:
    """Ids, SDG numbers and web addresses (fix_values.py); sort/dedupe sdgs and subdoelen, derive vijf_p,
    normalise dates. Returns (text, messages)."""
    fm, messages = fix_values(fm, vocab)
    fields = _top_level(fm)
    if fields is None:
        return fm, messages
    edits = _Edits(fm)
    sdgs = None

    for name, read_items, key in (("sdgs", _int_items, int), ("subdoelen", _target_items, _target_key)):
        node = fields[name][1] if name in fields else None
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            continue
        values = read_items(node)
        if values is None:
            continue
        new = _sorted_unique(values, key=key)
        message = _describe_change(name, values, new)
        order = [values.index(v) for v in new]
        if message and _rewrite_sequence(edits, node, order):
            messages.append(message)
        if name == "sdgs":
            sdgs = new

    if "vijf_p" in fields and sdgs and isinstance(fields["vijf_p"][1], yaml.SequenceNode):
        node = fields["vijf_p"][1]
        if all(n in vocab.sdg_to_ps for n in sdgs):
            current = [i.value if isinstance(i, yaml.ScalarNode) else None for i in node.value]
            derived = vocab.ps_for_sdgs(sdgs)
            if all(p in vocab.ps for p in current):
                expected = [p for p in vocab.ps if p in current or p in derived]
                if current != expected and _replace_block_values(edits, node, expected):
                    added = [p for p in expected if p not in current]
                    if added:
                        messages.append(f"vijf_p aangevuld met de P's van de SDG's: {', '.join(added)}")
                    else:
                        messages.append("vijf_p in de vaste volgorde gezet")

    for key in ("toegevoegd", "geverifieerd"):
        if key not in fields or not isinstance(fields[key][1], yaml.ScalarNode):
            continue
        node = fields[key][1]
        if node.style not in (None, "'", '"'):
            continue
        iso = _normalise_date(node.value)
        if iso and iso != node.value:
            quote = node.style or ""
            edits.replace(node.start_mark.index, node.end_mark.index, f"{quote}{iso}{quote}")
            messages.append(f"{key}: datum '{node.value}' omgezet naar {iso}")

    return edits.apply(), messages


# ------------------------------------------------------------------ files ---

def fix_text(text: str, vocab: Vocab | None = None) -> tuple[str, list[str]]:
    """All fixes on the text of one record. Returns (new text, Dutch messages)."""
    vocab = vocab or load_vocab()
    text, messages = normalise_text(text)
    bounds = _front_matter(text)
    if bounds:
        start, end = bounds
        fm, fm_messages = fix_front_matter(text[start:end], vocab)
        text = text[:start] + fm + text[end:]
        messages += fm_messages
    return text, messages


def fix_file(path: Path, vocab: Vocab | None = None) -> list[str]:
    """Fix one file in place; returns the applied fixes (empty: untouched)."""
    try:
        data = path.read_bytes()
        text = data.decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return []  # the validator reports unreadable files
    if "\x00" in text:
        return []
    new, messages = fix_text(text, vocab)
    if new != text:
        path.write_bytes(new.encode("utf-8"))
    return messages if new != text else []


def fix_paths(paths: Iterable) -> Iterator[str]:
    """Fix every practice under ``paths``; yields one Dutch line per applied fix."""
    files, _ = discover(paths)  # missing paths and non-practices: reported by the validator
    vocab = load_vocab()
    for path in files:
        shown = display_path(path)
        for message in fix_file(path, vocab):
            yield f"{shown}: {message}"
