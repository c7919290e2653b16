"""The texts the workflow 'Praktijk uit issue' posts: the pull request body and the comment on the issue.

Both hold text from the issue (the notes quote answers; the validator's output
quotes the record), so they are made here, in the job that has no token, and
passed on as files:

- every note is escaped Markdown on one line (no mention, link, image, HTML or
  heading can come from the issue);
- the validator's output sits in a fence longer than any run of '~' or '`' in it;
- the body stays below GitHub's limit of 65,536 characters: a very long output
  is shortened with a note (the full list is in the check of the pull request),
  so the pull request is always created.

``python -m praktijkenbank.contrib.pr_body MAP NUMMER`` reads pad.txt, status.txt,
notities.md (written by ``uit-issue --notities``) and validatie.txt in MAP and writes
pr.md and opmerkingen.md there.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LIMIT = 60_000  # GitHub refuses a body of more than 65,536 characters; room for the lines around it
NOTE_LIMIT = 1_000  # one note (it quotes an answer)
NO_NOTES = "- Geen opmerkingen bij het omzetten."  # what ``uit-issue --notities`` writes without notes
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~@!&(){}])")


def escape(text: str) -> str:
    """Text from an issue as literal Markdown on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + " … (ingekort)"


def notes_markdown(notes: list[str], limit: int = LIMIT // 3) -> str:
    """The notes as a Markdown list, escaped, within ``limit`` characters."""
    lines = [f"- {escape(_shorten(note, NOTE_LIMIT))}" for note in notes] or [NO_NOTES]
    out, size = [], 0
    for number, line in enumerate(lines):
        if size + len(line) + 1 > limit:
            out.append(f"- … en nog {len(lines) - number} opmerking(en); zie de uitvoer van de workflow.")
            break
        out.append(line)
        size += len(line) + 1
    return "\n".join(out) + "\n"


def fenced(text: str, limit: int) -> str:
    """``text`` in a fence that nothing inside can close, at most ``limit`` characters of it."""
    if len(text) > limit:
        cut = text[:limit]
        text = cut[:cut.rfind("\n") + 1 or limit] + "… (ingekort: de volledige lijst staat bij de controle van de pull request)\n"
    longest = max((len(run) for run in re.findall(r"~+|`+", text)), default=0)
    fence = "~" * max(4, longest + 1)
    return f"{fence}text\n{text.rstrip()}\n{fence}\n"


def pr_body(path: str, issue: int, status: int, notes: list[str], validation: str) -> str:
    """The pull request body (below GitHub's limit whatever the issue held)."""
    head = [f"Voorstel uit issue #{issue}, omgezet naar `{escape(path)}`.", "", f"Closes #{issue}", "",
            "### Opmerkingen bij het omzetten", notes_markdown(notes)]
    if status == 0:
        head += ["### Nakijken: in orde", ""]
    else:
        head += ["### Nakijken: nog te verbeteren", "",
                 "Pas het bestand aan in deze pull request (knop *Edit file*) tot de controle groen is.", ""]
    tail = ["", "Vergeet de checklist niet: zie .github/PULL_REQUEST_TEMPLATE.md.", ""]
    start = "\n".join(head) + "\n"
    room = LIMIT - len(start) - len("\n".join(tail)) - 200
    return start + fenced(validation, max(room, 1_000)) + "\n".join(tail)


def issue_comment(notes: list[str]) -> str:
    """What the issue is told besides the link to the pull request: every note of the conversion."""
    if not notes:
        return "Alles uit het formulier is overgenomen.\n"
    return "Bij het omzetten viel dit op (een beheerder kijkt het na in de pull request):\n\n" + notes_markdown(notes)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    folder, issue = Path(argv[0]), int(argv[1])

    def read(name: str) -> str:
        file = folder / name
        return file.read_text(encoding="utf-8", errors="replace") if file.exists() else ""

    notes = [line[2:] for line in read("notities.md").splitlines() if line.startswith("- ") and line != NO_NOTES]
    status_text = read("status.txt").strip()
    status = int(status_text) if status_text.isdigit() else 1
    (folder / "pr.md").write_text(pr_body(read("pad.txt").strip(), issue, status, notes, read("validatie.txt")),
                                  encoding="utf-8")
    (folder / "opmerkingen.md").write_text(issue_comment(notes), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
