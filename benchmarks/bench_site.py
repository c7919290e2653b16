"""Site build benchmark: our build versus plain mkdocs-material builds, side by side.

For every size N, each build in its own process, the variants taking turns
(``--repeat`` rounds; medians), CPU time (user + system) and peak memory of
that process:

* ``ours``: the real ``mkdocs build`` (mkdocs.yml with its hooks: validation of
  the N records, page generation, open data, search index) of N generated
  practices;
* ``fair``: the anchor of the goals: the records' own Markdown files as pages
  (front matter and body, as written), with docs/, the same theme, overrides,
  nav and Markdown extensions, no hook and no search: what Material costs for
  these records without anything of ours;
* ``plain`` (and ``plain+lunr`` with ``--lunr``): our finished pages, dumped to a
  docs folder beforehand (the same output), built by Material without the hook;
  with lunr: with Material's own search plugin.

* ``before`` (with ``--baseline DIR``): the real build of an earlier version, exported
  to DIR (``git archive <commit> | tar -x -C DIR``), with its own code.

    python benchmarks/bench_site.py --sizes 100 1000 10000 [--repeat 3] [--lunr] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from common import ROOT, TODAY, build_ours, directory_bytes, measured_build, practices, print_table, save_rows, work_dir


def plain_docs(size: int):
    """docs/ plus every generated page as a real Markdown file (made once per size)."""
    from praktijkenbank.site import model, render
    from praktijkenbank.records.load import load_practices
    from praktijkenbank.records.vocab import load_vocab

    docs = work_dir(size) / "plain-docs"
    marker = docs / ".complete"
    if marker.exists():
        return docs
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(ROOT / "docs", docs)
    records, problems = load_practices([practices(size)])
    vocab = load_vocab()
    site = model.build_site(records, vocab, dt.date.fromisoformat(TODAY), repo_root=ROOT)
    renderer = render.Renderer(site, vocab, edit_base=None, use_directory_urls=True,
                               extra={"heeft_bijdragen": (docs / "bijdragen.md").exists()})
    for src_uri, content in renderer.pages().items():
        # Our hook keeps the fiches' HTML blocks out of MkDocs' Markdown (slots, filled in
        # afterwards); a plain site has them inline in its Markdown.
        content = renderer.fill(src_uri, content)
        target = docs / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    marker.write_text("ok")
    return docs


def fair_docs(size: int):
    """docs/ plus every record file as it is written, as a page; a short stand-in for every nav page
    the hook would generate (so the nav is the same)."""
    docs = work_dir(size) / "fair-docs"
    marker = docs / ".complete"
    if marker.exists():
        return docs
    if docs.exists():
        shutil.rmtree(docs)
    shutil.copytree(ROOT / "docs", docs)
    (docs / "praktijken").mkdir(exist_ok=True)
    for record in sorted(practices(size).glob("*.md")):
        shutil.copyfile(record, docs / "praktijken" / record.name)
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        nav = yaml_load(handle)["nav"]
    for entry in nav:
        (title, path), = entry.items()
        if isinstance(path, str) and not (docs / path).exists():
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            (docs / path).write_text(f"# {title}\n", encoding="utf-8")
    marker.write_text("ok")
    return docs


def plain_config(size: int, lunr: bool = False, fair: bool = False):
    """Our mkdocs.yml without hooks on dumped pages (``fair``: on the records' own Markdown),
    with or without Material's search."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    config.pop("hooks", None)
    config["docs_dir"] = str(fair_docs(size) if fair else plain_docs(size))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["plugins"] = [{"search": {"lang": "nl"}}] if lunr else []
    config["validation"] = {"omitted_files": "info", "absolute_links": "info", "unrecognized_links": "info",
                            "anchors": "info", "nav": {"omitted_files": "info", "not_found": "info"}}
    name = "fair" if fair else ("plain-lunr" if lunr else "plain")
    path = work_dir(size) / f"mkdocs-{name}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--lunr", action="store_true", help="ook kaal Material met zijn lunr-zoekfunctie")
    parser.add_argument("--baseline", type=Path, help="map met een eerdere versie (git archive): ook die build")
    parser.add_argument("--zonder-kaal", dest="plain", action="store_false",
                        help="zonder de variant 'zelfde uitvoer kaal' (sneller bij 10.000)")
    args = parser.parse_args(argv)
    rows = []
    for size in args.sizes:
        practices(size)
        if args.plain:
            plain_docs(size)
        fair_docs(size)
        variants = (["ours", "fair"] + (["plain"] if args.plain else []) + (["plain+lunr"] if args.lunr else [])
                    + (["before"] if args.baseline else []))
        runs: dict[str, list[dict]] = {name: [] for name in variants}
        index = []
        for _ in range(args.repeat):  # the variants take turns: a busy moment hits all of them
            for name in variants:
                if name in ("ours", "before"):
                    _, stats = build_ours(size, args.baseline if name == "before" else None)
                    runs[name].append({"wall": stats["seconds"], "cpu": stats["cpu"], "mib": stats["mib"]})
                    if name == "ours":
                        index.append(stats["index_seconds"])
                else:
                    run = measured_build(plain_config(size, lunr=name == "plain+lunr", fair=name == "fair"),
                                         work_dir(size) / f"site-{name.replace('+', '-')}")
                    runs[name].append({k: run[k] for k in ("wall", "cpu", "mib")})
        med = {name: {k: _median(values, k) for k in ("wall", "cpu", "mib")} for name, values in runs.items()}
        site_bytes, site_files = directory_bytes(work_dir(size) / "site")
        row = {
            "n": size, "runs": runs, "median": med, "index_s": statistics.median(i for i in index if i is not None),
            "cpu_vs_fair": med["ours"]["cpu"] / med["fair"]["cpu"],
            "mib_vs_fair": med["ours"]["mib"] / med["fair"]["mib"],
            "cpu_vs_plain": med["ours"]["cpu"] / med["plain"]["cpu"] if "plain" in med else None,
            "site_mb": site_bytes / 1e6, "site_files": site_files,
        }
        rows.append(row)
        print(f"N={size}: " + ", ".join(f"{name} {m['cpu']:.1f} s CPU ({m['wall']:.1f} s, {m['mib']:.0f} MiB)"
                                        for name, m in med.items()), file=sys.stderr)
    path = save_rows("site", argv, rows)

    def cell(v: dict | None) -> str:
        return f"{v['cpu']:.1f} / {v['wall']:.1f} / {v['mib']:.0f}" if v else "–"

    print_table(["N", "wij: CPU (s) / muur (s) / MiB", "eerlijk anker: CPU / muur / MiB",
                 "zelfde uitvoer kaal: CPU / muur / MiB", "wij ÷ eerlijk (CPU)", "wij ÷ eerlijk (geheugen)",
                 "wij ÷ zelfde uitvoer (CPU)"],
                [[f"{r['n']:,}", cell(r["median"]["ours"]), cell(r["median"]["fair"]), cell(r["median"].get("plain")),
                  f"{r['cpu_vs_fair']:.2f}×", f"{r['mib_vs_fair']:.2f}×",
                  f"{r['cpu_vs_plain']:.2f}×" if r["cpu_vs_plain"] else "–"] for r in rows])
    if args.baseline:
        for r in rows:
            b = r["median"]["before"]
            print(f"N={r['n']}: vorige versie {cell(b)} (CPU ÷ eerlijk {b['cpu'] / r['median']['fair']['cpu']:.2f}×)")
    if args.lunr:
        for r in rows:
            print(f"N={r['n']}: kaal + lunr {r['median']['plain+lunr']['cpu']:.1f} s CPU", file=sys.stderr)
    print(f"\n(resultaten ook in {path})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
