"""The date of the last change of each record file, from the git history (for 'laatst gewijzigd').

One ``git log`` over the record folders per build, so the cost does not grow with
the number of pages. Outside a git repository, or without git, the result is
empty and pages fall back to their 'geverifieerd' date. A shallow clone knows
only its newest commit: the Pages workflow fetches the whole history.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path


def last_changes(root: Path, folders: list[str], timeout: float = 30) -> dict[str, str]:
    """{'procurement/koffie.md': '2026-12-01', ...}: paths from ``root`` (the repository folder of
    mkdocs.yml), newest commit date (JJJJ-MM-DD). ``folders``: the record folders to look at."""
    return history(root, folders, timeout)[0]


def history(root: Path, folders: list[str], timeout: float = 30) -> tuple[dict[str, str], dict[str, int]]:
    """From one ``git log``: the newest commit date of each file (see :func:`last_changes`) and the
    moment (Unix time) its oldest commit added it to the repository: which record came in last, when
    several share one 'toegevoegd' date."""
    git = shutil.which("git")
    if git is None or not folders:
        return {}, {}
    try:
        top = subprocess.run([git, "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True,
                             text=True, timeout=timeout, check=True).stdout.strip()
        log = subprocess.run([git, "-C", str(root), "log", "--format=%x00%cs %ct", "--name-only", "--no-renames",
                              "--", *folders], capture_output=True, text=True, timeout=timeout, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}, {}
    prefix = Path(root).resolve().relative_to(Path(top).resolve()).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    dates: dict[str, str] = {}
    entered: dict[str, int] = {}
    date, moment = "", 0
    for line in log.splitlines():
        if line.startswith("\x00"):
            date, _, stamp = line[1:].strip().partition(" ")
            moment = int(stamp) if stamp.isdigit() else 0
        elif line and date:
            path = line[len(prefix):] if prefix and line.startswith(prefix) else line
            dates.setdefault(path, date)  # newest first: keep the first date seen
            entered[path] = moment  # ... and the last moment seen: the commit that added the file
    return dates, entered
