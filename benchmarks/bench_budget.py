"""SDG-begrotingsscan: a 50,000-line budget read and summarised in Chromium and by the CLI.

One generated file (fictitious lines, Dutch amounts, every SDG-code style, six
year columns), as CSV and as .xlsx. In the same run:

* browser: the built page begroting/ in Debian Chromium, freshly loaded: time
  from handing the file to the page (set_input_files) until the result is
  drawn; then, on the same page, the pure read + summarise part measured
  inside the page (performance.now(); the code is warm by then);
* CLI: ``praktijkenbank begroting FILE --json`` in a fresh process (wall time,
  Python start included) and the Python read + summarise in-process;
* both must give the same figures (compared as JSON).

    python benchmarks/bench_budget.py [--lines 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, OUT, TODAY, Server, machine, save, timed_build, work_dir

sys.path.insert(0, str(ROOT / "tests"))
YEARS = [2026, 2027, 2028, 2029, 2030, 2031]
CODES = ["{a}", "SDG {a}", "SDG{a:02d}", "{a}.2", "{a}; {b}", "{a},{b}", "{a}/{b}", "{a} (60%); {b} (40%)",
         "{a}:70;{b}:30", "", "-"]


def _amount(rng: random.Random) -> str:
    cents = rng.randint(0, 250_000_00)
    style = rng.randrange(4)
    whole, frac = divmod(cents, 100)
    grouped = f"{whole:,}".replace(",", ".")
    if style == 0:
        return f"{grouped},{frac:02d}"
    if style == 1:
        return f"€ {whole}"
    if style == 2:
        return "-"
    return f"{whole}.{frac:02d}"


def generate(lines: int, folder: Path) -> tuple[Path, Path]:
    """The same fictitious budget as CSV and .xlsx (fixed seed)."""
    import openpyxl

    folder.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = folder / f"begroting-{lines}.csv", folder / f"begroting-{lines}.xlsx"
    if csv_path.exists() and xlsx_path.exists():
        return csv_path, xlsx_path
    rng = random.Random(1)
    header = ["Code", "Omschrijving", "Soort", "Type", "SDG"] + [str(y) for y in YEARS]
    rows = []
    for n in range(lines):
        a, b = rng.randint(1, 17), rng.randint(1, 17)
        code = rng.choice(CODES).format(a=a, b=b if b != a else a % 17 + 1)
        rows.append([f"AP{n // 100}.{n % 100}", f"Fictieve budgetregel {n}", rng.choice(["uitgaven", "ontvangsten"]),
                     rng.choice(["exploitatie", "investering", "financiering"]), code]
                    + [_amount(rng) for _ in YEARS])
    with open(csv_path, "w", encoding="utf-8", newline="") as handle:
        handle.write("Fictieve gemeente (benchmark)\n\n")
        for row in [header] + rows:
            handle.write(";".join(f'"{c}"' if ";" in c else c for c in row) + "\n")
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Begroting")
    sheet.append(["Code", "Omschrijving", "Soort", "Type", "SDG"] + YEARS)
    from praktijkenbank.budget.values import text_to_cents
    for row in rows:
        sheet.append(row[:5] + [(text_to_cents(c) or 0) / 100 for c in row[5:]])
    workbook.save(xlsx_path)
    return csv_path, xlsx_path


def python_side(path: Path) -> tuple[float, float, dict]:
    """(CLI wall seconds, in-process read+summarise seconds, summary)."""
    from praktijkenbank import load_vocab
    from praktijkenbank.budget.parse import read_path
    from praktijkenbank.budget.summarise import labels, summarise

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "uit.json"
        start = time.perf_counter()
        subprocess.run([str(ROOT / ".venv" / "bin" / "praktijkenbank"), "begroting", str(path), "--json", str(out)],
                       check=True, capture_output=True)
        cli = time.perf_counter() - start
        summary = json.loads(out.read_text(encoding="utf-8"))
    names = labels(load_vocab())
    start = time.perf_counter()
    summarise(read_path(path), names)
    inside = time.perf_counter() - start
    return cli, inside, summary


BROWSER_JS = """async (url) => {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  const ns = globalThis.PbBegroting, data = JSON.parse(document.getElementById('pb-begroting-data').textContent);
  const t0 = performance.now();
  const parsed = ns.lezen.readBudget(data.spec, bytes, url.split('/').pop(), null);
  const t1 = performance.now();
  const summary = ns.samenvatten.summarise(parsed, {sdgs: data.sdgs, ps: data.ps}, null, 'uitgaven', 'alle');
  const t2 = performance.now();
  return {read_ms: t1 - t0, summarise_ms: t2 - t1, summary};
}"""


def browser_side(page, base: str, path: Path) -> dict:
    """The UI on a fresh page (file handed over -> result drawn), then in-page timings (read, summarise)."""
    page.goto(base + "begroting/")
    page.wait_for_selector("#pb-scan:not([hidden])")
    page.evaluate("() => { window.__t = null; new MutationObserver(() => { if (!window.__t && "
                  "!document.getElementById('pb-scan-uitkomst').hidden) window.__t = performance.now(); })"
                  ".observe(document.getElementById('pb-scan-uitkomst'), {attributes: true}); }")
    start = page.evaluate("() => performance.now()")
    page.set_input_files("#pb-scan-bestand", str(path))
    page.wait_for_function("() => window.__t !== null", timeout=60_000)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
    drawn = page.evaluate("() => window.__t")
    inside = page.evaluate(BROWSER_JS, base + "bench/" + path.name)
    inside["ui_ms"] = drawn - start
    return inside


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from conftest import CHROMIUM, CHROMIUM_ARGS
    from playwright.sync_api import sync_playwright

    folder = OUT / "begroting"
    files = generate(args.lines, folder)
    site = work_dir(100) / "site-begroting"
    from common import practices
    timed_build(ROOT / "mkdocs.yml", site, PRAKTIJKENBANK_CONTENT_DIR=str(practices(100).parent))
    (site / "bench").mkdir(exist_ok=True)
    for path in files:
        (site / "bench" / path.name).write_bytes(path.read_bytes())
    rows = []
    with Server(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page()
        for path in files:
            runs = {"read_ms": [], "summarise_ms": [], "ui_ms": [], "cli_s": [], "python_s": []}
            same = True
            for _ in range(args.repeat):
                result = browser_side(page, base, path)
                cli, inside, summary = python_side(path)
                same = same and json.dumps(result["summary"], sort_keys=True) == json.dumps(summary, sort_keys=True)
                for key in ("read_ms", "summarise_ms", "ui_ms"):
                    runs[key].append(result[key])
                runs["cli_s"].append(cli)
                runs["python_s"].append(inside)
            med = {k: statistics.median(v) for k, v in runs.items()}
            rows.append({"file": path.name, "bytes": path.stat().st_size, "lines": args.lines, "same": same,
                         "runs": runs, **med})
            print(f"{path.name}: browser read {med['read_ms']:.0f} ms + summarise {med['summarise_ms']:.0f} ms, "
                  f"UI {med['ui_ms']:.0f} ms; CLI {med['cli_s']:.2f} s (in-process {med['python_s']:.2f} s); "
                  f"same figures: {same}", file=sys.stderr)
        browser.close()
    path = save("budget", {"machine": machine(), "datum_build": TODAY, "command": "python benchmarks/bench_budget.py "
                           + " ".join(sys.argv[1:] if argv is None else argv), "rows": rows})
    print("| file | size (MB) | browser read (ms) | browser summarise (ms) | browser: file -> result drawn (ms) | "
          "CLI wall (s) | Python read+summarise (s) | same figures |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r['file']} | {r['bytes'] / 1e6:.1f} | {r['read_ms']:.0f} | {r['summarise_ms']:.0f} | {r['ui_ms']:.0f} | "
              f"{r['cli_s']:.2f} | {r['python_s']:.2f} | {'ja' if r['same'] else 'NEE'} |")
    print(f"\n(resultaten ook in {path})", file=sys.stderr)
    return 0 if all(r["same"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
