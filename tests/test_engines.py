"""Two engines, one site: ProperDocs (the maintained fork of MkDocs 1.x) and MkDocs 1.6.1 build the same
output from the same mkdocs.yml and hook; only the <meta name="generator"> tag names the engine."""

from __future__ import annotations

import datetime as dt

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from conftest import ROOT

ENGINES = ("properdocs", "mkdocs")
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(engine: str, site: Path) -> Path:
    env = dict(os.environ, PRAKTIJKENBANK_TODAY=dt.date.today().isoformat(), NO_MKDOCS_2_WARNING="1")
    for name in ("PRAKTIJKENBANK_CONTENT_DIR", "PRAKTIJKENBANK_SKIP_VALIDATION", "SITE_URL", "REPO_URL", "EDIT_URI"):
        env.pop(name, None)
    result = subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-d", str(site), "-f", str(ROOT / "mkdocs.yml")],
                            capture_output=True, text=True, env=env, timeout=600, cwd=ROOT)
    assert result.returncode == 0, f"{engine}: {result.stdout}{result.stderr}"
    assert "Traceback" not in result.stderr
    return site


@pytest.mark.build
def test_both_engines_build_the_same_site(tmp_path):
    sites = {engine: _build(engine, tmp_path / engine) for engine in ENGINES}
    files = {engine: sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
             for engine, site in sites.items()}
    assert files["properdocs"] == files["mkdocs"]
    assert len(files["mkdocs"]) > 100
    different = []
    for name in files["mkdocs"]:
        left, right = ((sites[engine] / name).read_bytes() for engine in ENGINES)
        if left != right and GENERATOR.sub(b"", left) != GENERATOR.sub(b"", right):
            different.append(name)
    assert different == []
    home = (sites["properdocs"] / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs 1.6.7" in home  # the engine really was ProperDocs


def test_both_engines_are_pinned():
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8").split()
    for pin in ("properdocs==1.6.7", "mkdocs==1.6.1"):
        assert pin in dependencies and pin in constraints


def test_make_ci_and_pages_use_the_same_engine():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    engine = re.search(r"^ENGINE \?= (\S+)", makefile, re.M).group(1)
    assert engine == ENGINES[0]
    assert f"{engine} build --strict -f mkdocs.yml" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert f"{engine} build --strict -f mkdocs.yml" in (ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8")
