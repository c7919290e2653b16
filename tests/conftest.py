"""Shared fixtures: real MkDocs builds in a temp dir, a local HTTP server, Chromium.

* ``build_site(content_dir, site_dir, ...)`` builds the real mkdocs.yml (with
  its hooks, docs/ and overrides/) from any content folder (one that holds
  practices/ and optionally instruments/, procurement/, dossiers/); no files are
  written outside ``site_dir``.
* ``fixture_site`` / ``real_site``: session-wide builds of tests/fixtures/site
  and of the repository's own records (built once, shared by the test modules).
* ``serve(site_dir)``: a static HTTP server on 127.0.0.1 that serves the site
  under the sub-path /praktijkenbank/ like GitHub Pages does for a project;
  stopped at the end of the session.
* ``browser``: Debian's Chromium through plain Playwright (no pytest-playwright),
  without any network access except 127.0.0.1.
* ``require_browser_tool``: a browser test whose tool (Chromium, axe-core from
  npm) is missing is skipped, or fails in CI (REQUIRE_BROWSER=1); at the end of
  the run a Dutch summary says which browser tests were skipped and why.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import datetime as dt
import functools
import http.server
import os
import shutil
import threading
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES_SITE = ROOT / "tests" / "fixtures" / "site"  # a content folder: practices/, instruments/, ...
PRACTICES = ROOT / "practices"
ARTIFACTS = ROOT / "test-artifacts"
TODAY = dt.date(2026, 11, 23)
SUBPATH = "/praktijkenbank/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@contextlib.contextmanager
def _environ(**values):
    old = {k: os.environ.get(k) for k in values}
    try:
        for key, value in values.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        yield
    finally:
        for key, value in old.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def record_dirs(content_dir: Path) -> list[Path]:
    """The record folders (practices/, instruments/, ...) that exist in a content folder."""
    return [content_dir / name for name in ("practices", "instruments", "procurement", "dossiers", "indicators")
            if (content_dir / name).is_dir()]


def build_site(content_dir: Path, site_dir: Path, *, strict: bool = True, today: dt.date = TODAY,
               skip_validation: bool = False, **config_overrides) -> Path:
    """Build the real site configuration from ``content_dir`` into ``site_dir``.

    Raises ``mkdocs.exceptions.Abort`` when the build fails (also on any
    warning, with ``strict``).
    """
    # In a worker thread: Playwright's sync API runs an asyncio loop in the main
    # thread, and the search-index step of the build calls asyncio.run().
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_build_site, content_dir, site_dir, strict, today, skip_validation,
                           config_overrides).result()


def _build_site(content_dir, site_dir, strict, today, skip_validation, config_overrides) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _environ(PRAKTIJKENBANK_CONTENT_DIR=str(content_dir), PRAKTIJKENBANK_TODAY=today.isoformat(),
                  PRAKTIJKENBANK_SKIP_VALIDATION="1" if skip_validation else None,
                  SITE_URL=None, REPO_URL=None, EDIT_URI=None):
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), strict=strict, site_dir=str(site_dir),
                             **config_overrides)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    return site_dir


def docs_without(target: Path, *excluded: str) -> Path:
    """Copy of docs/ without some sub-folders: the kennis pages link to real practices,
    which do not exist in a build of the test fixtures."""
    shutil.copytree(ROOT / "docs", target, ignore=lambda folder, names: [
        n for n in names if Path(folder) == ROOT / "docs" and n in excluded])
    return target


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("fixture-site")
    return build_site(FIXTURES_SITE, tmp / "site", docs_dir=str(docs_without(tmp / "docs", "kennis")))


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    # The real records are dated up to today: build them as of today, not as of the fixtures' TODAY.
    return build_site(ROOT, tmp_path_factory.mktemp("real-site") / "site", today=dt.date.today())


# -------------------------------------------------------------- HTTP server --

class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` under SUBPATH only (like a GitHub Pages project site)."""

    def translate_path(self, path):
        clean = path.split("?", 1)[0].split("#", 1)[0]
        if not clean.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside_the_site__")
        return super().translate_path("/" + clean[len(SUBPATH):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()  # like GitHub Pages: the site's own 404 page
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):  # keep test output quiet
        pass


@pytest.fixture(scope="session")
def serve():
    """``serve(site_dir) -> base URL`` ('http://127.0.0.1:<port>/praktijkenbank/')."""
    servers = []

    def start(site_dir: Path) -> str:
        handler = functools.partial(_SubPathHandler, directory=str(site_dir))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        servers.append((server, thread))
        return f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"

    yield start
    for server, thread in servers:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# ------------------------------------------------------------------ browser --

def require_browser_tool(available: bool, what: str, install: str) -> None:
    """Skip a browser test whose tool is missing; in CI (REQUIRE_BROWSER=1) a skip does not count: fail."""
    if available:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} ontbreekt, maar REQUIRE_BROWSER=1: hier moeten de browsertests draaien ({install})")
    pytest.skip(f"{what} ontbreekt ({install})")


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def add_axe(page) -> None:
    """Load axe-core into ``page``; without it (no npm) the test is skipped, in CI it fails."""
    require_browser_tool(AXE.is_file(), "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")
    page.add_script_tag(path=str(AXE))


BROWSER_TOOLS = ("chromium", "axe-core", "node", "npm")


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Say in Dutch, at the end of the run, which browser tests were skipped and why."""
    skipped: dict[str, list[str]] = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = str(report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr)
        reason = reason.removeprefix("Skipped: ")
        if "browser" in report.keywords or any(tool in reason.lower() for tool in BROWSER_TOOLS):
            skipped.setdefault(reason, []).append(report.nodeid.split("::")[0])
    if not skipped:
        return
    write = terminalreporter.write_line
    terminalreporter.write_sep("=", "Overgeslagen browsertests")
    for reason, files in skipped.items():
        write(f"{len(files)} {'browsertest' if len(files) == 1 else 'browsertests'} overgeslagen: {reason}")
        for name, count in sorted(Counter(files).items()):
            write(f"    {name}: {count}")
    write("Alle andere tests zijn wel gedraaid. In CI zijn de browsertests verplicht (REQUIRE_BROWSER=1):")
    write("daar faalt de run als ze niet kunnen draaien. Om ze hier te draaien: installeer Chromium")
    write("(Debian: apt-get install chromium) en Node.js met npm, en voer 'make test' opnieuw uit.")


@pytest.fixture(scope="session")
def browser():
    require_browser_tool(Path(CHROMIUM).exists(), CHROMIUM, "Debian: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-BE")
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def indicator_site(tmp_path_factory) -> Path:
    """The fixture bank plus the test indicators of tests/fixtures/rapport/ (report builder, indicator pages)."""
    tmp = tmp_path_factory.mktemp("indicator-site")
    content = tmp / "content"
    shutil.copytree(FIXTURES_SITE, content)
    shutil.copytree(ROOT / "tests" / "fixtures" / "rapport" / "indicators", content / "indicators", dirs_exist_ok=True)
    return build_site(content, tmp / "site", today=dt.date(2026, 12, 5), docs_dir=str(docs_without(tmp / "docs", "kennis")))
