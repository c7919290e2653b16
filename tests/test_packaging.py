"""Packaging metadata: the licence is an SPDX expression that the pinned setuptools accepts."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_license_is_an_spdx_string():
    # The TOML table form ({ text = ... }) is deprecated since setuptools 77 (PEP 639).
    assert PYPROJECT["project"]["license"] == "EUPL-1.2"


def test_build_backend_is_pinned_to_a_setuptools_that_reads_spdx():
    (requirement,) = PYPROJECT["build-system"]["requires"]
    match = re.fullmatch(r"setuptools==(\d+)\.(\d+)\.(\d+)", requirement)
    assert match, requirement
    assert int(match.group(1)) >= 77


def test_installed_metadata_carries_the_license_expression():
    """`make setup` built this package with the pinned backend: the metadata says EUPL-1.2 (PEP 639)."""
    metadata = importlib.metadata.metadata("praktijkenbank")
    assert metadata["License-Expression"] == "EUPL-1.2"
    assert metadata["License"] is None


def test_python_dash_m_runs_the_command_line(tmp_path):
    """`python -m praktijkenbank` is the command line (the Windows route in CONTRIBUTING uses it)."""
    result = subprocess.run([sys.executable, "-m", "praktijkenbank", "valideer", str(tmp_path)],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "In orde" in result.stderr
