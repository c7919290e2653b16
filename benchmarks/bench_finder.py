"""Finder benchmark: bytes downloaded and keystroke-to-results time in headless Chromium.

For every size N (the site is built by bench_site.py, or here when missing):

* index: build time and size of the finder's index (zoeken/: index.json,
  rijen.bin, word chunks, fiches); Material's lunr ``search/search_index.json``
  of the same pages for comparison (from the plain + lunr build of bench_site.py);
* bytes: what the browser downloads (response bodies as the local server sends
  them, compressed; headers not counted) for
  (1) opening zoeken/ until the first results are drawn, (2) the first query,
  (3) the first facet change (SDG 12). Empty cache at the start. The local server compresses
  text files with gzip like GitHub Pages does;
* latency: time from the last key press of a query to its results being drawn
  (next animation frame), median over topical queries, typed with 80 ms between
  keys; plus a worst case: words that occur in (almost) every practice, and
  the first query after opening the page (its word chunk still to download).

    python benchmarks/bench_finder.py --sizes 100 1000 10000
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from common import Server, build_ours, directory_bytes, gzip_size, machine, save, timed_build, work_dir

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
FIRST_QUERY = "stedenband"
TYPO = "stedenbnd"  # finds nothing: "Bedoel je stedenband?"
TOPICAL = ["clausules", "fairtrade", "burgerpanel", "indicatoren", "vluchtelingen", "intervisie",
           "subsidiereglement", "omgevingsanalyse", "partnerstad", "aankopen", "begrotingen"]
COMMON = ["bestuur", "gemeenteraad"]
TYPING_DELAY_MS = 80

LATENCY_PROBE = """
() => {
  const root = document.getElementById('pb-finder');
  window.__lat = {last: 0, done: 0};
  document.addEventListener('keydown', () => { window.__lat.last = performance.now(); window.__lat.done = 0; }, true);
  new MutationObserver(() => {
    if (root.hasAttribute('data-klaar')) requestAnimationFrame(() => { window.__lat.done = performance.now(); });
  }).observe(root, {attributes: true, attributeFilter: ['data-klaar']});
}
"""


def category(url: str) -> str:
    path = url.split("?", 1)[0]
    if "/zoeken/fiches/" in path:
        return "fiches (resultaatkaarten)"
    if "/zoeken/woorden/" in path:
        return "woordindex"
    if "/zoeken/spelling/" in path:
        return "spelling (Bedoel je ...?)"
    if path.endswith("/zoeken/index.json"):
        return "index.json"
    if path.endswith("/zoeken/rijen.bin"):
        return "rijen.bin (filterwaarden)"
    if path.endswith("sitemap.xml"):
        return "sitemap.xml"
    if "/assets/zoeker/" in path:
        return "finder*.js/css + zoektaal.js"
    return "pagina + Material"


class Meter:
    """Counts the response bodies the local server sends (compressed as sent; headers not
    counted). A fresh browser context starts with an empty cache."""

    def __init__(self, sent: list):
        self.sent = sent
        self.mark = len(sent)

    def phase(self) -> dict:
        events = self.sent[self.mark:]
        self.mark = len(self.sent)
        per: dict[str, int] = {}
        for url, size in events:
            per[category(url)] = per.get(category(url), 0) + size
        return {"bytes": sum(size for _, size in events), "requests": len(events), "per_category": per,
                "files": events}


def wait_ready(page):
    page.wait_for_selector("#pb-finder[data-klaar]", state="attached", timeout=120_000)


def measure_browser(site: Path, repeat: int = 3) -> dict:
    from playwright.sync_api import sync_playwright

    out: dict = {}
    server = Server(site)
    with server as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            # Bytes: cold cache, one fresh context.
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            meter = Meter(server.sent)
            page.goto(base + "zoeken/")
            wait_ready(page)
            page.wait_for_load_state("networkidle")
            load = meter.phase()
            page.locator("#pb-finder-q").press_sequentially(FIRST_QUERY, delay=TYPING_DELAY_MS)
            wait_ready(page)
            page.wait_for_load_state("networkidle")
            query = meter.phase()
            page.locator('#pb-finder-facetten input[name="sdg"][value="12"]').check()
            wait_ready(page)
            page.wait_for_load_state("networkidle")
            facet = meter.phase()
            out["bytes"] = {"load": load, "query": query, "facet": facet,
                            "total": load["bytes"] + query["bytes"] + facet["bytes"]}
            # Not in the budget: a typo (nothing found) downloads the word list of its letter.
            box = page.locator("#pb-finder-q")
            box.fill("")
            wait_ready(page)
            box.press_sequentially(TYPO, delay=TYPING_DELAY_MS)
            wait_ready(page)
            page.wait_for_load_state("networkidle")
            out["bytes"]["typo"] = meter.phase()
            out["typo_status"] = page.locator("#pb-finder-status").inner_text()
            context.close()

            # Latency: one page, one query after another (the first one also downloads its chunk).
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(base + "zoeken/")
            wait_ready(page)
            page.evaluate(LATENCY_PROBE)
            box = page.locator("#pb-finder-q")
            timings: dict[str, list[float]] = {}
            hits: dict[str, int] = {}
            for _ in range(repeat):
                for word in [FIRST_QUERY] + TOPICAL + COMMON:
                    box.fill("")
                    wait_ready(page)
                    box.press_sequentially(word, delay=TYPING_DELAY_MS)
                    page.wait_for_function("window.__lat.done > window.__lat.last", timeout=120_000)
                    timings.setdefault(word, []).append(page.evaluate("window.__lat.done - window.__lat.last"))
                    hits[word] = int(page.get_attribute("#pb-finder", "data-aantal"))
            context.close()
            topical = [t for w in TOPICAL for t in timings[w]]
            out["latency"] = {
                "first_query_ms": timings[FIRST_QUERY][0],
                "median_ms": statistics.median(topical),
                "p90_ms": statistics.quantiles(topical, n=10)[-1],
                "max_ms": max(topical),
                "common_ms": {w: statistics.median(timings[w]) for w in COMMON},
                "per_query_ms": {w: statistics.median(v) for w, v in timings.items()},
                "hits": hits,
                "samples": len(topical),
            }
        finally:
            browser.close()
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="rondes van de zoektermen voor de reactietijd")
    args = parser.parse_args(argv)
    rows = []
    for size in args.sizes:
        site = work_dir(size) / "site"
        index_seconds = build_seconds = None
        if not (site / "zoeken" / "index.json").exists():
            site, stats = build_ours(size)
            index_seconds, build_seconds = stats["index_seconds"], stats["seconds"]
        else:
            try:
                previous = json.loads((work_dir(size).parent / "site.json").read_text())["rows"]
                index_seconds = next((r.get("index_s") for r in previous if r["n"] == size), None)
            except (OSError, ValueError, KeyError):
                pass
        lunr = work_dir(size) / "site-plain-lunr" / "search" / "search_index.json"
        if not lunr.exists():
            from bench_site import plain_config

            timed_build(plain_config(size, lunr=True), work_dir(size) / "site-plain-lunr")
        bundle_bytes, bundle_files = directory_bytes(site / "zoeken")
        words_bytes, words_files = directory_bytes(site / "zoeken" / "woorden")
        row = {
            "n": size,
            "index_seconds": index_seconds, "build_seconds": build_seconds,
            "index_mb": bundle_bytes / 1e6, "index_files": bundle_files,
            "words_kb": words_bytes / 1e3, "words_files": words_files,
            "index_json_gz_kb": gzip_size(site / "zoeken" / "index.json") / 1e3,
            "rows_kb": (site / "zoeken" / "rijen.bin").stat().st_size / 1e3,
            "spelling_gz_kb": {p.stem: gzip_size(p) / 1e3 for p in sorted((site / "zoeken" / "spelling").glob("*.json"))},
            "lunr_kb": lunr.stat().st_size / 1e3, "lunr_gz_kb": gzip_size(lunr) / 1e3,
        }
        row.update(measure_browser(site, args.repeat))
        rows.append(row)
        b = row["bytes"]
        print(f"N={size}: {b['total'] / 1e3:.0f} kB (laden {b['load']['bytes'] / 1e3:.0f}, zoekterm "
              f"{b['query']['bytes'] / 1e3:.0f}, filter {b['facet']['bytes'] / 1e3:.0f}); lunr-index "
              f"{row['lunr_gz_kb']:.0f} kB gz; mediaan {row['latency']['median_ms']:.0f} ms", file=sys.stderr)
    path = save("finder", {"machine": machine(), "command": "python benchmarks/bench_finder.py " + " ".join(
        sys.argv[1:] if argv is None else argv), "rows": rows})
    print("| N | page load (kB) | + first query (kB) | + first facet (kB) | total (kB) | lunr search_index.json "
          "(kB, gzip) | keystroke → results, median (ms) | p90 (ms) | common word (ms) | first query (ms) | "
          "index build (s) | index (MB, files) | word chunks (kB, files) | rijen.bin (kB) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        b = r["bytes"]
        common = ", ".join(f"{v:.0f}" for v in r["latency"]["common_ms"].values())
        index = f"{r['index_seconds']:.1f}" if r["index_seconds"] is not None else "?"
        print(f"| {r['n']:,} | {b['load']['bytes'] / 1e3:.0f} | {b['query']['bytes'] / 1e3:.0f} | "
              f"{b['facet']['bytes'] / 1e3:.0f} | **{b['total'] / 1e3:.0f}** | {r['lunr_gz_kb']:,.0f} | "
              f"**{r['latency']['median_ms']:.0f}** | {r['latency']['p90_ms']:.0f} | {common} | "
              f"{r['latency']['first_query_ms']:.0f} | {index} | {r['index_mb']:.1f} MB, {r['index_files']:,} | "
              f"{r['words_kb']:.0f}, {r['words_files']:,} | {r['rows_kb']:.0f} |")
        spelling = r["spelling_gz_kb"]
        largest = max(spelling, key=spelling.get) if spelling else "-"
        if r["build_seconds"] is not None:
            print(f"    site build (mkdocs build, this run): {r['build_seconds']:.1f} s")
        print(f"    typo '{TYPO}': {b['typo']['bytes'] / 1e3:.1f} kB ({r['typo_status']}); word lists gzip: "
              f"largest '{largest}' {spelling.get(largest, 0):.1f} kB, all {sum(spelling.values()):.0f} kB")
        for phase in ("load", "query", "facet", "typo"):
            parts = ", ".join(f"{k} {v / 1e3:.1f}" for k, v in sorted(b[phase]["per_category"].items()))
            print(f"    {phase}: {parts}")
    print(f"\n(resultaten ook in {path})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
