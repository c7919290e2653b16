"""The benchmarks measure a bank the build accepts: the generated practices are valid records.

(A generator that fell behind the schema made every benchmark build stop at validation.)
"""

from __future__ import annotations

import datetime as dt
import importlib.util

from conftest import ROOT
from praktijkenbank import validate_paths


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "benchmarks" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_practices_validate_without_problems(tmp_path):
    today = dt.date(2026, 11, 23)
    paths = _generator().generate(200, tmp_path / "practices", seed=3, today=today)
    assert len(paths) == 200
    _, problems = validate_paths([tmp_path / "practices"], today=today)
    assert [p.format() for p in problems] == []
