"""Without npm or Chromium (a contributor's Windows or Mac, a machine without root): `make test` runs
everything else and says, in Dutch, which browser tests were skipped and why; CI still requires them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

INNER_TESTS = '''
import pytest
from conftest import require_browser_tool

pytestmark = pytest.mark.browser

def test_needs_chromium():
    require_browser_tool(False, "/usr/bin/chromium", "Debian: apt-get install chromium")

def test_needs_axe():
    require_browser_tool(False, "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")

def test_also_needs_axe():
    require_browser_tool(False, "axe-core (node_modules/axe-core)", "npm ci in de hoofdmap")

def test_something_else():
    assert True
'''


def _inner_run(tmp_path: Path, **env) -> subprocess.CompletedProcess:
    shutil.copyfile(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_inner.py").write_text(INNER_TESTS, encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if k != "REQUIRE_BROWSER"} | env
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore",
                           "--rootdir", str(tmp_path), str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path, env=environment, timeout=120)


def test_skipped_browser_tests_are_summarised_in_dutch(tmp_path):
    result = _inner_run(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "1 passed, 3 skipped" in out
    summary = out.split("Overgeslagen browsertests", 1)[1]
    assert "1 browsertest overgeslagen: /usr/bin/chromium ontbreekt (Debian: apt-get install chromium)" in summary
    assert "2 browsertests overgeslagen: axe-core (node_modules/axe-core) ontbreekt (npm ci in de hoofdmap)" in summary
    assert "test_inner.py: 2" in summary
    assert "In CI zijn de browsertests verplicht (REQUIRE_BROWSER=1)" in summary


def test_in_ci_a_missing_browser_tool_fails(tmp_path):
    result = _inner_run(tmp_path, REQUIRE_BROWSER="1")
    assert result.returncode == 1
    assert "3 failed, 1 passed" in result.stdout
    assert "ontbreekt, maar REQUIRE_BROWSER=1" in result.stdout


def test_no_summary_when_nothing_was_skipped(tmp_path):
    shutil.copyfile(ROOT / "tests" / "conftest.py", tmp_path / "conftest.py")
    (tmp_path / "test_inner.py").write_text("def test_ok():\n    pass\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert "Overgeslagen browsertests" not in result.stdout


@pytest.mark.skipif(shutil.which("make") is None, reason="make ontbreekt")
def test_make_without_npm_goes_on(tmp_path):
    """The npm step of `make test` explains and carries on when npm is missing (it used to stop make)."""
    for name in ("Makefile", "package.json", "package-lock.json"):
        shutil.copyfile(ROOT / name, tmp_path / name)
    bare = tmp_path / "bin"
    bare.mkdir()
    for tool in ("sh", "bash", "touch", "echo"):
        found = shutil.which(tool)
        if found:
            (bare / tool).symlink_to(found)
    result = subprocess.run([shutil.which("make"), "node_modules/.installed"], capture_output=True, text=True,
                            cwd=tmp_path, env={"PATH": str(bare), "HOME": str(tmp_path)}, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "npm ontbreekt: de toegankelijkheidstests (axe-core) worden overgeslagen; de rest draait wel." in result.stderr
    assert not (tmp_path / "node_modules" / ".installed").exists()  # asked again next time


def test_the_node_tests_skip_without_node(tmp_path):
    """CONTRIBUTING's route without npm: the JavaScript twins of the budget scan skip (they used to error)."""
    python_dir = str(Path(sys.executable).parent)
    environment = {k: v for k, v in os.environ.items() if k != "REQUIRE_BROWSER"} | {"PATH": python_dir}
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                             str(ROOT / "tests" / "test_begroting.py"), "-k", "javascript or cli_csv"],
                            capture_output=True, text=True, cwd=ROOT, env=environment, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    assert " error" not in result.stdout and "failed" not in result.stdout
    assert "browsertests overgeslagen: node ontbreekt" in result.stdout


def _functions_loading_axe():
    import ast

    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if path.name == "test_without_tools.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                source = ast.get_source_segment(path.read_text(encoding="utf-8"), node) or ""
                if "add_script_tag(path=str(AXE))" in source:
                    yield f"{path.name}::{node.name}", source


def test_every_axe_test_skips_without_npm():
    """A test that loads axe-core checks first that it is there (skip with the Dutch summary; CI: fail)."""
    unguarded = [name for name, source in _functions_loading_axe()
                 if "require_browser_tool" not in source and "pytest.skip" not in source]
    assert unguarded == []
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        if path.name == "test_without_tools.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"pytest\.fail\([^)]*(npm|node_modules|axe-core)", text), path.name
