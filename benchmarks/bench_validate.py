"""Validation benchmark on generated banks (median of --repeat rounds, the variants taking turns).

* ``valideer``: the real command, ``praktijkenbank valideer <folder>``, as its own
  process (start-up included; parallel on every core from a certain bank size);
* ``bare``: its anchor, benchmarks/bare_validate.py as its own process: read
  every file, C-YAML load of the front matter, the JSON Schema compiled by
  fastjsonschema; no positions, messages or cross-record checks;
* ``build``: ``validate_paths(full=True)`` in this process, what the site build
  does (complete records, one process).

Wall time is the goal's measure (``valideer`` ≤ 1.5 × ``bare``); CPU time is listed too.

    python benchmarks/bench_validate.py --sizes 1000 10000 [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path
import sys
import time

from common import ROOT, TODAY, measured, practices, print_table, save_rows


def main(argv=None) -> int:
    import datetime as dt

    from praktijkenbank.records.validate import validate_paths

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    today = dt.date.fromisoformat(TODAY)
    rows = []
    cli = str(Path(sys.executable).with_name("praktijkenbank"))
    for size in args.sizes:
        folder = practices(size)
        row = {"n": size}
        runs: dict[str, list] = {"valideer": [], "bare": [], "build": []}
        for _ in range(args.repeat):
            for name, command in (("valideer", [cli, "valideer", str(folder)]),
                                  ("bare", [sys.executable, str(ROOT / "benchmarks" / "bare_validate.py"), str(folder)])):
                run = measured(command)
                assert run["code"] == 0, run["log"]
                runs[name].append({"wall": run["wall"], "cpu": run["cpu"]})
            start, cpu = time.perf_counter(), time.process_time()
            records, problems = validate_paths([folder], today=today, full=True)
            runs["build"].append({"wall": time.perf_counter() - start, "cpu": time.process_time() - cpu})
            errors = sum(p.is_error for p in problems)
            assert len(records) == size and not errors, f"{errors} fouten in de gegenereerde praktijken"
        for name, values in runs.items():
            row[name] = {k: statistics.median(v[k] for v in values) for k in ("wall", "cpu")}
        row["runs"] = runs
        row["ratio_wall"] = row["valideer"]["wall"] / row["bare"]["wall"]
        row["ratio_cpu"] = row["valideer"]["cpu"] / row["bare"]["cpu"]
        rows.append(row)
        print(f"N={size}: valideer {row['valideer']['wall']:.2f} s, bare {row['bare']['wall']:.2f} s "
              f"({row['ratio_wall']:.2f}×), build {row['build']['wall']:.2f} s", file=sys.stderr)
    save_rows("validate", argv, rows)
    print_table(["N", "`praktijkenbank valideer`: muur / CPU (s)", "kale pas: muur / CPU (s)", "verhouding muur (CPU)",
                 "`validate_paths` in de build: muur (s)"],
                [[f"{r['n']:,}", f"{r['valideer']['wall']:.2f} / {r['valideer']['cpu']:.2f}",
                  f"{r['bare']['wall']:.2f} / {r['bare']['cpu']:.2f}", f"{r['ratio_wall']:.2f}× ({r['ratio_cpu']:.2f}×)",
                  f"{r['build']['wall']:.2f}"] for r in rows])
    return 0


if __name__ == "__main__":
    sys.exit(main())
