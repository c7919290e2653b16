"""``make serve`` (``mkdocs serve --dirty``): after a save, render only the pages whose content changed.

MkDocs' dirty mode renders a page again when ``file.is_modified()``; a
generated page (content in memory) always says yes. :func:`mark` compares the
content of every generated page with the previous build of this process and
tells MkDocs "not modified" when it is byte for byte the same and its HTML is
still in the site folder. So one saved record redoes its fiche and the pages
whose content it changes (its listings, the overview, the home page), nothing
else. Anything that can change every page at once (mkdocs.yml, the theme
overrides, the static pages, whose titles make up the navigation) makes the
next build a full one. Pages that disappeared are removed from the site folder.

Only active for ``mkdocs serve --dirty``; ``mkdocs build`` never gets here.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_last: dict[str, tuple[str, str]] = {}  # src_uri -> (content digest, abs_dest_path) of the previous build
_setting: str | None = None


def reset() -> None:
    """Forget the previous build: the next one renders every page (after the error site)."""
    global _setting
    _last.clear()
    _setting = None


def _tree(folder: Path, pattern: str = "*") -> list[tuple]:
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.rglob(pattern)):
        if path.is_file():
            stat = path.stat()
            out.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return out


def setting(config) -> str:
    """Digest of what every page shows: mkdocs.yml, the theme overrides and the static pages (nav titles)."""
    digest = hashlib.blake2b(digest_size=16)
    if config.config_file_path:
        digest.update(Path(config.config_file_path).read_bytes())
    digest.update(repr(config.nav).encode())
    if config.theme.custom_dir:
        digest.update(repr(_tree(Path(config.theme.custom_dir))).encode())
    digest.update(repr(_tree(Path(config.docs_dir), "*.md")).encode())
    return digest.hexdigest()


def _not_modified() -> bool:
    return False


def _modified() -> bool:
    return True


def mark(files, config, slots=lambda src_uri: None) -> int:
    """Tell MkDocs which pages need no new render; returns how many pages will be rendered.

    ``slots(src_uri)``: the HTML blocks the hook puts into that page afterwards (Renderer.fill),
    part of the page's content as much as its Markdown."""
    global _setting
    now = setting(config)
    same = now == _setting
    _setting = now
    seen: dict[str, tuple[str, str]] = {}
    rendered = 0
    for file in files.documentation_pages():
        if file.generated_by is None:
            # Static pages are few: always render them, so their titles are known for the navigation.
            file.is_modified = _modified
            rendered += 1
            continue
        digest = hashlib.blake2b(file.content_bytes, digest_size=16)
        for block in slots(file.src_uri) or ():
            digest.update(b"\0" + block.encode("utf-8", "surrogatepass"))
        digest = digest.hexdigest()
        seen[file.src_uri] = (digest, file.abs_dest_path)
        previous = _last.get(file.src_uri)
        if same and previous is not None and previous[0] == digest and os.path.isfile(file.abs_dest_path):
            file.is_modified = _not_modified
        else:
            rendered += 1
    for src_uri, (_, dest) in _last.items():  # a record was removed or renamed: its old page goes
        if src_uri not in seen and os.path.isfile(dest):
            os.remove(dest)
    _last.clear()
    _last.update(seen)
    return rendered
