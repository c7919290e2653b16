"""`make serve` after one saved record: only that record's pages are made again, and the result is
exactly what a fresh build gives (buildcache.py, serve_dirty.py).

The builds run in this process like `mkdocs serve --dirty` runs them (a new
config per rebuild, the same site folder, the serve URL); the fresh build
starts with empty caches and a clean folder.
"""

from __future__ import annotations

import concurrent.futures
import filecmp
import os
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES_SITE, ROOT, TODAY, _environ, docs_without

URL = "http://127.0.0.1:8000/praktijkenbank/"
SLUG = "borsbeek-fairtrade-aankopen"


def _serve_build(site_dir: Path, docs_dir: Path, dirty: bool) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), docs_dir=str(docs_dir))
    config.site_url = URL
    config.plugins.on_startup(command="serve", dirty=dirty)
    build(config, serve_url=URL, dirty=dirty)


def _in_thread(function, *args):
    # Like conftest.build_site: the search-index step must not run in Playwright's event loop.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args).result()


def _tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.build
def test_dirty_rebuild_after_an_edit_equals_a_fresh_build(tmp_path):
    from praktijkenbank import buildcache
    from praktijkenbank.site import serve_dirty

    content = tmp_path / "inhoud"
    shutil.copytree(FIXTURES_SITE, content)
    docs = docs_without(tmp_path / "docs", "kennis")
    served, fresh = tmp_path / "served", tmp_path / "fresh"
    record = content / "practices" / f"{SLUG}.md"
    env = {"PRAKTIJKENBANK_CONTENT_DIR": str(content), "PRAKTIJKENBANK_TODAY": TODAY.isoformat(),
           "PRAKTIJKENBANK_SKIP_VALIDATION": None, "SITE_URL": None, "REPO_URL": None, "EDIT_URI": None}
    try:
        with _environ(**env):
            _in_thread(_serve_build, served, docs, True)
            # The fiches that do not refer to the edited record (related practices show its title),
            # not the small pages of moved records (verhuisd.yaml, written on every build).
            others = [p for p in (served / "praktijken").glob("*/index.html")
                      if p.parent.name != SLUG and f"/{SLUG}/" not in p.read_text(encoding="utf-8")
                      and "http-equiv" not in p.read_text(encoding="utf-8")]
            assert others
            before = {p: p.stat().st_mtime_ns for p in others}
            text = record.read_text(encoding="utf-8")
            edited = text.replace("\nsamenvatting: ", "\nsamenvatting: Nu ook met soep. ", 1)
            assert edited != text
            record.write_text(edited + "\nEen nieuwe alinea over **soep**.\n", encoding="utf-8")
            _in_thread(_serve_build, served, docs, True)
            assert "Nu ook met soep." in (served / "praktijken" / SLUG / "index.html").read_text(encoding="utf-8")
            # The other fiches were not made again (same file, same time stamp) ...
            assert {p: p.stat().st_mtime_ns for p in others} == before
            # ... and the whole site is what a fresh build of the edited records gives.
            buildcache.clear()
            serve_dirty.reset()
            _in_thread(_serve_build, fresh, docs, False)
    finally:
        buildcache.clear()
        serve_dirty.reset()
        buildcache.enabled = False
    assert _tree(served) == _tree(fresh)
    _, mismatch, errors = filecmp.cmpfiles(served, fresh, _tree(fresh), shallow=False)
    assert not mismatch and not errors, mismatch[:10]


@pytest.mark.build
def test_a_removed_record_disappears_from_the_served_site(tmp_path):
    from praktijkenbank import buildcache
    from praktijkenbank.site import serve_dirty

    content = tmp_path / "inhoud"
    shutil.copytree(FIXTURES_SITE, content)
    docs = docs_without(tmp_path / "docs", "kennis")
    served = tmp_path / "served"
    env = {"PRAKTIJKENBANK_CONTENT_DIR": str(content), "PRAKTIJKENBANK_TODAY": TODAY.isoformat(),
           "PRAKTIJKENBANK_SKIP_VALIDATION": None, "SITE_URL": None, "REPO_URL": None, "EDIT_URI": None}
    try:
        with _environ(**env):
            _in_thread(_serve_build, served, docs, True)
            assert (served / "praktijken" / SLUG / "index.html").is_file()
            # Only the record itself: nothing else refers to it in the fixtures? Then the build stays valid.
            os.remove(content / "practices" / f"{SLUG}.md")
            _in_thread(_serve_build, served, docs, True)
    finally:
        buildcache.clear()
        serve_dirty.reset()
        buildcache.enabled = False
    assert not (served / "praktijken" / SLUG / "index.html").exists()
