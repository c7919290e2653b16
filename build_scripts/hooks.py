"""MkDocs hooks for the praktijkenbank (registered under ``hooks:`` in mkdocs.yml).

A thin layer around the pure core in ``tools/praktijkenbank``:

* ``on_config``: drop nav entries of optional static pages that do not exist
  (yet), list every page under docs/kennis/, and clear the vocabulary cache so
  ``mkdocs serve`` picks up changed data files.
* ``on_files``: load and validate all practice records once, then add every
  generated page (fiches, SDG/5P/theme/phase/level/province/government pages,
  indexes, home) and the open-data files as virtual files. Nothing generated
  is ever written to docs/.
* ``on_serve``: also watch the practice records, the vocabularies and the
  page templates.

Environment variables (all optional):

``PRAKTIJKENBANK_PRACTICES_DIR``
    Folder with the records (default: ``practices/`` next to mkdocs.yml).
``PRAKTIJKENBANK_TODAY``
    Build date as JJJJ-MM-DD (default: today), for the 'te herzien' notice;
    tests use it for reproducible output.
``PRAKTIJKENBANK_SKIP_VALIDATION=1``
    For the rendering-safety test only: build without validating records.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from urllib.parse import urljoin

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from praktijkenbank import load_practices, opendata, render, validate_paths
from praktijkenbank import charts, model
from praktijkenbank import vocab as vocab_module
from praktijkenbank.budget import page as budget_page

log = logging.getLogger("mkdocs.hooks.praktijkenbank")

ENV_PRACTICES = "PRAKTIJKENBANK_PRACTICES_DIR"
ENV_TODAY = "PRAKTIJKENBANK_TODAY"
ENV_SKIP_VALIDATION = "PRAKTIJKENBANK_SKIP_VALIDATION"

# Static pages owned by other parts of the project: their nav entry is kept only when the file exists.
OPTIONAL_STATIC = {"zoeken/index.md", "bijdragen.md", "kennis/index.md"}

_renderer: render.Renderer | None = None  # of the current build, for on_page_content


def practices_dir(config) -> Path:
    configured = os.environ.get(ENV_PRACTICES)
    if configured:
        return Path(configured).resolve()
    return Path(config.config_file_path).resolve().parent / "practices"


def build_date() -> dt.date:
    value = os.environ.get(ENV_TODAY)
    if value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PluginError(f"{ENV_TODAY}='{value}' is geen datum; schrijf JJJJ-MM-DD.") from None
    return dt.date.today()


# ------------------------------------------------------------------- config --

def _nav_path(item):
    if isinstance(item, str):
        return item
    if isinstance(item, dict) and len(item) == 1:
        value = next(iter(item.values()))
        return value if isinstance(value, str) else None
    return None


def on_config(config, **kwargs):
    vocab_module.load_vocab.cache_clear()
    render.environment.cache_clear()
    docs = Path(config.docs_dir)
    if config.nav:
        nav = []
        for item in config.nav:
            path = _nav_path(item)
            if path in OPTIONAL_STATIC and not (docs / path).is_file():
                continue
            if path == "kennis/index.md":
                others = sorted(p.relative_to(docs).as_posix() for p in (docs / "kennis").rglob("*.md")
                                if p.name != "index.md")
                if others:
                    item = {next(iter(item)): [path] + others}
            nav.append(item)
        config.nav = nav
    return config


# -------------------------------------------------------------------- files --

def _load(config, today: dt.date):
    """Load (and unless skipped, validate) every record; abort on errors."""
    folder = practices_dir(config)
    if not folder.is_dir():
        raise PluginError(f"de map met praktijken bestaat niet: {folder}")
    if os.environ.get(ENV_SKIP_VALIDATION) == "1":
        log.warning("Praktijken worden NIET gevalideerd (%s=1): alleen voor tests.", ENV_SKIP_VALIDATION)
        practices, problems = load_practices([folder])
    else:
        practices, problems = validate_paths([folder], today=today)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if not problem.is_error:
            # INFO, not WARNING: warnings about records must not fail 'mkdocs build --strict'.
            log.info(problem.format())
    if errors:
        count = len(errors)
        lines = "\n".join(p.format() for p in errors)
        raise PluginError(
            f"de site wordt niet gebouwd: {count} {'fout' if count == 1 else 'fouten'} in de praktijken.\n"
            f"{lines}\nVerbeter de fouten en bouw opnieuw (controle zonder bouwen: 'praktijkenbank validate').")
    return practices


def _edit_base(config) -> str | None:
    """'<repo_url>/edit/<branch>/' from repo_url + edit_uri ('edit/main/docs/' -> 'edit/main/')."""
    if not config.repo_url or not config.edit_uri:
        return None
    base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)
    return urljoin(base, "../") if base.rstrip("/").endswith("/docs") else base


def on_files(files: Files, config, **kwargs):
    today = build_date()
    practices = _load(config, today)
    vocab = vocab_module.load_vocab()
    site = model.build_site(practices, vocab, today, repo_root=Path(config.config_file_path).resolve().parent)
    edit_base = _edit_base(config)
    renderer = render.Renderer(site, vocab, edit_base=edit_base, use_directory_urls=config.use_directory_urls,
                               extra={"heeft_bijdragen": files.get_file_from_path("bijdragen.md") is not None,
                                      "sdg_grafiek": charts.home_chart(site, vocab)})
    in_nav = {_nav_path(item) for item in (config.nav or [])}
    pages = renderer.pages()
    pages.update({**charts.pages(renderer), **budget_page.pages(renderer)})
    global _renderer
    _renderer = renderer
    for src_uri, content in pages.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            if existing.generated_by is None:
                raise PluginError(f"docs/{src_uri} bestaat al, maar de praktijkenbank maakt die pagina zelf aan. "
                                  f"Verwijder of hernoem docs/{src_uri}.")
            files.remove(existing)
        inclusion = InclusionLevel.INCLUDED if src_uri in in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, src_uri, content=content, inclusion=inclusion)
        if src_uri.startswith("praktijken/") and src_uri != "praktijken/index.md" and edit_base:
            # Material's own edit button points at the record, not at a docs/ page.
            slug = src_uri[len("praktijken/"):-3]
            view = site["per_slug"].get(slug)
            if view:
                file.edit_uri = "../" + view["repo_pad"]
        files.append(file)
    site_url = config.site_url or ""
    root = Path(config.config_file_path).resolve().parent
    for src_uri, content in {**opendata.files(site, vocab, site_url=site_url, today=today),
                             **budget_page.files(root)}.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    files.append(File.generated(config, "schema/praktijk.schema.json", abs_src_path=str(vocab_module.SCHEMA_PATH)))
    log.info("Praktijkenbank: %d praktijken, %d gegenereerde pagina's.", site["aantal"], len(pages))
    return files


def on_page_content(html, page, config, files, **kwargs):
    """Insert the long practice lists that were kept out of the Markdown (cheap string work)."""
    if _renderer is not None and page.file.generated_by is not None:
        return _renderer.fill(page.file.src_uri, html)
    return html


# -------------------------------------------------------------------- serve --

def on_serve(server, config, builder, **kwargs):
    server.watch(str(practices_dir(config)))
    server.watch(str(vocab_module.DATA_DIR))
    server.watch(str(render.TEMPLATE_DIR))
    return server


# ------------------------------------------------------------------- search --
# Finder (zoeken/): word index, facet rows and result cards of the practices, see
# tools/praktijkenbank/search_index.py. A failure fails the build (Dutch message).

def on_post_build(config, **kwargs):
    from praktijkenbank import search_index

    search_index.on_post_build(config)
