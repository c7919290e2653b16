"""``praktijkenbank validate --format github``: problems as GitHub Actions annotations.

Each problem becomes a workflow command that GitHub shows on the changed line
of the pull request::

    ::error file=practices/x.md,line=12,col=3,title=praktijkenbank%3A themas[0]::'x' is geen ...

Escaping follows the runner (actions/toolkit ``command.ts``): in the message
``%``, CR and LF are percent-encoded; in property values also ``:`` and ``,``.
When ``$GITHUB_STEP_SUMMARY`` is set, a readable Markdown table of all problems
is appended to the job summary as well (GitHub shows only the first few
annotations of each kind per step; the summary has them all).
"""

from __future__ import annotations

import os
from collections import defaultdict
from typing import TextIO

from ..records.problems import Problem

SUMMARY_ENV = "GITHUB_STEP_SUMMARY"
MAX_SUMMARY_ROWS = 500  # the job summary is limited to 1 MiB per step


def escape_data(text: str) -> str:
    """Escape a workflow-command message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value (file, title, ...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(problem: Problem) -> str:
    """One ``::error`` / ``::warning`` line for a problem."""
    kind = "error" if problem.is_error else "warning"
    path = problem.path.replace("\\", "/")
    properties = {
        "file": path,
        "line": str(problem.line),
        "col": str(problem.col),
        "title": f"praktijkenbank: {problem.field}",
    }
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    message = problem.message
    if problem.hint:
        message += f"\ntip: {problem.hint}"
    return f"::{kind} {props}::{escape_data(message)}"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell (no HTML, no column breaks)."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("|", "\\|").replace("`", "'")
    return " ".join(text.split())


def summary_markdown(problems: list[Problem], checked: int) -> str:
    """A Markdown report of all problems, grouped by file."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    lines = ["## Praktijkenbank: nakijken van de praktijken", ""]
    if not problems:
        lines.append(f"In orde: {checked} praktijk(en) nagekeken, geen fouten of waarschuwingen.")
        return "\n".join(lines) + "\n"
    files = len({p.path for p in problems})
    lines.append(f"**{errors} fout(en)** en **{warnings} waarschuwing(en)** in {files} bestand(en); "
                 f"{checked} praktijk(en) nagekeken.")
    lines += ["", "Herstel de fouten in de genoemde bestanden. Volgorde, dubbels en datums herstelt "
              "`praktijkenbank validate --fix` voor je.", ""]
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.path].append(problem)
    shown = 0
    for path in sorted(by_file):
        if shown >= MAX_SUMMARY_ROWS:
            break
        lines += [f"### `{_cell(path)}`", "", "| Regel | Veld | Soort | Melding | Tip |", "| ---: | --- | --- | --- | --- |"]
        for problem in by_file[path]:
            if shown >= MAX_SUMMARY_ROWS:
                break
            lines.append(f"| {problem.line}:{problem.col} | {_cell(problem.field)} | {problem.severity} | "
                         f"{_cell(problem.message)} | {_cell(problem.hint)} |")
            shown += 1
        lines.append("")
    if shown < len(problems):
        lines.append(f"... en nog {len(problems) - shown} meldingen: voer `praktijkenbank validate` lokaal uit.")
    return "\n".join(lines).rstrip("\n") + "\n"


def emit(problems: list[Problem], practices: list, stream: TextIO, environ=None) -> None:
    """Write the annotations to ``stream`` and, if possible, the job summary."""
    for problem in problems:
        stream.write(command(problem) + "\n")
    environ = os.environ if environ is None else environ
    target = environ.get(SUMMARY_ENV)
    if target:
        try:
            with open(target, "a", encoding="utf-8") as handle:
                handle.write(summary_markdown(problems, len(practices)))
        except OSError:
            pass  # the annotations are what matters; a summary is a bonus
