"""Learn extra suggestion words from labelled Dutch texts: the bank's own records and the training
half of the evaluation set. Writes ``data/sdg-woorden-geleerd.yaml`` (reviewable in a pull request).

    python -m praktijkenbank.budget.learn [--controleer]

A simple, transparent classifier: for every word stem, in how many labelled texts it occurs and
how many of those carry each SDG. A stem that occurs in at least ``MIN_TEXTS`` texts, and whose
texts carry one SDG in at least ``MIN_PRECISION`` of the cases, becomes a word for that SDG with
weight ``WEIGHT`` x that share. Stems that the hand-made list (sdg-woorden.yaml) already knows are
left alone (the hand-made list wins), and so are the words of its 'niet_leren' list (function
words, place names: they say nothing about an SDG). The learned words match exactly (no compounds) and point to
an SDG, not to a target.

Texts: every record (practices/, instruments/, procurement/, dossiers/) with SDGs: its title and
summary; the ``train`` rows of benchmarks/data/sdg-acties.csv: text and context. The ``eval`` rows
are never read. ``--controleer`` fails (exit 1) when the file is not what the texts give today.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import frontmatter
import yaml

from ..records.vocab import DATA_DIR
from ..site.search_text import terms
from .suggest_model import _read, term_key

REPO = DATA_DIR.parents[2]
OUTPUT = DATA_DIR / "sdg-woorden-geleerd.yaml"
TRAINING = REPO / "benchmarks" / "data" / "sdg-acties.csv"
RECORD_FOLDERS = ["practices", "instruments", "procurement", "dossiers"]
MIN_TEXTS = 3
MIN_PRECISION = 0.6
WEIGHT = 0.6
MIN_LENGTH = 5  # stems of at least 5 letters: shorter ones are mostly function words


def labelled_texts(repo: Path = REPO) -> list[tuple[str, set[int]]]:
    """(text, SDGs) of every record with SDGs and every training row."""
    out = []
    for folder in RECORD_FOLDERS:
        for path in sorted((repo / folder).rglob("*.md")):
            post = frontmatter.load(path)
            sdgs = {int(n) for n in post.get("sdgs") or []}
            if sdgs:
                out.append((f"{post.get('titel', '')} {post.get('samenvatting', '')}", sdgs))
    if TRAINING.is_file():
        with open(TRAINING, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter=";"):
                if row["deel"] == "train":
                    out.append((f"{row['tekst']} {row.get('context') or ''}", {int(n) for n in row["sdgs"].split()}))
    return out


def learn(texts: list[tuple[str, set[int]]]) -> dict[str, dict[int, float]]:
    """{stem: {sdg: weight}} (see the module docstring)."""
    vocab = _read("sdg-woorden.yaml")
    known = {term_key(str(word))[0] for word in vocab.get("niet_leren") or []}
    for entry in vocab["woorden"].values():
        for strength in ("sterk", "zwak"):
            for word in entry.get(strength) or []:
                key, _ = term_key(str(word))
                known.add(key)
    seen: Counter = Counter()
    per_sdg: dict[str, Counter] = defaultdict(Counter)
    for text, sdgs in texts:
        for stem in {s for s in terms(text) if len(s) >= MIN_LENGTH and not re.search(r"\d", s)}:
            seen[stem] += 1
            for sdg in sdgs:
                per_sdg[stem][sdg] += 1
    out: dict[str, dict[int, float]] = {}
    for stem in sorted(seen):
        if seen[stem] < MIN_TEXTS or stem in known:
            continue
        weights = {sdg: round(WEIGHT * count / seen[stem], 3) for sdg, count in sorted(per_sdg[stem].items())
                   if count / seen[stem] >= MIN_PRECISION}
        if weights:
            out[stem] = weights
    return out


def render(learned: dict[str, dict[int, float]], count: int) -> str:
    lines = [
        "# Geleerde woorden voor de SDG-suggesties: NIET MET DE HAND AANPASSEN.",
        "# Gemaakt door 'python -m praktijkenbank.budget.learn' uit de titels en samenvattingen van de",
        "# fiches van de bank en het trainingsdeel van benchmarks/data/sdg-acties.csv (nooit het",
        f"# evaluatiedeel); {count} teksten. Per woordstam: de SDG's en hun gewicht. Opnieuw maken na",
        "# nieuwe fiches of een nieuwe trainingsset; verbeteren doe je in sdg-woorden.yaml.",
        "stammen:",
    ]
    for stem, weights in learned.items():
        pairs = ", ".join(f"{sdg}: {weight}" for sdg, weight in weights.items())
        lines.append(f"  {stem}: {{{pairs}}}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Leer extra woorden voor de SDG-suggesties.")
    parser.add_argument("--controleer", action="store_true", help="alleen nakijken of het bestand klopt")
    args = parser.parse_args(argv)
    texts = labelled_texts()
    content = render(learn(texts), len(texts))
    if args.controleer:
        if OUTPUT.read_text(encoding="utf-8") != content:
            print(f"{OUTPUT.name} is niet bijgewerkt: draai 'python -m praktijkenbank.budget.learn'.", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(content, encoding="utf-8")
    print(f"{OUTPUT.name}: {content.count(chr(10)) - 6} woordstammen uit {len(texts)} teksten.")
    yaml.safe_load(content)
    return 0


if __name__ == "__main__":
    sys.exit(main())
