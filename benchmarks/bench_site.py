"""Site build benchmark: our build versus a plain mkdocs-material build of the same pages.

For every size N:

* ``ours``: the real ``mkdocs build`` (mkdocs.yml with its hooks: validation of
  the N records, page generation, open data, search index) of N generated
  practices;
* ``plain`` and ``plain+lunr``: the same Markdown pages, dumped to a docs
  folder beforehand, built by mkdocs-material with the same theme, overrides
  and Markdown extensions but without our hooks; once without any search and
  once with Material's own lunr search plugin (its ``search_index.json`` size
  is reported by bench_finder.py).

Each build runs in its own process; the median of ``--repeat`` runs is kept.

    python benchmarks/bench_site.py --sizes 100 1000 10000 [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys

import yaml
from mkdocs.utils.yaml import yaml_load

from common import ROOT, TODAY, build_ours, directory_bytes, machine, practices, save, timed_build, work_dir


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


def plain_config(size: int, lunr: bool):
    """Our mkdocs.yml without hooks, on the dumped pages, with or without Material's search."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    config.pop("hooks", None)
    config["docs_dir"] = str(plain_docs(size))
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["plugins"] = [{"search": {"lang": "nl"}}] if lunr else []
    config["validation"] = {"omitted_files": "info", "absolute_links": "info", "unrecognized_links": "info",
                            "anchors": "info"}
    path = work_dir(size) / f"mkdocs-plain{'-lunr' if lunr else ''}.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    rows = []
    for size in args.sizes:
        practices(size)
        plain_docs(size)
        runs = {"ours": [], "plain": [], "plain+lunr": [], "index": []}
        for _ in range(args.repeat):
            site, stats = build_ours(size)
            runs["ours"].append(stats["seconds"])
            runs["index"].append(stats["index_seconds"])
            seconds, _ = timed_build(plain_config(size, lunr=False), work_dir(size) / "site-plain")
            runs["plain"].append(seconds)
            seconds, _ = timed_build(plain_config(size, lunr=True), work_dir(size) / "site-plain-lunr")
            runs["plain+lunr"].append(seconds)
        med = {key: statistics.median(values) for key, values in runs.items()}
        site_bytes, site_files = directory_bytes(work_dir(size) / "site")
        row = {
            "n": size, "runs": runs, "ours_s": med["ours"], "plain_s": med["plain"],
            "plain_lunr_s": med["plain+lunr"], "index_s": med["index"],
            "overhead_vs_plain": med["ours"] / med["plain"] - 1,
            "overhead_vs_plain_lunr": med["ours"] / med["plain+lunr"] - 1,
            "overhead_without_index_vs_plain": (med["ours"] - med["index"]) / med["plain"] - 1,
            "site_mb": site_bytes / 1e6, "site_files": site_files,
        }
        rows.append(row)
        print(f"N={size}: ours {med['ours']:.1f} s (index {med['index']:.1f} s), plain {med['plain']:.1f} s, "
              f"plain+lunr {med['plain+lunr']:.1f} s", file=sys.stderr)
    path = save("site", {"machine": machine(), "command": "python benchmarks/bench_site.py " + " ".join(
        sys.argv[1:] if argv is None else argv), "rows": rows})
    print("| N | ours (s) | of which search index (s) | plain Material (s) | plain + lunr (s) | "
          "overhead vs plain | vs plain + lunr | without index vs plain |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['n']:,} | {r['ours_s']:.1f} | {r['index_s']:.1f} | {r['plain_s']:.1f} | "
              f"{r['plain_lunr_s']:.1f} | {r['overhead_vs_plain']:+.0%} | {r['overhead_vs_plain_lunr']:+.0%} | "
              f"{r['overhead_without_index_vs_plain']:+.0%} |")
    print(f"\n(resultaten ook in {path})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
