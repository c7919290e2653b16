"""'Laatst gewijzigd' from the git history: one git log per build, newest commit per file."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from praktijkenbank.records.gitdates import history, last_changes

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is needed to make a test repository")


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00", GIT_COMMITTER_DATE=f"{date}T12:00:00")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_newest_commit_date_per_file_relative_to_the_site_folder(tmp_path):
    repo = tmp_path / "repo"
    site = repo / "sub"  # mkdocs.yml may sit below the top of the repository
    (site / "procurement").mkdir(parents=True)
    _git(repo, "init", "-q")
    (site / "procurement" / "koffie.md").write_text("een\n", encoding="utf-8")
    (site / "procurement" / "papier.md").write_text("een\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "eerste", date="2026-01-05")
    (site / "procurement" / "koffie.md").write_text("twee\n", encoding="utf-8")
    _git(repo, "commit", "-qam", "tweede", date="2026-03-09")
    dates = last_changes(site, [str(site / "procurement")])
    assert dates == {"procurement/koffie.md": "2026-03-09", "procurement/papier.md": "2026-01-05"}


def test_outside_a_repository_there_are_no_dates(tmp_path):
    (tmp_path / "procurement").mkdir()
    assert last_changes(tmp_path, [str(tmp_path / "procurement")]) == {}


def test_the_moment_each_file_entered_the_repository(tmp_path):
    repo = tmp_path / "repo"
    (repo / "practices").mkdir(parents=True)
    _git(repo, "init", "-q")
    (repo / "practices" / "eerst.md").write_text("een\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "eerste", date="2026-01-05")
    (repo / "practices" / "later.md").write_text("een\n", encoding="utf-8")
    (repo / "practices" / "eerst.md").write_text("twee\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "tweede", date="2026-03-09")
    dates, entered = history(repo, [str(repo / "practices")])
    assert dates == {"practices/eerst.md": "2026-03-09", "practices/later.md": "2026-03-09"}
    assert entered["practices/later.md"] > entered["practices/eerst.md"]  # eerst.md entered in January
