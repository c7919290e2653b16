"""Validation benchmark: ``validate_paths`` on generated banks (median of --repeat runs).

Both modes are timed: ``full=True`` is what the site build uses (complete
records, one process), ``full=False`` what ``praktijkenbank validate`` uses
(parallel on every core from a certain bank size).

    python benchmarks/bench_validate.py --sizes 1000 10000 [--repeat 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

from common import TODAY, machine, practices, save


def main(argv=None) -> int:
    import datetime as dt

    from praktijkenbank.records.validate import validate_paths

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    today = dt.date.fromisoformat(TODAY)
    rows = []
    for size in args.sizes:
        folder = practices(size)
        row = {"n": size}
        for label, full in (("build", True), ("cli", False)):
            times = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                records, problems = validate_paths([folder], today=today, full=full)
                times.append(time.perf_counter() - start)
            errors = sum(p.is_error for p in problems)
            assert len(records) == size and not errors, f"{errors} fouten in de gegenereerde praktijken"
            row[label] = statistics.median(times)
            row[label + "_runs"] = times
        rows.append(row)
        print(f"N={size}: build {row['build']:.2f} s, cli {row['cli']:.2f} s", file=sys.stderr)
    save("validate", {"machine": machine(), "command": "python benchmarks/bench_validate.py " + " ".join(
        sys.argv[1:] if argv is None else argv), "rows": rows})
    print("| N | validate_paths, full=True (build) (s) | full=False (CLI) (s) |")
    print("|---:|---:|---:|")
    for r in rows:
        print(f"| {r['n']:,} | {r['build']:.2f} | {r['cli']:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
