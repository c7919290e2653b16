"""Work per record kept between the builds of one process (``mkdocs serve``), keyed by content.

A serve rebuild after one saved record should redo that record only. Every
expensive step per record (loading and checking the file, the rendered fiche,
the search-index terms) asks this cache first, under a key made of everything
its result depends on: the bytes of the record file (or the view data made from
it) plus :func:`versions`, a hash of the vocabularies (``data/``) and the page
templates. Nothing is keyed by file name or time, so a hit is by construction
the same result a fresh computation would give; a build in a new process
(``mkdocs build``, a clean clone) starts empty and computes everything.

Memory stays bounded: the cache keeps what the last build used (``begin``
starts a new build; entries unused by it are dropped at the next ``begin``).
The steps are generic: a new record kind gets the same caching without code.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
_VERSIONED = [PACKAGE / "data", PACKAGE / "templates"]

_current: dict[str, dict] = {}
_previous: dict[str, dict] = {}
_versions: str | None = None
stats = {"hits": 0, "misses": 0}


_last_versions: str | None = None


def begin() -> bool:
    """A new build starts: keep last build's entries for reuse, forget older ones, re-read versions.
    True when the vocabularies and templates are the same as in the previous build of this process."""
    global _current, _previous, _versions, _last_versions
    _previous, _current = _current, {}
    _versions = None
    stats.update(hits=0, misses=0)
    if not enabled:
        _last_versions = None
        return False
    same = versions() == _last_versions
    _last_versions = versions()
    return same


def clear() -> None:
    global _current, _previous, _versions, _last_versions
    _current, _previous, _versions, _last_versions = {}, {}, None, None


def versions() -> str:
    """Hash of every vocabulary and template file (name and bytes); computed once per build."""
    global _versions
    if _versions is None:
        digest = hashlib.blake2b(digest_size=16)
        for folder in _VERSIONED:
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
        _versions = digest.hexdigest()
    return _versions


def key(*parts) -> str:
    """A short digest of ``parts`` (bytes, str or anything JSON can write) and :func:`versions`."""
    digest = hashlib.blake2b(versions().encode(), digest_size=16)
    for part in parts:
        if isinstance(part, bytes):
            data = part
        elif isinstance(part, str):
            data = part.encode("utf-8", "surrogatepass")
        else:
            data = json.dumps(part, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


_MISSING = object()


def get(area: str, key_: str, default=None):
    """The value stored under ``key_`` by this build or the previous one (then kept for the next)."""
    value = _current.get(area, {}).get(key_, _MISSING)
    if value is _MISSING:
        value = _previous.get(area, {}).get(key_, _MISSING)
        if value is _MISSING:
            stats["misses"] += 1
            return default
        _current.setdefault(area, {})[key_] = value
    stats["hits"] += 1
    return value


def put(area: str, key_: str, value) -> None:
    _current.setdefault(area, {})[key_] = value


enabled = False  # set by the MkDocs hook for 'mkdocs serve'; a single build gains nothing from it


_templates = None


def bytecode_cache():
    """For a Jinja environment: compiled templates kept in memory between serve builds (ours and
    the theme's) while :data:`enabled`, else None. Jinja itself compares a template's source with
    the one compiled, so an edited template is compiled anew."""
    global _templates
    if not enabled:
        return None
    if _templates is None:
        import jinja2

        class MemoryBytecode(jinja2.BytecodeCache):
            def __init__(self):
                self.store: dict[str, bytes] = {}

            def load_bytecode(self, bucket):
                code = self.store.get(bucket.key)
                if code is not None:
                    bucket.bytecode_from_string(code)

            def dump_bytecode(self, bucket):
                self.store[bucket.key] = bucket.bytecode_to_string()

        _templates = MemoryBytecode()
    return _templates
