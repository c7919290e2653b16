"""How good are the SDG suggestions? Top-1 and top-3 recall of a government's own SDGs.

Data: benchmarks/data/sdg-acties.csv (real Dutch action texts, each with the SDG(s) its own
government gave it; sources and split in benchmarks/data/README.md). Only the ``train`` rows
may shape the vocabulary and weights; the figures that count are those on ``eval``.

Per action: the share of actions whose own SDG (any of them, for a row with several) is the
first suggestion (top 1) or among the three (top 3). Per SDG: for every SDG that labels at least
one action, the share of its actions where that SDG is suggested (top 1 / top 3), averaged over
those SDGs (macro average).

Compared with:
* keyword-only: the words of the SDG's own Dutch name and goal (sdgs.yaml), counted in the text,
  the three SDGs with most words (no vocabulary, no compounds, no weights);
* frequent-3: always the three SDGs most frequent in the ``train`` rows (and, for reference, in
  the measured rows themselves, which a real tool cannot know).

    python benchmarks/eval_suggest.py [--deel eval|train|alle] [--json OUT] [--fouten]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from praktijkenbank.budget.suggest import load_model, suggest  # noqa: E402
from praktijkenbank.records.vocab import DATA_DIR  # noqa: E402
from praktijkenbank.site.search_text import stem, words  # noqa: E402

DATA = ROOT / "benchmarks" / "data" / "sdg-acties.csv"


def read_rows(part: str) -> list[dict]:
    with open(DATA, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    for row in rows:
        row["labels"] = {int(n) for n in row["sdgs"].split()}
    return rows if part == "alle" else [r for r in rows if r["deel"] == part]


def line_of(row: dict) -> dict:
    return {"beleidsveld": None, "teksten": {"actie": row["tekst"], "actieplan": "", "doelstelling": row.get("context") or ""}}


def engine(rows: list[dict]) -> list[list[int]]:
    model = load_model()
    return [[s["sdg"] for s in suggest(model, line_of(row))] for row in rows]


def keyword_only(rows: list[dict]) -> list[list[int]]:
    """The SDG names and goals as the only keywords (exact stems)."""
    keywords = {}
    for entry in yaml.safe_load((DATA_DIR / "sdgs.yaml").read_text(encoding="utf-8")):
        keywords[entry["nummer"]] = {stem(w) for w in words(entry["naam"] + " " + entry["doel"]) if len(w) > 3}
    out = []
    for row in rows:
        found = Counter(stem(w) for w in words(row["tekst"] + " " + (row.get("context") or "")))
        scores = {n: sum(found[k] for k in keys) for n, keys in keywords.items()}
        ranked = sorted((n for n in scores if scores[n] > 0), key=lambda n: (-scores[n], n))
        out.append(ranked[:3])
    return out


def most_frequent(rows: list[dict], reference: list[dict]) -> list[list[int]]:
    counts = Counter(n for row in reference for n in row["labels"])
    top = [n for n, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3]]
    return [top for _ in rows]


def recall(rows: list[dict], suggested: list[list[int]]) -> dict:
    """Top-1 and top-3 recall per action and macro-averaged per SDG."""
    result = {"acties": len(rows)}
    per_sdg: dict[int, list[tuple[bool, bool]]] = {}
    hits = {1: 0, 3: 0}
    for row, got in zip(rows, suggested):
        for k in (1, 3):
            hits[k] += bool(row["labels"] & set(got[:k]))
        for n in row["labels"]:
            per_sdg.setdefault(n, []).append((n in got[:1], n in got[:3]))
    for k in (1, 3):
        result[f"top{k}_per_actie"] = hits[k] / len(rows)
        result[f"top{k}_per_sdg"] = sum(sum(h[k == 3] for h in v) / len(v) for v in per_sdg.values()) / len(per_sdg)
    result["per_sdg"] = {n: {"acties": len(v), "top1": sum(h[0] for h in v) / len(v), "top3": sum(h[1] for h in v) / len(v)}
                         for n, v in sorted(per_sdg.items())}
    result["zonder_suggestie"] = sum(1 for got in suggested if not got)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deel", choices=["eval", "train", "alle"], default="eval")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--fouten", action="store_true", help="toon de acties waar de eigen SDG niet in de top 3 zit")
    args = parser.parse_args(argv)
    rows = read_rows(args.deel)
    train = read_rows("train")
    ours = engine(rows)
    methods = {"suggesties": ours, "alleen trefwoorden (SDG-namen)": keyword_only(rows),
               "altijd de 3 meest voorkomende (train)": most_frequent(rows, train),
               "altijd de 3 meest voorkomende (gemeten deel zelf)": most_frequent(rows, rows)}
    results = {name: recall(rows, got) for name, got in methods.items()}
    print(f"Deel: {args.deel} ({len(rows)} acties)\n")
    print(f"{'methode':52} {'top1/actie':>10} {'top3/actie':>10} {'top1/SDG':>9} {'top3/SDG':>9}")
    for name, r in results.items():
        print(f"{name:52} {r['top1_per_actie']:10.1%} {r['top3_per_actie']:10.1%} {r['top1_per_sdg']:9.1%} {r['top3_per_sdg']:9.1%}")
    print("\nPer SDG (suggesties): " + "  ".join(f"{n}: {v['top3']:.0%} ({v['acties']})"
                                                 for n, v in results["suggesties"]["per_sdg"].items()))
    print(f"Acties zonder suggestie: {results['suggesties']['zonder_suggestie']}")
    if args.fouten:
        for row, got in zip(rows, ours):
            if not row["labels"] & set(got):
                print(f"- {row['id']}: eigen {sorted(row['labels'])}, voorgesteld {got}: {row['tekst'][:110]}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"deel": args.deel, "resultaten": results}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
