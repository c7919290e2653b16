"""MkDocs hooks for the praktijkenbank (registered under ``hooks:`` in mkdocs.yml).

A thin layer around the pure core in ``tools/praktijkenbank``:

* ``on_config``: drop nav entries of optional static pages that do not exist
  (yet), list every page under docs/kennis/, and clear the vocabulary cache so
  ``mkdocs serve`` picks up changed data files; hand the licence
  (data/licentie.yaml) to the theme as ``extra.licentie``.
* ``on_files``: load and validate all practice records once, then add every
  generated page (fiches, SDG/5P/theme/phase/level/province/government pages,
  indexes, home) and the open-data files as virtual files (the npm libraries
  of the browser are committed under docs/assets/vendor/, see vendor.py). Nothing generated is ever
  written to docs/. A fiche gets an edit link only if its record is in this
  repository.
* ``on_page_content``: put the long lists back into generated pages and drop
  the permalink of the page title (html_tweaks).
* ``on_serve``: also watch the practice records, the vocabularies and the
  page templates.
* ``on_startup``: remember whether this is ``mkdocs serve``: there, records
  with errors give a site whose pages list the errors (serve_errors.py) and
  that turns back into the normal site once they are fixed; ``mkdocs build``
  stops with the same messages. ``make serve`` runs ``serve --dirty``: per-record
  work comes from buildcache.py (keyed by content) and serve_dirty.py tells
  MkDocs which pages did not change, so a save redoes only what it changes.

Environment variables (all optional):

``PRAKTIJKENBANK_CONTENT_DIR``
    Folder that holds the record folders (``practices/``, ``instruments/``,
    ``procurement/``, ``dossiers/``; default: the folder of mkdocs.yml).
    ``practices/`` must exist there; the other folders may be missing.
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

from praktijkenbank.records import gitdates
from praktijkenbank import load_practices, validate_paths
from praktijkenbank.site import opendata, render, repo_links, serve_errors
from praktijkenbank.site import charts, html_tweaks, licentie, model, modeltext_files, serve_dirty
from praktijkenbank import buildcache
from mkdocs.utils import clean_directory
from praktijkenbank.projectscan import page as projectscan
from praktijkenbank.records import vocab as vocab_module
from praktijkenbank.records import moved as moved_module
from praktijkenbank.budget import page as budget_page
from praktijkenbank.rapport import page as report_page
from praktijkenbank.budget.suggest_model import ModelError
from praktijkenbank.clausules import page as clausules_page

log = logging.getLogger("mkdocs.hooks.praktijkenbank")

ENV_CONTENT = "PRAKTIJKENBANK_CONTENT_DIR"
ENV_TODAY = "PRAKTIJKENBANK_TODAY"
ENV_SKIP_VALIDATION = "PRAKTIJKENBANK_SKIP_VALIDATION"

# Static pages owned by other parts of the project: their nav entry is kept only when the file exists.
OPTIONAL_STATIC = {"zoeken/index.md", "bijdragen.md", "kennis/index.md"}

_renderer: render.Renderer | None = None  # of the current build, for on_page_content
_command: str | None = None  # 'serve' or 'build' (on_startup); only 'serve' shows record errors as a page
_errors: list | None = None  # the record errors of the current serve build (error site), else None
_dirty = False  # 'mkdocs serve --dirty' (make serve): only changed pages are rendered again (serve_dirty.py)


def content_dir(config) -> Path:
    configured = os.environ.get(ENV_CONTENT)
    if configured:
        return Path(configured).resolve()
    return Path(config.config_file_path).resolve().parent


def record_dirs(config) -> list[Path]:
    """The folder of every kind of record under the content folder (that exists)."""
    root = content_dir(config)
    return [root / kind.folder for kind in vocab_module.load_vocab().kinds.values() if (root / kind.folder).is_dir()]


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
    buildcache.enabled = _command == "serve"  # a single build computes everything once anyway
    if not buildcache.begin():  # serve keeps them while no vocabulary or template changed
        vocab_module.load_vocab.cache_clear()
        render.environment.cache_clear()
        licentie.load.cache_clear()
    config.extra["licentie"] = licentie.load()  # footer and the print view of a fiche
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
    """Load (and unless skipped, validate) every record: (records, []); on errors stop the build,
    except in `mkdocs serve`: (None, errors) for the error site."""
    practices_folder = content_dir(config) / vocab_module.load_vocab().kinds["praktijk"].folder
    if not practices_folder.is_dir():
        raise PluginError(f"de map met praktijken bestaat niet: {practices_folder}")
    folders = record_dirs(config)
    if os.environ.get(ENV_SKIP_VALIDATION) == "1":
        log.warning("Records worden NIET gevalideerd (%s=1): alleen voor tests.", ENV_SKIP_VALIDATION)
        practices, problems = load_practices(folders)
    else:
        practices, problems = validate_paths(folders, today=today)
    errors = [p for p in problems if p.is_error]
    for problem in problems:
        if not problem.is_error:
            # INFO, not WARNING: warnings about records must not fail 'mkdocs build --strict'.
            log.info(problem.format())
    if errors and _command == "serve":  # the error site (serve_errors.py) instead of a stuck browser page
        for line in serve_errors.terminal_lines(errors):
            log.error(line)
        return None, errors
    if errors:
        count = len(errors)
        lines = "\n".join(p.format() for p in errors)
        raise PluginError(
            f"de site wordt niet gebouwd: {count} {'fout' if count == 1 else 'fouten'} in de records.\n"
            f"{lines}\nVerbeter de fouten en bouw opnieuw (controle zonder bouwen: 'praktijkenbank valideer').")
    return practices, []


def _edit_base(config) -> str | None:
    """'<repo_url>/edit/<branch>/' from repo_url + edit_uri ('edit/main/docs/' -> 'edit/main/')."""
    if not config.repo_url or not config.edit_uri:
        return None
    base = urljoin(config.repo_url.rstrip("/") + "/", config.edit_uri)
    return urljoin(base, "../") if base.rstrip("/").endswith("/docs") else base


class _QuietDirty(logging.Filter):
    """'make serve' asks for --dirty on purpose (serve_dirty.py keeps it exact): no warning per rebuild."""

    def filter(self, record):
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def on_startup(command, dirty, **kwargs):
    global _command, _dirty
    _command, _dirty = command, dirty
    if command == "serve" and dirty:
        for engine in ("mkdocs", "properdocs"):
            logging.getLogger(f"{engine}.commands.build").addFilter(_QuietDirty())


def _error_site(files: Files, config, errors: list) -> Files:
    """Serve mode with record errors: only the static files and a home page that lists the errors."""
    global _renderer, _errors
    _renderer, _errors = None, errors
    if _dirty:  # no stale pages of the last good build: every address shows the errors
        serve_dirty.reset()
        clean_directory(config.site_dir)
    kept = Files([file for file in files if not file.is_documentation_page()])
    kept.append(File.generated(config, "index.md", content=serve_errors.home_page(errors)))
    config.nav = [{serve_errors.TITLE: "index.md"}]
    return kept


def on_files(files: Files, config, **kwargs):
    global _errors
    _errors = None
    today = build_date()
    practices, errors = _load(config, today)
    if errors:
        return _error_site(files, config, errors)
    vocab = vocab_module.load_vocab()
    repo_root = Path(config.config_file_path).resolve().parent
    changed, entered = gitdates.history(repo_root, [str(folder) for folder in record_dirs(config)])
    site = model.build_site(practices, vocab, today, repo_root=repo_root, changed=changed, entered=entered)
    edit_base = _edit_base(config)
    renderer = render.Renderer(site, vocab, edit_base=edit_base, use_directory_urls=config.use_directory_urls,
                               extra={"heeft_bijdragen": files.get_file_from_path("bijdragen.md") is not None,
                                      "sdg_grafiek": charts.home_chart(site, vocab)})
    in_nav = {_nav_path(item) for item in (config.nav or [])}
    pages = renderer.pages()
    records = {f"{vocab.kinds[v['soort']].site}/{v['slug']}.md": v
               for kind in vocab.kinds.values() for v in site[kind.plural]}
    try:  # SDG-projectscan (projectscan/): its own module, template and data file
        pages[projectscan.SRC_URI] = projectscan.page(vocab, use_directory_urls=config.use_directory_urls,
                                                      instruments=site["instrumenten"])
    except projectscan.ScanDataError as error:
        raise PluginError(str(error)) from None
    try:  # SDG-begrotingsscan (begroting/): a broken suggestion data file is a build error, not a traceback
        pages.update({**charts.pages(renderer), **budget_page.pages(renderer)})
        budget_files = budget_page.files(repo_root)
    except ModelError as error:
        raise PluginError(f"de gegevens van de SDG-suggesties kloppen niet: {error}") from None
    pages.update(clausules_page.pages(renderer))  # clause builder (clausules/)
    pages.update(report_page.pages(renderer))  # SDG-rapportbouwer (rapport/)
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
        view = records.get(src_uri)
        if view and edit_base and view["bewerkbaar"]:
            # Material's own edit button points at the record, not at a docs/ page.
            file.edit_uri = "../" + view["repo_pad"]
        files.append(file)
    site_url = config.site_url or ""
    for src_uri, content in {**opendata.files(site, vocab, site_url=site_url, today=today),
                             **budget_files, **modeltext_files.files(site),
                             **clausules_page.files(today), **report_page.files(site)}.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    for kind in vocab.kinds.values():
        files.append(File.generated(config, f"schema/{kind.schema_file}", abs_src_path=str(kind.schema_path)))
    # Old addresses of records that moved: only where the new page is part of this build, and never
    # over a page that exists again.
    urls = {file.url for file in files.documentation_pages()}
    _check_moved(vocab.moved, urls, own_content=not os.environ.get(ENV_CONTENT))
    moved = [entry for entry in vocab.moved if entry["naar"] in urls]
    for src_uri, content in renderer.redirects(moved).items():
        if files.get_file_from_path(src_uri) is None and src_uri[:-len("index.html")] not in urls:
            files.append(File.generated(config, src_uri, content=content))
    log.info("Praktijkenbank: %d praktijken, %d instrumenten, %d productgroepen, %d dossiers, %d indicatoren; "
             "%d gegenereerde pagina's.", site["aantal"], len(site["instrumenten"]), len(site["productgroepen"]),
             len(site["dossiers"]), len(site["indicatoren"]), len(pages))
    if _command == "serve" and _dirty:
        log.info("Praktijkenbank: %d pagina's opnieuw opgemaakt (de rest is ongewijzigd).", serve_dirty.mark(files, config, renderer.slots.get))
    renderer.release()
    return files


def _check_moved(entries: list[dict], urls: set[str], own_content: bool) -> None:
    """verhuisd.yaml is checked like a record: its mistakes stop the build ('valideer' reports the same).
    Whether a target exists is only checked for the bank's own records (a test bank has other pages)."""
    problems = moved_module.read()[1]
    if own_content:
        problems += moved_module.check_pages(entries, urls)
    if problems:
        lines = "\n".join(p.format() for p in problems)
        message = f"verhuisd.yaml heeft {len(problems)} {'fout' if len(problems) == 1 else 'fouten'}:\n{lines}"
        if _command == "serve":
            log.error(message)
        else:
            raise PluginError(message + "\nVerbeter ze en bouw opnieuw (controle zonder bouwen: 'praktijkenbank valideer').")


def on_env(env, config, files, **kwargs):
    """Serve: the theme's templates too are compiled once per process (buildcache.py)."""
    if buildcache.enabled:
        env.bytecode_cache = buildcache.bytecode_cache()
    return env


def on_template_context(context, template_name, config, **kwargs):
    """The 404 page of the error site lists the errors too (and reloads itself: error pages get no livereload)."""
    if _errors and template_name == "404.html":
        context["pb_bouwfouten"] = serve_errors.errors_html(_errors, reload_script=True)
    return context


def on_page_markdown(markdown, page, config, files, **kwargs):
    """Static pages write {{ repo_url }} and {{ branch }}: links that follow a fork's configuration."""
    if page.file.generated_by is None:
        return repo_links.fill(markdown, config.repo_url, config.edit_uri)
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    """Insert the long practice lists that were kept out of the Markdown (cheap string work)."""
    if _renderer is not None and page.file.generated_by is not None:
        html = _renderer.fill(page.file.src_uri, html)
    return html_tweaks.drop_h1_permalink(html)


# -------------------------------------------------------------------- serve --

def on_serve(server, config, builder, **kwargs):
    for folder in record_dirs(config):
        server.watch(str(folder))
    server.watch(str(vocab_module.DATA_DIR))
    server.watch(str(render.TEMPLATE_DIR))
    return server


# ------------------------------------------------------------------- search --
# Finder (zoeken/): word index, facet rows and result cards of the practices, see
# tools/praktijkenbank/site/search_index.py. A failure fails the build (Dutch message).

def on_post_build(config, **kwargs):
    from praktijkenbank.site import search_index

    if _errors:  # the error site of 'mkdocs serve' has no records to index
        return

    search_index.on_post_build(config)
