"""`mkdocs serve` (make serve) with an error in a record: the browser shows the errors and recovers.

A real development server on a free port of 127.0.0.1, serving a temporary copy
of the fixture records (PRAKTIJKENBANK_CONTENT_DIR): break a record, see the
Dutch error with file:line:column on the page, fix it, see the normal page again.
`mkdocs build` still stops on the same error (test_site_build.py). The server runs with --dirty,
like `make serve` (only changed pages are made again, see serve_dirty.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURES_SITE, ROOT, TODAY, require_browser_tool

SLUG = "borsbeek-fairtrade-aankopen"
FICHE = f"praktijken/{SLUG}/"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def _wait_for(url: str, predicate, what: str, timeout: float = 90) -> tuple[int, str]:
    deadline = time.monotonic() + timeout
    last = (0, "")
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            last = _get(url)
            if predicate(*last):
                return last
        time.sleep(0.3)
    raise AssertionError(f"{what}: not seen within {timeout} s (last: {last[0]} {last[1][:300]!r})")


@pytest.fixture
def content(tmp_path) -> Path:
    target = tmp_path / "inhoud"
    shutil.copytree(FIXTURES_SITE, target)
    return target


@contextlib.contextmanager
def _serve(content: Path, log: Path, engine: str = "properdocs"):
    port = _free_port()
    env = dict(os.environ, PRAKTIJKENBANK_CONTENT_DIR=str(content), PRAKTIJKENBANK_TODAY=TODAY.isoformat(),
               NO_MKDOCS_2_WARNING="1")
    env.pop("PRAKTIJKENBANK_SKIP_VALIDATION", None)
    with open(log, "w", encoding="utf-8") as output:
        process = subprocess.Popen([sys.executable, "-m", engine, "serve", "--dirty", "--livereload", "--dev-addr",
                                    f"127.0.0.1:{port}", "-f", str(ROOT / "mkdocs.yml")],
                                   cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            yield f"http://127.0.0.1:{port}/praktijkenbank/"
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _break(record: Path) -> tuple[int, int, str]:
    """niveau: starter -> niveau: expertt; returns the line and column of the wrong value, and the old line."""
    lines = record.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("niveau: "))
    original = lines[number]
    lines[number] = "niveau: expertt"
    record.write_text("\n".join(lines), encoding="utf-8")
    return number + 1, len("niveau: ") + 1, original


def _fix(record: Path, original: str):
    record.write_text(record.read_text(encoding="utf-8").replace("niveau: expertt", original), encoding="utf-8")


def _is_error_page(status, text):
    return "De site kan niet gebouwd worden" in text


def _is_fiche(status, text):
    return status == 200 and "De site kan niet gebouwd worden" not in text and "<h1" in text


@pytest.mark.build
@pytest.mark.parametrize("engine", ["properdocs", "mkdocs"])
def test_serve_shows_the_errors_and_recovers(content, tmp_path, engine):
    record = content / "practices" / f"{SLUG}.md"
    with _serve(content, tmp_path / "serve.log", engine) as base:
        status, first = _wait_for(base + FICHE, _is_fiche, "the normal fiche")
        line, column, original = _break(record)
        expected = f"practices/{SLUG}.md:{line}:{column}: niveau: fout: &#x27;expertt&#x27; is geen toegelaten waarde."
        _, page = _wait_for(base + FICHE, _is_error_page, "the error page after breaking the record")
        assert expected in page
        assert "tip: Toegelaten: starter, gevorderd." in page
        assert "livereload" in page  # the 404 page of the error site reloads itself
        status, home = _get(base)
        assert status == 200 and expected in home  # the home page too, with the server's livereload
        _fix(record, original)
        status, again = _wait_for(base + FICHE, _is_fiche, "the normal fiche after the fix")
        assert "expertt" not in again
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert f"{SLUG}.md:{line}:{column}: niveau: fout: 'expertt' is geen toegelaten waarde." in log
    assert "Traceback" not in log


@pytest.mark.build
def test_serve_starts_with_an_error_and_recovers(content, tmp_path):
    """The first build already fails: the server still starts and shows the errors."""
    record = content / "practices" / f"{SLUG}.md"
    line, column, original = _break(record)
    with _serve(content, tmp_path / "serve.log") as base:
        _, page = _wait_for(base, _is_error_page, "the error page")
        assert f"practices/{SLUG}.md:{line}:{column}: niveau: fout:" in page
        _fix(record, original)
        _wait_for(base + FICHE, _is_fiche, "the normal fiche after the fix")


@pytest.mark.browser
@pytest.mark.build
def test_the_open_page_reloads_to_the_errors_and_back(content, tmp_path, browser, artifacts):
    """In Chromium: the fiche that is open turns into the error list by itself, and back after the fix."""
    record = content / "practices" / f"{SLUG}.md"
    with _serve(content, tmp_path / "serve.log") as base:
        _wait_for(base + FICHE, _is_fiche, "the normal fiche")
        for width, height, name in ((1280, 900, "desktop"), (390, 844, "telefoon")):
            context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-BE")
            page = context.new_page()
            try:
                page.goto(base + FICHE)
                heading = page.locator("article h1").first.get_attribute("id")
                line, column, original = _break(record)
                errors = page.locator(".pb-bouwfouten")
                errors.wait_for(timeout=60_000)
                assert f"{SLUG}.md:{line}:{column}: niveau: fout: 'expertt' is geen toegelaten waarde." in errors.inner_text()
                page.screenshot(path=str(artifacts / f"serve-fouten-{name}.png"), full_page=True)
                if name == "desktop":
                    require_browser_tool(AXE.is_file(), "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")
                    page.add_script_tag(path=str(AXE))
                    result = page.evaluate("async () => await axe.run(document)")
                    assert [v["id"] for v in result["violations"]] == []
                _fix(record, original)
                page.locator(f"article h1#{heading}").wait_for(timeout=60_000)
                assert page.locator(".pb-bouwfouten").count() == 0
            finally:
                context.close()
