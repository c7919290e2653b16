"""SDG suggestions for 11,000 actions (all Flemish investment actions of one plan period), side by
side with reading the same file without suggestions, in Chromium and in the CLI.

The file: the projects export ("meerjarenplan projecten") built from the actions of the three
sample plans in shared/data/meerjarenplannen/ (Zoersel, Knokke-Heist, Oostrozebeke), repeated
until 11,000 actions. Every copy gets its own action code and a street or place name from the
plans in its text, so the texts stay as varied as in a real file (the engine caches per word and
per text; identical copies would flatter it).

* CLI: ``praktijkenbank begroting FILE --json OUT`` and the same with ``--suggesties`` (wall time of
  a fresh process, Python start included), and in-process: read_path() alone and a suggestion for
  every uncoded line (model built once, included), wall and CPU time (on a busy machine the wall
  time counts the waiting for a core too).
* Chromium (Debian, Playwright): the page's scripts on an empty page; in-page timings of
  readBudget() alone and of the suggestions for every line (model JSON parsed, included), and the
  size of the model JSON (raw and gzip).
* Both sides must give the same suggestions (compared as JSON).

    python benchmarks/bench_suggest.py [--actions 11000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import OUT, ROOT, TODAY, machine, save

sys.path.insert(0, str(ROOT / "tests"))
SAMPLES = ["projecten-zoersel.csv", "projecten-knokke-heist.csv", "projecten-oostrozebeke.csv"]


def shared_dir() -> Path:
    for base in (ROOT.parent, ROOT.parents[1]):
        folder = base / "shared" / "data" / "meerjarenplannen"
        if folder.is_dir():
            return folder
    raise SystemExit("shared/data/meerjarenplannen/ niet gevonden naast de repository")


def generate(actions: int, folder: Path) -> Path:
    """The 11,000-action projects export (fixed seed)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"projecten-{actions}.csv"
    if path.exists():
        return path
    rng = random.Random(1)
    header, rows = None, []
    for name in SAMPLES:
        with open(shared_dir() / name, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle, delimiter=";")
            header = next(reader)
            rows += [row for row in reader if row]
    places = sorted({w for row in rows for w in re.findall(r"\b[A-Z][a-zë]+(?:straat|laan|weg|dreef|plein|lei|baan)\b", row[3])})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for n in range(actions):
        row = list(rows[n % len(rows)])
        place = rng.choice(places)
        row[3] = re.sub(r"Code: ?\S*", f"Code: B{n:06d}", row[3], count=1)
        row[3] = re.sub(r"(Korte omschrijving: )(.*)", lambda m: f"{m.group(1)}{m.group(2)} {place} {n}", row[3], count=1)
        writer.writerow(row)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def python_side(path: Path) -> dict:
    from praktijkenbank.budget import lines as per_line
    from praktijkenbank.budget import suggest
    from praktijkenbank.budget.parse import read_path

    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        for key, extra in (("cli_s", []), ("cli_suggesties_s", ["--suggesties"])):
            start = time.perf_counter()
            subprocess.run([str(ROOT / ".venv" / "bin" / "praktijkenbank"), "begroting", str(path), *extra,
                            "--json", str(Path(tmp) / "uit.json")], check=True, capture_output=True)
            result[key] = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    parsed = read_path(path)
    result["read_s"], result["read_cpu_s"] = time.perf_counter() - start, time.process_time() - cpu
    suggest.load_model.cache_clear()
    start, cpu = time.perf_counter(), time.process_time()
    found = per_line.suggestions(parsed)
    result["suggest_s"], result["suggest_cpu_s"] = time.perf_counter() - start, time.process_time() - cpu
    result["lines"] = len(parsed["regels"])
    result["suggestions"] = [found[line["rij"]] for line in parsed["regels"] if line["rij"] in found]
    return result


BROWSER_JS = """([spec, modelText, text, name]) => {
  const ns = globalThis.PbBegroting;
  const bytes = new TextEncoder().encode(text);
  const t0 = performance.now();
  const parsed = ns.lezen.readBudget(spec, bytes, name, null);
  const t1 = performance.now();
  const model = JSON.parse(modelText);
  const out = [];
  for (const line of parsed.regels) {
    if (!line.sdgs.length) out.push(ns.suggesties.suggest(model, {beleidsveld: line.beleidsveld || null, teksten: line.teksten}));
  }
  const t2 = performance.now();
  return {read_ms: t1 - t0, suggest_ms: t2 - t1, lines: parsed.regels.length, suggestions: out};
}"""


def browser_side(page, spec: dict, model_text: str, path: Path) -> dict:
    page.set_content("<!doctype html><html lang='nl'><head><title>bench</title></head><body></body></html>")
    for script in [ROOT / "node_modules" / "papaparse" / "papaparse.min.js", ROOT / "node_modules" / "fflate" / "umd" / "index.js"]:
        page.add_script_tag(path=str(script))
    for name in ["waarden", "xlsx", "sdgtekst", "formaten", "lezen", "suggesties"]:
        page.add_script_tag(path=str(ROOT / "docs" / "assets" / "begroting" / f"{name}.js"))
    page.add_script_tag(path=str(ROOT / "docs" / "assets" / "zoeker" / "zoektaal.js"))
    return page.evaluate(BROWSER_JS, [spec, model_text, path.read_text(encoding="utf-8"), path.name])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actions", type=int, default=11_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    from praktijkenbank.budget.page import suggestion_model_json
    from praktijkenbank.budget.parse import browser_spec

    path = generate(args.actions, OUT / "suggesties")
    model_bytes = suggestion_model_json()
    runs: dict[str, list[float]] = {}
    same = True
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for _ in range(args.repeat):
            inside = browser_side(page, browser_spec(), model_bytes.decode("utf-8"), path)
            python = python_side(path)
            same = same and inside["suggestions"] == python["suggestions"] and inside["lines"] == python["lines"]
            for key in ("read_ms", "suggest_ms"):
                runs.setdefault(key, []).append(inside[key])
            for key in ("cli_s", "cli_suggesties_s", "read_s", "suggest_s", "read_cpu_s", "suggest_cpu_s"):
                runs.setdefault(key, []).append(python[key])
        browser.close()
    med = {k: statistics.median(v) for k, v in runs.items()}
    row = {"file": path.name, "bytes": path.stat().st_size, "actions": python["lines"], "same": same,
           "model_bytes": len(model_bytes), "model_gzip_bytes": len(gzip.compress(model_bytes, 9)), "runs": runs, **med}
    saved = save("suggest", {"machine": machine(), "datum_build": TODAY,
                             "command": "python benchmarks/bench_suggest.py " + " ".join(sys.argv[1:] if argv is None else argv),
                             "rows": [row]})
    print("| acties | browser: lezen (ms) | browser: suggesties (ms) | CLI zonder --suggesties (s) | "
          "CLI met --suggesties (s) | Python: lezen (s; CPU) | Python: suggesties (s; CPU) | model JSON (kB, gzip) | zelfde |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    print(f"| {row['actions']:,} | {med['read_ms']:.0f} | {med['suggest_ms']:.0f} | {med['cli_s']:.2f} | "
          f"{med['cli_suggesties_s']:.2f} | {med['read_s']:.2f}; {med['read_cpu_s']:.2f} | "
          f"{med['suggest_s']:.2f}; {med['suggest_cpu_s']:.2f} | "
          f"{row['model_bytes'] / 1000:.0f} ({row['model_gzip_bytes'] / 1000:.0f}) | {'ja' if same else 'NEE'} |".replace(",", "."))
    print(f"(belasting van de machine tijdens de meting: {os.getloadavg()[0]:.1f} op {os.cpu_count()} kernen)")
    print(f"\n(resultaten ook in {saved})", file=sys.stderr)
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
